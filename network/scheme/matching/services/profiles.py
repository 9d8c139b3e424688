"""Profiles in Finn mentor: a mentor's listing, a mentee's search and a hub's
listing. Nothing is listed unless the person chooses it, and hiding takes
effect at once. The audit log records each listing and hiding: what the
person consented to, and when.

Saving a listed profile counts as confirming it (confirmed_at), as the
half-yearly "are you still available?" e-mail would."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, record
from mentornett.dates import DATE_RANGE_CODE, SCHEME_PLAN
from mentornett.repeats import lock_person
from network.models import (
    Animal,
    HubListing,
    MenteePeriod,
    MenteeProfile,
    MenteeStage,
    MentorAvailability,
    MentorHelp,
    MentorHub,
    MentorProfile,
    RelationshipKind,
)

from ..errors import ProfileError
from ..permissions import may_edit_hub_listing

MAX_PERIODS = 4
MAX_CAPACITY = 20  # keep in sync with the constraint on MentorProfile.capacity
MAX_WEEKS = 500
# What a mentee may need help with: a subset of what mentors offer.
MENTEE_NEEDS = (MentorHelp.HOUSING, MentorHelp.CAR)


@dataclass(frozen=True, order=True)
class Period:
    starts_on: date
    ends_on: date


def checked_periods(periods) -> list[Period]:
    """The periods in order of start, or the error for the first wrong one."""
    periods = [Period(p.starts_on, p.ends_on) for p in periods]
    if len(periods) > MAX_PERIODS:
        raise ProfileError(
            _("Give at most %(count)s periods.") % {"count": MAX_PERIODS}, code="periods"
        )
    for period in periods:
        if period.ends_on < period.starts_on:
            raise ProfileError(_("The end must be on or after the start."), code="period_order")
        for day in (period.starts_on, period.ends_on):
            if problem := SCHEME_PLAN.problem(day):
                raise ProfileError(problem, code=DATE_RANGE_CODE)
    return sorted(periods)


def _codes(values, allowed) -> dict:
    """A set of codes as stored: {code: true}. An unknown code is a bug."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise ValueError(f"Unknown codes: {sorted(unknown)}")
    return dict.fromkeys(sorted(values), True)


