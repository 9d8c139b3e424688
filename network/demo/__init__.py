"""The demo learning networks for `make run`: the 12 municipalities of the
2021–2023 network (seed 003), its seven gatherings, home tasks, and reports in
every state an organiser meets, with measurements for the Sarpsborg team; and
a second, smaller network in Innlandet with its own organiser and advisor
(innlandet.py).

Idempotent like the rest of the demo: pages are looked up by slug, rows with
get_or_create, and a team's work on a task is made only if the team has not
touched that task. Dates are relative to the day the demo is first loaded."""

from datetime import date

from mentornett.accounts.models import User

from ..models import LearningNetworkPage
from .gatherings import GATHERINGS, build_gathering, gathering_days, team_attended
from .home_tasks import build_home_tasks
from .innlandet import INNLANDET_TEAM_PEOPLE, build_innlandet
from .measurements import build_measurements
from .pages import network_page, resource_page
from .teams import (
    ADVISOR_EMAIL,
    HR_EMAIL,
    ORGANISER_EMAIL,
    OSTFOLD_TEAM_PEOPLE,
    add_coordinators,
    add_sarpsborg_members,
    add_staff,
    build_teams,
)
from .teamwork import build_teams_work

# People the network demo adds beyond home.demo.people.DEMO_PEOPLE.
DEMO_TEAM_PEOPLE = OSTFOLD_TEAM_PEOPLE + INNLANDET_TEAM_PEOPLE


def build_network(home, event_index, today: date, *, municipal_guide=None) -> LearningNetworkPage:
    """The demo learning network with its gatherings, staff, teams, home tasks,
    the teams' reports and Sarpsborg's measurements, then the second network.
    Run after the demo people and the event index exist. `municipal_guide`,
    the page that tells municipalities what a learning network is, is linked
    from the network's resources when given (home/demo/ makes it; network may
    not import home)."""
    network = network_page(
        home,
        gathering_days(GATHERINGS[0], today)[0],
        gathering_days(GATHERINGS[-1], today)[-1],
        municipal_guide=municipal_guide,
    )
    gatherings = [build_gathering(event_index, network, spec, today) for spec in GATHERINGS]
    resource_page(network)

    organiser, advisor = add_staff(
        network, organiser_email=ORGANISER_EMAIL, advisor_email=ADVISOR_EMAIL
    )

    teams = build_teams(network, advisor)
    coordinators = add_coordinators(teams)
    sarpsborg = teams["sarpsborg"]
    nurse = coordinators["sarpsborg"]
    members = add_sarpsborg_members(sarpsborg, nurse)
    team_attended(nurse, sarpsborg, gatherings[0], members)

    tasks = build_home_tasks(network, gatherings)
    build_teams_work(teams, coordinators, tasks, gatherings, organiser)
    build_measurements(sarpsborg, User.objects.get(email=HR_EMAIL), today)
    build_innlandet(home, event_index, today)
    return network
