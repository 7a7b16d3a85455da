/* main.c — the command line: parse options, convert each input (in
 * parallel with -j), then assemble the site if asked. */
#include <errno.h>
#include <getopt.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "util/child.h"
#include "batch/progress.h"
#include "batch/prune.h"
#include "batch/state.h"
#include "util/dirset.h"
#include "batch/convert.h"
#include "html/xslt.h"
#include "normalise/normalise.h"
#include "doc/wordlist.h"
#include "akn/edition.h"
#include "batch/options.h"
#include "util/datadir.h"
#include "util/xmalloc.h"
#include "util/xmlerrors.h"

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

/* Worse outcomes win: an error code beats "warnings" beats success. */
static int merge_status(int a, int b)
{
	if (a > 1 || b > 1)
		return a > b ? a : b;
	return a > b ? a : b;
}

/* One batch: the inputs, what each is keyed by, and what each reported. */
struct batch {
	char **files;
	struct state_key *keys;		/* per file; taken in the worker when not yet */
	uint64_t tool;			/* what every key shares (state_tool_hash) */
	struct convert_report *reports;	/* shared with the forked jobs (mmap) */
	bool render;			/* inputs are AKN files (`unpress render`) */
	const struct options *opts;
	struct progress *progress;
};

/* Convert file i and, when it succeeded, remember what it was made from. */
static int run_one(struct batch *b, int i)
{
	struct convert_report *rep = &b->reports[i];
	/* before the conversion reads it: an edit meanwhile shows next time */
	if (!b->keys[i].taken)
		state_take_key(b->tool, b->files[i], &b->keys[i]);
	int rc = b->render ? render_file_report(b->files[i], b->opts, rep)
			   : convert_file_report(b->files[i], b->opts, rep);
	if ((rc == 0 || rc == 1) && rep->slug[0])
		state_record(b->opts, b->files[i], &b->keys[i], rep->slug, rep->warnings,
			     rep->warning_text);
	free(rep->warning_text);
	rep->warning_text = NULL;
	return rc;
}

/* rc: the document's exit status; 0 and 1 (warnings) are conversions. */
static void finished(struct batch *b, int i, int rc)
{
	progress_step(b->progress, b->reports[i].warnings, b->reports[i].errors, rc > 1);
}

/* What the parent and its workers share, in one anonymous shared mapping:
 * the next job to take, what each worker is doing, and each job's state. */
struct shared_queue {
	int next;		/* index into todo of the next job to take */
	int current[64];	/* per worker: the job it is running, or -1 */
	/* then, per job: state (0 pending, 1 running, 2 done) and exit status */
};

static int *queue_state(struct shared_queue *q) { return (int *)(q + 1); }

/* A worker: take jobs until none is left.  Jobs are taken in order from a
 * shared counter, so a slow document does not hold up the others. */
static void worker(struct batch *b, struct shared_queue *q, const int *todo, int ntodo, int w)
{
	int *state = queue_state(q), *rcs = state + ntodo;
	for (;;) {
		int k = __atomic_fetch_add(&q->next, 1, __ATOMIC_SEQ_CST);
		if (k >= ntodo)
			break;
		q->current[w] = k;
		__atomic_store_n(&state[k], 1, __ATOMIC_SEQ_CST);
		rcs[k] = run_one(b, todo[k]);
		__atomic_store_n(&state[k], 2, __ATOMIC_SEQ_CST);
		q->current[w] = -1;
	}
	fflush(NULL);
	_exit(0);
}

static pid_t spawn_worker(struct batch *b, struct shared_queue *q, const int *todo, int ntodo, int w)
{
	fflush(NULL);
	pid_t pid = fork_bound();
	if (pid == 0)
		worker(b, q, todo, ntodo, w);
	return pid;
}

/* Run the jobs listed in todo, up to opts->jobs at a time.  With more than
 * one job the documents are converted by that many worker processes (forked
 * once each, not once per document), so one document can neither crash nor
 * corrupt another: a worker that dies fails only the document it held and
 * is replaced.  The outputs do not depend on the number of jobs, since each
 * document writes only its own files. */
