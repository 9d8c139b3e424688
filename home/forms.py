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
