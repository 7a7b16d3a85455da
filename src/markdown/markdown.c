/* markdown.c — the Markdown edition: GitHub Flavored Markdown with
 * footnotes, rendered from the AKN tree in one walk (one switch over
 * element names, as cmark's renderers switch over node types), written
 * whole with atomic_write.
 *
 * The shape, chosen so that GitHub shows it well AND unpress (or any
 * reader of UN documents) reads it back into the same AKN:
 *  - the cover page as the short lines a UN document prints (symbol,
 *    "Distr.: General", the date, "Original: English", ...), one paragraph
 *    each; no YAML front matter, which GitHub shows as a table and a
 *    UN-document reader would not expect;
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
 *    the only raw HTML besides <sup>, which Markdown cannot express. */
#include "edition.h"

#include <errno.h>
#include <string.h>
#include <sysexits.h>

#include "escape.h"
#include "href.h"
#include "notes.h"
#include "util/atomic.h"
#include "util/buf.h"

enum md_el {
	EL_OTHER,
	EL_META,
	EL_COVERPAGE,
	EL_PREFACE,
	EL_PREAMBLE,
	EL_CHAPTER,	/* chapter, section, subsection, part, ... */
	EL_HCONTAINER,
	EL_PARAGRAPH,
	EL_POINT,
	EL_CROSSHEADING,
	EL_BLOCKS,	/* formula, container, intro, content, wrapUp, ... */
	EL_P,
	EL_EMBEDDED,
	EL_NUM,
	EL_HEADING,
	EL_I,
	EL_B,
	EL_U,
	EL_SUP,
	EL_SUB,
	EL_REF,
	EL_NOTE,
	EL_EOL,
};

static const struct {
	const char *name;
	enum md_el el;
} element_names[] = {
	{"meta", EL_META}, {"coverPage", EL_COVERPAGE}, {"preface", EL_PREFACE},
	{"preamble", EL_PREAMBLE}, {"chapter", EL_CHAPTER}, {"section", EL_CHAPTER},
	{"subsection", EL_CHAPTER}, {"part", EL_CHAPTER}, {"title", EL_CHAPTER},
	{"article", EL_CHAPTER}, {"hcontainer", EL_HCONTAINER},
	{"paragraph", EL_PARAGRAPH}, {"subparagraph", EL_POINT}, {"point", EL_POINT},
	{"item", EL_POINT}, {"crossHeading", EL_CROSSHEADING},
	{"formula", EL_BLOCKS}, {"container", EL_BLOCKS}, {"intro", EL_BLOCKS},
	{"content", EL_BLOCKS}, {"wrapUp", EL_BLOCKS}, {"mainBody", EL_BLOCKS},
	{"body", EL_BLOCKS}, {"conclusions", EL_BLOCKS}, {"list", EL_BLOCKS},
	{"blockList", EL_BLOCKS}, {"attachments", EL_BLOCKS}, {"attachment", EL_BLOCKS},
	{"p", EL_P}, {"embeddedStructure", EL_EMBEDDED}, {"num", EL_NUM},
	{"heading", EL_HEADING}, {"subheading", EL_HEADING},
	{"i", EL_I}, {"b", EL_B}, {"u", EL_U}, {"sup", EL_SUP}, {"sub", EL_SUB},
	{"ref", EL_REF}, {"a", EL_REF}, {"authorialNote", EL_NOTE}, {"eol", EL_EOL},
	{"br", EL_EOL},
};

static enum md_el element_kind(xmlNodePtr n)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return EL_OTHER;
	for (size_t i = 0; i < sizeof element_names / sizeof *element_names; i++)
		if (!strcmp((const char *)n->name, element_names[i].name))
			return element_names[i].el;
	return EL_OTHER;
}

struct md {
	struct buf out;
	struct buf notes;	/* definitions waiting for the end of the block */
	struct buf line;	/* scratch: the block being built */
	int prev_item;		/* the last block written was a list item */
	int em_depth, strong_depth;
};

