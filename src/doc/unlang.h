/* doc/unlang.h — the words the UN prints in each of its languages where
 * the reader and the passes look for structure: the cover's labels, the
 * enacting formula, the first words of preambular and operative clauses,
 * the headings of annexes, the meeting that closes a resolution, months.
 * One table per language (doc/unlang.c); English is the default, and a
 * language without a table is read by the English one and says so. */
#ifndef UNPRESS_DOC_UNLANG_H
#define UNPRESS_DOC_UNLANG_H
#include <stdbool.h>
#include <stddef.h>

/* A list of words or phrases, NULL-terminated. */
typedef const char *const *un_words;

struct un_lang {
	const char *tag;		/* BCP 47: "en", "fr", "es" */
	/* the cover */
	un_words organization;		/* "United Nations", "Nations Unies" */
	un_words distribution;		/* the label before the kind: "Distr.:", "Distr." */
	un_words distribution_kinds;	/* "General", "générale", "general" */
	un_words original;		/* "Original:", "Original :" */
	un_words session_ends;		/* " session", " período de sesiones" */
	un_words agenda_opens;		/* "Agenda item", "Point ", "Tema " */
	un_words agenda_has;		/* what an agenda line also holds ("ordre du jour"), or NULL */
	un_words bodies;		/* principal organs and the bodies whose documents we see */
	un_words adopted;		/* "Resolution adopted by", "Résolution adoptée par" */
	un_words proponent;		/* "[on the report of", "[sur la base du rapport" */
	/* the body */
	un_words formula_articles;	/* what opens the formula: "The ", "L’", "La " */
	un_words formula_heads;		/* the body's first word after the article, or NULL: any
					 * capitalised word (English capitalises every word of a
					 * body's name, French and Spanish only the first) */
	un_words annex;			/* "Annex", "Annexe", "Anexo" alone on a line */
	un_words annex_of;		/* "Annex to ", "Annexe à la " */
	un_words resolution;		/* "Resolution", "Résolution" */
	un_words decision;		/* "Decision", "Décision" */
	un_words meeting;		/* "meeting", "séance": what closes a resolution */
	un_words plenary;		/* "plenary meeting", "séance plénière" after the number */
	un_words preamble_ends;		/* a preambular clause's participle ends so: "ant", "ando" */
	un_words preamble_words;	/* … or opens with one of these (adjectives, adverbs) */
	un_words operative_words;	/* an operative clause's verb (not for English) */
	un_words operative_adverbs;	/* what may follow the verb in its phrase: "également" */
	un_words clause_tails;		/* what else a clause's opening phrase takes: "note",
					 * "avec satisfaction", "en cuenta" */
	un_words not_participles;	/* words that end like a participle but are none: "Cuando" */
	un_words line_end_words;	/* a line ending so runs on: "of", "de", "del" */
	un_words counting_nouns;	/* "paragraph", "paragraphe", "párrafo" before a number */
	un_words months;		/* twelve, as printed in a date */
	const char *day_month;		/* between day and month ("de " in Spanish), "" */
	const char *month_year;		/* between month and year */
	const char *after_year;		/* after the year ("года" in Russian), "" */
	bool decimal_comma;		/* numbers keep their decimals after a comma: "6,8
					 * millions" */
	bool lower_openings;		/* clauses open in small letters (Russian: *ссылаясь*,
					 * *просит*) */
	bool no_spaces;			/* words are not set apart by spaces (Chinese): a
					 * line's end is no word's end, clauses are told by
					 * their place and full-width punctuation, and the
					 * adoption line opens with its date */
};

/* The table of language tag (BCP 47, "fr-CA" → French); the English
 * one for a language without a table, with *has_table false. */
const struct un_lang *un_lang_of(const char *tag, bool *has_table);
/* Do L's tables name every word that opens a preambular clause, so that
 * a clause none opens was cut from the one before?  English (by the
 * dictionary), French and Spanish (every opening of the 78th session's
 * resolutions: "Ayant examiné", "Guidée", "Conocedora") and Russian (its
 * table names the first words of every clause of the session's
 * resolutions; its clauses open in small letters). */
