/* prune.c — see prune.h. */
#include "batch/prune.h"

#include <errno.h>
#include <libxml/hash.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/state.h"
#include "site/site.h"
#include "util/buf.h"
#include "util/dirlist.h"
#include "util/dirset.h"
#include "util/xmalloc.h"

/* A slug longer than this names no file (NAME_MAX, with the suffixes). */
#define SLUG_SIZE 256

/* One state file as prune_look found it.  Its slug is read only when
 * needed: before the batch rewrites the state (prune_before_converting),
 * or after it, when no input of this run owns the state.  The state of an
 * input that is up to date names the slug it publishes under, and reading
 * every state again doubled the time of a build with nothing to do. */
struct recorded {
	char *name;	/* doc-… (state_name) */
	bool read;	/* slug is what the file recorded */
	char *slug;	/* NULL: not a state this program can read */
};

struct prune {
	const char *out_dir;
	struct recorded *states;	/* in name order: removals are said in a stable order */
	size_t nstates;
	xmlHashTablePtr by_name;	/* name → its struct recorded */
	int list_errno;			/* OUT/.unpress could not be listed (not ENOENT) */
};

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

/* OUT/.unpress/NAME into path (cleared first). */
static void state_file(struct buf *path, const char *out_dir, const char *name)
{
	buf_clear(path);
	buf_printf(path, "%s/" STATE_DIR "/%s", out_dir, name);
}

/* Read r's slug from its file, once. */
static void read_slug(const struct prune *p, struct recorded *r)
{
	if (r->read)
		return;
	struct buf path = BUF_INIT;
	char slug[SLUG_SIZE];
	state_file(&path, p->out_dir, r->name);
	r->slug = state_recorded_slug(buf_cstr(&path), slug, sizeof slug) ? xstrdup(slug) : NULL;
	r->read = true;
	buf_free(&path);
}

struct prune *prune_look(const char *out_dir)
{
	struct prune *p = xcalloc(1, sizeof *p);
	p->out_dir = out_dir;
	p->by_name = xmlHashCreate(64);
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/" STATE_DIR, out_dir);
	size_t n = 0;
	errno = 0;
	char **names = dirlist_sorted(buf_cstr(&path), "", &n);
	if (!names) {
		/* no OUT/.unpress: nothing was ever converted there */
		p->list_errno = errno == ENOENT ? 0 : errno ? errno : EIO;
		buf_free(&path);
		return p;
	}
	p->states = xmalloc((n + 1) * sizeof *p->states);
	for (size_t i = 0; i < n; i++) {
		if (!state_is_name(names[i]))
			continue;	/* site-index/, units/, site-stamps, a temporary file */
		struct recorded *r = &p->states[p->nstates++];
		*r = (struct recorded){.name = names[i]};
		names[i] = NULL;
		xmlHashAddEntry(p->by_name, X(r->name), r);
	}
	dirlist_free(names, n);
	buf_free(&path);
	return p;
}

void prune_before_converting(struct prune *p, const char *input)
{
	char name[STATE_NAME_SIZE];
	state_name(input, name);
	struct recorded *r = xmlHashLookup(p->by_name, X(name));
	if (r)
		read_slug(p, r);
}

/* Remove path; true when it is gone (or was never there). */
static bool remove_file(const char *path, struct diag *diag)
{
	if (unlink(path) == 0 || errno == ENOENT)
		return true;
	diag_warn(diag, 0, "prune", "cannot remove %s: %s (the next --prune tries again)", path, strerror(errno));
	return false;
}

/* Remove the files of the document published under slug; true when none of
 * them is left.  The manifest first: it is what puts a document in the
 * site, so that should another file resist, the site no longer lists it. */
