/* tests/unit/unit.c — the unit tests' harness (see unit.h). */
#include "unit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/xmalloc.h"

static struct arena scratch;
struct arena *unit_arena = &scratch;
static const char *module = "unit";
static unsigned cases, failures, skips;

void unit_begin(const char *name)
{
	arena_init(&scratch);
	module = name;
	/* the lines must come out in order with what the program under
	 * test writes to stderr (a sanitizer's report) */
	setvbuf(stdout, NULL, _IOLBF, 0);
}

int unit_end(void)
{
	/* t_unit.sh looks for this line: without it the program died */
	printf("# %s: %u cases, %u failed, %u skipped\n", module, cases, failures, skips);
	fflush(stdout);
	arena_free(&scratch);
	return failures ? 1 : 0;
}

/* The markup bytes and their names in the notation. */
static const struct {
	char byte;
	const char *token;
} tokens[] = {
	{MK_EM_OPEN, "{em}"},     {MK_EM_CLOSE, "{/em}"},   {MK_STRONG_OPEN, "{b}"}, {MK_STRONG_CLOSE, "{/b}"},
	{MK_SUP_OPEN, "{sup}"},   {MK_SUP_CLOSE, "{/sup}"}, {MK_LINK_OPEN, "{link}"}, {MK_LINK_MID, "{mid}"},
	{MK_LINK_CLOSE, "{/link}"}, {MK_NOTE, "{note}"},    {MK_NOTE_END, "{/note}"}, {MK_BREAK, "{br}"},
};

/* The length of the valid UTF-8 character at s (n bytes there), 0 if the
 * bytes are not one.  The harness's own, so that a broken util/utf8.c
 * cannot garble the messages that report it. */
static size_t utf8_char(const unsigned char *s, size_t n)
{
	size_t len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (!len || len > n || s[0] > 0xf4)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* s[0..n) escaped into b. */
static void escape(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = u[i];
		const char *token = NULL;
		for (size_t k = 0; k < sizeof tokens / sizeof tokens[0] && !token; k++)
			if (tokens[k].byte == (char)c)
				token = tokens[k].token;
		size_t len;
		if (token)
			buf_puts(b, token);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c == '\f')
			buf_puts(b, "\\f");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else if (c < 0x80)
			buf_putc(b, (char)c);
		else if ((len = utf8_char(u + i, n - i))) {
			buf_put(b, s + i, len);
			i += len - 1;
		} else {
			buf_printf(b, "\\x%02x", c);
		}
	}
}

const char *unit_qn(const char *s, size_t n)
{
	if (!s)
		return "NULL";
	struct buf b = BUF_INIT;
	buf_putc(&b, '"');
	escape(&b, s, n);
	buf_putc(&b, '"');
	char *out = arena_strndup(&scratch, b.data, b.len);
	buf_free(&b);
	return out;
}

const char *unit_q(const char *s)
{
	return s ? unit_qn(s, strlen(s)) : "NULL";
}

