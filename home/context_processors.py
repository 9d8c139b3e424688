from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from mentornett import content_cache
from mentornett.accounts.permissions import can_use_admin

from .models import SiteSettings

CHROME_TIMEOUT = 60 * 60


def _links(site_settings, relation):
    links = getattr(site_settings, relation).select_related("page").order_by("sort_order")
    return [
        {"title": link.link_title, "url": link.link_url}
        for link in links
        if link.page_id is None or link.page.live
    ]


def _menu(request, site, site_settings):
    """The editors' menu from the site settings, or else the top-level pages
    marked "show in menus"."""
    chosen = _links(site_settings, "menu_links") if site_settings else []
    if chosen:
        return chosen
    pages = site.root_page.get_children().live().public().in_menu()
    return [{"title": page.title, "url": page.get_url(request=request)} for page in pages]


def _footer(site_settings):
    if site_settings is None:
        return {}
    pages = [site_settings.accessibility_page, site_settings.privacy_page]
    return {
        "settings": {
            "organisation": site_settings.organisation,
            "contact_email": site_settings.contact_email,
            "contact_phone": site_settings.contact_phone,
            "address": site_settings.address,
        },
        "links": _links(site_settings, "footer_links"),
        "statements": [{"title": page.title, "url": page.url} for page in pages if page],
    }


def _share_image(site_settings):
    image = site_settings.share_image if site_settings else None
    if image is None:
        return None
    return {"url": image.get_rendition("fill-1200x630").url, "alt": image.title}


def _build_chrome(request):
    site = Site.find_for_request(request)
    if site is None:  # a host that is no site
        return {"menu": [], "footer": {}, "share_image": None}
    site_settings = SiteSettings.objects.filter(site=site).first()
    return {
        "menu": _menu(request, site, site_settings),
        "footer": _footer(site_settings),
        "share_image": _share_image(site_settings),
    }


def site_chrome(request):
    """The menu, the footer and the share image: the same on every page of a
    site, so built once per content generation and language, not per request."""
    key = f"site-chrome:{request._get_raw_host()}:{get_language()}"
    return content_cache.stamped(request, key, lambda: _build_chrome(request), CHROME_TIMEOUT)


def navigation(request):
    """Header and footer: public sections and links the editors chose, then
    links that fit the signed-in person's roles. Lazy, so a page that shows
    no header (a PDF, an error page) does no work for it."""
    # A request refused before authentication (a foreign Host header) has no user.
    user = getattr(request, "user", None) or AnonymousUser()
    personal = []
    if user.is_authenticated:
        # The header also puts it in the top bar on a phone (components/header.html).
        personal.append(
            {"title": _("My page"), "url": reverse("home:dashboard"), "in_bar_on_phone": True}
        )
        if can_use_admin(user):
            personal.append({"title": _("Administration"), "url": reverse("wagtailadmin_home")})
    chrome = SimpleLazyObject(lambda: site_chrome(request))
    return {
        "site_chrome": chrome,
        "nav_sections": SimpleLazyObject(lambda: chrome["menu"]),
        "nav_personal": personal,
        "footer": SimpleLazyObject(lambda: chrome["footer"]),
    }
