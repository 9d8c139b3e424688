"""Mentor scheme reporting in a real browser: the office reads the dashboard
and downloads the grant authority's CSV; a municipality contact reads their
summary. axe runs on every page."""

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    ApplicationStatus,
    Evaluation,
    Municipality,
    Payout,
    RelationshipKind,
    SchemeRules,
)
from tests.factories import PASSWORD, MunicipalityContactFactory, UserFactory

from .conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def municipality(db):
    municipality, _ = Municipality.objects.get_or_create(
        number="3401", defaults={"name": "Kongsvinger", "county": "Innlandet"}
    )
    return municipality


@pytest.fixture
def paid_relationship(municipality):
    application = Application.objects.create(
        kind=RelationshipKind.INEXPERIENCED_VET,
        status=ApplicationStatus.PAID,
        mentor=UserFactory(full_name="Marit Mentor"),
        mentee=UserFactory(full_name="Magnus Mentee"),
        starts_on=date(2025, 8, 1),
        ends_on=date(2025, 10, 31),
        municipality=municipality,
        rules=SchemeRules.objects.get(version="2.0"),
    )
    Payout.objects.create(application=application, mentor_fee=40000, mentee_amount=0)
    for role, satisfaction in (("mentor", 5), ("mentee", 4)):
        Evaluation.objects.create(
            application=application,
            role=role,
            satisfaction=satisfaction,
            collaboration=4,
            expectations_clarified="yes",
        )
    return application


def test_the_office_reads_the_dashboard_and_downloads_the_csv(
    page, language, viewport, paid_relationship, staff_user, tmp_path
):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    sign_in(page, office.email, PASSWORD)
    page.goto(reverse("scheme_reports:dashboard"))
    expect(page.locator("#by-type-caption")).to_be_visible()
    assert_accessible(page)
    page.locator("#filter-year").select_option("2025")
    page.locator("form.filter-form button[type=submit]").click()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?year=2025")
    assert_accessible(page)
    with page.expect_download() as info:
        page.locator(f"a[href^='{reverse('scheme_reports:completed_csv')}']").click()
    download = info.value
    assert download.suggested_filename == "fullforte-mentorforhold-2025.csv"
    path = tmp_path / "report.csv"
    download.save_as(path)
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    assert "Marit Mentor" in text
    assert ";40000;" in text


def test_a_municipality_contact_reads_their_summary(
    page, language, viewport, paid_relationship, municipality
):
    contact = UserFactory(full_name="Kari Kommune")
    MunicipalityContactFactory(municipality=municipality, user=contact)
    sign_in(page, contact.email, PASSWORD)
    page.goto(reverse("home:dashboard"))
    page.locator(f"a[href='{reverse('scheme_reports:municipality')}']").click()
    expect(page.locator("h2", has_text="Kongsvinger")).to_be_visible()
    expect(page.get_by_role("cell", name="Magnus Mentee")).to_be_visible()
    assert_accessible(page)
