"""The same thing sent twice. Two tabs, a double click or the browser's
"send again" must not make a second claim, booking, hub or report.

One mechanism for the whole site: a service that makes something locks the
row it belongs to (the application, the equipment set, the hub, the team's
draft; the person, when there is no such row), then asks `recent_twin` for
what the same person sent with the same values within `REPEAT_WINDOW`, and
raises `AlreadySent` with it. The lock makes the second of two simultaneous
requests wait for the first to commit and then find it. A view answers
`AlreadySent` with `show_existing`: the message says it is already sent,
and the page shows the item the first request made. Nothing typed is lost,
because the item holds the same values."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils import timezone

REPEAT_WINDOW = timedelta(minutes=1)


class AlreadySent(ValidationError):
    """The person sent this already; `existing` is what the first one made."""

    def __init__(self, message, *, existing):
        super().__init__(message, code="already_sent")
        self.existing = existing


def recent_twin(queryset, *, at: str = "created_at"):
    """The newest row of `queryset` (already narrowed to the same person and
    the same values) made within `REPEAT_WINDOW`. Call it with the parent row
    locked, in the transaction that would write the new one."""
    since = timezone.now() - REPEAT_WINDOW
    return queryset.filter(**{f"{at}__gte": since}).order_by(f"-{at}", "-pk").first()


def lock_person(user) -> None:
    """Serialise one person's submissions that belong to no other row."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk").first()


def show_existing(request, repeat: AlreadySent, url: str) -> HttpResponseRedirect:
    """The answer to a repeat: say it is already sent, on the page that shows it."""
    messages.info(request, repeat.message)
    return HttpResponseRedirect(url)
