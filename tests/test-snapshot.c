/* test-snapshot.c — the snapshot reader on good and damaged bytes, and
 * the checks that tie a snapshot to its Turtle file (graph/snapshot.c).
 *
 * A snapshot is a file anyone can damage, so the reader must give back the
 * graph it was made from or refuse, never crash, leak or misbehave. Run
 * under the sanitizer build (.ci/run) to catch undefined behaviour. The
 * fuzzer fuzz/fuzz-snapshot.c searches the same space at random; the cases
 * it found are here as fixed bytes.
 */
#include <glib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "graph/load.h"
#include "graph/snapshot.h"

static char *mini_path;

static NkgGraph *
round_trip (NkgGraph *g)
{
  g_autoptr (GBytes) bytes = nkg_snapshot_bytes (g, NULL);
  return nkg_snapshot_graph (bytes, NULL);
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
  g_autoptr (GBytes) good = nkg_snapshot_bytes (g, NULL);
  gsize n;
  const guint8 *data = g_bytes_get_data (good, &n);
  for (gsize len = 0; len < n; len += 1 + len / 16)
    {
      g_autoptr (GBytes) cut = g_bytes_new (data, len);
      NkgGraph *x = nkg_snapshot_graph (cut, NULL);
      g_assert_true (x == NULL || len == n);
      g_clear_pointer (&x, nkg_graph_free);
    }
  g_autofree guint8 *copy = g_memdup2 (data, n);
  for (gsize at = 0; at < n; at += 7)
    {
      guint8 was = copy[at];
      copy[at] ^= 0x5a;
      g_autoptr (GBytes) flipped = g_bytes_new (copy, n);
      NkgGraph *x = nkg_snapshot_graph (flipped, NULL);
      /* the checksum (or the magic and length before it) catches every
       * flip */
      g_assert_null (x);
      copy[at] = was;
    }
  /* Past the checksum, a payload that lies is refused by the reader: every
   * flip of the payload sealed again is read or refused, nothing else. */
  g_autoptr (GBytes) payload = g_bytes_new_from_bytes (good, 128, n - 128);
  g_autofree guint8 *p = g_memdup2 (g_bytes_get_data (payload, NULL), n - 128);
  for (gsize at = 0; at < n - 128; at += 5)
    {
      guint8 was = p[at];
      p[at] ^= 0xa5;
      g_autoptr (GBytes) lying = g_bytes_new (p, n - 128);
      g_autoptr (GBytes) sealed = nkg_snapshot_seal (lying, NULL);
      NkgGraph *x = nkg_snapshot_graph (sealed, NULL);
      g_clear_pointer (&x, nkg_graph_free);
      p[at] = was;
    }
}

/* A snapshot file is used for a Turtle file only when it names that file
 * as it is now: the same stamp and the same checksum of its bytes. */
static void
test_source (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (mini_path, &error);
  g_assert_no_error (error);
  g_autofree char *dir = g_dir_make_tmp ("nkg-snap-XXXXXX", NULL);
  g_autofree char *ttl = g_build_filename (dir, "c.ttl", NULL);
  g_autofree char *snap = g_build_filename (dir, "c.snapshot", NULL);
  g_autofree char *text = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (mini_path, &text, &len, NULL));
  g_assert_true (g_file_set_contents (ttl, text, len, NULL));
  NkgSnapshotSource src;
  g_assert_true (nkg_snapshot_source_of (ttl, TRUE, &src, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (src.size, ==, len);
  g_assert_true (src.sum[0] || src.sum[1]);

  /* the right source: read */
  g_autoptr (GBytes) good = nkg_snapshot_bytes (g, &src);
  g_assert_true (g_file_set_contents (snap, g_bytes_get_data (good, NULL), g_bytes_get_size (good),
                                      NULL));
  g_autoptr (NkgGraph) back = nkg_snapshot_load (snap, ttl);
  g_assert_nonnull (back);
  g_assert_cmpuint (back->facts->len, ==, g->facts->len);
  NkgSnapshotSource named;
  g_autoptr (NkgGraph) again = nkg_snapshot_graph (good, &named);
  g_assert_nonnull (again);
  g_assert_cmpmem (&named, sizeof named, &src, sizeof src);

  /* the same stamp but other bytes (as if the file had been changed and
   * its times put back): refused */
  NkgSnapshotSource other = src;
  other.sum[1] ^= 1;
  g_autoptr (GBytes) wrong = nkg_snapshot_bytes (g, &other);
  g_assert_true (g_file_set_contents (snap, g_bytes_get_data (wrong, NULL),
                                      g_bytes_get_size (wrong), NULL));
  g_assert_null (nkg_snapshot_load (snap, ttl));

  /* another stamp: refused */
  other = src;
  other.mtime_ns++;
  g_autoptr (GBytes) stale = nkg_snapshot_bytes (g, &other);
  g_assert_true (g_file_set_contents (snap, g_bytes_get_data (stale, NULL),
                                      g_bytes_get_size (stale), NULL));
  g_assert_null (nkg_snapshot_load (snap, ttl));

  /* no Turtle file, no snapshot file: refused */
  g_assert_null (nkg_snapshot_load (snap, "/nonexistent/c.ttl"));
  g_unlink (snap);
  g_assert_null (nkg_snapshot_load (snap, ttl));
  g_unlink (ttl);
  g_rmdir (dir);
}

/* A snapshot listing one document or entity twice: the reader filled the
 * first again and leaked its texts (ASan's leak check in .ci/run). Now
 * it is damage, and refused. */
static void
test_duplicates (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (mini_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->docs->len, >=, 2);
  g_assert_cmpuint (g->entities->len, >=, 2);
  NkgDoc *d0 = g_ptr_array_index (g->docs, 0), *d1 = g_ptr_array_index (g->docs, 1);
  g_autofree char *doc_iri = d1->iri;
  d1->iri = d0->iri;
  g_autoptr (GBytes) docs = nkg_snapshot_bytes (g, NULL);
  d1->iri = g_steal_pointer (&doc_iri);
  NkgGraph *x = nkg_snapshot_graph (docs, NULL);
  g_assert_null (x);

  NkgEntity *e0 = g_ptr_array_index (g->entities, 0), *e1 = g_ptr_array_index (g->entities, 1);
  g_autofree char *ent_iri = e1->iri;
  e1->iri = e0->iri;
  g_autoptr (GBytes) ents = nkg_snapshot_bytes (g, NULL);
  e1->iri = g_steal_pointer (&ent_iri);
  x = nkg_snapshot_graph (ents, NULL);
  g_assert_null (x);
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
  g_test_add_func ("/snapshot/source", test_source);
  g_test_add_func ("/snapshot/duplicates", test_duplicates);
  int rc = g_test_run ();
  g_free (mini_path);
  return rc;
}
