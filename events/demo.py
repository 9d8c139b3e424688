"""Demo events for `make run`. The demo learning network and its gatherings
are in network/demo.py.

Idempotent: pages are looked up by slug, rows with get_or_create, and a
registration that exists is left alone. Dates are set relative to the day the
demo is first loaded, so that the upcoming events are upcoming then; running
it again later changes nothing."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from mentornett.accounts.models import User

from .blocks import CHOICE_QUESTION, TEXT_QUESTION, YES_NO_QUESTION
from .models import (
    Attendance,
    EventAudience,
    EventIndexPage,
    EventKind,
    EventPage,
    EventSeries,
    Registration,
)
from .services import mark_attendance, register

OSLO = ZoneInfo(settings.TIME_ZONE)

MENTOR_EMAIL = "mentor@mentornett.no"

SERIES_NAME = "Mentoropplæring med webinarer"


# --- helpers -----------------------------------------------------------------


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _child(parent, model, slug, build):
    """The child page with this slug, or a new published one from build()."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    return _publish(parent, build())


def _weekday(day: date, *, last=4) -> date:
    """The day itself, or the next day that is Monday to `last` (4 = Friday)."""
    while day.weekday() > last:
        day += timedelta(days=1)
    return day


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=OSLO)


def _item(starts, ends, title, speaker="", description="", day=None):
    return (
        "item",
        {
            "day": day,
            "starts": time.fromisoformat(starts),
            "ends": time.fromisoformat(ends),
            "title": title,
            "speaker": speaker,
            "description": description,
        },
    )


def _text_question(question, help_text="", required=False):
    return (TEXT_QUESTION, {"question": question, "help_text": help_text, "required": required})


def _yes_no_question(question, help_text="", required=True):
    return (YES_NO_QUESTION, {"question": question, "help_text": help_text, "required": required})


def _choice_question(question, options, help_text="", required=True):
    return (
        CHOICE_QUESTION,
        {"question": question, "options": options, "help_text": help_text, "required": required},
    )


def _answers(event: EventPage, by_question: dict) -> dict:
    """Answers keyed by the question blocks' ids, from answers keyed by question text."""
    return {
        block.id: by_question[block.value["question"]]
        for block in event.questions
        if block.value["question"] in by_question
    }


def _gathering_questions():
    return [
        _text_question(
            "Har du behov for spesialkost?",
            help_text="For eksempel allergier, vegetar eller halal.",
        ),
        _yes_no_question(
            "Overnatting?", help_text="Vi bestiller rom til natten mellom dag 1 og dag 2."
        ),
        _yes_no_question("Blir du med på middagen?", help_text="Middagen er om kvelden dag 1."),
        _choice_question("Hvilke dager deltar du?", ["Begge dager", "Bare dag 1", "Bare dag 2"]),
    ]


# --- the event index -----------------------------------------------------------


def _event_index(home) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).first()
    if index is not None:
        return index
    return _publish(
        home,
        EventIndexPage(
            title="Arrangementer",
            slug="arrangementer",
            show_in_menus=True,
            intro="<p>Webinarer der mentorer øver på veiledning, åpne digitale møter og "
            "fysiske samlinger for nettverksbygging. Meld deg på her – og finn "
            "møtelenken på <b>Min side</b> når du har fått plass.</p>",
        ),
    )


# --- the webinar series for mentors --------------------------------------------

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


def _webinar_programme(spec):
    return [
        _item("09:00", "09:20", "Velkommen og innsjekk", "Prosessveileder"),
        _item("09:20", "10:00", "Teori: " + spec["theme"], "Prosessveileder", spec["theory"]),
        _item(
            "10:00",
            "10:45",
            "Veiledningsøvelse 1 i grupper",
            description=spec["exercise_1"] + " " + ROLE_ROTATION,
        ),
        _item(
            "10:45",
            "11:05",
            "Pause og felles refleksjon i plenum",
            description="Hva la observatørene merke til? Hva var vanskelig?",
        ),
        _item(
            "11:05",
            "11:45",
            "Veiledningsøvelse 2 i grupper",
            description=spec["exercise_2"] + " Nå bytter dere roller.",
        ),
        _item(
            "11:45",
            "12:00",
            "Oppsummering og veien videre",
            "Prosessveileder",
            spec["home_task"],
        ),
    ]


def _webinar_body():
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


def _build_webinars(index, today) -> list[EventPage]:
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
        day = _weekday(today + timedelta(days=spec["days"]))

        def build(spec=spec, day=day, number=number):
            return EventPage(
                title=spec["title"],
                slug=spec["slug"],
                kind=EventKind.WEBINAR,
                intro=f"Webinar {number} av 3. {WEBINAR_INTRO}",
                body=_webinar_body(),
                starts_at=_at(day, 9),
                ends_at=_at(day, 12),
                meeting_url=f"https://zoom.example.no/j/6410{number}58273",
                meeting_details=f"Møte-ID: 641 0{number}5 8273 · Passord: mentor{number}",
                capacity=24,
                audience=EventAudience.MENTORS,
                series=series,
                programme=_webinar_programme(spec),
                questions=[
                    _text_question(
                        "Hva ønsker du å øve på?",
                        help_text="En situasjon fra jobben eller noe du synes er vanskelig "
                        "som mentor. Prosessveilederen bruker svarene når gruppene settes "
                        "sammen.",
                    )
                ],
            )

        webinars.append(_child(index, EventPage, spec["slug"], build))
    return webinars


