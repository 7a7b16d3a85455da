/* batch/batch.c — see batch.h. */
#include "batch/batch.h"

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "akn/edition.h"
#include "batch/jobs.h"
#include "batch/progress.h"
#include "batch/prune.h"
#include "batch/state.h"
#include "doc/wordlist.h"
#include "html/xslt.h"
#include "util/dirset.h"
#include "util/pool.h"
#include "util/xmalloc.h"
#include "util/xmlerrors.h"

/* Worse outcomes win: an error code beats "warnings" beats success. */
static int worse(int a, int b) { return a > b ? a : b; }

/* What the process needs before the first conversion, and shares with
 * every worker (loaded once, before any fork). */
static void prepare(const struct options *opts, bool render)
{
	/* Freed memory stays in the process for the next document or the
	 * next stage (cmark-gfm's tree is freed before the XML tree grows):
	 * glibc would otherwise hand every large block back to the kernel and
	 * fault it in again, and a long report spent a quarter of its time in
	 * the kernel.  The worker's peak stays that of its largest document. */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
	/* No fast bins: a freed XML tree left hundreds of thousands of small
	 * blocks in them, and the next large free walked them all, cold (5 %
	 * of a long report); without, each block merges as it is freed. */
	mallopt(M_MXFAST, 0);
	xmlInitParser();
	xml_errors_route(opts->verbosity);
	if (!render)
		wordlist_load();
	if (opts->editions & (ED_HTML | ED_SITE)) {
		struct diag diag;
		diag_init(&diag, "templates", opts->verbosity);
		xslt_prepare(opts->data_dir, "akn-html.xsl", &diag);
	}
}

/* The documents among args, moved to its front; how many.  A sidecar
 * (NAME.meta) given among the inputs, as "unpress input/…" does, belongs
 * to its document: it is not a document itself. */
static size_t documents_of(char **args, int nargs, bool render)
{
	size_t n = 0;
	for (int i = 0; i < nargs; i++) {
		size_t len = strlen(args[i]);
		if (!render && len > 5 && !strcmp(args[i] + len - 5, ".meta"))
			continue;
		args[n++] = args[i];
	}
	return n;
}

/* Which inputs need converting: those whose state key (content hash of
 * input, sidecar, program, templates; batch/state.h) changed.  The others
 * are counted in *up_to_date, their old warnings in *old_warnings (and
 * printed again by state_is_current).  Returns the list (of b->files
 * indices), its length in *ntodo. */
static size_t *plan(struct batch *b, struct prune *prune, size_t *ntodo, unsigned *up_to_date,
		    unsigned *old_warnings)
{
	size_t *todo = xmalloc((b->nfiles + 1) * sizeof *todo);
	*ntodo = 0;
	*up_to_date = *old_warnings = 0;
	b->tool = b->nfiles > 0 ? state_tool_hash(b->opts) : 0;
	for (size_t i = 0; i < b->nfiles; i++) {
		unsigned w = 0;
		/* an input without state (a first build) is hashed by the
		 * worker that converts it, not here, one after the other */
		if (!b->opts->force && state_is_current(b->opts, b->files[i], b->tool, &b->keys[i], &w,
							b->reports[i].slug, sizeof b->reports[i].slug)) {
			(*up_to_date)++;
			*old_warnings += w;
		} else {
			todo[(*ntodo)++] = i;
			if (prune)
				prune_before_converting(prune, b->files[i]);
		}
	}
	return todo;
}

/* Advice for two inputs under one slug that can work: the text's own
 * symbol wins over a sidecar's (identity.c), so only a name can be
 * changed.  from: what named the second one. */
static const char *clash_advice(const char *from)
{
	if (!strcmp(from, "text"))
		return "both texts print this symbol: if they are one document, give only one of them; "
		       "if a text's symbol is misprinted, correct it there";
	if (!strcmp(from, "sidecar"))
		return "correct the symbol in one of their sidecars";
	if (!strcmp(from, "XML"))
		return "their XML names one document: give only one of them";
	return "rename one of them, or give it a sidecar NAME.meta with its symbol";
}

/* Two inputs that publish under one slug (the same symbol, or one file
 * name in two folders) would overwrite each other's files, the last to
 * finish winning.  Say so, and convert the first of them again so that the
 * result does not depend on the order jobs finished in. */
