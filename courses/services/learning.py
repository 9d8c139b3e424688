"""The only place where course state changes: enrolment, answers, lesson and
course completion, and keeping each enrolment's progress numbers true."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..blocks import EXERCISE, QUIZ, REFLECTION
from ..errors import CourseError
from ..models import BlockResponse, CoursePage, Enrolment, LessonCompletion, LessonPage
from ..selectors import (
    completed_lesson_counts,
    course_of,
    course_outline,
    missing_requirements,
    next_lesson,
    open_lesson_ids,
)
from .certificates import issue_certificate

REFLECTION_MAX_LENGTH = 10_000
EXERCISE_NOTE_MAX_LENGTH = 5_000


def enroll(*, learner, course: CoursePage) -> Enrolment:
    """Start a course; starting it twice is harmless."""
    enrolment, created = Enrolment.objects.get_or_create(
        learner=learner, course=course, defaults={"course_title": course.title}
    )
    if created:
        _refresh(enrolment, course_outline(course), set())
    return enrolment


def _refresh(enrolment: Enrolment, outline, done_ids: set, *, save=True) -> Enrolment:
    live_done = done_ids & set(outline.lesson_ids)
    enrolment.course_title = outline.course.title
    enrolment.lessons_total = len(outline.lessons)
    enrolment.lessons_done = len(live_done)
    enrolment.minutes_left = sum(
        lesson.estimated_minutes for lesson in outline.lessons if lesson.pk not in live_done
    )
    following = next_lesson(outline, live_done)
    enrolment.next_lesson_id = following.pk if following else None
    if save:
        enrolment.save()
    return enrolment


def _block(lesson: LessonPage, block_id: str, kind: str):
    block = lesson.interactive_block(block_id, kind)
    if block is not None:
        return block
    raise CourseError(_("This question is no longer part of the lesson."), code="no_block")


def _response(*, learner, lesson, course, block_id, kind, prompt):
    response, _created = BlockResponse.objects.select_for_update().get_or_create(
        learner=learner,
        lesson=lesson,
        block_id=block_id,
        defaults={"kind": kind, "course": course, "prompt": prompt[:300]},
    )
    response.prompt = prompt[:300]
    response.lesson_title = lesson.title
    response.course = course
    return response


def _checked_length(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) > limit:
        raise CourseError(
            _(
                "The text is %(length)s characters long; the limit is %(limit)s. "
                "Shorten it a little."
            )
            % {"length": len(text), "limit": limit},
            code="too_long",
        )
    return text


def _save_text(*, learner, lesson, block_id, kind, prompt_field, text, satisfied):
    block = _block(lesson, block_id, kind)
    response = _response(
        learner=learner,
        lesson=lesson,
        course=course_of(lesson),
        block_id=block_id,
        kind=kind,
        prompt=block.value[prompt_field],
    )
    response.text = text
    response.satisfied = satisfied
    response.save()
    return response


@transaction.atomic
def save_reflection(*, learner, lesson: LessonPage, block_id: str, text: str) -> BlockResponse:
    text = _checked_length(text, REFLECTION_MAX_LENGTH)
    return _save_text(
        learner=learner,
        lesson=lesson,
        block_id=block_id,
        kind=REFLECTION,
        prompt_field="question",
        text=text,
        satisfied=bool(text),
    )


@transaction.atomic
def mark_exercise(
    *, learner, lesson: LessonPage, block_id: str, done: bool, note: str = ""
) -> BlockResponse:
    return _save_text(
        learner=learner,
        lesson=lesson,
        block_id=block_id,
        kind=EXERCISE,
        prompt_field="title",
        text=_checked_length(note, EXERCISE_NOTE_MAX_LENGTH),
        satisfied=done,
    )


@transaction.atomic
def answer_quiz(*, learner, lesson: LessonPage, block_id: str, chosen: list[int]) -> BlockResponse:
    """Record an attempt. Assessment for learning: unlimited tries, and a question
    stays satisfied once it has been answered correctly."""
    block = _block(lesson, block_id, QUIZ)
    options = block.value["options"]
    chosen = sorted({index for index in chosen if 0 <= index < len(options)})
    if not chosen:
        raise CourseError(_("Choose an answer before you check it."), code="no_choice")
    if not block.value["multiple"] and len(chosen) > 1:
        raise CourseError(_("Choose only one answer."), code="one_choice")
    correct = sorted(index for index, option in enumerate(options) if option["correct"])
    response = _response(
        learner=learner,
        lesson=lesson,
        course=course_of(lesson),
        block_id=block_id,
        kind=QUIZ,
        prompt=block.value["question"],
    )
    response.choices = chosen
    response.attempts += 1
    response.satisfied = response.satisfied or chosen == correct
    response.save()
    return response


def complete_lesson(*, learner, lesson: LessonPage) -> Enrolment:
    """Mark a lesson done once its required blocks are satisfied. Completing the
    last lesson completes the course, records its version, and issues the
    course certificate in the same transaction."""
    course = course_of(lesson)
    if course is None or not lesson.live:
        raise CourseError(_("This lesson is no longer published."), code="unpublished")
    responses = {
        r.block_id: r for r in BlockResponse.objects.filter(learner=learner, lesson=lesson)
    }
    missing = missing_requirements(lesson, responses)
    if missing:
        raise CourseError(
            _("Some things are still missing before the lesson is done."),
            code="incomplete",
            params={"missing": missing},
        )
    enroll(learner=learner, course=course)
    with transaction.atomic():
        # The lock serialises two tabs finishing the last lessons at once.
        enrolment = Enrolment.objects.select_for_update().get(learner=learner, course=course)
        outline = course_outline(course)
        done_ids = set(enrolment.completions.values_list("lesson_id", flat=True))
        if lesson.pk not in open_lesson_ids(outline, done_ids):
            raise CourseError(_("Finish the lessons before this one first."), code="locked")
        LessonCompletion.objects.get_or_create(enrolment=enrolment, lesson=lesson)
        done_ids.add(lesson.pk)
        enrolment.last_lesson = lesson
        _refresh(enrolment, outline, done_ids, save=False)
        newly_completed = (
            enrolment.completed_at is None
            and enrolment.lessons_total > 0
            and enrolment.lessons_done == enrolment.lessons_total
        )
        if newly_completed:
            enrolment.completed_at = timezone.now()
            enrolment.completed_version = course.version
            enrolment.completed_revision_id = course.live_revision_id
        enrolment.save()
        if newly_completed:
            issue_certificate(enrolment=enrolment)
    return enrolment


def refresh_course_progress(*, course: CoursePage) -> int:
    """Bring every enrolment's numbers in line after editors add, remove or
    unpublish lessons. Completed enrolments stay completed. Returns the count."""
    outline = course_outline(course)
    done = completed_lesson_counts(course=course, lesson_ids=outline.lesson_ids)
    enrolments = list(Enrolment.objects.filter(course=course))
    for enrolment in enrolments:
        _refresh(enrolment, outline, done.get(enrolment.pk, set()), save=False)
    Enrolment.objects.bulk_update(
        enrolments,
        ["course_title", "lessons_total", "lessons_done", "minutes_left", "next_lesson"],
        batch_size=500,
    )
    return len(enrolments)
