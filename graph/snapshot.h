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

#include <glib.h>

#include "graph/graph.h"

G_BEGIN_DECLS

/* The Turtle file a snapshot was made from. */
typedef struct {
  guint64 size;
  guint64 mtime_ns, ctime_ns; /* the kernel sets ctime on every change */
  guint64 ino, dev;
  guint64 sum[2];             /* XXH3-128 of the file's bytes (high, low) */
} NkgSnapshotSource;

/* `path`'s stamp; with `checksum`, also the XXH3-128 of its bytes (read in
 * large blocks: about 0.3 s per GB from the page cache). FALSE when it
 * cannot be read or is no regular file. */
gboolean nkg_snapshot_source_of (const char *path, gboolean checksum, NkgSnapshotSource *out,
                                 GError **error);

/* The snapshot of a finished or loaded `graph`, made from `source` (NULL:
 * from no file, so that no cache ever takes it for one: tests, fuzzing). */
GBytes *nkg_snapshot_bytes (NkgGraph *graph, const NkgSnapshotSource *source);

/* `payload` (a snapshot's GVariant, as the fuzzer makes up) with a good
 * header for `source` (NULL: none). */
GBytes *nkg_snapshot_seal (GBytes *payload, const NkgSnapshotSource *source);

/* The graph in a snapshot's bytes, whatever file it was made from; the
 * source it names in *source when not NULL. NULL when the bytes are no
 * snapshot of this version or fail a check. Untrusted input: the checksum,
 * then every count and index is checked (fuzz/fuzz-snapshot.c). */
NkgGraph *nkg_snapshot_graph (GBytes *bytes, NkgSnapshotSource *source);

/* The graph in the snapshot file `snap_path` if it is a good snapshot of
 * the Turtle file `turtle_path` as that file is now: the same stamp and the
 * same checksum of its bytes (computed while the payload is read, on a
 * second thread). NULL otherwise. */
NkgGraph *nkg_snapshot_load (const char *snap_path, const char *turtle_path);

G_END_DECLS
