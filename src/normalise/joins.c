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

void pass_joins(struct document *doc)
{
	struct arena *A = &doc->arena;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		/* a table keeps its rows and cells apart */
		if (b->text && b->role != ROLE_DROPPED && b->role != ROLE_TABLE)
			b->text = unwrap(A, b->text);
	}
	/* the page model (src/read/) already joined printed lines into
	 * paragraphs, with better evidence than the blocks' ends give */
	if (doc->layout != LAYOUT_PARAGRAPHS)
		return;
	/* the pieces of one rejoined paragraph, joined once at its end:
	 * joining as each came copied the text so far every time (16,000
	 * pieces of a 741 KB file took 5.65 GB of the arena) */
	const char **pieces = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (!is_content(b))
			continue;
		const char *first = b->text;	/* what the pieces follow */
		size_t npieces = 0, len = strlen(first);
		char end = text_last_char(first);
		/* where the next look starts: past the last block joined (the
		 * blocks joined are dropped, so they count as lying between, as
		 * when each look started at i + 1 and passed them all again) */
		size_t from = i + 1;
		bool any_joined = false;
		for (;;) {
			/* the next block of the body, noting what lies between */
			bool boundary = any_joined;
			size_t j = from;
			for (; j < doc->blocks.len; j++) {
				struct block *n = DOC_BLOCK(doc, j);
				if (n->role == ROLE_DROPPED || n->role == ROLE_FOOTNOTE_DEF) {
					boundary = true;
					continue;
				}
				break;
			}
			if (j >= doc->blocks.len)
				break;
			struct block *n = DOC_BLOCK(doc, j);
			if (!is_content(n) || n->num)
				break;
			/* only the ends that meet matter: no full copies of either text */
			const char *nt = text_plain_prefix(A, n->text, 32);
			bool lone_number = b->num && end == '\0';
			bool starts_lower = islower((unsigned char)nt[0]);
			bool cut_mid_sentence = isalpha((unsigned char)end) && (boundary || n->line - b->end_line > 2) &&
						len > 60;
			/* a list item ("- item", "• item") after a short text is
			 * an entry of a list, never the rest of that text; after a
			 * long one it may be, where an extractor put "- " before
			 * every line (the seeds' "- 41. … with such" / "- a
			 * proposal …", cut by a page) */
			bool list_entry = n->item_start && !lone_number && len <= 60;
			bool continues = !list_entry && !opens_numbered(nt) &&
					 (lone_number || (starts_lower && end != '.' && end != ':' && end != ';') ||
					  cut_mid_sentence);
			if (!continues)
				break;
			size_t n_len = strlen(n->text);
			if (lone_number) {
				first = n->text;
				len = n_len;
			} else {
				if (npieces == cap) {
					cap = cap ? 2 * cap : 16;
					pieces = xrealloc(pieces, cap * sizeof *pieces);
				}
				pieces[npieces++] = n->text;
				len += 1 + n_len;
			}
			/* the last character of the text joined so far */
			char last = text_last_char(n->text);
			end = last || lone_number ? last : end;
			if (lone_number)
				diag_note(doc->diag, n->line, "joins", "paragraph number %s joined to its text", b->num);
			else
				diag_note(doc->diag, n->line, "joins", "rejoined a paragraph cut at line %d", b->end_line);
			b->end_line = n->end_line;
			n->role = ROLE_DROPPED;
			from = j + 1;
			any_joined = true;
		}
		if (!npieces) {
			b->text = (char *)first;
			continue;
		}
		char *joined = arena_alloc(A, len + 1), *o = joined;
		size_t first_len = strlen(first);
		memcpy(o, first, first_len);
		o += first_len;
		for (size_t k = 0; k < npieces; k++) {
			size_t n_len = strlen(pieces[k]);
			*o++ = ' ';
			memcpy(o, pieces[k], n_len);
			o += n_len;
		}
		*o = '\0';
		b->text = joined;
	}
	free(pieces);
}
