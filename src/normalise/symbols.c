/* symbols.c — every UN document symbol becomes a reference.
 *
 * Symbols (CTOC/COP/2022/9, A/CONF.192/15, A/60/88/Corr.2, the joint
 * CTOC/COP/WG.2/2022/4-CTOC/COP/WG.3/2022/4) link to their canonical
 * address https://undocs.org/en/SYMBOL, in the text's language (a joint symbol
 * to its first part).
 * Named decisions of the principal organs have symbols too: "General
 * Assembly resolution 76/185" is A/RES/76/185, "Economic and Social Council
 * resolution 2013/38" is E/RES/2013/38, "Security Council resolution 2482
 * (2019)" is S/RES/2482(2019), "General Assembly decision 60/519" is
 * A/DEC/60/519.  A pinpoint that follows a symbol (", para. 9",
 * ", paras. 7 and 10") stays inside the reference.
 *
 * A body's own resolutions ("its resolution 10/6", "Conference resolution
 * 9/1") have no symbol of their own: they become Akoma Ntoso IRIs,
 * /akn/un/statement/{resolution|decision}/{body}/{10-6}, which the site
 * resolves when the corpus holds the text and the HTML shows as plain text
 * otherwise.  A resolution of another body ("Commission on … resolution
 * 31/1") is never taken for the body's own. */
#include <ctype.h>
#include <string.h>

#include "util/lang.h"
#include "normalise/normalise.h"
#include "doc/markup.h"
#include "doc/un.h"
#include "util/buf.h"

struct organ {
	const char *name;
	const char *prefix;	/* series of its resolutions */
};

static const struct organ organs[] = {
	{"General Assembly", "A"},
	{"Economic and Social Council", "E"},
	{"Security Council", "S"},
	/* the body's own: prefix NULL, an AKN IRI instead of a symbol */
	{"its", NULL},
	{"Conference", NULL},
	{"Conference of the Parties", NULL},
};

/* The symbol series of a principal organ's own resolutions, when body is
 * one (General Assembly → A), else NULL. */
static const char *organ_series(const char *body)
{
	for (size_t o = 0; body && o < sizeof organs / sizeof organs[0]; o++)
		if (organs[o].prefix && !strcmp(body, organs[o].name))
			return organs[o].prefix;
	return NULL;
}

/* "Conference of the Parties to the United Nations Convention against
 * Transnational Organized Crime" → "cpunctoc": the initials of its
 * capitalised words, a stable name for the body in IRIs. */
static char *body_code(struct arena *A, const char *body)
{
	if (!body)
		return arena_strdup(A, "un");
	char code[32];
	size_t n = 0;
	for (const char *p = body; *p && n + 1 < sizeof code; p++)
		if ((p == body || p[-1] == ' ') && isupper((unsigned char)*p))
			code[n++] = (char)tolower((unsigned char)*p);
	code[n] = '\0';
	return arena_strdup(A, n ? code : "un");
}

/* ", para. 9", ", paras. 7 and 10", ", paras. 2–4", ", para. 9 (a)" */
static size_t pinpoint(const char *s)
{
	const char *p = s;
	if (*p != ',')
		return 0;
	p++;
	while (*p == ' ') p++;
	if (starts_with(p, "paras. ")) p += 7;
	else if (starts_with(p, "para. ")) p += 6;
	else return 0;
	const char *last = p;
	for (;;) {
		if (!isdigit((unsigned char)*p))
			break;
		while (isdigit((unsigned char)*p)) p++;
		last = p;
		if (p[0] == ' ' && p[1] == '(' && islower((unsigned char)p[2]) && p[3] == ')') { p += 4; last = p; }
		if (starts_with(p, " and ")) p += 5;
		else if (starts_with(p, ", ")) p += 2;
		else if (*p == '-') p += 1;
		else if (starts_with(p, "\xe2\x80\x93")) p += 3;
		else break;
	}
	return (size_t)(last - s);
}

static void put_link(struct buf *out, const char *href, const char *text, size_t n)
{
	buf_putc(out, MK_LINK_OPEN);
	buf_puts(out, href);
	buf_putc(out, MK_LINK_MID);
	buf_put(out, text, n);
	buf_putc(out, MK_LINK_CLOSE);
}

