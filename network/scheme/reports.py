"""Read-only figures for the mentor scheme: the office's dashboard, the CSV for
the grant authority and a municipality contact's summary. Every function makes
a fixed number of queries, however many relationships there are.

A relationship is an application from granted onward; a completed one has
been evaluated or paid. Years are the year of the planned start. Money is
whole kroner; rejected claims count nowhere (see `claim_totals`)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from network.models import (
    Application,
    ApplicationStatus,
    Evaluation,
    Payout,
    RelationshipKind,
    SchemeRole,
)

from .selectors import CATEGORIES, Money, claim_totals, granted_by_category, support_for
from .support import COURSE_FEE, MENTOR_FEE

S = ApplicationStatus
RELATIONSHIP_STATUSES = (S.GRANTED, S.ACTIVE, S.ENDED, S.EVALUATED, S.PAID)
COMPLETED_STATUSES = (S.EVALUATED, S.PAID)


def relationships(*, year: int | None = None):
    queryset = Application.objects.filter(status__in=RELATIONSHIP_STATUSES)
    if year is not None:
        queryset = queryset.filter(starts_on__year=year)
    return queryset


def relationship_years() -> list[int]:
    """The start years that have relationships, oldest first."""
    return sorted(
        set(
            relationships()
            .filter(starts_on__isnull=False)
            .annotate(year=ExtractYear("starts_on"))
            .order_by()
            .values_list("year", flat=True)
            .distinct()
        )
    )


# --- relationships by type and year ------------------------------------------------------


@dataclass
class TypeRow:
    kind: str
    label: str | Promise
    counts: list[int]
    total: int
    percent: int = 0  # of the largest row, for the bar


@dataclass
class TypeYearTable:
    years: list[int]
    rows: list[TypeRow]
    totals: list[int]
    total: int


def relationships_by_type_and_year() -> TypeYearTable:
    """Rows per relationship type, columns per start year, with totals, as in
    the pilot report's table. Every type has a row, even with no relationships."""
    counts = defaultdict(int)
    for row in (
        relationships()
        .filter(starts_on__isnull=False)
        .annotate(year=ExtractYear("starts_on"))
        .values("kind", "year")
        .annotate(n=Count("pk"))
    ):
        counts[row["kind"], row["year"]] += row["n"]
    years = sorted({year for _kind, year in counts})
    rows = []
    for kind in RelationshipKind:
        by_year = [counts[kind.value, year] for year in years]
        rows.append(TypeRow(kind.value, kind.label, by_year, sum(by_year)))
    largest = max((row.total for row in rows), default=0)
    for row in rows:
        row.percent = round(row.total * 100 / largest) if largest else 0
    totals = [sum(row.counts[i] for row in rows) for i in range(len(years))]
    return TypeYearTable(years, rows, totals, sum(totals))


# --- satisfaction ------------------------------------------------------------------------


@dataclass
class Satisfaction:
    role: str
    label: str | Promise
    average: float | None
    count: int
    kind: str = ""
    kind_label: str | Promise = ""


def _average(value) -> float | None:
    return None if value is None else round(float(value), 1)


def satisfaction_by_role(*, year: int | None = None) -> list[Satisfaction]:
    """Average answer (1–5, to one decimal) to "How satisfied were you with
    the mentor scheme?", and how many answered, for mentors and mentees."""
    rows = {
        row["role"]: row
        for row in Evaluation.objects.filter(application__in=relationships(year=year))
        .values("role")
        .annotate(average=Avg("satisfaction"), count=Count("pk"))
    }
    return [
        Satisfaction(
            role.value,
            role.label,
            _average(rows.get(role.value, {}).get("average")),
            rows.get(role.value, {}).get("count", 0),
        )
        for role in SchemeRole
    ]


def satisfaction_by_type(*, year: int | None = None) -> list[Satisfaction]:
    """As `satisfaction_by_role`, per relationship type; types with no answers
    are left out."""
    rows = {
        (row["application__kind"], row["role"]): row
        for row in Evaluation.objects.filter(application__in=relationships(year=year))
        .values("application__kind", "role")
        .annotate(average=Avg("satisfaction"), count=Count("pk"))
    }
    result = []
    for kind in RelationshipKind:
        for role in SchemeRole:
            row = rows.get((kind.value, role.value))
            if row:
                result.append(
                    Satisfaction(
                        role.value,
                        role.label,
                        _average(row["average"]),
                        row["count"],
                        kind.value,
                        kind.label,
                    )
                )
    return result


# --- money -------------------------------------------------------------------------------


def _with_rules(queryset):
    # support_for() makes no queries when the rates come prefetched.
    return queryset.select_related("rules").prefetch_related(
        "rules__relationship_rules", "rules__course_fee_rules"
    )


def _granted(application) -> dict[str, int]:
    """The caps of the grant. A relationship without a rules version (never
    granted through the office) or whose type its version lacks counts
    nothing as granted, rather than costing a query or an error."""
    if application.rules_id is None:
        return {}
    try:
        return granted_by_category(support_for(application))
    except ValueError:
        return {}


