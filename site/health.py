"""Liveness and readiness facts for /healthz: is the database answering, and
is the task queue moving."""

from datetime import timedelta

from django_q.brokers import get_broker
from django_q.models import Failure, Success

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

QUEUE_STALE_AFTER = timedelta(minutes=15)


def database_status() -> dict:
    # A real table, read to its newest row: `SELECT 1` answers even from a file
    # that is not a database, or from a database without the site's tables.
    try:
        MigrationRecorder.Migration.objects.order_by("-pk").values_list("pk", flat=True).first()
    except Exception as error:  # any driver error means "not healthy"
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def queue_status() -> dict:
    """Queue length, and when a task last finished or failed. A queue with work
    waiting and nothing finished for a while is reported as stalled."""
    broker_name = "redis" if "redis" in settings.Q_CLUSTER else "orm"
    try:
        broker = get_broker()
        waiting = broker.queue_size()
        reachable = broker.ping()
    except Exception as error:  # the broker being down is a fact to report
        return {"ok": False, "broker": broker_name, "error": error.__class__.__name__}
    last_success = Success.objects.order_by("-stopped").values_list("stopped", flat=True).first()
    last_failure = Failure.objects.order_by("-stopped").values_list("stopped", flat=True).first()
    stalled = bool(
        waiting and (last_success is None or timezone.now() - last_success > QUEUE_STALE_AFTER)
    )
    return {
        "ok": bool(reachable) and not stalled,
        "broker": broker_name,
        "waiting": waiting,
        "stalled": stalled,
        "last_success": last_success.isoformat() if last_success else None,
        "last_failure": last_failure.isoformat() if last_failure else None,
    }
