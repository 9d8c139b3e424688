"""MentorHubs: registration and approval, mentors with certificates, student-
weeks, the half-yearly summary priced week by week, payouts, and the pages."""

from datetime import date, timedelta

import pytest

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Certificate
from network.models import HubMentor, HubPayout, HubStatus, HubStudentWeek, MentorHub
from network.scheme.errors import HubError
from network.scheme.services import hubs as services
from tests.scheme.hub_fixtures import register_week

pytestmark = pytest.mark.django_db

# Version 2.0 of the rules is valid from Sunday 1 June 2025.
MAY_19, MAY_26, JUNE_2 = date(2025, 5, 19), date(2025, 5, 26), date(2025, 6, 2)


def sign_in_in_english(client, user):
    """A signed-in person sees their preferred language; the new strings are
    not translated to Bokmål yet, so the assertions read the English ones."""
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


# --- registering and approving -------------------------------------------------------


def test_a_certified_mentor_registers_a_hub_and_becomes_its_contact(scheme):
    registered = services.register_hub(
        user=scheme.mentor,
        name=" Glåmdal dyreklinikk ",
        organisation_number="987 654 321",
        municipality=scheme.municipality,
    )
    assert registered.status == HubStatus.PENDING
    assert registered.name == "Glåmdal dyreklinikk"
    assert registered.organisation_number == "987654321"
    assert registered.registered_by == scheme.mentor
    assert list(registered.mentors.values_list("user", "is_contact")) == [(scheme.mentor.pk, True)]


def test_a_hub_cannot_be_registered_without_a_mentor_certificate(scheme):
    with pytest.raises(HubError) as error, translation.override("en"):
        services.register_hub(
            user=scheme.mentee, name="X", organisation_number="", municipality=scheme.municipality
        )
    assert error.value.code == "certificate"
    assert "has not completed the mandatory mentor course" in error.value.messages[0]
    assert not MentorHub.objects.exists()


def test_only_the_office_approves_and_approving_twice_is_harmless(scheme, office):
    registered = services.register_hub(
        user=scheme.mentor, name="X", organisation_number="", municipality=scheme.municipality
    )
    with pytest.raises(HubError) as error:
        services.approve_hub(hub=registered, user=scheme.mentor)
    assert error.value.code == "not_allowed"
    approved = services.approve_hub(hub=registered, user=office)
    assert approved.status == HubStatus.APPROVED
    first_time = approved.approved_at
    assert services.approve_hub(hub=registered, user=office).approved_at == first_time


def test_a_closed_hub_is_not_approved(scheme, office):
    registered = services.register_hub(
        user=scheme.mentor, name="X", organisation_number="", municipality=scheme.municipality
    )
    MentorHub.objects.filter(pk=registered.pk).update(status=HubStatus.CLOSED)
    with pytest.raises(HubError) as error:
        services.approve_hub(hub=registered, user=office)
    assert error.value.code == "status"


# --- mentors --------------------------------------------------------------------------


def test_adding_a_mentor_twice_is_harmless(hub):
    again = services.add_hub_mentor(hub=hub.hub, email="HANNE@example.no", added_by=hub.contact)
    assert again.user == hub.mentor
    assert hub.hub.mentors.count() == 2


def test_an_unknown_address_is_refused_with_the_address(hub):
    with pytest.raises(HubError) as error, translation.override("en"):
        services.add_hub_mentor(hub=hub.hub, email="nobody@example.no", added_by=hub.contact)
    assert error.value.code == "unknown"
    assert "nobody@example.no" in error.value.messages[0]


def test_a_mentor_without_a_valid_certificate_is_refused_by_name(hub, scheme):
    with pytest.raises(HubError) as error, translation.override("en"):
        services.add_hub_mentor(hub=hub.hub, email=scheme.mentee.email, added_by=hub.contact)
    assert error.value.code == "certificate"
    assert (
        "Magnus Mentee has not completed the mandatory mentor course" in (error.value.messages[0])
    )
    Certificate.objects.filter(holder=hub.outsider).update(valid_until=date(2020, 1, 1))
    with pytest.raises(HubError) as error, translation.override("en"):
        services.add_hub_mentor(hub=hub.hub, email=hub.outsider.email, added_by=hub.contact)
    assert "Ola Utenfor's mentor course certificate has expired." in error.value.messages[0]
    Certificate.objects.filter(holder=hub.outsider).update(
        revoked_at=timezone.now(), revoked_reason="Feil"
    )
    with pytest.raises(HubError) as error, translation.override("en"):
        services.add_hub_mentor(hub=hub.hub, email=hub.outsider.email, added_by=hub.contact)
    assert "is revoked" in error.value.messages[0]


