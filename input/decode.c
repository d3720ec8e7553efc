/* decode.c — see decode.h. */
#include "decode.h"

#include "rules.h"

#include <string.h>
#include <uchardet/uchardet.h>

const char *
nkg_decode_bom (const guchar *b, gsize len, gsize *bom_len)
{
  gsize n = 0;
  const char *enc = NULL;
  /* UTF-32LE's mark starts like UTF-16LE's: test the longer one first. */
  if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
    enc = "UTF-32LE", n = 4;
  else if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
    enc = "UTF-32BE", n = 4;
  else if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    enc = "UTF-8", n = 3;
  else if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
    enc = "UTF-16LE", n = 2;
  else if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
    enc = "UTF-16BE", n = 2;
  if (bom_len)
    *bom_len = n;
  return enc;
}

const char *
nkg_decode_utf16_shape (const guchar *b, gsize len)
{
  /* Text in a Latin script has a NUL in every other byte in UTF-16 and
   * almost never one elsewhere; binary data has NULs everywhere. */
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  if (n < 4 || !memchr (b, '\0', n))
    return NULL; /* no NUL, no UTF-16 (most files: memchr is quick) */
  gsize even = 0, odd = 0;
  for (gsize i = 0; i < n; i += 2)
    {
      even += b[i] == 0;
      odd += b[i + 1] == 0;
    }
  gsize pairs = n / 2;
  if (odd * 10 >= pairs * 6 && even * 20 <= pairs)
    return "UTF-16LE";
  if (even * 10 >= pairs * 6 && odd * 20 <= pairs)
    return "UTF-16BE";
  return NULL;
}

char *
nkg_decode_charset_name (const char *label)
{
  if (!label || !*label)
    return NULL;
  g_autofree char *up = g_ascii_strup (label, -1);
  g_strstrip (up);
  /* Pages labelled Latin-1 or ASCII are written in Windows-1252 more
   * often than not (curly quotes in 0x80–0x9F); browsers read them so. */
  static const char *const as_1252[] = { "ISO-8859-1", "ISO8859-1", "LATIN1", "LATIN-1", "L1",
                                         "US-ASCII", "ASCII", "CP1252", "ISO_8859-1", "X-CP1252" };
  for (gsize i = 0; i < G_N_ELEMENTS (as_1252); i++)
    if (strcmp (up, as_1252[i]) == 0)
      return g_strdup ("WINDOWS-1252");
  if (strcmp (up, "UTF8") == 0 || strcmp (up, "UNICODE-1-1-UTF-8") == 0)
    return g_strdup ("UTF-8");
  GIConv cd = g_iconv_open ("UTF-8", up);
  if (cd == (GIConv) -1)
    return NULL;
  g_iconv_close (cd);
  return g_steal_pointer (&up);
}

/* `bytes` converted from `charset`; NULL when iconv refuses (an unknown
 * name, or bytes that are not in that encoding). */
static char *
convert (const char *bytes, gsize len, const char *charset, gsize *out_len)
{
  gsize unit = g_str_has_prefix (charset, "UTF-32") ? 4 : g_str_has_prefix (charset, "UTF-16") ? 2 : 1;
  len -= len % unit; /* a cut last character is dropped, not an error */
  GError *error = NULL;
  char *out = g_convert (bytes, len, "UTF-8", charset, NULL, out_len, &error);
  if (!out)
    {
      g_error_free (error);
      return NULL;
    }
  return out;
}

/* Share of bytes above 0x7F below which a text counts as mostly ASCII:
 * English with accented names, not a text in another language. */
#define MOSTLY_ASCII_PERCENT 5

/* UTF-16 and UTF-32 by hand rather than by iconv, which refuses a whole
 * text for one lone surrogate: here it becomes U+FFFD, as in UTF-8. */
