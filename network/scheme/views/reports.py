"""Reporting for the mentor scheme: the programme office's dashboard and the
CSV of completed relationships for the grant authority, and a municipality
contact's read-only summary. Anyone else gets 404."""

import csv
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from mentornett.spreadsheets import spreadsheet_safe

from .. import permissions, reports
from ..selectors import CATEGORIES, Money


def _year(request, *, warn: bool) -> int | None:
    """The year filter; anything that is not a plausible year is ignored."""
    value = request.GET.get("year", "").strip()
    if not value:
        return None
    # Not str.isdigit(): it accepts "²", which int() refuses.
    if re.fullmatch(r"[0-9]{4}", value) and 2000 <= int(value) <= 2100:
        return int(value)
    if warn:
        messages.warning(
            request, _("“%(year)s” is not a year. Showing all years.") % {"year": value[:20]}
        )
    return None


def _office(request) -> None:
    if not permissions.can_view_scheme_reports(request.user):
        raise Http404


@login_required
def dashboard(request):
    _office(request)
    year = _year(request, warn=True)
    return render(
        request,
        "network/scheme/report.html",
        {
            "year": year,
            "years": reports.relationship_years(),
            "by_type": reports.relationships_by_type_and_year(),
            "satisfaction_headers": [_("Role"), _("Average (1–5)"), _("Answers")],
            "satisfaction_rows": [
                [row.label, _average(row.average), row.count]
                for row in reports.satisfaction_by_role(year=year)
            ],
            "satisfaction_type_headers": [
                _("Relationship type"),
                _("Role"),
                _("Average (1–5)"),
                _("Answers"),
            ],
            "satisfaction_type_rows": [
                [row.kind_label, row.label, _average(row.average), row.count]
                for row in reports.satisfaction_by_type(year=year)
            ],
            "categories": reports.totals_by_category(year=year),
        },
    )


def _average(value: float | None) -> str:
    return "–" if value is None else number_format(value, 1)


def _amount(value: int | None) -> str:
    return "" if value is None else str(value)


@login_required
def completed_csv(request):
    """Semicolon-separated UTF-8 with a byte-order mark, which Excel with
    Norwegian settings opens as columns; amounts are plain whole kroner."""
    _office(request)
    year = _year(request, warn=False)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"fullforte-mentorforhold-{year}" if year else "fullforte-mentorforhold"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    money_headers = []
    for category in CATEGORIES:
        label = Money(category).label
        money_headers += [
            _("%(category)s: granted") % {"category": label},
            _("%(category)s: approved") % {"category": label},
            _("%(category)s: paid") % {"category": label},
        ]
    writer.writerow(
        [
            _("Application"),
            _("Relationship type"),
            _("Status"),
            _("Municipality"),
            _("Municipality number"),
            _("County"),
            _("Mentor"),
            _("Mentee"),
            _("Starts"),
            _("Ends"),
            _("Rules version"),
            *money_headers,
            _("Granted in all"),
            _("Approved in all"),
            _("Paid in all"),
            _("Payout recorded"),
        ]
    )
    for row in reports.completed_relationships(year=year):
        application = row.application
        municipality = application.municipality
        amounts = []
        for category in CATEGORIES:
            money = row.money[category]
            approved = None if category == reports.MENTOR_FEE else money.approved
            amounts += [_amount(money.granted), _amount(approved), _amount(money.paid)]
        writer.writerow(
            [
                application.pk,
                application.get_kind_display(),
                application.get_status_display(),
                spreadsheet_safe(municipality.name) if municipality else "",
                municipality.number if municipality else "",
                spreadsheet_safe(municipality.county) if municipality else "",
                spreadsheet_safe(application.mentor.display_name if application.mentor else "–"),
                spreadsheet_safe(application.mentee.display_name if application.mentee else "–"),
                application.starts_on.isoformat() if application.starts_on else "",
                application.ends_on.isoformat() if application.ends_on else "",
                application.rules.version if application.rules else "",
                *amounts,
                row.total_granted,
                row.total_approved,
                row.total_paid,
                row.payout_on.isoformat() if row.payout_on else "",
            ]
        )
    return response


@login_required
def municipality_summary(request):
    summaries = reports.municipality_summaries(
        permissions.contact_municipalities(request.user).order_by("name")
    )
    if not summaries:
        raise Http404
    sections = [
        (
            summary,
            _("Relationships in %(municipality)s") % {"municipality": summary.municipality.name},
            [
                [row.kind_label, _period(row), row.phase, row.mentor, row.mentee]
                for row in summary.rows
            ],
        )
        for summary in summaries
    ]
    return render(
        request,
        "network/scheme/municipality_summary.html",
        {
            "sections": sections,
            "headers": [_("Relationship type"), _("Period"), _("Status"), _("Mentor"), _("Mentee")],
        },
    )


def _period(row) -> str:
    dates = [date_format(d, "j.n.Y") if d else "–" for d in (row.starts_on, row.ends_on)]
    return " – ".join(dates)
