/* wordshape.c — a block's text shaped from a cache of shaped words.
 *
 * Why: a UN report repeats the same few thousand words over and over, and
 * pango analyses every character of every block (itemising, UAX #14 line
 * break analysis, harfbuzz shaping): on the largest seed that was half the
 * run.  Here each distinct word is shaped once per document and font (with
 * pango_shape, so the glyphs are pango's own), and a block's runs are the
 * cached words laid end to end with the font's space between them.  The
 * break opportunities are found here too, for the few characters plain
 * Latin text uses.  What is lost is kerning across a space, which
 * Liberation Serif does not have.
 *
 * Only plain text qualifies: Latin and Cyrillic letters, digits, Western
 * punctuation, left to right, no combining marks, no characters the font
 * lacks, and
 * only the attributes flow.c sets (italic, bold, underline, rise, scale).
 * Anything else — another script, a combining accent, an unknown
 * attribute — returns 0 and the block goes through pango's own analysis
 * (layout.c), so correctness never depends on this path. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/pdfint.h"
#include "util/xmalloc.h"

#define NBSP 0x00A0
#define SOFT_HYPHEN 0x00AD

/* One font (family, size, weight, style) and the words shaped in it. */
struct font_slot {
	int size, bold, italic;	/* size in pango units */
	PangoAnalysis analysis;	/* what pango_shape needs: font, script, language */
	GHashTable *words;	/* word (NUL-terminated) → struct shaped_word */
	GHashTable *spaces;	/* character + 1 → advance + 1 of a space before it */
};

struct shaped_word {
	PangoGlyphString *glyphs;
	int ok;			/* every glyph found in the font */
};

struct pdf_words {
	PangoContext *ctx;
	PangoShapeFlags flags;
	struct font_slot *slot;
	int nslots, slots_cap;
};

/* A stretch of the text in one style. */
struct style_run {
	int start, end;		/* bytes */
	int slot;
	int underline, rise;	/* rise in pango units */
};

struct pdf_words *pdf_words_new(PangoContext *ctx)
{
	struct pdf_words *w = xmalloc(sizeof *w);
	memset(w, 0, sizeof *w);
	w->ctx = ctx;
	w->flags = pango_context_get_round_glyph_positions(ctx) ? PANGO_SHAPE_ROUND_POSITIONS
							      : PANGO_SHAPE_NONE;
	return w;
}

static void free_word(gpointer p)
{
	struct shaped_word *sw = p;
	pango_glyph_string_free(sw->glyphs);
	free(sw);
}

void pdf_words_free(struct pdf_words *w)
{
	if (!w)
		return;
	for (int i = 0; i < w->nslots; i++) {
		g_hash_table_destroy(w->slot[i].words);
		g_hash_table_destroy(w->slot[i].spaces);
		g_object_unref(w->slot[i].analysis.font);
	}
	free(w->slot);
	free(w);
}

/* Characters this path handles: Latin and Cyrillic letters without
 * combining marks, digits, Western punctuation and symbols.  Everything
 * here is left to right or neutral, and needs no shaping across a space. */
static int plain_char(gunichar c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	if (c >= 0xA0 && c < 0x250)	/* Latin-1 Supplement, Latin Extended-A and -B */
		return 1;
	if (c >= 0x400 && c < 0x483)	/* Cyrillic letters (the marks from U+0483 excepted) */
		return 1;
	if (c >= 0x48A && c < 0x530)
		return 1;
	if (c >= 0x2010 && c <= 0x2027)	/* dashes, quotes, bullet, ellipsis */
		return 1;
	if (c >= 0x2030 && c <= 0x203A)	/* per mille, primes, single guillemets */
		return 1;
	/* euro, trade mark; the word joiner rich.c puts after a no-break
	 * hyphen (find_breaks allows no break on either side of it) */
	return c == '\n' || c == 0x20AC || c == 0x2122 || c == 0x2060;
}

