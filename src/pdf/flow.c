/* flow.c — walks the AKN tree into the flat list of blocks the PDF edition
 * lays out, plus one block per footnote.  What each element is comes from
 * the shared reader (akn/read.h), so that our own XML and the UN's AKN4UN
 * files are read alike.
 *
 * Indentation follows UN editorial practice: a paragraph's number hangs at
 * the left of the text column and its text starts one indent step in;
 * lettered points hang one step further, their sub-points one more.
 * Preambular clauses and the enacting formula of a resolution are not
 * numbered; their first line is indented one step instead.  (For a
 * right-to-left language draw.c mirrors every position: "left" here is
 * the side a line starts on.) */
#include <stdlib.h>
#include <string.h>

#include "akn/parts.h"
#include "akn/read.h"
#include "pdf/pdfint.h"
#include "util/url.h"
#include "util/xmalloc.h"

struct flow {
	struct pdf_doc *doc;
	const struct pdf_style *s;
	int hlevel;		/* depth of the enclosing heading hierarchy */
	/* the document, whole or read as the walk goes (akn/parts.h): the
	 * children of a container that may be read so (the body, a
	 * hierarchy, a document) come through it, and a block keeps copies
	 * of what it shows, no node */
	struct akn_parts *parts;
	/* each block, as it is finished: to pdf_doc.blocks, or to the
	 * caller's sink (pdf.c's streamed drawing); nothing of a block may
	 * change once it went, so what a later part decides for an earlier
	 * block is decided before it goes: */
	void (*sink)(void *ctx, struct pdf_block *b);
	void *ctx;
	int break_next;		/* the next block starts a page (an annex) */
	int indent_next;	/* the next block, unnumbered text, indents its first line */
};

static int is(xmlNodePtr n, const char *name)
{
	return akn_is(n, name);
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	return akn_child(n, name);
}

static xmlNodePtr find(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (is(c, name))
			return c;
		xmlNodePtr r = find(c, name);
		if (r)
			return r;
	}
	return NULL;
}

static char *attr(xmlNodePtr n, const char *name)
{
	return akn_attr(n, name);
}

static int attr_is(xmlNodePtr n, const char *name, const char *value)
{
	return akn_attr_is(n, name, value);
}

/* Text content with whitespace collapsed, footnotes left out. */
static char *plain_text(xmlNodePtr n)
{
	return akn_text_dup(n);
}

static struct pdf_block *new_block(struct flow *f, enum pdf_block_kind kind, const char *tag)
{
	struct pdf_block *b = xmalloc(sizeof *b);
	memset(b, 0, sizeof *b);
	b->target = -1;
	b->kind = kind;
	b->tag = tag;
	b->font = FONT_BODY;
	b->justify = f->s->justify;
	/* Headings, titles, cover lines and contents entries are never
	 * hyphenated (UN practice); running text and notes are. */
	rich_init(&b->rich, kind == BLK_PARA || kind == BLK_NOTE ? f->doc->hyph : NULL);
	/* the language's OpenType features (styles/pdf-style.conf) */
	if (f->s->font_features[0])
		rich_attr(&b->rich, pango_attr_font_features_new(f->s->font_features), 0, G_MAXINT);
	return b;
}

/* What the contents list needs of block b, the index-th: the headings it
 * lists, and the cover and title blocks it follows. */
static void toc_source(struct pdf_doc *d, const struct pdf_block *b, int index)
{
	struct pdf_toc *t = &d->toc;
	if (b->kind == BLK_HEADING && b->level <= 2 && b->label) {
		t->count++;
		if (b->dest) {
			struct pdf_toc_source src = {index, b->level, b->num ? xstrdup(b->num) : NULL,
						     xstrdup(b->label), xstrdup(b->dest)};
			PDF_PUSH(t->src, t->nsrc, t->src_cap, src);
		}
	}
	/* an annex has a title too: only the document's front counts */
	if (!t->past_front && (b->kind == BLK_COVER || b->kind == BLK_TITLE ||
			       (t->after == index - 1 && b->keep_with_next && b->kind == BLK_PARA && !b->dest)))
		t->after = index;
	else if (t->after >= 0)
		t->past_front = 1;
}

static void add_block(struct flow *f, struct pdf_block *b)
{
	rich_trim(&b->rich);
	rich_shrink(&b->rich);
	if (f->break_next)
		b->page_break_before = 1;
	if (f->indent_next && b->kind == BLK_PARA && !b->num)
		b->first_indent = f->s->indent_step;
	f->break_next = f->indent_next = 0;
	toc_source(f->doc, b, f->doc->flowed++);
	if (f->sink)
		f->sink(f->ctx, b);
	else
		PDF_PUSH(f->doc->blocks, f->doc->nblocks, f->doc->blocks_cap, b);
}

static void inline_walk(struct flow *f, struct pdf_rich *r, xmlNodePtr n);

/* A footnote: the marker goes into the text as a linked superscript, the
 * note itself becomes a block laid out at the foot of the page. */
