"""Settings for each site from the start, so no page view has to create them."""

from django.db import migrations


def create_settings(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    SiteSettings = apps.get_model("home", "SiteSettings")
    for site in Site.objects.all():
        SiteSettings.objects.get_or_create(site=site)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_publish_schedule")]

    operations = [migrations.RunPython(create_settings, migrations.RunPython.noop)]
