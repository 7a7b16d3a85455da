# unpress — see README.md.  `make` installs what is missing, builds ./unpress
# and publishes input/ into output/; `make test` runs every test.

BUILD    ?= build
CC       ?= cc
# The program links libxml2 and cmark-gfm alone; the editions' heavy
# libraries are in modules loaded when asked for (util/module.h): pdf.so
# (cairo, pango, libhyphen) and html.so (libxslt).  -rdynamic: a module
# calls back into the program for the floors below it.
PKGS      = libcmark-gfm libxml-2.0
PDF_PKGS  = cairo pangocairo
HTML_PKGS = libxslt libexslt
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Isrc \
            $(shell pkg-config --cflags $(PKGS) $(PDF_PKGS) $(HTML_PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs libcmark-gfm 2>/dev/null) -lcmark-gfm-extensions -lm
# libxml2 is linked into the program itself when Debian's static archive
# is there (libxml2-dev ships it): the shared one brings ICU and libstdc++,
# and loading those was most of the time unpress took to start
# (tests/bench/startup.sh).  The whole archive, so that libxslt (html.so)
# finds every libxml2 function in the program (-rdynamic) and one copy of
# libxml2 serves all; src/util/no_icu.c stands for ICU, which libxml2
# consults only for encodings iconv lacks.  XML_SHARED=1 links the shared
# libxml2 instead; the fuzzers always do.
XML_A    := $(if $(XML_SHARED),,$(wildcard $(shell pkg-config --variable=libdir libxml-2.0 2>/dev/null)/libxml2.a))
XML_LIBS  = $(shell pkg-config --libs libxml-2.0 2>/dev/null)
ifneq ($(XML_A),)
PROG_XML  = -Wl,--whole-archive $(XML_A) -Wl,--no-whole-archive $(BUILD)/src/util/no_icu.o -lz -llzma
else
PROG_XML  = $(XML_LIBS)
endif
PDF_LIBS  = $(shell pkg-config --libs $(PDF_PKGS) 2>/dev/null) -lhyphen -lm
HTML_LIBS = $(shell pkg-config --libs $(HTML_PKGS) 2>/dev/null)
# Extra flags for instrumented builds (make test-sanitize, make fuzz); kept
# apart from CFLAGS so that setting them does not drop the flags above.
SAN      ?=
CFLAGS   += $(SAN)

# Debian packages the build and the tests need (checked by tests/deps.sh).
DEB_BUILD = build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
            libxml2-dev libxslt1-dev libcairo2-dev libpango1.0-dev libhyphen-dev \
            hyphen-en-us hyphen-fr hyphen-es hyphen-ru wbritish wamerican \
            fonts-liberation2 fonts-hosny-amiri fonts-noto-cjk libxml2-utils
DEB_TEST  = python3 python3-lxml libxml2-utils cmark-gfm qpdf poppler-utils parallel bsdutils \
            default-jre-headless chromium valgrind clang libclang-rt-14-dev strace time

SRC  := $(sort $(wildcard src/*.c src/*/*.c))
# Each module's files; door.c, in the program, loads the module.
MOD_pdf  := $(filter-out src/pdf/door.c,$(wildcard src/pdf/*.c))
MOD_html := src/html/xslt.c src/html/flush.c src/html/walk.c src/html/export.c
MODSRC   := $(MOD_pdf) $(MOD_html)
MODOBJ   := $(MODSRC:%.c=$(BUILD)/mod/%.o)
MODULES  := $(BUILD)/editions/pdf.so $(BUILD)/editions/html.so
DOOROBJ  := $(BUILD)/src/pdf/door.o $(BUILD)/src/html/door.o
MAIN := $(filter-out src/fuzz/% src/util/no_icu.c $(MODSRC),$(SRC))
OBJ  := $(MAIN:%.c=$(BUILD)/%.o) $(BUILD)/src/doc/wordlist_blob.o
LIBOBJ := $(filter-out $(BUILD)/src/main.o,$(OBJ))

.PHONY: all build-deps test-deps deps link-libs unpress unit publish test test-sanitize fuzz clean fidelity corpus-site
all: build-deps unpress publish

# the Debian packages the build needs (as root: apt-get; else it says what)
build-deps:
	@sh tests/deps.sh $(DEB_BUILD)

test-deps:
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_TEST)

unpress: $(BUILD)/unpress
	@cp $(BUILD)/unpress ./unpress

$(BUILD)/unpress: $(OBJ) $(MODULES) $(if $(XML_A),$(BUILD)/src/util/no_icu.o) $(BUILD)/.link
	@echo "LD $@"
	@$(CC) $(CFLAGS) -rdynamic -o $@ $(OBJ) $(LDFLAGS) $(PROG_XML) $(LDLIBS)

# What the program links, for tests/bench/startup.sh's floor.
link-libs:
	@echo $(PROG_XML) $(LDLIBS)

# The program looks for its modules beside itself, then where the build
# wrote them (src/util/module.c).
$(BUILD)/src/util/module.o: CFLAGS += -DUNPRESS_BUILD_EDITIONS='"$(CURDIR)/$(BUILD)/editions"'
# A module's objects: position-independent, and exporting the module's
# table alone (util/module.h: MODULE_EXPORT).
$(BUILD)/mod/%.o: %.c $(BUILD)/.san
	@mkdir -p $(dir $@)
	@echo "CC $< (module)"
	@$(CC) $(CFLAGS) -fPIC -fvisibility=hidden -MMD -MP -c -o $@ $<
$(BUILD)/editions/pdf.so: $(MOD_pdf:%.c=$(BUILD)/mod/%.o)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -shared -o $@ $^ $(LDFLAGS) $(PDF_LIBS)
$(BUILD)/editions/html.so: $(MOD_html:%.c=$(BUILD)/mod/%.o)
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -shared -o $@ $^ $(LDFLAGS) $(HTML_LIBS)

# The interface between the program and its modules is every header of
# src/: its hash is the version a module's table carries and the program
# expects (util/module.h), so that a module built from other headers is
# refused, not called.  $(BUILD)/abi changes only with the hash, and the
# objects that carry it are built again when it does.
HEADERS_HASH := $(shell cat $(sort $(wildcard src/*.h src/*/*.h)) | cksum | cut -d' ' -f1)
ABIOBJ := $(DOOROBJ) $(BUILD)/mod/src/pdf/export.o $(BUILD)/mod/src/html/export.o
$(BUILD)/abi: FORCE
	@mkdir -p $(dir $@)
	@echo $(HEADERS_HASH) | cmp -s - $@ || echo $(HEADERS_HASH) >$@
