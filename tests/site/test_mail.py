"""Every e-mail is composed by mentornett.mail in one layout: a subject that
names the site, a greeting by first name, text and HTML bodies, the recipient's
language. Links in them are made by mentornett.links.absolute."""

import re

import pytest

from django.core import mail
from django.test import Client

from courses.services import complete_lesson
from mentornett.accounts.personal_data import erase_account
from mentornett.links import absolute
from mentornett.mail import Message, send_message, send_to_person
from network.models import RelationshipKind, TeamRole
from network.scheme.services import applications as scheme_services
from network.services import invite_member
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _html(message) -> str:
    (html,) = [content for content, kind in message.alternatives if kind == "text/html"]
    return html


def test_absolute_joins_the_site_url_and_keeps_a_full_url(settings):
    settings.SITE_URL = "https://mentornett.no/"
    assert absolute("/kursbevis/") == "https://mentornett.no/kursbevis/"
    assert absolute("https://annet.no/side/") == "https://annet.no/side/"


def test_a_message_is_laid_out_in_text_and_html_in_the_recipients_language(
    django_capture_on_commit_callbacks,
):
    person = UserFactory(full_name="Kari Nordmann", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        send_to_person(
            person,
            lambda: Message(
                subject="Subject",
                paragraphs=["First paragraph."],
                lines=["A line"],
                action=("Open it", absolute("/min-side/")),
            ),
        )
    (message,) = mail.outbox
    assert message.subject == "Mentornett – Subject"
    assert message.to == [person.email]
    assert message.body.startswith("Hello Kari,\n\nFirst paragraph.\n\n- A line\n")
    assert "Open it: http://localhost:8000/min-side/" in message.body
    assert message.body.endswith("\nMentornett\n")
    html = _html(message)
    assert '<html lang="en">' in html
    assert "<li>A line</li>" in html
    assert '<a href="http://localhost:8000/min-side/"' in html


def test_what_people_wrote_is_escaped_in_the_html(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_message(
            to="a@example.no",
            name="<b>Ola</b>",
            language="nb",
            compose=lambda: Message(subject="Hei", paragraphs=["<script>alert(1)</script>"]),
        )
    html = _html(mail.outbox[0])
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "Hei &lt;b&gt;Ola&lt;/b&gt;," in html


def test_the_certificate_email_has_the_layout_in_the_holders_language(
    make_course, participant, django_capture_on_commit_callbacks
):
    participant.preferred_language = "en"
    participant.save()
    _course, (lesson,) = make_course(lessons=1, mandatory_for="mentor")
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(learner=participant, lesson=lesson)
    (message,) = mail.outbox
    assert message.subject == "Mentornett – Your course certificate: Mentorkurs"
    assert message.body.startswith("Hello Kari,\n\nYou have completed Mentorkurs.")
    assert "/kursbevis/MN-" in _html(message)


def test_the_account_deletion_email_has_the_layout(participant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erase_account(user=participant)
    (message,) = mail.outbox
    assert message.subject == "Mentornett – Kontoen din er slettet"
    assert message.body.startswith("Hei Kari,\n\nKontoen din på Mentornett er slettet")
    assert "bokføringsloven" in _html(message)


@pytest.mark.parametrize(
    ("language", "greeting", "subject"),
    [("nb", "Hei Ingrid,", "bekreft"), ("en", "Hello Ingrid,", "confirm")],
)
def test_sign_up_confirmation_is_in_the_layout(
    language, greeting, subject, django_capture_on_commit_callbacks
):
    client = Client()
    client.cookies["mentornett_language"] = language
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/konto/signup/",
            {
                "full_name": "Ingrid Bergseth",
                "email": "ingrid@example.no",
                "password1": "kalv-og-fjos-2026",
                "password2": "kalv-og-fjos-2026",
            },
        )
    (message,) = mail.outbox
    assert message.subject.startswith("Mentornett – ") and subject in message.subject.lower()
    assert message.body.startswith(greeting)
    assert "from !" not in message.body and " fra !" not in message.body
    assert message.body.endswith("\nMentornett\n")
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", message.body).group(0)
    assert f'<a href="{link}"' in _html(message)


def test_team_and_scheme_invitations_are_one_email(
    world, scheme, django_capture_on_commit_callbacks
):
    application = scheme_services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.MENTORVET
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invite_member(
            team=world.team_a,
            email="ny@example.no",
            role=TeamRole.MENTOR,
            invited_by=world.coordinator_a,
        )
        scheme_services.invite_party(
            application=application, email="ny@example.no", invited_by=scheme.mentor
        )
    team, scheme_invitation = mail.outbox
    shared = "Åpne lenken for å takke ja. Har du ikke konto ennå, kan du lage en med denne "
    for message, action in ((team, "Godta invitasjonen"), (scheme_invitation, "Bli med")):
        assert message.body.startswith("Hei ny@example.no,")
        assert shared in message.body and "Lenken virker i 14 dager." in message.body
        assert f"\n{action}" in message.body
        assert "invitasjon/" in _html(message)
