#include "normalise.h"
void pass_resolutions(struct document *doc) { (void)doc; }
