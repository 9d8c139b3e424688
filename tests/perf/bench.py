"""`make bench`: load the national dataset into PostgreSQL, serve it with
gunicorn (2 sync workers, production-like bench settings), measure each
scenario with wrk, count its SQL queries in-process, run the registration
burst, and write a Markdown table to var/bench/results.md.

    python -m tests.perf.bench [--quick] [--duration N] [--scale S] [--skip-load]
                               [--only NAME ...] [--output PATH]

BENCH_DB_URL and REDIS_URL choose the database (dropped and made anew) and the
Redis database (flushed); BENCH_DEBUG=1 prints wrk's own output.
"""

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
# The settings' VAR_DIR (MENTORNETT_VAR_DIR): `make bench-smoke` runs in a folder of its own.
VAR_DIR = ROOT / os.environ.get("MENTORNETT_VAR_DIR", "var")
DEFAULT_DB_URL = "postgres://postgres@127.0.0.1:5432/mentornett_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/3"
SETTINGS = "mentornett.settings.bench"
LUA_SCRIPT = Path(__file__).with_name("report.lua")
DATASET_PASSWORD = "mentornett-bench"  # noqa: S105 (bench logins on a throwaway database)
WRK = ["wrk", "-t2", "-c8"]
HOST = "127.0.0.1"
BURST = "burst"


@dataclass
class Run:
    name: str
    description: str
    kind: str
    url: str = ""
    queries: int | None = None  # in steady state
    render_queries: int | None = None  # without the anonymous page cache
    peak_mib: float | None = None  # the workers' peak memory by the end of this run
    status: int | None = None
    wrk: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)

    @property
    def rps(self):
        if not self.wrk.get("duration_us"):
            return 0.0
        return self.wrk["requests"] / (self.wrk["duration_us"] / 1e6)

    def ms(self, key):
        return self.wrk.get(key, 0) / 1000

    @property
    def failed(self):
        return bool(self.problems)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 s per scenario")
    parser.add_argument("--duration", type=int, default=None, help="seconds per scenario (10)")
    parser.add_argument("--scale", type=float, default=1.0, help="dataset scale (1)")
    parser.add_argument("--seed", type=int, default=1, help="dataset seed (1)")
    parser.add_argument(
        "--skip-load", action="store_true", help="reuse the bench database as it is"
    )
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", help=f"scenario names, and/or '{BURST}'"
    )
    parser.add_argument(
        "--output", type=Path, default=VAR_DIR / "bench" / "results.md", help="Markdown file"
    )
    args = parser.parse_args(argv)
    args.duration = args.duration or (3 if args.quick else 10)
    args.warmup = 1 if args.quick else 2
    return args


def bench_environment() -> dict:
    db_url = os.environ.get("BENCH_DB_URL", DEFAULT_DB_URL)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "BENCH_DB_URL": db_url,
        "DATABASE_URL": db_url,
        "REDIS_URL": os.environ.get("REDIS_URL", DEFAULT_REDIS_URL),
        # build_national_dataset's consent to its public password with DEBUG off.
        "MENTORNETT_BENCH": "1",
    }
    os.environ.update(environment)
    return environment


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)  # noqa: T201


# --- the database ------------------------------------------------------------------


def recreate_database(db_url):
    import psycopg

    parts = urlsplit(db_url)
    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def manage(*arguments, environment):
    log("manage.py " + " ".join(arguments))
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, check=True
    )


def load(args, environment):
    log(f"recreating {environment['BENCH_DB_URL']}")
    recreate_database(environment["BENCH_DB_URL"])
    manage("migrate", "--no-input", "-v", "0", environment=environment)
    manage(
        "build_national_dataset",
        "--seed",
        str(args.seed),
        "--scale",
        str(args.scale),
        "--password",
        DATASET_PASSWORD,
        environment=environment,
    )
    return f"national dataset, seed {args.seed}, scale {args.scale:g}"


def add_dashboard_network(args, environment) -> str:
    """The network of organiser_dashboard_national (a team per municipality),
    added to the dataset once its counts are taken."""
    from home.demo.national_dataset.dashboard_network import NATIONAL
    from network.models import LearningNetworkPage, Team

    if not LearningNetworkPage.objects.filter(slug=NATIONAL.page_slug).exists():
        arguments = ["--seed", str(args.seed), "--scale", str(args.scale)]
        manage("build_dashboard_network", *arguments, environment=environment)
    teams = Team.objects.filter(network__slug=NATIONAL.page_slug).count()
    log(
        f"added {NATIONAL.title} ({teams} teams) for the organiser_dashboard_national "
        "scenario; the dataset counts above are without it"
    )
    return f"; plus {NATIONAL.title} ({teams:,} teams), for organiser_dashboard_national only"


