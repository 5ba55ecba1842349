# TechPolicy KZ. `make run` starts the system (web server and worker) on SQLite with demo data; `make test` runs every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed

.PHONY: run test install browser lint bench messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "  TechPolicy KZ: http://$(HOST):$(PORT)/   (demo logins: see README.md)"
	@echo "  The web server and the background worker run together; Ctrl-C stops both."
	@echo ""
	$(BIN)/python manage.py serve $(HOST):$(PORT)

# The end-to-end test drives Debian's Chromium; install it when it is missing.
browser:
	@test -x /usr/bin/chromium || scripts/install-system-packages

# One pytest worker per core (pytest-xdist), each on its own test database; TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto
test: install browser
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/technopark_load.py
	$(BIN)/python bench/p2020_vs_openfisca.py
	$(BIN)/python bench/forecast_delphi.py
	$(BIN)/python bench/forecast_trends.py

# Re-extract the strings (needs GNU gettext) and compile the catalogues (polib).
messages: install
	cd src/techpolicy && ../../$(BIN)/python ../../manage.py makemessages -l kk -l ru -e html,py,txt \
		--no-obsolete --ignore='*/migrations/*'
	$(BIN)/python scripts/compile_messages.py
