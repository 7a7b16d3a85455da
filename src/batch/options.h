/* batch/options.h — what the command line asked for. */
#ifndef UNPRESS_OPTIONS_H
#define UNPRESS_OPTIONS_H
#include <stdbool.h>
#include <time.h>

enum edition_flag {
	ED_XML = 1 << 0,
	ED_HTML = 1 << 1,
	ED_MD = 1 << 2,
	ED_PDF = 1 << 3,
	ED_SITE = 1 << 4,
};

struct options {
	unsigned editions;	/* enum edition_flag bits */
	const char *out_dir;
	int jobs;
	bool werror;
	int verbosity;		/* 0 -q, 1 default, 2 -v */
	bool validate;		/* validate each XML against the schemas */
	bool manifest;		/* write the per-document manifest (the map step) */
	bool force;		/* convert even what is up to date (--force) */
	bool prune;		/* remove the outputs of inputs that are gone (--prune) */
	const char *data_dir;
	time_t build_time;
	const char *base_url;	/* --base-url: the site's address, ending in '/' (or NULL) */
};

#endif
