/* stamps.c — see stamps.h. */
#include "site/stamps.h"

#include <inttypes.h>
#include <libxml/hash.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/outname.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/dirset.h"
#include "util/xmalloc.h"

struct stamp {
	char *name;
	uint64_t hash;
};

struct stamps {
	xmlHashTablePtr old;		/* name → uint64_t * from the last build */
	struct timespec written;	/* the stamps file's mtime */
	struct stamp *now;		/* set in this build */
	size_t n, cap;
};

static void free_entry(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/* Is name (relative to out_dir, maybe with folders) there?  Asked of each
 * folder's listing (a stat per page cost more than the build of one). */
static bool exists(const char *out_dir, const char *name)
{
	const char *slash = strrchr(name, '/');
	struct buf dir = BUF_INIT;
	if (slash)
		buf_printf(&dir, "%s/%.*s", out_dir, (int)(slash - name), name);
	else
		buf_puts(&dir, out_dir);
	bool there = dirset_has(dirset_of(buf_cstr(&dir)), slash ? slash + 1 : name);
	buf_free(&dir);
	return there;
}

static void stamps_path(struct buf *b, const char *out_dir)
{
	buf_printf(b, "%s/" STATE_DIR "/site-stamps", out_dir);
}

struct stamps *stamps_load(const char *out_dir)
{
	struct stamps *s = xcalloc(1, sizeof *s);
	s->old = xmlHashCreate(1024);
	struct buf path = BUF_INIT;
	stamps_path(&path, out_dir);
	/* a regular file only: a pipe placed there would never end */
	int fd = open(buf_cstr(&path), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	buf_free(&path);
	struct stat st;
	FILE *f = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "r") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		return s;
	}
	s->written = st.st_mtim;
	char line[4200];
	while (fgets(line, sizeof line, f)) {
		char *name = strchr(line, ' ');
		if (!name)
			continue;
		*name++ = '\0';
		name[strcspn(name, "\n")] = '\0';
		uint64_t *h = xmalloc(sizeof *h);
		*h = strtoull(line, NULL, 16);
		if (xmlHashAddEntry(s->old, (const xmlChar *)name, h) != 0)
			free(h);
	}
	fclose(f);
	return s;
}

bool stamps_current(struct stamps *s, const char *out_dir, const char *name, uint64_t h)
{
	uint64_t *old = xmlHashLookup(s->old, (const xmlChar *)name);
	return old && *old == h && exists(out_dir, name);
}

uint64_t stamps_old(struct stamps *s, const char *name)
{
	uint64_t *old = xmlHashLookup(s->old, (const xmlChar *)name);
	return old ? *old : 0;
}

struct timespec stamps_written(const struct stamps *s)
{
	return s->written;
}

struct exist_scan {
	const char *out_dir;
	bool all;
};

static void check_exists(void *payload, void *data, const xmlChar *name)
{
	(void)payload;
	struct exist_scan *scan = data;
	if (!scan->all || strchr((const char *)name, '('))
		return;
	scan->all = exists(scan->out_dir, (const char *)name);
}

bool stamps_all_exist(struct stamps *s, const char *out_dir)
{
	struct exist_scan scan = {out_dir, true};
	xmlHashScan(s->old, check_exists, &scan);
	return scan.all;
}

void stamps_set(struct stamps *s, const char *name, uint64_t h)
{
	if (!h)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->now = xrealloc(s->now, s->cap * sizeof *s->now);
	}
	s->now[s->n++] = (struct stamp){xstrdup(name), h};
}

static int cmp_stamp(const void *a, const void *b)
{
	return strcmp(((const struct stamp *)a)->name, ((const struct stamp *)b)->name);
}

int stamps_save(struct stamps *s, const char *out_dir)
{
	if (s->n > 1)	/* (qsort must not be given a null array) */
		qsort(s->now, s->n, sizeof *s->now, cmp_stamp);
	struct buf text = BUF_INIT, path = BUF_INIT;
	for (size_t i = 0; i < s->n; i++)
		buf_printf(&text, "%016" PRIx64 " %s\n", s->now[i].hash, s->now[i].name);
	buf_printf(&path, "%s/" STATE_DIR, out_dir);
	int rc = make_own_dirs(out_dir, STATE_DIR);
	buf_clear(&path);
	stamps_path(&path, out_dir);
	if (rc == 0)
		rc = atomic_write(buf_cstr(&path), text.data ? text.data : "", text.len);
	buf_free(&text);
	buf_free(&path);
	return rc;
}

struct stale_scan {
	xmlHashTablePtr now;
	const char *out_dir, *prefix;
};

static void remove_if_stale(void *payload, void *data, const xmlChar *name)
{
	(void)payload;
	struct stale_scan *scan = data;
	const char *n = (const char *)name;
	if (strncmp(n, scan->prefix, strlen(scan->prefix)) || strchr(n, '/') ||
	    xmlHashLookup(scan->now, name))
		return;
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", scan->out_dir, n);
	unlink(buf_cstr(&path));
	buf_free(&path);
}

void stamps_remove_stale(struct stamps *s, const char *out_dir, const char *prefix)
{
	struct stale_scan scan = {xmlHashCreate((int)s->n + 16), out_dir, prefix};
	for (size_t i = 0; i < s->n; i++)
		xmlHashAddEntry(scan.now, (const xmlChar *)s->now[i].name, s);
	xmlHashScan(s->old, remove_if_stale, &scan);
	xmlHashFree(scan.now, NULL);
}

void stamps_free(struct stamps *s)
{
	if (!s)
		return;
	xmlHashFree(s->old, free_entry);
	for (size_t i = 0; i < s->n; i++)
		free(s->now[i].name);
	free(s->now);
	free(s);
}
