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
 * Scale: each manifest is read (site/load.c, by SAX) into a compact record
 * (identity, its anchors, its references) whose strings live in one arena,
 * or taken as it is from the site index the last build left
 * (site/cache.c) when its files did not change.  References are resolved
 * through hash tables (by symbol, by resolution number) into compact
 * records (site/resolve.c), again only where they may resolve otherwise
 * than last time (resolve_changed).  A document's AKN is loaded only while
 * its page is rendered.  Pages are rendered in up to opts->jobs child
 * processes (util/pool.h), and only where what they show changed
 * (site/stamps.h): a page's stamp covers its XML, its manifest, what its
 * references resolved to and who cites it, the program and the templates. */
#include "akn/edition.h"

#include <assert.h>
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

#include "akn/load.h"
#include "akn/ns.h"
#include "site/stamps.h"
#include "util/outname.h"
#include "util/program.h"
#include "html/xslt.h"
#include "akn/lang.h"
#include "util/lang.h"
#include "site/corpus.h"
#include "util/pool.h"
#include "util/dirlist.h"
#include "util/dirset.h"
#include "util/slurp.h"
#include "util/buf.h"
#include "util/arena.h"
#include "util/atomic.h"
#include "util/utf8.h"
#include "util/hash.h"
#include "util/timespec.h"
#include "util/xmalloc.h"

static const xmlChar *X(const char *s) { return (const xmlChar *)s; }


/* The manifest files in out_dir, sorted so the site is reproducible (from
 * the folder's one listing, which the stamps ask too). */
static char **list_manifests(const char *out_dir, size_t *count)
{
	return dirset_sorted(dirset_of(out_dir), ".manifest.xml", count);
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
	char *s = xstrdup(buf_cstr(&url));
	buf_free(&url);
	return s;
}

/* The arrays only: the strings are the index's (its arena). */
static void free_link_map(struct site_doc *d)
{
	free(d->links);
	free(d->cites);
	d->links = NULL;
	d->cites = NULL;
	d->nlinks = d->ncites = 0;
}

/* The link map as the template reads it:
 * <links index search><link href text target/>…<cited eId from label/>…
 *   <alternate lang href current/>…</links>
 * (index and search: the pages of the document's language, when it is
 * not the site's first; alternate: its language versions). */
