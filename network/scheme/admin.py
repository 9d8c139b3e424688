"""The mentor scheme in the Wagtail admin, in one menu: rules and rates, the
office's application listing, scheme reports, municipality contacts, MentorHubs
and equipment. Imported by network/wagtail_hooks.py, which is where Wagtail
looks for hooks."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from mentornett.admin_viewsets import PersonalRowsChooserViewSet, ViewOnlyPermissionPolicy
from network.models import (
    Application,
    EquipmentBooking,
    EquipmentSet,
    MentorHub,
    MunicipalityContact,
    SchemeRules,
)

from .permissions import can_view_scheme_reports


class SchemeRulesViewSet(SnippetViewSet):
    model = SchemeRules
    icon = "list-ul"
    menu_label = _("Scheme rules and rates")
    menu_order = 2
    list_display = ["version", "valid_from"]


decision_column = TitleColumn(
    "decision",
    label=_("Decision"),
    accessor=lambda application: gettext("Decide"),
    get_url=lambda application: reverse("scheme:office", args=[application.pk]),
)


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
    menu_order = 1
    list_display = ["__str__", "kind", "status", "municipality", "created_at", decision_column]
    list_filter = ["status", "kind", "municipality", "created_at"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        # The title names both parties; the columns show the place.
        return self.model.objects.select_related("mentor", "mentee", "municipality")


# --- Scheme reports and municipality contacts ---------------------------------------------


class SchemeReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_scheme_reports(request.user)


class MunicipalityContactViewSet(SnippetViewSet):
    """Who sees the read-only summary of a municipality's relationships."""

    chooser_viewset_class = PersonalRowsChooserViewSet
    model = MunicipalityContact
    icon = "user"
    menu_label = _("Municipality contacts")
    menu_order = 4
    list_display = ["municipality", "user"]
    list_filter = ["municipality"]

    def get_queryset(self, request):
        return self.model.objects.select_related("municipality", "user").order_by(
            "municipality__name", "user__email"
        )


# --- MentorHubs and equipment lending -------------------------------------------------
# Approving hubs and recording payouts go through the office pages and their
# services (network/scheme/views/hubs.py); the admin lists and edits the plain data.

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
    menu_order = 6
    list_display = ["name", "location", "active"]
    list_filter = ["active"]


class MentorHubViewSet(SnippetViewSet):
    chooser_viewset_class = PersonalRowsChooserViewSet
    model = MentorHub
    icon = "home"
    menu_label = _("MentorHubs")
    menu_order = 5
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
    menu_order = 7
    list_display = ["equipment", "starts_on", "ends_on", "booked_by", "cancelled_at"]
    list_filter = ["equipment", "starts_on"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return self.model.objects.select_related("equipment", "booked_by")


class MentorSchemeMenu(SnippetViewSetGroup):
    """One admin menu for the mentor scheme; the scheme reports join it through
    `submenu_hook`. Each item keeps its own permission check, and the menu is
    hidden when none of them is shown."""

    menu_label = _("Mentor scheme")
    menu_icon = "doc-full-inverse"
    menu_order = 240
    submenu_hook = "register_mentor_scheme_menu_item"
    items = (
        ApplicationViewSet,
        SchemeRulesViewSet,
        MunicipalityContactViewSet,
        MentorHubViewSet,
        EquipmentSetViewSet,
        EquipmentBookingViewSet,
    )


register_snippet(MentorSchemeMenu)


@hooks.register(MentorSchemeMenu.submenu_hook)
def register_scheme_reports_menu_item():
    return SchemeReportsMenuItem(
        _("Scheme reports"), reverse("scheme_reports:dashboard"), icon_name="table", order=3
    )
