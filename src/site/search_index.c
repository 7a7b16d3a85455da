/* search_index.c — the static search index: every heading, paragraph,
 * preambular clause and cross-heading of every document, cut into shards so
 * that editing one document rewrites one shard, not the whole index (for
 * 8,000 documents the index is 76 MB).
 *
 * Units: a document's units are written when its page is rendered, to
 * OUT/.unpress/units/SLUG, one per line ("eId","text"); the text is cut at
 * UNIT_TEXT_MAX bytes (on a UTF-8 boundary) to keep the index small: the
 * page itself holds the rest.  The shards gather them without the AKN.
 *
 * Shards: there are nshards, a power of two: the least that leaves at most
 * SHARD_DOCS documents to a shard on average (1 up to 64 documents, 128 for
 * 8,000).  A document's shard is the hash of its slug modulo nshards: its
 * slug alone decides, so documents added or removed elsewhere do not move
 * it (only a new shard count does).  Shard K, a decimal number of at least
 * two digits, all of one width (00 … 63, or 000 … 127), is
 *   OUT/search/K.json  {"docs":[["slug","symbol","title"],…],
 *                       "units":[[doc,"eId","text"],…]}
 *     doc: an index into this shard's docs; docs in corpus order, and the
 *     units of each document in its order;
 *   OUT/search/K.js    the same JSON bytes as a script, for file:// where
 *     fetch() is refused:
 *       (window.UNPRESS_SEARCH_SHARDS = window.UNPRESS_SEARCH_SHARDS || {})
 *         ["search/K.js"] = {…}
 *       ;
 *     registered under its own name, so that search.js knows which shard
 *     arrived whatever order the scripts run in.
 * The directory of shards keeps the index's old names:
 *   OUT/search-index.json  {"shards":["search/00.json",…]}  (for tools)
 *   OUT/search-index.js    window.UNPRESS_SEARCH = {"shards":["search/00.js",…]};
 * styles/search.js loads every script the directory names and searches the
 * shards in that order.
 *
 * Languages: each language of the collection has an index of its own,
 * sharded as above among its documents: the first language's (the one
 * with most documents) under the names above, each other's with its tag:
 * search/ar-00.json, search-index-ar.json (its search page,
 * search-ar.html, loads search-index-ar.js).  A search in one language
 * loads only that language's shards.
 *
 * Stamps (site/stamps.h): a shard's two files are rewritten only when what
 * they are made from changed: the program, and for each of its documents
 * in corpus order its slug, symbol, title (or label), whether it has units
 * and its source_stamp (which covers the XML the units come from).  The
 * directory's stamp is the program and the shard count. */
#include "site/corpus.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "akn/load.h"
#include "site/stamps.h"
#include "util/outname.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/dirlist.h"
#include "util/hash.h"
#include "util/xmalloc.h"

#define UNIT_TEXT_MAX 400

/* Append s as a JSON string, collapsing whitespace runs to one space and
 * stopping after max bytes (0 = no limit) on a character boundary.  '<'
 * and '/' are escaped too so the JSON is safe inside a script file. */
static void json_string(struct buf *b, const char *s, size_t max)
{
	buf_putc(b, '"');
	size_t n = 0;
	int space = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = 1;
			continue;
		}
		if (max && n >= max && (*p & 0xC0) != 0x80) {
			buf_puts(b, "…");
			break;
		}
		if (space && n > 0) {
			buf_putc(b, ' ');
			n++;
		}
		space = 0;
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
			buf_printf(b, "\\u%04x", *p);
		else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			/* U+2028, U+2029: JSON allows them raw, but they end a
			 * string literal in the scripts of older engines */
			buf_printf(b, "\\u%04x", 0x2028 + (p[2] - 0xa8));
			p += 2;
		} else
			buf_putc(b, (char)*p);
		n++;
	}
	buf_putc(b, '"');
}

/* Is the JSON string at *p (from its opening quote) one json_string could
 * have written: no raw control byte, quote, '<', '>', '&', U+2028 or
 * U+2029, and only JSON's escapes?  *p moves past it. */
