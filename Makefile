# Mentornett — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/mentornett

.PHONY: run test test-postgres test-browser lint format messages install system-deps browser-deps bench bench-deps clean

$(VENV)/.installed: pyproject.toml
	@$(MAKE) --no-print-directory system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

## make run: set up, migrate, load demo data, serve with the task queue beside it.
run: install
	mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo
	@echo ""
	@echo "Mentornett is starting at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Stop with Ctrl+C."
	@trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py qcluster & \
	$(PY) manage.py runserver $(HOST):$(PORT)

## make test: lint, then the whole suite on SQLite.
test: install lint
	$(PY) -m pytest tests --ignore=tests/browser -q

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

## The suite again on PostgreSQL (the production engine).
test-postgres: install
	DATABASE_URL=$(PG_URL) $(PY) -m pytest tests --ignore=tests/browser -q

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

## Real Chromium against a live server, with axe on every page.
test-browser: install browser-deps
	$(PY) -m pytest tests/browser -q

## Throughput, latency and queries per page on PostgreSQL + Redis with the national
## dataset (gunicorn + wrk); writes var/bench/results.md. Not part of make test.
## Options: make bench BENCH_ARGS="--quick --only home min_side burst".
bench: install bench-deps
	$(PY) -m tests.perf.bench $(BENCH_ARGS)

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
