"""A team's indicators, their values over time, and the milestones shown on
every run chart."""

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentornett.dates import DATE_RANGE_CODE, TEAM_MEASUREMENT, TEAM_MILESTONE
from mentornett.formatting import clock_time
from mentornett.repeats import AlreadySent, recent_twin

from ..errors import MeasurementError
from ..models import Indicator, Measurement, Team, TeamMilestone


@transaction.atomic
def add_indicator(
    *, team: Team, user, name: str, unit: str, better: str, denominator_label: str = ""
) -> Indicator:
    same = {
        "team": team,
        "name": name.strip(),
        "unit": unit.strip(),
        "better": better,
        "denominator_label": denominator_label.strip(),
    }
    try:
        with transaction.atomic():
            return Indicator.objects.create(**same, created_by=user)
    except IntegrityError as error:
        # The name is the team's once (a constraint): the same indicator sent
        # twice within a minute is a repeat, anything else a clash of names.
        twin = user and recent_twin(Indicator.objects.filter(**same, created_by=user))
        if twin:
            raise AlreadySent(
                _("The team already measures “%(name)s”: it was added at %(time)s.")
                % {
                    "name": twin.name,
                    "time": clock_time(twin.created_at),
                },
                existing=twin,
            ) from error
        raise MeasurementError(
            _("The team already measures “%(name)s”. Choose another name.") % {"name": name},
            code="duplicate",
        ) from error


@transaction.atomic
def record_value(
    *, indicator: Indicator, user, measured_on, value, denominator=None, is_baseline=False, note=""
) -> Measurement:
    """Record a value; a second value for the same date replaces the first."""
    if indicator.is_proportion and not denominator:
        raise MeasurementError(
            _("Write how many it is counted out of (the number of %(label)s).")
            % {"label": indicator.denominator_label},
            code="denominator",
        )
    if problem := TEAM_MEASUREMENT.problem(measured_on):
        raise MeasurementError(problem, code=DATE_RANGE_CODE)
    if not indicator.is_proportion:
        denominator = None
    if denominator is not None and value > denominator:
        raise MeasurementError(
            _("The number cannot be larger than the number it is counted out of."),
            code="over",
        )
    measurement, _created = Measurement.objects.update_or_create(
        indicator=indicator,
        measured_on=measured_on,
        defaults={
            "value": value,
            "denominator": denominator,
            "is_baseline": is_baseline,
            "note": note.strip(),
            "recorded_by": user,
        },
    )
    return measurement


@transaction.atomic
def delete_value(*, measurement: Measurement) -> None:
    measurement.delete()


@transaction.atomic
def add_milestone(*, team: Team, happened_on, text: str) -> TeamMilestone:
    """The same milestone on the same date is one milestone, however often
    it is sent (a milestone keeps no time of its own for `recent_twin`)."""
    if problem := TEAM_MILESTONE.problem(happened_on):
        raise MeasurementError(problem, code=DATE_RANGE_CODE)
    Team.objects.select_for_update().filter(pk=team.pk).values_list("pk").first()
    same = {"team": team, "happened_on": happened_on, "text": text.strip()}
    twin = TeamMilestone.objects.filter(**same).first()
    if twin is not None:
        raise AlreadySent(
            _("The milestone “%(text)s” on %(date)s is already on the charts.")
            % {"text": twin.text, "date": date_format(twin.happened_on)},
            existing=twin,
        )
    return TeamMilestone.objects.create(**same)
