/* reflow.c — hard-wrapped plain text back into paragraphs (see reflow.h). */
#include "reflow.h"

#include <stdlib.h>
#include <string.h>

#include "patterns.h"
#include "tagger.h"

/* Lines shorter than this say nothing of a wrap width (headings, bylines,
 * a paragraph's last words); longer than MAX_WIDTH, nobody wraps at. */
#define MIN_WRAPPED 30
#define MAX_WIDTH 200
/* How far below the width a wrapped line may end: a long word that did
 * not fit leaves this much room at most, in most text. */
#define NEAR_WIDTH 20
/* A line may run past the width this far (a hyphen added at its end)
 * and still be a wrapped one. */
#define OVER_WIDTH 8

typedef struct {
  gsize off, bytes;  /* the line's bytes in the text, without its line feed */
  guint chars;       /* characters up to its last non-space one */
  guint indent;      /* leading spaces and tabs */
  guint first;       /* characters of its first word: what a wrapper moves */
  gboolean blank;
  gboolean mid;      /* ends inside a sentence */
} Line;

static gboolean
is_blank_byte (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

/* The last character of `s` (n bytes, trailing spaces gone) ends a
 * sentence or a quotation: . ! ? : " ' ” ’ … */
static gboolean
ends_sentence (const char *s, gsize n)
{
  if (!n)
    return TRUE;
  char c = s[n - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'')
    return TRUE;
  /* ” U+201D, ’ U+2019, … U+2026: E2 80 9D, E2 80 99, E2 80 A6 */
  return n >= 3 && (guchar) s[n - 3] == 0xE2 && (guchar) s[n - 2] == 0x80
         && ((guchar) c == 0x9D || (guchar) c == 0x99 || (guchar) c == 0xA6);
}

/* The cheap test every text takes: enough lines of some length that run
 * into a next line while ending mid-sentence. Most news, one paragraph a
 * line, has none. */
static gboolean
may_be_wrapped (const char *text, gsize len)
{
  guint runs_on = 0;
  for (gsize at = 0; at < len;)
    {
      const char *nl = memchr (text + at, '\n', len - at);
      if (!nl)
        break;
      gsize stop = nl - text, n = stop - at;
      while (n && is_blank_byte (text[at + n - 1]))
        n--;
      gsize next = stop + 1;
      /* the next line, or in double-spaced text the one after a blank */
      gboolean more = next < len && (text[next] != '\n' || (next + 1 < len && text[next + 1] != '\n'));
      if (n >= MIN_WRAPPED && n <= 2 * MAX_WIDTH && more
          && !ends_sentence (text + at, n) && ++runs_on >= 3)
        return TRUE;
      at = next;
    }
  return FALSE;
}

/* Characters as a reader sees them: soft hyphens (C2 AD), zero-width
 * spaces (E2 80 8B), word joiners (E2 81 A0) and byte-order marks
 * (EF BB BF) take no room on a line. */
static guint
count_chars (const char *s, gsize n)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint c = 0;
  for (gsize i = 0; i < n;)
    {
      /* eight ASCII bytes are eight characters: most of a line */
      guint64 w;
      if (i + 8 <= n && (memcpy (&w, s + i, 8), !(w & high)))
        {
          c += 8;
          i += 8;
          continue;
        }
      guchar b = (guchar) s[i];
      gboolean invisible = (b == 0xC2 && i + 1 < n && (guchar) s[i + 1] == 0xAD)
                           || (i + 2 < n && b == 0xE2 && (guchar) s[i + 1] == 0x80 && (guchar) s[i + 2] == 0x8B)
                           || (i + 2 < n && b == 0xE2 && (guchar) s[i + 1] == 0x81 && (guchar) s[i + 2] == 0xA0)
                           || (i + 2 < n && b == 0xEF && (guchar) s[i + 1] == 0xBB && (guchar) s[i + 2] == 0xBF);
      c += (b & 0xC0) != 0x80 && !invisible;
      i++;
    }
  return c;
}

