"""The registration burst of `make bench`: a popular gathering opens with 100
places and 500 signed-in people press "register" at the same moment.

prepare() builds the gathering and the people in the bench database (Django
set up with the bench settings); fire() sends the 500 POSTs to the running
server from 500 threads released by one barrier; check() counts the outcome."""

import http.client
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.middleware.csrf import CSRF_ALLOWED_CHARS
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from events.models import EventAudience, EventIndexPage, EventKind, EventPage, Registration

from .scenarios import client_for

PEOPLE = 500
PLACES = 100
EMAIL_DOMAIN = "burst.bench.mentornett.no"
SLUG_PREFIX = "bench-burst-"
OK_STATUSES = {200, 302}


@dataclass
class Burst:
    event_id: int
    path: str
    # (Cookie header, CSRF token) for each person.
    credentials: list[tuple[str, str]]


@dataclass
class BurstResult:
    drain_seconds: float
    statuses: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    confirmed: int = 0
    waitlisted: int = 0

    @property
    def sent(self):
        return sum(self.statuses.values()) + len(self.errors)

    @property
    def failed(self):
        bad_status = sum(n for status, n in self.statuses.items() if status not in OK_STATUSES)
        return bad_status + len(self.errors)

    @property
    def per_second(self):
        return self.sent / self.drain_seconds if self.drain_seconds else 0.0

    @property
    def counts_right(self):
        return self.confirmed == PLACES and self.waitlisted == PEOPLE - PLACES


def clean_up():
    """Remove the events an earlier burst left. Its people stay and are used again:
    the audit log refers to them, and audit rows are never deleted."""
    for page in EventPage.objects.filter(slug__startswith=SLUG_PREFIX):
        page.delete()


def prepare() -> Burst:
    clean_up()
    now = timezone.now()
    index = EventIndexPage.objects.live().first()
    event = EventPage(
        title="Nasjonal samling (bench)",
        slug=SLUG_PREFIX + get_random_string(8).lower(),
        kind=EventKind.GATHERING,
        starts_at=now + timedelta(days=30),
        ends_at=now + timedelta(days=30, hours=6),
        venue="Bench",
        capacity=PLACES,
        audience=EventAudience.SIGNED_IN,
        registration_opens_at=now - timedelta(minutes=1),
    )
    index.add_child(instance=event)
    event.save_revision().publish()

    User = get_user_model()  # noqa: N806
    password = make_password(None)  # unusable: these people only have sessions
    emails = [f"burst{n:03d}@{EMAIL_DOMAIN}" for n in range(PEOPLE)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    User.objects.bulk_create(
        User(email=email, full_name=f"Burst {n}", password=password)
        for n, email in enumerate(emails)
        if email not in existing
    )
    people = list(User.objects.filter(email__in=emails).order_by("email"))
    credentials = []
    for person in people:
        client = client_for(person)
        session = client.cookies["sessionid"].value
        token = get_random_string(32, CSRF_ALLOWED_CHARS)
        credentials.append((f"sessionid={session}; csrftoken={token}", token))
    return Burst(
        event_id=event.pk, path=reverse("events:register", args=[event.pk]), credentials=credentials
    )


def _post(host, port, path, cookie, token, barrier, sent_at, outcomes, index):
    body = urlencode({"csrfmiddlewaretoken": token})
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    barrier.wait()
    sent_at[index] = time.perf_counter()
    connection = http.client.HTTPConnection(host, port, timeout=300)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        outcomes[index] = (response.status, time.perf_counter())
    except OSError as error:
        outcomes[index] = (error, time.perf_counter())
    finally:
        connection.close()


def fire(burst: Burst, *, host: str, port: int) -> BurstResult:
    count = len(burst.credentials)
    barrier = threading.Barrier(count)
    sent_at = [0.0] * count
    outcomes = [None] * count
    threads = [
        threading.Thread(
            target=_post,
            args=(host, port, burst.path, cookie, token, barrier, sent_at, outcomes, n),
            daemon=True,
        )
        for n, (cookie, token) in enumerate(burst.credentials)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = BurstResult(
        drain_seconds=max(done for _outcome, done in outcomes) - min(sent_at),
    )
    for outcome, _done in outcomes:
        if isinstance(outcome, int):
            result.statuses[outcome] = result.statuses.get(outcome, 0) + 1
        else:
            result.errors.append(repr(outcome))
    return result


def check(burst: Burst, result: BurstResult) -> BurstResult:
    registrations = Registration.objects.filter(event_id=burst.event_id)
    result.confirmed = registrations.confirmed().count()
    result.waitlisted = registrations.waitlisted().count()
    return result


def run(*, host: str, port: int, keep: bool = False) -> BurstResult:
    burst = prepare()
    try:
        return check(burst, fire(burst, host=host, port=port))
    finally:
        if not keep:
            clean_up()
