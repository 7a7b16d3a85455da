/* xslt.c — compiled-stylesheet cache, safe transform, atomic output. */
#include "html/xslt.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <libexslt/exslt.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "html/flush.h"
#include "html/walk.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/slurp.h"
#include "util/xmalloc.h"

/* One compiled stylesheet per template file, for the life of the process
 * (each forked job compiles its own on first use). */
struct cached_style {
	char *name;
	xsltStylesheetPtr style;
};
static struct cached_style style_cache[8];
static xsltSecurityPrefsPtr security_prefs;

/* The security preferences every transform runs under: no writing, no new
 * folders, no network.  Created once. */
static xsltSecurityPrefsPtr secure_prefs(void)
{
	if (security_prefs)
		return security_prefs;
	security_prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(security_prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(security_prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(security_prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(security_prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	return security_prefs;
}

/* Return the compiled stylesheet DATA_DIR/templates/NAME, compiling it on
 * first use; NULL (reported) when it is missing or invalid. */
static xsltStylesheetPtr load_style(const char *data_dir, const char *name,
				    struct diag *diag, const char *who)
{
	size_t i;
	for (i = 0; i < sizeof style_cache / sizeof style_cache[0] && style_cache[i].name; i++)
		if (!strcmp(style_cache[i].name, name))
			return style_cache[i].style;
	static int exslt_ready;
	if (!exslt_ready) {
		exsltRegisterAll();
		html_flush_register();
		html_walk_register();
		exslt_ready = 1;
	}
	size_t n = strlen(data_dir) + strlen(name) + 16;
	char *path = xmalloc(n);
	snprintf(path, n, "%s/templates/%s", data_dir, name);
	xsltStylesheetPtr style = xsltParseStylesheetFile((const xmlChar *)path);
	if (!style)
		diag_error(diag, 0, who, "cannot load the template %s", path);
	free(path);
	if (style && i < sizeof style_cache / sizeof style_cache[0]) {
		style_cache[i].name = xstrdup(name);
		style_cache[i].style = style;
	}
	return style;
}

/* strings.xml as read (NULL until first asked, and after a failure an
 * empty document's worth: nothing), and the tables made of it. */
static xmlDocPtr strings_doc;
static bool strings_read;
static struct { char lang[16]; char *table; } strings_tables[8];

/* Append text to b as one table value: tabs and newlines as spaces. */
static void put_value(struct buf *b, const xmlChar *text)
{
	for (const xmlChar *p = text; p && *p; p++)
		buf_putc(b, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : (char)*p);
}

/* The <t l="…"> child of s in lang, or NULL. */
static xmlNodePtr word_in(xmlNodePtr s, const char *lang)
{
	for (xmlNodePtr t = s->children; t; t = t->next) {
		if (t->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *l = xmlGetProp(t, (const xmlChar *)"l");
		bool same = l && !strcmp((const char *)l, lang);
		xmlFree(l);
		if (same)
			return t;
	}
	return NULL;
}

const char *xslt_strings(const char *data_dir, const char *lang, struct diag *diag)
{
	size_t i, n = sizeof strings_tables / sizeof strings_tables[0];
	for (i = 0; i < n && strings_tables[i].table; i++)
		if (!strcmp(strings_tables[i].lang, lang))
			return strings_tables[i].table;
	if (!strings_read) {
		strings_read = true;
		struct buf path = BUF_INIT;
		buf_printf(&path, "%s/templates/strings.xml", data_dir);
		strings_doc = xmlReadFile(buf_cstr(&path), NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		if (!strings_doc)
			diag_warn(diag, 0, "html", "cannot read %s: the pages lack the words they add", buf_cstr(&path));
		buf_free(&path);
	}
	struct buf table = BUF_INIT;
	buf_putc(&table, '\n');
	xmlNodePtr root = strings_doc ? xmlDocGetRootElement(strings_doc) : NULL;
	for (xmlNodePtr s = root ? root->children : NULL; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *id = xmlGetProp(s, (const xmlChar *)"id");
		xmlNodePtr t = word_in(s, lang);
		if (!t)
			t = word_in(s, "en");
		if (id && t) {
			xmlChar *text = xmlNodeGetContent(t);
			buf_printf(&table, "%s\t", (const char *)id);
			put_value(&table, text);
			buf_putc(&table, '\n');
			xmlFree(text);
		}
		/* every language's own name, for a language switch */
		if (id && !strcmp((const char *)id, "language-name"))
			for (xmlNodePtr w = s->children; w; w = w->next) {
				xmlChar *l = w->type == XML_ELEMENT_NODE ? xmlGetProp(w, (const xmlChar *)"l") : NULL;
				if (l) {
					xmlChar *text = xmlNodeGetContent(w);
					buf_printf(&table, "name-%s\t", (const char *)l);
					put_value(&table, text);
					buf_putc(&table, '\n');
					xmlFree(text);
				}
				xmlFree(l);
			}
		xmlFree(id);
	}
	char *result = xstrdup(buf_cstr(&table));
	buf_free(&table);
	if (i == n) { /* the cache is full: the oldest goes */
		free(strings_tables[0].table);
		memmove(&strings_tables[0], &strings_tables[1], (n - 1) * sizeof strings_tables[0]);
		i = n - 1;
	}
	snprintf(strings_tables[i].lang, sizeof strings_tables[i].lang, "%s", lang);
	strings_tables[i].table = result;
	return result;
}

int xslt_prepare(const char *data_dir, const char *name, struct diag *diag)
{
	return load_style(data_dir, name, diag, "html") ? 0 : EX_CONFIG;
}

/* Quote a string as an XPath literal for xsltApplyStylesheet's parameter
 * array.  A value holding both quote kinds becomes concat('…', "'", '…'). */
static char *xpath_literal(const char *s)
{
	if (!strchr(s, '\'')) {
		size_t n = strlen(s) + 3;
		char *q = xmalloc(n);
		snprintf(q, n, "'%s'", s);
		return q;
	}
	if (!strchr(s, '"')) {
		size_t n = strlen(s) + 3;
		char *q = xmalloc(n);
		snprintf(q, n, "\"%s\"", s);
		return q;
	}
	size_t n = strlen(s) * 8 + 16, len = 0;
	char *q = xmalloc(n);
	len += (size_t)snprintf(q + len, n - len, "concat(''");
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			len += (size_t)snprintf(q + len, n - len, ",\"'\"");
		else {
			const char *end = strchr(p, '\'');
			size_t run = end ? (size_t)(end - p) : strlen(p);
			len += (size_t)snprintf(q + len, n - len, ",'%.*s'", (int)run, p);
			p += run - 1;
		}
	}
	snprintf(q + len, n - len, ")");
	return q;
}

/* What a transform said (xsl:message, libxslt's errors), gathered while it
 * runs: the templates name each element they do not know in a line
 * "unpress-unknown NAME", and each image they leave out in a line
 * "unpress-image NAME" (with the parameter verbose); anything else is
 * libxslt's own, passed on to stderr as libxslt would print it. */
struct transform_talk {
	struct buf text;
};

static void gather_talk(void *ctx, const char *fmt, ...)
{
	struct transform_talk *talk = ctx;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&talk->text, fmt, ap);
	va_end(ap);
}

/* Order names as strcmp does (for counting them). */
static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Report what the transform said: each element the template does not
 * know (or image it leaves out) once, with how many times it occurs, as a
 * note (-v); the rest to stderr. */
static void report_talk(struct transform_talk *talk, struct diag *diag, const char *who)
{
	static const char mark[] = "unpress-unknown ", image[] = "unpress-image ";
	char *text = (char *)buf_cstr(&talk->text);
	size_t n = 0, cap = 0;
	char **names = NULL;
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		/* an image's line keeps its mark, to tell it apart */
		bool unknown = !strncmp(line, mark, strlen(mark));
		if (unknown || !strncmp(line, image, strlen(image))) {
			if (n == cap)
				names = xrealloc(names, (cap = cap ? 2 * cap : 16) * sizeof *names);
			names[n++] = unknown ? line + strlen(mark) : line;
		} else if (*line)
			fprintf(stderr, "%s\n", line);
	}
	if (n)
		qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(names[j], names[i]); j++)
			;
		if (!strncmp(names[i], image, strlen(image)))
			diag_note(diag, 0, who, "%s left out %zu time%s: an image the XML names but does not hold",
				  names[i] + strlen(image), j - i, j - i > 1 ? "s" : "");
		else
			diag_note(diag, 0, who, "<%s> (%zu time%s) is not in the vocabulary the editions read "
				  "(templates/AKN.md): shown as its text", names[i], j - i, j - i > 1 ? "s" : "");
	}
	free(names);
	buf_free(&talk->text);
}

/* Apply style to doc and write the page to af as it is made
 * (html/flush.h); with walk, the rest of the document walked part by part
 * (html/walk.h).  0 or EX_SOFTWARE (reported); a failed write marks af. */
static int transform(xsltStylesheetPtr style, const char *name, xmlDocPtr doc,
		     const struct xslt_param *params, int nparams, xmlDocPtr extra,
		     struct html_walk *walk, struct atomic_file *af, struct diag *diag, const char *who)
{
	const char **argv = xcalloc((size_t)nparams * 2 + 1, sizeof *argv);
	for (int i = 0; i < nparams; i++) {
		argv[2 * i] = params[i].name;
		argv[2 * i + 1] = xpath_literal(params[i].value ? params[i].value : "");
	}
	xsltTransformContextPtr ctxt = xsltNewTransformContext(style, doc);
	xsltSetCtxtSecurityPrefs(secure_prefs(), ctxt);
	struct transform_talk talk = {BUF_INIT};
	xsltSetTransformErrorFunc(ctxt, &talk, gather_talk);
	/* A preparsed document in the context's list is what document() finds
	 * first (matched by URL); the context frees it afterwards. */
	if (extra && !xsltNewDocument(ctxt, extra))
		xmlFreeDoc(extra);
	/* the page is written as the transform makes it (html/flush.h), as
	 * xsltSaveResultToFile writes it: UTF-8 without an encoder */
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(atomic_stream(af), NULL);
	struct html_flush flush;
	html_flush_begin(&flush, out, ctxt);
	flush.walk = walk;
	xmlDocPtr result = xsltApplyStylesheetUser(style, doc, argv, NULL, NULL, ctxt);
	int failed = !result || ctxt->state != XSLT_STATE_OK;
	xsltFreeTransformContext(ctxt);
	report_talk(&talk, diag, who);
	for (int i = 0; i < nparams; i++)
		free((char *)argv[2 * i + 1]);
	free(argv);
	int status = 0;
	const char *why;
	if (walk && (status = html_walk_status(walk, &why)) != 0)
		diag_error(diag, 0, who, "%s", why);
	else if (failed) {
		diag_error(diag, 0, who, "the template %s failed on this document", name);
		status = EX_SOFTWARE;
	}
	if (html_flush_end(&flush, failed ? NULL : result) != 0)
		af->failed = 1;
	if (xmlOutputBufferClose(out) < 0)
		af->failed = 1;
	xmlFreeDoc(result);
	return status;
}

/* Put the page in place after transform's status: 0, or a sysexits
 * code (reported). */
static int commit(struct atomic_file *af, int status, const char *out_path, struct diag *diag, const char *who)
{
	if (status)
		atomic_abort(af);
	else if (atomic_commit(af) != 0) {
		diag_error(diag, 0, who, "cannot write %s: %s", out_path, strerror(errno));
		status = EX_CANTCREAT;
	}
	return status;
}

int xslt_render(const char *data_dir, const char *name, xmlDocPtr doc,
		const struct xslt_param *params, int nparams, xmlDocPtr extra,
		const char *out_path, struct diag *diag, const char *who)
{
	xsltStylesheetPtr style = load_style(data_dir, name, diag, who);
	if (!style) {
		xmlFreeDoc(extra);
		return EX_CONFIG;
	}
	struct atomic_file af;
	if (atomic_open(&af, out_path) != 0) {
		diag_error(diag, 0, who, "cannot create %s: %s", out_path, strerror(errno));
		xmlFreeDoc(extra);
		return EX_CANTCREAT;
	}
	int status = transform(style, name, doc, params, nparams, extra, NULL, &af, diag, who);
	return commit(&af, status, out_path, diag, who);
}

int xslt_render_parts(const char *data_dir, const char *name, struct akn_parts *parts,
		      const struct xslt_param *params, int nparams,
		      const char *out_path, struct diag *diag, const char *who)
{
	xmlDocPtr front = akn_parts_front(parts);
	if (akn_parts_whole(parts) || !html_walk_fits(front)) {
		/* the whole tree, as the walk reads it */
		xmlDocPtr whole = akn_parts_whole(parts) ? front : html_walk_whole(parts);
		int status = akn_parts_status(parts);
		if (!status)
			status = xslt_render(data_dir, name, whole, params, nparams, NULL, out_path, diag, who);
		if (whole != front)
			xmlFreeDoc(whole);
		return status;
	}
	xsltStylesheetPtr style = load_style(data_dir, name, diag, who);
	if (!style)
		return EX_CONFIG;
	struct atomic_file af;
	if (atomic_open(&af, out_path) != 0) {
		diag_error(diag, 0, who, "cannot create %s: %s", out_path, strerror(errno));
		return EX_CANTCREAT;
	}
	struct html_walk *walk = html_walk_new(parts, out_path);
	if (!walk) {
		diag_error(diag, 0, who, "cannot create a file beside %s: %s", out_path, strerror(errno));
		atomic_abort(&af);
		return EX_CANTCREAT;
	}
	/* the same parameters and parts='1' */
	struct xslt_param *with = xcalloc((size_t)nparams + 1, sizeof *with);
	memcpy(with, params, (size_t)nparams * sizeof *with);
	with[nparams] = (struct xslt_param){"parts", "1"};
	int status = transform(style, name, front, with, nparams + 1, NULL, walk, &af, diag, who);
	free(with);
	html_walk_free(walk);
	return commit(&af, status, out_path, diag, who);
}

int copy_data_file(const char *data_dir, const char *rel, const char *dest_dir,
		   const char *name, struct diag *diag, const char *who)
{
	size_t n = strlen(data_dir) + strlen(rel) + 2;
	char *src = xmalloc(n);
	snprintf(src, n, "%s/%s", data_dir, rel);
	n = strlen(dest_dir) + strlen(name) + 2;
	char *dst = xmalloc(n);
	snprintf(dst, n, "%s/%s", dest_dir, name);
	size_t len, old_len;
	int status = 0;
	char *data = slurp(src, &len);
	if (!data) {
		diag_error(diag, 0, who, "cannot read %s: %s", src, strerror(errno));
		status = EX_CONFIG;
	} else {
		char *old = slurp(dst, &old_len);
		int same = old && old_len == len && !memcmp(old, data, len);
		free(old);
		if (!same && atomic_write(dst, data, len) != 0) {
			diag_error(diag, 0, who, "cannot write %s: %s", dst, strerror(errno));
			status = EX_CANTCREAT;
		}
	}
	free(data);
	free(src);
	free(dst);
	return status;
}
