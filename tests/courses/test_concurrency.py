import threading

import pytest

from django.db import connection

from courses.models import Certificate, Enrolment, LessonCompletion
from courses.services import complete_lesson, learning

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need a server database; CI runs this on PostgreSQL (make test-postgres)",
)
def test_two_tabs_finishing_the_last_two_lessons_complete_the_course_once(
    make_course, participant, monkeypatch
):
    course, lessons = make_course(lessons=3)
    complete_lesson(learner=participant, lesson=lessons[0])
    completions = []
    issue = learning.issue_certificate

    def counting(*, enrolment):
        completions.append(enrolment.pk)
        return issue(enrolment=enrolment)

    monkeypatch.setattr(learning, "issue_certificate", counting)
    barrier = threading.Barrier(2)
    errors = []

    def tab(lesson):
        try:
            barrier.wait(timeout=10)
            complete_lesson(learner=participant, lesson=lesson)
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=tab, args=(lesson,)) for lesson in lessons[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    enrolment = Enrolment.objects.get(learner=participant)
    assert enrolment.is_completed
    assert enrolment.lessons_done == 3
    assert LessonCompletion.objects.filter(enrolment=enrolment).count() == 3
    assert completions == [enrolment.pk]
    assert Certificate.objects.filter(holder=participant).count() == 1
