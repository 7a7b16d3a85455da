/* resolve.c — what the corpus's references point at (corpus.h).
 *
 * A reference resolves to a document of the collection (by its symbol,
 * or by the number of a resolution or decision), with the paragraph it
 * pinpoints when the target has it, or to an outside symbol, which gets a
 * page of its own.  Resolving is the costly part of the reduce step (hash
 * lookups and anchor searches all over the corpus's memory), so what each
 * reference resolved to is kept as a compact record (struct site_out) in
 * the site index, and pages are stamped from those records: an edit
 * resolves the references of the documents that changed and no others.
 * The texts a page shows (link targets, "cited by" entries) are made only
 * for the pages that are rendered. */
#include "site/corpus.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/outname.h"
#include "util/url.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/xmalloc.h"

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

/* The language steps undocs.org's addresses carry before a symbol (the UN
 * writes "ch" for Chinese and "sp" for Spanish as well as the ISO codes);
 * no UN symbol's first step is one of them. */
static bool undocs_language_step(const char *p, size_t n)
{
	static const char *const steps[] = {"ar", "ch", "zh", "en", "fr", "ru", "es", "sp", "de"};
	if (n != 2)
		return false;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (!strncasecmp(p, steps[i], 2))
			return true;
	return false;
}

const char *undocs_symbol(struct arena *arena, const char *href)
{
	static const char *const prefixes[] = {"https://undocs.org/", "http://undocs.org/", "https://www.undocs.org/",
					       "http://www.undocs.org/"};
	const char *p = NULL;
	for (size_t i = 0; !p && i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (!strncasecmp(href, prefixes[i], strlen(prefixes[i])))
			p = href + strlen(prefixes[i]);
	if (!p)
		return NULL;
	size_t step = strcspn(p, "/");
	if (p[step] == '/' && p[step + 1] && undocs_language_step(p, step))
		p += step + 1;
	/* a query or fragment is not part of the symbol; nor is trailing space */
	size_t n = strcspn(p, "?#");
	while (n && (p[n - 1] == ' ' || p[n - 1] == '/'))
		n--;
	if (!n)
		return NULL;
	return arena_strndup(arena, p, n);
}

/* A symbol as the indexes key it: in upper case (undocs.org's addresses
 * and the UN's own links do not keep the case of "Corr.2", "Rev.1"),
 * after "LANG " when lang is given.  A static buffer. */
static const xmlChar *symbol_key(const char *lang, const char *symbol)
{
	static struct buf key = BUF_INIT;
	buf_clear(&key);
	if (lang)
		buf_printf(&key, "%s ", lang);
	size_t start = key.len;
	buf_puts(&key, symbol);
	for (char *q = key.data + start; *q; q++)
		*q = (char)toupper((unsigned char)*q);
	return X(buf_cstr(&key));
}

/* Index d under one symbol (or part of one). */
static void index_symbol(struct corpus *c, struct site_doc *d, const char *symbol)
{
	xmlHashAddEntry(c->by_symbol, symbol_key(NULL, symbol), d);	/* (the first stays) */
	xmlHashAddEntry(c->by_symbol_lang, symbol_key(d->lang, symbol), d);
}

void corpus_index_doc(struct corpus *c, struct site_doc *d)
{
	if (d->number) {
		struct site_doc *first = xmlHashLookup(c->by_number, X(d->number));
		if (!first)
			xmlHashAddEntry(c->by_number, X(d->number), d);
		else { /* keep corpus order along the chain */
			while (first->same_number)
				first = first->same_number;
			first->same_number = d;
		}
	}
	if (!d->symbol)
		return;
	index_symbol(c, d, d->symbol);
	/* A joint symbol (A/1-B/2, also with an en dash) is cited by either of
	 * its parts: undocs.org knows each part. */
	char *parts = xstrdup(d->symbol);
	for (char *p = parts; *p; p++)
		if (*p == '-' && p[1] >= 'A' && p[1] <= 'Z')
			*p = '\n';
	char *save = NULL;
	for (char *part = strtok_r(parts, "\n", &save); part; part = strtok_r(NULL, "\n", &save))
		if (strcmp(part, d->symbol))
			index_symbol(c, d, part);
	free(parts);
}

uint64_t corpus_key(const struct corpus *c)
{
	uint64_t h = hash_add(HASH_INIT, &c->ndocs, sizeof c->ndocs);
	for (size_t i = 0; i < c->ndocs; i++)
		h = hash_add(h, &c->docs[i].target_key, sizeof c->docs[i].target_key);
	return h ? h : 1;
}

/* The first document (in corpus order) other than from with this number,
 * whose type starts with kind when kind is given. */
static struct site_doc *by_number(struct corpus *c, struct site_doc *from, const char *number,
				  const char *kind)
{
	for (struct site_doc *d = xmlHashLookup(c->by_number, X(number)); d; d = d->same_number)
		if (d != from && (!kind || (d->type && !strncmp(d->type, kind, strlen(kind)))))
			return d;
	return NULL;
}

/* Which corpus document a reference points at, or NULL.  A symbol
 * resolves to its version in the citing document's language when the
 * collection has one (the UN publishes each document in six: a reader of
 * the Arabic text follows its links to Arabic pages), else to its version
 * in the collection's first language (the one with most documents: its
 * languages are known before references are resolved), else to its first
 * version in any language. */
static struct site_doc *resolve(struct corpus *c, struct site_doc *from, const char *href, const char *text)
{
	const char *symbol = undocs_symbol(&c->store.arena, href);
	if (symbol) {
		struct site_doc *d = xmlHashLookup(c->by_symbol_lang, symbol_key(from->lang, symbol));
		if (!d && c->nlangs)
			d = xmlHashLookup(c->by_symbol_lang, symbol_key(c->langs[0].tag, symbol));
		if (!d)
			d = xmlHashLookup(c->by_symbol, symbol_key(NULL, symbol));
		/* (a document citing its own symbol, in any language: no link) */
		if (d)
			return d != from && !(d->symbol && from->symbol && !strcmp(d->symbol, from->symbol)) ? d : NULL;
	}
	/* A named resolution or decision: /akn/un/statement/{kind}/{body}/11-3
	 * (symbols.c) names its number in the IRI's last step. */
	if (!strncmp(href, "/akn/", 5)) {
		const char *last = strrchr(href, '/');
		char *number = xstrdup(last ? last + 1 : "");
		for (char *p = number; *p; p++)
			if (*p == '-')
				*p = '/';
		const char *kind = strstr(href, "/decision/") ? "decision" : "resolution";
		struct site_doc *hit = by_number(c, from, number, kind);
		free(number);
		return hit;
	}
	/* A text that names a resolution or decision and holds a number of the
	 * corpus ("11/3", with no digit or slash glued to it): each maximal
	 * run of digits and slashes is looked up; the earliest document wins. */
	if (!strcasestr(text, "resolution") && !strcasestr(text, "decision"))
		return NULL;
	struct site_doc *best = NULL;
	for (const char *p = text; *p;) {
		size_t n = strspn(p, "0123456789/");
		if (!n) {
			p++;
			continue;
		}
		char *token = xstrndup(p, n);
		struct site_doc *hit = by_number(c, from, token, NULL);
		if (hit && (!best || hit->index < best->index))
			best = hit;
		free(token);
		p += n;
	}
	return best;
}

/* A pin's digits (up to 8) and their count, packed as struct site_out
 * keeps them. */
#define PIN_DIGITS_SHIFT 28
static uint32_t pin_pack(unsigned long value, size_t digits)
{
	return (uint32_t)value | (uint32_t)digits << PIN_DIGITS_SHIFT;
}

/* The eId a pin names ("para_9"), in eid (32 bytes). */
static void pin_eid(uint32_t pin, char *eid)
{
	snprintf(eid, 32, "para_%0*lu", (int)(pin >> PIN_DIGITS_SHIFT),
		 (unsigned long)(pin & ((1u << PIN_DIGITS_SHIFT) - 1)));
}

/* "para. 9" / "paras. 9–12" / "paragraph 9" in a reference → its pin
 * (the first paragraph named), 0 when it names none. */
static uint32_t pinpoint(const char *text)
{
	static const char *const words[] = {"paras.", "para.", "paragraphs", "paragraph"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		const char *p = strcasestr(text, words[w]);
		if (!p)
			continue;
		p += strlen(words[w]);
		while (*p == ' ')
			p++;
		if (!isdigit((unsigned char)*p))
			continue;
		unsigned long value = 0;
		size_t n = 0;
		for (; n < 8 && isdigit((unsigned char)p[n]); n++)
			value = value * 10 + (unsigned long)(p[n] - '0');
		return pin_pack(value, n);
	}
	return 0;
}

/* The page for an external symbol (util/outname.c): cited-<symbol with / as
 * _>.html, other characters outside [A-Za-z0-9.-] as '-', cut to a file
 * name's length with a hash of the whole. */
static char *external_page(const char *symbol)
{
	return outname_cited_page(symbol);
}

/* Where a citing place is: "SLUG.html#para_9" (a string of the arena). */
static const char *citing_place(struct arena *arena, const struct site_doc *d, const char *from)
{
	return from ? arena_concat(arena, 3, d->slug, ".html#", url_fragment(arena, from))
		    : arena_concat(arena, 2, d->slug, ".html");
}

/* How a citing place is named: "CTOC/COP/2022/9, para. 9" or just the
 * label (a string of the arena). */
static const char *citing_label(struct arena *arena, const struct site_doc *d, const char *from)
{
	const char *num = from && *from ? site_anchor_num(d, from) : NULL;
	if (!num || !*num)
		return d->label;
	const char *kind = strncmp(from, "para", 4) && !strstr(from, "__para_") ? "item" : "para.";
	size_t len = strlen(num);
	/* "9." → "9": the label ends the sentence it is put in */
	if (num[len - 1] == '.')
		len--;
	return arena_printf(arena, "%s, %s %.*s", d->label, kind, (int)len, num);
}

void corpus_resolve(struct corpus *c, struct site_doc *d)
{
	struct arena *arena = &c->store.arena;
	d->outs = arena_alloc(arena, (d->nrefs ? d->nrefs : 1) * sizeof *d->outs);
	d->nouts = 0;
	d->record = NULL; /* the site index's record no longer says it all */
	/* where a reference is and how that place is named, kept from one
	 * reference to the next: a paragraph's references come together */
	const char *last_from = NULL;
	uint64_t place = 0;
	for (size_t i = 0; i < d->nrefs; i++) {
		const char *href = d->refs[i].href, *from = d->refs[i].from, *text = d->refs[i].text;
		struct site_doc *target = href ? resolve(c, d, href, text) : NULL;
		bool outside = !target && href && undocs_symbol(arena, href) &&
			       !(d->symbol && !strcasecmp(undocs_symbol(arena, href), d->symbol));
		if (!target && !outside)
			continue;
		if (!place || !from != !last_from || (from && strcmp(from, last_from))) {
			place = hash_str(hash_str(HASH_INIT, citing_place(arena, d, from)), citing_label(arena, d, from));
			last_from = from;
		}
		struct site_out o = {.ref = (uint32_t)i, .target = SITE_OUT_EXTERNAL, .key = place};
		if (target) {
			o.target = (int32_t)target->index;
			o.pin = pinpoint(text);
			char eid[32];
			if (o.pin)
				pin_eid(o.pin, eid);
			if (o.pin && !site_anchor_num(target, eid))
				o.pin = 0;
		} else /* the outside symbol's page shows the reference's text too */
			o.key = hash_str(place, text);
		d->outs[d->nouts++] = o;
	}
}

/* The record of an outside symbol (href an address of it on undocs.org),
 * made at its first citation: one for the symbol, whatever language its
 * citations' addresses ask for. */
static struct site_external *external(struct corpus *c, const char *href)
{
	const char *symbol = undocs_symbol(&c->store.arena, href);
	struct site_external *e = xmlHashLookup(c->externals, symbol_key(NULL, symbol));
	if (e)
		return e;
	e = arena_zalloc(&c->store.arena, sizeof *e);
	e->symbol = symbol;
	e->href = arena_concat(&c->store.arena, 2, UNDOCS, symbol);
	char *page = external_page(symbol);
	e->page = arena_strdup(&c->store.arena, page);
	free(page);
	xmlHashAddEntry(c->externals, symbol_key(NULL, symbol), e);
	if (c->next == c->cap_ext) {
		c->cap_ext = c->cap_ext ? c->cap_ext * 2 : 64;
		c->ext = xrealloc(c->ext, c->cap_ext * sizeof *c->ext);
	}
	c->ext[c->next++] = e;
	return e;
}

static void add_citer(struct site_citer **list, size_t *n, size_t *cap, uint32_t doc, uint32_t out)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*list = realloc(*list, *cap * sizeof **list);
	}
	(*list)[(*n)++] = (struct site_citer){doc, out};
}

