/* segment.c — tokens and sentences (see segment.h). */
#include "segment.h"

#include <string.h>

#include "dates.h"
#include "patterns.h"
#include "textutil.h"

/* Words whose full stop marks an abbreviation, not a sentence end: the
 * list "abbreviation" of data/patterns.txt. */
static gboolean
is_abbreviation (const char *word, gsize n)
{
  /* An ASCII word (nearly every one) is lowered on the stack: a copy on
   * the heap for every word before a full stop was most of this. */
  char low[64];
  g_autofree char *heap = NULL;
  const char *lower = low;
  gsize i = 0;
  for (; i < n && i < sizeof low - 1 && (guchar) word[i] < 0x80; i++)
    low[i] = nkg_ascii_lower (word[i]);
  if (i == n)
    low[n] = '\0';
  else
    lower = heap = nkg_text_lower (word);
  if (NKG_IN_LIST ("abbreviation", lower))
    return TRUE;
  /* A single capital is an initial: "K. Raghavan". */
  if (!heap)
    return n == 1 && g_ascii_isupper (word[0]);
  return g_utf8_strlen (word, -1) == 1 && g_unichar_isupper (g_utf8_get_char (word));
}

static gboolean is_double (const NkgToken *t);

static gboolean
is_word_char (gunichar c)
{
  /* ASCII has no marks, and its letters and digits are the alphanumerics */
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x2212;
}

static gboolean
is_quote_char (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 || c == 0x2019
         || c == '\'' || c == 0x00AB || c == 0x00BB || c == 0x2033;
}

/* Length in bytes of the word starting at p: letters, digits, inner
 * apostrophes ("We're", "India's"), inner points of numbers and dotted
 * acronyms ("6.5", "U.S."), inner commas of numbers ("8,000"). */
#define ASCII_ALNUM(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= '0' && (c) <= '9'))
static const guchar ascii_alnum[256] = NKG_BYTE_TABLE (ASCII_ALNUM);

static gsize
word_length (const char *p)
{
  const char *q = p;
  while (*q)
    {
      /* ASCII letters and digits, most of a word, without decoding (a
       * run of them stepped over by one table of this file) */
      if (ascii_alnum[(guchar) *q])
        {
          do
            q++;
          while (ascii_alnum[(guchar) *q]);
          continue;
        }
      /* An ASCII byte that is no letter or digit ends the word unless it
       * is one of the four marks tested below: the space after nearly
       * every word, decided without decoding it and its neighbours. */
      if ((guchar) *q < 0x80 && *q != '\'' && *q != '.' && *q != ',' && *q != '/')
        break;
      gunichar c = g_utf8_get_char (q);
      const char *next = g_utf8_next_char (q);
      if (is_word_char (c))
        {
          q = next;
          continue;
        }
      gunichar after = *next ? g_utf8_get_char (next) : 0;
      gboolean possessive = (after == 's' || after == 'S') && !is_word_char (g_utf8_get_char (next + 1));
      if (q > p && is_apostrophe (c) && g_unichar_isalpha (after) && !possessive)
        {
          q = next;
          continue;
        }
      gunichar before = g_utf8_get_char (g_utf8_prev_char (q));
      if (q > p && (c == '.' || c == ',') && g_unichar_isdigit (before) && g_unichar_isdigit (after))
        {
          q = next;
          continue;
        }
      /* U.S. / D.C.: single letters joined by points. */
      if (q > p && c == '.' && g_unichar_isupper (before) && g_unichar_isupper (after)
          && (q - p == 1 || q[-2] == '.'))
        {
          q = next;
          continue;
        }
      /* R/D, E/N, G/A: two capitals joined by a slash, the short forms
       * of aid documents (Record of Discussions, Exchange of Notes) */
      if (q - p == 1 && c == '/' && g_unichar_isupper (before) && g_ascii_isupper (*next)
          && !is_word_char (g_utf8_get_char (next + 1)) && next[1] != '/')
        {
          q = next + 1;
          continue;
        }
      break;
    }
  /* The final point of a dotted acronym belongs to it. */
  if (*q == '.' && q - p >= 3 && q[-2] == '.')
    q++;
  return q - p;
}