$(ABIOBJ): $(BUILD)/abi
$(ABIOBJ): CFLAGS += -DUNPRESS_ABI=$(HEADERS_HASH)u

# Objects depend on the sanitizer flags they were built with.
$(BUILD)/.san: FORCE
	@mkdir -p $(BUILD)
	@echo '$(SAN)' | cmp -s - $@ || echo '$(SAN)' >$@
# The program depends on how libxml2 is linked (XML_SHARED).
$(BUILD)/.link: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PROG_XML)' | cmp -s - $@ || echo '$(PROG_XML)' >$@
.PHONY: FORCE

$(BUILD)/%.o: %.c $(BUILD)/.san
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# The word lists' index, made once by the build and compiled into the
# program (see src/doc/wordlist.c); remade when a list changes.
DICTS := $(wildcard /usr/share/dict/british-english /usr/share/dict/american-english)
$(BUILD)/mkwordlist: src/doc/wordlist.c src/util/readfile.c src/util/buf.c src/util/xmalloc.c $(BUILD)/.san
	@echo "CC $@"
	@$(CC) $(CFLAGS) -DWORDLIST_GENERATOR -o $@ src/doc/wordlist.c src/util/readfile.c src/util/buf.c src/util/xmalloc.c
$(BUILD)/wordlist.bin: $(BUILD)/mkwordlist $(DICTS)
	@echo "GEN $@"
	@$(BUILD)/mkwordlist $@
$(BUILD)/src/doc/wordlist_blob.o: src/doc/wordlist_blob.S $(BUILD)/wordlist.bin
	@mkdir -p $(dir $@)
	@echo "AS $<"
	@$(CC) -c -DWORDLIST_BLOB='"$(BUILD)/wordlist.bin"' -o $@ $<

-include $(OBJ:.o=.d) $(MODOBJ:.o=.d) $(BUILD)/src/util/no_icu.d

# Unit tests (tests/unit/): one program per module under test, linked
# against an archive of the objects unpress is built from, so that each
# takes the objects it calls and no other.  tests/unit/t_unit.sh runs them.
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
unit: $(UNIT_BIN)

$(BUILD)/libunpress.a: $(LIBOBJ)
	@echo "AR $@"
	@rm -f $@ && ar rcs $@ $(LIBOBJ)

$(BUILD)/unit/test_%: $(BUILD)/tests/unit/test_%.o $(BUILD)/tests/unit/unit.o $(BUILD)/libunpress.a
	@mkdir -p $(dir $@)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(XML_LIBS) $(LDLIBS)

