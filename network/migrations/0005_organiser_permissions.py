"""Network organisers manage teams and home tasks in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NETWORK_ORGANISERS = "Nettverksarrangører"
PERMISSIONS = [
    f"{action}_{model}"
    for model in ("team", "hometask")
    for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    network = apps.get_app_config("network")
    network.models_module = True
    create_permissions(network, apps=apps, verbosity=0)
    network.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=NETWORK_ORGANISERS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="network", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=NETWORK_ORGANISERS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="network", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_reminder_schedule"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
