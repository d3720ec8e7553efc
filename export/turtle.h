/* turtle.h — the graph as Turtle, written by Raptor2's turtle serializer.
 *
 * Emits exactly the vocabulary of ONTOLOGY.md with its prefixes. The same
 * graph always gives the same bytes: the graph is sorted by IRI and no
 * time stamps are written.
 */
#pragma once

#include <glib.h>

#include "graph/graph.h"

G_BEGIN_DECLS

#define NKG_EXPORT_ERROR (nkg_export_error_quark ())
GQuark nkg_export_error_quark (void);

typedef enum {
  NKG_EXPORT_ERROR_FAILED,
  NKG_EXPORT_ERROR_TOO_LARGE,
} NkgExportError;

/* Writes `graph` to `path` ("-" for standard output). */
gboolean nkg_turtle_write (NkgGraph *graph, const char *path, GError **error);

G_END_DECLS
