"""The demo learning network for `make run`: the 12 municipalities of the
2021–2023 network (seed 003), its seven gatherings, home tasks, and reports in
every state an organiser meets, with measurements for the Sarpsborg team.

Idempotent like the rest of the demo: pages are looked up by slug, rows with
get_or_create, and a team's work on a task is made only if the team has not
touched that task. Dates are relative to the day the demo is first loaded."""

import csv
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from courses.models import CoursePage
from events.demo import (
    _at,
    _child,
    _gathering_questions,
    _item,
    _mark_attended,
    _publish,
    _weekday,
)
from events.models import EventAudience, EventKind, EventPage, Registration
from home.models import StandardPage
from mentornett.accounts.models import Profession, Profile, User
from network.services import register_team_members

from .models import (
    Better,
    CommentVisibility,
    HomeTask,
    Indicator,
    LearningNetworkPage,
    Municipality,
    NetworkIndexPage,
    NetworkResourcePage,
    NetworkStaff,
    NetworkStaffRole,
    ResponseKind,
    Submission,
    Team,
    TeamMembership,
    TeamMilestone,
    TeamRole,
)
from .services import (
    DEFAULT_MUNICIPALITIES_CSV,
    add_comment,
    add_indicator,
    add_milestone,
    give_progress_score,
    mark_read,
    record_value,
    return_for_changes,
    save_draft,
    set_shared,
    submit,
)

NURSE_EMAIL = "sykepleier@mentornett.no"
ORGANISER_EMAIL = "arrangor@mentornett.no"
ADVISOR_EMAIL = "radgiver@mentornett.no"

NETWORK_SLUG = "ostfold-2026-2028"  # Kept from the first demo, so old databases match.
NETWORK_NAME = "Læringsnettverk for mentorprogram for nyansatte sykepleiere"


# --- the municipalities and their teams -------------------------------------------


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

# People the network demo adds beyond home.demo.DEMO_PEOPLE.
DEMO_TEAM_PEOPLE = len(SARPSBORG_TEAM) + len([t for t in TEAMS if t.slug != "sarpsborg"])


def _team_member_user(member: TeamMember, municipality) -> User:
    from home.demo import DEMO_PASSWORD

    user = User.objects.filter(email=member.email).first()
    if user is None:
        user = User.objects.create_user(
            email=member.email, password=DEMO_PASSWORD, full_name=member.full_name
        )
    # Demo accounts sign in at once: their e-mail counts as verified.
    user.emailaddress_set.get_or_create(
        email=member.email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.get_or_create(
        user=user,
        defaults={
            "profession": member.profession,
            "home_municipality": municipality,
            "wants_to_be_mentor": member.wants_to_be_mentor,
            "practice_years": member.practice_years,
        },
    )
    return user


# --- the network page --------------------------------------------------------------

NETWORK_INTRO = (
    "<p>Mange kommuner strever med å rekruttere og beholde sykepleiere. I noen enheter "
    "slutter omtrent halvparten av de nyansatte innen ett år. I dette læringsnettverket "
    "bygger team fra tolv kommuner – fra Halden og Tønsberg i sør til Røros i nord – et "
    "mentorprogram for nyansatte sykepleiere og vernepleiere, og lærer av hverandre "
    "underveis.</p>"
    "<ul>"
    "<li>Omtrent to år med sju samlinger: tre fysiske over to dager og fire digitale.</li>"
    "<li>Mellom samlingene gjør teamet hjemmeoppgaver og sender statusrapport og "
    "fremdriftsplan før samlingene.</li>"
    "<li>Hvert team har en rådgiver fra prosjektgruppen og møter rådgiveren omtrent én "
    "gang mellom samlingene.</li>"
    "</ul>"
    "<p>Teamene har 5–11 personer: teamkoordinator, en leder med beslutningsmyndighet, "
    "tillitsvalgt, HR og etter hvert mentorer og mentees.</p>"
)

AGREEMENT_TEXT = (
    "<h3>Om læringsnettverket</h3>"
    "<p>Denne avtalen gjelder kommunens deltakelse i læringsnettverket for utvikling og "
    "innføring av mentorprogram for nyansatte sykepleiere og vernepleiere. Den signeres av "
    "kommunens øverste leder, teamkoordinator og arrangør.</p>"
    "<p>Læringsnettverk er en nyttig og motiverende metode for virksomheter som skal jobbe "
    "med forbedringsarbeid: en felles arena for kompetanseutvikling på tvers av profesjoner, "
    "enheter og kommuner. I løpet av omtrent to år arrangeres sju samlinger, både digitale "
    "og fysiske. På hver samling får deltakerne faglig påfyll og deler erfaringer, og mellom "
    "samlingene arbeider teamene med tiltak i egen kommune. Målet er at mentorprogrammet er "
    "tatt i bruk i alle aktuelle avdelinger og enheter i kommunen.</p>"
    "<h3>Arrangørene forplikter seg til å</h3>"
    "<ul>"
    "<li>gjennomføre samlingene i læringsnettverket</li>"
    "<li>veilede teamene som deltar, med en fast rådgiver for hvert team</li>"
    "<li>lese statusrapportene og fremdriftsplanene og tilpasse samlingene etter dem</li>"
    "</ul>"
    "<h3>Kommunen forplikter seg til å</h3>"
    "<ul>"
    "<li>delta på samlingene</li>"
    "<li>sette av nok tid til å jobbe med forbedringsarbeidet mellom samlingene</li>"
    "<li>sende inn rapporter og dokumentert arbeid mellom samlingene innen fristene</li>"
    "<li>arbeide aktivt for spredning og implementering i hele kommunen</li>"
    "<li>selv dekke arbeidstid, reiseutgifter og andre kostnader for teamet og "
    "forbedringsarbeidet</li>"
    "</ul>"
    "<h3>Kommunens øverste leder</h3>"
    "<p>Kommunens øverste leder forplikter seg til å støtte opp om innholdet i og arbeidet "
    "med læringsnettverket.</p>"
)

MEMBERS_BODY = [
    (
        "markdown",
        "**Åpen skjerm.** Mellom samlingene har prosjektgruppen åpen skjerm: et digitalt "
        "drop-in-møte der dere kan stikke innom med spørsmål om prosjektplanen, målingene "
        "eller mentorprogrammet. Ingen påmelding – tidspunkt og lenke står i kalenderen.\n\n"
        "**Rådgiveren deres** leser statusrapportene og fremdriftsplanene og gir "
        "tilbakemelding på oppgavesiden. Dere møter rådgiveren omtrent én gang mellom hver "
        "samling; avtal tidspunkt selv. Trenger dere hjelp før det, skriv en kommentar på "
        "oppgaven eller send e-post til "
        f"[{ADVISOR_EMAIL}](mailto:{ADVISOR_EMAIL}).",
    ),
]


def _resources():
    """Links to the demo's own guide pages; no documents are made."""
    links = [
        (
            StandardPage.objects.filter(slug="for-kommuner").first(),
            "Hva et læringsnettverk er, og hvem som bør være med i kommuneteamet.",
        ),
        (
            CoursePage.objects.filter(slug="mentorkurs").first(),
            "Det obligatoriske kurset for mentorene dere rekrutterer.",
        ),
    ]
    return [("guide", {"page": page, "description": text}) for page, text in links if page]


RESOURCE_BODY = [
    ("heading", {"text": "Hva dere sa var best på samlingene", "level": "h2"}),
    (
        "markdown",
        "Etter hver samling svarer teamene på en kort spørreundersøkelse. Da vi spurte hva "
        "som var best, svarte **57** «erfaringsdeling og nettverksbygging», **9** «motivasjon "
        "og inspirasjon» og **7** «kunnskap og kompetanse». Derfor setter vi av mer tid til "
        "at teamene kan snakke sammen, og mindre tid til foredrag.",
    ),
    ("heading", {"text": "Åpen skjerm", "level": "h2"}),
    (
        "markdown",
        "Mellom samlingene holder prosjektgruppen «åpen skjerm»: et digitalt drop-in-møte "
        "der teamkoordinatorer kan stikke innom med spørsmål om hjemmeoppgavene, "
        "statusrapporten eller fremdriftsplanen. Dere trenger ikke melde dere på.",
    ),
    ("heading", {"text": "Før neste samling", "level": "h2"}),
    (
        "markdown",
        "1. Les tilbakemeldingen fra rådgiveren deres på forrige statusrapport.\n"
        "2. Gjør hjemmeoppgaven og send statusrapport og fremdriftsplan innen fristen.\n"
        "3. Ta med en erfaring fra egen kommune som dere vil dele med de andre teamene.",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Bare for teamene",
            "text": "<p>Denne siden ser bare teamene i nettverket, rådgiverne og "
            "arrangørene. Del gjerne lenken i teamet.</p>",
        },
    ),
]


