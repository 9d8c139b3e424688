"""Published searches ("Søker praksisplass/mentor"): who may see and answer
them, what they show (never contact details), and the mentee accepting an
answer: contact details exchanged, the search matched, the draft started."""

import pytest

from django.core import mail
from django.urls import reverse

from mentornett.audit.models import AuditAction, AuditEvent
from network.models import Application, ApplicationStatus, SearchAnswer
from tests.factories import UserFactory
from tests.queries import query_count

from .finn_board_helpers import (
    LATER,
    PLACEMENT,
    SOON,
    approved_hub,
    list_mentor,
    municipality,
    municipality_contact,
    publish_search,
    tynset,
)

pytestmark = pytest.mark.django_db

SEARCHES = reverse("finn:searches")
ANSWERS = reverse("finn:answers")


@pytest.fixture
def student(scheme):
    scheme.mentee.phone = "+47 900 11 222"
    scheme.mentee.save()
    return scheme.mentee


@pytest.fixture
def search(student):
    return publish_search(student, place=municipality("0301", "Oslo", "Oslo"))


@pytest.fixture
def mentor(scheme, search):
    """The scheme's certified mentor, listed in Tynset."""
    scheme.mentor.phone = "+47 911 22 333"
    scheme.mentor.save()
    list_mentor(scheme.mentor, tynset())
    return scheme.mentor


def _search_url(profile):
    return reverse("finn:search", args=[profile.pk])


# --- who may see the searches -------------------------------------------------------


def test_a_certified_mentor_with_a_profile_sees_the_searches(client, mentor, search):
    client.force_login(mentor)
    response = client.get(SEARCHES)
    assert response.status_code == 200
    assert "NMBU, Ås" in response.content.decode()
    assert client.get(_search_url(search)).status_code == 200


def test_a_mentor_profile_without_a_valid_certificate_is_refused(client, search):
    uncertified = UserFactory()
    list_mentor(uncertified, tynset())
    client.force_login(uncertified)
    assert client.get(SEARCHES).status_code == 404
    assert client.get(_search_url(search)).status_code == 404


def test_a_certified_mentor_without_a_profile_is_refused(client, certified, search):
    client.force_login(certified())
    assert client.get(SEARCHES).status_code == 404


def test_a_contact_of_an_approved_hub_sees_the_searches(client, certified, office, search):
    contact = certified()
    approved_hub(contact, tynset(), office)
    client.force_login(contact)
    assert client.get(SEARCHES).status_code == 200


def test_a_contact_of_a_hub_waiting_for_approval_is_refused(client, certified, search):
    from network.scheme.services import hubs

    contact = certified()
    hubs.register_hub(
        user=contact, name="Ny klinikk", organisation_number="", municipality=tynset()
    )
    client.force_login(contact)
    assert client.get(SEARCHES).status_code == 404


@pytest.mark.parametrize(("verified", "status"), [(True, 200), (False, 404)])
def test_only_a_verified_municipality_contact_sees_the_searches(client, search, verified, status):
    contact = UserFactory()
    municipality_contact(contact, tynset(), verified=verified)
    client.force_login(contact)
    assert client.get(SEARCHES).status_code == status
    assert client.get(_search_url(search)).status_code == status


def test_the_mentee_and_the_office_are_refused(client, student, office, search):
    for person in (student, office):
        client.force_login(person)
        assert client.get(SEARCHES).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, search):
    response = client.get(SEARCHES)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


# --- what a search shows ----------------------------------------------------------------


def test_hidden_and_matched_searches_are_not_shown(client, mentor, search):
    hidden = publish_search(UserFactory(), listed=False)
    hidden.study_place = "Skjult studiested"
    hidden.save()
    matched = publish_search(UserFactory())
    matched.study_place = "Matchet studiested"
    matched.matched_at = matched.listed_at
    matched.save()
    client.force_login(mentor)
    page = client.get(SEARCHES).content.decode()
    assert "NMBU, Ås" in page
    assert "Skjult studiested" not in page
    assert "Matchet studiested" not in page
    assert client.get(_search_url(hidden)).status_code == 404
    assert client.get(_search_url(matched)).status_code == 404


