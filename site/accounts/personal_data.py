"""Everything the site holds about one person: the export ("My data") and the
erasure ("Delete my account").

Each app says what it holds in its own `personal_data` module, listed in
SECTIONS:

    export(user) -> dict                      # JSON-ready, a fixed number of queries
    files(user) -> iterable of (name, file)   # uploads, put under files/ in the zip
    erase(user) -> None                       # anonymise in place, inside a transaction
    blocks_erasure(user) -> str | None        # optional: why the person may not delete

An erased account is anonymised, never deleted: every foreign key, count and
amount stays as it was, only the person can no longer be found in it.
This module is the account's own section as well as the orchestrator.
"""

import datetime
import decimal
import io
import json
import secrets
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mentornett.mail import Message, send_to_person

from .models import Profile

# The name an erased account shows wherever a name was shown: a stored value,
# like the names it replaces, so it reads the same in exports and reports.
DELETED_NAME = "Slettet bruker"
DELETED_EMAIL_DOMAIN = "slettet.invalid"  # .invalid is reserved: never deliverable

SECTIONS = [
    ("account", "mentornett.accounts.personal_data"),
    ("courses", "courses.personal_data"),
    ("events", "events.personal_data"),
    ("network", "network.personal_data"),
]
AUDIT_APP = "mentornett.audit"


class PersonalDataError(ValidationError):
    pass


@dataclass(frozen=True)
class Section:
    key: str
    module: object


def sections() -> list[Section]:
    return [Section(key, import_module(path)) for key, path in SECTIONS]


def is_deleted(user) -> bool:
    return user.anonymised_at is not None


def placeholder_email(user) -> str:
    return f"slettet-{user.pk}-{secrets.token_hex(4)}@{DELETED_EMAIL_DOMAIN}"


def email_addresses(user) -> list[str]:
    """Every address the person has or had confirmed, lower-cased: rows that
    name a person only by address (invitations) are found by these."""
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()}
    addresses.update(
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return sorted(addresses)


def matching_addresses(field: str, addresses: list[str]) -> models.Q:
    condition = models.Q()
    for address in addresses:
        condition |= models.Q(**{f"{field}__iexact": address})
    return condition


def safe_file_name(name: str, default: str) -> str:
    """The last part of an uploaded file's name, for a name inside the zip."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name or default


# --- the account's own section -------------------------------------------------------------


def export(user) -> dict:
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount

    profile = (
        Profile.objects.filter(user=user)
        .values(
            "profession",
            "has_norwegian_authorisation",
            "authorisation_year",
            "practice_years",
            "study_place",
            "home_municipality__name",
            "wants_to_be_mentor",
            "updated_at",
        )
        .first()
    )
    return {
        "user": {
            "email": user.email,
            "full_name": user.full_name,
            "phone": user.phone,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
        },
        "profile": profile,
        "email_addresses": list(
            EmailAddress.objects.filter(user=user)
            .order_by("pk")
            .values("email", "verified", "primary")
        ),
        "social_accounts": list(
            SocialAccount.objects.filter(user=user)
            .order_by("pk")
            .values("provider", "uid", "date_joined", "last_login")
        ),
        "sign_ins": [
            row
            for model in _login_log_models()
            for row in model.objects.filter(username__iexact=user.email)
            .order_by("attempt_time")
            .values("attempt_time", "ip_address", "user_agent")
        ],
    }


def _login_log_models():
    """django-axes' logs of sign-ins and failed attempts, when it is installed."""
    if not apps.is_installed("axes"):
        return []
    return [
        apps.get_model("axes", name) for name in ("AccessAttempt", "AccessLog", "AccessFailureLog")
    ]


def files(user):
    return []


def erase(user) -> None:
    from allauth.account.models import EmailAddress
    from allauth.socialaccount.models import SocialAccount

    for model in _login_log_models():
        model.objects.filter(username__iexact=user.email).delete()
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()  # its tokens go with it (cascade)
    Profile.objects.filter(user=user).update(
        profession="",
        has_norwegian_authorisation=False,
        authorisation_year=None,
        practice_years=None,
        study_place="",
        home_municipality=None,
        wants_to_be_mentor=False,
    )
    _erase_wagtail_profile(user)
    user.full_name = DELETED_NAME
    user.email = placeholder_email(user)
    user.phone = ""
    user.is_active = False
    user.set_unusable_password()  # also invalidates every session's auth hash
    user.anonymised_at = timezone.now()
    user.save()


def _erase_wagtail_profile(user) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return
    if profile.avatar:
        avatar = profile.avatar
        transaction.on_commit(lambda: avatar.storage.delete(avatar.name))
    profile.delete()


# --- audit entries (the audit app is optional; it is never changed here) -------------------


def _audit_export(user) -> list[dict]:
    """Rows of the audit app's models that point at the person, read-only."""
    config = next((c for c in apps.get_app_configs() if c.name == AUDIT_APP), None)
    if config is None:
        return []
    user_model = get_user_model()
    rows = []
    for model in config.get_models():
        links = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.ForeignKey) and field.related_model is user_model
        ]
        if not links:
            continue
        condition = models.Q()
        for name in links:
            condition |= models.Q(**{name: user.pk})
        names = [field.attname for field in model._meta.concrete_fields]
        for row in model._default_manager.filter(condition).order_by("pk").values(*names):
            rows.append({"kind": model._meta.model_name, **row})
    return rows


