/* read/frontmatter.c — see read/frontmatter.h. */
#include "read/frontmatter.h"

#include <string.h>

#include "util/diag.h"

/* Is [s, e) a "key: value" line (key: a letter, then letters, digits,
 * "_" or "-")? */
static int key_line(const char *s, const char *e)
{
	const char *p = s;
	if (p == e || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while (p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			 *p == '_' || *p == '-'))
		p++;
	return p < e && *p == ':' && (p + 1 == e || p[1] == ' ');
}

size_t frontmatter_blank(char *text, size_t len, struct diag *diag)
{
	if (len < 8 || memcmp(text, "---\n", 4) != 0)
		return 0;
	const char *end = text + len;
	const char *line = text + 4;
	for (int n = 0; n <= 64 && line < end; n++) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		const char *e = eol ? eol : end;
		if (e - line == 3 && !memcmp(line, "---", 3)) {
			size_t fm = (size_t)(e - text);
			for (size_t i = 0; i < fm; i++)
				if (text[i] != '\n')
					text[i] = ' ';
			if (diag)
				diag_note(diag, 1, "input", "front matter (%d lines) read as metadata, not text", n);
			return fm;
		}
		if (!key_line(line, e))
			return 0;
		line = eol ? eol + 1 : end;
	}
	return 0;
}
