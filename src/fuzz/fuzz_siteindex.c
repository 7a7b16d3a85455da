/* fuzz_siteindex.c — libFuzzer harness: bytes → one shard of the site
 * index (src/site/cache.c) → site_cache_take for the names its records
 * claim and for names no record has.  Built only by `make fuzz`.
 *
 * A shard read from OUT/.unpress/site-index/ is used only when its bytes
 * hash to what the head names, so mutated files would never reach the
 * record parser; site_cache_of_shard hands it the bytes directly.  To get
 * past the identity check (and so parse a record's anchors, references
 * and outs), the harness reads each record's name and identities itself,
 * at the offsets cache.c's format puts them, and asks with those.
 *
 * What must hold, whatever the bytes:
 *   - every string a taken record gives lies inside the shard's bytes and
 *     ends there (the strings are not copied: they point into the shard);
 *   - its record is inside the bytes and starts with its own length;
 *   - its outs name one of its references and a document of the index;
 *   - a record is taken only when its identities are the ones asked for
 *     and it is marked trusted; a stale one says only that; when nothing
 *     is found the document is left as it was. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site/site.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                     \
	do {                                                                            \
		if (!(cond)) {                                                          \
			fprintf(stderr, "fuzz_siteindex: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                        \
		}                                                                       \
	} while (0)

/* A record's layout, as cache.c writes it: length (u32), trusted and
 * has_akn (u8), two identities (7 × i64 each), three u64 keys, three u32
 * counts, then the manifest's name (a byte 1, its bytes, a NUL). */
enum {
	AT_TRUSTED = 4,
	AT_IDS = 6,
	ID_SIZE = 7 * 8,
	AT_NAME = AT_IDS + 2 * ID_SIZE + 3 * 8 + 3 * 4,
	MAX_RECORDS = 1 << 14,
};

/* What the harness read of one record: enough to ask for it. */
struct claim {
	const char *name;	/* inside data */
	struct file_id ids[2];
};

static void read_id(const uint8_t *p, struct file_id *id)
{
	int64_t f[7];
	memcpy(f, p, sizeof f);
	*id = (struct file_id){f[0] != 0, f[1], f[2], {f[3], f[4]}, {f[5], f[6]}};
}

/* The records' names and identities, walking the lengths as cache.c does;
 * a record without a whole name is passed over, and the walk stops at a
 * length that does not fit. */
static size_t read_claims(const uint8_t *data, size_t size, struct claim *claims)
{
	size_t n = 0;
	for (size_t pos = 0; size - pos >= 4 && n < MAX_RECORDS;) {
		uint32_t len;
		memcpy(&len, data + pos, sizeof len);
		if (len < 4 || len > size - pos)
			break;
		const uint8_t *rec = data + pos;
		if (len > AT_NAME + 1 && rec[AT_NAME] == 1 && memchr(rec + AT_NAME + 1, '\0', len - AT_NAME - 1)) {
			struct claim *c = &claims[n++];
			c->name = (const char *)rec + AT_NAME + 1;
			read_id(rec + AT_IDS, &c->ids[0]);
			read_id(rec + AT_IDS + ID_SIZE, &c->ids[1]);
		}
		pos += len;
	}
	return n;
}

/* Is s NULL, or a string that starts and ends inside [lo, hi)? */
static bool inside(const char *s, const char *lo, const char *hi)
{
	return !s || (s >= lo && s < hi && memchr(s, '\0', (size_t)(hi - s)));
}

/* The same file, as cache.c compares identities: a file that was not
 * there is the same as any other that was not. */
static bool same_file(const struct file_id *a, const struct file_id *b)
{
	return a->exists == b->exists &&
	       (!a->exists || (a->size == b->size && a->ino == b->ino && a->mtime.tv_sec == b->mtime.tv_sec &&
			       a->mtime.tv_nsec == b->mtime.tv_nsec && a->ctime.tv_sec == b->ctime.tv_sec &&
			       a->ctime.tv_nsec == b->ctime.tv_nsec));
}

