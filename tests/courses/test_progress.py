import pytest

from courses.errors import CourseError
from courses.models import BlockResponse, Enrolment, LessonCompletion
from courses.services import (
    answer_quiz,
    complete_lesson,
    enroll,
    learning,
    mark_exercise,
    refresh_course_progress,
    save_reflection,
)

from .fixtures import EXERCISE, QUIZ, REFLECTION, publish

pytestmark = pytest.mark.django_db


def block_id(lesson, kind):
    return next(bid for bid, block in lesson.interactive_blocks() if block.block_type == kind)


@pytest.fixture
def completions(monkeypatch):
    """The enrolments whose completion issued a certificate, in order."""
    received = []
    issue = learning.issue_certificate

    def counting(*, enrolment):
        received.append(enrolment.pk)
        return issue(enrolment=enrolment)

    monkeypatch.setattr(learning, "issue_certificate", counting)
    return received


def test_enrolling_twice_keeps_one_enrolment(make_course, participant):
    course, lessons = make_course(lessons=4)
    first = enroll(learner=participant, course=course)
    second = enroll(learner=participant, course=course)
    assert first.pk == second.pk
    assert (first.lessons_total, first.lessons_done, first.minutes_left) == (4, 0, 40)
    assert first.next_lesson_id == lessons[0].pk


def test_completing_lessons_updates_the_stored_progress(make_course, participant):
    course, lessons = make_course(lessons=4)
    complete_lesson(learner=participant, lesson=lessons[0])
    enrolment = complete_lesson(learner=participant, lesson=lessons[1])
    assert (enrolment.lessons_done, enrolment.percent, enrolment.minutes_left) == (2, 50, 20)
    assert enrolment.next_lesson_id == lessons[2].pk
    assert enrolment.last_lesson_id == lessons[1].pk


def test_completing_the_last_lesson_completes_the_course_once(
    make_course, participant, completions
):
    course, lessons = make_course(lessons=2, version=3)
    complete_lesson(learner=participant, lesson=lessons[0])
    enrolment = complete_lesson(learner=participant, lesson=lessons[1])
    again = complete_lesson(learner=participant, lesson=lessons[1])

    assert enrolment.is_completed
    assert enrolment.completed_version == 3
    course.refresh_from_db()
    assert enrolment.completed_revision_id == course.live_revision_id
    assert again.completed_at == enrolment.completed_at
    assert completions == [enrolment.pk]
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 2


def test_required_blocks_must_be_satisfied(make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION, QUIZ, EXERCISE])

    with pytest.raises(CourseError) as error:
        complete_lesson(learner=participant, lesson=lesson)
    assert error.value.code == "incomplete"
    assert len(error.value.params["missing"]) == 2  # the exercise is not required

    save_reflection(
        learner=participant, lesson=lesson, block_id=block_id(lesson, "reflection"), text="Tid"
    )
    answer_quiz(learner=participant, lesson=lesson, block_id=block_id(lesson, "quiz"), chosen=[1])
    with pytest.raises(CourseError) as error:
        complete_lesson(learner=participant, lesson=lesson)
    assert error.value.params["missing"] == ["Svar riktig: «Hvem styrer mentorsamtalen?»"]

    answer_quiz(learner=participant, lesson=lesson, block_id=block_id(lesson, "quiz"), chosen=[0])
    assert complete_lesson(learner=participant, lesson=lesson).is_completed


def test_quiz_stays_satisfied_after_a_later_wrong_try(make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[QUIZ])
    quiz = block_id(lesson, "quiz")
    answer_quiz(learner=participant, lesson=lesson, block_id=quiz, chosen=[0])
    response = answer_quiz(learner=participant, lesson=lesson, block_id=quiz, chosen=[1])
    assert response.satisfied
    assert response.attempts == 2
    assert response.choices == [1]


@pytest.mark.parametrize(("chosen", "code"), [([], "no_choice"), ([0, 1], "one_choice")])
def test_quiz_answer_must_fit_the_question(make_course, participant, chosen, code):
    course, (lesson,) = make_course(lessons=1, body=[QUIZ])
    with pytest.raises(CourseError) as error:
        answer_quiz(
            learner=participant, lesson=lesson, block_id=block_id(lesson, "quiz"), chosen=chosen
        )
    assert error.value.code == code


def test_too_long_reflection_is_refused_and_nothing_saved(make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION])
    with pytest.raises(CourseError) as error:
        save_reflection(
            learner=participant,
            lesson=lesson,
            block_id=block_id(lesson, "reflection"),
            text="x" * 10_001,
        )
    assert error.value.code == "too_long"
    assert not BlockResponse.objects.exists()


def test_exercise_can_be_marked_done_with_a_note(make_course, participant):
    course, (lesson,) = make_course(lessons=1, body=[EXERCISE])
    response = mark_exercise(
        learner=participant,
        lesson=lesson,
        block_id=block_id(lesson, "exercise"),
        done=True,
        note="Observatøren så mye.",
    )
    assert response.satisfied and response.text == "Observatøren så mye."


def test_sequential_course_refuses_a_lesson_out_of_order(make_course, participant):
    course, lessons = make_course(lessons=3, sequential=True)
    with pytest.raises(CourseError) as error:
        complete_lesson(learner=participant, lesson=lessons[1])
    assert error.value.code == "locked"
    complete_lesson(learner=participant, lesson=lessons[0])
    assert complete_lesson(learner=participant, lesson=lessons[1]).lessons_done == 2


def test_new_lessons_show_for_learners_in_progress_but_never_revoke_completion(
    make_course, participant, other_participant, django_capture_on_commit_callbacks
):
    course, lessons = make_course(lessons=2)
    for lesson in lessons:
        complete_lesson(learner=participant, lesson=lesson)
    complete_lesson(learner=other_participant, lesson=lessons[0])
    module = lessons[0].get_parent()

    from courses.models import LessonPage

    with django_capture_on_commit_callbacks(execute=True):
        publish(module, LessonPage(title="Ny leksjon", slug="ny", estimated_minutes=5))

    done = Enrolment.objects.get(learner=participant)
    in_progress = Enrolment.objects.get(learner=other_participant)
    assert done.is_completed and done.lessons_total == 3
    assert in_progress.lessons_total == 3 and in_progress.lessons_done == 1
    assert in_progress.next_lesson_id == lessons[1].pk


def test_unpublishing_a_lesson_recounts_progress(
    make_course, participant, django_capture_on_commit_callbacks
):
    course, lessons = make_course(lessons=3)
    complete_lesson(learner=participant, lesson=lessons[0])
    with django_capture_on_commit_callbacks(execute=True):
        lessons[2].unpublish()
    enrolment = Enrolment.objects.get(learner=participant)
    assert (enrolment.lessons_done, enrolment.lessons_total) == (1, 2)


def test_refresh_keeps_numbers_for_many_learners(make_course, django_assert_max_num_queries):
    from tests.factories import UserFactory

    course, lessons = make_course(lessons=3)
    for _ in range(15):
        complete_lesson(learner=UserFactory(), lesson=lessons[0])
    with django_assert_max_num_queries(8):
        assert refresh_course_progress(course=course) == 15
    assert set(Enrolment.objects.values_list("lessons_done", flat=True)) == {1}
