/* state.c — see state.h. */
#include "batch/state.h"
#include "util/dirlist.h"

#include <ctype.h>
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/outname.h"
#include "util/program.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/dirset.h"
#include "util/hash.h"
#include "util/slurp.h"
#include "util/timespec.h"
#include "util/xmalloc.h"

/* Fold every file of DATA/sub into h, in name order. */
uint64_t state_tool_hash(const struct options *opts)
{
	/* the XML and the manifest depend on the program alone; every other
	 * edition, and --validate (the schemas), on DATA too */
	bool data = (opts->editions & ~(unsigned)ED_XML) || opts->validate;
	uint64_t h = program_hash(opts->data_dir, data);
	char flags[64];
	snprintf(flags, sizeof flags, "editions=%u manifest=%d", opts->editions, opts->manifest);
	h = hash_str(h, flags);
	/* without it the build time is "now", which is not worth a rebuild */
	h = hash_str(h, getenv("SOURCE_DATE_EPOCH"));
	return h;
}

/* The sidecar, found as identity.c finds it: the input's name with its
 * extension replaced by .meta. */
static void sidecar_path(struct buf *b, const char *input)
{
	const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - input) : strlen(input);
	buf_printf(b, "%.*s.meta", (int)stem, input);
}

/* Append v in decimal, at least width digits (zeros before). */
static char *put_number(char *p, unsigned long long v, int width)
{
	char digits[24];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n < width)
		digits[n++] = '0';
	while (n)
		*p++ = digits[--n];
	return p;
}

/* The identity of a file stat'ed at or after now (see file_identity),
 * written by hand: snprintf was a tenth of a build with nothing to do. */
static void format_identity(const struct stat *st, struct timespec now, char *out, size_t size)
{
	struct timespec newest = ts_before(st->st_mtim, st->st_ctim) ? st->st_ctim : st->st_mtim;
	if (!ts_before(newest, now) || size < 96 || st->st_size < 0 || st->st_mtim.tv_sec < 0 ||
	    st->st_ctim.tv_sec < 0) {
		snprintf(out, size, "-");
		return;
	}
	char *p = out;
	p = put_number(p, (unsigned long long)st->st_size, 1);
	*p++ = ' ';
	p = put_number(p, (unsigned long long)st->st_mtim.tv_sec, 1);
	*p++ = '.';
	p = put_number(p, (unsigned long long)st->st_mtim.tv_nsec, 9);
	*p++ = ' ';
	p = put_number(p, (unsigned long long)st->st_ino, 1);
	*p++ = ' ';
	p = put_number(p, (unsigned long long)st->st_ctim.tv_sec, 1);
	*p++ = '.';
	p = put_number(p, (unsigned long long)st->st_ctim.tv_nsec, 9);
	*p = '\0';
}

/* What path is now, as one word-free line: "size mtime inode ctime",
 * "none" when it does not exist, "-" when it cannot be trusted: it changed
 * at or after now (the file system's clock: the kernel stamps files with
 * the coarse real-time clock), so an edit later in the same tick, with the
 * same size, would leave the same identity behind. */
static void file_identity(const char *path, struct timespec now, char *out, size_t size)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(out, size, errno == ENOENT ? "none" : "-");
		return;
	}
	format_identity(&st, now, out, size);
}

/* Might path be there?  Its folder is listed once (the listing kept for
 * the process): false means it was not there at that moment.  Most inputs
 * have no sidecar, and a failed stat() per input cost as much as the
 * listing of all of them. */
static bool maybe_there(const char *path)
{
	/* inputs from many folders: listing them all would be no help */
	static char *folders[16];
	static size_t nfolders;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash > path ? (size_t)(slash - path) : 1) : xstrdup(".");
	size_t i = 0;
	while (i < nfolders && strcmp(folders[i], dir))
		i++;
	if (i == nfolders) {
		if (nfolders == sizeof folders / sizeof folders[0]) {
			free(dir);
			return true;
		}
		folders[nfolders++] = xstrdup(dir);
	}
	bool there = dirset_has(dirset_of(dir), slash ? slash + 1 : path);
	free(dir);
	return there;
}

/* Both identities of input (itself, its sidecar) as of now; with listed,
 * a sidecar not in its folder's listing is taken as absent (only for the
 * batch's first look, before anything is converted).  st: the input's
 * stat, when it was taken at or after now (else NULL). */
