"""Finn mentor's requests: sending to up to three in order, the first asked
with five days to answer, a decline or silence passing it on (once, however
often the hourly task runs), the last one expiring, an accept starting the
application draft, contact details only after an accept, withdrawal, and
bad input kept on the field."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django_q.models import Schedule
from freezegun import freeze_time

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from mentornett.audit.models import AuditAction, AuditEvent
from mentornett.repeats import AlreadySent
from network.models import (
    Application,
    ApplicationStatus,
    ChoiceStatus,
    MatchRequest,
    MenteeProfile,
    RelationshipKind,
    RequestStatus,
)
from network.scheme.matching.errors import RequestError
from network.scheme.matching.selectors import Pick
from network.scheme.matching.services import requests as services
from network.scheme.matching.tasks import pass_on_overdue_requests_task
from tests.factories import UserFactory
from tests.scheme.finn_request_fixtures import NEXT_YEAR

pytestmark = pytest.mark.django_db

C = ChoiceStatus
PLACEMENT = RelationshipKind.STUDENT_PLACEMENT
STARTS, ENDS = date(NEXT_YEAR, 3, 1), date(NEXT_YEAR, 4, 30)
NEW = reverse("finn:new_request")


def sign_in_in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def english(*users):
    for user in users:
        user.preferred_language = "en"
        user.save(update_fields=["preferred_language"])


def pick(thing) -> Pick:
    return Pick("hub", thing.pk) if hasattr(thing, "mentors") else Pick("mentor", thing.pk)


def send(finn, *choices, capture, **fields):
    values = {"kind": PLACEMENT, "starts_on": STARTS, "ends_on": ENDS, "message": "Hei!"}
    values.update(fields)
    with capture(execute=True):
        return services.send_request(
            mentee=finn.mentee, choices=[pick(c) for c in choices], **values
        )


def statuses(request) -> list[str]:
    return list(request.choices.order_by("rank").values_list("status", flat=True))


def recipients() -> list[list[str]]:
    return [message.to for message in mail.outbox]


# --- sending ---------------------------------------------------------------------


def test_a_request_asks_the_first_choice_with_five_days_to_answer(
    finn, django_capture_on_commit_callbacks
):
    first, second = finn.mentor("Kari Først"), finn.mentor("Ola Andre")
    hub = finn.hub("Fjellklinikken")
    english(first.user)
    mail.outbox.clear()
    with freeze_time(f"{NEXT_YEAR}-01-10 09:00"):
        request = send(finn, first, second, hub, capture=django_capture_on_commit_callbacks)
    assert request.status == RequestStatus.OPEN
    assert statuses(request) == [C.ASKED, C.WAITING, C.WAITING]
    asked = request.choices.get(rank=1)
    assert asked.mentor == first.user
    assert asked.answer_by - asked.asked_at == timedelta(days=5)
    assert request.choices.get(rank=3).hub == hub
    assert recipients() == [[first.user.email]]
    body = mail.outbox[0].body
    assert "Magnus Mentee asks you to be their mentor: Student placement" in body
    assert "Hei!" in body
    # Contact details only after an accept.
    assert finn.mentee.email not in body
    assert AuditEvent.objects.filter(action=AuditAction.REQUEST_SENT).count() == 1


def test_a_hub_is_asked_through_its_contact_persons(finn, django_capture_on_commit_callbacks):
    hub = finn.hub("Fjellklinikken")
    contact = hub.mentors.get().user
    mail.outbox.clear()
    send(finn, hub, capture=django_capture_on_commit_callbacks)
    assert recipients() == [[contact.email]]


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ("four", "too_many"),
        ("twice", "duplicate"),
        ("none", "none"),
        ("self", "self"),
        ("own_hub", "self"),
        ("hidden", "unlisted"),
        ("full", "full"),
    ],
)
def test_a_request_that_breaks_a_rule_is_refused(finn, setup, code):
    mentors = [finn.mentor(f"Mentor {n}") for n in range(4)]
    choices = {
        "four": mentors,
        "twice": [mentors[0], mentors[0]],
        "none": [],
        "self": [finn.mentor("Magnus som mentor", user=finn.mentee)],
        "own_hub": [finn.hub("Min klinikk", contact=finn.mentee)],
        "hidden": [finn.mentor("Skjult", listed=False)],
        "full": [mentors[0]],
    }[setup]
    if setup == "full":
        Application.objects.create(
            kind=PLACEMENT, mentor=mentors[0].user, status=ApplicationStatus.GRANTED
        )
    with pytest.raises(RequestError) as error:
        services.send_request(
            mentee=finn.mentee,
            choices=[pick(c) for c in choices],
            kind=PLACEMENT,
            starts_on=STARTS,
            ends_on=ENDS,
        )
    assert error.value.code == code
    assert not MatchRequest.objects.exists()


def test_a_period_ending_before_it_starts_is_refused(finn):
    with pytest.raises(RequestError) as error:
        services.send_request(
            mentee=finn.mentee,
            choices=[pick(finn.mentor("Kari"))],
            kind=PLACEMENT,
            starts_on=ENDS,
            ends_on=STARTS,
        )
    assert error.value.code == "period"


def test_a_request_needs_a_mentee_profile(finn):
    MenteeProfile.objects.filter(user=finn.mentee).delete()
    with pytest.raises(RequestError) as error:
        services.send_request(
            mentee=finn.mentee,
            choices=[pick(finn.mentor("Kari"))],
            kind=PLACEMENT,
            starts_on=STARTS,
            ends_on=ENDS,
        )
    assert error.value.code == "profile"


def test_sent_twice_is_one_request_and_one_open_request_per_type(
    finn, django_capture_on_commit_callbacks
):
    kari = finn.mentor("Kari")
    first = send(finn, kari, capture=django_capture_on_commit_callbacks)
    with pytest.raises(AlreadySent) as repeat:
        send(finn, kari, capture=django_capture_on_commit_callbacks)
    assert repeat.value.existing == first
    with pytest.raises(RequestError) as error:
        send(finn, finn.mentor("Ola"), capture=django_capture_on_commit_callbacks, message="Ny")
    assert error.value.code == "open"
    assert MatchRequest.objects.count() == 1


# --- the pages -----------------------------------------------------------------------


def test_the_mentee_picks_in_the_directory_orders_them_and_sends(
    client, finn, django_capture_on_commit_callbacks
):
    kari, ola = finn.mentor("Kari Ku"), finn.mentor("Ola Okse")
    sign_in_in_english(client, finn.mentee)
    page = client.get(NEW, {"velg": [f"mentor:{kari.pk}", f"mentor:{ola.pk}"]})
    assert page.status_code == 200
    content = page.content.decode()
    assert "Kari Ku" in content and "Ola Okse" in content
    assert f'<input type="hidden" name="velg" value="mentor:{kari.pk}">' in content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            NEW,
            {
                "velg": [f"mentor:{kari.pk}", f"mentor:{ola.pk}"],
                f"rank-mentor-{kari.pk}": "2",
                f"rank-mentor-{ola.pk}": "1",
                "kind": PLACEMENT,
                "starts_on": f"{NEXT_YEAR}-03-01",
                "ends_on": f"{NEXT_YEAR}-04-30",
                "message": "Jeg vil lære storfe.",
            },
        )
    request = MatchRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("finn:request", args=[request.pk])
    assert [c.mentor for c in request.choices.order_by("rank")] == [ola.user, kari.user]
    assert request.message == "Jeg vil lære storfe."
    page = client.get(response["Location"]).content.decode()
    assert "Has until" in page
    assert "Withdraw the request" in page


def test_the_request_form_starts_from_the_mentee_profile(client, finn):
    profile = MenteeProfile.objects.get(user=finn.mentee)
    profile.kind = RelationshipKind.TEMPORARY_LICENCE
    profile.save()
    profile.periods.create(starts_on=date(NEXT_YEAR, 6, 1), ends_on=date(NEXT_YEAR, 8, 31))
    kari = finn.mentor("Kari Ku")
    sign_in_in_english(client, finn.mentee)
    form = client.get(NEW, {"velg": f"mentor:{kari.pk}"}).context["form"]
    assert form.initial["kind"] == RelationshipKind.TEMPORARY_LICENCE
    assert form.initial["starts_on"] == date(NEXT_YEAR, 6, 1)
    assert form.initial["ends_on"] == date(NEXT_YEAR, 8, 31)


def _post(client, picks, **fields):
    data = {
        "velg": [p.pick if hasattr(p, "pick") else p for p in picks],
        "kind": PLACEMENT,
        "starts_on": f"{NEXT_YEAR}-03-01",
        "ends_on": f"{NEXT_YEAR}-04-30",
        "message": "Mitt eget skrevne brev.",
    }
    for rank, value in enumerate(data["velg"], 1):
        data["rank-" + value.replace(":", "-")] = str(rank)
    data.update(fields)
    return client.post(NEW, data)


def test_more_than_three_choices_are_refused_and_the_text_kept(client, finn):
    mentors = [finn.mentor(f"Mentor {n}") for n in range(4)]
    sign_in_in_english(client, finn.mentee)
    response = _post(client, [f"mentor:{m.pk}" for m in mentors])
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ask at most 3 mentors or hubs: you chose 4. Set “Don&#x27;t ask” on 1 of them." in page
    assert 'aria-describedby="choices-error"' in page
    assert "Mitt eget skrevne brev." in page
    assert not MatchRequest.objects.exists()
    # "Don't ask" on one of them, and it goes.
    response = _post(
        client, [f"mentor:{m.pk}" for m in mentors], **{f"rank-mentor-{mentors[3].pk}": ""}
    )
    assert response.status_code == 302
    assert MatchRequest.objects.get().choices.count() == 3


def test_two_choices_in_one_place_are_refused_on_their_fields(client, finn):
    kari, ola = finn.mentor("Kari"), finn.mentor("Ola")
    sign_in_in_english(client, finn.mentee)
    response = _post(
        client,
        [f"mentor:{kari.pk}", f"mentor:{ola.pk}"],
        **{f"rank-mentor-{ola.pk}": "1"},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors[f"rank-mentor-{kari.pk}"] == ["Give each choice its own place in the order."]
    assert errors[f"rank-mentor-{ola.pk}"] == ["Give each choice its own place in the order."]


def test_a_request_to_oneself_is_refused_and_the_text_kept(client, finn):
    own = finn.mentor("Magnus som mentor", user=finn.mentee)
    sign_in_in_english(client, finn.mentee)
    response = _post(client, [f"mentor:{own.pk}"])
    assert response.status_code == 400
    page = response.content.decode()
    assert "You cannot send a request to yourself or to your own hub." in page
    assert "Mitt eget skrevne brev." in page
    assert not MatchRequest.objects.exists()


def test_a_period_ending_before_it_starts_is_refused_on_the_field_and_kept(client, finn):
    kari = finn.mentor("Kari")
    sign_in_in_english(client, finn.mentee)
    response = _post(
        client, [f"mentor:{kari.pk}"], starts_on=f"{NEXT_YEAR}-05-01", ends_on=f"{NEXT_YEAR}-04-01"
    )
    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["The end must be on or after the start."]
    page = response.content.decode()
    assert f'value="{NEXT_YEAR}-05-01"' in page and f'value="{NEXT_YEAR}-04-01"' in page
    assert "Mitt eget skrevne brev." in page


def test_a_pick_no_longer_listed_is_left_out_and_said(client, finn):
    kari = finn.mentor("Kari")
    gone = finn.mentor("Borte", listed=False)
    sign_in_in_english(client, finn.mentee)
    response = client.get(NEW, {"velg": [f"mentor:{kari.pk}", f"mentor:{gone.pk}", "x:1"]})
    page = response.content.decode()
    assert "One of your choices is no longer listed and was left out." in page
    assert [p.name for p in response.context["form"].picks] == ["Kari"]


def test_without_a_mentee_profile_the_request_page_says_to_make_one(client, finn):
    MenteeProfile.objects.filter(user=finn.mentee).delete()
    sign_in_in_english(client, finn.mentee)
    response = client.get(NEW)
    assert response.status_code == 200
    assert "Make your mentee profile first" in response.content.decode()


# --- contact details -------------------------------------------------------------------


def test_contact_details_reach_no_one_before_an_accept(
    client, finn, django_capture_on_commit_callbacks
):
    kari = finn.mentor("Kari Ku")
    kari.user.phone = "+47 900 11 222"
    kari.user.save()
    finn.mentee.phone = "+47 400 33 444"
    finn.mentee.save()
    request = send(finn, kari, capture=django_capture_on_commit_callbacks)
    url = reverse("finn:request", args=[request.pk])
    for viewer, hidden in ((kari.user, finn.mentee), (finn.mentee, kari.user)):
        sign_in_in_english(client, viewer)
        page = client.get(url).content.decode()
        assert hidden.email not in page
        assert hidden.phone not in page
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_request(request=request, user=kari.user)
    for viewer, shown in ((kari.user, finn.mentee), (finn.mentee, kari.user)):
        sign_in_in_english(client, viewer)
        page = client.get(url).content.decode()
        assert shown.email in page
        assert shown.phone in page


def test_only_the_mentee_and_those_asked_see_a_request(
    client, finn, django_capture_on_commit_callbacks
):
    first, waiting = finn.mentor("Kari Først"), finn.mentor("Ola Venter")
    request = send(finn, first, waiting, capture=django_capture_on_commit_callbacks)
    url = reverse("finn:request", args=[request.pk])
    for user, expected in (
        (finn.mentee, 200),
        (first.user, 200),
        (waiting.user, 404),  # not asked yet: not told
        (UserFactory(), 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == expected
    client.force_login(waiting.user)
    answer = reverse("finn:answer_request", args=[request.pk])
    assert client.post(answer, {"answer": "accept"}).status_code == 404
    client.force_login(finn.mentee)
    assert client.post(answer, {"answer": "accept"}).status_code == 404
    assert request.choices.get(rank=1).status == C.ASKED


def test_the_chosen_do_not_see_whom_else_the_mentee_asked(
    client, finn, django_capture_on_commit_callbacks
):
    first, second = finn.mentor("Kari Først"), finn.mentor("Ola Andre")
    request = send(finn, first, second, capture=django_capture_on_commit_callbacks)
    sign_in_in_english(client, first.user)
    page = client.get(reverse("finn:request", args=[request.pk])).content.decode()
    assert "Ola Andre" not in page
    assert "NMBU, Ås" in page  # the mentee's profile, to decide on


# --- declining, passing on, expiring ------------------------------------------------------


def test_a_decline_passes_the_request_on(client, finn, django_capture_on_commit_callbacks):
    first, second = finn.mentor("Kari Først"), finn.mentor("Ola Andre")
    english(finn.mentee, second.user)
    request = send(finn, first, second, capture=django_capture_on_commit_callbacks)
    sign_in_in_english(client, first.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("finn:answer_request", args=[request.pk]),
            {"answer": "decline", "message": "Full kalender i mars."},
        )
    assert response.status_code == 302
    assert statuses(request) == [C.DECLINED, C.ASKED]
    assert request.choices.get(rank=1).answer_message == "Full kalender i mars."
    assert sorted(recipients()) == sorted([[finn.mentee.email], [second.user.email]])
    to_mentee = next(m for m in mail.outbox if m.to == [finn.mentee.email])
    assert "Kari Først could not take your request." in to_mentee.body
    assert "It has gone on to your choice 2, Ola Andre" in to_mentee.body
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.REQUEST_DECLINED, AuditAction.REQUEST_PASSED_ON} <= actions
    # Sent twice (a double click): nothing more happens.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("finn:answer_request", args=[request.pk]), {"answer": "decline"}
        )
    assert response.status_code == 302
    assert statuses(request) == [C.DECLINED, C.ASKED]
    assert mail.outbox == []
    assert AuditEvent.objects.filter(action=AuditAction.REQUEST_DECLINED).count() == 1
    # An accept after the decline is refused.
    with pytest.raises(RequestError) as error:
        services.accept_request(request=request, user=first.user)
    assert error.value.code == "not_asked"


def test_the_last_decline_expires_the_request_and_the_mentee_is_told(
    finn, django_capture_on_commit_callbacks
):
    kari = finn.mentor("Kari")
    english(finn.mentee)
    request = send(finn, kari, capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(request=request, user=kari.user)
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    assert request.closed_at is not None
    assert recipients() == [[finn.mentee.email]]
    assert mail.outbox[0].subject.endswith("No one could take your request")
    assert AuditEvent.objects.filter(action=AuditAction.REQUEST_EXPIRED).count() == 1


def test_a_mentor_at_capacity_when_their_turn_comes_is_skipped(
    finn, django_capture_on_commit_callbacks
):
    first, full, third = finn.mentor("Kari"), finn.mentor("Fride Full"), finn.mentor("Tor")
    request = send(finn, first, full, third, capture=django_capture_on_commit_callbacks)
    Application.objects.create(kind=PLACEMENT, mentor=full.user, status=ApplicationStatus.ACTIVE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(request=request, user=first.user)
    assert statuses(request) == [C.DECLINED, C.SKIPPED, C.ASKED]
    assert [finn.mentee.email] in recipients() and [third.user.email] in recipients()
    assert [full.user.email] not in recipients()


def test_a_mentor_who_hid_the_listing_is_skipped(finn, django_capture_on_commit_callbacks):
    first, hiding = finn.mentor("Kari"), finn.mentor("Skjuler Seg")
    request = send(finn, first, hiding, capture=django_capture_on_commit_callbacks)
    hiding.listed = False
    hiding.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(request=request, user=first.user)
    assert statuses(request) == [C.DECLINED, C.SKIPPED]
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED


def test_the_pass_on_moves_an_unanswered_choice_once(finn, django_capture_on_commit_callbacks):
    first, second = finn.mentor("Kari Først"), finn.mentor("Ola Andre")
    english(first.user, finn.mentee)
    with freeze_time(f"{NEXT_YEAR}-01-10 09:00"):
        request = send(finn, first, second, capture=django_capture_on_commit_callbacks)
    # Not yet: four days and 23 hours later.
    with freeze_time(f"{NEXT_YEAR}-01-15 08:59"), django_capture_on_commit_callbacks(execute=True):
        assert services.pass_on_overdue() == 0
    assert statuses(request) == [C.ASKED, C.WAITING]
    mail.outbox.clear()
    with freeze_time(f"{NEXT_YEAR}-01-15 09:00"), django_capture_on_commit_callbacks(execute=True):
        assert pass_on_overdue_requests_task() == 1
        # The schedule may run it again (or twice at once): nothing more moves.
        assert services.pass_on_overdue() == 0
    assert statuses(request) == [C.TIMED_OUT, C.ASKED]
    assert sorted(recipients()) == sorted(
        [[first.user.email], [finn.mentee.email], [second.user.email]]
    )
    timed_out = next(m for m in mail.outbox if m.to == [first.user.email])
    assert timed_out.subject.endswith("The time to answer has run out")
    asked = request.choices.get(rank=2)
    assert asked.answer_by == datetime(NEXT_YEAR, 1, 20, 9, 0, tzinfo=UTC)
    # Five days on, the last one is silent too: the request expires, once.
    mail.outbox.clear()
    with freeze_time(f"{NEXT_YEAR}-01-21 06:00"), django_capture_on_commit_callbacks(execute=True):
        assert services.pass_on_overdue() == 1
        assert services.pass_on_overdue() == 0
    request.refresh_from_db()
    assert request.status == RequestStatus.EXPIRED
    assert sorted(recipients()) == sorted([[second.user.email], [finn.mentee.email]])


def test_the_pass_on_is_scheduled_hourly():
    schedule = Schedule.objects.get(
        func="network.scheme.matching.tasks.pass_on_overdue_requests_task"
    )
    assert schedule.schedule_type == Schedule.HOURLY
    assert schedule.repeats == -1
    assert import_string(schedule.func) is pass_on_overdue_requests_task


# --- accepting -------------------------------------------------------------------------


def test_an_accept_creates_the_application_draft_filled_in(
    client, finn, django_capture_on_commit_callbacks
):
    kari = finn.mentor("Kari Ku", place="tolga", capacity=2)
    second = finn.mentor("Ola Andre")
    english(finn.mentee, kari.user)
    request = send(finn, kari, second, capture=django_capture_on_commit_callbacks)
    sign_in_in_english(client, kari.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("finn:answer_request", args=[request.pk]),
            {"answer": "accept", "message": "Velkommen!"},
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert statuses(request) == [C.ACCEPTED, C.SKIPPED]
    application = request.application
    assert application.status == ApplicationStatus.DRAFT
    assert (application.mentor, application.mentee) == (kari.user, finn.mentee)
    assert application.kind == PLACEMENT
    assert (application.starts_on, application.ends_on) == (STARTS, ENDS)
    assert application.municipality == finn.places["tolga"]  # the mentor's practice
    assert MenteeProfile.objects.get(user=finn.mentee).matched_at is not None
    # Both told how to reach the other, with the way to the draft.
    to_mentee = next(m for m in mail.outbox if m.to == [finn.mentee.email])
    to_mentor = next(m for m in mail.outbox if m.to == [kari.user.email])
    assert kari.user.email in to_mentee.body and "Velkommen!" in to_mentee.body
    assert finn.mentee.email in to_mentor.body
    draft_url = reverse("scheme:application", args=[application.pk])
    assert draft_url in to_mentee.body and draft_url in to_mentor.body
    assert AuditEvent.objects.filter(action=AuditAction.REQUEST_ACCEPTED).count() == 1
    # The draft opens for the mentee, filled in; the certificate gate is the draft's own.
    client.force_login(finn.mentee)
    page = client.get(draft_url)
    assert page.status_code == 200
    assert page.context["form"]["municipality"].value() == finn.places["tolga"].pk
    # Accepting again is harmless; the place taken is the draft's.
    assert services.accept_request(request=request, user=kari.user).application == application


def test_a_hub_accepts_without_an_application_and_both_get_contacts(
    client, finn, django_capture_on_commit_callbacks
):
    hub = finn.hub("Fjellklinikken")
    contact = hub.mentors.get().user
    request = send(finn, hub, capture=django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_request(request=request, user=contact)
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert request.application is None
    assert not Application.objects.filter(mentee=finn.mentee, mentor=contact).exists()
    to_mentee = next(m for m in mail.outbox if m.to == [finn.mentee.email])
    assert contact.email in to_mentee.body
    to_hub = next(m for m in mail.outbox if m.to == [contact.email])
    assert finn.mentee.email in to_hub.body
    sign_in_in_english(client, contact)
    assert (
        finn.mentee.email in client.get(reverse("finn:request", args=[request.pk])).content.decode()
    )


def test_a_mentor_with_no_place_left_cannot_accept(finn, django_capture_on_commit_callbacks):
    kari = finn.mentor("Kari", capacity=2)
    request = send(finn, kari, capture=django_capture_on_commit_callbacks)
    other = MenteeProfile.objects.create(
        user=UserFactory(), stage="student", study_place="NMBU", kind=PLACEMENT
    )
    with django_capture_on_commit_callbacks(execute=True):
        second = services.send_request(
            mentee=other.user, choices=[pick(kari)], kind=PLACEMENT, starts_on=STARTS, ends_on=ENDS
        )
    # She takes one at a time from now on, with two requests waiting.
    kari.capacity = 1
    kari.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_request(request=request, user=kari.user)
    with pytest.raises(RequestError) as error:
        services.accept_request(request=second, user=kari.user)
    assert error.value.code == "full"
    second.refresh_from_db()
    assert second.status == RequestStatus.OPEN
    assert Application.objects.filter(mentor=kari.user).count() == 1


# --- withdrawing and "Mine forespørsler" --------------------------------------------------


def test_the_mentee_withdraws_an_open_request_and_the_one_asked_is_told(
    client, finn, django_capture_on_commit_callbacks
):
    kari, ola = finn.mentor("Kari"), finn.mentor("Ola")
    english(kari.user)
    request = send(finn, kari, ola, capture=django_capture_on_commit_callbacks)
    sign_in_in_english(client, finn.mentee)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("finn:withdraw_request", args=[request.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.WITHDRAWN
    assert statuses(request) == [C.ASKED, C.SKIPPED]
    assert recipients() == [[kari.user.email]]
    assert "has withdrawn the request" in mail.outbox[0].subject
    # Her place is free again, and she can no longer answer.
    client.force_login(finn.mentee)
    assert kari.pk in [r.pk for r in client.get(reverse("finn:directory")).context["results"]]
    with pytest.raises(RequestError):
        services.accept_request(request=request, user=kari.user)
    # Nor is it moved on by the hourly task.
    with freeze_time(timezone.now() + timedelta(days=6)):
        assert services.pass_on_overdue() == 0
    with pytest.raises(RequestError) as error:
        services.withdraw_request(request=request, user=kari.user)
    assert error.value.code == "party"


def test_my_requests_shows_where_each_request_stands(
    client, finn, django_capture_on_commit_callbacks
):
    kari, ola = finn.mentor("Kari Først"), finn.mentor("Ola Andre")
    request = send(finn, kari, ola, capture=django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_request(request=request, user=kari.user)
        services.accept_request(request=request, user=ola.user)
    request.refresh_from_db()
    sign_in_in_english(client, finn.mentee)
    page = client.get(reverse("finn:requests")).content.decode()
    assert "Kari Først: " in page and "Declined" in page
    assert "Ola Andre: " in page
    assert reverse("scheme:application", args=[request.application_id]) in page
    sign_in_in_english(client, kari.user)
    incoming = client.get(reverse("finn:requests")).content.decode()
    assert "Requests to you" in incoming and "Magnus Mentee" in incoming


def test_my_requests_runs_the_same_queries_for_few_and_many(
    client, finn, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mentors = [finn.mentor(f"Mentor {n}", capacity=5) for n in range(3)]

    def make_request(n):
        request = send(
            finn,
            *mentors,
            capture=django_capture_on_commit_callbacks,
            kind=list(RelationshipKind.values)[n % 4],
            message=f"Nr. {n}",
        )
        services.withdraw_request(request=request, user=finn.mentee)

    make_request(0)
    url = reverse("finn:requests")
    client.force_login(finn.mentee)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    few = len(queries)
    for n in range(1, 8):
        make_request(n)
    client.get(url)
    with django_assert_num_queries(few):
        assert len(client.get(url).context["sent"]) == 8


def test_the_start_page_leads_to_my_requests(client, finn):
    sign_in_in_english(client, finn.mentee)
    page = client.get(reverse("finn:start")).content.decode()
    assert f'href="{reverse("finn:requests")}"' in page
