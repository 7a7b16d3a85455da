/* progress.c — see progress.h. */
#include "batch/progress.h"

#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, unsigned total, unsigned skipped, int verbosity)
{
	*p = (struct progress){
		.out = stderr,
		.live = verbosity > 0 && isatty(STDERR_FILENO),
		.total = total,
		.skipped = skipped,
		.start = now(),
	};
}

static void draw(struct progress *p, const char *phase)
{
	double t = now(), elapsed = t - p->start;
	unsigned done = p->skipped + p->done;
	fprintf(p->out, "\r\033[K[%*u/%u]", p->total >= 10000 ? 5 : p->total >= 1000 ? 4 : 3, done, p->total);
	if (phase)
		fprintf(p->out, " %s", phase);
	else if (p->done > 0 && elapsed > 0) {
		double rate = p->done / elapsed;
		double left = (p->total - done) / rate;
		fprintf(p->out, " %.1f doc/s, %u:%02u left", rate, (unsigned)left / 60, (unsigned)left % 60);
	}
	fflush(p->out);
	p->drawn = true;
	p->last_draw = t;
}

void progress_step(struct progress *p, unsigned warnings, unsigned errors, bool failed)
{
	p->failed += failed;
	p->done++;
	p->warnings += warnings;
	p->errors += errors;
	/* a redraw per document would cost more than the document itself on a
	 * slow terminal: ten a second is plenty */
	if (p->live && (now() - p->last_draw >= 0.1 || p->skipped + p->done == p->total))
		draw(p, NULL);
}

void progress_phase(struct progress *p, const char *what)
{
	if (p->live)
		draw(p, what);
}

void progress_clear(struct progress *p)
{
	if (p->drawn) {
		fputs("\r\033[K", p->out);
		fflush(p->out);
		p->drawn = false;
	}
}

void progress_summary(struct progress *p, bool site_changed)
{
	progress_clear(p);
	double elapsed = now() - p->start;
	if (p->done == 0 && !site_changed && p->removed == 0) {
		fprintf(p->out, "unpress: %u document%s up to date\n", p->total, p->total == 1 ? "" : "s");
		return;
	}
	char failed[32] = "", removed[48] = "";
	if (p->failed)
		snprintf(failed, sizeof failed, ", %u failed", p->failed);
	/* not among the documents counted first: their inputs are not given */
	if (p->removed)
		snprintf(removed, sizeof removed, ", %u gone document%s removed", p->removed,
			 p->removed == 1 ? "" : "s");
	fprintf(p->out, "unpress: %u document%s (%u converted, %u up to date%s)%s, %u warning%s, %u error%s, %.1f s\n",
		p->total, p->total == 1 ? "" : "s", p->done - p->failed, p->skipped, failed, removed,
		p->warnings, p->warnings == 1 ? "" : "s", p->errors, p->errors == 1 ? "" : "s", elapsed);
}
