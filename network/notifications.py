"""E-mails about teams and home tasks, in one layout (emails/network_message),
in the recipient's language, sent through the queue after commit.

Callers pass a `compose` function rather than text, so that every sentence is
translated inside the recipient's language."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from mentornett.mail import queue_email


@dataclass
class Message:
    subject: str
    paragraphs: list[str]
    lines: list[str] = field(default_factory=list)
    action: tuple[str, str] | None = None  # (label, absolute url)


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_message(*, to: str, name: str, language: str, compose: Callable[[], Message]) -> None:
    with translation.override(language):
        message = compose()
        context = {
            "name": name,
            "paragraphs": [str(p) for p in message.paragraphs],
            "lines": [str(line) for line in message.lines],
            "action": (
                {"label": str(message.action[0]), "url": message.action[1]}
                if message.action
                else None
            ),
            "language": language,
        }
        email = EmailMultiAlternatives(
            subject=f"Mentornett – {message.subject}",
            body=render_to_string("emails/network_message.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
        )
        email.attach_alternative(
            render_to_string("emails/network_message.html", context), "text/html"
        )
    queue_email(email)


def send_to_person(person, compose: Callable[[], Message]) -> None:
    send_message(
        to=person.email,
        name=person.get_short_name(),
        language=person.preferred_language,
        compose=compose,
    )
