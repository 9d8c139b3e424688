"""The scheme's demo data: the pilot's table, a running relationship whose
claims respect the grant's caps, and Finn mentor's listings in Norwegian."""

from collections import Counter

import pytest

from django.utils import timezone

from courses.selectors import mandatory_certificate
from home.demo import load_demo
from mentornett.accounts.models import User
from network.models import (
    Application,
    ApplicationStatus,
    ClaimStatus,
    HubListing,
    HubStatus,
    MenteeProfile,
    MenteeStage,
    MentorHub,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityProfile,
    NeedStatus,
    RelationshipKind,
)
from network.scheme.demo import PILOT
from network.scheme.demo.finn import MENTORS
from network.scheme.matching.selectors import visible_mentor_profiles
from network.scheme.services.relationships import room_for

pytestmark = pytest.mark.django_db
K = RelationshipKind


@pytest.fixture
def demo(demo_world, db):
    """The demo world, built once for this module (tests/conftest.py)."""


def test_the_pilot_relationships_match_the_pilot_table(demo):
    paid = Application.objects.filter(status=ApplicationStatus.PAID)
    counts = Counter((a.starts_on.year, a.kind) for a in paid)
    assert counts == Counter({(y, k): n for y, kinds in PILOT.items() for k, n in kinds.items()})
    assert paid.count() == 42
    assert all(a.payout and a.evaluations.count() == 2 for a in paid)
    assert paid.filter(rules__version="1.0").exists() and paid.filter(rules__version="2.0").exists()


def test_the_running_relationship_has_claims_in_every_state_within_the_caps(demo):
    running = Application.objects.get(mentee__email="lisens@mentornett.no")
    assert running.status == ApplicationStatus.ACTIVE
    assert set(running.claims.values_list("status", flat=True)) == {
        ClaimStatus.APPROVED,
        ClaimStatus.SUBMITTED,
        ClaimStatus.REJECTED,
    }
    for category in {claim.category for claim in running.claims.all()}:
        room = room_for(running, category=category)
        assert room.used <= room.cap
    assert MunicipalityContact.objects.filter(
        municipality=running.municipality, user__email="kommune@mentornett.no"
    ).exists()


def test_loading_the_demo_again_adds_no_relationships(demo):
    before = Application.objects.count()
    load_demo()
    assert Application.objects.count() == before


# --- Finn mentor ---

# The counties where production-animal practice is: they have the most mentors.
PRODUCTION_COUNTIES = {"Innlandet", "Trøndelag", "Nordland", "Vestland", "Rogaland"}
ENGLISH_WORDS = {"the", "and", "with", "of", "you", "our", "will", "we"}


def test_every_listed_mentor_is_certified_and_visible_in_every_county(demo):
    today = timezone.localdate()
    listed = MentorProfile.objects.filter(listed=True)
    assert listed.count() == len(MENTORS) + 1  # and the demo mentor
    assert set(visible_mentor_profiles(today)) == set(listed)
    assert all(profile.availability.exists() for profile in listed)
    demo_people = User.objects.filter(
        email__endswith="@demo.mentornett.no", mentor_profile__listed=True
    )
    assert demo_people.count() == len(MENTORS)
    assert not any(person.has_usable_password() for person in demo_people)
    counties = Counter(listed.values_list("municipality__county", flat=True))
    assert set(counties) == set(Municipality.objects.values_list("county", flat=True))
    fewest_in_production = min(counties[county] for county in PRODUCTION_COUNTIES)
    assert all(
        number < fewest_in_production
        for county, number in counties.items()
        if county not in PRODUCTION_COUNTIES
    )


def test_three_approved_hubs_are_listed_with_certified_mentors(demo):
    listings = HubListing.objects.filter(listed=True, hub__status=HubStatus.APPROVED)
    assert listings.count() == 3
    for listing in listings:
        mentors = listing.hub.mentors.all()
        assert mentors.filter(is_contact=True).exists()
        assert all(
            mandatory_certificate(user=mentor.user, role="mentor").certificate for mentor in mentors
        )


def test_ten_searches_are_published_and_the_demo_mentee_has_their_own(demo):
    published = MenteeProfile.objects.filter(listed=True)
    assert published.count() == 10
    assert set(published.values_list("stage", flat=True)) == set(MenteeStage.values)
    assert all(search.periods.exists() for search in published)
    own = MenteeProfile.objects.get(user__email="mentee@mentornett.no")
    assert not own.listed
    assert MentorProfile.objects.get(user__email="mentor@mentornett.no").listed


def test_five_municipalities_offer_something_and_have_open_needs_and_a_verified_contact(demo):
    profiles = MunicipalityProfile.objects.filter(listed=True)
    assert profiles.count() == 5
    for profile in profiles:
        open_needs = profile.municipality.needs.filter(status=NeedStatus.OPEN).count()
        assert 1 <= open_needs <= 2
        assert profile.offers
        assert profile.municipality.scheme_contacts.filter(verified_at__isnull=False).exists()
    assert profiles.filter(municipality__number="3427", updated_by__email="kommune@mentornett.no")


def _texts():
    mentors = MentorProfile.objects.values_list("introduction", "languages")
    searches = MenteeProfile.objects.values_list("introduction", "study_place")
    hubs = HubListing.objects.values_list("introduction", "hub__name")
    places = MunicipalityProfile.objects.values_list("coverage")
    needs = MunicipalityNeed.objects.values_list("description")
    contacts = MunicipalityContact.objects.values_list("role")
    return [text for rows in (mentors, searches, hubs, places, needs, contacts) for row in rows
            for text in row]  # fmt: skip


def test_the_finn_texts_are_norwegian(demo):
    texts = _texts()
    assert len(texts) > 100 and all(texts)
    words = {word.strip(".,:()–").lower() for text in texts for word in text.split()}
    assert not words & ENGLISH_WORDS
    assert {"og", "jeg", "vi", "med"} <= words


def test_loading_the_demo_again_adds_no_finn_rows(demo):
    before = [
        model.objects.count()
        for model in (MentorProfile, MenteeProfile, HubListing, MentorHub, MunicipalityNeed)
    ]
    load_demo()
    assert before == [
        model.objects.count()
        for model in (MentorProfile, MenteeProfile, HubListing, MentorHub, MunicipalityNeed)
    ]