@dataclass
class CategoryTotal(Money):
    percent_paid: int = 0  # paid of granted, for the bar; 0 without a grant


def totals_by_category(*, year: int | None = None) -> list[CategoryTotal]:
    """Granted, claimed, approved and paid per category over the relationships
    (starting in `year`). The mentor's fee is granted and paid with the
    payout, never claimed; course fees have no cap of their own to grant."""
    applications = list(_with_rules(relationships(year=year)))
    granted = defaultdict(int)
    for application in applications:
        for category, amount in _granted(application).items():
            granted[category] += amount
    claimed = defaultdict(lambda: defaultdict(int))
    for (_application_id, category), sums in claim_totals(
        relationships(year=year).values("pk")
    ).items():
        for key, value in sums.items():
            claimed[category][key] += value
    mentor_fees = Payout.objects.filter(application__in=relationships(year=year)).aggregate(
        paid=Sum("mentor_fee")
    )["paid"]

    rows = []
    for category in CATEGORIES:
        money = CategoryTotal(
            category, granted=None if category == COURSE_FEE else granted.get(category, 0)
        )
        if category == MENTOR_FEE:
            money.paid = mentor_fees or 0
        else:
            for key, value in claimed[category].items():
                setattr(money, key, value)
        if money.granted:
            money.percent_paid = min(round(money.paid * 100 / money.granted), 100)
        rows.append(money)
    return rows


@dataclass
class CompletedRow:
    application: Application
    money: dict[str, Money] = field(default_factory=dict)

    @property
    def payout_on(self) -> date | None:
        payout = getattr(self.application, "payout", None)
        return timezone.localdate(payout.recorded_at) if payout else None

    @property
    def total_granted(self) -> int:
        return sum(m.granted or 0 for m in self.money.values())

    @property
    def total_approved(self) -> int:
        return sum(m.approved for m in self.money.values())

    @property
    def total_paid(self) -> int:
        return sum(m.paid for m in self.money.values())


def completed_relationships(*, year: int | None = None) -> list[CompletedRow]:
    """Evaluated and paid relationships (starting in `year`) with their money
    per category, for the grant authority. An evaluated one has no payout
    date yet. The mentor's fee has no approved amount: it is not claimed."""
    completed = relationships(year=year).filter(status__in=COMPLETED_STATUSES)
    applications = list(
        _with_rules(completed)
        .select_related("mentor", "mentee", "municipality", "payout")
        .order_by("starts_on", "pk")
    )
    totals = claim_totals(completed.values("pk"))
    rows = []
    for application in applications:
        granted = _granted(application)
        payout = getattr(application, "payout", None)
        row = CompletedRow(application)
        for category in CATEGORIES:
            money = Money(category, granted=granted.get(category))
            if category == MENTOR_FEE:
                money.paid = payout.mentor_fee if payout else 0
            else:
                for key, value in totals.get((application.pk, category), {}).items():
                    setattr(money, key, value)
            row.money[category] = money
        rows.append(row)
    return rows


# --- a municipality's summary ------------------------------------------------------------

# What a municipality contact is told of the status: whether it has started,
# not how far the paperwork or the money has come.
PHASES = {
    S.GRANTED: _("Granted, not started"),
    S.ACTIVE: _("Running"),
    S.ENDED: _("Ended"),
    S.EVALUATED: _("Ended"),
    S.PAID: _("Ended"),
}


@dataclass
class SummaryRow:
    kind: str
    kind_label: str | Promise
    starts_on: date | None
    ends_on: date | None
    phase: str | Promise
    running: bool
    mentor: str
    mentee: str


@dataclass
class MunicipalitySummary:
    municipality: object
    rows: list[SummaryRow]
    counts: list[tuple[str | Promise, int]]  # (type, relationships) for every type

    @property
    def total(self) -> int:
        return len(self.rows)


def municipality_summaries(municipalities) -> list[MunicipalitySummary]:
    """The relationships of each municipality: type, period, phase and the two
    people. No money and no evaluations. One query for all of them."""
    municipalities = list(municipalities)
    by_municipality = defaultdict(list)
    for application in (
        relationships()
        .filter(municipality__in=municipalities)
        .select_related("mentor", "mentee")
        .order_by("-starts_on", "pk")
    ):
        by_municipality[application.municipality_id].append(
            SummaryRow(
                application.kind,
                application.get_kind_display(),
                application.starts_on,
                application.ends_on,
                PHASES[application.status],
                application.status == S.ACTIVE,
                application.mentor.display_name if application.mentor else "–",
                application.mentee.display_name if application.mentee else "–",
            )
        )
    summaries = []
    for municipality in municipalities:
        rows = by_municipality[municipality.pk]
        counts = [
            (kind.label, sum(1 for row in rows if row.kind == kind.value))
            for kind in RelationshipKind
        ]
        summaries.append(MunicipalitySummary(municipality, rows, counts))
    return summaries


def municipality_summary(municipality) -> MunicipalitySummary:
    return municipality_summaries([municipality])[0]
