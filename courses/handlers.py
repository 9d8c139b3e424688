"""When editors change a course's learning path, bring learners' progress
numbers up to date in the background. Wired in CoursesConfig.ready()."""

from django.db import transaction

from mentornett.tasks import enqueue

from .models import CoursePage, Enrolment, LessonPage, ModulePage


def _schedule_refresh(page):
    course = CoursePage.objects.ancestor_of(page).only("id").first()
    # Nobody enrolled yet (an editor building a new course): nothing to recount.
    if course is not None and Enrolment.objects.filter(course=course).exists():
        course_id = course.pk
        transaction.on_commit(
            lambda: enqueue("courses.tasks.refresh_course_progress_task", course_id)
        )


def on_path_changed(sender, instance, **kwargs):
    if isinstance(instance, LessonPage | ModulePage):
        _schedule_refresh(instance)
