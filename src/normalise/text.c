/* text.c — character-level repairs before any pattern is matched.
 *
 * Homoglyphs: OCR and some PDF fonts give Cyrillic В, Х, А… or Greek Λ for
 * the Latin capitals that number sections ("В. Action taken") and letters
 * inside English words.  A Cyrillic or Greek letter is replaced when its word
 * also holds a Latin letter or when it stands alone (a section letter) in
 * a text with no word wholly in Cyrillic or Greek; such a word (a quoted
 * Russian title, a Russian text) is left alone.
 * Also removed: soft hyphens (U+00AD) and zero-width characters. */
#include <stdint.h>
#include <string.h>

#include "normalise/normalise.h"
#include "util/buf.h"
#include "util/swar.h"

struct homoglyph {
	const char *utf8;
	char latin;
};

static const struct homoglyph homoglyphs[] = {
	/* Cyrillic capitals */
	{"\xd0\x90", 'A'}, {"\xd0\x92", 'B'}, {"\xd0\x95", 'E'}, {"\xd0\x9a", 'K'}, {"\xd0\x9c", 'M'},
	{"\xd0\x9d", 'H'}, {"\xd0\x9e", 'O'}, {"\xd0\xa0", 'P'}, {"\xd0\xa1", 'C'}, {"\xd0\xa2", 'T'},
	{"\xd0\xa5", 'X'}, {"\xd0\x86", 'I'}, {"\xd0\x88", 'J'}, {"\xd0\x85", 'S'},
	/* Cyrillic small */
	{"\xd0\xb0", 'a'}, {"\xd0\xb5", 'e'}, {"\xd0\xbe", 'o'}, {"\xd1\x80", 'p'}, {"\xd1\x81", 'c'},
	{"\xd1\x83", 'y'}, {"\xd1\x85", 'x'}, {"\xd1\x96", 'i'}, {"\xd1\x98", 'j'}, {"\xd1\x95", 's'},
	/* Greek capitals; Λ is how one extractor read a roman "A." */
	{"\xce\x91", 'A'}, {"\xce\x92", 'B'}, {"\xce\x95", 'E'}, {"\xce\x96", 'Z'}, {"\xce\x97", 'H'},
	{"\xce\x99", 'I'}, {"\xce\x9a", 'K'}, {"\xce\x9c", 'M'}, {"\xce\x9d", 'N'}, {"\xce\x9f", 'O'},
	{"\xce\xa1", 'P'}, {"\xce\xa4", 'T'}, {"\xce\xa5", 'Y'}, {"\xce\xa7", 'X'}, {"\xce\x9b", 'A'},
	{"\xce\xbf", 'o'},
};

static int homoglyph_at(const char *s, char *latin)
{
	unsigned char c = (unsigned char)s[0];
	if (c != 0xd0 && c != 0xd1 && c != 0xce)
		return 0;
	for (size_t i = 0; i < sizeof homoglyphs / sizeof homoglyphs[0]; i++)
		if (!strncmp(s, homoglyphs[i].utf8, 2)) {
			*latin = homoglyphs[i].latin;
			return 2;
		}
	return 0;
}

/* Is s[0] the start of a Cyrillic or Greek letter (any, not only look-alikes)? */
static int foreign_letter(const char *s)
{
	unsigned char c = (unsigned char)s[0];
	return (c >= 0xce && c <= 0xd3) && ((unsigned char)s[1] & 0xc0) == 0x80;
}

static int latin_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does text hold a word of two letters or more wholly in Cyrillic or
 * Greek (a Russian text, a quoted title)?  Then a lone look-alike letter
 * is a word of that language ("с", "В" are Russian prepositions), not a
 * section letter. */
static bool has_foreign_word(const char *text)
{
	for (const char *p = text; *p;) {
		char l;
		size_t letters = 0;
		bool latin = false;
		while (*p && (latin_letter(*p) || homoglyph_at(p, &l) || foreign_letter(p))) {
			latin |= latin_letter(*p) != 0;
			p += latin_letter(*p) ? 1 : 2;
			letters++;
		}
		if (letters >= 2 && !latin)
			return true;
		if (!letters)
			p++;
	}
	return false;
}

