/* pdf/module.h — the PDF edition as a module (util/module.h): pdf.so holds
 * every file of src/pdf/ but door.c and links cairo, pango and libhyphen;
 * the program holds door.c alone, whose pdf_edition_write (akn/edition.h)
 * loads the module the first time a PDF is asked for and calls into it.
 * A run that writes no PDF never maps those libraries. */
#ifndef UNPRESS_PDF_MODULE_H
#define UNPRESS_PDF_MODULE_H

#include "akn/edition.h"

/* The interface's version: a hash of every header of src/ (the Makefile's
 * HEADERS_HASH, given to door.c and export.c alone), so that a module
 * built from other headers (the table, struct render_opts, the AKN
 * reader's structures) is refused rather than called.  Builds that link
 * the edition in (the fuzzers) have no door and need none. */
#ifndef UNPRESS_ABI
#define UNPRESS_ABI 1u
#endif
#define PDF_MODULE_ABI UNPRESS_ABI

/* What pdf.so exports, as the symbol unpress_module_pdf. */
struct pdf_module {
	unsigned abi;		/* PDF_MODULE_ABI when it was built */
	int (*edition_write)(xmlDocPtr akn, const char *path, const struct render_opts *opts);
	int (*edition_write_parts)(struct akn_parts *parts, const char *path, const struct render_opts *opts);
};

#endif
