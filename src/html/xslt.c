/* xslt.c — compiled-stylesheet cache, safe transform, atomic output. */
#include "html/xslt.h"

#include <errno.h>
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

#include "util/atomic.h"
#include "util/slurp.h"

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
		exslt_ready = 1;
	}
	size_t n = strlen(data_dir) + strlen(name) + 16;
	char *path = malloc(n);
	snprintf(path, n, "%s/templates/%s", data_dir, name);
	xsltStylesheetPtr style = xsltParseStylesheetFile((const xmlChar *)path);
	if (!style)
		diag_error(diag, 0, who, "cannot load the template %s", path);
	free(path);
	if (style && i < sizeof style_cache / sizeof style_cache[0]) {
		style_cache[i].name = strdup(name);
		style_cache[i].style = style;
	}
	return style;
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
		char *q = malloc(n);
		snprintf(q, n, "'%s'", s);
		return q;
	}
	if (!strchr(s, '"')) {
		size_t n = strlen(s) + 3;
		char *q = malloc(n);
		snprintf(q, n, "\"%s\"", s);
		return q;
	}
	size_t n = strlen(s) * 8 + 16, len = 0;
	char *q = malloc(n);
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

int xslt_render(const char *data_dir, const char *name, xmlDocPtr doc,
		const struct xslt_param *params, int nparams, xmlDocPtr extra,
		const char *out_path, struct diag *diag, const char *who)
{
	xsltStylesheetPtr style = load_style(data_dir, name, diag, who);
	if (!style) {
		xmlFreeDoc(extra);
		return EX_CONFIG;
	}
	const char **argv = calloc((size_t)nparams * 2 + 1, sizeof *argv);
	for (int i = 0; i < nparams; i++) {
		argv[2 * i] = params[i].name;
		argv[2 * i + 1] = xpath_literal(params[i].value ? params[i].value : "");
	}
	xsltTransformContextPtr ctxt = xsltNewTransformContext(style, doc);
	xsltSetCtxtSecurityPrefs(secure_prefs(), ctxt);
	/* A preparsed document in the context's list is what document() finds
	 * first (matched by URL); the context frees it afterwards. */
	if (extra && !xsltNewDocument(ctxt, extra))
		xmlFreeDoc(extra);
	xmlDocPtr result = xsltApplyStylesheetUser(style, doc, argv, NULL, NULL, ctxt);
	int failed = ctxt->state != XSLT_STATE_OK;
	xsltFreeTransformContext(ctxt);
	for (int i = 0; i < nparams; i++)
		free((char *)argv[2 * i + 1]);
	free(argv);
	if (!result || failed) {
		diag_error(diag, 0, who, "the template %s failed on this document", name);
		xmlFreeDoc(result);
		return EX_SOFTWARE;
	}
	struct atomic_file af;
	int status = 0;
	if (atomic_open(&af, out_path) != 0) {
		diag_error(diag, 0, who, "cannot create %s: %s", out_path, strerror(errno));
		status = EX_CANTCREAT;
	} else {
		if (xsltSaveResultToFile(atomic_stream(&af), result, style) < 0)
			af.failed = 1;
		if (atomic_commit(&af) != 0) {
			diag_error(diag, 0, who, "cannot write %s: %s", out_path, strerror(errno));
			status = EX_CANTCREAT;
		}
	}
	xmlFreeDoc(result);
	return status;
}

int copy_data_file(const char *data_dir, const char *rel, const char *dest_dir,
		   const char *name, struct diag *diag, const char *who)
{
	size_t n = strlen(data_dir) + strlen(rel) + 2;
	char *src = malloc(n);
	snprintf(src, n, "%s/%s", data_dir, rel);
	n = strlen(dest_dir) + strlen(name) + 2;
	char *dst = malloc(n);
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