@pytest.mark.parametrize("who", ["mentor", "outsider"])
def test_only_a_contact_adds_mentors(hub, who):
    with pytest.raises(HubError) as error:
        services.add_hub_mentor(hub=hub.hub, email=hub.outsider.email, added_by=getattr(hub, who))
    assert error.value.code == "not_contact"


def test_a_contact_removes_a_mentor_but_not_the_last_contact(hub):
    membership = HubMentor.objects.get(hub=hub.hub, user=hub.mentor)
    with pytest.raises(HubError) as error:
        services.remove_hub_mentor(hub_mentor=membership, removed_by=hub.mentor)
    assert error.value.code == "not_contact"
    services.remove_hub_mentor(hub_mentor=membership, removed_by=hub.contact)
    assert not HubMentor.objects.filter(user=hub.mentor).exists()
    contact = HubMentor.objects.get(hub=hub.hub, user=hub.contact)
    with pytest.raises(HubError) as error:
        services.remove_hub_mentor(hub_mentor=contact, removed_by=hub.contact)
    assert error.value.code == "last_contact"


# --- student-weeks --------------------------------------------------------------------


def test_a_week_is_stored_by_its_monday(hub):
    week = services.register_student_week(
        hub=hub.hub,
        student_name=" Siri Student ",
        student_email="Siri@Example.no",
        week_starts_on=date(2025, 5, 23),  # a Friday
        mentor=hub.mentor,
        registered_by=hub.contact,
    )
    assert week.week_starts_on == MAY_19
    assert (week.student_name, week.student_email) == ("Siri Student", "siri@example.no")
    assert week.mentor == hub.mentor and week.registered_by == hub.contact


def test_students_are_registered_only_once_the_hub_is_approved(scheme):
    pending = services.register_hub(
        user=scheme.mentor, name="X", organisation_number="", municipality=scheme.municipality
    )
    with pytest.raises(HubError) as error:
        services.register_student_week(
            hub=pending,
            student_name="S",
            student_email="s@example.no",
            week_starts_on=MAY_19,
            mentor=scheme.mentor,
            registered_by=scheme.mentor,
        )
    assert error.value.code == "not_approved"


def test_only_a_contact_registers_students(hub):
    with pytest.raises(HubError) as error:
        services.register_student_week(
            hub=hub.hub,
            student_name="S",
            student_email="s@example.no",
            week_starts_on=MAY_19,
            mentor=hub.mentor,
            registered_by=hub.mentor,
        )
    assert error.value.code == "not_contact"


def test_the_mentor_must_be_at_the_hub(hub):
    with pytest.raises(HubError) as error:
        register_week(hub, MAY_19, mentor=hub.outsider)
    assert error.value.code == "mentor"


def test_the_mentor_needs_a_certificate_valid_that_week(hub):
    Certificate.objects.filter(holder=hub.mentor).update(valid_until=date(2025, 5, 31))
    assert register_week(hub, MAY_26, mentor=hub.mentor).week_starts_on == MAY_26
    with pytest.raises(HubError) as error:
        register_week(hub, JUNE_2, mentor=hub.mentor)
    assert error.value.code == "certificate"


def test_the_same_student_twice_in_a_week_is_refused(hub):
    register_week(hub, MAY_19)
    with pytest.raises(HubError) as error, translation.override("en"):
        register_week(hub, MAY_19 + timedelta(days=2), email="STUDENT@example.no")
    assert error.value.code == "duplicate"
    assert "already registered" in error.value.messages[0]
    assert register_week(hub, MAY_26).week_starts_on == MAY_26
    assert register_week(hub, MAY_19, email="other@example.no")


