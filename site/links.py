"""Absolute links to the site, for places that have no request to ask: e-mails,
calendars, Open Badges credentials, certificates and their PDFs."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path: str) -> str:
    """The public address of a path on this site (settings.SITE_URL + path).
    A URL that already names its host (a page under a second Wagtail site) is kept."""
    if urlsplit(path).scheme:
        return path
    return settings.SITE_URL.rstrip("/") + path
