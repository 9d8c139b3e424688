"""Finn mentor's directory: who is listed (never the hidden, the uncertified,
the full, or oneself), the filters, the reasons a result fits, no contact
details, bad input kept on the field, and a fixed number of queries."""

import re
from datetime import date

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import (
    Application,
    ApplicationStatus,
    ChoiceStatus,
    MatchRequest,
    MenteeProfile,
    MunicipalityNeed,
    MunicipalityNeedKind,
    NeedStatus,
    RelationshipKind,
    RequestChoice,
)
from network.scheme.matching import selectors
from network.scheme.matching.geography import Nearness
from tests.factories import UserFactory
from tests.scheme.finn_request_fixtures import NEXT_YEAR

pytestmark = pytest.mark.django_db

URL = reverse("finn:directory")


def sign_in_in_english(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def names(response) -> list[str]:
    return [result.name for result in response.context["results"]]


def test_a_person_without_a_profile_is_told_to_make_one_first(client):
    sign_in_in_english(client, UserFactory())
    response = client.get(URL)
    assert response.status_code == 200
    assert "Make a profile first" in response.content.decode()
    assert "results" not in response.context


def test_only_visible_mentors_with_room_are_listed(client, finn):
    finn.mentor("Vera Synlig")
    finn.mentor("Henrik Skjult", listed=False)
    finn.mentor("Ulla Ukurset", certified=False)
    expired = finn.mentor("Eva Utløpt")
    expired.user.certificates.update(valid_until=date(2020, 1, 1))
    full = finn.mentor("Fride Full")
    Application.objects.create(
        kind=RelationshipKind.STUDENT_PLACEMENT,
        mentor=full.user,
        status=ApplicationStatus.ACTIVE,
    )
    # A place held by a request she is being asked now counts too.
    held = finn.mentor("Hege Holdt")
    request = MatchRequest.objects.create(
        mentee=UserFactory(), kind="student_placement", starts_on=date(NEXT_YEAR, 3, 1),
        ends_on=date(NEXT_YEAR, 4, 1),
    )  # fmt: skip
    RequestChoice.objects.create(
        request=request, rank=1, mentor=held.user, status=ChoiceStatus.ASKED
    )
    # An application that is over frees its place.
    freed = finn.mentor("Frida Ferdig")
    Application.objects.create(
        kind=RelationshipKind.STUDENT_PLACEMENT, mentor=freed.user, status=ApplicationStatus.PAID
    )
    sign_in_in_english(client, finn.mentee)
    response = client.get(URL)
    assert response.status_code == 200
    assert sorted(names(response)) == ["Frida Ferdig", "Vera Synlig"]
    page = response.content.decode()
    for hidden in ("Henrik Skjult", "Ulla Ukurset", "Eva Utløpt", "Fride Full", "Hege Holdt"):
        assert hidden not in page


def test_the_viewer_never_finds_themself_nor_their_own_hub(client, finn):
    own = finn.mentor("Mona Meg", user=finn.scheme.mentor)
    finn.hub("Min klinikk", contact=finn.scheme.mentor)
    finn.mentor("Kari Kollega")
    finn.hub("Annen klinikk")
    sign_in_in_english(client, own.user)
    assert sorted(names(client.get(URL))) == ["Annen klinikk", "Kari Kollega"]


def test_no_contact_details_are_shown(client, finn):
    profile = finn.mentor("Per Privat")
    profile.user.email = "per.privat@example.no"
    profile.user.phone = "+47 912 34 567"
    profile.user.save()
    hub = finn.hub("Fjellklinikken")
    contact = hub.mentors.get().user
    sign_in_in_english(client, finn.mentee)
    page = client.get(URL).content.decode()
    assert "Per Privat" in page
    assert "Fjellklinikken" in page
    for detail in ("per.privat@example.no", "912 34 567", contact.email):
        assert detail not in page


def test_hubs_show_their_mentors_and_weeks_but_only_when_listed_and_approved(client, finn):
    finn.hub("Fjellklinikken")
    finn.hub("Skjult klinikk", listed=False)
    pending = finn.hub("Ny klinikk")
    pending.status = "pending"
    pending.save()
    sign_in_in_english(client, finn.mentee)
    response = client.get(URL)
    assert names(response) == ["Fjellklinikken"]
    (result,) = response.context["results"]
    assert result.mentors == ["Kontakt Fjellklinikken"]
    assert result.weeks == 8


def test_each_result_says_why_it_fits_in_norwegian(client, finn, settings):
    finn.mentor("Vera Veterinær", periods=[(date(NEXT_YEAR, 3, 1), date(NEXT_YEAR, 6, 30))])
    client.force_login(finn.mentee)
    response = client.get(URL)
    (result,) = response.context["results"]
    assert result.reasons == [
        "i Tynset",
        f"ledig mars–juni {NEXT_YEAR}",
        "tar imot studenter i praksis",
    ]
    assert f"i Tynset · ledig mars–juni {NEXT_YEAR} · tar imot studenter i praksis" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("nearness", "reason"),
    [
        (Nearness(38.4, "measured"), "38\N{NO-BREAK SPACE}km fra Tynset"),
        (Nearness(0.0, "same_municipality"), "i Tynset"),
        (Nearness(None, "neighbour"), "nabokommune til Tynset"),
        (Nearness(None, "same_county"), "i samme fylke som Tynset"),
        (Nearness(None, "unknown"), "avstand fra Tynset ukjent"),
    ],
)
def test_a_distance_that_is_not_measured_says_so(finn, nearness, reason):
    assert selectors.nearness_reason(nearness, finn.places["tynset"]) == reason


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (date(2027, 3, 1), date(2027, 6, 30), "mars–juni"),
        (date(2027, 3, 1), date(2027, 3, 20), "mars"),
        (date(2028, 3, 1), date(2028, 6, 30), "mars–juni 2028"),
        (date(2027, 11, 1), date(2028, 2, 1), "nov. 2027–feb. 2028"),
    ],
)
def test_availability_reads_as_months(first, last, text):
    assert selectors.month_span(first, last, today=date(2027, 1, 10)) == text


