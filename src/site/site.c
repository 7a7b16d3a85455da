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

/* An attribute as a malloc'd string, NULL when absent or empty. */
static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, X(name));
	char *s = v && *v ? strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

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

/* A link entry: href and text are the reference's own (they live as long
 * as the index), target a copy in the index's arena. */
static void add_link(struct arena *arena, struct site_doc *d, const char *href, const char *text,
		     const char *target)
{
	if (d->nlinks == d->cap_links) {
		d->cap_links = d->cap_links ? d->cap_links * 2 : 4;
		d->links = realloc(d->links, d->cap_links * sizeof *d->links);
	}
	d->links[d->nlinks++] = (struct site_link){href, text, arena_strdup(arena, target)};
}

static void add_cite(struct arena *arena, struct site_doc *d, const char *eid, const char *from,
		     const char *label)
{
	if (d->ncites == d->cap_cites) {
		d->cap_cites = d->cap_cites ? d->cap_cites * 2 : 4;
		d->cites = realloc(d->cites, d->cap_cites * sizeof *d->cites);
	}
	d->cites[d->ncites++] = (struct site_cite){arena_strdup(arena, eid), arena_strdup(arena, from),
						   arena_strdup(arena, label)};
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
	/* strings and anchor names are the index's (site_store) */
	xmlHashFree(d->anchors, NULL);
	free(d->refs);
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
	return xmlHashLookup(d->anchors, X(eid)) != NULL;
}