static int check_slugs(struct batch *b)
{
	int status = 0;
	/* slug → the first input (in argument order) that publishes under it */
	xmlHashTablePtr first = xmlHashCreate((int)b->nfiles + 16);
	bool *clash = xcalloc(b->nfiles + 1, sizeof *clash);
	for (size_t j = 0; j < b->nfiles; j++) {
		const char *slug = b->reports[j].slug;
		if (!slug[0])
			continue;
		uintptr_t i = (uintptr_t)xmlHashLookup(first, (const xmlChar *)slug);
		if (!i) {
			xmlHashAddEntry(first, (const xmlChar *)slug, (void *)(uintptr_t)(j + 1));
			continue;
		}
		i--;
		progress_clear(b->progress);
		fprintf(stderr, "%s: error: publishes as %s, which %s already does: its files were not kept "
			"(%s)\n", b->files[j], slug, b->files[i], clash_advice(b->reports[j].slug_from));
		b->progress->errors++;
		/* never "up to date": the clash is reported on every run */
		state_forget(b->opts, b->files[j]);
		clash[i] = true;
	}
	for (size_t i = 0; i < b->nfiles; i++)
		if (clash[i]) {
			jobs_run_one(b, i);
			status = EX_DATAERR;
		}
	free(clash);
	xmlHashFree(first, NULL);
	return status;
}

/* --prune after the batch: remove what documents that are gone left in
 * OUT (batch/prune.h); 1 when that warned under --werror. */
static int prune_step(struct batch *b, struct prune *prune)
{
	const struct options *opts = b->opts;
	progress_clear(b->progress);
	struct diag diag;
	diag_init(&diag, opts->out_dir, opts->verbosity);
	const char **slugs = xmalloc((b->nfiles + 1) * sizeof *slugs);
	for (size_t i = 0; i < b->nfiles; i++)
		slugs[i] = b->reports[i].slug;
	b->progress->removed = prune_gone(prune, b->files, slugs, b->nfiles, opts->verbosity, &diag);
	free(slugs);
	b->progress->warnings += diag.warnings;
	return opts->werror && diag.warnings > 0;
}

/* The site over OUT (site/site.c); its status, 1 for its warnings (its
 * children's too) under --werror.  *pages: how many pages it wrote. */
static int site_step(struct batch *b, int *pages)
{
	const struct options *opts = b->opts;
	progress_phase(b->progress, "building the site");
	struct diag diag;
	diag_init(&diag, opts->out_dir, opts->verbosity);
	struct render_opts ro = {
		.out_dir = opts->out_dir,
		.data_dir = opts->data_dir,
		.build_time = opts->build_time,
		.diag = &diag,
		.jobs = opts->jobs,
		.force = opts->force,
		.pages_written = pages,
		.base_url = opts->base_url,
	};
	int status = site_build(opts->out_dir, &ro);
	b->progress->errors += diag.errors;
	b->progress->warnings += diag.warnings;
	return worse(status, opts->werror && diag.warnings > 0);
}

int batch_run(struct options *opts, char **args, int nargs, bool render)
{
	prepare(opts, render);
	struct batch b = {.files = args, .render = render, .opts = opts};
	b.nfiles = documents_of(args, nargs, render);
	b.keys = xcalloc(b.nfiles + 1, sizeof *b.keys);
	/* shared, so that the workers can report their slug and counts */
	size_t rep_size = (b.nfiles + 1) * sizeof *b.reports;
	if (!(b.reports = pool_shared(rep_size))) {
		perror("unpress: mmap");
		return EX_OSERR;
	}
	/* OUT's state files, before the batch writes any */
	struct prune *prune = opts->prune ? prune_look(opts->out_dir) : NULL;
	size_t ntodo;
	unsigned up_to_date, old_warnings;
	size_t *todo = plan(&b, prune, &ntodo, &up_to_date, &old_warnings);
	struct progress progress;
	progress_start(&progress, (unsigned)b.nfiles, up_to_date, opts->verbosity);
	progress.warnings = old_warnings;
	b.progress = &progress;
	int status = jobs_run_all(&b, todo, ntodo);
	if (ntodo > 0) /* what the first look listed is old now */
		dirset_forget();
	status = worse(status, check_slugs(&b));
	if (prune) {
		status = worse(status, prune_step(&b, prune));
		prune_free(prune);
	}
	/* documents converted earlier still count under --werror */
	status = worse(status, opts->werror && old_warnings > 0);
	int site_pages = 0;
	if ((opts->editions & ED_SITE) && status != EX_USAGE)
		status = worse(status, site_step(&b, &site_pages));
	if (opts->verbosity > 0)
		progress_summary(&progress, site_pages > 0);
	else
		progress_clear(&progress);
	pool_unshare(b.reports, rep_size);
	free(b.keys);
	free(todo);
	xmlCleanupParser();
	return status;
}
