"""The permission matrix: every URL pattern of the site and every Wagtail page
type, requested by every role, against the expected outcome.

What is walked is discovered, never listed by hand: the URL patterns from
Django's resolver (with namespaces) and the page types from
`wagtail.models.get_page_models()`. The roles are anonymous, a plain signed-in
participant, the mentor and the mentee of a running relationship (the mentor
also runs a MentorHub), a member (the coordinator) of team A and of team B,
team A's advisor, the network's organiser, the organiser and the advisor of a
second network, a scheme administrator, an editor and a municipality contact.
They all live in one world built once for the module
(permission_matrix/world.py); every object a URL points at belongs to team A
(in network A), the mentor or the mentee, so everyone else is asking for
someone else's, and gets 404 where even existence is private: network B's
organiser and advisor get 404 on network A's team pages, reports, dashboard
and admin rows.

Each check is a real request through the test client: a GET per role, then a
POST by each role the GET refused (and, for POST-only views, by everyone who
may not POST), which must be refused the same way and change nothing in the
database.

Adding a URL or page type
-------------------------
The test fails for a URL pattern or page type without an entry, and for an
entry whose pattern is gone. To add one:

* a URL outside the admin: an entry in `URLS` (permission_matrix/table.py),
  keyed by its namespaced name (`app:name`), e.g. `only("member_a", ...)`,
  `signed_in()`, `everyone()` or `post_only(...)`. If it takes an argument the
  world has no value for yet, add the value to permission_matrix/arguments.py
  (and the object to world.py);
* a page type: an entry in `PAGES` (table.py) and a live page of it in world.py;
* an admin URL (`admin/…`): a `Rule` in permission_matrix/admin.py. Rules are
  matched in order by the pattern's name; a Mentornett snippet model needs a
  line in `SNIPPETS` (and `PERSONAL` when its rows name people). Admin URLs
  without arguments, and Mentornett's own admin URLs with them, are requested.

Decide the outcome from the view and the app's permissions.py, not from what
the view happens to answer today.
"""

import pytest

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import connection, transaction
from django.test import Client

from wagtail.documents import get_document_model

from tests.site.permission_matrix import admin
from tests.site.permission_matrix.arguments import url_for
from tests.site.permission_matrix.discovery import outcome, page_types, url_patterns
from tests.site.permission_matrix.table import PAGES, URLS
from tests.site.permission_matrix.world import ROLES, build_world

# Marked as a database test so pytest-django runs it among those, before the
# transactional tests, which leave an empty database behind them. The world
# itself is built once per module (`matrix`); each test's changes roll back.
pytestmark = pytest.mark.django_db

PATTERNS = {pattern.key: pattern for pattern in url_patterns()}
SITE_KEYS = sorted(key for key, pattern in PATTERNS.items() if not pattern.is_admin)
ADMIN_KEYS = sorted(key for key, pattern in PATTERNS.items() if pattern.is_admin)
PAGE_KEYS = page_types()