def test_a_search_never_shows_the_mentees_name_or_contact_details(client, mentor, search, student):
    client.force_login(mentor)
    for url in (SEARCHES, _search_url(search)):
        page = client.get(url).content.decode()
        assert student.email not in page
        assert student.phone not in page
        assert student.full_name not in page
        assert "Jeg vil bli stordyrveterinær i distriktet." in page  # the introduction


def test_ones_own_search_is_not_offered(client, mentor):
    own = publish_search(mentor)
    client.force_login(mentor)
    assert client.get(_search_url(own)).status_code == 404


def test_the_list_costs_the_same_for_30_searches_as_for_3(client, mentor):
    client.force_login(mentor)
    for _n in range(2):
        publish_search(UserFactory(), wanted=[tynset()])
    small = query_count(client, SEARCHES)
    for _n in range(27):
        publish_search(UserFactory(), wanted=[tynset()])
    assert query_count(client, SEARCHES) == small


# --- answering ------------------------------------------------------------------------


def test_an_empty_message_is_refused_on_the_field_and_the_role_is_kept(client, mentor, search):
    client.force_login(mentor)
    response = client.post(_search_url(search), {"role": "mentor", "message": "   "})
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["message"] == ["Skriv en melding: hva du kan tilby, hvor og når."]
    assert form["role"].value() == "mentor"
    assert not SearchAnswer.objects.exists()


def test_a_mentor_answers_and_the_mentee_is_told_without_contact_details(
    client, mentor, search, student, django_capture_on_commit_callbacks
):
    client.force_login(mentor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _search_url(search), {"role": "mentor", "message": "Velkommen til Tynset i mars!"}
        )
    assert response.status_code == 302
    answer = SearchAnswer.objects.get()
    assert (answer.answered_by, answer.hub, answer.municipality) == (mentor, None, None)
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert mentor.full_name in message.body
    assert mentor.email not in message.body
    assert mentor.phone not in message.body
    assert "/ordningen/finn-mentor/svar/" in message.body


def test_answering_twice_says_it_was_already_sent(client, mentor, search):
    client.force_login(mentor)
    client.post(_search_url(search), {"role": "mentor", "message": "Første svar"})
    response = client.post(
        _search_url(search), {"role": "mentor", "message": "Andre svar"}, follow=True
    )
    assert SearchAnswer.objects.count() == 1
    assert "Du svarte på dette søket" in response.content.decode()


def test_a_contact_of_two_hubs_chooses_which_hub_answers(client, certified, office, search):
    contact = certified()
    approved_hub(contact, tynset(), office, name="Tynset dyreklinikk")
    second = approved_hub(
        contact, municipality("5501", "Tromsø", "Troms"), office, name="Tromsø dyreklinikk"
    )
    client.force_login(contact)
    page = client.get(_search_url(search)).content.decode()
    assert "Tynset dyreklinikk" in page and "Tromsø dyreklinikk" in page
    client.post(_search_url(search), {"role": f"hub:{second.pk}", "message": "Vi har plass."})
    assert SearchAnswer.objects.get().hub == second


def test_a_municipality_contact_answers_for_the_municipality(client, search):
    contact = UserFactory()
    place = tynset()
    municipality_contact(contact, place)
    client.force_login(contact)
    client.post(
        _search_url(search), {"role": f"municipality:{place.pk}", "message": "Vi har leilighet."}
    )
    assert SearchAnswer.objects.get().municipality == place


def test_a_role_not_offered_is_refused_on_the_field(client, mentor, search, office, certified):
    other_hub = approved_hub(certified(), tynset(), office, name="Andres klinikk")
    client.force_login(mentor)
    response = client.post(_search_url(search), {"role": f"hub:{other_hub.pk}", "message": "Hei"})
    assert response.status_code == 400
    assert response.context["form"].errors["role"]
    assert response.context["form"]["message"].value() == "Hei"


# --- the mentee's answers and accepting one -------------------------------------------


