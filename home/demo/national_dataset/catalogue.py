"""The course catalogue: the mandatory mentor and mentee courses and optional
micro-courses, each with modules and lessons. Lesson bodies are put together
from the demo courses' own text and quiz questions."""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from courses.demo.content import COURSES as DEMO_COURSES
from courses.models import (
    Audience,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    MandatoryFor,
    ModulePage,
)
from mentornett.demo import publish

from .base import place, stable_stream

MANDATORY = {"mentorkurs": MandatoryFor.MENTOR, "menteekurs": MandatoryFor.MENTEE}

# (title, slug, audience, certificate validity in months)
OPTIONAL_COURSES = [
    ("Arbeid i smittesluse", "arbeid-i-smittesluse", Audience.EVERYONE, 12),
    ("ABC for ansettelser", "abc-for-ansettelser", Audience.EVERYONE, None),
    ("Kalving og fødselshjelp", "kalving-og-fodselshjelp", Audience.MENTEE, None),
    ("Klauvhelse hos storfe", "klauvhelse-hos-storfe", Audience.MENTEE, None),
    ("Journalføring i praksis", "journalforing-i-praksis", Audience.EVERYONE, None),
    ("Dyrevelferd i produksjonsdyrhold", "dyrevelferd", Audience.EVERYONE, 24),
    ("Antibiotikabruk og resistens", "antibiotikabruk", Audience.EVERYONE, 12),
    ("Kommunikasjon med dyreeiere", "kommunikasjon-med-dyreeiere", Audience.MENTEE, None),
    ("Vaktarbeid og alenearbeid", "vaktarbeid-og-alenearbeid", Audience.MENTEE, None),
    ("Fiskehelse for nyutdannede", "fiskehelse", Audience.MENTEE, None),
    ("Småfe: sau og geit", "smafe", Audience.EVERYONE, None),
    ("Legemiddelhåndtering i kommunehelsetjenesten", "legemiddelhandtering", Audience.EVERYONE, 12),
    ("Velkommen som nyansatt sykepleier", "nyansatt-sykepleier", Audience.MENTEE, None),
    ("Veiledning av studenter i praksis", "veiledning-av-studenter", Audience.MENTOR, None),
    ("Forbedringsarbeid i kommunen", "forbedringsarbeid", Audience.EVERYONE, None),
    ("Etikk i mentorrollen", "etikk-i-mentorrollen", Audience.MENTOR, None),
    (
        "Mestring og egenomsorg i en krevende jobb",
        "mestring-og-egenomsorg",
        Audience.EVERYONE,
        None,
    ),
    ("Samtaler som gjør en forskjell", "samtaler", Audience.MENTOR, None),
]

MODULE_THEMES = [
    "Grunnlaget",
    "I praksis",
    "Vanlige situasjoner",
    "Når noe går galt",
    "Samarbeid og kommunikasjon",
    "Veien videre",
]
LESSON_THEMES = [
    "Hva sier regelverket?",
    "Et eksempel fra praksis",
    "Sjekkliste for de første ukene",
    "Vanlige feil, og hvordan du unngår dem",
    "Din egen praksis",
    "Oppsummering",
]


@dataclass(frozen=True)
class Quiz:
    block_id: str
    prompt: str
    correct: tuple


@dataclass
class Lesson:
    pk: int
    title: str
    minutes: int
    quizzes: list = field(default_factory=list)


@dataclass
class Course:
    page: CoursePage
    lessons: list  # in learning-path order
    validity_months: int | None

    @property
    def pk(self):
        return self.page.pk


def _demo_lessons():
    return [lesson for course in DEMO_COURSES for m in course["modules"] for lesson in m["lessons"]]


def _demo_blocks(kind):
    return [value for lesson in _demo_lessons() for k, value in lesson["body"] if k == kind]


def course_index(home) -> CourseIndexPage:
    # Keep in step with courses.demo.build_courses, which makes the same index.
    return CourseIndexPage.objects.child_of(home).first() or publish(
        home,
        CourseIndexPage(
            title="Kurs",
            slug="kurs",
            show_in_menus=True,
            intro="<p>Obligatoriske kurs for mentorer og mentees, og korte mikrokurs du kan ta "
            "når det passer. Kursene gir kursbevis du legger ved søknaden til "
            "mentorordningen.</p>",
        ),
    )


