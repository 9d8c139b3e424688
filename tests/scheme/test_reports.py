"""Reporting for the mentor scheme: the numbers on a built data set, the CSV
for the grant authority, who sees what, and query counts that do not grow."""

import csv
import io
from dataclasses import dataclass
from datetime import date

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    ApplicationStatus,
    Claim,
    ClaimCategory,
    ClaimStatus,
    Evaluation,
    Municipality,
    MunicipalityContact,
    Payout,
    RelationshipKind,
    SchemeRules,
)
from network.scheme import reports
from network.scheme.permissions import can_view_scheme_reports, contact_municipalities
from tests.factories import MunicipalityContactFactory, UserFactory

S = ApplicationStatus
K = RelationshipKind
pytestmark = pytest.mark.django_db

DASHBOARD = reverse("scheme_reports:dashboard")
CSV = reverse("scheme_reports:completed_csv")
SUMMARY = reverse("scheme_reports:municipality")
HYPERLINK = '=HYPERLINK("https://example.com","x")'


def relationship(kind, starts_on, ends_on, status, *, municipality, version="2.0", **fields):
    return Application.objects.create(
        kind=kind,
        status=status,
        mentor=fields.pop("mentor", None) or UserFactory(),
        mentee=fields.pop("mentee", None) or UserFactory(),
        starts_on=starts_on,
        ends_on=ends_on,
        municipality=municipality,
        rules=SchemeRules.objects.get(version=version) if version else None,
        **fields,
    )


def claim(application, category, amount, status=ClaimStatus.SUBMITTED, approved=None, **fields):
    return Claim.objects.create(
        application=application,
        claimant=application.mentee,
        category=category,
        description="Kvittering",
        amount=amount,
        spent_on=application.starts_on,
        receipt=SimpleUploadedFile("kvittering.pdf", b"%PDF-1.4\n%%EOF\n"),
        status=status,
        approved_amount=approved,
        **fields,
    )


def evaluate(application, mentor, mentee, text=""):
    for role, satisfaction in (("mentor", mentor), ("mentee", mentee)):
        Evaluation.objects.create(
            application=application,
            role=role,
            satisfaction=satisfaction,
            collaboration=4,
            expectations_clarified="yes",
            went_well=text,
        )


@dataclass
class Data:
    kongsvinger: Municipality
    hamar: Municipality
    placement_2024: Application
    licence: Application
    vet: Application
    mentorvet: Application
    placement_2025: Application


