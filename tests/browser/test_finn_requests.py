"""Finn mentor's requests in a real browser, as the issue puts it: a vet
student in Ås with no contacts finds mentors about 300 km away, sends one
request to two of them in order, the first declines, the second accepts, and
the application draft opens with the mentor, the type, the period and the
municipality filled in. The mentors follow the link in their e-mail. Contact
details appear only after the accept. axe runs on every page."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.urls import reverse

from network.models import (
    MenteePeriod,
    MenteeProfile,
    Municipality,
    MunicipalityNeed,
    MunicipalityNeedKind,
)
from network.scheme.matching import geography
from tests.factories import PASSWORD, UserFactory
from tests.scheme.finn_request_fixtures import NEXT_YEAR

from .conftest import assert_accessible, sign_in
from .pickers import choose_in_picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AAS = ("3218", "Ås", "Akershus")
STARTS_ON = date(NEXT_YEAR, 3, 2)
ENDS_ON = date(NEXT_YEAR, 4, 30)
MESSAGE = "Jeg går tredje året på NMBU og vil lære stordyrpraksis."

TEXT = {
    "nb": {
        "from": "fra",
        "end_before_start": "Slutten må være samme dag som starten eller senere.",
        "own_place": "Gi hvert valg sin egen plass i rekkefølgen.",
        "sent": "Forespørselen er sendt. Ditt første valg har fem dager på å svare.",
        "about": "Om Magnus Mentee",
        "declined": "Du har sagt nei. Forespørselen går videre.",
        "accepted": "Du har sagt ja. Nå ser du hvordan du når dem.",
        "status_accepted": "Sa ja",
        "status_declined": "Sa nei",
        "status_asked": "Spurt",
        "status_queue": "I kø",
        "kind": "Påsitterpraksis (student i utplassering)",
        "open_draft": "Åpne søknadsutkastet",
        "needs": "Kommuner i nærheten som trenger veterinær",
        "temporary_vet": "En vikarveterinær",
    },
    "en": {
        "from": "from",
        "end_before_start": "The end must be on or after the start.",
        "own_place": "Give each choice its own place in the order.",
        "sent": "The request is sent. Your first choice has five days to answer.",
        "about": "About Magnus Mentee",
        "declined": "You have declined. The request goes on.",
        "accepted": "You have accepted. You now see how to reach them.",
        "status_accepted": "Accepted",
        "status_declined": "Declined",
        "status_asked": "Asked",
        "status_queue": "In the queue",
        "kind": "Student placement",
        "open_draft": "Open the application draft",
        "needs": "Municipalities nearby that need a vet",
        "temporary_vet": "A temporary vet",
    },
}


def km_from_aas(place) -> int:
    km = geography.distance_km(geography.centre(AAS[0]), geography.centre(place.number))
    return int(km + 0.5)  # as mentornett.formatting.kilometres rounds


def link_for(person) -> str:
    """The link to the request in the last e-mail `person` was sent."""
    (body,) = [message.body for message in mail.outbox if message.to == [person.email]][-1:]
    return re.search(r"https?://\S+/ordningen/finn-mentor/foresporsler/\d+/", body).group(0)


def follow_as(page, person, language, link):
    """Signed out, `person` opens the link in their e-mail and signs in."""
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": link}])
    page.goto(link)
    expect(page).to_have_url(re.compile(r"/konto/login/"))
    page.locator("#id_login").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(link)


def test_a_student_far_from_the_mentors_is_declined_then_accepted(page, language, viewport, finn):
    text = TEXT[language]
    aas, _created = Municipality.objects.get_or_create(
        number=AAS[0], defaults={"name": AAS[1], "county": AAS[2]}
    )
    student = finn.mentee
    student.preferred_language = language
    student.phone = "+47 912 34 567"
    student.save()
    profile = MenteeProfile.objects.get(user=student)
    profile.municipality = aas
    profile.save()
    MenteePeriod.objects.create(profile=profile, starts_on=STARTS_ON, ends_on=ENDS_ON)
    people = {
        key: UserFactory(full_name=name, preferred_language=language)
        for key, name in [
            ("tolga", "Ingrid Haugen"),
            ("tynset", "Ola Bakken"),
            ("tromso", "Siri Nordli"),
        ]
    }
    mentors = {key: finn.mentor(user.full_name, key, user=user) for key, user in people.items()}
    tolga, tynset = finn.places["tolga"], finn.places["tynset"]
    assert 250 < km_from_aas(tynset) < km_from_aas(tolga) < 350
    MunicipalityNeed.objects.create(municipality=tolga, kind=MunicipalityNeedKind.TEMPORARY_VET)

    # The student searches near Ås; a period that ends before it starts is
    # refused on the field, with the search kept.
    sign_in(page, student.email, PASSWORD)
    page.goto(reverse("finn:directory"))
    assert_accessible(page)
    choose_in_picker(page, "#id_municipality", "Ås")
    page.locator("#id_distance").select_option("400")
    page.locator("#id_starts_on").fill(ENDS_ON.isoformat())
    page.locator("#id_ends_on").fill(STARTS_ON.isoformat())
    page.locator("form[aria-labelledby=search-heading] button[type=submit]").click()
    expect(page.locator("#id_ends_on_error")).to_contain_text(text["end_before_start"])
    expect(page.locator("#id_municipality")).to_have_value("Ås")
    expect(page.locator("#id_distance")).to_have_value("400")
    expect(page.locator("#id_starts_on")).to_have_value(ENDS_ON.isoformat())
    assert_accessible(page)
    page.locator("#id_starts_on").fill(STARTS_ON.isoformat())
    page.locator("#id_ends_on").fill(ENDS_ON.isoformat())
    page.locator("form[aria-labelledby=search-heading] button[type=submit]").click()

    # Both mentors some 300 km away are found, nearest first, with the
    # distance as the reason; the one in Tromsø is beyond 400 km.
    cards = page.locator("#results-heading ~ form article.card")
    expect(cards).to_have_count(2)
    for card, (key, place) in zip(cards.all(), [("tynset", tynset), ("tolga", tolga)], strict=True):
        expect(card.locator("h3")).to_have_text(people[key].full_name)
        reason = rf"{km_from_aas(place)}\s+km {text['from']} Ås"
        expect(card).to_contain_text(re.compile(reason))
    expect(page.locator("main")).not_to_contain_text("Siri Nordli")
    # Tolga's need for a vet shows below the mentors.
    needs = page.get_by_role("region", name=text["needs"])
    expect(needs.get_by_role("link", name=text["temporary_vet"])).to_be_visible()
    assert_accessible(page)
    for key in ("tolga", "tynset"):
        tick = page.locator(f"input[name=velg][value='mentor:{mentors[key].pk}']")
        assert tick.bounding_box()["height"] >= 24, "a box a thumb can hit"
        tick.check()
    page.locator(f"form[action='{reverse('finn:new_request')}'] button[type=submit]").click()

    # The request: the period comes from the student's profile. The same
    # place twice is refused on both rows, with the message kept.
    rank = {key: page.locator(f"select[name='rank-mentor-{mentors[key].pk}']") for key in mentors}
    expect(rank["tynset"]).to_have_value("1")
    expect(rank["tolga"]).to_have_value("2")
    expect(page.locator("#id_starts_on")).to_have_value(STARTS_ON.isoformat())
    expect(page.locator("#id_ends_on")).to_have_value(ENDS_ON.isoformat())
    assert_accessible(page)
    rank["tolga"].select_option("1")
    page.locator("#id_message").fill(MESSAGE)
    page.locator("form.form button[type=submit]").click()
    for key in ("tolga", "tynset"):
        error = page.locator(f"#id_rank-mentor-{mentors[key].pk}_error")
        expect(error).to_contain_text(text["own_place"])
    expect(page.locator("#id_message")).to_have_value(MESSAGE)
    assert_accessible(page)
    # The student would rather go to Tolga first.
    rank["tynset"].select_option("2")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text(text["sent"])
    steps = page.locator("#choices-heading + ol > li")
    expect(steps.nth(0)).to_contain_text(f"1. {people['tolga'].full_name}")
    expect(steps.nth(0)).to_contain_text(text["status_asked"])
    expect(steps.nth(1)).to_contain_text(f"2. {people['tynset'].full_name}")
    expect(steps.nth(1)).to_contain_text(text["status_queue"])
    assert_accessible(page)
    assert not [m for m in mail.outbox if m.to == [people["tynset"].email]]

    # The first choice follows the e-mail, sees no contact details, declines.
    follow_as(page, people["tolga"], language, link_for(people["tolga"]))
    expect(page.locator("#mentee-heading")).to_have_text(text["about"])
    expect(page.locator("main")).to_contain_text(MESSAGE)
    assert student.email not in page.content()
    assert "912 34 567" not in page.content()
    assert_accessible(page)
    page.locator("#id_message").fill("Beklager, vi er fulle i vår.")
    page.locator("button[name=answer][value=decline]").click()
    expect(page.locator(".messages")).to_contain_text(text["declined"])
    assert student.email not in page.content()
    assert_accessible(page)

    # It passes on to the second, who sees no contact details until accepting.
    follow_as(page, people["tynset"], language, link_for(people["tynset"]))
    expect(page.locator("#mentee-heading")).to_have_text(text["about"])
    assert student.email not in page.content()
    assert "912 34 567" not in page.content()
    assert_accessible(page)
    page.locator("#id_message").fill("Velkommen til Tynset!")
    page.locator("button[name=answer][value=accept]").click()
    expect(page.locator(".messages")).to_contain_text(text["accepted"])
    expect(page.locator(".contact-box")).to_contain_text(student.email)
    assert_accessible(page)

    # The student sees it accepted, with how to reach the mentor, and opens
    # the draft, filled in.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    sign_in(page, student.email, PASSWORD)
    page.goto(reverse("finn:requests"))
    sent = page.locator("#sent-heading ~ ul article.card")
    expect(sent).to_have_count(1)
    expect(sent.locator("p > .badge")).to_contain_text(text["status_accepted"])
    assert_accessible(page)
    sent.locator("h3 a").click()
    expect(steps.nth(0)).to_contain_text(text["status_declined"])
    expect(steps.nth(0)).to_contain_text("Beklager, vi er fulle i vår.")
    expect(steps.nth(1)).to_contain_text(text["status_accepted"])
    expect(page.locator(".contact-box")).to_contain_text(people["tynset"].email)
    expect(page.locator(".contact-box")).not_to_contain_text(people["tolga"].email)
    assert_accessible(page)
    page.get_by_role("link", name=text["open_draft"]).click()
    expect(page.locator("h1")).to_have_text(text["kind"])
    expect(page.locator("#gate-heading + p + ul")).to_contain_text(people["tynset"].full_name)
    expect(page.locator("#id_starts_on")).to_have_value(STARTS_ON.isoformat())
    expect(page.locator("#id_ends_on")).to_have_value(ENDS_ON.isoformat())
    expect(page.locator("#id_municipality")).to_have_value("Tynset")
    assert_accessible(page)
