"""The mentor scheme's first pages in a real browser: starting an application,
the shared form with the certificate gate and support, and the office's
decision page. axe runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from mentornett.accounts.roles import StaffRole
from network.models import Application, ApplicationStatus, RelationshipKind
from network.scheme.services import applications as services
from tests.factories import PASSWORD
from tests.scheme.fixtures import complete_application

from .conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_mentor_starts_an_application_and_sees_the_gate(page, language, viewport, scheme):
    sign_in(page, scheme.mentor.email, PASSWORD)
    page.goto(reverse("scheme:applications"))
    assert_accessible(page)
    page.locator(f"input[name=kind][value={RelationshipKind.STUDENT_PLACEMENT}]").check()
    page.locator("input[name=role][value=mentor]").check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#gate-heading")).to_be_visible()
    assert_accessible(page)
    application = Application.objects.get()
    assert application.mentor == scheme.mentor
    # A period that ends before it starts: the message is on the field, the rest is kept.
    page.locator("#id_starts_on").fill("2026-03-10")
    page.locator("#id_ends_on").fill("2026-03-01")
    page.locator("#id_planned_use").fill("Bolig i tre uker")
    page.locator("form[enctype] button[type=submit]:not([name])").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_planned_use")).to_have_value("Bolig i tre uker")
    assert_accessible(page)
    page.locator("#id_ends_on").fill("2026-03-27")
    page.locator("form[enctype] button[type=submit]:not([name])").click()
    expect(page.locator("#support-heading")).to_be_visible()
    assert_accessible(page)


def test_the_office_decides(page, language, viewport, scheme, staff_user):
    application = services.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    sign_in(page, office.email, PASSWORD)
    page.goto(reverse("scheme:office", args=[application.pk]))
    assert_accessible(page)
    page.locator(f"button[name=to][value={ApplicationStatus.IN_REVIEW}]").click()
    expect(page.locator(f"button[name=to][value={ApplicationStatus.GRANTED}]")).to_be_visible()
    page.locator(f"button[name=to][value={ApplicationStatus.GRANTED}]").click()
    expect(page.locator(".messages")).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.GRANTED
    assert application.rules.version == "2.0"


def test_both_accept_the_decision_letter(
    page, language, viewport, scheme, django_capture_on_commit_callbacks
):
    from home.models import HomePage
    from network.models import SchemePage
    from tests.courses.fixtures import publish
    from tests.factories import UserFactory

    scheme_page = publish(
        HomePage.objects.get(), SchemePage(title="Mentorordningen", slug="mentorordningen")
    )
    office = UserFactory()
    application = services.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    S = ApplicationStatus
    services.change_status(
        application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
    )
    services.change_status(application=application, user=office, expected=S.IN_REVIEW, to=S.GRANTED)
    page.goto(scheme_page.url)
    assert_accessible(page)
    for person in (scheme.mentee, scheme.mentor):
        page.context.clear_cookies()
        page.context.add_cookies(
            [{"name": "mentornett_language", "value": language, "url": page.url}]
        )
        sign_in(page, person.email, PASSWORD)
        page.goto(reverse("scheme:application", args=[application.pk]))
        expect(page.locator("#decision-heading")).to_be_visible()
        assert_accessible(page)
        page.locator("form[action$='/godta/'] button").click()
        expect(page.locator(".messages")).to_be_visible()
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    assert application.mentor_accepted_at and application.mentee_accepted_at


def test_the_mentee_joins_through_the_invitation(page, language, viewport, scheme):
    import re

    from django.core import mail

    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.MENTORVET
    )
    sign_in(page, scheme.mentor.email, PASSWORD)
    page.goto(reverse("scheme:application", args=[application.pk]))
    page.locator("form[action$='/inviter/'] input[name=email]").fill("ikke-en-adresse")
    page.locator("form[action$='/inviter/'] button").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("form[action$='/inviter/'] input[name=email]").fill(scheme.mentee.email)
    page.locator("form[action$='/inviter/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    link = re.search(r"/ordningen/invitasjon/[^/\s]+/", mail.outbox[-1].body).group(0)

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    sign_in(page, scheme.mentee.email, PASSWORD)
    page.goto(link)
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#gate-heading")).to_be_visible()
    application.refresh_from_db()
    assert application.mentee == scheme.mentee


OFFICE_LIST_WORDS = {
    "nb": {
        "submitted": "Sendt inn",
        "all": "Vis alle søknader",
        "draft": "Utkast",
        "waiting": "Venter på deg",
        "one_sent": "1 søknad til mentorordningen er sendt og venter på behandling",
    },
    "en": {
        "submitted": "Submitted",
        "all": "Show all applications",
        "draft": "Draft",
        "waiting": "Waiting for you",
        "one_sent": "1 scheme application is sent and waits for review",
    },
}


def test_the_office_list_opens_on_what_waits_for_the_office(page, language, viewport, scheme):
    from tests.factories import UserFactory

    from .conftest import sign_in_to_admin

    words = OFFICE_LIST_WORDS[language]
    sent = services.submit_application(application=complete_application(scheme), user=scheme.mentor)
    draft = services.start_application(
        user=scheme.mentee, role="mentee", kind=RelationshipKind.MENTORVET
    )
    office = UserFactory(
        is_staff=True, staff_role=StaffRole.SCHEME_ADMINISTRATOR, preferred_language=language
    )
    sign_in_to_admin(page, office.email, PASSWORD)
    # The dashboard says what waits, and its line leads to the office list.
    waiting = page.locator("#waiting-for-you-section")
    expect(waiting.get_by_role("heading", name=words["waiting"])).to_be_visible()
    assert_accessible(page)
    waiting.get_by_role("link", name=words["one_sent"]).click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/network/application/\?status=submitted$"))
    decide = "a[href$='{}']"
    expect(page.locator(decide.format(reverse("scheme:office", args=[sent.pk])))).to_be_visible()
    page.goto(reverse("wagtailsnippets_network_application:list"))
    expect(page.locator(decide.format(reverse("scheme:office", args=[sent.pk])))).to_be_visible()
    expect(page.locator(decide.format(reverse("scheme:office", args=[draft.pk])))).to_have_count(0)
    expect(page.locator(".scheme-badge", has_text=words["submitted"])).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=words["all"]).click()
    expect(page.locator(decide.format(reverse("scheme:office", args=[draft.pk])))).to_be_visible()
    expect(page.locator(".scheme-badge", has_text=words["draft"])).to_be_visible()
    assert_accessible(page)
