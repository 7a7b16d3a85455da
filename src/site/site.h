/* site.h — the reduce step's shared pieces (see akn/edition.h: site_build). */
#ifndef UNPRESS_SITE_H
#define UNPRESS_SITE_H

#include <libxml/tree.h>

#include "util/diag.h"

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <libxml/dict.h>
#include <libxml/hash.h>

#include "util/arena.h"

/* Where the site index's records keep their strings: one arena, released
 * at once, and one dictionary for anchor names and numbers (para_1, "1."
 * and the like repeat from document to document: each is stored once). */
struct site_store {
	struct arena arena;
	xmlDictPtr dict;
};

/* A place a document defines: its eId and the number it shows ("9.", or
 * ""); the first of the manifest's anchors with that eId. */
struct site_anchor {
	const char *eid, *num;
};

/* What a file was when the site looked at it (stat); exists false when it
 * was not there.  Equal identities, taken before the file's last change
 * could fall in the same clock tick, mean the same bytes (state.h). */
struct file_id {
	bool exists;
	long long size, ino;
	struct timespec mtime, ctime;
};

/* A reference a document makes, as its manifest lists it. */
struct site_ref {
	const char *href, *from, *text;	/* text: whitespace normalised */
};

/* One document of the corpus, as its manifest describes it: what the site
 * index holds per document (the AKN itself is read only to render). */
struct site_doc {
	const char *slug, *symbol, *number, *title, *type, *date;
	const char *lang;		/* BCP 47 ("en", "ar"…): util/lang.h; never NULL once loaded */
	unsigned lang_index;		/* its language among the corpus's langs */
	const char *label;		/* how citations name it: symbol, else number, else slug */
	size_t index;		/* position in the corpus (manifest name order) */
	struct site_anchor *anchors;	/* sorted by eId, each eId once */
	size_t nanchors;
	struct site_ref *refs;
	size_t nrefs;
	struct site_doc *same_number;	/* next document with the same number */
	const char *manifest;	/* its file's name in OUT */
	struct file_id ids[2];	/* what the manifest and OUT/SLUG.xml were */
	bool has_akn;		/* OUT/SLUG.xml exists */
	uint64_t source_stamp;	/* hash of its manifest, XML file and the program */
	uint64_t page_stamp;	/* what its page shows (corpus_page_stamp) */
	/* What references into it see (resolve.c): slug, symbol, number and
	 * type (which references it answers), and apart its anchors' names
	 * (which pinpoints it has). */
	uint64_t target_key, anchor_key;
	/* What its references resolved to, in their order (only those that
	 * resolved): from the site index when its record is the last build's
	 * and nothing it could resolve to changed, else resolved again. */
	struct site_out *outs;
	size_t nouts;
	bool taken;		/* its record (and outs) came from the site index */
	const char *record;	/* that record's bytes, while they are still
				 * what it holds (written back as they are) */
	size_t record_len;
	bool stale;		/* the index held an older version, whose anchors'
				 * key is old_anchor_key */
	uint64_t old_anchor_key;
	/* The link map the template reads, made only for a page that is
	 * rendered (corpus_link_map): the in-corpus targets of its references,
	 * and who cites it (backlinks). */
	struct site_link *links;
	size_t nlinks;
	struct site_cite *cites;
	size_t ncites;
	/* Its language versions (the documents with its symbol, one per
	 * language, itself among them), in language order: alternates. */
	struct site_doc **versions;
	size_t nversions;
};

/* One reference of a document, resolved: into the corpus (target is the
 * cited document's index in the corpus) or to an outside symbol
 * (SITE_OUT_EXTERNAL: its undocs.org address).  pin: the paragraph it
 * points at in the target, as the value of its digits and their count in
 * the top bits (so "para_09" stays itself); 0 for the whole document.
 * key: what the citing place shows, where it is and how it is named (and
 * for an outside symbol the reference's text), hashed, so that the cited
 * page's stamp needs no text.  Kept in the site index: an edit need not
 * resolve the corpus's references again. */
struct site_out {
	uint32_t ref;		/* index in the document's refs */
	int32_t target;
	uint32_t pin;
	uint32_t unused;	/* 0: the index holds no stray bytes */
	uint64_t key;
};
#define SITE_OUT_EXTERNAL (-1)

/* A reference of this document that the corpus resolves. */
struct site_link {
	const char *href, *text, *target;
};

/* A citation of this document (or of its paragraph eid, "" for the whole). */
struct site_cite {
	const char *eid, *from, *label;
};

/* Load OUT/NAME (a manifest) into d: its identity, anchors and references,
 * and its source_stamp (the manifest's bytes, xml: the identity of
 * OUT/SLUG.xml, and program: the program's and templates' hash).  -1,
 * after a warning, when it is not a manifest. */
int site_load_doc(const char *out_dir, const char *name, const struct file_id *xml, struct site_doc *d,
		  uint64_t program, struct site_store *store, struct diag *diag);
/* What the site is made from, at a glance: program (the program's and
 * templates' hash), the names of the manifests and the identity of each
 * and of the XML beside it (OUT/STEM.xml), which are kept in ids[2 i] and
 * ids[2 i + 1].  *newest: the latest of their times.  Equal to the last
 * build's, with nothing changed since that build was recorded, the site
 * stands as it is. */
uint64_t site_inputs_hash(const char *out_dir, char *const *manifests, size_t n, uint64_t program,
			  struct file_id *ids, struct timespec *newest);
