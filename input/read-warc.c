/* read-warc.c — WARC files (web archives, Common Crawl's news crawl, WET
 * text extracts): every HTML or text response, resource or conversion
 * record is an article, with WARC-Target-URI as its URL.
 *
 * Records are read here, over the source's decompression (libarchive
 * undoes the per-record gzip members of a .warc.gz), rather than with
 * libarchive's own WARC reader: that one keeps only the path of the
 * target URI (no scheme, no host), drops records whose URI ends in '/'
 * (most news sections and many article URLs), needs WARC-Date, says
 * nothing of the record type, and leaves the HTTP status and headers in
 * the body — none of which is what an article reader needs.
 */
#include "reader.h"

#include "meta.h"

#include <stdlib.h>
#include <string.h>

static guint
sniff_warc (const guchar *head, gsize len)
{
  return len >= 7 && memcmp (head, "WARC/", 5) == 0 && g_ascii_isdigit (head[5]) ? 100 : 0;
}

/* A buffered reader over the source: WARC mixes header lines and blocks
 * of known length. */
typedef struct {
  NkgSource *src;
  guchar buf[65536];
  gsize pos, len;
} Buf;

static gboolean
fill (Buf *b, GError **error)
{
  if (b->pos < b->len)
    return TRUE;
  gssize k = nkg_source_read (b->src, b->buf, sizeof b->buf, error);
  if (k < 0)
    return FALSE;
  b->pos = 0;
  b->len = (gsize) k;
  return TRUE;
}

/* A header line (without its line end) into `line`; FALSE at the end of
 * the stream (no error) or on an error. Lines are capped: a header longer
 * than that is not a WARC header. */
#define LINE_MAX_BYTES 65536

static gboolean
get_line (Buf *b, GString *line, GError **error)
{
  g_string_truncate (line, 0);
  for (;;)
    {
      if (!fill (b, error))
        return FALSE;
      if (b->len == 0)
        return line->len > 0;
      const guchar *start = b->buf + b->pos;
      const guchar *nl = memchr (start, '\n', b->len - b->pos);
      gsize take = nl ? (gsize) (nl - start) + 1 : b->len - b->pos;
      g_string_append_len (line, (const char *) start, (gssize) take);
      b->pos += take;
      if (line->len > LINE_MAX_BYTES)
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "a header line is too long");
          return FALSE;
        }
      if (nl)
        {
          while (line->len && (line->str[line->len - 1] == '\n' || line->str[line->len - 1] == '\r'))
            g_string_truncate (line, line->len - 1);
          return TRUE;
        }
    }
}

/* The next `n` bytes into `out` (NULL: skip them). */
static gboolean
get_block (Buf *b, guint64 n, GByteArray *out, GError **error)
{
  while (n)
    {
      if (!fill (b, error))
        return FALSE;
      if (b->len == 0)
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "the last record is cut short");
          return FALSE;
        }
      gsize take = (gsize) MIN (n, (guint64) (b->len - b->pos));
      if (out)
        g_byte_array_append (out, b->buf + b->pos, (guint) take);
      b->pos += take;
      n -= take;
    }
  return TRUE;
}

/* "Name: value" lines until a blank one, names lower-cased. */
static gboolean
get_headers (Buf *b, GHashTable *headers, GError **error)
{
  g_autoptr (GString) line = g_string_new (NULL);
  for (;;)
    {
      if (!get_line (b, line, error))
        {
          if (error && !*error)
            g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT, "a record header is cut short");
          return FALSE;
        }
      if (!line->len)
        return TRUE;
      const char *colon = strchr (line->str, ':');
      if (!colon)
        continue;
      char *name = g_ascii_strdown (line->str, colon - line->str);
      g_strstrip (name);
      char *value = g_strstrip (g_strdup (colon + 1));
      g_hash_table_replace (headers, name, value);
    }
}

/* "text/html; charset=ISO-8859-1" → media type and charset. */
static void
split_content_type (const char *ct, char **media, char **charset)
{
  *media = *charset = NULL;
  if (!ct)
    return;
  g_auto (GStrv) parts = g_strsplit (ct, ";", -1);
  *media = g_ascii_strdown (g_strstrip (parts[0]), -1);
  for (guint i = 1; parts[i]; i++)
    {
      char *p = g_strstrip (parts[i]);
      if (g_ascii_strncasecmp (p, "charset=", 8) == 0)
        {
          char *v = p + 8;
          if (*v == '"' || *v == '\'')
            v++;
          gsize n = strcspn (v, "\"' ");
          *charset = g_strndup (v, n);
        }
    }
}