static bool json_string_ok(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p, *e = (const unsigned char *)end;
	if (s >= e || *s++ != '"')
		return false;
	while (s < e && *s != '"') {
		if (*s < 0x20 || *s == '<' || *s == '>' || *s == '&')
			return false;
		if (s + 2 < e && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9))
			return false;
		if (*s == '\\') {
			if (++s >= e)
				return false;
			if (*s == 'u') {
				for (int i = 1; i <= 4; i++)
					if (s + i >= e || !strchr("0123456789abcdefABCDEF", s[i]) || !s[i])
						return false;
				s += 4;
			} else if (!strchr("\"\\/bfnrt", *s) || !*s)
				return false;
		}
		s++;
	}
	if (s >= e)
		return false;
	*p = (const char *)s + 1;
	return true;
}

/* Is line (n bytes, no newline) a unit as add_units writes one:
 * "eId","text"?  A units file in OUT that another program or person
 * wrote goes into a script that search.html runs: nothing else may. */
static bool units_line_ok(const char *line, size_t n)
{
	const char *p = line, *end = line + n;
	return json_string_ok(&p, end) && p < end && *p++ == ',' && json_string_ok(&p, end) && p == end;
}

static bool named(xmlNodePtr n, const char *const *names)
{
	for (; *names; names++)
		if (!strcmp((const char *)n->name, *names))
			return true;
	return false;
}

/* One unit's line: "id","text" (text cut at UNIT_TEXT_MAX). */
static void put_unit(struct buf *b, const char *id, const char *text)
{
	json_string(b, id, 0);
	buf_putc(b, ',');
	json_string(b, text, UNIT_TEXT_MAX);
	buf_putc(b, '\n');
}

/* The units under n (its children), in document order: each paragraph,
 * preambular clause, cross-heading and formula that is not inside a
 * paragraph (its whole text), and the number and heading of each
 * chapter, section, subsection and hcontainer.  id_prefix: the
 * component's eId and "__" inside a documentCollection's component (the
 * page's ids are so prefixed: akn-html.xsl), else "".  One walk of the
 * tree (an XPath union over every element cost a millisecond a
 * document). */
static void walk_units(struct buf *b, xmlNodePtr n, bool in_paragraph, const char *id_prefix)
{
	static const char *const whole[] = {"paragraph", "container", "crossHeading", "formula", NULL};
	static const char *const headed[] = {"chapter", "section", "subsection", "hcontainer", NULL};
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !strcmp((const char *)n->name, "meta"))
			continue;
		xmlChar *eid = xmlGetProp(n, (const xmlChar *)"eId");
		struct buf id = BUF_INIT;
		if (eid)
			buf_printf(&id, "%s%s", id_prefix, (const char *)eid);
		if (eid && !in_paragraph && named(n, whole)) {
			xmlChar *text = xmlNodeGetContent(n);
			put_unit(b, buf_cstr(&id), (const char *)text);
			xmlFree(text);
		}
		if (eid && named(n, headed)) {
			/* a heading unit: its number and heading only */
			struct buf h = BUF_INIT;
			bool has_heading = false;
			for (xmlNodePtr c = n->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE &&
				    (!strcmp((const char *)c->name, "num") || !strcmp((const char *)c->name, "heading"))) {
					xmlChar *t = xmlNodeGetContent(c);
					buf_puts(&h, (const char *)t);
					buf_putc(&h, ' ');
					xmlFree(t);
					has_heading = has_heading || !strcmp((const char *)c->name, "heading");
				}
			if (has_heading)
				put_unit(b, buf_cstr(&id), buf_cstr(&h));
			buf_free(&h);
		}
		const char *prefix = id_prefix;
		struct buf comp = BUF_INIT;
		if (eid && !strcmp((const char *)n->name, "component")) {
			buf_printf(&comp, "%s__", (const char *)eid);
			prefix = buf_cstr(&comp);
		}
		walk_units(b, n->children, in_paragraph || !strcmp((const char *)n->name, "paragraph"), prefix);
		buf_free(&comp);
		buf_free(&id);
		xmlFree(eid);
	}
}

/* The searchable units of one AKN document, one line each: "id","text" */
static void add_units(struct buf *b, xmlDocPtr akn)
{
	if (!akn)
		return;
	xmlNodePtr root = xmlDocGetRootElement(akn);
	if (root)
		walk_units(b, root->children, false, "");
}

