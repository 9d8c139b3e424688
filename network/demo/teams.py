"""The twelve municipalities of the demo network, their teams' coordinators
and the whole Sarpsborg team, whose coordinator is the demo nurse."""

import csv
from dataclasses import dataclass

from mentornett.accounts.models import Profession, User
from mentornett.demo import demo_user

from ..models import Municipality, NetworkStaff, NetworkStaffRole, Team, TeamMembership, TeamRole
from ..services import DEFAULT_MUNICIPALITIES_CSV

NURSE_EMAIL = "sykepleier@mentornett.no"
ORGANISER_EMAIL = "arrangor@mentornett.no"
ADVISOR_EMAIL = "radgiver@mentornett.no"


@dataclass(frozen=True)
class DemoTeam:
    municipality: str  # as the seed names it
    slug: str
    coordinator: str  # full name; Sarpsborg's coordinator is the demo nurse
    advised: bool  # followed up by the demo advisor


TEAMS = [
    DemoTeam("Flesberg", "flesberg", "Gunhild Haugen", advised=False),
    DemoTeam("Halden", "halden", "Hanne Kristiansen", advised=True),
    DemoTeam("Indre Østfold", "indre-ostfold", "Camilla Andersen", advised=True),
    DemoTeam("Kongsvinger", "kongsvinger", "Siri Nyhus", advised=True),
    DemoTeam("Lillestrøm", "lillestrom", "Ahmed Hassan", advised=True),
    DemoTeam("Midt-Telemark", "midt-telemark", "Solveig Bø", advised=False),
    DemoTeam("Modum", "modum", "Marte Solberg", advised=False),
    DemoTeam("Moss", "moss", "Jonas Eriksen", advised=True),
    DemoTeam("Nore og Uvdal", "nore-og-uvdal", "Astrid Lien", advised=False),
    DemoTeam("Røros", "roros", "Ingeborg Rønningen", advised=False),
    DemoTeam("Sarpsborg", "sarpsborg", "", advised=True),
    DemoTeam("Tønsberg", "tonsberg", "Thea Johansen", advised=False),
]


def coordinator_email(team: DemoTeam) -> str:
    return NURSE_EMAIL if team.slug == "sarpsborg" else f"koordinator.{team.slug}@example.no"


def municipality_numbers(names, path=DEFAULT_MUNICIPALITIES_CSV) -> dict[str, str]:
    """Each name's number in the shipped list of municipalities. A name matches
    a municipality's name or one part of a bilingual name ("Røros - Rosse")."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    numbers = {}
    for name in names:
        found = [
            row["number"].strip().zfill(4)
            for row in rows
            if name in [part.strip() for part in row["name"].split(" - ")]
        ]
        if len(found) != 1:
            raise LookupError(
                f"The demo team {name!r} matches {len(found)} municipalities in {path}."
            )
        numbers[name] = found[0]
    return numbers


@dataclass(frozen=True)
class TeamMember:
    email: str
    full_name: str
    role: str
    profession: str
    wants_to_be_mentor: bool = False
    practice_years: int | None = None


HR_EMAIL = "line.sorensen@example.no"  # Sarpsborg's HR adviser records the measurements.

# The rest of the Sarpsborg team; the demo nurse is its coordinator.
SARPSBORG_TEAM = [
    TeamMember(
        "kristin.holm@example.no",
        "Kristin Holm",
        TeamRole.LEADER,
        Profession.NURSE,
        practice_years=22,
    ),
    TeamMember(
        "terje.bakken@example.no",
        "Terje Bakken",
        TeamRole.UNION_REPRESENTATIVE,
        Profession.NURSE,
        practice_years=12,
    ),
    TeamMember(HR_EMAIL, "Line Sørensen", TeamRole.HR, Profession.OTHER),
    TeamMember(
        "ingrid.aas@example.no",
        "Ingrid Aas",
        TeamRole.MENTOR,
        Profession.NURSE,
        wants_to_be_mentor=True,
        practice_years=15,
    ),
]

# People this network's teams add beyond home.demo.people.DEMO_PEOPLE.
OSTFOLD_TEAM_PEOPLE = len(SARPSBORG_TEAM) + len([t for t in TEAMS if t.slug != "sarpsborg"])


def _team_member_user(member: TeamMember, municipality) -> User:
    return demo_user(
        email=member.email,
        full_name=member.full_name,
        profile={
            "profession": member.profession,
            "home_municipality": municipality,
            "wants_to_be_mentor": member.wants_to_be_mentor,
            "practice_years": member.practice_years,
        },
    )


def add_staff(network, *, organiser_email: str, advisor_email: str) -> tuple[User, User]:
    """The network's organiser and advisor, named on the network."""
    organiser = User.objects.get(email=organiser_email)
    advisor = User.objects.get(email=advisor_email)
    NetworkStaff.objects.get_or_create(
        network=network, person=organiser, role=NetworkStaffRole.ORGANISER
    )
    NetworkStaff.objects.get_or_create(
        network=network, person=advisor, role=NetworkStaffRole.ADVISOR
    )
    return organiser, advisor


def build_teams(network, advisor, specs=TEAMS) -> dict[str, Team]:
    numbers = municipality_numbers([spec.municipality for spec in specs])
    municipalities = {m.number: m for m in Municipality.objects.filter(number__in=numbers.values())}
    teams = {}
    for spec in specs:
        number = numbers[spec.municipality]
        if number not in municipalities:
            raise LookupError(f"Municipality {number} ({spec.municipality}) is not imported.")
        team, _created = Team.objects.get_or_create(
            network=network, municipality=municipalities[number]
        )
        if spec.advised and team.advisor_id is None:
            team.advisor = advisor
            team.save(update_fields=["advisor"])
        teams[spec.slug] = team
    return teams


def add_coordinators(teams, specs=TEAMS) -> dict[str, User]:
    coordinators = {}
    for spec in specs:
        team = teams[spec.slug]
        if spec.slug == "sarpsborg":
            user = User.objects.get(email=NURSE_EMAIL)
        else:
            member = TeamMember(
                coordinator_email(spec),
                spec.coordinator,
                TeamRole.COORDINATOR,
                Profession.NURSE,
                practice_years=10,
            )
            user = _team_member_user(member, team.municipality)
        TeamMembership.objects.get_or_create(
            team=team, person=user, defaults={"role": TeamRole.COORDINATOR}
        )
        coordinators[spec.slug] = user
    return coordinators


def add_sarpsborg_members(team, nurse) -> list[User]:
    members = [nurse]
    for member in SARPSBORG_TEAM:
        user = _team_member_user(member, team.municipality)
        TeamMembership.objects.get_or_create(team=team, person=user, defaults={"role": member.role})
        members.append(user)
    return members
