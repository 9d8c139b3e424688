"""Staff with well-known logins and thousands of participants: vets who
mentor, new vets and vet students who are mentees, and nurses, social
educators and others in the municipalities' teams. Everyone can sign in with
the same password, hashed once."""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from mentornett.accounts.models import Language, Profession, Profile, User
from mentornett.accounts.roles import StaffRole
from network.models import Municipality

from .base import bulk, email, explicit_timestamps

FIRST_NAMES = [
    "Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit", "Astrid", "Bjørg",
    "Hilde", "Randi", "Solveig", "Silje", "Ida", "Nora", "Emma", "Sara", "Thea", "Maja",
    "Ingeborg", "Sofie", "Camilla", "Hanne", "Marte", "Tone", "Guro", "Siri", "Ragnhild", "Aud",
    "Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein", "Hans",
    "Odd", "Geir", "Terje", "Tor", "Trond", "Jon", "Eirik", "Magnus", "Jonas", "Henrik",
    "Sindre", "Håkon", "Sander", "Ola", "Ahmed", "Mohammed", "Ali", "Piotr", "Tomasz", "Lukas",
]  # fmt: skip
SURNAMES = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen",
    "Lund", "Sørensen", "Jakobsen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg",
    "Svendsen", "Eide", "Knutsen", "Martinsen", "Paulsen", "Bakken", "Kristoffersen", "Mathisen",
    "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde", "Solheim", "Berge", "Moe",
    "Nygård", "Bakke", "Kowalski", "Nowak",
]  # fmt: skip
STUDY_PLACES = ["NMBU Veterinærhøgskolen", "Universitetet i København", "SGGW Warszawa"]

VET_MENTOR, NEW_VET, VET_STUDENT = "vet_mentor", "new_vet", "vet_student"
NURSE, SOCIAL_EDUCATOR, OTHER = "nurse", "social_educator", "other"
SHARES = [
    (VET_MENTOR, 0.22),
    (NEW_VET, 0.08),
    (VET_STUDENT, 0.20),
    (NURSE, 0.32),
    (SOCIAL_EDUCATOR, 0.08),
    (OTHER, 0.10),
]
MUNICIPAL = (NURSE, SOCIAL_EDUCATOR, OTHER)
PROFESSIONS = {
    VET_MENTOR: Profession.VETERINARIAN,
    NEW_VET: Profession.VETERINARIAN,
    VET_STUDENT: Profession.VET_STUDENT,
    NURSE: Profession.NURSE,
    SOCIAL_EDUCATOR: Profession.SOCIAL_EDUCATOR,
    OTHER: Profession.OTHER,
}

ORGANISER = "arrangor"
ADVISOR = "radgiver"
SCHEME_ADMINISTRATOR = "ordning"
EDITOR = "redaktor"
STAFF = [
    (ORGANISER, "Anne Arrangør", StaffRole.NETWORK_ORGANISER),
    (ADVISOR, "Rune Rådgiver", StaffRole.NETWORK_ADVISOR),
    (SCHEME_ADMINISTRATOR, "Ola Ordning", StaffRole.SCHEME_ADMINISTRATOR),
    (EDITOR, "Rita Redaktør", StaffRole.EDITOR),
]
EXTRA_ADVISORS_PER_NETWORK = 2


def person_email(number: int) -> str:
    return email(f"person{number:05d}")


@dataclass
class Person:
    user: User
    kind: str
    municipality: Municipality
    heavy: bool = False

    @property
    def wants_to_mentor(self) -> bool:
        return self.user.profile.wants_to_be_mentor


@dataclass
class People:
    staff: dict  # local part of the e-mail -> User
    advisors: list  # every network advisor, the well-known one first
    participants: list  # Person, in number order
    by_kind: dict = field(default_factory=dict)

    @property
    def heavy(self) -> list:
        return [person for person in self.participants if person.heavy]


def random_name(rng) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def _kinds(rng, count: int, heavy: int) -> list[str]:
    # The busiest people are vets who mentor; the rest follow SHARES.
    kinds = [VET_MENTOR] * heavy
    for kind, share in SHARES:
        kinds += [kind] * round(count * share)
    kinds = kinds[:count] + [NURSE] * max(0, count - len(kinds))
    rest = kinds[heavy:]
    rng.shuffle(rest)
    return kinds[:heavy] + rest


def _profile(rng, user, kind, municipality, today) -> Profile:
    profile = Profile(
        user=user,
        profession=PROFESSIONS[kind],
        home_municipality=municipality,
        wants_to_be_mentor=kind == VET_MENTOR or (kind == NURSE and rng.random() < 0.25),
        updated_at=user.date_joined,
    )
    if kind in (VET_MENTOR, NEW_VET):
        years = rng.randint(2, 30) if kind == VET_MENTOR else rng.randint(0, 1)
        profile.has_norwegian_authorisation = True
        profile.authorisation_year = today.year - years
        profile.practice_years = years
    elif kind == VET_STUDENT:
        profile.study_place = rng.choice(STUDY_PLACES)
    elif kind == NURSE:
        profile.practice_years = rng.randint(0, 25)
    return profile


def build_people(ctx) -> People:
    rng = ctx.rng("people")
    plan = ctx.plan
    municipalities = list(Municipality.objects.order_by("number"))
    groups = {group.name: group for group in Group.objects.all()}

    staff_specs = [(local, name, role) for local, name, role in STAFF]
    for number in range(2, 2 + EXTRA_ADVISORS_PER_NETWORK * plan.networks):
        staff_specs.append((f"{ADVISOR}{number:02d}", random_name(rng), StaffRole.NETWORK_ADVISOR))
    staff_users = [
        User(
            email=email(local),
            full_name=name,
            password=ctx.password_hash,
            is_staff=True,
            date_joined=ctx.days_ago(rng, 700, 900),
        )
        for local, name, _role in staff_specs
    ]

    kinds = _kinds(rng, plan.people, plan.heavy_people)
    participant_users = [
        User(
            email=person_email(number),
            full_name=random_name(rng),
            password=ctx.password_hash,
            preferred_language=Language.ENGLISH if rng.random() < 0.08 else Language.BOKMAL,
            date_joined=ctx.days_ago(rng, 30, 900),
        )
        for number in range(1, plan.people + 1)
    ]
    bulk(User, staff_users + participant_users)
    bulk(
        EmailAddress,
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in staff_users + participant_users
        ],
    )
    bulk(
        User.groups.through,
        [
            User.groups.through(user_id=user.pk, group_id=groups[role.value].pk)
            for user, (_local, _name_, role) in zip(staff_users, staff_specs, strict=True)
        ],
    )

    people = []
    profiles = []
    for index, (user, kind) in enumerate(zip(participant_users, kinds, strict=True)):
        municipality = rng.choice(municipalities)
        profile = _profile(rng, user, kind, municipality, ctx.today)
        user.profile = profile
        profiles.append(profile)
        people.append(Person(user, kind, municipality, heavy=index < plan.heavy_people))
    with explicit_timestamps(Profile):
        bulk(Profile, profiles)

    staff = {local: user for (local, _n, _r), user in zip(staff_specs, staff_users, strict=True)}
    advisors = [
        user
        for (_local, _n, role), user in zip(staff_specs, staff_users, strict=True)
        if role == StaffRole.NETWORK_ADVISOR
    ]
    by_kind = {kind: [p for p in people if p.kind == kind] for kind, _share in SHARES}
    return People(staff=staff, advisors=advisors, participants=people, by_kind=by_kind)
