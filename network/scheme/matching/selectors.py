"""What Finn mentor's pages read, each with a fixed number of queries
whatever the number of listings, searches or candidates."""

import math
import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses.models import Certificate, CoursePage
from mentornett.formatting import kilometres, month_year
from network.models import (
    Animal,
    Application,
    ApplicationStatus,
    ChoiceStatus,
    HubListing,
    HubMentor,
    HubStatus,
    HubStudentWeek,
    MatchNote,
    MatchProposal,
    MatchRequest,
    MenteeProfile,
    MentorAvailability,
    MentorHelp,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    NeedStatus,
    ProposalStatus,
    RelationshipKind,
    RequestChoice,
    RequestStatus,
    SearchAnswer,
)

from ..permissions import is_scheme_administrator
from . import geography, permissions
from . import score as scoring

# --- profiles, municipality contacts and needs ---


def holds_mentor_certificate(day: date, user_field: str = "user") -> Exists:
    """For a queryset: the row's person holds a mentor course certificate
    valid on `day`. One place for the rule "listed mentors are shown only
    while certified"."""
    return Exists(
        Certificate.objects.valid_on(day).filter(
            holder=OuterRef(user_field), mandatory_for="mentor"
        )
    )


def visible_mentor_profiles(day: date):
    """Mentor profiles others may see: listed, and certified on `day`."""
    return MentorProfile.objects.filter(listed=True).filter(holds_mentor_certificate(day))


def mentor_is_visible(profile: MentorProfile, day: date) -> bool:
    """Whether the profile shows in Finn mentor: the mentor chose to be listed
    and holds a valid mentor certificate on `day`."""
    return profile.listed and visible_mentor_profiles(day).filter(pk=profile.pk).exists()


def mentor_course() -> CoursePage | None:
    """The live mandatory mentor course, for "complete the mentor course"."""
    return CoursePage.objects.live().filter(mandatory_for="mentor").first()


def mentor_profile_for(user) -> MentorProfile | None:
    return (
        MentorProfile.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("availability")
        .first()
    )


def mentee_profile_for(user) -> MenteeProfile | None:
    return (
        MenteeProfile.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("periods", "wanted_municipalities")
        .first()
    )


def counties() -> list[str]:
    return list(Municipality.objects.order_by("county").values_list("county", flat=True).distinct())


@dataclass
class Overview:
    """What the start page tells a person about their own part in Finn mentor."""

    mentor: MentorProfile | None
    mentor_visible: bool
    mentee: MenteeProfile | None
    contacts: list = field(default_factory=list)  # their MunicipalityContact rows
    hubs: list = field(default_factory=list)  # approved hubs they keep the listing of
    office: bool = False
    waiting_contacts: int = 0  # for the office: contacts to verify


def overview(user, day: date) -> Overview:
    mentor = (
        MentorProfile.objects.filter(user=user)
        .annotate(certified=holds_mentor_certificate(day))
        .select_related("municipality")
        .first()
    )
    office = is_scheme_administrator(user)
    return Overview(
        mentor=mentor,
        mentor_visible=bool(mentor and mentor.listed and mentor.certified),
        mentee=MenteeProfile.objects.filter(user=user).first(),
        contacts=list(
            MunicipalityContact.objects.filter(user=user)
            .select_related("municipality")
            .order_by("municipality__name")
        ),
        hubs=list(
            permissions.listable_hubs(user).select_related("listing").order_by("name").distinct()
        ),
        office=office,
        waiting_contacts=(
            MunicipalityContact.objects.filter(verified_at__isnull=True).count() if office else 0
        ),
    )


def hub_listing_for(hub) -> HubListing:
    """The hub's listing, or an unsaved one with the defaults (not listed)."""
    return HubListing.objects.filter(hub=hub).first() or HubListing(hub=hub)


def municipality_needs(municipality):
    """Every need of the municipality, open first, with how many answered."""
    return (
        MunicipalityNeed.objects.filter(municipality=municipality)
        .annotate(
            interest_count=Count("interests"),
            closed=Case(When(status=NeedStatus.OPEN, then=0), default=1),
        )
        .order_by("closed", "-created_at", "-pk")
    )


def open_needs():
    return (
        MunicipalityNeed.objects.filter(status=NeedStatus.OPEN)
        .select_related("municipality", "municipality__matching_profile")
        .order_by("-created_at", "-pk")
    )


def need_interests(need):
    return need.interests.select_related("user").order_by("created_at")


def unverified_contacts():
    return (
        MunicipalityContact.objects.filter(verified_at__isnull=True)
        .select_related("user", "municipality")
        .order_by("registered_at", "pk")
    )


# --- board: published searches, the matching board, the national overview ------------


def shown_name(user) -> str:
    """A person's name as others see it before any accept: never the e-mail
    address that `display_name` falls back to."""
    return user.full_name or _("(no name given)")


def published_searches():
    """Listed mentee profiles not yet matched: what "Søker praksisplass/mentor"
    shows to those who may answer."""
    return MenteeProfile.objects.filter(listed=True, matched_at__isnull=True, user__is_active=True)


