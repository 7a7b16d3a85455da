/* read.h — one reading of Akoma Ntoso for the C editions (PDF, Markdown).
 *
 * The editions walk the XML themselves, each in its own shape, but they
 * ask this reader what an element is, how a span is styled, which cover
 * line says what, and the document's facts (language, direction, symbol,
 * title, issuing body, job number).  It reads our own XML and the UN's
 * AKN4UN files alike; templates/AKN.md lists the vocabulary.  An element
 * outside it is shown as text, and akn_unknown_report names it under -v.
 *
 * The XSLT of the HTML edition reads the same vocabulary (templates/). */
#ifndef UNPRESS_AKN_READ_H
#define UNPRESS_AKN_READ_H

#include <libxml/tree.h>

#include "util/buf.h"

struct diag;

/* What an element is to an edition. */
enum akn_kind {
	AKN_UNKNOWN,	/* not in the vocabulary: its text is shown as running text */
	AKN_HIDDEN,	/* meta, img, a collection's references: nothing shown */
	AKN_INLINE,	/* docNumber, inline, span, session, event, ...: its text */
	AKN_STYLED,	/* i, b, u, sup, sub, span class="italic|bold|…": akn_style */
	AKN_LINK,	/* a, ref (href) */
	AKN_NOTE,	/* authorialNote */
	AKN_BREAK,	/* eol, br: a line break */
	AKN_P,		/* p, listIntroduction, listWrapUp: a block of text */
	AKN_HIERARCHY,	/* chapter, section, …, hcontainer: num + heading, children */
	AKN_NUMBERED,	/* paragraph, subparagraph, point, item, alinea */
	AKN_BLOCKS,	/* content, intro, wrapUp, list, sublist, blockList, mainBody,
			 * attachments, collectionBody, ...: their children in order */
	AKN_FORMULA,	/* the enacting formula */
	AKN_CONTAINER,	/* a preambular clause (or a container of a table) */
	AKN_CROSSHEADING, /* crossHeading, subheading */
	AKN_NUM,
	AKN_HEADING,
	AKN_TABLE,
	AKN_ROW,	/* tr */
	AKN_CELL,	/* td, th */
	AKN_COVER,	/* coverPage */
	AKN_PREFACE,
	AKN_PREAMBLE,
	AKN_CONCLUSIONS,
	AKN_SUBDOC,	/* attachment/doc, component/statement: a document inside */
};

enum akn_kind akn_kind(xmlNodePtr n);
/* Is n an element named `name`? */
int akn_is(xmlNodePtr n, const char *name);
/* n's first child element named `name`, or NULL. */
xmlNodePtr akn_child(xmlNodePtr n, const char *name);
/* An attribute's value (xmalloc'd: free it), or NULL. */
char *akn_attr(xmlNodePtr n, const char *name);
int akn_attr_is(xmlNodePtr n, const char *name, const char *value);

/* The style of an AKN_STYLED element, as flags.  A span's classes are
 * read one by one ("bold italic"); other classes add nothing. */
enum { AKN_ITALIC = 1, AKN_BOLD = 2, AKN_UNDERLINE = 4, AKN_SUP = 8, AKN_SUB = 16 };
unsigned akn_style(xmlNodePtr n);

/* A paragraph that carries only a heading or subheading (the UN's
 * paragraph class="HCh|H1|H23"): its heading level 1–4, else 0. */
int akn_heading_paragraph(xmlNodePtr n);
/* A paragraph in the UN's body text style (class="SingleTxt" or
 * "MercuryDocument"): printed with its first line indented when it has
 * no number. */
int akn_text_paragraph(xmlNodePtr n);

/* The UN's Arabic notes keep the brackets of their marker at the start
 * of their text, emptied of the number ("()\tالقرار ..."): the note's
 * marker belongs inside them.  Returns the number of bytes of n's text to
 * skip (the brackets and the whitespace before them), or 0. */
size_t akn_note_empty_brackets(xmlNodePtr note);

/* Whitespace as XML text holds it (space, tab, CR, LF): every run of it
 * is one space in the editions, xml:space="preserve" or not (the UN's
 * preserved tabs are the printed indents, which the layout makes). */
static inline int akn_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The same as a new string (xmalloc'd; "" when n is NULL). */
char *akn_text_dup(xmlNodePtr n);

/* The lines of a cover page, by what they say. */
enum akn_cover_role {
	AKN_COVER_OTHER,
	AKN_COVER_ORGANIZATION,	/* "United Nations" */
	AKN_COVER_SYMBOL,	/* A/RES/78/124 */
	AKN_COVER_BODY,		/* "General Assembly", the issuing body */
	AKN_COVER_DISTRIBUTION,	/* "Distr.: General" */
	AKN_COVER_DATE,
	AKN_COVER_LANGUAGE,	/* "Original: English" */
	AKN_COVER_MEETING,	/* a subsidiary body */
	AKN_COVER_SESSION,
	AKN_COVER_PLACE,
	AKN_COVER_AGENDA,	/* "Agenda item 3 (b)" */
	AKN_COVER_AGENDA_TITLE,
	AKN_COVER_TITLE,	/* "Resolution adopted by the General Assembly on …" */
	AKN_COVER_PROPONENT,	/* "[without reference to a Main Committee (…)]" */
};
struct akn_cover_line {
	enum akn_cover_role role;
	xmlNodePtr node;	/* the <p> */
};
/* The role of one cover line: its class where it has one we know (our
 * XML), else what its content is (the UN's: docAuthority, docNumber,
 * docStatus, docDate, session, inline name="agenda item", ...). */
enum akn_cover_role akn_cover_role(xmlNodePtr p);

/* A document's facts, read once. */
struct akn_doc {
	xmlNodePtr root;	/* akomaNtoso */
	xmlNodePtr top;		/* its document: statement, doc, documentCollection, ... */
	xmlNodePtr components;	/* akomaNtoso/components (a collection's parts), or NULL */
	char lang[16];		/* BCP 47 primary tag: "en", "ar", "zh" */
	int rtl;		/* the language is written right to left */
	int lang_guessed;	/* no FRBRlanguage: lang was read from the text */
	char *symbol;		/* FRBRalias symbol, else the cover's docNumber */
	char *title;		/* the document's own title: the preface's docTitle
				 * before the cover's ("Resolution adopted by …") */
	char *body;		/* the issuing body (cover), for the metadata's author */
	char *date;		/* FRBRWork/FRBRdate */
	char *job_number;	/* docketNumber, else unpress:source/@jobNumber */
	struct akn_cover_line *cover;
	int ncover;
};
/* Reads doc's facts; every string is xmalloc'd (akn_doc_free). */
void akn_doc_read(struct akn_doc *d, xmlDocPtr doc);
void akn_doc_free(struct akn_doc *d);

/* Elements outside the vocabulary met while an edition walked: each is
 * counted here (akn_unknown_seen) and named once per name under -v
 * (akn_unknown_report, with the edition's pass name). */
struct akn_unknown {
	char names[32][48];
	int counts[32], lines[32];
	int n, more;
};
void akn_unknown_seen(struct akn_unknown *u, xmlNodePtr n);
void akn_unknown_report(const struct akn_unknown *u, struct diag *diag, const char *pass);

#endif
