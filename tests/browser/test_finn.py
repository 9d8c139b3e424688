"""Finn mentor in a real browser: the office matches a published search from
its board and both parties accept; a municipality contact registers, is
verified and publishes a need a student answers; and the public national
overview. Each person follows the links in their e-mail. axe runs on every
page."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from mentornett.accounts.models import Profession
from mentornett.accounts.roles import StaffRole
from network.models import (
    Application,
    HubMentor,
    HubStatus,
    MatchProposal,
    MentorHub,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityNeedKind,
    NeedInterest,
    ProposalStatus,
)
from network.scheme.matching.services.answers import answer_search
from network.scheme.matching.services.freshness import token_for
from tests.factories import PASSWORD, ProfileFactory, UserFactory
from tests.scheme.finn_board_helpers import (
    LATER,
    SOON,
    list_mentor,
    municipality,
    publish_search,
    tynset,
)

from .conftest import assert_accessible, sign_in
from .pickers import choose_in_picker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = {
    "nb": {
        "parts": ["Avstand", "Periode", "Relasjonstype", "Dyr", "Kapasitet", "Bolig"],
        "propose_pair": "Foreslå dette paret",
        "send_proposal": "Send forslaget",
        "waiting_answers": "Venter på svar",
        "yes": "Ja, jeg er interessert",
        "you_said_yes": "Du sa ja. Vi gir deg beskjed når den andre har svart.",
        "both_said_yes": "Begge sa ja",
        "lives_in": "Bor eller jobber i",
        "contact_details": "Kontaktopplysninger",
        "open_draft": "Åpne søknadsutkastet",
        "required": "Dette feltet er påkrevet.",
        "waiting_for_office": "Venter på programkontoret",
        "must_verify": "Programkontoret må bekrefte deg før du kan handle for kommunen.",
        "verify": "Bekreft",
        "verified": "er bekreftet som kontaktperson for Tynset.",
        "end_before_start": "Slutten må være samme dag som starten eller senere.",
        "shown": "Vises i Finn mentor",
        "temporary_vet": "En vikarveterinær",
        "interested": "Jeg er interessert",
        "told": "Du sa fra til Tynset",
        "overview_caption": "Oppført i Finn mentor, etter fylke",
    },
    "en": {
        "parts": ["Distance", "Period", "Relationship type", "Animals", "Capacity", "Housing"],
        "propose_pair": "Propose this pair",
        "send_proposal": "Send the proposal",
        "waiting_answers": "Waiting for their answers",
        "yes": "Yes, I am interested",
        "you_said_yes": "You said yes. We let you know when the other has answered.",
        "both_said_yes": "Both said yes",
        "lives_in": "Lives or works in",
        "contact_details": "Contact details",
        "open_draft": "Open the application draft",
        "required": "This field is required.",
        "waiting_for_office": "Waiting for the programme office",
        "must_verify": "The programme office must verify you before you can act for the "
        "municipality.",
        "verify": "Verify",
        "verified": "is verified as the contact for Tynset.",
        "end_before_start": "The end must be on or after the start.",
        "shown": "Shown in Finn mentor",
        "temporary_vet": "A temporary vet",
        "interested": "I am interested",
        "told": "You told Tynset",
        "overview_caption": "Listed in Finn mentor, by county",
    },
}


def link_in_mail(person, path_pattern: str) -> str:
    """The path of the latest e-mail to `person` whose body holds a link
    matching `path_pattern`."""
    for message in reversed(mail.outbox):
        if person.email in message.to:
            found = re.search(path_pattern, message.body)
            if found:
                return found.group(0)
    raise AssertionError(f"No e-mail to {person.email} links to {path_pattern}")


def follow_as(page, language, person, path):
    """`person` opens the link from an e-mail while signed out: the sign-in
    page, then back to where the link led."""
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/konto/login/"))
    page.locator("#id_login").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))


def speaking(language, *people):
    """A signed-in person reads the site in their own language, not the cookie's."""
    for person in people:
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])
    return people


def switch_to(page, language, person):
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "mentornett_language", "value": language, "url": page.url}])
    sign_in(page, person.email, PASSWORD)


