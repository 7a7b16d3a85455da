/* flow.c — walks the AKN tree (templates/AKN.md) into the flat list of
 * blocks the PDF edition lays out, plus one block per footnote.
 *
 * Indentation follows UN editorial practice: a paragraph's number hangs at
 * the left of the text column and its text starts one indent step in;
 * lettered points hang one step further, their sub-points one more.
 * Preambular clauses and the enacting formula of a resolution are not
 * numbered; their first line is indented one step instead. */
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/url.h"
#include "util/xmalloc.h"

struct flow {
	struct pdf_doc *doc;
	const struct pdf_style *s;
	int hlevel;		/* depth of the enclosing heading hierarchy */
};

static int is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
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
	xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
	char *r = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return r;
}

static int attr_is(xmlNodePtr n, const char *name, const char *value)
{
	char *v = attr(n, name);
	int r = v && strcmp(v, value) == 0;
	free(v);
	return r;
}

/* Text content with whitespace collapsed, footnotes left out. */
static void plain_text_rec(xmlNodePtr n, struct buf *b)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			for (const char *p = (const char *)c->content; *p; p++) {
				int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
				if (sp) {
					if (b->len && b->data[b->len - 1] != ' ')
						buf_putc(b, ' ');
				} else {
					buf_putc(b, *p);
				}
			}
		} else if (c->type == XML_ELEMENT_NODE && !is(c, "authorialNote")) {
			plain_text_rec(c, b);
		}
	}
}

static char *plain_text(xmlNodePtr n)
{
	struct buf b = BUF_INIT;
	if (n)
		plain_text_rec(n, &b);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	char *r = xstrdup(b.len ? buf_cstr(&b) : "");
	buf_free(&b);
	char *s = r;
	while (*s == ' ')
		s++;
	if (s != r)
		memmove(r, s, strlen(s) + 1);
	return r;
}

static struct pdf_block *new_block(struct flow *f, enum pdf_block_kind kind, const char *tag)
{
	struct pdf_block *b = xmalloc(sizeof *b);
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->tag = tag;
	b->font = FONT_BODY;
	b->justify = f->s->justify;
	/* Headings, titles, cover lines and contents entries are never
	 * hyphenated (UN practice); running text and notes are. */
	rich_init(&b->rich, kind == BLK_PARA || kind == BLK_NOTE ? f->doc->hyph : NULL);
	return b;
}

