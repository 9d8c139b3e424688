import pytest
from django_q.tasks import async_task

from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_queue(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["queue"]["broker"] == "orm"
    assert body["queue"]["waiting"] == 0
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_shows_last_finished_task(client):
    async_task("math.floor", 2.5)  # the test queue runs synchronously

    body = client.get("/healthz").json()

    assert body["queue"]["last_success"] is not None


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    from django.db import connection

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["database"] == {"ok": False, "error": "OperationalError"}
