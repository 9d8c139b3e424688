"""Event content blocks: the programme, and the registration questions an
editor asks. Answers are stored on events.models.Registration, keyed by the
question block's stable id, never in the StreamField itself."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from mentornett.labelled_blocks import LabelledCharBlock

TEXT_QUESTION = "text_question"
CHOICE_QUESTION = "choice_question"
YES_NO_QUESTION = "yes_no_question"


class AgendaItemBlock(blocks.StructBlock):
    """One item of the programme: when, what and who."""

    day = blocks.DateBlock(
        label=_("Day"),
        required=False,
        help_text=_("Only needed when the event lasts several days."),
    )
    starts = blocks.TimeBlock(label=_("Starts"))
    ends = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=200, required=False)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=1000)

    class Meta:
        icon = "time"
        label = _("Programme item")
        template = "events/blocks/agenda_item_block.html"
        preview_value = {
            "starts": "09:00",
            "ends": "10:30",
            "title": "Veiledning i praksis: øvelse i grupper",
            "speaker": "Prosessveileder",
        }
        description = _("A time slot in the programme, with a title and a speaker.")


class _QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    help_text = blocks.CharBlock(label=_("Help text"), max_length=300, required=False)
    required = blocks.BooleanBlock(label=_("Must be answered"), required=False, default=False)


class TextQuestionBlock(_QuestionBlock):
    """A question answered in free text, e.g. dietary needs."""

    class Meta:
        icon = "edit"
        label = _("Free-text question")
        template = "events/blocks/question_block.html"
        preview_value = {"question": "Har du behov for spesialkost?", "required": False}
        description = _("The participant answers in their own words.")


class ChoiceQuestionBlock(_QuestionBlock):
    """A question with options to choose one from."""

    options = blocks.ListBlock(
        LabelledCharBlock(label=_("Option"), max_length=120), label=_("Options"), min_num=2
    )

    class Meta:
        icon = "list-ul"
        label = _("Choice question")
        template = "events/blocks/question_block.html"
        preview_value = {
            "question": "Hvilken dag kommer du?",
            "options": ["Begge dager", "Bare dag 1", "Bare dag 2"],
            "required": True,
        }
        description = _("The participant picks one of the options.")

    def clean(self, value):
        cleaned = super().clean(value)
        options = [option.strip().casefold() for option in cleaned["options"]]
        if len(set(options)) != len(options):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "options": ErrorList([ValidationError(_("Each option must be different."))])
                }
            )
        return cleaned


class YesNoQuestionBlock(_QuestionBlock):
    """A yes or no question, e.g. overnight stay or the social dinner."""

    class Meta:
        icon = "tick-inverse"
        label = _("Yes/no question")
        template = "events/blocks/question_block.html"
        preview_value = {"question": "Blir du med på middagen?", "required": True}
        description = _("The participant answers yes or no.")


class RegistrationQuestionsBlock(blocks.StreamBlock):
    text_question = TextQuestionBlock()
    choice_question = ChoiceQuestionBlock()
    yes_no_question = YesNoQuestionBlock()

    class Meta:
        icon = "form"
