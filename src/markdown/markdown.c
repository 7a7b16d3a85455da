/* markdown.c — the Markdown edition: GitHub Flavored Markdown with
 * footnotes, rendered from the AKN tree in one walk (one switch over
 * element names, as cmark's renderers switch over node types), written
 * whole with atomic_write.
 *
 * The shape, chosen so that GitHub shows it well AND unpress (or any
 * reader of UN documents) reads it back into the same AKN:
 *  - YAML front matter with the document's title, symbol, date, language
 *    and direction (lang: ar, dir: rtl), for static site generators and
 *    any reader that must know the language (unpress skips it on reading
 *    the Markdown back: read/frontmatter.c);
 *  - the cover page as the short lines a UN document prints (symbol,
 *    "Distr.: General", the date, "Original: English", ...), one paragraph
 *    per printed area, in the order of those areas;
 *  - the title as the one level-1 heading; chapter ##, section ###,
 *    subsection ####, and resolutions, decisions and annexes one level
 *    below their parent (capped at ######).  A num that is a word
 *    ("Resolution 11/1", "Annex I") stands on its own heading line with the
 *    heading in bold beneath, as the UN prints it; "I." and "A." share the
 *    line with their heading;
 *  - numbered paragraphs keep their numbers literally ("9\. text", so no
 *    list renumbers them); points are list items "- (a) text", nested two
 *    spaces per level, so the nesting survives a round trip;
 *  - footnotes as [^label] at the reference point, their definitions after
 *    the top-level block (or list) that cites them (labels: notes.h);
 *    a note whose text was lost gets an empty definition holding only an
 *    HTML comment, so the reference still resolves and nothing is invented;
 *  - anchors: <a id="EID"></a> after a paragraph's or point's number and
 *    at the start of a heading.  Markdown has no anchor construct; GitHub
 *    keeps the id as "user-content-EID" and its page script scrolls
 *    "#EID" links there, and any other renderer keeps it as is.  These are
 *    the only raw HTML besides <sup>, which Markdown cannot express;
 *  - tables as GFM tables (the first row is the header; a cell spanning
 *    columns is followed by empty ones).
 * What each element is comes from the shared reader (akn/read.h), which
 * reads the UN's AKN4UN files as it reads ours: their italic and bold
 * spans come out as *emphasis* and **strong emphasis**. */
#include "akn/edition.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "akn/parts.h"
#include "akn/read.h"
#include "markdown/escape.h"
#include "markdown/href.h"
#include "markdown/notes.h"
#include "util/atomic.h"
#include "util/buf.h"
#include "util/xmalloc.h"

enum md_el {
	EL_OTHER,	/* text: docNumber, inline, span, and what the reader does not know */
	EL_META,	/* nothing shown */
	EL_COVERPAGE,
	EL_PREFACE,
	EL_PREAMBLE,
	EL_CHAPTER,	/* chapter, section, subsection, part, hcontainer, ... */
	EL_PARAGRAPH,
	EL_POINT,
	EL_CROSSHEADING,
	EL_BLOCKS,	/* formula, container, intro, content, wrapUp, list, attachments, ... */
	EL_P,
	EL_NUM,
	EL_HEADING,
	EL_STYLED,	/* i, b, u, sup, sub, span class="italic|bold" */
	EL_REF,
	EL_NOTE,
	EL_EOL,
	EL_TABLE,
};

/* The Markdown edition's view of the shared reader's kinds. */
static enum md_el element_kind(xmlNodePtr n)
{
	switch (akn_kind(n)) {
	case AKN_HIDDEN: return EL_META;
	case AKN_COVER: return EL_COVERPAGE;
	case AKN_PREFACE: return EL_PREFACE;
	case AKN_PREAMBLE: return EL_PREAMBLE;
	case AKN_HIERARCHY: return EL_CHAPTER;
	case AKN_NUMBERED: return akn_is(n, "paragraph") ? EL_PARAGRAPH : EL_POINT;
	case AKN_CROSSHEADING: return EL_CROSSHEADING;
	case AKN_BLOCKS: case AKN_FORMULA: case AKN_CONTAINER: case AKN_SUBDOC:
	case AKN_CONCLUSIONS: case AKN_ROW: case AKN_CELL:
		return EL_BLOCKS;
	case AKN_P: return EL_P;
	case AKN_NUM: return EL_NUM;
	case AKN_HEADING: return EL_HEADING;
	case AKN_STYLED: return EL_STYLED;
	case AKN_LINK: return EL_REF;
	case AKN_NOTE: return EL_NOTE;
	case AKN_BREAK: return EL_EOL;
	case AKN_TABLE: return EL_TABLE;
	case AKN_INLINE: case AKN_UNKNOWN:
		return EL_OTHER;
	}
	return EL_OTHER;
}

