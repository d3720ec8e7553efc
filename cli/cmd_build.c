/* cmd_build.c — `newskg build`: inputs → extract → graph → export.
 *
 * The input layer (input/, driven by build-input.c) reads files, folders,
 * archives and standard input in sorted order; articles are extracted in
 * parallel (extraction is pure per document) and merged in that order,
 * so the output does not depend on thread timing. The files are written
 * by graph-output.c, which `merge` shares, so the two write the same bytes.
 *
 * With --state DIR, every document's extraction is kept in DIR as a shard
 * (graph/shard.h, one record per document keyed by its input key: the
 * article's text and what the input layer said about it). The next run
 * decodes the records of articles it finds unchanged instead of
 * extracting them, extracts the others, and leaves out the records of
 * articles no longer given. The graph depends only on the set of
 * documents (PLAN D6), so the files are those of a full build, byte for
 * byte. A state written by another newskg (another extractor id, another
 * shard format) or damaged is not trusted: everything is extracted again
 * and the state rewritten.
 *
 * The state is a set of records, not a sequence: a run that only adds
 * articles writes their records to a further shard beside the first
 * (STATE_PARTS) instead of compressing every record again, which cost a
 * seventh of a run that adds 1% of articles; a run that drops a record,
 * or finds too many parts, writes them all into one again.
 *
 * Beside them, OUTPUTS_FILE says what the last run wrote: a run that finds
 * the same documents, with the same binary and output options, and the
 * files as that run left them, writes nothing and merges nothing (it would
 * write the same bytes); it still reads the state, as every run does.
 * Asked for the files at other paths, it copies the last run's files
 * there instead of merging (a quarter of the CPU at 20 MB: 1.3 s, not 5).
 */
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "build-input.h"
#include "commands.h"
#include "common.h"
#include "export/atomic.h"
#include "extract/tagger.h"
#include "graph-output.h"
#include "graph/graph.h"
#include "graph/shard.h"
#include "input/digest.h"
#include "input/walk.h"

/* The state is one shard; its name says what it is to someone who looks. */
#define STATE_FILE "documents.nkgx"

/* Records added by later runs are in documents-2.nkgx, documents-3.nkgx …
 * (read until one is missing), at most this many files in all; then
 * everything is written into STATE_FILE again and the others removed,
 * the highest first, so that a run stopped half way leaves no gap. A
 * record is found by its key in any of them. */
#define STATE_PARTS 8

/* What the last run wrote (see the head of this file): a GVariant of
 * OUTPUTS_TYPE in normal form, headed OUTPUTS_MAGIC: the key of what the
 * files depend on (outputs_key), each file's path and stamp once written,
 * and the graph's counts for the summary. */
#define OUTPUTS_FILE "outputs.nkgo"
#define OUTPUTS_MAGIC "newskg outputs 1"
#define OUTPUTS_TYPE "(ssa(s(tttttt))(uuuuuu))"

/* The linking's postings (nkg_graph_postings), kept only when
 * NEWSKG_STATE_POSTINGS is set: the first brick of doc/incremental.md's
 * route, not read by the merge yet. Four lines (POSTINGS_MAGIC, the
 * extractor id, the files key, the SHA-256 of the postings in hex), then
 * the postings' bytes: trusted only when the first three are this run's
 * and the sum holds. */
#define POSTINGS_FILE "postings.nkgp"
#define POSTINGS_MAGIC "newskg postings 2"
/* Beside them, the key-components of their local entities
 * (nkg_postings_components): five lines (COMPONENTS_MAGIC, the extractor
 * id, the files key, the SHA-256 of the postings they were made for, and
 * their own), then their bytes. */
#define COMPONENTS_FILE "components.nkgc"
#define COMPONENTS_MAGIC "newskg components 1"

static char *
state_part_path (const char *dir, guint k)
{
  if (k <= 1)
    return g_build_filename (dir, STATE_FILE, NULL);
  g_autofree char *name = g_strdup_printf ("documents-%u.nkgx", k);
  return g_build_filename (dir, name, NULL);
}

/* Beside it, what each input file held when it was last read, by the
 * file's stamp (device, inode, size, modification and change times), so
 * that an unchanged file is not read again (as git's index does): a
 * GVariant of FILES_TYPE in normal form, headed FILES_MAGIC. Version 4
 * adds the stamps of the state's parts whose checksum a run read (or found
 * so), taken before it read them and old enough that a change would show
 * in them (RACY_NS): a part whose stamp is one of those is not summed
 * again (summing the 32 MB of a 15,000-article state was 0.045 s of a
 * 3.3 s run that adds 1%); --state-verify sums every part. */
#define FILES_FILE "files.nkgf"
#define FILES_MAGIC "newskg files 4"
#define FILES_TYPE "(ssssayatat)"
/* Per part in FILES_TYPE's last column: its number k, then its stamp. */
#define PART_NUMS 6

/* A file changed within this long before a run looked at it may change
 * again within the same timestamp tick (a second on some file systems,
 * two on FAT) without its stamp changing: its stamp is not kept, and it
 * is read again next time ("racy" in git's words). */
#define RACY_NS (G_GINT64_CONSTANT (2000000000))

typedef struct {
  guint64 dev, ino, size, mtime_ns, ctime_ns;
  guint64 named; /* named on the command line: read with a laxer sniffing
                  * rule than a file found in a folder (input.c) */
} Stamp;

/* One input file as the files table keeps it. */
typedef struct {
  char *path, *source;
  Stamp stamp;
  GPtrArray *held; /* NkgBuildKnown*, record NULL */
} FileEntry;

/* One file of the previous run's table, read where the table is mapped:
 * making a FileEntry and three strings per article of every file was
 * 0.035 s of a 15,000-file state's reading. */
typedef struct {
  const char *path, *source;
  const char *held;     /* its articles' key, content key and source, in turn */
  const guint64 *nums;  /* FILE_NUMS: the stamp, then how many articles */
} OldFile;

static Stamp
old_file_stamp (const OldFile *o)
{
  const guint64 *n = o->nums;
  return (Stamp) { n[0], n[1], n[2], n[3], n[4], n[5] };
}

/* The next of the NUL-terminated texts the table was checked to have. */
static const char *
old_text (const char **at)
{
  const char *s = *at;
  *at = s + strlen (s) + 1;
  return s;
}

static void
file_entry_free (FileEntry *e)
{
  g_free (e->path);
  g_free (e->source);
  g_ptr_array_unref (e->held);
  g_free (e);
}

typedef struct {
  NkgGraph *graph;
  guint duplicates;         /* documents the graph already had (same content key) */
  /* --state only */
  char *state_dir;
  GPtrArray *old;           /* NkgShardReader*: the previous run's parts, or NULL */
  guint old_parts;          /* how many; 0 when there was no state to trust */
  GHashTable *old_records;  /* input key → GBytes record (of one of `old`) */
  GHashTable *record_part;  /* GBytes record → the NkgShardReader it is from */
  guint old_keys;           /* distinct keys in the previous run's parts */
  gboolean old_untidy;      /* and some record had no key, or a key twice */
  NkgShardWriter *state;    /* this run's documents, in input order */
  NkgShardWriter *fresh;    /* those of them extracted this run (with old_parts) */
  GHashTable *reused;       /* the keys of the previous run's records used */
  GPtrArray *fresh_keys;    /* the keys of the documents extracted */
  guint n_added;            /* documents added to `state` */
  gboolean reused_twice;    /* a record was used for two documents */
  /* The files table (FILES_FILE) */
  char *files_key;          /* what reading depends on (options, extractor) */
  GHashTable *old_files;    /* path → OldFile of the previous run */
  OldFile *old_file_list;   /* the OldFiles, where they point into */
  GVariant *old_files_texts, *old_files_nums; /* the mapped table's columns they are in */
  GHashTable *stamps;       /* path → Stamp taken this run, before reading */
  GPtrArray *new_files;     /* FileEntry*, for the next run */
  gint64 racy_after_ns;     /* stamps from then on are not kept */
  const char *code_key;     /* the code of this run as it started (code_key) */
  gboolean verbose;
  /* The state's parts by number k (1 … STATE_PARTS; a part beyond is
   * always summed): the stamps the files table has of those last summed
   * (`part_known`), and this run's of those summed or trusted, when old
   * enough to keep (`part_good`). */
  gboolean verify;          /* --state-verify: sum every part */
  gboolean part_have[STATE_PARTS + 1], part_good[STATE_PARTS + 1];
  NkgShardStamp part_known[STATE_PARTS + 1], part_seen[STATE_PARTS + 1];
  guint parts_summed, parts_trusted;
  /* Reused records not yet decoded (NkgBuildKnown*), while `hold`: the
   * last run's outputs may be this run's (outputs.nkgo), and then no
   * document is needed. Staged by state_stage_held when they are. */
  gboolean hold;
  GPtrArray *held;
  gboolean held_failed;     /* one of them could not be decoded */
} Build;

