# Vehicle of the Future portal. `make` alone lists the targets.
# Python 3.12+ is required: pyenv's .python-version selects it, or set PYTHON=/path/to/python3.12.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
SCALE ?= 0
# Test processes (pytest-xdist): one per core; TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto
CLUSTER_PORT ?= 8080
# Development defaults for `run`, `demo`, `test` and `check`; `serve` always runs with DEBUG off.
DEV_ENV := DEBUG=$${DEBUG:-true} STAFF_MFA_EXEMPT_EMAILS=$${STAFF_MFA_EXEMPT_EMAILS:-staff@vehicle-of-the-future.example}
DEMO_PASSWORD := demo-portal-2026

.DEFAULT_GOAL := help
.PHONY: help install translations run demo serve worker bench cluster cluster-stop test lint fmt check messages clean vnu

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.12")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install the dependencies

translations: install
	@if command -v msgfmt >/dev/null; then $(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore '.venv' -v0; \
	else echo "msgfmt (gettext) not found: using the compiled catalogues of the repository"; fi

run: install translations ## Migrate, load the demo content and serve http://$(HOST):$(PORT) (SQLite by default)
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	@echo
	@echo "  The portal runs at http://$(HOST):$(PORT)/  (English: http://$(HOST):$(PORT)/en/)"
	@echo "  Back-office:       http://$(HOST):$(PORT)/admin/"
	@echo "  Demo logins (password $(DEMO_PASSWORD) for all):"
	@echo "    staff         staff@vehicle-of-the-future.example"
	@echo "    member admin  member@voltaria-demo.example"
	@echo
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

demo: install ## Load the demo content only (SCALE=N adds N generated organisations)
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput -v0
	$(DEV_ENV) $(BIN)/python manage.py load_demo --scale $(SCALE)

serve: install ## Production-like: DEBUG off, collectstatic, gunicorn on $(PORT); needs SECRET_KEY
	DEBUG=false $(BIN)/python manage.py check
	DEBUG=false $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=false $(BIN)/python manage.py migrate --noinput -v0
	DEBUG=false $(BIN)/gunicorn cluster_site.wsgi --config gunicorn.conf.py --bind $(HOST):$(PORT)

worker: install ## Run the background worker (production uses TASKS_BACKEND=database)
	TASKS_BACKEND=$${TASKS_BACKEND:-database} $(BIN)/python manage.py db_worker --queue-name '*' --no-reload $(WORKER_ARGS)

bench: install translations ## Benchmark under wrk: gunicorn, PostgreSQL portal_bench (SCALE 5000), Redis
	@for tool in wrk nginx redis-server; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	BENCH_SCALE=$${BENCH_SCALE:-5000} $(BIN)/python bench/run.py

cluster: install ## nginx, two app servers, a worker, Redis, S3 and PostgreSQL on this machine, at http://127.0.0.1:$(CLUSTER_PORT); Ctrl-C stops it
	$(BIN)/python deploy/cluster.py start --port $(CLUSTER_PORT)

cluster-stop: ## Stop what `make cluster` started (from another terminal)
	$(BIN)/python deploy/cluster.py stop --port $(CLUSTER_PORT)

test: install translations ## Run the whole test suite on every core (TEST_WORKERS=auto; browser tests need /usr/bin/chromium)
	$(DEV_ENV) $(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The Nu HTML checker for the site crawl (tests/cluster_site/test_browser_crawl.py): Debian's
# Java and the vnu.jar of the npm package, kept in .cache/ (not in the repository).
VNU_VERSION := 26.9.27
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
vnu: ## Install the Nu HTML checker (java + vnu.jar) used by the accessibility crawl test
	@for tool in java npm; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing default-jre-headless and npm with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless npm >/dev/null; \
	fi
	test -f $(VNU_JAR) || npm install --no-save --no-audit --no-fund --ignore-scripts --prefix .cache/vnu vnu-jar@$(VNU_VERSION)
	java -jar $(VNU_JAR) --version

lint: install ## ruff lint and format check, djhtml check of the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

fmt: install ## Format the code and the templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: install ## Django checks, missing migrations and translation catalogues
	$(DEV_ENV) $(BIN)/python manage.py check
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(BIN)/python manage.py messages --check

messages: install ## Update the French catalogues of every app after changing strings
	$(DEV_ENV) $(BIN)/python manage.py messages

clean: ## Remove the virtualenv, caches and collected static files
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
