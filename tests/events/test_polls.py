from datetime import timedelta

import pytest
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import models
from django.urls import reverse
from django.utils import timezone

from events.errors import RegistrationError
from events.models import Attendance, PollAnswer, PollParticipation, TimeUse
from events.selectors import POLL_OPEN_DAYS, dashboard_events, polls_waiting
from events.services import answer_poll, mark_attendance, poll_refusal, register, remind_poll
from mentornett.accounts.roles import StaffRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended_event(make_event):
    """An event that started a day ago and ended 21 hours ago."""
    return make_event(days=-1)


def register_before(event, person):
    return register(person=person, event=event, now=event.starts_at - timedelta(days=2))


def answer(person, event, *, rating=4, comment="", best_other="", now=None):
    return answer_poll(
        person=person,
        event=event,
        rating=rating,
        best=event.poll_choices()[:1],
        best_other=best_other,
        time_use=TimeUse.WELL,
        comment=comment,
        now=now,
    )


def refusal_code(call):
    with pytest.raises(RegistrationError) as refused:
        call()
    return refused.value.code


def poll_url(event):
    return reverse("events:poll", args=[event.pk])


def form_data(event, **changes):
    return {
        "rating": "4",
        "best": event.poll_choices()[:2],
        "best_other": "Gruppearbeidet",
        "time_use": TimeUse.VERY_WELL,
        "comment": "Takk for sist",
        **changes,
    }


def test_the_poll_is_not_there_before_the_event_ends(signed_in, make_event, participant):
    event = make_event(starts_at=timezone.now() - timedelta(hours=1), hours=3)
    register_before(event, participant)
    assert signed_in.get(poll_url(event)).status_code == 404
    assert refusal_code(lambda: answer(participant, event)) == "not_yet"
    assert not PollAnswer.objects.exists()


def test_a_confirmed_participant_answers_when_no_attendance_was_recorded(
    signed_in, ended_event, participant
):
    register_before(ended_event, participant)
    assert signed_in.get(poll_url(ended_event)).status_code == 200
    response = signed_in.post(poll_url(ended_event), form_data(ended_event))
    assert response.status_code == 302
    assert response["Location"] == reverse("home:dashboard")
    stored = PollAnswer.objects.get(event=ended_event)
    assert stored.rating == 4
    assert stored.best == ended_event.poll_choices()[:2]
    assert stored.best_other == "Gruppearbeidet"
    assert stored.time_use == TimeUse.VERY_WELL
    assert stored.comment == "Takk for sist"
    assert PollParticipation.objects.filter(event=ended_event, person=participant).exists()


def test_a_second_answer_is_refused(signed_in, ended_event, participant):
    register_before(ended_event, participant)
    answer(participant, ended_event)
    assert refusal_code(lambda: answer(participant, ended_event)) == "answered"
    response = signed_in.post(poll_url(ended_event), form_data(ended_event, rating="1"))
    assert response.status_code == 302
    assert response["Location"] == ended_event.url
    assert PollAnswer.objects.filter(event=ended_event).count() == 1
    assert PollAnswer.objects.get().rating == 4


def test_when_attendance_is_recorded_only_those_present_may_answer(
    client, ended_event, participant, other_participant
):
    present = register_before(ended_event, participant)
    absent = register_before(ended_event, other_participant)
    mark_attendance(registration=present, attendance=Attendance.ATTENDED)
    mark_attendance(registration=absent, attendance=Attendance.NO_SHOW)

    client.force_login(other_participant)
    assert client.get(poll_url(ended_event)).status_code == 404
    assert client.post(poll_url(ended_event), form_data(ended_event)).status_code == 404
    assert refusal_code(lambda: answer(other_participant, ended_event)) == "not_attendee"

    client.force_login(participant)
    assert client.post(poll_url(ended_event), form_data(ended_event)).status_code == 302
    assert PollAnswer.objects.filter(event=ended_event).count() == 1


def test_a_form_error_answers_400_and_keeps_what_was_typed(signed_in, ended_event, participant):
    register_before(ended_event, participant)
    data = form_data(ended_event, comment="Fint opplegg, men litt kort")
    del data["rating"]
    response = signed_in.post(poll_url(ended_event), data)
    assert response.status_code == 400
    assert "Fint opplegg, men litt kort" in response.content.decode()
    assert response.context["form"].errors.keys() == {"rating"}
    assert not PollAnswer.objects.exists()
    assert not PollParticipation.objects.exists()


def test_an_answer_has_no_link_to_the_person_and_no_timestamp():
    user_model = get_user_model()
    for field in PollAnswer._meta.get_fields():
        assert not (field.is_relation and field.related_model is user_model), field.name
        assert not isinstance(field, models.DateField), field.name


