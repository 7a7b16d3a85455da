/* main.c — the command line: the options, checked, and the run they ask
 * for handed to batch/batch.h (convert each input, in parallel with -j;
 * prune; assemble the site). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "batch/batch.h"
#include "batch/options.h"
#include "util/datadir.h"
#include "util/xmalloc.h"

#ifndef UNPRESS_VERSION
#define UNPRESS_VERSION "0.1.0"
#endif

static void usage(FILE *out)
{
	fputs("Usage: unpress [OPTION]... FILE...\n"
	      "       unpress render [OPTION]... FILE.xml...\n"
	      "Republish text extracted from UN parliamentary documents as Akoma Ntoso\n"
	      "XML, HTML, Markdown and PDF, and a cross-linked site over a collection.\n"
	      "\n"
	      "  -t, --to=LIST      editions to write: xml,html,md,pdf,site (default xml)\n"
	      "  -o, --output=DIR   output folder (default output)\n"
	      "  -j, --jobs=N       convert N documents at once, 1 to 1024 (default, or 0:\n"
	      "                     one per CPU)\n"
	      "      --werror       exit 1 when any warning was reported\n"
	      "      --validate     validate each XML against the AKN schemas\n"
	      "      --manifest     write DIR/SLUG.manifest.xml for the site (map step)\n"
	      "      --force        convert every input, even those whose outputs are up to date\n"
	      "      --prune        remove from DIR the outputs of documents whose input is\n"
	      "                     gone (not among the FILEs): for a run over the whole\n"
	      "                     collection, never for the map step on a subset\n"
	      "      --base-url=URL the site's address (https://…/), for sitemap.xml's\n"
	      "                     absolute locations (without it they are relative)\n"
	      "  -q, --quiet        report errors only\n"
	      "  -v, --verbose      also report every repair the normaliser made\n"
	      "  -h, --help         show this help and exit\n"
	      "  -V, --version      show the version and exit\n"
	      "\n"
	      "Diagnostics are printed as FILE:LINE: warning: MESSAGE [pass].\n"
	      "Exit status: 0 ok, 1 warnings under --werror, 64 usage, 65 input is not\n"
	      "text, 66 input missing, 73 cannot create output, 70 internal error.\n",
	      out);
}

static int parse_editions(const char *list, unsigned *editions)
{
	*editions = 0;
	char *copy = xstrdup(list);
	char *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "xml")) *editions |= ED_XML;
		else if (!strcmp(tok, "html")) *editions |= ED_HTML;
		else if (!strcmp(tok, "md") || !strcmp(tok, "markdown")) *editions |= ED_MD;
		else if (!strcmp(tok, "pdf")) *editions |= ED_PDF;
		else if (!strcmp(tok, "site")) *editions |= ED_SITE;
		else {
			fprintf(stderr, "unpress: unknown edition '%s' (choose from xml,html,md,pdf,site)\n", tok);
			rc = -1;
		}
	}
	free(copy);
	return rc;
}

/* The site's address as --base-url gives it, checked and ending in '/':
 * an absolute http or https URL of characters that need no escaping in
 * XML or a URL (the sitemaps protocol wants absolute, escaped locations);
 * NULL after saying why. */
static const char *base_url(const char *url)
{
	const char *rest = !strncmp(url, "https://", 8) ? url + 8 : !strncmp(url, "http://", 7) ? url + 7 : NULL;
	const char *bad = NULL;
	if (!rest || !*rest || *rest == '/')
		bad = "is not an absolute http:// or https:// address";
	for (const unsigned char *p = (const unsigned char *)url; !bad && *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || strchr("\"'<>\\^`{|}#?", *p))
			bad = "has a character that would need escaping (a space, a quote, '#', '?', …): "
			      "percent-encode it";
	if (bad) {
		fprintf(stderr, "unpress: --base-url '%s' %s\n", url, bad);
		return NULL;
	}
	size_t n = strlen(url);
	if (url[n - 1] == '/')
		return url;
	char *slashed = xmalloc(n + 2);
	memcpy(slashed, url, n);
	memcpy(slashed + n, "/", 2);
	return slashed;
}

/* The number -j or --jobs gives: 0 (one per CPU, chosen later) to
 * JOBS_MAX; -1 after saying why not.  Every job is a worker process with
 * a document of its own in memory: more than JOBS_MAX is a typing slip,
 * not a machine. */
