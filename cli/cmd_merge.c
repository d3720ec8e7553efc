/* cmd_merge.c — `newskg merge`: shards → graph → export.
 *
 * The reduce step of `newskg extract`: every document of every shard goes
 * into one graph, through the same graph and exporter code as `build`, so
 * the files are byte for byte those `build` writes from the same articles,
 * whatever the split into shards and their order (the graph depends only
 * on the set of documents). Each shard is checked whole (header, checksum,
 * extractor) before its documents are added, and nothing is written
 * unless every shard could be read.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "graph-output.h"
#include "graph/graph.h"
#include "graph/shard.h"

/* Adds every document of one shard; FALSE after printing why not. */
static gboolean
merge_shard (NkgGraph *graph, const char *path, const char *extractor, guint *docs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgShardReader) r = nkg_shard_reader_open (path, &error);
  if (!r)
    {
      fprintf (stderr, "newskg merge: %s\n", error->message);
      return FALSE;
    }
  if (strcmp (nkg_shard_reader_extractor (r), extractor) != 0)
    {
      /* Results of another extractor would make a graph that no build
       * with this one makes. */
      fprintf (stderr,
               "newskg merge: %s was extracted by another newskg (%s, extractor %.12s; this is "
               "newskg %s, extractor %.12s): extract its articles again with this newskg\n",
               path, nkg_shard_reader_producer (r), nkg_shard_reader_extractor (r), NKG_VERSION,
               extractor);
      return FALSE;
    }
  GBytes *record;
  while (nkg_shard_reader_next_key (r, NULL, &record, &error))
    {
      /* borrowed: the record is held until the document is staged */
      NkgDocFacts *f = nkg_shard_reader_decode_borrowed (r, record, &error);
      if (f)
        nkg_graph_add_doc (graph, f);
      nkg_doc_facts_free (f);
      g_bytes_unref (record);
      if (!f)
        break;
      (*docs)++;
    }
  if (error)
    {
      fprintf (stderr, "newskg merge: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
nkg_cmd_merge (int argc, char **argv)
{
  g_auto (GStrv) shards = NULL;
  g_auto (NkgGraphOutput) out = { 0 };
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &shards, NULL, NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("SHARD... — merge shards into a knowledge graph");
  g_option_context_add_main_entries (ctx, nkg_graph_output_entries (&out, "print no summary"), NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (
      ctx, "Merges the shards that 'newskg extract' wrote into one knowledge graph, and\n"
           "writes it as 'newskg build' does: the files are byte for byte those build\n"
           "writes from the same articles, however they were split into shards and in\n"
           "whatever order the shards are given. Documents found in several shards\n"
           "count once. Shards of another format version or another extractor, and\n"
           "damaged ones, are refused, and then nothing is written.");
  g_option_context_set_description (
      ctx, "example:\n"
           "  newskg extract articles/ --shard 1/2 -o part1.nkgx\n"
           "  newskg extract articles/ --shard 2/2 -o part2.nkgx\n"
           "  newskg merge part1.nkgx part2.nkgx -o corpus.ttl --svg graph.svg\n\n"
           "exit status: 0 written, 1 the shards hold no article (nothing written),\n"
           "2 usage error or a shard that cannot be used (nothing written).\n");
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "newskg merge: %s (try 'newskg merge --help')\n", error->message);
      return 2;
    }
  if (!shards || !shards[0])
    {
      fprintf (stderr, "newskg merge: no shard given (try 'newskg merge --help')\n");
      return 2;
    }
  if (!nkg_graph_output_check ("merge", &out))
    return 2;
  const char *extractor = nkg_extractor_id (&error);
  if (!extractor)
    {
      fprintf (stderr, "newskg merge: %s\n", error->message);
      return 2;
    }

  g_autoptr (NkgGraph) graph = nkg_graph_new (out.base);
  /* finished and written on every core, as build does by default */
  nkg_graph_set_threads (graph, g_get_num_processors ());
  guint docs = 0, n = 0;
  for (char **s = shards; *s; s++, n++)
    if (!merge_shard (graph, *s, extractor, &docs))
      return 2;
  guint kept = nkg_graph_n_staged (graph);
  if (kept == 0)
    {
      fprintf (stderr, "newskg merge: the shards hold no article; nothing written\n");
      return 1;
    }
  nkg_graph_finish (graph);

  const NkgSummaryCount counts[] = {
    { "shards", n }, { "articles", kept }, { "duplicates", docs - kept },
  };
  g_autofree char *head = g_strdup_printf ("%u shard%s, %u article%s", n, n == 1 ? "" : "s", kept,
                                            kept == 1 ? "" : "s");
  g_autofree char *tail = docs > kept ? g_strdup_printf (" (%u duplicate%s skipped)", docs - kept,
                                                         docs - kept == 1 ? "" : "s")
                                      : NULL;
  return nkg_graph_output_write ("merge", &out, graph, counts, G_N_ELEMENTS (counts), head, tail);
}
