/* load.c — one manifest (akn/manifest.h: <manifest slug symbol … ><anchor eId
 * num/>…<ref href from>text</ref>…</manifest>) into a site_doc record.
 *
 * Read with SAX callbacks, not into a tree: the reduce step reads every
 * manifest of the corpus, and building and freeing a DOM per manifest cost
 * three times the parse itself (0.53 s against 0.18 s for 8,000). */
#include "site/site.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>

#include "util/buf.h"
#include "util/hash.h"
#include "util/slurp.h"
#include "util/xmalloc.h"

/* What the callbacks know while one manifest is read. */
struct load_state {
	struct site_doc *d;
	struct site_store *store;
	int depth;		/* of the element being read; the root is 1 */
	size_t cap_refs;
	struct site_anchor *anchors;	/* in the manifest's order, then sorted */
	size_t nanchors, cap_anchors;
	bool in_ref;		/* inside a <ref>: its text is gathered */
	struct buf text;
	bool has_dtd;		/* refused: manifests have none */
};

/* A SAX2 attribute value (value[3]..value[4]) as a string of the arena
 * (malloc'd without one), NULL when empty.  Without entity substitution libxml2 hands '&' over as
 * "&#38;" (the only reference left in a value: see xmlParseAttValueComplex),
 * which is turned back into '&' as a tree would show it. */
static char *sax_value(struct arena *arena, const xmlChar **a)
{
	const char *v = (const char *)a[3], *end = (const char *)a[4];
	if (v == end)
		return NULL;
	size_t size = (size_t)(end - v) + 1;
	char *s = arena ? arena_alloc(arena, size) : xmalloc(size), *o = s;
	while (v < end) {
		if (end - v >= 5 && !memcmp(v, "&#38;", 5)) {
			*o++ = '&';
			v += 5;
		} else
			*o++ = *v++;
	}
	*o = '\0';
	return s;
}

/* The value of attribute name among a SAX2 element's attributes. */
static char *sax_attr(struct arena *arena, int nb_attributes, const xmlChar **attributes,
		      const char *name)
{
	for (int i = 0; i < nb_attributes; i++)
		if (!strcmp((const char *)attributes[5 * i], name))
			return sax_value(arena, attributes + 5 * i);
	return NULL;
}

/* XPath normalize-space(): what the template compares link texts with. */
static char *normalize_space(struct arena *arena, const char *s)
{
	struct buf b = BUF_INIT;
	int space = 0;
	for (; s && *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	char *r = arena_strndup(arena, b.len ? b.data : "", b.len);
	buf_free(&b);
	return r;
}

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
		     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
		     const xmlChar **attributes)
{
	(void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces; (void)nb_defaulted;
	struct load_state *st = ctx;
	struct site_doc *d = st->d;
	struct arena *arena = &st->store->arena;
	const char *name = (const char *)localname;
	st->depth++;
	if (st->depth == 1) {
		d->slug = sax_attr(arena, nb_attributes, attributes, "slug");
		d->symbol = sax_attr(arena, nb_attributes, attributes, "symbol");
		d->number = sax_attr(arena, nb_attributes, attributes, "number");
		d->title = sax_attr(arena, nb_attributes, attributes, "title");
		d->type = sax_attr(arena, nb_attributes, attributes, "type");
		d->date = sax_attr(arena, nb_attributes, attributes, "date");
		d->lang = sax_attr(arena, nb_attributes, attributes, "lang");
	} else if (st->depth == 2 && !strcmp(name, "anchor")) {
		/* both go to the dictionary: para_1, "1." and the like repeat
		 * from document to document */
		char *eid = sax_attr(NULL, nb_attributes, attributes, "eId");
		char *num = sax_attr(NULL, nb_attributes, attributes, "num");
		if (eid) {
			if (st->nanchors == st->cap_anchors) {
				st->cap_anchors = st->cap_anchors ? st->cap_anchors * 2 : 32;
				st->anchors = xrealloc(st->anchors, st->cap_anchors * sizeof *st->anchors);
			}
			st->anchors[st->nanchors++] = (struct site_anchor){
				(const char *)xmlDictLookup(st->store->dict, (const xmlChar *)eid, -1),
				(const char *)xmlDictLookup(st->store->dict, (const xmlChar *)(num ? num : ""), -1)};
		}
		free(eid);
		free(num);
	} else if (st->depth == 2 && !strcmp(name, "ref")) {
		if (d->nrefs == st->cap_refs)
			d->refs = xrealloc(d->refs, (st->cap_refs = st->cap_refs ? st->cap_refs * 2 : 16) * sizeof *d->refs);
		struct site_ref *r = &d->refs[d->nrefs++];
		r->href = sax_attr(arena, nb_attributes, attributes, "href");
		r->from = sax_attr(arena, nb_attributes, attributes, "from");
		r->text = NULL;
		st->in_ref = true;
		buf_clear(&st->text);
	}
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	(void)localname; (void)prefix; (void)uri;
	struct load_state *st = ctx;
	if (st->depth == 2 && st->in_ref) {
		st->d->refs[st->d->nrefs - 1].text = normalize_space(&st->store->arena, buf_cstr(&st->text));
		st->in_ref = false;
	}
	st->depth--;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct load_state *st = ctx;
	if (st->in_ref)
		buf_put(&st->text, (const char *)ch, (size_t)len);
}

static void on_dtd(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id)
{
	(void)name; (void)external_id; (void)system_id;
	((struct load_state *)ctx)->has_dtd = true;
}

/* Order anchors by eId, the manifest's order among equal ones (the
 * address is the order: they were gathered in one array). */
static int cmp_anchor(const void *a, const void *b)
{
	const struct site_anchor *x = a, *y = b;
	int c = strcmp(x->eid, y->eid);
	return c ? c : (x > y) - (x < y);
}

/* Sort st's anchors by eId, keep the first of each eId, and move them
 * into the store's arena as d's. */
static void keep_anchors(struct load_state *st, struct site_doc *d)
{
	if (st->nanchors)
		qsort(st->anchors, st->nanchors, sizeof *st->anchors, cmp_anchor);
	d->anchors = arena_alloc(&st->store->arena, (st->nanchors ? st->nanchors : 1) * sizeof *d->anchors);
	d->nanchors = 0;
	for (size_t i = 0; i < st->nanchors; i++)
		if (!d->nanchors || strcmp(d->anchors[d->nanchors - 1].eid, st->anchors[i].eid))
			d->anchors[d->nanchors++] = st->anchors[i];
	free(st->anchors);
}

const char *site_anchor_num(const struct site_doc *d, const char *eid)
{
	size_t lo = 0, hi = d->nanchors;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(d->anchors[mid].eid, eid);
		if (c == 0)
			return d->anchors[mid].num;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Parse a manifest's bytes into d; false when they are not one. */
static bool parse_manifest(const char *bytes, size_t len, struct site_doc *d, struct site_store *store)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof sax);
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_text;
	sax.cdataBlock = on_text;
	sax.internalSubset = on_dtd;
	struct load_state st = {.d = d, .store = store, .text = BUF_INIT};
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes, (int)len);
	if (!ctxt)
		return false;
	if (ctxt->sax != (xmlSAXHandlerPtr)&xmlDefaultSAXHandler)
		xmlFree(ctxt->sax);
	ctxt->sax = &sax;
	ctxt->userData = &st;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	xmlParseDocument(ctxt);
	bool ok = ctxt->wellFormed && !st.has_dtd && !st.in_ref;
	ctxt->sax = NULL;	/* ours, on the stack */
	xmlFreeParserCtxt(ctxt);
	/* a ref cut short (the parse stopped inside one) has no text yet */
	for (size_t i = 0; i < d->nrefs; i++)
		if (!d->refs[i].text)
			d->refs[i].text = "";
	keep_anchors(&st, d);
	/* the references too go to the arena: the record is freed with it */
	struct site_ref *refs = d->refs;
	d->refs = arena_alloc(&store->arena, (d->nrefs ? d->nrefs : 1) * sizeof *d->refs);
	if (d->nrefs)
		memcpy(d->refs, refs, d->nrefs * sizeof *d->refs);
	free(refs);
	buf_free(&st.text);
	return ok;
}