const char *unit_fmt(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *out = arena_alloc(&scratch, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(out, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return out;
}

char *unit_mk(const char *notation)
{
	size_t n = strlen(notation);
	char *out = arena_alloc(&scratch, n + 1), *o = out;
	for (const char *p = notation; *p;) {
		size_t k = 0;
		if (*p == '{')
			while (k < sizeof tokens / sizeof tokens[0] && strncmp(p, tokens[k].token, strlen(tokens[k].token)))
				k++;
		if (*p == '{' && k < sizeof tokens / sizeof tokens[0]) {
			*o++ = tokens[k].byte;
			p += strlen(tokens[k].token);
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

/* A value of several lines, each indented under its label. */
static void print_lines(const char *label, const char *text)
{
	printf("    %s\n", label);
	if (!text) {
		printf("      NULL\n");
		return;
	}
	if (!*text)
		printf("      (nothing)\n");
	for (const char *p = text; *p;) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		printf("      %.*s\n", (int)n, p);
		p += n + (eol ? 1 : 0);
	}
}

/* The ok / not ok line; on failure where the check is (file:line), the input, and what was expected and
 * what was got (already shown as text). */
static bool report(const char *file, int line, bool ok, const char *name, const char *input, const char *want,
		   const char *got, bool lines)
{
	cases++;
	if (ok) {
		printf("ok - %s: %s\n", module, name);
		return true;
	}
	failures++;
	printf("not ok - %s: %s\n", module, name);
	printf("    at %s:%d\n", file, line);
	if (lines) {
		print_lines("input:", input);
		print_lines("expected:", want);
		print_lines("got:", got);
	} else {
		printf("    input:    %s\n", input ? input : "(none)");
		printf("    expected: %s\n", want);
		printf("    got:      %s\n", got);
	}
	return false;
}

bool unit_str_at(const char *file, int line, const char *name, const char *input, const char *want, const char *got)
{
	bool ok = want && got ? !strcmp(want, got) : want == got;
	return report(file, line, ok, name, input, unit_q(want), unit_q(got), false);
}

bool unit_int_at(const char *file, int line, const char *name, const char *input, long long want, long long got)
{
	return report(file, line, want == got, name, input, unit_fmt("%lld", want), unit_fmt("%lld", got), false);
}

bool unit_bool_at(const char *file, int line, const char *name, const char *input, bool want, bool got)
{
	return report(file, line, want == got, name, input, want ? "true" : "false", got ? "true" : "false", false);
}

bool unit_has_at(const char *file, int line, const char *name, const char *input, const char *want, const char *got)
{
	bool ok = want && got && strstr(got, want);
	return report(file, line, ok, name, input, unit_fmt("a text holding %s", unit_q(want)), unit_q(got), false);
}

bool unit_lines_at(const char *file, int line, const char *name, const char *input, const char *want, const char *got)
{
	bool ok = want && got ? !strcmp(want, got) : want == got;
	return report(file, line, ok, name, input, want, got, true);
}

void unit_skip_at(const char *file, int line, const char *name, const char *why)
{
	skips++;
	printf("skip - %s: %s (%s) at %s:%d\n", module, name, why, file, line);
}

/* What a hand-built document's passes said. */
struct unit_said {
	struct buf text;
};

static void collect(void *ctx, enum diag_level level, int line, const char *pass, const char *msg)
{
	static const char *const levels[] = {"note", "warning", "error"};
	struct unit_said *said = ctx;
	buf_printf(&said->text, "%s %d [%s] %s\n", levels[level], line, pass, msg);
}

struct document *unit_doc(struct unit_doc *u)
{
	diag_init(&u->diag, "unit.txt", 2);
	u->diag.stream = NULL;
	u->said = xmalloc(sizeof *u->said);
	u->said->text = (struct buf)BUF_INIT;
	u->diag.collect = collect;
	u->diag.collect_ctx = u->said;
	document_init(&u->doc, "unit.txt", &u->diag);
	return &u->doc;
}

struct block *unit_block(struct document *doc, enum block_kind kind, const char *notation)
{
	int line = doc->blocks.len ? DOC_BLOCK(doc, doc->blocks.len - 1)->end_line + 1 : 1;
	struct block *b = document_add_block(doc, kind, line);
	if (notation)
		b->text = arena_strdup(&doc->arena, unit_mk(notation));
	return b;
}

void unit_source(struct document *doc, const char *text)
{
	doc->source_len = strlen(text);
	doc->source = arena_strndup(&doc->arena, text, doc->source_len);
}

static const char *const role_names[] = {
	"body", "dropped", "footnote-def", "cover", "title", "subtitle", "chapter", "section", "subsection",
	"crossheading", "resolution", "decision", "annex", "instrument-title", "formula", "preamble",
	"paragraph", "point", "conclusions", "signature", "table",
};

const char *unit_blocks(const struct document *doc)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < doc->blocks.len; i++) {
		const struct block *blk = DOC_BLOCK(doc, i);
		if ((size_t)blk->role < sizeof role_names / sizeof role_names[0])
			buf_puts(&b, role_names[blk->role]);
		else
			buf_printf(&b, "role%d", (int)blk->role);
		if (blk->kind == BLOCK_HEADING)
			buf_puts(&b, " (heading)");
		if (blk->num)
			buf_printf(&b, " %s", unit_q(blk->num));
		if (blk->depth)
			buf_printf(&b, " depth=%d", blk->depth);
		if (blk->name)
			buf_printf(&b, " name=%s", unit_q(blk->name));
		if (blk->page_break)
			buf_puts(&b, " page-break");
		buf_putc(&b, '|');
		if (blk->text)
			escape(&b, blk->text, strlen(blk->text));
		buf_putc(&b, '\n');
	}
	if (b.len)
		b.data[--b.len] = '\0';	/* no newline after the last */
	char *out = arena_strndup(&scratch, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

const char *unit_said(const struct unit_doc *u)
{
	const struct buf *t = &u->said->text;
	return arena_strndup(&scratch, t->data ? t->data : "", t->len);
}

void unit_doc_free(struct unit_doc *u)
{
	document_free(&u->doc);
	buf_free(&u->said->text);
	free(u->said);
}
