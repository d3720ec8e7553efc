/* build-input.c — see build-input.h.
 *
 * The input layer reads in one thread, in a fixed order; extraction runs
 * on a thread pool (with -j 1, on the reading thread); finished documents
 * wait in a small reorder buffer so that they reach the merge in input
 * order (PLAN D6) whatever the thread timing. At most a few documents per thread are in flight, so memory
 * holds the graph, not the corpus.
 */
#include "build-input.h"

#include "common.h"
#include "extract/extract.h"
#include "extract/tagger.h"
#include "input/walk.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

const GOptionEntry *
nkg_build_input_entries (NkgBuildInputOptions *opt)
{
  static GOptionEntry entries[9];
  GOptionEntry e[] = {
    { "json-text", 0, 0, G_OPTION_ARG_STRING, &opt->json_text,
      "JSON field holding the article text (default: text, body, content, article, maintext …)",
      "FIELD" },
    { "json-title", 0, 0, G_OPTION_ARG_STRING, &opt->json_title, "JSON field holding the headline",
      "FIELD" },
    { "json-date", 0, 0, G_OPTION_ARG_STRING, &opt->json_date, "JSON field holding the date", "FIELD" },
    { "json-url", 0, 0, G_OPTION_ARG_STRING, &opt->json_url, "JSON field holding the URL", "FIELD" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &opt->lang,
      "languages to read (default en; 'any' reads every article)", "LANGS" },
    { "input-format", 0, 0, G_OPTION_ARG_STRING, &opt->input_format,
      "read inputs as this format instead of sniffing: text, html, feed, json, warc, archive",
      "FORMAT" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt->verbose,
      "name every article read (format, encoding, language) and every duplicate skipped", NULL },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &opt->strict,
      "any input skipped (not read, unusable, of no article format, a FIFO …) is an error: exit 2 "
      "and write nothing", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  memcpy (entries, e, sizeof e);
  return entries;
}

guint
nkg_build_input_n_not_read (const NkgBuildInputSummary *summary)
{
  return summary->failed + summary->input.errors + summary->input.warnings;
}

guint
nkg_build_input_n_skipped (const NkgBuildInputSummary *summary)
{
  return nkg_build_input_n_not_read (summary) + summary->input.skipped;
}

void
nkg_build_input_options_clear (NkgBuildInputOptions *opt)
{
  g_free (opt->json_text);
  g_free (opt->json_title);
  g_free (opt->json_date);
  g_free (opt->json_url);
  g_free (opt->lang);
  g_free (opt->input_format);
}

/* ---- the progress line ---- */

typedef struct {
  gboolean on;      /* stderr is a terminal and not -q */
  gboolean shown;   /* a line is on the screen */
  gint64 start, last;
  guint documents;
} Progress;

/* Short builds print nothing; past this, a line appears. */
#define PROGRESS_AFTER_US (1 * G_USEC_PER_SEC)
#define PROGRESS_EVERY_US (G_USEC_PER_SEC / 4)

static void
progress_clear (Progress *p)
{
  if (p->shown)
    {
      fputs ("\r\033[K", stderr);
      fflush (stderr);
      p->shown = FALSE;
    }
}

static void
progress_show (Progress *p, const NkgInputStats *st)
{
  if (!p->on)
    return;
  gint64 now = g_get_monotonic_time ();
  if (now - p->start < PROGRESS_AFTER_US || now - p->last < PROGRESS_EVERY_US)
    return;
  p->last = now;
  double secs = (now - p->start) / (double) G_USEC_PER_SEC;
  double rate = p->documents / secs;
  g_autoptr (GString) line = g_string_new (NULL);
  g_string_append_printf (line, "newskg: %u article%s, %.0f/s", p->documents,
                          p->documents == 1 ? "" : "s", rate);
  /* Bytes tell how far along a few big files are, file counts do not. */
  double frac = st->bytes_total ? (double) st->bytes_done / st->bytes_total
                : st->files_total ? (double) st->files_done / st->files_total : 0;
  if (frac > 0.01 && frac <= 1)
    {
      guint eta = (guint) (secs * (1 - frac) / frac);
      g_string_append_printf (line, ", %.0f%%, about %u:%02u left", frac * 100, eta / 60, eta % 60);
    }
  fprintf (stderr, "\r\033[K%s", line->str);
  fflush (stderr);
  p->shown = TRUE;
}

/* ---- events ---- */

typedef struct _Files Files;

typedef struct {
  const char *cmd;
  const NkgBuildInputOptions *opt;
  Progress progress;
  Files *files; /* during a run with a `file` hook, else NULL */
} Printer;

static void files_event (Files *fs, const NkgInputEvent *ev);

static void
print_event (const NkgInputEvent *ev, gpointer data)
{
  Printer *pr = data;
  gboolean verbose = pr->opt->verbose;
  if (pr->files)
    files_event (pr->files, ev);
  switch (ev->kind)
    {
    case NKG_INPUT_EVENT_READ:
      if (!verbose)
        return;
      progress_clear (&pr->progress);
      fprintf (stderr, "newskg: read %s (%s, %s, %s)\n", ev->where, ev->article->format,
               ev->article->encoding ? ev->article->encoding : "?",
               ev->article->language ? ev->article->language : "language unknown");
      return;
    case NKG_INPUT_EVENT_NOTE:
      if (!verbose)
        return;
      progress_clear (&pr->progress);
      fprintf (stderr, "newskg: passing over %s (%s)\n", ev->where, ev->message);
      return;
    case NKG_INPUT_EVENT_DUPLICATE:
      if (!verbose)
        return;
      progress_clear (&pr->progress);
      fprintf (stderr, "newskg: skipping %s (duplicate: %s)\n", ev->where, ev->message);
      return;
    case NKG_INPUT_EVENT_LANGUAGE:
    case NKG_INPUT_EVENT_SKIP:
      progress_clear (&pr->progress);
      fprintf (stderr, "newskg: skipping %s (%s)\n", ev->where, ev->message);
      return;
    case NKG_INPUT_EVENT_WARNING:
    case NKG_INPUT_EVENT_ERROR:
      progress_clear (&pr->progress);
      fprintf (stderr, "newskg %s: %s: %s (skipped)\n", pr->cmd, ev->where, ev->message);
      return;
    }
}

/* One printer per process, like the options: walking reports skips
 * before reading starts, so it must exist from the open on. */
static Printer printer;

NkgInput *
nkg_build_input_open (const char *cmd, char **inputs, const NkgBuildInputOptions *opt, GError **error)
{
  g_autoptr (NkgInput) in = nkg_input_new ();
  printer = (Printer) { cmd, opt, { FALSE, FALSE, 0, 0, 0 }, NULL };
  nkg_input_set_report (in, print_event, &printer);
  if (opt->input_format && !nkg_input_set_reader (in, opt->input_format, error))
    return NULL;
  if (!nkg_input_set_languages (in, opt->lang ? opt->lang : "en", error))
    return NULL;
  nkg_input_set_option (in, "json-text", opt->json_text);
  nkg_input_set_option (in, "json-title", opt->json_title);
  nkg_input_set_option (in, "json-date", opt->json_date);
  nkg_input_set_option (in, "json-url", opt->json_url);
  for (char **p = inputs; p && *p; p++)
    if (!nkg_input_add (in, *p, error))
      return NULL;
  return g_steal_pointer (&in);
}

/* ---- what files held (for the `file` hooks) ---- */

NkgBuildKnown *
nkg_build_known_new (const char *key, const char *content_key, const char *source, GBytes *record)
{
  NkgBuildKnown *k = g_new0 (NkgBuildKnown, 1);
  k->key = g_strdup (key);
  k->content_key = g_strdup (content_key);
  k->source = g_strdup (source);
  k->record = record ? g_bytes_ref (record) : NULL;
  return k;
}

void
nkg_build_known_free (NkgBuildKnown *k)
{
  if (!k)
    return;
  g_free (k->key);
  g_free (k->content_key);
  g_free (k->source);
  g_clear_pointer (&k->record, g_bytes_unref);
  g_free (k);
}

/* A file being read: its articles come back in order, after language
 * detection, so they are matched to it by their source. */
typedef struct {
  char *path, *source;
  GPtrArray *held; /* NkgBuildKnown*, record NULL */
  gboolean said;   /* something was said about it: not to be remembered */
} Track;

struct _Files {
  GQueue reading;     /* Track*, files read whose articles may still come */
  GPtrArray *done;    /* Track*, in order */
  GHashTable *sources;  /* source of every file read → Track* (or NULL when two share it) */
  GHashTable *seen;   /* content key → source, of every article handed on (known files' too) */
  Track *current;     /* the file open now */
  gboolean said_all;  /* something was said about no file in particular */
  guint duplicates;   /* articles read that a known file's article had come before */
};

static void
track_free (Track *t)
{
  g_free (t->path);
  g_free (t->source);
  g_ptr_array_unref (t->held);
  g_free (t);
}

/* The file an article (by its source) was read from: a file's articles
 * are its source, or its source + "#…" (PLAN D4). Files before it in the
 * queue are done. */
static Track *
files_track (Files *fs, const char *source)
{
  for (GList *l = fs->reading.head; l; l = l->next)
    {
      Track *t = l->data;
      gsize n = strlen (t->source);
      if (strncmp (source, t->source, n) == 0 && (source[n] == '\0' || source[n] == '#'))
        {
          while (fs->reading.head != l)
            g_ptr_array_add (fs->done, g_queue_pop_head (&fs->reading));
          return t;
        }
    }
  return NULL;
}

static void
files_event (Files *fs, const NkgInputEvent *ev)
{
  switch (ev->kind)
    {
    case NKG_INPUT_EVENT_READ:
      return;
    case NKG_INPUT_EVENT_DUPLICATE:
    case NKG_INPUT_EVENT_LANGUAGE:
      {
        Track *t = ev->article ? files_track (fs, ev->article->source) : NULL;
        if (t)
          t->said = TRUE;
        else
          fs->said_all = TRUE;
        return;
      }
    default:
      /* Reading events: they come while the file is open. */
      if (fs->current)
        fs->current->said = TRUE;
      else
        fs->said_all = TRUE;
      return;
    }
}
/* ---- the lexicon, loading while the input is read ---- */

struct _NkgBuildLexicon {
  GThread *thread;
  gboolean tagger; /* the thread loads the tagger's tables too */
  /* nkg_build_lexicon_defer: loaded (on a thread with `deferred_thread`)
   * when the first article is to be extracted; `started` is set by the
   * reading thread before it hands any article to the workers */
  gboolean deferred, deferred_thread, started;
  GMutex lock;
  GCond cond;
  gboolean done; /* under `lock` */
  gint ready;    /* atomic: `done`, read without the lock */
  NkgLexicon *lexicon;
  GError *error;
};

static gpointer
lexicon_load (gpointer data)
{
  NkgBuildLexicon *l = data;
  gint64 cpu = nkg_cli_timing () ? nkg_cli_thread_cpu_us () : 0;
  NkgLexicon *lexicon = nkg_lexicon_new (&l->error);
  if (lexicon && l->tagger)
    nkg_tagger_load ();
  /* NEWSKG_TIMES: what loading cost, and that it happened at all */
  if (nkg_cli_timing ())
    fprintf (stderr, "newskg: time lexicon loaded: %.3f s CPU\n",
             (nkg_cli_thread_cpu_us () - cpu) / 1e6);
  g_mutex_lock (&l->lock);
  l->lexicon = lexicon;
  l->done = TRUE;
  g_cond_broadcast (&l->cond);
  g_mutex_unlock (&l->lock);
  g_atomic_int_set (&l->ready, 1);
  return NULL;
}

static void lexicon_start (NkgBuildLexicon *l, gboolean thread);

NkgBuildLexicon *
nkg_build_lexicon_load (gboolean thread)
{
  NkgBuildLexicon *l = g_new0 (NkgBuildLexicon, 1);
  g_mutex_init (&l->lock);
  g_cond_init (&l->cond);
  lexicon_start (l, thread);
  return l;
}

NkgBuildLexicon *
nkg_build_lexicon_defer (gboolean thread)
{
  NkgBuildLexicon *l = g_new0 (NkgBuildLexicon, 1);
  g_mutex_init (&l->lock);
  g_cond_init (&l->cond);
  l->deferred = TRUE;
  l->deferred_thread = thread;
  return l;
}

/* A deferred load, started by the reading thread at the first article
 * it hands on to be extracted. */
static void
lexicon_need (NkgBuildLexicon *l)
{
  if (l && l->deferred && !l->started)
    lexicon_start (l, l->deferred_thread);
}

static void
lexicon_start (NkgBuildLexicon *l, gboolean thread)
{
  l->started = TRUE;
  if (!thread)
    {
      lexicon_load (l);
      return;
    }
  l->tagger = TRUE;
  /* The program's resources are registered on first use, and in GLib
   * 2.74 a second thread asking meanwhile finds none (a crash in
   * g_resource_lookup_data): registered here, before the thread starts. */
  (void) g_resources_get_info ("/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
  nkg_cli_hold_signals (TRUE);
  l->thread = g_thread_new ("nkg-lexicon", lexicon_load, l);
  nkg_cli_hold_signals (FALSE);
}

static gboolean
lexicon_ready (NkgBuildLexicon *l)
{
  return g_atomic_int_get (&l->ready);
}

/* Started and not yet there (reading thread only). */
static gboolean
lexicon_loading (NkgBuildLexicon *l)
{
  return l && l->started && !lexicon_ready (l);
}

/* The lexicon once loaded (NULL: it could not be). */
static const NkgLexicon *
lexicon_wait (NkgBuildLexicon *l)
{
  if (!lexicon_ready (l))
    {
      g_mutex_lock (&l->lock);
      while (!l->done)
        g_cond_wait (&l->cond, &l->lock);
      g_mutex_unlock (&l->lock);
    }
  return l->lexicon;
}

NkgLexicon *
nkg_build_lexicon_finish (NkgBuildLexicon *l, GError **error)
{
  if (!l->started)
    {
      /* deferred, and no article was extracted: none was needed */
      g_mutex_clear (&l->lock);
      g_cond_clear (&l->cond);
      g_free (l);
      return NULL;
    }
  if (l->thread)
    g_thread_join (l->thread);
  NkgLexicon *lexicon = g_steal_pointer (&l->lexicon);
  if (!lexicon)
    g_propagate_error (error, g_steal_pointer (&l->error));
  g_clear_error (&l->error);
  g_mutex_clear (&l->lock);
  g_cond_clear (&l->cond);
  g_free (l);
  return lexicon;
}

/* ---- parallel extraction in input order ---- */

/* Articles go to the workers in batches of up to BATCH_ARTICLES, or
 * fewer that hold BATCH_BYTES of text: handing each article to a worker
 * and back cost two thread wake-ups per article (with the language
 * detectors' two, about 10,000 context switches for `-j 2` on 2,304
 * short news articles), and a batch of short articles is still only a
 * few milliseconds of work, so the workers stay evenly loaded. */
#define BATCH_ARTICLES 16
#define BATCH_BYTES (64 * 1024)

/* While the lexicon loads, reading runs ahead this many times the window:
 * with -j 2, up to 64 batches (1,024 short articles, at most 4 MiB of
 * text), about what one core reads in the 20 ms the lexicon takes. */
#define LOADING_AHEAD 16

typedef struct _Job Job;
struct _Job {
  Job *next;           /* the next job of its batch */
  guint seq;
  NkgArticle *article; /* NULL for a known file's record */
  char *source;        /* of a known file's record */
  Track *track;        /* the file it came from, with a `file` hook */
  NkgDocFacts *facts;
  GError *error;
  char *key;      /* from the choose hook */
  GBytes *record; /* to decode rather than extract */
  gboolean held;  /* the record goes to `doc` undecoded (the `hold` hook) */
};

typedef struct {
  const NkgLexicon *lexicon;
  NkgBuildLexicon *loading; /* without `lexicon`: the lexicon as it loads */
  gint no_lexicon;          /* atomic: it could not be loaded */
  GThreadPool *pool;
  GAsyncQueue *done;  /* Job*, the first of a batch extracted */
  GHashTable *ready;  /* seq → Job*, extracted, waiting for their turn */
  guint next_seq, next_merge, in_flight;
  guint batches, window; /* batches with the workers, and how many may be */
  Job *fill, *fill_last; /* the batch being gathered */
  guint fill_n;
  gsize fill_bytes;
  const NkgBuildHooks *hooks;
  gpointer func_data;
  Printer *printer;
  NkgInput *in;
  NkgBuildInputSummary *summary;
  Files files;
  /* NEWSKG_TIMES: where this thread's time went, and the extraction's CPU */
  gint64 doc_us, wait_us;
  gint extract_cpu_us;
  gboolean keeping; /* freed spans kept (cli/main.c): the input is small so far */
} Pipeline;

/* Freed spans all kept until NKG_CLI_KEEP_FREED_BYTES of text are read;
 * from then on, for the rest of the build, kept up to NKG_CLI_FREED_CAP. */
static void
keep_freed_while_small (Pipeline *p, guint64 bytes)
{
  if (p->keeping && bytes >= NKG_CLI_KEEP_FREED_BYTES)
    {
      p->keeping = FALSE;
      nkg_cli_cap_freed (NKG_CLI_FREED_CAP);
    }
}

/* The next finished job, waiting for one; timed with NEWSKG_TIMES. */
static gpointer
pop_done (Pipeline *p)
{
  if (!nkg_cli_timing ())
    return g_async_queue_pop (p->done);
  gint64 t = g_get_monotonic_time ();
  gpointer j = g_async_queue_pop (p->done);
  p->wait_us += g_get_monotonic_time () - t;
  return j;
}

static void
job_free (Job *j)
{
  nkg_article_free (j->article);
  g_free (j->source);
  nkg_doc_facts_free (j->facts);
  g_clear_error (&j->error);
  g_free (j->key);
  g_clear_pointer (&j->record, g_bytes_unref);
  g_free (j);
}

static void
extract_batch (Job *batch, Pipeline *p)
{
  gint64 cpu = nkg_cli_timing () ? nkg_cli_thread_cpu_us () : 0;
  for (Job *j = batch; j; j = j->next)
    if (j->held)
      ;
    else if (j->record)
      j->facts = p->hooks->decode (j->record, p->func_data, &j->error);
    else
      {
        const NkgLexicon *lexicon = p->lexicon ? p->lexicon : lexicon_wait (p->loading);
        if (lexicon)
          j->facts = nkg_extract_article (lexicon, j->article, &j->error);
        else
          g_atomic_int_set (&p->no_lexicon, 1);
      }
  if (nkg_cli_timing ())
    g_atomic_int_add (&p->extract_cpu_us, (gint) (nkg_cli_thread_cpu_us () - cpu));
}

/* A worker: extracts a batch and hands it back. */
static void
extract_job (gpointer data, gpointer user_data)
{
  Pipeline *p = user_data;
  extract_batch (data, p);
  g_async_queue_push (p->done, data);
}

/* Takes a finished batch and hands on every document now in order. */
static void
collect (Pipeline *p, Job *batch)
{
  for (Job *j = batch, *next; j; j = next)
    {
      next = j->next;
      j->next = NULL;
      p->in_flight--;
      g_hash_table_insert (p->ready, GUINT_TO_POINTER (j->seq), j);
    }
  Job *j;
  while ((j = g_hash_table_lookup (p->ready, GUINT_TO_POINTER (p->next_merge))))
    {
      g_hash_table_remove (p->ready, GUINT_TO_POINTER (p->next_merge));
      p->next_merge++;
      /* Without a lexicon the run fails: nothing is handed on. */
      if (g_atomic_int_get (&p->no_lexicon))
        {
          job_free (j);
          continue;
        }
      const char *source = j->article ? j->article->source : j->source;
      if (j->error)
        {
          progress_clear (&p->printer->progress);
          fprintf (stderr, "newskg %s: %s: %s (skipped)\n", p->printer->cmd, source,
                   j->error->message);
          p->summary->failed++;
          if (j->track)
            j->track->said = TRUE;
        }
      else
        {
          /* What extraction cut short (a very long sentence, a very common
           * name): the graph is still written, but the user should know. */
          for (guint w = 0; j->facts && w < j->facts->warnings->len; w++)
            {
              progress_clear (&p->printer->progress);
              fprintf (stderr, "newskg %s: %s: warning: %s\n", p->printer->cmd, source,
                       (const char *) g_ptr_array_index (j->facts->warnings, w));
            }
          gint64 t = nkg_cli_timing () ? g_get_monotonic_time () : 0;
          if (j->held)
            p->hooks->held (j->key, source, j->record, p->func_data);
          else
            p->hooks->doc (g_steal_pointer (&j->facts), j->key, j->record, p->func_data);
          if (t)
            p->doc_us += g_get_monotonic_time () - t;
          p->summary->documents++;
          p->summary->text_bytes += j->article ? j->article->len
                                    : j->record ? g_bytes_get_size (j->record) : 0;
          keep_freed_while_small (p, p->summary->text_bytes);
          if (j->record)
            p->summary->reused++;
          p->printer->progress.documents++;
        }
      job_free (j);
    }
  if (p->in)
    progress_show (&p->printer->progress, nkg_input_get_stats (p->in));
}

/* Hands the batch gathered so far to the workers. */
static void
flush_batch (Pipeline *p)
{
  if (!p->fill)
    return;
  p->batches++;
  g_thread_pool_push (p->pool, p->fill, NULL);
  p->fill = p->fill_last = NULL;
  p->fill_n = 0;
  p->fill_bytes = 0;
}

/* The next batch the workers finished, waiting for it. */
static void
collect_one (Pipeline *p)
{
  p->batches--;
  collect (p, pop_done (p));
}

/* Hands a job to the workers, and collects what is done. */
static void
push_job (Pipeline *p, Job *j)
{
  j->seq = p->next_seq++;
  p->in_flight++;
  if (j->record && p->hooks->held && p->hooks->hold (p->func_data))
    j->held = TRUE;
  /* A held record has nothing to do: handed on at once when nothing
   * before it is still with the workers. */
  if (j->held && p->in_flight == 1 && !p->fill)
    {
      collect (p, j);
      return;
    }
  /* With one job there is nothing to overlap: handing each article to a
   * worker thread and back only cost two thread wake-ups per article. */
  /* A record to decode (a state's, in place) goes to the workers in
   * batches too, the batch counting its bytes. Decoded here, on the
   * thread that stages documents, each document's transient facts were
   * allocated between the staged records that live until the end, and
   * the merge and the writer then ran on a scattered heap: a run adding
   * 1% of articles to a 20 MB state took 0.1-0.3 CPU s more (of 3.2)
   * than with the records decoded on the workers, whose arenas take the
   * transient facts as they take extracted ones (at 100 MB no difference
   * was seen). Batched, the thread wake-ups are two per batch, not per
   * record (doc/incremental.md). */
  if (p->pool)
    {
      if (p->fill_last)
        p->fill_last->next = j;
      else
        p->fill = j;
      p->fill_last = j;
      p->fill_bytes += j->record ? g_bytes_get_size (j->record) : j->article->len;
      if (++p->fill_n >= BATCH_ARTICLES || p->fill_bytes >= BATCH_BYTES)
        flush_batch (p);
    }
  else
    {
      /* the articles before it go first: documents after a batch not
       * yet handed on would wait for it in the reorder buffer */
      if (p->pool)
        flush_batch (p);
      extract_batch (j, p);
      collect (p, j);
    }
  Job *done;
  while ((done = g_async_queue_try_pop (p->done)))
    {
      p->batches--;
      collect (p, done);
    }
  /* Reading runs ahead of extraction by at most the window; while the
   * lexicon loads (the workers cannot extract yet, and a core is free
   * to read) by up to LOADING_AHEAD times as many batches. */
  guint window = lexicon_loading (p->loading) ? LOADING_AHEAD * p->window : p->window;
  while (p->batches > window)
    collect_one (p);
}

static gboolean
on_article (NkgArticle *article, gpointer data)
{
  Pipeline *p = data;
  if (g_atomic_int_get (&p->no_lexicon))
    {
      nkg_article_free (article);
      return FALSE;
    }
  Files *fs = p->hooks->file ? &p->files : NULL;
  Track *track = fs ? files_track (fs, article->source) : NULL;
  if (fs && !track)
    fs->said_all = TRUE;
  /* The same text as a known file's article before it: the input layer,
   * which did not read that file, could not tell (PLAN D5). */
  const char *first = fs ? g_hash_table_lookup (fs->seen, article->content_key) : NULL;
  if (first)
    {
      if (p->printer->opt->verbose)
        {
          progress_clear (&p->printer->progress);
          fprintf (stderr, "newskg: skipping %s (duplicate: same text as %s)\n", article->source,
                   first);
        }
      fs->duplicates++;
      if (track)
        track->said = TRUE;
      nkg_article_free (article);
      return TRUE;
    }
  g_autofree char *key = NULL;
  g_autoptr (GBytes) record = NULL;
  NkgBuildChoice choice = p->hooks->choose
                              ? p->hooks->choose (article, &key, &record, p->func_data)
                              : NKG_BUILD_EXTRACT;
  if (choice == NKG_BUILD_LEAVE)
    {
      p->summary->left++;
      if (track)
        track->said = TRUE;
      nkg_article_free (article);
      return TRUE;
    }
  if (fs)
    {
      g_hash_table_insert (fs->seen, g_strdup (article->content_key), g_strdup (article->source));
      if (track)
        g_ptr_array_add (track->held, nkg_build_known_new (key, article->content_key,
                                                           article->source, NULL));
    }
  Job *j = g_new0 (Job, 1);
  j->article = article;
  j->track = track;
  j->key = g_steal_pointer (&key);
  if (choice == NKG_BUILD_REUSE)
    j->record = g_steal_pointer (&record);
  else if (!p->lexicon)
    lexicon_need (p->loading);
  push_job (p, j);
  return TRUE;
}

static Track *
files_start (Files *fs, const NkgInputFile *f)
{
  Track *t = g_new0 (Track, 1);
  t->path = g_strdup (f->path);
  t->source = g_strdup (f->source);
  t->held = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_build_known_free);
  /* Two files of one source: their articles cannot be told apart. */
  Track *other;
  if (g_hash_table_lookup_extended (fs->sources, t->source, NULL, (gpointer *) &other))
    {
      t->said = TRUE;
      if (other)
        other->said = TRUE;
      g_hash_table_replace (fs->sources, g_strdup (t->source), NULL);
    }
  else
    g_hash_table_insert (fs->sources, g_strdup (t->source), t);
  g_queue_push_tail (&fs->reading, t);
  fs->current = t;
  return t;
}

/* The input layer's file filter: asks the caller; a known file's
 * documents go to the workers as records, in their place in the order. */
static gboolean
on_file (const NkgInputFile *f, gboolean settled, gpointer data)
{
  Pipeline *p = data;
  Files *fs = &p->files;
  fs->current = NULL;
  g_autoptr (GPtrArray) known = NULL;
  if (p->hooks->file (f, settled, settled ? &known : NULL, p->func_data))
    {
      if (!settled)
        return TRUE;
      /* A known article whose text an article read before it has (a
       * new file, earlier in the order): the file is read, and the input
       * layer's duplicate rule decides. */
      gboolean clash = FALSE;
      for (guint i = 0; i < known->len && !clash; i++)
        {
          NkgBuildKnown *k = g_ptr_array_index (known, i);
          clash = !k->record || g_hash_table_contains (fs->seen, k->content_key);
        }
      if (!clash)
        {
          for (guint i = 0; i < known->len; i++)
            {
              NkgBuildKnown *k = g_ptr_array_index (known, i);
              g_hash_table_insert (fs->seen, g_strdup (k->content_key), g_strdup (k->source));
              Job *j = g_new0 (Job, 1);
              j->source = g_strdup (k->source);
              j->key = g_strdup (k->key);
              j->record = g_bytes_ref (k->record);
              push_job (p, j);
            }
          p->summary->files_known++;
          return TRUE;
        }
    }
  files_start (fs, f);
  return FALSE;
}

typedef struct {
  NkgBuildDocFunc func;
  gpointer data;
} Plain;

static void
plain_doc (NkgDocFacts *facts, const char *key, GBytes *record, gpointer data)
{
  (void) key;
  (void) record;
  Plain *plain = data;
  plain->func (facts, plain->data);
}

void
nkg_build_input_run (const char *cmd, NkgInput *in, const NkgBuildInputOptions *opt,
                     const NkgLexicon *lexicon, NkgBuildDocFunc func, gpointer data,
                     NkgBuildInputSummary *summary)
{
  const NkgBuildHooks hooks = { .doc = plain_doc };
  Plain plain = { func, data };
  nkg_build_input_run_hooks (cmd, in, opt, lexicon, &hooks, &plain, summary);
}

static int
pipeline_jobs (const NkgBuildInputOptions *opt)
{
  return MAX (opt->jobs > 0 ? opt->jobs : (int) g_get_num_processors (), 1);
}

static void
pipeline_init (Pipeline *p, int jobs, const NkgBuildHooks *hooks, gpointer data,
               NkgBuildInputSummary *summary)
{
  p->done = g_async_queue_new ();
  p->ready = g_hash_table_new (NULL, NULL);
  p->window = 2 * (guint) jobs;
  p->hooks = hooks;
  p->func_data = data;
  p->printer = &printer;
  p->summary = summary;
}

/* Threads started with the fatal signals blocked never handle them:
 * only the main thread does, which the output writer relies on. */
static void
pipeline_start_pool (Pipeline *p, int jobs)
{
  if (jobs < 2)
    return;
  nkg_cli_hold_signals (TRUE);
  p->pool = g_thread_pool_new (extract_job, p, jobs, TRUE, NULL);
  nkg_cli_hold_signals (FALSE);
}

/* Every job handed on, in order. */
static void
pipeline_drain (Pipeline *p)
{
  if (p->pool)
    flush_batch (p);
  while (p->batches)
    collect_one (p);
}

static void
pipeline_clear (Pipeline *p)
{
  if (p->pool)
    g_thread_pool_free (p->pool, FALSE, TRUE);
  g_async_queue_unref (p->done);
  g_hash_table_unref (p->ready);
  progress_clear (&p->printer->progress);
}

void
nkg_build_input_decode (const NkgBuildInputOptions *opt, const NkgBuildHooks *hooks,
                        gpointer data, GPtrArray *held, NkgBuildInputSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  int jobs = pipeline_jobs (opt);
  Pipeline p = { 0 };
  pipeline_init (&p, jobs, hooks, data, summary);
  pipeline_start_pool (&p, jobs);
  for (guint i = 0; i < held->len; i++)
    {
      const NkgBuildKnown *k = g_ptr_array_index (held, i);
      Job *j = g_new0 (Job, 1);
      j->source = g_strdup (k->source);
      j->key = g_strdup (k->key);
      j->record = g_bytes_ref (k->record);
      push_job (&p, j);
    }
  pipeline_drain (&p);
  pipeline_clear (&p);
}

static void
run_hooks (NkgInput *in, const NkgBuildInputOptions *opt, const NkgLexicon *lexicon,
           NkgBuildLexicon *loading, const NkgBuildHooks *hooks, gpointer data,
           NkgBuildInputSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  printer.progress.on = !opt->quiet && isatty (fileno (stderr));
  printer.progress.start = printer.progress.last = g_get_monotonic_time ();
  int jobs = pipeline_jobs (opt);
  /* -j bounds the input layer's threads too: with -j 1 it detects
   * languages on this thread, as it reads. */
  nkg_input_set_threads (in, (guint) jobs);
  Pipeline p = { 0 };
  pipeline_init (&p, jobs, hooks, data, summary);
  p.lexicon = lexicon;
  p.loading = loading;
  p.in = in;
  if (hooks->file)
    {
      g_queue_init (&p.files.reading);
      p.files.done = g_ptr_array_new_with_free_func ((GDestroyNotify) track_free);
      p.files.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      p.files.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      printer.files = &p.files;
      nkg_input_set_file_filter (in, on_file, &p);
    }
  /* Files as large as the line (compressed ones hold more text) give
   * freed spans back from the start; others once their text reaches it. */
  p.keeping = TRUE;
  keep_freed_while_small (&p, nkg_input_get_stats (in)->bytes_total);
  pipeline_start_pool (&p, jobs);
  gint64 cpu0 = nkg_cli_thread_cpu_us (), wall0 = g_get_monotonic_time ();
  nkg_input_run (in, on_article, &p, NULL);
  pipeline_drain (&p);
  if (nkg_cli_timing ())
    fprintf (stderr,
             "newskg: time in input: this thread %.3f s CPU of %.3f s wall; adding documents "
             "%.3f s, waiting for extraction %.3f s; extraction %.3f s CPU\n",
             (nkg_cli_thread_cpu_us () - cpu0) / 1e6, (g_get_monotonic_time () - wall0) / 1e6,
             p.doc_us / 1e6, p.wait_us / 1e6, p.extract_cpu_us / 1e6);
  if (nkg_cli_timing ())
    {
      guint64 advised, huge;
      nkg_cli_huge_pages (&advised, &huge);
      fprintf (stderr,
               "newskg: time heap: %" G_GUINT64_FORMAT " kB advised for huge pages, %"
               G_GUINT64_FORMAT " kB in them; freed spans %s\n",
               advised, huge, p.keeping ? "kept" : "over " G_STRINGIFY (NKG_CLI_FREED_CAP_MIB) " MiB given back");
    }
  pipeline_clear (&p);
  nkg_input_set_report (in, NULL, NULL);
  summary->input = *nkg_input_get_stats (in);
  if (hooks->file)
    {
      nkg_input_set_file_filter (in, NULL, NULL);
      printer.files = NULL;
      Files *fs = &p.files;
      summary->input.duplicates += fs->duplicates;
      while (!g_queue_is_empty (&fs->reading))
        g_ptr_array_add (fs->done, g_queue_pop_head (&fs->reading));
      for (guint i = 0; i < fs->done->len && hooks->file_read && !fs->said_all; i++)
        {
          Track *t = g_ptr_array_index (fs->done, i);
          if (!t->said)
            hooks->file_read (t->path, t->source, t->held, data);
        }
      g_ptr_array_unref (fs->done);
      g_hash_table_unref (fs->sources);
      g_hash_table_unref (fs->seen);
    }
}

void
nkg_build_input_run_hooks (const char *cmd, NkgInput *in, const NkgBuildInputOptions *opt,
                           const NkgLexicon *lexicon, const NkgBuildHooks *hooks, gpointer data,
                           NkgBuildInputSummary *summary)
{
  (void) cmd;
  run_hooks (in, opt, lexicon, NULL, hooks, data, summary);
}

void
nkg_build_input_run_loading (const char *cmd, NkgInput *in, const NkgBuildInputOptions *opt,
                             NkgBuildLexicon *lexicon, const NkgBuildHooks *hooks,
                             gpointer data, NkgBuildInputSummary *summary)
{
  (void) cmd;
  run_hooks (in, opt, NULL, lexicon, hooks, data, summary);
}

char *
nkg_build_input_summary_text (const NkgBuildInputSummary *s)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  if (s->input.duplicates)
    g_ptr_array_add (parts, g_strdup_printf ("%u duplicate%s", s->input.duplicates,
                                             s->input.duplicates == 1 ? "" : "s"));
  if (s->input.other_language)
    g_ptr_array_add (parts, g_strdup_printf ("%u in another language", s->input.other_language));
  if (s->input.warnings)
    g_ptr_array_add (parts, g_strdup_printf ("%u unusable record%s", s->input.warnings,
                                             s->input.warnings == 1 ? "" : "s"));
  if (!parts->len)
    return g_strdup ("");
  GString *out = g_string_new (", ");
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (out, "%s%s", i == 0 ? "" : i + 1 == parts->len ? " and " : ", ",
                            (const char *) g_ptr_array_index (parts, i));
  g_string_append (out, " skipped");
  return g_string_free (out, FALSE);
}
