/* read/ingest.c — the first room: cmark-gfm parses the Markdown-ish text and we
 * flatten its tree into blocks (one per leaf block, in source order) whose
 * inline content is a string with the MK_ markup of doc/document.h.
 *
 * What ingest decides, and nothing more: which lines form a block, its
 * Markdown kind and heading level, the list marker it sat behind ("3." of
 * "- 3. text"), and the inline markup.  Every judgement about what the text
 * *means* belongs to the normalising passes.
 *
 * Form feeds (pdftotext's page breaks) are not Markdown: each becomes a
 * blank line for cmark plus a BLOCK_PAGEBREAK at its source line. */
#include "read/ingest.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/swar.h"

/* cmark reports positions in its own input; line_map turns them back into
 * source lines (they differ only where form feeds were split out). */
struct ingest_ctx {
	struct document *doc;
	int *line_map;		/* cmark line (1-based) → source line */
	int cmark_lines;
	struct buf scratch;
	/* Innermost list item marker, by list nesting depth. */
	struct ptr_vec item_markers;
	int list_depth;
	bool ordered_at[64];
	const char *cm_input;	/* what cmark parsed, for reading markers back */
	size_t cm_len;
	const size_t *line_offsets;	/* cmark line (1-based) - 1 → offset in cm_input */
	struct ptr_vec breaks;		/* source lines of the form feeds */
	size_t next_break;		/* the first not yet made a block */
	char *pending_marker;		/* an item's number, for its first paragraph */
	int line_base;			/* cmark line of the window parsed, less one */
};

/* The lines of a paragraph whose last line became a GFM table's header:
 * cmark-gfm gives what is left of it no position (0) and starts the table
 * on its first line.  Its first line is the table's; it has one line more
 * per line break.  0 for any other node. */
static int table_leftover_line(cmark_node *node, bool end)
{
	cmark_node *table = cmark_node_next(node);
	if (cmark_node_get_start_line(node) != 0 || cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH || !table ||
	    strcmp(cmark_node_get_type_string(table), "table") != 0)
		return 0;
	int line = cmark_node_get_start_line(table);
	if (end)
		for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
			if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(c) == CMARK_NODE_LINEBREAK)
				line++;
	return line;
}

/* The line of cmark's whole input where node starts (ends): cmark
 * counts from the start of the window it parsed. */
static int start_line(const struct ingest_ctx *ctx, cmark_node *node)
{
	int line = cmark_node_get_start_line(node);
	return (line ? line : table_leftover_line(node, false)) + ctx->line_base;
}

static int end_line(const struct ingest_ctx *ctx, cmark_node *node)
{
	int line = cmark_node_get_end_line(node);
	return (line ? line : table_leftover_line(node, true)) + ctx->line_base;
}

/* The label of a footnote written [^LABEL] at (line, col) of cmark's input.
 * cmark-gfm 0.29 gives a reference's display index, not its label, so the
 * label is read from the source.  Our Markdown edition writes a repeated
 * marker as [^SCOPE-MARKER] (cmark keeps one definition per label): the
 * marker is what follows the last '-'. */
static char *footnote_label(struct ingest_ctx *ctx, int line, int col)
{
	if (line < 1 || line > ctx->cmark_lines || col < 1)
		return NULL;
	/* a reference starts at its "[^"; a definition's node starts after
	 * "[^LABEL]: ", so look back along the line for the opening "[^" */
	const char *line_start = ctx->cm_input + ctx->line_offsets[line - 1];
	const char *p = line_start + (col - 1);
	while (p > line_start && !(p[0] == '[' && p[1] == '^'))
		p--;
	if (p[0] != '[' || p[1] != '^')
		return NULL;
	const char *start = p + 2, *end = start;
	while (*end && *end != ']' && *end != '\n' && end - start < 64)
		end++;
	if (*end != ']' || end == start)
		return NULL;
	const char *dash = NULL;
	for (const char *q = start; q < end; q++)
		if (*q == '-')
			dash = q;
	if (dash && dash + 1 < end)
		start = dash + 1;
	return arena_strndup(&ctx->doc->arena, start, (size_t)(end - start));
}

static int source_line(struct ingest_ctx *ctx, int cmark_line)
{
	if (cmark_line < 1)
		return 1;
	if (cmark_line > ctx->cmark_lines)
		return ctx->line_map[ctx->cmark_lines];
	return ctx->line_map[cmark_line];
}

static void put_text(struct buf *b, const char *s)
{
	if (s)
		buf_puts(b, s);
}

/* Text from `pdftotext -layout` sets columns side by side on one line
 * ("General Assembly        Distr.: General"): a run of three or more
 * spaces inside a line is a column gap, kept as one tab so the passes can
 * tell the columns apart. */
/* The first run of three spaces in s[0..n), or NULL.  Eight bytes at a
 * time: a text node is searched whole, and glibc's memmem spent six
 * instructions a byte on this three-byte needle. */
