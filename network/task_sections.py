"""The sections a team writes for each kind of home task. Section keys are
stored in submissions, so a key is never renamed; titles and prompts may be.

The final report follows the network's template (DOMAIN.md, seed 003,
appendix 3); the status report and progress plan follow what the project group
asked teams to send before each gathering."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import ResponseKind


@dataclass(frozen=True)
class Section:
    key: str
    title: str | Promise
    prompts: tuple = ()


STATUS_REPORT = (
    Section(
        "done",
        _("What has the team done since the last gathering?"),
        (_("Home tasks and activities"), _("Meetings with leaders, staff and union reps")),
    ),
    Section("worked", _("What has worked well?")),
    Section("challenges", _("What challenges have you met, and how did you handle them?")),
    Section(
        "measurements",
        _("Measurements so far"),
        (_("What you measure, with before and now figures"),),
    ),
    Section("help", _("What would you like help with, or to discuss at the gathering?")),
)

PROGRESS_PLAN = (
    Section("goal", _("What will the team have achieved by the next gathering?")),
    Section(
        "activities",
        _("Activities"),
        (_("What will be done, by whom and by when"),),
    ),
    Section("anchoring", _("Who must be involved or informed?")),
    Section("on_track", _("How will you know you are on track?")),
)

FINAL_REPORT = (
    Section(
        "introduction",
        _("Introduction"),
        (
            _("The municipality and how its health and care services are organised"),
            _("Its challenges in recruiting and keeping staff when the network started"),
            _("Why the municipality wanted to take part"),
            _("The two most important results of the work with the mentor programme"),
            _("How the municipality rates the value of taking part in the network"),
        ),
    ),
    Section("goals", _("Goals"), (_("Effect goal"), _("Result goal"), _("Sub-goals, if any"))),
    Section(
        "organisation",
        _("Project organisation in the municipality"),
        (
            _("Administrative and political anchoring"),
            _("Anchoring among staff and union representatives"),
            _("The project group and its activity"),
        ),
    ),
    Section(
        "activity",
        _("Activity"),
        (
            _("Piloting"),
            _("Mentor competence"),
            _("Spread and implementation"),
            _("Other activities"),
        ),
    ),
    Section(
        "results",
        _("Results"),
        (_("What was measured"), _("What the results are")),
    ),
    Section(
        "way_forward",
        _("The way forward"),
        (
            _("Short-term plans for the mentor programme in the municipality"),
            _("Long-term plans for the mentor programme in the municipality"),
        ),
    ),
)

FREE_TEXT = (Section("answer", _("Your answer")),)
FILE_NOTE = (Section("note", _("A few words about the file")),)

SECTIONS = {
    ResponseKind.STATUS_REPORT: STATUS_REPORT,
    ResponseKind.PROGRESS_PLAN: PROGRESS_PLAN,
    ResponseKind.FINAL_REPORT: FINAL_REPORT,
    ResponseKind.FREE_TEXT: FREE_TEXT,
    ResponseKind.FILE: FILE_NOTE,
}

# Longest text a section takes: far more than any report needs, small enough
# that a pasted novel cannot fill the database.
SECTION_MAX_LENGTH = 20_000


def sections_for(kind: str) -> tuple[Section, ...]:
    return SECTIONS[kind]


def section_keys(kind: str) -> list[str]:
    return [section.key for section in SECTIONS[kind]]
