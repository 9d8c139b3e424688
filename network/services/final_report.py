"""The final report: pre-filled from the team's earlier reports and
measurements when the team first opens it, and exported as a PDF."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from mentornett.formatting import month_year

from ..models import Indicator, ResponseKind, SubmissionVersion, TeamMembership
from ..task_sections import sections_for


def _latest_versions(team, kind):
    """The last version the team sent for each task of this kind, oldest task first."""
    latest = {}
    versions = (
        SubmissionVersion.objects.filter(submission__team=team, submission__task__kind=kind)
        .select_related("submission__task__gathering")
        .order_by("submission__task__gathering__starts_at", "number")
    )
    for version in versions:
        latest[version.submission.task_id] = version
    return list(latest.values())


def _number(value) -> str:
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return number_format(round(number, 2), use_l10n=True)


def measurement_text(measurement, indicator) -> str:
    text = f"{_number(measurement.value)} {indicator.unit}"
    if measurement.denominator:
        text = _("%(value)s of %(total)s %(label)s (%(percent)s %%)") % {
            "value": _number(measurement.value),
            "total": _number(measurement.denominator),
            "label": indicator.denominator_label,
            "percent": round(measurement.percentage),
        }
    return f"{text}, {month_year(measurement.measured_on)}"


def _results(team) -> str:
    lines = []
    for indicator in Indicator.objects.filter(team=team).prefetch_related("measurements"):
        points = list(indicator.measurements.all())
        if not points:
            continue
        before, now = points[0], points[-1]
        if before is now:
            lines.append(f"- {indicator.name}: {measurement_text(before, indicator)}")
        else:
            lines.append(
                f"- {indicator.name}: {measurement_text(before, indicator)} → "
                f"{measurement_text(now, indicator)}"
            )
    return "\n".join(lines)


def _organisation(team) -> str:
    members = TeamMembership.objects.filter(team=team).select_related("person")
    if not members:
        return ""
    names = ", ".join(f"{m.person.display_name} ({m.get_role_display().lower()})" for m in members)
    return _("The project group: %(members)s.") % {"members": names}


def prefilled_content(*, team) -> dict:
    content = {}
    done = [
        f"**{version.submission.task.title}**\n{version.content.get('done', '').strip()}"
        for version in _latest_versions(team, ResponseKind.STATUS_REPORT)
        if version.content.get("done", "").strip()
    ]
    if done:
        content["activity"] = "\n\n".join(done)
    plans = _latest_versions(team, ResponseKind.PROGRESS_PLAN)
    if plans and plans[-1].content.get("goal", "").strip():
        content["goals"] = plans[-1].content["goal"].strip()
    if results := _results(team):
        content["results"] = results
    if organisation := _organisation(team):
        content["organisation"] = organisation
    return content


def render_final_report_pdf(*, submission, version=None, language="nb") -> bytes:
    from weasyprint import HTML

    content = version.content if version is not None else submission.content
    with translation.override(language):
        html = render_to_string(
            "network/final_report_pdf.html",
            {
                "submission": submission,
                "team": submission.team,
                "version": version,
                "sections": [
                    (section, content.get(section.key, ""))
                    for section in sections_for(submission.task.kind)
                ],
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
