/* batches.h — a batch of agreements ("two agreements", "the following
 * Memoranda of Understanding") whose members the article names (see
 * batches.c). */
#pragma once

#include <glib.h>

#include "docfacts.h"
#include "segment.h"

G_BEGIN_DECLS

/* The agreement entities of `facts` that are batches whose members the
 * article names, as an array of facts->entities->len flags (g_free it);
 * their facts are removed from `facts` (the caller removes the entities).
 * `clusters` are coref's, `entity_of` maps a cluster to its entity (-1:
 * none), `mentions` are the article's, sorted by position. */
gboolean *nkg_agreement_batches_named (NkgDocFacts *facts, const NkgSegments *seg, const GPtrArray *mentions,
                                       const GPtrArray *clusters, const GArray *entity_of);

G_END_DECLS
