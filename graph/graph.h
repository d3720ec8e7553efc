/* graph.h — the corpus graph: entities, facts with evidence, quotes, documents.
 *
 * Built by merging per-document NkgDocFacts (nkg_graph_add_doc, then
 * nkg_graph_finish), or read back from a corpus.ttl (load.h). Either way
 * the result is the same structure, so exporters and the CLI never care
 * where a graph came from. Graph owns identity: which local entities are
 * one real-world entity, which facts are the same fact, and the IRIs.
 *
 * After nkg_graph_finish() (or loading) every array is sorted by IRI and
 * the structure is read-only; exporters read fields directly.
 */
#pragma once

#include <glib.h>

#include "extract/docfacts.h"
#include "graph/vocab.h"

G_BEGIN_DECLS

typedef struct _NkgDoc NkgDoc;
typedef struct _NkgEvidence NkgEvidence;
typedef struct _NkgEntity NkgEntity;
typedef struct _NkgFact NkgFact;
typedef struct _NkgQuote NkgQuote;
typedef struct _NkgGraph NkgGraph;

/* A document's IRI is minted from its content (base + "doc/" + the first
 * 16 hex digits of sha256), so renaming, reordering or adding inputs never
 * renames one, and the same article read twice is one document. */
struct _NkgDoc {
  char *iri;
  char *source; /* where it was read from, as dcterms:source says it */
  char *title;  /* or NULL */
  char *date;   /* YYYY-MM-DD or NULL */
  char *sha256;
  char *url;      /* the article's own URL, or NULL */
  char *format;   /* "text", "html", … or NULL when not known (older graphs) */
  char *language; /* "en", or NULL */
  gpointer priv;  /* NULL, but while a snapshot is written (its place there) */
};

/* One supporting sentence: characters [start, end) of the document's text
 * (Unicode code points, as the input layer read it) are `text`. Stored once
 * per (document, start, end) and shared by every fact it supports; its IRI
 * is minted from the document and the offsets. A graph loaded from an
 * older (version 1) file may hold evidence without document or offsets
 * (doc NULL, start == end == 0). */
struct _NkgEvidence {
  char *iri;
  NkgDoc *doc;
  guint start, end;
  char *text;
  gpointer priv; /* NULL, but while a snapshot is written (its place there) */
};

struct _NkgEntity {
  char *iri;
  NkgClass klass;
  char *name;          /* canonical: the fullest proper form seen */
  GPtrArray *aliases;  /* char*: every other surface form, sorted, unique */
  GPtrArray *docs;     /* NkgDoc* mentioning it, sorted by IRI */
  guint mention_count;
  GPtrArray *out;      /* NkgFact* with this entity as subject */
  GPtrArray *in;       /* NkgFact* with this entity as object */
  GPtrArray *quotes;   /* NkgQuote* spoken by it */
  gpointer priv;       /* merge state while building; NULL after finish */
};

struct _NkgFact {
  char *iri;           /* of its rdf:Statement node */
  NkgEntity *subject;
  NkgProp prop;
  gboolean gazetteer;   /* (also) derived from the lexicon rather than read
                         * in a sentence: nkg:source nkg:Gazetteer (beside
                         * prop: two four-byte fields in one eight-byte
                         * word, a 96-byte block a fact instead of 112) */
  NkgEntity *object;   /* NULL for literal-valued properties */
  char *literal;       /* NULL for entity-valued properties */
  GPtrArray *docs;      /* NkgDoc* whose sentences support it, sorted by IRI;
                         * support = docs->len */
  GPtrArray *evidence;  /* NkgEvidence* (owned by the graph), sorted by
                         * document IRI, then offsets */
  GPtrArray *conflicts; /* NkgFact* that give another value of the same
                         * single-valued property, sorted by IRI */
  double confidence;    /* in [0,1] */
  gpointer priv;       /* merge state while building; NULL after finish */
};

struct _NkgQuote {
  char *iri;
  NkgEntity *speaker;
  char *text;
  GPtrArray *docs; /* NkgDoc* it was derived from */
  gpointer priv;   /* NULL, but while a snapshot is written (its place there) */
};

/* Called by nkg_graph_finish on its thread at the end of each of its
 * steps, in order (`step` a short name, `thread_cpu_us` -1); and, before
 * the end of a step made of passes on threads of their own (the merge's
 * fact pass and its entity and quote pass, side by side), once per pass
 * with the CPU that pass's thread used (≥ 0). For the caller's timing
 * (NEWSKG_TIMES): without a hook the library measures nothing. */
typedef void (*NkgFinishStepFunc) (const char *step, gint64 thread_cpu_us, gpointer data);

