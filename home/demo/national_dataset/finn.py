"""Finn mentor at national scale: vets listed as mentors, each with the
mandatory mentor course done and its certificate valid (what makes a listing
visible) and one or two availability periods in the coming year; searches
published by vet students and new vets among the participants; municipalities
with a listed profile, open needs and a contact the programme office has
verified. Mentors and municipalities lean towards the counties with the most
production-animal practice.

The mentors are vets of their own (finnmentor00001@…), beside the
participants, so that the steps before this one make the same rows as before
Finn mentor. Everyone signs in with the dataset's password."""

from collections import defaultdict
from datetime import date, timedelta

from allauth.account.models import EmailAddress

from mentornett.accounts.models import Language, Profession, Profile, User
from mentornett.dates import add_months
from network.models import (
    Animal,
    MenteePeriod,
    MenteeProfile,
    MenteeStage,
    MentorAvailability,
    MentorHelp,
    MentorProfile,
    Municipality,
    MunicipalityContact,
    MunicipalityNeed,
    MunicipalityNeedKind,
    MunicipalityOffer,
    MunicipalityProfile,
    NeedStatus,
    RelationshipKind,
)

from .base import bulk, email, explicit_timestamps
from .learning import Progress, timeline, write_progress
from .people import NEW_VET, SCHEME_ADMINISTRATOR, VET_MENTOR, VET_STUDENT, Person, random_name

A = Animal
K = RelationshipKind
H = MentorHelp

# How much production-animal practice a county has, as a weight for where
# mentors work and which municipalities publish a profile.
COUNTY_WEIGHTS = {
    "Innlandet": 8,
    "Trøndelag": 8,
    "Nordland": 6,
    "Vestland": 6,
    "Rogaland": 6,
    "Møre og Romsdal": 4,
    "Troms": 3,
    "Agder": 2,
    "Telemark": 2,
    "Buskerud": 2,
    "Akershus": 2,
    "Østfold": 2,
    "Vestfold": 1,
    "Finnmark": 2,
    "Oslo": 1,
}
# Each code with the chance that a mentor has it.
MENTOR_ANIMALS = {
    A.CATTLE: 0.8,
    A.SMALL_RUMINANTS: 0.6,
    A.PIGS: 0.2,
    A.POULTRY: 0.1,
    A.HORSES: 0.2,
    A.AQUACULTURE: 0.05,
    A.COMPANION: 0.3,
}
MENTOR_KINDS = {
    K.STUDENT_PLACEMENT: 0.7,
    K.TEMPORARY_LICENCE: 0.5,
    K.INEXPERIENCED_VET: 0.5,
    K.MENTORVET: 0.3,
}
MENTOR_HELPS = {H.HOUSING: 0.4, H.CAR: 0.3, H.EQUIPMENT: 0.25}
MENTEE_ANIMALS = {A.CATTLE: 0.8, A.SMALL_RUMINANTS: 0.5, A.PIGS: 0.2, A.HORSES: 0.2}
MENTEE_NEEDS = {H.HOUSING: 0.6, H.CAR: 0.4}
OFFERS = {
    MunicipalityOffer.FLAT: 0.6,
    MunicipalityOffer.CAR: 0.3,
    MunicipalityOffer.EQUIPMENT: 0.2,
    MunicipalityOffer.STIMULUS_GRANT: 0.4,
    MunicipalityOffer.WELCOME_CONTACT: 0.5,
}
EXTRA_LANGUAGES = ["engelsk", "engelsk", "engelsk", "svensk", "tysk", "polsk"]

