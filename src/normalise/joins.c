#include "normalise.h"
void pass_joins(struct document *doc) { (void)doc; }
