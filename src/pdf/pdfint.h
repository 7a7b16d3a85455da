/* pdfint.h — the PDF edition's layout engine, shared between its files.
 *
 *   style.c     reads styles/pdf-style.conf into struct pdf_style
 *   hyphen.c    break points (patterns.c, else libhyphen), given to pango as soft hyphens
 *   patterns.c  TeX hyphenation patterns by Liang's algorithm
 *   rich.c      styled text under construction (text + pango attributes,
 *               links, footnote references)
 *   flow.c      walks the AKN tree into a flat list of blocks and notes
 *   layout.c    shapes each block once with pango and measures it
 *   wordshape.c the same from a cache of shaped words, for plain Latin text
 *   lines.c     breaks the shaped text into lines (greedy, justified)
 *   laying.c    lays blocks out one after another (missing glyphs named once)
 *   plan.c      keeps each laid-out block's measures, apart from the block
 *   paginate.c  breaks the measured lines into pages, keeping footnotes with
 *               their references, no widows/orphans, headings with what follows
 *   draw.c      paints the pages with cairo (text, furniture, links, tags)
 *   drawing.c   the PDF file drawn page after page: surface, metadata, outline
 *   streamed.c  a long document walked twice: measured, then drawn
 *   pdf.c       the entry point: fonts, context, the document whole or streamed
 *
 * All lengths are in points; a page's body area is measured from its top
 * margin downwards. */
#ifndef UNPRESS_PDFINT_H
#define UNPRESS_PDFINT_H

#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "akn/read.h"
#include "pdf/patterns.h"
#include "util/atomic.h"
#include "util/buf.h"

struct pdf_style {
	double page_width, page_height;
	double margin_top, margin_bottom, margin_inner, margin_outer;
	double header_baseline, footer_baseline, header_size, footer_size;
	char font_family[64];
	char font_features[64];	/* OpenType features for every block ("kern 0"), or "" */
	double body_size, body_leading, paragraph_space;
	int justify, hyphenate, hyphen_min_word, hyphen_ascii_words;
	char hyphen_dict[256];
	double indent_step;
	double h1_size, h2_size, h3_size, h4_size;
	double heading_space_before, heading_space_after;
	double cover_org_size, cover_symbol_size, cover_size, cover_rule;
	double title_size, title_space_before, title_space_after;
	double note_size, note_leading, note_space, note_rule_length, note_rule_gap;
	double note_marker_width;
	int toc_min_headings;
	double toc_page_width, toc_leader_pitch, toc_leader_gap;
	double superscript_rise, superscript_scale;
	double table_size, table_leading;	/* a table's cells */
};

/* Returns 0, or a sysexits code after reporting through diag. */
struct diag;
/* lang: the document's language (BCP 47 primary tag), whose section of
 * the file applies. */
int pdf_style_load(struct pdf_style *s, const char *path, const char *lang, struct diag *diag);

/* hyphen.c */
struct pdf_hyphenator;
/* NULL when dict_path is empty or cannot be read.  ascii_words: English
 * (see hyphen.c). */
struct pdf_hyphenator *pdf_hyphenator_open(const char *dict_path, int min_word, int ascii_words);
void pdf_hyphenator_close(struct pdf_hyphenator *h);
/* Append text to out with U+00AD at every allowed break inside words. */
void pdf_hyphenate_append(struct pdf_hyphenator *h, struct buf *out, const char *text, size_t len);

