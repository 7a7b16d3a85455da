#!/bin/sh
# The house: no function in src/ over 100 lines, and no allocation that
# bypasses util/xmalloc.h or the arena (tests/house/functions.py).  The
# checker itself is tested on a small tree: a long function, a raw malloc,
# a getline, and a library allocator marked "allocator:" that it must let pass.
. "$TOP/tests/lib.sh"
check "no function over 100 lines, no raw allocation in src/" \
	$PY "$TOP/tests/house/functions.py" "$TOP/src"

t="$TESTS_OUT/house-code"
rm -rf "$t" && mkdir -p "$t/src/read" "$t/src/util"
{
	printf 'static int long_one(void)\n{\n'
	i=0; while [ $i -lt 101 ]; do printf '\tx++;\n'; i=$((i + 1)); done
	printf '}\n\nstatic int short_one(void)\n{\n\treturn 0;\n}\n'
	printf 'static void *grab(void)\n{\n\treturn malloc(8);\n}\n'
	printf 'static long line_of(FILE *f, char **s, size_t *n)\n{\n\treturn getline(s, n, f);\n}\n'
	printf 'static void *cm_alloc(size_t n)\n{\n\treturn malloc(n);\t/* allocator: cmark-gfm frees it */\n}\n'
} >"$t/src/read/sample.c"
printf 'void *xmalloc(size_t n)\n{\n\treturn malloc(n);\n}\n' >"$t/src/util/xmalloc.c"
out=$($PY "$TOP/tests/house/functions.py" "$t/src" 2>&1)
expect "the checker fails on them" 1 "$($PY "$TOP/tests/house/functions.py" "$t/src" >/dev/null 2>&1; echo $?)"
check "a function of 101 lines is named" sh -c "echo '$out' | grep -q 'sample.c:1: long_one() has 101 lines (at most 100)'"
check "one of 1 line is not" sh -c "! echo '$out' | grep -q short_one"
check "a raw malloc is named with its line" sh -c "echo '$out' | grep -q 'sample.c:[0-9]*: malloc: use util/xmalloc.h or the arena'"
check "getline, which allocates for its caller, is named too" sh -c "echo '$out' | grep -q 'sample.c:[0-9]*: getline: use util/xmalloc.h'"
expect "the allocator itself and a marked library allocator pass" 1 "$(echo "$out" | grep -c 'malloc: use')"
