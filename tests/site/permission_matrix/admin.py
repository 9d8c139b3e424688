"""The Wagtail admin (`admin/…`, some 330 patterns, most of them Wagtail's own)
as named rules instead of one line each. Every admin pattern must match a rule
(`rule_for`); an unmatched one fails the matrix.

Who may use the admin at all is one fact: the groups with
`wagtailadmin.access_admin` (organisers, scheme administrators, editors).
Everyone else (anonymous or not) is sent to the admin's sign-in page. What
each staff group then gets follows the group permissions of
site/accounts/migrations and the apps' data migrations, written out below so
that a changed permission shows here."""

import re
from dataclasses import dataclass

from .discovery import ADMIN_HOME, ADMIN_LOGIN
from .table import ADMIN_USERS, Entry, everyone
from .world import ROLES

OK = "200"
NO = ADMIN_HOME


def staff(
    organiser=OK, scheme_admin=OK, editor=OK, *, organiser_b=None, others=ADMIN_LOGIN
) -> Entry:
    """By staff group; network B's organiser is in the organisers' group and
    gets what `organiser` gets unless `organiser_b` says otherwise."""
    by_role = dict.fromkeys(ROLES, others)
    by_role.update(
        organiser=organiser,
        organiser_b=organiser if organiser_b is None else organiser_b,
        scheme_admin=scheme_admin,
        editor=editor,
    )
    return Entry(by_role)


def only_staff(*roles) -> Entry:
    return staff(**{role: (OK if role in roles else NO) for role in ADMIN_USERS})


# Snippets an organiser works on only for the networks they organise
# (network/wagtail_hooks.py, OrganisedNetworksViewSet): the world's row is network
# A's, so network B's organiser finds it nowhere; the lists show B's own rows.
BY_NETWORK = {"network_team", "network_hometask"}
ONE_ROW = {"edit", "delete", "usage", "history", "history_results", "copy", "inspect"}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # a regular expression on the pattern's key (its namespaced name)
    entry: object  # an Entry, or a function(key) -> Entry
    with_arguments: bool = False  # request it also when it takes arguments (real ids)


# Mentornett's snippets: which URL actions each staff group may open, from
# the model permissions the groups hold. "choose" is the chooser modal.
LIST = {"list", "list_results", "choose", "choose_results", "chosen", "chosen_multiple"}
VIEW = {*LIST, "inspect"}
CHANGE = {*LIST, "edit", "usage", "history", "history_results"}
ADD = {"add", "copy", "create"}
EVERYTHING = {*CHANGE, *ADD, "delete", "inspect"}
CHOOSE = {"choose", "choose_results", "chosen", "chosen_multiple"}

SNIPPETS = {
    # No group holds event series' permissions: superusers only.
    "events_eventseries": {},
    "network_team": {"organiser": EVERYTHING},
    "network_hometask": {"organiser": EVERYTHING},
    "network_schemerules": {"scheme_admin": CHANGE | ADD},
    # Decisions go through the office pages; the admin only lists and shows.
    "network_application": {"scheme_admin": VIEW},
    "network_municipalitycontact": {"scheme_admin": EVERYTHING},
    "network_mentorhub": {"scheme_admin": CHANGE | {"inspect"}},
    "network_equipmentset": {"scheme_admin": CHANGE | ADD},
    "network_equipmentbooking": {"scheme_admin": VIEW},  # read-only for everyone
}
# Rows that name people: their choosers are for those with a permission on
# the model only (network/wagtail_hooks.py, PersonalRowsChooserViewSet). The
# other choosers are open to every admin user, as in Wagtail.
PERSONAL = {
    "network_application",
    "network_municipalitycontact",
    "network_mentorhub",
    "network_equipmentbooking",
}
SNIPPET_KEY = re.compile(r"wagtailsnippet(?:s|choosers)_(?P<model>\w+?_\w+):(?P<action>\w+)$")


def snippet_entry(key) -> Entry:
    match = SNIPPET_KEY.match(key)
    model, action = match["model"], match["action"]
    assert model in SNIPPETS, (
        f"{key}: a new snippet model; add {model!r} to SNIPPETS in {__name__} "
        "(and to PERSONAL when its rows name people)"
    )
    granted = SNIPPETS[model]
    outcomes = {}
    for role in ADMIN_USERS:
        allowed = granted.get("organiser" if role == "organiser_b" else role, set())
        if action in CHOOSE and model not in PERSONAL:
            allowed = CHOOSE
        outcomes[role] = OK if action in allowed else NO
    scoped = model in BY_NETWORK and key.startswith("wagtailsnippets_") and action in ONE_ROW
    if scoped and outcomes["organiser_b"] == OK:
        outcomes["organiser_b"] = "404"
    return staff(**outcomes)


