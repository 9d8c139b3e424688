"""Single sentences that read wrong in Bokmål: a typo from allauth's catalogue,
a role written with a capital letter, "0 arrangementer", the quiz saying
"Riktig." twice, and the programme office under three names."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from django.template.loader import render_to_string
from django.urls import reverse

from courses.demo import content
from network.models import RelationshipKind
from network.scheme.services import applications as services

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "nb" / "LC_MESSAGES" / "django.po"


def test_the_confirmation_message_reads_as_bokmaal():
    text = render_to_string(
        "account/messages/email_confirmation_sent.txt", {"email": "ola@example.no"}
    ).strip()
    assert "Bekreftelsese-post" not in text
    assert text == "Vi har sendt en e-post til ola@example.no for å bekrefte adressen."


@pytest.mark.django_db
def test_an_invitation_names_the_role_in_lower_case(client, scheme, other_participant):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.STUDENT_PLACEMENT
    )
    invitation = services.invite_party(
        application=application, email=other_participant.email, invited_by=scheme.mentor
    )
    client.force_login(other_participant)
    html = client.get(
        reverse("scheme:invitation", args=[services.invitation_token(invitation)])
    ).content.decode()
    assert "som mentee." in html
    assert "som Mentee" not in html


@pytest.mark.django_db
def test_min_side_says_no_events_yet_rather_than_zero_events(signed_in):
    html = signed_in.get(reverse("home:dashboard")).content.decode()
    assert "0 arrangementer" not in html
    assert "Du har ikke vært på noen arrangementer ennå." in html


def _feedback(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "feedback" and isinstance(value, str):
                yield value
            yield from _feedback(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _feedback(value)


def test_demo_quiz_feedback_does_not_repeat_the_verdict_the_page_shows():
    """The quiz shows "Riktig." or "Ikke helt." before the feedback."""
    feedback = [text for value in vars(content).values() for text in _feedback(value)]
    assert feedback
    assert [text for text in feedback if re.match(r"(Riktig|Nei|Ikke helt)\b", text)] == []


def test_the_programme_office_has_one_name_in_bokmaal():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    wrong = []
    for message in catalogue:
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        string = message.string[0] if isinstance(message.string, tuple) else message.string
        if re.search(r"sekretariat", string, re.I):
            wrong.append(string)
        if re.search(r"(programme office|[Cc]ontact the programme)", msgid or "") and not re.search(
            r"[Pp]rogramkontor", string
        ):
            wrong.append(string)
    assert wrong == []
