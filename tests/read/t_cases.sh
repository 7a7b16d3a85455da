#!/bin/sh
# Unit tests of the reading room for line-wrapped text (src/read/): one case
# file per concern — layout, page furniture, footnote blocks, lines into
# paragraphs, resolutions, reports and letters — each case a small input of
# our own in pdftotext's style and the XML fragments it must produce.
. "$TOP/tests/lib.sh"
$PY "$TOP/tests/normalise/run_cases.py" "$TOP"/tests/read/*.cases
