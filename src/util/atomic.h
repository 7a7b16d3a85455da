/* atomic.h — an output file is written whole or not at all.
 *
 * atomic_open creates a temporary file beside the target; the caller writes
 * through atomic_stream(); atomic_commit flushes, fsyncs and renames it over
 * the target, atomic_abort deletes it.  A failed or interrupted conversion
 * therefore never replaces a good output with a broken one. */
#ifndef UNPRESS_ATOMIC_H
#define UNPRESS_ATOMIC_H
#include <stddef.h>
#include <stdio.h>

struct atomic_file {
	char *target;
	char *tmp_path;
	FILE *stream;
	int failed;
};

/* Returns 0, or -1 with errno set (the caller reports EX_CANTCREAT). */
int atomic_open(struct atomic_file *af, const char *target);
FILE *atomic_stream(struct atomic_file *af);
int atomic_commit(struct atomic_file *af);
void atomic_abort(struct atomic_file *af);
/* Convenience: write a whole buffer to target atomically. */
int atomic_write(const char *target, const void *data, size_t len);
/* mkdir -p; 0 or -1 with errno. */
int make_dirs(const char *path);
/* mkdir -p base/sub, where sub's folders are unpress's own (.unpress,
 * search): base may be a link the user made, but a folder of sub that is
 * a link (another's, in a folder others fill) is refused (-1, ELOOP), so
 * that nothing is written through it outside base. */
int make_own_dirs(const char *base, const char *sub);
#endif
