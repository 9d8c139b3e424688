from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .permissions import can_view_review_report


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "veiledere-til-gjennomgang/",
            admin_views.guides_due_for_review,
            name="guides_due_for_review",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_review_report(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Guides due for review"), reverse("guides_due_for_review"), icon_name="time", order=40
    )
