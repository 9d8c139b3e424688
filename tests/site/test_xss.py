"""Hostile text, server side: every field that shows what a person wrote is
filled with the XSS corpus (tests/site/xss_payloads.py) through its real form
where practical, and every page that shows it, to its writer and to the staff
who read it, must hold nothing a browser would run (tests/html_safety.py).

Fields that hold one long text get the corpus packed into as few texts as fit
the field's limit; fields that come one per row (comments, names, Markdown
blocks) get one payload per row, so a payload that swallows what follows
(an unclosed comment, a <textarea>) cannot hide the next one. Each stored text
starts with a probe word, and each page is checked to show it: a page that
silently dropped the text would prove nothing."""

import html
import re
from base64 import b64decode
from datetime import date, timedelta
from urllib.parse import quote, unquote

import pytest

from django.urls import reverse

from mentornett.markdown import render_markdown
from tests.html_safety import assert_nothing_executable, findings
from tests.scheme.fixtures import receipt
from tests.site.xss_payloads import MARKERS, PAYLOADS, batches, short

pytestmark = pytest.mark.django_db

# Contexts in which a payload, pasted raw, must be seen by the checker: body
# text, both kinds of quoted attribute, and the raw-text elements it breaks out of.
RAW_CONTEXTS = (
    "{}",
    '<a title="{}">x</a>',
    "<a title='{}'>x</a>",
    "<textarea>{}</textarea>",
    "<title>{}</title>",
    "<style>{}</style>",
    "<xmp>{}</xmp>",
    "<noembed>{}</noembed>",
)
INERT_KINDS = {"template", "encoded"}


def probe(field: str) -> str:
    return f"probe{field.replace('_', '')}"


def shown(client, user, url, *probes, status=200, admin=False):
    """GET url as user (None: anonymous); assert nothing executable and that
    every probe word is on the page. Returns the HTML."""
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    response = client.get(url)
    expected = status if isinstance(status, tuple) else (status,)
    assert response.status_code in expected, f"{url} as {user}: {response.status_code}"
    html = response.content.decode()
    assert_nothing_executable(html, f"{url} as {user}", only_user_text=admin)
    for word in probes:
        assert word in html, f"{word} is not on {url} as {user}: the test would prove nothing"
    return html


def posted(client, user, url, data, status=302):
    client.force_login(user)
    response = client.post(url, data)
    problems = _form_errors(response)
    assert response.status_code == status, f"POST {url}: {response.status_code} {problems}"
    if status != 302:
        assert_nothing_executable(response.content, f"POST {url}")
    return response


def _form_errors(response):
    """The bound forms' errors, to say why a POST did not redirect."""
    context = getattr(response, "context", None)
    if context is None:
        return []
    if hasattr(context, "flatten"):
        values = context.flatten().values()
    else:
        values = [context[key] for key in context.keys()]  # noqa: SIM118 - a ContextList
    return [v.errors for v in values if getattr(v, "is_bound", False) and v.errors]


def texts(field: str, limit: int) -> list[str]:
    """The corpus in texts of at most `limit` characters, each led by the probe."""
    head = probe(field) + "\n\n"
    return [head + text for text in batches(limit - len(head))]


# The corpus and the checker -------------------------------------------------


def test_the_corpus_is_large_and_varied():
    kinds = {payload.kind for payload in PAYLOADS}
    assert len(PAYLOADS) >= 100
    assert kinds >= {"script", "handler", "url", "svg", "css", "malformed", "markdown"}
    for payload in PAYLOADS:
        # Base64 payloads carry their marker encoded.
        decoded = payload.text + "".join(
            b64decode(chunk + "==").decode(errors="ignore")
            for chunk in re.findall(r"(?:base64,|atob\(`)([A-Za-z0-9+/=]+)", payload.text)
        )
        decoded = unquote(html.unescape(decoded))
        assert re.search(r"al\W*ert", decoded) and any(m in decoded for m in MARKERS), payload


def _ids(payloads):
    return [f"{payload.kind}-{n}" for n, payload in enumerate(payloads)]


LIVE = [payload for payload in PAYLOADS if payload.kind not in INERT_KINDS]


@pytest.mark.parametrize("payload", LIVE, ids=_ids(LIVE))
def test_the_checker_sees_every_payload_pasted_raw(payload):
    import markdown

    pages = [context.format(payload.text) for context in RAW_CONTEXTS]
    pages.append(markdown.markdown(payload.text, extensions=["extra"]))
    assert any(findings(page) for page in pages), "the checker would miss this payload"


