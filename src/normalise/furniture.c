/* furniture.c — what the printed page added and the text must lose.
 *
 * UN documents print a footer with the job number and page on every page
 * ("V.23-01234 3/20", "15-01234 (E)", "2/16 15-01234" on even pages), a
 * running header with the symbol ("A/RES/70/174"), a barcode line
 * ("*1522378*") and "Please recycle" on the first page.  Extractors leave
 * them as lines between (or inside) paragraphs; `---` and form feeds mark
 * where pages ended.  This pass removes them, keeping a page-break mark so
 * joins.c can rejoin the paragraph the page cut.  It also drops the
 * extracted table of contents, which cannot be repaired (its columns are
 * interleaved); the editions generate their own. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "doc/printmarks.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static const char *skip_spaces(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int is_cover_symbol(struct document *doc, const char *symbol);

/* A line of columns (pdftotext -layout; tab = column gap, see read/ingest.c):
 * furniture when every column is, or when one column is a page number, a
 * job number or the running header's symbol and the rest is a short title
 * ("A/RES/70/174<tab>Thirteenth United Nations Congress"). */
static const char *furniture_columns(struct document *doc, const char *line, int lineno)
{
	const char *kind = NULL;
	size_t other = 0;
	char *copy = arena_strdup(&doc->arena, line), *save = NULL;
	for (char *cell = strtok_r(copy, "\t", &save); cell; cell = strtok_r(NULL, "\t", &save)) {
		const char *c = skip_spaces(cell);
		const char *k = pm_line_kind(c);
		size_t len;
		if (!k && un_symbol_match(c, 0, &len) && !*skip_spaces(c + len)) {
			int cover = is_cover_symbol(doc, arena_strndup(&doc->arena, c, len));
			if (cover && cover != lineno)
				k = "running header";
		}
		if (k)
			kind = k;
		else
			other += strlen(c);
	}
	return kind && other < 80 ? kind : NULL;
}

/* The plain, trimmed text of a line of n bytes: a short one in the
 * caller's room (every short line of a document is looked at, and a copy
 * of each left in the arena cost some twice the text of a document of
 * short lines), a longer one in the arena. */
enum { SHORT_LINE = 48 };
static const char *line_plain(struct document *doc, const char *line, size_t n,
			      char room[2][SHORT_LINE + 1])
{
	if (n > SHORT_LINE)
		return text_trim(&doc->arena, text_plain(&doc->arena, arena_strndup(&doc->arena, line, n)));
	memcpy(room[0], line, n);
	room[0][n] = '\0';
	return text_plain_scratch(room[1], SHORT_LINE + 1, room[0]);
}

/* Remove furniture lines from a block.  Returns true when nothing is left. */
static bool strip_furniture_lines(struct document *doc, struct block *blk)
{
	const char *text = blk->text;
	struct buf kept = BUF_INIT;
	int removed = 0, kept_lines = 0;
	int line = blk->line;
	char room[2][SHORT_LINE + 1];
	for (const char *p = text; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		/* a footer, header or barcode is a short line: do not even look
		 * at the lines of a paragraph */
		const char *kind = NULL;
		if (n <= SHORT_LINE || memchr(p, '\t', n)) {
			const char *plain = line_plain(doc, p, n, room);
			kind = strchr(plain, '\t') ? furniture_columns(doc, plain, line) : pm_line_kind(plain);
		}
		if (kind) {
			diag_note(doc->diag, line, "furniture", "removed %s", kind);
			removed++;
			/* the job number of the edition is kept as metadata */
			size_t jn;
			const char *plain = line_plain(doc, p, n, room);
			const char *job = doc->meta.job_number ? NULL : pm_job_number_in(plain, &jn);
			if (job)
				doc->meta.job_number = arena_strndup(&doc->arena, job, jn);
		} else {
			if (kept.len)
				buf_putc(&kept, '\n');
			buf_put(&kept, p, n);
			kept_lines++;
		}
		line++;
		p += n + (eol ? 1 : 0);
	}
	if (removed && kept_lines)
		blk->text = arena_strndup(&doc->arena, buf_cstr(&kept), kept.len);
	buf_free(&kept);
	return removed > 0 && kept_lines == 0;
}

/* An entry of an extracted contents list: tab-separated columns, dot
 * leaders, or a trailing page number after a title. */
static bool looks_like_toc_entry(struct document *doc, const struct block *blk)
{
	if (blk->kind == BLOCK_RULE || blk->kind == BLOCK_PAGEBREAK)
		return true;
	const char *plain = text_plain_trimmed(&doc->arena, blk->text, (size_t)-1);
	if (!*plain)
		return true;
	if (strchr(plain, '\t') || strstr(plain, "....") || strstr(plain, ". . ."))
		return true;
	/* the column headings of a contents list */
	if (!strcmp(plain, "Page") || !strcmp(plain, "Pages") || !strcmp(plain, "Paragraphs") ||
	    !strcmp(plain, "Paragraphs Page"))
		return true;
	size_t n = strlen(plain);
	/* "Introduction 3": a title ending with a page number, no sentence */
	if (n && isdigit((unsigned char)plain[n - 1]) && !strchr(plain, '.') && n < 120)
		return true;
	return false;
}

static bool is_contents_heading(struct document *doc, const struct block *blk)
{
	const char *plain = text_plain_trimmed(&doc->arena, blk->text, (size_t)-1);
	return !strcmp(plain, "Contents") || !strcmp(plain, "CONTENTS") || !strcmp(plain, "Table of contents");
}

