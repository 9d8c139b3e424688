"""Reads across courses, modules, lessons and a learner's progress. Every
function here runs a fixed number of queries, whatever the number of lessons."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mentornett.accounts.models import Profile

from .models import BlockResponse, CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage


@dataclass
class ModuleOutline:
    module: ModulePage
    lessons: list = field(default_factory=list)


@dataclass
class CourseOutline:
    """The live learning path of a course: modules and their lessons, in tree order."""

    course: CoursePage
    modules: list
    lessons: list

    @property
    def lesson_ids(self):
        return [lesson.pk for lesson in self.lessons]

    def position(self, lesson):
        ids = self.lesson_ids
        return ids.index(lesson.pk) if lesson.pk in ids else None


def course_outline(course: CoursePage) -> CourseOutline:
    """Two queries: the live modules and the live lessons below the course."""
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    lessons = list(
        LessonPage.objects.live()
        .descendant_of(course)
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path", "estimated_minutes", "intro")
    )
    by_path = {module.path: ModuleOutline(module) for module in modules}
    ordered = []
    for lesson in lessons:
        outline = by_path.get(lesson.path[: -ModulePage.steplen])
        if outline is not None:  # a lesson under an unpublished module is hidden too
            outline.lessons.append(lesson)
            ordered.append(lesson)
    return CourseOutline(course=course, modules=list(by_path.values()), lessons=ordered)


def course_of(lesson: LessonPage) -> CoursePage | None:
    return CoursePage.objects.ancestor_of(lesson).first()


@dataclass
class LearnerState:
    enrolment: Enrolment | None
    done_ids: set

    @property
    def enrolled(self):
        return self.enrolment is not None


def learner_state(*, user, course: CoursePage) -> LearnerState:
    if not user.is_authenticated:
        return LearnerState(None, set())
    enrolment = Enrolment.objects.filter(learner=user, course=course).first()
    if enrolment is None:
        return LearnerState(None, set())
    done = set(enrolment.completions.values_list("lesson_id", flat=True))
    return LearnerState(enrolment, done)


def open_lesson_ids(outline: CourseOutline, done_ids: set) -> set:
    """In sequential mode a lesson opens when every lesson before it is done."""
    if not outline.course.sequential:
        return set(outline.lesson_ids)
    opened = set()
    for lesson in outline.lessons:
        opened.add(lesson.pk)
        if lesson.pk not in done_ids:
            break
    return opened


def next_lesson(outline: CourseOutline, done_ids: set):
    return next((lesson for lesson in outline.lessons if lesson.pk not in done_ids), None)


@dataclass
class CourseView:
    outline: CourseOutline
    state: LearnerState
    open_ids: set
    next_lesson: LessonPage | None
    lessons_done: int
    lessons_total: int
    minutes_left: int
    module_progress: dict
    has_reflections: bool = False

    @property
    def percent(self):
        if self.state.enrolment and self.state.enrolment.is_completed:
            return 100
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0


def course_view(*, user, course: CoursePage) -> CourseView:
    outline = course_outline(course)
    state = learner_state(user=user, course=course)
    live_done = state.done_ids & set(outline.lesson_ids)
    module_progress = {
        entry.module.pk: (
            sum(1 for lesson in entry.lessons if lesson.pk in live_done),
            len(entry.lessons),
        )
        for entry in outline.modules
    }
    return CourseView(
        outline=outline,
        state=state,
        open_ids=open_lesson_ids(outline, state.done_ids),
        next_lesson=next_lesson(outline, state.done_ids),
        lessons_done=len(live_done),
        lessons_total=len(outline.lessons),
        minutes_left=sum(
            lesson.estimated_minutes for lesson in outline.lessons if lesson.pk not in live_done
        ),
        module_progress=module_progress,
        has_reflections=state.enrolled
        and BlockResponse.objects.filter(learner=user, course=course, kind="reflection")
        .exclude(text="")
        .exists(),
    )


def responses_for(*, user, lesson: LessonPage) -> dict:
    """The learner's own answers in one lesson, by block id."""
    if not user.is_authenticated:
        return {}
    return {
        response.block_id: response
        for response in BlockResponse.objects.filter(learner=user, lesson=lesson)
    }


def missing_requirements(lesson: LessonPage, responses: dict) -> list[str]:
    """Plain descriptions of what is still missing before the lesson is done."""
    missing = []
    for block_id, block in lesson.required_blocks():
        response = responses.get(block_id)
        if response is not None and response.satisfied:
            continue
        if block.block_type == "quiz":
            missing.append(_("Answer correctly: “%(q)s”") % {"q": block.value["question"]})
        else:
            missing.append(_("Answer the question: “%(q)s”") % {"q": block.value["question"]})
    return missing


