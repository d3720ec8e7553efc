/* test-snapshot.c — the inspection cache's snapshot reader on good and
 * damaged bytes (cli/inspect-cache.c).
 *
 * A snapshot is a file anyone can damage, so the reader must give back the
 * graph it was made from or refuse, never crash, leak or misbehave. Run
 * under the sanitizer build (.ci/run) to catch undefined behaviour. The
 * fuzzer fuzz/fuzz-snapshot.c searches the same space at random; the cases
 * it found are here as fixed bytes.
 */
#include <glib.h>
#include <string.h>

#include "cli/common.h"
#include "graph/load.h"

static char *mini_path;

static NkgGraph *
round_trip (NkgGraph *g)
{
  g_autoptr (GBytes) bytes = nkg_cli_snapshot_bytes (g);
  return nkg_cli_snapshot_graph (bytes);
}

/* A graph with no quotes (or nothing at all) has empty columns, which
 * GVariant hands back as NULL: the reader once did NULL + 0 on them. */
static void
test_empty_graph (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  nkg_graph_finish (g);
  g_autoptr (NkgGraph) back = round_trip (g);
  g_assert_nonnull (back);
  g_assert_cmpuint (back->docs->len, ==, 0);
  g_assert_cmpuint (back->entities->len, ==, 0);
  g_assert_cmpuint (back->facts->len, ==, 0);
  g_assert_cmpuint (back->quotes->len, ==, 0);
}

static void
test_mini_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (mini_path, &error);
  g_assert_no_error (error);
  g_autoptr (NkgGraph) back = round_trip (g);
  g_assert_nonnull (back);
  g_assert_cmpuint (back->docs->len, ==, g->docs->len);
  g_assert_cmpuint (back->entities->len, ==, g->entities->len);
  g_assert_cmpuint (back->facts->len, ==, g->facts->len);
  g_assert_cmpuint (back->quotes->len, ==, g->quotes->len);
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *a = g_ptr_array_index (g->entities, i), *b = g_ptr_array_index (back->entities, i);
      g_assert_cmpstr (a->iri, ==, b->iri);
      g_assert_cmpstr (a->name, ==, b->name);
    }
}

/* Every prefix and many single-byte changes of a good snapshot: each is
 * refused or read, and nothing else happens. */
static void
test_damaged (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (mini_path, &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) good = nkg_cli_snapshot_bytes (g);
  gsize n;
  const guint8 *data = g_bytes_get_data (good, &n);
  for (gsize len = 0; len < n; len += 1 + len / 16)
    {
      g_autoptr (GBytes) cut = g_bytes_new (data, len);
      NkgGraph *x = nkg_cli_snapshot_graph (cut);
      g_clear_pointer (&x, nkg_graph_free);
    }
  g_autofree guint8 *copy = g_memdup2 (data, n);
  for (gsize at = 0; at < n; at += 7)
    {
      guint8 was = copy[at];
      copy[at] ^= 0x5a;
      g_autoptr (GBytes) flipped = g_bytes_new (copy, n);
      NkgGraph *x = nkg_cli_snapshot_graph (flipped);
      g_clear_pointer (&x, nkg_graph_free);
      copy[at] = was;
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  if (!root)
    {
      g_printerr ("set NKG_SOURCE_ROOT (meson test does)\n");
      return 77;
    }
  mini_path = g_build_filename (root, "tests", "data", "mini.ttl", NULL);
  g_test_add_func ("/snapshot/empty-graph", test_empty_graph);
  g_test_add_func ("/snapshot/mini-round-trip", test_mini_round_trip);
  g_test_add_func ("/snapshot/damaged", test_damaged);
  int rc = g_test_run ();
  g_free (mini_path);
  return rc;
}
