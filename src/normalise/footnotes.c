/* footnotes.c — footnotes moved from the page bottom to their reference.
 *
 * Definitions come in the styles extractors leave (DESIGN §2):
 * "<sup>1</sup> text", "<sup>*</sup> text", "* text", "$<sup>^{12}</sup>$ text",
 * the HTML-mangled "<sup>&</sup>lt;sup>2</sup> text", our own "[^1]: text",
 * and, from pdftotext, "12 text" when 12 is the next number due.  They sit
 * where a page ended, often inside a paragraph that goes on after them.
 *
 * References are superscripts, or bare numbers where the superscript was
 * lost ("Crime, 9 as a global instrument").  UN footnotes are numbered in
 * document order, so the reference of note n lies after the reference of
 * n-1 and before the definition of n: a bare number is searched only in
 * that window, never in the whole text.  Numbering restarts in an annex
 * (a "1" after higher numbers opens a new scope).  A reference whose
 * definition was lost keeps its marker with a warning; nothing is invented.
 * Each note ends up as MK_NOTE index MK_NOTE_END at its reference point. */
#include <ctype.h>
#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "doc/unlang.h"
#include "util/buf.h"
#include "util/xmalloc.h"

/* A place that holds text which may carry references. */
struct slot {
	char **text;
	int line;
	size_t block;	/* index in doc->blocks (cover slots: 0) */
};

/* Rewrite the superscript forms extractors mangle into MK_SUP marker MK_SUP. */
static char *canonical_sups(struct arena *A, const char *s, bool *changed)
{
	if (!strchr(s, MK_SUP_OPEN) && !strstr(s, "<sup>"))
		return (char *)s;
	struct buf b = BUF_INIT;
	const char *p = s;
	while (*p) {
		/* "<sup>&</sup>lt;sup>2</sup>": the second tag was escaped */
		if (p[0] == MK_SUP_OPEN && p[1] == '&' && p[2] == MK_SUP_CLOSE && starts_with(p + 3, "lt;sup>")) {
			buf_putc(&b, MK_SUP_OPEN);
			p += 10;
			*changed = true;
			continue;
		}
		/* "$<sup>^{12}</sup>$": a LaTeX superscript inside an HTML one */
		if ((p[0] == '$' && p[1] == MK_SUP_OPEN && p[2] == '^') || (p[0] == MK_SUP_OPEN && p[1] == '^')) {
			const char *q = p + (p[0] == '$' ? 3 : 2);
			if (*q == '{') q++;
			const char *d = q;
			while (isdigit((unsigned char)*q) || *q == '*') q++;
			if (q > d) {
				const char *e = q;
				if (*e == '}') e++;
				if (*e == MK_SUP_CLOSE) {
					e++;
					if (p[0] == '$' && *e == '$') e++;
					buf_putc(&b, MK_SUP_OPEN);
					buf_put(&b, d, (size_t)(q - d));
					buf_putc(&b, MK_SUP_CLOSE);
					p = e;
					*changed = true;
					continue;
				}
			}
		}
		if (*p == '<' && starts_with(p, "<sup>")) { buf_putc(&b, MK_SUP_OPEN); p += 5; *changed = true; continue; }
		if (*p == '<' && starts_with(p, "</sup>")) { buf_putc(&b, MK_SUP_CLOSE); p += 6; *changed = true; continue; }
		buf_putc(&b, *p++);
	}
	/* unchanged (the superscripts were well formed): no copy */
	char *out = *changed ? arena_strndup(A, buf_cstr(&b), b.len) : (char *)s;
	buf_free(&b);
	return out;
}

static bool is_marker_text(const char *s, size_t n)
{
	if (n == 0 || n > 4)
		return false;
	bool digits = true, stars = true;
	for (size_t i = 0; i < n; i++) {
		digits &= isdigit((unsigned char)s[i]) != 0;
		stars &= s[i] == '*';
	}
	return digits || stars || (n == 3 && !strncmp(s, "\xe2\x80\xa0", 3));	/* † */
}

