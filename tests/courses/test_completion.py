"""A finished course leads on: to its certificate (the PDF, the public page,
the Open Badge) and, where the person may apply, to the mentor scheme."""

import pytest

from django.urls import reverse

from courses.models import Certificate
from courses.services import complete_lesson
from mentornett.accounts.models import Profession, Profile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

APPLY = "Søk mentorordningen nå"


def finish(client, person, lesson):
    client.force_login(person)
    return client.post(reverse("courses:complete", args=[lesson.pk]))


def with_profession(profession):
    person = UserFactory()
    Profile.objects.update_or_create(user=person, defaults={"profession": profession})
    return person


def test_finishing_the_last_lesson_leads_to_the_completion_page(client, make_course):
    course, (lesson,) = make_course(lessons=1)
    person = UserFactory()

    response = finish(client, person, lesson)

    assert response.status_code == 302
    assert response["Location"] == f"/kurs/{course.pk}/fullfort/"


def test_the_completion_page_offers_the_certificate_three_ways(
    client, make_course, django_capture_on_commit_callbacks
):
    course, (lesson,) = make_course(lessons=1)
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = finish(client, person, lesson)
    html = client.get(response["Location"]).content.decode()
    certificate = Certificate.objects.get(holder=person)

    assert "Du har fullført kurset Mentorkurs" in html
    assert reverse("certificates:pdf", args=[certificate.pk]) in html
    assert reverse("certificates:verify", args=[certificate.code]) in html
    assert reverse("certificates:badge", args=[certificate.pk]) in html
    assert certificate.code in html


@pytest.mark.parametrize(
    ("mandatory_for", "profession"),
    [
        ("mentee", Profession.VET_STUDENT),
        ("mentor", Profession.VETERINARIAN),
        ("mentee", ""),  # has not said: may well be a vet
    ],
)
def test_a_certificate_that_lets_the_person_apply_leads_to_the_scheme(
    client, make_course, mandatory_for, profession
):
    course, (lesson,) = make_course(lessons=1, mandatory_for=mandatory_for)
    person = with_profession(profession)

    response = finish(client, person, lesson)
    html = client.get(response["Location"]).content.decode()

    assert APPLY in html
    assert f'href="{reverse("scheme:applications")}"' in html


@pytest.mark.parametrize(
    ("mandatory_for", "profession"),
    [
        ("", Profession.VETERINARIAN),  # an optional micro-course
        ("mentor", Profession.NURSE),  # a nurse never applies to the vet scheme
    ],
)
def test_no_scheme_link_where_the_person_cannot_apply(
    client, make_course, mandatory_for, profession
):
    course, (lesson,) = make_course(lessons=1, mandatory_for=mandatory_for)
    person = with_profession(profession)

    response = finish(client, person, lesson)
    html = client.get(response["Location"]).content.decode()

    assert "Du har fullført kurset" in html
    assert APPLY not in html


def test_the_completion_page_is_only_for_who_completed_the_course(client, make_course):
    course, lessons = make_course(lessons=2)
    finisher, halfway = UserFactory(), UserFactory()
    for lesson in lessons:
        complete_lesson(learner=finisher, lesson=lesson)
    complete_lesson(learner=halfway, lesson=lessons[0])
    url = reverse("courses:completed", args=[course.pk])

    client.force_login(halfway)
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(finisher)
    assert client.get(url).status_code == 200


def test_a_completed_course_page_links_to_the_certificate_and_what_comes_next(client, make_course):
    course, (lesson,) = make_course(lessons=1)
    person = UserFactory()
    complete_lesson(learner=person, lesson=lesson)
    client.force_login(person)

    html = client.get(course.url).content.decode()

    assert reverse("courses:completed", args=[course.pk]) in html
