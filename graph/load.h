/* load.h — a corpus.ttl read back into an NkgGraph with Raptor's parser.
 *
 * The CLI inspects the very file SPARQL users query, so the two never
 * disagree. Anything outside the contract is ignored; a syntax error is
 * reported with its line number.
 */
#pragma once

#include <glib.h>

#include "graph/graph.h"

G_BEGIN_DECLS

#define NKG_LOAD_ERROR (nkg_load_error_quark ())
GQuark nkg_load_error_quark (void);

typedef enum {
  NKG_LOAD_ERROR_NOT_FOUND, /* no such file */
  NKG_LOAD_ERROR_SYNTAX,    /* not Turtle; message has "line N" */
  NKG_LOAD_ERROR_EMPTY,     /* a file of 0 bytes: no graph newskg wrote */
} NkgLoadError;

NkgGraph *nkg_graph_load_turtle (const char *path, GError **error);

G_END_DECLS
