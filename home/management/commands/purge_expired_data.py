from django.core.management.base import BaseCommand

from mentornett.accounts.retention import RULES, purge_expired_data


class Command(BaseCommand):
    help = (
        "Delete drafts and logs older than RETENTION_DRAFT_DAYS / RETENTION_LOG_DAYS. "
        "Never the audit log or financial records. Safe to run again."
    )

    def handle(self, *args, **options):
        counts = purge_expired_data()
        for key, removed in counts.items():
            self.stdout.write(f"{RULES[key]}: {removed}")
        self.stdout.write(f"Total: {sum(counts.values())}")
