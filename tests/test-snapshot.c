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

#include "export/dot.h"
#include "graph/load.h"
#include "graph/query.h"
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

  /* Read in place, empty columns too (the fuzzer found NULL + 0 in the
   * list of an entity without facts). */
  g_autoptr (NkgGraph) one = nkg_graph_new (NULL);
  NkgEntity *lone = nkg_graph_intern_entity (one, "https://w3id.org/newskg/id/person/a-b");
  lone->name = g_strdup ("A B");
  lone->klass = NKG_CLASS_PERSON;
  nkg_graph_index_finished (one);
  g_autoptr (GBytes) bytes = nkg_snapshot_bytes (one, NULL);
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_new (bytes, NULL);
  g_assert_nonnull (v);
  NkgEntity *e = NULL;
  g_autoptr (NkgGraph) small = nkg_snapshot_view_neighbourhood (v, 0, TRUE, &e);
  g_assert_nonnull (small);
  g_assert_cmpstr (e->name, ==, "A B");
  g_assert_cmpuint (e->out->len + e->in->len + e->docs->len + e->quotes->len, ==, 0);
}

/* tests/data/mini.ttl's graph. */
static NkgGraph *
mini_graph (void)
{
  g_autoptr (GError) error = NULL;
  NkgGraph *g = nkg_graph_load_turtle (mini_path, &error);
  g_assert_no_error (error);
  return g;
}

static void
test_mini_round_trip (void)
{
  g_autoptr (NkgGraph) g = mini_graph ();
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
  g_autoptr (NkgGraph) g = mini_graph ();
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
  guint64 blocks;
  memcpy (&blocks, data + 112, 8);
  blocks = GUINT64_FROM_LE (blocks);
  gsize head = 128 + 8 * blocks;
  g_autoptr (GBytes) payload = g_bytes_new_from_bytes (good, head, n - head);
  g_autofree guint8 *p = g_memdup2 (g_bytes_get_data (payload, NULL), n - head);
  for (gsize at = 0; at < n - head; at += 5)
    {
      guint8 was = p[at];
      p[at] ^= 0xa5;
      g_autoptr (GBytes) lying = g_bytes_new (p, n - head);
      g_autoptr (GBytes) sealed = nkg_snapshot_seal (lying, NULL);
      NkgGraph *x = nkg_snapshot_graph (sealed, NULL);
      g_clear_pointer (&x, nkg_graph_free);
      /* and read in place: every entity's card is read or refused */
      NkgSnapshotView *v = nkg_snapshot_view_new (sealed, NULL);
      for (gsize i = 0; v && i <= nkg_snapshot_view_n_entities (v); i++)
        {
          NkgEntity *e;
          x = nkg_snapshot_view_neighbourhood (v, i, TRUE, &e);
          g_assert_true (!x || e);
          g_clear_pointer (&x, nkg_graph_free);
          const char *iri, *name;
          if (nkg_snapshot_view_entity (v, i, &iri, &name, NULL, NULL))
            {
              g_assert_cmpint (nkg_snapshot_view_entity_by_iri (v, iri), <, (gssize) n);
              const guint32 *ents;
              gsize k;
              nkg_snapshot_view_find_key (v, name ? name : "", &ents, &k);
            }
        }
      nkg_snapshot_view_free (v);
      p[at] = was;
    }
}

static void
assert_same_iris (GPtrArray *a, GPtrArray *b)
{
  /* every item type starts with its IRI */
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (*(char **) a->pdata[i], ==, *(char **) b->pdata[i]);
}

