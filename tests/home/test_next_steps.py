"""Signing in lands on Min side, which opens with "Neste steg": the one or few
most pressing things for the person, from every part of the site."""

from datetime import date, timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from courses.services import complete_lesson
from events.models import Attendance, Registration, RegistrationStatus
from events.services import register
from mentornett.accounts.models import Profession, Profile
from network.models import ApplicationStatus, ClaimCategory, Municipality, TeamRole
from network.scheme.services import applications as scheme_services
from network.scheme.services import relationships as relationship_services
from network.services import invite_member, save_draft, submit
from tests.factories import PASSWORD, UserFactory
from tests.scheme.fixtures import active_relationship, complete_application, receipt

pytestmark = pytest.mark.django_db

MIN_SIDE = "/min-side/"


def steps_of(client, person):
    """The "Neste steg" card's links, as (text, address), in order."""
    client.force_login(person)
    html = client.get(MIN_SIDE).content.decode()
    start = html.index('id="next-steps-heading"')
    card = html[start : html.index("</section>", start)]
    links = []
    for part in card.split('class="next-steps__link" href="')[1:]:
        url, rest = part.split('">', 1)
        links.append((rest.split("</a>", 1)[0], url))
    return links, card


def complete_profile(person, profession=Profession.NURSE):
    person.phone = "912 34 567"
    person.save()
    municipality = Municipality.objects.get_or_create(
        number="3427", defaults={"name": "Tynset", "county": "Innlandet"}
    )[0]
    Profile.objects.update_or_create(
        user=person, defaults={"profession": profession, "home_municipality": municipality}
    )


# --- where signing in lands ---------------------------------------------------------


