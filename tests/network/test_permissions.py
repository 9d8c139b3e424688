"""Every network page against every role: members see their own team,
advisors their teams, organisers their network; everyone else gets 404."""

import pytest

from django.urls import reverse

from network.services import save_draft, set_shared, submit
from tests.factories import UserFactory

ROLES = [
    "anonymous",
    "participant",
    "coordinator_a",
    "member_a",
    "coordinator_b",
    "advisor_a",
    "organiser",
    "superuser",
]

TEAM_A = {"coordinator_a", "member_a", "advisor_a", "organiser", "superuser"}
NETWORK = TEAM_A | {"coordinator_b"}
ORGANISERS = {"organiser", "superuser"}


def _sent_submission(world):
    save_draft(
        team=world.team_a,
        task=world.status_task,
        user=world.coordinator_a,
        sections={"done": "Prosjektplan"},
        bases={"done": ""},
    )
    version = submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
    return version.submission


def _person(world, role):
    if role == "anonymous":
        return None
    if role == "participant":
        return UserFactory()
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    return getattr(world, role)


def _pages(world, submission):
    a, task = world.team_a, world.status_task
    network = world.network.pk
    return [
        (reverse("network:team", args=[a.pk]), TEAM_A),
        (reverse("network:agreement", args=[a.pk]), TEAM_A),
        (reverse("network:agreement_pdf", args=[a.pk]), TEAM_A),
        (reverse("network:task", args=[a.pk, task.pk]), TEAM_A),
        (reverse("network:version_file", args=[a.pk, task.pk, 1]), set()),  # no file: 404
        (reverse("network:measurements", args=[a.pk]), TEAM_A),
        (reverse("network:dashboard", args=[network]), ORGANISERS),
        (reverse("network:dashboard_csv", args=[network]), ORGANISERS),
        (reverse("network:reading", args=[network, task.pk]), ORGANISERS),
        (reverse("network:agreements", args=[network]), ORGANISERS),
        (reverse("network:before_now", args=[network]), ORGANISERS),
        (reverse("network:advisors", args=[network]), ORGANISERS),
        (reverse("network:poster_walk", args=[network]), NETWORK),
        (reverse("network:shared", args=[submission.pk]), NETWORK),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_pages_by_role(client, world, role):
    submission = _sent_submission(world)
    set_shared(submission=submission, shared=True)
    person = _person(world, role)
    if person is not None:
        client.force_login(person)
    for url, allowed in _pages(world, submission):
        response = client.get(url)
        if person is None:
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("account_login")), url
        elif role in allowed:
            assert response.status_code == 200, (url, role)
        else:
            assert response.status_code == 404, (url, role)


WRITE = {"coordinator_a", "member_a"}
REVIEW = {"advisor_a", "organiser", "superuser"}
MANAGE = {"coordinator_a", "organiser", "superuser"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES[1:])
def test_actions_by_role(client, world, role):
    submission = _sent_submission(world)
    client.force_login(_person(world, role))
    a, task = world.team_a, world.status_task
    actions = [
        (
            reverse("network:save", args=[a.pk, task.pk]),
            {"section_done": "Nytt", "base_done": "Prosjektplan"},
            WRITE,
        ),
        (reverse("network:review", args=[a.pk, task.pk]), {"action": "read"}, REVIEW),
        (reverse("network:share", args=[a.pk, task.pk]), {"shared": "1"}, WRITE),
        (reverse("network:comment", args=[a.pk, task.pk]), {"body": "Bra!"}, TEAM_A),
        (reverse("network:invite", args=[a.pk]), {"email": "n@example.no", "role": "hr"}, MANAGE),
        (
            reverse("network:advisor", args=[world.network.pk, a.pk]),
            {"advisor": str(world.advisor_a.pk)},
            ORGANISERS,
        ),
    ]
    for url, data, allowed in actions:
        response = client.post(url, data)
        expected = 302 if role in allowed else 404
        assert response.status_code == expected, (url, role, response.status_code)
    submission.refresh_from_db()
    if role not in WRITE:
        assert submission.content["done"] == "Prosjektplan"