static void
assert_same_facts (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      NkgFact *x = a->pdata[i], *y = b->pdata[i];
      g_assert_cmpstr (x->iri, ==, y->iri);
      g_assert_cmpstr (x->subject->iri, ==, y->subject->iri);
      g_assert_cmpstr (x->subject->name, ==, y->subject->name);
      g_assert_cmpint (x->subject->klass, ==, y->subject->klass);
      g_assert_cmpint (x->prop, ==, y->prop);
      g_assert_cmpstr (x->object ? x->object->iri : NULL, ==, y->object ? y->object->iri : NULL);
      g_assert_cmpstr (x->object ? x->object->name : NULL, ==, y->object ? y->object->name : NULL);
      g_assert_cmpstr (x->literal, ==, y->literal);
      g_assert_cmpfloat (x->confidence, ==, y->confidence);
      g_assert_cmpint (x->gazetteer, ==, y->gazetteer);
      assert_same_iris (x->docs, y->docs);
      assert_same_iris (x->evidence, y->evidence);
      g_assert_cmpuint (x->conflicts->len, ==, y->conflicts->len);
      for (guint k = 0; k < x->conflicts->len; k++)
        {
          NkgFact *cx = x->conflicts->pdata[k], *cy = y->conflicts->pdata[k];
          g_assert_cmpstr (cx->iri, ==, cy->iri);
          g_assert_cmpstr (cx->literal, ==, cy->literal);
          g_assert_cmpstr (cx->object ? cx->object->name : NULL, ==,
                           cy->object ? cy->object->name : NULL);
        }
      for (guint k = 0; k < x->evidence->len; k++)
        {
          NkgEvidence *ex = x->evidence->pdata[k], *ey = y->evidence->pdata[k];
          g_assert_cmpstr (ex->text, ==, ey->text);
          g_assert_cmpstr (ex->doc ? ex->doc->iri : NULL, ==, ey->doc ? ey->doc->iri : NULL);
          g_assert_cmpuint (ex->start, ==, ey->start);
          g_assert_cmpuint (ex->end, ==, ey->end);
        }
    }
}

/* Read in place, each entity's neighbourhood holds what the whole graph
 * says of it, in the same order; the IRI and name lookups find what the
 * graph's do. */
