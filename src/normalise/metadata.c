#include "normalise.h"
void pass_metadata(struct document *doc) { (void)doc; }
