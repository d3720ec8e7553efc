/* reader.c — the table of readers and sniffing (see reader.h). */
#include "reader.h"

#include "decode.h"
#include "rules.h"

#include <string.h>

/* Containers first: their signatures are certain, and a WARC record or a
 * tar member may look like anything further down. */
static const NkgReader *const table[] = {
  &nkg_reader_warc, &nkg_reader_archive, &nkg_reader_feed,
  &nkg_reader_html, &nkg_reader_json,    &nkg_reader_text, NULL,
};

const NkgReader *const *
nkg_readers (void)
{
  return table;
}

const NkgReader *
nkg_reader_lookup (const char *name)
{
  for (const NkgReader *const *r = table; *r; r++)
    if (g_ascii_strcasecmp ((*r)->name, name) == 0)
      return *r;
  return NULL;
}

const NkgReader *
nkg_reader_sniff (const guchar *head, gsize len, const char *name, gboolean in_folder, guint *score)
{
  /* UTF-16 markup or JSON is rare but real (Windows tools write it):
   * sniff its first characters as UTF-8 so that it is still recognised. */
  g_autofree char *converted = NULL;
  gsize bom;
  const char *wide = nkg_decode_bom (head, len, &bom);
  if (!wide)
    wide = nkg_decode_utf16_shape (head, len);
  if (wide && strcmp (wide, "UTF-8") != 0)
    {
      gsize n = 0;
      g_autofree char *enc = NULL;
      converted = nkg_decode ((const char *) head, MIN (len, 8192), NULL, &n, &enc);
      head = (const guchar *) converted;
      len = n;
    }
  g_autofree char *suffix = nkg_rules_suffix (name);
  const NkgReader *best = NULL;
  guint best_score = 0;
  for (const NkgReader *const *r = table; *r; r++)
    {
      guint s = (*r)->sniff (head, len);
      if (s && suffix && nkg_rules_has ("suffixes", (*r)->name, suffix))
        s += 10;
      if (in_folder && *r == &nkg_reader_text && suffix
          && nkg_rules_has ("folders", "not-articles", suffix))
        s = 0;
      if (s > best_score)
        best = *r, best_score = s;
    }
  if (score)
    *score = best_score;
  return best;
}

const guchar *
nkg_read_skip_space (const guchar *head, gsize len, gsize *rest)
{
  gsize i = 0;
  if (len >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
    i = 3;
  while (i < len && g_ascii_isspace (head[i]))
    i++;
  *rest = len - i;
  return head + i;
}

static char *
fold (const char *s, gsize n)
{
  g_autofree char *part = g_strndup (s, n);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = part; *p; p = g_utf8_next_char (p))
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
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

char *
nkg_read_join_headline (const char *title, const char *body)
{
  if (!body)
    body = "";
  if (!title || !*title)
    return g_strdup (body);
  g_autofree char *t = fold (title, strlen (title));
  /* Compare with the body's opening, as long as the title and a little. */
  g_autofree char *valid = g_utf8_make_valid (body, -1);
  const char *cut = valid;
  for (glong i = 0; *cut && i < g_utf8_strlen (title, -1) * 2 + 16; i++)
    cut = g_utf8_next_char (cut);
  g_autofree char *b = fold (valid, cut - valid);
  gsize tn = strlen (t);
  if (g_str_has_prefix (b, t) && (!b[tn] || !g_ascii_isalnum (b[tn])))
    return g_strdup (body);
  if (!*b)
    return g_strdup (""); /* a headline alone is no article */
  return g_strconcat (title, "\n\n", body, NULL);
}
