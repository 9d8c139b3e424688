from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventSeries
from .permissions import can_manage_events


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "date"
    menu_label = _("Event series")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name"]


register_snippet(EventSeriesViewSet)


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_events(request.user)


@hooks.register("register_admin_menu_item")
def register_organiser_menu_item():
    return OrganiserMenuItem(
        _("Check-in and evaluations"), reverse("events:organiser"), icon_name="group", order=220
    )