static const char *column_gap(const char *s, size_t n)
{
	size_t i = 0;
	/* windows of 8 overlap by 2, so a run across a boundary is seen */
	for (; i + 8 <= n; i += 6) {
		uint64_t z = swar_equal(swar_load(s + i), ' ');
		/* three flagged bytes side by side, checked exactly */
		if (!(z & (z >> 8) & (z >> 16)))
			continue;
		for (size_t k = i; k < i + 6 && k + 2 < n; k++)
			if (s[k] == ' ' && s[k + 1] == ' ' && s[k + 2] == ' ')
				return s + k;
	}
	for (; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ' && s[i + 2] == ' ')
			return s + i;
	return NULL;
}

static void put_layout_text(struct buf *b, const char *s, size_t n)
{
	/* most text has no column gap: copy it whole */
	const char *gap = column_gap(s, n);
	if (!gap) {
		buf_put(b, s, n);
		return;
	}
	buf_put(b, s, (size_t)(gap - s));
	for (size_t i = (size_t)(gap - s); i < n; i++) {
		if (s[i] == ' ' && i + 2 < n && s[i + 1] == ' ' && s[i + 2] == ' ') {
			while (i + 1 < n && s[i + 1] == ' ')
				i++;
			buf_putc(b, '\t');
			continue;
		}
		buf_putc(b, s[i]);
	}
}

/* Inline HTML we understand: the superscripts of footnote markers, and the
 * emphasis tags some extractors write.  Everything else is dropped (the
 * text between tags is kept by the caller). */
static void put_inline_html(struct buf *b, const char *html)
{
	char tag[16];
	size_t n = 0;
	const char *p = html;
	if (*p != '<')
		return;
	p++;
	int closing = *p == '/';
	if (closing)
		p++;
	while (*p && n + 1 < sizeof tag && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		tag[n++] = (char)(*p++ | 0x20);
	tag[n] = '\0';
	if (!strcmp(tag, "sup"))
		buf_putc(b, closing ? MK_SUP_CLOSE : MK_SUP_OPEN);
	else if (!strcmp(tag, "i") || !strcmp(tag, "em"))
		buf_putc(b, closing ? MK_EM_CLOSE : MK_EM_OPEN);
	else if (!strcmp(tag, "b") || !strcmp(tag, "strong"))
		buf_putc(b, closing ? MK_STRONG_CLOSE : MK_STRONG_OPEN);
	else if (!strcmp(tag, "br"))
		buf_puts(b, "\x13\n");
}

/* Flatten the inline children of a leaf block into b.  Iterative (cmark_iter),
 * so deeply nested emphasis cannot exhaust the stack. */
static void collect_inlines(struct ingest_ctx *ctx, cmark_node *leaf, struct buf *b)
{
	cmark_iter *iter = cmark_iter_new(leaf);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		if (node == leaf)
			continue;
		cmark_node_type type = cmark_node_get_type(node);
		int enter = ev == CMARK_EVENT_ENTER;
		switch (type) {
		case CMARK_NODE_TEXT: {
			const char *lit = cmark_node_get_literal(node);
			if (lit)
				put_layout_text(b, lit, strlen(lit));
			break;
		}
		case CMARK_NODE_CODE:
			put_text(b, cmark_node_get_literal(node));
			break;
		case CMARK_NODE_SOFTBREAK:
			buf_putc(b, '\n');
			break;
		case CMARK_NODE_LINEBREAK:
			buf_puts(b, "\x13\n");
			break;
		case CMARK_NODE_HTML_INLINE:
			put_inline_html(b, cmark_node_get_literal(node));
			break;
		case CMARK_NODE_EMPH:
			buf_putc(b, enter ? MK_EM_OPEN : MK_EM_CLOSE);
			break;
		case CMARK_NODE_STRONG:
			buf_putc(b, enter ? MK_STRONG_OPEN : MK_STRONG_CLOSE);
			break;
		case CMARK_NODE_LINK: {
			const char *url = cmark_node_get_url(node);
			/* A link to "#" or nowhere is a dead link left by the extractor
			 * ([CTOC/COP/WG.3/2022/2](#)): keep its text only; the symbols
			 * pass links it properly. */
			int dead = !url || !*url || !strcmp(url, "#");
			if (dead) {
				if (enter)
					diag_note(ctx->doc->diag, source_line(ctx, start_line(ctx, node)),
						  "ingest", "unwrapped a dead link");
				break;
			}
			if (enter) {
				buf_putc(b, MK_LINK_OPEN);
				buf_puts(b, url);
				buf_putc(b, MK_LINK_MID);
			} else {
				buf_putc(b, MK_LINK_CLOSE);
			}
			break;
		}
		case CMARK_NODE_IMAGE:
			if (enter)
				diag_warn(ctx->doc->diag, source_line(ctx, start_line(ctx, node)),
					  "ingest", "image dropped (only its description is kept)");
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			if (!enter)
				break;
			/* Our own Markdown edition writes [^1]: make it look like any
			 * other superscript marker for the footnotes pass. */
			{
				char *label = footnote_label(ctx, start_line(ctx, node),
							     cmark_node_get_start_column(node));
				buf_putc(b, MK_SUP_OPEN);
				put_text(b, label ? label : cmark_node_get_literal(node));
				buf_putc(b, MK_SUP_CLOSE);
			}
			break;
		default:
			/* strikethrough and other extension inlines: text only */
			break;
		}
	}
	cmark_iter_free(iter);
}

static struct block *add_block(struct ingest_ctx *ctx, enum block_kind kind, cmark_node *node)
{
	struct block *blk = document_add_block(ctx->doc, kind, source_line(ctx, start_line(ctx, node)));
	blk->end_line = source_line(ctx, end_line(ctx, node));
	blk->list_depth = ctx->list_depth;
	if (ctx->list_depth > 0 && ctx->list_depth <= 64)
		blk->list_ordered = ctx->ordered_at[ctx->list_depth - 1];
	return blk;
}

/* The marker of an ordered list item as printed ("12." or "3)"), read from
 * the item's own source line: cmark renumbers items, we must not. */
static char *ordered_marker(struct ingest_ctx *ctx, cmark_node *item, const char *cm_input,
			    const size_t *line_offsets)
{
	int line = start_line(ctx, item), col = cmark_node_get_start_column(item);
	if (line < 1 || line > ctx->cmark_lines || col < 1)
		return NULL;
	const char *p = cm_input + line_offsets[line - 1] + (col - 1);
	size_t n = 0;
	while (n < 9 && p[n] >= '0' && p[n] <= '9')
		n++;
	if (n == 0 || (p[n] != '.' && p[n] != ')'))
		return NULL;
	return arena_strndup(&ctx->doc->arena, p, n + 1);
}

/* Split a literal (code block, HTML block) into text blocks at blank lines;
 * indented text from `pdftotext -layout` arrives as code blocks. */
static void add_literal_blocks(struct ingest_ctx *ctx, cmark_node *node, const char *literal)
{
	int line = source_line(ctx, start_line(ctx, node));
	int fence_len = 0, fence_offset = 0;
	char fence_char = 0;
	if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK &&
	    cmark_node_get_fenced(node, &fence_len, &fence_offset, &fence_char))
		line++;
	struct buf para = BUF_INIT;
	int para_line = line;
	const char *p = literal ? literal : "";
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		const char *s = p;
		size_t m = n;
		while (m && (*s == ' ' || *s == '\t')) s++, m--;
		while (m && (s[m - 1] == ' ' || s[m - 1] == '\t')) m--;
		if (m == 0) {
			if (para.len) {
				struct block *blk = document_add_block(ctx->doc, BLOCK_TEXT, para_line);
				blk->end_line = line - 1;
				blk->text = arena_strndup(&ctx->doc->arena, para.data, para.len);
				buf_clear(&para);
			}
		} else {
			if (!para.len)
				para_line = line;
			else
				buf_putc(&para, '\n');
			if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK) {
				/* keep the text between tags, map <sup> and friends */
				for (size_t i = 0; i < m; i++) {
					if (s[i] == '<') {
						size_t j = i;
						while (j < m && s[j] != '>') j++;
						char tag[64];
						size_t tl = j - i + 1 < sizeof tag ? j - i + 1 : sizeof tag - 1;
						memcpy(tag, s + i, tl);
						tag[tl] = '\0';
						put_inline_html(&para, tag);
						i = j;
					} else {
						buf_putc(&para, s[i]);
					}
				}
			} else {
				put_layout_text(&para, s, m);
			}
		}
		line++;
		p += n + (eol ? 1 : 0);
		if (!eol)
			break;
	}
	if (para.len) {
		struct block *blk = document_add_block(ctx->doc, BLOCK_TEXT, para_line);
		blk->end_line = line - 1;
		blk->text = arena_strndup(&ctx->doc->arena, para.data, para.len);
	}
	buf_free(&para);
}

