/* test-order.c — the graph depends on the set of documents, not on the
 * order they are added in (PLAN D6).
 *
 * Extracts every article of a folder once, then merges the documents in
 * several orders (sorted, reversed, shuffled with fixed seeds) and compares
 * the Turtle byte for byte. With duplicates added (the same text under
 * another source, and the same words laid out differently: one content
 * key, another sha256), the least source wins whatever the order.
 *
 *   test-order examples   the repository's examples/
 *   test-order eval       ../shared/eval/{seeds,dev,dev2}/docs (77, SKIP, when absent)
 */
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "extract/extract.h"
#include "graph/graph.h"

static const NkgLexicon *lexicon;

static gint
str_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static NkgDocFacts *
extract_text (const char *source, const char *text, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgArticle) a = nkg_article_new_from_text (source, text, len, &error);
  g_assert_no_error (error);
  NkgDocFacts *f = nkg_extract_article (lexicon, a, &error);
  g_assert_no_error (error);
  return f;
}

/* Every *.txt of `dir`, sources as build gives them for a flat folder. */
static GPtrArray *
extract_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, str_cmp);
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_doc_facts_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, n, NULL);
      g_autofree char *text = NULL;
      gsize len = 0;
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      g_ptr_array_add (docs, extract_text (n, text, len));
    }
  g_assert_cmpuint (docs->len, >, 0);
  return docs;
}

static GBytes *
turtle_of (GPtrArray *docs, const guint *order)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (guint i = 0; i < docs->len; i++)
    nkg_graph_add_doc (g, g_ptr_array_index (docs, order[i]));
  nkg_graph_finish (g);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_assert_true (nkg_export_write (nkg_exporter_by_name ("turtle"), g, NULL, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Sorted, reversed and shuffled orders all give the bytes of the first. */
static void
check_orders (const char *label, GPtrArray *docs)
{
  guint n = docs->len;
  g_autofree guint *order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_autoptr (GBytes) want = turtle_of (docs, order);
  for (guint i = 0; i < n; i++)
    order[i] = n - 1 - i;
  g_autoptr (GBytes) reversed = turtle_of (docs, order);
  g_assert_true (g_bytes_equal (want, reversed));
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
      for (guint i = n - 1; i > 0; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
          guint t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
      g_autoptr (GBytes) got = turtle_of (docs, order);
      if (!g_bytes_equal (want, got))
        g_error ("%s: shuffle with seed %u gives other Turtle than sorted order", label, seed);
    }
  printf ("# %s: %u documents, %zu bytes of Turtle, alike in 6 orders\n", label, n,
          g_bytes_get_size (want));
}

/* Adds to `docs` two duplicates of its first document: the same text as
 * "zz-copy.txt" (one sha256) and the text with its spaces doubled as
 * "00-spaced.txt" (the same content key, another sha256). */
static void
add_duplicates (GPtrArray *docs, const char *dir, const char *first)
{
  g_autofree char *path = g_build_filename (dir, first, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_ptr_array_add (docs, extract_text ("zz-copy.txt", text, len));
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  g_autofree char *spaced = g_strjoinv ("  ", words);
  g_ptr_array_add (docs, extract_text ("00-spaced.txt", spaced, strlen (spaced)));
}

static const char *
first_txt (const char *dir)
{
  static char name[256];
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *n;
  name[0] = '\0';
  while ((n = g_dir_read_name (d)))
    if (g_str_has_suffix (n, ".txt") && (!name[0] || strcmp (n, name) < 0))
      g_strlcpy (name, n, sizeof name);
  return name;
}

static void
test_folder (gconstpointer data)
{
  const char *dir = data;
  g_autoptr (GPtrArray) docs = extract_dir (dir);
  check_orders (dir, docs);
  /* duplicates: one document kept, the least source, in every order */
  guint plain = docs->len;
  add_duplicates (docs, dir, first_txt (dir));
  check_orders (dir, docs);
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (guint i = docs->len; i-- > 0;)
    nkg_graph_add_doc (g, g_ptr_array_index (docs, i));
  g_assert_cmpuint (nkg_graph_n_staged (g), ==, plain);
  nkg_graph_finish (g);
  g_assert_cmpuint (g->docs->len, ==, plain);
  gboolean spaced = FALSE;
  for (guint i = 0; i < g->docs->len; i++)
    {
      const NkgDoc *d = g_ptr_array_index (g->docs, i);
      g_assert_cmpstr (d->source, !=, "zz-copy.txt");
      spaced |= g_strcmp0 (d->source, "00-spaced.txt") == 0;
    }
  g_assert_true (spaced);
}

static NkgDocFacts *
hand_doc (const char *source)
{
  NkgDocFacts *f = nkg_doc_facts_new (source);
  f->sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source, -1);
  return f;
}

/* Documents whose merge a greedy, first-come merge decides by their order:
 * a lone surname before or after the full name, an acronym alias that
 * links two spellings, a description that fits two agreements equally. */
static void
test_hand_built (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_doc_facts_free);
  const char *people[][2] = {
    { "Tomasz Wrenfield", "Wrenfield" }, { "Wrenfield", NULL }, { "Alma Quist", NULL },
    { "Quist", NULL }, { "Bernt Quist", NULL }, { "Quist", NULL },
  };
  for (gsize d = 0; d < G_N_ELEMENTS (people); d++)
    {
      g_autofree char *src = g_strdup_printf ("p%zu.txt", d);
      NkgDocFacts *f = hand_doc (src);
      guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, people[d][0], 1);
      if (people[d][1])
        nkg_doc_facts_add_alias (f, e, people[d][1]);
      guint o = nkg_doc_facts_add_entity (f, NKG_CLASS_ORG, d % 2 ? "Nordic Fisheries Council" : "NFC", 1);
      if (d == 2)
        nkg_doc_facts_add_alias (f, o, "Nordic Fisheries Council");
      nkg_doc_facts_add_fact_text (f, e, NKG_PROP_WORKS_FOR, (gint) o, NULL, "works there", 0.7);
      nkg_doc_facts_add_quote (f, e, "we fish");
      g_ptr_array_add (docs, f);
    }
  const char *deals[] = { "Framework for the Baltic Herring Partnership", "fresh fisheries accord",
                          "Reciprocal Quota Agreement" };
  for (gsize d = 0; d < G_N_ELEMENTS (deals); d++)
    {
      g_autofree char *src = g_strdup_printf ("s%zu.txt", d);
      NkgDocFacts *f = hand_doc (src);
      nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Tomasz Wrenfield", 1);
      nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Alma Quist", 1);
      guint city = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Tallinn", 1);
      guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, deals[d], 1);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_SIGNED_IN, (gint) city, NULL, "in Tallinn", 0.8);
      g_ptr_array_add (docs, f);
    }
  check_orders ("hand-built", docs);
}

