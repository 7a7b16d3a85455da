/* akn/load.c — reading an AKN file that someone else may have written
 * (`unpress render`, the site's reduce step): bounded, never decompressed
 * (libxml2 would inflate a gzip or xz file of any ratio), no entities, no
 * DTD, no network, and its text made fit for every edition. */
#include "akn/load.h"
#include "akn/ns.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"
#include "util/readfile.h"
#include "util/swar.h"
#include "util/utf8.h"
#include "util/xmlerrors.h"

/* The largest XML read: some three times the largest input's text. */
#define AKN_MAX ((size_t)384 << 20)

static void quiet_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void quiet_structured_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

/* The compression whose magic number the bytes start with, or NULL. */
static const char *compression(const unsigned char *b, size_t n)
{
	static const struct { const char *magic; size_t len; const char *what; } kinds[] = {
		{"\x1f\x8b", 2, "gzip"},
		{"\xfd" "7zXZ\0", 6, "xz"},
		{"BZh", 3, "bzip2"},
		{"\x28\xb5\x2f\xfd", 4, "zstd"},
		{"\x5d\0\0", 3, "lzma"},
		{"\x1f\x9d", 2, "compress"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (n >= kinds[i].len && !memcmp(b, kinds[i].magic, kinds[i].len))
			return kinds[i].what;
	return NULL;
}

/* Whether text may hold a byte the inline markup uses (a control other
 * than tab, newline and CR): eight bytes at a time, then each candidate. */
static bool may_hold_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		i += swar_skip_text(s + i, n - i, false);
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			return true;
		i++;
	}
	return false;
}

/* The text of node n (a text, comment or the like) made fit for every
 * edition: with all, each noncharacter (libxml2 lets all but U+FFFE and
 * U+FFFF through; cairo refuses them) as U+FFFD and each control removed;
 * else only the controls (a tree we built).  The count. */
static size_t clean_text(xmlNodePtr n, bool all)
{
	if (!n->content)
		return 0;
	const char *s = (const char *)n->content;
	size_t len = strlen(s);
	if (all ? text_is_clean(s, 0) : !may_hold_control(s, len))
		return 0;
	struct arena arena;
	arena_init(&arena);
	size_t changed = 0;
	char *clean = text_clean(&arena, s, len, 0, &changed);
	xmlNodeSetContent(n, (const xmlChar *)clean);
	arena_free(&arena);
	return changed;
}

/* Every text and attribute value under root, cleaned (iteratively: a
 * tree may nest deeper than the stack would like). */
static size_t clean_tree(xmlNodePtr root, bool all)
{
	size_t changed = 0;
	for (xmlNodePtr n = root; n;) {
		if (n->type == XML_ELEMENT_NODE) {
			for (xmlAttrPtr a = n->properties; a; a = a->next)
				for (xmlNodePtr t = a->children; t; t = t->next)
					changed += clean_text(t, all);
		} else
			changed += clean_text(n, all);
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
	return changed;
}

size_t akn_remove_controls_under(xmlNodePtr node)
{
	return clean_tree(node, false);
}

size_t akn_remove_controls(xmlDocPtr xml)
{
	xmlNodePtr root = xmlDocGetRootElement(xml);
	return root ? clean_tree(root, false) : 0;
}

xmlDocPtr akn_load_memory(const char *bytes, size_t n, const char *name, struct diag *diag)
{
	const char *packed = compression((const unsigned char *)bytes, n);
	if (packed) {
		diag_error(diag, 0, "xml", "this is %s-compressed, not XML: decompress it first "
			   "(unpress never inflates an archive it was given)", packed);
		errno = EINVAL;
		return NULL;
	}
	if (n > (size_t)INT32_MAX) {
		diag_error(diag, 0, "xml", "too large to be parsed");
		errno = EFBIG;
		return NULL;
	}
	/* No entity expansion (billion laughs), no DTD loading, no network. */
	int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	/* libxml2 prints some errors (bad bytes for the declared encoding)
	 * through its generic handler even with NOERROR: silence it here, the
	 * one message we print comes from the context's last error */
	xmlSetGenericErrorFunc(NULL, quiet_generic_error);
	xmlSetStructuredErrorFunc(NULL, quiet_structured_error);
	xmlDocPtr xml = ctxt ? xmlCtxtReadMemory(ctxt, bytes, (int)n, name, NULL, options) : NULL;
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xml_errors_route(xml_errors_verbosity());
	int bad = !xml;
	if (xml && xml->intSubset) {
		diag_error(diag, 0, "xml", "refusing an XML file with a DOCTYPE (entities and DTDs are not accepted)");
		bad = 1;
	}
	xmlNodePtr root = xml ? xmlDocGetRootElement(xml) : NULL;
	if (!bad && (!root || strcmp((const char *)root->name, "akomaNtoso") || !root->ns ||
		     strcmp((const char *)root->ns->href, AKN_NS))) {
		diag_error(diag, 0, "xml", "not an Akoma Ntoso 3.0 document");
		bad = 1;
	}
	if (!xml) {
		const xmlError *err = ctxt ? xmlCtxtGetLastError(ctxt) : NULL;
		/* libxml2's messages end with a newline; ours must not */
		char message[512];
		snprintf(message, sizeof message, "%s", err && err->message ? err->message : "parse error");
		message[strcspn(message, "\n")] = '\0';
		diag_error(diag, err ? err->line : 0, "xml", "not well-formed XML: %s", message);
	}
	xmlFreeParserCtxt(ctxt);
	if (bad) {
		xmlFreeDoc(xml);
		errno = EINVAL;
		return NULL;
	}
	size_t changed = clean_tree(root, true);
	if (changed)
		diag_warn(diag, 0, "xml", "replaced %zu noncharacters (U+FDD0, U+1FFFE and the like) by U+FFFD",
			  changed);
	return xml;
}

xmlDocPtr akn_load_safely(const char *path, struct diag *diag)
{
	struct buf bytes = BUF_INIT;
	const char *why;
	if (read_bounded(path, AKN_MAX, READ_STREAMS, &bytes, &why) != 0) {
		int saved = errno;
		if (saved == EFBIG)
			diag_error(diag, 0, "xml", "larger than %s: not a document", read_size_text(AKN_MAX));
		else
			diag_error(diag, 0, "xml", "cannot open: %s", why);
		buf_free(&bytes);
		errno = saved;
		return NULL;
	}
	xmlDocPtr xml = akn_load_memory(bytes.data ? bytes.data : "", bytes.len, path, diag);
	int saved = errno;
	buf_free(&bytes);
	errno = saved;
	return xml;
}

char *akn_slug(xmlDocPtr xml)
{
	xmlNodePtr n = xmlDocGetRootElement(xml);
	/* walk to meta/proprietary/unpress:source depth-first */
	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->ns && !strcmp((const char *)n->ns->href, UNPRESS_NS) &&
		    !strcmp((const char *)n->name, "source")) {
			xmlChar *slug = xmlGetProp(n, (const xmlChar *)"slug");
			if (!slug)
				return NULL;
			char *s = xstrdup((const char *)slug);
			xmlFree(slug);
			/* a slug is a file name: no path separators, no dot files */
			if (!*s || strchr(s, '/') || s[0] == '.') {
				free(s);
				return NULL;
			}
			return s;
		}
		if (n->children && n->type == XML_ELEMENT_NODE)
			n = n->children;
		else {
			while (n && !n->next)
				n = n->parent;
			if (n)
				n = n->next;
		}
	}
	return NULL;
}