/* An ASCII byte's class for push: a letter, a lower-case one, an upper-case
 * one; BYTE_UPPER is the bit that makes an upper-case ASCII letter lower.
 * BYTE_OTHER: neither an ASCII letter nor a digit (a token none of whose
 * bytes is one is NKG_TOK_ALNUM). */
enum { BYTE_LETTER = 0x01, BYTE_LOWER = 0x02, BYTE_OTHER = 0x04, BYTE_UPPER = 0x20 };
#define BYTE_CLASS(c) \
  ((c) >= 'A' && (c) <= 'Z' ? BYTE_LETTER | BYTE_UPPER : (c) >= 'a' && (c) <= 'z' ? BYTE_LETTER | BYTE_LOWER \
   : (c) >= '0' && (c) <= '9'                         ? 0                         : BYTE_OTHER)
static const guchar byte_class[256] = NKG_BYTE_TABLE (BYTE_CLASS);

/* The tokens as tokenize makes them: written straight into the room of
 * the segments' GArray (appending each one was a call and a copy a
 * token, a tenth of segmenting; an array of their own copied at the end
 * was a second large allocation and copy a text), its length set once at
 * the end; their text and lower case cut from one block (seg->text_block)
 * while it has room. */
typedef struct {
  NkgSegments *seg;
  NkgToken *v;
  guint n, room;
  gsize used; /* bytes of seg->text_block given out */
} Tokens;

/* A copy of the n bytes at s, NUL-terminated, for a token. */
static char *
token_copy (Tokens *tz, const char *s, gsize n)
{
  NkgSegments *seg = tz->seg;
  if (n + 1 > seg->text_block_size - tz->used)
    return g_string_chunk_insert_len (seg->strings, s, (gssize) n);
  char *d = seg->text_block + tz->used;
  memcpy (d, s, n);
  d[n] = '\0';
  tz->used += n + 1;
  return d;
}

static void
push (Tokens *tz, const char *text, const char *s, gsize len, guint flags)
{
  NkgToken t = { 0 };
  t.start = s - text;
  t.end = t.start + len;
  /* The text and its lower case live in the segments' string chunk: a
   * hundred thousand tokens per 300 articles, no allocation each. */
  /* Most tokens of English news are ASCII: lower case and flags in one
   * pass, without GLib's Unicode tables (a third of making a token). */
  /* (one table look-up a byte: four million bytes a corpus pass here) */
  /* The same pass copies the text and its ASCII lower case where they
   * go, the lower case just after the text, kept only when it differs
   * (a copy and a lowering pass a token were a fifth of this). Without
   * room in the block, both are cut from the chunk. */
  NkgSegments *seg = tz->seg;
  gboolean room = 2 * (len + 1) <= seg->text_block_size - tz->used;
  char *d = room ? seg->text_block + tz->used : g_string_chunk_insert_len (seg->strings, s, (gssize) len);
  char *dl = room ? d + len + 1 : g_string_chunk_insert_len (seg->strings, s, (gssize) len);
  guint letters = 0, hash = NKG_STR_HASH_SEED, seen = 0, bits = 0;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i], k = byte_class[c];
      char low = (char) (c | (k & BYTE_UPPER));
      d[i] = (char) c;
      dl[i] = low;
      hash = nkg_str_hash_step (hash, low);
      bits |= c;
      seen |= k;
      letters += k & BYTE_LETTER;
    }
  gboolean lower = (seen & BYTE_LOWER) != 0, upper = (seen & BYTE_UPPER) != 0;
  gboolean ascii = bits < 0x80;
  d[len] = '\0';
  t.text = d;
  if (room)
    tz->used += len + 1;
  gunichar first = ascii ? (guchar) *s : g_utf8_get_char (t.text);
  if (ascii)
    {
      /* A token with no capital is its own lower case: one copy serves. */
      if (upper)
        {
          dl[len] = '\0';
          t.lower = dl;
          if (room)
            tz->used += len + 1;
        }
      else
        t.lower = t.text;
      t.hash = hash;
      if (flags & NKG_TOK_WORD)
        {
          if (first >= 'A' && first <= 'Z')
            flags |= NKG_TOK_CAP;
          if (first >= '0' && first <= '9')
            flags |= NKG_TOK_NUM;
          if (letters >= 2 && !lower)
            flags |= NKG_TOK_UPPER;
          if (!(seen & BYTE_OTHER))
            flags |= NKG_TOK_ALNUM;
          /* "US$190 billion", "S$50 million": a currency's letters, no
           * country's name */
          if (s[len] == '$' && !lower && letters <= 3)
            flags &= ~(guint) (NKG_TOK_CAP | NKG_TOK_UPPER);
        }
    }
  else
    {
      g_autofree char *low = nkg_text_lower (t.text);
      t.lower = token_copy (tz, low, strlen (low));
      t.hash = g_str_hash (t.lower);
    }
  if (!ascii && (flags & NKG_TOK_WORD))
    {
      /* "ʻAkau", "ʻOtai": a Polynesian okina (a letter) before the capital */
      if (first == 0x02BB && t.text[2])
        first = g_utf8_get_char (g_utf8_next_char (t.text));
      if (g_unichar_isupper (first))
        flags |= NKG_TOK_CAP;
      if (g_unichar_isdigit (first))
        flags |= NKG_TOK_NUM;
      letters = 0;
      lower = FALSE;
      for (const char *p = t.text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          letters += g_unichar_isalpha (c);
          lower |= g_unichar_islower (c);
        }
      if (letters >= 2 && !lower)
        flags |= NKG_TOK_UPPER;
    }
  t.flags = flags;
  if (tz->n == tz->room)
    {
      /* (the array's length is set once, at the end: here only its room
       * grows, the tokens so far kept) */
      tz->room = 2 * tz->room + 16;
      g_array_set_size (tz->seg->tokens, tz->room);
      tz->v = (NkgToken *) (void *) tz->seg->tokens->data;
    }
  tz->v[tz->n++] = t;
}

