"""Query budgets for the course pages: the same number of queries for a small
course and a large one, for a learner with little and with much progress, and
whatever other learners have done."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import Certificate
from courses.services import answer_quiz, complete_lesson, enroll, save_reflection
from tests.factories import UserFactory
from tests.queries import query_count

from .fixtures import QUIZ, REFLECTION

pytestmark = pytest.mark.django_db

# Signed-in pages include the shared per-request queries (session, user, site,
# page routing, header and footer), which shrink separately.
SIGNED_IN_BUDGET = 12
ANONYMOUS_BUDGET = 12


def block_id(lesson, kind):
    return next(bid for bid, block in lesson.interactive_blocks() if block.block_type == kind)


def work_through(learner, lessons):
    for lesson in lessons:
        save_reflection(
            learner=learner, lesson=lesson, block_id=block_id(lesson, "reflection"), text="Svar"
        )
        answer_quiz(learner=learner, lesson=lesson, block_id=block_id(lesson, "quiz"), chosen=[0])
        complete_lesson(learner=learner, lesson=lesson)


@pytest.fixture
def small_and_large(make_course, participant):
    """A 3-lesson course in one module with 2 lessons done, and a 30-lesson
    course in 10 modules with 20 done and two other learners along too."""
    small, small_lessons = make_course(
        lessons=3, modules=1, slug="liten", body=[REFLECTION, QUIZ], certificate_validity_months=12
    )
    large, large_lessons = make_course(
        lessons=30, modules=10, slug="stor", body=[REFLECTION, QUIZ], certificate_validity_months=12
    )
    work_through(participant, small_lessons[:2])
    work_through(participant, large_lessons[:20])
    for other in (UserFactory(), UserFactory()):
        work_through(other, large_lessons[:5])
    return (small, small_lessons), (large, large_lessons)


def test_lesson_page_runs_the_same_queries_for_a_small_and_a_large_course(
    client, participant, small_and_large
):
    (small, small_lessons), (large, large_lessons) = small_and_large
    client.force_login(participant)
    few = query_count(client, small_lessons[1].url)
    many = query_count(client, large_lessons[19].url)
    assert few == many
    assert many <= SIGNED_IN_BUDGET


def test_lesson_page_shows_progress_answers_and_neighbours(client, participant, small_and_large):
    _small, (large, lessons) = small_and_large
    client.force_login(participant)
    html = client.get(lessons[19].url).content.decode()
    assert "Leksjon 20 av 30" in html
    assert html.count("(fullført)") == 20
    assert f'href="{lessons[18].url}" rel="prev"' in html
    assert f'href="{lessons[20].url}" rel="next"' in html
    assert "Svar</textarea>" in html


def test_course_page_runs_the_same_queries_for_a_small_and_a_large_course(
    client, participant, small_and_large
):
    (small, _), (large, _) = small_and_large
    anonymous = [query_count(client, small.url), query_count(client, large.url)]
    client.force_login(participant)
    signed_in = [query_count(client, small.url), query_count(client, large.url)]
    assert anonymous[0] == anonymous[1]
    assert signed_in[0] == signed_in[1]
    assert anonymous[1] <= ANONYMOUS_BUDGET
    assert signed_in[1] <= SIGNED_IN_BUDGET


def test_course_page_for_a_newcomer_runs_the_same_queries(client, small_and_large):
    (small, _), (large, _) = small_and_large
    client.force_login(UserFactory())
    few = query_count(client, small.url)
    many = query_count(client, large.url)
    assert few == many <= SIGNED_IN_BUDGET


def test_course_page_shows_done_marks_per_module(client, participant, small_and_large):
    _small, (large, _lessons) = small_and_large
    client.force_login(participant)
    html = client.get(large.url).content.decode()
    assert html.count("3 av 3 leksjoner fullført") == 6
    assert "2 av 3 leksjoner fullført" in html
    assert "20 av 30 leksjoner" in html
    assert "Last ned refleksjonene dine" in html


def test_certificate_verification_runs_the_same_queries_however_many_certificates(
    client, make_course, django_capture_on_commit_callbacks
):
    course, (lesson,) = make_course(lessons=1, mandatory_for="mentor")
    learners = [UserFactory() for _ in range(10)]
    with django_capture_on_commit_callbacks(execute=True):
        for learner in learners:
            enroll(learner=learner, course=course)
            complete_lesson(learner=learner, lesson=lesson)
    first, last = Certificate.objects.order_by("pk")[:1].get(), Certificate.objects.last()

    def verify(certificate):
        url = f"/kursbevis/{certificate.code}/"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert verify(first) == verify(last) <= 4