def test_signing_in_lands_on_min_side(client):
    person = UserFactory()
    response = client.post("/konto/login/", {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == MIN_SIDE


def test_a_next_address_still_wins_over_min_side(client):
    person = UserFactory()
    response = client.post(
        "/konto/login/?next=/kurs/", {"login": person.email, "password": PASSWORD}
    )
    assert response["Location"] == "/kurs/"


def test_a_signed_in_person_who_opens_the_sign_in_page_goes_to_min_side(client):
    client.force_login(UserFactory())
    assert client.get("/konto/login/")["Location"] == MIN_SIDE


# --- what the card says --------------------------------------------------------------


def test_min_side_opens_with_the_next_steps_card(client):
    person = UserFactory()
    client.force_login(person)
    html = client.get(MIN_SIDE).content.decode()
    assert html.index("<h1>Min side</h1>") < html.index(">Neste steg</h2>")
    assert html.index(">Neste steg</h2>") < html.index(">Mine kurs</h2>")


def test_a_new_vet_student_is_told_to_start_the_course_then_fill_in_the_profile(
    client, make_course
):
    course, _lessons = make_course(lessons=1, mandatory_for="mentee", title="Menteekurs")
    person = UserFactory(full_name="Siri Student")
    Profile.objects.update_or_create(user=person, defaults={"profession": Profession.VET_STUDENT})

    links, card = steps_of(client, person)

    assert links == [
        ("Start Menteekurs", course.url),
        ("Fyll ut profilen din", reverse("accounts:profile")),
    ]
    assert "2 av 5 gjort" in card


def test_a_nurse_is_not_sent_to_the_vet_schemes_course(client, make_course):
    make_course(lessons=1, mandatory_for="mentee", title="Menteekurs")
    person = UserFactory()
    complete_profile(person, Profession.NURSE)

    links, _card = steps_of(client, person)

    assert links == []


def test_a_course_in_progress_leads_to_its_next_lesson(client, make_course):
    course, lessons = make_course(lessons=3, title="Mentorkurs")
    person = UserFactory()
    complete_profile(person)
    complete_lesson(learner=person, lesson=lessons[0])

    links, card = steps_of(client, person)

    assert links == [("Fortsett Mentorkurs", lessons[1].url)]
    assert "Neste leksjon: Leksjon 2" in card


def test_the_team_deadline_comes_first_and_an_overdue_one_says_so(client, world):
    complete_profile(world.member_a)
    links, card = steps_of(client, world.member_a)
    task_url = reverse("network:task", args=[world.team_a.pk, world.status_task.pk])
    assert links[0] == ("Send inn «Statusrapport før samling 2»", task_url)
    assert "Teamet i Sarpsborg" in card
    assert "Forfalt" not in card

    world.gathering.starts_at = timezone.now() - timedelta(days=1)
    world.gathering.ends_at = world.gathering.starts_at + timedelta(hours=3)
    world.gathering.save_revision().publish()
    links, card = steps_of(client, world.member_a)
    assert links[0] == ("Send inn «Statusrapport før samling 2»", task_url)
    assert "Forfalt" in card


def test_an_invitation_to_a_team_waits_for_an_answer(client, world):
    invited = UserFactory(email="ny@sarpsborg.kommune.no")
    complete_profile(invited)
    invite_member(
        team=world.team_a,
        email="Ny@Sarpsborg.kommune.no",
        role=TeamRole.MENTOR,
        invited_by=world.coordinator_a,
    )

    links, card = steps_of(client, invited)

    ((text, url),) = links
    assert text == "Svar på invitasjonen til teamet i Sarpsborg"
    assert url.startswith("/invitasjon/")
    assert "svar innen" in card
    assert client.get(url).status_code == 200


def test_an_invitation_to_a_scheme_application_waits_for_an_answer(client, scheme):
    draft = complete_application(scheme)
    draft.mentee = None
    draft.save()
    invited = UserFactory(email="ny.mentee@example.no")
    complete_profile(invited, Profession.VET_STUDENT)
    scheme_services.invite_party(application=draft, email=invited.email, invited_by=scheme.mentor)

    links, card = steps_of(client, invited)

    assert links[0][0] == "Svar på invitasjonen til å søke mentorordningen sammen"
    assert links[0][1].startswith("/ordningen/invitasjon/")
    assert "Fra Marit Mentor" in card


def test_an_ended_relationship_asks_for_the_evaluation_and_the_last_claims(client, scheme):
    office = UserFactory()
    application = active_relationship(scheme, office=office)
    scheme_services.change_status(
        application=application,
        user=office,
        expected=ApplicationStatus.ACTIVE,
        to=ApplicationStatus.ENDED,
    )
    complete_profile(scheme.mentee, Profession.VET_STUDENT)

    links, _card = steps_of(client, scheme.mentee)

    assert ("Evaluer mentorforholdet.", reverse("scheme:evaluation", args=[application.pk])) in (
        links
    )
    assert (
        "Send de siste kravene før utbetalingen",
        reverse("scheme:claims", args=[application.pk]),
    ) in links


def test_a_refused_claim_waits_for_the_mentee(client, scheme):
    office = UserFactory()
    application = active_relationship(scheme, office=office)
    claim = relationship_services.submit_claim(
        application=application,
        user=scheme.mentee,
        category=ClaimCategory.TRAVEL,
        description="Tog Oslo–Kongsvinger",
        amount=1000,
        spent_on=date(2026, 1, 5),
        receipt=receipt(),
    )
    relationship_services.decide_claim(
        claim=claim, user=office, approved_amount=0, note="Kvitteringen mangler dato."
    )
    complete_profile(scheme.mentee, Profession.VET_STUDENT)

    links, _card = steps_of(client, scheme.mentee)

    assert (
        "Et krav fra deg ble avslått: les hvorfor",
        reverse("scheme:claims", args=[application.pk]),
    ) in links


def test_an_event_soon_and_an_evaluation_to_answer(client, make_event):
    person = UserFactory()
    complete_profile(person)
    soon = make_event(days=3, title="Webinar om veiledning")
    later = make_event(days=40, title="Samling i høst")
    register(person=person, event=soon)
    register(person=person, event=later)
    ended = make_event(starts_at=timezone.now() - timedelta(days=1), title="Forrige webinar")
    Registration.objects.create(
        event=ended,
        person=person,
        event_title=ended.title,
        event_starts_at=ended.starts_at,
        status=RegistrationStatus.CONFIRMED,
        attendance=Attendance.ATTENDED,
    )

    links, card = steps_of(client, person)

    assert links == [
        ("Webinar om veiledning", soon.url),
        ("Svar på evalueringen av Forrige webinar", reverse("events:poll", args=[ended.pk])),
    ]
    assert "Du har plass · starter" in card


def test_an_advisor_is_sent_to_the_work_waiting_for_review(client, world):
    save_draft(
        team=world.team_a,
        task=world.status_task,
        user=world.coordinator_a,
        sections={"done": "Prosjektplan"},
        bases={"done": ""},
    )
    submit(team=world.team_a, task=world.status_task, user=world.coordinator_a)
    complete_profile(world.advisor_a)

    links, _card = steps_of(client, world.advisor_a)

    assert links == [
        ("1 innlevering fra teamene dine venter på din gjennomgang", "/mine-team/til-gjennomgang/")
    ]
    html = client.get(MIN_SIDE).content.decode()
    assert "1 innlevering venter på din gjennomgang" in html  # and in "My teams"


def test_only_the_three_most_pressing_are_shown(client, world, make_course):
    course, lessons = make_course(lessons=2)
    complete_lesson(learner=world.member_a, lesson=lessons[0])
    Profile.objects.update_or_create(user=world.member_a, defaults={"profession": ""})
    world.gathering.starts_at = timezone.now() + timedelta(days=10)
    world.gathering.ends_at = world.gathering.starts_at + timedelta(hours=3)
    world.gathering.save_revision().publish()
    register(person=world.member_a, event=world.gathering)

    links, _card = steps_of(client, world.member_a)

    assert [text for text, _url in links] == [
        "Send inn «Statusrapport før samling 2»",  # due in three days
        "Samling 2",  # in ten days
        "Fortsett Mentorkurs",
    ]


def test_when_nothing_waits_the_card_says_where_to_go(client, course_index, event_index):
    person = UserFactory()
    complete_profile(person)

    links, card = steps_of(client, person)

    assert links == []
    assert "Ingenting venter på deg nå" in card
    assert f'href="{course_index.url}"' in card
    assert f'href="{event_index.url}"' in card


def test_the_card_runs_the_same_queries_for_one_or_many_invitations_and_deadlines(
    client, world, scheme
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(person):
        client.force_login(person)
        client.get(MIN_SIDE)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(MIN_SIDE).status_code == 200
        return len(queries)

    def invite(email, n):
        for _ in range(n):
            draft = scheme_services.start_application(
                user=scheme.mentor, role="mentor", kind="temporary_licence"
            )
            scheme_services.invite_party(application=draft, email=email, invited_by=scheme.mentor)
        for team in (world.team_a, world.team_b)[:n]:
            invite_member(team=team, email=email, role=TeamRole.MENTOR, invited_by=world.organiser)

    one, many = UserFactory(email="en@example.no"), UserFactory(email="mange@example.no")
    invite(one.email, 1)
    invite(many.email, 4)

    assert count(one) == count(many)
