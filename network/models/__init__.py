"""Learning networks (municipalities, teams, agreements, home tasks and
measurements) and the mentor scheme (rules, applications)."""

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
from .scheme import (
    Application,
    ApplicationEvent,
    ApplicationGuide,
    ApplicationInvitation,
    ApplicationStatus,
    MentorCriterion,
    SchemeRole,
)
from .scheme_page import SchemePage
from .scheme_rules import (
    CourseFeeKind,
    CourseFeeRule,
    RelationshipKind,
    RelationshipRule,
    SchemeRules,
)

__all__ = [
    "Application",
    "ApplicationEvent",
    "ApplicationGuide",
    "ApplicationInvitation",
    "ApplicationStatus",
    "MentorCriterion",
    "SchemePage",
    "SchemeRole",
    "CourseFeeKind",
    "CourseFeeRule",
    "RelationshipKind",
    "RelationshipRule",
    "SchemeRules",
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
