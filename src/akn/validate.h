/* akn/validate.h — schema validation of the AKN we emit: always against our own
 * subset schema (templates/unpress-akn.xsd), and against the official AKN 3.0
 * schema when $AKN_XSD names it or ../shared/akn/akomantoso30.xsd exists. */
#ifndef UNPRESS_VALIDATE_H
#define UNPRESS_VALIDATE_H
#include <libxml/tree.h>
#include "util/diag.h"
/* 0, or EX_SOFTWARE after reporting each violation (our output is wrong). */
int validate_akn(xmlDocPtr xml, const char *data_dir, struct diag *diag);
/* Path of the official schema, or NULL when it is not available. */
const char *official_schema_path(const char *data_dir);
#endif
