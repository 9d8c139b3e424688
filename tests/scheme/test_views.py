import pytest

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import Application, ApplicationStatus, RelationshipKind
from network.scheme.services import applications as services
from tests.factories import UserFactory
from tests.scheme.fixtures import complete_application

S = ApplicationStatus
pytestmark = pytest.mark.django_db


def test_start_an_application_and_see_the_gate(client, scheme):
    client.force_login(scheme.mentee)
    response = client.post(
        reverse("scheme:applications"),
        {"kind": RelationshipKind.STUDENT_PLACEMENT, "role": "mentee"},
    )
    application = Application.objects.get()
    assert response["Location"] == reverse("scheme:application", args=[application.pk])
    html = client.get(response["Location"]).content.decode()
    assert "Inviter mentoren" in html
    assert "gyldig kursbevis" in html


def test_the_form_keeps_what_was_typed_and_explains_a_bad_period(client, scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.STUDENT_PLACEMENT
    )
    client.force_login(scheme.mentor)
    response = client.post(
        reverse("scheme:application", args=[application.pk]),
        {
            "starts_on": "2026-03-10",
            "ends_on": "2026-03-01",
            "planned_use": "Bolig i tre uker",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Slutten må være samme dag som starten eller senere." in html
    assert "Bolig i tre uker" in html
    application.refresh_from_db()
    assert application.planned_use == ""


def test_sending_an_incomplete_application_lists_what_is_missing(client, scheme):
    application = complete_application(scheme)
    application.employer = ""
    application.save()
    client.force_login(scheme.mentor)
    response = client.post(
        reverse("scheme:application", args=[application.pk]),
        {
            "starts_on": "2026-01-05",
            "ends_on": "2026-04-04",
            "municipality": scheme.municipality.pk,
            "employer": "",
            "backup_plan": application.backup_plan,
            "reverse_ride_along_from": "2026-01-05",
            "reverse_ride_along_to": "2026-01-16",
            "insurance_confirmed": "on",
            "municipality_contact_email": "kari@kongsvinger.kommune.no",
            "planned_use": "Mentorgodtgjørelse",
            "mentor_declarations": application.mentor_declarations,
            "send": "1",
        },
    )
    assert response.status_code == 400
    assert "må være ansatt" in response.content.decode()
    application.refresh_from_db()
    assert application.status == S.DRAFT


def test_a_complete_application_is_sent_and_shows_the_support(client, scheme):
    application = complete_application(scheme)
    client.force_login(scheme.mentor)
    html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    assert "40\xa0000\xa0kr" in html  # mentornett.formatting: no-break spaces
    response = client.post(
        reverse("scheme:application", args=[application.pk]),
        {
            "starts_on": "2026-01-05",
            "ends_on": "2026-04-04",
            "municipality": scheme.municipality.pk,
            "employer": application.employer,
            "backup_plan": application.backup_plan,
            "reverse_ride_along_from": "2026-01-05",
            "reverse_ride_along_to": "2026-01-16",
            "insurance_confirmed": "on",
            "municipality_contact_name": "Kari Kommune",
            "municipality_contact_email": "kari@kongsvinger.kommune.no",
            "planned_use": "Mentorgodtgjørelse",
            "mentor_declarations": application.mentor_declarations,
            "send": "1",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.SUBMITTED


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("stranger", 404),
        ("mentor", 200),
        ("mentee", 200),
        ("editor", 404),
        ("organiser", 404),
        ("administrator", 200),
    ],
)
def test_who_sees_an_application(client, scheme, staff_user, who, expected):
    application = complete_application(scheme)
    people = {
        "stranger": UserFactory,
        "mentor": lambda: scheme.mentor,
        "mentee": lambda: scheme.mentee,
        "editor": lambda: staff_user(StaffRole.EDITOR),
        "organiser": lambda: staff_user(StaffRole.NETWORK_ORGANISER),
        "administrator": lambda: staff_user(StaffRole.SCHEME_ADMINISTRATOR),
    }
    if who != "anonymous":
        client.force_login(people[who]())
    for url in (
        reverse("scheme:application", args=[application.pk]),
        reverse("scheme:contract", args=[application.pk]),
    ):
        assert client.get(url).status_code == expected, url
    office = client.get(reverse("scheme:office", args=[application.pk])).status_code
    assert office == (expected if who in ("anonymous", "administrator") else 404)


def test_the_office_decides_and_a_stale_decision_is_explained(client, scheme, staff_user):
    application = services.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    first = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    url = reverse("scheme:office", args=[application.pk])
    client.force_login(first)
    assert client.get(url).status_code == 200
    response = client.post(url, {"expected": S.SUBMITTED, "to": S.IN_REVIEW, "note": ""})
    assert response.status_code == 302
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    response = client.post(url, {"expected": S.SUBMITTED, "to": S.IN_REVIEW, "note": ""})
    assert response.status_code == 400
    assert "mens du hadde den åpen" in response.content.decode()


def test_the_admin_listing_filters_by_status(client, scheme, staff_user):
    services.submit_application(application=complete_application(scheme), user=scheme.mentor)
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    url = reverse("wagtailsnippets_network_application:list")
    response = client.get(url, {"status": S.SUBMITTED})
    assert response.status_code == 200
    assert "Marit Mentor" in response.content.decode()
    response = client.get(url, {"status": S.GRANTED})
    assert "Marit Mentor" not in response.content.decode()
