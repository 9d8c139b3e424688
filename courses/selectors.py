"""Reads across courses, modules, lessons and a learner's progress. Every
function here runs a fixed number of queries, whatever the number of lessons."""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from mentornett.accounts.selectors import participant_roles
from mentornett.view_restrictions import in_private_section

from .codes import parse_code
from .models import (
    BlockResponse,
    Certificate,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
)


@dataclass(frozen=True)
class OutlineLesson:
    """A lesson as the outline shows it, read without its body: building Wagtail
    page objects for a whole course cost more than the rest of the page."""

    pk: int
    title: str
    url: str | None
    estimated_minutes: int


@dataclass
class ModuleOutline:
    pk: int
    title: str
    intro: str
    lessons: list = field(default_factory=list)


@dataclass(frozen=True)
class CourseSummary:
    """What a lesson page needs of its course."""

    pk: int
    title: str
    url: str | None
    sequential: bool
    open_access: bool


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str | None


@dataclass
class CourseOutline:
    """The live learning path of a course: modules and their lessons, in tree order."""

    course: CoursePage | CourseSummary
    modules: list
    lessons: list
    parent: PageLink | None = None  # the course catalogue, for the way back

    @property
    def lesson_ids(self):
        return [lesson.pk for lesson in self.lessons]

    def position(self, lesson):
        ids = self.lesson_ids
        return ids.index(lesson.pk) if lesson.pk in ids else None


_TREE_FIELDS = (
    "pk",
    "path",
    "depth",
    "title",
    "url_path",
    "coursepage",
    "coursepage__sequential",
    "coursepage__open_access",
    "modulepage",
    "modulepage__intro",
    "lessonpage",
    "lessonpage__estimated_minutes",
)


def _course_tree(course_path: str, *, user=None) -> list[dict]:
    """One query for a course page (live or not), the page above it, and its
    live modules and lessons, in tree order, as rows of `_TREE_FIELDS`. With a
    signed-in `user`, `done` says whether they have completed that lesson in
    this course."""
    steplen = Page.steplen
    depth = len(course_path) // steplen
    rows = Page.objects.filter(
        Q(path=course_path)
        | Q(path=course_path[:-steplen])
        | Q(path__startswith=course_path, depth__in=(depth + 1, depth + 2), live=True)
    ).order_by("path")
    if user is not None and user.is_authenticated:
        # The enrolment first (once), so each lesson is one look-up in the
        # (enrolment, lesson) unique index, however many others completed it.
        enrolment = Enrolment.objects.filter(learner=user, course__path=course_path).values("pk")
        completed = LessonCompletion.objects.filter(
            enrolment_id=Subquery(enrolment[:1]), lesson_id=OuterRef("pk")
        )
        rows = rows.annotate(done=Exists(completed))
        return list(rows.values(*_TREE_FIELDS, "done"))
    return list(rows.values(*_TREE_FIELDS))


def _address_from(known_url: str | None, known_url_path: str, url_path: str) -> str | None:
    """The address of a page on the way up or down from a page whose address is
    known (not a sibling's). Addresses follow the slugs, so they differ as the
    pages' url_paths do."""
    if known_url is None:
        return None
    if url_path.startswith(known_url_path):
        return known_url + url_path[len(known_url_path) :]
    return known_url[: len(known_url) - (len(known_url_path) - len(url_path))]


def _outline_from(rows, course_path: str, *, known, request=None, course=None):
    """(outline, done lesson ids) from `_course_tree` rows. `known` is a page in
    the tree (the course or a lesson) whose address the others are worked out
    from. Without `course`, the course is summarised from the row at
    `course_path`; None when that is not a course."""
    by_path = {row["path"]: row for row in rows}
    course_row = by_path.get(course_path)
    if course_row is None or course_row["coursepage"] is None:
        return None, set()
    course_url = _address_from(known.get_url(request), known.url_path, course_row["url_path"])

    def address(row):
        return _address_from(course_url, course_row["url_path"], row["url_path"])

    if course is None:
        course = CourseSummary(
            pk=course_row["pk"],
            title=course_row["title"],
            url=course_url,
            sequential=course_row["coursepage__sequential"],
            open_access=course_row["coursepage__open_access"],
        )
    depth = course_row["depth"]
    modules, lessons, done = {}, [], set()
    for row in rows:
        if row["depth"] == depth + 1 and row["modulepage"] is not None:
            modules[row["path"]] = ModuleOutline(
                pk=row["pk"], title=row["title"], intro=row["modulepage__intro"]
            )
        elif row["depth"] == depth + 2 and row["lessonpage"] is not None:
            module = modules.get(row["path"][: -Page.steplen])
            if module is None:  # a lesson under an unpublished module is hidden too
                continue
            lesson = OutlineLesson(
                pk=row["pk"],
                title=row["title"],
                url=address(row),
                estimated_minutes=row["lessonpage__estimated_minutes"],
            )
            module.lessons.append(lesson)
            lessons.append(lesson)
            if row.get("done"):
                done.add(lesson.pk)
    parent_row = by_path.get(course_path[: -Page.steplen])
    outline = CourseOutline(
        course=course,
        modules=list(modules.values()),
        lessons=lessons,
        parent=PageLink(parent_row["title"], address(parent_row)) if parent_row else None,
    )
    return outline, done


def course_outline(course: CoursePage) -> CourseOutline:
    """One query: the live modules and the live lessons below the course."""
    outline, _done = _outline_from(
        _course_tree(course.path), course.path, known=course, course=course
    )
    return outline