/* "resolution 76/185" or "resolutions 66/180 … and 68/186" after an organ. */
static size_t organ_resolutions(struct arena *A, const char *s, const char *body, const char *undocs,
				struct buf *out, int *count)
{
	/* longest organ name first: "Conference of the Parties" before "Conference" */
	for (size_t o = sizeof organs / sizeof organs[0]; o-- > 0;) {
		size_t on = strlen(organs[o].name);
		if (strncmp(s, organs[o].name, on) || s[on] != ' ')
			continue;
		const char *p = s + on + 1;
		const char *kind = NULL;
		if (starts_with(p, "resolutions ")) kind = "RES", p += 12;
		else if (starts_with(p, "resolution ")) kind = "RES", p += 11;
		else if (starts_with(p, "decisions ")) kind = "DEC", p += 10;
		else if (starts_with(p, "decision ")) kind = "DEC", p += 9;
		if (!kind || !isdigit((unsigned char)*p))
			return 0;
		buf_put(out, s, (size_t)(p - s));
		/* a list: "66/180 of 19 December 2011 and 68/186 of …" — link each
		 * number that has the N/N (or Security Council N (YYYY)) form */
		for (int items = 0; items < 12; items++) {
			const char *q = p;
			while (isdigit((unsigned char)*q)) q++;
			size_t numlen = 0;
			char *sym = NULL;
			if (*q == '/' && isdigit((unsigned char)q[1])) {
				q++;
				while (isdigit((unsigned char)*q)) q++;
				numlen = (size_t)(q - p);
				if (organs[o].prefix)
					sym = arena_printf(A, "%s/%s/%.*s", organs[o].prefix, kind, (int)numlen, p);
				else if (organ_series(body)) {
					/* "its resolution 69/196" in a General Assembly text */
					sym = arena_printf(A, "%s/%s/%.*s", organ_series(body), kind, (int)numlen, p);
				} else {
					char *num = arena_strndup(A, p, numlen);
					for (char *d = num; *d; d++)
						if (*d == '/')
							*d = '-';
					sym = arena_printf(A, "/akn/un/statement/%s/%s/%s",
							   kind[0] == 'R' ? "resolution" : "decision", body_code(A, body), num);
				}
			} else if (organs[o].prefix && organs[o].prefix[0] == 'S' && q[0] == ' ' && q[1] == '(' && isdigit((unsigned char)q[2])) {
				const char *y = q + 2;
				while (isdigit((unsigned char)*y)) y++;
				if (*y != ')')
					break;
				numlen = (size_t)(y + 1 - p);
				sym = arena_printf(A, "S/RES/%.*s(%.*s)", (int)(q - p), p, (int)(y - q - 2), q + 2);
			}
			if (!sym)
				break;
			put_link(out, sym[0] == '/' ? sym : arena_printf(A, "%s%s", undocs, sym), p, numlen);
			(*count)++;
			p += numlen;
			/* continue the list: skip " of 19 December 2011" and ", " / " and " */
			const char *r = p;
			if (starts_with(r, " of ")) {
				const char *ds;
				size_t dl;
				if (un_find_date(A, r + 4, &ds, &dl) && ds == r + 4)
					r += 4 + dl;
			}
			/* ", entitled “…”," between the items of a list */
			if (starts_with(r, ", entitled ")) {
				const char *q2 = r + 11;
				const char *close = NULL;
				if (starts_with(q2, "\xe2\x80\x9c"))
					close = strstr(q2 + 3, "\xe2\x80\x9d");
				else if (*q2 == '"')
					close = strchr(q2 + 1, '"');
				if (close) {
					r = close + (*close == '"' ? 1 : 3);
					if (*r == ',')
						r++;
					if (starts_with(r, " and ") || starts_with(r, " ")) {
						const char *after = starts_with(r, " and ") ? r + 5 : r + 1;
						if (isdigit((unsigned char)*after) && strchr(after, '/') &&
						    (size_t)(strchr(after, '/') - after) <= 4) {
							buf_put(out, p, (size_t)(after - p));
							p = after;
							continue;
						}
					}
					r = p;
				}
			}
			if (starts_with(r, " and ") && isdigit((unsigned char)r[5])) {
				buf_put(out, p, (size_t)(r + 5 - p));
				p = r + 5;
				continue;
			}
			if (starts_with(r, ", ") && isdigit((unsigned char)r[2])) {
				buf_put(out, p, (size_t)(r + 2 - p));
				p = r + 2;
				continue;
			}
			break;
		}
		return (size_t)(p - s);
	}
	return 0;
}

/* "www.un.org/en/ga/sixth/", "https://…" at t: its length without the
 * punctuation that ends the sentence around it, 0 if none. */
