from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import admin_views
from .permissions import can_view_review_report
from .selectors import waiting_for_you


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


class WaitingForYouPanel(Component):
    """The admin dashboard's "Waiting for you": what each of the person's roles
    has waiting (pages to approve, the office's applications, claims and hubs,
    an advisor's or organiser's submissions), with links to deal with them."""

    name = "waiting_for_you"
    template_name = "home/admin/waiting_for_you.html"
    order = 50  # before Wagtail's own panels

    def get_context_data(self, parent_context):
        return {"lines": waiting_for_you(user=parent_context["request"].user)}


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request, panels):
    panels.append(WaitingForYouPanel())
