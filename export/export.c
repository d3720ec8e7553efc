/* export.c — the exporter table; see export.h. */
#include "export.h"

#include <string.h>

#include "atomic.h"

G_DEFINE_QUARK (nkg-export-error-quark, nkg_export_error)

/* Turtle is written as the graph is walked (turtle.c), not through
 * Raptor's serializer, which holds the whole document in memory. */
static gboolean
write_turtle (NkgGraph *g, const NkgExportOptions *o, GOutputStream *out, GError **error)
{
  return nkg_turtle_write (g, o, out, error);
}

static gboolean
write_ntriples (NkgGraph *g, const NkgExportOptions *o, GOutputStream *out, GError **error)
{
  return nkg_raptor_write ("ntriples", g, o, out, error);
}

static gboolean
write_nquads (NkgGraph *g, const NkgExportOptions *o, GOutputStream *out, GError **error)
{
  return nkg_raptor_write ("nquads", g, o, out, error);
}

/* Raptor's "rdfxml-abbrev" groups each subject's properties in one
 * element, which is what people expect to read; plain "rdfxml" repeats
 * the subject for every triple. */
static gboolean
write_rdfxml (NkgGraph *g, const NkgExportOptions *o, GOutputStream *out, GError **error)
{
  return nkg_raptor_write ("rdfxml-abbrev", g, o, out, error);
}

static const NkgExporter exporters[] = {
  { "turtle", "Turtle", "text/turtle", "ttl", TRUE, write_turtle },
  { "ntriples", "N-Triples", "application/n-triples", "nt", TRUE, write_ntriples },
  { "nquads", "N-Quads", "application/n-quads", "nq", TRUE, write_nquads },
  { "rdfxml", "RDF/XML", "application/rdf+xml", "rdf owl xml", TRUE, write_rdfxml },
  { "jsonld", "JSON-LD", "application/ld+json", "jsonld json", TRUE, nkg_jsonld_write },
  { "dot", "Graphviz DOT (the default diagram)", "text/vnd.graphviz", "dot gv", FALSE,
    nkg_dot_write_stream },
  { "svg", "SVG (the default diagram)", "image/svg+xml", "svg", FALSE, nkg_svg_write_stream },
};

const NkgExporter *
nkg_exporters (guint *n)
{
  *n = G_N_ELEMENTS (exporters);
  return exporters;
}

const NkgExporter *
nkg_exporter_by_name (const char *name)
{
  for (gsize i = 0; name && i < G_N_ELEMENTS (exporters); i++)
    if (g_ascii_strcasecmp (exporters[i].name, name) == 0)
      return &exporters[i];
  return NULL;
}

const NkgExporter *
nkg_exporter_by_path (const char *path)
{
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;
  const char *dot = base ? strrchr (base, '.') : NULL;
  if (!dot || dot == base)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (exporters); i++)
    {
      g_auto (GStrv) exts = g_strsplit (exporters[i].extensions, " ", -1);
      for (char **e = exts; *e; e++)
        if (g_ascii_strcasecmp (*e, dot + 1) == 0)
          return &exporters[i];
    }
  return NULL;
}

char *
nkg_exporter_names (gboolean rdf_only)
{
  GString *s = g_string_new (NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (!rdf_only || exporters[i].rdf)
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", exporters[i].name);
  return g_string_free (s, FALSE);
}

gboolean
nkg_export_write (const NkgExporter *exporter, NkgGraph *graph, const NkgExportOptions *options,
                  GOutputStream *out, GError **error)
{
  g_return_val_if_fail (exporter != NULL && graph != NULL && graph->finished, FALSE);
  return exporter->write (graph, options, out, error);
}

typedef struct {
  const NkgExporter *exporter;
  NkgGraph *graph;
  const NkgExportOptions *options;
} Job;

static gboolean
write_job (GOutputStream *out, gpointer data, GError **error)
{
  Job *j = data;
  return nkg_export_write (j->exporter, j->graph, j->options, out, error);
}

gboolean
nkg_export_to_path (const NkgExporter *exporter, NkgGraph *graph, const NkgExportOptions *options,
                    const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  Job j = { exporter, graph, options };
  return nkg_write_atomic (path, write_job, &j, error);
}

gboolean
nkg_export_to_path_staged (const NkgExporter *exporter, NkgGraph *graph,
                           const NkgExportOptions *options, const char *path,
                           NkgAtomicStage **stage, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  Job j = { exporter, graph, options };
  return nkg_write_atomic_staged (path, write_job, &j, stage, error);
}
