/* dirset.h — the names in a folder, listed once, to ask "is NAME there?"
 * many times: for thousands of outputs one readdir pass costs a fraction
 * of a stat() per name, which walks the whole path every time. */
#ifndef UNPRESS_DIRSET_H
#define UNPRESS_DIRSET_H
#include <stdbool.h>

struct dirset;

/* The names in dir now (every entry: files, folders, hidden names).  A
 * folder that cannot be read gives an empty set. */
struct dirset *dirset_list(const char *dir);
/* Was name (one component, no '/') in the folder when it was listed? */
bool dirset_has(const struct dirset *s, const char *name);
void dirset_free(struct dirset *s);
#endif
