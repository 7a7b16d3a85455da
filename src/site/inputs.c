/* inputs.c — see site.h: site_inputs_hash, site_file_id, site_slug_is_name. */
#include "site/site.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/hash.h"
#include "util/timespec.h"

bool site_file_id(int dir, const char *name, struct file_id *id)
{
	struct stat st;
	*id = (struct file_id){0};
	if (fstatat(dir, name, &st, 0) != 0)
		return false;
	*id = (struct file_id){true, (long long)st.st_size, (long long)st.st_ino, st.st_mtim, st.st_ctim};
	return true;
}

bool site_slug_is_name(const char *slug, const char *manifest)
{
	size_t stem = strlen(manifest) - strlen(".manifest.xml");
	return strlen(slug) == stem && !strncmp(slug, manifest, stem);
}

/* What name (in the folder dir) is now; the newest change is kept. */
static void take_identity(int dir, const char *name, struct file_id *id, struct timespec *newest)
{
	if (!site_file_id(dir, name, id))
		return;
	if (ts_before(*newest, id->mtime))
		*newest = id->mtime;
	if (ts_before(*newest, id->ctime))
		*newest = id->ctime;
}

/* Fold an identity (or its absence) into h. */
static uint64_t hash_identity(uint64_t h, const struct file_id *id)
{
	if (!id->exists)
		return hash_str(h, "(none)");
	long long fields[] = {id->size, (long long)id->mtime.tv_sec, (long long)id->mtime.tv_nsec,
			      id->ino, (long long)id->ctime.tv_sec, (long long)id->ctime.tv_nsec};
	return hash_add(h, fields, sizeof fields);
}

uint64_t site_inputs_hash(const char *out_dir, char *const *manifests, size_t n, uint64_t program,
			  struct file_id *ids, struct timespec *newest)
{
	uint64_t h = program;
	struct buf name = BUF_INIT;
	*newest = (struct timespec){0, 0};
	/* names relative to the folder: the kernel walks out_dir's path once */
	int dir = open(out_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	for (size_t i = 0; i < n; i++) {
		h = hash_str(h, manifests[i]);
		take_identity(dir, manifests[i], &ids[2 * i], newest);
		h = hash_identity(h, &ids[2 * i]);
		/* the XML beside it: OUT/STEM.xml, STEM the manifest's name
		 * without .manifest.xml (its slug: akn/manifest.c writes it so) */
		buf_clear(&name);
		buf_printf(&name, "%.*s.xml", (int)(strlen(manifests[i]) - strlen(".manifest.xml")), manifests[i]);
		take_identity(dir, buf_cstr(&name), &ids[2 * i + 1], newest);
		h = hash_identity(h, &ids[2 * i + 1]);
	}
	if (dir >= 0)
		close(dir);
	buf_free(&name);
	return h ? h : 1;
}
