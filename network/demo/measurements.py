"""Sarpsborg's measurements: two indicators with a year of monthly values
from a baseline, and the team's milestones."""

from datetime import date, timedelta
from decimal import Decimal

from ..models import Better, Indicator, TeamMilestone
from ..services import add_indicator, add_milestone, record_value
from .gatherings import GATHERINGS, gathering_days


def _months_ago(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


# Monthly values, oldest first; each counts the last twelve months. The first is
# the baseline from before the mentor programme.
QUIT_WITHIN_A_YEAR = [
    (9, 18), (9, 18), (9, 19), (10, 20), (9, 20), (9, 21), (8, 21),
    (7, 21), (6, 22), (5, 22), (4, 22), (3, 22), (2, 22),
]  # fmt: skip
APPLICANTS_PER_POSTING = [
    "1.5", "1.5", "1", "2", "1.5", "1", "2", "2.5", "3", "2.5", "3.5", "4", "3.5",
]  # fmt: skip
PROGRAMME_STARTED_MONTHS_AGO = 7


def _indicator(team, user, name, unit, better, denominator_label=""):
    """The team's indicator and whether it was made now."""
    existing = Indicator.objects.filter(team=team, name=name).first()
    if existing is not None:
        return existing, False
    indicator = add_indicator(
        team=team,
        user=user,
        name=name,
        unit=unit,
        better=better,
        denominator_label=denominator_label,
    )
    return indicator, True


def build_measurements(team, user, today: date):
    months = len(QUIT_WITHIN_A_YEAR)
    quit_rate, created = _indicator(
        team,
        user,
        "Nyansatte sykepleiere som slutter innen ett år",
        "sluttet",
        Better.LOWER,
        denominator_label="nyansatte",
    )
    if created:
        for number, (value, hired) in enumerate(QUIT_WITHIN_A_YEAR):
            record_value(
                indicator=quit_rate,
                user=user,
                measured_on=_months_ago(today, months - number),
                value=Decimal(value),
                denominator=Decimal(hired),
                is_baseline=number == 0,
                note="Tall fra HR for året før mentorprogrammet" if number == 0 else "",
            )
    applicants, created = _indicator(
        team, user, "Søkere per utlyst stilling", "søkere", Better.HIGHER
    )
    if created:
        for number, value in enumerate(APPLICANTS_PER_POSTING):
            record_value(
                indicator=applicants,
                user=user,
                measured_on=_months_ago(today, months - number),
                value=Decimal(value),
                is_baseline=number == 0,
            )
    programme_started = _months_ago(today, PROGRAMME_STARTED_MONTHS_AGO) + timedelta(days=14)
    milestones = [
        (programme_started, "Mentorprogram startet"),
        (gathering_days(GATHERINGS[0], today)[0], "Oppstart i læringsnettverket"),
    ]
    for happened_on, text in milestones:
        if not TeamMilestone.objects.filter(team=team, text=text).exists():
            add_milestone(team=team, happened_on=happened_on, text=text)
