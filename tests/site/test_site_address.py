"""The site's public address and name come from the settings (SITE_URL,
SITE_NAME): canonical and og:url links, the sitemap and Wagtail's default site
name it, whatever host a request came in by and whatever the Site row said."""

import importlib

import pytest

from django.apps import apps
from django.core.management import CommandError, call_command

from wagtail.models import Site

from home.models import HomePage

pytestmark = pytest.mark.django_db

ADDRESS = "https://mentornett.example"


@pytest.fixture
def public_address(settings):
    settings.SITE_URL = ADDRESS
    settings.SITE_NAME = "Mentornett"


def test_canonical_and_og_url_name_the_configured_address(public_address, client):
    html = client.get("/").content.decode()
    assert f'<link rel="canonical" href="{ADDRESS}/">' in html
    assert f'<meta property="og:url" content="{ADDRESS}/">' in html
    assert "localhost" not in html


def test_the_sitemap_names_the_configured_address(public_address, client, make_guide):
    guide = make_guide()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{ADDRESS}/</loc>" in xml
    assert f"<loc>{ADDRESS}{guide.url}</loc>" in xml
    assert "localhost" not in xml


def test_sync_site_gives_the_default_site_the_configured_name_and_address(settings, capsys):
    settings.SITE_URL = ADDRESS
    settings.SITE_NAME = "Mentornett Norge"
    call_command("sync_site")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("mentornett.example", 443)
    assert site.site_name == "Mentornett Norge"
    assert HomePage.objects.get().full_url == f"{ADDRESS}/"
    assert "(was changed)" in capsys.readouterr().out

    call_command("sync_site")
    assert "(unchanged)" in capsys.readouterr().out


def test_sync_site_keeps_a_development_port(settings):
    settings.SITE_URL = "http://localhost:8000"
    call_command("sync_site")
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost:8000"


def test_sync_site_refuses_an_address_another_site_already_has(settings):
    settings.SITE_URL = ADDRESS
    Site.objects.create(
        hostname="mentornett.example", port=443, root_page=HomePage.objects.get(), site_name="Annen"
    )
    with pytest.raises(CommandError, match="mentornett.example:443"):
        call_command("sync_site")


def test_the_migration_gives_the_default_site_the_configured_address(settings):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80, site_name="")
    settings.SITE_URL = ADDRESS
    migration = importlib.import_module("home.migrations.0006_site_name_and_address")
    migration.apply_settings(apps, schema_editor=None)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("mentornett.example", 443, "Mentornett")