static xmlDocPtr link_map_tree(const struct corpus *c, const struct site_doc *d)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr root = xmlNewNode(NULL, X("links"));
	xmlNsPtr ns = xmlNewNs(root, X(UNPRESS_NS), NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	const char *suffix = c->langs[d->lang_index].suffix;
	if (*suffix) {
		struct buf name = BUF_INIT;
		buf_printf(&name, "index%s.html", suffix);
		xmlSetProp(root, X("index"), X(buf_cstr(&name)));
		buf_clear(&name);
		buf_printf(&name, "search%s.html", suffix);
		xmlSetProp(root, X("search"), X(buf_cstr(&name)));
		buf_free(&name);
	}
	for (size_t i = 0; i < d->nversions; i++) {
		const struct site_doc *v = d->versions[i];
		xmlNodePtr a = xmlNewChild(root, ns, X("alternate"), NULL);
		xmlSetProp(a, X("lang"), X(v->lang));
		struct buf href = BUF_INIT;
		buf_printf(&href, "%s.html", v->slug);
		xmlSetProp(a, X("href"), X(buf_cstr(&href)));
		buf_free(&href);
		if (v == d)
			xmlSetProp(a, X("current"), X("1"));
	}
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

/* Free what d holds apart from the store (d itself is the caller's). */
static void site_free_doc(struct site_doc *d)
{
	/* strings, anchors and references are the index's (site_store) */
	free_link_map(d);
}

/* One outside symbol's element in a corpus description: how many times it
 * is cited, and with cites where (its own page lists them; the index pages
 * show only the count, and 8,000 documents cite outside symbols 33,500
 * times: as a tree, a third of the index pages' memory). */
static void describe_external(xmlNodePtr site, const struct site_external *e, bool cites)
{
	xmlNodePtr n = xmlNewChild(site, site->ns, X("external"), NULL);
	xmlSetProp(n, X("symbol"), X(e->symbol));
	xmlSetProp(n, X("href"), X(e->href));
	xmlSetProp(n, X("page"), X(e->page));
	char count[24];
	snprintf(count, sizeof count, "%zu", e->nby);
	xmlSetProp(n, X("cites"), X(count));
	for (size_t i = 0; cites && i < e->ncites; i++) {
		xmlNodePtr cite = xmlNewChild(n, n->ns, X("cite"), NULL);
		xmlSetProp(cite, X("from"), X(e->cites[i].from));
		xmlSetProp(cite, X("label"), X(e->cites[i].label));
		xmlSetProp(cite, X("text"), X(e->cites[i].text));
		xmlSetProp(cite, X("lang"), X(e->cites[i].lang));
	}
}

/* An empty corpus description: <site/> in our namespace, with the
 * collection's languages (<lang tag suffix count/>, the first the site's
 * own: its pages have the plain names). */
static xmlDocPtr new_description(const struct corpus *c)
{
	xmlDocPtr doc = xmlNewDoc(X("1.0"));
	xmlNodePtr site = xmlNewNode(NULL, X("site"));
	xmlSetNs(site, xmlNewNs(site, X(UNPRESS_NS), NULL));
	xmlDocSetRootElement(doc, site);
	for (size_t k = 0; k < c->nlangs; k++) {
		xmlNodePtr l = xmlNewChild(site, site->ns, X("lang"), NULL);
		xmlSetProp(l, X("tag"), X(c->langs[k].tag));
		xmlSetProp(l, X("suffix"), X(c->langs[k].suffix));
		char count[24];
		snprintf(count, sizeof count, "%zu", c->langs[k].ndocs);
		xmlSetProp(l, X("count"), X(count));
	}
	return doc;
}

/* The corpus description the site's own pages show:
 * <site><external … cites="N"/>…<doc …/>…</site>. */
static xmlDocPtr describe_corpus(struct corpus *c)
{
	xmlDocPtr doc = new_description(c);
	xmlNodePtr site = xmlDocGetRootElement(doc);
	for (size_t i = 0; i < c->next; i++)
		describe_external(site, c->ext[i], false);
	for (size_t i = 0; i < c->ndocs; i++) {
		struct site_doc *d = &c->docs[i];
		xmlNodePtr n = xmlNewChild(site, site->ns, X("doc"), NULL);
		xmlSetProp(n, X("slug"), X(d->slug));
		xmlSetProp(n, X("label"), X(d->label));
		xmlSetProp(n, X("symbol"), X(d->symbol ? d->symbol : ""));
		xmlSetProp(n, X("title"), X(d->title ? d->title : d->label));
		xmlSetProp(n, X("type"), X(d->type ? d->type : ""));
		xmlSetProp(n, X("date"), X(d->date ? d->date : ""));
		xmlSetProp(n, X("cited"), X(c->n_cited_by[i] ? "1" : ""));
		xmlSetProp(n, X("lang"), X(d->lang));
		/* one of its symbol's language versions: the sitemap links them */
		for (size_t k = 0; k < d->nversions; k++)
			if (d->versions[k] == d)
				xmlSetProp(n, X("alt"), X("1"));
	}
	return doc;
}

/* Render one site page from a corpus description (the whole corpus, or
 * for an external symbol's page only that symbol's citations). */
static int site_page(xmlDocPtr desc, const char *out_dir, const char *xsl, const char *file,
		     const char *page, const char *sort, const char *symbol, const struct site_lang *lang,
		     const struct render_opts *opts)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", out_dir, file);
	const char *tag = lang ? lang->tag : "en";
	struct xslt_param params[] = {
		{"page", page},
		{"sort", sort},
		{"symbol", symbol},
		{"lang", tag},
		{"dir", lang_is_rtl(tag) ? "rtl" : "ltr"},
		{"suffix", lang ? lang->suffix : ""},
		{"strings", xslt_strings(opts->data_dir, tag, opts->diag)},
		{"base", opts->base_url ? opts->base_url : ""},
	};
	int status = xslt_render(opts->data_dir, xsl, desc, params, 8, NULL,
				 buf_cstr(&path), opts->diag, "site");
	buf_free(&path);
	return status;
}

static int merge(int status, int next) { return status ? status : next; }

/* Render one document's page with its link map and write its search
 * units; the AKN is loaded for this and freed after. */