static int marker_number(const char *m)
{
	if (!isdigit((unsigned char)m[0]))
		return -1;
	/* footnote numbers are small; a long run of digits is not one (and
	 * must not overflow) */
	int v = 0;
	for (; isdigit((unsigned char)*m); m++) {
		if (v > 99999)
			return -1;
		v = v * 10 + (*m - '0');
	}
	return v;
}

/* Does t open with a date ("2 April 2020", "12 March")?  Then its number
 * is a day, not a note's. */
static bool opens_with_date(struct arena *A, const char *t)
{
	const char *p = t;
	while (isdigit((unsigned char)*p))
		p++;
	const char *month = p + 1, *e = month;
	while (isalpha((unsigned char)*e))
		e++;
	if (e == month)
		return false;
	/* the day and month, with a year to make it a date */
	return un_date_to_iso(A, arena_printf(A, "%.*s 2000", (int)(e - t), t)) != NULL;
}

/* If text starts with a definition marker, return its length in *len and the
 * marker; else NULL.  expect_bare: the number a bare "12 text" may have. */
static char *definition_marker(struct arena *A, const char *t, int expect_bare, size_t *len)
{
	const char *p = t;
	while (*p == ' ')
		p++;
	if (p[0] == MK_SUP_OPEN) {
		const char *q = p + 1;
		while (*q == ' ') q++;
		const char *m = q;
		while (*q && *q != MK_SUP_CLOSE) q++;
		size_t mn = (size_t)(q - m);
		while (mn && m[mn - 1] == ' ') mn--;
		if (*q == MK_SUP_CLOSE && is_marker_text(m, mn)) {
			*len = (size_t)(q + 1 - t);
			return arena_strndup(A, m, mn);
		}
		return NULL;
	}
	if (p[0] == '*') {
		size_t k = 0;
		while (p[k] == '*') k++;
		if (k <= 3 && p[k] == ' ') {
			*len = (size_t)(p + k - t);
			return arena_strndup(A, p, k);
		}
		return NULL;
	}
	if (expect_bare > 0 && isdigit((unsigned char)p[0])) {
		int v = marker_number(p);
		const char *q = p;
		while (isdigit((unsigned char)*q)) q++;
		/* "12 Ibid." — not "12. text" (a paragraph) nor "12 March" */
		if (v == expect_bare && *q == ' ' && q[1] && !isdigit((unsigned char)q[1]) && !opens_with_date(A, p)) {
			*len = (size_t)(q - t);
			return arena_strndup(A, p, (size_t)(q - p));
		}
	}
	return NULL;
}

static struct note *new_note(struct document *doc, const char *marker, int scope)
{
	struct note *n = arena_zalloc(&doc->arena, sizeof(*n));
	n->marker = arena_strdup(&doc->arena, marker);
	n->scope = scope;
	n->ref_slot = -1;
	ptr_vec_push(&doc->arena, &doc->notes, n);
	return n;
}

static char *note_ref(struct arena *A, size_t index)
{
	return arena_printf(A, "%c%zu%c", MK_NOTE, index, MK_NOTE_END);
}

struct note_info {
	size_t def_block;	/* block index of the definition */
	size_t ref_slot;	/* slot of the reference, when referenced */
	bool has_ref;
};

/* 1. Definitions, in document order. */
static void collect_definitions(struct document *doc, struct ptr_vec *defs_block)
{
	struct arena *A = &doc->arena;
	int scope = 0, last_number = 0;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->role != ROLE_BODY || !blk->text || blk->kind != BLOCK_TEXT || blk->num)
			continue;
		size_t len;
		/* the page model writes every definition it found as a
		 * superscript: a bare number there is text */
		int expect_bare = doc->layout == LAYOUT_PARAGRAPHS ? last_number + 1 : 0;
		char *marker = definition_marker(A, blk->text, expect_bare, &len);
		if (!marker)
			continue;
		/* a block may hold several definitions, one per line */
		const char *p = blk->text;
		struct note *current = NULL;
		struct buf text = BUF_INIT;
		int line = blk->line;
		while (*p) {
			const char *eol = strchr(p, '\n');
			size_t n = eol ? (size_t)(eol - p) : strlen(p);
			char *l = arena_strndup(A, p, n);
			size_t ml;
			char *m = definition_marker(A, l, expect_bare ? last_number + 1 : 0, &ml);
			if (m) {
				if (current) {
					current->text = text_trim(A, buf_cstr(&text));
					buf_clear(&text);
				}
				int num = marker_number(m);
				if (num > 0) {
					if (num <= last_number) {
						scope++;
						diag_note(doc->diag, line, "footnotes",
							  "footnote numbering restarts at %d (new scope)", num);
					}
					last_number = num;
				}
				current = new_note(doc, m, scope);
				current->def_line = line;
				ptr_vec_push(A, defs_block, (void *)i);
				buf_puts(&text, l + ml);
			} else {
				buf_putc(&text, ' ');
				buf_puts(&text, l);
			}
			line++;
			p += n + (eol ? 1 : 0);
		}
		if (current)
			current->text = text_trim(A, buf_cstr(&text));
		buf_free(&text);
		blk->role = ROLE_FOOTNOTE_DEF;
	}
}