/* The slot for base font fd with the given weight, style and scale. */
static int font_slot(struct pdf_words *w, const PangoFontDescription *fd, int bold, int italic,
		     double scale)
{
	int size = pango_font_description_get_size(fd);
	if (scale != 1.0)
		size = (int)(scale * size);	/* as pango_attr_iterator_get_font */
	for (int i = 0; i < w->nslots; i++)
		if (w->slot[i].size == size && w->slot[i].bold == bold && w->slot[i].italic == italic)
			return i;
	PangoFontDescription *d = pango_font_description_copy(fd);
	pango_font_description_set_size(d, size);
	pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(d, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	PangoFont *font = pango_context_load_font(w->ctx, d);
	pango_font_description_free(d);
	if (!font)
		return -1;
	struct font_slot sl;
	memset(&sl, 0, sizeof sl);
	sl.size = size;
	sl.bold = bold;
	sl.italic = italic;
	sl.analysis.font = font;
	sl.analysis.level = 0;
	sl.analysis.gravity = PANGO_GRAVITY_SOUTH;
	sl.analysis.script = PANGO_SCRIPT_LATIN;
	sl.analysis.language = pango_context_get_language(w->ctx);
	sl.words = g_hash_table_new_full(g_str_hash, g_str_equal, free, free_word);
	sl.spaces = g_hash_table_new(g_direct_hash, g_direct_equal);
	PDF_PUSH(w->slot, w->nslots, w->slots_cap, sl);
	return w->nslots - 1;
}

/* The block's style runs from its attributes, or 0 when an attribute is
 * one this path does not handle. */
static int style_runs(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd,
		      struct style_run **out, int *nout)
{
	struct style_run *runs = NULL;
	int n = 0, cap = 0, ok = 1;
	int len = (int)b->rich.text.len;
	PangoAttrIterator *it = pango_attr_list_get_iterator(b->rich.attrs);
	do {
		int start, end;
		pango_attr_iterator_range(it, &start, &end);
		if (end > len)
			end = len;
		if (start >= end)
			continue;
		int bold = b->bold, italic = b->italic, underline = 0, rise = 0;
		double scale = 1.0;
		GSList *attrs = pango_attr_iterator_get_attrs(it);
		for (GSList *a = attrs; a; a = a->next) {
			PangoAttribute *attr = a->data;
			switch (attr->klass->type) {
			case PANGO_ATTR_STYLE:
				italic = ((PangoAttrInt *)attr)->value != PANGO_STYLE_NORMAL;
				break;
			case PANGO_ATTR_WEIGHT:
				bold = ((PangoAttrInt *)attr)->value >= PANGO_WEIGHT_BOLD;
				if (((PangoAttrInt *)attr)->value != PANGO_WEIGHT_BOLD &&
				    ((PangoAttrInt *)attr)->value != PANGO_WEIGHT_NORMAL)
					ok = 0;
				break;
			case PANGO_ATTR_UNDERLINE:
				underline = ((PangoAttrInt *)attr)->value == PANGO_UNDERLINE_SINGLE;
				if (((PangoAttrInt *)attr)->value > PANGO_UNDERLINE_SINGLE)
					ok = 0;
				break;
			case PANGO_ATTR_RISE:
				rise = ((PangoAttrInt *)attr)->value;
				break;
			case PANGO_ATTR_SCALE:
				scale = ((PangoAttrFloat *)attr)->value;
				break;
			default:
				ok = 0;
			}
		}
		g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
		struct style_run r = {start, end, font_slot(w, fd, bold, italic, scale), underline, rise};
		if (r.slot < 0)
			ok = 0;
		PDF_PUSH(runs, n, cap, r);
	} while (ok && pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	if (!ok || (n == 0 && len > 0)) {
		free(runs);
		return 0;
	}
	*out = runs;
	*nout = n;
	return 1;
}

/* The shaped word text[0, len) in slot sl, from the cache or shaped now. */
static const struct shaped_word *word(struct pdf_words *w, struct font_slot *sl, const char *text,
				      int len)
{
	char small[128];
	char *key = len < (int)sizeof small ? small : xmalloc((size_t)len + 1);
	memcpy(key, text, (size_t)len);
	key[len] = '\0';
	struct shaped_word *sw = g_hash_table_lookup(sl->words, key);
	if (!sw) {
		sw = xmalloc(sizeof *sw);
		sw->glyphs = pango_glyph_string_new();
		/* shaped in its own script (a Cyrillic word with the font's
		 * Cyrillic features), as pango would itemise it */
		PangoAnalysis analysis = sl->analysis;
		for (const char *p = text; p < text + len; p = g_utf8_next_char(p))
			if (g_unichar_get_script(g_utf8_get_char(p)) == G_UNICODE_SCRIPT_CYRILLIC) {
				analysis.script = PANGO_SCRIPT_CYRILLIC;
				break;
			}
		pango_shape_with_flags(text, len, text, len, &analysis, sw->glyphs, w->flags);
		sw->ok = 1;
		for (int g = 0; g < sw->glyphs->num_glyphs; g++)
			if (sw->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
				sw->ok = 0;
		g_hash_table_insert(sl->words, key == small ? xstrdup(key) : key, sw);
	} else if (key != small)
		free(key);
	return sw;
}

/* Append word glyphs src (clusters relative to the word) to run glyphs
 * dst, the word starting `shift` bytes into the run; dst has the room. */
static void append_glyphs(PangoGlyphString *dst, const PangoGlyphString *src, int shift)
{
	int base = dst->num_glyphs;
	assert(base + src->num_glyphs <= dst->space);
	dst->num_glyphs = base + src->num_glyphs;
	memcpy(dst->glyphs + base, src->glyphs, sizeof *src->glyphs * (size_t)src->num_glyphs);
	for (int g = 0; g < src->num_glyphs; g++)
		dst->log_clusters[base + g] = src->log_clusters[g] + shift;
}

/* The advance of a space followed by character c in slot sl, kerning
 * included (Liberation Serif kerns a space before A, T, V, W, Y, ...). */
static int space_before(struct pdf_words *w, struct font_slot *sl, const char *c, int clen)
{
	gunichar u = g_utf8_get_char(c);
	gpointer key = GUINT_TO_POINTER(u + 1);
	gpointer known = g_hash_table_lookup(sl->spaces, key);
	if (known)
		return GPOINTER_TO_INT(known) - 1;
	char pair[8] = " ";
	memcpy(pair + 1, c, (size_t)clen);
	PangoGlyphString *g = pango_glyph_string_new();
	pango_shape_with_flags(pair, clen + 1, pair, clen + 1, &sl->analysis, g, w->flags);
	int adv = g->num_glyphs ? g->glyphs[0].geometry.width : 0;
	pango_glyph_string_free(g);
	g_hash_table_insert(sl->spaces, key, GINT_TO_POINTER(adv + 1));
	return adv;
}

/* A glyph item for bytes [start, end) of text in style run r, from the
 * cache: each word shaped with the space after it (a letter before a
 * space can be kerned too), that space's advance then kerned against the
 * next word's first letter.  NULL when a word has a character the font
 * lacks. */
static PangoGlyphItem *run_item(struct pdf_words *w, const char *text, int start, int end,
				const struct style_run *r)
{
	struct font_slot *sl = &w->slot[r->slot];
	PangoGlyphItem tmp;
	memset(&tmp, 0, sizeof tmp);
	/* the words first, then their glyphs copied into a string sized once */
	struct { const struct shaped_word *sw; int at; } pieces_buf[64], *pieces = pieces_buf;
	int npieces = 0, cap = 64, nglyphs = 0;
	for (int i = start; i < end;) {
		int j = i;
		while (j < end && text[j] != ' ')
			j++;
		if (j < end)
			j++;	/* the space after the word (or a lone space) */
		const struct shaped_word *sw = word(w, sl, text + i, j - i);
		if (!sw->ok) {
			if (pieces != pieces_buf)
				free(pieces);
			return NULL;
		}
		if (npieces == cap) {
			cap *= 2;
			if (pieces == pieces_buf) {
				pieces = xmalloc(sizeof *pieces * (size_t)cap);
				memcpy(pieces, pieces_buf, sizeof pieces_buf);
			} else
				pieces = xrealloc(pieces, sizeof *pieces * (size_t)cap);
		}
		pieces[npieces].sw = sw;
		pieces[npieces].at = i;
		npieces++;
		nglyphs += sw->glyphs->num_glyphs;
		i = j;
	}
	/* exactly nglyphs long (set_size rounds up to a power of two), and
	 * handed to the item rather than copied: a giant paragraph's run was
	 * held twice, once at twice its length */
	tmp.glyphs = pdf_glyph_string_sized(nglyphs);
	for (int k = 0; k < npieces; k++) {
		append_glyphs(tmp.glyphs, pieces[k].sw->glyphs, pieces[k].at - start);
		/* the space ending this word, kerned against the next word */
		int j = k + 1 < npieces ? pieces[k + 1].at : end;
		int last = tmp.glyphs->num_glyphs - 1;
		if (text[j - 1] == ' ' && j < end && text[j] != ' ' && last >= 0 &&
		    tmp.glyphs->log_clusters[last] == j - 1 - start) {
			int clen = (int)(g_utf8_next_char(text + j) - (text + j));
			tmp.glyphs->glyphs[last].geometry.width = space_before(w, sl, text + j, clen);
		}
	}
	if (pieces != pieces_buf)
		free(pieces);
	tmp.item = pango_item_new();
	tmp.item->offset = start;
	tmp.item->length = end - start;
	tmp.item->num_chars = (int)g_utf8_strlen(text + start, end - start);
	tmp.item->analysis = sl->analysis;
	g_object_ref(tmp.item->analysis.font);
	if (r->underline)
		tmp.item->analysis.extra_attrs = g_slist_prepend(NULL, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
	tmp.y_offset = r->rise;
	/* allocated by pango, so that pango_glyph_item_free fits */
	PangoGlyphItem *gi = pdf_glyph_item_with(&tmp, tmp.glyphs);
	pango_item_free(tmp.item);
	return gi;
}

/* UAX #14 classes, for the characters plain_char admits, as far as the
 * break rules below need them. */
static int no_break_before(gunichar c)	/* CL, CP, EX, IS, SY, closing quotes */
{
	return c == ')' || c == ']' || c == '}' || c == ',' || c == '.' || c == ';' || c == ':' ||
	       c == '!' || c == '?' || c == '/' || c == 0x201D || c == 0x2019 || c == 0x2026 ||
	       c == '%' || c == 0xBB || c == 0x203A;
}

static int no_break_after(gunichar c)	/* OP, opening quotes */
{
	return c == '(' || c == '[' || c == '{' || c == 0x201C || c == 0x2018 || c == 0xAB ||
	       c == 0x2039;
}

static int is_quote(gunichar c)	/* QU: no break in QU SP* OP (UAX #14 LB15) */
{
	return c == '"' || c == '\'' || (c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB;
}

static int is_dash(gunichar c)	/* HY, BA: a break after, between words */
{
	return c == '-' || c == 0x2010 || c == 0x2013;
}

/* Break opportunities (attrs[i].is_line_break: before character i), as
 * pango marks them for plain Latin text: after spaces, unless what follows
 * is closing punctuation or what precedes is opening punctuation; after a
 * soft hyphen (a hyphen is drawn); after a hyphen or an en dash before a
 * letter; after a slash (not between digits: 11/|5 is a number), and after a full stop between a letter and a
 * digit, inside document symbols (CTOC/COP/WG.|2/2022/4); on either side
 * of an em dash.  Unlike pango, never before a footnote marker that follows
 * punctuation ("Crime,|9"). */
static void find_breaks(const char *text, int len, PangoLogAttr *attrs, int n)
{
	gunichar *ch = xmalloc(sizeof *ch * (size_t)(n + 1));
	const char *p = text;
	for (int i = 0; i < n; i++, p = g_utf8_next_char(p))
		ch[i] = g_utf8_get_char(p);
	ch[n] = 0;
	(void)len;
	gunichar before_space = 0;	/* the last character before the current run of spaces */
	for (int i = 0; i <= n; i++) {
		gunichar c = ch[i], prev = i ? ch[i - 1] : 0;
		PangoLogAttr *a = &attrs[i];
		a->is_cursor_position = 1;
		a->is_char_break = 1;
		a->is_white = c == ' ' || c == NBSP || c == '\n';
		a->is_expandable_space = c == ' ' || c == NBSP;
		if (i == 0 || i == n || c == ' ' || c == '\n' || prev == '\n')
			;
		else if (prev == ' ')
			a->is_line_break = !no_break_before(c) && !no_break_after(before_space) &&
					   before_space != 0 && !(is_quote(before_space) && c == '(');
		else if (prev == SOFT_HYPHEN)
			a->is_line_break = a->break_inserts_hyphen = c != NBSP;
		else if (is_dash(prev))
			a->is_line_break = i >= 2 && g_unichar_isalnum(ch[i - 2]) && g_unichar_isalpha(c);
		else if (prev == '/')	/* inside a document symbol: A/77/|L.1 */
			a->is_line_break = i >= 2 && g_unichar_isalnum(ch[i - 2]) && g_unichar_isalnum(c) &&
					   !(g_unichar_isdigit(ch[i - 2]) && g_unichar_isdigit(c));
		else if (prev == '.')	/* CRP.|3, Rev.|1 */
			a->is_line_break = i >= 2 && g_unichar_isalpha(ch[i - 2]) && g_unichar_isdigit(c);
		else if (prev == 0x2014 || c == 0x2014)
			a->is_line_break = prev != c && prev != NBSP && c != NBSP &&
					   !no_break_before(c) && !no_break_after(prev);
		if (c != ' ')
			before_space = c;
	}
	free(ch);
}

/* The number of characters of the block's text when the word cache can
 * set it (left to right, every character plain), else -1. */
static int plain_chars(const struct pdf_words *w, const char *text, int len)
{
	/* a right-to-left document's lines, numbers included ("1 -"), are
	 * ordered by pango's bidirectional analysis */
	if (pango_context_get_base_dir(w->ctx) == PANGO_DIRECTION_RTL)
		return -1;
	int n = 0;
	for (const char *p = text; p < text + len; p = g_utf8_next_char(p), n++)
		if (!plain_char(g_utf8_get_char(p)))
			return -1;
	return n;
}

int pdf_words_shape(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd,
		    struct pdf_shaped *sh)
{
	const char *text = b->rich.text.len ? b->rich.text.data : "";
	int len = (int)b->rich.text.len;
	int n = plain_chars(w, text, len);
	if (n < 0)
		return 0;
	struct style_run *runs;
	int nruns;
	if (!style_runs(w, b, fd, &runs, &nruns))
		return 0;
	memset(sh, 0, sizeof *sh);
	sh->text = text;
	sh->len = len;
	sh->n = n;
	sh->shape_flags = w->flags;
	sh->lend = 1;
	PangoLogAttr *attrs = xmalloc(sizeof *attrs * (size_t)(n + 1));
	memset(attrs, 0, sizeof *attrs * (size_t)(n + 1));
	find_breaks(text, len, attrs, n);
	sh->attrs = attrs;
	/* hard lines: the text between "\n"s, each a list of runs */
	int cap = 0, ok = 1;
	for (int start = 0, r = 0; ok && start <= len;) {
		const char *nl = memchr(text + start, '\n', (size_t)(len - start));
		int end = nl ? (int)(nl - text) : len;
		struct pdf_hard_line hl = {start, end - start, NULL};
		for (; r < nruns && runs[r].start < end; r++) {
			int s = runs[r].start > start ? runs[r].start : start;
			int e = runs[r].end < end ? runs[r].end : end;
			if (s >= e)
				continue;
			PangoGlyphItem *gi = run_item(w, text, s, e, &runs[r]);
			if (!gi) {
				ok = 0;
				break;
			}
			hl.runs = g_slist_prepend(hl.runs, gi);
			if (runs[r].end > end)
				break;	/* the run goes on after the "\n" */
		}
		hl.runs = g_slist_reverse(hl.runs);
		PDF_PUSH(sh->lines, sh->nlines, cap, hl);
		start = end + 1;
	}
	free(runs);
	if (!ok) {
		pdf_words_shaped_free(sh);
		return 0;
	}
	return 1;
}

int pdf_words_plain(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd)
{
	const char *text = b->rich.text.len ? b->rich.text.data : "";
	if (plain_chars(w, text, (int)b->rich.text.len) < 0)
		return 0;
	struct style_run *runs;
	int nruns;
	if (!style_runs(w, b, fd, &runs, &nruns))
		return 0;
	free(runs);
	return 1;
}

/* The width of the hyphen that pdf_words_shape's breaking fits lines
 * with: shaped in the analysis of the text's first run, when its first
 * hard line has one (lines.c, hyphen_glyphs), else 0. */
static double first_hyphen_width(struct pdf_words *w, const char *text, int len, const struct style_run *runs,
				 int nruns)
{
	const char *nl = memchr(text, '\n', (size_t)len);
	int end = nl ? (int)(nl - text) : len;
	for (int r = 0; r < nruns && runs[r].start < end; r++) {
		if ((runs[r].end < end ? runs[r].end : end) <= runs[r].start)
			continue;
		PangoAnalysis analysis = w->slot[runs[r].slot].analysis;
		PangoAttribute *ul = runs[r].underline ? pango_attr_underline_new(PANGO_UNDERLINE_SINGLE) : NULL;
		analysis.extra_attrs = ul ? g_slist_prepend(NULL, ul) : NULL;
		PangoGlyphString *g = pango_glyph_string_new();
		pango_shape_with_flags("-", 1, "-", 1, &analysis, g, w->flags);
		double width = pango_glyph_string_get_width(g) / (double)PANGO_SCALE;
		pango_glyph_string_free(g);
		g_slist_free(analysis.extra_attrs);
		if (ul)
			pango_attribute_destroy(ul);
		return width;
	}
	return 0;
}

int pdf_words_shape_window(struct pdf_words *w, const struct pdf_block *b, const PangoFontDescription *fd,
			   const struct pdf_window *wn, struct pdf_shaped *sh, int *base)
{
	const char *text = b->rich.text.data;
	int len = (int)b->rich.text.len;
	struct style_run *runs;
	int nruns;
	if (!style_runs(w, b, fd, &runs, &nruns))
		return 0;
	/* the style run holding the window's first byte, and the word
	 * that holds it: words are cut after each space from the run's
	 * start (or the hard line's), so shaped from there they are the
	 * words, and the glyphs, of the whole text */
	int r0 = 0;
	while (r0 < nruns && runs[r0].end <= wn->ls)
		r0++;
	int from = wn->ls, lower = r0 < nruns && runs[r0].start < wn->ls ? runs[r0].start : wn->ls;
	while (from > lower && text[from - 1] != ' ' && text[from - 1] != '\n')
		from--;
	/* the break analysis looks at two characters back and at the last
	 * one before a run of spaces; the grouping of digits four either
	 * side (lines.c): eight characters of context each way, past any
	 * spaces before */
	int cb = from, ce = wn->we;
	while (cb > 0 && text[cb - 1] == ' ')
		cb--;
	for (int k = 0; k < 8 && cb > 0; k++)
		cb = (int)(g_utf8_find_prev_char(text, text + cb) - text);
	for (int k = 0; k < 8 && ce < len; k++)
		ce = (int)(g_utf8_next_char(text + ce) - text);
	memset(sh, 0, sizeof *sh);
	sh->text = text + cb;
	sh->len = ce - cb;
	sh->n = (int)g_utf8_strlen(text + cb, ce - cb);
	sh->shape_flags = w->flags;
	sh->lend = 1;
	sh->hyphen_given = 1;
	sh->hyphen_width = first_hyphen_width(w, text, len, runs, nruns);
	PangoLogAttr *attrs = xmalloc(sizeof *attrs * (size_t)(sh->n + 1));
	memset(attrs, 0, sizeof *attrs * (size_t)(sh->n + 1));
	find_breaks(text + cb, ce - cb, attrs, sh->n);
	sh->attrs = attrs;
	struct pdf_hard_line hl = {wn->ls - cb, wn->we - wn->ls, NULL};
	int ok = 1;
	for (int r = r0; r < nruns && runs[r].start < wn->we; r++) {
		int s = runs[r].start > from ? runs[r].start : from;
		int e = runs[r].end < wn->we ? runs[r].end : wn->we;
		if (s >= e)
			continue;
		PangoGlyphItem *gi = run_item(w, text + cb, s - cb, e - cb, &runs[r]);
		if (!gi) {
			ok = 0;
			break;
		}
		hl.runs = g_slist_prepend(hl.runs, gi);
	}
	hl.runs = g_slist_reverse(hl.runs);
	int cap = 0;
	PDF_PUSH(sh->lines, sh->nlines, cap, hl);
	free(runs);
	if (!ok) {
		pdf_words_shaped_free(sh);
		return 0;
	}
	*base = cb;
	return 1;
}

void pdf_words_trim(struct pdf_words *w)
{
	/* a report of some hundred pages has a few thousand words a font */
	enum { MAX_WORDS = 8192 };
	for (int i = 0; w && i < w->nslots; i++)
		if (g_hash_table_size(w->slot[i].words) > MAX_WORDS)
			g_hash_table_remove_all(w->slot[i].words);
}

/* pango_context_get_metrics shapes sample text in every font of the
 * fontset to find average widths (1.4 M instructions a call); the ascent
 * and descent it returns are the font's horizontal extents, which harfbuzz
 * gives directly for a font the cache has loaded anyway. */
int pdf_words_extents(struct pdf_words *w, const PangoFontDescription *fd, int bold, int italic,
		      int *ascent, int *descent)
{
	int slot = font_slot(w, fd, !!bold, !!italic, 1.0);
	if (slot < 0)
		return 0;
	hb_font_extents_t ext;
	if (!hb_font_get_h_extents(pango_font_get_hb_font(w->slot[slot].analysis.font), &ext))
		return 0;
	*ascent = ext.ascender;
	*descent = -ext.descender;
	return 1;
}

void pdf_words_shaped_lend(struct pdf_shaped *sh, struct pdf_block *b)
{
	for (int k = 0; k < sh->nlines; k++) {
		/* a run a line took whole is the line's (its node NULL) */
		GSList *runs = g_slist_remove_all(sh->lines[k].runs, NULL);
		b->shaped = g_slist_concat(b->shaped, runs);
		sh->lines[k].runs = NULL;
	}
	pdf_words_shaped_free(sh);
}

void pdf_words_shaped_free(struct pdf_shaped *sh)
{
	for (int k = 0; k < sh->nlines; k++)
		g_slist_free_full(g_slist_remove_all(sh->lines[k].runs, NULL), (GDestroyNotify)pango_glyph_item_free);
	free(sh->lines);
	free((void *)sh->attrs);
	memset(sh, 0, sizeof *sh);
}
