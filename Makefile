# Set-up and everyday commands. Every target installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# Exact pins only; never --pre (MkDocs 2.0 pre-releases drop plugins and hooks).
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

test: $(STAMP)
	$(BIN)/python -m pytest

# Refresh requirements.lock after changing the pins in pyproject.toml.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet ".[test]"
	{ echo "# Generated from pyproject.toml by 'make lock'. Install with: pip install -r requirements.lock"; \
	  .lockvenv/bin/python -m pip freeze --exclude wegweiser-site; } > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf site .pytest_cache