static void add_note(struct flow *f, struct pdf_rich *r, xmlNodePtr n)
{
	char *marker = attr(n, "marker");
	if (!marker)
		marker = xstrdup("*");
	struct pdf_block *note = new_block(f, BLK_NOTE, "Note");
	note->font = FONT_NOTE;
	note->num = xstrdup(marker);
	note->text_x = f->s->note_marker_width;
	note->dest = attr(n, "eId");
	if (attr_is(n, "class", "missing")) {
		int st = rich_pos(&note->rich);
		rich_literal(&note->rich, "[The text of this footnote was not recovered.]");
		rich_attr(&note->rich, pango_attr_style_new(PANGO_STYLE_ITALIC), st, rich_pos(&note->rich));
	} else {
		int first = 1;
		for (xmlNodePtr c = n->children; c; c = c->next) {
			if (!is(c, "p"))
				continue;
			if (!first)
				rich_literal(&note->rich, "\n");
			first = 0;
			inline_walk(f, &note->rich, c);
		}
	}
	rich_trim(&note->rich);
	if (akn_note_empty_brackets(n) && rich_drop_prefix(&note->rich, "()")) {
		/* the UN's Arabic "(1)": the marker back inside its brackets */
		size_t len = strlen(marker) + 3;
		free(note->num);
		note->num = xmalloc(len);
		snprintf(note->num, len, "(%s)", marker);
	}
	int index = f->doc->nnotes;
	rich_shrink(&note->rich);
	PDF_PUSH(f->doc->notes, f->doc->nnotes, f->doc->notes_cap, note);

	/* The marker attaches to the word before it: drop a pending space. */
	r->pending_space = 0;
	int start = rich_pos(r);
	rich_literal(r, marker);
	int end = rich_pos(r);
	rich_attr(r, pango_attr_rise_new((int)(f->s->body_size * f->s->superscript_rise * PANGO_SCALE)), start, end);
	rich_attr(r, pango_attr_scale_new(f->s->superscript_scale), start, end);
	if (note->dest)
		rich_link(r, start, end, note->dest, 1);
	rich_noteref(r, start, index);
	free(marker);
}

/* The pango attributes of an inline style (akn_style flags) over
 * [start, end) of r. */
static void style_attrs(struct flow *f, struct pdf_rich *r, unsigned style, int start, int end)
{
	if (style & AKN_ITALIC)
		rich_attr(r, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
	if (style & AKN_BOLD)
		rich_attr(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
	if (style & AKN_UNDERLINE)
		rich_attr(r, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
	if (style & AKN_SUP) {
		rich_attr(r, pango_attr_rise_new((int)(f->s->body_size * f->s->superscript_rise * PANGO_SCALE)), start, end);
		rich_attr(r, pango_attr_scale_new(f->s->superscript_scale), start, end);
	} else if (style & AKN_SUB) {
		rich_attr(r, pango_attr_rise_new(-(int)(f->s->body_size * 0.2 * PANGO_SCALE)), start, end);
		rich_attr(r, pango_attr_scale_new(f->s->superscript_scale), start, end);
	}
}

/* One inline node into r: text, a note, a break, or an element whose
 * children are walked and then styled or linked. */
static void inline_node(struct flow *f, struct pdf_rich *r, xmlNodePtr c)
{
	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		rich_text(r, (const char *)c->content);
		return;
	}
	if (c->type != XML_ELEMENT_NODE)
		return;
	enum akn_kind kind = akn_kind(c);
	if (kind == AKN_HIDDEN)
		return;
	if (kind == AKN_NOTE) {
		add_note(f, r, c);
		return;
	}
	if (kind == AKN_BREAK) {
		/* a line break (the UN's <eol/>): a hard line */
		r->pending_space = 0;
		rich_trim(r);
		rich_literal(r, "\n");
		return;
	}
	if (kind == AKN_UNKNOWN)
		akn_unknown_seen(&f->doc->unknown, c);
	/* flush a pending space so the span starts on its first letter */
	if (r->pending_space && r->text.len)
		rich_literal(r, "");
	int start = rich_pos(r);
	inline_walk(f, r, c);
	int end = rich_pos(r);
	if (kind == AKN_STYLED)
		style_attrs(f, r, akn_style(c), start, end);
	else if (kind == AKN_LINK) {
		/* javascript:, data: and the like stay text (util/url.h) */
		char *href = attr(c, "href");
		size_t from, len;
		if (href && url_is_safe_href(href, &from, &len)) {
			href[from + len] = '\0';
			if (href[from] == '#')
				rich_link(r, start, end, href + from + 1, 1);
			else
				rich_link(r, start, end, href + from, 0);
		}
		free(href);
	}
}

static void inline_walk(struct flow *f, struct pdf_rich *r, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		inline_node(f, r, c);
}

/* A block of running text from element n (a <p>, <heading>, ...). */
static struct pdf_block *text_block(struct flow *f, xmlNodePtr n, int depth, const char *num)
{
	struct pdf_block *b = new_block(f, BLK_PARA, "P");
	b->level = depth;
	b->text_x = f->s->indent_step * (depth + 1);
	b->num_x = f->s->indent_step * depth;
	b->space_after = f->s->paragraph_space;
	if (num)
		b->num = xstrdup(num);
	inline_walk(f, &b->rich, n);
	return b;
}

static void walk_body(struct flow *f, xmlNodePtr n, int depth);
static void walk_node(struct flow *f, xmlNodePtr c, int depth);
static void table(struct flow *f, xmlNodePtr n, int depth);

/* Text-bearing children of a paragraph/point (<content>, <intro>, <wrapUp>):
 * the first <p> carries the number.  A table or a numbered element met
 * there is laid out as such. */
static void body_ps(struct flow *f, xmlNodePtr n, int depth, char **num, const char *tag, char **dest)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		enum akn_kind k = akn_kind(c);
		if (k == AKN_P) {
			struct pdf_block *b = text_block(f, c, depth, *num);
			b->tag = tag;
			b->dest = *dest;
			*dest = NULL;
			free(*num);
			*num = NULL;
			add_block(f, b);
		} else if (k == AKN_TABLE) {
			table(f, c, depth);
		} else if (k == AKN_NUMBERED || k == AKN_CROSSHEADING || k == AKN_HIERARCHY) {
			walk_node(f, c, depth + 1);
		} else if (k != AKN_HIDDEN) {
			body_ps(f, c, depth, num, tag, dest);
		}
	}
}

