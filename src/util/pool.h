/* pool.h — run a list of tasks in child processes, up to jobs at a time.
 *
 * Why children: the site's parent holds the whole corpus index, and a page
 * rendered in it would leave its garbage in the parent's heap (glibc's free
 * lists grew with every page: 8,000 pages took 10.8 times as long as
 * 1,000); a child renders its share and exits.  Tasks must write only their
 * own files, so the result does not depend on the order they finish in. */
#ifndef UNPRESS_SITE_POOL_H
#define UNPRESS_SITE_POOL_H
#include <stddef.h>

#include "util/diag.h"

/* Run task number i; returns 0 or a sysexits code. */
typedef int (*pool_task_fn)(void *ctx, size_t i);

/* Run tasks 0..ntasks-1, each in a child (started in order, up to jobs at a
 * time; where no process can be made, in this one).  Once the first
 * children are started, meanwhile(mctx) runs in this process (when not
 * NULL): work of the parent's own that need not wait for them.  What the
 * tasks report through diag counts in diag, as if they had run here (a
 * child's diag is its own copy); a child that dies is an error there.
 * Returns 0 when every task succeeded, else the first failure's status
 * (EX_SOFTWARE for a child that died). */
int pool_run(size_t ntasks, int jobs, pool_task_fn run, void *ctx, void (*meanwhile)(void *), void *mctx,
	     struct diag *diag);
#endif
