from django_q.tasks import async_task

from django.db import transaction


def queue_email(message) -> None:
    """Send a rendered Django e-mail through the task queue once the current
    transaction commits, so a slow or failing mail server never holds up a page."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        None,
    )
    payload = {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "html": html,
        "headers": dict(message.extra_headers),
    }
    transaction.on_commit(lambda: async_task("mentornett.tasks.send_email", **payload))