def course_of(lesson: LessonPage) -> CoursePage | None:
    return CoursePage.objects.ancestor_of(lesson).first()


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
    """A learner's view of a course: the outline with their done marks, what
    is open to them and how far they have come."""

    outline: CourseOutline
    done_ids: set
    open_ids: set
    next_lesson: OutlineLesson | None
    lessons_done: int
    lessons_total: int
    minutes_left: int
    module_progress: dict
    # Read for the course page only; None for the lesson page and for newcomers.
    enrolment: Enrolment | None = None

    @property
    def enrolled(self):
        return self.enrolment is not None

    @property
    def has_reflections(self):
        return bool(self.enrolment and self.enrolment.has_reflections)

    @property
    def percent(self):
        if self.enrolment and self.enrolment.is_completed:
            return 100
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0


def _view(outline: CourseOutline, done_ids: set, enrolment=None) -> CourseView:
    return CourseView(
        outline=outline,
        done_ids=done_ids,
        open_ids=open_lesson_ids(outline, done_ids),
        next_lesson=next_lesson(outline, done_ids),
        lessons_done=len(done_ids),
        lessons_total=len(outline.lessons),
        minutes_left=sum(
            lesson.estimated_minutes for lesson in outline.lessons if lesson.pk not in done_ids
        ),
        module_progress={
            entry.pk: (
                sum(1 for lesson in entry.lessons if lesson.pk in done_ids),
                len(entry.lessons),
            )
            for entry in outline.modules
        },
        enrolment=enrolment,
    )


def course_view(*, user, course: CoursePage, request=None) -> CourseView:
    """The course page: two queries signed in (the course tree with done marks,
    the enrolment), one for visitors."""
    outline, done_ids = _outline_from(
        _course_tree(course.path, user=user),
        course.path,
        known=course,
        request=request,
        course=course,
    )
    enrolment = None
    if user.is_authenticated:
        reflections = BlockResponse.objects.filter(
            learner=user, course=course, kind="reflection"
        ).exclude(text="")
        enrolment = (
            Enrolment.objects.filter(learner=user, course=course)
            .annotate(has_reflections=Exists(reflections))
            .first()
        )
    return _view(outline, done_ids, enrolment)


@dataclass
class LessonView:
    course: CourseSummary
    view: CourseView
    position: int | None  # 0-based among the course's live lessons; None: not on the path

    @property
    def previous_lesson(self):
        if not self.position:
            return None
        return self.view.outline.lessons[self.position - 1]

    @property
    def following_lesson(self):
        lessons = self.view.outline.lessons
        if self.position is None or self.position + 1 >= len(lessons):
            return None
        return lessons[self.position + 1]


def lesson_view(*, user, lesson: LessonPage, request=None) -> LessonView | None:
    """A lesson's course, the course's outline and the learner's done marks, in
    one query; None when the lesson is not in a course."""
    # Tree rules put a lesson two levels below its course: course → module → lesson.
    course_path = lesson.path[: -2 * Page.steplen]
    outline, done_ids = _outline_from(
        _course_tree(course_path, user=user), course_path, known=lesson, request=request
    )
    if outline is None:
        return None
    return LessonView(
        course=outline.course, view=_view(outline, done_ids), position=outline.position(lesson)
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


def _public_courses(index=None):
    courses = CoursePage.objects.live().exclude(in_private_section())
    if index is not None:
        courses = courses.child_of(index)
    return list(courses.select_related("cover_image").order_by("path"))


def _catalogue(courses, enrolments: dict, roles: set) -> list[CatalogueEntry]:
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


def catalogue_for(*, user, index=None, profile=None) -> list[CatalogueEntry]:
    """Mandatory courses for the person's role first, then other mandatory
    courses, then optional micro-courses; each with the person's status."""
    courses = _public_courses(index)
    enrolments = {}
    if user.is_authenticated:
        enrolments = {
            e.course_id: e
            for e in Enrolment.objects.filter(learner=user, course__in=[c.pk for c in courses])
        }
    return _catalogue(courses, enrolments, participant_roles(user, profile=profile))


def dashboard_courses(*, user, profile=None):
    """For "Min side": the courses the person has started or must take, and
    enrolments in courses that are no longer published (kept, not hidden).
    Two queries: the published courses, and all of the person's enrolments."""
    enrolments = list(
        Enrolment.objects.filter(learner=user)
        .annotate(
            course_live=F("course__live"),
            # For `next_lessons`, without reading the lesson pages.
            next_lesson_title=F("next_lesson__title"),
            next_lesson_url_path=F("next_lesson__url_path"),
            next_lesson_live=F("next_lesson__live"),
        )
        .order_by("-updated_at")
    )
    catalogue = _catalogue(
        _public_courses(),
        {e.course_id: e for e in enrolments if e.course_id is not None},
        participant_roles(user, profile=profile),
    )
    entries = [entry for entry in catalogue if entry.enrolment or entry.mandatory_for_me]
    retired = [e for e in enrolments if not e.course_live]  # None when the course is gone
    return entries, retired


def next_lessons(*, entries) -> dict[int, PageLink]:
    """Course id → the next lesson (title and address) of each course in
    progress among `entries`, from what `dashboard_courses` read with the
    enrolments: no query."""
    found = {}
    for entry in entries:
        enrolment = entry.enrolment
        if entry.status != "in_progress" or not getattr(enrolment, "next_lesson_live", False):
            continue
        course = entry.course
        url = _address_from(course.url, course.url_path, enrolment.next_lesson_url_path)
        found[course.pk] = PageLink(title=enrolment.next_lesson_title, url=url)
    return found


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
    return list(Certificate.objects.filter(holder=user).order_by("-issued_at"))


def certificate_list(*, query: str = "", course_id=None):
    """Staff: certificates, newest first, filtered by course and by a holder's
    name or a code."""
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
