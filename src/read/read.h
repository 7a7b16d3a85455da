/* read/read.h — the reading room's door: input bytes into a document's
 * blocks, before any pass. */
#ifndef UNPRESS_READ_READ_H
#define UNPRESS_READ_READ_H

#include <stddef.h>

#include "doc/document.h"

/* Decode bytes (read/input.c: encodings, BOM, bad bytes), blank a YAML
 * front matter (read/frontmatter.c), tell the layout (read/layout.c) and
 * read the lines into blocks: cmark-gfm for a paragraph per line
 * (read/ingest.c), the page model for printed lines (read/wrapped.c).
 * 0, or a sysexits code when the bytes are not text. */
int read_document(struct document *doc, const char *bytes, size_t len);
/* The same for the file doc->path ("-": standard input), read with a
 * bound (read/input.c); EX_NOINPUT, EX_IOERR, EX_DATAERR as it fails. */
int read_document_file(struct document *doc);

#endif
