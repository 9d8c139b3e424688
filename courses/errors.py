from django.core.exceptions import ValidationError


class CourseError(ValidationError):
    """A course rule was broken; the message is a whole translated sentence."""
