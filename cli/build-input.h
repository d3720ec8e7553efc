/* build-input.h — the input half of `newskg build` (and of any command
 * that extracts articles): the input layer's options, its events as one
 * line each on stderr, a progress line on a terminal, and extraction in
 * parallel with the documents handed on in input order.
 */
#pragma once

#include <glib.h>

#include "extract/docfacts.h"
#include "extract/lexicon.h"
#include "input/input.h"

/* Freed spans are kept (cli/main.c) while a build has read less text
 * than this, and kept only up to NKG_CLI_FREED_CAP from then on: all kept
 * for 100 MB of news, tcmalloc's peak was over issue #12's 600 MiB. build-input.c draws the
 * line while reading, cmd_build.c once all is read. */
#define NKG_CLI_KEEP_FREED_BYTES ((guint64) 32 << 20)
/* Past that line, freed spans are still kept, up to this many bytes, for
 * the rest of the build (a thread gives back what is over it: common.c,
 * nkg_cli_cap_freed). Given back at every free, the finish's spans freed
 * and taken again cost 150,000 page faults and an madvise each on 100 MB
 * of news, and the kernel's time made 100 MB cost more per MB than 10.
 * 16, not start32's 32: with 32, syn100's -j 2 peak reached 598-601 MiB
 * in two of four runs merged with the day's other changes (issue #12's
 * line is 600); 16 kept 591-594 in three (tests/test-input-cli.c's
 * /input-cli/heap reads the number in the NEWSKG_TIMES heap line). */
#define NKG_CLI_FREED_CAP_MIB 16
#define NKG_CLI_FREED_CAP ((gsize) NKG_CLI_FREED_CAP_MIB << 20)

G_BEGIN_DECLS

typedef struct {
  char *json_text, *json_title, *json_date, *json_url;
  char *lang;         /* --lang: "en" (default), "en,de", "any" */
  char *input_format; /* --input-format: a reader's name, or NULL to sniff */
  gboolean verbose;
  gboolean quiet;     /* no progress line (and no summary: the caller's) */
  int jobs;           /* extraction threads, and at most as many detecting languages; 0: one per core */
  gboolean strict;    /* --strict: any input skipped is an error (the caller's check) */
} NkgBuildInputOptions;

/* The options above as GOptionEntries bound to `opt` (static storage:
 * one set per process). */
const GOptionEntry *nkg_build_input_entries (NkgBuildInputOptions *opt);
void nkg_build_input_options_clear (NkgBuildInputOptions *opt);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NkgBuildInputOptions, nkg_build_input_options_clear)

/* Receives one document's facts (taken), in input order. */
typedef void (*NkgBuildDocFunc) (NkgDocFacts *facts, gpointer data);

typedef struct {
  guint documents;      /* handed to the callback */
  guint files_known;    /* files not read: the `file` hook knew them */
  guint failed;         /* articles extraction refused */
  guint reused;         /* of `documents`: decoded from a record, not extracted */
  guint left;           /* articles the choose hook left out */
  guint64 text_bytes;   /* of the documents: their text, or their records' bytes */
  NkgInputStats input;  /* what the input layer counted */
} NkgBuildInputSummary;

/* Inputs that could not be read: files (and folders, broken links) that
 * failed, records inside files that could not be used, articles extraction
 * refused. Warnings: the output is still written (exit status 0), and the
 * summary counts them. */
guint nkg_build_input_n_not_read (const NkgBuildInputSummary *summary);

/* What --strict refuses: those, and what was passed over with a line where
 * a user may have expected a read (a file of no article format, a FIFO or a
 * device in a folder, a folder reached twice, an empty file named).
 * Duplicates, other languages and what is no article by rule (an image in
 * a WARC, a README in a folder) are never counted. */
guint nkg_build_input_n_skipped (const NkgBuildInputSummary *summary);

/* Checks the options and walks the inputs (fails on a missing input or
 * a bad option, before anything is read). `cmd` prefixes messages. */
NkgInput *nkg_build_input_open (const char *cmd, char **inputs, const NkgBuildInputOptions *opt,
                                GError **error);

/* Reads every input, extracts the articles on `opt->jobs` threads, and
 * hands each document to `func` in input order. Prints skipped inputs and
 * errors on stderr as they happen. */
void nkg_build_input_run (const char *cmd, NkgInput *in, const NkgBuildInputOptions *opt,
                          const NkgLexicon *lexicon, NkgBuildDocFunc func, gpointer data,
                          NkgBuildInputSummary *summary);

/* What to do with an article the input layer passed (its language and
 * duplicate rules applied): extract it, leave it out (another shard's),
 * or take its document from elsewhere (a build state) instead. */
typedef enum {
  NKG_BUILD_EXTRACT,
  NKG_BUILD_LEAVE,
  NKG_BUILD_REUSE,
} NkgBuildChoice;

