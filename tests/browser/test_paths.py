"""Short paths for every role, in a real browser: signing in lands on Min side
with its next steps, Min side is in the phone's top bar, a finished course
leads to its certificate and the scheme, and the advisor has one list of what
waits for review. axe runs on every page."""

import re

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from courses.services import complete_lesson
from mentornett.accounts.models import Profession, Profile
from network.services import save_draft, submit
from tests.factories import PASSWORD, UserFactory

from .conftest import assert_accessible, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WORDS = {
    "nb": {
        "my_page": "Min side",
        "next_steps": "Neste steg",
        "menu": "Meny",
        "continue": "Fortsett Menteekurs",
        "finish": "Marker leksjonen som fullført",
        "completed": "Kurset er fullført",
        "pdf": "Last ned PDF",
        "verify": "Offentlig kontrollside",
        "badge": "Open Badge (.jwt)",
        "apply": "Søk mentorordningen nå",
        "waiting": "1 innlevering fra teamene dine venter på din gjennomgang",
        "queue": "Venter på din gjennomgang",
    },
    "en": {
        "my_page": "My page",
        "next_steps": "Next steps",
        "menu": "Menu",
        "continue": "Continue Menteekurs",
        "finish": "Mark the lesson as done",
        "completed": "Course completed",
        "pdf": "Download PDF",
        "verify": "Public verification page",
        "badge": "Open Badge (.jwt)",
        "apply": "Apply to the mentor scheme now",
        "waiting": "1 submission from your teams waits for your review",
        "queue": "Waiting for your review",
    },
}


def vet_student(language):
    person = UserFactory(full_name="Siri Student", preferred_language=language)
    Profile.objects.update_or_create(user=person, defaults={"profession": Profession.VET_STUDENT})
    return person


def test_signing_in_lands_on_min_side_with_the_next_steps(page, language, viewport, make_course):
    words = WORDS[language]
    course, lessons = make_course(lessons=2, mandatory_for="mentee", title="Menteekurs")
    person = vet_student(language)
    complete_lesson(learner=person, lesson=lessons[0])

    sign_in(page, person.email, PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text(words["my_page"])
    card = page.locator("section.next-steps")
    expect(card.get_by_role("heading", level=2)).to_have_text(words["next_steps"])
    first = card.locator(".next-steps__link").first
    expect(first).to_have_text(words["continue"])
    assert_accessible(page)

    first.click()
    expect(page).to_have_url(re.compile(re.escape(lessons[1].url) + "$"))
    assert_accessible(page)


def test_min_side_is_in_the_top_bar_on_a_phone(page, language, viewport):
    words = WORDS[language]
    person = UserFactory(preferred_language=language)
    sign_in(page, person.email, PASSWORD)
    page.goto("/")

    # One "Min side" link shows, without opening any menu: in the bar on a
    # phone, in the menu on a wide screen.
    link = page.get_by_role("link", name=words["my_page"], exact=True)
    expect(link).to_have_count(1)
    expect(link).to_be_visible()
    in_bar = page.locator(".site-header__bar > a.site-header__shortcut")
    if viewport == "phone":
        expect(in_bar).to_be_visible()
        box = in_bar.bounding_box()
        assert box["y"] < 80 and box["height"] >= 44  # in the bar, a finger-sized target
        # Keyboard order: skip link, the brand, Min side, then the menu button.
        focused = []
        for _ in range(4):
            page.keyboard.press("Tab")
            focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        assert focused[2] == words["my_page"]
        assert focused[3].endswith(words["menu"])
    else:
        expect(in_bar).to_be_hidden()
    assert_accessible(page)

    link.click()
    expect(page).to_have_url(re.compile(r"/min-side/$"))
    expect(page.locator(".site-header a[aria-current=page]").first).to_have_text(words["my_page"])
    assert_accessible(page)


def test_a_finished_course_leads_to_the_certificate_and_the_scheme(
    page, language, viewport, make_course
):
    words = WORDS[language]
    course, (lesson,) = make_course(lessons=1, mandatory_for="mentee", title="Menteekurs")
    person = vet_student(language)
    sign_in(page, person.email, PASSWORD)

    page.goto(lesson.url)
    page.get_by_role("button", name=words["finish"]).click()

    expect(page).to_have_url(re.compile(rf"/kurs/{course.pk}/fullfort/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["completed"])
    for name in ("pdf", "verify", "badge", "apply"):
        expect(page.get_by_role("link", name=words[name])).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=words["apply"]).click()
    expect(page).to_have_url(re.compile(re.escape(reverse("scheme:applications")) + "$"))
    assert_accessible(page)

    page.go_back()
    page.get_by_role("link", name=words["verify"]).click()
    expect(page).to_have_url(re.compile(r"/kursbevis/MN-"))
    assert_accessible(page)


def test_the_advisor_goes_from_min_side_to_the_queue_and_the_work(page, language, viewport, world):
    words = WORDS[language]
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
    page.locator(".next-steps__link", has_text=words["waiting"]).click()

    expect(page).to_have_url(re.compile(r"/mine-team/til-gjennomgang/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["queue"])
    item = page.get_by_role("link", name="Sarpsborg: Statusrapport før samling 2")
    expect(item).to_be_visible()
    assert_accessible(page)

    item.click()
    task_url = reverse("network:task", args=[world.team_a.pk, world.status_task.pk])
    expect(page).to_have_url(re.compile(re.escape(task_url) + "$"))
    assert_accessible(page)
