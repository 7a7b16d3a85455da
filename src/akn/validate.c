#include "akn/validate.h"

#include <libxml/xmlschemas.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>
#include <unistd.h>

const char *official_schema_path(const char *data_dir)
{
	static char path[PATH_MAX + 64];
	const char *env = getenv("AKN_XSD");
	if (env && *env)
		return access(env, R_OK) == 0 ? env : NULL;
	snprintf(path, sizeof path, "%s/../shared/akn/akomantoso30.xsd", data_dir);
	return access(path, R_OK) == 0 ? path : NULL;
}

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

static int validate_with(xmlDocPtr xml, const char *xsd, const char *label, struct diag *diag)
{
	xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(xsd);
	xmlSchemaPtr schema = pctx ? xmlSchemaParse(pctx) : NULL;
	xmlSchemaFreeParserCtxt(pctx);
	if (!schema) {
		diag_error(diag, 0, "schema", "cannot load the schema %s", xsd);
		return EX_SOFTWARE;
	}
	xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
	struct schema_errors se = {diag, label, 0};
	xmlSchemaSetValidStructuredErrors(vctx, on_error, &se);
	int rc = xmlSchemaValidateDoc(vctx, xml);
	xmlSchemaFreeValidCtxt(vctx);
	xmlSchemaFree(schema);
	/* a document the schema refuses is bad data (65); only a failure of
	 * the validator itself is ours */
	return rc == 0 ? 0 : rc > 0 ? EX_DATAERR : EX_SOFTWARE;
}

int validate_akn(xmlDocPtr xml, const char *data_dir, struct diag *diag)
{
	char own[PATH_MAX + 32];
	snprintf(own, sizeof own, "%s/templates/unpress-akn.xsd", data_dir);
	int status = 0;
	if (access(own, R_OK) == 0)
		status = validate_with(xml, own, "unpress-akn.xsd", diag);
	const char *official = official_schema_path(data_dir);
	if (official) {
		int rc = validate_with(xml, official, "akomantoso30.xsd", diag);
		if (rc && (!status || rc == EX_SOFTWARE))
			status = rc;
	}
	return status;
}
