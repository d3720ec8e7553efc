/* graph-private.h — merge state shared by graph.c and cluster.c while a
 * graph is being built. Not for other folders. */
#pragma once

#include "graph.h"

G_BEGIN_DECLS

typedef struct {
  GHashTable *forms;   /* canonical surface form → number of documents using it */
  GHashTable *aliases; /* set of other surface forms */
  guint class_votes[NKG_CLASS_N];
  guint first_seen;    /* creation order, for stable tie-breaks */
  gboolean linkable;   /* some local entity merged into it has a proper name,
                        * not only descriptions ("the framework") */
} NkgEntityBuild;

typedef struct {
  GHashTable *doc_conf;  /* NkgDoc* → best confidence, as double* */
  GHashTable *evidence;  /* set of NkgEvidence* in the fact's list */
  double gazetteer_conf; /* best confidence of the gazetteer's word, if any */
} NkgFactBuild;

/* Folds every entity that `remap` maps (NkgEntity* → its representative)
 * into its representative: names, aliases, documents, mentions; facts and
 * quotes are re-pointed and facts that became identical are combined. */
void nkg_graph_apply_remap (NkgGraph *graph, GHashTable *remap);

/* Finds agreements and events that different articles describe in
 * different words ("the 10-year framework", "Defence Framework Agreement")
 * and returns the remap for nkg_graph_apply_remap. cluster.c. */
GHashTable *nkg_graph_cluster_descriptions (NkgGraph *graph);

G_END_DECLS
