"""Lesson content blocks. Generic blocks come from home/blocks.py; the blocks
here are the ones a learner answers or acts on. Answers are stored in
courses.models.BlockResponse, keyed by the block's stable id, never in the
StreamField itself."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import CalloutBlock, DocumentBlock, ImageBlock, MarkdownBlock
from mentornett.labelled_blocks import LabelledRichTextBlock

REFLECTION = "reflection"
EXERCISE = "exercise"
QUIZ = "quiz"
INTERACTIVE_BLOCKS = {REFLECTION, EXERCISE, QUIZ}


class VideoBlock(blocks.StructBlock):
    """A film from an uploaded file, with captions and a transcript: films must
    work without sound and without third-party players."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    video = DocumentChooserBlock(label=_("Video file (MP4)"))
    captions = DocumentChooserBlock(label=_("Captions (WebVTT)"))
    transcript = LabelledRichTextBlock(
        label=_("Transcript"), features=["bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video_block.html"
        description = _("A film with captions and a written transcript.")


class ReflectionBlock(blocks.StructBlock):
    """A question the learner answers in their own words, saved privately."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    help_text = blocks.CharBlock(label=_("Help text"), max_length=300, required=False)
    required = blocks.BooleanBlock(
        label=_("Must be answered to finish the lesson"), required=False, default=True
    )

    class Meta:
        icon = "edit"
        label = _("Reflection question")
        template = "courses/blocks/reflection_block.html"
        preview_value = {
            "question": "Hva forventer du av mentoren din de første ukene?",
            "help_text": "Skriv noen setninger. Bare du ser svaret.",
            "required": True,
        }
        description = _("A question the learner answers privately in their own words.")


class ExerciseBlock(blocks.StructBlock):
    """A guidance exercise done with others; the learner marks it done."""

    title = blocks.CharBlock(label=_("Title"), max_length=150)
    instructions = LabelledRichTextBlock(
        label=_("Instructions"), features=["bold", "italic", "ol", "ul", "link"]
    )
    roles = blocks.CharBlock(label=_("Roles"), max_length=300, required=False)
    minutes = blocks.IntegerBlock(label=_("Minutes"), min_value=1, max_value=240, default=20)

    class Meta:
        icon = "group"
        label = _("Guidance exercise")
        template = "courses/blocks/exercise_block.html"
        preview_value = {
            "title": "Veiledningssamtale i tre roller",
            "instructions": "<p>Gå sammen tre og tre. Bytt roller etter hver runde.</p>",
            "roles": "Veileder, veisøker og observatør",
            "minutes": 30,
        }
        description = _("An exercise with roles and time; the learner marks it done.")


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(label=_("Feedback"), max_length=500)

    class Meta:
        icon = "tick"
        label = _("Option")


class QuizBlock(blocks.StructBlock):
    """A question with feedback on every option; unlimited tries."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    multiple = blocks.BooleanBlock(
        label=_("More than one answer is correct"), required=False, default=False
    )
    options = blocks.ListBlock(QuizOptionBlock(), label=_("Options"), min_num=2, max_num=8)

    class Meta:
        icon = "help"
        label = _("Quiz question")
        template = "courses/blocks/quiz_block.html"
        description = _("A question with feedback on each answer. Learners may try again.")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct == 0:
            message = _("Mark at least one answer as correct.")
        elif correct > 1 and not value["multiple"]:
            message = _("Only one answer may be correct unless “more than one” is ticked.")
        else:
            return value
        raise blocks.StructBlockValidationError(
            non_block_errors=ErrorList([ValidationError(message)])
        )


class MentorPromptBlock(blocks.StructBlock):
    """A nudge to talk about the topic with one's mentor."""

    text = blocks.CharBlock(label=_("Text"), max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Talk with your mentor")
        template = "courses/blocks/mentor_prompt_block.html"
        preview_value = {"text": "Snakk med mentoren din om hvordan dere vil bruke bakvakten."}
        description = _("Suggests talking about this with one's mentor.")


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = LabelledRichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
    )
    markdown = MarkdownBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    reflection = ReflectionBlock()
    exercise = ExerciseBlock()
    quiz = QuizBlock()
    mentor_prompt = MentorPromptBlock()

    class Meta:
        icon = "doc-full"
