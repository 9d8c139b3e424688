from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's validator with messages in our own catalogue: Django's Bokmål
    catalogue lacks the wording Django 5.2 uses."""

    def get_error_message(self):
        return ngettext(
            "The password is too short. Use at least %(min_length)d character.",
            "The password is too short. Use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return ngettext(
            "Use at least %(min_length)d character.",
            "Use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
