from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from network.errors import MunicipalityImportError
from network.services import DEFAULT_MUNICIPALITIES_CSV, import_municipalities


class Command(BaseCommand):
    help = "Create or update municipalities from a CSV file with columns number,name,county."

    def add_arguments(self, parser):
        parser.add_argument("csv", nargs="?", default=str(DEFAULT_MUNICIPALITIES_CSV))

    def handle(self, *args, csv, **options):
        path = Path(csv)
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            result = import_municipalities(path=path)
        except MunicipalityImportError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(
            f"Municipalities: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged."
        )
