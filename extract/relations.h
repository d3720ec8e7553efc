/* relations.h — clusters and tokens to facts.
 *
 * Titles and the state or body an official acts for (appositions, "his US
 * counterpart"), signings (who, what, where, when; planned signings are
 * not signings), meetings, attendance, event places and dates, what an
 * agreement replaces, its term, handles and geographic containment. The
 * patterns are listed in a table in relations.c, each with a confidence.
 */
#pragma once

#include <glib.h>

#include "docfacts.h"
#include "lexicon.h"
#include "segment.h"

G_BEGIN_DECLS

/* What the relation and quote stages read: the output of the earlier ones. */
typedef struct {
  const NkgLexicon *lexicon;
  const NkgSegments *seg;
  GPtrArray *mentions; /* NkgMention* */
  GPtrArray *clusters; /* NkgCluster* */
  GArray *entity_of;   /* gint: cluster → entity index in the facts, or -1 */
  const char *date;    /* article date, or NULL */
  const struct NkgMentionIndex *index; /* mentions by sentence, token and entity */
  const struct NkgChunks *chunks;      /* the syntactic layer (chunks.h) */
  const struct NkgTags *tags;          /* parts of speech and lemmas (tagger.h) */
} NkgRelationInput;

void nkg_relations_extract (const NkgRelationInput *in, NkgDocFacts *facts);

G_END_DECLS
