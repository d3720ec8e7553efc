/* common.h — what the inspection subcommands share.
 *
 * Option parsing with the common options (-g/--graph, --json, --color),
 * help text with an example, loading the graph (or reusing the one the
 * shell holds), colour that appears only on a terminal and never under
 * NO_COLOR, entity lookup with "did you mean", and JSON output through
 * json-glib. Every error is one line on stderr, prefixed "newskg: ".
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "graph/graph.h"
#include "graph/snapshot.h"
#include "input/article.h"

G_BEGIN_DECLS

/* Exit statuses of every inspection command. */
enum {
  NKG_EXIT_OK = 0,
  NKG_EXIT_NOT_FOUND = 1,
  NKG_EXIT_USAGE = 2,
};

#define NKG_DEFAULT_GRAPH "corpus.ttl"

/* One run of one subcommand. `shell_graph` is the graph the shell already
 * holds (borrowed), or NULL outside the shell. */
typedef struct {
  const char *cmd;       /* subcommand name, for messages */
  NkgGraph *shell_graph; /* borrowed */
  const char *shell_path;
  NkgGraph *own_graph;   /* loaded for this run */
  /* common options */
  char *graph_path;
  char *color_when;
  gboolean json;
  gboolean help;
  gboolean color;        /* resolved */
  GOptionContext *context;
  char **args;           /* the parsed copy of argv */
  gboolean exiting;      /* a one-shot command: the process ends after it */
} NkgCli;

/* Parses argv (argv[0] is the subcommand) with the common options plus
 * `entries`. `params` names the positional arguments for the usage line,
 * `summary` says what the command does, `example` shows one use.
 * Returns -1 to go on, or an exit status (0 after printing --help, 2 on a
 * bad option, with the message printed). On -1, *argv holds the remaining
 * positional arguments with argv[0] still the command name. */
int nkg_cli_parse (NkgCli *cli, const GOptionEntry *entries, const char *params,
                   const char *summary, const char *example, int *argc, char ***argv);

/* Flushes standard output. Returns 0 while every write so far reached
 * it, else the error number of the first flush that failed, or -1 when an
 * earlier write failed and the reason is gone: a full disk or a closed
 * descriptor is reported, not taken for success (main.c turns it into
 * exit status 2). */
int nkg_cli_flush_stdout (void);

/* GOption reads "-j 4" but takes "-j4" for the letters j and 4. Returns
 * a copy of the NULL-terminated `argv` in which every "-Xvalue" whose X is
 * a short option of `tables` (a NULL-terminated list of option tables)
 * that takes a value is split into "-X" "value"; argv[0] and everything
 * after "--" are left alone. Free with g_strfreev. */
char **nkg_cli_split_short_values (char **argv, const GOptionEntry *const *tables);

