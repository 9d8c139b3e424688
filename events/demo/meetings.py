"""A digital meeting for mentees and a two-day gathering for the vet scheme."""

from datetime import timedelta

from mentornett.demo import at, child, weekday

from ..models import EventAudience, EventKind, EventPage
from .programme import programme_item
from .questions import gathering_questions, text_question


def build_mentee_meeting(index, today) -> EventPage:
    day = weekday(today + timedelta(days=10))
    return child(
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
            starts_at=at(day, 19),
            ends_at=at(day, 20, 30),
            meeting_url="https://zoom.example.no/j/65233107294",
            meeting_details="Møte-ID: 652 3310 7294 · Passord: lisens",
            audience=EventAudience.MENTEES,
            programme=[
                programme_item("19:00", "19:10", "Velkommen", "Programkontoret"),
                programme_item(
                    "19:10",
                    "19:40",
                    "Slik fungerer et mentorforhold med midlertidig lisens",
                    "Programkontoret",
                    "Ansettelse, omvendt påsitterpraksis, bakvakt og støtte.",
                ),
                programme_item(
                    "19:40",
                    "20:30",
                    "Spørsmål og svar",
                    description="En mentee som jobbet med midlertidig lisens i fjor, "
                    "forteller hvordan det gikk.",
                ),
            ],
            questions=[
                text_question(
                    "Har du spørsmål du vil vi skal ta opp?",
                    help_text="Vi svarer i møtet uten å si hvem som spurte.",
                )
            ],
        ),
    )


def build_vet_gathering(index, today) -> EventPage:
    day_1 = weekday(today + timedelta(days=60), last=3)
    day_2 = day_1 + timedelta(days=1)
    starts_at = at(day_1, 10)
    return child(
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
            ends_at=at(day_2, 15),
            venue="Gardermoen Kurs- og konferansehotell",
            address="Tunvegen 12, 2060 Gardermoen",
            capacity=60,
            registration_closes_at=starts_at - timedelta(days=7),
            cancellation_deadline=starts_at - timedelta(days=14),
            audience=EventAudience.SIGNED_IN,
            programme=[
                programme_item(
                    "10:00", "10:30", "Velkommen og kaffe", "Programkontoret", day=day_1
                ),
                programme_item(
                    "10:30",
                    "12:00",
                    "Erfaringer fra mentorprosjektet",
                    "Programkontoret",
                    "Hva lærte vi av 42 mentorforhold i 2024–2025? Og hvorfor "
                    "forventningsavklaring og kommunikasjon betyr så mye.",
                    day=day_1,
                ),
                programme_item("12:00", "13:00", "Lunsj", day=day_1),
                programme_item(
                    "13:00",
                    "15:30",
                    "Det psykologiske grunnlaget for et godt mentorforhold",
                    "Psykolog",
                    "Om trygghet, alenearbeid og vakt, og om å be om hjelp. Med øvelser i par.",
                    day=day_1,
                ),
                programme_item(
                    "15:45",
                    "17:00",
                    "Erfaringsdeling i grupper",
                    description="Mentorer og mentees hver for seg: hva fungerer, og hva er "
                    "vanskelig?",
                    day=day_1,
                ),
                programme_item(
                    "19:00",
                    "22:00",
                    "Felles middag og sosialt samvær",
                    day=day_1,
                ),
                programme_item(
                    "09:00",
                    "10:30",
                    "Workshop: forventninger og mål for mentorperioden",
                    "Programkontoret",
                    "Mentor og mentee setter mål sammen og avklarer roller og ansvar.",
                    day=day_2,
                ),
                programme_item(
                    "10:45",
                    "12:00",
                    "Bakvakt, omvendt påsitterpraksis og klinisk kommunikasjon",
                    "Erfaren mentor i produksjonsdyrpraksis",
                    day=day_2,
                ),
                programme_item("12:00", "13:00", "Lunsj", day=day_2),
                programme_item(
                    "13:00",
                    "14:30",
                    "Veien videre og spørsmål om mentorordningen",
                    "Programkontoret",
                    "Søknad, rapport, utbetaling og tilbudet om en time med psykolog.",
                    day=day_2,
                ),
                programme_item("14:30", "15:00", "Oppsummering og evaluering", day=day_2),
            ],
            questions=gathering_questions(),
        ),
    )