/* The reader an HTTP media type calls for; NULL for what is no article
 * (images, scripts, styles, data), "" to let the content decide. */
static const char *
reader_for_media (const char *media)
{
  if (!media || !*media)
    return "";
  if (strcmp (media, "text/html") == 0 || strcmp (media, "application/xhtml+xml") == 0)
    return "html";
  if (strcmp (media, "text/plain") == 0)
    return "text";
  if (strcmp (media, "application/rss+xml") == 0 || strcmp (media, "application/atom+xml") == 0
      || strcmp (media, "application/rdf+xml") == 0)
    return "feed";
  if (strcmp (media, "text/xml") == 0 || strcmp (media, "application/xml") == 0)
    return "";
  return NULL;
}

/* Undoes HTTP chunked transfer coding; NULL when it is malformed. */
static GBytes *
dechunk (const guchar *p, gsize n)
{
  GByteArray *out = g_byte_array_new ();
  gsize i = 0;
  while (i < n)
    {
      gchar *end = NULL;
      g_autofree char *size_line = g_strndup ((const char *) p + i, MIN (n - i, 32));
      guint64 size = g_ascii_strtoull (size_line, &end, 16);
      if (end == size_line)
        break;
      const guchar *nl = memchr (p + i, '\n', n - i);
      if (!nl)
        break;
      i = (gsize) (nl - p) + 1;
      if (size == 0)
        return g_byte_array_free_to_bytes (out);
      if (size > n - i)
        size = n - i; /* a crawler cut the body short: keep what is there */
      g_byte_array_append (out, p + i, (guint) size);
      i += size;
      while (i < n && (p[i] == '\r' || p[i] == '\n'))
        i++;
    }
  return g_byte_array_free_to_bytes (out);
}

typedef struct {
  NkgReadContext *ctx;
  const char *name; /* the WARC's source name */
} Warc;

/* An HTTP response: status, headers, payload. */
static void
read_response (Warc *w, const char *source, const char *url, const guchar *block, gsize n)
{
  const guchar *end_headers = NULL;
  gsize body_at = 0;
  for (gsize i = 0; i + 1 < n; i++)
    if (block[i] == '\n' && (block[i + 1] == '\n' || (block[i + 1] == '\r' && i + 2 < n && block[i + 2] == '\n')))
      {
        end_headers = block + i;
        body_at = i + (block[i + 1] == '\n' ? 2 : 3);
        break;
      }
  if (!end_headers || n < 12 || memcmp (block, "HTTP/", 5) != 0)
    {
      nkg_read_skip (w->ctx, source, TRUE, "not an HTTP response");
      return;
    }
  g_autofree char *head = g_strndup ((const char *) block, end_headers - block);
  g_auto (GStrv) lines = g_strsplit (head, "\n", -1);
  const char *sp = strchr (lines[0], ' ');
  int status = sp ? atoi (sp + 1) : 0;
  if (status < 200 || status >= 300)
    {
      nkg_read_skip (w->ctx, source, FALSE, "HTTP status %d, no article", status);
      return;
    }
  g_autofree char *media = NULL, *charset = NULL;
  gboolean chunked = FALSE;
  g_autofree char *coding = NULL;
  for (guint i = 1; lines[i]; i++)
    {
      char *l = g_strstrip (lines[i]);
      char *colon = strchr (l, ':');
      if (!colon)
        continue;
      *colon = '\0';
      const char *v = g_strstrip (colon + 1);
      if (g_ascii_strcasecmp (l, "content-type") == 0 && !media)
        split_content_type (v, &media, &charset);
      else if (g_ascii_strcasecmp (l, "transfer-encoding") == 0 && strstr (v, "chunked"))
        chunked = TRUE;
      else if (g_ascii_strcasecmp (l, "content-encoding") == 0)
        coding = g_ascii_strdown (v, -1);
    }
  const char *reader = reader_for_media (media);
  if (!reader)
    {
      nkg_read_skip (w->ctx, source, FALSE, "%s, not an article", media);
      return;
    }
  /* gzip'd payloads are undone by the source itself; others we cannot. */
  if (coding && *coding && strcmp (coding, "identity") != 0 && strcmp (coding, "gzip") != 0
      && strcmp (coding, "x-gzip") != 0)
    {
      nkg_read_skip (w->ctx, source, TRUE, "content encoding %s is not supported", coding);
      return;
    }
  g_autoptr (GBytes) payload = chunked ? dechunk (block + body_at, n - body_at)
                                       : g_bytes_new (block + body_at, n - body_at);
  g_autoptr (NkgSource) inner = nkg_source_new_for_bytes (payload, source);
  nkg_source_set_hints (inner, media, charset, url);
  nkg_source_set_container (inner, "warc");
  GError *error = NULL;
  if (!nkg_read_nested (w->ctx, inner, *reader ? reader : NULL, &error) && error)
    {
      nkg_read_skip (w->ctx, source, TRUE, "%s", error->message);
      g_error_free (error);
    }
}