/* Decides whether a quotation mark opens or closes from its neighbours. */
static guint
quote_side (gunichar c, gboolean space_before, gunichar next)
{
  if (c == 0x201C || c == 0x201E || c == 0x2018 || c == 0x00AB)
    return NKG_TOK_OPEN;
  /* Straight marks, and closing ones where an opening one belongs (” or
   * ’ typed by a converter that put right marks everywhere): opening
   * after a space before a word. */
  if (c == 0x00BB)
    return NKG_TOK_CLOSE;
  if (c == 0x2019)
    return space_before && is_word_char (next) ? NKG_TOK_OPEN : NKG_TOK_CLOSE;
  if (space_before && next && !g_unichar_isspace (next))
    return NKG_TOK_OPEN;
  return NKG_TOK_CLOSE;
}

static void
tokenize (NkgSegments *seg)
{
  const char *text = seg->text;
  /* news has a token every six bytes or so: room for them from the start */
  Tokens tokens = { seg, NULL, 0, 0, 0 }, *tz = &tokens;
  tz->room = (guint) (strlen (text) / 4 + 16);
  seg->tokens = g_array_sized_new (FALSE, FALSE, sizeof (NkgToken), tz->room);
  tz->v = (NkgToken *) (void *) seg->tokens->data;
  gboolean space = TRUE, line = TRUE;
  const char *p = text;
  while (*p)
    {
      if (*p == ' ')
        {
          /* the commonest byte, a space, without decoding */
          space = TRUE;
          p++;
          continue;
        }
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      /* The clean text has one paragraph a line (document.c joins the
       * lines of hard-wrapped text, reflow.c). */
      if (c == '\n')
        {
          line = TRUE;
          space = TRUE;
          p = next;
          continue;
        }
      /* GLib's white space among ASCII: tab, line feed, form feed, return */
      if (c < 0x80 ? (c == '\t' || c == '\r' || c == '\f') : g_unichar_isspace (c))
        {
          space = TRUE;
          p = next;
          continue;
        }
      guint flags = (space ? NKG_TOK_SPACE : 0) | (line ? NKG_TOK_LINE : 0);
      space = line = FALSE;
      if (c == '@' && is_word_char (g_utf8_get_char (next)))
        {
          const char *q = next;
          while (*q && (is_word_char (g_utf8_get_char (q)) || *q == '_'))
            q = g_utf8_next_char (q);
          push (tz, text, p, q - p, flags | NKG_TOK_HANDLE | NKG_TOK_WORD);
          p = q;
          continue;
        }
      if (is_word_char (c))
        {
          gsize n = word_length (p);
          /* "Mr." and "S." keep their point; so do months ("Aug."). */
          if (p[n] == '.')
            {
              /* (the word on the stack: a copy was made for every word
               * before a full stop) */
              char buf[64];
              g_autofree char *heap = n < sizeof buf ? NULL : g_strndup (p, n);
              const char *w = heap ? heap : memcpy (buf, p, n);
              if (!heap)
                buf[n] = '\0';
              /* "Sept. 17", but "met Dong Jun. He": a month's point is an
               * abbreviation's only before a day. */
              const char *d = p + n + 1;
              while (*d == ' ')
                d++;
              if (is_abbreviation (w, n) && !(nkg_date_month (w) && !g_ascii_isdigit (*d)))
                {
                  push (tz, text, p, n + 1, flags | NKG_TOK_WORD | NKG_TOK_ABBREV);
                  p += n + 1;
                  continue;
                }
            }
          push (tz, text, p, n, flags | NKG_TOK_WORD
                | (p[n - 1] == '.' ? NKG_TOK_ABBREV : 0));
          p += n;
          continue;
        }
      /* Possessives are their own token, so "India’s" looks India up. */
      if (is_apostrophe (c) && !(flags & NKG_TOK_SPACE) && tz->n)
        {
          const char *after = next;
          if ((*after == 's' || *after == 'S') && !is_word_char (g_utf8_get_char (after + 1)))
            {
              push (tz, text, p, after + 1 - p, flags | NKG_TOK_PUNCT | NKG_TOK_POSS);
              p = after + 1;
              continue;
            }
          const NkgToken *prev = &tz->v[tz->n - 1];
          gsize pl = strlen (prev->text);
          if (pl && (prev->text[pl - 1] == 's') && (!*after || g_unichar_isspace (g_utf8_get_char (after))))
            {
              push (tz, text, p, next - p, flags | NKG_TOK_PUNCT | NKG_TOK_POSS);
              p = next;
              continue;
            }
        }
      if (is_quote_char (c))
        {
          gunichar after = *next ? g_utf8_get_char (next) : 0;
          gboolean sp = (flags & NKG_TOK_SPACE) != 0;
          /* ’ after a word and before a space is a possessive ("Ministers’"),
           * unless a ‘ is open; this is settled in mark_quotes. */
          push (tz, text, p, next - p, flags | NKG_TOK_PUNCT | NKG_TOK_QUOTE
                | quote_side (c, sp, after));
          p = next;
          continue;
        }
      push (tz, text, p, next - p, flags | NKG_TOK_PUNCT | (is_dash (c) ? NKG_TOK_DASH : 0));
      p = next;
    }
  g_array_set_size (seg->tokens, tz->n);
  seg->tok = (NkgToken *) (void *) seg->tokens->data;
}


