"""The values a URL's arguments take in the shared world: by argument name,
with a few URLs that need another object of the same kind (`BY_KEY`). The
objects are always team A's, the mentor's and the mentee's, so that everyone
else asks for someone else's."""

from django.urls import reverse


def by_name(world) -> dict:
    o = world.objects
    application = o["application"]
    return {
        "course_id": o["mentor_course"].pk,
        "lesson_id": o["mentor_lesson"].pk,
        "block_id": o["mentor_blocks"]["reflection"],
        "code": o["certificate"].code,
        "certificate_id": o["certificate"].pk,
        "event_id": o["event"].pk,
        "registration_id": o["registration"].pk,
        "team_id": o["team_a"].pk,
        "network_id": o["network"].pk,
        "task_id": o["status_task"].pk,
        "version": 1,
        "invitation_id": o["team_invitation"].pk,
        "membership_id": o["colleague_membership"].pk,
        "indicator_id": o["indicator"].pk,
        "measurement_id": o["measurement"].pk,
        "submission_id": o["shared_submission"].pk,
        "application_id": application.pk,
        "claim_id": o["claim"].pk,
        "which": "kvittering",
        "hub_id": o["hub"].pk,
        "mentor_id": o["hub_mentor"].pk,
        "week_id": o["student_week"].pk,
        "booking_id": o["booking"].pk,
        "municipality_id": o["municipality"].pk,
        "need_id": o["need"].pk,
        "contact_id": o["municipality_contact"].pk,
        "search_id": o["finn_search"].pk,
        "answer_id": o["finn_answer"].pk,
        "proposal_id": o["finn_proposal"].pk,
        "request_id": o["match_request"].pk,
    }


def by_key(world) -> dict:
    o = world.objects
    blocks = o["mentor_blocks"]
    return {
        "courses:exercise": {"block_id": blocks["exercise"]},
        "courses:quiz": {"block_id": blocks["quiz"]},
        "events:poll": {"event_id": o["past_event"].pk},
        "events:give_up": {"token": o["give_up_token"]},
        "events:feed": {"token": o["feed_token"]},
        "events:shared_plan": {"token": o["breakout_token"]},
        "network:invitation": {"token": o["team_invitation_token"]},
        "network:draft_file": {"task_id": o["file_task"].pk},
        "network:version_file": {"task_id": o["file_task"].pk},
        "network:upload": {"task_id": o["file_task"].pk},
        "network:final_report_pdf": {"task_id": o["final_task"].pk},
        "scheme:invitation": {"token": o["scheme_invitation_token"]},
        "finn:confirm": {"token": o["finn_confirm_token"]},
        "admin/^.*/$": "/admin/finnes-ikke/",  # the admin's catch-all for unknown addresses
        "wagtailsettings:edit": {"app_name": "home", "model_name": "sitesettings"},
        # allauth's: a well-formed key that is no longer (or never was) valid.
        "account_confirm_email": {"key": "MQ:1tlBad:invalid"},
        "account_reset_password_from_key": {"uidb36": "1", "key": "set-password"},
        "openid_connect_login": {"provider_id": "idporten"},
        "openid_connect_callback": {"provider_id": "idporten"},
        # Its arguments are positional: the document's own address.
        "wagtaildocs_serve": o["members_document"].url,
        # No password-protected page or document exists: no such restriction.
        "wagtailcore_authenticate_with_password": {
            "page_view_restriction_id": 999999,
            "page_id": o["event"].pk,
        },
        "wagtaildocs_authenticate_with_password": {"restriction_id": 999999},
    }


def url_for(pattern, world, extra: dict | None = None) -> str | None:
    """The address of `pattern` in the world, or None when it takes arguments
    the world cannot fill (the table then says so)."""
    overrides = by_key(world).get(pattern.key, {})
    if isinstance(overrides, str):
        return overrides
    names = by_name(world)
    kwargs = {}
    for argument in pattern.arguments:
        if extra and argument in extra:
            kwargs[argument] = extra[argument]
        elif argument in overrides:
            kwargs[argument] = overrides[argument]
        elif argument in names:
            kwargs[argument] = names[argument]
        else:
            return None
    if pattern.name is None:
        if pattern.arguments:
            return None
        return "/" + pattern.route.lstrip("^").rstrip("$")
    return reverse(pattern.name, kwargs=kwargs)
