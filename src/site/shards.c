/* shards.c — see site.h: site_shard_count. */
#include "site/site.h"

#include <stdlib.h>

size_t site_shard_count(size_t ndocs, size_t per, const char *knob, size_t max)
{
	const char *env = getenv(knob);
	long n = env ? strtol(env, NULL, 10) : 0;
	if (n >= 1 && n <= 1000000)
		per = (size_t)n;
	size_t shards = 1;
	while (shards < max && shards * per < ndocs)
		shards *= 2;
	return shards;
}