/* rich.c: styled text.  Offsets are byte offsets into text. */
struct pdf_link {
	int start, end;
	char *target;		/* URI, or an eId when internal */
	int internal;
};
struct pdf_noteref {
	int offset;		/* where the marker sits in the text */
	int note;		/* index into pdf_doc.notes */
	int line;		/* filled by layout */
};
struct pdf_rich {
	struct buf text;
	PangoAttrList *attrs;
	struct pdf_link *links;
	int nlinks, links_cap;
	struct pdf_noteref *refs;
	int nrefs, refs_cap;
	int pending_space;	/* collapse XML whitespace runs */
	struct pdf_hyphenator *hyph;
};
void rich_init(struct pdf_rich *r, struct pdf_hyphenator *hyph);
void rich_free(struct pdf_rich *r);
void rich_text(struct pdf_rich *r, const char *s);	/* collapses whitespace, hyphenates */
void rich_literal(struct pdf_rich *r, const char *s);	/* as is, no hyphenation */
int rich_pos(struct pdf_rich *r);			/* flushes a pending space first? no */
void rich_attr(struct pdf_rich *r, PangoAttribute *a, int start, int end);
void rich_link(struct pdf_rich *r, int start, int end, const char *target, int internal);
void rich_noteref(struct pdf_rich *r, int offset, int note);
void rich_trim(struct pdf_rich *r);			/* drop trailing space */
/* The text and the lists of links and note references at their lengths:
 * a finished block keeps them to its page (a note's one reference sat in
 * room for eight, its text in a buffer up to twice its length). */
void rich_shrink(struct pdf_rich *r);
/* Remove `prefix` and the spaces after it from the start of the text
 * (attributes, links and note references move with it); 1 if it was there. */
int rich_drop_prefix(struct pdf_rich *r, const char *prefix);

enum pdf_block_kind {
	BLK_PARA,		/* body text (P) */
	BLK_HEADING,		/* H1..H4 */
	BLK_TITLE,		/* the document title (H1 without outline parent) */
	BLK_COVER,		/* a cover line */
	BLK_TOC,		/* a contents entry */
	BLK_NOTE,		/* a footnote (laid out in the note area) */
	BLK_ROW,		/* a table row: its cells side by side, never split */
};

enum pdf_font_role { FONT_BODY, FONT_NOTE, FONT_H1, FONT_H2, FONT_H3, FONT_H4,
		     FONT_TITLE, FONT_COVER, FONT_COVER_ORG, FONT_TABLE, FONT_COVER_SYMBOL };

/* One line of a block: pieces of the shaped runs, in order. */
struct pdf_line {
	int start, end;		/* bytes of the text shown (trailing spaces dropped) */
	double x;		/* offset from the block's text x (indent, centring) */
	double width;		/* as drawn, justification included */
	PangoGlyphItem **runs;
	int nruns, runs_cap;
	PangoGlyphString *hyphen;	/* drawn after the runs when broken at a soft hyphen */
	PangoFont *hyphen_font;
};

struct pdf_block {
	enum pdf_block_kind kind;
	int level;		/* heading level 1..4, list depth for paragraphs */
	enum pdf_font_role font;
	int bold, italic, center, justify;
	int align_end;		/* lines flush with the end of the line (right in LTR) */
	struct pdf_rich rich;
	char *num;		/* hanging number ("9.", "(a)", "I."), or NULL */
	char *right;		/* right-aligned companion text (cover symbol, page no.) */
	int right_on_last;	/* draw `right` on the last line, not the first */
	double num_x, text_x;	/* offsets from the text area's left edge */
	double right_reserve;	/* width kept free at the right */
	double first_indent;	/* extra first-line indent */
	double space_before, space_after;
	int keep_with_next;
	double rule_below;	/* line width of a rule under the block, 0 = none */
	double rule_above;	/* and above it */
	double box_width;	/* when > 0: the text's width (a table cell) */
	struct pdf_block **cells;	/* BLK_ROW: its cells (text_x is the column's) */
	int ncells, cells_cap;
	int header_row;		/* BLK_ROW: every cell a th */
	char *dest;		/* eId: a named destination */
	char *outline;		/* outline (bookmark) title for headings */
	const char *tag;	/* structure tag: "P", "H1", "LI", ... */
	char *label;		/* heading text without its number (contents list) */
	int target;		/* contents entry: the index of the heading it lists
				 * (pdf_doc.blocks, pdf_plan.blocks), else -1 */
	char *target_dest;	/* and that heading's eId */
	int page_break_before;
	/* filled by layout.c */
	struct pdf_block *num_block;	/* the hanging number, laid out as a block of its own */
	PangoLayout *right_layout;
	struct pdf_line *line;	/* the text's lines */
	GSList *shaped;		/* the shaped runs the lines' pieces are views of
				 * (PangoGlyphItem *), or NULL when they are copies */
	int nline, line_cap;
	/* Lines hold their glyphs (runs, hyphen) only while their page is
	 * drawn: laid out, a block keeps each line's bytes and geometry
	 * (what pagination and the contents list need), and the glyphs are
	 * made again from the same words when the page is drawn
	 * (pdf_lines_materialize), so a document's glyphs are bounded by a
	 * page's.  materialized: every line has its glyphs now.  A long
	 * text from the word cache is laid out in windows (win), each made
	 * again alone. */
	int materialized;
	struct pdf_window *win;
	int nwin, win_cur;	/* win_cur: the first window that may hold glyphs */
	int nlines;		/* lines the block takes (at least one for a lone number) */
	double leading, ascent;	/* uniform line pitch and baseline offset */
	double height;		/* nlines * leading */
	/* its entry in pdf_doc's blocks or notes (NULL for a cell): a block
	 * is freed once its last line is drawn, and the entry set to NULL */
	struct pdf_block **home;
};

