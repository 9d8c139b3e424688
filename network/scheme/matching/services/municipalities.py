"""Municipalities in Finn mentor: contacts who register themselves and the
programme office that verifies (or rejects) them, the municipality's profile,
and its needs, which students and vets answer with "Jeg er interessert".

A contact acts for the municipality only once verified; every service here
that acts for it checks that again, whatever the view did."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mentornett.accounts.roles import StaffRole
from mentornett.audit.services import AuditAction, record
from mentornett.dates import DATE_RANGE_CODE, SCHEME_PLAN
from mentornett.formatting import clock_time
from mentornett.links import absolute
from mentornett.mail import Message, send_to_person
from mentornett.repeats import AlreadySent, lock_person, recent_twin
from network.models import (
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityNeedKind,
    MunicipalityOffer,
    MunicipalityProfile,
    NeedInterest,
    NeedStatus,
)

from ...permissions import is_scheme_administrator
from ..errors import MunicipalityError
from ..permissions import contact_of, has_finn_profile, is_verified_contact, unverified_refusal


def _office_people():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=StaffRole.SCHEME_ADMINISTRATOR.value)
        .distinct()
    )


def _office_only(user) -> None:
    if not is_scheme_administrator(user):
        raise MunicipalityError(
            _("Only the programme office can verify municipality contacts."), code="not_allowed"
        )


def _verified_only(user, municipality) -> None:
    if not is_verified_contact(user, municipality):
        raise MunicipalityError(unverified_refusal(), code="unverified")


def _text(value: str, *, limit: int, code: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise MunicipalityError(
            _("Shorten the text to %(limit_value)d characters (it has %(show_value)d).")
            % {"limit_value": limit, "show_value": len(value)},
            code=code,
        )
    return value


# --- contacts ---------------------------------------------------------------------------


@transaction.atomic
def register_contact(*, user, municipality: Municipality, role: str) -> MunicipalityContact:
    """The person asks to act for the municipality. They cannot until the
    office verifies them; the office is told by e-mail."""
    role = _text(role, limit=150, code="role")
    if not role:
        raise MunicipalityError(
            _("Say what your role in the municipality is, e.g. agricultural adviser."),
            code="role",
        )
    lock_person(user)
    existing = contact_of(user, municipality)
    if existing is not None:
        if existing.verified_at is None:
            message = _(
                "You have already registered as a contact for %(municipality)s. The programme "
                "office will verify you."
            )
        else:
            message = _("You are already a contact for %(municipality)s.")
        raise MunicipalityError(message % {"municipality": municipality.name}, code="duplicate")
    contact = MunicipalityContact.objects.create(
        municipality=municipality, user=user, role=role, registered_at=timezone.now()
    )
    record(
        AuditAction.MUNICIPALITY_CONTACT_REGISTERED,
        actor=user,
        target=contact,
        subject=user,
        label=municipality.name,
    )
    _tell_office(contact)
    return contact


def _tell_office(contact: MunicipalityContact) -> None:
    url = absolute(reverse("finn:office_contacts"))
    person = contact.user

    def compose():
        return Message(
            subject=_("A municipality contact is waiting to be verified"),
            paragraphs=[
                _(
                    "%(name)s (%(email)s) has registered as the contact for %(municipality)s "
                    "in Finn mentor, as “%(role)s”."
                )
                % {
                    "name": person.display_name,
                    "email": person.email,
                    "municipality": contact.municipality.name,
                    "role": contact.role,
                },
                _(
                    "Check with the municipality that they may act for it before you verify "
                    "them. Until then they cannot change the municipality's profile or publish "
                    "its needs."
                ),
            ],
            action=(_("Verify or reject"), url),
        )

    for office in _office_people():
        send_to_person(office, compose)


@transaction.atomic
def verify_contact(*, contact: MunicipalityContact, user) -> MunicipalityContact:
    """Idempotent: verifying a verified contact changes nothing."""
    _office_only(user)
    contact = (
        MunicipalityContact.objects.select_for_update()
        .select_related("user", "municipality")
        .filter(pk=contact.pk)
        .first()
    )
    if contact is None:
        raise MunicipalityError(
            _("The registration is gone: it has been rejected or withdrawn."), code="gone"
        )
    if contact.verified_at is not None:
        return contact
    contact.verified_at = timezone.now()
    contact.verified_by = user
    contact.save(update_fields=["verified_at", "verified_by"])
    record(
        AuditAction.MUNICIPALITY_CONTACT_VERIFIED,
        actor=user,
        target=contact,
        subject=contact.user,
        label=contact.municipality.name,
        changes={"verified_at": [None, contact.verified_at.isoformat()]},
    )
    _tell_verified(contact)
    return contact


def _tell_verified(contact: MunicipalityContact) -> None:
    url = absolute(reverse("finn:municipality", args=[contact.municipality_id]))

    def compose():
        return Message(
            subject=_("You are verified as a municipality contact"),
            paragraphs=[
                _(
                    "The programme office has verified you as the contact for %(municipality)s "
                    "in the veterinary mentor scheme."
                )
                % {"municipality": contact.municipality.name},
                _(
                    "You can now keep the municipality's profile in Finn mentor, publish what "
                    "the municipality needs, and see the mentor relationships in the "
                    "municipality."
                ),
            ],
            action=(_("Open the municipality's page"), url),
        )

    send_to_person(contact.user, compose)


@transaction.atomic
def reject_contact(*, contact: MunicipalityContact, user, reason: str) -> None:
    """The registration is deleted, and the person told why."""
    _office_only(user)
    reason = _text(reason, limit=1000, code="reason")
    if not reason:
        raise MunicipalityError(_("Say why, so that the person knows what to do."), code="reason")
    contact = (
        MunicipalityContact.objects.select_for_update()
        .select_related("user", "municipality")
        .filter(pk=contact.pk)
        .first()
    )
    if contact is None:
        return  # rejected already
    if contact.verified_at is not None:
        raise MunicipalityError(
            _(
                "%(name)s is already verified. Remove a verified contact under Municipality "
                "contacts in the admin."
            )
            % {"name": contact.user.display_name},
            code="verified",
        )
    record(
        AuditAction.MUNICIPALITY_CONTACT_REJECTED,
        actor=user,
        target=contact,
        subject=contact.user,
        label=contact.municipality.name,
        note=reason,
    )
    _tell_rejected(contact, reason)
    contact.delete()


def _tell_rejected(contact: MunicipalityContact, reason: str) -> None:
    municipality = contact.municipality.name

    def compose():
        return Message(
            subject=_("Your registration as a municipality contact was not accepted"),
            paragraphs=[
                _(
                    "The programme office could not verify you as the contact for "
                    "%(municipality)s in the veterinary mentor scheme, and your registration "
                    "is deleted. The reason:"
                )
                % {"municipality": municipality},
                reason,
                _(
                    "If you think this is wrong, or you can now show that you act for the "
                    "municipality, contact the programme office or register again."
                ),
            ],
        )

    send_to_person(contact.user, compose)


# --- the municipality's profile and needs ---------------------------------------------------


@transaction.atomic
def save_municipality_profile(
    *, municipality: Municipality, user, coverage: str = "", offers=(), listed: bool = False
) -> MunicipalityProfile:
    _verified_only(user, municipality)
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    coverage = _text(coverage, limit=2000, code="coverage")
    unknown = set(offers) - set(MunicipalityOffer.values)
    if unknown:
        raise ValueError(f"Unknown offers: {sorted(unknown)}")
    profile = MunicipalityProfile.objects.filter(municipality=municipality).first()
    profile = profile or MunicipalityProfile(municipality=municipality)
    change = None if listed == profile.listed else listed
    profile.coverage = coverage
    profile.offers = dict.fromkeys(sorted(offers), True)
    profile.listed = listed
    profile.updated_by = user
    profile.save()
    if change is not None:
        record(
            AuditAction.FINN_LISTED if change else AuditAction.FINN_HIDDEN,
            actor=user,
            target=profile,
            label=municipality.name,
            changes={"listed": [not change, change]},
        )
    return profile


@transaction.atomic
def publish_need(
    *,
    municipality: Municipality,
    user,
    kind: str,
    starts_on=None,
    ends_on=None,
    description: str = "",
) -> MunicipalityNeed:
    _verified_only(user, municipality)
    if kind not in MunicipalityNeedKind.values:
        raise ValueError(f"Unknown need: {kind!r}")
    for day in (starts_on, ends_on):
        if day is not None and (problem := SCHEME_PLAN.problem(day)):
            raise MunicipalityError(problem, code=DATE_RANGE_CODE)
    if starts_on and ends_on and ends_on < starts_on:
        raise MunicipalityError(_("The end must be on or after the start."), code="period_order")
    description = _text(description, limit=2000, code="description")
    municipality = Municipality.objects.select_for_update().get(pk=municipality.pk)
    twin = recent_twin(
        MunicipalityNeed.objects.filter(
            municipality=municipality,
            published_by=user,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            description=description,
        )
    )
    if twin is not None:
        raise AlreadySent(
            _("The need was already published at %(time)s. Here it is.")
            % {"time": clock_time(twin.created_at)},
            existing=twin,
        )
    need = MunicipalityNeed.objects.create(
        municipality=municipality,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        published_by=user,
    )
    record(
        AuditAction.MUNICIPALITY_NEED_PUBLISHED,
        actor=user,
        target=need,
        label=f"{municipality.name}: {need.get_kind_display()}",
    )
    return need


CLOSING = (NeedStatus.FILLED, NeedStatus.WITHDRAWN)


@transaction.atomic
def close_need(*, need: MunicipalityNeed, user, status: str) -> MunicipalityNeed:
    """Filled or withdrawn; closing twice the same way changes nothing."""
    if status not in CLOSING:
        raise ValueError(f"Not a closing status: {status!r}")
    need = (
        MunicipalityNeed.objects.select_for_update().select_related("municipality").get(pk=need.pk)
    )
    _verified_only(user, need.municipality)
    if need.status == status:
        return need
    if need.status != NeedStatus.OPEN:
        raise MunicipalityError(_("The need is already closed."), code="closed")
    need.status = status
    need.save(update_fields=["status"])
    record(
        AuditAction.MUNICIPALITY_NEED_CLOSED,
        actor=user,
        target=need,
        label=f"{need.municipality.name}: {need.get_kind_display()}",
        changes={"status": [NeedStatus.OPEN, status]},
    )
    return need


@transaction.atomic
def express_interest(*, need: MunicipalityNeed, user, message: str = "") -> NeedInterest:
    """ "Jeg er interessert": the municipality's verified contacts get the
    person's name, e-mail address, phone and message, and the person gets
    theirs. The person chose to contact them, so the details are exchanged
    here, not only after an accept."""
    need = (
        MunicipalityNeed.objects.select_for_update().select_related("municipality").get(pk=need.pk)
    )
    message = _text(message, limit=2000, code="message")
    existing = NeedInterest.objects.filter(need=need, user=user).first()
    if existing is not None:
        raise AlreadySent(
            _("You told %(municipality)s that you are interested on %(date)s.")
            % {"municipality": need.municipality.name, "date": date_format(existing.created_at)},
            existing=existing,
        )
    if need.status != NeedStatus.OPEN:
        raise MunicipalityError(
            _("The municipality has closed this need; it no longer takes answers."),
            code="closed",
        )
    if contact_of(user, need.municipality) is not None:
        raise MunicipalityError(
            _("You are a contact for %(municipality)s yourself.")
            % {"municipality": need.municipality.name},
            code="own",
        )
    if not has_finn_profile(user):
        raise MunicipalityError(
            _("Make a profile in Finn mentor first, as a mentor or as a student or vet."),
            code="profile",
        )
    interest = NeedInterest.objects.create(need=need, user=user, message=message)
    contacts = list(
        MunicipalityContact.objects.filter(
            municipality=need.municipality, verified_at__isnull=False
        )
        .select_related("user")
        .order_by("pk")
    )
    _tell_contacts(interest, contacts)
    _confirm_interest(interest, contacts)
    return interest


def _tell_contacts(interest: NeedInterest, contacts) -> None:
    need, person = interest.need, interest.user
    url = absolute(reverse("finn:need", args=[need.pk]))

    def compose():
        lines = [_("E-mail: %(email)s") % {"email": person.email}]
        if person.phone:
            lines.append(_("Phone: %(phone)s") % {"phone": person.phone})
        paragraphs = [
            _("%(name)s is interested in what %(municipality)s needs: %(need)s.")
            % {
                "name": person.display_name,
                "municipality": need.municipality.name,
                "need": need.get_kind_display().lower(),
            },
        ]
        if interest.message:
            paragraphs += [_("Their message:"), interest.message]
        paragraphs.append(
            _(
                "They chose to contact you through Finn mentor, so they have your name and "
                "e-mail address too. Reach them here:"
            )
        )
        return Message(
            subject=_("Someone is interested in what %(municipality)s needs")
            % {"municipality": need.municipality.name},
            paragraphs=paragraphs,
            lines=lines,
            action=(_("See everyone who answered"), url),
        )

    for contact in contacts:
        send_to_person(contact.user, compose)


def _confirm_interest(interest: NeedInterest, contacts) -> None:
    need = interest.need
    url = absolute(reverse("finn:need", args=[need.pk]))

    def compose():
        return Message(
            subject=_("You told %(municipality)s that you are interested")
            % {"municipality": need.municipality.name},
            paragraphs=[
                _(
                    "We have sent your name, e-mail address, phone number and message to the "
                    "contacts for %(municipality)s. They will get in touch; you can also "
                    "reach them yourself:"
                )
                % {"municipality": need.municipality.name},
            ],
            lines=[
                f"{contact.user.display_name}, {contact.user.email}"
                + (f", {contact.role}" if contact.role else "")
                for contact in contacts
            ],
            action=(_("See the need"), url),
        )

    send_to_person(interest.user, compose)