static int run_all(struct batch *b, const int *todo, int ntodo)
{
	int status = 0;
	const struct options *opts = b->opts;
	int jobs = opts->jobs < 64 ? opts->jobs : 64;
	if (jobs > ntodo)
		jobs = ntodo;
	if (jobs <= 1) {
		for (int k = 0; k < ntodo; k++) {
			int rc = run_one(b, todo[k]);
			status = merge_status(status, rc);
			finished(b, todo[k], rc);
		}
		return status;
	}
	size_t size = sizeof(struct shared_queue) + 2 * (size_t)ntodo * sizeof(int);
	struct shared_queue *q = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (q == MAP_FAILED) {
		perror("unpress: mmap");
		return EX_OSERR;
	}
	int *state = queue_state(q), *rcs = state + ntodo;
	pid_t pids[64];
	for (int w = 0; w < jobs; w++) {
		q->current[w] = -1;
		pids[w] = spawn_worker(b, q, todo, ntodo, w);
	}
	char *seen = calloc((size_t)ntodo, 1);
	int reported = 0, lowest = 0, running = 0;
	for (int w = 0; w < jobs; w++)
		running += pids[w] > 0;
	if (running == 0) {	/* no process at all: do the work here */
		for (int k = 0; k < ntodo; k++) {
			int rc = run_one(b, todo[k]);
			status = merge_status(status, rc);
			finished(b, todo[k], rc);
		}
		reported = ntodo;
	}
	while (reported < ntodo) {
		bool progress_made = false;
		for (int k = lowest; k < ntodo; k++) {
			if (seen[k])
				continue;
			if (__atomic_load_n(&state[k], __ATOMIC_SEQ_CST) != 2)
				continue;
			seen[k] = 1;
			reported++;
			status = merge_status(status, rcs[k]);
			finished(b, todo[k], rcs[k]);
			progress_made = true;
		}
		while (lowest < ntodo && seen[lowest])
			lowest++;
		int ws;
		pid_t done = waitpid(-1, &ws, WNOHANG);
		if (done > 0) {
			progress_made = true;
			for (int w = 0; w < jobs; w++) {
				if (pids[w] != done)
					continue;
				pids[w] = 0;
				int k = q->current[w];
				bool crashed = !WIFEXITED(ws) || WEXITSTATUS(ws) != 0;
				if (crashed && k >= 0 && __atomic_load_n(&state[k], __ATOMIC_SEQ_CST) != 2) {
					progress_clear(b->progress);
					fprintf(stderr, "%s: error: the conversion process died (signal %d)\n",
						b->files[todo[k]], WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
					rcs[k] = EX_SOFTWARE;
					__atomic_store_n(&state[k], 2, __ATOMIC_SEQ_CST);
				}
				/* replace it while work remains */
				if (__atomic_load_n(&q->next, __ATOMIC_SEQ_CST) < ntodo) {
					q->current[w] = -1;
					pids[w] = spawn_worker(b, q, todo, ntodo, w);
				}
			}
		} else if (done < 0 && errno == ECHILD) {
			/* every worker is gone: anything not done was lost with them */
			for (int k = 0; k < ntodo; k++)
				if (__atomic_load_n(&state[k], __ATOMIC_SEQ_CST) != 2) {
					int rc = run_one(b, todo[k]);
					rcs[k] = rc;
					__atomic_store_n(&state[k], 2, __ATOMIC_SEQ_CST);
				}
			continue;
		}
		if (!progress_made)
			usleep(5000);
	}
	/* reap the workers, which exit when the queue is empty */
	for (int w = 0; w < jobs; w++)
		if (pids[w] > 0)
			waitpid(pids[w], NULL, 0);
	free(seen);
	munmap(q, size);
	return status;
}

/* Two inputs that publish under one slug (the same symbol, or one file
 * name in two folders) would overwrite each other's files, the last to
 * finish winning.  Say so, and convert the first of them again so that the
 * result does not depend on the order jobs finished in. */
static int check_slugs(struct batch *b, int nfiles)
{
	int status = 0;
	/* slug → the first input (in argument order) that publishes under it */
	xmlHashTablePtr first = xmlHashCreate(nfiles + 16);
	bool *clash = calloc((size_t)nfiles + 1, sizeof *clash);
	for (int j = 0; j < nfiles; j++) {
		const char *slug = b->reports[j].slug;
		if (!slug[0])
			continue;
		intptr_t i = (intptr_t)xmlHashLookup(first, (const xmlChar *)slug);
		if (!i) {
			xmlHashAddEntry(first, (const xmlChar *)slug, (void *)(intptr_t)(j + 1));
			continue;
		}
		i--;
		progress_clear(b->progress);
		/* advice that can work: the text's own symbol wins over a
		 * sidecar's (identity.c), so only a name can be changed */
		const char *from = b->reports[j].slug_from;
		const char *advice =
			!strcmp(from, "text") ? "both texts print this symbol: if they are one document, give only "
						"one of them; if a text's symbol is misprinted, correct it there" :
			!strcmp(from, "sidecar") ? "correct the symbol in one of their sidecars" :
			!strcmp(from, "XML") ? "their XML names one document: give only one of them" :
			"rename one of them, or give it a sidecar NAME.meta with its symbol";
		fprintf(stderr, "%s: error: publishes as %s, which %s already does: its files were not kept "
			"(%s)\n", b->files[j], slug, b->files[i], advice);
		b->progress->errors++;
		/* never "up to date": the clash is reported on every run */
		state_forget(b->opts, b->files[j]);
		clash[i] = true;
	}
	for (int i = 0; i < nfiles; i++)
		if (clash[i]) {
			run_one(b, i);
			status = EX_DATAERR;
		}
	free(clash);
	xmlHashFree(first, NULL);
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
		{"force", no_argument, NULL, 'F'},
		{"prune", no_argument, NULL, 'P'},
		{"quiet", no_argument, NULL, 'q'},
		{"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"base-url", required_argument, NULL, 'B'},
		{NULL, 0, NULL, 0},
	};
	struct options opts = {
		.editions = ED_XML,
		.out_dir = "output",
		.jobs = 0,
		.verbosity = 1,
	};
	/* Freed memory stays in the process for the next document or the
	 * next stage (cmark-gfm's tree is freed before the XML tree grows):
	 * glibc would otherwise hand every large block back to the kernel and
	 * fault it in again, and a long report spent a quarter of its time in
	 * the kernel.  The worker's peak stays that of its largest document. */
	mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
	/* No fast bins: a freed XML tree left hundreds of thousands of small
	 * blocks in them, and the next large free walked them all, cold (5 %
	 * of a long report); without, each block merges as it is freed. */
	mallopt(M_MXFAST, 0);
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
		case 'F': opts.force = true; break;
		case 'P': opts.prune = true; break;
		case 'B':
			if (!(opts.base_url = base_url(optarg)))
				return EX_USAGE;
			break;
		case 'q': opts.verbosity = 0; break;
		case 'v': opts.verbosity = 2; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("unpress %s\n", UNPRESS_VERSION); return 0;
		default:
			fputs("Try 'unpress --help' for more information.\n", stderr);
			return EX_USAGE;
		}
	}
	/* --prune alone is a request too: every document in OUT is gone */
	if (optind >= argc && !(opts.editions & ED_SITE) && !opts.prune) {
		fputs("unpress: no input files\nTry 'unpress --help' for more information.\n", stderr);
		return EX_USAGE;
	}
	if (opts.jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		opts.jobs = n > 0 ? (int)n : 1;
	}
	opts.data_dir = find_data_dir(argv[0]);
	opts.build_time = build_time_from_env();
	if (opts.build_time == (time_t)-1) {
		fprintf(stderr, "unpress: SOURCE_DATE_EPOCH='%s' is not a number of seconds since 1970 "
			"(up to the end of the year 9999)\n", getenv("SOURCE_DATE_EPOCH"));
		return EX_USAGE;
	}
	/* The site reads manifests: converting documents for a site writes them. */
	if (opts.editions & ED_SITE)
		opts.manifest = true;

	xmlInitParser();
	xml_errors_route(opts.verbosity);
	/* shared by every conversion: loaded once, before any fork */
	if (!render)
		wordlist_load();
	if (opts.editions & (ED_HTML | ED_SITE)) {
		struct diag diag;
		diag_init(&diag, "templates", opts.verbosity);
		xslt_prepare(opts.data_dir, "akn-html.xsl", &diag);
	}
	/* Which inputs need converting: those whose state key (content hash of
	 * input, sidecar, program, templates; batch/state.h) changed. */
	/* A sidecar (NAME.meta) given among the inputs, as "unpress input/…"
	 * does, belongs to its document: it is not a document itself. */
	int nfiles = 0;
	char **files = argv + optind;
	for (int i = optind; i < argc; i++) {
		size_t len = strlen(argv[i]);
		if (!render && len > 5 && !strcmp(argv[i] + len - 5, ".meta"))
			continue;
		files[nfiles++] = argv[i];
	}
	struct batch b = {
		.files = files,
		.keys = calloc((size_t)nfiles + 1, sizeof *b.keys),
		.render = render,
		.opts = &opts,
	};
	/* shared, so that forked jobs can report their slug and counts */
	size_t rep_size = ((size_t)nfiles + 1) * sizeof *b.reports;
	b.reports = mmap(NULL, rep_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (b.reports == MAP_FAILED) {
		perror("unpress: mmap");
		return EX_OSERR;
	}
	/* OUT's state files, before the batch writes any */
	struct prune *prune = opts.prune ? prune_look(opts.out_dir) : NULL;
	int *todo = malloc(((size_t)nfiles + 1) * sizeof *todo);
	int ntodo = 0;
	unsigned up_to_date = 0, old_warnings = 0;
	b.tool = nfiles > 0 ? state_tool_hash(&opts) : 0;
	for (int i = 0; i < nfiles; i++) {
		unsigned w = 0;
		/* an input without state (a first build) is hashed by the
		 * worker that converts it, not here, one after the other */
		if (!opts.force && state_is_current(&opts, files[i], b.tool, &b.keys[i], &w,
						    b.reports[i].slug, sizeof b.reports[i].slug)) {
			up_to_date++;
			old_warnings += w;
		} else {
			todo[ntodo++] = i;
			if (prune)
				prune_before_converting(prune, files[i]);
		}
	}
	struct progress progress;
	progress_start(&progress, (unsigned)nfiles, up_to_date, opts.verbosity);
	progress.warnings = old_warnings;
	b.progress = &progress;
	int status = run_all(&b, todo, ntodo);
	if (ntodo > 0) /* what the first look listed is old now */
		dirset_forget();
	status = merge_status(status, check_slugs(&b, nfiles));
	if (prune) {
		progress_clear(&progress);
		struct diag diag;
		diag_init(&diag, opts.out_dir, opts.verbosity);
		const char **slugs = malloc(((size_t)nfiles + 1) * sizeof *slugs);
		for (int i = 0; i < nfiles; i++)
			slugs[i] = b.reports[i].slug;
		progress.removed = prune_gone(prune, files, slugs, (size_t)nfiles, opts.verbosity, &diag);
		free(slugs);
		prune_free(prune);
		progress.warnings += diag.warnings;
		if (status == 0 && opts.werror && diag.warnings > 0)
			status = 1;
	}
	/* documents converted earlier still count under --werror */
	if (status == 0 && opts.werror && old_warnings > 0)
		status = 1;
	int site_pages = 0;
	if ((opts.editions & ED_SITE) && status != EX_USAGE) {
		progress_phase(&progress, "building the site");
		struct diag diag;
		diag_init(&diag, opts.out_dir, opts.verbosity);
		struct render_opts ro = {
			.out_dir = opts.out_dir,
			.data_dir = opts.data_dir,
			.build_time = opts.build_time,
			.diag = &diag,
			.jobs = opts.jobs,
			.force = opts.force,
			.pages_written = &site_pages,
			.base_url = opts.base_url,
		};
		status = merge_status(status, site_build(opts.out_dir, &ro));
		progress.errors += diag.errors;
		progress.warnings += diag.warnings;
		/* the site's warnings (its children's too) are warnings */
		if (status == 0 && opts.werror && diag.warnings > 0)
			status = 1;
	}
	if (opts.verbosity > 0)
		progress_summary(&progress, site_pages > 0);
	else
		progress_clear(&progress);
	munmap(b.reports, rep_size);
	free(b.keys);
	free(todo);
	xmlCleanupParser();
	return status;
}
