"""Scheme administrators manage equipment sets, MentorHubs and municipality
contacts in the admin, and read claims, bookings and payouts there; approving
claims and recording payouts go through the office pages and their services."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SCHEME_ADMINISTRATORS = "Ordningsadministratorer"
PERMISSIONS = [
    "add_equipmentset",
    "change_equipmentset",
    "view_equipmentset",
    "view_equipmentbooking",
    "view_mentorhub",
    "change_mentorhub",
    "view_municipalitycontact",
    "add_municipalitycontact",
    "change_municipalitycontact",
    "delete_municipalitycontact",
    "view_claim",
    "view_payout",
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
        ("network", "0013_scheme_relationships_hubs_equipment"),
        ("accounts", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
