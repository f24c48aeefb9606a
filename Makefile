# The project's verbs. Each target sets up what it needs first, so a fresh clone needs only `make serve` or `make test`.
# CI calls the same targets as a person.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installiert
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test build check lint pdf bench lock clean

help: ## List the verbs.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# Python environment from the pinned versions; rebuilt when requirements.txt changes.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

serve: $(STAMP) ## Serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP) ## Validate the data only; prints every error with its line.
	$(BIN)/python scripts/check.py

build: $(STAMP) ## Check the data, then build the site into site/.
	$(BIN)/python scripts/check.py
	$(BIN)/mkdocs build --strict --site-dir site

test: $(STAMP) ## Run every test.
	$(BIN)/pytest

lint: $(STAMP) ## Lint the Python code.
	$(BIN)/ruff check macros scripts tests

lock: ## Re-resolve requirements.txt from pyproject.toml's ranges.
	rm -rf /tmp/ik-lock && $(PYTHON) -m venv /tmp/ik-lock && /tmp/ik-lock/bin/pip install --quiet ".[dev]"
	{ head -2 requirements.txt; /tmp/ik-lock/bin/pip freeze | grep -v integrationskonzept; } > requirements.new && mv requirements.new requirements.txt

clean: ## Remove built output and the environment.
	rm -rf site $(VENV) .pytest_cache