def check_static_manifest():
    """Fail at once, not in every scenario, if this process's static files
    storage was made before collectstatic wrote the manifest."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    if "css/site.css" not in staticfiles_storage.hashed_files:
        raise RuntimeError(
            f"the static files manifest in {staticfiles_storage.location} was read before "
            "collectstatic wrote it"
        )


def flush_redis(url):
    import redis

    redis.Redis.from_url(url).flushdb()


# --- gunicorn -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn with 2 sync workers in a process group of its own, stopped on exit."""

    def __init__(self, environment, log_path):
        self.environment = environment
        self.log_path = log_path
        self.port = free_port()
        self.process = None

    @property
    def base_url(self):
        return f"http://{HOST}:{self.port}"

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(gunicorn),
                "mentornett.wsgi:application",
                "--workers=2",
                "--worker-class=sync",
                f"--bind={HOST}:{self.port}",
                "--backlog=2048",
                "--timeout=120",
            ],
            cwd=ROOT,
            env=self.environment,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            floor = self.base_url + "/bench/floor"
            with contextlib.suppress(OSError), urllib.request.urlopen(floor, timeout=5) as reply:  # noqa: S310
                if reply.status == 200 and len(self.worker_pids()) == 2:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def drain(self):
        """Wait for the requests wrk left behind: a sync worker still serves a
        request whose client has gone, and the next run would queue behind it.
        The listen queue is first come, first served: a request to the floor
        comes back once those before it are taken; a second one once the
        workers are free again, or nearly."""
        for _worker in range(2):
            with urllib.request.urlopen(self.base_url + "/bench/floor", timeout=300) as reply:  # noqa: S310
                reply.read()

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def peak_memory_mib(self) -> float | None:
        """The largest VmHWM (peak resident set) of the workers."""
        peaks = []
        for pid in self.worker_pids():
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peaks.append(int(line.split()[1]) / 1024)
        return max(peaks) if peaks else None

    def __exit__(self, *exc_info):
        if self.process and self.process.poll() is None:
            # gunicorn's graceful shutdown is SIGTERM to the master.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()


# --- measuring --------------------------------------------------------------------------


def wrk(url, *, seconds, cookie=None):
    command = [*WRK, f"-d{seconds}s", "--timeout=10s", "-s", str(LUA_SCRIPT)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    command += [url, "--", "200"]
    finished = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    if os.environ.get("BENCH_DEBUG"):
        log(" ".join(command) + "\n" + finished.stdout + finished.stderr)
    for line in finished.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line.removeprefix("BENCH_RESULT "))
    raise RuntimeError(f"wrk printed no result:\n{finished.stdout}\n{finished.stderr}")


def warm_up(server, url, *, seconds, cookie=None, rounds=5):
    """Until each worker has served the page a few times: a slow page's first
    requests (imports, templates, caches) can outlast a short warm-up."""
    for _round in range(rounds):
        served = wrk(url, seconds=seconds, cookie=cookie)["requests"]
        server.drain()
        if served >= 8:
            return


def wrk_problems(result) -> list[str]:
    problems = []
    if result["unexpected_status"]:
        problems.append(f"{result['unexpected_status']} responses not 200")
    if result["non_2xx_3xx"]:
        problems.append(f"{result['non_2xx_3xx']} non-2xx/3xx")
    errors = sum(result[key] for key in ("connect_errors", "read_errors", "write_errors"))
    if errors or result["timeouts"]:
        problems.append(f"{errors} socket errors, {result['timeouts']} timeouts")
    if not result["requests"]:
        problems.append("no request completed during the run")
    return problems


def prepare_runs(names):
    """Resolve every scenario, count its queries in-process and sign its user
    in; returns the runs and the Cookie header for each."""
    from .scenarios import SCENARIOS, client_for, count_queries

    runs, cookies = [], {}
    for scenario in SCENARIOS:
        if names and scenario.name not in names:
            continue
        run = Run(scenario.name, scenario.description, scenario.kind)
        runs.append(run)
        try:
            run.url, user = scenario.resolve()
        except (LookupError, AttributeError) as error:
            run.problems.append(f"no data: {error}")
            continue
        run.status, run.queries = count_queries(run.url, user, HTTP_HOST=HOST)
        render_status, run.render_queries = count_queries(
            run.url, user, page_cache=False, HTTP_HOST=HOST
        )
        if run.status != 200 or render_status != 200:
            run.problems.append(f"in-process status {run.status}, rendered {render_status}")
        if user is not None:
            client = client_for(user, HTTP_HOST=HOST)
            cookies[scenario.name] = f"sessionid={client.cookies['sessionid'].value}"
    return runs, cookies


