"""The default Wagtail site takes its name and address from the settings
(SITE_NAME, SITE_URL) instead of localhost:80; `manage.py sync_site` does it
again on each deploy, when the settings may have changed."""

from contextlib import suppress

from django.db import migrations

from mentornett.sites import SiteAddressTaken, sync_default_site


def apply_settings(apps, schema_editor):
    # Another site may already have the address: sync_site says so on deploy, and
    # the operator sorts it out; the migration itself must not fail over it.
    with suppress(SiteAddressTaken):
        sync_default_site(apps.get_model("wagtailcore", "Site"))


class Migration(migrations.Migration):
    dependencies = [("home", "0005_site_settings_for_sites")]

    operations = [migrations.RunPython(apply_settings, migrations.RunPython.noop)]
