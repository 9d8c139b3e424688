"""Hostile text in a real Chromium: pages holding the XSS corpus
(tests/site/xss_payloads.py), seen by the people who read them, must run
nothing: no dialog opens, `window.__xss` stays undefined, no `#xss-ran`
element appears, and Chromium's own parse of the page has no event-handler
attribute and no javascript:/vbscript:/data: link. A Content Security Policy
would block inline scripts as a second wall; a script it had to stop is
counted as a failure too, since the page should never have carried it.

The server tests (tests/site/test_xss.py) prove the escaping field by field;
this file proves that what reached the browser stays inert."""

from datetime import date, timedelta
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.site.xss_payloads import HANDLERS, PAYLOADS, URLS, batches

from .conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What the browser saw, recorded from the first script on every page.
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
});
"""
INSPECT = """() => {
    const bad = ['javascript:', 'vbscript:', 'data:'];
    const handlers = [];
    const urls = [];
    for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
            const name = attribute.name.toLowerCase();
            if (name.startsWith('on')) handlers.push(`${element.tagName} ${name}`);
            if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name)) {
                let protocol = '';
                try { protocol = new URL(attribute.value, document.baseURI).protocol; }
                catch (error) { protocol = ''; }
                if (bad.includes(protocol)) urls.push(`${element.tagName} ${attribute.value}`);
            }
        }
    }
    return {
        ran: typeof window.__xss !== 'undefined',
        marker: document.getElementById('xss-ran') !== null,
        handlers,
        urls,
        blocked: (window.__violations || []).filter(
            (v) => /^(script|object|frame|child|base|default)/.test(v)),
        base: document.querySelectorAll('base').length,
    };
}"""


@pytest.fixture
def viewport():
    return "desktop"


@pytest.fixture
def language():
    return "nb"


@pytest.fixture
def watched(page):
    """The page with a dialog recorder: any dialog is a script that ran."""
    dialogs = []

    def record(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.add_init_script(WATCH)
    page.dialogs = dialogs
    return page


def what_ran(page, url, *words) -> list[str]:
    """Visit url (None: stay) and say what ran or could run there (empty: nothing)."""
    if url is not None:
        page.goto(url)
        page.wait_for_load_state("load")
    # Give onerror, onfocus, animations and toggles their moment, and move
    # and tab through the page for the handlers a person would fire.
    for x, y in ((10, 10), (640, 300), (640, 700), (1200, 850)):
        page.mouse.move(x, y)
    for _tab in range(5):
        page.keyboard.press("Tab")
    page.wait_for_timeout(300)
    state = page.evaluate(INSPECT)
    content = page.content()
    found = [f"{word} is not on the page: the test would prove nothing" for word in words]
    found = [line for line, word in zip(found, words, strict=True) if word not in content]
    found += [f"dialog: {message}" for message in page.dialogs]
    found += ["window.__xss was set"] if state["ran"] else []
    found += ["#xss-ran was inserted"] if state["marker"] else []
    found += [f"event handler: {handler}" for handler in state["handlers"][:10]]
    found += [f"script URL: {url}" for url in state["urls"][:10]]
    found += [f"the CSP had to stop: {blocked}" for blocked in state["blocked"]]
    found += ["a <base> element"] if state["base"] else []
    return found


def assert_nothing_ran(page, url, *words):
    found = what_ran(page, url, *words)
    assert found == [], f"on {url}:\n" + "\n".join(found)


def test_the_watch_sees_a_script_that_runs(watched):
    """The checks above can fail: a page that lets payloads through is caught."""
    hostile = "<!doctype html><title>x</title><body>" + "".join(
        payload.text for payload in (PAYLOADS[0], PAYLOADS[2], HANDLERS[0], URLS[0])
    )
    watched.route(
        "**/hostile/", lambda route: route.fulfill(body=hostile, content_type="text/html")
    )
    found = "\n".join(what_ran(watched, "/hostile/"))
    for problem in ("dialog", "window.__xss", "#xss-ran", "onerror", "javascript:"):
        assert problem in found


def test_reflections_run_nothing_for_their_writer(watched, make_course):
    from courses.services import save_reflection
    from tests.courses.fixtures import REFLECTION

    reflections = batches(10_000)
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION] * len(reflections))
    learner = UserFactory()
    block_ids = [bid for bid, _block in lesson.interactive_blocks()]
    for bid, text in zip(block_ids, reflections, strict=True):
        save_reflection(learner=learner, lesson=lesson, block_id=bid, text=text)
    sign_in(watched, learner.email, PASSWORD)
    assert_nothing_ran(watched, lesson.url, "__xss")


def test_a_status_report_and_comments_run_nothing_for_the_team_and_advisor(watched, world):
    from network.services import (
        add_comment,
        give_progress_score,
        open_submission,
        save_draft,
        submit,
    )
    from network.task_sections import section_keys

    team, task = world.team_a, world.status_task
    keys = section_keys(task.kind)
    corpus = batches(20_000)
    sections = {key: corpus[n % len(corpus)] for n, key in enumerate(keys)}
    save_draft(team=team, task=task, user=world.coordinator_a, sections=sections, bases={})
    submit(team=team, task=task, user=world.coordinator_a)
    submission = open_submission(team=team, task=task)
    for payload in PAYLOADS:
        add_comment(submission=submission, user=world.member_a, body=payload.text)
    give_progress_score(
        team=team,
        gathering=world.gathering,
        score=3,
        feedback=corpus[0],
        user=world.advisor_a,
    )
    task_url = reverse("network:task", args=[team.pk, task.pk])
    sign_in(watched, world.advisor_a.email, PASSWORD)
    assert_nothing_ran(watched, task_url, "__xss")
    assert_nothing_ran(watched, reverse("network:team", args=[team.pk]), "__xss")
    watched.context.clear_cookies()
    sign_in(watched, world.coordinator_a.email, PASSWORD)
    assert_nothing_ran(watched, task_url, "__xss")
    # Someone else saves the first section meanwhile; the coordinator types
    # in it, the autosave is refused and the script shows the other text.
    first = keys[0]
    theirs = "Endret av Ingrid\n\n" + batches(19_000)[0]
    base = open_submission(team=team, task=task).content.get(first, "")
    save_draft(
        team=team, task=task, user=world.member_a, sections={first: theirs}, bases={first: base}
    )
    watched.locator(f"textarea[data-section={first}]").fill("Vår egen tekst")
    expect(watched.locator(f"[data-conflict-for={first}]")).to_be_visible()
    found = what_ran(watched, None)
    assert found == [], "after the conflict:\n" + "\n".join(found)
    assert "__xss" in watched.locator(f"[data-conflict-for={first}]").inner_text()


def test_an_application_runs_nothing_for_the_office(watched, scheme, office):
    from network.scheme.services import applications
    from tests.scheme.fixtures import complete_application

    application = complete_application(scheme)
    corpus = "\n\n".join(batches(20_000))
    application.backup_plan = application.planned_use = application.mentee_goals = corpus
    application.employer = PAYLOADS[0].text
    application.save()
    applications.submit_application(application=application, user=scheme.mentor)
    sign_in(watched, office.email, PASSWORD)
    assert_nothing_ran(watched, reverse("scheme:office", args=[application.pk]), "__xss")


def test_event_answers_and_poll_text_run_nothing_for_the_organiser(watched, make_event, staff_user):
    from events.models import Attendance, TimeUse
    from events.services import answer_poll, mark_attendance, register
    from mentornett.accounts.roles import StaffRole

    answers = batches(1_000)
    questions = [
        ("text_question", {"question": f"Spørsmål {n}", "help_text": "", "required": False})
        for n in range(len(answers))
    ]
    event = make_event(days=-1, questions=questions, title="Samling", slug="samling")
    for n, text in enumerate(batches(2_000)):
        person = UserFactory()
        registration = register(
            person=person,
            event=event,
            now=event.starts_at - timedelta(days=2),
            answers={
                block.id: answer for block, answer in zip(event.questions, answers, strict=True)
            },
        )
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)
        answer_poll(
            person=person,
            event=event,
            rating=4,
            best=[],
            best_other=text,
            time_use=TimeUse.WELL,
            comment=text,
        )
        if n == 0:
            first = person
    organiser = staff_user(StaffRole.NETWORK_ORGANISER)
    sign_in(watched, organiser.email, PASSWORD)
    assert_nothing_ran(watched, reverse("events:poll_results", args=[event.pk]), "__xss")
    assert_nothing_ran(watched, reverse("events:checkin", args=[event.pk]))
    watched.context.clear_cookies()
    sign_in(watched, first.email, PASSWORD)
    assert_nothing_ran(watched, event.url, "__xss")


def test_markdown_blocks_and_the_search_echo_run_nothing_for_a_visitor(watched):
    from home.models import HomePage, StandardPage
    from tests.courses.fixtures import publish

    body = [("markdown", payload.text) for payload in PAYLOADS]
    page = publish(HomePage.objects.get(), StandardPage(title="Om oss", slug="om", body=body))
    assert_nothing_ran(watched, page.url, "__xss")
    search = reverse("home:search")
    for payload in PAYLOADS[:: max(1, len(PAYLOADS) // 12)]:
        assert_nothing_ran(watched, f"{search}?q={quote(payload.text)}")


def test_hub_student_names_run_nothing_for_the_office(watched, hub, office):
    from network.scheme.services import hubs

    names = [p.text for p in PAYLOADS if len(p.text) <= 150]
    for n, name in enumerate(names[:30]):
        hubs.register_student_week(
            hub=hub.hub,
            student_name=name,
            student_email=f"student{n}@example.no",
            week_starts_on=date(2026, 1, 5) + timedelta(weeks=n),
            mentor=hub.contact,
            registered_by=hub.contact,
        )
    sign_in(watched, hub.contact.email, PASSWORD)
    assert_nothing_ran(watched, reverse("scheme_hubs:hub", args=[hub.hub.pk]), "__xss")