def _build_past_webinar(index, today) -> EventPage:
    day = _weekday(today - timedelta(days=14))
    return _child(
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
            starts_at=_at(day, 9),
            ends_at=_at(day, 12),
            meeting_url="https://zoom.example.no/j/64099182736",
            meeting_details="Møte-ID: 640 9918 2736 · Passord: tilbakemelding",
            capacity=24,
            audience=EventAudience.MENTORS,
            programme=[
                _item("09:00", "09:15", "Velkommen og innsjekk", "Prosessveileder"),
                _item(
                    "09:15",
                    "09:50",
                    "Teori: tilbakemelding som hjelper",
                    "Prosessveileder",
                    "Konkret, nær i tid og om det som kan gjøres annerledes. Hvorfor mentee "
                    "alltid bør få si noe først.",
                ),
                _item(
                    "09:50",
                    "10:40",
                    "Øvelse 1 i grupper: tilbakemelding etter en vanskelig kalving",
                    description=ROLE_ROTATION,
                ),
                _item("10:40", "11:00", "Pause og refleksjon i plenum"),
                _item(
                    "11:00",
                    "11:45",
                    "Øvelse 2 i grupper: når mentee ikke er enig",
                    description="Nå bytter dere roller.",
                ),
                _item("11:45", "12:00", "Oppsummering og evaluering", "Prosessveileder"),
            ],
            questions=[_text_question("Hva ønsker du å øve på?")],
        ),
    )


# --- a digital meeting for mentees and a gathering for the vet scheme ----------


def _build_mentee_meeting(index, today) -> EventPage:
    day = _weekday(today + timedelta(days=10))
    return _child(
        index,
        EventPage,
        "apent-mote-midlertidig-lisens",
        lambda: EventPage(
            title="Åpent digitalt møte for mentees: spørsmål om midlertidig lisens",
            slug="apent-mote-midlertidig-lisens",
            kind=EventKind.DIGITAL_MEETING,
            intro="Skal du jobbe med midlertidig lisens? Programkontoret svarer på spørsmål "
            "om ansettelse, bakvakt og støtte.",
            body=[
                ("heading", {"text": "Dette snakker vi om", "level": "h2"}),
                (
                    "markdown",
                    "- Du **må være ansatt** – ikke ha eget foretak – for å jobbe med "
                    "midlertidig lisens i mentorordningen.\n"
                    "- Minst **én uke omvendt påsitterpraksis** før du jobber alene: du gjør "
                    "det meste av arbeidet, mentor observerer og støtter.\n"
                    "- Bakvakt som kan nås på telefon og i person hele tiden mens du jobber.\n"
                    "- Praksisstipend, bostøtte og reisestøtte: hva du kan søke om, og hvilke "
                    "kvitteringer du trenger.",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Ta med spørsmålene dine",
                        "text": "<p>Møtet er uformelt. Du kan også sende spørsmål på forhånd "
                        "når du melder deg på.</p>",
                    },
                ),
            ],
            starts_at=_at(day, 19),
            ends_at=_at(day, 20, 30),
            meeting_url="https://zoom.example.no/j/65233107294",
            meeting_details="Møte-ID: 652 3310 7294 · Passord: lisens",
            audience=EventAudience.MENTEES,
            programme=[
                _item("19:00", "19:10", "Velkommen", "Programkontoret"),
                _item(
                    "19:10",
                    "19:40",
                    "Slik fungerer et mentorforhold med midlertidig lisens",
                    "Programkontoret",
                    "Ansettelse, omvendt påsitterpraksis, bakvakt og støtte.",
                ),
                _item(
                    "19:40",
                    "20:30",
                    "Spørsmål og svar",
                    description="En mentee som jobbet med midlertidig lisens i fjor, "
                    "forteller hvordan det gikk.",
                ),
            ],
            questions=[
                _text_question(
                    "Har du spørsmål du vil vi skal ta opp?",
                    help_text="Vi svarer i møtet uten å si hvem som spurte.",
                )
            ],
        ),
    )


