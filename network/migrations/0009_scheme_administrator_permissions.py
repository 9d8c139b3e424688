"""Scheme administrators edit the rules and read applications in the admin;
decisions go through the office page and its services."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SCHEME_ADMINISTRATORS = "Ordningsadministratorer"
PERMISSIONS = [
    "view_application",
    "add_schemerules",
    "change_schemerules",
    "view_schemerules",
]


def grant(apps, schema_editor):
    network = apps.get_app_config("network")
    network.models_module = True
    create_permissions(network, apps=apps, verbosity=0)
    network.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=SCHEME_ADMINISTRATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="network", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=SCHEME_ADMINISTRATORS):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="network", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0008_applications"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
