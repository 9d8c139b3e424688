import threading
from datetime import timedelta

import pytest

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from network.models import EquipmentBooking, EquipmentSet
from network.scheme.errors import EquipmentError
from network.scheme.services import equipment as services
from tests.factories import UserFactory
from tests.scheme.hub_fixtures import relationship

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
    ),
]


def test_several_people_booking_one_set_at_once_one_wins_and_the_others_are_told(scheme):
    relationship(scheme)
    equipment = EquipmentSet.objects.create(name="Utstyrssett 1")
    office = UserFactory(is_superuser=True)
    today = timezone.localdate()
    people = [scheme.mentor, scheme.mentee, office, scheme.mentor, scheme.mentee, office]
    barrier = threading.Barrier(len(people))
    winners, errors = [], []

    def attempt(n, person):
        barrier.wait(timeout=30)
        try:
            booking = services.book_equipment(
                equipment=equipment,
                user=person,
                starts_on=today + timedelta(days=10 + n),
                ends_on=today + timedelta(days=20 + n),
            )
            winners.append(booking.pk)
        except EquipmentError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n, p)) for n, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(winners) == 1
    assert [error.code for error in errors] == ["booked"] * (len(people) - 1)
    assert EquipmentBooking.objects.current().filter(equipment=equipment).count() == 1


def test_the_exclusion_constraint_holds_without_the_service(scheme):
    equipment = EquipmentSet.objects.create(name="Utstyrssett 2")
    today = timezone.localdate()
    EquipmentBooking.objects.create(
        equipment=equipment, booked_by=scheme.mentor, starts_on=today, ends_on=today
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        EquipmentBooking.objects.create(
            equipment=equipment, booked_by=scheme.mentee, starts_on=today, ends_on=today
        )


def test_a_clash_the_lock_misses_gets_the_same_message(scheme, monkeypatch):
    """As if a booking was written outside the service: the constraint refuses
    it and the person is told when the set is free again."""
    relationship(scheme)
    equipment = EquipmentSet.objects.create(name="Utstyrssett 3")
    today = timezone.localdate()
    EquipmentBooking.objects.create(
        equipment=equipment, booked_by=scheme.mentor, starts_on=today, ends_on=today
    )
    real_clash = services._clash
    calls = []

    def first_check_misses(*args):
        calls.append(args)
        return None if len(calls) == 1 else real_clash(*args)

    monkeypatch.setattr(services, "_clash", first_check_misses)
    with pytest.raises(EquipmentError) as error:
        services.book_equipment(
            equipment=equipment, user=scheme.mentee, starts_on=today, ends_on=today
        )
    assert error.value.code == "booked"
    assert len(calls) == 2
    assert EquipmentBooking.objects.filter(equipment=equipment).count() == 1
