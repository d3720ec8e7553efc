/* walk.h — command-line inputs to the list of files to read.
 *
 * A file is taken as named (a FIFO and /dev/stdin too); "-" is standard
 * input; a folder is searched recursively for regular files, skipping
 * hidden entries and version-control and packaging folders. A symbolic
 * link is followed to a file, and to a folder only when that folder (by
 * device and inode) was not visited yet, so links can neither loop nor
 * read a tree twice. FIFOs, sockets and devices inside folders are
 * skipped: reading them could block forever.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NkgInputFile {
  char *path;      /* to open; "-" for standard input */
  char *source;    /* dcterms:source (PLAN D4): the path relative to the
                    * folder argument, a file argument's base name, "-" */
  guint64 size;    /* bytes, 0 when unknown (FIFO, standard input) */
  gboolean named;  /* given on the command line, not found in a folder */
  GBytes *bytes;   /* the content, for inputs given in memory; else NULL */
} NkgInputFile;

void nkg_input_file_free (NkgInputFile *f);

typedef struct _NkgWalk NkgWalk;

/* Called for each entry skipped inside a folder, with a short reason;
 * `failed` when it could not be read (a folder that cannot be opened, an
 * entry that cannot be examined, a broken link) rather than passed over on
 * purpose (a FIFO, a device, a folder already read). */
typedef void (*NkgWalkSkipFunc) (const char *path, const char *why, gboolean failed,
                                 gpointer data);

NkgWalk *nkg_walk_new (NkgWalkSkipFunc skip, gpointer data);
void nkg_walk_free (NkgWalk *w);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgWalk, nkg_walk_free)

/* Adds what `arg` names to `files` (NkgInputFile*). Fails when the
 * argument itself does not exist or cannot be read; trouble further down
 * is reported through the skip function. */
gboolean nkg_walk_add (NkgWalk *w, const char *arg, GPtrArray *files, GError **error);

G_END_DECLS
