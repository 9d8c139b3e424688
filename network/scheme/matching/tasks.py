"""Finn mentor's django-q2 tasks. Thin: they call a service. Their
schedules are made by migrations."""

from .services import requests

# --- requests ---


def pass_on_overdue_requests_task():
    """Daily (network/migrations/0018_finn_requests.py)."""
    return requests.pass_on_overdue()
