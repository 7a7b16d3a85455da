/* diag.h — diagnostics in compiler style: "FILE:LINE: warning: message".
 *
 * Every normalising pass reports each repair it makes at the source line it
 * came from (a "note"), and each loss it cannot repair (a "warning"), so an
 * editor or CI can jump to it.  Notes are printed only with -v; warnings
 * always (unless -q); --werror turns warnings into a failing exit code. */
#ifndef UNPRESS_DIAG_H
#define UNPRESS_DIAG_H

#include <stdio.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

struct diag {
	const char *file;	/* input path as given on the command line */
	int verbosity;		/* 0 quiet, 1 warnings, 2 notes too */
	unsigned notes, warnings, errors;
	FILE *stream;		/* stderr, or a memory stream in tests */
	/* Optional collector: tests assert on what a pass said, batch/convert.c
	 * keeps the warnings' text, util/pool.c counts what a child said.
	 * A note's text is formatted only when notes are shown (-v); the
	 * collector gets "" otherwise. */
	void (*collect)(void *ctx, enum diag_level, int line, const char *pass,
			const char *msg);
	void *collect_ctx;
};

void diag_init(struct diag *d, const char *file, int verbosity);
/* pass: the short name of the pass ("furniture", "footnotes", ...). */
void diag_report(struct diag *d, enum diag_level level, int line,
		 const char *pass, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#define diag_note(d, line, pass, ...) diag_report(d, DIAG_NOTE, line, pass, __VA_ARGS__)
#define diag_warn(d, line, pass, ...) diag_report(d, DIAG_WARNING, line, pass, __VA_ARGS__)
#define diag_error(d, line, pass, ...) diag_report(d, DIAG_ERROR, line, pass, __VA_ARGS__)

#endif
