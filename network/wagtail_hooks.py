from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Team


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = _("Teams")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["__str__", "network", "municipality"]
    list_filter = ["network"]


register_snippet(TeamViewSet)
