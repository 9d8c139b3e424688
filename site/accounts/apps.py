from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "mentornett.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that know our e-mail login and full name."""

    user_viewset = "mentornett.accounts.viewsets.UserViewSet"
