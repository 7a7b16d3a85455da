/* pool.h — the one process pool: numbered tasks run in worker processes,
 * up to jobs at a time, for the batch (a document converted or rendered
 * per task, batch/jobs.c) and the site (a run of pages per task,
 * site/site.c).
 *
 * Why processes: a document that crashes the converter fails alone, and a
 * worker's heap is its own (the site's parent holds the whole corpus
 * index: pages rendered in it would leave their garbage in its heap, and
 * glibc's free lists grew with every page: 8,000 pages took 10.8 times as
 * long as 1,000).  Workers die with this process (util/child.h).  Tasks
 * must write only their own files, so that what they make does not depend
 * on the order they finish in.
 *
 * Each worker is handed one task at a time, in task order, over a socket
 * of its own, and says on it when the task is done; a worker blocks
 * reading its socket, this process in poll() on them all (nothing sleeps
 * and looks again).  A worker that dies is seen at once (its socket
 * closes): the task it held fails, and a new worker takes the tasks left. */
#ifndef UNPRESS_UTIL_POOL_H
#define UNPRESS_UTIL_POOL_H
#include <stdbool.h>
#include <stddef.h>

#include "util/diag.h"

struct pool {
	size_t ntasks;
	int jobs;		/* workers at most (never more than ntasks) */
	/* Each task in a process of its own (the site: its heap is thrown
	 * away after each); else a worker takes task after task until none
	 * is left (the batch: a fork per worker, not per document). */
	bool fresh;
	/* With one job, run the tasks in this process, forking nothing (the
	 * batch's -j 1, as a map step runs it); else always in workers. */
	bool here_when_one;
	/* Run task i, in a worker (or here, see above); 0 or a sysexits code. */
	int (*run)(void *ctx, size_t i);
	/* In this process, as task i ends, with the status run returned (or,
	 * when its worker died holding it, EX_SOFTWARE or the worker's exit
	 * status).  May be NULL. */
	void (*done)(void *ctx, size_t i, int status);
	/* In this process, before done, when the worker running task i died
	 * before finishing it; how is "signal 11" or "exit status 71".  May
	 * be NULL. */
	void (*died)(void *ctx, size_t i, const char *how);
	/* In this process, once the first workers are started (work of its
	 * own that need not wait for them).  May be NULL. */
	void (*meanwhile)(void *ctx);
	void *ctx;
	/* When not NULL: what the tasks report through it counts in it as if
	 * they had run here (a worker's diag is its own copy), what a worker
	 * said before it died included. */
	struct diag *diag;
	int verbosity;		/* 0: say nothing of workers that could not start */
};

/* Run every task of p; returns the worst status (the largest: an error
 * code beats 1, "warnings", beats 0).  Where no process can be made the
 * tasks run here; when fewer workers than asked for can be started, that
 * is said on stderr (unless verbosity is 0) and the tasks wait for
 * them. */
int pool_run(const struct pool *p);

/* How many workers pool_run(p) starts: jobs, but never more than there
 * are tasks; 0 when the tasks run in this process (none, or one job and
 * here_when_one). */
int pool_workers(const struct pool *p);

/* Memory this process shares with the workers it starts later (zeroed;
 * NULL when none can be mapped), and its release. */
void *pool_shared(size_t size);
void pool_unshare(void *shared, size_t size);
#endif