/* True when the whole of s is wrapped in one open/close pair: the marks
 * are then a property of the block (a bold heading), not of a phrase. */
static bool wrapped_in(const char *s, char open, char close)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
	while (*s == ' ') s++, n--;
	if (n < 2 || s[0] != open || s[n - 1] != close)
		return false;
	for (size_t i = 1; i + 1 < n; i++)
		if (s[i] == open || s[i] == close)
			return false;
	return true;
}

static char *strip_marks(struct arena *arena, const char *s, char open, char close)
{
	size_t n = strlen(s);
	char *out = arena_alloc(arena, n + 1), *o = out;
	for (; *s; s++)
		if (*s != open && *s != close)
			*o++ = *s;
	*o = '\0';
	return out;
}

static void finish_text_block(struct ingest_ctx *ctx, struct block *blk, cmark_node *leaf)
{
	buf_clear(&ctx->scratch);
	collect_inlines(ctx, leaf, &ctx->scratch);
	char *text = arena_strndup(&ctx->doc->arena, buf_cstr(&ctx->scratch), ctx->scratch.len);
	/* cmark-gfm 0.29 can cut a character of an unmatched footnote label
	 * ("[^\xef]" from "[^\uFFFD 249.\n3]"): what leaves it is made UTF-8
	 * again, or the XML would not be well-formed */
	size_t bad;
	text = utf8_repair(&ctx->doc->arena, text, ctx->scratch.len, &bad);
	if (bad)
		diag_warn(ctx->doc->diag, blk->line, "ingest", "%zu bytes that were not UTF-8 after Markdown "
			  "parsing replaced by U+FFFD", bad);
	/* A block wholly in bold (or italic) has that as a property: headings
	 * are bold at random in the seeds, and a formula is wholly italic. */
	for (int round = 0; round < 2; round++) {
		if (wrapped_in(text, MK_STRONG_OPEN, MK_STRONG_CLOSE)) {
			blk->bold = true;
			text = strip_marks(&ctx->doc->arena, text, MK_STRONG_OPEN, MK_STRONG_CLOSE);
		}
		if (wrapped_in(text, MK_EM_OPEN, MK_EM_CLOSE)) {
			blk->italic = true;
			text = strip_marks(&ctx->doc->arena, text, MK_EM_OPEN, MK_EM_CLOSE);
		}
	}
	blk->text = text;
}

