/* langs.c — the site's languages and each document's language versions
 * (corpus.h: corpus_languages, corpus_versions).
 *
 * The UN publishes a document in its six official languages under one
 * symbol; each version is a document of the collection, with its own
 * page.  The site has an index and a search per language: the language
 * with most documents keeps the plain names (index.html, search.html,
 * search-index.js: a collection in one language is built as it always
 * was), every other one adds its tag (index-ar.html, search-ar.html,
 * search-index-ar.js).  A document's versions are the documents with its
 * symbol, the first of each language in corpus order; each version links
 * to the others (the language switch, hreflang alternates, the sitemap's
 * xhtml:link). */
#include "site/corpus.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xmalloc.h"

/* The UN's order of its official languages (as its sites list them:
 * Arabic, Chinese, English, French, Russian, Spanish), then any other by
 * its tag. */
static int official_rank(const char *tag)
{
	static const char *const order[] = {"ar", "zh", "en", "fr", "ru", "es"};
	for (int i = 0; i < 6; i++)
		if (!strcmp(tag, order[i]))
			return i;
	return 6;
}

/* Order language tags as the UN lists its official languages (ar, zh, en,
 * fr, ru, es), then others by tag. */
static int site_lang_cmp(const char *a, const char *b)
{
	int ra = official_rank(a), rb = official_rank(b);
	return ra != rb ? ra - rb : strcmp(a, b);
}

/* Most documents first; among equals, the UN's order. */
static int cmp_by_count(const void *x, const void *y)
{
	const struct site_lang *a = x, *b = y;
	if (a->ndocs != b->ndocs)
		return a->ndocs > b->ndocs ? -1 : 1;
	return site_lang_cmp(a->tag, b->tag);
}

void corpus_languages(struct corpus *c)
{
	struct arena *arena = &c->store.arena;
	c->langs = arena_alloc(arena, (c->ndocs + 1) * sizeof *c->langs);
	c->nlangs = 0;
	xmlHashTablePtr seen = xmlHashCreate(16);
	for (size_t i = 0; i < c->ndocs; i++) {
		const char *tag = c->docs[i].lang;
		struct site_lang *l = xmlHashLookup(seen, (const xmlChar *)tag);
		if (!l) {
			l = &c->langs[c->nlangs++];
			*l = (struct site_lang){.tag = tag};
			xmlHashAddEntry(seen, (const xmlChar *)tag, l);
		}
		l->ndocs++;
	}
	xmlHashFree(seen, NULL);
	if (c->nlangs)
		qsort(c->langs, c->nlangs, sizeof *c->langs, cmp_by_count);
	for (size_t k = 0; k < c->nlangs; k++)
		c->langs[k].suffix = k ? arena_concat(arena, 2, "-", c->langs[k].tag) : "";
	for (size_t i = 0; i < c->ndocs; i++)
		for (size_t k = 0; k < c->nlangs; k++)
			if (!strcmp(c->docs[i].lang, c->langs[k].tag)) {
				c->docs[i].lang_index = (unsigned)k;
				break;
			}
}

/* Symbols compare without case (the UN's links and ours differ in it). */
static int cmp_symbol_lang(const void *x, const void *y)
{
	const struct site_doc *a = *(struct site_doc *const *)x, *b = *(struct site_doc *const *)y;
	int r = strcasecmp(a->symbol, b->symbol);
	if (!r)
		r = site_lang_cmp(a->lang, b->lang);
	if (!r)
		r = a->index < b->index ? -1 : a->index > b->index;
	return r;
}

void corpus_versions(struct corpus *c)
{
	struct site_doc **order = xmalloc((c->ndocs + 1) * sizeof *order);
	size_t n = 0;
	for (size_t i = 0; i < c->ndocs; i++) {
		c->docs[i].versions = NULL;
		c->docs[i].nversions = 0;
		if (c->docs[i].symbol)
			order[n++] = &c->docs[i];
	}
	if (n)
		qsort(order, n, sizeof *order, cmp_symbol_lang);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !strcasecmp(order[j]->symbol, order[i]->symbol); j++)
			;
		/* the first of each language (corpus order within one) */
		struct site_doc **versions = arena_alloc(&c->store.arena, (j - i) * sizeof *versions);
		size_t nv = 0;
		for (size_t k = i; k < j; k++)
			if (!nv || strcmp(versions[nv - 1]->lang, order[k]->lang))
				versions[nv++] = order[k];
		if (nv < 2)
			continue; /* one language: nothing to switch to */
		/* only the versions link to each other: a second document of a
		 * language under the symbol (the UN's XML has misnumbered
		 * covers) is not one of them */
		for (size_t k = 0; k < nv; k++) {
			versions[k]->versions = versions;
			versions[k]->nversions = nv;
		}
	}
	free(order);
}

uint64_t corpus_versions_stamp(const struct corpus *c, const struct site_doc *d)
{
	uint64_t h = hash_str(HASH_INIT, c->langs[d->lang_index].suffix);
	for (size_t k = 0; k < d->nversions; k++) {
		h = hash_str(h, d->versions[k]->lang);
		h = hash_str(h, d->versions[k]->slug);
	}
	return h;
}
