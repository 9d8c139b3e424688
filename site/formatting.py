"""Amounts, distances, dates and durations as people read them, in the active language.
Templates reach these through the filters in mentornett.templatetags.mentornett
(`money`, `km`, `short_date`, `short_datetime`, `day_month`, `about_hours`); Python
code that writes text (messages, PDFs, e-mails) calls them directly.

- Distances: whole kilometres, "1 148 km" ("1,148 km" in English).
- Money: whole kroner, "39 354 kr" in Bokmål (no-break spaces, so the amount
  never wraps) and "NOK 39,354" in English.
- Long dates, for a sentence that names a day: "1. januar 2020", "1 January
  2020".
- Short dates: Django's "M" capitalises the month ("17. Des 2026") and its
  Bokmål "N" abbreviates short months ("jun."), so the months are our own,
  as Bokmål writes them: "17. des. 2026", "3. mai 2026"; "17 Dec 2026" in English.
"""

from datetime import date, datetime

from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext, pgettext, pgettext_lazy

NO_BREAK_SPACE = "\N{NO-BREAK SPACE}"

MONTH_ABBREVIATIONS = {
    1: pgettext_lazy("month abbreviation", "Jan"),
    2: pgettext_lazy("month abbreviation", "Feb"),
    3: pgettext_lazy("month abbreviation", "Mar"),
    4: pgettext_lazy("month abbreviation", "Apr"),
    5: pgettext_lazy("month abbreviation", "May"),
    6: pgettext_lazy("month abbreviation", "Jun"),
    7: pgettext_lazy("month abbreviation", "Jul"),
    8: pgettext_lazy("month abbreviation", "Aug"),
    9: pgettext_lazy("month abbreviation", "Sep"),
    10: pgettext_lazy("month abbreviation", "Oct"),
    11: pgettext_lazy("month abbreviation", "Nov"),
    12: pgettext_lazy("month abbreviation", "Dec"),
}


def format_kroner(amount: int) -> str:
    """4000 -> "4 000 kr" in Bokmål, "NOK 4,000" in English; no-break spaces."""
    digits = number_format(amount, decimal_pos=0, use_l10n=True, force_grouping=True)
    # The translated pattern ("%(amount)s kr") must not wrap either.
    pattern = gettext("NOK %(amount)s").replace(" ", NO_BREAK_SPACE)
    return pattern % {"amount": digits.replace(" ", NO_BREAK_SPACE)}


def kilometres(km: float) -> str:
    """A distance in whole kilometres: "38 km", "1 148 km" in Bokmål with
    no-break spaces, "1,148 km" in English. Never "0 km" for two places that
    are apart: under half a kilometre reads "1 km"."""
    whole = max(1, int(km + 0.5))  # half up: 38.5 km reads "39 km"
    digits = number_format(whole, decimal_pos=0, use_l10n=True, force_grouping=True)
    pattern = gettext("%(km)s km").replace(" ", NO_BREAK_SPACE)
    return pattern % {"km": digits.replace(" ", NO_BREAK_SPACE)}


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def long_date(value: date | datetime) -> str:
    """1 January 2020 -> "1. januar 2020" (Bokmål), "1 January 2020" (English)."""
    value = _local(value)
    return pgettext("long date", "%(day)s %(month)s %(year)s") % {
        "day": value.day,
        "month": MONTHS[value.month],
        "year": value.year,
    }


def short_date(value: date | datetime) -> str:
    """17 December 2026 -> "17. des. 2026" (Bokmål), "17 Dec 2026" (English)."""
    value = _local(value)
    return pgettext("short date", "%(day)s %(month)s %(year)s") % {
        "day": value.day,
        "month": MONTH_ABBREVIATIONS[value.month],
        "year": value.year,
    }


def day_month(value: date | datetime) -> str:
    """The short date without the year: "17. des.", "17 Dec"."""
    value = _local(value)
    return pgettext("short date without the year", "%(day)s %(month)s") % {
        "day": value.day,
        "month": MONTH_ABBREVIATIONS[value.month],
    }


def month_year(value: date | datetime) -> str:
    """The month and year, abbreviated: "des. 2026", "Dec 2026"."""
    value = _local(value)
    return pgettext("short month and year", "%(month)s %(year)s") % {
        "month": MONTH_ABBREVIATIONS[value.month],
        "year": value.year,
    }


def clock_time(value: datetime) -> str:
    """The local time of day: "14:30"."""
    return _local(value).strftime("%H:%M")


def short_datetime(value: datetime, *, seconds: bool = False) -> str:
    """The short date with the local time: "17. des. 2026 14:30"."""
    value = _local(value)
    time = value.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{short_date(value)} {time}"


def about_hours(hours) -> str:
    """A course's workload: "ca. 1 time", "ca. 1,5 timer"; "about 2 hours"."""
    number = floatformat(hours, "-1")
    # gettext's plural forms take whole numbers; a fraction of an hour reads
    # as plural in Bokmål and English alike ("1,5 timer", "1.5 hours").
    count = int(hours) if float(hours).is_integer() else 2
    return ngettext("about %(hours)s hour", "about %(hours)s hours", count) % {"hours": number}