const char *search_units_name(const char *slug)
{
	static struct buf name = BUF_INIT;
	buf_clear(&name);
	buf_printf(&name, STATE_DIR "/units/%s", slug);
	return buf_cstr(&name);
}

int search_units_write(const char *out_dir, const char *slug, xmlDocPtr akn, struct diag *diag)
{
	struct buf path = BUF_INIT, units = BUF_INIT;
	buf_printf(&path, "%s/" STATE_DIR "/units", out_dir);
	int status = 0;
	if (make_own_dirs(out_dir, STATE_DIR "/units") != 0)
		status = EX_CANTCREAT;
	buf_clear(&path);
	buf_printf(&path, "%s/%s", out_dir, search_units_name(slug));
	add_units(&units, akn);
	if (status == 0 && atomic_write(buf_cstr(&path), units.data ? units.data : "", units.len) != 0)
		status = EX_CANTCREAT;
	if (status)
		diag_error(diag, 0, "site", "cannot write %s: %s", buf_cstr(&path), strerror(errno));
	buf_free(&units);
	buf_free(&path);
	return status;
}

/* About this many documents to a shard, at most, on average: a shard of 64
 * generated documents is about 600 KB, small enough that an edit costs
 * little to rewrite and few enough files that a browser loads them all
 * quickly.  UNPRESS_SEARCH_SHARD_DOCS=N sets another number: a testing
 * knob, to have many shards from a small corpus (it is not part of what
 * the site's stamps cover: a changed value shows on the next build that
 * rebuilds the site, or with --force). */
#define SHARD_DOCS 64
#define SHARD_MAX (1u << 16)
#define SHARD_DIR "search"

/* The two forms of every index file: the JSON for tools, the script for
 * search.js. */
static const char *const shard_exts[2] = {"json", "js"};

/* One language's index: its shards are the plan's first .. first+nshards-1. */
struct search_group {
	const char *tag;	/* its language */
	const char *prefix;	/* of its shards' names: "" or "ar-" */
	const char *suffix;	/* of its directory's names: "" or "-ar" */
	size_t first, nshards;
	int width;		/* digits in a shard's name */
	uint64_t directory_stamp;
};

struct search_plan {
	char *out_dir;		/* for the cleanup in search_plan_stamp */
	struct search_group *groups;
	size_t ngroups;
	size_t nshards;		/* all groups' */
	size_t *group_of;	/* each shard's group */
	size_t *members;	/* document indexes grouped by shard, corpus order within */
	size_t *start;		/* shard k: members[start[k]] .. members[start[k + 1] - 1] */
	uint64_t *shard_stamps;
	size_t *todo, ntodo;	/* the items to write: shard numbers, or nshards + g
				 * for group g's directory */
};

static size_t shard_count(size_t ndocs)
{
	return site_shard_count(ndocs, SHARD_DOCS, "UNPRESS_SEARCH_SHARD_DOCS", SHARD_MAX);
}

/* A document's shard: the hash of its slug alone (see the top). */
static size_t shard_of(const char *slug, size_t nshards)
{
	return (size_t)(hash_str(HASH_INIT, slug) & (nshards - 1));
}

/* "search/[TAG-]K.EXT" (under OUT) into b, for the plan's shard k. */
static void shard_name(struct buf *b, const struct search_plan *p, size_t k, const char *ext)
{
	const struct search_group *g = &p->groups[p->group_of[k]];
	buf_printf(b, SHARD_DIR "/%s%0*zu.%s", g->prefix, g->width, k - g->first, ext);
}

/* "search-index[-TAG].EXT" into b. */
static void directory_name(struct buf *b, const struct search_group *g, int e)
{
	buf_printf(b, "search-index%s.%s", g->suffix, shard_exts[e]);
}

static uint64_t nonzero(uint64_t h)
{
	return h ? h : 1;	/* 0 is "no stamp" to stamps_set */
}

/* Are both files of shard k (ext .json and .js) made from h and there? */
static bool shard_current(const struct search_plan *p, struct stamps *stamps, const char *out_dir, size_t k,
			  uint64_t h)
{
	struct buf name = BUF_INIT;
	bool current = true;
	for (int e = 0; e < 2 && current; e++) {
		buf_clear(&name);
		shard_name(&name, p, k, shard_exts[e]);
		current = stamps_current(stamps, out_dir, buf_cstr(&name), h);
	}
	buf_free(&name);
	return current;
}