-include $(UNIT_SRC:%.c=$(BUILD)/%.d) $(BUILD)/tests/unit/unit.d
.SECONDARY: $(UNIT_SRC:%.c=$(BUILD)/%.o) $(BUILD)/tests/unit/unit.o

# The include graph of src/ by room (tests/house/includes.py): printed,
# written as build/deps.dot and, where Graphviz is installed, drawn as
# build/deps.svg.  tests/house/t_includes.sh holds it to the floors.
deps:
	@mkdir -p $(BUILD)
	@python3 tests/house/includes.py --dot $(BUILD)/deps.dot src
	@if command -v dot >/dev/null; then dot -Tsvg -o $(BUILD)/deps.svg $(BUILD)/deps.dot && echo "drawn: $(BUILD)/deps.svg"; \
	 else echo "written: $(BUILD)/deps.dot (apt-get install graphviz to draw it)"; fi

# The UN's own AKN4UN files of the 78th session in six languages, every
# edition of every file and the site, with figures and checks: a
# benchmark, not part of `make test` (tests/bench/corpus_site.sh;
# CORPUS_SITE_DIR=DIR sets the scratch folder, JOBS=N the jobs).
DEB_BENCH = time xz-utils python3 python3-lxml
corpus-site: build-deps unpress
	@sh tests/deps.sh $(DEB_BENCH)
	@sh tests/bench/corpus_site.sh

# Publish every input (the site, once it exists, links them together); an
# input deleted from input/ takes its outputs with it (--prune: this is a
# run over the whole collection).
publish: unpress
	./unpress --prune -t xml,html,md,pdf,site -o output input/*.txt

test: test-deps unpress unit
	@sh tests/run.sh
	@$(MAKE) --no-print-directory test-sanitize
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_CI_SECONDS) FUZZ_JOBS=3

# The suite again on an AddressSanitizer + UndefinedBehaviorSanitizer build
# (build-asan/unpress).  Any sanitizer report aborts the run being tested,
# so it shows up as a failed check.  SAN_TESTS limits it to the suites that
# exercise our own code; the browser and validator suites test the output of
# third-party tools and would only be slow under ASan.
ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_TESTS ?= core robust html markdown pdf site batch unit
test-sanitize:
	@$(MAKE) --no-print-directory BUILD=build-asan CC=clang SAN="$(ASAN_FLAGS)" build-asan/unpress unit
	@echo "== the suite under ASan + UBSan ($(SAN_TESTS)) =="
	@UNPRESS="$(CURDIR)/build-asan/unpress" TESTS_OUT="$(CURDIR)/tests/out-asan" \
	  UNIT_DIR="$(CURDIR)/build-asan/unit" \
	  SUITES="$(SAN_TESTS)" ASAN_OPTIONS=detect_leaks=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/robust/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh

# libFuzzer harnesses (src/fuzz/): make fuzz FUZZ_SECONDS=N runs each for N s.
FUZZ_SECONDS ?= 60
# make test gives each harness this long (CI's bounded fuzzing run), all
# three at once.
FUZZ_CI_SECONDS ?= 30
# UBSan reports are recoverable here only so that src/fuzz/ubsan.supp can
# list known open ones; run.sh sets halt_on_error, so any other one stops.
FUZZ_FLAGS = -fsanitize=fuzzer-no-link,address,undefined -fsanitize-recover=undefined -fno-omit-frame-pointer
fuzz:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang SAN="$(FUZZ_FLAGS)" \
	  build-fuzz/fuzz_convert build-fuzz/fuzz_render build-fuzz/fuzz_siteindex
	@sh src/fuzz/run.sh $(FUZZ_SECONDS)

.SECONDARY: $(BUILD)/src/fuzz/fuzz_convert.o $(BUILD)/src/fuzz/fuzz_render.o $(BUILD)/src/fuzz/fuzz_siteindex.o
# The harnesses link the editions in, in place of their doors.
FUZZOBJ := $(filter-out $(DOOROBJ),$(LIBOBJ)) $(MODOBJ)
$(BUILD)/fuzz_%: $(BUILD)/src/fuzz/fuzz_%.o $(FUZZOBJ)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDFLAGS) $(XML_LIBS) $(LDLIBS) $(PDF_LIBS) $(HTML_LIBS)

# Fidelity on real pdftotext output (a benchmark, not a test): every text
# of ../shared/devset against the UN's own markup where it has one.
DEVSET ?= ../shared/devset
fidelity: test-deps unpress
	@/usr/bin/python3 tests/bench/fidelity.py --devset $(DEVSET)

clean:
	rm -rf $(BUILD) build-asan build-fuzz unpress output
