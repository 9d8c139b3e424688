from django.core.exceptions import ValidationError


class RegistrationError(ValidationError):
    """An event rule was broken; the message is a whole translated sentence
    and `.code` says which rule."""
