/* fuzz_render.c — libFuzzer harness: bytes → XML (parsed with the options
 * akn_load_memory, as `unpress render` and the site read an XML) → the
 * HTML, Markdown and PDF editions, written into a temporary folder.  An
 * edition that fails with an internal error (EX_SOFTWARE: cairo refused
 * what it was given, say) on an XML the loader accepted is a bug: abort.
 * The tree is also written to a file and read part by part, as a
 * conversion's editions read it: the Markdown, the HTML and the PDF
 * (walked twice) must each be what the whole tree gives.
 * Built only by `make fuzz`.
 *
 * The templates and styles are found like unpress finds them:
 * $UNPRESS_DATADIR, else the folder above the executable's that holds
 * templates/ (build-fuzz/fuzz_render → the worktree). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include <libxml/parser.h>

#include "akn/load.h"
#include "akn/edition.h"
#include "akn/parts.h"
#include "akn/read.h"
#include "akn/write.h"
#include "util/datadir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char out_dir[] = "/tmp/unpress-fuzz-XXXXXX";
static const char *data_dir;
static FILE *sink;

/* Leave no temporary folder behind when the fuzzer exits normally. */
static void remove_out_dir(void)
{
	static const char *const names[] = {"fuzz.html", "fuzz.md", "fuzz.pdf", "unpress.css", "fuzz.xml",
					    "parts.md", "parts.html", "whole.html", "parts.pdf", "whole.pdf"};
	char path[sizeof out_dir + 16];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", out_dir, names[i]);
		remove(path);
	}
	remove(out_dir);
}

/* The tree written by akn/write.c to OUT/fuzz.xml, as a conversion
 * writes the XML its editions read; the file open for reading. */
static FILE *tree_written(xmlDocPtr xml)
{
	char path[sizeof out_dir + 16];
	snprintf(path, sizeof path, "%s/fuzz.xml", out_dir);
	struct buf text = BUF_INIT;
	xml_write_doc(xml, &text);
	FILE *f = fopen(path, "w+");
	if (!f || fwrite(text.data, 1, text.len, f) != text.len || fflush(f) != 0)
		abort();
	buf_free(&text);
	return f;
}

/* One edition of the file f read part by part (akn/parts.h) into
 * OUT/name: whatever the tree's shape, the reader and the edition must
 * neither crash nor fail with an internal error.  The edition's status. */
static int edition_of_parts(FILE *f, const char *name,
			    int (*write)(struct akn_parts *, const char *, const struct render_opts *),
			    const struct render_opts *ro)
{
	char path[sizeof out_dir + 16];
	struct akn_parts *parts = akn_parts_file(fileno(f), "fuzz.xml", ro->diag);
	if (!parts)
		abort();
	snprintf(path, sizeof path, "%s/%s", out_dir, name);
	int status = write(parts, path, ro);
	int read = akn_parts_close(parts);
	if (read == EX_SOFTWARE || status == EX_SOFTWARE) {
		fprintf(stderr, "fuzz_render: %s read part by part failed\n", name);
		abort();
	}
	return status ? status : read;
}

/* The Markdown again, read part by part. */
static void markdown_of_parts(xmlDocPtr xml, const struct render_opts *ro)
{
	FILE *f = tree_written(xml);
	edition_of_parts(f, "parts.md", markdown_edition_write_parts, ro);
	fclose(f);
}

/* Whether files a and b hold the same bytes. */
static bool same_file(const char *a, const char *b)
{
	FILE *fa = fopen(a, "r"), *fb = fopen(b, "r");
	bool same = fa && fb;
	while (same) {
		int ca = getc(fa), cb = getc(fb);
		same = ca == cb;
		if (ca == EOF)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* The HTML again, part by part from the tree written to a file (as a
 * conversion's HTML edition reads it, html/walk.h): it must not fail
 * with an internal error, and a page it makes must be the bytes the whole
 * tree read back from the same file gives. */
static void html_of_parts(xmlDocPtr xml, const struct render_opts *ro)
{
	char path[sizeof out_dir + 16], whole_path[sizeof out_dir + 16];
	FILE *f = tree_written(xml);
	int status = edition_of_parts(f, "parts.html", html_edition_write_parts, ro);
	snprintf(path, sizeof path, "%s/parts.html", out_dir);
	xmlDocPtr whole = status == 0 ? akn_parts_load_whole(fileno(f), "fuzz.xml", ro->diag) : NULL;
	fclose(f);
	if (!whole)
		return;
	snprintf(whole_path, sizeof whole_path, "%s/whole.html", out_dir);
	status = html_edition_write(whole, whole_path, ro);
	/* A tree that names no language has it read from its text: whole,
	 * from its first 64 KB; part by part, from its front (cover and
	 * preface), all the walk has when the page's head is made.  unpress
	 * always names it; such a page may differ in its language alone. */
	struct akn_doc facts;
	akn_doc_read(&facts, whole);
	bool guessed = facts.lang_guessed;
	akn_doc_free(&facts);
	xmlFreeDoc(whole);
	if (status == 0 && !guessed && !same_file(path, whole_path)) {
		fprintf(stderr, "fuzz_render: the HTML part by part differs from the whole tree's\n");
		abort();
	}
}

/* The PDF of the tree written to a file and read part by part, walked
 * twice (pdf/streamed.c) and once: neither may fail with an internal
 * error, and the two must be the same bytes. */
static void pdf_of_parts(xmlDocPtr xml, const struct render_opts *ro)
{
	char once[sizeof out_dir + 16], twice[sizeof out_dir + 16];
	FILE *f = tree_written(xml);
	setenv("UNPRESS_PDF_STREAM", "1", 1);
	int status = edition_of_parts(f, "parts.pdf", pdf_edition_write_parts, ro);
	setenv("UNPRESS_PDF_STREAM", "0", 1);
	if (status == 0)
		status = edition_of_parts(f, "whole.pdf", pdf_edition_write_parts, ro);
	fclose(f);
	snprintf(twice, sizeof twice, "%s/parts.pdf", out_dir);
	snprintf(once, sizeof once, "%s/whole.pdf", out_dir);
	if (status == 0 && !same_file(twice, once)) {
		fprintf(stderr, "fuzz_render: the PDF walked twice differs from the PDF walked once\n");
		abort();
	}
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
	if (size > 1 << 20)
		return 0;
	struct diag diag;
	diag_init(&diag, "fuzz.xml", 2);
	diag.stream = sink;
	xmlDocPtr xml = akn_load_memory((const char *)data, size, "fuzz.xml", &diag);
	if (!xml)
		return 0;
	struct render_opts ro = {
		.out_dir = out_dir,
		.slug = "fuzz",
		.data_dir = data_dir,
		.build_time = 0,
		.diag = &diag,
	};
	char path[sizeof out_dir + 16];
	static const struct {
		const char *name;
		int (*write)(xmlDocPtr, const char *, const struct render_opts *);
	} editions[] = {
		{"fuzz.html", html_edition_write},
		{"fuzz.md", markdown_edition_write},
		{"fuzz.pdf", pdf_edition_write},
	};
	for (size_t i = 0; i < sizeof editions / sizeof editions[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", out_dir, editions[i].name);
		if (editions[i].write(xml, path, &ro) == EX_SOFTWARE) {
			fprintf(stderr, "fuzz_render: %s failed with an internal error\n", editions[i].name);
			abort();
		}
	}
	markdown_of_parts(xml, &ro);
	html_of_parts(xml, &ro);
	pdf_of_parts(xml, &ro);
	xmlFreeDoc(xml);
	return 0;
}
