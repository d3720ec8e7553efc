/* article.c — the article record and the text normalisation every reader
 * ends with (see article.h). */
#include "article.h"
#include "digest.h"

#include "decode.h"

#include <string.h>

#include "extract/textutil.h"

G_DEFINE_QUARK (nkg-input-error-quark, nkg_input_error)

/* The content key of the empty text, made once: every new article starts
 * with it, and a digest a record (most then replaced by set_text) was a
 * full SHA-256 for nothing. */
static const char *
empty_content_key (void)
{
  static gsize key;
  if (g_once_init_enter (&key))
    g_once_init_leave (&key, (gsize) nkg_content_key ("", 0));
  return (const char *) key;
}

NkgArticle *
nkg_article_new (const char *source, const char *format)
{
  NkgArticle *a = g_new0 (NkgArticle, 1);
  a->source = g_strdup (source);
  a->format = g_strdup (format ? format : "text");
  a->encoding = g_strdup ("UTF-8");
  a->text = g_strdup ("");
  a->content_key = g_strdup (empty_content_key ());
  return a;
}

void
nkg_article_free (NkgArticle *a)
{
  if (!a)
    return;
  g_free (a->text);
  g_free (a->source);
  g_free (a->format);
  g_free (a->title);
  g_free (a->date);
  g_free (a->url);
  g_free (a->author);
  g_free (a->language);
  g_free (a->encoding);
  g_free (a->content_key);
  g_free (a);
}

gboolean
nkg_article_set_text (NkgArticle *a, const char *bytes, gsize len, GError **error)
{
  g_return_val_if_fail (bytes != NULL || len == 0, FALSE);
  if (len && memchr (bytes, '\0', len))
    {
      g_set_error (error, NKG_INPUT_ERROR, NKG_INPUT_ERROR_ENCODING,
                   "contains NUL bytes: not a text file");
      return FALSE;
    }
  char *nfc;
  if (!len)
    nfc = g_strdup ("");
  else if (nkg_decode_is_utf8 (bytes, len) && !memchr (bytes, '\r', len)
           && !(len >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0))
    /* Already valid, LF ends, no BOM (every page's main text, most
     * files): straight to NFC, without the two copies below. */
    nfc = nkg_text_nfc (bytes, (gssize) len);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (bytes, len);
      const char *p = valid;
      if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
        p += 3;
      GString *lf = g_string_sized_new (strlen (p));
      for (; *p; p++)
        {
          if (*p == '\r')
            {
              g_string_append_c (lf, '\n');
              if (p[1] == '\n')
                p++;
            }
          else
            g_string_append_c (lf, *p);
        }
      g_autofree char *joined = g_string_free (lf, FALSE);
      nfc = nkg_text_nfc (joined, -1);
    }
  g_free (a->text);
  a->text = nfc ? nfc : g_strdup ("");
  a->len = strlen (a->text);
  g_free (a->content_key);
  a->content_key = a->len ? nkg_content_key (a->text, a->len) : g_strdup (empty_content_key ());
  return TRUE;
}

NkgArticle *
nkg_article_new_from_text (const char *source, const char *bytes, gsize len, GError **error)
{
  g_autoptr (NkgArticle) a = nkg_article_new (source, "text");
  if (!nkg_article_set_text (a, bytes, len, error))
    return NULL;
  return g_steal_pointer (&a);
}

char *
nkg_article_sha256 (const NkgArticle *a)
{
  return nkg_sha256_hex (a->text, a->len);
}

/* Whether the eight bytes at q, inside a run that so far ends in no
 * space, go on it (see nkg_content_key): all ASCII from 0x20 to
 * 0x7F, no two spaces together, the last no space. A FALSE that is not
 * so only sends them through the byte-by-byte test. */
static inline gboolean
folds_to_itself (const char *q)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 x;
  memcpy (&x, q, sizeof x);
  /* a byte from 0x80 up, or under 0x20 (it borrows) */
  if ((x | (x - 0x20 * ones)) & highs)
    return FALSE;
  /* the spaces: every one is marked (a byte after one may be too) */
  guint64 t = x ^ (0x20 * ones);
  guint64 spaces = (t - ones) & ~t & highs;
  if (!spaces)
    return TRUE;
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    return FALSE; /* the tests below read q[0] as the low byte */
  return !(spaces & (spaces << 8)) && !(spaces >> 63);
}

char *
nkg_content_key (const char *text, gsize len)
{
  /* Unicode white space, not only ASCII: a page's non-breaking spaces and
   * a text file's plain ones must fold alike. The folded text goes to
   * Nettle's SHA-256 (the processor's SHA instructions; the same digest
   * GChecksum gives) in pieces, never copied whole. */
  NkgSha256 sum;
  nkg_sha256_init (&sum);
  char buf[4096];
  gsize n = 0;
  gboolean pending = FALSE, started = FALSE;
  const char *p = text, *end = text + len;
  while (p < end)
    {
      guchar b = (guchar) *p;
      gboolean space;
      gsize step = 1;
      if (b < 0x80 && !g_ascii_isspace (b))
        {
          /* a run of ASCII that starts and ends with no space and holds
           * no space but single ' ' (most of a text: it folds to itself),
           * copied whole; the digest does not depend on how its input is
           * cut */
          const char *q = p + 1;
          for (;;)
            {
              while (end - q >= 8 && folds_to_itself (q))
                q += 8;
              if (!(q < end && (guchar) *q < 0x80
                    && (!g_ascii_isspace (*q)
                        || (*q == ' ' && q + 1 < end && (guchar) q[1] < 0x80 && !g_ascii_isspace (q[1])))))
                break;
              q++;
            }
          if (pending)
            {
              if (n + 1 > sizeof buf)
                {
                  nkg_sha256_update (&sum, buf, n);
                  n = 0;
                }
              buf[n++] = ' ';
            }
          for (gsize run = (gsize) (q - p), k; run; run -= k, p += k, n += k)
            {
              if (n == sizeof buf)
                {
                  nkg_sha256_update (&sum, buf, n);
                  n = 0;
                }
              k = MIN (run, sizeof buf - n);
              memcpy (buf + n, p, k);
            }
          pending = FALSE;
          started = TRUE;
          continue;
        }
      if (b < 0x80)
        space = g_ascii_isspace (b);
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);
          gboolean ok = c != (gunichar) -1 && c != (gunichar) -2;
          space = ok && g_unichar_isspace (c);
          step = ok ? (gsize) (g_utf8_next_char (p) - p) : 1;
        }
      if (space)
        pending = started;
      else
        {
          if (n + 1 + step > sizeof buf)
            {
              nkg_sha256_update (&sum, buf, n);
              n = 0;
            }
          if (pending)
            buf[n++] = ' ';
          if (step == 1) /* not a call to memcpy per byte */
            buf[n] = (char) b;
          else
            memcpy (buf + n, p, step);
          n += step;
          pending = FALSE;
          started = TRUE;
        }
      p += step;
    }
  nkg_sha256_update (&sum, buf, n);
  return nkg_sha256_hex_finish (&sum);
}
