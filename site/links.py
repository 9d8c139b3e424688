"""Absolute links to the site, for places that have no request to ask: e-mails,
calendars, Open Badges credentials, certificates and their PDFs, and the
canonical links and sitemap, which name the public address whatever host a
request came in by. The site's name and address come from the settings
(SITE_NAME, SITE_URL) and nowhere else."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


def absolute(path: str) -> str:
    """The public address of a path on this site (settings.SITE_URL + path).
    A URL that already names its host (a page under a second Wagtail site) is kept."""
    if urlsplit(path).scheme:
        return path
    return settings.SITE_URL.rstrip("/") + path


def on_site(url: str) -> str:
    """The same path (and query) at the site's public address, for a URL that
    was built from the host a request came in by."""
    return absolute(urlsplit(url)._replace(scheme="", netloc="").geturl())


@dataclass(frozen=True)
class PublicSite:
    """The site as allauth's e-mail templates read it (`current_site.name` and
    `.domain`). django.contrib.sites is not installed, and allauth's stand-in
    for it would name whatever host the request came in by."""

    name: str
    domain: str

    def __str__(self) -> str:
        return self.domain


def public_site() -> PublicSite:
    return PublicSite(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def wagtail_site_address() -> tuple[str, int]:
    """SITE_URL's host and port as Wagtail's Site stores them. Wagtail writes port
    443 as https://host, 80 as http://host and any other port as http://host:port."""
    url = urlsplit(settings.SITE_URL)
    return url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 80)
