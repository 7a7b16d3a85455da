#include "util/slurp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xmalloc.h"

char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&b, chunk, got);
	int failed = ferror(f);
	fclose(f);
	if (failed) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return b.data ? b.data : xstrdup("");
}