static int render_doc_page(const struct corpus *c, struct site_doc *d, const char *out_dir,
			   const struct render_opts *opts)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s.xml", out_dir, d->slug);
	/* bounded, never decompressed, no entities (akn/load.c): the map
	 * step that wrote it may have run anywhere */
	struct diag quiet;
	diag_init(&quiet, buf_cstr(&path), 0);
	xmlDocPtr akn = akn_load_safely(buf_cstr(&path), &quiet);
	if (!akn) {
		diag_warn(opts->diag, 0, "site", "cannot read %s: its page is not rebuilt", buf_cstr(&path));
		free_link_map(d);
		buf_free(&path);
		return 0;
	}
	buf_clear(&path);
	buf_printf(&path, "%s/%s.html", out_dir, d->slug);
	xmlDocPtr map = link_map_tree(c, d);
	free_link_map(d);
	/* the language of the XML itself, as the HTML edition reads it (the
	 * manifest's is the same, unless the XML changed since) */
	struct doc_lang lang;
	doc_language(akn, &lang);
	struct xslt_param params[] = {
		{"slug", d->slug},
		{"css", "unpress.css"},
		{"linkmap", (const char *)map->URL},
		{"site", "1"},
		{"lang", lang.tag},
		{"dir", lang.rtl ? "rtl" : "ltr"},
		{"verbose", opts->diag->verbosity > 1 ? "1" : ""},
		{"strings", xslt_strings(opts->data_dir, lang.tag, opts->diag)},
	};
	/* the transform takes the link map tree and frees it */
	int status = xslt_render(opts->data_dir, "akn-html.xsl", akn, params, 8, map,
				 buf_cstr(&path), opts->diag, "site");
	if (status == 0)
		status = search_units_write(out_dir, d->slug, akn, opts->diag);
	xmlFreeDoc(akn);
	buf_free(&path);
	return status;
}

/* The site's own pages: for each language every index variant and the
 * search page (index.html, index-title.html, … for the first language;
 * index-ar.html, index-ar-title.html, search-ar.html, … for the others),
 * and the sitemap. */
struct site_page {
	const char *file, *xsl, *page, *sort;
	const struct site_lang *lang;
};
static const struct { const char *stem, *page, *sort; } page_kinds[] = {
	{"index", "index", "symbol"},
	{"index", "index", "title"},
	{"index", "index", "type"},
	{"index", "index", "date"},
	{"search", "search", ""},
};

/* Every site page of the corpus's languages (names in the arena). */
static struct site_page *site_pages_of(struct corpus *c, size_t *n)
{
	size_t kinds = sizeof page_kinds / sizeof page_kinds[0];
	struct site_page *pages = arena_alloc(&c->store.arena, (c->nlangs * kinds + 1) * sizeof *pages);
	*n = 0;
	for (size_t k = 0; k < c->nlangs; k++)
		for (size_t i = 0; i < kinds; i++) {
			const char *sort = page_kinds[i].sort;
			const char *file = *sort && strcmp(sort, "symbol")
				? arena_printf(&c->store.arena, "%s%s-%s.html", page_kinds[i].stem, c->langs[k].suffix, sort)
				: arena_printf(&c->store.arena, "%s%s.html", page_kinds[i].stem, c->langs[k].suffix);
			pages[(*n)++] = (struct site_page){file, "site.xsl", page_kinds[i].page, sort, &c->langs[k]};
		}
	pages[(*n)++] = (struct site_page){"sitemap.xml", "site-sitemap.xsl", "sitemap", "",
					   c->nlangs ? &c->langs[0] : NULL};
	return pages;
}

/* One share of the rendering, run in a child by util/pool. */
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
	struct site_page *site_pages;		/* every site page */
	size_t nsite_pages;
	size_t *site_todo, nsite_todo;		/* of site_pages */
	struct site_external **ext_todo;	/* externals whose page is made */
	size_t n_ext_todo;
	const struct search_plan *search;	/* the search index files made */
	/* the site index to write while the first pages are rendered */
	bool save_index;
	const struct site_cache *cache;	/* the last build's */
	uint64_t program, corpus_key;
	struct timespec started;
	struct site_task *list;
	size_t ntasks, cap_tasks;
};

static void add_task(struct site_work *w, int kind, size_t from, size_t to)
{
	if (w->ntasks == w->cap_tasks) {
		w->cap_tasks = w->cap_tasks ? w->cap_tasks * 2 : 16;
		w->list = xrealloc(w->list, w->cap_tasks * sizeof *w->list);
	}
	w->list[w->ntasks++] = (struct site_task){kind, from, to};
}

/* The page of one outside symbol, from a description holding only its
 * citations (the template needs no more, and a lookup in the whole
 * corpus per page would make the site quadratic). */
