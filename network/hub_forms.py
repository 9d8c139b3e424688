"""Forms for MentorHubs and equipment lending. They check the shape of the
input; the services in network/services/hubs.py and equipment.py check the
rules and their errors are shown on the field they concern."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import EquipmentSet, Municipality

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HubRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name of the vet centre"), max_length=200)
    organisation_number = forms.CharField(
        label=_("Organisation number"),
        max_length=11,
        required=False,
        help_text=_("Nine digits, if the centre has one."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.order_by("name")
    )

    def clean_organisation_number(self):
        number = self.cleaned_data["organisation_number"].replace(" ", "")
        RegexValidator(
            r"^([0-9]{9})?$", _("An organisation number has nine digits."), code="digits"
        )(number)
        return number


class HubMentorForm(forms.Form):
    email = forms.EmailField(
        label=_("The mentor's e-mail address"),
        help_text=_("The address they sign in to Mentornett with."),
    )


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class StudentWeekForm(forms.Form):
    student_name = forms.CharField(label=_("The student's name"), max_length=150)
    student_email = forms.EmailField(label=_("The student's e-mail address"))
    week_starts_on = forms.DateField(
        label=_("Week"),
        widget=DATE,
        help_text=_("Any day of the week; the week is registered from its Monday."),
    )
    mentor = MentorChoiceField(label=_("Mentor that week"), queryset=None)

    def __init__(self, *args, hub, **kwargs):
        from mentornett.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = User.objects.filter(hub_memberships__hub=hub).order_by(
            "full_name", "email"
        )


class HalfYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    half = forms.TypedChoiceField(
        label=_("Half-year"),
        coerce=int,
        choices=[(1, _("January–June")), (2, _("July–December"))],
    )


class BookingForm(forms.Form):
    equipment = forms.ModelChoiceField(
        label=_("Equipment set"),
        queryset=EquipmentSet.objects.filter(active=True),
        empty_label=None,
    )
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    ends_on = forms.DateField(label=_("To (inclusive)"), widget=DATE)
    purpose = forms.CharField(
        label=_("What it is for"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end must be on or after the start."))
        return cleaned