static const enum pdf_font_role heading_fonts[] = {FONT_H1, FONT_H1, FONT_H2, FONT_H3, FONT_H4};
static const char *const heading_tags[] = {"H1", "H1", "H2", "H3", "H4"};

/* The heading element a hierarchy shows: its <heading>, else its first
 * <subheading> (the UN's sections have either). */
static xmlNodePtr hierarchy_heading(xmlNodePtr n)
{
	xmlNodePtr h = child(n, "heading");
	return h ? h : child(n, "subheading");
}

/* Does a heading's number hang in the margin?  The UN's "I.", "A.",
 * "12." and "(a)" do; a labelled number ("Guideline 10", "Article 5",
 * "Chapter IV") is wider than the indent it would hang in. */
static int hangs(const char *num)
{
	return !strchr(num, ' ') && strlen(num) <= 6;
}

/* A hierarchy heading: <num> hanging, <heading> bold.  Annexes and embedded
 * resolutions set their number on a line of its own ("Annex I" above the
 * title), as UN documents do; annexes are centred and start a new page
 * when they are top-level. */
static void heading_block(struct flow *f, xmlNodePtr n, const char *num_text, xmlNodePtr hnode)
{
	int level = f->hlevel + 1;
	if (level > 4)
		level = 4;
	char *num = xstrdup(num_text ? num_text : "");
	char *heading = plain_text(hnode);
	int annex = is(n, "hcontainer") && attr_is(n, "name", "annex");
	int own_line = is(n, "hcontainer") || is(n, "attachment");
	struct pdf_block *b = new_block(f, BLK_HEADING, heading_tags[level]);
	b->level = level;
	b->font = heading_fonts[level];
	b->bold = 1;
	b->justify = 0;
	b->keep_with_next = 1;
	b->space_before = f->s->heading_space_before;
	b->space_after = f->s->heading_space_after;
	b->dest = attr(n, "eId");
	if (own_line) {
		b->text_x = annex ? 0 : f->s->indent_step;
		b->right_reserve = annex ? 0 : f->s->indent_step;
		b->center = annex;
		b->page_break_before = annex && f->hlevel == 0;
		if (*num)
			rich_literal(&b->rich, num);
		if (*num && hnode)
			rich_literal(&b->rich, "\n");
		inline_walk(f, &b->rich, hnode ? hnode : n);
		size_t len = strlen(num) + strlen(heading) + 4;
		b->label = xmalloc(len);
		snprintf(b->label, len, "%s%s%s", num, *num && *heading ? ": " : "", heading);
		b->outline = xstrdup(b->label);
	} else if (*num && !hangs(num)) {
		/* "Guideline 10 Scope", "Article 5": a word and its number do not
		 * fit the hanging indent; they open the heading's line */
		b->text_x = f->s->indent_step;
		b->right_reserve = f->s->indent_step;
		rich_literal(&b->rich, num);
		if (hnode) {
			rich_literal(&b->rich, " ");
			inline_walk(f, &b->rich, hnode);
		}
		size_t len = strlen(num) + strlen(heading) + 2;
		b->label = xmalloc(len);
		snprintf(b->label, len, "%s%s%s", num, *heading ? " " : "", heading);
		b->outline = xstrdup(b->label);
	} else {
		b->num_x = 0;
		b->text_x = f->s->indent_step;
		b->right_reserve = f->s->indent_step;
		if (*num)
			b->num = xstrdup(num);
		if (hnode)
			inline_walk(f, &b->rich, hnode);
		b->label = xstrdup(heading);
		size_t len = strlen(num) + strlen(heading) + 2;
		b->outline = xmalloc(len);
		snprintf(b->outline, len, "%s%s%s", num, *num ? " " : "", heading);
	}
	free(num);
	free(heading);
	add_block(f, b);
}

/* A paragraph that is only a heading (the UN's paragraph class="HCh",
 * "H1", "H23" with a heading or subheading): a heading of that level with
 * its number hanging, and every heading line it holds. */
static void paragraph_heading(struct flow *f, xmlNodePtr n, int level)
{
	char *num = plain_text(child(n, "num"));
	char *dest = attr(n, "eId");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!is(c, "heading") && !is(c, "subheading"))
			continue;
		struct pdf_block *b = new_block(f, BLK_HEADING, heading_tags[level]);
		b->level = level;
		b->font = heading_fonts[level];
		b->bold = level < 4;
		b->italic = level == 4;
		b->justify = 0;
		b->keep_with_next = 1;
		b->space_before = level <= 2 ? f->s->heading_space_before : f->s->paragraph_space;
		b->space_after = level <= 2 ? f->s->heading_space_after : f->s->paragraph_space;
		b->text_x = f->s->indent_step;
		b->right_reserve = f->s->indent_step;
		b->dest = dest;
		dest = NULL;
		if (*num) {
			b->num = num;
			num = xstrdup("");
		}
		inline_walk(f, &b->rich, c);
		char *text = plain_text(c);
		size_t len = strlen(b->num ? b->num : "") + strlen(text) + 2;
		b->outline = xmalloc(len);
		snprintf(b->outline, len, "%s%s%s", b->num ? b->num : "", b->num ? " " : "", text);
		free(text);
		add_block(f, b);
	}
	free(num);
	free(dest);
}

static void cross_heading(struct flow *f, xmlNodePtr n, int depth);

/* A list inside a paragraph or point (the UN's list, sublist, blockList):
 * its introduction and wrap-up carry on the paragraph's text at `depth`
 * (the first takes the pending number), its points one step deeper. */
