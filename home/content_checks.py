"""Checks on what editors write, so a guide cannot carry a script or a link
that goes nowhere. Blocks call these from their clean()."""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

# Raw HTML that the cleaner would strip anyway; refusing it tells the editor
# why their text would not show as they meant.
UNSAFE_MARKUP = re.compile(
    r"<\s*/?\s*(script|iframe|object|embed|style|form)\b|\bon[a-z]+\s*=|javascript:", re.I
)
# [text](/path/) and <a href="/path/">: links within the site.
INTERNAL_LINK = re.compile(r"\]\(\s*(/[^)\s]*)|href=[\"'](/[^\"']*)")


def markdown_problems(text: str) -> list[str]:
    problems = []
    if UNSAFE_MARKUP.search(text or ""):
        problems.append(
            _(
                "Markdown cannot contain scripts, frames, forms or event handlers. "
                "Remove the HTML and write the text in Markdown."
            )
        )
    for match in INTERNAL_LINK.finditer(text or ""):
        path = match.group(1) or match.group(2)
        if not internal_path_exists(path):
            problems.append(
                _("The link %(path)s does not go to any page on the site. Check the address.")
                % {"path": path}
            )
    return problems


def internal_path_exists(path: str) -> bool:
    """True when a path on this site leads to a live page or one of its views."""
    route = urlsplit(path).path or "/"
    try:
        match = resolve(route)
    except Resolver404:
        return False
    if match.url_name != "wagtail_serve":
        return True
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return False
    url_path = site.root_page.url_path + route.strip("/")
    url_path = url_path if url_path.endswith("/") else url_path + "/"
    return Page.objects.live().filter(url_path=url_path).exists()
