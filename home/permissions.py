from mentornett.accounts.permissions import can_use_admin


def can_view_component_gallery(user) -> bool:
    """The component gallery is a working tool for editors and developers."""
    return can_use_admin(user)
