/* xmlerrors.c — see xmlerrors.h. */
#include "util/xmlerrors.h"

#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int route_verbosity;
static char pending[1024];	/* the line so far: the libraries print in pieces */
static size_t pending_len;

static void flush_line(void)
{
	while (pending_len && (pending[pending_len - 1] == '\n' || pending[pending_len - 1] == ' '))
		pending_len--;
	if (pending_len && route_verbosity >= 2)
		fprintf(stderr, "unpress: note: libxml2: %.*s\n", (int)pending_len, pending);
	pending_len = 0;
}

static void on_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	char piece[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(piece, sizeof piece, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	for (const char *p = piece; *p; p++) {
		if (*p == '\n') {
			flush_line();
			continue;
		}
		if (pending_len < sizeof pending - 1)
			pending[pending_len++] = *p;
	}
}

void xml_errors_route(int verbosity)
{
	route_verbosity = verbosity;
	xmlSetGenericErrorFunc(NULL, on_generic);
	/* libxslt's: where libxml2's goes, when libxslt is loaded
	 * (html/door.c) */
}

int xml_errors_verbosity(void)
{
	return route_verbosity;
}
