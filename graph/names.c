/* names.c — name keys and slugs; see names.h. */
#include "names.h"

#include <string.h>

/* nkg_name_key of an ASCII name: case folding and NFKD change only
 * letters' case; letters and digits stay, white space, '-', '/' and '_'
 * separate words, other punctuation goes. A third of merging was the
 * Unicode path on names that never needed it. */
static char *
ascii_name_key (const char *name)
{
  GString *out = g_string_sized_new (strlen (name));
  gboolean space = TRUE;
  for (const char *p = name; *p; p++)
    {
      char c = *p;
      if (g_ascii_isalnum (c))
        {
          g_string_append_c (out, g_ascii_tolower (c));
          space = FALSE;
        }
      else if ((c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '-'
                || c == '/' || c == '_')
               && !space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  if (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
nkg_name_key (const char *name)
{
  gboolean ascii = TRUE;
  for (const char *p = name ? name : ""; *p && ascii; p++)
    ascii = (unsigned char) *p < 0x80;
  if (ascii)
    return ascii_name_key (name ? name : "");
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autofree char *folded = g_utf8_casefold (valid, -1);
  /* Decompose so accents become separate combining marks we can drop. */
  g_autofree char *nfd = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);
  gboolean space = TRUE;
  for (const char *p = nfd; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType t = g_unichar_type (c);
      if (t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK
          || t == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if ((g_unichar_isspace (c) || t == G_UNICODE_DASH_PUNCTUATION || c == '/' || c == '_')
               && !space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
      /* other punctuation ("U.S.", "Singh's" apostrophe) is deleted */
    }
  if (out->len && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

char *
nkg_name_slug (const char *name)
{
  g_autofree char *key = nkg_name_key (name);
  GString *out = g_string_new (NULL);
  for (const char *p = key; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ')
        g_string_append_c (out, '-');
      else if (c < 128)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c); /* IRIs allow non-ASCII letters */
    }
  if (out->len == 0)
    g_string_append (out, "unnamed");
  return g_string_free (out, FALSE);
}

guint
nkg_name_key_words (const char *key)
{
  guint n = 0;
  gboolean in = FALSE;
  for (const char *p = key; p && *p; p++)
    {
      if (*p == ' ')
        in = FALSE;
      else if (!in)
        {
          in = TRUE;
          n++;
        }
    }
  return n;
}

guint
nkg_name_distance (const char *a, const char *b, guint max)
{
  glong la = 0, lb = 0;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &la);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &lb);
  if ((guint) ABS (la - lb) > max)
    return max + 1;
  g_autofree guint *prev = g_new (guint, lb + 1);
  g_autofree guint *cur = g_new (guint, lb + 1);
  for (glong j = 0; j <= lb; j++)
    prev[j] = j;
  for (glong i = 1; i <= la; i++)
    {
      cur[0] = i;
      guint row_min = cur[0];
      for (glong j = 1; j <= lb; j++)
        {
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
          cur[j] = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
          row_min = MIN (row_min, cur[j]);
        }
      if (row_min > max)
        return max + 1;
      memcpy (prev, cur, sizeof (guint) * (lb + 1));
    }
  return MIN (prev[lb], max + 1);
}

gboolean
nkg_name_is_generic_word (const char *w)
{
  static const char *const generic[] = {
    "the", "of", "on", "and", "for", "a", "an", "in", "between", "to", "with", "at", "by",
    "new", "earlier", "previous", "latest", "fresh", "landmark", "historic", "bilateral",
    "two", "first", "second", "this", "that", "its", "their", "our",
    "agreement", "agreements", "framework", "deal", "deals", "pact", "accord", "treaty",
    "mou", "mous", "memorandum", "understanding", "contract", "meeting", "summit",
    "conference", "talks", "visit", "dialogue", NULL,
  };
  /* (the first byte before the call: most words differ there) */
  for (int i = 0; generic[i]; i++)
    if (w[0] == generic[i][0] && strcmp (w, generic[i]) == 0)
      return TRUE;
  return FALSE;
}

guint
nkg_name_key_content_words (const char *key)
{
  g_auto (GStrv) parts = g_strsplit (key ? key : "", " ", -1);
  guint n = 0;
  for (char **p = parts; *p; p++)
    n += **p && !nkg_name_is_generic_word (*p);
  return n;
}