def test_the_unique_constraint_holds_without_the_service(hub):
    week = register_week(hub, MAY_19)
    with pytest.raises(IntegrityError), transaction.atomic():
        HubStudentWeek.objects.create(
            hub=hub.hub,
            student_name="Again",
            student_email=week.student_email,
            week_starts_on=MAY_19,
            mentor=hub.contact,
        )


def test_no_week_before_the_first_rules(hub):
    with pytest.raises(HubError) as error:
        register_week(hub, date(2024, 8, 26))
    assert error.value.code == "rules"


def test_a_paid_week_cannot_be_removed_and_its_half_year_takes_no_more(hub, office):
    week = register_week(hub, MAY_19)
    services.record_hub_payout(hub=hub.hub, year=2025, half=1, user=office)
    with pytest.raises(HubError) as error:
        services.remove_student_week(week=week, user=hub.contact)
    assert error.value.code == "paid"
    with pytest.raises(HubError) as error:
        register_week(hub, MAY_26)
    assert error.value.code == "paid"
    assert register_week(hub, date(2025, 7, 7))


def test_a_contact_removes_an_unpaid_week(hub):
    week = register_week(hub, MAY_19)
    with pytest.raises(HubError):
        services.remove_student_week(week=week, user=hub.mentor)
    services.remove_student_week(week=week, user=hub.contact)
    assert not HubStudentWeek.objects.exists()


# --- the summary and payouts -----------------------------------------------------------


def test_a_half_year_across_the_rules_change_is_priced_week_by_week(hub):
    for monday in (MAY_19, MAY_26, JUNE_2):
        register_week(hub, monday)
    register_week(hub, date(2025, 7, 7))  # the next half-year
    (row,) = services.half_year_summary(year=2025, half=1)
    assert row.hub == hub.hub
    assert (row.weeks, row.amount) == (3, 3500 + 3500 + 4000)
    assert (row.unpaid_weeks, row.unpaid_amount, row.paid_weeks, row.payout) == (3, 11000, 0, None)
    assert services.week_rate(services._all_rules(), date(2024, 9, 2)) == 3500


def test_the_summary_separates_paid_and_unpaid(hub, office):
    register_week(hub, MAY_19)
    payout = services.record_hub_payout(hub=hub.hub, year=2025, half=1, user=office)
    # Registered directly, as if before the payout rule: counted as unpaid.
    HubStudentWeek.objects.create(
        hub=hub.hub,
        student_name="S",
        student_email="s@e.no",
        week_starts_on=JUNE_2,
        mentor=hub.contact,
    )
    (row,) = services.half_year_summary(year=2025, half=1)
    assert row.payout == payout
    assert (row.weeks, row.paid_weeks, row.paid_amount) == (2, 1, 3500)
    assert (row.unpaid_weeks, row.unpaid_amount) == (1, 4000)


def _many_hubs(scheme, certified, office, count):
    for n in range(count):
        contact = certified(full_name=f"Kontakt {n}")
        other = services.register_hub(
            user=contact, name=f"Hub {n}", organisation_number="", municipality=scheme.municipality
        )
        services.approve_hub(hub=other, user=office)
        for week in range(4):
            services.register_student_week(
                hub=other,
                student_name="S",
                student_email=f"s{week}@example.no",
                week_starts_on=MAY_19 + timedelta(weeks=week),
                mentor=contact,
                registered_by=contact,
            )


def test_the_summary_takes_a_fixed_number_of_queries(
    hub, scheme, certified, office, django_assert_max_num_queries
):
    register_week(hub, MAY_19)
    with django_assert_max_num_queries(5):
        assert len(services.half_year_summary(year=2025, half=1)) == 1
    _many_hubs(scheme, certified, office, 3)
    services.record_hub_payout(hub=hub.hub, year=2025, half=1, user=office)
    with django_assert_max_num_queries(5):
        rows = services.half_year_summary(year=2025, half=1)
        assert [row.weeks for row in rows] == [1, 4, 4, 4]
        assert [row.hub.municipality.name for row in rows] == ["Kongsvinger"] * 4


