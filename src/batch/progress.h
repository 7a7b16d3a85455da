/* progress.h — the batch's voice on the terminal: one line redrawn while
 * documents are converted ("[ 120/8000] 37.5 doc/s, 3:30 left") when
 * stderr is a terminal, and a summary line at the end. */
#ifndef UNPRESS_PROGRESS_H
#define UNPRESS_PROGRESS_H
#include <stdbool.h>
#include <stdio.h>

struct progress {
	FILE *out;
	bool live;		/* redraw a line: stderr is a terminal and not -q */
	bool drawn;		/* a line is on screen now */
	unsigned total;		/* documents given */
	unsigned skipped;	/* up to date, counted as done at the start */
	unsigned done;		/* converted (or failed) so far */
	unsigned failed;	/* of those, how many failed */
	unsigned warnings, errors;
	unsigned removed;	/* documents whose input is gone, removed (--prune) */
	double start, last_draw;
};

void progress_start(struct progress *p, unsigned total, unsigned skipped, int verbosity);
/* One more document finished converting. */
void progress_step(struct progress *p, unsigned warnings, unsigned errors, bool failed);
/* Say what a later phase is doing ("building the site"), on the live line. */
void progress_phase(struct progress *p, const char *what);
/* Erase the live line (before other output, and at the end). */
void progress_clear(struct progress *p);
/* "unpress: 20 documents (18 converted, 2 up to date), 3 warnings, 0 errors,
 * 1.2 s" (", 1 gone document removed" before the warnings after --prune
 * removed one) — or "unpress: 5 documents up to date" when nothing was
 * done. */
void progress_summary(struct progress *p, bool site_changed);
#endif
