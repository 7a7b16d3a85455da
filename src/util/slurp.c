#include "util/slurp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/readfile.h"
#include "util/xmalloc.h"

/* What slurp reads at most: its callers read unpress's own files (a site
 * index shard, a manifest, a state file), which are far smaller. */
#define SLURP_MAX ((size_t)512 << 20)

char *slurp(const char *path, size_t *len)
{
	/* a regular file only (a named pipe placed in OUT would never end),
	 * with a bound */
	struct buf b = BUF_INIT;
	if (read_bounded(path, SLURP_MAX, 0, &b, NULL) != 0) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return b.data ? b.data : xstrdup("");
}