static void
add_to_graph (Build *b, NkgDocFacts *facts)
{
  if (!nkg_graph_add_doc (b->graph, facts))
    {
      fprintf (stderr, "newskg build: %s: the same text as an article read before (skipped)\n",
               facts->source);
      b->duplicates++;
    }
  nkg_doc_facts_free (facts);
}

/* Documents go straight into the graph as they arrive, in input order;
 * the graph copies what it keeps. (build-input.c has printed the
 * document's extraction warnings.) */
static void
add_doc (NkgDocFacts *facts, const char *key, GBytes *record, gpointer data)
{
  (void) key;
  (void) record;
  add_to_graph (data, facts);
}

/* NEWSKG_TIMES: each step of the finish, by the process's CPU since the
 * last step (its helper threads' included), and a pass on a thread of its
 * own by that thread's CPU. */
static void
finish_step_time (const char *step, gint64 thread_cpu_us, gpointer data)
{
  gint64 *last = data;
  if (thread_cpu_us >= 0)
    {
      fprintf (stderr, "newskg: time finish:   %-32s its thread %.3f s CPU\n", step,
               thread_cpu_us / 1e6);
      return;
    }
  struct rusage ru;
  if (getrusage (RUSAGE_SELF, &ru) != 0)
    return;
  gint64 now = (gint64) (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * G_USEC_PER_SEC
               + ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
  if (*last)
    fprintf (stderr, "newskg: time finish: %-34s cpu %.3f s\n", step, (now - *last) / 1e6);
  *last = now;
}

/* ---- --state ---- */

static NkgBuildChoice
state_choose (const NkgArticle *article, char **key, GBytes **record, gpointer data)
{
  Build *b = data;
  *key = nkg_shard_input_key (article);
  GBytes *r = b->old_records ? g_hash_table_lookup (b->old_records, *key) : NULL;
  if (!r)
    {
      /* A new document: the outputs will almost surely be written, and
       * the records from here on are decoded on the workers as they come,
       * while this article is extracted. */
      b->hold = FALSE;
      return NKG_BUILD_EXTRACT;
    }
  *record = g_bytes_ref (r);
  return NKG_BUILD_REUSE;
}

static NkgDocFacts *
state_decode (GBytes *record, gpointer data, GError **error)
{
  Build *b = data;
  /* The record outlives the document: the job that holds it is freed
   * after state_doc, which stages the document and frees it. */
  return nkg_shard_reader_decode_borrowed (g_hash_table_lookup (b->record_part, record), record,
                                           error);
}

static void
state_doc (NkgDocFacts *facts, const char *key, GBytes *record, gpointer data)
{
  Build *b = data;
  /* A reused record is copied as it is: the same bytes as when it was
   * extracted, without encoding it again. */
  if (record)
    {
      nkg_shard_writer_add_record (b->state, record);
      if (!g_hash_table_add (b->reused, g_strdup (key)))
        b->reused_twice = TRUE;
    }
  else
    {
      nkg_shard_writer_add (b->state, facts, key);
      g_ptr_array_add (b->fresh_keys, g_strdup (key));
      if (b->old_parts)
        nkg_shard_writer_add (b->fresh, facts, key);
    }
  b->n_added++;
  add_to_graph (b, facts);
}

static gboolean
state_hold (gpointer data)
{
  Build *b = data;
  return b->hold;
}

/* A record held rather than decoded: in the state as state_doc puts it,
 * in the graph only if state_stage_held finds the outputs stale. */
static void
state_held (const char *key, const char *source, GBytes *record, gpointer data)
{
  Build *b = data;
  nkg_shard_writer_add_record (b->state, record);
  if (!g_hash_table_add (b->reused, g_strdup (key)))
    b->reused_twice = TRUE;
  b->n_added++;
  g_ptr_array_add (b->held, nkg_build_known_new (key, NULL, source, record));
}

static void
state_staged (NkgDocFacts *facts, const char *key, GBytes *record, gpointer data)
{
  (void) key;
  (void) record;
  add_to_graph (data, facts);
}

/* Decodes and stages the held records (on the workers, as during the
 * input); a record that cannot be decoded is a skipped article, as it
 * would have been then, and the state is not trusted again
 * (state_forget). */
static void
state_stage_held (Build *b, const NkgBuildInputOptions *opt, NkgBuildInputSummary *input)
{
  if (!b->held || !b->held->len)
    return;
  const NkgBuildHooks hooks = { .decode = state_decode, .doc = state_staged };
  NkgBuildInputSummary s;
  nkg_build_input_decode (opt, &hooks, b, b->held, &s);
  input->failed += s.failed;
  input->documents -= s.failed;
  input->reused -= s.failed;
  b->held_failed = s.failed > 0;
  g_ptr_array_set_size (b->held, 0);
}

static gboolean
stamp_take (const NkgInputFile *f, Stamp *st)
{
  GStatBuf sb;
  if (g_stat (f->path, &sb) != 0 || !S_ISREG (sb.st_mode))
    return FALSE;
  *st = (Stamp) { (guint64) sb.st_dev, (guint64) sb.st_ino, (guint64) sb.st_size,
                  (guint64) sb.st_mtim.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) sb.st_mtim.tv_nsec,
                  (guint64) sb.st_ctim.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) sb.st_ctim.tv_nsec,
                  (guint64) !!f->named };
  return TRUE;
}

/* Old enough that a change would show in it (see RACY_NS). */
static gboolean
stamp_settled (const Build *b, const Stamp *st)
{
  return (gint64) st->mtime_ns < b->racy_after_ns && (gint64) st->ctime_ns < b->racy_after_ns;
}

static void
files_keep (Build *b, const char *path, const char *source, const Stamp *st, GPtrArray *held)
{
  FileEntry *e = g_new0 (FileEntry, 1);
  e->path = g_strdup (path);
  e->source = g_strdup (source);
  e->stamp = *st;
  e->held = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_build_known_free);
  for (guint i = 0; i < held->len; i++)
    {
      const NkgBuildKnown *k = g_ptr_array_index (held, i);
      g_ptr_array_add (e->held, nkg_build_known_new (k->key, k->content_key, k->source, NULL));
    }
  g_ptr_array_add (b->new_files, e);
}

/* A file whose stamp is the one the files table has is not read: its
 * documents are the records of the articles it held. */
static gboolean
state_file (const NkgInputFile *f, gboolean settled, GPtrArray **known, gpointer data)
{
  Build *b = data;
  const OldFile *old = b->old_files ? g_hash_table_lookup (b->old_files, f->path) : NULL;
  if (!settled)
    {
      /* --verbose names every article read, so it reads every file. */
      Stamp st;
      if (b->verbose || !stamp_take (f, &st))
        return FALSE;
      g_hash_table_replace (b->stamps, g_strdup (f->path), g_memdup2 (&st, sizeof st));
      if (!old || !b->old_records || strcmp (old->source, f->source) != 0)
        return FALSE;
      Stamp was = old_file_stamp (old);
      return memcmp (&was, &st, sizeof st) == 0;
    }
  g_autoptr (GPtrArray) held
      = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_build_known_free);
  const char *at = old->held;
  for (guint64 i = 0; i < old->nums[6] /* how many articles */; i++)
    {
      const char *key = old_text (&at), *content_key = old_text (&at), *source = old_text (&at);
      GBytes *r = b->old_records ? g_hash_table_lookup (b->old_records, key) : NULL;
      if (!r)
        return FALSE;
      g_ptr_array_add (held, nkg_build_known_new (key, content_key, source, r));
    }
  Stamp was = old_file_stamp (old);
  files_keep (b, f->path, f->source, &was, held);
  *known = g_steal_pointer (&held);
  return TRUE;
}

/* A file read whose every article became a document, nothing said. */
static void
state_file_read (const char *path, const char *source, GPtrArray *held, gpointer data)
{
  Build *b = data;
  const Stamp *st = g_hash_table_lookup (b->stamps, path);
  if (st && stamp_settled (b, st))
    files_keep (b, path, source, st, held);
}

static int
file_entry_cmp (gconstpointer a, gconstpointer b)
{
  const FileEntry *x = *(FileEntry *const *) a, *y = *(FileEntry *const *) b;
  int c = strcmp (x->path, y->path);
  return c ? c : strcmp (x->source, y->source);
}

/* Per file in FILES_TYPE's numbers: its stamp, then how many articles
 * it held. */
#define FILE_NUMS 7

/* `parts`: the state's parts 1 … parts are the ones this run read, as
 * they were (the others were written or removed by it). */