def _choice_labels(codes: dict, choices) -> list[str]:
    known = dict(choices.choices)
    return [str(known.get(code, code)) for code in codes]


@dataclass(frozen=True)
class SearchCard:
    """What a published search shows: never a name or a contact detail."""

    profile: MenteeProfile
    periods: list
    wanted: list[str]  # municipalities by name, then counties
    animals: list[str]
    needs: list[str]


def describe_search(profile) -> SearchCard:
    """From a profile fetched with `search_prefetches`: no queries."""
    return SearchCard(
        profile=profile,
        periods=list(profile.periods.all()),
        wanted=[m.name for m in profile.wanted_municipalities.all()]
        + list(profile.wanted_counties or []),
        animals=_choice_labels(profile.animals or {}, Animal),
        needs=_choice_labels(profile.needs or {}, MentorHelp),
    )


def search_prefetches():
    return (
        "periods",
        Prefetch("wanted_municipalities", queryset=Municipality.objects.order_by("name")),
    )


def searches_for(user):
    """The published searches `user` may answer (never their own), newest
    first, each marked with whether `user` has answered it."""
    mine = SearchAnswer.objects.filter(profile=OuterRef("pk"), answered_by=user)
    return (
        published_searches()
        .exclude(user=user)
        .select_related("municipality")
        .prefetch_related(*search_prefetches())
        .annotate(answered=Exists(mine))
        .order_by("-listed_at", "-pk")
    )


def answers_to(profile):
    """The answers to one's own search, oldest first."""
    return (
        SearchAnswer.objects.filter(profile=profile)
        .select_related("answered_by", "hub__municipality", "municipality")
        .order_by("created_at", "pk")
    )


def first_period(profile) -> tuple[date | None, date | None]:
    period = profile.periods.order_by("starts_on").first()
    return (period.starts_on, period.ends_on) if period else (None, None)


