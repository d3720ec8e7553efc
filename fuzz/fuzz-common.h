/* fuzz-common.h — what the libFuzzer harnesses share: a scratch folder,
 * quiet standard streams, and every inspection command run over a graph.
 *
 * The harnesses abort (a finding) on any memory error, undefined
 * behaviour, leak, GLib critical, or a broken promise such as "a graph we
 * wrote reads back"; everything else an input may do (be refused, give an
 * empty graph) is fine.
 */
#pragma once

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/common.h"
#include "graph/graph.h"

/* A fuzz run's scratch folder (in RAM when /dev/shm exists), removed at
 * exit. */
static char *fuzz_dir;

static void
fuzz_dir_remove (void)
{
  if (!fuzz_dir)
    return;
  g_autoptr (GDir) d = g_dir_open (fuzz_dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (fuzz_dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

/* Sets up what every harness needs once: criticals abort (a finding, as
 * in the test suite), the inspection commands' output goes nowhere, the
 * snapshot cache stays off, and a scratch folder exists. */
static void
fuzz_init (void)
{
  g_setenv ("G_DEBUG", "fatal-criticals", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  g_setenv ("NEWSKG_CACHE", "0", TRUE);
  g_setenv ("NO_COLOR", "1", TRUE);
  /* The commands print cards and tables: formatting them is exercised,
   * the bytes are dropped. Their error lines go to stderr as usual
   * (fuzz/run.sh passes -close_fd_mask=2 to hide them). */
  int null = open ("/dev/null", O_WRONLY);
  if (null >= 0)
    {
      dup2 (null, STDOUT_FILENO);
      close (null);
    }
  const char *shm = "/dev/shm";
  g_autofree char *tmpl = g_build_filename (g_file_test (shm, G_FILE_TEST_IS_DIR) && access (shm, W_OK) == 0
                                                ? shm
                                                : g_get_tmp_dir (),
                                            "nkg-fuzz-XXXXXX", NULL);
  fuzz_dir = g_mkdtemp (g_steal_pointer (&tmpl));
  if (!fuzz_dir)
    abort ();
  atexit (fuzz_dir_remove);
}

/* A path in the scratch folder. */
static G_GNUC_UNUSED char *
fuzz_path (const char *name)
{
  return g_build_filename (fuzz_dir, name, NULL);
}

/* Runs one inspection command line (NULL-terminated words) on `graph`. */
static G_GNUC_UNUSED void
fuzz_inspect (NkgGraph *graph, const char *path, const char *const *words)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  for (const char *const *w = words; *w; w++)
    g_ptr_array_add (argv, (gpointer) *w);
  g_ptr_array_add (argv, NULL);
  int st = nkg_inspect_dispatch (graph, path, (int) argv->len - 1, (char **) argv->pdata);
  /* 0 done, 1 not found, 2 refused: anything else is a broken contract. */
  if (st < 0 || st > 2)
    abort ();
}

/* Every inspection command over `graph`, with names taken from the graph
 * itself (the first few entities, their aliases, a prefix and a misspelling
 * of each) and from `queries` (free text the input chose). */
static G_GNUC_UNUSED void
fuzz_inspect_all (NkgGraph *graph, const char *path, const char *const *queries)
{
  static const char *const fixed[][8] = {
    { "stats", NULL },
    { "stats", "--json", "--limit", "3", NULL },
    { "list", NULL },
    { "list", "--json", "--sort", "degree", NULL },
    { "list", "--sort", "name", "--type", "person", "--limit", "2", NULL },
    { "list", "--names", NULL },
    { "facts", "--evidence", NULL },
    { "facts", "--json", "--min-support", "1", NULL },
    { "facts", "--property", "signed", NULL },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    fuzz_inspect (graph, path, fixed[i]);

  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < graph->entities->len && i < 4; i++)
    {
      NkgEntity *e = g_ptr_array_index (graph->entities, i);
      if (e->name && *e->name)
        {
          g_ptr_array_add (names, g_strdup (e->name));
          /* a word prefix, and the name with one character dropped */
          glong n = g_utf8_strlen (e->name, -1);
          g_ptr_array_add (names, g_utf8_substring (e->name, 0, MIN (n, 3)));
          if (n > 1)
            {
              g_autofree char *head = g_utf8_substring (e->name, 0, n / 2);
              g_autofree char *tail = g_utf8_substring (e->name, n / 2 + 1, n);
              g_ptr_array_add (names, g_strconcat (head, tail, NULL));
            }
        }
      if (e->aliases && e->aliases->len)
        g_ptr_array_add (names, g_strdup (g_ptr_array_index (e->aliases, 0)));
      if (e->iri)
        g_ptr_array_add (names, g_strdup (e->iri));
    }
  for (const char *const *q = queries; q && *q; q++)
    g_ptr_array_add (names, g_strdup (*q));

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *show[] = { "show", "--evidence", "--limit", "0", "--", name, NULL };
      const char *show_json[] = { "show", "--json", "--", name, NULL };
      const char *search[] = { "search", "--json", "--limit", "0", "--", name, NULL };
      const char *about[] = { "facts", "--about", name, "--evidence", NULL };
      fuzz_inspect (graph, path, show);
      fuzz_inspect (graph, path, show_json);
      fuzz_inspect (graph, path, search);
      fuzz_inspect (graph, path, about);
      if (i + 1 < names->len)
        {
          const char *way[] = { "path", "--evidence", "--", name, g_ptr_array_index (names, i + 1), NULL };
          const char *way_json[] = { "path", "--json", "--max", "3", "--", name,
                                     g_ptr_array_index (names, names->len - 1 - i), NULL };
          fuzz_inspect (graph, path, way);
          fuzz_inspect (graph, path, way_json);
        }
    }
}
