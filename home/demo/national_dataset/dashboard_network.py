"""One more learning network, for the organiser dashboard at the size the
issue names: "Nasjonalt læringsnettverk" with a team per municipality (357
at full scale, scaled as the dataset's teams are), eight home tasks, seven
gatherings, and the teams' work in every state. It is added to a built
national dataset and stays out of the dataset's own counts (five networks,
357 teams in all), made by the regional networks' builders.

Its members are people of the dataset who already have a regional team, so
it adds no one; the busiest people are left out, and nobody's home
municipality moves. The same seed, scale and reference day give the same
network; bulk inserts, so nothing is sent or queued."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import translation

from events.demo import build_event_index
from home.models import HomePage
from mentornett.accounts.models import User
from mentornett.accounts.roles import StaffRole
from network.models import LearningNetworkPage

from .base import DOMAIN, Context, DatasetRefused, email
from .event_pages import record_schedules
from .networks import REGIONS, Region, build_networks
from .people import ADVISOR, ORGANISER, PROFESSIONS, People, Person
from .plan import plan_for
from .teamwork import build_submissions, build_teams

NATIONAL = Region(
    "Norge",
    "nasjonalt",
    tuple(county for region in REGIONS for county in region.counties),
    # Halfway: three gatherings behind it, a task due within weeks, one far ahead.
    250,
    title="Nasjonalt læringsnettverk",
)
# Vets come back as one kind: only the municipal kinds matter to the teams.
KINDS = {profession: kind for kind, profession in PROFESSIONS.items()}


def refusal() -> str | None:
    """Why the network cannot be added here, or None."""
    if not User.objects.filter(email=email(ORGANISER)).exists():
        return "The national dataset is not here: run build_national_dataset first."
    if LearningNetworkPage.objects.filter(slug=NATIONAL.page_slug).exists():
        return "The national learning network is already there."
    return None


def build_dashboard_network(*, seed: int = 1, scale: float = 1.0, today: date, log=print) -> dict:
    """Add the network and return the number of rows made, by kind. `seed`,
    `scale` and `today` are the dataset's."""
    reason = refusal()
    if reason:
        raise DatasetRefused(reason)
    # No one signs up here, so no password is hashed.
    ctx = Context(seed=seed, plan=plan_for(scale), today=today, password_hash="", log=log)  # nosec B106
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        return _build(ctx)


def _build(ctx: Context) -> dict:
    made = {}
    counts = [ctx.plan.teams]
    with ctx.step("national learning network") as step:
        home = HomePage.objects.get()
        [network] = build_networks(ctx, home, build_event_index(home), counts, regions=[NATIONAL])
        record_schedules(ctx, network.gatherings)
        step["gatherings"] = len(network.gatherings)
        step["home tasks"] = len(network.tasks)
    made.update(step)
    with ctx.step("its teams") as step:
        people = _people(ctx)
        teams = build_teams(ctx, [network], people, counts, move_members=False)
        step["teams"] = len(teams)
        step["members"] = sum(len(info.members) for info in teams)
    made.update(step)
    with ctx.step("its home-task work") as step:
        step.update(build_submissions(ctx, teams, people))
    made.update(step)
    return made


def _people(ctx: Context) -> People:
    """The dataset's people as build_teams takes them, read back in number
    order. The busiest (the first `heavy_people`) stay out: other scenarios
    pick them for the most they have to show."""
    staff = {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__in=[email(ORGANISER), email(ADVISOR)])
    }
    advisors = User.objects.filter(
        groups__name=StaffRole.NETWORK_ADVISOR.value, email__iendswith=f"@{DOMAIN}"
    ).exclude(pk=staff[ADVISOR].pk)
    participants = (
        User.objects.filter(email__startswith="person", email__iendswith=f"@{DOMAIN}")
        .select_related("profile__home_municipality")
        .order_by("email")
    )
    return People(
        staff=staff,
        advisors=[staff[ADVISOR], *advisors.order_by("email")],
        participants=[
            Person(user, KINDS[user.profile.profession], user.profile.home_municipality)
            for user in participants[ctx.plan.heavy_people :]
        ],
    )
