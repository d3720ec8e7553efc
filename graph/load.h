/* load.h — a corpus.ttl read back into an NkgGraph, with serd's Turtle
 * reader where it reads the file as Raptor's parser would, else with
 * Raptor's (graph/load.c says when).
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
typedef enum {
  NKG_LOAD_AUTO,   /* fast, else serd, else Raptor: what nkg_graph_load_turtle does */
  NKG_LOAD_RAPTOR, /* Raptor only: the reference serd must match */
  NKG_LOAD_SERD,   /* serd only: a syntax error where AUTO would ask Raptor */
  NKG_LOAD_SERD_SPLIT, /* serd on two halves at once (AUTO does that for large
                        * files): a syntax error where AUTO would not */
  NKG_LOAD_FAST,       /* the reader of newskg's own layout, before serd in AUTO:
                        * an error for anything outside it */
  NKG_LOAD_FAST_SPLIT, /* the same on two halves at once (AUTO does that for
                        * large files): an error where it cannot cut */
} NkgLoadReader;

/* nkg_graph_load_turtle with a chosen reader (tests, fuzz-turtle). */
NkgGraph *nkg_graph_load_turtle_with (const char *path, NkgLoadReader reader, GError **error);

G_END_DECLS