void corpus_gather(struct corpus *c)
{
	c->cited_by = xcalloc(c->ndocs + 1, sizeof *c->cited_by);
	c->n_cited_by = xcalloc(c->ndocs + 1, sizeof *c->n_cited_by);
	size_t *cap = xcalloc(c->ndocs + 1, sizeof *cap);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct site_doc *d = &c->docs[i];
		for (size_t k = 0; k < d->nouts; k++) {
			const struct site_out *o = &d->outs[k];
			if (o->target >= 0)
				add_citer(&c->cited_by[o->target], &c->n_cited_by[o->target], &cap[o->target],
					  (uint32_t)i, (uint32_t)k);
			else {
				struct site_external *e = external(c, d->refs[o->ref].href);
				add_citer(&e->by, &e->nby, &e->cap_by, (uint32_t)i, (uint32_t)k);
			}
		}
	}
	free(cap);
}

uint64_t corpus_page_stamp(const struct corpus *c, const struct site_doc *d)
{
	uint64_t h = d->source_stamp;
	/* its links: the reference (its text is the page's own), the target
	 * (its slug is in its target key) and the paragraph */
	for (size_t k = 0; k < d->nouts; k++) {
		const struct site_out *o = &d->outs[k];
		if (o->target < 0)
			continue;
		uint64_t link[] = {o->ref, c->docs[o->target].target_key, o->pin};
		h = hash_add(h, link, sizeof link);
	}
	h = hash_add(h, "|", 1);
	/* who cites it: each citing place's key and the paragraph cited */
	for (size_t k = 0; k < c->n_cited_by[d->index]; k++) {
		const struct site_citer *by = &c->cited_by[d->index][k];
		const struct site_out *o = &c->docs[by->doc].outs[by->out];
		uint64_t cite[] = {o->key, o->pin};
		h = hash_add(h, cite, sizeof cite);
	}
	return h ? h : 1;
}