static void add_block(struct flow *f, struct pdf_block *b)
{
	rich_trim(&b->rich);
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
	int index = f->doc->nnotes;
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

static void inline_walk(struct flow *f, struct pdf_rich *r, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			rich_text(r, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "authorialNote")) {
			add_note(f, r, c);
			continue;
		}
		/* flush a pending space so the span starts on its first letter */
		if (r->pending_space && r->text.len)
			rich_literal(r, "");
		int start = rich_pos(r);
		inline_walk(f, r, c);
		int end = rich_pos(r);
		if (is(c, "i"))
			rich_attr(r, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
		else if (is(c, "b"))
			rich_attr(r, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
		else if (is(c, "u"))
			rich_attr(r, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
		else if (is(c, "sup")) {
			rich_attr(r, pango_attr_rise_new((int)(f->s->body_size * f->s->superscript_rise * PANGO_SCALE)), start, end);
			rich_attr(r, pango_attr_scale_new(f->s->superscript_scale), start, end);
		} else if (is(c, "sub")) {
			rich_attr(r, pango_attr_rise_new(-(int)(f->s->body_size * 0.2 * PANGO_SCALE)), start, end);
			rich_attr(r, pango_attr_scale_new(f->s->superscript_scale), start, end);
		} else if (is(c, "ref") || is(c, "a")) {
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

/* Text-bearing children of a paragraph/point (<content>, <intro>, <wrapUp>):
 * the first <p> carries the number. */
static void body_ps(struct flow *f, xmlNodePtr n, int depth, char **num, const char *tag, char **dest)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "p")) {
			struct pdf_block *b = text_block(f, c, depth, *num);
			b->tag = tag;
			b->dest = *dest;
			*dest = NULL;
			free(*num);
			*num = NULL;
			add_block(f, b);
		} else {
			body_ps(f, c, depth, num, tag, dest);
		}
	}
}

static void walk_body(struct flow *f, xmlNodePtr n, int depth);
static void walk_node(struct flow *f, xmlNodePtr c, int depth);

static const enum pdf_font_role heading_fonts[] = {FONT_H1, FONT_H1, FONT_H2, FONT_H3, FONT_H4};
static const char *const heading_tags[] = {"H1", "H1", "H2", "H3", "H4"};

/* A hierarchy heading: <num> hanging, <heading> bold.  Annexes and embedded
 * resolutions set their number on a line of its own ("Annex I" above the
 * title), as UN documents do; annexes are centred and start a new page
 * when they are top-level. */
static void heading_block(struct flow *f, xmlNodePtr n)
{
	int level = f->hlevel + 1;
	if (level > 4)
		level = 4;
	char *num = plain_text(child(n, "num"));
	char *heading = plain_text(child(n, "heading"));
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
		if (*num && child(n, "heading"))
			rich_literal(&b->rich, "\n");
		inline_walk(f, &b->rich, child(n, "heading") ? child(n, "heading") : n);
		size_t len = strlen(num) + strlen(heading) + 4;
		b->label = xmalloc(len);
		snprintf(b->label, len, "%s%s%s", num, *num && *heading ? ": " : "", heading);
		b->outline = xstrdup(b->label);
	} else {
		b->num_x = 0;
		b->text_x = f->s->indent_step;
		b->right_reserve = f->s->indent_step;
		if (*num)
			b->num = xstrdup(num);
		if (child(n, "heading"))
			inline_walk(f, &b->rich, child(n, "heading"));
		b->label = xstrdup(heading);
		size_t len = strlen(num) + strlen(heading) + 2;
		b->outline = xmalloc(len);
		snprintf(b->outline, len, "%s%s%s", num, *num ? " " : "", heading);
	}
	free(num);
	free(heading);
	add_block(f, b);
}

/* paragraph, point, item: numbered text at `depth`, nested points deeper. */
static void numbered(struct flow *f, xmlNodePtr n, int depth)
{
	char *num = plain_text(child(n, "num"));
	char *dest = attr(n, "eId");
	if (!*num) {
		free(num);
		num = NULL;
	}
	/* A point is a list item; numbered paragraphs are paragraphs. */
	const char *tag = is(n, "paragraph") ? "P" : "LI";
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is(c, "num") || is(c, "heading"))
			continue;
		if (is(c, "content") || is(c, "intro") || is(c, "wrapUp") || is(c, "p")) {
			if (is(c, "p")) {
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
}

/* formula and preambular container: unnumbered, first line indented. */
static void preamble_block(struct flow *f, xmlNodePtr n, int italic)
{
	char *dest = attr(n, "eId");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!is(c, "p"))
			continue;
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
	struct pdf_block *b = new_block(f, BLK_HEADING, "H4");
	b->level = 4;
	b->font = FONT_H4;
	b->italic = 1;
	b->justify = 0;
	b->keep_with_next = 1;
	b->text_x = f->s->indent_step * (depth + 1);
	b->space_before = f->s->paragraph_space;
	b->space_after = f->s->paragraph_space;
	b->dest = attr(n, "eId");
	inline_walk(f, &b->rich, n);
	add_block(f, b);
}

static int is_hierarchy(xmlNodePtr c)
{
	static const char *const names[] = {"chapter", "section", "subsection", "part", "title",
					     "book", "subchapter", "subpart", "division",
					     "hcontainer", "attachment", NULL};
	for (int i = 0; names[i]; i++)
		if (is(c, names[i]))
			return 1;
	return 0;
}

