"""A learning network with two teams (A: Sarpsborg, B: Halden), its staff and
home tasks, and one person for every role the permission tests walk."""

from dataclasses import dataclass
from datetime import timedelta

import pytest

from django.utils import timezone

from network.models import (
    HomeTask,
    NetworkStaff,
    NetworkStaffRole,
    ResponseKind,
    Team,
    TeamMembership,
    TeamRole,
)
from tests.factories import UserFactory


@dataclass
class NetworkWorld:
    network: object
    team_a: Team
    team_b: Team
    coordinator_a: object
    member_a: object
    leader_a: object
    coordinator_b: object
    advisor_a: object
    organiser: object
    gathering: object
    later_gathering: object
    status_task: object
    final_task: object
    file_task: object


@pytest.fixture
def world(network_team, make_event):
    from network.models import Municipality

    network = network_team.network
    team_a = network_team
    halden, _created = Municipality.objects.get_or_create(
        number="3101", defaults={"name": "Halden", "county": "Østfold"}
    )
    team_b = Team.objects.create(network=network, municipality=halden)
    coordinator_a = UserFactory(full_name="Sara Sykepleier")
    member_a = UserFactory(full_name="Ingrid Aas")
    leader_a = UserFactory(full_name="Kristin Holm")
    coordinator_b = UserFactory(full_name="Hanne Halden")
    advisor_a = UserFactory(full_name="Rune Rådgiver")
    organiser = UserFactory(full_name="Anne Arrangør")
    TeamMembership.objects.create(team=team_a, person=coordinator_a, role=TeamRole.COORDINATOR)
    TeamMembership.objects.create(team=team_a, person=member_a, role=TeamRole.MENTOR)
    TeamMembership.objects.create(team=team_a, person=leader_a, role=TeamRole.LEADER)
    TeamMembership.objects.create(team=team_b, person=coordinator_b, role=TeamRole.COORDINATOR)
    NetworkStaff.objects.create(network=network, person=organiser, role=NetworkStaffRole.ORGANISER)
    NetworkStaff.objects.create(network=network, person=advisor_a, role=NetworkStaffRole.ADVISOR)
    team_a.advisor = advisor_a
    team_a.save()
    network.agreement_text = (
        "<h3>Arrangørene forplikter seg til å</h3><ul><li>gjennomføre samlingene</li></ul>"
        "<h3>Kommunen forplikter seg til å</h3><ul><li>delta på samlingene</li></ul>"
    )
    network.save_revision().publish()
    gathering = make_event(days=20, title="Samling 2", slug="samling-2", network=network)
    later = make_event(days=90, title="Samling 3", slug="samling-3", network=network)
    status_task = HomeTask.objects.create(
        network=network,
        gathering=gathering,
        title="Statusrapport før samling 2",
        instructions="Skriv **kort** hva dere har gjort.",
        kind=ResponseKind.STATUS_REPORT,
    )
    final_task = HomeTask.objects.create(
        network=network, gathering=later, title="Sluttrapport", kind=ResponseKind.FINAL_REPORT
    )
    file_task = HomeTask.objects.create(
        network=network, gathering=later, title="Plakat for utrulling", kind=ResponseKind.FILE
    )
    return NetworkWorld(
        network=network,
        team_a=team_a,
        team_b=team_b,
        coordinator_a=coordinator_a,
        member_a=member_a,
        leader_a=leader_a,
        coordinator_b=coordinator_b,
        advisor_a=advisor_a,
        organiser=organiser,
        gathering=gathering,
        later_gathering=later,
        status_task=status_task,
        final_task=final_task,
        file_task=file_task,
    )


def past(days=1):
    return timezone.now() - timedelta(days=days)
