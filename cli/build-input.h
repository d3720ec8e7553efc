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

G_BEGIN_DECLS

typedef struct {
  char *json_text, *json_title, *json_date, *json_url;
  char *lang;         /* --lang: "en" (default), "en,de", "any" */
  char *input_format; /* --input-format: a reader's name, or NULL to sniff */
  gboolean verbose;
  gboolean quiet;     /* no progress line (and no summary: the caller's) */
  int jobs;           /* extraction threads; 0: one per core */
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
  guint failed;         /* articles extraction refused */
  NkgInputStats input;  /* what the input layer counted */
} NkgBuildInputSummary;

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

/* ", 2 duplicates and 1 article in another language skipped" or "". */
char *nkg_build_input_summary_text (const NkgBuildInputSummary *summary);

G_END_DECLS
