/* util/program.c — what every output depends on besides its inputs
 * (util/program.h). */
#include "util/program.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/buildid.h"
#include "util/dirlist.h"
#include "util/hash.h"
#include "util/module.h"

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

uint64_t program_hash(const char *data_dir, bool editions)
{
	/* computed once per process: the same for every document */
	static uint64_t h, self;
	static const char *for_dir;
	if (!self) {
		self = HASH_INIT;
		const unsigned char *id;
		size_t len = build_id_self(&id);
		/* the program itself: a rebuilt unpress may write other
		 * bytes; known by its linker build ID (hashing the 5 MB
		 * program file cost every run more than a small document's
		 * conversion), by its bytes when it has none */
		if (len)
			self = hash_add(self, id, len);
		else if (hash_file(&self, "/proc/self/exe") != 0)
			self = hash_str(self, "(no exe)");
	}
	if (!editions)
		return self;
	if (h && for_dir == data_dir)
		return h;
	h = self;
	/* and the editions' modules it may load (util/module.h) */
	h = module_hash(h);
	h = hash_folder(h, data_dir, "templates");
	h = hash_folder(h, data_dir, "styles");
	for_dir = data_dir;
	return h;
}

