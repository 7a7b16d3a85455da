/* xmalloc.h — allocation that never returns NULL.  unpress cannot do useful
 * work without memory, so running out reports and exits with EX_OSERR. */
#ifndef UNPRESS_XMALLOC_H
#define UNPRESS_XMALLOC_H
#include <stddef.h>
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
/* The first n bytes of s (fewer when s ends before), and a NUL. */
char *xstrndup(const char *s, size_t n);
#endif