static void
test_view (void)
{
  g_autoptr (NkgGraph) g = mini_graph ();
  g_autoptr (GBytes) bytes = nkg_snapshot_bytes (g, NULL);
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_new (bytes, NULL);
  g_assert_nonnull (v);
  g_assert_cmpuint (nkg_snapshot_view_n_entities (v), ==, g->entities->len);
  g_assert_cmpstr (nkg_snapshot_view_base (v), ==, g->base);
  guint with_facts = 0, with_quotes = 0;
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *want = g->entities->pdata[i], *e = NULL;
      g_assert_cmpint (nkg_snapshot_view_entity_by_iri (v, want->iri), ==, i);
      g_autoptr (NkgGraph) small = nkg_snapshot_view_neighbourhood (v, i, TRUE, &e);
      g_assert_nonnull (small);
      g_assert_nonnull (e);
      g_assert_cmpstr (e->iri, ==, want->iri);
      g_assert_cmpstr (e->name, ==, want->name);
      g_assert_cmpint (e->klass, ==, want->klass);
      g_assert_cmpuint (e->mention_count, ==, want->mention_count);
      g_assert_cmpuint (e->aliases->len, ==, want->aliases->len);
      for (guint k = 0; k < e->aliases->len; k++)
        g_assert_cmpstr (e->aliases->pdata[k], ==, want->aliases->pdata[k]);
      assert_same_iris (e->docs, want->docs);
      assert_same_facts (e->out, want->out);
      assert_same_facts (e->in, want->in);
      assert_same_iris (e->quotes, want->quotes);
      for (guint k = 0; k < e->quotes->len; k++)
        {
          NkgQuote *qa = e->quotes->pdata[k], *qb = want->quotes->pdata[k];
          g_assert_cmpstr (qa->text, ==, qb->text);
          assert_same_iris (qa->docs, qb->docs);
        }
      for (guint k = 0; k < e->docs->len; k++)
        {
          NkgDoc *da = e->docs->pdata[k], *db = want->docs->pdata[k];
          g_assert_cmpstr (da->source, ==, db->source);
          g_assert_cmpstr (da->title, ==, db->title);
          g_assert_cmpstr (da->date, ==, db->date);
          g_assert_cmpstr (da->url, ==, db->url);
          g_assert_cmpstr (da->language, ==, db->language);
        }
      with_facts += e->out->len && e->in->len;
      with_quotes += e->quotes->len > 0;
    }
  /* the fixture has entities with facts both ways and with quotes */
  g_assert_cmpuint (with_facts, >, 0);
  g_assert_cmpuint (with_quotes, >, 0);

  /* What list and stats read in place: degrees, aliases, dates, counts. */
  g_autofree guint32 *degree = nkg_snapshot_view_degrees (v);
  g_assert_nonnull (degree);
  guint linked = 0;
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *want = g->entities->pdata[i];
      g_assert_cmpuint (degree[i], ==, nkg_query_degree (want));
      linked += degree[i] > 1;
      g_autoptr (GPtrArray) aliases = g_ptr_array_new ();
      g_assert_true (nkg_snapshot_view_aliases (v, i, aliases));
      g_assert_cmpuint (aliases->len, ==, want->aliases->len);
      for (guint k = 0; k < aliases->len; k++)
        g_assert_cmpstr (aliases->pdata[k], ==, want->aliases->pdata[k]);
    }
  g_assert_cmpuint (linked, >, 0);
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_assert_false (nkg_snapshot_view_aliases (v, g->entities->len, none));
  g_assert_cmpuint (nkg_snapshot_view_n_docs (v), ==, g->docs->len);
  g_assert_cmpuint (nkg_snapshot_view_n_quotes (v), ==, g->quotes->len);
  for (guint i = 0; i < g->docs->len; i++)
    {
      const char *date = "unset";
      g_assert_true (nkg_snapshot_view_doc_date (v, i, &date));
      g_assert_cmpstr (date, ==, ((NkgDoc *) g->docs->pdata[i])->date);
    }

  /* A card without evidence: the facts' documents counted, not made; the
   * documents with what a card prints; no aliases at the other ends. */
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *want = g->entities->pdata[i], *e = NULL;
      g_autoptr (NkgGraph) small = nkg_snapshot_view_neighbourhood (v, i, FALSE, &e);
      g_assert_nonnull (small);
      g_assert_cmpuint (e->out->len, ==, want->out->len);
      g_assert_cmpuint (e->in->len, ==, want->in->len);
      g_assert_cmpuint (e->aliases->len, ==, want->aliases->len);
      for (guint k = 0; k < e->out->len + e->in->len; k++)
        {
          NkgFact *fa = k < e->out->len ? e->out->pdata[k] : e->in->pdata[k - e->out->len];
          NkgFact *fb = k < e->out->len ? want->out->pdata[k] : want->in->pdata[k - e->out->len];
          g_assert_cmpstr (fa->iri, ==, fb->iri);
          g_assert_cmpstr (fa->subject->name, ==, fb->subject->name);
          g_assert_cmpstr (fa->object ? fa->object->name : fa->literal, ==,
                           fb->object ? fb->object->name : fb->literal);
          g_assert_cmpfloat (fa->confidence, ==, fb->confidence);
          g_assert_cmpuint (fa->docs->len, ==, fb->docs->len);
          for (guint d = 0; d < fa->docs->len; d++)
            g_assert_null (fa->docs->pdata[d]);
          g_assert_cmpuint (fa->evidence->len, ==, 0);
          g_assert_cmpuint (fa->conflicts->len, ==, fb->conflicts->len);
          NkgEntity *other = fa->subject == e ? fa->object : fa->subject;
          if (other && other != e)
            g_assert_cmpuint (other->aliases->len, ==, 0);
        }
      assert_same_iris (e->docs, want->docs);
      for (guint k = 0; k < e->docs->len; k++)
        {
          NkgDoc *da = e->docs->pdata[k], *db = want->docs->pdata[k];
          g_assert_cmpstr (da->source, ==, db->source);
          g_assert_cmpstr (da->title, ==, db->title);
          g_assert_cmpstr (da->date, ==, db->date);
          g_assert_null (da->url);
        }
    }

  /* The name index is graph->index (made on demand). */
  GHashTableIter it;
  gpointer key, list;
  guint keys = 0;
  g_hash_table_iter_init (&it, nkg_graph_name_index (g));
  while (g_hash_table_iter_next (&it, &key, &list))
    {
      GPtrArray *want = list;
      const guint32 *ents;
      gsize n;
      g_assert_true (nkg_snapshot_view_find_key (v, key, &ents, &n));
      g_assert_cmpuint (n, ==, want->len);
      for (gsize k = 0; k < n; k++)
        g_assert_true (g->entities->pdata[ents[k]] == want->pdata[k]);
      keys++;
    }
  g_assert_cmpuint (keys, >, 10);
  const guint32 *ents;
  gsize n;
  g_assert_true (nkg_snapshot_view_find_key (v, "no such name at all", &ents, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (nkg_snapshot_view_entity_by_iri (v, "urn:nothing"), ==, -1);
  g_assert_null (nkg_snapshot_view_neighbourhood (v, g->entities->len, TRUE, &(NkgEntity *){ NULL }));
}

/* A snapshot of another version (here version 6's magic on today's
 * bytes, the checksum still good: it does not cover the magic) is refused
 * whole and read in place, so an old cache is parsed again and rewritten. */
static void
test_old_version (void)
{
  g_autoptr (NkgGraph) g = mini_graph ();
  g_autoptr (GBytes) good = nkg_snapshot_bytes (g, NULL);
  gsize n;
  const guint8 *data = g_bytes_get_data (good, &n);
  g_autofree guint8 *old = g_memdup2 (data, n);
  g_assert_cmpmem (old, 13, "newskg-snap-7", 13);
  old[12] = '6';
  g_autoptr (GBytes) bytes = g_bytes_new (old, n);
  g_assert_null (nkg_snapshot_graph (bytes, NULL));
  g_assert_null (nkg_snapshot_view_new (bytes, NULL));
  /* a version 5 payload (its 29 columns only) under today's magic */
  guint64 blocks;
  memcpy (&blocks, data + 112, 8);
  blocks = GUINT64_FROM_LE (blocks);
  gsize head = 128 + 8 * blocks;
  g_autoptr (GBytes) payload = g_bytes_new_from_bytes (good, head, n - head);
  g_autoptr (GVariant) whole = g_variant_ref_sink (g_variant_new_from_bytes (
    G_VARIANT_TYPE ("(ayayayauauauayaiauauayauauayauaiauadauauauauauauauayauauau"
                    "atatatatatatauauauauauauauauauauauayatauau)"),
    payload, TRUE));
  GVariant *cols[29];
  for (int i = 0; i < 29; i++)
    cols[i] = g_variant_get_child_value (whole, i);
  g_autoptr (GVariant) v5 = g_variant_ref_sink (g_variant_new_tuple (cols, 29));
  for (int i = 0; i < 29; i++)
    g_variant_unref (cols[i]);
  g_autoptr (GBytes) v5_payload = g_variant_get_data_as_bytes (v5);
  g_autoptr (GBytes) sealed = nkg_snapshot_seal (v5_payload, NULL);
  g_assert_null (nkg_snapshot_view_new (sealed, NULL));
  NkgGraph *x = nkg_snapshot_graph (sealed, NULL);
  g_assert_null (x);
}

/* The header's field at `off` (little-endian). */
static guint64
header_field (GBytes *bytes, gsize off)
{
  guint64 v;
  memcpy (&v, (const guint8 *) g_bytes_get_data (bytes, NULL) + off, 8);
  return GUINT64_FROM_LE (v);
}

static void
put_file (const char *path, GBytes *bytes)
{
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
}

/* mini.ttl copied into a new folder as c.ttl (beside it the path for its
 * snapshot), its graph, and the source a snapshot of it names. */
static NkgGraph *
mini_copy (char **dir, char **ttl, char **snap, NkgSnapshotSource *src)
{
  g_autoptr (GError) error = NULL;
  NkgGraph *g = mini_graph ();
  *dir = g_dir_make_tmp ("nkg-snap-XXXXXX", NULL);
  *ttl = g_build_filename (*dir, "c.ttl", NULL);
  *snap = g_build_filename (*dir, "c.snapshot", NULL);
  g_autofree char *text = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (mini_path, &text, &len, NULL));
  g_assert_true (g_file_set_contents (*ttl, text, len, NULL));
  g_assert_true (nkg_snapshot_source_of (*ttl, TRUE, src, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (src->size, ==, len);
  return g;
}

/* A snapshot file is used for a Turtle file only when it names that file
 * as it is now: the same stamp and the same checksum of its bytes. */
static void
test_source (void)
{
  g_autofree char *dir = NULL, *ttl = NULL, *snap = NULL;
  NkgSnapshotSource src;
  g_autoptr (NkgGraph) g = mini_copy (&dir, &ttl, &snap, &src);
  g_assert_true (src.sum[0] || src.sum[1]);

  /* the right source: read */
  g_autoptr (GBytes) good = nkg_snapshot_bytes (g, &src);
  put_file (snap, good);
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
  put_file (snap, wrong);
  g_assert_null (nkg_snapshot_load (snap, ttl));

  /* another stamp: refused */
  other = src;
  other.mtime_ns++;
  g_autoptr (GBytes) stale = nkg_snapshot_bytes (g, &other);
  put_file (snap, stale);
  g_assert_null (nkg_snapshot_load (snap, ttl));

  /* no Turtle file, no snapshot file: refused */
  g_assert_null (nkg_snapshot_load (snap, "/nonexistent/c.ttl"));
  g_unlink (snap);
  g_assert_null (nkg_snapshot_load (snap, ttl));
  g_unlink (ttl);
  g_rmdir (dir);
}

/* The Turtle file's checksum is read again only when its stamp could hide
 * a change: a stamp taken long after the file's last change (its ctime)
 * is trusted alone — shown here with a snapshot naming other bytes, which
 * is then used — and one taken within the racy window is confirmed by the
 * bytes, and refreshed in the header once it is old enough. */
static void
test_stamp_trust (void)
{
  g_autofree char *dir = NULL, *ttl = NULL, *snap = NULL;
  NkgSnapshotSource src;
  g_autoptr (NkgGraph) g = mini_copy (&dir, &ttl, &snap, &src);
  /* just written: the stamp was taken in the racy window */
  g_assert_cmpuint (src.hashed_ns, >=, src.ctime_ns - G_GUINT64_CONSTANT (1000000000));
  g_assert_cmpuint (src.hashed_ns, <, src.ctime_ns + G_GUINT64_CONSTANT (2000000000));

  NkgSnapshotSource lie = src;
  lie.sum[0] ^= 1;
  /* racy: the bytes are summed, the lie found */
  g_autoptr (GBytes) racy_lie = nkg_snapshot_bytes (g, &lie);
  put_file (snap, racy_lie);
  g_assert_null (nkg_snapshot_load (snap, ttl));
  g_assert_null (nkg_snapshot_view_load (snap, ttl));
  /* summed long after the last change: the stamp is enough */
  lie.hashed_ns = src.ctime_ns + G_GUINT64_CONSTANT (10000000000);
  g_autoptr (GBytes) old_lie = nkg_snapshot_bytes (g, &lie);
  put_file (snap, old_lie);
  g_autoptr (NkgGraph) trusted = nkg_snapshot_load (snap, ttl);
  g_assert_nonnull (trusted);
  g_autoptr (NkgSnapshotView) trusted_view = nkg_snapshot_view_load (snap, ttl);
  g_assert_nonnull (trusted_view);
  /* but not with another stamp */
  lie.ctime_ns++;
  g_autoptr (GBytes) other_stamp = nkg_snapshot_bytes (g, &lie);
  put_file (snap, other_stamp);
  g_assert_null (nkg_snapshot_load (snap, ttl));

  /* racy and true: used, the header left as it is while the stamp is
   * still young, refreshed once it is old enough */
  g_autoptr (GBytes) good = nkg_snapshot_bytes (g, &src);
  put_file (snap, good);
  g_autoptr (NkgSnapshotView) young = nkg_snapshot_view_load (snap, ttl);
  g_assert_nonnull (young);
  g_autoptr (GMappedFile) m1 = g_mapped_file_new (snap, FALSE, NULL);
  g_autoptr (GBytes) b1 = g_mapped_file_get_bytes (m1);
  if (header_field (b1, 96) == src.hashed_ns)
    {
      /* (skipped when this machine took over two seconds to get here) */
      g_usleep (2100 * 1000);
      g_autoptr (NkgGraph) later = nkg_snapshot_load (snap, ttl);
      g_assert_nonnull (later);
    }
  g_autofree char *after = NULL;
  gsize after_len;
  g_assert_true (g_file_get_contents (snap, &after, &after_len, NULL));
  g_autoptr (GBytes) b2 = g_bytes_new (after, after_len);
  g_assert_cmpuint (header_field (b2, 96), >, src.ctime_ns + G_GUINT64_CONSTANT (2000000000));
  g_assert_cmpuint (after_len, ==, g_bytes_get_size (good));
  g_assert_cmpmem (after + 104, after_len - 104,
                   (const char *) g_bytes_get_data (good, NULL) + 104, after_len - 104);
  /* the refreshed header is sealed: the snapshot reads, trusted now */
  NkgSnapshotSource named;
  g_autoptr (NkgGraph) refreshed = nkg_snapshot_graph (b2, &named);
  g_assert_nonnull (refreshed);
  g_assert_true (named.sum[0] == src.sum[0] && named.sum[1] == src.sum[1]);
  g_autoptr (NkgSnapshotView) again = nkg_snapshot_view_load (snap, ttl);
  g_assert_nonnull (again);
  g_unlink (snap);
  g_unlink (ttl);
  g_rmdir (dir);
}

/* The payload is checked by blocks as they are read: a damaged block is
 * found by whatever reads it (the whole graph, the entity it holds), while
 * a reader of other blocks gets its answer from checked bytes. */
static void
test_blocks (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (guint i = 0; i < 4000; i++)
    {
      g_autofree char *iri
        = g_strdup_printf ("https://w3id.org/newskg/id/person/someone-%05u", i);
      NkgEntity *e = nkg_graph_intern_entity (g, iri);
      e->name = g_strdup_printf ("Someone Withaverylongname Number%05u", i);
      e->klass = NKG_CLASS_PERSON;
    }
  nkg_graph_index_finished (g);
  g_autoptr (GBytes) good = nkg_snapshot_bytes (g, NULL);
  gsize n;
  const char *data = g_bytes_get_data (good, &n);
  g_assert_cmpuint (header_field (good, 112), >, 2);
  /* a name halfway, in the entity text column */
  const char *last = memmem (data, n, "Number02000", 11);
  g_assert_nonnull (last);
  g_autofree char *bad = g_memdup2 (data, n);
  bad[last - data] = 'Q';
  g_autoptr (GBytes) damaged = g_bytes_new_take (g_steal_pointer (&bad), n);
  g_assert_null (nkg_snapshot_graph (damaged, NULL));
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_new (damaged, NULL);
  g_assert_nonnull (v);
  NkgEntity *e = NULL;
  g_autoptr (NkgGraph) first = nkg_snapshot_view_neighbourhood (v, 0, TRUE, &e);
  g_assert_nonnull (first);
  g_assert_cmpstr (e->name, ==, "Someone Withaverylongname Number00000");
  g_assert_null (nkg_snapshot_view_neighbourhood (v, 2000, TRUE, &e));
  /* and once found bad, the view answers nothing more */
  g_assert_false (nkg_snapshot_view_entity (v, 0, NULL, NULL, NULL, NULL));
  /* undamaged, every block reads */
  g_autoptr (NkgSnapshotView) ok = nkg_snapshot_view_new (good, NULL);
  g_autoptr (NkgGraph) middle = nkg_snapshot_view_neighbourhood (ok, 2000, TRUE, &e);
  g_assert_nonnull (middle);
  g_autoptr (NkgGraph) whole = nkg_snapshot_graph (good, NULL);
  g_assert_nonnull (whole);
  g_assert_cmpuint (whole->entities->len, ==, 4000);
}

static char *
read_back (const char *path)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A whole-graph diagram drawn from the snapshot read in place is the one
 * drawn from the graph, byte for byte, whatever the options (caps that
 * thin relations and leave entities out, classes, support, isolated
 * entities), in DOT and SVG; a damaged snapshot says so. */
static void
test_dot (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = mini_graph ();
  g_autoptr (GBytes) bytes = nkg_snapshot_bytes (g, NULL);
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_new (bytes, NULL);
  g_assert_nonnull (v);
  g_autofree char *dir = g_dir_make_tmp ("nkg-snap-dot-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  const struct {
    guint max_nodes, min_support, types;
    gboolean isolated, legend;
  } cases[] = {
    { NKG_DOT_DEFAULT_MAX_NODES, 1, 0, FALSE, TRUE },
    { 4, 1, 0, FALSE, TRUE },
    { 2, 1, 0, TRUE, FALSE },
    { 0, 1, 0, TRUE, TRUE },
    { NKG_DOT_DEFAULT_MAX_NODES, 2, 0, FALSE, TRUE },
    { NKG_DOT_DEFAULT_MAX_NODES, 1, 1u << NKG_CLASS_PERSON | 1u << NKG_CLASS_COUNTRY, FALSE,
      TRUE },
  };
  guint differing_views = 0;
  g_autofree char *first = NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NkgDotOptions o;
      nkg_dot_options_init (&o);
      o.max_nodes = cases[i].max_nodes;
      o.min_support = cases[i].min_support;
      o.types = cases[i].types;
      o.isolated = cases[i].isolated;
      o.legend = cases[i].legend;
      g_assert_true (nkg_dot_write (g, &o, a, &error));
      g_assert_no_error (error);
      g_assert_true (nkg_dot_write_snapshot (v, &o, b, &error));
      g_assert_no_error (error);
      g_autofree char *ta = read_back (a), *tb = read_back (b);
      g_assert_cmpstr (ta, ==, tb);
      if (!first)
        first = g_strdup (ta);
      else if (strcmp (first, ta) != 0)
        differing_views++;
      if (i < 2)
        {
          g_assert_true (nkg_svg_write (g, &o, a, &error));
          g_assert_true (nkg_svg_write_snapshot (v, &o, b, &error));
          g_assert_no_error (error);
          g_autofree char *sa = read_back (a), *sb = read_back (b);
          g_assert_cmpstr (sa, ==, sb);
        }
    }
  /* the cases do draw different views */
  g_assert_cmpuint (differing_views, ==, G_N_ELEMENTS (cases) - 1);

  /* one byte of a column the selection reads (mentions, far from the
   * blocks a view checks when it is made) flipped: refused as damaged */
  g_autoptr (NkgGraph) many = nkg_graph_new (NULL);
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *iri = g_strdup_printf ("https://w3id.org/newskg/id/person/p-%05u", i);
      NkgEntity *e = nkg_graph_intern_entity (many, iri);
      e->name = g_strdup_printf ("P %05u", i);
      e->klass = NKG_CLASS_PERSON;
      e->mention_count = 0x51525354;
    }
  nkg_graph_index_finished (many);
  g_autoptr (GBytes) good = nkg_snapshot_bytes (many, NULL);
  gsize n;
  const guint8 *data = g_bytes_get_data (good, &n);
  g_autoptr (NkgSnapshotView) gv = nkg_snapshot_view_new (good, NULL);
  g_assert_true (nkg_dot_write_snapshot (gv, NULL, b, &error));
  g_assert_no_error (error);
  const guint8 *mentions = memmem (data, n, "TSRQTSRQ", 8);
  g_assert_nonnull (mentions);
  g_autofree guint8 *bad = g_memdup2 (data, n);
  bad[mentions - data + 4 * 10000] ^= 1;
  g_autoptr (GBytes) damaged = g_bytes_new (bad, n);
  g_autoptr (NkgSnapshotView) dv = nkg_snapshot_view_new (damaged, NULL);
  g_assert_nonnull (dv);
  g_assert_false (nkg_dot_write_snapshot (dv, NULL, b, &error));
  g_assert_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_DAMAGED);
  g_clear_error (&error);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

