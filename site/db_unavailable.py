"""When the database does not answer, a person gets a calm, translated 503 page
with Retry-After instead of a 500. The page itself asks nothing of the
database: no context processors, no request.user, no session, no page cache."""

import logging
import sqlite3

import psycopg

from django.db import Error, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120

# SQLite says "the file cannot be read or written just now" with these primary
# result codes. Everything else it raises as OperationalError too ("no such
# table", a syntax error), which is a bug and stays a 500.
SQLITE_UNAVAILABLE_CODES = frozenset(
    {
        sqlite3.SQLITE_BUSY,  # database is locked
        sqlite3.SQLITE_LOCKED,  # database table is locked
        sqlite3.SQLITE_READONLY,  # attempt to write a readonly database
        sqlite3.SQLITE_IOERR,  # disk I/O error
        sqlite3.SQLITE_CORRUPT,  # database disk image is malformed
        sqlite3.SQLITE_FULL,  # database or disk is full
        sqlite3.SQLITE_CANTOPEN,  # unable to open database file
        sqlite3.SQLITE_PROTOCOL,  # locking protocol
        sqlite3.SQLITE_NOTADB,  # file is not a database
    }
)
# The same faults by SQLite's message, for an error that carries no code.
SQLITE_UNAVAILABLE_MESSAGES = (
    "database is locked",
    "database table is locked",
    "attempt to write a readonly database",
    "disk i/o error",
    "database disk image is malformed",
    "database or disk is full",
    "unable to open database file",
    "locking protocol",
    "file is not a database",
)


def _sqlite_unavailable(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in SQLITE_UNAVAILABLE_CODES  # extended codes keep the primary low
    message = str(error).lower()
    return any(message.startswith(known) for known in SQLITE_UNAVAILABLE_MESSAGES)


def is_database_unavailable(error: BaseException | None) -> bool:
    """True for a database that cannot be reached or read: refused, lost, locked,
    read-only, a damaged or missing file, a failing disk. Never for an error in
    what was asked of it (ProgrammingError, IntegrityError, DataError, or SQLite's
    "no such table")."""
    if error is None:
        return False
    # Django raises its own class with the driver's error as the cause.
    driver_error = error.__cause__ if isinstance(error, Error) and error.__cause__ else error
    if isinstance(driver_error, sqlite3.Error):
        return _sqlite_unavailable(driver_error)
    # PostgreSQL (psycopg): OperationalError is the server refusing, going away
    # or ending the connection; InterfaceError, a connection closed under us.
    return isinstance(
        driver_error,
        OperationalError | InterfaceError | psycopg.OperationalError | psycopg.InterfaceError,
    )


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
