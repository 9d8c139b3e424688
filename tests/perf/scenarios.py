"""The pages `make bench` measures, shared with the query-budget tests so both
look at the same requests. Each scenario finds its URL and its user in the
database by what they hold (the busiest learner, the regional network with the
most teams), so it finds the same kind of page at any scale of the national
dataset. The national network (home/demo/national_dataset/dashboard_network.py) is
built after the dataset, for the dashboard at the issue's size."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Case, Count, Exists, OuterRef, Q, When
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate, CoursePage, Enrolment
from events.models import EventPage, Registration, RegistrationStatus
from home.demo.national_dataset.dashboard_network import NATIONAL
from home.models import GuidePage, HomePage
from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    LearningNetworkPage,
    MenteeProfile,
    NetworkStaff,
    NetworkStaffRole,
    TeamMembership,
)

FLOOR_URL = "/bench/floor"

# What the issue asks of each kind of page (None: no target).
TARGETS = {
    "anonymous": {"min_floor_ratio": 0.40},
    "signed_in": {"min_rps": 300, "max_queries": 12},
    "organiser": {"max_p50_ms": 150},
    "certificate": {"min_floor_ratio": 0.25},
    "admin": None,
    "floor": None,
}

# The most SQL queries each page may make when it is rendered (without the
# visitors' page cache): equal for small and large data. Measured on the
# national dataset during issue 9; lower them as pages get cheaper.
QUERY_BUDGETS = {
    "home": 7,
    "guide": 7,
    "course": 4,
    "event": 5,
    "lesson": 6,
    "course_progress": 6,
    "min_side": 13,
    "event_registered": 7,
    "organiser_dashboard": 13,
    "organiser_dashboard_national": 13,
    "certificate": 2,
    "applications": 10,
    "finn_directory": 12,
}


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str
    description: str
    resolve: Callable[[], tuple[str, object]]  # () -> (url, user or None)
    # Served only with settings.MENTORNETT_BENCH (the floor view).
    bench_only: bool = False

    @property
    def target(self):
        return TARGETS[self.kind]


def _participants():
    return get_user_model().objects.filter(is_active=True, is_staff=False, is_superuser=False)


def _in_progress():
    return Enrolment.objects.filter(
        learner=OuterRef("pk"), completed_at__isnull=True, next_lesson__isnull=False
    )


def _has(queryset):
    return Case(When(Exists(queryset), then=1), default=0)


def busiest_participant():
    """The participant with a course in progress whom Min side has the most
    kinds of things to show (team, upcoming registration, application,
    certificate), then the one who has done the most lessons: the same shape
    of person whatever the size of the data."""
    upcoming = Registration.objects.active().filter(
        person=OuterRef("pk"), event__starts_at__gt=timezone.now()
    )
    applied = Application.objects.filter(Q(mentor=OuterRef("pk")) | Q(mentee=OuterRef("pk")))
    person = (
        _participants()
        .filter(Exists(_in_progress()))
        .annotate(
            breadth=_has(TeamMembership.objects.filter(person=OuterRef("pk")))
            + _has(upcoming)
            + _has(applied)
            + _has(Certificate.objects.filter(holder=OuterRef("pk"))),
            done=Count("enrolments__completions"),
        )
        .order_by("-breadth", "-done", "pk")
        .first()
    )
    if person is None:
        raise LookupError("No participant has a course in progress.")
    return person


def _in_progress_enrolment():
    """The busiest participant's in-progress enrolment with the most lessons done."""
    return (
        Enrolment.objects.filter(
            learner=busiest_participant(), completed_at__isnull=True, next_lesson__isnull=False
        )
        .select_related("learner", "course", "next_lesson")
        .order_by("-lessons_done", "pk")
        .first()
    )


def _upcoming_events():
    return EventPage.objects.live().public().filter(starts_at__gt=timezone.now())


def _busiest_upcoming_event():
    """The learning-network gathering ahead with the most registrations (the
    fullest event page: programme, network, team registrations)."""
    active = ~Q(registrations__status=RegistrationStatus.CANCELLED)
    event = (
        _upcoming_events()
        .filter(network__isnull=False)
        .annotate(registered=Count("registrations", filter=active))
        .filter(registered__gt=0)
        .order_by("-registered", "pk")
        .first()
    )
    if event is None:
        raise LookupError("No upcoming network gathering has registrations.")
    return event


def _staff_in(role):
    user = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False, groups__name=role)
        .order_by("pk")
        .first()
    )
    if user is None:
        raise LookupError(f"Nobody is in the group {role}.")
    return user


def home():
    return HomePage.objects.live().order_by("path").first().get_url(), None


def guide():
    return GuidePage.objects.live().public().order_by("path").first().get_url(), None


