"""`make bench`: production-like (DEBUG off, Redis cache and queue broker,
persistent database connections) but plain HTTP on 127.0.0.1, e-mail kept in
memory, and files of its own under var/bench. Never for a real deployment: the
secret key is fixed."""

import os
from pathlib import Path

# The bench's own database, whatever DATABASE_URL says: the harness drops it.
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DB_URL", "postgres://postgres@127.0.0.1:5432/mentornett_bench"
)

from .base import *  # noqa: E402, F403
from .base import DATABASES, LOGGING, Q_CLUSTER, STORAGES, VAR_DIR, env  # noqa: E402

DEBUG = False
SECRET_KEY = "bench-only-key-for-make-bench-never-in-production-0123456789abcdef"  # noqa: S105 - bench only  # nosec B105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

# A Redis database of the bench's own; the harness flushes it at start.
REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/3")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
}
Q_CLUSTER = {key: value for key, value in Q_CLUSTER.items() if key != "orm"}
Q_CLUSTER["redis"] = REDIS_URL
SHARED_CACHE = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DATABASES["default"]["CONN_MAX_AGE"] = None

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

BENCH_DIR = VAR_DIR / "bench"
STATIC_ROOT = Path(env("BENCH_STATIC_ROOT", BENCH_DIR / "static"))
MEDIA_ROOT = BENCH_DIR / "media"
PRIVATE_MEDIA_ROOT = BENCH_DIR / "private"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "mentornett.uploads.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
OPENBADGES_SIGNING_KEY_FILE = str(BENCH_DIR / "openbadges-ed25519.pem")

# wrk asks from one address thousands of times a minute.
CERTIFICATE_LOOKUPS_PER_MINUTE = 1_000_000_000

LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}

MENTORNETT_BENCH = True
