from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import can_manage_certificates, can_view_progress_report


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("kursfremdrift/", admin_views.course_reports, name="course_reports"),
        path("kursfremdrift/<int:course_id>/", admin_views.course_report, name="course_report"),
        path("kursbevis/", admin_views.certificates, name="certificates_admin"),
        path(
            "kursbevis/<int:certificate_id>/",
            admin_views.certificate_detail,
            name="certificate_detail",
        ),
        path(
            "kursbevis/<int:certificate_id>/trekk-tilbake/",
            admin_views.certificate_revoke,
            name="certificate_revoke",
        ),
        path(
            "kursbevis/<int:certificate_id>/utsted-pa-nytt/",
            admin_views.certificate_reissue,
            name="certificate_reissue",
        ),
    ]


class ProgressReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_progress_report(request.user)


@hooks.register("register_reports_menu_item")
def register_progress_report_menu_item():
    return ProgressReportMenuItem(
        _("Course progress"), reverse("course_reports"), icon_name="tasks", order=50
    )


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_certificates(request.user)


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return CertificatesMenuItem(
        _("Course certificates"), reverse("certificates_admin"), icon_name="doc-full", order=350
    )
