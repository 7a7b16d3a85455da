#include "util/dirlist.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **dirlist_sorted(const char *dir_path, const char *suffix, size_t *count)
{
	DIR *dir = opendir(dir_path);
	if (!dir)
		return NULL;
	size_t n = 0, cap = 16, slen = strlen(suffix);
	char **names = xmalloc(cap * sizeof *names);
	struct dirent *e;
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < slen || strcmp(e->d_name + len - slen, suffix) ||
		    (slen && len == slen))
			continue;
		if (n == cap)
			names = xrealloc(names, (cap *= 2) * sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof *names, cmp_names);
	*count = n;
	return names;
}

void dirlist_free(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
}
