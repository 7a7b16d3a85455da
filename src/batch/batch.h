/* batch/batch.h — one run of unpress over its inputs, as the command line
 * asked for it: which inputs need converting (state.h), converting them on
 * the process pool (jobs.h), two inputs under one slug, --prune, the site,
 * the summary line. */
#ifndef UNPRESS_BATCH_H
#define UNPRESS_BATCH_H
#include <stdbool.h>

#include "batch/options.h"

/* Convert (render, when render: the inputs are AKN files) the inputs
 * named in args, nargs of them, into opts->out_dir; then prune and build
 * the site if opts asks.  args is reordered in place.  Returns the exit
 * status: 0, 1 (warnings under --werror) or the worst sysexits code. */
int batch_run(struct options *opts, char **args, int nargs, bool render);
#endif
