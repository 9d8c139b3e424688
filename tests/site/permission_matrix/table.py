"""The expectation table: for every URL name (outside the admin, see admin.py)
and every page type, what each role gets.

Outcomes: "200", "404", "405", ... (status codes); LOGIN (to the site's
sign-in page, with ?next=); ADMIN_LOGIN / ADMIN_HOME (the Wagtail admin's sign-in
page / its "you may not" redirect to the dashboard); "302:/path/" (elsewhere).

Besides the GETs, every role whose GET is refused (LOGIN, ADMIN_LOGIN,
ADMIN_HOME, 403, 404) POSTs too and must be refused the same way, changing
nothing; for POST-only views (GET answers 405) `post_only(...)` names who may
POST and everyone else must be refused with 404 (LOGIN when anonymous)."""

from dataclasses import dataclass, field

from .discovery import ADMIN_HOME, ADMIN_LOGIN, LOGIN
from .world import ROLES

SIGNED_IN = ROLES[1:]
REFUSED = {LOGIN, ADMIN_LOGIN, ADMIN_HOME, "403", "404"}


@dataclass(frozen=True)
class Entry:
    get: dict  # role -> outcome of a GET
    post_refused: dict = field(default_factory=dict)  # role -> outcome of a refused POST

    def refused_posts(self) -> dict:
        found = {role: got for role, got in self.get.items() if got in REFUSED}
        found.update(self.post_refused)
        return found


def everyone(outcome="200") -> Entry:
    return Entry(dict.fromkeys(ROLES, outcome))


