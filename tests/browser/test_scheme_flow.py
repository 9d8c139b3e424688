"""The whole mentor scheme in a real browser, as the people would go through
it: both parties complete their mandatory courses, apply together, the office
grants, both accept, the mentee claims, the office decides and ends the
relationship, both evaluate, the mentor reports and the office pays out.
axe runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from courses.models import Certificate
from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    ApplicationStatus,
    Claim,
    ClaimStatus,
    MentorCriterion,
    Municipality,
    RelationshipKind,
)
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in
from .pickers import choose_in_picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

S = ApplicationStatus
RECEIPT = {"name": "kvittering.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}


def as_person(page, person, language):
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "mentornett_language", "value": language, "url": page.url or "http://x"}]
    )
    sign_in(page, person.email, PASSWORD)


def complete_course(page, lesson):
    page.goto(lesson.url)
    assert_accessible(page)
    page.locator("#finish form button").click()
    expect(page).to_have_url(re.compile(r"/fullfort/$"))


def test_apply_grant_claim_evaluate_and_pay(page, language, viewport, make_course, staff_user):
    mentor = UserFactory(full_name="Marit Mentor", preferred_language=language)
    mentee = UserFactory(full_name="Magnus Mentee", preferred_language=language)
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    office.preferred_language = language
    office.save()
    _course, (mentor_lesson,) = make_course(
        lessons=1, mandatory_for="mentor", slug="mentorkurs", title="Mentorkurs"
    )
    _course, (mentee_lesson,) = make_course(
        lessons=1, mandatory_for="mentee", slug="menteekurs", title="Menteekurs"
    )
    municipality, _created = Municipality.objects.get_or_create(
        number="3401", defaults={"name": "Kongsvinger", "county": "Innlandet"}
    )

    # Both complete their mandatory course and get the certificate.
    page.goto("/")
    as_person(page, mentee, language)
    complete_course(page, mentee_lesson)
    as_person(page, mentor, language)
    complete_course(page, mentor_lesson)
    assert Certificate.objects.filter(holder__in=[mentor, mentee]).count() == 2

    # The mentor starts a student-placement application and invites the mentee.
    page.goto(reverse("scheme:applications"))
    assert_accessible(page)
    page.locator(f"input[name=kind][value={RelationshipKind.STUDENT_PLACEMENT}]").check()
    page.locator("input[name=role][value=mentor]").check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#gate-heading")).to_be_visible()
    application = Application.objects.get()
    page.locator("form[action$='/inviter/'] input[name=email]").fill(mentee.email)
    page.locator("form[action$='/inviter/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    page.locator("#id_starts_on").fill("2026-03-02")
    page.locator("#id_ends_on").fill("2026-03-20")
    choose_in_picker(page, "#id_municipality", municipality.name)
    page.locator("#id_insurance_confirmed").check()
    page.locator("#id_municipality_contact_name").fill("Kari Kommune")
    page.locator("#id_municipality_contact_email").fill("kari@kongsvinger.kommune.no")
    page.locator("#id_planned_use").fill("Mentorgodtgjørelse, bolig og reise for tre uker.")
    for value in MentorCriterion.values:
        page.locator(f"input[name=mentor_declarations][value={value}]").check()
    page.locator("form[enctype] button[type=submit]:not([name])").click()
    expect(page.locator("#support-heading")).to_be_visible()
    assert_accessible(page)

    # The mentee joins through the invitation and sends the application.
    from django.core import mail

    link = re.search(r"/ordningen/invitasjon/[^/\s]+/", mail.outbox[-1].body).group(0)
    as_person(page, mentee, language)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#gate-heading")).to_be_visible()
    page.locator("form[enctype] button[name=send]").click()
    expect(page.locator(".messages")).to_be_visible()
    application.refresh_from_db()
    assert application.status == S.SUBMITTED

    # The office reviews and grants.
    as_person(page, office, language)
    page.goto(reverse("scheme:office", args=[application.pk]))
    page.locator(f"button[name=to][value={S.IN_REVIEW}]").click()
    page.locator(f"button[name=to][value={S.GRANTED}]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)

    # Both accept the decision letter; the relationship starts.
    for person in (mentor, mentee):
        as_person(page, person, language)
        page.goto(reverse("scheme:application", args=[application.pk]))
        page.locator("form[action$='/godta/'] button").click()
        expect(page.locator(".messages")).to_be_visible()
    application.refresh_from_db()
    assert application.status == S.ACTIVE

    # The mentee claims travel: first more than the cap, then within it.
    page.goto(reverse("scheme:application", args=[application.pk]))
    expect(page.locator("#money-heading")).to_be_visible()
    assert_accessible(page)
    page.locator(f"a[href='{reverse('scheme:claims', args=[application.pk])}']").click()
    expect(page.locator("#claims-heading")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=category][value=travel]").check()
    page.locator("#id_description").fill("Tog Oslo–Kongsvinger tur/retur")
    page.locator("#id_amount").fill("7000")
    page.locator("#id_spent_on").fill("2026-03-02")
    page.locator("#id_receipt").set_input_files(RECEIPT)
    page.locator("form[enctype] button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_description")).to_have_value("Tog Oslo–Kongsvinger tur/retur")
    assert_accessible(page)
    # The receipt is kept: it need not be chosen again.
    saved = {"nb": "Kvittering lagret: kvittering.pdf", "en": "Receipt saved: kvittering.pdf"}
    expect(page.locator("#id_receipt_helptext")).to_contain_text(saved[language])
    page.locator("#id_amount").fill("840")
    page.locator("form[enctype] button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    claim = Claim.objects.get()
    assert claim.amount == 840

    # The office approves the claim and ends the relationship.
    as_person(page, office, language)
    page.goto(reverse("scheme:office", args=[application.pk]))
    assert_accessible(page)
    page.locator(f"form[action$='/krav/{claim.pk}/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    page.locator(f"button[name=to][value={S.ENDED}]").click()
    expect(page.locator(".messages")).to_be_visible()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED

    # Both evaluate; the mentor writes the report.
    for person in (mentee, mentor):
        as_person(page, person, language)
        page.goto(reverse("scheme:evaluation", args=[application.pk]))
        assert_accessible(page)
        page.locator("input[name=satisfaction][value='5']").check()
        page.locator("input[name=collaboration][value='4']").check()
        page.locator("input[name=expectations_clarified][value=yes]").check()
        page.locator("#id_went_well").fill("Trygg start og god oppfølging.")
        page.locator("button[name=action][value=evaluation]").click()
        expect(page.locator(".messages")).to_be_visible()
    page.locator("#id_summary").fill("Studenten fikk prøve seg på mye, og vil tilbake.")
    page.locator("#id_backup_duty_as_planned").check()
    # Sent from the keyboard: the mentor is done typing and presses the button.
    page.locator("button[name=action][value=report]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == S.EVALUATED

    # The office pays out.
    as_person(page, office, language)
    page.goto(reverse("scheme:office", args=[application.pk]))
    expect(page.locator("#id_mentor_fee")).to_have_value("12000")
    page.locator("form[action$='/utbetaling/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == S.PAID
    assert application.payout.total == 12000 + 840