@pytest.mark.parametrize("payload", PAYLOADS, ids=_ids(PAYLOADS))
def test_markdown_renders_no_payload_executable(payload):
    assert_nothing_executable(render_markdown(payload.text), "render_markdown")


# Courses: reflections and exercise notes --------------------------------------


def test_reflections_and_exercise_notes(client, make_course, participant):
    from courses.services import REFLECTION_MAX_LENGTH
    from tests.courses.fixtures import EXERCISE, REFLECTION

    reflections = texts("reflection", REFLECTION_MAX_LENGTH)
    course, (lesson,) = make_course(lessons=1, body=[REFLECTION] * len(reflections) + [EXERCISE])
    blocks = dict(lesson.interactive_blocks())
    reflection_ids = [bid for bid, block in blocks.items() if block.block_type == "reflection"]
    (exercise_id,) = [bid for bid, block in blocks.items() if block.block_type == "exercise"]
    for bid, text in zip(reflection_ids, reflections, strict=True):
        url = reverse("courses:reflection", args=[lesson.pk, bid])
        posted(client, participant, url, {f"r-{bid}-text": text})
    note = texts("exercise_note", 5_000)[0]
    url = reverse("courses:exercise", args=[lesson.pk, exercise_id])
    posted(client, participant, url, {f"e-{exercise_id}-done": "on", f"e-{exercise_id}-note": note})

    shown(client, participant, lesson.url, probe("reflection"), probe("exercise_note"))
    shown(
        client, participant, reverse("courses:reflections", args=[course.pk]), probe("reflection")
    )
    # Too long: the page comes back with the text in the form and an error message.
    url = reverse("courses:reflection", args=[lesson.pk, reflection_ids[0]])
    too_long = "\n\n".join(reflections)
    response = posted(client, participant, url, {f"r-{reflection_ids[0]}-text": too_long}, 200)
    assert probe("reflection") in response.content.decode()


# Learning networks: status reports, comments, feedback, names -------------------


def test_team_work_read_by_team_advisor_and_organiser(client, world):
    from network.models import Submission
    from network.services import submissions
    from network.task_sections import section_keys

    team, task = world.team_a, world.status_task
    keys = section_keys(task.kind)
    corpus = texts("section", 20_000)
    sections = {f"section_{key}": corpus[n % len(corpus)] for n, key in enumerate(keys)}
    sections |= {f"base_{key}": "" for key in keys}
    save = reverse("network:save", args=[team.pk, task.pk])
    posted(client, world.coordinator_a, save, sections | {"send": "1"})
    submission = Submission.objects.get(team=team, task=task)
    assert submission.versions.count() == 1

    comment_url = reverse("network:comment", args=[team.pk, task.pk])
    for text in texts("comment", 5_000):
        posted(client, world.member_a, comment_url, {"body": text})
    for payload in PAYLOADS:
        submissions.add_comment(submission=submission, user=world.advisor_a, body=payload.text)
    review = reverse("network:review", args=[team.pk, task.pk])
    posted(client, world.advisor_a, review, {"comment": texts("returned", 5_000)[0]})
    score = reverse("network:score", args=[team.pk, task.pk])
    feedback = texts("feedback", 5_000)[0]
    data = {"gathering": str(world.gathering.pk), "score": "3", "feedback": feedback}
    posted(client, world.advisor_a, score, data)
    # The team edits its text again after the return: a second draft over the sent version.
    posted(client, world.coordinator_a, save, sections)

    task_url = reverse("network:task", args=[team.pk, task.pk])
    words = probe("section"), probe("comment"), probe("returned")
    for person in (world.coordinator_a, world.member_a, world.advisor_a, world.organiser):
        shown(client, person, task_url, *words)
    for person in (world.coordinator_a, world.advisor_a, world.organiser):
        shown(client, person, reverse("network:team", args=[team.pk]), probe("feedback"))
    reading = reverse("network:reading", args=[world.network.pk, task.pk])
    shown(client, world.organiser, reading, probe("section"))
    shown(client, world.organiser, reverse("network:dashboard", args=[world.network.pk]))

    posted(
        client,
        world.coordinator_a,
        reverse("network:share", args=[team.pk, task.pk]),
        {"shared": "1"},
    )
    shared = reverse("network:shared", args=[submission.pk])
    posted(client, world.coordinator_b, shared, {"body": texts("sharedcomment", 5_000)[0]})
    shown(client, world.coordinator_b, shared, probe("section"), probe("sharedcomment"))


