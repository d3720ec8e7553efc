/* lang.c — see lang.h. */
#include "lang.h"

#include "article.h"

#include <string.h>
#include <textcat.h>

struct _NkgLang {
  void *handle;
};

NkgLang *
nkg_lang_new (GError **error)
{
  g_autofree char *conf = g_build_filename (NKG_TEXTCAT_DIR, "fpdb.conf", NULL);
  if (!g_file_test (conf, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "language profiles not found (%s; Debian package libexttextcat-data)", conf);
      return NULL;
    }
  void *h = special_textcat_Init (conf, NKG_TEXTCAT_DIR "/");
  if (!h)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "language profiles in %s cannot be read",
                   NKG_TEXTCAT_DIR);
      return NULL;
    }
  /* Articles are UTF-8: n-grams of characters, not of bytes. */
  textcat_SetProperty (h, TCPROP_UTF8AWARE, TC_TRUE);
  NkgLang *l = g_new0 (NkgLang, 1);
  l->handle = h;
  return l;
}

void
nkg_lang_free (NkgLang *l)
{
  if (!l)
    return;
  textcat_Done (l->handle);
  g_free (l);
}

/* A few thousand bytes tell the language as well as the whole article
 * (and textcat's cost grows with the sample). */
#define SAMPLE_BYTES 4096
/* Below this much text a verdict is a guess: names and numbers dominate. */
#define MIN_SAMPLE_BYTES 200

GStrv
nkg_lang_detect (NkgLang *l, const char *text, gsize len)
{
  if (len < MIN_SAMPLE_BYTES)
    return NULL;
  gsize n = MIN (len, SAMPLE_BYTES);
  /* Cut at a character boundary. */
  while (n < len && (((guchar) text[n]) & 0xC0) == 0x80)
    n--;
  const char *verdict = textcat_Classify (l->handle, text, n);
  if (!verdict || verdict[0] != '[')
    return NULL; /* "SHORT" or "UNKNOWN" */
  GPtrArray *codes = g_ptr_array_new ();
  for (const char *p = verdict; (p = strchr (p, '[')); p++)
    {
      const char *end = strchr (p, ']');
      if (!end)
        break;
      /* "en--utf8", "zh-CN-utf8": the language is before the first '-'. */
      gsize k = strcspn (p + 1, "-]");
      g_ptr_array_add (codes, g_strndup (p + 1, k));
    }
  g_ptr_array_add (codes, NULL);
  return (GStrv) g_ptr_array_free (codes, FALSE);
}
