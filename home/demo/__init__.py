"""Demo content and people for `make run`. Idempotent: running it again
changes nothing that is already there. Each app builds its own part (its
demo/ package); this puts them together in the order they need."""

from django.db import transaction
from django.utils import timezone

from courses.demo import build_courses, complete_lessons_for
from courses.models import CoursePage, Enrolment
from events.demo import build_events
from mentornett.accounts.models import User
from network.demo import build_network
from network.scheme.demo import build_scheme
from network.services import import_municipalities

from ..models import StandardPage
from .pages import build_pages
from .people import DemoPerson, build_people


@transaction.atomic
def load_demo() -> list[DemoPerson]:
    import_municipalities()
    home = build_pages()
    build_courses(home)
    people = build_people()
    _demo_progress()
    event_index = build_events(home)
    build_network(
        home,
        event_index,
        timezone.localdate(),
        municipal_guide=StandardPage.objects.filter(slug="for-kommuner").first(),
    )
    build_scheme(timezone.localdate())
    return people


def _demo_progress():
    """The demo mentor has finished the mentor course (and so holds a course
    certificate); the demo mentee is halfway through the mentee course."""
    mentor = User.objects.get(email="mentor@mentornett.no")
    mentee = User.objects.get(email="mentee@mentornett.no")
    mentor_course = CoursePage.objects.filter(slug="mentorkurs").first()
    mentee_course = CoursePage.objects.filter(slug="menteekurs").first()
    if mentor_course and not Enrolment.objects.filter(learner=mentor).exists():
        complete_lessons_for(mentor, mentor_course)
    if mentee_course and not Enrolment.objects.filter(learner=mentee).exists():
        complete_lessons_for(mentee, mentee_course, count=2)
