# Welcoming Workplaces: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.DEFAULT_GOAL := help
.PHONY: help install run migrate demo test lint format messages bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip setuptools
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the project with its test tools

migrate: install ## Apply database migrations
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput

demo: migrate ## Load the demo site (only adds what is missing)
	$(BIN)/python manage.py load_demo_data

run: demo ## Install, migrate, load the demo and serve at http://127.0.0.1:8000
	$(BIN)/python manage.py runserver $(HOST)

# One pytest worker per core (pytest-xdist), handed tests two at a time so the
# slow browser tests, which pytest-django runs last, are shared out evenly.
XDIST ?= -n auto --maxschedchunk 2

test: install ## Run the whole test suite in parallel (DATABASE_URL picks the database)
	$(BIN)/python -m pytest $(XDIST)

.PHONY: reliability audit
reliability: install ## Restart the database and soak the site under gunicorn (own PostgreSQL)
	$(BIN)/python -m pytest -m server tests/reliability -p no:randomly -rP

audit: install ## Check installed packages for known vulnerabilities (pip-audit)
	$(BIN)/python .ci/audit_dependencies.py

lint: install ## Check Python style and templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --lint

format: install ## Reformat Python code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Update the French translation files
	$(BIN)/python manage.py makemessages --locale fr --extension html,txt,py,svg --ignore '.venv/*' --ignore 'var/*' --ignore 'demo/*' --ignore 'tests/*'

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/welcoming_bench

bench: install ## Benchmark pages through gunicorn, nginx and Redis, then open data and the impact report (REBUILD=1 rebuilds the data)
	$(BIN)/python -m bench.run $(if $(REBUILD),--rebuild)
	@# Each builds its own throwaway database next to the benchmark's.
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/open_data.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/impact_report.py

.PHONY: bench-workers
bench-workers: install ## Compare gunicorn worker configs, alone and behind nginx
	$(BIN)/python -m bench.workers

.PHONY: bench-report
bench-report: install ## Time the impact report on PostgreSQL (DATABASE_URL)
	$(BIN)/python bench/impact_report.py

clean: ## Remove the virtual environment and local data under var/
	rm -rf $(VENV) var