# In the first person, after the animals the mentor works most with.
MENTOR_OPENINGS = {
    A.CATTLE: "Jeg har stordyrpraksis med mest melkeku og ammeku.",
    A.SMALL_RUMINANTS: "Praksisen min har mye sau, særlig i lammingen og på beite om sommeren.",
    A.PIGS: "Jeg jobber mye med svinebesetninger og smittevern.",
    A.POULTRY: "Fjørfe og forebyggende helsearbeid er en stor del av hverdagen min.",
    A.HORSES: "Jeg har en del hest ved siden av storfe og sau.",
    A.AQUACULTURE: "Jeg kombinerer fiskehelse med vanlig stordyrpraksis.",
    A.COMPANION: "Vi har blandingspraksis med både produksjonsdyr og smådyr.",
}
MENTOR_CLOSINGS = [
    "Jeg tar gjerne med studenter på kveldsvakter.",
    "Vi deler vakt med nabokommunene, så du er aldri alene.",
    "Jeg har vært mentor før og liker å lære bort.",
    "Du får prøve deg tidlig, med meg ved siden av.",
    "Jeg setter av tid hver uke til å gå gjennom kasus sammen.",
    "Det blir lange kjøreturer og god tid til å snakke i bilen.",
]
ANIMAL_WORDS = {
    A.CATTLE: "storfe",
    A.SMALL_RUMINANTS: "småfe",
    A.PIGS: "svin",
    A.POULTRY: "fjørfe",
    A.HORSES: "hest",
    A.AQUACULTURE: "fisk",
    A.COMPANION: "smådyr",
}
ORDINALS = {2: "andre", 3: "tredje", 4: "fjerde", 5: "femte", 6: "sjette"}
NUMBERS = {2: "to", 3: "tre", 4: "fire", 5: "fem"}
MENTEE_CLOSINGS = [
    "Jeg har førerkort, men ikke egen bil.",
    "Jeg vil gjerne jobbe i distriktet når jeg er ferdig.",
    "Jeg er vant til gårdsarbeid hjemmefra.",
    "Jeg ønsker meg en mentor som har tid til spørsmål.",
]
COVERAGE = [
    "{name} har mye storfe og sau, og vaktområdet er stort. Kommunen vil gjerne ha flere "
    "veterinærer.",
    "I {name} deler {vets} veterinærer på vakten, og flere av dem nærmer seg pensjonsalderen.",
    "{name} ligger langt fra nærmeste klinikk, og det er vanskelig å få vikarer i feriene.",
    "Husdyrholdet i {name} vokser, men rekrutteringen av veterinærer henger etter.",
]
NEED_TEXTS = {
    MunicipalityNeedKind.PLACEMENT_HOST: "Vi ser etter en praksis som vil ta imot studenter i "
    "{name}. Kommunen hjelper med bolig.",
    MunicipalityNeedKind.TEMPORARY_VET: "Vikar i en periode med mye vakt. Bolig kan ordnes.",
    MunicipalityNeedKind.PERMANENT_VET: "Fast veterinær til vaktområdet. Kommunen gir tilskudd "
    "til etablering.",
}
CONTACT_ROLES = [
    "Landbrukssjef",
    "Landbruksrådgiver",
    "Rådgiver for landbruk",
    "Kommunalsjef for næring",
    "Leder for landbruk og miljø",
]


def build_finn(ctx, courses, people) -> dict:
    rng = ctx.rng("finn")
    office = people.staff[SCHEME_ADMINISTRATOR]
    by_county = defaultdict(list)
    for municipality in Municipality.objects.order_by("number"):
        by_county[municipality.county].append(municipality)
    made = _mentors(rng, ctx, courses[0], by_county, office)
    made["published searches"] = _searches(rng, ctx, people, by_county)
    made.update(_municipalities(rng, ctx, by_county, office))
    return made


def _some(rng, chances: dict) -> dict:
    """Each code by its chance, at least the likeliest one; as stored."""
    codes = [code for code, chance in chances.items() if rng.random() < chance]
    return dict.fromkeys(sorted(codes or [max(chances, key=chances.get)]), True)


def _listing(words: list[str]) -> str:
    """Words as a Norwegian list: storfe, svin og hest."""
    return " og ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]


def _county(rng, by_county, *, rural=False) -> str:
    # Oslo has no production-animal practice to speak of.
    counties = [c for c in COUNTY_WEIGHTS if c in by_county and not (rural and c == "Oslo")]
    return rng.choices(counties, weights=[COUNTY_WEIGHTS[c] for c in counties])[0]


def _period(rng, after: date, *, starts_within=6, longest=6) -> tuple[date, date]:
    """Whole months, starting on the first of one of the `starts_within`
    months after the month of `after`."""
    starts_on = add_months(after.replace(day=1), rng.randint(1, starts_within))
    ends_on = add_months(starts_on, rng.randint(1, longest)) - timedelta(days=1)
    return starts_on, ends_on


def _people(ctx, specs) -> list[User]:
    """Users with a verified e-mail and a profile, from (local part, name,
    joined, profile fields)."""
    users = [
        User(
            email=email(local),
            full_name=name,
            password=ctx.password_hash,
            preferred_language=Language.BOKMAL,
            date_joined=joined,
        )
        for local, name, joined, _fields in specs
    ]
    bulk(User, users)
    bulk(
        EmailAddress,
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
    )
    profiles = []
    for user, (_local, _name, joined, fields) in zip(users, specs, strict=True):
        user.profile = Profile(user=user, updated_at=joined, **fields)
        profiles.append(user.profile)
    with explicit_timestamps(Profile):
        bulk(Profile, profiles)
    return users