/* A resource or conversion record: the block is the document itself. */
static void
read_resource (Warc *w, const char *source, const char *url, const char *content_type,
               const guchar *block, gsize n)
{
  g_autofree char *media = NULL, *charset = NULL;
  split_content_type (content_type, &media, &charset);
  const char *reader = reader_for_media (media);
  if (!reader)
    {
      nkg_read_skip (w->ctx, source, FALSE, "%s, not an article", media);
      return;
    }
  g_autoptr (GBytes) payload = g_bytes_new (block, n);
  g_autoptr (NkgSource) inner = nkg_source_new_for_bytes (payload, source);
  nkg_source_set_hints (inner, media, charset, url);
  nkg_source_set_container (inner, "warc");
  GError *error = NULL;
  if (!nkg_read_nested (w->ctx, inner, *reader ? reader : NULL, &error) && error)
    {
      nkg_read_skip (w->ctx, source, TRUE, "%s", error->message);
      g_error_free (error);
    }
}

static gboolean
read_warc (NkgReadContext *ctx, NkgSource *src, GError **error)
{
  Buf *b = g_new0 (Buf, 1);
  b->src = src;
  Warc w = { ctx, nkg_source_name (src) };
  g_autoptr (GString) line = g_string_new (NULL);
  g_autoptr (GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean ok = TRUE;
  for (guint record = 1; ok && !nkg_read_stopped (ctx); record++)
    {
      /* Records are separated by blank lines. */
      do
        {
          GError *e = NULL;
          if (!get_line (b, line, &e))
            {
              if (e)
                {
                  g_propagate_error (error, e);
                  ok = FALSE;
                }
              goto done;
            }
        }
      while (!line->len);
      if (!g_str_has_prefix (line->str, "WARC/"))
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT,
                       "record %u does not start with a WARC header", record);
          ok = FALSE;
          break;
        }
      g_hash_table_remove_all (headers);
      if (!get_headers (b, headers, error))
        {
          ok = FALSE;
          break;
        }
      const char *len_s = g_hash_table_lookup (headers, "content-length");
      char *end = NULL;
      guint64 len = len_s ? g_ascii_strtoull (len_s, &end, 10) : 0;
      if (!len_s || end == len_s)
        {
          g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_FORMAT,
                       "record %u has no Content-Length", record);
          ok = FALSE;
          break;
        }
      const char *type = g_hash_table_lookup (headers, "warc-type");
      g_autofree char *source = g_strdup_printf ("%s#record-%u", w.name, record);
      gboolean wanted = type && (strcmp (type, "response") == 0 || strcmp (type, "resource") == 0
                                 || strcmp (type, "conversion") == 0);
      if (!wanted || len > NKG_READ_MAX_BYTES)
        {
          if (wanted)
            nkg_read_skip (ctx, source, TRUE, "larger than %" G_GSIZE_FORMAT " MiB",
                           NKG_READ_MAX_BYTES >> 20);
          ok = get_block (b, len, NULL, error);
          continue;
        }
      GByteArray *block = g_byte_array_sized_new ((guint) len);
      ok = get_block (b, len, block, error);
      if (ok)
        {
          const char *target = g_hash_table_lookup (headers, "warc-target-uri");
          g_autofree char *bare = target ? g_strdup (target) : NULL;
          /* WARC 1.0 drafts wrote the URI in angle brackets. */
          if (bare && bare[0] == '<' && g_str_has_suffix (bare, ">"))
            {
              memmove (bare, bare + 1, strlen (bare));
              bare[strlen (bare) - 1] = '\0';
            }
          g_autofree char *url = nkg_meta_url (bare, NULL);
          const char *ct = g_hash_table_lookup (headers, "content-type");
          if (strcmp (type, "response") == 0 && ct && g_str_has_prefix (ct, "application/http"))
            read_response (&w, source, url, block->data, block->len);
          else if (strcmp (type, "response") != 0)
            read_resource (&w, source, url, ct, block->data, block->len);
          else
            nkg_read_skip (ctx, source, FALSE, "a response record that is not HTTP");
        }
      g_byte_array_unref (block);
    }
done:
  g_free (b);
  return ok;
}

const NkgReader nkg_reader_warc = {
  "warc", "WARC web archives (.warc, .warc.gz, WET): each HTML or text record is an article",
  sniff_warc, read_warc,
};
