/* cmd_dot.c — `newskg dot`: a focused, capped diagram of a corpus.ttl.
 *
 * Thin on purpose: options in, nkg_dot_write / nkg_svg_write out. The
 * selection, styling and size limits live in export/dot.c so that
 * `newskg build --dot/--svg` draws exactly the same pictures.
 */
#include <glib.h>
#include <stdio.h>

#include "commands.h"
#include "common.h"
#include "export/dot.h"
#include "export/export.h"
#include "graph/load.h"

#define DEFAULT_GRAPH "corpus.ttl"

static const char summary[] =
  "Writes a diagram of the graph: DOT (for Graphviz) on standard output, or\n"
  "to -o FILE, and/or SVG rendered in-process with --svg FILE.\n"
  "\n"
  "Entities are drawn by class (shape and colour, see the legend), literal\n"
  "facts such as titles and dates sit in the labels, edges are labelled by\n"
  "relation and drawn heavier with more supporting articles; in SVG, hover\n"
  "for the evidence and click through to the IRI. At most --max-nodes\n"
  "entities are drawn, the most important first (mentions, links,\n"
  "support), and the caption says what was left out.\n"
  "\n"
  "Examples:\n"
  "  newskg dot -g corpus.ttl | dot -Tsvg > graph.svg\n"
  "  newskg dot -g corpus.ttl --focus \"Rajnath Singh\" --hops 2 --svg rajnath.svg\n"
  "  newskg dot -g corpus.ttl --types person,agreement --min-support 2 -o core.dot";

/* Option values arrive as gint; negative counts are usage errors rather
 * than huge unsigned numbers. */
