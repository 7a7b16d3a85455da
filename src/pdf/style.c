/* style.c — reads styles/pdf-style.conf: "key = value" lines, '#' comments.
 * Every key must be known (a typo should not silently fall back).  A line
 * "[xx]" opens a section for the language xx (a BCP 47 primary tag: "ar",
 * "zh", "fr"): its keys override the ones above for documents in that
 * language and are checked, not applied, for the others. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "pdf/pdfint.h"
#include "util/diag.h"

enum key_type { K_NUM, K_INT, K_STR };

static const struct style_key {
	const char *name;
	enum key_type type;
	size_t offset, size;
} style_keys[] = {
#define NUM(f) {#f, K_NUM, offsetof(struct pdf_style, f), 0}
#define INT(f) {#f, K_INT, offsetof(struct pdf_style, f), 0}
#define STR(f) {#f, K_STR, offsetof(struct pdf_style, f), sizeof(((struct pdf_style *)0)->f)}
	NUM(page_width), NUM(page_height), NUM(margin_top), NUM(margin_bottom),
	NUM(margin_inner), NUM(margin_outer), NUM(header_baseline), NUM(footer_baseline),
	NUM(header_size), NUM(footer_size), STR(font_family), STR(font_features), NUM(body_size),
	NUM(body_leading), NUM(paragraph_space), INT(justify), INT(hyphenate),
	INT(hyphen_min_word), INT(hyphen_ascii_words), STR(hyphen_dict), NUM(indent_step), NUM(h1_size),
	NUM(h2_size), NUM(h3_size), NUM(h4_size), NUM(heading_space_before),
	NUM(heading_space_after), NUM(cover_org_size), NUM(cover_symbol_size),
	NUM(cover_size), NUM(cover_rule), NUM(title_size), NUM(title_space_before),
	NUM(title_space_after), NUM(note_size), NUM(note_leading), NUM(note_space),
	NUM(note_rule_length), NUM(note_rule_gap), NUM(note_marker_width),
	INT(toc_min_headings), NUM(toc_page_width), NUM(toc_leader_pitch), NUM(toc_leader_gap),
	NUM(superscript_rise), NUM(superscript_scale), NUM(table_size), NUM(table_leading),
#undef NUM
#undef INT
#undef STR
};

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Apply one "key = value"; returns 0 or -1 when the key or value is bad.
 * With s NULL the pair is only checked. */
static int set_key(struct pdf_style *s, const char *key, const char *value)
{
	struct pdf_style scratch;
	if (!s) {
		memset(&scratch, 0, sizeof scratch);
		s = &scratch;
	}
	for (size_t i = 0; i < sizeof style_keys / sizeof style_keys[0]; i++) {
		const struct style_key *k = &style_keys[i];
		if (strcmp(k->name, key) != 0)
			continue;
		char *field = (char *)s + k->offset, *end;
		switch (k->type) {
		case K_NUM:
			*(double *)field = strtod(value, &end);
			return *end ? -1 : 0;
		case K_INT:
			*(int *)field = (int)strtol(value, &end, 10);
			return *end ? -1 : 0;
		case K_STR:
			if (strlen(value) >= k->size)
				return -1;
			strcpy(field, value);
			return 0;
		}
	}
	return -1;
}

int pdf_style_load(struct pdf_style *s, const char *path, const char *lang, struct diag *diag)
{
	char section[16] = "";	/* the language section being read ("" before any) */
	memset(s, 0, sizeof *s);
	FILE *f = fopen(path, "r");
	if (!f) {
		diag_error(diag, 0, "pdf", "cannot read the PDF style %s: %s", path, strerror(errno));
		return EX_CONFIG;
	}
	char line[512];
	int lineno = 0, status = 0;
	while (fgets(line, sizeof line, f)) {
		lineno++;
		/* A '#' starts a comment unless it is part of a value word. */
		char *hash = strstr(line, " #");
		if (line[0] == '#')
			continue;
		if (hash)
			*hash = '\0';
		char *eq = strchr(line, '=');
		char *l = trim(line);
		if (!*l)
			continue;
		size_t ll = strlen(l);
		if (l[0] == '[' && l[ll - 1] == ']' && ll - 2 < sizeof section && ll > 2) {
			memcpy(section, l + 1, ll - 2);
			section[ll - 2] = '\0';
			continue;
		}
		if (!eq) {
			diag_error(diag, 0, "pdf", "%s:%d: expected key = value", path, lineno);
			status = EX_CONFIG;
			continue;
		}
		*eq = '\0';
		char *key = trim(l), *value = trim(eq + 1);
		int mine = !section[0] || (lang && !strcmp(section, lang));
		if (set_key(mine ? s : NULL, key, value) != 0) {
			diag_error(diag, 0, "pdf", "%s:%d: unknown key or bad value: %s = %s",
				   path, lineno, key, value);
			status = EX_CONFIG;
		}
	}
	fclose(f);
	if (!status && (s->page_width <= 0 || s->page_height <= 0 || s->body_size <= 0 ||
			s->body_leading <= 0 || s->note_leading <= 0 || s->table_size <= 0 ||
			s->table_leading <= 0 || !s->font_family[0])) {
		diag_error(diag, 0, "pdf", "%s: page size, font, body, note and table sizes must be set", path);
		status = EX_CONFIG;
	}
	return status;
}