/* cmark-gfm allocates from an arena of ours for the length of one parse:
 * its nodes and buffers are bump-allocated and released in one go, not
 * malloc'd and freed one by one (a long report's tree has hundreds of
 * thousands of nodes; freeing them cost a tenth of the conversion).  Not
 * cmark-gfm's own arena allocator: that one callocs a 4 MiB slab per
 * document, which glibc must then zero by hand when the slab comes from
 * memory the process already holds.  cmark_mem has no context pointer,
 * so the arena of the parse under way is this file's (one parse at a
 * time per process).  Each block records its size before it, for
 * realloc. */
static struct arena *cm_current;

/* A block of 64 KiB or more (a long line's buffers, the content of a long
 * paragraph) is malloc'd and grows in place with realloc, remembered in
 * cm_big to be freed with the arena: grown in the arena, each growth left
 * the old copy behind, and a paragraph of one 3 MB line took 110 MB. */
enum { CM_BIG = 64 * 1024 };
struct cm_head {
	size_t size;	/* bytes asked for */
	size_t big;	/* 1 + its index in cm_big, or 0: in the arena */
} __attribute__((aligned(_Alignof(max_align_t))));
#define CM_HEAD sizeof(struct cm_head)	/* what comes before each block */
static struct {
	void **blocks;
	size_t n, cap;
} cm_big;

static void *cm_alloc(size_t bytes)
{
	struct cm_head *head;
	if (bytes >= CM_BIG) {
		head = xmalloc(CM_HEAD + bytes);
		if (cm_big.n == cm_big.cap) {
			cm_big.cap = cm_big.cap ? 2 * cm_big.cap : 16;
			cm_big.blocks = xrealloc(cm_big.blocks, cm_big.cap * sizeof *cm_big.blocks);
		}
		cm_big.blocks[cm_big.n++] = head;
		head->big = cm_big.n;
	} else {
		head = arena_alloc(cm_current, bytes + CM_HEAD);
		head->big = 0;
	}
	head->size = bytes;
	return (char *)head + CM_HEAD;
}

static void *cm_calloc(size_t count, size_t size)
{
	size_t bytes = count * size;
	if (size && bytes / size != count)
		abort();
	return memset(cm_alloc(bytes), 0, bytes);
}

static void *cm_realloc(void *old, size_t size)
{
	if (!old)
		return cm_alloc(size);
	struct cm_head *head = (struct cm_head *)(void *)((char *)old - CM_HEAD);
	if (head->big) {
		size_t index = head->big - 1;
		head = xrealloc(head, CM_HEAD + size);
		head->size = size;
		cm_big.blocks[index] = head;
		return (char *)head + CM_HEAD;
	}
	void *p = cm_alloc(size);
	memcpy(p, old, head->size < size ? head->size : size);
	return p;
}

static void cm_free(void *p)
{
	(void)p;	/* released with the arena (a big block: by cm_free_big) */
}

/* Free the big blocks of the parse that ended. */
static void cm_free_big(void)
{
	for (size_t i = 0; i < cm_big.n; i++)
		free(cm_big.blocks[i]);
	free(cm_big.blocks);
	cm_big.blocks = NULL;
	cm_big.n = cm_big.cap = 0;
}

static cmark_mem cm_mem = {cm_calloc, cm_realloc, cm_free};

/* The bytes of a bullet character at s followed by a space or tab (the
 * bullets word processors print, and pdftotext's rendering of Symbol's
 * bullet in the private use area), or 0.  CommonMark knows only -, + and
 * * as bullets: a list of "•" items was read as one paragraph. */
