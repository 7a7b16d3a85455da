#include "normalise.h"
void pass_footnotes(struct document *doc) { (void)doc; }
