/* atomic.h — writing an output file so that it is never half there.
 *
 * Every output newskg writes (RDF, DOT, SVG, the CLI's snapshot cache) goes
 * through nkg_write_atomic: the bytes go to a temporary file beside the
 * target, which is flushed, synced and closed, and only then renamed over
 * the target. A full disk, a write error, a crash or a Ctrl-C therefore
 * leaves the old file as it was, and a reader never sees a half-written
 * one. What is not a plain file keeps working as it did with fopen:
 *   "-", /dev/stdout    standard output (/dev/stderr, /dev/fd/N: that
 *                       descriptor, as the shell opened it);
 *   a device or FIFO    written in place (/dev/null, /dev/stdout, a pipe);
 *   a symbolic link     its final target is replaced; the link stays.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the whole output to `out`. The stream is flushed and closed by
 * nkg_write_atomic, not by the writer. */
typedef gboolean (*NkgStreamWriter) (GOutputStream *out, gpointer data, GError **error);

/* Writes `path` through `writer` as described above. On failure nothing
 * is left behind: the temporary file is removed and the target untouched. */
gboolean nkg_write_atomic (const char *path, NkgStreamWriter writer, gpointer data,
                           GError **error);

/* The same for bytes already in memory. */
gboolean nkg_write_atomic_bytes (const char *path, const void *data, gsize len, GError **error);

/* Several outputs that must be replaced together or not at all: each is
 * written as above, but a plain file's complete temporary is kept beside
 * its target until nkg_atomic_commit renames it into place; freeing an
 * uncommitted stage removes it (so does a signal, as for a write in
 * progress). Standard output, devices and FIFOs cannot wait: they are
 * written at once, and their stage commits nothing. On failure `*stage` is
 * NULL and nothing is left behind. */
typedef struct _NkgAtomicStage NkgAtomicStage;
gboolean nkg_write_atomic_staged (const char *path, NkgStreamWriter writer, gpointer data,
                                  NkgAtomicStage **stage, GError **error);
gboolean nkg_atomic_commit (NkgAtomicStage *stage, GError **error);
/* The complete temporary file of `stage` while it is staged (not yet
 * committed), else NULL: nothing is staged for standard output, devices
 * and FIFOs. Lets a caller read back what it wrote before committing it. */
const char *nkg_atomic_stage_file (const NkgAtomicStage *stage);
void nkg_atomic_stage_free (NkgAtomicStage *stage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgAtomicStage, nkg_atomic_stage_free)

/* Removes the temporary files of writes in progress. Async-signal-safe:
 * for a SIGINT/SIGTERM handler, which the program (not this library)
 * installs, before it re-raises the signal. */
void nkg_write_atomic_abort (void);

G_END_DECLS
