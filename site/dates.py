"""Calendar arithmetic the apps share."""

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day `months` later (earlier when negative), or the month's last
    day when it is shorter: 31 January + 1 month is 28 (or 29) February."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
