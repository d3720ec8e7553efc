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
#include "common.h"
#include "export/dot.h"
#include "export/export.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "graph/iri.h"

typedef struct {
  NkgGraph *graph;
  guint duplicates; /* documents the graph already had (same sha256) */
} Merge;

/* Documents go straight into the graph as they arrive, in input order;
 * the graph copies what it keeps. */
static void
add_doc (NkgDocFacts *facts, gpointer data)
{
  Merge *m = data;
  /* Extraction warnings were printed by build-input.c (which clears the
   * progress line first); printing them here too doubled them. */
  if (!nkg_graph_add_doc (m->graph, facts))
    {
      fprintf (stderr, "newskg build: %s: the same text as an article read before (skipped)\n",
               facts->source);
      m->duplicates++;
    }
  nkg_doc_facts_free (facts);
}

/* Prints what the library reported on the way (repaired literals). */
static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, "newskg build: warning: %s\n", (const char *) g_ptr_array_index (warnings, i));
  g_ptr_array_set_size (warnings, 0);
}

static void
add_file (JsonBuilder *b, const char *path, const NkgExporter *exporter)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, exporter->name);
  json_builder_set_member_name (b, "media_type");
  json_builder_add_string_value (b, exporter->mime_type);
  json_builder_end_object (b);
}

static int
write_outputs (NkgGraph *graph, const NkgExporter *exporter, const char *output, const char *dot,
               const char *svg, gboolean json, gboolean quiet, guint read, guint failed,
               guint duplicates, const NkgBuildInputSummary *input)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  NkgExportOptions options = { NULL, warnings };
  guint n_warnings = 0;
  const struct {
    const NkgExporter *exporter;
    const char *path;
  } outs[] = {
    { exporter, output },
    { nkg_exporter_by_name ("dot"), dot },
    { nkg_exporter_by_name ("svg"), svg },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (outs); i++)
    {
      if (!outs[i].path)
        continue;
      gboolean ok = nkg_export_to_path (outs[i].exporter, graph, &options, outs[i].path, &error);
      n_warnings += warnings->len;
      print_warnings (warnings);
      if (!ok)
        {
          fprintf (stderr, "newskg build: %s\n", error->message);
          return 2;
        }
    }
  guint conflicts = 0;
  for (guint i = 0; i < graph->facts->len; i++)
    conflicts += ((NkgFact *) g_ptr_array_index (graph->facts, i))->conflicts->len;
  conflicts /= 2; /* each is listed on both statements */
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "articles");
      json_builder_add_int_value (b, read);
      json_builder_set_member_name (b, "skipped");
      json_builder_add_int_value (b, failed);
      json_builder_set_member_name (b, "duplicates");
      json_builder_add_int_value (b, duplicates);
      json_builder_set_member_name (b, "other_language");
      json_builder_add_int_value (b, input->input.other_language);
      json_builder_set_member_name (b, "unusable_records");
      json_builder_add_int_value (b, input->input.warnings);
      json_builder_set_member_name (b, "entities");
      json_builder_add_int_value (b, graph->entities->len);
      json_builder_set_member_name (b, "facts");
      json_builder_add_int_value (b, graph->facts->len);
      json_builder_set_member_name (b, "evidence");
      json_builder_add_int_value (b, graph->evidence->len);
      json_builder_set_member_name (b, "quotes");
      json_builder_add_int_value (b, graph->quotes->len);
      json_builder_set_member_name (b, "conflicts");
      json_builder_add_int_value (b, conflicts);
      json_builder_set_member_name (b, "warnings");
      json_builder_add_int_value (b, n_warnings);
      json_builder_set_member_name (b, "files");
      json_builder_begin_array (b);
      for (gsize i = 0; i < G_N_ELEMENTS (outs); i++)
        if (outs[i].path)
          add_file (b, outs[i].path, outs[i].exporter);
      json_builder_end_array (b);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
    }
  else if (!quiet)
    {
      g_autofree char *disagree = conflicts ? g_strdup_printf (", %u conflicts", conflicts) : NULL;
      g_autofree char *skips = nkg_build_input_summary_text (input);
      fprintf (stderr, "newskg: %u articles → %u entities, %u facts, %u quotes%s → %s (%s)%s%s\n",
               read, graph->entities->len, graph->facts->len, graph->quotes->len,
               disagree ? disagree : "", output, exporter->name, skips,
               failed ? " (some inputs could not be read, see above)" : "");
    }
  return failed ? 2 : 0;
}

int
nkg_cmd_build (int argc, char **argv)
{
  g_autofree char *output = NULL, *dot = NULL, *svg = NULL, *base = NULL, *format = NULL;
  gboolean json = FALSE;
  g_auto (GStrv) inputs = NULL;
  g_auto (NkgBuildInputOptions) in_opt = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "graph file to write (default corpus.ttl, or corpus.EXT of --format; - for standard "
      "output)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "turtle, ntriples, nquads, rdfxml or jsonld (default: by the -o extension, else turtle)",
      "FORMAT" },
    { "dot", 0, 0, G_OPTION_ARG_FILENAME, &dot, "also write the default diagram as DOT", "FILE" },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, "also render the default diagram as SVG", "FILE" },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base, "IRI base for resources (default " NKG_DEFAULT_BASE ")",
      "IRI" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in_opt.jobs, "extraction threads (default: number of cores)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &in_opt.quiet, "print no summary and no progress", NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the summary as one JSON document on stdout",
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "INPUT..." },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... — build a knowledge graph");
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
  if (!inputs || !inputs[0])
    {
      fprintf (stderr, "newskg build: no input given (try 'newskg build --help')\n");
      return 2;
    }
  if (base && !nkg_iri_check (base, &error))
    {
      fprintf (stderr, "newskg build: --base: %s\n", error->message);
      return 2;
    }
  if (base && !(g_str_has_suffix (base, "/") || g_str_has_suffix (base, "#")))
    {
      fprintf (stderr, "newskg build: --base must end in '/' or '#': %s\n", base);
      return 2;
    }
  /* The format: named, or by the file's extension, or Turtle; without -o
   * the file is corpus.EXT of the format (corpus.ttl by default). */
  const NkgExporter *exporter = NULL;
  if (format && !(exporter = nkg_exporter_by_name (format)))
    {
      g_autofree char *names = nkg_exporter_names (FALSE);
      fprintf (stderr, "newskg build: unknown --format '%s' (formats: %s)\n", format, names);
      return 2;
    }
  if (!exporter && output)
    exporter = nkg_exporter_by_path (output);
  if (!exporter)
    exporter = nkg_exporter_by_name ("turtle");
  if (!output)
    {
      g_autofree char *ext = g_strdup (exporter->extensions);
      char *space = strchr (ext, ' ');
      if (space)
        *space = '\0';
      output = g_strconcat ("corpus.", ext, NULL);
    }

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

  /* Worker threads are started with these signals blocked, so that only
   * this thread handles them, which the output writer relies on
   * (build-input.c and the input layer start theirs so). */
  nkg_cli_clean_up_on_signals ();
  g_autoptr (NkgGraph) graph = nkg_graph_new (base);
  Merge merge = { graph, 0 };
  NkgBuildInputSummary input;
  nkg_build_input_run ("build", in, &in_opt, lexicon, add_doc, &merge, &input);
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
               g_file_test (output, G_FILE_TEST_EXISTS) ? " (existing files left as they were)" : "");
      return 2;
    }
  nkg_graph_finish (graph);

  return write_outputs (graph, exporter, output, dot, svg, json, in_opt.quiet, read, failed,
                        duplicates, &input);
}