def _build_vet_gathering(index, today) -> EventPage:
    day_1 = _weekday(today + timedelta(days=60), last=3)
    day_2 = day_1 + timedelta(days=1)
    starts_at = _at(day_1, 10)
    return _child(
        index,
        EventPage,
        "samling-mentorordningen-gardermoen",
        lambda: EventPage(
            title="Samling for mentorer og mentees i mentorordningen",
            slug="samling-mentorordningen-gardermoen",
            kind=EventKind.GATHERING,
            intro="To dager med erfaringsdeling, nettverksbygging og en økt med psykolog om "
            "hva som gjør et mentorforhold godt – for mentorer og mentees.",
            body=[
                (
                    "markdown",
                    "Trygghet, faglig støtte og kollegialitet – på vei inn i "
                    "produksjonsdyrpraksis. På samlingen møter du andre mentorer og mentees "
                    "fra hele landet. Vi ser på resultatene fra mentorprosjektet, snakker om "
                    "forventningsavklaring og kommunikasjon, og har god tid til å bli kjent.",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "title": "Reise og overnatting",
                        "text": "<p>Mentorordningen dekker overnatting og middag. Reisen "
                        "dekkes etter regning for mentees. Hotellet ligger ti minutter med "
                        "gratis buss fra Oslo lufthavn.</p>",
                    },
                ),
            ],
            starts_at=starts_at,
            ends_at=_at(day_2, 15),
            venue="Gardermoen Kurs- og konferansehotell",
            address="Tunvegen 12, 2060 Gardermoen",
            capacity=60,
            registration_closes_at=starts_at - timedelta(days=7),
            cancellation_deadline=starts_at - timedelta(days=14),
            audience=EventAudience.SIGNED_IN,
            programme=[
                _item("10:00", "10:30", "Velkommen og kaffe", "Programkontoret", day=day_1),
                _item(
                    "10:30",
                    "12:00",
                    "Erfaringer fra mentorprosjektet",
                    "Programkontoret",
                    "Hva lærte vi av 42 mentorforhold i 2024–2025? Og hvorfor "
                    "forventningsavklaring og kommunikasjon betyr så mye.",
                    day=day_1,
                ),
                _item("12:00", "13:00", "Lunsj", day=day_1),
                _item(
                    "13:00",
                    "15:30",
                    "Det psykologiske grunnlaget for et godt mentorforhold",
                    "Psykolog",
                    "Om trygghet, alenearbeid og vakt, og om å be om hjelp. Med øvelser i par.",
                    day=day_1,
                ),
                _item(
                    "15:45",
                    "17:00",
                    "Erfaringsdeling i grupper",
                    description="Mentorer og mentees hver for seg: hva fungerer, og hva er "
                    "vanskelig?",
                    day=day_1,
                ),
                _item(
                    "19:00",
                    "22:00",
                    "Felles middag og sosialt samvær",
                    day=day_1,
                ),
                _item(
                    "09:00",
                    "10:30",
                    "Workshop: forventninger og mål for mentorperioden",
                    "Programkontoret",
                    "Mentor og mentee setter mål sammen og avklarer roller og ansvar.",
                    day=day_2,
                ),
                _item(
                    "10:45",
                    "12:00",
                    "Bakvakt, omvendt påsitterpraksis og klinisk kommunikasjon",
                    "Erfaren mentor i produksjonsdyrpraksis",
                    day=day_2,
                ),
                _item("12:00", "13:00", "Lunsj", day=day_2),
                _item(
                    "13:00",
                    "14:30",
                    "Veien videre og spørsmål om mentorordningen",
                    "Programkontoret",
                    "Søknad, rapport, utbetaling og tilbudet om en time med psykolog.",
                    day=day_2,
                ),
                _item("14:30", "15:00", "Oppsummering og evaluering", day=day_2),
            ],
            questions=_gathering_questions(),
        ),
    )


# --- registrations of the demo people ---------------------------------------------


def _mark_attended(registrations):
    for registration in registrations.confirmed().exclude(attendance=Attendance.ATTENDED):
        mark_attendance(registration=registration, attendance=Attendance.ATTENDED)


def _register_once(person, event: EventPage, answers=None, now=None):
    if Registration.objects.filter(event=event, person=person).exists():
        return
    if now is None and event.starts_at <= timezone.now():
        return  # An old demo database: the event has started, so leave it.
    register(person=person, event=event, answers=_answers(event, answers or {}), now=now)


def _demo_mentor_registrations(past_webinar: EventPage, first_webinar: EventPage):
    mentor = User.objects.get(email=MENTOR_EMAIL)
    _register_once(
        mentor,
        past_webinar,
        {"Hva ønsker du å øve på?": "Å gi tilbakemelding når noe har gått galt i fjøset."},
        now=past_webinar.starts_at - timedelta(days=7),
    )
    _mark_attended(Registration.objects.filter(event=past_webinar, person=mentor))
    _register_once(
        mentor,
        first_webinar,
        {"Hva ønsker du å øve på?": "Å stille åpne spørsmål og tåle stillhet i samtalen."},
    )


def build_events(home) -> EventIndexPage:
    """The event index and its events, with the demo mentor's registrations.
    Run after the demo people exist."""
    today = timezone.localdate()
    index = _event_index(home)
    webinars = _build_webinars(index, today)
    past_webinar = _build_past_webinar(index, today)
    _build_mentee_meeting(index, today)
    _build_vet_gathering(index, today)
    _demo_mentor_registrations(past_webinar, webinars[0])
    return index
