"""The events outside the learning networks: the mentor training's webinar
series, open webinars, digital meetings for mentees and physical gatherings,
spread over the last eighteen months and the next six."""

from datetime import timedelta

from django.utils.text import slugify

from events.demo.programme import programme_item
from events.demo.questions import gathering_questions, text_question
from events.demo.webinars import (
    SERIES_NAME,
    WEBINAR_INTRO,
    WEBINARS,
    webinar_body,
    webinar_programme,
)
from events.models import EventAudience, EventKind, EventPage, EventSchedule, EventSeries
from mentornett.demo import at, weekday

from .base import bulk, explicit_timestamps, place, stable_stream

SERIES, WEBINAR, MENTEE_MEETING, GATHERING = "series", "webinar", "mentee_meeting", "gathering"

WEBINAR_TOPICS = [
    "Bakvakt og alenearbeid – hvordan får vi det til?",
    "Forventningsavklaring i mentorforholdet",
    "Slik søker dere mentorordningen",
    "Kalvingssesongen: erfaringer fra distriktspraksis",
    "Psykisk helse og vaktbelastning",
    "Nyutdannet i distriktet: spørsmål og svar",
    "Mentorprogram for nyansatte sykepleiere",
    "Å beholde helsepersonell i kommunen",
    "Smittevern i fjøset",
    "Journalføring som hjelper neste vakt",
]
MENTEE_TOPICS = [
    "spørsmål om midlertidig lisens",
    "den første vakten alene",
    "praksisstipend, bostøtte og reisestøtte",
    "å finne en mentor",
]
GATHERING_PLACES = [
    ("Gardermoen Kurs- og konferansehotell", "Tunvegen 12, 2060 Gardermoen"),
    ("Bodø kulturhus", "Storgata 1, 8006 Bodø"),
    ("Hamar kulturhus", "Vangsvegen 43, 2317 Hamar"),
    ("Steinkjer kulturhus", "Kongens gate 28, 7713 Steinkjer"),
    ("Førde kulturhus", "Hafstadvegen 23, 6800 Førde"),
    ("Tromsø kulturhus", "Grønnegata 87, 9008 Tromsø"),
]
SHARE = {SERIES: 0.3, WEBINAR: 0.3, MENTEE_MEETING: 0.2, GATHERING: 0.2}


def _body(text):
    return [("markdown", text)]


def _series_session(ctx, number, series_number, series, day):
    spec = WEBINARS[number % len(WEBINARS)]
    session = number % len(WEBINARS) + 1
    code = f"{series_number:04d}{session}"
    return {
        "title": spec["title"],
        "slug": f"{spec['slug']}-{series_number}",
        "kind": EventKind.WEBINAR,
        "intro": f"Webinar {session} av 3. {WEBINAR_INTRO}",
        "body": webinar_body(),
        "starts_at": at(day, 9),
        "ends_at": at(day, 12),
        "meeting_url": f"https://zoom.example.no/j/641{code}",
        "meeting_details": f"Møte-ID: 641 {code} · Passord: mentor{session}",
        "capacity": ctx.plan.places(24),
        "audience": EventAudience.MENTORS,
        "series": series,
        "programme": webinar_programme(spec),
        "questions": [text_question("Hva ønsker du å øve på?")],
    }


def _webinar(ctx, rng, number, day):
    topic = WEBINAR_TOPICS[number % len(WEBINAR_TOPICS)]
    capacity = rng.choice((None, None, 100, 150))
    capacity = capacity and ctx.plan.places(capacity)
    return {
        "title": f"Webinar: {topic}",
        "slug": f"{slugify(topic)}-{number}",
        "kind": EventKind.WEBINAR,
        "intro": f"Et åpent webinar om {topic[0].lower() + topic[1:]}",
        "body": _body("Webinaret varer i halvannen time, med spørsmål og svar til slutt."),
        "starts_at": at(day, 14),
        "ends_at": at(day, 15, 30),
        "meeting_url": f"https://zoom.example.no/j/642{number:05d}",
        "capacity": capacity,
        "audience": rng.choice((EventAudience.SIGNED_IN, EventAudience.MENTORS)),
        "programme": [
            programme_item("14:00", "14:45", topic, "Programkontoret"),
            programme_item("14:45", "15:30", "Spørsmål og svar"),
        ],
    }


