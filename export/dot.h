/* dot.h — diagrams of the graph: DOT through cgraph, SVG through gvc.
 *
 * A diagram is a *view*: the options pick which entities and relations to
 * draw (an ego graph around a focus, some classes, a minimum support) and
 * cap the node count by importance, so that any corpus gives a picture a
 * person can read rather than a hairball. What the view leaves out is said
 * in the diagram's caption. Literal facts (titles, dates, durations) go into
 * node labels, never into nodes of their own.
 *
 * Output is deterministic (nodes and edges in IRI order) and the DOT is
 * always written by cgraph's agwrite, so it parses back with agread.
 */
#pragma once

#include <glib.h>
#include <graphviz/cgraph.h>

#include "graph/graph.h"
#include "graph/snapshot.h"

G_BEGIN_DECLS

#define NKG_DOT_ERROR (nkg_dot_error_quark ())

typedef enum {
  NKG_DOT_ERROR_NOT_FOUND, /* --focus names no entity */
  NKG_DOT_ERROR_INVALID,   /* a malformed option value */
  NKG_DOT_ERROR_TOO_LARGE, /* the view is too big to lay out quickly */
  NKG_DOT_ERROR_FAILED,    /* graphviz could not lay out or render, or I/O */
  NKG_DOT_ERROR_DAMAGED,   /* a snapshot read in place is damaged: read the graph */
} NkgDotError;

GQuark nkg_dot_error_quark (void);

/* The default cap: large enough for a corpus's main actors, small enough
 * for `dot` to lay out in well under a second. */
#define NKG_DOT_DEFAULT_MAX_NODES 100

typedef struct {
  const char *focus;  /* name, alias or IRI of the centre entity; NULL = whole graph */
  guint hops;         /* radius of the ego graph around `focus` (default 1) */
  guint types;        /* mask of 1u << NkgClass to draw; 0 = every class */
  guint min_support;  /* hide relations, literals and entities backed by fewer
                       * documents (default 1: show everything) */
  guint max_nodes;    /* cap on drawn entities, by importance; 0 = no cap
                       * (still refused when too large to lay out) */
  gboolean legend;    /* draw the class legend (default TRUE) */
  gboolean isolated;  /* whole-graph views: also draw entities without any
                       * relation in the view (default FALSE: they are
                       * named in the caption instead) */
} NkgDotOptions;

void nkg_dot_options_init (NkgDotOptions *options);

/* Parses "person,agreement" (class keys of vocab.h, also "org", "gov",
 * plural forms) into a types mask. */
gboolean nkg_dot_parse_types (const char *list, guint *mask, GError **error);

/* Builds the view as a cgraph graph; free it with agclose(). Sets the
 * graph's `layout` attribute (dot, or sfdp for large views). Fails with
 * NKG_DOT_ERROR_NOT_FOUND for an unknown focus and
 * NKG_DOT_ERROR_TOO_LARGE, before any layout work, for a view too big to
 * draw. */
Agraph_t *nkg_dot_build (NkgGraph *graph, const NkgDotOptions *options, GError **error);

/* Writes the view as DOT to `path` ("-" = stdout). NULL options = defaults. */
gboolean nkg_dot_write (NkgGraph *graph, const NkgDotOptions *options, const char *path,
                        GError **error);

/* Lays the view out and renders it as SVG to `path` ("-" = stdout). */
gboolean nkg_svg_write (NkgGraph *graph, const NkgDotOptions *options, const char *path,
                        GError **error);

/* As nkg_dot_write and nkg_svg_write, for a whole-graph view (no focus),
 * reading the graph in place from a snapshot (graph/snapshot.h) rather
 * than from a graph in memory: the same bytes, without making the graph.
 * Fails with NKG_DOT_ERROR_DAMAGED when the snapshot cannot be read, and
 * the caller then reads the graph. */
gboolean nkg_dot_write_snapshot (const NkgSnapshotView *view, const NkgDotOptions *options,
                                 const char *path, GError **error);
gboolean nkg_svg_write_snapshot (const NkgSnapshotView *view, const NkgDotOptions *options,
                                 const char *path, GError **error);

G_END_DECLS