/* The number an anchor shows ("9."), or NULL. */
static char *anchor_num(struct site_doc *d, const char *eid)
{
	const char *num = xmlHashLookup(d->anchors, X(eid));
	return num && *num ? strdup(num) : NULL;
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

/* How a citing place is named: "CTOC/COP/2022/9, 9." or just the label. */
static char *citing_label(struct site_doc *d, const char *from)
{
	char *num = from && *from ? anchor_num(d, from) : NULL;
	struct buf b = BUF_INIT;
	buf_puts(&b, d->label);
	if (num)
		buf_printf(&b, ", %s %s", strncmp(from, "para", 4) && !strstr(from, "__para_") ? "item" : "para.", num);
	free(num);
	size_t len = b.len;
	char *r = strdup(buf_cstr(&b));
	if (len && r[len - 1] == '.' && num)
		r[len - 1] = '\0';
	buf_free(&b);
	return r;
}

struct corpus {
	struct site_store store;	/* what the records' strings live in */
	struct site_doc *docs;
	size_t ndocs;
	xmlHashTablePtr by_symbol;	/* symbol → struct site_doc * */
	xmlHashTablePtr by_number;	/* "11/3" → first site_doc (then ->same_number) */
	xmlDocPtr site;			/* the corpus description for site.xsl */
	xmlHashTablePtr externals;	/* symbol → its u:external node */
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

/* Resolve every reference of one document: link entries in its own map,
 * cited entries in the target's map, external symbols in the corpus. */
static void resolve_refs(struct corpus *c, struct site_doc *d)
{
	for (size_t i = 0; i < d->nrefs; i++) {
		const char *href = d->refs[i].href, *from = d->refs[i].from, *text = d->refs[i].text;
		struct site_doc *target = href ? resolve(c, d, href, text) : NULL;
		struct buf where = BUF_INIT;
		buf_printf(&where, "%s.html%s%s", d->slug, from ? "#" : "", from ? from : "");
		char *label = citing_label(d, from);
		if (target) {
			char *pin = pinpoint_eid(text);
			if (pin && !has_anchor(target, pin)) {
				free(pin);
				pin = NULL;
			}
			struct buf dest = BUF_INIT;
			buf_printf(&dest, "%s.html%s%s", target->slug, pin ? "#" : "", pin ? pin : "");
			add_link(&c->store.arena, d, href, text, buf_cstr(&dest));
			add_cite(&c->store.arena, target, pin ? pin : "", buf_cstr(&where), label);
			buf_free(&dest);
			free(pin);
		} else if (href && !strncmp(href, UNDOCS, strlen(UNDOCS)) && href[strlen(UNDOCS)]) {
			const char *symbol = href + strlen(UNDOCS);
			xmlNodePtr ext = xmlHashLookup(c->externals, X(symbol));
			if (!ext) {
				xmlNodePtr site = xmlDocGetRootElement(c->site);
				ext = xmlNewChild(site, site->ns, X("external"), NULL);
				xmlSetProp(ext, X("symbol"), X(symbol));
				xmlSetProp(ext, X("href"), X(href));
				char *page = external_page(symbol);
				xmlSetProp(ext, X("page"), X(page));
				free(page);
				xmlHashAddEntry(c->externals, X(symbol), ext);
			}
			xmlNodePtr cite = xmlNewChild(ext, ext->ns, X("cite"), NULL);
			xmlSetProp(cite, X("from"), X(buf_cstr(&where)));
			xmlSetProp(cite, X("label"), X(label));
			xmlSetProp(cite, X("text"), X(text));
		}
		free(label);
		buf_free(&where);
	}
}

/* The corpus description: <site><doc …/>…<external …><cite …/></external></site>. */
static void describe_docs(struct corpus *c)
{
	xmlNodePtr site = xmlDocGetRootElement(c->site);
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

/* Fold a serialised tree into h: what a page shows of it. */
static uint64_t hash_tree(uint64_t h, xmlDocPtr doc)
{
	xmlChar *mem = NULL;
	int size = 0;
	xmlDocDumpMemory(doc, &mem, &size);
	h = hash_add(h, mem, size > 0 ? (size_t)size : 0);
	xmlFree(mem);
	return h ? h : 1;
}

/* Fold a serialised node into h. */
static uint64_t hash_node(uint64_t h, xmlNodePtr n)
{
	xmlBufferPtr b = xmlBufferCreate();
	xmlNodeDump(b, n->doc, n, 0, 0);
	h = hash_add(h, xmlBufferContent(b), (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
	return h ? h : 1;
}

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
	xmlNodePtr *ext_todo;			/* externals whose page is made */
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
static int render_external(xmlNodePtr e, const char *out_dir, const struct render_opts *opts)
{
	char *page = attr(e, "page"), *symbol = attr(e, "symbol");
	xmlDocPtr one = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewNode(NULL, X("site"));
	xmlSetNs(root, xmlNewNs(root, X(UNPRESS_NS), NULL));
	xmlDocSetRootElement(one, root);
	xmlAddChild(root, xmlDocCopyNode(e, one, 1));
	int status = site_page(one, out_dir, "site.xsl", page, "external", "", symbol, opts);
	xmlFreeDoc(one);
	free(page);
	free(symbol);
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
	for (int tries = 0; tries < 3; tries++) {
		/* a manifest written in this clock tick (the map step just
		 * ended) would leave the record unsafe: wait for the next
		 * tick and look again (a few milliseconds, once) */
		if (tries)
			usleep(10000);
		clock_gettime(CLOCK_REALTIME_COARSE, &started);
		inputs = site_inputs_hash(out_dir, files, nfiles, program, &newest);
		if (ts_before(newest, started))
			break;
	}
	if (!opts->force && inputs == stamps_old(stamps, INPUTS_STAMP) &&
	    ts_before(newest, stamps_written(stamps)) && stamps_all_exist(stamps, out_dir)) {
		for (size_t i = 0; i < nfiles; i++)
			free(files[i]);
		free(files);
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
	for (size_t i = 0; i < nfiles; i++) {
		if (site_load_doc(out_dir, files[i], &c.docs[c.ndocs], program, &c.store, opts->diag) == 0) {
			const char *slug = c.docs[c.ndocs].slug;
			size_t stem = strlen(files[i]) - strlen(".manifest.xml");
			slugs_are_names = slugs_are_names && strlen(slug) == stem && !strncmp(slug, files[i], stem);
			c.docs[c.ndocs].index = c.ndocs;
			index_doc(&c, &c.docs[c.ndocs]);
			c.ndocs++;
		}
		free(files[i]);
	}
	free(files);
	c.site = xmlNewDoc(X("1.0"));
	xmlNodePtr site = xmlNewNode(NULL, X("site"));
	xmlSetNs(site, xmlNewNs(site, X(UNPRESS_NS), NULL));
	xmlDocSetRootElement(c.site, site);
	for (size_t i = 0; i < c.ndocs; i++)
		resolve_refs(&c, &c.docs[i]);
	describe_docs(&c);

	/* Document pages: render those whose stamp changed. */
	struct site_work w = {.c = &c, .out_dir = out_dir, .opts = opts};
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
	/* The index pages, search page and sitemap show the corpus description. */
	uint64_t desc = hash_tree(program, c.site);
	for (size_t i = 0; i < NSITE_PAGES; i++)
		if (opts->force || !stamps_current(stamps, out_dir, site_pages[i].file, desc))
			w.site_todo[w.nsite_todo++] = i;
	/* A page per outside symbol: its stamp is what its description holds. */
	size_t nexternals = xmlHashSize(c.externals);
	w.ext_todo = malloc((nexternals + 1) * sizeof *w.ext_todo);
	uint64_t *ext_stamps = malloc((nexternals + 1) * sizeof *ext_stamps);
	xmlNodePtr *externals = malloc((nexternals + 1) * sizeof *externals);
	size_t next = 0;
	for (xmlNodePtr e = site->children; e; e = e->next) {
		if (strcmp((const char *)e->name, "external"))
			continue;
		char *page = attr(e, "page");
		ext_stamps[next] = hash_node(program, e);
		externals[next++] = e;
		if (opts->force || !stamps_current(stamps, out_dir, page, ext_stamps[next - 1]))
			w.ext_todo[w.n_ext_todo++] = e;
		free(page);
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
	for (size_t i = 0; i < next && status == 0; i++) {
		char *page = attr(externals[i], "page");
		stamps_set(stamps, page, ext_stamps[i]);
		free(page);
	}
	if (status == 0)
		search_plan_stamp(search, stamps);
	search_plan_free(search);
	free(w.doc_todo);
	free(w.ext_todo);
	free(w.list);
	free(ext_stamps);
	free(externals);
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
	xmlFreeDoc(c.site);
	arena_free(&c.store.arena);
	xmlDictFree(c.store.dict);
	return status;
}