static bool remove_document(const char *out_dir, const char *slug, struct diag *diag)
{
	static const char *const suffixes[] = {".manifest.xml", ".xml", ".html", ".md", ".pdf"};
	const size_t nsuffixes = sizeof suffixes / sizeof suffixes[0];
	struct buf path = BUF_INIT;
	bool all_gone = true;
	for (size_t i = 0; i <= nsuffixes; i++) {
		buf_clear(&path);
		if (i < nsuffixes)
			buf_printf(&path, "%s/%s%s", out_dir, slug, suffixes[i]);
		else	/* the search units the site gathered from its XML */
			buf_printf(&path, "%s/%s", out_dir, search_units_name(slug));
		all_gone = remove_file(buf_cstr(&path), diag) && all_gone;
	}
	buf_free(&path);
	return all_gone;
}

/* A document to remove: the state that names it, and (when an input of
 * this run owns that state) the slug its input publishes under now. */
struct leftover {
	const struct recorded *state;
	const char *now_as;	/* NULL: its input is gone */
};

static int by_slug(const void *a, const void *b)
{
	const struct leftover *x = a, *y = b;
	int c = strcmp(x->state->slug, y->state->slug);
	return c ? c : strcmp(x->state->name, y->state->name);
}

/* slug → the index (+ 1) of the first input of this run that publishes
 * under it (hash values cannot be 0). */
static void publish(xmlHashTablePtr published, const char *slug, size_t input)
{
	xmlHashAddEntry(published, X(slug), (void *)(uintptr_t)(input + 1));
}

/* One prune_gone: what this run's inputs own and publish, and what was
 * done. */
struct sweep {
	struct prune *p;
	char *const *inputs;
	const char *const *slugs;
	size_t ninputs;
	xmlHashTablePtr owned;		/* state name → its input (+ 1) */
	xmlHashTablePtr published;	/* slug → its first publisher (+ 1) */
	const char *unknown;		/* an input whose slug is not known */
	size_t nunknown;
	struct buf path;		/* scratch */
	struct diag *diag;
	bool changed;			/* anything unlinked: OUT's listing is old */
};

/* Which state files this run owns, and which slugs it publishes. */
static void map_run(struct sweep *s)
{
	const struct prune *p = s->p;
	for (size_t i = 0; i < s->ninputs; i++) {
		char name[STATE_NAME_SIZE];
		state_name(s->inputs[i], name);
		xmlHashAddEntry(s->owned, X(name), (void *)(uintptr_t)(i + 1));
		if (s->slugs[i][0])
			publish(s->published, s->slugs[i], i);
		/* (not read: the input was up to date, and its state names
		 * slugs[i]) */
		const struct recorded *before = xmlHashLookup(p->by_name, X(name));
		if (before && !before->read)
			before = NULL;
		if (before && before->slug && strcmp(before->slug, s->slugs[i])) {
			/* it published under another slug before: it still does
			 * unless its state now names the new one (a conversion
			 * that failed left the old state and the old files) */
			char now[SLUG_SIZE];
			state_file(&s->path, p->out_dir, name);
			if (!state_recorded_slug(buf_cstr(&s->path), now, sizeof now) || strcmp(now, s->slugs[i]))
				publish(s->published, before->slug, i);
		}
		if (!s->slugs[i][0] && !(before && before->slug)) {
			s->unknown = s->unknown ? s->unknown : s->inputs[i];
			s->nunknown++;
		}
	}
}

/* The documents that are gone, into gone (room for every state); how
 * many.  The states of renamed inputs are removed here. */
