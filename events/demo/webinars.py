"""The mentor training's webinar series and one webinar that is over."""

from datetime import timedelta

from mentornett.demo import at, child, weekday

from ..models import EventAudience, EventKind, EventPage, EventSeries
from .programme import programme_item
from .questions import text_question

SERIES_NAME = "Mentoropplæring med webinarer"

WEBINAR_INTRO = (
    "Webinaret er en del av mentoropplæringen og varer i tre timer. Det meste av tiden "
    "øver dere på veiledning i små grupper."
)

WEBINARS = [
    {
        "slug": "mentoropplaering-webinar-1",
        "title": "Mentoropplæring, webinar 1: Å lede og strukturere en veiledningssamtale",
        "days": 14,
        "theme": "å lede og strukturere en veiledningssamtale",
        "theory": (
            "Hva skiller veiledning fra undervisning? Vi går gjennom en enkel struktur for "
            "samtalen: avklare tema, utforske, finne neste steg og avslutte."
        ),
        "exercise_1": (
            "Øv på å åpne samtalen og avklare hva veisøkeren vil snakke om. Veilederen "
            "lytter mer enn hun snakker og stiller åpne spørsmål."
        ),
        "exercise_2": (
            "Øv på å tåle stillhet og la veisøkeren finne egne svar. Observatøren gir "
            "tilbakemelding på spørsmålene veilederen stilte."
        ),
        "home_task": (
            "Til neste gang: prøv strukturen i én samtale med en kollega eller mentee, og ta "
            "med deg det du oppdaget."
        ),
    },
    {
        "slug": "mentoropplaering-webinar-2",
        "title": "Mentoropplæring, webinar 2: Å støtte og å utfordre",
        "days": 28,
        "theme": "balansen mellom å støtte og å utfordre",
        "theory": (
            "Vi starter med det dere har prøvd ut på jobb siden sist. Deretter: hvordan gir "
            "du tilbakemelding som er konkret og til å bruke, og når skal du utfordre i "
            "stedet for å trøste?"
        ),
        "exercise_1": (
            "Veisøkeren tar med en ekte situasjon fra egen arbeidshverdag. Veilederen øver på "
            "å anerkjenne før hun utfordrer."
        ),
        "exercise_2": (
            "Øv på å gi og ta imot tilbakemelding. Observatøren ser etter hvordan veilederen "
            "balanserer støtte og utfordring."
        ),
        "home_task": (
            "Til neste gang: legg merke til én situasjon der du valgte å utfordre – eller lot "
            "være – og hvorfor."
        ),
    },
    {
        "slug": "mentoropplaering-webinar-3",
        "title": "Mentoropplæring, webinar 3: Veiledning i grupper, etikk og makt",
        "days": 42,
        "theme": "veiledning i grupper, etikk og makt",
        "theory": (
            "Å veilede kolleger gir et ansvar. Vi snakker om makt og etikk i veiledning, og "
            "om å tilpasse veiledningen til en gruppes erfaringer og behov."
        ),
        "exercise_1": (
            "Veiledning i gruppe: én veileder, to veisøkere med hver sin sak. Øv på å "
            "fordele ordet og se gruppedynamikken."
        ),
        "exercise_2": (
            "Et vanskelig case om lojalitet og taushetsplikt. Observatøren gir tilbakemelding "
            "og dere reflekterer over mentorrollen sammen."
        ),
        "home_task": (
            "Avslutning: hva tar du med deg videre som mentor, og hvem kan du øve sammen med "
            "etter opplæringen?"
        ),
    },
]

ROLE_ROTATION = (
    "Dere er tre i hver gruppe: veileder, veisøker og observatør. Rollene går på rundgang, "
    "så alle får øvd på å gi og ta imot veiledning og på å observere."
)


def webinar_programme(spec):
    return [
        programme_item("09:00", "09:20", "Velkommen og innsjekk", "Prosessveileder"),
        programme_item(
            "09:20", "10:00", "Teori: " + spec["theme"], "Prosessveileder", spec["theory"]
        ),
        programme_item(
            "10:00",
            "10:45",
            "Veiledningsøvelse 1 i grupper",
            description=spec["exercise_1"] + " " + ROLE_ROTATION,
        ),
        programme_item(
            "10:45",
            "11:05",
            "Pause og felles refleksjon i plenum",
            description="Hva la observatørene merke til? Hva var vanskelig?",
        ),
        programme_item(
            "11:05",
            "11:45",
            "Veiledningsøvelse 2 i grupper",
            description=spec["exercise_2"] + " Nå bytter dere roller.",
        ),
        programme_item(
            "11:45",
            "12:00",
            "Oppsummering og veien videre",
            "Prosessveileder",
            spec["home_task"],
        ),
    ]


