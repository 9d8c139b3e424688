"""Calendar arithmetic the apps share, and the range of dates a person may
give for each kind of date.

A range runs from a fixed first day (or today) to a number of months after
today, both days included; it is counted from today each time it is used.
Forms refuse a date outside it (mentornett.forms.limit_dates, which also gives
the browser's date picker its min and max) and so do the services that take
the date, and the models' clean() for dates set in the admin, so no path
stores 1 January 1900 or 31 December 9999. Why each range is what it is:
README, "Dates people give"."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .formatting import long_date


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier when negative), or the month's last
    day when it is shorter: 31 January + 1 month is 28 (or 29) February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


DATE_RANGE_CODE = "date_range"


@dataclass(frozen=True)
class DateRange:
    """`first` None means today. Called with a date, it is a validator."""

    first: date | None
    months_ahead: int = 0

    def bounds(self, today: date | None = None) -> tuple[date, date]:
        today = today or timezone.localdate()
        return self.first or today, add_months(today, self.months_ahead)

    def problem(self, day: date, today: date | None = None) -> str | None:
        """The sentence to show when `day` is outside the range, else None."""
        first, last = self.bounds(today)
        if first <= day <= last:
            return None
        return _("Choose a date between %(first)s and %(last)s.") % {
            "first": long_date(first),
            "last": long_date(last),
        }

    def __call__(self, day: date) -> None:
        problem = self.problem(day)
        if problem:
            raise ValidationError(problem, code=DATE_RANGE_CODE)

    def errors(self, **values: date | datetime | None) -> dict[str, str]:
        """For a model's clean(): the refusal by field of each date or time
        outside the range. A time counts by its own date (the admin's are
        local), which spares converting 31 December 9999 23:30."""
        errors = {}
        for name, value in values.items():
            day = value.date() if isinstance(value, datetime) else value
            if day is not None and (problem := self.problem(day)):
                errors[name] = problem
        return errors


# Mentornett began in the 2020s (the mentor scheme's pilot in 2024): nothing
# it records is older than 2020.
SCHEME_START = date(2020, 1, 1)
# A team's baseline may count years before it joined a learning network.
TEAM_HISTORY_START = date(2015, 1, 1)

# Something that has happened: a claimed cost, a start-up conversation, a
# guide's last review.
PAST_RECORD = DateRange(SCHEME_START)
# An application's planned period and reverse ride-along, an insemination
# course's job start: sent months ahead, running up to a year.
SCHEME_PLAN = DateRange(SCHEME_START, months_ahead=36)
# A student's week at a MentorHub: registered after the week or ahead of it.
HUB_WEEK = DateRange(SCHEME_START, months_ahead=12)
# Borrowing equipment: from today, at most two years ahead.
BOOKING = DateRange(None, months_ahead=24)
# A value a team has measured.
TEAM_MEASUREMENT = DateRange(TEAM_HISTORY_START)
# A team's milestone on its charts: one that has happened, or a planned one.
TEAM_MILESTONE = DateRange(TEAM_HISTORY_START, months_ahead=60)
# What editors and the programme office set in the admin: an event's times, a
# learning network's period, the day a rules version takes effect.
PROGRAMME_PLAN = DateRange(SCHEME_START, months_ahead=60)
