import re

import pytest

from django.core import mail
from django.urls import reverse

from home.models import HomePage
from network.models import ApplicationStatus, SchemePage
from network.scheme.errors import ApplicationError
from network.scheme.services import applications as services
from tests.courses.fixtures import publish
from tests.factories import UserFactory
from tests.scheme.fixtures import complete_application

S = ApplicationStatus
pytestmark = pytest.mark.django_db


def _granted(scheme, capture):
    office = UserFactory(full_name="Ola Ordning")
    application = services.submit_application(
        application=complete_application(scheme), user=scheme.mentor
    )
    services.change_status(
        application=application, user=office, expected=S.SUBMITTED, to=S.IN_REVIEW
    )
    mail.outbox.clear()
    with capture(execute=True):
        services.change_status(
            application=application, user=office, expected=S.IN_REVIEW, to=S.GRANTED
        )
    application.refresh_from_db()
    return application


def test_granting_makes_the_decision_letter_and_tells_both(
    scheme, django_capture_on_commit_callbacks
):
    application = _granted(scheme, django_capture_on_commit_callbacks)
    assert application.decision_letter.read().startswith(b"%PDF-")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([scheme.mentor.email, scheme.mentee.email])


def test_both_accept_and_the_relationship_starts_and_the_municipality_is_told(
    scheme, django_capture_on_commit_callbacks
):
    application = _granted(scheme, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    application = services.accept_decision(application=application, user=scheme.mentee)
    assert application.status == S.GRANTED
    assert application.mentee_accepted_at is not None
    with pytest.raises(ApplicationError):
        services.accept_decision(application=application, user=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        application = services.accept_decision(application=application, user=scheme.mentor)
    assert application.status == S.ACTIVE
    assert [m.to for m in mail.outbox] == [["kari@kongsvinger.kommune.no"]]
    assert "Kongsvinger" in mail.outbox[0].body
    assert list(application.events.values_list("to_status", flat=True))[-1] == S.ACTIVE


def test_only_a_granted_application_can_be_accepted(scheme):
    application = complete_application(scheme)
    with pytest.raises(ApplicationError) as error:
        services.accept_decision(application=application, user=scheme.mentor)
    assert error.value.code == "not_granted"


def test_the_parties_download_and_accept_in_the_site(
    client, scheme, django_capture_on_commit_callbacks
):
    application = _granted(scheme, django_capture_on_commit_callbacks)
    client.force_login(scheme.mentee)
    response = client.get(reverse("scheme:decision_letter", args=[application.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    response = client.post(reverse("scheme:accept", args=[application.pk]))
    assert response.status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("scheme:decision_letter", args=[application.pk])).status_code == 404


def test_the_scheme_page_shows_the_rates_in_force(client):
    page = publish(
        HomePage.objects.get(),
        SchemePage(title="Mentorordningen", slug="mentorordningen", lead="For veterinærer"),
    )
    html = client.get(page.url).content.decode()
    assert "2.0" in html
    assert re.search(r"4[\s\xa0]?000", html)  # student placement, per week
    assert re.search(r"13[\s\xa0]?500", html)  # insemination course cap
    assert reverse("scheme:applications") in html


def test_the_office_records_the_start_up_conversation(
    client, scheme, staff_user, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from mentornett.accounts.roles import StaffRole

    application = complete_application(scheme)
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    with pytest.raises(ApplicationError) as error:
        services.record_startup_conversation(
            application=application, user=office, held_on=timezone.localdate(), notes=""
        )
    assert error.value.code == "status"
    application = _granted(scheme, django_capture_on_commit_callbacks)
    client.force_login(office)
    url = reverse("scheme:office", args=[application.pk])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        url, {"action": "startup", "held_on": tomorrow.isoformat(), "notes": "Ukentlig møte"}
    )
    assert response.status_code == 400
    assert "Ukentlig møte" in response.content.decode()
    today = timezone.localdate()
    response = client.post(
        url, {"action": "startup", "held_on": today.isoformat(), "notes": "Ukentlig møte"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.startup_conversation_on == today
    assert application.startup_conversation_notes == "Ukentlig møte"
    client.force_login(scheme.mentee)
    html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    assert "Ukentlig møte" in html
