"""Failed logins and lockouts (django-axes' database records) in the Wagtail
admin, for administrators: who is locked out, from where, since when. Deleting
a record lifts that lock; nothing can be added or edited here."""

from axes.models import AccessAttempt

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ReadAndLiftPolicy(ModelPermissionPolicy):
    """Django's permissions for viewing and deleting; no one adds or edits."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Failed logins")
    add_to_settings_menu = True
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    ordering = ["-attempt_time"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        "path_info",
        "user_agent",
    ]
    form_fields = ["username"]  # required by the viewset; the policy allows no form


def register() -> LockoutViewSet:
    register_permission_policy(AccessAttempt, ReadAndLiftPolicy(AccessAttempt))
    return LockoutViewSet("lockouts")