def signed_in(outcome="200", *, anonymous=LOGIN, **roles) -> Entry:
    return Entry({"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, outcome), **roles})


def only(*roles, anonymous=LOGIN, others="404") -> Entry:
    """200 for `roles`; anyone else signed in gets `others` (404: even whether
    the thing exists is not theirs to know)."""
    return signed_in(others, anonymous=anonymous, **dict.fromkeys(roles, "200"))


def post_only(*allowed, all_signed_in=False) -> Entry:
    """A view that only takes POST: a GET is 405 once signed in. Everyone not in
    `allowed` must have a POST refused (404; LOGIN when anonymous)."""
    allowed = SIGNED_IN if all_signed_in else allowed
    refused = {role: "404" for role in SIGNED_IN if role not in allowed}
    return Entry(signed_in("405").get, post_refused=refused)


TEAM_A = ("member_a", "advisor_a", "organiser")  # members, its advisor, the network's organiser
NETWORK = (*TEAM_A, "member_b")  # every team, advisor and organiser of the network
PARTIES = ("mentor", "mentee")  # the two people on the application
# Network B's organiser and advisor (world.py) are staff of another network: every
# team, report and dashboard here is network A's, so they get 404 where only
# network A's people get 200. What their staff groups give site-wide, they keep.
ORGANISERS = ("organiser", "organiser_b")  # the network organisers' group
EVENT_STAFF = (*ORGANISERS, "scheme_admin")  # events.permissions.can_manage_events
ADMIN_USERS = (*ORGANISERS, "scheme_admin", "editor")  # groups with wagtailadmin.access_admin


URLS = {
    # --- the site itself --------------------------------------------------------
    "healthz": everyone(),
    "robots_txt": everyone(),
    "sitemap": everyone(),
    # Wagtail's page server: every page type is checked in PAGES below.
    "wagtail_serve": None,
    "wagtailcore_login": everyone(),  # the sign-in form for view-restricted pages
    # No password-restricted page or document exists in the world: no such restriction.
    "wagtailcore_authenticate_with_password": everyone("404"),
    "wagtaildocs_authenticate_with_password": everyone("404"),
    # A document is seen where a live page linking it is (mentornett/documents.py):
    # this one is linked only from the network's members-only resource page.
    # Editors may choose and change documents, so they may download it.
    "wagtaildocs_serve": only(*NETWORK, "editor", anonymous="404"),
    # --- allauth (konto/) ----------------------------------------------------------
    "account_login": signed_in("302:/min-side/", anonymous="200"),
    "account_logout": signed_in("200", anonymous="302:/"),  # GET asks; only POST signs out
    "account_inactive": everyone(),
    "account_signup": signed_in("302:/min-side/", anonymous="200"),
    "account_reauthenticate": signed_in(),
    "account_request_reauthentication_code": signed_in(),
    "account_confirm_reauthentication_code": signed_in("302:/konto/reauthenticate/code/"),
    "account_email": signed_in(),
    "account_email_verification_sent": everyone(),
    "account_change_password": signed_in(),
    "account_set_password": signed_in("302:/konto/password/change/"),
    "account_reset_password": everyone(),
    "account_confirm_login_code": signed_in("302:/min-side/", anonymous="302:/konto/login/"),
    # An invalid key shows "this link is invalid", for everyone.
    "account_confirm_email": everyone(),
    "account_reset_password_from_key": everyone(),
    "account_reset_password_from_key_done": everyone(),
    "account_reset_password_done": everyone(),
    "socialaccount_login_cancelled": everyone(),
    "socialaccount_login_error": everyone("401"),
    "socialaccount_signup": everyone("302:/konto/login/"),  # no pending sign-up
    "socialaccount_connections": signed_in(),
    "konto/social/login/cancelled/": everyone("302:/konto/3rdparty/login/cancelled/"),
    "konto/social/login/error/": everyone("302:/konto/3rdparty/login/error/"),
    "konto/social/signup/": everyone("302:/konto/3rdparty/signup/"),
    "konto/social/connections/": everyone("302:/konto/3rdparty/"),
    # No OpenID Connect provider is configured in the tests: not found.
    "openid_connect_login": everyone("404"),
    "openid_connect_callback": everyone("404"),
    # --- accounts and Min side ---------------------------------------------------
    "accounts:profile": signed_in(),
    "accounts:switch_language": everyone("302:/"),
    "accounts:my_data": signed_in(),  # a person's own data: only ever their own
    "accounts:export_data": signed_in(),
    "accounts:delete_account": signed_in(),
    "accounts:account_deleted": everyone(),
    "home:dashboard": signed_in(),
    "home:component_gallery": only(*ADMIN_USERS),
    "home:search": everyone(),
    # --- courses and certificates --------------------------------------------------
    "courses:enroll": post_only(all_signed_in=True),
    "courses:complete": post_only(all_signed_in=True),
    "courses:reflection": post_only(all_signed_in=True),
    "courses:exercise": post_only(all_signed_in=True),
    "courses:quiz": post_only(all_signed_in=True),
    "courses:reflections": only("mentor"),  # the learner's own reflections
    "courses:completed": only("mentor"),  # the learner's own completed course
    "certificates:verify_form": everyone(),
    "certificates:verify_badge": everyone(),
    "certificates:verify": everyone(),  # public by code
    "certificates:pdf": only("mentor"),  # the holder's own
    "certificates:badge": only("mentor"),
    "openbadges:jwks": everyone(),
    "openbadges:issuer": everyone(),
    # --- events ----------------------------------------------------------------------
    "events:register": post_only(all_signed_in=True),
    "events:cancel": post_only(all_signed_in=True),
    "events:answers": post_only(all_signed_in=True),
    "events:team": only("member_a"),  # the team's coordinator registers the team
    "events:ics": everyone(),  # the meeting link only for the confirmed (tests/events)
    "events:poll": only("mentee"),  # only those who attended the past event
    # The e-mailed links carry a signed token: the token is the key, and GET
    # only shows a page with a button.
    "events:give_up": everyone(),
    "events:feed": everyone(),
    "events:shared_plan": everyone(),
    "events:renew_feed": post_only(all_signed_in=True),
    "events:organiser": only(*EVENT_STAFF),
    "events:checkin": only(*EVENT_STAFF),
    "events:mark": post_only(*EVENT_STAFF),
    "events:participants_csv": only(*EVENT_STAFF),
    "events:poll_results": only(*EVENT_STAFF),
    "events:poll_remind": post_only(*EVENT_STAFF),
    "events:breakout": only(*EVENT_STAFF),
    # --- learning networks -----------------------------------------------------------
    "network:my_teams": signed_in(),
    # The work waiting for an advisor: their own teams' (network B's advisor's is
    # network B's; tests/network tests what each list holds).
    "network:review_queue": only("advisor_a", "advisor_b"),
    "network:invitation": signed_in(),  # the signed token is the key
    "network:team": only(*TEAM_A),
    "network:invite": post_only("member_a", "organiser"),
    "network:revoke_invitation": post_only("member_a", "organiser"),
    "network:remove_member": post_only("member_a", "organiser"),
    "network:agreement": only(*TEAM_A),
    "network:agreement_pdf": only(*TEAM_A),
    "network:agreement_scan": only(*TEAM_A),
    "network:task": only(*TEAM_A),
    "network:save": post_only("member_a"),
    "network:upload": post_only("member_a"),
    "network:draft_file": only("member_a"),  # drafts are the team's own
    "network:version_file": only(*TEAM_A),
    "network:comment": post_only(*TEAM_A),
    "network:review": post_only("advisor_a", "organiser"),
    "network:score": post_only("advisor_a", "organiser"),
    "network:share": post_only("member_a"),
    "network:final_report_pdf": only(*TEAM_A),
    "network:measurements": only(*TEAM_A),
    "network:indicator": only(*TEAM_A),
    "network:delete_value": post_only("member_a"),
    "network:poster_walk": only(*NETWORK),
    "network:shared": only(*NETWORK),
    "network:shared_file": only(*NETWORK),
    "network:dashboard": only("organiser"),
    "network:dashboard_csv": only("organiser"),
    "network:reading": only("organiser"),
    "network:agreements": only("organiser"),
    "network:before_now": only("organiser"),
    "network:advisors": only("organiser"),
    "network:advisor": post_only("organiser"),
    # --- the mentor scheme ---------------------------------------------------------
    "scheme:applications": signed_in(),  # one's own list (and starting one)
    "scheme:application": only(*PARTIES, "scheme_admin"),
    "scheme:invite": post_only(*PARTIES),
    "scheme:withdraw": post_only(*PARTIES),
    "scheme:contract": only(*PARTIES, "scheme_admin"),
    "scheme:decision_letter": only(*PARTIES, "scheme_admin"),
    "scheme:accept": post_only(*PARTIES),
    "scheme:invitation": signed_in(),  # the signed token is the key
    "scheme:office": only("scheme_admin"),
    # Claims are the mentee's own (housing support is means-tested): not the
    # mentor's; the office decides them on the office page and opens the files.
    "scheme:claims": only("mentee"),
    "scheme:claim_file": only("mentee", "scheme_admin"),
    "scheme:evaluation": only(*PARTIES),
    "scheme:decide_claim": post_only("scheme_admin"),
    "scheme:payout": post_only("scheme_admin"),
    "scheme_hubs:hubs": signed_in(),  # one's own hubs (and registering one)
    "scheme_hubs:hub": only("mentor", "scheme_admin"),  # the mentor is the hub's contact
    "scheme_hubs:add_mentor": post_only("mentor", "scheme_admin"),
    "scheme_hubs:remove_mentor": post_only("mentor", "scheme_admin"),
    "scheme_hubs:add_week": post_only("mentor", "scheme_admin"),
    "scheme_hubs:remove_week": post_only("mentor", "scheme_admin"),
    "scheme_hubs:office_summary": only("scheme_admin"),
    "scheme_hubs:office_approval": only("scheme_admin"),
    "scheme_hubs:office_approve": post_only("scheme_admin"),
    "scheme_hubs:office_payout": post_only("scheme_admin"),
    "scheme_hubs:equipment": signed_in(),  # who may book is shown on the page
    "scheme_hubs:cancel_booking": post_only("mentor", "scheme_admin"),
    "scheme_reports:dashboard": only("scheme_admin"),
    "scheme_reports:completed_csv": only("scheme_admin"),
    # The contact's own municipality only; the office has the full reports.
    "scheme_reports:municipality": only("municipality_contact"),
    # --- Finn mentor: profiles, municipality contacts and needs ------------------------
    # One's own profiles: every signed-in person has (or may make) their own.
    "finn:start": signed_in(),
    "finn:mentor_profile": signed_in(),
    "finn:mentee_profile": signed_in(),
    "finn:hide_mentor": post_only(all_signed_in=True),
    "finn:hide_mentee": post_only(all_signed_in=True),
    "finn:hub_listing": only("mentor"),  # the contact of the approved hub
    "finn:register_contact": signed_in(),
    # The municipality's verified contacts act for it; anyone else gets 404.
    "finn:municipality": only("municipality_contact"),
    "finn:publish_need": post_only("municipality_contact"),
    # The list says what to do to see it; an open need is for those with a
    # profile (the mentor and the mentee), its contacts and the office.
    "finn:needs": signed_in(),
    "finn:need": only("mentor", "mentee", "municipality_contact", "scheme_admin"),
    "finn:close_need": post_only("municipality_contact"),
    "finn:office_contacts": only("scheme_admin"),
    "finn:verify_contact": post_only("scheme_admin"),
    "finn:reject_contact": post_only("scheme_admin"),
    # --- Finn mentor: searches, the matching board, the overview, freshness ------
    # Published searches: mentors with a profile and a valid certificate, contact
    # persons of approved hubs (the mentor runs one) and verified municipality
    # contacts; the search is the mentee's, so the mentee is not among them.
    "finn:searches": only("mentor", "municipality_contact"),
    "finn:search": only("mentor", "municipality_contact"),
    "finn:answers": signed_in(),  # one's own search's answers (or how to publish one)
    "finn:accept_answer": post_only("mentee"),
    "finn:proposal": only(*PARTIES, "scheme_admin"),
    "finn:overview": everyone(),  # counts only, public
    "finn:confirm": everyone(),  # the signed token is the key; the page has one button
    "finn:board": only("scheme_admin"),
    "finn:board_case": only("scheme_admin"),
    "finn:propose": post_only("scheme_admin"),
    "finn:add_note": post_only("scheme_admin"),
    # --- Finn mentor: the directory and requests ---------------------------------------
    # Signed in, everyone gets the page: with no profile, it says to make one.
    "finn:directory": signed_in(),
    "finn:new_request": signed_in(),
    "finn:requests": signed_in(),  # one's own, sent and received
    # The mentee's request to the mentor: the two of them; the office's board
    # has its own page.
    "finn:request": only(*PARTIES),
    "finn:answer_request": post_only("mentor"),  # the one asked now
    "finn:withdraw_request": post_only("mentee"),
}


# Page types: the live page of each type in the world (tests/site/permission_matrix/world.py).
PAGES = {
    # The tree's root is no page anyone visits: Wagtail serves the site's home page.
    "wagtailcore.Page": None,
    "home.HomePage": everyone(),
    "home.StandardPage": everyone(),
    "home.GuideIndexPage": everyone(),
    "home.GuidePage": everyone(),
    "home.GuidePage:index_route": everyone(),
    "home.GuidePage:pdf": everyone(),
    "courses.CourseIndexPage": everyone(),
    "courses.CoursePage": everyone(),
    "courses.ModulePage": everyone("302:/kurs/mentorkurs/"),  # shown on its course
    "courses.LessonPage": signed_in(),  # the course is not open access
    "events.EventIndexPage": everyone(),
    "events.EventPage": everyone(),
    "network.NetworkIndexPage": everyone(),
    "network.LearningNetworkPage": everyone(),
    # For the network's teams, advisors and organisers only.
    "network.NetworkResourcePage": only(*NETWORK),
    "network.SchemePage": everyone(),
}
