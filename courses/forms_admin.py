from django import forms
from django.utils.translation import gettext_lazy as _


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the certificate revoked?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Write why the certificate is revoked.")},
        help_text=_(
            "Only administrators see the reason. The public page shows “revoked” and the date."
        ),
    )
