from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from mentornett.accounts.permissions import can_use_admin


def _menu_pages(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = site.root_page.get_children().live().public().in_menu()
    return [{"title": page.title, "url": page.get_url(request=request)} for page in pages]


def navigation(request):
    """Header navigation: public sections from the page tree, then links that
    fit the signed-in person's roles."""
    user = request.user
    personal = []
    if user.is_authenticated:
        personal.append({"title": _("My page"), "url": reverse("home:dashboard")})
        if can_use_admin(user):
            personal.append({"title": _("Administration"), "url": reverse("wagtailadmin_home")})
    return {
        "nav_sections": _menu_pages(request),
        "nav_personal": personal,
    }
