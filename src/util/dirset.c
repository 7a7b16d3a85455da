/* dirset.c — see dirset.h.  The names live in one buffer; an open-addressed
 * table of their offsets, at most half full, finds them. */
#include "util/dirset.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/dirlist.h"
#include "util/hash.h"
#include "util/xmalloc.h"

struct dirset {
	struct buf names;	/* each name and its NUL */
	size_t *slots;		/* offset + 1 into names; 0: empty */
	size_t mask;		/* slots - 1, a power of two less one */
	size_t count;
	size_t *offsets;	/* of every name, in listing order */
	size_t noffsets;
	bool opened;
};

static size_t slot_of(const struct dirset *s, const char *name)
{
	size_t i = (size_t)hash_str(HASH_INIT, name) & s->mask;
	while (s->slots[i] && strcmp(s->names.data + s->slots[i] - 1, name))
		i = (i + 1) & s->mask;
	return i;
}

static void grow(struct dirset *s)
{
	size_t *old = s->slots, old_size = s->mask + 1;
	s->mask = old_size * 2 - 1;
	s->slots = xcalloc(s->mask + 1, sizeof *s->slots);
	for (size_t i = 0; i < old_size; i++)
		if (old[i])
			s->slots[slot_of(s, s->names.data + old[i] - 1)] = old[i];
	free(old);
}

/* Free a set dirset_list made (NULL: nothing). */
static void dirset_free(struct dirset *s)
{
	if (!s)
		return;
	buf_free(&s->names);
	free(s->slots);
	free(s->offsets);
	free(s);
}

/* The names in dir now (every entry: files, folders, hidden names).  A
 * folder that cannot be read gives an empty set. */
static struct dirset *dirset_list(const char *dir)
{
	struct dirset *s = xcalloc(1, sizeof *s);
	s->names = (struct buf)BUF_INIT;
	s->mask = 63;
	s->slots = xcalloc(s->mask + 1, sizeof *s->slots);
	DIR *d = opendir(dir);
	if (!d)
		return s;
	s->opened = true;
	/* the offsets first: the buffer moves as it grows */
	size_t *offsets = NULL, n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (n == cap)
			offsets = xrealloc(offsets, (cap = cap ? cap * 2 : 256) * sizeof *offsets);
		offsets[n++] = s->names.len;
		buf_put(&s->names, e->d_name, strlen(e->d_name) + 1);
	}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		if (2 * (s->count + 1) > s->mask + 1)
			grow(s);
		size_t slot = slot_of(s, s->names.data + offsets[i]);
		if (!s->slots[slot]) {
			s->slots[slot] = offsets[i] + 1;
			s->count++;
		}
	}
	s->offsets = offsets;
	s->noffsets = n;
	return s;
}

char **dirset_sorted(const struct dirset *s, const char *suffix, size_t *count)
{
	if (!s->opened)
		return NULL;
	size_t n = 0;
	char **names = xmalloc((s->noffsets + 1) * sizeof *names);
	for (size_t i = 0; i < s->noffsets; i++) {
		const char *name = s->names.data + s->offsets[i];
		if (dirlist_keeps(name, suffix))
			names[n++] = xstrdup(name);
	}
	dirlist_sort(names, n);
	*count = n;
	return names;
}

/* The listings dirset_of made, by folder name. */
static struct listing { char *dir; struct dirset *set; } *listings;
static size_t nlistings;

const struct dirset *dirset_of(const char *dir)
{
	for (size_t i = 0; i < nlistings; i++)
		if (!strcmp(listings[i].dir, dir))
			return listings[i].set;
	listings = xrealloc(listings, (nlistings + 1) * sizeof *listings);
	listings[nlistings] = (struct listing){xstrdup(dir), dirset_list(dir)};
	return listings[nlistings++].set;
}

void dirset_forget(void)
{
	for (size_t i = 0; i < nlistings; i++) {
		free(listings[i].dir);
		dirset_free(listings[i].set);
	}
	free(listings);
	listings = NULL;
	nlistings = 0;
}

bool dirset_has(const struct dirset *s, const char *name)
{
	return s->count && s->slots[slot_of(s, name)] != 0;
}

