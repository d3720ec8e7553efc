/* query.h — questions the CLI asks of a finished graph.
 *
 * Read-only helpers over a finished (or loaded) NkgGraph: pick the one
 * entity a user means, rank entities for a search, count connections,
 * find the shortest chain of relations between two entities. Every result
 * comes out in a deterministic order (ties broken by name, then IRI), so
 * the CLI's output, text or JSON, is the same run after run.
 */
#pragma once

#include <glib.h>

#include "graph/graph.h"

G_BEGIN_DECLS

/* Whether `e` belongs to class `want`: its fine class is `want`, or its
 * coarse class is (so "place" covers countries and cities). NKG_CLASS_NONE
 * matches everything. */
gboolean nkg_query_class_matches (const NkgEntity *e, NkgClass want);

/* Number of distinct other entities linked to `e` by an entity-valued fact,
 * in either direction. Literal facts (titles, dates) do not count. */
guint nkg_query_degree (const NkgEntity *e);

typedef enum {
  NKG_RESOLVE_FOUND,     /* exactly one entity meant */
  NKG_RESOLVE_AMBIGUOUS, /* several equally good candidates */
  NKG_RESOLVE_UNKNOWN,   /* nothing by that name, alias or IRI */
} NkgResolve;

/* Finds the entity `query` means: its IRI (full, or relative to the
 * graph's base like "person/rajnath-singh"), its canonical name or an
 * alias, compared as nkg_name_key. A canonical-name match beats alias
 * matches; among several canonical-name matches the query is ambiguous.
 * A query of three or more characters that is no name or alias but starts
 * a word of names or aliases means that entity when only one has such a
 * word, and is ambiguous when several do ("framework", "jose").
 * `klass` (or NKG_CLASS_NONE) narrows by class first.
 *
 * On FOUND, *entity is set. On AMBIGUOUS, *candidates holds the matches
 * (most mentioned first). On UNKNOWN, *candidates holds "did you mean"
 * suggestions (possibly none). The caller unrefs *candidates. */
NkgResolve nkg_query_resolve (NkgGraph *graph, const char *query, NkgClass klass,
                              NkgEntity **entity, GPtrArray **candidates);

/* How a search hit matched, best first. */
typedef enum {
  NKG_MATCH_EXACT,     /* the name itself */
  NKG_MATCH_ALIAS,     /* an alias, exactly */
  NKG_MATCH_PREFIX,    /* a word of the name or alias starts with the text */
  NKG_MATCH_SUBSTRING, /* the text occurs inside the name or alias */
  NKG_MATCH_FUZZY,     /* within a small edit distance */
} NkgMatch;

typedef struct {
  NkgEntity *entity;
  NkgMatch match;
  guint distance;      /* edit distance for FUZZY, 0 otherwise */
  const char *form;    /* the name or alias that matched (owned by entity) */
} NkgSearchHit;

/* Entities whose name or an alias matches `text` — exactly, by word prefix,
 * as a substring or within an edit distance of about a quarter of its
 * length — ranked by match kind, distance, mentions, then name. At most
 * `max` hits (0: all). Returns a GArray of NkgSearchHit. */
GArray *nkg_query_search (NkgGraph *graph, const char *text, NkgClass klass, guint max);

/* The same search over `entities` (in the graph's order; each with its
 * IRI, name, aliases, class and mentions), for entities read elsewhere
 * than a graph: a snapshot read in place. An entity is a hit exactly when
 * nkg_search_query_matches_key holds for the name key of its name or of
 * one of its aliases, so a caller holding a name index can pick the
 * candidates by their keys. */
typedef struct _NkgSearchQuery NkgSearchQuery;
NkgSearchQuery *nkg_search_query_new (const char *text);
void nkg_search_query_free (NkgSearchQuery *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgSearchQuery, nkg_search_query_free)
gboolean nkg_search_query_matches_key (const NkgSearchQuery *query, const char *key);
GArray *nkg_query_search_in (GPtrArray *entities, const NkgSearchQuery *query, NkgClass klass,
                             guint max);

const char *nkg_match_key (NkgMatch match);

/* One link in a path: the fact, and whether it is read forward
 * (previous entity is its subject) or backward. */
typedef struct {
  NkgFact *fact;
  gboolean forward;
} NkgPathStep;

/* The shortest chain of entity-valued facts linking `from` to `to`,
 * following facts in either direction, at most `max_len` links (0: no
 * limit). Among equally short chains, the one whose weakest link has the
 * most supporting documents wins (a chain is as credible as its weakest
 * link); remaining ties go to the first found in breadth-first order over
 * facts sorted by IRI, so the answer is stable.
 * Returns a GArray of NkgPathStep (empty when from == to), or NULL when
 * no chain exists. */
GArray *nkg_query_path (NkgGraph *graph, NkgEntity *from, NkgEntity *to, guint max_len);

typedef enum {
  NKG_SORT_MENTIONS,
  NKG_SORT_NAME,
  NKG_SORT_DEGREE,
} NkgSort;

/* Entities of class `klass` (NKG_CLASS_NONE: all) sorted by `sort`
 * (mentions and degree descending, name ascending; ties by name then IRI).
 * Caller unrefs the array, not the entities. */
GPtrArray *nkg_query_entities (NkgGraph *graph, NkgClass klass, NkgSort sort);

/* What nkg_query_entities orders an entity by; `key` is nkg_name_key of
 * `name`. For ranking entities read elsewhere (a snapshot read in place)
 * in exactly the same order. */
typedef struct {
  const char *iri, *name, *key;
  guint mentions, degree;
} NkgRanked;
gint nkg_query_cmp_ranked (NkgSort sort, const NkgRanked *a, const NkgRanked *b);

/* Compares entities by display name (case- and accent-insensitive), then
 * IRI; for sorting arrays of NkgEntity*. */
gint nkg_query_cmp_entity_name (gconstpointer a, gconstpointer b);

G_END_DECLS
