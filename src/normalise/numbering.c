#include "normalise.h"
void pass_numbering(struct document *doc) { (void)doc; }
