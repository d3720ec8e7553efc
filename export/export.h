/* export.h — every output format behind one interface, as Raptor registers
 * its serializers.
 *
 * An exporter is a row of one table: a name (the --format value), a label,
 * a MIME type, file extensions (-o chooses by them) and a function that
 * writes the graph to a GOutputStream. The RDF syntaxes all write the one
 * walk of triples.h, so they say the same thing: Raptor spells Turtle,
 * N-Triples, N-Quads and RDF/XML, json-glib JSON-LD (with the context
 * shipped in vocab/context.jsonld); DOT and SVG draw the default diagram
 * (dot.h). nkg_export_to_path writes atomically (atomic.h).
 *
 * Output is deterministic: the same graph gives the same bytes.
 */
#pragma once

#include <gio/gio.h>

#include "export/atomic.h"
#include "export/dot.h"
#include "graph/graph.h"

G_BEGIN_DECLS

#define NKG_EXPORT_ERROR (nkg_export_error_quark ())
GQuark nkg_export_error_quark (void);

typedef enum {
  NKG_EXPORT_ERROR_FAILED,         /* the serializer refused the graph */
  NKG_EXPORT_ERROR_UNKNOWN_FORMAT, /* no exporter by that name */
} NkgExportError;

typedef struct {
  const NkgDotOptions *dot; /* the view DOT and SVG draw; NULL: the default view */
  GPtrArray *warnings;      /* when not NULL, receives one char* per repair made
                             * on the way (a literal that was not UTF-8), for the
                             * caller to show: the library never prints */
} NkgExportOptions;

typedef gboolean (*NkgExportFunc) (NkgGraph *graph, const NkgExportOptions *options,
                                   GOutputStream *out, GError **error);

typedef struct {
  const char *name;       /* "turtle" */
  const char *label;      /* "Turtle" */
  const char *mime_type;  /* "text/turtle" */
  const char *extensions; /* "ttl": space-separated, the usual one first */
  gboolean rdf;           /* writes the graph's triples (parses back as RDF) */
  NkgExportFunc write;
} NkgExporter;

/* The table, `*n` rows. */
const NkgExporter *nkg_exporters (guint *n);

/* By name (case-insensitive), or NULL. */
const NkgExporter *nkg_exporter_by_name (const char *name);

/* By the extension of `path` ("corpus.nt" → ntriples), or NULL. */
const NkgExporter *nkg_exporter_by_path (const char *path);

/* "turtle, ntriples, …": every name, for messages and --help. */
char *nkg_exporter_names (gboolean rdf_only);

/* Writes `graph` to `out` (not closed). `options` may be NULL. */
gboolean nkg_export_write (const NkgExporter *exporter, NkgGraph *graph,
                           const NkgExportOptions *options, GOutputStream *out, GError **error);

/* Writes `graph` to `path` ("-" for standard output) atomically. */
gboolean nkg_export_to_path (const NkgExporter *exporter, NkgGraph *graph,
                             const NkgExportOptions *options, const char *path, GError **error);

/* The same, staged (atomic.h): the file is replaced by nkg_atomic_commit,
 * so that several outputs are replaced together or not at all. */
gboolean nkg_export_to_path_staged (const NkgExporter *exporter, NkgGraph *graph,
                                    const NkgExportOptions *options, const char *path,
                                    NkgAtomicStage **stage, GError **error);

/* The exporters' writers, for the table (export.c) and for tests. */
gboolean nkg_raptor_write (const char *syntax, NkgGraph *graph, const NkgExportOptions *options,
                           GOutputStream *out, GError **error);
/* Turtle streamed subject by subject, in the bytes Raptor's serializer
 * would write (turtle.c). */
gboolean nkg_turtle_write (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                           GError **error);
/* The same on `threads` threads (nkg_turtle_write: nkg_graph_threads),
 * the subjects cut into ranges of about `range_triples` triples of a
 * kind (nkg_graph_subject_bounds): the same bytes and warnings whatever
 * the two are (for tests). */
gboolean nkg_turtle_write_ranges (NkgGraph *graph, const NkgExportOptions *options,
                                  GOutputStream *out, guint threads, gsize range_triples,
                                  GError **error);
gboolean nkg_jsonld_write (NkgGraph *graph, const NkgExportOptions *options, GOutputStream *out,
                           GError **error);
gboolean nkg_dot_write_stream (NkgGraph *graph, const NkgExportOptions *options,
                               GOutputStream *out, GError **error);
gboolean nkg_svg_write_stream (NkgGraph *graph, const NkgExportOptions *options,
                               GOutputStream *out, GError **error);

G_END_DECLS
