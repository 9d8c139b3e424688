"""The scheme's demo data: the pilot's table, and a running relationship
whose claims respect the grant's caps."""

from collections import Counter

import pytest

from home.demo import load_demo
from network.models import (
    Application,
    ApplicationStatus,
    ClaimStatus,
    MunicipalityContact,
    RelationshipKind,
)
from network.scheme.demo import PILOT
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
