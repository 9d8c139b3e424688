"""Staff roles as groups. Keep the names in sync with mentornett/accounts/roles.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SCHEME_ADMINISTRATORS = "Ordningsadministratorer"
NETWORK_ORGANISERS = "Nettverksarrangører"
NETWORK_ADVISORS = "Nettverksrådgivere"
EDITORS = "Redaktører"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations; the groups need
    # them now, on a fresh database too.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    _ensure_permissions(apps)

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    access_admin = permission("wagtailadmin", "access_admin")
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (SCHEME_ADMINISTRATORS, NETWORK_ORGANISERS, NETWORK_ADVISORS, EDITORS)
    }
    for name in (SCHEME_ADMINISTRATORS, NETWORK_ORGANISERS, EDITORS):
        groups[name].permissions.add(access_admin)

    editors = groups[EDITORS]
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root_page, permission=permission("wagtailcore", codename)
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors,
                collection=root_collection,
                permission=permission(app_label, codename),
            )
    # Wagtail's own "Editors" group is replaced by ours; "Moderators" stays, as
    # Wagtail's default approval workflow uses it.
    Group.objects.filter(name="Editors").delete()


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(
        name__in=[SCHEME_ADMINISTRATORS, NETWORK_ORGANISERS, NETWORK_ADVISORS, EDITORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