static int render_external(const struct corpus *c, const struct site_external *e, const char *out_dir,
			   const struct render_opts *opts)
{
	xmlDocPtr one = new_description(c);
	describe_external(xmlDocGetRootElement(one), e, true);
	int status = site_page(one, out_dir, "site.xsl", e->page, "external", "", e->symbol,
			       c->nlangs ? &c->langs[0] : NULL, opts);
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
			status = merge(status, render_doc_page(w->c, &w->c->docs[w->doc_todo[k]], w->out_dir, w->opts));
		else if (t->kind == TASK_SITE_PAGES) {
			const struct site_page *p = &w->site_pages[w->site_todo[k]];
			status = merge(status, site_page(w->c->site, w->out_dir, p->xsl, p->file, p->page, p->sort, "",
							 p->lang, w->opts));
		} else
			status = merge(status, render_external(w->c, w->ext_todo[k], w->out_dir, w->opts));
	}
	return status;
}

/* Every page rendered in child processes, up to opts->jobs at a time:
 * first the site's own pages and the outside symbols' (they read only the
 * corpus description), then the documents' pages in runs of at most
 * PAGES_PER_PROCESS (why children at all: util/pool.h), shorter towards the
 * end so that no process is left working alone; then the search index
 * files the plan makes, shared among the jobs (they gather the units the
 * document pages wrote). */
enum { PAGES_PER_PROCESS = 256 };

/* Write the site index for the next build (pool_run's meanwhile: 20 MB
 * for 8,000 documents, written while children render). */
static void save_index(void *ctx)
{
	struct site_work *w = ctx;
	if (w->save_index &&
	    site_cache_save(w->cache, w->out_dir, w->program, w->corpus_key, w->c->docs, w->c->ndocs, w->started) != 0)
		diag_warn(w->opts->diag, 0, "site", "cannot keep the site index: the next build reads every manifest");
}

/* A rendering process died: the pages of its share are not rebuilt. */
static void task_died(void *ctx, size_t i, const char *how)
{
	struct site_work *w = ctx;
	(void)i;
	diag_error(w->opts->diag, 0, "site", "a rendering process died (%s): its pages are not rebuilt", how);
}

/* Run w's task list on the pool, each task in a process of its own;
 * meanwhile (when not NULL) runs here once the first have started. */
static int run_tasks(struct site_work *w, int jobs, void (*meanwhile)(void *))
{
	struct pool pool = {
		.ntasks = w->ntasks,
		.jobs = jobs,
		.fresh = true,
		.run = run_task,
		.died = task_died,
		.meanwhile = meanwhile,
		.ctx = w,
		.diag = w->opts->diag,
		.verbosity = w->opts->diag->verbosity,
	};
	int nw = pool_workers(&pool);
	diag_note(w->opts->diag, 0, "site", "%zu share%s of the rendering in %d process%s (-j %d%s)", w->ntasks,
		  w->ntasks == 1 ? "" : "s", nw, nw == 1 ? "" : "es", jobs,
		  nw < jobs ? ": never more processes than shares" : "");
	return pool_run(&pool);
}

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
	int status = run_tasks(w, jobs, save_index);
	/* the search index files in about two runs per job */
	size_t nsearch = search_plan_files(w->search);
	if (status == 0 && nsearch) {
		w->ntasks = 0;
		per = (nsearch + 2 * (size_t)jobs - 1) / (2 * (size_t)jobs);
		for (next = 0; next < nsearch; next += per)
			add_task(w, TASK_SEARCH, next, next + per < nsearch ? next + per : nsearch);
		status = run_tasks(w, jobs, NULL);
	}
	return status;
}

/* OUT/.unpress/site-report: what the last build of the site holds, for
 * scripts (tests/bench/corpus_site.sh): "documents N", "languages K",
 * "pages-written P", "links-inside X", "links-outside Y", one a line. */
static void write_report(const char *out_dir, const struct corpus *c, int written, size_t in, size_t out)
{
	struct buf path = BUF_INIT, text = BUF_INIT;
	buf_printf(&path, "%s/" STATE_DIR "/site-report", out_dir);
	buf_printf(&text, "documents %zu\nlanguages %zu\npages-written %d\nlinks-inside %zu\nlinks-outside %zu\n"
		   "outside-symbols %zu\n", c->ndocs, c->nlangs, written, in, out, c->next);
	atomic_write(buf_cstr(&path), text.data, text.len);
	buf_free(&path);
	buf_free(&text);
}

/* The stamp of what the whole site was made from (not a file). */
#define INPUTS_STAMP "(inputs)"