RULES = [
    # --- open to everyone: signing in and what the sign-in page needs -------------
    # Staff are sent on to the dashboard; a POST without a password shows the form.
    Rule(
        "admin sign-in",
        r"wagtailadmin_login$",
        Entry(
            staff(NO, NO, NO, others=OK).get,
            post_refused=dict.fromkeys(ADMIN_USERS, OK),
        ),
    ),
    Rule(
        "admin password reset and assets",
        r"wagtailadmin_(password_reset(_done|_complete)?|sprite|javascript_catalog)$",
        everyone(),
    ),
    # Django's LogoutView takes POST only. (Wagtail's drops the session cookie
    # even on the refused GET: a GET from another site logs a staff browser out.)
    Rule("admin sign-out", r"wagtailadmin_logout$", staff("405", "405", "405")),
    # Wagtail's deliberate error page, for checking error reporting.
    Rule("admin error test", r"wagtailadmin_error_test$", staff("500", "500", "500")),
    Rule("admin unknown address", r"admin/\^\.\*/\$$", staff("404", "404", "404")),
    # Wagtail's page for checking how the admin's 404 page looks (answers 200).
    Rule("admin 404 test", r"admin/test404/$", staff()),
    # --- Mentornett's own admin views ---------------------------------------------
    Rule("course progress", r"course_reports?$", staff(), with_arguments=True),
    Rule(
        "course certificates",
        r"certificates_admin|certificate_detail$",
        only_staff("scheme_admin"),
        with_arguments=True,
    ),
    Rule(
        "revoke and re-issue a certificate (POST only)",
        r"certificate_(revoke|reissue)$",
        Entry(
            staff("405", "405", "405").get,
            post_refused={"organiser": NO, "organiser_b": NO, "editor": NO},
        ),
        with_arguments=True,
    ),
    Rule("audit log", r"audit_log(_export)?$", only_staff("scheme_admin"), with_arguments=True),
    Rule("guides due for review", r"guides_due_for_review$", only_staff("editor")),
    # The site's settings (home.SiteSettings): superusers only.
    Rule("site settings", r"wagtailsettings:edit$", only_staff(), with_arguments=True),
    Rule("Mentornett snippets", SNIPPET_KEY.pattern, snippet_entry, with_arguments=True),
    # django-axes' failed logins (mentornett/lockouts.py): no group holds its
    # permissions, so superusers only.
    Rule("failed logins and lockouts", r"^lockouts:\w+$", only_staff(), with_arguments=True),
    # --- Wagtail's own areas, by the permissions the groups hold ----------------------
    Rule(
        "dashboard, account, choosers and helpers every admin user needs",
        r"wagtailadmin_(home|account|dismissibles|tag_autocomplete|choose_page\w*)$"
        r"|wagtailadmin_workflows:task_chooser\w*$"
        r"|wagtail(docs|images)_chooser:(choose|choose_results|chosen_multiple)$"
        r"|wagtailadmin_reports:site_history(_results)?$"
        r"|wagtailadmin_api:\w+:listing$",
        staff(),
    ),
    # Without the query they need: not found (and POST is not allowed).
    Rule(
        "block preview and the API's find, without a query",
        r"wagtailadmin_block_preview$|wagtailadmin_api:\w+:find$",
        Entry(
            staff("404", "404", "404").get,
            post_refused=dict.fromkeys(ADMIN_USERS, "405"),
        ),
    ),
    Rule(
        "pages, page reports, forms, documents and images: editors",
        r"wagtailadmin_(explore_root|pages:search(_results)?)$"
        r"|wagtailadmin_reports:(locked_pages|workflow|workflow_tasks|aging_pages"
        r"|page_types_usage)(_results)?$"
        r"|wagtailforms:index(_results)?$"
        r"|wagtail(docs|images):(index|index_results|add|add_multiple)$"
        r"|wagtail(docs|images)_chooser:create$",
        only_staff("editor"),
    ),
    Rule(
        "collections, workflows, redirects, sites, users, groups, snippet index: superusers",
        r"wagtailadmin_(collections|workflows):\w+$"
        r"|wagtail(redirects|sites|users_users|users_groups):\w+$"
        r"|wagtailsnippets:index$",
        only_staff(),
    ),
    # Everything else of Wagtail's takes an object's id (a page, an image, a
    # workflow...). They are Wagtail's own views with Wagtail's own permission
    # checks and tests; the matrix only requires that each is known here. One
    # without arguments must have a rule above (the test says so).
    Rule(
        "Wagtail's views on one object",
        r"^wagtail(admin|docs|images|users|sites|redirects|forms|settings)?[_:]",
        None,
    ),
]


# The model behind each of Mentornett's own admin viewsets (by URL namespace),
# whose first row the URLs that take an id are requested with.
VIEWSET_MODELS = {"lockouts": "axes.AccessAttempt"}


def rule_for(key) -> Rule | None:
    for rule in RULES:
        if re.search(rule.pattern, key):
            return rule
    return None


def entry_for(rule, key) -> Entry | None:
    if callable(rule.entry):
        return rule.entry(key)
    return rule.entry
