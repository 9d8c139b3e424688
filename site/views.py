import sys

from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .db_unavailable import is_database_unavailable, unavailable_response
from .health import database_status, queue_status


@never_cache
@require_GET
def healthz(request):
    database = database_status()
    queue = queue_status() if database["ok"] else {"ok": False, "error": "database unavailable"}
    status = "ok" if database["ok"] and queue["ok"] else ("degraded" if database["ok"] else "down")
    # Only the database decides liveness; a slow queue is reported, not fatal.
    return JsonResponse(
        {"status": status, "database": database, "queue": queue},
        status=200 if database["ok"] else 503,
    )


# Personal and working pages are not for search engines; they need a sign-in
# anyway, and their addresses say nothing a crawler should keep.
ROBOTS_DISALLOW = [
    "/admin/",
    "/konto/",
    "/min-side/",
    "/mine-team/",
    "/ordningen/",
    "/invitasjon/",
    "/arrangor/",
    "/sok/",
    "/sprak/",
    "/komponenter/",
]


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in ROBOTS_DISALLOW]]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    # Django calls this inside its `except` block: a database outage raised
    # outside a view (loading the signed-in user) still gets the 503 page.
    if is_database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    # Rendered without context processors, so no database access: the failure
    # may be the database itself.
    html = loader.get_template("500.html").render({"request": request})
    return HttpResponseServerError(html)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)