# --- the export ----------------------------------------------------------------------------


class _Encoder(json.JSONEncoder):
    def default(self, value):
        if isinstance(value, datetime.datetime | datetime.date | datetime.time):
            return value.isoformat()
        if isinstance(value, decimal.Decimal | uuid.UUID):
            return str(value)
        if isinstance(value, models.Choices):
            return value.value
        return super().default(value)


def collect(user) -> dict:
    data = {
        "format": "mentornett-personal-data/1",
        "exported_at": timezone.now(),
    }
    for section in sections():
        data[section.key] = section.module.export(user)
    data["audit"] = _audit_export(user)
    return data


def export_name(user) -> str:
    return f"mentornett-mine-data-{timezone.localdate():%Y-%m-%d}.zip"


def build_export(user):
    """The person's data as a zip in a temporary file, positioned at the start:
    data.json, README.txt in their language, and files/… with their uploads.
    The file is deleted when closed."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with (
            archive.open("data.json", "w") as raw,
            io.TextIOWrapper(raw, encoding="utf-8") as text,
        ):
            json.dump(collect(user), text, cls=_Encoder, ensure_ascii=False, indent=2)
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            archive.writestr("README.txt", render_to_string("accounts/personal_data_readme.txt"))
        seen = set()
        for section in sections():
            for name, field_file in section.module.files(user):
                name = _unique(f"files/{section.key}/{name}", seen)
                try:
                    with field_file.open("rb") as source, archive.open(name, "w") as target:
                        while chunk := source.read(1024 * 1024):
                            target.write(chunk)
                except FileNotFoundError:
                    continue  # the row outlived its file; the JSON still describes it
    handle.seek(0)
    return handle


def _unique(name: str, seen: set) -> str:
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    candidate, number = name, 1
    while candidate in seen:
        number += 1
        candidate = f"{stem}-{number}.{extension}" if extension else f"{stem}-{number}"
    seen.add(candidate)
    return candidate


# --- the erasure ---------------------------------------------------------------------------


def erasure_refusal(user) -> PersonalDataError | None:
    if user.is_staff or user.is_superuser or user.groups.exists():
        return PersonalDataError(
            _(
                "Staff accounts cannot be deleted here. Ask an administrator to remove your "
                "staff roles and delete the account."
            ),
            code="staff",
        )
    for section in sections():
        refusal = getattr(section.module, "blocks_erasure", None)
        problem = refusal(user) if refusal else None
        if problem:
            return PersonalDataError(problem, code="staff")
    return None


def erase_account(*, user) -> None:
    """Anonymise the person's account now. Idempotent: a second call does nothing."""
    problem = erasure_refusal(user)
    if problem is not None:
        raise problem
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model.objects.select_for_update().get(pk=user.pk)
        if is_deleted(user):
            return
        _send_confirmation(user)
        # The apps first: they look the person up by name and e-mail, which the
        # account's own section then replaces.
        for section in reversed(sections()):
            section.module.erase(user)
        end_sessions(user)


def _send_confirmation(user) -> None:
    def compose():
        return Message(
            subject=_("Your account is deleted"),
            paragraphs=[
                _(
                    "Your account on Mentornett has been deleted as you asked. Your name, "
                    "e-mail address, profile and what you wrote for yourself are gone, and "
                    "you can no longer sign in."
                ),
                _(
                    "Records the law requires us to keep – claims, receipts and payouts in "
                    "the mentor scheme (the Bookkeeping Act, five years), decided "
                    "applications, and the administration's log – are kept without your name."
                ),
                _("If you did not ask for this, contact us at once by answering this e-mail."),
            ],
        )

    # Composed now, while the account still has its name and address.
    send_to_person(user, compose, language=user.preferred_language or settings.LANGUAGE_CODE)


def end_sessions(user) -> None:
    """Delete the person's stored sessions. The unusable password already makes
    every one of them invalid; this removes them. Sessions are not indexed by
    user, so they are read in batches: erasure is rare and may take a moment."""
    engine = import_module(settings.SESSION_ENGINE)
    if not settings.SESSION_ENGINE.endswith(("db", "cached_db")):
        return
    user_id = str(user.pk)
    store = engine.SessionStore()
    doomed = []
    rows = Session.objects.filter(expire_date__gt=timezone.now()).values_list(
        "session_key", "session_data"
    )
    for key, data in rows.iterator(chunk_size=2000):
        if str(store.decode(data).get("_auth_user_id", "")) == user_id:
            doomed.append(key)
    for key in doomed:
        engine.SessionStore(session_key=key).delete()
