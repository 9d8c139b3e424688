"""State changes for courses: learning progress (learning.py) and course
certificates (certificates.py)."""

from .learning import (
    REFLECTION_MAX_LENGTH,
    answer_quiz,
    complete_lesson,
    enroll,
    mark_exercise,
    refresh_course_progress,
    save_reflection,
)

__all__ = [
    "REFLECTION_MAX_LENGTH",
    "answer_quiz",
    "complete_lesson",
    "enroll",
    "mark_exercise",
    "refresh_course_progress",
    "save_reflection",
]
