/* source.c — see source.h. */
#include "source.h"

#include "article.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct _NkgSource {
  char *name, *path;
  int fd;           /* -1 for bytes */
  gboolean own_fd;
  GBytes *bytes;
  gsize bytes_pos;
  guint64 position; /* raw bytes consumed */
  /* Raw bytes read to look for a compression signature, replayed first. */
  guchar magic[16];
  gsize magic_len, magic_pos;
  /* Decompression, when the magic says so. */
  struct archive *ar;
  const char *compression;
  guchar *rawbuf;
  /* The decompressed head, replayed before reading on. */
  guchar *head;
  gsize head_len, head_pos;
  gboolean headed, failed;
  gboolean ended; /* the content ended within the head: nothing follows it */
  char *media_type, *charset, *url, *container;
  /* nkg_source_read_line's look-ahead. */
  guchar *lbuf;
  gsize lpos, llen;
};

/* Compression signatures libarchive decompresses; bzip2's includes the
 * block magic so that a text starting "BZh" stays text. */
static const struct {
  const char *name;
  const char *magic;
  gsize len;
} compressions[] = {
  { "gzip", "\x1f\x8b", 2 },
  { "compress", "\x1f\x9d", 2 },
  { "xz", "\xfd" "7zXZ\0", 6 },
  { "zstd", "\x28\xb5\x2f\xfd", 4 },
  { "lz4", "\x04\x22\x4d\x18", 4 },
  { "lzip", "LZIP", 4 },
};

static gboolean
is_bzip2 (const guchar *m, gsize n)
{
  return n >= 10 && memcmp (m, "BZh", 3) == 0 && m[3] >= '1' && m[3] <= '9'
         && memcmp (m + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0;
}

NkgSource *
nkg_source_open (const char *path, const char *name, GError **error)
{
  int fd;
  if (strcmp (path, "-") == 0)
    fd = STDIN_FILENO;
  else
    {
      do
        fd = open (path, O_RDONLY | O_CLOEXEC);
      while (fd < 0 && errno == EINTR);
      if (fd < 0)
        {
          int e = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s", g_strerror (e));
          return NULL;
        }
    }
  NkgSource *src = g_new0 (NkgSource, 1);
  src->fd = fd;
  src->own_fd = fd != STDIN_FILENO;
  src->path = strcmp (path, "-") == 0 ? NULL : g_strdup (path);
  src->name = g_strdup (name);
  return src;
}

NkgSource *
nkg_source_new_for_bytes (GBytes *bytes, const char *name)
{
  NkgSource *src = g_new0 (NkgSource, 1);
  src->fd = -1;
  src->bytes = g_bytes_ref (bytes);
  src->name = g_strdup (name);
  return src;
}

void
nkg_source_free (NkgSource *src)
{
  if (!src)
    return;
  if (src->ar)
    archive_read_free (src->ar);
  if (src->own_fd && src->fd >= 0)
    close (src->fd);
  if (src->bytes)
    g_bytes_unref (src->bytes);
  g_free (src->rawbuf);
  g_free (src->head);
  g_free (src->lbuf);
  g_free (src->name);
  g_free (src->path);
  g_free (src->media_type);
  g_free (src->charset);
  g_free (src->url);
  g_free (src->container);
  g_free (src);
}

const char *
nkg_source_name (const NkgSource *src)
{
  return src->name;
}

const char *
nkg_source_path (const NkgSource *src)
{
  return src->path;
}

const char *
nkg_source_compression (const NkgSource *src)
{
  return src->compression;
}

guint64
nkg_source_position (const NkgSource *src)
{
  return src->position;
}

/* Raw bytes from the file or memory, without the magic replay. */
static gssize
raw_read_direct (NkgSource *src, void *buf, gsize n, GError **error)
{
  if (src->bytes)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (src->bytes, &size);
      gsize k = MIN (n, size - src->bytes_pos);
      if (k == 0)
        return 0; /* empty bytes may have no data pointer at all */
      memcpy (buf, data + src->bytes_pos, k);
      src->bytes_pos += k;
      src->position += k;
      return (gssize) k;
    }
  gssize k;
  do
    k = read (src->fd, buf, n);
  while (k < 0 && errno == EINTR);
  if (k < 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s", g_strerror (e));
      return -1;
    }
  src->position += (guint64) k;
  return k;
}

