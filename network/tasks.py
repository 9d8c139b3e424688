"""django-q2 tasks. Thin: they call a service. The schedule is made by a migration."""

from .scheme.services.decision import store_decision_letter
from .services import run_network_reminders


def send_network_reminders_task():
    return run_network_reminders()


def store_decision_letter_task(application_id):
    return store_decision_letter(application_id)