def _count_of(queryset, group: str):
    return Coalesce(
        Subquery(
            queryset.order_by().values(group).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


def mentors_with_room(day):
    """Listed mentor profiles whose mentor holds a valid mentor certificate on
    `day`, with `capacity_left` (capacity less the places used) above zero:
    the directory's `available_mentors`, where capacity is defined once."""
    return available_mentors(today=day)


def half_year_bounds(day: date) -> tuple[date, date]:
    if day.month <= 6:
        return date(day.year, 1, 1), date(day.year, 6, 30)
    return date(day.year, 7, 1), date(day.year, 12, 31)


def hubs_with_room(day):
    """Listed approved hubs with student-weeks left this half-year
    (`capacity_left`, in weeks)."""
    first, last = half_year_bounds(day)
    used = _count_of(
        HubStudentWeek.objects.filter(hub=OuterRef("hub"), week_starts_on__range=(first, last)),
        "hub",
    )
    return (
        HubListing.objects.filter(listed=True, hub__status=HubStatus.APPROVED)
        .annotate(capacity_left=F("weeks_per_half_year") - used)
        .filter(capacity_left__gt=0)
    )


@dataclass(frozen=True)
class Ranked:
    """A candidate for a search, with its score."""

    key: str  # "mentor:<user id>" or "hub:<hub id>", as the proposal form sends it
    name: str
    is_hub: bool
    municipality: Municipality
    capacity_left: int
    score: scoring.Score
    user_id: int | None = None


@dataclass(frozen=True)
class _Candidate:
    key: str
    name: str
    is_hub: bool
    municipality: Municipality
    capacity_left: int
    facts: scoring.Candidate
    user_id: int | None


def _periods(rows) -> tuple[tuple[date, date], ...]:
    return tuple((row.starts_on, row.ends_on) for row in rows)


def load_candidates(day) -> list[_Candidate]:
    """Every mentor and hub that can take someone now, in three queries."""
    candidates = []
    mentors = (
        mentors_with_room(day)
        .select_related("user", "municipality")
        .prefetch_related("availability")
        .order_by("pk")
    )
    for profile in mentors:
        helps = profile.helps or {}
        candidates.append(
            _Candidate(
                key=f"mentor:{profile.user_id}",
                name=profile.user.display_name,
                is_hub=False,
                municipality=profile.municipality,
                capacity_left=profile.capacity_left,
                facts=scoring.Candidate(
                    municipality=profile.municipality.number,
                    county=profile.municipality.county,
                    periods=_periods(profile.availability.all()),
                    kinds=frozenset(profile.kinds or {}),
                    animals=frozenset(profile.animals or {}),
                    capacity_left=profile.capacity_left,
                    offers_housing=MentorHelp.HOUSING in helps,
                    offers_car=MentorHelp.CAR in helps,
                ),
                user_id=profile.user_id,
            )
        )
    # A hub takes students all year, within its weeks per half-year; it is
    # shown as open from today to the end of the next half-year.
    first, last = half_year_bounds(day)
    open_until = half_year_bounds(last + timedelta(days=1))[1]
    hubs = hubs_with_room(day).select_related("hub__municipality").order_by("pk")
    for listing in hubs:
        hub = listing.hub
        candidates.append(
            _Candidate(
                key=f"hub:{hub.pk}",
                name=hub.name,
                is_hub=True,
                municipality=hub.municipality,
                capacity_left=listing.capacity_left,
                facts=scoring.Candidate(
                    municipality=hub.municipality.number,
                    county=hub.municipality.county,
                    periods=((day, open_until),),
                    # Hubs take students in placement; they do not apply per student.
                    kinds=frozenset({RelationshipKind.STUDENT_PLACEMENT}),
                    animals=frozenset(listing.animals or {}),
                    capacity_left=listing.capacity_left,
                    offers_housing=listing.helps_with_housing,
                    offers_car=False,
                ),
                user_id=None,
            )
        )
    return candidates


# The score's parts as the board names them (score.py's keys).
PART_LABELS = {
    "distance": pgettext_lazy("match score part", "Distance"),
    "period": pgettext_lazy("match score part", "Period"),
    "kind": pgettext_lazy("match score part", "Relationship type"),
    "animals": pgettext_lazy("match score part", "Animals"),
    "capacity": pgettext_lazy("match score part", "Capacity"),
    "housing": pgettext_lazy("match score part", "Housing"),
}

# A proposal's state as its page and the board say it.
PROPOSAL_STATES = {
    ProposalStatus.PROPOSED: gettext_lazy("Waiting for their answers"),
    ProposalStatus.ACCEPTED: gettext_lazy("Both said yes"),
    ProposalStatus.DECLINED: gettext_lazy("One of them said no"),
    ProposalStatus.WITHDRAWN: gettext_lazy("Withdrawn"),
}


@dataclass
class BoardCase:
    """One mentee waiting for a match: a published search, an expired
    request, or both."""

    profile: MenteeProfile
    search: SearchCard
    published: bool
    expired_request: MatchRequest | None
    candidates: list[Ranked] = field(default_factory=list)
    notes: list = field(default_factory=list)
    proposals: list = field(default_factory=list)

    @property
    def kind(self) -> str:
        if not self.published and self.expired_request is not None:
            return self.expired_request.kind
        return self.profile.kind

    @property
    def kind_label(self) -> str:
        return str(RelationshipKind(self.kind).label)

    @property
    def open_proposals(self) -> list:
        return [p for p in self.proposals if p.status == ProposalStatus.PROPOSED]


def _seeker(case: BoardCase) -> scoring.Seeker:
    profile = case.profile
    periods = _periods(case.search.periods)
    if not periods and case.expired_request is not None:
        periods = ((case.expired_request.starts_on, case.expired_request.ends_on),)
    needs = profile.needs or {}
    return scoring.Seeker(
        municipality=profile.municipality.number if profile.municipality else None,
        county=profile.municipality.county if profile.municipality else "",
        regions=frozenset(m.number for m in profile.wanted_municipalities.all()),
        counties=frozenset(profile.wanted_counties or []),
        periods=periods,
        kind=case.kind,
        animals=frozenset(profile.animals or {}),
        needs_housing=MentorHelp.HOUSING in needs,
        needs_car=MentorHelp.CAR in needs,
        municipality_name=profile.municipality.name if profile.municipality else "",
    )


def rank(case: BoardCase, candidates: list[_Candidate], *, today: date, top: int) -> list[Ranked]:
    """The `top` best candidates for the case, best first; never the mentee
    themself, never one scored 0 (no capacity)."""
    seeker = _seeker(case)
    ranked = []
    for candidate in candidates:
        if candidate.user_id is not None and candidate.user_id == case.profile.user_id:
            continue
        result = scoring.match_score(seeker, candidate.facts, today=today)
        if result.total <= 0:
            continue
        ranked.append(
            Ranked(
                key=candidate.key,
                name=candidate.name,
                is_hub=candidate.is_hub,
                municipality=candidate.municipality,
                capacity_left=candidate.capacity_left,
                score=result,
                user_id=candidate.user_id,
            )
        )
    ranked.sort(key=lambda row: (-row.score.total, row.name, row.key))
    return ranked[:top]


def board_cases():
    """Every mentee waiting for a match, longest waiting first: a published
    search, or an expired request with no accepted request after it and no
    match since."""
    latest_expired = MatchRequest.objects.filter(
        mentee=OuterRef("user"), status=RequestStatus.EXPIRED
    ).order_by("-created_at", "-pk")
    accepted_since = MatchRequest.objects.filter(
        mentee=OuterRef("user"),
        status=RequestStatus.ACCEPTED,
        created_at__gt=OuterRef("expired_at"),
    )
    waiting_after_request = Q(expired_at__isnull=False, accepted_since=False) & (
        Q(matched_at__isnull=True) | Q(matched_at__lt=F("expired_at"))
    )
    return (
        MenteeProfile.objects.filter(user__is_active=True)
        .annotate(
            expired_id=Subquery(latest_expired.values("pk")[:1]),
            expired_at=Subquery(latest_expired.values("created_at")[:1]),
        )
        .annotate(accepted_since=Exists(accepted_since))
        .filter(Q(listed=True, matched_at__isnull=True) | waiting_after_request)
        .annotate(waiting_since=Coalesce("listed_at", "expired_at"))
        .order_by(F("waiting_since").asc(nulls_last=True), "pk")
    )


def _case_prefetches():
    return (
        *search_prefetches(),
        Prefetch(
            "notes",
            queryset=MatchNote.objects.select_related("author").order_by("-created_at", "-pk"),
        ),
        Prefetch(
            "user__proposals_as_mentee",
            queryset=MatchProposal.objects.select_related("mentor", "hub").order_by(
                "-created_at", "-pk"
            ),
        ),
    )


def _cases(profiles) -> list[BoardCase]:
    expired = MatchRequest.objects.in_bulk([p.expired_id for p in profiles if p.expired_id])
    return [
        BoardCase(
            profile=profile,
            search=describe_search(profile),
            published=profile.listed and profile.matched_at is None,
            expired_request=expired.get(profile.expired_id),
            notes=list(profile.notes.all()),
            proposals=list(profile.user.proposals_as_mentee.all()),
        )
        for profile in profiles
    ]


BOARD_PAGE_SIZE = 10
BOARD_TOP = 5
CASE_TOP = 10
CASE_CHOICES = 20


def board_page(*, page_number, today: date):
    """One page of the board: its cases, each with its best candidates."""
    paginator = Paginator(
        board_cases().select_related("user", "municipality").prefetch_related(*_case_prefetches()),
        BOARD_PAGE_SIZE,
    )
    page = paginator.get_page(page_number)
    cases = _cases(list(page.object_list))
    if cases:
        candidates = load_candidates(today)
        for case in cases:
            case.candidates = rank(case, candidates, today=today, top=BOARD_TOP)
    return page, cases


def board_case(search_id, *, today: date, top: int = CASE_CHOICES) -> BoardCase | None:
    """One case with its `top` candidates; None when the mentee is not (or no
    longer) waiting."""
    profile = (
        board_cases()
        .select_related("user", "municipality")
        .prefetch_related(*_case_prefetches())
        .filter(pk=search_id)
        .first()
    )
    if profile is None:
        return None
    (case,) = _cases([profile])
    case.candidates = rank(case, load_candidates(today), today=today, top=top)
    return case


def proposals_for(user):
    """The office's proposals to `user`, as mentee, as mentor or as a contact
    person of the proposed hub, newest first."""
    return (
        MatchProposal.objects.filter(
            Q(mentee=user)
            | Q(mentor=user)
            | Q(hub__mentors__user=user, hub__mentors__is_contact=True)
        )
        .distinct()
        .select_related("hub")
        .order_by("-created_at", "-pk")
    )


def proposal_contacts(proposal, side: str | None) -> list:
    """Whose contact details `side` of a proposal both said yes to sees:
    the mentee sees the mentor (or the hub's contact persons), the mentor's
    side sees the mentee; anyone else (the office) none here."""
    if side == "mentee":
        if proposal.mentor_id:
            return [proposal.mentor]
        return [
            m.user
            for m in HubMentor.objects.filter(hub=proposal.hub_id, is_contact=True).select_related(
                "user"
            )
        ]
    if side == "mentor":
        return [proposal.mentee]
    return []


def pair_score(*, profile, mentor=None, hub=None, today: date) -> int:
    """The score of one proposed pair, as the board showed it (0 when the
    candidate is not available)."""
    case = board_case(profile.pk, today=today, top=10**6)
    if case is None:
        return 0
    key = f"mentor:{mentor.pk}" if mentor is not None else f"hub:{hub.pk}"
    return next((row.score.total for row in case.candidates if row.key == key), 0)


@dataclass(frozen=True)
class TimeToMatch:
    median_days: float | None
    count: int

    @property
    def days(self) -> int | None:
        return None if self.median_days is None else round(self.median_days)


def time_to_match(*, now=None) -> TimeToMatch:
    """The median number of days from listing to match, over the searches
    matched in the last twelve months."""
    now = now or timezone.now()
    rows = (
        MenteeProfile.objects.filter(
            matched_at__gte=now - timedelta(days=365), listed_at__isnull=False
        )
        .filter(matched_at__gte=F("listed_at"))
        .values_list("listed_at", "matched_at")
    )
    days = [(matched - listed).total_seconds() / 86400 for listed, matched in rows]
    return TimeToMatch(statistics.median(days) if days else None, len(days))


NO_COUNTY = ""


def searches_per_county(searches) -> dict[str, int]:
    """How many of `searches` want each county: the counties a search names
    and those of the municipalities it names; a search that names none counts
    where the mentee lives, or under NO_COUNTY (abroad, or not given). A search
    naming several counties counts in each. Two queries."""
    wanted = {}
    for pk, counties, home in searches.values_list("pk", "wanted_counties", "municipality__county"):
        wanted[pk] = (set(counties or []), home)
    through = MenteeProfile.wanted_municipalities.through
    for pk, county in through.objects.filter(menteeprofile_id__in=list(wanted)).values_list(
        "menteeprofile_id", "municipality__county"
    ):
        wanted[pk][0].add(county)
    counted: dict[str, int] = {}
    for counties, home in wanted.values():
        for county in counties or {home or NO_COUNTY}:
            counted[county] = counted.get(county, 0) + 1
    return counted


@dataclass(frozen=True)
class CountyRow:
    county: str  # NO_COUNTY for searches from abroad or with no place given
    mentors: int
    hubs: int
    searches: int
    needs: int


@dataclass(frozen=True)
class NationalOverview:
    rows: list[CountyRow]
    maxima: dict[str, int]
    totals: dict[str, int]


COLUMNS = ("mentors", "hubs", "searches", "needs")


def national_overview(*, day: date) -> NationalOverview:
    """Per county: listed mentors with a valid certificate, listed approved
    hubs, open searches and open municipality needs. Counts only, never a
    name; every county is there, with zeros. Six queries."""
    counties = set(Municipality.objects.values_list("county", flat=True).distinct())

    def by_county(queryset, path: str) -> dict[str, int]:
        return dict(queryset.order_by().values(path).annotate(n=Count("pk")).values_list(path, "n"))

    mentors = by_county(
        visible_mentor_profiles(day).filter(user__is_active=True), "municipality__county"
    )
    hubs = by_county(
        HubListing.objects.filter(listed=True, hub__status=HubStatus.APPROVED),
        "hub__municipality__county",
    )
    needs = by_county(
        MunicipalityNeed.objects.filter(status=NeedStatus.OPEN), "municipality__county"
    )
    searches = searches_per_county(published_searches())
    names = sorted(counties | set(mentors) | set(hubs) | set(needs) | set(searches) - {NO_COUNTY})
    rows = [
        CountyRow(
            county,
            mentors.get(county, 0),
            hubs.get(county, 0),
            searches.get(county, 0),
            needs.get(county, 0),
        )
        for county in names
    ]
    if searches.get(NO_COUNTY):
        rows.append(CountyRow(NO_COUNTY, 0, 0, searches[NO_COUNTY], 0))
    maxima = {column: max((getattr(row, column) for row in rows), default=0) for column in COLUMNS}
    totals = {
        "mentors": sum(mentors.values()),
        "hubs": sum(hubs.values()),
        "needs": sum(needs.values()),
        # A search that wants several counties is counted in each row, once here.
        "searches": published_searches().count(),
    }
    return NationalOverview(rows, maxima, totals)


# --- directory ---

# Capacity: how many of a mentor's places (MentorProfile.capacity) are in use.
# A place is TAKEN by each application the person is the mentor of that is
# being drafted, has been sent or decided, or runs (CAPACITY_STATUSES); an
# accepted request becomes such a draft. A place is HELD by each request the
# mentor is being asked right now (an ASKED choice of an open request), so
# that a mentor is not offered more requests than there is room for while
# they think. Used = taken + held; the directory lists, and a request asks,
# only mentors with used < capacity. Accepting needs taken < capacity: the
# place the request held becomes the place its draft takes.
CAPACITY_STATUSES = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.CHANGES_REQUESTED,
    ApplicationStatus.GRANTED,
    ApplicationStatus.ACTIVE,
)


def _count(queryset, by: str):
    counted = queryset.order_by().values(by).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def places_taken(mentor) -> int:
    return Application.objects.filter(mentor=mentor, status__in=CAPACITY_STATUSES).count()


def with_capacity(profiles):
    """Mentor profiles annotated with `places_taken`, `places_held` and
    `capacity_left` (capacity minus both), as defined above."""
    taken = Application.objects.filter(mentor=OuterRef("user_id"), status__in=CAPACITY_STATUSES)
    held = RequestChoice.objects.filter(
        mentor=OuterRef("user_id"), status=ChoiceStatus.ASKED, request__status=RequestStatus.OPEN
    )
    return profiles.annotate(
        places_taken=_count(taken, "mentor"), places_held=_count(held, "mentor")
    ).annotate(
        capacity_left=F("capacity") - F("places_taken") - F("places_held"),
    )


def available_mentors(*, today: date):
    """Listed mentors with a place left: the directory's mentors, and the
    only ones a request may ask."""
    return (
        with_capacity(visible_mentor_profiles(today))
        .filter(user__is_active=True)
        .filter(capacity_left__gt=0)
    )


# A hub registers student-weeks and is paid for them: it takes students in
# placement, and no other relationship type.
HUB_KINDS = frozenset({RelationshipKind.STUDENT_PLACEMENT})


def listed_hubs():
    """Hub listings others may find: listed by the hub, which the programme
    office has approved. A hub has no capacity of its own here: its weeks
    per half-year are shown, and it says yes or no."""
    return HubListing.objects.filter(listed=True, hub__status=HubStatus.APPROVED)


def municipality_numbers_within(origin: Municipality, max_km: int) -> frozenset[str]:
    """The numbers of the municipalities within `max_km` of `origin` (as
    geography.within counts it). One query for the list; the arithmetic
    over it is cached, so the directory filters the database with a list of
    numbers instead of a distance per row."""
    municipalities = tuple(Municipality.objects.order_by("number").values_list("number", "county"))
    return _numbers_within(origin.number, origin.county, max_km, municipalities)


@lru_cache(maxsize=512)
def _numbers_within(number, county, max_km, municipalities) -> frozenset[str]:
    return frozenset(
        other
        for other, other_county in municipalities
        if geography.within(geography.nearness(number, county, other, other_county), max_km)
    )


@dataclass(frozen=True)
class Search:
    """What the directory is asked for; empty values filter nothing."""

    municipality: Municipality | None = None
    max_km: int | None = None
    county: str = ""
    animals: frozenset[str] = frozenset()
    kind: str = ""
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True)
class Seeker:
    """Who is looking, for the reasons a result fits: the place distances
    are told from, the type they seek and whether they need housing."""

    origin: Municipality | None = None
    kind: str = ""
    needs_housing: bool = False