def _text(value: str, *, limit: int, code: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ProfileError(
            _("Shorten the text to %(limit_value)d characters (it has %(show_value)d).")
            % {"limit_value": limit, "show_value": len(value)},
            code=code,
        )
    return value


def _set_listed(listing, listed: bool, now) -> bool | None:
    """Turn the listing on or off; the change made (True: listed, False:
    hidden), or None. Saving while listed confirms the listing."""
    change = None
    if listed and not listing.listed:
        listing.listed_at = now
        change = True
    elif not listed and listing.listed:
        change = False
    listing.listed = listed
    if listed:
        listing.confirmed_at = now
        listing.confirmation_requested_at = None
    return change


def _record_listing(change: bool | None, *, listing, user, label: str) -> None:
    if change is None:
        return
    record(
        AuditAction.FINN_LISTED if change else AuditAction.FINN_HIDDEN,
        actor=user,
        target=listing,
        subject=user,
        label=label,
        changes={"listed": [not change, change]},
    )


@transaction.atomic
def save_mentor_profile(
    *,
    user,
    municipality,
    kinds,
    capacity: int,
    periods=(),
    animals=(),
    helps=(),
    languages: str = "",
    introduction: str = "",
    listed: bool = False,
) -> MentorProfile:
    """Create or change the person's mentor profile. A mentor without a valid
    mentor certificate may save and even ask to be listed; the directory
    leaves them out until they hold one (selectors.mentor_is_visible)."""
    if not 1 <= capacity <= MAX_CAPACITY:
        raise ProfileError(
            _("Take between 1 and %(most)s mentees at once.") % {"most": MAX_CAPACITY},
            code="capacity",
        )
    if not kinds:
        raise ProfileError(_("Choose at least one relationship type you offer."), code="kinds")
    periods = checked_periods(periods)
    introduction = _text(introduction, limit=1000, code="introduction")
    languages = _text(languages, limit=200, code="languages")
    lock_person(user)
    profile = MentorProfile.objects.filter(user=user).first() or MentorProfile(user=user)
    profile.municipality = municipality
    profile.kinds = _codes(kinds, RelationshipKind.values)
    profile.capacity = capacity
    profile.animals = _codes(animals, Animal.values)
    profile.helps = _codes(helps, MentorHelp.values)
    profile.languages = languages
    profile.introduction = introduction
    change = _set_listed(profile, listed, timezone.now())
    profile.save()
    profile.availability.all().delete()
    MentorAvailability.objects.bulk_create(
        MentorAvailability(profile=profile, starts_on=p.starts_on, ends_on=p.ends_on)
        for p in periods
    )
    _record_listing(change, listing=profile, user=user, label=MentorProfile._meta.verbose_name)
    return profile


@transaction.atomic
def save_mentee_profile(
    *,
    user,
    stage: str,
    study_place: str,
    kind: str,
    periods=(),
    municipality=None,
    year: int | None = None,
    wanted_municipalities=(),
    wanted_counties=(),
    animals=(),
    needs=(),
    introduction: str = "",
    listed: bool = False,
) -> MenteeProfile:
    """Create or change what the person seeks. Listed, it is a published
    search ("Søker praksisplass/mentor")."""
    if stage not in MenteeStage.values or kind not in RelationshipKind.values:
        raise ValueError(f"Unknown stage or kind: {stage!r}, {kind!r}")
    study_place = _text(study_place, limit=200, code="study_place")
    if not study_place:
        raise ProfileError(
            _("Say where you study or work, in Norway or abroad."), code="study_place"
        )
    periods = checked_periods(periods)
    introduction = _text(introduction, limit=1000, code="introduction")
    lock_person(user)
    profile = MenteeProfile.objects.filter(user=user).first() or MenteeProfile(user=user)
    profile.stage = stage
    profile.study_place = study_place
    profile.municipality = municipality
    profile.year = year
    profile.kind = kind
    profile.wanted_counties = sorted(set(wanted_counties))
    profile.animals = _codes(animals, Animal.values)
    profile.needs = _codes(needs, MENTEE_NEEDS)
    profile.introduction = introduction
    change = _set_listed(profile, listed, timezone.now())
    profile.save()
    profile.wanted_municipalities.set(wanted_municipalities)
    profile.periods.all().delete()
    MenteePeriod.objects.bulk_create(
        MenteePeriod(profile=profile, starts_on=p.starts_on, ends_on=p.ends_on) for p in periods
    )
    _record_listing(change, listing=profile, user=user, label=MenteeProfile._meta.verbose_name)
    return profile


def _hide(model, user) -> bool:
    lock_person(user)
    profile = model.objects.filter(user=user).first()
    if profile is None or not profile.listed:
        return False
    profile.listed = False
    profile.save(update_fields=["listed", "updated_at"])
    _record_listing(False, listing=profile, user=user, label=model._meta.verbose_name)
    return True


@transaction.atomic
def hide_mentor_profile(*, user) -> bool:
    """Hide the mentor at once ("Skjul meg nå"). Whether anything changed."""
    return _hide(MentorProfile, user)


@transaction.atomic
def hide_mentee_profile(*, user) -> bool:
    return _hide(MenteeProfile, user)


@transaction.atomic
def save_hub_listing(
    *,
    hub,
    user,
    weeks_per_half_year: int,
    helps_with_housing: bool = False,
    animals=(),
    introduction: str = "",
    listed: bool = False,
) -> HubListing:
    hub = MentorHub.objects.select_for_update().get(pk=hub.pk)
    if not may_edit_hub_listing(user, hub):
        raise ProfileError(
            _("Only the contact person of an approved hub can change its listing."),
            code="not_allowed",
        )
    if not 0 <= weeks_per_half_year <= MAX_WEEKS:
        raise ProfileError(
            _("Give a number of student-weeks between 0 and %(most)s.") % {"most": MAX_WEEKS},
            code="weeks",
        )
    listing = HubListing.objects.filter(hub=hub).first() or HubListing(hub=hub)
    change = None if listed == listing.listed else listed
    listing.listed = listed
    listing.weeks_per_half_year = weeks_per_half_year
    listing.helps_with_housing = helps_with_housing
    listing.animals = _codes(animals, Animal.values)
    listing.introduction = _text(introduction, limit=1000, code="introduction")
    listing.save()
    if change is not None:
        record(
            AuditAction.FINN_LISTED if change else AuditAction.FINN_HIDDEN,
            actor=user,
            target=listing,
            label=hub.name,
            changes={"listed": [not change, change]},
        )
    return listing