uint64_t corpus_external_stamp(uint64_t h, const struct corpus *c, const struct site_external *e)
{
	h = hash_str(h, e->symbol);
	for (size_t k = 0; k < e->nby; k++) {
		h = hash_add(h, &c->docs[e->by[k].doc].outs[e->by[k].out].key, sizeof(uint64_t));
		h = hash_str(h, c->docs[e->by[k].doc].lang);
	}
	return h ? h : 1;
}

/* Fold strings into h, each with its end (so "ab","c" differs from "a","bc"). */
static uint64_t hash_strings(uint64_t h, size_t n, const char *const *s)
{
	for (size_t i = 0; i < n; i++)
		h = hash_add(h, s[i] ? s[i] : "", s[i] ? strlen(s[i]) + 1 : 1);
	return h;
}

uint64_t corpus_description_stamp(uint64_t h, const struct corpus *c)
{
	/* the outside symbols as the description shows them: their pages
	 * (from the symbol) and how many times each is cited */
	for (size_t i = 0; i < c->next; i++) {
		h = hash_str(h, c->ext[i]->symbol);
		h = hash_add(h, &c->ext[i]->nby, sizeof c->ext[i]->nby);
	}
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct site_doc *d = &c->docs[i];
		const char *fields[] = {d->slug, d->label, d->symbol, d->title ? d->title : d->label,
					d->type, d->date, c->n_cited_by[i] ? "1" : "", d->lang,
					d->nversions ? "alt" : ""};
		h = hash_strings(h, 9, fields);
	}
	return h ? h : 1;
}

