from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import (
    Application,
    EquipmentBooking,
    EquipmentSet,
    HomeTask,
    MentorHub,
    MunicipalityContact,
    SchemeRules,
    Team,
)
from .permissions import organised_network_ids
from .scheme_permissions import can_view_scheme_reports


class PersonalRowsChooserViewSet(SnippetChooserViewSet):
    """Wagtail's snippet choosers list every row to anyone who may use the
    admin. Rows that name people (applicants, contacts, bookers) are chosen
    only by those who hold a permission on the model; the permission matrix
    (tests/site/test_permission_matrix.py) checks it."""

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        policy = ModelPermissionPolicy(self.model)

        def guarded(request, *args, **kwargs):
            if not policy.user_has_any_permission(request.user, ["view", "add", "change"]):
                return permission_denied(request)
            return view(request, *args, **kwargs)

        return guarded


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["__str__", "network", "municipality", "advisor"]
    list_filter = ["network"]

    def get_queryset(self, request):
        return self.model.objects.select_related("network", "municipality", "advisor")


class HomeTaskViewSet(SnippetViewSet):
    model = HomeTask
    icon = "tasks"
    menu_label = _("Home tasks")
    menu_order = 231
    add_to_admin_menu = True
    list_display = ["title", "network", "gathering", "kind"]
    list_filter = ["network", "kind"]

    def get_queryset(self, request):
        return self.model.objects.select_related("network", "gathering")


register_snippet(TeamViewSet)
register_snippet(HomeTaskViewSet)


class NetworkOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(self._network_id(request))

    def _network_id(self, request):
        if not hasattr(request, "_organised_networks"):
            request._organised_networks = sorted(organised_network_ids(request.user))
        return request._organised_networks[0] if request._organised_networks else None

    def render_component(self, request):
        self.url = reverse("network:dashboard", args=[self._network_id(request)])
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_network_overview_menu_item():
    return NetworkOverviewMenuItem(_("Network overview"), "#", icon_name="table", order=232)


@hooks.register("before_delete_page")
def keep_gatherings_with_home_tasks(request, page):
    """A gathering that home tasks or progress scores point at cannot be
    deleted (the database protects them); say so instead of failing."""
    if request.method != "POST":
        return None
    specific = page.specific
    if not (hasattr(specific, "home_tasks") and hasattr(specific, "progress_scores")):
        return None
    if specific.home_tasks.exists() or specific.progress_scores.exists():
        messages.error(
            request,
            gettext(
                "This gathering has home tasks or progress scores. Move the home tasks to "
                "another gathering, or unpublish the gathering instead of deleting it."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


class SchemeRulesViewSet(SnippetViewSet):
    model = SchemeRules
    icon = "list-ul"
    menu_label = _("Scheme rules and rates")
    menu_order = 241
    add_to_admin_menu = True
    list_display = ["version", "valid_from"]


decision_column = TitleColumn(
    "decision",
    label=_("Decision"),
    accessor=lambda application: gettext("Decide"),
    get_url=lambda application: reverse("scheme:office", args=[application.pk]),
)


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds, edits or deletes in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


# An application changes only through the services (the decision page), which
# keep its history and the audit log; its private files have no admin widget.
register_permission_policy(Application, ViewOnlyPermissionPolicy(Application))


class ApplicationViewSet(SnippetViewSet):
    """The office's listing. Decisions are made on the decision page, through
    the services, never by editing the row."""

    chooser_viewset_class = PersonalRowsChooserViewSet
    model = Application
    icon = "doc-full-inverse"
    menu_label = _("Scheme applications")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "status", "municipality", "created_at", decision_column]
    list_filter = ["status", "kind", "municipality", "created_at"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        # The title names both parties; the columns show the place.
        return self.model.objects.select_related("mentor", "mentee", "municipality")


register_snippet(SchemeRulesViewSet)
register_snippet(ApplicationViewSet)


# --- Scheme reports and municipality contacts ---------------------------------------------


class SchemeReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_scheme_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_scheme_reports_menu_item():
    return SchemeReportsMenuItem(
        _("Scheme reports"), reverse("scheme_reports:dashboard"), icon_name="table", order=243
    )


class MunicipalityContactViewSet(SnippetViewSet):
    """Who sees the read-only summary of a municipality's relationships."""

    chooser_viewset_class = PersonalRowsChooserViewSet
    model = MunicipalityContact
    icon = "user"
    menu_label = _("Municipality contacts")
    menu_order = 244
    add_to_admin_menu = True
    list_display = ["municipality", "user"]
    list_filter = ["municipality"]

    def get_queryset(self, request):
        return self.model.objects.select_related("municipality", "user").order_by(
            "municipality__name", "user__email"
        )


register_snippet(MunicipalityContactViewSet)


# --- MentorHubs and equipment lending -------------------------------------------------
# Approving hubs and recording payouts go through the office pages and their
# services (network/hub_views.py); the admin lists and edits the plain data.

hub_office_column = TitleColumn(
    "office",
    label=_("Office"),
    accessor=lambda hub: gettext("Approve") if hub.status == "pending" else gettext("Payouts"),
    get_url=lambda hub: reverse(
        "scheme_hubs:office_approval" if hub.status == "pending" else "scheme_hubs:office_summary"
    ),
)


class EquipmentSetViewSet(SnippetViewSet):
    model = EquipmentSet
    icon = "clipboard-list"
    menu_label = _("Equipment sets")
    menu_order = 246
    add_to_admin_menu = True
    list_display = ["name", "location", "active"]
    list_filter = ["active"]


class MentorHubViewSet(SnippetViewSet):
    chooser_viewset_class = PersonalRowsChooserViewSet
    model = MentorHub
    icon = "home"
    menu_label = _("MentorHubs")
    menu_order = 245
    add_to_admin_menu = True
    list_display = ["name", "municipality", "status", "created_at", hub_office_column]
    list_filter = ["status", "municipality"]
    search_fields = ["name", "organisation_number"]
    inspect_view_enabled = True
    panels = [FieldPanel("name"), FieldPanel("organisation_number"), FieldPanel("municipality")]

    def get_queryset(self, request):
        return self.model.objects.select_related("municipality")


register_permission_policy(EquipmentBooking, ViewOnlyPermissionPolicy(EquipmentBooking))


class EquipmentBookingViewSet(SnippetViewSet):
    """Read-only: bookings are made and cancelled on the equipment page."""

    chooser_viewset_class = PersonalRowsChooserViewSet
    model = EquipmentBooking
    icon = "date"
    menu_label = _("Equipment bookings")
    menu_order = 247
    add_to_admin_menu = True
    list_display = ["equipment", "starts_on", "ends_on", "booked_by", "cancelled_at"]
    list_filter = ["equipment", "starts_on"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return self.model.objects.select_related("equipment", "booked_by")


register_snippet(MentorHubViewSet)
register_snippet(EquipmentSetViewSet)
register_snippet(EquipmentBookingViewSet)
