/* arena.h — one allocation region per document.
 *
 * Everything a conversion allocates (blocks, strings, footnotes, metadata)
 * comes from the document's arena and is released in one call when the
 * document is done, so a batch never accumulates memory across documents
 * and no pass needs to track ownership. */
#ifndef UNPRESS_ARENA_H
#define UNPRESS_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t total;		/* bytes handed out, for diagnostics and tests */
};

void arena_init(struct arena *arena);
void arena_free(struct arena *arena);
/* Never returns NULL: out of memory aborts with a message (EX_OSERR). */
void *arena_alloc(struct arena *arena, size_t size);
void *arena_zalloc(struct arena *arena, size_t size);
char *arena_strndup(struct arena *arena, const char *s, size_t n);
char *arena_strdup(struct arena *arena, const char *s);
/* The concatenation of n strings (no format parsing: for long texts). */
char *arena_concat(struct arena *arena, int n, ...);
char *arena_printf(struct arena *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Growable array of pointers, its storage in an arena (old storage is simply
 * abandoned when it grows; doubling keeps the waste below half). */
struct ptr_vec {
	void **items;
	size_t len, cap;
};
void ptr_vec_push(struct arena *arena, struct ptr_vec *vec, void *item);

#endif