def course():
    page = (
        CoursePage.objects.live()
        .public()
        .annotate(learners=Count("enrolments"))
        .order_by("-learners", "path")
        .first()
    )
    return page.get_url(), None


def event():
    return _busiest_upcoming_event().get_url(), None


def lesson():
    enrolment = _in_progress_enrolment()
    return enrolment.next_lesson.get_url(), enrolment.learner


def course_progress():
    enrolment = _in_progress_enrolment()
    return enrolment.course.get_url(), enrolment.learner


def min_side():
    return reverse("home:dashboard"), busiest_participant()


def event_registered():
    """The busiest gathering ahead, seen by a registrant whose coordinator
    registered them (the page then also names who did)."""
    event = _busiest_upcoming_event()
    registration = (
        Registration.objects.active()
        .filter(event=event, person__in=_participants())
        .annotate(on_behalf=Case(When(registered_by__isnull=False, then=1), default=0))
        .select_related("person")
        .order_by("-on_behalf", "pk")
        .first()
    )
    return event.get_url(), registration.person


def _dashboard_of(network):
    staff = (
        NetworkStaff.objects.filter(
            network=network, role=NetworkStaffRole.ORGANISER, person__is_active=True
        )
        .select_related("person")
        .order_by("pk")
        .first()
    )
    if staff is None:
        raise LookupError(f"Network {network.pk} has no organiser.")
    return reverse("network:dashboard", args=[network.pk]), staff.person


def organiser_dashboard():
    """The regional network with the most teams."""
    network = (
        LearningNetworkPage.objects.exclude(slug=NATIONAL.page_slug)
        .annotate(team_count=Count("teams"))
        .order_by("-team_count", "pk")
        .first()
    )
    return _dashboard_of(network)


def organiser_dashboard_national():
    """The network with a team per municipality, added after the dataset
    (manage.py build_dashboard_network): the size the issue's target names."""
    network = LearningNetworkPage.objects.filter(slug=NATIONAL.page_slug).first()
    if network is None:
        raise LookupError("The national learning network is not built.")
    return _dashboard_of(network)


def certificate():
    found = Certificate.objects.valid_on(timezone.localdate()).order_by("pk").first()
    if found is None:
        raise LookupError("No valid certificate.")
    return reverse("certificates:verify", args=[found.code]), None


def applications():
    url = reverse(Application.snippet_viewset.get_url_name("list"))
    return url, _staff_in(StaffRole.SCHEME_ADMINISTRATOR)


def finn_directory():
    """Finn mentor's directory as a student with a published search sees it:
    every listed mentor within 400 km of Tynset, nearest first."""
    profile = (
        MenteeProfile.objects.filter(listed=True, user__is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if profile is None:
        raise LookupError("Nobody has a published search.")
    return f"{reverse('finn:directory')}?municipality=3427&distance=400", profile.user


def floor():
    return FLOOR_URL, None


SCENARIOS = [
    Scenario("floor", "floor", "minimal Django view", floor, bench_only=True),
    Scenario("home", "anonymous", "home page", home),
    Scenario("guide", "anonymous", "a guide page", guide),
    Scenario("course", "anonymous", "course overview", course),
    Scenario("event", "anonymous", "event page", event),
    Scenario("lesson", "signed_in", "lesson of a course in progress", lesson),
    Scenario("course_progress", "signed_in", "course overview with progress", course_progress),
    Scenario("min_side", "signed_in", "Min side", min_side),
    Scenario("event_registered", "signed_in", "event page, registered", event_registered),
    Scenario(
        "organiser_dashboard",
        "organiser",
        "organiser dashboard, largest regional network",
        organiser_dashboard,
    ),
    Scenario(
        "organiser_dashboard_national",
        "organiser",
        "organiser dashboard, a team per municipality × 8 home tasks",
        organiser_dashboard_national,
    ),
    Scenario("certificate", "certificate", "certificate verification", certificate),
    Scenario("applications", "admin", "scheme applications (admin)", applications),
    Scenario("finn_directory", "signed_in", "Finn mentor: mentors within 400 km", finn_directory),
]
BY_NAME = {scenario.name: scenario for scenario in SCENARIOS}


def client_for(user, **defaults) -> Client:
    client = Client(**defaults)
    if user is not None:
        client.force_login(user)
    return client


def _without_page_cache(middleware):
    return [name for name in middleware if not name.endswith("AnonymousPageCacheMiddleware")]


def count_queries(url, user=None, *, page_cache=True, **defaults) -> tuple[int, int]:
    """(status, queries) of the second request, the first having warmed the
    caches as in a running server. Without the page cache, what rendering the
    page costs: what a visitor meets when the cached copy has gone."""
    middleware = settings.MIDDLEWARE if page_cache else _without_page_cache(settings.MIDDLEWARE)
    with override_settings(MIDDLEWARE=middleware):
        client = client_for(user, **defaults)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    return response.status_code, len(queries)
