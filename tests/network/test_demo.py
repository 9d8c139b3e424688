import pytest

from django.urls import reverse
from django.utils import timezone

from events.models import EventAudience, EventKind, EventPage, Registration
from home.demo import load_demo
from home.demo.people import DEMO_PEOPLE
from mentornett.accounts.models import User
from network.demo import DEMO_TEAM_PEOPLE, innlandet
from network.demo.gatherings import GATHERINGS
from network.demo.pages import NETWORK_SLUG
from network.demo.teams import TEAMS, municipality_numbers
from network.models import (
    CommentVisibility,
    HomeTask,
    Indicator,
    LearningNetworkPage,
    Measurement,
    NetworkStaff,
    NetworkStaffRole,
    ProgressScore,
    ResponseKind,
    Submission,
    SubmissionComment,
    SubmissionStatus,
    SubmissionVersion,
    Team,
    TeamMembership,
    TeamMilestone,
    TeamRole,
)
from network.scheme.demo import PILOT_PEOPLE
from network.scheme.demo.finn import FINN_PEOPLE
from network.selectors import CellState, dashboard_matrix

SEED_MUNICIPALITIES = {
    "Flesberg",
    "Halden",
    "Indre Østfold",
    "Kongsvinger",
    "Lillestrøm",
    "Midt-Telemark",
    "Modum",
    "Moss",
    "Nore og Uvdal",
    "Røros",
    "Sarpsborg",
    "Tønsberg",
}


@pytest.fixture
def network(demo_world, db):
    """The demo world, built once for this module (tests/conftest.py)."""
    return LearningNetworkPage.objects.get(slug=NETWORK_SLUG)


def _norwegian_name(name):
    """Røros is listed as "Røros - Rosse"."""
    return name.split(" - ")[0]


def test_the_twelve_municipalities_of_the_seed_have_a_team_each(network):
    teams = list(Team.objects.filter(network=network).select_related("municipality"))
    assert {_norwegian_name(team.municipality.name) for team in teams} == SEED_MUNICIPALITIES
    assert {spec.municipality for spec in TEAMS} == SEED_MUNICIPALITIES
    assert not any(team.municipality.name == "Fredrikstad" for team in teams)
    for team in teams:
        coordinators = team.memberships.filter(role=TeamRole.COORDINATOR)
        assert coordinators.count() == 1
        assert coordinators.get().person.emailaddress_set.get().verified
    sarpsborg = Team.objects.get(network=network, municipality__name="Sarpsborg")
    assert sarpsborg.memberships.get(role=TeamRole.COORDINATOR).person.email == (
        "sykepleier@mentornett.no"
    )
    assert User.objects.count() == len(DEMO_PEOPLE) + DEMO_TEAM_PEOPLE + PILOT_PEOPLE + FINN_PEOPLE


def test_staff_and_advisors(network):
    organiser = User.objects.get(email="arrangor@mentornett.no")
    advisor = User.objects.get(email="radgiver@mentornett.no")
    assert NetworkStaff.objects.filter(
        network=network, person=organiser, role=NetworkStaffRole.ORGANISER
    ).exists()
    assert NetworkStaff.objects.filter(
        network=network, person=advisor, role=NetworkStaffRole.ADVISOR
    ).exists()
    advised = Team.objects.filter(network=network, advisor=advisor)
    assert advised.count() == 6
    assert advised.filter(municipality__name="Sarpsborg").exists()
    assert "<h3>Kommunen forplikter seg til å</h3>" in network.agreement_text
    assert "<li>delta på samlingene</li>" in network.agreement_text
    assert [block.block_type for block in network.members_body] == ["markdown"]
    assert "Åpen skjerm" in network.members_body[0].value


def test_resources_link_the_guide_for_municipalities_and_the_mentor_course(network):
    linked = [block.value["page"].slug for block in network.resources]
    assert linked == ["for-kommuner", "mentorkurs"]