struct md {
	struct buf out;
	struct buf notes;	/* definitions waiting for the end of the block */
	struct buf line;	/* scratch: the block being built */
	int prev_item;		/* the last block written was a list item */
	int em_depth, strong_depth;
	int hard_breaks;	/* an <eol/> may be a hard line break here */
	xmlNodePtr written;	/* a paragraph's lead p, written with its number */
	const struct akn_doc *ad;
	struct akn_unknown unknown;
	struct akn_parts *parts;	/* the document, whole or read as the walk goes */
	struct md_labels labels;
	FILE *file;		/* where out goes as it grows */
	int failed;		/* a write to it failed */
};

static int is_el(xmlNodePtr n, const char *name)
{
	return akn_is(n, name);
}

static xmlNodePtr child_el(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (is_el(c, name))
			return c;
	return NULL;
}

/* Remove trailing spaces from b (no line of the edition ends in one). */
static void trim_end(struct buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

/* ---- inlines ---------------------------------------------------------- */

static void render_inlines(struct md *m, xmlNodePtr parent, struct buf *b);

/* Wrap the rendering of n's children in delim...delim.  Spaces just inside
 * the element move outside the delimiters, which GFM's flanking rules
 * (spec §6.2) would otherwise refuse; empty emphasis vanishes. */
static void render_wrapped(struct md *m, xmlNodePtr n, struct buf *b, const char *delim)
{
	struct buf inner = BUF_INIT;
	/* seed the scratch with the preceding character, for the "_" rule */
	buf_putc(&inner, b->len ? b->data[b->len - 1] : ' ');
	render_inlines(m, n, &inner);
	const char *s = inner.data + 1;
	size_t len = inner.len - 1;
	int lead = 0;
	while (len && *s == ' ')
		s++, len--, lead = 1;
	int trail = 0;
	while (len && s[len - 1] == ' ')
		len--, trail = 1;
	if (lead && b->len && b->data[b->len - 1] != ' ')
		buf_putc(b, ' ');
	if (len) {
		buf_puts(b, delim);
		buf_put(b, s, len);
		buf_puts(b, delim);
	}
	if (trail)
		buf_putc(b, ' ');
	buf_free(&inner);
}

static void render_note_definition(struct md *m, xmlNodePtr note, const char *label)
{
	struct buf *d = &m->notes;
	buf_printf(d, "\n[^%s]:", label);
	xmlChar *cls = xmlGetProp(note, BAD_CAST "class");
	int missing = cls && !strcmp((const char *)cls, "missing");
	xmlFree(cls);
	int paras = 0;
	for (xmlNodePtr p = note->children; p && !missing; p = p->next) {
		if (!is_el(p, "p"))
			continue;
		struct buf text = BUF_INIT;
		render_inlines(m, p, &text);
		trim_end(&text);
		if (!paras && akn_note_empty_brackets(note)) {
			/* the UN's Arabic notes: "()" where the number was */
			const char *b = strstr(text.data ? text.data : "", "()");
			if (b) {
				size_t skip = (size_t)(b + 2 - text.data);
				while (skip < text.len && text.data[skip] == ' ')
					skip++;
				memmove(text.data, text.data + skip, text.len - skip + 1);
				text.len -= skip;
			}
		}
		if (!text.len) {
			buf_free(&text);
			continue;
		}
		/* later paragraphs of a note are indented into its definition */
		buf_puts(d, paras++ ? "\n\n    " : " ");
		md_escape_block_start(d, text.data[0] == ' ' ? text.data + 1 : text.data);
		buf_free(&text);
	}
	if (!paras)
		buf_puts(d, " <!-- the source lost the text of this footnote -->");
	buf_putc(d, '\n');
}

/* Render the inline children of parent into b. */
static void render_inlines(struct md *m, xmlNodePtr parent, struct buf *b)
{
	for (xmlNodePtr n = parent->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			md_escape_inline(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		switch (element_kind(n)) {
		case EL_STYLED: {
			unsigned st = akn_style(n);
			if (st & (AKN_SUP | AKN_SUB)) {
				const char *tag = st & AKN_SUP ? "sup" : "sub";
				buf_printf(b, "<%s>", tag);
				render_inlines(m, n, b);
				trim_end(b);
				buf_printf(b, "</%s>", tag);
				break;
			}
			/* nested emphasis in emphasis is read as the same
			 * emphasis: only what is not open yet is opened */
			int em = (st & AKN_ITALIC) && !m->em_depth;
			int strong = (st & AKN_BOLD) && !m->strong_depth;
			if (!em && !strong) {
				render_inlines(m, n, b);	/* underline: no Markdown for it */
				break;
			}
			m->em_depth += em;
			m->strong_depth += strong;
			render_wrapped(m, n, b, em && strong ? "***" : em ? "*" : "**");
			m->em_depth -= em;
			m->strong_depth -= strong;
			break;
		}
		case EL_REF: {
			xmlChar *href = xmlGetProp(n, BAD_CAST "href");
			size_t start, len;
			if (!href || !md_safe_href((const char *)href, &start, &len)) {
				render_inlines(m, n, b);	/* the text, not a link */
			} else {
				buf_putc(b, '[');
				render_inlines(m, n, b);
				trim_end(b);
				buf_puts(b, "](");
				((char *)href)[start + len] = '\0';
				md_escape_url(b, (const char *)href + start);
				buf_putc(b, ')');
			}
			xmlFree(href);
			break;
		}
		case EL_NOTE: {
			const char *label = md_note_label(n);
			if (!label)
				break;
			trim_end(b);	/* " <sup>13</sup>": the marker hugs its word */
			buf_printf(b, "[^%s]", label);
			render_note_definition(m, n, label);
			break;
		}
		case EL_EOL:
			/* a hard line break where a paragraph may hold one,
			 * else a space */
			trim_end(b);
			buf_puts(b, m->hard_breaks ? "\\\n" : " ");
			break;
		case EL_META:
			break;
		case EL_OTHER:
			if (akn_kind(n) == AKN_UNKNOWN)
				akn_unknown_seen(&m->unknown, n);
			render_inlines(m, n, b);
			break;
		default:
			/* docNumber, docDate, inline, session, span, term, ...: text */
			render_inlines(m, n, b);
			break;
		}
	}
}

/* ---- blocks ----------------------------------------------------------- */

/* Write the first upto bytes of the pending definitions (those of notes
 * cited before the block now starting) and keep the rest. */
static void flush_notes(struct md *m, size_t upto)
{
	if (!upto)
		return;
	buf_put(&m->out, m->notes.data, upto);
	memmove(m->notes.data, m->notes.data + upto, m->notes.len - upto);
	m->notes.len -= upto;
	m->notes.data[m->notes.len] = '\0';
}

/* Start a new block: a blank line before it (or, between items of one
 * list, a plain newline), and at the top level first the definitions of
 * the notes cited before it (notes_before: m->notes.len before the block's
 * own text was rendered). */
static void begin_block(struct md *m, int item, int indent, size_t notes_before)
{
	if (!item && indent == 0)
		flush_notes(m, notes_before);
	if (m->out.len) {
		if (!(item && m->prev_item))
			buf_putc(&m->out, '\n');
		if (m->out.data[m->out.len - 1] != '\n')
			buf_putc(&m->out, '\n');
	}
	for (int i = 0; i < indent; i++)
		buf_puts(&m->out, "  ");
	m->prev_item = item;
}

/* Finish the line in m->line: trim, write, newline. */
static void end_block(struct md *m)
{
	trim_end(&m->line);
	buf_put(&m->out, m->line.data ? m->line.data : "", m->line.len);
	buf_putc(&m->out, '\n');
	buf_clear(&m->line);
}

static void put_anchor(struct buf *b, xmlNodePtr n)
{
	xmlChar *eid = xmlGetProp(n, BAD_CAST "eId");
	if (eid && *eid) {
		/* the eId is data: quoted so that it cannot end the attribute or
		 * the tag (an XML given to `unpress render` may hold anything) */
		buf_puts(b, "<a id=\"");
		for (const char *p = (const char *)eid; *p; p++) {
			switch (*p) {
			case '"': buf_puts(b, "&quot;"); break;
			case '<': buf_puts(b, "&lt;"); break;
			case '>': buf_puts(b, "&gt;"); break;
			case '&': buf_puts(b, "&amp;"); break;
			case '\n': buf_putc(b, ' '); break;
			default: buf_putc(b, *p);
			}
		}
		buf_puts(b, "\"></a>");
	}
	xmlFree(eid);
}

/* The rendered text of a <num>, <heading> or similar, trimmed. */
static void render_text_of(struct md *m, xmlNodePtr n, struct buf *b)
{
	if (!n)
		return;
	struct buf t = BUF_INIT;
	render_inlines(m, n, &t);
	trim_end(&t);
	const char *s = t.data ? t.data : "";
	while (*s == ' ')
		s++;
	buf_puts(b, s);
	buf_free(&t);
}

/* One paragraph of text at the given list indent; prefix (a num, already
 * escaped) goes first. */
static void write_paragraph(struct md *m, xmlNodePtr p, int indent)
{
	struct buf text = BUF_INIT;
	size_t notes_before = m->notes.len;
	m->hard_breaks = 1;
	render_text_of(m, p, &text);
	m->hard_breaks = 0;
	if (!text.len) {
		buf_free(&text);
		return;
	}
	begin_block(m, 0, indent, notes_before);
	/* each line after a hard break could open a block too, and is
	 * indented as the paragraph is */
	char *line = text.data;
	for (;;) {
		char *brk = strstr(line, "\\\n");
		if (brk)
			*brk = '\0';
		while (*line == ' ')
			line++;
		md_escape_block_start(&m->line, line);
		if (!brk)
			break;
		trim_end(&m->line);
		buf_puts(&m->line, "\\\n");
		for (int i = 0; i < indent; i++)
			buf_puts(&m->line, "  ");
		line = brk + 2;
	}
	end_block(m);
	buf_free(&text);
}

/* A heading line at level from the rendered texts of its num and
 * heading (notes_before: m->notes.len before either was rendered). */
static void write_heading_text(struct md *m, int level, xmlNodePtr owner, const struct buf *numtext,
			       const struct buf *headtext, size_t notes_before)
{
	if (level > 6)
		level = 6;
	if (!numtext->len && !headtext->len && !owner)
		return;
	begin_block(m, 0, 0, notes_before);
	for (int i = 0; i < level; i++)
		buf_putc(&m->line, '#');
	buf_putc(&m->line, ' ');
	if (owner)
		put_anchor(&m->line, owner);
	/* "I." and "A." share the line; "Resolution 11/1" and "Annex I" are
	 * printed on a line of their own with the heading beneath. */
	int word_num = numtext->len && numtext->data[numtext->len - 1] != '.' &&
		       numtext->data[numtext->len - 1] != ')';
	if (numtext->len) {
		buf_puts(&m->line, numtext->data);
		if (headtext->len && !word_num)
			buf_putc(&m->line, ' ');
	}
	if (headtext->len && !word_num)
		buf_puts(&m->line, headtext->data);
	/* a closing "#" would be read as the closing sequence (spec §4.2) */
	if (m->line.len && m->line.data[m->line.len - 1] == '#') {
		m->line.data[m->line.len - 1] = '\\';
		buf_putc(&m->line, '#');
	}
	end_block(m);
	if (headtext->len && word_num) {
		begin_block(m, 0, 0, 0);
		buf_puts(&m->line, "**");
		buf_puts(&m->line, headtext->data);
		buf_puts(&m->line, "**");
		end_block(m);
	}
}

static void write_heading(struct md *m, int level, xmlNodePtr owner, xmlNodePtr num, xmlNodePtr heading)
{
	struct buf numtext = BUF_INIT, headtext = BUF_INIT;
	size_t notes_before = m->notes.len;
	render_text_of(m, num, &numtext);
	render_text_of(m, heading, &headtext);
	write_heading_text(m, level, owner, &numtext, &headtext, notes_before);
	buf_free(&numtext);
	buf_free(&headtext);
}

static void walk(struct md *m, xmlNodePtr n, int level, int indent);

/* Hand what is written so far to the file, all but its last byte
 * (begin_block looks at it): a document read part by part is never
 * whole in memory, nor is its edition. */
static void write_out(struct md *m)
{
	if (m->out.len < 2 || !m->file)
		return;
	if (fwrite(m->out.data, 1, m->out.len - 1, m->file) != m->out.len - 1)
		m->failed = 1;
	m->out.data[0] = m->out.data[m->out.len - 1];
	m->out.len = 1;
	m->out.data[1] = '\0';
}

static void walk_children(struct md *m, xmlNodePtr n, int level, int indent)
{
	for (xmlNodePtr c = akn_parts_first(m->parts, n); c; c = akn_parts_next(m->parts, c)) {
		walk(m, c, level, indent);
		if (m->out.len > ((size_t)1 << 20))
			write_out(m);
	}
}

/* The first <p> of a paragraph's or point's content or intro: it shares
 * the line with the num. */
static xmlNodePtr lead_p(xmlNodePtr n)
{
	xmlNodePtr box = child_el(n, "content");
	if (!box)
		box = child_el(n, "intro");
	if (!box && child_el(n, "list")) {
		/* the UN's paragraph > list > intro > p */
		xmlNodePtr list = child_el(n, "list");
		box = child_el(list, "intro");
		if (!box && child_el(list, "listIntroduction"))
			return child_el(list, "listIntroduction");
	}
	/* an item of a blockList holds its p itself */
	return box ? child_el(box, "p") : child_el(n, "p");
}

/* Is a list item's number a bullet ("•", as unpress writes a bulleted
 * entry)?  Markdown's own "- " says it. */
static bool is_bullet_num(const char *t)
{
	static const char *const bullets[] = {"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x97\x8f",
					      "\xe2\x97\x8b", "\xe2\x96\xa0", "-", "*"};
	for (size_t i = 0; i < sizeof bullets / sizeof bullets[0]; i++)
		if (!strcmp(t, bullets[i]))
			return true;
	return false;
}

/* A paragraph ("9\. text") or, when item is set, a point ("- (a) text"):
 * the num and the lead paragraph on one line, then the rest of the
 * content, then the points (one list level deeper for a point). */
static void write_numbered(struct md *m, xmlNodePtr n, int level, int indent, int item)
{
	xmlNodePtr num = child_el(n, "num"), lead = lead_p(n);
	struct buf numtext = BUF_INIT, text = BUF_INIT;
	size_t notes_before = m->notes.len;
	render_text_of(m, num, &numtext);
	render_text_of(m, lead, &text);
	if (item && numtext.len && is_bullet_num(buf_cstr(&numtext)))
		numtext.len = 0;
	begin_block(m, item, indent, notes_before);
	if (item)
		buf_puts(&m->line, "- ");
	if (numtext.len) {
		md_escape_block_start(&m->line, numtext.data);
		put_anchor(&m->line, n);
		if (text.len)
			buf_putc(&m->line, ' ');
		buf_puts(&m->line, text.len ? text.data : "");
	} else if (text.len) {
		md_escape_block_start(&m->line, text.data);
	}
	end_block(m);
	int inner = item ? indent + 1 : indent;
	xmlNodePtr written = m->written;
	m->written = lead;	/* walk skips it wherever it sits */
	for (xmlNodePtr c = n->children; c; c = c->next) {
		switch (element_kind(c)) {
		case EL_NUM:
			break;
		case EL_BLOCKS:	/* content, intro, wrapUp: the lead p is written */
			for (xmlNodePtr p = c->children; p; p = p->next)
				if (p != lead)
					walk(m, p, level, inner);
			break;
		case EL_POINT:
		case EL_PARAGRAPH:
			write_numbered(m, c, level, inner, 1);
			break;
		default:
			walk(m, c, level, inner);
			break;
		}
	}
	m->written = written;
	buf_free(&numtext);
	buf_free(&text);
}

/* The area of the printed cover page a cover line sits in: the masthead
 * (organisation, symbol), the top-right block (distribution, date,
 * original language), the body and session block, the agenda item, its
 * title, and for a resolution the line saying who adopted it and the one
 * saying on what report.  Lines of one area form one paragraph of short
 * lines.  A line of no known area stays where it is (0). */
static int cover_area(enum akn_cover_role role)
{
	switch (role) {
	case AKN_COVER_ORGANIZATION: case AKN_COVER_SYMBOL: return 1;
	case AKN_COVER_DISTRIBUTION: case AKN_COVER_DATE: case AKN_COVER_LANGUAGE: return 2;
	case AKN_COVER_BODY: case AKN_COVER_SESSION: case AKN_COVER_PLACE: return 3;
	case AKN_COVER_AGENDA: return 4;
	case AKN_COVER_AGENDA_TITLE: return 5;
	case AKN_COVER_TITLE: return 6;
	case AKN_COVER_PROPONENT: return 7;
	case AKN_COVER_MEETING: case AKN_COVER_OTHER: return 0;
	}
	return 0;
}

/* The cover as the short lines a UN document prints, area by area (the
 * UN's XML lists the body before the top-right block; ours after it);
 * lines of one area are joined by hard breaks ("\" at the end of the line,
 * never two trailing spaces). */
static void write_cover(struct md *m, xmlNodePtr cover)
{
	/* its lines, as akn_doc_read reads them: the walk's own nodes,
	 * whose notes are labelled */
	int ncover = 0;
	for (xmlNodePtr c = cover->children; c; c = c->next)
		ncover += akn_kind(c) == AKN_P;
	struct akn_cover_line *line = xmalloc(sizeof *line * (size_t)(ncover + 1));
	ncover = 0;
	for (xmlNodePtr c = cover->children; c; c = c->next)
		if (akn_kind(c) == AKN_P)
			line[ncover++] = (struct akn_cover_line){akn_cover_role(c), c};
	/* a line of no area goes with the area of the line before it */
	int *area = xmalloc(sizeof *area * (size_t)(ncover + 1));
	int *order = xmalloc(sizeof *order * (size_t)(ncover + 1));
	int prev = 0;
	for (int i = 0; i < ncover; i++) {
		int a = cover_area(line[i].role);
		area[i] = a ? a : prev;
		prev = area[i];
		order[i] = i;
	}
	/* a stable insertion sort by area: covers are a dozen lines */
	for (int i = 1; i < ncover; i++)
		for (int j = i; j > 0 && area[order[j - 1]] > area[order[j]]; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	int open_area = -1;
	size_t notes_before = m->notes.len;
	for (int k = 0; k < ncover; k++) {
		xmlNodePtr p = line[order[k]].node;
		struct buf text = BUF_INIT;
		render_text_of(m, p, &text);
		if (text.len) {
			int a = cover_area(line[order[k]].role);
			if (a && a == open_area) {
				buf_puts(&m->line, "\\\n");
			} else {
				if (open_area >= 0)
					end_block(m);
				begin_block(m, 0, 0, notes_before);
			}
			open_area = a;
			/* each line after a hard break could open a block too */
			md_escape_block_start(&m->line, text.data);
		}
		notes_before = m->notes.len;
		buf_free(&text);
	}
	if (open_area >= 0)
		end_block(m);
	free(area);
	free(order);
	free(line);
}

/* The preface: its title the one level-1 heading when it is the
 * document's own; a part's (an annex's doc, a collection's component)
 * titles its part at `level`. */
static void walk_preface(struct md *m, xmlNodePtr preface, int level)
{
	int title_level = m->ad && akn_parts_is_top(preface) ? 1 : level;
	for (xmlNodePtr p = preface->children; p; p = p->next) {
		if (!is_el(p, "p")) {
			walk(m, p, 2, 0);
			continue;
		}
		xmlChar *cls = xmlGetProp(p, BAD_CAST "class");
		int title = (cls && !strcmp((const char *)cls, "title")) || child_el(p, "docTitle");
		xmlFree(cls);
		if (title)
			write_heading(m, title_level, NULL, NULL, p);
		else
			write_paragraph(m, p, 0);
	}
}

/* A paragraph that is only a heading (the UN's class="HCh|H1|H23"
 * paragraphs): each heading it holds, at the level its class gives below
 * the current one; the first carries the number and the anchor. */
static void write_heading_paragraph(struct md *m, xmlNodePtr n, int level, int hlevel)
{
	xmlNodePtr num = child_el(n, "num");
	int first = 1;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!is_el(c, "heading") && !is_el(c, "subheading"))
			continue;
		write_heading(m, level + hlevel - 1, first ? n : NULL, first ? num : NULL, c);
		first = 0;
	}
}

/* A table cell's text on one line, "|" escaped (GFM tables, spec §4.10). */
static void cell_text(struct md *m, xmlNodePtr cell, struct buf *out)
{
	struct buf t = BUF_INIT;
	for (xmlNodePtr c = cell->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (t.len)
			buf_putc(&t, ' ');
		render_text_of(m, c, &t);
	}
	if (!t.len)
		render_text_of(m, cell, &t);
	for (size_t i = 0; i < t.len; i++) {
		if (t.data[i] == '|')
			buf_putc(out, '\\');
		buf_putc(out, t.data[i] == '\n' ? ' ' : t.data[i]);
	}
	buf_free(&t);
}

/* A GFM table: the first row is the header (GFM has no table without
 * one), a cell spanning columns is followed by empty cells, short rows
 * are padded; a column the UN aligns right in its first row that says so
 * is right-aligned. */
static void write_table(struct md *m, xmlNodePtr table)
{
	int ncols = 0;
	for (xmlNodePtr tr = table->children; tr; tr = tr->next) {
		if (akn_kind(tr) != AKN_ROW)
			continue;
		int cols = 0;
		for (xmlNodePtr c = tr->children; c; c = c->next)
			if (akn_kind(c) == AKN_CELL) {
				char *span = akn_attr(c, "colspan");
				int k = span ? atoi(span) : 1;
				free(span);
				cols += k >= 1 && k <= 64 ? k : 1;
			}
		if (cols > ncols)
			ncols = cols;
	}
	if (ncols == 0)
		return;
	size_t notes_before = m->notes.len;
	struct buf rows = BUF_INIT;
	int *right = xmalloc(sizeof *right * (size_t)ncols);
	memset(right, 0, sizeof *right * (size_t)ncols);
	int nrows = 0;
	for (xmlNodePtr tr = table->children; tr; tr = tr->next) {
		if (akn_kind(tr) != AKN_ROW)
			continue;
		int col = 0;
		buf_putc(&rows, '|');
		for (xmlNodePtr c = tr->children; c && col < ncols; c = c->next) {
			if (akn_kind(c) != AKN_CELL)
				continue;
			buf_putc(&rows, ' ');
			cell_text(m, c, &rows);
			buf_puts(&rows, " |");
			if (akn_attr_is(c, "data-justification", "Right"))
				right[col] = 1;
			char *span = akn_attr(c, "colspan");
			int k = span ? atoi(span) : 1;
			free(span);
			for (col++; k > 1 && col < ncols && k <= 64; k--, col++)
				buf_puts(&rows, "  |");
		}
		for (; col < ncols; col++)
			buf_puts(&rows, "  |");
		buf_putc(&rows, '\n');
		if (nrows++ == 0) {
			/* the delimiter row goes after the header: filled below */
			buf_putc(&rows, '\001');
		}
	}
	begin_block(m, 0, 0, notes_before);
	const char *mark = strchr(rows.data, '\001');
	buf_put(&m->out, rows.data, (size_t)(mark - rows.data));
	buf_putc(&m->out, '|');
	for (int i = 0; i < ncols; i++)
		buf_puts(&m->out, right[i] ? " ---: |" : " --- |");
	buf_putc(&m->out, '\n');
	buf_puts(&m->out, mark + 1);
	/* end_block's newline: the table's last row ends in one already */
	m->out.len--;
	m->out.data[m->out.len] = '\0';
	end_block(m);
	free(right);
	buf_free(&rows);
}

/* A chapter, section, ...: its heading (the heading, else the
 * subheading; read part by part, the one that opens it after its num, as
 * AKN orders them) at level,
 * any other heading or subheading there one level below, then the rest,
 * child by child (a chapter may be read as the walk goes: akn/parts.h). */
static void walk_hierarchy(struct md *m, xmlNodePtr n, int level)
{
	/* rendered as they come: the walk frees each child as it moves on */
	struct buf numtext = BUF_INIT, headtext = BUF_INIT;
	size_t notes_before = m->notes.len;
	bool num = false, heading = false, sub = false, written = false;
	xmlNodePtr whole_heading = NULL;
	if (akn_parts_whole(m->parts)) {
		/* a whole tree (the UN's XML may put a p before the heading):
		 * its heading wherever it stands */
		whole_heading = child_el(n, "heading");
		if (!whole_heading)
			whole_heading = child_el(n, "subheading");
		write_heading(m, level, n, child_el(n, "num"), whole_heading);
		written = true;
	}
	for (xmlNodePtr c = akn_parts_first(m->parts, n); c; c = akn_parts_next(m->parts, c)) {
		if (c->type != XML_ELEMENT_NODE || c == whole_heading)
			continue;
		if (!written) {
			/* the opening num, heading and subheading */
			if (!num && !heading && !sub && element_kind(c) == EL_NUM) {
				num = true;
				render_text_of(m, c, &numtext);
				continue;
			}
			if (!heading && !sub && (is_el(c, "heading") || is_el(c, "subheading"))) {
				heading = is_el(c, "heading");
				sub = !heading;
				render_text_of(m, c, &headtext);
				continue;
			}
			write_heading_text(m, level, n, &numtext, &headtext, notes_before);
			written = true;
		}
		if (element_kind(c) == EL_NUM)
			continue;
		if (is_el(c, "heading") || is_el(c, "subheading"))
			write_heading(m, level + 1, NULL, NULL, c);
		else
			walk(m, c, level + 1, 0);
	}
	if (!written)
		write_heading_text(m, level, n, &numtext, &headtext, notes_before);
	buf_free(&numtext);
	buf_free(&headtext);
}

/* The walk over block elements: level is the heading level a hierarchy
 * met here would take, indent the list nesting of the current point. */
static void walk(struct md *m, xmlNodePtr n, int level, int indent)
{
	if (n->type != XML_ELEMENT_NODE || n == m->written)
		return;
	switch (element_kind(n)) {
	case EL_META:
	case EL_NUM:
	case EL_HEADING:	/* written with their hierarchy */
		break;
	case EL_COVERPAGE:
		/* the document's own cover (read by akn_doc_read), or one
		 * inside a part: its lines as paragraphs */
		if (akn_parts_is_top(n))
			write_cover(m, n);
		else
			walk_children(m, n, level, indent);
		break;
	case EL_PREFACE:
		walk_preface(m, n, level);
		break;
	case EL_CHAPTER:
		walk_hierarchy(m, n, level);
		break;
	case EL_PARAGRAPH: {
		int hlevel = akn_heading_paragraph(n);
		if (hlevel)
			write_heading_paragraph(m, n, level, hlevel);
		else
			write_numbered(m, n, level, indent, indent > 0);
		break;
	}
	case EL_POINT:
		write_numbered(m, n, level, indent, 1);
		break;
	case EL_CROSSHEADING:
		write_heading(m, level, n, NULL, n);
		break;
	case EL_P:
		if (child_el(n, "embeddedStructure"))
			walk_children(m, n, level, indent);
		else
			write_paragraph(m, n, indent);
		break;
	case EL_TABLE:
		write_table(m, n);
		break;
	case EL_OTHER:
	case EL_STYLED:
	case EL_REF:
	case EL_NOTE:
	case EL_EOL:
		/* text where blocks are: a paragraph of it */
		if (akn_kind(n) == AKN_UNKNOWN)
			akn_unknown_seen(&m->unknown, n);
		if (child_el(n, "p") || child_el(n, "paragraph"))
			walk_children(m, n, level, indent);
		else
			write_paragraph(m, n, indent);
		break;
	case EL_PREAMBLE:
	case EL_BLOCKS:
	default:
		walk_children(m, n, level, indent);
		break;
	}
}

/* A YAML string: double-quoted, with the escapes YAML needs there; and
 * "<", ">", "&" as YAML escapes (\u003C ...), since a renderer that does
 * not know front matter shows it as Markdown, where they could open raw
 * HTML (a title holding "<script>": tests/robust/t_payloads.sh). */
static void yaml_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '<' || *s == '>' || *s == '&') {
			buf_printf(b, "\\u%04X", (unsigned)*s);
			continue;
		}
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
	}
	buf_putc(b, '"');
}

