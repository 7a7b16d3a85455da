/* akn/validate.h — schema validation of the AKN we write or read: against
 * our own subset schema (templates/unpress-akn.xsd) and the official Akoma
 * Ntoso 3.0 schema (templates/akomantoso30.xsd, OASIS; $AKN_XSD names
 * another copy).  Both ship with the project, so --validate checks the
 * same in a clone as anywhere. */
#ifndef UNPRESS_AKN_VALIDATE_H
#define UNPRESS_AKN_VALIDATE_H
#include <libxml/tree.h>
#include "util/diag.h"
/* 0; EX_DATAERR after reporting each violation; EX_CONFIG when a schema
 * cannot be read or parsed (a broken installation). */
int validate_akn(xmlDocPtr xml, const char *data_dir, struct diag *diag);
#endif