/* Resolve the references that may resolve otherwise than in the last
 * build (whose corpus key was last_key): all of them when any document
 * came, went, moved or changed what references into it see; else those
 * of the documents whose record changed, and those into a changed
 * document whose anchors changed (a pinpoint may come or go).  The other
 * documents keep the outs the site index gave them.  Returns how many
 * documents' references were resolved. */
static size_t resolve_changed(struct corpus *c, uint64_t last_key)
{
	size_t resolved = 0;
	bool all = corpus_key(c) != last_key;
	bool *anchors_moved = xcalloc(c->ndocs + 1, sizeof *anchors_moved);
	bool any_moved = false;
	for (size_t i = 0; i < c->ndocs && !all; i++) {
		struct site_doc *d = &c->docs[i];
		all = !d->taken && !d->stale; /* (a new one changes the key too) */
		anchors_moved[i] = !d->taken && d->anchor_key != d->old_anchor_key;
		any_moved = any_moved || anchors_moved[i];
	}
	for (size_t i = 0; i < c->ndocs; i++) {
		struct site_doc *d = &c->docs[i];
		bool again = all || !d->taken;
		for (size_t k = 0; k < d->nouts && !again && any_moved; k++)
			again = d->outs[k].target >= 0 && anchors_moved[d->outs[k].target];
		if (again) {
			corpus_resolve(c, d);
			resolved++;
		}
	}
	free(anchors_moved);
	return resolved;
}

/* Each page the site writes has a name no document can take
 * (util/outname.c's reserved names): a page added here must be added there.
 * Checked on the names of this build's pages, every language's. */
static void assert_pages_reserved(const struct site_page *pages, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char stem[NAME_MAX + 1];
		snprintf(stem, sizeof stem, "%s", pages[i].file);
		char *dot = strrchr(stem, '.');
		if (dot)
			*dot = '\0';
		assert(outname_refusal(stem));
		(void)stem;
	}
}

/* What the site is made from, as this build found it: the manifests, their
 * files' identities (two per manifest: the manifest's and its XML's), the
 * hash of it all (site_inputs_hash), and the pages' stamps. */
struct look {
	char **files;
	size_t nfiles;
	struct file_id *ids;
	uint64_t program, inputs;
	struct timespec started, newest;
	struct stamps *stamps;
};

/* Look at what the site is made from (l, freed by the caller, files and
 * ids as they are taken); 0, or EX_NOINPUT when out_dir cannot be read. */
static int look(const char *out_dir, const struct render_opts *opts, struct look *l)
{
	if (!(l->files = list_manifests(out_dir, &l->nfiles))) {
		diag_error(opts->diag, 0, "site", "cannot read %s: %s", out_dir, strerror(errno));
		return EX_NOINPUT;
	}
	l->program = program_hash(opts->data_dir, true);
	/* the sitemap's addresses: another base is another site */
	if (opts->base_url)
		l->program = hash_str(l->program, opts->base_url);
	l->stamps = stamps_load(out_dir);
	l->ids = xmalloc((2 * l->nfiles + 1) * sizeof *l->ids);
	for (int tries = 0; tries < 3; tries++) {
		/* a manifest written in this clock tick (the map step just
		 * ended) would leave the record unsafe: wait for the next
		 * tick and look again (a few milliseconds, once) */
		if (tries)
			usleep(10000);
		clock_gettime(CLOCK_REALTIME_COARSE, &l->started);
		l->inputs = site_inputs_hash(out_dir, l->files, l->nfiles, l->program, l->ids, &l->newest);
		if (ts_before(l->newest, l->started))
			break;
	}
	return 0;
}

/* The stylesheet and the search script, copied into out_dir. */
static int copy_assets(const char *out_dir, const struct render_opts *opts)
{
	return merge(copy_data_file(opts->data_dir, "styles/unpress.css", out_dir, "unpress.css", opts->diag, "site"),
		     copy_data_file(opts->data_dir, "styles/search.js", out_dir, "search.js", opts->diag, "site"));
}

/* Nothing the site is made from changed since a clean build recorded it
 * (and every file it stamped is there): the site stands, and neither the
 * manifests nor the pages are read (a `make` with nothing to do).  The
 * identities must be older than the stamps file and were older than the
 * moment they were taken (the racy rule of state.h). */