bool un_openings_named(const struct un_lang *L);
/* "80th plenary meeting", "50e séance plénière", "50ª sesión plenaria"
 * (plenary: only a plenary meeting of L's; else any meeting of any
 * language's, as a Council's "9214th meeting"): the meeting that closes
 * a resolution, AKN4UN's conclusions. */
bool un_meeting_line(const struct un_lang *L, const char *s, size_t n, bool plenary);
/* "Quatre-vingt-unième" → 81, "Octogésimo primer" → 81: an ordinal
 * spelled out in L (French, Spanish; the words before "session" or
 * "período de sesiones"), s[0..n); -1 when it is none. */
int un_ordinal(const struct un_lang *L, const char *s, size_t n);
/* Every table, NULL-terminated (for what is read the same whichever the
 * document's language: dates, the formula). */
extern const struct un_lang *const un_langs[];

/* Is s[0..n) one of words (exactly)? */
bool un_word_in(const char *s, size_t n, un_words words);
/* Does s[0..n) open with one of words?  Its length, or 0. */
size_t un_opens_with(const char *s, size_t n, un_words words);
/* The length of the word at s (letters, any script, and inner hyphens:
 * "Sous‐régional"; an apostrophe ends it: "l’"), at most n bytes. */
size_t un_word_len(const char *s, size_t n);
/* Does s open with a capital letter (Latin with its accents, Greek,
 * Cyrillic)? */
bool un_is_upper(const char *s, size_t n);
/* Is the code point at s a letter (Latin with its accents, Greek,
 * Cyrillic)?  *len: its bytes. */
bool un_is_letter(const char *s, size_t n, size_t *len);
/* Is the character before s[at] (at > 0) a small letter, of any script?
 * ("déclaration4", "adoptée3": a note's marker glued to its word; French
 * and Spanish set it before the punctuation, "de 20052,".) */
bool un_lower_before(const char *s, size_t at);
/* Is the code point at s (n bytes) a Han character, or CJK or
 * full-width punctuation ("，", "。", "《")?  *len: its bytes. */
bool un_is_cjk(const char *s, size_t n, size_t *len);
/* In a language set without spaces (Chinese), does s[0..n) open as a
 * preambular clause does: one of L's verbs, after 又, 还 or 再次 or
 * not ("回顾", "又回顾", "还重申")? */
bool un_cjk_clause_opening(const struct un_lang *L, const char *s, size_t n);
/* Does s[0..n) end in full-width punctuation (Chinese)?  Its ASCII
 * kind: "，" ',', "；" ';', "：" ':', "。" '.', "！" '!', "？" '?',
 * "）" ')'; else '\0'. */
char un_full_width_end(const char *s, size_t n);
/* Is there a closing parenthesis or quote before s[at] (at > 0):
 * "(2015-2030)2,", "»3", "”3", "‘Our Common Agenda’3" (a quotation inside
 * a quotation)?  French and Spanish set a note's marker against it,
 * before the comma. */
bool un_closes_before(const char *s, size_t at);
/* Are the digits at s[at] the decimals of a number written with L's
 * decimal comma ("6,8 millions", "15,3 %": one to three digits alone
 * before the comma), so no note's marker? */
bool un_decimal_comma(const struct un_lang *L, const char *s, size_t at);
/* Does the clause s[0..n) open as a preambular clause does in language L
 * (not English: paragraphs.c and resolutions.c read English with the
 * dictionary)?  A participle (-ant, -ando, -endo; after a reflexive "Se",
 * "S’"), or one of the table's adjectives and adverbs. */
bool un_preamble_opening(const struct un_lang *L, const char *s, size_t n);
/* … as an operative paragraph does: one of the table's verbs, or a
 * reflexive one ("Se félicite", "S’inquiète"). */
bool un_operative_opening(const struct un_lang *L, const char *s, size_t n);
/* The length of a clause's opening phrase in L (its first word, and the
 * word a reflexive pronoun, "Ayant"/"Habiendo" or an adverb takes with
 * it, and an adverb after the verb: "Prie également", "Rappelant en
 * outre", "Profundamente preocupada"); 0 when it opens no clause. */
size_t un_opening_phrase(const struct un_lang *L, const char *s, size_t n, bool operative);
#endif