static GVariant *
files_to_variant (Build *b, guint parts)
{
  g_ptr_array_sort (b->new_files, file_entry_cmp);
  /* Two columns, made with appends and copied into the GVariant once: a
   * GVariant per field, as the table of version 2 was made, and read,
   * cost about 5% of a run that adds 1% of articles to 20 MB. */
  g_autoptr (GString) texts = g_string_new (NULL);
  g_autoptr (GArray) nums = g_array_sized_new (FALSE, FALSE, sizeof (guint64),
                                               b->new_files->len * FILE_NUMS);
  for (guint i = 0; i < b->new_files->len; i++)
    {
      const FileEntry *e = g_ptr_array_index (b->new_files, i);
      g_string_append_len (texts, e->path, (gssize) strlen (e->path) + 1);
      g_string_append_len (texts, e->source, (gssize) strlen (e->source) + 1);
      for (guint j = 0; j < e->held->len; j++)
        {
          const NkgBuildKnown *k = g_ptr_array_index (e->held, j);
          g_string_append_len (texts, k->key, (gssize) strlen (k->key) + 1);
          g_string_append_len (texts, k->content_key, (gssize) strlen (k->content_key) + 1);
          g_string_append_len (texts, k->source, (gssize) strlen (k->source) + 1);
        }
      const guint64 n[FILE_NUMS] = { e->stamp.dev, e->stamp.ino, e->stamp.size,
                                     e->stamp.mtime_ns, e->stamp.ctime_ns, e->stamp.named,
                                     e->held->len };
      g_array_append_vals (nums, n, FILE_NUMS);
    }
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint k = 1; k <= MIN (parts, STATE_PARTS); k++)
    if (b->part_good[k])
      {
        const NkgShardStamp *st = &b->part_seen[k];
        const guint64 n[PART_NUMS] = { k, st->dev, st->ino, st->size, st->mtime_ns, st->ctime_ns };
        g_array_append_vals (kept, n, PART_NUMS);
      }
  const char *extractor = nkg_extractor_id (NULL);
  GVariant *t = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, texts->str, texts->len, 1);
  GVariant *n = g_variant_new_fixed_array (G_VARIANT_TYPE_UINT64, nums->data, nums->len,
                                           sizeof (guint64));
  GVariant *p = g_variant_new_fixed_array (G_VARIANT_TYPE_UINT64, kept->data, kept->len,
                                           sizeof (guint64));
  return g_variant_ref_sink (g_variant_new ("(ssss@ay@at@at)", FILES_MAGIC,
                                            extractor ? extractor : "", b->files_key, "", t, n,
                                            p));
}

/* The next NUL-terminated string of the texts column, or NULL when it
 * runs out (a damaged table). */
static const char *
next_text (const char **at, const char *end)
{
  const char *s = *at;
  const char *nul = s < end ? memchr (s, '\0', (gsize) (end - s)) : NULL;
  if (!nul)
    return NULL;
  *at = nul + 1;
  return s;
}

/* The previous run's files table, when it was written for the same
 * reading (options, extractor); else none, and every file is read. A
 * damaged table counts as none. */
static void
files_open (Build *b, const char *path)
{
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, NULL);
  if (!mf)
    return;
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mf);
  g_autoptr (GVariant) v
      = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (FILES_TYPE), bytes, FALSE));
  const char *magic, *extractor, *key, *spare;
  g_autoptr (GVariant) tv = NULL, nv = NULL, pv = NULL;
  g_variant_get (v, "(&s&s&s&s@ay@at@at)", &magic, &extractor, &key, &spare, &tv, &nv, &pv);
  const char *mine = nkg_extractor_id (NULL);
  if (strcmp (magic, FILES_MAGIC) != 0 || !mine || strcmp (extractor, mine) != 0
      || strcmp (key, b->files_key) != 0)
    return;
  gsize n_texts, n_nums;
  const char *texts = g_variant_get_fixed_array (tv, &n_texts, 1);
  const guint64 *nums = g_variant_get_fixed_array (nv, &n_nums, sizeof (guint64));
  if (n_nums % FILE_NUMS != 0)
    return;
  gsize n_files = n_nums / FILE_NUMS;
  g_autofree OldFile *list = g_new (OldFile, MAX (n_files, 1));
  const char *at = texts, *end = texts + n_texts;
  for (gsize i = 0; i < n_files; i++)
    {
      const guint64 *n = nums + i * FILE_NUMS;
      const char *fpath = next_text (&at, end), *source = next_text (&at, end);
      /* every article takes three strings, of at least one byte each */
      if (!source || n[6] > (guint64) (end - at) / 3)
        return;
      list[i] = (OldFile) { fpath, source, at, n };
      for (guint64 j = 0; j < 3 * n[6]; j++)
        if (!next_text (&at, end))
          return;
    }
  if (at != end)
    return;
  gsize n_parts;
  const guint64 *parts = g_variant_get_fixed_array (pv, &n_parts, sizeof (guint64));
  if (n_parts % PART_NUMS != 0)
    return;
  gboolean have[STATE_PARTS + 1] = { FALSE };
  NkgShardStamp known[STATE_PARTS + 1];
  for (gsize i = 0; i < n_parts; i += PART_NUMS)
    {
      const guint64 *n = parts + i;
      if (n[0] < 1 || n[0] > STATE_PARTS)
        return;
      have[n[0]] = TRUE;
      known[n[0]] = (NkgShardStamp) { n[1], n[2], n[3], n[4], n[5] };
    }
  memcpy (b->part_have, have, sizeof have);
  memcpy (b->part_known, known, sizeof known);
  GHashTable *files = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n_files; i++)
    g_hash_table_replace (files, (gpointer) list[i].path, &list[i]);
  b->old_files = files;
  b->old_file_list = g_steal_pointer (&list);
  b->old_files_texts = g_steal_pointer (&tv);
  b->old_files_nums = g_steal_pointer (&nv);
}

/* What reading depends on besides the files: the options that change
 * what an input gives (and --strict, which counts what is skipped). */
static char *
files_key (const NkgBuildInputOptions *o)
{
  g_autoptr (GString) s = g_string_new (NULL);
  const char *const v[] = { o->json_text, o->json_title, o->json_date, o->json_url,
                            o->lang ? o->lang : "en", o->input_format };
  for (gsize i = 0; i < G_N_ELEMENTS (v); i++)
    g_string_append_printf (s, "%s%c", v[i] ? v[i] : "", 0);
  g_string_append_printf (s, "strict=%d", o->strict ? 1 : 0);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) s->str, s->len);
}

/* ---- the linking's postings (NEWSKG_STATE_POSTINGS) ---- */

/* The body of a state file headed by lines (magic, the extractor id, the
 * files key, `with` when not NULL, the SHA-256 of the body in hex), if
 * this run may trust it: the bytes after the header, borrowed from the
 * mapped file; `sum` (may be NULL) gets the body's SHA-256. */
static GBytes *
headed_open (const char *path, const char *magic, const char *files_key, const char *with,
             char **sum)
{
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, NULL);
  if (!mf)
    return NULL;
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mf);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *line[5];
  guint n = with ? 5 : 4;
  gsize at = 0;
  for (guint i = 0; i < n; i++)
    {
      const char *nl = data && at < len ? memchr (data + at, '\n', MIN (len - at, 4096)) : NULL;
      if (!nl)
        return NULL;
      line[i] = data + at;
      at = (gsize) (nl - data) + 1;
    }
  const char *mine = nkg_extractor_id (NULL);
#define LINE_IS(i, s) ((s) && strlen (s) == (gsize) ((i) + 1 < n ? line[(i) + 1] - line[i] - 1 \
                                                                : data + at - line[i] - 1) \
                       && memcmp (line[i], (s), strlen (s)) == 0)
  if (!LINE_IS (0, magic) || !LINE_IS (1, mine) || !LINE_IS (2, files_key)
      || (with && !LINE_IS (3, with)))
    return NULL;
  g_autofree char *have = nkg_sha256_hex (data + at, len - at);
  if (!LINE_IS (n - 1, have))
    return NULL;
#undef LINE_IS
  if (sum)
    *sum = g_steal_pointer (&have);
  return g_bytes_new_from_bytes (bytes, at, len - at);
}

/* The last run's postings, if this run may trust them; `sum` gets their
 * SHA-256. */
static GBytes *
postings_open (const char *path, const char *files_key, char **sum)
{
  g_autofree char *have = NULL;
  g_autoptr (GBytes) body = headed_open (path, POSTINGS_MAGIC, files_key, NULL, &have);
  if (!body || !nkg_postings_valid (body))
    return NULL;
  *sum = g_steal_pointer (&have);
  return g_steal_pointer (&body);
}

