import uuid

from django.db import transaction

from .tasks import SEND_EMAIL, enqueue


def queue_email(message) -> None:
    """Send a rendered Django e-mail through the task queue once the current
    transaction commits, so a slow or failing mail server never holds up a page.
    The key makes the send idempotent (see mentornett.tasks.send_email)."""
    html = next(
        (
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ),
        None,
    )
    payload = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "html": html,
        "headers": dict(message.extra_headers),
        "key": uuid.uuid4().hex,
    }
    transaction.on_commit(lambda: enqueue(SEND_EMAIL, **payload))