/* Marks tokens inside double quotations, per paragraph, so sentences do
 * not split there. Single marks are left alone: they are mostly apostrophes. */
static void
mark_quotes (NkgSegments *seg)
{
  gboolean open = FALSE;
  for (guint i = 0; i < seg->tokens->len; i++)
    {
      NkgToken *t = nkg_tok (seg, i);
      if (t->flags & NKG_TOK_LINE)
        open = FALSE;
      if ((t->flags & NKG_TOK_QUOTE) && is_double (t))
        {
          gunichar c = g_utf8_get_char (t->text);
          if (c == '"' || c == 0x2033)
            {
              /* Straight marks alternate. */
              t->flags &= ~(NKG_TOK_OPEN | NKG_TOK_CLOSE);
              t->flags |= open ? NKG_TOK_CLOSE : NKG_TOK_OPEN;
            }
          open = (t->flags & NKG_TOK_OPEN) != 0;
          continue;
        }
      if (open)
        t->flags |= NKG_TOK_INQUOTE;
    }
}

static gboolean
is_double (const NkgToken *t)
{
  gunichar c = g_utf8_get_char (t->text);
  /* ″ (double prime) stands for a straight quotation mark in some wire
   * copy */
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB || c == 0x2033;
}

/* Single marks used as quotation marks ('I am certain of it,' he said):
 * an opening mark after a space before a word, and the next closing mark
 * of the paragraph, outside double quotations, with four words or more
 * between and a space, punctuation or the end after it. Apostrophes sit
 * inside words or make possessives, and never pair like that. */
