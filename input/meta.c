/* meta.c — see meta.h. */
#include "meta.h"

#include "decode.h"

#include <string.h>

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec" };

static char *
ymd (int y, int m, int d)
{
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* 1–12 for an English month name or its abbreviation at `p` (advancing
 * past it), 0 otherwise. */
static int
month_at (const char **p)
{
  const char *s = *p;
  gsize n = 0;
  while (g_ascii_isalpha (s[n]))
    n++;
  if (n < 3)
    return 0;
  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (s, months[i], 3) == 0)
      {
        *p = s + n;
        return i + 1;
      }
  return 0;
}

static int
number_at (const char **p, int max_digits)
{
  int v = 0, n = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    v = v * 10 + (*(*p)++ - '0'), n++;
  return n ? v : -1;
}

char *
nkg_meta_date (const char *value)
{
  if (!value)
    return NULL;
  const char *s = value;
  while (g_ascii_isspace (*s))
    s++;
  /* Seconds since 1970 (JSON writes them as strings too). */
  gsize digits = strspn (s, "0123456789");
  if (digits >= 9 && digits <= 13 && !s[digits])
    return nkg_meta_date_from_epoch (g_ascii_strtoll (s, NULL, 10));
  /* ISO 8601 and its cousins: 2025-03-04, 2025/03/04, 2025.03.04,
   * 20250304 (alone or before a 'T'). */
  if (digits >= 4)
    {
      const char *p = s;
      int y = number_at (&p, 4);
      if ((*p == '-' || *p == '/' || *p == '.') && g_ascii_isdigit (p[1]))
        {
          char sep = *p++;
          int m = number_at (&p, 2);
          if (*p == sep)
            {
              p++;
              int d = number_at (&p, 2);
              return ymd (y, m, d);
            }
          return NULL;
        }
      if (digits == 8)
        {
          int m = number_at (&p, 2), d = number_at (&p, 2);
          return ymd (y, m, d);
        }
      return NULL;
    }
  /* RFC 822 ("Tue, 04 Mar 2025 10:00:00 GMT") and "4 March 2025". */
  const char *p = s;
  if (g_ascii_isalpha (*p))
    {
      const char *q = p;
      while (g_ascii_isalpha (*q))
        q++;
      const char *probe = p;
      if (*q == ',' && q - p <= 9 && !month_at (&probe))
        {
          p = q + 1; /* a weekday */
          while (g_ascii_isspace (*p))
            p++;
        }
    }
  if (g_ascii_isdigit (*p))
    {
      int d = number_at (&p, 2);
      while (*p == ' ' || *p == '-' || *p == '.')
        p++;
      int m = month_at (&p);
      while (*p == ' ' || *p == '-' || *p == ',' || *p == '.')
        p++;
      int y = number_at (&p, 4);
      if (m && y >= 0)
        return ymd (y < 100 ? 2000 + y : y, m, d);
      return NULL;
    }
  /* "March 4, 2025", "Mar. 4 2025". */
  int m = month_at (&p);
  if (m)
    {
      while (*p == ' ' || *p == '.')
        p++;
      int d = number_at (&p, 2);
      while (*p == ' ' || *p == ',')
        p++;
      int y = number_at (&p, 4);
      if (d > 0 && y > 0)
        return ymd (y, m, d);
    }
  return NULL;
}

char *
nkg_meta_date_from_epoch (gint64 seconds)
{
  if (seconds > 100000000000LL)
    seconds /= 1000;
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (seconds);
  return dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
}

char *
nkg_meta_url (const char *value, const char *base)
{
  g_autofree char *v = nkg_meta_clean (value);
  if (!v || strchr (v, ' '))
    return NULL;
  char *abs = NULL;
  if (base && !g_uri_is_valid (v, G_URI_FLAGS_NONE, NULL))
    abs = g_uri_resolve_relative (base, v, G_URI_FLAGS_NONE, NULL);
  else
    abs = g_strdup (v);
  if (!abs)
    return NULL;
  /* schema:url is a web address: no javascript:, data: or mailto:. */
  g_autoptr (GUri) uri = g_uri_parse (abs, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (!uri || !scheme || !g_uri_get_host (uri) || !*g_uri_get_host (uri)
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_free (abs);
      return NULL;
    }
  return abs;
}

char *
nkg_meta_clean (const char *value)
{
  if (!value)
    return NULL;
  gsize len = strlen (value);
  g_autofree char *valid = nkg_decode_is_utf8 (value, len) ? NULL : g_utf8_make_valid (value, -1);
  const char *v = valid ? valid : value;
  GString *out = g_string_sized_new (valid ? strlen (valid) : len);
  gboolean space = FALSE;
  for (const char *p = v; *p; p = g_utf8_next_char (p))
    {
      guchar b = (guchar) *p;
      if (b < 0x80)
        {
          /* ASCII: the spaces g_unichar_isspace knows, without decoding. */
          if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f')
            space = out->len > 0;
          else
            {
              if (space)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, (char) b);
            }
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (!out->len)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

gboolean
nkg_meta_json_too_deep (const char *json, gsize len, guint max)
{
  guint depth = 0;
  gboolean in_string = FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = json[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max)
            return TRUE;
        }
      else if ((c == ']' || c == '}') && depth)
        depth--;
    }
  return FALSE;
}

char *
nkg_meta_json_names (JsonNode *n)
{
  if (!n)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return nkg_meta_clean (json_node_get_string (n));
  if (JSON_NODE_HOLDS_OBJECT (n))
    {
      JsonNode *name = json_object_get_member (json_node_get_object (n), "name");
      if (name && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
        return nkg_meta_clean (json_node_get_string (name));
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *one = nkg_meta_json_names (json_array_get_element (a, i));
          if (!one)
            continue;
          if (s->len)
            g_string_append (s, ", ");
          g_string_append (s, one);
        }
      return s->len ? g_string_free (s, FALSE) : (g_string_free (s, TRUE), NULL);
    }
  return NULL;
}
