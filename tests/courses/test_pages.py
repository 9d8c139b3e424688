import pytest

from django.test import Client
from django.urls import reverse

from courses.models import BlockResponse, CoursePage, Enrolment
from courses.services import answer_quiz, complete_lesson, save_reflection
from tests.factories import UserFactory

from .fixtures import QUIZ, REFLECTION

pytestmark = pytest.mark.django_db


def block_id(lesson, kind):
    return next(bid for bid, block in lesson.interactive_blocks() if block.block_type == kind)


def test_catalogue_lists_my_mandatory_course_first_with_status(
    client, course_index, make_course, participant
):
    optional, _ = make_course(slug="smittesluse", title="Arbeid i smittesluse")
    mentee, mentee_lessons = make_course(
        slug="menteekurs", title="Menteekurs", mandatory_for="mentee"
    )
    make_course(slug="mentorkurs", title="Mentorkurs", mandatory_for="mentor")
    complete_lesson(learner=participant, lesson=mentee_lessons[0])
    client.force_login(participant)

    html = client.get(course_index.url).content.decode()

    assert html.index("Menteekurs") < html.index("Mentorkurs") < html.index("Arbeid i smittesluse")
    assert "Påbegynt, 33 %" in html
    assert "Ikke startet" in html


def test_course_overview_is_public(client, make_course):
    course, lessons = make_course(lessons=2)
    html = client.get(course.url).content.decode()
    assert "Roller og ansvar" in html  # learning outcomes
    assert "Leksjon 2" in html
    assert "Logg inn" in html


def test_lessons_need_sign_in_unless_the_course_is_open(client, make_course):
    course, lessons = make_course(lessons=1)
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")

    open_course, open_lessons = make_course(lessons=1, slug="aapent", open_access=True)
    assert client.get(open_lessons[0].url).status_code == 200


def test_start_course_and_continue(client, make_course, participant):
    course, lessons = make_course(lessons=3)
    client.force_login(participant)
    response = client.post(f"/kurs/{course.pk}/start/")
    assert response["Location"] == lessons[0].url
    complete_lesson(learner=participant, lesson=lessons[0])
    html = client.get(course.url).content.decode()
    assert "Fortsett der du slapp" in html
    assert f'href="{lessons[1].url}"' in html
    assert "1 av 3 leksjoner" in html


def test_sequential_lesson_is_locked_until_previous_done(client, make_course, participant):
    course, lessons = make_course(lessons=2, sequential=True)
    client.force_login(participant)
    html = client.get(lessons[1].url).content.decode()
    assert "åpner når leksjonene før" in html
    assert 'action="/leksjon/' not in html


def test_reflection_is_saved_and_rendered_safely(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION])
    client.force_login(participant)
    bid = block_id(lesson, "reflection")
    payload = (
        "**Trygghet** <script>alert(1)</script> [x](javascript:alert(1)) "
        "<img src=x onerror=alert(1)>"
    )

    response = client.post(f"/leksjon/{lesson.pk}/refleksjon/{bid}/", {f"r-{bid}-text": payload})
    assert response.status_code == 302
    html = client.get(lesson.url).content.decode()

    assert "<strong>Trygghet</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:alert" not in html.split("<textarea")[0]
    assert "onerror=" not in html.split("<textarea")[0]


def test_too_long_reflection_keeps_the_text_and_explains(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION])
    client.force_login(participant)
    bid = block_id(lesson, "reflection")
    text = "Mine tanker. " * 800

    response = client.post(f"/leksjon/{lesson.pk}/refleksjon/{bid}/", {f"r-{bid}-text": text})

    html = response.content.decode()
    assert response.status_code == 200
    assert "grensen er 10000" in html
    assert "Mine tanker. Mine tanker." in html
    assert not BlockResponse.objects.exists()


def test_quiz_shows_feedback_for_the_chosen_option(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[QUIZ])
    client.force_login(participant)
    bid = block_id(lesson, "quiz")
    client.post(f"/leksjon/{lesson.pk}/quiz/{bid}/", {"choice": "1"})
    html = client.get(lesson.url).content.decode()
    assert "Nei, det er likeverdig." in html
    assert "Riktig: mentee leder." not in html
    assert "prøv igjen" in html


def test_quiz_without_choice_gets_a_message(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[QUIZ])
    client.force_login(participant)
    response = client.post(f"/leksjon/{lesson.pk}/quiz/{block_id(lesson, 'quiz')}/", {})
    assert response.status_code == 200
    assert "Velg et svar" in response.content.decode()