MENTOR = "mentor"
HUB = "hub"


@dataclass(frozen=True)
class Pick:
    """One choice as the directory names it: "mentor:<profile id>" or
    "hub:<hub id>"."""

    kind: str
    pk: int

    @classmethod
    def parse(cls, value: str) -> "Pick | None":
        kind, _sep, pk = str(value).partition(":")
        # Ids as the database holds them: ASCII digits, within its integers.
        if kind not in (MENTOR, HUB) or not (pk.isascii() and pk.isdigit() and len(pk) <= 9):
            return None
        return cls(kind, int(pk))

    def __str__(self) -> str:
        return f"{self.kind}:{self.pk}"


@dataclass
class Result:
    """A mentor or a hub as the directory shows it. Never contact details."""

    kind: str  # MENTOR or HUB
    pk: int  # the mentor profile's or the hub's
    name: str
    municipality: Municipality
    reasons: list[str] = field(default_factory=list)
    animals: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    availability: list = field(default_factory=list)  # MentorAvailability rows
    helps: list[str] = field(default_factory=list)
    languages: str = ""
    introduction: str = ""
    mentors: list[str] = field(default_factory=list)  # a hub's mentors' names
    weeks: int = 0  # a hub's student-weeks per half-year

    @property
    def pick(self) -> str:
        """How the request page is told about this choice (`velg=`)."""
        return f"{self.kind}:{self.pk}"