static void drop_contents(struct document *doc)
{
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role == ROLE_DROPPED || !blk->text || strlen(blk->text) > 40 || !is_contents_heading(doc, blk))
			continue;
		blk->role = ROLE_DROPPED;
		int dropped = 0, first = blk->line, last = blk->line;
		for (size_t j = i + 1; j < doc->blocks.len; j++) {
			struct block *e = DOC_BLOCK(doc, j);
			if (e->role == ROLE_DROPPED)
				continue;
			/* a footnote definition that the page held stays */
			if (e->text && e->text[0] == MK_SUP_OPEN)
				continue;
			if (e->kind == BLOCK_HEADING && !strchr(e->text, '\t'))
				break;
			if (!looks_like_toc_entry(doc, e))
				break;
			e->role = ROLE_DROPPED;
			dropped++;
			last = e->end_line;
		}
		diag_note(doc->diag, first, "furniture",
			  "dropped the extracted contents list (%d blocks, to line %d); the editions generate their own",
			  dropped, last);
		return;
	}
}

/* The symbols the first page prints ("A/RES/70/174", "United Nations
 * A/RES/70/174"): the running header repeats one of them. */
static int is_cover_symbol(struct document *doc, const char *symbol)
{
	/* the cover is the first few blocks; columns count separately */
	int seen = 0;
	for (size_t i = 0; i < doc->blocks.len && seen < 6; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (!blk->text || blk->role == ROLE_DROPPED || blk->kind == BLOCK_RULE || blk->kind == BLOCK_PAGEBREAK)
			continue;
		seen++;
		const char *plain = text_plain_trimmed(&doc->arena, blk->text, (size_t)-1);
		if (starts_with(plain, "United Nations "))
			plain += 15;
		else if (starts_with(plain, "United Nations\t"))
			plain = text_trim(&doc->arena, plain + 15);
		size_t len;
		if (un_symbol_match(plain, 0, &len) && len == strlen(symbol) && !strncmp(plain, symbol, len))
			return blk->line;
	}
	return 0;
}

/* A symbol printed alone on a line more than once, or repeating the
 * cover's symbol, is the running header.  Blocks are grouped by their text
 * through a sort (a long report prints its header on hundreds of pages:
 * comparing every pair was quadratic). */
struct symbol_line {
	struct block *blk;
	const char *plain;
	size_t order, count;
	bool first;
};

static int by_text_then_order(const void *pa, const void *pb)
{
	const struct symbol_line *a = pa, *b = pb;
	int c = strcmp(a->plain, b->plain);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int by_order(const void *pa, const void *pb)
{
	const struct symbol_line *a = pa, *b = pb;
	return (a->order > b->order) - (a->order < b->order);
}

static void drop_running_headers(struct document *doc)
{
	struct symbol_line *lines = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role == ROLE_DROPPED || blk->kind != BLOCK_TEXT || strlen(blk->text) > 64 ||
		    strchr(blk->text, '\n'))
			continue;
		const char *plain = text_plain_trimmed(&doc->arena, blk->text, (size_t)-1);
		size_t len;
		if (!un_symbol_match(plain, 0, &len) || plain[len])
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			lines = xrealloc(lines, cap * sizeof *lines);
		}
		lines[n] = (struct symbol_line){blk, plain, n, 0, false};
		n++;
	}
	if (n == 0)
		return;	/* (qsort must not be given a null array) */
	qsort(lines, n, sizeof *lines, by_text_then_order);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && !strcmp(lines[j].plain, lines[i].plain); j++)
			;
		for (size_t k = i; k < j; k++)
			lines[k].count = j - i;
		lines[i].first = true;
	}
	if (n)
		qsort(lines, n, sizeof *lines, by_order);
	for (size_t i = 0; i < n; i++) {
		struct block *a = lines[i].blk;
		const char *pa = lines[i].plain;
		bool drop = false;
		if (lines[i].count == 1) {
			int cover = is_cover_symbol(doc, pa);
			drop = cover && cover != a->line;
		} else {
			/* the first one, on the cover, is the document's symbol */
			drop = !lines[i].first;
		}
		if (drop) {
			a->role = ROLE_DROPPED;
			a->page_break = true;
			diag_note(doc->diag, a->line, "furniture", "removed running header %s", pa);
		}
	}
	free(lines);
}

void pass_furniture(struct document *doc)
{
	drop_contents(doc);
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role == ROLE_DROPPED)
			continue;
		if (blk->kind == BLOCK_RULE || blk->kind == BLOCK_PAGEBREAK) {
			blk->role = ROLE_DROPPED;
			blk->page_break = true;
			diag_note(doc->diag, blk->line, "furniture", "removed a page %s",
				  blk->kind == BLOCK_RULE ? "separator (---)" : "break (form feed)");
			continue;
		}
		/* the barcode under the job number, which Markdown read as
		 * emphasis: *1522378* */
		if (blk->italic && blk->text && strspn(blk->text, "0123456789") == strlen(blk->text) &&
		    strlen(blk->text) >= 6 && strlen(blk->text) <= 9) {
			blk->role = ROLE_DROPPED;
			blk->page_break = true;
			diag_note(doc->diag, blk->line, "furniture", "removed barcode");
			continue;
		}
		if (blk->text && blk->role != ROLE_TABLE && strip_furniture_lines(doc, blk)) {
			blk->role = ROLE_DROPPED;
			blk->page_break = true;
		}
	}
	drop_running_headers(doc);
}
