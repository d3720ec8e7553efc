/* atomic.c — temporary file, flush, sync, close, rename; see atomic.h. */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files being written or staged, for nkg_write_atomic_abort. A
 * signal handler may only read plain memory: fixed buffers, and a flag set
 * after the path is complete and cleared before it goes stale. A command
 * stages at most a few: a few slots are plenty. Two threads may write at
 * once (build's snapshot beside its Turtle file): a slot is claimed
 * atomically before its path is copied in. */
#define PENDING_MAX 8
static char pending[PENDING_MAX][PATH_MAX];
static volatile sig_atomic_t pending_set[PENDING_MAX];
static gint pending_claimed[PENDING_MAX];

static int
pending_add (const char *path)
{
  if (strlen (path) >= PATH_MAX)
    return -1;
  for (int i = 0; i < PENDING_MAX; i++)
    if (g_atomic_int_compare_and_exchange (&pending_claimed[i], 0, 1))
      {
        memcpy (pending[i], path, strlen (path) + 1);
        pending_set[i] = 1;
        return i;
      }
  return -1;
}

static void
pending_clear (int slot)
{
  if (slot >= 0)
    {
      pending_set[slot] = 0;
      g_atomic_int_set (&pending_claimed[slot], 0);
    }
}

void
nkg_write_atomic_abort (void)
{
  for (int i = 0; i < PENDING_MAX; i++)
    if (pending_set[i])
      {
        unlink (pending[i]);
        pending_set[i] = 0;
      }
}

static gboolean
set_errno_error (GError **error, int saved, const char *what, const char *path)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot %s %s: %s", what,
               path, g_strerror (saved));
  return FALSE;
}

/* Follows symbolic links to the file they finally name (which need not
 * exist yet), so the link itself survives the rename. */
static char *
resolve_links (const char *path, GError **error)
{
  char *cur = g_strdup (path);
  for (int depth = 0; depth < 40; depth++)
    {
      struct stat st;
      if (lstat (cur, &st) != 0 || !S_ISLNK (st.st_mode))
        return cur;
      GError *local = NULL;
      char *target = g_file_read_link (cur, &local);
      if (!target)
        {
          g_propagate_prefixed_error (error, local, "cannot write %s: ", path);
          g_free (cur);
          return NULL;
        }
      char *next = target;
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (cur);
          next = g_build_filename (dir, target, NULL);
          g_free (target);
        }
      g_free (cur);
      cur = next;
    }
  g_free (cur);
  set_errno_error (error, ELOOP, "write", path);
  return NULL;
}

/* A file that is synced before it replaces another is handed to the
 * kernel's writeback a stretch at a time while it is written, as databases
 * do (sync_file_range with SYNC_FILE_RANGE_WRITE starts the writing and
 * does not wait for it): the fsync at the end then waits for the last
 * stretch and the journal, not for the whole file, and the disk works
 * while the writer formats the rest. Only a hint: the fsync still makes
 * the promise, and reports any error the writeback met. */
#define WRITEBACK_STRETCH (1 << 20)

typedef struct {
  GFilterOutputStream parent;
  int fd;
  goffset written; /* bytes written to fd, from its start */
  goffset started; /* of those, bytes whose writeback was started */
} NkgWritebackStream;

typedef struct {
  GFilterOutputStreamClass parent_class;
} NkgWritebackStreamClass;