def test_seven_gatherings_each_with_a_theme(network):
    gatherings = list(EventPage.objects.filter(network=network).order_by("starts_at"))
    assert [g.slug for g in gatherings] == [spec.slug for spec in GATHERINGS]
    assert all(g.theme and g.audience == EventAudience.NETWORK for g in gatherings)
    assert len({g.theme for g in gatherings}) == 7
    assert gatherings[0].starts_at < timezone.now() < gatherings[1].starts_at
    assert (gatherings[-1].starts_at - gatherings[0].starts_at).days > 600
    physical = [g for g in gatherings if g.kind == EventKind.GATHERING]
    digital = [g for g in gatherings if g.kind == EventKind.DIGITAL_MEETING]
    assert (len(physical), len(digital)) == (3, 4)
    assert all(g.is_multi_day and g.venue and g.address for g in physical)
    assert all(g.meeting_url for g in digital)


def test_sarpsborg_team_attended_the_first_gathering(network):
    first = EventPage.objects.filter(network=network).order_by("starts_at").first()
    sarpsborg = Team.objects.get(network=network, municipality__name="Sarpsborg")
    members = TeamMembership.objects.filter(team=sarpsborg).values_list("person", flat=True)
    attended = Registration.objects.filter(event=first, person__in=members)
    assert attended.count() == len(members) == 5


def test_home_tasks_and_submissions_in_many_states(network):
    tasks = HomeTask.objects.filter(network=network)
    assert tasks.count() >= 8
    assert {task.kind for task in tasks} == set(ResponseKind.values)
    assert all(task.instructions for task in tasks)

    totals = dashboard_matrix(network=network).totals
    assert sum(1 for state in CellState.ORDER if totals.get(state)) >= 4
    for state in (CellState.READ, CellState.RETURNED, CellState.SUBMITTED, CellState.DRAFT):
        assert totals.get(state), state

    first_task = HomeTask.objects.get(network=network, title="Kommunens styrker og utfordringer")
    sent = Submission.objects.filter(task=first_task, submitted_at__isnull=False)
    assert sent.count() >= 8
    assert SubmissionVersion.objects.filter(submission__task=first_task, is_late=True).count() >= 2
    returned = Submission.objects.get(task=first_task, status=SubmissionStatus.RETURNED)
    assert returned.comments.filter(visibility=CommentVisibility.TEAM).exists()

    draft = Submission.objects.get(
        task__network=network,
        task__kind=ResponseKind.STATUS_REPORT,
        team__municipality__name="Sarpsborg",
        status=SubmissionStatus.DRAFT,
    )
    assert 1 < len([text for text in draft.content.values() if text]) < 5

    shared = Submission.objects.get(task__network=network, shared_at__isnull=False)
    comment = shared.comments.get(visibility=CommentVisibility.NETWORK)
    assert comment.author_team is not None and comment.author_team != shared.team

    assert ProgressScore.objects.filter(
        team=shared.team, gathering__slug=GATHERINGS[0].slug
    ).exists()


def test_sarpsborg_measures_its_mentor_programme(network):
    sarpsborg = Team.objects.get(network=network, municipality__name="Sarpsborg")
    quit_rate = Indicator.objects.get(team=sarpsborg, denominator_label="nyansatte")
    values = list(quit_rate.measurements.all())
    assert len(values) >= 12
    assert values[0].is_baseline
    assert values[-1].percentage < values[0].percentage
    applicants = Indicator.objects.get(team=sarpsborg, name="Søkere per utlyst stilling")
    assert not applicants.is_proportion
    assert applicants.measurements.count() >= 12
    assert sarpsborg.milestones.filter(text="Mentorprogram startet").exists()


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            EventPage,
            HomeTask,
            Indicator,
            Measurement,
            NetworkStaff,
            ProgressScore,
            Registration,
            Submission,
            SubmissionComment,
            SubmissionVersion,
            Team,
            TeamMembership,
            TeamMilestone,
            User,
        )
    }


