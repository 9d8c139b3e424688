"""The demo people: one person per role, each signing in with the demo password."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

from mentornett.accounts.models import Profession
from mentornett.accounts.roles import StaffRole
from mentornett.demo import demo_user
from network.models import Municipality


@dataclass(frozen=True)
class DemoPerson:
    email: str
    full_name: str
    role: str
    staff_role: StaffRole | None = None
    superuser: bool = False
    profession: str = ""
    municipality: str = ""
    wants_to_be_mentor: bool = False
    authorisation_year: int | None = None
    practice_years: int | None = None
    study_place: str = ""


DEMO_PEOPLE = [
    DemoPerson("admin@mentornett.no", "Ada Admin", "superuser", superuser=True),
    DemoPerson("redaktor@mentornett.no", "Rita Redaktør", "editor", StaffRole.EDITOR),
    DemoPerson(
        "fagansvarlig@mentornett.no",
        "Frida Fagansvarlig",
        "reviewer (approves guides and courses)",
        StaffRole.REVIEWER,
    ),
    DemoPerson(
        "ordning@mentornett.no",
        "Ola Ordning",
        "scheme administrator",
        StaffRole.SCHEME_ADMINISTRATOR,
    ),
    DemoPerson(
        "arrangor@mentornett.no", "Anne Arrangør", "network organiser", StaffRole.NETWORK_ORGANISER
    ),
    DemoPerson(
        "radgiver@mentornett.no", "Rune Rådgiver", "network advisor", StaffRole.NETWORK_ADVISOR
    ),
    DemoPerson(
        "arrangor2@mentornett.no", "Arne Arrangør", "network organiser (Innlandet)",
        StaffRole.NETWORK_ORGANISER,
    ),
    DemoPerson(
        "radgiver2@mentornett.no", "Randi Rådgiver", "network advisor (Innlandet)",
        StaffRole.NETWORK_ADVISOR,
    ),
    DemoPerson(
        "mentor@mentornett.no", "Marit Mentor", "mentor (veterinarian)",
        profession=Profession.VETERINARIAN, municipality="1871", wants_to_be_mentor=True,
        authorisation_year=2009, practice_years=15,
    ),
    DemoPerson(
        "mentee@mentornett.no", "Magnus Mentee", "mentee (vet student)",
        profession=Profession.VET_STUDENT, municipality="3401",
        study_place="NMBU Veterinærhøgskolen",
    ),
    DemoPerson(
        "lisens@mentornett.no", "Lise Lisens", "mentee on temporary licence (running)",
        profession=Profession.VET_STUDENT, municipality="3427",
        study_place="NMBU Veterinærhøgskolen",
    ),
    DemoPerson(
        "kommune@mentornett.no", "Kari Kommune", "municipality contact (Tynset)",
        municipality="3427",
    ),
    DemoPerson(
        "sykepleier@mentornett.no", "Sara Sykepleier", "team member (nurse)",
        profession=Profession.NURSE, municipality="3105", practice_years=8,
    ),
]  # fmt: skip


def build_people() -> list[DemoPerson]:
    municipalities = {m.number: m for m in Municipality.objects.all()}
    for person in DEMO_PEOPLE:
        user = demo_user(
            email=person.email,
            full_name=person.full_name,
            is_staff=person.superuser or person.staff_role is not None,
            is_superuser=person.superuser,
            profile={
                "profession": person.profession,
                "home_municipality": municipalities.get(person.municipality),
                "wants_to_be_mentor": person.wants_to_be_mentor,
                "has_norwegian_authorisation": person.authorisation_year is not None,
                "authorisation_year": person.authorisation_year,
                "practice_years": person.practice_years,
                "study_place": person.study_place,
            },
        )
        if person.staff_role is not None:
            user.groups.add(Group.objects.get(name=person.staff_role.value))
    return DEMO_PEOPLE