/* nkg_snapshot_write streams what nkg_snapshot_bytes makes, byte for
 * byte: payloads small enough for 1- or 2-byte framing offsets and one
 * large enough for 4-byte ones, with and without a source. */
static void
assert_streamed_same (NkgGraph *g, const NkgSnapshotSource *src)
{
  g_autoptr (GBytes) want = nkg_snapshot_bytes (g, src);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_assert_true (nkg_snapshot_write (g, src, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_autoptr (GBytes) got = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got),
                   g_bytes_get_data (want, NULL), g_bytes_get_size (want));

  /* and in two steps: the payload after a blank header, then the header
   * written over the blank */
  g_autoptr (GOutputStream) out2 = g_memory_output_stream_new_resizable ();
  g_autoptr (NkgSnapshotDraft) draft = nkg_snapshot_draft_write (g, out2, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_true (g_output_stream_close (out2, NULL, NULL));
  g_autoptr (GBytes) drafted
      = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out2));
  gsize n;
  guint8 *two = g_bytes_unref_to_data (g_steal_pointer (&drafted), &n);
  g_autoptr (GBytes) head = nkg_snapshot_draft_header (draft, src);
  g_assert_cmpuint (g_bytes_get_size (head), <=, n);
  /* the blank is all zeros: no snapshot until the header is written */
  for (gsize i = 0; i < g_bytes_get_size (head); i++)
    g_assert_cmpuint (two[i], ==, 0);
  g_autoptr (GBytes) blank = g_bytes_new (two, n);
  g_assert_null (nkg_snapshot_graph (blank, NULL));
  memcpy (two, g_bytes_get_data (head, NULL), g_bytes_get_size (head));
  g_assert_cmpmem (two, n, g_bytes_get_data (want, NULL), g_bytes_get_size (want));
  g_free (two);
}

