/* site.c — the reduce step (`-t site`): read every OUT/ manifests,
 * resolve each document's references against the corpus, then
 *   - re-render OUT/SLUG.html from OUT/SLUG.xml through akn-html.xsl with a
 *     per-document link map (in-corpus links, "cited by" backlinks);
 *   - render index.html (+ one pre-sorted variant per column), a page per
 *     external symbol cited, search.html and sitemap.xml through site.xsl
 *     and site-sitemap.xsl from one corpus description;
 *   - write the search index and copy the stylesheet and search script.
 * All links are relative; every file is written atomically.
 *
 * Scale: each manifest is read once (site/load.c, by SAX) into a compact
 * record (identity, an eId → number table, its references) whose strings
 * live in one arena; references are resolved through hash tables (by
 * symbol, by resolution number, anchors by eId), so the work is linear in
 * the corpus.  A document's AKN is loaded only while its page is rendered.
 * Pages are rendered in up to opts->jobs child processes (site/pool.h), and
 * only where what they show changed (batch/stamps.h): a page's stamp
 * covers its XML, its manifest and its link map (its links and its
 * backlinks), the program and the templates. */
#include "edition.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "akn.h"
#include "batch/stamps.h"
#include "batch/state.h"
#include "html/xslt.h"
#include "site/pool.h"
#include "site/site.h"
#include "util/dirlist.h"
#include "util/slurp.h"
#include "util/buf.h"
#include "util/arena.h"
#include "util/hash.h"

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }

#define UNDOCS "https://undocs.org/"

/* The manifest files in out_dir, sorted so the site is reproducible. */
static char **list_manifests(const char *out_dir, size_t *count)
{
	return dirlist_sorted(out_dir, ".manifest.xml", count);
}

/* The URL document() asks for a page's link map; matched in memory, never
 * read.  It is absolute (a relative URL would be resolved against the
 * stylesheet) and made only of characters a URI keeps as they are:
 * document() escapes the rest, so a real path ("my output/", a slug with
 * "%") would no longer match and the page would silently lose its links.
 * Hence the slug in hex, not the output folder.  The caller frees it. */
static char *link_map_url(const struct site_doc *d)
{
	struct buf url = BUF_INIT;
	buf_puts(&url, "/unpress-linkmap/");
	for (const unsigned char *p = (const unsigned char *)d->slug; *p; p++)
		buf_printf(&url, "%02x", *p);
	buf_puts(&url, ".links.xml");
	char *s = strdup(buf_cstr(&url));
	buf_free(&url);
	return s;
}

/* A link entry; its strings live as long as the index. */
static void add_link(struct site_doc *d, const char *href, const char *text, const char *target)
{
	if (d->nlinks == d->cap_links) {
		d->cap_links = d->cap_links ? d->cap_links * 2 : 4;
		d->links = realloc(d->links, d->cap_links * sizeof *d->links);
	}
	d->links[d->nlinks++] = (struct site_link){href, text, target};
}

/* A citation of d; its strings live as long as the index. */
static void add_cite(struct site_doc *d, const char *eid, const char *from, const char *label)
{
	if (d->ncites == d->cap_cites) {
		d->cap_cites = d->cap_cites ? d->cap_cites * 2 : 4;
		d->cites = realloc(d->cites, d->cap_cites * sizeof *d->cites);
	}
	d->cites[d->ncites++] = (struct site_cite){eid, from, label};
}

/* The arrays only: the strings are the index's (its arena). */
static void free_link_map(struct site_doc *d)
{
	free(d->links);
	free(d->cites);
	d->links = NULL;
	d->cites = NULL;
	d->nlinks = d->ncites = d->cap_links = d->cap_cites = 0;
}

/* The link map as the template reads it:
 * <links><link href text target/>…<cited eId from label/>…</links>. */
static xmlDocPtr link_map_tree(const struct site_doc *d)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewNode(NULL, X("links"));
	xmlNsPtr ns = xmlNewNs(root, X(UNPRESS_NS), NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	for (size_t i = 0; i < d->nlinks; i++) {
		xmlNodePtr l = xmlNewChild(root, ns, X("link"), NULL);
		xmlSetProp(l, X("href"), X(d->links[i].href));
		xmlSetProp(l, X("text"), X(d->links[i].text));
		xmlSetProp(l, X("target"), X(d->links[i].target));
	}
	for (size_t i = 0; i < d->ncites; i++) {
		xmlNodePtr c = xmlNewChild(root, ns, X("cited"), NULL);
		xmlSetProp(c, X("eId"), X(d->cites[i].eid));
		xmlSetProp(c, X("from"), X(d->cites[i].from));
		xmlSetProp(c, X("label"), X(d->cites[i].label));
	}
	char *url = link_map_url(d);
	doc->URL = xmlStrdup(X(url));
	free(url);
	return doc;
}

