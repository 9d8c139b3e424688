import pytest

from django.urls import reverse

from events.errors import RegistrationError
from events.models import Attendance, BreakoutPlan
from events.services import make_breakout_plan, mark_attendance, register
from mentornett.accounts.roles import StaffRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "Astrid Berg",
    "Bjørn Dahl",
    "Cecilie Eide",
    "Didrik Foss",
    "Eli Gran",
    "Frode Haug",
    "Guro Isaksen",
    "Henrik Juul",
    "Ingrid Krog",
]


@pytest.fixture
def organiser(staff_user):
    return staff_user(StaffRole.NETWORK_ORGANISER)


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def checked_in(event, count, attendance=Attendance.ATTENDED):
    """Registrations of `count` people with the given attendance."""
    registrations = []
    for name in NAMES[:count]:
        registration = register(person=UserFactory(full_name=name), event=event)
        mark_attendance(registration=registration, attendance=attendance)
        registrations.append(registration)
    return registrations


def seated_people(plan):
    """[[person ids seated in round 1], [round 2], …]"""
    return [
        [seat["person"] for group in groups for seat in group["seats"]] for groups in plan.rounds
    ]


def refusal_code(**kwargs):
    with pytest.raises(RegistrationError) as refused:
        make_breakout_plan(**kwargs)
    return refused.value.code


def test_a_plan_places_everyone_present_once_in_every_exercise(make_event, organiser):
    event = make_event()
    present = checked_in(event, 9)
    register(person=UserFactory(full_name="Ikke Innsjekket"), event=event)

    plan = make_breakout_plan(event=event, exercises=3, by=organiser)

    assert plan.exercises == 3
    assert plan.created_by == organiser
    people = sorted(r.person_id for r in present)
    rounds = seated_people(BreakoutPlan.objects.get(pk=plan.pk))
    assert len(rounds) == 3
    assert all(sorted(seated) == people for seated in rounds)
    for groups in plan.rounds:
        assert [len(group["seats"]) for group in groups] == [3, 3, 3]
        for group in groups:
            assert sorted(seat["role"] for seat in group["seats"]) == [
                "guide",
                "observer",
                "seeker",
            ]


def test_a_plan_keeps_the_names_as_they_were(make_event, organiser):
    event = make_event()
    present = checked_in(event, 3)
    plan = make_breakout_plan(event=event, exercises=1, by=organiser)
    names = {r.person_id: r.person.full_name for r in present}
    renamed = present[0].person
    renamed.full_name = "Helt Nytt Navn"
    renamed.save()

    plan.refresh_from_db()
    seats = [seat for group in plan.rounds[0] for seat in group["seats"]]
    assert {seat["person"]: seat["name"] for seat in seats} == names


def test_fewer_than_three_present_is_refused(make_event, organiser):
    event = make_event()
    checked_in(event, 2)
    register(person=UserFactory(), event=event)  # registered, not checked in
    assert refusal_code(event=event, exercises=2, by=organiser) == "too_few"
    assert not BreakoutPlan.objects.exists()


@pytest.mark.parametrize("exercises", [0, 13])
def test_the_number_of_exercises_must_be_from_one_to_twelve(make_event, organiser, exercises):
    event = make_event()
    checked_in(event, 3)
    assert refusal_code(event=event, exercises=exercises, by=organiser) == "exercises"
    assert not BreakoutPlan.objects.exists()


def test_new_groups_are_made_from_those_still_present(make_event, organiser):
    event = make_event()
    present = checked_in(event, 4)
    first = make_breakout_plan(event=event, exercises=2, by=organiser)
    gone = present[0]
    mark_attendance(registration=gone, attendance=Attendance.NO_SHOW)

    second = make_breakout_plan(event=event, exercises=2, by=organiser)

    still_here = sorted(r.person_id for r in present[1:])
    assert all(sorted(seated) == still_here for seated in seated_people(second))
    assert all(gone.person_id in seated for seated in seated_people(first))
    assert list(event.breakout_plans.all()) == [second, first]


def breakout_url(event):
    return reverse("events:breakout", args=[event.pk])


def test_the_breakout_page_is_hidden_from_participants(signed_in, make_event, participant):
    event = make_event()
    checked_in(event, 3)
    assert signed_in.get(breakout_url(event)).status_code == 404
    assert signed_in.post(breakout_url(event), {"exercises": "2"}).status_code == 404
    assert not BreakoutPlan.objects.exists()


def test_an_organiser_makes_groups_on_the_breakout_page(organiser_client, organiser, make_event):
    event = make_event()
    checked_in(event, 4)
    assert organiser_client.get(breakout_url(event)).status_code == 200

    response = organiser_client.post(breakout_url(event), {"exercises": "2"})

    assert response.status_code == 302
    assert response["Location"] == breakout_url(event)
    plan = BreakoutPlan.objects.get(event=event)
    assert (plan.exercises, plan.created_by, len(plan.rounds)) == (2, organiser, 2)
    html = organiser_client.get(breakout_url(event)).content.decode()
    assert reverse("events:shared_plan", args=[plan.share_token]) in html


def test_a_number_that_is_not_a_number_answers_400_and_keeps_the_input(
    organiser_client, make_event
):
    event = make_event()
    checked_in(event, 3)
    response = organiser_client.post(breakout_url(event), {"exercises": "abc"})
    assert response.status_code == 400
    assert 'value="abc"' in response.content.decode()
    assert "exercises" in response.context["form"].errors
    assert not BreakoutPlan.objects.exists()


def test_the_breakout_page_answers_400_when_too_few_are_present(organiser_client, make_event):
    event = make_event()
    checked_in(event, 2)
    response = organiser_client.post(breakout_url(event), {"exercises": "2"})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not BreakoutPlan.objects.exists()


def test_the_shared_plan_shows_the_names_without_sign_in(client, make_event, organiser):
    event = make_event()
    checked_in(event, 5)
    plan = make_breakout_plan(event=event, exercises=2, by=organiser)

    response = client.get(f"/grupper/{plan.share_token}/")

    assert response.status_code == 200
    html = response.content.decode()
    for name in NAMES[:5]:
        assert name in html
    assert client.get(f"/grupper/{plan.share_token}x/").status_code == 404
    assert client.get("/grupper/not-the-token/").status_code == 404
