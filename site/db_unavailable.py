"""When the database does not answer, a person gets a calm, translated 503 page
with Retry-After instead of a 500. The page itself asks nothing of the
database: no context processors, no request.user, no session, no page cache."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120


def is_database_unavailable(error: BaseException | None) -> bool:
    # OperationalError: the server is gone, refuses, or a query was cut off;
    # InterfaceError: the connection was closed under us.
    return isinstance(error, OperationalError | InterfaceError)


def unavailable_response(request) -> HttpResponse:
    html = loader.get_template("503.html").render({"path": request.get_full_path()})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database outage inside a view into the 503 page. An outage inside
    another middleware (loading the signed-in user) reaches handler500, which
    asks the same question: see mentornett.views.server_error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.error("Database unavailable: %r (%s)", exception, request.path)
        return unavailable_response(request)
