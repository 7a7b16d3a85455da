/* notes.c — see notes.h. */
#include "markdown/notes.h"

#include <stdlib.h>
#include <string.h>

#include "markdown/escape.h"
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

/* A label keeps letters, digits, "*", ".", "-", "_" and any non-ASCII
 * character ("†"); everything else becomes "_": what would end the label
 * ("]", spaces) and what a renderer could take for raw HTML ("<", "\"",
 * "&": a marker in an XML given to `unpress render` may hold anything). */
static void put_sanitised(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int keep = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			   (c >= 'A' && c <= 'Z') || c == '*' || c == '.' || c == '-' || c == '_';
		buf_putc(b, keep ? (char)c : '_');
	}
}

/* The label set (notes.h): each slot also remembers the next number to
 * try when its label is the base of a ".N-" series, so a run of notes
 * that share a base is numbered in linear time too. */
static size_t label_hash(const char *s)
{
	size_t h = 1469598103934665603u;	/* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static struct label_slot *label_find(const struct md_labels *set, const char *s)
{
	if (!set->cap)
		return NULL;
	for (size_t i = label_hash(s) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
		if (!set->v[i].key)
			return NULL;
		if (!strcmp(set->v[i].key, s))
			return &set->v[i];
	}
}

static int label_taken(const struct md_labels *set, const char *s)
{
	return label_find(set, s) != NULL;
}

static void label_insert(struct label_slot *v, size_t cap, struct label_slot slot)
{
	size_t i = label_hash(slot.key) & (cap - 1);
	while (v[i].key)
		i = (i + 1) & (cap - 1);
	v[i] = slot;
}

static void label_add(struct md_labels *set, char *s)
{
	if (2 * (set->n + 1) > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		struct label_slot *v = xmalloc(cap * sizeof *v);
		memset(v, 0, cap * sizeof *v);
		for (size_t i = 0; i < set->cap; i++)
			if (set->v[i].key)
				label_insert(v, cap, set->v[i]);
		free(set->v);
		set->v = v;
		set->cap = cap;
	}
	label_insert(set->v, set->cap, (struct label_slot){s, 2});
	set->n++;
}

static char *make_label(struct md_labels *set, xmlNodePtr note)
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
			struct buf scope = BUF_INIT;
			buf_put(&scope, (const char *)eid, (size_t)(cut - (const char *)eid));
			put_sanitised(&b, buf_cstr(&scope));
			buf_free(&scope);
		} else {
			buf_puts(&b, "note");
		}
		buf_putc(&b, '-');
		put_sanitised(&b, m);
		xmlFree(eid);
		/* still taken (two notes with one eId scope and marker): number it,
		 * from where the last note with this base stopped */
		struct label_slot *base_slot = label_find(set, buf_cstr(&b));
		if (base_slot) {
			size_t base = b.len;
			int i = base_slot->next;
			for (;; i++) {
				b.len = base;
				buf_printf(&b, ".%d-", i);
				put_sanitised(&b, m);
				if (!label_taken(set, buf_cstr(&b)))
					break;
			}
			base_slot->next = i + 1;
		}
	}
	xmlFree(marker);
	char *label = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return label;
}

size_t md_notes_label(struct md_labels *set, xmlNodePtr root)
{
	size_t count = 0;
	for (xmlNodePtr n = root; n; n = next_node(root, n)) {
		if (!is_note(n))
			continue;
		char *label = make_label(set, n);
		label_add(set, label);
		n->_private = label;
		count++;
	}
	return count;
}

const char *md_note_label(xmlNodePtr note)
{
	return note->_private;
}

void md_notes_forget(xmlNodePtr root)
{
	for (xmlNodePtr n = root; n; n = next_node(root, n))
		if (is_note(n))
			n->_private = NULL;
}

void md_labels_free(struct md_labels *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->v[i].key);
	free(set->v);
	memset(set, 0, sizeof *set);
}