def test_the_nearest_come_first_then_by_name(client, finn):
    finn.mentor("Anne Oslo", place="oslo")
    finn.mentor("Åse Tynset", place="tynset")
    finn.mentor("Berit Tynset", place="tynset")
    sign_in_in_english(client, finn.mentee)
    assert names(client.get(URL)) == ["Berit Tynset", "Åse Tynset", "Anne Oslo"]


def test_a_municipality_and_a_distance_filter_by_place(client, finn):
    finn.mentor("Tove Tynset", place="tynset")
    finn.mentor("Trond Tromsø", place="tromso")
    sign_in_in_english(client, finn.mentee)
    response = client.get(URL, {"municipality": "3427", "distance": "50"})
    assert names(response) == ["Tove Tynset"]
    assert names(client.get(URL, {"municipality": "5501", "distance": "400"})) == ["Trond Tromsø"]
    # Any distance lists both, the chosen place's nearest first.
    assert names(client.get(URL, {"municipality": "5501"})) == ["Trond Tromsø", "Tove Tynset"]


def test_a_measured_distance_is_told_from_the_chosen_place(client, finn):
    finn.mentor("Tone Tolga", place="tolga")
    finn.mentor("Olav Oslo", place="oslo")
    sign_in_in_english(client, finn.mentee)
    response = client.get(URL, {"municipality": "3427", "distance": "100"})
    (result,) = response.context["results"]
    assert result.name == "Tone Tolga"
    assert re.fullmatch(r"\d{2}\N{NO-BREAK SPACE}km from Tynset", result.reasons[0])


def test_a_county_filters_by_county(client, finn):
    finn.mentor("Tove Tynset", place="tynset")
    finn.mentor("Trond Tromsø", place="tromso")
    finn.hub("Tolga dyreklinikk", place="tolga")
    sign_in_in_english(client, finn.mentee)
    assert names(client.get(URL, {"county": "Troms"})) == ["Trond Tromsø"]
    assert sorted(names(client.get(URL, {"county": "Innlandet"}))) == [
        "Tolga dyreklinikk",
        "Tove Tynset",
    ]


def test_animals_type_and_period_filter(client, finn):
    finn.mentor(
        "Kari Ku", animals=["cattle"], periods=[(date(NEXT_YEAR, 3, 1), date(NEXT_YEAR, 6, 30))]
    )
    finn.mentor(
        "Sigrid Sau",
        animals=["small_ruminants"],
        kinds=[RelationshipKind.MENTORVET],
        periods=[(date(NEXT_YEAR, 8, 1), date(NEXT_YEAR, 9, 30))],
    )
    finn.hub("Fjellklinikken", animals=["small_ruminants"])
    sign_in_in_english(client, finn.mentee)
    assert names(client.get(URL, {"animals": ["small_ruminants"]})) == [
        "Sigrid Sau",  # in Tynset, where the mentee is
        "Fjellklinikken",  # in Tolga
    ]
    # A hub takes students in placement, nothing else.
    assert names(client.get(URL, {"kind": RelationshipKind.MENTORVET})) == ["Sigrid Sau"]
    assert names(
        client.get(URL, {"starts_on": f"{NEXT_YEAR}-08-15", "ends_on": f"{NEXT_YEAR}-08-31"})
    ) == [
        "Sigrid Sau",
        "Fjellklinikken",  # a hub has no periods: it takes students all year
    ]


