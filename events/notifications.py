"""E-mails to participants about an event they registered for: what happened,
then the event itself (emails/event), sent through mentornett.mail. A message
that confirms a place or changes its time carries the event's calendar entry."""

from collections.abc import Callable
from dataclasses import replace

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mentornett.links import absolute
from mentornett.mail import Message, send_to_person

from .calendar import event_entry, where_lines
from .models import EventPage, Registration

GIVE_UP_SALT = "events.give-up-place"


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
    # "mandag 14. desember 2026" in Bokmål, "Monday 14 December 2026" in English.
    day = "j F Y" if get_language() == "en" else "j. F Y"
    if starts.date() == ends.date():
        return f"{date_format(starts, f'l {day}')}, {starts:%H:%M}–{ends:%H:%M}"
    first = f"{date_format(starts, day)} {starts:%H:%M}"
    return f"{first} – {date_format(ends, day)} {ends:%H:%M}"


def _send(
    registration: Registration, compose: Callable[[], Message], *, with_entry: bool = False
) -> None:
    """`with_entry`: attach the event's calendar entry, for a confirmed place."""
    event = registration.event

    def with_the_event() -> Message:
        attachments = []
        if with_entry and registration.is_confirmed:
            filename, content = event_entry(event, registration=registration)
            attachments.append((filename, content.decode(), "text/calendar"))
        return replace(
            compose(),
            template="emails/event",
            attachments=attachments,
            context={
                "event_title": event.title,
                "event_url": absolute(event.url or ""),
                "when": when_text(event),
                "where": where_lines(event, with_link=registration.is_confirmed),
                "my_page_url": absolute(reverse("home:dashboard")),
                "calendar_attached": bool(attachments),
            },
        )

    send_to_person(registration.person, with_the_event)


def _give_up_action(registration) -> tuple[str, str]:
    path = reverse("events:give_up", args=[give_up_token(registration)])
    return (_("Give up my place"), absolute(path))


def registration_received(registration: Registration) -> None:
    event = registration.event

    def compose():
        if not registration.is_confirmed:
            return Message(
                subject=_("You are on the waitlist for %(event)s") % {"event": event.title},
                paragraphs=[
                    _(
                        "The event is full, so you are on the waitlist. If a place becomes "
                        "free, it is yours at once and we send you an e-mail."
                    )
                ],
            )
        paragraphs = [_("You have a place. We look forward to seeing you.")]
        registered_by = registration.registered_by_id
        if registered_by and registered_by != registration.person_id:
            paragraphs.append(
                _("%(name)s registered you on behalf of your team.")
                % {"name": registration.registered_by.display_name}
            )
        return Message(
            subject=_("You are registered for %(event)s") % {"event": event.title},
            paragraphs=paragraphs,
            action=_give_up_action(registration),
        )

    _send(registration, compose, with_entry=True)


def place_offered(registration: Registration) -> None:
    def compose():
        return Message(
            subject=_("You have a place at %(event)s") % {"event": registration.event.title},
            paragraphs=[
                _("A place became free and it is now yours: you are registered."),
                _("If you cannot come after all, give the place up with the button below."),
            ],
            action=_give_up_action(registration),
        )

    _send(registration, compose, with_entry=True)


def schedule_changed(registration: Registration) -> None:
    def compose():
        return Message(
            subject=_("Changed time or place: %(event)s") % {"event": registration.event.title},
            paragraphs=[
                _("The time or place of an event you are registered for has changed."),
                _("Here is what applies now. Your calendar feed is updated."),
            ],
        )

    _send(registration, compose, with_entry=True)


def reminder(registration: Registration, *, days: int) -> None:
    def compose():
        if days == 1:
            subject = _("Tomorrow: %(event)s") % {"event": registration.event.title}
        else:
            subject = _("In a week: %(event)s") % {"event": registration.event.title}
        return Message(
            subject=subject,
            paragraphs=[_("A reminder of an event you are registered for.")],
            action=_give_up_action(registration),
        )

    _send(registration, compose)


def poll_reminder(registration: Registration) -> None:
    url = absolute(reverse("events:poll", args=[registration.event_id]))

    def compose():
        return Message(
            subject=_("What did you think of %(event)s?") % {"event": registration.event.title},
            paragraphs=[
                _(
                    "Thank you for coming. Three short questions help us make the next "
                    "event better. Your answer is anonymous."
                )
            ],
            action=(_("Answer the evaluation"), url),
        )

    _send(registration, compose)
