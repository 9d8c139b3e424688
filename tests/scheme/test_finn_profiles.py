"""Finn mentor profiles: listing is opt-in and hiding takes effect at once, a
mentor is visible only with a valid mentor certificate, bad input is shown on
its field with what was typed kept, a hub's contact keeps its listing, and
"Mine data" exports and erases all of it."""

from datetime import date, timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Certificate
from mentornett.accounts.models import Profile
from mentornett.accounts.personal_data import collect, erase_account
from mentornett.accounts.retention import purge_expired_data
from mentornett.audit.models import AuditAction, AuditEvent
from network.models import (
    ChoiceStatus,
    HubStatus,
    MatchNote,
    MatchProposal,
    MatchRequest,
    MenteeProfile,
    MentorHub,
    MentorProfile,
    Municipality,
    MunicipalityNeed,
    NeedInterest,
    RequestChoice,
    RequestStatus,
    SearchAnswer,
)
from network.scheme.matching.selectors import mentor_is_visible, visible_mentor_profiles
from network.scheme.matching.services import profiles as services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MENTOR_PAGE = "finn:mentor_profile"
MENTEE_PAGE = "finn:mentee_profile"
NEXT_SPRING = date.today().replace(month=3, day=1) + timedelta(days=366)


def english(client, user):
    """The new strings are not in the compiled Bokmål catalogue yet, so pages
    are read in English."""
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)
    return client


