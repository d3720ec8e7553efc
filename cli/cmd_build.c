/* cmd_build.c — `newskg build`: inputs → extract → graph → export.
 *
 * The input layer (input/, driven by build-input.c) reads files, folders,
 * archives and standard input in sorted order; articles are extracted in
 * parallel (extraction is pure per document) and merged in that order,
 * so the output does not depend on thread timing. The files are written
 * by graph-output.c, which `merge` shares, so the two write the same bytes.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "build-input.h"
#include "commands.h"
#include "common.h"
#include "graph-output.h"
#include "graph/graph.h"

typedef struct {
  NkgGraph *graph;
  guint duplicates;         /* documents the graph already had (same content key) */
} Build;

static void
add_to_graph (Build *b, NkgDocFacts *facts)
{
  if (!nkg_graph_add_doc (b->graph, facts))
    {
      fprintf (stderr, "newskg build: %s: the same text as an article read before (skipped)\n",
               facts->source);
      b->duplicates++;
    }
  nkg_doc_facts_free (facts);
}

/* Documents go straight into the graph as they arrive, in input order;
 * the graph copies what it keeps. (build-input.c has printed the
 * document's extraction warnings.) */
static void
add_doc (NkgDocFacts *facts, gpointer data)
{
  add_to_graph (data, facts);
}

int
nkg_cmd_build (int argc, char **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_auto (NkgBuildInputOptions) in_opt = { 0 };
  g_auto (NkgGraphOutput) out = { 0 };
  GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in_opt.jobs, "extraction threads (default: number of cores)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "INPUT..." },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... — build a knowledge graph");
  g_option_context_add_main_entries (ctx, nkg_graph_output_entries (&out, "print no summary and no progress"), NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, nkg_build_input_entries (&in_opt), NULL);
  g_option_context_set_summary (
      ctx, "Reads news articles and writes the knowledge graph as RDF (Turtle unless -o\n"
           "or --format says otherwise), optionally with a diagram as DOT and SVG. An\n"
           "INPUT is a file, a folder (searched recursively) or '-' for standard input;\n"
           "text, HTML pages, RSS/Atom feeds, JSON Lines, WARC archives, tar/zip\n"
           "archives and gzip/bzip2/xz/zstd files are recognised by their content.\n"
           "Every file is replaced only after it was written in full; a run that reads\n"
           "no article writes nothing.");
  g_option_context_set_description (
      ctx, "formats (-o FILE picks one by its extension):\n"
           "  turtle .ttl   ntriples .nt   nquads .nq   rdfxml .rdf   jsonld .jsonld\n\n"
           "example:\n  newskg build examples/ -o corpus.ttl --dot graph.dot --svg graph.svg\n"
           "  newskg build examples/ -o corpus.jsonld\n"
           "  curl -s https://example.org/news.rss | newskg build - -o news.ttl\n\n"
           "exit status: 0 written, 2 usage or input error.\n");
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "newskg build: %s (try 'newskg build --help')\n", error->message);
      return 2;
    }
  in_opt.quiet = out.quiet;
  if (!inputs || !inputs[0])
    {
      fprintf (stderr, "newskg build: no input given (try 'newskg build --help')\n");
      return 2;
    }
  if (!nkg_graph_output_check ("build", &out))
    return 2;

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

  g_autoptr (NkgGraph) graph = nkg_graph_new (out.base);
  Build build = { graph, 0 };

  /* Worker threads are started with these signals blocked, so that only
   * this thread handles them, which the output writer relies on
   * (build-input.c and the input layer start theirs so). */
  nkg_cli_clean_up_on_signals ();
  NkgBuildInputSummary input;
  nkg_build_input_run ("build", in, &in_opt, lexicon, add_doc, &build, &input);
  guint failed = input.failed + input.input.errors;
  /* A duplicate may also displace one added before it (the least source
   * is kept, PLAN D5): the graph's count is the one to trust. */
  guint read = nkg_graph_n_staged (graph);
  guint duplicates = (input.documents - read) + input.input.duplicates;
  /* Nothing read, nothing written: an empty graph must never replace a
   * good one. */
  if (read == 0)
    {
      fprintf (stderr, "newskg build: no article could be read; nothing written%s\n",
               g_file_test (out.output, G_FILE_TEST_EXISTS) ? " (existing files left as they were)"
                                                            : "");
      return 2;
    }
  nkg_graph_finish (graph);

  const NkgSummaryCount counts[] = {
    { "articles", read },
    { "skipped", failed },
    { "duplicates", duplicates },
    { "other_language", input.input.other_language },
    { "unusable_records", input.input.warnings },
  };
  g_autofree char *head = g_strdup_printf ("%u articles", read);
  g_autofree char *skips = nkg_build_input_summary_text (&input);
  g_autofree char *tail = g_strconcat (skips, failed ? " (some inputs could not be read, see above)" : "",
                                       NULL);
  int status = nkg_graph_output_write ("build", &out, graph, counts, G_N_ELEMENTS (counts), head,
                                       tail);
  return status ? status : failed ? 2 : 0;
}
