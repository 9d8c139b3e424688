"""Every e-mail the site sends: composed here in the recipient's language, laid
out by one pair of templates (emails/base.txt and emails/base.html), and sent
through the task queue after commit (mentornett.tasks.send_email retries it),
so a slow or failing mail server never holds up a page or loses a message.

Callers pass a `compose` function rather than text, so that every sentence is
translated inside the recipient's language."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import SEND_EMAIL, enqueue


@dataclass
class Message:
    """What one e-mail says. The layout adds the greeting, the paragraphs, the
    lines as a list, the action as a button (a link in plain text) and the
    signature. A message with more to show names its own `template`, which
    extends emails/base and reads `context`."""

    subject: str
    paragraphs: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    action: tuple[str, str] | None = None  # (label, absolute url)
    template: str = "emails/base"
    context: dict = field(default_factory=dict)
    # (filename, text, mimetype), e.g. an event's calendar entry as text/calendar.
    attachments: list[tuple[str, str, str]] = field(default_factory=list)


def send_message(*, to: str, name: str, language: str, compose: Callable[[], Message]) -> None:
    with translation.override(language):
        message = compose()
        subject = f"{settings.SITE_NAME} – {message.subject}"
        context = {
            **message.context,
            "subject": subject,
            "name": name,
            "paragraphs": [str(paragraph) for paragraph in message.paragraphs],
            "lines": [str(line) for line in message.lines],
            "action": (
                {"label": str(message.action[0]), "url": message.action[1]}
                if message.action
                else None
            ),
            "language": language,
            "site_name": settings.SITE_NAME,
        }
        email = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"{message.template}.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
        )
        email.attach_alternative(render_to_string(f"{message.template}.html", context), "text/html")
        for filename, content, mimetype in message.attachments:
            email.attach(filename, content, mimetype)
    _queue(email)


def send_to_person(person, compose: Callable[[], Message], *, language: str = "") -> None:
    """To a person with an account: greeted by first name, in their language
    (or in `language`, where the message belongs to a language of its own)."""
    send_message(
        to=person.email,
        name=person.get_short_name(),
        language=language or person.preferred_language,
        compose=compose,
    )


def _queue(message: EmailMultiAlternatives) -> None:
    """Hand the message to the task queue once the current transaction commits.
    The key makes the send idempotent (see mentornett.tasks.send_email)."""
    html = next(
        (content for content, mimetype in message.alternatives if mimetype == "text/html"),
        None,
    )
    payload = {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "html": html,
        "headers": dict(message.extra_headers),
        "attachments": [list(attachment) for attachment in message.attachments],
        "key": uuid.uuid4().hex,
    }
    transaction.on_commit(lambda: enqueue(SEND_EMAIL, **payload))