@pytest.fixture
def data(db):
    """Five relationships in two municipalities over 2024 and 2025, with
    claims in every state, evaluations and two payouts; and two applications
    that are not relationships."""
    kongsvinger, _ = Municipality.objects.get_or_create(
        number="3401", defaults={"name": "Kongsvinger", "county": "Innlandet"}
    )
    hamar, _ = Municipality.objects.get_or_create(
        number="3403", defaults={"name": "Hamar", "county": "Innlandet"}
    )
    # Version 1.0: 10 working days at NOK 3,500 a week.
    placement_2024 = relationship(
        K.STUDENT_PLACEMENT,
        date(2024, 9, 2),
        date(2024, 9, 13),
        S.PAID,
        municipality=kongsvinger,
        version="1.0",
        mentor=UserFactory(full_name="Marit Mentor"),
        mentee=UserFactory(full_name="Siri Student"),
    )
    Payout.objects.create(application=placement_2024, mentor_fee=7000, mentee_amount=0)
    evaluate(placement_2024, 5, 4, text="Svært lærerikt")
    # Three whole months (40,000), housing 5,000, travel 6,000, one stipend week 5,000.
    licence = relationship(
        K.TEMPORARY_LICENCE,
        date(2025, 6, 2),
        date(2025, 9, 1),
        S.EVALUATED,
        municipality=kongsvinger,
        reverse_ride_along_from=date(2025, 6, 2),
        reverse_ride_along_to=date(2025, 6, 13),
        mentee=UserFactory(full_name=HYPERLINK),
    )
    claim(licence, ClaimCategory.HOUSING, 4000, ClaimStatus.APPROVED, 4000)
    claim(licence, ClaimCategory.TRAVEL, 3000)
    claim(licence, ClaimCategory.TRAVEL, 2000, ClaimStatus.REJECTED)
    evaluate(licence, 4, 3)
    # Flat 40,000 to the mentor, two stipend weeks 10,000.
    vet = relationship(
        K.INEXPERIENCED_VET,
        date(2025, 8, 1),
        date(2025, 10, 31),
        S.PAID,
        municipality=kongsvinger,
        reverse_ride_along_from=date(2025, 8, 1),
        reverse_ride_along_to=date(2025, 8, 14),
    )
    payout = Payout.objects.create(application=vet, mentor_fee=40000, mentee_amount=23500)
    claim(vet, ClaimCategory.PRACTICE_STIPEND, 10000, ClaimStatus.PAID, 10000, payout=payout)
    claim(
        vet,
        ClaimCategory.COURSE_FEE,
        18000,
        ClaimStatus.PAID,
        13500,
        course="insemination",
        payout=payout,
    )
    claim(vet, ClaimCategory.HOUSING, 999, ClaimStatus.REJECTED)
    evaluate(vet, 5, 4)
    mentorvet = relationship(
        K.MENTORVET,
        date(2025, 9, 1),
        date(2025, 12, 1),
        S.ACTIVE,
        municipality=hamar,
        mentor=UserFactory(full_name="Hanne Hamar"),
        mentee=UserFactory(full_name="Hans Hamar"),
    )
    # Five working days: 4,000 to the mentor, housing 2,500, travel 6,000.
    placement_2025 = relationship(
        K.STUDENT_PLACEMENT, date(2025, 6, 2), date(2025, 6, 6), S.GRANTED, municipality=kongsvinger
    )
    relationship(
        K.TEMPORARY_LICENCE, date(2025, 7, 1), date(2025, 9, 30), S.SUBMITTED,
        municipality=kongsvinger, version=None,
        mentor=UserFactory(full_name="Sofie Søker"),
    )  # fmt: skip
    relationship(
        K.STUDENT_PLACEMENT, date(2025, 7, 1), date(2025, 7, 4), S.REJECTED,
        municipality=kongsvinger,
    )  # fmt: skip
    return Data(kongsvinger, hamar, placement_2024, licence, vet, mentorvet, placement_2025)


@pytest.fixture
def office(staff_user):
    return staff_user(StaffRole.SCHEME_ADMINISTRATOR)


def contact_for(municipality):
    user = UserFactory(full_name="Kari Kommune")
    MunicipalityContactFactory(municipality=municipality, user=user)
    return user


def english(client, user):
    # A signed-in person's chosen language wins over the cookie.
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)
    client.cookies["mentornett_language"] = "en"
    return client


# --- the numbers -------------------------------------------------------------------------


def test_relationships_by_type_and_year_as_in_the_pilot_table(data):
    table = reports.relationships_by_type_and_year()
    assert table.years == [2024, 2025]
    assert reports.relationship_years() == [2024, 2025]
    assert [(row.kind, row.counts, row.total) for row in table.rows] == [
        (K.STUDENT_PLACEMENT, [1, 1], 2),
        (K.TEMPORARY_LICENCE, [0, 1], 1),
        (K.INEXPERIENCED_VET, [0, 1], 1),
        (K.MENTORVET, [0, 1], 1),
    ]
    assert table.totals == [1, 4]
    assert table.total == 5
    assert [row.percent for row in table.rows] == [100, 50, 50, 50]


def test_every_type_has_a_row_with_no_relationships(db):
    table = reports.relationships_by_type_and_year()
    assert table.years == []
    assert [row.total for row in table.rows] == [0, 0, 0, 0]
    assert table.total == 0


def test_satisfaction_by_role_to_one_decimal(data):
    rows = {row.role: (row.average, row.count) for row in reports.satisfaction_by_role()}
    assert rows == {"mentor": (4.7, 3), "mentee": (3.7, 3)}
    rows_2024 = {row.role: row.average for row in reports.satisfaction_by_role(year=2024)}
    assert rows_2024 == {"mentor": 5.0, "mentee": 4.0}
    assert [row.average for row in reports.satisfaction_by_role(year=2023)] == [None, None]


def test_satisfaction_by_type(data):
    rows = [(row.kind, row.role, row.average, row.count) for row in reports.satisfaction_by_type()]
    assert rows == [
        (K.STUDENT_PLACEMENT, "mentor", 5.0, 1),
        (K.STUDENT_PLACEMENT, "mentee", 4.0, 1),
        (K.TEMPORARY_LICENCE, "mentor", 4.0, 1),
        (K.TEMPORARY_LICENCE, "mentee", 3.0, 1),
        (K.INEXPERIENCED_VET, "mentor", 5.0, 1),
        (K.INEXPERIENCED_VET, "mentee", 4.0, 1),
    ]


