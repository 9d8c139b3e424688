"""The audit log in the Wagtail admin: a filtered list and its CSV export."""

import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.spreadsheets import spreadsheet_safe

from .forms import AuditFilterForm
from .models import AuditEvent
from .permissions import can_view_audit_log
from .selectors import audit_events, content_type_name, describe_changes

ROWS_PER_PAGE = 50


def _filtered(request):
    if not can_view_audit_log(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, audit_events(**form.cleaned_data)
    if form.is_bound:  # a bad filter shows its message and no rows, never everything
        return form, AuditEvent.objects.none()
    return form, audit_events()


def audit_log(request):
    form, events = _filtered(request)
    page_obj = Paginator(events, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {
            "event": event,
            "type_name": content_type_name(event.target_type),
            "changes": describe_changes(event),
        }
        for event in page_obj
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/audit_log.html",
        {"form": form, "page_obj": page_obj, "rows": rows, "query": query.urlencode()},
    )


class _Echo:
    def write(self, value):
        return value


def audit_log_export(request):
    _form, events = _filtered(request)
    writer = csv.writer(_Echo(), delimiter=";")
    header = [
        _("When"), _("Action"), _("Action code"), _("Changed by (id)"), _("Changed by"),
        _("Type"), _("Id"), _("About"), _("Person (id)"), _("Person"), _("Changes"), _("Reason"),
    ]  # fmt: skip

    def lines():
        yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
        yield writer.writerow(header)
        for event in events.iterator(chunk_size=1000):
            changes = "; ".join(
                f"{change.label}: {change.old} → {change.new}" for change in describe_changes(event)
            )
            yield writer.writerow(
                [
                    timezone.localtime(event.at).isoformat(timespec="seconds"),
                    event.get_action_display(),
                    event.action,
                    event.actor_id or "",
                    spreadsheet_safe(event.actor.display_name if event.actor else ""),
                    content_type_name(event.target_type),
                    event.target_id,
                    spreadsheet_safe(event.target_label),
                    event.subject_id or "",
                    spreadsheet_safe(event.subject.display_name if event.subject else ""),
                    spreadsheet_safe(changes),
                    spreadsheet_safe(event.reason),
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="revisjonslogg-{stamp}.csv"'
    return response
