"""The programme office's matching board: who waits for a match, their best
candidates with the score's parts, proposals both must accept, notes, time
to match and the unmatched per county; and what it costs in queries."""

from datetime import timedelta

import pytest

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentornett.audit.models import AuditAction, AuditEvent
from network.models import (
    Application,
    MatchNote,
    MatchProposal,
    MatchRequest,
    ProposalStatus,
    RelationshipKind,
    RequestStatus,
)
from network.scheme.matching import selectors
from tests.factories import UserFactory
from tests.queries import query_count

from .finn_board_helpers import (
    LATER,
    SOON,
    approved_hub,
    expired_request,
    list_mentor,
    municipality,
    publish_search,
    tromso,
    tynset,
)

pytestmark = pytest.mark.django_db

BOARD = reverse("finn:board")


@pytest.fixture
def mentee(scheme):
    return scheme.mentee


@pytest.fixture
def search(mentee):
    return publish_search(mentee, place=tynset(), wanted=[tynset()])


@pytest.fixture
def near(scheme):
    """The scheme's mentor, listed in the municipality the search wants."""
    list_mentor(scheme.mentor, tynset())
    return scheme.mentor


@pytest.fixture
def far(certified):
    """A mentor far away who offers only MentorVet, with no period in common."""
    person = certified(full_name="Fjern Mentor")
    list_mentor(person, tromso(), kinds=[RelationshipKind.MENTORVET], periods=())
    return person


def _case_url(profile):
    return reverse("finn:board_case", args=[profile.pk])


# --- who may use the board -----------------------------------------------------------


def test_only_the_office_opens_the_board(client, office, search, near, mentee):
    client.force_login(office)
    assert client.get(BOARD).status_code == 200
    assert client.get(_case_url(search)).status_code == 200
    for person in (near, mentee, UserFactory()):
        client.force_login(person)
        assert client.get(BOARD).status_code == 404
        assert client.get(_case_url(search)).status_code == 404
        response = client.post(reverse("finn:add_note", args=[search.pk]), {"text": "Hei"})
        assert response.status_code == 404
    assert not MatchNote.objects.exists()


# --- who waits, and their candidates --------------------------------------------------


def test_the_board_lists_open_searches_and_expired_requests(client, office, search):
    returning = UserFactory(full_name="Rita Retur")
    publish_search(returning, listed=False)
    expired_request(returning)
    answered_later = UserFactory(full_name="Sondre Senere")
    publish_search(answered_later, listed=False)
    expired_request(answered_later, created_at=timezone.now() - timedelta(days=20))
    MatchRequest.objects.create(
        mentee=answered_later, kind=RelationshipKind.STUDENT_PLACEMENT,
        starts_on=SOON, ends_on=LATER, status=RequestStatus.ACCEPTED,
    )  # fmt: skip
    hidden = UserFactory(full_name="Hedda Skjult")
    publish_search(hidden, listed=False)
    matched = UserFactory(full_name="Mads Matchet")
    profile = publish_search(matched)
    profile.matched_at = timezone.now()
    profile.save()
    client.force_login(office)
    page = client.get(BOARD).content.decode()
    assert search.user.full_name in page
    assert "Rita Retur" in page
    assert "Forespørsel utløpt" in page
    assert "Sondre Senere" not in page
    assert "Hedda Skjult" not in page
    assert "Mads Matchet" not in page


def test_candidates_are_sorted_by_score_with_the_parts_shown(client, office, search, near, far):
    case = selectors.board_case(search.pk, today=timezone.localdate())
    names = [row.name for row in case.candidates]
    assert names == [near.display_name, far.display_name]
    best = case.candidates[0].score
    assert best.total > case.candidates[1].score.total
    assert {part.key for part in best.parts} == {
        "distance", "period", "kind", "animals", "capacity", "housing",
    }  # fmt: skip
    client.force_login(office)
    page = client.get(BOARD).content.decode()
    assert page.index(near.display_name) < page.index(far.display_name)
    for label in ("Avstand", "Periode", "Relasjonstype", "Dyr", "Kapasitet", "Bolig"):
        assert f"{label}: " in page
    part = best.parts[0]
    assert f"{part.points} av {part.max_points}" in page


def test_unavailable_mentors_and_the_mentee_are_never_candidates(
    client, office, search, certified, mentee
):
    hidden = certified(full_name="Skjult Mentor")
    list_mentor(hidden, tynset(), listed=False)
    uncertified = UserFactory(full_name="Ukurset Mentor")
    list_mentor(uncertified, tynset())
    full = certified(full_name="Full Mentor")
    list_mentor(full, tynset(), capacity=1)
    other_mentee = UserFactory()
    Application.objects.create(kind=RelationshipKind.STUDENT_PLACEMENT, mentor=full,
                               mentee=other_mentee)  # fmt: skip
    list_mentor(mentee, tynset())  # the mentee is a mentor too
    client.force_login(office)
    page = client.get(_case_url(search)).content.decode()
    for name in ("Skjult Mentor", "Ukurset Mentor", "Full Mentor"):
        assert name not in page
    case = selectors.board_case(search.pk, today=timezone.localdate())
    assert all(row.user_id != mentee.pk for row in case.candidates)