static void
test_streamed (void)
{
  const NkgSnapshotSource src = { 1234, 5, 6, 7, 8, { 9, 10 }, 11 };
  g_autoptr (NkgGraph) empty = nkg_graph_new (NULL);
  nkg_graph_finish (empty);
  assert_streamed_same (empty, NULL);
  g_autoptr (NkgGraph) g = mini_graph ();
  assert_streamed_same (g, NULL);
  assert_streamed_same (g, &src);
  g_autoptr (NkgGraph) many = nkg_graph_new (NULL);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *iri = g_strdup_printf ("https://w3id.org/newskg/id/person/p-%05u", i);
      NkgEntity *e = nkg_graph_intern_entity (many, iri);
      e->name = g_strdup_printf ("P %05u", i);
      e->klass = NKG_CLASS_PERSON;
    }
  nkg_graph_index_finished (many);
  g_autoptr (GBytes) big = nkg_snapshot_bytes (many, NULL);
  g_assert_cmpuint (g_bytes_get_size (big), >, 2 * G_MAXUINT16);
  assert_streamed_same (many, &src);
}

/* A snapshot listing one document or entity twice: the reader filled the
 * first again and leaked its texts (ASan's leak check in .ci/run). Now
 * it is damage, and refused. */
static void
test_duplicates (void)
{
  g_autoptr (NkgGraph) g = mini_graph ();
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
  g_test_add_func ("/snapshot/streamed", test_streamed);
  g_test_add_func ("/snapshot/view", test_view);
  g_test_add_func ("/snapshot/old-version", test_old_version);
  g_test_add_func ("/snapshot/stamp-trust", test_stamp_trust);
  g_test_add_func ("/snapshot/blocks", test_blocks);
  g_test_add_func ("/snapshot/dot", test_dot);
  int rc = g_test_run ();
  g_free (mini_path);
  return rc;
}
