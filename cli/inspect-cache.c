/* inspect-cache.c — where the inspection commands keep snapshots of the
 * graphs they read (graph/snapshot.h), and when.
 *
 * The first command on a large graph file parses it and writes a snapshot
 * under $XDG_CACHE_HOME/newskg/, named by a hash of the file's canonical
 * path; later commands read the snapshot instead, for as long as it is a
 * good snapshot of the file as the file is now (graph/snapshot.c checks
 * the file's stamp and checksum and the snapshot's own checksum). A
 * snapshot that fails is ignored and rewritten.
 *
 * Files under NEWSKG_CACHE_MIN_BYTES (default 4 MiB) parse fast enough and
 * are never cached; NEWSKG_CACHE=0 turns the cache off.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "graph/load.h"
#include "graph/snapshot.h"

static guint64
env_min_bytes (void)
{
  const char *v = g_getenv ("NEWSKG_CACHE_MIN_BYTES");
  return v ? g_ascii_strtoull (v, NULL, 10) : 4 * 1024 * 1024;
}

static char *
snapshot_path (const char *turtle)
{
  g_autofree char *abs = g_canonicalize_filename (turtle, NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, abs, -1);
  sum[32] = '\0';
  g_autofree char *name = g_strconcat (sum, ".snapshot", NULL);
  return g_build_filename (g_get_user_cache_dir (), "newskg", name, NULL);
}

/* Parses the Turtle and writes its snapshot, if the file stayed the same
 * while it was read (a build replacing it meanwhile makes the snapshot
 * worthless). A cache that cannot be written only costs speed: no error. */
static NkgGraph *
load_and_cache (const char *path, const char *snap_path, GError **error)
{
  NkgSnapshotSource before, after;
  gboolean stamped = nkg_snapshot_source_of (path, TRUE, &before, NULL);
  NkgGraph *g = nkg_graph_load_turtle (path, error);
  if (!g || !stamped || !nkg_snapshot_source_of (path, FALSE, &after, NULL)
      || after.size != before.size || after.mtime_ns != before.mtime_ns
      || after.ctime_ns != before.ctime_ns || after.ino != before.ino || after.dev != before.dev)
    return g;
  g_autofree char *dir = g_path_get_dirname (snap_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return g;
  g_autoptr (GBytes) bytes = nkg_snapshot_bytes (g, &before);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* atomically, so a reader never maps half a snapshot */
  nkg_write_atomic_bytes (snap_path, data, len, NULL);
  return g;
}

NkgGraph *
nkg_cli_load_graph (const char *path, GError **error)
{
  GStatBuf st;
  const char *flag = g_getenv ("NEWSKG_CACHE");
  gboolean use = !(flag && strcmp (flag, "0") == 0) && g_stat (path, &st) == 0
                 && S_ISREG (st.st_mode) && (guint64) st.st_size >= env_min_bytes ();
  if (!use)
    return nkg_graph_load_turtle (path, error);
  g_autofree char *snap_path = snapshot_path (path);
  NkgGraph *g = nkg_snapshot_load (snap_path, path);
  return g ? g : load_and_cache (path, snap_path, error);
}
