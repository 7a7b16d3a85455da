#!/bin/sh
# The house: every include in src/ points to its own room or a room on a
# lower floor (tests/house/includes.py), so the rooms form no circle and
# a pass never reaches an edition.  The checker itself is tested on a
# small tree with an include that points up and one sideways.
. "$TOP/tests/lib.sh"
check "every include in src/ points down a floor or stays in its room" \
	$PY "$TOP/tests/house/includes.py" --check "$TOP/src"

t="$TESTS_OUT/house"
rm -rf "$t" && mkdir -p "$t/src/normalise" "$t/src/read" "$t/src/pdf" "$t/src/util"
printf '#include "util/buf.h"\n' >"$t/src/normalise/joins.c"
printf '/* */\n' >"$t/src/util/buf.h"
printf '/* */\n' >"$t/src/pdf/pdf.h"
printf '#include "pdf/pdf.h"\n' >"$t/src/normalise/words.c"
printf '/* */\n' >"$t/src/read/pages.h"
printf '#include "read/pages.h"\n' >"$t/src/normalise/text.c"
bad=$($PY "$TOP/tests/house/includes.py" --check "$t/src" 2>&1)
expect "the checker fails on them" 1 "$($PY "$TOP/tests/house/includes.py" --check "$t/src" >/dev/null 2>&1; echo $?)"
check "a pass that includes an edition is named" sh -c "echo '$bad' | grep -q 'words.c:1 includes src/pdf/pdf.h: room pdf is above room normalise'"
check "a sibling room is named" sh -c "echo '$bad' | grep -q 'text.c:1 includes src/read/pages.h: room read is on the same floor as room normalise'"
check "an include down a floor is not" sh -c "! echo '$bad' | grep -q 'joins.c'"
check "make deps draws the graph" sh -c "cd '$TOP' && make -s deps BUILD='$t/build' >/dev/null && grep -q '\"normalise\" -> \"doc\"' '$t/build/deps.dot'"