static bool stands(const struct look *l, const char *out_dir, const struct render_opts *opts)
{
	return !opts->force && l->inputs == stamps_old(l->stamps, INPUTS_STAMP) &&
	       ts_before(l->newest, stamps_written(l->stamps)) && stamps_all_exist(l->stamps, out_dir);
}

/* Free what look() took (the files still held). */
static void look_free(struct look *l)
{
	for (size_t i = 0; i < l->nfiles; i++)
		free(l->files[i]);
	free(l->files);
	free(l->ids);
	stamps_free(l->stamps);
}

/* An empty corpus for up to n documents. */
static void corpus_init(struct corpus *c, size_t n)
{
	*c = (struct corpus){0};
	c->docs = xcalloc(n ? n : 1, sizeof *c->docs);
	arena_init(&c->store.arena);
	c->store.dict = xmlDictCreate();
	c->by_symbol = xmlHashCreate((int)n + 64);
	c->by_symbol_lang = xmlHashCreate((int)n + 64);
	c->by_number = xmlHashCreate(64);
	c->externals = xmlHashCreate(64);
}

/* The record of manifest i into c->docs[c->ndocs]: from the last build's
 * index (cache) when its files are as they were, else from the manifest.
 * Returns 0 when it was not kept (unreadable, or a slug no document can
 * take: said), 1 when read from its manifest, 2 when taken from the
 * index.  Clears *names when its slug is not its file's stem. */
static int add_record(struct corpus *c, const struct look *l, size_t i, struct site_cache *cache,
		      const char *out_dir, const struct render_opts *opts, bool *names)
{
	struct site_doc *d = &c->docs[c->ndocs];
	const char *file = l->files[i];
	enum site_cache_found found = site_cache_take(cache, file, &l->ids[2 * i], d, &c->store);
	if (found != SITE_CACHE_TAKEN) {
		uint64_t old_anchors = d->old_anchor_key;
		if (site_load_doc(out_dir, file, &l->ids[2 * i + 1], d, l->program, &c->store, opts->diag) != 0)
			return 0;
		d->ids[0] = l->ids[2 * i];
		d->ids[1] = l->ids[2 * i + 1];
		site_doc_keys(d);
		d->stale = found == SITE_CACHE_STALE;
		d->old_anchor_key = old_anchors;
	}
	/* a manifest written elsewhere (or a site index shard) names the
	 * files its page is made from and written to: only a name
	 * util/outname.c would give a document is taken */
	const char *why = outname_refusal(d->slug);
	if (why) {
		diag_warn(opts->diag, 0, "site", "skipping %s/%s: its slug \"%.*s\" %s", out_dir, file,
			  utf8_prefix(d->slug, 60), d->slug, why);
		site_free_doc(d);
		memset(d, 0, sizeof *d);
		return 0;
	}
	*names = *names && site_slug_is_name(d->slug, file);
	d->label = d->symbol ? d->symbol : d->number ? d->number : d->slug;
	if (!d->has_akn)
		diag_warn(opts->diag, 0, "site", "no XML for %s (%s/%s.xml): its page is not rebuilt", d->slug,
			  out_dir, d->slug);
	d->index = c->ndocs;
	corpus_index_doc(c, d);
	c->ndocs++;
	return found == SITE_CACHE_TAKEN ? 2 : 1;
}

/* Every manifest's record into c (the files and identities of l are
 * freed as they are used); how many were taken from the index.  *names:
 * whether every slug is its manifest's stem. */
static size_t load_corpus(struct corpus *c, struct look *l, struct site_cache *cache, const char *out_dir,
			  const struct render_opts *opts, bool *names)
{
	size_t taken = 0;
	*names = true;
	for (size_t i = 0; i < l->nfiles; i++) {
		taken += add_record(c, l, i, cache, out_dir, opts, names) == 2;
		free(l->files[i]);
	}
	free(l->files);
	free(l->ids);
	l->files = NULL;
	l->ids = NULL;
	l->nfiles = 0;
	return taken;
}

/* The references resolved and counted, the languages and versions
 * found (said under -v); how many documents' references were resolved
 * in *resolved. */
static void link_corpus(struct corpus *c, const struct site_cache *cache, const struct render_opts *opts,
			size_t *resolved, size_t *links_in, size_t *links_out)
{
	/* (the languages first: a reference falls back to the first's) */
	corpus_languages(c);
	*resolved = resolve_changed(c, site_cache_corpus_key(cache));
	diag_note(opts->diag, 0, "site", "references resolved for %zu of %zu documents (the others' are as the last build left them)",
		  *resolved, c->ndocs);
	corpus_gather(c);
	corpus_versions(c);
	corpus_count_links(c, links_in, links_out);
	diag_note(opts->diag, 0, "site", "%zu documents in %zu language%s; %zu references resolved in the collection, "
		  "%zu to outside symbols", c->ndocs, c->nlangs, c->nlangs == 1 ? "" : "s", *links_in, *links_out);
}

