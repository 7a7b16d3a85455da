/* site.c — the reduce step (`-t site`): read every OUT/ manifests,
 * resolve each document's references against the corpus, then
 *   - re-render OUT/SLUG.html from OUT/SLUG.xml through akn-html.xsl with a
 *     per-document link map (in-corpus links, "cited by" backlinks);
 *   - render index.html (+ one pre-sorted variant per column), a page per
 *     external symbol cited, search.html and sitemap.xml through site.xsl
 *     and site-sitemap.xsl from one corpus description;
 *   - write the search index and copy the stylesheet and search script.
 * All links are relative; every file is written atomically. */
#include "edition.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "akn.h"
#include "html/xslt.h"
#include "site/site.h"
#include "util/buf.h"

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

/* XPath normalize-space(): what the template compares link texts with. */
static char *normalize_space(const char *s)
{
	struct buf b = BUF_INIT;
	int space = 0;
	for (; s && *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	char *r = strdup(buf_cstr(&b));
	buf_free(&b);
	return r;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The manifest files in out_dir, sorted so the site is reproducible. */
static char **list_manifests(const char *out_dir, size_t *count)
{
	DIR *dir = opendir(out_dir);
	if (!dir)
		return NULL;
	size_t n = 0, cap = 16;
	char **names = malloc(cap * sizeof *names);
	static const char suffix[] = ".manifest.xml";
	struct dirent *e;
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);
		if (len <= sizeof suffix - 1 || strcmp(e->d_name + len - (sizeof suffix - 1), suffix))
			continue;
		if (n == cap)
			names = realloc(names, (cap *= 2) * sizeof *names);
		names[n++] = strdup(e->d_name);
	}
	closedir(dir);
	qsort(names, n, sizeof *names, cmp_names);
	*count = n;
	return names;
}

/* Load one manifest (and its AKN file) into d; -1 when unusable. */
static int load_doc(const char *out_dir, const char *name, struct site_doc *d, struct diag *diag)
{
	struct buf path = BUF_INIT;
	buf_printf(&path, "%s/%s", out_dir, name);
	memset(d, 0, sizeof *d);
	d->manifest = xmlReadFile(buf_cstr(&path), NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	xmlNodePtr root = d->manifest ? xmlDocGetRootElement(d->manifest) : NULL;
	if (!root) {
		diag_warn(diag, 0, "site", "skipping unreadable manifest %s", buf_cstr(&path));
		buf_free(&path);
		return -1;
	}
	d->slug = attr(root, "slug");
	if (!d->slug) /* the file name says it too */
		d->slug = strndup(name, strlen(name) - strlen(".manifest.xml"));
	d->symbol = attr(root, "symbol");
	d->number = attr(root, "number");
	d->title = attr(root, "title");
	d->type = attr(root, "type");
	d->date = attr(root, "date");
	d->label = strdup(d->symbol ? d->symbol : d->number ? d->number : d->slug);
	buf_clear(&path);
	buf_printf(&path, "%s/%s.xml", out_dir, d->slug);
	d->akn = xmlReadFile(buf_cstr(&path), NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!d->akn)
		diag_warn(diag, 0, "site", "no XML for %s (%s): its page is not rebuilt", d->slug, buf_cstr(&path));
	d->links = xmlNewDoc(X("1.0"));
	xmlNodePtr links = xmlNewNode(NULL, X("links"));
	xmlSetNs(links, xmlNewNs(links, X(UNPRESS_NS), NULL));
	xmlDocSetRootElement(d->links, links);
	buf_clear(&path);
	/* The URL document() asks for; matched in memory, never read.  It is
	 * absolute (a relative URL would be resolved against the stylesheet)
	 * and made only of characters a URI keeps as they are: document()
	 * escapes the rest, so a real path ("my output/", a slug with "%")
	 * would no longer match and the page would silently lose its links.
	 * Hence the slug in hex, not the output folder. */
	buf_puts(&path, "/unpress-linkmap/");
	for (const unsigned char *p = (const unsigned char *)d->slug; *p; p++)
		buf_printf(&path, "%02x", *p);
	buf_puts(&path, ".links.xml");
	d->links->URL = xmlStrdup(X(buf_cstr(&path)));
	buf_free(&path);
	return 0;
}

static void free_doc(struct site_doc *d)
{
	free(d->slug); free(d->symbol); free(d->number); free(d->title);
	free(d->type); free(d->date); free(d->label);
	xmlFreeDoc(d->manifest);
	xmlFreeDoc(d->akn);
	xmlFreeDoc(d->links);
}

/* The number of a named resolution or decision ("11/3") cited in text:
 * the text names "resolution" or "decision" and holds the number with no
 * digit or slash glued to either side. */
static int text_cites_number(const char *text, const char *number)
{
	if (!number || !*number || (!strcasestr(text, "resolution") && !strcasestr(text, "decision")))
		return 0;
	size_t n = strlen(number);
	for (const char *p = strstr(text, number); p; p = strstr(p + 1, number)) {
		int before = p > text && (isdigit((unsigned char)p[-1]) || p[-1] == '/');
		int after = isdigit((unsigned char)p[n]) || p[n] == '/';
		if (!before && !after)
			return 1;
	}
	return 0;
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
	xmlNodePtr root = xmlDocGetRootElement(d->manifest);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "anchor"))
			continue;
		xmlChar *v = xmlGetProp(c, X("eId"));
		int same = v && !strcmp((const char *)v, eid);
		xmlFree(v);
		if (same)
			return 1;
	}
	return 0;
}

