"""The Content Security Policy in a real Chromium: the key pages run under the
strict policy (no 'unsafe-inline') without a single refused script, style, image
or frame, and the Wagtail admin works under its own, slightly wider policy."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from courses.models import CoursePage, LessonPage
from events.models import Attendance, EventKind, EventPage, Registration
from events.services import mark_attendance, register
from home.models import GuidePage
from mentornett.accounts.roles import StaffRole
from network.services import save_draft
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in, sign_in_to_admin
from .test_scheme_reports import municipality, paid_relationship  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The page fixture runs once per viewport and language elsewhere; the policy is
# the same for all of them.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
}, true);
"""


@pytest.fixture
def viewport():
    return "desktop"


@pytest.fixture
def language():
    return "nb"


@pytest.fixture
def watched(page):
    """The page, recording every CSP violation event and every "Refused to …"
    console message for the whole visit."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("Refused to")
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.refused = refused
    return page


def visit(page, url):
    """Go to the page, let its scripts run, and fail on any violation."""
    response = page.goto(url)
    assert response.status < 400, f"{url} answered {response.status}"
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__csp") + page.refused
    assert violations == [], f"{url} broke the Content Security Policy: {violations}"
    return response


def test_public_pages_and_min_side_run_under_the_strict_policy(watched, demo_content):
    page = watched
    response = visit(page, "/")
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy
    assert "script-src 'self'" in policy
    visit(page, GuidePage.objects.live().first().url)
    visit(page, LessonPage.objects.live().first().url)
    visit(page, EventPage.objects.live().first().url)
    sign_in(page, "mentor@mentornett.no", "mentornett-demo")
    visit(page, reverse("home:dashboard"))
    # The course progress bars are width classes now, not style attributes.
    bars = page.locator(".progress__fill")
    if bars.count():
        assert bars.first.get_attribute("style") is None
        assert re.search(r"\bpct-\d+\b", bars.first.get_attribute("class"))


def test_the_lockout_page_is_friendly_accessible_and_strict(watched, participant, settings):
    page = watched
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto("/konto/login/")
        page.locator("#id_login").fill(participant.email)
        page.locator("#id_password").fill("feil-passord-igjen")
        page.locator("form.form button[type=submit]").click()
        page.wait_for_load_state()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Innloggingen er satt på pause en stund"
    )
    assert_accessible(page)
    page.get_by_role("link", name="Lag nytt passord").click()
    expect(page).to_have_url(re.compile(r"/konto/password/reset/$"))
    assert page.evaluate("window.__csp") + page.refused == []


def test_team_task_autosaves_under_the_strict_policy(watched, world):
    page = watched
    sign_in(page, world.member_a.email, PASSWORD)
    visit(page, reverse("network:task", args=[world.team_a.pk, world.status_task.pk]))
    form = page.locator("form[data-autosave]")
    form.locator("textarea[data-section]").first.fill("Vi har hatt tre møter.")
    # team_draft.js saves by itself; its status line proves the script ran.
    saved = form.get_attribute("data-saved-label")
    expect(form.locator("[data-autosave-status]")).to_contain_text(saved, timeout=8_000)
    assert page.evaluate("window.__csp") + page.refused == []
    visit(page, reverse("network:team", args=[world.team_a.pk]))


def test_organiser_bars_render_without_style_attributes(watched, world, make_event):
    page = watched
    save_draft(
        team=world.team_a,
        task=world.status_task,
        user=world.member_a,
        sections={"done": "Tre møter."},
        bases={"done": ""},
    )
    sign_in(page, world.organiser.email, PASSWORD)
    visit(page, reverse("network:dashboard", args=[world.network.pk]))

    event = make_event(days=-1, title="Webinar", kind=EventKind.WEBINAR)
    for person in [UserFactory() for _ in range(4)]:
        register(person=person, event=event, now=event.starts_at - timedelta(days=2))
    for registration in Registration.objects.filter(event=event)[:3]:
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)
    organiser = UserFactory(is_staff=True, staff_role=StaffRole.NETWORK_ORGANISER)
    page.context.clear_cookies()
    sign_in(page, organiser.email, PASSWORD)
    visit(page, reverse("events:checkin", args=[event.pk]))
    fill = page.locator(".progress__fill")
    expect(fill).to_have_class(re.compile(r"\bpct-75\b"))
    assert fill.evaluate("element => getComputedStyle(element).width") != "0px"
    visit(page, reverse("events:poll_results", args=[event.pk]))


def test_scheme_report_bars_under_the_strict_policy(watched, paid_relationship, staff_user):  # noqa: F811
    page = watched
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    sign_in(page, office.email, PASSWORD)
    visit(page, reverse("scheme_reports:dashboard"))
    bar = page.locator(".bar-chart__bar").first
    expect(bar).to_have_class(re.compile(r"\bpct-\d+\b"))
    assert bar.get_attribute("style") is None
    assert bar.evaluate("element => getComputedStyle(element).width") != "0px"


def test_the_admin_works_under_its_own_policy(watched, demo_content, superuser):
    page = watched
    superuser.set_password(PASSWORD)
    superuser.save()
    sign_in_to_admin(page, superuser.email, PASSWORD)
    response = visit(page, "/admin/")
    policy = response.headers["content-security-policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    # No avatars from Gravatar, no update check: the admin calls no one else.
    assert page.locator("img[src*='gravatar']").count() == 0

    guide = GuidePage.objects.live().first()
    visit(page, f"/admin/pages/{guide.pk}/edit/")
    expect(page.locator("form#page-edit-form")).to_be_visible()
    # The editor's own scripts ran: the StreamField is drawn, and the review
    # date has Wagtail's date chooser (started by an inline script).
    expect(page.locator("[data-streamfield-stream-container]").first).to_be_visible()
    expect(page.locator(".xdsoft_datetimepicker").first).to_be_attached()
    # The live preview is framed by the editor.
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(guide.title, timeout=30_000)
    assert page.evaluate("window.__csp") + page.refused == []

    # The image chooser opens as a modal over the course editor.
    course = CoursePage.objects.live().first()
    visit(page, f"/admin/pages/{course.pk}/edit/")
    page.locator("[data-chooser-action-choose]").first.click()
    dialog = page.locator(".modal-dialog").first
    expect(dialog).to_be_visible(timeout=20_000)
    expect(dialog.locator("input[name=q], form").first).to_be_visible(timeout=20_000)
    assert page.evaluate("window.__csp") + page.refused == []

    visit(page, "/admin/snippets/")
    visit(page, "/admin/images/")
    visit(page, "/admin/images/multiple/add/")
    visit(page, f"/admin/pages/{guide.get_parent().pk}/")
    visit(page, "/admin/users/")
    # Let the editor's "editing session released" beacon land before the
    # database is emptied for the next test.
    page.goto("about:blank")
    page.wait_for_timeout(500)
