import re
from datetime import datetime, timedelta
from smtplib import SMTPException
from unittest import mock

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from events.errors import RegistrationError
from events.models import EventAudience, Registration, RegistrationStatus
from events.permissions import window_refusal
from events.selectors import waitlist_position
from events.services import cancel, register
from mentornett.accounts.models import Profile
from network.models import TeamMembership, TeamRole
from network.services import register_team_members
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = [
    ("text_question", {"question": "Spesialkost?", "help_text": "", "required": False}),
    ("yes_no_question", {"question": "Middag?", "help_text": "", "required": True}),
    (
        "choice_question",
        {
            "question": "Dager?",
            "help_text": "",
            "required": True,
            "options": ["Begge dager", "Bare dag 1"],
        },
    ),
]


def people(count):
    return [UserFactory() for _ in range(count)]


def test_register_gives_a_place_and_a_second_registration_is_harmless(make_event, participant):
    event = make_event(capacity=2)
    first = register(person=participant, event=event)
    again = register(person=participant, event=event)
    assert first.pk == again.pk
    assert first.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(event=event).count() == 1


def test_a_full_event_puts_people_on_the_waitlist_in_arrival_order(make_event):
    event = make_event(capacity=1)
    a, b, c = people(3)
    assert register(person=a, event=event).is_confirmed
    second = register(person=b, event=event)
    third = register(person=c, event=event)
    assert second.is_waitlisted and third.is_waitlisted
    assert waitlist_position(second) == 1
    assert waitlist_position(third) == 2


def test_cancelling_promotes_the_first_on_the_waitlist_with_a_give_up_link(
    make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    a, b, c = people(3)
    mine = register(person=a, event=event)
    register(person=b, event=event)
    register(person=c, event=event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel(registration=mine)
    statuses = dict(Registration.objects.values_list("person_id", "status"))
    assert statuses == {
        a.pk: RegistrationStatus.CANCELLED,
        b.pk: RegistrationStatus.CONFIRMED,
        c.pk: RegistrationStatus.WAITLISTED,
    }
    assert Registration.objects.get(person=b).promoted
    assert [message.to for message in mail.outbox] == [[b.email]]
    link = re.search(r"https?://\S+/arrangementer/plass/\S+/", mail.outbox[0].body).group(0)
    assert waitlist_position(Registration.objects.get(person=c)) == 1

    # The link opens a page with a button: looking at it gives nothing away.
    path = link.split("://", 1)[1].split("/", 1)[1]
    from django.test import Client

    stranger = Client()
    page = stranger.get("/" + path)
    assert page.status_code == 200 and "<button" in page.content.decode()
    assert Registration.objects.get(person=b).is_confirmed
    stranger.post("/" + path)
    assert Registration.objects.get(person=b).is_cancelled
    assert Registration.objects.get(person=c).is_confirmed


def test_a_forged_give_up_link_is_not_found(client, make_event, participant):
    registration = register(person=participant, event=make_event())
    response = client.get(f"/arrangementer/plass/{registration.pk}:forged/")
    assert response.status_code == 404


def test_cancelling_after_the_deadline_is_recorded_as_late(make_event, participant):
    now = timezone.now()
    event = make_event(days=3, cancellation_deadline=now + timedelta(days=1))
    registration = register(person=participant, event=event)
    cancelled = cancel(registration=registration, now=now + timedelta(days=2))
    assert cancelled.is_cancelled and cancelled.late_cancellation


def test_cancelling_before_the_deadline_is_not_late(make_event, participant):
    registration = register(person=participant, event=make_event(days=3))
    assert not cancel(registration=registration).late_cancellation


def test_nobody_can_cancel_once_the_event_has_started(make_event, participant):
    event = make_event(days=1)
    registration = register(person=participant, event=event)
    with pytest.raises(RegistrationError) as error:
        cancel(registration=registration, now=event.starts_at + timedelta(minutes=5))
    assert error.value.code == "started"
    assert Registration.objects.get(pk=registration.pk).is_confirmed


def test_raising_the_capacity_moves_people_up_from_the_waitlist(make_event):
    event = make_event(capacity=1)
    a, b, c = people(3)
    for person in (a, b, c):
        register(person=person, event=event)
    event.capacity = 2
    event.save_revision().publish()
    assert set(Registration.objects.confirmed().values_list("person_id", flat=True)) == {
        a.pk,
        b.pk,
    }
    assert Registration.objects.get(person=c).is_waitlisted


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"registration_opens_at": "future"}, "not_open"),
        ({"registration_closes_at": "past"}, "closed"),
        ({"days": -1}, "started"),
    ],
)
def test_registration_outside_the_window_is_refused_and_nothing_is_saved(
    make_event, participant, fields, code
):
    now = timezone.now()
    values = {"future": now + timedelta(days=1), "past": now - timedelta(hours=1)}
    fields = {key: values.get(value, value) for key, value in fields.items()}
    event = make_event(**fields)
    with pytest.raises(RegistrationError) as error:
        register(person=participant, event=event)
    assert error.value.code == code
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("language", "when"), [("nb", "17. des. 2026 14:30"), ("en", "17 Dec 2026 14:30")]
)
def test_the_opening_time_is_written_as_the_language_writes_dates(
    make_event, participant, language, when
):
    opens = timezone.make_aware(datetime(2026, 12, 17, 14, 30))
    event = make_event(registration_opens_at=opens, starts_at=opens + timedelta(days=30))
    with translation.override(language):
        refusal = window_refusal(event, opens - timedelta(days=1))
        assert when in str(refusal.message)


