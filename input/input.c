/* input.c — see input.h. Also the readers' context (reader.h). */
#include "input.h"

#include "lang.h"
#include "reader.h"
#include "source.h"
#include "walk.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

struct _NkgInput {
  GPtrArray *files; /* NkgInputFile* */
  NkgWalk *walk;
  NkgInputReportFunc report;
  gpointer report_data;
  GHashTable *options;
  const NkgReader *forced;
  GStrv languages;  /* NULL: any */
  /* Language detection costs about as much as reading an article, so it
   * runs on a thread pool; articles come back in reading order. */
  GThreadPool *pool;
  GAsyncQueue *done;   /* LangJob*, the first of a batch detected */
  GHashTable *waiting; /* seq → LangJob*, detected, waiting for their turn */
  guint next_seq, next_release;
  guint batches;       /* batches with the detectors */
  struct _LangJob *fill, *fill_last; /* the batch being gathered */
  guint fill_n;
  gsize fill_bytes;
  guint threads;           /* detection threads; 0: one per core */
  NkgLang *lang;           /* shared by the threads: read-only once made */
  GMutex lang_lock;        /* lang, lang_error */
  char *lang_error;        /* why profiles could not be loaded */
  gboolean lang_error_reported;
  GHashTable *keys; /* content key → dcterms:source of the first article */
  NkgInputStats stats;
  NkgInputFileFunc filter;
  gpointer filter_data;
  /* During a run. */
  NkgInputArticleFunc func;
  gpointer func_data;
  gboolean stopped;
  NkgSource *current;
  guint64 done_bytes; /* of files finished */
};

struct _NkgReadContext {
  NkgInput *in;
  const NkgInputFile *file;
};

static void
report (NkgInput *in, NkgInputEventKind kind, const char *where, const NkgArticle *a,
        const char *message)
{
  if (kind == NKG_INPUT_EVENT_SKIP)
    in->stats.skipped++;
  else if (kind == NKG_INPUT_EVENT_WARNING)
    in->stats.warnings++;
  else if (kind == NKG_INPUT_EVENT_ERROR)
    in->stats.errors++;
  if (!in->report)
    return;
  NkgInputEvent ev = { kind, where, message, a };
  in->report (&ev, in->report_data);
}

static void
walk_skip (const char *path, const char *why, gboolean failed, gpointer data)
{
  report (data, failed ? NKG_INPUT_EVENT_ERROR : NKG_INPUT_EVENT_SKIP, path, NULL, why);
}

NkgInput *
nkg_input_new (void)
{
  xmlInitParser ();
  NkgInput *in = g_new0 (NkgInput, 1);
  in->files = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_input_file_free);
  in->walk = nkg_walk_new (walk_skip, in);
  in->options = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  in->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  in->languages = g_strsplit ("en", ",", -1);
  g_mutex_init (&in->lang_lock);
  return in;
}

void
nkg_input_free (NkgInput *in)
{
  if (!in)
    return;
  g_ptr_array_unref (in->files);
  nkg_walk_free (in->walk);
  g_hash_table_unref (in->options);
  g_hash_table_unref (in->keys);
  g_strfreev (in->languages);
  nkg_lang_free (in->lang);
  g_mutex_clear (&in->lang_lock);
  g_free (in->lang_error);
  g_free (in);
}

void
nkg_input_set_report (NkgInput *in, NkgInputReportFunc func, gpointer data)
{
  in->report = func;
  in->report_data = data;
}

void
nkg_input_set_option (NkgInput *in, const char *key, const char *value)
{
  if (value)
    g_hash_table_replace (in->options, g_strdup (key), g_strdup (value));
  else
    g_hash_table_remove (in->options, key);
}

gboolean
nkg_input_set_reader (NkgInput *in, const char *name, GError **error)
{
  const NkgReader *r = nkg_reader_lookup (name);
  if (!r)
    {
      GString *names = g_string_new (NULL);
      for (const NkgReader *const *t = nkg_readers (); *t; t++)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", (*t)->name);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "unknown input format '%s' (one of: %s)",
                   name, names->str);
      g_string_free (names, TRUE);
      return FALSE;
    }
  in->forced = r;
  return TRUE;
}

void
nkg_input_set_threads (NkgInput *in, guint threads)
{
  in->threads = threads;
}