static size_t bullet_len(const char *s, size_t n)
{
	static const char *const bullets[] = {
		"\u2022", "\u25e6", "\u25aa", "\u25cf", "\u2023", "\u2043", "\u25a0", "\uf0b7", "\uf0a7",
	};
	for (size_t b = 0; b < sizeof bullets / sizeof bullets[0]; b++) {
		size_t len = strlen(bullets[b]);
		if (n > len && !memcmp(s, bullets[b], len) && (s[len] == ' ' || s[len] == '\t'))
			return len;
	}
	return 0;
}

/* Lists and quotes nest at most this deep: cmark-gfm keeps a node per
 * level and line (a line of 200 "- > " took 200 KB), and no document
 * nests more than a few levels; the markers past it are dropped, the
 * text kept. */
enum { NESTING_MAX = 32 };

/* The length of the list or quote marker at s ("> ", "- ", "* ", "+ ",
 * "12. ", "3) ", after up to three spaces), or 0. */
static size_t container_marker(const char *s, size_t n)
{
	size_t i = 0;
	while (i < 3 && i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == '>')
		return i + 1 + (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t'));
	if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == '+') && (s[i + 1] == ' ' || s[i + 1] == '\t'))
		return i + 2;
	size_t d = i;
	while (d < n && d - i < 9 && s[d] >= '0' && s[d] <= '9')
		d++;
	if (d > i && d + 1 < n && (s[d] == '.' || s[d] == ')') && (s[d + 1] == ' ' || s[d + 1] == '\t'))
		return d + 2;
	return 0;
}

/* Does a line of the text open (after spaces) with a bullet, or nest
 * deeper than NESTING_MAX? */
static bool needs_rewrite(const char *s, size_t n)
{
	const char *end = s + n;
	for (const char *p = s; p < end;) {
		const char *q = p;
		size_t m, depth = 0;
		while (depth <= NESTING_MAX && (m = container_marker(q, (size_t)(end - q))))
			q += m, depth++;
		if (depth > NESTING_MAX)
			return true;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && bullet_len(p, (size_t)(end - p)))
			return true;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		p = nl + 1;
	}
	return false;
}

/* Copy the source into cm for cmark: form feeds become blank lines (their
 * source lines kept in ctx->breaks), a bullet character opening a line
 * becomes "-", list and quote markers past NESTING_MAX are dropped.
 * Fills ctx->breaks, ctx->line_map and returns the last cmark line. */
static int copy_for_cmark(struct ingest_ctx *ctx, struct buf *cm)
{
	struct document *doc = ctx->doc;
	size_t too_deep = 0;	/* lines whose markers past NESTING_MAX were dropped */
	int cm_line = 1, src_line = 1;
	bool line_start = true;
	buf_grow(cm, doc->source_len + 64);
	for (size_t i = 0; i < doc->source_len; i++) {
		if (i == 0 || doc->source[i - 1] == '\n' || doc->source[i - 1] == '\f') {
			/* a line's list and quote markers, NESTING_MAX at most */
			size_t m, depth = 0, at = i;
			while ((m = container_marker(doc->source + at, doc->source_len - at))) {
				if (depth++ < NESTING_MAX)
					buf_put(cm, doc->source + at, m);
				at += m;
			}
			too_deep += depth > NESTING_MAX;
			if (at == doc->source_len)
				break;
			i = at;
			line_start = depth == 0;
		}
		char c = doc->source[i];
		size_t bullet = line_start ? bullet_len(doc->source + i, doc->source_len - i) : 0;
		if (bullet) {
			/* "• text" → "-  text": the same bytes, so offsets
			 * within the line hold */
			buf_putc(cm, '-');
			for (size_t k = 1; k < bullet; k++)
				buf_putc(cm, ' ');
			i += bullet - 1;
			line_start = false;
			continue;
		}
		line_start = c == '\n' || c == '\f' || (line_start && (c == ' ' || c == '\t'));
		if (c == '\f') {
			ptr_vec_push(&doc->arena, &ctx->breaks, (void *)(intptr_t)src_line);
			/* end the current line and leave a blank one: a new block */
			buf_puts(cm, "\n\n");
			cm_line += 2;
			ctx->line_map[cm_line - 1] = src_line;
			ctx->line_map[cm_line] = src_line;
			continue;
		}
		buf_putc(cm, c);
		if (c == '\n') {
			src_line++;
			cm_line++;
			ctx->line_map[cm_line] = src_line;
		}
	}
	if (too_deep)
		diag_warn(doc->diag, 0, "ingest", "%zu lines nest lists or quotes deeper than %d levels: the "
			  "markers past that were dropped, the text kept", too_deep, NESTING_MAX);
	return cm_line;
}

/* Decide what cmark reads: the source itself, or (when there is a form
 * feed, a bullet character or nesting too deep) a copy made by
 * copy_for_cmark; set ctx's line map and line offsets for either.  The
 * tables are allocated in scratch, which lives as long as the parse. */
