/* notes.c — see notes.h. */
#include "notes.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "util/buf.h"
#include "util/xmalloc.h"

static int is_note(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, BAD_CAST "authorialNote");
}

/* Iterative pre-order walk: next node after n within root. */
static xmlNodePtr next_node(xmlNodePtr root, xmlNodePtr n)
{
	if (n->children && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static void put_sanitised(struct buf *b, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		buf_putc(b, (c == ' ' || c == '\t' || c == '\n' || c == '[' || c == ']' ||
			     c == '\\' || c == '^') ? '_' : c);
	}
}

/* Labels handed out so far; linear search is fine for the tens to low
 * hundreds of notes a UN document has, and a hash would buy nothing. */
struct label_set {
	char **v;
	size_t n, cap;
};

static int label_taken(const struct label_set *set, const char *s)
{
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->v[i], s))
			return 1;
	return 0;
}

static void label_add(struct label_set *set, char *s)
{
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 32;
		set->v = xrealloc(set->v, set->cap * sizeof *set->v);
	}
	set->v[set->n++] = s;
}

static char *make_label(const struct label_set *set, xmlNodePtr note)
{
	struct buf b = BUF_INIT;
	xmlChar *marker = xmlGetProp(note, BAD_CAST "marker");
	const char *m = marker && *marker ? (const char *)marker : "note";
	put_sanitised(&b, m);
	if (label_taken(set, buf_cstr(&b))) {
		/* the marker is used already: qualify it with its eId scope */
		xmlChar *eid = xmlGetProp(note, BAD_CAST "eId");
		const char *cut = eid ? strstr((const char *)eid, "__authorialNote") : NULL;
		buf_clear(&b);
		if (cut && cut > (const char *)eid) {
			char *scope = strndup((const char *)eid, (size_t)(cut - (const char *)eid));
			put_sanitised(&b, scope);
			free(scope);
		} else {
			buf_puts(&b, "note");
		}
		buf_putc(&b, '-');
		put_sanitised(&b, m);
		xmlFree(eid);
		/* still taken (two notes with one eId scope and marker): number it */
		size_t base = b.len;
		for (int i = 2; label_taken(set, buf_cstr(&b)); i++) {
			b.len = base;
			buf_printf(&b, ".%d-", i);
			put_sanitised(&b, m);
		}
	}
	xmlFree(marker);
	char *label = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return label;
}

size_t md_notes_label(xmlNodePtr root)
{
	struct label_set set = {0};
	for (xmlNodePtr n = root; n; n = next_node(root, n)) {
		if (!is_note(n))
			continue;
		char *label = make_label(&set, n);
		label_add(&set, label);
		n->_private = label;
	}
	size_t count = set.n;
	free(set.v);	/* the strings live on in _private */
	return count;
}

const char *md_note_label(xmlNodePtr note)
{
	return note->_private;
}

void md_notes_free(xmlNodePtr root)
{
	for (xmlNodePtr n = root; n; n = next_node(root, n))
		if (is_note(n)) {
			free(n->_private);
			n->_private = NULL;
		}
}
