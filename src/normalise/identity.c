/* identity.c — who the document is, in the order DESIGN.md §2 gives:
 * its own text (the metadata pass), then a sidecar NAME.meta the user wrote
 * beside the input ("key: value" lines: symbol, title, date, type,
 * language), then the input's file name when it spells a symbol
 * (CTOC_COP_2022_9.txt).  The sidecar states facts the text lacks; where the
 * text has the fact too, the text wins and a disagreement is reported.
 * Finally the slug: the symbol with "/" as "-", else the file name. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalise.h"
#include "normalise/util.h"

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

static void read_sidecar(struct document *doc)
{
	struct doc_meta *m = &doc->meta;
	const char *dot = strrchr(doc->path, '.');
	const char *slash = strrchr(doc->path, '/');
	size_t stem = dot && (!slash || dot > slash) ? (size_t)(dot - doc->path) : strlen(doc->path);
	char *path = arena_printf(&doc->arena, "%.*s.meta", (int)stem, doc->path);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[4096];
	int lineno = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		char *s = trim(line);
		if (!*s || *s == '#')
			continue;
		char *colon = strchr(s, ':');
		if (!colon) {
			diag_warn(doc->diag, 0, "identity", "%s:%d: not a 'key: value' line", path, lineno);
			continue;
		}
		*colon = '\0';
		char *key = trim(s), *value = trim(colon + 1);
		if (!strcmp(key, "symbol")) set_field(doc, &m->symbol, value, key, lineno, path);
		else if (!strcmp(key, "title")) set_field(doc, &m->title, value, key, lineno, path);
		else if (!strcmp(key, "type")) m->type = arena_strdup(&doc->arena, value);
		else if (!strcmp(key, "language")) set_field(doc, &m->language, value, key, lineno, path);
		else if (!strcmp(key, "date")) {
			char *iso = un_date_to_iso(&doc->arena, value);
			if (!iso && strlen(value) == 10 && value[4] == '-' && value[7] == '-')
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
	fclose(f);
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
	read_sidecar(doc);
	if (!m->symbol)
		symbol_from_file_name(doc);
	if (!m->type)
		m->type = "document";
	if (m->symbol) {
		/* "S/RES/1325 (2000)" → "S-RES-1325-2000" */
		char *o = m->slug = arena_strdup(&doc->arena, m->symbol);
		for (const char *p = m->symbol; *p; p++)
			if (*p != '(' && *p != ')')
				*o++ = *p == '/' || isspace((unsigned char)*p) ? '-' : *p;
		*o = '\0';
	} else {
		const char *base = strrchr(doc->path, '/');
		base = base ? base + 1 : doc->path;
		const char *dot = strrchr(base, '.');
		size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
		m->slug = arena_strndup(&doc->arena, base, n);
		for (char *p = m->slug; *p; p++)
			if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
				*p = '-';
		if (!*m->slug || m->slug[0] == '.')
			m->slug = arena_printf(&doc->arena, "doc%s", m->slug);
	}
}
