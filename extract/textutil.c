/* textutil.c — string helpers for lexicon keys and surface forms. */
#include "textutil.h"

#include <string.h>

gboolean
nkg_text_digit_ordinal (const char *w)
{
  return strlen (w) >= 3 && g_ascii_isdigit (w[0])
         && (g_str_has_suffix (w, "st") || g_str_has_suffix (w, "nd") || g_str_has_suffix (w, "rd") || g_str_has_suffix (w, "th"));
}

const char *
nkg_text_word_tail (const char *s)
{
  const char *p = s + strlen (s);
  while (p > s && g_ascii_isalnum (p[-1]))
    p--;
  return p;
}

gboolean
nkg_text_is_ascii (const char *s, gssize len)
{
  const unsigned char *p = (const unsigned char *) s;
  if (len < 0)
    {
      for (; *p; p++)
        if (*p >= 0x80)
          return FALSE;
      return TRUE;
    }
  /* eight bytes at a time: none has its high bit set or is zero */
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gssize i = 0;
  for (; i + 8 <= len; i += 8)
    {
      guint64 v;
      memcpy (&v, p + i, sizeof v);
      if ((v & highs) || ((v - ones) & ~v & highs))
        return FALSE;
    }
  for (; i < len; i++)
    if (p[i] == 0 || p[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Characters that are in NFC alone and in any sequence of them: none has
 * a combining class, a singleton decomposition, or composes with another
 * (tests/test-extract-text.c checks every pair against GLib). Latin up to
 * the spacing modifiers, general punctuation without the two quads that
 * NFC maps to spaces, currency signs: what English news is written in. */
static gboolean
nfc_stable_char (gunichar c)
{
  return c < 0x300 || (c >= 0x2002 && c <= 0x206F) || (c >= 0x20A0 && c <= 0x20C0);
}

/* One pass, validating as it goes: a stable character's UTF-8 is one of
 * three byte patterns (U+0080..U+02FF: C2..CB and one continuation byte;
 * U+2002..U+206F and U+20A0..U+20C0: E2 and two), so anything else is
 * either invalid or unstable. ASCII without NUL, most of every line, is
 * passed over eight bytes at a time (validating with GLib first, then
 * decoding character by character, read each line twice). */
gboolean
nkg_text_nfc_stable (const char *s, gsize len)
{
  const guchar *p = (const guchar *) s, *end = p + len;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = G_GUINT64_CONSTANT (0x8080808080808080);
  while (p < end)
    {
      if (end - p >= 8)
        {
          guint64 v;
          memcpy (&v, p, sizeof v);
          if (!(v & highs) && !((v - ones) & ~v & highs))
            {
              p += 8;
              continue;
            }
        }
      guchar c = *p;
      if (c < 0x80)
        {
          if (!c)
            return FALSE;
          p++;
        }
      else if (c >= 0xC2 && c <= 0xCB)
        {
          if (end - p < 2 || (p[1] & 0xC0) != 0x80)
            return FALSE;
          p += 2;
        }
      else if (c == 0xE2)
        {
          if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return FALSE;
          gunichar u = 0x2000 + ((gunichar) (p[1] & 0x3F) << 6) + (p[2] & 0x3F);
          if (!nfc_stable_char (u))
            return FALSE;
          p += 3;
        }
      else
        return FALSE;
    }
  return TRUE;
}

char *
nkg_text_nfc (const char *s, gssize len)
{
  enum { PIECE = 4096 };
  gsize n = len < 0 ? strlen (s) : (gsize) len;
  const char *nul = memchr (s, '\0', n);
  if (nul)
    n = (gsize) (nul - s); /* g_utf8_normalize stops there too */
  if (n <= PIECE)
    /* A whole article usually fits: most are NFC-stable throughout, and
     * g_utf8_normalize was a tenth of setting one up. */
    return nkg_text_nfc_stable (s, n) ? g_strndup (s, n)
                                      : g_utf8_normalize (s, (gssize) n, G_NORMALIZE_NFC);
  GString *out = g_string_sized_new (n + n / 8);
  const char *end = s + n;
  for (const char *p = s; p < end;)
    {
      const char *cut = end - p > PIECE ? p + PIECE : end;
      while (cut < end && (unsigned char) *cut >= 0x80)
        cut++;
      if (nkg_text_nfc_stable (p, (gsize) (cut - p)))
        g_string_append_len (out, p, cut - p);
      else
        {
          char *piece = g_utf8_normalize (p, cut - p, G_NORMALIZE_NFC);
          if (!piece)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append (out, piece);
          g_free (piece);
        }
      p = cut;
    }
  return g_string_free (out, FALSE);
}

char *
nkg_text_lower (const char *s)
{
  /* g_utf8_strdown walks characters through Unicode tables and was a
   * sixth of extraction's time; on ASCII (most words of English news) the
   * answer is the ASCII one. */
  gsize n = strlen (s);
  char *out = g_malloc (n + 1);
  for (gsize i = 0; i <= n; i++)
    {
      unsigned char c = (unsigned char) s[i];
      /* U+2000..U+203F (spaces, dashes, curly quotes, ellipsis) have no
       * case and are no letters: a line of news with them stays here. */
      if (c == 0xE2 && (unsigned char) s[i + 1] == 0x80 && ((unsigned char) s[i + 2] & 0xC0) == 0x80)
        {
          memcpy (out + i, s + i, 3);
          i += 2;
          continue;
        }
      if (c >= 0x80)
        {
          g_free (out);
          return g_utf8_strdown (s, -1);
        }
      out[i] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
  return out;
}

static char *squeeze_ascii (const char *s, gsize n);
static void squeeze_ascii_into (const char *s, char *out);

/* Most names and keys are squeezed ASCII (nkg_text_ascii_squeezed), and
 * are then copied whole instead of squeezed byte by byte. Eight bytes at a time:
 * each word's spaces found exactly (no borrow crosses bytes), so a
 * space pair is either inside one word or across two. */
gboolean
nkg_text_ascii_squeezed (const char *s, gsize n)
{
  if (n == 0)
    return TRUE;
  if (s[0] == ' ' || s[n - 1] == ' ')
    return FALSE;
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = G_GUINT64_CONSTANT (0x8080808080808080),
                lows = G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f);
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 v;
      memcpy (&v, s + i, sizeof v);
      /* a byte at or above 0x80, or below 0x20 */
      if ((v & highs) || ((v - 0x20 * ones) & ~v & highs))
        return FALSE;
      guint64 t = v ^ (0x20 * ones);
      guint64 sp = ~(((t & lows) + lows) | t) & highs;
      if ((sp & (sp << 8)) || (i > 0 && s[i - 1] == ' ' && s[i] == ' '))
        return FALSE;
    }
  for (; i < n; i++)
    if ((guchar) s[i] >= 0x80 || (guchar) s[i] < 0x20 || (i > 0 && s[i - 1] == ' ' && s[i] == ' '))
      return FALSE;
  return TRUE;
}

/* nkg_text_key (s) into `out` (room for s and its NUL) when s's only
 * non-ASCII characters are the apostrophes and dashes the key folds
 * ("Côte d’Ivoire" is not; "Pakistan’s" and "Bosnia–Herzegovina" are):
 * folded, nothing is left to transliterate. FALSE otherwise. */
static gboolean
fold_ascii_into (const char *s, char *out)
{
  gsize k = 0;
  for (const guchar *p = (const guchar *) s; *p;)
    {
      if (*p < 0x80)
        out[k++] = (char) *p++;
      else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) /* U+2018, U+2019 */
        {
          out[k++] = '\'';
          p += 3;
        }
      else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x90 || p[2] == 0x91 || p[2] == 0x93 || p[2] == 0x94)) /* U+2010, U+2011, U+2013, U+2014 */
        {
          out[k++] = '-';
          p += 3;
        }
      else if (p[0] == 0xCA && p[1] == 0xBC) /* U+02BC */
        {
          out[k++] = '\'';
          p += 2;
        }
      else
        return FALSE;
    }
  out[k] = '\0';
  squeeze_ascii_into (out, out); /* in place: it never writes ahead of its reading */
  return TRUE;
}