/* A window of a long text (layout.c): bytes [ls, we) of one hard line
 * broken into lines from ls, which starts a line; the words shaped from
 * the word that holds ls.  Its lines are [line0, line0 + nlines) of the
 * block: all it broke but the last, which the window's end may have
 * cut, unless we ends the hard line. */
struct pdf_window {
	int ls, we;
	int first;		/* ls starts the hard line (its first line is indented) */
	int line0, nlines;
	GSList *shaped;		/* while its lines hold glyphs: the runs they view */
	int live;
};

/* plan.c: what pagination, the contents list and the outline need of
 * each laid-out block and note, kept apart from the blocks (a few dozen
 * bytes against a block's hundreds and its text) so that a long document
 * can be paginated whole while its blocks are made, measured and freed
 * one at a time (pdf.c, streamed), and made again to be drawn. */
struct pdf_measure {
	double leading, height, space_before, space_after;
	int nlines;
	int ref0, nrefs;	/* its note references: plan.refs[ref0, ref0 + nrefs) */
	int page;		/* filled by paginate.c: the page of its first line */
	double y;		/* and that line's body-area y */
	unsigned char kind, keep_with_next, page_break_before;
};
struct pdf_measured_ref {
	int line, note;		/* a note's reference mark on this line (index into notes) */
};
struct pdf_outline_entry {
	int index;		/* of its block in plan.blocks */
	char *title;
	int kind, level;
};
struct pdf_plan {
	struct pdf_measure *blocks;
	int nblocks, blocks_cap;
	struct pdf_measure *notes;
	int nnotes, notes_cap;
	struct pdf_measured_ref *refs;
	int nrefs, refs_cap;
	struct pdf_outline_entry *outline;
	int noutline, outline_cap;
	/* for the structure budget (pdf.c): the text's bytes and the
	 * structure elements, links and destinations its drawing makes */
	size_t text_bytes, tags;
};
/* Append the measure of laid-out block b (a note: to the notes). */
void pdf_plan_block(struct pdf_plan *pl, const struct pdf_block *b);
void pdf_plan_note(struct pdf_plan *pl, const struct pdf_block *b);
/* More structure elements, links and destinations than the budget allows
 * for the plan's text (plan.c)? */
int pdf_plan_over_budget(const struct pdf_plan *pl);
#define PDF_TAG_BYTES 10	/* text bytes for each, at the most */
/* Put the blocks of `ins` (no note references) before block `at`. */
void pdf_plan_splice(struct pdf_plan *pl, int at, struct pdf_plan *ins);
void pdf_plan_free(struct pdf_plan *pl);

