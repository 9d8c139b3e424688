"""The second demo network: three teams in Innlandet that start a few months
after the first network, with their own organiser and advisor. It is there so
that a person can see, signed in, that organising or advising one network
gives nothing in another (tests/network/test_demo.py keeps that)."""

from datetime import date, timedelta

from events.demo.programme import programme_item
from mentornett.demo import child

from ..models import HomeTask, LearningNetworkPage, ResponseKind
from ..services import save_draft
from .gatherings import Gathering, build_gathering, gathering_days
from .pages import AGREEMENT_TEXT, build_network_index
from .teams import DemoTeam, add_coordinators, add_staff, build_teams

SLUG = "innlandet"
ORGANISER_EMAIL = "arrangor2@mentornett.no"
ADVISOR_EMAIL = "radgiver2@mentornett.no"

TEAMS = [
    DemoTeam("Elverum", "elverum", "Nora Moen", advised=True),
    DemoTeam("Gjøvik", "gjovik", "Even Lund", advised=True),
    DemoTeam("Hamar", "hamar", "Guro Strand", advised=True),
]
# People these teams add beyond home.demo.people.DEMO_PEOPLE: one coordinator each.
INNLANDET_TEAM_PEOPLE = len(TEAMS)

INTRO = (
    "<p>Tre kommuner i Innlandet bygger sammen et mentorprogram for nyansatte "
    "sykepleiere og vernepleiere. Nettverket følger samme opplegg som det første "
    "læringsnettverket: samlinger, hjemmeoppgaver mellom samlingene og en fast "
    "rådgiver for hvert team.</p>"
)

MEMBERS_BODY = [
    (
        "markdown",
        "**Rådgiveren deres** leser det dere sender og gir tilbakemelding på oppgavesiden. "
        "Spørsmål før oppstarten kan dere sende til "
        f"[{ADVISOR_EMAIL}](mailto:{ADVISOR_EMAIL}).",
    ),
]

KICK_OFF = Gathering(
    1,
    "innlandet-samling-1-oppstart",
    "Oppstart i Innlandet",
    "Bli kjent: kommunenes styrker og utfordringer og mentorprogram som tiltak",
    days=95,
    intro="Første samling i Innlandet: teamene blir kjent, og vi går gjennom "
    "læringsnettverk som metode og mentorprogram som tiltak.",
    body="Ta med hele teamet. Vi starter med lunsj første dag og avslutter etter lunsj dag to.",
    programme=[
        programme_item("10:00", "11:00", "Lunsj og velkommen", "Prosjektgruppen", day=1),
        programme_item(
            "11:00",
            "12:30",
            "Læringsnettverk som metode",
            "Prosjektgruppen",
            "Samlinger, hjemmeoppgaver og statusrapporter – og hvorfor vi deler erfaringer "
            "underveis.",
            day=1,
        ),
        programme_item("12:45", "14:30", "Arbeid i eget team: styrker og utfordringer", day=1),
        programme_item(
            "09:00",
            "11:00",
            "Mentorprogram for nyansatte: erfaringer fra det første nettverket",
            "Teamkoordinator fra en kommune i det første nettverket",
            day=2,
        ),
        programme_item("11:00", "12:00", "Hjemmeoppgave og evaluering", "Prosjektgruppen", day=2),
        programme_item("12:00", "13:00", "Lunsj", day=2),
    ],
    venue="Scandic Hamar",
    address="Vangsvegen 121, 2317 Hamar",
)

FIRST_TASK_TITLE = "Kommunens styrker og utfordringer"
FIRST_TASK_INSTRUCTIONS = (
    "Skriv kort om kommunen og teamet før første samling:\n\n"
    "- Hvordan er helse- og omsorgstjenestene organisert?\n"
    "- Hva er dere gode på, og hva er vanskelig når det gjelder å rekruttere og beholde "
    "sykepleiere og vernepleiere?\n"
    "- Hvem er med i teamet?"
)
HAMAR_DRAFT = (
    "Hamar har hjemmetjenester i fire soner og to store sykehjem. Mange nyansatte "
    "sykepleiere begynner rett fra studiet, og flere har sagt at de første ukene var "
    "ensomme."
)


def _network_page(home, first_day: date) -> LearningNetworkPage:
    starts_on = first_day - timedelta(days=30)
    ends_on = starts_on + timedelta(days=730)
    return child(
        build_network_index(home),
        LearningNetworkPage,
        SLUG,
        lambda: LearningNetworkPage(
            title=f"Læringsnettverk Innlandet {starts_on.year}–{ends_on.year}",
            slug=SLUG,
            intro=INTRO,
            starts_on=starts_on,
            ends_on=ends_on,
            agreement_text=AGREEMENT_TEXT,
            members_body=MEMBERS_BODY,
        ),
    )


def build_innlandet(home, event_index, today: date) -> LearningNetworkPage:
    """The network page, its staff, three teams with coordinators, the first
    gathering and its home task, and Hamar's first draft of it."""
    network = _network_page(home, gathering_days(KICK_OFF, today)[0])
    gathering = build_gathering(event_index, network, KICK_OFF, today)
    organiser, advisor = add_staff(
        network, organiser_email=ORGANISER_EMAIL, advisor_email=ADVISOR_EMAIL
    )
    teams = build_teams(network, advisor, TEAMS)
    coordinators = add_coordinators(teams, TEAMS)
    task, _created = HomeTask.objects.get_or_create(
        network=network,
        title=FIRST_TASK_TITLE,
        defaults={
            "gathering": gathering,
            "kind": ResponseKind.FREE_TEXT,
            "days_before": 7,
            "instructions": FIRST_TASK_INSTRUCTIONS,
        },
    )
    if not teams["hamar"].submissions.filter(task=task).exists():
        save_draft(
            team=teams["hamar"],
            task=task,
            user=coordinators["hamar"],
            sections={"answer": HAMAR_DRAFT},
            bases={"answer": ""},
        )
    return network