static int is_el(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
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
		case EL_I:
			/* nested emphasis in emphasis is read as the same emphasis */
			if (m->em_depth) {
				render_inlines(m, n, b);
				break;
			}
			m->em_depth++;
			render_wrapped(m, n, b, "*");
			m->em_depth--;
			break;
		case EL_B:
			if (m->strong_depth) {
				render_inlines(m, n, b);
				break;
			}
			m->strong_depth++;
			render_wrapped(m, n, b, "**");
			m->strong_depth--;
			break;
		case EL_SUP:
		case EL_SUB: {
			const char *tag = element_kind(n) == EL_SUP ? "sup" : "sub";
			buf_printf(b, "<%s>", tag);
			render_inlines(m, n, b);
			trim_end(b);
			buf_printf(b, "</%s>", tag);
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
			buf_putc(b, ' ');
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
	render_text_of(m, p, &text);
	if (!text.len) {
		buf_free(&text);
		return;
	}
	begin_block(m, 0, indent, notes_before);
	md_escape_block_start(&m->line, text.data);
	end_block(m);
	buf_free(&text);
}

static void write_heading(struct md *m, int level, xmlNodePtr owner, xmlNodePtr num, xmlNodePtr heading)
{
	if (level > 6)
		level = 6;
	struct buf numtext = BUF_INIT, headtext = BUF_INIT;
	size_t notes_before = m->notes.len;
	render_text_of(m, num, &numtext);
	render_text_of(m, heading, &headtext);
	if (!numtext.len && !headtext.len && !owner)
		goto out;
	begin_block(m, 0, 0, notes_before);
	for (int i = 0; i < level; i++)
		buf_putc(&m->line, '#');
	buf_putc(&m->line, ' ');
	if (owner)
		put_anchor(&m->line, owner);
	/* "I." and "A." share the line; "Resolution 11/1" and "Annex I" are
	 * printed on a line of their own with the heading beneath. */
	int word_num = numtext.len && numtext.data[numtext.len - 1] != '.' &&
		       numtext.data[numtext.len - 1] != ')';
	if (numtext.len) {
		buf_puts(&m->line, numtext.data);
		if (headtext.len && !word_num)
			buf_putc(&m->line, ' ');
	}
	if (headtext.len && !word_num)
		buf_puts(&m->line, headtext.data);
	/* a closing "#" would be read as the closing sequence (spec §4.2) */
	if (m->line.len && m->line.data[m->line.len - 1] == '#') {
		m->line.data[m->line.len - 1] = '\\';
		buf_putc(&m->line, '#');
	}
	end_block(m);
	if (headtext.len && word_num) {
		begin_block(m, 0, 0, 0);
		buf_puts(&m->line, "**");
		buf_puts(&m->line, headtext.data);
		buf_puts(&m->line, "**");
		end_block(m);
	}
out:
	buf_free(&numtext);
	buf_free(&headtext);
}

static void walk(struct md *m, xmlNodePtr n, int level, int indent);

static void walk_children(struct md *m, xmlNodePtr n, int level, int indent)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		walk(m, c, level, indent);
}

/* The first <p> of a paragraph's or point's content or intro: it shares
 * the line with the num. */
static xmlNodePtr lead_p(xmlNodePtr n)
{
	xmlNodePtr box = child_el(n, "content");
	if (!box)
		box = child_el(n, "intro");
	return box ? child_el(box, "p") : NULL;
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
	buf_free(&numtext);
	buf_free(&text);
}

/* The area of the printed cover page a cover line sits in: the masthead
 * (organisation, symbol), the top-right block (distribution, date,
 * original language), the body and session block, the agenda item, its
 * title.  Lines of one area form one paragraph of short lines. */
static int cover_area(xmlNodePtr p)
{
	static const struct {
		const char *cls;
		int area;
	} areas[] = {
		{"organization", 1}, {"symbol", 1}, {"distribution", 2}, {"date", 2},
		{"language", 2}, {"body", 3}, {"session", 3}, {"place", 3},
		{"agenda", 4}, {"agendaTitle", 5},
	};
	xmlChar *cls = xmlGetProp(p, BAD_CAST "class");
	int area = 0;
	for (size_t i = 0; cls && i < sizeof areas / sizeof *areas; i++)
		if (!strcmp((const char *)cls, areas[i].cls))
			area = areas[i].area;
	xmlFree(cls);
	return area;
}