static void walk_node(struct flow *f, xmlNodePtr c, int depth)
{
	{
		if (c->type != XML_ELEMENT_NODE)
			return;
		if (is_hierarchy(c)) {
			heading_block(f, c);
			f->hlevel++;
			walk_body(f, c, 0);
			f->hlevel--;
		} else if (is(c, "paragraph") || is(c, "point") || is(c, "item") || is(c, "alinea")) {
			numbered(f, c, is(c, "paragraph") && depth == 0 ? 0 : depth);
		} else if (is(c, "crossHeading") || is(c, "subheading")) {
			cross_heading(f, c, depth > 0 ? depth - 1 : 0);
		} else if (is(c, "formula")) {
			preamble_block(f, c, 1);
		} else if (is(c, "container")) {
			preamble_block(f, c, 0);
		} else if (is(c, "p")) {
			/* A <p> wrapping an embedded structure is only a wrapper. */
			if (child(c, "embeddedStructure"))
				walk_body(f, child(c, "embeddedStructure"), depth);
			else
				add_block(f, text_block(f, c, depth, NULL));
		} else if (is(c, "num") || is(c, "heading")) {
			return;
		} else {
			/* content, intro, embeddedStructure, blockList, list, ... */
			walk_body(f, c, depth);
		}
	}
}

static void walk_body(struct flow *f, xmlNodePtr n, int depth)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		walk_node(f, c, depth);
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

/* The UN cover: "United Nations" at the left and the symbol large at the
 * top right above a heavy rule; distribution, date and original language
 * in a column at the right; then issuing body, session and agenda item. */
