"""Implausible dates in the mentor scheme: every form a person fills in
refuses 1 January 1900 and 31 December 9999 with a sentence that names the
allowed range, keeps what was typed and gives the date picker the same range;
the services refuse them too, so no other path stores them."""

import re
from datetime import date, timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from mentornett.accounts.roles import StaffRole
from mentornett.dates import add_months
from network.models import (
    Application,
    Claim,
    EquipmentBooking,
    HubStudentWeek,
    RelationshipKind,
)
from network.scheme.errors import ApplicationError, EquipmentError, HubError
from network.scheme.services import applications as services
from network.scheme.services import equipment
from network.scheme.services.relationships import ClaimError, submit_claim
from tests.date_ranges import between
from tests.scheme.fixtures import active_relationship, receipt
from tests.scheme.hub_fixtures import register_week, relationship

pytestmark = pytest.mark.django_db

EARLY, LATE = "1900-01-01", "9999-12-31"
SCHEME_START = date(2020, 1, 1)


def _input(html, field):
    return re.search(rf'<input[^>]*id="id_{field}"[^>]*>', html).group(0)


def _limits(html, field):
    tag = _input(html, field)
    return re.search(r'min="([^"]*)"', tag).group(1), re.search(r'max="([^"]*)"', tag).group(1)


# --- the application's planned dates ------------------------------------------------


def test_the_application_form_refuses_implausible_planned_dates_and_keeps_them(client, scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
    )
    client.force_login(scheme.mentor)
    url = reverse("scheme:application", args=[application.pk])
    response = client.post(
        url,
        {
            "starts_on": EARLY,
            "ends_on": LATE,
            "reverse_ride_along_from": EARLY,
            "employer": "Glåmdal veterinærkontor AS",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count(between(SCHEME_START, months_ahead=36)) >= 3  # one by each field
    assert f'value="{EARLY}"' in _input(html, "starts_on")
    assert f'value="{LATE}"' in _input(html, "ends_on")
    assert 'value="Glåmdal veterinærkontor AS"' in html
    today = timezone.localdate()
    assert _limits(html, "starts_on") == ("2020-01-01", add_months(today, 36).isoformat())
    application.refresh_from_db()
    assert (application.starts_on, application.ends_on, application.employer) == (None, None, "")


def test_the_draft_service_refuses_an_implausible_planned_date(scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.STUDENT_PLACEMENT
    )
    for name, day in (("starts_on", date(1900, 1, 1)), ("ends_on", date(9999, 12, 31))):
        with pytest.raises(ApplicationError) as error:
            services.save_draft(application=application, user=scheme.mentor, changes={name: day})
        assert error.value.code == "date_range"
    assert Application.objects.get().starts_on is None


# --- the start-up conversation -------------------------------------------------------


@pytest.fixture
def granted(scheme):
    """A relationship whose start-up conversation may be recorded."""
    return active_relationship(scheme)


def test_the_start_up_conversation_refuses_1900_and_keeps_what_was_typed(
    client, granted, staff_user
):
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    response = client.post(
        reverse("scheme:office", args=[granted.pk]),
        {"action": "startup", "held_on": EARLY, "notes": "Ukentlig møte"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert between(SCHEME_START) in html
    assert f'value="{EARLY}"' in _input(html, "held_on")
    assert "Ukentlig møte" in html
    granted.refresh_from_db()
    assert granted.startup_conversation_on is None


def test_the_start_up_service_refuses_1900(granted, staff_user):
    with pytest.raises(ApplicationError) as error:
        services.record_startup_conversation(
            application=granted,
            user=staff_user(StaffRole.SCHEME_ADMINISTRATOR),
            held_on=date(1900, 1, 1),
            notes="",
        )
    assert error.value.code == "date_range"
    granted.refresh_from_db()
    assert granted.startup_conversation_on is None


# --- claims -------------------------------------------------------------------------


def test_a_claim_dated_1900_is_refused_with_the_range_and_keeps_what_was_typed(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    response = client.post(
        reverse("scheme:claims", args=[application.pk]),
        {
            "category": "course_fee",
            "course": "insemination",
            "description": "Inseminasjonskurs",
            "amount": "1200",
            "spent_on": EARLY,
            "job_starts_on": LATE,
            "receipt": receipt(),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert between(SCHEME_START) in html
    assert between(SCHEME_START, months_ahead=36) in html
    assert f'value="{EARLY}"' in _input(html, "spent_on")
    assert f'value="{LATE}"' in _input(html, "job_starts_on")
    assert 'value="Inseminasjonskurs"' in html
    assert not Claim.objects.exists()


def test_the_claim_service_refuses_a_cost_from_1900(scheme):
    application = active_relationship(scheme)
    with pytest.raises(ClaimError) as error:
        submit_claim(
            application=application,
            user=scheme.mentee,
            category="travel",
            description="Fly Oslo–Røros",
            amount=1200,
            spent_on=date(1900, 1, 1),
            receipt=receipt(),
        )
    assert error.value.message_dict["spent_on"] == [between(SCHEME_START)]
    assert not Claim.objects.exists()


# --- student weeks at a hub ----------------------------------------------------------


def test_a_student_week_in_9999_is_refused_with_the_range_and_keeps_what_was_typed(client, hub):
    client.force_login(hub.contact)
    response = client.post(
        reverse("scheme_hubs:add_week", args=[hub.hub.pk]),
        {
            "student_name": "Siri Student",
            "student_email": "siri@example.no",
            "week_starts_on": LATE,
            "mentor": hub.mentor.pk,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert between(SCHEME_START, months_ahead=12) in html
    assert f'value="{LATE}"' in _input(html, "week_starts_on")
    assert 'value="Siri Student"' in html
    assert not HubStudentWeek.objects.exists()


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(9999, 12, 31)])
def test_the_student_week_service_refuses_implausible_weeks(hub, day):
    with pytest.raises(HubError) as error:
        register_week(hub, day)
    assert error.value.code == "date_range"
    assert not HubStudentWeek.objects.exists()


# --- equipment bookings ---------------------------------------------------------------


@pytest.fixture
def borrower(scheme):
    relationship(scheme)
    return scheme.mentee


def test_a_booking_until_9999_is_refused_with_the_range_and_keeps_what_was_typed(
    client, borrower, equipment_sets
):
    client.force_login(borrower)
    today = timezone.localdate()
    response = client.post(
        reverse("scheme_hubs:equipment"),
        {
            "equipment": equipment_sets[0].pk,
            "starts_on": today.isoformat(),
            "ends_on": LATE,
            "purpose": "Kalvingssesong",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert between(months_ahead=24) in html
    assert f'value="{LATE}"' in _input(html, "ends_on")
    assert 'value="Kalvingssesong"' in html
    assert _limits(html, "starts_on") == (today.isoformat(), add_months(today, 24).isoformat())
    assert not EquipmentBooking.objects.exists()


def test_the_booking_service_refuses_a_booking_more_than_two_years_ahead(borrower, equipment_sets):
    today = timezone.localdate()
    last = add_months(today, 24)
    for ends_on in (last + timedelta(days=1), date(9999, 12, 31)):
        with pytest.raises(EquipmentError) as error:
            equipment.book_equipment(
                equipment=equipment_sets[0], user=borrower, starts_on=today, ends_on=ends_on
            )
        assert error.value.code == "date_range"
    assert not EquipmentBooking.objects.exists()
    booking = equipment.book_equipment(
        equipment=equipment_sets[0], user=borrower, starts_on=last, ends_on=last
    )
    assert booking.ends_on == last