def dataset_counts() -> dict:
    """The national dataset's rows, without the network added for the
    organiser_dashboard_national scenario (there already with --skip-load)."""
    from django.contrib.auth import get_user_model

    from courses.models import Certificate, Enrolment, LessonCompletion
    from events.models import EventPage, Registration
    from home.demo.national_dataset.dashboard_network import NATIONAL
    from network.models import (
        Application,
        HomeTask,
        LearningNetworkPage,
        MenteeProfile,
        MentorProfile,
        MunicipalityProfile,
        Submission,
        Team,
    )

    extra = NATIONAL.page_slug
    querysets = {
        "users": get_user_model().objects.all(),
        "enrolments": Enrolment.objects.all(),
        "lesson completions": LessonCompletion.objects.all(),
        "certificates": Certificate.objects.all(),
        "events": EventPage.objects.exclude(network__slug=extra),
        "registrations": Registration.objects.all(),
        "networks": LearningNetworkPage.objects.exclude(slug=extra),
        "teams": Team.objects.exclude(network__slug=extra),
        "home tasks": HomeTask.objects.exclude(network__slug=extra),
        "submissions": Submission.objects.exclude(task__network__slug=extra),
        "applications": Application.objects.all(),
        "listed mentors": MentorProfile.objects.filter(listed=True),
        "published searches": MenteeProfile.objects.filter(listed=True),
        "municipality profiles": MunicipalityProfile.objects.filter(listed=True),
    }
    return {label: queryset.count() for label, queryset in querysets.items()}


def counts_text(counts) -> str:
    return ", ".join(f"{label} {count:,}" for label, count in counts.items())


def machine_details(source, counts) -> dict:
    import django
    from django.db import connection

    import wagtail

    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    commit = "unknown"
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        commit += " (with uncommitted changes)" if dirty else ""
    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "RAM": ram,
        "Kernel": platform.release(),
        "Python": platform.python_version(),
        "PostgreSQL": postgres,
        "Django / Wagtail": f"{django.get_version()} / {wagtail.__version__}",
        "Commit": commit,
        "Date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "Data": source,
        "Dataset": counts_text(counts),
    }


# --- targets and the table -----------------------------------------------------------


def judge(run, floor_rps) -> tuple[str, str]:
    """(target, met) for the table."""
    if run.failed:
        return "—", "failed"
    from .scenarios import TARGETS

    target = TARGETS.get(run.kind)
    if not target:
        return "—", "—"
    parts, met = [], True
    if "min_floor_ratio" in target:
        ratio = target["min_floor_ratio"]
        parts.append(f"≥ {ratio:.0%} of floor")
        met = met and bool(floor_rps) and run.rps / floor_rps >= ratio
    if "min_rps" in target:
        parts.append(f"≥ {target['min_rps']} req/s")
        met = met and run.rps >= target["min_rps"]
    if "max_queries" in target:
        parts.append(f"≤ {target['max_queries']} queries")
        met = met and run.queries is not None and run.queries <= target["max_queries"]
    if "max_p50_ms" in target:
        parts.append(f"p50 < {target['max_p50_ms']} ms")
        met = met and run.ms("p50_us") < target["max_p50_ms"]
    return ", ".join(parts), "yes" if met else "no"


