#include "normalise.h"
void pass_text(struct document *doc) { (void)doc; }