def _resource_page(network) -> NetworkResourcePage:
    return _child(
        network,
        NetworkResourcePage,
        "fra-samlingene",
        lambda: NetworkResourcePage(
            title="Fra samlingene",
            slug="fra-samlingene",
            lead="Oppsummeringer, åpen skjerm og hva dere gjør før neste samling.",
            body=RESOURCE_BODY,
        ),
    )


def _network_index(home) -> NetworkIndexPage:
    networks = NetworkIndexPage.objects.child_of(home).first()
    if networks is not None:
        return networks
    return _publish(
        home,
        NetworkIndexPage(
            title="Læringsnettverk",
            slug="laeringsnettverk",
            show_in_menus=True,
            intro="<p>Kommuner som vil beholde nyansatte sykepleiere, bygger et "
            "mentorprogram sammen i et læringsnettverk over omtrent to år.</p>",
        ),
    )


def _network_page(home, first_day: date, last_day: date) -> LearningNetworkPage:
    # The teams make their films in the month before the first gathering.
    starts_on = first_day - timedelta(days=30)
    ends_on = last_day + timedelta(days=30)
    return _child(
        _network_index(home),
        LearningNetworkPage,
        NETWORK_SLUG,
        lambda: LearningNetworkPage(
            title=f"{NETWORK_NAME} {starts_on.year}–{ends_on.year}",
            slug=NETWORK_SLUG,
            intro=NETWORK_INTRO,
            starts_on=starts_on,
            ends_on=ends_on,
            agreement_text=AGREEMENT_TEXT,
            members_body=MEMBERS_BODY,
            resources=_resources(),
        ),
    )


# --- the seven gatherings ----------------------------------------------------------


@dataclass(frozen=True)
class Gathering:
    number: int
    slug: str
    name: str
    theme: str
    days: int  # from the day the demo is first loaded
    intro: str
    body: str
    programme: list
    venue: str = ""
    address: str = ""
    ends: str = "13:00"  # digital meetings

    @property
    def is_physical(self) -> bool:
        return bool(self.venue)


