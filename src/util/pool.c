/* pool.c — see pool.h.
 *
 * The wake-up: each worker has a socketpair (SOCK_SEQPACKET) with this
 * process.  This process writes a task number to it; the worker, blocked
 * in recv(), wakes, runs the task and writes back the task's status; this
 * process, blocked in poll() on every worker's socket, wakes on that (or on
 * the socket closing: the worker died, and which task it held is known
 * without asking it).  Chosen over a shared queue with a semaphore or a
 * futex because a death needs no bookkeeping in shared memory (the last
 * design's "what each worker holds" slots, read after a waitpid() polled
 * every 5 ms), over one pipe of tasks because it keeps the order tasks
 * start in and ends each worker with a close(), and over a pipe per
 * direction because one descriptor per worker is half as many (-j 1024
 * stays under the usual limit of 1024 open files once raised to the
 * hard limit).  Packets keep a message whole; MSG_NOSIGNAL keeps a write
 * to a dead worker from killing this process with SIGPIPE. */
#include "util/pool.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "util/child.h"
#include "util/xmalloc.h"

static int worse(int a, int b) { return a > b ? a : b; }

void *pool_shared(size_t size)
{
	void *p = mmap(NULL, size ? size : 1, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

void pool_unshare(void *shared, size_t size)
{
	if (shared)
		munmap(shared, size ? size : 1);
}

/* What one task reported through the diag.  Its worker counts each report
 * as it makes it into the task's slot of a mapping shared with this
 * process (one slot per task, so no two processes write the same one):
 * what a worker said before it died still counts, and the death is one
 * more error, counted by the died callback. */
struct tally {
	unsigned notes, warnings, errors;
};

/* A worker's diag collector: its task's tally, and whoever collected the
 * diag's reports before (still called). */
struct counter {
	struct tally *tally;
	void (*collect)(void *ctx, enum diag_level, int line, const char *pass, const char *msg);
	void *collect_ctx;
};

static void count_report(void *ctx, enum diag_level level, int line, const char *pass, const char *msg)
{
	struct counter *c = ctx;
	switch (level) {
	case DIAG_NOTE: c->tally->notes++; break;
	case DIAG_WARNING: c->tally->warnings++; break;
	case DIAG_ERROR: c->tally->errors++; break;
	}
	if (c->collect)
		c->collect(c->collect_ctx, level, line, pass, msg);
}

/* What a worker says when a task ends. */
struct ended {
	size_t task;
	int status;
};

/* One worker as this process sees it. */
struct worker {
	pid_t pid;	/* 0: no worker in this slot */
	int fd;		/* this process's end of its socketpair */
	long task;	/* the task it holds, or -1 */
	bool closing;	/* told there is no more (its socket shut): it exits */
};

/* The state of one pool_run. */
struct run {
	const struct pool *p;
	struct tally *tallies;	/* shared, one per task; NULL without p->diag */
	struct worker *w;
	int nw;			/* slots in w */
	size_t next;		/* the next task to hand out */
	size_t ended;		/* tasks whose status is known */
	int status;
};

/* A worker's life: recv a task number, run it, send its status; until the
 * socket says there is no more (EOF: shut by this process, or this
 * process is gone), or after one task when every task is fresh. */
static void work(const struct run *r, int fd)
{
	const struct pool *p = r->p;
	struct counter c = {NULL, NULL, NULL};
	if (p->diag) {
		c.collect = p->diag->collect;
		c.collect_ctx = p->diag->collect_ctx;
		p->diag->collect = count_report;
		p->diag->collect_ctx = &c;
	}
	size_t task;
	while (recv(fd, &task, sizeof task, 0) == (ssize_t)sizeof task) {
		if (r->tallies)
			c.tally = &r->tallies[task];
		struct ended e;
		memset(&e, 0, sizeof e);	/* (its padding too: it is sent) */
		e.task = task;
		e.status = p->run(p->ctx, task);
		fflush(NULL);
		if (send(fd, &e, sizeof e, MSG_NOSIGNAL) != (ssize_t)sizeof e || p->fresh)
			break;
	}
	fflush(NULL);
	_exit(0);
}

/* Start a worker in slot k; false (errno set) when no process or socket
 * can be made. */
static bool spawn(struct run *r, int k)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
		return false;
	fflush(NULL);
	pid_t pid = fork_bound();
	if (pid < 0) {
		int e = errno;
		close(sv[0]);
		close(sv[1]);
		errno = e;
		return false;
	}
	if (pid == 0) {
		/* the other workers' sockets are not this one's business */
		for (int j = 0; j < r->nw; j++)
			if (r->w[j].pid > 0)
				close(r->w[j].fd);
		close(sv[0]);
		work(r, sv[1]);
	}
	close(sv[1]);
	r->w[k] = (struct worker){.pid = pid, .fd = sv[0], .task = -1};
	return true;
}

/* Run task i here (no worker to run it). */
static void run_here(struct run *r, size_t i)
{
	int status = r->p->run(r->p->ctx, i);
	fflush(NULL);
	r->status = worse(r->status, status);
	if (r->p->done)
		r->p->done(r->p->ctx, i, status);
	r->ended++;
}

/* Task i ended with status. */
static void ended(struct run *r, size_t i, int status)
{
	r->status = worse(r->status, status);
	if (r->p->done)
		r->p->done(r->p->ctx, i, status);
	r->ended++;
}

/* Hand worker k its next task, or tell it there is none (it exits). */
static void hand_out(struct run *r, struct worker *w)
{
	if (r->next < r->p->ntasks) {
		size_t task = r->next;
		if (send(w->fd, &task, sizeof task, MSG_NOSIGNAL) == (ssize_t)sizeof task) {
			w->task = (long)task;
			r->next++;
			return;
		}
		/* (it died: poll() says so next) */
	}
	shutdown(w->fd, SHUT_WR);
	w->closing = true;
}

/* Worker w's socket closed: it has exited.  Reap it; the task it held, if
 * any, fails. */
static void reap(struct run *r, struct worker *w)
{
	int ws = 0;
	while (waitpid(w->pid, &ws, 0) < 0 && errno == EINTR)
		;
	close(w->fd);
	if (w->task >= 0) {
		char how[48];
		int status = EX_SOFTWARE;
		if (WIFSIGNALED(ws))
			snprintf(how, sizeof how, "signal %d", WTERMSIG(ws));
		else {
			snprintf(how, sizeof how, "exit status %d", WEXITSTATUS(ws));
			if (WEXITSTATUS(ws) > 1)
				status = WEXITSTATUS(ws);	/* xmalloc's EX_OSERR, say */
		}
		if (r->p->died)
			r->p->died(r->p->ctx, (size_t)w->task, how);
		ended(r, (size_t)w->task, status);
	}
	*w = (struct worker){.pid = 0, .fd = -1, .task = -1};
}

/* Worker w has something to say: a task ended, or (EOF) it is gone. */
static void hear(struct run *r, struct worker *w)
{
	struct ended e;
	ssize_t n;
	while ((n = recv(w->fd, &e, sizeof e, 0)) < 0 && errno == EINTR)
		;
	if (n == (ssize_t)sizeof e && w->task >= 0 && e.task == (size_t)w->task) {
		w->task = -1;
		ended(r, e.task, e.status);
		if (!r->p->fresh)
			hand_out(r, w);
		else if (!w->closing) {
			shutdown(w->fd, SHUT_WR);
			w->closing = true;
		}
		return;
	}
	if (n > 0)
		return;	/* (not a message a worker sends) */
	reap(r, w);
	/* a new worker for the tasks left */
	int k = (int)(w - r->w);
	if (r->next < r->p->ntasks && spawn(r, k))
		hand_out(r, &r->w[k]);
}

/* Start up to nw workers, each with its first task; how many started. */
static int start(struct run *r)
{
	int started = 0, why = 0;
	for (int k = 0; k < r->nw; k++) {
		if (!spawn(r, k)) {
			why = errno;
			break;
		}
		started++;
		hand_out(r, &r->w[k]);
	}
	if (started == 0 && r->p->verbosity > 0)
		fprintf(stderr, "unpress: no worker process could be started (%s): the tasks run one "
			"after the other in this one\n", strerror(why));
	else if (started < r->nw && r->p->verbosity > 0)
		fprintf(stderr, "unpress: only %d of %d worker processes could be started (%s): "
			"the tasks are shared among those\n", started, r->nw, strerror(why));
	return started;
}

/* Wait for the workers to end every task: poll() their sockets, hear what
 * each says, replace those that die.  Returns when no worker is left. */
static void serve(struct run *r)
{
	struct pollfd *fds = xcalloc((size_t)r->nw, sizeof *fds);
	int *slot = xcalloc((size_t)r->nw, sizeof *slot);
	for (;;) {
		int n = 0;
		for (int k = 0; k < r->nw; k++)
			if (r->w[k].pid > 0) {
				fds[n] = (struct pollfd){.fd = r->w[k].fd, .events = POLLIN};
				slot[n++] = k;
			}
		if (n == 0)
			break;
		if (poll(fds, (nfds_t)n, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("unpress: poll");
			/* without poll, hear each worker in turn (recv waits
			 * for it): every task handed out still ends, or its
			 * worker's death is seen, and none is counted twice */
			for (bool any = true; any;) {
				any = false;
				for (int k = 0; k < r->nw; k++)
					if (r->w[k].pid > 0) {
						any = true;
						hear(r, &r->w[k]);
					}
			}
			break;
		}
		for (int j = 0; j < n; j++)
			if (fds[j].revents)
				hear(r, &r->w[slot[j]]);
	}
	free(slot);
	free(fds);
}

/* A worker per task may need more descriptors than the soft limit allows
 * (-j 1024): raise it towards the hard limit, as far as need be. */
static void allow_descriptors(int workers)
{
	struct rlimit rl;
	rlim_t need = (rlim_t)workers * 2 + 64;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= need)
		return;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > need ? need : rl.rlim_max;
	(void)setrlimit(RLIMIT_NOFILE, &rl);
}

/* Add what the workers' tasks reported to the diag. */
static void add_tallies(const struct run *r)
{
	for (size_t i = 0; r->tallies && i < r->p->ntasks; i++) {
		r->p->diag->notes += r->tallies[i].notes;
		r->p->diag->warnings += r->tallies[i].warnings;
		r->p->diag->errors += r->tallies[i].errors;
	}
}

int pool_workers(const struct pool *p)
{
	int nw = p->jobs < 1 ? 1 : p->jobs;
	if ((size_t)nw > p->ntasks)
		nw = (int)p->ntasks;
	return nw > 1 || (nw == 1 && !p->here_when_one) ? nw : 0;
}

int pool_run(const struct pool *p)
{
	struct run r = {.p = p};
	r.nw = pool_workers(p);
	size_t tally_size = p->ntasks * sizeof *r.tallies;
	bool workers = r.nw > 0;
	/* no shared mapping, no way to hear the workers' counts: the tasks
	 * run here, as when no process can be made */
	if (workers && p->diag && !(r.tallies = pool_shared(tally_size)))
		workers = false;
	int started = 0;
	if (workers) {
		allow_descriptors(r.nw);
		r.w = xcalloc((size_t)r.nw, sizeof *r.w);
		started = start(&r);
	}
	if (p->meanwhile)
		p->meanwhile(p->ctx);
	if (started > 0)
		serve(&r);
	/* no worker at all, or every one died and none could replace it */
	while (r.next < p->ntasks)
		run_here(&r, r.next++);
	add_tallies(&r);
	pool_unshare(r.tallies, tally_size);
	free(r.w);
	return r.status;
}
