/* corpus.h — the reduce step's corpus: every document's record, indexes
 * to resolve references by, what each reference resolved to, and what
 * each page shows, made from that (resolve.c).  site.c renders from it. */
#ifndef UNPRESS_SITE_CORPUS_H
#define UNPRESS_SITE_CORPUS_H

#include "site/site.h"

/* Who cites a document or an outside symbol: a reference of docs[doc],
 * its outs[out]. */
struct site_citer {
	uint32_t doc, out;
};

/* A symbol cited but not in the collection: it gets a page listing where. */
struct site_external {
	const char *symbol, *href, *page;
	struct site_citer *by;		/* in corpus order */
	size_t nby, cap_by;
	/* made only when its page is (corpus_external_cites) */
	struct site_ext_cite { const char *from, *label, *text, *lang; } *cites;
	size_t ncites;
	uint64_t stamp;		/* what its page shows */
};

/* A language of the collection: its documents get an index and a search
 * of their own, named with suffix ("" for the first, the language with
 * most documents; "-ar" and the like for the others). */
struct site_lang {
	const char *tag, *suffix;
	size_t ndocs;
};

struct corpus {
	struct site_store store;	/* what the records' strings live in */
	struct site_doc *docs;
	size_t ndocs;
	xmlHashTablePtr by_symbol;	/* symbol (upper case) → its first struct site_doc * */
	xmlHashTablePtr by_symbol_lang;	/* "lang symbol" → the first in that language */
	xmlHashTablePtr by_number;	/* "11/3" → first site_doc (then ->same_number) */
	/* who cites each document: cited_by[i] (n_cited_by[i] of them) */
	struct site_citer **cited_by;
	size_t *n_cited_by;
	xmlDocPtr site;			/* the corpus description for site.xsl,
					 * built only when a site page is made */
	xmlHashTablePtr externals;	/* symbol → its struct site_external */
	struct site_external **ext;	/* in the order they were first cited */
	size_t next, cap_ext;
	struct site_lang *langs;	/* most documents first (corpus_languages) */
	size_t nlangs;
};

#define UNDOCS "https://undocs.org/"

/* The symbol an address on undocs.org names (a string of the arena), or
 * NULL when href is not one: http or https, www. or not,
 * with or without the language step the UN's links carry
 * ("https://undocs.org/en/A/RES/76/13", "…/ch/…", "…/sp/…"). */
const char *undocs_symbol(struct arena *arena, const char *href);

/* The collection's languages, and each document's lang_index (langs.c). */
void corpus_languages(struct corpus *c);
/* Each document's language versions (site_doc.versions), in the UN's
 * order of its languages. */
void corpus_versions(struct corpus *c);
/* What of a page comes from its language: its index's and search's names
 * and its versions (to fold into its stamp). */
uint64_t corpus_versions_stamp(const struct corpus *c, const struct site_doc *d);

/* Index d by symbol (and each part of a joint symbol) and by number. */
void corpus_index_doc(struct corpus *c, struct site_doc *d);
/* What every record's references can resolve to, in one number: the
 * documents' target keys in corpus order.  Equal to the last build's,
 * the outs of a document whose record did not change still hold (but
 * for pinpoints into a document whose anchors changed). */
uint64_t corpus_key(const struct corpus *c);
/* Resolve d's references into d->outs (the lookups: the costly part). */
void corpus_resolve(struct corpus *c, struct site_doc *d);
/* From every document's outs: who cites each document (ncited too), and
 * the outside symbols in the order first cited, with who cites them. */
void corpus_gather(struct corpus *c);
/* What d's page shows: its source_stamp (which covers the program) and
 * what its references resolved to and who cites it, by the records' keys
 * (struct site_out), not their texts.  The same for an outside symbol's
 * page, under h (the program's hash). */
uint64_t corpus_page_stamp(const struct corpus *c, const struct site_doc *d);
uint64_t corpus_external_stamp(uint64_t h, const struct corpus *c, const struct site_external *e);
/* What the site's own pages show (the corpus description), under h. */
uint64_t corpus_description_stamp(uint64_t h, const struct corpus *c);
/* The texts of d's link map (its links and who cites it), for its page. */
void corpus_link_map(struct corpus *c, struct site_doc *d);
/* The texts of e's citations, for its page or the corpus description. */
void corpus_external_cites(struct corpus *c, struct site_external *e);
void corpus_free(struct corpus *c);
/* How many references resolved into the corpus and how many to outside
 * symbols, over every document (after corpus_gather). */
void corpus_count_links(const struct corpus *c, size_t *inside, size_t *outside);

#endif
