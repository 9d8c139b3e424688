"""django-q2 tasks. Thin: they call a service. The reminder task runs on a
schedule made by migration 0002."""

from .services import send_due_reminders


def send_reminders_task():
    return send_due_reminders()