/* Repair one word s[0..n): returns the number of replacements made.  A
 * word of one look-alike letter is replaced only when lone is set. */
static int repair_word(const char *s, size_t n, bool lone, struct buf *out)
{
	int latin = 0, foreign = 0, glyphs = 0;
	for (size_t i = 0; i < n;) {
		char l;
		if (latin_letter(s[i])) latin++, i++;
		else if (homoglyph_at(s + i, &l)) glyphs++, i += 2;
		else if (foreign_letter(s + i)) foreign++, i += 2;
		else i++;
	}
	bool replace = glyphs > 0 && foreign == 0 && (latin > 0 || (glyphs == 1 && lone));
	if (!replace) {
		buf_put(out, s, n);
		return 0;
	}
	for (size_t i = 0; i < n;) {
		char l;
		int k = homoglyph_at(s + i, &l);
		if (k) {
			buf_putc(out, l);
			i += (size_t)k;
		} else {
			buf_putc(out, s[i++]);
		}
	}
	return glyphs;
}

/* Whether the text holds anything this pass changes: a Greek or Cyrillic
 * letter, a soft hyphen, a zero-width character or a BOM.  Most UN text
 * has non-ASCII characters (curly quotes, dashes) and none of these, and
 * is then returned without a copy. */
static bool needs_repair(const unsigned char *p)
{
	size_t n = strlen((const char *)p);
	for (size_t i = 0; i < n; i++) {
		/* ASCII, eight bytes at a time */
		while (i + 8 <= n && !(swar_load(p + i) & SWAR_HIGHS))
			i += 8;
		if (i >= n)
			break;
		const unsigned char *c = p + i;
		if ((*c >= 0xce && *c <= 0xd3) || (c[0] == 0xc2 && c[1] == 0xad) ||
		    (c[0] == 0xe2 && c[1] == 0x80 && c[2] >= 0x8b && c[2] <= 0x8d) ||
		    (c[0] == 0xef && c[1] == 0xbb && c[2] == 0xbf))
			return true;
	}
	return false;
}

static char *repair_text(struct document *doc, struct block *blk, const char *text)
{
	/* every repair concerns a non-ASCII character: plain ASCII text is
	 * returned as it is without being copied */
	if (!needs_repair((const unsigned char *)text))
		return (char *)text;
	struct buf out = BUF_INIT;
	int fixed = 0, removed = 0;
	bool lone = !has_foreign_word(text);
	const char *p = text;
	while (*p) {
		/* soft hyphen U+00AD, zero width space/joiners U+200B–U+200D, BOM */
		if (!strncmp(p, "\xc2\xad", 2)) { p += 2; removed++; continue; }
		if (!strncmp(p, "\xe2\x80\x8b", 3) || !strncmp(p, "\xe2\x80\x8c", 3) ||
		    !strncmp(p, "\xe2\x80\x8d", 3) || !strncmp(p, "\xef\xbb\xbf", 3)) {
			p += 3;
			removed++;
			continue;
		}
		char l;
		if (latin_letter(*p) || homoglyph_at(p, &l) || foreign_letter(p)) {
			const char *w = p;
			while (*p && (latin_letter(*p) || homoglyph_at(p, &l) || foreign_letter(p)))
				p += latin_letter(*p) ? 1 : 2;
			fixed += repair_word(w, (size_t)(p - w), lone, &out);
			continue;
		}
		buf_putc(&out, *p++);
	}
	if (fixed)
		diag_note(doc->diag, blk->line, "text", "replaced %d Cyrillic/Greek look-alike letter%s",
			  fixed, fixed == 1 ? "" : "s");
	if (!fixed && !removed) {
		buf_free(&out);
		return (char *)text;
	}
	char *s = arena_strndup(&doc->arena, buf_cstr(&out), out.len);
	buf_free(&out);
	return s;
}

void pass_text(struct document *doc)
{
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *blk = DOC_BLOCK(doc, i);
		if (blk->text)
			blk->text = repair_text(doc, blk, blk->text);
	}
}