/* flow.c: the contents list's sources, gathered as the blocks are made */
struct pdf_toc_source {
	int index;		/* the heading's, among the blocks made */
	int level;
	char *num, *label, *dest;
};
struct pdf_toc {
	int count;		/* headings of level 1 and 2 with a text */
	struct pdf_toc_source *src;	/* those with a destination */
	int nsrc, src_cap;
	int after;		/* the last block of the front (cover, title), or -1 */
	int past_front;
};

struct pdf_doc {
	struct pdf_block **blocks;
	int nblocks, blocks_cap;
	struct pdf_block **notes;
	int nnotes, notes_cap;
	char *symbol, *title, *job_number, *date, *body, *lang;
	struct akn_doc akn;	/* the shared reader's facts */
	struct akn_unknown unknown;	/* elements shown as text, named under -v */
	struct pdf_hyphenator *hyph;
	const struct pdf_style *style;
	PangoContext *ctx;
	struct pdf_words *words;	/* the word cache, from layout to the last page drawn */
	struct pdf_plan plan;		/* the blocks' and notes' measures, in their order */
	int flowed;			/* blocks made by the walk so far */
	/* drawn without structure tags, links and destinations: too many
	 * for its text (pdf_plan_over_budget) */
	int untagged;
	struct pdf_toc toc;
};

/* flow.c: the blocks of the document parts walks (whole, or read as the
 * walk goes: akn/parts.h), whose facts pdf.c read into d->akn from its
 * front, each given to sink as it is finished, or, when sink is NULL,
 * appended to d->blocks; the notes to d->notes, each before the block
 * that refers to it.  d->toc gathers the contents list's sources. */
struct akn_parts;
void pdf_flow_build(struct pdf_doc *d, struct akn_parts *parts,
		    void (*sink)(void *ctx, struct pdf_block *b), void *ctx);
/* The contents list when the document is long enough (d->toc), as n
 * blocks (returned; *entries to free) to go before block *at; 0 when
 * none.  Their targets are the indices the headings have once they are
 * in. */
int pdf_flow_toc(struct pdf_doc *d, struct pdf_block ***entries, int *at);
void pdf_doc_free(struct pdf_doc *d);
void pdf_block_free(struct pdf_block *b);

/* layout.c */
double pdf_text_width(const struct pdf_style *s);
/* Font ascent and descent per font role, bold and italic, asked of pango
 * once (pango_context_get_metrics costs as much as shaping a line). */
struct pdf_metrics_cache {
	double asc[FONT_COVER_SYMBOL + 1][2][2], desc[FONT_COVER_SYMBOL + 1][2][2];
	char known[FONT_COVER_SYMBOL + 1][2][2];
};
struct pdf_words;
void pdf_layout_block(PangoContext *ctx, const struct pdf_style *s, struct pdf_metrics_cache *mc,
		      struct pdf_words *words, struct pdf_block *b);
void pdf_layout_right(PangoContext *ctx, const struct pdf_style *s, struct pdf_block *b);
/* Gives lines [from, to) of laid-out block b (a row: every cell's) their
 * glyphs again, as layout made them; a long text's windows before
 * `from` lose theirs. */
void pdf_lines_materialize(PangoContext *ctx, const struct pdf_style *s, struct pdf_words *words,
			   struct pdf_block *b, int from, int to);
/* The hanging number of laid-out block b as a block of its own, its
 * line holding its glyphs (pdf_block_free when drawn), or NULL. */
struct pdf_block *pdf_number_block(PangoContext *ctx, const struct pdf_style *s, struct pdf_words *words,
				   const struct pdf_block *b);

/* A block's text shaped unwrapped, ready to be broken into lines: its hard
 * lines (split at "\n") as lists of shaped runs, and the break
 * opportunities of each character.  Made by pango (layout.c) or from the
 * word cache (wordshape.c). */
