from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from home.demo.national_dataset import DatasetRefused, build_national_dataset, plan_for

DEFAULT_PASSWORD = "mentornett-bench"  # noqa: S105 - printed for benchmark databases only  # nosec B105


class Command(BaseCommand):
    help = (
        "Build a national-scale benchmark dataset in a freshly migrated database: "
        "the same seed and reference day always give the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 is national scale; 0.01 is a hundredth."
        )
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="Everyone's password.")
        parser.add_argument(
            "--today", type=date.fromisoformat, help="The reference day, YYYY-MM-DD (today)."
        )

    def handle(self, *args, seed, scale, password, today, **options):
        if scale <= 0:
            raise CommandError("--scale must be above 0.")
        today = today or timezone.localdate()
        plan = plan_for(scale)
        self.stdout.write(
            f"Building the national dataset: seed {seed}, scale {scale}, reference day {today} "
            f"({plan.people:,} people, {plan.teams} teams, {plan.events} events)."
        )
        try:
            counts = build_national_dataset(
                seed=seed, scale=scale, password=password, today=today, log=self.stdout.write
            )
        except DatasetRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(self.style.SUCCESS("The national dataset is built."))
        for label, count in counts.items():
            self.stdout.write(f"  {label:<24} {count:>9,}")
        self.stdout.write(f"Logins (password for all: {password}):")
        for local in ("arrangor", "radgiver", "ordning", "redaktor", "person00001"):
            self.stdout.write(f"  {local}@bench.mentornett.no")
