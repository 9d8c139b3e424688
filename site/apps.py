from django.apps import AppConfig


class MentornettConfig(AppConfig):
    name = "mentornett"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, content_cache, ratelimit  # noqa: F401 - checks registers itself

        content_cache.connect()
        ratelimit.connect()
