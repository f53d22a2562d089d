# The course's commands. Each target installs what it needs: a virtual environment (.venv)
# with the package and its docs/test extras, the site's JavaScript (npm ci), and for the
# browser tests Debian's chromium (apt-get, as root or through sudo).
#
#   make serve   build the site and serve it on http://127.0.0.1:8000
#   make test    every test: unit tests, executed doc blocks, JS logic, strict build, browser
#
# Data: set SYLLABUS_DATA to a folder in torchvision's layout; by default the offline copy
# beside the checkout (../shared/data) is used when it exists, else the user cache.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEPS   := $(VENV)/.deps-installed
JSDEPS := node_modules/.package-lock.json
JOBS   ?= 2
SHARED_DATA := $(abspath ../shared/data)
ifneq ($(wildcard $(SHARED_DATA)),)
export SYLLABUS_DATA ?= $(SHARED_DATA)
endif
export MPLBACKEND := Agg
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve site test test-fast test-site docs-run chromium benchmarks clean

$(DEPS): pyproject.toml scripts/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c scripts/constraints.txt -e '.[docs,test]'
	touch $@

$(JSDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Run the pages' code blocks: the record they leave (.cache/docs-run.json) stamps each page.
docs-run: $(DEPS)
	$(BIN)/pytest -q -n $(JOBS) -p no:cacheprovider docs

site: $(DEPS) $(JSDEPS)
	$(BIN)/mkdocs build --strict

serve: $(DEPS) $(JSDEPS) docs-run
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Unit tests + executed doc blocks + widget logic (no built site needed).
test-fast: $(DEPS) $(JSDEPS)
	$(BIN)/pytest -n $(JOBS) -m "not site and not gpu and not slow"
	node --test tests/js/

# Tests of the built site: the audit's built-site half and the real-browser tests.
test-site: $(DEPS) $(JSDEPS) chromium
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest -m site

test: test-fast test-site

benchmarks: $(DEPS)
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf site .cache .pytest_cache