GATHERINGS = [
    Gathering(
        1,
        "ostfold-samling-1-oppstart",
        "Bli kjent og oppstart",
        "Bli kjent: kommunenes styrker og utfordringer, læringsnettverk som metode og "
        "mentorprogram som tiltak",
        days=-20,
        intro="Første samling: kommunenes styrker og utfordringer, læringsnettverk som "
        "metode og en kort innføring i mentorprogram.",
        body="Før samlingen lager hvert team en kort amatørfilm om kommunen sin. Vi setter "
        "filmene sammen og viser dem i starten av samlingen.",
        programme=[
            _item("09:00", "09:30", "Velkommen og filmene fra kommunene", "Prosjektgruppen"),
            _item(
                "09:30",
                "10:30",
                "Læringsnettverk som metode",
                "Prosjektgruppen",
                "Samlinger, hjemmeoppgaver, statusrapport og fremdriftsplan – og hvorfor vi "
                "deler erfaringer underveis.",
            ),
            _item(
                "10:45",
                "11:45",
                "Mentorprogram for nyansatte: erfaringer fra en pilot",
                "Sykepleier og mentor fra en pilotkommune",
                "Om lag halvparten av de nye sykepleierne sluttet det første året. Slik snudde "
                "mentorprogrammet det.",
            ),
            _item("12:00", "12:45", "Arbeid i eget team: styrker og utfordringer i kommunen"),
            _item(
                "12:45",
                "13:00",
                "Hjemmeoppgave og evaluering",
                "Prosjektgruppen",
                "Lag en lokal prosjektplan og send statusrapport før samling 2.",
            ),
        ],
    ),
    Gathering(
        2,
        "ostfold-samling-2-mentorprogram",
        "Mentoring, mentorer og mentorprogram",
        "Mentoring, mentorer og mentorprogram – og hvordan vi måler effekten",
        days=45,
        intro="To dager om mentoring som begrep og praksis, om å måle effekten av tiltaket "
        "– og en sosial kveld der beste slagord og beste film kåres.",
        body="Før samlingen sender hvert team **statusrapport** og **lokal prosjektplan**. "
        "Prosjektgruppen leser dem og bruker dem i erfaringsdelingen.\n\n"
        "Hjemmeoppgave til samlingen: lag et slagord for teamets mentorprogram.",
        venue="Sarpsborg kurs- og konferansesenter",
        address="Sandesundsveien 14, 1724 Sarpsborg",
        programme=[
            _item("10:00", "10:30", "Velkommen og kaffe", "Prosjektgruppen", day=1),
            _item(
                "10:30",
                "12:00",
                "Mentoring, mentorer og mentorprogram",
                "Dosent i pedagogikk",
                "Begreper og teori: hva skiller en mentor fra en fadder og en veileder?",
                day=1,
            ),
            _item(
                "12:15",
                "13:30",
                "Erfaringsdeling mellom kommunene",
                description="Hvert team forteller kort fra statusrapporten sin.",
                day=1,
            ),
            _item(
                "13:45",
                "15:30",
                "Målinger: hvordan viser vi at tiltaket virker?",
                "Prosjektgruppen",
                "Før- og nå-tall, for eksempel hvor mange nyansatte som slutter og hvor mange "
                "som søker på ledige stillinger.",
                day=1,
            ),
            _item("15:45", "17:00", "Arbeid i eget team", day=1),
            _item(
                "19:00",
                "22:30",
                "Sosial kveld med middag",
                description="Vi kårer beste slagord og beste film fra samling 1.",
                day=1,
            ),
            _item(
                "09:00",
                "10:30",
                "Mentorkompetanse: hva trenger mentorene?",
                "Universitetslektor i veiledning",
                "Mentorene trenger verktøy for å gjøre jobben. Ta kontakt med en lokal "
                "utdanningsinstitusjon om kompetanseheving.",
                day=2,
            ),
            _item("10:45", "12:00", "Arbeid i eget team: utkast til mentorprogram", day=2),
            _item("12:00", "13:00", "Lunsj", day=2),
            _item(
                "13:00",
                "14:30",
                "Hjemmeoppgaver til samling 3 og evaluering",
                "Prosjektgruppen",
                "Rekrutter mentorer og start mentoropplæringen.",
                day=2,
            ),
        ],
    ),
    Gathering(
        3,
        "ostfold-samling-3-mentorkompetanse",
        "Mentorkompetanse og målinger",
        "Mentorkompetanse og målinger",
        days=110,
        ends="12:30",
        intro="Hvordan gir vi mentorene det de trenger for å gjøre jobben? Eksempler på godt "
        "arbeid fra kommunene og erfaringsutveksling.",
        body="Før samlingen sender teamet **fremdriftsplanen** fram mot samling 3. Ta med "
        "før- og nå-tallene dere har så langt.",
        programme=[
            _item("09:00", "09:15", "Velkommen", "Prosjektgruppen"),
            _item(
                "09:15",
                "10:15",
                "Kompetanseheving for mentorer i samarbeid med en utdanningsinstitusjon",
                "Universitetslektor og mentorkoordinator",
            ),
            _item(
                "10:30",
                "11:15",
                "Slik jobber en mentor og en mentee sammen",
                "Mentor og mentee fra en deltakerkommune",
            ),
            _item(
                "11:15",
                "12:15",
                "Erfaringsdeling: målinger så langt",
                description="Teamene viser før- og nå-tall fra egen kommune.",
            ),
            _item("12:15", "12:30", "Hjemmeoppgaver og evaluering", "Prosjektgruppen"),
        ],
    ),
    Gathering(
        4,
        "samling-4-suksessfaktorer",
        "Suksessfaktorer og lederens rolle",
        "Suksessfaktorer: erfaringsdeling, lederens rolle, kick-off og feiringer",
        days=270,
        intro="Alle team presenterer arbeidet sitt så langt og gir hverandre respons. Dag to "
        "handler om lederens rolle – og om hvorfor det er viktig å feire litt.",
        body="Fagpersonen på samlingen leser alle statusrapportene på forhånd og kommenterer "
        "dem underveis. Send derfor **statusrapporten** innen fristen.\n\n"
        "Ta gjerne med lederen med beslutningsmyndighet fra teamet til dag to.",
        venue="Tønsberg konferansesenter",
        address="Jernbanegaten 5, 3110 Tønsberg",
        programme=[
            _item("10:00", "10:30", "Velkommen og kaffe", "Prosjektgruppen", day=1),
            _item(
                "10:30",
                "12:00",
                "Erfaringsdeling: slik har vi jobbet så langt",
                description="Hvert team viser suksessfaktorer og utfordringer. De andre "
                "teamene gir innspill og respons.",
                day=1,
            ),
            _item("12:00", "13:00", "Lunsj", day=1),
            _item(
                "13:00",
                "14:30",
                "Erfaringsdeling fortsetter, med kommentarer til statusrapportene",
                "Dosent i pedagogikk",
                day=1,
            ),
            _item("14:45", "16:30", "Arbeid i eget team", day=1),
            _item("19:00", "22:00", "Felles middag", day=1),
            _item(
                "09:00",
                "10:30",
                "Lederens rolle i mentorprogrammet",
                "Dosent i pedagogikk og avdelingsleder fra en pilotkommune",
                "Kommuner der enhetslederne selv er med i arbeidet, får bedre resultater enn "
                "der arbeidet er delegert.",
                day=2,
            ),
            _item(
                "10:45",
                "11:45",
                "Kick-off og feiringer",
                "Prosjektgruppen",
                "Hvorfor det er viktig å feire litt – og eksempler på en kick-off som "
                "engasjerer hele enheten.",
                day=2,
            ),
            _item("11:45", "12:30", "Lunsj", day=2),
            _item(
                "12:30",
                "14:30",
                "Arbeid i eget team: planlegg kick-off, hjemmeoppgaver og evaluering",
                day=2,
            ),
        ],
    ),
    Gathering(
        5,
        "samling-5-spredning",
        "Spredning og implementering",
        "Spredning og implementering: forberede utrulling og planlegge nettverk for mentorene",
        days=340,
        ends="12:30",
        intro="Læringsnettverket er halvveis. Nå starter arbeidet med å spre mentorprogrammet "
        "til flere enheter i helse- og omsorgstjenestene.",
        body="Spredning og implementering er tålmodighetsarbeid, og mange gode prosjekter "
        "forvitrer når prosjektperioden er over. På denne samlingen planlegger vi hvordan det "
        "ikke skal skje hos dere.",
        programme=[
            _item(
                "09:00",
                "09:30",
                "Velkommen, og tre kommuner viser sin kick-off",
                "Prosjektgruppen",
            ),
            _item(
                "09:30",
                "10:30",
                "Spredning og implementering: hvorfor gode tiltak forvitrer",
                "Professor i organisasjonsfag",
            ),
            _item(
                "10:45",
                "11:30",
                "Kommunikasjonsplan i spredningsarbeidet",
                "Sykehjemsleder fra en deltakerkommune",
                "Hvem må vite hva, og når? Et eksempel på en kommunikasjonsplan som er i bruk.",
            ),
            _item(
                "11:30",
                "12:15",
                "Arbeid i eget team: planlegg et nettverk for mentorene i kommunen",
            ),
            _item(
                "12:15",
                "12:30",
                "Hjemmeoppgave og evaluering",
                "Prosjektgruppen",
                "Lag en plakat for utrulling og implementering til samling 6.",
            ),
        ],
    ),
    Gathering(
        6,
        "samling-6-permanent-drift",
        "Permanent drift, juss og etikk",
        "Permanent drift: omsorg for mentorene, plakatvandring, juss og etikk",
        days=530,
        intro="Hvordan blir mentorprogrammet en del av den vanlige driften? Plakatvandring "
        "med teamenes planer for spredning, og en dag om juss og etikk.",
        body="Ta med **plakaten** med teamets plan for spredning og kommunikasjon. På "
        "plakatvandringen går teamene fra plakat til plakat og gir hverandre spørsmål og tips.",
        venue="Lillestrøm kultursenter",
        address="Kirkegata 23, 2000 Lillestrøm",
        programme=[
            _item("10:00", "10:30", "Velkommen og kaffe", "Prosjektgruppen", day=1),
            _item(
                "10:30",
                "11:30",
                "Omsorg for mentorene",
                "Mentorkoordinator fra en pilotkommune",
                "Hvem støtter mentorene? Om mentornettverk, metaveiledning og å ta vare på "
                "dem som tar vare på de nye.",
                day=1,
            ),
            _item("11:30", "12:30", "Lunsj", day=1),
            _item(
                "12:30",
                "14:30",
                "Plakatvandring: planer for spredning og kommunikasjon",
                description="Teamene henger opp plakaten sin og går fra plakat til plakat.",
                day=1,
            ),
            _item("14:45", "16:30", "Arbeid i eget team: planlegg permanent drift", day=1),
            _item("19:00", "22:00", "Felles middag", day=1),
            _item(
                "09:00",
                "10:30",
                "Juss i mentorprogrammet",
                "Advokat fra KS",
                "Arbeidstid, taushetsplikt og hva en mentor kan – og ikke kan – ta ansvar for.",
                day=2,
            ),
            _item(
                "10:45",
                "12:00",
                "Etikk i mentorrollen",
                "Etikkveileder fra en deltakerkommune",
                "Dilemmaer fra hverdagen, drøftet i grupper.",
                day=2,
            ),
            _item("12:00", "13:00", "Lunsj", day=2),
            _item(
                "13:00",
                "14:30",
                "Sluttrapporten og veien videre, evaluering",
                "Prosjektgruppen",
                day=2,
            ),
        ],
    ),
    Gathering(
        7,
        "samling-7-avslutning",
        "Avslutning",
        "Avslutning: sluttrapportene og veien videre i drift",
        days=700,
        intro="Siste samling: vi ser hva kommunene har fått til, og hvert team forteller "
        "hvordan de skal jobbe videre med mentorprogrammet.",
        body="Alle team sender **sluttrapport** før samlingen, og lager en ny kort film med en "
        "uttalelse fra en mentor, en mentee og helse- og omsorgssjefen. Vi viser filmene "
        "sammen med filmene fra første samling.",
        programme=[
            _item(
                "09:00",
                "09:30",
                "Filmene fra kommunene: før og nå",
                "Prosjektgruppen",
            ),
            _item(
                "09:30",
                "10:15",
                "Hva sluttrapportene viser",
                "Prosjektleder",
                "Et sammendrag av alle sluttrapportene: mål, målinger og resultater.",
            ),
            _item(
                "10:30",
                "11:15",
                "Gode prosesser for å implementere",
                "Rådgiver i KS",
            ),
            _item(
                "11:15",
                "12:00",
                "Kommentarer til sluttrapportene",
                "Dosent i pedagogikk",
            ),
            _item(
                "12:00",
                "12:45",
                "Gruppearbeid, og siste ord fra hvert team",
                description="Alle team er på skjermen og forteller hvordan de jobber videre.",
            ),
            _item("12:45", "13:00", "Avslutning", "Prosjektgruppen"),
        ],
    ),
]