int site_load_doc(const char *out_dir, const char *name, const struct file_id *xml, struct site_doc *d,
		  uint64_t program, struct site_store *store, struct diag *diag)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", out_dir, name);
	memset(d, 0, sizeof *d);
	size_t len = 0;
	char *bytes = slurp(buf_cstr(&path), &len);
	if (!bytes || !parse_manifest(bytes, len, d, store)) {
		diag_warn(diag, 0, "site", "skipping unreadable manifest %s", buf_cstr(&path));
		memset(d, 0, sizeof *d);
		free(bytes);
		buf_free(&path);
		return -1;
	}
	size_t stem = strlen(name) - strlen(".manifest.xml");
	if (!d->slug) /* the file name says it too */
		d->slug = arena_strndup(&store->arena, name, stem);
	if (!d->lang) /* a manifest of an older unpress: its XML was ours, in English */
		d->lang = "en";
	d->manifest = arena_strdup(&store->arena, name);
	/* What the page is made from, besides its link map: the manifest's
	 * bytes and the XML file (by its identity: it is read only when the
	 * page is rendered) and the program with its templates. */
	uint64_t h = hash_add(program, bytes, len);
	free(bytes);
	struct file_id own;
	if (!site_slug_is_name(d->slug, name)) {
		/* a slug that is not the file's name: its own XML */
		buf_clear(&path);
		buf_printf(&path, "%s/%s.xml", out_dir, d->slug);
		site_file_id(AT_FDCWD, buf_cstr(&path), &own);
		xml = &own;
	}
	if (xml->exists) {
		d->has_akn = true;
		long long fields[] = {xml->size, (long long)xml->mtime.tv_sec, (long long)xml->mtime.tv_nsec, xml->ino};
		h = hash_add(h, fields, sizeof fields);
	}
	d->source_stamp = h ? h : 1;
	buf_free(&path);
	return 0;
}

void site_doc_keys(struct site_doc *d)
{
	const char *fields[] = {d->slug, d->symbol, d->number, d->type, d->lang};
	uint64_t h = HASH_INIT;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		h = hash_str(h, fields[i]);
	d->target_key = h;
	h = HASH_INIT;
	for (size_t i = 0; i < d->nanchors; i++)
		h = hash_str(h, d->anchors[i].eid);
	d->anchor_key = h;
}