def test_a_period_ending_before_it_starts_is_refused_on_the_field_and_kept(client, finn):
    finn.mentor("Kari Ku")
    sign_in_in_english(client, finn.mentee)
    response = client.get(
        URL,
        {"starts_on": f"{NEXT_YEAR}-06-01", "ends_on": f"{NEXT_YEAR}-05-01", "animals": ["cattle"]},
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["ends_on"] == ["The end must be on or after the start."]
    page = response.content.decode()
    assert f'value="{NEXT_YEAR}-06-01"' in page and f'value="{NEXT_YEAR}-05-01"' in page
    assert 'name="animals" value="cattle" id="id_animals_0" checked' in page
    assert 'aria-describedby="id_ends_on_error"' in page
    assert "Kari Ku" not in page


def test_an_unknown_municipality_or_both_a_municipality_and_a_county_are_refused(client, finn):
    sign_in_in_english(client, finn.mentee)
    response = client.get(URL, {"municipality": "9999", "distance": "100"})
    assert response.status_code == 400
    assert response.context["form"].errors["municipality"] == [
        "Choose a municipality from the list."
    ]
    response = client.get(URL, {"municipality": "3427", "county": "Troms"})
    assert response.status_code == 400
    assert response.context["form"].errors["county"] == [
        "Choose a municipality or a county, not both. Empty one of them."
    ]
    assert 'value="Troms" selected' in response.content.decode()


def test_a_mentor_without_a_mentee_profile_may_search_but_not_ask(client, finn):
    finn.mentor("Kari Kollega")
    viewer = finn.mentor("Mona Meg", user=finn.scheme.mentor)
    sign_in_in_english(client, viewer.user)
    page = client.get(URL).content.decode()
    assert "Kari Kollega" in page
    assert 'name="velg"' not in page
    assert "Only mentees send requests" in page


def test_a_mentee_ticks_mentors_for_a_request(client, finn):
    profile = finn.mentor("Kari Ku")
    hub = finn.hub("Fjellklinikken")
    sign_in_in_english(client, finn.mentee)
    page = client.get(URL).content.decode()
    assert f'name="velg" value="mentor:{profile.pk}"' in page
    assert f'name="velg" value="hub:{hub.pk}"' in page
    assert f'action="{reverse("finn:new_request")}"' in page


def test_results_are_paginated_and_the_filters_carried(client, finn):
    for n in range(23):
        finn.mentor(f"Mentor {n:02d}")
    sign_in_in_english(client, finn.mentee)
    first = client.get(URL, {"animals": ["cattle"]})
    assert len(first.context["results"]) == 20
    assert "animals=cattle&amp;page=2" in first.content.decode()
    second = client.get(URL, {"animals": ["cattle"], "page": "2"})
    assert names(second) == ["Mentor 20", "Mentor 21", "Mentor 22"]


def test_the_directory_runs_the_same_queries_for_3_and_30_mentors(
    client, finn, django_assert_num_queries
):
    finn.hub("Fjellklinikken", place="tynset")
    for n in range(3):
        finn.mentor(f"Mentor {n:02d}")
    sign_in_in_english(client, finn.mentee)
    search = {"municipality": "3427", "distance": "200", "animals": ["cattle"]}

    # A first request warms the header and footer, which any new row sends
    # to the database again; the second is the one counted.
    client.get(URL, search)
    with CaptureQueriesContext(connection) as queries:
        assert len(client.get(URL, search).context["results"]) == 4
    few = len(queries)
    for n in range(3, 30):
        finn.mentor(f"Mentor {n:02d}")
    client.get(URL, search)
    with django_assert_num_queries(few):
        assert len(client.get(URL, search).context["results"]) == 20


def test_the_directory_is_for_signed_in_people(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_mentee_profile_without_a_place_still_lists_by_name(client, finn):
    MenteeProfile.objects.filter(user=finn.mentee).update(municipality=None)
    finn.mentor("Bjørn B", place="oslo")
    finn.mentor("Anders A", place="tromso")
    sign_in_in_english(client, finn.mentee)
    response = client.get(URL)
    assert names(response) == ["Anders A", "Bjørn B"]
    assert response.context["origin"] is None


def test_open_needs_of_municipalities_in_the_place_show_beside_the_mentors(client, finn):
    finn.mentor("Kari Nær")
    tolga, tromso = finn.places["tolga"], finn.places["tromso"]
    near = MunicipalityNeed.objects.create(
        municipality=tolga, kind=MunicipalityNeedKind.TEMPORARY_VET
    )
    MunicipalityNeed.objects.create(
        municipality=tolga, kind=MunicipalityNeedKind.PERMANENT_VET, status=NeedStatus.FILLED
    )
    MunicipalityNeed.objects.create(municipality=tromso, kind=MunicipalityNeedKind.PLACEMENT_HOST)
    sign_in_in_english(client, finn.mentee)

    page = client.get(URL, {"municipality": "3427", "distance": "100"}).content.decode()

    assert "Municipalities nearby that need a vet" in page
    assert f'href="{reverse("finn:need", args=[near.pk])}"' in page
    assert "A temporary vet" in page
    assert "Tolga, Innlandet · " in page  # with how far it is from Tynset
    assert "A permanent vet" not in page  # filled
    assert "A host for student placements" not in page  # Tromsø is far away