def participant_roles(user) -> set[str]:
    """Which mandatory course fits the person: mentor if they want to be one,
    otherwise mentee. Anonymous visitors see both."""
    if not user.is_authenticated:
        return {"mentor", "mentee"}
    profile = Profile.objects.filter(user=user).only("wants_to_be_mentor").first()
    return {"mentor"} if profile and profile.wants_to_be_mentor else {"mentee"}


@dataclass
class CatalogueEntry:
    course: CoursePage
    enrolment: Enrolment | None
    mandatory_for_me: bool

    @property
    def status(self):
        if self.enrolment is None:
            return "not_started"
        return "completed" if self.enrolment.is_completed else "in_progress"


def catalogue_for(*, user, index=None) -> list[CatalogueEntry]:
    """Mandatory courses for the person's role first, then other mandatory
    courses, then optional micro-courses; each with the person's status."""
    courses = CoursePage.objects.live().public().order_by("path")
    if index is not None:
        courses = courses.child_of(index)
    courses = list(courses.select_related("cover_image"))
    enrolments = {}
    if user.is_authenticated:
        enrolments = {
            e.course_id: e
            for e in Enrolment.objects.filter(learner=user, course__in=[c.pk for c in courses])
        }
    roles = participant_roles(user)
    entries = [
        CatalogueEntry(
            course=course,
            enrolment=enrolments.get(course.pk),
            mandatory_for_me=course.mandatory_for in roles,
        )
        for course in courses
    ]
    return sorted(
        entries,
        key=lambda entry: (not entry.mandatory_for_me, not entry.course.mandatory_for),
    )


def dashboard_courses(*, user):
    """For "Min side": the courses the person has started or must take, and
    enrolments in courses that are no longer published (kept, not hidden)."""
    entries = [
        entry for entry in catalogue_for(user=user) if entry.enrolment or entry.mandatory_for_me
    ]
    retired = list(
        Enrolment.objects.filter(learner=user)
        .filter(Q(course__isnull=True) | Q(course__live=False))
        .order_by("-updated_at")
    )
    return entries, retired


def progress_report(*, course: CoursePage):
    """Staff: every learner's progress in a course, one query per page of rows."""
    return (
        Enrolment.objects.filter(course=course)
        .select_related("learner")
        .order_by("learner__full_name")
    )


def completed_lesson_counts(*, course: CoursePage, lesson_ids) -> dict:
    """enrolment id → set of completed live lesson ids, for the whole course."""
    done = {}
    rows = LessonCompletion.objects.filter(
        enrolment__course=course, lesson_id__in=lesson_ids
    ).values_list("enrolment_id", "lesson_id")
    for enrolment_id, lesson_id in rows:
        done.setdefault(enrolment_id, set()).add(lesson_id)
    return done


@dataclass(frozen=True)
class CertificateGate:
    """The answer to "may this person apply as mentor/mentee?": the valid
    certificate, or why there is none."""

    certificate: object | None
    reason: str | None  # None when valid; else "never_completed", "expired", "revoked"

    @property
    def ok(self):
        return self.certificate is not None and self.reason is None


def mandatory_certificate(*, user, role: str, day=None) -> CertificateGate:
    """Does the person hold a valid certificate of the mandatory course for
    `role` ("mentor" or "mentee") on `day` (today by default)?"""
    from django.utils import timezone

    from .models import Certificate

    day = day or timezone.localdate()
    mine = Certificate.objects.filter(holder=user, mandatory_for=role).order_by("-issued_at")
    valid = mine.valid_on(day).first()
    if valid is not None:
        return CertificateGate(valid, None)
    latest = mine.first()
    if latest is None:
        return CertificateGate(None, "never_completed")
    return CertificateGate(None, latest.status_on(day).value)


def my_certificates(*, user):
    from .models import Certificate

    return list(Certificate.objects.filter(holder=user).order_by("-issued_at"))


def certificate_list(*, query: str = "", course_id=None):
    """Staff: certificates, newest first, filtered by course and by a holder's
    name or a code."""
    from .codes import parse_code
    from .models import Certificate

    certificates = Certificate.objects.select_related("holder").order_by("-issued_at")
    if course_id:
        certificates = certificates.filter(course_id=course_id)
    query = query.strip()
    if query:
        parsed = parse_code(query)
        certificates = certificates.filter(
            Q(holder_name__icontains=query)
            | Q(holder__email__iexact=query)
            | Q(code=parsed.code or query.upper())
        )
    return certificates