def test_final_report_file_note_and_the_conflict_page(client, world):
    from network.services import submissions
    from network.task_sections import section_keys

    team = world.team_a
    for task, field in ((world.final_task, "final"), (world.file_task, "filenote")):
        keys = section_keys(task.kind)
        corpus = texts(field, 20_000)
        content = submissions.open_submission(team=team, task=task).content
        if task == world.file_task:
            upload = reverse("network:upload", args=[team.pk, task.pk])
            posted(client, world.coordinator_a, upload, {"file": receipt("plakat.pdf")})
        data = {f"section_{key}": corpus[n % len(corpus)] for n, key in enumerate(keys)}
        save = reverse("network:save", args=[team.pk, task.pk])
        posted(client, world.coordinator_a, save, data | _bases(keys, content) | {"send": "1"})
        url = reverse("network:task", args=[team.pk, task.pk])
        for person in (world.coordinator_a, world.advisor_a):
            shown(client, person, url, probe(field))
        # Someone else saved meanwhile: the conflict page shows both texts.
        mine = {f"section_{key}": texts("conflict", 20_000)[0] for key in keys}
        response = posted(client, world.member_a, save, mine | _bases(keys, content), 409)
        assert probe("conflict") in response.content.decode()
        assert probe(field) in response.content.decode()


def _bases(keys, content):
    return {f"base_{key}": (content or {}).get(key, "") for key in keys}


def test_measurements_milestones_and_agreement_names(client, world):
    from network.models import Better
    from network.services import measurements

    team = world.team_a
    names = {payload.text.strip(): payload for payload in short(150)}.values()
    for n, payload in enumerate(names):
        indicator = measurements.add_indicator(
            team=team, user=world.coordinator_a, name=payload.text, unit="quit", better=Better.LOWER
        )
        if n == 0:
            first = indicator
    for n, payload in enumerate(short(200)):
        measurements.record_value(
            indicator=first,
            user=world.coordinator_a,
            measured_on=date(2026, 1, 1) + timedelta(days=n),
            value=n % 7,
            note=payload.text,
        )
    for n, payload in enumerate(short(80)):
        measurements.add_milestone(
            team=team, happened_on=date(2026, 1, 1) + timedelta(days=n), text=payload.text
        )
    agreement = reverse("network:agreement", args=[team.pk])
    name, title = short(150)[:2]
    data = {"action": "leader", "name": name.text, "title": title.text, "confirm": "on"}
    posted(client, world.leader_a, agreement, data)

    measurements_url = reverse("network:measurements", args=[team.pk])
    # A name already in use: the error message quotes it back.
    # (Another unit: the same indicator sent again is "already sent" instead.)
    again = {"name": first.name, "unit": "stk", "better": Better.LOWER}
    response = posted(client, world.coordinator_a, measurements_url, again, 400)
    assert "xss" in response.content.decode()
    indicator_url = reverse("network:indicator", args=[team.pk, first.pk])
    for person in (world.coordinator_a, world.advisor_a, world.organiser):
        shown(client, person, measurements_url, "xss")
        shown(client, person, indicator_url, "xss")
    shown(client, world.organiser, reverse("network:before_now", args=[world.network.pk]))
    shown(client, world.coordinator_a, agreement, "xss")
    shown(client, world.organiser, reverse("network:agreements", args=[world.network.pk]), "xss")


def test_people_s_names_where_others_see_them(client, world, make_event):
    """A full name is typed by its owner and shown to the team, the advisor,
    the organiser and the office."""
    from events.services import register
    from network.models import TeamMembership, TeamRole
    from network.services import submissions
    from tests.factories import UserFactory

    names = short(200)
    profile = reverse("accounts:profile")
    posted(
        client,
        world.member_a,
        profile,
        {"full_name": names[0].text, "phone": "", "preferred_language": "nb"},
    )
    event = make_event(days=3, title="Webinar", slug="navn-webinar")
    people = [world.member_a]
    for payload in names[1:]:
        person = UserFactory(full_name=payload.text)
        TeamMembership.objects.create(team=world.team_a, person=person, role=TeamRole.MENTOR)
        register(person=person, event=event)
        people.append(person)
    submission = submissions.open_submission(team=world.team_a, task=world.status_task)
    for person in people[:20]:
        submissions.add_comment(submission=submission, user=person, body="Hei")

    team = reverse("network:team", args=[world.team_a.pk])
    for person in (world.coordinator_a, world.advisor_a, world.organiser):
        shown(client, person, team, "xss")
    task = reverse("network:task", args=[world.team_a.pk, world.status_task.pk])
    shown(client, world.advisor_a, task, "xss")
    shown(client, world.organiser, reverse("network:advisors", args=[world.network.pk]))
    shown(client, world.member_a, reverse("home:dashboard"), "xss")
    shown(client, world.member_a, profile, "xss")
    from mentornett.accounts.roles import StaffRole

    organiser = UserFactory(staff_role=StaffRole.NETWORK_ORGANISER, is_staff=True)
    shown(client, organiser, reverse("events:checkin", args=[event.pk]), "xss")