void corpus_link_map(struct corpus *c, struct site_doc *d)
{
	struct arena *arena = &c->store.arena;
	size_t nlinks = 0, ncited = c->n_cited_by[d->index];
	for (size_t k = 0; k < d->nouts; k++)
		nlinks += d->outs[k].target >= 0;
	d->links = xcalloc(nlinks + 1, sizeof *d->links);
	d->cites = xcalloc(ncited + 1, sizeof *d->cites);
	d->nlinks = nlinks;
	d->ncites = ncited;
	size_t n = 0;
	for (size_t k = 0; k < d->nouts; k++) {
		const struct site_out *o = &d->outs[k];
		if (o->target < 0)
			continue;
		const struct site_doc *t = &c->docs[o->target];
		char eid[32];
		if (o->pin)
			pin_eid(o->pin, eid);
		const char *dest = o->pin ? arena_concat(arena, 3, t->slug, ".html#", url_fragment(arena, eid))
					  : arena_concat(arena, 2, t->slug, ".html");
		d->links[n++] = (struct site_link){d->refs[o->ref].href, d->refs[o->ref].text, dest};
	}
	for (size_t k = 0; k < ncited; k++) {
		const struct site_citer *by = &c->cited_by[d->index][k];
		const struct site_doc *from = &c->docs[by->doc];
		const struct site_out *o = &from->outs[by->out];
		char eid[32] = "";
		if (o->pin)
			pin_eid(o->pin, eid);
		const char *place = from->refs[o->ref].from;
		d->cites[k] = (struct site_cite){arena_strdup(arena, eid), citing_place(arena, from, place),
						 citing_label(arena, from, place)};
	}
}

