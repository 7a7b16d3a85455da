/* util/module.h — the editions' modules: shared objects that the program
 * loads the first time an edition that needs them is asked for, so that a
 * run for the XML alone never maps libxslt, cairo or pango
 * (docs/benchmarks.md, "Start-up").
 *
 * Module NAME is the file DIR/NAME.so, where DIR is $UNPRESS_EDITIONS_DIR
 * when it is set, else the first folder of editions/, build/editions/ and
 * ../lib/unpress/ beside the running program that holds a module (*.so),
 * else the folder the build wrote them to (its absolute path, compiled in;
 * only when no one but its owner, this user or root, may write to it).
 * Never a folder relative to the current one.  A module exports one symbol, unpress_module_NAME:
 * a table of functions whose first member is the version of the interface
 * it was built for.  Everything else in it is hidden; it calls back into
 * the program for the lower floors (util/, akn/...), which the program
 * exports for it. */
#ifndef UNPRESS_UTIL_MODULE_H
#define UNPRESS_UTIL_MODULE_H

#include <stdint.h>

/* What a module's one exported table is marked with (the modules are
 * compiled with -fvisibility=hidden). */
#define MODULE_EXPORT __attribute__((visibility("default")))

/* Module NAME's table, loaded once per process; the same answer on every
 * later call.  NULL when it cannot be had, with *status EX_UNAVAILABLE
 * (no such file) or EX_SOFTWARE (a file that is not a module of this
 * program: not a shared object, a symbol the program lacks, no table, a
 * table for another interface version) and *why a sentence that says
 * which and what to do.  abi: the interface version the caller expects,
 * which the table's first member (an unsigned) must equal. */
const void *module_load(const char *name, unsigned abi, int *status, const char **why);

/* The folder modules are looked for in (see above). */
const char *module_dir(void);

/* Fold into h what every module in module_dir() is: each NAME.so in name
 * order, its name and its GNU build ID (read from the file, not loaded),
 * or its bytes when it has none.  So a rebuilt module is a changed
 * program (util/program.h). */
uint64_t module_hash(uint64_t h);

#endif
