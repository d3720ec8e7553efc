/* inspect-cache.c — where the inspection commands keep snapshots of the
 * graphs they read (graph/snapshot.h), and when.
 *
 * The first command on a large graph file parses it and writes a snapshot
 * under $XDG_CACHE_HOME/newskg/, named by a hash of the file's canonical
 * path; later commands read the snapshot instead, for as long as it is a
 * good snapshot of the file as the file is now (graph/snapshot.c checks
 * the file's stamp, and its checksum when the stamp alone could hide a
 * change, and the checksums of the snapshot's blocks it reads). A
 * snapshot that fails is ignored and rewritten.
 *
 * `build` and `merge` write the snapshot of the graph they have just written
 * (nkg_cli_cache_stamp_staged, nkg_cli_cache_store), so that the first
 * inspection after a build is already a cached one; a Turtle file made
 * elsewhere gets its snapshot at its first inspection.
 *
 * Files under NEWSKG_CACHE_MIN_BYTES (default 4 MiB) parse fast enough and
 * are never cached; NEWSKG_CACHE=0 turns the cache off.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

#include "common.h"
#include "export/atomic.h"
#include "graph/load.h"
#include "graph/names.h"
#include "graph/query.h"
#include "graph/snapshot.h"

static guint64
env_min_bytes (void)
{
  const char *v = g_getenv ("NEWSKG_CACHE_MIN_BYTES");
  return v ? g_ascii_strtoull (v, NULL, 10) : 4 * 1024 * 1024;
}

static gboolean
cache_enabled (void)
{
  const char *flag = g_getenv ("NEWSKG_CACHE");
  return !(flag && strcmp (flag, "0") == 0);
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

typedef struct {
  NkgGraph *graph;
  const NkgSnapshotSource *source;
} StreamSnapshot;

static gboolean
stream_snapshot (GOutputStream *out, gpointer data, GError **error)
{
  StreamSnapshot *job = data;
  return nkg_snapshot_write (job->graph, job->source, out, error);
}

/* Parses the Turtle and writes its snapshot, if the file stayed the same
 * while it was read (a build replacing it meanwhile makes the snapshot
 * worthless). A cache that cannot be written only costs speed: no error. */