@pytest.fixture(scope="module")
def _documents_on_disk(tmp_path_factory):
    """The test settings keep files in memory, where Wagtail's document view
    (which sends a local file) finds nothing: this module's documents are on disk."""
    field = get_document_model()._meta.get_field("file")
    in_memory = field.storage
    field.storage = FileSystemStorage(location=tmp_path_factory.mktemp("documents"))
    yield
    field.storage = in_memory


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, _documents_on_disk):
    """The world and each role's session key, built once and rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        sessions = {}
        for role, user in world.users.items():
            client = Client()
            client.force_login(user)
            sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield world, sessions
        transaction.set_rollback(True)


def _clients(sessions) -> dict:
    # New clients per test: a response may drop the session cookie (Wagtail's
    # sign-out does, even when it refuses a GET).
    clients = {"anonymous": Client(raise_request_exception=False)}
    for role, key in sessions.items():
        clients[role] = Client(raise_request_exception=False)
        clients[role].cookies[settings.SESSION_COOKIE_NAME] = key
    return clients


class _Writes:
    """Every statement that writes, but for sessions (signing in and messages
    live there): a refused request must write nothing else."""

    IGNORED = ("django_session", "axes_")

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        words = sql.lstrip().split(None, 3)
        verb = words[0].upper() if words else ""
        if verb in ("INSERT", "UPDATE", "DELETE", "REPLACE") and not any(
            table in sql for table in self.IGNORED
        ):
            self.statements.append(sql[:120])
        return execute(sql, params, many, context)


def _outcome(response) -> str:
    if response.streaming:
        # Read to the end: the test client then closes the file, without
        # closing the database connection as a real request's end would.
        b"".join(response.streaming_content)
    return outcome(response)


def _check(url, entry, sessions):
    clients = _clients(sessions)
    problems = []
    for role in ROLES:
        got = _outcome(clients[role].get(url))
        if got != entry.get[role]:
            problems.append(f"GET  {role}: expected {entry.get[role]}, got {got}")
    writes = _Writes()
    with connection.execute_wrapper(writes):
        for role, expected in entry.refused_posts().items():
            got = _outcome(clients[role].post(url))
            if got != expected:
                problems.append(f"POST {role}: expected {expected} (refused), got {got}")
    if writes.statements:
        problems.append(f"refused POSTs wrote: {writes.statements}")
    assert not problems, f"{url}\n" + "\n".join(problems)


def test_every_url_and_page_type_has_an_entry(matrix):
    world, _sessions = matrix
    problems = []
    for key in SITE_KEYS:
        if key not in URLS:
            problems.append(f"URL {key!r} ({PATTERNS[key].route}): add it to URLS in table.py")
    for key in URLS:
        if key not in PATTERNS:
            problems.append(f"URLS[{key!r}]: no such URL pattern any more; remove the entry")
    for key in ADMIN_KEYS:
        rule = admin.rule_for(key)
        if rule is None:
            problems.append(f"admin URL {key!r}: add a Rule to admin.py")
        elif rule.entry is None and not PATTERNS[key].arguments:
            problems.append(f"admin URL {key!r} takes no arguments: give it a requested Rule")
    for rule in admin.RULES:
        if not any(admin.rule_for(key) is rule for key in ADMIN_KEYS):
            problems.append(f"admin Rule {rule.name!r} matches no URL pattern any more")
    for key in PAGE_KEYS:
        if key not in PAGES:
            problems.append(f"page type {key!r}: add it to PAGES in table.py (and to world.py)")
        elif PAGES[key] is not None and key.split(":")[0] not in world.pages:
            problems.append(f"page type {key!r}: add a live page of it to world.py")
    for key in PAGES:
        if key not in PAGE_KEYS:
            problems.append(f"PAGES[{key!r}]: no such page type any more; remove the entry")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("key", [key for key in SITE_KEYS if URLS.get(key)])
def test_url(matrix, key):
    world, sessions = matrix
    url = url_for(PATTERNS[key], world)
    assert url is not None, f"{key}: give its arguments a value in arguments.py"
    _check(url, URLS[key], sessions)


def _admin_cases():
    for key in ADMIN_KEYS:
        rule = admin.rule_for(key)
        if rule is None or rule.entry is None:
            continue
        if PATTERNS[key].arguments and not rule.with_arguments:
            continue
        yield key


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(_admin_cases()))
def test_admin_url(matrix, key):
    world, sessions = matrix
    pattern = PATTERNS[key]
    extra = {}
    match = admin.SNIPPET_KEY.match(key)
    if match:
        model = apps.get_model(*match["model"].split("_", 1))
    else:
        model = admin.VIEWSET_MODELS.get(key.split(":")[0])
        model = model and apps.get_model(model)
    if model is not None:
        extra["pk"] = model.objects.order_by("pk").first().pk
    url = url_for(pattern, world, extra)
    assert url is not None, f"{key}: give its arguments a value in arguments.py"
    _check(url, admin.entry_for(admin.rule_for(key), key), sessions)


@pytest.mark.django_db
@pytest.mark.parametrize("key", [key for key in PAGE_KEYS if PAGES.get(key)])
def test_page_type(matrix, key):
    world, sessions = matrix
    label, _sep, route = key.partition(":")
    page = world.pages[label]
    url = page.url + page.reverse_subpage(route) if route else page.url
    _check(url, PAGES[key], sessions)
