/* batch/jobs.h — the batch's documents converted (or rendered) on the
 * process pool (util/pool.h), each remembered in its state when it
 * succeeded. */
#ifndef UNPRESS_BATCH_JOBS_H
#define UNPRESS_BATCH_JOBS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "batch/convert.h"
#include "batch/options.h"
#include "batch/progress.h"
#include "batch/state.h"

/* One batch: the inputs, what each is keyed by, and what each reported. */
struct batch {
	char **files;
	size_t nfiles;
	struct state_key *keys;		/* per file; taken in the worker when not yet */
	uint64_t tool;			/* what every key shares (state_tool_hash) */
	struct convert_report *reports;	/* per file, shared with the workers (pool_shared) */
	bool render;			/* inputs are AKN files (`unpress render`) */
	const struct options *opts;
	struct progress *progress;
};

/* Convert file i here and, when it succeeded, remember what it was made
 * from; its exit status (0 and 1, warnings, are conversions). */
int jobs_run_one(struct batch *b, size_t i);
/* Convert the files listed in todo, in up to opts->jobs workers (or here
 * with one job), counting each in the progress as it ends; the worst exit
 * status.  A worker that dies fails only the document it held (said on
 * stderr) and is replaced.  The outputs do not depend on the number of
 * jobs, since each document writes only its own files. */
int jobs_run_all(struct batch *b, const size_t *todo, size_t ntodo);
#endif
