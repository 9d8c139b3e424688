import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrolment
from tests.courses.fixtures import EXERCISE, QUIZ, REFLECTION
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in, sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORDS = {
    "nb": {
        "start": "Start kurset",
        "check": "Sjekk svaret",
        "finish": "Marker leksjonen som fullført",
        "save": "Lagre svaret",
        "completed": "Du har fullført kurset",
        "right": "Riktig.",
    },
    "en": {
        "start": "Start the course",
        "check": "Check answer",
        "finish": "Mark the lesson as done",
        "save": "Save answer",
        "completed": "You have completed the course",
        "right": "Right.",
    },
}


def tab_to(page, selector, limit=120):
    """Press Tab until the element matching selector has focus, like a keyboard user."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_course_pages_and_answers(page, language, viewport, make_course):
    words = WORDS[language]
    course, lessons = make_course(lessons=2, body=[REFLECTION, QUIZ, EXERCISE])
    learner = UserFactory(email="laerer@example.no", preferred_language=language)
    sign_in(page, learner.email, PASSWORD)

    page.goto(course.get_parent().url)
    expect(page.get_by_role("link", name="Mentorkurs")).to_be_visible()
    assert_accessible(page)

    page.goto(course.url)
    assert_accessible(page)
    page.get_by_role("button", name=words["start"]).click()
    expect(page).to_have_url(re.compile(re.escape(lessons[0].url) + "$"))
    assert_accessible(page)

    # A reflection with markup that must not run; it is shown back, cleaned.
    page.locator("textarea[name$='-text']").fill("**Tid** <img src=x onerror=alert(1)>")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator(".task__answer strong")).to_have_text("Tid")
    page.locator("input[name=choice]").nth(1).check()
    page.get_by_role("button", name=words["check"]).click()
    expect(page.locator(".quiz__option--wrong")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name=words["finish"]).click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)


def test_completing_a_lesson_with_a_quiz_using_only_the_keyboard(
    page, language, viewport, make_course
):
    words = WORDS[language]
    course, (lesson,) = make_course(lessons=1, body=[QUIZ])
    learner = UserFactory(email="tastatur@example.no", preferred_language=language)
    sign_in(page, learner.email, PASSWORD)
    page.goto(lesson.url)

    tab_to(page, "input[name=choice]")
    page.keyboard.press("Space")  # the first option is the right one
    tab_to(page, ".task--quiz button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".quiz__option--right")).to_contain_text(words["right"])

    tab_to(page, ".lesson-finish button[type=submit]")
    expect(page.locator(".lesson-finish button[type=submit]")).to_have_text(words["finish"])
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/kurs/{course.pk}/fullfort/$"))
    expect(page.locator("main .lead")).to_contain_text(words["completed"])
    assert_accessible(page)
    assert Enrolment.objects.get(learner=learner).is_completed


def test_open_course_lesson_for_anonymous_visitor(page, language, viewport, make_course):
    course, (lesson,) = make_course(lessons=1, open_access=True, body=[REFLECTION, QUIZ])
    page.goto(lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Leksjon 1")
    assert_accessible(page)


def test_staff_progress_report(page, language, viewport, make_course):
    from courses.services import complete_lesson
    from mentornett.accounts.roles import StaffRole

    course, lessons = make_course(lessons=2)
    complete_lesson(learner=UserFactory(full_name="Kari Nordmann"), lesson=lessons[0])
    editor = UserFactory(
        email="red@example.no",
        is_staff=True,
        staff_role=StaffRole.EDITOR,
        preferred_language=language,
    )
    sign_in_to_admin(page, editor.email, PASSWORD)
    page.goto(f"/admin/kursfremdrift/{course.pk}/")
    expect(page.get_by_role("row", name=re.compile("Kari Nordmann"))).to_contain_text("1 / 2")
    assert_accessible(page)


def test_video_lesson_and_reflections_document(
    page, language, viewport, make_course, documents_on_disk
):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document
    from wagtail.rich_text import RichText

    video = Document.objects.create(
        title="Film", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="film.mp4")
    )
    captions = Document.objects.create(
        title="Teksting",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHei\n", name="t.vtt"),
    )
    body = [
        (
            "video",
            {
                "title": "En mentor forteller",
                "video": video,
                "captions": captions,
                "transcript": RichText("<p>Hei, jeg heter Marit.</p>"),
            },
        ),
        REFLECTION,
    ]
    course, (lesson,) = make_course(lessons=1, body=body)
    learner = UserFactory(email="film@example.no", preferred_language=language)
    sign_in(page, learner.email, PASSWORD)
    with page.expect_response(lambda response: response.url.endswith(video.url)) as film:
        page.goto(lesson.url)
    # The browser asks for the film in parts, as iPhones must; it gets a part.
    assert film.value.request.headers["range"].startswith("bytes=")
    assert film.value.status == 206
    expect(page.locator("video track[kind=captions]")).to_have_count(1)
    page.locator("details.video__transcript summary").click()
    expect(page.get_by_text("Hei, jeg heter Marit.")).to_be_visible()
    assert_accessible(page)

    page.locator("textarea[name$='-text']").fill("Tydelige **forventninger**.")
    with page.expect_navigation():
        page.locator(".task--reflection button[type=submit]").click()
    # Fetched through the browser's own session: a sign-in from the test thread
    # would write to SQLite while the live server may still be serving the film.
    document = page.request.get(f"/kurs/{course.pk}/refleksjoner/").text()
    page.set_content(document)
    expect(page.locator("strong")).to_have_text("forventninger")
    assert_accessible(page)
