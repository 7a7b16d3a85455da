/* batch/jobs.c — see jobs.h. */
#include "batch/jobs.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/pool.h"

int jobs_run_one(struct batch *b, size_t i)
{
	struct convert_report *rep = &b->reports[i];
	/* before the conversion reads it: an edit meanwhile shows next time */
	if (!b->keys[i].taken)
		state_take_key(b->tool, b->files[i], &b->keys[i]);
	int rc = b->render ? render_file_report(b->files[i], b->opts, rep)
			   : convert_file_report(b->files[i], b->opts, rep);
	if ((rc == 0 || rc == 1) && rep->slug[0])
		state_record(b->opts, b->files[i], &b->keys[i], rep->slug, rep->warnings,
			     rep->warning_text);
	free(rep->warning_text);
	rep->warning_text = NULL;
	return rc;
}

/* The pool's view of a batch: task k is file todo[k]. */
struct jobs {
	struct batch *b;
	const size_t *todo;
};

static int run_task(void *ctx, size_t k)
{
	struct jobs *j = ctx;
	return jobs_run_one(j->b, j->todo[k]);
}

/* A document ended (here, in this process): count it. */
static void task_done(void *ctx, size_t k, int status)
{
	struct jobs *j = ctx;
	const struct convert_report *rep = &j->b->reports[j->todo[k]];
	progress_step(j->b->progress, rep->warnings, rep->errors, status > 1);
}

/* The worker converting a document died: the document failed. */
static void task_died(void *ctx, size_t k, const char *how)
{
	struct jobs *j = ctx;
	progress_clear(j->b->progress);
	fprintf(stderr, "%s: error: the conversion process died (%s)\n", j->b->files[j->todo[k]], how);
}

int jobs_run_all(struct batch *b, const size_t *todo, size_t ntodo)
{
	struct jobs j = {b, todo};
	struct pool pool = {
		.ntasks = ntodo,
		.jobs = b->opts->jobs,
		.here_when_one = true,
		.run = run_task,
		.done = task_done,
		.died = task_died,
		.ctx = &j,
		.verbosity = b->opts->verbosity,
	};
	if (b->opts->verbosity > 1 && ntodo > 0) {
		int nw = pool_workers(&pool);
		progress_clear(b->progress);
		if (nw == 0)
			fprintf(stderr, "unpress: %zu document%s to convert in this process\n", ntodo,
				ntodo == 1 ? "" : "s");
		else
			fprintf(stderr, "unpress: %zu document%s to convert in %d worker process%s (-j %d%s)\n",
				ntodo, ntodo == 1 ? "" : "s", nw, nw == 1 ? "" : "es", b->opts->jobs,
				nw < b->opts->jobs ? ": never more workers than documents" : "");
	}
	return pool_run(&pool);
}
