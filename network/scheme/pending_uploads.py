"""Files a person chose on a form that was refused for another reason (a claim
over the cap, a date in the future), kept so that they need not choose them
again. A kept file lies in private storage under an unguessable name that only
the person's own session knows, for one form of one application; nobody can
download it. Sending the form uses it and removes it; anything left behind is
removed after KEEP_HOURS by the retention rules (network/scheme/retention.py)."""

import uuid
from datetime import UTC, datetime, timedelta

from django.core.files import File
from django.utils import timezone

from mentornett.uploads import FileKind, private_storage

PREFIX = "pending"
KEEP_HOURS = 24
SESSION_KEY = "scheme_pending_uploads"
_STAMP = "%Y%m%d%H%M%S"


def _key(application_id: int, field: str) -> str:
    return f"{application_id}:{field}"


def _entries(session) -> dict:
    return session.get(SESSION_KEY) or {}


def _entry(session, *, user, application_id: int, field: str) -> dict | None:
    entry = _entries(session).get(_key(application_id, field))
    if not entry or entry.get("user") != user.pk:
        return None
    return entry


def kept(session, *, user, application_id: int, fields) -> dict[str, str]:
    """The kept files of this form, as field → the name the person chose."""
    names = {}
    for field in fields:
        entry = _entry(session, user=user, application_id=application_id, field=field)
        if entry and private_storage().exists(entry["path"]):
            names[field] = entry["name"]
    return names


def keep(session, *, user, application_id: int, field: str, file) -> None:
    """Keep `file` (already checked by the form) in place of any earlier one."""
    discard(session, application_id=application_id, fields=[field])
    kind = FileKind.from_name(file.name)
    stamp = timezone.now().astimezone(UTC).strftime(_STAMP)
    name = f"{PREFIX}/{stamp}-{uuid.uuid4().hex}.{kind.extension if kind else 'bin'}"
    path = private_storage().save(name, file)
    entries = _entries(session)
    entries[_key(application_id, field)] = {"path": path, "name": file.name, "user": user.pk}
    session[SESSION_KEY] = entries


def open_kept(session, *, user, application_id: int, field: str) -> File | None:
    """The kept file, open for reading, named as the person named it; the
    caller closes it."""
    entry = _entry(session, user=user, application_id=application_id, field=field)
    if entry is None or not private_storage().exists(entry["path"]):
        return None
    return File(private_storage().open(entry["path"], "rb"), name=entry["name"])


def discard(session, *, application_id: int, fields) -> None:
    entries = _entries(session)
    for field in fields:
        entry = entries.pop(_key(application_id, field), None)
        if entry:
            private_storage().delete(entry["path"])
    session[SESSION_KEY] = entries


def purge(*, before: datetime) -> int:
    """Remove kept files stored before `before`; how many were removed."""
    storage = private_storage()
    try:
        _dirs, names = storage.listdir(PREFIX)
    except FileNotFoundError:
        return 0
    removed = 0
    limit = before.astimezone(UTC).strftime(_STAMP)
    for name in names:
        stamp = name.partition("-")[0]
        # Stamps sort as text; anything not named here is not ours to judge.
        if len(stamp) == len(limit) and stamp.isdigit() and stamp < limit:
            storage.delete(f"{PREFIX}/{name}")
            removed += 1
    return removed


def keep_window(now: datetime) -> datetime:
    return now - timedelta(hours=KEEP_HOURS)