typedef struct {
  const char *head;
  GBytes *body;
} PostingsFile;

static gboolean
postings_to_stream (GOutputStream *out, gpointer data, GError **error)
{
  PostingsFile *f = data;
  gsize len;
  const void *bytes = g_bytes_get_data (f->body, &len);
  return g_output_stream_write_all (out, f->head, strlen (f->head), NULL, NULL, error)
         && g_output_stream_write_all (out, bytes, len, NULL, NULL, error);
}

/* The key-components of the postings' local entities (stop incr27 of
 * doc/incremental.md), kept beside them: from the last run's and the
 * rows of documents added and removed when the last run's file was made
 * for `old` (`old_sum`, the SHA-256 of the postings it was made with, is
 * its fourth line), else from every row; with `check`, also from every
 * row and compared, and every local entity's component (the surname rule
 * over them) compared with today's linking. FALSE (said on stderr) when
 * they differ or cannot be written. */
static gboolean
components_update (NkgGraph *graph, const char *dir, const char *files_key, GBytes *old,
                   const char *old_sum, GBytes *now, const char *now_sum, gboolean check)
{
  g_autofree char *path = g_build_filename (dir, COMPONENTS_FILE, NULL);
  g_autoptr (GBytes) kept
      = old && old_sum ? headed_open (path, COMPONENTS_MAGIC, files_key, old_sum, NULL) : NULL;
  NkgComponentsCounts cc = { 0 };
  g_autoptr (GBytes) comps = kept ? nkg_postings_components (old, kept, now, &cc) : NULL;
  gboolean updated = comps != NULL;
  if (!comps)
    comps = nkg_postings_components (NULL, NULL, now, &cc);
  gboolean ok = TRUE;
  if (check)
    {
      g_autoptr (GBytes) all = nkg_postings_components (NULL, NULL, now, NULL);
      g_autofree char *why = NULL;
      if (!nkg_components_same (comps, all, &why))
        {
          fprintf (stderr, "newskg build: --state: the components kept differ from those "
                           "made from every row: %s\n", why);
          ok = FALSE;
        }
      g_clear_pointer (&why, g_free);
      guint total = 0;
      if (!nkg_graph_components_check (graph, now, comps, &total, &why))
        {
          fprintf (stderr, "newskg build: --state: the components kept are not the "
                           "linking's: %s\n", why);
          ok = FALSE;
        }
      else
        fprintf (stderr, "newskg: components: all %u local entities' components are the "
                         "linking's\n", total);
      if (!ok)
        {
          /* the next run starts again from every row */
          g_bytes_unref (comps);
          comps = g_steal_pointer (&all);
        }
    }
  if (check || g_getenv ("NEWSKG_TIMES"))
    fprintf (stderr, "newskg: components: %s, %u local entities labelled afresh, "
                     "%u kept components joined, %u taken apart, %u components "
                     "(%u local entities in those changed), %zu bytes\n",
             updated ? "updated" : "made from every row", cc.labelled, cc.joined, cc.broken,
             cc.components, cc.changed, g_bytes_get_size (comps));
  g_autofree char *sum = nkg_sha256_hex (g_bytes_get_data (comps, NULL), g_bytes_get_size (comps));
  g_autofree char *head = g_strdup_printf ("%s\n%s\n%s\n%s\n%s\n", COMPONENTS_MAGIC,
                                           nkg_extractor_id (NULL), files_key, now_sum, sum);
  PostingsFile f = { head, comps };
  g_autoptr (GError) error = NULL;
  if (!nkg_write_atomic (path, postings_to_stream, &f, &error))
    {
      fprintf (stderr, "newskg build: --state: %s\n", error->message);
      return FALSE;
    }
  return ok;
}

/* Updates the postings in DIR from the last run's by the documents added
 * and removed; with `check`, also computes them from every staged
 * document and compares. FALSE (said on stderr) when they differ or
 * cannot be written. */
static gboolean
postings_update (NkgGraph *graph, const char *dir, const char *files_key, gboolean check)
{
  g_autofree char *path = g_build_filename (dir, POSTINGS_FILE, NULL);
  g_autofree char *old_sum = NULL;
  g_autoptr (GBytes) old = postings_open (path, files_key, &old_sum);
  guint added = 0, removed = 0, touched = 0;
  g_autoptr (GBytes) now = nkg_graph_postings (graph, old, &added, &removed, &touched);
  gboolean ok = TRUE, derived = TRUE;
  if (check)
    {
      g_autoptr (GBytes) all = nkg_graph_postings (graph, NULL, NULL, NULL, NULL);
      g_autofree char *why = NULL;
      if (!nkg_postings_same (now, all, &why))
        {
          fprintf (stderr,
                   "newskg build: --state: the postings kept (%u documents added, %u removed) "
                   "differ from the records': %s\n",
                   added, removed, why);
          ok = derived = FALSE;
          g_bytes_unref (now);
          now = g_steal_pointer (&all);
        }
      /* step 2, as a check: the components the touched keys reach,
       * re-linked from the postings, against today's linking */
      guint entities = 0, components = 0, total = 0;
      g_autofree char *relink_why = NULL;
      if (!nkg_graph_postings_relink_check (graph, old, now, &entities, &components, &total,
                                            &relink_why))
        {
          fprintf (stderr, "newskg build: --state: re-linking from the postings: %s\n",
                   relink_why);
          ok = FALSE;
        }
      fprintf (stderr, "newskg: postings: %u local entities of %u re-linked, in %u components\n",
               entities, total, components);
    }
  if (check || g_getenv ("NEWSKG_TIMES"))
    fprintf (stderr, "newskg: postings: %s, %u documents added, %u removed, %u keys touched, %zu bytes\n",
             old ? "updated" : "made from every document", added, removed, touched,
             g_bytes_get_size (now));
  /* the old file is mapped: it is replaced (renamed over), not written in place */
  g_autofree char *sum = nkg_sha256_hex (g_bytes_get_data (now, NULL), g_bytes_get_size (now));
  g_autofree char *head = g_strdup_printf ("%s\n%s\n%s\n%s\n", POSTINGS_MAGIC,
                                           nkg_extractor_id (NULL), files_key, sum);
  PostingsFile f = { head, now };
  g_autoptr (GError) error = NULL;
  if (!nkg_write_atomic (path, postings_to_stream, &f, &error))
    {
      fprintf (stderr, "newskg build: --state: %s\n", error->message);
      return FALSE;
    }
  nkg_cli_phase ("postings");
  return components_update (graph, dir, files_key, derived ? old : NULL, old_sum, now, sum, check)
         && ok;
}

/* One part of the previous run's state, read into b->old: NULL when it
 * cannot be trusted (a message said why), else the reader. */
static NkgShardReader *
state_open_part (Build *b, guint k, const char *path, const char *extractor)
{
  g_autoptr (GError) error = NULL;
  gboolean known = !b->verify && k <= STATE_PARTS && b->part_have[k], summed = TRUE;
  NkgShardStamp st;
  g_autoptr (NkgShardReader) r = nkg_shard_reader_open_stamped (
      path, known ? &b->part_known[k] : NULL, &st, &summed, &error);
  if (!r)
    {
      fprintf (stderr, "newskg build: --state: %s; extracting every article again\n",
               error->message);
      return NULL;
    }
  if (strcmp (nkg_shard_reader_extractor (r), extractor) != 0)
    {
      fprintf (stderr,
               "newskg build: --state: %s was written by another newskg (%s, extractor %.12s; "
               "this is extractor %.12s); extracting every article again\n",
               path, nkg_shard_reader_producer (r), nkg_shard_reader_extractor (r), extractor);
      return NULL;
    }
  if (summed)
    b->parts_summed++;
  else
    b->parts_trusted++;
  /* The stamp was taken before the part was read: kept when a change
   * after it must show in it (see RACY_NS) */
  if (k <= STATE_PARTS && (gint64) st.mtime_ns < b->racy_after_ns
      && (gint64) st.ctime_ns < b->racy_after_ns)
    {
      b->part_good[k] = TRUE;
      b->part_seen[k] = st;
    }
  return g_steal_pointer (&r);
}

/* The previous run's files table (files_open), and the mapped columns
 * its entries point into. */
static void
old_files_drop (Build *b)
{
  g_clear_pointer (&b->old_files, g_hash_table_unref);
  g_clear_pointer (&b->old_file_list, g_free);
  g_clear_pointer (&b->old_files_texts, g_variant_unref);
  g_clear_pointer (&b->old_files_nums, g_variant_unref);
}

/* A state not trusted: nothing of the files table either (every file is
 * read again), and no part's stamp is kept. TRUE, for state_open. */
