/* doc/document.c — a document's blocks, owned by its arena (doc/document.h). */
#include "doc/document.h"

#include <string.h>

struct block *document_add_block(struct document *doc, enum block_kind kind, int line)
{
	struct block *blk = arena_zalloc(&doc->arena, sizeof(*blk));
	blk->kind = kind;
	blk->line = line;
	blk->end_line = line;
	blk->role = ROLE_BODY;
	ptr_vec_push(&doc->arena, &doc->blocks, blk);
	return blk;
}

void document_init(struct document *doc, const char *path, struct diag *diag)
{
	memset(doc, 0, sizeof(*doc));
	arena_init(&doc->arena);
	doc->diag = diag;
	doc->path = path;
}

void document_free(struct document *doc)
{
	arena_free(&doc->arena);
	memset(&doc->blocks, 0, sizeof(doc->blocks));
	memset(&doc->notes, 0, sizeof(doc->notes));
}
