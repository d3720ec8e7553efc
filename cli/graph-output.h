/* graph-output.h — writing a finished graph, for every command that makes
 * one (build, merge): the options -o/--format/--dot/--svg/--base/--json/-q,
 * the files through the exporter table, and the summary, so that build
 * and merge write the same bytes and say the same things.
 */
#pragma once

#include <glib.h>

#include "export/export.h"
#include "graph/graph.h"

G_BEGIN_DECLS

typedef struct {
  char *output, *format, *dot, *svg, *base;
  gboolean json, quiet;
  gboolean no_cache; /* --no-cache: no snapshot for the inspection commands */
  const NkgExporter *exporter; /* resolved by nkg_graph_output_check */
} NkgGraphOutput;

void nkg_graph_output_clear (NkgGraphOutput *out);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NkgGraphOutput, nkg_graph_output_clear)

/* The options above as GOptionEntries bound to `out` (static storage:
 * one set per process). `quiet` says what -q silences besides the summary. */
const GOptionEntry *nkg_graph_output_entries (NkgGraphOutput *out, const char *quiet);

/* Checks --base and --format, picks the exporter (named, else by the -o
 * extension, else Turtle) and, without -o, the file name corpus.EXT.
 * Prints the error and returns FALSE on a bad option. */
gboolean nkg_graph_output_check (const char *cmd, NkgGraphOutput *out);

/* One count of the summary, in the order given: "articles", "duplicates". */
typedef struct {
  const char *name;
  gint64 value;
} NkgSummaryCount;

/* Writes the graph and the diagrams, then the summary: JSON on stdout
 * with --json (the counts, then entities, facts, evidence, quotes,
 * conflicts, warnings and the files), else one line on stderr unless -q:
 * "newskg: HEAD → N entities, … → FILE (FORMAT)TAIL". The files are
 * replaced together, once all are written and the JSON summary is out, or
 * none is. Returns 0, or 2 after printing why a file (or the summary)
 * could not be written. */
int nkg_graph_output_write (const char *cmd, const NkgGraphOutput *out, NkgGraph *graph,
                            const NkgSummaryCount *counts, guint n_counts, const char *head,
                            const char *tail);

/* What the summary says of the graph and its writing. */
typedef struct {
  guint entities, facts, evidence, quotes, conflicts;
  guint warnings; /* lines the exporters printed (repaired literals) */
} NkgGraphCounts;

void nkg_graph_counts (const NkgGraph *graph, NkgGraphCounts *gc);

/* nkg_graph_output_write, also giving what its summary said (`gc`). */
int nkg_graph_output_write_counted (const char *cmd, const NkgGraphOutput *out, NkgGraph *graph,
                                    const NkgSummaryCount *counts, guint n_counts,
                                    const char *head, const char *tail, NkgGraphCounts *gc);

/* The summary alone, as nkg_graph_output_write prints it, for files that
 * are already what the graph would give (build --state, nothing changed
 * since the run that wrote them and counted `gc`). 0, or 2 when standard
 * output could not take it. */
int nkg_graph_output_unchanged (const char *cmd, const NkgGraphOutput *out,
                                const NkgGraphCounts *gc, const NkgSummaryCount *counts,
                                guint n_counts, const char *head, const char *tail);

/* The files of a run that found the same documents as the one that wrote
 * `from` (one path per file given, in the order -o, --dot, --svg; NULL
 * where a file is in place already): each is copied to the path asked
 * for, the copies replaced together as nkg_graph_output_write replaces
 * its files, then the summary (of `gc`). No snapshot for the inspection
 * commands is stored (the first one makes it). 0, or 2 after printing
 * why a file could not be copied. */
int nkg_graph_output_copy (const char *cmd, const NkgGraphOutput *out, const char *const *from,
                           const NkgGraphCounts *gc, const NkgSummaryCount *counts,
                           guint n_counts, const char *head, const char *tail);

G_END_DECLS