def mentor_form(municipality, **changes):
    data = {
        "municipality": municipality.pk,
        "kinds": ["student_placement", "temporary_licence"],
        "animals": ["cattle", "small_ruminants"],
        "capacity": "2",
        "helps": ["housing"],
        "languages": "norsk, English",
        "introduction": "Stordyrpraksis i Glåmdalen.",
        "period_1_from": NEXT_SPRING.isoformat(),
        "period_1_to": (NEXT_SPRING + timedelta(days=90)).isoformat(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def mentee_form(**changes):
    data = {
        "stage": "student",
        "study_place": "Univerzita veterinárneho lekárstva v Košiciach",
        "year": "4",
        "kind": "student_placement",
        "animals": ["cattle"],
        "needs": ["housing", "car"],
        "introduction": "Vil lære stordyrpraksis.",
        "period_1_from": NEXT_SPRING.isoformat(),
        "period_1_to": (NEXT_SPRING + timedelta(days=28)).isoformat(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def save_mentor(user, municipality, **changes):
    fields = {
        "municipality": municipality,
        "kinds": ["student_placement"],
        "capacity": 1,
        "periods": [services.Period(NEXT_SPRING, NEXT_SPRING + timedelta(days=30))],
    }
    fields.update(changes)
    return services.save_mentor_profile(user=user, **fields)


# --- listing is a choice of its own -------------------------------------------------------


def test_a_saved_mentor_profile_is_hidden_until_the_mentor_chooses_to_be_shown(client, scheme):
    response = english(client, scheme.mentor).post(
        reverse(MENTOR_PAGE), mentor_form(scheme.municipality)
    )
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=scheme.mentor)
    assert not profile.listed and profile.listed_at is None
    assert profile.kinds == {"student_placement": True, "temporary_licence": True}
    assert profile.animals == {"cattle": True, "small_ruminants": True}
    assert [(p.starts_on, p.ends_on) for p in profile.availability.all()] == [
        (NEXT_SPRING, NEXT_SPRING + timedelta(days=90))
    ]
    assert not visible_mentor_profiles(timezone.localdate()).exists()
    page = client.get(reverse(MENTOR_PAGE)).content.decode()
    assert "Your profile is saved. It is not shown to anyone." in page
    assert "Hide me now" not in page


def test_choosing_to_be_shown_lists_the_mentor_and_is_recorded(client, scheme):
    english(client, scheme.mentor).post(
        reverse(MENTOR_PAGE), mentor_form(scheme.municipality, listed="on")
    )
    profile = MentorProfile.objects.get(user=scheme.mentor)
    assert profile.listed and profile.listed_at and profile.confirmed_at
    assert mentor_is_visible(profile, timezone.localdate())
    event = AuditEvent.objects.get(action=AuditAction.FINN_LISTED)
    assert (event.actor, event.subject, event.target_id) == (
        scheme.mentor,
        scheme.mentor,
        profile.pk,
    )
    page = client.get(reverse(MENTOR_PAGE)).content.decode()
    assert "Your profile is saved and shown in Finn mentor." in page
    assert "You are shown in Finn mentor" in page


def test_the_listing_choice_states_its_purpose_beside_it(client, scheme):
    page = english(client, scheme.mentor).get(reverse(MENTOR_PAGE)).content.decode()
    checkbox = page.index('name="listed"')
    purpose = page.index("Your e-mail address and phone number are not shown")
    assert 0 < purpose - checkbox < 1500
    assert "Every 6 months we ask you by e-mail to confirm" in page
    assert 'aria-describedby="id_listed_helptext"' in page
    assert "checked" not in page[checkbox - 200 : checkbox + 100]


def test_hide_me_now_hides_the_mentor_at_once(client, scheme):
    save_mentor(scheme.mentor, scheme.municipality, listed=True)
    today = timezone.localdate()
    assert visible_mentor_profiles(today).filter(user=scheme.mentor).exists()
    response = english(client, scheme.mentor).post(reverse("finn:hide_mentor"))
    assert response.status_code == 302
    assert response.url == reverse(MENTOR_PAGE)
    assert not visible_mentor_profiles(today).exists()
    assert not MentorProfile.objects.get(user=scheme.mentor).listed
    assert AuditEvent.objects.filter(action=AuditAction.FINN_HIDDEN).count() == 1
    # Hiding again changes nothing and logs nothing more.
    client.post(reverse("finn:hide_mentor"), {"back": "start"})
    assert AuditEvent.objects.filter(action=AuditAction.FINN_HIDDEN).count() == 1


def test_hide_me_now_from_the_start_page_hides_the_search(client, scheme):
    services.save_mentee_profile(
        user=scheme.mentee, stage="student", study_place="NMBU", kind="mentorvet", listed=True
    )
    response = english(client, scheme.mentee).post(reverse("finn:hide_mentee"), {"back": "start"})
    assert response.url == reverse("finn:start")
    assert not MenteeProfile.objects.get(user=scheme.mentee).listed


def test_hiding_needs_a_post(client, scheme):
    assert english(client, scheme.mentor).get(reverse("finn:hide_mentor")).status_code == 405


# --- the certificate gate on visibility ------------------------------------------------------


def test_a_mentor_without_a_certificate_may_ask_to_be_listed_but_is_not_visible(client, scheme):
    newcomer = UserFactory(full_name="Nils Ny")
    response = english(client, newcomer).post(
        reverse(MENTOR_PAGE), mentor_form(scheme.municipality, listed="on")
    )
    assert response.status_code == 302
    profile = MentorProfile.objects.get(user=newcomer)
    assert profile.listed
    assert not mentor_is_visible(profile, timezone.localdate())
    assert not visible_mentor_profiles(timezone.localdate()).exists()
    page = client.get(reverse(MENTOR_PAGE)).content.decode()
    assert "complete the mentor course to be visible" in page
    assert "Complete the mentor course to be visible" in page
    assert f'href="{scheme.mentor_course.url}"' in page
    start = client.get(reverse("finn:start")).content.decode()
    assert "Not shown yet" in start
    assert f'href="{scheme.mentor_course.url}"' in start


def test_visibility_follows_the_certificate_on_the_day(scheme):
    profile = save_mentor(scheme.mentor, scheme.municipality, listed=True)
    today = timezone.localdate()
    certificate = Certificate.objects.get(holder=scheme.mentor, mandatory_for="mentor")
    certificate.valid_until = today + timedelta(days=10)
    certificate.save(update_fields=["valid_until"])
    assert mentor_is_visible(profile, today)
    assert not mentor_is_visible(profile, today + timedelta(days=11))
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Feil utstedt"
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    assert not mentor_is_visible(profile, today)


def test_a_mentee_certificate_does_not_make_a_mentor_visible(scheme):
    # The mentee holds the mentee course's certificate, not the mentor's.
    profile = save_mentor(scheme.mentee, scheme.municipality, listed=True)
    assert not mentor_is_visible(profile, timezone.localdate())


# --- bad input ----------------------------------------------------------------------------


def test_bad_mentor_input_is_shown_on_each_field_and_what_was_typed_is_kept(client, scheme):
    too_long = "Lang tekst." * 100
    response = english(client, scheme.mentor).post(
        reverse(MENTOR_PAGE),
        mentor_form(
            scheme.municipality,
            capacity="0",
            period_1_to=(NEXT_SPRING - timedelta(days=1)).isoformat(),
            period_2_from=NEXT_SPRING.isoformat(),
            introduction=too_long,
            languages="norsk, samisk",
        ),
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["capacity"] == ["Take between 1 and 20 mentees at once."]
    assert form.errors["period_1_to"] == ["The end must be on or after the start."]
    assert form.errors["period_2_to"] == ["Give both dates of the period, or leave both empty."]
    assert form.errors["introduction"] == [
        f"Shorten the text to 1000 characters (it has {len(too_long)})."
    ]
    page = response.content.decode()
    assert 'value="norsk, samisk"' in page
    assert 'value="0"' in page
    assert 'id="id_capacity_error"' in page
    assert 'aria-describedby="id_capacity_error"' in page
    assert not MentorProfile.objects.exists()


def test_a_mentor_must_offer_a_relationship_type(client, scheme):
    response = english(client, scheme.mentor).post(
        reverse(MENTOR_PAGE), mentor_form(scheme.municipality, kinds=None)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["kinds"] == [
        "Choose at least one relationship type you offer."
    ]


def test_the_service_refuses_what_the_form_would(scheme):
    with pytest.raises(services.ProfileError) as error:
        save_mentor(scheme.mentor, scheme.municipality, capacity=0)
    assert error.value.code == "capacity"
    with pytest.raises(services.ProfileError) as error:
        save_mentor(
            scheme.mentor,
            scheme.municipality,
            periods=[services.Period(NEXT_SPRING, NEXT_SPRING - timedelta(days=1))],
        )
    assert error.value.code == "period_order"
    with pytest.raises(services.ProfileError) as error:
        save_mentor(
            scheme.mentor,
            scheme.municipality,
            periods=[services.Period(NEXT_SPRING, NEXT_SPRING)] * 5,
        )
    assert error.value.code == "periods"
    assert not MentorProfile.objects.exists()


def test_bad_mentee_input_keeps_what_was_typed(client, scheme):
    response = english(client, scheme.mentee).post(
        reverse(MENTEE_PAGE),
        mentee_form(study_place="", year="12", introduction="Kommer gjerne i juni."),
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["study_place"] == ["Say where you study or work, in Norway or abroad."]
    assert errors["year"] == [
        "Give your year of study (1–6) or the year you were authorised, e.g. 2019."
    ]
    page = response.content.decode()
    assert "Kommer gjerne i juni." in page
    assert 'value="12"' in page
    assert not MenteeProfile.objects.exists()


# --- the mentee's search ------------------------------------------------------------------


def test_a_listed_mentee_profile_is_a_published_search(client, scheme):
    tynset = Municipality.objects.create(number="3427", name="Tynset", county="Innlandet")
    Municipality.objects.create(number="1804", name="Bodø", county="Nordland")
    response = english(client, scheme.mentee).post(
        reverse(MENTEE_PAGE),
        mentee_form(
            wanted_1=tynset.pk,
            wanted_2=scheme.municipality.pk,
            wanted_3=tynset.pk,  # the same twice counts once
            wanted_counties=["Nordland"],
            listed="on",
        ),
    )
    assert response.status_code == 302
    profile = MenteeProfile.objects.get(user=scheme.mentee)
    assert profile.listed and profile.listed_at
    assert set(profile.wanted_municipalities.all()) == {tynset, scheme.municipality}
    assert profile.wanted_counties == ["Nordland"]
    assert profile.needs == {"car": True, "housing": True}
    assert profile.year == 4
    page = client.get(reverse(MENTEE_PAGE)).content.decode()
    assert "published in Finn mentor as “Søker praksisplass/mentor”" in page
    assert "Your search is published" in page
    start = client.get(reverse("finn:start")).content.decode()
    assert "Published: Søker praksisplass/mentor" in start


def test_a_saved_mentee_profile_keeps_its_values_in_the_form(client, scheme):
    tynset = Municipality.objects.create(number="3427", name="Tynset", county="Innlandet")
    english(client, scheme.mentee).post(reverse(MENTEE_PAGE), mentee_form(wanted_1=tynset.pk))
    form = client.get(reverse(MENTEE_PAGE)).context["form"]
    assert form["wanted_1"].value() == tynset.pk
    assert form["period_1_from"].value() == NEXT_SPRING
    assert form["stage"].value() == "student"
    assert form["listed"].value() is False


def test_finn_mentor_profiles_are_not_for_nurses(client, scheme):
    nurse = UserFactory()
    Profile.objects.update_or_create(user=nurse, defaults={"profession": "nurse"})
    page = english(client, nurse).get(reverse(MENTOR_PAGE))
    assert "Finn mentor is for vets and vet students" in page.content.decode()
    response = client.post(reverse(MENTOR_PAGE), mentor_form(scheme.municipality))
    assert response.status_code == 403
    assert not MentorProfile.objects.exists()


# --- a hub's listing ------------------------------------------------------------------------


def test_the_contact_of_an_approved_hub_lists_it(client, hub):
    url = reverse("finn:hub_listing", args=[hub.hub.pk])
    english(client, hub.contact)
    detail = client.get(reverse("scheme_hubs:hub", args=[hub.hub.pk])).content.decode()
    assert f'href="{url}"' in detail
    response = client.post(
        url,
        {
            "weeks_per_half_year": "12",
            "helps_with_housing": "on",
            "animals": ["cattle"],
            "listed": "on",
        },
    )
    assert response.status_code == 302
    listing = hub.hub.listing
    assert (listing.listed, listing.weeks_per_half_year, listing.helps_with_housing) == (
        True,
        12,
        True,
    )
    assert listing.animals == {"cattle": True}
    assert AuditEvent.objects.filter(action=AuditAction.FINN_LISTED).count() == 1
    page = client.get(url).content.decode()
    assert "Hanne Hubmentor" in page  # its mentors are named, not their addresses
    assert "hanne@example.no" not in page


def test_bad_hub_input_keeps_what_was_typed(client, hub):
    url = reverse("finn:hub_listing", args=[hub.hub.pk])
    response = english(client, hub.contact).post(
        url, {"weeks_per_half_year": "900", "introduction": "Tre veterinærer."}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["weeks_per_half_year"] == [
        "Give a number of student-weeks between 0 and 500."
    ]
    assert "Tre veterinærer." in response.content.decode()


def test_only_the_contact_of_an_approved_hub_may_list_it(client, hub):
    url = reverse("finn:hub_listing", args=[hub.hub.pk])
    assert english(client, hub.mentor).get(url).status_code == 404  # a mentor, not the contact
    assert english(client, hub.outsider).get(url).status_code == 404
    MentorHub.objects.filter(pk=hub.hub.pk).update(status=HubStatus.PENDING)
    assert english(client, hub.contact).get(url).status_code == 404
    detail = client.get(reverse("scheme_hubs:hub", args=[hub.hub.pk])).content.decode()
    assert url not in detail


# --- the start page and the dashboard -------------------------------------------------------


def test_the_dashboard_links_finn_mentor_where_it_offers_to_find_a_mentor(client, scheme):
    Profile.objects.update_or_create(user=scheme.mentee, defaults={"profession": "vet_student"})
    page = english(client, scheme.mentee).get(reverse("home:dashboard")).content.decode()
    assert f'href="{reverse("finn:start")}"' in page


def test_the_start_page_shows_each_profile_and_where_to_go(client, scheme):
    save_mentor(scheme.mentor, scheme.municipality, listed=True)
    page = english(client, scheme.mentor).get(reverse("finn:start")).content.decode()
    assert "Shown in Finn mentor" in page
    assert f'action="{reverse("finn:hide_mentor")}"' in page
    assert "Make a profile as a student or vet seeking a mentor" in page
    assert f'href="{reverse("finn:needs")}"' in page
    assert f'href="{reverse("finn:register_contact")}"' in page


# --- query counts -------------------------------------------------------------------------


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_profile_pages_cost_the_same_however_much_they_hold(client, scheme):
    english(client, scheme.mentor)
    save_mentor(scheme.mentor, scheme.municipality)
    mentor_small = _queries(client, reverse(MENTOR_PAGE))
    start_small = _queries(client, reverse("finn:start"))
    periods = [
        services.Period(NEXT_SPRING + timedelta(days=40 * n), NEXT_SPRING + timedelta(days=40 * n))
        for n in range(4)
    ]
    save_mentor(scheme.mentor, scheme.municipality, periods=periods, listed=True)
    assert _queries(client, reverse(MENTOR_PAGE)) == mentor_small
    assert _queries(client, reverse("finn:start")) == start_small

    english(client, scheme.mentee)
    places = [
        Municipality.objects.create(number=f"50{n:02d}", name=f"Sted {n}", county=f"Fylke {n}")
        for n in range(3)
    ]
    services.save_mentee_profile(
        user=scheme.mentee, stage="student", study_place="NMBU", kind="mentorvet"
    )
    mentee_small = _queries(client, reverse(MENTEE_PAGE))
    services.save_mentee_profile(
        user=scheme.mentee,
        stage="student",
        study_place="NMBU",
        kind="mentorvet",
        periods=periods,
        wanted_municipalities=places,
        wanted_counties=["Fylke 0", "Fylke 1"],
    )
    assert _queries(client, reverse(MENTEE_PAGE)) == mentee_small


# --- Mine data ------------------------------------------------------------------------------


@pytest.fixture
def finn_data(scheme, office):
    """Everything Finn mentor may hold about the mentee, and about the mentor."""
    mentee, mentor = scheme.mentee, scheme.mentor
    save_mentor(mentor, scheme.municipality, listed=True, introduction="Mentorens egne ord")
    search = services.save_mentee_profile(
        user=mentee,
        stage="student",
        study_place="NMBU",
        kind="student_placement",
        periods=[services.Period(NEXT_SPRING, NEXT_SPRING + timedelta(days=7))],
        wanted_municipalities=[scheme.municipality],
        introduction="Menteens egne ord",
        listed=True,
    )
    need = MunicipalityNeed.objects.create(municipality=scheme.municipality, kind="temporary_vet")
    NeedInterest.objects.create(need=need, user=mentee, message="Jeg kan komme i juli")
    SearchAnswer.objects.create(profile=search, answered_by=mentor, message="Velkommen til oss")
    request = MatchRequest.objects.create(
        mentee=mentee,
        kind="student_placement",
        starts_on=NEXT_SPRING,
        ends_on=NEXT_SPRING + timedelta(days=7),
        message="Kan jeg komme?",
    )
    RequestChoice.objects.create(
        request=request,
        rank=1,
        mentor=mentor,
        status=ChoiceStatus.ASKED,
        asked_at=timezone.now(),
        answer_by=timezone.now() + timedelta(days=5),
    )
    MatchProposal.objects.create(mentee=mentee, mentor=mentor, kind="student_placement")
    MatchNote.objects.create(profile=search, author=office, text="Ringte 3. mars")
    return scheme


def test_mine_data_exports_everything_finn_mentor_holds_about_the_person(finn_data):
    network = collect(finn_data.mentee)["network"]
    assert network["finn_mentee_profile"][0]["introduction"] == "Menteens egne ord"
    assert network["finn_mentee_periods"] == [
        {"starts_on": NEXT_SPRING, "ends_on": NEXT_SPRING + timedelta(days=7)}
    ]
    assert network["finn_mentee_wanted_municipalities"] == ["Kongsvinger"]
    assert network["finn_need_interests"][0]["message"] == "Jeg kan komme i juli"
    assert network["finn_search_answers_received"][0]["message"] == "Velkommen til oss"
    assert network["finn_requests_sent"][0]["message"] == "Kan jeg komme?"
    assert network["finn_request_choices"][0]["mentor__full_name"] == "Marit Mentor"
    assert network["finn_proposals"][0]["mentor__full_name"] == "Marit Mentor"
    assert network["finn_office_notes"][0]["text"] == "Ringte 3. mars"
    assert network["finn_mentor_profile"] == []

    mentor = collect(finn_data.mentor)["network"]
    assert mentor["finn_mentor_profile"][0]["introduction"] == "Mentorens egne ord"
    assert len(mentor["finn_mentor_availability"]) == 1
    assert mentor["finn_search_answers_given"][0]["message"] == "Velkommen til oss"
    assert mentor["finn_request_choices"][0]["status"] == ChoiceStatus.ASKED
    assert mentor["finn_office_notes"] == []  # the notes are on the mentee's search


def test_deleting_the_account_erases_what_finn_mentor_holds(finn_data):
    erase_account(user=finn_data.mentee)
    mentee = finn_data.mentee
    assert not MenteeProfile.objects.filter(user=mentee).exists()
    assert not MatchNote.objects.exists()  # erased with the search
    assert not NeedInterest.objects.filter(user=mentee).exists()
    assert not SearchAnswer.objects.exists()
    assert not MatchRequest.objects.filter(mentee=mentee).exists()
    assert not MatchProposal.objects.exists()
    network = collect(mentee)["network"]
    assert all(not value for key, value in network.items() if key.startswith("finn_")), network

    erase_account(user=finn_data.mentor)
    assert not MentorProfile.objects.exists()


def test_a_request_waiting_for_a_deleted_mentor_does_not_hang(scheme):
    other = UserFactory()
    request = MatchRequest.objects.create(
        mentee=scheme.mentee, kind="mentorvet", starts_on=NEXT_SPRING, ends_on=NEXT_SPRING
    )
    later = timezone.now() + timedelta(days=5)
    asked = RequestChoice.objects.create(
        request=request, rank=1, mentor=scheme.mentor, status="asked", answer_by=later
    )
    waiting = RequestChoice.objects.create(request=request, rank=2, mentor=other)
    RequestChoice.objects.create(request=request, rank=3, mentor=scheme.mentor)
    erase_account(user=scheme.mentor)
    asked.refresh_from_db()
    assert asked.answer_by <= timezone.now()  # the daily pass-on moves it on
    statuses = dict(request.choices.values_list("rank", "status"))
    assert statuses == {1: ChoiceStatus.ASKED, 2: ChoiceStatus.WAITING, 3: ChoiceStatus.SKIPPED}
    assert waiting.mentor == other


# --- retention ------------------------------------------------------------------------------


def test_closed_requests_answers_and_interests_are_purged_after_the_draft_period(settings, scheme):
    settings.RETENTION_DRAFT_DAYS = 100
    long_ago = timezone.now() - timedelta(days=101)
    lately = timezone.now() - timedelta(days=99)

    def request(status, closed_at):
        return MatchRequest.objects.create(
            mentee=scheme.mentee,
            kind="mentorvet",
            starts_on=NEXT_SPRING,
            ends_on=NEXT_SPRING,
            status=status,
            closed_at=closed_at,
        )

    old_closed = request(RequestStatus.EXPIRED, long_ago)
    RequestChoice.objects.create(request=old_closed, rank=1, mentor=scheme.mentor)
    new_closed = request(RequestStatus.ACCEPTED, lately)
    still_open = request(RequestStatus.OPEN, None)
    search = services.save_mentee_profile(
        user=scheme.mentee, stage="student", study_place="NMBU", kind="mentorvet", listed=True
    )
    answer_on_open_search = SearchAnswer.objects.create(
        profile=search, answered_by=scheme.mentor, message="Hei"
    )
    SearchAnswer.objects.filter(pk=answer_on_open_search.pk).update(created_at=long_ago)
    open_need = MunicipalityNeed.objects.create(
        municipality=scheme.municipality, kind="permanent_vet"
    )
    closed_need = MunicipalityNeed.objects.create(
        municipality=scheme.municipality, kind="temporary_vet", status="filled"
    )
    kept_interest = NeedInterest.objects.create(need=open_need, user=scheme.mentee)
    old_interest = NeedInterest.objects.create(need=closed_need, user=scheme.mentee)
    NeedInterest.objects.filter(pk__in=[kept_interest.pk, old_interest.pk]).update(
        created_at=long_ago
    )

    removed = purge_expired_data()
    assert removed["finn_requests"] == 1
    assert set(MatchRequest.objects.values_list("pk", flat=True)) == {new_closed.pk, still_open.pk}
    assert not RequestChoice.objects.exists()
    assert removed["finn_answers"] == 0  # the search is still published
    assert removed["finn_interests"] == 1
    assert list(NeedInterest.objects.all()) == [kept_interest]

    MenteeProfile.objects.filter(pk=search.pk).update(listed=False)
    assert purge_expired_data()["finn_answers"] == 1
    assert all(count == 0 for count in purge_expired_data().values())
