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

/* Removes the temporary files of writes in progress. Async-signal-safe:
 * for a SIGINT/SIGTERM handler, which the program (not this library)
 * installs, before it re-raises the signal. */
void nkg_write_atomic_abort (void);

G_END_DECLS
