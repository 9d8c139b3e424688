import threading

import pytest

from django.db import connection

from events.models import Registration
from events.selectors import waitlist_position
from events.services import cancel, register
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = 200
PLACES = 50
# The server allows 100 connections (PostgreSQL's default), like a web tier's
# bounded pool: 60 registrations run in parallel and the rest queue for a connection.
CONNECTIONS = 60


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
)
def test_two_hundred_people_registering_at_once_for_fifty_places(make_event):
    event = make_event(capacity=PLACES)
    people = [UserFactory(verified=False) for _ in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    pool = threading.BoundedSemaphore(CONNECTIONS)
    errors = []

    def arrive(person):
        barrier.wait(timeout=60)
        with pool:
            try:
                register(person=person, event=event)
            except Exception as error:  # surfaced below
                errors.append(error)
            finally:
                connection.close()

    threads = [threading.Thread(target=arrive, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    registrations = Registration.objects.filter(event=event)
    assert registrations.count() == PEOPLE
    assert registrations.confirmed().count() == PLACES
    waitlist = list(registrations.in_waitlist_order())
    assert len(waitlist) == PEOPLE - PLACES
    # Arrival order: everyone confirmed got through the lock before anyone waitlisted,
    # and the waitlist positions run 1, 2, 3, … in the order people arrived.
    last_confirmed = max(registrations.confirmed().values_list("registered_at", flat=True))
    assert all(entry.registered_at >= last_confirmed for entry in waitlist)
    assert [entry.registered_at for entry in waitlist] == sorted(e.registered_at for e in waitlist)
    assert [waitlist_position(entry) for entry in waitlist] == list(range(1, PEOPLE - PLACES + 1))

    leaving = registrations.confirmed().first()
    cancel(registration=leaving)
    assert registrations.confirmed().count() == PLACES
    assert Registration.objects.filter(promoted=True).count() == 1
    assert Registration.objects.get(pk=waitlist[0].pk).is_confirmed
