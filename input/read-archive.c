/* read-archive.c — tar, zip, 7z, cpio and RAR archives (libarchive):
 * every member is read as a file found in a folder would be, and named
 * "ARCHIVE#path/in/archive". */
#include "reader.h"

#include "rules.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

static guint
sniff_archive (const guchar *head, gsize len)
{
  if (len >= 4 && head[0] == 'P' && head[1] == 'K'
      && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8)))
    return 100;
  if (len >= 262 && memcmp (head + 257, "ustar", 5) == 0)
    return 100;
  if (len >= 6 && memcmp (head, "7z\xbc\xaf\x27\x1c", 6) == 0)
    return 100;
  if (len >= 6 && memcmp (head, "Rar!\x1a\x07", 6) == 0)
    return 100;
  if (len >= 6 && (memcmp (head, "070707", 6) == 0 || memcmp (head, "070701", 6) == 0
                   || memcmp (head, "070702", 6) == 0))
    return 90;
  return 0;
}

typedef struct {
  NkgSource *src;
  guchar buf[65536];
  GError *error;
} Pull;

static la_ssize_t
pull (struct archive *ar, void *data, const void **buf)
{
  Pull *p = data;
  gssize k = nkg_source_read (p->src, p->buf, sizeof p->buf, p->error ? NULL : &p->error);
  if (k < 0)
    {
      archive_set_error (ar, EIO, "%s", p->error ? p->error->message : "read error");
      return -1;
    }
  *buf = p->buf;
  return k;
}

/* Members that are no one's articles: hidden files and folders, macOS
 * resource forks, version control. */
static gboolean
skip_member (const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i]; i++)
    if ((parts[i][0] == '.' && parts[i][1] && strcmp (parts[i], "..") != 0)
        || nkg_rules_has ("folders", "skip", parts[i]))
      return TRUE;
  return FALSE;
}

static gboolean
read_archive (NkgReadContext *ctx, NkgSource *src, GError **error)
{
  struct archive *ar = archive_read_new ();
  archive_read_support_filter_all (ar);
  archive_read_support_format_all (ar);
  Pull *p = g_new0 (Pull, 1);
  p->src = src;
  int rc;
  /* Zip's index sits at the end: a plain file can seek to it; anything
   * else (a pipe, a decompressed stream) is read front to back. */
  if (nkg_source_path (src) && !nkg_source_compression (src))
    rc = archive_read_open_filename (ar, nkg_source_path (src), 65536);
  else
    rc = archive_read_open (ar, p, NULL, pull, NULL);
  gboolean ok = rc == ARCHIVE_OK;
  if (!ok)
    g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "archive cannot be read: %s",
                 archive_error_string (ar));
  struct archive_entry *entry;
  while (ok && !nkg_read_stopped (ctx))
    {
      rc = archive_read_next_header (ar, &entry);
      if (rc == ARCHIVE_EOF)
        break;
      if (rc < ARCHIVE_WARN)
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "archive is damaged: %s",
                       archive_error_string (ar));
          ok = FALSE;
          break;
        }
      const char *path = archive_entry_pathname_utf8 (entry);
      if (!path)
        path = archive_entry_pathname (entry);
      if (!path || archive_entry_filetype (entry) != AE_IFREG || skip_member (path))
        continue;
      g_autofree char *source = g_strdup_printf ("%s#%s", nkg_source_name (src), path);
      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > (la_int64_t) NKG_READ_MAX_BYTES)
        {
          nkg_read_skip (ctx, source, TRUE, "larger than %" G_GSIZE_FORMAT " MiB", NKG_READ_MAX_BYTES >> 20);
          continue;
        }
      GByteArray *data = g_byte_array_new ();
      guchar chunk[65536];
      la_ssize_t k;
      while ((k = archive_read_data (ar, chunk, sizeof chunk)) > 0)
        {
          if (data->len + (gsize) k > NKG_READ_MAX_BYTES)
            break; /* the size was not in the header: found out here */
          g_byte_array_append (data, chunk, (guint) k);
        }
      if (k != 0)
        {
          if (k > 0)
            nkg_read_skip (ctx, source, TRUE, "larger than %" G_GSIZE_FORMAT " MiB",
                           NKG_READ_MAX_BYTES >> 20);
          else
            nkg_read_skip (ctx, source, TRUE, "cannot be read: %s", archive_error_string (ar));
          g_byte_array_unref (data);
          if (k == ARCHIVE_FATAL)
            {
              g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "archive is damaged: %s",
                           archive_error_string (ar));
              ok = FALSE;
              break;
            }
          continue;
        }
      g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (data);
      if (g_bytes_get_size (bytes) == 0)
        continue;
      g_autoptr (NkgSource) member = nkg_source_new_for_bytes (bytes, source);
      GError *e = NULL;
      if (!nkg_read_nested (ctx, member, NULL, &e) && e)
        {
          nkg_read_skip (ctx, source, TRUE, "%s", e->message);
          g_error_free (e);
        }
    }
  archive_read_free (ar);
  g_clear_error (&p->error);
  g_free (p);
  return ok;
}

const NkgReader nkg_reader_archive = {
  "archive", "tar, zip, 7z, cpio and RAR archives (any compression): each member as if in a folder",
  sniff_archive, read_archive,
};
