"""The ranges of dates a person may give (mentornett.dates): counted from
today each time, named in the page's language, and given to the browser's
date picker; and the dates editors set in the admin, refused by the models'
clean() (which Wagtail's forms and every page save call)."""

from datetime import UTC, date, datetime

import pytest
from freezegun import freeze_time

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from mentornett.dates import BOOKING, PAST_RECORD, DateRange
from mentornett.formatting import long_date
from mentornett.forms import DateRangeField
from network.models import SchemeRules
from tests.date_ranges import between


class BookingForm(forms.Form):
    day = DateRangeField(dates=BOOKING)


def test_long_dates_read_as_each_language_writes_them():
    assert long_date(date(2020, 1, 1)) == "1. januar 2020"
    with translation.override("en"):
        assert long_date(date(2026, 12, 7)) == "7 December 2026"


@freeze_time("2026-12-07 12:00")
@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2019, 12, 31), date(9999, 12, 31)])
def test_a_date_outside_the_range_is_refused_with_the_range_in_the_language(day):
    assert PAST_RECORD.problem(day) == "Velg en dato mellom 1. januar 2020 og 7. desember 2026."
    with translation.override("en"):
        assert PAST_RECORD.problem(day) == (
            "Choose a date between 1 January 2020 and 7 December 2026."
        )
    with pytest.raises(ValidationError) as error:
        PAST_RECORD(day)
    assert error.value.code == "date_range"


@freeze_time("2026-12-07 12:00")
def test_both_ends_are_in_the_range():
    assert PAST_RECORD.problem(date(2020, 1, 1)) is None
    assert PAST_RECORD.problem(date(2026, 12, 7)) is None
    assert BOOKING.bounds() == (date(2026, 12, 7), date(2028, 12, 7))
    assert DateRange(None, months_ahead=24).bounds(date(2028, 2, 29)) == (
        date(2028, 2, 29),
        date(2030, 2, 28),
    )


def test_the_range_moves_with_the_day_the_form_is_shown_and_sent():
    with freeze_time("2026-12-07 12:00"):
        html = str(BookingForm()["day"])
        assert 'min="2026-12-07"' in html and 'max="2028-12-07"' in html
        assert BookingForm({"day": "2028-12-08"}).errors["day"] == [
            "Velg en dato mellom 7. desember 2026 og 7. desember 2028."
        ]
    with freeze_time("2027-03-01 12:00"):
        html = str(BookingForm()["day"])
        assert 'min="2027-03-01"' in html and 'max="2029-03-01"' in html
        assert BookingForm({"day": "2028-12-08"}).is_valid()


def test_a_refused_date_stays_in_the_form_as_typed():
    form = BookingForm({"day": "9999-12-31"})
    assert not form.is_valid()
    assert 'value="9999-12-31"' in str(form["day"])


EARLIEST = date(2020, 1, 1)


@pytest.mark.django_db
def test_an_event_in_1900_or_until_9999_is_refused_on_each_time(make_event):
    event = make_event()
    event.starts_at = datetime(1900, 1, 1, 10, tzinfo=UTC)
    event.ends_at = datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    event.registration_closes_at = datetime(1900, 1, 1, 9, tzinfo=UTC)
    with pytest.raises(ValidationError) as error:
        event.save()
    assert error.value.message_dict == {
        "starts_at": [between(EARLIEST, months_ahead=60)],
        "ends_at": [between(EARLIEST, months_ahead=60)],
        "registration_closes_at": [between(EARLIEST, months_ahead=60)],
    }


@pytest.mark.django_db
def test_a_learning_network_period_from_1900_is_refused(network_team):
    network = network_team.network
    network.starts_on, network.ends_on = date(1900, 1, 1), date(2027, 6, 30)
    with pytest.raises(ValidationError) as error:
        network.save()
    assert error.value.message_dict == {"starts_on": [between(EARLIEST, months_ahead=60)]}


@pytest.mark.django_db
def test_a_guide_reviewed_in_9999_is_refused(make_guide):
    with pytest.raises(ValidationError) as error:
        make_guide(last_reviewed=date(9999, 12, 31))
    assert error.value.message_dict == {"last_reviewed": [between(EARLIEST)]}


def test_a_rules_version_from_9999_is_refused():
    with pytest.raises(ValidationError) as error:
        SchemeRules(version="9.9", valid_from=date(9999, 12, 31)).clean()
    assert error.value.message_dict == {"valid_from": [between(EARLIEST, months_ahead=60)]}