G_DEFINE_TYPE (NkgWritebackStream, nkg_writeback_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
writeback_write (GOutputStream *stream, const void *buffer, gsize count,
                 GCancellable *cancellable, GError **error)
{
  NkgWritebackStream *w = (NkgWritebackStream *) stream;
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize n = g_output_stream_write (base, buffer, count, cancellable, error);
  if (n > 0)
    {
      w->written += n;
      if (w->written - w->started >= WRITEBACK_STRETCH)
        {
          (void) sync_file_range (w->fd, w->started, w->written - w->started,
                                  SYNC_FILE_RANGE_WRITE);
          w->started = w->written;
        }
    }
  return n;
}

static void
nkg_writeback_stream_class_init (NkgWritebackStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = writeback_write;
}

static void
nkg_writeback_stream_init (NkgWritebackStream *w)
{
  (void) w;
}

/* `raw` writes `fd` from its start; the stream neither closes it nor fd. */
static GOutputStream *
writeback_stream_new (GOutputStream *raw, int fd)
{
  NkgWritebackStream *w = g_object_new (nkg_writeback_stream_get_type (), "base-stream", raw,
                                        "close-base-stream", FALSE, NULL);
  w->fd = fd;
  return G_OUTPUT_STREAM (w);
}

/* Runs the writer on a buffered stream over `fd`, then flushes. Raptor
 * and json-glib write in small pieces; the buffer makes them cheap. With
 * `writeback`, fd is a new file written from its start, to be synced. */
static gboolean
write_fd (int fd, gboolean close_fd, gboolean writeback, NkgStreamWriter writer, gpointer data,
          GError **error)
{
  g_autoptr (GOutputStream) raw = g_unix_output_stream_new (fd, close_fd);
  g_autoptr (GOutputStream) hinted = writeback ? writeback_stream_new (raw, fd) : NULL;
  g_autoptr (GOutputStream) out = g_buffered_output_stream_new_sized (hinted ? hinted : raw,
                                                                      1 << 16);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  gboolean ok = writer (out, data, error);
  /* flush even after a failure, so that close below has nothing to do */
  GError **flush_error = ok ? error : NULL;
  ok = g_output_stream_flush (out, NULL, flush_error) && ok;
  g_output_stream_close (out, NULL, NULL);
  if (hinted)
    g_output_stream_close (hinted, NULL, NULL);
  if (close_fd && !g_output_stream_close (raw, NULL, ok ? error : NULL))
    ok = FALSE;
  return ok;
}

static gboolean
write_stdout (NkgStreamWriter writer, gpointer data, GError **error)
{
  fflush (stdout); /* whatever stdio holds goes first */
  GError *local = NULL;
  if (!write_fd (STDOUT_FILENO, FALSE, FALSE, writer, data, &local))
    {
      g_propagate_prefixed_error (error, local, "cannot write to standard output: ");
      return FALSE;
    }
  return TRUE;
}

/* Devices, FIFOs and other special files are written in place: renaming
 * over /dev/null or a FIFO would replace it by a plain file. */
static gboolean
write_in_place (const char *path, const char *target, NkgStreamWriter writer, gpointer data,
                GError **error)
{
  int fd = g_open (target, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    return set_errno_error (error, errno, "write", path);
  GError *local = NULL;
  if (!write_fd (fd, TRUE, FALSE, writer, data, &local))
    {
      g_propagate_prefixed_error (error, local, "cannot write %s: ", path);
      return FALSE;
    }
  return TRUE;
}

/* The descriptor a path names when it is one of the process's own
 * ("/dev/stdout", "/dev/fd/3", "/proc/self/fd/1"), else -1. Those are
 * written through the descriptor, as the shell set it up (a pipe, or a
 * file opened with >>): following the link would replace the file the
 * shell opened instead, or fail on "pipe:[…]". */
static int
own_descriptor (const char *path)
{
  if (strcmp (path, "/dev/stdout") == 0)
    return STDOUT_FILENO;
  if (strcmp (path, "/dev/stderr") == 0)
    return STDERR_FILENO;
  const char *prefixes[] = { "/dev/fd/", "/proc/self/fd/" };
  for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (path, prefixes[i]))
      {
        const char *digits = path + strlen (prefixes[i]);
        char *end = NULL;
        guint64 fd = g_ascii_strtoull (digits, &end, 10);
        if (end != digits && *end == '\0' && fd <= G_MAXINT)
          return (int) fd;
      }
  return -1;
}

struct _NkgAtomicStage {
  char *tmp;    /* the complete temporary, or NULL when nothing is staged */
  char *target; /* what it replaces */
  char *path;   /* as the caller named it, for messages */
  int slot;     /* in `pending` */
};

/* Writes as nkg_write_atomic says; a plain file's complete temporary is
 * left in `*stage` instead of renamed when `stage` is given. */
static gboolean
write_atomic (const char *path, NkgStreamWriter writer, gpointer data, NkgAtomicStage **stage,
              GError **error)
{
  g_return_val_if_fail (path != NULL && writer != NULL, FALSE);
  if (stage)
    *stage = g_new0 (NkgAtomicStage, 1);
  if (strcmp (path, "-") == 0)
    return write_stdout (writer, data, error);
  int own = own_descriptor (path);
  if (own == STDOUT_FILENO)
    return write_stdout (writer, data, error);
  if (own >= 0)
    {
      GError *local = NULL;
      if (!write_fd (own, FALSE, FALSE, writer, data, &local))
        {
          g_propagate_prefixed_error (error, local, "cannot write %s: ", path);
          return FALSE;
        }
      return TRUE;
    }

  g_autofree char *target = resolve_links (path, error);
  if (!target)
    return FALSE;
  struct stat st;
  gboolean exists = g_stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        return set_errno_error (error, EISDIR, "write", path);
      return write_in_place (path, target, writer, data, error);
    }

  /* Beside the target, so the rename stays within one file system;
   * hidden, and named after it, so a stray one (after SIGKILL) is easy
   * to recognise. */
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *tmp_name = g_strdup_printf (".%s.newskg-XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmp_name, NULL);
  /* 0666 less the umask, as fopen would create it; an existing file
   * keeps its mode. */
  /* The signals a caller may clean up after wait until the temporary is
   * registered: one arriving in between would leave it behind. */
  sigset_t block, saved_mask;
  sigemptyset (&block);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &block, &saved_mask);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  int saved = errno;
  int slot = fd >= 0 ? pending_add (tmp) : -1;
  pthread_sigmask (SIG_SETMASK, &saved_mask, NULL);
  if (fd < 0)
    return set_errno_error (error, saved, "write", path);
  if (exists)
    (void) fchmod (fd, st.st_mode & 07777);

  GError *local = NULL;
  gboolean ok = write_fd (fd, FALSE, exists, writer, data, &local);
  /* Like g_file_set_contents: sync before replacing an existing file, so
   * a crash right after the rename cannot leave an empty file where a
   * good one was. A new file has nothing to lose. */
  if (ok && exists && fsync (fd) != 0)
    {
      int saved = errno;
      g_set_error (&local, G_FILE_ERROR, g_file_error_from_errno (saved), "%s",
                   g_strerror (saved));
      ok = FALSE;
    }
  if (close (fd) != 0 && ok)
    {
      int saved = errno;
      g_set_error (&local, G_FILE_ERROR, g_file_error_from_errno (saved), "%s",
                   g_strerror (saved));
      ok = FALSE;
    }
  if (ok && stage)
    {
      /* kept, and still removed by a signal until it is committed */
      (*stage)->tmp = g_steal_pointer (&tmp);
      (*stage)->target = g_steal_pointer (&target);
      (*stage)->path = g_strdup (path);
      (*stage)->slot = slot;
      return TRUE;
    }
  if (ok && g_rename (tmp, target) != 0)
    {
      int saved = errno;
      g_set_error (&local, G_FILE_ERROR, g_file_error_from_errno (saved), "%s",
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp);
      g_propagate_prefixed_error (error, local, "cannot write %s: ", path);
    }
  pending_clear (slot);
  return ok;
}

