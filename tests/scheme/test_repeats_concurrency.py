"""The same submission sent twice at the same moment: the parent row's lock
makes the second wait for the first and find it (`mentornett/repeats.py`).
The one-after-the-other case is in test_repeats.py."""

import threading
import time
from datetime import date

import pytest

from django.db import connection

from mentornett import repeats
from mentornett.repeats import AlreadySent
from network.models import Claim, MentorHub
from network.scheme.services import hubs
from network.scheme.services import relationships as services
from tests.scheme.fixtures import active_relationship, receipt

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
    ),
]


def _at_once(count, send):
    """Run `send` in `count` threads released together; what each returned or raised."""
    barrier = threading.Barrier(count)
    made, repeated = [], []

    def run():
        barrier.wait(timeout=30)
        try:
            made.append(send())
        except AlreadySent as repeat:
            repeated.append(repeat)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return made, repeated


def _slow_twin_lookup(monkeypatch):
    """Widen the window between looking for a twin and writing, so that
    without the lock every request would find none."""
    recent_twin = repeats.recent_twin

    def slow(*args, **kwargs):
        twin = recent_twin(*args, **kwargs)
        time.sleep(0.3)
        return twin

    for module in (services, hubs):
        monkeypatch.setattr(module, "recent_twin", slow)


def test_the_same_claim_sent_at_once_from_three_tabs_is_kept_once(scheme, monkeypatch):
    application = active_relationship(scheme)
    _slow_twin_lookup(monkeypatch)

    made, repeated = _at_once(
        3,
        lambda: services.submit_claim(
            application=application,
            user=scheme.mentee,
            category="course_fee",
            course="ante_mortem",
            description="Kurs i kjøttkontroll",
            amount=1500,
            spent_on=date(2026, 1, 5),
            receipt=receipt(),
        ),
    )

    assert len(made) == 1
    assert [repeat.existing for repeat in repeated] == [made[0], made[0]]
    assert Claim.objects.count() == 1


def test_the_same_hub_registered_at_once_from_two_tabs_is_one_hub(scheme, monkeypatch):
    _slow_twin_lookup(monkeypatch)

    made, repeated = _at_once(
        2,
        lambda: hubs.register_hub(
            user=scheme.mentor,
            name="Glåmdal dyreklinikk",
            organisation_number="987654321",
            municipality=scheme.municipality,
        ),
    )

    assert len(made) == 1
    assert [repeat.existing for repeat in repeated] == made
    assert MentorHub.objects.count() == 1