static void prepare_input(struct ingest_ctx *ctx, struct arena *scratch, struct buf *cm)
{
	struct document *doc = ctx->doc;
	const char *src = doc->source, *src_end = doc->source + doc->source_len;
	size_t max_lines = 2;
	for (const char *p = src; (p = memchr(p, '\n', (size_t)(src_end - p))); p++)
		max_lines++;
	bool has_ff = memchr(src, '\f', doc->source_len) != NULL;
	if (has_ff)
		for (const char *p = src; (p = memchr(p, '\f', (size_t)(src_end - p))); p++)
			max_lines += 2;
	bool copy = has_ff || needs_rewrite(src, doc->source_len);
	ctx->line_map = arena_alloc(&doc->arena, (max_lines + 1) * sizeof(int));
	ctx->line_map[1] = 1;
	int cm_line = copy ? copy_for_cmark(ctx, cm) : 1;
	ctx->cm_input = copy ? buf_cstr(cm) : src;
	ctx->cm_len = copy ? cm->len : doc->source_len;

	size_t *offsets = arena_alloc(scratch, (max_lines + 1) * sizeof(size_t));
	int l = 1;
	offsets[0] = 0;
	const char *end = ctx->cm_input + ctx->cm_len;
	for (const char *p = ctx->cm_input; (p = memchr(p, '\n', (size_t)(end - p))); p++) {
		offsets[l++] = (size_t)(p + 1 - ctx->cm_input);
		if (!copy)
			ctx->line_map[l] = l;
	}
	if (!copy)
		cm_line = l;
	while (l <= cm_line)
		offsets[l++] = ctx->cm_len;
	ctx->cmark_lines = cm_line;
	ctx->line_offsets = offsets;
}

/* Page breaks at source lines up to line (all of them when line is
 * INT_MAX) become BLOCK_PAGEBREAK blocks, in order. */
static void flush_pagebreaks(struct ingest_ctx *ctx, int line)
{
	while (ctx->next_break < ctx->breaks.len &&
	       (int)(intptr_t)ctx->breaks.items[ctx->next_break] <= line) {
		struct block *pb = document_add_block(ctx->doc, BLOCK_PAGEBREAK,
			(int)(intptr_t)ctx->breaks.items[ctx->next_break]);
		pb->end_line = pb->line;
		pb->text = "";
		ctx->next_break++;
	}
}

/* A list item: remember its number for its first paragraph; "12." alone
 * on its line is a paragraph number whose text follows in the next block
 * (joins.c). */
static void enter_item(struct ingest_ctx *ctx, cmark_node *node)
{
	cmark_node *list = cmark_node_parent(node);
	ctx->pending_marker = NULL;
	if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST)
		ctx->pending_marker = ordered_marker(ctx, node, ctx->cm_input, ctx->line_offsets);
	if (!cmark_node_first_child(node) && ctx->pending_marker) {
		struct block *blk = add_block(ctx, BLOCK_TEXT, node);
		blk->num = ctx->pending_marker;
		blk->text = "";
		ctx->pending_marker = NULL;
	}
}

/* A paragraph (table cells and footnote definitions hold paragraphs too). */
static void add_paragraph(struct ingest_ctx *ctx, cmark_node *node)
{
	struct block *blk = add_block(ctx, BLOCK_TEXT, node);
	finish_text_block(ctx, blk, node);
	cmark_node *parent = cmark_node_parent(node);
	blk->item_start = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
			  cmark_node_first_child(parent) == node;
	if (ctx->pending_marker) {
		blk->num = ctx->pending_marker;
		ctx->pending_marker = NULL;
	}
}

/* [^label]: text — rewritten as "<sup>label</sup> text" so footnotes.c
 * sees one style of definition. */
static void add_footnote_definition(struct ingest_ctx *ctx, cmark_node *node)
{
	cmark_node *first = cmark_node_first_child(node);
	if (!first || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH)
		return;
	struct block *blk = add_block(ctx, BLOCK_TEXT, first);
	finish_text_block(ctx, blk, first);
	char *label = footnote_label(ctx, start_line(ctx, node),
				     cmark_node_get_start_column(node));
	blk->text = arena_printf(&ctx->doc->arena, "%c%s%c %s", MK_SUP_OPEN,
				 label ? label : "", MK_SUP_CLOSE, blk->text);
}

/* The cells of a table row into scratch, tab-separated; with one_line,
 * a cell's own line breaks and tabs become spaces. */
static void put_row_cells(struct ingest_ctx *ctx, cmark_node *row, bool one_line)
{
	for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
		if (cell != cmark_node_first_child(row))
			buf_putc(&ctx->scratch, '\t');
		size_t at = ctx->scratch.len;
		collect_inlines(ctx, cell, &ctx->scratch);
		if (one_line)
			for (size_t k = at; k < ctx->scratch.len; k++)
				if (ctx->scratch.data[k] == '\n' || ctx->scratch.data[k] == '\t')
					ctx->scratch.data[k] = ' ';
	}
}

