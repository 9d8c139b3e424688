"""The same submission twice (two tabs, a double click, "send again"): the
second makes nothing, says it is already sent in Norwegian, and shows the
first. See `mentornett/repeats.py`; the simultaneous case is in
`test_repeats_concurrency.py`."""

from datetime import date, timedelta

import pytest
from freezegun import freeze_time

from django.urls import reverse
from django.utils import timezone

from mentornett.repeats import REPEAT_WINDOW, AlreadySent
from network.models import (
    Application,
    Claim,
    ClaimCategory,
    CourseFeeKind,
    EquipmentBooking,
    EquipmentSet,
    MentorHub,
)
from network.scheme.services import relationships as services
from tests.scheme.fixtures import active_relationship, complete_application, receipt

pytestmark = pytest.mark.django_db

TRAVEL = {
    "category": "travel",
    "description": "Tog Oslo–Kongsvinger t/r",
    "amount": "840",
    "spent_on": "2026-01-04",
}
COURSE_FEE = {
    "category": "course_fee",
    "course": "ante_mortem",
    "description": "Kurs i kjøttkontroll",
    "amount": "1500",
    "spent_on": "2026-01-04",
}


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("typed", [TRAVEL, COURSE_FEE], ids=["travel", "course_fee"])
def test_the_same_claim_sent_from_two_tabs_is_kept_once_and_shown(client, scheme, typed):
    application = active_relationship(scheme)
    client.force_login(scheme.mentee)
    url = reverse("scheme:claims", args=[application.pk])
    first = client.post(url, {**typed, "receipt": receipt()})
    assert first.status_code == 302

    second = client.post(url, {**typed, "receipt": receipt()}, follow=True)

    claim = Claim.objects.get()
    assert second.redirect_chain == [(f"{url}#krav-{claim.pk}", 302)]
    (message,) = [m for m in _messages(second) if "allerede sendt" in m]
    assert message.startswith("Dette kravet ble allerede sendt kl.")
    assert typed["description"] in message
    html = second.content.decode()
    assert f'id="krav-{claim.pk}"' in html
    assert html.count(typed["description"]) >= 2  # in the message and in the list


def test_a_repeat_is_told_apart_from_a_claim_over_the_cap(scheme):
    """The first claim used the whole cap: its repeat is "already sent",
    not "claim at most 0"."""
    application = active_relationship(scheme)
    fee = {
        "application": application,
        "user": scheme.mentee,
        "category": ClaimCategory.COURSE_FEE,
        "course": CourseFeeKind.ANTE_MORTEM,
        "description": "Kurs i kjøttkontroll",
        "amount": 3000,
        "spent_on": date(2026, 1, 5),
    }
    first = services.submit_claim(**fee, receipt=receipt())
    with pytest.raises(AlreadySent) as repeat:
        services.submit_claim(**fee, receipt=receipt())
    assert repeat.value.code == "already_sent"
    assert repeat.value.existing == first
    assert Claim.objects.count() == 1


def test_the_same_claim_after_a_minute_is_a_new_claim(scheme):
    application = active_relationship(scheme)
    travel = {
        "application": application,
        "user": scheme.mentee,
        "category": ClaimCategory.TRAVEL,
        "description": "Buss",
        "amount": 200,
        "spent_on": date(2026, 1, 5),
    }
    services.submit_claim(**travel, receipt=receipt())
    with freeze_time(timezone.now() + REPEAT_WINDOW + timedelta(seconds=1)):
        services.submit_claim(**travel, receipt=receipt())
    with pytest.raises(AlreadySent):
        services.submit_claim(**{**travel}, receipt=receipt())
    services.submit_claim(**{**travel, "amount": 201}, receipt=receipt())
    assert Claim.objects.count() == 3


def test_sending_the_application_again_from_a_second_tab_says_it_is_already_sent(client, scheme):
    application = complete_application(scheme)
    client.force_login(scheme.mentor)
    url = reverse("scheme:application", args=[application.pk])
    # Both tabs hold the same complete form.
    typed = client.get(url).context["form"].initial
    data = {
        name: value
        for name, value in typed.items()
        if value is not None and name not in ("contract", "mentor_declarations")
    }
    data = {**data, "municipality": scheme.municipality.pk, "send": "1"}
    data["mentor_declarations"] = application.mentor_declarations
    assert client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted"

    second = client.post(url, data, follow=True)

    assert second.redirect_chain == [(url, 302)]
    (message,) = [m for m in _messages(second) if "allerede" in m]
    assert message.startswith("Søknaden ble allerede sendt ")
    assert "Dette er det som ble sendt." in message
    assert Application.objects.get().events.filter(to_status="submitted").count() == 1


def test_the_same_booking_twice_is_kept_once_and_not_called_a_clash(client, scheme):
    from tests.scheme.hub_fixtures import relationship

    relationship(scheme)
    equipment = EquipmentSet.objects.create(name="Utstyrssett 1")
    client.force_login(scheme.mentor)
    url = reverse("scheme_hubs:equipment")
    starts = timezone.localdate() + timedelta(days=10)
    data = {
        "equipment": equipment.pk,
        "starts_on": starts.isoformat(),
        "ends_on": (starts + timedelta(days=4)).isoformat(),
        "purpose": "Kalvingssesong",
    }
    assert client.post(url, data).status_code == 302

    second = client.post(url, data, follow=True)

    booking = EquipmentBooking.objects.get()
    assert second.redirect_chain == [(f"{url}#booking-{booking.pk}", 302)]
    (message,) = [m for m in _messages(second) if "allerede" in m]
    assert message.startswith("Bookingen ble allerede sendt kl.")
    assert "ledig igjen" not in message
    assert f'id="booking-{booking.pk}"' in second.content.decode()


def test_the_same_hub_registered_twice_is_one_hub(client, scheme):
    client.force_login(scheme.mentor)
    data = {
        "name": "Glåmdal dyreklinikk",
        "organisation_number": "987654321",
        "municipality": scheme.municipality.pk,
    }
    url = reverse("scheme_hubs:hubs")
    assert client.post(url, data).status_code == 302

    second = client.post(url, data, follow=True)

    hub = MentorHub.objects.get()
    assert second.redirect_chain == [(reverse("scheme_hubs:hub", args=[hub.pk]), 302)]
    (message,) = [m for m in _messages(second) if "allerede" in m]
    assert message.startswith("Glåmdal dyreklinikk ble allerede registrert kl.")
    assert hub.mentors.count() == 1
