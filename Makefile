# Set-up and everyday commands. Every target installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
# Debian packages are installed with apt-get: as root directly, otherwise through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test check check-tools spelling-tools pdf-tools translation-status external-links benchmark lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# Exact pins only; never --pre (MkDocs 2.0 pre-releases drop plugins and hooks).
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# RELEASE=1 (the deploy workflow) refuses placeholders in the legal and contact data.
build: $(STAMP) pdf-tools
	WEGWEISER_RELEASE=$(RELEASE) $(BIN)/mkdocs build --strict --clean

# The editors' quick check: data, chapters, links and anchors, twins, placeholders, spelling.
check: $(STAMP) spelling-tools
	$(BIN)/python tools/check.py $(if $(RELEASE),--release)

# Pages and pilot records whose one language changed after the other (from git history).
translation-status: $(STAMP)
	$(BIN)/python tools/translation_status.py

# Weekly in CI: links to other websites that no longer answer.
external-links: build
	$(BIN)/python tools/external_links.py

# WeasyPrint (the PDF of the guide) draws text with Pango from Debian's packages.
pdf-tools:
	@ldconfig -p | grep -q libpangoft2-1.0 || { \
	  echo "Installing Pango for the PDF"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

spelling-tools:
	@command -v hunspell >/dev/null && test -f /usr/share/hunspell/de_DE.dic && test -f /usr/share/hunspell/nl_NL.dic || { \
	  echo "Installing hunspell and Debian's German and Dutch dictionaries"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends hunspell hunspell-de-de hunspell-nl >/dev/null; }

# The tests drive Debian's Chromium (never a browser downloaded by Playwright), run the Nu HTML
# checker on Java and lint workflows with tools from npm.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

check-tools:
	@command -v $(CHROMIUM) >/dev/null && command -v java >/dev/null || { \
	  echo "Installing Chromium and Java from Debian's packages"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
	    --no-install-recommends chromium default-jre-headless fonts-dejavu-core >/dev/null; }

test: $(STAMP) $(NODE_STAMP) check-tools spelling-tools pdf-tools
	$(BIN)/python -m pytest

# Speed and size figures (not tests): build time against a stock build, the search (query set,
# bytes until the first results, Pagefind's share of the build), and Lighthouse scores.
benchmarks/node_modules/.installed: benchmarks/package.json benchmarks/package-lock.json
	cd benchmarks && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

benchmark: $(STAMP) check-tools benchmarks/node_modules/.installed build
	$(BIN)/python benchmarks/build_time.py
	CHROME_PATH=$(CHROMIUM) $(BIN)/python benchmarks/search.py
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
