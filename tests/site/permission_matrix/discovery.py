"""What the matrix walks, found from the running site rather than a hand list:
every URL pattern in the resolver and every Wagtail page type; and how an
answer is named (`outcome`)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import get_page_models


@dataclass(frozen=True)
class Pattern:
    key: str  # the namespaced URL name, or the route itself when it has no name
    route: str
    name: str | None
    arguments: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")


def _walk(patterns, prefix="", namespace=None, arguments=()):
    for entry in patterns:
        found = (*arguments, *entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner, found)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            route = prefix + str(entry.pattern)
            yield Pattern(name or route, route, name, found)


def url_patterns() -> list[Pattern]:
    found = {}
    for pattern in _walk(get_resolver().url_patterns):
        # A name reused for a second route (allauth does) is one entry: the first wins,
        # as in reverse().
        found.setdefault(pattern.key, pattern)
    return list(found.values())


def page_types() -> list[str]:
    """Every page model's label, and `label:route` for each route of a routable page."""
    keys = []
    for model in get_page_models():
        keys.append(model._meta.label)
        if issubclass(model, RoutablePageMixin):
            for route in model.get_subpage_urls():
                keys.append(f"{model._meta.label}:{route.name}")
    return keys


LOGIN = "login"  # redirected to the site's sign-in page, with ?next=
ADMIN_LOGIN = "admin_login"  # redirected to the Wagtail admin's sign-in page
ADMIN_HOME = "admin_home"  # Wagtail's "you may not do that": back to the dashboard


def outcome(response) -> str:
    """The answer as the matrix names it: "200", "404", "login", "302:/where/"..."""
    code = response.status_code
    if code not in (301, 302, 303, 307, 308):
        return str(code)
    location = response["Location"]
    if location.startswith(reverse("account_login") + "?"):
        return LOGIN
    if location.startswith(reverse("wagtailadmin_login") + "?"):
        return ADMIN_LOGIN
    if location == reverse("wagtailadmin_home"):
        return ADMIN_HOME
    return f"302:{location.split('?')[0].split('#')[0]}"