/* What a page shows of its link map, folded into h (its stamp). */
static uint64_t hash_link_map(uint64_t h, const struct site_doc *d)
{
	for (size_t i = 0; i < d->nlinks; i++) {
		const char *parts[] = {d->links[i].href, d->links[i].text, d->links[i].target};
		for (size_t k = 0; k < 3; k++)
			h = hash_add(h, parts[k], strlen(parts[k]) + 1);
	}
	h = hash_add(h, "|", 1);
	for (size_t i = 0; i < d->ncites; i++) {
		const char *parts[] = {d->cites[i].eid, d->cites[i].from, d->cites[i].label};
		for (size_t k = 0; k < 3; k++)
			h = hash_add(h, parts[k], strlen(parts[k]) + 1);
	}
	return h ? h : 1;
}

void site_free_doc(struct site_doc *d)
{
	/* strings, anchors and references are the index's (site_store) */
	free_link_map(d);
}

/* "para. 9" / "paras. 9–12" / "paragraph 9" in a reference → "para_9". */
static char *pinpoint_eid(const char *text)
{
	static const char *const words[] = {"paras.", "para.", "paragraphs", "paragraph"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		const char *p = strcasestr(text, words[w]);
		if (!p)
			continue;
		p += strlen(words[w]);
		while (*p == ' ')
			p++;
		if (!isdigit((unsigned char)*p))
			continue;
		char eid[32];
		size_t n = 0;
		while (isdigit((unsigned char)p[n]) && n < 8)
			n++;
		snprintf(eid, sizeof eid, "para_%.*s", (int)n, p);
		return strdup(eid);
	}
	return NULL;
}

/* Does the document define an anchor with this eId? */
static int has_anchor(struct site_doc *d, const char *eid)
{
	return site_anchor_num(d, eid) != NULL;
}

/* The page for an external symbol: cited-<symbol with / as _>.html, other
 * characters outside [A-Za-z0-9.-] as '-'. */
static char *external_page(const char *symbol)
{
	struct buf b = BUF_INIT;
	buf_puts(&b, "cited-");
	for (const char *p = symbol; *p; p++)
		buf_putc(&b, isalnum((unsigned char)*p) || *p == '.' || *p == '-' ? *p : *p == '/' ? '_' : '-');
	buf_puts(&b, ".html");
	char *r = strdup(buf_cstr(&b));
	buf_free(&b);
	return r;
}

/* How a citing place is named: "CTOC/COP/2022/9, 9." or just the label
 * (a string of the arena). */
static const char *citing_label(struct arena *arena, struct site_doc *d, const char *from)
{
	const char *num = from && *from ? site_anchor_num(d, from) : NULL;
	if (!num || !*num)
		return d->label;
	const char *kind = strncmp(from, "para", 4) && !strstr(from, "__para_") ? "item" : "para.";
	size_t len = strlen(num);
	/* "9." → "9": the label ends the sentence it is put in */
	if (num[len - 1] == '.')
		len--;
	return arena_printf(arena, "%s, %s %.*s", d->label, kind, (int)len, num);
}

struct corpus {
	struct site_store store;	/* what the records' strings live in */
	struct site_doc *docs;
	size_t ndocs;
	xmlHashTablePtr by_symbol;	/* symbol → struct site_doc * */
	xmlHashTablePtr by_number;	/* "11/3" → first site_doc (then ->same_number) */
	xmlDocPtr site;			/* the corpus description for site.xsl,
					 * built only when a site page is made */
	xmlHashTablePtr externals;	/* symbol → its struct site_external */
	struct site_external **ext;	/* in the order they were first cited */
	size_t next, cap_ext;
};

/* A symbol cited but not in the collection: it gets a page listing where. */
struct site_external {
	const char *symbol, *href, *page;
	struct site_ext_cite { const char *from, *label, *text; } *cites;
	size_t ncites, cap_cites;
	uint64_t stamp;		/* what its page shows */
};

/* The first document (in corpus order) other than from with this number,
 * whose type starts with kind when kind is given. */
