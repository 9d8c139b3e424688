from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def server_error(request):
    # Rendered without context processors, so no database access: the failure
    # may be the database itself.
    html = loader.get_template("500.html").render({"request": request})
    return HttpResponseServerError(html)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)
