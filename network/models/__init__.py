"""Learning networks: municipalities, teams, agreements, home tasks and
measurements. (The mentor scheme's models will join them here.)"""

from .agreements import CollaborationAgreement
from .hometasks import (
    PROGRESS_LEVEL_MEANING,
    CommentVisibility,
    HomeTask,
    ProgressLevel,
    ProgressScore,
    ReminderKind,
    ResponseKind,
    Submission,
    SubmissionComment,
    SubmissionStatus,
    SubmissionVersion,
    TaskReminder,
)
from .measurements import Better, Indicator, Measurement, TeamMilestone
from .networks import (
    LearningNetworkPage,
    Municipality,
    NetworkIndexPage,
    NetworkStaff,
    NetworkStaffRole,
    Team,
    TeamInvitation,
    TeamMembership,
    TeamRole,
)

__all__ = [
    "PROGRESS_LEVEL_MEANING",
    "Better",
    "CollaborationAgreement",
    "CommentVisibility",
    "HomeTask",
    "Indicator",
    "LearningNetworkPage",
    "Measurement",
    "Municipality",
    "NetworkIndexPage",
    "NetworkStaff",
    "NetworkStaffRole",
    "ProgressLevel",
    "ProgressScore",
    "ReminderKind",
    "ResponseKind",
    "Submission",
    "SubmissionComment",
    "SubmissionStatus",
    "SubmissionVersion",
    "TaskReminder",
    "Team",
    "TeamInvitation",
    "TeamMembership",
    "TeamMilestone",
    "TeamRole",
]
