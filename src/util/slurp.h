/* slurp.h — a whole file in memory. */
#ifndef UNPRESS_SLURP_H
#define UNPRESS_SLURP_H
#include <stddef.h>
/* The bytes of path, NUL-terminated, length in *len; NULL when it cannot be
 * read or is not a regular file (util/readfile.h).  The caller frees it. */
char *slurp(const char *path, size_t *len);
#endif
