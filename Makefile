# unpress — see README.md.  `make` installs what is missing, builds ./unpress
# and publishes input/ into output/; `make test` runs every test.

BUILD    ?= build
CC       ?= cc
PKGS      = libcmark-gfm libxml-2.0 libxslt libexslt cairo pangocairo
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Isrc \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lhyphen -lm

# Debian packages the build and the tests need (checked by tests/deps.sh).
DEB_BUILD = build-essential pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
            libxml2-dev libxslt1-dev libcairo2-dev libpango1.0-dev libhyphen-dev \
            hyphen-en-us wbritish wamerican fonts-liberation2 libxml2-utils
DEB_TEST  = python3 python3-lxml libxml2-utils cmark-gfm qpdf poppler-utils parallel bsdutils \
            default-jre-headless chromium

SRC  := $(sort $(wildcard src/*.c src/*/*.c))
MAIN := $(filter-out src/fuzz/%,$(SRC))
OBJ  := $(MAIN:%.c=$(BUILD)/%.o)

.PHONY: all deps test-deps unpress publish test clean
all: deps unpress publish

deps:
	@sh tests/deps.sh $(DEB_BUILD)

test-deps:
	@sh tests/deps.sh $(DEB_BUILD) $(DEB_TEST)

unpress: $(BUILD)/unpress
	@cp $(BUILD)/unpress ./unpress

$(BUILD)/unpress: $(OBJ)
	@echo "LD $@"
	@$(CC) $(CFLAGS) -o $@ $(OBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d)

# Publish every input (the site, once it exists, links them together).
publish: unpress
	./unpress -t xml,html,md,pdf,site -o output input/*.txt

test: test-deps unpress
	@sh tests/run.sh

clean:
	rm -rf $(BUILD) unpress output
