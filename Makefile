# Hamkor — build, run and test.
#   make run     installs libxlsxwriter-dev if missing, builds, writes the sample report set to ./out
#   make test    installs libxlsxwriter-dev and PostgreSQL if missing, runs every test (beside a throwaway server)
#   make bench   runs the benchmarks (release build; not part of the tests)
#   make bench-instructions   instruction counts of the XLSX export against the C writer (callgrind)
#   make install PREFIX=/usr/local   installs the binary and its Localization/ and Reports/ files
#   make dist    a release tarball under dist/ (static Swift runtime, resources, man page, completions)
#   make test-dist   builds it and runs the sample job from it, unpacked in a temporary folder
#                (not part of make test: the static release build takes minutes on 2 cores)

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PREFIX ?= /usr/local
SWIFT ?= swift
OUT ?= out
HAMKOR := .build/debug/hamkor
CATALOGS := $(wildcard Localization/*.po)

.PHONY: dist test-dist all deps test-deps build run test test-swift check-catalogs check-l10n example bench bench-instructions install check-office fuzz clean

all: build

# System packages the build needs. apt-get runs only when something is missing.
deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build --product hamkor

run: build
	$(HAMKOR) batch Reports/jobs.yaml --out $(OUT)
	@echo "Reports written to $(abspath $(OUT)) (manifest: $(abspath $(OUT))/manifest.json)"

test: test-deps check-catalogs example check-l10n test-swift

# The build's packages and what only the tests use (LibreOffice, to open workbooks).
test-deps:
	@bash scripts/install-deps.sh --tests

# The tests run beside a throwaway PostgreSQL server on loopback, stopped afterwards.
test-swift:
	$(SWIFT) build --build-tests
	bash scripts/with-postgres.sh $(SWIFT) test --skip-build --parallel --num-workers 2

# Every catalog must compile with GNU gettext, with no fuzzy or untranslated entry.
check-catalogs:
	@for po in $(CATALOGS); do \
	  stats=$$(msgfmt --check --statistics -o /dev/null "$$po" 2>&1); \
	  echo "$$po: $$stats"; \
	  if grep -Eq 'fuzzy|untranslated' <<<"$$stats"; then echo "$$po: fuzzy or untranslated entries" >&2; exit 1; fi; \
	done
	@msgfmt --check -o /dev/null Localization/hamkor.pot

check-l10n: build
	$(HAMKOR) l10n check --strict --quiet

# The example third-party exporter package: built and tested against this checkout.
example:
	$(SWIFT) build --package-path Examples/MarkdownExporter
	$(SWIFT) test --package-path Examples/MarkdownExporter

dist: deps
	bash scripts/dist.sh

test-dist: dist
	bash scripts/test-dist.sh

bench: deps
	bash Benchmarks/run.sh
	bash Benchmarks/sources.sh

bench-instructions: deps
	bash Benchmarks/instructions.sh

install: deps
	$(SWIFT) build -c release --product hamkor
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/hamkor"
	install -m 755 "$$($(SWIFT) build -c release --show-bin-path)/hamkor" "$(DESTDIR)$(PREFIX)/bin/hamkor"
	rm -rf "$(DESTDIR)$(PREFIX)/share/hamkor/Localization" "$(DESTDIR)$(PREFIX)/share/hamkor/Reports"
	cp -R Localization Reports "$(DESTDIR)$(PREFIX)/share/hamkor/"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/hamkor with resources in $(DESTDIR)$(PREFIX)/share/hamkor"

# Opens every workbook of ./out in LibreOffice (converts to PDF); skips when soffice is missing.
check-office:
	@bash scripts/check-office.sh $(OUT)

fuzz:
	bash scripts/fuzz.sh

clean:
	rm -rf .build .build-dist dist $(OUT)
