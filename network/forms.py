from django import forms
from django.utils.translation import gettext_lazy as _

from mentornett.dates import TEAM_MEASUREMENT, TEAM_MILESTONE
from mentornett.forms import DateRangeField, limit_dates
from mentornett.uploads import FileKind, PrivateFileField

from .models import Better, Measurement, ProgressLevel, TeamRole
from .task_sections import sections_for

SCAN_KINDS = (FileKind.PDF, FileKind.PNG, FileKind.JPEG)
TASK_FILE_KINDS = (
    FileKind.PDF,
    FileKind.PNG,
    FileKind.JPEG,
    FileKind.MP4,
    FileKind.DOCX,
    FileKind.ODT,
)


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role on the team"), choices=TeamRole.choices)


class LeaderSignForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    title = forms.CharField(
        label=_("Your position"),
        max_length=150,
        help_text=_("E.g. “Head of health and care services”."),
    )
    confirm = forms.BooleanField(
        label=_("I sign the agreement on behalf of the municipality's management.")
    )


class CoordinatorSignForm(forms.Form):
    confirm = forms.BooleanField(label=_("I sign the agreement as the team's coordinator."))


class ScanForm(forms.Form):
    scan = PrivateFileField(
        label=_("Signed agreement (PDF or photo)"),
        allowed=SCAN_KINDS,
    )


class DraftForm(forms.Form):
    """One text area per section of the task, each with the text it started from."""

    def __init__(self, *args, kind, content=None, **kwargs):
        super().__init__(*args, **kwargs)
        content = content or {}
        self.sections = sections_for(kind)
        for section in self.sections:
            text = content.get(section.key, "")
            # No maxlength in the browser: the service says when a section is
            # too long, and the text stays in the form.
            self.fields[f"section_{section.key}"] = forms.CharField(
                label=section.title,
                required=False,
                initial=text,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 8, "data-section": section.key}),
            )
            self.fields[f"base_{section.key}"] = forms.CharField(
                required=False, initial=text, strip=False, widget=forms.HiddenInput
            )

    def section_fields(self):
        return [(section, self[f"section_{section.key}"]) for section in self.sections]

    def base_fields_bound(self):
        return [self[f"base_{section.key}"] for section in self.sections]

    def _sent(self):
        """Sections the request carried: autosave leaves out a section in
        conflict until the person has combined the texts."""
        return [s for s in self.sections if f"section_{s.key}" in self.data]

    def texts(self):
        return {s.key: self.cleaned_data[f"section_{s.key}"] for s in self._sent()}

    def bases(self):
        return {s.key: self.cleaned_data[f"base_{s.key}"] for s in self._sent()}


class FileForm(forms.Form):
    file = PrivateFileField(
        label=_("File"),
        allowed=TASK_FILE_KINDS,
        help_text=_("A film (MP4), a poster (PDF, PNG or JPEG) or a document (DOCX or ODT)."),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("You can use Markdown: **bold**, lists and links."),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the team change?"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ScoreForm(forms.Form):
    gathering = forms.ChoiceField(label=_("Period before the gathering"))
    score = forms.TypedChoiceField(
        label=_("Progress"),
        choices=ProgressLevel.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback to the team"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, gatherings, **kwargs):
        super().__init__(*args, **kwargs)
        self.gatherings = {str(g.pk): g for g in gatherings}
        self.fields["gathering"].choices = [(str(g.pk), g.title) for g in gatherings]

    def clean_gathering(self):
        return self.gatherings[self.cleaned_data["gathering"]]


class IndicatorForm(forms.Form):
    name = forms.CharField(
        label=_("What do you measure?"),
        max_length=150,
        help_text=_("E.g. “New nurses who quit within a year”."),
    )
    unit = forms.CharField(
        label=_("Unit"), max_length=60, help_text=_("What is counted, e.g. “quit”.")
    )
    better = forms.ChoiceField(
        label=_("Which direction is better?"), choices=Better.choices, widget=forms.RadioSelect
    )
    denominator_label = forms.CharField(
        label=_("Counted out of (for a proportion)"),
        max_length=60,
        required=False,
        help_text=_("E.g. “new hires”. Leave empty for a plain number."),
    )


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "denominator", "is_baseline", "note"]

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        limit_dates(self.fields["measured_on"], TEAM_MEASUREMENT)
        self.fields["value"].min_value = 0
        self.fields["value"].widget.attrs["min"] = 0
        if indicator.is_proportion:
            self.fields["denominator"].label = _("Out of (number of %(label)s)") % {
                "label": indicator.denominator_label
            }
        else:
            del self.fields["denominator"]


class MilestoneForm(forms.Form):
    happened_on = DateRangeField(label=_("Date"), dates=TEAM_MILESTONE)
    text = forms.CharField(
        label=_("What happened?"),
        max_length=80,
        help_text=_("Short, e.g. “Mentor programme started”. Shown on every chart."),
    )


class AdvisorForm(forms.Form):
    advisor = forms.ChoiceField(label=_("Advisor"), required=False)

    def __init__(self, *args, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.advisors = {str(a.pk): a for a in advisors}
        self.fields["advisor"].choices = [("", _("No advisor"))] + [
            (str(a.pk), a.display_name) for a in advisors
        ]

    def clean_advisor(self):
        return self.advisors.get(self.cleaned_data["advisor"])


class TeamRegistrationForm(forms.Form):
    people = forms.MultipleChoiceField(
        label=_("Who should be registered?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person.")},
    )

    def __init__(self, *args, roster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [
            (str(member.person_id), f"{member.person.display_name} ({member.get_role_display()})")
            for member, registration in roster
            if registration is None
        ]