static gboolean
state_untrusted (Build *b)
{
  old_files_drop (b);
  memset (b->part_good, 0, sizeof b->part_good);
  return TRUE;
}

/* Reads the previous run's state, if any and if it can be trusted.
 * FALSE only when DIR cannot be made or read at all. */
static gboolean
state_open (Build *b, const char *dir, const char *files_path)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      fprintf (stderr, "newskg build: --state: cannot make %s: %s\n", dir, g_strerror (errno));
      return FALSE;
    }
  b->state_dir = g_strdup (dir);
  b->state = nkg_shard_writer_new ();
  b->fresh = nkg_shard_writer_new ();
  /* Stored, not compressed: the next run reads the records where the
   * file is mapped instead of inflating it all first, and this run does
   * not deflate them (doc/shard-format.md). */
  nkg_shard_writer_set_stored (b->state, TRUE);
  nkg_shard_writer_set_stored (b->fresh, TRUE);
  b->reused = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->fresh_keys = g_ptr_array_new_with_free_func (g_free);
  b->stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b->new_files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_entry_free);
  g_autofree char *first = state_part_path (dir, 1);
  if (!g_file_test (first, G_FILE_TEST_EXISTS))
    return TRUE;
  g_autoptr (GError) error = NULL;
  const char *extractor = nkg_extractor_id (&error);
  if (!extractor)
    {
      fprintf (stderr, "newskg build: --state: %s; extracting every article again\n",
               error->message);
      return TRUE;
    }
  /* first: it has the stamps of the parts summed before */
  gint64 cpu0 = nkg_cli_timing () ? nkg_cli_thread_cpu_us () : 0;
  files_open (b, files_path);
  gint64 cpu1 = nkg_cli_timing () ? nkg_cli_thread_cpu_us () : 0;
  g_autoptr (GPtrArray) parts
      = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_shard_reader_free);
  g_autoptr (GHashTable) records
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_autoptr (GHashTable) part_of = g_hash_table_new (NULL, NULL);
  gboolean untidy = FALSE;
  for (guint k = 1;; k++)
    {
      g_autofree char *path = state_part_path (dir, k);
      if (k > 1 && !g_file_test (path, G_FILE_TEST_EXISTS))
        break;
      NkgShardReader *r = state_open_part (b, k, path, extractor);
      if (!r)
        return state_untrusted (b);
      g_ptr_array_add (parts, r);
      char *key;
      GBytes *record;
      while (nkg_shard_reader_next_key (r, &key, &record, &error))
        if (!*key || g_hash_table_contains (records, key))
          {
            untidy = TRUE;
            g_free (key);
            g_bytes_unref (record);
          }
        else
          {
            g_hash_table_insert (part_of, record, r);
            g_hash_table_insert (records, key, record);
          }
      if (error)
        {
          fprintf (stderr, "newskg build: --state: %s; extracting every article again\n",
                   error->message);
          return state_untrusted (b);
        }
    }
  b->old_parts = parts->len;
  b->old = g_steal_pointer (&parts);
  b->old_keys = g_hash_table_size (records);
  b->old_records = g_steal_pointer (&records);
  b->record_part = g_steal_pointer (&part_of);
  b->old_untidy = untidy;
  if (nkg_cli_timing ())
    fprintf (stderr, "newskg: state: %u parts summed, %u trusted by their stamps; "
                     "read in %.3f s CPU (the files table %.3f s)\n",
             b->parts_summed, b->parts_trusted, (nkg_cli_thread_cpu_us () - cpu0) / 1e6,
             (cpu1 - cpu0) / 1e6);
  return TRUE;
}

static gboolean
shard_to_stream (GOutputStream *out, gpointer w, GError **error)
{
  return nkg_shard_writer_write (w, out, error);
}

/* Streamed: a whole state is not put together in memory first. */
static gboolean
state_write_shard (NkgShardWriter *w, const char *path)
{
  g_autoptr (GError) error = NULL;
  if (!nkg_write_atomic (path, shard_to_stream, w, &error))
    {
      fprintf (stderr, "newskg build: --state: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Every record in STATE_FILE, the other parts removed, the highest first. */
static gboolean
state_write_whole (Build *b)
{
  g_autofree char *first = state_part_path (b->state_dir, 1);
  if (!state_write_shard (b->state, first))
    return FALSE;
  guint last = 1;
  for (;; last++)
    {
      g_autofree char *next = state_part_path (b->state_dir, last + 1);
      if (!g_file_test (next, G_FILE_TEST_EXISTS))
        break;
    }
  for (guint k = last; k > 1; k--)
    {
      g_autofree char *path = state_part_path (b->state_dir, k);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          fprintf (stderr, "newskg build: --state: cannot remove %s: %s\n", path,
                   g_strerror (errno));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
state_write (Build *b, const char *files_path)
{
  g_autoptr (GError) error = NULL;
  /* This run's records are the previous run's, each used once, and those
   * it extracted: */
  gboolean kept_all = b->old_parts && !b->old_untidy && !b->reused_twice
                      && g_hash_table_size (b->reused) == b->old_keys;
  guint n_fresh = nkg_shard_writer_n_docs (b->fresh);
  if (kept_all && n_fresh == 0)
    ; /* the same set of records: the files are right as they are */
  else if (kept_all && b->old_parts < STATE_PARTS)
    {
      g_autofree char *path = state_part_path (b->state_dir, b->old_parts + 1);
      if (!state_write_shard (b->fresh, path))
        return FALSE;
    }
  else if (!state_write_whole (b))
    return FALSE;
  /* The files table after the documents it names: a run stopped between
   * the two finds some files' articles missing, and reads those files. */
  g_autoptr (GVariant) files = files_to_variant (b, kept_all ? b->old_parts : 0);
  g_autoptr (GBytes) now = g_variant_get_data_as_bytes (files);
  g_autoptr (GMappedFile) mf = g_mapped_file_new (files_path, FALSE, NULL);
  g_autoptr (GBytes) before = mf ? g_mapped_file_get_bytes (mf) : NULL;
  if (before && g_bytes_equal (before, now))
    return TRUE;
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&mf, g_mapped_file_unref);
  if (!nkg_write_atomic_bytes (files_path, g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                               &error))
    {
      fprintf (stderr, "newskg build: --state: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* What the run no longer needs once every article is read. */
static void
state_drop_old (Build *b)
{
  g_clear_pointer (&b->old_records, g_hash_table_unref);
  g_clear_pointer (&b->record_part, g_hash_table_unref);
  g_clear_pointer (&b->old, g_ptr_array_unref);
  old_files_drop (b);
  g_clear_pointer (&b->stamps, g_hash_table_unref);
}

static void
state_clear (Build *b)
{
  state_drop_old (b);
  g_clear_pointer (&b->state, nkg_shard_writer_free);
  g_clear_pointer (&b->fresh, nkg_shard_writer_free);
  g_clear_pointer (&b->reused, g_hash_table_unref);
  g_clear_pointer (&b->fresh_keys, g_ptr_array_unref);
  g_clear_pointer (&b->state_dir, g_free);
  g_clear_pointer (&b->files_key, g_free);
  g_clear_pointer (&b->new_files, g_ptr_array_unref);
  g_clear_pointer (&b->held, g_ptr_array_unref);
}

/* After a record of the state could not be decoded: the next run trusts
 * nothing of this state (it extracts every article again), as it would
 * a part that fails its checksum. */
static void
state_forget (Build *b, const char *files_path, const char *outputs_path)
{
  g_unlink (outputs_path);
  g_unlink (files_path);
  for (guint k = 1;; k++)
    {
      g_autofree char *path = state_part_path (b->state_dir, k);
      if (g_unlink (path) != 0)
        break;
    }
}

static int
str_ptr_cmp (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The stamps of the binary and of every library mapped into it (Raptor,
 * json-glib and cgraph write some of the formats): another build of any
 * of them may write other bytes. Only mappings of code count (each of
 * those files has one): files mapped to be read, such as the state's own
 * parts, whose records are used where they are mapped, are data, and a
 * run that wrote a part would otherwise never find the same key as the
 * next. Taken when the run starts (code_key), before any input is read:
 * reading maps code of its own on the way (iconv loads a module for each
 * legacy charset it converts, glibc's gconv/CP1252.so for a Windows-1252
 * page), and a run that read such a page would otherwise give another key
 * than the next, which finds the page unchanged and does not read it: that
 * run merged and wrote everything again with nothing changed. Not their
 * change times: another build or an upgrade gives a file another inode,
 * size or modification time, while the change time also moves when
 * nothing in the file does, with its link count (perf's build-id cache
 * hard-links every library it profiles into ~/.debug, and drops the
 * links), so that a run found another key than the last with the same
 * code, and wrote everything again (git's core.trustctime is there for
 * the same reason). FALSE when they cannot be listed. */
static gboolean
code_stamps (GChecksum *sum)
{
  g_autofree char *maps = NULL;
  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return FALSE;
  g_autoptr (GPtrArray) files = g_ptr_array_new ();
  for (char *line = maps, *next; line && *line; line = next)
    {
      next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      /* "start-end perms offset dev inode path" */
      const char *perms = strchr (line, ' ');
      if (!perms || strlen (perms) < 4 || perms[3] != 'x')
        continue;
      char *path = strchr (line, '/');
      if (path && (!files->len || strcmp (g_ptr_array_index (files, files->len - 1), path) != 0))
        g_ptr_array_add (files, path);
    }
  g_ptr_array_sort (files, str_ptr_cmp);
  const char *last = NULL;
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      GStatBuf st;
      if (last && strcmp (last, path) == 0)
        continue;
      last = path;
      if (g_stat (path, &st) != 0)
        return FALSE; /* replaced since it was mapped ("(deleted)") */
      g_autofree char *line = g_strdup_printf (
          "%s %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
          ".%09ld\n",
          path, (guint64) st.st_dev, (guint64) st.st_ino, (guint64) st.st_size,
          (gint64) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
      g_checksum_update (sum, (const guchar *) line, -1);
    }
  return files->len > 0;
}

/* code_stamps as a checksum, NULL when they cannot be listed. */
static char *
code_key (void)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  return code_stamps (sum) ? g_strdup (g_checksum_get_string (sum)) : NULL;
}

/* What this run's files depend on: the code that writes them (the stamps
 * of newskg and its libraries: a rebuilt newskg is another), the output
 * options, and the set of documents, each a record of the state (the
 * graph depends on the set only). NULL when no run can skip writing them:
 * standard output, a record used twice, or an SVG (Graphviz renders it
 * with plugins and fonts it loads only then). */
static char *
outputs_key (Build *b, const NkgGraphOutput *out)
{
  const char *paths[] = { out->output, out->dot, out->svg };
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] && strcmp (paths[i], "-") == 0)
      return NULL;
  if (b->reused_twice || out->svg)
    return NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) OUTPUTS_MAGIC "\n", -1);
  if (!b->code_key)
    return NULL;
  g_checksum_update (sum, (const guchar *) b->code_key, -1);
  /* Not the paths: the bytes do not depend on where they go, and a run
   * that finds the same documents copies the files the last one wrote
   * (nkg_graph_output_copy) when asked for them elsewhere. */
  const char *opts[] = { out->exporter->name, out->base ? out->base : "" };
  for (gsize i = 0; i < G_N_ELEMENTS (opts); i++)
    g_checksum_update (sum, (const guchar *) (opts[i] ? opts[i] : ""), strlen (opts[i] ? opts[i] : "") + 1);
  /* a file given or not: "" is not a path, but tell the two apart anyway */
  for (gsize i = 1; i < G_N_ELEMENTS (paths); i++)
    g_checksum_update (sum, (const guchar *) (paths[i] ? "1" : "0"), 1);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, b->reused);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_ptr_array_add (keys, k);
  for (guint i = 0; i < b->fresh_keys->len; i++)
    g_ptr_array_add (keys, g_ptr_array_index (b->fresh_keys, i));
  g_ptr_array_sort (keys, str_ptr_cmp);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_checksum_update (sum, (const guchar *) key, strlen (key) + 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Whether the last run's outputs might be this run's, as far as can be
 * told before reading (outputs_key gives no key at all, or no run wrote
 * any): if not, records are decoded as they come. */
static gboolean
outputs_may_be_kept (const NkgGraphOutput *out, const char *outputs_path, const char *code)
{
  const char *paths[] = { out->output, out->dot, out->svg };
  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    if (paths[i] && strcmp (paths[i], "-") == 0)
      return FALSE;
  return code && !out->svg && g_file_test (outputs_path, G_FILE_TEST_IS_REGULAR);
}

/* The three slots outputs_unchanged fills. */
static void
from_clear (char **from)
{
  for (gsize i = 0; i < 3; i++)
    g_clear_pointer (&from[i], g_free);
}

/* The output files given, in the order OUTPUTS_FILE lists them. */
static guint
output_paths (const NkgGraphOutput *out, const char **paths)
{
  guint n = 0;
  const char *all[] = { out->output, out->dot, out->svg };
  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i])
      paths[n++] = all[i];
  return n;
}

static gboolean
output_stamp (const char *path, Stamp *st)
{
  GStatBuf sb;
  if (g_stat (path, &sb) != 0 || !S_ISREG (sb.st_mode))
    return FALSE;
  *st = (Stamp) { (guint64) sb.st_dev, (guint64) sb.st_ino, (guint64) sb.st_size,
                  (guint64) sb.st_mtim.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) sb.st_mtim.tv_nsec,
                  (guint64) sb.st_ctim.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) sb.st_ctim.tv_nsec,
                  0 };
  return TRUE;
}

