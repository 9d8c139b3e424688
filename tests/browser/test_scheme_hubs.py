"""MentorHubs and equipment lending in a real browser: a mentor registers a
hub, the office approves it, the contact registers a student-week, the office
sees the half-year and records the payout; a mentee books an equipment set and
a clashing booking is refused on the form. axe runs on every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.urls import reverse
from django.utils import timezone

from mentornett.accounts.roles import StaffRole
from network.models import EquipmentBooking, EquipmentSet, HubPayout, HubStatus, MentorHub
from tests.factories import PASSWORD
from tests.scheme.hub_fixtures import relationship

from .conftest import assert_accessible, sign_in
from .pickers import choose_in_picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def switch_to(page, language, person):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    sign_in(page, person.email, PASSWORD)


def test_a_hub_is_registered_approved_and_paid(page, language, viewport, scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    sign_in(page, scheme.mentor.email, PASSWORD)
    page.goto(reverse("scheme_hubs:hubs"))
    assert_accessible(page)
    page.locator("#id_name").fill("Glåmdal dyreklinikk")
    page.locator("#id_organisation_number").fill("123")
    choose_in_picker(page, "#id_municipality", scheme.municipality.name)
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Glåmdal dyreklinikk")
    assert_accessible(page)
    page.locator("#id_organisation_number").fill("987 654 321")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#mentors-heading")).to_be_visible()
    assert_accessible(page)
    hub = MentorHub.objects.get()
    assert hub.status == HubStatus.PENDING

    switch_to(page, language, office)
    page.goto(reverse("scheme_hubs:office_approval"))
    assert_accessible(page)
    page.locator(f"form[action$='/{hub.pk}/godkjenn/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)
    hub.refresh_from_db()
    assert hub.status == HubStatus.APPROVED

    switch_to(page, language, scheme.mentor)
    page.goto(reverse("scheme_hubs:hub", args=[hub.pk]))
    form = page.locator("form[action$='/uker/']")
    form.locator("#id_student_name").fill("Siri Student")
    form.locator("#id_student_email").fill("siri@example.no")
    form.locator("#id_week_starts_on").fill("2026-03-04")
    form.locator("#id_mentor").select_option(str(scheme.mentor.pk))
    form.locator("button[type=submit]").click()
    expect(page.locator("#weeks-caption")).to_be_visible()
    assert_accessible(page)
    assert hub.student_weeks.get().week_starts_on.isoformat() == "2026-03-02"
    # The same student in the same week: refused on the form, input kept.
    form = page.locator("form[action$='/uker/']")
    form.locator("#id_student_name").fill("Siri Student")
    form.locator("#id_student_email").fill("siri@example.no")
    form.locator("#id_week_starts_on").fill("2026-03-06")
    form.locator("#id_mentor").select_option(str(scheme.mentor.pk))
    form.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_student_email")).to_have_value("siri@example.no")
    assert_accessible(page)

    switch_to(page, language, office)
    page.goto(reverse("scheme_hubs:office_summary") + "?year=2026&half=1")
    expect(page.locator("#summary-caption")).to_be_visible()
    assert_accessible(page)
    page.locator(f"form[action$='/{hub.pk}/utbetaling/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)
    assert HubPayout.objects.get(hub=hub).amount == 4000


def test_a_mentee_books_a_set_and_a_clash_is_refused(page, language, viewport, scheme):
    relationship(scheme)
    sets = [EquipmentSet.objects.create(name=f"Utstyrssett {n}") for n in (1, 2, 3)]
    start = timezone.localdate() + timedelta(days=7)
    sign_in(page, scheme.mentee.email, PASSWORD)
    page.goto(reverse("scheme_hubs:equipment"))
    assert_accessible(page)
    page.locator("#id_equipment").select_option(str(sets[0].pk))
    page.locator("#id_starts_on").fill(start.isoformat())
    page.locator("#id_ends_on").fill((start + timedelta(days=4)).isoformat())
    page.locator("#id_purpose").fill("Kalvingssesong")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#bookings-heading")).to_be_visible()
    assert_accessible(page)
    assert EquipmentBooking.objects.get().booked_by == scheme.mentee

    switch_to(page, language, scheme.mentor)
    page.goto(reverse("scheme_hubs:equipment"))
    page.locator("#id_equipment").select_option(str(sets[0].pk))
    page.locator("#id_starts_on").fill((start + timedelta(days=2)).isoformat())
    page.locator("#id_ends_on").fill((start + timedelta(days=9)).isoformat())
    page.locator("#id_purpose").fill("Min egen")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_purpose")).to_have_value("Min egen")
    assert_accessible(page)
    assert EquipmentBooking.objects.count() == 1
