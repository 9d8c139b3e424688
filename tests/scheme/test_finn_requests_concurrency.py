"""Finn mentor's requests under concurrency, on PostgreSQL: a mentor with one
place accepting two requests at once gets exactly one, and the hourly
pass-on run twice at once moves an unanswered choice once."""

import threading
import time
from datetime import date

import pytest
from freezegun import freeze_time

from django.db import connection

from network.models import (
    Application,
    ChoiceStatus,
    MatchRequest,
    MenteeProfile,
    RelationshipKind,
    RequestStatus,
)
from network.scheme.matching.errors import RequestError
from network.scheme.matching.selectors import Pick
from network.scheme.matching.services import requests as services
from tests.factories import UserFactory
from tests.scheme.finn_request_fixtures import NEXT_YEAR

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
    ),
]

PLACEMENT = RelationshipKind.STUDENT_PLACEMENT


def _request(mentee, *profiles, capture):
    with capture(execute=True):
        return services.send_request(
            mentee=mentee,
            choices=[Pick("mentor", profile.pk) for profile in profiles],
            kind=PLACEMENT,
            starts_on=date(NEXT_YEAR, 3, 1),
            ends_on=date(NEXT_YEAR, 4, 30),
        )


def _at_once(work, arguments):
    barrier = threading.Barrier(len(arguments))
    done, refused = [], []

    def run(argument):
        barrier.wait(timeout=30)
        try:
            done.append(work(argument))
        except RequestError as error:
            refused.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return done, refused


def test_a_mentor_with_one_place_accepting_two_requests_at_once_gets_one(
    finn, monkeypatch, django_capture_on_commit_callbacks
):
    kari = finn.mentor("Kari Ku", capacity=2)
    other = MenteeProfile.objects.create(
        user=UserFactory(full_name="Mia Mentee"), stage="student", study_place="NMBU",
        kind=PLACEMENT,
    )  # fmt: skip
    requests = [
        _request(finn.mentee, kari, capture=django_capture_on_commit_callbacks),
        _request(other.user, kari, capture=django_capture_on_commit_callbacks),
    ]
    # She takes one mentee at a time from now on, with both requests asked.
    kari.capacity = 1
    kari.save()
    # Widen the window between counting her places and writing the draft, so
    # that without the lock on her profile both accepts would count none.
    places_taken = services.places_taken

    def slow_places_taken(mentor):
        taken = places_taken(mentor)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(services, "places_taken", slow_places_taken)
    accepted, refused = _at_once(
        lambda request: services.accept_request(request=request, user=kari.user), requests
    )

    assert len(accepted) == 1
    assert [error.code for error in refused] == ["full"]
    assert Application.objects.filter(mentor=kari.user).count() == 1
    statuses = sorted(MatchRequest.objects.values_list("status", flat=True))
    assert statuses == sorted([RequestStatus.ACCEPTED, RequestStatus.OPEN])


def test_the_pass_on_run_twice_at_once_moves_a_choice_once(
    finn, monkeypatch, django_capture_on_commit_callbacks
):
    first, second = finn.mentor("Kari Først"), finn.mentor("Ola Andre")
    with freeze_time(f"{NEXT_YEAR}-01-10 09:00"):
        request = _request(finn.mentee, first, second, capture=django_capture_on_commit_callbacks)
    # Widen the window between finding the overdue choice and moving it.
    tell = services._tell_timed_out

    def slow_tell(*args):
        time.sleep(0.3)
        return tell(*args)

    monkeypatch.setattr(services, "_tell_timed_out", slow_tell)
    with freeze_time(f"{NEXT_YEAR}-01-16 06:00"):
        passed, _refused = _at_once(lambda _n: services.pass_on_overdue(), [1, 2])

    assert sorted(passed) == [0, 1]
    assert list(request.choices.order_by("rank").values_list("status", flat=True)) == [
        ChoiceStatus.TIMED_OUT,
        ChoiceStatus.ASKED,
    ]