static void list_block(struct flow *f, xmlNodePtr n, int depth, char **num, const char *tag, char **dest)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		enum akn_kind k = akn_kind(c);
		if (is(c, "intro") || is(c, "wrapUp") || is(c, "listIntroduction") || is(c, "listWrapUp")) {
			if (k == AKN_P) {
				struct pdf_block *b = text_block(f, c, depth, *num);
				b->tag = tag;
				b->dest = *dest;
				*dest = NULL;
				free(*num);
				*num = NULL;
				add_block(f, b);
			} else
				body_ps(f, c, depth, num, tag, dest);
		} else if (is(c, "sublist") || is(c, "list") || is(c, "blockList")) {
			/* a list continued: its points at the same depth */
			list_block(f, c, depth, num, tag, dest);
		} else {
			walk_node(f, c, depth + 1);
		}
	}
}

/* paragraph, point, item: numbered text at `depth`, nested points deeper. */
static void numbered(struct flow *f, xmlNodePtr n, int depth)
{
	int hlevel = akn_heading_paragraph(n);
	if (hlevel) {
		paragraph_heading(f, n, hlevel);
		return;
	}
	char *num = plain_text(child(n, "num"));
	char *dest = attr(n, "eId");
	if (!*num) {
		free(num);
		num = NULL;
	}
	/* A point is a list item; numbered paragraphs are paragraphs. */
	const char *tag = is(n, "paragraph") ? "P" : "LI";
	/* The UN's unnumbered operative paragraph (a resolution's only one,
	 * or text between numbered ones) in its body text style is set as a
	 * preambular clause is: first line indented. */
	int first_block = f->doc->flowed, indent_was = f->indent_next;
	if (!num && depth == 0 && akn_text_paragraph(n))
		f->indent_next = 1;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is(c, "num"))
			continue;
		enum akn_kind k = akn_kind(c);
		if (is(c, "content") || is(c, "intro") || is(c, "wrapUp") || k == AKN_P) {
			if (k == AKN_P) {
				struct pdf_block *b = text_block(f, c, depth, num);
				b->tag = tag;
				b->dest = dest;
				dest = NULL;
				free(num);
				num = NULL;
				add_block(f, b);
			} else {
				body_ps(f, c, depth, &num, tag, &dest);
			}
		} else if (is(c, "list") || is(c, "sublist") || is(c, "blockList")) {
			list_block(f, c, depth, &num, tag, &dest);
		} else if (k == AKN_HEADING) {
			/* a heading inside a paragraph that has text too */
			cross_heading(f, c, depth);
		} else {
			walk_node(f, c, depth + 1);
		}
	}
	if (num || dest) {
		/* a number with no text: show it alone */
		struct pdf_block *b = new_block(f, BLK_PARA, tag);
		b->num = num;
		b->num_x = f->s->indent_step * depth;
		b->text_x = f->s->indent_step * (depth + 1);
		b->dest = dest;
		b->space_after = f->s->paragraph_space;
		add_block(f, b);
	}
	if (f->doc->flowed == first_block)
		f->indent_next = indent_was;	/* (no block: nothing to indent) */
}

/* Does any element under n carry one of the style flags? */
static int has_style(xmlNodePtr n, unsigned flags)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_kind(c) == AKN_STYLED && (akn_style(c) & flags))
			return 1;
		if (has_style(c, flags))
			return 1;
	}
	return 0;
}

/* formula and preambular container: unnumbered, first line indented.
 * The formula is set in italic ("The General Assembly,"), unless its
 * markup says otherwise (Arabic prints it bold italic, Chinese bold).
 * What else a container holds (a table, a block list) is laid out as
 * such. */
static void preamble_block(struct flow *f, xmlNodePtr n, int formula)
{
	char *dest = attr(n, "eId");
	int italic = formula && !has_style(n, AKN_BOLD);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_kind(c) != AKN_P || attr_is(c, "class", "crossHeading")) {
			walk_node(f, c, 0);
			continue;
		}
		struct pdf_block *b = text_block(f, c, 0, NULL);
		b->first_indent = f->s->indent_step;
		b->italic = italic;
		b->dest = dest;
		dest = NULL;
		add_block(f, b);
	}
	free(dest);
}

static void cross_heading(struct flow *f, xmlNodePtr n, int depth)
{
	/* the UN's subheading is bold (its heading style H23); a
	 * crossHeading is italic, as ours are */
	int bold = is(n, "subheading") && !has_style(n, AKN_ITALIC);
	struct pdf_block *b = new_block(f, BLK_HEADING, "H4");
	b->level = 4;
	b->font = FONT_H4;
	b->italic = !bold;
	b->bold = bold;
	b->justify = 0;
	b->keep_with_next = 1;
	b->text_x = f->s->indent_step * (depth + 1);
	b->space_before = f->s->paragraph_space;
	b->space_after = f->s->paragraph_space;
	b->dest = attr(n, "eId");
	inline_walk(f, &b->rich, n);
	add_block(f, b);
}

/* ---- tables ---------------------------------------------------------- */

/* A cell's column span (1 when absent or silly). */
static int colspan(xmlNodePtr cell)
{
	char *v = attr(cell, "colspan");
	int n = v ? atoi(v) : 1;
	free(v);
	return n >= 1 && n <= 64 ? n : 1;
}

/* The width a cell asks for, as the UN's Word tables give it, in twips
 * ("8610-dxa") or fiftieths of a per cent ("3230-pct"), or 0: a weight,
 * for a table's cells use one unit. */
static double cell_twips(xmlNodePtr cell)
{
	char *v = attr(cell, "data-width-type");
	double w = 0;
	if (v && (strstr(v, "-dxa") || strstr(v, "-pct")))
		w = atof(v);
	free(v);
	return w > 0 && w < 100000 ? w : 0;
}