/* The definitions of each marker, in document order (by note index):
 * looking through every note for every reference made a text of many
 * references with repeated markers quadratic. */
struct marker_notes {
	size_t *idx;
	size_t n, cap;
	size_t start;	/* those before it are all referenced */
};

static void free_marker_notes(void *payload, const xmlChar *name)
{
	(void)name;
	struct marker_notes *l = payload;
	free(l->idx);
	free(l);
}

static xmlHashTablePtr index_markers(struct document *doc)
{
	xmlHashTablePtr by_marker = xmlHashCreate((int)doc->notes.len + 16);
	for (size_t i = 0; i < doc->notes.len; i++) {
		struct note *n = DOC_NOTE(doc, i);
		struct marker_notes *l = xmlHashLookup(by_marker, (const xmlChar *)n->marker);
		if (!l) {
			l = xmalloc(sizeof *l);
			*l = (struct marker_notes){0};
			xmlHashAddEntry(by_marker, (const xmlChar *)n->marker, l);
		}
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 4;
			l->idx = xrealloc(l->idx, l->cap * sizeof *l->idx);
		}
		l->idx[l->n++] = i;
	}
	return by_marker;
}

/* Find the note a superscript reference with this marker at block b means:
 * the first unreferenced one defined at or after b, else any unreferenced
 * (the first); its index in *index. */
static struct note *match_definition(struct document *doc, struct note_info *info, xmlHashTablePtr by_marker,
				     const char *marker, size_t block, size_t *index)
{
	struct marker_notes *l = xmlHashLookup(by_marker, (const xmlChar *)marker);
	if (!l)
		return NULL;
	while (l->start < l->n && DOC_NOTE(doc, l->idx[l->start])->referenced)
		l->start++;
	if (l->start == l->n)
		return NULL;
	/* definitions come in document order: halve to the first at or
	 * after b, then on to the first not yet referenced */
	size_t lo = l->start, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (info[l->idx[mid]].def_block >= block)
			hi = mid;
		else
			lo = mid + 1;
	}
	while (lo < l->n && DOC_NOTE(doc, l->idx[lo])->referenced)
		lo++;
	*index = l->idx[lo < l->n ? lo : l->start];
	return DOC_NOTE(doc, *index);
}

