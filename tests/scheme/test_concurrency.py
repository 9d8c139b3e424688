import threading

import pytest

from django.db import connection

from network.models import ApplicationEvent, ApplicationStatus
from network.scheme.errors import ApplicationError
from network.scheme.services import applications as services
from tests.factories import UserFactory
from tests.scheme.fixtures import complete_application

S = ApplicationStatus
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
)
def test_two_administrators_deciding_at_once_one_wins_and_the_other_is_told(scheme):
    application = services.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    services.change_status(
        application=application, user=UserFactory(), expected=S.SUBMITTED, to=S.IN_REVIEW
    )
    deciders = [(UserFactory(), S.GRANTED, ""), (UserFactory(), S.REJECTED, "Mangler forsikring")]
    barrier = threading.Barrier(len(deciders))
    outcomes, errors = [], []

    def decide(user, to, note):
        barrier.wait(timeout=30)
        try:
            services.change_status(
                application=application, user=user, expected=S.IN_REVIEW, to=to, note=note
            )
            outcomes.append(to)
        except ApplicationError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=decider) for decider in deciders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(outcomes) == 1
    assert [error.code for error in errors] == ["stale"]
    application.refresh_from_db()
    assert application.status == outcomes[0]
    history = list(
        ApplicationEvent.objects.filter(application=application).values_list(
            "from_status", "to_status"
        )
    )
    assert history == [
        ("", S.DRAFT),
        (S.DRAFT, S.SUBMITTED),
        (S.SUBMITTED, S.IN_REVIEW),
        (S.IN_REVIEW, outcomes[0]),
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
)
def test_claims_sent_at_once_never_add_up_past_the_cap(scheme, monkeypatch):
    import time
    from datetime import date

    from network.models import Claim
    from network.scheme.services import relationships
    from tests.scheme.fixtures import active_relationship, receipt

    application = active_relationship(scheme)
    # Widen the window between reading what is claimed and writing the claim,
    # so that without the row lock every sender would read "nothing claimed".
    room_for = relationships.room_for

    def slow_room_for(*args, **kwargs):
        room = room_for(*args, **kwargs)
        time.sleep(0.3)
        return room

    monkeypatch.setattr(relationships, "room_for", slow_room_for)
    # Four claims of 4,000 against the travel cap of 6,000: only one fits.
    barrier = threading.Barrier(4)
    made, refused = [], []

    def send(n):
        barrier.wait(timeout=30)
        try:
            made.append(
                relationships.submit_claim(
                    application=application,
                    user=scheme.mentee,
                    category="travel",
                    # Four different claims: the same one twice is a repeat (test_repeats.py).
                    description=f"Fly {n}",
                    amount=4000,
                    spent_on=date(2026, 1, 5),
                    receipt=receipt(),
                )
            )
        except ApplicationError as error:
            refused.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(made) == 1
    assert len(refused) == 3
    assert all("amount" in error.error_dict for error in refused)
    assert (
        sum(Claim.objects.filter(application=application).values_list("amount", flat=True)) == 4000
    )
