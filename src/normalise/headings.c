#include "normalise.h"
void pass_headings(struct document *doc) { (void)doc; }
