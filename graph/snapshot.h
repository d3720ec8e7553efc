/* snapshot.h — a loaded graph saved in binary, so that inspecting a large
 * corpus.ttl does not parse it every time.
 *
 * A snapshot is a 128-byte header and one GVariant payload (columns of
 * fixed-width numbers and NUL-separated texts, in the graph's sorted
 * order). The header names the Turtle file it was made from — its size,
 * modification and change times, inode and device, and an XXH3-128 of its
 * bytes — and carries an XXH3-128 of the payload. A snapshot is used only
 * when both checksums hold and the Turtle file is still the one it names;
 * anything else (a damaged, foreign, older or stale snapshot) is refused
 * and the caller parses the Turtle instead. The Turtle stays the only
 * source of truth.
 *
 * Next to the Turtle loader (load.h) and building through the same
 * constructors (nkg_graph_intern_doc, nkg_graph_new_fact …).
 */
#pragma once

#include <gio/gio.h>

#include "graph/graph.h"

G_BEGIN_DECLS

/* The Turtle file a snapshot was made from. */
typedef struct {
  guint64 size;
  guint64 mtime_ns, ctime_ns; /* the kernel sets ctime on every change */
  guint64 ino, dev;
  guint64 sum[2];             /* XXH3-128 of the file's bytes (high, low) */
  guint64 hashed_ns;          /* when the stamp was taken, just before the
                               * bytes were summed (ns since the epoch;
                               * 0 when they were not) */
} NkgSnapshotSource;

/* `path`'s stamp; with `checksum`, also the XXH3-128 of its bytes (read in
 * large blocks: about 0.3 s per GB from the page cache) and the moment
 * they were summed. FALSE when it cannot be read or is no regular file. */
gboolean nkg_snapshot_source_of (const char *path, gboolean checksum, NkgSnapshotSource *out,
                                 GError **error);

/* Whether two stamps name the same file as it was: size, modification and
 * change times, inode and device (not the checksum). */
gboolean nkg_snapshot_same_stamp (const NkgSnapshotSource *a, const NkgSnapshotSource *b);

/* nkg_snapshot_source_of (path, TRUE, …) on a thread of its own while the
 * caller reads the file or a snapshot of it (summing a large file costs
 * about as much as parsing or mapping it, so the wait is the longer of
 * the two, not their sum); on the caller's thread when no thread can be
 * made. Start it, then wait for it once. */
typedef struct {
  char *path;               /* NULL: not started, or waited for */
  NkgSnapshotSource source; /* the stamp and checksum, after the wait */
  gboolean ok;              /* the file could be read */
  GThread *thread;
} NkgSourceSum;

void nkg_snapshot_source_sum_start (NkgSourceSum *job, const char *path);
/* Waits for the sum: TRUE with job->source set when the file was read. */
gboolean nkg_snapshot_source_sum_wait (NkgSourceSum *job);

/* The snapshot of a finished or loaded `graph`, made from `source` (NULL:
 * from no file, so that no cache ever takes it for one: tests, fuzzing). */
GBytes *nkg_snapshot_bytes (NkgGraph *graph, const NkgSnapshotSource *source);

/* The same bytes, written to `out` as they are made, without the copies
 * of the whole snapshot that nkg_snapshot_bytes holds in memory. */
gboolean nkg_snapshot_write (NkgGraph *graph, const NkgSnapshotSource *source,
                             GOutputStream *out, GError **error);

/* The same bytes in two steps, for a snapshot made while its Turtle file
 * is still being written (on another thread: it reads the graph, and
 * uses the items' `priv` meanwhile): the payload and block table, after
 * a blank header as long as the real one; then, once the source is
 * known, the header to write over the blank at the start. The blank (all
 * zeros) is no snapshot, so a file left with it is refused. */
typedef struct _NkgSnapshotDraft NkgSnapshotDraft;
NkgSnapshotDraft *nkg_snapshot_draft_write (NkgGraph *graph, GOutputStream *out, GError **error);
GBytes *nkg_snapshot_draft_header (NkgSnapshotDraft *draft, const NkgSnapshotSource *source);
void nkg_snapshot_draft_free (NkgSnapshotDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgSnapshotDraft, nkg_snapshot_draft_free)

/* `payload` (a snapshot's GVariant, as the fuzzer makes up) with a good
 * header for `source` (NULL: none). */
GBytes *nkg_snapshot_seal (GBytes *payload, const NkgSnapshotSource *source);

/* The graph in a snapshot's bytes, whatever file it was made from; the
 * source it names in *source when not NULL. NULL when the bytes are no
 * snapshot of this version or fail a check. Untrusted input: the checksum,
 * then every count and index is checked (fuzz/fuzz-snapshot.c). */
NkgGraph *nkg_snapshot_graph (GBytes *bytes, NkgSnapshotSource *source);

/* The graph in the snapshot file `snap_path` if it is a good snapshot of
 * the Turtle file `turtle_path` as that file is now: the same stamp and,
 * unless the stamp is trusted alone (snapshot.c, stamp_trusted), the same
 * checksum of its bytes (computed while the payload is read, on a second
 * thread). NULL otherwise. */
NkgGraph *nkg_snapshot_load (const char *snap_path, const char *turtle_path);

/* Reading in place: a snapshot whose columns are read where they are
 * mapped, for a command that needs one entity rather than the graph.
 * Untrusted like nkg_snapshot_graph: every offset and index is checked
 * when used, and a damaged snapshot makes a call fail (FALSE, -1, NULL),
 * after which the caller reads the graph the usual way. */
typedef struct _NkgSnapshotView NkgSnapshotView;

/* The view of a snapshot's bytes (kept referenced); NULL when they are no
 * snapshot of this version or fail the checksum or the columns' framing. */
