/* dirset.h — the names in a folder, listed once, to ask "is NAME there?"
 * many times: for thousands of outputs one readdir pass costs a fraction
 * of a stat() per name, which walks the whole path every time. */
#ifndef UNPRESS_DIRSET_H
#define UNPRESS_DIRSET_H
#include <stdbool.h>
#include <stddef.h>

struct dirset;

/* Was name (one component, no '/') in the folder when it was listed? */
bool dirset_has(const struct dirset *s, const char *name);
/* The names that do not start with "." and end with suffix, sorted (as
 * dirlist_sorted gives them: free with dirlist_free); NULL when the folder
 * could not be read. */
char **dirset_sorted(const struct dirset *s, const char *suffix, size_t *count);

/* The process's listing of dir (by its name as given), made at the first
 * call and kept: the batch's look at its inputs, the site's manifests and
 * its stamps all ask about the same output folder, and a listing of
 * thousands of names costs milliseconds.  Whoever writes into a folder
 * after it was listed calls dirset_forget; the sets are then freed. */
const struct dirset *dirset_of(const char *dir);
void dirset_forget(void);
#endif