def _sort_key(nearness, name: str):
    """Nearest first, then by name. Without a measured distance, a neighbour
    sorts at the typical distance between neighbours' centres and the same
    county at the typical distance within a county (geography's medians);
    an unknown distance after every other."""
    if nearness is None or nearness.basis == geography.SAME_MUNICIPALITY:
        km = 0
    elif nearness.basis == geography.MEASURED:
        km = nearness.km
    elif nearness.basis == geography.NEIGHBOUR:
        km = geography.NEIGHBOUR_TYPICAL_KM
    elif nearness.basis == geography.SAME_COUNTY:
        km = geography.SAME_COUNTY_TYPICAL_KM
    else:
        km = math.inf
    return (km, name.casefold())


def place_numbers(search: Search) -> frozenset[str] | None:
    """The municipalities within the searched distance (one query), or None
    when no distance is asked for; worked out once per page and passed to
    what filters by it."""
    if search.municipality is None or not search.max_km:
        return None
    return municipality_numbers_within(search.municipality, search.max_km)


def directory(
    *, viewer, search: Search, seeker: Seeker, today: date, page_number, numbers, per_page=20
):
    """One page of the mentors and hubs that fit `search`, nearest to the
    seeker's place first (then by name), each with the reasons it fits.

    Queries: the candidates' ids and places (mentors, hubs: two), then the
    page's details (mentors with their periods, hubs with their mentors:
    four), and the municipality list when a distance is asked for. None of
    them repeats per result."""
    mentors = available_mentors(today=today).exclude(user=viewer)
    hubs = listed_hubs().exclude(hub__mentors__user=viewer)
    if numbers is not None:
        mentors = mentors.filter(municipality__number__in=numbers)
        hubs = hubs.filter(hub__municipality__number__in=numbers)
    if search.county:
        mentors = mentors.filter(municipality__county=search.county)
        hubs = hubs.filter(hub__municipality__county=search.county)
    if search.animals:
        mentors = mentors.filter(animals__has_any_keys=sorted(search.animals))
        hubs = hubs.filter(animals__has_any_keys=sorted(search.animals))
    if search.kind:
        mentors = mentors.filter(kinds__has_key=search.kind)
        if search.kind not in HUB_KINDS:
            hubs = hubs.none()
    if search.starts_on or search.ends_on:
        periods = MentorAvailability.objects.filter(profile=OuterRef("pk"))
        if search.starts_on:
            periods = periods.filter(ends_on__gte=search.starts_on)
        if search.ends_on:
            periods = periods.filter(starts_on__lte=search.ends_on)
        mentors = mentors.filter(Exists(periods))

    origin = seeker.origin
    found = []
    rows = mentors.values_list(
        "pk", "user__full_name", "municipality__number", "municipality__county"
    )
    for kind, queryset in ((MENTOR, rows), (HUB, _hub_rows(hubs))):
        for pk, name, number, county in queryset:
            nearness = (
                geography.nearness(origin.number, origin.county, number, county)
                if origin is not None
                else None
            )
            found.append((_sort_key(nearness, name), kind, pk, nearness))
    found.sort(key=lambda row: (row[0], row[1], row[2]))
    page = Paginator(found, per_page).get_page(page_number)
    page.object_list = _results(list(page.object_list), search=search, seeker=seeker, today=today)
    return page


