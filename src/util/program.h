/* util/program.h — the program's identity: its own bytes (the GNU build
 * id, else /proc/self/exe), its editions' modules (util/module.h) and
 * DATA/templates and DATA/styles.  What every
 * output depends on besides its own inputs: incremental builds (batch/)
 * and the site's stamps (site/) key on it. */
#ifndef UNPRESS_UTIL_PROGRAM_H
#define UNPRESS_UTIL_PROGRAM_H

#include <stdint.h>

uint64_t program_hash(const char *data_dir);

#endif