static char *
wide_to_utf8 (const guchar *b, gsize len, const char *enc, gsize *out_len)
{
  gboolean wide32 = g_str_has_prefix (enc, "UTF-32");
  gboolean le = g_str_has_suffix (enc, "LE");
  gsize unit = wide32 ? 4 : 2;
  GString *out = g_string_sized_new (len);
  for (gsize i = 0; i + unit <= len; i += unit)
    {
      guint32 c;
      if (wide32)
        c = le ? (guint32) b[i] | (guint32) b[i + 1] << 8 | (guint32) b[i + 2] << 16 | (guint32) b[i + 3] << 24
               : (guint32) b[i + 3] | (guint32) b[i + 2] << 8 | (guint32) b[i + 1] << 16 | (guint32) b[i] << 24;
      else
        {
          c = le ? (guint32) (b[i] | b[i + 1] << 8) : (guint32) (b[i + 1] | b[i] << 8);
          if (c >= 0xD800 && c < 0xDC00 && i + 4 <= len)
            {
              guint32 lo = le ? (guint32) (b[i + 2] | b[i + 3] << 8) : (guint32) (b[i + 3] | b[i + 2] << 8);
              if (lo >= 0xDC00 && lo < 0xE000)
                {
                  c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                  i += 2;
                }
            }
        }
      if ((c >= 0xD800 && c < 0xE000) || c > 0x10FFFF)
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static char *
guess (const char *bytes, gsize len)
{
  uchardet_t ud = uchardet_new ();
  /* A guess from the first 64 KiB is as good as from all of it. */
  gsize n = MIN (len, 65536);
  uchardet_handle_data (ud, bytes, n);
  uchardet_data_end (ud);
  const char *cs = uchardet_get_charset (ud);
  g_autofree char *up = cs && *cs ? g_ascii_strup (cs, -1) : NULL;
  uchardet_delete (ud);
  if (up && nkg_rules_has ("encodings", "latin-guesses", up))
    {
      gsize high = 0;
      for (gsize i = 0; i < n; i++)
        high += (guchar) bytes[i] >= 0x80;
      if (high * 100 < n * MOSTLY_ASCII_PERCENT)
        return g_strdup ("WINDOWS-1252");
    }
  return up ? nkg_decode_charset_name (up) : NULL;
}

gboolean
nkg_decode_is_utf8 (const char *s, gsize len)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080), ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize i = 0;
  while (i < len)
    {
      /* ASCII without NUL, a word at a time, then a byte at a time. */
      for (guint64 w; i + 8 <= len; i += 8)
        {
          memcpy (&w, s + i, 8);
          if ((w & high) || ((w - ones) & ~w & high))
            break;
        }
      while (i < len && (guchar) s[i] < 0x80 && s[i])
        i++;
      if (i == len)
        break;
      if (!s[i])
        return FALSE;
      /* A run of non-ASCII bytes: ASCII bytes are always character
       * boundaries, so the text is valid exactly when each run is. */
      gsize j = i;
      while (j < len && (guchar) s[j] >= 0x80)
        j++;
      if (!g_utf8_validate_len (s + i, j - i, NULL))
        return FALSE;
      i = j;
    }
  return TRUE;
}

char *
nkg_decode (const char *bytes, gsize len, const char *declared, gsize *out_len, char **encoding)
{
  gsize n = 0, bom = 0;
  char *out = NULL;
  g_autofree char *used = NULL;
  const char *marked = nkg_decode_bom ((const guchar *) bytes, len, &bom);
  if (!marked)
    marked = nkg_decode_utf16_shape ((const guchar *) bytes, len);
  if (marked)
    {
      used = g_strdup (marked);
      if (strcmp (marked, "UTF-8") == 0)
        out = g_strndup (bytes + bom, len - bom), n = len - bom;
      else
        out = wide_to_utf8 ((const guchar *) bytes + bom, len - bom, marked, &n);
    }
  g_autofree char *decl = out ? NULL : nkg_decode_charset_name (declared);
  /* Real UTF-16 shows itself (mark or NUL pattern, above); a page that
   * only says so is UTF-8 or ASCII that lies, as browsers assume. */
  if (decl && (g_str_has_prefix (decl, "UTF-16") || g_str_has_prefix (decl, "UTF-32")))
    g_clear_pointer (&decl, g_free);
  if (!out && decl && strcmp (decl, "UTF-8") != 0)
    {
      out = convert (bytes, len, decl, &n);
      if (out)
        used = g_strdup (decl);
    }
  if (!out && (nkg_decode_is_utf8 (bytes, len) || (decl && strcmp (decl, "UTF-8") == 0)))
    {
      /* Valid UTF-8 is almost never an accident; a declared UTF-8 with a
       * few bad bytes is repaired later, not second-guessed. */
      out = g_strndup (bytes, len), n = len;
      g_free (used);
      used = g_strdup ("UTF-8");
    }
  if (!out)
    {
      g_autofree char *guessed = guess (bytes, len);
      if (guessed && strcmp (guessed, "UTF-8") == 0)
        {
          /* Mostly UTF-8 with a few broken bytes: repaired later. */
          out = g_strndup (bytes, len), n = len;
          g_free (used);
          used = g_steal_pointer (&guessed);
        }
      else if (guessed && (out = convert (bytes, len, guessed, &n)))
        {
          g_free (used);
          used = g_steal_pointer (&guessed);
        }
    }
  if (!out && (out = convert (bytes, len, "WINDOWS-1252", &n)))
    {
      g_free (used);
      used = g_strdup ("WINDOWS-1252");
    }
  if (!out)
    {
      out = convert (bytes, len, "ISO-8859-1", &n);
      g_free (used);
      used = g_strdup ("ISO-8859-1");
      if (!out) /* only if iconv itself is broken */
        out = g_strndup (bytes, len), n = len;
    }
  if (out_len)
    *out_len = n;
  if (encoding)
    *encoding = g_steal_pointer (&used);
  return out;
}
