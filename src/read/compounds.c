/* read/compounds.c — hyphenated compounds by their letters (compounds.h).
 *
 * pdftotext joins two printed lines into one where the first ended with
 * a hyphen, and drops the hyphen: in a Russian resolution printed by us
 * and read back, "государства-члены" broken at its hyphen comes out as
 * "государствачлены", "Аддис-" / "Абебской" as "АддисАбебской" (67
 * words in 108 files), and on a title's short line as much as on a full
 * one.  The English word list cannot tell such a word from a real one;
 * the document can: it writes the compound with its hyphen elsewhere
 * (the UN's Russian spelling of a compound does not vary).  A compound
 * is found by its letters alone, its hyphens skipped. */
#include "read/compounds.h"

#include <stdint.h>
#include <string.h>

#include "doc/unlang.h"
#include "util/arena.h"
#include "util/buf.h"

struct entry {
	const char *s;		/* the compound as written, in a source line */
	unsigned len;
	uint32_t hash;		/* of its letters, hyphens skipped */
};

struct compounds {
	struct entry *slots;	/* s == NULL: empty */
	size_t cap;		/* a power of two */
};

/* The bytes of a hyphen at s[i] (-, U+2010, U+2011), else 0. */
static size_t hyphen_at(const char *s, size_t i, size_t n)
{
	if (s[i] == '-')
		return 1;
	if (i + 3 <= n && !memcmp(s + i, "\xe2\x80", 2) && ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91))
		return 3;
	return 0;
}

/* FNV-1a of the letters of s[0..n), its hyphens skipped. */
static uint32_t letters_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n;) {
		size_t m = hyphen_at(s, i, n);
		if (m) {
			i += m;
			continue;
		}
		h = (h ^ (unsigned char)s[i++]) * 16777619u;
	}
	return h;
}

/* Are the letters of a[0..an) those of b[0..bn), hyphens skipped? */
static bool letters_equal(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, k = 0;
	for (;;) {
		while (i < an && hyphen_at(a, i, an))
			i += hyphen_at(a, i, an);
		while (k < bn && hyphen_at(b, k, bn))
			k += hyphen_at(b, k, bn);
		if (i == an || k == bn)
			return i == an && k == bn;
		if (a[i++] != b[k++])
			return false;
	}
}

/* The word at s[i] (letters of any script, inner hyphens): its end;
 * *hyphens: how many it holds, *wide: whether a letter is not ASCII. */
static size_t word_end(const char *s, size_t i, size_t n, unsigned *hyphens, bool *wide)
{
	size_t len, m;
	*hyphens = 0;
	*wide = false;
	while (i < n) {
		if (un_is_letter(s + i, n - i, &len)) {
			*wide = *wide || len > 1;
			i += len;
		} else if ((m = hyphen_at(s, i, n)) && i + m < n && un_is_letter(s + i + m, n - i - m, &len)) {
			i += m;
			++*hyphens;
		} else {
			break;
		}
	}
	return i;
}

/* Counts the words of l with a hyphen and a letter outside ASCII, and
 * with add files them in c. */
static size_t scan(const struct pline *l, struct compounds *c, bool add)
{
	size_t found = 0, len;
	for (size_t i = 0; i < l->len;) {
		if (!un_is_letter(l->s + i, l->len - i, &len)) {
			i++;
			continue;
		}
		unsigned hyphens;
		bool wide;
		size_t end = word_end(l->s, i, l->len, &hyphens, &wide);
		if (hyphens && wide) {
			found++;
			if (add) {
				uint32_t h = letters_hash(l->s + i, end - i);
				size_t k = h & (c->cap - 1);
				while (c->slots[k].s && !(c->slots[k].hash == h &&
							  letters_equal(c->slots[k].s, c->slots[k].len, l->s + i, end - i)))
					k = (k + 1) & (c->cap - 1);
				if (!c->slots[k].s)
					c->slots[k] = (struct entry){l->s + i, (unsigned)(end - i), h};
			}
		}
		i = end;
	}
	return found;
}

struct compounds *compounds_build(struct pagemodel *pm)
{
	struct arena *A = &pm->doc->arena;
	struct compounds *c = arena_zalloc(A, sizeof *c);
	size_t n = 0;
	for (size_t i = 0; i < pm->nlines; i++)
		if (pm->lines[i].kind == PL_TEXT || pm->lines[i].kind == PL_NOTE)
			n += scan(&pm->lines[i], c, false);
	for (c->cap = 16; c->cap < 2 * n + 16;)
		c->cap *= 2;
	c->slots = arena_zalloc(A, c->cap * sizeof *c->slots);
	for (size_t i = 0; n && i < pm->nlines; i++)
		if (pm->lines[i].kind == PL_TEXT || pm->lines[i].kind == PL_NOTE)
			scan(&pm->lines[i], c, true);
	return c;
}

/* The compound whose letters are s[0..n), or NULL. */
static const struct entry *lookup(const struct compounds *c, const char *s, size_t n)
{
	uint32_t h = letters_hash(s, n);
	for (size_t k = h & (c->cap - 1); c->slots[k].s; k = (k + 1) & (c->cap - 1))
		if (c->slots[k].hash == h && letters_equal(c->slots[k].s, c->slots[k].len, s, n))
			return &c->slots[k];
	return NULL;
}

const char *compounds_restore(const struct compounds *c, struct arena *A, const char *s, size_t n, size_t *len)
{
	struct buf out = BUF_INIT;
	size_t copied = 0, l;
	for (size_t i = 0; i < n;) {
		if (!un_is_letter(s + i, n - i, &l)) {
			i++;
			continue;
		}
		unsigned hyphens;
		bool wide;
		size_t end = word_end(s, i, n, &hyphens, &wide);
		const struct entry *e = !hyphens && wide && end - i >= 8 ? lookup(c, s + i, end - i) : NULL;
		if (e) {
			buf_put(&out, s + copied, i - copied);
			buf_put(&out, e->s, e->len);
			copied = end;
		}
		i = end;
	}
	if (!copied) {
		buf_free(&out);
		return s;
	}
	buf_put(&out, s + copied, n - copied);
	*len = out.len;
	const char *r = arena_strndup(A, buf_cstr(&out), out.len);
	buf_free(&out);
	return r;
}

bool compounds_has(const struct compounds *c, const char *a, size_t an, const char *b, size_t bn)
{
	char joined[256];
	if (!an || !bn || an + bn > sizeof joined)
		return false;
	memcpy(joined, a, an);
	memcpy(joined + an, b, bn);
	return lookup(c, joined, an + bn) != NULL;
}
