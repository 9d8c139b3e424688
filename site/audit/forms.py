from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models import AuditAction, AuditEvent
from .selectors import MAX_ID, content_type_name


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("All actions")), *AuditAction.choices]
    )
    target_type = forms.TypedChoiceField(
        label=_("Type"), required=False, coerce=int, empty_value=None
    )
    target_id = forms.IntegerField(label=_("Id"), required=False, min_value=1, max_value=MAX_ID)
    actor = forms.CharField(
        label=_("Changed by (id or e-mail)"),
        required=False,
        max_length=254,
        help_text=_("Also finds the person the change was about."),
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        present = AuditEvent.objects.order_by().values_list("target_type", flat=True).distinct()
        types = sorted(
            (ContentType.objects.get_for_id(pk) for pk in present), key=lambda ct: str(ct.name)
        )
        self.fields["target_type"].choices = [
            ("", _("All types")),
            *((ct.pk, content_type_name(ct)) for ct in types),
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return cleaned
