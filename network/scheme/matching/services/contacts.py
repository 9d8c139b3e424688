"""Contact details change hands only after an accept: this is the one place
that sends them, by e-mail, each party the other's."""

from collections.abc import Callable

from django.utils.translation import gettext as _

from mentornett.mail import Message, send_to_person


def contact_lines(person) -> list[str]:
    lines = [
        _("Name: %(name)s") % {"name": person.display_name},
        _("E-mail: %(email)s") % {"email": person.email},
    ]
    if person.phone:
        lines.append(_("Phone: %(phone)s") % {"phone": person.phone})
    return lines


def send_contact_details(
    *,
    to,
    other,
    subject: Callable[[], str],
    paragraph: Callable[[], str],
    action: Callable[[], tuple[str, str]] | None = None,
) -> None:
    """E-mail `to` the contact details of `other`. The texts are callables, so
    that they are written in the recipient's language."""

    def compose():
        return Message(
            subject=subject(),
            paragraphs=[
                paragraph(),
                _("Here is how to reach %(name)s:") % {"name": other.display_name},
            ],
            lines=contact_lines(other),
            action=action() if action else None,
        )

    send_to_person(to, compose)