gboolean
nkg_input_set_languages (NkgInput *in, const char *languages, GError **error)
{
  g_clear_pointer (&in->languages, g_strfreev);
  if (!languages || g_ascii_strcasecmp (languages, "any") == 0)
    return TRUE;
  g_auto (GStrv) parts = g_strsplit (languages, ",", -1);
  GPtrArray *codes = g_ptr_array_new ();
  for (guint i = 0; parts[i]; i++)
    {
      char *c = g_strstrip (parts[i]);
      gsize n = strlen (c);
      gboolean ok = n >= 2 && n <= 3;
      for (gsize k = 0; k < n; k++)
        ok = ok && g_ascii_isalpha (c[k]);
      if (!ok)
        {
          g_ptr_array_free (codes, TRUE);
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--lang takes language codes like 'en' or 'en,de', or 'any': %s", languages);
          in->languages = g_strsplit ("en", ",", -1);
          return FALSE;
        }
      g_ptr_array_add (codes, g_ascii_strdown (c, -1));
    }
  g_ptr_array_add (codes, NULL);
  in->languages = (GStrv) g_ptr_array_free (codes, FALSE);
  return TRUE;
}

gboolean
nkg_input_add (NkgInput *in, const char *arg, GError **error)
{
  if (!nkg_walk_add (in->walk, arg, in->files, error))
    return FALSE;
  in->stats.files_total = in->files->len;
  in->stats.bytes_total = 0;
  for (guint i = 0; i < in->files->len; i++)
    in->stats.bytes_total += ((NkgInputFile *) g_ptr_array_index (in->files, i))->size;
  return TRUE;
}

void
nkg_input_add_bytes (NkgInput *in, const char *name, GBytes *bytes)
{
  NkgInputFile *f = g_new0 (NkgInputFile, 1);
  f->path = g_strdup (name);
  f->source = g_path_get_basename (name);
  f->size = g_bytes_get_size (bytes);
  f->named = TRUE;
  f->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (in->files, f);
  in->stats.files_total = in->files->len;
  in->stats.bytes_total += f->size;
}

guint
nkg_input_n_files (const NkgInput *in)
{
  return in->files->len;
}

const NkgInputStats *
nkg_input_get_stats (const NkgInput *in)
{
  return &in->stats;
}

void
nkg_input_set_file_filter (NkgInput *in, NkgInputFileFunc func, gpointer data)
{
  in->filter = func;
  in->filter_data = data;
}

/* ---- the readers' side ---- */

const char *
nkg_read_option (NkgReadContext *ctx, const char *key)
{
  return g_hash_table_lookup (ctx->in->options, key);
}

gboolean
nkg_read_stopped (NkgReadContext *ctx)
{
  return ctx->in->stopped;
}

void
nkg_read_skip (NkgReadContext *ctx, const char *source, gboolean warn, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  report (ctx->in, warn ? NKG_INPUT_EVENT_WARNING : NKG_INPUT_EVENT_NOTE, source, NULL, msg);
}

/* "en-GB", "EN_us" → "en". */
static char *
primary_language (const char *tag)
{
  if (!tag || !*tag)
    return NULL;
  gsize n = strcspn (tag, "-_ ");
  if (n < 2 || n > 3)
    return NULL;
  return g_ascii_strdown (tag, (gssize) n);
}

static gboolean
wanted_language (NkgInput *in, const char *code)
{
  if (!in->languages)
    return TRUE;
  for (guint i = 0; in->languages[i]; i++)
    if (strcmp (in->languages[i], code) == 0)
      return TRUE;
  return FALSE;
}

/* ---- language, on worker threads ---- */

/* Articles go to the detectors in batches of up to BATCH_ARTICLES, or
 * fewer that hold BATCH_BYTES of text: a thread wake-up there and back
 * for every article cost more than detecting a short one. */
#define BATCH_ARTICLES 16
#define BATCH_BYTES (64 * 1024)

typedef struct _LangJob LangJob;
struct _LangJob {
  LangJob *next; /* the next of its batch */
  guint seq;
  NkgArticle *article;
  GStrv codes; /* the languages found, best first; NULL: cannot tell */
};

static void
detect_one (LangJob *j, NkgInput *in)
{
  /* One detector for all threads, made when first needed; its profiles
   * (only read once loaded, and dear to load) are loaded when a text
   * first needs them, and a failure is reported from there on. */
  g_mutex_lock (&in->lang_lock);
  if (!in->lang)
    in->lang = nkg_lang_new_lazy (NULL);
  NkgLang *l = in->lang;
  g_mutex_unlock (&in->lang_lock);
  j->codes = nkg_lang_detect (l, j->article->text, j->article->len);
  if (nkg_lang_error (l))
    {
      g_mutex_lock (&in->lang_lock);
      if (!in->lang_error)
        in->lang_error = g_strdup (nkg_lang_error (l));
      g_mutex_unlock (&in->lang_lock);
    }
}