/* Whether the last run wrote these files for `key` and they are as it
 * left them (and old enough that a change would show in their stamps:
 * RACY_NS); then `gc` is what its summary said, and `from` (3 slots)
 * where the last run wrote each file of `out` that is not in place, in
 * output_paths' order: NULL where it is (the same path). */
static gboolean
outputs_unchanged (Build *b, const char *path, const char *key, const NkgGraphOutput *out,
                   NkgGraphCounts *gc, char **from)
{
  g_autoptr (GMappedFile) mf = g_mapped_file_new (path, FALSE, NULL);
  if (!mf)
    return FALSE;
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mf);
  g_autoptr (GVariant) v
      = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (OUTPUTS_TYPE), bytes, FALSE));
  const char *magic, *was;
  g_autoptr (GVariantIter) it = NULL;
  g_variant_get (v, "(&s&sa(s(tttttt))(uuuuuu))", &magic, &was, &it, &gc->entities, &gc->facts,
                 &gc->evidence, &gc->quotes, &gc->conflicts, &gc->warnings);
  const char *paths[3];
  guint n = output_paths (out, paths);
  if (strcmp (magic, OUTPUTS_MAGIC) != 0 || strcmp (was, key) != 0 || gc->warnings != 0
      || g_variant_iter_n_children (it) != n)
    return FALSE;
  const char *file;
  Stamp then, now;
  for (guint i = 0; g_variant_iter_next (it, "(&s(tttttt))", &file, &then.dev, &then.ino,
                                         &then.size, &then.mtime_ns, &then.ctime_ns, &then.named);
       i++)
    {
      if (!output_stamp (file, &now) || memcmp (&then, &now, sizeof now) != 0
          || !stamp_settled (b, &now))
        {
          for (guint j = 0; j < i; j++)
            g_clear_pointer (&from[j], g_free);
          return FALSE;
        }
      from[i] = strcmp (file, paths[i]) != 0 ? g_strdup (file) : NULL;
    }
  return TRUE;
}

/* Records what this run wrote for `key`, or that nothing can be skipped
 * next time (key NULL, or a file cannot be looked at). */
static void
outputs_record (const char *path, const char *key, const NkgGraphOutput *out,
                const NkgGraphCounts *gc)
{
  const char *paths[3];
  guint n = output_paths (out, paths);
  GVariantBuilder files;
  g_variant_builder_init (&files, G_VARIANT_TYPE ("a(s(tttttt))"));
  for (guint i = 0; key && i < n; i++)
    {
      Stamp st;
      if (!output_stamp (paths[i], &st))
        key = NULL;
      else
        g_variant_builder_add (&files, "(s(tttttt))", paths[i], st.dev, st.ino, st.size,
                               st.mtime_ns, st.ctime_ns, st.named);
    }
  if (!key || gc->warnings)
    {
      g_variant_builder_clear (&files);
      g_unlink (path);
      return;
    }
  g_autoptr (GVariant) v = g_variant_ref_sink (
      g_variant_new ("(ssa(s(tttttt))(uuuuuu))", OUTPUTS_MAGIC, key, &files, gc->entities,
                     gc->facts, gc->evidence, gc->quotes, gc->conflicts, gc->warnings));
  g_autoptr (GBytes) data = g_variant_get_data_as_bytes (v);
  g_autoptr (GError) error = NULL;
  if (!nkg_write_atomic_bytes (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                               &error))
    g_unlink (path); /* only a shortcut is lost */
}

/* Exit statuses of build (also in --help, the man page and the README). */
enum {
  BUILD_OK = 0,      /* written (inputs that could not be read are warnings, counted) */
  BUILD_NOTHING = 1, /* no article read: nothing to do, nothing written */
  BUILD_ERROR = 2,   /* usage or input error (or --strict and an input skipped): nothing written */
};