def test_a_payout_pays_the_weeks_once(hub, office):
    for monday in (MAY_19, MAY_26, JUNE_2):
        register_week(hub, monday)
    payout = services.record_hub_payout(hub=hub.hub, year=2025, half=1, user=office)
    assert (payout.week_count, payout.amount, payout.recorded_by) == (3, 11000, office)
    assert set(HubStudentWeek.objects.values_list("payout", flat=True)) == {payout.pk}
    with pytest.raises(HubError) as error, translation.override("en"):
        services.record_hub_payout(hub=hub.hub, year=2025, half=1, user=office)
    assert error.value.code == "already_paid"
    assert "NOK\xa011,000" in error.value.messages[0]
    assert HubPayout.objects.count() == 1


@pytest.mark.parametrize(
    ("year", "half", "code"),
    [(2025, 2, "nothing"), (2025, 3, "half_year"), (1999, 1, "half_year")],
)
def test_a_payout_needs_weeks_and_a_real_half_year(hub, office, year, half, code):
    register_week(hub, MAY_19)
    with pytest.raises(HubError) as error:
        services.record_hub_payout(hub=hub.hub, year=year, half=half, user=office)
    assert error.value.code == code


def test_a_payout_waits_for_the_half_year_to_end(hub, office):
    monday = services.monday_of(timezone.localdate())
    register_week(hub, monday)
    year, half = services.half_year_of(monday)
    with pytest.raises(HubError) as error:
        services.record_hub_payout(hub=hub.hub, year=year, half=half, user=office)
    assert error.value.code == "not_ended"


def test_only_the_office_records_payouts(hub):
    register_week(hub, MAY_19)
    with pytest.raises(HubError) as error:
        services.record_hub_payout(hub=hub.hub, year=2025, half=1, user=hub.contact)
    assert error.value.code == "not_allowed"


# --- pages: who sees what ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("contact", 200), ("mentor", 200), ("outsider", 404), ("office", 200)],
)
def test_who_sees_the_hub_page(client, hub, office, who, status):
    person = office if who == "office" else getattr(hub, who)
    client.force_login(person)
    response = client.get(reverse("scheme_hubs:hub", args=[hub.hub.pk]))
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert "Glåmdal dyreklinikk" in html
        assert ('name="student_email"' in html) == (who == "contact")


