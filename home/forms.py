from django import forms
from django.utils.translation import gettext_lazy as _


class GalleryExampleForm(forms.Form):
    """A form shown, with errors, in the component gallery."""

    name = forms.CharField(label=_("Full name"), help_text=_("As it should stand on certificates."))
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(
        label=_("I am"),
        choices=[("mentor", _("Mentor")), ("mentee", _("Mentee"))],
        widget=forms.RadioSelect,
    )
    agree = forms.BooleanField(label=_("I have read the scheme's rules"))
    note = forms.CharField(label=_("Note"), widget=forms.Textarea, required=False)


class SearchForm(forms.Form):
    # Every field of a search is optional; saying so beside each is noise.
    optional_unmarked = True

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        error_messages={"max_length": _("Write at most 200 characters.")},
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        error_messages={"invalid_choice": _("Choose a type from the list.")},
    )
    audience = forms.ChoiceField(
        label=_("For"),
        required=False,
        error_messages={"invalid_choice": _("Choose who it is for from the list.")},
    )

    def __init__(self, *args, kinds, audiences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Everything")), *kinds]
        self.fields["audience"].choices = [("", _("Everyone")), *audiences]
