/* identity.c — who the document is, in the order DESIGN.md §2 gives:
 * its own text (the metadata pass), then a sidecar NAME.meta the user wrote
 * beside the input ("key: value" lines: symbol, title, date, type,
 * language), then the input's file name when it spells a symbol
 * (CTOC_COP_2022_9.txt).  The sidecar states facts the text lacks; where the
 * text has the fact too, the text wins and a disagreement is reported.
 * Finally the slug (util/outname.c): the symbol with "/" as "-", else the file
 * name; whether it may name files is decided where they are written. */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise/normalise.h"
#include "doc/un.h"
#include "util/outname.h"
#include "util/buf.h"
#include "util/readfile.h"
#include "util/utf8.h"

static char *trim(char *s)
{
	while (isspace((unsigned char)*s)) s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
	return s;
}

static void set_field(struct document *doc, char **field, const char *value, const char *key,
		      int line, const char *sidecar)
{
	if (*field && strcmp(*field, value)) {
		diag_warn(doc->diag, line, "identity", "%s: the text says %s '%s'; keeping it over '%s'",
			  sidecar, key, *field, value);
		return;
	}
	*field = arena_strdup(&doc->arena, value);
}

/* "2022-11-08": four digits, a month and a day that the month has. */
static bool iso_date(const char *s)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int year = atoi(s), month = atoi(s + 5), day = atoi(s + 8);
	bool leap = (year % 4 == 0 && year % 100) || year % 400 == 0;
	return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
	       day <= days[month - 1] - (month == 2 && !leap);
}

/* A document type as AKN names one: a word of letters (it becomes an
 * element's name attribute and a part of the FRBR URIs). */
static bool type_word(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!isalpha((unsigned char)*s))
			return false;
	return true;
}

/* A sidecar is a few lines the user wrote: more is not one. */
#define SIDECAR_MAX ((size_t)64 << 10)

static void read_sidecar(struct document *doc)
{
	struct doc_meta *m = &doc->meta;
	if (read_is_stdin(doc->path))
		return;
	const char *dot = strrchr(doc->path, '.');
	const char *slash = strrchr(doc->path, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - doc->path) : strlen(doc->path);
	char *path = arena_printf(&doc->arena, "%.*s.meta", (int)stem, doc->path);
	struct buf bytes = BUF_INIT;
	const char *why;
	if (read_bounded(path, SIDECAR_MAX, 0, &bytes, &why) != 0) {
		/* none is the usual case; one that is there but cannot be
		 * used would leave the document without the identity it gives */
		if (errno == EFBIG)
			diag_warn(doc->diag, 0, "identity", "%s: ignored: larger than %s, not a sidecar",
				  path, read_size_text(SIDECAR_MAX));
		else if (errno != ENOENT && errno != ENOTDIR)
			diag_warn(doc->diag, 0, "identity", "%s: ignored: %s", path, why);
		buf_free(&bytes);
		return;
	}
	/* one line at a time, each cleaned of what cannot stand in XML or a
	 * name (controls, noncharacters, bytes that are not UTF-8) */
	int lineno = 0;
	for (char *next = bytes.data; next && next < bytes.data + bytes.len;) {
		char *line = next, *nl = memchr(line, '\n', (size_t)(bytes.data + bytes.len - line));
		size_t line_len = nl ? (size_t)(nl - line) : (size_t)(bytes.data + bytes.len - line);
		next = nl ? nl + 1 : NULL;
		lineno++;
		if (lineno == 1 && line_len >= 3 && !memcmp(line, "\xef\xbb\xbf", 3))
			line += 3, line_len -= 3;	/* a byte order mark */
		size_t changed;
		char *s = trim(text_clean(&doc->arena, line, line_len, TEXT_ONE_LINE, &changed));
		if (changed)
			diag_warn(doc->diag, 0, "identity", "%s:%d: %zu control characters, noncharacters or "
				  "bytes that are not UTF-8 removed or replaced", path, lineno, changed);
		if (!*s || *s == '#')
			continue;
		char *colon = strchr(s, ':');
		if (!colon) {
			diag_warn(doc->diag, 0, "identity", "%s:%d: not a 'key: value' line", path, lineno);
			continue;
		}
		*colon = '\0';
		char *key = trim(s), *value = trim(colon + 1);
		if (!*value) {
			diag_warn(doc->diag, 0, "identity", "%s:%d: '%s' has no value: ignored", path, lineno, key);
			continue;
		}
		if (!strcmp(key, "symbol")) set_field(doc, &m->symbol, value, key, lineno, path);
		else if (!strcmp(key, "title")) set_field(doc, &m->title, value, key, lineno, path);
		else if (!strcmp(key, "type")) {
			if (type_word(value))
				m->type = arena_strdup(&doc->arena, value);
			else
				diag_warn(doc->diag, 0, "identity", "%s:%d: the type '%s' is not one word of letters "
					  "(resolution, report, …): ignored", path, lineno, value);
		} else if (!strcmp(key, "language")) set_field(doc, &m->language, value, key, lineno, path);
		else if (!strcmp(key, "date")) {
			char *iso = un_date_to_iso(&doc->arena, value);
			if (!iso && iso_date(value))
				iso = arena_strdup(&doc->arena, value);
			if (!iso) {
				diag_warn(doc->diag, 0, "identity", "%s:%d: cannot read the date '%s'", path, lineno, value);
				continue;
			}
			if (!m->date_iso) {
				m->date_iso = iso;
				if (!m->date_text)
					m->date_text = arena_strdup(&doc->arena, value);
			}
		} else
			diag_warn(doc->diag, 0, "identity", "%s:%d: unknown key '%s'", path, lineno, key);
	}
	buf_free(&bytes);
}

/* CTOC_COP_2022_9.txt → CTOC/COP/2022/9, when the result is a symbol. */
static void symbol_from_file_name(struct document *doc)
{
	const char *base = strrchr(doc->path, '/');
	base = base ? base + 1 : doc->path;
	const char *dot = strrchr(base, '.');
	size_t n = dot ? (size_t)(dot - base) : strlen(base);
	char *s = arena_strndup(&doc->arena, base, n);
	for (char *p = s; *p; p++)
		if (*p == '_')
			*p = '/';
	size_t len = 0;
	if (un_symbol_match(s, 0, &len) && len == strlen(s))
		doc->meta.symbol = s;
}

void pass_identity(struct document *doc)
{
	struct doc_meta *m = &doc->meta;
	bool from_text = m->symbol != NULL;
	read_sidecar(doc);
	m->slug_from = from_text ? "text" : m->symbol ? "sidecar" : "file name";
	if (!m->symbol)
		symbol_from_file_name(doc);
	if (!m->type)
		m->type = "document";
	char *slug = m->symbol ? outname_of_symbol(m->symbol) : outname_of_file(doc->path);
	m->slug = arena_strdup(&doc->arena, slug);
	free(slug);
}
