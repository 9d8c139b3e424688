"""Finn mentor's django-q2 tasks. Thin: they call a service. Their schedules
are made by migrations."""

from dataclasses import asdict

from .services import freshness, requests

# --- board: keeping listings fresh (network/migrations/0018_finn_board_freshness_schedule) ---


def keep_listings_fresh_task():
    return asdict(freshness.keep_listings_fresh())


# --- requests ---


def pass_on_overdue_requests_task():
    """Hourly, so a choice passes on within the hour its five days run out
    (network/migrations/0019_finn_requests.py)."""
    return requests.pass_on_overdue()
