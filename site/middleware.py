from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from mentornett import content_cache
from mentornett.accounts.languages import language_for, serve_in, set_language_cookie
from mentornett.accounts.permissions import staff_roles
from mentornett.page_cache import CACHED_VIEWS


class PreferredLanguageMiddleware:
    """Decides the request's language once (accounts.languages.language_for): a
    signed-in person sees the site in the language they chose, on any device.
    Runs after AuthenticationMiddleware; LocaleMiddleware, earlier, has already
    read the cookie and the browser for visitors' cached pages.

    A flash message is shown on the next page, so the next page must be in the
    language it was written in. Signing in switches the request to the person's
    language before allauth writes "Signed in as …" (AccountAdapter.login);
    signing out leaves the cookie at the language the person was reading, so
    "You have signed out" and the page after it agree."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_for(request)
        if language != getattr(request, "LANGUAGE_CODE", None):
            serve_in(request, language)
        signed_in = _signed_in(request)
        response = self.get_response(request)
        if (
            signed_in
            and not _signed_in(request)
            and settings.LANGUAGE_COOKIE_NAME not in response.cookies
        ):
            set_language_cookie(response, request.LANGUAGE_CODE)
        return response


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class PermissionCacheMiddleware:
    """Signed-in pages ask "may this person use the admin?" (the header, Wagtail's
    user bar) and "which staff roles?" on every request; the answers change only
    when groups or permissions do, so they come from the shared cache, stamped
    with the permissions generation that such a change bumps."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if settings.SHARED_CACHE and user is not None and user.is_authenticated:
            prime_permission_cache(user)
        return self.get_response(request)


PERMISSION_CACHE_TIMEOUT = 5 * 60


def prime_permission_cache(user) -> None:
    key = f"permissions:{user.pk}:{int(user.is_active)}:{int(user.is_superuser)}"
    found = cache.get_many([content_cache.PERMISSIONS_KEY, key])
    generation = found.get(content_cache.PERMISSIONS_KEY) or content_cache.permissions_generation()
    stamped = found.get(key)
    if stamped and stamped[0] == generation:
        user._user_perm_cache, user._group_perm_cache, user._staff_roles = stamped[1]
        user._perm_cache = user._user_perm_cache | user._group_perm_cache
        return
    backend = ModelBackend()
    backend.get_all_permissions(user)  # fills the _perm caches on the user
    sets = (
        getattr(user, "_user_perm_cache", set()),
        getattr(user, "_group_perm_cache", set()),
        staff_roles(user),
    )
    cache.set(key, (generation, sets), PERMISSION_CACHE_TIMEOUT)


class CachedSiteMiddleware:
    """Wagtail looks up the site, its root page and the home page behind it to
    serve every page; they change only when an editor changes them, so the site
    comes from the cache with its home page attached (the content generation
    keeps it fresh)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name in CACHED_VIEWS:
            key = f"wagtail-site:{request._get_raw_host()}:{request.get_port()}"
            request._wagtail_site = content_cache.stamped(
                request, key, lambda: _site_with_home_page(request), SITE_TIMEOUT
            )


SITE_TIMEOUT = 60 * 60


def _site_with_home_page(request):
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
