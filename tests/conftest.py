import io
from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from mentornett.accounts.roles import StaffRole

from .factories import PASSWORD, UserFactory
from .scheduling import WholeModuleScheduling, check_whole_modules

pytest_plugins = [
    "tests.courses.fixtures",
    "tests.events.fixtures",
    "tests.network.fixtures",
    "tests.scheme.fixtures",
    "tests.scheme.hub_fixtures",
    "tests.scheme.finn_request_fixtures",
    "tests.home.guide_fixtures",
]


def pytest_collection_modifyitems(items):
    check_whole_modules(items)


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` (as the Makefile runs the suites) with the modules that
    build a world sent whole to one worker: see tests/scheduling.py."""
    if config.getvalue("dist") == "loadgroup":
        return WholeModuleScheduling(config, log)
    return None


def pytest_unconfigure(config):
    """Each process (each xdist worker) signs with an Open Badges key of its own
    (site/settings/test.py); it is not kept after the run."""
    from django.conf import settings

    if settings.configured and getattr(settings, "OPENBADGES_SIGNING_KEY_FILE", ""):
        Path(settings.OPENBADGES_SIGNING_KEY_FILE).unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """The demo world `make run` loads, built once for the module that asks for
    it and rolled back after the module's last test; each test's own writes
    roll back as usual. Such a module goes whole to one worker: list it in
    tests/scheduling.py's WHOLE_MODULES."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def page_cache_off(settings):
    """For tests that count what rendering a page costs: visitors' pages are
    otherwise served from the page cache from the second request on."""
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("AnonymousPageCacheMiddleware")
    ]


@pytest.fixture(autouse=True)
def _norwegian_by_default(settings):
    settings.LANGUAGE_CODE = "nb"
    with translation.override("nb"):
        yield


@pytest.fixture
def documents_on_disk(settings, tmp_path):
    """Wagtail serves a document from its path when the storage has one, as the
    production storage does; the suite's in-memory storage claims a path it never
    writes."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def participant(db):
    return UserFactory(full_name="Kari Nordmann", email="kari@example.no")


@pytest.fixture
def other_participant(db):
    return UserFactory(full_name="Per Hansen", email="per@example.no")


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def staff_user(db):
    """A factory fixture: staff_user(StaffRole.EDITOR)."""

    def make(role: StaffRole):
        return UserFactory(is_staff=True, staff_role=role)

    return make


@pytest.fixture
def signed_in(client, participant):
    client.force_login(participant)
    return client
