/* util/buildid.c — GNU build IDs of the running program and of ELF files
 * (util/buildid.h). */
#include "util/buildid.h"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <unistd.h>

/* The build ID among the notes from p to end (one PT_NOTE segment, 4-byte
 * aligned as ELF notes are): its length, with *bytes pointing into the
 * notes; 0 when none is there. */
static size_t note_build_id(const unsigned char *p, const unsigned char *end, const unsigned char **bytes)
{
	while ((size_t)(end - p) >= sizeof(ElfW(Nhdr))) {
		ElfW(Nhdr) n;
		memcpy(&n, p, sizeof n);
		const unsigned char *name = p + sizeof n;
		size_t name_room = ((size_t)n.n_namesz + 3) & ~(size_t)3;
		size_t desc_room = ((size_t)n.n_descsz + 3) & ~(size_t)3;
		if (name_room > (size_t)(end - name) || n.n_descsz > (size_t)(end - name) - name_room)
			break;
		const unsigned char *desc = name + name_room;
		if (n.n_type == NT_GNU_BUILD_ID && n.n_namesz == 4 && !memcmp(name, "GNU", 4)) {
			*bytes = desc;
			return n.n_descsz;
		}
		if (desc_room > (size_t)(end - desc))
			break;
		p = desc + desc_room;
	}
	return 0;
}

struct found {
	const unsigned char *bytes;
	size_t len;
};

/* dl_iterate_phdr's callback: the first object listed is the program
 * itself; look in its notes and stop. */
static int self_notes(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	struct found *f = data;
	for (int i = 0; i < info->dlpi_phnum && !f->len; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_NOTE)
			continue;
		const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
		f->len = note_build_id(p, p + ph->p_memsz, &f->bytes);
	}
	return 1;
}

size_t build_id_self(const unsigned char **bytes)
{
	struct found f = {NULL, 0};
	dl_iterate_phdr(self_notes, &f);
	*bytes = f.bytes;
	return f.len;
}

/* Read exactly len bytes at offset; 0, or -1. */
static int read_at(int fd, void *buf, size_t len, off_t offset)
{
	return pread(fd, buf, len, offset) == (ssize_t)len ? 0 : -1;
}

/* An ELF file of this machine's kind: its class and byte order. */
#define NATIVE_CLASS (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32)
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NATIVE_DATA ELFDATA2LSB
#else
#define NATIVE_DATA ELFDATA2MSB
#endif

/* The notes are near the start of a file the linker wrote (right after the
 * program headers); a segment larger than this is not looked into. */
#define NOTES_MAX 4096

size_t build_id_of_file(const char *path, unsigned char out[BUILD_ID_MAX])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	size_t len = 0;
	ElfW(Ehdr) eh;
	if (read_at(fd, &eh, sizeof eh, 0) == 0 && !memcmp(eh.e_ident, ELFMAG, SELFMAG) &&
	    eh.e_ident[EI_CLASS] == NATIVE_CLASS && eh.e_ident[EI_DATA] == NATIVE_DATA &&
	    eh.e_phentsize == sizeof(ElfW(Phdr))) {
		for (unsigned i = 0; i < eh.e_phnum && !len; i++) {
			ElfW(Phdr) ph;
			unsigned char notes[NOTES_MAX];
			if (read_at(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + i * sizeof ph)) != 0)
				break;
			if (ph.p_type != PT_NOTE || ph.p_filesz > sizeof notes ||
			    read_at(fd, notes, ph.p_filesz, (off_t)ph.p_offset) != 0)
				continue;
			const unsigned char *id;
			size_t n = note_build_id(notes, notes + ph.p_filesz, &id);
			if (n > 0 && n <= BUILD_ID_MAX) {
				memcpy(out, id, n);
				len = n;
			}
		}
	}
	close(fd);
	return len;
}