struct pdf_hard_line {
	int start, length;	/* bytes of the text */
	GSList *runs;		/* PangoGlyphItem *, left to right */
};
struct pdf_shaped {
	const char *text;
	int len;			/* bytes of text */
	const PangoLogAttr *attrs;	/* per character, n + 1 */
	int n;				/* characters */
	struct pdf_hard_line *lines;
	int nlines;
	PangoShapeFlags shape_flags;	/* as the runs were shaped */
	/* hyphen_given: the width of the hyphen for fitting is
	 * hyphen_width, the block's first run's (a window's first run may
	 * be another font's); else the first run's here */
	int hyphen_given;
	double hyphen_width;
	/* the runs may be lent: the lines' left-to-right pieces are views
	 * of them (not copies), the caller then handing the runs to the
	 * block (pdf_words_shaped_lend) */
	int lend;
};

/* wordshape.c: each distinct word shaped once per document and font. */
struct pdf_words *pdf_words_new(PangoContext *ctx);
void pdf_words_free(struct pdf_words *w);
/* Shapes b's text (its base font fd) from the cache into sh and returns 1;
 * returns 0, with nothing to free, when the text or its attributes need
 * pango's full analysis (see wordshape.c for what qualifies). */
int pdf_words_shape(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd,
		    struct pdf_shaped *sh);
void pdf_words_shaped_free(struct pdf_shaped *sh);
/* Can b's text be shaped from the cache (but for a word the font lacks)? */
int pdf_words_plain(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd);
/* Window wn of b's text (see struct pdf_window) shaped from the cache
 * into sh, with a few characters either side for the break analysis:
 * sh->text is b's text from byte *base, every offset in sh counts from
 * there, and sh's one hard line is [wn->ls, wn->we).  0 (nothing to
 * free) when a word has a character the font lacks. */
int pdf_words_shape_window(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd,
			   const struct pdf_window *wn, struct pdf_shaped *sh, int *base);
/* Bound the cache (a text of distinct numbers or symbols grows it by
 * every word): forget every word when it holds too many.  The shaping
 * of a word is the same every time. */
void pdf_words_trim(struct pdf_words *w);
/* The same, the runs going to b->shaped (sh->lend: b's lines view them). */
void pdf_words_shaped_lend(struct pdf_shaped *sh, struct pdf_block *b);
/* The ascent and descent (pango units) of base font fd in the given weight
 * and style, as pango_context_get_metrics gives them, or 0. */
int pdf_words_extents(struct pdf_words *w, const PangoFontDescription *fd, int bold, int italic,
		      int *ascent, int *descent);

/* lines.c: fills b->line from sh. */
/* A new glyph item: a copy of gi's item and offsets, holding glyphs
 * (taken, not copied); allocated as pango_glyph_item_free frees it. */
PangoGlyphItem *pdf_glyph_item_with(const PangoGlyphItem *gi, PangoGlyphString *glyphs);
/* An empty glyph string with room for exactly n glyphs (at least one). */
PangoGlyphString *pdf_glyph_string_sized(int n);
/* A copy of gi, its own arrays as long as its glyphs (pango_glyph_item_copy
 * copies a string's capacity: none of a line's view of a run). */
PangoGlyphItem *pdf_glyph_item_copy(const PangoGlyphItem *gi);
void pdf_break_lines(struct pdf_block *b, const struct pdf_shaped *sh, double width, double indent);
/* Line index (0-based) holding byte offset idx of a block's text. */
int pdf_line_of_index(struct pdf_block *b, int idx);
/* The first line of [from, to) that ends after byte idx (to if none). */
int pdf_first_line_ending_after(const struct pdf_block *b, int from, int to, int idx);
int pdf_line_x_range(const struct pdf_block *b, const struct pdf_line *ln, int start, int end,
		     double *x1, double *x2);
void pdf_lines_free(struct pdf_block *b);
/* The glyphs of line ln dropped (its bytes and geometry kept). */
void pdf_line_drop_glyphs(struct pdf_line *ln);
/* Every line of b (and of its cells) without its glyphs, its number
 * block freed: what the block keeps once laid out, until it is drawn. */
void pdf_lines_release(struct pdf_block *b);

