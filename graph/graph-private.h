/* graph-private.h — merge state shared by graph.c and cluster.c while a
 * graph is being built. Not for other folders. */
#pragma once

#include "graph.h"

G_BEGIN_DECLS

/* The strings in `forms` and `aliases` are interned by the stage
 * (merge.c), which outlives every NkgEntityBuild; the tables do not own
 * them. */
typedef struct {
  GHashTable *forms;   /* canonical surface form → number of documents using it */
  GHashTable *aliases; /* set of other surface forms */
  guint class_votes[NKG_CLASS_N];
  gboolean linkable;   /* some local entity merged into it has a proper name,
                        * not only descriptions ("the framework") */
  GHashTable *doc_set; /* its docs, while others are folded into it and the
                        * list is too long to search; NULL otherwise */
} NkgEntityBuild;

/* A fact's documents arrive one document at a time (merge.c merges each
 * document whole), so a document already counted is the fact's last one
 * and a sentence already listed is among the last ones: no set is kept
 * per fact. Only a fact that others are folded into (nkg_graph_apply_remap)
 * gets look-up tables, when its lists grow too long to search, and only
 * until the folding is done. */
/* The look-up tables of a fact others are folded into, while they are. */
typedef struct {
  GHashTable *doc_at;    /* NkgDoc* → its index in docs + 1, or NULL */
  GHashTable *evidence;  /* set of the NkgEvidence* listed, or NULL */
} NkgFactFold;

/* 40 bytes, a 48-byte block a fact (a block for most facts, alive
 * through clustering at the peak of a build): the confidences of up to
 * two documents in place, one pointer for the rare folding tables. */
typedef struct {
  union {
    double inline_[2];   /* while conf_size <= 2 (most facts) */
    double *heap;        /* conf_size of them, past two documents */
  } conf;                /* best confidence of each of the fact's docs, in their
                          * order: read through nkg_fact_build_conf */
  guint conf_size;       /* 0 (none yet) or 2: inline; more: on the heap */
  double gazetteer_conf; /* best confidence of the gazetteer's word, if any */
  NkgFactFold *fold;     /* only while facts are folded into this one, or NULL */
} NkgFactBuild;

static inline double *
nkg_fact_build_conf (NkgFactBuild *b)
{
  return b->conf_size > G_N_ELEMENTS (b->conf.inline_) ? b->conf.heap : b->conf.inline_;
}

typedef struct _NkgGraphStage NkgGraphStage;

NkgGraphStage *nkg_graph_stage_new (void);
void nkg_graph_stage_free (NkgGraphStage *stage);

/* Merges every document staged by nkg_graph_add_doc into the graph's
 * docs, evidence, entities (with their NkgEntityBuild), facts (with their
 * NkgFactBuild) and quotes, in an order that depends only on the set of
 * documents. merge.c. */
void nkg_graph_merge_staged (NkgGraph *graph);

/* The step hook (nkg_graph_set_finish_steps), if any, told that `step`
 * ended; and this thread's CPU time in µs, for a helper's own. */
void nkg_graph_finish_step (NkgGraph *graph, const char *step, gint64 thread_cpu_us);
gint64 nkg_graph_thread_cpu_us (void);

void nkg_graph_doc_free (gpointer doc);
void nkg_graph_evidence_free (gpointer evidence);
NkgEntity *nkg_graph_entity_new (NkgClass klass);

/* A sentence of `doc`, not yet in graph->evidence. */
NkgEvidence *nkg_graph_evidence_new (NkgGraph *graph, NkgDoc *doc, guint start, guint end,
                                     const char *text);

/* Adds one document's support for the fact (subject, prop, object or
 * literal), creating the fact when new: `doc` NULL for the gazetteer, `ev`
 * the sentence when the extractor tied it to one. */
void nkg_graph_merge_fact (NkgGraph *graph, NkgDoc *doc, NkgEntity *subject, NkgProp prop,
                           NkgEntity *object, const char *literal, NkgEvidence *ev,
                           double confidence);

/* Folds every entity that `remap` maps (NkgEntity* → its representative)
 * into its representative: names, aliases, documents, mentions; facts and
 * quotes are re-pointed and facts that became identical are combined. */
void nkg_graph_apply_remap (NkgGraph *graph, GHashTable *remap);

/* Finds agreements and events that different articles describe in
 * different words ("the 10-year framework", "Defence Framework Agreement")
 * and returns the remap for nkg_graph_apply_remap. cluster.c. */
GHashTable *nkg_graph_cluster_descriptions (NkgGraph *graph);

/* Work on items [from, to) of one of the graph's arrays: part `part` of
 * those nkg_graph_split_run made. */
typedef void (*NkgPartFunc) (NkgGraph *graph, guint part, guint from, guint to, gpointer data);

/* Calls `fn` on [0, n) cut into consecutive parts, one per thread of the
 * graph (nkg_graph_set_threads) and at least `min_part` items each, this
 * thread taking the first; returns the number of parts once all are
 * done. `fn` must change only what its part's items own. */
guint nkg_graph_split_run (NkgGraph *graph, guint n, guint min_part, NkgPartFunc fn,
                           gpointer data);

/* Parts of fewer items of a microsecond or so each are not worth a thread
 * (starting one takes tens of microseconds). */
#define NKG_PART_MIN 256

/* Union-find: the root of X's set in PARENT (a root is its own parent),
 * compressing the path on the way. merge.c links local entities with it,
 * cluster.c descriptions. */
static inline guint
nkg_uf_find (guint *parent, guint x)
{
  guint root = x;
  while (parent[root] != root)
    root = parent[root];
  while (parent[x] != root)
    {
      guint up = parent[x];
      parent[x] = root;
      x = up;
    }
  return root;
}

G_END_DECLS