/* The front matter: what the document is and which language and
 * direction it is written in (FRBRlanguage, or the text's letters). */
static void write_front_matter(struct md *m, const struct akn_doc *ad)
{
	buf_puts(&m->out, "---\n");
	if (ad->title) {
		buf_puts(&m->out, "title: ");
		yaml_string(&m->out, ad->title);
		buf_putc(&m->out, '\n');
	}
	if (ad->symbol) {
		buf_puts(&m->out, "symbol: ");
		yaml_string(&m->out, ad->symbol);
		buf_putc(&m->out, '\n');
	}
	if (ad->date) {
		buf_puts(&m->out, "date: ");
		yaml_string(&m->out, ad->date);
		buf_putc(&m->out, '\n');
	}
	buf_printf(&m->out, "lang: %s\ndir: %s\n---\n", ad->lang, ad->rtl ? "rtl" : "ltr");
}

/* akn_parts' hook: the notes of each part labelled as the part comes. */
static void label_part(void *ctx, xmlNodePtr part)
{
	md_notes_label(ctx, part);
}

/* The document element: the root's first element. */
static xmlNodePtr first_element(struct akn_parts *parts, xmlNodePtr root)
{
	xmlNodePtr n = root ? akn_parts_first(parts, root) : NULL;
	while (n && n->type != XML_ELEMENT_NODE)
		n = akn_parts_next(parts, n);
	return n;
}

