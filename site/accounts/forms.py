import re

from allauth.account import forms as allauth_forms
from allauth.core import context as allauth_context
from allauth.core import ratelimit

from django import forms
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm

from ..widgets import municipality_select
from .models import Profile, User

PHONE_PATTERN = re.compile(r"^\+?[0-9 ]{8,20}$")


def clean_phone_number(value):
    value = (value or "").strip()
    if value and not PHONE_PATTERN.match(value):
        raise forms.ValidationError(
            _("Write the phone number with digits only, for example 912 34 567 or +47 912 34 567.")
        )
    return value


class SignupForm(allauth_forms.SignupForm):
    """allauth's sign-up form (ACCOUNT_FORMS["signup"]) with the full name."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Write your full name."))
        return name

    def clean(self):
        """Sign-up attempts are counted per e-mail address typed; the count per
        client address (ACCOUNT_RATE_LIMITS["signup"]) is loose, so a class
        behind one network can sign up together."""
        cleaned_data = super().clean()
        email = (self.data.get("email") or "").strip().lower()
        request = allauth_context.request
        if (
            email
            and request is not None
            and not ratelimit.consume(request, action="signup_email", key=email)
        ):
            self.add_error(
                "email",
                _(
                    "There have been many attempts to sign up with this e-mail address. "
                    "Wait an hour and try again."
                ),
            )
        return cleaned_data

    def try_save(self, request):
        """An address with an account makes no new one (ACCOUNT_PREVENT_ENUMERATION),
        but hashes the password all the same: a new account's sign-up spends that
        time, and the answer must not come back faster for a known address."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class ProfileForm(forms.ModelForm):
    """The person's own details: account fields and participant profile together."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"),
        choices=User._meta.get_field("preferred_language").choices,
        help_text=_("The language of the site and of e-mails we send you."),
    )
    home_municipality = forms.ModelChoiceField(
        label=_("Home municipality"),
        # The municipalities live in the network app, above this one: reach
        # them through the profile's foreign key rather than an import.
        queryset=Profile._meta.get_field("home_municipality").related_model.objects.order_by(
            "name"
        ),
        required=False,
        empty_label=_("Choose municipality"),
        widget=municipality_select(),
    )

    class Meta:
        model = Profile
        fields = [
            "profession",
            "has_norwegian_authorisation",
            "authorisation_year",
            "practice_years",
            "study_place",
            "home_municipality",
            "wants_to_be_mentor",
        ]
        widgets = {
            "authorisation_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "practice_years": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }

    field_order = ["full_name", "phone", "preferred_language"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name in ("full_name", "phone", "preferred_language"):
            self.fields[name].initial = getattr(user, name)
        self.fields["profession"].choices = [("", _("Choose profession"))] + list(
            self.fields["profession"].choices
        )[1:]

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError(_("Write your full name."))
        return name

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def clean_authorisation_year(self):
        year = self.cleaned_data.get("authorisation_year")
        this_year = timezone.localdate().year
        if year is not None and not 1950 <= year <= this_year:
            raise forms.ValidationError(
                _("Write a year between 1950 and %(year)s.") % {"year": this_year}
            )
        return year

    def clean_practice_years(self):
        years = self.cleaned_data.get("practice_years")
        if years is not None and years > 60:
            raise forms.ValidationError(_("Write the number of whole years, at most 60."))
        return years

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("authorisation_year") and not cleaned.get("has_norwegian_authorisation"):
            self.add_error(
                "authorisation_year",
                _("Tick “I have Norwegian authorisation” or leave the year empty."),
            )
        if cleaned.get("has_norwegian_authorisation") and not cleaned.get("authorisation_year"):
            self.add_error(
                "authorisation_year", _("Write the year you got your Norwegian authorisation.")
            )
        return cleaned


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=User._meta.get_field("preferred_language").choices)
    next = forms.CharField(required=False)


class StaffUserCreationForm(UserCreationForm):
    """Wagtail's user form for our model: e-mail login and a full name."""

    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=200)

    class Meta(UserCreationForm.Meta):
        fields = {"email", "full_name", "is_superuser", "groups"}


class StaffUserEditForm(UserEditForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=200)

    class Meta(UserEditForm.Meta):
        fields = {"email", "full_name", "is_active", "is_superuser", "groups"}


class DeleteAccountForm(forms.Form):
    """The last step before an account is anonymised: the password, or for
    people who sign in through ID-porten or Feide (no password here) a word."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirmation = forms.CharField(label=_("Write DELETE to confirm"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user.has_usable_password():
            del self.fields["confirmation"]
        else:
            del self.fields["password"]

    @staticmethod
    def confirmation_words():
        # The word in both languages, so a person who switched language mid-way
        # is not refused.
        from django.utils.translation import gettext, override

        words = {"DELETE"}
        with override("nb"):
            words.add(gettext("DELETE"))
        return words

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if not password:
            raise forms.ValidationError(
                _("Write your password to confirm. Nothing has been deleted.")
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct. Nothing has been deleted."))
        return password

    def clean_confirmation(self):
        word = self.cleaned_data.get("confirmation", "").strip().upper()
        if word not in self.confirmation_words():
            raise forms.ValidationError(
                _("Write the word exactly as shown to confirm. Nothing has been deleted.")
            )
        return word
