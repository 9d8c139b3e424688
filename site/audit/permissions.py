"""Who may read the audit log: superusers and scheme administrators. Editors,
organisers and advisors may not: the log shows decisions about money and
people across the whole site."""

from mentornett.accounts.permissions import has_staff_role
from mentornett.accounts.roles import StaffRole


def can_view_audit_log(user) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or has_staff_role(user, StaffRole.SCHEME_ADMINISTRATOR))
    )
