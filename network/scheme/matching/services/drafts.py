"""The application draft a match leads to: both parties on it, with the type,
the period and the practice municipality filled in, in the scheme's ordinary
application flow (the certificate gate still applies when it is sent)."""

from django.db import transaction

from mentornett.dates import SCHEME_PLAN
from network.models import Application, SchemeRole

from ...services import applications


@transaction.atomic
def create_draft_for_pair(
    *, mentor, mentee, kind: str, starts_on, ends_on, municipality
) -> Application:
    """Started by the mentee. A date the draft would refuse (outside the
    scheme's planning range, or an end before the start) is left for the
    parties to fill in, so the match itself never fails on it."""
    application = applications.start_application(user=mentee, role=SchemeRole.MENTEE, kind=kind)
    application.mentor = mentor
    application.save(update_fields=["mentor", "updated_at"])
    changes = {}
    in_range = all(day and SCHEME_PLAN.problem(day) is None for day in (starts_on, ends_on))
    if in_range and starts_on <= ends_on:
        changes.update(starts_on=starts_on, ends_on=ends_on)
    if municipality is not None:
        changes["municipality"] = municipality
    if changes:
        applications.save_draft(application=application, user=mentee, changes=changes)
    return application
