/* joins.c — one paragraph per block again.
 *
 * A page break cuts a paragraph in two, and the footnotes of the page sit
 * between the halves; hard-wrapped lines put breaks inside a paragraph; a
 * paragraph number can stand alone on its line.  This pass removes line
 * breaks (undoing end-of-line hyphenation), gives a lone number its text,
 * and glues the second half of a cut paragraph back when the text says it
 * continues: it resumes in lower case, or the first half stopped mid-
 * sentence with no punctuation at all across a page boundary.  A preambular
 * clause ends with a comma and the next one starts with a capital: that is
 * never glued. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* Lines → one line; "recom-\nmendations" → "recommendations". */
static char *unwrap(struct arena *A, const char *s)
{
	if (!strchr(s, '\n') && !strchr(s, MK_BREAK) && !strstr(s, "  ") && !strchr(s, '\t'))
		return (char *)s;
	struct buf b = BUF_INIT;
	for (const char *p = s; *p; p++) {
		if (*p == MK_BREAK)
			continue;
		if (*p == '\n') {
			while (b.len && b.data[b.len - 1] == ' ')
				b.len--;
			bool hyphen = b.len >= 2 && b.data[b.len - 1] == '-' && islower((unsigned char)b.data[b.len - 2]) &&
				      islower((unsigned char)p[1]);
			/* a hyphen after a letter at a line end: "recom-|mendations" is
			 * one word broken by the typesetter; "Co-|Chairs" (a capital
			 * follows) keeps its hyphen; neither gets a space */
			bool real_hyphen = !hyphen && b.len >= 2 && b.data[b.len - 1] == '-' &&
					   isalpha((unsigned char)b.data[b.len - 2]) && isupper((unsigned char)p[1]);
			if (hyphen)
				b.len--;
			else if (b.len && !real_hyphen)
				buf_putc(&b, ' ');
			while (p[1] == ' ')
				p++;
			continue;
		}
		/* a column gap (read/ingest.c) inside a paragraph is a space */
		char c = *p == '\t' ? ' ' : *p;
		if (c == ' ' && b.len && b.data[b.len - 1] == ' ')
			continue;
		buf_putc(&b, c);
	}
	char *out = text_trim(A, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* Does this text open like a new unit: a number, a letter item, a roman
 * heading? */
static bool opens_numbered(const char *t)
{
	if (isdigit((unsigned char)t[0])) {
		size_t i = 0;
		while (isdigit((unsigned char)t[i])) i++;
		return t[i] == '.' && (t[i + 1] == ' ' || !t[i + 1]);
	}
	if (t[0] == '(' && isalnum((unsigned char)t[1]))
		return true;
	return false;
}

static bool is_content(const struct block *b)
{
	return b->role == ROLE_BODY && b->text && b->kind == BLOCK_TEXT;
}

/* A paragraph being rejoined: the text its pieces follow, and the pieces,
 * joined once at its end (joining as each came copied the text so far
 * every time: 16,000 pieces of a 741 KB file took 5.65 GB of the arena). */
struct rejoin {
	const char *first;
	const char **pieces;
	size_t npieces, cap;
	size_t len;		/* of the text joined so far */
	char end;		/* its last character */
};

/* The index of the next block of the body from `from`, or blocks.len;
 * sets *boundary when dropped blocks or footnotes lie between. */
static size_t next_body_block(const struct document *doc, size_t from, bool *boundary)
{
	size_t j = from;
	for (; j < doc->blocks.len; j++) {
		const struct block *n = DOC_BLOCK(doc, j);
		if (n->role != ROLE_DROPPED && n->role != ROLE_FOOTNOTE_DEF)
			break;
		*boundary = true;
	}
	return j;
}

/* Does block n go on with block b, whose text so far is r? */
static bool goes_on(struct arena *A, const struct block *b, const struct block *n, const struct rejoin *r,
		    bool boundary)
{
	if (!is_content(n) || n->num)
		return false;
	/* only the ends that meet matter: no full copies of either text */
	const char *nt = text_plain_prefix(A, n->text, 32);
	bool lone_number = b->num && r->end == '\0';
	bool starts_lower = islower((unsigned char)nt[0]);
	bool cut_mid_sentence = isalpha((unsigned char)r->end) && (boundary || n->line - b->end_line > 2) &&
				r->len > 60;
	/* a list item ("- item", "• item") after a short text is an entry of
	 * a list, never the rest of that text; after a long one it may be,
	 * where an extractor put "- " before every line (the seeds' "- 41. …
	 * with such" / "- a proposal …", cut by a page) */
	bool list_entry = n->item_start && !lone_number && r->len <= 60;
	return !list_entry && !opens_numbered(nt) &&
	       (lone_number || (starts_lower && r->end != '.' && r->end != ':' && r->end != ';') || cut_mid_sentence);
}

/* Take block n into b's paragraph: a lone number's text replaces the
 * empty first, anything else is a piece; n is dropped. */
static void take_piece(struct document *doc, struct block *b, struct block *n, struct rejoin *r)
{
	bool lone_number = b->num && r->end == '\0';
	size_t n_len = strlen(n->text);
	if (lone_number) {
		r->first = n->text;
		r->len = n_len;
	} else {
		if (r->npieces == r->cap) {
			r->cap = r->cap ? 2 * r->cap : 16;
			r->pieces = xrealloc(r->pieces, r->cap * sizeof *r->pieces);
		}
		r->pieces[r->npieces++] = n->text;
		r->len += 1 + n_len;
	}
	char last = text_last_char(n->text);
	r->end = last || lone_number ? last : r->end;
	if (lone_number)
		diag_note(doc->diag, n->line, "joins", "paragraph number %s joined to its text", b->num);
	else
		diag_note(doc->diag, n->line, "joins", "rejoined a paragraph cut at line %d", b->end_line);
	b->end_line = n->end_line;
	n->role = ROLE_DROPPED;
}

/* The first text and the pieces, joined by spaces, in the arena. */
static char *join_pieces(struct arena *A, const struct rejoin *r)
{
	char *joined = arena_alloc(A, r->len + 1), *o = joined;
	size_t first_len = strlen(r->first);
	memcpy(o, r->first, first_len);
	o += first_len;
	for (size_t k = 0; k < r->npieces; k++) {
		size_t n_len = strlen(r->pieces[k]);
		*o++ = ' ';
		memcpy(o, r->pieces[k], n_len);
		o += n_len;
	}
	*o = '\0';
	return joined;
}

/* Rejoin block i with the blocks after it that go on with it. */
static void rejoin_block(struct document *doc, size_t i, struct rejoin *r)
{
	struct block *b = DOC_BLOCK(doc, i);
	r->first = b->text;
	r->npieces = 0;
	r->len = strlen(r->first);
	r->end = text_last_char(r->first);
	/* where the next look starts: past the last block joined (the blocks
	 * joined are dropped, so they count as lying between, as when each
	 * look started at i + 1 and passed them all again) */
	size_t from = i + 1;
	bool any_joined = false;
	for (;;) {
		bool boundary = any_joined;
		size_t j = next_body_block(doc, from, &boundary);
		if (j >= doc->blocks.len || !goes_on(&doc->arena, b, DOC_BLOCK(doc, j), r, boundary))
			break;
		take_piece(doc, b, DOC_BLOCK(doc, j), r);
		from = j + 1;
		any_joined = true;
	}
	b->text = r->npieces ? join_pieces(&doc->arena, r) : (char *)r->first;
}

void pass_joins(struct document *doc)
{
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		/* a table keeps its rows and cells apart */
		if (b->text && b->role != ROLE_DROPPED && b->role != ROLE_TABLE)
			b->text = unwrap(&doc->arena, b->text);
	}
	/* the page model (src/read/) already joined printed lines into
	 * paragraphs, with better evidence than the blocks' ends give */
	if (doc->layout != LAYOUT_PARAGRAPHS)
		return;
	struct rejoin r = {0};
	for (size_t i = 0; i < doc->blocks.len; i++)
		if (is_content(DOC_BLOCK(doc, i)))
			rejoin_block(doc, i, &r);
	free(r.pieces);
}
