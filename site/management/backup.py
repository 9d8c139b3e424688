"""Backup and restore: the database (pg_dump custom format on PostgreSQL, the
SQLite online-backup API on SQLite), the public and the private media folders
as tar files, and a manifest that lets a restore prove it got everything back:
row counts of every table and a checksum of every file. Used by the `backup`
and `restore` commands; README "Backup and restore"."""

import hashlib
import json
import os
import sqlite3
import subprocess  # noqa: S404  # nosec B404 - pg_dump and pg_restore, argument lists only
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
# The folders that hold uploads; keep in sync with MEDIA_ROOT / PRIVATE_MEDIA_ROOT.
FOLDERS = {"media": "MEDIA_ROOT", "private": "PRIVATE_MEDIA_ROOT"}
FORMAT = 1


class BackupError(Exception):
    pass


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def folder_checksums(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def table_counts(connection) -> dict[str, int]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            # The table names come from the database's own catalogue, quoted.
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608  # nosec B608
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_environment(settings_dict) -> tuple[list[str], dict]:
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    environment = {**os.environ}
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, environment


def _run(command: list[str], environment: dict) -> None:
    # A fixed program (pg_dump, pg_restore) and arguments from settings, no shell.
    result = subprocess.run(  # noqa: S603  # nosec B603
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _dump_postgresql(connection, target: Path) -> dict[str, int]:
    """Counts and dump from one snapshot, so the manifest describes exactly
    what the dump holds even while people keep using the site."""
    args, environment = _pg_environment(connection.settings_dict)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(connection)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target / PG_DUMP}",
                *args,
                connection.settings_dict["NAME"],
            ],
            environment,
        )
    return counts


def _dump_sqlite(connection, target: Path) -> dict[str, int]:
    connection.ensure_connection()
    copy = sqlite3.connect(target / SQLITE_COPY)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    counts = {}
    copy = sqlite3.connect(target / SQLITE_COPY)
    try:
        for (table,) in copy.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        ):
            # Names from sqlite_master, the database's own catalogue.
            query = f'SELECT COUNT(*) FROM "{table}"'  # noqa: S608  # nosec B608
            counts[table] = copy.execute(query).fetchone()[0]
    finally:
        copy.close()
    return counts


def backup(target: Path, *, using: str = "default") -> dict:
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BackupError(f"{target} is not empty; choose a new folder for each backup.")
    connection = connections[using]
    if connection.vendor == "postgresql":
        counts, database_file = _dump_postgresql(connection, target), PG_DUMP
    elif connection.vendor == "sqlite":
        counts, database_file = _dump_sqlite(connection, target), SQLITE_COPY
    else:
        raise BackupError(f"Backing up a {connection.vendor} database is not supported.")
    folders = {}
    for name, setting in FOLDERS.items():
        root = Path(getattr(settings, setting))
        archive = target / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            if root.is_dir():
                tar.add(root, arcname=".")
        folders[name] = {"archive": archive.name, "files": folder_checksums(root)}
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database": {
            "vendor": connection.vendor,
            "file": database_file,
            "sha256": sha256(target / database_file),
            "tables": counts,
        },
        "folders": folders,
        "archives": {
            folder["archive"]: sha256(target / folder["archive"]) for folder in folders.values()
        },
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def read_manifest(source: Path) -> dict:
    path = source / MANIFEST
    if not path.is_file():
        raise BackupError(f"{source} holds no {MANIFEST}; is it a backup folder?")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    damaged = [
        name
        for name, expected in [
            (manifest["database"]["file"], manifest["database"]["sha256"]),
            *manifest["archives"].items(),
        ]
        if not (source / name).is_file() or sha256(source / name) != expected
    ]
    if damaged:
        raise BackupError(f"Damaged or missing in the backup: {', '.join(damaged)}.")
    return manifest


def _has_tables(connection) -> bool:
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))


def _restore_postgresql(connection, dump: Path, *, force: bool) -> None:
    args, environment = _pg_environment(connection.settings_dict)
    connection.close()
    command = [
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={connection.settings_dict['NAME']}",
        *args,
    ]
    if force:
        command += ["--clean", "--if-exists"]
    _run([*command, str(dump)], environment)


def _restore_sqlite(connection, copy: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


def _extract(archive: Path, root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        tar.extractall(root, filter="data")


def restore(source: Path, *, using: str = "default", force: bool = False) -> list[str]:
    """Restore, then verify against the manifest. Returns the differences
    (empty when the restore is exact)."""
    manifest = read_manifest(source)
    connection = connections[using]
    if connection.vendor != manifest["database"]["vendor"]:
        raise BackupError(
            f"The backup is of a {manifest['database']['vendor']} database; "
            f"this one is {connection.vendor}."
        )
    roots = {name: Path(getattr(settings, setting)) for name, setting in FOLDERS.items()}
    if not force:
        if _has_tables(connection):
            raise BackupError(
                "The database is not empty. Restore into a new, empty database, "
                "or pass --force to replace what is there."
            )
        filled = [str(root) for root in roots.values() if root.is_dir() and any(root.iterdir())]
        if filled:
            raise BackupError(f"Not empty: {', '.join(filled)}. Pass --force to restore over it.")
    if connection.vendor == "postgresql":
        _restore_postgresql(connection, source / PG_DUMP, force=force)
    else:
        _restore_sqlite(connection, source / SQLITE_COPY)
    for name, root in roots.items():
        _extract(source / manifest["folders"][name]["archive"], root)
    return verify(manifest, connection=connection, roots=roots)


def verify(manifest: dict, *, connection, roots: dict[str, Path]) -> list[str]:
    problems = []
    counts = table_counts(connection)
    for table, expected in manifest["database"]["tables"].items():
        found = counts.get(table)
        if found != expected:
            problems.append(f"table {table}: {found} rows, the backup had {expected}")
    for name, root in roots.items():
        found = folder_checksums(root)
        for path, expected in manifest["folders"][name]["files"].items():
            if found.get(path) != expected:
                problems.append(f"{name}/{path}: missing or different")
    return problems
