import csv
import io

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from events.errors import RegistrationError
from events.models import Attendance, Registration, RegistrationStatus
from events.selectors import dashboard_events
from events.services import mark_attendance, register
from mentornett.accounts.roles import StaffRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUESTIONS = [
    ("text_question", {"question": "Spesialkost?", "help_text": "", "required": False}),
    ("yes_no_question", {"question": "Middag?", "help_text": "", "required": False}),
]


@pytest.fixture
def organiser(staff_user):
    return staff_user(StaffRole.NETWORK_ORGANISER)


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def person_with_role(role, *, participant, superuser, staff_user):
    if role == "participant":
        return participant
    if role == "superuser":
        return superuser
    return staff_user(StaffRole[role])


def checkin_url(event):
    return reverse("events:checkin", args=[event.pk])


def mark(client, registration, attendance, **extra):
    url = reverse("events:mark", args=[registration.event_id, registration.pk])
    return client.post(url, {"attendance": attendance, **extra})


def test_anonymous_visitors_are_sent_to_sign_in(client, make_event):
    response = client.get(checkin_url(make_event()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("role", ["participant", "EDITOR", "NETWORK_ADVISOR"])
def test_checkin_is_hidden_from_people_who_do_not_run_events(
    client, make_event, role, participant, superuser, staff_user
):
    event = make_event()
    client.force_login(
        person_with_role(role, participant=participant, superuser=superuser, staff_user=staff_user)
    )
    assert client.get(checkin_url(event)).status_code == 404
    registration = register(person=UserFactory(), event=event)
    assert mark(client, registration, Attendance.ATTENDED).status_code == 404
    assert Registration.objects.get(pk=registration.pk).attendance == ""
    assert client.get(reverse("events:participants_csv", args=[event.pk])).status_code == 404


@pytest.mark.parametrize("role", ["NETWORK_ORGANISER", "SCHEME_ADMINISTRATOR", "superuser"])
def test_checkin_opens_for_organisers_administrators_and_superusers(
    client, make_event, role, participant, superuser, staff_user
):
    client.force_login(
        person_with_role(role, participant=participant, superuser=superuser, staff_user=staff_user)
    )
    assert client.get(checkin_url(make_event())).status_code == 200


def test_search_by_name_filters_the_list(organiser_client, make_event, participant):
    event = make_event()
    kari = register(person=participant, event=event)
    per = register(person=UserFactory(full_name="Per Hansen"), event=event)
    html = organiser_client.get(checkin_url(event), {"q": "nordmann"}).content.decode()
    assert f'id="person-{kari.pk}"' in html
    assert f'id="person-{per.pk}"' not in html
    everyone = organiser_client.get(checkin_url(event)).content.decode()
    assert f'id="person-{kari.pk}"' in everyone and f'id="person-{per.pk}"' in everyone


@pytest.mark.parametrize("attendance", [Attendance.ATTENDED, Attendance.NO_SHOW])
def test_marking_records_attendance_and_returns_to_the_person(
    organiser_client, make_event, participant, attendance
):
    registration = register(person=participant, event=make_event())
    response = mark(organiser_client, registration, attendance)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#person-{registration.pk}")
    registration.refresh_from_db()
    assert registration.attendance == attendance
    assert registration.attendance_marked_at is not None


def test_marking_from_a_search_returns_to_the_same_search(organiser_client, make_event):
    event = make_event()
    person = UserFactory(full_name="Ola Nordmann", email="ola+mentor@example.no")
    registration = register(person=person, event=event)
    response = mark(organiser_client, registration, Attendance.ATTENDED, q=person.email)
    assert response.status_code == 302
    back = organiser_client.get(response["Location"].split("#")[0])
    assert back.context["query"] == person.email
    assert f'id="person-{registration.pk}"' in back.content.decode()


def test_people_on_the_waitlist_cannot_be_marked(organiser_client, make_event, participant):
    event = make_event(capacity=1)
    register(person=UserFactory(), event=event)
    waiting = register(person=participant, event=event)
    assert waiting.status == RegistrationStatus.WAITLISTED
    with pytest.raises(RegistrationError) as refused:
        mark_attendance(registration=waiting, attendance=Attendance.ATTENDED)
    assert refused.value.code == "not_confirmed"
    assert mark(organiser_client, waiting, Attendance.ATTENDED).status_code == 302
    waiting.refresh_from_db()
    assert waiting.attendance == ""
    assert waiting.attendance_marked_at is None


def test_an_unknown_attendance_value_changes_nothing(organiser_client, make_event, participant):
    registration = register(person=participant, event=make_event())
    assert mark(organiser_client, registration, "maybe").status_code == 302
    registration.refresh_from_db()
    assert registration.attendance == ""


def test_a_registration_of_another_event_cannot_be_marked(
    organiser_client, make_event, participant
):
    event, other = make_event(), make_event()
    registration = register(person=participant, event=other)
    url = reverse("events:mark", args=[event.pk, registration.pk])
    assert organiser_client.post(url, {"attendance": Attendance.ATTENDED}).status_code == 404
    registration.refresh_from_db()
    assert registration.attendance == ""


def read_csv(response):
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_lists_active_registrations_with_their_answers(
    organiser_client, organiser, make_event, participant, other_participant
):
    event = make_event(capacity=2, questions=QUESTIONS)
    text_id, yes_no_id = event.questions[0].id, event.questions[1].id
    register(person=participant, event=event, answers={text_id: "Glutenfri", yes_no_id: "yes"})
    register(person=other_participant, event=event, answers={yes_no_id: "no"})
    cancelled = register(person=UserFactory(full_name="Avmeldt Person"), event=event)
    cancelled.status = RegistrationStatus.CANCELLED
    cancelled.save()
    register(person=UserFactory(full_name="Venter Person"), event=event)

    response = organiser_client.get(reverse("events:participants_csv", args=[event.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[-2:] == ["Spesialkost?", "Middag?"]
    assert all(len(row) == len(header) for row in rows)
    by_name = {row[0]: row for row in rows}
    assert set(by_name) == {"Kari Nordmann", "Per Hansen", "Venter Person"}
    with translation.override(organiser.preferred_language):
        yes, no = gettext("Yes"), gettext("No")
    assert by_name["Kari Nordmann"][1] == participant.email
    assert by_name["Kari Nordmann"][-2:] == ["Glutenfri", yes]
    assert by_name["Per Hansen"][-2:] == ["", no]
    assert by_name["Venter Person"][4] != ""  # on the waitlist since
    assert by_name["Kari Nordmann"][4] == ""


def test_csv_escapes_cells_a_spreadsheet_would_run_as_formulas(organiser_client, make_event):
    event = make_event(questions=QUESTIONS)
    person = UserFactory(full_name='=HYPERLINK("https://evil.example","x")')
    register(person=person, event=event, answers={event.questions[0].id: "+47 SUM(A1)"})
    _header, row = read_csv(
        organiser_client.get(reverse("events:participants_csv", args=[event.pk]))
    )
    assert row[0] == "'" + person.full_name
    assert row[-2] == "'+47 SUM(A1)"


def checkin_queries(client, event):
    url = checkin_url(event)
    client.get(url)  # warm caches such as the site root
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_checkin_query_count_does_not_grow_with_registrations(organiser_client, make_event):
    few, many = make_event(capacity=100), make_event(capacity=100)
    for person in UserFactory.create_batch(3):
        mark_attendance(registration=register(person=person, event=few), attendance="attended")
    for person in UserFactory.create_batch(40):
        mark_attendance(registration=register(person=person, event=many), attendance="attended")
    register(person=UserFactory(), event=make_event())  # someone elsewhere
    counts = [checkin_queries(organiser_client, few), checkin_queries(organiser_client, many)]
    assert counts[0] == counts[1], counts
    assert organiser_client.get(checkin_url(many)).context["registrations"].count() == 40


def test_min_side_counts_the_events_a_person_attended(signed_in, make_event, participant):
    for attendance in (Attendance.ATTENDED, Attendance.ATTENDED, Attendance.NO_SHOW, ""):
        registration = register(person=participant, event=make_event())
        if attendance:
            mark_attendance(registration=registration, attendance=attendance)
    other = register(person=UserFactory(), event=make_event())
    mark_attendance(registration=other, attendance=Attendance.ATTENDED)

    summary = dashboard_events(user=participant)["attendance"]
    assert summary == {"attended": 2, "no_show": 1}
    response = signed_in.get("/min-side/")
    assert response.status_code == 200
    assert response.context["attendance"]["attended"] == 2
