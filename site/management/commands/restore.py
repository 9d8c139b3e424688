from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mentornett.management.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a folder made by `backup` into the configured database and media "
        "folders, then check every table's row count and every file's checksum "
        "against its manifest. Refuses a database or media folder that is not empty "
        "unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder made by `manage.py backup`.")
        parser.add_argument("--database", default="default", help="Database alias.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what the database holds and write over the media folders.",
        )

    def handle(self, *args, folder, database, force, **options):
        try:
            problems = restore(Path(folder), using=database, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if problems:
            raise CommandError(
                "Restored, but it does not match the backup:\n" + "\n".join(problems)
            )
        self.stdout.write("Restored and checked: every table and file matches the backup.")
