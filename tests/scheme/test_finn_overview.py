"""The national overview: public, per county, counts only and never a name,
an accessible table whose bars are decoration beside the numbers, every
county there even with nothing, at a fixed number of queries."""

import re

import pytest

from django.urls import reverse
from django.utils import timezone

from network.models import MunicipalityNeed, MunicipalityNeedKind, NeedStatus
from network.scheme.matching import selectors
from tests.factories import UserFactory
from tests.queries import query_count

from .finn_board_helpers import (
    approved_hub,
    list_mentor,
    municipality,
    publish_search,
    tromso,
    tynset,
)

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("finn:overview")


@pytest.fixture
def listings(scheme, certified, office):
    """In Innlandet: two listed mentors (one more hidden, one uncertified), a
    hub, a search and an open need. In Troms: a search and a filled need.
    Vestland has nothing."""
    municipality("4601", "Bergen", "Vestland")
    list_mentor(scheme.mentor, tynset())
    list_mentor(certified(full_name="Olav Østerdal"), tynset())
    list_mentor(certified(full_name="Skjult Mentor"), tynset(), listed=False)
    list_mentor(UserFactory(full_name="Ukurset Mentor"), tynset())
    approved_hub(certified(), tynset(), office, name="Tynset dyreklinikk")
    publish_search(scheme.mentee, wanted=[tynset()])
    publish_search(UserFactory(full_name="Tove Troms"), wanted_counties=["Troms"])
    MunicipalityNeed.objects.create(municipality=tynset(), kind=MunicipalityNeedKind.TEMPORARY_VET)
    MunicipalityNeed.objects.create(
        municipality=tromso(), kind=MunicipalityNeedKind.PERMANENT_VET, status=NeedStatus.FILLED
    )
    return scheme


def test_the_overview_counts_per_county_with_every_county_present(listings):
    overview = selectors.national_overview(day=timezone.localdate())
    rows = {row.county: row for row in overview.rows}
    assert set(rows) == {"Innlandet", "Troms", "Vestland"}
    assert rows["Innlandet"] == selectors.CountyRow("Innlandet", 2, 1, 1, 1)
    assert rows["Troms"] == selectors.CountyRow("Troms", 0, 0, 1, 0)
    assert rows["Vestland"] == selectors.CountyRow("Vestland", 0, 0, 0, 0)


def test_anyone_sees_it_and_no_one_is_named(client, listings):
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    page = response.content.decode()
    for name in (
        listings.mentor.full_name,
        listings.mentee.full_name,
        "Olav Østerdal",
        "Tove Troms",
        "Tynset dyreklinikk",
    ):
        assert name not in page
    assert "Vestland" in page


def test_the_table_is_accessible_without_javascript(client, listings):
    page = client.get(OVERVIEW).content.decode()
    assert "<caption" in page
    assert page.count('<th scope="col">') == 5
    assert '<th scope="row">Innlandet</th>' in page
    # Each bar is decoration beside its number: hidden from screen readers.
    bars = re.findall(r'<span class="bar-chart__bar [^"]*"[^>]*>', page)
    assert bars and all('aria-hidden="true"' in bar for bar in bars)
    assert "<script" not in page.split('<main id="main"')[1].split("</main>")[0]


def test_the_overview_costs_the_same_however_much_is_listed(client, listings, certified, office):
    small = query_count(client, OVERVIEW)
    for n in range(10):
        place = municipality(f"{4602 + n}", f"Kommune {n}", "Vestland")
        list_mentor(certified(), place)
        publish_search(UserFactory(), place=place, wanted=[place, tynset()])
        MunicipalityNeed.objects.create(
            municipality=place, kind=MunicipalityNeedKind.PLACEMENT_HOST
        )
    approved_hub(certified(), place, office, name="Vest klinikk")
    assert query_count(client, OVERVIEW) == small
