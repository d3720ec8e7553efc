/* read-text.c — plain text: the fallback reader, any encoding. */
#include "reader.h"

#include "decode.h"
#include "rules.h"

#include <string.h>

/* Control characters other than layout ones mean binary data; a few are
 * tolerated (form feeds and stray escapes turn up in old text files). */
static gboolean
looks_binary (const guchar *h, gsize n)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), high = ones * 0x80;
  gsize ctrl = 0;
  for (gsize i = 0; i < n;)
    {
      /* Eight bytes none of which is below 0x20 or 0x7f (most text)
       * are passed in one step; the test may flag a clean word, never
       * miss a control byte. */
      if (i + 8 <= n)
        {
          guint64 w, del;
          memcpy (&w, h + i, 8);
          del = w ^ (ones * 0x7f);
          if (!((w - ones * 0x20) & ~w & high) && !((del - ones) & ~del & high))
            {
              i += 8;
              continue;
            }
        }
      for (gsize stop = MIN (i + 8, n); i < stop; i++)
        if ((h[i] < 0x20 && h[i] != '\n' && h[i] != '\r' && h[i] != '\t' && h[i] != '\f' && h[i] != 0x1b)
            || h[i] == 0x7f)
          ctrl++;
    }
  return ctrl * 100 > n;
}

static guint
sniff_text (const guchar *head, gsize len)
{
  if (nkg_rules_is_binary (head, len) || looks_binary (head, MIN (len, 8192)))
    return 0;
  gsize rest;
  const guchar *p = nkg_read_skip_space (head, len, &rest);
  /* Markup no other reader took (an SVG, an unknown XML) is text only
   * when it is named so. */
  if (rest && p[0] == '<')
    return 1;
  return 5;
}

static gboolean
read_text (NkgReadContext *ctx, NkgSource *src, GError **error)
{
  g_autoptr (GBytes) bytes = nkg_source_read_all (src, NKG_READ_MAX_BYTES, error);
  if (!bytes)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autofree char *encoding = NULL;
  gsize n = 0;
  g_autofree char *utf8 = nkg_decode (data, len, nkg_source_charset (src), &n, &encoding);
  g_autoptr (NkgArticle) a = nkg_article_new (nkg_source_name (src), nkg_source_format (src, "text"));
  if (!nkg_article_set_text (a, utf8, n, error))
    return FALSE;
  g_free (a->encoding);
  a->encoding = g_steal_pointer (&encoding);
  a->url = g_strdup (nkg_source_url (src));
  nkg_read_emit (ctx, g_steal_pointer (&a));
  return TRUE;
}

const NkgReader nkg_reader_text = {
  "text", "plain text in any encoding (UTF-8/16, legacy single-byte, detected)",
  sniff_text, read_text,
};
