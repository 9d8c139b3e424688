from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo import load_demo
from mentornett.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load demo pages, municipalities and one person per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even when DEBUG is off (demo passwords are public: never in production).",
        )

    def handle(self, *args, allow_without_debug=False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "Refusing to load demo people with a public password while DEBUG is off. "
                "Pass --allow-without-debug for a test or staging database."
            )
        people = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for person in people:
            self.stdout.write(f"  {person.role:<24} {person.email}")
