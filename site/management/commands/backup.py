from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mentornett.management.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump -Fc on PostgreSQL, a consistent copy on SQLite) "
        "and the public and private media folders into a new folder, with a manifest "
        "of row counts and file checksums that `restore` checks."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A new or empty folder for this backup.")
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, folder, database, **options):
        target = Path(folder)
        try:
            manifest = backup(target, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        tables = manifest["database"]["tables"]
        files = sum(len(folder["files"]) for folder in manifest["folders"].values())
        self.stdout.write(
            f"Backed up {len(tables)} tables ({sum(tables.values())} rows) and {files} files "
            f"to {target}."
        )
