/* layout.h — is this text a paragraph per line, a line per printed line
 * (pdftotext), or printed lines with their columns (pdftotext -layout)? */
#ifndef UNPRESS_READ_LAYOUT_H
#define UNPRESS_READ_LAYOUT_H
#include <stddef.h>
#include "doc/document.h"

/* What the decision rests on, for --verbose. */
struct layout_evidence {
	size_t lines;		/* non-blank lines */
	size_t form_feeds;
	unsigned measure;	/* 90th percentile of line widths, in characters */
	size_t pairs;		/* two non-blank lines in a row */
	size_t continuing;	/* … where the first ends mid-sentence and the second opens in lower case */
	size_t indented;	/* lines opening with two or more spaces */
	size_t gapped;		/* lines with a run of three spaces between words */
	size_t markdown;	/* lines with Markdown syntax (#, [^1], **, links, tables) */
	size_t printmarks;	/* lines a printed page carries: job numbers, barcodes, n/N */
};

/* Decide from the text's lines; fills ev when not NULL. */
enum text_layout layout_detect(const char *text, size_t len, struct layout_evidence *ev);

/* "line-wrapped (pdftotext)" and the like, for messages. */
const char *layout_name(enum text_layout layout);
#endif