/* The input argument that is the same file as `output` (an existing
 * regular file, through links), or NULL: `build a.txt -o a.txt` would
 * replace the article with its graph. */
static const char *
same_file_as_input (const char *output, char **inputs)
{
  GStatBuf o, in;
  if (strcmp (output, "-") == 0 || g_stat (output, &o) != 0 || !S_ISREG (o.st_mode))
    return NULL;
  for (char **p = inputs; *p; p++)
    if (strcmp (*p, "-") != 0 && g_stat (*p, &in) == 0 && in.st_dev == o.st_dev
        && in.st_ino == o.st_ino)
      return *p;
  return NULL;
}

/* The finished graph, left to the process's exit (see nkg_cmd_build). */
static NkgGraph *volatile graph_at_exit; /* volatile: the store must stay */

/* Documents holding less text than this are finished and written with
 * tcmalloc keeping the spans they free (cli/main.c has them given back at
 * once, for the peak of large builds). Given back, every span freed and
 * taken again costs an madvise and fresh page faults, and while the
 * graph's helper threads run, each madvise also interrupts the other core
 * to flush its TLB. That is the serial tail of a build: on the 2,304 real
 * articles (5 MB of text), 8 rounds in turn with 3154a80, -j 2's trim,
 * finish and Turtle took 0.128 s CPU instead of 0.217 (the finish's own
 * thread 0.066 s instead of 0.115), -j 1's 0.124 instead of 0.162; page
 * faults 10,400 instead of 12,900; peak RSS 59.5 MiB instead of 56.7.
 * Kept for 100 MB of news, the peak grew from 576 to 608 MiB, over
 * issue #12's 600, so large builds give back what they hold freed over
 * NKG_CLI_FREED_CAP (build-input.h: 16 MiB kept, the rest returned in
 * one call by a thread every 5 ms; syn100 page faults 219 K -> 161 K with
 * 32 MiB kept, 183 K with 16, whose -j 2 peak stays further from 600). */

static void
keep_freed_memory (const NkgBuildInputSummary *input)
{
  gboolean keep = input->text_bytes < NKG_CLI_KEEP_FREED_BYTES;
  if (keep)
    nkg_cli_give_back_freed (FALSE);
  /* NEWSKG_TIMES: which, whatever the allocator */
  if (nkg_cli_timing ())
    fprintf (stderr, "newskg: time memory: %" G_GUINT64_FORMAT " bytes of text, freed spans %s\n",
             input->text_bytes, keep ? "kept" : "kept up to " G_STRINGIFY (NKG_CLI_FREED_CAP_MIB) " MiB, the rest given back");
}

int
nkg_cmd_build (int argc, char **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_auto (NkgBuildInputOptions) in_opt = { 0 };
  g_auto (NkgGraphOutput) out = { 0 };
  g_autofree char *state_dir = NULL;
  gboolean state_verify = FALSE;
#ifdef __GLIBC__
  /* Blocks of 128 KiB or more (hash tables, arrays of a graph's items, the
   * snapshot's columns) are mapped, and given back when freed. By default
   * glibc raises that threshold to the largest block freed so far, so
   * that later large blocks came from the heap and, freed, stayed in the
   * process: the peak of a 30 MB build was 10 MiB higher. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif
  nkg_cli_phase (NULL);
  GOptionEntry entries[] = {
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in_opt.jobs, "threads: N extract articles, at most N detect their language, N finish and write the graph (default: one per core)", "N" },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
      "keep every article's extraction in DIR; the next run extracts only new or changed "
      "articles (the files are those of a full build)", "DIR" },
    { "state-verify", 0, 0, G_OPTION_ARG_NONE, &state_verify,
      "with --state, read the checksum of every part of the state, also of those unchanged "
      "since a run last read it", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("INPUT... — build a knowledge graph");
  const GOptionEntry *out_entries = nkg_graph_output_entries (&out, "print no summary and no progress");
  g_option_context_add_main_entries (ctx, out_entries, NULL);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_add_main_entries (ctx, nkg_build_input_entries (&in_opt), NULL);
  g_option_context_set_summary (
      ctx, "Reads news articles and writes the knowledge graph as RDF (Turtle unless -o\n"
           "or --format says otherwise), optionally with a diagram as DOT and SVG. An\n"
           "INPUT is a file, a folder (searched recursively) or '-' for standard input;\n"
           "text, HTML pages, RSS/Atom feeds, JSON Lines, WARC archives, tar/zip\n"
           "archives and gzip/bzip2/xz/zstd files are recognised by their content.\n"
           "Every file is replaced only after it was written in full; a run that reads\n"
           "no article writes nothing.");
  g_option_context_set_description (
      ctx, "formats (-o FILE picks one by its extension):\n"
           "  turtle .ttl   ntriples .nt   nquads .nq   rdfxml .rdf   jsonld .jsonld\n\n"
           "example:\n  newskg build examples/ -o corpus.ttl --dot graph.dot --svg graph.svg\n"
           "  newskg build examples/ -o corpus.jsonld\n"
           "  curl -s https://example.org/news.rss | newskg build - -o news.ttl\n"
           "  newskg build articles/ -o corpus.ttl --state .newskg-state\n\n"
           "exit status:\n"
           "  0  written; inputs that could not be read are named on standard error and\n"
           "     counted in the summary\n"
           "  1  no article read: nothing written, existing files left as they were\n"
           "  2  usage or input error, or with --strict any input skipped: nothing written,\n"
           "     existing files left as they were\n");
  g_autoptr (GError) error = NULL;
  /* "-j1" as well as "-j 1": GOption alone reads only the second. argv
   * ends in NULL, as main's does. */
  (void) argc;
  const GOptionEntry *const tables[] = { entries, out_entries, NULL };
  g_auto (GStrv) args = nkg_cli_split_short_values (argv, tables);
  if (!g_option_context_parse_strv (ctx, &args, &error))
    {
      fprintf (stderr, "newskg build: %s (try 'newskg build --help')\n", error->message);
      return BUILD_ERROR;
    }
  in_opt.quiet = out.quiet;
  if (!inputs || !inputs[0])
    {
      fprintf (stderr, "newskg build: no input given (try 'newskg build --help')\n");
      return 2;
    }
  if (in_opt.jobs < 0)
    {
      fprintf (stderr, "newskg build: --jobs must be 0 (one per core) or more, not %d\n",
               in_opt.jobs);
      return BUILD_ERROR;
    }
  if (!nkg_graph_output_check ("build", &out))
    return BUILD_ERROR;
  const char *const outputs[] = { out.output, out.dot, out.svg };
  for (gsize i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      const char *clash = outputs[i] ? same_file_as_input (outputs[i], inputs) : NULL;
      if (clash)
        {
          fprintf (stderr, "newskg build: %s is also an input (%s); refusing to write over it\n",
                   outputs[i], clash);
          return BUILD_ERROR;
        }
    }

  /* before anything is read or loaded (see code_stamps) */
  g_autofree char *code = state_dir ? code_key () : NULL;
  /* With -j 2 or more the lexicon and the tagger's tables load on a
   * thread of their own while this one walks the inputs and reads them;
   * the workers wait for them (build-input.h). */
  gboolean threads = (in_opt.jobs > 0 ? (guint) in_opt.jobs : g_get_num_processors ()) > 1;
  /* With a state, only when an article is to be extracted: a run whose
   * every record is reused needs no lexicon. */
  NkgBuildLexicon *load = state_dir ? nkg_build_lexicon_defer (threads)
                          : threads ? nkg_build_lexicon_load (TRUE)
                                    : NULL;
  g_autoptr (NkgInput) in = nkg_build_input_open ("build", inputs, &in_opt, &error);
  if (!load && in)
    load = nkg_build_lexicon_load (FALSE);
  nkg_cli_phase ("start");
  if (!in)
    {
      if (load)
        nkg_lexicon_free (nkg_build_lexicon_finish (load, NULL));
      fprintf (stderr, "newskg build: %s\n", error->message);
      return 2;
    }

  g_autoptr (NkgGraph) graph = nkg_graph_new (out.base);
  /* -j bounds the threads that finish and write the graph too */
  nkg_graph_set_threads (graph, in_opt.jobs > 0 ? (guint) in_opt.jobs : g_get_num_processors ());
  Build build = { 0 };
  build.graph = graph;
  build.verbose = in_opt.verbose;
  build.verify = state_verify;
  build.files_key = state_dir ? files_key (&in_opt) : NULL;
  build.racy_after_ns = g_get_real_time () * 1000 - RACY_NS;
  build.code_key = code;
  g_autofree char *files_path = state_dir ? g_build_filename (state_dir, FILES_FILE, NULL) : NULL;
  g_autofree char *outputs_path
      = state_dir ? g_build_filename (state_dir, OUTPUTS_FILE, NULL) : NULL;
  if (state_dir && !state_open (&build, state_dir, files_path))
    {
      state_clear (&build);
      return 2;
    }

  /* Worker threads are started with these signals blocked, so that only
   * this thread handles them, which the output writer relies on
   * (build-input.c and the input layer start theirs so). */
  nkg_cli_clean_up_on_signals ();
  NkgBuildInputSummary input;
  if (state_dir)
    {
      build.held = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_build_known_free);
      build.hold = outputs_may_be_kept (&out, outputs_path, code);
      const NkgBuildHooks hooks = { state_choose, state_decode, state_doc, state_file,
                                    state_file_read, state_hold, state_held };
      nkg_build_input_run_loading ("build", in, &in_opt, load, &hooks, &build, &input);
    }
  else
    {
      const NkgBuildHooks hooks = { .doc = add_doc };
      nkg_build_input_run_loading ("build", in, &in_opt, load, &hooks, &build, &input);
    }
  nkg_cli_phase ("input");
  g_autoptr (GError) lexicon_error = NULL;
  g_autoptr (NkgLexicon) lexicon = nkg_build_lexicon_finish (load, &lexicon_error);
  if (lexicon_error)
    {
      state_clear (&build);
      fprintf (stderr, "newskg build: %s\n", lexicon_error->message);
      return 2;
    }
  /* A small build keeps what it frees from here on for its own reuse
   * (see keep_freed_memory), the caches dropped next included. */
  keep_freed_memory (&input);
  /* Every article is read: the tagger's word cache (tens of MB) need not
   * sit beside the graph being finished. */
  nkg_tags_drop_cache ();
  nkg_lexicon_drop_place_cache ();
