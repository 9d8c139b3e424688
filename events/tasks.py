"""django-q2 tasks. Thin: they call a service or send a message. The reminder
task runs on a schedule made by migration 0002."""

from . import notifications
from .models import Registration
from .services import send_due_reminders


def send_reminders_task():
    return send_due_reminders()


def _active(registration_id: int) -> Registration | None:
    return (
        Registration.objects.active()
        .filter(pk=registration_id, event__isnull=False)
        .select_related("event", "person", "registered_by")
        .first()
    )


def registration_received_task(registration_id: int) -> None:
    """The registration's confirmation, written here rather than in the request:
    a burst of registrations spends its time registering. Says what holds when
    it runs; nothing when the registration is gone."""
    registration = _active(registration_id)
    if registration is not None:
        notifications.registration_received(registration)


def place_offered_task(registration_id: int) -> None:
    registration = _active(registration_id)
    if registration is not None and registration.is_confirmed:
        notifications.place_offered(registration)
