"""Implausible dates in a team's measurements: the value and milestone forms
refuse 1 January 1900 and 31 December 9999 with a sentence that names the
allowed range and keep what was typed; the services refuse them too."""

import re
from datetime import date
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone

from network.errors import MeasurementError
from network.models import Measurement, TeamMilestone
from network.services import add_indicator, add_milestone, record_value
from tests.date_ranges import between

pytestmark = pytest.mark.django_db

TEAM_HISTORY_START = date(2015, 1, 1)


def _input(html, field):
    return re.search(rf'<input[^>]*id="id_{field}"[^>]*>', html).group(0)


@pytest.fixture
def indicator(world):
    return add_indicator(
        team=world.team_a, user=None, name="Søkere per stilling", unit="søkere", better="higher"
    )


def test_a_value_measured_in_1900_is_refused_and_keeps_what_was_typed(client, world, indicator):
    client.force_login(world.coordinator_a)
    response = client.post(
        reverse("network:indicator", args=[world.team_a.pk, indicator.pk]),
        {"measured_on": "1900-01-01", "value": "3", "note": "Tall fra HR"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert between(TEAM_HISTORY_START, months_ahead=0) in html
    assert 'value="1900-01-01"' in _input(html, "measured_on")
    assert "Tall fra HR" in html
    assert f'max="{timezone.localdate().isoformat()}"' in _input(html, "measured_on")
    assert not Measurement.objects.exists()


def test_a_milestone_in_9999_is_refused_and_keeps_what_was_typed(client, world):
    client.force_login(world.coordinator_a)
    response = client.post(
        reverse("network:measurements", args=[world.team_a.pk]),
        {"action": "milestone", "happened_on": "9999-12-31", "text": "Mentorprogram startet"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert between(TEAM_HISTORY_START, months_ahead=60) in html
    assert 'value="9999-12-31"' in _input(html, "happened_on")
    assert 'value="Mentorprogram startet"' in html
    assert not TeamMilestone.objects.exists()


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(9999, 12, 31)])
def test_the_services_refuse_implausible_dates(world, indicator, day):
    with pytest.raises(MeasurementError) as error:
        record_value(indicator=indicator, user=None, measured_on=day, value=Decimal(3))
    assert error.value.code == "date_range"
    with pytest.raises(MeasurementError) as error:
        add_milestone(team=world.team_a, happened_on=day, text="Oppstart")
    assert error.value.code == "date_range"
    assert not Measurement.objects.exists() and not TeamMilestone.objects.exists()