/* 2. Superscript (and starred) references. */
static void link_superscripts(struct document *doc, struct slot *slots, size_t nslots,
			      struct note_info *info, bool have_star_note)
{
	struct arena *A = &doc->arena;
	xmlHashTablePtr by_marker = index_markers(doc);
	struct buf mark = BUF_INIT;
	for (size_t s = 0; s < nslots; s++) {
		char *t = *slots[s].text;
		if (!t || (!strchr(t, MK_SUP_OPEN) && !(have_star_note && strchr(t, '*'))))
			continue;
		struct buf out = BUF_INIT;
		bool changed = false;
		for (const char *p = t; *p;) {
			const char *m = NULL;
			size_t mn = 0, skip = 0;
			if (*p == MK_SUP_OPEN) {
				const char *q = p + 1;
				while (*q == ' ') q++;
				m = q;
				while (*q && *q != MK_SUP_CLOSE) q++;
				mn = (size_t)(q - m);
				while (mn && m[mn - 1] == ' ') mn--;
				if (*q != MK_SUP_CLOSE || !is_marker_text(m, mn))
					m = NULL;
				else
					skip = (size_t)(q + 1 - p);
			} else if (*p == '*' && have_star_note && p > t && p[-1] != ' ' && p[-1] != '*' &&
				   (p[1] == '\0' || p[1] == ' ' || p[1] == '\n' || p[1] == MK_BREAK)) {
				/* "provisional agenda*": a starred note on the cover */
				m = p;
				mn = 1;
				skip = 1;
			}
			if (!m) {
				buf_putc(&out, *p++);
				continue;
			}
			/* the marker and the reference are composed outside the
			 * arena: a copy of each per reference is some 2 bytes
			 * in the arena for every byte of a text dense with notes */
			buf_clear(&mark);
			buf_put(&mark, m, mn);
			const char *marker = buf_cstr(&mark);
			size_t idx = 0;
			struct note *n = match_definition(doc, info, by_marker, marker, slots[s].block, &idx);
			if (!n) {
				/* its definition is looked for once more, then
				 * warned about (recover_stranded_texts) */
				n = new_note(doc, marker, 0);
				idx = doc->notes.len - 1;
				n->def_line = 0;
			}
			n->referenced = true;
			n->ref_line = slots[s].line;
			n->ref_slot = (int)s;
			/* drop the space an extractor put before the marker */
			while (out.len && out.data[out.len - 1] == ' ')
				out.len--;
			buf_printf(&out, "%c%zu%c", MK_NOTE, idx, MK_NOTE_END);	/* note_ref's */
			p += skip;
			changed = true;
		}
		if (changed)
			*slots[s].text = arena_strndup(A, buf_cstr(&out), out.len);
		buf_free(&out);
	}
	buf_free(&mark);
	xmlHashFree(by_marker, free_marker_notes);
}

static bool is_content_block(const struct block *b)
{
	return b->text && b->kind == BLOCK_TEXT && b->role == ROLE_BODY && !b->num;
}

/* A note whose number was lost stays where its page ended, wedged into the
 * paragraph the page cut: "… improving global understanding of the" /
 * footer / "Although the term …, it is often used …." / "related to, …".
 * A referenced note without a definition takes the first such block after
 * the page break that follows its reference: one sentence or more, after
 * text that stopped mid-sentence and before text that goes on in lower
 * case.  Whatever is not found so is warned about, the marker kept. */
static void recover_stranded_texts(struct document *doc, struct slot *slots, size_t ndefs)
{
	struct arena *A = &doc->arena;
	/* the first page break at or after each block (looked for from each
	 * reference, it made many references without a text and no page
	 * break quadratic) */
	size_t *page_break = NULL;
	for (size_t k = ndefs; k < doc->notes.len; k++) {
		struct note *n = DOC_NOTE(doc, k);
		if (n->text || n->ref_slot < 0)
			continue;
		if (!page_break) {
			page_break = xmalloc((doc->blocks.len + 1) * sizeof *page_break);
			page_break[doc->blocks.len] = doc->blocks.len;
			for (size_t j = doc->blocks.len; j-- > 0;) {
				struct block *c = DOC_BLOCK(doc, j);
				page_break[j] = c->role == ROLE_DROPPED && c->page_break ? j : page_break[j + 1];
			}
		}
		/* the page break after the reference */
		size_t b = page_break[slots[n->ref_slot].block + 1 < doc->blocks.len
				      ? slots[n->ref_slot].block + 1 : doc->blocks.len];
		while (b < doc->blocks.len && DOC_BLOCK(doc, b)->role == ROLE_DROPPED)
			b++;
		struct block *x = b < doc->blocks.len ? DOC_BLOCK(doc, b) : NULL;
		struct block *before = NULL, *after = NULL;
		for (size_t j = b; x && j-- > 0;) {
			struct block *c = DOC_BLOCK(doc, j);
			if (c->role == ROLE_DROPPED || c->role == ROLE_FOOTNOTE_DEF)
				continue;
			before = c;
			break;
		}
		for (size_t j = b + 1; x && j < doc->blocks.len; j++) {
			struct block *c = DOC_BLOCK(doc, j);
			if (c->role == ROLE_DROPPED || c->role == ROLE_FOOTNOTE_DEF)
				continue;
			after = c;
			break;
		}
		char end = before && before->text ? text_last_char(before->text) : '.';
		const char *xt = x && x->text ? text_plain_trimmed(A, x->text, (size_t)-1) : "";
		const char *at = after && after->text ? text_plain_prefix(A, after->text, 8) : "";
		if (x && is_content_block(x) && before && after && is_content_block(after) && isalpha((unsigned char)end) &&
		    islower((unsigned char)at[0]) && isupper((unsigned char)xt[0]) && text_last_char(xt) == '.') {
			n->text = text_trim(A, x->text);
			n->def_line = x->line;
			x->role = ROLE_FOOTNOTE_DEF;
			diag_note(doc->diag, x->line, "footnotes",
				  "footnote %s: its text had lost its number and stood where its page ended, inside "
				  "the paragraph the page cut", n->marker);
			continue;
		}
		diag_warn(doc->diag, n->ref_line, "footnotes",
			  "footnote %s is referenced but its text is missing from the source; the marker is kept",
			  n->marker);
	}
	free(page_break);
}

