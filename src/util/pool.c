/* pool.c — see pool.h. */
#include "util/pool.h"
#include "util/child.h"

#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

static int merge(int status, int next) { return status ? status : next; }

/* What one task reported through the diag.  Its child counts each report
 * as it makes it into the task's slot of a mapping shared with this
 * process (one slot per task, so no two processes write the same one):
 * what a child said before it died still counts, and the death is one
 * more error, counted here. */
struct tally {
	unsigned notes, warnings, errors;
};

/* A child's diag collector: its task's tally, and whoever collected the
 * diag's reports before (still called). */
struct child {
	struct tally *tally;
	void (*collect)(void *ctx, enum diag_level, int line, const char *pass, const char *msg);
	void *collect_ctx;
};

static void count_report(void *ctx, enum diag_level level, int line, const char *pass, const char *msg)
{
	struct child *c = ctx;
	switch (level) {
	case DIAG_NOTE: c->tally->notes++; break;
	case DIAG_WARNING: c->tally->warnings++; break;
	case DIAG_ERROR: c->tally->errors++; break;
	}
	if (c->collect)
		c->collect(c->collect_ctx, level, line, pass, msg);
}

/* Run task i in a child, counting what it reports in *tally. */
static void run_child(pool_task_fn run, void *ctx, size_t i, struct diag *diag, struct tally *tally)
{
	struct child c = {tally, diag->collect, diag->collect_ctx};
	diag->collect = count_report;
	diag->collect_ctx = &c;
	int rc = run(ctx, i);
	fflush(NULL);
	_exit(rc);
}

int pool_run(size_t ntasks, int jobs, pool_task_fn run, void *ctx, void (*meanwhile)(void *), void *mctx,
	     struct diag *diag)
{
	if (jobs < 1)
		jobs = 1;
	/* no shared mapping, no way to hear the children's counts: the tasks
	 * run here, as when no process can be made */
	struct tally *tallies = NULL;
	size_t size = (ntasks ? ntasks : 1) * sizeof *tallies;
	void *shared = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared != MAP_FAILED)
		tallies = shared; /* (zeroed) */
	int status = 0, running = 0;
	size_t next = 0;
	fflush(NULL);
	while (next < ntasks || running > 0) {
		while (running < jobs && next < ntasks) {
			size_t i = next++;
			pid_t pid = tallies ? fork_bound() : -1;
			if (pid == 0)
				run_child(run, ctx, i, diag, &tallies[i]);
			if (pid < 0) /* no process: run it here */
				status = merge(status, run(ctx, i));
			else
				running++;
		}
		if (meanwhile) {
			meanwhile(mctx);
			meanwhile = NULL;
		}
		if (running == 0)
			continue;
		int ws;
		pid_t done = wait(&ws);
		if (done < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		running--;
		if (WIFSIGNALED(ws))
			diag_error(diag, 0, "site", "a rendering process died (signal %d): its pages are not rebuilt",
				   WTERMSIG(ws));
		status = merge(status, WIFEXITED(ws) ? WEXITSTATUS(ws) : EX_SOFTWARE);
	}
	if (meanwhile) /* (no task) */
		meanwhile(mctx);
	for (size_t i = 0; tallies && i < ntasks; i++) {
		diag->notes += tallies[i].notes;
		diag->warnings += tallies[i].warnings;
		diag->errors += tallies[i].errors;
	}
	if (tallies)
		munmap(tallies, size);
	return status;
}