/* A table: one BLK_ROW block per row, its cells side by side.  Column
 * widths come from the first row whose cells each span one column and
 * say their width (the UN's tables do), else are equal; numbers the UN
 * aligns right ("data-justification") stay right.  A row is not split
 * across pages. */
static void table(struct flow *f, xmlNodePtr n, int depth)
{
	int ncols = 0;
	for (xmlNodePtr tr = n->children; tr; tr = tr->next) {
		if (akn_kind(tr) != AKN_ROW)
			continue;
		int cols = 0;
		for (xmlNodePtr c = tr->children; c; c = c->next)
			if (akn_kind(c) == AKN_CELL)
				cols += colspan(c);
		if (cols > ncols)
			ncols = cols;
	}
	if (ncols == 0)
		return;
	double *w = xmalloc(sizeof *w * (size_t)ncols);
	for (int i = 0; i < ncols; i++)
		w[i] = 1;
	for (xmlNodePtr tr = n->children; tr; tr = tr->next) {
		if (akn_kind(tr) != AKN_ROW)
			continue;
		int i = 0, ok = 1;
		for (xmlNodePtr c = tr->children; c && ok; c = c->next)
			if (akn_kind(c) == AKN_CELL)
				ok = colspan(c) == 1 && i < ncols && (w[i++] = cell_twips(c)) > 0;
		if (ok && i == ncols)
			break;
		for (int k = 0; k < ncols; k++)
			w[k] = 1;
	}
	double total = 0;
	for (int i = 0; i < ncols; i++)
		total += w[i];
	double x0 = f->s->indent_step * depth, avail = pdf_text_width(f->s) - x0;
	double gap = 6;
	int first = 1;
	struct pdf_block *last = NULL;	/* (added when the next is made: the last row has a rule) */
	for (xmlNodePtr tr = n->children; tr; tr = tr->next) {
		if (akn_kind(tr) != AKN_ROW)
			continue;
		struct pdf_block *row = new_block(f, BLK_ROW, "TR");
		row->justify = 0;
		row->space_before = first ? f->s->paragraph_space : 0;
		row->space_after = 2;
		int col = 0, header = 1;
		for (xmlNodePtr c = tr->children; c; c = c->next) {
			if (akn_kind(c) != AKN_CELL)
				continue;
			int span = colspan(c);
			if (col + span > ncols)
				span = ncols - col;
			if (span <= 0)
				break;
			double cx = x0, cw = 0;
			for (int k = 0; k < col; k++)
				cx += avail * w[k] / total;
			for (int k = col; k < col + span; k++)
				cw += avail * w[k] / total;
			col += span;
			int th = is(c, "th");
			header &= th;
			struct pdf_block *cell = new_block(f, BLK_PARA, th ? "TH" : "TD");
			cell->font = FONT_TABLE;
			cell->justify = 0;
			cell->text_x = cx;
			cell->box_width = cw - gap > 12 ? cw - gap : cw;
			char *just = attr(c, "data-justification");
			cell->align_end = just && !strcmp(just, "Right");
			cell->center = just && !strcmp(just, "Center");
			free(just);
			int firstp = 1;
			for (xmlNodePtr p = c->children; p; p = p->next) {
				if (p->type != XML_ELEMENT_NODE)
					continue;
				if (!firstp)
					rich_literal(&cell->rich, "\n");
				firstp = 0;
				inline_walk(f, &cell->rich, p);
			}
			if (firstp)
				inline_walk(f, &cell->rich, c);
			rich_trim(&cell->rich);
			rich_shrink(&cell->rich);
			PDF_PUSH(row->cells, row->ncells, row->cells_cap, cell);
		}
		row->header_row = header && row->ncells;
		if (first || row->header_row)
			row->rule_above = 0.5;
		first = 0;
		if (last)
			add_block(f, last);
		last = row;
	}
	if (last) {
		last->rule_below = 0.5;
		last->space_after = f->s->paragraph_space;
		add_block(f, last);
	}
	free(w);
}

/* ---- the walk -------------------------------------------------------- */

static void walk_document(struct flow *f, xmlNodePtr doc, int top);
static void hierarchy(struct flow *f, xmlNodePtr c);
static void preface(struct flow *f, xmlNodePtr pf);
static void conclusions(struct flow *f, xmlNodePtr n);

/* An element outside the vocabulary met where blocks are: its blocks
 * when it holds any, else its text as a paragraph. */
static void unknown_block(struct flow *f, xmlNodePtr c, int depth)
{
	akn_unknown_seen(&f->doc->unknown, c);
	for (xmlNodePtr k = c->children; k; k = k->next) {
		enum akn_kind kind = akn_kind(k);
		if (kind == AKN_P || kind == AKN_NUMBERED || kind == AKN_HIERARCHY || kind == AKN_BLOCKS ||
		    kind == AKN_TABLE || kind == AKN_CONTAINER) {
			walk_body(f, c, depth);
			return;
		}
	}
	add_block(f, text_block(f, c, depth, NULL));
}

