"""The most the mentor scheme pays for one relationship or course, worked out
from a version of the rules (`SchemeRules`). Pure calculation: nothing is
written, and `maximum_support` and `course_fee_support` make no queries when
the rules come with `relationship_rules` and `course_fee_rules` prefetched (as
`rules_in_force` returns them).

The figures are maxima ("up to"); what is paid follows the report and the
documented costs. All amounts are whole kroner. Which lines a relationship
gets follows from which rates its rule has, not from its type:

- Per week (student placement): a week is 5 working days, Monday to Friday
  inclusive, with no holiday calendar (a public holiday on a weekday counts as
  a working day). The rate is paid pro rata per working day and rounded down:
  ``per_week * working_days // 5``. Housing per week is worked out the same way
  and, if the rule has a per-relationship housing amount, capped by it.
- Per month (temporary licence): months are calendar months counted from the
  start date (start 15 March: the first month ends 14 April; a start on the
  31st falls back to the month's last day, always counted from the start date
  so it does not drift). The first month pays `mentor_first_month`, each
  following month `mentor_following_month`, for at most
  `mentor_following_months_max` following months; months after that pay
  nothing. A final partial month is paid pro rata by its days out of the
  length of that month, rounded down; a period shorter than a month is such a
  partial first month. The sum is then capped at `mentor_cap`.
- Neither (authorised vet): `mentor_cap` as a flat "up to" amount, whatever
  the period.
- Housing per relationship (without a weekly rate) and travel: the caps.
- Practice stipend: `practice_stipend_per_week * reverse_ride_along_weeks`.
- No rates (MentorVet): no lines, total 0.

Every line is capped by its rule's cap where there is one, and the totals are
sums of the capped lines. In version 1.0 the mentee had no rates of their own;
instead up to `flexible_share_max_percent` of the mentor's grant (rounded
down) could cover housing, car, equipment and insurance, and at least
`mentor_share_min_percent` of it (rounded up, it being a minimum) had to be
the mentor's fee; both are given in `notes`.

Course fees: `support_percent` of the price (the rule's price unless another
is given), rounded down, capped by `support_cap` if set. A course without a
percent (the means-tested ones) is supported up to its price, capped likewise;
the office decides the actual amount.

A period that ends before it starts raises `ValueError` with a translated
message; a period ending the day it starts is one day. Amounts in text are
formatted by `mentornett.formatting.format_kroner`: "4 000 kr" in Bokmål and
"NOK 4,000" in English, with no-break spaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext, ngettext

from mentornett.dates import add_months
from mentornett.formatting import format_kroner
from network.models import (
    CourseFeeKind,
    CourseFeeRule,
    RelationshipKind,
    RelationshipRule,
    SchemeRules,
)

MENTOR = "mentor"
MENTEE = "mentee"

MENTOR_FEE = "mentor_fee"
HOUSING = "housing"
TRAVEL = "travel"
PRACTICE_STIPEND = "practice_stipend"
COURSE_FEE = "course_fee"


@dataclass(frozen=True)
class SupportLine:
    recipient: str  # MENTOR or MENTEE
    category: str  # MENTOR_FEE, HOUSING, TRAVEL, PRACTICE_STIPEND or COURSE_FEE
    label: str
    amount: int


@dataclass(frozen=True)
class Support:
    rules: SchemeRules
    lines: tuple[SupportLine, ...]
    mentor_total: int
    mentee_total: int
    total: int
    notes: tuple[str, ...]


def rules_in_force(on: date) -> SchemeRules | None:
    """The version that applies to an application made on `on`, with its rates
    prefetched; None before the first version."""
    return SchemeRules.objects.in_force(on)


def working_days(starts_on: date, ends_on: date) -> int:
    """Monday to Friday from `starts_on` to `ends_on`, both included. No
    holiday calendar: public holidays on weekdays count."""
    _check_period(starts_on, ends_on)
    days = (ends_on - starts_on).days + 1
    full_weeks, rest = divmod(days, 7)
    first_weekday = starts_on.weekday()
    return full_weeks * 5 + sum(1 for i in range(rest) if (first_weekday + i) % 7 < 5)


def maximum_support(
    *,
    rules: SchemeRules,
    kind: str,
    starts_on: date,
    ends_on: date,
    reverse_ride_along_weeks: int = 0,
) -> Support:
    """The most that can be granted for a relationship of `kind` over the
    period, under `rules`. See the module docstring for the rounding."""
    _check_period(starts_on, ends_on)
    if reverse_ride_along_weeks < 0:
        raise ValueError(gettext("The number of reverse ride-along weeks cannot be negative."))
    rule = _relationship_rule(rules, kind)

    lines = []
    mentor_fee = _mentor_fee(rule, starts_on, ends_on)
    if mentor_fee:
        lines.append(mentor_fee)
    housing = _housing(rule, starts_on, ends_on)
    if housing:
        lines.append(housing)
    if rule.mentee_travel_cap is not None:
        lines.append(
            SupportLine(
                MENTEE,
                TRAVEL,
                gettext("Travel (return, documented): up to %(cap)s")
                % {"cap": format_kroner(rule.mentee_travel_cap)},
                rule.mentee_travel_cap,
            )
        )
    if rule.practice_stipend_per_week is not None and reverse_ride_along_weeks:
        lines.append(
            SupportLine(
                MENTEE,
                PRACTICE_STIPEND,
                ngettext(
                    "Practice stipend: %(weeks)d week of reverse ride-along × %(rate)s",
                    "Practice stipend: %(weeks)d weeks of reverse ride-along × %(rate)s",
                    reverse_ride_along_weeks,
                )
                % {
                    "weeks": reverse_ride_along_weeks,
                    "rate": format_kroner(rule.practice_stipend_per_week),
                },
                rule.practice_stipend_per_week * reverse_ride_along_weeks,
            )
        )

    mentor_total = sum(line.amount for line in lines if line.recipient == MENTOR)
    mentee_total = sum(line.amount for line in lines if line.recipient == MENTEE)
    return Support(
        rules=rules,
        lines=tuple(lines),
        mentor_total=mentor_total,
        mentee_total=mentee_total,
        total=mentor_total + mentee_total,
        notes=tuple(_notes(rules, rule, mentor_total, has_lines=bool(lines))),
    )


def course_fee_support(*, rules: SchemeRules, course: str, price: int | None = None) -> int:
    """The most the scheme pays towards `course` under `rules`."""
    return _course_fee(rules, course, price)[1]


def course_fee_line(*, rules: SchemeRules, course: str, price: int | None = None) -> SupportLine:
    """`course_fee_support` as a line for the mentee, with a label."""
    rule, amount = _course_fee(rules, course, price)
    name = CourseFeeKind(rule.course).label
    if rule.support_percent is None:
        label = gettext("%(course)s: up to %(amount)s (means-tested)")
    else:
        label = gettext("%(course)s: %(percent)d %% of %(price)s, up to %(amount)s")
    return SupportLine(
        MENTEE,
        COURSE_FEE,
        label
        % {
            "course": name,
            "percent": rule.support_percent or 0,
            "price": format_kroner(price if price is not None else rule.price or 0),
            "amount": format_kroner(amount),
        },
        amount,
    )


def _check_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValueError(gettext("The period ends before it starts."))


def _relationship_rule(rules: SchemeRules, kind: str) -> RelationshipRule:
    if kind not in RelationshipKind.values:
        raise ValueError(gettext("Unknown relationship type: %(kind)s") % {"kind": kind})
    rule = rules.rule_for(kind)
    if rule is None:
        raise ValueError(
            gettext("%(kind)s is not part of version %(version)s of the mentor scheme.")
            % {"kind": RelationshipKind(kind).label, "version": rules.version}
        )
    return rule


def _course_fee(rules: SchemeRules, course: str, price: int | None) -> tuple[CourseFeeRule, int]:
    if course not in CourseFeeKind.values:
        raise ValueError(gettext("Unknown course: %(course)s") % {"course": course})
    rule = next((r for r in rules.course_fee_rules.all() if r.course == course), None)
    if rule is None:
        raise ValueError(
            gettext("%(course)s is not supported in version %(version)s of the mentor scheme.")
            % {"course": CourseFeeKind(course).label, "version": rules.version}
        )
    if price is None:
        price = rule.price
    if price is None:
        raise ValueError(gettext("The course has no price to work the support out from."))
    if price < 0:
        raise ValueError(gettext("A price cannot be negative."))
    amount = price if rule.support_percent is None else price * rule.support_percent // 100
    if rule.support_cap is not None:
        amount = min(amount, rule.support_cap)
    return rule, amount


def _weekly(per_week: int, days: int) -> tuple[int, str]:
    """A weekly rate over `days` working days, and how it was reached."""
    amount = per_week * days // 5
    if days % 5 == 0:
        how = ngettext("%(count)d week × %(rate)s", "%(count)d weeks × %(rate)s", days // 5)
        return amount, how % {"count": days // 5, "rate": format_kroner(per_week)}
    how = ngettext(
        "%(count)d working day at %(rate)s per week (5 working days)",
        "%(count)d working days at %(rate)s per week (5 working days)",
        days,
    )
    return amount, how % {"count": days, "rate": format_kroner(per_week)}


def _capped(amount: int, how: str, cap: int | None) -> tuple[int, str]:
    if cap is None or amount <= cap:
        return amount, how
    return cap, gettext("%(how)s, at most %(cap)s") % {"how": how, "cap": format_kroner(cap)}


def _mentor_fee(rule: RelationshipRule, starts_on: date, ends_on: date) -> SupportLine | None:
    if rule.mentor_per_week is not None:
        amount, how = _weekly(rule.mentor_per_week, working_days(starts_on, ends_on))
    elif rule.mentor_first_month is not None:
        amount, how = _monthly(rule, starts_on, ends_on)
    elif rule.mentor_cap is not None:
        amount = rule.mentor_cap
        how = gettext("up to %(cap)s per relationship") % {"cap": format_kroner(rule.mentor_cap)}
    else:
        return None
    amount, how = _capped(amount, how, rule.mentor_cap)
    return SupportLine(MENTOR, MENTOR_FEE, gettext("Mentor fee: %(how)s") % {"how": how}, amount)


def _monthly(rule: RelationshipRule, starts_on: date, ends_on: date) -> tuple[int, str]:
    following_rate = rule.mentor_following_month or 0
    following_max = rule.mentor_following_months_max or 0
    whole_months = 0
    while add_months(starts_on, whole_months + 1) <= ends_on + timedelta(days=1):
        whole_months += 1
    month_starts = add_months(starts_on, whole_months)
    partial_days = (ends_on - month_starts).days + 1
    month_length = (add_months(starts_on, whole_months + 1) - month_starts).days

    amount, parts = 0, []
    if whole_months:
        amount += rule.mentor_first_month
        parts.append(
            gettext("first month %(amount)s") % {"amount": format_kroner(rule.mentor_first_month)}
        )
    paid_following = min(max(whole_months - 1, 0), following_max)
    if paid_following and following_rate:
        amount += following_rate * paid_following
        parts.append(
            ngettext(
                "%(count)d following month × %(rate)s",
                "%(count)d following months × %(rate)s",
                paid_following,
            )
            % {"count": paid_following, "rate": format_kroner(following_rate)}
        )
    if partial_days > 0 and (whole_months == 0 or whole_months <= following_max):
        if whole_months == 0:
            rate = rule.mentor_first_month
            text = gettext(
                "%(days)d of %(length)d days of the first month at %(rate)s (%(amount)s)"
            )
        else:
            rate = following_rate
            text = gettext(
                "%(days)d of %(length)d days of a following month at %(rate)s (%(amount)s)"
            )
        partial = rate * partial_days // month_length
        if partial:
            amount += partial
            parts.append(
                text
                % {
                    "days": partial_days,
                    "length": month_length,
                    "rate": format_kroner(rate),
                    "amount": format_kroner(partial),
                }
            )
    if not parts:
        return 0, format_kroner(0)
    return amount, " + ".join(parts)


def _housing(rule: RelationshipRule, starts_on: date, ends_on: date) -> SupportLine | None:
    if rule.mentee_housing_per_week is not None:
        amount, how = _weekly(rule.mentee_housing_per_week, working_days(starts_on, ends_on))
        amount, how = _capped(amount, how, rule.mentee_housing_per_relationship)
    elif rule.mentee_housing_per_relationship is not None:
        amount = rule.mentee_housing_per_relationship
        how = gettext("up to %(cap)s per relationship") % {"cap": format_kroner(amount)}
    else:
        return None
    return SupportLine(
        MENTEE,
        HOUSING,
        gettext("Housing (means-tested, documented): %(how)s") % {"how": how},
        amount,
    )


def _notes(
    rules: SchemeRules, rule: RelationshipRule, mentor_total: int, *, has_lines: bool
) -> list[str]:
    notes = []
    if not has_lines:
        notes.append(
            gettext("This relationship type carries no payments under version %(version)s.")
            % {"version": rules.version}
        )
    if rules.flexible_share_max_percent is not None and mentor_total:
        notes.append(
            gettext(
                "Up to %(amount)s (%(percent)d %%) of the mentor's grant may cover housing, "
                "car, equipment and insurance."
            )
            % {
                "amount": format_kroner(mentor_total * rules.flexible_share_max_percent // 100),
                "percent": rules.flexible_share_max_percent,
            }
        )
    if rules.mentor_share_min_percent is not None and mentor_total:
        notes.append(
            gettext("At least %(amount)s (%(percent)d %%) of the grant must be the mentor's fee.")
            % {
                "amount": format_kroner(-(-mentor_total * rules.mentor_share_min_percent // 100)),
                "percent": rules.mentor_share_min_percent,
            }
        )
    if rule.employment_required:
        notes.append(gettext("The mentee must be employed (not through their own company)."))
    if rule.reverse_ride_along_min_weeks:
        notes.append(
            ngettext(
                "At least %(count)d week of reverse ride-along before working alone.",
                "At least %(count)d weeks of reverse ride-along before working alone.",
                rule.reverse_ride_along_min_weeks,
            )
            % {"count": rule.reverse_ride_along_min_weeks}
        )
    if rule.backup_weeks_required:
        notes.append(
            ngettext(
                "Backup duty for at least the first %(count)d week.",
                "Backup duty for at least the first %(count)d weeks.",
                rule.backup_weeks_required,
            )
            % {"count": rule.backup_weeks_required}
        )
    return notes
