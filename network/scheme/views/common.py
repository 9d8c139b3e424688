"""What the scheme's applicant and office pages share: finding the
application the person may see (anyone else's is 404), and the context of the
application page and the office page, with the running relationship's money,
claims and evaluations."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from courses.models import CoursePage
from network.models import (
    Application,
    ApplicationStatus,
    ClaimStatus,
    MentorReport,
    SchemeRole,
)

from .. import permissions
from ..forms import (
    ApplicationForm,
    ClaimDecisionForm,
    DecisionForm,
    InvitePartyForm,
    PayoutForm,
    StartupConversationForm,
)
from ..selectors import granted_by_category, relationship_money, support_for
from ..services import applications, relationships
from ..support import MENTOR_FEE


def application_for(request, application_id, check=permissions.can_view_application):
    application = get_object_or_404(
        Application.objects.select_related("mentor", "mentee", "municipality", "rules"),
        pk=application_id,
    )
    if not check(request.user, application):
        raise Http404
    return application


def party_relationship_context(application, role) -> dict:
    """What the application page shows a party once the relationship runs.
    The mentor sees their fee; the mentee's claims are the mentee's own."""
    if application.status not in relationships.CLAIMABLE | {"paid"}:
        return {}
    money = relationship_money(application)
    if role == SchemeRole.MENTOR:
        money = [row for row in money if row.category == MENTOR_FEE]
    evaluated_roles = set(application.evaluations.values_list("role", flat=True))
    return {
        "money": money,
        "can_claim": role == SchemeRole.MENTEE and application.status in relationships.CLAIMABLE,
        "can_evaluate": application.status in relationships.EVALUABLE,
        "has_evaluated": role in evaluated_roles,
        "has_reported": MentorReport.objects.filter(application=application).exists(),
    }


def office_relationship_context(application) -> dict:
    if application.status not in relationships.CLAIMABLE | {"paid"}:
        return {}
    support = support_for(application)
    claims = list(application.claims.select_related("decided_by"))
    return {
        "money": relationship_money(application, support=support),
        "claims": claims,
        "claim_forms": {
            claim.pk: ClaimDecisionForm(initial={"approved_amount": claim.amount})
            for claim in claims
            if claim.status == ClaimStatus.SUBMITTED
        },
        "evaluations": list(application.evaluations.all()),
        "mentor_report": MentorReport.objects.filter(application=application).first(),
        "missing_for_payout": relationships.end_of_relationship_missing(application),
        "payout_form": PayoutForm(
            initial={"mentor_fee": granted_by_category(support).get(MENTOR_FEE, 0)}
        ),
        "can_pay_out": application.status in ("ended", "evaluated"),
    }


def application_context(request, application, form=None, invite_form=None, problems=None):
    role = application.role_of(request.user)
    editable = application.status in applications.EDITABLE and role is not None
    gate = applications.certificate_gate(application)
    courses = mandatory_courses()
    course_urls = {course_role: page.url for course_role, page in courses.items()}
    own_gate = next((entry for entry in gate if role and entry.role == role), None)
    return {
        "application": application,
        "role": role,
        "editable": editable,
        "form": form or ApplicationForm(instance=application, role=role),
        "invite_form": invite_form or InvitePartyForm(),
        "missing_role": applications.missing_role(application),
        "gate": gate,
        # A party without a valid certificate meets the gate first, with the
        # way to their course, and cannot invite the other party yet.
        "own_gate_closed": editable and own_gate is not None and not own_gate.ok,
        "own_course": courses.get(role) if role else None,
        "support": support_for(application),
        "problems": problems if problems is not None else [],
        "events": application.events.all(),
        "course_urls": course_urls,
        # The office page builds its own view of the relationship.
        **(party_relationship_context(application, role) if role else {}),
    }


def mandatory_courses() -> dict:
    """The live mandatory course of each role ("mentor", "mentee")."""
    return {
        page.mandatory_for: page for page in CoursePage.objects.live().exclude(mandatory_for="")
    }


def office_page(request, application, *, status=200, failed_claim=None, **forms):
    """The office's page for one application; `forms` replaces a form with
    the bound one that failed, so what was typed is kept (`failed_claim` is
    a claim's id and its bound decision form)."""
    context = {
        **application_context(request, application),
        "decision_form": DecisionForm(initial={"expected": application.status}),
        "startup_form": StartupConversationForm(
            initial={
                "held_on": application.startup_conversation_on,
                "notes": application.startup_conversation_notes,
            }
        ),
        "can_record_startup": application.status in applications.STARTUP_STATUSES,
        # Ending before the planned end needs a reason in the note.
        "ends_before_plan": application.status == ApplicationStatus.ACTIVE
        and application.ends_on is not None
        and timezone.localdate() < application.ends_on,
        "transitions": sorted(applications.OFFICE_TRANSITIONS.get(application.status, ())),
        "warnings": applications.certificate_warnings(application),
        **office_relationship_context(application),
    }
    context.update(forms)
    if failed_claim is not None:
        context["claim_forms"][failed_claim[0]] = failed_claim[1]
    return render(request, "network/scheme/office.html", context, status=status)


def office_application(request, application_id):
    if not permissions.is_scheme_administrator(request.user):
        raise Http404
    return application_for(request, application_id)
