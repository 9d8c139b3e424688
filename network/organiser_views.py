"""The organisers' view of a network: the teams × home tasks matrix, the
reading view for the next gathering, agreements, before/now figures and
advisor assignment. Anyone who does not organise the network gets 404."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentornett.spreadsheets import spreadsheet_safe

from . import permissions, selectors, services
from .forms import AdvisorForm
from .models import CollaborationAgreement, HomeTask, LearningNetworkPage, Municipality, Team
from .task_sections import sections_for


def _network(request, network_id) -> LearningNetworkPage:
    network = get_object_or_404(LearningNetworkPage, pk=network_id)
    if not permissions.is_organiser(request.user, network.pk):
        raise Http404
    return network


def _filters(request, network):
    def number(name):
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() else None

    return {"advisor_id": number("advisor"), "municipality_id": number("municipality")}


def _advisor_choices(network) -> list[tuple[int, str]]:
    return [(advisor.pk, advisor.display_name) for advisor in selectors.network_advisors(network)]


@login_required
def dashboard(request, network_id):
    network = _network(request, network_id)
    filters = _filters(request, network)
    matrix = selectors.dashboard_matrix(network=network, **filters)
    teams = [team for team, _states in matrix.rows]
    gatherings, score_rows = selectors.progress_table(network=network, teams=teams)
    past = [g for g in gatherings if g.is_past][-3:]
    return render(
        request,
        "network/organiser/dashboard.html",
        {
            "network": network,
            "matrix": matrix,
            "filters": filters,
            "advisors": _advisor_choices(network),
            "municipalities": Municipality.objects.filter(
                pk__in=Team.objects.filter(network=network).values("municipality_id")
            ).values_list("pk", "name"),
            "gatherings": gatherings,
            "score_rows": score_rows,
            "polls": selectors.poll_summaries(past),
            "query": request.GET.urlencode(),
        },
    )


@login_required
def dashboard_csv(request, network_id):
    network = _network(request, network_id)
    matrix = selectors.dashboard_matrix(network=network, **_filters(request, network))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(network.title) or "nettverk"
    response["Content-Disposition"] = f'attachment; filename="{name}-hjemmeoppgaver.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [_("Team"), _("Municipality number"), _("Advisor")]
        + [spreadsheet_safe(t.title) for t in matrix.tasks]
    )
    labels = {state: str(label) for state, label in selectors.CellState.LABELS.items()}
    for team, states in matrix.rows:
        writer.writerow(
            [
                spreadsheet_safe(str(team)),
                team.municipality_number,
                spreadsheet_safe(team.advisor_name),
            ]
            + [labels[state] for state in states]
        )
    return response


@login_required
def reading_view(request, network_id, task_id):
    network = _network(request, network_id)
    task = get_object_or_404(
        HomeTask.objects.select_related("gathering"), pk=task_id, network=network
    )
    sections = sections_for(task.kind)
    keys = [section.key for section in sections]
    key = request.GET.get("section") if request.GET.get("section") in keys else keys[0]
    section = sections[keys.index(key)]
    teams = list(Team.objects.filter(network=network).select_related("municipality"))
    latest = selectors.latest_versions(task=task, teams=teams)
    return render(
        request,
        "network/organiser/reading.html",
        {
            "network": network,
            "task": task,
            "sections": sections,
            "section": section,
            "answers": [(team, latest.get(team.pk)) for team in teams],
            "answered": len(latest),
        },
    )


@login_required
def agreements_view(request, network_id):
    network = _network(request, network_id)
    teams = list(Team.objects.filter(network=network).select_related("municipality"))
    agreements = {
        a.team_id: a for a in CollaborationAgreement.objects.filter(team__in=[t.pk for t in teams])
    }
    rows = [(team, agreements.get(team.pk)) for team in teams]
    return render(
        request,
        "network/organiser/agreements.html",
        {
            "network": network,
            "rows": rows,
            "complete": sum(1 for _t, a in rows if a and a.is_complete),
        },
    )


@login_required
def before_now_view(request, network_id):
    network = _network(request, network_id)
    teams = list(Team.objects.filter(network=network).select_related("municipality"))
    return render(
        request,
        "network/organiser/before_now.html",
        {"network": network, "rows": selectors.before_now(teams=teams)},
    )


@login_required
def advisors_view(request, network_id):
    network = _network(request, network_id)
    return render(
        request,
        "network/organiser/advisors.html",
        {
            "network": network,
            "teams": Team.objects.filter(network=network).select_related("municipality"),
            "advisors": _advisor_choices(network),
        },
    )


@login_required
@require_POST
def advisor_view(request, network_id, team_id):
    network = _network(request, network_id)
    team = get_object_or_404(Team, pk=team_id, network=network)
    form = AdvisorForm(request.POST, advisors=selectors.network_advisors(network))
    if form.is_valid():
        try:
            services.assign_advisor(team=team, advisor=form.cleaned_data["advisor"])
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The advisor of %(team)s is saved.") % {"team": team})
    else:
        messages.error(request, _("Choose one of the network's advisors."))
    return HttpResponseRedirect(reverse("network:advisors", args=[network.pk]))