/* Ask the cache for name with ids and check what it answers. */
static void take(struct site_cache *c, const char *bytes, size_t size, uint64_t count, const char *name,
		 const struct file_id ids[2], struct site_store *store)
{
	struct site_doc d, blank;
	memset(&d, 0, sizeof d);
	memset(&blank, 0, sizeof blank);
	enum site_cache_found found = site_cache_take(c, name, ids, &d, store);
	if (found == SITE_CACHE_NONE) {
		CHECK(!memcmp(&d, &blank, sizeof d));
		return;
	}
	if (found == SITE_CACHE_STALE) {
		blank.stale = true;
		blank.old_anchor_key = d.old_anchor_key;
		CHECK(!memcmp(&d, &blank, sizeof d));
		return;
	}
	CHECK(found == SITE_CACHE_TAKEN);
	const char *end = bytes + size;
	CHECK(d.taken && !d.stale);
	CHECK(d.record >= bytes && d.record_len > AT_NAME && d.record_len <= (size_t)(end - d.record));
	uint32_t len;
	memcpy(&len, d.record, sizeof len);
	CHECK(len == d.record_len);
	/* taken only when trusted, and its files are the ones asked about */
	struct file_id was[2];
	read_id((const uint8_t *)d.record + AT_IDS, &was[0]);
	read_id((const uint8_t *)d.record + AT_IDS + ID_SIZE, &was[1]);
	CHECK(d.record[AT_TRUSTED] != 0 && same_file(&was[0], &ids[0]) && same_file(&was[1], &ids[1]));
	CHECK(same_file(&d.ids[0], &ids[0]) && same_file(&d.ids[1], &ids[1]));
	/* every string of the record lies inside it */
	const char *rec_end = d.record + d.record_len;
	CHECK(d.manifest && inside(d.manifest, d.record, rec_end) && !strcmp(d.manifest, name));
	CHECK(d.slug && inside(d.slug, d.record, rec_end));
	const char *fields[] = {d.symbol, d.number, d.title, d.type, d.date, d.lang};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		CHECK(inside(fields[i], d.record, rec_end));
	/* each anchor takes at least 4 bytes, each reference 3 */
	CHECK(d.nanchors <= d.record_len / 4 && d.nrefs <= d.record_len / 3);
	for (size_t i = 0; i < d.nanchors; i++) {
		CHECK(d.anchors[i].eid && inside(d.anchors[i].eid, d.record, rec_end));
		CHECK(d.anchors[i].num && inside(d.anchors[i].num, d.record, rec_end));
		/* a lookup in a table the bytes may not have sorted */
		CHECK(inside(site_anchor_num(&d, d.anchors[i].eid), d.record, rec_end));
	}
	for (size_t i = 0; i < d.nrefs; i++) {
		CHECK(inside(d.refs[i].href, d.record, rec_end));
		CHECK(inside(d.refs[i].from, d.record, rec_end));
		CHECK(d.refs[i].text && inside(d.refs[i].text, d.record, rec_end));
	}
	CHECK(d.nouts == 0 || d.outs);
	for (size_t i = 0; i < d.nouts; i++) {
		CHECK(d.outs[i].ref < d.nrefs);
		CHECK(d.outs[i].target == SITE_OUT_EXTERNAL ||
		      (d.outs[i].target >= 0 && (uint64_t)d.outs[i].target < count));
	}
}

/* An index of a copy of the bytes (malloc'd to their exact size, so that
 * a read past them is ASan's). */
static struct site_cache *index_of(const uint8_t *data, size_t size, uint64_t count, char **bytes)
{
	*bytes = malloc(size ? size : 1);
	if (size)
		memcpy(*bytes, data, size);
	return site_cache_of_shard(*bytes, size, count);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct claim *)a)->name, ((const struct claim *)b)->name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct claim claims[MAX_RECORDS];
	size_t n = read_claims(data, size, claims);
	/* the head's count: as if other shards held 64 more records (a seed
	 * from an index of several shards has outs into them) */
	uint64_t count = n + 64;
	struct site_store store;
	arena_init(&store.arena);
	store.dict = NULL; /* (the index does not use it) */
	char *bytes, name[4096];
	const struct file_id gone[2] = {{0}, {0}};	/* files that are not there */

	/* In the records' order, each name after one that sorts just before
	 * it (its prefix) and that no record need have; then once more (the
	 * cache has gone past it). */
	struct site_cache *c = index_of(data, size, count, &bytes);
	take(c, bytes, size, count, "", gone, &store);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(claims[i].name);
		if (len && len < sizeof name) {
			memcpy(name, claims[i].name, len - 1);
			name[len - 1] = '\0';
			take(c, bytes, size, count, name, claims[i].ids, &store);
		}
		take(c, bytes, size, count, claims[i].name, claims[i].ids, &store);
		take(c, bytes, size, count, claims[i].name, claims[i].ids, &store);
	}
	take(c, bytes, size, count, "\x7f~", gone, &store);
	site_cache_free(c);

	/* In sorted order, as the site asks; every third with identities the
	 * record does not have (the manifest's existence turned over): never
	 * taken. */
	if (n > 1)
		qsort(claims, n, sizeof *claims, by_name);
	c = index_of(data, size, count, &bytes);
	for (size_t i = 0; i < n; i++) {
		struct file_id ids[2] = {claims[i].ids[0], claims[i].ids[1]};
		if (i % 3 == 2)
			ids[0].exists = !ids[0].exists;
		take(c, bytes, size, count, claims[i].name, ids, &store);
	}
	site_cache_free(c);
	arena_free(&store.arena);
	return 0;
}