/* The number an anchor shows ("9."), or NULL. */
static char *anchor_num(struct site_doc *d, const char *eid)
{
	xmlNodePtr root = xmlDocGetRootElement(d->manifest);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "anchor"))
			continue;
		xmlChar *v = xmlGetProp(c, X("eId"));
		int same = v && !strcmp((const char *)v, eid);
		xmlFree(v);
		if (same)
			return attr(c, "num");
	}
	return NULL;
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
	struct site_doc *docs;
	size_t ndocs;
	xmlHashTablePtr by_symbol;	/* symbol → struct site_doc * */
	xmlDocPtr site;			/* the corpus description for site.xsl */
	xmlHashTablePtr externals;	/* symbol → its u:external node */
};

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
		struct site_doc *hit = NULL;
		for (size_t i = 0; i < c->ndocs && !hit; i++) {
			struct site_doc *d = &c->docs[i];
			if (d != from && d->number && !strcmp(d->number, number) && d->type &&
			    !strncmp(d->type, kind, strlen(kind)))
				hit = d;
		}
		free(number);
		return hit;
	}
	for (size_t i = 0; i < c->ndocs; i++)
		if (&c->docs[i] != from && text_cites_number(text, c->docs[i].number))
			return &c->docs[i];
	return NULL;
}

/* Resolve every reference of one document: link entries in its own map,
 * cited entries in the target's map, external symbols in the corpus. */
static void resolve_refs(struct corpus *c, struct site_doc *d)
{
	xmlNodePtr root = xmlDocGetRootElement(d->manifest);
	xmlNodePtr my_links = xmlDocGetRootElement(d->links);
	for (xmlNodePtr r = root->children; r; r = r->next) {
		if (r->type != XML_ELEMENT_NODE || strcmp((const char *)r->name, "ref"))
			continue;
		char *href = attr(r, "href"), *from = attr(r, "from");
		xmlChar *raw = xmlNodeGetContent(r);
		char *text = normalize_space((const char *)raw);
		xmlFree(raw);
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
			xmlNodePtr l = xmlNewChild(my_links, my_links->ns, X("link"), NULL);
			xmlSetProp(l, X("href"), X(href));
			xmlSetProp(l, X("text"), X(text));
			xmlSetProp(l, X("target"), X(buf_cstr(&dest)));
			xmlNodePtr tl = xmlDocGetRootElement(target->links);
			xmlNodePtr cited = xmlNewChild(tl, tl->ns, X("cited"), NULL);
			xmlSetProp(cited, X("eId"), X(pin ? pin : ""));
			xmlSetProp(cited, X("from"), X(buf_cstr(&where)));
			xmlSetProp(cited, X("label"), X(label));
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
		free(href);
		free(from);
		free(text);
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
		xmlSetProp(n, X("cited"), X(xmlDocGetRootElement(d->links)->children ? "1" : ""));
	}
}

