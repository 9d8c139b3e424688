from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from mentornett.accounts.permissions import can_use_admin


def _site_settings(request):
    from home.models import SiteSettings

    try:
        return SiteSettings.for_request(request)  # cached on the request
    except SiteSettings.DoesNotExist:  # a host that is no site
        return None


def _links(site_settings, relation):
    if site_settings is None:
        return []
    links = getattr(site_settings, relation).select_related("page").order_by("sort_order")
    return [
        {"title": link.link_title, "url": link.link_url}
        for link in links
        if link.page_id is None or link.page.live
    ]


def _menu_pages(request, site_settings):
    """The editors' menu from the site settings, or else the top-level pages
    marked "show in menus"."""
    chosen = _links(site_settings, "menu_links")
    if chosen:
        return chosen
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = site.root_page.get_children().live().public().in_menu()
    return [{"title": page.title, "url": page.get_url(request=request)} for page in pages]


def _footer(site_settings):
    if site_settings is None:
        return {}
    pages = [site_settings.accessibility_page, site_settings.privacy_page]
    return {
        "settings": site_settings,
        "links": _links(site_settings, "footer_links"),
        "statements": [{"title": page.title, "url": page.url} for page in pages if page],
    }


def navigation(request):
    """Header and footer: public sections and links the editors chose, then
    links that fit the signed-in person's roles. Lazy, so a page that shows
    no header (a PDF, an error page) runs no query for it."""
    user = request.user
    personal = []
    if user.is_authenticated:
        personal.append({"title": _("My page"), "url": reverse("home:dashboard")})
        if can_use_admin(user):
            personal.append({"title": _("Administration"), "url": reverse("wagtailadmin_home")})
    return {
        "nav_sections": SimpleLazyObject(lambda: _menu_pages(request, _site_settings(request))),
        "nav_personal": personal,
        "footer": SimpleLazyObject(lambda: _footer(_site_settings(request))),
    }