def _specs():
    """Twenty courses: the two mandatory ones from the demo, then the optional ones."""
    demo = {spec["slug"]: spec for spec in DEMO_COURSES}
    specs = []
    for slug, mandatory in MANDATORY.items():
        spec = demo[slug]
        specs.append(
            {
                "title": spec["title"],
                "slug": slug,
                "audience": spec["audience"],
                "mandatory_for": mandatory,
                "validity": spec.get("validity_months"),
                "sequential": True,
                "intro": spec["intro"],
                "outcomes": {
                    f"outcomes_{group}": "\n".join(spec.get(f"outcomes_{group}", []))
                    for group in ("knowledge", "skills", "competence")
                },
            }
        )
    for title, slug, audience, validity in OPTIONAL_COURSES:
        specs.append(
            {
                "title": title,
                "slug": slug,
                "audience": audience,
                "mandatory_for": MandatoryFor.NONE,
                "validity": validity,
                "sequential": False,
                "intro": f"<p>Et kort mikrokurs: {title.lower()}. Ta det i ditt eget tempo.</p>",
                "outcomes": {
                    "outcomes_knowledge": f"Kjenner det viktigste om {title.lower()}.",
                    "outcomes_skills": "Kan bruke kunnskapen fra kurset i egen praksis.",
                    "outcomes_competence": "Vet hvor en finner mer hjelp.",
                },
            }
        )
    return specs


def _lesson_body(rng, number, paragraphs, markdowns, callouts, quizzes):
    body = [
        ("paragraph", paragraphs[number % len(paragraphs)]),
        ("markdown", markdowns[(number * 7) % len(markdowns)]),
    ]
    if rng.random() < 0.4:
        body.append(("callout", callouts[number % len(callouts)]))
    # Every third lesson ends with a question: completing it needs a right answer.
    if number % 3 == 2:
        body.append(("quiz", quizzes[number % len(quizzes)]))
    return body


def build_courses(ctx, home) -> list[Course]:
    rng = ctx.rng("courses")
    plan = ctx.plan
    index = course_index(home)
    paragraphs = _demo_blocks("paragraph")
    markdowns = _demo_blocks("markdown")
    callouts = _demo_blocks("callout")
    quizzes = _demo_blocks("quiz")
    built = []
    per_module = _split(plan.lessons_per_course, plan.modules_per_course)
    # Before anyone's enrolment: people have taken the courses for years.
    published = ctx.now - timedelta(days=1000)
    for spec in _specs()[: plan.courses]:
        minutes = [rng.choice((10, 15, 15, 20, 25)) for _ in range(plan.lessons_per_course)]
        course = publish(
            index,
            CoursePage(
                title=spec["title"],
                slug=spec["slug"],
                audience=spec["audience"],
                mandatory_for=spec["mandatory_for"],
                estimated_hours=Decimal(max(1, round(sum(minutes) / 30)) / 2),
                first_published_at=published,
                certificate_validity_months=spec["validity"],
                sequential=spec["sequential"],
                intro=spec["intro"],
                **spec["outcomes"],
            ),
        )
        lessons = []
        number = 0
        for module_number, count in enumerate(per_module, start=1):
            module = place(
                course,
                ModulePage(
                    title=f"Modul {module_number}: "
                    f"{MODULE_THEMES[(module_number - 1) % len(MODULE_THEMES)]}",
                    slug=f"modul-{module_number}",
                    intro="<p>Leksjonene i denne modulen bygger på hverandre.</p>",
                ),
                at=published,
            )
            for lesson_number in range(1, count + 1):
                title = LESSON_THEMES[(lesson_number - 1) % len(LESSON_THEMES)]
                key = f"{spec['slug']}:{module_number}:{lesson_number}"
                body = stable_stream(
                    LessonPage,
                    "body",
                    _lesson_body(rng, number, paragraphs, markdowns, callouts, quizzes),
                    key,
                )
                lesson = place(
                    module,
                    LessonPage(
                        title=title,
                        slug=f"leksjon-{lesson_number}",
                        intro=f"{title} – {spec['title'].lower()}."[:300],
                        estimated_minutes=minutes[number],
                        body=body,
                    ),
                    at=published,
                )
                lessons.append(Lesson(lesson.pk, title, minutes[number], _quizzes(body)))
                number += 1
        course.refresh_from_db(fields=["live_revision"])
        built.append(Course(course, lessons, spec["validity"]))
    return built


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _quizzes(raw_body) -> list[Quiz]:
    found = []
    for block in raw_body:
        if block["type"] == "quiz":
            options = [item["value"] for item in block["value"]["options"]]
            correct = tuple(i for i, option in enumerate(options) if option["correct"])
            found.append(Quiz(block["id"], block["value"]["question"], correct))
    return found
