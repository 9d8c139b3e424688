"""Staff roles are Django groups, created by a data migration. Participant roles
(mentor, mentee, team member) come from domain data, not from groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    # The value is the group name staff see in the Wagtail admin; keep in sync
    # with migrations/0002_staff_groups.py.
    SCHEME_ADMINISTRATOR = "Ordningsadministratorer", _("Scheme administrators")
    NETWORK_ORGANISER = "Nettverksarrangører", _("Network organisers")
    NETWORK_ADVISOR = "Nettverksrådgivere", _("Network advisors")
    EDITOR = "Redaktører", _("Editors")
    # Editors who approve guides and courses (migrations/0003_reviewers.py).
    REVIEWER = "Fagansvarlige", _("Reviewers")