/* The walk, the edition going to file as it grows: the front matter,
 * then the document's children (the mainBody's hierarchy starts at ##
 * under the # title), then a collection's parts. */
static int write_document(struct md *m, struct akn_parts *parts, const struct render_opts *opts)
{
	xmlNodePtr root = akn_parts_root(parts);
	xmlNodePtr document = first_element(parts, root);
	if (!document) {
		diag_error(opts->diag, 0, "markdown", "no document element in the XML");
		return EX_DATAERR;
	}
	struct akn_doc ad;
	akn_doc_read(&ad, akn_parts_front(parts));
	m->ad = &ad;
	write_front_matter(m, &ad);
	for (xmlNodePtr n = document; n; n = akn_parts_next(parts, n))
		if (n == document || akn_is(n, "components"))
			walk_children(m, n, 2, 0);
	flush_notes(m, m->notes.len);
	akn_unknown_report(&m->unknown, opts->diag, "markdown");
	akn_doc_free(&ad);
	return 0;
}

int markdown_edition_write_parts(struct akn_parts *parts, const char *path, const struct render_opts *opts)
{
	struct atomic_file af;
	if (atomic_open(&af, path) != 0) {
		diag_error(opts->diag, 0, "markdown", "cannot create %s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	struct md m;
	memset(&m, 0, sizeof m);
	m.parts = parts;
	m.file = atomic_stream(&af);
	akn_parts_on_part(parts, label_part, &m.labels);
	int status = write_document(&m, parts, opts);
	if (akn_parts_whole(parts))
		md_notes_forget(akn_parts_root(parts));
	akn_parts_on_part(parts, NULL, NULL);
	if (status == 0)
		status = akn_parts_status(parts);
	if (status == 0) {
		write_out(&m);
		if (m.out.len && fwrite(m.out.data, 1, m.out.len, m.file) != m.out.len)
			m.failed = 1;
		if (m.failed)
			af.failed = 1;
		if (atomic_commit(&af) != 0) {
			diag_error(opts->diag, 0, "markdown", "cannot write %s: %s", path, strerror(errno));
			status = EX_CANTCREAT;
		}
	} else
		atomic_abort(&af);
	md_labels_free(&m.labels);
	buf_free(&m.out);
	buf_free(&m.notes);
	buf_free(&m.line);
	return status;
}

int markdown_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	struct akn_parts *parts = akn_parts_tree(akn);
	int status = markdown_edition_write_parts(parts, path, opts);
	akn_parts_close(parts);
	return status;
}
