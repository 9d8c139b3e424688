"""A scheme administrator reads and filters the audit log in a real browser."""

import pytest
from playwright.sync_api import expect

from courses.models import Certificate
from courses.services import complete_lesson
from courses.services.certificates import revoke_certificate
from mentornett.accounts.roles import StaffRole
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORDS = {
    "nb": {"title": "Revisjonslogg", "revoked": "Kursbevis trukket tilbake", "filter": "Filtrer"},
    "en": {"title": "Audit log", "revoked": "Certificate revoked", "filter": "Filter"},
}


def _revoked_certificate(make_course, admin):
    course, (lesson,) = make_course(lessons=1, mandatory_for="mentee")
    holder = UserFactory(full_name="Kari Nordmann")
    complete_lesson(learner=holder, lesson=lesson)
    certificate = Certificate.objects.get(holder=holder)
    revoke_certificate(certificate=certificate, reason="Utstedt ved en feil", by=admin)


def test_a_scheme_administrator_filters_the_audit_log(page, language, make_course):
    words = WORDS[language]
    admin = UserFactory(
        email="kontoret@example.no",
        is_staff=True,
        staff_role=StaffRole.SCHEME_ADMINISTRATOR,
        preferred_language=language,
    )
    _revoked_certificate(make_course, admin)
    sign_in_to_admin(page, admin.email, PASSWORD)
    page.goto("/admin/revisjonslogg/")  # the menu item itself: tests/site/test_audit.py
    expect(page.get_by_role("heading", name=words["title"])).to_be_visible()
    rows = page.locator("tr.audit-event")
    expect(rows.first).to_be_visible()
    assert_accessible(page)

    page.locator("#id_action").select_option("certificate.revoked")
    page.get_by_role("button", name=words["filter"]).click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(words["revoked"])
    expect(rows.first).to_contain_text("Utstedt ved en feil")
    expect(rows.first).to_contain_text("Kari Nordmann")
    assert_accessible(page)