static void
mark_single_quotes (NkgSegments *seg)
{
  for (guint i = 0; i < seg->tokens->len; i++)
    {
      NkgToken *t = nkg_tok (seg, i);
      if (!(t->flags & NKG_TOK_QUOTE) || is_double (t) || !(t->flags & NKG_TOK_OPEN)
          || (t->flags & (NKG_TOK_INQUOTE | NKG_TOK_POSS)) || (i > 0 && !(t->flags & (NKG_TOK_SPACE | NKG_TOK_LINE)))
          || i + 1 >= seg->tokens->len || !(nkg_tok (seg, i + 1)->flags & NKG_TOK_WORD))
        continue;
      guint words = 0, close = 0;
      for (guint j = i + 1; j < seg->tokens->len && j < i + 150 && !close; j++)
        {
          const NkgToken *u = nkg_tok (seg, j);
          if ((u->flags & (NKG_TOK_LINE | NKG_TOK_INQUOTE)) || ((u->flags & NKG_TOK_QUOTE) && is_double (u)))
            break;
          if ((u->flags & NKG_TOK_QUOTE) && (u->flags & NKG_TOK_CLOSE) && !(u->flags & NKG_TOK_POSS) && words >= 4
              && (j + 1 >= seg->tokens->len || (nkg_tok (seg, j + 1)->flags & (NKG_TOK_SPACE | NKG_TOK_LINE | NKG_TOK_PUNCT))))
            close = j;
          if (u->flags & NKG_TOK_WORD)
            words++;
        }
      if (!close)
        continue;
      for (guint j = i + 1; j < close; j++)
        nkg_tok (seg, j)->flags |= NKG_TOK_INQUOTE;
      i = close;
    }
}

static gboolean
ends_sentence (const NkgSegments *seg, guint i)
{
  const NkgToken *t = nkg_tok (seg, i);
  /* “… the world.” He added: the quotation and the sentence end together. */
  if ((t->flags & NKG_TOK_CLOSE) && is_double (t) && i > 0 && i + 1 < seg->tokens->len)
    {
      const char *p = nkg_tok (seg, i - 1)->text;
      const NkgToken *n = nkg_tok (seg, i + 1);
      return (strcmp (p, ".") == 0 || strcmp (p, "!") == 0 || strcmp (p, "?") == 0)
             && (n->flags & NKG_TOK_SPACE) && (n->flags & (NKG_TOK_CAP | NKG_TOK_OPEN));
    }
  if (t->flags & NKG_TOK_INQUOTE)
    return FALSE;
  if (t->flags & NKG_TOK_ABBREV)
    {
      /* "the U.S. The…" ends; "Mr. Mehra" does not; nor does "Gilberto
       * Teodoro Jr. The…" go on: an abbreviation that ends a name (list
       * nameend) ends the sentence too before a sentence's first word. */
      if (i + 1 >= seg->tokens->len)
        return FALSE;
      if (!(t->flags & NKG_TOK_UPPER))
        {
          g_autofree char *bare = g_strndup (t->lower, strlen (t->lower) - (g_str_has_suffix (t->lower, ".") ? 1 : 0));
          if (!NKG_IN_LIST ("nameend", bare))
            return FALSE;
        }
      const NkgToken *n = nkg_tok (seg, i + 1);
      return (n->flags & NKG_TOK_CAP) && NKG_TOK_IN_LIST ("sentencestart", n);
    }
  return strcmp (t->text, ".") == 0 || strcmp (t->text, "!") == 0 || strcmp (t->text, "?") == 0;
}