const char *
nkg_text_key_buf (const char *s, char *buf, gsize size, char **heap)
{
  gsize n = strlen (s);
  if (n < size && nkg_text_ascii_squeezed (s, n))
    return memcpy (buf, s, n + 1);
  if (n < size && nkg_text_is_ascii (s, (gssize) n))
    {
      squeeze_ascii_into (s, buf);
      return buf;
    }
  if (n < size && fold_ascii_into (s, buf))
    return buf;
  *heap = nkg_text_key (s);
  return *heap;
}

char *
nkg_text_key (const char *s)
{
  /* On ASCII the substitutions and the transliteration change nothing. */
  gsize n = strlen (s);
  if (nkg_text_ascii_squeezed (s, n))
    return memcpy (g_malloc (n + 1), s, n + 1);
  if (nkg_text_is_ascii (s, (gssize) n))
    return squeeze_ascii (s, n);
  char *folded = g_malloc (n + 1);
  if (fold_ascii_into (s, folded))
    return folded;
  g_free (folded);
  g_autoptr (GString) pre = g_string_new (NULL);
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB)
        g_string_append_c (pre, '\'');
      /* letters the C transliteration leaves as '?': the Vietnamese and
       * Croatian crossed d ("Đức" = "Duc"), the Turkish dotless i, the
       * Icelandic and Maltese ones */
      else if (c == 0x0110 || c == 0x00D0)
        g_string_append_c (pre, 'D');
      else if (c == 0x0111 || c == 0x00F0)
        g_string_append_c (pre, 'd');
      else if (c == 0x0131)
        g_string_append_c (pre, 'i');
      else if (c == 0x0126)
        g_string_append_c (pre, 'H');
      else if (c == 0x0127)
        g_string_append_c (pre, 'h');
      else if (c == 0x00DE)
        g_string_append (pre, "Th");
      else if (c == 0x00FE)
        g_string_append (pre, "th");
      else if (c == 0x2013 || c == 0x2014 || c == 0x2010 || c == 0x2011)
        g_string_append_c (pre, '-');
      else
        g_string_append_unichar (pre, c);
    }
  g_autofree char *ascii = g_str_to_ascii (pre->str, "C");
  return nkg_text_squeeze (ascii);
}

