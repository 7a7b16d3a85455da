/* util/program.h — the program's identity: its own bytes (the GNU build
 * id, else /proc/self/exe), its editions' modules (util/module.h) and
 * DATA/templates and DATA/styles.  What every
 * output depends on besides its own inputs: incremental builds (batch/)
 * and the site's stamps (site/) key on it.
 *
 * With editions false, only the program's own bytes: the AKN XML and the
 * manifest are made by the program alone, and reading and hashing the
 * data folders (some 600 KB) and the modules was most of what a one-page
 * `-t xml` run did besides starting. */
#ifndef UNPRESS_UTIL_PROGRAM_H
#define UNPRESS_UTIL_PROGRAM_H

#include <stdint.h>

#include <stdbool.h>

uint64_t program_hash(const char *data_dir, bool editions);

#endif
