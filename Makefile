# ClaimDiff: the two set-up commands are `make demo` and `make test`.
# Both create .venv, install pinned dependencies (and missing Debian packages
# when run as root), then do their job. Everything else here is a helper.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
SEEDS := seeds/afp-g7-lucca-2017-04-11.txt seeds/rferl-g7-lucca-2017-04-11.txt
DEMO_DB ?=
DEMO_REPORT := out/seed-comparison.html

# Debian packages: Qt's runtime libraries, Xvfb, and the tools the tests call.
APT_RUNTIME := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 \
	libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-cursor0 fonts-dejavu-core
APT_TEST := postgresql poppler-utils desktop-file-utils appstream xvfb

.PHONY: demo test app system-deps system-deps-test deps deps-test lint typecheck bench package clean

demo: system-deps deps
	$(VENV)/bin/claimdiff compare $(SEEDS) $(if $(DEMO_DB),--db $(DEMO_DB)) --format html --output $(DEMO_REPORT)

app: system-deps deps
	$(VENV)/bin/claimdiff-gui $(SEEDS)

test: system-deps system-deps-test deps-test
	$(VENV)/bin/ruff check claimdiff ui tests benchmarks packaging
	$(VENV)/bin/ruff format --check claimdiff ui tests benchmarks packaging
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

system-deps:
	@bash packaging/apt-install.sh $(APT_RUNTIME)

system-deps-test:
	@bash packaging/apt-install.sh $(APT_TEST)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.deps: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.deps-test: pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[test,package]'
	@touch $@ $(VENV)/.deps

deps: $(VENV)/.deps

deps-test: $(VENV)/.deps-test

lint: deps-test
	$(VENV)/bin/ruff check claimdiff ui tests benchmarks packaging
	$(VENV)/bin/ruff format --check claimdiff ui tests benchmarks packaging

typecheck: deps-test
	$(VENV)/bin/mypy

# Benchmarks (issue 8): figures, ratios to the last run, docs/performance.md. Never pass/fail.
$(VENV)/.deps-bench: pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[bench]'
	@touch $@

bench: system-deps deps $(VENV)/.deps-bench
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks $(BENCH_ARGS)

# The one-folder bundle dist/claimdiff/ (claimdiff + claimdiff-gui), see packaging/.
$(VENV)/.deps-package: pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[package]'
	@touch $@

package: system-deps deps $(VENV)/.deps-package
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/claimdiff.spec
	@echo "bundle: dist/claimdiff/ (run dist/claimdiff/claimdiff --version)"

clean:
	rm -rf $(VENV) build dist out *.egg-info
