/* arena.c — bump allocator in chunks; see arena.h. */
#include "util/arena.h"
#include "util/xmalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Chunks grow with the arena: each new one is as large as everything
 * handed out so far (between 64 KiB and 8 MiB), so a long document uses a
 * few dozen chunks, not thousands.  Many small chunks cost twice: glibc
 * consolidates its free lists on every free of 64 KiB or more, and a
 * 4 MB input spent 6 % of its conversion freeing 64 KiB chunks. */
enum { ARENA_CHUNK_MIN = 64 * 1024, ARENA_CHUNK_MAX = 8 * 1024 * 1024 };

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

void arena_init(struct arena *arena)
{
	arena->head = NULL;
	arena->total = 0;
}

void arena_free(struct arena *arena)
{
	struct arena_chunk *chunk = arena->head;
	while (chunk) {
		struct arena_chunk *next = chunk->next;
		free(chunk);
		chunk = next;
	}
	arena->head = NULL;
	arena->total = 0;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	/* the alignment any object needs (16 here), not max_align_t's size
	 * (32): rounding each of cmark's nodes to 32 cost a tenth of a
	 * parse's memory */
	const size_t align = _Alignof(max_align_t);
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	struct arena_chunk *chunk = arena->head;
	if (!chunk || chunk->size - chunk->used < size) {
		size_t grow = arena->total < ARENA_CHUNK_MIN ? ARENA_CHUNK_MIN
			    : arena->total > ARENA_CHUNK_MAX ? ARENA_CHUNK_MAX : arena->total;
		size_t want = size > grow ? size : grow;
		/* Big requests get a chunk of their own behind the current one,
		 * so the free space of the current chunk is not lost. */
		chunk = xmalloc(sizeof(*chunk) + want);
		chunk->used = 0;
		chunk->size = want;
		if (arena->head && size > grow) {
			chunk->next = arena->head->next;
			arena->head->next = chunk;
		} else {
			chunk->next = arena->head;
			arena->head = chunk;
		}
	}
	void *p = (char *)chunk->data + chunk->used;
	chunk->used += size;
	arena->total += size;
	return p;
}

void *arena_zalloc(struct arena *arena, size_t size)
{
	void *p = arena_alloc(arena, size);
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *arena, const char *s, size_t n)
{
	char *p = arena_alloc(arena, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *arena, const char *s)
{
	return arena_strndup(arena, s, strlen(s));
}

char *arena_concat(struct arena *arena, int n, ...)
{
	va_list ap;
	size_t total = 0;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		total += strlen(va_arg(ap, const char *));
	va_end(ap);
	char *out = arena_alloc(arena, total + 1), *o = out;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *s = va_arg(ap, const char *);
		size_t len = strlen(s);
		memcpy(o, s, len);
		o += len;
	}
	va_end(ap);
	*o = '\0';
	return out;
}

char *arena_printf(struct arena *arena, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(arena, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void ptr_vec_push(struct arena *arena, struct ptr_vec *vec, void *item)
{
	if (vec->len == vec->cap) {
		size_t cap = vec->cap ? vec->cap * 2 : 16;
		void **items = arena_alloc(arena, cap * sizeof(*items));
		if (vec->len)
			memcpy(items, vec->items, vec->len * sizeof(*items));
		vec->items = items;
		vec->cap = cap;
	}
	vec->items[vec->len++] = item;
}