static void
measure (const char *text, gsize off, gsize bytes, Line *l)
{
  const char *s = text + off;
  l->off = off;
  l->bytes = bytes;
  gsize n = bytes;
  while (n && is_blank_byte (s[n - 1]))
    n--;
  l->blank = n == 0;
  if (l->blank)
    return;
  gsize i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  l->indent = (guint) i;
  /* A line of more bytes than four times the widest wrap (a paragraph
   * of the text's own) is wider than any, whatever its characters. */
  l->chars = n > 4 * MAX_WIDTH ? (guint) MIN (n, G_MAXUINT) : count_chars (s, n);
  l->mid = !ends_sentence (s, n);
  /* its first word as a whole: wrappers that also break after a hyphen
   * inside a word ("India-" | "US") leave a hyphen at the line's end,
   * which classify() sees first */
  gsize w = i;
  while (w < n && s[w] != ' ' && s[w] != '\t')
    w++;
  l->first = count_chars (s + i, w - i);
}

static int
cmp_uint (const void *a, const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* The wrap width: the greatest length of the lines that run on
 * mid-sentence, leaving out the few far longer ones (a paragraph left
 * unwrapped); 0 when the text is not wrapped at one width: most of those
 * lines end near it, and few lines of any kind are longer. Text with a
 * paragraph a line has many lines longer than any such width. */
static guint
wrap_width (const Line *lines, gsize n, gsize step)
{
  g_autoptr (GArray) lens = g_array_new (FALSE, FALSE, sizeof (guint));
  for (gsize i = 0; i + step < n; i++)
    if (!lines[i].blank && !lines[i + step].blank && lines[i].mid && lines[i].chars >= MIN_WRAPPED
        && lines[i].chars <= MAX_WIDTH)
      g_array_append_val (lens, lines[i].chars);
  if (lens->len < 3)
    return 0;
  qsort (lens->data, lens->len, sizeof (guint), cmp_uint);
  const guint *v = (const guint *) lens->data;
  guint p90 = v[(lens->len * 9 + 9) / 10 - 1], width = 0;
  for (guint i = 0; i < lens->len; i++)
    if (v[i] <= p90 + OVER_WIDTH)
      width = v[i];
  guint near = 0, over = 0;
  for (guint i = 0; i < lens->len; i++)
    near += v[i] <= width && v[i] + NEAR_WIDTH >= width;
  for (gsize i = 0; i < n; i++)
    over += lines[i].chars > width + OVER_WIDTH;
  if (near < 3 || near * 10 < lens->len * 6 || over * 4 > near)
    return 0;
  return width;
}

/* What the break after a line ending in a hyphen stands for: the
 * hyphen of a word cut in two goes ("agree-" | "ment": WordNet knows
 * "agreement"; "coro-" | "navirus": no part is a word); a compound's
 * stays ("long-" | "term", "India-" | "US"), as does a prefix's before a
 * word of its own ("co-" | "founder"). */
static NkgBreak
hyphen_break (const char *text, const Line *a, const Line *b)
{
  const char *end = text + a->off + a->bytes;
  while (end > text + a->off && is_blank_byte (end[-1]))
    end--;
  const char *left = end - 1; /* the hyphen */
  gboolean upper = FALSE;
  while (left > text + a->off && g_ascii_isalpha (left[-1]))
    upper |= g_ascii_isupper (*--left);
  const char *right = text + b->off + b->indent, *stop = right;
  while (stop < text + b->off + b->bytes && g_ascii_islower (*stop))
    stop++;
  gsize nl = (gsize) (end - 1 - left), nr = (gsize) (stop - right);
  /* the right part must be the whole of a lower-case word; a name's
   * hyphen stays ("Ji-" | "yeon") */
  if (upper || !nl || !nr || nl + nr >= 64 || (stop < text + b->off + b->bytes && g_ascii_isalnum (*stop)))
    return NKG_BREAK_JOIN;
  char word[64], part[64];
  for (gsize i = 0; i < nl; i++)
    word[i] = part[i] = g_ascii_tolower (left[i]);
  part[nl] = '\0';
  memcpy (word + nl, right, nr);
  word[nl + nr] = '\0';
  gboolean right_word = nkg_wordnet_form_known (word + nl);
  if (right_word && NKG_IN_LIST ("hyphenprefix", part))
    return NKG_BREAK_JOIN;
  if (nkg_wordnet_form_known (word))
    return NKG_BREAK_UNHYPHENATE;
  /* "covid-" | "related" is a compound; "coro-" | "navirus", syllables */
  return right_word ? NKG_BREAK_JOIN : NKG_BREAK_UNHYPHENATE;
}

/* Whether the line ends in a hyphen or a dash that joins it to the next
 * line without a space: "India-", "partnership—". */
static gboolean
ends_in_joiner (const char *text, const Line *l, gboolean *hyphen)
{
  const char *s = text + l->off;
  gsize n = l->bytes;
  while (n && is_blank_byte (s[n - 1]))
    n--;
  *hyphen = n >= 2 && s[n - 1] == '-' && g_ascii_isalpha (s[n - 2]);
  if (*hyphen)
    return TRUE;
  /* — U+2014, – U+2013 after a word */
  return n >= 4 && (guchar) s[n - 3] == 0xE2 && (guchar) s[n - 2] == 0x80
         && ((guchar) s[n - 1] == 0x94 || (guchar) s[n - 1] == 0x93) && !is_blank_byte (s[n - 4]);
}

/* The line's last word is a link ("https://t.co/x", "pic.twitter.com/x"). */
static gboolean
ends_in_link (const char *text, const Line *l)
{
  const char *s = text + l->off;
  gsize n = l->bytes;
  while (n && is_blank_byte (s[n - 1]))
    n--;
  gsize w = n;
  while (w && !is_blank_byte (s[w - 1]))
    w--;
  g_autofree char *word = g_strndup (s + w, n - w);
  return strstr (word, "://") || g_str_has_prefix (word, "pic.twitter.com/");
}

static NkgBreak
classify (const char *text, const Line *a, const Line *b, guint width, guint body_indent)
{
  if (a->blank || b->blank)
    return NKG_BREAK_PARAGRAPH;
  const char *next = text + b->off + b->indent;
  gboolean hyphen;
  if (a->chars + NEAR_WIDTH >= width && a->chars <= width + OVER_WIDTH && ends_in_joiner (text, a, &hyphen)
      && g_ascii_isalnum (*next))
    return hyphen ? hyphen_break (text, a, b) : NKG_BREAK_JOIN;
  if (b->indent > body_indent || a->chars > width + OVER_WIDTH)
    return NKG_BREAK_PARAGRAPH;
  /* "— Jane Doe (@jdoe) May 2, 2025" after a sentence or a post's link
   * signs what came before: a line of its own. */
  if ((!a->mid || ends_in_link (text, a))
      && (g_str_has_prefix (next, "\u2014 ") || g_str_has_prefix (next, "\u2013 ")))
    return NKG_BREAK_PARAGRAPH;
  /* A greedy wrapper would have put the next line's first word here:
   * the paragraph ended. */
  if (a->chars + 1 + b->first <= width)
    return NKG_BREAK_PARAGRAPH;
  return NKG_BREAK_SPACE;
}

guint8 *
nkg_reflow_breaks (const char *text, gsize len, gsize *n_breaks)
{
  *n_breaks = 0;
  if (!may_be_wrapped (text, len))
    return NULL;
  g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  for (gsize at = 0; at <= len;)
    {
      const char *nl = memchr (text + at, '\n', len - at);
      gsize stop = nl ? (gsize) (nl - text) : len;
      Line l = { 0 };
      measure (text, at, stop - at, &l);
      g_array_append_val (lines, l);
      at = stop + 1;
    }
  const Line *ls = (const Line *) lines->data;
  gsize n = lines->len;
  /* Double-spaced text (a blank line after every line, two or more
   * between paragraphs): a line's neighbour is the one after the blank. */
  gsize step = 2;
  for (gsize i = 0; i + 1 < n && step == 2; i++)
    if (!ls[i].blank && !ls[i + 1].blank)
      step = 1;
  guint width = wrap_width (ls, n, step);
  if (!width)
    return NULL;
  guint body_indent = G_MAXUINT;
  for (gsize i = 0; i < n; i++)
    if (!ls[i].blank)
      body_indent = MIN (body_indent, ls[i].indent);
  guint8 *breaks = g_new0 (guint8, n);
  for (gsize i = 0; i + step < n; i++)
    {
      if (step == 2 && (ls[i].blank || !ls[i + 1].blank))
        continue;
      NkgBreak b = classify (text, &ls[i], &ls[i + step], width, body_indent);
      breaks[i] = (guint8) b;
      /* the blank line between: nothing more (the hyphen went already) */
      if (step == 2 && b != NKG_BREAK_PARAGRAPH)
        breaks[i + 1] = (guint8) (b == NKG_BREAK_SPACE ? NKG_BREAK_SPACE : NKG_BREAK_JOIN);
    }
  *n_breaks = n - 1;
  return breaks;
}