#ifdef __GLIBC__
  /* and what the extraction threads freed goes back to the system: their
   * malloc arenas are not where the graph is built */
  malloc_trim (0);
#endif
  nkg_cli_phase ("trim");
  /* Whether the last run's outputs are this run's, before any held
   * record is decoded: when they are, none is. */
  gboolean state_ok = TRUE, unchanged = FALSE;
  char *from[3] = { NULL, NULL, NULL };
  g_autofree char *out_key = NULL;
  NkgGraphCounts gc = { 0 };
  if (build.state)
    {
      out_key = outputs_key (&build, &out);
      unchanged = out_key && outputs_unchanged (&build, outputs_path, out_key, &out, &gc, from);
    }
  if (!unchanged)
    state_stage_held (&build, &in_opt, &input);
  /* (its record of outputs would name that record's key) */
  if (build.held_failed)
    g_clear_pointer (&out_key, g_free);
  /* the records still held need their parts */
  if (!build.held || !build.held->len)
    state_drop_old (&build);
  nkg_cli_phase ("stage");
  /* NEWSKG_STATE_POSTINGS=1 keeps the linking's postings in the state;
   * =check also makes them from every document and compares */
  const char *postings_mode = g_getenv ("NEWSKG_STATE_POSTINGS");
  gboolean postings_ok = TRUE;
  if (build.state && !unchanged && postings_mode && *postings_mode)
    {
      postings_ok = postings_update (graph, state_dir, build.files_key,
                                     strcmp (postings_mode, "check") == 0);
      nkg_cli_phase ("components");
    }
  guint failed = input.failed + input.input.errors;
  /* A duplicate may also displace one added before it (the least source
   * is kept, PLAN D5): the graph's count is the one to trust. */
  guint read = nkg_graph_n_staged (graph) + (build.held ? build.held->len : 0);
  guint duplicates = (input.documents - read) + input.input.duplicates;
  /* The summary line says what --json says. */
  input.input.duplicates = duplicates;
  /* --strict first: a run whose every input was skipped is an error
   * there, not "nothing to do". */
  guint skipped = nkg_build_input_n_skipped (&input), not_read = nkg_build_input_n_not_read (&input);
  gboolean exists = g_file_test (out.output, G_FILE_TEST_EXISTS);
  if (in_opt.strict && skipped)
    {
      state_clear (&build);
      from_clear (from);
      fprintf (stderr, "newskg build: --strict: %u input%s skipped (see above); nothing written%s\n",
               skipped, skipped == 1 ? "" : "s", exists ? " (existing files left as they were)" : "");
      return BUILD_ERROR;
    }
  /* Nothing read, nothing written: an empty graph must never replace a
   * good one (nor an empty state a full one). */
  if (read == 0)
    {
      state_clear (&build);
      from_clear (from);
      fprintf (stderr, "newskg build: no article could be read; nothing written%s\n",
               exists ? " (existing files left as they were)" : "");
      return BUILD_NOTHING;
    }
  const NkgSummaryCount counts[] = {
    { "articles", read },
    { "skipped", failed },
    { "duplicates", duplicates },
    { "other_language", input.input.other_language },
    { "unusable_records", input.input.warnings },
    { "passed_over", input.input.skipped },
    { "not_read", not_read },
    { "extracted", input.documents - input.reused },
    { "reused", input.reused },
    { "files_unchanged", input.files_known },
  };
  /* extracted/reused/files_unchanged only mean something with a state */
  guint n_counts = G_N_ELEMENTS (counts) - (state_dir ? 0 : 3);
  g_autofree char *head
      = state_dir ? g_strdup_printf ("%u article%s (%u extracted, %u reused)", read, read == 1 ? "" : "s",
                                     input.documents - input.reused, input.reused)
                  : g_strdup_printf ("%u article%s", read, read == 1 ? "" : "s");
  g_autofree char *skips = nkg_build_input_summary_text (&input);
  g_autofree char *lost
      = not_read ? g_strdup_printf ("; %u input%s not read, see above", not_read,
                                    not_read == 1 ? "" : "s")
                 : NULL;
  g_autofree char *tail = g_strconcat (skips, lost ? lost : "", NULL);

  /* The state first: it frees its frames before the graph grows. */
  if (build.state)
    {
      state_ok = state_write (&build, files_path);
      if (!state_ok && unchanged)
        {
          /* written again after all, as when the key differs */
          unchanged = FALSE;
          from_clear (from);
          state_stage_held (&build, &in_opt, &input);
        }
      if (build.held_failed)
        state_forget (&build, files_path, outputs_path);
      state_clear (&build);
      /* (NEWSKG_TIMES: writing the state is not the graph's finish) */
      nkg_cli_phase ("state");
    }
  int status;
  if (unchanged && !from[0] && !from[1] && !from[2])
    status = nkg_graph_output_unchanged ("build", &out, &gc, counts, n_counts, head, tail);
  else if (unchanged)
    {
      /* The same documents, files asked for elsewhere: the last run's
       * files are the bytes a merge would write (the key says so). */
      status = nkg_graph_output_copy ("build", &out, (const char *const *) from, &gc, counts,
                                      n_counts, head, tail);
      outputs_record (outputs_path, status == 0 ? out_key : NULL, &out, &gc);
      for (gsize i = 0; i < G_N_ELEMENTS (from); i++)
        g_free (from[i]);
    }
  else
    {
      /* NEWSKG_TIMES: this thread's CPU is the finish's serial path (its
       * helpers' CPU is in the phase's process CPU) */
      gint64 finish_cpu = nkg_cli_timing () ? nkg_cli_thread_cpu_us () : 0;
      gint64 step_cpu = 0;
      if (nkg_cli_timing ())
        {
          finish_step_time ("start", -1, &step_cpu);
          nkg_graph_set_finish_steps (graph, finish_step_time, &step_cpu);
        }
      nkg_graph_finish (graph);
      nkg_graph_set_finish_steps (graph, NULL, NULL);
      if (nkg_cli_timing ())
        fprintf (stderr, "newskg: time in finish: this thread %.3f s CPU\n",
                 (nkg_cli_thread_cpu_us () - finish_cpu) / 1e6);
      nkg_cli_phase ("finish");
      status = nkg_graph_output_write_counted ("build", &out, graph, counts, n_counts, head, tail,
                                               &gc);
      if (state_dir)
        outputs_record (outputs_path, status == 0 && state_ok ? out_key : NULL, &out, &gc);
      nkg_cli_phase ("write");
    }
  /* The process ends with this command: the system takes the graph back
   * at once, where freeing it object by object took minutes after a 1 GB
   * build. It stays reachable (graph_at_exit), so leak checkers do not
   * count it; NEWSKG_FREE_GRAPH=1 frees it as before. */
  if (!g_getenv ("NEWSKG_FREE_GRAPH"))
    graph_at_exit = g_steal_pointer (&graph);
  if (status)
    return status;
  if (!state_ok || !postings_ok)
    return BUILD_ERROR;
  return BUILD_OK;
}