def _days(spec: Gathering, today: date) -> list[date]:
    if spec.is_physical:
        day_1 = _weekday(today + timedelta(days=spec.days), last=3)
        return [day_1, day_1 + timedelta(days=1)]
    return [_weekday(today + timedelta(days=spec.days))]


def _dated(programme, days):
    """Programme items with their day number (1, 2) replaced by the date."""
    return [
        (kind, {**value, "day": days[value["day"] - 1] if value["day"] else None})
        for kind, value in programme
    ]


def _gathering(index, network, spec: Gathering, today: date) -> EventPage:
    days = _days(spec, today)

    def build():
        fields = {
            "title": f"Læringsnettverk mentorprogram, samling {spec.number}: {spec.name}",
            "slug": spec.slug,
            "intro": spec.intro,
            "theme": spec.theme,
            "body": [("markdown", spec.body)],
            "audience": EventAudience.NETWORK,
            "network": network,
            "programme": _dated(spec.programme, days),
        }
        if spec.is_physical:
            starts_at = _at(days[0], 10)
            return EventPage(
                **fields,
                kind=EventKind.GATHERING,
                starts_at=starts_at,
                ends_at=_at(days[1], 14, 30),
                venue=spec.venue,
                address=spec.address,
                capacity=60,
                registration_closes_at=starts_at - timedelta(days=7),
                cancellation_deadline=starts_at - timedelta(days=14),
                questions=_gathering_questions(),
            )
        hour, minute = (int(part) for part in spec.ends.split(":"))
        code = f"6703105{2025 + spec.number}"
        return EventPage(
            **fields,
            kind=EventKind.DIGITAL_MEETING,
            starts_at=_at(days[0], 9),
            ends_at=_at(days[0], hour, minute),
            meeting_url=f"https://zoom.example.no/j/{code}",
            meeting_details=f"Møte-ID: {code[:3]} {code[3:7]} {code[7:]} · "
            f"Passord: samling{spec.number}",
        )

    return _child(index, EventPage, spec.slug, build)


# --- home tasks --------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    key: str
    gathering: int
    title: str
    kind: str
    days_before: int
    instructions: str


