"""Query budget of the scheme office's list of applications in the admin: the
same number of queries for 40 applications as for 3."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import Application, ApplicationStatus, Municipality, RelationshipKind
from tests.factories import UserFactory

LIST = "wagtailsnippets_network_application:list"


def _applications(count, offset=0):
    statuses, kinds = list(ApplicationStatus), list(RelationshipKind)
    municipalities = [
        Municipality.objects.get_or_create(
            number=f"{4000 + n}", defaults={"name": f"Kommune {n}", "county": "Test"}
        )[0]
        for n in range(5)
    ]
    Application.objects.bulk_create(
        [
            Application(
                kind=kinds[(offset + n) % len(kinds)],
                status=statuses[(offset + n) % len(statuses)],
                mentor=UserFactory(),
                # Some drafts have no mentee or place yet.
                mentee=UserFactory() if n % 4 else None,
                municipality=municipalities[n % 5] if n % 3 else None,
            )
            for n in range(count)
        ]
    )


def _count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "all"},
        {"status": ApplicationStatus.SUBMITTED},
        # Over all applications: in the queue alone, 3 may show none.
        {"status": "all", "kind": RelationshipKind.STUDENT_PLACEMENT},
        {"status": "all", "municipality": "4001"},
        {"status": "all", "ordering": "created_at"},
    ],
    ids=["queue", "all", "status", "kind", "municipality", "oldest-first"],
)
def test_the_office_list_costs_the_same_for_40_applications_as_for_3(client, staff_user, params):
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    url = reverse(LIST)
    _applications(3)
    if "municipality" in params:  # by number here; the filter takes the key
        params = {"municipality": Municipality.objects.get(number=params["municipality"]).pk}
    client.get(url, params)
    client.get(url, params)  # warm the caches
    small, _response = _count(client, url, params)
    _applications(37, offset=3)
    client.get(url, params)
    large, response = _count(client, url, params)
    assert large == small
    assert small <= 12
    if params == {"status": "all"}:  # a full page of the 40
        office = reverse("scheme:office", args=[1]).removesuffix("1/")
        assert response.content.decode().count(f'href="{office}') == 20


@pytest.mark.django_db
def test_the_office_list_names_both_parties_and_the_place(client, staff_user):
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    mentor = UserFactory(full_name="Marit Mentor")
    mentee = UserFactory(full_name="Magnus Mentee")
    place = Municipality.objects.create(number="3401", name="Kongsvinger", county="Innlandet")
    application = Application.objects.create(
        kind=RelationshipKind.MENTORVET,
        status=ApplicationStatus.SUBMITTED,
        mentor=mentor,
        mentee=mentee,
        municipality=place,
    )
    html = client.get(reverse(LIST)).content.decode()  # the queue: it waits for the office
    assert "Marit Mentor – Magnus Mentee" in html
    assert "Kongsvinger" in html
    assert reverse("scheme:office", args=[application.pk]) in html