/* Where is note idx referenced?  (slot index, byte offset just after it) */
static bool find_ref(struct document *doc, struct slot *slots, size_t nslots, size_t idx, size_t *slot,
		     size_t *offset)
{
	char *needle = note_ref(&doc->arena, idx);
	/* the pass remembers which text holds each reference: look only there
	 * (scanning every text for every note would be quadratic) */
	int known = DOC_NOTE(doc, idx)->ref_slot;
	size_t first = known >= 0 ? (size_t)known : 0, last = known >= 0 ? (size_t)known + 1 : nslots;
	for (size_t s = first; s < last; s++) {
		const char *t = *slots[s].text;
		const char *hit = t ? strstr(t, needle) : NULL;
		if (hit) {
			*slot = s;
			*offset = (size_t)(hit - t) + strlen(needle);
			return true;
		}
	}
	return false;
}

/* "général1 et", "question1,", "« … »2,": in French and Spanish (the
 * languages with a decimal comma) a note's marker is set against its
 * word, before the punctuation, so a superscript on the baseline reads
 * glued to it: after a small letter or a closing quote or parenthesis,
 * before a space or the clause's punctuation. */
static bool glued_marker(const struct un_lang *L, const char *t, size_t at, size_t dl)
{
	if (!L->decimal_comma || at == 0 || !(un_lower_before(t, at) || un_closes_before(t, at)))
		return false;
	char after = t[at + dl];
	return after == '\0' || after == ' ' || after == ',' || after == ';' || after == '.' || after == ':';
}

/* 3. Bare numbers, searched only in the window numbering allows. */
static void link_bare_numbers(struct document *doc, struct slot *slots, size_t nslots,
			      struct note_info *info)
{
	struct arena *A = &doc->arena;
	const struct un_lang *L = un_lang_of(doc->meta.lang, NULL);
	for (size_t i = 0; i < doc->notes.len; i++) {
		struct note *n = DOC_NOTE(doc, i);
		int num = marker_number(n->marker);
		if (n->referenced || num <= 0 || !n->text)
			continue;
		/* window start: just after the reference of the previous note */
		size_t from_slot = 0, from_off = 0;
		for (size_t j = i; j-- > 0;) {
			struct note *prev = DOC_NOTE(doc, j);
			if (prev->scope == n->scope && prev->referenced &&
			    find_ref(doc, slots, nslots, j, &from_slot, &from_off))
				break;
			if (prev->scope != n->scope) {
				/* first note of a restarted scope: from its scope's start */
				from_slot = 0;
				for (size_t s = 0; s < nslots; s++)
					if (slots[s].block > info[j].def_block) { from_slot = s; break; }
				from_off = 0;
				break;
			}
		}
		char digits[16];
		snprintf(digits, sizeof digits, "%d", num);
		size_t dl = strlen(digits);
		bool found = false;
		for (size_t s = from_slot; s < nslots && !found && slots[s].block <= info[i].def_block; s++) {
			char *t = *slots[s].text;
			if (!t)
				continue;
			size_t start = s == from_slot ? from_off : 0;
			for (const char *hit = strstr(t + start, digits); hit; hit = strstr(hit + 1, digits)) {
				size_t at = (size_t)(hit - t);
				if (at > 0 && isdigit((unsigned char)t[at - 1]))
					continue;
				if ((!un_bare_note_marker(t, at, dl, false) && !glued_marker(L, t, at, dl)) ||
				    un_decimal_comma(L, t, at))
					continue;
				size_t cut = at;
				while (cut > 0 && t[cut - 1] == ' ')
					cut--;
				*slots[s].text = arena_printf(A, "%.*s%s%s", (int)cut, t, note_ref(A, i), t + at + dl);
				n->referenced = true;
				n->ref_line = slots[s].line;
				n->ref_slot = (int)s;
				diag_note(doc->diag, slots[s].line, "footnotes",
					  "bare number %d read as the reference of footnote %d (its superscript was lost)",
					  num, num);
				found = true;
				break;
			}
		}
	}
}