/* A detector: a batch, handed back once done. */
static void
detect_language (gpointer data, gpointer user_data)
{
  NkgInput *in = user_data;
  for (LangJob *j = data; j; j = j->next)
    detect_one (j, in);
  g_async_queue_push (in->done, data);
}

/* Sets the article's language from what was found; FALSE when it is one
 * not asked for. Text too short to tell keeps what the source declared. */
static gboolean
settle_language (NkgInput *in, NkgArticle *a, GStrv codes, char **found)
{
  g_autofree char *declared = primary_language (a->language);
  g_free (a->language);
  a->language = NULL;
  if (!codes || !codes[0])
    {
      a->language = g_steal_pointer (&declared);
      return TRUE;
    }
  /* Close calls list several languages: keep the article when any of
   * them is wanted, so that English with many foreign names stays. */
  for (guint i = 0; codes[i]; i++)
    if (wanted_language (in, codes[i]))
      {
        a->language = g_strdup (codes[i]);
        return TRUE;
      }
  *found = g_strdup (codes[0]);
  return FALSE;
}

static gboolean
blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* The rules of the run, in reading order: language, then duplicates;
 * what passes goes to the caller. */
static void
release (NkgInput *in, LangJob *j)
{
  g_autoptr (NkgArticle) a = g_steal_pointer (&j->article);
  g_auto (GStrv) codes = g_steal_pointer (&j->codes);
  g_free (j);
  if (in->stopped)
    return;
  /* Set once, by whichever thread first needed the profiles. */
  g_mutex_lock (&in->lang_lock);
  const char *lang_error = in->lang_error;
  g_mutex_unlock (&in->lang_lock);
  if (lang_error && !in->lang_error_reported)
    {
      in->lang_error_reported = TRUE;
      g_autofree char *msg = g_strdup_printf ("%s: every article is read whatever its language",
                                              lang_error);
      report (in, NKG_INPUT_EVENT_WARNING, "language detection", NULL, msg);
    }
  g_autofree char *other = NULL;
  if (!settle_language (in, a, codes, &other))
    {
      in->stats.other_language++;
      g_autofree char *msg = NULL;
      if (in->languages && in->languages[0] && !in->languages[1])
        msg = g_strdup_printf ("written in '%s', not '%s' (--lang any reads it)", other, in->languages[0]);
      else
        msg = g_strdup_printf ("written in '%s' (--lang any reads it)", other);
      report (in, NKG_INPUT_EVENT_LANGUAGE, a->source, a, msg);
      return;
    }
  const char *first = g_hash_table_lookup (in->keys, a->content_key);
  if (first)
    {
      in->stats.duplicates++;
      g_autofree char *msg = g_strdup_printf ("same text as %s", first);
      report (in, NKG_INPUT_EVENT_DUPLICATE, a->source, a, msg);
      return;
    }
  g_hash_table_insert (in->keys, g_strdup (a->content_key), g_strdup (a->source));
  in->stats.articles++;
  in->stats.bytes_done = in->done_bytes + (in->current ? nkg_source_position (in->current) : 0);
  report (in, NKG_INPUT_EVENT_READ, a->source, a, a->format);
  if (!in->func (g_steal_pointer (&a), in->func_data))
    in->stopped = TRUE;
}

/* Takes detected articles (a batch) and releases every one now in order. */
static void
collect (NkgInput *in, LangJob *batch)
{
  for (LangJob *j = batch, *next; j; j = next)
    {
      next = j->next;
      j->next = NULL;
      g_hash_table_insert (in->waiting, GUINT_TO_POINTER (j->seq), j);
    }
  LangJob *j;
  while ((j = g_hash_table_lookup (in->waiting, GUINT_TO_POINTER (in->next_release))))
    {
      g_hash_table_remove (in->waiting, GUINT_TO_POINTER (in->next_release));
      in->next_release++;
      release (in, j);
    }
}

/* Reading runs ahead of detection by at most this many batches per thread. */
#define AHEAD_PER_THREAD 2

/* Hands the batch gathered so far to the detectors. */
static void
flush_batch (NkgInput *in)
{
  if (!in->fill)
    return;
  in->batches++;
  g_thread_pool_push (in->pool, in->fill, NULL);
  in->fill = in->fill_last = NULL;
  in->fill_n = 0;
  in->fill_bytes = 0;
}

