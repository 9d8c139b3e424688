"""Municipalities in Finn mentor: a contact registers and waits, the office
verifies or rejects with a reason, an unverified contact cannot act, a
verified one keeps the profile and publishes needs, and students and vets
answer a need, which hands contact details both ways."""

from datetime import date, timedelta

import pytest

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentornett.audit.models import AuditAction, AuditEvent
from network.models import (
    MenteeProfile,
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityProfile,
    NeedInterest,
    NeedStatus,
)
from network.scheme.matching.errors import MunicipalityError
from network.scheme.matching.services import municipalities as services
from tests.factories import MunicipalityContactFactory, UserFactory

pytestmark = pytest.mark.django_db

NEXT_YEAR = date.today().year + 1
UNVERIFIED = "The programme office must verify you before you can act for the municipality."


def english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)
    return client


def in_english(*people):
    for person in people:
        person.preferred_language = "en"
        person.save(update_fields=["preferred_language"])


@pytest.fixture
def tynset(db):
    municipality, _created = Municipality.objects.get_or_create(
        number="3427", defaults={"name": "Tynset", "county": "Innlandet"}
    )
    return municipality


@pytest.fixture
def kari(tynset):
    """A verified contact for Tynset."""
    user = UserFactory(full_name="Kari Kommune", email="kari@tynset.kommune.no")
    in_english(user)
    MunicipalityContactFactory(municipality=tynset, user=user, role="Landbruksrådgiver")
    return user


@pytest.fixture
def student(tynset):
    user = UserFactory(full_name="Sara Student", email="sara@example.no", phone="+47 900 00 000")
    in_english(user)
    MenteeProfile.objects.create(
        user=user, stage="student", study_place="NMBU", kind="student_placement"
    )
    return user


def register(client, user, municipality, role="Landbruksrådgiver"):
    return english(client, user).post(
        reverse("finn:register_contact"), {"municipality": municipality.pk, "role": role}
    )


# --- registering --------------------------------------------------------------------------


def test_a_contact_registers_unverified_and_the_office_is_told(
    client, tynset, office, django_capture_on_commit_callbacks
):
    in_english(office)
    person = UserFactory(full_name="Per Landbruk", email="per@tynset.kommune.no")
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, person, tynset)
    assert response.status_code == 302
    contact = MunicipalityContact.objects.get(user=person)
    assert contact.verified_at is None and contact.registered_at is not None
    assert contact.role == "Landbruksrådgiver"
    assert AuditEvent.objects.filter(
        action=AuditAction.MUNICIPALITY_CONTACT_REGISTERED, subject=person
    ).exists()
    (message,) = mail.outbox
    assert message.to == [office.email]
    assert message.subject.endswith("A municipality contact is waiting to be verified")
    assert "Per Landbruk (per@tynset.kommune.no) has registered as the contact for Tynset" in (
        message.body
    )
    assert "“Landbruksrådgiver”" in message.body
    assert reverse("finn:office_contacts") in message.body
    page = client.get(reverse("finn:register_contact")).content.decode()
    assert "Waiting for the programme office" in page
    assert UNVERIFIED in page


def test_registering_twice_or_without_a_role_is_refused_on_the_field(client, tynset, kari):
    response = register(client, kari, tynset, role="Leder")
    assert response.status_code == 400
    assert response.context["form"].errors["municipality"] == [
        "You are already a contact for Tynset."
    ]
    assert 'value="Leder"' in response.content.decode()
    person = UserFactory()
    response = register(client, person, tynset, role="  ")
    assert response.status_code == 400
    assert response.context["form"].errors["role"] == [
        "Say what your role in the municipality is, e.g. agricultural adviser."
    ]
    assert not MunicipalityContact.objects.filter(user=person).exists()


# --- an unverified contact cannot act ----------------------------------------------------------


@pytest.fixture
def pending(tynset):
    user = UserFactory(full_name="Ulf Uverifisert")
    in_english(user)
    contact = services.register_contact(user=user, municipality=tynset, role="Rådgiver")
    return contact


