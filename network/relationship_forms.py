from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mentornett.uploads import FileKind, PrivateFileField

from .models import ClaimCategory, CourseFeeKind, Evaluation, MentorReport

RECEIPT_KINDS = (FileKind.PDF, FileKind.PNG, FileKind.JPEG)
DATE = forms.DateInput(attrs={"type": "date"})


class ClaimForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What do you claim for?"), choices=ClaimCategory.choices, widget=forms.RadioSelect
    )
    course = forms.ChoiceField(
        label=_("Which course (for course fees)"),
        choices=[("", "–"), *CourseFeeKind.choices],
        required=False,
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=300,
        help_text=_("For example “Rent, Tynset, 3–28 March” or “Train Oslo–Tynset return”."),
    )
    amount = forms.IntegerField(
        label=_("Amount (NOK)"),
        min_value=1,
        help_text=_("Whole kroner, as on the receipt."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    spent_on = forms.DateField(label=_("Date of the cost"), widget=DATE)
    receipt = PrivateFileField(
        label=_("Receipt"),
        allowed=RECEIPT_KINDS,
        max_bytes=settings.UPLOAD_MAX_DOCUMENT_BYTES,
        help_text=_("A photo or scan of the receipt or invoice."),
    )
    job_starts_on = forms.DateField(
        label=_("Insemination course: the job starts on"), required=False, widget=DATE
    )
    employment_weeks = forms.IntegerField(
        label=_("Insemination course: weeks of full-time employment"),
        min_value=0,
        required=False,
    )
    employment_document = PrivateFileField(
        label=_("Insemination course: employment contract"),
        allowed=RECEIPT_KINDS + (FileKind.DOCX, FileKind.ODT),
        max_bytes=settings.UPLOAD_MAX_DOCUMENT_BYTES,
        required=False,
    )


class ClaimDecisionForm(forms.Form):
    approved_amount = forms.IntegerField(
        label=_("Approve (NOK)"),
        min_value=0,
        help_text=_("0 rejects the claim."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    note = forms.CharField(
        label=_("Note to the mentee"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you approve less than claimed."),
    )


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = [
            "satisfaction",
            "collaboration",
            "expectations_clarified",
            "went_well",
            "could_be_better",
        ]
        widgets = {
            "satisfaction": forms.RadioSelect,
            "collaboration": forms.RadioSelect,
            "expectations_clarified": forms.RadioSelect,
            "went_well": forms.Textarea(attrs={"rows": 4}),
            "could_be_better": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("satisfaction", "collaboration", "expectations_clarified"):
            # No pre-chosen "---------": a person answers each question.
            self.fields[name].choices = [c for c in self.fields[name].choices if c[0] != ""]


class MentorReportForm(forms.ModelForm):
    class Meta:
        model = MentorReport
        fields = [
            "summary",
            "mentee_progress",
            "backup_duty_as_planned",
            "ended_as_planned",
            "ended_early_reason",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "mentee_progress": forms.Textarea(attrs={"rows": 4}),
            "ended_early_reason": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if not data.get("ended_as_planned") and not (data.get("ended_early_reason") or "").strip():
            self.add_error(
                "ended_early_reason",
                _("Tell us why the relationship ended early: it helps the next ones."),
            )
        return data


class PayoutForm(forms.Form):
    mentor_fee = forms.IntegerField(
        label=_("Mentor's fee to pay (NOK)"),
        min_value=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    override_reason = forms.CharField(
        label=_("Why pay out before the evaluations and the report are in?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only needed when something is missing. It is kept in the history."),
    )