/* A GFM table (the Markdown edition writes one for each AKN table): rows
 * by '\n', cells by '\t', as the page model's tables; a GFM table's first
 * row is its head. */
static void add_gfm_table(struct ingest_ctx *ctx, cmark_node *node)
{
	struct block *blk = add_block(ctx, BLOCK_TEXT, node);
	buf_clear(&ctx->scratch);
	for (cmark_node *row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
		if (row != cmark_node_first_child(node))
			buf_putc(&ctx->scratch, '\n');
		put_row_cells(ctx, row, true);
	}
	blk->text = arena_strndup(&ctx->doc->arena, buf_cstr(&ctx->scratch), ctx->scratch.len);
	blk->role = ROLE_TABLE;
	blk->table_head = true;
}

/* A table row met outside a table: its cells become one line,
 * tab-separated. */
static void add_table_row(struct ingest_ctx *ctx, cmark_node *node)
{
	struct block *blk = add_block(ctx, BLOCK_TEXT, node);
	buf_clear(&ctx->scratch);
	put_row_cells(ctx, node, false);
	blk->text = arena_strndup(&ctx->doc->arena, buf_cstr(&ctx->scratch), ctx->scratch.len);
}

/* Does entering this node start a block at a source line (where the page
 * breaks before it are due)? */
static bool starts_block(cmark_node_type type)
{
	return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
	       type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK ||
	       type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_ITEM;
}

/* Handle one event of the walk over cmark's tree; returns true when the
 * node's subtree has been read whole (the walk skips to its exit). */
static bool visit(struct ingest_ctx *ctx, cmark_node *node, bool enter)
{
	cmark_node_type type = cmark_node_get_type(node);
	if (enter && starts_block(type) && ctx->next_break < ctx->breaks.len)
		flush_pagebreaks(ctx, source_line(ctx, start_line(ctx, node)));
	switch (type) {
	case CMARK_NODE_LIST:
		if (!enter) {
			ctx->list_depth--;
			return false;
		}
		if (ctx->list_depth < 64)
			ctx->ordered_at[ctx->list_depth] = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
		ctx->list_depth++;
		return false;
	case CMARK_NODE_ITEM:
		if (enter)
			enter_item(ctx, node);
		return false;
	case CMARK_NODE_PARAGRAPH:
		if (enter)
			add_paragraph(ctx, node);
		return enter;
	case CMARK_NODE_HEADING:
		if (enter) {
			struct block *blk = add_block(ctx, BLOCK_HEADING, node);
			blk->md_level = cmark_node_get_heading_level(node);
			finish_text_block(ctx, blk, node);
		}
		return enter;
	case CMARK_NODE_THEMATIC_BREAK:
		add_block(ctx, BLOCK_RULE, node)->text = "";
		return false;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		add_literal_blocks(ctx, node, cmark_node_get_literal(node));
		return false;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		if (enter)
			add_footnote_definition(ctx, node);
		return enter;
	default:
		if (!enter)
			return false;
		if (!strcmp(cmark_node_get_type_string(node), "table")) {
			add_gfm_table(ctx, node);
			return true;
		}
		if (!strcmp(cmark_node_get_type_string(node), "table_row")) {
			add_table_row(ctx, node);
			return true;
		}
		return false;
	}
}

/* A parser over len bytes of cmark's input from at (whole lines) with the
 * GFM extensions we read, allocating from the current cmark arena. */
static cmark_node *parse(size_t at, size_t len, struct ingest_ctx *ctx, cmark_parser **parser)
{
	cmark_gfm_core_extensions_ensure_registered();
	*parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, &cm_mem);
	static const char *const ext_names[] = {"table", "strikethrough", "autolink"};
	for (size_t i = 0; i < sizeof ext_names / sizeof ext_names[0]; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(ext_names[i]);
		if (ext)
			cmark_parser_attach_syntax_extension(*parser, ext);
	}
	cmark_parser_feed(*parser, ctx->cm_input + at, len);
	return cmark_parser_finish(*parser);
}

/* Where a window's parse stops, when a later window is to go on from a
 * line of it: the open end of its tree (the last top-level block, or the
 * last item of a top-level list whose markers stand at the margin), when
 * something came before it; or NULL.  Everything before it was closed by
 * the lines that follow, as in a parse of the whole input, and a fresh
 * parse from its first line opens it again the same way: a new block at
 * the margin (a list, an item) is read alike with or without what
 * preceded it. */
static cmark_node *open_end(cmark_node *root)
{
	cmark_node *last = cmark_node_last_child(root);
	if (!last)
		return NULL;
	if (cmark_node_get_type(last) == CMARK_NODE_LIST && cmark_node_get_start_column(last) == 1) {
		cmark_node *item = cmark_node_last_child(last);
		if (item && cmark_node_previous(item) && cmark_node_get_start_column(item) == 1)
			return item;
	}
	return cmark_node_previous(last) ? last : NULL;
}

