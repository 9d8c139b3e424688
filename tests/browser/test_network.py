"""A team's workspace in a real browser: the coordinator invites a member, the
team drafts (autosave, with two people on the same section) and sends a status
report, the advisor comments and returns it, and the organiser reads the
overview. axe runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.urls import reverse
from django.utils import translation

from network.models import Submission, SubmissionStatus, TeamMembership, TeamRole
from network.selectors import CellState
from network.services import (
    add_comment,
    open_submission,
    return_for_changes,
    save_draft,
    submit,
)
from tests.factories import PASSWORD, UserFactory

from .conftest import VIEWPORTS, assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DRAFT_FORM = "form[data-autosave]"
SEND = f"{DRAFT_FORM} button[name=send]"


def _task_url(world, task=None):
    return reverse("network:task", args=[world.team_a.pk, (task or world.status_task).pk])


def _sign_out(page, language):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])


def _second_page(page, live_server, viewport, language):
    """Another person's browser: a new context built like the `page` fixture's."""
    context = page.context.browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="nb-NO" if language == "nb" else "en-GB",
        base_url=live_server.url,
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
    )
    context.add_cookies(
        [{"name": "mentornett_language", "value": language, "url": live_server.url}]
    )
    context.set_default_timeout(10_000)
    other = context.new_page()
    errors = []
    other.on("pageerror", lambda error: errors.append(str(error)))
    return other, errors


def _wait_for(page, check, seconds=6):
    """Poll the database (the live server runs in this process) until check() holds."""
    for _attempt in range(int(seconds * 5)):
        if check():
            return
        page.wait_for_timeout(200)
    assert check()


def _content(world, key="done"):
    submission = Submission.objects.filter(team=world.team_a, task=world.status_task).first()
    return submission.content.get(key, "") if submission else None


def _label(language, state):
    with translation.override(language):
        return str(CellState.LABELS[state])


def test_coordinator_invites_a_member(page, language, viewport, world):
    world.coordinator_a.preferred_language = language
    world.coordinator_a.save(update_fields=["preferred_language"])
    team_url = reverse("network:team", args=[world.team_a.pk])
    sign_in(page, world.coordinator_a.email, PASSWORD)
    page.goto(team_url)
    expect(page.locator("#members-heading")).to_be_visible()
    assert_accessible(page)

    invite = page.locator(f"form[action='{reverse('network:invite', args=[world.team_a.pk])}']")
    invite.locator("#id_email").fill("ikke-en-adresse")
    invite.locator("#id_role").select_option(TeamRole.MENTOR.value)
    invite.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_email")).to_have_value("ikke-en-adresse")
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert not world.team_a.invitations.exists()

    page.locator("#id_email").fill("ny.mentor@example.no")
    page.locator("#id_role").select_option(TeamRole.MENTOR.value)
    page.locator("#members form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"{team_url}(#members)?$"))
    expect(page.locator(".message--success")).to_be_visible()
    pending = page.locator("#members .member-list__item", has_text="ny.mentor@example.no")
    expect(pending).to_be_visible()
    assert_accessible(page)
    invitation = world.team_a.invitations.get()
    assert (invitation.email, invitation.role) == ("ny.mentor@example.no", TeamRole.MENTOR)

    assert mail.outbox and mail.outbox[-1].to == ["ny.mentor@example.no"]
    link = re.search(r"/invitasjon/[^/\s]+/", mail.outbox[-1].body).group(0)

    _sign_out(page, language)
    invited = UserFactory(
        email="ny.mentor@example.no", full_name="Nora Nymentor", preferred_language=language
    )
    sign_in(page, invited.email, PASSWORD)
    page.goto(link)
    join = page.locator("main .inline-form button[type=submit]")
    expect(join).to_be_visible()
    assert_accessible(page)
    join.click()
    expect(page).to_have_url(re.compile(rf"{team_url}$"))
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("#members .member-list__item", has_text="Nora Nymentor")).to_be_visible()
    assert_accessible(page)
    membership = TeamMembership.objects.get(team=world.team_a, person=invited)
    assert membership.role == TeamRole.MENTOR
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_team_drafts_and_submits_a_status_report(page, language, viewport, world):
    sign_in(page, world.member_a.email, PASSWORD)
    page.goto(_task_url(world))
    expect(page.locator(DRAFT_FORM)).to_be_visible()
    assert_accessible(page)

    text = "Vi har hatt **tre** møter med ledelsen."
    page.locator("textarea[name=section_done]").fill(text)
    saved_label = page.locator(DRAFT_FORM).get_attribute("data-saved-label")
    expect(page.locator("[data-autosave-status]")).to_contain_text(saved_label)
    _wait_for(page, lambda: _content(world) == text)
    assert not Submission.objects.get(team=world.team_a).versions.exists()

    page.locator(SEND).click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator(".version-list__item")).to_have_count(1)
    expect(page.locator(".version-list__item .prose strong")).to_have_text("tre")
    expect(page.locator("textarea[name=section_done]")).to_have_value(text)
    assert_accessible(page)
    submission = Submission.objects.get(team=world.team_a, task=world.status_task)
    assert submission.status == SubmissionStatus.SUBMITTED
    version = submission.versions.get()
    assert (version.number, version.content["done"]) == (1, text)
    assert version.submitted_by == world.member_a


def test_two_members_editing_the_same_section_see_a_conflict(
    page, language, viewport, world, live_server
):
    url = _task_url(world)
    sign_in(page, world.coordinator_a.email, PASSWORD)
    page.goto(url)
    other, errors = _second_page(page, live_server, viewport, language)
    try:
        sign_in(other, world.member_a.email, PASSWORD)
        other.goto(url)
        expect(other.locator("textarea[name=section_done]")).to_have_value("")

        sara = "Sara: tre møter med ledelsen."
        page.locator("textarea[name=section_done]").fill(sara)
        _wait_for(page, lambda: _content(world) == sara)

        ingrid = "Ingrid: mentorene har fått opplæring."
        other.locator("textarea[name=section_done]").fill(ingrid)
        conflict = other.locator("[data-conflict-for=done]")
        expect(conflict).to_be_visible()
        expect(conflict.locator(".conflict-text")).to_have_text(sara)
        expect(other.locator("textarea[name=section_done]")).to_have_value(ingrid)
        assert _content(world) == sara
        assert_accessible(other)

        combined = f"{sara}\n{ingrid}"
        other.locator("textarea[name=section_done]").fill(combined)
        button = conflict.locator("button")
        expect(button).to_have_text(other.locator(DRAFT_FORM).get_attribute("data-combined-label"))
        button.click()
        expect(conflict).to_be_hidden()
        _wait_for(other, lambda: _content(world) == combined)
        saved_label = other.locator(DRAFT_FORM).get_attribute("data-saved-label")
        expect(other.locator("[data-autosave-status]")).to_contain_text(saved_label)
        expect(other.locator("textarea[name=section_done]")).to_have_value(combined)
        assert _content(world) == combined
    finally:
        other.context.close()
    assert errors == [], f"JavaScript errors on the second page: {errors}"


def test_advisor_comments_and_returns(page, language, viewport, world):
    save_draft(
        team=world.team_a,
        task=world.status_task,
        user=world.member_a,
        sections={"done": "Tre møter med ledelsen."},
        bases={"done": ""},
    )
    submit(team=world.team_a, task=world.status_task, user=world.member_a)
    world.advisor_a.preferred_language = language
    world.advisor_a.save(update_fields=["preferred_language"])

    sign_in(page, world.advisor_a.email, PASSWORD)
    page.goto(_task_url(world))
    expect(page.locator(".version-list__item")).to_have_count(1)
    expect(page.locator(DRAFT_FORM)).to_have_count(0)  # the advisor reads, not writes
    state = page.locator("main .badge").first
    expect(state).to_have_class(re.compile(r"badge--success"))
    expect(state).to_contain_text(_label(language, CellState.SUBMITTED))
    assert_accessible(page)

    comments = page.locator("#comments")
    comments.locator("textarea[name=body]").fill("Fint arbeid, men **husk målingene**.")
    comments.locator("form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    expect(page.locator("#comments .comment .prose strong")).to_have_text("husk målingene")
    assert_accessible(page)

    review = page.locator("section[aria-labelledby=review-heading]")
    review.locator("textarea[name=comment]").fill("Skriv litt om *utfordringene* også.")
    review.locator("button[name=action][value=return]").click()
    expect(page.locator(".message--success")).to_be_visible()
    state = page.locator("main .badge").first
    expect(state).to_have_class(re.compile(r"badge--warning"))
    expect(state).to_contain_text(_label(language, CellState.RETURNED))
    expect(page.locator("#comments .comment")).to_have_count(2)
    expect(page.locator("#comments .comment .prose em")).to_have_text("utfordringene")
    expect(review.locator("button[name=action]")).to_have_count(0)
    assert_accessible(page)

    submission = Submission.objects.get(team=world.team_a, task=world.status_task)
    assert submission.status == SubmissionStatus.RETURNED
    assert submission.reviewed_by == world.advisor_a
    assert submission.comments.count() == 2


def test_organiser_sees_the_dashboard(page, language, viewport, world):
    def draft(team, task, user, text):
        save_draft(team=team, task=task, user=user, sections={"done": text}, bases={"done": ""})

    # Team A: status report returned, final report in draft; team B: status report sent.
    draft(world.team_a, world.status_task, world.member_a, "Tre møter.")
    submit(team=world.team_a, task=world.status_task, user=world.member_a)
    submission = Submission.objects.get(team=world.team_a, task=world.status_task)
    return_for_changes(submission=submission, user=world.advisor_a, comment="Mer om målinger.")
    final = open_submission(team=world.team_a, task=world.final_task)  # may be prefilled
    save_draft(
        team=world.team_a,
        task=world.final_task,
        user=world.coordinator_a,
        sections={"introduction": "Sarpsborg kommune …"},
        bases={"introduction": final.content.get("introduction", "")},
    )
    draft(world.team_b, world.status_task, world.coordinator_b, "Halden har startet.")
    submit(team=world.team_b, task=world.status_task, user=world.coordinator_b)
    add_comment(submission=submission, user=world.advisor_a, body="Ser bra ut.")
    world.organiser.preferred_language = language
    world.organiser.save(update_fields=["preferred_language"])

    dashboard_url = reverse("network:dashboard", args=[world.network.pk])
    sign_in(page, world.organiser.email, PASSWORD)
    page.goto(dashboard_url)
    matrix = page.locator("table.matrix")
    expect(matrix).to_be_visible()
    rows = matrix.locator("tbody tr")
    expect(rows).to_have_count(2)
    tasks = 3
    expect(matrix.locator("thead tr").first.locator("th[scope=col] a")).to_have_count(tasks)
    for row in range(2):
        expect(rows.nth(row).locator("td.matrix__cell")).to_have_count(tasks)
    row_a = rows.filter(has_text=str(world.team_a))
    row_b = rows.filter(has_text=str(world.team_b))
    expect(row_a.locator("td.matrix__cell--returned")).to_have_count(1)
    expect(row_a.locator("td.matrix__cell--draft")).to_have_count(1)
    expect(row_b.locator("td.matrix__cell--submitted")).to_have_count(1)
    expect(row_b.locator("td.matrix__cell--not_started")).to_have_count(2)
    assert_accessible(page)

    wrap = page.locator(".matrix-wrap")
    if viewport == "phone":
        # The matrix is wider than a phone: it scrolls inside its wrapper, and
        # the page itself does not (assert_accessible checked that too).
        sizes = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
        assert sizes[0] > sizes[1], f"the matrix fits the phone: {sizes}"
        assert wrap.evaluate("el => getComputedStyle(el).overflowX") in ("auto", "scroll")
        before = wrap.evaluate("el => el.scrollLeft")
        wrap.evaluate("el => { el.scrollLeft = 200; }")
        assert wrap.evaluate("el => el.scrollLeft") > before

    page.locator("#filter-advisor").select_option(str(world.advisor_a.pk))
    page.locator(".filter-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"advisor={world.advisor_a.pk}"))
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th[scope=row]")).to_contain_text(str(world.team_a))
    expect(page.locator("#filter-advisor")).to_have_value(str(world.advisor_a.pk))
    assert_accessible(page)

    reading_url = reverse("network:reading", args=[world.network.pk, world.status_task.pk])
    matrix.locator(f"thead a[href='{reading_url}']").click()
    expect(page).to_have_url(re.compile(rf"{reading_url}$"))
    cards = page.locator(".reading-card")
    expect(cards).to_have_count(2)
    expect(cards.filter(has_text=str(world.team_a)).locator(".prose")).to_contain_text("Tre møter.")
    expect(cards.filter(has_text=str(world.team_b)).locator(".prose")).to_contain_text(
        "Halden har startet."
    )
    assert_accessible(page)


def _measured(world):
    from datetime import date, timedelta
    from decimal import Decimal

    from network.services import add_indicator, add_milestone, record_value, set_shared

    indicator = add_indicator(
        team=world.team_a,
        user=world.coordinator_a,
        name="Nyansatte som slutter innen ett år",
        unit="sluttet",
        better="lower",
        denominator_label="nyansatte",
    )
    start = date(2025, 1, 1)
    for month in range(12):
        record_value(
            indicator=indicator,
            user=None,
            measured_on=start + timedelta(days=31 * month),
            value=Decimal(6 if month < 5 else 2),
            denominator=Decimal(20),
            is_baseline=month < 3,
        )
    add_milestone(team=world.team_a, happened_on=date(2025, 5, 20), text="Mentorprogram startet")
    save_draft(team=world.team_a, task=world.status_task, user=world.coordinator_a,
               sections={"done": "Plakat om spredning"}, bases={"done": ""})  # fmt: skip
    version = submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
    set_shared(submission=version.submission, shared=True)
    return indicator, version.submission


def test_every_other_network_page_passes_axe(page, language, viewport, world):
    indicator, shared = _measured(world)
    world.network.members_body = [("markdown", "Åpen skjerm hver tirsdag kl. 14.")]
    world.network.save_revision().publish()
    team = world.team_a.pk
    sign_in(page, world.leader_a.email, PASSWORD)
    for url in [
        world.network.url,
        reverse("network:my_teams"),
        reverse("network:agreement", args=[team]),
        reverse("network:measurements", args=[team]),
        reverse("network:indicator", args=[team, indicator.pk]),
        reverse("network:poster_walk", args=[world.network.pk]),
        reverse("network:shared", args=[shared.pk]),
        _task_url(world, world.final_task),
        _task_url(world, world.file_task),
    ]:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
    page.goto(reverse("network:measurements", args=[team]))
    expect(page.locator("svg.runchart, svg[role=img]").first).to_be_visible()
    expect(page.locator(".runchart__point--signal").first).to_be_attached()

    _sign_out(page, language)
    sign_in(page, world.organiser.email, PASSWORD)
    network = world.network.pk
    for url in [
        reverse("network:advisors", args=[network]),
        reverse("network:agreements", args=[network]),
        reverse("network:before_now", args=[network]),
        reverse("network:reading", args=[network, world.status_task.pk]),
    ]:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
