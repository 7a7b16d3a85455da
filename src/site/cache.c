/* cache.c — the site index between builds (site.h: site_cache_*).
 *
 * Without it, an edit of one document made the reduce step parse all the
 * corpus's manifests again (8,000 of them: a quarter of a second, most of
 * the edit's cost).  It is a folder, OUT/.unpress/site-index/, of shards
 * (a document's record goes to the shard its manifest's name hashes to,
 * so an edit rewrites one shard, not the 20 MB of 8,000 records) and a
 * head that says which shards make the index:
 *
 *   head: "unpress site index 4\n"  program  corpus key  count  shards
 *         then per shard: the hash of its bytes, its size    (all u64)
 *   NN (a shard, NN its number in decimal): per record, in the manifests'
 *   sorted order:
 *     length (u32, the whole record)  trusted (u8)  has_akn (u8)
 *     the manifest's and the XML's identity (2 × 7 × i64)
 *     source_stamp, target_key, anchor_key (u64)
 *     anchors, refs, outs (u32)
 *     manifest name, slug, symbol, number, title, type, date, lang
 *     per anchor: eId, num          per ref: href, from, text
 *     the outs (struct site_out, as they are in memory)
 *   where each string is a byte 1 then its bytes and a NUL, or a byte 0 for
 *   none.  Numbers are in the machine's own order: the index is this
 *   output folder's, never shipped (an identity could not match elsewhere).
 *
 * The shards are written first and the head last, each whole or not at
 * all: a shard whose bytes are not the ones the head names (a build that
 * stopped between the two) is not used, and its documents are read from
 * their manifests, which resolves every reference again (site.c): the
 * outs it held may belong to a corpus the head does not describe.
 *
 * A record is taken only when it is whole (every string ends inside it) and
 * its files have the identities it recorded; anything else, a truncated or
 * foreign file included, means reading that manifest as if there were no
 * index.  The strings stay in the shards' bytes, which live as long as the
 * cache (the whole build): records are not copied, only their anchor and
 * reference tables are built. */
#include "site/site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/outname.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/slurp.h"
#include "util/timespec.h"
#include "util/xmalloc.h"

#define MAGIC "unpress site index 5\n"
#define FOLDER STATE_DIR "/site-index"

/* Records per shard, at most, on average: 8,000 documents make 64 shards
 * of 300 KB.  UNPRESS_SITE_INDEX_SHARD_DOCS=N sets another number: a
 * testing knob, to have many shards from a small corpus. */
enum { SHARD_DOCS = 128, SHARDS_MAX = 4096 };


/* One shard as read, and how far the records asked for have got. */
struct shard {
	char *bytes;
	size_t len, pos;
	uint64_t hash, size;	/* as the head says */
	size_t count;		/* records taken or passed over: see save */
};

struct site_cache {
	struct shard *shards;
	size_t nshards;		/* a power of two; 0: no index */
	uint64_t count;		/* records, as the head says */
	uint64_t corpus_key;
};

static void file_path(struct buf *b, const char *out_dir, const char *name)
{
	buf_printf(b, "%s/" FOLDER "/%s", out_dir, name);
}

static void shard_name(char *name, size_t i)
{
	snprintf(name, 24, "%02zu", i);
}

static size_t shard_of(const char *manifest, size_t nshards)
{
	return (size_t)hash_str(HASH_INIT, manifest) & (nshards - 1);
}

static const char *record_name(const struct shard *c, size_t pos, size_t *end);

/* Count the whole records at the start of sh's bytes (see save: a shard
 * all of whose records are taken again is not rewritten). */
static void count_records(struct shard *sh)
{
	for (size_t pos = 0, end; pos < sh->len && record_name(sh, pos, &end); pos = end)
		sh->count++;
}

