/* cmd_build.c — `newskg build`: files → extract → graph → export.
 *
 * Inputs are collected and sorted by path first, extracted in parallel
 * (extraction is pure per document) and merged in that sorted order as
 * they come out, so the output does not depend on thread timing, the
 * merge runs while the workers extract, and each document's facts are
 * freed once merged: memory holds the graph and a few documents in
 * flight, not the corpus.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"
#include "export/dot.h"
#include "export/export.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "graph/iri.h"

typedef struct {
  const NkgLexicon *lexicon;
  GAsyncQueue *done; /* where the job goes when extracted */
  guint seq;         /* position in the sorted inputs */
  char *path;
  NkgDocFacts *facts;
  GError *error;
} Job;

static void
job_free (gpointer p)
{
  Job *j = p;
  g_free (j->path);
  nkg_doc_facts_free (j->facts);
  g_clear_error (&j->error);
  g_free (j);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static gboolean
is_article (const char *name)
{
  return g_str_has_suffix (name, ".txt");
}

/* Adds `path` (a file, or a folder searched recursively) to `out`. Files
 * given by name are taken whatever their suffix; in folders only *.txt,
 * and everything else is named on stderr so nothing vanishes silently. */
static gboolean
collect (const char *path, gboolean explicit, GPtrArray *out, GError **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, error);
      if (!dir)
        return FALSE;
      const char *name;
      while ((name = g_dir_read_name (dir)))
        {
          if (name[0] == '.')
            continue;
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            {
              if (!collect (child, FALSE, out, error))
                return FALSE;
            }
          else if (is_article (name))
            g_ptr_array_add (out, g_steal_pointer (&child));
          else
            fprintf (stderr, "newskg: skipping %s (not a .txt article)\n", child);
        }
      return TRUE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      if (!explicit && !is_article (path))
        return TRUE;
      g_ptr_array_add (out, g_strdup (path));
      return TRUE;
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no such file or directory", path);
  return FALSE;
}

static void
run_job (gpointer data, gpointer user_data)
{
  (void) user_data;
  Job *j = data;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  if (!g_file_get_contents (j->path, &bytes, &len, &j->error))
    return;
  g_autoptr (NkgArticle) article = nkg_article_new_from_text (j->path, bytes, len, &j->error);
  if (article)
    j->facts = nkg_extract_article (j->lexicon, article, &j->error);
}

static void
run_job_and_report (gpointer data, gpointer user_data)
{
  Job *j = data;
  run_job (data, user_data);
  g_async_queue_push (j->done, j);
}

static gint
path_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
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
               guint duplicates)
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
      fprintf (stderr, "newskg: %u articles → %u entities, %u facts, %u quotes%s → %s (%s)%s\n",
               read, graph->entities->len, graph->facts->len, graph->quotes->len,
               disagree ? disagree : "", output, exporter->name,
               failed || duplicates ? " (some articles skipped, see above)" : "");
    }
  return failed ? 2 : 0;
}

int
nkg_cmd_build (int argc, char **argv)
{
  g_autofree char *output = NULL, *dot = NULL, *svg = NULL, *base = NULL, *format = NULL;
  int jobs = 0;
  gboolean quiet = FALSE, json = FALSE;
  g_auto (GStrv) inputs = NULL;
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
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "extraction threads (default: number of cores)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "print no summary", NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "print the summary as one JSON document on stdout",
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "INPUT..." },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... — build a knowledge graph");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (
      ctx, "Reads news articles (files, or folders searched for *.txt) and writes the\n"
           "knowledge graph as RDF (Turtle unless -o or --format says otherwise),\n"
           "optionally with a diagram as DOT and SVG. Every file is replaced only\n"
           "after it was written in full; a run that reads no article writes nothing.");
  g_option_context_set_description (
      ctx, "formats (-o FILE picks one by its extension):\n"
           "  turtle .ttl   ntriples .nt   nquads .nq   rdfxml .rdf   jsonld .jsonld\n\n"
           "example:\n  newskg build examples/ -o corpus.ttl --dot graph.dot --svg graph.svg\n"
           "  newskg build examples/ -o corpus.jsonld\n\n"
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

  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  for (char **in = inputs; *in; in++)
    if (!collect (*in, TRUE, paths, &error))
      {
        fprintf (stderr, "newskg build: %s\n", error->message);
        return 2;
      }
  g_ptr_array_sort (paths, path_cmp);
  if (paths->len == 0)
    {
      fprintf (stderr, "newskg build: no .txt articles found in the input\n");
      return 2;
    }

  g_autoptr (NkgLexicon) lexicon = nkg_lexicon_new (&error);
  if (!lexicon)
    {
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }

  if (jobs <= 0)
    jobs = (int) g_get_num_processors ();
  /* Threads started with these signals blocked never handle them: only
   * this thread does, which the output writer relies on. */
  nkg_cli_clean_up_on_signals ();
  nkg_cli_hold_signals (TRUE);
  GThreadPool *pool = g_thread_pool_new (run_job_and_report, NULL, MAX (jobs, 1), TRUE, NULL);
  nkg_cli_hold_signals (FALSE);
  g_autoptr (GAsyncQueue) done = g_async_queue_new ();
  /* Extracted documents waiting for their turn, by position in `paths`.
   * The workers run at most `window` documents ahead of the merge, which
   * bounds memory whatever the corpus size. */
  g_autoptr (GHashTable) ready = g_hash_table_new_full (NULL, NULL, NULL, job_free);
  guint window = 4 * (guint) MAX (jobs, 1), pushed = 0;

  g_autoptr (NkgGraph) graph = nkg_graph_new (base);
  guint failed = 0, duplicates = 0;
  for (guint i = 0; i < paths->len; i++)
    {
      while (pushed < paths->len && pushed < i + window)
        {
          Job *j = g_new0 (Job, 1);
          j->lexicon = lexicon;
          j->done = done;
          j->seq = pushed;
          j->path = g_strdup (g_ptr_array_index (paths, pushed));
          g_thread_pool_push (pool, j, NULL);
          pushed++;
        }
      Job *j;
      while (!(j = g_hash_table_lookup (ready, GUINT_TO_POINTER (i))))
        {
          Job *got = g_async_queue_pop (done);
          g_hash_table_insert (ready, GUINT_TO_POINTER (got->seq), got);
        }
      g_hash_table_steal (ready, GUINT_TO_POINTER (i));
      g_autoptr (Job) hold = j;
      if (j->error)
        {
          fprintf (stderr, "newskg build: %s: %s (skipped)\n", j->path, j->error->message);
          failed++;
          continue;
        }
      /* What extraction cut short (a very long sentence, a very common
       * name): the graph is still written, but the user should know. */
      for (guint w = 0; w < j->facts->warnings->len; w++)
        fprintf (stderr, "newskg build: %s: warning: %s\n", j->path,
                 (const char *) g_ptr_array_index (j->facts->warnings, w));
      if (!nkg_graph_add_doc (graph, j->facts))
        {
          fprintf (stderr, "newskg build: %s: the same text as an article read before (skipped)\n",
                   j->path);
          duplicates++;
        }
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  guint read = paths->len - failed - duplicates;
  /* Nothing read, nothing written: an empty graph must never replace a
   * good one. */
  if (read == 0)
    {
      fprintf (stderr, "newskg build: no article could be read; nothing written%s\n",
               g_file_test (output, G_FILE_TEST_EXISTS) ? " (existing files left as they were)" : "");
      return 2;
    }
  nkg_graph_finish (graph);

  return write_outputs (graph, exporter, output, dot, svg, json, quiet, read, failed,
                        duplicates);
}