/* How many shards an index of ndocs documents is cut into (the search
 * index, the site index): the least power of two, at most max, that
 * leaves at most per documents to a shard on average.  The environment
 * variable knob, when set to a number, stands for per: a testing knob, to
 * have many shards from a small corpus. */
size_t site_shard_count(size_t ndocs, size_t per, const char *knob, size_t max);
/* What name (relative to the folder dir, or AT_FDCWD) is now; false (and
 * id->exists false) when it is not there. */
bool site_file_id(int dir, const char *name, struct file_id *id);
/* Is slug the name of the manifest file (SLUG.manifest.xml)?  Then OUT/SLUG.xml
 * is the XML site_inputs_hash identifies beside it. */
bool site_slug_is_name(const char *slug, const char *manifest);
/* Does d define eId, and what number does it show there (NULL: no such
 * anchor)? */
const char *site_anchor_num(const struct site_doc *d, const char *eid);
/* Set d's target_key and anchor_key from its record. */
void site_doc_keys(struct site_doc *d);

/* The site index as the last build left it (OUT/.unpress/site-index/): each
 * manifest's record as site_load_doc made it, with the identities of the
 * manifest and its XML when it was read.  A record whose files still have
 * those identities is taken as it is instead of parsing the manifest: an
 * edit of one document reads one manifest, not the corpus (cache.c). */
struct site_cache;
/* The last build's index (an empty one when there is none or it was made
 * by another program or templates). */
struct site_cache *site_cache_load(const char *out_dir, uint64_t program);
/* An index of one shard, bytes (malloc'd: the index's from now on), as if
 * a head named it and said it held count records.  For the fuzz harness
 * (src/fuzz/fuzz_siteindex.c): a shard read from a file is used only when
 * its bytes hash to what the head names, which mutated bytes never do. */
struct site_cache *site_cache_of_shard(char *bytes, size_t len, uint64_t count);
/* How many records it holds. */
size_t site_cache_count(const struct site_cache *c);
/* The key of the corpus the last build resolved references in (see
 * site_corpus_key); 0 when unknown. */
uint64_t site_cache_corpus_key(const struct site_cache *c);
/* Fill d from the record of manifest name when its identity and its XML's
 * are still ids[0] and ids[1]: SITE_CACHE_TAKEN (its outs too: the
 * caller decides whether they still hold).  SITE_CACHE_STALE when there
 * is a record of another version: d is cleared but for old_anchor_key,
 * for the caller to load the manifest into the rest.  SITE_CACHE_NONE
 * else.  Names must be asked in ascending strcmp
 * order (the manifests' sorted order).  The record's strings live as long
 * as the cache: free it after the records. */
enum site_cache_found { SITE_CACHE_NONE, SITE_CACHE_STALE, SITE_CACHE_TAKEN };
enum site_cache_found site_cache_take(struct site_cache *c, const char *name, const struct file_id ids[2],
				      struct site_doc *d, struct site_store *store);
/* Write the index of docs (with their outs: every document resolved, or
 * taken) under corpus_key: the shards whose records are not old's, each
 * atomically, then the head.  A record whose files changed at or after
 * started is written untrusted (its identities cannot be trusted yet:
 * state.h), so the next build reads its manifest again. */
int site_cache_save(const struct site_cache *old, const char *out_dir, uint64_t program, uint64_t corpus_key,
		    const struct site_doc *docs, size_t n, struct timespec started);
void site_cache_free(struct site_cache *c);

/* Write OUT/.unpress/units/SLUG: the document's search units, one per line
 * ("eId","text"), for the search index's shards to gather without the AKN. */
int search_units_write(const char *out_dir, const char *slug, xmlDocPtr akn, struct diag *diag);
/* The name (under OUT) of that file; a static buffer. */
const char *search_units_name(const char *slug);

/* The search index, in shards (formats: search_index.c): each document's
 * units go to the shard its slug hashes to, so an edit rewrites one shard
 * and not the whole index.  The plan says which index files this build
 * writes: every shard whose documents (slug, symbol, title, source_stamp)
 * changed, and the directory of shards (search-index.json and .js) when
 * the number of shards changed; with force, all of them.  Its items are
 * numbered 0..search_plan_files()-1, each one shard or the directory in
 * both forms (JSON and script), one index per language of langs (the
 * corpus's, first the one with plain names: corpus.h), to be run as tasks in the page pool after
 * the documents' pages (which write the units the shards gather). */
struct stamps;
struct search_plan;
struct site_lang;
struct search_plan *search_plan_make(struct stamps *stamps, const char *out_dir, const struct site_doc *docs,
				     size_t ndocs, const struct site_lang *langs, size_t nlangs, uint64_t program,
				     bool force);
size_t search_plan_files(const struct search_plan *p);
/* Write item i of the plan (a child may call it: it changes nothing in p). */
int search_plan_write(const struct search_plan *p, size_t i, const char *out_dir, const struct site_doc *docs,
		      struct diag *diag);
/* After every item was written: stamp every index file that stands, and
 * delete the shard files of an earlier build that this one no longer
 * makes (the shard count shrank).  Not called after a failure: the index
 * files are then not stamped, and the next build writes them all. */
void search_plan_stamp(const struct search_plan *p, struct stamps *stamps);
void search_plan_free(struct search_plan *p);

#endif
