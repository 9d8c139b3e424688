"""Enrolments, lesson completions, quiz answers and course certificates. Each
enrolment's progress fields are what courses.services.learning._refresh would
compute from its completions (a learner works through a course in order), and
each completed enrolment has the one certificate issue_certificate would give."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from courses.codes import ALPHABET, RANDOM_LENGTH, check_symbol, format_code
from courses.models import (
    BlockResponse,
    Certificate,
    Enrolment,
    LessonCompletion,
    MandatoryFor,
    ResponseKind,
)
from courses.services.certificates import new_certificate

from .base import bulk, explicit_timestamps
from .people import SCHEME_ADMINISTRATOR

REVOKE_REASONS = [
    "Kursbeviset ble utstedt ved en feil.",
    "Personen har bedt om at kursbeviset trekkes tilbake.",
]


@dataclass(frozen=True)
class Held:
    """A certificate as the scheme's gate sees it."""

    person: object
    issued_at: object
    valid: bool


@dataclass
class Progress:
    person: object
    course: object
    done: int
    started_at: object
    finished_at: object  # the last completion, or the start if none


def _code(rng, taken: set) -> str:
    while True:
        body = "".join(rng.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
        code = format_code(body + check_symbol(body))
        if code not in taken:
            taken.add(code)
            return code


def timeline(rng, ctx, person, *, at_least=1):
    """When a learner started a course and last worked on it: after they
    joined, the last time at least `at_least` days ago."""
    joined = max(2, (ctx.now - person.user.date_joined).days)
    finished = rng.randint(min(at_least, joined - 1), joined - 1)
    started = finished + rng.randint(0, min(60, joined - 1 - finished))
    return ctx.days_ago(rng, started, started), ctx.days_ago(rng, finished, finished)


def _completed(rng, ctx, courses, people) -> list[Progress]:
    total = ctx.plan.certificates
    lessons = ctx.plan.lessons_per_course
    mentor_course, mentee_course, *optional = courses
    mentors = [p for p in people.participants if p.wants_to_mentor]
    mentees = [p for p in people.participants if not p.wants_to_mentor]
    heavy = [p for p in mentors if p.heavy]
    rest = [p for p in mentors if not p.heavy]
    rng.shuffle(rest)
    rng.shuffle(mentees)
    chosen = [(p, mentor_course) for p in (heavy + rest)[: max(len(heavy), round(total * 0.4))]]
    chosen += [(p, mentee_course) for p in mentees[: round(total * 0.4)]]
    # Mandatory courses were finished at least three weeks ago, so that the
    # scheme applications that need them can come after.
    progress = [
        Progress(person, course, lessons, *timeline(rng, ctx, person, at_least=20))
        for person, course in chosen
    ]
    taken = {(p.person.user.pk, p.course.pk) for p in progress}
    expiring = [c for c in optional if c.validity_months]
    if expiring and len(progress) < total:
        # The longest-standing participant's certificate has run out.
        person = min(people.participants, key=lambda p: p.user.date_joined)
        course = expiring[0]
        days = 31 * (course.validity_months + 1)
        progress.append(
            Progress(person, course, lessons, *timeline(rng, ctx, person, at_least=days))
        )
        taken.add((person.user.pk, course.pk))
    while len(progress) < total:
        person, course = rng.choice(people.participants), rng.choice(optional)
        if (person.user.pk, course.pk) not in taken:
            taken.add((person.user.pk, course.pk))
            progress.append(Progress(person, course, lessons, *timeline(rng, ctx, person)))
    return progress


def _in_progress(rng, ctx, courses, people, completed) -> list[Progress]:
    lessons = ctx.plan.lessons_per_course
    left = ctx.plan.completions - sum(p.done for p in completed)
    taken = {(p.person.user.pk, p.course.pk) for p in completed}
    mentor_course, mentee_course, *optional = courses
    plans = []

    def add(person, course, done):
        nonlocal left
        taken.add((person.user.pk, course.pk))
        plans.append(Progress(person, course, done, *timeline(rng, ctx, person)))
        left -= done

    # The busiest people are halfway through several optional courses.
    for index, person in enumerate(people.heavy):
        for course in rng.sample(optional, min(len(optional), 6 if index == 0 else 4)):
            if left > 0 and (person.user.pk, course.pk) not in taken:
                add(person, course, min(left, rng.randint(1, max(1, lessons - 2))))
    attempts = 0
    while left > 0 and attempts < 50 * ctx.plan.completions:
        attempts += 1
        person = rng.choice(people.participants)
        if rng.random() < 0.3:
            course = mentor_course if person.wants_to_mentor else mentee_course
        else:
            course = rng.choice(optional)
        if (person.user.pk, course.pk) in taken:
            continue
        # One in ten has opened a course and done nothing yet.
        done = 0 if rng.random() < 0.1 else min(left, rng.randint(1, lessons - 1))
        add(person, course, done)
    if left > 0:
        raise RuntimeError(f"{left} lesson completions found no enrolment to go in.")
    return plans


def build_learning(ctx, courses, people) -> dict:
    rng = ctx.rng("learning")
    completed = _completed(rng, ctx, courses, people)
    progress = completed + _in_progress(rng, ctx, courses, people, completed)
    return write_progress(rng, ctx, progress, office=people.staff[SCHEME_ADMINISTRATOR])


def write_progress(rng, ctx, progress: list[Progress], *, office) -> dict:
    """The enrolments, lesson completions and quiz answers of `progress`, and
    the certificate of each course done to the end."""
    enrolments, completions, responses = [], [], []
    for plan in progress:
        lessons = plan.course.lessons
        done = lessons[: plan.done]
        is_complete = plan.done == len(lessons)
        enrolment = Enrolment(
            learner=plan.person.user,
            course=plan.course.page,
            course_title=plan.course.page.title,
            started_at=plan.started_at,
            updated_at=plan.finished_at if plan.done else plan.started_at,
            lessons_done=plan.done,
            lessons_total=len(lessons),
            minutes_left=sum(lesson.minutes for lesson in lessons[plan.done :]),
            next_lesson_id=None if is_complete else lessons[plan.done].pk,
            last_lesson_id=done[-1].pk if done else None,
            completed_at=plan.finished_at if is_complete else None,
            completed_version=plan.course.page.version if is_complete else None,
            completed_revision_id=plan.course.page.live_revision_id if is_complete else None,
        )
        enrolments.append(enrolment)
        span = plan.finished_at - plan.started_at
        for position, lesson in enumerate(done, start=1):
            at = plan.started_at + span * position / len(done)
            completions.append(
                LessonCompletion(enrolment=enrolment, lesson_id=lesson.pk, completed_at=at)
            )
            for quiz in lesson.quizzes:
                responses.append(
                    BlockResponse(
                        learner=plan.person.user,
                        lesson_id=lesson.pk,
                        lesson_title=lesson.title,
                        course=plan.course.page,
                        block_id=quiz.block_id,
                        kind=ResponseKind.QUIZ,
                        prompt=quiz.prompt[:300],
                        choices=list(quiz.correct),
                        satisfied=True,
                        attempts=rng.choice((1, 1, 1, 2, 3)),
                        updated_at=at - timedelta(minutes=2),
                    )
                )
    with explicit_timestamps(Enrolment, LessonCompletion, BlockResponse):
        bulk(Enrolment, enrolments)
        bulk(LessonCompletion, completions)
        bulk(BlockResponse, responses)
    certificates = _certificates(rng, ctx, progress, enrolments, office)
    return {
        "enrolments": len(enrolments),
        "lesson completions": len(completions),
        "quiz answers": len(responses),
        "certificates": certificates,
    }


def _certificates(rng, ctx, progress, enrolments, office) -> int:
    taken = set(Certificate.objects.values_list("code", flat=True))
    rows = []
    revoked_one = False
    for plan, enrolment in zip(progress, enrolments, strict=True):
        if enrolment.completed_at is None:
            continue
        course = plan.course.page
        issued = enrolment.completed_at
        months = course.certificate_validity_months
        certificate = new_certificate(enrolment=enrolment, code=_code(rng, taken))
        if rng.random() < 0.3:
            certificate.verification_count = rng.randint(1, 4)
            certificate.last_verified_at = issued + timedelta(days=rng.randint(1, 20))
            certificate.last_verified_at = min(certificate.last_verified_at, ctx.now)
        # Revoked ones are optional courses that never expire, so neither the
        # scheme's gate nor the expired certificate is muddled.
        revoke = (
            course.mandatory_for == MandatoryFor.NONE
            and not months
            and (not revoked_one or rng.random() < 0.02)
        )
        if revoke and not plan.person.heavy and issued < ctx.now - timedelta(days=2):
            certificate.revoked_at = issued + (ctx.now - issued) / 2
            certificate.revoked_reason = rng.choice(REVOKE_REASONS)
            certificate.revoked_by = office
            revoked_one = True
        rows.append(certificate)
    bulk(Certificate, rows)
    return len(rows)


def mandatory_holders(role: str) -> dict:
    """Holders of a valid mandatory certificate for `role`, with the day it was
    issued: the people who may apply to the scheme together."""
    held = defaultdict(list)
    for holder_id, issued_at in Certificate.objects.filter(
        mandatory_for=role, revoked_at__isnull=True
    ).values_list("holder_id", "issued_at"):
        held[holder_id].append(issued_at)
    return {holder_id: min(days) for holder_id, days in held.items()}