@pytest.fixture
def answered(client, mentor, search):
    client.force_login(mentor)
    client.post(_search_url(search), {"role": "mentor", "message": "Velkommen til Tynset!"})
    client.logout()
    return SearchAnswer.objects.get()


def test_the_mentee_sees_the_answer_without_contact_details(client, answered, student, mentor):
    client.force_login(student)
    page = client.get(ANSWERS).content.decode()
    assert "Velkommen til Tynset!" in page
    assert mentor.full_name in page
    assert mentor.email not in page
    assert mentor.phone not in page


def test_accepting_exchanges_contact_details_and_starts_the_draft(
    client, answered, student, mentor, search, django_capture_on_commit_callbacks
):
    client.force_login(student)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("finn:accept_answer", args=[answered.pk]))
    application = Application.objects.get()
    assert response["Location"] == reverse("scheme:application", args=[application.pk])
    assert (application.mentor, application.mentee) == (mentor, student)
    assert application.status == ApplicationStatus.DRAFT
    assert application.kind == PLACEMENT
    assert (application.starts_on, application.ends_on) == (SOON, LATER)
    assert application.municipality == tynset()
    search.refresh_from_db()
    assert search.matched_at is not None
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert mentor.email in by_recipient[student.email]
    assert mentor.phone in by_recipient[student.email]
    assert student.email in by_recipient[mentor.email]
    assert student.phone in by_recipient[mentor.email]
    page = client.get(ANSWERS).content.decode()
    assert mentor.email in page
    event = AuditEvent.objects.get(action=AuditAction.FINN_ANSWER_ACCEPTED)
    assert (event.actor, event.subject) == (student, mentor)


def test_a_matched_search_is_no_longer_shown_or_answered(client, answered, student, mentor):
    client.force_login(student)
    client.post(reverse("finn:accept_answer", args=[answered.pk]))
    client.force_login(mentor)
    assert "NMBU, Ås" not in client.get(SEARCHES).content.decode()


def test_a_hubs_answer_accepted_starts_no_draft(client, certified, office, search, student):
    contact = certified()
    hub = approved_hub(contact, tynset(), office)
    client.force_login(contact)
    client.post(_search_url(search), {"role": f"hub:{hub.pk}", "message": "Vi tar imot deg."})
    client.force_login(student)
    client.post(reverse("finn:accept_answer", args=[SearchAnswer.objects.get().pk]))
    assert not Application.objects.exists()
    assert contact.email in client.get(ANSWERS).content.decode()


def test_only_one_answer_can_be_accepted(client, answered, student, search):
    other = UserFactory()
    municipality_contact(other, tynset())
    client.force_login(other)
    client.post(
        _search_url(search), {"role": f"municipality:{tynset().pk}", "message": "Leilighet"}
    )
    client.force_login(student)
    client.post(reverse("finn:accept_answer", args=[answered.pk]))
    second = SearchAnswer.objects.exclude(pk=answered.pk).get()
    response = client.post(reverse("finn:accept_answer", args=[second.pk]), follow=True)
    second.refresh_from_db()
    assert second.accepted_at is None
    assert "Du har allerede godtatt et svar på dette søket." in response.content.decode()


def test_someone_elses_answer_cannot_be_accepted(client, answered, mentor):
    client.force_login(UserFactory())
    assert client.post(reverse("finn:accept_answer", args=[answered.pk])).status_code == 404
    client.force_login(mentor)
    assert client.post(reverse("finn:accept_answer", args=[answered.pk])).status_code == 404
    answered.refresh_from_db()
    assert answered.accepted_at is None


def test_a_person_without_a_search_is_told_how_to_publish_one(client):
    client.force_login(UserFactory())
    response = client.get(ANSWERS)
    assert response.status_code == 200
    assert "Du har ikke noe søk i Finn mentor" in response.content.decode()


def test_the_start_page_leads_to_the_searches_and_the_answers(client, mentor, student, search):
    client.force_login(mentor)
    page = client.get(reverse("finn:start")).content.decode()
    assert SEARCHES in page
    assert reverse("finn:overview") in page
    client.force_login(student)
    page = client.get(reverse("finn:start")).content.decode()
    assert ANSWERS in page
    assert SEARCHES not in page