@dataclass(frozen=True)
class NearbyNeed:
    need: MunicipalityNeed
    nearness: geography.Nearness | None


NEEDS_IN_DIRECTORY = 5


def needs_near(*, search: Search, origin, numbers) -> list[NearbyNeed]:
    """The open needs of municipalities in the searched place, nearest to
    `origin` first: the directory shows them beside the mentors, so a student
    sees where a municipality wants a vet and what it offers. One query; a
    country's open needs are few enough to sort here."""
    needs = open_needs()
    if numbers is not None:
        needs = needs.filter(municipality__number__in=numbers)
    if search.county:
        needs = needs.filter(municipality__county=search.county)
    found = []
    for need in needs:
        place = need.municipality
        nearness = (
            geography.nearness(origin.number, origin.county, place.number, place.county)
            if origin is not None
            else None
        )
        found.append(NearbyNeed(need, nearness))
    found.sort(key=lambda row: (_sort_key(row.nearness, row.need.municipality.name), row.need.pk))
    return found[:NEEDS_IN_DIRECTORY]


def _hub_rows(hubs):
    return hubs.values_list(
        "hub_id", "hub__name", "hub__municipality__number", "hub__municipality__county"
    )


def _results(rows, *, search: Search, seeker: Seeker, today: date) -> list[Result]:
    mentor_ids = [pk for _key, kind, pk, _near in rows if kind == MENTOR]
    hub_ids = [pk for _key, kind, pk, _near in rows if kind == HUB]
    profiles = {
        profile.pk: profile
        for profile in MentorProfile.objects.filter(pk__in=mentor_ids)
        .select_related("user", "municipality")
        .prefetch_related("availability")
    }
    listings = {
        listing.hub_id: listing
        for listing in HubListing.objects.filter(hub_id__in=hub_ids)
        .select_related("hub__municipality")
        .prefetch_related(
            Prefetch("hub__mentors", queryset=HubMentor.objects.select_related("user"))
        )
    }
    results = []
    for _key, kind, pk, nearness in rows:
        if kind == MENTOR and pk in profiles:
            results.append(_mentor_result(profiles[pk], nearness, search, seeker, today))
        elif kind == HUB and pk in listings:
            results.append(_hub_result(listings[pk], nearness, search, seeker))
    return results


