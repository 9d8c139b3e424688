from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.demo.national_dataset import DatasetRefused
from home.demo.national_dataset.dashboard_network import NATIONAL, build_dashboard_network


class Command(BaseCommand):
    help = (
        f'Add "{NATIONAL.title}" (a team per municipality, eight home tasks) to a database '
        "that holds the national dataset, for the organiser dashboard benchmark. Give the "
        "dataset's seed, scale and reference day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=float, default=1.0, help="The dataset's scale.")
        parser.add_argument(
            "--today", type=date.fromisoformat, help="The reference day, YYYY-MM-DD (today)."
        )

    def handle(self, *args, seed, scale, today, **options):
        if scale <= 0:
            raise CommandError("--scale must be above 0.")
        try:
            counts = build_dashboard_network(
                seed=seed,
                scale=scale,
                today=today or timezone.localdate(),
                log=self.stdout.write,
            )
        except DatasetRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(self.style.SUCCESS(f"{NATIONAL.title} is added."))
        for label, count in counts.items():
            self.stdout.write(f"  {label:<24} {count:>9,}")
