"""Forms of the mentor scheme: applications, the running relationship (claims,
evaluations, the mentor's report), MentorHubs and equipment lending. They check
the shape of the input; the services in network/scheme/services/ check the
rules, and their errors are shown on the field they concern."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from mentornett.accounts.models import User
from mentornett.dates import BOOKING, HUB_WEEK, PAST_RECORD, SCHEME_PLAN
from mentornett.forms import DateRangeField, check_period_order, limit_dates
from mentornett.uploads import FileKind, PrivateFileField
from mentornett.widgets import municipality_select
from network.models import (
    Application,
    ClaimCategory,
    CourseFeeKind,
    EquipmentSet,
    Evaluation,
    MentorCriterion,
    MentorReport,
    Municipality,
    RelationshipKind,
    SchemeRole,
)

from .services.applications import FIELD_ORDER, PLANNED_DATES, required_to_send

CONTRACT_KINDS = (FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.DOCX, FileKind.ODT)


class StartForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Relationship type"), choices=RelationshipKind.choices, widget=forms.RadioSelect
    )
    role = forms.ChoiceField(
        label=_("I am the"), choices=SchemeRole.choices, widget=forms.RadioSelect
    )


class ApplicationForm(forms.ModelForm):
    """The shared draft. Every field may be empty while drafting; what sending
    requires is checked by the service, field by field. Those fields are shown
    as required (no "optional", and `required` in the HTML, which the form's
    `novalidate` keeps from blocking "Save draft"), but saving a draft does
    not refuse them."""

    field_order = FIELD_ORDER

    mentor_declarations = forms.MultipleChoiceField(
        label=_("The mentor's declarations"),
        choices=MentorCriterion.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only the mentor can tick these."),
    )
    contract = PrivateFileField(
        label=_("Employment contract"),
        allowed=CONTRACT_KINDS,
        required=False,
    )

    class Meta:
        model = Application
        fields = Application.DRAFT_FIELDS
        widgets = {
            "municipality": municipality_select(),
            "backup_plan": forms.Textarea(attrs={"rows": 3}),
            "planned_use": forms.Textarea(attrs={"rows": 3}),
            "mentee_goals": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, role=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor_declarations"].initial = self.instance.mentor_declarations
        if role != SchemeRole.MENTOR:
            self.fields["mentor_declarations"].disabled = True
        kind = self.instance.kind
        if kind != RelationshipKind.TEMPORARY_LICENCE:
            for name in ("employer", "contract"):
                del self.fields[name]
        if kind not in (RelationshipKind.TEMPORARY_LICENCE, RelationshipKind.INEXPERIENCED_VET):
            for name in ("backup_plan", "reverse_ride_along_from", "reverse_ride_along_to"):
                del self.fields[name]
        if kind == RelationshipKind.MENTORVET:
            for name in (
                "insurance_confirmed",
                "municipality_contact_name",
                "municipality_contact_email",
                "planned_use",
            ):
                del self.fields[name]
        else:
            del self.fields["mentee_goals"]
        for name in PLANNED_DATES:
            if name in self.fields:
                limit_dates(self.fields[name], SCHEME_PLAN)
        self.required_to_send = required_to_send(kind) & set(self.fields)
        for name in self.required_to_send:
            self.fields[name].required = True
        declarations = self.fields["mentor_declarations"]
        if not declarations.disabled:
            # Every criterion must be ticked, so each box is required.
            declarations.widget.attrs["required"] = True

    def full_clean(self):
        # A draft may be saved with what sending needs still empty.
        for name in self.required_to_send:
            self.fields[name].required = False
        try:
            super().full_clean()
        finally:
            for name in self.required_to_send:
                self.fields[name].required = True

    def clean(self):
        data = super().clean()
        for start, end in (
            ("starts_on", "ends_on"),
            ("reverse_ride_along_from", "reverse_ride_along_to"),
        ):
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, _("The end must be on or after the start."))
        return data

    def changes(self) -> dict:
        """The draft's fields as typed, for services.applications.save_draft;
        the contract upload is passed on its own."""
        changes = {
            name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields
        }
        if (
            "mentor_declarations" in self.changed_data
            and not self.fields["mentor_declarations"].disabled
        ):
            changes["mentor_declarations"] = sorted(self.cleaned_data["mentor_declarations"])
        return changes


class InvitePartyForm(forms.Form):
    email = forms.EmailField(label=_("Their e-mail address"))


class DecisionForm(forms.Form):
    expected = forms.CharField(widget=forms.HiddenInput)
    to = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note to the applicants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when you reject, ask for changes, or end a relationship before its "
            "planned end."
        ),
    )


class StartupConversationForm(forms.Form):
    held_on = DateRangeField(label=_("Held on"), dates=PAST_RECORD)
    notes = forms.CharField(
        label=_("What was agreed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Expectations, roles and responsibilities, and how to reach each other."),
    )


RECEIPT_KINDS = (FileKind.PDF, FileKind.PNG, FileKind.JPEG)


class ClaimForm(forms.Form):
    """A new claim. `kept` names the files the person chose on an earlier,
    refused try (network/scheme/pending_uploads.py): they need not be chosen
    again, and the field says which file is saved."""

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
    spent_on = DateRangeField(label=_("Date of the cost"), dates=PAST_RECORD)
    receipt = PrivateFileField(
        label=_("Receipt"),
        allowed=RECEIPT_KINDS,
        help_text=_("A photo or scan of the receipt or invoice."),
    )
    job_starts_on = DateRangeField(
        label=_("Insemination course: the job starts on"), required=False, dates=SCHEME_PLAN
    )
    employment_weeks = forms.IntegerField(
        label=_("Insemination course: weeks of full-time employment"),
        min_value=0,
        required=False,
    )
    employment_document = PrivateFileField(
        label=_("Insemination course: employment contract"),
        allowed=RECEIPT_KINDS + (FileKind.DOCX, FileKind.ODT),
        required=False,
    )

    def __init__(self, *args, kept=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = {}
        self.show_kept(kept or {})

    def show_kept(self, kept: dict[str, str]) -> None:
        for name, file_name in kept.items():
            if name not in self.fields:
                continue
            self.kept[name] = file_name
            field = self.fields[name]
            # Still needed for the claim (no "optional"), but already chosen.
            field.widget.use_required_attribute = lambda initial: False
            field.help_text = KEPT_FILE_TEXT.get(name, KEPT_FILE_TEXT[None]) % {"name": file_name}
            # A bound field made before (by validation) keeps its own copy.
            self[name].help_text = field.help_text

    def full_clean(self):
        # A kept file stands in for choosing the file again.
        required = {name: self.fields[name].required for name in self.kept}
        for name in self.kept:
            self.fields[name].required = False
        try:
            super().full_clean()
        finally:
            for name, value in required.items():
                self.fields[name].required = value


CLAIM_FILE_FIELDS = ("receipt", "employment_document")
KEPT_FILE_TEXT = {
    "receipt": _("Receipt saved: %(name)s — choose a new file only if you want to replace it."),
    None: _("File saved: %(name)s — choose a new file only if you want to replace it."),
}


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
                _(
                    "The relationship did not run the planned period: write why it ended "
                    "early, and what would have helped."
                ),
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
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        widget=municipality_select(),
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
        return obj.display_name


class StudentWeekForm(forms.Form):
    student_name = forms.CharField(label=_("The student's name"), max_length=150)
    student_email = forms.EmailField(label=_("The student's e-mail address"))
    week_starts_on = DateRangeField(
        label=_("Week"),
        dates=HUB_WEEK,
        help_text=_("Any day of the week; the week is registered from its Monday."),
    )
    mentor = MentorChoiceField(
        label=_("Mentor that week"), queryset=None, empty_label=_("Choose the mentor")
    )

    def __init__(self, *args, hub, **kwargs):
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
    starts_on = DateRangeField(label=_("From"), dates=BOOKING)
    ends_on = DateRangeField(label=_("To (inclusive)"), dates=BOOKING)
    purpose = forms.CharField(
        label=_("What it is for"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean(self):
        cleaned = super().clean()
        check_period_order(self, cleaned)
        return cleaned
