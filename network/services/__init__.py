"""Every change to learning-network state goes through these functions."""

from .agreements import (
    agreement_for,
    countersign,
    render_agreement_pdf,
    sign_as_coordinator,
    sign_as_leader,
    upload_scan,
)
from .event_registration import register_team_members
from .final_report import prefilled_content, render_final_report_pdf
from .measurements import add_indicator, add_milestone, delete_value, record_value
from .municipalities import DEFAULT_MUNICIPALITIES_CSV, ImportResult, import_municipalities
from .reminders import run_network_reminders, send_advisor_digests, send_task_reminders
from .submissions import (
    Conflict,
    SaveResult,
    add_comment,
    attach_file,
    give_progress_score,
    mark_read,
    open_submission,
    return_for_changes,
    save_and_send,
    save_draft,
    set_shared,
    submit,
)
from .teams import (
    accept_invitation,
    assign_advisor,
    invitation_from_token,
    invitation_token,
    invite_member,
    remove_member,
    revoke_invitation,
)

__all__ = [
    "DEFAULT_MUNICIPALITIES_CSV",
    "Conflict",
    "ImportResult",
    "SaveResult",
    "accept_invitation",
    "add_comment",
    "add_indicator",
    "add_milestone",
    "agreement_for",
    "assign_advisor",
    "attach_file",
    "countersign",
    "delete_value",
    "give_progress_score",
    "import_municipalities",
    "invitation_from_token",
    "invitation_token",
    "invite_member",
    "mark_read",
    "open_submission",
    "prefilled_content",
    "record_value",
    "register_team_members",
    "remove_member",
    "render_agreement_pdf",
    "render_final_report_pdf",
    "return_for_changes",
    "revoke_invitation",
    "run_network_reminders",
    "save_and_send",
    "save_draft",
    "send_advisor_digests",
    "send_task_reminders",
    "set_shared",
    "sign_as_coordinator",
    "sign_as_leader",
    "submit",
    "upload_scan",
]
