#!/bin/sh
# Unit tests of the normalising passes: one case file per pass, each case a
# small input and the exact XML fragments it must produce.
. "$TOP/tests/lib.sh"
$PY "$TOP/tests/normalise/run_cases.py" "$TOP"/tests/normalise/*.cases
