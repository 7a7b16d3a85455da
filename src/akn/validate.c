/* akn/validate.c — see akn/validate.h. */
#include "akn/validate.h"

#include <libxml/xmlschemas.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "util/xmalloc.h"

/* A schema parsed once per process: the official one is 240 KB, and a
 * batch validates every document against it. */
struct parsed_schema {
	char *path;
	xmlSchemaPtr schema;
};
static struct parsed_schema parsed[2];

struct schema_errors {
	struct diag *diag;
	const char *schema;
	int count;
};

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct schema_errors *se = ctx;
	if (se->count++ < 20)
		diag_error(se->diag, err->line, "schema", "%s: %s", se->schema,
			   err->message ? err->message : "invalid");
}

/* The schema at path, parsed on first use; NULL when it cannot be read. */
static xmlSchemaPtr schema_at(const char *path)
{
	size_t slot = 0;
	for (; slot < sizeof parsed / sizeof parsed[0] && parsed[slot].path; slot++)
		if (!strcmp(parsed[slot].path, path))
			return parsed[slot].schema;
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(path);
	xmlSchemaPtr schema = pctx ? xmlSchemaParse(pctx) : NULL;
	xmlSchemaFreeParserCtxt(pctx);
	if (schema && slot < sizeof parsed / sizeof parsed[0]) {
		parsed[slot].path = xstrdup(path);
		parsed[slot].schema = schema;
	}
	return schema;
}

static int validate_with(xmlDocPtr xml, const char *xsd, const char *label, struct diag *diag)
{
	xmlSchemaPtr schema = schema_at(xsd);
	if (!schema) {
		diag_error(diag, 0, "schema", "cannot load the schema %s", xsd);
		return EX_CONFIG;
	}
	xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
	struct schema_errors se = {diag, label, 0};
	xmlSchemaSetValidStructuredErrors(vctx, on_error, &se);
	int rc = xmlSchemaValidateDoc(vctx, xml);
	xmlSchemaFreeValidCtxt(vctx);
	/* a document the schema refuses is bad data (65); only a failure of
	 * the validator itself is ours */
	return rc == 0 ? 0 : rc > 0 ? EX_DATAERR : EX_SOFTWARE;
}

/* Path of the official schema: $AKN_XSD, else DATA/templates/akomantoso30.xsd. */
static const char *official_schema_path(const char *data_dir)
{
	static char path[PATH_MAX + 64];
	const char *env = getenv("AKN_XSD");
	if (env && *env)
		return env;
	snprintf(path, sizeof path, "%s/templates/akomantoso30.xsd", data_dir);
	return path;
}

/* Both schemas, or EX_CONFIG when one is not where the installation puts
 * it: --validate never checks less than it says. */
int validate_akn(xmlDocPtr xml, const char *data_dir, struct diag *diag)
{
	char own[PATH_MAX + 32];
	snprintf(own, sizeof own, "%s/templates/unpress-akn.xsd", data_dir);
	const char *official = official_schema_path(data_dir);
	const char *const paths[2] = {own, official};
	for (int i = 0; i < 2; i++)
		if (access(paths[i], R_OK) != 0) {
			diag_error(diag, 0, "schema", "cannot read the schema %s: --validate needs it (%s)", paths[i],
				   i ? "the official AKN 3.0 schema, shipped in templates/; or set AKN_XSD"
				     : "unpress's own, shipped in templates/");
			return EX_CONFIG;
		}
	int status = validate_with(xml, own, "unpress-akn.xsd", diag);
	int rc = validate_with(xml, official, "akomantoso30.xsd", diag);
	if (rc && (!status || rc != EX_DATAERR))
		status = rc;
	return status;
}
