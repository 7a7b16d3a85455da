#include "util/datadir.h"
#include <limits.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int has_templates(const char *dir)
{
	char path[PATH_MAX + 16];
	struct stat st;
	snprintf(path, sizeof path, "%s/templates", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *find_data_dir(const char *argv0)
{
	static char dir[PATH_MAX];
	const char *env = getenv("UNPRESS_DATADIR");
	if (env && *env)
		return env;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
	if (n <= 0) {
		if (!realpath(argv0, dir))
			return ".";
		n = (ssize_t)strlen(dir);
	}
	dir[n] = '\0';
	for (int up = 0; up < 3; up++) {
		char *slash = strrchr(dir, '/');
		if (!slash)
			break;
		*slash = '\0';
		if (has_templates(dir))
			return dir;
	}
	return ".";
}

/* The latest moment a four-digit year can name: 9999-12-31T23:59:59Z
 * (the PDF's creation date and the HTML's have four digits for it). */
#define LATEST_TIME 253402300799LL

time_t build_time_from_env(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (!sde || !*sde)
		return time(NULL);
	/* reproducible-builds.org: a malformed value is an error, never
	 * quietly the current time */
	bool digits = strspn(sde, "0123456789") == strlen(sde) && strlen(sde) <= 12;
	long long t = digits ? strtoll(sde, NULL, 10) : -1;
	if (!digits || t > LATEST_TIME)
		return (time_t)-1;
	return (time_t)t;
}
