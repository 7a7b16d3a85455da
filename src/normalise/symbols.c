#include "normalise.h"
void pass_symbols(struct document *doc) { (void)doc; }
