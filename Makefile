# Set-up and everyday commands. Every target installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: serve build test check-tools benchmark lock clean

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

# The tests drive Debian's Chromium (never a browser downloaded by Playwright), run the Nu HTML
# checker on Java and lint workflows with tools from npm.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

check-tools:
	@command -v $(CHROMIUM) >/dev/null && command -v java >/dev/null || { \
	  echo "Installing Chromium and Java from Debian's packages"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium default-jre-headless fonts-dejavu-core >/dev/null; }

test: $(STAMP) $(NODE_STAMP) check-tools
	$(BIN)/python -m pytest

# Speed and size figures (not tests): build time against a stock build, and Lighthouse scores.
benchmarks/node_modules/.installed: benchmarks/package.json benchmarks/package-lock.json
	cd benchmarks && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

benchmark: $(STAMP) check-tools benchmarks/node_modules/.installed build
	$(BIN)/python benchmarks/build_time.py
	CHROME_PATH=$(CHROMIUM) $(BIN)/python benchmarks/lighthouse.py

# Refresh requirements.lock after changing the pins in pyproject.toml.
lock:
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv
	.lockvenv/bin/python -m pip install --quiet ".[test]"
	{ echo "# Generated from pyproject.toml by 'make lock'. Install with: pip install -r requirements.lock"; \
	  .lockvenv/bin/python -m pip freeze --exclude wegweiser-site; } > requirements.lock
	rm -rf .lockvenv

clean:
	rm -rf site .pytest_cache
