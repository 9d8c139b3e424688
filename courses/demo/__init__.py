"""Builds the demo courses from courses/demo/content.py into the page tree,
and takes demo people through them. Idempotent: a course that exists (by slug)
is left as it is."""

from mentornett.demo import publish

from ..models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from ..selectors import course_outline
from ..services import answer_quiz, complete_lesson, save_reflection
from .content import COURSES


def _lines(values):
    return "\n".join(values or [])


def _outcomes(spec):
    return {
        "outcomes_knowledge": _lines(spec.get("outcomes_knowledge")),
        "outcomes_skills": _lines(spec.get("outcomes_skills")),
        "outcomes_competence": _lines(spec.get("outcomes_competence")),
    }


def build_courses(home) -> CourseIndexPage:
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = publish(
            home,
            CourseIndexPage(
                title="Kurs",
                slug="kurs",
                show_in_menus=True,
                intro="<p>Obligatoriske kurs for mentorer og mentees, og korte mikrokurs du "
                "kan ta når det passer. Kursene gir kursbevis du legger ved søknaden til "
                "mentorordningen.</p>",
            ),
        )
    for spec in COURSES:
        if CoursePage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            continue
        course = publish(
            index,
            CoursePage(
                title=spec["title"],
                slug=spec["slug"],
                audience=spec["audience"],
                mandatory_for=spec["mandatory_for"],
                estimated_hours=spec["estimated_hours"],
                certificate_validity_months=spec.get("validity_months"),
                sequential=spec.get("sequential", False),
                open_access=spec.get("open_access", False),
                intro=spec["intro"],
                **_outcomes(spec),
            ),
        )
        for module_spec in spec["modules"]:
            module = publish(
                course,
                ModulePage(
                    title=module_spec["title"],
                    slug=module_spec["slug"],
                    intro=module_spec.get("intro", ""),
                    **_outcomes(module_spec),
                ),
            )
            for lesson_spec in module_spec["lessons"]:
                publish(
                    module,
                    LessonPage(
                        title=lesson_spec["title"],
                        slug=lesson_spec["slug"],
                        intro=lesson_spec.get("intro", "")[:300],
                        estimated_minutes=lesson_spec.get("minutes", 15),
                        body=[(kind, value) for kind, value in lesson_spec["body"]],
                    ),
                )
    return index


def answer_required_blocks(learner, lesson) -> None:
    """Answer a lesson's required blocks as a diligent learner would: every quiz
    correctly, every required reflection in a few words."""
    for block_id, block in lesson.required_blocks():
        if block.block_type == "quiz":
            right = [i for i, option in enumerate(block.value["options"]) if option["correct"]]
            answer_quiz(learner=learner, lesson=lesson, block_id=block_id, chosen=right)
        else:
            save_reflection(
                learner=learner,
                lesson=lesson,
                block_id=block_id,
                text="Jeg vil være tydelig på forventninger fra første dag.",
            )


def complete_lessons_for(learner, course: CoursePage, *, count: int | None = None) -> None:
    """Take a learner through the first `count` lessons of a course, or all of
    them (for demo people and browser tests)."""
    for lesson in course_outline(course).lessons[:count]:
        lesson = LessonPage.objects.get(pk=lesson.pk)
        answer_required_blocks(learner, lesson)
        complete_lesson(learner=learner, lesson=lesson)