static struct site_doc *by_number(struct corpus *c, struct site_doc *from, const char *number,
				  const char *kind)
{
	for (struct site_doc *d = xmlHashLookup(c->by_number, X(number)); d; d = d->same_number)
		if (d != from && (!kind || (d->type && !strncmp(d->type, kind, strlen(kind)))))
			return d;
	return NULL;
}

/* Which corpus document a reference points at, or NULL. */
static struct site_doc *resolve(struct corpus *c, struct site_doc *from, const char *href, const char *text)
{
	if (!strncmp(href, UNDOCS, strlen(UNDOCS))) {
		struct site_doc *d = xmlHashLookup(c->by_symbol, X(href + strlen(UNDOCS)));
		if (d)
			return d != from ? d : NULL;
	}
	/* A named resolution or decision: /akn/un/statement/{kind}/{body}/11-3
	 * (symbols.c) names its number in the IRI's last step. */
	if (!strncmp(href, "/akn/", 5)) {
		const char *last = strrchr(href, '/');
		char *number = strdup(last ? last + 1 : "");
		for (char *p = number; *p; p++)
			if (*p == '-')
				*p = '/';
		const char *kind = strstr(href, "/decision/") ? "decision" : "resolution";
		struct site_doc *hit = by_number(c, from, number, kind);
		free(number);
		return hit;
	}
	/* A text that names a resolution or decision and holds a number of the
	 * corpus ("11/3", with no digit or slash glued to it): each maximal
	 * run of digits and slashes is looked up; the earliest document wins. */
	if (!strcasestr(text, "resolution") && !strcasestr(text, "decision"))
		return NULL;
	struct site_doc *best = NULL;
	for (const char *p = text; *p;) {
		size_t n = strspn(p, "0123456789/");
		if (!n) {
			p++;
			continue;
		}
		char *token = strndup(p, n);
		struct site_doc *hit = by_number(c, from, token, NULL);
		if (hit && (!best || hit->index < best->index))
			best = hit;
		free(token);
		p += n;
	}
	return best;
}

/* The record of outside symbol (href its undocs.org address), made at
 * its first citation. */
static struct site_external *external(struct corpus *c, const char *symbol, const char *href)
{
	struct site_external *e = xmlHashLookup(c->externals, X(symbol));
	if (e)
		return e;
	e = arena_zalloc(&c->store.arena, sizeof *e);
	e->symbol = symbol;
	e->href = href;
	char *page = external_page(symbol);
	e->page = arena_strdup(&c->store.arena, page);
	free(page);
	xmlHashAddEntry(c->externals, X(symbol), e);
	if (c->next == c->cap_ext) {
		c->cap_ext = c->cap_ext ? c->cap_ext * 2 : 64;
		c->ext = realloc(c->ext, c->cap_ext * sizeof *c->ext);
	}
	c->ext[c->next++] = e;
	return e;
}

/* Resolve every reference of one document: link entries in its own map,
 * cited entries in the target's map, outside symbols' citations. */
static void resolve_refs(struct corpus *c, struct site_doc *d)
{
	struct arena *arena = &c->store.arena;
	/* where a reference is and how that place is named, kept from one
	 * reference to the next: a paragraph's references come together */
	const char *last_from = NULL, *where = NULL, *label = NULL;
	for (size_t i = 0; i < d->nrefs; i++) {
		const char *href = d->refs[i].href, *from = d->refs[i].from, *text = d->refs[i].text;
		struct site_doc *target = href ? resolve(c, d, href, text) : NULL;
		bool outside = !target && href && !strncmp(href, UNDOCS, strlen(UNDOCS)) && href[strlen(UNDOCS)];
		if (!target && !outside)
			continue;
		if (!where || !from != !last_from || (from && strcmp(from, last_from))) {
			where = from ? arena_concat(arena, 3, d->slug, ".html#", from)
				     : arena_concat(arena, 2, d->slug, ".html");
			label = citing_label(arena, d, from);
			last_from = from;
		}
		if (target) {
			char *pin = pinpoint_eid(text);
			if (pin && !has_anchor(target, pin)) {
				free(pin);
				pin = NULL;
			}
			const char *dest = pin ? arena_concat(arena, 3, target->slug, ".html#", pin)
					       : arena_concat(arena, 2, target->slug, ".html");
			add_link(d, href, text, dest);
			add_cite(target, pin ? arena_strdup(arena, pin) : "", where, label);
			free(pin);
		} else {
			struct site_external *e = external(c, href + strlen(UNDOCS), href);
			if (e->ncites == e->cap_cites) {
				e->cap_cites = e->cap_cites ? e->cap_cites * 2 : 8;
				e->cites = realloc(e->cites, e->cap_cites * sizeof *e->cites);
			}
			e->cites[e->ncites++] = (struct site_ext_cite){where, label, text};
		}
	}
}

