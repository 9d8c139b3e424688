"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against a
live server, with axe-core run on every page visited."""

import io
import os
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between page actions are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
BLOCKING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def pytest_collection_modifyitems(items):
    """Every browser test that touches the database must restore it the same way.
    A plain ``django_db`` test with the live server flushes the database and lets
    Django recreate content types, which then collide with the next test's
    serialized restore: every later test errors at setup."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if not marker or "browser" not in item.keywords:
            continue
        if not (marker.kwargs.get("transaction") and marker.kwargs.get("serialized_rollback")):
            raise pytest.UsageError(
                f"{item.nodeid}: mark browser tests "
                "django_db(transaction=True, serialized_rollback=True)"
            )


class Snapshots:
    """Copies of the test database's rows in schemas of their own, put back
    with DELETE and one INSERT ... SELECT per table that had rows, in one
    transaction. Django's foreign keys are checked at commit (DEFERRABLE
    INITIALLY DEFERRED), so the order does not matter. Tables whose triggers
    refuse DELETE (the append-only audit log) are emptied by TRUNCATE.
    Sequences are left alone: they only grow, so a copied row's id is never
    handed out again."""

    def __init__(self, connection):
        from django.db.backends.postgresql.operations import DatabaseOperations

        self.connection = connection
        self.truncate = DatabaseOperations.sql_flush  # Django's own, before the patch
        self.quote = connection.ops.quote_name
        self.refills = {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
            )
            self.guarded = {name.strip('"') for (name,) in cursor.fetchall()}

    def take(self, schema):
        """Copy every table that has rows into `schema`."""
        quote = self.quote
        refills = []
        with self.connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            cursor.execute(f"CREATE SCHEMA {schema}")
            for table in self.connection.introspection.django_table_names(only_existing=True):
                # Table names from Django's introspection, quoted: nothing from outside.
                cursor.execute(f"SELECT EXISTS (SELECT FROM {quote(table)})")  # noqa: S608
                if not cursor.fetchone()[0]:
                    continue
                cursor.execute(f"CREATE TABLE {schema}.{quote(table)} AS TABLE {quote(table)}")
                cursor.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                    "current_schema() AND table_name = %s AND is_generated = 'NEVER' "
                    "ORDER BY ordinal_position",
                    [table],
                )
                columns = ", ".join(quote(name) for (name,) in cursor.fetchall())
                refills.append(
                    f"INSERT INTO {quote(table)} ({columns}) "  # noqa: S608
                    f"SELECT {columns} FROM {schema}.{quote(table)}"
                )
        self.refills[schema] = refills

    def emptying(self, tables, truncate):
        """Statements that empty `tables`; `truncate` is Django's own flush."""
        quote = self.quote
        emptied = [f"DELETE FROM {quote(t)};" for t in tables if t not in self.guarded]  # noqa: S608
        return emptied + truncate([t for t in tables if t in self.guarded])

    def restore(self, schema):
        """Put the database back as it was when `schema` was taken."""
        from django.core.management.color import no_style
        from django.db import transaction

        tables = self.connection.introspection.django_table_names(only_existing=True)
        statements = self.emptying(
            tables, lambda guarded: self.truncate(self.connection.ops, no_style(), guarded)
        )
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            for statement in statements + self.refills[schema]:
                cursor.execute(statement)


BASE_SNAPSHOT = "browser_snapshot"
DEMO_SNAPSHOT = "browser_demo"


@pytest.fixture(scope="session", autouse=True)
def _quick_reset_on_postgresql(django_db_setup, django_db_blocker):
    """After each test the database goes back to the migrations' rows. Django
    empties PostgreSQL with one TRUNCATE of every table (a new file for each
    table and index, after waiting for the live server's connection to let
    go) and saves the rows back one object at a time: about two seconds a test,
    most of the suite's time outside the browser. Here the flush puts the
    migrations' rows back from a snapshot (see Snapshots). Yields the
    snapshots, or None on SQLite."""
    from django.db import connection
    from django.db.backends.postgresql.creation import DatabaseCreation
    from django.db.backends.postgresql.operations import DatabaseOperations

    if connection.vendor != "postgresql":
        yield None
        return
    with django_db_blocker.unblock():
        snapshots = Snapshots(connection)
        snapshots.take(BASE_SNAPSHOT)
    database = connection.settings_dict["NAME"]
    truncate = snapshots.truncate

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or self.connection.settings_dict["NAME"] != database:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        emptied = snapshots.emptying(tables, lambda guarded: truncate(self, style, guarded))
        return emptied + snapshots.refills[BASE_SNAPSHOT]

    def deserialize_db_from_string(self, data):
        """The flush has put the rows back already."""

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        patch.setattr(DatabaseCreation, "deserialize_db_from_string", deserialize_db_from_string)
        yield snapshots


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(params=["phone", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture(params=["nb", "en"])
def language(request):
    return request.param


@pytest.fixture(autouse=True)
def site_at_the_live_server(request, settings):
    """Links in e-mails and pages are made from SITE_URL: point it at the live
    server, so a test can follow them as a person would."""
    if "live_server" in request.fixturenames:
        settings.SITE_URL = request.getfixturevalue("live_server").url


@pytest.fixture
def demo_content(settings, _quick_reset_on_postgresql):
    """The demo world `make run` loads (the command refuses without DEBUG).
    On PostgreSQL it is loaded once per worker and put back from a snapshot
    after that (its files stay in the worker's in-memory storage)."""
    snapshots = _quick_reset_on_postgresql
    if snapshots is not None and DEMO_SNAPSHOT in snapshots.refills:
        snapshots.restore(DEMO_SNAPSHOT)
        return
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    if snapshots is not None:
        snapshots.take(DEMO_SNAPSHOT)


@pytest.fixture
def page(browser, live_server, viewport, language):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="nb-NO" if language == "nb" else "en-GB",
        base_url=live_server.url,
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
    )
    context.add_cookies(
        [{"name": "mentornett_language", "value": language, "url": live_server.url}]
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def assert_accessible(page):
    """Run axe-core on the page as it is now; fail on serious or critical issues.
    Also checks that the page fits the screen: readable on a phone."""
    assert_fits_the_screen(page)
    results = _axe.run(page)
    blocking = [
        violation
        for violation in results.response["violations"]
        if violation.get("impact") in BLOCKING_IMPACTS
    ]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in blocking
    )
    assert not blocking, f"axe found problems on {page.url}:\n{report}"


def sign_in(page, email, password):
    """Sign in through the form, as a person would; lands on Min side."""
    page.goto("/konto/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/min-side/$"))


def sign_in_to_admin(page, email, password):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def assert_fits_the_screen(page):
    """Nothing on the page makes a phone scroll sideways."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"
