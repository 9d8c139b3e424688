"""Applications to the mentor scheme: drafting together, the certificate gate,
submission and every later change of status, each recorded in the history.

A status change names the status the person saw. If someone else changed it in
the meantime, the change is refused and the person is told who did what, so
two administrators can never both decide the same application."""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from courses.selectors import mandatory_certificate
from mentornett.audit.services import AuditAction, record
from mentornett.dates import DATE_RANGE_CODE, PAST_RECORD, SCHEME_PLAN
from mentornett.links import absolute
from mentornett.mail import Message
from mentornett.repeats import AlreadySent
from network.models import (
    Application,
    ApplicationInvitation,
    ApplicationStatus,
    MentorCriterion,
    RelationshipKind,
    SchemeRole,
)
from network.services import invitation_links

from ..errors import ApplicationError
from ..support import rules_in_force
from . import history
from .decision import notify_municipality, queue_decision_letter
from .relationships import advance_if_complete, ask_for_evaluations

S = ApplicationStatus

EDITABLE = history.EDITABLE
WITHDRAWABLE = history.WITHDRAWABLE
OFFICE_TRANSITIONS = history.OFFICE_TRANSITIONS

INVITATION_SALT = "network.scheme-invitation"


@transaction.atomic
def start_application(*, user, role: str, kind: str) -> Application:
    fields = {"mentor": user} if role == SchemeRole.MENTOR else {"mentee": user}
    application = Application.objects.create(kind=kind, started_by=user, **fields)
    history.record_event(application, from_status="", to_status=S.DRAFT, user=user)
    return application


def ensure_editable(application) -> None:
    if application.status not in EDITABLE:
        raise ApplicationError(
            _("The application has been sent and can no longer be changed."), code="not_editable"
        )


# What a party may change in the draft until it is sent.
DRAFT_FIELDS = frozenset({*Application.DRAFT_FIELDS, "mentor_declarations"})
# The draft's dates, each in the range of mentornett.dates.SCHEME_PLAN.
PLANNED_DATES = ("starts_on", "ends_on", "reverse_ride_along_from", "reverse_ride_along_to")


@dataclass(frozen=True)
class DraftResult:
    application: Application
    sent: bool
    problems: list["Problem"]  # why it was not sent, when sending was asked for


@transaction.atomic
def save_draft(
    *, application, user, changes: dict, contract=None, send: bool = False
) -> DraftResult:
    """Save what a party changed in the shared draft and, with `send`, send it
    when nothing is missing. A draft that cannot be sent yet stays saved, and
    the result says what is missing, field by field."""
    unknown = set(changes) - DRAFT_FIELDS
    if unknown:
        raise ValueError(f"Not fields of the draft: {sorted(unknown)}")
    application = history.locked(application)
    role = application.role_of(user)
    if role is None:
        raise ApplicationError(_("Only the mentor or the mentee can change it."), code="party")
    if send:
        _refuse_repeated_send(application, changes)
    ensure_editable(application)
    if "mentor_declarations" in changes and role != SchemeRole.MENTOR:
        raise ApplicationError(
            _("Only the mentor can tick the mentor's declarations."), code="declarations"
        )
    changed = sorted(name for name, value in changes.items() if getattr(application, name) != value)
    for name in PLANNED_DATES:
        day = changes[name] if name in changed else None
        if day is not None and (problem := SCHEME_PLAN.problem(day)):
            raise ApplicationError(problem, code=DATE_RANGE_CODE)
    for name in changed:
        setattr(application, name, changes[name])
    if contract:
        application.contract.save(contract.name, contract, save=False)
        application.contract_name = contract.name[-200:]
        changed.append("contract")
    if changed:
        application.save()
        record(
            AuditAction.APPLICATION_EDITED,
            actor=user,
            target=application,
            label=application.get_kind_display(),
            # Which fields, not what they say: the texts are the applicants' own.
            changes={"fields": [None, changed]},
        )
    if not send:
        return DraftResult(application, sent=False, problems=[])
    problems = submission_problems(application)
    if problems:
        return DraftResult(application, sent=False, problems=problems)
    return DraftResult(submit_application(application=application, user=user), True, [])


