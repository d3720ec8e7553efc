/* relations-private.h — what the relation patterns share: the context of
 * the sentence being read and the helpers that chunk patterns
 * (relations-match.c) borrow from the C patterns (relations.c).
 */
#pragma once

#include "chunks.h"
#include "docfacts.h"
#include "mentions.h"
#include "patterns.h"
#include "relations.h"

G_BEGIN_DECLS

typedef struct {
  const NkgRelationInput *in;
  NkgDocFacts *facts;
  guint sentence;
  guint first, last; /* the sentence's tokens */
  guint evidence; /* the sentence facts are credited to */
  GArray *here; /* guint: mention indices in this sentence, by position */
  GArray *last_signers; /* gint: who signed in the latest signing sentence */
  guint last_signing;   /* that sentence */
  GArray *last_sides;   /* gint: the latest pair (or more) of signing countries or bodies */
  GArray *last_leaders; /* gint: the latest pair (or more) of signing people */
  gint last_place;       /* where the latest signing was, or -1 */
  char last_date[11];    /* when, or "" */
  GHashTable *events_by_head; /* see event_by_head */
  gint salient;          /* see salient_agreement; -2 until asked */
  const char *pattern;   /* id of the pattern running: facts carry it */
} Ctx;

/* Adds a fact credited to the sentence being read and the running pattern. */
void nkg_rel_fact (Ctx *c, gint s, NkgProp p, gint o, const char *literal, double conf);
/* The entity of a mention, or -1; an entity's class. */
gint nkg_rel_entity (const Ctx *c, const NkgMention *m);
NkgClass nkg_rel_eclass (const Ctx *c, gint e);
/* Signers (people, countries, bodies: "US Secretary of War X" gives X
 * only) or other entities named in tokens [a, b) of the sentence. */
void nkg_rel_collect_signers (const Ctx *c, guint a, guint b, GArray *out);
/* Where ("in Lima") and when ("on Monday") the sentence says, from token
 * `from` on, for the verb at token v; -1 / FALSE when it does not. */
gint nkg_rel_sentence_place (const Ctx *c, guint from, guint v);
gboolean nkg_rel_sentence_date (const Ctx *c, char out[11]);

/* Runs chunk pattern p over the sentence in c. */
void nkg_rel_match (Ctx *c, const NkgPattern *p);

G_END_DECLS
