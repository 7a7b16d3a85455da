/* main.c — the command line: parse options, convert each input (in
 * parallel with -j), then assemble the site if asked. */
#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "convert.h"
#include "edition.h"
#include "options.h"
#include "util/datadir.h"

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
	      "  -j, --jobs=N       convert N documents at once (default: number of cores)\n"
	      "      --werror       exit 1 when any warning was reported\n"
	      "      --validate     validate each XML against the AKN schemas\n"
	      "      --manifest     write DIR/SLUG.manifest.xml for the site (map step)\n"
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
	char *copy = strdup(list);
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

/* Worse outcomes win: an error code beats "warnings" beats success. */
static int merge_status(int a, int b)
{
	if (a > 1 || b > 1)
		return a > b ? a : b;
	return a > b ? a : b;
}

typedef int (*job_fn)(const char *path, const struct options *opts);

/* Run job over every file, up to opts->jobs at a time.  With more than one
 * job each document is converted in its own process, so one document can
 * neither crash nor corrupt another; the order of outputs does not depend on
 * the number of jobs, since each document writes only its own files. */
static int run_all(job_fn job, char **files, int nfiles, const struct options *opts)
{
	int status = 0;
	if (opts->jobs <= 1 || nfiles <= 1) {
		for (int i = 0; i < nfiles; i++)
			status = merge_status(status, job(files[i], opts));
		return status;
	}
	int running = 0, next = 0;
	fflush(NULL);
	while (next < nfiles || running > 0) {
		while (running < opts->jobs && next < nfiles) {
			pid_t pid = fork();
			if (pid < 0) {
				status = merge_status(status, job(files[next++], opts));
				continue;
			}
			if (pid == 0) {
				int rc = job(files[next], opts);
				fflush(NULL);
				_exit(rc);
			}
			next++;
			running++;
		}
		int wstatus;
		pid_t done = wait(&wstatus);
		if (done < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		running--;
		if (WIFEXITED(wstatus))
			status = merge_status(status, WEXITSTATUS(wstatus));
		else {
			fprintf(stderr, "unpress: a conversion process died (signal %d)\n",
				WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0);
			status = merge_status(status, EX_SOFTWARE);
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"to", required_argument, NULL, 't'},
		{"output", required_argument, NULL, 'o'},
		{"jobs", required_argument, NULL, 'j'},
		{"werror", no_argument, NULL, 'W'},
		{"validate", no_argument, NULL, 'S'},
		{"manifest", no_argument, NULL, 'M'},
		{"quiet", no_argument, NULL, 'q'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct options opts = {
		.editions = ED_XML,
		.out_dir = "output",
		.jobs = 0,
		.verbosity = 1,
	};
	int render = argc > 1 && !strcmp(argv[1], "render");
	if (render) {
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	int c;
	while ((c = getopt_long(argc, argv, "t:o:j:qvhV", long_options, NULL)) != -1) {
		switch (c) {
		case 't':
			if (parse_editions(optarg, &opts.editions) != 0)
				return EX_USAGE;
			break;
		case 'o': opts.out_dir = optarg; break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 1024) {
				fprintf(stderr, "unpress: -j wants a number from 1 to 1024, not '%s'\n", optarg);
				return EX_USAGE;
			}
			opts.jobs = (int)n;
			break;
		}
		case 'W': opts.werror = true; break;
		case 'S': opts.validate = true; break;
		case 'M': opts.manifest = true; break;
		case 'q': opts.verbosity = 0; break;
		case 'v': opts.verbosity = 2; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("unpress %s\n", UNPRESS_VERSION); return 0;
		default:
			fputs("Try 'unpress --help' for more information.\n", stderr);
			return EX_USAGE;
		}
	}
	if (optind >= argc && !(opts.editions & ED_SITE)) {
		fputs("unpress: no input files\nTry 'unpress --help' for more information.\n", stderr);
		return EX_USAGE;
	}
	if (opts.jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		opts.jobs = n > 0 ? (int)n : 1;
	}
	opts.data_dir = find_data_dir(argv[0]);
	opts.build_time = build_time_from_env();
	/* The site reads manifests: converting documents for a site writes them. */
	if (opts.editions & ED_SITE)
		opts.manifest = true;

	xmlInitParser();
	int status = run_all(render ? render_file : convert_file, argv + optind,
			     argc - optind, &opts);
	if ((opts.editions & ED_SITE) && status != EX_USAGE) {
		struct diag diag;
		diag_init(&diag, opts.out_dir, opts.verbosity);
		struct render_opts ro = {
			.out_dir = opts.out_dir,
			.data_dir = opts.data_dir,
			.build_time = opts.build_time,
			.diag = &diag,
		};
		status = merge_status(status, site_build(opts.out_dir, &ro));
	}
	xmlCleanupParser();
	return status;
}