/* Prints a usage error for the command and returns NKG_EXIT_USAGE. */
int nkg_cli_usage_error (NkgCli *cli, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

/* Prints "newskg: CMD: MESSAGE" on stderr. */
void nkg_cli_error (NkgCli *cli, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

/* The graph to work on: the shell's, or loaded from -g (default
 * corpus.ttl). NULL after printing the error (exit 2). */
NkgGraph *nkg_cli_graph (NkgCli *cli);

void nkg_cli_clear (NkgCli *cli);

/* Loads a corpus.ttl, through the snapshot cache for large files (see
 * inspect-cache.c, graph/snapshot.h). */
NkgGraph *nkg_cli_load_graph (const char *path, GError **error);

/* For a command about one entity (`show`): when `path` has a good
 * snapshot and `query` plainly names one entity in it (its IRI, or the one
 * name or alias of that key, of class `klass`), the small graph of that
 * entity read in place (nkg_snapshot_view_neighbourhood; its facts'
 * evidence only with `evidence`) and the entity in *entity; NULL
 * otherwise, and the caller loads the whole graph. */
NkgGraph *nkg_cli_load_entity (const char *path, const char *query, NkgClass klass,
                               gboolean evidence, NkgEntity **entity);

/* For a command that reads the whole graph but can read it in place
 * (`dot` without --focus): the good snapshot of `path`, mapped, when it
 * has one (graph/snapshot.h); NULL otherwise, and the caller loads the
 * graph. */
NkgSnapshotView *nkg_cli_load_view (const char *path);

/* The same for a command's -g graph, unless the shell's graph is the one
 * meant or the whole graph is loaded already. */
NkgGraph *nkg_cli_entity_graph (NkgCli *cli, const char *query, NkgClass klass,
                                gboolean evidence, NkgEntity **entity);

/* For `build` and `merge`, which have the graph in memory: before the
 * Turtle file staged at `staged` (nkg_atomic_stage_file) is committed,
 * its stamp and checksum in *out — FALSE when no snapshot is wanted (the
 * cache is off, the file is small or not a plain file). Once committed as
 * `path`, nkg_cli_cache_store writes the snapshot of `graph` that the
 * inspection commands will find for `path`, as nkg_cli_load_graph would
 * have written it. */
gboolean nkg_cli_cache_stamp_staged (const char *staged, NkgSnapshotSource *out);
void nkg_cli_cache_store (const char *path, NkgGraph *graph, const NkgSnapshotSource *staged);
/* The same snapshot made on a thread of its own while the Turtle file is
 * written (both only read the finished graph): started before the
 * Turtle is written to `path`, NULL when no snapshot will be wanted or
 * the graph is too small for a Turtle file worth one (then
 * nkg_cli_cache_store still can write it). Finished once the Turtle file
 * is committed, with its staged stamp; with NULL, the draft is dropped.
 * Either way the thread has ended when this returns. */
typedef struct _NkgCacheDraft NkgCacheDraft;
NkgCacheDraft *nkg_cli_cache_draft_start (const char *path, NkgGraph *graph);
void nkg_cli_cache_draft_finish (NkgCacheDraft *draft, const char *path,
                                 const NkgSnapshotSource *staged);

/* An article read from a file the way `build` reads it, so that `text`
 * prints what evidence offsets count into. The one place that reads an
 * article for inspection, through the input layer's readers: `fragment`
 * names a record of a container ("record-3", "line-2", "item-1",
 * "news/a.html"); without it, the file's first article. */
NkgArticle *nkg_cli_read_article (const char *path, const char *fragment, GError **error);

/* Ctrl-C, SIGTERM or SIGHUP while an output is written: its temporary
 * file is removed (the old file was never touched) and the process dies
 * of the signal as usual. For the commands that write files. */
void nkg_cli_clean_up_on_signals (void);

/* Blocks (TRUE) or unblocks those signals in the calling thread. Threads
 * inherit the mask they are started with: start worker threads while they
 * are held, so that the signals reach the thread that writes the outputs,
 * which holds them off while it registers a temporary file. */
void nkg_cli_hold_signals (gboolean hold);

/* With NEWSKG_TIMES set in the environment, prints on standard error
 * the wall time and the process's CPU time (user + system) since the
 * previous call, as "newskg: time NAME …", for finding where a run's
 * time goes (bench/); otherwise does nothing. The first call starts the
 * clock. */
void nkg_cli_phase (const char *name);
/* The CPU time of the calling thread so far, in microseconds. */
gint64 nkg_cli_thread_cpu_us (void);
/* Whether NEWSKG_TIMES is set. */
gboolean nkg_cli_timing (void);
/* Whether the allocator gives the memory it frees back to the system at
 * once (TRUE: a lower peak, paid in page faults when it is taken again)
 * or keeps it for reuse. Only tcmalloc has the choice; elsewhere a no-op. */
void nkg_cli_give_back_freed (gboolean now);
/* While freed spans are kept: when the allocator holds more than `cap`
 * bytes of them, gives all but cap / 2 back to the system (TRUE when it
 * did). So a long run keeps enough for reuse without its peak growing by
 * whatever it freed. Only tcmalloc; elsewhere FALSE. */
gboolean nkg_cli_give_back_freed_over (gsize cap);
/* Freed spans kept up to `cap` bytes for the rest of the process: a
 * thread gives back what is over it every few milliseconds (with another
 * allocator than tcmalloc: nkg_cli_give_back_freed (TRUE)). */
void nkg_cli_cap_freed (gsize cap);
/* For a command about to read articles: a block of `bytes` the allocator
 * takes at once and keeps for later allocations (freed spans are kept
 * from here on: nkg_cli_give_back_freed (TRUE) to undo), advised for
 * transparent huge pages, so that filling it takes few page faults.
 * Only with tcmalloc; elsewhere a no-op. */
void nkg_cli_reserve_heap (gsize bytes);
#define NKG_CLI_HEAP_RESERVE ((gsize) 32 << 20)
/* The process's memory advised for huge pages and the part of its
 * anonymous memory in them, in kB, from /proc/self/smaps (0 without). */
void nkg_cli_huge_pages (guint64 *advised_kb, guint64 *huge_kb);

/* Colour: these return "" when colour is off. */
const char *nkg_cli_bold (NkgCli *cli);
const char *nkg_cli_dim (NkgCli *cli);
const char *nkg_cli_accent (NkgCli *cli);
const char *nkg_cli_warn (NkgCli *cli);
const char *nkg_cli_reset (NkgCli *cli);

/* Resolves NAME to one entity, or prints why not and returns NULL with
 * *status set: unknown (exit 1, "did you mean" on stderr, and with --json
 * a JSON error document on stdout) or ambiguous (exit 1, the candidates on
 * stdout, text or JSON). `klass` narrows (NKG_CLASS_NONE: any). */
NkgEntity *nkg_cli_resolve (NkgCli *cli, NkgGraph *graph, const char *name, NkgClass klass,
                            int *status);

/* Parses a --type value: a class key or "any". Prints the error and
 * returns FALSE when unknown. */
gboolean nkg_cli_parse_class (NkgCli *cli, const char *text, NkgClass *klass);

/* Prints the JSON document rooted in `root` on stdout, pretty, with a
 * final newline. */
void nkg_cli_print_json (JsonNode *root);

/* One member of the JSON object being built: a string (null for NULL),
 * a whole number. */
void nkg_json_member_string (JsonBuilder *b, const char *key, const char *value);
void nkg_json_member_int (JsonBuilder *b, const char *key, gint64 value);

/* JSON helpers used by several commands, keys stable:
 * entity reference: {"iri","name","class"} */
void nkg_json_entity_ref (JsonBuilder *b, const NkgEntity *e);
/* a fact: {"iri","subject","property","object","value","support",
 *          "confidence","documents","evidence","gazetteer","conflicts"} */
void nkg_json_fact (JsonBuilder *b, const NkgFact *f);
/* a document: {"iri","source","title","date","url","format","language"} */
void nkg_json_doc (JsonBuilder *b, const NkgDoc *d);
/* a sentence: {"iri","document","source","start","end","text"} */
void nkg_json_evidence (JsonBuilder *b, const NkgEvidence *ev);

/* Display width of a UTF-8 string, in characters. */
guint nkg_cli_width (const char *s);

/* Prints `s` padded with spaces to `width` characters. */
void nkg_cli_pad (FILE *out, const char *s, guint width);

/* Like nkg_cli_pad, but a longer `s` is cut to `width` ending in "…". */
void nkg_cli_pad_cut (FILE *out, const char *s, guint width);

/* Name or literal at the far end of a fact, seen from `from`. */
const char *nkg_fact_other (const NkgFact *f, const NkgEntity *from);

/* Confidence as printed everywhere: two decimals. */
char *nkg_cli_confidence (double c);

/* "Rajnath Singh" or, for the shell, every name and alias of every entity
 * (for tab completion), sorted and unique. */
GPtrArray *nkg_cli_all_names (NkgGraph *graph);

/* Runs an inspection subcommand (show, list, search, facts, path, stats)
 * inside the shell on its graph. Returns the exit status, or -1 when
 * `argv[0]` is not one. */
int nkg_inspect_dispatch (NkgGraph *graph, const char *path, int argc, char **argv);

G_END_DECLS
