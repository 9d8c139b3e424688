"""A backup restores into a fresh database and fresh media folders with every
row and every file: `manage.py backup` then `manage.py restore`, compared table
by table and file by file. On PostgreSQL (make test-postgres) it is pg_dump and
pg_restore into a new database; on SQLite the online-backup copy into a new file."""

import uuid
from pathlib import Path

import pytest

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage, storages
from django.core.management import CommandError, call_command
from django.db import connection, connections, models
from django.db.utils import load_backend

from events.services import register
from mentornett.management.backup import folder_checksums, table_counts
from mentornett.uploads import PrivateInMemoryStorage
from tests.factories import UserFactory
from tests.scheme.fixtures import complete_application

# Committed data: pg_dump runs in another process and sees only what is committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def real_files(tmp_path, settings, monkeypatch):
    """Uploads on disk, in folders of this test's own, as in production."""
    roots = {"media": tmp_path / "media", "private": tmp_path / "private"}
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = roots["media"], roots["private"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": roots["media"]},
        },
        "private": {
            "BACKEND": "mentornett.uploads.PrivateFileSystemStorage",
            "OPTIONS": {"location": roots["private"]},
        },
    }
    # File fields took their storage when the models were defined.
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, models.FileField) and isinstance(field.storage, InMemoryStorage):
                private = isinstance(field.storage, PrivateInMemoryStorage)
                monkeypatch.setattr(field, "storage", storages["private" if private else "default"])
    return roots


@pytest.fixture
def fresh_database(tmp_path):
    """A second, empty database under the alias "restored", dropped afterwards."""
    alias = "restored"
    if connection.vendor == "postgresql":
        name = f"mn_restore_{uuid.uuid4().hex[:12]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        name = str(tmp_path / "restored.sqlite3")
    settings_dict = {**connection.settings_dict, "NAME": name}
    # Registered as a connection only, not in DATABASES: the test framework allows
    # a connection made on the fly, and leaves it alone when it tears down.
    connections[alias] = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    yield alias
    connections[alias].close()
    del connections[alias]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def build_data(scheme, make_event):
    """People, a registration, an application with its contract and the
    certificates' PDFs (private files), and one more file of each kind."""
    application = complete_application(scheme)
    event = make_event(capacity=1)
    register(person=scheme.mentor, event=event)
    register(person=UserFactory(), event=event)  # on the waitlist
    storages["default"].save("bilder/logo.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"x" * 64))
    storages["private"].save("rapporter/rapport æøå.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return application


def test_a_backup_restores_every_row_and_every_file(
    real_files, scheme, make_event, fresh_database, tmp_path, settings
):
    build_data(scheme, make_event)
    source_counts = table_counts(connection)
    source_files = {name: folder_checksums(root) for name, root in real_files.items()}
    assert source_counts["network_application"] == 1
    assert source_counts["events_registration"] == 2
    # The contract, two certificate PDFs and the report.
    assert len(source_files["private"]) >= 4
    assert len(source_files["media"]) >= 1  # the logo

    call_command("backup", str(tmp_path / "backup"))

    restored = {"media": tmp_path / "restored-media", "private": tmp_path / "restored-private"}
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = restored["media"], restored["private"]
    call_command("restore", str(tmp_path / "backup"), database=fresh_database)

    assert table_counts(connections[fresh_database]) == source_counts
    assert {name: folder_checksums(root) for name, root in restored.items()} == source_files
    with connections[fresh_database].cursor() as cursor:
        cursor.execute("SELECT status FROM network_application")
        assert cursor.fetchall() == [("draft",)]


def small_data():
    UserFactory()
    storages["private"].save("avtaler/avtale.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))


def test_restore_refuses_a_database_that_is_not_empty(real_files, tmp_path):
    small_data()
    call_command("backup", str(tmp_path / "backup"))
    before = table_counts(connection)

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(tmp_path / "backup"))

    assert table_counts(connection) == before


def test_restore_refuses_a_damaged_backup_before_touching_anything(
    real_files, fresh_database, tmp_path, settings
):
    small_data()
    call_command("backup", str(tmp_path / "backup"))
    archive = Path(tmp_path / "backup" / "private.tar.gz")
    archive.write_bytes(archive.read_bytes()[:-10])
    settings.MEDIA_ROOT = tmp_path / "restored-media"

    with pytest.raises(CommandError, match="private.tar.gz"):
        call_command("restore", str(tmp_path / "backup"), database=fresh_database)

    assert table_counts(connections[fresh_database]) == {}
    assert not (tmp_path / "restored-media").exists()


def test_a_backup_never_writes_into_an_earlier_one(tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path / "backup"))
