"""How amounts, distances, dates and workloads read in Bokmål and in English
(mentornett.formatting and its template filters)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from django.template import Context, Template
from django.utils import translation

from mentornett.formatting import (
    about_hours,
    day_month,
    format_kroner,
    kilometres,
    month_year,
    short_date,
)

NBSP = "\N{NO-BREAK SPACE}"


def render(source, **context):
    return Template("{% load mentornett %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("amount", "nb", "en"),
    [
        (0, "0 kr", "NOK 0"),
        (500, "500 kr", "NOK 500"),
        (4000, "4 000 kr", "NOK 4,000"),
        (39354, "39 354 kr", "NOK 39,354"),
        (1234567, "1 234 567 kr", "NOK 1,234,567"),
    ],
)
def test_money_puts_kroner_after_the_amount_in_bokmaal_and_nok_before_it_in_english(amount, nb, en):
    assert format_kroner(amount) == nb.replace(" ", NBSP)
    with translation.override("en"):
        assert format_kroner(amount) == en.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("km", "nb", "en"),
    [
        (0.3, "1 km", "1 km"),
        (38.4, "38 km", "38 km"),
        (38.5, "39 km", "39 km"),
        (1147.96, "1 148 km", "1,148 km"),
    ],
)
def test_distance_reads_in_whole_kilometres_that_never_wrap(km, nb, en):
    assert kilometres(km) == nb.replace(" ", NBSP)
    with translation.override("en"):
        assert kilometres(km) == en.replace(" ", NBSP)


def test_km_filter():
    assert render("{{ d|km }}", d=1147.96) == f"1{NBSP}148{NBSP}km"
    assert render("[{{ d|km }}]", d=None) == "[]"


def test_money_filter_formats_every_amount_the_same_way():
    text = render("{{ a|money }} {{ b|money }}", a=16000, b=4000)
    assert text == f"16{NBSP}000{NBSP}kr 4{NBSP}000{NBSP}kr"
    assert render("[{{ a|money }}]", a=None) == "[]"


@pytest.mark.parametrize(
    ("day", "nb", "en"),
    [
        (date(2026, 12, 17), "17. des. 2026", "17 Dec 2026"),
        (date(2026, 1, 5), "5. jan. 2026", "5 Jan 2026"),
        (date(2026, 3, 3), "3. mars 2026", "3 Mar 2026"),
        (date(2026, 5, 1), "1. mai 2026", "1 May 2026"),
        (date(2026, 6, 30), "30. juni 2026", "30 Jun 2026"),
        (date(2026, 7, 1), "1. juli 2026", "1 Jul 2026"),
        (date(2026, 9, 9), "9. sep. 2026", "9 Sep 2026"),
    ],
)
def test_short_dates_abbreviate_months_in_lower_case_as_bokmaal_does(day, nb, en):
    assert short_date(day) == nb
    assert render("{{ d|short_date }}", d=day) == nb
    with translation.override("en"):
        assert short_date(day) == en


def test_short_dates_of_moments_are_in_norwegian_time():
    moment = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert short_date(moment) == "1. jan. 2027"
    assert render("{{ m|short_datetime }}", m=moment) == "1. jan. 2027 00:30"
    assert render('{{ m|short_datetime:"seconds" }}', m=moment) == "1. jan. 2027 00:30:00"


def test_day_month_and_month_year_keep_the_same_abbreviations():
    assert day_month(date(2026, 12, 17)) == "17. des."
    assert month_year(date(2026, 12, 17)) == "des. 2026"
    with translation.override("en"):
        assert day_month(date(2026, 12, 17)) == "17 Dec"
        assert month_year(date(2026, 12, 17)) == "Dec 2026"


@pytest.mark.parametrize(
    ("hours", "nb", "en"),
    [
        (1, "ca. 1 time", "about 1 hour"),
        (Decimal("1.0"), "ca. 1 time", "about 1 hour"),
        (Decimal("1.5"), "ca. 1,5 timer", "about 1.5 hours"),
        (Decimal("0.5"), "ca. 0,5 timer", "about 0.5 hours"),
        (2, "ca. 2 timer", "about 2 hours"),
    ],
)
def test_a_course_workload_takes_the_plural_only_when_it_is_not_one_hour(hours, nb, en):
    assert about_hours(hours) == nb
    assert render("{{ h|about_hours }}", h=hours) == nb
    with translation.override("en"):
        assert about_hours(hours) == en
