"""Staff progress reports in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from .models import CoursePage
from .permissions import can_view_progress_report
from .selectors import progress_report

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