gboolean
nkg_write_atomic (const char *path, NkgStreamWriter writer, gpointer data, GError **error)
{
  return write_atomic (path, writer, data, NULL, error);
}

gboolean
nkg_write_atomic_staged (const char *path, NkgStreamWriter writer, gpointer data,
                         NkgAtomicStage **stage, GError **error)
{
  g_return_val_if_fail (stage != NULL, FALSE);
  if (write_atomic (path, writer, data, stage, error))
    return TRUE;
  g_clear_pointer (stage, g_free);
  return FALSE;
}

gboolean
nkg_atomic_commit (NkgAtomicStage *stage, GError **error)
{
  gboolean ok = TRUE;
  if (stage->tmp && g_rename (stage->tmp, stage->target) != 0)
    {
      int saved = errno;
      g_unlink (stage->tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot write %s: %s",
                   stage->path, g_strerror (saved));
      ok = FALSE;
    }
  if (stage->tmp)
    pending_clear (stage->slot);
  g_clear_pointer (&stage->tmp, g_free);
  return ok;
}

const char *
nkg_atomic_stage_file (const NkgAtomicStage *stage)
{
  return stage ? stage->tmp : NULL;
}

void
nkg_atomic_stage_free (NkgAtomicStage *stage)
{
  if (!stage)
    return;
  if (stage->tmp)
    {
      g_unlink (stage->tmp);
      pending_clear (stage->slot);
    }
  g_free (stage->tmp);
  g_free (stage->target);
  g_free (stage->path);
  g_free (stage);
}

typedef struct {
  const void *data;
  gsize len;
} Bytes;

static gboolean
write_bytes (GOutputStream *out, gpointer data, GError **error)
{
  Bytes *b = data;
  return g_output_stream_write_all (out, b->data, b->len, NULL, NULL, error);
}

gboolean
nkg_write_atomic_bytes (const char *path, const void *data, gsize len, GError **error)
{
  Bytes b = { data, len };
  return nkg_write_atomic (path, write_bytes, &b, error);
}