TASKS = [
    Task(
        "film",
        1,
        "Film om kommunen",
        ResponseKind.FILE,
        3,
        "Lag en kort amatørfilm (1–2 minutter) om kommunen deres: hvem dere er, hva dere er "
        "stolte av, og hva som er vanskelig når det gjelder å rekruttere og beholde "
        "sykepleiere.\n\n"
        "- Mobilkamera holder godt.\n"
        "- Få med alle i teamet.\n"
        "- Vi setter filmene sammen og viser dem i starten av samling 1. Beste film kåres på "
        "samling 2.",
    ),
    Task(
        "styrker",
        1,
        "Kommunens styrker og utfordringer",
        ResponseKind.FREE_TEXT,
        7,
        "Skriv kort om kommunen og teamet før første samling:\n\n"
        "- Hvordan er helse- og omsorgstjenestene organisert?\n"
        "- Hvilke utfordringer har dere med å rekruttere og beholde sykepleiere og "
        "vernepleiere? Har dere tall, for eksempel hvor mange nyansatte som sluttet i fjor?\n"
        "- Hvorfor vil kommunen være med i læringsnettverket?\n"
        "- Hvem er med i teamet?\n\n"
        "Prosjektgruppen leser svarene og bruker dem når samling 1 planlegges.",
    ),
    Task(
        "prosjektplan",
        2,
        "Lokal prosjektplan",
        ResponseKind.FREE_TEXT,
        14,
        "Lag utkast til en lokal prosjektplan for mentorprogrammet. Bruk gjerne prosjektplanen "
        "for læringsnettverket som mal:\n\n"
        "1. **Bakgrunn:** kommunens utfordringer\n"
        "2. **Mål:** effektmål, resultatmål og eventuelle delmål\n"
        "3. **Organisering:** hvem er med i prosjektgruppen, og hvordan er arbeidet forankret "
        "hos ledelsen og de tillitsvalgte?\n"
        "4. **Aktiviteter** fram mot samling 3: pilotenhet, rekruttering av mentorer, skisse "
        "til mentorprogram\n"
        "5. **Målinger:** hva vil dere måle før (baseline), underveis og etter?",
    ),
    Task(
        "slagord",
        2,
        "Slagord for mentorprogrammet",
        ResponseKind.FREE_TEXT,
        7,
        "Lag et slagord eller motto for mentorprogrammet i kommunen: kort, lett å huske, og "
        "gjerne noe de nyansatte kjenner seg igjen i. Skriv også en setning om hvordan dere "
        "kom fram til det.\n\n"
        "Beste slagord kåres på den sosiale kvelden på samling 2.",
    ),
    Task(
        "status-2",
        2,
        "Statusrapport før samling 2",
        ResponseKind.STATUS_REPORT,
        7,
        "Fortell hva teamet har gjort siden samling 1. Prosjektgruppen leser rapportene før "
        "samlingen og bruker dem i erfaringsdelingen. Stikkord holder.\n\n"
        "Har dere begynt å måle? Ta med før-tall, for eksempel hvor mange nyansatte "
        "sykepleiere som sluttet i fjor, og hvor mange søkere dere fikk på de siste "
        "utlysningene.",
    ),
    Task(
        "fremdrift-3",
        3,
        "Fremdriftsplan fram mot samling 3",
        ResponseKind.PROGRESS_PLAN,
        49,
        "Send fremdriftsplanen snart etter samling 2. Den viser hvordan teamet kommer i havn "
        "med oppgavene fram mot samling 3 – hva skal gjøres, av hvem og når:\n\n"
        "- ferdigstille den lokale prosjektplanen\n"
        "- lage skisse til mentorprogram\n"
        "- rekruttere mentorer og starte pilotering i én enhet\n"
        "- ta kontakt med en utdanningsinstitusjon om kompetanseheving for mentorene",
    ),
    Task(
        "status-4",
        4,
        "Statusrapport før samling 4",
        ResponseKind.STATUS_REPORT,
        14,
        "På samling 4 presenterer alle team arbeidet sitt så langt. Statusrapporten er "
        "grunnlaget: hva har dere fått til, hva har vært vanskelig, og hvilke suksessfaktorer "
        "ser dere? Fagpersonen på samlingen leser alle rapportene på forhånd.\n\n"
        "Ta med målingene med før- og nå-tall, og fortell hvordan opplæringen av mentorene er "
        "kommet i gang.",
    ),
    Task(
        "plakat",
        6,
        "Plakat for utrulling og implementering",
        ResponseKind.FILE,
        7,
        "Lag en plakat som viser teamets plan for spredning og kommunikasjon: hvilke enheter "
        "som skal ta i bruk mentorprogrammet og i hvilken rekkefølge, hvem som har ansvaret, "
        "og hvordan dere informerer ledere, ansatte og tillitsvalgte.\n\n"
        "Last opp plakaten som PDF eller bilde, og ta den med på samling 6 til "
        "plakatvandringen.",
    ),
    Task(
        "sluttrapport",
        7,
        "Sluttrapport",
        ResponseKind.FINAL_REPORT,
        14,
        "Sluttrapporten følger malen for læringsnettverket. Noe er fylt inn fra "
        "statusrapportene og målingene deres – les over og skriv videre. Prosjektgruppen "
        "sammenfatter alle sluttrapportene og presenterer dem på siste samling.",
    ),
]


def _home_tasks(network, gatherings) -> dict[str, HomeTask]:
    tasks = {}
    for spec in TASKS:
        tasks[spec.key], _created = HomeTask.objects.get_or_create(
            network=network,
            title=spec.title,
            defaults={
                "gathering": gatherings[spec.gathering - 1],
                "kind": spec.kind,
                "days_before": spec.days_before,
                "instructions": spec.instructions,
            },
        )
    return tasks


# --- the teams' work on the tasks ---------------------------------------------------

DRAFT, SUBMITTED, READ, RETURNED = "draft", "submitted", "read", "returned"


@dataclass(frozen=True)
class Answer:
    sections: dict
    state: str = SUBMITTED
    late_by_days: int = 0  # sent this many days after the deadline
    days_ago: int | None = None  # for tasks not yet due: sent this many days ago
    comment: str = ""  # the reviewer's comment: why it is returned, or feedback
    # Sections other members wrote into the shared draft: (e-mail, {key: text}).
    also_by: tuple = field(default_factory=tuple)


def _text(answer: str) -> dict:
    return {"answer": answer}