struct search_plan *search_plan_make(struct stamps *stamps, const char *out_dir, const struct site_doc *docs,
				     size_t ndocs, const struct site_lang *langs, size_t nlangs, uint64_t program,
				     bool force)
{
	struct search_plan *p = xmalloc(sizeof *p);
	*p = (struct search_plan){.out_dir = xstrdup(out_dir)};
	/* the groups (one even for no documents: the page loads a directory) */
	p->ngroups = nlangs ? nlangs : 1;
	p->groups = xmalloc(p->ngroups * sizeof *p->groups);
	for (size_t g = 0; g < p->ngroups; g++) {
		struct search_group *grp = &p->groups[g];
		const char *tag = nlangs ? langs[g].tag : "";
		size_t n = nlangs ? langs[g].ndocs : 0;
		*grp = (struct search_group){.tag = tag, .first = p->nshards, .nshards = shard_count(n), .width = 2};
		grp->suffix = nlangs ? langs[g].suffix : "";
		grp->prefix = "";
		if (*grp->suffix) {
			struct buf pre = BUF_INIT;
			buf_printf(&pre, "%s-", tag);
			grp->prefix = xstrdup(buf_cstr(&pre));
			buf_free(&pre);
		}
		for (size_t top = grp->nshards - 1; top >= 100; top /= 10)
			grp->width++;
		p->nshards += grp->nshards;
		grp->directory_stamp = nonzero(hash_str(hash_add(program, &grp->nshards, sizeof grp->nshards), grp->prefix));
	}
	p->group_of = xmalloc((p->nshards + 1) * sizeof *p->group_of);
	for (size_t g = 0; g < p->ngroups; g++)
		for (size_t k = 0; k < p->groups[g].nshards; k++)
			p->group_of[p->groups[g].first + k] = g;
	/* group the documents by shard, keeping corpus order (a counting sort) */
	size_t *shard = xmalloc((ndocs + 1) * sizeof *shard);
	p->start = xmalloc((p->nshards + 1) * sizeof *p->start);
	memset(p->start, 0, (p->nshards + 1) * sizeof *p->start);
	p->members = xmalloc((ndocs + 1) * sizeof *p->members);
	for (size_t i = 0; i < ndocs; i++) {
		const struct search_group *grp = &p->groups[nlangs ? docs[i].lang_index : 0];
		shard[i] = grp->first + shard_of(docs[i].slug, grp->nshards);
		p->start[shard[i] + 1]++;
	}
	for (size_t k = 0; k < p->nshards; k++)
		p->start[k + 1] += p->start[k];
	size_t *fill = xmalloc(p->nshards * sizeof *fill);
	memcpy(fill, p->start, p->nshards * sizeof *fill);
	for (size_t i = 0; i < ndocs; i++)
		p->members[fill[shard[i]]++] = i;
	free(fill);
	free(shard);
	/* each shard's stamp, and what is to be written */
	p->shard_stamps = xmalloc(p->nshards * sizeof *p->shard_stamps);
	p->todo = xmalloc((p->nshards + p->ngroups + 1) * sizeof *p->todo);
	for (size_t k = 0; k < p->nshards; k++) {
		uint64_t h = program;
		for (size_t m = p->start[k]; m < p->start[k + 1]; m++) {
			const struct site_doc *d = &docs[p->members[m]];
			h = hash_str(h, d->slug);
			h = hash_str(h, d->symbol);
			h = hash_str(h, d->title ? d->title : d->label);
			h = hash_add(h, &d->has_akn, sizeof d->has_akn);
			h = hash_add(h, &d->source_stamp, sizeof d->source_stamp);
		}
		p->shard_stamps[k] = nonzero(h);
		if (force || !shard_current(p, stamps, out_dir, k, p->shard_stamps[k]))
			p->todo[p->ntodo++] = k;
	}
	struct buf name = BUF_INIT;
	for (size_t g = 0; g < p->ngroups; g++) {
		bool current = !force;
		for (int e = 0; e < 2 && current; e++) {
			buf_clear(&name);
			directory_name(&name, &p->groups[g], e);
			current = stamps_current(stamps, out_dir, buf_cstr(&name), p->groups[g].directory_stamp);
		}
		if (!current)
			p->todo[p->ntodo++] = p->nshards + g;
	}
	buf_free(&name);
	return p;
}

