/* batch/convert.c — one document through the rooms: read → ingest → normalise →
 * AKN → editions (+ the manifest the site is reduced from). */
#include "batch/convert.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "akn/build.h"
#include "akn/load.h"
#include "akn/edition.h"
#include "akn/manifest.h"
#include "akn/parts.h"
#include "akn/validate.h"
#include "akn/write.h"
#include "normalise/normalise.h"
#include "read/read.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/outname.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* Read (src/read/: decoding, then the reader the layout calls for),
 * then the passes. */
int document_load_text(struct document *doc, const char *bytes, size_t len)
{
	int rc = read_document(doc, bytes, len);
	if (rc)
		return rc;
	normalise(doc);
	return 0;
}

/* The one place between the passes and every edition: a byte of the
 * inline markup a pass left in a text would make the XML not well-formed
 * (fuzz_convert found one in a preamble's name).  Reported once, with
 * the count removed from the whole document. */
static void warn_controls(struct document *doc, size_t controls)
{
	if (controls)
		diag_warn(doc->diag, 0, "akn", "removed %zu bytes of inline markup left in the text "
			  "(a bug of unpress: please report it with this input)", controls);
}

xmlDocPtr document_to_akn(struct document *doc)
{
	xmlDocPtr xml = akn_build(doc);
	warn_controls(doc, akn_remove_controls(xml));
	return xml;
}

