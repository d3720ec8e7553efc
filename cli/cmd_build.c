/* cmd_build.c — `newskg build`: inputs → extract → graph → export.
 *
 * The input layer (input/, driven by build-input.c) reads files, folders,
 * archives and standard input in sorted order; articles are extracted in
 * parallel (extraction is pure per document) and merged in that order,
 * so the output does not depend on thread timing.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "build-input.h"
#include "commands.h"
#include "export/dot.h"
#include "export/turtle.h"
#include "extract/extract.h"
#include "graph/graph.h"

/* Documents go straight into the graph as they arrive, in input order;
 * the graph copies what it keeps. */
static void
add_doc (NkgDocFacts *facts, gpointer data)
{
  nkg_graph_add_doc (data, facts);
  nkg_doc_facts_free (facts);
}

int
nkg_cmd_build (int argc, char **argv)
{
  g_autofree char *output = NULL, *dot = NULL, *svg = NULL, *base = NULL;
  g_auto (GStrv) inputs = NULL;
  g_auto (NkgBuildInputOptions) in_opt = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Turtle file to write (default corpus.ttl)",
      "FILE" },
    { "dot", 0, 0, G_OPTION_ARG_FILENAME, &dot, "also write the default diagram as DOT", "FILE" },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, "also render the default diagram as SVG", "FILE" },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base, "IRI base for resources (default " NKG_DEFAULT_BASE ")",
      "IRI" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in_opt.jobs, "extraction threads (default: number of cores)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &in_opt.quiet, "print no summary and no progress", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "INPUT..." },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... — build a knowledge graph");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, nkg_build_input_entries (&in_opt), NULL);
  g_option_context_set_summary (
      ctx, "Reads news articles and writes the knowledge graph as Turtle, optionally\n"
           "with a diagram as DOT and SVG. An INPUT is a file, a folder (searched\n"
           "recursively), or '-' for standard input; text, HTML pages, RSS/Atom feeds,\n"
           "JSON Lines, WARC archives, tar/zip archives and gzip/bzip2/xz/zstd files\n"
           "are recognised by their content.");
  g_option_context_set_description (
      ctx, "example:\n  newskg build examples/ -o corpus.ttl --dot graph.dot --svg graph.svg\n"
           "  curl -s https://example.org/news.rss | newskg build - -o news.ttl\n\n"
           "exit status: 0 written, 2 usage or input error.\n");
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "newskg build: %s (try 'newskg build --help')\n", error->message);
      return 2;
    }
  if (!inputs || !inputs[0])
    {
      fprintf (stderr, "newskg build: no input given (try 'newskg build --help')\n");
      return 2;
    }
  if (base && !(g_str_has_suffix (base, "/") || g_str_has_suffix (base, "#")))
    {
      fprintf (stderr, "newskg build: --base must end in '/' or '#': %s\n", base);
      return 2;
    }
  if (!output)
    output = g_strdup ("corpus.ttl");

  g_autoptr (NkgInput) in = nkg_build_input_open ("build", inputs, &in_opt, &error);
  if (!in)
    {
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }

  g_autoptr (NkgLexicon) lexicon = nkg_lexicon_new (&error);
  if (!lexicon)
    {
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }

  g_autoptr (NkgGraph) graph = nkg_graph_new (base);
  NkgBuildInputSummary read;
  nkg_build_input_run ("build", in, &in_opt, lexicon, add_doc, graph, &read);
  if (read.documents == 0)
    {
      fprintf (stderr, "newskg build: no articles found in the input; nothing written\n");
      return 2;
    }
  nkg_graph_finish (graph);

  if (!nkg_turtle_write (graph, output, &error))
    {
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }
  if (dot && !nkg_dot_write (graph, NULL, dot, &error))
    {
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }
  if (svg && !nkg_svg_write (graph, NULL, svg, &error))
    {
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }
  gboolean troubled = read.failed || read.input.errors;
  if (!in_opt.quiet)
    {
      g_autofree char *skips = nkg_build_input_summary_text (&read);
      fprintf (stderr, "newskg: %u articles → %u entities, %u facts, %u quotes → %s%s%s\n",
               read.documents, graph->entities->len, graph->facts->len, graph->quotes->len, output,
               skips, troubled ? " (some inputs could not be read, see above)" : "");
    }
  return troubled ? 2 : 0;
}