def _labels(choices, codes) -> list[str]:
    return [str(label) for value, label in choices.choices if value in codes]


def _mentor_result(profile, nearness, search, seeker, today) -> Result:
    periods = [period for period in profile.availability.all() if period.ends_on >= today]
    reasons = [nearness_reason(nearness, seeker.origin)] if nearness is not None else []
    shown = _matching_period(periods, search)
    if shown is not None:
        reasons.append(
            _("available %(period)s")
            % {"period": month_span(shown.starts_on, shown.ends_on, today=today)}
        )
    kind = search.kind or seeker.kind
    if kind and kind in profile.kinds:
        reasons.append(kind_reason(kind))
    if search.animals & set(profile.animals):
        reasons.append(", ".join(_labels(Animal, search.animals & set(profile.animals))).lower())
    if seeker.needs_housing and MentorHelp.HOUSING in profile.helps:
        reasons.append(_("can help with housing"))
    return Result(
        kind=MENTOR,
        pk=profile.pk,
        name=profile.user.display_name,
        municipality=profile.municipality,
        reasons=reasons,
        animals=_labels(Animal, profile.animals),
        kinds=_labels(RelationshipKind, profile.kinds),
        availability=periods,
        helps=_labels(MentorHelp, profile.helps),
        languages=profile.languages,
        introduction=profile.introduction,
    )


def _hub_result(listing, nearness, search, seeker) -> Result:
    hub = listing.hub
    reasons = [nearness_reason(nearness, seeker.origin)] if nearness is not None else []
    reasons.append(kind_reason(RelationshipKind.STUDENT_PLACEMENT))
    if search.animals & set(listing.animals):
        reasons.append(", ".join(_labels(Animal, search.animals & set(listing.animals))).lower())
    if seeker.needs_housing and listing.helps_with_housing:
        reasons.append(_("helps with housing"))
    return Result(
        kind=HUB,
        pk=hub.pk,
        name=hub.name,
        municipality=hub.municipality,
        reasons=reasons,
        animals=_labels(Animal, listing.animals),
        kinds=_labels(RelationshipKind, HUB_KINDS),
        helps=[str(MentorHelp.HOUSING.label)] if listing.helps_with_housing else [],
        introduction=listing.introduction,
        mentors=[member.user.display_name for member in hub.mentors.all()],
        weeks=listing.weeks_per_half_year,
    )


