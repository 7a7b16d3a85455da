/* read/input.h — read an input file and make it clean UTF-8 text, or refuse it
 * with a sysexits code and a message saying why. */
#ifndef UNPRESS_INPUT_H
#define UNPRESS_INPUT_H
#include <stddef.h>
#include "util/arena.h"
#include "util/diag.h"

/* Reads path into *text (arena-owned, NUL-terminated) as UTF-8 with LF line
 * ends, no BOM and no C0 controls but tab, newline and form feed.  Returns 0
 * or EX_NOINPUT / EX_DATAERR after reporting through diag. */
int input_read(const char *path, struct arena *arena, struct diag *diag,
	       char **text, size_t *len);
/* The same from bytes already in memory (tests, fuzzing). */
int input_decode(const char *bytes, size_t n, struct arena *arena, struct diag *diag,
		 char **text, size_t *len);
#endif
