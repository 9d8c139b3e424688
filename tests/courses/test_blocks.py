import pytest

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.rich_text import RichText

from courses.blocks import QuizBlock

pytestmark = pytest.mark.django_db


def test_video_lesson_has_captions_track_and_transcript(client, make_course, participant):
    video = Document.objects.create(
        title="Mentor forteller", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="film.mp4")
    )
    captions = Document.objects.create(
        title="Teksting",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHei\n", name="t.vtt"),
    )
    body = [
        (
            "video",
            {
                "title": "Mentor forteller",
                "video": video,
                "captions": captions,
                "transcript": RichText("<p>Hei, jeg heter Marit.</p>"),
            },
        )
    ]
    course, (lesson,) = make_course(lessons=1, body=body)
    client.force_login(participant)

    html = client.get(lesson.url).content.decode()

    assert '<track kind="captions"' in html
    assert captions.url in html
    assert video.url in html
    assert "Hei, jeg heter Marit." in html
    assert "youtube" not in html and "vimeo" not in html


@pytest.mark.parametrize(
    ("options", "multiple", "message"),
    [
        ([False, False], False, "minst ett svar"),
        ([True, True], False, "Bare ett svar"),
    ],
)
def test_quiz_block_needs_a_sensible_key(options, multiple, message):
    from wagtail.blocks import StructBlockValidationError

    block = QuizBlock()
    value = block.to_python(
        {
            "question": "Hva?",
            "multiple": multiple,
            "options": [
                {"text": f"Svar {n}", "correct": correct, "feedback": "Fordi."}
                for n, correct in enumerate(options)
            ],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert message in str(error.value.non_block_errors)


def test_demo_builds_four_courses_with_real_content(settings):
    import io

    from django.core.management import call_command

    from courses.models import CoursePage, LessonPage

    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    titles = set(CoursePage.objects.values_list("title", flat=True))
    assert {"Mentorkurs", "Menteekurs", "Arbeid i smittesluse", "ABC for ansettelser"} <= titles
    mentor = CoursePage.objects.get(slug="mentorkurs")
    assert mentor.mandatory_for == "mentor" and mentor.sequential
    kinds = {
        block.block_type
        for lesson in LessonPage.objects.descendant_of(mentor)
        for block in lesson.body
    }
    assert {"reflection", "exercise", "quiz"} <= kinds
    assert "lorem" not in str([lesson.body for lesson in LessonPage.objects.all()]).lower()
