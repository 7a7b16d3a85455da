/* doc/document.h — a document on its way through the pipeline.
 *
 * ingest turns the input text into a flat list of blocks (one per Markdown
 * leaf block, in source order); each normalising pass rewrites that list:
 * it assigns roles, rewrites inline text, merges blocks and marks blocks
 * dropped.  akn/build.c then builds the XML tree from the roles.  Everything here
 * lives in the document's arena. */
#ifndef UNPRESS_DOCUMENT_H
#define UNPRESS_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"

/* Inline markup inside block text.  ingest removes every C0 control byte but
 * tab and newline from the input, so these bytes cannot come from the
 * source and never need escaping.
 *   MK_EM_OPEN text MK_EM_CLOSE            emphasis (italic)
 *   MK_STRONG_OPEN text MK_STRONG_CLOSE    strong (bold)
 *   MK_SUP_OPEN text MK_SUP_CLOSE          superscript (before the footnote pass)
 *   MK_LINK_OPEN href MK_LINK_MID text MK_LINK_CLOSE   a link / reference
 *   MK_NOTE index MK_NOTE_END              footnote reference: doc->notes[index]
 *   MK_BREAK                               hard line break (removed by joins) */
#define MK_EM_OPEN '\x01'
#define MK_EM_CLOSE '\x02'
#define MK_STRONG_OPEN '\x03'
#define MK_STRONG_CLOSE '\x04'
#define MK_SUP_OPEN '\x05'
#define MK_SUP_CLOSE '\x06'
#define MK_LINK_OPEN '\x0e'
#define MK_LINK_MID '\x0f'
#define MK_LINK_CLOSE '\x10'
#define MK_NOTE '\x11'
#define MK_NOTE_END '\x12'
#define MK_BREAK '\x13'

enum block_kind {
	BLOCK_TEXT,	/* a paragraph (or list item paragraph, table row, code line) */
	BLOCK_HEADING,	/* a Markdown heading; its level means little (DESIGN §2) */
	BLOCK_RULE,	/* a thematic break: a page separator in extracted text */
	BLOCK_PAGEBREAK,	/* a form feed */
};

/* What a block is in the document, decided by the passes. */
enum block_role {
	ROLE_BODY,		/* undecided / unnumbered body text */
	ROLE_DROPPED,		/* removed (furniture, merged into another block) */
	ROLE_FOOTNOTE_DEF,	/* a footnote definition, consumed by footnotes.c */
	ROLE_COVER,		/* cover line whose facts went to doc->meta */
	ROLE_TITLE,		/* the document title */
	ROLE_SUBTITLE,		/* e.g. "Background paper prepared by the Secretariat" */
	ROLE_CHAPTER,		/* I. … */
	ROLE_SECTION,		/* A. … */
	ROLE_SUBSECTION,	/* 1. … (a heading, not a paragraph) */
	ROLE_CROSSHEADING,	/* an unnumbered heading */
	ROLE_RESOLUTION,	/* "Resolution 11/1" */
	ROLE_DECISION,		/* "Decision 11/2" */
	ROLE_ANNEX,		/* "Annex", "Annex I" */
	ROLE_INSTRUMENT_TITLE,	/* the heading line under Resolution/Decision/Annex */
	ROLE_FORMULA,		/* "The Conference of the Parties …," */
	ROLE_PREAMBLE,		/* a preambular clause */
	ROLE_PARAGRAPH,		/* a numbered paragraph: num = "9." */
	ROLE_POINT,		/* a lettered / roman item: num = "(a)", depth 1.. */
	ROLE_CONCLUSIONS,	/* "80th plenary meeting / 17 December 2015" after a resolution */
	ROLE_SIGNATURE,		/* "(Signed) Name" and the signer's office under it */
	ROLE_TABLE,		/* a table rebuilt from its cells: rows by '\n', cells by '\t' */
};