def test_the_office_matches_a_search_and_both_accept(page, language, viewport, scheme, staff_user):
    text = TEXT[language]
    mentor, mentee = scheme.mentor, scheme.mentee
    place = tynset()
    list_mentor(mentor, place)
    publish_search(mentee, place=municipality("3403", "Hamar", "Innlandet"), wanted=[place])
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    speaking(language, office, mentor, mentee)

    sign_in(page, office.email, PASSWORD)
    page.goto(reverse("finn:board"))
    candidate = page.locator(".finn-candidate", has_text=mentor.full_name)
    expect(candidate).to_be_visible()
    parts = candidate.locator(".finn-candidate__parts li")
    expect(parts).to_have_count(len(text["parts"]))
    labels = {line.split(":")[0] for line in parts.all_inner_texts()}
    assert labels == set(text["parts"])
    assert_accessible(page)
    candidate.get_by_role("link", name=text["propose_pair"]).click()
    expect(page.locator("#id_candidate")).to_have_value(f"mentor:{mentor.pk}")
    assert_accessible(page)
    page.locator("#id_message").fill("Dere bor nær hverandre og liker begge storfe.")
    page.get_by_role("button", name=text["send_proposal"]).click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("#proposals-heading + ul")).to_contain_text(text["waiting_answers"])
    assert_accessible(page)
    proposal = MatchProposal.objects.get()
    assert (proposal.mentee, proposal.mentor) == (mentee, mentor)
    proposal_path = reverse("finn:proposal", args=[proposal.pk])

    # The mentee opens the e-mail's link: the mentor's address is not there yet.
    follow_as(page, language, mentee, link_in_mail(mentee, re.escape(proposal_path)))
    expect(page.locator("main")).to_contain_text("Dere bor nær hverandre")
    expect(page.locator("main")).not_to_contain_text(mentor.email)
    assert_accessible(page)
    page.get_by_role("button", name=text["yes"]).click()
    expect(page.locator(".messages")).to_contain_text(text["you_said_yes"])
    assert_accessible(page)

    follow_as(page, language, mentor, link_in_mail(mentor, re.escape(proposal_path)))
    expect(page.locator("#search-heading + dl")).to_contain_text(text["lives_in"])
    expect(page.locator("main")).not_to_contain_text(mentee.email)
    assert_accessible(page)
    page.get_by_role("button", name=text["yes"]).click()
    contacts = page.locator(".contact-box")
    expect(contacts).to_contain_text(text["contact_details"])
    expect(contacts).to_contain_text(mentee.email)
    expect(page.locator("main")).to_contain_text(text["both_said_yes"])
    assert_accessible(page)

    follow_as(page, language, mentee, proposal_path)
    expect(page.locator(".contact-box")).to_contain_text(mentor.email)
    assert_accessible(page)
    page.get_by_role("link", name=text["open_draft"]).click()
    # The draft has both parties, the type, the period and the municipality.
    application = Application.objects.get()
    assert (application.mentee, application.mentor) == (mentee, mentor)
    assert application.kind == proposal.kind
    expect(page).to_have_url(
        re.compile(re.escape(reverse("scheme:application", args=[application.pk])) + "$")
    )
    expect(page.locator("#id_starts_on")).to_have_value(SOON.isoformat())
    expect(page.locator("#id_ends_on")).to_have_value(LATER.isoformat())
    expect(page.locator("#id_municipality")).to_have_value(place.name)
    assert_accessible(page)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED


def test_a_municipality_contact_is_verified_and_a_student_answers_a_need(
    page, language, viewport, staff_user
):
    text = TEXT[language]
    place = tynset()
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    contact_person = UserFactory(full_name="Kari Kommune")
    student = UserFactory(full_name="Siri Student")
    publish_search(student, listed=False)
    speaking(language, office, contact_person, student)

    sign_in(page, contact_person.email, PASSWORD)
    page.goto(reverse("finn:register_contact"))
    assert_accessible(page)
    # No municipality: the message is on the field, the role is kept.
    page.locator("#id_role").fill("Landbruksrådgiver")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#id_municipality_error")).to_contain_text(text["required"])
    expect(page.locator("#id_role")).to_have_value("Landbruksrådgiver")
    assert_accessible(page)
    choose_in_picker(page, "#id_municipality", place.name)
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#my-registrations-heading + ul")).to_contain_text(
        text["waiting_for_office"]
    )
    assert_accessible(page)
    page.goto(reverse("finn:municipality", args=[place.pk]))
    expect(page.locator(".callout--warning")).to_contain_text(text["must_verify"])
    assert_accessible(page)
    contact = MunicipalityContact.objects.get(user=contact_person)
    assert contact.verified_at is None

    follow_as(
        page, language, office, link_in_mail(office, re.escape(reverse("finn:office_contacts")))
    )
    card = page.locator(f"#contact-{contact.pk}")
    expect(card).to_contain_text("Landbruksrådgiver")
    assert_accessible(page)
    card.get_by_role("button", name=text["verify"]).click()
    expect(page.locator(".messages")).to_contain_text(text["verified"])
    assert_accessible(page)

    municipality_path = reverse("finn:municipality", args=[place.pk])
    follow_as(
        page, language, contact_person, link_in_mail(contact_person, re.escape(municipality_path))
    )
    assert_accessible(page)
    page.locator("#id_coverage").fill("To veterinærer dekker hele dalen, og vakten er tung.")
    page.locator("input[name=offers][value=flat]").check()
    page.locator("#id_listed").check()
    page.locator("form:has(#id_coverage) button[type=submit]").click()
    expect(page.locator("#profile-heading + p")).to_contain_text(text["shown"])
    assert_accessible(page)
    # A period that ends before it starts: the message is on the end, the rest is kept.
    starts_on = timezone.localdate() + timedelta(days=30)
    need_form = page.locator(f"form[action$='{reverse('finn:publish_need', args=[place.pk])}']")
    need_form.locator(f"input[name=kind][value={MunicipalityNeedKind.TEMPORARY_VET}]").check()
    need_form.locator("#id_starts_on").fill(starts_on.isoformat())
    need_form.locator("#id_ends_on").fill((starts_on - timedelta(days=7)).isoformat())
    need_form.locator("#id_description").fill("Vikar for distriktsveterinæren i sommer.")
    need_form.locator("button[type=submit]").click()
    expect(page.locator("#id_ends_on_error")).to_contain_text(text["end_before_start"])
    expect(page.locator("#id_starts_on")).to_have_value(starts_on.isoformat())
    expect(page.locator("#id_description")).to_have_value(
        "Vikar for distriktsveterinæren i sommer."
    )
    expect(
        page.locator(f"input[name=kind][value={MunicipalityNeedKind.TEMPORARY_VET}]")
    ).to_be_checked()
    assert_accessible(page)
    page.locator("#id_ends_on").fill((starts_on + timedelta(days=60)).isoformat())
    need_form.locator("button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/finn-mentor/behov/\d+/$"))
    need = MunicipalityNeed.objects.get()
    assert (need.kind, need.starts_on) == (MunicipalityNeedKind.TEMPORARY_VET, starts_on)
    assert_accessible(page)

    switch_to(page, language, student)
    page.goto(reverse("finn:needs"))
    assert_accessible(page)
    page.get_by_role("link", name=text["temporary_vet"]).click()
    expect(page.locator("#profile-heading")).to_be_visible()
    expect(page.locator("main")).to_contain_text("To veterinærer dekker hele dalen")
    expect(page.locator("main")).not_to_contain_text(contact_person.email)
    assert_accessible(page)
    page.locator("#id_message").fill("Jeg er ferdig utdannet i juni og kan komme i juli.")
    page.get_by_role("button", name=text["interested"]).click()
    expect(page.locator(".callout--tip")).to_contain_text(text["told"])
    assert_accessible(page)
    assert NeedInterest.objects.get().user == student


