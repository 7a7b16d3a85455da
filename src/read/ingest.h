/* read/ingest.h — extracted text → flat list of blocks, through cmark-gfm. */
#ifndef UNPRESS_INGEST_H
#define UNPRESS_INGEST_H
#include "doc/document.h"
/* Parses doc->source and appends its blocks to doc->blocks.  Returns 0. */
int ingest(struct document *doc);
#endif
