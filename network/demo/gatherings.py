"""The demo network's seven gatherings, three of them physical over two days,
and the Sarpsborg team's attendance at the first."""

from dataclasses import dataclass
from datetime import date, timedelta

from events.demo.programme import programme_item
from events.demo.questions import gathering_questions
from events.demo.registrations import mark_attended
from events.models import EventAudience, EventKind, EventPage, Registration
from mentornett.demo import at, child, weekday

from ..services import register_team_members


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
            programme_item(
                "09:00", "09:30", "Velkommen og filmene fra kommunene", "Prosjektgruppen"
            ),
            programme_item(
                "09:30",
                "10:30",
                "Læringsnettverk som metode",
                "Prosjektgruppen",
                "Samlinger, hjemmeoppgaver, statusrapport og fremdriftsplan – og hvorfor vi "
                "deler erfaringer underveis.",
            ),
            programme_item(
                "10:45",
                "11:45",
                "Mentorprogram for nyansatte: erfaringer fra en pilot",
                "Sykepleier og mentor fra en pilotkommune",
                "Om lag halvparten av de nye sykepleierne sluttet det første året. Slik snudde "
                "mentorprogrammet det.",
            ),
            programme_item(
                "12:00", "12:45", "Arbeid i eget team: styrker og utfordringer i kommunen"
            ),
            programme_item(
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
            programme_item("10:00", "10:30", "Velkommen og kaffe", "Prosjektgruppen", day=1),
            programme_item(
                "10:30",
                "12:00",
                "Mentoring, mentorer og mentorprogram",
                "Dosent i pedagogikk",
                "Begreper og teori: hva skiller en mentor fra en fadder og en veileder?",
                day=1,
            ),
            programme_item(
                "12:15",
                "13:30",
                "Erfaringsdeling mellom kommunene",
                description="Hvert team forteller kort fra statusrapporten sin.",
                day=1,
            ),
            programme_item(
                "13:45",
                "15:30",
                "Målinger: hvordan viser vi at tiltaket virker?",
                "Prosjektgruppen",
                "Før- og nå-tall, for eksempel hvor mange nyansatte som slutter og hvor mange "
                "som søker på ledige stillinger.",
                day=1,
            ),
            programme_item("15:45", "17:00", "Arbeid i eget team", day=1),
            programme_item(
                "19:00",
                "22:30",
                "Sosial kveld med middag",
                description="Vi kårer beste slagord og beste film fra samling 1.",
                day=1,
            ),
            programme_item(
                "09:00",
                "10:30",
                "Mentorkompetanse: hva trenger mentorene?",
                "Universitetslektor i veiledning",
                "Mentorene trenger verktøy for å gjøre jobben. Ta kontakt med en lokal "
                "utdanningsinstitusjon om kompetanseheving.",
                day=2,
            ),
            programme_item("10:45", "12:00", "Arbeid i eget team: utkast til mentorprogram", day=2),
            programme_item("12:00", "13:00", "Lunsj", day=2),
            programme_item(
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
            programme_item("09:00", "09:15", "Velkommen", "Prosjektgruppen"),
            programme_item(
                "09:15",
                "10:15",
                "Kompetanseheving for mentorer i samarbeid med en utdanningsinstitusjon",
                "Universitetslektor og mentorkoordinator",
            ),
            programme_item(
                "10:30",
                "11:15",
                "Slik jobber en mentor og en mentee sammen",
                "Mentor og mentee fra en deltakerkommune",
            ),
            programme_item(
                "11:15",
                "12:15",
                "Erfaringsdeling: målinger så langt",
                description="Teamene viser før- og nå-tall fra egen kommune.",
            ),
            programme_item("12:15", "12:30", "Hjemmeoppgaver og evaluering", "Prosjektgruppen"),
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
            programme_item("10:00", "10:30", "Velkommen og kaffe", "Prosjektgruppen", day=1),
            programme_item(
                "10:30",
                "12:00",
                "Erfaringsdeling: slik har vi jobbet så langt",
                description="Hvert team viser suksessfaktorer og utfordringer. De andre "
                "teamene gir innspill og respons.",
                day=1,
            ),
            programme_item("12:00", "13:00", "Lunsj", day=1),
            programme_item(
                "13:00",
                "14:30",
                "Erfaringsdeling fortsetter, med kommentarer til statusrapportene",
                "Dosent i pedagogikk",
                day=1,
            ),
            programme_item("14:45", "16:30", "Arbeid i eget team", day=1),
            programme_item("19:00", "22:00", "Felles middag", day=1),
            programme_item(
                "09:00",
                "10:30",
                "Lederens rolle i mentorprogrammet",
                "Dosent i pedagogikk og avdelingsleder fra en pilotkommune",
                "Kommuner der enhetslederne selv er med i arbeidet, får bedre resultater enn "
                "der arbeidet er delegert.",
                day=2,
            ),
            programme_item(
                "10:45",
                "11:45",
                "Kick-off og feiringer",
                "Prosjektgruppen",
                "Hvorfor det er viktig å feire litt – og eksempler på en kick-off som "
                "engasjerer hele enheten.",
                day=2,
            ),
            programme_item("11:45", "12:30", "Lunsj", day=2),
            programme_item(
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
            programme_item(
                "09:00",
                "09:30",
                "Velkommen, og tre kommuner viser sin kick-off",
                "Prosjektgruppen",
            ),
            programme_item(
                "09:30",
                "10:30",
                "Spredning og implementering: hvorfor gode tiltak forvitrer",
                "Professor i organisasjonsfag",
            ),
            programme_item(
                "10:45",
                "11:30",
                "Kommunikasjonsplan i spredningsarbeidet",
                "Sykehjemsleder fra en deltakerkommune",
                "Hvem må vite hva, og når? Et eksempel på en kommunikasjonsplan som er i bruk.",
            ),
            programme_item(
                "11:30",
                "12:15",
                "Arbeid i eget team: planlegg et nettverk for mentorene i kommunen",
            ),
            programme_item(
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
            programme_item("10:00", "10:30", "Velkommen og kaffe", "Prosjektgruppen", day=1),
            programme_item(
                "10:30",
                "11:30",
                "Omsorg for mentorene",
                "Mentorkoordinator fra en pilotkommune",
                "Hvem støtter mentorene? Om mentornettverk, metaveiledning og å ta vare på "
                "dem som tar vare på de nye.",
                day=1,
            ),
            programme_item("11:30", "12:30", "Lunsj", day=1),
            programme_item(
                "12:30",
                "14:30",
                "Plakatvandring: planer for spredning og kommunikasjon",
                description="Teamene henger opp plakaten sin og går fra plakat til plakat.",
                day=1,
            ),
            programme_item("14:45", "16:30", "Arbeid i eget team: planlegg permanent drift", day=1),
            programme_item("19:00", "22:00", "Felles middag", day=1),
            programme_item(
                "09:00",
                "10:30",
                "Juss i mentorprogrammet",
                "Advokat fra KS",
                "Arbeidstid, taushetsplikt og hva en mentor kan – og ikke kan – ta ansvar for.",
                day=2,
            ),
            programme_item(
                "10:45",
                "12:00",
                "Etikk i mentorrollen",
                "Etikkveileder fra en deltakerkommune",
                "Dilemmaer fra hverdagen, drøftet i grupper.",
                day=2,
            ),
            programme_item("12:00", "13:00", "Lunsj", day=2),
            programme_item(
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
            programme_item(
                "09:00",
                "09:30",
                "Filmene fra kommunene: før og nå",
                "Prosjektgruppen",
            ),
            programme_item(
                "09:30",
                "10:15",
                "Hva sluttrapportene viser",
                "Prosjektleder",
                "Et sammendrag av alle sluttrapportene: mål, målinger og resultater.",
            ),
            programme_item(
                "10:30",
                "11:15",
                "Gode prosesser for å implementere",
                "Rådgiver i KS",
            ),
            programme_item(
                "11:15",
                "12:00",
                "Kommentarer til sluttrapportene",
                "Dosent i pedagogikk",
            ),
            programme_item(
                "12:00",
                "12:45",
                "Gruppearbeid, og siste ord fra hvert team",
                description="Alle team er på skjermen og forteller hvordan de jobber videre.",
            ),
            programme_item("12:45", "13:00", "Avslutning", "Prosjektgruppen"),
        ],
    ),
]


def gathering_days(spec: Gathering, today: date) -> list[date]:
    """The gathering's days, `spec.days` after `today`: a physical one starts
    Monday to Thursday and runs two days, a digital one is on a weekday."""
    if spec.is_physical:
        day_1 = weekday(today + timedelta(days=spec.days), last=3)
        return [day_1, day_1 + timedelta(days=1)]
    return [weekday(today + timedelta(days=spec.days))]


def dated_programme(programme, days):
    """Programme items with their day number (1, 2) replaced by the date."""
    return [
        (kind, {**value, "day": days[value["day"] - 1] if value["day"] else None})
        for kind, value in programme
    ]


def build_gathering(index, network, spec: Gathering, today: date) -> EventPage:
    days = gathering_days(spec, today)

    def build():
        fields = {
            "title": f"Læringsnettverk mentorprogram, samling {spec.number}: {spec.name}",
            "slug": spec.slug,
            "intro": spec.intro,
            "theme": spec.theme,
            "body": [("markdown", spec.body)],
            "audience": EventAudience.NETWORK,
            "network": network,
            "programme": dated_programme(spec.programme, days),
        }
        if spec.is_physical:
            starts_at = at(days[0], 10)
            return EventPage(
                **fields,
                kind=EventKind.GATHERING,
                starts_at=starts_at,
                ends_at=at(days[1], 14, 30),
                venue=spec.venue,
                address=spec.address,
                capacity=60,
                registration_closes_at=starts_at - timedelta(days=7),
                cancellation_deadline=starts_at - timedelta(days=14),
                questions=gathering_questions(),
            )
        hour, minute = (int(part) for part in spec.ends.split(":"))
        code = f"6703105{2025 + spec.number}"
        return EventPage(
            **fields,
            kind=EventKind.DIGITAL_MEETING,
            starts_at=at(days[0], 9),
            ends_at=at(days[0], hour, minute),
            meeting_url=f"https://zoom.example.no/j/{code}",
            meeting_details=f"Møte-ID: {code[:3]} {code[3:7]} {code[7:]} · "
            f"Passord: samling{spec.number}",
        )

    return child(index, EventPage, spec.slug, build)


def team_attended(coordinator, team, event: EventPage, members):
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
    mark_attended(Registration.objects.filter(event=event, person__in=members))
