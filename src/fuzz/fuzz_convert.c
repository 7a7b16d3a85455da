/* fuzz_convert.c — libFuzzer harness: bytes → input_decode → ingest →
 * normalise → AKN tree → the XML as written, the path every input file
 * takes.  What is written must parse again as XML (a character XML does
 * not allow, a control byte of the inline markup left in a text, would
 * make every edition fail), and the slug must be one util/outname.c gives.
 * The same input read in cmark-gfm windows of 64 bytes and written as it
 * is built (akn_build_streamed, the path of -t xml) must give the same
 * bytes as the whole parse and the whole tree.
 * Built only by `make fuzz` (the Makefile leaves src/fuzz/ out of
 * ./unpress). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "akn/build.h"
#include "akn/load.h"
#include "akn/write.h"
#include "batch/convert.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* data read in windows of 64 bytes and written as it is built, into out;
 * false when the stream was spoiled (the program then writes the whole
 * tree: nothing to compare). */
static bool streamed(const uint8_t *data, size_t size, struct diag *diag, struct buf *out)
{
	setenv("UNPRESS_CMARK_WINDOW", "64", 1);
	struct document doc;
	document_init(&doc, "fuzz.txt", diag);
	bool ok = false;
	FILE *f = tmpfile();
	if (f && document_load_text(&doc, (const char *)data, size) == 0) {
		struct xml_stream s;
		xml_stream_begin(&s, f, akn_remove_controls_under);
		xmlDocPtr xml = akn_build_streamed(&doc, &s);
		if (!s.spoiled) {
			akn_remove_controls(xml);
			ok = xml_stream_end(&s, xml) == 0;
		} else
			xml_stream_end(&s, NULL);
		xmlFreeDoc(xml);
		/* read back what was written */
		char chunk[4096];
		size_t n;
		rewind(f);
		while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_put(out, chunk, n);
	}
	if (f)
		fclose(f);
	document_free(&doc);
	unsetenv("UNPRESS_CMARK_WINDOW");
	return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Diagnostics are part of the code under test, but not worth printing. */
	static FILE *sink;
	if (!sink) {
		sink = fopen("/dev/null", "w");
		xmlInitParser();
	}
	struct diag diag;
	diag_init(&diag, "fuzz.txt", 2);
	diag.stream = sink;
	struct document doc;
	document_init(&doc, "fuzz.txt", &diag);
	if (document_load_text(&doc, (const char *)data, size) == 0) {
		xmlDocPtr xml = document_to_akn(&doc);
		struct buf text = BUF_INIT;
		xml_write_doc(xml, &text);
		xmlDocPtr again = xmlReadMemory(text.data, (int)text.len, "fuzz.xml", NULL,
						XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
		if (!again) {
			fprintf(stderr, "fuzz_convert: the XML written is not well-formed\n");
			abort();
		}
		xmlFreeDoc(again);
		struct buf other = BUF_INIT;
		if (streamed(data, size, &diag, &other) &&
		    (other.len != text.len || memcmp(other.data, text.data, text.len))) {
			fprintf(stderr, "fuzz_convert: read in windows and written as built, the XML differs\n");
			abort();
		}
		buf_free(&other);
		buf_free(&text);
		/* a name for files: never a path, never hidden */
		const char *slug = doc.meta.slug;
		if (!slug || !*slug || strchr(slug, '/') || slug[0] == '.') {
			fprintf(stderr, "fuzz_convert: slug '%s' is no file name\n", slug ? slug : "(null)");
			abort();
		}
		xmlFreeDoc(xml);
	}
	document_free(&doc);
	return 0;
}
