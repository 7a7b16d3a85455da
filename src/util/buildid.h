/* util/buildid.h — GNU build IDs: the linker's hash of an ELF object's
 * bytes (GNU ld's and lld's default on Debian), which tells a rebuilt
 * program or module from the same one without reading all its bytes. */
#ifndef UNPRESS_UTIL_BUILDID_H
#define UNPRESS_UTIL_BUILDID_H

#include <stddef.h>

/* The longest build ID kept (GNU ld writes 20 bytes: SHA-1). */
#define BUILD_ID_MAX 64

/* The running program's build ID, from its own notes in memory: its
 * length, 0 when it has none.  The bytes stay valid while it runs. */
size_t build_id_self(const unsigned char **bytes);

/* The build ID of the ELF file at path (an object of this machine's
 * class and byte order), copied into out: its length, 0 when the file
 * cannot be read, is not such an object or has none. */
size_t build_id_of_file(const char *path, unsigned char out[BUILD_ID_MAX]);

#endif
