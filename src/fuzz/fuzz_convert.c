/* fuzz_convert.c — libFuzzer harness: bytes → input_decode → ingest →
 * normalise → AKN tree, the path every input file takes.  Built only by
 * `make fuzz` (the Makefile leaves src/fuzz/ out of ./unpress). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libxml/parser.h>

#include "convert.h"

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
		xmlFreeDoc(xml);
	}
	document_free(&doc);
	return 0;
}