static void walk_node(struct flow *f, xmlNodePtr c, int depth)
{
	if (c->type != XML_ELEMENT_NODE)
		return;
	switch (akn_kind(c)) {
	case AKN_HIERARCHY:
		hierarchy(f, c);
		break;
	case AKN_NUMBERED:
		numbered(f, c, is(c, "paragraph") && depth == 0 ? 0 : depth);
		break;
	case AKN_CROSSHEADING:
		cross_heading(f, c, depth > 0 ? depth - 1 : 0);
		break;
	case AKN_FORMULA:
		preamble_block(f, c, 1);
		break;
	case AKN_CONTAINER:
		preamble_block(f, c, 0);
		break;
	case AKN_P:
		/* A <p> wrapping an embedded structure is only a wrapper. */
		if (child(c, "embeddedStructure"))
			walk_body(f, child(c, "embeddedStructure"), depth);
		else if (attr_is(c, "class", "crossHeading"))	/* where AKN allows no crossHeading */
			cross_heading(f, c, depth);
		else
			add_block(f, text_block(f, c, depth, NULL));
		break;
	case AKN_TABLE:
		table(f, c, depth);
		break;
	case AKN_PREFACE:
		preface(f, c);
		break;
	case AKN_CONCLUSIONS:
		conclusions(f, c);
		break;
	case AKN_SUBDOC:
		walk_document(f, c, 0);
		break;
	case AKN_NUM:
	case AKN_HEADING:
	case AKN_HIDDEN:
		break;
	case AKN_COVER:
		/* a cover inside a part of the document: its lines as text */
		for (xmlNodePtr k = c->children; k; k = k->next)
			if (akn_kind(k) == AKN_P)
				add_block(f, text_block(f, k, 0, NULL));
		break;
	case AKN_UNKNOWN:
		unknown_block(f, c, depth);
		break;
	case AKN_INLINE:
	case AKN_STYLED:
	case AKN_LINK:
	case AKN_NOTE:
	case AKN_BREAK:
	case AKN_ROW:
	case AKN_CELL:
		/* text where blocks are: a paragraph of it */
		{
			struct pdf_block *b = new_block(f, BLK_PARA, "P");
			b->text_x = f->s->indent_step * (depth + 1);
			b->num_x = f->s->indent_step * depth;
			b->space_after = f->s->paragraph_space;
			inline_node(f, &b->rich, c);
			add_block(f, b);
		}
		break;
	default:
		/* content, intro, embeddedStructure, blockList, list, preamble,
		 * mainBody, attachments, ... */
		walk_body(f, c, depth);
		break;
	}
}

static void walk_body(struct flow *f, xmlNodePtr n, int depth)
{
	for (xmlNodePtr c = akn_parts_first(f->parts, n); c; c = akn_parts_next(f->parts, c))
		walk_node(f, c, depth);
}

/* A hierarchy (chapter, section, annex, ...): its heading, then what it
 * holds.  A whole tree (the UN's XML may put a p before the heading):
 * its num and heading wherever they stand.  Read as the walk goes, a
 * node is gone once passed: the num and heading open it (as akn/build.c
 * writes it) and the heading is made when the first other child comes. */
static void hierarchy(struct flow *f, xmlNodePtr c)
{
	xmlNodePtr shown = NULL;
	char *num = NULL;
	int made = 0;
	if (akn_parts_whole(f->parts)) {
		num = plain_text(child(c, "num"));
		shown = hierarchy_heading(c);
		heading_block(f, c, num, shown);
		made = 1;
	}
	f->hlevel++;
	for (xmlNodePtr k = akn_parts_first(f->parts, c); k; k = akn_parts_next(f->parts, k)) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (!made && is(k, "num") && !num) {
			num = plain_text(k);
			continue;
		}
		if (!made) {
			int heading = is(k, "heading") || is(k, "subheading");
			f->hlevel--;
			heading_block(f, c, num, heading ? k : NULL);
			f->hlevel++;
			made = 1;
			if (heading)
				continue;	/* (gone once passed: its address may come again) */
		}
		if (k == shown || is(k, "num"))
			continue;
		if (akn_kind(k) == AKN_HEADING || akn_kind(k) == AKN_CROSSHEADING)
			cross_heading(f, k, 0);
		else
			walk_node(f, k, 0);
	}
	f->hlevel--;
	if (!made)
		heading_block(f, c, num, NULL);
	free(num);
}

static struct pdf_block *cover_line(struct flow *f, xmlNodePtr p, double x, int bold)
{
	struct pdf_block *b = new_block(f, BLK_COVER, "P");
	b->font = FONT_COVER;
	b->justify = 0;
	b->bold = bold;
	b->text_x = x;
	inline_walk(f, &b->rich, p);
	return b;
}

static int right_column(enum akn_cover_role r)
{
	return r == AKN_COVER_DISTRIBUTION || r == AKN_COVER_DATE || r == AKN_COVER_LANGUAGE;
}

/* The UN cover: "United Nations" at the left and the symbol large at the
 * top right above a heavy rule; distribution, date and original language
 * in a column at the right; then issuing body, session and agenda item,
 * and (a resolution) the line saying who adopted it and on what report.
 * The lines come from akn_doc's reading of the cover, ours or the UN's,
 * by what each says; the right-hand column is set first, whatever the
 * order of the XML. */
