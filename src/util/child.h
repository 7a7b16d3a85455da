/* child.h — worker processes that die with the process that made them. */
#ifndef UNPRESS_CHILD_H
#define UNPRESS_CHILD_H
#include <sys/types.h>

/* fork(), and in the child ask the kernel to kill it when its parent
 * dies (kill -9 of `unpress -j N` would otherwise leave its workers and
 * page renderers running, writing into OUT, with no one to wait for
 * them).  The child also leaves at once if the parent died before it was
 * asked.  Returns what fork() returns. */
pid_t fork_bound(void);

#endif
