"""Query budgets for the network pages: a national network (many teams, every
home task, submissions in every state) costs the same number of queries as a
small one."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import PollAnswer, PollParticipation, Registration, RegistrationStatus
from network.models import (
    HomeTask,
    Indicator,
    Measurement,
    Municipality,
    ProgressScore,
    ResponseKind,
    Submission,
    SubmissionComment,
    SubmissionStatus,
    SubmissionVersion,
    Team,
    TeamInvitation,
    TeamMembership,
    TeamRole,
)
from network.selectors import CellState, dashboard_matrix
from tests.factories import UserFactory

# (status, revision) cycled over the matrix; None: the team has not opened the task.
WORK = [
    None,
    (SubmissionStatus.DRAFT, 0),
    (SubmissionStatus.DRAFT, 2),
    (SubmissionStatus.SUBMITTED, 1),
    (SubmissionStatus.RETURNED, 2),
    (SubmissionStatus.READ, 3),
]


@pytest.fixture
def network(world, make_event):
    """The world with a past gathering (with an evaluation) and its home task,
    and a measured indicator, so that both sizes show every part of each page."""
    past = make_event(days=-30, title="Samling 1", slug="samling-1", network=world.network)
    HomeTask.objects.create(
        network=world.network, gathering=past, title="Forarbeid", kind=ResponseKind.FREE_TEXT
    )
    Registration.objects.create(
        event=past,
        event_title=past.title,
        event_starts_at=past.starts_at,
        person=world.coordinator_a,
        status=RegistrationStatus.CONFIRMED,
    )
    PollParticipation.objects.create(event=past, person=world.coordinator_a)
    PollAnswer.objects.create(event=past, rating=4, time_use="well")
    indicator = Indicator.objects.create(team=world.team_a, name="Nyansatte", unit="personer")
    Measurement.objects.create(
        indicator=indicator, measured_on=date(2026, 1, 1), value=Decimal(2), is_baseline=True
    )
    Measurement.objects.create(indicator=indicator, measured_on=date(2026, 3, 1), value=Decimal(5))
    world.past_gathering = past
    return world


def _work(world, teams, tasks, offset=0):
    existing = set(Submission.objects.values_list("team_id", "task_id"))
    submissions = []
    for i, team in enumerate(teams):
        for j, task in enumerate(tasks):
            work = WORK[(offset + i + j) % len(WORK)]
            if work is None or (team.pk, task.pk) in existing:
                continue
            status, revision = work
            submissions.append(
                Submission(
                    team=team,
                    task=task,
                    status=status,
                    revision=revision,
                    content={"done": "Tekst"},
                    submitted_at=None if status == SubmissionStatus.DRAFT else timezone.now(),
                )
            )
    Submission.objects.bulk_create(submissions)


def _grow(world, *, teams, tasks):
    """More teams with members, advisors, scores, measurements; more home
    tasks; submissions in every state, with versions and comments."""
    numbers = [str(9000 + n) for n in range(teams)]
    Municipality.objects.bulk_create(
        [Municipality(number=n, name=f"Kommune {n}", county="Test") for n in numbers]
    )
    new_teams = Team.objects.bulk_create(
        [
            Team(network=world.network, municipality=m, advisor=world.advisor_a if i % 2 else None)
            for i, m in enumerate(Municipality.objects.filter(number__in=numbers))
        ]
    )
    gatherings = [world.past_gathering, world.gathering, world.later_gathering]
    HomeTask.objects.bulk_create(
        [
            HomeTask(
                network=world.network,
                gathering=gatherings[n % 3],
                title=f"Oppgave {n}",
                kind=ResponseKind.FREE_TEXT,
            )
            for n in range(tasks)
        ]
    )
    all_teams = list(Team.objects.filter(network=world.network))
    all_tasks = list(HomeTask.objects.filter(network=world.network))
    _work(world, all_teams, all_tasks)
    TeamMembership.objects.bulk_create(
        [TeamMembership(team=t, person=UserFactory(), role=TeamRole.MENTOR) for t in all_teams]
    )
    # The coordinator of team A is on several teams, and is invited to more.
    TeamMembership.objects.bulk_create(
        [
            TeamMembership(team=t, person=world.coordinator_a, role=TeamRole.MENTOR)
            for t in new_teams[:4]
        ]
    )
    TeamInvitation.objects.bulk_create(
        [
            TeamInvitation(team=world.team_a, email=f"ny{n}@example.no", role=TeamRole.MENTOR)
            for n in range(4)
        ]
    )
    ProgressScore.objects.bulk_create(
        [
            ProgressScore(team=t, gathering=g, score=1 + (t.pk + g.pk) % 5, feedback="Bra")
            for t in all_teams
            for g in gatherings
            if not ProgressScore.objects.filter(team=t, gathering=g).exists()
        ]
    )
    for team in all_teams[:6]:
        indicator = Indicator.objects.create(team=team, name="Søkere", unit="søkere")
        Measurement.objects.bulk_create(
            [
                Measurement(
                    indicator=indicator,
                    measured_on=date(2026, 1, 1) + timedelta(days=30 * n),
                    value=Decimal(n + 3),
                    is_baseline=n == 0,
                )
                for n in range(5)
            ]
        )
    for submission in Submission.objects.filter(team=world.team_a).exclude(
        status=SubmissionStatus.DRAFT
    ):
        _versions_and_comments(submission, world, count=3)


def _versions_and_comments(submission, world, count):
    start = submission.versions.count()
    SubmissionVersion.objects.bulk_create(
        [
            SubmissionVersion(
                submission=submission,
                number=start + n + 1,
                content={"done": f"Versjon {n}"},
                submitted_by=world.coordinator_a,
                submitted_by_name="Sara Sykepleier",
                submitted_at=timezone.now(),
                deadline=timezone.now(),
            )
            for n in range(count)
        ]
    )
    SubmissionComment.objects.bulk_create(
        [
            SubmissionComment(
                submission=submission,
                author=world.advisor_a,
                author_name="Rune Rådgiver",
                author_team=world.team_a,
                body=f"Kommentar {n}",
            )
            for n in range(count)
        ]
    )


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def _small_and_large(client, user, url, world, *, teams=18, tasks=4):
    client.force_login(user)
    # Warm the caches; the first visit may open the submission or the
    # agreement, which makes the cached menu and footer stale once more.
    client.get(url)
    client.get(url)
    small, _response = _count(client, url)
    _grow(world, teams=teams, tasks=tasks)
    client.get(url)  # writes invalidate the cached menu and footer: warm them again
    large, response = _count(client, url)
    return small, large, response


def _submission_of_team_a(world):
    _work(world, [world.team_a], [world.status_task], offset=3)
    submission = Submission.objects.get(team=world.team_a, task=world.status_task)
    _versions_and_comments(submission, world, count=1)
    return submission


# Page → most queries it may run, the session, menu and permission checks included.
ORGANISER_PAGES = {
    "dashboard": 16,
    "dashboard_csv": 8,
    "advisors": 8,
    "agreements": 8,
    "before_now": 8,
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_organiser_pages_cost_the_same_for_20_teams_as_for_2(client, network, name):
    url = reverse(f"network:{name}", args=[network.network.pk])
    small, large, _response = _small_and_large(client, network.organiser, url, network)
    assert Team.objects.filter(network=network.network).count() == 20
    assert large == small <= ORGANISER_PAGES[name]


@pytest.mark.django_db
def test_the_dashboard_shows_every_cell_of_a_national_matrix(client, network):
    url = reverse("network:dashboard", args=[network.network.pk])
    _small, _large, response = _small_and_large(client, network.organiser, url, network)
    html = response.content.decode()
    tasks = HomeTask.objects.filter(network=network.network).count()
    assert tasks == 8
    assert html.count('class="matrix__cell ') == 20 * tasks
    states = dashboard_matrix(network=network.network).totals
    assert set(states) == set(CellState.ORDER)


@pytest.mark.django_db
def test_the_filtered_dashboard_costs_the_same(client, network):
    url = reverse("network:dashboard", args=[network.network.pk])
    url += f"?advisor={network.advisor_a.pk}"
    small, large, _response = _small_and_large(client, network.organiser, url, network)
    assert large == small <= 16


@pytest.mark.django_db
def test_the_reading_view_costs_the_same(client, network):
    url = reverse("network:reading", args=[network.network.pk, network.status_task.pk])
    _submission_of_team_a(network)
    small, large, _response = _small_and_large(client, network.organiser, url, network)
    assert large == small <= 8


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["coordinator_a", "advisor_a", "organiser"])
def test_the_team_page_costs_the_same(client, network, who):
    url = reverse("network:team", args=[network.team_a.pk])
    small, large, response = _small_and_large(client, getattr(network, who), url, network)
    assert large == small <= 17
    assert response.content.decode().count('class="task-list__item"') == 8


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["coordinator_a", "advisor_a"])
def test_the_task_page_costs_the_same(client, network, who):
    _submission_of_team_a(network)
    url = reverse("network:task", args=[network.team_a.pk, network.status_task.pk])
    small, large, response = _small_and_large(client, getattr(network, who), url, network)
    assert large == small <= 14
    assert response.content.decode().count('class="comment"') == 4


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["coordinator_a", "advisor_a", "organiser"])
def test_my_teams_costs_the_same(client, network, who):
    url = reverse("network:my_teams")
    small, large, _response = _small_and_large(client, getattr(network, who), url, network)
    assert large == small <= 6


@pytest.mark.django_db
@pytest.mark.parametrize(
    "attendance",
    [["", "", ""], ["attended", "no_show", ""], ["no_show", "", ""]],
    ids=["none-recorded", "some-attended", "only-absences"],
)
def test_the_dashboard_counts_evaluations_as_the_poll_page_does(network, attendance):
    from events.selectors import poll_results
    from network.selectors import poll_summaries

    past = network.past_gathering
    for person, mark in zip(
        [network.member_a, network.leader_a, network.coordinator_b], attendance, strict=True
    ):
        Registration.objects.create(
            event=past,
            event_title=past.title,
            event_starts_at=past.starts_at,
            person=person,
            status=RegistrationStatus.CONFIRMED,
            attendance=mark,
        )
    PollAnswer.objects.create(event=past, rating=5, time_use="well")
    PollAnswer.objects.create(event=past, rating=2, time_use="poorly")
    (gathering, summary), (_empty, nothing) = poll_summaries([past, network.gathering])
    results = poll_results(past)
    assert gathering == past
    assert (summary.answered, summary.attendees, summary.average) == (
        results.answered,
        results.attendees,
        results.average,
    )
    assert (nothing.answered, nothing.attendees, nothing.average) == (0, 0, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("snippet", "shown"), [("team", "Kommune 9001"), ("hometask", "Oppgave 3")]
)
def test_the_admin_lists_of_teams_and_home_tasks_cost_the_same(
    client, network, superuser, snippet, shown
):
    url = reverse(f"wagtailsnippets_network_{snippet}:list")
    small, large, response = _small_and_large(client, superuser, url, network)
    assert large == small
    assert shown in response.content.decode()