static void cover(struct flow *f)
{
	const struct akn_doc *ad = &f->doc->akn;
	double width = pdf_text_width(f->s);
	xmlNodePtr org = NULL, sym = NULL;
	for (int i = 0; i < ad->ncover; i++) {
		if (ad->cover[i].role == AKN_COVER_ORGANIZATION && !org)
			org = ad->cover[i].node;
		if (ad->cover[i].role == AKN_COVER_SYMBOL && !sym)
			sym = ad->cover[i].node;
	}
	struct pdf_block *top = new_block(f, BLK_COVER, "P");
	top->font = FONT_COVER_ORG;
	top->bold = 1;
	top->justify = 0;
	top->rule_below = f->s->cover_rule;
	top->space_after = 6;
	if (org)
		inline_walk(f, &top->rich, org);
	if (sym) {
		/* A note on the symbol (e.g. "* Reissued for technical
		 * reasons"): its marker follows the symbol. */
		struct buf right = BUF_INIT;
		char *symtext = plain_text(sym);
		buf_puts(&right, symtext);
		free(symtext);
		for (xmlNodePtr c = sym->children; c; c = c->next) {
			xmlNodePtr note = is(c, "authorialNote") ? c : find(c, "authorialNote");
			if (!note)
				continue;
			struct pdf_rich scratch;
			rich_init(&scratch, NULL);
			add_note(f, &scratch, note);
			buf_puts(&right, buf_cstr(&scratch.text));
			rich_free(&scratch);
			rich_noteref(&top->rich, 0, f->doc->nnotes - 1);
		}
		top->right = xstrdup(buf_cstr(&right));
		buf_free(&right);
	}
	else if (f->doc->symbol)
		top->right = xstrdup(f->doc->symbol);
	if (org || top->right) {
		add_block(f, top);
	} else {
		rich_free(&top->rich);
		free(top);
	}

	int first_right = 1, first_left = 1;
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < ad->ncover; i++) {
			xmlNodePtr c = ad->cover[i].node;
			enum akn_cover_role role = ad->cover[i].role;
			int right_col = right_column(role);
			if (c == org || c == sym || right_col != (pass == 0))
				continue;
			int bold = role == AKN_COVER_BODY || role == AKN_COVER_AGENDA_TITLE ||
				   role == AKN_COVER_TITLE;
			struct pdf_block *b = cover_line(f, c, right_col ? width * 0.66 : 0, bold);
			if (!right_col)
				b->right_reserve = width * 0.3;
			if (right_col && first_right)
				b->space_before = 4;
			if (!right_col && first_left) {
				b->space_before = 14;
				first_left = 0;
			}
			if (right_col)
				first_right = 0;
			if (role == AKN_COVER_AGENDA)
				b->space_before = 8;
			if (role == AKN_COVER_AGENDA_TITLE)
				b->space_before = 0;
			if (role == AKN_COVER_TITLE) {
				/* "Resolution adopted by the General Assembly on …" */
				b->font = FONT_H1;
				b->right_reserve = 0;
				b->space_before = f->s->title_space_before;
				b->space_after = 4;
			}
			if (role == AKN_COVER_PROPONENT)
				b->right_reserve = 0;
			add_block(f, b);
		}
	}
}

/* The preface: our document number and title lines (class "docNumber",
 * "title", "subtitle"), or the UN's single line of a resolution's number
 * and title ("78/124. Credentials of …"), whose number hangs. */
static void preface(struct flow *f, xmlNodePtr pf)
{
	for (xmlNodePtr c = pf ? pf->children : NULL; c; c = c->next) {
		if (akn_kind(c) != AKN_P) {
			if (c->type == XML_ELEMENT_NODE)
				walk_node(f, c, 0);
			continue;
		}
		xmlNodePtr docnum_el = child(c, "docNumber"), title_el = child(c, "docTitle");
		int joined = docnum_el && title_el && !attr_is(c, "class", "docNumber");
		int title = attr_is(c, "class", "title") || (title_el && !attr_is(c, "class", "docNumber"));
		int docnum = attr_is(c, "class", "docNumber") || (docnum_el && !title_el);
		struct pdf_block *b = new_block(f, title ? BLK_TITLE : BLK_PARA, title ? "H1" : "P");
		b->justify = 0;
		b->text_x = f->s->indent_step;
		b->right_reserve = f->s->indent_step;
		b->keep_with_next = 1;
		if (title || docnum) {
			b->font = title ? FONT_TITLE : FONT_H2;
			b->bold = 1;
			b->space_before = f->s->title_space_before;
			b->space_after = title ? f->s->title_space_after : 4;
			if (title)
				b->outline = plain_text(c);
		} else {
			b->font = FONT_H2;
			b->space_after = f->s->title_space_after;
		}
		if (joined) {
			/* "78/124." is wider than one indent step at the
			 * title's size: the title hangs two steps in */
			b->num = plain_text(docnum_el);
			b->num_x = 0;
			b->text_x = 2 * f->s->indent_step;
			inline_walk(f, &b->rich, title_el);
		} else
			inline_walk(f, &b->rich, c);
		add_block(f, b);
	}
}

/* Where and when a resolution was adopted ("48th plenary meeting",
 * "18 December 2023"), set at the right as the UN prints it. */
static void conclusions(struct flow *f, xmlNodePtr n)
{
	int first = 1;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_kind(c) != AKN_P || attr_is(c, "class", "crossHeading")) {
			walk_node(f, c, 0);
			continue;
		}
		struct pdf_block *b = text_block(f, c, 0, NULL);
		b->justify = 0;
		b->align_end = 1;
		b->text_x = f->s->indent_step;
		b->space_before = first ? f->s->title_space_before : 0;
		b->space_after = 0;
		first = 0;
		add_block(f, b);
	}
}

/* A document: ours or the UN's statement, doc, documentCollection, or
 * one inside it (an attachment's doc, a component's statement). */
static void walk_document(struct flow *f, xmlNodePtr doc, int top)
{
	/* an annex (an attachment's document) starts a new page, as ours do */
	int first = f->doc->flowed, break_was = f->break_next;
	if (!top && doc->parent && is(doc->parent, "attachment"))
		f->break_next = 1;
	for (xmlNodePtr c = akn_parts_first(f->parts, doc); c; c = akn_parts_next(f->parts, c)) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (akn_kind(c) == AKN_COVER) {
			/* the cover the document's facts were read from; one
			 * they were not (after the body, in a file read part
			 * by part: its front is the leading parts) is shown
			 * as it stands rather than lost */
			if (top && child(f->doc->akn.top, "coverPage"))
				cover(f);
			else
				walk_node(f, c, 0);
		} else
			walk_node(f, c, 0);
	}
	if (f->doc->flowed == first)
		f->break_next = break_was;	/* (no block: nothing to start) */
}