/* The cover as the short lines a UN document prints, in the XML's order;
 * lines of one area are joined by hard breaks ("\" at the end of the line,
 * never two trailing spaces). */
static void write_cover(struct md *m, xmlNodePtr cover)
{
	int open_area = -1;
	size_t notes_before = m->notes.len;
	for (xmlNodePtr p = cover->children; p; p = p->next) {
		if (!is_el(p, "p"))
			continue;
		struct buf text = BUF_INIT;
		render_text_of(m, p, &text);
		if (text.len) {
			int area = cover_area(p);
			if (area && area == open_area) {
				buf_puts(&m->line, "\\\n");
			} else {
				if (open_area >= 0)
					end_block(m);
				begin_block(m, 0, 0, notes_before);
			}
			open_area = area;
			/* each line after a hard break could open a block too */
			md_escape_block_start(&m->line, text.data);
		}
		notes_before = m->notes.len;
		buf_free(&text);
	}
	if (open_area >= 0)
		end_block(m);
}

static void walk_preface(struct md *m, xmlNodePtr preface)
{
	for (xmlNodePtr p = preface->children; p; p = p->next) {
		if (!is_el(p, "p")) {
			walk(m, p, 2, 0);
			continue;
		}
		xmlChar *cls = xmlGetProp(p, BAD_CAST "class");
		int title = (cls && !strcmp((const char *)cls, "title")) || child_el(p, "docTitle");
		xmlFree(cls);
		if (title)
			write_heading(m, 1, NULL, NULL, p);
		else
			write_paragraph(m, p, 0);
	}
}

/* The walk over block elements: level is the heading level a hierarchy
 * met here would take, indent the list nesting of the current point. */
static void walk(struct md *m, xmlNodePtr n, int level, int indent)
{
	if (n->type != XML_ELEMENT_NODE)
		return;
	switch (element_kind(n)) {
	case EL_META:
	case EL_NUM:
	case EL_HEADING:	/* written with their hierarchy */
		break;
	case EL_COVERPAGE:
		write_cover(m, n);
		break;
	case EL_PREFACE:
		walk_preface(m, n);
		break;
	case EL_CHAPTER:
	case EL_HCONTAINER:
		write_heading(m, level, n, child_el(n, "num"), child_el(n, "heading"));
		for (xmlNodePtr c = n->children; c; c = c->next)
			if (element_kind(c) != EL_NUM && element_kind(c) != EL_HEADING)
				walk(m, c, level + 1, 0);
		break;
	case EL_PARAGRAPH:
		write_numbered(m, n, level, indent, indent > 0);
		break;
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
	case EL_PREAMBLE:
	case EL_BLOCKS:
	case EL_EMBEDDED:
	default:
		walk_children(m, n, level, indent);
		break;
	}
}

int markdown_edition_write(xmlDocPtr akn, const char *path, const struct render_opts *opts)
{
	xmlNodePtr root = xmlDocGetRootElement(akn);
	xmlNodePtr document = root ? root->children : NULL;
	while (document && document->type != XML_ELEMENT_NODE)
		document = document->next;
	if (!document) {
		diag_error(opts->diag, 0, "markdown", "no document element in the XML");
		return EX_DATAERR;
	}
	struct md m = {BUF_INIT, BUF_INIT, BUF_INIT, 0, 0, 0};
	md_notes_label(document);
	/* the mainBody's hierarchy starts at ## under the # title */
	walk_children(&m, document, 2, 0);
	flush_notes(&m, m.notes.len);
	md_notes_free(document);
	int status = 0;
	if (atomic_write(path, m.out.data ? m.out.data : "", m.out.len) != 0) {
		diag_error(opts->diag, 0, "markdown", "cannot write %s: %s", path, strerror(errno));
		status = EX_CANTCREAT;
	}
	buf_free(&m.out);
	buf_free(&m.notes);
	buf_free(&m.line);
	return status;
}
