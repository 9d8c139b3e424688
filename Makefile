# Mentornett — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/mentornett
# pytest-xdist workers for the suites: one per core (`make test WORKERS=0` runs in one process).
WORKERS ?= auto
XDIST := -n $(WORKERS) --dist loadgroup
# The browser suite on PostgreSQL: each worker its own Chromium, live server and
# test database (the SQLite fallback runs in one process).
BROWSER_WORKERS ?= auto
BROWSER_XDIST := -n $(BROWSER_WORKERS)
# Exit 0 when PostgreSQL answers at PG_URL's server (its maintenance database).
PG_ANSWERS := $(PY) -c 'import sys, psycopg; from urllib.parse import urlsplit; \
	psycopg.connect(urlsplit(sys.argv[1])._replace(path="/postgres").geturl(), connect_timeout=3).close()' \
	"$(PG_URL)" >/dev/null 2>&1

.PHONY: run test test-postgres test-browser lint format messages install system-deps browser-deps bench bench-smoke bench-deps clean

$(VENV)/.installed: pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## make run: set up, migrate, give the site its name and address (SITE_NAME, SITE_URL),
## load demo data, serve with the task queue beside it.
run: install
	mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py sync_site
	$(PY) manage.py load_demo
	@echo ""
	@echo "Mentornett is starting at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Stop with Ctrl+C."
	@trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py qcluster & \
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: lint, then the whole suite on SQLite (whatever DATABASE_URL says), in
## parallel: each xdist worker has its own in-memory test database.
test: install lint
	DATABASE_URL= $(PY) -m pytest tests --ignore=tests/browser -q $(XDIST)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r site courses events network home -q
	$(VENV)/bin/lint-imports
	mkdir -p var
	$(PY) manage.py makemigrations --check --dry-run --settings=mentornett.settings.test

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## The suite again on PostgreSQL (the production engine); each xdist worker has its
## own test database (test_<name>_gw0, test_<name>_gw1, ...).
test-postgres: install
	DATABASE_URL=$(PG_URL) $(PY) -m pytest tests --ignore=tests/browser -q $(XDIST)

## WeasyPrint (certificate PDFs) needs HarfBuzz's subsetting library from Debian.
system-deps:
	@ldconfig -p | grep -q libharfbuzz-subset || { \
		echo "Installing Debian's libharfbuzz-subset0 for WeasyPrint"; \
		apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1 || { apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libharfbuzz-subset0; }; }

browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

## Real Chromium against a live server, with axe on every page. On PostgreSQL when
## it answers at PG_URL (the live server and the test then never share SQLite's
## locks), else on SQLite.
test-browser: install browser-deps
	@if $(PG_ANSWERS); then \
		echo "Browser suite on PostgreSQL ($(PG_URL))"; \
		echo DATABASE_URL=$(PG_URL) $(PY) -m pytest tests/browser -q $(BROWSER_XDIST); \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest tests/browser -q $(BROWSER_XDIST); \
	else \
		echo "PostgreSQL does not answer at $(PG_URL): browser suite on SQLite"; \
		echo $(PY) -m pytest tests/browser -q; \
		DATABASE_URL= $(PY) -m pytest tests/browser -q; \
	fi

## Throughput, latency and queries per page on PostgreSQL + Redis with the national
## dataset (gunicorn + wrk); writes var/bench/results.md. Not part of make test.
## Options: make bench BENCH_ARGS="--quick --only home min_side burst".
bench: install bench-deps
	$(PY) -m tests.perf.bench $(BENCH_ARGS)

## A short bench from an empty bench folder (a small dataset, two scenarios) on a
## database of its own: proves a first run on a clean clone works. Part of .ci/run.
## Its files go to var/smoke/bench (emptied first), so a developer's var/bench stays.
BENCH_SMOKE_DB_URL ?= $(PG_URL)_bench_smoke
BENCH_SMOKE_REDIS_URL ?= redis://127.0.0.1:6379/7
bench-smoke: install bench-deps
	rm -rf var/smoke
	MENTORNETT_VAR_DIR=$(CURDIR)/var/smoke BENCH_DB_URL=$(BENCH_SMOKE_DB_URL) \
		REDIS_URL=$(BENCH_SMOKE_REDIS_URL) \
		$(PY) -m tests.perf.bench --quick --scale 0.01 --only floor home

bench-deps:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing Debian's wrk for the bench"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

## Extract translatable strings to locale/nb (needs GNU gettext), then compile.
messages: install
	$(PY) manage.py makemessages -l nb --ignore=.venv --ignore=var --ignore=static --no-obsolete
	$(PY) manage.py compilemessages -l nb --ignore=.venv

clean:
	rm -rf $(VENV) var static