NkgSnapshotView *nkg_snapshot_view_new (GBytes *bytes, NkgSnapshotSource *source);
/* As nkg_snapshot_load, but only mapped and checked: NULL unless the
 * snapshot file is a good one of the Turtle file as it is now. */
NkgSnapshotView *nkg_snapshot_view_load (const char *snap_path, const char *turtle_path);
void nkg_snapshot_view_free (NkgSnapshotView *view);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgSnapshotView, nkg_snapshot_view_free)

gsize nkg_snapshot_view_n_entities (const NkgSnapshotView *view);
/* The graph's base IRI, or NULL. */
const char *nkg_snapshot_view_base (const NkgSnapshotView *view);
/* Entity `i`'s IRI, name (NULL when it has none), class and mentions, as
 * the graph would have them; the texts point into the snapshot. Any out
 * argument may be NULL. FALSE when `i` is out of range or damaged. */
gboolean nkg_snapshot_view_entity (const NkgSnapshotView *view, gsize i, const char **iri,
                                   const char **name, NkgClass *klass, guint *mentions);
/* The index of the entity whose IRI is `iri`, or -1. */
gssize nkg_snapshot_view_entity_by_iri (const NkgSnapshotView *view, const char *iri);
/* The entities with a name or alias whose nkg_name_key is `key`, in the
 * order graph->index lists them (*n == 0: none); FALSE when damaged. */
gboolean nkg_snapshot_view_find_key (const NkgSnapshotView *view, const char *key,
                                     const guint32 **entities, gsize *n);
/* Entity `i`'s aliases, in the graph's order, appended to `out` as texts
 * pointing into the snapshot. FALSE when out of range or damaged. */
gboolean nkg_snapshot_view_aliases (const NkgSnapshotView *view, gsize i, GPtrArray *out);
gsize nkg_snapshot_view_n_docs (const NkgSnapshotView *view);
gsize nkg_snapshot_view_n_quotes (const NkgSnapshotView *view);
/* Document `i`'s date (NULL when it has none). */
gboolean nkg_snapshot_view_doc_date (const NkgSnapshotView *view, gsize i, const char **date);
/* Every entity's nkg_query_degree (distinct entities linked by a fact in
 * either direction), from the columns, every index checked: a new array
 * of n_entities, or NULL when damaged. */
guint32 *nkg_snapshot_view_degrees (const NkgSnapshotView *view);

/* The name index's keys in order: key `i` (pointing into the snapshot)
 * and the entities having it, as nkg_snapshot_view_find_key gives them.
 * FALSE when out of range or damaged. */
gsize nkg_snapshot_view_n_keys (const NkgSnapshotView *view);
gboolean nkg_snapshot_view_key (const NkgSnapshotView *view, gsize i, const char **key,
                                const guint32 **entities, gsize *n);

/* A small graph holding what a card of entity `i` shows: the entity
 * (names, documents, quotes), its facts in both directions with their
 * documents and evidence and conflicting facts, and the entities at their
 * other ends (IRI, name, class, mentions only: their aliases, own facts,
 * documents and quotes are not loaded). Without EVIDENCE (a card that
 * quotes no sentence) the facts have no evidence and their documents are
 * only counted: each one's docs list holds that many NULLs; documents
 * have their IRI, source, title and date only. Every list
 * keeps the whole graph's order, so what is printed of the entity is what
 * the whole graph prints. *entity is the entity in it. NULL when
 * damaged. */
NkgGraph *nkg_snapshot_view_neighbourhood (const NkgSnapshotView *view, gsize i,
                                           gboolean evidence, NkgEntity **entity);


/* A small graph of the entities `core` and the facts `facts` (indices in
 * increasing order, each once), as a diagram draws them: the entities with
 * their names only (no documents, quotes or facts of their own), the facts
 * without documents (nkg_snapshot_view_columns counts them) or evidence
 * (nkg_snapshot_view_fact_evidence lists it), and the entities at their
 * ends. *entities gets the made entity of each of `core`, *made the made
 * fact of each fact's index + 1 (GUINT_TO_POINTER). NULL when damaged. */
NkgGraph *nkg_snapshot_view_subgraph (const NkgSnapshotView *view, const guint32 *core, gsize n,
                                      const guint32 *facts, gsize n_facts, GPtrArray **entities,
                                      GHashTable **made);

/* Fact `fact`'s evidence (indices, in the graph's order), and evidence
 * `i`'s IRI, text (NULL when it has none) and place in its article, the
 * texts pointing into the snapshot. FALSE when out of range or damaged. */
gboolean nkg_snapshot_view_fact_evidence (const NkgSnapshotView *view, gsize fact,
                                          const guint32 **evidence, gsize *n);
gboolean nkg_snapshot_view_evidence (const NkgSnapshotView *view, gsize i, const char **iri,
                                     const char **text, guint *start, guint *end);

gsize nkg_snapshot_view_n_facts (const NkgSnapshotView *view);

/* The columns a whole-graph diagram selects from, every index checked:
 * entities in IRI order (class, mentions, where their documents, quotes
 * and facts going out start: entity i's are [at[i], at[i + 1])), facts in the
 * graph's order (subject, object + 1 or 0 for a literal, property, flags
 * (1: from the gazetteer), where their documents start). FALSE when
 * damaged. */
typedef struct {
  gsize n_entities, n_facts;
  const gint32 *ent_class;
  const guint32 *ent_mentions, *ent_doc_at, *ent_quote_at, *ent_out_at, *ent_out;
  const guint32 *fact_subject, *fact_object, *fact_flags, *fact_doc_at;
  const gint32 *fact_prop;
} NkgSnapshotColumns;

gboolean nkg_snapshot_view_columns (const NkgSnapshotView *view, NkgSnapshotColumns *out);

G_END_DECLS