def test_anonymous_people_are_sent_to_sign_in(client, hub):
    for url in (
        reverse("scheme_hubs:hubs"),
        reverse("scheme_hubs:hub", args=[hub.hub.pk]),
        reverse("scheme_hubs:office_summary"),
        reverse("scheme_hubs:office_approval"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_others_cannot_post_to_a_hub(client, hub, who):
    if who == "outsider":
        client.force_login(hub.outsider)
    urls = [
        reverse("scheme_hubs:add_mentor", args=[hub.hub.pk]),
        reverse("scheme_hubs:add_week", args=[hub.hub.pk]),
        reverse(
            "scheme_hubs:remove_mentor",
            args=[hub.hub.pk, HubMentor.objects.get(user=hub.mentor).pk],
        ),
    ]
    for url in urls:
        response = client.post(url, {"email": hub.outsider.email})
        assert response.status_code == (404 if who == "outsider" else 302)
    assert hub.hub.mentors.count() == 2


@pytest.mark.parametrize("who", ["contact", "mentor", "outsider"])
def test_the_office_pages_are_404_for_everyone_else(client, hub, who):
    client.force_login(getattr(hub, who))
    assert client.get(reverse("scheme_hubs:office_summary")).status_code == 404
    assert client.get(reverse("scheme_hubs:office_approval")).status_code == 404
    assert client.post(reverse("scheme_hubs:office_approve", args=[hub.hub.pk])).status_code == 404
    response = client.post(
        reverse("scheme_hubs:office_payout", args=[hub.hub.pk]), {"year": 2025, "half": 1}
    )
    assert response.status_code == 404


# --- pages: forms -----------------------------------------------------------------------


def test_registering_a_hub_through_the_page(client, scheme):
    sign_in_in_english(client, scheme.mentor)
    url = reverse("scheme_hubs:hubs")
    response = client.post(
        url,
        {"name": "Glåmdal dyreklinikk", "organisation_number": "12345", "municipality": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "An organisation number has nine digits." in html
    assert 'value="Glåmdal dyreklinikk"' in html
    assert 'value="12345"' in html
    response = client.post(
        url,
        {
            "name": "Glåmdal dyreklinikk",
            "organisation_number": "987654321",
            "municipality": scheme.municipality.pk,
        },
    )
    created = MentorHub.objects.get()
    assert response["Location"] == reverse("scheme_hubs:hub", args=[created.pk])
    assert "Glåmdal dyreklinikk" in client.get(url).content.decode()


def test_a_person_without_a_certificate_is_told_instead_of_a_form(client, scheme):
    sign_in_in_english(client, scheme.mentee)
    html = client.get(reverse("scheme_hubs:hubs")).content.decode()
    assert "has not completed the mandatory mentor course" in html
    assert 'name="organisation_number"' not in html


def test_adding_an_unknown_mentor_shows_the_message_on_the_field(client, hub):
    sign_in_in_english(client, hub.contact)
    response = client.post(
        reverse("scheme_hubs:add_mentor", args=[hub.hub.pk]), {"email": "nobody@example.no"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "No one with the e-mail address nobody@example.no has an account" in html
    assert 'value="nobody@example.no"' in html
    response = client.post(
        reverse("scheme_hubs:add_mentor", args=[hub.hub.pk]), {"email": hub.outsider.email}
    )
    assert response.status_code == 302
    assert hub.hub.mentors.filter(user=hub.outsider).exists()


def test_a_hub_mentor_who_is_not_a_contact_is_told(client, hub):
    sign_in_in_english(client, hub.mentor)
    response = client.post(
        reverse("scheme_hubs:add_mentor", args=[hub.hub.pk]), {"email": hub.outsider.email}
    )
    assert response.status_code == 302
    assert "Only the hub&#x27;s contact person" in client.get(response["Location"]).content.decode()
    assert not hub.hub.mentors.filter(user=hub.outsider).exists()


def _week_data(hub, **changes):
    return {
        "student_name": "Siri Student",
        "student_email": "siri@example.no",
        "week_starts_on": "2025-05-21",
        "mentor": hub.mentor.pk,
        **changes,
    }


def test_registering_a_week_through_the_page_keeps_input_on_errors(client, hub):
    sign_in_in_english(client, hub.contact)
    url = reverse("scheme_hubs:add_week", args=[hub.hub.pk])
    response = client.post(url, _week_data(hub, week_starts_on="21.13.2025"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Siri Student"' in html and 'value="21.13.2025"' in html
    response = client.post(url, _week_data(hub))
    assert response.status_code == 302
    assert response["Location"].endswith("?year=2025&half=1")
    response = client.post(url, _week_data(hub, week_starts_on="2025-05-19"))
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Siri Student (siri@example.no) is already registered at the hub "
        "for the week of May 19, 2025" in html
    )
    assert 'value="siri@example.no"' in html
    response = client.post(url, _week_data(hub, mentor=hub.outsider.pk))
    assert response.status_code == 400  # not a choice: not a mentor at the hub
    assert HubStudentWeek.objects.count() == 1


def test_the_hub_page_shows_the_half_year_asked_for_and_survives_bad_input(client, hub):
    register_week(hub, MAY_19)
    client.force_login(hub.contact)
    url = reverse("scheme_hubs:hub", args=[hub.hub.pk])
    html = client.get(url, {"year": 2025, "half": 1}).content.decode()
    assert "Siri Student" in html
    assert "3\xa0500" in html
    for query in ({"year": "abc", "half": "1"}, {"year": "2025", "half": "9"}):
        assert client.get(url, query).status_code == 200


def test_removing_a_week_and_a_mentor_through_the_page(client, hub):
    week = register_week(hub, MAY_19)
    client.force_login(hub.contact)
    response = client.post(reverse("scheme_hubs:remove_week", args=[hub.hub.pk, week.pk]))
    assert response.status_code == 302
    assert not HubStudentWeek.objects.exists()
    membership = HubMentor.objects.get(user=hub.mentor)
    client.post(reverse("scheme_hubs:remove_mentor", args=[hub.hub.pk, membership.pk]))
    assert not HubMentor.objects.filter(pk=membership.pk).exists()


def test_the_hub_page_takes_a_fixed_number_of_queries(client, hub, django_assert_max_num_queries):
    client.force_login(hub.contact)
    url = reverse("scheme_hubs:hub", args=[hub.hub.pk])
    register_week(hub, MAY_19)
    # Includes the site settings, menu and footer links every page shows.
    with django_assert_max_num_queries(19) as one:
        assert client.get(url, {"year": 2025, "half": 1}).status_code == 200
    for n in range(12):
        register_week(hub, MAY_19 + timedelta(weeks=n % 4), email=f"s{n}@example.no")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url, {"year": 2025, "half": 1}).status_code == 200


# --- the office pages ---------------------------------------------------------------------


def test_the_office_approves_a_pending_hub(client, scheme, office):
    pending = services.register_hub(
        user=scheme.mentor,
        name="Ny klinikk",
        organisation_number="",
        municipality=scheme.municipality,
    )
    client.force_login(office)
    assert "Ny klinikk" in client.get(reverse("scheme_hubs:office_approval")).content.decode()
    response = client.post(reverse("scheme_hubs:office_approve", args=[pending.pk]))
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == HubStatus.APPROVED


def test_the_office_summary_and_payout(
    client, hub, scheme, certified, office, django_assert_max_num_queries
):
    for monday in (MAY_19, MAY_26, JUNE_2):
        register_week(hub, monday)
    sign_in_in_english(client, office)
    url = reverse("scheme_hubs:office_summary")
    # Includes the site settings, menu and footer links every page shows.
    with django_assert_max_num_queries(17) as one:
        response = client.get(url, {"year": 2025, "half": 1})
    _many_hubs(scheme, certified, office, 3)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url, {"year": 2025, "half": 1}).status_code == 200
    html = response.content.decode()
    assert "Glåmdal dyreklinikk" in html
    assert "NOK\xa011,000" in html
    assert "Record the payout" in html
    response = client.post(
        reverse("scheme_hubs:office_payout", args=[hub.hub.pk]), {"year": 2025, "half": 1}
    )
    assert response["Location"] == f"{url}?year=2025&half=1"
    assert HubPayout.objects.get().amount == 11000
    response = client.post(
        reverse("scheme_hubs:office_payout", args=[hub.hub.pk]),
        {"year": 2025, "half": 1},
        follow=True,
    )
    assert "was already paid" in response.content.decode()
    assert HubPayout.objects.count() == 1


@pytest.mark.parametrize(
    "query", [{"year": "abc", "half": "1"}, {"year": "2025", "half": "x"}, {"year": ""}]
)
def test_bad_input_on_the_office_summary_is_a_form_error(client, office, query):
    sign_in_in_english(client, office)
    response = client.get(reverse("scheme_hubs:office_summary"), query)
    assert response.status_code == 400
    assert "Please check the form" in response.content.decode()


def test_a_bad_payout_request_is_not_a_server_error(client, hub, office):
    client.force_login(office)
    response = client.post(
        reverse("scheme_hubs:office_payout", args=[hub.hub.pk]), {"year": "abc", "half": "1"}
    )
    assert response.status_code == 302
    assert not HubPayout.objects.exists()


def test_the_office_summary_defaults_to_the_last_ended_half_year(client, office):
    client.force_login(office)
    response = client.get(reverse("scheme_hubs:office_summary"))
    assert response.status_code == 200
    year, half = services.last_ended_half_year()
    assert response.context["form"].cleaned_data == {"year": year, "half": half}


def test_last_ended_half_year():
    assert services.last_ended_half_year(date(2026, 3, 1)) == (2025, 2)
    assert services.last_ended_half_year(date(2026, 7, 1)) == (2026, 1)


def test_the_admin_lists_hubs_with_a_link_to_the_office(client, hub, superuser):
    client.force_login(superuser)
    response = client.get(reverse("wagtailsnippets_network_mentorhub:list"))
    assert response.status_code == 200
    assert reverse("scheme_hubs:office_summary") in response.content.decode()
