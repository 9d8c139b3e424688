"""Response headers that Django and django-csp do not set on their own."""

from csp.constants import HEADER
from csp.utils import build_policy

from django.conf import settings

# What Wagtail 8's admin needs beyond the site's policy (CONTENT_SECURITY_POLICY),
# found by opening its dashboard, page editor, snippet and image listings and
# the image chooser in Chromium (tests/browser/test_csp.py keeps it honest).
ADMIN_POLICY_ADDITIONS = {
    # Wagtail renders date/time choosers and inline panels (an event's dates,
    # a guide's review date, the listing filters) with inline <script> that
    # starts them, and jQuery runs those scripts when StreamField adds a block.
    "script-src": ["'unsafe-inline'"],
    # Its bundled editors (Draftail, tippy) insert <style> elements.
    "style-src": ["'unsafe-inline'"],
    # The live preview shows the page in a frame of the editor itself.
    "frame-ancestors": ["'self'"],
}


class AdminContentSecurityPolicyMiddleware:
    """Adds ADMIN_POLICY_ADDITIONS for /admin/ only; every other page keeps the
    strict policy. Sits inside CSPMiddleware, which reads `_csp_replace`; a
    view's own replacements win."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            # The live preview renders the public page through the middleware
            # again, under the page's own address, so it arrives with the
            # site's policy and frame-ancestors 'none'; in the editor it must
            # carry the admin's. A stricter policy of a view's own (a private
            # file's sandbox) stays.
            if response.get(HEADER) == build_policy():
                del response[HEADER]
            response._csp_replace = {**admin_policy_replacements(), **_own(response)}
        return response


def _own(response) -> dict:
    return dict(getattr(response, "_csp_replace", None) or {})


def admin_policy_replacements() -> dict:
    """The site's directives with the admin's additions; 'none' goes, since it
    must stand alone in a directive."""
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return {
        name: [s for s in directives.get(name, []) if s != "'none'"] + additions
        for name, additions in ADMIN_POLICY_ADDITIONS.items()
    }


class PermissionsPolicyMiddleware:
    """Switches off browser features no page uses (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
