"""The default Wagtail site takes its name and address from the settings
(SITE_NAME, SITE_URL), so Wagtail's own links (page.full_url, the admin's
"view live") name the public address. Migration home 0006 applies it once;
`manage.py sync_site` applies it on every deploy and `make run`."""

from django.conf import settings

from .links import wagtail_site_address


class SiteAddressTaken(Exception):
    """Another Wagtail site already answers at SITE_URL's host and port."""


def default_site_changes(site_model) -> dict:
    """What the default site would change to take its name and address from the
    settings ({} when it already has them, or there is no default site)."""
    site = site_model.objects.filter(is_default_site=True).first()
    if site is None:
        return {}
    hostname, port = wagtail_site_address()
    wanted = {"hostname": hostname, "port": port, "site_name": settings.SITE_NAME}
    return {name: value for name, value in wanted.items() if getattr(site, name) != value}


def sync_default_site(site_model) -> dict:
    """Give the default site SITE_URL's host and port and SITE_NAME; returns what
    changed. Takes the model so that a migration can pass its historical one;
    saving the real model clears Wagtail's cached site paths and bumps the
    content generation."""
    changes = default_site_changes(site_model)
    if not changes:
        return {}
    site = site_model.objects.get(is_default_site=True)
    for name, value in changes.items():
        setattr(site, name, value)
    taken = (
        site_model.objects.filter(hostname=site.hostname, port=site.port)
        .exclude(pk=site.pk)
        .exists()
    )
    if taken:
        raise SiteAddressTaken(
            f"Another Wagtail site already answers at {site.hostname}:{site.port}."
        )
    site.save(update_fields=list(changes))
    return changes
