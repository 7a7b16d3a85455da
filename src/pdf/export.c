/* pdf/export.c — the one symbol pdf.so exports (pdf/module.h): its table,
 * pointing at the edition's entry point in pdf.c. */
#include "pdf/module.h"

#include "util/module.h"

MODULE_EXPORT const struct pdf_module unpress_module_pdf = {
	.abi = PDF_MODULE_ABI,
	.edition_write = pdf_edition_write,
	.edition_write_parts = pdf_edition_write_parts,
};