/* Is the line before cmark line `line` (1-based, of the whole input)
 * blank? */
static bool blank_before(const struct ingest_ctx *ctx, int line)
{
	if (line < 2)
		return false;
	const char *p = ctx->cm_input + ctx->line_offsets[line - 2], *end = ctx->cm_input + ctx->line_offsets[line - 1];
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			return false;
	return true;
}

/* Walk one window's tree into blocks. */
static void read_tree(struct ingest_ctx *ctx, cmark_node *root)
{
	cmark_iter *iter = cmark_iter_new(root);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(iter);
		if (visit(ctx, node, ev == CMARK_EVENT_ENTER))
			cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(iter);
}

/* cmark's tree costs some thirty times its text where blocks are short
 * and marked up (a numbered paragraph and a note every 60 bytes), and is
 * whole in memory when the parse finishes.  A long input is parsed in
 * windows of about this many bytes, each read into blocks and freed
 * before the next: a window ends before its open end (open_end), where
 * the next begins; one without such a place grows until it has one or
 * holds the rest.  Not when the input may hold a link reference or
 * footnote definition ("]:"): those serve the whole document.  A window
 * of 256 KB held some 7 MB of tree at once: a megabyte of short numbered
 * paragraphs cost 23 times its size to convert (64 KB: 16 times, and no
 * more time). */
enum { WINDOW = 64 * 1024 };

/* The window's size: UNPRESS_CMARK_WINDOW bytes when set (the tests hold
 * the smallest windows to the whole parse; 0: the whole input at once). */
static size_t first_window(void)
{
	const char *env = getenv("UNPRESS_CMARK_WINDOW");
	if (!env || !*env)
		return WINDOW;
	char *end;
	unsigned long long n = strtoull(env, &end, 10);
	return *end || n == 0 ? SIZE_MAX : n;
}

int ingest(struct document *doc)
{
	struct ingest_ctx ctx = {.doc = doc};
	struct buf cm = BUF_INIT;
	struct arena tables;	/* our line tables, for the whole parse */
	arena_init(&tables);
	prepare_input(&ctx, &tables, &cm);
	bool windows = !memmem(ctx.cm_input, ctx.cm_len, "]:", 2);
	size_t at = 0, window = first_window();
	while (at < ctx.cm_len || at == 0) {
		size_t end = ctx.cm_len;
		if (windows && end - at > window && window < SIZE_MAX / 2) {
			const char *eol = memchr(ctx.cm_input + at + window, '\n', ctx.cm_len - at - window);
			end = eol ? (size_t)(eol + 1 - ctx.cm_input) : ctx.cm_len;
		}
		struct arena cm_arena;	/* cmark's tree of this window */
		arena_init(&cm_arena);
		cm_current = &cm_arena;
		cmark_parser *parser;
		cmark_node *root = parse(at, end - at, &ctx, &parser);
		cmark_node *stop = end < ctx.cm_len ? open_end(root) : NULL;
		int stop_line = stop ? cmark_node_get_start_line(stop) : 0;
		/* only at a list's item (its marker at the margin opens it
		 * whatever came before) or where a blank line ends what came
		 * before: a line that goes on a block (a paragraph's lazy
		 * continuation, a table's header, a setext heading's text) must
		 * be read with it */
		if (stop_line > 1 && cmark_node_get_type(stop) != CMARK_NODE_ITEM &&
		    !blank_before(&ctx, ctx.line_base + stop_line))
			stop = NULL, stop_line = 0;
		/* and only after the block before it has ended where its lines
		 * say: a GFM table made from a paragraph's last line starts on
		 * the paragraph's first line, and cmark-gfm leaves the rest of
		 * that paragraph, now before the table, with no position (0), so
		 * its lines would be read twice */
		if (stop && stop_line > 1) {
			int before = cmark_node_get_end_line(cmark_node_previous(stop));
			if (before < 1 || before >= stop_line)
				stop = NULL, stop_line = 0;
		}
		if (end == ctx.cm_len || stop_line > 1) {
			if (stop)
				cmark_node_unlink(stop);	/* (freed with cm_arena) */
			read_tree(&ctx, root);
		}
		cmark_parser_free(parser);	/* (cm_arena holds the tree) */
		arena_free(&cm_arena);
		cm_free_big();
		cm_current = NULL;
		if (end == ctx.cm_len)
			break;
		if (stop_line > 1) {
			ctx.line_base += stop_line - 1;
			at = ctx.line_offsets[ctx.line_base];
			window = first_window();
		} else
			window *= 2;	/* no place to stop: a longer window */
	}
	flush_pagebreaks(&ctx, INT_MAX);
	arena_free(&tables);
	buf_free(&cm);
	buf_free(&ctx.scratch);
	return 0;
}