static void take_identities(const char *input, struct state_key *k, bool listed, struct timespec now,
			    const struct stat *st)
{
	struct buf meta = BUF_INIT;
	sidecar_path(&meta, input);
	if (st)
		format_identity(st, now, k->input_id, sizeof k->input_id);
	else
		file_identity(input, now, k->input_id, sizeof k->input_id);
	if (listed && !maybe_there(buf_cstr(&meta)))
		snprintf(k->meta_id, sizeof k->meta_id, "none");
	else
		file_identity(buf_cstr(&meta), now, k->meta_id, sizeof k->meta_id);
	buf_free(&meta);
}

/* The coarse real-time clock: what the kernel stamps files with. */
static struct timespec clock_now(void)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME_COARSE, &now);
	return now;
}

/* The key of one input: tool + the input's bytes + its sidecar's.  0 when
 * the input cannot be read (the conversion will report why). */
static uint64_t state_input_key(uint64_t tool, const char *input)
{
	uint64_t h = tool;
	if (hash_file(&h, input) != 0)
		return 0;
	struct buf meta = BUF_INIT;
	sidecar_path(&meta, input);
	if (hash_file(&h, buf_cstr(&meta)) != 0)
		h = hash_str(h, "(no sidecar)");
	buf_free(&meta);
	return h ? h : 1;
}

void state_take_key(uint64_t tool, const char *input, struct state_key *k)
{
	/* identities first: a change after them shows as a new identity
	 * next time, whatever the hash saw */
	take_identities(input, k, false, clock_now(), NULL);
	k->tool = tool;
	k->key = state_input_key(tool, input);
	k->taken = true;
}

/* OUT/.unpress/doc-<hash of the real path>: one small file per input, so
 * parallel jobs never write the same file. */
/* realpath(input), with the real path of its folder kept from the last
 * call: a batch's inputs share a few folders, and realpath() looks at every
 * component of every path (four system calls an input here).  Only a name
 * that is no link (nor "." or "..") can be appended as it is. */
static char *real_input_path(const char *input, struct stat *st, bool *have_st)
{
	static char *dir, *real_dir;
	const char *slash = strrchr(input, '/'), *name = slash ? slash + 1 : input;
	*have_st = false;
	if (!*name || !strcmp(name, ".") || !strcmp(name, "..") || lstat(input, st) != 0 || S_ISLNK(st->st_mode))
		return realpath(input, NULL);
	*have_st = true; /* no link: what stat() would say */
	size_t dir_len = slash ? (size_t)(slash - input) : 0;
	char *this_dir = slash ? dir_len ? xstrndup(input, dir_len) : xstrdup("/") : xstrdup(".");
	if (!dir || strcmp(dir, this_dir)) {
		free(dir);
		free(real_dir);
		dir = this_dir;
		real_dir = realpath(dir, NULL);
	} else
		free(this_dir);
	if (!real_dir)
		return realpath(input, NULL);
	struct buf b = BUF_INIT;
	buf_printf(&b, "%s/%s", strcmp(real_dir, "/") ? real_dir : "", name);
	char *real = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return real;
}

/* "doc-" and the hash of input's real path; *have_st when input was
 * stat'ed on the way (st; both may be NULL). */
static void state_file_name(const char *input, char name[STATE_NAME_SIZE], struct stat *st, bool *have_st)
{
	struct stat own;
	bool own_have;
	char *real = real_input_path(input, st ? st : &own, have_st ? have_st : &own_have);
	uint64_t h = hash_str(HASH_INIT, real ? real : input);
	free(real);
	snprintf(name, STATE_NAME_SIZE, "doc-%016" PRIx64, h);
}

void state_name(const char *input, char name[STATE_NAME_SIZE])
{
	state_file_name(input, name, NULL, NULL);
}

bool state_is_name(const char *name)
{
	if (strncmp(name, "doc-", 4) || strlen(name) != STATE_NAME_SIZE - 1)
		return false;
	for (const char *p = name + 4; *p; p++)
		if (!isxdigit((unsigned char)*p) || isupper((unsigned char)*p))
			return false;
	return true;
}

/* OUT/.unpress/doc-…; *have_st when input was stat'ed on the way (st;
 * both may be NULL). */
static void state_path(struct buf *b, const char *out_dir, const char *input, struct stat *st, bool *have_st)
{
	char name[STATE_NAME_SIZE];
	state_file_name(input, name, st, have_st);
	buf_printf(b, "%s/" STATE_DIR "/%s", out_dir, name);
}

/* Is OUT/SLUG.EXT there?  Asked of the folder's listing (dirset_of):
 * every question comes from the batch's first look at its inputs, before
 * any output is written (for thousands of inputs, one access() per output
 * cost more than the rest of that look). */
