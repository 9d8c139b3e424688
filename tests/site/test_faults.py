"""Faults: a failing mail server, a queue that is down, a database that does not
answer or cannot be read, and a request killed half-way. Each loses nothing and shows a person a
page, never a traceback."""

import os
import sqlite3
from contextlib import closing, contextmanager
from datetime import timedelta
from smtplib import SMTPServerDisconnected
from unittest import mock

import psycopg
import pytest
from django_q.conf import Conf
from django_q.models import Schedule
from django_q.scheduler import scheduler

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    DataError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
    close_old_connections,
    connection,
    connections,
)
from django.db.models import Q
from django.db.utils import load_backend
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from mentornett import tasks
from mentornett.db_unavailable import (
    RETRY_AFTER_SECONDS,
    is_database_unavailable,
    unavailable_response,
)
from network.models import ApplicationInvitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is not there."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class DroppingBackend(BaseEmailBackend):
    """A mail server that hangs up mid-conversation."""

    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Connection unexpectedly closed")


def email_retries():
    return Schedule.objects.filter(func=tasks.SEND_EMAIL)


def deferred_tasks():
    return Schedule.objects.filter(name__startswith="deferred ")


def run_due_schedules(captured):
    """What the cluster's scheduler does every 30 seconds, with the test queue's
    synchronous worker behind it. Only the retries and deferred tasks are made
    due; the site's own schedules (reminders) wait."""
    ours = Q(func=tasks.SEND_EMAIL) | Q(name__startswith="deferred ")
    now = timezone.now()
    Schedule.objects.filter(ours).update(next_run=now - timedelta(seconds=1))
    Schedule.objects.exclude(ours).update(next_run=now + timedelta(days=1))
    with captured(execute=True):
        scheduler()


# --- The mail server fails ---------------------------------------------------------


@pytest.mark.parametrize("backend", [RefusingBackend, DroppingBackend])
def test_a_failing_mail_server_keeps_the_registration_and_the_e_mail_is_retried(
    client, participant, make_event, settings, django_capture_on_commit_callbacks, backend
):
    event = make_event(capacity=5)
    settings.EMAIL_BACKEND = f"{backend.__module__}.{backend.__qualname__}"
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", args=[event.pk]))

    assert response.status_code == 302
    assert Registration.objects.get(event=event, person=participant).is_confirmed
    assert mail.outbox == []
    (retry,) = email_retries()
    assert retry.schedule_type == Schedule.ONCE
    assert retry.next_run > timezone.now() + timedelta(minutes=1)

    settings.EMAIL_BACKEND = LOCMEM  # the mail server is back
    run_due_schedules(django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[participant.email]]
    assert email_retries().count() == 0
    run_due_schedules(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_an_e_mail_is_never_sent_twice_once_it_went_through(settings):
    payload = {
        "subject": "Hei",
        "body": "Tekst",
        "from_email": "post@mentornett.no",
        "to": ["kari@example.no"],
        "key": "fixed-key",
    }
    assert tasks.send_email(**payload) == "sent"
    # The broker hands the same task out again (a worker died before acknowledging).
    assert tasks.send_email(**payload) == "already sent"
    assert tasks.send_email(**payload, attempt=3) == "already sent"
    assert len(mail.outbox) == 1


def test_an_e_mail_that_keeps_failing_is_given_up_and_recorded(settings):
    settings.EMAIL_BACKEND = "tests.site.test_faults.RefusingBackend"
    payload = {
        "subject": "Hei",
        "body": "Tekst",
        "from_email": "post@mentornett.no",
        "to": ["kari@example.no"],
        "key": "k",
    }
    delays = []
    for attempt in range(1, len(tasks.EMAIL_RETRY_DELAYS) + 1):
        before = timezone.now()
        tasks.send_email(**payload, attempt=attempt)
        retry = Schedule.objects.get(name=f"e-mail k attempt {attempt + 1}")
        delays.append(retry.next_run - before)
    # Each wait is longer than the one before: a day-long outage is ridden out.
    assert delays == sorted(delays)
    assert delays[-1] >= timedelta(hours=24)
    with pytest.raises(tasks.EmailNotSent):
        tasks.send_email(**payload, attempt=len(tasks.EMAIL_RETRY_DELAYS) + 1)
    assert email_retries().count() == len(tasks.EMAIL_RETRY_DELAYS)


def test_a_failing_mail_server_keeps_the_invitation_to_an_application(
    client, scheme, settings, django_capture_on_commit_callbacks
):
    from network.models import RelationshipKind
    from network.scheme.services import applications as services

    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.MENTORVET
    )
    mail.outbox.clear()  # the fixture's certificates
    settings.EMAIL_BACKEND = "tests.site.test_faults.RefusingBackend"
    client.force_login(scheme.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("scheme:invite", args=[application.pk]), {"email": "ny@example.no"}
        )

    assert response.status_code == 302
    assert ApplicationInvitation.objects.filter(
        application=application, email="ny@example.no"
    ).exists()
    assert email_retries().count() == 1
    settings.EMAIL_BACKEND = LOCMEM
    run_due_schedules(django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["ny@example.no"]]