/* Render one site page from the corpus description. */
static int site_page(struct corpus *c, const char *out_dir, const char *xsl, const char *file,
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
	int status = xslt_render(opts->data_dir, xsl, c->site, params, 3, NULL,
				 buf_cstr(&path), opts->diag, "site");
	buf_free(&path);
	return status;
}

static int merge(int status, int next) { return status ? status : next; }

int site_build(const char *out_dir, const struct render_opts *opts)
{
	size_t nfiles = 0;
	char **files = list_manifests(out_dir, &nfiles);
	if (!files) {
		diag_error(opts->diag, 0, "site", "cannot read %s: %s", out_dir, strerror(errno));
		return EX_NOINPUT;
	}
	struct corpus c = {0};
	c.docs = calloc(nfiles ? nfiles : 1, sizeof *c.docs);
	c.by_symbol = xmlHashCreate(64);
	c.externals = xmlHashCreate(64);
	for (size_t i = 0; i < nfiles; i++) {
		if (load_doc(out_dir, files[i], &c.docs[c.ndocs], opts->diag) == 0) {
			struct site_doc *d = &c.docs[c.ndocs++];
			if (d->symbol) {
				xmlHashAddEntry(c.by_symbol, X(d->symbol), d);
				/* A joint symbol (A/1-B/2, also with an en dash) is cited
				 * by either of its parts: undocs.org knows each part. */
				char *parts = strdup(d->symbol);
				for (char *p = parts; *p; p++)
					if (*p == '-' && p[1] >= 'A' && p[1] <= 'Z')
						*p = '\n';
				char *save = NULL;
				for (char *part = strtok_r(parts, "\n", &save); part; part = strtok_r(NULL, "\n", &save))
					if (strcmp(part, d->symbol))
						xmlHashAddEntry(c.by_symbol, X(part), d);
				free(parts);
			}
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

	int status = 0;
	for (size_t i = 0; i < c.ndocs && status == 0; i++) {
		struct site_doc *d = &c.docs[i];
		if (!d->akn) {
			xmlFreeDoc(d->links);
			d->links = NULL;
			continue;
		}
		struct buf path = BUF_INIT;
		buf_printf(&path, "%s/%s.html", out_dir, d->slug);
		struct xslt_param params[] = {
			{"slug", d->slug},
			{"css", "unpress.css"},
			{"linkmap", (const char *)d->links->URL},
			{"site", "1"},
		};
		/* the transform takes the link map and frees it */
		status = xslt_render(opts->data_dir, "akn-html.xsl", d->akn, params, 4, d->links,
				     buf_cstr(&path), opts->diag, "site");
		d->links = NULL;
		buf_free(&path);
	}
	static const struct { const char *file, *sort; } indexes[] = {
		{"index.html", "symbol"}, {"index-title.html", "title"},
		{"index-type.html", "type"}, {"index-date.html", "date"},
	};
	for (size_t i = 0; i < sizeof indexes / sizeof indexes[0] && status == 0; i++)
		status = site_page(&c, out_dir, "site.xsl", indexes[i].file, "index", indexes[i].sort, "", opts);
	if (status == 0)
		status = site_page(&c, out_dir, "site.xsl", "search.html", "search", "", "", opts);
	for (xmlNodePtr e = site->children; e && status == 0; e = e->next) {
		if (strcmp((const char *)e->name, "external"))
			continue;
		char *page = attr(e, "page"), *symbol = attr(e, "symbol");
		status = site_page(&c, out_dir, "site.xsl", page, "external", "", symbol, opts);
		free(page);
		free(symbol);
	}
	if (status == 0)
		status = site_page(&c, out_dir, "site-sitemap.xsl", "sitemap.xml", "sitemap", "", "", opts);
	if (status == 0)
		status = search_index_write(out_dir, c.docs, c.ndocs, opts->diag);
	if (status == 0)
		status = merge(copy_data_file(opts->data_dir, "styles/unpress.css", out_dir, "unpress.css", opts->diag, "site"),
			       copy_data_file(opts->data_dir, "styles/search.js", out_dir, "search.js", opts->diag, "site"));
	for (size_t i = 0; i < c.ndocs; i++)
		free_doc(&c.docs[i]);
	free(c.docs);
	xmlHashFree(c.by_symbol, NULL);
	xmlHashFree(c.externals, NULL);
	xmlFreeDoc(c.site);
	return status;
}