/* '#' sorts lowest, so records follow their container's name as the input
 * layer reads them. */
static void
test_source_cmp (void)
{
  g_assert_cmpint (nkg_source_cmp ("a#line-1", "a b.txt"), <, 0);
  g_assert_cmpint (nkg_source_cmp ("a.txt", "a#line-1"), >, 0);
  g_assert_cmpint (nkg_source_cmp ("a", "a#line-1"), <, 0);
  g_assert_cmpint (nkg_source_cmp ("b.txt", "b.txt"), ==, 0);
  g_assert_cmpint (nkg_source_cmp (NULL, ""), ==, 0);
  g_assert_cmpint (nkg_source_cmp ("a.txt", "b.txt"), <, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *what = argc > 1 ? argv[1] : "examples";
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  const char *shared = g_getenv ("NKG_SHARED_DIR");
  g_autoptr (GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  if (strcmp (what, "eval") == 0)
    {
      const char *sets[] = { "seeds", "dev", "dev2" };
      for (gsize i = 0; shared && i < G_N_ELEMENTS (sets); i++)
        {
          char *d = g_build_filename (shared, "eval", sets[i], "docs", NULL);
          if (g_file_test (d, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (dirs, d);
          else
            g_free (d);
        }
      if (dirs->len == 0)
        {
          printf ("skipped: ../shared/eval is absent (the evaluation data lives outside the "
                  "repository)\n");
          return 77;
        }
    }
  else
    g_ptr_array_add (dirs, g_build_filename (root ? root : ".", "examples", NULL));

  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLexicon) lex = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  lexicon = lex;
  g_test_add_func ("/order/source-cmp", test_source_cmp);
  g_test_add_func ("/order/hand-built", test_hand_built);
  for (guint i = 0; i < dirs->len; i++)
    {
      const char *d = g_ptr_array_index (dirs, i);
      g_autofree char *base = g_path_get_basename (d);
      g_autofree char *parent = g_path_get_dirname (d);
      g_autofree char *set = g_path_get_basename (parent);
      g_autofree char *name = g_strdup_printf ("/order/%s", strcmp (base, "docs") ? base : set);
      g_test_add_data_func (name, d, test_folder);
    }
  return g_test_run ();
}
