"""How many of everything a build makes at a given scale. Counts scale
linearly, except what a real deployment has a fixed number of: the
municipalities, the learning networks with their home tasks and gatherings,
and the course catalogue. Finn mentor's mentors are people of their own:
`people`, `certificates` and `completions` count the participants' only."""

from dataclasses import dataclass

MUNICIPALITIES = 357
NETWORKS = 5
TASKS_PER_NETWORK = 8
GATHERINGS_PER_NETWORK = 7
COURSES = 20
LESSONS_PER_MODULE = 6
MIN_LESSONS = 6
FULL_SCALE_PER_EVENT = 20_000 / 300


@dataclass(frozen=True)
class Plan:
    scale: float
    teams: int
    people: int
    lessons_per_course: int
    modules_per_course: int
    completions: int
    certificates: int
    events: int
    registrations: int
    applications: int
    heavy_people: int
    # Finn mentor: listed mentors (vets of their own, each with a mentor
    # course certificate), searches published by participants, and
    # municipalities with a profile and needs.
    finn_mentors: int
    finn_searches: int
    finn_municipalities: int

    networks: int = NETWORKS
    tasks_per_network: int = TASKS_PER_NETWORK
    gatherings_per_network: int = GATHERINGS_PER_NETWORK
    courses: int = COURSES

    @property
    def gatherings(self) -> int:
        return self.networks * self.gatherings_per_network

    @property
    def lessons(self) -> int:
        return self.courses * self.lessons_per_course

    def places(self, full_scale: int) -> int:
        """An event's capacity, scaled like the registrations per event, so
        that a small dataset still has full events with waitlists."""
        per_event = self.registrations / self.events
        return max(2, round(full_scale * min(1.0, per_event / FULL_SCALE_PER_EVENT)))


def plan_for(scale: float) -> Plan:
    if scale <= 0:
        raise ValueError("The scale must be above 0.")
    lessons = max(MIN_LESSONS, round(30 * scale))
    people = max(40, round(6000 * scale))
    certificates = max(10, round(3000 * scale))
    return Plan(
        scale=scale,
        teams=min(MUNICIPALITIES, max(NETWORKS, round(MUNICIPALITIES * scale))),
        people=people,
        lessons_per_course=lessons,
        modules_per_course=max(2, round(lessons / LESSONS_PER_MODULE)),
        # Every certificate stands for a completed course; the rest are partial.
        completions=max(round(certificates * lessons * 1.5), round(150_000 * scale)),
        certificates=certificates,
        # The networks' gatherings are always there; the other events scale.
        events=NETWORKS * GATHERINGS_PER_NETWORK + max(5, round(265 * scale)),
        registrations=max(100, round(20_000 * scale)),
        applications=max(22, round(3000 * scale)),
        heavy_people=max(3, round(people / 200)),
        finn_mentors=max(30, round(3000 * scale)),
        finn_searches=max(10, round(300 * scale)),
        finn_municipalities=min(MUNICIPALITIES, max(5, round(60 * scale))),
    )
