/* buf.h — growable byte buffer (heap, not arena: used for output text that
 * outlives no document and for scratch work that is rebuilt often). */
#ifndef UNPRESS_BUF_H
#define UNPRESS_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;	/* always NUL-terminated when len > 0 or after buf_cstr */
	size_t len, cap;
};

#define BUF_INIT {NULL, 0, 0}

void buf_grow(struct buf *b, size_t extra);
void buf_put(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
/* One byte: inline, since the passes append byte by byte in their loops. */
static inline void buf_putc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
const char *buf_cstr(struct buf *b);
void buf_clear(struct buf *b);
void buf_free(struct buf *b);
#endif
