"""Ending a relationship early: the office says why when it ends one before
its start or its planned end, and the mentor says why in the report when it
did not run the planned period."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from mentornett.accounts.roles import StaffRole
from network.models import ApplicationEvent, ApplicationStatus, MentorReport
from network.scheme.errors import ApplicationError
from network.scheme.services import applications, relationships
from tests.scheme.fixtures import active_relationship

S = ApplicationStatus
pytestmark = pytest.mark.django_db


def _planned(application, *, starts_in: int, ends_in: int):
    today = timezone.localdate()
    application.starts_on = today + timedelta(days=starts_in)
    application.ends_on = today + timedelta(days=ends_in)
    application.save(update_fields=["starts_on", "ends_on"])
    return application


def _end(application, office, note=""):
    return applications.change_status(
        application=application, user=office, expected=S.ACTIVE, to=S.ENDED, note=note
    )


def test_ending_a_relationship_before_it_has_started_needs_a_reason(scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    application = _planned(active_relationship(scheme), starts_in=14, ends_in=90)
    with pytest.raises(ApplicationError) as error:
        _end(application, office, note="   ")
    assert error.value.code == "before_start"
    application.refresh_from_db()
    assert application.status == S.ACTIVE

    _end(application, office, note="Menteen fikk ikke lisensen likevel.")
    application.refresh_from_db()
    assert application.status == S.ENDED
    last = ApplicationEvent.objects.filter(application=application).latest("pk")
    assert last.note == "Menteen fikk ikke lisensen likevel."


def test_ending_a_relationship_before_its_planned_end_needs_a_reason(scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    application = _planned(active_relationship(scheme), starts_in=-30, ends_in=30)
    with pytest.raises(ApplicationError) as error:
        _end(application, office)
    assert error.value.code == "early"


def test_a_relationship_that_ran_its_period_ends_without_a_note(scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    application = _planned(active_relationship(scheme), starts_in=-90, ends_in=0)
    _end(application, office)
    application.refresh_from_db()
    assert application.status == S.ENDED


def test_the_office_page_asks_for_the_reason_on_the_note(client, scheme, staff_user):
    office = staff_user(StaffRole.SCHEME_ADMINISTRATOR)
    application = _planned(active_relationship(scheme), starts_in=14, ends_in=90)
    client.force_login(office)
    url = reverse("scheme:office", args=[application.pk])
    page = client.get(url).content.decode()
    assert "For å avslutte det før, skriv hvorfor i notatet." in page
    response = client.post(url, {"expected": S.ACTIVE, "to": S.ENDED, "note": ""})
    assert response.status_code == 400
    errors = response.context["decision_form"].errors
    assert list(errors) == ["note"]
    assert "ikke startet ennå" in errors["note"][0]
    application.refresh_from_db()
    assert application.status == S.ACTIVE


REPORT = {
    "summary": "Avsluttet etter fire uker.",
    "mentee_progress": "",
    "backup_duty_as_planned": True,
    "ended_as_planned": False,
    "ended_early_reason": "  ",
}


def test_the_service_refuses_a_report_of_an_early_end_without_the_reason(scheme):
    application = active_relationship(scheme)
    with pytest.raises(ApplicationError) as error:
        relationships.submit_mentor_report(application=application, user=scheme.mentor, **REPORT)
    assert error.value.code == "ended_early_reason"
    assert not MentorReport.objects.exists()

    relationships.submit_mentor_report(
        application=application,
        user=scheme.mentor,
        **{**REPORT, "ended_early_reason": "Menteen flyttet; tettere oppfølging ville hjulpet."},
    )
    assert MentorReport.objects.get().ended_as_planned is False


def test_the_report_form_says_what_to_write_about_an_early_end(client, scheme):
    application = active_relationship(scheme)
    client.force_login(scheme.mentor)
    url = reverse("scheme:evaluation", args=[application.pk])
    response = client.post(url, {"action": "report", "summary": "Avsluttet etter fire uker."})
    assert response.status_code == 400
    errors = response.context["report_form"].errors["ended_early_reason"]
    assert errors == [
        "Forholdet varte ikke den planlagte perioden: skriv hvorfor det ble avsluttet tidlig, "
        "og hva som ville ha hjulpet."
    ]