def test_complete_lesson_says_what_is_missing(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION, QUIZ])
    client.force_login(participant)
    response = client.post(f"/leksjon/{lesson.pk}/ferdig/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Svar på spørsmålet: «Hva forventer du?»" in html
    assert "Svar riktig: «Hvem styrer mentorsamtalen?»" in html


def test_completing_the_course_says_so(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1)
    client.force_login(participant)
    response = client.post(f"/leksjon/{lesson.pk}/ferdig/", follow=True)
    html = response.content.decode()
    assert "Du har fullført kurset" in html
    assert Enrolment.objects.get(learner=participant).is_completed


def test_learner_never_sees_another_learners_answers(client, make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION, QUIZ])
    save_reflection(
        learner=participant, lesson=lesson, block_id=block_id(lesson, "reflection"), text="Hemmelig"
    )
    answer_quiz(learner=participant, lesson=lesson, block_id=block_id(lesson, "quiz"), chosen=[1])
    other = UserFactory()
    client.force_login(other)

    html = client.get(lesson.url).content.decode()
    assert "Hemmelig" not in html
    assert "Nei, det er likeverdig." not in html
    assert client.get(f"/kurs/{course.pk}/refleksjoner/").status_code == 404

    own = Client()
    own.force_login(participant)
    download = own.get(f"/kurs/{course.pk}/refleksjoner/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    assert "Hemmelig" in download.content.decode()


def test_answering_a_locked_lesson_is_404(client, make_course, participant):
    course, lessons = make_course(lessons=2, sequential=True, body=[REFLECTION])
    client.force_login(participant)
    bid = block_id(lessons[1], "reflection")
    response = client.post(f"/leksjon/{lessons[1].pk}/refleksjon/{bid}/", {f"r-{bid}-text": "x"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("refleksjon/nope", {"r-nope-text": "x"}),
        ("refleksjon/nope", {"r-nope-text": ""}),  # an invalid form showed the lesson
        ("refleksjon/nope", {"r-nope-text": "x" * 10_001}),
        ("refleksjon/{quiz}", {"r-{quiz}-text": "x"}),  # a real block of another kind
        ("oving/nope", {"e-nope-done": "on"}),
        ("quiz/nope", {"choice": "0"}),
        ("quiz/{reflection}", {"choice": "0"}),
    ],
)
def test_an_unknown_block_is_404_and_stores_nothing(client, make_course, participant, path, data):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION, QUIZ])
    ids = {"quiz": block_id(lesson, "quiz"), "reflection": block_id(lesson, "reflection")}
    client.force_login(participant)

    response = client.post(
        f"/leksjon/{lesson.pk}/{path.format(**ids)}/",
        {key.format(**ids): value for key, value in data.items()},
    )

    assert response.status_code == 404
    assert not BlockResponse.objects.exists()
    assert not Enrolment.objects.exists()
    assert "ikke lenger en del av leksjonen" not in client.get(lesson.url).content.decode()


def test_unpublished_and_deleted_courses_break_nothing(client, make_course, participant):
    course, lessons = make_course(lessons=2)
    complete_lesson(learner=participant, lesson=lessons[0])
    client.force_login(participant)

    lessons[1].unpublish()
    assert client.get(course.url).status_code == 200
    assert client.get(lessons[0].url).status_code == 200
    assert client.get(lessons[1].url).status_code == 404

    course.unpublish()
    assert client.get("/min-side/").status_code == 200
    assert "Kurs som ikke lenger er publisert" in client.get("/min-side/").content.decode()

    CoursePage.objects.get(pk=course.pk).delete()
    html = client.get("/min-side/").content.decode()
    assert "Mentorkurs" in html


@pytest.mark.parametrize("url_kind", ["lesson", "course"])
def test_query_count_does_not_grow_with_lessons(
    client, make_course, participant, url_kind, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size, slug in ((5, "liten"), (60, "stor")):
        course, lessons = make_course(lessons=size, modules=3, slug=slug, body=[REFLECTION, QUIZ])
        for lesson in lessons[:3]:
            save_reflection(
                learner=participant,
                lesson=lesson,
                block_id=block_id(lesson, "reflection"),
                text="a",
            )
            answer_quiz(
                learner=participant, lesson=lesson, block_id=block_id(lesson, "quiz"), chosen=[0]
            )
            complete_lesson(learner=participant, lesson=lesson)
        client.force_login(participant)
        url = lessons[2].url if url_kind == "lesson" else course.url
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_module_url_leads_to_its_place_on_the_course_page(client, make_course):
    course, (lesson,) = make_course(lessons=1)
    module = lesson.get_parent()
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == f"{course.url}#module-{module.pk}"


def test_an_editor_previews_a_changed_lesson_inside_its_course(client, make_course, superuser):
    _course, lessons = make_course()
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[lessons[0].pk])
    changed = {"title": "Leksjon 1 endret", "slug": "leksjon-1", "estimated_minutes": "10"}
    assert client.post(url, {**changed, "body-count": "0", "intro": ""}).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leksjon 1 endret" in html
    assert "Mentorkurs" in html  # the course it belongs to, with its outline


def test_every_link_of_the_outline_goes_where_the_page_is(client, make_course, participant):
    """The outline works out the lessons' addresses from the course's, without
    building every lesson page; each must be the address Wagtail gives the page."""
    course, lessons = make_course(lessons=7, modules=3)
    complete_lesson(learner=participant, lesson=lessons[0])
    catalogue = course.get_parent()
    client.force_login(participant)

    course_html = client.get(course.url).content.decode()
    assert f'<a href="{catalogue.url}">{catalogue.title}</a>' in course_html
    for lesson in lessons:
        assert f'<a href="{lesson.url}">{lesson.title}</a>' in course_html

    lesson_html = client.get(lessons[3].url).content.decode()
    assert f'<a href="{course.url}">{course.title}</a>' in lesson_html
    assert f'href="{lessons[2].url}" rel="prev"' in lesson_html
    assert f'href="{lessons[4].url}" rel="next"' in lesson_html
    for lesson in lessons:
        assert f'href="{lesson.url}"' in lesson_html