def test_a_listed_hub_with_weeks_left_is_a_candidate(office, search, certified):
    hub = approved_hub(certified(), tynset(), office, name="Tynset dyreklinikk")
    approved_hub(certified(), tynset(), office, name="Full klinikk", weeks=0)
    case = selectors.board_case(search.pk, today=timezone.localdate())
    assert [row.key for row in case.candidates] == [f"hub:{hub.pk}"]


def _fill(count, office, certified, offset):
    counties = [("3427", "Tynset", "Innlandet"), ("5501", "Tromsø", "Troms"),
                ("4601", "Bergen", "Vestland")]  # fmt: skip
    for n in range(count):
        place = municipality(*counties[n % 3])
        mentee = UserFactory()
        profile = publish_search(mentee, place=place, wanted=[place], wanted_counties=["Troms"])
        MatchNote.objects.create(profile=profile, author=office, text=f"Notat {n}")
        if n % 2:
            expired_request(mentee)
        list_mentor(certified(), place, capacity=2)
        if n % 10 == 0:
            approved_hub(certified(), place, office, name=f"Klinikk {offset + n}")


def test_the_board_costs_the_same_for_30_searches_and_candidates_as_for_3(
    client, office, certified
):
    client.force_login(office)
    _fill(3, office, certified, 0)
    small = query_count(client, BOARD)
    _fill(27, office, certified, 3)
    assert query_count(client, BOARD) == small


def test_a_case_page_costs_the_same_for_30_candidates_as_for_3(client, office, certified, search):
    client.force_login(office)
    _fill(3, office, certified, 0)
    small = query_count(client, _case_url(search))
    _fill(27, office, certified, 3)
    assert query_count(client, _case_url(search)) == small


def test_time_to_match_is_the_median_over_the_last_twelve_months(client, office):
    now = timezone.now()
    for days_to_match in (4, 10, 30):
        profile = publish_search(UserFactory(), listed_at=now - timedelta(days=40))
        profile.matched_at = profile.listed_at + timedelta(days=days_to_match)
        profile.save()
    old = publish_search(UserFactory(), listed_at=now - timedelta(days=800))
    old.matched_at = now - timedelta(days=500)
    old.save()
    assert selectors.time_to_match() == selectors.TimeToMatch(10, 3)
    client.force_login(office)
    assert "10 dager" in client.get(BOARD).content.decode()


def test_unmatched_searches_are_counted_per_wanted_county(office):
    publish_search(UserFactory(), wanted_counties=["Troms", "Nordland"])
    publish_search(UserFactory(), wanted=[tynset()])
    publish_search(UserFactory(), place=tynset())
    publish_search(UserFactory())  # abroad, no place given
    assert selectors.searches_per_county(selectors.board_cases()) == {
        "Troms": 1, "Nordland": 1, "Innlandet": 2, selectors.NO_COUNTY: 1,
    }  # fmt: skip


# --- proposals ---------------------------------------------------------------------------


def test_a_proposal_to_the_mentee_themself_is_refused_on_the_field(client, office, search, mentee):
    list_mentor(mentee, tynset())
    client.force_login(office)
    response = client.post(
        reverse("finn:propose", args=[search.pk]),
        {"candidate": f"mentor:{mentee.pk}", "kind": RelationshipKind.STUDENT_PLACEMENT,
         "message": "Dere passer godt sammen."},
    )  # fmt: skip
    assert response.status_code == 400
    form = response.context["proposal_form"]
    assert form.errors["candidate"] == [
        "En mentor og en mentee er to personer: foreslå en annen som mentor."
    ]
    assert form["message"].value() == "Dere passer godt sammen."
    assert not MatchProposal.objects.exists()


def test_an_unknown_candidate_is_refused_on_the_field(client, office, search):
    client.force_login(office)
    response = client.post(
        reverse("finn:propose", args=[search.pk]),
        {"candidate": "mentor:999999", "kind": RelationshipKind.STUDENT_PLACEMENT},
    )
    assert response.status_code == 400
    assert response.context["proposal_form"].errors["candidate"]


@pytest.fixture
def proposed(client, office, search, near, django_capture_on_commit_callbacks):
    client.force_login(office)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("finn:propose", args=[search.pk]),
            {"candidate": f"mentor:{near.pk}", "kind": RelationshipKind.STUDENT_PLACEMENT,
             "message": "Dere vil passe godt."},
        )  # fmt: skip
    assert response.status_code == 302
    client.logout()
    return MatchProposal.objects.get()