def test_an_unverified_contact_is_told_to_wait_and_cannot_act(client, tynset, pending):
    url = reverse("finn:municipality", args=[tynset.pk])
    english(client, pending.user)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert UNVERIFIED in page
    assert "Publish a need" not in page and 'name="coverage"' not in page
    refused = client.post(url, {"coverage": "Ingen vakt", "listed": "on"})
    assert refused.status_code == 403
    assert UNVERIFIED in refused.content.decode()
    refused = client.post(reverse("finn:publish_need", args=[tynset.pk]), {"kind": "temporary_vet"})
    assert refused.status_code == 403
    assert not MunicipalityProfile.objects.exists()
    assert not MunicipalityNeed.objects.exists()
    # Nor does the summary of the municipality's relationships open for them.
    assert client.get(reverse("scheme_reports:municipality")).status_code == 404
    start = client.get(reverse("finn:start")).content.decode()
    assert UNVERIFIED in start


def test_the_services_refuse_an_unverified_contact_whatever_the_view(tynset, pending):
    with pytest.raises(MunicipalityError) as error:
        services.publish_need(municipality=tynset, user=pending.user, kind="temporary_vet")
    assert error.value.code == "unverified"
    with pytest.raises(MunicipalityError) as error:
        services.save_municipality_profile(municipality=tynset, user=pending.user, listed=True)
    assert error.value.code == "unverified"


def test_someone_who_is_no_contact_gets_404(client, tynset, kari, student):
    english(client, student)
    assert client.get(reverse("finn:municipality", args=[tynset.pk])).status_code == 404
    response = client.post(
        reverse("finn:publish_need", args=[tynset.pk]), {"kind": "temporary_vet"}
    )
    assert response.status_code == 404


# --- the office verifies or rejects ----------------------------------------------------------


def test_the_office_verifies_a_contact_who_is_told_and_can_then_act(
    client, tynset, pending, office, django_capture_on_commit_callbacks
):
    english(client, office)
    page = client.get(reverse("finn:office_contacts")).content.decode()
    assert "Ulf Uverifisert, Tynset" in page and "Rådgiver" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("finn:verify_contact", args=[pending.pk]))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.verified_at is not None and pending.verified_by == office
    event = AuditEvent.objects.get(action=AuditAction.MUNICIPALITY_CONTACT_VERIFIED)
    assert (event.actor, event.subject) == (office, pending.user)
    (message,) = mail.outbox
    assert message.to == [pending.user.email]
    assert message.subject.endswith("You are verified as a municipality contact")
    assert "verified you as the contact for Tynset" in message.body
    assert reverse("finn:municipality", args=[tynset.pk]) in message.body
    page = client.get(reverse("finn:office_contacts")).content.decode()
    assert "Ulf Uverifisert is verified as the contact for Tynset." in page
    assert "Ulf Uverifisert, Tynset" not in page
    # Verifying again changes nothing and sends nothing.
    client.post(reverse("finn:verify_contact", args=[pending.pk]))
    assert len(mail.outbox) == 1
    english(client, pending.user)
    page = client.get(reverse("finn:municipality", args=[tynset.pk])).content.decode()
    assert "Publish a need" in page and UNVERIFIED not in page
    assert client.get(reverse("scheme_reports:municipality")).status_code == 200


def test_rejecting_needs_a_reason_and_tells_the_person_why(
    client, tynset, pending, office, django_capture_on_commit_callbacks
):
    url = reverse("finn:reject_contact", args=[pending.pk])
    english(client, office)
    response = client.post(url, {f"c{pending.pk}-reason": ""})
    assert response.status_code == 400
    assert "Say why, so that the person knows what to do." in response.content.decode()
    assert MunicipalityContact.objects.filter(pk=pending.pk).exists()
    reason = "Kommunen kjenner ikke til deg. Be landbrukssjefen ringe oss."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {f"c{pending.pk}-reason": reason})
    assert response.status_code == 302
    assert not MunicipalityContact.objects.filter(pk=pending.pk).exists()
    event = AuditEvent.objects.get(action=AuditAction.MUNICIPALITY_CONTACT_REJECTED)
    assert (event.subject, event.reason) == (pending.user, reason)
    (message,) = mail.outbox
    assert message.to == [pending.user.email]
    assert "could not verify you as the contact for Tynset" in message.body
    assert reason in message.body


def test_only_the_office_verifies(client, tynset, pending, kari):
    english(client, kari)
    assert client.get(reverse("finn:office_contacts")).status_code == 404
    assert client.post(reverse("finn:verify_contact", args=[pending.pk])).status_code == 404
    with pytest.raises(MunicipalityError) as error:
        services.verify_contact(contact=pending, user=kari)
    assert error.value.code == "not_allowed"
    pending.refresh_from_db()
    assert pending.verified_at is None