def _mentee_meeting(ctx, rng, number, day):
    topic = MENTEE_TOPICS[number % len(MENTEE_TOPICS)]
    return {
        "title": f"Åpent digitalt møte for mentees: {topic}",
        "slug": f"apent-mote-{slugify(topic)}-{number}",
        "kind": EventKind.DIGITAL_MEETING,
        "intro": "Programkontoret svarer på spørsmål. Møtet er uformelt.",
        "body": _body("Ta med spørsmålene dine, eller send dem når du melder deg på."),
        "starts_at": at(day, 19),
        "ends_at": at(day, 20, 30),
        "meeting_url": f"https://zoom.example.no/j/652{number:05d}",
        "capacity": rng.choice((None, ctx.plan.places(40))),
        "audience": EventAudience.MENTEES,
        "questions": [text_question("Har du spørsmål du vil vi skal ta opp?")],
    }


def _gathering(ctx, rng, number, day):
    venue, address = GATHERING_PLACES[number % len(GATHERING_PLACES)]
    day = weekday(day, last=3)
    starts_at = at(day, 10)
    return {
        "title": f"Samling for mentorer og mentees: {venue.split()[0]}",
        "slug": f"samling-{slugify(venue)}-{number}",
        "kind": EventKind.GATHERING,
        "intro": "To dager med erfaringsdeling, nettverksbygging og faglig påfyll.",
        "body": _body("Mentorordningen dekker overnatting og middag."),
        "starts_at": starts_at,
        "ends_at": at(day + timedelta(days=1), 15),
        "venue": venue,
        "address": address,
        "capacity": ctx.plan.places(rng.choice((40, 60, 80))),
        "registration_closes_at": starts_at - timedelta(days=7),
        "cancellation_deadline": starts_at - timedelta(days=14),
        "audience": EventAudience.SIGNED_IN,
        "questions": gathering_questions(),
    }


def _kinds(count: int) -> list[str]:
    """How many of each kind, as close to SHARE as whole numbers allow."""
    series_sessions = 3 * max(1, round(count * SHARE[SERIES] / 3))
    rest = count - series_sessions
    webinars = round(rest * SHARE[WEBINAR] / (1 - SHARE[SERIES]))
    meetings = round(rest * SHARE[MENTEE_MEETING] / (1 - SHARE[SERIES]))
    gatherings = rest - webinars - meetings
    return (
        [SERIES] * series_sessions
        + [WEBINAR] * webinars
        + [MENTEE_MEETING] * meetings
        + [GATHERING] * gatherings
    )


def build_events(ctx, event_index, count: int) -> list[EventPage]:
    rng = ctx.rng("event-pages")
    built = []
    series = None
    for number, kind in enumerate(_kinds(count)):
        if kind == SERIES:
            session = number % 3
            if session == 0:
                series_number = number // 3 + 1
                series = EventSeries.objects.create(
                    name=f"{SERIES_NAME} ({series_number})",
                    description="Tre webinarer der mentorer øver på veiledning i små grupper.",
                )
                first_day = ctx.today + timedelta(days=rng.randint(-540, 150))
            day = weekday(first_day + timedelta(days=14 * session))
            fields = _series_session(ctx, session, series_number, series, day)
        else:
            day = weekday(ctx.today + timedelta(days=rng.randint(-540, 180)))
            build = {WEBINAR: _webinar, MENTEE_MEETING: _mentee_meeting, GATHERING: _gathering}
            fields = build[kind](ctx, rng, number, day)
        key = f"event:{fields['slug']}"
        for name in ("body", "programme", "questions"):
            if name in fields:
                fields[name] = stable_stream(EventPage, name, fields[name], f"{key}:{name}")
        page = EventPage(**fields)
        published = min(page.starts_at - timedelta(days=rng.randint(30, 120)), ctx.now)
        built.append(place(event_index, page, at=published))
    return built


def record_schedules(ctx, events):
    """What events.services.record_published keeps for a published event:
    the calendar SEQUENCE and what registrants were told."""
    with explicit_timestamps(EventSchedule):
        bulk(
            EventSchedule,
            [
                EventSchedule(
                    event=event,
                    fingerprint=event.place_fingerprint(),
                    updated_at=event.first_published_at,
                )
                for event in events
            ],
        )
