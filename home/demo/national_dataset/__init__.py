"""A national-scale dataset for benchmarks: 357 municipalities, five regional
learning networks with a team per municipality, twenty courses, thousands of
participants with their progress, certificates, registrations and scheme
applications, and Finn mentor's listings. The same seed and reference day
always give the same data.

Pages are made through Wagtail (add_child and publish), everything else with
bulk inserts, which send no signals: no e-mail is sent and no task queued.
The page tree's top is the demo's (home.demo.pages.build_pages)."""

import os
from datetime import date

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import translation

from wagtail.models import Page

from courses.models import Certificate, CoursePage, Enrolment, LessonCompletion, LessonPage
from events.demo import build_event_index
from events.models import EventPage, Registration
from home.demo.pages import build_pages
from mentornett.accounts.models import User
from network.models import (
    Application,
    LearningNetworkPage,
    MenteeProfile,
    MentorProfile,
    Municipality,
    MunicipalityProfile,
    Submission,
    Team,
)
from network.services import import_municipalities

from .applications import build_applications
from .base import DOMAIN, Context, DatasetRefused
from .catalogue import build_courses
from .event_pages import build_events, record_schedules
from .finn import build_finn
from .learning import build_learning
from .networks import build_networks
from .people import build_people
from .plan import Plan, plan_for
from .registrations import build_registrations
from .teamwork import build_submissions, build_teams, team_counts

__all__ = ["DatasetRefused", "Plan", "build_national_dataset", "plan_for", "refusal"]

BENCH_ENV = "MENTORNETT_BENCH"


def refusal() -> str | None:
    """Why the dataset must not be built here, or None."""
    if not settings.DEBUG and not os.environ.get(BENCH_ENV):
        return (
            "Refusing to build the benchmark dataset (public password) while DEBUG is off. "
            f"Set {BENCH_ENV}=1 for a benchmark database."
        )
    if Page.objects.filter(depth__gt=2).exists():
        return "The database already has pages below the home page: use a freshly migrated one."
    if User.objects.filter(email__iendswith=f"@{DOMAIN}").exists():
        return "The database already has benchmark people: use a freshly migrated one."
    return None


def build_national_dataset(
    *, seed: int = 1, scale: float = 1.0, password: str, today: date, log=print
) -> dict:
    """Build the dataset and return the number of rows made, by kind."""
    reason = refusal()
    if reason:
        raise DatasetRefused(reason)
    ctx = Context(
        seed=seed,
        plan=plan_for(scale),
        today=today,
        password_hash=make_password(password),
        log=log,
    )
    # Texts the services write into histories are in the site's language.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(ctx)


def _build(ctx: Context) -> dict:
    plan = ctx.plan
    totals = {}
    with ctx.step("municipalities") as made:
        made["created"] = import_municipalities().created
    with ctx.step("top of the page tree") as made:
        home = build_pages()
        event_index = build_event_index(home)
        made["pages"] = Page.objects.count()
    with ctx.step("courses") as made:
        courses = build_courses(ctx, home)
        made["courses"] = len(courses)
        made["lessons"] = sum(len(course.lessons) for course in courses)
    counts = team_counts(plan.teams, plan.networks)
    with ctx.step("learning networks") as made:
        networks = build_networks(ctx, home, event_index, counts)
        made["networks"] = len(networks)
        made["gatherings"] = sum(len(n.gatherings) for n in networks)
        made["home tasks"] = sum(len(n.tasks) for n in networks)
    with ctx.step("events") as made:
        others = build_events(ctx, event_index, plan.events - plan.gatherings)
        gatherings = [g for network in networks for g in network.gatherings]
        record_schedules(ctx, others + gatherings)
        made["events"] = len(others)
        made["pages in all"] = Page.objects.count()
    with ctx.step("people") as made:
        people = build_people(ctx)
        made["participants"] = len(people.participants)
        made["staff"] = len(people.staff)
    with ctx.step("teams") as made:
        teams = build_teams(ctx, networks, people, counts)
        made["teams"] = len(teams)
        made["members"] = sum(len(info.members) for info in teams)
    with ctx.step("home-task work") as made:
        made.update(build_submissions(ctx, teams, people))
    with ctx.step("courses taken") as made:
        made.update(build_learning(ctx, courses, people))
    with ctx.step("registrations") as made:
        made.update(build_registrations(ctx, others + gatherings, people, teams))
    with ctx.step("scheme applications") as made:
        made.update(build_applications(ctx, people))
    with ctx.step("Finn mentor") as made:
        made.update(build_finn(ctx, courses, people))
    totals.update(summary())
    return totals


def summary() -> dict:
    """Row counts of what the dataset is about, for the command's last lines."""
    return {
        "pages": Page.objects.count(),
        "municipalities": Municipality.objects.count(),
        "learning networks": LearningNetworkPage.objects.count(),
        "teams": Team.objects.count(),
        "home-task submissions": Submission.objects.count(),
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "people": User.objects.filter(email__iendswith=f"@{DOMAIN}").count(),
        "enrolments": Enrolment.objects.count(),
        "lesson completions": LessonCompletion.objects.count(),
        "certificates": Certificate.objects.count(),
        "events": EventPage.objects.count(),
        "registrations": Registration.objects.count(),
        "scheme applications": Application.objects.count(),
        "listed mentors": MentorProfile.objects.filter(listed=True).count(),
        "published searches": MenteeProfile.objects.filter(listed=True).count(),
        "municipality profiles": MunicipalityProfile.objects.filter(listed=True).count(),
    }
