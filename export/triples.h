/* triples.h — the graph as RDF triples: the one walk every RDF syntax
 * (Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD) writes.
 *
 * What the graph says in RDF is decided here and nowhere else, in the
 * vocabulary of docs/vocabulary.md; the syntaxes only spell it. The walk
 * is deterministic: the build node, then documents, entities (with their
 * relations), statements, evidence and quotes, each group in IRI order,
 * and all of one subject's triples together.
 */
#pragma once

#include <glib.h>

#include "graph/graph.h"

G_BEGIN_DECLS

typedef struct {
  gboolean literal;     /* FALSE: an IRI */
  const char *value;    /* the IRI, or the literal's lexical form */
  const char *datatype; /* a literal's datatype IRI; NULL for a plain string */
  gboolean transient;   /* `value` lives only during the call (a number printed
                         * for it); otherwise it lives through the walk */
} NkgTerm;

/* Called once per triple, subject and predicate being IRIs. Returns FALSE
 * (with *error set) to stop the walk. */
typedef gboolean (*NkgTripleFunc) (const char *subject, const char *predicate,
                                   const NkgTerm *object, gpointer data, GError **error);

/* Walks `graph` (finished or loaded). Everything `fn` sees is valid UTF-8:
 * a literal that is not (a file name in another encoding) has its invalid
 * bytes replaced by U+FFFD, and a line saying so is appended to `warnings`
 * (char*, when not NULL); no subject and no triple is dropped for it. A
 * document URL that is not a valid IRI is percent-encoded, or left out
 * with a warning when it has no scheme. */
gboolean nkg_graph_walk_triples (NkgGraph *graph, NkgTripleFunc fn, gpointer data,
                                 GPtrArray *warnings, GError **error);

/* Called after the last triple of each subject in nkg_graph_walk_subjects. */
typedef gboolean (*NkgSubjectEndFunc) (const char *subject, gpointer data, GError **error);

/* The same triples as nkg_graph_walk_triples, grouped by subject with the
 * subjects in byte order of their IRIs (every group of the graph is
 * sorted, so this is a merge, not a sort): what a streaming writer needs to
 * write each subject once. Within a subject the order is the walk's. */
gboolean nkg_graph_walk_subjects (NkgGraph *graph, NkgTripleFunc fn, NkgSubjectEndFunc end,
                                  gpointer data, GPtrArray *warnings, GError **error);

/* The same, for the subjects whose IRIs lie in [from, to) in byte order
 * (NULL: no bound): consecutive ranges walked one after the other give
 * nkg_graph_walk_subjects' triples, and may be walked on several threads
 * at once (the walk only reads the graph). */
gboolean nkg_graph_walk_subjects_range (NkgGraph *graph, const char *from, const char *to,
                                        NkgTripleFunc fn, NkgSubjectEndFunc end, gpointer data,
                                        GPtrArray *warnings, GError **error);

/* Bounds for nkg_graph_walk_subjects_range: IRIs of the graph (owned by
 * it), sorted, distinct, such that a range between two of them holds
 * about `every` triples of each kind of subject (documents, entities,
 * statements, sentences, quotes), or one subject that has more. The
 * array is the caller's. */
GPtrArray *nkg_graph_subject_bounds (NkgGraph *graph, gsize every);

/* The IRI N-Quads names the graph with: base + "graph". */
char *nkg_graph_name_iri (const NkgGraph *graph);

G_END_DECLS