enum { JOBS_MAX = 1024 };
static int parse_jobs(const char *arg)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (end == arg || *end || errno || n < 0 || n > JOBS_MAX) {
		fprintf(stderr, "unpress: -j wants a number of jobs from 1 to %d (0: one per CPU), not '%s'\n",
			JOBS_MAX, arg);
		return -1;
	}
	return (int)n;
}

/* Read the options into *opts (the operands start at optind); 0, -1 when
 * main is to exit 0 (--help, --version), else EX_USAGE after saying
 * why. */
static int parse_options(int argc, char **argv, struct options *opts)
{
	static const struct option long_options[] = {
		{"to", required_argument, NULL, 't'},
		{"output", required_argument, NULL, 'o'},
		{"jobs", required_argument, NULL, 'j'},
		{"werror", no_argument, NULL, 'W'},
		{"validate", no_argument, NULL, 'S'},
		{"manifest", no_argument, NULL, 'M'},
		{"force", no_argument, NULL, 'F'},
		{"prune", no_argument, NULL, 'P'},
		{"quiet", no_argument, NULL, 'q'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"base-url", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "t:o:j:qvhV", long_options, NULL)) != -1) {
		switch (c) {
		case 't':
			if (parse_editions(optarg, &opts->editions) != 0)
				return EX_USAGE;
			break;
		case 'o': opts->out_dir = optarg; break;
		case 'j':
			if ((opts->jobs = parse_jobs(optarg)) < 0)
				return EX_USAGE;
			break;
		case 'W': opts->werror = true; break;
		case 'S': opts->validate = true; break;
		case 'M': opts->manifest = true; break;
		case 'F': opts->force = true; break;
		case 'P': opts->prune = true; break;
		case 'B':
			if (!(opts->base_url = base_url(optarg)))
				return EX_USAGE;
			break;
		case 'q': opts->verbosity = 0; break;
		case 'v': opts->verbosity = 2; break;
		case 'h': usage(stdout); return -1;
		case 'V': printf("unpress %s\n", UNPRESS_VERSION); return -1;
		default:
			fputs("Try 'unpress --help' for more information.\n", stderr);
			return EX_USAGE;
		}
	}
	return 0;
}

/* What the options leave to the environment: the jobs (one per core), the
 * data folder, the build time (SOURCE_DATE_EPOCH); 0 or EX_USAGE after
 * saying why. */
static int complete_options(struct options *opts, const char *argv0)
{
	if (opts->jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		opts->jobs = n > 0 ? (n < JOBS_MAX ? (int)n : JOBS_MAX) : 1;
		if (opts->verbosity > 1)
			fprintf(stderr, "unpress: %d job%s, one per CPU (-j N to choose)\n", opts->jobs,
				opts->jobs == 1 ? "" : "s");
	}
	opts->data_dir = find_data_dir(argv0);
	opts->build_time = build_time_from_env();
	if (opts->build_time == (time_t)-1) {
		fprintf(stderr, "unpress: SOURCE_DATE_EPOCH='%s' is not a number of seconds since 1970 "
			"(up to the end of the year 9999)\n", getenv("SOURCE_DATE_EPOCH"));
		return EX_USAGE;
	}
	/* The site reads manifests: converting documents for a site writes them. */
	if (opts->editions & ED_SITE)
		opts->manifest = true;
	return 0;
}

int main(int argc, char **argv)
{
	struct options opts = {
		.editions = ED_XML,
		.out_dir = "output",
		.jobs = 0,
		.verbosity = 1,
	};
	bool render = argc > 1 && !strcmp(argv[1], "render");
	if (render) {
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	int rc = parse_options(argc, argv, &opts);
	if (rc)
		return rc < 0 ? 0 : rc;
	/* --prune alone is a request too: every document in OUT is gone */
	if (optind >= argc && !(opts.editions & ED_SITE) && !opts.prune) {
		fputs("unpress: no input files\nTry 'unpress --help' for more information.\n", stderr);
		return EX_USAGE;
	}
	if ((rc = complete_options(&opts, argv[0])) != 0)
		return rc;
	return batch_run(&opts, argv + optind, argc - optind, render);
}
