"""The refusal of a date outside its range, written out in Bokmål by hand,
so the tests do not build it with the code they test."""

from datetime import date

from django.utils import timezone

from mentornett.dates import add_months

MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember"]  # fmt: skip


def bokmaal(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def between(first: date | None = None, *, months_ahead: int = 0) -> str:
    """The refusal for a range from `first` (today when None) to `months_ahead` after today."""
    today = timezone.localdate()
    last = add_months(today, months_ahead)
    return f"Velg en dato mellom {bokmaal(first or today)} og {bokmaal(last)}."