size_t search_plan_files(const struct search_plan *p)
{
	return p->ntodo;
}

/* The JSON file and the script beside it, written side by side: the script
 * is the same JSON bytes between its own head and tail. */
struct twin {
	struct atomic_file json, script;
	const char *names[2];	/* for messages */
};

static int twin_open(struct twin *t, const char *out_dir, const char *json_name, const char *script_name,
		     struct diag *diag)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", out_dir, json_name);
	int rc = atomic_open(&t->json, buf_cstr(&path));
	if (rc == 0) {
		buf_clear(&path);
		buf_printf(&path, "%s/%s", out_dir, script_name);
		rc = atomic_open(&t->script, buf_cstr(&path));
		if (rc != 0)
			atomic_abort(&t->json);
	}
	if (rc != 0)
		diag_error(diag, 0, "site", "cannot create %s: %s", buf_cstr(&path), strerror(errno));
	buf_free(&path);
	t->names[0] = json_name;
	t->names[1] = script_name;
	return rc == 0 ? 0 : EX_CANTCREAT;
}

/* JSON: to both files. */
static void twin_put(struct twin *t, const char *data, size_t len)
{
	fwrite(data, 1, len, atomic_stream(&t->json));
	fwrite(data, 1, len, atomic_stream(&t->script));
}

/* Commit both files if status is 0, else drop both. */
static int twin_close(struct twin *t, int status, const char *out_dir, struct diag *diag)
{
	if (status) {
		atomic_abort(&t->json);
		atomic_abort(&t->script);
		return status;
	}
	struct atomic_file *files[2] = {&t->json, &t->script};
	for (int e = 0; e < 2; e++)
		if (atomic_commit(files[e]) != 0 && status == 0) {
			diag_error(diag, 0, "site", "cannot write %s/%s: %s", out_dir, t->names[e], strerror(errno));
			status = EX_CANTCREAT;
		}
	return status;
}

/* One line of in into line (its '\n' kept), through the allocator:
 * getline's own malloc would make running out of memory look like the
 * end of the file, and the rest of the units silently left out.
 * Returns its length, 0 at the end. */
static size_t read_line(FILE *in, struct buf *line)
{
	char chunk[4096];
	buf_clear(line);
	while (fgets(chunk, sizeof chunk, in)) {
		buf_puts(line, chunk);
		if (line->data[line->len - 1] == '\n')
			break;
	}
	return line->len;
}

/* The units file at path, as search_units_write wrote it: a link, a pipe
 * or anything else placed there instead is never read (nor followed): it
 * is removed and the units made again from OUT/SLUG.xml. */
static FILE *open_units(const char *out_dir, const char *path, const char *slug, struct diag *diag)
{
	for (int tries = 0; tries < 2; tries++) {
		int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
		struct stat st;
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
			return fdopen(fd, "r");
		if (fd >= 0)
			close(fd);
		if (tries || (errno != ELOOP && fd < 0))
			break;
		diag_warn(diag, 0, "site", "%s is not a file unpress wrote: made again", path);
		if (unlink(path) != 0)
			break;
		struct buf xml = BUF_INIT;
		buf_printf(&xml, "%s/%s.xml", out_dir, slug);
		struct diag quiet;
		diag_init(&quiet, buf_cstr(&xml), 0);
		xmlDocPtr akn = akn_load_safely(buf_cstr(&xml), &quiet);
		buf_free(&xml);
		int rc = akn ? search_units_write(out_dir, slug, akn, diag) : -1;
		xmlFreeDoc(akn);
		if (rc != 0)
			break;
	}
	return NULL;
}

/* Shard k: its documents' table, then their units as search_units_write
 * left them, streamed (a shard is never held whole). */
