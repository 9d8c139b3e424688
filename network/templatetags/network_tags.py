from html import escape

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from network.selectors import CellState, task_url, team_url
from network.services.final_report import measurement_text

register = template.Library()


@register.filter
def measurement(value, indicator):
    """A value as people read it, with its denominator: "2 of 22 new hires (9 %)"."""
    if value is None:
        return ""
    return measurement_text(value, indicator)


@register.filter
def section_text(content, key):
    return (content or {}).get(key, "")


# The tags below render the organisers' big tables and lists in Python rather
# than in the template language: a national network has 357 teams × 8 home
# tasks, and the dashboard is the page organisers open most. They escape with
# the standard library's html.escape (what Django's escape calls), without
# Django's lazy-string wrappers, which cost more than the markup itself here.


@register.simple_tag
def matrix_rows(matrix):
    """The rows of the teams × home tasks matrix (a dashboard_matrix)."""
    labels = {state: escape(str(label)) for state, label in CellState.LABELS.items()}
    tasks = [(task.pk, escape(task.title)) for task in matrix.tasks]
    rows = []
    for team, states in matrix.rows:
        name = escape(str(team))
        advisor = (
            f'<br><span class="card__meta">{escape(team.advisor_name)}</span>'
            if team.advisor_name
            else ""
        )
        cells = "".join(
            f'<td class="matrix__cell matrix__cell--{state}">'
            f'<a href="{task_url(team.pk, task_id)}">{labels[state]}'
            f'<span class="visually-hidden"> – {name}, {title}</span></a></td>'
            for state, (task_id, title) in zip(states, tasks, strict=True)
        )
        rows.append(
            f'<tr><th scope="row"><a href="{team_url(team.pk)}">{name}</a>{advisor}</th>'
            f"{cells}</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value is escaped  # nosec B308 B703


@register.simple_tag
def score_rows(rows):
    """The rows of the progress-score table: (team, [score 1–5 or None])."""
    missing = format_html('<td><span aria-label="{}">–</span></td>', gettext("no score"))
    markup = []
    for team, scores in rows:
        cells = "".join(
            missing
            if score is None
            else f'<td><span class="score score--{score:d}">{score:d}</span></td>'
            for score in scores
        )
        markup.append(f'<tr><th scope="row">{escape(str(team))}</th>{cells}</tr>')
    return mark_safe("".join(markup))  # noqa: S308 - every value is escaped  # nosec B308 B703


@register.simple_tag
def options(choices, selected):
    """<option> elements for (value, label) pairs, with `selected` chosen."""
    return mark_safe(  # noqa: S308 - every value is escaped  # nosec B308 B703
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if value == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in choices
        )
    )


@register.simple_tag(takes_context=True)
def agreement_badge(context, agreement):
    """The collaboration agreement's state as a status badge. A tag rather
    than an include, so that the organisers' list (a row per team) renders
    each of the four badges once."""
    if agreement is not None and agreement.is_complete:
        tone, label = "success", gettext("Signed and countersigned")
    elif agreement is not None and agreement.municipality_signed:
        tone, label = "warning", gettext("Signed; awaiting the organiser")
    elif agreement is not None and (agreement.leader_signed_at or agreement.coordinator_signed_at):
        tone, label = "warning", gettext("Partly signed")
    else:
        tone, label = "neutral", gettext("Not signed")
    rendered = context.render_context.setdefault("network_agreement_badges", {})
    if tone + label not in rendered:
        rendered[tone + label] = render_to_string(
            "components/status_badge.html", {"tone": tone, "label": label}
        )
    return rendered[tone + label]
