from django import forms
from django.utils.translation import gettext_lazy as _


class ReflectionForm(forms.Form):
    # No maxlength attribute: a browser would cut pasted text silently. The
    # service checks the length and says so, and the form keeps the text.
    text = forms.CharField(
        label=_("Your answer"),
        error_messages={"required": _("Write an answer before you save it.")},
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only you can see this. You can use Markdown, e.g. **bold** and lists."),
    )


class ExerciseForm(forms.Form):
    done = forms.BooleanField(label=_("I have done this exercise"), required=False)
    note = forms.CharField(
        label=_("What did you find? (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
