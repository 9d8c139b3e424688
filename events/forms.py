from django import forms
from django.utils.translation import gettext_lazy as _

from .blocks import CHOICE_QUESTION, TEXT_QUESTION, YES_NO_QUESTION
from .models import Attendance, TimeUse
from .services.planning import MAX_EXERCISES

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class RegistrationForm(forms.Form):
    """The event's own questions, one field per question block."""

    def __init__(self, *args, event, answers=None, **kwargs):
        initial = {}
        for answer in answers or []:
            value = answer["answer"]
            if isinstance(value, bool):
                value = "yes" if value else "no"
            initial[f"q_{answer['id']}"] = value
        super().__init__(*args, initial=initial, **kwargs)
        self.question_ids = {}
        for block in event.questions:
            name = f"q_{block.id}"
            self.question_ids[name] = block.id
            common = {
                "label": block.value["question"],
                "help_text": block.value["help_text"],
                "required": block.value["required"],
            }
            if block.block_type == TEXT_QUESTION:
                # No maxlength: the service says when an answer is too long, and the form keeps it.
                self.fields[name] = forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 2}), **common
                )
            elif block.block_type == CHOICE_QUESTION:
                self.fields[name] = forms.ChoiceField(
                    choices=[(option, option) for option in block.value["options"]],
                    widget=forms.RadioSelect,
                    **common,
                )
            elif block.block_type == YES_NO_QUESTION:
                self.fields[name] = forms.ChoiceField(
                    choices=YES_NO, widget=forms.RadioSelect, **common
                )
            self.fields[name].error_messages["required"] = _("Answer this question.")

    def answers(self) -> dict:
        return {
            block_id: self.cleaned_data.get(name) or ""
            for name, block_id in self.question_ids.items()
        }


class PollForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How good was the event as a whole? (1 is poor, 5 is excellent)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )
    best = forms.MultipleChoiceField(
        label=_("What was best?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose as many as fit."),
    )
    best_other = forms.CharField(
        label=_("Something else that was good"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    time_use = forms.ChoiceField(
        label=_("How was the time used?"),
        choices=TimeUse.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how the time was used.")},
    )
    comment = forms.CharField(
        label=_("Anything else you want to tell the organisers?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your answer is anonymous: the organisers cannot see who wrote what."),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["best"].choices = [(choice, choice) for choice in event.poll_choices()]


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField(choices=Attendance.choices)


class BreakoutForm(forms.Form):
    exercises = forms.IntegerField(
        label=_("Number of exercises"),
        min_value=1,
        max_value=MAX_EXERCISES,
        initial=2,
        help_text=_("Two per webinar is usual. Everyone takes each role as evenly as possible."),
        error_messages={
            "required": _("Write how many exercises there are."),
            "min_value": _("Choose at least one exercise."),
            "max_value": _("Choose at most %(limit_value)s exercises."),
        },
    )