struct site_cache *site_cache_load(const char *out_dir, uint64_t program)
{
	struct site_cache *c = xcalloc(1, sizeof *c);
	struct buf path = BUF_INIT;
	file_path(&path, out_dir, "head");
	size_t len = 0;
	char *head = slurp(buf_cstr(&path), &len);
	uint64_t f[4] = {0};	/* program, corpus key, count, shards */
	size_t fixed = strlen(MAGIC) + sizeof f;
	if (head && len >= fixed && !memcmp(head, MAGIC, strlen(MAGIC)))
		memcpy(f, head + strlen(MAGIC), sizeof f);
	/* none, another program's, or not whole: an empty index */
	if (f[0] == program && f[3] && f[3] <= SHARDS_MAX && !(f[3] & (f[3] - 1)) &&
	    len == fixed + f[3] * 2 * sizeof(uint64_t)) {
		c->corpus_key = f[1];
		c->count = f[2];
		c->nshards = (size_t)f[3];
		c->shards = xcalloc(c->nshards, sizeof *c->shards);
		for (size_t i = 0; i < c->nshards; i++) {
			struct shard *sh = &c->shards[i];
			memcpy(&sh->hash, head + fixed + 16 * i, 8);
			memcpy(&sh->size, head + fixed + 16 * i + 8, 8);
			char name[24];
			shard_name(name, i);
			buf_clear(&path);
			file_path(&path, out_dir, name);
			sh->bytes = slurp(buf_cstr(&path), &sh->len);
			if (sh->bytes && (sh->len != sh->size || hash_add(HASH_INIT, sh->bytes, sh->len) != sh->hash)) {
				/* not the shard the head names: unused */
				free(sh->bytes);
				sh->bytes = NULL;
			}
			if (!sh->bytes)
				sh->len = 0;
			count_records(sh);
		}
	}
	free(head);
	buf_free(&path);
	return c;
}

struct site_cache *site_cache_of_shard(char *bytes, size_t len, uint64_t count)
{
	struct site_cache *c = xcalloc(1, sizeof *c);
	c->count = count;
	c->nshards = 1; /* every name's shard */
	c->shards = xcalloc(1, sizeof *c->shards);
	c->shards[0] = (struct shard){.bytes = bytes, .len = bytes ? len : 0, .size = len};
	count_records(&c->shards[0]);
	return c;
}

size_t site_cache_count(const struct site_cache *c)
{
	return (size_t)c->count;
}

uint64_t site_cache_corpus_key(const struct site_cache *c)
{
	return c->corpus_key;
}

void site_cache_free(struct site_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nshards; i++)
		free(c->shards[i].bytes);
	free(c->shards);
	free(c);
}

/* A reader of one record's bytes; ok turns false at the first thing that
 * does not fit, and every read after it yields nothing. */
struct reader {
	const char *p, *end;
	bool ok;
};

static void get(struct reader *r, void *out, size_t n)
{
	if (!r->ok || (size_t)(r->end - r->p) < n) {
		r->ok = false;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p, n);
	r->p += n;
}

static const char *get_string(struct reader *r)
{
	unsigned char present = 0;
	get(r, &present, 1);
	if (!r->ok || !present)
		return NULL;
	const char *nul = memchr(r->p, '\0', (size_t)(r->end - r->p));
	if (!nul) {
		r->ok = false;
		return NULL;
	}
	const char *s = r->p;
	r->p = nul + 1;
	return s;
}

static void get_id(struct reader *r, struct file_id *id)
{
	int64_t f[7];
	get(r, f, sizeof f);
	*id = (struct file_id){f[0] != 0, f[1], f[2], {f[3], f[4]}, {f[5], f[6]}};
}

static bool same_id(const struct file_id *a, const struct file_id *b)
{
	if (a->exists != b->exists)
		return false;
	return !a->exists || (a->size == b->size && a->ino == b->ino && a->mtime.tv_sec == b->mtime.tv_sec &&
			      a->mtime.tv_nsec == b->mtime.tv_nsec && a->ctime.tv_sec == b->ctime.tv_sec &&
			      a->ctime.tv_nsec == b->ctime.tv_nsec);
}

