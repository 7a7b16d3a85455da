/* inputs.c — see site.h: site_inputs_hash. */
#include "site/site.h"

#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/hash.h"

static bool ts_before(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* Fold path's identity (or its absence) into h; keep the newest change. */
static uint64_t hash_identity(uint64_t h, const char *path, struct timespec *newest)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return hash_str(h, "(none)");
	long long fields[] = {(long long)st.st_size, (long long)st.st_mtim.tv_sec, (long long)st.st_mtim.tv_nsec,
			      (long long)st.st_ino, (long long)st.st_ctim.tv_sec, (long long)st.st_ctim.tv_nsec};
	if (ts_before(*newest, st.st_mtim))
		*newest = st.st_mtim;
	if (ts_before(*newest, st.st_ctim))
		*newest = st.st_ctim;
	return hash_add(h, fields, sizeof fields);
}

uint64_t site_inputs_hash(const char *out_dir, char *const *manifests, size_t n, uint64_t program,
			  struct timespec *newest)
{
	uint64_t h = program;
	struct buf path = BUF_INIT;
	*newest = (struct timespec){0, 0};
	for (size_t i = 0; i < n; i++) {
		h = hash_str(h, manifests[i]);
		buf_clear(&path);
		buf_printf(&path, "%s/%s", out_dir, manifests[i]);
		h = hash_identity(h, buf_cstr(&path), newest);
		/* the XML beside it: OUT/STEM.xml, STEM the manifest's name
		 * without .manifest.xml (its slug: manifest.c writes it so) */
		buf_clear(&path);
		buf_printf(&path, "%s/%.*s.xml", out_dir, (int)(strlen(manifests[i]) - strlen(".manifest.xml")),
			   manifests[i]);
		h = hash_identity(h, buf_cstr(&path), newest);
	}
	buf_free(&path);
	return h ? h : 1;
}
