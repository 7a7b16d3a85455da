/* dirlist.h — a folder's file names in name order (reproducible output
 * must not depend on the order readdir happens to give). */
#ifndef UNPRESS_DIRLIST_H
#define UNPRESS_DIRLIST_H
#include <stddef.h>
/* The names in dir that do not start with "." and end with suffix ("" for
 * all), sorted; *count set.  NULL when dir cannot be opened.  Free each name
 * and the array with dirlist_free. */
char **dirlist_sorted(const char *dir, const char *suffix, size_t *count);
void dirlist_free(char **names, size_t count);
/* What dirlist_sorted keeps of a folder's names, and how it orders them
 * (shared with dirset_sorted). */
int dirlist_keeps(const char *name, const char *suffix);
void dirlist_sort(char **names, size_t count);
#endif