def _mentors(rng, ctx, mentor_course, by_county, office) -> dict:
    specs = []
    for number in range(1, ctx.plan.finn_mentors + 1):
        municipality = rng.choice(by_county[_county(rng, by_county)])
        years = rng.randint(3, 35)
        specs.append(
            (
                f"finnmentor{number:05d}",
                random_name(rng),
                ctx.days_ago(rng, 60, 900),
                {
                    "profession": Profession.VETERINARIAN,
                    "home_municipality": municipality,
                    "wants_to_be_mentor": True,
                    "has_norwegian_authorisation": True,
                    "authorisation_year": ctx.today.year - years,
                    "practice_years": years,
                },
            )
        )
    users = _people(ctx, specs)
    mentors = [Person(user, VET_MENTOR, user.profile.home_municipality) for user in users]
    # Every listed mentor took the mentor course to the end, at least three
    # weeks ago, and holds its certificate.
    lessons = len(mentor_course.lessons)
    progress = [
        Progress(person, mentor_course, lessons, *timeline(rng, ctx, person, at_least=20))
        for person in mentors
    ]
    made = write_progress(rng, ctx, progress, office=office)

    profiles, periods = [], []
    for person in mentors:
        animals = _some(rng, MENTOR_ANIMALS)
        confirmed_at = ctx.days_ago(rng, 0, 150)
        languages = ["norsk"] + ([rng.choice(EXTRA_LANGUAGES)] if rng.random() < 0.6 else [])
        profile = MentorProfile(
            user=person.user,
            municipality=person.municipality,
            kinds=_some(rng, MENTOR_KINDS),
            capacity=rng.choices([1, 2, 3, 4], weights=[55, 30, 10, 5])[0],
            animals=animals,
            helps=_some(rng, MENTOR_HELPS) if rng.random() < 0.7 else {},
            languages=", ".join(languages),
            introduction=(
                f"{MENTOR_OPENINGS[rng.choice(list(animals))]} {rng.choice(MENTOR_CLOSINGS)}"
            ),
            listed=True,
            listed_at=confirmed_at - timedelta(days=rng.randint(0, 200)),
            confirmed_at=confirmed_at,
            created_at=confirmed_at,
            updated_at=confirmed_at,
        )
        profiles.append(profile)
        # One or two periods within the coming year.
        spans = [_period(rng, ctx.today, starts_within=4, longest=4)]
        if rng.random() < 0.4:
            spans.append(_period(rng, spans[0][1], starts_within=2, longest=2))
        periods.append(spans)
    with explicit_timestamps(MentorProfile):
        bulk(MentorProfile, profiles)
    bulk(
        MentorAvailability,
        [
            MentorAvailability(profile=profile, starts_on=starts_on, ends_on=ends_on)
            for profile, spans in zip(profiles, periods, strict=True)
            for starts_on, ends_on in spans
        ],
    )
    return {
        "listed mentors": len(profiles),
        "lesson completions": made["lesson completions"],
        "mentor certificates": made["certificates"],
    }


def _summer(today: date) -> tuple[date, date]:
    year = today.year if today < date(today.year, 6, 1) else today.year + 1
    return date(year, 6, 16), date(year, 8, 15)