# The mentor scheme: application, decisions, claims, evaluations, reports ----------


def _application_form(application, **texts_by_field):
    from network.models import MentorCriterion

    data = {
        "starts_on": "2026-01-05",
        "ends_on": "2026-04-04",
        "municipality": str(application.municipality_id),
        "employer": application.employer,
        "backup_plan": application.backup_plan,
        "reverse_ride_along_from": "2026-01-05",
        "reverse_ride_along_to": "2026-01-16",
        "insurance_confirmed": "on",
        "municipality_contact_name": application.municipality_contact_name,
        "municipality_contact_email": application.municipality_contact_email,
        "planned_use": application.planned_use,
        "mentee_goals": application.mentee_goals,
        "mentor_declarations": list(MentorCriterion.values),
    }
    return data | texts_by_field


def test_an_application_through_to_payout(
    client, scheme, office, django_capture_on_commit_callbacks
):
    from network.models import Application
    from network.models import ApplicationStatus as S
    from network.scheme.services import applications
    from network.scheme.services import relationships as services
    from tests.scheme.fixtures import complete_application

    application = complete_application(scheme)
    page = reverse("scheme:application", args=[application.pk])
    long_text = texts("application", 20_000)[0]
    data = _application_form(
        application,
        employer=texts("employer", 200)[0],
        municipality_contact_name=short(150)[3].text,
        backup_plan=long_text,
        planned_use=long_text,
        mentee_goals=long_text,
    )
    posted(client, scheme.mentor, page, data | {"send": "1"})
    application = Application.objects.get(pk=application.pk)
    assert application.status == S.SUBMITTED

    office_page = reverse("scheme:office", args=[application.pk])
    note = texts("decision", 2_000)[0]
    for expected, to in ((S.SUBMITTED, S.IN_REVIEW), (S.IN_REVIEW, S.GRANTED)):
        posted(client, office, office_page, {"expected": expected, "to": to, "note": note})
    startup = {"action": "startup", "held_on": "2026-01-02", "notes": long_text}
    posted(client, office, office_page, startup)
    with django_capture_on_commit_callbacks(execute=True):
        applications.accept_decision(application=application, user=scheme.mentor)
        applications.accept_decision(application=application, user=scheme.mentee)

    claims = reverse("scheme:claims", args=[application.pk])
    claim = {
        "category": "travel",
        "description": texts("claim", 300)[0],
        "amount": "10",
        "spent_on": "2026-01-06",
        "receipt": receipt(),
    }
    posted(client, scheme.mentee, claims, claim)
    for text in batches(300)[:40]:
        services.submit_claim(
            application=application,
            user=scheme.mentee,
            category="travel",
            description=text,
            amount=1,
            spent_on=date(2026, 1, 6),
            receipt=receipt(),
        )
    first, *others = application.claims.order_by("pk")
    decide = reverse("scheme:decide_claim", args=[first.pk])
    posted(client, office, decide, {"approved_amount": "10", "note": texts("claimnote", 500)[0]})
    for claim, note in zip(others, batches(500) * 2, strict=False):
        services.decide_claim(claim=claim, user=office, approved_amount=1, note=note)

    evaluation = reverse("scheme:evaluation", args=[application.pk])
    answers = {
        "satisfaction": "5",
        "collaboration": "4",
        "expectations_clarified": "partly",
        "went_well": texts("wentwell", 20_000)[0],
        "could_be_better": texts("couldbebetter", 20_000)[0],
    }
    applications.change_status(application=application, user=office, expected=S.ACTIVE, to=S.ENDED)
    posted(client, scheme.mentee, evaluation, answers)
    report = {
        "action": "report",
        "summary": texts("summary", 20_000)[0],
        "mentee_progress": texts("progress", 20_000)[0],
        "backup_duty_as_planned": "on",
        "ended_early_reason": texts("endedearly", 20_000)[0],
    }
    posted(client, scheme.mentor, evaluation, report)
    payout = reverse("scheme:payout", args=[application.pk])
    reason = texts("override", 2_000)[0]
    with django_capture_on_commit_callbacks(execute=True):
        posted(client, office, payout, {"mentor_fee": "40000", "override_reason": reason})

    for person in (scheme.mentor, scheme.mentee):
        shown(client, person, page, probe("application"), probe("employer"))
        shown(client, person, reverse("scheme:applications"))
        shown(client, person, reverse("home:dashboard"))
    shown(client, scheme.mentee, claims, probe("claim"), "xss")
    shown(client, scheme.mentee, evaluation)
    shown(client, scheme.mentor, evaluation)
    words = probe("application"), probe("claim"), probe("wentwell"), probe("summary")
    shown(client, office, office_page, *words, probe("decision"), probe("endedearly"))
    shown(client, office, reverse("scheme_reports:dashboard"))


