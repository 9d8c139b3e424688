"""Who may read lessons, save progress and see reports."""

from mentornett.accounts.permissions import has_staff_role
from mentornett.accounts.roles import StaffRole


def can_read_lessons(user, course) -> bool:
    """Course overviews are public; lessons need sign-in unless the course is open."""
    return course.open_access or user.is_authenticated


def can_save_progress(user) -> bool:
    return user.is_authenticated and user.is_active


def can_view_progress_report(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser
        or has_staff_role(user, StaffRole.EDITOR)
        or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR)
        or has_staff_role(user, StaffRole.NETWORK_ORGANISER)
    )


def can_manage_certificates(user) -> bool:
    """List, export, revoke and re-issue course certificates."""
    return user.is_authenticated and (
        user.is_superuser or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR)
    )
