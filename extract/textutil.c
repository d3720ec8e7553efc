/* textutil.c — string helpers for lexicon keys and surface forms. */
#include "textutil.h"

#include <string.h>

char *
nkg_text_key (const char *s)
{
  g_autoptr (GString) pre = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
        g_string_append_c (pre, '\'');
      else if (c == 0x2013 || c == 0x2014 || c == 0x2010 || c == 0x2011)
        g_string_append_c (pre, '-');
      else
        g_string_append_unichar (pre, c);
    }
  g_autofree char *ascii = g_str_to_ascii (pre->str, "C");
  return nkg_text_squeeze (ascii);
}

guint
nkg_text_count_words (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;
  for (const char *p = s; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in)
        n++;
      in = !space;
    }
  return n;
}

gboolean
nkg_text_is_upper (const char *s)
{
  gboolean letters = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        letters = TRUE;
    }
  return letters;
}

char *
nkg_text_titlecase (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean start = TRUE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, start ? g_unichar_toupper (c) : g_unichar_tolower (c));
      start = !g_unichar_isalpha (c) && c != '\'';
    }
  return g_string_free (out, FALSE);
}

char *
nkg_text_squeeze (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
