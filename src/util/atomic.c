#include "util/atomic.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_open(struct atomic_file *af, const char *target)
{
	memset(af, 0, sizeof(*af));
	af->target = xstrdup(target);
	size_t n = strlen(target) + 16;
	af->tmp_path = xmalloc(n);
	snprintf(af->tmp_path, n, "%s.tmpXXXXXX", target);
	int fd = mkstemp(af->tmp_path);
	if (fd < 0)
		goto fail;
	/* mkstemp makes 0600 files; outputs are ordinary published files. */
	mode_t mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	af->stream = fdopen(fd, "wb");
	if (!af->stream) {
		int saved = errno;
		close(fd);
		unlink(af->tmp_path);
		errno = saved;
		goto fail;
	}
	return 0;
fail:
	free(af->target);
	free(af->tmp_path);
	af->target = af->tmp_path = NULL;
	return -1;
}

FILE *atomic_stream(struct atomic_file *af)
{
	return af->stream;
}

int atomic_commit(struct atomic_file *af)
{
	int rc = 0;
	if (fflush(af->stream) != 0 || ferror(af->stream) || af->failed)
		rc = -1;
	/* The rename is what makes the file whole or absent for every reader
	 * and after any crash of ours.  Flushing to the disk itself (against a
	 * power cut) costs a wait per file, thousands in a batch: it is asked
	 * for with UNPRESS_FSYNC=1. */
	static int want_fsync = -1;
	if (want_fsync < 0) {
		const char *env = getenv("UNPRESS_FSYNC");
		want_fsync = env && *env && strcmp(env, "0");
	}
	if (rc == 0 && want_fsync && fsync(fileno(af->stream)) != 0 && errno != EINVAL)
		rc = -1;
	int saved = errno;
	if (fclose(af->stream) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc == 0 && rename(af->tmp_path, af->target) != 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0)
		unlink(af->tmp_path);
	free(af->target);
	free(af->tmp_path);
	af->target = af->tmp_path = NULL;
	af->stream = NULL;
	errno = saved;
	return rc;
}

void atomic_abort(struct atomic_file *af)
{
	if (af->stream)
		fclose(af->stream);
	if (af->tmp_path)
		unlink(af->tmp_path);
	free(af->target);
	free(af->tmp_path);
	af->target = af->tmp_path = NULL;
	af->stream = NULL;
}

int atomic_write(const char *target, const void *data, size_t len)
{
	struct atomic_file af;
	if (atomic_open(&af, target) != 0)
		return -1;
	if (len && fwrite(data, 1, len, af.stream) != len)
		af.failed = 1;
	return atomic_commit(&af);
}

int make_dirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int rc = mkdir(p, 0777);
	int saved = errno;
	free(p);
	if (rc != 0 && saved != EEXIST) {
		errno = saved;
		return -1;
	}
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

int make_own_dirs(const char *base, const char *sub)
{
	if (make_dirs(base) != 0)
		return -1;
	size_t n = strlen(base) + strlen(sub) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", base, sub);
	int rc = 0;
	for (char *s = p + strlen(base) + 1; rc == 0; s++) {
		if (*s && *s != '/')
			continue;
		char end = *s;
		*s = '\0';
		struct stat st;
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = -1;
		else if (lstat(p, &st) != 0)
			rc = -1;
		else if (!S_ISDIR(st.st_mode)) {
			errno = S_ISLNK(st.st_mode) ? ELOOP : ENOTDIR;
			rc = -1;
		}
		*s = end;
		if (!end)
			break;
	}
	free(p);
	return rc;
}