struct _NkgGraph {
  char *base;          /* IRI base for resources */
  char *version;       /* newskg version that made it (the build node) */
  GPtrArray *docs;     /* NkgDoc* */
  GPtrArray *evidence; /* NkgEvidence* */
  GPtrArray *entities; /* NkgEntity* */
  GPtrArray *facts;    /* NkgFact* */
  GPtrArray *quotes;   /* NkgQuote* */
  /* private */
  GHashTable *index;      /* merge keys → NkgEntity* while building;
                           * name keys → GPtrArray of NkgEntity* after */
  GHashTable *fact_index; /* (s, p, o) key → NkgFact* */
  GHashTable *quote_index;
  GHashTable *doc_index;  /* IRI → NkgDoc*, while building or loading */
  GHashTable *evidence_index; /* "doc IRI\tstart\tend" → NkgEvidence* */
  GHashTable *by_iri;     /* IRI → NkgEntity*, after finish */
  struct _NkgGraphStage *stage; /* documents added and not yet merged (merge.c) */
  gboolean finished;
  guint threads;          /* nkg_graph_set_threads; 0 is 1 */
  NkgFinishStepFunc finish_step; /* nkg_graph_set_finish_steps */
  gpointer finish_step_data;
};

NkgGraph *nkg_graph_new (const char *base);
void nkg_graph_free (NkgGraph *graph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgGraph, nkg_graph_free)

/* Adds one document's facts (copied: the caller may free `facts` at
 * once). Documents may come in any order, from one thread at a time: the
 * finished graph depends only on the set of documents added. Documents
 * with the same content key (NkgDocFacts.content_key; for documents built
 * by hand without one, the same text) are one document, and the one kept
 * is the least by source (nkg_source_cmp), then sha256. Returns FALSE when
 * `facts` loses to a document added before (and adds nothing); TRUE when
 * it was added, also when it displaced one added before. */
gboolean nkg_graph_add_doc (NkgGraph *graph, const NkgDocFacts *facts);

/* Documents added and kept so far (duplicates counted once). */
guint nkg_graph_n_staged (const NkgGraph *graph);

/* The order in which duplicates are decided (PLAN D5): sources compared
 * byte by byte, with '#' lower than any other character so that a
 * container's records ("feed.rss#item-2") come right after its name, as
 * the input layer reads them. NULL is "". */
int nkg_source_cmp (const char *a, const char *b);

/* The document IRI for a text's sha256 (lower-case hex). Documents built
 * by hand without a sha256 get one from their source instead. */
char *nkg_graph_doc_iri (const char *base, const char *sha256, const char *source);

/* The IRI of the graph's build node (prov:Activity): base + "build". */
char *nkg_graph_build_iri (const NkgGraph *graph);

/* Whether the property can have only one value (an agreement's signedOn,
 * signedIn, duration; an event's startDate, location): two values are a
 * conflict between sources. */
gboolean nkg_prop_single_valued (NkgProp prop);

/* How many threads may finish the graph and write it (1 by default): the
 * result is the same bytes with any number. */
void nkg_graph_set_threads (NkgGraph *graph, guint threads);
guint nkg_graph_threads (const NkgGraph *graph);

/* `fn` (NULL: none) called after each step of nkg_graph_finish. */
void nkg_graph_set_finish_steps (NkgGraph *graph, NkgFinishStepFunc fn, gpointer data);

/* The linking's input kept between runs (doc/incremental.md, stops
 * incr25 and incr26): for every staged document, the merge keys of its
 * local entities and the surnames they offer or seek, as rows
 * (merge key, kind, document, local index), kind 0 a merge key, 1 a
 * surname offered, 2 one sought, a document named by its IRI and source
 * (tab-separated). Grouped by key, with an index of keys and each
 * document's list of keys (the layout: doc/shard-format.md), so that an
 * update reads the keys its added and removed documents have and copies
 * the others' rows as they are.
 *
 * With `old` NULL, the rows of every staged document. With `old` (a value
 * this returned for an earlier set of documents, which
 * nkg_postings_valid accepts), its rows of documents still staged, and
 * the rows of staged documents `old` does not cover: the documents
 * removed are subtracted and those added are added, and no other staged
 * document is read. `old` must come from the same extractor and options
 * (the caller's to check). Before nkg_graph_finish only. `added`,
 * `removed` and `touched` (may be NULL) get how many documents were
 * added and removed, and how many keys were read or made rather than
 * copied. Values made from the same documents by different histories
 * may differ in bytes (ids are kept from run to run):
 * nkg_postings_same compares what they say. */
GBytes *nkg_graph_postings (NkgGraph *graph, GBytes *old, guint *added, guint *removed,
                            guint *touched);
/* Whether `body`'s sections add up and its entries lie within them, keys
 * and documents sorted (a cost in the number of keys and documents, not
 * rows): what nkg_graph_postings needs of `old`. */
gboolean nkg_postings_valid (GBytes *body);
/* Whether two values hold the same rows and documents, each document's
 * list of keys agreeing with its rows; when not, `*why` says how. */
gboolean nkg_postings_same (GBytes *a, GBytes *b, char **why);
/* Step 2 of the route, as a check (doc/incremental.md, stop incr26): the
 * components of the local entities that the keys of the documents added
 * and removed between `old` (may be NULL: every document is added) and
 * `now` (this graph's postings) reach, re-linked from `now` alone (a
 * shared merge key joins; a sought surname joins the one key-component
 * that offers it), each compared with today's linking of every staged
 * document. FALSE with `*why` at the first that differs. `entities`,
 * `components` and `total` (may be NULL) get how many local entities and
 * components were re-linked, and how many local entities there are.
 * Before nkg_graph_finish. */
