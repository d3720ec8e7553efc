/* input.h — the input layer: command-line inputs in, articles out.
 *
 * Walks files and folders (walk.h), opens each input with decompression
 * (source.h), picks a reader by content (reader.h), and hands every
 * article to the caller in one deterministic order: inputs sorted by
 * dcterms:source, records in file order. On the way it applies two rules
 * of the whole run: articles not in the languages asked for are skipped
 * (libexttextcat, lang.h), and an article whose content key was already
 * read is skipped as a duplicate (PLAN D5), so that support counts count
 * sources, not copies.
 *
 * Nothing here prints: every skip, warning and note reaches the caller as
 * an event, to be shown as one line (or not) as the caller sees fit.
 *
 *   g_autoptr (NkgInput) in = nkg_input_new ();
 *   nkg_input_set_report (in, on_event, data);
 *   if (!nkg_input_add (in, "articles/", &error)) …
 *   nkg_input_run (in, on_article, data, &error);
 */
#pragma once

#include <glib.h>

#include "article.h"

G_BEGIN_DECLS

typedef enum {
  NKG_INPUT_EVENT_READ,      /* an article was read (source, reader, encoding, language) */
  NKG_INPUT_EVENT_DUPLICATE, /* skipped: its content key was read before */
  NKG_INPUT_EVENT_LANGUAGE,  /* skipped: written in a language not asked for */
  NKG_INPUT_EVENT_NOTE,      /* passed over as no article, as expected: an image in a
                              * WARC, a redirect, an empty file, a hidden record */
  NKG_INPUT_EVENT_SKIP,      /* passed over where a user may expect a read: a FIFO or a
                              * file of no article format in a folder, a link loop */
  NKG_INPUT_EVENT_WARNING,   /* a record inside a file that could not be read (a bad
                              * JSON line, an item without text): the rest was read */
  NKG_INPUT_EVENT_ERROR,     /* a file that could not be read (or not to the end), a
                              * folder that could not be opened, a broken link */
} NkgInputEventKind;

typedef struct {
  NkgInputEventKind kind;
  const char *where;   /* the file path, or the record's dcterms:source */
  const char *message; /* one line: no source, no final full stop */
  const NkgArticle *article; /* READ, DUPLICATE, LANGUAGE; else NULL */
} NkgInputEvent;

typedef void (*NkgInputReportFunc) (const NkgInputEvent *event, gpointer data);
/* Receives an article (taken); FALSE stops the reading. */
typedef gboolean (*NkgInputArticleFunc) (NkgArticle *article, gpointer data);

typedef struct {
  guint files_total, files_done;
  guint64 bytes_total, bytes_done; /* sizes of regular files (compressed) */
  guint articles;       /* handed to the caller */
  guint duplicates;     /* skipped as copies */
  guint other_language; /* skipped for their language */
  guint skipped;        /* SKIP events */
  guint warnings;       /* WARNING events */
  guint errors;         /* ERROR events */
} NkgInputStats;

typedef struct _NkgInput NkgInput;

NkgInput *nkg_input_new (void);
void nkg_input_free (NkgInput *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgInput, nkg_input_free)

void nkg_input_set_report (NkgInput *in, NkgInputReportFunc func, gpointer data);

/* Field names for JSON records: key "json-text", "json-title",
 * "json-date", "json-url" (a dotted name reaches into objects). */
void nkg_input_set_option (NkgInput *in, const char *key, const char *value);

/* Reads every named input with this reader instead of sniffing (records
 * inside containers are still sniffed). */
gboolean nkg_input_set_reader (NkgInput *in, const char *name, GError **error);

/* How many threads detect languages: 0 (the default) one per core; 1
 * detects on the thread that runs nkg_input_run, starting none. */
void nkg_input_set_threads (NkgInput *in, guint threads);

/* Languages to keep: "en" (the default), a comma-separated list of ISO
 * 639-1 codes, or "any". Articles too short to tell are kept. */
gboolean nkg_input_set_languages (NkgInput *in, const char *languages, GError **error);

/* Adds a command-line input: a file, a folder, or "-" (standard input).
 * Fails when it does not exist. */
gboolean nkg_input_add (NkgInput *in, const char *arg, GError **error);
guint nkg_input_n_files (const NkgInput *in);

/* Adds content held in memory (fetched, generated, a fuzzer's input) as
 * if it were a file named `name` on the command line. */
void nkg_input_add_bytes (NkgInput *in, const char *name, GBytes *bytes);

/* Reads everything added, handing articles to `func` in order. Errors in
 * single inputs are events; FALSE only when reading cannot go on. */
gboolean nkg_input_run (NkgInput *in, NkgInputArticleFunc func, gpointer data, GError **error);

const NkgInputStats *nkg_input_get_stats (const NkgInput *in);

/* For a caller that remembers what files held (a build state): called on
 * the reading thread before each file is opened, in processing order.
 * First with `settled` FALSE: TRUE means the caller may know the file;
 * then every article of the files before it is handed on, and it is
 * called again with `settled` TRUE: TRUE there means the file is not read
 * at all (the caller accounts for its articles). Not for inputs in memory
 * or standard input. */
typedef struct _NkgInputFile NkgInputFile;
typedef gboolean (*NkgInputFileFunc) (const NkgInputFile *file, gboolean settled, gpointer data);
void nkg_input_set_file_filter (NkgInput *in, NkgInputFileFunc func, gpointer data);

/* One article of one file, read as a build reads it (same readers,
 * options and text; no language or duplicate rule): the record whose
 * dcterms:source is the file's name + "#" + `fragment` ("record-3",
 * "line-2", "news/a.html"), or the file's first article when `fragment`
 * is NULL. For `newskg text`, which prints the text evidence offsets
 * count into. Uses `in`'s options; adds nothing to it. */
NkgArticle *nkg_input_read_article (NkgInput *in, const char *path, const char *fragment,
                                    GError **error);

G_END_DECLS
