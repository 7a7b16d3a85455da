/* stamps.h — what each generated page was made from, for the site's
 * incremental rebuild: OUT/.unpress/site-stamps holds "HASH NAME" lines (one
 * per page or index file).  A page whose inputs hash to its old stamp, and
 * which still exists, is not rendered again. */
#ifndef UNPRESS_STAMPS_H
#define UNPRESS_STAMPS_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct stamps;

/* The stamps recorded by the last build in out_dir (none when absent). */
struct stamps *stamps_load(const char *out_dir);
/* Was name (a file in out_dir) made from h, and is it still there?  (Each
 * folder is listed at the first question about a name in it: ask before
 * this build writes there.) */
bool stamps_current(struct stamps *s, const char *out_dir, const char *name, uint64_t h);
/* The hash the last build recorded for name (0: none).  Names that are not
 * files (such as "(inputs)") may be recorded too. */
uint64_t stamps_old(struct stamps *s, const char *name);
/* When the last build's stamps were written (0 when there were none). */
struct timespec stamps_written(const struct stamps *s);
/* Does every file the last build stamped (names without "(") still exist? */
bool stamps_all_exist(struct stamps *s, const char *out_dir);
/* Record that name is now made from h (0: forget it, it must be rebuilt). */
void stamps_set(struct stamps *s, const char *name, uint64_t h);
/* Write the new stamps (only names set in this build), atomically. */
int stamps_save(struct stamps *s, const char *out_dir);
/* Delete the files of out_dir whose names start with prefix, that the last
 * build stamped and this one did not: pages the site no longer makes (an
 * outside symbol that is now in the collection, or no longer cited). */
void stamps_remove_stale(struct stamps *s, const char *out_dir, const char *prefix);
void stamps_free(struct stamps *s);
#endif