/* One outside symbol's element in a corpus description. */
static void describe_external(xmlNodePtr site, const struct site_external *e)
{
	xmlNodePtr n = xmlNewChild(site, site->ns, X("external"), NULL);
	xmlSetProp(n, X("symbol"), X(e->symbol));
	xmlSetProp(n, X("href"), X(e->href));
	xmlSetProp(n, X("page"), X(e->page));
	for (size_t i = 0; i < e->ncites; i++) {
		xmlNodePtr cite = xmlNewChild(n, n->ns, X("cite"), NULL);
		xmlSetProp(cite, X("from"), X(e->cites[i].from));
		xmlSetProp(cite, X("label"), X(e->cites[i].label));
		xmlSetProp(cite, X("text"), X(e->cites[i].text));
	}
}

/* An empty corpus description: <site/> in our namespace. */
static xmlDocPtr new_description(void)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr site = xmlNewNode(NULL, X("site"));
	xmlSetNs(site, xmlNewNs(site, X(UNPRESS_NS), NULL));
	xmlDocSetRootElement(doc, site);
	return doc;
}

/* The corpus description the site's own pages show:
 * <site><external …><cite …/></external>…<doc …/>…</site>. */
static xmlDocPtr describe_corpus(struct corpus *c)
{
	xmlDocPtr doc = new_description();
	xmlNodePtr site = xmlDocGetRootElement(doc);
	for (size_t i = 0; i < c->next; i++)
		describe_external(site, c->ext[i]);
	for (size_t i = 0; i < c->ndocs; i++) {
		struct site_doc *d = &c->docs[i];
		xmlNodePtr n = xmlNewChild(site, site->ns, X("doc"), NULL);
		xmlSetProp(n, X("slug"), X(d->slug));
		xmlSetProp(n, X("label"), X(d->label));
		xmlSetProp(n, X("symbol"), X(d->symbol ? d->symbol : ""));
		xmlSetProp(n, X("title"), X(d->title ? d->title : d->label));
		xmlSetProp(n, X("type"), X(d->type ? d->type : ""));
		xmlSetProp(n, X("date"), X(d->date ? d->date : ""));
		xmlSetProp(n, X("cited"), X(d->ncites ? "1" : ""));
	}
	return doc;
}

/* Fold strings into h, each with its end (so "ab","c" differs from "a","bc"). */
static uint64_t hash_strings(uint64_t h, size_t n, const char *const *s)
{
	for (size_t i = 0; i < n; i++)
		h = hash_add(h, s[i] ? s[i] : "", s[i] ? strlen(s[i]) + 1 : 1);
	return h;
}

/* What an outside symbol's page shows, folded into h. */
static uint64_t hash_external(uint64_t h, const struct site_external *e)
{
	const char *head[] = {e->symbol, e->href, e->page};
	h = hash_strings(h, 3, head);
	for (size_t i = 0; i < e->ncites; i++) {
		const char *cite[] = {e->cites[i].from, e->cites[i].label, e->cites[i].text};
		h = hash_strings(h, 3, cite);
	}
	return h ? h : 1;
}

/* What the site's own pages show (describe_corpus), folded into h without
 * building it. */
static uint64_t hash_corpus(uint64_t h, const struct corpus *c)
{
	for (size_t i = 0; i < c->next; i++)
		h = hash_add(h, &c->ext[i]->stamp, sizeof c->ext[i]->stamp);
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct site_doc *d = &c->docs[i];
		const char *fields[] = {d->slug, d->label, d->symbol, d->title ? d->title : d->label,
					d->type, d->date, d->ncites ? "1" : ""};
		h = hash_strings(h, 7, fields);
	}
	return h ? h : 1;
}

/* Render one site page from a corpus description (the whole corpus, or
 * for an external symbol's page only that symbol's citations). */
static int site_page(xmlDocPtr desc, const char *out_dir, const char *xsl, const char *file,
		     const char *page, const char *sort, const char *symbol,
		     const struct render_opts *opts)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", out_dir, file);
	struct xslt_param params[] = {
		{"page", page},
		{"sort", sort},
		{"symbol", symbol},
	};
	int status = xslt_render(opts->data_dir, xsl, desc, params, 3, NULL,
				 buf_cstr(&path), opts->diag, "site");
	buf_free(&path);
	return status;
}

