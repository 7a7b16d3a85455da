#include "util/dirlist.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int dirlist_keeps(const char *name, const char *suffix)
{
	size_t len = strlen(name), slen = strlen(suffix);
	return name[0] != '.' && len >= slen && !strcmp(name + len - slen, suffix) && !(slen && len == slen);
}

void dirlist_sort(char **names, size_t count)
{
	if (count > 1)	/* (qsort must not be given a null array) */
		qsort(names, count, sizeof *names, cmp_names);
}

char **dirlist_sorted(const char *dir_path, const char *suffix, size_t *count)
{
	DIR *dir = opendir(dir_path);
	if (!dir)
		return NULL;
	size_t n = 0, cap = 16;
	char **names = xmalloc(cap * sizeof *names);
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (!dirlist_keeps(e->d_name, suffix))
			continue;
		if (n == cap)
			names = xrealloc(names, (cap *= 2) * sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	dirlist_sort(names, n);
	*count = n;
	return names;
}

void dirlist_free(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
}