/* The manifest name of the record at pos (NULL when it is not whole), and
 * where the record ends. */
static const char *record_name(const struct shard *c, size_t pos, size_t *end)
{
	uint32_t len;
	if (c->len - pos < sizeof len)
		return NULL;
	memcpy(&len, c->bytes + pos, sizeof len);
	if (len < sizeof len || len > c->len - pos)
		return NULL;
	*end = pos + len;
	/* the name follows the fixed fields */
	size_t fixed = sizeof len + 2 + 2 * 7 * sizeof(int64_t) + 3 * sizeof(uint64_t) + 3 * sizeof(uint32_t);
	if (len < fixed)
		return NULL;
	struct reader r = {c->bytes + pos + fixed, c->bytes + *end, true};
	return get_string(&r);
}

/* The outs at the end of a record, copied into the arena; false when the
 * rest of the record is not exactly n of them. */
static bool get_outs(struct reader *r, uint32_t n, struct arena *arena, struct site_out **outs)
{
	if (!r->ok || (size_t)(r->end - r->p) != (size_t)n * sizeof **outs)
		return false;
	*outs = arena_alloc(arena, (n ? n : 1) * sizeof **outs);
	memcpy(*outs, r->p, (size_t)n * sizeof **outs);
	r->p = r->end;
	return true;
}

/* Do the outs name references and documents that the record and its
 * index hold (a broken file could say anything)? */
static bool outs_valid(const struct site_out *outs, uint32_t n, uint32_t nrefs, uint64_t ndocs)
{
	for (uint32_t i = 0; i < n; i++)
		if (outs[i].ref >= nrefs || (outs[i].target != SITE_OUT_EXTERNAL &&
					     (outs[i].target < 0 || (uint64_t)outs[i].target >= ndocs)))
			return false;
	return true;
}