ANSWERS = {
    "styrker": {
        "sarpsborg": Answer(
            _text(
                "Sarpsborg har sykehjem, hjemmetjenester og bo- og aktivitetssentre. Vi har "
                "dyktige og stabile helsefagarbeidere, men sliter med å beholde sykepleiere og "
                "vernepleiere: i fjor sluttet omtrent halvparten av de nyansatte i løpet av det "
                "første året. Mange forteller at de fikk ansvarsvakter for tidlig og ikke visste "
                "hvem de kunne spørre.\n\n"
                "For et halvt års tid siden prøvde vi ut en enkel mentorordning på ett "
                "sykehjem, og færre har sluttet der siden. Nå vil vi bygge et skikkelig "
                "mentorprogram og spre det. Teamet består av en virksomhetsleder, tillitsvalgt, "
                "en HR-rådgiver, en erfaren sykepleier som er mentor, og meg som koordinator."
            ),
            state=READ,
            comment="Takk for en tydelig beskrivelse! Det er et godt utgangspunkt at både "
            "virksomhetsleder og tillitsvalgt er med fra starten. Ta vare på tallene fra før "
            "mentorordningen startet: de blir baseline, og tallene etterpå viser om den virker.",
        ),
        "halden": Answer(
            _text(
                "Halden har sykehjem og hjemmetjenester i tre soner. Vi får søkere til "
                "sykepleierstillingene, men mange går videre til sykehuset etter et år eller to. "
                "Nyansatte sier at de savner noen å drøfte faglige spørsmål med på kveld og i "
                "helgene. Styrken vår er et godt samarbeid med høgskolen, der mange studenter "
                "har praksis hos oss. Vi vil bruke mentorprogrammet til å gjøre overgangen fra "
                "student til sykepleier tryggere."
            ),
            state=READ,
        ),
        "indre-ostfold": Answer(
            _text(
                "Kommunen er ny etter sammenslåingen i 2020, og tjenestene er fortsatt preget av "
                "ulike kulturer i de gamle kommunene. Nyansatte sykepleiere har sluttet etter "
                "kort tid, særlig på de minste sykehjemmene. Teamet har med ledere fra flere "
                "virksomheter, og vi vil lage ett felles mentorprogram for hele kommunen."
            ),
            state=READ,
        ),
        "kongsvinger": Answer(
            _text(
                "Vi bruker bemanningsbyrå for å dekke sykepleiervakter, særlig om sommeren og i "
                "helgene. Det er dyrt og går ut over kontinuiteten for pasientene. Teamet består "
                "av kommunalsjef, to enhetsledere, tillitsvalgt og HR. Vi vil bli en mer "
                "attraktiv arbeidsplass for nyutdannede."
            ),
            state=RETURNED,
            comment="Takk! Dere skriver godt om bruken av bemanningsbyrå, men lite om hvorfor "
            "nyansatte slutter. Har dere tall på hvor mange nyansatte sykepleiere som sluttet "
            "det siste året? Legg det til og send på nytt før samling 2.",
        ),
        "lillestrom": Answer(
            _text(
                "Lillestrøm er en stor kommune i vekst, og vi konkurrerer med sykehuset og Oslo "
                "om sykepleierne. Mange nyansatte har utdanningen sin fra utlandet og trenger god "
                "opplæring i norske arbeidsrutiner og dokumentasjon. Vi starter med to piloter: "
                "ett sykehjem og én hjemmetjenestesone."
            ),
            late_by_days=4,
        ),
        "flesberg": Answer(
            _text(
                "Flesberg er en liten kommune med ett sykehjem og én hjemmetjeneste. Hver "
                "sykepleierstilling som står tom, merkes med en gang, og nyansatte får raskt "
                "mye ansvar fordi det er få å spørre på kveld og natt. Styrken vår er korte "
                "beslutningsveier: kommunalsjefen er med i teamet."
            ),
            state=READ,
        ),
        "midt-telemark": Answer(
            _text(
                "Vi har søkere til de faste stillingene, men de nyansatte forsvinner ofte i løpet "
                "av det første året. Vi tror at en mentor kan gjøre at flere blir. Teamet har med "
                "seg tillitsvalgt og en sykepleier som selv var ny for to år siden, og som vet "
                "hvordan det føles."
            ),
            late_by_days=1,
        ),
        "modum": Answer(
            _text(
                "Modum har lenge hatt problemer med å få sykepleiere til helgevaktene. Vi har en "
                "fadderordning, men den er lite systematisk og avhenger av hvem som er på jobb. "
                "Vi vil gjøre den om til et mentorprogram med opplærte mentorer og faste "
                "samtaler."
            ),
        ),
        "moss": Answer(
            _text(
                "Moss har mange deltidsstillinger og bruker mange vikarer i hjemmetjenesten. Det "
                "siste året har sju av femten nyansatte sykepleiere sluttet eller søkt seg bort. "
                "Vi har et engasjert team med leder, tillitsvalgt og to sykepleiere som gjerne "
                "vil være mentorer. Beklager at dette kommer sent – vi ventet på tallene fra HR."
            ),
            late_by_days=2,
        ),
        "tonsberg": Answer(
            _text(
                "Tønsberg har mange sykehjem og store hjemmetjenestesoner. Flest nyansatte "
                "sykepleiere slutter i hjemmetjenesten. Vi har en kommunikasjonsrådgiver med i "
                "teamet, og vil bruke det når programmet skal spres til flere enheter."
            ),
        ),
        # Written, but not sent: the task is late.
        "nore-og-uvdal": Answer(
            _text(
                "Nore og Uvdal er en liten fjellkommune med lange avstander. Da vi lyste ut tre "
                "sykepleierstillinger i fjor, fikk vi én søker.\n\n"
                "(Skriver mer etter møtet med kommunalsjefen.)"
            ),
            state=DRAFT,
        ),
    },
    "prosjektplan": {
        "sarpsborg": Answer(
            _text(
                "**Bakgrunn:** Omtrent halvparten av de nyansatte sykepleierne og vernepleierne "
                "sluttet i løpet av det første året.\n\n"
                "**Effektmål:** Kvalitet og kontinuitet i tjenestene, med nok sykepleiere som "
                "blir.\n"
                "**Resultatmål:** Alle nyansatte sykepleiere og vernepleiere i pilotenhetene får "
                "en mentor som følger dem i inntil to år.\n"
                "**Delmål:** Minst seks mentorer er rekruttert og har startet opplæringen før "
                "samling 3.\n\n"
                "**Organisering:** Kommunalsjef for helse og omsorg er prosjekteier. Teamet er "
                "prosjektgruppe, og tillitsvalgt er med på alle møtene.\n\n"
                "**Aktiviteter:** velge pilotenheter (ett sykehjem og én hjemmetjenestesone), "
                "rekruttere mentorer, lage skisse til mentorprogram med oppstartssamtale, faste "
                "samtaler hver tredje uke og evaluering etter seks måneder.\n\n"
                "**Målinger:** andelen nyansatte som slutter innen ett år, og antall søkere per "
                "utlyste stilling. Baseline er tallene fra i fjor."
            ),
            state=READ,
            days_ago=5,
        ),
        "indre-ostfold": Answer(
            _text(
                "Vi lager én felles plan for hele kommunen, med pilot på ett sykehjem i hvert av "
                "de tre områdene. Mål: ingen nyansatte sykepleiere i pilotenhetene slutter det "
                "første året uten at vi har hatt en sluttsamtale og forstått hvorfor. Mentorene "
                "rekrutteres blant erfarne sykepleiere som melder interesse, og vi søker "
                "kompetansemidler fra Statsforvalteren til opplæringen."
            ),
            days_ago=4,
        ),
        "tonsberg": Answer(
            _text(
                "Pilot på to avdelinger på ett sykehjem og i én hjemmetjenestesone. Mål for det "
                "første året: alle nyansatte i pilotene har mentor fra første arbeidsdag. Vi "
                "lager en kommunikasjonsplan samtidig, slik at resten av kommunen vet hva som "
                "skjer og hvorfor. Målinger: turnover, og en kort spørreundersøkelse til "
                "nyansatte etter tre og tolv måneder."
            ),
            days_ago=2,
        ),
        "modum": Answer(
            _text(
                "Utkast: Vi bygger videre på fadderordningen, men med opplærte mentorer og en fast "
                "struktur for samtalene. Pilot i hjemmetjenesten først, fordi det er der flest "
                "slutter. Mål og målinger diskuteres på teammøtet neste uke."
            ),
            state=DRAFT,
        ),
    },
    "slagord": {
        "sarpsborg": Answer(
            _text(
                "**Trygg fra første vakt**\n\n"
                "Vi spurte nyansatte hva de savnet mest det første året, og nesten alle svarte "
                "«trygghet». Slagordet ble valgt etter en avstemning på personalmøtet."
            ),
            days_ago=6,
        ),
        "moss": Answer(
            _text(
                "**Ingen står alene**\n\n"
                "Forslaget kom fra en nyutdannet sykepleier i hjemmetjenesten, som fortalte om "
                "sin første kveldsvakt alene."
            ),
            days_ago=3,
        ),
        "roros": Answer(
            _text(
                "**Her vil du bli**\n\n"
                "Kort og litt frekt. Vi vil at nyansatte skal velge å bli hos oss, ikke bare "
                "prøve det en vinter."
            ),
            days_ago=1,
        ),
        "flesberg": Answer(
            _text(
                "Forslag så langt: «Vi tar imot deg» eller «Sammen fra start». Vi bestemmer oss "
                "på teammøtet neste uke."
            ),
            state=DRAFT,
        ),
    },
    "status-2": {
        # Sarpsborg's report is being written: the coordinator and HR have started.
        "sarpsborg": Answer(
            {
                "done": (
                    "- Oppstartsmøte med kommunalsjefen og virksomhetslederne på de to "
                    "pilotenhetene.\n"
                    "- Informert tillitsvalgte og personalet på pilotenhetene.\n"
                    "- Sendt lokal prosjektplan.\n"
                    "- Valgt slagord: «Trygg fra første vakt»."
                ),
                "worked": (
                    "Det hjelper mye at virksomhetslederen sitter i teamet: beslutningene tas i "
                    "møtet og ikke etterpå. Personalet på sykehjemmet var positive, og fire "
                    "sykepleiere har sagt at de kan tenke seg å bli mentor."
                ),
            },
            state=DRAFT,
            also_by=(
                (
                    HR_EMAIL,
                    {
                        "measurements": (
                            "Tall fra HR-systemet: i fjor sluttet 9 av 18 nyansatte sykepleiere "
                            "og vernepleiere innen ett år (baseline). Siden mentorordningen kom i "
                            "gang på sykehjemmet, har 2 av 22 sluttet de siste tolv månedene. "
                            "Søkere per utlyste stilling har økt fra 1,5 til 3,5."
                        )
                    },
                ),
            ),
        ),
        "halden": Answer(
            {
                "done": (
                    "- Oppstartsmøte med enhetslederne.\n"
                    "- Skrevet utkast til lokal prosjektplan.\n"
                    "- Bedt høgskolen om et møte om opplæring for mentorer."
                ),
                "worked": (
                    "Enhetslederne er positive og har satt av tid i turnus til teammøter "
                    "annenhver uke."
                ),
                "challenges": (
                    "Det er vanskelig å finne tid til teamarbeidet i en travel hverdag, og "
                    "tillitsvalgt har ikke fått fri til alle møtene. Vi har flyttet møtene til "
                    "tidspunkter som passer bedre med turnus."
                ),
                "measurements": (
                    "Vi har ikke begynt å måle ennå. Vi vil telle hvor mange nyansatte "
                    "sykepleiere som slutter innen ett år, og starter med tallene for i fjor."
                ),
                "help": (
                    "Hvordan har andre kommuner frigjort tid til mentorene? Og hvordan vet vi at "
                    "det er mentorprogrammet som virker, og ikke noe annet?"
                ),
            },
            days_ago=2,
        ),
        "lillestrom": Answer(
            {
                "done": (
                    "- Valgt to pilotenheter: ett sykehjem og én hjemmetjenestesone.\n"
                    "- Rekruttert fem mentorer.\n"
                    "- Laget en enkel mentoravtale som mentor og mentee skriver under på."
                ),
                "worked": (
                    "Mange ville bli mentor – det var flere interesserte enn vi har plass til i "
                    "piloten."
                ),
                "challenges": (
                    "Flere av de nyansatte har utdanningen sin fra utlandet og trenger også "
                    "språkstøtte. Vi vurderer om det skal være mentorens ansvar eller et eget "
                    "tilbud."
                ),
                "measurements": (
                    "Baseline: 11 av 26 nyansatte sykepleiere sluttet innen ett år (de siste tolv "
                    "månedene). Vi teller på nytt hver tredje måned."
                ),
                "help": (
                    "Vi vil gjerne drøfte grensen mellom mentorrollen og avdelingens ansvar for "
                    "opplæring."
                ),
            },
            days_ago=1,
        ),
    },
}

