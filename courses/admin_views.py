"""Staff pages in the Wagtail admin: course progress and course certificates."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .errors import CourseError
from .forms_admin import RevokeForm
from .models import Certificate, CoursePage
from .permissions import can_manage_certificates, can_view_progress_report
from .selectors import certificate_list, progress_report
from .services.certificates import reissue_certificate, revoke_certificate

ROWS_PER_PAGE = 50


def _guard(request):
    if not can_view_progress_report(request.user):
        raise PermissionDenied


def course_reports(request):
    _guard(request)
    courses = CoursePage.objects.order_by("path").annotate(
        enrolled=Count("enrolments"),
        completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False)),
    )
    return render(request, "courses/admin/course_reports.html", {"courses": courses})


def course_report(request, course_id):
    _guard(request)
    course = get_object_or_404(CoursePage, pk=course_id)
    page_obj = Paginator(progress_report(course=course), ROWS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "courses/admin/course_report.html", {"course": course, "page_obj": page_obj}
    )


def _certificates_guard(request):
    if not can_manage_certificates(request.user):
        raise PermissionDenied


def certificates(request):
    _certificates_guard(request)
    query = request.GET.get("q", "")
    course_id = request.GET.get("course") or None
    if course_id and not str(course_id).isdigit():
        course_id = None
    rows = certificate_list(query=query, course_id=course_id)
    if request.GET.get("format") == "csv":
        return _certificates_csv(rows)
    page_obj = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "courses/admin/certificates.html",
        {
            "page_obj": page_obj,
            "query": query,
            "course_id": int(course_id) if course_id else None,
            "courses": CoursePage.objects.order_by("path").only("id", "title"),
            "today": timezone.localdate(),
            "export_query": request.GET.urlencode(),
        },
    )


class _Echo:
    def write(self, value):
        return value


def _certificates_csv(rows):
    today = timezone.localdate()
    writer = csv.writer(_Echo())
    header = [
        _("Code"), _("Holder"), _("E-mail"), _("Course"), _("Version"), _("Issued"),
        _("Valid until"), _("Status"), _("Times verified"),
    ]  # fmt: skip

    def lines():
        yield writer.writerow(header)
        for c in rows.iterator(chunk_size=500):
            yield writer.writerow(
                [
                    c.code,
                    c.holder_name,
                    c.holder.email if c.holder else "",
                    c.course_title,
                    c.course_version,
                    timezone.localtime(c.issued_at).date().isoformat(),
                    c.valid_until.isoformat() if c.valid_until else "",
                    c.status_on(today).label,
                    c.verification_count,
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kursbevis.csv"'
    return response


def certificate_detail(request, certificate_id, form=None):
    _certificates_guard(request)
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "revoked_by", "replaces"), pk=certificate_id
    )
    return render(
        request,
        "courses/admin/certificate_detail.html",
        {
            "certificate": certificate,
            "status": certificate.status_on(timezone.localdate()),
            "form": form or RevokeForm(),
            "replaced_by": Certificate.objects.filter(replaces=certificate).first(),
        },
    )


@require_POST
def certificate_revoke(request, certificate_id):
    _certificates_guard(request)
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            revoke_certificate(
                certificate=certificate, reason=form.cleaned_data["reason"], by=request.user
            )
        except CourseError as error:
            form.add_error("reason", error.messages[0])
        else:
            messages.success(request, _("The certificate is revoked."))
            return HttpResponseRedirect(reverse("certificate_detail", args=[certificate.pk]))
    return certificate_detail(request, certificate_id, form=form)


@require_POST
def certificate_reissue(request, certificate_id):
    _certificates_guard(request)
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    try:
        new = reissue_certificate(certificate=certificate, by=request.user)
    except CourseError as error:
        messages.error(request, error.messages[0])
        return HttpResponseRedirect(reverse("certificate_detail", args=[certificate.pk]))
    messages.success(request, _("A new certificate is issued and sent to the holder."))
    return HttpResponseRedirect(reverse("certificate_detail", args=[new.pk]))
