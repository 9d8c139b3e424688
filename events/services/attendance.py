from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentornett.audit.services import AuditAction, current_actor, record

from ..errors import RegistrationError
from ..models import Attendance, Registration


@transaction.atomic
def mark_attendance(*, registration: Registration, attendance: str) -> Registration:
    """Check a confirmed participant in, or record that they did not come."""
    if attendance not in Attendance.values:
        raise RegistrationError(_("Choose “Attended” or “Did not come”."), code="attendance")
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_confirmed:
        raise RegistrationError(
            _("Only confirmed participants can be checked in."), code="not_confirmed"
        )
    previous, registration.attendance = registration.attendance, attendance
    registration.attendance_marked_at = timezone.now()
    registration.save(update_fields=["attendance", "attendance_marked_at"])
    record(
        AuditAction.ATTENDANCE_MARKED,
        actor=current_actor(),
        target=registration,
        subject=registration.person_id,
        label=registration.event_title,
        changes={"attendance": [previous or None, attendance]},
    )
    return registration