# Sarpsborg's project plan is shared with the network; another team comments.
SHARED = ("prosjektplan", "sarpsborg")
NETWORK_COMMENT = (
    "tonsberg",
    "Så fin og konkret plan! Vi låner gjerne ideen om faste samtaler hver tredje uke. "
    "Hvordan har dere tenkt å frigjøre tid til mentorene i turnus?",
)

PROGRESS = {
    "sarpsborg": (
        2,
        "Teamet er bredt sammensatt og godt forankret hos ledelsen, og dere har allerede "
        "baseline-tall. Neste steg er å rekruttere mentorer og lage en skisse til "
        "mentorprogram før samling 3.",
    ),
    "halden": (
        1,
        "Teamet er på plass og enhetslederne er med. Prosjektplanen og målingene gjenstår.",
    ),
    "indre-ostfold": (
        2,
        "God plan for tre pilotenheter. Husk å få med tillitsvalgt i prosjektgruppen.",
    ),
}


def _sent_at(task: HomeTask, answer: Answer, now):
    if answer.days_ago is not None:
        return now - timedelta(days=answer.days_ago, hours=3)
    if answer.late_by_days:
        # The deadline is at 23:59:59; this is the afternoon some days later.
        return task.deadline + timedelta(days=answer.late_by_days, hours=-8)
    return task.deadline - timedelta(days=2, hours=8)


def _do_answer(team, task, answer: Answer, author, reviewer, now):
    save_draft(
        team=team,
        task=task,
        user=author,
        sections=answer.sections,
        bases=dict.fromkeys(answer.sections, ""),
    )
    for email, sections in answer.also_by:
        save_draft(
            team=team,
            task=task,
            user=User.objects.get(email=email),
            sections=sections,
            bases=dict.fromkeys(sections, ""),
        )
    if answer.state == DRAFT:
        return
    submit(team=team, task=task, user=author, now=_sent_at(task, answer, now))
    submission = Submission.objects.get(team=team, task=task)
    if answer.state == RETURNED:
        return_for_changes(submission=submission, user=reviewer, comment=answer.comment)
        return
    if answer.state == READ:
        mark_read(submission=submission, user=reviewer)
    if answer.comment:
        add_comment(submission=submission, user=reviewer, body=answer.comment)


