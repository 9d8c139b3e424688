import pytest

from django.utils import timezone

from courses.models import Enrolment
from mentornett.accounts.roles import StaffRole
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (StaffRole.EDITOR, 200),
        (StaffRole.SCHEME_ADMINISTRATOR, 200),
        (StaffRole.NETWORK_ORGANISER, 200),
    ],
)
def test_staff_see_progress_reports(client, staff_user, make_course, role, status):
    course, _ = make_course(lessons=2)
    client.force_login(staff_user(role))
    assert client.get("/admin/kursfremdrift/").status_code == status
    assert client.get(f"/admin/kursfremdrift/{course.pk}/").status_code == status


def test_participant_and_advisor_are_refused(client, participant, staff_user, make_course):
    course, _ = make_course(lessons=1)
    client.force_login(participant)
    assert client.get(f"/admin/kursfremdrift/{course.pk}/").status_code == 302  # no admin access
    client.force_login(staff_user(StaffRole.NETWORK_ADVISOR))
    assert client.get(f"/admin/kursfremdrift/{course.pk}/").status_code == 302


def test_report_for_1000_learners_uses_a_fixed_number_of_queries(
    client, staff_user, make_course, django_assert_max_num_queries
):
    course, lessons = make_course(lessons=4)
    learners = UserFactory.create_batch(1000, verified=False)
    Enrolment.objects.bulk_create(
        Enrolment(
            learner=learner,
            course=course,
            course_title=course.title,
            lessons_total=4,
            lessons_done=index % 5,
            completed_at=timezone.now() if index % 5 == 4 else None,
            completed_version=1 if index % 5 == 4 else None,
        )
        for index, learner in enumerate(learners)
    )
    client.force_login(staff_user(StaffRole.EDITOR))
    client.get(f"/admin/kursfremdrift/{course.pk}/")
    with django_assert_max_num_queries(20):
        response = client.get(f"/admin/kursfremdrift/{course.pk}/?page=3")
    assert response.status_code == 200
    assert "Side 3 av 20" in response.content.decode()