static int merge(int status, int next) { return status ? status : next; }

/* Render one document's page with its link map and write its search
 * units; the AKN is loaded for this and freed after. */
static int render_doc_page(struct site_doc *d, const char *out_dir, const struct render_opts *opts)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s.xml", out_dir, d->slug);
	xmlDocPtr akn = xmlReadFile(buf_cstr(&path), NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!akn) {
		diag_warn(opts->diag, 0, "site", "cannot read %s: its page is not rebuilt", buf_cstr(&path));
		free_link_map(d);
		buf_free(&path);
		return 0;
	}
	buf_clear(&path);
	buf_printf(&path, "%s/%s.html", out_dir, d->slug);
	xmlDocPtr map = link_map_tree(d);
	free_link_map(d);
	struct xslt_param params[] = {
		{"slug", d->slug},
		{"css", "unpress.css"},
		{"linkmap", (const char *)map->URL},
		{"site", "1"},
	};
	/* the transform takes the link map tree and frees it */
	int status = xslt_render(opts->data_dir, "akn-html.xsl", akn, params, 4, map,
				 buf_cstr(&path), opts->diag, "site");
	if (status == 0)
		status = search_units_write(out_dir, d->slug, akn, opts->diag);
	xmlFreeDoc(akn);
	buf_free(&path);
	return status;
}

/* The site's own pages: every index variant, the search page, the sitemap. */
static const struct { const char *file, *xsl, *page, *sort; } site_pages[] = {
	{"index.html", "site.xsl", "index", "symbol"},
	{"index-title.html", "site.xsl", "index", "title"},
	{"index-type.html", "site.xsl", "index", "type"},
	{"index-date.html", "site.xsl", "index", "date"},
	{"search.html", "site.xsl", "search", ""},
	{"sitemap.xml", "site-sitemap.xsl", "sitemap", ""},
};
enum { NSITE_PAGES = sizeof site_pages / sizeof site_pages[0] };

/* One share of the rendering, run in a child by site/pool. */
struct site_task {
	enum { TASK_DOC_PAGES, TASK_SITE_PAGES, TASK_EXTERNALS, TASK_SEARCH } kind;
	size_t from, to;	/* a run of doc_todo, site_todo, ext_todo or of the
				 * search plan's files */
};

/* What is rendered in one build, and how it is shared among processes. */
struct site_work {
	struct corpus *c;
	const char *out_dir;
	const struct render_opts *opts;
	size_t *doc_todo, ndoc_todo;		/* documents whose page is made */
	size_t site_todo[NSITE_PAGES], nsite_todo;	/* of site_pages */
	struct site_external **ext_todo;	/* externals whose page is made */
	size_t n_ext_todo;
	const struct search_plan *search;	/* the search index files made */
	struct site_task *list;
	size_t ntasks, cap_tasks;
};

static void add_task(struct site_work *w, int kind, size_t from, size_t to)
{
	if (w->ntasks == w->cap_tasks) {
		w->cap_tasks = w->cap_tasks ? w->cap_tasks * 2 : 16;
		w->list = realloc(w->list, w->cap_tasks * sizeof *w->list);
	}
	w->list[w->ntasks++] = (struct site_task){kind, from, to};
}

/* The page of one outside symbol, from a description holding only its
 * citations (the template needs no more, and a lookup in the whole
 * corpus per page would make the site quadratic). */
static int render_external(const struct site_external *e, const char *out_dir, const struct render_opts *opts)
{
	xmlDocPtr one = new_description();
	describe_external(xmlDocGetRootElement(one), e);
	int status = site_page(one, out_dir, "site.xsl", e->page, "external", "", e->symbol, opts);
	xmlFreeDoc(one);
	return status;
}

static int run_task(void *ctx, size_t i)
{
	struct site_work *w = ctx;
	const struct site_task *t = &w->list[i];
	int status = 0;
	for (size_t k = t->from; k < t->to; k++) {
		if (t->kind == TASK_SEARCH)
			status = merge(status, search_plan_write(w->search, k, w->out_dir, w->c->docs, w->opts->diag));
		else if (t->kind == TASK_DOC_PAGES)
			status = merge(status, render_doc_page(&w->c->docs[w->doc_todo[k]], w->out_dir, w->opts));
		else if (t->kind == TASK_SITE_PAGES) {
			size_t p = w->site_todo[k];
			status = merge(status, site_page(w->c->site, w->out_dir, site_pages[p].xsl, site_pages[p].file,
							 site_pages[p].page, site_pages[p].sort, "", w->opts));
		} else
			status = merge(status, render_external(w->ext_todo[k], w->out_dir, w->opts));
	}
	return status;
}

