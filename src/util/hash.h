/* hash.h — a fast 64-bit content hash for change detection (incremental
 * rebuilds), not for security: it tells "these bytes changed" from "these
 * bytes are the same", nothing more. */
#ifndef UNPRESS_HASH_H
#define UNPRESS_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HASH_INIT UINT64_C(0x243f6a8885a308d3)

/* Fold len bytes into h.  Each call also folds in len, so
 * add(add(h,"ab"),"c") differs from add(add(h,"a"),"bc"). */
uint64_t hash_add(uint64_t h, const void *data, size_t len);
uint64_t hash_str(uint64_t h, const char *s);	/* s may be NULL */
/* Fold a whole file's bytes into *h; 0, or -1 with errno set. */
int hash_file(uint64_t *h, const char *path);
#endif
