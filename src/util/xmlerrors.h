/* xmlerrors.h — what libxml2 and libxslt say, in unpress's words.
 *
 * Both libraries print their errors to stderr as they come, a line in
 * pieces ("I/O warning : failed to load external entity …").  Every
 * failure they report is also reported by our own code, with the file and
 * what it means for the document; their raw text is kept for -v. */
#ifndef UNPRESS_XMLERRORS_H
#define UNPRESS_XMLERRORS_H

/* Route libxml2's generic error output: with verbosity 2 (-v) each line
 * as "unpress: note: libxml2: …", else nowhere.  libxslt's goes the same
 * way once libxslt is loaded (html/door.c: it is a module). */
void xml_errors_route(int verbosity);
/* The verbosity the route was last given (to put it back after a
 * stretch that silences the libraries). */
int xml_errors_verbosity(void);

#endif
