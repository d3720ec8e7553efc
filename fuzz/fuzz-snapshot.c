/* fuzz-snapshot.c — the snapshot reader (graph/snapshot.c) on arbitrary
 * payloads, then the inspection commands over what it rebuilds.
 *
 * A snapshot is a cache file anyone can damage; it must be refused or
 * give a graph every command can walk. The input is taken as the payload
 * and sealed with a good checksum, as anyone can: otherwise the fuzzer
 * would only ever meet the checksum. A whole snapshot file as input (the
 * seeds fuzz/run.sh makes with the real binary) is taken as one too.
 * Both go through the whole-graph reader and the reader in place
 * (NkgSnapshotView: lookups and an entity's neighbourhood, as `show`
 * reads it; degrees, aliases, dates and name keys, as list, stats and
 * search read them; the columns and small graph a whole-graph diagram
 * reads).
 */
#include "fuzz-common.h"
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

/* The reader in place on `bytes`: the lookups `show` makes and the
 * neighbourhoods of the first entities, each walked like a graph. */
static void
fuzz_view (GBytes *bytes)
{
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_new (bytes, NULL);
  if (!v)
    return;
  gsize n = nkg_snapshot_view_n_entities (v);
  gboolean walked = FALSE;
  nkg_snapshot_view_base (v);
  for (gsize i = 0; i <= n && i < 8; i++)
    {
      const char *iri, *name;
      if (nkg_snapshot_view_entity (v, i, &iri, &name, NULL, NULL))
        {
          nkg_snapshot_view_entity_by_iri (v, iri);
          const guint32 *ents;
          gsize k;
          if (name)
            nkg_snapshot_view_find_key (v, name, &ents, &k);
        }
      g_autoptr (GPtrArray) aliases = g_ptr_array_new ();
      nkg_snapshot_view_aliases (v, i, aliases);
      NkgEntity *e;
      /* the plain card's neighbourhood (facts' documents only counted:
       * not one the commands can walk with evidence) */
      NkgGraph *plain = nkg_snapshot_view_neighbourhood (v, i, FALSE, &e);
      if (plain)
        nkg_graph_free (plain);
      g_autoptr (NkgGraph) small = nkg_snapshot_view_neighbourhood (v, i, TRUE, &e);
      /* one is walked by every command: the commands are the slow part */
      if (small && !walked)
        fuzz_inspect_all (small, "snapshot-view", NULL);
      walked = walked || small;
    }
  /* what list, stats and search read in place (cli/cmd_inspect.c) */
  g_free (nkg_snapshot_view_degrees (v));
  for (gsize i = 0; i <= nkg_snapshot_view_n_docs (v) && i < 8; i++)
    {
      const char *date;
      nkg_snapshot_view_doc_date (v, i, &date);
    }
  for (gsize i = 0; i <= nkg_snapshot_view_n_keys (v) && i < 8; i++)
    {
      const char *key;
      const guint32 *ents;
      gsize k;
      nkg_snapshot_view_key (v, i, &key, &ents, &k);
    }
  /* what a whole-graph diagram reads in place (export/dot.c) */
  NkgSnapshotColumns cols;
  if (nkg_snapshot_view_columns (v, &cols))
    {
      guint32 core[4], facts[4];
      gsize nc = 0, nf = 0;
      for (gsize i = 0; i < cols.n_entities && nc < 4; i += 1 + cols.n_entities / 4)
        core[nc++] = i;
      for (gsize i = 0; i < cols.n_facts && nf < 4; i += 1 + cols.n_facts / 4)
        {
          const guint32 *ev;
          gsize n_ev;
          if (nkg_snapshot_view_fact_evidence (v, i, &ev, &n_ev))
            for (gsize k = 0; k < n_ev; k++)
              {
                const char *iri, *text;
                guint start, end;
                nkg_snapshot_view_evidence (v, ev[k], &iri, &text, &start, &end);
              }
          facts[nf++] = i;
        }
      g_autoptr (GPtrArray) made = NULL;
      g_autoptr (GHashTable) made_facts = NULL;
      g_autoptr (NkgGraph) small
        = nkg_snapshot_view_subgraph (v, core, nc, facts, nf, &made, &made_facts);
      if (small)
        fuzz_inspect_all (small, "snapshot-subgraph", NULL);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  /* An exact-size copy: the reader must not read past the file's end. */
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (NkgGraph) whole = nkg_snapshot_graph (bytes, NULL);
  if (whole)
    fuzz_inspect_all (whole, "snapshot", NULL);
  fuzz_view (bytes);
  g_autoptr (GBytes) sealed = nkg_snapshot_seal (bytes, NULL);
  fuzz_view (sealed);
  g_autoptr (NkgGraph) graph = nkg_snapshot_graph (sealed, NULL);
  if (!graph)
    return 0;
  fuzz_inspect_all (graph, "snapshot", NULL);
  return 0;
}
