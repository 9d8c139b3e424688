from mentornett.accounts.permissions import can_use_admin, has_staff_role
from mentornett.accounts.roles import StaffRole


def can_view_component_gallery(user) -> bool:
    """The component gallery is a working tool for editors and developers."""
    return can_use_admin(user)


def can_publish_reviewed_content(user) -> bool:
    """Guides and courses go live only through a reviewer: an editor submits,
    someone in the reviewers' group approves (or publishes directly)."""
    return has_staff_role(user, StaffRole.REVIEWER)


def can_view_review_report(user) -> bool:
    """The list of guides due for review: for everyone who edits guides."""
    return has_staff_role(user, StaffRole.EDITOR) or has_staff_role(user, StaffRole.REVIEWER)