def _searches(rng, ctx, people, by_county) -> int:
    """Published searches by vet students and new vets; three in four are
    students."""
    students = list(people.by_kind[VET_STUDENT])
    new_vets = list(people.by_kind[NEW_VET])
    total = ctx.plan.finn_searches
    from_new_vets = min(len(new_vets), total // 4)
    chosen = rng.sample(students, total - from_new_vets) + rng.sample(new_vets, from_new_vets)
    searches, periods, wanted = [], [], []
    for person in chosen:
        student = person.kind == VET_STUDENT
        animals = _some(rng, MENTEE_ANIMALS)
        year = rng.randint(2, 6) if student else person.user.profile.authorisation_year
        if student:
            kind = K.TEMPORARY_LICENCE if year >= 5 and rng.random() < 0.4 else K.STUDENT_PLACEMENT
            study_place = person.user.profile.study_place
            wish = "praksis"
            opening = f"Jeg går {ORDINALS[year]} året"
        else:
            kind = K.MENTORVET if rng.random() < 0.3 else K.INEXPERIENCED_VET
            workplace = rng.choice(["Smådyrklinikk", "Blandingspraksis"])
            study_place = f"{workplace} i {person.municipality.name}"
            wish = "en mentor i en praksis"
            opening = "Jeg er nyutdannet veterinær"
        animal_text = _listing([ANIMAL_WORDS[code] for code in animals])
        published_at = ctx.days_ago(rng, 0, 150)
        counties = sorted({_county(rng, by_county) for _ in range(rng.randint(1, 2))})
        searches.append(
            MenteeProfile(
                user=person.user,
                stage=MenteeStage.STUDENT if student else MenteeStage.NEW_VET,
                study_place=study_place,
                municipality=person.municipality,
                year=year,
                kind=kind,
                wanted_counties=counties,
                animals=animals,
                needs=_some(rng, MENTEE_NEEDS) if rng.random() < 0.8 else {},
                introduction=(
                    f"{opening} og ønsker meg {wish} med {animal_text}. "
                    f"{rng.choice(MENTEE_CLOSINGS)}"
                ),
                listed=True,
                listed_at=published_at,
                confirmed_at=published_at,
                created_at=published_at,
                updated_at=published_at,
            )
        )
        summer = student and kind == K.STUDENT_PLACEMENT and rng.random() < 0.7
        periods.append(_summer(ctx.today) if summer else _period(rng, ctx.today))
        places = by_county[counties[0]]
        wanted.append(rng.sample(places, min(len(places), rng.randint(0, 2))))
    with explicit_timestamps(MenteeProfile):
        bulk(MenteeProfile, searches)
    bulk(
        MenteePeriod,
        [
            MenteePeriod(profile=search, starts_on=starts_on, ends_on=ends_on)
            for search, (starts_on, ends_on) in zip(searches, periods, strict=True)
        ],
    )
    through = MenteeProfile.wanted_municipalities.through
    bulk(
        through,
        [
            through(menteeprofile_id=search.pk, municipality_id=municipality.pk)
            for search, places in zip(searches, wanted, strict=True)
            for municipality in places
        ],
    )
    return len(searches)


def _municipalities(rng, ctx, by_county, office) -> dict:
    chosen = {}
    while len(chosen) < ctx.plan.finn_municipalities:
        municipality = rng.choice(by_county[_county(rng, by_county, rural=True)])
        chosen[municipality.number] = municipality
    places = [chosen[number] for number in sorted(chosen)]
    specs = []
    for place in places:
        joined = ctx.days_ago(rng, 40, 700)
        fields = {"profession": Profession.OTHER, "home_municipality": place}
        specs.append((f"kommune{place.number}", random_name(rng), joined, fields))
    contacts = _people(ctx, specs)
    rows, profiles, needs = [], [], []
    for place, contact in zip(places, contacts, strict=True):
        verified_at = contact.date_joined + timedelta(days=rng.randint(1, 10))
        rows.append(
            MunicipalityContact(
                municipality=place,
                user=contact,
                role=rng.choice(CONTACT_ROLES),
                registered_at=contact.date_joined,
                verified_at=verified_at,
                verified_by=office,
            )
        )
        updated_at = min(ctx.now, verified_at + timedelta(days=rng.randint(0, 30)))
        profiles.append(
            MunicipalityProfile(
                municipality=place,
                listed=True,
                coverage=rng.choice(COVERAGE).format(
                    name=place.name, vets=NUMBERS[rng.randint(2, 5)]
                ),
                offers=_some(rng, OFFERS),
                updated_by=contact,
                updated_at=updated_at,
            )
        )
        for kind in rng.sample(MunicipalityNeedKind.values, rng.randint(1, 2)):
            starts_on, ends_on = (
                (ctx.today, None)
                if kind == MunicipalityNeedKind.PERMANENT_VET
                else _period(rng, ctx.today)
            )
            needs.append(_need(place, contact, kind, starts_on, ends_on, at=updated_at))
        # One in five has had a need filled before.
        if rng.random() < 0.2:
            starts_on = verified_at.date() + timedelta(days=rng.randint(7, 30))
            needs.append(
                _need(
                    place,
                    contact,
                    rng.choice(MunicipalityNeedKind.values),
                    min(starts_on, ctx.today),
                    None,
                    at=verified_at,
                    status=NeedStatus.FILLED,
                )
            )
    bulk(MunicipalityContact, rows)
    with explicit_timestamps(MunicipalityProfile, MunicipalityNeed):
        bulk(MunicipalityProfile, profiles)
        bulk(MunicipalityNeed, needs)
    return {
        "municipality profiles": len(profiles),
        "municipality needs": len(needs),
        "verified contacts": len(rows),
    }


def _need(place, contact, kind, starts_on, ends_on, *, at, status=NeedStatus.OPEN):
    return MunicipalityNeed(
        municipality=place,
        kind=kind,
        starts_on=starts_on,
        ends_on=ends_on,
        description=NEED_TEXTS[kind].format(name=place.name),
        status=status,
        published_by=contact,
        created_at=at,
    )
