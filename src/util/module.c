/* util/module.c — find, load and identify the editions' modules
 * (util/module.h). */
#include "util/module.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/buildid.h"
#include "util/dirlist.h"
#include "util/hash.h"

/* Whether path is a folder of modules: it holds a shared object.  (A
 * folder merely named "editions", an output folder say, is not one.) */
static bool holds_modules(const char *path)
{
	size_t n = 0;
	char **names = dirlist_sorted(path, ".so", &n);
	if (!names)
		return false;
	dirlist_free(names, n);
	return n > 0;
}

/* Whether a folder only its owner (this user, or root) may write to:
 * the one condition under which the compiled-in build folder is trusted
 * for code to load. */
static bool owned_safely(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_uid == geteuid() || st.st_uid == 0) &&
	       !(st.st_mode & (S_IWGRP | S_IWOTH));
}

/* The places looked in after $UNPRESS_EDITIONS_DIR, relative to the
 * running program's folder: beside it (build/unpress and its
 * build/editions, as the build lays them out), build/editions under it
 * (./unpress in a clone, which `make unpress` copies out of build/), and
 * lib/unpress beside its bin/ (an installation under a prefix). */
static const char *const beside_program[] = {"editions", "build/editions", "../lib/unpress"};

const char *module_dir(void)
{
	static char dir[PATH_MAX];
	if (dir[0])
		return dir;
	const char *env = getenv("UNPRESS_EDITIONS_DIR");
	if (env && *env) {
		snprintf(dir, sizeof dir, "%s", env);
		return dir;
	}
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash = n > 0 ? memrchr(exe, '/', (size_t)n) : NULL;
	/* without /proc the program's folder is unknown: never a folder
	 * relative to the current one, which would load whatever code is
	 * where the user stands */
	if (slash) {
		*slash = '\0';
		for (size_t i = 0; i < sizeof beside_program / sizeof beside_program[0]; i++)
			if (snprintf(dir, sizeof dir, "%s/%s", exe, beside_program[i]) < (int)sizeof dir &&
			    holds_modules(dir))
				return dir;
	}
#ifdef UNPRESS_BUILD_EDITIONS
	/* none there: the folder the build wrote them to, so that a copy of
	 * the program elsewhere on this machine still finds them */
	if (owned_safely(UNPRESS_BUILD_EDITIONS) && holds_modules(UNPRESS_BUILD_EDITIONS)) {
		snprintf(dir, sizeof dir, "%s", UNPRESS_BUILD_EDITIONS);
		return dir;
	}
#endif
	/* nowhere: name the first in what is said about a missing module
	 * (a path too long for PATH_MAX is cut: no module is found there) */
	if (!slash)
		snprintf(dir, sizeof dir, "(the program's folder is unknown without /proc: set UNPRESS_EDITIONS_DIR)");
	else if (snprintf(dir, sizeof dir, "%s/%s", exe, beside_program[0]) >= (int)sizeof dir)
		dir[sizeof dir - 1] = '\0';
	return dir;
}

/* One module's outcome, kept for the life of the process. */
struct loaded {
	char name[16];
	const void *table;
	int status;
	char why[PATH_MAX + 512];
};

/* Try to load NAME into m (m->table, or m->status and m->why). */
static void try_load(struct loaded *m, const char *name, unsigned abi)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/%s.so", module_dir(), name);
	if (access(path, F_OK) != 0) {
		m->status = EX_UNAVAILABLE;
		snprintf(m->why, sizeof m->why, "the %s edition's module %s is missing (%s): `make unpress` builds it; "
			 "UNPRESS_EDITIONS_DIR=DIR names another folder that holds it", name, path, strerror(errno));
		return;
	}
	m->status = EX_SOFTWARE;
	/* RTLD_NOW: a symbol the program lacks is a failure here, not a
	 * crash in the middle of a document */
	void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(m->why, sizeof m->why, "cannot load the %s edition's module: %s "
			 "(a module of another build of unpress? `make` builds it again)", name, dlerror());
		return;
	}
	char symbol[64];
	snprintf(symbol, sizeof symbol, "unpress_module_%s", name);
	const unsigned *table = dlsym(handle, symbol);
	if (!table) {
		snprintf(m->why, sizeof m->why, "%s is not the %s edition's module of unpress (it has no %s)",
			 path, name, symbol);
		dlclose(handle);
		return;
	}
	if (*table != abi) {
		snprintf(m->why, sizeof m->why, "%s was built for another version of unpress (interface %u, "
			 "this program's is %u): `make` builds it again", path, *table, abi);
		dlclose(handle);
		return;
	}
	m->table = table;
	m->status = 0;
}

const void *module_load(const char *name, unsigned abi, int *status, const char **why)
{
	/* two modules today (html, pdf); room for more */
	static struct loaded modules[8];
	struct loaded *m = NULL;
	for (size_t i = 0; i < sizeof modules / sizeof modules[0] && !m; i++)
		if (!modules[i].name[0] || !strcmp(modules[i].name, name))
			m = &modules[i];
	if (!m) {
		*status = EX_SOFTWARE;
		*why = "too many modules";
		return NULL;
	}
	if (!m->name[0]) {
		snprintf(m->name, sizeof m->name, "%s", name);
		try_load(m, name, abi);
	}
	*status = m->status;
	*why = m->why;
	return m->table;
}

uint64_t module_hash(uint64_t h)
{
	const char *dir = module_dir();
	size_t n = 0;
	char **names = dirlist_sorted(dir, ".so", &n);
	if (!names)
		return hash_str(h, "(no modules)");
	struct buf path = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		buf_clear(&path);
		buf_printf(&path, "%s/%s", dir, names[i]);
		h = hash_str(h, names[i]);
		unsigned char id[BUILD_ID_MAX];
		size_t len = build_id_of_file(buf_cstr(&path), id);
		if (len)
			h = hash_add(h, id, len);
		else if (hash_file(&h, buf_cstr(&path)) != 0)
			h = hash_str(h, "(unreadable)");
	}
	buf_free(&path);
	dirlist_free(names, n);
	return h;
}
