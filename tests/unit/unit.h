/* tests/unit/unit.h — a small harness for unit tests of unpress's functions.
 *
 * Each tests/unit/test_MODULE.c is a program that tests one module of src/
 * (test_un.c: src/doc/un.c) and prints one line per named case, as the
 * rest of the suite does:
 *     ok - un: un_date_to_iso: a day of one digit
 *     not ok - un: un_date_to_iso: a day of one digit
 *         at tests/unit/test_un.c:45
 *         input:    "8 November 2022"
 *         expected: "2022-11-08"
 *         got:      "2022-11-8"
 * and exits 1 when a case failed.  The programs are linked against the
 * objects unpress itself is built from (make unit), and run by
 * tests/unit/t_unit.sh.
 *
 * Texts are shown quoted and escaped: control bytes as C escapes, and the
 * inline markup of doc/document.h (MK_ bytes) as the notation unit_mk
 * reads, so that a case can be written and read as text:
 *     {em} {/em}  {b} {/b}  {sup} {/sup}  {link} {mid} {/link}
 *     {note} {/note}  {br}
 * ("{link}#x{mid}the text{/link}", "Crime,{note}3{/note}"). */
#ifndef UNPRESS_TESTS_UNIT_H
#define UNPRESS_TESTS_UNIT_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/document.h"
#include "util/arena.h"

/* Scratch memory for the whole run (quoted texts, rendered results); freed
 * by unit_end. */
extern struct arena *unit_arena;

/* Name the module under test (the prefix of every case's name). */
void unit_begin(const char *module);
/* Print the count and free the scratch; the program's exit status (0 when
 * every case passed, 1 otherwise). */
int unit_end(void);

/* A text for a message: quoted, escaped, markup in the notation above;
 * "NULL" for NULL.  In the run's scratch memory. */
const char *unit_q(const char *s);
const char *unit_qn(const char *s, size_t n);
/* printf into the run's scratch memory. */
const char *unit_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The notation above read into MK_ bytes (a '{' that opens no token stays
 * as it is). */
char *unit_mk(const char *notation);

/* The checks.  name: what the case is about; input: what the function was
 * given, as the message should show it (usually unit_q(...) or a
 * unit_fmt of its arguments).  Each prints its ok / not ok line (a failure
 * says where the check is, file:line, then input, expected and got) and
 * returns whether the case passed.  Call them through the macros below,
 * which pass the file and line. */
bool unit_str_at(const char *file, int line, const char *name, const char *input, const char *want, const char *got);
bool unit_int_at(const char *file, int line, const char *name, const char *input, long long want, long long got);
bool unit_bool_at(const char *file, int line, const char *name, const char *input, bool want, bool got);
/* got holds want (a substring). */
bool unit_has_at(const char *file, int line, const char *name, const char *input, const char *want, const char *got);
/* Texts of several lines (a rendering of blocks, lines or notes), shown
 * line by line. */
bool unit_lines_at(const char *file, int line, const char *name, const char *input, const char *want, const char *got);
/* A case that cannot run here, and why. */
void unit_skip_at(const char *file, int line, const char *name, const char *why);

#define unit_str(...) unit_str_at(__FILE__, __LINE__, __VA_ARGS__)
#define unit_int(...) unit_int_at(__FILE__, __LINE__, __VA_ARGS__)
#define unit_bool(...) unit_bool_at(__FILE__, __LINE__, __VA_ARGS__)
#define unit_has(...) unit_has_at(__FILE__, __LINE__, __VA_ARGS__)
#define unit_lines(...) unit_lines_at(__FILE__, __LINE__, __VA_ARGS__)
#define unit_skip(...) unit_skip_at(__FILE__, __LINE__, __VA_ARGS__)
/* The same under the names the suite's other checks use. */
#define CHECK_STR unit_str
#define CHECK_INT unit_int
#define CHECK_BOOL unit_bool
#define CHECK_HAS unit_has
#define CHECK_LINES unit_lines

/* A document built by hand for a pass or a reader: its diagnostics are
 * collected, not printed (unit_said). */
struct unit_doc {
	struct diag diag;
	struct document doc;
	struct unit_said *said;
};
struct document *unit_doc(struct unit_doc *u);
/* A block of kind at the document's end, its text in the notation above
 * (NULL: no text); its line is one past the previous block's. */
struct block *unit_block(struct document *doc, enum block_kind kind, const char *notation);
/* The source text a reader reads (a copy in the document's arena). */
void unit_source(struct document *doc, const char *text);
/* The blocks, one line each: "role num|text" (num, depth, name and a few
 * flags when set), text shown as unit_q shows it without the quotes. */
const char *unit_blocks(const struct document *doc);
/* What the passes said, one line each: "note [pass] message". */
const char *unit_said(const struct unit_doc *u);
void unit_doc_free(struct unit_doc *u);

#endif