def test_an_event_for_mentors_refuses_a_mentee(make_event, participant):
    event = make_event(audience=EventAudience.MENTORS)
    with pytest.raises(RegistrationError) as error:
        register(person=participant, event=event)
    assert error.value.code == "audience"
    Profile.objects.update_or_create(user=participant, defaults={"wants_to_be_mentor": True})
    assert register(person=participant, event=event).is_confirmed


def test_a_network_gathering_is_for_its_teams_only(make_event, participant, network_team):
    event = make_event(audience=EventAudience.NETWORK, network=network_team.network)
    with pytest.raises(RegistrationError) as error:
        register(person=participant, event=event)
    assert error.value.code == "audience"
    TeamMembership.objects.create(team=network_team, person=participant, role=TeamRole.MENTOR)
    assert register(person=participant, event=event).is_confirmed


def test_required_answers_are_checked_and_answers_are_kept_as_a_snapshot(make_event, participant):
    event = make_event(questions=QUESTIONS)
    ids = [block.id for block in event.questions]
    with pytest.raises(RegistrationError) as error:
        register(person=participant, event=event, answers={ids[0]: "Glutenfri"})
    assert error.value.code == "answers"
    with pytest.raises(RegistrationError):
        register(person=participant, event=event, answers={ids[1]: "yes", ids[2]: "Annet"})
    registration = register(
        person=participant,
        event=event,
        answers={ids[0]: " Glutenfri ", ids[1]: "no", ids[2]: "Bare dag 1"},
    )
    assert registration.answers == [
        {"id": ids[0], "question": "Spesialkost?", "answer": "Glutenfri"},
        {"id": ids[1], "question": "Middag?", "answer": False},
        {"id": ids[2], "question": "Dager?", "answer": "Bare dag 1"},
    ]