def test_hub_names_student_weeks_and_equipment_purposes(client, hub, office, equipment_sets):
    from network.scheme.services import equipment, hubs

    hub.hub.name = texts("hub", 200)[0]
    hub.hub.save()
    monday = date(2026, 1, 5)
    for n, payload in enumerate(short(150)[:60]):
        hubs.register_student_week(
            hub=hub.hub,
            student_name=payload.text,
            student_email=f"student{n}@example.no",
            week_starts_on=monday + timedelta(weeks=n),
            mentor=hub.contact,
            registered_by=hub.contact,
        )
    week_form = {
        "student_name": short(150)[61].text,
        "student_email": "elev@example.no",
        "week_starts_on": "2027-06-07",
        "mentor": str(hub.contact.pk),
    }
    posted(client, hub.contact, reverse("scheme_hubs:add_week", args=[hub.hub.pk]), week_form)
    start = date.today() + timedelta(days=1)
    for n, payload in enumerate(short(300)[:40]):
        equipment.book_equipment(
            equipment=equipment_sets[n % 3],
            user=hub.mentor,
            starts_on=start + timedelta(days=3 * n),
            ends_on=start + timedelta(days=3 * n + 1),
            purpose=payload.text,
        )

    hub_page = reverse("scheme_hubs:hub", args=[hub.hub.pk])
    shown(client, hub.contact, hub_page, probe("hub"), "xss")
    shown(client, hub.mentor, reverse("scheme_hubs:hubs"), probe("hub"))
    shown(client, office, reverse("scheme_hubs:office_summary"), probe("hub"))
    shown(client, office, reverse("scheme_hubs:office_approval"))
    shown(client, hub.mentor, reverse("scheme_hubs:equipment"), "xss")
    shown(client, office, reverse("scheme_hubs:equipment"), "xss")


# Events: registration answers, polls -----------------------------------------------


def test_registration_answers_and_poll_free_text(client, make_event, staff_user):
    from events.models import Attendance
    from events.services import mark_attendance, register
    from mentornett.accounts.roles import StaffRole
    from tests.factories import UserFactory

    answers = texts("answer", 1_000)
    questions = [
        ("text_question", {"question": f"Spørsmål {n}", "help_text": "", "required": False})
        for n in range(len(answers))
    ]
    event = make_event(days=5, questions=questions, title="Samling", slug="samling")
    person = UserFactory()
    data = {f"q_{block.id}": text for block, text in zip(event.questions, answers, strict=True)}
    posted(client, person, reverse("events:register", args=[event.pk]), data)
    shown(client, person, event.url, probe("answer"))
    # Too long: the answers come back in the form with the message.
    first = f"q_{event.questions[0].id}"
    too_long = data | {first: "\n\n".join(answers)}
    response = posted(client, person, reverse("events:answers", args=[event.pk]), too_long, 400)
    assert probe("answer") in response.content.decode()

    ended = make_event(days=-1, title="Webinar", slug="ferdig")
    organiser = staff_user(StaffRole.NETWORK_ORGANISER)
    comments = texts("pollcomment", 2_000)
    others = texts("pollother", 2_000)
    for n in range(max(len(comments), len(others))):
        attendee = UserFactory()
        registration = register(
            person=attendee, event=ended, now=ended.starts_at - timedelta(days=2)
        )
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)
        poll = {
            "rating": "4",
            "time_use": "well",
            "best_other": others[n % len(others)],
            "comment": comments[n % len(comments)],
        }
        posted(client, attendee, reverse("events:poll", args=[ended.pk]), poll)
    results = reverse("events:poll_results", args=[ended.pk])
    shown(client, organiser, results, probe("pollcomment"), probe("pollother"))