def test_results_are_counted_and_free_text_is_sorted_without_names(
    client, staff_user, ended_event, participant, other_participant
):
    register_before(ended_event, participant)
    register_before(ended_event, other_participant)
    answer(participant, ended_event, rating=5, comment="Zebraer var fine", best_other="Pausene")
    answer(other_participant, ended_event, rating=3, comment="Alt var bra")

    client.force_login(staff_user(StaffRole.NETWORK_ORGANISER))
    response = client.get(reverse("events:poll_results", args=[ended_event.pk]))

    assert response.status_code == 200
    results = response.context["results"]
    assert (results.answered, results.attendees, results.average) == (2, 2, 4.0)
    assert {bar.label: bar.count for bar in results.ratings} == {
        "5": 1,
        "4": 0,
        "3": 1,
        "2": 0,
        "1": 0,
    }
    assert [bar.count for bar in results.best] == [2, 0, 0]
    assert results.comments == ["Alt var bra", "Zebraer var fine"]
    html = response.content.decode()
    assert html.index("Alt var bra") < html.index("Zebraer var fine")
    assert "Pausene" in html
    for person in (participant, other_participant):
        assert person.full_name not in html
        assert person.email not in html


def test_results_are_hidden_from_participants(signed_in, ended_event, participant):
    register_before(ended_event, participant)
    assert signed_in.get(reverse("events:poll_results", args=[ended_event.pk])).status_code == 404


def test_a_reminder_goes_only_to_attendees_who_have_not_answered_and_at_most_daily(
    ended_event, django_capture_on_commit_callbacks
):
    answered, waiting, absent = UserFactory.create_batch(3)
    for person, attendance in (
        (answered, Attendance.ATTENDED),
        (waiting, Attendance.ATTENDED),
        (absent, Attendance.NO_SHOW),
    ):
        mark_attendance(registration=register_before(ended_event, person), attendance=attendance)
    answer(answered, ended_event)
    mail.outbox.clear()
    first = ended_event.ends_at + timedelta(hours=1)

    with freeze_time(first), django_capture_on_commit_callbacks(execute=True):
        assert remind_poll(event=ended_event) == 1
    assert [message.to for message in mail.outbox] == [[waiting.email]]
    assert poll_url(ended_event) in mail.outbox[0].body

    with freeze_time(first + timedelta(hours=23)), django_capture_on_commit_callbacks(execute=True):
        assert refusal_code(lambda: remind_poll(event=ended_event)) == "too_soon"
    assert len(mail.outbox) == 1

    with freeze_time(first + timedelta(hours=25)), django_capture_on_commit_callbacks(execute=True):
        assert remind_poll(event=ended_event) == 1
    assert [message.to for message in mail.outbox] == [[waiting.email], [waiting.email]]


def test_min_side_lists_the_poll_until_it_is_answered(signed_in, ended_event, participant):
    register_before(ended_event, participant)
    assert dashboard_events(user=participant)["polls_waiting"] == [ended_event]
    assert poll_url(ended_event) in signed_in.get("/min-side/").content.decode()

    answer(participant, ended_event)

    assert dashboard_events(user=participant)["polls_waiting"] == []
    assert poll_url(ended_event) not in signed_in.get("/min-side/").content.decode()


def test_the_poll_closes_thirty_days_after_the_end(ended_event, participant):
    register_before(ended_event, participant)
    closing = ended_event.ends_at + timedelta(days=POLL_OPEN_DAYS)
    assert (
        poll_refusal(person=participant, event=ended_event, now=closing - timedelta(hours=1))
        is None
    )
    late = closing + timedelta(minutes=1)
    assert refusal_code(lambda: answer(participant, ended_event, now=late)) == "closed"
    assert polls_waiting(user=participant, now=late) == []
    assert not PollAnswer.objects.exists()


def test_the_poll_page_and_min_side_agree_on_the_closing_moment(ended_event, participant):
    register_before(ended_event, participant)
    closing = ended_event.ends_at + timedelta(days=POLL_OPEN_DAYS)
    open_for_answers = poll_refusal(person=participant, event=ended_event, now=closing) is None
    listed = ended_event in polls_waiting(user=participant, now=closing)
    assert open_for_answers == listed


def test_a_reminder_is_refused_once_the_poll_has_closed(
    ended_event, participant, django_capture_on_commit_callbacks
):
    register_before(ended_event, participant)
    mail.outbox.clear()
    late = ended_event.ends_at + timedelta(days=POLL_OPEN_DAYS, hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert refusal_code(lambda: remind_poll(event=ended_event, now=late)) == "closed"
    assert mail.outbox == []