void corpus_external_cites(struct corpus *c, struct site_external *e)
{
	if (e->cites)
		return;
	struct arena *arena = &c->store.arena;
	e->cites = xcalloc(e->nby + 1, sizeof *e->cites);
	for (size_t k = 0; k < e->nby; k++) {
		const struct site_doc *from = &c->docs[e->by[k].doc];
		const struct site_ref *r = &from->refs[from->outs[e->by[k].out].ref];
		e->cites[k] = (struct site_ext_cite){citing_place(arena, from, r->from),
						     citing_label(arena, from, r->from), r->text, from->lang};
	}
	e->ncites = e->nby;
}

void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->ndocs; i++)
		free(c->cited_by ? c->cited_by[i] : NULL);
	free(c->cited_by);
	free(c->n_cited_by);
	for (size_t i = 0; i < c->next; i++) {
		free(c->ext[i]->by);
		free(c->ext[i]->cites);
	}
	free(c->ext);
	xmlHashFree(c->by_symbol, NULL);
	xmlHashFree(c->by_symbol_lang, NULL);
	xmlHashFree(c->by_number, NULL);
	xmlHashFree(c->externals, NULL);
	xmlFreeDoc(c->site);
}

void corpus_count_links(const struct corpus *c, size_t *inside, size_t *outside)
{
	*inside = *outside = 0;
	for (size_t i = 0; i < c->ndocs; i++)
		for (size_t k = 0; k < c->docs[i].nouts; k++) {
			if (c->docs[i].outs[k].target >= 0)
				(*inside)++;
			else
				(*outside)++;
		}
}