static bool output_exists(const char *out_dir, const char *slug, const char *ext)
{
	struct buf name = BUF_INIT;
	buf_printf(&name, "%s%s", slug, ext);
	bool ok = dirset_has(dirset_of(out_dir), buf_cstr(&name));
	buf_free(&name);
	return ok;
}

/* One state file, parsed. */
struct state_file {
	uint64_t key, tool;
	char input_id[96], meta_id[96];
	unsigned warnings;
	char slug[PATH_MAX];
	const char *text;	/* the warnings as printed (in the file's bytes) */
	struct timespec written;	/* the state file's own mtime */
};

/* Read the next "NAME VALUE" line of *p into value; false when the line
 * is not NAME. */
static bool state_line(char **p, const char *name, char *value, size_t size)
{
	size_t n = strlen(name);
	if (strncmp(*p, name, n) || (*p)[n] != ' ')
		return false;
	char *v = *p + n + 1, *end = strchr(v, '\n');
	if (!end || (size_t)(end - v) >= size)
		return false;
	memcpy(value, v, (size_t)(end - v));
	value[end - v] = '\0';
	*p = end + 1;
	return true;
}

/* Parse the state file at path into sf; its bytes (which sf->text points
 * into) are returned for the caller to free, NULL when absent or not ours
 * (an older format, a truncated or corrupted file: the input is converted
 * again). */
static char *state_read(const char *path, struct state_file *sf)
{
	/* read through one descriptor: its bytes and its own mtime */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0)
		return NULL;
	char *bytes = NULL;
	ssize_t len = -1;
	/* a regular file only: a pipe placed there would never end */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 20)) {
		bytes = xmalloc((size_t)st.st_size + 1);
		len = read(fd, bytes, (size_t)st.st_size + 1);
	}
	close(fd);
	bool whole = bytes && len == st.st_size;
	if (whole) {
		bytes[len] = '\0';
		whole = strlen(bytes) == (size_t)len;	/* no NUL inside: text */
	}
	if (!whole) {
		free(bytes);
		return NULL;
	}
	sf->written = st.st_mtim;
	char *p = bytes, key[32], tool[32], warnings[32], *end;
	bool ok = !strncmp(p, "unpress-state 2\n", 16);
	p += ok ? 16 : 0;
	ok = ok && state_line(&p, "key", key, sizeof key) && state_line(&p, "tool", tool, sizeof tool) &&
	     state_line(&p, "input", sf->input_id, sizeof sf->input_id) &&
	     state_line(&p, "meta", sf->meta_id, sizeof sf->meta_id) &&
	     state_line(&p, "warnings", warnings, sizeof warnings) &&
	     state_line(&p, "slug", sf->slug, sizeof sf->slug) && sf->slug[0] && !strpbrk(sf->slug, " \t/");
	if (ok) {
		errno = 0;
		sf->key = strtoull(key, &end, 16);
		ok = !*end && sf->key;
		sf->tool = strtoull(tool, &end, 16);
		ok = ok && !*end;
		sf->warnings = (unsigned)strtoul(warnings, &end, 10);
		ok = ok && !*end && !errno;
	}
	if (!ok) {
		free(bytes);
		return NULL;
	}
	sf->text = p;
	return bytes;
}

bool state_recorded_slug(const char *path, char *slug, size_t size)
{
	struct state_file sf;
	char *bytes = state_read(path, &sf);
	bool ok = bytes && strlen(sf.slug) < size;
	if (ok)
		memcpy(slug, sf.slug, strlen(sf.slug) + 1);
	else if (!bytes) {
		/* not the current format: each of ours so far names the slug
		 * in a "slug" line before the warnings ("unpress-state 1":
		 * key, warnings, slug), and the state of an input that is gone
		 * is never rewritten in the current one */
		size_t len;
		bytes = slurp(path, &len);
		if (bytes && !strncmp(bytes, "unpress-state ", 14) && strlen(bytes) == len) {
			char *p = strchr(bytes, '\n');
			for (int line = 0; p && line < 8 && !ok; line++) {
				p++;
				ok = state_line(&p, "slug", slug, size);
				if (!ok)
					p = strchr(p, '\n');
			}
		}
	}
	free(bytes);
	/* it names files in OUT that --prune removes: only a name util/outname.c
	 * gives a document (never "index", a path or a hidden file) */
	return ok && !outname_refusal(slug);
}

/* Can the recorded identity stand for the file now?  Only when it is
 * trusted, still the file's, and older than the state file (git's racy
 * rule: a change in the tick the state was written in would not show). */
