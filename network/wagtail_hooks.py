import functools

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import selectors
from .models import HomeTask, Team
from .permissions import organised_network_ids
from .scheme import admin as scheme_admin  # noqa: F401 - registers the scheme's admin
from .scheme.permissions import may_apply_with


class OrganisedNetworkForm(WagtailAdminModelForm):
    """Offers only the networks the person organises."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_superuser and "network" in self.fields:
            field = self.fields["network"]
            field.queryset = field.queryset.filter(pk__in=organised_network_ids(user))


class OrganisedNetworksViewSet(SnippetViewSet):
    """Rows of the networks the person organises (every network for a
    superuser). The staff group opens the admin; the network page gives the
    scope, as on the site (network/permissions.py). Another network's row is
    not found, in the list and in every view that takes its id."""

    related = ()
    ACTIONS = ("add", "change", "delete", "view")

    def get_queryset(self, request):
        rows = self.model.objects.select_related(*self.related)
        if request.user.is_superuser:
            return rows
        return rows.filter(network_id__in=organised_network_ids(request.user))

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)

        @functools.wraps(view)
        def scoped(request, *args, **view_kwargs):
            # Those without the model's permissions are refused by the view itself.
            if (
                "pk" in view_kwargs
                and self.permission_policy.user_has_any_permission(request.user, self.ACTIONS)
                and not self._visible(request, view_kwargs["pk"])
            ):
                raise Http404
            return view(request, *args, **view_kwargs)

        return scoped

    def get_edit_handler(self):
        panels = self.model.panels
        return ObjectList(panels, base_form_class=OrganisedNetworkForm).bind_to_model(self.model)

    def _visible(self, request, pk) -> bool:
        try:
            return self.get_queryset(request).filter(pk=unquote(str(pk))).exists()
        except (ValueError, ValidationError):
            return False


class TeamViewSet(OrganisedNetworksViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    menu_order = 1
    list_display = ["__str__", "network", "municipality", "advisor"]
    list_filter = ["network"]
    related = ("network", "municipality", "advisor")


class HomeTaskViewSet(OrganisedNetworksViewSet):
    model = HomeTask
    icon = "tasks"
    menu_label = _("Home tasks")
    menu_order = 2
    list_display = ["title", "network", "gathering", "kind"]
    list_filter = ["network", "kind"]
    related = ("network", "gathering")


class LearningNetworksMenu(SnippetViewSetGroup):
    """One admin menu for the learning networks; the organiser's overview joins
    it through `submenu_hook`. Each item keeps its own permission check, and
    the menu is hidden when none of them is shown."""

    menu_label = _("Learning networks")
    menu_icon = "group"
    menu_order = 230
    submenu_hook = "register_learning_networks_menu_item"
    items = (TeamViewSet, HomeTaskViewSet)


register_snippet(LearningNetworksMenu)


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


@hooks.register(LearningNetworksMenu.submenu_hook)
def register_network_overview_menu_item():
    return NetworkOverviewMenuItem(_("Network overview"), "#", icon_name="table", order=3)


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


@hooks.register("event_page_context")
def teams_a_coordinator_may_register(request, event, state):
    """On an event page open for registration, the teams whose members the
    person may register."""
    if not (request.user.is_authenticated and state.registration_open):
        return {}
    return {"teams": selectors.coordinated_teams(user=request.user, event=event)}


@hooks.register("course_completed_context")
def scheme_application_link(request, course, certificate):
    """On the page a finished course leads to: "Apply to the mentor scheme
    now", when the new certificate lets the person apply."""
    if not may_apply_with(request.user, certificate):
        return {}
    return {"scheme_apply_url": reverse("scheme:applications")}