static size_t web_address(const char *t)
{
	if (strncmp(t, "www.", 4) && strncmp(t, "http://", 7) && strncmp(t, "https://", 8))
		return 0;
	size_t n = 0;
	while (t[n] && t[n] != ' ' && t[n] != '\n' && (unsigned char)t[n] >= 0x21 && t[n] != '<' && t[n] != '"')
		n++;
	while (n && strchr(".,;:)]'", t[n - 1]))
		n--;
	/* a host with a dot after "www." */
	if (!strncmp(t, "www.", 4) && !memchr(t + 4, '.', n > 4 ? n - 4 : 0))
		return 0;
	return n > 8 ? n : 0;
}

static char *link_text(struct document *doc, const char *undocs, const char *t, int line)
{
	/* every symbol and every "resolution 76/185" holds a slash; only the
	 * Security Council's "2482 (2019)" does not */
	if (!strchr(t, '/') && !strstr(t, "Security Council") && !strstr(t, "www."))
		return (char *)t;
	struct arena *A = &doc->arena;
	struct buf out = BUF_INIT;
	int count = 0;
	size_t n = strlen(t);
	for (size_t i = 0; i < n;) {
		char c = t[i];
		/* leave existing links and note references alone */
		if (c == MK_LINK_OPEN || c == MK_NOTE) {
			const char *end = strchr(t + i, c == MK_LINK_OPEN ? MK_LINK_CLOSE : MK_NOTE_END);
			size_t len = end ? (size_t)(end - (t + i)) + 1 : n - i;
			buf_put(&out, t + i, len);
			i += len;
			continue;
		}
		size_t len;
		if (isupper((unsigned char)c) && un_symbol_match(t, i, &len)) {
			size_t first = len;
			for (size_t k = 0; k < len; k++)
				if (t[i + k] == '-' || (unsigned char)t[i + k] == 0xe2) { first = k; break; }
			size_t pin = pinpoint(t + i + len);
			put_link(&out, arena_printf(A, "%s%.*s", undocs, (int)first, t + i), t + i, len + pin);
			count++;
			i += len + pin;
			continue;
		}
		if ((c == 'w' || c == 'h') && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '(' || t[i - 1] == '\n') &&
		    (len = web_address(t + i))) {
			/* "www.un.org/en/ga/sixth/": a web address (AKN4UN links them) */
			put_link(&out, t[i] == 'w' ? arena_printf(A, "https://%.*s", (int)len, t + i)
						   : arena_strndup(A, t + i, len), t + i, len);
			count++;
			i += len;
			continue;
		}
		if ((c == 'G' || c == 'E' || c == 'S' || c == 'i' || c == 'C') &&
		    (i == 0 || !isalnum((unsigned char)t[i - 1]))) {
			size_t used = organ_resolutions(A, t + i, doc->meta.body, undocs, &out, &count);
			if (used) {
				i += used;
				continue;
			}
		}
		/* copy up to the next character that could start a reference */
		size_t j = i + 1;
		while (j < n && !isupper((unsigned char)t[j]) && t[j] != 'i' && t[j] != 'w' && t[j] != 'h' &&
		       t[j] != MK_LINK_OPEN && t[j] != MK_NOTE)
			j++;
		buf_put(&out, t + i, j - i);
		i = j;
	}
	char *result = count ? arena_strndup(A, buf_cstr(&out), out.len) : (char *)t;
	if (count)
		diag_note(doc->diag, line, "symbols", "linked %d reference%s", count, count == 1 ? "" : "s");
	buf_free(&out);
	return result;
}

void pass_symbols(struct document *doc)
{
	/* undocs.org serves a symbol in the language its address names, as
	 * the UN's own markup links it: "https://undocs.org/en/A/RES/76/185";
	 * a text in another language links to the page that picks one */
	const char *step = lang_undocs_step(doc->meta.lang);
	const char *undocs = step ? arena_printf(&doc->arena, "https://undocs.org/%s/", step) : "https://undocs.org/";
	for (size_t i = 0; i < doc->blocks.len; i++) {
		struct block *b = DOC_BLOCK(doc, i);
		if (b->text && b->role != ROLE_DROPPED && b->role != ROLE_FOOTNOTE_DEF && b->role != ROLE_COVER &&
		    b->role != ROLE_TITLE)
			b->text = link_text(doc, undocs, b->text, b->line);
	}
	for (size_t i = 0; i < doc->notes.len; i++) {
		struct note *n = DOC_NOTE(doc, i);
		if (n->text)
			n->text = link_text(doc, undocs, n->text, n->def_line);
	}
	/* the committee line cites its report ("(A/75/478, para. 10)") */
	if (doc->meta.proponent)
		doc->meta.proponent = link_text(doc, undocs, doc->meta.proponent, 0);
}