def _teams_work(teams, coordinators, tasks, gatherings, organiser):
    now = timezone.now()
    for key, answers in ANSWERS.items():
        task = tasks[key]
        for slug, answer in answers.items():
            team = teams[slug]
            if Submission.objects.filter(team=team, task=task).exists():
                continue
            reviewer = team.advisor or organiser
            _do_answer(team, task, answer, coordinators[slug], reviewer, now)
            if (key, slug) == SHARED:
                submission = set_shared(
                    submission=Submission.objects.get(team=team, task=task), shared=True
                )
                commenter, body = NETWORK_COMMENT
                add_comment(
                    submission=submission,
                    user=coordinators[commenter],
                    body=body,
                    visibility=CommentVisibility.NETWORK,
                    author_team=teams[commenter],
                )
    for slug, (score, feedback) in PROGRESS.items():
        team = teams[slug]
        if not team.progress_scores.filter(gathering=gatherings[0]).exists():
            give_progress_score(
                team=team,
                gathering=gatherings[0],
                score=score,
                feedback=feedback,
                user=team.advisor or organiser,
            )


# --- Sarpsborg's measurements --------------------------------------------------------


def _months_ago(today: date, months: int) -> date:
    index = today.year * 12 + today.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


# Monthly values, oldest first; each counts the last twelve months. The first is
# the baseline from before the mentor programme.
QUIT_WITHIN_A_YEAR = [
    (9, 18), (9, 18), (9, 19), (10, 20), (9, 20), (9, 21), (8, 21),
    (7, 21), (6, 22), (5, 22), (4, 22), (3, 22), (2, 22),
]  # fmt: skip
APPLICANTS_PER_POSTING = [
    "1.5", "1.5", "1", "2", "1.5", "1", "2", "2.5", "3", "2.5", "3.5", "4", "3.5",
]  # fmt: skip
PROGRAMME_STARTED_MONTHS_AGO = 7


def _indicator(team, user, name, unit, better, denominator_label=""):
    """The team's indicator and whether it was made now."""
    existing = Indicator.objects.filter(team=team, name=name).first()
    if existing is not None:
        return existing, False
    indicator = add_indicator(
        team=team,
        user=user,
        name=name,
        unit=unit,
        better=better,
        denominator_label=denominator_label,
    )
    return indicator, True


def _measurements(team, user, today: date):
    months = len(QUIT_WITHIN_A_YEAR)
    quit_rate, created = _indicator(
        team,
        user,
        "Nyansatte sykepleiere som slutter innen ett år",
        "sluttet",
        Better.LOWER,
        denominator_label="nyansatte",
    )
    if created:
        for number, (value, hired) in enumerate(QUIT_WITHIN_A_YEAR):
            record_value(
                indicator=quit_rate,
                user=user,
                measured_on=_months_ago(today, months - number),
                value=Decimal(value),
                denominator=Decimal(hired),
                is_baseline=number == 0,
                note="Tall fra HR for året før mentorprogrammet" if number == 0 else "",
            )
    applicants, created = _indicator(
        team, user, "Søkere per utlyst stilling", "søkere", Better.HIGHER
    )
    if created:
        for number, value in enumerate(APPLICANTS_PER_POSTING):
            record_value(
                indicator=applicants,
                user=user,
                measured_on=_months_ago(today, months - number),
                value=Decimal(value),
                is_baseline=number == 0,
            )
    programme_started = _months_ago(today, PROGRAMME_STARTED_MONTHS_AGO) + timedelta(days=14)
    milestones = [
        (programme_started, "Mentorprogram startet"),
        (_days(GATHERINGS[0], today)[0], "Oppstart i læringsnettverket"),
    ]
    for happened_on, text in milestones:
        if not TeamMilestone.objects.filter(team=team, text=text).exists():
            add_milestone(team=team, happened_on=happened_on, text=text)


# --- putting it together -------------------------------------------------------------


def _teams(network, advisor) -> dict[str, Team]:
    numbers = municipality_numbers([spec.municipality for spec in TEAMS])
    municipalities = {m.number: m for m in Municipality.objects.filter(number__in=numbers.values())}
    teams = {}
    for spec in TEAMS:
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


def _coordinators(teams) -> dict[str, User]:
    coordinators = {}
    for spec in TEAMS:
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


def _sarpsborg_members(team, nurse) -> list[User]:
    members = [nurse]
    for member in SARPSBORG_TEAM:
        user = _team_member_user(member, team.municipality)
        TeamMembership.objects.get_or_create(team=team, person=user, defaults={"role": member.role})
        members.append(user)
    return members


def _team_attended(coordinator, team, event: EventPage, members):
    """The coordinator registered the whole team for a gathering that is over,
    and the organiser checked everyone in."""
    missing = [
        person
        for person in members
        if not Registration.objects.filter(event=event, person=person).exists()
    ]
    if missing:
        register_team_members(
            coordinator=coordinator,
            team=team,
            event=event,
            people=missing,
            now=event.starts_at - timedelta(days=10),
        )
    _mark_attended(Registration.objects.filter(event=event, person__in=members))


def build_network(home, event_index, today: date) -> LearningNetworkPage:
    """The demo learning network with its gatherings, staff, teams, home tasks,
    the teams' reports and Sarpsborg's measurements. Run after the demo people
    and the event index exist."""
    network = _network_page(
        home,
        _days(GATHERINGS[0], today)[0],
        _days(GATHERINGS[-1], today)[-1],
    )
    gatherings = [_gathering(event_index, network, spec, today) for spec in GATHERINGS]
    _resource_page(network)

    organiser = User.objects.get(email=ORGANISER_EMAIL)
    advisor = User.objects.get(email=ADVISOR_EMAIL)
    NetworkStaff.objects.get_or_create(
        network=network, person=organiser, role=NetworkStaffRole.ORGANISER
    )
    NetworkStaff.objects.get_or_create(
        network=network, person=advisor, role=NetworkStaffRole.ADVISOR
    )

    teams = _teams(network, advisor)
    coordinators = _coordinators(teams)
    sarpsborg = teams["sarpsborg"]
    nurse = coordinators["sarpsborg"]
    members = _sarpsborg_members(sarpsborg, nurse)
    _team_attended(nurse, sarpsborg, gatherings[0], members)

    tasks = _home_tasks(network, gatherings)
    _teams_work(teams, coordinators, tasks, gatherings, organiser)
    _measurements(sarpsborg, User.objects.get(email=HR_EMAIL), today)
    return network
