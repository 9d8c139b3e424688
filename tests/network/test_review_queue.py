"""The advisor's one list of submitted work waiting for them, across all the
teams they advise."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import (
    HomeTask,
    Municipality,
    NetworkStaff,
    NetworkStaffRole,
    ResponseKind,
    Submission,
    Team,
)
from network.selectors import review_queue, review_queue_count
from network.services import mark_read, return_for_changes, save_draft, submit
from network.task_sections import section_keys
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/mine-team/til-gjennomgang/"


def send(team, task, user, text="Vi har laget en prosjektplan."):
    key = section_keys(task.kind)[0]
    draft = Submission.objects.filter(team=team, task=task).first()
    base = draft.content.get(key, "") if draft else ""
    save_draft(team=team, task=task, user=user, sections={key: text}, bases={key: base})
    return submit(team=team, task=task, user=user)


def advised_team(world, number, name):
    municipality, _created = Municipality.objects.get_or_create(
        number=number, defaults={"name": name, "county": "Østfold"}
    )
    return Team.objects.create(
        network=world.network, municipality=municipality, advisor=world.advisor_a
    )


def test_the_queue_lists_what_every_advised_team_sent_oldest_first(client, world):
    moss = advised_team(world, "3103", "Moss")
    send(world.team_a, world.status_task, world.coordinator_a)
    send(moss, world.final_task, world.advisor_a)
    # Not waiting: a draft, work already read or returned, another advisor's team.
    save_draft(
        team=moss,
        task=world.status_task,
        user=world.advisor_a,
        sections={"done": "Utkast"},
        bases={"done": ""},
    )
    send(world.team_b, world.status_task, world.coordinator_b)
    read = send(world.team_a, world.final_task, world.coordinator_a).submission
    mark_read(submission=read, user=world.advisor_a)

    items = review_queue(user=world.advisor_a)

    assert [(item.team_name, item.task_title) for item in items] == [
        ("Sarpsborg", "Statusrapport før samling 2"),
        ("Moss", "Sluttrapport"),
    ]
    assert items[0].kind_label == "Statusrapport"
    assert items[0].url == reverse("network:task", args=[world.team_a.pk, world.status_task.pk])
    assert review_queue_count(user=world.advisor_a) == 2

    client.force_login(world.advisor_a)
    html = client.get(URL).content.decode()
    assert "Sarpsborg: Statusrapport før samling 2" in html
    assert "Moss: Sluttrapport" in html
    assert "Halden" not in html


def test_returned_work_sent_again_is_back_in_the_queue_with_its_version(client, world):
    version = send(world.team_a, world.status_task, world.coordinator_a)
    return_for_changes(
        submission=version.submission, user=world.advisor_a, comment="Skriv mer om ledelsen."
    )
    assert review_queue(user=world.advisor_a) == []
    send(world.team_a, world.status_task, world.coordinator_a, text="Nå med ledelsen.")

    (item,) = review_queue(user=world.advisor_a)
    assert item.version == 2

    client.force_login(world.advisor_a)
    assert "versjon 2" in client.get(URL).content.decode()


@pytest.mark.parametrize("who", ["coordinator_a", "member_a", "organiser", "coordinator_b"])
def test_someone_who_advises_no_team_gets_not_found(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(URL).status_code == 404


def test_a_visitor_is_asked_to_sign_in(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_a_named_advisor_without_teams_sees_an_empty_queue(client, world):
    newcomer = UserFactory()
    NetworkStaff.objects.create(
        network=world.network, person=newcomer, role=NetworkStaffRole.ADVISOR
    )
    client.force_login(newcomer)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Ingenting venter på din gjennomgang" in response.content.decode()


def test_the_queue_runs_the_same_queries_for_one_or_many_submissions(
    client, world, django_assert_max_num_queries
):
    def count():
        client.get(URL)  # warms the header's cache, which new tasks empty
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        return len(queries), response.content.decode()

    send(world.team_a, world.status_task, world.coordinator_a)
    client.force_login(world.advisor_a)
    one, _html = count()

    for n in range(6):
        team = advised_team(world, f"31{n + 10}", f"Kommune {n}")
        task = HomeTask.objects.create(
            network=world.network,
            gathering=world.gathering,
            title=f"Oppgave {n}",
            kind=ResponseKind.FREE_TEXT,
        )
        send(team, task, world.advisor_a)
        send(team, world.status_task, world.advisor_a)
    many, html = count()

    assert html.count('class="task-list__item"') == 13
    assert one == many
    with django_assert_max_num_queries(one):
        client.get(URL)
