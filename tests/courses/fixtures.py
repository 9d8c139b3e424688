import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage

QUIZ = (
    "quiz",
    {
        "question": "Hvem styrer mentorsamtalen?",
        "multiple": False,
        "options": [
            {"text": "Mentees behov", "correct": True, "feedback": "Riktig: mentee leder."},
            {"text": "Mentoren alene", "correct": False, "feedback": "Nei, det er likeverdig."},
        ],
    },
)
REFLECTION = (
    "reflection",
    {"question": "Hva forventer du?", "help_text": "", "required": True},
)
EXERCISE = (
    "exercise",
    {
        "title": "Tre roller",
        "instructions": "<p>Bytt roller.</p>",
        "roles": "Veileder, veisøker, observatør",
        "minutes": 20,
    },
)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def course_index(db):
    home = HomePage.objects.get()
    return publish(home, CourseIndexPage(title="Kurs", slug="kurs"))


@pytest.fixture
def make_course(course_index):
    """make_course(lessons=5, modules=1, sequential=False, body=[...]) → (course, [lessons])."""

    def make(*, lessons=3, modules=1, sequential=False, body=None, slug="mentorkurs", **fields):
        course = publish(
            course_index,
            CoursePage(
                title=fields.pop("title", "Mentorkurs"),
                slug=slug,
                sequential=sequential,
                outcomes_knowledge="Roller og ansvar\nForventningsavklaring",
                **fields,
            ),
        )
        created = []
        module_pages = [
            publish(course, ModulePage(title=f"Modul {m + 1}", slug=f"modul-{m + 1}"))
            for m in range(modules)
        ]
        for n in range(lessons):
            module = module_pages[n * modules // lessons]
            created.append(
                publish(
                    module,
                    LessonPage(
                        title=f"Leksjon {n + 1}",
                        slug=f"leksjon-{n + 1}",
                        estimated_minutes=10,
                        body=body if body is not None else [("markdown", "Tekst")],
                    ),
                )
            )
        created.sort(key=lambda lesson: lesson.path)
        return course, created

    return make
