import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from events.models import Attendance, EventKind, EventSeries, PollAnswer, Registration
from events.services import mark_attendance, register
from mentornett.accounts.roles import StaffRole
from network.models import TeamMembership, TeamRole
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTIONS = [
    ("text_question", {"question": "Spesialkost?", "help_text": "", "required": False}),
    (
        "yes_no_question",
        {"question": "Blir du med på middagen?", "help_text": "", "required": True},
    ),
]
PROGRAMME = [
    ("item", {"day": None, "starts": "09:00", "ends": "10:00", "title": "Velkommen",
              "speaker": "Anne Arrangør", "description": "Hvorfor mentorordningen finnes."}),
]  # fmt: skip
REGISTER = ".event-registration form.form button[type=submit]:not([name=series])"
CANCEL = "form[action$='/meld-av/'] button[type=submit]"


def test_register_join_the_waitlist_and_cancel(page, language, viewport, make_event, event_index):
    series = EventSeries.objects.create(name="Mentoropplæring")
    event = make_event(
        title="Samling på Gardermoen",
        kind=EventKind.GATHERING,
        venue="Scandic Gardermoen",
        address="Hotellvegen 1, 2060 Gardermoen",
        capacity=1,
        questions=QUESTIONS,
        programme=PROGRAMME,
        series=series,
    )
    make_event(days=14, series=series, title="Andre økt")
    page.goto(event_index.url)
    expect(page.get_by_role("link", name="Samling på Gardermoen")).to_be_visible()
    assert_accessible(page)

    first = UserFactory(email="forst@example.no", preferred_language=language)
    sign_in(page, first.email, PASSWORD)
    page.goto(event.url)
    assert_accessible(page)
    page.locator(REGISTER).click()
    expect(page.locator(".error-summary")).to_be_visible()  # the required question
    assert_accessible(page)
    page.locator("input[type=radio][value=yes]").check()
    page.locator("textarea").fill("Glutenfri")
    page.locator(REGISTER).click()
    expect(page.locator(".event-registration .badge--success")).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(person=first, event=event).is_confirmed

    second = UserFactory(email="andre@example.no", preferred_language=language)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    sign_in(page, second.email, PASSWORD)
    page.goto(event.url)
    page.locator("input[type=radio][value=no]").check()
    page.locator(REGISTER).click()
    expect(page.locator(".event-registration .badge--warning")).to_contain_text("1")
    assert_accessible(page)

    page.goto(reverse("home:dashboard"))
    expect(page.locator("#events-heading")).to_be_visible()
    assert_accessible(page)

    page.goto(event.url)
    page.locator(CANCEL).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Registration.objects.get(person=second, event=event).is_cancelled


def test_a_place_given_up_from_the_e_mail_link(page, language, viewport, make_event):
    from events.notifications import give_up_token

    event = make_event(title="Webinar om veiledning", meeting_url="https://zoom.example.no/j/1")
    registration = register(person=UserFactory(preferred_language=language), event=event)
    page.goto(reverse("events:give_up", args=[give_up_token(registration)]))
    assert_accessible(page)
    page.locator("main .inline-form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(pk=registration.pk).is_cancelled


def test_answering_the_evaluation_poll(page, language, viewport, make_event):
    event = make_event(days=-1, title="Holdt webinar")
    attendee = UserFactory(email="deltaker@example.no", preferred_language=language)
    register(person=attendee, event=event, now=event.starts_at - timedelta(days=3))
    sign_in(page, attendee.email, PASSWORD)
    page.goto(reverse("home:dashboard"))
    page.locator(f".next-steps__link[href='{reverse('events:poll', args=[event.pk])}']").click()
    expect(page).to_have_url(re.compile(r"/evaluering/$"))
    expect(page.locator("input[name=rating]").first).to_be_visible()
    assert_accessible(page)
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=rating][value='5']").check()
    page.locator("input[name=best]").first.check()
    page.locator("input[name=time_use][value=well]").check()
    page.locator("textarea[name=comment]").fill("Gode samtaler i gruppene.")
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/min-side/$"))
    answer = PollAnswer.objects.get(event=event)
    assert (answer.rating, answer.comment) == (5, "Gode samtaler i gruppene.")


def test_organiser_checks_in_reads_results_and_makes_groups(page, language, viewport, make_event):
    event = make_event(days=-1, title="Webinar 2", kind=EventKind.WEBINAR)
    people = [UserFactory(full_name=f"Deltaker {n:02d}") for n in range(7)]
    for person in people:
        register(person=person, event=event, now=event.starts_at - timedelta(days=2))
    for registration in Registration.objects.filter(event=event)[:6]:
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)
    organiser = UserFactory(
        email="arr@example.no",
        is_staff=True,
        staff_role=StaffRole.NETWORK_ORGANISER,
        preferred_language=language,
    )
    sign_in(page, organiser.email, PASSWORD)
    page.goto(reverse("events:organiser"))
    assert_accessible(page)

    page.goto(reverse("events:checkin", args=[event.pk]))
    page.locator("#checkin-search").fill("Deltaker 06")
    page.locator("#checkin-search").press("Enter")
    expect(page.locator(".checkin-list__item")).to_have_count(1)
    page.locator(".checkin-list__item button[value=attended]").click()
    expect(page.locator(".checkin-list__item .badge--success")).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.filter(event=event, attendance="attended").count() == 7

    page.goto(reverse("events:poll_results", args=[event.pk]))
    assert_accessible(page)

    page.goto(reverse("events:breakout", args=[event.pk]))
    page.locator("#id_exercises").fill("2")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".breakout__group")).to_have_count(4)  # two rooms in each exercise
    assert_accessible(page)
    shared = page.locator(".share-link a").get_attribute("href")
    page.context.clear_cookies()
    page.goto(shared)
    expect(page.locator(".breakout__seats li")).to_have_count(14)
    assert_accessible(page)


def test_learning_network_and_team_registration(page, language, viewport, make_event, network_team):
    coordinator = UserFactory(email="koord@example.no", preferred_language=language)
    member = UserFactory(full_name="Mona Mentor")
    TeamMembership.objects.create(team=network_team, person=coordinator, role=TeamRole.COORDINATOR)
    TeamMembership.objects.create(team=network_team, person=member, role=TeamRole.MENTOR)
    event = make_event(
        title="Samling 2", audience="network", network=network_team.network, questions=QUESTIONS
    )
    page.goto(network_team.network.get_parent().url)
    assert_accessible(page)
    page.goto(network_team.network.url)
    expect(page.get_by_role("link", name="Samling 2")).to_be_visible()
    assert_accessible(page)

    sign_in(page, coordinator.email, PASSWORD)
    page.goto(reverse("events:team", args=[event.pk, network_team.pk]))
    assert_accessible(page)
    page.get_by_label(re.compile("Mona Mentor")).check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page)
    assert Registration.objects.get(person=member, event=event).registered_by == coordinator
