/* doc/markup.h — operations on a block's text, which carries the inline
 * markup of doc/document.h (MK_ control bytes). */
#ifndef UNPRESS_DOC_MARKUP_H
#define UNPRESS_DOC_MARKUP_H
#include <stdbool.h>
#include <stddef.h>
#include "doc/document.h"

/* Text without MK_ markup (and with MK_NOTE references removed). */
char *text_plain(struct arena *arena, const char *s);
/* Text without MK_ markup but its footnote references (for a heading
 * made of a block's text: its notes must stay with it). */
char *text_plain_keeping_notes(struct arena *arena, const char *s);
/* Text without markup of at most the first max bytes of s (for the passes
 * that look only at how a block opens). */
char *text_plain_prefix(struct arena *arena, const char *s, size_t max);
/* text_trim(text_plain_prefix(...)) in one copy; max (size_t)-1: all */
char *text_plain_trimmed(struct arena *arena, const char *s, size_t max);
/* The same, into the caller's buffer of size bytes (at most size - 1 bytes
 * of text): for a pass that only looks at how a block opens, so a long
 * document does not leave a copy of every block's opening in its arena. */
char *text_plain_scratch(char *buf, size_t size, const char *s);
/* The last visible character of s (markup, note references, link targets
 * and trailing spaces skipped), or '\0'. */
char text_last_char(const char *s);
/* Trimmed copy (spaces, newlines, MK_BREAK at both ends). */
char *text_trim(struct arena *arena, const char *s);
/* Does s start with prefix? */
bool starts_with(const char *s, const char *prefix);
#endif
