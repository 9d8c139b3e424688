"""Registration questions for demo events, and answers to them."""

from ..blocks import CHOICE_QUESTION, TEXT_QUESTION, YES_NO_QUESTION
from ..models import EventPage


def text_question(question, help_text="", required=False):
    return (TEXT_QUESTION, {"question": question, "help_text": help_text, "required": required})


def yes_no_question(question, help_text="", required=True):
    return (YES_NO_QUESTION, {"question": question, "help_text": help_text, "required": required})


def choice_question(question, options, help_text="", required=True):
    return (
        CHOICE_QUESTION,
        {"question": question, "options": options, "help_text": help_text, "required": required},
    )


def answers_by_id(event: EventPage, by_question: dict) -> dict:
    """Answers keyed by the question blocks' ids, from answers keyed by question text."""
    return {
        block.id: by_question[block.value["question"]]
        for block in event.questions
        if block.value["question"] in by_question
    }


def gathering_questions():
    """What a two-day gathering asks: diet, a room, the dinner, which days."""
    return [
        text_question(
            "Har du behov for spesialkost?",
            help_text="For eksempel allergier, vegetar eller halal.",
        ),
        yes_no_question(
            "Overnatting?", help_text="Vi bestiller rom til natten mellom dag 1 og dag 2."
        ),
        yes_no_question("Blir du med på middagen?", help_text="Middagen er om kvelden dag 1."),
        choice_question("Hvilke dager deltar du?", ["Begge dager", "Bare dag 1", "Bare dag 2"]),
    ]
