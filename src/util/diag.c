#include "util/diag.h"
#include <stdarg.h>
#include <stdio.h>

void diag_init(struct diag *d, const char *file, int verbosity)
{
	d->file = file;
	d->verbosity = verbosity;
	d->notes = d->warnings = d->errors = 0;
	d->stream = stderr;
	d->collect = NULL;
	d->collect_ctx = NULL;
}

void diag_report(struct diag *d, enum diag_level level, int line,
		 const char *pass, const char *fmt, ...)
{
	static const char *const level_names[] = {"note", "warning", "error"};
	char msg[1024];
	/* A note is shown only with -v; the passes make thousands of them,
	 * so without -v they are counted, not formatted (a collector gets
	 * them without their text). */
	msg[0] = '\0';
	if (level != DIAG_NOTE || d->verbosity >= 2) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
	}

	switch (level) {
	case DIAG_NOTE: d->notes++; break;
	case DIAG_WARNING: d->warnings++; break;
	case DIAG_ERROR: d->errors++; break;
	}
	if (d->collect)
		d->collect(d->collect_ctx, level, line, pass, msg);

	int shown = level == DIAG_ERROR || (level == DIAG_WARNING && d->verbosity >= 1) ||
		    (level == DIAG_NOTE && d->verbosity >= 2);
	if (!shown || !d->stream)
		return;
	if (line > 0)
		fprintf(d->stream, "%s:%d: %s: %s [%s]\n", d->file, line,
			level_names[level], msg, pass);
	else
		fprintf(d->stream, "%s: %s: %s [%s]\n", d->file, level_names[level], msg, pass);
}
