/* cmd_build.c — `newskg build`: files → extract → graph → export.
 *
 * Inputs are collected and sorted by path first, extracted in parallel
 * (extraction is pure per document), then merged in that sorted order, so
 * the output does not depend on thread timing.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "export/dot.h"
#include "export/turtle.h"
#include "extract/extract.h"
#include "graph/graph.h"

typedef struct {
  const NkgLexicon *lexicon;
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
  if (!article)
    return;
  j->facts = nkg_extract_article (j->lexicon, article, &j->error);
}

static gint
path_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
nkg_cmd_build (int argc, char **argv)
{
  g_autofree char *output = NULL, *dot = NULL, *svg = NULL, *base = NULL;
  int jobs = 0;
  gboolean quiet = FALSE;
  g_auto (GStrv) inputs = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Turtle file to write (default corpus.ttl)",
      "FILE" },
    { "dot", 0, 0, G_OPTION_ARG_FILENAME, &dot, "also write the default diagram as DOT", "FILE" },
    { "svg", 0, 0, G_OPTION_ARG_FILENAME, &svg, "also render the default diagram as SVG", "FILE" },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base, "IRI base for resources (default " NKG_DEFAULT_BASE ")",
      "IRI" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "extraction threads (default: number of cores)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "print no summary", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "INPUT..." },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... — build a knowledge graph");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (
      ctx, "Reads news articles (files, or folders searched for *.txt) and writes the\n"
           "knowledge graph as Turtle, optionally with a diagram as DOT and SVG.");
  g_option_context_set_description (
      ctx, "example:\n  newskg build examples/ -o corpus.ttl --dot graph.dot --svg graph.svg\n\n"
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

  g_autoptr (GPtrArray) work = g_ptr_array_new_with_free_func (job_free);
  for (guint i = 0; i < paths->len; i++)
    {
      Job *j = g_new0 (Job, 1);
      j->lexicon = lexicon;
      j->path = g_strdup (g_ptr_array_index (paths, i));
      g_ptr_array_add (work, j);
    }
  if (jobs <= 0)
    jobs = (int) g_get_num_processors ();
  GThreadPool *pool = g_thread_pool_new (run_job, NULL, MAX (jobs, 1), TRUE, NULL);
  for (guint i = 0; i < work->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (work, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  g_autoptr (NkgGraph) graph = nkg_graph_new (base);
  guint failed = 0;
  for (guint i = 0; i < work->len; i++)
    {
      Job *j = g_ptr_array_index (work, i);
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
      nkg_graph_add_doc (graph, j->facts);
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
  if (!quiet)
    fprintf (stderr, "newskg: %u articles → %u entities, %u facts, %u quotes → %s%s\n",
             work->len - failed, graph->entities->len, graph->facts->len, graph->quotes->len,
             output, failed ? " (some articles skipped, see above)" : "");
  return failed ? 2 : 0;
}
