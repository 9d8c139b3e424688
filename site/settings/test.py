"""The test suite: fast hashing, in-memory mail, synchronous queues."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import AUTHENTICATION_BACKENDS, DATABASES, Q_CLUSTER

DEBUG = False
SECRET_KEY = "test-only-key-for-the-mentornett-suite-0123456789abcdefghijklmnop"  # noqa: S105 - tests only  # nosec B105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "mentornett.uploads.PrivateInMemoryStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# One process, so its in-memory cache is shared by all it serves: the caches
# that need a shared cache are on, as in production.
SHARED_CACHE = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ACCOUNT_RATE_LIMITS = False  # tests of the limits switch them on with `settings`
# Throttling stays on (failures are rows, rolled back per test); only the test
# client's request-less login() is let through: see RequestlessLoginBackend.
AUTHENTICATION_BACKENDS = [
    "mentornett.ratelimit.RequestlessLoginBackend",
    *AUTHENTICATION_BACKENDS[1:],
]
LANGUAGE_CODE = "nb"
# Serve static files from the app folders; no collectstatic before tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# A signing key of the test run's own, outside the work tree.
OPENBADGES_SIGNING_KEY_FILE = str(
    Path(tempfile.gettempdir()) / f"mentornett-test-openbadges-{os.getpid()}.pem"
)

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The suite's own database, thrown away at the end: a commit need not wait
    # for the write-ahead log to reach the disk. Per connection, so the server's
    # configuration is untouched; every statement and constraint runs as before
    # (a crash could lose the last commits, which a test database never needs).
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "options": "-c synchronous_commit=off",
    }
