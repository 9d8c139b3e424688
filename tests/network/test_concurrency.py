import threading

import pytest

from django.db import connection

from network.models import Submission, TeamMembership, TeamRole
from network.services import open_submission, save_draft
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WRITERS = 12


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
)
def test_members_saving_the_same_section_at_once_lose_nothing(world):
    writers = [UserFactory() for _ in range(WRITERS)]
    for person in writers:
        TeamMembership.objects.create(team=world.team_a, person=person, role=TeamRole.OTHER)
    # The draft exists already (someone opened the task), so nothing but the
    # row lock orders the writers.
    open_submission(team=world.team_a, task=world.status_task)
    barrier = threading.Barrier(WRITERS)
    results, errors = {}, []

    def write(person):
        barrier.wait(timeout=60)
        try:
            # Everyone opened the empty draft and wrote their own text.
            results[person.pk] = save_draft(
                team=world.team_a,
                task=world.status_task,
                user=person,
                sections={"done": f"Tekst fra {person.pk}"},
                bases={"done": ""},
            )
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(person,)) for person in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    saved = [pk for pk, result in results.items() if result.saved]
    conflicted = [pk for pk, result in results.items() if result.conflicts]
    # Exactly one text was saved; everyone else was told, and got their text back.
    assert len(saved) == 1
    assert len(conflicted) == WRITERS - 1
    submission = Submission.objects.get(team=world.team_a, task=world.status_task)
    assert submission.content["done"] == f"Tekst fra {saved[0]}"
    assert submission.revision == 1
    for pk in conflicted:
        conflict = results[pk].conflicts[0]
        assert conflict.yours == f"Tekst fra {pk}"
        assert conflict.theirs == f"Tekst fra {saved[0]}"