static gboolean
non_negative (const char *name, int value, guint *out)
{
  if (value < 0)
    {
      fprintf (stderr, "newskg: dot: %s must be 0 or more (got %d)\n", name, value);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

static int
report_not_found (NkgGraph *graph, const char *focus, const GError *error)
{
  fprintf (stderr, "newskg: dot: %s", error->message);
  g_autoptr (GPtrArray) close = nkg_graph_suggest (graph, focus, 3);
  for (guint i = 0; close && i < close->len; i++)
    {
      const NkgEntity *e = g_ptr_array_index (close, i);
      fprintf (stderr, "%s'%s'", i ? ", " : "; did you mean ", e->name);
    }
  fputc ('\n', stderr);
  return 1;
}

int
nkg_cmd_dot (int argc, char **argv)
{
  g_autofree char *graph_path = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *types = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *svg_path = NULL;
  int hops = 1, min_support = 1, max_nodes = NKG_DOT_DEFAULT_MAX_NODES;
  gboolean no_legend = FALSE, isolated = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "graph", 'g', 0, G_OPTION_ARG_FILENAME, &graph_path,
      "the corpus to draw (default " DEFAULT_GRAPH ")", "FILE" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus,
      "draw only the neighbourhood of this entity (name, alias or IRI)", "NAME" },
    { "hops", 0, 0, G_OPTION_ARG_INT, &hops, "radius of the --focus neighbourhood (default 1)",
      "N" },
    { "types", 0, 0, G_OPTION_ARG_STRING, &types,
      "draw only these classes: person, government, organization, country, city, place, "
      "event, agreement",
      "LIST" },
    { "min-support", 0, 0, G_OPTION_ARG_INT, &min_support,
      "hide what fewer than N articles support (default 1)", "N" },
    { "max-nodes", 0, 0, G_OPTION_ARG_INT, &max_nodes,
      "draw at most N entities, most important first (default 100; 0 = no cap)", "N" },
    { "isolated", 0, 0, G_OPTION_ARG_NONE, &isolated,
      "also draw entities without relations (named in the caption otherwise)", NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, "leave out the class legend", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, "write the DOT to FILE", "FILE" },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg_path, "render SVG to FILE (- = stdout)",
      "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "print a summary of what was written as one JSON document (needs -o or --svg)", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- draw the graph as DOT or SVG");
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("newskg %s", argv[0]);
  g_set_prgname (prgname);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "newskg: dot: %s (try 'newskg dot --help')\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      fprintf (stderr, "newskg: dot: unexpected argument '%s' (try 'newskg dot --help')\n",
               argv[1]);
      return 2;
    }

  NkgDotOptions options;
  nkg_dot_options_init (&options);
  options.focus = focus;
  options.legend = !no_legend;
  options.isolated = isolated;
  if (!non_negative ("--hops", hops, &options.hops)
      || !non_negative ("--min-support", min_support, &options.min_support)
      || !non_negative ("--max-nodes", max_nodes, &options.max_nodes))
    return 2;
  if (types && !nkg_dot_parse_types (types, &options.types, &error))
    {
      fprintf (stderr, "newskg: dot: --types: %s\n", error->message);
      return 2;
    }

  if (json && !out_path && !svg_path)
    {
      fprintf (stderr, "newskg: dot: --json prints a summary on standard output, so the DOT "
                       "needs -o FILE or --svg FILE (try 'newskg dot --help')\n");
      return 2;
    }
  if (json && (g_strcmp0 (out_path, "-") == 0 || g_strcmp0 (svg_path, "-") == 0))
    {
      fprintf (stderr, "newskg: dot: --json and output to standard output (-) do not mix\n");
      return 2;
    }

  const char *path = graph_path ? graph_path : DEFAULT_GRAPH;
  /* DOT goes to stdout unless it has a file or SVG was asked for instead. */
  const char *dot_target = out_path ? out_path : (svg_path ? NULL : "-");
  gsize n_entities = 0, n_facts = 0;
  gboolean drawn = FALSE;
  g_autoptr (NkgGraph) graph = NULL;

  /* A whole-graph view is drawn from the snapshot read in place, without
   * making the graph: the same bytes. A damaged snapshot, and any view
   * with a focus (resolved by the graph's search), read the graph. */
  g_autoptr (NkgSnapshotView) view = focus ? NULL : nkg_cli_load_view (path);
  if (view)
    {
      nkg_cli_clean_up_on_signals ();
      gboolean ok = TRUE;
      if (dot_target)
        ok = nkg_dot_write_snapshot (view, &options, dot_target, &error);
      if (ok && svg_path)
        ok = nkg_svg_write_snapshot (view, &options, svg_path, &error);
      if (!ok && !g_error_matches (error, NKG_DOT_ERROR, NKG_DOT_ERROR_DAMAGED))
        {
          fprintf (stderr, "newskg: dot: %s\n", error->message);
          return 2;
        }
      if (ok)
        {
          n_entities = nkg_snapshot_view_n_entities (view);
          n_facts = nkg_snapshot_view_n_facts (view);
          drawn = TRUE;
        }
      g_clear_error (&error);
    }

  if (!drawn)
    {
      /* through the snapshot cache, as the inspection commands */
      graph = nkg_cli_load_graph (path, &error);
      if (!graph)
        {
          fprintf (stderr, "newskg: dot: %s\n", error->message);
          return 2;
        }

      nkg_cli_clean_up_on_signals ();
      gboolean ok = TRUE;
      if (dot_target)
        ok = nkg_dot_write (graph, &options, dot_target, &error);
      if (ok && svg_path)
        ok = nkg_svg_write (graph, &options, svg_path, &error);
      if (!ok)
        {
          if (g_error_matches (error, NKG_DOT_ERROR, NKG_DOT_ERROR_NOT_FOUND))
            return report_not_found (graph, focus, error);
          fprintf (stderr, "newskg: dot: %s\n", error->message);
          return 2;
        }
      n_entities = graph->entities->len;
      n_facts = graph->facts->len;
    }

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "graph");
      json_builder_add_string_value (b, path);
      json_builder_set_member_name (b, "entities");
      json_builder_add_int_value (b, n_entities);
      json_builder_set_member_name (b, "facts");
      json_builder_add_int_value (b, n_facts);
      json_builder_set_member_name (b, "focus");
      focus ? json_builder_add_string_value (b, focus) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      const char *paths[] = { dot_target, svg_path };
      const char *formats[] = { "dot", "svg" };
      for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
        {
          if (!paths[i])
            continue;
          const NkgExporter *ex = nkg_exporter_by_name (formats[i]);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "path");
          json_builder_add_string_value (b, paths[i]);
          json_builder_set_member_name (b, "format");
          json_builder_add_string_value (b, ex->name);
          json_builder_set_member_name (b, "media_type");
          json_builder_add_string_value (b, ex->mime_type);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
    }
  return 0;
}
