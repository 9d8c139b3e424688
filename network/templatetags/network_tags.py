from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

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


@register.simple_tag
def matrix_cells(team, cells):
    """One row of the organiser's matrix. Rendered here rather than in the
    template language: a national network has 357 × 8 cells, and this is the
    page organisers open most."""
    labels = {}
    team_name = conditional_escape(str(team))
    parts = []
    for cell in cells:
        label = labels.get(cell.state)
        if label is None:
            label = labels[cell.state] = conditional_escape(str(cell.label))
        parts.append(
            f'<td class="matrix__cell matrix__cell--{cell.state}"><a href="{cell.url}">{label}'
            f'<span class="visually-hidden"> – {team_name}, '
            f"{conditional_escape(cell.task.title)}</span></a></td>"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