gboolean nkg_graph_postings_relink_check (NkgGraph *graph, GBytes *old, GBytes *now,
                                          guint *entities, guint *components, guint *total,
                                          char **why);

/* The key-components of a postings value's local entities (the unions of
 * shared merge keys; doc/incremental.md, stop incr27), kept in the state
 * beside the postings: each local entity's label (the layout: merge.c).
 * With `old` and `old_comps` (the last run's postings and the value this
 * returned for them) and `now` the postings nkg_graph_postings updated
 * from `old`: the old labels, the components that held an entity of a
 * removed document made again from the rows of their documents' keys,
 * and the rows of the documents added joined to their keys' components;
 * no other row is read. Else (either NULL or not valid) from every row
 * of `now`. NULL when `old_comps` is given but cannot be used (not valid
 * for `old`, or `old` missing or not valid) or does not fit `now` (then
 * call again without it). `counts` (may be NULL) gets what was done. */
typedef struct {
  guint labelled;   /* local entities labelled afresh: the documents added's, and
                       those of the components taken apart */
  guint joined;     /* unions of two of the last run's components */
  guint broken;     /* the last run's components taken apart (a removed
                       document had an entity in them) */
  guint components; /* components of local entities with a merge key */
  guint changed;    /* local entities in components with a label given afresh */
} NkgComponentsCounts;
GBytes *nkg_postings_components (GBytes *old, GBytes *old_comps, GBytes *now,
                                 NkgComponentsCounts *counts);
/* Whether `comps`' sections add up, its labels lie within them and it
 * has a run per document id of `postings` (cost: its size). */
gboolean nkg_components_valid (GBytes *comps, GBytes *postings);
/* Whether two values for the same postings say the same components
 * (whatever their labels); when not, `*why` says where. */
gboolean nkg_components_same (GBytes *a, GBytes *b, char **why);
/* The check of the stored components: for every local entity of every
 * staged document, its component by `comps` (with the surname rule over
 * them, read from `now`) against today's linking (link_locals). FALSE
 * with `*why` at the first that differs; `total` (may be NULL) gets how
 * many local entities were compared. Before nkg_graph_finish. */
gboolean nkg_graph_components_check (NkgGraph *graph, GBytes *now, GBytes *comps, guint *total,
                                     char **why);

/* Merges the documents added, settles canonical names, mints IRIs, sorts.
 * No more add_doc after it. */
void nkg_graph_finish (NkgGraph *graph);

/* Entity by IRI (after finish), or NULL. */
NkgEntity *nkg_graph_entity_by_iri (NkgGraph *graph, const char *iri);

/* Entities whose name, an alias or IRI equals `query` case- and
 * accent-insensitively (names compared as nkg_name_key). Sorted by
 * mention count, most first. Caller frees the array, not the entities. */
GPtrArray *nkg_graph_find (NkgGraph *graph, const char *query);

/* Up to `max` entities whose names are close to `query` (edit distance or
 * substring), best first: for "did you mean" and `search`. */
GPtrArray *nkg_graph_suggest (NkgGraph *graph, const char *query, guint max);

/* "subject-IRI\tprop\tobject" — what a statement IRI is hashed from. */
char *nkg_fact_material (const NkgFact *fact);

/* Internal to graph/: used by load.c to build a graph from parsed triples. */
NkgDoc *nkg_graph_intern_doc (NkgGraph *graph, const char *iri);
NkgEntity *nkg_graph_intern_entity (NkgGraph *graph, const char *iri);
/* The evidence with this IRI, added (text copied) when new; `doc` may be
 * NULL (version 1 graphs). */
NkgEvidence *nkg_graph_add_evidence (NkgGraph *graph, const char *iri, NkgDoc *doc, guint start,
                                     guint end, const char *text);
NkgFact *nkg_graph_new_fact (NkgGraph *graph, NkgEntity *subject, NkgProp prop,
                             NkgEntity *object, const char *literal);
void nkg_graph_index_finished (NkgGraph *graph);
/* Sorts `items` (structs whose first member is their IRI: NkgDoc,
 * NkgEvidence, NkgEntity, NkgFact, NkgQuote) by IRI in byte order; items
 * with the same IRI keep their order. */
void nkg_graph_sort_by_iri (GPtrArray *items);
/* Name keys (nkg_name_key of every name and alias) → GPtrArray of the
 * NkgEntity* with that form, in graph order; made at the first call after
 * finish or loading. */
GHashTable *nkg_graph_name_index (NkgGraph *graph);
/* The fact's conflicts, to add to: facts without any share one empty
 * list, never to be added to directly. */
GPtrArray *nkg_fact_conflicts_mut (NkgFact *fact);

/* Support-weighted confidence: 1 − Π(1 − cᵢ) over the documents' best
 * pattern confidences. */
double nkg_confidence_combine (const double *per_doc, guint n);

G_END_DECLS
