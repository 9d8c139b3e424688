"""The scheme office's list of applications opens on the cases that wait for
the office, with each status in words and colour, and all applications one
click away; its query count does not grow with the applications."""

import re
from datetime import date

import pytest

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import Application, ApplicationStatus, Claim, ClaimStatus, RelationshipKind
from tests.factories import UserFactory

S = ApplicationStatus
LIST = "wagtailsnippets_network_application:list"
pytestmark = pytest.mark.django_db

WAITING = {S.SUBMITTED, S.IN_REVIEW, S.EVALUATED}


def _one_of_each_status(prefix="") -> dict[str, Application]:
    applications = {}
    for status in S:
        applications[status] = Application.objects.create(
            kind=RelationshipKind.MENTORVET,
            status=status,
            mentor=UserFactory(full_name=f"{prefix}Mentor {status}"),
            mentee=UserFactory(full_name=f"{prefix}Mentee {status}"),
        )
    return applications


def _claim(application, status=ClaimStatus.SUBMITTED):
    return Claim.objects.create(
        application=application,
        claimant=application.mentee,
        category="travel",
        description="Tog",
        amount=500,
        spent_on=date(2026, 1, 5),
        status=status,
        receipt_name="kvittering.pdf",
    )


def _listed(html) -> set[int]:
    office = reverse("scheme:office", args=[1]).removesuffix("1/")
    return {int(pk) for pk in re.findall(rf'href="{re.escape(office)}(\d+)/"', html)}


@pytest.fixture
def office(client, staff_user):
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    return client


def test_the_list_opens_on_what_waits_for_the_office(office):
    applications = _one_of_each_status()
    with_claim = Application.objects.create(
        kind=RelationshipKind.MENTORVET,
        status=S.ACTIVE,
        mentor=UserFactory(full_name="Kari Kravmentor"),
        mentee=UserFactory(full_name="Kåre Kravmentee"),
    )
    _claim(with_claim)
    _claim(with_claim)
    _claim(applications[S.PAID], status=ClaimStatus.PAID)
    response = office.get(reverse(LIST))
    assert response.status_code == 200
    html = response.content.decode()
    expected = {applications[status].pk for status in WAITING} | {with_claim.pk}
    assert _listed(html) == expected
    # The status in words and colour; the claims that wait, counted.
    assert 'class="scheme-badge scheme-badge--info">Sendt inn</span>' in html
    assert '<span aria-hidden="true">✓ </span>Evaluert</span>' in html
    assert "2 krav å avgjøre" in html
    # Everything is one click away.
    assert f'href="{reverse(LIST)}?status=all"' in html
    assert "Vis alle søknader" in html


def test_all_applications_and_each_status_are_still_there(office):
    applications = _one_of_each_status()
    html = office.get(reverse(LIST), {"status": "all"}).content.decode()
    assert _listed(html) == {application.pk for application in applications.values()}
    assert f'href="{reverse(LIST)}?status=waiting"' in html
    html = office.get(reverse(LIST), {"status": S.GRANTED}).content.decode()
    assert _listed(html) == {applications[S.GRANTED].pk}
    html = office.get(reverse(LIST), {"status": "waiting"}).content.decode()
    assert _listed(html) == {applications[status].pk for status in WAITING}


def test_the_queue_is_shown_in_english_too(client):
    _one_of_each_status()
    client.force_login(
        UserFactory(
            is_staff=True, staff_role=StaffRole.SCHEME_ADMINISTRATOR, preferred_language="en"
        )
    )
    html = client.get(reverse(LIST)).content.decode()
    assert 'scheme-badge--info">Submitted</span>' in html
    assert "Show all applications" in html


@pytest.mark.parametrize("params", [{}, {"status": "all"}], ids=["queue", "all"])
def test_the_queue_costs_no_more_queries_for_more_applications(
    office, django_assert_max_num_queries, params
):
    for application in _one_of_each_status().values():
        _claim(application)
    office.get(reverse(LIST), params)  # warm the caches
    with django_assert_max_num_queries(12):
        office.get(reverse(LIST), params)
    for n in range(3):
        for application in _one_of_each_status(prefix=f"{n}").values():
            _claim(application)
    with django_assert_max_num_queries(12) as queries:
        response = office.get(reverse(LIST), params)
    assert len(_listed(response.content.decode())) == 20
    assert len(queries) <= 12
