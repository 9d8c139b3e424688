"""What team and scheme invitations share: a signed link that expires, the
e-mail that carries it, and the rule that only the invited address may accept."""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from mentornett.accounts.models import User
from mentornett.mail import Message, send_message

MAX_AGE = timedelta(days=14)


def sign(pk: int, *, salt: str) -> str:
    return signing.dumps(pk, salt=salt)


def unsign(token: str, *, salt: str, error_class, expired_message: str) -> int:
    """The invitation's id, or the error to show: expired or not valid."""
    try:
        return signing.loads(token, salt=salt, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise error_class(expired_message, code="expired") from error
    except signing.BadSignature as error:
        raise error_class(
            _("The invitation link is not valid. Check that you copied all of it."),
            code="invalid",
        ) from error


def owns_address(user, email: str) -> bool:
    """The person signed in with, or has verified, the invited address."""
    if user.email.lower() == email.lower():
        return True
    return user.emailaddress_set.filter(email__iexact=email, verified=True).exists()


def send_invitation(*, email: str, compose: Callable[[], Message]) -> None:
    """The invitation e-mail (emails/invitation), in the language of the account
    the address belongs to, if any. `compose` gives what differs: the subject,
    who invites to what, and the action (its label and the signed link)."""
    existing = User.objects.filter(email__iexact=email).first()

    def invitation() -> Message:
        return replace(compose(), template="emails/invitation", context={"days": MAX_AGE.days})

    send_message(
        to=email,
        name=existing.get_short_name() if existing else email,
        language=existing.preferred_language if existing else settings.LANGUAGE_CODE,
        compose=invitation,
    )
