"""The ranges of dates a person may give (mentornett.dates): counted from
today each time, named in the page's language, and given to the browser's
date picker."""

from datetime import date

import pytest
from freezegun import freeze_time

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from mentornett.dates import BOOKING, PAST_RECORD, DateRange
from mentornett.formatting import long_date
from mentornett.forms import DateRangeField


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