static void toc_free(struct pdf_toc *t)
{
	for (int i = 0; i < t->nsrc; i++) {
		free(t->src[i].num);
		free(t->src[i].label);
		free(t->src[i].dest);
	}
	free(t->src);
	memset(t, 0, sizeof *t);
	t->after = -1;
}

/* The document's facts for the running heads and the metadata (again
 * when a document is walked a second time: pdf.c, streamed). */
static void doc_facts(struct pdf_doc *d)
{
	char **facts[] = {&d->symbol, &d->title, &d->body, &d->date, &d->job_number, &d->lang};
	const char *from[] = {d->akn.symbol, d->akn.title, d->akn.body, d->akn.date, d->akn.job_number,
			      d->akn.lang};
	for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
		free(*facts[i]);
		*facts[i] = from[i] ? xstrdup(from[i]) : NULL;
	}
}

void pdf_flow_build(struct pdf_doc *d, struct akn_parts *parts,
		    void (*sink)(void *ctx, struct pdf_block *b), void *ctx)
{
	/* d->akn was read from parts' front (pdf.c: its language chose the
	 * style) */
	struct flow f = {.doc = d, .s = d->style, .parts = parts, .sink = sink, .ctx = ctx};
	doc_facts(d);
	d->flowed = 0;
	toc_free(&d->toc);
	if (!d->akn.top)
		return;
	if (!child(d->akn.top, "coverPage"))
		cover(&f);	/* no cover: the symbol alone, when known */
	/* the document (the root's first element), then its first
	 * components, as akn_doc_read finds them */
	xmlNodePtr root = akn_parts_root(parts);
	int document = 0, components = 0;
	for (xmlNodePtr c = root ? akn_parts_first(parts, root) : NULL; c; c = akn_parts_next(parts, c)) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!document++)
			walk_document(&f, c, 1);
		else if (is(c, "components") && !components++)
			walk_body(&f, c, 0);
	}
}

/* The contents list (UN reports list chapters and sections with their page
 * numbers in a right-hand "Page" column).  Page numbers are filled in after
 * pagination; the entries' widths do not depend on them. */
int pdf_flow_toc(struct pdf_doc *d, struct pdf_block ***entries_out, int *at_out)
{
	struct flow f = {.doc = d, .s = d->style};
	const struct pdf_toc *t = &d->toc;
	*entries_out = NULL;
	if (t->count < d->style->toc_min_headings || d->style->toc_min_headings <= 0)
		return 0;
	int at = t->after + 1;
	int count = t->nsrc + 1;
	struct pdf_block **entries = xmalloc(sizeof *entries * (size_t)count);
	int n = 0;
	struct pdf_block *head = new_block(&f, BLK_HEADING, "H1");
	head->level = 1;
	head->font = FONT_H1;
	head->bold = 1;
	head->justify = 0;
	head->keep_with_next = 1;
	head->space_before = d->style->heading_space_before;
	head->space_after = d->style->heading_space_after;
	head->text_x = d->style->indent_step;
	head->right_reserve = d->style->toc_page_width;
	head->dest = xstrdup("contents");
	head->outline = xstrdup("Contents");
	rich_literal(&head->rich, "Contents");
	entries[n++] = head;
	for (int i = 0; i < t->nsrc; i++) {
		const struct pdf_toc_source *h = &t->src[i];
		struct pdf_block *e = new_block(&f, BLK_TOC, "TOCI");
		e->justify = 0;
		e->num_x = d->style->indent_step * (h->level - 1);
		e->text_x = d->style->indent_step * h->level;
		if (h->num)
			e->num = xstrdup(h->num);
		else
			e->text_x = e->num_x;
		e->right_reserve = d->style->toc_page_width + 12;
		e->right = xstrdup("0");
		e->right_on_last = 1;
		/* (the entries go in before the heading) */
		e->target = h->index >= at ? h->index + count : h->index;
		e->target_dest = xstrdup(h->dest);
		e->space_after = h->level == 1 ? 3 : 1;
		rich_text(&e->rich, h->label);
		rich_link(&e->rich, 0, rich_pos(&e->rich), h->dest, 1);
		rich_trim(&e->rich);
		entries[n++] = e;
	}
	if (n > 1)
		entries[n - 1]->space_after = d->style->title_space_after;
	*entries_out = entries;
	*at_out = at;
	return n;
}

void pdf_block_free(struct pdf_block *b)
{
	pdf_lines_free(b);	/* (its cells' glyphs too) */
	for (int i = 0; i < b->ncells; i++)
		pdf_block_free(b->cells[i]);
	free(b->cells);
	rich_free(&b->rich);
	free(b->num);
	free(b->right);
	free(b->dest);
	free(b->outline);
	free(b->label);
	free(b->target_dest);
	if (b->right_layout)
		g_object_unref(b->right_layout);
	free(b);
}

void pdf_doc_free(struct pdf_doc *d)
{
	for (int i = 0; i < d->nblocks; i++)
		if (d->blocks[i])	/* (NULL: drawn and freed) */
			pdf_block_free(d->blocks[i]);
	for (int i = 0; i < d->nnotes; i++)
		if (d->notes[i])
			pdf_block_free(d->notes[i]);
	free(d->blocks);
	free(d->notes);
	free(d->symbol);
	free(d->title);
	free(d->job_number);
	free(d->date);
	free(d->body);
	free(d->lang);
	toc_free(&d->toc);
	pdf_plan_free(&d->plan);
	pdf_words_free(d->words);
	akn_doc_free(&d->akn);
}
