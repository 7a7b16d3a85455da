#include "normalise.h"
void pass_furniture(struct document *doc) { (void)doc; }
