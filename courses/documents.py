"""Who sees the documents a lesson links (see mentornett.documents)."""

from wagtail.models import Page

from mentornett.documents import PUBLIC, SIGNED_IN, Audience, Source, Tree

from .models import LessonPage


def lesson_audience(source: Source, tree: Tree) -> Audience | None:
    """LessonPage.serve (courses.permissions.can_read_lessons): an open course's
    lessons are public, the others need sign-in. Course → module → lesson."""
    module = tree.pages.get(source.path[: -Page.steplen])
    course = tree.pages.get(source.path[: -2 * Page.steplen])
    if not (module and course and module["live"] and course["live"]):
        return None
    return Audience(PUBLIC if course["coursepage__open_access"] else SIGNED_IN)


PAGE_RULES = {LessonPage: lesson_audience}
