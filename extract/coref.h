/* coref.h — mentions to clusters: one cluster per real-world entity in
 * the document.
 *
 * Surnames and first names join the full name they belong to ("Mehra",
 * "Uhuru"), nicknames and initials match (Pete/Gregory Walton, K. / K
 * Raghavan), acronyms join the name they abbreviate ("(MEA)", "BNOC"),
 * handles join their owner ("Greg Walton (@GWalton)"), and agreement
 * descriptions ("the framework") join the agreement the article is about
 * unless they set themselves apart ("the earlier 2015 agreement").
 * Mentions that resolve to nothing (a capitalised sentence opener) are
 * dropped: their cluster stays -1.
 */
#pragma once

#include <glib.h>

#include "lexicon.h"
#include "mentions.h"
#include "segment.h"

G_BEGIN_DECLS

typedef struct {
  NkgClass klass;
  char *name;          /* canonical: the fullest proper form */
  GPtrArray *surfaces; /* char*: every form seen, unique */
  GArray *mentions;    /* guint: mention indices */
  gboolean named;      /* has a proper name, so it may merge across documents */
  char *handle;        /* "@GWalton", or NULL */
  gboolean reported;   /* an agreement the article reports even with no fact about
                        * it: set apart from the article's ("the earlier 2015
                        * agreement"), or a statement or declaration issued */
} NkgCluster;

/* Clusters the mentions (setting each mention's `cluster`). Work is
 * linear in the number of mentions: lookups go through indexes, and a name
 * word shared by very many entities is compared with the latest only, which
 * adds a line to `warnings` (char*, may be NULL). */
GPtrArray *nkg_coref_resolve (const NkgLexicon *lexicon, const NkgSegments *seg,
                              GPtrArray *mentions, GPtrArray *warnings);

G_END_DECLS