/* A page per outside symbol, and the index pages, search page and
 * sitemap, which show the corpus description (the outside symbols'
 * citations among it): those whose stamp changed go into w's lists (the
 * description made when any is).  Returns the description's stamp. */
static uint64_t plan_site_pages(struct site_work *w, struct stamps *stamps)
{
	struct corpus *c = w->c;
	const struct render_opts *opts = w->opts;
	w->ext_todo = xmalloc((c->next + 1) * sizeof *w->ext_todo);
	for (size_t i = 0; i < c->next; i++) {
		struct site_external *e = c->ext[i];
		e->stamp = corpus_external_stamp(w->program, c, e);
		if (opts->force || !stamps_current(stamps, w->out_dir, e->page, e->stamp)) {
			corpus_external_cites(c, e);
			w->ext_todo[w->n_ext_todo++] = e;
		}
	}
	uint64_t desc = corpus_description_stamp(w->program, c);
	w->site_pages = site_pages_of(c, &w->nsite_pages);
	assert_pages_reserved(w->site_pages, w->nsite_pages);
	w->site_todo = xmalloc((w->nsite_pages + 1) * sizeof *w->site_todo);
	for (size_t i = 0; i < w->nsite_pages; i++)
		if (opts->force || !stamps_current(stamps, w->out_dir, w->site_pages[i].file, desc))
			w->site_todo[w->nsite_todo++] = i;
	if (w->nsite_todo)
		c->site = describe_corpus(c);
	return desc;
}

/* OUT/SLUG.html, the page of d, into name. */
static const char *page_name(struct buf *name, const struct site_doc *d)
{
	buf_clear(name);
	buf_printf(name, "%s.html", d->slug);
	return buf_cstr(name);
}

/* Document pages: those whose stamp changed go into w->doc_todo (their
 * link maps made here, before the children that render them are). */
static void plan_doc_pages(struct site_work *w, struct stamps *stamps)
{
	struct corpus *c = w->c;
	w->doc_todo = xmalloc((c->ndocs + 1) * sizeof *w->doc_todo);
	struct buf name = BUF_INIT;
	for (size_t i = 0; i < c->ndocs; i++) {
		struct site_doc *d = &c->docs[i];
		if (!d->has_akn)
			continue;
		d->page_stamp = hash_add(corpus_page_stamp(c, d), &(uint64_t){corpus_versions_stamp(c, d)},
					 sizeof(uint64_t));
		const char *units = search_units_name(d->slug);
		if (w->opts->force || !stamps_current(stamps, w->out_dir, page_name(&name, d), d->page_stamp) ||
		    !stamps_current(stamps, w->out_dir, units, d->source_stamp)) {
			corpus_link_map(c, d);
			w->doc_todo[w->ndoc_todo++] = i;
		}
	}
	buf_free(&name);
}

/* Stamp what stands after render_all ended with status (on failure, only
 * what was not to be rendered: which share failed is not known). */
static void stamp_pages(const struct site_work *w, struct stamps *stamps, int status, uint64_t desc)
{
	const struct corpus *c = w->c;
	struct buf name = BUF_INIT;
	for (size_t i = 0, k = 0; i < c->ndocs; i++) {
		const struct site_doc *d = &c->docs[i];
		if (!d->has_akn)
			continue;
		int rendered = k < w->ndoc_todo && w->doc_todo[k] == i;
		k += rendered;
		if (rendered && status != 0)
			continue;
		stamps_set(stamps, page_name(&name, d), d->page_stamp);
		stamps_set(stamps, search_units_name(d->slug), d->source_stamp);
	}
	buf_free(&name);
	for (size_t i = 0; i < w->nsite_pages && status == 0; i++)
		stamps_set(stamps, w->site_pages[i].file, desc);
	for (size_t i = 0; i < c->next && status == 0; i++)
		stamps_set(stamps, c->ext[i]->page, c->ext[i]->stamp);
	if (status == 0)
		search_plan_stamp(w->search, stamps);
}

