#!/bin/sh
# The README as a user meets it (issue 16): under 10 KB, every relative link
# of it and of docs/ resolving, and every command of its ```sh blocks
# running as written.
#
# The rule for the commands (tests/house/readme.py commands): each line of
# a ```sh block is one command (a line ending in a backslash goes on), run
# in order with sh in a copy of the checkout (tracked files, new ones, the
# build folder: never the checkout itself, whose output/ and scratch folders
# stay as they are), with the program built here as ./unpress.  One line is
# not run: `make test` alone on its line, the run this test is part of;
# `make -n test` checks instead that the target is there.  Other code
# (indented blocks, ```console, ```text) is never run: keep commands a
# reader should type in ```sh blocks, and only those.
. "$TOP/tests/lib.sh"
t="$TESTS_OUT/house-readme"
rm -rf "$t" && mkdir -p "$t"
readme="$TOP/README.md"

size=$(wc -c <"$readme")
if [ "$size" -lt 10240 ]; then echo "ok - README.md is under 10 KB ($size bytes)"
else echo "not ok - README.md is under 10 KB"; echo "    expected: fewer than 10240 bytes"; echo "    got:      $size bytes"; fi

check "every relative link in README.md resolves" $PY "$TOP/tests/house/readme.py" links "$readme"
check "every relative link in docs/ resolves" $PY "$TOP/tests/house/readme.py" links "$TOP"/docs/*.md

# run_commands DIR TREE — run each DIR/NN.sh in TREE, one check a command
run_commands() {
	for f in "$1"/*.sh; do
		[ -f "$f" ] || continue
		cmd=$(cat "$f")
		run=$cmd name=$cmd
		if [ "$cmd" = "make test" ]; then
			run="make -n test" name="make test (as make -n test: the run this test is part of)"
		fi
		# as a user types it: no make of ours around it; ten minutes at most
		( cd "$2" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL timeout 600 sh -c "$run" ) >"$f.log" 2>&1
		rc=$?
		if [ "$rc" -eq 0 ]; then echo "ok - README runs: $name"
		else
			echo "not ok - README runs: $name"
			echo "    expected: exit 0"
			echo "    got:      exit $rc, in $2; its output ends:"
			tail -15 "$f.log" | sed 's/^/      /'
		fi
	done
}

n=$($PY "$TOP/tests/house/readme.py" commands "$readme" "$t/cmds")
expect "README.md has commands to run" yes "$([ "${n:-0}" -gt 0 ] && echo yes || echo "no (${n:-0} found)")"
if $PY "$TOP/tests/house/readme.py" copy "$TOP" "$t/tree" >"$t/copy.log" 2>&1; then
	cp "$UNPRESS" "$t/tree/unpress"
	run_commands "$t/cmds" "$t/tree"
	if grep -qx make "$t"/cmds/*.sh; then
		check "after the README's make, output/index.html is there to open" test -f "$t/tree/output/index.html"
	fi
else
	echo "not ok - the checkout copied for the README's commands"; sed 's/^/    /' "$t/copy.log"
fi

# The checker on a page made to fail: a missing file, a missing heading, a
# command that fails, continuation lines, and the make test rule.
s="$t/self"
mkdir -p "$s/docs"
printf '# Top\n\n## A heading\n' >"$s/docs/there.md"
cat >"$s/README.md" <<'EOF'
# Top

See [this](docs/there.md), [that](docs/there.md#a-heading) and `[code](nowhere.md)`.
[gone](docs/gone.md) and ![picture](docs/there.md#no-such-heading).
[web](https://example.org/x) [mail](mailto:a@b) [here](#top)

```sh
# a comment
echo one \
  two
make test
sh -c 'echo said this; exit 3'
```

    indented code is not run
EOF
bad=$($PY "$TOP/tests/house/readme.py" links "$s/README.md" 2>&1)
expect "the checker names a missing file and a missing heading, and nothing else" \
	"$s/README.md:4: docs/gone.md (no such file)
$s/README.md:4: docs/there.md#no-such-heading (no heading #no-such-heading in there.md)" "$bad"
$PY "$TOP/tests/house/readme.py" commands "$s/README.md" "$s/cmds" >/dev/null
expect "the commands: a continued line is one, comments are none" \
	"echo one   two|make test|sh -c 'echo said this; exit 3'" "$(cat "$s"/cmds/*.sh | paste -sd '|')"
mkdir -p "$s/tree"
printf 'test:\n\t@echo ran\n' >"$s/tree/Makefile"
ran=$(run_commands "$s/cmds" "$s/tree" | sed 's/^not ok/NOT OK/')
check "a command that fails is named, with its exit and its output" \
	sh -c 'printf "%s\n" "$1" | grep -qx "NOT OK - README runs: sh -c '"'"'echo said this; exit 3'"'"'" &&
	       printf "%s\n" "$1" | grep -q "got:      exit 3" && printf "%s\n" "$1" | grep -qx "      said this"' - "$ran"
check "make test is checked with make -n, not run" \
	sh -c 'printf "%s\n" "$1" | grep -qx "ok - README runs: make test (as make -n test: the run this test is part of)"' - "$ran"
