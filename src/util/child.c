/* child.c — see child.h. */
#include "util/child.h"

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

pid_t fork_bound(void)
{
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		(void)prctl(PR_SET_PDEATHSIG, SIGKILL);
		/* the parent may have died between fork and prctl */
		if (getppid() != parent)
			_exit(1);
	}
	return pid;
}
