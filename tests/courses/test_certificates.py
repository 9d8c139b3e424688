from datetime import date, timedelta

import pytest
from freezegun import freeze_time

from django.core import mail
from django.test import Client
from django.utils import timezone

from courses.codes import parse_code
from courses.models import Certificate
from courses.selectors import mandatory_certificate
from courses.services import complete_lesson
from courses.services.certificates import render_certificate_pdf
from mentornett.dates import add_months
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(make_course, participant, django_capture_on_commit_callbacks):
    """The participant completes a two-lesson mandatory mentor course (v2, 24 months)."""
    course, lessons = make_course(
        lessons=2, mandatory_for="mentor", version=2, certificate_validity_months=24
    )
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            complete_lesson(learner=participant, lesson=lesson)
    return course, Certificate.objects.get(holder=participant)


def test_completion_issues_one_certificate_with_a_snapshot(completed, participant):
    course, certificate = completed
    assert certificate.holder_name == "Kari Nordmann"
    assert certificate.course_title == "Mentorkurs"
    assert certificate.course_version == 2
    assert certificate.outcomes["knowledge"] == ["Roller og ansvar", "Forventningsavklaring"]
    assert certificate.valid_until == add_months(timezone.localdate(), 24)
    assert parse_code(certificate.code).code == certificate.code

    course.title = "Nytt navn"
    course.outcomes_knowledge = "Noe annet"
    course.save_revision().publish()
    certificate.refresh_from_db()
    assert certificate.course_title == "Mentorkurs"
    assert certificate.outcomes["knowledge"] == ["Roller og ansvar", "Forventningsavklaring"]
    assert Certificate.objects.count() == 1


def test_holder_is_told_by_email_with_code_and_link(completed):
    course, certificate = completed
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kari@example.no"]
    assert "Mentorkurs" in message.subject
    assert certificate.code in message.body
    assert f"/kursbevis/{certificate.code}/" in message.body


def test_pdf_is_stored_and_renders_the_same_every_time(completed):
    course, certificate = completed
    certificate.refresh_from_db()
    assert certificate.pdf.name.startswith("certificates/")
    stored = certificate.pdf.open("rb").read()
    assert stored.startswith(b"%PDF")
    assert render_certificate_pdf(certificate) == render_certificate_pdf(certificate) == stored


def test_add_months_keeps_to_the_end_of_short_months():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 22), 24) == date(2028, 11, 22)


def test_public_page_shows_the_certificate_and_nothing_else(
    client, completed, django_assert_max_num_queries
):
    course, certificate = completed
    client.get("/kursbevis/")  # the header and footer, built once and cached
    with django_assert_max_num_queries(8):
        response = client.get(f"/kursbevis/{certificate.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kari Nordmann" in html and "Mentorkurs" in html and "Gyldig" in html
    assert "kari@example.no" not in html
    certificate.refresh_from_db()
    assert certificate.verification_count == 1


def test_codes_are_read_case_insensitively(client, completed):
    course, certificate = completed
    response = client.get(f"/kursbevis/?kode={certificate.code.lower()}")
    assert response["Location"] == f"/kursbevis/{certificate.code}/"


def test_a_typo_is_reported_as_a_typo(client, completed):
    course, certificate = completed
    typo = certificate.code[:-1] + ("A" if certificate.code[-1] != "A" else "B")
    response = client.get(f"/kursbevis/{typo}/")
    assert response.status_code == 400
    assert "skrivefeil" in response.content.decode()


def test_an_unknown_code_is_404_with_a_clear_page(client):
    from courses.codes import check_symbol, format_code

    body = "A" * 15
    response = client.get(f"/kursbevis/{format_code(body + check_symbol(body))}/")
    assert response.status_code == 404
    assert "Ingen kursbevis med denne koden" in response.content.decode()


def test_verification_is_rate_limited_per_client(client, completed):
    course, certificate = completed
    statuses = [client.get(f"/kursbevis/{certificate.code}/").status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get(f"/kursbevis/{certificate.code}/").status_code == 200


def test_verification_limit_is_a_setting_the_bench_can_raise(client, completed, settings):
    course, certificate = completed
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 40
    statuses = [client.get(f"/kursbevis/{certificate.code}/").status_code for _ in range(41)]
    assert statuses[:40] == [200] * 40
    assert statuses[40] == 429


def test_gate_for_the_scheme(completed, participant, other_participant):
    course, certificate = completed
    assert mandatory_certificate(user=participant, role="mentor").certificate == certificate
    assert mandatory_certificate(user=participant, role="mentee").reason == "never_completed"
    assert mandatory_certificate(user=other_participant, role="mentor").reason == (
        "never_completed"
    )
    later = certificate.valid_until + timedelta(days=1)
    assert mandatory_certificate(user=participant, role="mentor", day=later).reason == "expired"

    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoked_reason="Feil person"
    )
    assert mandatory_certificate(user=participant, role="mentor").reason == "revoked"


def test_revoked_certificate_shows_as_revoked(client, completed):
    course, certificate = completed
    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoked_reason="Utstedt ved en feil"
    )
    html = client.get(f"/kursbevis/{certificate.code}/").content.decode()
    assert "Trukket tilbake" in html
    assert "Utstedt ved en feil" not in html  # the reason is for administrators


def test_expired_certificate_shows_as_expired(client, completed):
    course, certificate = completed
    with freeze_time(certificate.valid_until + timedelta(days=2)):
        html = client.get(f"/kursbevis/{certificate.code}/").content.decode()
    assert "Utløpt" in html


def test_only_the_holder_downloads_the_pdf(client, completed, participant):
    course, certificate = completed
    url = f"/min-side/kursbevis/{certificate.pk}/pdf/"
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(participant)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]


def test_min_side_lists_the_certificate(client, completed, participant):
    course, certificate = completed
    client.force_login(participant)
    html = client.get("/min-side/").content.decode()
    assert certificate.code in html
    assert f"/min-side/kursbevis/{certificate.pk}/pdf/" in html
