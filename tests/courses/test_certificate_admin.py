import pytest

from django.core import mail

from courses.errors import CourseError
from courses.models import Certificate
from courses.services import complete_lesson
from courses.services.certificates import reissue_certificate, revoke_certificate
from mentornett.accounts.roles import StaffRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(make_course, participant, django_capture_on_commit_callbacks):
    course, (lesson,) = make_course(lessons=1, mandatory_for="mentee")
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(learner=participant, lesson=lesson)
    return Certificate.objects.get(holder=participant)


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user(StaffRole.SCHEME_ADMINISTRATOR))
    return client


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (StaffRole.SCHEME_ADMINISTRATOR, True),
        (StaffRole.EDITOR, False),
        (StaffRole.NETWORK_ORGANISER, False),
    ],
)
def test_only_scheme_administrators_manage_certificates(
    client, staff_user, certificate, role, allowed
):
    client.force_login(staff_user(role))
    for url in ("/admin/kursbevis/", f"/admin/kursbevis/{certificate.pk}/"):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200
        else:  # Wagtail turns PermissionDenied into a redirect to the dashboard
            assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_participant_is_sent_away(client, participant, certificate):
    client.force_login(participant)
    assert client.get("/admin/kursbevis/").status_code == 302


def test_search_by_name_and_by_code(admin_client, certificate):
    assert certificate.code in admin_client.get("/admin/kursbevis/?q=kari").content.decode()
    by_code = admin_client.get(f"/admin/kursbevis/?q={certificate.code.lower()}")
    assert certificate.code in by_code.content.decode()
    assert certificate.code not in admin_client.get("/admin/kursbevis/?q=ola").content.decode()


def test_csv_export(admin_client, certificate):
    response = admin_client.get(f"/admin/kursbevis/?course={certificate.course_id}&format=csv")
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    lines = body.strip().splitlines()
    assert lines[0].startswith("Kode,Innehaver,E-post")
    assert certificate.code in lines[1] and "kari@example.no" in lines[1]


def test_list_query_count_is_fixed(admin_client, make_course, django_assert_max_num_queries):
    course, (lesson,) = make_course(lessons=1, slug="annet")
    for _ in range(30):
        complete_lesson(learner=UserFactory(), lesson=lesson)
    admin_client.get("/admin/kursbevis/")
    with django_assert_max_num_queries(25):
        assert admin_client.get("/admin/kursbevis/").status_code == 200


def test_revoking_needs_a_reason_and_keeps_what_was_typed(admin_client, certificate):
    response = admin_client.post(
        f"/admin/kursbevis/{certificate.pk}/trekk-tilbake/", {"reason": " "}
    )
    assert response.status_code == 200
    assert "Skriv hvorfor" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoked_certificate_is_shown_as_revoked_with_date(admin_client, client, certificate):
    admin_client.post(
        f"/admin/kursbevis/{certificate.pk}/trekk-tilbake/", {"reason": "Utstedt ved en feil"}
    )
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Utstedt ved en feil"
    public = client.__class__().get(f"/kursbevis/{certificate.code}/").content.decode()
    assert "Trukket tilbake" in public
    assert certificate.revoked_at.strftime("%Y") in public
    with pytest.raises(CourseError):
        revoke_certificate(certificate=certificate, reason="igjen", by=None)


def test_reissue_gives_a_new_code_and_revokes_the_old(
    certificate, participant, django_capture_on_commit_callbacks
):
    participant.full_name = "Kari Nordmann-Berg"
    participant.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = reissue_certificate(certificate=certificate, by=None)
    certificate.refresh_from_db()
    assert new.code != certificate.code
    assert new.holder_name == "Kari Nordmann-Berg"
    assert new.valid_until == certificate.valid_until
    assert certificate.revoked_at is not None
    assert new.replaces == certificate
    assert len(mail.outbox) == 1 and new.code in mail.outbox[0].body
    with pytest.raises(CourseError) as error:
        reissue_certificate(certificate=certificate, by=None)
    assert error.value.code == "reissued"