/* After every page was made: the assets copied, and the pages of outside
 * symbols no longer cited as such gone, as a clean build would not make
 * them (only then: a failed build has not stamped all it keeps), with the
 * index and search pages of a language no longer among the collection's. */
static int finish_pages(const char *out_dir, struct stamps *stamps, const struct render_opts *opts)
{
	int status = copy_assets(out_dir, opts);
	if (status == 0) {
		stamps_remove_stale(stamps, out_dir, "cited-");
		stamps_remove_stale(stamps, out_dir, "index-");
		stamps_remove_stale(stamps, out_dir, "search-");
	}
	return status;
}

/* Free the corpus and what its documents hold. */
static void corpus_release(struct corpus *c)
{
	for (size_t i = 0; i < c->ndocs; i++)
		site_free_doc(&c->docs[i]);
	corpus_free(c);
	free(c->docs);
	arena_free(&c->store.arena);
	xmlDictFree(c->store.dict);
}

/* Render what changed of the site over the corpus c (loaded from l's
 * manifests, taken of them from cache): plan, render, stamp, finish.
 * Returns the status and how many pages were written in *written. */
static int build_pages(struct corpus *c, struct look *l, const struct site_cache *cache, size_t taken,
		       size_t resolved, const char *out_dir, const struct render_opts *opts, int *written)
{
	struct site_work w = {.c = c, .out_dir = out_dir, .opts = opts, .program = l->program,
			      .started = l->started, .cache = cache};
	/* the index for the next build, when it differs from the last one */
	w.corpus_key = corpus_key(c);
	w.save_index = taken != c->ndocs || site_cache_count(cache) != c->ndocs ||
		       site_cache_corpus_key(cache) != w.corpus_key || resolved;
	uint64_t desc = plan_site_pages(&w, l->stamps);
	plan_doc_pages(&w, l->stamps);
	/* The search index: the shards whose documents changed. */
	struct search_plan *search = search_plan_make(l->stamps, out_dir, c->docs, c->ndocs, c->langs, c->nlangs,
						      l->program, opts->force);
	w.search = search;
	int status = render_all(&w);
	*written = (int)(w.ndoc_todo + w.nsite_todo + w.n_ext_todo) + (search_plan_files(search) ? 1 : 0);
	stamp_pages(&w, l->stamps, status, desc);
	search_plan_free(search);
	free(w.doc_todo);
	free(w.site_todo);
	free(w.ext_todo);
	free(w.list);
	if (status == 0)
		status = finish_pages(out_dir, l->stamps, opts);
	return status;
}

int site_build(const char *out_dir, const struct render_opts *opts)
{
	struct look l = {0};
	if (look(out_dir, opts, &l) != 0)
		return EX_NOINPUT;
	if (stands(&l, out_dir, opts)) {
		look_free(&l);
		if (opts->pages_written)
			*opts->pages_written = 0;
		diag_note(opts->diag, 0, "site", "nothing the site is made from changed: it stands");
		dirset_forget();
		return copy_assets(out_dir, opts);
	}
	unsigned reported = opts->diag->warnings + opts->diag->errors;
	size_t nfiles = l.nfiles;
	struct corpus c;
	corpus_init(&c, nfiles);
	struct site_cache *cache = site_cache_load(out_dir, l.program);
	bool slugs_are_names;	/* each manifest's slug is its file's stem */
	size_t taken = load_corpus(&c, &l, cache, out_dir, opts, &slugs_are_names);
	size_t resolved, links_in, links_out;
	link_corpus(&c, cache, opts, &resolved, &links_in, &links_out);
	int written = 0;
	int status = build_pages(&c, &l, cache, taken, resolved, out_dir, opts, &written);
	if (status == 0)
		write_report(out_dir, &c, written, links_in, links_out);
	/* what the site was made from, when the build says all of it: every
	 * manifest read, no warning to repeat next time, and the XML it
	 * looked at the one site_inputs_hash looks at */
	if (status == 0 && c.ndocs == nfiles && opts->diag->warnings + opts->diag->errors == reported &&
	    slugs_are_names && ts_before(l.newest, l.started))
		stamps_set(l.stamps, INPUTS_STAMP, l.inputs);
	if (stamps_save(l.stamps, out_dir) != 0)
		diag_warn(opts->diag, 0, "site", "cannot record what the site was built from: the next build redoes it");
	if (opts->pages_written)
		*opts->pages_written = written;
	look_free(&l);
	dirset_forget(); /* (the pages written made them old) */
	corpus_release(&c);
	site_cache_free(cache);
	return status;
}