/* Every page rendered in child processes, up to opts->jobs at a time:
 * first the site's own pages and the outside symbols' (they read only the
 * corpus description), then the documents' pages in runs of at most
 * PAGES_PER_PROCESS (why children at all: site/pool.h), shorter towards the
 * end so that no process is left working alone; then the search index
 * files the plan makes, shared among the jobs (they gather the units the
 * document pages wrote). */
enum { PAGES_PER_PROCESS = 256 };

static int render_all(struct site_work *w)
{
	int jobs = w->opts->jobs > 1 ? w->opts->jobs : 1;
	w->ntasks = 0;
	if (w->nsite_todo)
		add_task(w, TASK_SITE_PAGES, 0, w->nsite_todo);
	/* the outside symbols' pages in as many runs as there are jobs */
	size_t next = 0, per = (w->n_ext_todo + (size_t)jobs - 1) / (size_t)jobs;
	for (; next < w->n_ext_todo; next += per)
		add_task(w, TASK_EXTERNALS, next, next + per < w->n_ext_todo ? next + per : w->n_ext_todo);
	for (next = 0; next < w->ndoc_todo;) {
		size_t left = w->ndoc_todo - next, run = (left + 2 * (size_t)jobs - 1) / (2 * (size_t)jobs);
		run = run < 16 ? 16 : run > PAGES_PER_PROCESS ? PAGES_PER_PROCESS : run;
		run = run > left ? left : run;
		add_task(w, TASK_DOC_PAGES, next, next + run);
		next += run;
	}
	int status = pool_run(w->ntasks, jobs, run_task, w);
	/* the search index files in about two runs per job */
	size_t nsearch = search_plan_files(w->search);
	if (status == 0 && nsearch) {
		w->ntasks = 0;
		per = (nsearch + 2 * (size_t)jobs - 1) / (2 * (size_t)jobs);
		for (next = 0; next < nsearch; next += per)
			add_task(w, TASK_SEARCH, next, next + per < nsearch ? next + per : nsearch);
		status = pool_run(w->ntasks, jobs, run_task, w);
	}
	return status;
}

/* The stamp of what the whole site was made from (not a file). */
#define INPUTS_STAMP "(inputs)"