static size_t find_gone(struct sweep *s, struct leftover *gone)
{
	struct prune *p = s->p;
	size_t ngone = 0;
	for (size_t k = 0; k < p->nstates; k++) {
		struct recorded *r = &p->states[k];
		size_t owner = (size_t)(uintptr_t)xmlHashLookup(s->owned, X(r->name));
		if (owner && !r->read)
			continue;	/* up to date: it publishes what it did */
		read_slug(p, r);
		state_file(&s->path, p->out_dir, r->name);
		if (!r->slug) {
			if (!owner)
				diag_note(s->diag, 0, "prune", "%s is not a state this program can read: left alone",
					  buf_cstr(&s->path));
			continue;
		}
		size_t publisher = (size_t)(uintptr_t)xmlHashLookup(s->published, X(r->slug));
		if (!publisher) {
			gone[ngone++] = (struct leftover){r, owner ? s->slugs[owner - 1] : NULL};
			continue;
		}
		if (owner)
			continue;
		/* a renamed input: its document stands, published by another
		 * input; only the old state goes */
		if (remove_file(buf_cstr(&s->path), s->diag)) {
			diag_note(s->diag, 0, "prune", "forgot the state %s of an input that is gone: %s is "
				  "published from %s now", buf_cstr(&s->path), r->slug, s->inputs[publisher - 1]);
			s->changed = true;
		}
	}
	return ngone;
}

/* Remove the ngone documents of gone, in slug order, each said once
 * (unless verbosity is 0); how many were removed. */
static unsigned remove_gone(struct sweep *s, struct leftover *gone, size_t ngone, int verbosity)
{
	unsigned removed = 0;
	if (ngone > 1)	/* (qsort must not be given a null array) */
		qsort(gone, ngone, sizeof *gone, by_slug);
	bool all_gone = false;
	for (size_t k = 0; k < ngone; k++) {
		const struct leftover *g = &gone[k];
		/* two states of one slug (an input renamed twice): its
		 * files are removed, and said, once */
		bool first = k == 0 || strcmp(gone[k - 1].state->slug, g->state->slug);
		if (first) {
			all_gone = remove_document(s->p->out_dir, g->state->slug, s->diag);
			s->changed = true;
		}
		/* kept while any of its files is left: the next --prune
		 * finds the document again */
		if (!all_gone)
			continue;
		if (!g->now_as) {
			state_file(&s->path, s->p->out_dir, g->state->name);
			remove_file(buf_cstr(&s->path), s->diag);
		}
		if (!first)
			continue;
		removed++;
		if (verbosity > 0 && g->now_as)
			fprintf(stderr, "unpress: removed %s (its input publishes as %s now)\n", g->state->slug,
				g->now_as);
		else if (verbosity > 0)
			fprintf(stderr, "unpress: removed %s (its input is gone)\n", g->state->slug);
	}
	return removed;
}

unsigned prune_gone(struct prune *p, char *const *inputs, const char *const *slugs, size_t ninputs,
		    int verbosity, struct diag *diag)
{
	if (p->list_errno) {
		diag_warn(diag, 0, "prune", "cannot read %s/" STATE_DIR ": %s: nothing was pruned", p->out_dir,
			  strerror(p->list_errno));
		return 0;
	}
	struct sweep s = {
		.p = p,
		.inputs = inputs,
		.slugs = slugs,
		.ninputs = ninputs,
		.owned = xmlHashCreate((int)ninputs + 16),
		.published = xmlHashCreate((int)ninputs + 16),
		.path = BUF_INIT,
		.diag = diag,
	};
	map_run(&s);
	struct leftover *gone = xmalloc((p->nstates + 1) * sizeof *gone);
	size_t ngone = find_gone(&s, gone);
	if (ngone && s.nunknown) {
		diag_warn(diag, 0, "prune", "nothing removed: %s%s could not be converted, and the document%s "
			  "left by %zu gone input%s might be its own", s.unknown, s.nunknown > 1 ? " (and others)" : "",
			  ngone == 1 ? "" : "s", ngone, ngone == 1 ? "" : "s");
		ngone = 0;
	}
	unsigned removed = remove_gone(&s, gone, ngone, verbosity);
	if (s.changed)
		dirset_forget();
	free(gone);
	buf_free(&s.path);
	xmlHashFree(s.owned, NULL);
	xmlHashFree(s.published, NULL);
	return removed;
}

void prune_free(struct prune *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nstates; i++) {
		free(p->states[i].name);
		free(p->states[i].slug);
	}
	free(p->states);
	xmlHashFree(p->by_name, NULL);
	free(p);
}