def test_a_verified_contact_is_not_rejected_by_mistake(client, tynset, kari, office):
    contact = MunicipalityContact.objects.get(user=kari)
    english(client, office).post(
        reverse("finn:reject_contact", args=[contact.pk]), {f"c{contact.pk}-reason": "Feil"}
    )
    assert MunicipalityContact.objects.filter(pk=contact.pk).exists()


# --- the municipality's profile and needs ---------------------------------------------------


def test_a_verified_contact_keeps_the_profile_hidden_until_listed(client, tynset, kari):
    url = reverse("finn:municipality", args=[tynset.pk])
    english(client, kari).post(url, {"coverage": "Én veterinær på vakt.", "offers": ["flat"]})
    profile = MunicipalityProfile.objects.get(municipality=tynset)
    assert not profile.listed and profile.offers == {"flat": True}
    assert profile.updated_by == kari
    client.post(
        url, {"coverage": "Én veterinær på vakt.", "offers": ["flat", "car"], "listed": "on"}
    )
    profile.refresh_from_db()
    assert profile.listed
    assert AuditEvent.objects.filter(action=AuditAction.FINN_LISTED, target_id=profile.pk).exists()


def test_a_need_with_a_period_ending_before_it_starts_keeps_what_was_typed(client, tynset, kari):
    response = english(client, kari).post(
        reverse("finn:publish_need", args=[tynset.pk]),
        {
            "kind": "temporary_vet",
            "starts_on": f"{NEXT_YEAR}-07-01",
            "ends_on": f"{NEXT_YEAR}-06-01",
            "description": "Sommervikar til Nord-Østerdal",
        },
    )
    assert response.status_code == 400
    assert response.context["need_form"].errors["ends_on"] == [
        "The end must be on or after the start."
    ]
    page = response.content.decode()
    assert "Sommervikar til Nord-Østerdal" in page
    assert f'value="{NEXT_YEAR}-06-01"' in page
    assert not MunicipalityNeed.objects.exists()


def publish(client, kari, tynset, **fields):
    data = {"kind": "temporary_vet", "description": "Sommervikar, juli", **fields}
    english(client, kari).post(reverse("finn:publish_need", args=[tynset.pk]), data)
    return MunicipalityNeed.objects.latest("pk")


def test_a_published_need_is_seen_by_people_with_a_profile_only(client, tynset, kari, student):
    need = publish(client, kari, tynset)
    assert need.published_by == kari and need.status == NeedStatus.OPEN
    assert AuditEvent.objects.filter(action=AuditAction.MUNICIPALITY_NEED_PUBLISHED).exists()
    url = reverse("finn:need", args=[need.pk])
    english(client, student)
    assert "A temporary vet" in client.get(reverse("finn:needs")).content.decode()
    assert client.get(url).status_code == 200
    nobody = UserFactory()
    english(client, nobody)
    listing = client.get(reverse("finn:needs"))
    assert listing.status_code == 200
    assert "Make a profile in Finn mentor first" in listing.content.decode()
    assert "A temporary vet" not in listing.content.decode()
    assert client.get(url).status_code == 404


def test_the_municipality_profile_shows_beside_a_need_only_when_listed(
    client, tynset, kari, student
):
    need = publish(client, kari, tynset)
    MunicipalityProfile.objects.create(
        municipality=tynset, coverage="Én veterinær på vakt.", offers={"flat": True}
    )
    url = reverse("finn:need", args=[need.pk])
    assert "Én veterinær på vakt." not in english(client, student).get(url).content.decode()
    MunicipalityProfile.objects.filter(municipality=tynset).update(listed=True)
    page = client.get(url).content.decode()
    assert "Én veterinær på vakt." in page and "A flat" in page
    assert "kari@tynset.kommune.no" not in page


def test_a_closed_need_is_gone_for_everyone_but_the_municipality(client, tynset, kari, student):
    need = publish(client, kari, tynset)
    client.post(reverse("finn:close_need", args=[need.pk]), {"status": "filled"})
    need.refresh_from_db()
    assert need.status == NeedStatus.FILLED
    assert AuditEvent.objects.filter(action=AuditAction.MUNICIPALITY_NEED_CLOSED).exists()
    url = reverse("finn:need", args=[need.pk])
    assert client.get(url).status_code == 200
    assert english(client, student).get(url).status_code == 404
    assert (
        client.post(reverse("finn:close_need", args=[need.pk]), {"status": "withdrawn"}).status_code
        == 404
    )


# --- "Jeg er interessert" -------------------------------------------------------------------