/* For commands that keep documents (extract, build --state). */
typedef struct {
  /* On the reading thread, for each article in input order. May set `key`
   * (a string kept with the article, handed to `doc`), and for
   * NKG_BUILD_REUSE must set `record` (taken), which `decode` turns into
   * the document on a worker thread. NULL: extract everything. */
  NkgBuildChoice (*choose) (const NkgArticle *article, char **key, GBytes **record,
                            gpointer data);
  NkgDocFacts *(*decode) (GBytes *record, gpointer data, GError **error);
  /* Each document (taken), in input order, with its key and, when it was
   * reused, its record. */
  void (*doc) (NkgDocFacts *facts, const char *key, GBytes *record, gpointer data);
  /* Optional, for callers that remember what files held (build --state):
   * on the reading thread, before a file is opened. With `settled` FALSE:
   * may the caller know this file (`known` NULL)? With `settled` TRUE
   * (the articles of the files before it handed on): TRUE and `known`
   * (NkgBuildKnown*, taken) when the caller knows what the file holds,
   * so that it is not read; its documents are decoded from the records. */
  gboolean (*file) (const NkgInputFile *file, gboolean settled, GPtrArray **known,
                    gpointer data);
  /* Optional, after the run: each file read whose every article went to
   * `doc` with nothing said about the file (no note, warning, error,
   * duplicate, other language or failed extraction), with what it held
   * (NkgBuildKnown*, record NULL), in order. Such a file, unchanged, gives
   * the same documents again. */
  void (*file_read) (const char *path, const char *source, GPtrArray *held, gpointer data);
  /* Optional, on the reading thread, for each record about to be decoded:
   * TRUE hands it to `held` undecoded, in its place in the order of
   * `doc`, for the caller to decode with nkg_build_input_decode only if
   * it needs the document (build --state: not when the last run's
   * outputs are this run's). */
  gboolean (*hold) (gpointer data);
  void (*held) (const char *key, const char *source, GBytes *record, gpointer data);
} NkgBuildHooks;

/* One article of a known file: its key (from `choose`), its content key
 * (PLAN D5), its source, and its record. */
typedef struct {
  char *key, *content_key, *source;
  GBytes *record;
} NkgBuildKnown;

NkgBuildKnown *nkg_build_known_new (const char *key, const char *content_key, const char *source,
                                    GBytes *record);
void nkg_build_known_free (NkgBuildKnown *k);

/* nkg_build_input_run with hooks; `summary->reused` counts the documents
 * decoded rather than extracted. */
void nkg_build_input_run_hooks (const char *cmd, NkgInput *in, const NkgBuildInputOptions *opt,
                                const NkgLexicon *lexicon, const NkgBuildHooks *hooks,
                                gpointer data, NkgBuildInputSummary *summary);

/* The lexicon (and the tagger's tables), loaded on a thread of its own
 * while the input is read: with two or more threads the start of a run
 * was serial, one core waiting for the lexicon while the other had
 * walked the inputs. */
typedef struct _NkgBuildLexicon NkgBuildLexicon;

/* Starts loading on a new thread, or, with `thread` FALSE, loads the
 * lexicon alone here. */
NkgBuildLexicon *nkg_build_lexicon_load (gboolean thread);
/* The same, started only when the first article is to be extracted:
 * a --state run that extracts none (every article's record is reused)
 * does not load the lexicon at all (0.05 CPU s, a tenth of a run that
 * finds nothing new). */
NkgBuildLexicon *nkg_build_lexicon_defer (gboolean thread);
/* Waits for the load; the lexicon (taken), or NULL and `error`; NULL and
 * no error for a deferred load that was never needed. */
NkgLexicon *nkg_build_lexicon_finish (NkgBuildLexicon *load, GError **error);

/* nkg_build_input_run_hooks with the lexicon still loading: the input is
 * read and its languages detected meanwhile, and the workers wait for it.
 * If it cannot be loaded, reading stops and no document is handed on
 * (nkg_build_lexicon_finish says why). */
void nkg_build_input_run_loading (const char *cmd, NkgInput *in, const NkgBuildInputOptions *opt,
                                  NkgBuildLexicon *lexicon, const NkgBuildHooks *hooks,
                                  gpointer data, NkgBuildInputSummary *summary);

/* Decodes the records of `held` (NkgBuildKnown*: key, source, record) on
 * `opt->jobs` threads and hands each document to `hooks->doc` in that
 * order, as nkg_build_input_run_hooks would have; a record that cannot be
 * decoded is named on stderr and counted in `summary->failed`. */
void nkg_build_input_decode (const NkgBuildInputOptions *opt, const NkgBuildHooks *hooks,
                             gpointer data, GPtrArray *held, NkgBuildInputSummary *summary);

/* ", 2 duplicates and 1 article in another language skipped" or "". */
char *nkg_build_input_summary_text (const NkgBuildInputSummary *summary);

G_END_DECLS
