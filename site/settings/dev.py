"""Local development: DEBUG on, a fixed dev secret, e-mail printed to the console."""

from .base import *  # noqa: F403
from .base import STORAGES as BASE_STORAGES
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production-mentornett")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": BASE_STORAGES["private"],
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