/* The bytes of v (eight, as read from memory on a little-endian machine)
 * that g_ascii_isspace takes, as the high bit of each: ' ' and \t..\r but
 * \v, told exactly (no carry crosses bytes; bytes at or above 0x80 are none). */
static inline guint64
ascii_space_bits (guint64 v)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101), highs = G_GUINT64_CONSTANT (0x8080808080808080),
                lows = G_GUINT64_CONSTANT (0x7f7f7f7f7f7f7f7f);
  guint64 x = v & lows;
  guint64 from_tab = (x + (0x80 - '\t') * ones) & ~((x + (0x80 - '\r' - 1) * ones)) & ~v & highs;
  guint64 t = v ^ (0x20 * ones), u = v ^ ('\v' * ones);
  guint64 blank = ~(((t & lows) + lows) | t) & highs, vt = ~(((u & lows) + lows) | u) & highs;
  return (from_tab & ~vt) | blank;
}

guint
nkg_text_count_words (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;
  /* Eight bytes at a time: a word starts at each byte that is no space
   * after one that is (quotations and paragraphs are counted whole). */
  if (G_BYTE_ORDER == G_LITTLE_ENDIAN)
    {
      const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
      gsize len = strlen (s), i = 0;
      guint64 before = 0x80; /* the byte before the first is a space */
      for (; i + 8 <= len; i += 8)
        {
          guint64 v;
          memcpy (&v, s + i, sizeof v);
          guint64 space = ascii_space_bits (v);
          n += (guint) __builtin_popcountll (~space & highs & (space << 8 | before));
          before = space >> 56;
        }
      in = !before;
      s += i;
    }
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
nkg_text_words_over (const char *s, guint n)
{
  guint words = 0;
  gboolean in = FALSE;
  for (const char *p = s; *p; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in && ++words > n)
        return TRUE;
      in = !space;
    }
  return FALSE;
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

/* g_unichar_isspace on ASCII: not \v, which Unicode calls a control. */
static gboolean
ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* nkg_text_squeeze on ASCII: into one buffer of the input's length, the
 * most it can need (the lexicon's place lookups squeeze every candidate
 * name, and a growing GString was most of their cost). */
static char *
squeeze_ascii (const char *s, gsize n)
{
  char *out = g_malloc (n + 1);
  squeeze_ascii_into (s, out);
  return out;
}

/* squeeze_ascii into `out`, which has room for s and its NUL. */
static void
squeeze_ascii_into (const char *s, char *out)
{
  gsize k = 0;
  gboolean space = FALSE;
  for (const char *p = s; *p; p++)
    if (ascii_space (*p))
      space = k > 0;
    else
      {
        if (space)
          out[k++] = ' ';
        space = FALSE;
        out[k++] = *p;
      }
  out[k] = '\0';
}

char *
nkg_text_squeeze (const char *s)
{
  gsize n = strlen (s);
  if (nkg_text_ascii_squeezed (s, n))
    return memcpy (g_malloc (n + 1), s, n + 1);
  if (nkg_text_is_ascii (s, (gssize) n))
    return squeeze_ascii (s, n);
  GString *out = g_string_sized_new (n);
  gboolean space = FALSE;
  for (const char *p = s; *p;)
    {
      /* ASCII byte by byte, other characters through GLib's tables */
      if ((unsigned char) *p < 0x80)
        {
          if (ascii_space (*p))
            space = out->len > 0;
          else
            {
              if (space)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, *p);
            }
          p++;
          continue;
        }
      gunichar c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
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

gboolean
nkg_prefix_index (guint32 *buckets, guint32 n, guint (*bucket_of) (gconstpointer data, guint32 i),
                  gconstpointer data)
{
  guint b = 0;
  for (guint32 i = 0; i < n; i++)
    {
      guint k = bucket_of (data, i);
      if (k + 1 < b)
        return FALSE; /* out of order */
      while (b <= k)
        buckets[b++] = i;
    }
  while (b <= NKG_PREFIX_BUCKETS)
    buckets[b++] = n;
  return TRUE;
}

struct NkgWordIndex {
  guint mask;
  struct {
    guint hash;
    const char *key; /* NULL: an empty slot */
    gpointer value;
  } *slots;
};

NkgWordIndex *
nkg_word_index_new (GHashTable *table)
{
  NkgWordIndex *ix = g_new0 (NkgWordIndex, 1);
  guint n = 16;
  while (n < 2 * g_hash_table_size (table))
    n *= 2;
  ix->mask = n - 1;
  ix->slots = g_malloc0_n (n, sizeof ix->slots[0]);
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      guint h = g_str_hash (key), i = h & ix->mask;
      while (ix->slots[i].key)
        i = (i + 1) & ix->mask;
      ix->slots[i].hash = h;
      ix->slots[i].key = key;
      ix->slots[i].value = value;
    }
  return ix;
}

void
nkg_word_index_free (NkgWordIndex *ix)
{
  if (!ix)
    return;
  g_free (ix->slots);
  g_free (ix);
}

gpointer
nkg_word_index_lookup (const NkgWordIndex *ix, const char *key, guint hash)
{
  for (guint i = hash & ix->mask; ix->slots[i].key; i = (i + 1) & ix->mask)
    if (ix->slots[i].hash == hash && strcmp (ix->slots[i].key, key) == 0)
      return ix->slots[i].value;
  return NULL;
}

typedef struct {
  guint32 round;
  guint hash;
  const char *key;
  gpointer value;
} StrMemoSlot;

struct NkgStrMemo {
  guint32 round;  /* this round's number; a slot of another is empty */
  guint mask;     /* slots - 1 */
  guint n;        /* this round's keys */
  StrMemoSlot *slots;
};

NkgStrMemo *
nkg_str_memo_new (void)
{
  NkgStrMemo *m = g_new0 (NkgStrMemo, 1);
  m->round = 1;
  m->mask = 63;
  m->slots = g_malloc0_n (m->mask + 1, sizeof m->slots[0]);
  return m;
}

void
nkg_str_memo_free (NkgStrMemo *m)
{
  if (!m)
    return;
  g_free (m->slots);
  g_free (m);
}

void
nkg_str_memo_clear (NkgStrMemo *m)
{
  m->n = 0;
  if (++m->round == 0)
    {
      /* the numbers went round: the slots start again from zero */
      memset (m->slots, 0, ((gsize) m->mask + 1) * sizeof m->slots[0]);
      m->round = 1;
    }
}

gpointer
nkg_str_memo_lookup (const NkgStrMemo *m, const char *key, guint hash)
{
  for (guint i = hash & m->mask; m->slots[i].round == m->round; i = (i + 1) & m->mask)
    if (m->slots[i].hash == hash && strcmp (m->slots[i].key, key) == 0)
      return m->slots[i].value;
  return NULL;
}

static void
str_memo_put (NkgStrMemo *m, const char *key, guint hash, gpointer value)
{
  guint i = hash & m->mask;
  while (m->slots[i].round == m->round)
    i = (i + 1) & m->mask;
  m->slots[i].round = m->round;
  m->slots[i].hash = hash;
  m->slots[i].key = key;
  m->slots[i].value = value;
}

void
nkg_str_memo_insert (NkgStrMemo *m, const char *key, guint hash, gpointer value)
{
  if (2 * (m->n + 1) > m->mask + 1)
    {
      /* half full: twice the slots, this round's keys moved over */
      guint old_mask = m->mask;
      StrMemoSlot *old = m->slots;
      m->mask = 2 * (old_mask + 1) - 1;
      m->slots = g_malloc0_n ((gsize) m->mask + 1, sizeof m->slots[0]);
      guint32 round = m->round;
      m->round = 1;
      for (guint i = 0; i <= old_mask; i++)
        if (old[i].round == round)
          str_memo_put (m, old[i].key, old[i].hash, old[i].value);
      g_free (old);
    }
  str_memo_put (m, key, hash, value);
  m->n++;
}
