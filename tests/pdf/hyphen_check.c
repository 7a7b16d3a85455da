/* hyphen_check.c — src/pdf/patterns.c against libhyphen, word by word.
 *
 * For every lower-case ASCII word of the given lists, the break points of
 * Liang's algorithm as patterns.c applies it must be libhyphen's at every
 * position hyphen.c can use (after the second letter, before the last
 * three).  Prints the words compared and the first few that differ; exits
 * 1 on any difference, 2 when the patterns cannot be read.
 * Usage: hyphen_check PATTERNS.dic WORDLIST... */
#include <ctype.h>
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/patterns.h"

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: hyphen_check PATTERNS.dic WORDLIST...\n");
		return 2;
	}
	struct hyph_patterns *ours = patterns_load(argv[1]);
	HyphenDict *theirs = hnj_hyphen_load(argv[1]);
	if (!ours || !theirs) {
		fprintf(stderr, "hyphen_check: cannot read %s (%s)\n", argv[1], ours ? "libhyphen" : "patterns.c");
		return 2;
	}
	long compared = 0, differ = 0;
	char line[256];
	for (int f = 2; f < argc; f++) {
		FILE *in = fopen(argv[f], "r");
		if (!in)
			continue;
		while (fgets(line, sizeof line, in)) {
			int n = (int)strcspn(line, "\r\n");
			line[n] = '\0';
			int plain = n >= 5 && n <= MAX_WORD;
			for (int i = 0; i < n && plain; i++)
				plain = islower((unsigned char)line[i]);
			if (!plain)
				continue;
			unsigned char points[MAX_WORD + 1];
			char hyphens[MAX_WORD + 9];
			char **rep = NULL;
			int *pos = NULL, *cut = NULL;
			memset(hyphens, 0, sizeof hyphens);
			patterns_apply(ours, line, n, points);
			if (hnj_hyphen_hyphenate2(theirs, line, n, hyphens, NULL, &rep, &pos, &cut) != 0 || rep) {
				fprintf(stderr, "libhyphen failed on %s\n", line);
				differ++;
				continue;
			}
			compared++;
			for (int i = 1; i < n - 3; i++)
				if ((points[i] & 1) != (hyphens[i] & 1)) {
					if (differ++ < 10) {
						fprintf(stderr, "%s: at %d ours %d libhyphen %c\n", line, i, points[i], hyphens[i]);
					}
					break;
				}
		}
		fclose(in);
	}
	printf("%ld words compared, %ld differ\n", compared, differ);
	patterns_free(ours);
	hnj_hyphen_free(theirs);
	return differ != 0 || compared == 0;
}
