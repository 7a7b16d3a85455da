/* read/read.c — see read/read.h. */
#include "read/read.h"

#include "read/frontmatter.h"
#include "read/ingest.h"
#include "read/input.h"
#include "read/layout.h"
#include "read/wrapped.h"
#include "util/lang.h"

#include <stdio.h>

/* The decoded text into blocks: front matter blanked, the layout told,
 * the lines read by the reader it calls for. */
static void read_text(struct document *doc, char *text, size_t text_len)
{
	frontmatter_blank(text, text_len, doc->diag);
	doc->source = text;
	doc->source_len = text_len;
	/* the language first: the reader looks for the UN's words in it
	 * (doc/unlang.h); the first 64 KB tell it */
	snprintf(doc->meta.lang, sizeof doc->meta.lang, "%s",
		 lang_of_text(text, text_len < 64 * 1024 ? text_len : 64 * 1024));
	/* how the lines relate to the paragraphs decides who reads them */
	struct layout_evidence ev;
	doc->layout = layout_detect(doc->source, doc->source_len, &ev);
	diag_note(doc->diag, 1, "layout",
		  "%s: %zu lines, measure %u characters, %zu of %zu line pairs run a sentence on, "
		  "%zu indented, %zu with column gaps, %zu with Markdown, %zu print marks, %zu form feeds",
		  layout_name(doc->layout), ev.lines, ev.measure, ev.continuing, ev.pairs, ev.indented,
		  ev.gapped, ev.markdown, ev.printmarks, ev.form_feeds);
	if (doc->layout == LAYOUT_WRAPPED || doc->layout == LAYOUT_COLUMNS)
		read_wrapped(doc, doc->layout);
	else
		ingest(doc);
}

int read_document(struct document *doc, const char *bytes, size_t len)
{
	char *text;
	size_t text_len;
	int rc = input_decode(bytes, len, &doc->arena, doc->diag, &text, &text_len);
	if (rc)
		return rc;
	read_text(doc, text, text_len);
	return 0;
}

int read_document_file(struct document *doc)
{
	char *text;
	size_t text_len;
	int rc = input_read(doc->path, &doc->arena, doc->diag, &text, &text_len);
	if (rc)
		return rc;
	read_text(doc, text, text_len);
	return 0;
}