def test_an_interest_exchanges_contact_details_with_the_verified_contacts(
    client, tynset, kari, student, pending, django_capture_on_commit_callbacks
):
    need = publish(client, kari, tynset)
    url = reverse("finn:need", args=[need.pk])
    page = english(client, student).get(url).content.decode()
    assert "I am interested" in page
    assert "get your name, e-mail address, phone number and message" in page
    assert "kari@tynset.kommune.no" not in page  # not before the person chooses to contact them
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "Jeg kan komme hele juli."})
    assert response.status_code == 302
    interest = NeedInterest.objects.get(need=need, user=student)
    assert interest.message == "Jeg kan komme hele juli."
    by_address = {message.to[0]: message for message in mail.outbox}
    # Only the verified contact hears of it; the one waiting for the office does not.
    assert set(by_address) == {"kari@tynset.kommune.no", "sara@example.no"}
    to_kari = by_address["kari@tynset.kommune.no"]
    assert to_kari.subject.endswith("Someone is interested in what Tynset needs")
    assert "Sara Student is interested in what Tynset needs: a temporary vet." in to_kari.body
    assert "Jeg kan komme hele juli." in to_kari.body
    assert "E-mail: sara@example.no" in to_kari.body
    assert "Phone: +47 900 00 000" in to_kari.body
    to_sara = by_address["sara@example.no"]
    assert "Kari Kommune, kari@tynset.kommune.no, Landbruksrådgiver" in to_sara.body
    assert "Ulf" not in to_sara.body
    page = client.get(url).content.decode()
    assert "that you are interested" in page and 'name="message"' not in page
    # Sending again adds nothing and says so.
    again = client.post(url, {"message": "Igjen"})
    assert again.status_code == 302
    assert NeedInterest.objects.count() == 1
    # The contact sees who answered, with their details.
    contact_page = english(client, kari).get(url).content.decode()
    assert "Sara Student" in contact_page and "sara@example.no" in contact_page
    assert "Jeg kan komme hele juli." in contact_page


def test_without_a_profile_one_cannot_answer_a_need(client, tynset, kari):
    need = publish(client, kari, tynset)
    nobody = UserFactory()
    with pytest.raises(MunicipalityError) as error:
        services.express_interest(need=need, user=nobody, message="Hei")
    assert error.value.code == "profile"
    with pytest.raises(MunicipalityError) as error:
        services.express_interest(need=need, user=kari)
    assert error.value.code == "own"
    assert not NeedInterest.objects.exists()
    assert english(client, nobody).get(reverse("finn:need", args=[need.pk])).status_code == 404


def test_a_too_long_message_is_refused_on_its_field(client, tynset, kari, student):
    need = publish(client, kari, tynset)
    response = english(client, student).post(
        reverse("finn:need", args=[need.pk]), {"message": "x" * 2001}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["message"] == [
        "Shorten the text to 2000 characters (it has 2001)."
    ]
    assert not NeedInterest.objects.exists()


# --- query counts -------------------------------------------------------------------------


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _answer(need, count):
    for _n in range(count):
        user = UserFactory()
        MenteeProfile.objects.create(
            user=user, stage="student", study_place="NMBU", kind="mentorvet"
        )
        NeedInterest.objects.create(need=need, user=user, message="Hei")


def test_the_municipality_pages_cost_the_same_however_much_they_hold(client, tynset, kari, office):
    need = publish(client, kari, tynset)
    _answer(need, 1)
    municipality = reverse("finn:municipality", args=[tynset.pk])
    need_url = reverse("finn:need", args=[need.pk])
    small = (_queries(client, municipality), _queries(client, need_url))
    for n in range(9):
        other = MunicipalityNeed.objects.create(municipality=tynset, kind="permanent_vet")
        _answer(other, n)
    _answer(need, 9)
    assert (_queries(client, municipality), _queries(client, need_url)) == small

    english(client, office)
    for n in range(2):
        services.register_contact(user=UserFactory(), municipality=tynset, role=f"Rådgiver {n}")
    office_small = _queries(client, reverse("finn:office_contacts"))
    needs_small = _queries(client, reverse("finn:needs"))
    for n in range(8):
        services.register_contact(user=UserFactory(), municipality=tynset, role=f"Rådgiver {n}")
        MunicipalityNeed.objects.create(
            municipality=tynset,
            kind="placement_host",
            starts_on=timezone.localdate() + timedelta(days=n),
        )
    assert _queries(client, reverse("finn:office_contacts")) == office_small
    assert _queries(client, reverse("finn:needs")) == needs_small
