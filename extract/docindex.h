/* docindex.h — where mentions are, for the stages after coref.
 *
 * Relations and quotes ask "which mentions are in sentence s", "which
 * mention ends at token t", "where is entity e mentioned". Answering these
 * by scanning all mentions makes a long document quadratic; this index
 * answers each in time proportional to the answer. Built once per document
 * after coref; it does not change afterwards (mentions only change class
 * or cluster before it is built).
 */
#pragma once

#include <glib.h>

#include "mentions.h"
#include "segment.h"

G_BEGIN_DECLS

typedef struct NkgMentionIndex NkgMentionIndex;

/* `entity_of` maps clusters to entity indices (-1 for none), as
 * NkgRelationInput does. */
NkgMentionIndex *nkg_mention_index_new (const NkgSegments *seg, GPtrArray *mentions, GArray *entity_of);
void nkg_mention_index_free (NkgMentionIndex *ix);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgMentionIndex, nkg_mention_index_free)

/* Mentions of sentence s are [*from, *to) (mentions are ordered by position). */
void nkg_mention_index_sentence (const NkgMentionIndex *ix, guint s, guint *from, guint *to);

/* The first mention whose first token is at or after token t. */
guint nkg_mention_index_from_token (const NkgMentionIndex *ix, guint t);

/* Mentions (indices, ascending) ending right before token t, or NULL. */
const GArray *nkg_mention_index_ending_at (const NkgMentionIndex *ix, guint t);

/* Mentions (indices, ascending) of entity e, or NULL. */
const GArray *nkg_mention_index_of_entity (const NkgMentionIndex *ix, gint e);

G_END_DECLS
