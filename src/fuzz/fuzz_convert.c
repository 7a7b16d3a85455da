/* fuzz_convert.c — libFuzzer harness: bytes → input_decode → ingest →
 * normalise → AKN tree → the XML as written, the path every input file
 * takes.  What is written must parse again as XML (a character XML does
 * not allow, a control byte of the inline markup left in a text, would
 * make every edition fail), and the slug must be one util/outname.c gives.
 * Built only by `make fuzz` (the Makefile leaves src/fuzz/ out of
 * ./unpress). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "batch/convert.h"
#include "util/buf.h"
#include "akn/write.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