def test_an_e_mail_failure_never_loses_a_registration(
    make_event, participant, django_capture_on_commit_callbacks
):
    """The registration commits first; a failed send leaves a retry scheduled in
    the database (tests/site/test_faults.py runs it)."""
    from django_q.conf import Conf
    from django_q.models import OrmQ, Schedule
    from django_q.signing import SignedPackage

    from events.tasks import registration_received_task
    from mentornett.tasks import send_email

    event = make_event(capacity=5)
    with (
        mock.patch.object(Conf, "SYNC", False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        register(person=participant, event=event)
    assert Registration.objects.get(person=participant).is_confirmed
    # A worker writes the confirmation, and queues it for sending.
    (written,) = OrmQ.objects.all()
    task = SignedPackage.loads(written.payload)
    assert task["func"] == "events.tasks.registration_received_task"
    written.delete()
    with (
        mock.patch.object(Conf, "SYNC", False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        registration_received_task(*task["args"])
    (queued,) = OrmQ.objects.all()
    task = SignedPackage.loads(queued.payload)
    assert task["func"] == "mentornett.tasks.send_email"
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("mail server down"),
    ):
        send_email(**task["kwargs"])
    assert Schedule.objects.filter(func="mentornett.tasks.send_email").count() == 1
    assert Registration.objects.get(person=participant).is_confirmed


def test_a_coordinator_registers_several_team_members_at_once(make_event, network_team):
    coordinator, member_a, member_b, outsider = people(4)
    for person, role in (
        (coordinator, TeamRole.COORDINATOR),
        (member_a, TeamRole.MENTOR),
        (member_b, TeamRole.HR),
    ):
        TeamMembership.objects.create(team=network_team, person=person, role=role)
    event = make_event(audience=EventAudience.NETWORK, network=network_team.network, capacity=2)
    results = register_team_members(
        coordinator=coordinator,
        team=network_team,
        event=event,
        people=[member_a, member_b, outsider, member_a],
    )
    outcomes = [
        (person, outcome.code if isinstance(outcome, RegistrationError) else outcome.status)
        for person, outcome in results
    ]
    assert outcomes == [
        (member_a, RegistrationStatus.CONFIRMED),
        (member_b, RegistrationStatus.CONFIRMED),
        (outsider, "not_member"),
        (member_a, RegistrationStatus.CONFIRMED),
    ]
    assert Registration.objects.filter(event=event).count() == 2
    assert Registration.objects.get(person=member_a).registered_by == coordinator
    with pytest.raises(RegistrationError):
        register_team_members(
            coordinator=member_a, team=network_team, event=event, people=[member_b]
        )


def test_team_page_is_only_for_the_coordinator(client, make_event, network_team):
    coordinator, member = people(2)
    TeamMembership.objects.create(team=network_team, person=coordinator, role=TeamRole.COORDINATOR)
    TeamMembership.objects.create(team=network_team, person=member, role=TeamRole.MENTOR)
    event = make_event(audience=EventAudience.NETWORK, network=network_team.network)
    url = reverse("events:team", args=[event.pk, network_team.pk])
    client.force_login(member)
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    response = client.post(url, {"people": [str(member.pk)]})
    assert response.status_code == 302
    assert Registration.objects.get(person=member).is_confirmed
    assert client.post(url, {}).status_code == 400


def test_registering_for_a_series_registers_for_every_upcoming_session(make_event, participant):
    from events.models import EventSeries

    series = EventSeries.objects.create(name="Mentoropplæring")
    first = make_event(days=7, series=series, questions=QUESTIONS[:1])
    second = make_event(days=14, series=series, questions=QUESTIONS[:1])
    full = make_event(days=21, series=series, capacity=1)
    register(person=UserFactory(), event=full)
    make_event(days=-7, series=series)  # already held
    from events.services import register_for_series

    answer_id = first.questions[0].id
    results = register_for_series(person=participant, event=first, answers={answer_id: "Vegan"})
    assert [(session.pk, outcome.status) for session, outcome in results] == [
        (first.pk, RegistrationStatus.CONFIRMED),
        (second.pk, RegistrationStatus.CONFIRMED),
        (full.pk, RegistrationStatus.WAITLISTED),
    ]
    second_registration = Registration.objects.get(event=second, person=participant)
    assert second_registration.answers[0]["answer"] == "Vegan"
