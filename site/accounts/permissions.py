"""Who may do what with accounts, and which staff roles a person holds."""

from .roles import StaffRole


def staff_roles(user) -> frozenset[StaffRole]:
    """The staff roles of a signed-in person, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_staff_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role in StaffRole if role.value in names)
        user._staff_roles = cached
    return cached


def has_staff_role(user, role: StaffRole) -> bool:
    return user.is_authenticated and (user.is_superuser or role in staff_roles(user))


def can_use_admin(user) -> bool:
    """May open the Wagtail admin (editors, staff and superusers)."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def can_edit_profile(user, profile) -> bool:
    return user.is_authenticated and profile.user_id == user.pk
