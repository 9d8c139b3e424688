"""The shared application form as the applicants meet it: what sending needs
is marked required (and a draft is still saved without it), the certificate
gate comes first, and what stops sending is listed in the order of the form."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from network.models import Application, ApplicationInvitation, RelationshipKind
from network.scheme.errors import ApplicationError
from network.scheme.services import applications as services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _label(html, field):
    return re.search(rf'<label for="id_{field}"[^>]*>(.*?)</label>', html, re.S).group(1)


def _input(html, field):
    return re.search(rf'<(input|select|textarea)[^>]*id="id_{field}"[^>]*>', html).group(0)


def test_what_sending_needs_is_marked_required_and_the_rest_optional(client, scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
    )
    client.force_login(scheme.mentor)
    html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    for field in (
        "starts_on",
        "ends_on",
        "municipality",
        "employer",
        "contract",
        "backup_plan",
        "reverse_ride_along_from",
        "reverse_ride_along_to",
        "insurance_confirmed",
        "municipality_contact_email",
        "planned_use",
    ):
        assert "valgfritt" not in _label(html, field), field
        assert " required" in _input(html, field), field
    assert "Planlagt start (valgfritt)" not in html
    assert "Praksissted (kommune) (valgfritt)" not in html
    # What sending does not need is still called optional.
    assert "valgfritt" in _label(html, "municipality_contact_name")
    assert " required" not in _input(html, "municipality_contact_name")
    # Every one of the mentor's declarations must be ticked.
    declarations = re.findall(r'<input type="checkbox" name="mentor_declarations"[^>]*>', html)
    assert declarations and all(" required" in box for box in declarations)


def test_a_draft_is_still_saved_with_what_sending_needs_left_empty(client, scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
    )
    client.force_login(scheme.mentor)
    url = reverse("scheme:application", args=[application.pk])
    response = client.post(url, {"employer": "Glåmdal veterinærkontor AS"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.employer == "Glåmdal veterinærkontor AS"
    assert application.starts_on is None


def test_without_a_certificate_the_gate_comes_first_with_the_course_to_take(client, scheme):
    newcomer = UserFactory(full_name="Nora Nykommer")
    application = services.start_application(
        user=newcomer, role="mentee", kind=RelationshipKind.STUDENT_PLACEMENT
    )
    client.force_login(newcomer)
    html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    gate = html.index('id="own-gate-heading"')
    assert "Du trenger gyldig kursbevis fra det obligatoriske menteekurset" in html
    course_link = f'href="{scheme.mentee_course.url}"'
    assert course_link in html[gate:]
    assert html.index(course_link, gate) < html.index('<form method="post" enctype')
    # No invitation can be sent yet, and the page says why.
    assert reverse("scheme:invite", args=[application.pk]) not in html
    assert "Du kan invitere den andre når du har gyldig kursbevis." in html


def test_with_a_certificate_there_is_no_gate_callout_and_the_invitation_form(client, scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.STUDENT_PLACEMENT
    )
    client.force_login(scheme.mentor)
    html = client.get(reverse("scheme:application", args=[application.pk])).content.decode()
    assert 'id="own-gate-heading"' not in html
    assert reverse("scheme:invite", args=[application.pk]) in html


def test_the_service_refuses_an_invitation_from_someone_without_a_certificate(scheme):
    newcomer = UserFactory()
    application = services.start_application(
        user=newcomer, role="mentor", kind=RelationshipKind.MENTORVET
    )
    with pytest.raises(ApplicationError) as error:
        services.invite_party(
            application=application, email=scheme.mentee.email, invited_by=newcomer
        )
    assert error.value.code == "certificate"
    assert not ApplicationInvitation.objects.exists()


def test_the_invite_page_sends_nothing_without_a_certificate(client, scheme):
    newcomer = UserFactory()
    application = services.start_application(
        user=newcomer, role="mentor", kind=RelationshipKind.MENTORVET
    )
    client.force_login(newcomer)
    mail.outbox.clear()
    response = client.post(
        reverse("scheme:invite", args=[application.pk]), {"email": scheme.mentee.email}
    )
    assert response.status_code == 400
    assert "Fullfør kurset først" in response.content.decode()
    assert not ApplicationInvitation.objects.exists()
    assert mail.outbox == []


def test_what_stops_sending_comes_gate_first_then_in_the_order_of_the_form(client, scheme):
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.TEMPORARY_LICENCE
    )
    client.force_login(scheme.mentor)
    url = reverse("scheme:application", args=[application.pk])
    response = client.post(url, {"send": "1"})
    assert response.status_code == 400
    problems = response.context["problems"]
    # The gate first: the mentee is not on the application yet.
    assert problems[0].field is None
    assert "Inviter en mentee" in problems[0].message
    fields = [problem.field for problem in problems[1:]]
    assert None not in fields
    html = response.content.decode()
    form = html[html.index('<form method="post" enctype') :]
    in_the_form = sorted(fields, key=lambda field: form.index(f'id="id_{field}"'))
    assert fields == in_the_form
    assert fields[:3] == ["starts_on", "ends_on", "municipality"]
    # The summary lists them in that order too.
    summary = html[html.index("error-summary__list") :]
    positions = [summary.index(f'href="#id_{field}"') for field in fields]
    assert positions == sorted(positions)


def test_a_missing_certificate_is_named_before_the_fields(scheme):
    newcomer = UserFactory(full_name="Nora Nykommer")
    application = services.start_application(
        user=scheme.mentor, role="mentor", kind=RelationshipKind.MENTORVET
    )
    application.mentee = newcomer
    application.save()
    problems = services.submission_problems(Application.objects.get(pk=application.pk))
    assert problems[0].field is None
    assert "Nora Nykommer" in problems[0].message
    assert all(problem.field for problem in problems[1:])
