/* readfile.h — reading a whole file, bounded.
 *
 * Every file unpress reads whole that someone else may have put there (an
 * input, a sidecar, an XML to render, a manifest or XML in OUT for the
 * site) is read here: a named pipe with no writer, /dev/zero, a device or
 * a file larger than the caller can use is refused with a reason instead
 * of hanging or filling the memory.  "-" is standard input. */
#ifndef UNPRESS_READFILE_H
#define UNPRESS_READFILE_H
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

enum read_flags {
	READ_STREAMS = 1,	/* also "-", /dev/stdin and other anonymous pipes (read once) */
	READ_NOFOLLOW = 2,	/* refuse a symbolic link (a file in OUT that another placed) */
};

/* The bytes of path into out (NUL-terminated), at most max of them.
 * Returns 0, or -1 with errno set and *why (may be NULL) a phrase for the
 * user ("is a named pipe, not a file", "is larger than 256 MB", …); errno
 * is ENOENT for a missing file, EFBIG for one too large. */
int read_bounded(const char *path, size_t max, unsigned flags, struct buf *out, const char **why);

/* Whether path is standard input as the command line names it ("-"). */
bool read_is_stdin(const char *path);

/* "256 MB", "64 KB": how max is said in messages (a static buffer). */
const char *read_size_text(size_t max);

#endif
