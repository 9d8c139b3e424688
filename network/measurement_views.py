"""A team's measurements: indicators with run charts, values and milestones."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.dates import DATE_RANGE_CODE
from mentornett.repeats import AlreadySent, show_existing

from . import permissions, services
from .forms import IndicatorForm, MeasurementForm, MilestoneForm
from .models import Indicator, Measurement, Team, TeamMilestone
from .runchart import ChartPoint, Milestone, RunChart, render_run_chart, signal_messages
from .services.final_report import measurement_text


@dataclass
class IndicatorChart:
    indicator: Indicator
    points: list
    chart: RunChart
    messages: list
    before: Measurement | None
    now: Measurement | None


def _chart(indicator, points, milestones) -> IndicatorChart:
    chart_points = [
        ChartPoint(
            on=point.measured_on,
            value=point.percentage if indicator.is_proportion else float(point.value),
            label=measurement_text(point, indicator),
            baseline=point.is_baseline,
        )
        for point in points
    ]
    chart = render_run_chart(
        chart_points,
        title=indicator.name,
        unit="%" if indicator.is_proportion else indicator.unit,
        milestones=[Milestone(on=m.happened_on, text=m.text) for m in milestones],
        better=indicator.better,
    )
    baseline = [p for p in points if p.is_baseline] or points[:1]
    return IndicatorChart(
        indicator=indicator,
        points=points,
        chart=chart,
        messages=signal_messages(chart.signals) if points else [],
        before=baseline[0] if baseline else None,
        now=points[-1] if len(points) > 1 else None,
    )


def indicator_charts(team) -> list[IndicatorChart]:
    milestones = list(TeamMilestone.objects.filter(team=team))
    indicators = Indicator.objects.filter(team=team).prefetch_related(
        Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
    )
    return [
        _chart(indicator, list(indicator.measurements.all()), milestones)
        for indicator in indicators
    ]


def _team(request, team_id) -> Team:
    team = get_object_or_404(Team.objects.select_related("network", "municipality"), pk=team_id)
    if not permissions.can_view_team(request.user, team):
        raise Http404
    return team


def _editable(request, team):
    if not permissions.can_edit_team_work(request.user, team):
        raise Http404


@login_required
def measurements_view(request, team_id):
    team = _team(request, team_id)
    indicator_form = IndicatorForm()
    milestone_form = MilestoneForm()
    status = 200
    if request.method == "POST":
        _editable(request, team)
        if request.POST.get("action") == "milestone":
            milestone_form = MilestoneForm(request.POST)
            if milestone_form.is_valid():
                try:
                    services.add_milestone(team=team, **milestone_form.cleaned_data)
                except AlreadySent as repeat:
                    return show_existing(
                        request, repeat, f"{request.path}#milestone-{repeat.existing.pk}"
                    )
                except ValidationError as error:
                    milestone_form.add_error("happened_on", error)
                else:
                    messages.success(request, _("The milestone is added to the charts."))
                    return HttpResponseRedirect(request.path)
        else:
            indicator_form = IndicatorForm(request.POST)
            if indicator_form.is_valid():
                try:
                    indicator = services.add_indicator(
                        team=team, user=request.user, **indicator_form.cleaned_data
                    )
                except AlreadySent as repeat:
                    url = reverse("network:indicator", args=[team.pk, repeat.existing.pk])
                    return show_existing(request, repeat, url)
                except ValidationError as error:
                    indicator_form.add_error("name", error)
                else:
                    messages.success(request, _("Now record the first value, the baseline."))
                    return HttpResponseRedirect(
                        reverse("network:indicator", args=[team.pk, indicator.pk])
                    )
        status = 400
    return render(
        request,
        "network/measurements.html",
        {
            "team": team,
            "charts": indicator_charts(team),
            "milestones": TeamMilestone.objects.filter(team=team),
            "indicator_form": indicator_form,
            "milestone_form": milestone_form,
            "can_edit": permissions.can_edit_team_work(request.user, team),
        },
        status=status,
    )


@login_required
def indicator_view(request, team_id, indicator_id):
    team = _team(request, team_id)
    indicator = get_object_or_404(Indicator, pk=indicator_id, team=team)
    form = MeasurementForm(
        indicator=indicator, initial={"is_baseline": not indicator.measurements.exists()}
    )
    status = 200
    if request.method == "POST":
        _editable(request, team)
        form = MeasurementForm(request.POST, indicator=indicator)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_value(
                    indicator=indicator,
                    user=request.user,
                    measured_on=data["measured_on"],
                    value=data["value"],
                    denominator=data.get("denominator"),
                    is_baseline=data["is_baseline"],
                    note=data["note"],
                )
            except ValidationError as error:
                form.add_error("measured_on" if error.code == DATE_RANGE_CODE else None, error)
            else:
                messages.success(request, _("The value is recorded."))
                return HttpResponseRedirect(request.path)
        status = 400
    milestones = list(TeamMilestone.objects.filter(team=team))
    points = list(indicator.measurements.order_by("measured_on"))
    return render(
        request,
        "network/indicator.html",
        {
            "team": team,
            "indicator": indicator,
            "chart": _chart(indicator, points, milestones),
            "milestones": milestones,
            "form": form,
            "can_edit": permissions.can_edit_team_work(request.user, team),
        },
        status=status,
    )


@login_required
@require_POST
def delete_value_view(request, team_id, indicator_id, measurement_id):
    team = _team(request, team_id)
    _editable(request, team)
    measurement = get_object_or_404(
        Measurement, pk=measurement_id, indicator_id=indicator_id, indicator__team=team
    )
    services.delete_value(measurement=measurement)
    messages.success(request, _("The value is deleted."))
    return HttpResponseRedirect(reverse("network:indicator", args=[team.pk, indicator_id]))