static NkgGraph *
load_and_cache (const char *path, const char *snap_path, GError **error)
{
  /* The file's stamp and checksum on a thread of their own while it is
   * parsed: reading and summing the whole file again is a second or two
   * on a large graph, most of it while the parser leaves a core idle. The
   * stamp is still taken before the parse ends, and compared after. */
  NkgSourceSum job;
  nkg_snapshot_source_sum_start (&job, path);
  /* A large graph parsed into memory: its peak, as a build's, is kept
   * down by giving freed spans back at once (a 795 MB Turtle: 1,179 MiB
   * instead of 1,293 MiB, for about a fifth more CPU). */
  nkg_cli_give_back_freed (TRUE);
  NkgGraph *g = nkg_graph_load_turtle (path, error);
  nkg_cli_give_back_freed (FALSE);
  gboolean stamped = nkg_snapshot_source_sum_wait (&job);
  NkgSnapshotSource before = job.source, after;
  if (!g || !stamped || !nkg_snapshot_source_of (path, FALSE, &after, NULL)
      || !nkg_snapshot_same_stamp (&after, &before))
    return g;
  g_autofree char *dir = g_path_get_dirname (snap_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return g;
  /* streamed (atomically, so a reader never maps half a snapshot): made
   * in memory first, the payload was copied twice more (serialised, then
   * sealed), hundreds of megabytes each on a large graph */
  StreamSnapshot out = { g, &before };
  nkg_write_atomic (snap_path, stream_snapshot, &out, NULL);
  return g;
}

static gboolean
cached_kind (const char *path)
{
  GStatBuf st;
  return cache_enabled () && g_stat (path, &st) == 0 && S_ISREG (st.st_mode)
         && (guint64) st.st_size >= env_min_bytes ();
}

/* The entity `query` means in the view when nkg_query_resolve would find
 * exactly it on the whole graph without a search: its IRI (also relative
 * to the base), or the one entity whose name (else, the one whose name or
 * alias) has the query's name key, of the wanted class. -1 for anything
 * else (ambiguous, unknown, a prefix, a damaged snapshot): the caller then
 * asks the whole graph, which also says why. */
static gssize
resolve_in_view (const NkgSnapshotView *v, const char *query, NkgClass klass)
{
  NkgEntity probe = { 0 };
  gssize by_iri = nkg_snapshot_view_entity_by_iri (v, query);
  const char *base = nkg_snapshot_view_base (v);
  if (by_iri < 0 && base && !strstr (query, "://"))
    {
      g_autofree char *full = g_strconcat (base, query, NULL);
      by_iri = nkg_snapshot_view_entity_by_iri (v, full);
    }
  if (by_iri >= 0)
    {
      if (!nkg_snapshot_view_entity (v, by_iri, NULL, NULL, &probe.klass, NULL)
          || !nkg_query_class_matches (&probe, klass))
        return -1;
      return by_iri;
    }
  g_autofree char *key = nkg_name_key (query);
  const guint32 *found;
  gsize n;
  if (!nkg_snapshot_view_find_key (v, key, &found, &n))
    return -1;
  gssize match = -1, by_name = -1;
  guint n_match = 0, n_by_name = 0;
  for (gsize i = 0; i < n; i++)
    {
      const char *name;
      if (!nkg_snapshot_view_entity (v, found[i], NULL, &name, &probe.klass, NULL) || !name)
        return -1;
      if (!nkg_query_class_matches (&probe, klass))
        continue;
      n_match++;
      match = found[i];
      g_autofree char *nk = nkg_name_key (name);
      if (strcmp (nk, key) == 0)
        {
          n_by_name++;
          by_name = found[i];
        }
    }
  if (n_by_name == 1)
    return by_name;
  return n_by_name == 0 && n_match == 1 ? match : -1;
}

NkgGraph *
nkg_cli_load_entity (const char *path, const char *query, NkgClass klass, gboolean evidence,
                     NkgEntity **entity)
{
  *entity = NULL;
  if (!cached_kind (path))
    return NULL;
  g_autofree char *snap_path = snapshot_path (path);
  g_autoptr (NkgSnapshotView) v = nkg_snapshot_view_load (snap_path, path);
  if (!v)
    return NULL;
  gssize i = resolve_in_view (v, query, klass);
  return i < 0 ? NULL : nkg_snapshot_view_neighbourhood (v, i, evidence, entity);
}

NkgSnapshotView *
nkg_cli_load_view (const char *path)
{
  if (!cached_kind (path))
    return NULL;
  g_autofree char *snap_path = snapshot_path (path);
  return nkg_snapshot_view_load (snap_path, path);
}

NkgGraph *
nkg_cli_load_graph (const char *path, GError **error)
{
  gboolean use = cached_kind (path);
  if (!use)
    return nkg_graph_load_turtle (path, error);
  g_autofree char *snap_path = snapshot_path (path);
  NkgGraph *g = nkg_snapshot_load (snap_path, path);
  return g ? g : load_and_cache (path, snap_path, error);
}

gboolean
nkg_cli_cache_stamp_staged (const char *staged, NkgSnapshotSource *out)
{
  GStatBuf st;
  if (!staged || !cache_enabled () || g_stat (staged, &st) != 0 || !S_ISREG (st.st_mode)
      || (guint64) st.st_size < env_min_bytes ())
    return FALSE;
  return nkg_snapshot_source_of (staged, TRUE, out, NULL);
}

void
nkg_cli_cache_store (const char *path, NkgGraph *graph, const NkgSnapshotSource *staged)
{
  /* The committed file must be the staged one, renamed: the same inode,
   * size and modification time (a rename may change its ctime, so that is
   * taken from the file as it is now). Anything else, such as another
   * process replacing it in between, and no snapshot is written. */
  NkgSnapshotSource now;
  if (!nkg_snapshot_source_of (path, FALSE, &now, NULL) || now.ino != staged->ino
      || now.dev != staged->dev || now.size != staged->size || now.mtime_ns != staged->mtime_ns)
    return;
  now.sum[0] = staged->sum[0];
  now.sum[1] = staged->sum[1];
  /* summed before the rename, which gave it a later ctime: the stamp is
   * confirmed by summing the file again until it is old enough to be
   * trusted alone (graph/snapshot.c) */
  now.hashed_ns = staged->hashed_ns;
  g_autofree char *snap_path = snapshot_path (path);
  g_autofree char *dir = g_path_get_dirname (snap_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;
  /* streamed: the graph of a large build is in memory already, and a
   * snapshot made in memory first would double the peak */
  StreamSnapshot job = { graph, &now };
  nkg_write_atomic (snap_path, stream_snapshot, &job, NULL);
}

/* ---- the snapshot beside the Turtle writer ---- */

struct _NkgCacheDraft {
  NkgGraph *graph;
  char *snap_path;
  GThread *thread;
  NkgAtomicStage *stage;   /* the snapshot with a blank header, staged */
  NkgSnapshotDraft *draft; /* its header, but for the source */
};

static gboolean
draft_writer (GOutputStream *out, gpointer data, GError **error)
{
  NkgCacheDraft *d = data;
  d->draft = nkg_snapshot_draft_write (d->graph, out, error);
  return d->draft != NULL;
}

static gpointer
draft_thread (gpointer data)
{
  NkgCacheDraft *d = data;
  g_autofree char *dir = g_path_get_dirname (d->snap_path);
  GStatBuf st;
  /* only a plain file (or none) is replaced: anything else would be
   * written in place, blank header and all */
  if (g_mkdir_with_parents (dir, 0700) != 0
      || (g_stat (d->snap_path, &st) == 0 && !S_ISREG (st.st_mode)))
    return NULL;
  if (!nkg_write_atomic_staged (d->snap_path, draft_writer, d, &d->stage, NULL))
    nkg_snapshot_draft_free (g_steal_pointer (&d->draft));
  return NULL;
}

NkgCacheDraft *
nkg_cli_cache_draft_start (const char *path, NkgGraph *graph)
{
  if (!cache_enabled () || strcmp (path, "-") == 0)
    return NULL;
  /* A guess at the Turtle file's size, for whether it will be worth a
   * snapshot: each document, entity, statement and sentence takes some
   * 300 bytes or more (on 2,304 real articles: 314, 8,000, 1,674 and 390
   * on average). A wrong guess costs time, not output: a snapshot
   * drafted for a file too small is dropped, and a file bigger than
   * guessed gets its snapshot after it is written, as before. */
  guint64 least = 300 * (guint64) (graph->docs->len + graph->entities->len + graph->facts->len
                                   + graph->evidence->len);
  if (least < env_min_bytes ())
    return NULL;
  NkgCacheDraft *d = g_new0 (NkgCacheDraft, 1);
  d->graph = graph;
  d->snap_path = snapshot_path (path);
  /* the thread handles no signal: the main thread's handler removes
   * every temporary file being written, this one's too */
  nkg_cli_hold_signals (TRUE);
  d->thread = g_thread_try_new ("nkg-snapshot", draft_thread, d, NULL);
  nkg_cli_hold_signals (FALSE);
  if (!d->thread)
    {
      g_free (d->snap_path);
      g_free (d);
      return NULL;
    }
  return d;
}

static gboolean
pwrite_all (int fd, const guint8 *data, gsize len)
{
  for (gsize done = 0; done < len;)
    {
      ssize_t n = pwrite (fd, data + done, len - done, (off_t) done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += (gsize) n;
    }
  return TRUE;
}

void
nkg_cli_cache_draft_finish (NkgCacheDraft *d, const char *path, const NkgSnapshotSource *staged)
{
  if (!d)
    return;
  g_thread_join (d->thread);
  NkgSnapshotSource now;
  const char *tmp = d->stage ? nkg_atomic_stage_file (d->stage) : NULL;
  /* as nkg_cli_cache_store: the committed file must be the staged one */
  if (staged && d->draft && tmp && nkg_snapshot_source_of (path, FALSE, &now, NULL)
      && now.ino == staged->ino && now.dev == staged->dev && now.size == staged->size
      && now.mtime_ns == staged->mtime_ns)
    {
      now.sum[0] = staged->sum[0];
      now.sum[1] = staged->sum[1];
      now.hashed_ns = staged->hashed_ns;
      g_autoptr (GBytes) head = nkg_snapshot_draft_header (d->draft, &now);
      gsize len;
      const guint8 *data = g_bytes_get_data (head, &len);
      /* The header over the blank, not synced: a crash may leave the
       * blank (or part of the header) behind the rename, which is refused
       * as no snapshot, and made again. */
      int fd = g_open (tmp, O_WRONLY | O_CLOEXEC, 0);
      gboolean ok = fd >= 0 && pwrite_all (fd, data, len);
      if (fd >= 0 && close (fd) != 0)
        ok = FALSE;
      if (ok)
        nkg_atomic_commit (d->stage, NULL);
    }
  /* what was not committed is removed */
  nkg_atomic_stage_free (d->stage);
  nkg_snapshot_draft_free (d->draft);
  g_free (d->snap_path);
  g_free (d);
}