/* Write the XML tree to path, whole or not at all. */
static int write_xml(xmlDocPtr xml, const char *path, struct diag *diag)
{
	struct atomic_file af;
	if (atomic_open(&af, path) != 0) {
		diag_error(diag, 0, "output", "cannot create %s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	const char *writer = getenv("UNPRESS_XML_WRITER");
	if (writer && !strcmp(writer, "libxml2")) {
		/* the reference the tests hold akn/write.c to */
		xmlSaveCtxtPtr save = xmlSaveToFd(fileno(atomic_stream(&af)), "UTF-8", XML_SAVE_FORMAT);
		if (!save || xmlSaveDoc(save, xml) < 0)
			af.failed = 1;
		if (save)
			xmlSaveClose(save);
	} else {
		struct buf text = BUF_INIT;
		xml_write_doc(xml, &text);
		if (fwrite(text.data, 1, text.len, atomic_stream(&af)) != text.len)
			af.failed = 1;
		buf_free(&text);
	}
	if (atomic_commit(&af) != 0) {
		diag_error(diag, 0, "output", "cannot write %s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	return 0;
}

static char *output_path(const struct options *opts, const char *slug, const char *ext)
{
	size_t n = strlen(opts->out_dir) + strlen(slug) + strlen(ext) + 3;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s%s", opts->out_dir, slug, ext);
	return p;
}

/* Whether the document may be written as slug into OUT: a clear
 * message and a sysexits code when not, the folder made when so. */
static int check_output(const char *slug, const struct options *opts, struct diag *diag)
{
	/* The slug names files (util/outname.h): a name the site uses, one that
	 * would be hidden, leave OUT or be longer than a file name may be
	 * is refused here, where every edition of every document is written */
	const char *why = outname_refusal(slug);
	if (why && strlen(slug) > OUTNAME_SLUG_MAX) {
		diag_error(diag, 0, "output", "the document's name \"%.*s…\" is %zu bytes long, "
			   "too long for a file name: is the document symbol right?",
			   utf8_prefix(slug, 40), slug, strlen(slug));
		return EX_DATAERR;
	}
	if (why) {
		diag_error(diag, 0, "output", "the document would publish as \"%s\", which %s: "
			   "give it another symbol in a sidecar NAME.meta, or rename the input", slug, why);
		return EX_DATAERR;
	}
	if (make_dirs(opts->out_dir) != 0) {
		diag_error(diag, 0, "output", "cannot create folder %s: %s", opts->out_dir, strerror(errno));
		return EX_CANTCREAT;
	}
	return 0;
}

/* What every edition of the document is told. */
static struct render_opts render_opts_of(const struct options *opts, const char *slug, struct diag *diag)
{
	return (struct render_opts){
		.out_dir = opts->out_dir,
		.slug = slug,
		.data_dir = opts->data_dir,
		.build_time = opts->build_time,
		.diag = diag,
	};
}

/* Write every requested edition of one XML document. */
static int write_editions(xmlDocPtr xml, const char *slug, const struct options *opts,
			  struct diag *diag)
{
	int status = check_output(slug, opts, diag);
	if (status)
		return status;
	struct render_opts ro = render_opts_of(opts, slug, diag);
	static const struct {
		unsigned flag;
		const char *ext;
		int (*write)(xmlDocPtr, const char *, const struct render_opts *);
	} editions[] = {
		{ED_HTML, ".html", html_edition_write},
		{ED_MD, ".md", markdown_edition_write},
		{ED_PDF, ".pdf", pdf_edition_write},
	};
	if (opts->editions & (ED_XML | ED_SITE)) {
		char *path = output_path(opts, slug, ".xml");
		status = write_xml(xml, path, diag);
		free(path);
	}
	for (size_t i = 0; i < sizeof editions / sizeof editions[0] && status == 0; i++) {
		if (!(opts->editions & editions[i].flag))
			continue;
		/* the site re-renders every page with its link map: rendering
		 * it here too would be thrown away */
		if (editions[i].flag == ED_HTML && (opts->editions & ED_SITE))
			continue;
		char *path = output_path(opts, slug, editions[i].ext);
		status = editions[i].write(xml, path, &ro);
		free(path);
	}
	if (status == 0 && opts->manifest) {
		char *path = output_path(opts, slug, ".manifest.xml");
		status = manifest_write(xml, path, diag);
		free(path);
	}
	return status;
}

/* Whether the XML is all that is asked for: nothing then reads the tree
 * (no edition, manifest or validation), and it is written as it is
 * built (UNPRESS_XML_WRITER=libxml2, the tests' reference, writes a
 * whole tree). */
static bool xml_alone(const struct options *opts)
{
	const char *writer = getenv("UNPRESS_XML_WRITER");
	return opts->editions == ED_XML && !opts->manifest && !opts->validate && !(writer && *writer);
}

/* Build the AKN and write it to f as it is built, each finished part of
 * the body leaving the tree as it is written (a body of dense notes or
 * links cost some twelve times its XML as a tree).  A stream the builder
 * spoiled is thrown away and the document built and written again from
 * a whole tree.  0, or -1 when f could not be written. */
static int stream_akn(struct document *doc, FILE *f)
{
	struct xml_stream stream;
	xml_stream_begin(&stream, f, akn_remove_controls_under);
	xmlDocPtr xml = akn_build_streamed(doc, &stream);
	size_t controls = 0;
	int rc = -1;
	if (!stream.spoiled) {
		controls = stream.prepared + akn_remove_controls(xml);
		rc = xml_stream_end(&stream, xml);
	} else
		xml_stream_end(&stream, NULL);
	xmlFreeDoc(xml);
	if (rc == -1) {
		/* spoiled, while building or at the end: whole */
		if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0 || ftruncate(fileno(f), 0) != 0)
			return -1;
		xml = document_to_akn(doc);
		struct buf text = BUF_INIT;
		xml_write_doc(xml, &text);
		rc = fwrite(text.data, 1, text.len, f) == text.len ? 0 : -1;
		buf_free(&text);
		xmlFreeDoc(xml);
		return rc;
	}
	warn_controls(doc, controls);
	return rc == 0 && fflush(f) == 0 ? 0 : -1;
}

/* -t xml: the AKN written as it is built, whole or not at all. */
static int convert_to_xml(struct document *doc, const struct options *opts, struct diag *diag)
{
	int status = check_output(doc->meta.slug, opts, diag);
	if (status)
		return status;
	char *path = output_path(opts, doc->meta.slug, ".xml");
	struct atomic_file af;
	if (atomic_open(&af, path) != 0) {
		diag_error(diag, 0, "output", "cannot create %s: %s", path, strerror(errno));
		free(path);
		return EX_CANTCREAT;
	}
	if (stream_akn(doc, atomic_stream(&af)) != 0)
		af.failed = 1;
	if (atomic_commit(&af) != 0) {
		diag_error(diag, 0, "output", "cannot write %s: %s", path, strerror(errno));
		status = EX_CANTCREAT;
	}
	free(path);
	return status;
}

/* Whether the editions may read the document from its XML, streamed to
 * a file first: when nothing else needs the whole tree (the manifest,
 * validation, the site, the tests' libxml2 writer). */
static bool editions_from_file(const struct options *opts)
{
	const char *writer = getenv("UNPRESS_XML_WRITER");
	return (opts->editions & (ED_HTML | ED_MD | ED_PDF)) && !(opts->editions & ED_SITE) &&
	       !opts->manifest && !opts->validate && !(writer && *writer);
}

/* The file the editions read the XML from: the .xml output when it is
 * asked for (written whole first), else a temporary file in OUT that no
 * one sees (unlinked as soon as it is made).  Its descriptor, or -1
 * after reporting. */
static int akn_file_for_editions(struct document *doc, const struct options *opts, struct diag *diag,
				 int *status)
{
	if (opts->editions & ED_XML) {
		if ((*status = convert_to_xml(doc, opts, diag)) != 0)
			return -1;
		char *path = output_path(opts, doc->meta.slug, ".xml");
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			diag_error(diag, 0, "output", "cannot read back %s: %s", path, strerror(errno));
			*status = EX_IOERR;
		}
		free(path);
		return fd;
	}
	if ((*status = check_output(doc->meta.slug, opts, diag)) != 0)
		return -1;
	char *tmp = output_path(opts, ".unpress-akn-", "XXXXXX");
	int fd = mkostemp(tmp, O_CLOEXEC);
	FILE *f = NULL;
	if (fd >= 0) {
		unlink(tmp);
		f = fdopen(dup(fd), "w");
	}
	if (!f || stream_akn(doc, f) != 0) {
		diag_error(diag, 0, "output", "cannot write a temporary file in %s: %s", opts->out_dir,
			   strerror(errno));
		*status = EX_CANTCREAT;
		if (fd >= 0)
			close(fd);
		fd = -1;
	}
	if (f)
		fclose(f);
	free(tmp);
	return fd;
}

/* An edition from the XML at fd read part by part (akn/parts.h): its
 * status, else the reading's. */
static int edition_of_parts(int fd, const char *slug, const struct options *opts, const char *ext,
			    int (*write)(struct akn_parts *, const char *, const struct render_opts *),
			    const struct render_opts *ro, struct diag *diag)
{
	struct akn_parts *parts = akn_parts_file(fd, slug, diag);
	if (!parts)
		return EX_SOFTWARE;
	char *path = output_path(opts, slug, ext);
	int status = write(parts, path, ro);
	int read = akn_parts_close(parts);
	free(path);
	return status ? status : read;
}

/* The editions from the XML at fd, each reading it part by part. */
static int editions_of_file(int fd, const char *slug, const struct options *opts, struct diag *diag)
{
	struct render_opts ro = render_opts_of(opts, slug, diag);
	int status = 0;
	if (opts->editions & ED_HTML)
		status = edition_of_parts(fd, slug, opts, ".html", html_edition_write_parts, &ro, diag);
	if (status == 0 && (opts->editions & ED_PDF))
		status = edition_of_parts(fd, slug, opts, ".pdf", pdf_edition_write_parts, &ro, diag);
	if (status == 0 && (opts->editions & ED_MD))
		status = edition_of_parts(fd, slug, opts, ".md", markdown_edition_write_parts, &ro, diag);
	return status;
}

/* diag's collector: keep each warning as it was printed, the first
 * WARNINGS_KEPT of them: a document of dense notes without their texts
 * warned 26,000 times a megabyte, 4 MB of text kept (20 and more
 * times the input with the rest); the others are counted in one line at
 * the end (the first run printed them all). */
enum { WARNINGS_KEPT = 1000 };
/* Print one warning line at the end of the report's text (or, with
 * out NULL, only measure it). */
static int warning_line(char *out, size_t room, const struct convert_report *report, int line,
			const char *pass, const char *msg)
{
	return line > 0 ? snprintf(out, room, "%s:%d: warning: %s [%s]\n", report->input, line, msg, pass)
			: snprintf(out, room, "%s: warning: %s [%s]\n", report->input, msg, pass);
}

/* Append one warning line to the report's text. */
static void append_warning(struct convert_report *report, int line, const char *pass, const char *msg)
{
	int n = warning_line(NULL, 0, report, line, pass, msg);
	if (n < 0)
		return;
	/* appended in place, the buffer doubling: copying the text so far for
	 * every warning made a document with many warnings quadratic */
	size_t need = report->warning_len + (size_t)n + 1;
	if (need > report->warning_cap) {
		size_t cap = report->warning_cap ? report->warning_cap : 4096;
		while (cap < need)
			cap *= 2;
		report->warning_text = xrealloc(report->warning_text, cap);
		report->warning_cap = cap;
	}
	warning_line(report->warning_text + report->warning_len, (size_t)n + 1, report, line, pass, msg);
	report->warning_len += (size_t)n;
}

static void keep_warning(void *ctx, enum diag_level level, int line, const char *pass, const char *msg)
{
	struct convert_report *report = ctx;
	if (level != DIAG_WARNING)
		return;
	if (report->warnings_kept >= WARNINGS_KEPT) {
		report->warnings_dropped++;
		return;
	}
	report->warnings_kept++;
	append_warning(report, line, pass, msg);
}

static void collect_warnings(struct diag *diag, const char *path, struct convert_report *report)
{
	if (!report)
		return;
	report->warning_text = NULL;
	report->warning_len = report->warning_cap = 0;
	report->warnings_kept = report->warnings_dropped = 0;
	report->input = path;
	diag->collect = keep_warning;
	diag->collect_ctx = report;
}

static int finish_status(int status, const struct diag *diag, const struct options *opts,
			 struct convert_report *report, const char *slug, const char *slug_from)
{
	if (report && report->warnings_dropped) {
		char msg[160];
		snprintf(msg, sizeof msg, "and %u warnings more, not repeated here (--force converts it again "
			 "and prints them all)", report->warnings_dropped);
		append_warning(report, 0, "unpress", msg);
		report->warnings_dropped = 0;
	}
	if (report) {
		snprintf(report->slug_from, sizeof report->slug_from, "%s", slug_from ? slug_from : "");
		report->warnings = diag->warnings;
		report->errors = diag->errors;
		snprintf(report->slug, sizeof report->slug, "%s", slug ? slug : "");
	}
	if (status == 0 && opts->werror && diag->warnings > 0)
		return 1;
	return status;
}

int convert_file_report(const char *path, const struct options *opts, struct convert_report *report)
{
	struct diag diag;
	diag_init(&diag, path, opts->verbosity);
	collect_warnings(&diag, path, report);
	struct document doc;
	document_init(&doc, path, &diag);
	int status = read_document_file(&doc);
	char *slug = NULL;
	const char *slug_from = NULL;
	if (status == 0) {
		normalise(&doc);
		if (xml_alone(opts))
			status = convert_to_xml(&doc, opts, &diag);
		else if (editions_from_file(opts)) {
			int fd = akn_file_for_editions(&doc, opts, &diag, &status);
			/* the editions read the XML alone: the document's arena
			 * goes before they run, its name kept */
			slug = doc.meta.slug ? xstrdup(doc.meta.slug) : NULL;
			slug_from = doc.meta.slug_from;
			document_free(&doc);
			memset(&doc.meta, 0, sizeof doc.meta);
			if (fd >= 0) {
				status = editions_of_file(fd, slug, opts, &diag);
				close(fd);
			}
		} else {
			xmlDocPtr xml = document_to_akn(&doc);
			/* the editions read the XML alone: the document's
			 * arena (some 16 times the input for dense notes) goes
			 * before they run, its name kept */
			slug = doc.meta.slug ? xstrdup(doc.meta.slug) : NULL;
			slug_from = doc.meta.slug_from;
			document_free(&doc);
			memset(&doc.meta, 0, sizeof doc.meta);
			if (opts->validate)
				status = validate_akn(xml, opts->data_dir, &diag);
			if (status == 0)
				status = write_editions(xml, slug, opts, &diag);
			xmlFreeDoc(xml);
		}
	}
	int rc = finish_status(status, &diag, opts, report, slug ? slug : doc.meta.slug,
			       slug_from ? slug_from : doc.meta.slug_from);
	free(slug);
	document_free(&doc);
	return rc;
}

int render_file_report(const char *path, const struct options *opts, struct convert_report *report)
{
	struct diag diag;
	diag_init(&diag, path, opts->verbosity);
	collect_warnings(&diag, path, report);
	xmlDocPtr xml = akn_load_safely(path, &diag);
	if (!xml) {
		int rc = errno == ENOENT ? EX_NOINPUT : EX_DATAERR;
		finish_status(rc, &diag, opts, report, NULL, NULL);
		return rc;
	}
	int status = 0;
	if (opts->validate)
		status = validate_akn(xml, opts->data_dir, &diag);
	char *fallback = akn_slug(xml);
	const char *slug = fallback;
	if (!slug)
		slug = fallback = outname_of_file(path);
	if (status == 0)
		status = write_editions(xml, slug, opts, &diag);
	status = finish_status(status, &diag, opts, report, slug, "XML");
	free(fallback);
	xmlFreeDoc(xml);
	return status;
}