static int write_shard(const struct search_plan *p, size_t k, const char *out_dir, const struct site_doc *docs,
		       struct diag *diag)
{
	struct buf names[2] = {BUF_INIT, BUF_INIT}, b = BUF_INIT, path = BUF_INIT;
	for (int e = 0; e < 2; e++)
		shard_name(&names[e], p, k, shard_exts[e]);
	buf_printf(&path, "%s/" SHARD_DIR, out_dir);
	struct twin t;
	int status = 0;
	if (make_own_dirs(out_dir, SHARD_DIR) != 0) {
		diag_error(diag, 0, "site", "cannot create %s: %s", buf_cstr(&path), strerror(errno));
		status = EX_CANTCREAT;
	} else
		status = twin_open(&t, out_dir, buf_cstr(&names[0]), buf_cstr(&names[1]), diag);
	if (status) {
		for (int e = 0; e < 2; e++)
			buf_free(&names[e]);
		buf_free(&path);
		return status;
	}
	fprintf(atomic_stream(&t.script),
		"/* generated by unpress: search index shard %s as a script (see search-index.js) */\n"
		"(window.UNPRESS_SEARCH_SHARDS = window.UNPRESS_SEARCH_SHARDS || {})[\"%s\"] = ",
		buf_cstr(&names[0]), buf_cstr(&names[1]));
	twin_put(&t, "{\"docs\":[", strlen("{\"docs\":["));
	for (size_t m = p->start[k]; m < p->start[k + 1]; m++) {
		const struct site_doc *d = &docs[p->members[m]];
		buf_puts(&b, m > p->start[k] ? ",\n[" : "\n[");
		json_string(&b, d->slug, 0);
		buf_putc(&b, ',');
		json_string(&b, d->symbol ? d->symbol : "", 0);
		buf_putc(&b, ',');
		json_string(&b, d->title ? d->title : d->label, 0);
		buf_putc(&b, ']');
		twin_put(&t, b.data, b.len);
		buf_clear(&b);
	}
	twin_put(&t, "],\"units\":[", strlen("],\"units\":["));
	int first = 1;
	struct buf line = BUF_INIT;
	for (size_t m = p->start[k]; m < p->start[k + 1] && status == 0; m++) {
		const struct site_doc *d = &docs[p->members[m]];
		if (!d->has_akn)
			continue;
		buf_clear(&path);
		buf_printf(&path, "%s/%s", out_dir, search_units_name(d->slug));
		FILE *in = open_units(out_dir, buf_cstr(&path), d->slug, diag);
		if (!in) {
			diag_error(diag, 0, "site", "cannot read %s: %s", buf_cstr(&path), strerror(errno));
			status = EX_SOFTWARE;
			break;
		}
		size_t n;
		bool foreign = false;
		while ((n = read_line(in, &line)) > 0) {
			if (line.data[n - 1] == '\n')
				n--;
			if (!units_line_ok(line.data, n)) {
				if (!foreign)
					diag_warn(diag, 0, "site", "%s: a line unpress did not write: left out of the search index",
						  buf_cstr(&path));
				foreign = true;
				continue;
			}
			buf_clear(&b);
			buf_printf(&b, "%s[%zu,", first ? "\n" : ",\n", m - p->start[k]);
			buf_put(&b, line.data, n);
			buf_putc(&b, ']');
			twin_put(&t, b.data, b.len);
			first = 0;
		}
		fclose(in);
	}
	buf_free(&line);
	twin_put(&t, "]}\n", 3);
	/* the script ends "…]}\n;\n": the same JSON, then the statement's end */
	fputs(";\n", atomic_stream(&t.script));
	status = twin_close(&t, status, out_dir, diag);
	for (int e = 0; e < 2; e++)
		buf_free(&names[e]);
	buf_free(&b);
	buf_free(&path);
	return status;
}

