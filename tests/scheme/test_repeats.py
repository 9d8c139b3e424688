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
    HubStudentWeek,
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
