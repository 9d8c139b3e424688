from datetime import date
from decimal import Decimal

import pytest

from network.errors import MeasurementError
from network.models import Measurement
from network.services import add_indicator, record_value


@pytest.mark.django_db
class TestMeasurements:
    def test_a_proportion_needs_its_denominator(self, world):
        indicator = add_indicator(
            team=world.team_a,
            user=world.coordinator_a,
            name="Nyansatte som slutter",
            unit="sluttet",
            better="lower",
            denominator_label="nyansatte",
        )
        with pytest.raises(MeasurementError) as error:
            record_value(
                indicator=indicator, user=None, measured_on=date(2026, 1, 1), value=Decimal(2)
            )
        assert error.value.code == "denominator"
        with pytest.raises(MeasurementError) as error:
            record_value(
                indicator=indicator,
                user=None,
                measured_on=date(2026, 1, 1),
                value=Decimal(30),
                denominator=Decimal(22),
            )
        assert error.value.code == "over"
        point = record_value(
            indicator=indicator,
            user=None,
            measured_on=date(2026, 1, 1),
            value=Decimal(2),
            denominator=Decimal(22),
            is_baseline=True,
        )
        assert round(point.percentage) == 9

    def test_a_second_value_for_the_same_day_replaces_the_first(self, world):
        indicator = add_indicator(
            team=world.team_a, user=None, name="Søkere", unit="søkere", better="higher"
        )
        for value in (3, 4):
            record_value(
                indicator=indicator, user=None, measured_on=date(2026, 2, 1), value=Decimal(value)
            )
        assert list(Measurement.objects.values_list("value", flat=True)) == [Decimal(4)]

    def test_a_plain_number_drops_a_denominator(self, world):
        indicator = add_indicator(
            team=world.team_a, user=None, name="Søkere", unit="søkere", better="higher"
        )
        point = record_value(
            indicator=indicator,
            user=None,
            measured_on=date(2026, 2, 1),
            value=Decimal(3),
            denominator=Decimal(10),
        )
        assert point.denominator is None

    def test_the_same_name_twice_is_refused(self, world):
        add_indicator(team=world.team_a, user=None, name="Søkere", unit="s", better="higher")
        with pytest.raises(MeasurementError):
            add_indicator(team=world.team_a, user=None, name="Søkere", unit="s", better="higher")
