/* state.c — see state.h. */
#include "batch/state.h"
#include "util/dirlist.h"

#include <dirent.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/atomic.h"
#include "util/buf.h"
#include "util/hash.h"

/* Fold every file of DATA/sub into h, in name order. */
static uint64_t hash_folder(uint64_t h, const char *data_dir, const char *sub)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", data_dir, sub);
	size_t n = 0;
	char **names = dirlist_sorted(buf_cstr(&path), "", &n);
	if (!names) {
		buf_free(&path);
		return hash_str(h, "(none)");
	}
	for (size_t i = 0; i < n; i++) {
		buf_clear(&path);
		buf_printf(&path, "%s/%s/%s", data_dir, sub, names[i]);
		h = hash_str(h, names[i]);
		hash_file(&h, buf_cstr(&path));
		free(names[i]);
	}
	free(names);
	buf_free(&path);
	return h;
}

uint64_t state_program_hash(const char *data_dir)
{
	/* computed once per process: the same for every document */
	static uint64_t h;
	static const char *for_dir;
	if (h && for_dir == data_dir)
		return h;
	h = HASH_INIT;
	/* the program itself: a rebuilt unpress may write other bytes */
	if (hash_file(&h, "/proc/self/exe") != 0)
		h = hash_str(h, "(no exe)");
	h = hash_folder(h, data_dir, "templates");
	h = hash_folder(h, data_dir, "styles");
	for_dir = data_dir;
	return h;
}

uint64_t state_tool_hash(const struct options *opts)
{
	uint64_t h = state_program_hash(opts->data_dir);
	char flags[64];
	snprintf(flags, sizeof flags, "editions=%u manifest=%d", opts->editions, opts->manifest);
	h = hash_str(h, flags);
	/* without it the build time is "now", which is not worth a rebuild */
	h = hash_str(h, getenv("SOURCE_DATE_EPOCH"));
	return h;
}

uint64_t state_input_key(uint64_t tool, const char *input)
{
	uint64_t h = tool;
	if (hash_file(&h, input) != 0)
		return 0;
	/* the sidecar, found as identity.c finds it: the input's name with
	 * its extension replaced by .meta */
	const char *dot = strrchr(input, '.'), *slash = strrchr(input, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - input) : strlen(input);
	struct buf meta = BUF_INIT;
	buf_printf(&meta, "%.*s.meta", (int)stem, input);
	if (hash_file(&h, buf_cstr(&meta)) != 0)
		h = hash_str(h, "(no sidecar)");
	buf_free(&meta);
	return h ? h : 1;
}

/* OUT/.unpress/doc-<hash of the real path>: one small file per input, so
 * parallel jobs never write the same file. */
static void state_path(struct buf *b, const char *out_dir, const char *input)
{
	char *real = realpath(input, NULL);
	uint64_t h = hash_str(HASH_INIT, real ? real : input);
	free(real);
	buf_printf(b, "%s/" STATE_DIR "/doc-%016" PRIx64, out_dir, h);
}

static bool output_exists(const char *out_dir, const char *slug, const char *ext)
{
	struct buf p = BUF_INIT;
	buf_printf(&p, "%s/%s%s", out_dir, slug, ext);
	bool ok = access(buf_cstr(&p), F_OK) == 0;
	buf_free(&p);
	return ok;
}

bool state_is_current(const struct options *opts, const char *input, uint64_t key,
		      unsigned *warnings, char *slug_out, size_t slug_size)
{
	struct buf path = BUF_INIT;
	state_path(&path, opts->out_dir, input);
	FILE *f = fopen(buf_cstr(&path), "r");
	buf_free(&path);
	if (!f)
		return false;
	uint64_t old_key = 0;
	unsigned old_warnings = 0;
	char slug[PATH_MAX];
	bool ok = fscanf(f, "unpress-state 1 key %" SCNx64 " warnings %u slug %4095s",
			 &old_key, &old_warnings, slug) == 3 && old_key == key;
	/* the rest of the file: the warnings as they were printed */
	struct buf text = BUF_INIT;
	char chunk[4096];
	size_t got;
	while (ok && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_put(&text, chunk, got);
	fclose(f);
	static const struct { unsigned flag; const char *ext; } outputs[] = {
		{ED_XML | ED_SITE, ".xml"}, {ED_HTML, ".html"}, {ED_MD, ".md"}, {ED_PDF, ".pdf"},
	};
	for (size_t i = 0; ok && i < sizeof outputs / sizeof outputs[0]; i++)
		if (opts->editions & outputs[i].flag)
			ok = output_exists(opts->out_dir, slug, outputs[i].ext);
	if (ok && opts->manifest)
		ok = output_exists(opts->out_dir, slug, ".manifest.xml");
	if (ok) {
		*warnings = old_warnings;
		snprintf(slug_out, slug_size, "%s", slug);
		const char *t = text.len ? buf_cstr(&text) : "";
		t += strspn(t, "\n");
		if (*t && opts->verbosity > 0)
			fputs(t, stderr);
	}
	buf_free(&text);
	return ok;
}

void state_forget(const struct options *opts, const char *input)
{
	struct buf path = BUF_INIT;
	state_path(&path, opts->out_dir, input);
	unlink(buf_cstr(&path));
	buf_free(&path);
}

int state_record(const struct options *opts, const char *input, uint64_t key,
		 const char *slug, unsigned warnings, const char *warning_text)
{
	if (!key || !slug || strpbrk(slug, " \t\n"))
		return -1;
	struct buf path = BUF_INIT, text = BUF_INIT;
	buf_printf(&path, "%s/" STATE_DIR, opts->out_dir);
	int rc = make_dirs(buf_cstr(&path));
	buf_clear(&path);
	state_path(&path, opts->out_dir, input);
	buf_printf(&text, "unpress-state 1\nkey %016" PRIx64 "\nwarnings %u\nslug %s\n%s", key,
		   warnings, slug, warning_text ? warning_text : "");
	if (rc == 0)
		rc = atomic_write(buf_cstr(&path), text.data, text.len);
	buf_free(&path);
	buf_free(&text);
	return rc;
}
