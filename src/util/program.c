/* util/program.c — what every output depends on besides its inputs
 * (util/program.h). */
#include "util/program.h"

#include <elf.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/dirlist.h"
#include "util/hash.h"

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

/* The linker's build ID of the running program (a hash of its bytes,
 * GNU ld's and lld's default on Debian), read from its own notes: hashing
 * the 5 MB program file cost every run more than a small document's
 * conversion.  0 bytes when it has none. */
struct build_id {
	const unsigned char *bytes;
	size_t len;
};

static int find_build_id(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	struct build_id *id = data;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_NOTE)
			continue;
		const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
		const unsigned char *end = p + ph->p_memsz;
		while (p + sizeof(ElfW(Nhdr)) <= end) {
			const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)(const void *)p;
			const unsigned char *name = p + sizeof *n;
			const unsigned char *desc = name + ((n->n_namesz + 3) & ~3u);
			if (desc + n->n_descsz > end)
				break;
			if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && !memcmp(name, "GNU", 4)) {
				id->bytes = desc;
				id->len = n->n_descsz;
				return 1;
			}
			p = desc + ((n->n_descsz + 3) & ~3u);
		}
	}
	return 1;	/* the first object listed is the program itself: stop */
}

uint64_t program_hash(const char *data_dir)
{
	/* computed once per process: the same for every document */
	static uint64_t h;
	static const char *for_dir;
	if (h && for_dir == data_dir)
		return h;
	h = HASH_INIT;
	/* the program itself: a rebuilt unpress may write other bytes */
	struct build_id id = {NULL, 0};
	dl_iterate_phdr(find_build_id, &id);
	if (id.len)
		h = hash_add(h, id.bytes, id.len);
	else if (hash_file(&h, "/proc/self/exe") != 0)
		h = hash_str(h, "(no exe)");
	h = hash_folder(h, data_dir, "templates");
	h = hash_folder(h, data_dir, "styles");
	for_dir = data_dir;
	return h;
}

