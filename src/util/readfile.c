/* readfile.c — see readfile.h. */
#include "util/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool read_is_stdin(const char *path)
{
	return !strcmp(path, "-");
}

const char *read_size_text(size_t max)
{
	static char text[32];
	if (max >= 1u << 20)
		snprintf(text, sizeof text, "%zu MB", max >> 20);
	else
		snprintf(text, sizeof text, "%zu KB", max >> 10);
	return text;
}

/* What kind of thing st is, when it is not one read_bounded reads. */
static const char *refusal(const struct stat *st, const char *path, unsigned flags, int fd)
{
	if (S_ISREG(st->st_mode))
		return NULL;
	if (S_ISDIR(st->st_mode))
		return "is a directory, not a text file";
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		/* a terminal given as "-" is read like a pipe */
		return fd == 0 && (flags & READ_STREAMS) && isatty(0) ? NULL : "is a device, not a file";
	if (S_ISFIFO(st->st_mode) || S_ISSOCK(st->st_mode)) {
		if (!(flags & READ_STREAMS))
			return "is a pipe or socket, not a file";
		/* a pipe that has a name in a folder may have no writer and
		 * never end; one reached through /dev/stdin or /dev/fd/N (a
		 * shell's process substitution) is the caller's own */
		struct stat named;
		if (fd != 0 && lstat(path, &named) == 0 && (S_ISFIFO(named.st_mode) || S_ISSOCK(named.st_mode)))
			return "is a named pipe, not a file: give its text on standard input ('-') instead";
		return NULL;
	}
	return "is not a regular file";
}

int read_bounded(const char *path, size_t max, unsigned flags, struct buf *out, const char **why)
{
	const char *dummy;
	if (!why)
		why = &dummy;
	*why = NULL;
	int fd;
	if ((flags & READ_STREAMS) && read_is_stdin(path))
		fd = 0;
	else {
		/* O_NONBLOCK: opening a named pipe with no writer must not wait */
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
				(flags & READ_NOFOLLOW ? O_NOFOLLOW : 0));
		if (fd < 0) {
			int saved = errno;
			*why = saved == ELOOP && (flags & READ_NOFOLLOW) ? "is a symbolic link, not a file"
									   : strerror(saved);
			errno = saved;
			return -1;
		}
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		int saved = errno;
		*why = strerror(saved);
		if (fd)
			close(fd);
		errno = saved;
		return -1;
	}
	*why = refusal(&st, path, flags, fd);
	if (*why) {
		if (fd)
			close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return -1;
	}
	if (fd && !S_ISREG(st.st_mode))
		(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		if (fd)
			close(fd);
		*why = "is too large";
		errno = EFBIG;
		return -1;
	}
	/* room for the whole file at once (a pipe or a growing file reads on) */
	buf_grow(out, S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536);
	for (;;) {
		if (out->cap - out->len < 2)	/* full: one byte for read, one for NUL */
			buf_grow(out, out->cap);
		size_t room = out->cap - out->len - 1;
		if (room > max + 1 - out->len)
			room = max + 1 - out->len;
		ssize_t r = read(fd, out->data + out->len, room);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			*why = strerror(saved);
			if (fd)
				close(fd);
			errno = saved;
			return -1;
		}
		if (r == 0)
			break;
		out->len += (size_t)r;
		out->data[out->len] = '\0';
		if (out->len > max) {	/* a growing file or an endless stream */
			if (fd)
				close(fd);
			*why = "is too large";
			errno = EFBIG;
			return -1;
		}
	}
	if (fd)
		close(fd);
	buf_cstr(out);
	return 0;
}