static void
split_sentences (NkgSegments *seg)
{
  guint n = seg->tokens->len;
  guint first = 0, line = 0;
  for (guint i = 0; i < n; i++)
    {
      NkgToken *t = nkg_tok (seg, i);
      if (i > first && (t->flags & NKG_TOK_LINE))
        {
          NkgSentence s = { first, i, nkg_tok (seg, first)->start, nkg_tok (seg, i - 1)->end, line };
          g_array_append_val (seg->sentences, s);
          first = i;
        }
      if (t->flags & NKG_TOK_LINE)
        line += i > 0;
      if (!ends_sentence (seg, i))
        continue;
      guint end = i + 1;
      /* Closing marks and brackets after the stop stay with the sentence. */
      while (end < n && !(nkg_tok (seg, end)->flags & NKG_TOK_SPACE)
             && ((nkg_tok (seg, end)->flags & NKG_TOK_CLOSE) || strcmp (nkg_tok (seg, end)->text, ")") == 0))
        end++;
      if (end < n && !(nkg_tok (seg, end)->flags & (NKG_TOK_SPACE | NKG_TOK_LINE)))
        continue;
      NkgSentence s = { first, end, nkg_tok (seg, first)->start, nkg_tok (seg, end - 1)->end, line };
      g_array_append_val (seg->sentences, s);
      first = end;
      i = end - 1;
    }
  if (first < n)
    {
      NkgSentence s = { first, n, nkg_tok (seg, first)->start, nkg_tok (seg, n - 1)->end, line };
      g_array_append_val (seg->sentences, s);
    }
}

/* Rules compare the mentions of a sentence with one another, so a
 * "sentence" of a million words (a file with no full stop) would cost
 * their square. News sentences stay far below this; longer runs are cut
 * into pieces of this many tokens, and the cut is reported. */
#define NKG_SEGMENT_MAX_TOKENS 400

static void
cap_sentences (NkgSegments *seg)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (NkgSentence));
  for (guint i = 0; i < seg->sentences->len; i++)
    {
      NkgSentence s = g_array_index (seg->sentences, NkgSentence, i);
      if (s.last - s.first <= NKG_SEGMENT_MAX_TOKENS)
        {
          g_array_append_val (out, s);
          continue;
        }
      seg->cut_sentences++;
      for (guint a = s.first; a < s.last; a += NKG_SEGMENT_MAX_TOKENS)
        {
          guint b = MIN (s.last, a + NKG_SEGMENT_MAX_TOKENS);
          NkgSentence piece = { a, b, nkg_tok (seg, a)->start, nkg_tok (seg, b - 1)->end, s.line };
          g_array_append_val (out, piece);
        }
    }
  if (seg->cut_sentences)
    {
      g_array_set_size (seg->sentences, 0);
      g_array_append_vals (seg->sentences, out->data, out->len);
    }
}

NkgSegments *
nkg_segment (const char *text)
{
  NkgSegments *seg = g_new0 (NkgSegments, 1);
  seg->text = text;
  /* news has a token every six bytes or so: room for them from the start */
  /* one block for the text and lower case of every token, mostly (and
   * a chunk for what the block has no room for) */
  seg->text_block_size = 2 * strlen (text) + 256;
  seg->text_block = g_malloc (seg->text_block_size);
  seg->strings = g_string_chunk_new (256);
  seg->sentences = g_array_new (FALSE, TRUE, sizeof (NkgSentence));
  tokenize (seg);
  mark_quotes (seg);
  mark_single_quotes (seg);
  split_sentences (seg);
  cap_sentences (seg);
  return seg;
}

void
nkg_segments_free (NkgSegments *seg)
{
  if (!seg)
    return;
  g_array_unref (seg->tokens);
  g_array_unref (seg->sentences);
  g_string_chunk_free (seg->strings);
  g_free (seg->text_block);
  g_free (seg);
}

const char *
nkg_segments_span_buf (const NkgSegments *seg, guint a, guint b, char *buf, gsize size, char **heap)
{
  if (a >= b || b > seg->tokens->len)
    return "";
  guint s = nkg_tok (seg, a)->start, e = nkg_tok (seg, b - 1)->end;
  if (e - s >= size)
    return *heap = g_strndup (seg->text + s, e - s);
  memcpy (buf, seg->text + s, e - s);
  buf[e - s] = '\0';
  return buf;
}

char *
nkg_segments_span (const NkgSegments *seg, guint a, guint b)
{
  if (a >= b || b > seg->tokens->len)
    return g_strdup ("");
  guint s = nkg_tok (seg, a)->start, e = nkg_tok (seg, b - 1)->end;
  return g_strndup (seg->text + s, e - s);
}