static gssize
raw_read (NkgSource *src, void *buf, gsize n, GError **error)
{
  if (src->magic_pos < src->magic_len)
    {
      gsize k = MIN (n, src->magic_len - src->magic_pos);
      memcpy (buf, src->magic + src->magic_pos, k);
      src->magic_pos += k;
      return (gssize) k;
    }
  return raw_read_direct (src, buf, n, error);
}

static la_ssize_t
archive_pull (struct archive *ar, void *data, const void **buf)
{
  NkgSource *src = data;
  GError *error = NULL;
  gssize k = raw_read (src, src->rawbuf, 65536, &error);
  if (k < 0)
    {
      archive_set_error (ar, EIO, "%s", error->message);
      g_error_free (error);
      return -1;
    }
  *buf = src->rawbuf;
  return k;
}

/* Looks at the first raw bytes; starts decompression when they are a
 * compression signature. */
static gboolean
detect_compression (NkgSource *src, GError **error)
{
  while (src->magic_len < sizeof src->magic)
    {
      gssize k = raw_read_direct (src, src->magic + src->magic_len, sizeof src->magic - src->magic_len,
                                  error);
      if (k < 0)
        return FALSE;
      if (k == 0)
        break;
      src->magic_len += (gsize) k;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (compressions) && !src->compression; i++)
    if (src->magic_len >= compressions[i].len
        && memcmp (src->magic, compressions[i].magic, compressions[i].len) == 0)
      src->compression = compressions[i].name;
  if (!src->compression && is_bzip2 (src->magic, src->magic_len))
    src->compression = "bzip2";
  if (!src->compression)
    return TRUE;
  src->rawbuf = g_malloc (65536);
  src->ar = archive_read_new ();
  archive_read_support_filter_all (src->ar);
  archive_read_support_format_raw (src->ar);
  struct archive_entry *entry;
  if (archive_read_open (src->ar, src, NULL, archive_pull, NULL) != ARCHIVE_OK
      || archive_read_next_header (src->ar, &entry) != ARCHIVE_OK)
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "%s data cannot be read: %s",
                   src->compression, archive_error_string (src->ar));
      return FALSE;
    }
  return TRUE;
}

/* Content bytes after the head: decompressed or raw. */
static gssize
content_read (NkgSource *src, void *buf, gsize n, GError **error)
{
  if (!src->ar)
    return raw_read (src, buf, n, error);
  la_ssize_t k = archive_read_data (src->ar, buf, n);
  if (k < 0)
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "%s data is damaged: %s",
                   src->compression, archive_error_string (src->ar));
      return -1;
    }
  return k;
}

const guchar *
nkg_source_head (NkgSource *src, gsize *len, GError **error)
{
  if (src->failed)
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "cannot be read");
      return NULL;
    }
  if (!src->headed)
    {
      src->headed = TRUE;
      src->head = g_malloc (NKG_SOURCE_HEAD_SIZE);
      if (!detect_compression (src, error))
        {
          src->failed = TRUE;
          return NULL;
        }
      while (src->head_len < NKG_SOURCE_HEAD_SIZE)
        {
          gssize k = content_read (src, src->head + src->head_len, NKG_SOURCE_HEAD_SIZE - src->head_len,
                                   error);
          if (k < 0)
            {
              src->failed = TRUE;
              return NULL;
            }
          if (k == 0)
            {
              src->ended = TRUE;
              break;
            }
          src->head_len += (gsize) k;
        }
    }
  *len = src->head_len;
  return src->head;
}

