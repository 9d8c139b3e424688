"""E-mails to participants. Every message uses one layout (emails/event_message)
in the recipient's language, and goes through the task queue after commit, so
a failing mail server never loses a registration: the queue retries."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentornett.mail import queue_email

from .models import EventPage, Registration

GIVE_UP_SALT = "events.give-up-place"


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def give_up_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=GIVE_UP_SALT)


def registration_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=GIVE_UP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def when_text(event: EventPage) -> str:
    starts = timezone.localtime(event.starts_at)
    ends = timezone.localtime(event.ends_at)
    if starts.date() == ends.date():
        return f"{date_format(starts, 'l j. F Y')}, {starts:%H:%M}–{ends:%H:%M}"
    first = f"{date_format(starts, 'j. F Y')} {starts:%H:%M}"
    return f"{first} – {date_format(ends, 'j. F Y')} {ends:%H:%M}"


def where_lines(event: EventPage, *, with_link: bool) -> list[str]:
    if event.is_online:
        lines = [_("Online")]
        if with_link and event.meeting_url:
            lines.append(_("Meeting link: %(url)s") % {"url": event.meeting_url})
            if event.meeting_details:
                lines.append(event.meeting_details)
        return lines
    return [line for line in (event.venue, event.address) if line]


def _send(*, registration: Registration, subject: str, paragraphs: list[str], action=None):
    person = registration.person
    event = registration.event
    with translation.override(person.preferred_language):
        context = {
            "name": person.get_short_name(),
            "paragraphs": [str(p) for p in paragraphs],
            "event_title": event.title,
            "event_url": absolute(event.url or ""),
            "when": when_text(event),
            "where": where_lines(event, with_link=registration.is_confirmed),
            "action": action,
            "language": person.preferred_language,
            "my_page_url": absolute(reverse("home:dashboard")),
        }
        message = EmailMultiAlternatives(
            subject=f"Mentornett – {subject}",
            body=render_to_string("emails/event_message.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
        )
        message.attach_alternative(
            render_to_string("emails/event_message.html", context), "text/html"
        )
    queue_email(message)


def _give_up_action(registration):
    path = reverse("events:give_up", args=[give_up_token(registration)])
    return {"url": absolute(path), "label": _("Give up my place")}


def registration_received(registration: Registration) -> None:
    with translation.override(registration.person.preferred_language):
        if registration.is_confirmed:
            subject = _("You are registered for %(event)s") % {"event": registration.event.title}
            paragraphs = [_("You have a place. We look forward to seeing you.")]
            if (
                registration.registered_by_id
                and registration.registered_by_id != registration.person_id
            ):
                paragraphs.append(
                    _("%(name)s registered you on behalf of your team.")
                    % {"name": registration.registered_by.full_name}
                )
            action = _give_up_action(registration)
        else:
            subject = _("You are on the waitlist for %(event)s") % {
                "event": registration.event.title
            }
            paragraphs = [
                _(
                    "The event is full, so you are on the waitlist. If a place becomes free, "
                    "it is yours at once and we send you an e-mail."
                )
            ]
            action = None
        _send(registration=registration, subject=subject, paragraphs=paragraphs, action=action)


def place_offered(registration: Registration) -> None:
    with translation.override(registration.person.preferred_language):
        _send(
            registration=registration,
            subject=_("You have a place at %(event)s") % {"event": registration.event.title},
            paragraphs=[
                _("A place became free and it is now yours: you are registered."),
                _("If you cannot come after all, give the place up with the button below."),
            ],
            action=_give_up_action(registration),
        )


def schedule_changed(registration: Registration) -> None:
    with translation.override(registration.person.preferred_language):
        _send(
            registration=registration,
            subject=_("Changed time or place: %(event)s") % {"event": registration.event.title},
            paragraphs=[
                _("The time or place of an event you are registered for has changed."),
                _("Here is what applies now. Your calendar feed is updated."),
            ],
        )


def reminder(registration: Registration, *, days: int) -> None:
    with translation.override(registration.person.preferred_language):
        if days == 1:
            subject = _("Tomorrow: %(event)s") % {"event": registration.event.title}
        else:
            subject = _("In a week: %(event)s") % {"event": registration.event.title}
        _send(
            registration=registration,
            subject=subject,
            paragraphs=[_("A reminder of an event you are registered for.")],
            action=_give_up_action(registration),
        )


def poll_reminder(registration: Registration) -> None:
    with translation.override(registration.person.preferred_language):
        path = reverse("events:poll", args=[registration.event_id])
        _send(
            registration=registration,
            subject=_("What did you think of %(event)s?") % {"event": registration.event.title},
            paragraphs=[
                _(
                    "Thank you for coming. Three short questions help us make the next "
                    "event better. Your answer is anonymous."
                )
            ],
            action={"url": absolute(path), "label": _("Answer the evaluation")},
        )