/* Group g's directory: every one of its shards' names, in each form. */
static int write_directory(const struct search_plan *p, size_t g, const char *out_dir, struct diag *diag)
{
	const struct search_group *grp = &p->groups[g];
	struct buf names[2] = {BUF_INIT, BUF_INIT};
	for (int e = 0; e < 2; e++)
		directory_name(&names[e], grp, e);
	struct twin t;
	int status = twin_open(&t, out_dir, buf_cstr(&names[0]), buf_cstr(&names[1]), diag);
	if (status) {
		buf_free(&names[0]);
		buf_free(&names[1]);
		return status;
	}
	FILE *files[2] = {atomic_stream(&t.json), atomic_stream(&t.script)};
	fputs("/* generated by unpress: the search index's shards (see search.js) */\n"
	      "window.UNPRESS_SEARCH = ", files[1]);
	struct buf name = BUF_INIT;
	for (int e = 0; e < 2; e++) {
		fputs("{\"shards\":[", files[e]);
		for (size_t k = grp->first; k < grp->first + grp->nshards; k++) {
			buf_clear(&name);
			shard_name(&name, p, k, shard_exts[e]);
			fprintf(files[e], "%s\n\"%s\"", k > grp->first ? "," : "", buf_cstr(&name));
		}
		fputs("]}\n", files[e]);
	}
	fputs(";\n", files[1]);
	buf_free(&name);
	status = twin_close(&t, 0, out_dir, diag);
	buf_free(&names[0]);
	buf_free(&names[1]);
	return status;
}

int search_plan_write(const struct search_plan *p, size_t i, const char *out_dir, const struct site_doc *docs,
		      struct diag *diag)
{
	assert(i < p->ntodo);
	size_t k = p->todo[i];
	return k >= p->nshards ? write_directory(p, k - p->nshards, out_dir, diag) : write_shard(p, k, out_dir, docs, diag);
}

/* Is name (in OUT/search/) one of this plan's shard files? */
static bool plan_shard_file(const struct search_plan *p, const char *name, size_t digits_at, size_t digits)
{
	for (size_t g = 0; g < p->ngroups; g++) {
		const struct search_group *grp = &p->groups[g];
		if (strlen(grp->prefix) == digits_at && !strncmp(name, grp->prefix, digits_at) &&
		    (int)digits == grp->width && strtoull(name + digits_at, NULL, 10) < grp->nshards)
			return true;
	}
	return false;
}

/* Delete the shard files in OUT/search/ that this plan does not make: those
 * of a larger shard count, named in another width, or of a language no
 * longer in the collection (a clean build would not have them, and
 * search.js never loads them).  By what is there, not by the last build's
 * stamps, which a failed build in between forgets.  Only names of the
 * shards' form (a language tag and '-', or nothing, then digits, then
 * .json or .js) are touched. */
static void remove_stale_shards(const struct search_plan *p)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/" SHARD_DIR, p->out_dir);
	size_t n = 0;
	char **names = dirlist_sorted(buf_cstr(&path), "", &n);
	for (size_t i = 0; names && i < n; i++) {
		const char *name = names[i];
		size_t at = strspn(name, "abcdefghijklmnopqrstuvwxyz");
		if (at && name[at] == '-')
			at++;
		else
			at = 0;
		size_t digits = strspn(name + at, "0123456789");
		if (!digits || (strcmp(name + at + digits, ".json") && strcmp(name + at + digits, ".js")))
			continue;
		if (plan_shard_file(p, name, at, digits))
			continue;	/* one of this build's shards */
		buf_clear(&path);
		buf_printf(&path, "%s/" SHARD_DIR "/%s", p->out_dir, name);
		unlink(buf_cstr(&path));
	}
	dirlist_free(names, n);
	buf_free(&path);
}

void search_plan_stamp(const struct search_plan *p, struct stamps *stamps)
{
	struct buf name = BUF_INIT;
	for (size_t k = 0; k < p->nshards; k++)
		for (int e = 0; e < 2; e++) {
			buf_clear(&name);
			shard_name(&name, p, k, shard_exts[e]);
			stamps_set(stamps, buf_cstr(&name), p->shard_stamps[k]);
		}
	for (size_t g = 0; g < p->ngroups; g++)
		for (int e = 0; e < 2; e++) {
			buf_clear(&name);
			directory_name(&name, &p->groups[g], e);
			stamps_set(stamps, buf_cstr(&name), p->groups[g].directory_stamp);
		}
	buf_free(&name);
	remove_stale_shards(p);
}

void search_plan_free(struct search_plan *p)
{
	if (!p)
		return;
	for (size_t g = 0; g < p->ngroups; g++)
		if (*p->groups[g].prefix)
			free((char *)p->groups[g].prefix);
	free(p->groups);
	free(p->group_of);
	free(p->out_dir);
	free(p->members);
	free(p->start);
	free(p->shard_stamps);
	free(p->todo);
	free(p);
}