def webinar_body():
    return [
        ("heading", {"text": "Slik foregår webinaret", "level": "h2"}),
        (
            "markdown",
            "Mentoropplæringen har tre webinarer på tre timer hver. Vi snakker mindre om hva "
            "veiledning er, og øver mer på hvordan den gjøres.\n\n"
            "- To veiledningsøvelser i grupper på tre: **veileder**, **veisøker** og "
            "**observatør**. Rollene går på rundgang.\n"
            "- Mellom webinarene øver du på jobb og tar med deg det du oppdaget.\n"
            "- Du trenger PC med kamera og mikrofon, og et rolig sted å sitte.",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Meld deg på hele serien",
                "text": "<p>Webinarene bygger på hverandre. Du kan melde deg på alle tre med "
                "én knapp.</p>",
            },
        ),
    ]


def build_webinars(index, today) -> list[EventPage]:
    series, _created = EventSeries.objects.get_or_create(
        name=SERIES_NAME,
        defaults={
            "description": "Tre webinarer på tre timer der mentorer øver på veiledning i små "
            "grupper, med rollene veileder, veisøker og observatør på rundgang. "
            "Ta mentorkurset før første webinar."
        },
    )
    webinars = []
    for number, spec in enumerate(WEBINARS, start=1):
        day = weekday(today + timedelta(days=spec["days"]))

        def build(spec=spec, day=day, number=number):
            return EventPage(
                title=spec["title"],
                slug=spec["slug"],
                kind=EventKind.WEBINAR,
                intro=f"Webinar {number} av 3. {WEBINAR_INTRO}",
                body=webinar_body(),
                starts_at=at(day, 9),
                ends_at=at(day, 12),
                meeting_url=f"https://zoom.example.no/j/6410{number}58273",
                meeting_details=f"Møte-ID: 641 0{number}5 8273 · Passord: mentor{number}",
                capacity=24,
                audience=EventAudience.MENTORS,
                series=series,
                programme=webinar_programme(spec),
                questions=[
                    text_question(
                        "Hva ønsker du å øve på?",
                        help_text="En situasjon fra jobben eller noe du synes er vanskelig "
                        "som mentor. Prosessveilederen bruker svarene når gruppene settes "
                        "sammen.",
                    )
                ],
            )

        webinars.append(child(index, EventPage, spec["slug"], build))
    return webinars


def build_past_webinar(index, today) -> EventPage:
    day = weekday(today - timedelta(days=14))
    return child(
        index,
        EventPage,
        "webinar-a-gi-tilbakemelding",
        lambda: EventPage(
            title="Webinar for mentorer: Å gi tilbakemelding i praksis",
            slug="webinar-a-gi-tilbakemelding",
            kind=EventKind.WEBINAR,
            intro="Hvordan gir du tilbakemelding som mentee kan bruke neste dag i "
            "fjøset eller på klinikken? Vi øver i små grupper.",
            body=[
                (
                    "markdown",
                    "Tilbakemelding er en av kjerneferdighetene i mentorkurset. I dette "
                    "webinaret øver vi på å gi konkret tilbakemelding, også når noe gikk galt, "
                    "og på å spørre mentee hva hun selv så.",
                ),
            ],
            starts_at=at(day, 9),
            ends_at=at(day, 12),
            meeting_url="https://zoom.example.no/j/64099182736",
            meeting_details="Møte-ID: 640 9918 2736 · Passord: tilbakemelding",
            capacity=24,
            audience=EventAudience.MENTORS,
            programme=[
                programme_item("09:00", "09:15", "Velkommen og innsjekk", "Prosessveileder"),
                programme_item(
                    "09:15",
                    "09:50",
                    "Teori: tilbakemelding som hjelper",
                    "Prosessveileder",
                    "Konkret, nær i tid og om det som kan gjøres annerledes. Hvorfor mentee "
                    "alltid bør få si noe først.",
                ),
                programme_item(
                    "09:50",
                    "10:40",
                    "Øvelse 1 i grupper: tilbakemelding etter en vanskelig kalving",
                    description=ROLE_ROTATION,
                ),
                programme_item("10:40", "11:00", "Pause og refleksjon i plenum"),
                programme_item(
                    "11:00",
                    "11:45",
                    "Øvelse 2 i grupper: når mentee ikke er enig",
                    description="Nå bytter dere roller.",
                ),
                programme_item("11:45", "12:00", "Oppsummering og evaluering", "Prosessveileder"),
            ],
            questions=[text_question("Hva ønsker du å øve på?")],
        ),
    )