def test_the_national_overview_names_no_one(page, language, viewport, scheme):
    text = TEXT[language]
    list_mentor(scheme.mentor, tynset())
    publish_search(scheme.mentee, wanted_counties=["Troms"])
    page.goto(reverse("finn:overview"))
    table = page.locator("table.finn-overview")
    expect(table.locator("caption")).to_have_text(text["overview_caption"])
    innlandet = table.locator("tbody tr", has=page.locator("th", has_text="Innlandet"))
    expect(innlandet.locator("td").nth(0)).to_have_text("1")
    troms = table.locator("tbody tr", has=page.locator("th", has_text="Troms"))
    expect(troms.locator("td").nth(2)).to_have_text("1")
    main = page.locator("main")
    for person in (scheme.mentor, scheme.mentee):
        expect(main).not_to_contain_text(person.full_name)
    assert_accessible(page)


def test_the_other_finn_pages_pass_axe(page, language, viewport, scheme):
    """The pages the flows above do not pass through: the start page, both
    profile forms, the hub's listing, the published searches and one of
    them, the mentee's answers, the confirmation page, and what a person
    without a profile and a nurse see."""
    mentor, mentee = speaking(language, scheme.mentor, scheme.mentee)
    place = tynset()
    profile = list_mentor(mentor, place)
    search = publish_search(
        mentee, place=municipality("3403", "Hamar", "Innlandet"), wanted=[place]
    )
    hub = MentorHub.objects.create(
        name="Fjellklinikken", municipality=place, status=HubStatus.APPROVED
    )
    HubMentor.objects.create(hub=hub, user=mentor, is_contact=True)

    def visit(path):
        response = page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

    sign_in(page, mentor.email, PASSWORD)
    for path in [
        reverse("finn:start"),
        reverse("finn:mentor_profile"),
        reverse("finn:mentee_profile"),
        reverse("finn:hub_listing", args=[hub.pk]),
        reverse("finn:searches"),
        reverse("finn:search", args=[search.pk]),
    ]:
        visit(path)
    answer_search(profile=search, user=mentor, message="Velkommen til Tynset!")
    profile.confirmation_requested_at = timezone.now()
    profile.save(update_fields=["confirmation_requested_at"])
    visit(reverse("finn:confirm", args=[token_for(profile)]))

    switch_to(page, language, mentee)
    visit(reverse("finn:answers"))
    expect(page.locator("main")).to_contain_text("Velkommen til Tynset!")

    stranger, nurse = speaking(language, UserFactory(), UserFactory())
    ProfileFactory(user=nurse, profession=Profession.NURSE)
    switch_to(page, language, stranger)
    visit(reverse("finn:directory"))  # no profile yet: told to make one
    switch_to(page, language, nurse)
    visit(reverse("finn:mentor_profile"))  # Finn mentor is for vets