def _matching_period(periods, search: Search):
    """The first of the periods that meets the search's period (or the
    first coming one, when none is asked for)."""
    for period in periods:
        if search.starts_on and period.ends_on < search.starts_on:
            continue
        if search.ends_on and period.starts_on > search.ends_on:
            continue
        return period
    return None


def nearness_reason(nearness, origin: Municipality) -> str:
    """How near, from where, and said plainly when it is not a measured
    distance: "38 km fra Tynset", "nabokommune til Tynset"."""
    place = origin.name
    if nearness.basis == geography.SAME_MUNICIPALITY:
        return _("in %(place)s") % {"place": place}
    if nearness.basis == geography.MEASURED:
        return _("%(distance)s from %(place)s") % {
            "distance": kilometres(nearness.km),
            "place": place,
        }
    if nearness.basis == geography.NEIGHBOUR:
        return _("neighbouring municipality of %(place)s") % {"place": place}
    if nearness.basis == geography.SAME_COUNTY:
        return _("in the same county as %(place)s") % {"place": place}
    return _("distance from %(place)s not known") % {"place": place}


def kind_reason(kind: str) -> str:
    """ "tar imot studenter i praksis": the score's words for a type offered."""
    return str(scoring.KIND_OFFERED[kind])


def month_span(first: date, last: date, *, today: date | None = None) -> str:
    """A period in months: "mars–juni", "mars–juni 2027", "nov. 2026–feb. 2027"."""
    if first.year != last.year:
        return f"{month_year(first)}–{month_year(last)}"
    months = str(MONTHS[first.month])
    if last.month != first.month:
        months = f"{months}–{MONTHS[last.month]}"
    this_year = (today or timezone.localdate()).year
    return months if first.year == this_year else f"{months} {first.year}"


# --- requests ---


def _choices_with_parties():
    return RequestChoice.objects.select_related("mentor", "hub__municipality").order_by("rank")


def requests_of(mentee):
    """The mentee's requests, newest first, each with its ranked choices and
    the application an accepted one made: two queries."""
    return (
        MatchRequest.objects.filter(mentee=mentee)
        .select_related("application")
        .prefetch_related(Prefetch("choices", queryset=_choices_with_parties()))
        .order_by("-created_at", "-pk")
    )


def incoming_choices(user):
    """The choices that asked `user`, as a mentor or as a contact of the hub
    asked, newest first, with the request and the mentee: one query."""
    contact = HubMentor.objects.filter(hub=OuterRef("hub_id"), user=user, is_contact=True)
    return (
        RequestChoice.objects.filter(
            Q(mentor=user) | Q(Exists(contact)), status__in=permissions.SEEN
        )
        .select_related("request__mentee", "hub")
        .order_by("-asked_at", "-pk")
    )


def request_with_choices(request_id):
    return (
        MatchRequest.objects.select_related("mentee", "application")
        .prefetch_related(Prefetch("choices", queryset=_choices_with_parties()))
        .filter(pk=request_id)
        .first()
    )


def hub_contacts(hub_ids) -> dict[int, list]:
    """The contact persons of each hub, by hub id: one query."""
    contacts = {}
    for member in HubMentor.objects.filter(hub_id__in=hub_ids, is_contact=True).select_related(
        "user"
    ):
        contacts.setdefault(member.hub_id, []).append(member.user)
    return contacts


@dataclass(frozen=True)
class Picked:
    """A choice picked in the directory, as the request page names it."""

    pick: str  # "mentor:<profile id>" or "hub:<hub id>"
    name: str
    municipality: Municipality


def picked(picks, *, today: date) -> tuple[list[Picked], int]:
    """The listed mentors and hubs among `picks` (Pick objects), in the
    order given, and how many were not found (no longer listed, or never
    were). Whether each may be asked is the service's to say. Two queries."""
    mentor_ids = [pick.pk for pick in picks if pick.kind == MENTOR]
    hub_ids = [pick.pk for pick in picks if pick.kind == HUB]
    mentors = {
        profile.pk: profile
        for profile in visible_mentor_profiles(today)
        .filter(pk__in=mentor_ids)
        .select_related("user", "municipality")
    }
    hubs = {
        listing.hub_id: listing.hub
        for listing in listed_hubs().filter(hub_id__in=hub_ids).select_related("hub__municipality")
    }
    found = []
    for pick in picks:
        if pick.kind == MENTOR and pick.pk in mentors:
            profile = mentors[pick.pk]
            found.append(Picked(str(pick), profile.user.display_name, profile.municipality))
        elif pick.kind == HUB and pick.pk in hubs:
            hub = hubs[pick.pk]
            found.append(Picked(str(pick), hub.name, hub.municipality))
    return found, len(picks) - len(found)
