/* pool.c — see pool.h. */
#include "site/pool.h"

#include <errno.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

static int merge(int status, int next) { return status ? status : next; }

int pool_run(size_t ntasks, int jobs, pool_task_fn run, void *ctx, void (*meanwhile)(void *), void *mctx)
{
	if (jobs < 1)
		jobs = 1;
	int status = 0, running = 0;
	size_t next = 0;
	fflush(NULL);
	while (next < ntasks || running > 0) {
		while (running < jobs && next < ntasks) {
			size_t i = next++;
			pid_t pid = fork();
			if (pid == 0) {
				int rc = run(ctx, i);
				fflush(NULL);
				_exit(rc);
			}
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
		status = merge(status, WIFEXITED(ws) ? WEXITSTATUS(ws) : EX_SOFTWARE);
	}
	if (meanwhile) /* (no task) */
		meanwhile(mctx);
	return status;
}
