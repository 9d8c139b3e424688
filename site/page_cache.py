"""Whole public pages for visitors who are not signed in, served from the shared
cache. A cached page is stamped with the content generation (content_cache),
which every publish, unpublish, settings change or registration bumps, so a page
is never served stale after an editor publishes.

Only Wagtail pages are cached, and only when nothing personal can be in them:
the request carries no session or message cookie, and the response sets no
cookie, used no CSRF token, is a plain 200 and is not marked private."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from django.utils.translation import get_language

from mentornett import content_cache

# Time-dependent content (upcoming events move into the past) refreshes at least this often.
PAGE_TIMEOUT = 5 * 60
CACHED_VIEWS = frozenset({"wagtail_serve"})
HIT_HEADER = "X-Page-Cache"


def _cacheable_request(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "preview" not in request.GET
    )


def _cacheable_response(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in CACHED_VIEWS:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not cache_control & {"private", "no-cache", "no-store"}


def _key(request) -> str:
    address = f"{request.get_host()}:{get_language()}:{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


class AnonymousPageCacheMiddleware:
    """Sits after LocaleMiddleware (the language is part of the key) and before
    everything that would touch the session or the database. It looks in the
    cache once the address is known to be a page, so other views pay nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key and HIT_HEADER not in response and _cacheable_response(request, response):
            entry = (request._content_generation, list(response.items()), response.content)
            cache.set(key, entry, PAGE_TIMEOUT)
            response[HIT_HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.SHARED_CACHE or request.resolver_match.view_name not in CACHED_VIEWS:
            return None
        if not _cacheable_request(request):
            return None
        key = _key(request)
        found = cache.get_many([content_cache.GENERATION_KEY, key])
        generation = found.get(content_cache.GENERATION_KEY) or content_cache.current()
        # Read before rendering: a bump while rendering leaves the entry stale.
        request._content_generation = generation
        request._page_cache_key = key
        stamped = found.get(key)
        if not stamped or stamped[0] != generation:
            return None
        _generation, headers, content = stamped
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        # Signed-in visitors get another page at this address.
        patch_vary_headers(response, ["Cookie"])
        response[HIT_HEADER] = "hit"
        return response
