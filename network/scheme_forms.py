from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mentornett.uploads import FileKind, PrivateFileField

from .models import Application, MentorCriterion, RelationshipKind, SchemeRole

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
    requires is checked by the service, field by field."""

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
        max_bytes=settings.UPLOAD_MAX_DOCUMENT_BYTES,
        required=False,
    )

    class Meta:
        model = Application
        fields = [
            "starts_on",
            "ends_on",
            "municipality",
            "employer",
            "backup_plan",
            "reverse_ride_along_from",
            "reverse_ride_along_to",
            "insurance_confirmed",
            "municipality_contact_name",
            "municipality_contact_email",
            "planned_use",
            "mentee_goals",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "reverse_ride_along_from": forms.DateInput(attrs={"type": "date"}),
            "reverse_ride_along_to": forms.DateInput(attrs={"type": "date"}),
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

    def clean(self):
        data = super().clean()
        for start, end in (
            ("starts_on", "ends_on"),
            ("reverse_ride_along_from", "reverse_ride_along_to"),
        ):
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, _("The end must be on or after the start."))
        return data

    def save(self, commit=True):
        application = super().save(commit=False)
        if (
            "mentor_declarations" in self.changed_data
            and not self.fields["mentor_declarations"].disabled
        ):
            application.mentor_declarations = sorted(self.cleaned_data["mentor_declarations"])
        upload = self.cleaned_data.get("contract")
        if upload:
            application.contract.save(upload.name, upload, save=False)
            application.contract_name = upload.name[-200:]
        if commit:
            application.save()
        return application


class InvitePartyForm(forms.Form):
    email = forms.EmailField(label=_("Their e-mail address"))


class DecisionForm(forms.Form):
    expected = forms.CharField(widget=forms.HiddenInput)
    to = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note to the applicants"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject or ask for changes."),
    )


class StartupConversationForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}))
    notes = forms.CharField(
        label=_("What was agreed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Expectations, roles and responsibilities, and how to reach each other."),
    )