def test_a_second_network_in_innlandet_with_its_own_organiser_and_advisor(network):
    second = LearningNetworkPage.objects.get(slug=innlandet.SLUG)
    assert second.title.startswith("Læringsnettverk Innlandet ")
    assert second.live and second.starts_on > network.starts_on
    teams = Team.objects.filter(network=second).select_related("municipality", "advisor")
    assert {team.municipality.name for team in teams} == {"Elverum", "Gjøvik", "Hamar"}
    assert {team.municipality.county for team in teams} == {"Innlandet"}
    assert {team.advisor.email for team in teams} == {innlandet.ADVISOR_EMAIL}
    for team in teams:
        assert team.memberships.get(role=TeamRole.COORDINATOR).person.email.endswith("@example.no")
    staff = NetworkStaff.objects.filter(network=second)
    assert {(s.person.email, s.role) for s in staff} == {
        (innlandet.ORGANISER_EMAIL, NetworkStaffRole.ORGANISER),
        (innlandet.ADVISOR_EMAIL, NetworkStaffRole.ADVISOR),
    }
    assert not NetworkStaff.objects.filter(
        network=network, person__email__in=[innlandet.ORGANISER_EMAIL, innlandet.ADVISOR_EMAIL]
    ).exists()
    gathering = EventPage.objects.get(network=second)
    assert gathering.kind == EventKind.GATHERING and gathering.starts_at > timezone.now()
    task = HomeTask.objects.get(network=second)
    assert task.gathering_id == gathering.pk
    assert Submission.objects.get(task=task).status == SubmissionStatus.DRAFT


def _team_urls(team):
    task = HomeTask.objects.filter(network_id=team.network_id).first()
    return [
        reverse("network:team", args=[team.pk]),
        reverse("network:task", args=[team.pk, task.pk]),
        reverse("network:measurements", args=[team.pk]),
        reverse("network:agreement", args=[team.pk]),
    ]


def _network_urls(network):
    task = HomeTask.objects.filter(network=network).first()
    return [
        reverse("network:reading", args=[network.pk, task.pk]),
        *(
            reverse(f"network:{name}", args=[network.pk])
            for name in ("dashboard", "dashboard_csv", "agreements", "before_now", "advisors")
        ),
    ]


def test_the_staff_of_one_network_see_nothing_of_the_other(client, network):
    """Signed in as the demo's organisers and advisors: each opens their own
    network's teams and overview and gets 404 on the other network's."""
    second = LearningNetworkPage.objects.get(slug=innlandet.SLUG)
    sarpsborg = Team.objects.get(network=network, municipality__name="Sarpsborg")
    hamar = Team.objects.get(network=second, municipality__name="Hamar")
    cases = [
        ("arrangor@mentornett.no", network, sarpsborg, second, hamar),
        (innlandet.ORGANISER_EMAIL, second, hamar, network, sarpsborg),
    ]
    for email, own, own_team, other, other_team in cases:
        client.force_login(User.objects.get(email=email))
        for url in _network_urls(own) + _team_urls(own_team):
            assert client.get(url).status_code == 200, (email, url)
        for url in _network_urls(other) + _team_urls(other_team):
            assert client.get(url).status_code == 404, (email, url)
        # In the admin too: only their own network's teams and home tasks.
        teams = client.get(reverse("wagtailsnippets_network_team:list")).content.decode()
        assert own_team.municipality.name in teams
        assert other_team.municipality.name not in teams
        edit = reverse("wagtailsnippets_network_team:edit", args=[other_team.pk])
        assert client.get(edit).status_code == 404
        assert client.post(edit, {"network": own.pk}).status_code == 404
    for email, own_team, other_team in [
        ("radgiver@mentornett.no", sarpsborg, hamar),
        (innlandet.ADVISOR_EMAIL, hamar, sarpsborg),
    ]:
        client.force_login(User.objects.get(email=email))
        for url in _team_urls(own_team):
            assert client.get(url).status_code == 200, (email, url)
        for url in _team_urls(other_team):
            assert client.get(url).status_code == 404, (email, url)
        queue = client.get(reverse("network:review_queue")).content.decode()
        assert other_team.municipality.name not in queue


def test_loading_the_demo_twice_changes_nothing(network):
    counts = _counts()
    states = dashboard_matrix(network=network).totals
    load_demo()
    assert _counts() == counts
    assert dashboard_matrix(network=network).totals == states


def test_municipality_lookup_reads_the_shipped_list():
    numbers = municipality_numbers(["Sarpsborg", "Røros", "Indre Østfold"])
    assert numbers == {"Sarpsborg": "3105", "Røros": "5025", "Indre Østfold": "3118"}


def test_municipality_lookup_fails_loudly(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("number,name,county\n3105,Sarpsborg,Østfold\n", encoding="utf-8")
    with pytest.raises(LookupError, match="Fredrikstad"):
        municipality_numbers(["Sarpsborg", "Fredrikstad"], path=path)
