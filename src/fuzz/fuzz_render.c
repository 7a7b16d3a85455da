/* fuzz_render.c — libFuzzer harness: bytes → XML (parsed with the options
 * akn_load_safely uses, from memory) → the HTML, Markdown and PDF editions,
 * written into a temporary folder.  Built only by `make fuzz`.
 *
 * The templates and styles are found like unpress finds them:
 * $UNPRESS_DATADIR, else the folder above the executable's that holds
 * templates/ (build-fuzz/fuzz_render → the worktree). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "akn.h"
#include "edition.h"
#include "util/datadir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char out_dir[] = "/tmp/unpress-fuzz-XXXXXX";
static const char *data_dir;
static FILE *sink;

/* The same checks as akn_load_safely, on a buffer: no network, no DTD, no
 * entity substitution; a DOCTYPE or a root that is not AKN is refused. */
static xmlDocPtr parse(const uint8_t *data, size_t size)
{
	if (size > 1 << 20)
		return NULL;
	int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	xmlDocPtr xml = xmlReadMemory((const char *)data, (int)size, "fuzz.xml", NULL, options);
	if (!xml)
		return NULL;
	xmlNodePtr root = xmlDocGetRootElement(xml);
	if (xml->intSubset || !root || strcmp((const char *)root->name, "akomaNtoso") ||
	    !root->ns || strcmp((const char *)root->ns->href, AKN_NS)) {
		xmlFreeDoc(xml);
		return NULL;
	}
	return xml;
}

/* Leave no temporary folder behind when the fuzzer exits normally. */
static void remove_out_dir(void)
{
	static const char *const names[] = {"fuzz.html", "fuzz.md", "fuzz.pdf", "unpress.css"};
	char path[sizeof out_dir + 16];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", out_dir, names[i]);
		remove(path);
	}
	remove(out_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!data_dir) {
		xmlInitParser();
		if (!mkdtemp(out_dir))
			abort();
		atexit(remove_out_dir);
		data_dir = find_data_dir("fuzz_render");
		sink = fopen("/dev/null", "w");
	}
	xmlDocPtr xml = parse(data, size);
	if (!xml)
		return 0;
	struct diag diag;
	diag_init(&diag, "fuzz.xml", 2);
	diag.stream = sink;
	struct render_opts ro = {
		.out_dir = out_dir,
		.slug = "fuzz",
		.data_dir = data_dir,
		.build_time = 0,
		.diag = &diag,
	};
	char path[sizeof out_dir + 16];
	snprintf(path, sizeof path, "%s/fuzz.html", out_dir);
	html_edition_write(xml, path, &ro);
	snprintf(path, sizeof path, "%s/fuzz.md", out_dir);
	markdown_edition_write(xml, path, &ro);
	snprintf(path, sizeof path, "%s/fuzz.pdf", out_dir);
	pdf_edition_write(xml, path, &ro);
	xmlFreeDoc(xml);
	return 0;
}
