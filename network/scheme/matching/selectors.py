"""What Finn mentor's pages read, each with a fixed number of queries
whatever the number of listings, searches or candidates."""

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

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
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from courses.models import Certificate, CoursePage
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
from . import permissions
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


# Applications that hold one of a mentor's places: every one not yet decided
# against, withdrawn or ended. Together with the open requests now asked of
# the mentor, they are the capacity used. Keep in step with the directory's
# definition (`with_capacity` on the finn-requests branch): the same rule, so
# the board never offers a mentor the directory would not list.
HOLDS_A_PLACE = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.CHANGES_REQUESTED,
    ApplicationStatus.GRANTED,
    ApplicationStatus.ACTIVE,
)


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
    `day`, with `capacity_left` (capacity less the places used) above zero."""
    used = _count_of(
        Application.objects.filter(mentor=OuterRef("user"), status__in=HOLDS_A_PLACE), "mentor"
    ) + _count_of(
        RequestChoice.objects.filter(
            mentor=OuterRef("user"), status=ChoiceStatus.ASKED, request__status=RequestStatus.OPEN
        ),
        "mentor",
    )
    return (
        visible_mentor_profiles(day)
        .filter(user__is_active=True)
        .annotate(capacity_left=F("capacity") - used)
        .filter(capacity_left__gt=0)
    )


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
