/* fuzz-turtle.c — the Turtle loader (graph/load.c) and every inspection
 * command over what it loads.
 *
 * The loader reads through its fast reader, else serd, unless Raptor
 * must; every input is also loaded through Raptor alone, and the two must
 * agree: the same graph (snapshot bytes) or the same error message; so
 * must serd reading the input in two halves, when it takes the cut, and
 * the fast reader (whole, and in two halves) whenever it reads it.
 *
 * The input is a corpus.ttl. Comment lines of the form "#? TEXT" are
 * Turtle comments to the loader and extra queries to the harness: each
 * TEXT is looked up with show, search, facts --about and path, beside
 * names taken from the loaded graph, so the fuzzer can also steer the name
 * resolution and the ranking in graph/query.c.
 */
#include "fuzz-common.h"

#include "graph/load.h"
#include "graph/query.h"
#include "graph/snapshot.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init ();
  return 0;
}

static void
array_unref0 (GArray *a)
{
  if (a)
    g_array_unref (a);
}

/* The "#? TEXT" lines of the input, at most four. */
static GPtrArray *
queries_of (const char *text, gsize len)
{
  GPtrArray *q = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = text, *end = text + len; p < end && q->len < 4;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *stop = nl ? nl : end;
      if (stop - p > 2 && p[0] == '#' && p[1] == '?')
        g_ptr_array_add (q, g_utf8_make_valid (p + 2, stop - p - 2));
      p = stop + 1;
    }
  g_ptr_array_add (q, NULL);
  return q;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *path = fuzz_path ("corpus.ttl");
  if (!g_file_set_contents (path, (const char *) data, (gssize) size, NULL))
    abort ();
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) graph = nkg_graph_load_turtle (path, &error);
  if ((graph != NULL) == (error != NULL))
    abort (); /* a graph or an error, never both or neither */

  g_autoptr (GError) ref_error = NULL;
  g_autoptr (NkgGraph) ref = nkg_graph_load_turtle_with (path, NKG_LOAD_RAPTOR, &ref_error);
  if ((ref != NULL) != (graph != NULL)
      || (error && strcmp (error->message, ref_error->message) != 0))
    abort (); /* serd's path and Raptor's disagree on whether it is Turtle */
  if (!graph)
    return 0;
  {
    g_autoptr (GBytes) a = nkg_snapshot_bytes (graph, NULL);
    g_autoptr (GBytes) b = nkg_snapshot_bytes (ref, NULL);
    if (!g_bytes_equal (a, b))
      abort (); /* ... or on the graph */
    /* Read in two halves (as large files are), when the cut is taken. */
    g_autoptr (NkgGraph) split = nkg_graph_load_turtle_with (path, NKG_LOAD_SERD_SPLIT, NULL);
    g_autoptr (GBytes) c = split ? nkg_snapshot_bytes (split, NULL) : NULL;
    if (c && !g_bytes_equal (c, b))
      abort ();
    /* The fast reader of newskg's own layout, whole and in two halves:
     * whatever it reads, it reads as Raptor does. */
    for (int rd = NKG_LOAD_FAST; rd <= NKG_LOAD_FAST_SPLIT; rd++)
      {
        g_autoptr (NkgGraph) fast = nkg_graph_load_turtle_with (path, (NkgLoadReader) rd, NULL);
        g_autoptr (GBytes) f = fast ? nkg_snapshot_bytes (fast, NULL) : NULL;
        if (f && !g_bytes_equal (f, b))
          abort ();
      }
  }

  g_autoptr (GPtrArray) queries = queries_of ((const char *) data, size);
  fuzz_inspect_all (graph, path, (const char *const *) queries->pdata);

  /* The library's own entry points, beside what the commands call. */
  for (guint i = 0; i + 1 < queries->len; i++)
    {
      const char *q = g_ptr_array_index (queries, i);
      g_ptr_array_unref (nkg_graph_find (graph, q));
      g_ptr_array_unref (nkg_graph_suggest (graph, q, 5));
      g_array_unref (nkg_query_search (graph, q, NKG_CLASS_PERSON, 3));
    }
  for (int s = NKG_SORT_MENTIONS; s <= NKG_SORT_DEGREE; s++)
    g_ptr_array_unref (nkg_query_entities (graph, NKG_CLASS_NONE, (NkgSort) s));
  if (graph->entities->len >= 2)
    {
      NkgEntity *a = g_ptr_array_index (graph->entities, 0);
      NkgEntity *b = g_ptr_array_index (graph->entities, graph->entities->len - 1);
      array_unref0 (nkg_query_path (graph, a, b, 0));
      array_unref0 (nkg_query_path (graph, b, a, 2));
    }
  return 0;
}
