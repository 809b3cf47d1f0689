# Set-up and everyday commands. Every target installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BUILD_STAMP := $(VENV)/.installed-build
TEST_STAMP := $(VENV)/.installed-test
export NO_MKDOCS_2_WARNING := 1
# pa11y's Puppeteer drives Debian's Chromium (tests/pa11y_run.mjs): never a browser of its own.
export PUPPETEER_SKIP_DOWNLOAD := 1

NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
# Debian packages are installed with apt-get: as root directly, otherwise through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test check bytecode cms-server editor-screenshots check-tools spelling-tools pdf-tools translation-status external-links benchmark lock clean

# Two locked sets (requirements/*.txt, written by 'make lock'): what builds the site, and that plus the
# test tools. Hash-checked wheels only: pip refuses any file whose hash is not in the lock, and
# --only-binary means no package is built from source (a build would fetch unchecked tools).
# Exact pins only; never --pre (MkDocs 2.0 pre-releases drop plugins and hooks).
PIP_INSTALL = $(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: --requirement

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The core package wegweiser/ is imported from the checkout by hooks, tools, tests and benchmarks:
# a path file in the venv (nothing to build, so nothing unchecked to fetch).
INSTALL_CORE = $(BIN)/python -c "import pathlib, sysconfig; \
	pathlib.Path(sysconfig.get_path('purelib'), 'wegweiser-checkout.pth').write_text('$(CURDIR)\n')"

$(BUILD_STAMP): requirements/build.txt | $(BIN)/python
	$(PIP_INSTALL) requirements/build.txt
	$(INSTALL_CORE)
	touch $@

# The test set contains the build set (same versions), so it stands for both.
$(TEST_STAMP): requirements/build.txt requirements/test.txt | $(BIN)/python
	$(PIP_INSTALL) requirements/test.txt
	$(INSTALL_CORE)
	touch $@ $(BUILD_STAMP)

# Where the environment sets PYTHONDONTWRITEBYTECODE (this machine does), Python compiles the core
# and the hooks anew in every build; pip compiles installed packages ahead, and this does the same
# for ours (only what changed; Python ignores a .pyc whose source is newer).
bytecode: $(BUILD_STAMP)
	@$(BIN)/python -m compileall -q wegweiser hooks

serve: $(BUILD_STAMP) $(NODE_STAMP) bytecode
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The web editor on this machine: with `make serve` running, open http://127.0.0.1:8000/admin/ and
# sign in; every save becomes a branch (cms/...) of this repository, as a pull request would on GitHub.
cms-server: $(NODE_STAMP)
	PORT=8081 BIND_HOST=127.0.0.1 MODE=git GIT_REPO_DIRECTORY="$(CURDIR)" node node_modules/decap-server/dist/index.js

# RELEASE=1 (the deploy workflow) refuses placeholders in the legal and contact data.
build: $(BUILD_STAMP) $(NODE_STAMP) pdf-tools bytecode
	WEGWEISER_RELEASE=$(RELEASE) $(BIN)/mkdocs build --strict --clean

# The editors' quick check (data, chapters, links and anchors, twins, style, placeholders,
# spelling), then the developers' one: ruff and mypy over the code.
check: $(TEST_STAMP) spelling-tools
	$(BIN)/python tools/check.py $(if $(RELEASE),--release)
	$(BIN)/python -m ruff check wegweiser hooks tools benchmarks tests
	$(BIN)/python -m mypy

# Pages and pilot records whose one language changed after the other (from git history).
translation-status: $(BUILD_STAMP)
	$(BIN)/python tools/translation_status.py

# Weekly in CI: links to other websites that no longer answer (LinkChecker is in the test set).
external-links: $(TEST_STAMP) build
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

# nginx from Debian's package, unpacked into .tools/ (not installed: no service starts), to run
# the header snippet deploy/nginx-wegweiser.conf in the tests.
NGINX := .tools/nginx/usr/sbin/nginx
$(NGINX):
	@echo "Unpacking Debian's nginx for the header tests"
	@tmp="$$(mktemp -d)" && trap 'rm -rf "$$tmp"' EXIT && chmod 755 "$$tmp" && cd "$$tmp" && \
	  { apt-get download nginx >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && apt-get download nginx >/dev/null; }; } && \
	  mkdir -p "$(CURDIR)/.tools/nginx" && dpkg-deb -x nginx_*.deb "$(CURDIR)/.tools/nginx"
	@test -x $@ && touch $@

test: $(TEST_STAMP) $(NODE_STAMP) $(NGINX) check-tools spelling-tools pdf-tools bytecode
	# Two workers: this machine and CI have two cores (tests/conftest.py builds the site once for both).
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The pictures of CONTRIBUTING.md, taken by the web editor's browser test (commit them afterwards).
editor-screenshots: $(TEST_STAMP) $(NODE_STAMP) check-tools
	$(BIN)/python -m pytest tests/test_cms_browser.py
	cp test-output/docs-editors/*.png docs-editors/

# Speed and size figures (not tests): build time against a stock build, the search (query set,
# bytes until the first results, Pagefind's share of the build), and Lighthouse scores.
benchmarks/node_modules/.installed: benchmarks/package.json benchmarks/package-lock.json
	cd benchmarks && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

benchmark: $(BUILD_STAMP) check-tools benchmarks/node_modules/.installed build
	$(BIN)/python benchmarks/build_time.py
	CHROME_PATH=$(CHROMIUM) $(BIN)/python benchmarks/search.py
	CHROME_PATH=$(CHROMIUM) $(BIN)/python benchmarks/lighthouse.py

# Rewrite the locked sets from pyproject.toml (build: [project] dependencies; test: plus the "test"
# extra, held to the build set's versions) with pip-tools, itself installed from its own lock.
# Every distribution file of a pinned version gets its hash (all platforms' wheels), extras are
# written out as the packages they pull in. Existing pins stay unless pyproject.toml moves them;
# 'make lock UPGRADE=1' raises every unpinned dependency to its newest version.
LOCK_VENV := .lockvenv
PIP_COMPILE = $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade)

lock:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { \
	  echo "make lock: resolve with Python 3.11, as CI runs it: make lock PYTHON=python3.11"; exit 1; }
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --require-hashes --only-binary :all: \
	  --requirement requirements/tools.txt
	$(PIP_COMPILE) --output-file requirements/tools.txt requirements/tools.in
	$(PIP_COMPILE) --output-file requirements/build.txt pyproject.toml
	$(PIP_COMPILE) --extra test --constraint requirements/build.txt --output-file requirements/test.txt pyproject.toml
	rm -rf $(LOCK_VENV)

clean:
	rm -rf site .pytest_cache
