"""Background work for content: scheduled publishing."""

from django.core.management import call_command


def publish_scheduled_pages():
    """Publish pages whose "go live" time has come and unpublish those whose
    "expiry" has passed. Idempotent: Wagtail clears what it has done."""
    call_command("publish_scheduled", verbosity=0)
