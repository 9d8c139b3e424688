"""The mentor scheme in the Wagtail admin, in one menu: rules and rates, the
office's application listing, scheme reports, municipality contacts, MentorHubs
and equipment. Imported by network/wagtail_hooks.py, which is where Wagtail
looks for hooks."""

import django_filters

from django import forms
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from mentornett.admin_viewsets import PersonalRowsChooserViewSet, ViewOnlyPermissionPolicy
from network.models import (
    Application,
    ApplicationStatus,
    ClaimStatus,
    EquipmentBooking,
    EquipmentSet,
    MentorHub,
    MunicipalityContact,
    SchemeRules,
)

from .permissions import can_view_scheme_reports
from .selectors import STATUS_TONES, waiting_for_office

WAITING = "waiting"
ALL = "all"


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


class ApplicationFilterSet(WagtailFilterSet):
    """The office's filters. The status filter opens on the queue: the cases
    that wait for the office (see selectors.waiting_for_office)."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            (WAITING, _("Waiting for the programme office")),
            (ALL, _("All applications")),
            *ApplicationStatus.choices,
        ],
        empty_label=None,
        initial=WAITING,
        widget=forms.RadioSelect,
        method="filter_status",
    )

    class Meta:
        model = Application
        fields = ["status", "kind", "municipality", "created_at"]

    def filter_status(self, queryset, name, value):
        if value == WAITING:
            return waiting_for_office(queryset)
        if value in ApplicationStatus.values:
            return queryset.filter(status=value)
        return queryset


class StatusColumn(Column):
    """The status in words and colour, and the claims waiting for a decision."""

    cell_template_name = "network/scheme/admin_status_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["label"] = instance.get_status_display()
        context["tone"] = STATUS_TONES.get(instance.status, "info")
        context["claims_waiting"] = getattr(instance, "claims_waiting", 0)
        return context


class ApplicationIndexView(IndexView):
    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if not kwargs["data"].get("status"):
            data = kwargs["data"].copy()
            data["status"] = WAITING
            kwargs["data"] = data
        return kwargs

    @cached_property
    def showing_queue(self) -> bool:
        filters = self.filters
        return bool(filters and filters.is_valid() and filters.data.get("status") == WAITING)

    @cached_property
    def header_buttons(self):
        if self.showing_queue:
            label, status, icon = gettext("Show all applications"), ALL, "list-ul"
        else:
            label, status, icon = (
                gettext("Show what waits for the programme office"),
                WAITING,
                "time",
            )
        return [
            *super().header_buttons,
            HeaderButton(label, url=f"{self.index_url}?status={status}", icon_name=icon),
        ]


class ApplicationViewSet(SnippetViewSet):
    """The office's listing: it opens on the cases that wait for the office.
    Decisions are made on the decision page, through the services, never by
    editing the row."""

    chooser_viewset_class = PersonalRowsChooserViewSet
    index_view_class = ApplicationIndexView
    index_template_name = "network/scheme/admin_applications.html"
    filterset_class = ApplicationFilterSet
    model = Application
    icon = "doc-full-inverse"
    menu_label = _("Scheme applications")
    menu_order = 1
    list_display = [
        "__str__",
        "kind",
        StatusColumn("status", label=_("Status")),
        "municipality",
        "created_at",
        decision_column,
    ]
    inspect_view_enabled = True

    def get_queryset(self, request):
        # The title names both parties; the columns show the place.
        return self.model.objects.select_related("mentor", "mentee", "municipality").annotate(
            claims_waiting=Count("claims", filter=Q(claims__status=ClaimStatus.SUBMITTED))
        )


# --- Scheme reports and municipality contacts ---------------------------------------------


class SchemeReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_scheme_reports(request.user)


class MunicipalityContactCreateView(CreateView):
    def save_instance(self):
        # The office's own contacts act for the municipality at once; those
        # who register themselves wait for the office (Finn mentor).
        self.form.instance.verified_at = timezone.now()
        self.form.instance.verified_by = self.request.user
        return super().save_instance()


class MunicipalityContactViewSet(SnippetViewSet):
    """Who sees the read-only summary of a municipality's relationships and
    acts for the municipality in Finn mentor."""

    chooser_viewset_class = PersonalRowsChooserViewSet
    model = MunicipalityContact
    add_view_class = MunicipalityContactCreateView
    icon = "user"
    menu_label = _("Municipality contacts")
    menu_order = 4
    list_display = ["municipality", "user", "role", "verified_at"]
    list_filter = ["municipality"]
    panels = [FieldPanel("municipality"), FieldPanel("user"), FieldPanel("role")]

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