/* paginate.c: a page is a list of slices of blocks and notes. */
struct pdf_slice {
	int index;		/* of the block in pdf_doc.blocks (notes: .notes) */
	int from, to;		/* lines [from, to) */
	double y;		/* top of line `from` in the body area (notes: note area) */
};
struct pdf_page {
	struct pdf_slice *body;
	int nbody, body_cap;
	struct pdf_slice *notes;
	int nnotes, notes_cap;
	double notes_height;	/* including the rule and its gaps */
};
struct pdf_pages {
	struct pdf_page *page;
	int npages, cap;
};
void pdf_paginate(struct pdf_doc *d, struct pdf_pages *out);
void pdf_pages_free(struct pdf_pages *p);

/* laying.c: blocks laid out one after another.  Each then keeps its
 * lines' bytes and geometry but not their glyphs (made again when its
 * page is drawn), but for the first blocks' while their glyphs stay
 * under `budget` (a megabyte; UNPRESS_PDF_GLYPHS_KEPT): an ordinary
 * document is then drawn from its layout, as fast as it was, and a long
 * one holds at most that more.  The characters no font has are named as
 * each is laid out (seen; NULL once done: named already). */
struct pdf_laying {
	struct pdf_metrics_cache mc;
	size_t budget, kept;
	GHashTable *seen;
	struct diag *diag;
};
void pdf_laying_init(struct pdf_laying *l, struct diag *diag);
void pdf_laying_done(struct pdf_laying *l);
/* Lay out the block whose entry is *home (it then points back there). */
void pdf_lay_out(struct pdf_doc *d, struct pdf_laying *l, struct pdf_block **home);
/* Give the contents list's entries, blocks [at, at + n), the pages of
 * their headings (d->plan, paginated). */
void pdf_toc_fill(struct pdf_doc *d, int at, int n);

/* drawing.c: the PDF file, drawn page after page into a temporary file
 * that replaces path only when it is whole. */
struct pdf_out {
	struct atomic_file af;
	int error;		/* errno of the first failed write, or 0 */
};
struct pdf_drawing {
	struct pdf_out out;
	cairo_surface_t *surface;
	cairo_t *cr;
	struct pdf_pages *pages;
	int next;		/* the next page to draw (1-based) */
};
struct render_opts;
/* 0 or a sysexits code, reported. */
int pdf_drawing_open(struct pdf_drawing *dr, struct pdf_doc *doc, struct pdf_pages *pages, const char *path,
		     const struct render_opts *opts);
/* Draw the pages whose blocks are all there: those whose body holds no
 * block after `ready` (INT_MAX: every page left), each page's slices
 * freed once drawn. */
void pdf_draw_pages(struct pdf_drawing *dr, struct pdf_doc *doc, int ready);
/* Finish the file, with the outline (failed: drop it): 0 or a sysexits
 * code, reported. */
int pdf_drawing_close(struct pdf_drawing *dr, struct pdf_doc *doc, const char *path,
		      const struct render_opts *opts, int failed);

/* streamed.c: the PDF of a long document, walked twice (see there);
 * toc: with a contents list when long enough. */
int pdf_write_streamed(struct pdf_doc *d, struct akn_parts *parts, int toc, const char *path,
		       const struct render_opts *opts);

/* catalog.c: adds /Lang and, right to left, /ViewerPreferences
 * /Direction /R2L to the catalog of the PDF cairo wrote to f (open for
 * writing, on a file that can be read too, as util/atomic.h makes it).
 * 0; -1 when the file is not laid out as cairo lays it out (the file
 * unchanged); -2 when it could not be read or written (errno). */
int pdf_catalog_add_file(FILE *f, const char *lang, int rtl);

/* draw.c */
void pdf_draw_page(cairo_t *cr, struct pdf_doc *d, struct pdf_pages *pages, int pageno);

/* Space above and below a table row's text. */
#define PDF_CELL_PAD 1.5

/* Growable array push: p (pointer), n (count), cap. */
#define PDF_PUSH(p, n, cap, val) do { \
	if ((n) == (cap)) { (cap) = (cap) ? 2 * (cap) : 8; \
		(p) = xrealloc((p), (size_t)(cap) * sizeof *(p)); } \
	(p)[(n)++] = (val); } while (0)

#endif