def test_proposing_e_mails_both_a_link_without_contact_details(proposed, office, near, mentee):
    assert proposed.status == ProposalStatus.PROPOSED
    assert proposed.proposed_by == office
    assert proposed.score > 0
    link = reverse("finn:proposal", args=[proposed.pk])
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert set(by_recipient) == {near.email, mentee.email}
    assert link in by_recipient[mentee.email]
    assert near.email not in by_recipient[mentee.email]
    assert mentee.email not in by_recipient[near.email]
    assert AuditEvent.objects.filter(action=AuditAction.FINN_PROPOSAL_MADE).count() == 1


def test_the_same_pair_is_not_proposed_twice(client, proposed, office, search, near):
    client.force_login(office)
    response = client.post(
        reverse("finn:propose", args=[search.pk]),
        {"candidate": f"mentor:{near.pk}", "kind": RelationshipKind.STUDENT_PLACEMENT},
    )
    assert response.status_code == 400
    assert MatchProposal.objects.count() == 1


def test_a_proposal_is_seen_by_its_two_and_the_office_only(client, proposed, near, mentee, office):
    url = reverse("finn:proposal", args=[proposed.pk])
    for person in (near, mentee, office):
        client.force_login(person)
        page = client.get(url)
        assert page.status_code == 200
    for person in (near, mentee):
        client.force_login(person)
        assert url in client.get(reverse("finn:answers")).content.decode()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "yes"}).status_code == 404


def test_an_answer_without_yes_or_no_is_refused_and_the_message_kept(client, proposed, near):
    client.force_login(near)
    url = reverse("finn:proposal", args=[proposed.pk])
    response = client.post(url, {"message": "Kanskje i april?"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Svar med en av knappene: ja eller nei." in page
    assert "Kanskje i april?" in page
    proposed.refresh_from_db()
    assert (proposed.status, proposed.mentor_accepted_at) == (ProposalStatus.PROPOSED, None)


def test_contact_details_only_once_both_said_yes(
    client, proposed, near, mentee, search, django_capture_on_commit_callbacks
):
    url = reverse("finn:proposal", args=[proposed.pk])
    client.force_login(mentee)
    client.post(url, {"decision": "yes"})
    page = client.get(url).content.decode()
    assert near.email not in page
    proposed.refresh_from_db()
    assert proposed.status == ProposalStatus.PROPOSED
    client.force_login(near)
    assert mentee.email not in client.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "yes"})
    proposed.refresh_from_db()
    assert proposed.status == ProposalStatus.ACCEPTED
    assert mentee.email in client.get(url).content.decode()
    client.force_login(mentee)
    assert near.email in client.get(url).content.decode()
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert near.email in by_recipient[mentee.email]
    assert mentee.email in by_recipient[near.email]
    search.refresh_from_db()
    assert search.matched_at is not None
    application = proposed.application
    assert (application.mentor, application.mentee, application.kind) == (
        near, mentee, RelationshipKind.STUDENT_PLACEMENT,
    )  # fmt: skip
    assert (application.starts_on, application.ends_on) == (SOON, LATER)
    assert AuditEvent.objects.filter(action=AuditAction.FINN_PROPOSAL_ANSWERED).count() == 2


def test_a_decline_closes_the_proposal_and_the_office_sees_it(
    client, proposed, near, mentee, office, search
):
    url = reverse("finn:proposal", args=[proposed.pk])
    client.force_login(near)
    client.post(url, {"decision": "no", "message": "Jeg er bortreist i mars."})
    proposed.refresh_from_db()
    assert proposed.status == ProposalStatus.DECLINED
    client.force_login(mentee)
    client.post(url, {"decision": "yes"})
    proposed.refresh_from_db()
    assert proposed.mentee_accepted_at is None
    client.force_login(office)
    page = client.get(_case_url(search)).content.decode()
    assert "En av dem sa nei" in page
    assert "Jeg er bortreist i mars." in page
    assert near.full_name in page


# --- notes ------------------------------------------------------------------------------


def test_an_empty_note_is_refused_on_the_field(client, office, search):
    client.force_login(office)
    response = client.post(reverse("finn:add_note", args=[search.pk]), {"text": "  "})
    assert response.status_code == 400
    assert response.context["note_form"].errors["text"] == ["Skriv notatet før du lagrer det."]
    assert not MatchNote.objects.exists()


def test_the_office_keeps_notes_on_a_search(client, office, search):
    client.force_login(office)
    client.post(reverse("finn:add_note", args=[search.pk]), {"text": "Ringte henne i dag."})
    note = MatchNote.objects.get()
    assert (note.profile, note.author) == (search, office)
    assert "Ringte henne i dag." in client.get(_case_url(search)).content.decode()
    assert "Ringte henne i dag." in client.get(BOARD).content.decode()
    event = AuditEvent.objects.get(action=AuditAction.FINN_NOTE_ADDED)
    assert "Ringte" not in str(event.changes)


def test_the_start_page_leads_the_office_to_the_board(client, office):
    client.force_login(office)
    assert BOARD in client.get(reverse("finn:start")).content.decode()
