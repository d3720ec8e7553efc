/* read-html.c — a saved web page: its article (html.c) and metadata. */
#include "reader.h"

#include "decode.h"
#include "html.h"

#include <string.h>

static gboolean
starts_with_ci (const guchar *p, gsize n, const char *word)
{
  gsize w = strlen (word);
  return n >= w && g_ascii_strncasecmp ((const char *) p, word, w) == 0;
}

static guint
sniff_html (const guchar *head, gsize len)
{
  gsize n;
  const guchar *p = nkg_read_skip_space (head, len, &n);
  /* Comments before the doctype are common in saved pages. */
  while (starts_with_ci (p, n, "<!--"))
    {
      const char *end = g_strstr_len ((const char *) p, (gssize) n, "-->");
      if (!end)
        return 0;
      gsize skip = (const guchar *) end + 3 - p;
      p = nkg_read_skip_space (p + skip, n - skip, &n);
    }
  if (starts_with_ci (p, n, "<!doctype html") || starts_with_ci (p, n, "<html"))
    return 95;
  if (!n || p[0] != '<')
    return 0;
  g_autofree char *lower = g_ascii_strdown ((const char *) p, (gssize) MIN (n, 4096));
  if (g_str_has_prefix (lower, "<?xml"))
    return strstr (lower, "<html") || strstr (lower, "xhtml") ? 90 : 0;
  if (strstr (lower, "<head") || strstr (lower, "<body") || strstr (lower, "<meta ")
      || strstr (lower, "<title>"))
    return 80;
  if (strstr (lower, "<p>") || strstr (lower, "<p ") || strstr (lower, "<div") || strstr (lower, "<br")
      || strstr (lower, "<article"))
    return 50;
  return 0;
}

static gboolean
read_html (NkgReadContext *ctx, NkgSource *src, GError **error)
{
  g_autoptr (GBytes) bytes = nkg_source_read_all (src, NKG_READ_MAX_BYTES, error);
  if (!bytes)
    return FALSE;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* The container's word (an HTTP header) beats the page's own. */
  g_autofree char *declared = g_strdup (nkg_source_charset (src));
  if (!declared)
    declared = nkg_html_declared_charset ((const guchar *) data, len);
  g_autofree char *encoding = NULL;
  gsize n = 0;
  g_autofree char *utf8 = nkg_decode (data, len, declared, &n, &encoding);
  g_autoptr (NkgHtml) page = nkg_html_read (utf8, n, NKG_HTML_PAGE, nkg_source_url (src));
  g_autoptr (NkgArticle) a = nkg_article_new (nkg_source_name (src), nkg_source_format (src, "html"));
  if (!nkg_article_set_text (a, page->text, strlen (page->text), error))
    return FALSE;
  g_free (a->encoding);
  a->encoding = g_steal_pointer (&encoding);
  a->title = g_steal_pointer (&page->title);
  a->date = g_steal_pointer (&page->date);
  /* Where a crawl fetched it (WARC-Target-URI) is its address; the page's
   * canonical link speaks for pages saved by hand. */
  a->url = nkg_source_url (src) ? g_strdup (nkg_source_url (src)) : g_steal_pointer (&page->url);
  a->author = g_steal_pointer (&page->author);
  a->language = g_steal_pointer (&page->language);
  nkg_read_emit (ctx, g_steal_pointer (&a));
  return TRUE;
}

const NkgReader nkg_reader_html = {
  "html", "a web page: its main text, with JSON-LD, Open Graph, canonical and <title> metadata",
  sniff_html, read_html,
};
