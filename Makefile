# Anju — the two commands of the README are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n 2

.PHONY: install install-run install-test run serve worker test lint check-migrations pytest browser-test bench clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Python packages (pinned) and npm assets; redone only when the pins change.
$(STAMP): $(PY) requirements/base.txt requirements/test.txt package.json package-lock.json
	$(PIP) install --quiet -r requirements/test.txt
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)
	$(PY) manage.py vendor_assets

install-run: install
	scripts/system-deps.sh run

install-test: install
	scripts/system-deps.sh test

# First command: install, migrate, load the Bozhou demo, serve on http://127.0.0.1:8000.
run: install-run
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_setup --url http://$(HOST):$(PORT)
	$(PY) manage.py load_boundaries
	$(MAKE) --no-print-directory serve

serve:
	@$(PY) manage.py run_huey --quiet >var/worker.log 2>&1 & echo $$! >var/worker.pid; \
	trap 'kill $$(cat var/worker.pid) 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

worker: install
	$(PY) manage.py run_huey

# Second command: install, lint, migration check, the whole pytest suite incl. browser tests.
test: install-test lint check-migrations pytest

lint:
	$(VENV)/bin/ruff check .

check-migrations:
	DJANGO_SETTINGS_MODULE=config.django.test $(PY) manage.py makemigrations --check --dry-run

pytest:
	$(VENV)/bin/pytest -q -p no:warnings $(PYTEST_ARGS)

bench: install
	$(PIP) install --quiet -r requirements/bench.txt
	$(PY) -m bench.run

clean:
	rm -rf $(VENV) node_modules anju/static/vendor staticfiles var