gssize
nkg_source_read (NkgSource *src, void *buf, gsize n, GError **error)
{
  gsize ignored;
  if (!src->headed && !nkg_source_head (src, &ignored, error))
    return -1;
  if (src->head_pos < src->head_len)
    {
      gsize k = MIN (n, src->head_len - src->head_pos);
      memcpy (buf, src->head + src->head_pos, k);
      src->head_pos += k;
      return (gssize) k;
    }
  if (src->failed)
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "cannot be read");
      return -1;
    }
  /* The head's read saw the end: a file of under 64 KiB (most articles)
   * is not read again to see it a second time. */
  if (src->ended)
    return 0;
  gssize k = content_read (src, buf, n, error);
  if (k < 0)
    src->failed = TRUE;
  return k;
}

gboolean
nkg_source_read_line (NkgSource *src, GString *line, gsize max, GError **error)
{
  if (!src->lbuf)
    src->lbuf = g_malloc (65536);
  g_string_truncate (line, 0);
  gboolean any = FALSE;
  for (;;)
    {
      if (src->lpos == src->llen)
        {
          gssize k = nkg_source_read (src, src->lbuf, 65536, error);
          if (k < 0)
            return FALSE;
          src->lpos = 0;
          src->llen = (gsize) k;
          if (k == 0)
            break;
        }
      const guchar *start = src->lbuf + src->lpos;
      const guchar *nl = memchr (start, '\n', src->llen - src->lpos);
      gsize take = nl ? (gsize) (nl - start) : src->llen - src->lpos;
      if (line->len + take > max)
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT,
                       "a line longer than %" G_GSIZE_FORMAT " MiB", max >> 20);
          return FALSE;
        }
      g_string_append_len (line, (const char *) start, (gssize) take);
      src->lpos += take + (nl ? 1 : 0);
      any = TRUE;
      if (nl)
        break;
    }
  if (line->len && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return any;
}

GBytes *
nkg_source_read_all (NkgSource *src, gsize max, GError **error)
{
  gsize head_len;
  if (!nkg_source_head (src, &head_len, error))
    return NULL;
  /* A plain file's size is known: read it in one allocation; so is
   * what is left of content that ended within the head (no fstat). */
  gsize expect = 65536;
  struct stat st;
  if (src->ended)
    expect = head_len - src->head_pos + 1;
  else if (!src->ar && src->fd >= 0 && fstat (src->fd, &st) == 0 && S_ISREG (st.st_mode))
    expect = (gsize) st.st_size + 1;
  else if (src->bytes && !src->ar)
    expect = g_bytes_get_size (src->bytes) + 1;
  GByteArray *out = g_byte_array_sized_new ((guint) MIN (expect, max + 1));
  guchar chunk[65536];
  for (;;)
    {
      gssize k = nkg_source_read (src, chunk, sizeof chunk, error);
      if (k < 0)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      if (k == 0)
        break;
      if (out->len + (gsize) k > max)
        {
          g_byte_array_unref (out);
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT,
                       "larger than %" G_GSIZE_FORMAT " MiB", max >> 20);
          return NULL;
        }
      g_byte_array_append (out, chunk, (guint) k);
    }
  gsize n = out->len;
  g_byte_array_append (out, (const guint8 *) "", 1);
  GBytes *all = g_byte_array_free_to_bytes (out);
  GBytes *view = g_bytes_new_from_bytes (all, 0, n);
  g_bytes_unref (all);
  return view;
}

void
nkg_source_set_hints (NkgSource *src, const char *media_type, const char *charset, const char *url)
{
  g_free (src->media_type);
  g_free (src->charset);
  g_free (src->url);
  src->media_type = g_strdup (media_type);
  src->charset = g_strdup (charset);
  src->url = g_strdup (url);
}

const char *
nkg_source_media_type (const NkgSource *src)
{
  return src->media_type;
}

const char *
nkg_source_charset (const NkgSource *src)
{
  return src->charset;
}

const char *
nkg_source_url (const NkgSource *src)
{
  return src->url;
}

void
nkg_source_set_container (NkgSource *src, const char *format)
{
  g_free (src->container);
  src->container = g_strdup (format);
}

const char *
nkg_source_format (const NkgSource *src, const char *fallback)
{
  return src->container ? src->container : fallback;
}