def _money(rows):
    return {row.category: (row.granted, row.claimed, row.approved, row.paid) for row in rows}


def test_totals_by_category_leave_out_rejected_claims(data):
    assert _money(reports.totals_by_category()) == {
        "mentor_fee": (7000 + 40000 + 40000 + 4000, 0, 0, 7000 + 40000),
        "housing": (5000 + 2500, 4000, 4000, 0),
        "travel": (6000 + 6000, 3000, 0, 0),
        "practice_stipend": (5000 + 10000, 10000, 10000, 10000),
        "course_fee": (None, 18000, 13500, 13500),
    }


def test_totals_by_category_for_one_year(data):
    assert _money(reports.totals_by_category(year=2024)) == {
        "mentor_fee": (7000, 0, 0, 7000),
        "housing": (0, 0, 0, 0),
        "travel": (0, 0, 0, 0),
        "practice_stipend": (0, 0, 0, 0),
        "course_fee": (None, 0, 0, 0),
    }


def test_a_relationship_without_rules_counts_nothing_as_granted(data):
    Application.objects.filter(pk=data.placement_2025.pk).update(rules=None)
    assert reports.totals_by_category()[0].granted == 7000 + 40000 + 40000


def test_completed_relationships_are_the_evaluated_and_the_paid(data):
    rows = reports.completed_relationships()
    assert [row.application for row in rows] == [data.placement_2024, data.licence, data.vet]
    placement, licence, vet = rows
    assert placement.payout_on == timezone.localdate()
    assert licence.payout_on is None
    assert (licence.total_granted, licence.total_approved, licence.total_paid) == (
        56000,
        4000,
        0,
    )
    assert (vet.total_granted, vet.total_approved, vet.total_paid) == (50000, 23500, 63500)
    assert [row.application for row in reports.completed_relationships(year=2024)] == [
        data.placement_2024
    ]


def test_municipality_summary_lists_its_relationships_and_counts(data):
    summary = reports.municipality_summary(data.kongsvinger)
    assert summary.total == 4
    assert dict(summary.counts) == {
        K.STUDENT_PLACEMENT.label: 2,
        K.TEMPORARY_LICENCE.label: 1,
        K.INEXPERIENCED_VET.label: 1,
        K.MENTORVET.label: 0,
    }
    hamar = reports.municipality_summary(data.hamar)
    assert [(row.mentor, row.mentee, row.running) for row in hamar.rows] == [
        ("Hanne Hamar", "Hans Hamar", True)
    ]


# --- the pages ---------------------------------------------------------------------------


def test_the_dashboard_shows_the_figures(client, data, office):
    html = english(client, office).get(DASHBOARD).content.decode()
    assert "Relationships by type and year" in html
    assert "Newly graduated or inexperienced authorised vet" in html
    assert "4.7" in html and "3.7" in html
    assert "91,000" in html  # the mentor's fee granted
    assert "47,000" in html  # and paid


def test_the_dashboard_filters_by_year(client, data, office):
    html = english(client, office).get(DASHBOARD, {"year": "2024"}).content.decode()
    assert "Satisfaction and money, 2024" in html
    assert "91,000" not in html
    assert "7,000" in html
    assert f"{CSV}?year=2024" in html


@pytest.mark.parametrize("year", ["abc", "20245", "-1", "1899", "2024; DROP", "²⁰²⁴", "２０２４"])
def test_a_bad_year_is_ignored_with_a_message(client, data, office, year):
    response = english(client, office).get(DASHBOARD, {"year": year})
    assert response.status_code == 200
    html = response.content.decode()
    assert "is not a year. Showing all years." in html
    assert "Satisfaction and money, all years" in html
    assert "91,000" in html


