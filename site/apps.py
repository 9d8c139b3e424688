from django.apps import AppConfig


class MentornettConfig(AppConfig):
    name = "mentornett"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import content_cache, ratelimit

        content_cache.connect()
        ratelimit.connect()