struct block {
	enum block_kind kind;
	enum block_role role;
	int line;		/* 1-based source line where the block starts */
	int end_line;		/* last source line */
	int md_level;		/* Markdown heading level, 0 if not a heading */
	int list_depth;		/* Markdown list nesting it sat in (0 = none) */
	bool list_ordered;	/* innermost list was ordered ("1.") */
	bool item_start;	/* the first paragraph of a list item: never the rest of another */
	bool bold;		/* the whole text was bold in the source */
	bool italic;		/* the whole text was italic in the source */
	char *text;		/* inline text with MK_ markup, no leading number */
	char *num;		/* "9.", "(a)", "I.", "A.", "Annex I", "11/1"; or NULL */
	int depth;		/* ROLE_POINT nesting: 1 for (a), 2 for (i) */
	char *name;		/* ROLE_PREAMBLE: its opening phrase ("Recalling also") */
	bool operative_verb;	/* ROLE_PARAGRAPH in a resolution: text opens with its verb */
	bool page_break;	/* ROLE_DROPPED furniture: a page ended here */
	bool table_head;	/* ROLE_TABLE: its first row is the head */
};

/* A footnote: its marker as printed, its text (inline markup), and where it
 * was defined and referenced.  Numbering restarts in annexes: scope counts
 * the restarts, so (scope, marker) is unique. */
struct note {
	char *marker;
	char *text;		/* NULL when the definition was lost */
	int def_line, ref_line;
	int scope;
	bool referenced;
	bool placed;		/* akn/build.c put it in the XML */
	int ref_slot;		/* footnotes.c: which text holds the reference (-1 none) */
};

struct doc_meta {
	char *symbol;		/* "CTOC/COP/2022/9" */
	char *symbol_note;	/* what followed the symbol on its line ("*": a note reference) */
	char *meeting;		/* a subsidiary body meeting: "Working Group on International Cooperation" */
	char *distribution;	/* "General", "Limited", "générale" */
	const char *distribution_label;	/* as printed before it: "Distr.:", "Distr." (NULL: "Distr.:") */
	char *date_text;	/* "8 November 2022" */
	char *date_iso;		/* "2022-11-08" */
	char *language;		/* "English": the cover's "Original:", the language drafted in */
	char lang[8];		/* the language of this text, BCP 47 ("en", "fr", "zh"; "und") */
	char *organization;	/* "United Nations" */
	char *body;		/* "Conference of the Parties to …" */
	char *session;		/* "Twelfth session" */
	int session_number;	/* 12 */
	char *place;		/* "Vienna, 14–18 October 2024" */
	char *agenda_item;	/* "Item 5 of the provisional agenda" (text with markup) */
	char *agenda_title;	/* "Technical assistance" */
	char *title;		/* document title */
	const char *type;	/* resolution, resolutionDraft, decision, report, note, backgroundPaper, document */
	char *number;		/* "11/3" for a resolution or decision */
	char *number_printed;	/* the number as the document prints it: "78/123.", "Resolution 11/3" */
	char *adoption;		/* "Resolution adopted by the General Assembly on 2 April 2020" */
	char *adoption_iso;	/* its date: "2020-04-02" */
	char *proponent;	/* "[on the report of the Third Committee (A/75/478, para. 10)]" (markup) */
	char *job_number;	/* "V.23-01234" */
	char *slug;		/* output base name */
	const char *slug_from;	/* what named it: "text", "sidecar", "file name" */
	int line_symbol, line_date;
};

/* How the input's lines relate to its paragraphs (src/read/layout.c). */
enum text_layout {
	LAYOUT_PARAGRAPHS,	/* a paragraph per line (or Markdown): cmark-gfm reads it */
	LAYOUT_WRAPPED,		/* a line per printed line (pdftotext): the page model reads it */
	LAYOUT_COLUMNS,		/* printed lines with their columns (pdftotext -layout) */
};

struct document {
	struct arena arena;
	struct diag *diag;
	const char *path;	/* input path */
	const char *source;	/* the input bytes after decoding to UTF-8 */
	size_t source_len;
	struct ptr_vec blocks;	/* struct block *, in source order */
	struct ptr_vec notes;	/* struct note * */
	struct doc_meta meta;
	enum text_layout layout;	/* decided from the text before it is read */
};

/* A document with nothing read yet, its arena empty; document_free frees
 * everything it came to own. */
void document_init(struct document *doc, const char *path, struct diag *diag);
void document_free(struct document *doc);
/* A new block at the end of doc's blocks, in its arena. */
struct block *document_add_block(struct document *doc, enum block_kind kind, int line);
#define DOC_BLOCK(doc, i) ((struct block *)(doc)->blocks.items[i])
#define DOC_NOTE(doc, i) ((struct note *)(doc)->notes.items[i])

#endif
