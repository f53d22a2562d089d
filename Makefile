# The course's commands. Each target installs what it needs: a virtual environment (.venv)
# with the package and its docs/test extras, the site's JavaScript (npm ci), and for the
# browser tests Debian's chromium (apt-get, as root or through sudo).
#
#   make serve   run the tests and page code (stamps), build the site, serve it on http://127.0.0.1:8000
#   make site    the same build into site/ (what the Pages workflow deploys), with the course PDF
#   make test    every test: unit tests and page code under default and generic numerics, JS logic,
#                strict build, browser
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

# The pinned torch/torchvision pair; the weekly newest-release run sets CONSTRAINTS= (none).
CONSTRAINTS ?= scripts/constraints.txt
PIP_CONSTRAINTS := $(if $(CONSTRAINTS),-c $(CONSTRAINTS))
# Where PyTorch's wheels come from: empty means the package index pip is set up with. A CPU-only
# machine can set PyTorch's CPU wheel index here (the GitHub workflows do) to skip the CUDA build.
TORCH_INDEX ?=

# The fast suite: unit tests, the pages' code blocks, the examples, the README. Its run record
# (.cache/docs-run.json, replaced by every run) is what the site build stamps each page from.
PYTEST_FAST := $(BIN)/pytest -q -n $(JOBS) -p no:cacheprovider -m "not site and not gpu and not slow"

# A numeric configuration that differs from the default on every machine: generic CPU kernels
# in OpenBLAS, NumPy (only its baseline SIMD) and PyTorch, and one thread. A page's output must
# be the same under both (tests/test_numeric_config.py checks that these settings take effect).
ARCH := $(shell uname -m)
GENERIC_KERNELS_x86_64  := OPENBLAS_CORETYPE=Prescott NPY_DISABLE_CPU_FEATURES=X86_V3,X86_V4,AVX512_ICL,AVX512_SPR,AVX2,FMA3,AVX512F,AVX512_SKX
GENERIC_KERNELS_aarch64 := OPENBLAS_CORETYPE=ARMV8 NPY_DISABLE_CPU_FEATURES=ASIMDHP,ASIMDDP,ASIMDFHM,SVE
GENERIC_ENV := $(GENERIC_KERNELS_$(ARCH)) ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1 \
  OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 SYLLABUS_NUMERIC=generic \
  SYLLABUS_RUN_RECORD=.cache/docs-run-generic.json

# The browser the site tests drive: Debian's chromium unless SYLLABUS_CHROMIUM names another.
export SYLLABUS_CHROMIUM ?= /usr/bin/chromium

.PHONY: serve site test test-fast test-generic test-site docs-run docs-run-lenient \
  chromium benchmarks clean

$(DEPS): pyproject.toml scripts/constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(if $(TORCH_INDEX),$(BIN)/python -m pip install -q $(PIP_CONSTRAINTS) --index-url $(TORCH_INDEX) torch torchvision)
	$(BIN)/python -m pip install -q $(PIP_CONSTRAINTS) -e '.[docs,test]'
	touch $@

$(JSDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund

chromium:
	@[ -x "$(SYLLABUS_CHROMIUM)" ] || { \
	  [ "$(SYLLABUS_CHROMIUM)" = /usr/bin/chromium ] || { echo "SYLLABUS_CHROMIUM=$(SYLLABUS_CHROMIUM) is not an executable"; exit 1; }; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Run the fast suite (which executes every page's code) and record it for the stamps; fails
# when anything fails. (Its unit tests drive the build's KaTeX renderer: npm ci first.)
docs-run: $(DEPS) $(JSDEPS)
	$(PYTEST_FAST)

# The same run for building a site to read: a failure is reported on its page's stamp (and
# here), and the build goes on, so a reader is never stopped by one broken block.
docs-run-lenient: $(DEPS) $(JSDEPS)
	@$(PYTEST_FAST) || echo "*** Some tests or page blocks failed: the pages concerned say which, at their top. ***"

# The build, then the whole course as a PDF (site/print/course.pdf, printed from the page
# print/ by the headless browser; about a minute).
site: $(DEPS) $(JSDEPS) chromium docs-run-lenient
	$(BIN)/mkdocs build --strict
	$(BIN)/python scripts/print_pdf.py

serve: $(DEPS) $(JSDEPS) docs-run-lenient
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The fast suite again under the generic numeric configuration (its record goes elsewhere),
# less the tests marked numeric_free (text, layout and hook tests: nothing there a CPU changes).
test-generic: $(DEPS) $(JSDEPS)
	env $(GENERIC_ENV) $(PYTEST_FAST) -m "not site and not gpu and not slow and not numeric_free"

# Unit tests (actionlint on the workflows among them) + executed doc blocks under default and
# generic numerics + widget logic.
test-fast: docs-run test-generic $(JSDEPS)
	node --test tests/js/
	node_modules/.bin/eslint docs/javascripts tests/js eslint.config.js
	$(BIN)/ruff check syllabus_code scripts tests benchmarks docs
	$(BIN)/ruff format --check syllabus_code scripts tests benchmarks docs

# Tests of the built site: the audit's built-site half and the real-browser tests. The site is
# built from the record `docs-run` just left, exactly as `make serve` builds it. The course PDF
# (scripts/print_pdf.py, as `make site` prints it) is printed by the test session, in the
# background while the browser tests run (tests/site_pdf.py).
test-site: $(DEPS) $(JSDEPS) chromium
	$(BIN)/mkdocs build --strict
	$(BIN)/pytest -p no:cacheprovider -m site

test: test-fast test-site

benchmarks: $(DEPS)
	@for b in benchmarks/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf site .cache .pytest_cache
