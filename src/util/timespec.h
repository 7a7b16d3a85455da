/* timespec.h — comparing the times files are stamped with. */
#ifndef UNPRESS_TIMESPEC_H
#define UNPRESS_TIMESPEC_H
#include <stdbool.h>
#include <time.h>

/* Is a strictly earlier than b? */
static inline bool ts_before(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}
#endif