def _csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_csv_for_the_grant_authority(client, data, office):
    response = english(client, office).get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="fullforte-mentorforhold.csv"' in response["Content-Disposition"]
    header, *rows = _csv_rows(response)
    assert len(rows) == 3
    records = [dict(zip(header, row, strict=True)) for row in rows]
    placement, licence, vet = records
    assert placement["Application"] == str(data.placement_2024.pk)
    assert placement["Relationship type"] == "Student placement"
    assert placement["Municipality"] == "Kongsvinger"
    assert placement["Municipality number"] == "3401"
    assert placement["County"] == "Innlandet"
    assert placement["Mentor"] == "Marit Mentor"
    assert placement["Starts"] == "2024-09-02"
    assert placement["Rules version"] == "1.0"
    assert placement["Mentor's fee: granted"] == "7000"
    assert placement["Mentor's fee: approved"] == ""
    assert placement["Mentor's fee: paid"] == "7000"
    assert placement["Payout recorded"] == timezone.localdate().isoformat()
    assert licence["Status"] == "Evaluated"
    assert licence["Payout recorded"] == ""
    assert licence["Housing: approved"] == "4000"
    assert licence["Travel: granted"] == "6000"
    assert licence["Travel: approved"] == "0"
    assert vet["Course fee: granted"] == ""
    assert vet["Course fee: approved"] == "13500"
    assert vet["Housing: approved"] == "0"  # the rejected claim
    assert (vet["Granted in all"], vet["Approved in all"], vet["Paid in all"]) == (
        "50000",
        "23500",
        "63500",
    )


def test_the_csv_keeps_a_formula_in_a_name_from_running(client, data, office):
    response = english(client, office).get(CSV)
    header, *rows = _csv_rows(response)
    licence = dict(zip(header, rows[1], strict=True))
    assert licence["Mentee"] == "'" + HYPERLINK
    assert ";=" not in response.content.decode()


def test_the_csv_for_one_year(client, data, office):
    response = english(client, office).get(CSV, {"year": "2025"})
    assert 'filename="fullforte-mentorforhold-2025.csv"' in response["Content-Disposition"]
    _header, *rows = _csv_rows(response)
    assert [row[0] for row in rows] == [str(data.licence.pk), str(data.vet.pk)]


def test_the_csv_ignores_a_bad_year(client, data, office):
    response = english(client, office).get(CSV, {"year": "x"})
    assert response.status_code == 200
    assert len(_csv_rows(response)) == 4


def test_the_summary_shows_a_contact_their_municipality_only(client, data):
    html = english(client, contact_for(data.kongsvinger)).get(SUMMARY).content.decode()
    assert "Kongsvinger" in html
    assert "Marit Mentor" in html and "Siri Student" in html
    assert "Hanne Hamar" not in html
    assert "Sofie Søker" not in html  # not granted
    assert "Granted, not started" in html and "Ended" in html
    # No money and no evaluations.
    assert "7000" not in html and "7,000" not in html and "40,000" not in html
    assert "Svært lærerikt" not in html
    assert "Evaluated" not in html and "Paid" not in html


def test_a_contact_for_several_municipalities_sees_each(client, data):
    user = contact_for(data.kongsvinger)
    MunicipalityContactFactory(municipality=data.hamar, user=user)
    html = english(client, user).get(SUMMARY).content.decode()
    assert html.index("Relationships in Hamar") < html.index("Relationships in Kongsvinger")
    assert "Hanne Hamar" in html and "Marit Mentor" in html


def test_a_municipality_without_relationships_says_so(client, data):
    empty, _ = Municipality.objects.get_or_create(
        number="3405", defaults={"name": "Lillehammer", "county": "Innlandet"}
    )
    response = english(client, contact_for(empty)).get(SUMMARY)
    assert response.status_code == 200
    assert "No relationships yet" in response.content.decode()


def test_min_side_links_a_contact_to_the_summary(client, data):
    html = english(client, contact_for(data.hamar)).get(reverse("home:dashboard")).content
    assert SUMMARY in html.decode()
    html = english(client, data.vet.mentor).get(reverse("home:dashboard")).content
    assert SUMMARY not in html.decode()


# --- permissions -------------------------------------------------------------------------


@pytest.fixture
def people(data, staff_user, superuser):
    return {
        "office": staff_user(StaffRole.SCHEME_ADMINISTRATOR),
        "superuser": superuser,
        "contact": contact_for(data.kongsvinger),
        "other_contact": contact_for(data.hamar),
        "mentor": data.vet.mentor,
        "editor": staff_user(StaffRole.EDITOR),
        "organiser": staff_user(StaffRole.NETWORK_ORGANISER),
    }


