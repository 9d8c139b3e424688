from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.utils import translation

from mentornett import content_cache
from mentornett.accounts.models import Language
from mentornett.accounts.permissions import staff_roles
from mentornett.page_cache import CACHED_VIEWS


class PreferredLanguageMiddleware:
    """A signed-in person sees the site in the language they chose, on any device.
    Runs after AuthenticationMiddleware; LocaleMiddleware handles everyone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = user.preferred_language
            if language in Language.values and language != request.LANGUAGE_CODE:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


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
