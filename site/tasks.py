"""Cross-cutting background tasks, and the one way the site hands work to the queue.

A task takes plain data, so it can be retried. E-mail retries are the task's
own, not the broker's: a failed send returns normally (the broker acknowledges
it) and leaves a one-off django-q Schedule for the next attempt, with a growing
delay. Schedules live in the database, so they outlast a worker restart and a
Redis outage alike."""

import ast
import logging
import uuid
from datetime import timedelta
from smtplib import SMTPException

from django_q.tasks import async_task

from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

SEND_EMAIL = "mentornett.tasks.send_email"
# The waits before the second, third, … attempt: a mail server down for a day
# still gets the message; after the last one the task fails for an operator to see.
EMAIL_RETRY_DELAYS = (
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
    timedelta(hours=24),
)
# Long enough to cover every retry above and the broker's own redelivery.
SENT_MARKER_TIMEOUT = 3 * 24 * 3600


class EmailNotSent(Exception):
    """Every attempt failed; raised so the task is recorded as a failure."""


def send_email(
    *, subject, body, from_email, to, html=None, headers=None, attachments=None, key=None, attempt=1
):
    """Send one message. With a key (mentornett.mail gives every message one),
    a message that was sent once is not sent again when the broker or a retry
    delivers the task a second time. The mark lives in the cache, so
    it holds across workers where the cache is shared (Redis, SHARED_CACHE)."""
    sent_marker = f"mail-sent:{key}" if key else None
    if sent_marker and cache.get(sent_marker):
        return "already sent"
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers or {}
    )
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or ():
        message.attach(filename, content, mimetype)
    try:
        message.send()
    # SMTPException: the server refused or dropped us; OSError: it cannot be reached
    # (ConnectionRefusedError, timeouts, TLS errors).
    except (SMTPException, OSError) as error:
        payload = {
            "subject": subject,
            "body": body,
            "from_email": from_email,
            "to": list(to),
            "html": html,
            "headers": headers or {},
            "attachments": attachments or [],
            # A message queued before keys existed gets one now, for its retries.
            "key": key or uuid.uuid4().hex,
        }
        return _retry_email(payload, attempt=attempt, error=error)
    if sent_marker:
        cache.set(sent_marker, True, SENT_MARKER_TIMEOUT)
    return "sent"


def _retry_email(payload: dict, *, attempt: int, error: Exception) -> str:
    from django_q.models import Schedule

    if attempt > len(EMAIL_RETRY_DELAYS):
        # Addresses stay out of the log; the failed task in the admin has them.
        logger.error(
            "E-mail %s (%r) not sent after %s attempts: %r",
            payload["key"],
            payload["subject"],
            attempt,
            error,
        )
        raise EmailNotSent(f"Not sent after {attempt} attempts: {error!r}") from error
    next_run = timezone.now() + EMAIL_RETRY_DELAYS[attempt - 1]
    # One schedule per message and attempt: a second delivery of this same attempt
    # finds it instead of adding another.
    name = f"e-mail {payload['key']} attempt {attempt + 1}"[:100]
    Schedule.objects.get_or_create(
        name=name,
        defaults={
            "func": SEND_EMAIL,
            "kwargs": repr({**payload, "attempt": attempt + 1}),
            "schedule_type": Schedule.ONCE,
            "next_run": next_run,
        },
    )
    logger.warning(
        "E-mail %s (%r) failed (attempt %s, %r); next attempt at %s",
        payload["key"],
        payload["subject"],
        attempt,
        error,
        next_run.isoformat(),
    )
    return f"retry at {next_run.isoformat()}"


def enqueue(func: str, *args, **kwargs) -> str | None:
    """Queue a task (django-q2's async_task). When the broker cannot take it
    (Redis down), the task waits in the database as a one-off schedule that the
    cluster's scheduler hands to the broker once it answers again: the page that
    asked goes on normally and the work is late, not lost."""
    try:
        return async_task(func, *args, **kwargs)
    except Exception as error:  # any broker failure: the queue is down, not the page
        logger.warning(
            "Queue unavailable (%s: %s); %s deferred to a schedule",
            error.__class__.__name__,
            error,
            func,
        )
        _defer(func, args, kwargs)
        return None


def enqueue_on_commit(func: str, *args, **kwargs) -> None:
    transaction.on_commit(lambda: enqueue(func, *args, **kwargs))


def _defer(func: str, args: tuple, kwargs: dict) -> None:
    from django_q.models import Schedule

    args_text, kwargs_text = repr(args), repr(kwargs)
    try:
        # The scheduler reads them back with ast.literal_eval: check now, not then.
        ast.literal_eval(args_text)
        ast.literal_eval(kwargs_text)
        Schedule.objects.create(
            name=f"deferred {func}"[:100],
            func=func,
            args=args_text if args else None,
            kwargs=kwargs_text if kwargs else None,
            schedule_type=Schedule.ONCE,
            next_run=timezone.now(),
        )
    except Exception:  # the database may be down too; say so and go on
        # Only ids go in the log: an e-mail's arguments hold addresses and text.
        logger.exception("Could not defer %s%r; it is lost", func, args)