/* Every article read so far released (or dropped), in order. */
static void
drain (NkgInput *in)
{
  if (in->pool)
    flush_batch (in);
  while (in->batches)
    {
      in->batches--;
      collect (in, g_async_queue_pop (in->done));
    }
}

gboolean
nkg_read_emit (NkgReadContext *ctx, NkgArticle *article)
{
  g_autoptr (NkgArticle) a = article;
  NkgInput *in = ctx->in;
  if (in->stopped)
    return FALSE;
  if (blank (a->text))
    {
      report (in, NKG_INPUT_EVENT_NOTE, a->source, a, "no text");
      return TRUE;
    }
  LangJob *j = g_new0 (LangJob, 1);
  j->seq = in->next_seq++;
  j->article = g_steal_pointer (&a);
  if (!in->pool)
    {
      detect_one (j, in);
      collect (in, j);
      return !in->stopped;
    }
  if (in->fill_last)
    in->fill_last->next = j;
  else
    in->fill = j;
  in->fill_last = j;
  in->fill_bytes += j->article->len;
  if (++in->fill_n >= BATCH_ARTICLES || in->fill_bytes >= BATCH_BYTES)
    flush_batch (in);
  LangJob *done;
  while ((done = g_async_queue_try_pop (in->done)))
    {
      in->batches--;
      collect (in, done);
    }
  guint window = AHEAD_PER_THREAD * MAX (g_thread_pool_get_max_threads (in->pool), 1);
  while (in->batches > window)
    {
      in->batches--;
      collect (in, g_async_queue_pop (in->done));
    }
  return !in->stopped;
}

/* Least score a sniffed reader needs: inside folders (and containers) a
 * file must look like its format; named on the command line, a faint
 * likeness (markup that no other reader claims, read as text) will do. */
#define MIN_SCORE_IN_FOLDER 5
#define MIN_SCORE_NAMED 1

static gboolean
dispatch (NkgReadContext *ctx, NkgSource *src, const NkgReader *forced, gboolean named,
          const char *where, GError **error)
{
  gsize len;
  const guchar *head = nkg_source_head (src, &len, error);
  if (!head)
    return FALSE;
  if (len == 0)
    {
      report (ctx->in, named ? NKG_INPUT_EVENT_SKIP : NKG_INPUT_EVENT_NOTE, where, NULL, "empty");
      return TRUE;
    }
  const NkgReader *reader = forced;
  guint score = 100;
  if (!reader)
    {
      g_autofree char *base = g_path_get_basename (where);
      reader = nkg_reader_sniff (head, len, base, !named, &score);
    }
  if (!reader || score < (named ? MIN_SCORE_NAMED : MIN_SCORE_IN_FOLDER))
    {
      if (named)
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT,
                       "not an article format (binary data, or markup of no known kind)");
          return FALSE;
        }
      report (ctx->in, NKG_INPUT_EVENT_SKIP, where, NULL, "not an article format");
      return TRUE;
    }
  return reader->read (ctx, src, error);
}

gboolean
nkg_read_nested (NkgReadContext *ctx, NkgSource *src, const char *reader, GError **error)
{
  const NkgReader *r = reader ? nkg_reader_lookup (reader) : NULL;
  return dispatch (ctx, src, r, FALSE, nkg_source_name (src), error);
}

static int
file_cmp (gconstpointer a, gconstpointer b)
{
  const NkgInputFile *x = *(NkgInputFile *const *) a, *y = *(NkgInputFile *const *) b;
  int c = strcmp (x->source, y->source);
  return c ? c : strcmp (x->path, y->path);
}

/* The file filter's answer (input.h): the articles of the files before
 * are handed on first, so that the caller's duplicates rule sees them. */
static gboolean
known_file (NkgInput *in, const NkgInputFile *f)
{
  if (!in->filter || f->bytes || strcmp (f->path, "-") == 0
      || !in->filter (f, FALSE, in->filter_data))
    return FALSE;
  drain (in);
  return !in->stopped && in->filter (f, TRUE, in->filter_data);
}

