import threading

import pytest

from django.db import connection

from network.errors import ApplicationError
from network.models import ApplicationEvent, ApplicationStatus
from network.services import applications as services
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
