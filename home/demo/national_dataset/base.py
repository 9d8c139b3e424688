"""What every step of the build shares: the reference moment, a random stream
per step, bulk inserts, timestamps that the build sets itself, and stream
values with block ids that do not change from one build to the next."""

import random
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models

from mentornett.uploads import private_storage

from .plan import Plan

BATCH_SIZE = 2000
DOMAIN = "bench.mentornett.no"
BLOCK_ID_NAMESPACE = uuid.UUID("0b9f6f8e-5d1c-4c59-9a53-6e0a2b7c1d44")
PLACEHOLDER_PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


class DatasetRefused(Exception):
    pass


@dataclass
class Context:
    seed: int
    plan: Plan
    today: date
    password_hash: str
    log: callable
    started: float = field(default_factory=time.monotonic)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(settings.TIME_ZONE)

    @property
    def now(self) -> datetime:
        """The start of the reference day: everything "past" happened before
        it, so the data is consistent whatever the hour the build runs."""
        return datetime.combine(self.today, clock(0), tzinfo=self.zone)

    def rng(self, step: str) -> random.Random:
        # One stream per step, so a change in one step leaves the others alone.
        return random.Random(f"{self.seed}:{step}")  # noqa: S311 - test data, not secrets  # nosec B311

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, clock(hour, minute), tzinfo=self.zone)

    def days_ago(self, rng: random.Random, low: int, high: int) -> datetime:
        """A moment during office hours between `low` and `high` days ago."""
        day = self.today - timedelta(days=rng.randint(low, high))
        return self.at(day, rng.randint(8, 20), rng.randrange(0, 60, 5))

    @contextmanager
    def step(self, name: str):
        """Times a step and prints what it made: `counts` is filled by the step."""
        started = time.monotonic()
        counts: dict[str, int] = {}
        yield counts
        made = ", ".join(f"{number:,} {label}" for label, number in counts.items())
        self.log(
            f"{name}: {made or 'done'} "
            f"({time.monotonic() - started:.1f}s, {time.monotonic() - self.started:.1f}s in all)"
        )


def bulk(model, objects) -> list:
    return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


def email(local: str) -> str:
    return f"{local}@{DOMAIN}"


@contextmanager
def explicit_timestamps(*model_classes):
    """Let bulk_create keep the auto_now / auto_now_add values the build sets,
    so histories look lived-in and two builds give the same rows. Django
    overwrites such fields in pre_save; the flags are restored afterwards."""
    fields = [
        f
        for model in model_classes
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def stable_stream(model, field_name: str, value, key: str) -> list:
    """The stream value in its stored form, with block ids derived from `key`
    instead of random ones (answers and registrations refer to block ids)."""
    block = model._meta.get_field(field_name).stream_block
    raw = block.get_prep_value(block.to_python(value))
    counter = iter(range(1_000_000))

    def fix(node):
        if isinstance(node, dict):
            if "type" in node and "id" in node:
                node["id"] = str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{key}:{next(counter)}"))
            for child in node.values():
                fix(child)
        elif isinstance(node, list):
            for child in node:
                fix(child)

    fix(raw)
    return raw


def placeholder_file(folder: str, name: str) -> str:
    """One small stored file that many rows point at (films, posters, receipts,
    contracts): the pages that offer them for download then work."""
    path = f"bench/{folder}/{name}"
    storage = private_storage()
    if not storage.exists(path):
        storage.save(path, ContentFile(PLACEHOLDER_PDF))
    return path


def place(parent, page, *, at):
    """Add a live page with add_child alone. Wagtail's publish() would save the
    page twice more and write a revision, tripling the build time, for pages
    nobody edits in a benchmark; search and reference indexes still follow
    the one save. `at` is when the page counts as first published."""
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = at
    parent.add_child(instance=page)
    return page
