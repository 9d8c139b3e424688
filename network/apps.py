from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Learning networks and the mentor scheme")
    default_auto_field = "django.db.models.BigAutoField"
