/* datadir.h — where templates/ and styles/ live, and the build time. */
#ifndef UNPRESS_DATADIR_H
#define UNPRESS_DATADIR_H
#include <time.h>
/* $UNPRESS_DATADIR, else the folder of the executable or its parent that
 * holds templates/, else "." */
const char *find_data_dir(const char *argv0);
/* SOURCE_DATE_EPOCH when set (reproducible builds), else the current time;
 * -1 when it is set but not a number of seconds from 1970 to 9999. */
time_t build_time_from_env(void);
#endif