gboolean
nkg_input_run (NkgInput *in, NkgInputArticleFunc func, gpointer data, GError **error)
{
  (void) error;
  in->func = func;
  in->func_data = data;
  in->stopped = FALSE;
  in->done = g_async_queue_new ();
  in->waiting = g_hash_table_new (NULL, NULL);
  in->next_seq = in->next_release = in->batches = 0;
  /* The detectors are the layer's own threads: started (all at once,
   * exclusive to this run) with every signal blocked, so that signals
   * reach the caller's threads, as a program that handles them expects.
   * With one thread allowed, the reading thread detects itself. */
  guint threads = in->threads ? in->threads : MAX (g_get_num_processors (), 1);
  if (threads > 1)
    {
      sigset_t all, old;
      sigfillset (&all);
      pthread_sigmask (SIG_BLOCK, &all, &old);
      in->pool = g_thread_pool_new (detect_language, in, (gint) threads, TRUE, NULL);
      pthread_sigmask (SIG_SETMASK, &old, NULL);
    }
  /* PLAN D5: first in processing order wins, and the order is the sorted
   * sources, whatever order the arguments or the folders gave. */
  g_ptr_array_sort (in->files, file_cmp);
  for (guint i = 0; i < in->files->len && !in->stopped; i++)
    {
      const NkgInputFile *f = g_ptr_array_index (in->files, i);
      NkgReadContext ctx = { in, f };
      GError *e = NULL;
      const char *shown = strcmp (f->path, "-") == 0 ? "standard input" : f->path;
      if (!known_file (in, f))
        {
          NkgSource *src = f->bytes ? nkg_source_new_for_bytes (f->bytes, f->source)
                                    : nkg_source_open (f->path, f->source, &e);
          if (src)
            {
              in->current = src;
              if (!dispatch (&ctx, src, in->forced, f->named, f->path, &e) && !e && !in->stopped)
                g_set_error (&e, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "cannot be read");
              in->current = NULL;
              nkg_source_free (src);
            }
          if (e)
            {
              report (in, NKG_INPUT_EVENT_ERROR, shown, NULL, e->message);
              g_error_free (e);
            }
        }
      in->done_bytes += f->size;
      in->stats.files_done++;
      in->stats.bytes_done = in->done_bytes;
    }
  drain (in);
  if (in->pool)
    g_thread_pool_free (in->pool, FALSE, TRUE);
  in->pool = NULL;
  g_async_queue_unref (in->done);
  g_hash_table_unref (in->waiting);
  in->func = NULL;
  return TRUE;
}

typedef struct {
  char *want; /* dcterms:source wanted, or NULL for the first */
  NkgArticle *found;
} Pick;

static gboolean
pick_article (NkgArticle *a, gpointer data)
{
  Pick *p = data;
  if (!p->want || strcmp (a->source, p->want) == 0)
    {
      p->found = a;
      return FALSE; /* found: stop reading */
    }
  nkg_article_free (a);
  return TRUE;
}

/* Keeps the first error a one-article read meets, to say why it failed. */
static void
pick_report (const NkgInputEvent *ev, gpointer data)
{
  char **first = data;
  if (!*first && (ev->kind == NKG_INPUT_EVENT_ERROR || ev->kind == NKG_INPUT_EVENT_SKIP))
    *first = g_strdup_printf ("%s: %s", ev->where, ev->message);
}

NkgArticle *
nkg_input_read_article (NkgInput *in, const char *path, const char *fragment, GError **error)
{
  g_autoptr (NkgInput) one = nkg_input_new ();
  nkg_input_set_languages (one, "any", NULL);
  one->forced = in ? in->forced : NULL;
  if (in)
    {
      GHashTableIter it;
      gpointer k, v;
      g_hash_table_iter_init (&it, in->options);
      while (g_hash_table_iter_next (&it, &k, &v))
        nkg_input_set_option (one, k, v);
    }
  g_autofree char *problem = NULL;
  nkg_input_set_report (one, pick_report, &problem);
  if (!nkg_input_add (one, path, error))
    return NULL;
  if (one->files->len != 1)
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "%s: not a single file", path);
      return NULL;
    }
  const NkgInputFile *f = g_ptr_array_index (one->files, 0);
  Pick p = { fragment ? g_strdup_printf ("%s#%s", f->source, fragment) : NULL, NULL };
  nkg_input_run (one, pick_article, &p, NULL);
  if (!p.found)
    {
      if (fragment)
        g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "%s has no record %s%s%s", path,
                     p.want, problem ? ": " : "", problem ? problem : "");
      else
        g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "%s holds no article%s%s", path,
                     problem ? ": " : "", problem ? problem : "");
    }
  g_free (p.want);
  return p.found;
}
