/* html/walk.h — the HTML edition part by part (issue 14): akn-html.xsl
 * run with the parameter parts='1' over the document's front
 * (akn/parts.h: its meta, cover and preface), its extension elements
 * walking the rest of the document a part at a time.
 *
 * The page comes out as the whole-tree transform writes it (the same
 * bytes; tests/html/t_parts.sh), in this order of work:
 *   - the head, the cover and the preface's header, from the front;
 *   - <x:walk/>: every other child of the document in document order,
 *     each part rendered by the stylesheet's own templates with its
 *     ancestors present and freed when the walk moves on, written to a
 *     file aside for its kind (the article shows the preamble, the body,
 *     the conclusions, the annexes and the components in that order,
 *     whatever the document's); meanwhile each part of the body gives its entries of
 *     the contents (mode toc) to a second file and each part its notes
 *     (mode note-item, every authorialNote in document order) to a
 *     third;
 *   - the contents list around <x:contents/>, then <x:walked/> (the
 *     kinds' files in order), the notes list around <x:notes/>.
 * The body's paragraphs, clauses and other leaves are parts; a container
 * of the hierarchy inside the body (a chapter, an hcontainer), the
 * conclusions, the annexes and the components are copied whole (with
 * copies of their ancestors) and rendered from the copy.
 *
 * A document of a kind the walk does not render as the whole tree would
 * (a documentCollection, whose list of components looks ahead at them:
 * html_walk_fits) is read whole instead.  A cover or preface after the
 * body (not in the schema's order; unpress never writes one) stops the
 * walk: the head was made of the leading ones, and the page is not
 * written (EX_DATAERR). */
#ifndef UNPRESS_HTML_WALK_H
#define UNPRESS_HTML_WALK_H

#include <libxslt/xsltInternals.h>
#include <stdbool.h>
#include <stdio.h>

#include "akn/parts.h"

struct html_walk;

/* Make the walk's elements and functions known to every stylesheet
 * compiled after this call. */
void html_walk_register(void);

/* Can the document's front (akn_parts_front) be rendered part by part? */
bool html_walk_fits(xmlDocPtr front);

/* The whole tree of a document read part by part: every part copied as
 * the walk reads it (what cannot be walked is rendered from this).  The
 * caller frees it; akn_parts_status says whether it is all there. */
xmlDocPtr html_walk_whole(struct akn_parts *parts);

/* A walk of parts, its files aside made beside out_path (unlinked at
 * once).  NULL with errno set when a file cannot be made. */
struct html_walk *html_walk_new(struct akn_parts *parts, const char *out_path);
/* 0, or a sysexits code when the walk stopped the transform, with *why
 * the reason (for the caller to report). */
int html_walk_status(const struct html_walk *w, const char **why);
void html_walk_free(struct html_walk *w);

#endif
