"""System checks for `manage.py check --deploy`: settings that work on one
development machine but not for a site with several worker processes."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, Tags.caches, deploy=True)
def shared_cache_check(app_configs, **kwargs):
    if getattr(settings, "REDIS_URL", ""):
        return []
    return [
        Warning(
            "REDIS_URL is not set, so every worker process keeps its own in-memory cache.",
            hint=(
                "The limits on sign-in, sign-up, password reset, invitations and certificate "
                "checks then count per process: with three gunicorn workers three times as many "
                "tries get through. Set REDIS_URL (README, 'Running in production')."
            ),
            id="mentornett.W001",
        )
    ]
