from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import can_view_progress_report


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("kursfremdrift/", admin_views.course_reports, name="course_reports"),
        path("kursfremdrift/<int:course_id>/", admin_views.course_report, name="course_report"),
    ]


class ProgressReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_progress_report(request.user)


@hooks.register("register_reports_menu_item")
def register_progress_report_menu_item():
    return ProgressReportMenuItem(
        _("Course progress"), reverse("course_reports"), icon_name="tasks", order=50
    )