enum site_cache_found site_cache_take(struct site_cache *c, const char *name, const struct file_id ids[2],
				      struct site_doc *d, struct site_store *store)
{
	if (!c->nshards)
		return SITE_CACHE_NONE;
	/* records come in the same order as the names asked: pass over those
	 * of manifests that are gone */
	struct shard *sh = &c->shards[shard_of(name, c->nshards)];
	const char *rec_name = NULL;
	size_t end = 0;
	while (sh->bytes && sh->pos < sh->len) {
		rec_name = record_name(sh, sh->pos, &end);
		if (!rec_name) { /* broken from here on: no more records */
			sh->pos = sh->len;
			return SITE_CACHE_NONE;
		}
		if (strcmp(rec_name, name) >= 0)
			break;
		sh->pos = end;
	}
	if (!rec_name || sh->pos >= sh->len || strcmp(rec_name, name))
		return SITE_CACHE_NONE;
	size_t start = sh->pos;
	struct reader r = {sh->bytes + sh->pos + sizeof(uint32_t), sh->bytes + end, true};
	sh->pos = end;
	unsigned char trusted = 0, has_akn = 0;
	struct file_id was[2];
	get(&r, &trusted, 1);
	get(&r, &has_akn, 1);
	get_id(&r, &was[0]);
	get_id(&r, &was[1]);
	struct site_doc rec = {0};
	uint32_t nanchors = 0, nrefs = 0, nouts = 0;
	get(&r, &rec.source_stamp, sizeof rec.source_stamp);
	get(&r, &rec.target_key, sizeof rec.target_key);
	get(&r, &rec.anchor_key, sizeof rec.anchor_key);
	get(&r, &nanchors, sizeof nanchors);
	get(&r, &nrefs, sizeof nrefs);
	get(&r, &nouts, sizeof nouts);
	bool current = r.ok && trusted && same_id(&was[0], &ids[0]) && same_id(&was[1], &ids[1]);
	rec.manifest = get_string(&r);
	rec.slug = get_string(&r);
	rec.symbol = get_string(&r);
	rec.number = get_string(&r);
	rec.title = get_string(&r);
	rec.type = get_string(&r);
	rec.date = get_string(&r);
	rec.lang = get_string(&r);
	/* each anchor takes at least 4 bytes and each ref 3: counts that the
	 * record cannot hold are refused before anything is allocated */
	if (!r.ok || !rec.slug || !rec.lang || nanchors > (size_t)(r.end - r.p) / 4 || nrefs > (size_t)(r.end - r.p) / 3)
		return SITE_CACHE_NONE;
	if (!current) {
		/* another version: its anchors' key is of use (pinpoints into
		 * it may change) */
		memset(d, 0, sizeof *d);
		d->stale = true;
		d->old_anchor_key = rec.anchor_key;
		return SITE_CACHE_STALE;
	}
	rec.anchors = arena_alloc(&store->arena, (nanchors ? nanchors : 1) * sizeof *rec.anchors);
	rec.refs = arena_alloc(&store->arena, (nrefs ? nrefs : 1) * sizeof *rec.refs);
	for (uint32_t i = 0; i < nanchors && r.ok; i++) {
		rec.anchors[i].eid = get_string(&r);
		rec.anchors[i].num = get_string(&r);
		r.ok = r.ok && rec.anchors[i].eid && rec.anchors[i].num;
	}
	for (uint32_t i = 0; i < nrefs && r.ok; i++) {
		rec.refs[i].href = get_string(&r);
		rec.refs[i].from = get_string(&r);
		rec.refs[i].text = get_string(&r);
		r.ok = r.ok && rec.refs[i].text;
	}
	/* the arena keeps what a refused record allocated until the build ends */
	if (!get_outs(&r, nouts, &store->arena, &rec.outs))
		return SITE_CACHE_NONE;
	rec.taken = true;
	rec.record = sh->bytes + start;
	rec.record_len = end - start;
	if (!outs_valid(rec.outs, nouts, nrefs, c->count))
		return SITE_CACHE_NONE;
	rec.nanchors = nanchors;
	rec.nrefs = nrefs;
	rec.nouts = nouts;
	rec.has_akn = has_akn;
	rec.ids[0] = ids[0];
	rec.ids[1] = ids[1];
	*d = rec;
	return SITE_CACHE_TAKEN;
}

static void put_string(struct buf *b, const char *s)
{
	buf_putc(b, s ? 1 : 0);
	if (s)
		buf_put(b, s, strlen(s) + 1);
}

static void put_id(struct buf *b, const struct file_id *id)
{
	int64_t f[7] = {id->exists, id->size, id->ino, id->mtime.tv_sec, id->mtime.tv_nsec,
			id->ctime.tv_sec, id->ctime.tv_nsec};
	buf_put(b, (const char *)f, sizeof f);
}


/* Can the next build trust that an equal identity means equal bytes? Only
 * if the file's last change was before this build looked at it. */
static bool settled(const struct file_id *id, struct timespec started)
{
	return !id->exists || (ts_before(id->mtime, started) && ts_before(id->ctime, started));
}

