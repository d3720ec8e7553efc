/* cmd_extract.c — `newskg extract`: inputs → extract → shard.
 *
 * The map step of a distributed build: reads its inputs exactly as
 * `build` does (build-input.c: the same input layer, the same language
 * and duplicate rules, the same order) and writes each document's
 * extraction to a shard (graph/shard.h) instead of merging it. `merge`
 * turns any set of shards into the graph `build` makes.
 *
 * --shard K/N splits the work the same way on every machine: every
 * process reads all the inputs (reading is cheap beside extraction) and
 * extracts only the articles whose source falls in bucket K (FNV-1a of
 * the source, modulo N). Splitting after the input layer's rules means
 * the N shards together hold exactly the documents one build keeps,
 * duplicates included. The shard's bytes depend only on the inputs and
 * the extractor, never on the machine or the thread timing.
 */
#include <stdio.h>
#include <string.h>

#include "build-input.h"
#include "commands.h"
#include "common.h"
#include "export/atomic.h"
#include "graph/shard.h"

typedef struct {
  guint k, n; /* this process's bucket, 0-based, of n; n == 0: every article */
  NkgShardWriter *writer;
} Extract;

/* FNV-1a, 64 bits: small, and the same on every machine and every
 * version (doc/shard-format.md states it), unlike g_str_hash. */
static guint64
fnv1a (const char *s)
{
  guint64 h = 14695981039346656037ull;
  for (; *s; s++)
    {
      h ^= (guchar) *s;
      h *= 1099511628211ull;
    }
  return h;
}

static NkgBuildChoice
choose (const NkgArticle *article, char **key, GBytes **record, gpointer data)
{
  (void) record;
  Extract *x = data;
  if (x->n && fnv1a (article->source) % x->n != x->k)
    return NKG_BUILD_LEAVE;
  /* kept in the record, so that a build state can take it in */
  *key = nkg_shard_input_key (article);
  return NKG_BUILD_EXTRACT;
}

static void
doc (NkgDocFacts *facts, const char *key, GBytes *record, gpointer data)
{
  (void) record;
  Extract *x = data;
  nkg_shard_writer_add (x->writer, facts, key);
  nkg_doc_facts_free (facts);
}

static gboolean
parse_shard (const char *text, guint *k, guint *n)
{
  guint64 a, b;
  char *end;
  a = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '/')
    return FALSE;
  const char *rest = end + 1;
  b = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end || b == 0 || b > G_MAXUINT || a < 1 || a > b)
    return FALSE;
  *k = (guint) a - 1;
  *n = (guint) b;
  return TRUE;
}

int
nkg_cmd_extract (int argc, char **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_auto (NkgBuildInputOptions) in_opt = { 0 };
  g_autofree char *output = NULL, *shard = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "shard file to write (- for standard output)",
      "FILE" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard,
      "extract only the K-th of N parts of the articles (by source; 1 ≤ K ≤ N)", "K/N" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in_opt.jobs, "threads: N extract articles, at most N detect their language (default: one per core)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &in_opt.quiet, "print no summary and no progress", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... -o SHARD — extract articles into a shard");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, nkg_build_input_entries (&in_opt), NULL);
  g_option_context_set_summary (
      ctx, "Reads news articles as 'newskg build' does and writes what extraction found\n"
           "in each to a shard file, for 'newskg merge' to make the graph of. The graph\n"
           "merge makes from shards is byte for byte the one build makes from the same\n"
           "articles, however they were split. The shard format is versioned and\n"
           "checksummed (doc/shard-format.md); the same inputs give the same bytes on\n"
           "any machine.");
  g_option_context_set_description (
      ctx, "example:\n"
           "  newskg extract articles/ --shard 1/2 -o part1.nkgx   # on one machine\n"
           "  newskg extract articles/ --shard 2/2 -o part2.nkgx   # on another\n"
           "  newskg merge part1.nkgx part2.nkgx -o corpus.ttl\n\n"
           "exit status: 0 written (inputs that could not be read are named and counted),\n"
           "1 no article read (nothing written), 2 usage or input error, or with --strict\n"
           "any input skipped (nothing written).\n");
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "newskg extract: %s (try 'newskg extract --help')\n", error->message);
      return 2;
    }
  if (!inputs || !inputs[0])
    {
      fprintf (stderr, "newskg extract: no input given (try 'newskg extract --help')\n");
      return 2;
    }
  if (!output)
    {
      fprintf (stderr, "newskg extract: no shard file given: -o FILE (try 'newskg extract --help')\n");
      return 2;
    }
  Extract x = { 0, 0, NULL };
  if (shard && !parse_shard (shard, &x.k, &x.n))
    {
      fprintf (stderr, "newskg extract: --shard wants K/N with 1 ≤ K ≤ N, not '%s'\n", shard);
      return 2;
    }
  if (!nkg_extractor_id (&error))
    {
      fprintf (stderr, "newskg extract: %s\n", error->message);
      return 2;
    }

  g_autoptr (NkgInput) in = nkg_build_input_open ("extract", inputs, &in_opt, &error);
  if (!in)
    {
      fprintf (stderr, "newskg extract: %s\n", error->message);
      return 2;
    }
  g_autoptr (NkgLexicon) lexicon = nkg_lexicon_new (&error);
  if (!lexicon)
    {
      fprintf (stderr, "newskg extract: %s\n", error->message);
      return 2;
    }

  nkg_cli_clean_up_on_signals ();
  g_autoptr (NkgShardWriter) writer = nkg_shard_writer_new ();
  x.writer = writer;
  const NkgBuildHooks hooks = { .choose = choose, .doc = doc };
  NkgBuildInputSummary input;
  nkg_build_input_run_hooks ("extract", in, &in_opt, lexicon, &hooks, &x, &input);
  guint skipped = nkg_build_input_n_skipped (&input), not_read = nkg_build_input_n_not_read (&input);
  if (in_opt.strict && skipped)
    {
      fprintf (stderr, "newskg extract: --strict: %u input%s skipped (see above); nothing written\n",
               skipped, skipped == 1 ? "" : "s");
      return 2;
    }
  /* As build: no article at all, nothing written. */
  if (input.documents + input.left == 0)
    {
      fprintf (stderr, "newskg extract: no article could be read; nothing written\n");
      return 1;
    }

  /* An empty shard is still written when the inputs held articles: with
   * --shard, a part may hold none, and merge wants every part. */
  g_autoptr (GBytes) bytes = nkg_shard_writer_finish (writer, &error);
  gsize len = 0;
  const void *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
  if (!bytes || !nkg_write_atomic_bytes (output, data, len, &error))
    {
      fprintf (stderr, "newskg extract: %s\n", error->message);
      return 2;
    }
  if (!in_opt.quiet)
    {
      g_autofree char *skips = nkg_build_input_summary_text (&input);
      g_autofree char *size = g_format_size (len);
      g_autofree char *part = x.n ? g_strdup_printf (", part %u of %u", x.k + 1, x.n) : NULL;
      g_autofree char *lost = not_read ? g_strdup_printf ("; %u input%s not read, see above", not_read,
                                                          not_read == 1 ? "" : "s")
                                       : NULL;
      fprintf (stderr, "newskg: %u article%s%s%s → %s (shard, %s)%s\n", input.documents,
               input.documents == 1 ? "" : "s",
               part ? part : "", skips, output, size, lost ? lost : "");
    }
  return 0;
}