# Editors' Markdown, search and error pages ----------------------------------------


def test_markdown_blocks_on_a_public_page(client, staff_user):
    from home.models import HomePage, StandardPage
    from mentornett.accounts.roles import StaffRole
    from tests.courses.fixtures import publish

    body = [("markdown", probe("markdownblock"))]
    body += [("markdown", payload.text) for payload in PAYLOADS]
    body += [("markdown", text) for text in texts("markdownbatch", 20_000)]
    page = publish(HomePage.objects.get(), StandardPage(title="Om", slug="om", body=body))
    for _twice in range(2):  # the second visit is served from the page cache
        shown(client, None, page.url, probe("markdownblock"), probe("markdownbatch"))
    shown(client, staff_user(StaffRole.EDITOR), page.url, probe("markdownblock"))


def test_the_search_page_and_the_not_found_page_echo_nothing_executable(client, participant):
    search = reverse("home:search")
    # An unbalanced or slash-holding quote once broke SQLite's full-text query (503).
    shown(client, None, f"{search}?q=%22mentor")
    shown(client, None, f"{search}?q=%22text/javascript%22")
    for payload in PAYLOADS:
        shown(client, None, f"{search}?q={quote(payload.text)}")
    for payload in short(100):
        html = shown(client, None, f"{search}?q={quote(payload.text)}")
        assert "xss" in html, f"the query {payload} is not echoed: the test would prove nothing"
    # Every third short payload: these pages echo the path through one template each.
    for payload in short(100)[::3]:
        shown(client, participant, "/" + quote(payload.text, safe=""), status=404)
        # A mistyped certificate code comes back in the form with the message.
        code = "/kursbevis/" + quote(payload.text, safe="") + "/"
        shown(client, None, code, status=(400, 404, 429))


def test_certificate_holder_name_on_the_public_verification_page(
    client, make_course, django_capture_on_commit_callbacks
):
    from courses.models import Certificate
    from courses.services import complete_lesson
    from tests.factories import UserFactory

    course, (lesson,) = make_course(lessons=1, mandatory_for="mentor")
    for payload in short(200)[:10]:
        with django_capture_on_commit_callbacks(execute=True):
            complete_lesson(learner=UserFactory(full_name=payload.text), lesson=lesson)
    for certificate in Certificate.objects.all():
        url = reverse("certificates:verify", args=[certificate.code])
        assert "xss" in certificate.holder_name
        shown(client, None, url, "xss")


# The Wagtail admin, where the office and editors read the same rows ---------------


def test_the_admin_listings_and_certificate_pages(client, scheme, superuser):
    from courses.models import Certificate
    from courses.services.certificates import revoke_certificate
    from tests.scheme.fixtures import complete_application

    names = short(200)
    scheme.mentor.full_name = names[0].text
    scheme.mentor.save()
    scheme.mentee.full_name = names[1].text
    scheme.mentee.save()
    application = complete_application(scheme)
    application.employer = names[2].text
    application.planned_use = application.backup_plan = texts("adminapp", 20_000)[0]
    application.save()
    # As if the name had been typed before the course was completed.
    Certificate.objects.filter(holder=scheme.mentor).update(holder_name=names[0].text)
    certificate = Certificate.objects.get(holder=scheme.mentor)
    revoke_certificate(certificate=certificate, reason=texts("revoked", 2_000)[0], by=superuser)

    listing = "/admin/snippets/network/application/"
    shown(client, superuser, f"{listing}?status=all", "xss", admin=True)  # a draft: not queued
    inspect = f"{listing}inspect/{application.pk}/"
    shown(client, superuser, inspect, probe("adminapp"), admin=True)
    shown(client, superuser, reverse("certificates_admin"), "xss", admin=True)
    detail = reverse("certificate_detail", args=[certificate.pk])
    shown(client, superuser, detail, probe("revoked"), admin=True)
    course = reverse("course_report", args=[scheme.mentor_course.pk])
    shown(client, superuser, course, admin=True)
    public = reverse("certificates:verify", args=[certificate.code])
    shown(client, None, public, "xss")