static void cover(struct flow *f, xmlNodePtr cp)
{
	double width = pdf_text_width(f->s);
	xmlNodePtr org = NULL, sym = NULL;
	for (xmlNodePtr c = cp ? cp->children : NULL; c; c = c->next) {
		if (attr_is(c, "class", "organization"))
			org = c;
		if (attr_is(c, "class", "symbol"))
			sym = c;
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
	for (xmlNodePtr c = cp ? cp->children : NULL; c; c = c->next) {
		if (!is(c, "p") || c == org || c == sym)
			continue;
		char *cls = attr(c, "class");
		const char *k = cls ? cls : "";
		int right_col = !strcmp(k, "distribution") || !strcmp(k, "date") || !strcmp(k, "language");
		int bold = !strcmp(k, "body") || !strcmp(k, "agendaTitle");
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
		if (!strcmp(k, "agenda") || !strcmp(k, "agendaTitle"))
			b->space_before = !strcmp(k, "agenda") ? 8 : 0;
		add_block(f, b);
		free(cls);
	}
}

static void preface(struct flow *f, xmlNodePtr pf)
{
	for (xmlNodePtr c = pf ? pf->children : NULL; c; c = c->next) {
		if (!is(c, "p"))
			continue;
		int title = attr_is(c, "class", "title");
		int docnum = attr_is(c, "class", "docNumber");
		struct pdf_block *b = new_block(f, title ? BLK_TITLE : BLK_PARA, title ? "H1" : "P");
		b->justify = 0;
		b->text_x = f->s->indent_step;
		b->right_reserve = f->s->indent_step;
		b->keep_with_next = 1;
		if (title || docnum) {
			b->font = title ? FONT_TITLE : FONT_H2;
			b->bold = 1;
			b->space_before = title ? f->s->title_space_before : f->s->title_space_before;
			b->space_after = title ? f->s->title_space_after : 4;
			if (title)
				b->outline = plain_text(c);
		} else {
			b->font = FONT_H2;
			b->space_after = f->s->title_space_after;
		}
		inline_walk(f, &b->rich, c);
		add_block(f, b);
	}
}

static void read_meta(struct pdf_doc *d, xmlNodePtr root)
{
	xmlNodePtr meta = find(root, "meta");
	xmlNodePtr work = find(meta, "FRBRWork");
	for (xmlNodePtr c = work ? work->children : NULL; c; c = c->next) {
		if (is(c, "FRBRalias") && attr_is(c, "name", "symbol") && !d->symbol)
			d->symbol = attr(c, "value");
		if (is(c, "FRBRdate") && !d->date)
			d->date = attr(c, "date");
	}
	xmlNodePtr src = find(meta, "source");
	if (src && src->ns && src->ns->href && strstr((const char *)src->ns->href, "unpress"))
		d->job_number = attr(src, "jobNumber");
	xmlNodePtr title = find(root, "docTitle");
	if (title)
		d->title = plain_text(title);
	xmlNodePtr body = find(root, "docProponent");
	if (body)
		d->body = plain_text(body);
}

void pdf_flow_build(struct pdf_doc *d, xmlDocPtr akn)
{
	struct flow f = {d, d->style, 0};
	xmlNodePtr root = xmlDocGetRootElement(akn);
	xmlNodePtr top = NULL;
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			top = top ? top : c;
	read_meta(d, root);
	if (!top)
		return;
	cover(&f, child(top, "coverPage"));
	preface(&f, child(top, "preface"));
	for (xmlNodePtr c = top->children; c; c = c->next) {
		if (is(c, "preamble") || is(c, "mainBody") || is(c, "body") ||
		    is(c, "conclusions") || is(c, "attachments"))
			walk_body(&f, c, 0);
	}
}

/* The contents list (UN reports list chapters and sections with their page
 * numbers in a right-hand "Page" column).  Page numbers are filled in after
 * pagination; the entries' widths do not depend on them. */
void pdf_flow_add_toc(struct pdf_doc *d)
{
	struct flow f = {d, d->style, 0};
	int count = 0, after = -1;
	for (int i = 0; i < d->nblocks; i++) {
		struct pdf_block *b = d->blocks[i];
		if (b->kind == BLK_HEADING && b->level <= 2 && b->label)
			count++;
		if (b->kind == BLK_COVER || b->kind == BLK_TITLE || (after == i - 1 && b->keep_with_next &&
								      b->kind == BLK_PARA && !b->dest))
			after = i;
	}
	if (count < d->style->toc_min_headings || d->style->toc_min_headings <= 0)
		return;
	struct pdf_block **entries = xmalloc(sizeof *entries * (size_t)(count + 1));
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
	/* The "Page" column caption: a small right-aligned line. */
	for (int i = 0; i < d->nblocks; i++) {
		struct pdf_block *h = d->blocks[i];
		if (h->kind != BLK_HEADING || h->level > 2 || !h->label || !h->dest)
			continue;
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
		e->target = h;
		e->space_after = h->level == 1 ? 3 : 1;
		rich_text(&e->rich, h->label);
		rich_link(&e->rich, 0, rich_pos(&e->rich), h->dest, 1);
		rich_trim(&e->rich);
		entries[n++] = e;
		if (n > count)
			break;
	}
	if (n > 1)
		entries[n - 1]->space_after = d->style->title_space_after;
	/* splice the entries in after the title block */
	int at = after + 1;
	d->blocks = xrealloc(d->blocks, sizeof *d->blocks * (size_t)(d->nblocks + n));
	memmove(d->blocks + at + n, d->blocks + at, sizeof *d->blocks * (size_t)(d->nblocks - at));
	memcpy(d->blocks + at, entries, sizeof *entries * (size_t)n);
	d->nblocks += n;
	d->blocks_cap = d->nblocks;
	free(entries);
}

static void block_free(struct pdf_block *b)
{
	rich_free(&b->rich);
	free(b->num);
	free(b->right);
	free(b->dest);
	free(b->outline);
	free(b->label);
	pdf_lines_free(b);
	if (b->num_block)
		block_free(b->num_block);
	if (b->right_layout)
		g_object_unref(b->right_layout);
	free(b);
}

void pdf_doc_free(struct pdf_doc *d)
{
	for (int i = 0; i < d->nblocks; i++)
		block_free(d->blocks[i]);
	for (int i = 0; i < d->nnotes; i++)
		block_free(d->notes[i]);
	free(d->blocks);
	free(d->notes);
	free(d->symbol);
	free(d->title);
	free(d->job_number);
	free(d->date);
	free(d->body);
	free(d->lang);
}