@pytest.mark.parametrize(
    ("who", "report", "summary"),
    [
        ("office", 200, 404),
        ("superuser", 200, 404),
        ("contact", 404, 200),
        ("other_contact", 404, 200),
        ("mentor", 404, 404),
        ("editor", 404, 404),
        ("organiser", 404, 404),
    ],
)
def test_who_sees_what(client, people, who, report, summary):
    client.force_login(people[who])
    assert client.get(DASHBOARD).status_code == report
    assert client.get(CSV).status_code == report
    assert client.get(SUMMARY).status_code == summary


def test_the_other_contact_sees_only_their_municipality(client, people, data):
    html = english(client, people["other_contact"]).get(SUMMARY).content.decode()
    assert "Hanne Hamar" in html
    assert "Kongsvinger" not in html and "Marit Mentor" not in html


@pytest.mark.parametrize("url", [DASHBOARD, CSV, SUMMARY])
def test_anonymous_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_permission_functions(people, data):
    assert can_view_scheme_reports(people["office"])
    assert can_view_scheme_reports(people["superuser"])
    assert not can_view_scheme_reports(people["contact"])
    assert list(contact_municipalities(people["contact"])) == [data.kongsvinger]
    assert not contact_municipalities(people["office"]).exists()
    from django.contrib.auth.models import AnonymousUser

    assert not contact_municipalities(AnonymousUser()).exists()


def test_the_admin_menu_shows_scheme_reports_to_the_office_only(client, people):
    client.force_login(people["office"])
    assert DASHBOARD in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(people["editor"])
    assert DASHBOARD not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_office_adds_municipality_contacts_in_the_admin(client, people, data):
    client.force_login(people["office"])
    listing = client.get(reverse("wagtailsnippets_network_municipalitycontact:list"))
    assert listing.status_code == 200
    assert "Kari Kommune" in listing.content.decode()
    person = UserFactory()
    response = client.post(
        reverse("wagtailsnippets_network_municipalitycontact:add"),
        {"municipality": data.hamar.pk, "user": person.pk},
    )
    assert response.status_code == 302
    # The office's own contacts are verified as they are added.
    added = MunicipalityContact.objects.get(municipality=data.hamar, user=person)
    assert added.verified_at is not None
    assert added.verified_by == people["office"]


# --- query counts ------------------------------------------------------------------------


def _add_relationships(count, municipality):
    for i in range(count):
        kind = list(K)[i % 4]
        application = relationship(
            kind,
            date(2025, 6, 2),
            date(2025, 8, 29),
            [S.ACTIVE, S.EVALUATED, S.PAID][i % 3],
            municipality=municipality,
            reverse_ride_along_from=date(2025, 6, 2),
            reverse_ride_along_to=date(2025, 6, 13),
        )
        claim(application, ClaimCategory.TRAVEL, 1000, ClaimStatus.APPROVED, 800)
        claim(application, ClaimCategory.HOUSING, 500, ClaimStatus.REJECTED)
        evaluate(application, 4, 5)
        if application.status == S.PAID:
            Payout.objects.create(application=application, mentor_fee=1000, mentee_amount=800)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("url", [DASHBOARD, CSV, SUMMARY])
def test_query_counts_do_not_grow_with_relationships(client, office, url):
    municipality, _ = Municipality.objects.get_or_create(
        number="3401", defaults={"name": "Kongsvinger", "county": "Innlandet"}
    )
    user = office if url != SUMMARY else contact_for(municipality)
    client.force_login(user)
    _add_relationships(2, municipality)
    _queries(client, url)  # warm caches (site, session)
    few = _queries(client, url)
    _add_relationships(18, municipality)
    assert _queries(client, url) == few
    assert few <= 19  # includes the site settings, menu and footer links


def test_selectors_make_a_fixed_number_of_queries(data, django_assert_num_queries):
    _add_relationships(20, data.kongsvinger)
    with django_assert_num_queries(1):
        reports.relationships_by_type_and_year()
    with django_assert_num_queries(1):
        reports.satisfaction_by_role()
    # Relationships with their rules, the two kinds of rates, claims, payouts.
    with django_assert_num_queries(5):
        reports.totals_by_category()
    with django_assert_num_queries(4):
        reports.completed_relationships()
    with django_assert_num_queries(1):
        reports.municipality_summaries([data.kongsvinger, data.hamar])


def test_an_empty_dashboard_in_norwegian(client, office):
    client.force_login(office)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert 'lang="nb"' in response.content.decode()