static bool identity_holds(const char *recorded, const char *now, struct timespec written)
{
	if (!strcmp(recorded, "-") || strcmp(recorded, now))
		return false;
	if (!strcmp(recorded, "none"))
		return true;
	/* "size msec.nsec inode csec.nsec" (format_identity wrote it) */
	const char *p = recorded;
	char *end;
	long long f[6];
	static const char after[5] = {' ', '.', ' ', ' ', '.'};
	for (int i = 0; i < 6; i++) {
		if (!isdigit((unsigned char)*p))
			return false;
		f[i] = strtoll(p, &end, 10);
		if (i < 5 && *end != after[i])
			return false;
		p = end + (i < 5);
	}
	if (*p)
		return false;
	struct timespec m = {(time_t)f[1], (long)f[2]}, c = {(time_t)f[4], (long)f[5]};
	return ts_before(m, written) && ts_before(c, written);
}

static int state_write(const struct options *opts, const char *input, const struct state_key *k,
		       const char *slug, unsigned warnings, const char *warning_text);

bool state_is_current(const struct options *opts, const char *input, uint64_t tool,
		      struct state_key *k, unsigned *warnings, char *slug_out, size_t slug_size)
{
	/* the clock first: the input's stat on the way to its state file
	 * serves as its identity (take_identities) */
	struct timespec clock = clock_now();
	struct buf path = BUF_INIT;
	struct stat st;
	bool have_st;
	state_path(&path, opts->out_dir, input, &st, &have_st);
	struct state_file sf;
	char *bytes = state_read(buf_cstr(&path), &sf);
	buf_free(&path);
	if (!bytes)
		return false;
	/* the fast path: neither file changed since the key was taken */
	struct state_key now = {0};
	take_identities(input, &now, true, clock, have_st ? &st : NULL);
	bool fast = sf.tool == tool && strcmp(sf.input_id, "none") &&
		    identity_holds(sf.input_id, now.input_id, sf.written) &&
		    identity_holds(sf.meta_id, now.meta_id, sf.written);
	if (fast) {
		*k = now;
		k->tool = tool;
		k->key = sf.key;
		k->taken = true;
	} else
		state_take_key(tool, input, k);
	bool ok = k->key == sf.key;
	static const struct { unsigned flag; const char *ext; } outputs[] = {
		{ED_XML | ED_SITE, ".xml"}, {ED_HTML, ".html"}, {ED_MD, ".md"}, {ED_PDF, ".pdf"},
	};
	for (size_t i = 0; ok && i < sizeof outputs / sizeof outputs[0]; i++)
		if (opts->editions & outputs[i].flag)
			ok = output_exists(opts->out_dir, sf.slug, outputs[i].ext);
	if (ok && opts->manifest)
		ok = output_exists(opts->out_dir, sf.slug, ".manifest.xml");
	if (ok) {
		*warnings = sf.warnings;
		snprintf(slug_out, slug_size, "%s", sf.slug);
		const char *t = sf.text + strspn(sf.text, "\n");
		if (*t && opts->verbosity > 0)
			fputs(t, stderr);
		/* same bytes, new identity (a touch): remember it, so that the
		 * next run need not read the input again */
		if (!fast && (strcmp(sf.input_id, k->input_id) || strcmp(sf.meta_id, k->meta_id)))
			state_write(opts, input, k, sf.slug, sf.warnings, sf.text);
	}
	free(bytes);
	return ok;
}

void state_forget(const struct options *opts, const char *input)
{
	struct buf path = BUF_INIT;
	state_path(&path, opts->out_dir, input, NULL, NULL);
	unlink(buf_cstr(&path));
	buf_free(&path);
}

int state_record(const struct options *opts, const char *input, const struct state_key *k,
		 const char *slug, unsigned warnings, const char *warning_text)
{
	if (!k->taken || !k->key || !slug || outname_refusal(slug))
		return -1;
	return state_write(opts, input, k, slug, warnings, warning_text);
}

static int state_write(const struct options *opts, const char *input, const struct state_key *k,
		       const char *slug, unsigned warnings, const char *warning_text)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	buf_printf(&path, "%s/" STATE_DIR, opts->out_dir);
	int rc = make_own_dirs(opts->out_dir, STATE_DIR);
	buf_clear(&path);
	state_path(&path, opts->out_dir, input, NULL, NULL);
	buf_printf(&text, "unpress-state 2\nkey %016" PRIx64 "\ntool %016" PRIx64 "\ninput %s\nmeta %s\n"
		   "warnings %u\nslug %s\n%s", k->key, k->tool, k->input_id, k->meta_id,
		   warnings, slug, warning_text ? warning_text : "");
	if (rc == 0)
		rc = atomic_write(buf_cstr(&path), text.data, text.len);
	buf_free(&path);
	buf_free(&text);
	return rc;
}