void pass_footnotes(struct document *doc)
{
	struct arena *A = &doc->arena;
	/* 0. canonical superscripts everywhere */
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (!blk->text || blk->role == ROLE_DROPPED)
			continue;
		bool changed = false;
		blk->text = canonical_sups(A, blk->text, &changed);
		if (changed)
			diag_note(doc->diag, blk->line, "footnotes", "repaired a mangled superscript");
	}
	struct ptr_vec defs_block = {0};
	collect_definitions(doc, &defs_block);
	size_t ndefs = doc->notes.len;
	/* slots: the cover's texts, then every body block, in order */
	struct slot *slots = arena_alloc(A, (doc->blocks.len + 3) * sizeof(*slots));
	size_t nslots = 0;
	struct doc_meta *m = &doc->meta;
	if (m->symbol_note) slots[nslots++] = (struct slot){&m->symbol_note, m->line_symbol, 0};
	if (m->agenda_item) slots[nslots++] = (struct slot){&m->agenda_item, 0, 0};
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->text && blk->role != ROLE_DROPPED && blk->role != ROLE_FOOTNOTE_DEF &&
		    blk->role != ROLE_COVER)
			slots[nslots++] = (struct slot){&blk->text, blk->line, i};
	}
	struct note_info *info = arena_zalloc(A, (ndefs + 1) * sizeof(*info));
	bool have_star = false;
	for (size_t i = 0; i < ndefs; i++) {
		info[i].def_block = (size_t)defs_block.items[i];
		have_star |= DOC_NOTE(doc, i)->marker[0] == '*';
	}
	link_superscripts(doc, slots, nslots, info, have_star);
	recover_stranded_texts(doc, slots, ndefs);
	/* notes created for missing definitions have no info entry past ndefs;
	 * the bare search only looks at defined notes */
	size_t all = doc->notes.len;
	doc->notes.len = ndefs;
	link_bare_numbers(doc, slots, nslots, info);
	doc->notes.len = all;
	/* 4. defined but never referenced: keep it where its page ended */
	for (size_t i = 0; i < ndefs; i++) {
		struct note *n = DOC_NOTE(doc, i);
		if (n->referenced)
			continue;
		size_t b = info[i].def_block;
		struct block *host = NULL;
		for (size_t j = b; j-- > 0;) {
			struct block *c = DOC_BLOCK(doc, j);
			if (c->text && c->role != ROLE_DROPPED && c->role != ROLE_FOOTNOTE_DEF && c->role != ROLE_COVER) {
				host = c;
				break;
			}
		}
		if (!host) {
			diag_warn(doc->diag, n->def_line, "footnotes", "footnote %s has no reference and no text before it; dropped", n->marker);
			continue;
		}
		host->text = arena_concat(A, 2, host->text, note_ref(A, i));
		n->referenced = true;
		diag_warn(doc->diag, n->def_line, "footnotes",
			  "no reference to footnote %s was found; the note is attached where its page ended (line %d)",
			  n->marker, host->end_line);
	}
	for (size_t i = 0; i < ndefs; i++)
		diag_note(doc->diag, DOC_NOTE(doc, i)->def_line, "footnotes", "footnote %s moved to its reference (line %d)",
			  DOC_NOTE(doc, i)->marker, DOC_NOTE(doc, i)->ref_line);
}