def _refuse_repeated_send(application, changes: dict) -> None:
    """Sending again what was sent (two tabs, a double click) is answered
    "already sent". A send with other values meets `ensure_editable`."""
    if application.submitted_at is None or application.status in EDITABLE | {S.WITHDRAWN}:
        return
    for name, value in changes.items():
        stored = getattr(application, name)
        if name == "mentor_declarations" and set(stored) == set(value):
            continue
        if stored != value:
            return
    sent = timezone.localtime(application.submitted_at)
    raise AlreadySent(
        _("The application was already sent %(date)s at %(time)s. This is what was sent.")
        % {"date": date_format(sent.date()), "time": sent.strftime("%H:%M")},
        existing=application,
    )


# --- inviting the other party -----------------------------------------------------


def invitation_token(invitation: ApplicationInvitation) -> str:
    return invitation_links.sign(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> ApplicationInvitation:
    pk = invitation_links.unsign(
        token,
        salt=INVITATION_SALT,
        error_class=ApplicationError,
        expired_message=_(
            "The invitation has expired. Ask the person who invited you to send a new one."
        ),
    )
    invitation = ApplicationInvitation.objects.select_related("application").filter(pk=pk).first()
    if invitation is None:
        raise ApplicationError(_("The invitation has been withdrawn."), code="revoked")
    return invitation


def missing_role(application) -> str | None:
    if application.mentor_id is None:
        return SchemeRole.MENTOR
    if application.mentee_id is None:
        return SchemeRole.MENTEE
    return None


@transaction.atomic
def invite_party(*, application, email: str, invited_by) -> ApplicationInvitation:
    application = history.locked(application)
    ensure_editable(application)
    own_role = application.role_of(invited_by)
    if own_role is None:
        raise ApplicationError(_("Only the mentor or the mentee can invite."), code="party")
    role = missing_role(application)
    if role is None:
        raise ApplicationError(_("Both mentor and mentee are on the application."), code="full")
    # The gate comes first: nobody is asked to join an application that the
    # one inviting cannot send yet.
    if mandatory_certificate(user=invited_by, role=own_role).reason is not None:
        raise ApplicationError(_own_certificate_message(own_role), code="certificate")
    email = email.strip().lower()
    if invited_by.email.lower() == email:
        raise ApplicationError(
            _("Invite the other person: a mentor and a mentee are two people."), code="self"
        )
    invitation, _created = ApplicationInvitation.objects.update_or_create(
        application=application,
        role=role,
        accepted_at__isnull=True,
        defaults={"email": email, "invited_by": invited_by},
    )
    _send_invitation(invitation)
    return invitation


def _send_invitation(invitation: ApplicationInvitation) -> None:
    application = invitation.application
    inviter = invitation.invited_by
    url = absolute(reverse("scheme:invitation", args=[invitation_token(invitation)]))

    def compose():
        role = SchemeRole(invitation.role).label.lower()
        return Message(
            subject=_("Apply to the mentor scheme together"),
            paragraphs=[
                _(
                    "%(inviter)s has started an application to the veterinary mentor scheme "
                    "(%(kind)s) and invites you to take part as %(role)s."
                )
                % {
                    "inviter": inviter.display_name,
                    "kind": application.get_kind_display(),
                    "role": role,
                },
            ],
            action=(_("Join the application"), url),
        )

    invitation_links.send_invitation(email=invitation.email, compose=compose)


@transaction.atomic
def accept_party_invitation(*, invitation: ApplicationInvitation, user) -> Application:
    invitation = ApplicationInvitation.objects.select_for_update().get(pk=invitation.pk)
    application = history.locked(invitation.application)
    if invitation.accepted_at is not None:
        if application.role_of(user):
            return application
        raise ApplicationError(_("The invitation has already been used."), code="used")
    if not invitation_links.owns_address(user, invitation.email):
        raise ApplicationError(
            _(
                "The invitation was sent to another e-mail address. Sign in with the address "
                "it was sent to."
            ),
            code="address",
        )
    if application.role_of(user):
        raise ApplicationError(
            _("You are already on this application. A mentor and a mentee are two people."),
            code="self",
        )
    if invitation.role == SchemeRole.MENTOR:
        application.mentor = user
    else:
        application.mentee = user
    application.save(update_fields=["mentor", "mentee", "updated_at"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return application


# --- the certificate gate and submission -------------------------------------------


@dataclass(frozen=True)
class GateEntry:
    role: str
    person: object | None
    certificate: object | None
    reason: str | None  # None when valid

    @property
    def ok(self) -> bool:
        return self.person is not None and self.reason is None


def certificate_gate(application, *, day=None) -> list[GateEntry]:
    entries = []
    for role, person in (
        (SchemeRole.MENTOR, application.mentor),
        (SchemeRole.MENTEE, application.mentee),
    ):
        if person is None:
            entries.append(GateEntry(role, None, None, "missing"))
            continue
        gate = mandatory_certificate(user=person, role=role, day=day)
        entries.append(GateEntry(role, person, gate.certificate, gate.reason))
    return entries


@dataclass(frozen=True)
class Problem:
    field: str | None
    message: str


# The draft's fields in the order the form shows them; the problems at sending
# come in this order, after the certificate gate, which the page shows first.
FIELD_ORDER = (
    "starts_on",
    "ends_on",
    "municipality",
    "employer",
    "contract",
    "backup_plan",
    "reverse_ride_along_from",
    "reverse_ride_along_to",
    "insurance_confirmed",
    "municipality_contact_name",
    "municipality_contact_email",
    "planned_use",
    "mentee_goals",
    "mentor_declarations",
)


def required_to_send(kind: str) -> frozenset[str]:
    """The fields of the draft that must be filled in before it can be sent.
    Keep in step with the checks in `submission_problems`."""
    required = {"starts_on", "ends_on", "mentor_declarations"}
    if kind == RelationshipKind.MENTORVET:
        required.add("mentee_goals")
    else:
        required |= {
            "municipality",
            "insurance_confirmed",
            "municipality_contact_email",
            "planned_use",
        }
    if kind == RelationshipKind.TEMPORARY_LICENCE:
        required |= {"employer", "contract"}
    if kind in (RelationshipKind.TEMPORARY_LICENCE, RelationshipKind.INEXPERIENCED_VET):
        required |= {"backup_plan", "reverse_ride_along_from", "reverse_ride_along_to"}
    return frozenset(required)


def submission_problems(application) -> list[Problem]:
    """Everything that stops the application from being sent: first the
    certificate gate (both parties, each with a valid certificate), then each
    field's problem, in the order of the form."""
    return _gate_problems(application) + sorted(
        _field_problems(application), key=lambda problem: FIELD_ORDER.index(problem.field)
    )


def _gate_problems(application) -> list[Problem]:
    problems = []
    for entry in certificate_gate(application):
        if entry.person is None:
            problems.append(
                Problem(
                    None,
                    _("Invite the %(role)s: both must be on the application.")
                    % {"role": SchemeRole(entry.role).label.lower()},
                )
            )
        elif entry.reason is not None:
            problems.append(Problem(None, _gate_message(entry)))
    return problems


def _field_problems(application) -> list[Problem]:
    problems = []
    kind = application.kind
    if application.starts_on is None:
        problems.append(Problem("starts_on", _("Give the planned start.")))
    if application.ends_on is None:
        problems.append(Problem("ends_on", _("Give the planned end.")))
    elif application.starts_on and application.ends_on < application.starts_on:
        problems.append(Problem("ends_on", _("The end must be on or after the start.")))
    if application.municipality_id is None and kind != RelationshipKind.MENTORVET:
        problems.append(
            Problem("municipality", _("Choose the municipality where the practice is."))
        )
    if kind == RelationshipKind.TEMPORARY_LICENCE:
        if not application.employer.strip():
            problems.append(
                Problem(
                    "employer",
                    _("A student on temporary licence must be employed: name the employer."),
                )
            )
        if not application.contract:
            problems.append(Problem("contract", _("Upload the employment contract.")))
    if kind in (RelationshipKind.TEMPORARY_LICENCE, RelationshipKind.INEXPERIENCED_VET):
        if not application.backup_plan.strip():
            problems.append(Problem("backup_plan", _("Describe the backup-duty plan.")))
        if not (application.reverse_ride_along_from and application.reverse_ride_along_to):
            problems.append(
                Problem(
                    "reverse_ride_along_from",
                    _("Give the dates of the reverse ride-along (at least one week)."),
                )
            )
        elif application.reverse_ride_along_to < application.reverse_ride_along_from:
            problems.append(
                Problem("reverse_ride_along_to", _("The end must be on or after the start."))
            )
    if kind != RelationshipKind.MENTORVET:
        if not application.insurance_confirmed:
            problems.append(
                Problem(
                    "insurance_confirmed",
                    _("Confirm that the insurance covers the mentee."),
                )
            )
        if not application.municipality_contact_email:
            problems.append(
                Problem(
                    "municipality_contact_email",
                    _("Give the municipality contact we should inform."),
                )
            )
        if not application.planned_use.strip():
            problems.append(Problem("planned_use", _("Describe the planned use of the funds.")))
    if set(application.mentor_declarations) != set(MentorCriterion.values):
        problems.append(
            Problem(
                "mentor_declarations",
                _("The mentor must confirm every criterion for mentors."),
            )
        )
    if kind == RelationshipKind.MENTORVET and not application.mentee_goals.strip():
        problems.append(
            Problem("mentee_goals", _("Write the mentee's goals for the mentoring period."))
        )
    return problems


def _own_certificate_message(role: str) -> str:
    if role == SchemeRole.MENTOR:
        return _(
            "You need a valid certificate from the mandatory mentor course before you can "
            "apply. Complete the course first, then invite the mentee."
        )
    return _(
        "You need a valid certificate from the mandatory mentee course before you can "
        "apply. Complete the course first, then invite the mentor."
    )


def _gate_message(entry: GateEntry) -> str:
    values = {"name": entry.person.display_name, "role": SchemeRole(entry.role).label.lower()}
    if entry.reason == "expired":
        return _("%(name)s's course certificate for the %(role)s course has expired.") % values
    if entry.reason == "revoked":
        return _("%(name)s's course certificate for the %(role)s course is revoked.") % values
    return _("%(name)s has not completed the mandatory %(role)s course.") % values


@transaction.atomic
def submit_application(*, application, user) -> Application:
    application = history.locked(application)
    if application.role_of(user) is None:
        raise ApplicationError(_("Only the mentor or the mentee can send it."), code="party")
    ensure_editable(application)
    problems = submission_problems(application)
    if problems:
        raise ApplicationError(
            [ApplicationError(problem.message, code="incomplete") for problem in problems]
        )
    application.submitted_at = timezone.now()
    history.move(
        application, to=S.SUBMITTED, by=history.APPLICANTS, user=user, fields=["submitted_at"]
    )
    return application


@transaction.atomic
def withdraw_application(*, application, user, note: str = "") -> Application:
    application = history.locked(application)
    if application.role_of(user) is None:
        raise ApplicationError(_("Only the mentor or the mentee can withdraw it."), code="party")
    if application.status not in WITHDRAWABLE:
        raise ApplicationError(
            _("A relationship that has started cannot be withdrawn. Contact the programme."),
            code="not_withdrawable",
        )
    history.move(application, to=S.WITHDRAWN, by=history.APPLICANTS, user=user, note=note)
    return application


@transaction.atomic
def change_status(*, application, user, expected: str, to: str, note: str = "") -> Application:
    """The programme office moves an application on. `expected` is the status
    the person saw on their screen."""
    application = history.locked(application)
    if application.status != expected:
        last = application.events.order_by("-at", "-pk").first()
        raise ApplicationError(
            _(
                "%(name)s changed this application to “%(status)s” at %(time)s, while you "
                "had it open. Look at it again before you decide."
            )
            % {
                "name": last.actor_name if last else _("Someone"),
                "status": application.get_status_display(),
                "time": timezone.localtime(last.at).strftime("%H:%M") if last else "",
            },
            code="stale",
        )
    history.ensure_allowed(application, to, by=history.OFFICE)
    if to in (S.REJECTED, S.CHANGES_REQUESTED) and not note.strip():
        raise ApplicationError(
            _("Write a note to the applicants that explains the decision."), code="note"
        )
    if to == S.ENDED and not note.strip():
        _ensure_ends_as_planned(application)
    if to == S.GRANTED:
        rules = rules_in_force(application.starts_on or timezone.localdate())
        if rules is None:
            raise ApplicationError(
                _("No scheme rules are in force on the start date. Add a rules version first."),
                code="rules",
            )
        application.rules = rules
    history.move(application, to=to, by=history.OFFICE, user=user, note=note, fields=["rules"])
    if to == S.GRANTED:
        queue_decision_letter(application)
    if to == S.ENDED:
        ask_for_evaluations(application)
        advance_if_complete(application, user=user)
    return application


def _ensure_ends_as_planned(application) -> None:
    """Ending a relationship before its planned end needs the reason, in
    the note the parties read and the history keeps."""
    today = timezone.localdate()
    if application.starts_on and today < application.starts_on:
        raise ApplicationError(
            _(
                "The relationship has not started yet: it starts %(date)s. Write in the note "
                "why it ends before it has started."
            )
            % {"date": date_format(application.starts_on)},
            code="before_start",
        )
    if application.ends_on and today < application.ends_on:
        raise ApplicationError(
            _(
                "The relationship was planned to run until %(date)s. Write in the note why "
                "it ends early."
            )
            % {"date": date_format(application.ends_on)},
            code="early",
        )


@transaction.atomic
def accept_decision(*, application, user) -> Application:
    """A party accepts the decision letter, which is the contract. When both
    have, the relationship is active and the municipality contact is told."""
    application = history.locked(application)
    role = application.role_of(user)
    if role is None:
        raise ApplicationError(_("Only the mentor or the mentee can accept."), code="party")
    if application.status != S.GRANTED:
        raise ApplicationError(_("Only a granted application can be accepted."), code="not_granted")
    field = "mentor_accepted_at" if role == SchemeRole.MENTOR else "mentee_accepted_at"
    if getattr(application, field) is None:
        setattr(application, field, timezone.now())
        history.record_event(
            application,
            from_status=S.GRANTED,
            to_status=S.GRANTED,
            user=user,
            note=_("Accepted the decision letter as %(role)s.")
            % {"role": SchemeRole(role).label.lower()},
        )
    fields = ["mentor_accepted_at", "mentee_accepted_at"]
    if application.mentor_accepted_at and application.mentee_accepted_at:
        history.move(application, to=S.ACTIVE, by=history.APPLICANTS, user=user, fields=fields)
        notify_municipality(application)
    else:
        application.save(update_fields=[*fields, "updated_at"])
    return application


def certificate_warnings(application, *, day=None) -> list[str]:
    """For administrators: certificates revoked or expired after submission."""
    if application.status in (S.DRAFT, S.WITHDRAWN, S.REJECTED):
        return []
    return [
        _gate_message(entry)
        for entry in certificate_gate(application, day=day)
        if entry.person is not None and entry.reason is not None
    ]


STARTUP_STATUSES = {S.GRANTED, S.ACTIVE}


@transaction.atomic
def record_startup_conversation(*, application, user, held_on, notes: str) -> Application:
    """The office's record of the conversation that clarifies expectations,
    roles and responsibilities before the relationship runs."""
    application = history.locked(application)
    if application.status not in STARTUP_STATUSES:
        raise ApplicationError(
            _("The start-up conversation is held after the grant, before or at the start."),
            code="status",
        )
    if held_on > timezone.localdate():
        raise ApplicationError(
            _("Record the conversation once it has been held: the date is in the future."),
            code="future",
        )
    if problem := PAST_RECORD.problem(held_on):
        raise ApplicationError(problem, code=DATE_RANGE_CODE)
    application.startup_conversation_on = held_on
    application.startup_conversation_notes = notes.strip()
    application.save(
        update_fields=["startup_conversation_on", "startup_conversation_notes", "updated_at"]
    )
    history.record_event(
        application,
        from_status=application.status,
        to_status=application.status,
        user=user,
        note=_("Start-up conversation held %(date)s.") % {"date": held_on.strftime("%d.%m.%Y")},
    )
    return application