/* One record, as site_cache_take reads it. */
static void put_record(struct buf *b, const struct site_doc *d, struct timespec started)
{
	if (d->record) { /* as the last build wrote it */
		buf_put(b, d->record, d->record_len);
		return;
	}
	size_t start = b->len;
	uint32_t len = 0, nanchors = (uint32_t)d->nanchors, nrefs = (uint32_t)d->nrefs, nouts = (uint32_t)d->nouts;
	buf_put(b, (const char *)&len, sizeof len);
	/* a record of a slug that is not its file's name depends on another
	 * XML than the one identified: never taken */
	buf_putc(b, site_slug_is_name(d->slug, d->manifest) && settled(&d->ids[0], started) &&
		      settled(&d->ids[1], started));
	buf_putc(b, d->has_akn);
	put_id(b, &d->ids[0]);
	put_id(b, &d->ids[1]);
	buf_put(b, (const char *)&d->source_stamp, sizeof d->source_stamp);
	buf_put(b, (const char *)&d->target_key, sizeof d->target_key);
	buf_put(b, (const char *)&d->anchor_key, sizeof d->anchor_key);
	buf_put(b, (const char *)&nanchors, sizeof nanchors);
	buf_put(b, (const char *)&nrefs, sizeof nrefs);
	buf_put(b, (const char *)&nouts, sizeof nouts);
	const char *strings[] = {d->manifest, d->slug, d->symbol, d->number, d->title, d->type, d->date, d->lang};
	for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++)
		put_string(b, strings[k]);
	for (size_t k = 0; k < d->nanchors; k++) {
		put_string(b, d->anchors[k].eid);
		put_string(b, d->anchors[k].num);
	}
	for (size_t k = 0; k < d->nrefs; k++) {
		put_string(b, d->refs[k].href);
		put_string(b, d->refs[k].from);
		put_string(b, d->refs[k].text);
	}
	if (nouts)
		buf_put(b, (const char *)d->outs, nouts * sizeof *d->outs);
	len = (uint32_t)(b->len - start);
	memcpy(b->data + start, &len, sizeof len);
}

int site_cache_save(const struct site_cache *old, const char *out_dir, uint64_t program, uint64_t corpus_key,
		    const struct site_doc *docs, size_t n, struct timespec started)
{
	size_t nshards = site_shard_count(n, SHARD_DOCS, "UNPRESS_SITE_INDEX_SHARD_DOCS", SHARDS_MAX);
	size_t *which = xmalloc((n + 1) * sizeof *which), *count = xcalloc(nshards, sizeof *count),
	       *verbatim = calloc(nshards, sizeof *verbatim);
	for (size_t i = 0; i < n; i++) {
		which[i] = shard_of(docs[i].manifest, nshards);
		count[which[i]]++;
		verbatim[which[i]] += docs[i].record != NULL;
	}
	struct buf b = BUF_INIT, path = BUF_INIT, head = BUF_INIT;
	uint64_t f[4] = {program, corpus_key, n, nshards};
	buf_puts(&head, MAGIC);
	buf_put(&head, (const char *)f, sizeof f);
	buf_printf(&path, "%s/" FOLDER, out_dir);
	unlink(buf_cstr(&path)); /* a file of the one-file index of old */
	int rc = make_own_dirs(out_dir, FOLDER);
	for (size_t k = 0; k < nshards && rc == 0; k++) {
		uint64_t hs[2];
		const struct shard *was = old->nshards == nshards ? &old->shards[k] : NULL;
		if (was && was->bytes && verbatim[k] == count[k] && was->count == count[k]) {
			hs[0] = was->hash; /* its records are the ones it holds */
			hs[1] = was->size;
		} else {
			buf_clear(&b);
			for (size_t i = 0; i < n; i++)
				if (which[i] == k)
					put_record(&b, &docs[i], started);
			char name[24];
			shard_name(name, k);
			buf_clear(&path);
			file_path(&path, out_dir, name);
			rc = atomic_write(buf_cstr(&path), b.data ? b.data : "", b.len);
			hs[0] = hash_add(HASH_INIT, b.data ? b.data : "", b.len);
			hs[1] = b.len;
		}
		buf_put(&head, (const char *)hs, sizeof hs);
	}
	/* the head last: it names the shards just written */
	buf_clear(&path);
	file_path(&path, out_dir, "head");
	if (rc == 0)
		rc = atomic_write(buf_cstr(&path), head.data, head.len);
	/* shards a larger index had */
	for (size_t k = nshards; rc == 0 && k < old->nshards; k++) {
		char name[24];
		shard_name(name, k);
		buf_clear(&path);
		file_path(&path, out_dir, name);
		unlink(buf_cstr(&path));
	}
	free(which);
	free(count);
	free(verbatim);
	buf_free(&b);
	buf_free(&head);
	buf_free(&path);
	return rc;
}