static bool ts_before(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

/* Index every document by symbol (and each part of a joint symbol) and by
 * resolution number. */
static void index_doc(struct corpus *c, struct site_doc *d)
{
	if (d->number) {
		struct site_doc *first = xmlHashLookup(c->by_number, X(d->number));
		if (!first)
			xmlHashAddEntry(c->by_number, X(d->number), d);
		else { /* keep corpus order along the chain */
			while (first->same_number)
				first = first->same_number;
			first->same_number = d;
		}
	}
	if (!d->symbol)
		return;
	xmlHashAddEntry(c->by_symbol, X(d->symbol), d);
	/* A joint symbol (A/1-B/2, also with an en dash) is cited by either of
	 * its parts: undocs.org knows each part. */
	char *parts = strdup(d->symbol);
	for (char *p = parts; *p; p++)
		if (*p == '-' && p[1] >= 'A' && p[1] <= 'Z')
			*p = '\n';
	char *save = NULL;
	for (char *part = strtok_r(parts, "\n", &save); part; part = strtok_r(NULL, "\n", &save))
		if (strcmp(part, d->symbol))
			xmlHashAddEntry(c->by_symbol, X(part), d);
	free(parts);
}

int site_build(const char *out_dir, const struct render_opts *opts)
{
	size_t nfiles = 0;
	char **files = list_manifests(out_dir, &nfiles);
	if (!files) {
		diag_error(opts->diag, 0, "site", "cannot read %s: %s", out_dir, strerror(errno));
		return EX_NOINPUT;
	}
	uint64_t program = state_program_hash(opts->data_dir);
	struct stamps *stamps = stamps_load(out_dir);
	/* Nothing the site is made from changed since a clean build recorded
	 * it (and every file it stamped is there): the site stands, and
	 * neither the manifests nor the pages are read (a `make` with nothing
	 * to do).  The identities must be older than the stamps file and were
	 * older than the moment they were taken (the racy rule of state.h). */
	struct timespec started, newest;
	uint64_t inputs = 0;
	struct file_id *ids = malloc((2 * nfiles + 1) * sizeof *ids);
	for (int tries = 0; tries < 3; tries++) {
		/* a manifest written in this clock tick (the map step just
		 * ended) would leave the record unsafe: wait for the next
		 * tick and look again (a few milliseconds, once) */
		if (tries)
			usleep(10000);
		clock_gettime(CLOCK_REALTIME_COARSE, &started);
		inputs = site_inputs_hash(out_dir, files, nfiles, program, ids, &newest);
		if (ts_before(newest, started))
			break;
	}
	if (!opts->force && inputs == stamps_old(stamps, INPUTS_STAMP) &&
	    ts_before(newest, stamps_written(stamps)) && stamps_all_exist(stamps, out_dir)) {
		for (size_t i = 0; i < nfiles; i++)
			free(files[i]);
		free(files);
		free(ids);
		stamps_free(stamps);
		if (opts->pages_written)
			*opts->pages_written = 0;
		diag_note(opts->diag, 0, "site", "nothing the site is made from changed: it stands");
		return merge(copy_data_file(opts->data_dir, "styles/unpress.css", out_dir, "unpress.css", opts->diag, "site"),
			     copy_data_file(opts->data_dir, "styles/search.js", out_dir, "search.js", opts->diag, "site"));
	}
	unsigned reported = opts->diag->warnings + opts->diag->errors;
	bool slugs_are_names = true;	/* each manifest's slug is its file's stem */
	struct corpus c = {0};
	c.docs = calloc(nfiles ? nfiles : 1, sizeof *c.docs);
	arena_init(&c.store.arena);
	c.store.dict = xmlDictCreate();
	c.by_symbol = xmlHashCreate(nfiles + 64);
	c.by_number = xmlHashCreate(64);
	c.externals = xmlHashCreate(64);
	/* each record from the last build's index when its files are as they
	 * were, else from its manifest */
	struct site_cache *cache = site_cache_load(out_dir, program);
	size_t cached = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct site_doc *d = &c.docs[c.ndocs];
		if (site_cache_take(cache, files[i], &ids[2 * i], d, &c.store))
			cached++;
		else if (site_load_doc(out_dir, files[i], &ids[2 * i + 1], d, program, &c.store, opts->diag) == 0) {
			d->ids[0] = ids[2 * i];
			d->ids[1] = ids[2 * i + 1];
		} else {
			free(files[i]);
			continue;
		}
		size_t stem = strlen(files[i]) - strlen(".manifest.xml");
		slugs_are_names = slugs_are_names && strlen(d->slug) == stem && !strncmp(d->slug, files[i], stem);
		d->label = d->symbol ? d->symbol : d->number ? d->number : d->slug;
		if (!d->has_akn)
			diag_warn(opts->diag, 0, "site", "no XML for %s (%s/%s.xml): its page is not rebuilt",
				  d->slug, out_dir, d->slug);
		d->index = c.ndocs;
		index_doc(&c, d);
		c.ndocs++;
		free(files[i]);
	}
	free(files);
	free(ids);
	/* the index for the next build, when it differs from the last one */
	if ((cached != c.ndocs || site_cache_count(cache) != c.ndocs) &&
	    site_cache_save(out_dir, program, c.docs, c.ndocs, started) != 0)
		diag_warn(opts->diag, 0, "site", "cannot keep the site index: the next build reads every manifest");
	for (size_t i = 0; i < c.ndocs; i++)
		resolve_refs(&c, &c.docs[i]);

	struct site_work w = {.c = &c, .out_dir = out_dir, .opts = opts};
	/* The index pages, search page and sitemap show the corpus description
	 * (hashed before the document pages' loop lets go of the link maps: it
	 * shows which documents are cited). */
	for (size_t i = 0; i < c.next; i++)
		c.ext[i]->stamp = hash_external(program, c.ext[i]);
	uint64_t desc = hash_corpus(program, &c);
	for (size_t i = 0; i < NSITE_PAGES; i++)
		if (opts->force || !stamps_current(stamps, out_dir, site_pages[i].file, desc))
			w.site_todo[w.nsite_todo++] = i;
	if (w.nsite_todo)
		c.site = describe_corpus(&c);
	/* A page per outside symbol: its stamp is what its description holds. */
	w.ext_todo = malloc((c.next + 1) * sizeof *w.ext_todo);
	for (size_t i = 0; i < c.next; i++)
		if (opts->force || !stamps_current(stamps, out_dir, c.ext[i]->page, c.ext[i]->stamp))
			w.ext_todo[w.n_ext_todo++] = c.ext[i];
	/* Document pages: render those whose stamp changed. */
	w.doc_todo = malloc((c.ndocs + 1) * sizeof *w.doc_todo);
	struct buf name = BUF_INIT;
	for (size_t i = 0; i < c.ndocs; i++) {
		struct site_doc *d = &c.docs[i];
		if (!d->has_akn) {
			free_link_map(d);
			continue;
		}
		d->page_stamp = hash_link_map(d->source_stamp, d);
		buf_clear(&name);
		buf_printf(&name, "%s.html", d->slug);
		const char *units = search_units_name(d->slug);
		if (!opts->force && stamps_current(stamps, out_dir, buf_cstr(&name), d->page_stamp) &&
		    stamps_current(stamps, out_dir, units, d->source_stamp)) {
			free_link_map(d); /* not needed: the page stands */
		} else
			w.doc_todo[w.ndoc_todo++] = i;
	}
	/* The search index: the shards whose documents changed. */
	struct search_plan *search = search_plan_make(stamps, out_dir, c.docs, c.ndocs, program, opts->force);
	w.search = search;
	int status = render_all(&w);
	int written = (int)(w.ndoc_todo + w.nsite_todo + w.n_ext_todo) + (search_plan_files(search) ? 1 : 0);
	/* Stamp what stands (on failure, only what was not to be rendered:
	 * which share failed is not known). */
	for (size_t i = 0, k = 0; i < c.ndocs; i++) {
		struct site_doc *d = &c.docs[i];
		if (!d->has_akn)
			continue;
		int rendered = k < w.ndoc_todo && w.doc_todo[k] == i;
		k += rendered;
		if (rendered && status != 0)
			continue;
		buf_clear(&name);
		buf_printf(&name, "%s.html", d->slug);
		stamps_set(stamps, buf_cstr(&name), d->page_stamp);
		stamps_set(stamps, search_units_name(d->slug), d->source_stamp);
	}
	for (size_t i = 0; i < NSITE_PAGES && status == 0; i++)
		stamps_set(stamps, site_pages[i].file, desc);
	for (size_t i = 0; i < c.next && status == 0; i++)
		stamps_set(stamps, c.ext[i]->page, c.ext[i]->stamp);
	if (status == 0)
		search_plan_stamp(search, stamps);
	search_plan_free(search);
	free(w.doc_todo);
	free(w.ext_todo);
	free(w.list);
	if (status == 0)
		status = merge(copy_data_file(opts->data_dir, "styles/unpress.css", out_dir, "unpress.css", opts->diag, "site"),
			       copy_data_file(opts->data_dir, "styles/search.js", out_dir, "search.js", opts->diag, "site"));
	/* pages of outside symbols no longer cited as such go, as a clean
	 * build would not make them (only when every page was made: a failed
	 * build has not stamped all it keeps) */
	if (status == 0)
		stamps_remove_stale(stamps, out_dir, "cited-");
	/* what the site was made from, when the build says all of it: every
	 * manifest read, no warning to repeat next time, and the XML it
	 * looked at the one site_inputs_hash looks at */
	if (status == 0 && c.ndocs == nfiles && opts->diag->warnings + opts->diag->errors == reported &&
	    slugs_are_names && ts_before(newest, started))
		stamps_set(stamps, INPUTS_STAMP, inputs);
	if (stamps_save(stamps, out_dir) != 0)
		diag_warn(opts->diag, 0, "site", "cannot record what the site was built from: the next build redoes it");
	if (opts->pages_written)
		*opts->pages_written = written;
	buf_free(&name);
	stamps_free(stamps);
	for (size_t i = 0; i < c.ndocs; i++)
		site_free_doc(&c.docs[i]);
	free(c.docs);
	xmlHashFree(c.by_symbol, NULL);
	xmlHashFree(c.by_number, NULL);
	xmlHashFree(c.externals, NULL);
	for (size_t i = 0; i < c.next; i++)
		free(c.ext[i]->cites);
	free(c.ext);
	xmlFreeDoc(c.site);
	arena_free(&c.store.arena);
	xmlDictFree(c.store.dict);
	site_cache_free(cache);
	return status;
}