def render(details, runs, burst, peak_mib, args, budgets) -> str:
    floor = next((run for run in runs if run.name == "floor" and not run.failed), None)
    floor_rps = floor.rps if floor else None
    lines = ["# Mentornett bench", ""]
    lines += ["| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in details.items()]
    lines += [
        f"| Run | wrk -t2 -c8 -d{args.duration}s per scenario; gunicorn 2 sync workers |",
        "",
        "| scenario | req/s | % of floor | p50 ms | p95 ms | p99 ms | queries | budget "
        "| peak worker MiB | target | met |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for run in runs:
        peak = f"{run.peak_mib:.0f}" if run.peak_mib else "—"
        target, met = judge(run, floor_rps)
        share = f"{100 * run.rps / floor_rps:.0f} %" if floor_rps and run.wrk else "—"
        queries = "—" if run.queries is None else str(run.queries)
        if run.render_queries is not None and run.render_queries != run.queries:
            queries += f" (render {run.render_queries})"
        budget = str(budgets.get(run.name, "—"))
        rendered = run.render_queries if run.render_queries is not None else run.queries
        if run.name in budgets and rendered is not None and rendered > budgets[run.name]:
            budget += " (over)"
        if run.wrk:
            numbers = (
                f"{run.rps:.0f} | {share} | {run.ms('p50_us'):.1f} | {run.ms('p95_us'):.1f} "
                f"| {run.ms('p99_us'):.1f}"
            )
        else:
            numbers = "— | — | — | — | —"
        lines.append(
            f"| {run.name} ({run.description}) | {numbers} | {queries} | {budget} | {peak} "
            f"| {target} | {met} |"
        )
        if run.problems:
            lines.append(f"| ↳ {run.name}: {'; '.join(run.problems)} | | | | | | | | | | |")
    lines += [
        "",
        "Queries: per request in steady state (the second request, in-process with the bench "
        "settings); *render*: the same without the visitors' page cache, which is what the "
        "budget (tests/perf/scenarios.py) limits. Peak worker MiB: the largest VmHWM of the "
        "two workers by the end of that scenario.",
        "",
    ]
    if burst is not None:
        lines += [burst_line(burst), ""]
    if peak_mib:
        lines += [f"Peak worker memory at the end: {peak_mib:.0f} MiB.", ""]
    return "\n".join(lines)


def burst_line(result) -> str:
    from .burst import PEOPLE, PLACES

    if isinstance(result, Exception):
        return f"**Registration burst**: failed: {result!r}"
    met = not result.failed and result.counts_right and result.per_second >= 200
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(result.statuses.items()))
    return (
        f"**Registration burst** ({PEOPLE} clients, {PLACES} places): drained in "
        f"{result.drain_seconds:.2f} s, {result.per_second:.0f} registrations/s; "
        f"statuses {statuses or 'none'}; errors {result.failed}; "
        f"confirmed {result.confirmed}, waitlisted {result.waitlisted} "
        f"(expected {PLACES} and {PEOPLE - PLACES}). "
        f"Target: no error, exact counts, ≥ 200 registrations/s: **{'yes' if met else 'no'}**."
        + (f" First errors: {result.errors[:3]}" if result.errors else "")
    )


# --- the run ---------------------------------------------------------------------------


def main(argv=None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        log("wrk is not installed (make bench-deps installs it)")
        return 2
    environment = bench_environment()
    # Ctrl+C and kill end the run through the with-blocks, which stop gunicorn
    # (SIGINT too when a shell started us in the background with it ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    bench_dir = VAR_DIR / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    # Before django.setup(): the static files storage reads its manifest once, when
    # it is made, and importing Wagtail's blocks makes it (wagtail.admin.staticfiles).
    # Collected later, a first run on a clean clone renders with an empty manifest:
    # "Missing staticfiles manifest entry for 'css/site.css'".
    manage("collectstatic", "--no-input", "-v", "0", environment=environment)

    source = "existing bench database"
    if not args.skip_load:
        source = load(args, environment)

    import django

    django.setup()
    from django.db import connections

    # The dataset's own counts are the issue's; the dashboard network comes after.
    counts = dataset_counts()
    log("dataset: " + counts_text(counts))
    source += add_dashboard_network(args, environment)
    check_static_manifest()
    flush_redis(environment["REDIS_URL"])

    from . import burst as burst_module
    from .scenarios import QUERY_BUDGETS, SCENARIOS

    names = set(args.only or [])
    unknown = names - {scenario.name for scenario in SCENARIOS} - {BURST}
    if unknown:
        log(f"unknown scenario names: {', '.join(sorted(unknown))}")
        return 2
    runs, cookies = prepare_runs(names - {BURST} if names else set())
    if names == {BURST}:
        runs = []
    log("queries per request: " + ", ".join(f"{run.name} {run.queries}" for run in runs))
    log("query budgets: " + json.dumps(QUERY_BUDGETS))

    burst_result = None
    peak_mib = None
    with Gunicorn(environment, bench_dir / "gunicorn.log") as server:
        for run in runs:
            if not run.url:
                continue
            url = server.base_url + run.url
            cookie = cookies.get(run.name)
            log(f"{run.name}: warm-up {args.warmup} s, then {args.duration} s on {run.url}")
            warm_up(server, url, seconds=args.warmup, cookie=cookie)
            run.wrk = wrk(url, seconds=args.duration, cookie=cookie)
            server.drain()
            run.problems += wrk_problems(run.wrk)
            run.peak_mib = server.peak_memory_mib()
        if not names or BURST in names:
            log("registration burst")
            try:
                burst_result = burst_module.run(host=HOST, port=server.port)
            except Exception as error:  # reported in the table, like a failed scenario
                burst_result = error
        peak_mib = server.peak_memory_mib()

    details = machine_details(source, counts)
    table = render(details, runs, burst_result, peak_mib, args, QUERY_BUDGETS)
    connections.close_all()
    print(table)  # noqa: T201
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(table + "\n")
    log(f"written to {args.output}")

    burst_failed = burst_result is not None and (
        isinstance(burst_result, Exception) or burst_result.failed or not burst_result.counts_right
    )
    return 1 if any(run.failed for run in runs) or burst_failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        log("interrupted; gunicorn is stopped")
        sys.exit(130)
