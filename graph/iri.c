/* iri.c — IRI checks; see iri.h. */
#include "iri.h"

#include <string.h>

/* Length of the scheme, or 0 when `iri` does not start with one. */
static gsize
scheme_len (const char *iri)
{
  if (!g_ascii_isalpha (iri[0]))
    return 0;
  gsize n = 1;
  while (g_ascii_isalnum (iri[n]) || iri[n] == '+' || iri[n] == '-' || iri[n] == '.')
    n++;
  return iri[n] == ':' ? n : 0;
}

static gboolean
forbidden (gunichar c)
{
  return c <= 0x20 || (c >= 0x7f && c <= 0x9f) || strchr ("<>\"{}|^`\\", (int) c) != NULL;
}

gboolean
nkg_iri_check (const char *iri, GError **error)
{
  if (!iri || !*iri)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED, "an IRI cannot be empty");
      return FALSE;
    }
  if (!g_utf8_validate (iri, -1, NULL))
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED, "not valid UTF-8");
      return FALSE;
    }
  if (scheme_len (iri) == 0)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                   "'%s' is not an absolute IRI (it needs a scheme, like https://)", iri);
      return FALSE;
    }
  for (const char *p = iri; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (forbidden (c))
        {
          g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                       "'%s' is not a valid IRI: %s at character %ld", iri,
                       c == ' '    ? "a space"
                       : c < 0x20 || (c >= 0x7f && c <= 0x9f) ? "a control character"
                                                               : "a character IRIs cannot hold",
                       g_utf8_pointer_to_offset (iri, p) + 1);
          return FALSE;
        }
    }
  return TRUE;
}

char *
nkg_iri_repair (const char *iri)
{
  g_autofree char *valid = g_utf8_make_valid (iri ? iri : "", -1);
  g_autofree char *trimmed = g_strstrip (g_strdup (valid));
  if (scheme_len (trimmed) == 0)
    return NULL;
  GString *out = g_string_new (NULL);
  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (forbidden (c))
        {
          char buf[8];
          gint n = g_unichar_to_utf8 (c, buf);
          for (gint i = 0; i < n; i++)
            g_string_append_printf (out, "%%%02X", (guchar) buf[i]);
        }
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
nkg_iri_is_web (const char *iri)
{
  return iri && (g_ascii_strncasecmp (iri, "http://", 7) == 0
                 || g_ascii_strncasecmp (iri, "https://", 8) == 0);
}
