"""Five regional learning networks, each with the demo network's seven
gatherings and its first eight home tasks. The networks are at different
stages: the first is nearly over, the last has just begun."""

from dataclasses import dataclass
from datetime import timedelta

from events.demo.questions import gathering_questions
from events.models import EventAudience, EventKind, EventPage
from mentornett.demo import at
from network.demo.gatherings import GATHERINGS, dated_programme, gathering_days
from network.demo.home_tasks import TASKS
from network.demo.pages import AGREEMENT_TEXT, MEMBERS_BODY, RESOURCE_BODY, build_network_index
from network.models import HomeTask, LearningNetworkPage, NetworkResourcePage

from .base import bulk, place, stable_stream


@dataclass(frozen=True)
class Region:
    name: str
    slug: str
    counties: tuple
    # How many days before the reference day the network's timeline began.
    shift: int
    # The network page's title, before its years.
    title: str = ""

    @property
    def network_title(self) -> str:
        return self.title or f"Læringsnettverk {self.name}"

    @property
    def page_slug(self) -> str:
        return f"laeringsnettverk-{self.slug}"


REGIONS = [
    Region("Nord-Norge", "nord", ("Nordland", "Troms", "Finnmark"), 620),
    Region("Midt-Norge", "midt", ("Trøndelag", "Møre og Romsdal"), 450),
    Region("Vestlandet", "vest", ("Vestland", "Rogaland"), 300),
    Region("Sør-Øst", "sor-ost", ("Agder", "Telemark", "Vestfold", "Buskerud"), 150),
    Region("Østlandet", "ost", ("Innlandet", "Akershus", "Oslo", "Østfold"), 0),
]


@dataclass
class Network:
    region: Region
    page: LearningNetworkPage
    gatherings: list  # EventPage, in time order
    tasks: list  # HomeTask, in deadline order

    @property
    def pk(self):
        return self.page.pk


def _intro(region: Region) -> str:
    return (
        f"<p>Kommuner i {region.name} bygger sammen et mentorprogram for nyansatte sykepleiere "
        "og vernepleiere, og lærer av hverandre underveis.</p>"
        "<ul><li>Omtrent to år med sju samlinger, fysiske og digitale.</li>"
        "<li>Mellom samlingene gjør teamene hjemmeoppgaver og sender statusrapport og "
        "fremdriftsplan.</li>"
        "<li>Hvert team har en rådgiver fra prosjektgruppen.</li></ul>"
    )


def _gathering(ctx, index, network, region, spec, team_count) -> EventPage:
    days = gathering_days(spec, ctx.today - timedelta(days=region.shift))
    key = f"{region.slug}:gathering:{spec.number}"
    fields = {
        "title": f"{region.name}, samling {spec.number}: {spec.name}",
        "slug": f"{region.slug}-samling-{spec.number}",
        "intro": spec.intro,
        "theme": spec.theme,
        "body": stable_stream(EventPage, "body", [("markdown", spec.body)], key + ":body"),
        "audience": EventAudience.NETWORK,
        "network": network,
        "programme": stable_stream(
            EventPage, "programme", dated_programme(spec.programme, days), key + ":programme"
        ),
    }
    if spec.is_physical:
        starts_at = at(days[0], 10)
        page = EventPage(
            **fields,
            kind=EventKind.GATHERING,
            starts_at=starts_at,
            ends_at=at(days[1], 14, 30),
            venue=spec.venue,
            address=spec.address,
            # Two or three from each team, as at the demo network's gatherings.
            capacity=ctx.plan.places(max(60, 3 * team_count)),
            registration_closes_at=starts_at - timedelta(days=7),
            cancellation_deadline=starts_at - timedelta(days=14),
            questions=stable_stream(
                EventPage, "questions", gathering_questions(), key + ":questions"
            ),
        )
    else:
        hour, minute = (int(part) for part in spec.ends.split(":"))
        code = f"67{region.shift:04d}{spec.number:03d}"
        page = EventPage(
            **fields,
            kind=EventKind.DIGITAL_MEETING,
            starts_at=at(days[0], 9),
            ends_at=at(days[0], hour, minute),
            meeting_url=f"https://zoom.example.no/j/{code}",
            meeting_details=f"Møte-ID: {code} · Passord: samling{spec.number}",
        )
    return place(index, page, at=min(page.starts_at - timedelta(days=90), ctx.now))


def build_networks(
    ctx, home, event_index, team_counts: list[int], *, regions=None
) -> list[Network]:
    """A network per region, the plan's regional ones unless `regions` are given."""
    index = build_network_index(home)
    regions = REGIONS[: ctx.plan.networks] if regions is None else regions
    networks = []
    for region, team_count in zip(regions, team_counts, strict=True):
        first = gathering_days(GATHERINGS[0], ctx.today - timedelta(days=region.shift))[0]
        last = gathering_days(GATHERINGS[-1], ctx.today - timedelta(days=region.shift))[-1]
        starts_on, ends_on = first - timedelta(days=30), last + timedelta(days=30)
        page = place(
            index,
            LearningNetworkPage(
                title=f"{region.network_title} {starts_on.year}–{ends_on.year}",
                slug=region.page_slug,
                intro=_intro(region),
                starts_on=starts_on,
                ends_on=ends_on,
                agreement_text=AGREEMENT_TEXT,
                members_body=stable_stream(
                    LearningNetworkPage, "members_body", MEMBERS_BODY, f"{region.slug}:members"
                ),
            ),
            at=min(ctx.at(starts_on, 9) - timedelta(days=60), ctx.now),
        )
        place(
            page,
            NetworkResourcePage(
                title="Fra samlingene",
                slug="fra-samlingene",
                lead="Oppsummeringer, åpen skjerm og hva dere gjør før neste samling.",
                body=stable_stream(
                    NetworkResourcePage, "body", RESOURCE_BODY, f"{region.slug}:resources"
                ),
            ),
            at=min(ctx.at(starts_on, 9), ctx.now),
        )
        gatherings = [
            _gathering(ctx, event_index, page, region, spec, team_count)
            for spec in GATHERINGS[: ctx.plan.gatherings_per_network]
        ]
        tasks = bulk(
            HomeTask,
            [
                HomeTask(
                    network=page,
                    gathering=gatherings[spec.gathering - 1],
                    title=spec.title,
                    kind=spec.kind,
                    days_before=spec.days_before,
                    instructions=spec.instructions,
                )
                for spec in TASKS[: ctx.plan.tasks_per_network]
            ],
        )
        tasks.sort(key=lambda task: task.deadline)
        networks.append(Network(region, page, gatherings, tasks))
    return networks
