"""Who may see and do what with scheme applications. The mentor and the mentee
see their own applications; scheme administrators see all. Anyone else gets
404, so that whether an application exists is never revealed."""

from django.db.models import Q

from mentornett.accounts.permissions import has_staff_role
from mentornett.accounts.roles import StaffRole

from .models import Application


def is_scheme_administrator(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR)
    )


def is_party(user, application) -> bool:
    return user.is_authenticated and application.role_of(user) is not None


def can_view_application(user, application) -> bool:
    return is_party(user, application) or is_scheme_administrator(user)


def my_applications(user):
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(Q(mentor=user) | Q(mentee=user))