def test_a_failing_mail_server_still_gets_the_certificate_e_mail_out_later(
    client, participant, make_course, settings, django_capture_on_commit_callbacks
):
    from courses.models import Certificate
    from courses.services import enroll

    course, (lesson,) = make_course(lessons=1)
    enroll(learner=participant, course=course)
    settings.EMAIL_BACKEND = "tests.site.test_faults.RefusingBackend"
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses:complete", args=[lesson.pk]))

    assert response.status_code == 302
    certificate = Certificate.objects.get(holder=participant)
    assert certificate.pdf  # made; only the e-mail waits
    assert email_retries().count() == 1
    settings.EMAIL_BACKEND = LOCMEM
    run_due_schedules(django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [[participant.email]]
    assert certificate.code in mail.outbox[0].body


# --- The queue is down -------------------------------------------------------------


@pytest.fixture
def redis_down(settings):
    """The Redis broker configured, but nothing listens on its port."""
    settings.Q_CLUSTER = {
        key: value for key, value in settings.Q_CLUSTER.items() if key not in ("orm", "sync")
    } | {"redis": "redis://127.0.0.1:1/0"}
    with (
        mock.patch.object(Conf, "SYNC", False),
        mock.patch.object(Conf, "ORM", None),
        mock.patch.object(Conf, "REDIS", "redis://127.0.0.1:1/0"),
    ):
        yield


def test_registering_works_while_the_queue_is_down_and_the_e_mail_follows_later(
    client, participant, make_event, redis_down, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", args=[event.pk]), follow=True)

    assert response.status_code == 200
    assert "Du er påmeldt" in response.content.decode()
    registration = Registration.objects.get(event=event, person=participant)
    assert registration.status == RegistrationStatus.CONFIRMED
    (deferred,) = deferred_tasks()
    assert deferred.func == "events.tasks.registration_received_task"
    assert mail.outbox == []


def test_the_deferred_work_runs_when_the_queue_is_back(
    client, participant, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=5)
    client.force_login(participant)
    with (
        mock.patch.object(Conf, "SYNC", False),
        mock.patch.object(Conf, "ORM", None),
        mock.patch.object(Conf, "REDIS", "redis://127.0.0.1:1/0"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(reverse("events:register", args=[event.pk]))
    assert mail.outbox == []

    run_due_schedules(django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[participant.email]]
    assert deferred_tasks().count() == 0


def test_healthz_reports_a_queue_that_is_down_but_stays_up(client, redis_down):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["queue"] == {"ok": False, "broker": "redis", "error": "ConnectionError"}


def test_an_enqueue_that_raises_is_deferred_not_lost():
    with mock.patch.object(tasks, "async_task", side_effect=OSError("broker gone")):
        assert tasks.enqueue("courses.tasks.render_certificate_pdf_task", 42) is None
    (deferred,) = deferred_tasks()
    assert (deferred.func, deferred.args, deferred.schedule_type) == (
        "courses.tasks.render_certificate_pdf_task",
        "(42,)",
        Schedule.ONCE,
    )


def test_an_enqueue_that_cannot_even_be_deferred_is_logged_and_the_page_goes_on(caplog):
    with (
        mock.patch.object(tasks, "async_task", side_effect=OSError("broker gone")),
        mock.patch.object(Schedule.objects, "create", side_effect=OperationalError("down")),
    ):
        assert tasks.enqueue("courses.tasks.render_certificate_pdf_task", 42) is None
    assert "it is lost" in caplog.text


# --- The database does not answer --------------------------------------------------


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    monkeypatch.setattr(connection, "cursor", refuse)


def quiet_client(**kwargs):
    # The test client re-raises a view's exception by default; a person's browser
    # gets the page Django makes of it, which is what these tests look at.
    return Client(raise_request_exception=False, **kwargs)


@pytest.mark.parametrize(
    ("language", "text"),
    [("nb", "Mentornett er utilgjengelig en liten stund"), ("en", "unavailable for a moment")],
)
def test_a_page_answers_503_in_the_persons_language_when_the_database_is_down(
    make_event, page_cache_off, language, text
):
    url = make_event().url
    client = quiet_client()
    client.cookies["mentornett_language"] = language
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        response = client.get(url)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert text in html
    assert f'<html lang="{language}"' in html
    assert "Traceback" not in html


def test_a_signed_in_person_gets_the_503_page_too(participant, make_event, page_cache_off):
    event = make_event()
    url, form_url = event.url, reverse("events:register", args=[event.pk])
    client = quiet_client()
    client.force_login(participant)
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        # Loading the signed-in person fails in a middleware, before any view runs.
        page = client.get(url)
        form = client.post(form_url)

    assert (page.status_code, form.status_code) == (503, 503)
    assert "Mentornett er utilgjengelig" in form.content.decode()


def test_a_cached_page_is_still_served_while_the_database_is_down(make_event):
    event = make_event()
    url = event.url
    client = quiet_client()
    assert client.get(url).status_code == 200  # now in the page cache
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        response = client.get(url)
    assert response.status_code == 200
    assert event.title in response.content.decode()


def test_the_503_page_asks_nothing_of_the_database(rf, django_assert_num_queries):
    request = rf.get("/arrangementer/?side=2")
    with django_assert_num_queries(0):
        response = unavailable_response(request)
    assert response.status_code == 503
    # "Try again" goes back where the person was.
    assert 'href="/arrangementer/?side=2"' in response.content.decode()


def test_healthz_says_the_database_is_down(client, database_down):
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["database"] == {"ok": False, "error": "OperationalError"}
    assert body["queue"]["ok"] is False


def test_other_errors_still_get_the_500_page():
    client = quiet_client()
    with mock.patch(
        "mentornett.views.database_status", side_effect=RuntimeError("a bug, not an outage")
    ):
        response = client.get("/healthz")
    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()


# --- A database that cannot be read -------------------------------------------------
#
# Real faults, not mocks: for the length of a test the site's "default" database
# is a real SQLite file damaged in one way or another, or a PostgreSQL server that
# refuses, and each page must be the 503 page with Retry-After. These run on either
# test database: the damaged database is a connection of its own, put in place of
# the test database's and put back afterwards.

FAULT_TIMEOUT = 0.1  # seconds SQLite waits for a lock; the site's own is 20


@contextmanager
def site_database(engine, name, **fields):
    """The site reads and writes `name` (with `engine`) inside the block."""
    original = connections[DEFAULT_DB_ALIAS]
    settings_dict = {
        **original.settings_dict,
        "ENGINE": engine,
        "NAME": name,
        "CONN_MAX_AGE": 0,
        "OPTIONS": {},
        "TEST": {},
        **fields,
    }
    damaged = load_backend(engine).DatabaseWrapper(settings_dict, DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = damaged
    try:
        yield damaged
    finally:
        damaged.close()
        connections[DEFAULT_DB_ALIAS] = original


def sqlite_file(path, **options):
    return site_database(
        "django.db.backends.sqlite3", str(path), OPTIONS={"timeout": FAULT_TIMEOUT, **options}
    )


def a_small_database(path):
    """A healthy SQLite file with a table of a thousand rows."""
    with closing(sqlite3.connect(path)) as database, database:
        database.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        database.executemany("INSERT INTO notes (text) VALUES (?)", [("x" * 50,)] * 1000)
    return path


@contextmanager
def not_a_database(tmp_path):
    path = tmp_path / "mentornett.sqlite3"
    path.write_bytes(b"This is the text of a letter, copied over the database.\n" * 200)
    with sqlite_file(path):
        yield


@contextmanager
def malformed(tmp_path):
    path = a_small_database(tmp_path / "mentornett.sqlite3")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad" * 1998  # the first page after its header: the schema
    path.write_bytes(bytes(data))
    with sqlite_file(path):
        yield


@contextmanager
def cannot_be_opened(tmp_path):
    with sqlite_file(tmp_path / "gone" / "mentornett.sqlite3"):
        yield


@contextmanager
def disk_io_error(tmp_path):
    """The disk fails under an open database: SQLite's file descriptor is
    replaced by one that cannot be read or locked."""
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("finding SQLite's file descriptor needs Linux's /proc")
    path = a_small_database(tmp_path / "mentornett.sqlite3")
    with sqlite_file(path) as database:
        database.ensure_connection()
        (descriptor,) = (
            int(fd)
            for fd in os.listdir("/proc/self/fd")
            if os.path.realpath(f"/proc/self/fd/{fd}") == str(path.resolve())
        )
        broken = os.open(os.devnull, os.O_WRONLY)
        os.dup2(broken, descriptor)
        os.close(broken)
        yield


@contextmanager
def locked(tmp_path):
    path = a_small_database(tmp_path / "mentornett.sqlite3")
    with closing(sqlite3.connect(path)) as other:
        other.execute("BEGIN EXCLUSIVE")  # a long write by another process
        with sqlite_file(path):
            yield


@contextmanager
def connection_refused(tmp_path):
    with site_database(
        "django.db.backends.postgresql",
        "mentornett",
        HOST="127.0.0.1",
        PORT="1",
        USER="mentornett",
        PASSWORD="",
        OPTIONS={"connect_timeout": 2},
    ):
        yield


DATABASE_FAULTS = [
    not_a_database,
    malformed,
    cannot_be_opened,
    disk_io_error,
    locked,
    connection_refused,
]


def assert_unavailable_page(response):
    assert response.status_code == 503, response.content.decode()[:300]
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    html = response.content.decode()
    assert "Mentornett er utilgjengelig en liten stund" in html
    assert "Noe gikk galt" not in html


@pytest.mark.parametrize("fault", DATABASE_FAULTS, ids=lambda fault: fault.__name__)
def test_a_database_that_cannot_be_read_gives_the_503_page(tmp_path, page_cache_off, fault):
    client = quiet_client()
    with fault(tmp_path):
        for url in ("/", "/arrangementer/", reverse("account_login")):
            assert_unavailable_page(client.get(url))


@pytest.mark.parametrize("fault", DATABASE_FAULTS, ids=lambda fault: fault.__name__)
def test_a_signed_in_person_gets_the_503_page_from_a_damaged_database(
    tmp_path, participant, make_event, fault
):
    form_url = reverse("events:register", args=[make_event().pk])
    client = quiet_client()
    client.force_login(participant)  # the session is in the cache as well
    with fault(tmp_path):
        assert_unavailable_page(client.get("/min-side/"))
        assert_unavailable_page(client.post(form_url))


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the read-only copy is made from the SQLite test database; make test runs it",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # no open transaction to copy
def test_a_read_only_database_file_gives_the_503_page_on_a_write(tmp_path, participant, make_event):
    event = make_event(capacity=5)
    client = quiet_client()
    client.force_login(participant)
    path = tmp_path / "mentornett.sqlite3"
    with closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)
    with sqlite_file(f"file:{path}?mode=ro", uri=True):
        assert client.get(event.url).status_code == 200  # reading works
        assert_unavailable_page(client.post(reverse("events:register", args=[event.pk])))


@pytest.mark.parametrize("fault", [not_a_database, malformed, cannot_be_opened, disk_io_error])
def test_healthz_reads_a_real_table_and_says_the_database_is_down(tmp_path, fault):
    with fault(tmp_path):
        response = quiet_client().get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["database"]["ok"] is False


def test_healthz_finds_no_tables_in_an_empty_database_file(tmp_path):
    # `SELECT 1` answers even here; a site without its tables is not up.
    with sqlite_file(tmp_path / "empty.sqlite3"):
        response = quiet_client().get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"]["ok"] is False


def run_sql(sql):
    def view_body():
        with connection.cursor() as cursor:
            cursor.execute(sql)
        return {"ok": True}

    return view_body


def raise_error(error):
    def view_body():
        raise error

    return view_body


@pytest.mark.parametrize(
    "body",
    [
        run_sql("SELECT * FROM no_such_table"),
        run_sql("SELECT no_such_column FROM django_migrations"),
        run_sql("SELEKT 1"),
        raise_error(ProgrammingError("relation does not exist")),
        raise_error(IntegrityError("duplicate key value violates unique constraint")),
        raise_error(DataError("value too long for type character varying(20)")),
        raise_error(DatabaseError("a driver error the site does not know")),
    ],
    ids=[
        "missing table",
        "missing column",
        "syntax error",
        "ProgrammingError",
        "IntegrityError",
        "DataError",
        "DatabaseError",
    ],
)
def test_a_programming_error_in_sql_is_the_500_page_not_the_503(body):
    with mock.patch("mentornett.views.database_status", side_effect=body):
        response = quiet_client().get("/healthz")

    assert response.status_code == 500
    assert "Noe gikk galt" in response.content.decode()
    assert not response.has_header("Retry-After")


def wrapped_by_django(driver_error):
    """The error as Django raises it from a PostgreSQL cursor."""
    wrapper = load_backend("django.db.backends.postgresql").DatabaseWrapper(
        {**connection.settings_dict, "OPTIONS": {}}, DEFAULT_DB_ALIAS
    )
    try:
        with wrapper.wrap_database_errors:
            raise driver_error
    except Exception as error:  # the Django error, with the driver's as its cause
        return error


@pytest.mark.parametrize(
    ("driver_error", "unavailable"),
    [
        (psycopg.OperationalError("connection to server at 127.0.0.1 failed: refused"), True),
        (psycopg.errors.AdminShutdown("terminating connection due to administrator"), True),
        (psycopg.OperationalError("server closed the connection unexpectedly"), True),
        (psycopg.InterfaceError("the connection is closed"), True),
        (psycopg.errors.UndefinedTable('relation "x" does not exist'), False),
        (psycopg.errors.SyntaxError("syntax error at or near"), False),
        (psycopg.errors.UniqueViolation("duplicate key value"), False),
        (psycopg.errors.StringDataRightTruncation("value too long"), False),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else str(value),
)
def test_postgresql_errors_are_sorted_by_their_type(driver_error, unavailable):
    error = wrapped_by_django(driver_error)
    assert error.__cause__ is driver_error
    assert is_database_unavailable(error) is unavailable


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a lost connection needs a database server; make test-postgres runs it",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_lost_postgresql_connection_gives_the_503_page_and_the_next_request_recovers(
    make_event, page_cache_off
):
    url = make_event().url
    client = quiet_client()
    assert client.get(url).status_code == 200
    backend_pid = connection.connection.info.backend_pid
    other = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with other.cursor() as cursor:  # what an administrator or a failover does
            cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
    finally:
        other.close()

    assert_unavailable_page(client.get(url))

    # What Django's request handler does at the end of every request (the test
    # client leaves it out): a connection that failed is closed, and the next
    # request opens a new one.
    close_old_connections()
    response = client.get(url)
    assert response.status_code == 200
    assert connection.connection.info.backend_pid != backend_pid


# --- A request killed half-way -----------------------------------------------------
#
# The request runs through the real view; the n-th row it writes fails as if the
# process died there, for every n from the second write on. Afterwards the
# database must be exactly as before, and the person sees the friendly 500 page.

WRITES = ("INSERT", "UPDATE", "DELETE")
# Written around the request, not by the service: the session (after the
# response) and django-axes' login bookkeeping.
NOT_THE_SERVICE = ("django_session", "axes_")
OUR_APPS = {"mentornett", "courses", "events", "network", "home"}


class KilledMidway(Exception):
    pass


class Rollback(Exception):
    pass


class WriteKiller:
    def __init__(self, kill_at=None):
        self.kill_at = kill_at
        self.writes = []

    def __call__(self, execute, sql, params, many, context):
        statement = sql.lstrip().upper()
        if statement.startswith(WRITES) and not any(t in sql for t in NOT_THE_SERVICE):
            self.writes.append(sql)
            if len(self.writes) == self.kill_at:
                raise KilledMidway(f"killed at write {self.kill_at}: {sql[:80]}")
        return execute(sql, params, many, context)


def snapshot() -> dict:
    """Every row of every table of ours, field by field."""
    from django.apps import apps

    rows = {}
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in OUR_APPS:
            continue
        for model in config.get_models():
            if model._meta.proxy:
                continue
            rows[model._meta.label] = list(model._base_manager.order_by("pk").values())
    return rows


def writes_made_by(send) -> int:
    """How many rows the request writes when nothing fails: a dry run, rolled back."""
    from django.db import transaction

    killer = WriteKiller()
    try:
        with connection.execute_wrapper(killer), transaction.atomic():
            send()
            raise Rollback
    except Rollback:
        pass
    return len(killer.writes)


def assert_all_or_nothing(client, send):
    client.raise_request_exception = False
    writes = writes_made_by(send)
    assert writes >= 2, "the request should write several rows"
    before = snapshot()
    for kill_at in range(2, writes + 1):
        with connection.execute_wrapper(WriteKiller(kill_at)):
            response = send()
        assert response.status_code == 500, kill_at
        assert "Noe gikk galt" in response.content.decode()
        assert snapshot() == before, f"half-written when killed at write {kill_at}"
    response = send()  # and with nothing failing, the request does its work
    assert response.status_code in (200, 302)
    assert snapshot() != before


def test_registering_while_the_waitlist_moves_up_is_all_or_nothing(client, make_event):
    event = make_event(capacity=1)
    first, waiting, newcomer = UserFactory(), UserFactory(), UserFactory()
    from events.services import register

    register(person=first, event=event)
    register(person=waiting, event=event)
    # An editor raised the capacity; the next registration moves the waitlist up first.
    type(event).objects.filter(pk=event.pk).update(capacity=2)
    client.force_login(newcomer)

    assert_all_or_nothing(client, lambda: client.post(reverse("events:register", args=[event.pk])))
    statuses = dict(Registration.objects.values_list("person_id", "status"))
    assert statuses[waiting.pk] == RegistrationStatus.CONFIRMED
    assert statuses[newcomer.pk] == RegistrationStatus.WAITLISTED


def test_cancelling_with_a_promotion_is_all_or_nothing(client, make_event):
    from events.services import register

    event = make_event(capacity=1)
    first, waiting = UserFactory(), UserFactory()
    register(person=first, event=event)
    register(person=waiting, event=event)
    client.force_login(first)

    assert_all_or_nothing(client, lambda: client.post(reverse("events:cancel", args=[event.pk])))
    assert Registration.objects.get(person=waiting).is_confirmed


def test_sending_an_application_is_all_or_nothing(client, scheme):
    from network.models import ApplicationStatus
    from tests.scheme.fixtures import complete_application

    application = complete_application(scheme)
    client.force_login(scheme.mentor)
    data = {
        "starts_on": "2026-01-05",
        "ends_on": "2026-04-04",
        "municipality": scheme.municipality.pk,
        "employer": application.employer,
        "backup_plan": application.backup_plan,
        "reverse_ride_along_from": "2026-01-05",
        "reverse_ride_along_to": "2026-01-16",
        "insurance_confirmed": "on",
        "municipality_contact_name": application.municipality_contact_name,
        "municipality_contact_email": application.municipality_contact_email,
        "planned_use": application.planned_use,
        "mentor_declarations": application.mentor_declarations,
        "send": "1",
    }
    url = reverse("scheme:application", args=[application.pk])

    assert_all_or_nothing(client, lambda: client.post(url, data))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_deciding_a_claim_is_all_or_nothing(client, scheme, staff_user):
    from mentornett.accounts.roles import StaffRole
    from network.models import ClaimStatus
    from network.scheme.services import relationships
    from tests.scheme.fixtures import active_relationship, receipt

    application = active_relationship(scheme)
    claim = relationships.submit_claim(
        application=application,
        user=scheme.mentee,
        category="travel",
        description="Fly Oslo–Røros",
        amount=1200,
        spent_on=application.starts_on,
        receipt=receipt(),
    )
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    url = reverse("scheme:decide_claim", args=[claim.pk])

    assert_all_or_nothing(
        client, lambda: client.post(url, {"approved_amount": "1000", "note": "Sjekket"})
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED


def test_registering_a_payout_is_all_or_nothing(client, scheme, staff_user):
    from mentornett.accounts.roles import StaffRole
    from network.models import ApplicationStatus
    from network.scheme.services import applications
    from tests.scheme.fixtures import active_relationship

    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    application = active_relationship(scheme)
    applications.change_status(
        application=application,
        user=office,
        expected=ApplicationStatus.ACTIVE,
        to=ApplicationStatus.ENDED,
    )
    client.force_login(office)
    url = reverse("scheme:payout", args=[application.pk])

    assert_all_or_nothing(
        client,
        lambda: client.post(url, {"mentor_fee": "40000", "override_reason": "Rapport på papir"}),
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PAID


def test_sending_a_home_task_report_is_all_or_nothing(client, world):
    from network.models import Submission

    client.force_login(world.member_a)
    url = reverse("network:save", args=[world.team_a.pk, world.status_task.pk])

    assert_all_or_nothing(
        client,
        lambda: client.post(url, {"section_done": "Ferdig", "base_done": "", "send": "1"}),
    )
    assert Submission.objects.get().versions.count() == 1


def test_completing_a_course_and_getting_the_certificate_is_all_or_nothing(
    client, participant, make_course
):
    from courses.models import Certificate
    from courses.services import enroll

    course, (lesson,) = make_course(lessons=1)
    enroll(learner=participant, course=course)
    client.force_login(participant)

    assert_all_or_nothing(
        client, lambda: client.post(reverse("courses:complete", args=[lesson.pk]))
    )
    assert Certificate.objects.filter(holder=participant).count() == 1
