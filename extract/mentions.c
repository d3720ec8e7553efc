/* mentions.c — finding and typing mention spans (see mentions.h). */
#include "mentions.h"

#include <string.h>

#include "dates.h"
#include "patterns.h"
#include "placecue.h"
#include "scratch.h"
#include "tagger.h"
#include "textutil.h"

typedef struct {
  const NkgLexicon *lex;
  const NkgSegments *seg;
  GPtrArray *out;
  guint sentence;
  guint s_first, s_last; /* the sentence's tokens */
  gboolean headline;     /* Title Case line: only gazetteer and acronyms */
  gboolean in_dateline;  /* chunking a dateline's places: no second dateline */
  guint sentence_out;    /* out->len when this sentence began: its mentions follow */
  NkgStrMemo *places;    /* span → PlaceMemo: each span's place lookup, once
                          * (the thread's, emptied per article) */
  GHashTable *named;     /* the words, ASCII lower case, of the names of two or
                          * more tokens in out[0, named_upto) (head_named_before) */
  guint named_upto;
  /* place_of's answers by token span, for spans of up to SPAN_MEMO tokens:
   * span_memo[a * SPAN_MEMO + (b - a - 1)] holds NO_PLACE or the span's
   * PlaceMemo once asked, when its article is this article's number
   * (SpanMemo below) */
  struct SpanSlot *span_memo;
  guint32 article;
  /* process_chunk's titles waiting for a name, kept empty between calls
   * so the array is made once per article, not once per chunk */
  GPtrArray *pending;
  NkgArena *memo; /* the article's memos: places' PlaceMemos, named's words */
} Finder;

enum { SPAN_MEMO = 6 };

typedef struct PlaceMemo {
  gboolean found;
  NkgPlace place;
  char span[]; /* the table's key */
} PlaceMemo;

/* The span memos' slots are the thread's, kept from one article to the
 * next: a slot written for an earlier article has another number, so
 * the slots need no zeroing per article (zeroing them, tokens × 6
 * pointers, was a large calloc and memset per article). */
typedef struct SpanSlot {
  const struct PlaceMemo *memo;
  guint32 article;
} SpanSlot;

typedef struct {
  SpanSlot *slots; /* zeroed when made: article 0, which no article has */
  gsize n;
  guint32 article; /* the number of the thread's last article */
} SpanMemo;

static void
span_memo_free (gpointer p)
{
  SpanMemo *m = p;
  g_free (m->slots);
  g_free (m);
}

static GPrivate span_memo_key = G_PRIVATE_INIT (span_memo_free);

static void
places_free (gpointer p)
{
  nkg_str_memo_free (p);
}

static GPrivate places_key = G_PRIVATE_INIT (places_free);

/* The thread's place memos, emptied for a new article: a table made per
 * article grew from 8 slots through every size, in mallocs (1% of a
 * build). */
static NkgStrMemo *
places_take (void)
{
  NkgStrMemo *m = g_private_get (&places_key);
  if (!m)
    {
      m = nkg_str_memo_new ();
      g_private_set (&places_key, m);
    }
  else
    nkg_str_memo_clear (m);
  return m;
}

/* The thread's slots, at least n of them, and a new article number for
 * them (slots of earlier articles then read as never asked). */
static SpanSlot *
span_memo_take (gsize n, guint32 *article)
{
  SpanMemo *m = g_private_get (&span_memo_key);
  if (!m)
    {
      m = g_new0 (SpanMemo, 1);
      g_private_set (&span_memo_key, m);
    }
  if (m->n < n)
    {
      g_free (m->slots);
      m->n = MAX (n, 2 * m->n);
      m->slots = g_new0 (SpanSlot, m->n);
    }
  if (++m->article == 0)
    {
      /* the numbers went round: the slots start again from zero */
      memset (m->slots, 0, m->n * sizeof m->slots[0]);
      m->article = 1;
    }
  *article = m->article;
  return m->slots;
}

/* span_memo's mark of a span that is surely no place (never read) */
static const char no_place;
#define NO_PLACE ((const PlaceMemo *) (gconstpointer) &no_place)

/* nkg_lexicon_place (f->lex, span, out), remembered: the stages ask
 * about the same spans again and again (a candidate name, then its
 * pieces, then each word), and a lookup builds keys and searches the
 * gazetteer (8% of a build). A new span is copied once, into its memo.
 * The lexicon writes `out` only when it finds a place, and so does this. */
static const PlaceMemo *
place_memo_of (const Finder *f, const char *span)
{
  /* most spans are surely no place: not remembered */
  if (!nkg_lexicon_place_maybe (f->lex, span))
    return NO_PLACE;
  guint hash = g_str_hash (span);
  const PlaceMemo *m = nkg_str_memo_lookup (f->places, span, hash);
  if (!m)
    {
      gsize n = strlen (span);
      PlaceMemo *made = nkg_arena_alloc (f->memo, sizeof *made + n + 1);
      memcpy (made->span, span, n + 1);
      made->found = nkg_lexicon_place (f->lex, made->span, &made->place);
      nkg_str_memo_insert (f->places, made->span, hash, made);
      m = made;
    }
  return m;
}

static gboolean
place_answer (const PlaceMemo *m, NkgPlace *out)
{
  if (m == NO_PLACE)
    return FALSE;
  if (m->found && out)
    *out = m->place;
  return m->found;
}

static gboolean
place_memo (const Finder *f, const char *span, NkgPlace *out)
{
  return place_answer (place_memo_of (f, span), out);
}

static void
mention_free (gpointer p)
{
  NkgMention *m = p;
  g_free (m->surface);
  g_free (m->written);
  if (m->titles)
    g_ptr_array_unref (m->titles);
  g_free (m);
}

void
nkg_mention_add_title (NkgMention *m, char *title)
{
  if (!m->titles)
    m->titles = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (m->titles, title);
}

/* Moves the titles waiting for a name onto it, leaving `pending` empty. */
static void
take_pending_titles (NkgMention *m, GPtrArray *pending)
{
  for (guint i = 0; i < pending->len; i++)
    nkg_mention_add_title (m, g_steal_pointer (&g_ptr_array_index (pending, i)));
  g_ptr_array_set_size (pending, 0);
}

static const NkgToken *
tok (const Finder *f, guint i)
{
  return nkg_tok (f->seg, i);
}

static gboolean
is_word (const NkgToken *t)
{
  return (t->flags & NKG_TOK_WORD) != 0;
}

static gboolean
is_capital (const NkgToken *t)
{
  return (t->flags & NKG_TOK_WORD) && (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
         && !(t->flags & NKG_TOK_HANDLE);
}

/* A lower-case plural whose singular WordNet knows as a noun: "states",
 * "countries". */
static gboolean
is_plural_noun (const NkgToken *t)
{
  gsize n = strlen (t->lower);
  if ((t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || n < 4 || t->lower[n - 1] != 's' || t->lower[n - 2] == 's')
    return FALSE;
  g_autofree char *one = g_str_has_suffix (t->lower, "ies") ? g_strdup_printf ("%.*sy", (int) n - 3, t->lower)
                                                             : g_strndup (t->lower, n - 1);
  guint counts[4];
  return nkg_wordnet_word (one, counts, NULL) && counts[0] > 0;
}

/* Whether the description with head h (its head phrase from head_first)
 * speaks of a sort, not of one agreement: "its third agreement of its
 * kind", "the legal framework for power trade" (patterns.txt ofkind,
 * sortframework). */
static gboolean
kind_of_its_own (const Finder *f, guint h, guint head_first)
{
  if (h + 3 < f->s_last && strcmp (tok (f, h + 1)->lower, "of") == 0 && NKG_TOK_IN_LIST ("ofkind", tok (f, h + 2))
      && strcmp (tok (f, h + 3)->lower, "kind") == 0)
    return TRUE;
  return head_first == h && head_first > f->s_first && strcmp (tok (f, h)->lower, "framework") == 0
         && NKG_TOK_IN_LIST ("sortframework", tok (f, h - 1));
}

static guint
roles (const Finder *f, const NkgToken *t)
{
  return nkg_lexicon_tok_roles (f->lex, t);
}

/* Roles of a two-word phrase starting at i ("prime minister"). */
static guint
roles2 (const Finder *f, guint i, guint end)
{
  if (i + 1 >= end || !nkg_lexicon_tok_starts_phrase (f->lex, tok (f, i))
      || !nkg_lexicon_tok_ends_phrase (f->lex, f->seg, i + 1))
    return 0;
  const char *x = tok (f, i)->lower, *y = tok (f, i + 1)->lower;
  gsize nx = strlen (x), ny = strlen (y);
  char buf[128];
  if (nx + ny + 2 > sizeof buf)
    {
      g_autofree char *two = g_strconcat (x, " ", y, NULL);
      return nkg_lexicon_word (f->lex, two);
    }
  memcpy (buf, x, nx);
  buf[nx] = ' ';
  memcpy (buf + nx + 1, y, ny + 1);
  return nkg_lexicon_word (f->lex, buf);
}

gboolean
nkg_mentions_is_title_word (const NkgLexicon *lex, const NkgToken *t)
{
  return (nkg_lexicon_tok_roles (lex, t) & (NKG_W_TITLE | NKG_W_TITLEMOD)) != 0;
}

static NkgMention *
add_mention (Finder *f, guint a, guint b, NkgClass klass, NkgMentionKind kind)
{
  NkgMention *m = g_new0 (NkgMention, 1);
  m->first = a;
  m->last = b;
  m->sentence = f->sentence;
  m->klass = klass;
  m->kind = kind;
  char buf[128];
  g_autofree char *heap = NULL;
  m->surface = nkg_text_squeeze (nkg_segments_span_buf (f->seg, a, b, buf, sizeof buf, &heap));
  m->title_org = -1;
  m->cue_first = a;
  m->cluster = -1;
  m->alias_of = -1;
  m->fallback = NKG_CLASS_NONE;
  m->in_quote = (tok (f, a)->flags & NKG_TOK_INQUOTE) != 0;
  g_ptr_array_add (f->out, m);
  return m;
}

/* nkg_text_lower (nkg_segments_span (f->seg, a, b)): the lower case of
 * tokens [a, b) as written, made in `buf` when the span is short and
 * ASCII (most phrases asked of the lexicon), else a new string left in
 * *heap for the caller to free. */
static const char *
span_lower (const Finder *f, guint a, guint b, char *buf, gsize size, char **heap)
{
  if (a < b && b <= f->seg->tokens->len)
    {
      guint s = nkg_tok (f->seg, a)->start, e = nkg_tok (f->seg, b - 1)->end;
      const char *p = f->seg->text + s;
      gsize n = e - s, i;
      if (n < size)
        {
          for (i = 0; i < n && (guchar) p[i] < 0x80; i++)
            buf[i] = nkg_ascii_lower (p[i]);
          if (i == n)
            {
              buf[n] = '\0';
              return buf;
            }
        }
    }
  g_autofree char *span = nkg_segments_span (f->seg, a, b);
  *heap = nkg_text_lower (span);
  return *heap;
}

/* The lexicon's roles of tokens [a, b) as written; 0 without making the
 * span when it has two or more tokens and no phrase starts with a's word,
 * or when no word or phrase with roles ends with b - 1's. */
static guint
phrase_roles (const Finder *f, guint a, guint b)
{
  if (a + 1 < b && b <= f->seg->tokens->len && !nkg_lexicon_tok_starts_phrase (f->lex, nkg_tok (f->seg, a)))
    return 0;
  if (a < b && b <= f->seg->tokens->len && !nkg_lexicon_tok_ends_phrase (f->lex, f->seg, b - 1))
    return 0;
  char buf[128];
  g_autofree char *heap = NULL;
  return nkg_lexicon_word (f->lex, span_lower (f, a, b, buf, sizeof buf, &heap));
}

/* Place lookup of tokens [a, b) as written. */
static gboolean
place_of (const Finder *f, guint a, guint b, NkgPlace *out)
{
  if (a >= b || b > f->seg->tokens->len)
    return FALSE;
  /* Most spans were asked about before: looked up from the stack, copied
   * only when new. */
  /* A short span's answer is kept by its tokens: asked again, no key is
   * built at all. */
  SpanSlot *slot = b - a <= SPAN_MEMO ? &f->span_memo[a * SPAN_MEMO + (b - a - 1)] : NULL;
  if (slot && slot->article == f->article)
    return place_answer (slot->memo, out);
  guint s = tok (f, a)->start, e = tok (f, b - 1)->end;
  char buf[256];
  const PlaceMemo *m;
  if (e - s >= sizeof buf)
    {
      g_autofree char *span = g_strndup (f->seg->text + s, e - s);
      m = place_memo_of (f, span);
    }
  else
    {
      memcpy (buf, f->seg->text + s, e - s);
      buf[e - s] = '\0';
      m = place_memo_of (f, buf);
    }
  if (slot)
    *slot = (SpanSlot) { m, f->article };
  return place_answer (m, out);
}

/* Country named by tokens [a, b): a place that is a country, or a demonym. */
static const char *
country_of (const Finder *f, guint a, guint b)
{
  NkgPlace p;
  if (place_of (f, a, b, &p) && p.klass == NKG_CLASS_COUNTRY)
    return p.name;
  char buf[128];
  g_autofree char *heap = NULL;
  return nkg_lexicon_demonym (f->lex, nkg_segments_span_buf (f->seg, a, b, buf, sizeof buf, &heap));
}


/* Whether [a, e) ends in a country's name of one to three words. */
static gboolean
ends_in_country (const Finder *f, guint a, guint e)
{
  for (guint s = e; s-- > a && s + 3 >= e;)
    if (country_of (f, s, e))
      return TRUE;
  return FALSE;
}

static gboolean region_follows (const Finder *f, guint k, guint end);

static NkgClass
class_of_head (guint r)
{
  if (r & NKG_W_AGREEMENT)
    return NKG_CLASS_AGREEMENT;
  if (r & NKG_W_EVENT)
    return NKG_CLASS_EVENT;
  if (r & NKG_W_GOVORG)
    return NKG_CLASS_GOV_ORG;
  if (r & NKG_W_ORG)
    return NKG_CLASS_ORG;
  if (r & NKG_W_PLACE)
    return NKG_CLASS_PLACE;
  return NKG_CLASS_NONE;
}

/* Whether the "of" at i lies inside a country's formal name within
 * [a, b): "Republic of Korea", "People's Republic of China". */
static gboolean
country_across_of (const Finder *f, guint a, guint i, guint b)
{
  for (guint s = i; s-- > a && s + 4 >= i;)
    for (guint e = i + 2; e <= b && e <= i + 4; e++)
      if (country_of (f, s, e))
        return TRUE;
  return FALSE;
}

/* "a Joint Statement on the Enhanced Maritime Partnership", "the Exchange
 * of Notes on Port Works": an agreement's head phrase of two or three
 * words (data/words.tsv) ending right before the "on", "of" or "for" at
 * i, inside the name [a, …): the name is an agreement's. */
static NkgClass
phrase_head_before (const Finder *f, guint a, guint i)
{
  for (guint n = 2; n <= 3 && i >= a + n; n++)
    if (phrase_roles (f, i - n, i) & NKG_W_AGREEMENT)
      return NKG_CLASS_AGREEMENT;
  return NKG_CLASS_NONE;
}

static gboolean is_connector (const Finder *f, const NkgToken *t);

/* The class a name's head word gives it: the head before "of" in
 * "Ministry of Defence", else the last word ("ASEAN Defence Ministers’
 * Meeting-Plus"). */
static NkgClass
head_class (const Finder *f, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    {
      const char *w = tok (f, i)->lower;
      if (i > a && (strcmp (w, "of") == 0 || strcmp (w, "for") == 0 || strcmp (w, "on") == 0))
        {
          /* "President of the Republic of Korea X": the "of" inside a
           * country's formal name has no head before it */
          if (country_across_of (f, a, i, b))
            continue;
          /* "Minister of State for Defence": a title's remit, no head. */
          if (i >= a + 3 && strcmp (tok (f, i - 2)->lower, "of") == 0 && (roles (f, tok (f, i - 3)) & NKG_W_TITLE))
            continue;
          /* "Letter of Arrangement", "Memorandum of Understanding", also
           * as the whole name ("a Letter of Intent"); "House of
           * Representatives" before the place head "House" */
          NkgClass k = class_of_head (phrase_roles (f, i - 1, MIN (i + 2, b)));
          if (k == NKG_CLASS_NONE)
            k = class_of_head (roles (f, tok (f, i - 1)));
          if (k == NKG_CLASS_NONE)
            k = phrase_head_before (f, a, i);
          /* "Nordic Centre for Energy", "Centers for Disease Control":
           * a place with a purpose is a body. */
          if (k == NKG_CLASS_PLACE && strcmp (w, "for") == 0)
            return NKG_CLASS_ORG;
          /* "Conference on Security and Cooperation in Europe": a
           * standing body for a region, not one meeting. */
          if (k == NKG_CLASS_EVENT && strcmp (w, "on") == 0)
            for (guint j = i + 2; j + 1 < b; j++)
              if (strcmp (tok (f, j)->lower, "in") == 0 && region_follows (f, j + 1, b))
                return NKG_CLASS_ORG;
          if (k != NKG_CLASS_NONE)
            return k;
        }
    }
  /* The last two words: "Meeting-Plus", "Meeting Plus", "Agreement" */
  guint seen = 0;
  for (guint i = b; i > a && seen < 2; i--)
    {
      const NkgToken *t = tok (f, i - 1);
      if (!is_word (t))
        continue;
      seen++;
      /* "Forum Leaders", "Summit Leaders": the people of a gathering
       * (patterns.txt groupnoun), no head before them is the name's */
      if (seen == 1 && NKG_TOK_IN_LIST ("groupnoun", t))
        break;
      /* "Joint Vision Statement": a head of three words (words.tsv) */
      if (seen == 1 && i >= a + 3)
        {
          NkgClass k = class_of_head (phrase_roles (f, i - 3, i));
          if (k != NKG_CLASS_NONE)
            return k;
        }
      if (i >= a + 2)
        {
          NkgClass k = class_of_head (phrase_roles (f, i - 2, i));
          if (k != NKG_CLASS_NONE)
            return k;
        }
      NkgClass k = class_of_head (roles (f, t));
      /* "Plus" after a head: keep looking one word further. */
      if (k != NKG_CLASS_NONE)
        return k;
    }
  /* A lead word may come after the capital "The" that opens a sentence
   * and is still in the chunk ("The Bangko Sentral ng Pilipinas"). */
  if (b >= a + 3 && strcmp (tok (f, a)->lower, "the") == 0)
    a++;
  /* "Exercise Pacific Shield": a head that leads a name of its own */
  if (b >= a + 2 && (tok (f, a)->flags & NKG_TOK_CAP) && NKG_TOK_IN_LIST ("eventlead", tok (f, a))
      && (tok (f, a + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
    return NKG_CLASS_EVENT;
  /* "Parti Amanah Rakyat", "Dewan Rakyat": a Malay or Indonesian head
   * that leads a body's name (or a place's: "Istana Nurul Iman"), also
   * across a connector ("Front de Libération", "Movimiento al Socialismo") */
  if (b >= a + 2 && (tok (f, a)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
      && ((tok (f, a + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
          || (b >= a + 3 && is_connector (f, tok (f, a + 1)) && (tok (f, a + 2)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))))
    {
      if (NKG_TOK_IN_LIST ("orglead", tok (f, a)))
        return NKG_CLASS_ORG;
      if (NKG_TOK_IN_LIST ("govlead", tok (f, a)))
        return NKG_CLASS_GOV_ORG;
      /* "Bank Indonesia", "Bank Negara Malaysia": the country's name last */
      if ((roles (f, tok (f, a)) & (NKG_W_ORG | NKG_W_GOVORG)) && NKG_TOK_IN_LIST ("countrybodylead", tok (f, a))
          && ends_in_country (f, a + 1, b))
        return (roles (f, tok (f, a)) & NKG_W_GOVORG) ? NKG_CLASS_GOV_ORG : NKG_CLASS_ORG;
      /* "Istana Nurul Iman", "Wisma Putra" */
      if (NKG_TOK_IN_LIST ("placelead", tok (f, a)))
        return NKG_CLASS_PLACE;
    }
  /* "Export Finance Australia", "Tourism Malaysia", "Trade and Investment
   * Fiji": a remit (its last word a portfolio word, words.tsv) and a
   * country's name after it are a state agency */
  for (guint k = b - 1; k > a && k + 3 >= b; k--)
    {
      NkgPlace p;
      /* the cheap test first: most names have no portfolio word */
      if (!(roles (f, tok (f, k - 1)) & NKG_W_PORTFOLIO) || !place_of (f, k, b, &p) || p.klass != NKG_CLASS_COUNTRY)
        continue;
      gboolean remit = k - a <= 3;
      for (guint i = a; remit && i < k; i++)
        {
          const NkgToken *t = tok (f, i);
          remit = (strcmp (t->lower, "and") == 0 && i > a)
                  || ((t->flags & NKG_TOK_CAP) && !(roles (f, t) & (NKG_W_TITLE | NKG_W_STOPCAP | NKG_W_HONORIFIC))
                      && ((roles (f, t) & NKG_W_PORTFOLIO) || nkg_wordnet_word_or_singular (t->lower))
                      && !nkg_lexicon_demonym (f->lex, t->text));
        }
      if (remit)
        return NKG_CLASS_GOV_ORG;
      break;
    }
  return NKG_CLASS_NONE;
}

char *
nkg_mentions_title_text (const NkgLexicon *lex, const NkgSegments *seg, guint a, guint b)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = a; i < b; i++)
    {
      const NkgToken *t = nkg_tok (seg, i);
      if (s->len == 0 && (strcmp (t->lower, "the") == 0 || strcmp (t->lower, "a") == 0))
        continue;
      const char *sing = nkg_lexicon_title_singular (lex, t->lower);
      if (s->len && (t->flags & NKG_TOK_SPACE))
        g_string_append_c (s, ' ');
      if (sing)
        {
          /* Keep the case as written: "Presidents" → "President". */
          g_autofree char *cap = g_strdup (sing);
          if (t->flags & NKG_TOK_CAP)
            cap[0] = g_ascii_toupper (cap[0]);
          g_string_append (s, cap);
        }
      else
        g_string_append (s, t->text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static guint remit_word_len (const Finder *f, guint k, guint end, gboolean of_);

/* Whether a remit continues at k: a capitalised portfolio word
 * (words.tsv), a place or nationality word before one, or "and" / "and
 * the" before either ("for Sustainability and Pacific Affairs"). */
static gboolean
remit_goes_on (const Finder *f, guint k, guint end)
{
  if (k < end && strcmp (tok (f, k)->lower, "and") == 0)
    k++;
  if (k < end && strcmp (tok (f, k)->lower, "the") == 0)
    k++;
  return k < end
         && ((is_capital (tok (f, k)) && (roles (f, tok (f, k)) & NKG_W_PORTFOLIO)) || remit_word_len (f, k, end, TRUE));
}

/* Length of the words of a remit at k that are no portfolio word, or 0:
 * the one reader of them for a title's complement (title_complement,
 * title_remit_and). A place or nationality word before a portfolio word
 * ("for Pacific Affairs", "of Asian and Pacific Affairs",
 * "for Trade and European Affairs"); and, in a remit not opened by "of"
 * (`of_` FALSE): a capitalised common word (WordNet) that is not a known
 * name, with the remit going on after it ("for Coastal Affairs", "for
 * Sustainability and the Environment"), or, after "and the", a region
 * that ends it ("for International Development and the Pacific"). */
static guint
remit_word_len (const Finder *f, guint k, guint end, gboolean of_)
{
  /* a place or nationality word, or several joined by "and", right
   * before a portfolio word (a place of several words, "Pacific Islands
   * Affairs", is left to the place it names) */
  for (guint i = k; i + 1 < end; i += 2)
    {
      const NkgToken *w = tok (f, i);
      if (!is_capital (w) || (roles (f, w) & NKG_W_PORTFOLIO)
          || !(place_of (f, i, i + 1, NULL) || nkg_lexicon_demonym (f->lex, w->text)))
        break;
      const NkgToken *n = tok (f, i + 1);
      if (is_capital (n) && (roles (f, n) & NKG_W_PORTFOLIO))
        return i + 1 - k;
      if (strcmp (n->lower, "and") != 0)
        break;
    }
  if (of_)
    return 0;
  const NkgToken *t = tok (f, k);
  if (!is_capital (t) || (roles (f, t) & (NKG_W_TITLE | NKG_W_HONORIFIC | NKG_W_STOPCAP)))
    return 0;
  gboolean after_and = (k >= 1 && strcmp (tok (f, k - 1)->lower, "and") == 0)
                       || (k >= 2 && strcmp (tok (f, k - 1)->lower, "the") == 0 && strcmp (tok (f, k - 2)->lower, "and") == 0);
  if (nkg_wordnet_word_or_singular (t->lower) && !nkg_lexicon_is_name_part (f->lex, t->text)
      && !nkg_lexicon_demonym (f->lex, t->text) && !country_of (f, k, k + 1)
      && (after_and || remit_goes_on (f, k + 1, end) || (k + 1 < f->s_last && strcmp (tok (f, k + 1)->text, ",") == 0)))
    return 1;
  NkgPlace p;
  if (after_and)
    for (guint e = MIN (end, k + 3); e > k; e--)
      if (place_of (f, k, e, &p) && p.klass != NKG_CLASS_COUNTRY)
        return e - k;
  return 0;
}

/* Whether "and" at k goes on a title's remit of words that are not
 * all portfolio words: "Minister for Sustainability and the
 * Environment", "Minister for Development and the Pacific". */
static gboolean
title_remit_and (const Finder *f, guint ps, guint k, guint b)
{
  if (k <= ps + 2 || !is_capital (tok (f, k - 1)))
    return FALSE;
  const NkgToken *last = tok (f, k - 1);
  if (!(roles (f, last) & NKG_W_PORTFOLIO)
      && (!nkg_wordnet_word_or_singular (last->lower) || nkg_lexicon_is_name_part (f->lex, last->text)
          || country_of (f, k - 1, k)))
    return FALSE;
  guint i = k - 1;
  while (i > ps && is_capital (tok (f, i)) && !(roles (f, tok (f, i)) & NKG_W_TITLE))
    i--;
  const char *w = tok (f, i)->lower;
  if (i == ps || i + 1 == k || (strcmp (w, "for") != 0 && strcmp (w, "on") != 0)
      || !(roles (f, tok (f, i - 1)) & NKG_W_TITLE))
    return FALSE;
  guint j = k + 1;
  if (j < b && strcmp (tok (f, j)->lower, "the") == 0)
    j++;
  return j < b && ((is_capital (tok (f, j)) && (roles (f, tok (f, j)) & NKG_W_PORTFOLIO)) || remit_word_len (f, j, b, FALSE) > 0);
}

/* Length of two title modifiers joined by "and" right after a title's
 * head, at e: "Ambassador Extraordinary and Plenipotentiary (of X to Y)
 * Z" is one title, whether a comma or the name follows it. */
static guint
title_mods_after (const Finder *f, guint e, guint end)
{
  if (e + 2 >= end || strcmp (tok (f, e + 1)->lower, "and") != 0)
    return 0;
  for (guint i = e; i <= e + 2; i += 2)
    {
      guint r = roles (f, tok (f, i));
      if (!is_capital (tok (f, i)) || !(r & NKG_W_TITLEMOD) || (r & NKG_W_TITLE))
        return 0;
    }
  /* "Ambassador Extraordinary and Deputy Minister": a second title */
  if (e + 3 < end && (roles (f, tok (f, e + 3)) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
    return 0;
  return 3;
}

/* Length of a title complement at i: "of War", "of State", "of Foreign
 * Affairs and Foreign Trade", "to China" (returned in *to_country). */
static guint
title_complement (const Finder *f, guint i, guint end, const char **country, gboolean *keep_country)
{
  *country = NULL;
  *keep_country = FALSE;
  if (i >= end)
    return 0;
  const char *w = tok (f, i)->lower;
  gboolean to = strcmp (w, "to") == 0, on = strcmp (w, "on") == 0, for_ = strcmp (w, "for") == 0;
  gboolean of_ = strcmp (w, "of") == 0;
  /* "Representative in Fiji": only a country, where the post serves */
  gboolean in = strcmp (w, "in") == 0;
  if (strcmp (w, "of") != 0 && strcmp (w, "for") != 0 && !to && !on && !in)
    return 0;
  guint j = i + 1;
  if (j < end && strcmp (tok (f, j)->lower, "the") == 0)
    j++;
  /* A country: "President of Peru", "Ambassador to China";
   * "Special Envoy for Myanmar" is sent to it, not by it. */
  for (guint k = MIN (end, j + 6); k > j && !on; k--)
    {
      const char *c = country_of (f, j, k);
      NkgPlace p;
      if (c && place_of (f, j, k, &p))
        {
          *country = c;
          *keep_country = to || for_ || in;
          return k - i;
        }
    }
  if (in)
    return 0;
  /* "Special Envoy for the Pacific", "Envoy for South Asia": a region,
   * the remit */
  if (for_ && j < end)
    for (guint k = MIN (end, j + 3); k > j; k--)
      {
        NkgPlace p;
        if (is_capital (tok (f, j)) && place_of (f, j, k, &p) && p.klass == NKG_CLASS_PLACE
            && !(k < end && is_capital (tok (f, k)) && (roles (f, tok (f, k)) & NKG_W_PORTFOLIO)))
          return k - i;
      }
  /* "Adviser to the President": an office the holder serves */
  if (to && j < end && is_capital (tok (f, j)) && (roles (f, tok (f, j)) & NKG_W_TITLE))
    return j + 1 - i;
  if (to)
    return 0;
  guint k = j;
  while (k < end)
    {
      const NkgToken *t = tok (f, k);
      guint r = roles (f, t);
      guint words;
      if (is_capital (t) && (r & NKG_W_PORTFOLIO))
        k++;
      else if ((strcmp (t->lower, "and") == 0 || strcmp (t->lower, "the") == 0 || (strcmp (t->text, ",") == 0 && k > j))
               && k + 1 < end && is_capital (tok (f, k + 1)) && (roles (f, tok (f, k + 1)) & NKG_W_PORTFOLIO))
        k++;
      else if ((words = remit_word_len (f, k, end, of_)))
        k += words;
      else if (!of_ && k > j && strcmp (t->lower, "and") == 0 && k + 1 < end)
        {
          /* "and the Environment", "and the Pacific", "and Sustainability" */
          guint a = strcmp (tok (f, k + 1)->lower, "the") == 0 ? k + 2 : k + 1;
          guint x = a >= end ? 0
                    : is_capital (tok (f, a)) && (roles (f, tok (f, a)) & NKG_W_PORTFOLIO) ? 1
                    : remit_word_len (f, a, end, FALSE);
          if (!x)
            break;
          k = a + x;
        }
      else
        break;
    }
  return k > j ? k - i : 0;
}

/* The end of a title whose head is at h, or h when h is not a head:
 * "Minister", "Prime Minister", "Secretary of War". */
static guint
title_end (const Finder *f, guint h, guint end, const char **country, gboolean *keep_country)
{
  *country = NULL;
  *keep_country = FALSE;
  guint r2 = roles2 (f, h, end);
  guint e;
  if (r2 & NKG_W_TITLE)
    e = h + 2;
  else if (roles (f, tok (f, h)) & NKG_W_TITLE)
    e = h + 1;
  else
    return h;
  /* "Secretary-General" */
  if (e + 1 < end && (tok (f, e)->flags & NKG_TOK_DASH) && !(tok (f, e)->flags & NKG_TOK_SPACE)
      && (roles (f, tok (f, e + 1)) & NKG_W_TITLE))
    e += 2;
  e += title_mods_after (f, e, end);
  e += title_complement (f, e, end, country, keep_country);
  /* "Minister of Defence of Mongolia": a remit, then the country;
   * "Minister of State for Defence": a rank, then the remit; "Adviser to
   * the President on Trade": an office, then the remit; "Minister of
   * State for External Affairs of India": a rank, the remit, then the
   * country. */
  for (guint n = 0; n < 2 && !*country && e < end; n++)
    {
      const char *w = tok (f, e)->lower;
      gboolean of = strcmp (w, "of") == 0, remit = strcmp (w, "for") == 0 || strcmp (w, "on") == 0;
      const char *c2;
      gboolean k2;
      guint more = of || remit ? title_complement (f, e, end, &c2, &k2) : 0;
      if (!more || (of && !c2) || (remit && k2))
        break;
      *country = c2;
      e += more;
    }
  /* "Ambassador of Chile to Peru": the post's country, then where it
   * serves */
  if (*country && !*keep_country && e < end && strcmp (tok (f, e)->lower, "to") == 0)
    {
      const char *c2;
      gboolean k2;
      guint more = title_complement (f, e, end, &c2, &k2);
      if (more && c2)
        e += more;
    }
  return e;
}

/* Length of a style of several words at a ("His Royal Highness",
 * "Custodian of the Two Holy Mosques"; data/words.tsv), or 0. */
static guint
honorific_phrase (const Finder *f, guint a, guint b)
{
  for (guint e = MIN (b, a + 6); e > a + 1; e--)
    if (phrase_roles (f, a, e) & NKG_W_HONORIFIC)
      return e - a;
  return 0;
}

/* Whether a place of two to four words starts at a: "New Zealand" in
 * "New Zealand Prime Minister X", where "New" is no opener. */
static gboolean
place_starts (const Finder *f, guint a, guint b)
{
  for (guint e = MIN (b, a + 4); e >= a + 2; e--)
    if (place_of (f, a, e, NULL))
      return TRUE;
  return FALSE;
}

/* Whether a country's name of one to five words starts at j, after an
 * optional "the": "Minister of Energy of Thailand X", "Secretary of
 * Energy of the Philippines X"; a longer one only before the name,
 * "Minister of Foreign Affairs of the Republic of Korea X". */
static gboolean
title_country_follows (const Finder *f, guint j, guint b)
{
  if (j + 1 < b && strcmp (tok (f, j)->lower, "the") == 0)
    j++;
  for (guint e = j + 1; e <= b && e <= j + 5; e++)
    if (country_of (f, j, e) && (e <= j + 2 || (e < b && is_capital (tok (f, e)))))
      return TRUE;
  return FALSE;
}

/* Whether [a, b) is a body's name, then a title and a name: "New
 * Development Bank President X" (after "New", mentions.c namestart). */
static gboolean
body_before_title (const Finder *f, guint a, guint b)
{
  for (guint h = a + 1; h < b; h++)
    if (roles (f, tok (f, h)) & NKG_W_TITLE)
      return head_class (f, a, h) == NKG_CLASS_ORG || head_class (f, a, h) == NKG_CLASS_GOV_ORG;
  return FALSE;
}

/* "UNICEF Representative in Fiji Lena Osei", "Resident Coordinator in
 * Samoa X": a title, "in", the country where the post serves, then a
 * capitalised name — one chunk, as with "to" ("Ambassador to Japan X");
 * not "the Minister in Fiji" with no name after the country. */
static gboolean
title_in_country (const Finder *f, guint ps, guint k, guint b)
{
  if (k <= ps || k + 2 >= b || !(roles (f, tok (f, k - 1)) & NKG_W_TITLE))
    return FALSE;
  for (guint e = k + 2; e < b && e <= k + 5; e++)
    if (country_of (f, k + 1, e) && is_capital (tok (f, e)) && !(roles (f, tok (f, e)) & (NKG_W_TITLE | NKG_W_PORTFOLIO)))
      return TRUE;
  return FALSE;
}

static gboolean looks_like_name_token (const Finder *f, const NkgToken *t);
static gboolean headline_event (const Finder *f, guint a, guint b);
static gboolean exercise_named_before (const Finder *f, guint a, guint b);
static gboolean visit_chunk (Finder *f, guint a, guint b);

/* "Vietnamese leader To Lam", "party chief To Lam": a short function word
 * capitalised in mid-sentence right after a lower-case title and before a
 * name is a family name (as after a capitalised title, title_name). */
static gboolean
family_word_after_title (const Finder *f, guint a, guint b)
{
  const NkgToken *t = tok (f, a);
  if (a <= f->s_first || a + 1 >= b || !(t->flags & NKG_TOK_CAP) || g_utf8_strlen (t->text, -1) != 2)
    return FALSE;
  const NkgToken *p = tok (f, a - 1);
  return is_word (p) && !(p->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && (roles (f, p) & NKG_W_TITLE)
         && !(roles (f, p) & NKG_W_STOPCAP) && looks_like_name_token (f, tok (f, a + 1));
}

/* Length of a style of address at k that comes only before a person's
 * name (patterns.txt namestyle: "Datuk Seri", "Tan Sri", "Shri"), when a
 * name follows it; else 0. */
static guint
namestyle_at (const Finder *f, guint k, guint b)
{
  for (guint n = MIN (3, b - k); n > 0; n--)
    {
      char buf[128];
      g_autofree char *heap = NULL;
      if (k + n < b && NKG_IN_LIST ("namestyle", span_lower (f, k, k + n, buf, sizeof buf, &heap)))
        return n;
    }
  return 0;
}

/* Where such a style begins after one to three capitalised words at a,
 * or a when none does: the words before it are no part of the name
 * ("Harmony" in "Minister of National Harmony Datuk Seri X", "Menteri
 * Besar" in "Perak Menteri Besar Datuk Seri X"). */
static guint
namestyle_after (const Finder *f, guint a, guint b)
{
  for (guint k = a + 1; k < b && k <= a + 3; k++)
    {
      const NkgToken *t = tok (f, k - 1);
      if (!is_capital (t) || (t->flags & NKG_TOK_UPPER))
        return a;
      if (namestyle_at (f, k, b))
        return k;
    }
  return a;
}

/* "He Jianping, member of the Political Bureau, …": at a sentence's start
 * a pronoun that is also a family name (patterns.txt familystart; never a
 * preposition: "In Arica, …") is one when one or two words follow it
 * that no English dictionary holds and that are no place, and a comma
 * closes them, as the apposition of real wire copy does; "He" the
 * pronoun is followed by a verb. */
static gboolean
family_word_at_start (const Finder *f, guint a, guint b)
{
  const NkgToken *t = tok (f, a);
  /* at the start, or right after a dateline's dash ("BEIJING -- He X, …") */
  gboolean start = a == f->s_first
                   || (a > f->s_first && !is_word (tok (f, a - 1))
                       && (strcmp (tok (f, a - 1)->text, "-") == 0 || strcmp (tok (f, a - 1)->text, "--") == 0
                           || strcmp (tok (f, a - 1)->text, "—") == 0 || strcmp (tok (f, a - 1)->text, "–") == 0));
  if (!start || b < a + 2 || b > a + 3 || b >= f->s_last || strcmp (tok (f, b)->text, ",") != 0
      || !(t->flags & NKG_TOK_CAP) || (t->flags & NKG_TOK_UPPER) || !NKG_TOK_IN_LIST ("familystart", t))
    return FALSE;
  for (guint i = a + 1; i < b; i++)
    if (!looks_like_name_token (f, tok (f, i)) || nkg_wordnet_form_known (tok (f, i)->lower) || place_of (f, i, i + 1, NULL))
      return FALSE;
  return TRUE;
}

/* Strips words before a person's name that are not part of it. */
static guint
skip_name_prefix (const Finder *f, guint a, guint b)
{
  while (a < b)
    {
      const NkgToken *t = tok (f, a);
      guint r = roles (f, t);
      /* "The", "Our", "In": capitalised by position (a sentence, a
       * quotation or a heading starts there), not part of the name. */
      /* "WHO" in capitals is an acronym, not "who". */
      gboolean acronym = (t->flags & NKG_TOK_UPPER) != 0;
      guint style = honorific_phrase (f, a, b);
      /* "Tengku Datuk Seri X": a royal style that names keep ("Tunku
       * Abdul Rahman"; list royalstyle) goes with a style after it. */
      if (!style && a + 2 < b && NKG_TOK_IN_LIST ("royalstyle", t)
          && ((roles (f, tok (f, a + 1)) & NKG_W_HONORIFIC) || honorific_phrase (f, a + 1, b)))
        style = 1;
      if (style)
        a += style;
      else if ((r & NKG_W_HONORIFIC)
               || ((r & NKG_W_STOPCAP) && !acronym && !(r & (NKG_W_TITLE | NKG_W_TITLEMOD)) && !place_starts (f, a, b)
                   && !family_word_after_title (f, a, b) && !family_word_at_start (f, a, b)))
        a++;
      else
        break;
    }
  return a;
}

/* "Jun", "Mar" in "Dong Jun", "Oh Jun": a capitalised three-letter month
 * abbreviation, which is a date only before a day ("Lima Jun 5"); "May"
 * and full names are months. */
static gboolean
bare_month (const NkgToken *t)
{
  return strlen (t->text) == 3 && g_ascii_islower (t->text[1]) && strcmp (t->lower, "may") != 0
         && nkg_date_month (t->text);
}

static gboolean
looks_like_name_token (const Finder *f, const NkgToken *t)
{
  if (!is_capital (t))
    return FALSE;
  guint r = roles (f, t);
  /* Remits and title words ("Defence", "Foreign") name offices, not people. */
  if (r & (NKG_W_TITLE | NKG_W_STOPCAP | NKG_W_REPORT | NKG_W_NONNAME | NKG_W_TITLEMOD | NKG_W_PORTFOLIO))
    return FALSE;
  if ((nkg_date_month (t->text) && !bare_month (t)) || nkg_date_weekday (t->text))
    return FALSE;
  return TRUE;
}

/* Lower-case words that may join a capitalised name, and those that sit
 * inside a person's name (data/words.tsv: connector, particle, patronym). */
static gboolean
is_connector (const Finder *f, const NkgToken *t)
{
  return (roles (f, t) & (NKG_W_CONNECTOR | NKG_W_PARTICLE | NKG_W_PATRONYM)) != 0;
}

static gboolean
is_particle (const Finder *f, const NkgToken *t)
{
  return (roles (f, t) & (NKG_W_PARTICLE | NKG_W_PATRONYM)) != 0;
}

static gboolean
any_head (const Finder *f, guint a, guint b, guint mask)
{
  for (guint i = a; i < b; i++)
    if (roles (f, tok (f, i)) & mask)
      return TRUE;
  return FALSE;
}

/* What follows a preposition after an event's head word starts another
 * name: a title or honorific ("to President B", "to Dr B") or a known
 * place ("to Laos", "to Viet Nam"). */
static gboolean
event_name_ends_before (const Finder *f, guint j, guint b)
{
  if (j >= b)
    return FALSE;
  if (roles (f, tok (f, j)) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC))
    return TRUE;
  for (guint e = j + 1; e <= b && e <= j + 3; e++)
    if (place_of (f, j, e, NULL))
      return TRUE;
  return FALSE;
}

/* Nested places in a longer name: "US" and "India" in "Framework for the
 * US-India Major Defence Partnership". */
static void
add_nested_places (Finder *f, guint a, guint b)
{
  guint max = nkg_lexicon_place_max_words (f->lex) * 2;
  for (guint i = a; i < b;)
    {
      if (!is_capital (tok (f, i)))
        {
          i++;
          continue;
        }
      guint best = 0;
      NkgPlace p, bp = { 0 };
      for (guint k = MIN (b, i + max); k > i; k--)
        if (is_word (tok (f, k - 1)) && place_of (f, i, k, &p))
          {
            best = k;
            bp = p;
            break;
          }
      if (!best || (i == a && best == b))
        {
          i++;
          continue;
        }
      NkgMention *m = add_mention (f, i, best, bp.klass, NKG_MENTION_NAME);
      m->canonical = bp.name;
      m->country = bp.country;
      m->nested = TRUE;
      i = best;
    }
}

/* "the Department of Water Supply of the Ministry of Public Works", "the
 * Committee of the Council of Europe": a body's name [a, b) that ends in
 * "of the" and another body's name (listed, or typed by its head) names
 * that body too, which suborg.c makes the parent. */
static void
add_parent_body (Finder *f, guint a, guint b)
{
  for (guint x = b - 2; x > a + 1; x--)
    {
      if (strcmp (tok (f, x)->lower, "the") != 0 || strcmp (tok (f, x - 1)->lower, "of") != 0 || x + 1 >= b)
        continue;
      guint y = x + 1;
      if (place_of (f, y, b, NULL))
        continue;
      char buf[128];
      g_autofree char *heap = NULL;
      const char *listed = nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, y, b, buf, sizeof buf, &heap));
      NkgClass parent = listed ? NKG_CLASS_ORG : head_class (f, y, b);
      NkgClass child = head_class (f, a, x - 1);
      if ((parent != NKG_CLASS_ORG && parent != NKG_CLASS_GOV_ORG) || (child != NKG_CLASS_ORG && child != NKG_CLASS_GOV_ORG))
        continue;
      NkgMention *m = add_mention (f, y, b, parent, NKG_MENTION_NAME);
      if (listed)
        m->canonical = listed;
      return;
    }
}

/* The token after a bracket opened at token k that closes on at most
 * `inside` tokens ("(SCO)" after a name), or k when none does
 * (relations.c nkg_rel_past_bracket reads the same for the relations). */
static guint
past_bracket (const Finder *f, guint k, guint inside)
{
  if (k + 2 < f->s_last && strcmp (tok (f, k)->text, "(") == 0)
    for (guint x = k + 1; x < f->s_last && x <= k + inside + 1; x++)
      if (strcmp (tok (f, x)->text, ")") == 0)
        return x + 1;
  return k;
}

/* Whether tokens [a, b) end in a legal form in brackets: "PT Nusa
 * Energi (Persero)" (patterns.txt bracketlegalform). */
static gboolean
bracket_legal_form_ends (const Finder *f, guint a, guint b)
{
  return b >= a + 4 && strcmp (tok (f, b - 1)->text, ")") == 0 && strcmp (tok (f, b - 3)->text, "(") == 0
         && NKG_TOK_IN_LIST ("bracketlegalform", tok (f, b - 2));
}

static NkgMention *
add_place_mention (Finder *f, guint a, guint b, const NkgPlace *p)
{
  NkgMention *m = add_mention (f, a, b, p->klass, NKG_MENTION_NAME);
  m->canonical = p->name;
  m->country = p->country;
  return m;
}

/* The name of the news outlet (outlets.tsv) that [a, b) is, or NULL. */
static const char *
listed_outlet (const Finder *f, guint a, guint b)
{
  char buf[128];
  g_autofree char *heap = NULL;
  const char *outlet = NULL, *body = NULL;
  nkg_lexicon_names_of (f->lex, nkg_segments_span_buf (f->seg, a, b, buf, sizeof buf, &heap), &outlet, &body, NULL);
  return outlet;
}

/* Whether [a, b) is a news outlet or a body of the lexicon (outlets.tsv,
 * bodies.tsv) by one of its names. */
static gboolean
listed_name (const Finder *f, guint a, guint b)
{
  char buf[128];
  g_autofree char *heap = NULL;
  const char *outlet = NULL, *body = NULL;
  nkg_lexicon_names_of (f->lex, nkg_segments_span_buf (f->seg, a, b, buf, sizeof buf, &heap), &outlet, &body, NULL);
  return outlet || body;
}

/* "Puerto Cabello naval base", "Chile-US forum", "Trump administration":
 * a capitalised name that a lower-case head word right after it types. */
static guint
lowercase_head_extension (const Finder *f, guint b, guint end, NkgClass *klass, gboolean after_city)
{
  /* "the India-Japan 2+2 ministerial dialogue": a format in digits */
  guint from = b;
  if (from + 2 < end && (tok (f, from)->flags & NKG_TOK_NUM) && strcmp (tok (f, from + 1)->text, "+") == 0
      && (tok (f, from + 2)->flags & NKG_TOK_NUM) && !(tok (f, from + 1)->flags & NKG_TOK_SPACE)
      && !(tok (f, from + 2)->flags & NKG_TOK_SPACE))
    from += 3;
  for (guint k = from; k < end && k < from + 4; k++)
    {
      const NkgToken *t = tok (f, k);
      /* "the Quad foreign ministers' meeting": the plural's apostrophe */
      if (k > from && (t->flags & NKG_TOK_POSS) && !(tok (f, k - 1)->flags & NKG_TOK_POSS))
        continue;
      if (!is_word (t) || (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
        return b;
      /* "Akorda press service", "Xinhua news agency": a two-word head */
      guint r2 = k + 1 < end && !(tok (f, k + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) ? roles2 (f, k, end) : 0;
      if (r2 & (NKG_W_ORG | NKG_W_GOVORG))
        {
          *klass = class_of_head (r2 & (NKG_W_ORG | NKG_W_GOVORG));
          return k + 2;
        }
      guint r = roles (f, t);
      NkgClass c = class_of_head (r & (NKG_W_EVENT | NKG_W_PLACE | NKG_W_GOVORG | NKG_W_AGREEMENT));
      /* "the X ministerial meeting": a head only with a capital that
       * qualifies a meeting in lower case (lists capitalhead, eventmod) */
      if (c != NKG_CLASS_NONE && NKG_TOK_IN_LIST ("eventmod", t) && NKG_TOK_IN_LIST ("capitalhead", t))
        continue;
      if (c != NKG_CLASS_NONE && !(r & NKG_W_STOPCAP))
        {
          /* "talks" and "visit" are events only with a name of their own,
           * or a city's ("the Arusha talks", "the Lusaka peace talks"). */
          if ((strcmp (t->lower, "talks") == 0 && !after_city) || strcmp (t->lower, "visit") == 0
              || strcmp (t->lower, "state") == 0 || strcmp (t->lower, "service") == 0
              || strcmp (t->lower, "government") == 0 || strcmp (t->lower, "forces") == 0
              /* "the Peruvian retreat": a head only with a capital */
              || NKG_TOK_IN_LIST ("capitalhead", t))
            return b;
          *klass = c;
          /* "the Forum dialogue partners' meetings": who meets, then the
           * meeting's own head */
          if (c == NKG_CLASS_EVENT && k + 3 < end && is_word (tok (f, k + 1))
              && !(tok (f, k + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && (tok (f, k + 2)->flags & NKG_TOK_POSS)
              && !is_word (tok (f, k + 2)) && (roles (f, tok (f, k + 3)) & NKG_W_EVENT)
              && !(tok (f, k + 3)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
            return k + 4;
          return k + 1;
        }
      /* "India-Japan annual summit", "Quad leaders summit": words that
       * qualify a meeting. */
      if (NKG_TOK_IN_LIST ("eventmod", t))
        continue;
      /* "defence ministers' meeting", "foreign ministers meeting": the
       * plural of a title says who meets */
      if ((r & NKG_W_TITLE) && nkg_lexicon_title_singular (f->lex, t->lower)
          && strcmp (nkg_lexicon_title_singular (f->lex, t->lower), t->lower) != 0)
        continue;
      if (!(r & (NKG_W_TITLEMOD | NKG_W_PORTFOLIO)) || (r & NKG_W_STOPCAP))
        return b;
    }
  return b;
}

static void classify_piece (Finder *f, guint a, guint b, GPtrArray *pending);

/* Tokens [a, b) are an adjective of nationality or origin: a demonym
 * ("South African"), or one capitalised word that WordNet knows as an
 * adjective ("Soviet", "Bavarian"). */
static gboolean
nationality_adjective (const Finder *f, guint a, guint b)
{
  g_autofree char *span = nkg_segments_span (f->seg, a, b);
  if (nkg_lexicon_demonym (f->lex, span))
    return TRUE;
  if (b != a + 1)
    return FALSE;
  guint counts[4] = { 0 };
  if (nkg_wordnet_word (tok (f, a)->lower, counts, NULL) && counts[2] > 0)
    return TRUE;
  /* "Crimean", "Siberian": the name of a place and an "n". */
  gsize n = strlen (span);
  if (n > 4 && g_str_has_suffix (span, "an"))
    {
      span[n - 1] = '\0';
      return place_memo (f, span, NULL);
    }
  return FALSE;
}

/* Nouns for people who work somewhere: "an analyst at X". */
static gboolean
works_at_noun (const char *w)
{
  return NKG_IN_LIST ("worksat", w);
}

/* Tokens [a, e) are a dashed compound that words.tsv lists as a title. */
static gboolean
dashed_title (const Finder *f, guint a, guint e)
{
  if (!is_word (tok (f, a)))
    return FALSE;
  return (phrase_roles (f, a, e) & NKG_W_TITLE) != 0;
}

/* Whether tokens [a, b) are a title that words.tsv lists whole. */
static gboolean
listed_title (const Finder *f, guint a, guint b)
{
  return b > a + 1 && (phrase_roles (f, a, b) & NKG_W_TITLE) != 0;
}

/* Where the country begins when [a, e) is a body's head and then "of
 * (the) COUNTRY", ending at e (else 0): "the State Council of the People's Republic of China", "the Cabinet
 * of Ministers of the Kyrgyz Republic", so that a name after it is a
 * person's ("Premier of the State Council of the People's Republic of
 * China X"). */
static guint
body_of_country (const Finder *f, guint a, guint e)
{
  for (guint s = MAX (a + 2, e > 6 ? e - 6 : 0); s < e; s++)
    {
      const char *w = tok (f, s - 1)->lower;
      if (w[0] != 'o' && w[0] != 't')
        continue;
      guint of = strcmp (w, "the") == 0 ? s - 2 : s - 1;
      if (of > a && strcmp (tok (f, of)->lower, "of") == 0 && country_of (f, s, e))
        return s;
    }
  return 0;
}

/* After a title's "of" or "of the" at [?, name): a body's name from
 * `name` — listed (bodies.tsv), or ending in an organisation's head word —
 * followed by two to four words of a person's name that end the piece
 * [name, b). Returns the body's end (sets its listed name and class), or
 * `name` when none. */
static guint
body_before_name (const Finder *f, guint name, guint b, const char **listed, NkgClass *klass)
{
  if (name < f->s_first + 2 || !(strcmp (tok (f, name - 1)->lower, "of") == 0
                                 || (strcmp (tok (f, name - 1)->lower, "the") == 0
                                     && strcmp (tok (f, name - 2)->lower, "of") == 0)))
    return name;
  for (guint e = MIN (b - 2, name + 12); e > name; e--)
    {
      /* (the name after the body is at most six tokens: further left, none is) */
      if (b - e > 6)
        break;
      if (!looks_like_name_token (f, tok (f, e)) || place_of (f, e, e + 1, NULL)
          || (roles (f, tok (f, e)) & (NKG_W_TITLE | NKG_W_STOPCAP)))
        continue;
      /* two to four words; a hyphen joins two into one ("Mbatha-Kaur") */
      gboolean names = TRUE;
      guint words = 0;
      for (guint i = e; i < b && names; i++)
        if (i > e && i + 1 < b && (tok (f, i)->flags & NKG_TOK_DASH) && !(tok (f, i)->flags & NKG_TOK_SPACE)
            && !(tok (f, i + 1)->flags & NKG_TOK_SPACE))
          words--;
        else
          {
            /* "Kim Min-ho", "Nguyen Thi Kim-ngan": the part after a
             * joining hyphen of a Korean or Vietnamese given name is
             * often in lower case */
            gboolean joined = i > e + 1 && (tok (f, i - 1)->flags & NKG_TOK_DASH) && !(tok (f, i)->flags & NKG_TOK_SPACE)
                              && g_ascii_islower (tok (f, i)->text[0]);
            names = (joined || is_capital (tok (f, i))) && !(roles (f, tok (f, i)) & (NKG_W_ORG | NKG_W_GOVORG | NKG_W_TITLE));
            if (!joined)
              words++;
          }
      if (!names || words > 4)
        continue;
      char buf[128];
      g_autofree char *heap = NULL;
      *listed = nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, name, e, buf, sizeof buf, &heap));
      NkgClass k = *listed ? NKG_CLASS_ORG : NKG_CLASS_NONE;
      if (!*listed && ((roles (f, tok (f, e - 1)) & (NKG_W_ORG | NKG_W_GOVORG))
                       || (is_capital (tok (f, e - 1)) && body_of_country (f, name, e))))
        k = head_class (f, name, e);
      /* "Governor of Bank Indonesia X", "… of Bank Negara Malaysia Y": a
       * head that leads the body's name (patterns.txt countrybodylead),
       * the country's name last */
      else if (!*listed && e >= name + 2 && NKG_TOK_IN_LIST ("countrybodylead", tok (f, name)) && ends_in_country (f, name + 1, e))
        k = (roles (f, tok (f, name)) & NKG_W_GOVORG) ? NKG_CLASS_GOV_ORG : NKG_CLASS_ORG;
      /* "Permanent Secretary of the Ministry of Commerce X": a head
       * that leads, then "of" and a remit of portfolio words */
      else if (!*listed && e >= name + 3 && (roles (f, tok (f, name)) & (NKG_W_ORG | NKG_W_GOVORG))
               && strcmp (tok (f, name + 1)->lower, "of") == 0)
        {
          const char *remit_country;
          gboolean keep;
          if (title_complement (f, name + 1, e, &remit_country, &keep) == e - name - 1 && !remit_country)
            k = head_class (f, name, e);
        }
      if (k == NKG_CLASS_ORG || k == NKG_CLASS_GOV_ORG)
        {
          *klass = k;
          return e;
        }
    }
  return name;
}

/* Whether the portfolio word at k ends a remit that a body's head and
 * "of" open within [a, k]: "Ministry of Commerce", "Department of Trade
 * and Industry". */
static gboolean
remit_of_body (const Finder *f, guint a, guint k)
{
  for (guint i = k; i >= a + 1 && i + 6 > k; i--)
    {
      const NkgToken *t = tok (f, i);
      if (strcmp (t->lower, "of") == 0)
        return i < k && (roles (f, tok (f, i - 1)) & (NKG_W_ORG | NKG_W_GOVORG)) && is_capital (tok (f, i - 1));
      if (!(is_capital (t) && (roles (f, t) & NKG_W_PORTFOLIO)) && strcmp (t->lower, "and") != 0 && strcmp (t->text, ",") != 0)
        return FALSE;
    }
  return FALSE;
}

/* Tokens [a, b) before a title as a body and then a country, where the
 * body is an acronym ("USAID Kenya") or a listed body ("World Bank
 * Bangladesh"): the country's first token, with the place in *where;
 * else b. */
static guint
office_country (const Finder *f, guint a, guint b, NkgPlace *where)
{
  for (guint k = a + 1; k < b && k < a + 5; k++)
    {
      if (!place_of (f, k, b, where) || where->klass != NKG_CLASS_COUNTRY)
        continue;
      const NkgToken *last = tok (f, k - 1);
      /* "USAID-Kenya Mission Director X": the acronym joined by a dash */
      guint body_end = k;
      if (k == a + 2 && (last->flags & NKG_TOK_DASH) && !(last->flags & NKG_TOK_SPACE)
          && !(tok (f, k)->flags & NKG_TOK_SPACE))
        {
          body_end = k - 1;
          last = tok (f, k - 2);
        }
      if (body_end == a + 1 && (last->flags & NKG_TOK_UPPER) && !(last->flags & NKG_TOK_POSS) && strlen (last->text) >= 2)
        return body_end;
      char buf[128];
      g_autofree char *heap = NULL;
      if ((last->flags & NKG_TOK_CAP) && nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, a, k, buf, sizeof buf, &heap)))
        return k;
      return b;
    }
  return b;
}

/* Length of a military rank at a right after an office's title, which is
 * a style before the name and no part of the office: "Deputy Minister of
 * National Defence Lieutenant General X", "Defence Minister Major General
 * Y" (patterns.txt rankword, rankhead), or 0. One word ("General") is a
 * rank only after a remit: "Director General" is one title. */
static guint
rank_after_title (const Finder *f, guint a, guint b)
{
  if (a <= f->s_first || a >= b)
    return 0;
  guint e = a;
  while (e < b && e < a + 3 && is_capital (tok (f, e)) && NKG_TOK_IN_LIST ("rankword", tok (f, e)))
    e++;
  /* the rank's head: "General", or "Colonel" itself */
  if (e < b && is_capital (tok (f, e)) && NKG_TOK_IN_LIST ("rankhead", tok (f, e)))
    e++;
  else if (e > a && NKG_TOK_IN_LIST ("rankhead", tok (f, e - 1)))
    ;
  else
    return 0;
  guint before = roles (f, tok (f, a - 1));
  if (!is_capital (tok (f, a - 1)) || (e - a < 2 && !(before & NKG_W_PORTFOLIO)) || !(before & (NKG_W_TITLE | NKG_W_PORTFOLIO)))
    return 0;
  return e < b && looks_like_name_token (f, tok (f, e)) ? e - a : 0;
}

/* A piece holding a job title and a name after it: "US Secretary of War
 * Greg Walton". Returns FALSE when there is no such title. */
static gboolean
split_title (Finder *f, guint a, guint b, GPtrArray *pending)
{
  /* A piece that a head word types is a name of its own, unless the head
   * is all before a title and a name ("Bank of Peru Chairman Luis
   * Vargas", "Council of Europe Chairman …"). */
  NkgClass hc = head_class (f, a, b);
  for (guint h = b; h-- > a;)
    {
      const char *country;
      gboolean keep;
      guint he = title_end (f, h, b, &country, &keep);
      if (he == h)
        continue;
      /* "Chairman of the Cabinet of Ministers of the Kyrgyz Republic X",
       * "the Council of Ministers": a plural title after a body's head
       * and "of" ends the body's name, and is nobody's title */
      if (h >= a + 2 && strcmp (tok (f, h - 1)->lower, "of") == 0
          && (roles (f, tok (f, h - 2)) & (NKG_W_ORG | NKG_W_GOVORG)))
        {
          const char *single = nkg_lexicon_title_singular (f->lex, tok (f, h)->lower);
          if (single && strcmp (single, tok (f, h)->lower) != 0)
            continue;
        }
      /* "… Defence Lieutenant General X": the rank is no office; the
       * office before it is */
      if (h > a && rank_after_title (f, h, b) == 0)
        {
          guint r = h;
          while (r > a + 1 && r + 3 > h && NKG_TOK_IN_LIST ("rankword", tok (f, r - 1)))
            r--;
          if (rank_after_title (f, r, b) > 0)
            continue;
        }
      else if (h > a && rank_after_title (f, h, b) > 0)
        continue;
      /* The head's own end, before any complement. */
      guint head_end = (roles2 (f, h, b) & NKG_W_TITLE) ? h + 2 : h + 1;
      /* "Minister of Foreign Affairs II Yang Berhormat X": a Roman numeral
       * right after the title numbers the office, and the name follows —
       * a name of two words or more, or one a style opens; before one word
       * it is a family name in capitals ("President XI Lanfeng") */
      if (he + 1 < b && strlen (tok (f, he)->text) >= 2 && strspn (tok (f, he)->text, "IVX") == strlen (tok (f, he)->text)
          && (he + 2 < b || skip_name_prefix (f, he + 1, b) > he + 1))
        he++;
      guint name = skip_name_prefix (f, he, b);
      guint rank = name == he ? rank_after_title (f, he, b) : 0;
      if (rank)
        name = skip_name_prefix (f, he + rank, b);
      /* "Vice Premier He Lifeng", "General Secretary To Lam": a short
       * function word capitalised right after a title, in mid-sentence and
       * before a name, is a family name, not capitalised by position. */
      gboolean family = name > he && he > f->s_first && he + 1 < b && is_word (tok (f, he))
          && (tok (f, he)->flags & NKG_TOK_CAP) && !(tok (f, he)->flags & NKG_TOK_UPPER)
          && g_utf8_strlen (tok (f, he)->text, -1) == 2 && (roles (f, tok (f, he)) & NKG_W_STOPCAP)
          && !(roles (f, tok (f, he)) & NKG_W_HONORIFIC) && (roles (f, tok (f, he - 1)) & NKG_W_TITLE)
          && looks_like_name_token (f, tok (f, he + 1)) && !place_of (f, he + 1, b, NULL);
      if (family)
        name = he;
      /* "Minister of National Harmony Datuk Seri X", "Minister of Ports,
       * Shipping & Waterways Shri Y": a style marks where the name begins;
       * the capitalised words between the title and it finish the title */
      if (!family && name == he && he > h + 1 && (roles (f, tok (f, he - 1)) & NKG_W_PORTFOLIO))
        {
          guint styled = namestyle_after (f, he, b);
          if (styled > he)
            {
              he = styled;
              name = skip_name_prefix (f, he, b);
            }
        }
      /* "Mayor of Perth X", "Governor of Jakarta Y": a place after the
       * title's "of" is the office's, and the name follows it
       * (title_complement takes countries and remits only), after any
       * style ("Chief Minister of Sabah Datuk Seri X") */
      guint office_a = name, office_b = name;
      NkgPlace office;
      if (!family && name > he && strcmp (tok (f, name - 1)->lower, "of") == 0)
        for (guint e = MIN (name + 3, b - 2); e > name; e--)
          {
            guint holder = skip_name_prefix (f, e, b);
            if (holder < b && place_of (f, name, e, &office) && looks_like_name_token (f, tok (f, holder))
                && !place_of (f, e, e + 1, NULL))
              {
                office_b = e;
                name = holder;
                break;
              }
          }
      /* "Deputy Chairman of the Press Council X": a body whose first word
       * is no name's ("Press", a title's modifier) still comes before one */
      gboolean body_next = FALSE;
      if (!family && name < b && is_capital (tok (f, name)) && !looks_like_name_token (f, tok (f, name)))
        {
          const char *listed;
          NkgClass k;
          body_next = body_before_name (f, name, b, &listed, &k) > name;
          /* "Premier of the State Council of the People's Republic of
           * China X": the title's end took the body's first word for
           * its remit ("of State"), as in the loop below */
          for (guint s = name - 1; !body_next && s > h + 2 && s + 2 >= name; s--)
            body_next = body_before_name (f, s, b, &listed, &k) > s;
        }
      if (name >= b || (!family && !looks_like_name_token (f, tok (f, name)) && !body_next))
        continue;
      /* "Secretary-General of ASEAN": a listed body after the title is
       * the one it is held in, no person's name */
      if (!family)
        {
          char buf[128];
          g_autofree char *heap = NULL;
          if (nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, name, b, buf, sizeof buf, &heap)))
            continue;
          /* … nor one a lead word opens ("Speaker of the Dewan Rakyat";
           * patterns.txt orglead, govlead) */
          const NkgToken *lead = tok (f, name);
          if (name + 1 < b && (NKG_TOK_IN_LIST ("govlead", lead) || NKG_TOK_IN_LIST ("orglead", lead))
              && is_capital (tok (f, name + 1)))
            continue;
          /* … nor "Governor of Bank Negara Malaysia" (countrybodylead) */
          if (name + 1 < b && NKG_TOK_IN_LIST ("countrybodylead", lead) && ends_in_country (f, name + 1, b))
            continue;
        }
      /* "Secretary-General of ASEAN Kao Kim Hourn", "Chairman of Norvex
       * Holdings Ana Costa": the body the title is held in, then the
       * holder's name */
      guint body_a = name, body_b = name;
      const char *body_listed = NULL;
      NkgClass body_class = NKG_CLASS_NONE;
      if (!family)
        body_b = body_before_name (f, name, b, &body_listed, &body_class);
      /* "President of the European Commission X": the word the title's
       * end took for its remit or country starts the body's name */
      for (guint k = name - 1; !family && body_b == body_a && k > h + 2 && k + 2 >= name; k--)
        {
          guint e = body_before_name (f, k, b, &body_listed, &body_class);
          if (e > k)
            {
              body_a = k;
              body_b = e;
              country = NULL;
            }
        }
      /* "Secretary-General of ASEAN Dr. X": a style may come between the
       * body and the name */
      if (body_b > body_a)
        name = skip_name_prefix (f, body_b, b);
      /* "Minister of Foreign Affairs II": a lone Roman numeral numbers the
       * office; it names nobody */
      if (name + 1 == b && strspn (tok (f, name)->text, "IVX") == strlen (tok (f, name)->text))
        continue;
      /* "the X Foreign Ministers Meeting": a head after the title names a
       * meeting or body of those officials, not a person */
      const char *one = nkg_lexicon_title_singular (f->lex, tok (f, h)->lower);
      if (one && strcmp (one, tok (f, h)->lower) != 0
          && (roles (f, tok (f, b - 1)) & (NKG_W_EVENT | NKG_W_ORG | NKG_W_GOVORG | NKG_W_AGREEMENT)))
        continue;
      guint ts = h;
      while (ts > a)
        {
          const NkgToken *t = tok (f, ts - 1);
          guint r = roles (f, t);
          /* "Ministry of Commerce Permanent Secretary X": the remit
           * after a body's head and "of" ends the body, not the title */
          if ((r & NKG_W_PORTFOLIO) && remit_of_body (f, a, ts - 1))
            break;
          if ((r & (NKG_W_TITLEMOD | NKG_W_TITLE)) && !country_of (f, ts - 1, ts))
            ts--;
          /* "Field Marshal", "Air Marshal": a two-word title */
          else if (roles2 (f, ts - 1, b) & NKG_W_TITLE)
            ts--;
          /* "Air Chief Marshal", "Air Vice-Marshal": a title of several
           * words that words.tsv lists whole */
          else if (listed_title (f, ts - 1, head_end))
            ts--;
          /* "Director-General" */
          else if ((t->flags & NKG_TOK_DASH) && !(t->flags & NKG_TOK_SPACE) && ts - 1 > a
                   && (roles (f, tok (f, ts - 2)) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
            ts--;
          else if (strcmp (t->lower, "and") == 0 && ts - 1 > a
                   && (roles (f, tok (f, ts - 2)) & NKG_W_TITLEMOD))
            ts--;
          /* "Investment, Trade and Industry Minister" */
          else if (strcmp (t->text, ",") == 0 && ts - 1 > a && (roles (f, tok (f, ts - 2)) & NKG_W_PORTFOLIO)
                   && (roles (f, tok (f, ts)) & NKG_W_PORTFOLIO))
            ts--;
          /* "Under-Secretary-General": a dashed title whose first word is
           * none by itself (data/words.tsv lists the compound) */
          else if ((t->flags & NKG_TOK_DASH) && !(t->flags & NKG_TOK_SPACE) && ts - 1 > a
                   && dashed_title (f, ts - 2, head_end))
            ts -= 2;
          /* "Adviser to the President (on Trade)": the office served is
           * part of the adviser's title */
          else if (strcmp (t->lower, "to") == 0 && ts - 1 > a && (roles (f, tok (f, ts - 2)) & NKG_W_TITLE))
            ts--;
          else if (strcmp (t->lower, "the") == 0 && ts - 2 > a && strcmp (tok (f, ts - 2)->lower, "to") == 0
                   && (roles (f, tok (f, ts - 3)) & NKG_W_TITLE))
            ts -= 2;
          else
            break;
        }
      /* "Premier of the State Council of the People's Republic of China
       * X": the head that types the piece is the body's after the title */
      gboolean body_typed = body_b > body_a && head_class (f, body_a, body_b) == hc;
      if (hc != NKG_CLASS_NONE && !body_typed && (ts == a || head_class (f, a, ts) != hc))
        continue;
      guint title_stop = he;
      /* the title ends before "of (the) BODY" */
      if (body_b > body_a)
        {
          title_stop = body_a;
          while (title_stop > ts && (strcmp (tok (f, title_stop - 1)->lower, "of") == 0
                                     || strcmp (tok (f, title_stop - 1)->lower, "the") == 0))
            title_stop--;
        }
      if (country && !keep)
        {
          /* The title ends before its "of Country": "Minister of Defence"
           * of Mongolia, "President" of Uzbekistan. */
          title_stop = head_end;
          for (guint x = he; x > head_end; x--)
            if ((strcmp (tok (f, x - 1)->lower, "of") == 0 || strcmp (tok (f, x - 1)->lower, "for") == 0)
                && !country_across_of (f, head_end, x - 1, he))
              {
                title_stop = x - 1;
                break;
              }
        }
      /* "National Assembly Chairman X", "Senate President Y": a chamber
       * (list chamber) is part of its officer's title; he works for the
       * chamber and stands for its country. */
      guint chamber_at = ts;
      for (guint s = a; s < ts && s + 3 >= ts && chamber_at == ts; s++)
        {
          char buf[128], dbuf[128];
          g_autofree char *heap = NULL, *dheap = NULL;
          /* after its nationality: "the Vietnamese National Assembly" */
          if ((s == a || nkg_lexicon_demonym (f->lex, nkg_segments_span_buf (f->seg, a, s, dbuf, sizeof dbuf, &dheap)))
              && NKG_IN_LIST ("chamber", span_lower (f, s, ts, buf, sizeof buf, &heap)))
            chamber_at = s;
        }
      gboolean chamber = chamber_at < ts;
      char *title = nkg_mentions_title_text (f->lex, f->seg, chamber_at, title_stop);
      /* "Ambassador to China" represents the sender, not China. */
      const char *cue_country = keep ? NULL : country;
      gint org = -1;
      if (ts > a)
        {
          const char *c = country_of (f, a, ts);
          NkgPlace p;
          if (c)
            {
              if (place_of (f, a, ts, &p))
                add_place_mention (f, a, ts, &p);
              if (!cue_country)
                cue_country = c;
            }
          else
            {
              guint before = f->out->len;
              /* "USAID Kenya Mission Director X", "World Bank Bangladesh
               * Country Director Y": the body's office in a country; the
               * body employs, and the country, only where the office is,
               * is no side X takes (no mention) */
              NkgPlace where;
              classify_piece (f, a, office_country (f, a, ts, &where), NULL);
              for (guint i = before; i < f->out->len; i++)
                {
                  NkgMention *m = g_ptr_array_index (f->out, i);
                  if (m->klass == NKG_CLASS_NONE || m->klass == NKG_CLASS_PERSON)
                    m->klass = NKG_CLASS_ORG;
                  /* not the parent inside its name ("Committee of the
                   * Council of Europe Chairman X") */
                  if (nkg_class_coarse (m->klass) == NKG_CLASS_ORG
                      && !(org >= 0 && m->first > ((NkgMention *) g_ptr_array_index (f->out, org))->first
                           && m->last <= ((NkgMention *) g_ptr_array_index (f->out, org))->last))
                    org = i;
                  /* not the country inside its name ("Bank of Peru") */
                  else if (m->klass == NKG_CLASS_COUNTRY && !cue_country && !m->nested)
                    cue_country = m->canonical;
                }
            }
        }
      /* the country of "Ambassador to China" is named too */
      if (country)
        {
          NkgPlace p;
          for (guint k = head_end; k < he; k++)
            for (guint e = he; e > k; e--)
              if (place_of (f, k, e, &p) && p.klass == NKG_CLASS_COUNTRY)
                {
                  add_place_mention (f, k, e, &p);
                  k = he;
                  break;
                }
        }
      if (body_b > body_a)
        {
          /* "… of the State Council of the People's Republic of China X":
           * the country closing the body's name is named, and X's */
          guint cs = body_listed ? 0 : body_of_country (f, body_a, body_b);
          NkgPlace cp;
          if (cs && place_of (f, cs, body_b, &cp))
            {
              add_place_mention (f, cs, body_b, &cp);
              if (!cue_country)
                cue_country = country_of (f, cs, body_b);
            }
          NkgMention *bm = add_mention (f, body_a, body_b, body_class, NKG_MENTION_NAME);
          if (body_listed)
            bm->canonical = body_listed;
          if (org < 0)
            org = f->out->len - 1;
        }
      if (office_b > office_a)
        add_place_mention (f, office_a, office_b, &office);
      NkgMention *m = add_mention (f, name, b, NKG_CLASS_PERSON, NKG_MENTION_NAME);
      m->cue_first = a;
      m->title_country = cue_country;
      m->title_org = org;
      /* the chamber's officer stands for its country */
      if (chamber && !m->title_country && org >= 0)
        m->title_country = ((NkgMention *) g_ptr_array_index (f->out, org))->title_country;
      if (pending)
        take_pending_titles (m, pending);
      nkg_mention_add_title (m, title);
      return TRUE;
    }
  return FALSE;
}

/* Whether tokens [a, b) are a title alone ("Deputy Premier"), kept for the
 * name that follows "and". */
static char *
bare_title (Finder *f, guint a, guint b)
{
  const char *country;
  gboolean keep;
  for (guint h = a; h < b; h++)
    {
      guint he = title_end (f, h, b, &country, &keep);
      if (he == b && he > h)
        {
          /* "Vice-President": a dash joins title words; "Under-Secretary-General":
           * a dashed compound words.tsv lists whole */
          for (guint i = a; i < h; i++)
            if (!(roles (f, tok (f, i)) & (NKG_W_TITLEMOD | NKG_W_TITLE))
                && !(i > a && (tok (f, i)->flags & NKG_TOK_DASH) && !(tok (f, i)->flags & NKG_TOK_SPACE)
                     && !(tok (f, i + 1)->flags & NKG_TOK_SPACE)))
              {
                guint x = he;
                while (x > h && !dashed_title (f, i, x))
                  x--;
                if (x <= h)
                  return NULL;
                break;
              }
          return nkg_mentions_title_text (f->lex, f->seg, a, b);
        }
    }
  return NULL;
}

/* Whether "(ACRONYM)" right after tokens [a, b) has the initials of
 * their capitalised words. */
static gboolean
acronym_spells (const Finder *f, guint a, guint b)
{
  if (b + 2 >= f->s_last || strcmp (tok (f, b)->text, "(") != 0 || !(tok (f, b + 1)->flags & NKG_TOK_UPPER)
      || strcmp (tok (f, b + 2)->text, ")") != 0)
    return FALSE;
  g_autoptr (GString) ini = g_string_new (NULL);
  for (guint i = a; i < b; i++)
    if (is_word (tok (f, i)) && (tok (f, i)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
      g_string_append_c (ini, tok (f, i)->text[0]);
  return g_ascii_strcasecmp (ini->str, tok (f, b + 1)->text) == 0;
}

/* Whether token `b` starts a title and a name after it: "… spokesman
 * Dmitry Peskov", "… Press Secretary Karine Jean-Pierre". */
static gboolean
employer_before_title (Finder *f, guint b)
{
  guint k = b;
  gboolean title = FALSE;
  while (k < f->s_last && is_word (tok (f, k)) && (roles (f, tok (f, k)) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
    title |= (roles (f, tok (f, k++)) & NKG_W_TITLE) != 0;
  return title && k < f->s_last && is_capital (tok (f, k));
}

/* Whether the name [a, b) speaks as a body does: the subject of a
 * reporting verb ("Malacañang said", "the Kremlin announced"), after
 * "according to", or credited ("courtesy the White House") — for a seat
 * of government (data/seats.tsv), its government speaking, not the
 * building. */
static gboolean
speaks_as_body (const Finder *f, guint a, guint b)
{
  if (b < f->s_last && is_word (tok (f, b)) && !(tok (f, b)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
      && (roles (f, tok (f, b)) & NKG_W_REPORT))
    return TRUE;
  guint k = a;
  if (k > f->s_first && strcmp (tok (f, k - 1)->lower, "the") == 0)
    k--;
  return (k > f->s_first && strcmp (tok (f, k - 1)->lower, "courtesy") == 0)
         || (k > f->s_first + 1 && strcmp (tok (f, k - 1)->lower, "to") == 0
             && strcmp (tok (f, k - 2)->lower, "according") == 0);
}

/* A seat of government (data/seats.tsv) named by [a, b), after an
 * optional "the", that speaks (speaks_as_body). */
static gboolean
seat_speaks (const Finder *f, guint a, guint b)
{
  if (!speaks_as_body (f, a, b))
    return FALSE;
  if (strcmp (tok (f, a)->lower, "the") == 0)
    a++;
  char buf[128];
  g_autofree char *heap = NULL;
  return a < b && nkg_lexicon_seat (f->lex, nkg_segments_span_buf (f->seg, a, b, buf, sizeof buf, &heap)) != NULL;
}

/* Whether a one-word name at `a` is said to be an employer or a body:
 * after a title and "of" or "at" ("chief executive of Tarvex", "a
 * co-founder of Veltrona"), or after a collective noun that WordNet files
 * under groups, with "the" before it ("the Dutch conglomerate Tarvex",
 * "the oil company Norvex"). */
static gboolean
employer_after (const Finder *f, guint a)
{
  guint k = a;
  if (k > f->s_first && strcmp (tok (f, k - 1)->lower, "the") == 0)
    k--;
  if (k >= f->s_first + 2 && (strcmp (tok (f, k - 1)->lower, "of") == 0 || strcmp (tok (f, k - 1)->lower, "at") == 0))
    {
      const NkgToken *t = tok (f, k - 2);
      return is_word (t) && (roles (f, t) & NKG_W_TITLE) && !(roles (f, t) & NKG_W_STOPCAP)
             && !(t->flags & NKG_TOK_CAP);
    }
  if (a < f->s_first + 2)
    return FALSE;
  const NkgToken *n = tok (f, a - 1);
  if (!is_word (n) || (n->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || (roles (f, n) & NKG_W_TITLE))
    return FALSE;
  if (!nkg_wordnet_noun_can_be (n->lower, NKG_NOUN_GROUP))
    return FALSE;
  for (guint i = a - 1; i-- > f->s_first && i + 4 > a;)
    if (strcmp (tok (f, i)->lower, "the") == 0)
      return TRUE;
  return FALSE;
}

/* "PetroVietnam", "SoftBank", "ByteDance": a capital inside a one-word
 * name after a run of lower-case letters is a company's brand, not a
 * person's name, unless the run is a prefix of surnames (patterns.txt
 * camelprefix: "McKenzie", "DeSantis", "LaGuardia"), or two long words
 * meet there. */
static gboolean
camel_case_body (const NkgToken *t)
{
  const char *x = t->text;
  if (!g_ascii_isupper (x[0]) || !g_ascii_islower (x[1]))
    return FALSE;
  for (const char *c = x + 2; *c; c++)
    if (g_ascii_isupper (*c) && g_ascii_islower (c[-1]))
      {
        if (!c[1] || !g_ascii_islower (c[1]))
          return FALSE;
        char prefix[8];
        gsize n = c - x;
        if (n < sizeof prefix)
          {
            for (gsize i = 0; i < n; i++)
              prefix[i] = g_ascii_tolower (x[i]);
            prefix[n] = '\0';
            if (NKG_IN_LIST ("camelprefix", prefix))
              return FALSE;
          }
        if (n < 6)
          return TRUE;
        /* "PositionIncludes": two words glued where a page lost a line
         * break, the first a long one, no brand */
        g_autofree char *first = g_ascii_strdown (x, n);
        g_autofree char *rest = g_ascii_strdown (c, -1);
        return !(nkg_wordnet_form_known (first) && nkg_wordnet_form_known (rest));
      }
    else if (!g_ascii_isalpha (*c))
      return FALSE;
  return FALSE;
}

/* Whether a one-word name at a is said to be a body right before it: by
 * an adjective of ownership ("state-owned X", patterns.txt ownedadj), or
 * as where people work ("officials from X", "engineers at X":
 * staffplural and "from", "of" or "at"). */
static gboolean
staff_of (const Finder *f, guint a)
{
  if (a <= f->s_first)
    return FALSE;
  const NkgToken *p = tok (f, a - 1);
  /* (the adjective is three tokens: "state", "-", "owned") */
  if (a >= f->s_first + 3 && (tok (f, a - 2)->flags & NKG_TOK_DASH) && !(tok (f, a - 2)->flags & NKG_TOK_SPACE)
      && !(p->flags & NKG_TOK_SPACE))
    {
      char buf[64];
      g_autofree char *heap = NULL;
      if (NKG_IN_LIST ("ownedadj", span_lower (f, a - 3, a, buf, sizeof buf, &heap)))
        return TRUE;
    }
  return a > f->s_first + 1
         && (strcmp (p->lower, "from") == 0 || strcmp (p->lower, "of") == 0 || strcmp (p->lower, "at") == 0)
         && is_word (tok (f, a - 2)) && NKG_TOK_IN_LIST ("staffplural", tok (f, a - 2));
}

/* Whether a one-word name ending at b is described as a body right after
 * it: in apposition by a noun of patterns.txt's orgnoun or orgapposed, the head of its
 * phrase, before any title ("Korvex, Singapore's state fund", "Bappenas,
 * the planning agency"; not "X, a utility worker"), or as the owner of what only bodies have (orgpossessed:
 * "Huawei's shares", "Petronas' chairman"). */
static gboolean
body_beside (const Finder *f, guint b)
{
  if (b + 1 >= f->s_last)
    return FALSE;
  const NkgToken *n = tok (f, b);
  if (n->flags & NKG_TOK_POSS)
    return is_word (tok (f, b + 1)) && NKG_TOK_IN_LIST ("orgpossessed", tok (f, b + 1));
  if (strcmp (n->text, ",") != 0)
    return FALSE;
  for (guint k = b + 1; k < f->s_last && k < b + 8; k++)
    {
      const NkgToken *w = tok (f, k);
      if (strcmp (w->text, ",") == 0 || (roles (f, w) & (NKG_W_REPORT | NKG_W_TITLE)) || NKG_TOK_IN_LIST ("personnoun", w))
        return FALSE;
      if (is_word (w) && !(w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
          && (NKG_TOK_IN_LIST ("orgnoun", w) || NKG_TOK_IN_LIST ("orgapposed", w)))
        return k + 1 >= f->s_last || !is_word (tok (f, k + 1)) || NKG_TOK_IN_LIST ("orgnounafter", tok (f, k + 1));
    }
  return FALSE;
}

/* "18:29 GMT 19:29 UK": a word after a clock time is its time zone. */
static gboolean
after_clock (const Finder *f, guint a)
{
  return a >= f->s_first + 3 && (tok (f, a - 1)->flags & NKG_TOK_NUM) && strcmp (tok (f, a - 2)->text, ":") == 0
         && (tok (f, a - 3)->flags & NKG_TOK_NUM);
}

/* Whether a title stands in apposition after the name that ends at b:
 * "Hun Sen, President of the Senate, ..." ("Hun" is an English word, but
 * no description of a person so titled). */
static gboolean
title_beside (const Finder *f, guint b)
{
  if (b + 2 >= f->s_last || strcmp (tok (f, b)->text, ",") != 0)
    return FALSE;
  for (guint k = b + 1; k < f->s_last && k < b + 6; k++)
    {
      const NkgToken *w = tok (f, k);
      if (strcmp (w->text, ",") == 0 || (roles (f, w) & NKG_W_REPORT))
        return FALSE;
      /* "…, chairman N. Kumar": that title is the next name's */
      if (roles (f, w) & NKG_W_TITLE)
        return k + 1 >= f->s_last || !is_capital (tok (f, k + 1)) || (roles (f, tok (f, k + 1)) & NKG_W_TITLE);
    }
  return FALSE;
}

/* "Pacific Island leaders", "Caribbean Island states": a region the
 * lexicon knows and a singular "Island" before a lower-case word describe
 * the countries of that region; no island is so named. */
static gboolean
region_island_before_noun (const Finder *f, guint a, guint b)
{
  if (b > f->s_last || strcmp (tok (f, b - 1)->lower, "island") != 0)
    return FALSE;
  const NkgToken *n = b < f->s_last ? tok (f, b) : NULL;
  if (!n || !is_word (n) || (n->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || is_connector (f, n))
    return FALSE;
  NkgPlace p;
  return place_of (f, a, b - 1, &p) && p.klass == NKG_CLASS_PLACE && !p.country;
}

/* "Pacific leaders gather", "13 Caribbean states", "Pacific tuna
 * stocks", "Pacific foreign ministers": a region (places.tsv: no country)
 * before a lower-case plural noun, or one word and a plural noun, only
 * qualifies them, as a nationality would; the text names no place.
 * "the Pacific region" (patterns.txt regionnoun), "the Pacific" and a
 * singular ("an Africa analyst", which news annotates as the place) keep
 * it one. */
static gboolean
region_modifier (const Finder *f, guint a, guint b, const NkgPlace *p)
{
  if (p->klass != NKG_CLASS_PLACE || p->country || strcmp (tok (f, a)->lower, "the") == 0
      || (a > f->s_first && strcmp (tok (f, a - 1)->lower, "the") == 0))
    return FALSE;
  for (guint k = b; k < f->s_last && k < b + 2; k++)
    {
      const NkgToken *n = tok (f, k);
      if (!is_word (n) || (n->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM | NKG_TOK_DASH))
          || NKG_TOK_IN_LIST ("regionnoun", n) || NKG_TOK_IN_LIST ("titlecasesmall", n))
        return FALSE;
      if (is_plural_noun (n))
        return TRUE;
      guint counts[4];
      if (!nkg_wordnet_word (n->lower, counts, NULL) || !(counts[0] || counts[2]))
        return FALSE;
    }
  return FALSE;
}

static void
classify_piece (Finder *f, guint a, guint b, GPtrArray *pending)
{
  NkgPlace p;
  if (b == a + 1 && after_clock (f, a))
    return;
  /* "the Manila-based ADB", "the Seoul-based Korea Institute": where a
   * body sits is no part of its name. */
  for (guint i = a + 2; i + 1 < b; i++)
    if (strcmp (tok (f, i)->lower, "based") == 0 && (tok (f, i - 1)->flags & NKG_TOK_DASH)
        && !(tok (f, i - 1)->flags & NKG_TOK_SPACE) && !(tok (f, i)->flags & NKG_TOK_SPACE))
      {
        classify_piece (f, a, i - 1, NULL);
        classify_piece (f, i + 1, b, pending);
        return;
      }
  /* "the Kessel GmbH Plant", "the Rio Norte S.A. Facility": a legal form
   * ends the company's name; the works after it name nothing more */
  if (b >= a + 3 && (tok (f, b - 1)->flags & NKG_TOK_CAP) && NKG_TOK_IN_LIST ("worksafter", tok (f, b - 1)))
    for (guint k = b - 2; k > a && k + 3 >= b; k--)
      if (NKG_TOK_IN_LIST ("legalend", tok (f, k)))
        {
          classify_piece (f, a, k + 1, pending);
          return;
        }
  /* "in Kampot and Takeo Provinces", "in Vientiane Capital": the place
   * before a plural kind of region, or a city before its administrative
   * "Capital", is that place, not a body */
  if (b >= a + 2 && (tok (f, b - 1)->flags & NKG_TOK_CAP) && !(tok (f, b - 1)->flags & NKG_TOK_UPPER))
    {
      gboolean plural = NKG_TOK_IN_LIST ("capregionplural", tok (f, b - 1));
      if (plural || NKG_TOK_IN_LIST ("citytail", tok (f, b - 1)))
        {
          if (place_of (f, a, b - 1, &p) && (plural || p.klass == NKG_CLASS_CITY))
            {
              add_place_mention (f, a, b - 1, &p);
              return;
            }
          if (plural && b <= a + 3 && looks_like_name_token (f, tok (f, a)) && looks_like_name_token (f, tok (f, b - 2)))
            {
              add_mention (f, a, b - 1, NKG_CLASS_PLACE, NKG_MENTION_NAME);
              return;
            }
        }
    }
  /* "Secretary to the Ministry of X": a title and the body it serves;
   * only the body is a name */
  if (b > a + 3 && (roles (f, tok (f, a)) & NKG_W_TITLE) && strcmp (tok (f, a + 1)->lower, "to") == 0
      && strcmp (tok (f, a + 2)->lower, "the") == 0)
    {
      NkgClass k = head_class (f, a + 3, b);
      if (k == NKG_CLASS_ORG || k == NKG_CLASS_GOV_ORG)
        {
          classify_piece (f, a + 3, b, pending);
          return;
        }
    }
  /* "New Delhi" starts with a word that usually is no name. A place
   * before a title and a name ("Kremlin spokesman X") may be a seat of
   * government, which is asked below. */
  if (a < b && place_of (f, a, b, &p)
      && !(p.klass == NKG_CLASS_PLACE && (employer_before_title (f, b) || seat_speaks (f, a, b))))
    {
      if (region_modifier (f, a, b, &p))
        return;
      add_place_mention (f, a, b, &p);
      return;
    }
  /* "Stephenville, NL": the province's code is no name of its own. */
  if (nkg_place_cue_region_code (f->lex, f->seg, f->s_first, f->s_last, a, b))
    return;
  /* A small town the text introduces: "the Kenyan town of X", "X, Kenya". */
  if (nkg_place_cue_town (f->lex, f->seg, f->s_first, f->s_last, a, b, &p))
    {
      add_place_mention (f, a, b, &p);
      return;
    }
  /* News agencies and outlets: "reported by Kyodo", "The Guardian";
   * intergovernmental bodies: "Mercosur", "the Quad", "SAARC"; and seats
   * of government (below, when its span is still [a, b) then), asked
   * with the span's key made once. */
  const char *seat = NULL;
  gboolean seat_asked = FALSE;
  const guint seat_a = a, seat_b = b;
  {
    guint o = a < b && strcmp (tok (f, a)->lower, "the") == 0 ? a + 1 : a;
    char buf[128];
    g_autofree char *heap = NULL;
    const char *span = o < b ? nkg_segments_span_buf (f->seg, o, b, buf, sizeof buf, &heap) : NULL;
    const char *outlet = NULL, *body = NULL;
    if (span)
      {
        seat_asked = o == a;
        nkg_lexicon_names_of (f->lex, span, &outlet, &body, seat_asked ? &seat : NULL);
      }
    if (outlet)
      {
        add_mention (f, o, b, NKG_CLASS_ORG, NKG_MENTION_NAME)->canonical = outlet;
        return;
      }
    guint be = b;
    /* "United Nations Security Council Resolutions": a body and common
     * words after it that head no name of their own */
    for (guint e = b - 1; !body && e > o && e + 2 >= b; e--)
      {
        if (head_class (f, e, b) != NKG_CLASS_NONE || any_head (f, e, b, NKG_W_TITLE | NKG_W_TITLEMOD)
            || !nkg_wordnet_word_or_singular (tok (f, e)->lower) || nkg_lexicon_is_name_part (f->lex, tok (f, e)->text))
          break;
        g_autofree char *part = nkg_segments_span (f->seg, o, e);
        body = nkg_lexicon_body (f->lex, part);
        be = e;
      }
    if (body)
      {
        add_mention (f, o, be, NKG_CLASS_ORG, NKG_MENTION_NAME)->canonical = body;
        return;
      }
  }
  /* "India-US", "ASEAN-India": parts joined by hyphens, one a place. */
  gboolean hyphen = FALSE, place_part = FALSE;
  for (guint i = a, s = a; i <= b; i++)
    if (i == b || (tok (f, i)->flags & NKG_TOK_DASH))
      {
        hyphen |= i < b;
        place_part |= place_of (f, s, i, NULL);
        s = i + 1;
      }
  if (hyphen && place_part && (head_class (f, a, b) == NKG_CLASS_NONE || head_class (f, a, b) == NKG_CLASS_PLACE))
    {
      for (guint i = a, s = a; i <= b; i++)
        if (i == b || (tok (f, i)->flags & NKG_TOK_DASH))
          {
            classify_piece (f, s, i, NULL);
            s = i + 1;
          }
      return;
    }
  /* Words capitalised by position, honorifics. */
  guint named = skip_name_prefix (f, a, b);
  /* "…, Next Harbour Fuels Corp., and …": in mid-sentence, after a word or a
   * comma, a capitalised "Next" or "First" (patterns.txt namestart)
   * begins a body's name that a head word types. */
  if (named == a + 1 && a > f->s_first && (roles (f, tok (f, a)) & NKG_W_STOPCAP)
      && !(roles (f, tok (f, a)) & NKG_W_HONORIFIC) && (tok (f, a)->flags & NKG_TOK_CAP)
      && (is_word (tok (f, a - 1)) || strcmp (tok (f, a - 1)->text, ",") == 0)
      && NKG_TOK_IN_LIST ("namestart", tok (f, a))
      && (head_class (f, a + 1, b) == NKG_CLASS_ORG || head_class (f, a + 1, b) == NKG_CLASS_GOV_ORG
          || body_before_title (f, a + 1, b)))
    named = a;
  gboolean honorific = FALSE;
  for (guint i = a; i < named; i++)
    honorific |= (roles (f, tok (f, i)) & NKG_W_HONORIFIC) != 0 || honorific_phrase (f, i, named) > 0;
  a = named;
  while (a < b && !is_word (tok (f, a)))
    a++;
  while (b > a && !is_word (tok (f, b - 1)) && !bracket_legal_form_ends (f, a, b))
    b--;
  if (a >= b)
    return;
  /* Seats of government that news uses for the government itself
   * ("White House spokesman Tom Reed", data/seats.tsv): before a title and
   * a name, or speaking ("Malacañang said"), they are a government body
   * of their country; "at the White House" stays the venue. */
  {
    char buf[128];
    g_autofree char *heap = NULL;
    const char *seat_country = seat_asked && a == seat_a && b == seat_b
                                   ? seat
                                   : nkg_lexicon_seat (f->lex, nkg_segments_span_buf (f->seg, a, b, buf, sizeof buf, &heap));
    if (seat_country && (employer_before_title (f, b) || speaks_as_body (f, a, b)))
      {
        add_mention (f, a, b, NKG_CLASS_GOV_ORG, NKG_MENTION_NAME)->title_country = seat_country;
        return;
      }
  }
  /* A nationality adjective before a name: "Chinese Foreign Ministry". */
  const char *demonym_country = NULL;
  guint demonym_start = a, demonym_end = a;
  for (guint k = MIN (b - 1, a + 2); k > a; k--)
    {
      char buf[128];
      g_autofree char *heap = NULL;
      const char *c = nkg_lexicon_demonym (f->lex, nkg_segments_span_buf (f->seg, a, k, buf, sizeof buf, &heap));
      if (c)
        {
          demonym_country = c;
          demonym_end = k;
          a = k;
          break;
        }
    }
  /* "Indian Navy", "Kenyan Coast Guard": a nationality and a bare head
   * word or two-word head make one name. */
  if (demonym_country
      && ((b == a + 1 && class_of_head (roles (f, tok (f, a))) != NKG_CLASS_NONE)
          || (b == a + 2 && class_of_head (roles2 (f, a, b)) != NKG_CLASS_NONE)))
    a = demonym_start;
  /* "the Portuguese Space Agency", "the Chilean Institute of Oceanography":
   * a name of several words whose head keeps the nationality (words.tsv,
   * "ownname") is one name with it; "Chinese Foreign Ministry" is not. */
  if (demonym_country && b > a + 1)
    {
      guint head = b - 1;
      for (guint i = a + 1; i < b; i++)
        if (strcmp (tok (f, i)->lower, "of") == 0 || strcmp (tok (f, i)->lower, "for") == 0)
          {
            head = i - 1;
            break;
          }
      if ((roles (f, tok (f, head)) & NKG_W_OWNNAME))
        a = demonym_start;
      /* "the Philippine National Police", "the Afghan National Army": a
       * national body named with its nationality */
      if (strcmp (tok (f, a)->lower, "national") == 0)
        a = demonym_start;
    }
  /* "the Indian Ocean Conference", "the Arabian Sea Forum": the
   * nationality begins a place's name */
  for (guint e = a + 1; demonym_country && a > demonym_start && e <= b && e <= a + 2; e++)
    if (place_of (f, demonym_start, e, NULL))
      a = demonym_start;
  /* "Nigerian National Petroleum Company (NNPC)": the acronym spells the
   * nationality too, so it is part of the name. */
  if (demonym_country && acronym_spells (f, demonym_start, b))
    a = demonym_start;
  /* "Kenyan Coast Guard Commandant X": a nationality and a bare head
   * before a title are the name of the official's employer, as alone. */
  if (demonym_country && a > demonym_start && a + 1 < b)
    {
      guint r1 = roles (f, tok (f, a));
      guint hl = class_of_head (roles2 (f, a, b)) != NKG_CLASS_NONE ? 2
                 : class_of_head (r1) != NKG_CLASS_NONE && !(r1 & NKG_W_TITLEMOD) ? 1 : 0;
      if (hl && a + hl < b && (roles (f, tok (f, a + hl)) & NKG_W_TITLE))
        a = demonym_start;
    }
  /* "Indonesian Lt. Gen. X", "Saudi Prince X": a style or an abbreviated
   * rank after the nationality is no part of the name either; a word that
   * is a title or a title's modifier as well stays for split_title. */
  /* The officer or dignitary so styled stands for that country
   * ("Indonesian Lt. Gen. X" represents Indonesia). */
  const char *styled_country = NULL;
  for (gboolean styled = demonym_country && a == demonym_end; styled && a + 1 < b;)
    {
      guint style = honorific_phrase (f, a, b);
      if (!style && (roles (f, tok (f, a)) & (NKG_W_HONORIFIC | NKG_W_TITLE | NKG_W_TITLEMOD)) == NKG_W_HONORIFIC)
        style = 1;
      styled = style > 0;
      honorific |= styled;
      a += style;
      if (styled)
        styled_country = demonym_country;
    }
  if (a >= b)
    return;
  guint titled = f->out->len;
  if (split_title (f, a, b, pending))
    {
      /* "French President Julien Moreau": the nationality is the
       * title's country even when the text never names France, so he is
       * nobody else's official. */
      for (guint i = titled; demonym_country && i < f->out->len; i++)
        {
          NkgMention *m = g_ptr_array_index (f->out, i);
          if (m->klass == NKG_CLASS_PERSON && !m->title_country)
            m->title_country = demonym_country;
        }
      /* "New Zealand Prime Minister X": an adjective that is the
       * country's own name names the country too. */
      if (demonym_country && a == demonym_end && place_of (f, demonym_start, demonym_end, &p)
          && p.klass == NKG_CLASS_COUNTRY)
        add_place_mention (f, demonym_start, demonym_end, &p);
      return;
    }
  /* "Perak Menteri Besar Datuk Seri X", "Raksha Mantri Shri Y": a style
   * that comes only before a name begins one inside the span, after a
   * title words.tsv does not know; a place that opens the span is named */
  {
    guint styled = namestyle_after (f, a, b);
    if (styled > a)
      {
        NkgPlace sp;
        for (guint e = styled; e > a; e--)
          if (place_of (f, a, e, &sp))
            {
              add_place_mention (f, a, e, &sp);
              break;
            }
        classify_piece (f, styled, b, pending);
        return;
      }
  }
  /* "UAE Vice-President and Dubai Ruler X", "the UN Under-Secretary-General,
   * X": a country's or an intergovernmental body's title alone, kept for
   * the name after "and"; the country or body stays a mention before it
   * (relations-titles.c reads it there). */
  for (guint k = a + 1; pending && k < b && k <= a + 3; k++)
    {
      gboolean country = place_of (f, a, k, &p) && p.klass == NKG_CLASS_COUNTRY;
      char buf[128];
      g_autofree char *heap = NULL;
      const char *prefix = country ? NULL : nkg_segments_span_buf (f->seg, a, k, buf, sizeof buf, &heap);
      const char *body = prefix ? nkg_lexicon_body (f->lex, prefix) : NULL;
      /* "X, USAID Mission Director, said": an acronym before the title
       * is the body's */
      gboolean acronym = !country && !body && k == a + 1 && (tok (f, a)->flags & NKG_TOK_UPPER)
                         && !(tok (f, a)->flags & NKG_TOK_POSS) && strlen (tok (f, a)->text) >= 2
                         && !(roles (f, tok (f, a)) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_NONNAME | NKG_W_STOPCAP));
      if (!country && !body && !acronym)
        continue;
      char *own = bare_title (f, k, b);
      if (!own)
        break;
      if (country)
        add_place_mention (f, a, k, &p);
      else if (acronym)
        add_mention (f, a, k, NKG_CLASS_ORG, NKG_MENTION_ACRONYM);
      else
        add_mention (f, a, k, NKG_CLASS_ORG, NKG_MENTION_NAME)->canonical = body;
      /* "the UN Envoy for Myanmar": the country of its remit is named */
      guint before = f->out->len;
      add_nested_places (f, k, b);
      for (guint i = before; i < f->out->len; i++)
        ((NkgMention *) g_ptr_array_index (f->out, i))->nested = FALSE;
      g_ptr_array_add (pending, own);
      return;
    }
  g_autofree char *title = bare_title (f, a, b);
  if (title)
    {
      /* "Defence Secretary of the United States": the country is named,
       * and not as part of a longer name. */
      guint before = f->out->len;
      add_nested_places (f, a, b);
      for (guint i = before; i < f->out->len; i++)
        ((NkgMention *) g_ptr_array_index (f->out, i))->nested = FALSE;
      if (pending)
        g_ptr_array_add (pending, g_steal_pointer (&title));
      return;
    }
  /* "Secretary-General of the Andean Council", "Governor of the Bank of
   * Japan": a title held in a body; the body alone is a name (the title
   * goes to the official named beside it, relations-titles.c) */
  {
    guint x = a;
    gboolean head = FALSE;
    for (;;)
      {
        while (x < b && ((roles (f, tok (f, x)) & (NKG_W_TITLE | NKG_W_TITLEMOD))
                         || ((tok (f, x)->flags & NKG_TOK_DASH) && !(tok (f, x)->flags & NKG_TOK_SPACE) && x > a)))
          head |= (roles (f, tok (f, x++)) & NKG_W_TITLE) != 0;
        /* "(Acting) Country Director of the World Bank": a title of two
         * words that words.tsv lists whole, neither a title alone */
        if (head || x + 2 >= b || !listed_title (f, x, x + 2))
          break;
        x += 2;
        head = TRUE;
      }
    guint y = x + 1;
    if (y < b && strcmp (tok (f, y)->lower, "the") == 0)
      y++;
    if (head && x > a && y < b && strcmp (tok (f, x)->lower, "of") == 0 && !place_of (f, y, b, NULL))
      {
        NkgClass body = head_class (f, y, b);
        char buf[128];
        g_autofree char *heap = NULL;
        const char *listed = nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, y, b, buf, sizeof buf, &heap));
        if (listed || body == NKG_CLASS_ORG || body == NKG_CLASS_GOV_ORG)
          {
            NkgMention *m = add_mention (f, y, b, listed ? NKG_CLASS_ORG : body, NKG_MENTION_NAME);
            if (listed)
              m->canonical = listed;
            else
              add_parent_body (f, y, b);
            add_nested_places (f, y, b);
            return;
          }
      }
  }
  NkgClass k = head_class (f, a, b);
  if (place_of (f, a, b, &p))
    {
      add_place_mention (f, a, b, &p);
      return;
    }
  if (k != NKG_CLASS_NONE && k != NKG_CLASS_PLACE && b - a > 1)
    {
      NkgMention *m = add_mention (f, a, b, k, NKG_MENTION_NAME);
      m->title_country = demonym_country;
      if (k == NKG_CLASS_ORG || k == NKG_CLASS_GOV_ORG)
        add_parent_body (f, a, b);
      add_nested_places (f, a, b);
      return;
    }
  /* "the Stimson Center said", "the Palace announced": a name a place's
   * head types (no gazetteer place) that speaks is the body housed there */
  if (k == NKG_CLASS_PLACE && b - a > 1 && speaks_as_body (f, a, b))
    {
      add_mention (f, a, b, NKG_CLASS_ORG, NKG_MENTION_NAME);
      add_nested_places (f, a, b);
      return;
    }
  if (k == NKG_CLASS_PLACE && b - a > 1 && region_island_before_noun (f, a, b))
    return;
  if (k == NKG_CLASS_PLACE && b - a > 1)
    {
      add_mention (f, a, b, k, NKG_MENTION_NAME);
      add_nested_places (f, a, b);
      return;
    }
  if (k != NKG_CLASS_NONE)
    {
      /* A head word alone ("Pentagon", "Alliance"): the short form of a
       * name given earlier, else a body of its own. */
      /* "the Prime Minister's Office": a head after a possessive is the
       * end of a longer name, no body by itself. */
      gboolean owned = a > f->s_first && (tok (f, a - 1)->flags & NKG_TOK_POSS);
      if ((k == NKG_CLASS_GOV_ORG || k == NKG_CLASS_ORG) && !owned)
        add_mention (f, a, b, NKG_CLASS_NONE, NKG_MENTION_NAME)->fallback = k;
      /* "Japan's Diet", "Kenya's Parliament": a country's house of
       * parliament or cabinet by its head alone (patterns.txt househead) */
      else if (owned && b == a + 1 && NKG_TOK_IN_LIST ("househead", tok (f, a)))
        {
          const char *c = country_of (f, a - 1, a);
          if (!c && a > f->s_first + 1)
            c = country_of (f, a - 2, a - 1);
          if (c)
            add_mention (f, a, b, NKG_CLASS_GOV_ORG, NKG_MENTION_NAME)->title_country = c;
        }
      return;
    }
  if (b - a == 1)
    {
      const NkgToken *t = tok (f, a);
      if ((t->flags & NKG_TOK_UPPER) && g_utf8_strlen (t->text, -1) >= 2)
        {
          /* "K2PL", "FA-50": model names; "USD": a currency. */
          gboolean digits = strpbrk (t->text, "0123456789") != NULL;
          gboolean model = b < f->s_last && (tok (f, b)->flags & NKG_TOK_DASH) && b + 1 < f->s_last
                           && (tok (f, b + 1)->flags & NKG_TOK_NUM) && !(tok (f, b)->flags & NKG_TOK_SPACE);
          /* "RIYADH, SEPT 17": a month or weekday in capitals. */
          gboolean date = nkg_date_month (t->text) || nkg_date_weekday (t->text);
          /* "COP29": a numbered session of a series whose stem says so */
          gsize stem = strcspn (t->text, "0123456789");
          if (digits && !model && stem >= 2 && strspn (t->text + stem, "0123456789") == strlen (t->text + stem))
            {
              g_autofree char *lower = g_ascii_strdown (t->text, stem);
              if (NKG_IN_LIST ("eventstem", lower))
                add_mention (f, a, b, NKG_CLASS_EVENT, NKG_MENTION_NAME);
            }
          /* "the Coastal Data Protection Act (CDPA)": a law's acronym */
          gboolean law = a >= f->s_first + 2 && strcmp (tok (f, a - 1)->text, "(") == 0
                         && NKG_TOK_IN_LIST ("lawhead", tok (f, a - 2));
          if (!digits && !model && !date && !law && !(roles (f, t) & NKG_W_NONNAME))
            add_mention (f, a, b, NKG_CLASS_ORG, NKG_MENTION_ACRONYM);
        }
      else if (looks_like_name_token (f, t) && !(t->flags & NKG_TOK_NUM))
        {
          NkgMention *m = add_mention (f, a, b, honorific || (pending && pending->len) ? NKG_CLASS_PERSON : NKG_CLASS_NONE, NKG_MENTION_NAME);
          m->title_country = styled_country;
          /* "Sutarno, Indonesia's president, said": one name set beside a
           * title is a person's, so far by its shape only (coref.c still
           * asks for a sign); not a place's ("Suva, the capital"). */
          if (m->klass == NKG_CLASS_NONE && b + 2 < f->s_last && strcmp (tok (f, b)->text, ",") == 0
              && !place_of (f, a, b, NULL) && !nkg_lexicon_demonym (f->lex, t->text))
            for (guint k = b + 1; k < f->s_last && k < b + 6; k++)
              {
                const NkgToken *w = tok (f, k);
                if (strcmp (w->text, ",") == 0 || (roles (f, w) & NKG_W_REPORT))
                  break;
                if ((roles (f, w) & NKG_W_TITLE) && !(w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                    && !(k + 1 < f->s_last && (tok (f, k + 1)->flags & NKG_TOK_POSS)))
                  {
                    m->klass = NKG_CLASS_PERSON;
                    m->shape_only = TRUE;
                    break;
                  }
              }
          /* "his wife Yoshiko", "her husband Tomas": one name after a
           * lower-case kinship noun (patterns.txt kinnoun) is a person's,
           * by its shape only (coref.c asks for a sign: personnoun) */
          if (m->klass == NKG_CLASS_NONE && a > f->s_first + 1 && is_word (tok (f, a - 1))
              && !(tok (f, a - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && NKG_TOK_IN_LIST ("kinnoun", tok (f, a - 1))
              && !place_of (f, a, b, NULL))
            {
              m->klass = NKG_CLASS_PERSON;
              m->shape_only = TRUE;
            }
          /* "Kremlin spokesman Dmitry Peskov": a word before a lower-case
           * title and a name is the employer. */
          guint k = b;
          gboolean title = FALSE;
          while (k < f->s_last && is_word (tok (f, k)) && !(tok (f, k)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                 && (roles (f, tok (f, k)) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
            title |= (roles (f, tok (f, k++)) & NKG_W_TITLE) != 0;
          if (title && k < f->s_last && is_capital (tok (f, k)) && m->klass == NKG_CLASS_NONE
              && !nkg_lexicon_demonym (f->lex, t->text))
            m->fallback = NKG_CLASS_ORG;
          /* "the Mercosur bloc", "members of Ecowas": a body that has
           * member states. */
          if (b < f->s_last && m->klass == NKG_CLASS_NONE && NKG_TOK_IN_LIST ("grouping", tok (f, b)))
            m->fallback = NKG_CLASS_ORG;
          /* "the Petrocaribe alliance", "the Ostankino television company":
           * after "the", a lower-case head of a body's name (words.tsv). */
          gboolean det = a > f->s_first
                         && (strcmp (tok (f, a - 1)->lower, "the") == 0
                             || (strcmp (tok (f, a - 1)->lower, "based") == 0 && a > f->s_first + 1
                                 && (tok (f, a - 2)->flags & NKG_TOK_DASH)));
          for (guint h = b; h < f->s_last && h < b + 2 && det && m->klass == NKG_CLASS_NONE && is_word (tok (f, h))
                            && !(tok (f, h)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER));
               h++)
            if (roles (f, tok (f, h)) & (NKG_W_ORG | NKG_W_GOVORG))
              {
                if (!(roles (f, tok (f, h)) & NKG_W_GOVORG) && !nkg_lexicon_demonym (f->lex, t->text))
                  m->fallback = NKG_CLASS_ORG;
                break;
              }
          guint of = a > f->s_first && strcmp (tok (f, a - 1)->lower, "the") == 0 ? a - 1 : a;
          if (of >= f->s_first + 2 && strcmp (tok (f, of - 1)->lower, "of") == 0
              && (strcmp (tok (f, of - 2)->lower, "members") == 0
                  || (of >= f->s_first + 3 && strcmp (tok (f, of - 2)->lower, "states") == 0
                      && strcmp (tok (f, of - 3)->lower, "member") == 0))
              && m->klass == NKG_CLASS_NONE && !nkg_lexicon_demonym (f->lex, t->text))
            m->fallback = NKG_CLASS_ORG;
          if (m->klass == NKG_CLASS_NONE && !nkg_lexicon_demonym (f->lex, t->text)
              && (employer_after (f, a) || body_beside (f, b) || camel_case_body (t) || staff_of (f, a)))
            m->fallback = NKG_CLASS_ORG;
          if (pending && pending->len)
            take_pending_titles (m, pending);
        }
      return;
    }
  /* "RFE/RL": acronyms joined by a slash. */
  gboolean all_upper = TRUE;
  for (guint i = a; i < b; i++)
    if (is_word (tok (f, i)) && !(tok (f, i)->flags & NKG_TOK_UPPER))
      all_upper = FALSE;
  if (all_upper && strcmp (tok (f, a + 1)->text, "/") == 0)
    {
      add_mention (f, a, b, NKG_CLASS_ORG, NKG_MENTION_ACRONYM);
      return;
    }
  /* Acronyms joined by hyphens: "ADMM-Plus", "AMM-AEM" are meetings;
   * a word or a faction's letter after the dash makes a body's name
   * ("AV-Intwari", "PML-N") */
  if ((tok (f, a)->flags & NKG_TOK_UPPER) && b - a <= 3 && (tok (f, a + 1)->flags & NKG_TOK_DASH))
    {
      const NkgToken *last = tok (f, b - 1);
      gboolean meeting = strcmp (last->lower, "plus") == 0 || ((last->flags & NKG_TOK_UPPER) && strlen (last->text) >= 2);
      add_mention (f, a, b, meeting ? NKG_CLASS_EVENT : NKG_CLASS_ORG, NKG_MENTION_ACRONYM);
      return;
    }
  /* "Mahindra Defence", "Hanwha Defense": a name and the field of its
   * business, a company's name (a remit alone would follow a title). */
  if (b - a == 2 && (strcmp (tok (f, a + 1)->lower, "defence") == 0 || strcmp (tok (f, a + 1)->lower, "defense") == 0)
      && looks_like_name_token (f, tok (f, a)) && !place_of (f, a, a + 1, NULL)
      && !nkg_lexicon_demonym (f->lex, tok (f, a)->text) && !honorific && !(pending && pending->len))
    {
      add_mention (f, a, b, NKG_CLASS_ORG, NKG_MENTION_NAME);
      return;
    }
  for (guint i = a; i < b; i++)
    {
      const NkgToken *t = tok (f, i);
      /* "Son Jae-il": a lower-case syllable after a name's hyphen. */
      gboolean syllable = i > a + 1 && (tok (f, i - 1)->flags & NKG_TOK_DASH) && !(tok (f, i - 1)->flags & NKG_TOK_SPACE)
                          && !(t->flags & NKG_TOK_SPACE) && is_capital (tok (f, i - 2));
      if (syllable || (i == a && (family_word_after_title (f, a, b) || family_word_at_start (f, a, b))))
        continue;
      if (is_word (t) && ((!looks_like_name_token (f, t) && !is_particle (f, t)
                           && !(roles (f, t) & NKG_W_HONORIFIC))
                          || nkg_lexicon_demonym (f->lex, t->text)))
        {
          /* Not a name: look for places inside ("Quito Ecuador"). */
          add_nested_places (f, a, b);
          return;
        }
    }
  /* "an analyst at Morgan Stanley": people work at organisations. */
  if (!honorific && !(pending && pending->len) && a >= f->s_first + 2 && strcmp (tok (f, a - 1)->lower, "at") == 0
      && works_at_noun (tok (f, a - 2)->lower))
    {
      add_mention (f, a, b, NKG_CLASS_ORG, NKG_MENTION_NAME);
      return;
    }
  /* "presented to Forum Leaders": the people of a gathering
   * (patterns.txt groupnoun), no person's name */
  if (!honorific && b - a >= 2 && NKG_TOK_IN_LIST ("groupnoun", tok (f, b - 1)))
    {
      add_nested_places (f, a, b);
      return;
    }
  /* "Reformist Okafor and other leaders …": a sentence's first word that
   * is a common English word and no known name describes the person. */
  if (a == f->s_first && b - a >= 2 && !honorific && !(pending && pending->len)
      && !nkg_lexicon_is_name_part (f->lex, tok (f, a)->text) && !(tok (f, a)->flags & NKG_TOK_UPPER)
      && !title_beside (f, b))
    {
      guint counts[4] = { 0 };
      if (nkg_wordnet_word (tok (f, a)->lower, counts, NULL) && (counts[0] || counts[2]))
        a++;
    }
  NkgMention *m = add_mention (f, a, b, NKG_CLASS_PERSON, NKG_MENTION_NAME);
  m->title_country = styled_country;
  if (pending && pending->len)
    take_pending_titles (m, pending);
  m->shape_only = !honorific && !nkg_mention_n_titles (m);
}

/* Whether the connector at k lies inside a phrase of the lexicon that
 * starts in [ps, k) and ends in (k, b): "Letter of Intent", "Custodian of
 * the Two Holy Mosques" (data/words.tsv, any role). */
static gboolean
phrase_across (const Finder *f, guint ps, guint k, guint b)
{
  for (guint s = k > ps + 2 ? k - 2 : ps; s < k; s++)
    for (guint e = MIN (b, s + 7); e > k + 1 && nkg_lexicon_tok_starts_phrase (f->lex, tok (f, s)); e--)
      {
        char buf[128];
        g_autofree char *heap = NULL;
        const char *lower = span_lower (f, s, e, buf, sizeof buf, &heap);
        if (strchr (lower, ' ') && nkg_lexicon_word (f->lex, lower))
          return TRUE;
      }
  return FALSE;
}

/* "the Treaty of Peace and Friendship", "the Agreement on Trade and
 * Investment": after an agreement head and its "of"/"on", "and" (at k)
 * coordinates what it is about, when the word after it is no place,
 * nationality, known name or head of another name, and the chunk ends
 * one or two words later. */
static gboolean
agreement_complement_goes_on (const Finder *f, guint ps, guint k, guint b)
{
  gboolean complement = FALSE, body = FALSE;
  for (guint i = ps; i + 1 < k && !complement; i++)
    {
      complement = (roles (f, tok (f, i)) & NKG_W_AGREEMENT)
                   && (strcmp (tok (f, i + 1)->lower, "of") == 0 || strcmp (tok (f, i + 1)->lower, "on") == 0);
      /* "Centers for Disease Control and Prevention": a body's purpose;
       * "Conference on Security and Cooperation": a meeting's subject */
      if (!complement && (roles (f, tok (f, i)) & (NKG_W_ORG | NKG_W_GOVORG | NKG_W_EVENT | NKG_W_PLACE))
          && (strcmp (tok (f, i + 1)->lower, "for") == 0 || strcmp (tok (f, i + 1)->lower, "on") == 0))
        complement = body = TRUE;
      /* "Ministry of Forests and Inland Waters", "Institute of Science
       * and Technology": a body's field after "of" */
      if (!complement && (roles (f, tok (f, i)) & (NKG_W_ORG | NKG_W_GOVORG))
          && strcmp (tok (f, i + 1)->lower, "of") == 0)
        complement = body = TRUE;
    }
  /* The subject may end before "in" and a region: "... and Cooperation in
   * Europe" (in_region_of_name). */
  guint end = b;
  for (guint i = k + 1; i < b; i++)
    if (strcmp (tok (f, i)->lower, "in") == 0
        /* "... and Rural Development of Vietnam": the body's country */
        || (strcmp (tok (f, i)->lower, "of") == 0 && place_of (f, i + 1, b, NULL)))
      {
        end = i;
        break;
      }
  guint words = 0;
  for (guint i = k + 1; i < end; i++) /* "Confidence-Building" is one */
    words += is_word (tok (f, i)) && !(tok (f, i - 1)->flags & NKG_TOK_DASH);
  if (!complement || k + 1 >= end || words > 2)
    return FALSE;
  for (guint i = k + 1; i < end; i++)
    {
      const NkgToken *w = tok (f, i);
      if (tok (f, i)->flags & NKG_TOK_DASH)
        continue;
      if (!is_word (w) || place_of (f, i, i + 1, NULL) || nkg_lexicon_demonym (f->lex, w->text)
          || nkg_lexicon_is_name_part (f->lex, w->text)
          || (roles (f, w) & (NKG_W_GOVORG | NKG_W_ORG | NKG_W_AGREEMENT | NKG_W_EVENT | NKG_W_PLACE | NKG_W_TITLE))
          || (body && !nkg_wordnet_word_or_singular (w->lower)))
        return FALSE;
    }
  return TRUE;
}

static gboolean in_region_of_name (const Finder *f, guint ps, guint k, guint b);
static gboolean in_field_of_agreement (const Finder *f, guint k, guint end);

/* Whether an agreement's head phrase of two or three words ends right
 * before k ("Record of Discussions", "Memorandum of Cooperation",
 * data/words.tsv): its complement ("on the Mekong Flood Project") belongs
 * to the name as a one-word head's does. */
static gboolean
agreement_phrase_before (const Finder *f, guint k)
{
  for (guint n = 2; n <= 3; n++)
    {
      if (k < f->s_first + n || !is_capital (tok (f, k - n)))
        continue;
      if (phrase_roles (f, k - n, k) & NKG_W_AGREEMENT)
        return TRUE;
    }
  return FALSE;
}


/* Whether tokens [ps, k), after an optional "the", name a country. */
static gboolean
country_piece (const Finder *f, guint ps, guint k)
{
  if (ps < k && strcmp (tok (f, ps)->lower, "the") == 0)
    ps++;
  NkgPlace p;
  return ps < k && place_of (f, ps, k, &p) && p.klass == NKG_CLASS_COUNTRY;
}

static gboolean region_follows (const Finder *f, guint k, guint end);

/* "Vice President of the World Bank for East Asia and Pacific X": a body
 * the lexicon lists whole ends at "for" k, and a region or a country
 * follows — the post's remit, no part of the body's name. */
static gboolean
listed_body_then_remit (const Finder *f, guint ps, guint k, guint b)
{
  if (k + 1 >= b || !(region_follows (f, k + 1, b) || country_of (f, k + 1, k + 2) || country_of (f, k + 1, k + 3)))
    return FALSE;
  for (guint x = k; x-- > ps && x + 6 > k;)
    {
      char buf[128];
      g_autofree char *heap = NULL;
      if (nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, x, k, buf, sizeof buf, &heap)))
        return TRUE;
    }
  return FALSE;
}

/* Splits a capitalised chunk where a connector does not belong to a name,
 * then types each piece. */
static void
process_chunk (Finder *f, guint a, guint b)
{
  GPtrArray *pending = f->pending ? g_steal_pointer (&f->pending) : g_ptr_array_new_with_free_func (g_free);
  guint ps = a;
  gboolean prev_kept = FALSE;
  for (guint k = a; k < b; k++)
    {
      const NkgToken *t = tok (f, k);
      if (k > a && strcmp (t->lower, "in") == 0)
        {
          if (!in_region_of_name (f, ps, k, b) && !in_field_of_agreement (f, k, b) && !title_in_country (f, ps, k, b))
            {
              classify_piece (f, ps, k, pending);
              ps = k + 1;
            }
          prev_kept = ps != k + 1;
          continue;
        }
      if (k == a || !is_word (t) || (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || !is_connector (f, t))
        continue;
      gboolean keep = FALSE;
      /* "Trinidad and Tobago", "the Bay of Bengal", "Gulf of Aden": a
       * known place across the connector keeps it. */
      for (guint e = k + 2; e <= b && e <= k + 4 && !keep; e++)
        keep = place_of (f, ps, e, NULL);
      if (keep)
        ;
      /* "the Agreement between Japan and the Socialist Republic of Viet
       * Nam on the Transfer of …": a country's name takes no "on" */
      else if (strcmp (t->lower, "on") == 0 && country_piece (f, ps, k))
        keep = FALSE;
      else if (is_particle (f, t))
        keep = TRUE;
      /* "handed the chair of the X Summit to President B", "… to Laos":
       * an event's name ends at its head word before a preposition of
       * patterns.txt eventnameend that leads to a title or a place */
      else if ((roles (f, tok (f, k - 1)) & NKG_W_EVENT) && NKG_TOK_IN_LIST ("eventnameend", t)
               && !NKG_TOK_IN_LIST ("eventjourney", tok (f, k - 1)) && event_name_ends_before (f, k + 1, b))
        keep = FALSE;
      else if (strcmp (t->lower, "for") == 0 && listed_body_then_remit (f, ps, k, b))
        keep = FALSE;
      /* "travelled to Port Moresby for the X Summit": a known place
       * whole before "for" is where one went, though its first word is a
       * place's head ("Port", as in "Port Authority for …") */
      else if (strcmp (t->lower, "for") == 0 && place_of (f, ps, k, NULL))
        keep = FALSE;
      /* "Deputy Prime Minister cum Minister of Foreign Affairs X": two
       * titles, as with "and" (patterns.txt titlejoin) */
      else if (strcmp (t->lower, "and") != 0 && NKG_TOK_IN_LIST ("titlejoin", t))
        keep = FALSE;
      /* "Minister for Sustainability and the Environment X" */
      else if (strcmp (t->lower, "and") == 0 && title_remit_and (f, ps, k, b))
        keep = TRUE;
      /* "Ambassador Extraordinary and Plenipotentiary (of Chile) X" */
      else if (strcmp (t->lower, "and") == 0 && k >= ps + 2 && (roles (f, tok (f, k - 2)) & NKG_W_TITLE)
               && title_mods_after (f, k - 1, b))
        keep = TRUE;
      else if (strcmp (t->lower, "of") == 0 && k >= ps + 4 && (roles (f, tok (f, k - 4)) & NKG_W_TITLE)
               && title_mods_after (f, k - 3, b) && title_country_follows (f, k + 1, b))
        keep = TRUE;
      /* "the OECD and the African Union": "and the" starts a second
       * name, unless the whole is one place ("Saint Vincent and the
       * Grenadines") */
      else if (strcmp (t->lower, "and") == 0 && k + 1 < b && strcmp (tok (f, k + 1)->lower, "the") == 0)
        {
          keep = FALSE;
          for (guint e = k + 3; e <= b && e <= k + 5 && !keep; e++)
            {
              keep = place_of (f, ps, e, NULL);
              /* "Commission for Asia and the Pacific": a region so named
               * inside a body's name */
              for (guint x = k; x-- > ps && x + 2 >= k && !keep;)
                keep = place_of (f, x, e, NULL);
            }
        }
      else if (strcmp (t->lower, "and") == 0 && agreement_complement_goes_on (f, ps, k, b))
        keep = TRUE;
      else if (strcmp (t->lower, "and") == 0 || strcmp (t->lower, "&") == 0)
        keep = ((roles (f, tok (f, k - 1)) & NKG_W_PORTFOLIO) && k + 1 < b
                && (roles (f, tok (f, k + 1)) & NKG_W_PORTFOLIO))
               || (!any_head (f, ps, k, NKG_W_GOVORG | NKG_W_ORG | NKG_W_AGREEMENT | NKG_W_EVENT | NKG_W_PLACE)
                   && !place_of (f, ps, k, NULL) && !any_head (f, ps, k, NKG_W_TITLE)
                   && head_class (f, k + 1, b) != NKG_CLASS_NONE
                   /* "X and Turkish Aerospace": a nationality starts a new name */
                   && k + 1 < b && !nkg_lexicon_demonym (f->lex, tok (f, k + 1)->text)
                   && !place_of (f, k + 1, k + 2, NULL)
                   /* "RNZ Pacific and ABC News": an outlet or body of the
                    * lexicon on either side is a name of its own */
                   && !listed_name (f, ps, k) && !listed_name (f, k + 1, b))
               /* "the Securities and Exchange Commission": one remit of
                * the lexicon across the "and" (words.tsv) */
               || phrase_across (f, ps, k, b);
      else if (strcmp (t->lower, "the") == 0)
        keep = prev_kept;
      else if (k + 1 < b && (nkg_date_month (tok (f, k + 1)->text) || nkg_date_weekday (tok (f, k + 1)->text)))
        keep = FALSE;
      else
        keep = any_head (f, ps, k, NKG_W_GOVORG | NKG_W_ORG | NKG_W_AGREEMENT | NKG_W_EVENT | NKG_W_PLACE)
               || agreement_phrase_before (f, k)
               /* "Bangko Sentral ng Pilipinas": a head that leads the name */
               || nkg_class_coarse (head_class (f, ps, k)) == NKG_CLASS_ORG
               /* "Secretary of State", "Minister for Foreign Affairs",
                * "Ambassador to China", but not "Omar Saleh to China". */
               || (strcmp (t->lower, "on") != 0 && (roles (f, tok (f, k - 1)) & NKG_W_TITLE))
               /* "Adviser on Trade and Fisheries", "Envoy on Climate" */
               || (strcmp (t->lower, "on") == 0 && (roles (f, tok (f, k - 1)) & NKG_W_TITLE) && k + 1 < b
                   && (roles (f, tok (f, k + 1)) & NKG_W_PORTFOLIO))
               /* "Minister of Defence of Mongolia" */
               || (strcmp (t->lower, "of") == 0 && any_head (f, ps, k, NKG_W_TITLE)
                   && (roles (f, tok (f, k - 1)) & NKG_W_PORTFOLIO) && title_country_follows (f, k + 1, b))
               /* "Ambassador of New Zealand to the Philippines X" */
               || (strcmp (t->lower, "to") == 0 && k >= ps + 2 && any_head (f, ps, k, NKG_W_TITLE)
                   && (country_of (f, k - 1, k) || country_of (f, k - 2, k)) && title_country_follows (f, k + 1, b))
               /* "the General Security of Military Information Agreement",
                * "the Protection of Investments Agreement", "the
                * Commonwealth Heads of Government Meeting": an agreement's
                * or an event's head word ends the whole chunk */
               || (strcmp (t->lower, "of") == 0 && k + 2 < b && strcmp (tok (f, k + 1)->lower, "the") != 0
                   && (roles (f, tok (f, b - 1)) & (NKG_W_AGREEMENT | NKG_W_EVENT))
                   && is_capital (tok (f, b - 1)) && !any_head (f, ps, k, NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC)
                   && !place_of (f, ps, k, NULL) && !nkg_lexicon_is_name_part (f->lex, tok (f, ps)->text))
               || phrase_across (f, ps, k, b);
      prev_kept = keep;
      if (!keep)
        {
          classify_piece (f, ps, k, pending);
          ps = k + 1;
          /* "Samoa PM and Peters": a title alone before "and" waits for a
           * second title ("UAE Vice-President and Dubai Ruler X"), not for
           * a name without one. */
          if ((strcmp (t->lower, "&") == 0 || NKG_TOK_IN_LIST ("titlejoin", t)) && !any_head (f, ps, b, NKG_W_TITLE))
            g_ptr_array_set_size (pending, 0);
        }
    }
  classify_piece (f, ps, b, pending);
  g_ptr_array_set_size (pending, 0);
  if (f->pending)
    g_ptr_array_unref (pending);
  else
    f->pending = pending;
}

/* "in New Delhi Tuesday", "Tomas Verin Saturday May 31", "Lena Osei
 * on Tuesday": a weekday or month after a name is a date, unless a
 * capitalised word follows it ("the Good Friday Agreement"). */
static gboolean
date_ends_name (const Finder *f, guint k, guint end)
{
  const NkgToken *t = tok (f, k);
  if (!is_capital (t) || !(nkg_date_weekday (t->text) || nkg_date_month (t->text)))
    return FALSE;
  const NkgToken *n = k + 1 < end ? tok (f, k + 1) : NULL;
  if (bare_month (t))
    return n && (n->flags & NKG_TOK_NUM);
  return !n || !is_capital (n) || (n->flags & NKG_TOK_NUM) || nkg_date_weekday (n->text) || nkg_date_month (n->text);
}

/* A region (no city, no country) starts at k, after an optional "the":
 * "in Europe", "in the Asia-Pacific". */
static gboolean
region_follows (const Finder *f, guint k, guint end)
{
  if (k < end && strcmp (tok (f, k)->lower, "the") == 0)
    k++;
  NkgPlace p;
  for (guint e = k + 1; e <= end && e <= k + 3; e++)
    if (place_of (f, k, e, &p) && p.klass == NKG_CLASS_PLACE)
      return TRUE;
  return FALSE;
}

/* "the Organization for Security and Cooperation in Europe", "the
 * Conference on Interaction and Confidence-Building Measures in Asia": a
 * body's or meeting's name whose remit ("for X", "on Y") is about a
 * region takes "in" and the region, when the word before "in" is no head
 * of its own ("the Summit in Asia" is a summit held there). */
static gboolean
in_region_of_name (const Finder *f, guint ps, guint k, guint b)
{
  if (k + 1 >= b || !region_follows (f, k + 1, b)
      || (roles (f, tok (f, k - 1)) & (NKG_W_GOVORG | NKG_W_ORG | NKG_W_EVENT | NKG_W_PLACE | NKG_W_AGREEMENT)))
    return FALSE;
  /* "the X Forum for Asia in Hainan": a remit that is itself a place
   * takes no second one; "in Hainan" is where the forum meets */
  for (guint a = k; a-- > ps + 1 && a + 3 >= k;)
    if (place_of (f, a, k, NULL))
      return FALSE;
  for (guint i = ps + 1; i + 1 < k; i++)
    {
      const char *w = tok (f, i)->lower;
      guint r = roles (f, tok (f, i - 1));
      if ((strcmp (w, "for") == 0 || strcmp (w, "on") == 0) && (r & (NKG_W_GOVORG | NKG_W_ORG | NKG_W_EVENT)))
        return TRUE;
      /* "the Treaty of Amity and Cooperation in Southeast Asia" */
      if ((strcmp (w, "of") == 0 || strcmp (w, "on") == 0) && (r & NKG_W_AGREEMENT))
        return TRUE;
    }
  return FALSE;
}

/* "the Agreement on Cooperation in Electricity Trading", "the Agreement
 * on Trade in Services", "the Trade in Goods Agreement": an agreement's remit ("on X", "of X", X a remit
 * word of data/words.tsv) takes the "in" at k and the field after it (up
 * to four capitalised words before `end`), when none of those words is a
 * place, a month or a weekday ("the Agreement on Trade in Lima" was signed
 * there). */
static gboolean
in_field_of_agreement (const Finder *f, guint k, guint end)
{
  if (k < 3 || k + 1 >= end || !is_capital (tok (f, k - 1)))
    return FALSE;
  /* "the Memorandum of Cooperation in the Field of Semiconductors", "the
   * Agreement on Trade in the Field of Services": "in the Field of"
   * (patterns.txt fieldnoun, also in capitals) after an agreement's head
   * phrase or its remit goes on with its field */
  gboolean field = k + 4 < end && strcmp (tok (f, k + 1)->lower, "the") == 0 && is_capital (tok (f, k + 2))
                   && NKG_IN_LIST ("fieldnoun", tok (f, k + 2)->lower) && strcmp (tok (f, k + 3)->lower, "of") == 0
                   && is_capital (tok (f, k + 4));
  if (field && agreement_phrase_before (f, k))
    return TRUE;
  /* (a remit word before "in", or a capitalised word of a remit that
   * opens with "KIND of|on", asked below: "the Agreement on Mutual Legal
   * Assistance in Criminal Matters") */
  gboolean remit = field || (roles (f, tok (f, k - 1)) & NKG_W_PORTFOLIO);
  if (!remit && (place_of (f, k - 1, k, NULL) || nkg_lexicon_demonym (f->lex, tok (f, k - 1)->text)))
    return FALSE;
  guint e = k + 1;
  while (e < end && e < k + 6 && is_capital (tok (f, e)))
    {
      const NkgToken *t = tok (f, e);
      if (nkg_date_month (t->text) || nkg_date_weekday (t->text))
        return FALSE;
      e++;
    }
  if (!field && (e == k + 1 || e == k + 6))
    return FALSE;
  for (guint i = k + 1; i < e; i++)
    for (guint x = i + 1; x <= e; x++)
      if (place_of (f, i, x, NULL))
        return FALSE;
  /* "the ASEAN-India Trade in Goods Agreement": the field, then the kind */
  if (!field && remit && e > k + 2 && (roles (f, tok (f, e - 1)) & NKG_W_AGREEMENT))
    return TRUE;
  /* (without a remit word, the field ends the name) */
  if (!remit && e + 1 < end && is_connector (f, tok (f, e)) && is_capital (tok (f, e + 1)))
    return FALSE;
  /* back over the remit to "KIND of|on" */
  for (guint i = k - 1; i > f->s_first && i + 8 > k; i--)
    {
      const NkgToken *t = tok (f, i);
      if ((strcmp (t->lower, "of") == 0 || strcmp (t->lower, "on") == 0) && is_capital (tok (f, i - 1))
          && (roles (f, tok (f, i - 1)) & NKG_W_AGREEMENT))
        return TRUE;
      if (!is_capital (t) && strcmp (t->lower, "and") != 0 && strcmp (t->lower, "of") != 0 && strcmp (t->lower, "on") != 0)
        return FALSE;
    }
  return FALSE;
}

/* Whether the comma at k sits in a serial list of remits after a title or
 * a body's head: "Minister of Investment, Trade and Industry X" (data/words.tsv
 * portfolio), closed by "and" and a remit. */
static gboolean
remit_list_comma (const Finder *f, guint k, guint end)
{
  guint i = k;
  while (i > f->s_first + 1 && is_capital (tok (f, i - 1)) && (roles (f, tok (f, i - 1)) & NKG_W_PORTFOLIO))
    {
      i--;
      /* back over the list's earlier items: "of Economic, Cultural, …" */
      if (i > f->s_first + 2 && strcmp (tok (f, i - 1)->text, ",") == 0 && is_capital (tok (f, i - 2))
          && (roles (f, tok (f, i - 2)) & NKG_W_PORTFOLIO))
        i--;
    }
  /* … or after the head of a body's or a meeting's name: "Joint
   * Commission on Economic, Cultural and Technical Cooperation" */
  if (i == k || i < f->s_first + 2
      || (strcmp (tok (f, i - 1)->lower, "of") != 0 && strcmp (tok (f, i - 1)->lower, "for") != 0
          && strcmp (tok (f, i - 1)->lower, "on") != 0)
      || !is_capital (tok (f, i - 2)) || !(roles (f, tok (f, i - 2)) & (NKG_W_TITLE | NKG_W_GOVORG | NKG_W_ORG | NKG_W_EVENT)))
    return FALSE;
  for (guint j = k + 1; j + 1 < end;)
    {
      guint r = j;
      while (r < end && is_capital (tok (f, r)) && (roles (f, tok (f, r)) & NKG_W_PORTFOLIO))
        r++;
      if (r == j || r + 1 >= end)
        return FALSE;
      if (strcmp (tok (f, r)->lower, "and") == 0)
        return is_capital (tok (f, r + 1)) && (roles (f, tok (f, r + 1)) & NKG_W_PORTFOLIO);
      if (strcmp (tok (f, r)->text, ",") != 0)
        return FALSE;
      j = r + 1;
    }
  return FALSE;
}

/* Whether the comma at k sits in a serial list of portfolios before a
 * title: "Investment, Trade and Industry Minister X", closed by "and",
 * portfolios and the title's head. */
static gboolean
portfolio_list_comma (const Finder *f, guint k, guint end)
{
  if (k <= f->s_first || !is_capital (tok (f, k - 1)) || !(roles (f, tok (f, k - 1)) & NKG_W_PORTFOLIO))
    return FALSE;
  gboolean closed = FALSE;
  for (guint j = k + 1; j < end;)
    {
      guint r = j;
      while (r < end && is_capital (tok (f, r)) && (roles (f, tok (f, r)) & NKG_W_PORTFOLIO)
             && !(roles (f, tok (f, r)) & NKG_W_TITLE))
        r++;
      if (r == j || r >= end)
        return FALSE;
      if (closed || (roles (f, tok (f, r)) & NKG_W_TITLE))
        return closed && (roles (f, tok (f, r)) & NKG_W_TITLE);
      if (strcmp (tok (f, r)->lower, "and") == 0)
        closed = TRUE;
      else if (strcmp (tok (f, r)->text, ",") != 0)
        return FALSE;
      j = r + 1;
    }
  return FALSE;
}

/* Tokens that may continue a capitalised chunk at k. */
/* Whether token k opens "(ACRONYM)" followed by the capitalised head of a
 * gathering's name ("(AEM) Meeting", "(APEC) Summit"): the acronym stays
 * inside the name. */
/* The index of the ")" that closes "(ACRONYM)" opened at k, where the
 * acronym is one word in capitals or two joined by a hyphen ("(IMT-GT)");
 * 0 when k opens none. */
static guint
bracket_acronym_close (const Finder *f, guint k)
{
  if (k + 2 >= f->s_last || strcmp (tok (f, k)->text, "(") != 0 || !(tok (f, k + 1)->flags & NKG_TOK_UPPER))
    return 0;
  if (strcmp (tok (f, k + 2)->text, ")") == 0)
    return k + 2;
  if (k + 4 < f->s_last && (tok (f, k + 2)->flags & NKG_TOK_DASH) && !(tok (f, k + 2)->flags & NKG_TOK_SPACE)
      && !(tok (f, k + 3)->flags & NKG_TOK_SPACE) && (tok (f, k + 3)->flags & NKG_TOK_UPPER)
      && strcmp (tok (f, k + 4)->text, ")") == 0)
    return k + 4;
  return 0;
}

static guint
acronym_before_event_head (const Finder *f, guint k)
{
  guint c = bracket_acronym_close (f, k);
  if (!c)
    return 0;
  /* … or a few more capitalised words before it: "(APEC) Economic Leaders'
   * Meeting" (a plural's apostrophe among them) */
  for (guint e = c + 1; e < f->s_last && e < c + 6; e++)
    {
      const NkgToken *t = tok (f, e);
      if ((t->flags & NKG_TOK_POSS) && !is_word (t) && e > c + 1)
        continue;
      if (!is_capital (t))
        return 0;
      if (roles (f, t) & NKG_W_EVENT)
        return c;
    }
  return 0;
}

/* "the Prime Minister's Office", "the President's Media Division": the
 * possessive at k after a title joins the name of the office that serves
 * it, whose last capitalised word is a government body's head; "the
 * President's Special Envoy X" stays a title. */
static gboolean
title_office_possessive (const Finder *f, guint k, guint end)
{
  const NkgToken *t = tok (f, k);
  if (!(t->flags & NKG_TOK_POSS) || (t->flags & NKG_TOK_SPACE) || k == 0 || k + 1 >= end
      || !is_capital (tok (f, k - 1)) || !(roles (f, tok (f, k - 1)) & NKG_W_TITLE))
    return FALSE;
  guint e = k + 1;
  while (e < end && e < k + 5 && is_capital (tok (f, e)) && !(tok (f, e)->flags & NKG_TOK_POSS))
    e++;
  return e > k + 1 && (roles (f, tok (f, e - 1)) & NKG_W_GOVORG) && !(roles (f, tok (f, e - 1)) & NKG_W_TITLE);
}

/* "the World Economic Forum's Annual Meeting", "the Andean Bank's Annual
 * Meetings": the possessive at k after a name joins it to the yearly
 * session it holds, in capitals (patterns.txt sessionmod, an event head). */
static gboolean
body_session_possessive (const Finder *f, guint k, guint end)
{
  const NkgToken *t = tok (f, k);
  return (t->flags & NKG_TOK_POSS) && !(t->flags & NKG_TOK_SPACE) && k > 0 && k + 2 < end && is_capital (tok (f, k - 1))
         && is_capital (tok (f, k + 1)) && NKG_TOK_IN_LIST ("sessionmod", tok (f, k + 1)) && is_capital (tok (f, k + 2))
         && (roles (f, tok (f, k + 2)) & NKG_W_EVENT);
}

static guint
chunk_step (const Finder *f, guint k, guint end, guint words)
{
  const NkgToken *t = tok (f, k);
  if (date_ends_name (f, k, end))
    return 0;
  if (is_capital (t) && !(t->flags & NKG_TOK_LINE))
    return 1;
  if (k + 1 >= end)
    return 0;
  const NkgToken *n = tok (f, k + 1);
  gboolean attached = !(t->flags & NKG_TOK_SPACE) && !(n->flags & NKG_TOK_SPACE);
  if ((t->flags & NKG_TOK_DASH) && attached)
    {
      if (is_capital (n))
        return 1;
      /* "Park Min-jun", "Li Wei-min": a lower-case syllable after a name. */
      if (words >= 2 && is_word (n) && !(roles (f, n) & ~(NKG_W_CONNECTOR | NKG_W_PARTICLE | NKG_W_PATRONYM))
          && g_utf8_strlen (n->text, -1) <= 6)
        return 2;
      return 0;
    }
  /* "the Foreign Ministers' Meeting", but not "Laos' Ministry of
   * Planning": a country's possessive ends its name */
  if ((t->flags & NKG_TOK_POSS) && g_utf8_strlen (t->text, -1) == 1 && is_capital (n)
      && !(k > f->s_first && country_of (f, k - 1, k)) && !(k > f->s_first + 1 && country_of (f, k - 2, k)))
    return 1;
  /* "the Economic Ministers' (AEM) Meeting": and past its acronym */
  if ((t->flags & NKG_TOK_POSS) && g_utf8_strlen (t->text, -1) == 1 && acronym_before_event_head (f, k + 1))
    return acronym_before_event_head (f, k + 1) - k + 1;
  if (strcmp (t->text, ",") == 0 && (remit_list_comma (f, k, end) || portfolio_list_comma (f, k, end)))
    return 1;
  /* "Hayashida Trading Co., Ltd.", "Norvex Holdings, Inc.": a comma before
   * a company's legal form (patterns.txt commalegalform) */
  if (strcmp (t->text, ",") == 0 && k > 0 && is_capital (tok (f, k - 1)) && is_capital (n)
      && NKG_TOK_IN_LIST ("commalegalform", n))
    return 1;
  /* "PT Bank Harapan (Persero) Tbk": a legal form in brackets stays inside
   * the name (patterns.txt bracketlegalform) */
  if (strcmp (t->text, "(") == 0 && k > 0 && is_capital (tok (f, k - 1)) && is_capital (n) && k + 2 < f->s_last
      && strcmp (tok (f, k + 2)->text, ")") == 0 && NKG_TOK_IN_LIST ("bracketlegalform", n))
    return 3;
  /* "the Asia-Pacific Economic Cooperation (APEC) Summit" */
  if (k > 0 && is_capital (tok (f, k - 1)) && acronym_before_event_head (f, k))
    return acronym_before_event_head (f, k) - k + 1;
  /* "Dato' Seri Adam": the apostrophe that closes a style (data/words.tsv) */
  if (!(t->flags & NKG_TOK_SPACE) && (strcmp (t->text, "'") == 0 || strcmp (t->text, "\u2019") == 0) && k > 0
      && is_capital (n) && (roles (f, tok (f, k - 1)) & NKG_W_HONORIFIC))
    return 1;
  /* "the People's Bank of China", "Ministry of Women's Affairs": an
   * irregular plural's possessive inside a name (patterns.txt possname) */
  if ((t->flags & NKG_TOK_POSS) && is_capital (n) && k > 0 && is_capital (tok (f, k - 1))
      && !(t->flags & NKG_TOK_SPACE) && NKG_TOK_IN_LIST ("possname", tok (f, k - 1)))
    return 1;
  if (title_office_possessive (f, k, end) || body_session_possessive (f, k, end))
    return 1;
  /* "Cox's Bazar", "Martha's Vineyard": a place whose name has one */
  if ((t->flags & NKG_TOK_POSS) && is_capital (n) && k > 0 && is_capital (tok (f, k - 1))
      && !(t->flags & NKG_TOK_SPACE) && place_of (f, k - 1, k + 2, NULL))
    return 1;
  /* "RFE/RL" */
  if (strcmp (t->text, "/") == 0 && attached && (n->flags & NKG_TOK_UPPER) && k > 0
      && (tok (f, k - 1)->flags & NKG_TOK_UPPER))
    return 1;
  if (strcmp (t->lower, "in") == 0 && is_capital (n)
      && (region_follows (f, k + 1, end) || in_field_of_agreement (f, k, end) || (k > 0 && title_in_country (f, k - 1, k, end))))
    return 1;
  if (strcmp (t->lower, "in") == 0 && strcmp (n->lower, "the") == 0 && in_field_of_agreement (f, k, end))
    return 1;
  if (is_word (t) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && is_connector (f, t))
    {
      if (date_ends_name (f, k + 1, end))
        return 0;
      if (is_capital (n))
        return 1;
      /* "von der Leyen", "de la Cruz" */
      if (is_particle (f, t) && is_particle (f, n) && k + 2 < end && is_capital (tok (f, k + 2)))
        return 2;
      /* "el-Sisi", "al-Assad" */
      if (is_particle (f, t) && (n->flags & NKG_TOK_DASH) && !(n->flags & NKG_TOK_SPACE) && k + 2 < end
          && is_capital (tok (f, k + 2)) && !(tok (f, k + 2)->flags & NKG_TOK_SPACE))
        return 3;
      if (strcmp (n->lower, "the") == 0 && k + 2 < end && is_capital (tok (f, k + 2)))
        return 1;
    }
  return 0;
}

static void find_chunks (Finder *f);

/* "ASTANA —", "BOGOTA (Reuters) –", "(VOVworld) –": a paragraph opening
 * with a place in capitals, or a source in brackets, then a dash. Returns
 * the first token after the dateline. */
static guint
dateline (Finder *f, guint i)
{
  if (!(tok (f, i)->flags & NKG_TOK_LINE))
    return i;
  guint k = i;
  while (k < f->s_last && (tok (f, k)->flags & NKG_TOK_UPPER) && !strpbrk (tok (f, k)->text, "0123456789"))
    {
      k++;
      /* "PORT-AU-PRINCE", "AIX-EN-PROVENCE": parts joined by hyphens */
      if (k + 1 < f->s_last && (tok (f, k)->flags & NKG_TOK_DASH) && !(tok (f, k)->flags & NKG_TOK_SPACE)
          && !(tok (f, k + 1)->flags & NKG_TOK_SPACE) && (tok (f, k + 1)->flags & NKG_TOK_UPPER))
        k++;
    }
  guint place_end = k;
  /* "PORT-AU-PRINCE, Haiti (AP) _": the country after the place, then the source. */
  guint country_a = 0, country_b = 0;
  if (place_end > i && k + 2 < f->s_last && strcmp (tok (f, k)->text, ",") == 0 && is_capital (tok (f, k + 1)))
    {
      guint e = k + 1;
      while (e < f->s_last && e < k + 5 && is_capital (tok (f, e)))
        e++;
      /* … and no date in the brackets: "(June 30, 2005)" */
      /* … or a date after a comma: "SUVA, Fiji, March 3, 2021 (Reuters) -" */
      gboolean dated = e + 2 < f->s_last && strcmp (tok (f, e)->text, ",") == 0 && nkg_date_month (tok (f, e + 1)->text)
                       && (tok (f, e + 2)->flags & NKG_TOK_NUM);
      if ((dated
           || (e + 2 < f->s_last && strcmp (tok (f, e)->text, "(") == 0 && !nkg_date_month (tok (f, e + 1)->text)
               && !(tok (f, e + 2)->flags & NKG_TOK_NUM)))
          && place_of (f, k + 1, e, NULL))
        {
          country_a = k + 1;
          country_b = e;
          k = e;
        }
    }
  /* "NEW DELHI, March 3 (Reuters) -": a date may follow the place. */
  if (place_end > i && k + 2 < f->s_last && strcmp (tok (f, k)->text, ",") == 0
      && nkg_date_month (tok (f, k + 1)->text) && (tok (f, k + 2)->flags & NKG_TOK_NUM))
    {
      k += 3;
      /* "HANOI, Nov 15, 2020 (Reuters) -": and a year */
      if (k + 2 < f->s_last && strcmp (tok (f, k)->text, ",") == 0 && (tok (f, k + 1)->flags & NKG_TOK_NUM)
          && strlen (tok (f, k + 1)->text) == 4)
        k += 2;
    }
  /* "Shanghai, China, April 26 (RFE/RL) -": places and a date in title
   * case, then the source. */
  guint mixed_end = i;
  gboolean placed = FALSE;
  if (place_end == i)
    {
      guint m = i;
      while (m < f->s_last && m < i + 10
             && (is_capital (tok (f, m)) || (tok (f, m)->flags & NKG_TOK_NUM) || strcmp (tok (f, m)->text, ",") == 0))
        m++;
      if (m > i && m + 2 < f->s_last && strcmp (tok (f, m)->text, "(") == 0)
        {
          mixed_end = m;
          k = m;
        }
      /* "Port Moresby, Papua New Guinea -": a known place and its country
       * in title case, then the dash */
      else if (m > i + 2 && m + 1 < f->s_last && (tok (f, m)->flags & NKG_TOK_DASH) && (tok (f, m)->flags & NKG_TOK_SPACE))
        {
          guint cm = i;
          while (cm < m && strcmp (tok (f, cm)->text, ",") != 0)
            cm++;
          if (cm > i && cm + 1 < m && place_of (f, i, cm, NULL) && country_of (f, cm + 1, m))
            {
              mixed_end = m;
              k = m;
              placed = TRUE;
            }
        }
    }
  gboolean source = FALSE;
  guint src_a = 0, src_b = 0;
  if (k + 2 < f->s_last && strcmp (tok (f, k)->text, "(") == 0 && is_capital (tok (f, k + 1)))
    {
      src_a = k + 1;
      src_b = src_a;
      while (src_b < f->s_last && src_b < src_a + 5 && strcmp (tok (f, src_b)->text, ")") != 0)
        src_b++;
      source = src_b < f->s_last && strcmp (tok (f, src_b)->text, ")") == 0;
      if (source)
        k = src_b + 1;
    }
  /* "RIYADH, SEPT 17 /DNA/ –": the source between slashes */
  else if (place_end > i && k + 3 < f->s_last && strcmp (tok (f, k)->text, "/") == 0 && (tok (f, k + 1)->flags & NKG_TOK_UPPER)
           && strcmp (tok (f, k + 2)->text, "/") == 0)
    {
      src_a = k + 1;
      src_b = k + 2;
      source = TRUE;
      k = src_b + 1;
    }
  /* "Berlin, May 2 (PTI) Prime Minister …": an agency in capitals after a
   * title-case place and date may stand without a dash. */
  gboolean bare_agency = source && mixed_end > i && k < f->s_last && is_capital (tok (f, k))
                         && (tok (f, src_a)->flags & NKG_TOK_UPPER) && src_b == src_a + 1;
  /* "NEW DELHI:", "New Delhi, May 2 (ANI):": a colon for the dash, after
   * a known place in capitals or a source ("UPDATE:" is neither) */
  gboolean colon = k < f->s_last && strcmp (tok (f, k)->text, ":") == 0
                   && ((mixed_end > i && source) || (place_end > i && place_of (f, i, place_end, NULL)));
  /* "New Delhi, Jan 23, 2025 (PTI)": the dateline on a line of its own */
  gboolean own_line = source && mixed_end > i && k == f->s_last && (tok (f, src_a)->flags & NKG_TOK_UPPER);
  if (!own_line
      && (k >= f->s_last
          || !((tok (f, k)->flags & NKG_TOK_DASH) || (strcmp (tok (f, k)->text, ",") == 0 && k == place_end)
               || (source && strcmp (tok (f, k)->text, "_") == 0) || bare_agency || colon)))
    return i;
  guint first_new = f->out->len;
  if (mixed_end > i)
    {
      if (!source && !placed)
        return i;
      guint saved_last = f->s_last;
      f->s_last = mixed_end;
      f->in_dateline = TRUE;
      find_chunks (f);
      f->in_dateline = FALSE;
      f->s_last = saved_last;
    }
  else if (place_end > i && (place_end - i > 1 || g_utf8_strlen (tok (f, i)->text, -1) > 3))
    {
      NkgPlace p;
      char body_buf[128], town_buf[128];
      g_autofree char *body_heap = NULL;
      g_autofree char *town_heap = NULL;
      /* "ASEAN, Australia, NZ sign …": a listed body heads a list, no
       * dateline */
      if (!place_of (f, i, place_end, NULL)
          && nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, i, place_end, body_buf, sizeof body_buf, &body_heap)))
        return i;
      if (place_of (f, i, place_end, &p)
          || nkg_place_cue_town (f->lex, f->seg, f->s_first, f->s_last, i, place_end, &p)
          /* a dateline is the cue a town of the gazetteer below the
           * major cut needs ("PISCO, March 3 —"): the most populous town
           * of that name, whose country the article may then name */
          || nkg_lexicon_town (f->lex, nkg_segments_span_buf (f->seg, i, place_end, town_buf, sizeof town_buf, &town_heap), NULL, &p))
        add_place_mention (f, i, place_end, &p);
      else
        {
          NkgMention *m = add_mention (f, i, place_end, NKG_CLASS_CITY, NKG_MENTION_NAME);
          g_autofree char *upper = m->surface;
          m->surface = nkg_text_titlecase (upper);
        }
    }
  else if (place_end > i)
    return i;
  if (country_b > country_a)
    {
      NkgPlace p;
      place_of (f, country_a, country_b, &p);
      add_place_mention (f, country_a, country_b, &p);
    }
  if (source)
    add_mention (f, src_a, src_b, NKG_CLASS_ORG, NKG_MENTION_NAME);
  for (guint x = first_new; x < f->out->len; x++)
    ((NkgMention *) g_ptr_array_index (f->out, x))->dateline = TRUE;
  return bare_agency ? k : k + 1;
}

/* The end of a news outlet's name starting at a and ending before `limit`
 * (outlets.tsv, longest first), or a. */
static guint
outlet_at (const Finder *f, guint a, guint limit, const char **canonical)
{
  for (guint e = MIN (limit, a + 5); e > a; e--)
    {
      if (!is_capital (tok (f, e - 1)))
        continue;
      g_autofree char *span = nkg_segments_span (f->seg, a, e);
      const char *o = nkg_lexicon_outlet (f->lex, span, NULL);
      if (o)
        {
          *canonical = o;
          return e;
        }
    }
  return a;
}

/* Two to four capitalised words that can be a person's name, from a:
 * their end, or a. */
static guint
bare_name_at (const Finder *f, guint a)
{
  guint e = a;
  while (e < f->s_last && e < a + 4 && is_capital (tok (f, e)) && looks_like_name_token (f, tok (f, e))
         && !(roles (f, tok (f, e)) & (NKG_W_STOPCAP | NKG_W_TITLE | NKG_W_TITLEMOD))
         && !nkg_lexicon_demonym (f->lex, tok (f, e)->text) && !place_of (f, e, e + 1, NULL))
    e++;
  return e >= a + 2 ? e : a;
}

/* Credit lines that name the writer and the outlet, on a line of their own:
 * "Clara Oduya / Reuters", "The BBC's Olav Dunmore in Niamey". TRUE when the
 * sentence is one (its mentions added). */
static gboolean
credit_line (Finder *f)
{
  guint i = f->s_first;
  if (!(tok (f, i)->flags & NKG_TOK_LINE) || f->s_last - i > 16)
    return FALSE;
  const char *outlet = NULL;
  /* "Image: picture-alliance/dpa/J. Doe", "Photo: Getty Images/AFP": a
   * picture credit names the agencies (outlets.tsv) and the photographer. */
  gboolean picture = i + 2 < f->s_last && (roles (f, tok (f, i)) & NKG_W_PICTURE)
                     && strcmp (tok (f, i + 1)->text, ":") == 0;
  if (picture)
    {
      for (guint s = i + 2, e = i + 2; e <= f->s_last; e++)
        {
          if (e < f->s_last && strcmp (tok (f, e)->text, "/") != 0 && strcmp (tok (f, e)->text, ",") != 0)
            continue;
          if (e > s)
            {
              g_autofree char *span = nkg_segments_span (f->seg, s, e);
              const char *o = nkg_lexicon_outlet (f->lex, span, NULL);
              if (o)
                add_mention (f, s, e, NKG_CLASS_ORG, NKG_MENTION_NAME)->canonical = o;
              else if (bare_name_at (f, s) == e)
                add_mention (f, s, e, NKG_CLASS_PERSON, NKG_MENTION_NAME);
            }
          s = e + 1;
        }
      return TRUE;
    }
  /* "Clara Oduya / Reuters – 2005-07-05" */
  guint n = bare_name_at (f, i);
  if (n > i && n + 1 < f->s_last && strcmp (tok (f, n)->text, "/") == 0)
    {
      guint o = outlet_at (f, n + 1, f->s_last, &outlet);
      if (o == n + 1 || (o < f->s_last && !(tok (f, o)->flags & (NKG_TOK_DASH | NKG_TOK_PUNCT))))
        return FALSE;
      add_mention (f, i, n, NKG_CLASS_PERSON, NKG_MENTION_NAME);
      add_mention (f, n + 1, o, NKG_CLASS_ORG, NKG_MENTION_NAME)->canonical = outlet;
      return TRUE;
    }
  /* "The BBC's Olav Dunmore in Niamey" */
  guint a = strcmp (tok (f, i)->lower, "the") == 0 ? i + 1 : i;
  guint poss = a + 1;
  while (poss < f->s_last && poss < a + 6 && !(tok (f, poss)->flags & NKG_TOK_POSS))
    poss++;
  if (poss >= f->s_last || !(tok (f, poss)->flags & NKG_TOK_POSS))
    return FALSE;
  guint o = outlet_at (f, a, poss + 1, &outlet);
  if (o == a || o + 1 >= f->s_last || !(tok (f, o)->flags & NKG_TOK_POSS))
    return FALSE;
  n = bare_name_at (f, o + 1);
  if (n == o + 1)
    return FALSE;
  NkgPlace p = { 0 };
  gboolean at = n == f->s_last;
  if (!at && strcmp (tok (f, n)->lower, "in") == 0 && n + 1 < f->s_last)
    at = place_of (f, n + 1, f->s_last, &p);
  if (!at)
    return FALSE;
  guint org = f->out->len;
  add_mention (f, a, o, NKG_CLASS_ORG, NKG_MENTION_NAME)->canonical = outlet;
  add_mention (f, o + 1, n, NKG_CLASS_PERSON, NKG_MENTION_NAME)->title_org = org;
  if (n < f->s_last)
    add_place_mention (f, n + 1, f->s_last, &p);
  return TRUE;
}

/* Whether a ")" closes the bracket within eight tokens from token a, in
 * the sentence: "(KOICA, President Park Seung-hoon)". */
static gboolean
bracket_closes (Finder *f, guint a)
{
  for (guint k = a; k < f->s_last && k < a + 8; k++)
    {
      const char *t = tok (f, k)->text;
      if (strcmp (t, ")") == 0)
        return TRUE;
      if (strcmp (t, "(") == 0)
        return FALSE;
    }
  return FALSE;
}

/* Whether "(Word)" from token j follows a person's full name as what news
 * calls him ("President Joko Widodo (Jokowi)"): one capitalised word, not
 * all capitals (an acronym is a body's), no word of the lexicon's roles,
 * no place, demonym, outlet or body. */
static gboolean
person_nickname (Finder *f, guint j)
{
  if (f->out->len <= f->sentence_out)
    return FALSE;
  const NkgMention *own = g_ptr_array_index (f->out, f->out->len - 1);
  const NkgToken *w = tok (f, j + 1);
  if (own->klass != NKG_CLASS_PERSON || own->last != j || own->nested || own->kind != NKG_MENTION_NAME
      || own->last < own->first + 2 || !is_word (w) || !(w->flags & NKG_TOK_CAP) || (w->flags & NKG_TOK_UPPER)
      || strlen (w->text) < 4 || roles (f, w))
    return FALSE;
  NkgPlace place;
  return !nkg_lexicon_place (f->lex, w->text, &place) && !nkg_lexicon_demonym (f->lex, w->text)
         && !nkg_lexicon_outlet (f->lex, w->text, NULL) && !nkg_lexicon_body (f->lex, w->text);
}

/* 'President Bambang "Bambi" Hartono', 'Ferdinand "Bongbong" Marcos Jr.':
 * one capitalised word in quotes between a person's given name, just
 * found, and the family name is what news calls him. Returns the end of
 * the family name (past "Jr."), or 0. */
static guint
quoted_nickname_end (Finder *f, guint j)
{
  if (f->out->len <= f->sentence_out || j + 4 > f->s_last)
    return 0;
  const NkgMention *own = g_ptr_array_index (f->out, f->out->len - 1);
  const NkgToken *open = tok (f, j), *w = tok (f, j + 1), *close = tok (f, j + 2);
  if (own->klass != NKG_CLASS_PERSON || own->last != j || own->nested || own->kind != NKG_MENTION_NAME
      || !(open->flags & NKG_TOK_QUOTE) || !(close->flags & NKG_TOK_QUOTE) || !is_word (w)
      || !(w->flags & NKG_TOK_CAP) || roles (f, w))
    return 0;
  guint k = j + 3;
  while (k < f->s_last && k < j + 6)
    {
      const NkgToken *t = tok (f, k);
      if (!is_word (t) || !(t->flags & NKG_TOK_CAP) || (roles (f, t) & ~(guint) (NKG_W_PARTICLE | NKG_W_PATRONYM))
          || place_of (f, k, k + 1, NULL) || nkg_lexicon_demonym (f->lex, t->text))
        break;
      k++;
    }
  if (k == j + 3)
    return 0;
  /* "Jr.", "Sr." after the family name */
  if (k < f->s_last && (strcmp (tok (f, k)->lower, "jr") == 0 || strcmp (tok (f, k)->lower, "sr") == 0
                        || strcmp (tok (f, k)->lower, "jr.") == 0 || strcmp (tok (f, k)->lower, "sr.") == 0))
    {
      k++;
      if (k + 1 < f->s_last && strcmp (tok (f, k)->text, ".") == 0 && !(tok (f, k)->flags & NKG_TOK_SPACE))
        k++;
    }
  return k;
}

static void
find_chunks (Finder *f)
{
  if (f->s_first < f->s_last && !f->in_dateline)
    {
      if (credit_line (f))
        return;
      guint after = dateline (f, f->s_first);
      if (after > f->s_first)
        {
          guint saved = f->s_first;
          f->s_first = after;
          find_chunks (f);
          f->s_first = saved;
          return;
        }
    }
  for (guint i = f->s_first; i < f->s_last;)
    {
      const NkgToken *t = tok (f, i);
      if (t->flags & NKG_TOK_HANDLE)
        {
          add_mention (f, i, i + 1, NKG_CLASS_NONE, NKG_MENTION_HANDLE);
          i++;
          continue;
        }
      if (!is_capital (t))
        {
          i++;
          continue;
        }
      /* "On Friday Tom Greer said", "In March Ana Costa met": an opener
       * and a day or month before a name are no part of it. */
      if (i + 2 < f->s_last && (roles (f, t) & NKG_W_STOPCAP) && is_capital (tok (f, i + 2))
          && (nkg_date_weekday (tok (f, i + 1)->text) || nkg_date_month (tok (f, i + 1)->text)))
        {
          i += 2;
          continue;
        }
      guint j = i + 1, words = 1;
      while (j < f->s_last)
        {
          guint step = chunk_step (f, j, f->s_last, words);
          if (!step)
            break;
          j += step;
          words++;
        }
      /* Trailing connectors or marks are not part of it. */
      while (j > i + 1 && !is_capital (tok (f, j - 1)) && !(tok (f, j - 1)->flags & NKG_TOK_WORD)
             && !bracket_legal_form_ends (f, i, j))
        j--;
      if (visit_chunk (f, i, j))
        {
          i = j;
          continue;
        }
      if (f->headline && headline_event (f, i, j))
        {
          add_mention (f, i, j, NKG_CLASS_EVENT, NKG_MENTION_NAME);
          add_nested_places (f, i, j);
          i = j;
          continue;
        }
      if (f->headline)
        {
          /* Title Case headlines capitalise everything: trust only the
           * gazetteer and acronyms; coref finds the known names later. */
          for (guint k = i; k < j;)
            {
              NkgPlace p;
              guint e = 0;
              for (guint x = MIN (j, k + 4); x > k && !after_clock (f, k); x--)
                if (place_of (f, k, x, &p))
                  {
                    e = x;
                    break;
                  }
              if (e)
                {
                  add_place_mention (f, k, e, &p);
                  k = e;
                  continue;
                }
              const NkgToken *w = tok (f, k);
              if (is_capital (w) && !(roles (f, w) & (NKG_W_STOPCAP | NKG_W_TITLE | NKG_W_TITLEMOD)))
                add_mention (f, k, k + 1, NKG_CLASS_NONE, NKG_MENTION_NAME);
              k++;
            }
          i = j;
          continue;
        }
      if (exercise_named_before (f, i, j))
        {
          /* (each of "the exercises A and B") */
          for (guint x = i, y = i; y <= j; y++)
            if (y == j || strcmp (tok (f, y)->lower, "and") == 0)
              {
                if (y > x)
                  add_mention (f, x, y, NKG_CLASS_EVENT, NKG_MENTION_NAME);
                x = y + 1;
              }
          i = j;
          continue;
        }
      NkgClass ext = NKG_CLASS_NONE;
      NkgPlace before_head;
      gboolean city = place_of (f, i, j, &before_head) && before_head.klass == NKG_CLASS_CITY;
      guint e = lowercase_head_extension (f, j, f->s_last, &ext, city);
      /* "told a Press conference", "the News briefing": a briefing, no
       * named event and no body either. */
      if (e == j + 1 && ext == NKG_CLASS_EVENT && j == i + 1 && NKG_TOK_IN_LIST ("briefingword", tok (f, i)))
        {
          i = e;
          continue;
        }
      NkgPlace chunk_place;
      gboolean is_country = place_of (f, i, j, &chunk_place) && chunk_place.klass == NKG_CLASS_COUNTRY;
      /* "the Indo-Pacific region" but not "the Kazakhstan region". */
      if (e > j && strcmp (tok (f, e - 1)->lower, "region") == 0 && is_country)
        e = j;
      /* "Joint Economic Council meeting": an event of a named body. */
      /* "the UAE and the Indo-Pacific region": the head types only the
       * last of coordinated names, so leave those to process_chunk. */
      for (guint x = i; x < j && e > j; x++)
        if (strcmp (tok (f, x)->lower, "and") == 0 || strcmp (tok (f, x)->text, "&") == 0)
          e = j;
      /* "the Soviet republic", "the Belgian region", "the Chinese embassy":
       * an adjective of nationality before a common place noun describes a
       * place, it does not name one. */
      /* (the words before a name, skipped once: asked below only while
       * e > j, and e only falls back to j) */
      /* … nor does one before a lower-case body ("Chinese coast guard
       * vessels", "the Thai army"): news names those bodies by their
       * country ("the Philippines navy") or in capitals ("the Japanese
       * Embassy"). */
      guint named = e > j ? skip_name_prefix (f, i, j) : i;
      if (e > j && (ext == NKG_CLASS_PLACE || ext == NKG_CLASS_GOV_ORG || ext == NKG_CLASS_ORG) && named < j
          && !place_of (f, named, j, NULL) && nationality_adjective (f, named, j))
        e = j;
      /* A lone sentence opener is an adjective: "Diplomatic dialogue". */
      gboolean region = e > j && strcmp (tok (f, e - 1)->lower, "region") == 0;
      if (e > j && (head_class (f, i, j) == NKG_CLASS_NONE || ext == NKG_CLASS_EVENT
                    || (region && head_class (f, i, j) == NKG_CLASS_PLACE))
          && (!(roles (f, tok (f, i)) & NKG_W_STOPCAP)
              /* "At the Camp David summit": a name after the opener. */
              || (named > i && named < j))
          /* … and so is one that opens a quotation (“Trade deals are …”). */
          && !((i == f->s_first || (tok (f, i - 1)->flags & NKG_TOK_OPEN)) && j == i + 1))
        {
          guint a = named;
          /* "Indonesia for the ASEAN summit": after a place, the head types
           * only what follows "for", "to" or "at" ("Council for Security
           * Cooperation meeting" stays whole). */
          for (guint x = j; x-- > a + 1;)
            if ((strcmp (tok (f, x)->lower, "for") == 0 || strcmp (tok (f, x)->lower, "to") == 0
                 || strcmp (tok (f, x)->lower, "at") == 0)
                && (place_of (f, a, x, NULL)
                    /* "on Thursday for the APEC meeting": nor after a day */
                    || (x == a + 1 && (nkg_date_weekday (tok (f, a)->text) || nkg_date_month (tok (f, a)->text)))))
              {
                process_chunk (f, a, x);
                a = x + 1;
                if (a < j && strcmp (tok (f, a)->lower, "the") == 0)
                  a++;
                break;
              }
          if (a < j && strcmp (tok (f, e - 1)->lower, "region") == 0 && place_of (f, a, j, &chunk_place))
            {
              /* "the Indo-Pacific region" is the Indo-Pacific. */
              add_place_mention (f, a, e, &chunk_place);
            }
          else if (a < j)
            {
              NkgMention *m = add_mention (f, a, e, ext, NKG_MENTION_NAME);
              /* "Kabar news agency reports": the outlet by its own name */
              if (ext == NKG_CLASS_ORG)
                {
                  const char *outlet = listed_outlet (f, a, j);
                  if (outlet)
                    m->canonical = outlet;
                }
              add_nested_places (f, a, e);
              /* "Trump administration": the person is a mention too. */
              if (ext == NKG_CLASS_GOV_ORG)
                process_chunk (f, a, j);
            }
          i = e;
          continue;
        }
      process_chunk (f, i, j);
      /* "President Joko Widodo (Jokowi)": one capitalised word in
       * brackets after a person's full name is what news calls him */
      if (j + 2 < f->s_last && strcmp (tok (f, j)->text, "(") == 0 && strcmp (tok (f, j + 2)->text, ")") == 0
          && person_nickname (f, j))
        {
          guint owner = f->out->len - 1;
          NkgMention *m = add_mention (f, j + 1, j + 2, NKG_CLASS_PERSON, NKG_MENTION_ACRONYM);
          m->alias_of = owner;
          i = j + 3;
          continue;
        }
      guint past = quoted_nickname_end (f, j);
      if (past)
        {
          guint owner = f->out->len - 1;
          NkgMention *own = g_ptr_array_index (f->out, owner);
          g_autofree char *given = nkg_segments_span (f->seg, own->first, j);
          g_autofree char *family = nkg_segments_span (f->seg, j + 3, past);
          g_autofree char *joined = g_strconcat (given, " ", family, NULL);
          g_free (own->surface);
          own->surface = nkg_text_squeeze (joined);
          own->last = past;
          add_mention (f, j + 1, j + 2, NKG_CLASS_PERSON, NKG_MENTION_ACRONYM)->alias_of = owner;
          i = past;
          continue;
        }
      /* "(MEA)", "(ADMM-Plus)": an acronym defined right after a name. */
      if (j + 2 < f->s_last && strcmp (tok (f, j)->text, "(") == 0)
        {
          guint c = j + 1;
          while (c < f->s_last && c < j + 5 && strcmp (tok (f, c)->text, ")") != 0)
            c++;
          /* "(KOICA, President Park Seung-hoon)": the acronym ends at the
           * comma and the rest of the bracket is read on as usual */
          gboolean comma_acronym = FALSE;
          if (!(c < f->s_last && strcmp (tok (f, c)->text, ")") == 0) && j + 3 < f->s_last
              && strcmp (tok (f, j + 2)->text, ",") == 0 && bracket_closes (f, j + 3))
            {
              c = j + 2;
              comma_acronym = TRUE;
            }
          if (c < f->s_last && (strcmp (tok (f, c)->text, ")") == 0 || comma_acronym) && c > j + 1
              && (tok (f, j + 1)->flags & NKG_TOK_UPPER) && f->out->len)
            {
              gint owner = -1;
              for (guint x = f->out->len; x-- > f->sentence_out;)
                {
                  NkgMention *o = g_ptr_array_index (f->out, x);
                  if (o->last == j && !o->nested)
                    {
                      owner = x;
                      break;
                    }
                }
              NkgMention *own = owner >= 0 ? g_ptr_array_index (f->out, owner) : NULL;
              /* "the Asia-Pacific Economic Cooperation (APEC)": a name with
               * no head word, defined by an acronym of its initials, is a
               * body's. */
              guint from = j;
              while (from > i && (is_capital (tok (f, from - 1)) || (tok (f, from - 1)->flags & NKG_TOK_DASH)))
                from--;
              if (from < j && strcmp (tok (f, from)->lower, "the") == 0)
                from++;
              gboolean nameless = TRUE, concept = FALSE;
              for (guint x = from; x < j && nameless; x++)
                nameless = !nkg_lexicon_is_name_part (f->lex, tok (f, x)->text);
              /* "the Regional Comprehensive Economic Partnership (RCEP)":
               * a concept word may name a pact, not a body */
              for (guint x = from; x < j; x++)
                concept |= (roles (f, tok (f, x)) & NKG_W_NONNAME) != 0;
              /* "the Citizenship Amendment Act (CAA)": a law, no body */
              concept |= j > from && NKG_TOK_IN_LIST ("lawhead", tok (f, j - 1));
              if ((!own || own->klass == NKG_CLASS_NONE || (own->klass == NKG_CLASS_PERSON && nameless))
                  && !concept && from + 1 < j && c == j + 2 && acronym_spells (f, own ? own->first : from, j))
                {
                  if (own)
                    own->klass = NKG_CLASS_ORG;
                  else
                    {
                      owner = f->out->len;
                      own = add_mention (f, from, j, NKG_CLASS_ORG, NKG_MENTION_NAME);
                    }
                }
              /* "Shanghai Cooperation Organisation (SCO) summit": the body,
               * its acronym, and the body's event named by a lower-case head. */
              const NkgToken *h = c + 1 < f->s_last ? tok (f, c + 1) : NULL;
              if (own && own->klass != NKG_CLASS_PLACE && own->klass != NKG_CLASS_CITY
                  && own->klass != NKG_CLASS_COUNTRY && h && is_word (h) && !(h->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                  && (roles (f, h) & NKG_W_EVENT) && !(roles (f, h) & NKG_W_STOPCAP)
                  && strcmp (h->lower, "talks") != 0 && strcmp (h->lower, "visit") != 0)
                {
                  if (own->klass == NKG_CLASS_PERSON || own->klass == NKG_CLASS_NONE)
                    own->klass = NKG_CLASS_ORG;
                  NkgMention *acr = add_mention (f, j + 1, c, own->klass, NKG_MENTION_ACRONYM);
                  acr->alias_of = owner;
                  guint evi = f->out->len;
                  NkgMention *ev = add_mention (f, own->first, c + 2, NKG_CLASS_EVENT, NKG_MENTION_NAME);
                  g_free (ev->surface);
                  ev->surface = g_strconcat (own->surface, " ", h->text, NULL);
                  NkgMention *short_form = add_mention (f, j + 1, c + 2, NKG_CLASS_EVENT, NKG_MENTION_ACRONYM);
                  g_free (short_form->surface);
                  short_form->surface = g_strconcat (acr->surface, " ", h->text, NULL);
                  short_form->alias_of = evi;
                  i = c + 2;
                  continue;
                }
              if (own && own->klass != NKG_CLASS_PERSON && own->klass != NKG_CLASS_NONE)
                {
                  NkgMention *m = add_mention (f, j + 1, c, own->klass, NKG_MENTION_ACRONYM);
                  m->alias_of = owner;
                  i = c + 1;
                  continue;
                }
            }
        }
      i = j;
    }
}

/* Words a description's complement cannot end on: "… cooperation between"
 * is cut off before what it relates. */
static gboolean
dangling_word (const char *w)
{
  return NKG_IN_LIST ("dangling", w);
}

/* "cultural exchange", "youth exchanges": a word at k that may be a verb
 * (patterns.txt modifiednoun) is a noun after a lower-case word that is
 * no verb's form and before no determiner ("exchange the notes"). */
static gboolean
noun_after_modifier (const Finder *f, guint k)
{
  const NkgToken *p = tok (f, k - 1);
  return NKG_TOK_IN_LIST ("modifiednoun", tok (f, k)) && is_word (p) && !(p->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM))
         && !g_str_has_suffix (p->lower, "ed") && !dangling_word (p->lower) && !NKG_TOK_IN_LIST ("descstop", p)
         && !(k + 1 < f->s_last && (NKG_TOK_IN_LIST ("definite", tok (f, k + 1)) || NKG_TOK_IN_LIST ("indefinite", tok (f, k + 1))));
}

/* The end of a description whose complement ("on …", "to …", "of …")
 * runs over tokens [e, k): trailing function words go; a complement cut
 * off at its verb's object ("to further deepen | the …", "on
 * demilitarizing | the …") says nothing the head does not, so it goes
 * whole. Returns e when nothing of it is kept. */
static guint
description_tail (const Finder *f, guint e, guint k)
{
  if (k <= e + 1)
    return e;
  const NkgToken *stop = k < f->s_last ? tok (f, k) : NULL;
  gboolean cut = stop && (strcmp (stop->lower, "the") == 0 || strcmp (stop->lower, "a") == 0
                          || strcmp (stop->lower, "an") == 0);
  guint end = k;
  while (end > e + 1 && (!is_word (tok (f, end - 1)) || dangling_word (tok (f, end - 1)->lower)))
    end--;
  if (end <= e + 1)
    return e;
  const char *last = tok (f, end - 1)->lower;
  /* "to further deepen | the …": the verb's object never started. A
   * longer purpose ("to build a gas pipeline linking | the …") keeps its
   * object and loses the participle that starts the next phrase. */
  gboolean to = strcmp (tok (f, e)->lower, "to") == 0;
  gboolean verb_cut = cut && end == k
                      && ((to && end - e <= 3) || (!to && g_str_has_suffix (last, "ing") && strlen (last) > 5));
  if (verb_cut)
    return e;
  while (to && cut && end > e + 3)
    {
      const char *w = tok (f, end - 1)->lower;
      gsize n = strlen (w);
      if (!(n > 5 && (g_str_has_suffix (w, "ing") || g_str_has_suffix (w, "ed"))) && !dangling_word (w))
        break;
      end--;
    }
  return end;
}

/* Whether a signing verb (patterns.txt sign) stands in the three words
 * before token a: "signed the …", "inked a new …". */
static gboolean
signed_just_before (const Finder *f, guint a)
{
  for (guint v = a; v > f->s_first && a - v < 4; v--)
    if (roles (f, tok (f, v - 1)) & NKG_W_SIGN)
      return TRUE;
  return FALSE;
}

/* "for [the] COUNTRY" at token k, ending at a comma, "and" or the
 * sentence's end: whom a signer acts for. */
static gboolean
for_country_at (const Finder *f, guint k)
{
  if (k + 1 >= f->s_last || strcmp (tok (f, k)->lower, "for") != 0)
    return FALSE;
  guint c = strcmp (tok (f, k + 1)->lower, "the") == 0 ? k + 2 : k + 1;
  for (guint e = c + 1; e <= f->s_last && e <= c + 4; e++)
    {
      NkgPlace place;
      if ((e == f->s_last || !is_word (tok (f, e)) || strcmp (tok (f, e)->lower, "and") == 0)
          && place_of (f, c, e, &place) && place.klass == NKG_CLASS_COUNTRY)
        return TRUE;
    }
  return FALSE;
}

/* "an agreement on the creation of the Andean Logistics Centre", "on
 * the construction of the Tumen railway section": in a remit that
 * starts "on", the "the" at k after a lower-case noun and its "of"
 * begins that noun's object, part of what the agreement is about. */
static gboolean
remit_object_the (const Finder *f, guint e, guint k)
{
  if (k < e + 3 || k + 1 >= f->s_last || strcmp (tok (f, e)->lower, "on") != 0 || strcmp (tok (f, k)->lower, "the") != 0
      || strcmp (tok (f, k - 1)->lower, "of") != 0)
    return FALSE;
  const NkgToken *noun = tok (f, k - 2), *next = tok (f, k + 1);
  return is_word (noun) && !(noun->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM)) && !dangling_word (noun->lower)
         && !(roles (f, noun) & NKG_W_OCCASION) && is_word (next) && !(roles (f, next) & NKG_W_OCCASION);
}

/* "a loan agreement for the Mindoro Roads Project": after "for" at k,
 * "the" and a capitalised name (inner "of", "and", "in", "-") ending on a
 * works noun (patterns.txt worksnoun: "Project", "Programme") is what the
 * agreement pays for, part of its name. Returns the name's end, or k. */
static guint
for_works_name (const Finder *f, guint k)
{
  if (k + 3 >= f->s_last || strcmp (tok (f, k)->lower, "for") != 0 || strcmp (tok (f, k + 1)->lower, "the") != 0
      || !is_capital (tok (f, k + 2)))
    return k;
  guint end = k, w = k + 2;
  while (w < f->s_last && w < k + 16)
    {
      const NkgToken *t = tok (f, w);
      if (is_capital (t))
        {
          if (NKG_TOK_IN_LIST ("worksnoun", t))
            end = w + 1;
          w++;
        }
      else if (w + 1 < f->s_last && is_capital (tok (f, w + 1))
               && (strcmp (t->lower, "of") == 0 || strcmp (t->lower, "and") == 0 || strcmp (t->lower, "in") == 0
                   || ((t->flags & NKG_TOK_DASH) && !(t->flags & NKG_TOK_SPACE))))
        w++;
      else
        break;
    }
  return end;
}

/* The end of the agreement head at h: after "memorandum of
 * understanding", "memoranda of understanding" (data/words.tsv, or its
 * plural head; capitalised only when h is), else h + 1. */
static guint
head_phrase_end (const Finder *f, guint h)
{
  if (h + 2 >= f->s_last || strcmp (tok (f, h + 1)->lower, "of") != 0 || !is_word (tok (f, h + 2))
      || ((tok (f, h + 2)->flags & NKG_TOK_UPPER)
          || ((tok (f, h + 2)->flags & NKG_TOK_CAP) && !(tok (f, h)->flags & NKG_TOK_CAP))))
    return h + 1;
  if ((phrase_roles (f, h, h + 3) & NKG_W_AGREEMENT)
      || (nkg_lexicon_tail_roles (f->lex, tok (f, h + 2)->lower) & NKG_W_AGREEMENT))
    return h + 3;
  return h + 1;
}

/* "signed a Memorandum of Understanding on cooperation in health", "an
 * Agreement on the avoidance of double taxation": a capitalised head
 * after a determiner whose complement (patterns.txt capcomplement) goes
 * on in lower case after its head phrase ending at pe. */
static gboolean
capital_head_complement (const Finder *f, guint h, guint pe)
{
  const NkgToken *t = tok (f, h);
  /* (or opening a bulleted line: "- Agreement on the creation of …") */
  gboolean bullet = h == f->s_first + 1 && !is_word (tok (f, f->s_first)) && (tok (f, f->s_first)->flags & NKG_TOK_DASH);
  if (!(t->flags & NKG_TOK_CAP) || (t->flags & NKG_TOK_UPPER) || h <= f->s_first || pe + 2 >= f->s_last
      || !(bullet || NKG_TOK_IN_LIST ("definite", tok (f, h - 1)) || NKG_TOK_IN_LIST ("indefinite", tok (f, h - 1)))
      || !NKG_TOK_IN_LIST ("capcomplement", tok (f, pe)))
    return FALSE;
  guint w = pe + 1;
  if (strcmp (tok (f, w)->lower, "the") == 0)
    w++;
  const NkgToken *n = tok (f, w);
  return w < f->s_last && is_word (n) && !(n->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM))
         && !(roles (f, n) & NKG_W_OCCASION) && !dangling_word (n->lower);
}

/* The tokens of "with NAME" from `w`, the "with": a run of capitalised
 * words (after an optional "the"), with inner "of", "and", "&" and the
 * comma before a legal form ("Hayashida Trading Co., Ltd."); 0 when no
 * name follows. */
static guint
with_party_length (const Finder *f, guint w)
{
  guint k = w + 1;
  if (k < f->s_last && strcmp (tok (f, k)->lower, "the") == 0)
    k++;
  guint end = 0;
  while (k < f->s_last)
    {
      const NkgToken *t = tok (f, k);
      if (is_capital (t))
        end = ++k;
      else if (end && k + 1 < f->s_last && is_capital (tok (f, k + 1))
               && (strcmp (t->lower, "of") == 0 || strcmp (t->lower, "and") == 0 || strcmp (t->text, "&") == 0
                   || (strcmp (t->text, ",") == 0 && NKG_TOK_IN_LIST ("commalegalform", tok (f, k + 1)))))
        k++;
      else if (end && strcmp (t->text, ".") == 0 && k == end && NKG_TOK_IN_LIST ("nameend", tok (f, k - 1)))
        end = ++k;
      else
        break;
    }
  return end ? end - w : 0;
}

/* "the 10-year framework", "two MoUs", "an agreement to enhance agriculture
 * and technical cooperation": agreements the text describes. */
/* Whether a name before this sentence has the word `head`, in any case
 * ("the Protocol of Lusaka" before "The Protocol was signed"). The
 * mentions of sentences done no longer change, so their words are
 * indexed once, as the sentences go by, not read again for each head. */
static gboolean
head_named_before (Finder *f, const char *head)
{
  for (; f->named_upto < f->sentence_out && f->named_upto < f->out->len; f->named_upto++)
    {
      const NkgMention *m = g_ptr_array_index (f->out, f->named_upto);
      if (!m->surface || m->first + 1 >= m->last || !*m->surface)
        continue;
      /* the words between single spaces (g_strsplit's), lower case */
      for (const char *w = m->surface;;)
        {
          const char *space = strchr (w, ' ');
          gsize n = space ? (gsize) (space - w) : strlen (w);
          char *word = nkg_arena_alloc (f->memo, n + 1);
          for (gsize i = 0; i < n; i++)
            word[i] = g_ascii_tolower (w[i]);
          word[n] = '\0';
          g_hash_table_add (f->named, word);
          if (!space)
            break;
          w = space + 1;
        }
    }
  char buf[64];
  gsize n = strlen (head);
  if (n >= sizeof buf)
    {
      g_autofree char *key = g_ascii_strdown (head, -1);
      return g_hash_table_contains (f->named, key);
    }
  for (gsize i = 0; i <= n; i++)
    buf[i] = g_ascii_tolower (head[i]);
  return g_hash_table_contains (f->named, buf);
}

/* Whether token p is a signing verb (words.tsv sign) other than
 * "exchange": "exchanged notes on the region" is comparing views. */
static gboolean
signs_not_exchange (const Finder *f, const NkgToken *p)
{
  return (roles (f, p) & NKG_W_SIGN) && !g_str_has_prefix (p->lower, "exchang");
}

/* Whether the noun at h is what a signing verb acts on: the verb up to
 * four lower-case words before it ("signed and exchanged notes", "signed
 * a set of notes"), or the sentence opens with it and a passive signing
 * follows within a few plain words ("Notes to this effect were signed
 * and exchanged"); "exchange" alone is not enough. */
static gboolean
noun_signed (const Finder *f, guint h)
{
  /* "notes on the Grant Aid for the X Programme", "notes for the Y Loan
   * Agreement": the notes are of the agreement named after them */
  gboolean about = h + 1 < f->s_last && NKG_TOK_IN_LIST ("complementprep", tok (f, h + 1))
                   && strcmp (tok (f, h + 1)->lower, "between") != 0 && strcmp (tok (f, h + 1)->lower, "among") != 0;
  for (guint k = h + 2; about && k < f->s_last && k < h + 6; k++)
    {
      const NkgToken *n = tok (f, k);
      /* (… up to where and when: "notes on a grant in Lima") */
      if (!is_word (n) || strcmp (n->lower, "in") == 0 || strcmp (n->lower, "at") == 0)
        break;
      if (n->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
        return FALSE;
    }
  for (guint x = h; x > f->s_first && h - x < 5; x--)
    {
      const NkgToken *p = tok (f, x - 1);
      if (signs_not_exchange (f, p))
        return TRUE;
      if (!is_word (p) || (p->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM)))
        break;
    }
  if (h != f->s_first)
    return FALSE;
  for (guint x = h + 1; x + 1 < f->s_last && x < h + 8; x++)
    {
      const NkgToken *p = tok (f, x);
      if (!is_word (p))
        return FALSE;
      if (NKG_TOK_IN_LIST ("passiveaux", p))
        {
          /* "were signed", "were exchanged and signed" */
          for (guint y = x + 1; y < f->s_last && y < x + 4; y++)
            if (signs_not_exchange (f, tok (f, y)))
              return TRUE;
          return FALSE;
        }
    }
  return FALSE;
}

static void
find_descriptions (Finder *f)
{
  const NkgWordList *acronymhead = NKG_WORD_LIST ("acronymhead");
  for (guint h = f->s_first; h < f->s_last; h++)
    {
      const NkgToken *t = tok (f, h);
      if (!is_word (t))
        continue;
      guint r = roles (f, t);
      /* "MoU", "LoI" are written capitalised (data/patterns.txt list
       * acronymhead); other heads are lower case here. */
      gboolean mou = nkg_patterns_word_list_tok_has (acronymhead, t);
      /* "joint statement", "letter of intent": a head only as a phrase
       * (data/words.tsv), which the description starts with. */
      guint head_first = h;
      /* (only a token with no letter or digit just before it ends
       * such a phrase in its own tail) */
      gboolean glued = t->start > 0 && g_ascii_isalnum (f->seg->text[t->start - 1]);
      gboolean may_end = !(r & NKG_W_AGREEMENT) && h + 1 >= f->s_first + 2
                         && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                         && (glued || nkg_lexicon_tok_tail_agreement (f->lex, t));
      /* (a phrase that is a head only in a capitalised name, "plan of
       * action", asks for a signing as a one-word one does) */
      gboolean phrase_namehead = FALSE;
      for (guint n = 2; n <= 4 && may_end && h + 1 >= f->s_first + n
                        && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)); n++)
        {
          guint pr = phrase_roles (f, h + 1 - n, h + 1);
          if (pr & NKG_W_AGREEMENT)
            {
              r |= NKG_W_AGREEMENT;
              head_first = h + 1 - n;
              phrase_namehead = (pr & NKG_W_NAMEHEAD) != 0;
            }
        }
      /* "signed and exchanged notes on …", "Notes to this effect were
       * exchanged …": a noun (patterns.txt signednoun) that is an
       * agreement only as what a signing verb acts on */
      /* (after a name with that word, "the Exchange of Notes on …", they
       * are that agreement's notes, no other agreement) */
      gboolean signed_noun = !(r & NKG_W_AGREEMENT) && NKG_TOK_IN_LIST ("signednoun", t) && noun_signed (f, h)
                             && !head_named_before (f, t->lower);
      if (signed_noun)
        r |= NKG_W_AGREEMENT;
      /* "The Protocol was signed …": a capitalised bare head opening the
       * sentence after "The", not starting a name ("The Treaty of Rome",
       * "The Agreement on a Firm Peace", "The Accord Group"), speaks of the
       * agreement an earlier name with that head named (elsewhere in a
       * sentence, "the Charter" may be any charter). */
      gboolean bare_cap = (t->flags & NKG_TOK_CAP) && !(t->flags & NKG_TOK_UPPER) && h == f->s_first + 1
                          && strcmp (tok (f, h - 1)->lower, "the") == 0 && !g_str_has_suffix (t->lower, "s")
                          && !(r & NKG_W_NAMEHEAD) && head_named_before (f, t->text)
                          && (h + 1 >= f->s_last || (!is_capital (tok (f, h + 1))
                              && !NKG_TOK_IN_LIST ("complementprep", tok (f, h + 1))));
      /* (capital_head_complement wants a capitalised head after a word:
       * tested first, the head phrase is not looked for at every
       * lower-case word) */
      gboolean cap_complement = !mou && (t->flags & NKG_TOK_CAP) && !(t->flags & NKG_TOK_UPPER) && h > f->s_first
                                && ((r & NKG_W_AGREEMENT) || head_phrase_end (f, h) == h + 3)
                                && capital_head_complement (f, h, head_phrase_end (f, h));
      if (cap_complement)
        r |= NKG_W_AGREEMENT; /* "Letter" of "a Letter of Intent on …" */
      if (!mou && (!(r & NKG_W_AGREEMENT) || ((t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && !bare_cap && !cap_complement && !signed_noun)))
        continue;
      /* "programme", "arrangement", "declaration" name agreements only
       * with a capital or as "joint declaration" (role namehead). */
      gboolean joint = h > f->s_first && strcmp (tok (f, h - 1)->lower, "joint") == 0;
      /* … or as "the declaration" after a name with that head ("a joint
       * declaration … The declaration was also signed by …") */
      gboolean back = h > f->s_first && strcmp (tok (f, h - 1)->lower, "the") == 0 && head_named_before (f, t->lower);
      /* … or as what was just signed or adopted ("signed a new security
       * declaration"): a signing verb (or one of data/patterns.txt
       * adoptverb) and a determiner a few lower-case words before it */
      gboolean object = FALSE;
      for (guint x = head_first; x > f->s_first && head_first - x < 5 && !object && !mou && !joint && !back; x--)
        {
          const NkgToken *p = tok (f, x - 1);
          if (!is_word (p) || (p->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
            break;
          /* (the verb's object opens with a determiner: "signed a",
           * unlike the noun in "exchange programme") */
          object = ((roles (f, p) & NKG_W_SIGN) || NKG_TOK_IN_LIST ("adoptverb", p)) && x < h
                   && (NKG_TOK_IN_LIST ("definite", tok (f, x))
                       || NKG_TOK_IN_LIST ("indefinite", tok (f, x)));
          if (!object && NKG_TOK_IN_LIST ("descstop", p))
            break;
        }
      /* … or as the subject of a passive signing soon after it ("An
       * arrangement to pool tuna data was signed by …"): after a
       * determiner, with only words up to the verb */
      if (!mou && !joint && !back && !object && h > f->s_first
          && (NKG_TOK_IN_LIST ("definite", tok (f, h - 1)) || NKG_TOK_IN_LIST ("indefinite", tok (f, h - 1))))
        for (guint x = h + 1; x + 1 < f->s_last && x < h + 16; x++)
          {
            const NkgToken *p = tok (f, x);
            if (!is_word (p) && !((p->flags & NKG_TOK_DASH) && !(p->flags & NKG_TOK_SPACE)))
              break;
            if (!NKG_TOK_IN_LIST ("passiveaux", p))
              continue;
            const NkgToken *v = tok (f, x + 1);
            object = (roles (f, v) & NKG_W_SIGN) || NKG_TOK_IN_LIST ("adoptverb", v);
            break;
          }
      if (!mou && !joint && !back && !object && (head_first == h ? (r & NKG_W_NAMEHEAD) != 0 : phrase_namehead))
        continue;
      /* "framework deal", "peace treaty agreement": the last head builds
       * the description, the first is its modifier. */
      if (h + 1 < f->s_last && is_word (tok (f, h + 1)) && !(tok (f, h + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
          && (roles (f, tok (f, h + 1)) & NKG_W_AGREEMENT) && !(roles (f, tok (f, h + 1)) & NKG_W_STOPCAP))
        continue;
      /* Skip a head inside a name already found ("Defence Framework Agreement"). */
      /* … unless it is the head alone, whose complement follows in lower
       * case: that name grows into the description */
      gboolean covered = FALSE;
      NkgMention *grow = NULL;
      for (guint i = f->sentence_out; i < f->out->len && !covered; i++)
        {
          NkgMention *m = g_ptr_array_index (f->out, i);
          covered = m->first <= h && h < m->last;
          if (covered && cap_complement && m->first == h && m->last == head_phrase_end (f, h)
              && m->klass == NKG_CLASS_AGREEMENT && m->kind == NKG_MENTION_NAME)
            {
              grow = m;
              covered = FALSE;
              break;
            }
        }
      if (covered)
        continue;
      guint a = head_first;
      gboolean definite = FALSE, indefinite = FALSE, generic = FALSE, distinct = FALSE, denied = FALSE;
      guint reach = 5; /* words before the head */
      while (a > f->s_first && head_first - a < reach)
        {
          const NkgToken *p = tok (f, a - 1);
          /* "said that trade agreements are …": before a plural, "that"
           * is a conjunction, not a determiner */
          if (strcmp (p->lower, "that") == 0 && g_str_has_suffix (t->lower, "s"))
            break;
          if (NKG_TOK_IN_LIST ("definite", p))
            {
              definite = TRUE;
              /* "its first such agreement" speaks of a kind, not a thing. */
              generic |= strcmp (p->lower, "such") == 0;
              break;
            }
          gboolean hyphenated = a < f->s_last && (tok (f, a)->flags & NKG_TOK_DASH) && !(tok (f, a)->flags & NKG_TOK_SPACE);
          /* "15 various agreements", "several accords": a count, part of it. */
          if (strcmp (p->lower, "various") == 0 || strcmp (p->lower, "several") == 0
              || ((p->flags & NKG_TOK_NUM) && strlen (p->text) < 4 && !hyphenated))
            {
              indefinite = TRUE;
              a--;
              continue;
            }
          if (NKG_TOK_IN_LIST ("indefinite", p) && !hyphenated)
            {
              indefinite = TRUE;
              /* "is not a full defence pact": no agreement at all */
              denied = a - 1 > f->s_first && (strcmp (p->lower, "a") == 0 || strcmp (p->lower, "an") == 0)
                       && NKG_TOK_IN_LIST ("deniedbefore", tok (f, a - 2));
              distinct |= strcmp (p->lower, "multiple") == 0;
              /* "multiple agreements", "two MoUs" keep their count; an
               * article is no part of the name. */
              if (strcmp (p->lower, "a") != 0 && strcmp (p->lower, "an") != 0)
                a--;
              break;
            }
          /* "two more agreements": after a count, one more batch than
           * before, not any (patterns.txt countedgeneric) */
          if (NKG_TOK_IN_LIST ("countedgeneric", p) && a - 1 > f->s_first && is_word (tok (f, a - 2))
              && ((tok (f, a - 2)->flags & NKG_TOK_NUM) || NKG_TOK_IN_LIST ("count", tok (f, a - 2))))
            {
              distinct = TRUE;
              a--;
              continue;
            }
          if (NKG_TOK_IN_LIST ("generic", p))
            {
              generic = TRUE;
              break;
            }
          if ((p->flags & NKG_TOK_POSS) || (p->flags & NKG_TOK_QUOTE))
            break;
          if ((p->flags & NKG_TOK_DASH) && !(p->flags & NKG_TOK_SPACE))
            {
              a--;
              continue;
            }
          /* "a raft of deals", "a series of agreements": a quantity noun
           * (data/words.tsv) counts them like a number. */
          if (strcmp (p->lower, "of") == 0 && a >= f->s_first + 2 && is_word (tok (f, a - 2))
              && (roles (f, tok (f, a - 2)) & NKG_W_QUANTITY))
            {
              indefinite = TRUE;
              a -= 2;
              reach += 2;
              continue;
            }
          if (!is_word (p) || NKG_TOK_IN_LIST ("descstop", p))
            break;
          /* "India clears submarine deal": a headline's verb after its
           * capitalised subject is no part of the description. */
          gsize plen = strlen (p->lower);
          if (a - 1 > f->s_first && !(p->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && plen > 3
              && p->lower[plen - 1] == 's' && p->lower[plen - 2] != 's' && !nkg_lexicon_tok_roles (f->lex, p)
              && is_capital (tok (f, a - 2)))
            break;
          /* "India, Nepal ratify border deal", "Member states adopt health
           * accord": nor is a plural subject's, a word WordNet knows only
           * as a verb. */
          guint counts[4];
          if (a - 1 > f->s_first && !(p->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
              && (is_capital (tok (f, a - 2)) || is_plural_noun (tok (f, a - 2)))
              && nkg_wordnet_word (p->lower, counts, NULL) && counts[1] && !counts[0] && !counts[2])
            break;
          if (nkg_lexicon_tok_roles (f->lex, p) & (NKG_W_REPORT | NKG_W_SIGN | NKG_W_FUTURE))
            break;
          if (NKG_TOK_IN_LIST ("distinct", p))
            distinct = TRUE;
          /* "a second MoU", "the third agreement": one more than before */
          if ((roles (f, p) & NKG_W_ORDINAL) && strcmp (p->lower, "first") != 0)
            distinct = TRUE;
          if ((p->flags & NKG_TOK_NUM) && strlen (p->text) == 4 && p->text[0] <= '2')
            distinct = TRUE;
          a--;
        }
      /* "rush into trade agreements": a bare plural speaks of any, unless
       * it is what was just signed ("inked milestone documents"). */
      gboolean just_signed = FALSE;
      for (guint x = a; x > f->s_first && a - x < 2; x--)
        just_signed |= (roles (f, tok (f, x - 1)) & NKG_W_SIGN) != 0;
      gboolean bare_plural = !definite && !indefinite && g_str_has_suffix (t->lower, "s")
                             && strcmp (t->lower, "mous") != 0 && !just_signed && !signed_noun;
      if ((generic && !indefinite) || bare_plural || denied || kind_of_its_own (f, h, head_first))
        continue;
      guint e = h + 1;
      /* "a memorandum of understanding to build …", "memoranda of
       * understanding on …": the head phrase (data/words.tsv, or its
       * plural head) comes whole before what it is about. */
      e = head_phrase_end (f, h);
      /* "agreements and documents": one batch. */
      if (e + 1 < f->s_last && strcmp (tok (f, e)->lower, "and") == 0
          && (roles (f, tok (f, e + 1)) & NKG_W_AGREEMENT) && g_str_has_suffix (tok (f, e + 1)->lower, "s")
          && !(tok (f, e + 1)->flags & NKG_TOK_CAP))
        e += 2;
      /* "a contract in 2022": the year tells it apart ("the treaty in
       * 2019" is when something was done to the one treaty). */
      if (!definite && e + 1 < f->s_last && strcmp (tok (f, e)->lower, "in") == 0 && (tok (f, e + 1)->flags & NKG_TOK_NUM)
          && strlen (tok (f, e + 1)->text) == 4)
        {
          distinct = TRUE;
          e += 2;
        }
      /* "an agreement on Tuesday to build a pipeline": the day said
       * between the head and what it is about is no part of the name. */
      guint skip_from = 0, skip_to = 0;
      {
        guint n = 0;
        if (e + 1 < f->s_last && strcmp (tok (f, e)->lower, "on") == 0 && nkg_date_weekday (tok (f, e + 1)->text))
          n = 2;
        else if (e + 2 < f->s_last && strcmp (tok (f, e)->lower, "on") == 0 && nkg_date_month (tok (f, e + 1)->text)
                 && (tok (f, e + 2)->flags & NKG_TOK_NUM))
          n = 3;
        else if (e < f->s_last && (strcmp (tok (f, e)->lower, "today") == 0 || strcmp (tok (f, e)->lower, "yesterday") == 0))
          n = 1;
        /* "an MoU with Kelana Holdings to build a solar farm": the other
         * side named between the head and what it is about */
        else if (e + 2 < f->s_last && strcmp (tok (f, e)->lower, "with") == 0)
          n = with_party_length (f, e);
        /* "A second MoU, on maritime safety, was signed": what it is
         * about set apart by commas */
        else if (!definite && e + 3 < f->s_last && strcmp (tok (f, e)->text, ",") == 0 && strcmp (tok (f, e + 1)->lower, "on") == 0
                 && is_word (tok (f, e + 2)) && !(tok (f, e + 2)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM)))
          for (guint k = e + 3; k < f->s_last && k < e + 12 && !n; k++)
            {
              if (strcmp (tok (f, k)->text, ",") == 0)
                n = 1;
              else if (!is_word (tok (f, k)))
                break;
            }
        if (n && e + n + 1 < f->s_last
            && (strcmp (tok (f, e + n)->lower, "to") == 0 || strcmp (tok (f, e + n)->lower, "on") == 0))
          {
            skip_from = e;
            skip_to = e + n;
            e = skip_to;
          }
      }
      /* "a protocol amending the treaty", "an accord extending the 2019
       * pact": a participle (patterns.txt complementverb) and the
       * agreement it acts on, named by its head ("amending the Treaty of
       * Lima" leaves the treaty's name its own) */
      if (e + 2 < f->s_last && NKG_TOK_IN_LIST ("complementverb", tok (f, e)))
        {
          guint o = e + 1;
          while (o < f->s_last && o < e + 4 && is_word (tok (f, o)) && !(tok (f, o)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                 && !(roles (f, tok (f, o)) & NKG_W_AGREEMENT)
                 && (NKG_TOK_IN_LIST ("definite", tok (f, o)) || (tok (f, o)->flags & NKG_TOK_NUM)))
            o++;
          if (o < f->s_last && is_word (tok (f, o)) && !(tok (f, o)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
              && (roles (f, tok (f, o)) & NKG_W_AGREEMENT))
            e = o + 1;
        }
      /* "… for the Mindoro Roads Project" */
      guint works_end = e > h && !skip_to ? for_works_name (f, e) : e;
      if (works_end > e)
        e = works_end;
      /* "… on security cooperation", "… to enhance agriculture and …" */
      /* … but "on Friday", "on October 31" say when, not what. */
      /* … nor "on the sidelines of", "on the occasion of" (words.tsv: occasion) */
      gboolean occasion = e + 2 < f->s_last && strcmp (tok (f, e)->lower, "on") == 0
                          && ((strcmp (tok (f, e + 1)->lower, "the") == 0 && (roles (f, tok (f, e + 2)) & NKG_W_OCCASION))
                              /* "on behalf of" */
                              || ((roles (f, tok (f, e + 1)) & NKG_W_OCCASION) && strcmp (tok (f, e + 2)->lower, "of") == 0));
      /* … nor "to this effect", "to the effect that": an idiom, no remit
       * (patterns.txt emptycomplement) */
      occasion |= e + 2 < f->s_last && strcmp (tok (f, e)->lower, "to") == 0 && NKG_TOK_IN_LIST ("definite", tok (f, e + 1))
                  && NKG_TOK_IN_LIST ("emptycomplement", tok (f, e + 2));
      if (e + 1 < f->s_last && !occasion
          && (strcmp (tok (f, e)->lower, "on") == 0 || strcmp (tok (f, e)->lower, "to") == 0
              || strcmp (tok (f, e)->lower, "of") == 0)
          && !nkg_date_weekday (tok (f, e + 1)->text) && !nkg_date_month (tok (f, e + 1)->text)
          && !(tok (f, e + 1)->flags & NKG_TOK_NUM))
        {
          guint k = e + 1, limit = e + 10;
          gboolean object = FALSE;
          while (k < f->s_last && k < limit)
            {
              const NkgToken *c = tok (f, k);
              if (!object && remit_object_the (f, e, k))
                {
                  object = TRUE;
                  limit += 8;
                  k++;
                  continue;
                }
              /* "… of the Andean Mining and Logistics Centre": "and" inside
               * the object's capitalised name */
              if (object && strcmp (c->lower, "and") == 0 && k + 1 < f->s_last && is_capital (tok (f, k - 1))
                  && is_capital (tok (f, k + 1)))
                {
                  k++;
                  continue;
                }
              /* "… Centre on the border": where the object named stands
               * is no part of what the agreement is about */
              if (object && dangling_word (c->lower) && is_capital (tok (f, k - 1))
                  && !(k + 1 < f->s_last && is_capital (tok (f, k + 1))))
                break;
              /* "cooperation in the field of health": one formula */
              if (strcmp (c->lower, "in") == 0 && k > e + 1 && k + 4 < f->s_last
                  && strcmp (tok (f, k + 1)->lower, "the") == 0
                  && NKG_TOK_IN_LIST ("fieldnoun", tok (f, k + 2))
                  && strcmp (tok (f, k + 3)->lower, "of") == 0)
                {
                  k += 4;
                  limit += 4;
                  continue;
                }
              /* "on the construction of a children's hospital", "on
               * women's health": a possessive between lower-case words */
              if ((c->flags & NKG_TOK_POSS) && k > e + 1 && k + 1 < f->s_last && is_word (tok (f, k - 1))
                  && !(tok (f, k - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && is_word (tok (f, k + 1))
                  && !(tok (f, k + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_POSS)))
                {
                  k++;
                  continue;
                }
              if (!is_word (c) && !((c->flags & NKG_TOK_DASH) && !(c->flags & NKG_TOK_SPACE)))
                break;
              /* "a memorandum of understanding on the protection of …": what
               * it is about, after "on", may take an article ("on the
               * sidelines" says where) */
              gboolean about_the = strcmp (c->lower, "the") == 0 && strcmp (tok (f, k - 1)->lower, "on") == 0
                                   && k + 1 < f->s_last && is_word (tok (f, k + 1))
                                   && !(tok (f, k + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                                   && !(roles (f, tok (f, k + 1)) & NKG_W_OCCASION);
              /* "on the construction of the Balykchy railway section": a
               * noun of what it is about, and what that noun is of */
              gboolean of_the = strcmp (c->lower, "the") == 0 && k >= e + 3 && strcmp (tok (f, k - 1)->lower, "of") == 0
                                && is_word (tok (f, k - 2)) && !(tok (f, k - 2)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                                && k + 1 < f->s_last && is_word (tok (f, k + 1));
              if ((c->flags & NKG_TOK_NUM) || (strcmp (c->lower, "the") == 0 && k > e + 1 && !about_the && !of_the)
                  || nkg_date_weekday (c->text) || ((c->flags & NKG_TOK_CAP) && nkg_date_month (c->text)))
                break;
              /* "memorandum of understanding between Chad and Niger": the
               * parties named after the head phrase's "between" are no
               * part of what it is ("cooperation between …" is) */
              if (k > e + 1 && (strcmp (c->lower, "between") == 0 || strcmp (c->lower, "among") == 0)
                  && k + 1 < f->s_last && (is_capital (tok (f, k + 1)) || strcmp (tok (f, k + 1)->lower, "the") == 0))
                {
                  g_autofree char *span = nkg_segments_span (f->seg, h, k);
                  g_autofree char *lower = nkg_text_lower (span);
                  /* (or its plural: "memoranda of understanding") */
                  if ((nkg_lexicon_word (f->lex, lower) & NKG_W_AGREEMENT)
                      || (k == h + 3 && strcmp (tok (f, h + 1)->lower, "of") == 0
                          && (nkg_lexicon_tail_roles (f->lex, tok (f, k - 1)->lower) & NKG_W_AGREEMENT)))
                    break;
                }
              /* "signed the MoU on fisheries for Thailand, and …": whom
               * the signer acts for */
              if (k > e + 1 && for_country_at (f, k) && signed_just_before (f, a))
                break;
              /* "… on defence cooperation on Friday" */
              if (strcmp (c->lower, "on") == 0 && k + 1 < f->s_last
                  && (nkg_date_weekday (tok (f, k + 1)->text) || nkg_date_month (tok (f, k + 1)->text)))
                break;
              /* "… on higher education on behalf of their respective
               * countries": who signed it for whom, not what it is about */
              if (strcmp (c->lower, "on") == 0 && k > e + 1 && k + 2 < f->s_last
                  && (roles (f, tok (f, k + 1)) & NKG_W_OCCASION) && strcmp (tok (f, k + 2)->lower, "of") == 0)
                break;
              if (NKG_TOK_IN_LIST ("complementend", c)
                  && !(strcmp (c->lower, "and") == 0 && k + 1 < f->s_last && !is_capital (tok (f, k + 1))
                       && is_word (tok (f, k + 1))
                       /* "on economic and technical cooperation": one word
                        * before "and" is enough after "on", not after "to"
                        * ("to cooperate and …") */
                       && (k > e + 2 || strcmp (tok (f, e)->lower, "on") == 0)
                       /* "… on semiconductors and a joint declaration": a second thing */
                       && !NKG_TOK_IN_LIST ("secondthing", tok (f, k + 1))
                       /* "… in logistics and agreed to …": a second verb */
                       && !g_str_has_suffix (tok (f, k + 1)->lower, "ed")
                       && !(roles (f, tok (f, k + 1)) & (NKG_W_REPORT | NKG_W_SIGN | NKG_W_MEET | NKG_W_FUTURE)))
                  /* "cooperation in logistics", but "in Warsaw", "in the
                   * capital", "in 2022" say where or when */
                  && !(strcmp (c->lower, "in") == 0 && k > e + 1 && k + 1 < f->s_last
                       && is_word (tok (f, k + 1)) && !(tok (f, k + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM))
                       && !dangling_word (tok (f, k + 1)->lower)
                       && !(roles (f, tok (f, k + 1)) & ~(guint) (NKG_W_PORTFOLIO | NKG_W_TITLEMOD))))
                break;
              /* "… on trade reached in May": a verb ends the noun phrase
               * (not a noun so written after its modifier, "on cultural
               * exchange with Laos": patterns.txt modifiednoun) */
              if (k > e + 1 && (roles (f, c) & (NKG_W_REPORT | NKG_W_SIGN | NKG_W_MEET | NKG_W_FUTURE))
                  && !(c->flags & NKG_TOK_CAP) && !noun_after_modifier (f, k))
                break;
              k++;
            }
          e = description_tail (f, e, k);
        }
      if (skip_to && e == skip_to)
        e = skip_from;
      if (cap_complement && e <= head_phrase_end (f, h))
        continue; /* the head's name stays as it was, or there is none */
      NkgMention *m = grow;
      if (m)
        {
          m->first = a;
          m->last = e;
          m->kind = NKG_MENTION_DESCRIPTION;
          g_free (m->surface);
          g_autofree char *span = nkg_segments_span (f->seg, a, e);
          m->surface = nkg_text_squeeze (span);
        }
      else
        m = add_mention (f, a, e, NKG_CLASS_AGREEMENT, NKG_MENTION_DESCRIPTION);
      if (skip_to && e > skip_to)
        {
          g_autofree char *head = nkg_segments_span (f->seg, a, skip_from);
          g_autofree char *rest = nkg_segments_span (f->seg, skip_to, e);
          g_autofree char *joined = g_strconcat (head, " ", rest, NULL);
          g_free (m->surface);
          m->surface = nkg_text_squeeze (joined);
        }
      m->definite = definite;
      m->distinct = distinct;
      m->generic = generic;
    }
}

/* Mention m's name goes on to token `end`. */
static void
extend_mention (Finder *f, NkgMention *m, guint end)
{
  m->last = end;
  char buf[128];
  g_autofree char *heap = NULL;
  g_free (m->surface);
  m->surface = nkg_text_squeeze (nkg_segments_span_buf (f->seg, m->first, m->last, buf, sizeof buf, &heap));
}

/* Whether mention m's name has a complement after its first word ("Loan
 * Agreement for the …": patterns.txt capcomplement). */
static gboolean
name_has_complement (const Finder *f, const NkgMention *m)
{
  for (guint k = m->first + 1; k + 1 < m->last; k++)
    if (NKG_TOK_IN_LIST ("capcomplement", tok (f, k)))
      return TRUE;
  return FALSE;
}

/* Mention m's name takes tokens [a, b): a name found there ("Strategic
 * Partnership for Peace", an untyped or agreement or event name) is now
 * part of it; a place, person or body there stays, as in any name. */
static void
absorb_names (Finder *f, guint from, const NkgMention *m, guint a, guint b)
{
  for (guint j = from; j < f->out->len; j++)
    {
      NkgMention *o = g_ptr_array_index (f->out, j);
      if (o != m && o->first >= a && o->last <= b
          && (o->klass == NKG_CLASS_NONE || o->klass == NKG_CLASS_AGREEMENT || o->klass == NKG_CLASS_EVENT))
        o->nested = TRUE;
    }
}

/* "the Jakarta Declaration on ASEAN 2040", "the Agreement on Fisheries
 * 2024", "the Vision Statement 2030": a year written right after an
 * agreement's capitalised name of two or more words ends the name (not
 * "2030-2035", a span of years, nor a year after a comma). */
static void
agreement_year_tails (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_AGREEMENT || m->kind != NKG_MENTION_NAME || m->last >= f->s_last
          || m->last < m->first + 2 || !is_capital (tok (f, m->last - 1)))
        continue;
      const NkgToken *y = tok (f, m->last);
      if (!(y->flags & NKG_TOK_NUM) || strlen (y->text) != 4 || strspn (y->text, "0123456789") != 4
          || !(g_str_has_prefix (y->text, "19") || g_str_has_prefix (y->text, "20"))
          || (m->last + 1 < f->s_last && (tok (f, m->last + 1)->flags & NKG_TOK_DASH)))
        continue;
      extend_mention (f, m, m->last + 1);
    }
}

/* "A signed the Fisheries Agreement for Japan and B signed for Peru":
 * after a signing verb (patterns.txt sign), an agreement's capitalised
 * name ending "for [the] COUNTRY" names who signed it, not what it is:
 * the name ends before "for", and the country is a name of its own. */
static void
agreement_signed_for_tails (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_AGREEMENT || m->kind != NKG_MENTION_NAME || m->last < m->first + 3)
        continue;
      guint k = m->last - 1;
      while (k > m->first + 1 && strcmp (tok (f, k)->lower, "for") != 0)
        k--;
      guint c = k + 1 < m->last && strcmp (tok (f, k + 1)->lower, "the") == 0 ? k + 2 : k + 1;
      NkgPlace place;
      if (strcmp (tok (f, k)->lower, "for") != 0 || c >= m->last || !place_of (f, c, m->last, &place)
          || place.klass != NKG_CLASS_COUNTRY)
        continue;
      if (!signed_just_before (f, m->first))
        continue;
      for (guint j = from; j < f->out->len; j++)
        {
          NkgMention *o = g_ptr_array_index (f->out, j);
          if (o != m && o->first >= c && o->last <= m->last)
            o->nested = FALSE;
        }
      extend_mention (f, m, k);
    }
}

/* Whether token k is a year, 1900-2099. */
static gboolean
is_year (const Finder *f, guint k)
{
  const NkgToken *y = tok (f, k);
  return (y->flags & NKG_TOK_NUM) && strlen (y->text) == 4 && strspn (y->text, "0123456789") == 4
         && (g_str_has_prefix (y->text, "19") || g_str_has_prefix (y->text, "20"));
}

/* The end of "for 2026-2027", "for 2025 to 2027" at token k (the years a
 * programme or plan runs), or k. */
static guint
years_tail (const Finder *f, guint k)
{
  if (k + 3 >= f->s_last || strcmp (tok (f, k)->lower, "for") != 0 || !is_year (f, k + 1))
    return k;
  const NkgToken *j = tok (f, k + 2);
  gboolean dash = (j->flags & NKG_TOK_DASH) && !(j->flags & NKG_TOK_SPACE);
  if ((dash || strcmp (j->lower, "to") == 0) && is_year (f, k + 3))
    return k + 4;
  return k;
}

/* "the Cooperation Programme for 2026-2027", "an implementation plan on
 * police cooperation for 2025 to 2027": the years an agreement runs are
 * part of its name. */
static void
agreement_years_tails (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_AGREEMENT || m->last >= f->s_last)
        continue;
      guint end = years_tail (f, m->last);
      if (end > m->last)
        extend_mention (f, m, end);
    }
}

/* "a Loan Agreement for the Kathmandu water project", "the Grant
 * Agreement for the Improvement of Pokhara roads": an agreement's
 * capitalised name whose complement ("for the …", patterns.txt
 * capcomplement) goes on in lower case up to what is built or done
 * (patterns.txt worksnoun) takes those words, at most three nouns. */
static void
agreement_works_tails (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_AGREEMENT || m->kind != NKG_MENTION_NAME || m->last >= f->s_last
          || !is_capital (tok (f, m->last - 1)))
        continue;
      if (!name_has_complement (f, m))
        continue;
      guint end = 0;
      for (guint k = m->last; k < f->s_last && k < m->last + 3 && !end; k++)
        {
          const NkgToken *w = tok (f, k);
          guint counts[4] = { 0 };
          gboolean works = is_word (w) && NKG_TOK_IN_LIST ("worksnoun", w);
          if (!is_word (w) || (w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM)) || dangling_word (w->lower)
              || (!works && !(nkg_wordnet_word (w->lower, counts, NULL) && counts[0])))
            break;
          if (works)
            end = k + 1;
        }
      if (!end)
        continue;
      extend_mention (f, m, end);
    }
}

/* "a Joint Statement on Deepening their Comprehensive Strategic
 * Partnership": an agreement's capitalised name with a complement that
 * goes on after a possessive (patterns.txt namepossessive) in capitals
 * takes it, with the connectors between capitalised words. */
static void
agreement_possessive_tails (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_AGREEMENT || m->kind != NKG_MENTION_NAME || m->last + 1 >= f->s_last
          || !is_capital (tok (f, m->last - 1)) || !NKG_TOK_IN_LIST ("namepossessive", tok (f, m->last))
          || !is_capital (tok (f, m->last + 1)))
        continue;
      if (!name_has_complement (f, m))
        continue;
      guint end = m->last + 1;
      for (guint k = end; k < f->s_last; k++)
        if (is_capital (tok (f, k)))
          end = k + 1;
        else if (!(k + 1 < f->s_last && is_capital (tok (f, k + 1))
                   && (is_connector (f, tok (f, k))
                       || ((tok (f, k)->flags & NKG_TOK_DASH) && !(tok (f, k)->flags & NKG_TOK_SPACE)))))
          break;
      absorb_names (f, from, m, m->last, end);
      extend_mention (f, m, end);
    }
}

/* "the ASEAN-China Free Trade Area 3.0 Upgrade Protocol": an agreement's
 * capitalised name after a version number (a number with a point) and the
 * capitalised words before it is one name. */
static void
agreement_version_heads (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_AGREEMENT || m->kind != NKG_MENTION_NAME || m->first < f->s_first + 2)
        continue;
      const NkgToken *v = tok (f, m->first - 1);
      if (!(v->flags & NKG_TOK_NUM) || !strchr (v->text, '.') || !is_capital (tok (f, m->first - 2)))
        continue;
      guint a = m->first - 2;
      while (a > f->s_first && strcmp (tok (f, a - 1)->lower, "the") != 0
             && (is_capital (tok (f, a - 1))
                 || (a - 1 > f->s_first && is_capital (tok (f, a - 2))
                     && ((tok (f, a - 1)->flags & NKG_TOK_DASH) && !(tok (f, a - 1)->flags & NKG_TOK_SPACE)))))
        a--;
      absorb_names (f, from, m, a, m->first);
      m->first = a;
      extend_mention (f, m, m->last);
    }
}

/* "the National People's Congress (NPC) Standing Committee", "the
 * Communist Party of China (CPC) Central Committee": a body's organ named
 * after the body's bracketed acronym is named with the body's whole name,
 * and with the acronym ("NPC Standing Committee"), not as a bare
 * "Standing Committee". */
static void
organ_after_acronym (Finder *f, guint from)
{
  for (guint i = from + 2; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      guint p = m->first;
      if (p < f->s_first + 4 || tok (f, p - 1)->text[0] != ')' || m->kind != NKG_MENTION_NAME || m->written
          || m->last < p + 2 || m->last > p + 3 || nkg_class_coarse (m->klass) != NKG_CLASS_ORG)
        continue;
      NkgMention *a = g_ptr_array_index (f->out, i - 1);
      if (a->kind != NKG_MENTION_ACRONYM || a->last != p - 1 || a->alias_of < 0)
        continue;
      NkgMention *body = g_ptr_array_index (f->out, a->alias_of);
      if (body->last + 1 != a->first || nkg_class_coarse (body->klass) != NKG_CLASS_ORG)
        continue;
      gboolean caps = TRUE;
      for (guint k = p; k < m->last && caps; k++)
        caps = (tok (f, k)->flags & NKG_TOK_CAP) && !(tok (f, k)->flags & NKG_TOK_UPPER);
      if (!caps)
        continue;
      m->written = g_strconcat (a->surface, " ", m->surface, NULL);
      char *whole = g_strconcat (body->surface, " ", m->surface, NULL);
      g_free (m->surface);
      m->surface = whole;
    }
}

/* "Prime Minister Ratu Josaia X": a chiefly style that is not part of
 * the name, though Pacific news and officials often write the two as one
 * (patterns.txt aliasstyle): the styled form is another name of the person. */
static void
styled_aliases (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_PERSON || m->kind != NKG_MENTION_NAME || m->first <= f->s_first || m->written)
        continue;
      const NkgToken *style = tok (f, m->first - 1);
      if ((style->flags & NKG_TOK_CAP) && NKG_TOK_IN_LIST ("aliasstyle", style))
        m->written = g_strconcat (style->text, " ", m->surface, NULL);
    }
}

/* "The agreement, known as the TVFA, …": an acronym the text gives a
 * description or a name of an agreement, event or body just before it is
 * that one's, not a body of its own. */
static void
known_as_acronym (Finder *f, guint from, NkgMention *a)
{
  guint k = a->first;
  if (k > f->s_first && strcmp (tok (f, k - 1)->lower, "the") == 0)
    k--;
  if (k < f->s_first + 4 || strcmp (tok (f, k - 1)->lower, "as") != 0 || strcmp (tok (f, k - 2)->lower, "known") != 0)
    return;
  k -= 2;
  if (strcmp (tok (f, k - 1)->lower, "also") == 0)
    k--;
  if (strcmp (tok (f, k - 1)->text, ",") != 0)
    return;
  for (guint j = from; j < f->out->len; j++)
    {
      NkgMention *d = g_ptr_array_index (f->out, j);
      NkgClass c = nkg_class_coarse (d->klass);
      if (d->last == k - 1 && (d->kind == NKG_MENTION_DESCRIPTION || d->kind == NKG_MENTION_NAME)
          && (c == NKG_CLASS_AGREEMENT || c == NKG_CLASS_EVENT || c == NKG_CLASS_ORG))
        {
          a->alias_of = j;
          a->klass = d->klass;
          return;
        }
    }
}

/* "The reciprocal access agreement (RAA)": an acronym defined for a
 * description, found only once descriptions are. */
static void
bind_acronyms_to_descriptions (Finder *f, guint from)
{
  for (guint i = from; i < f->out->len; i++)
    {
      NkgMention *a = g_ptr_array_index (f->out, i);
      if (a->kind != NKG_MENTION_ACRONYM || a->alias_of >= 0 || a->first < 1 || a->last >= f->s_last)
        continue;
      if (strcmp (tok (f, a->first - 1)->text, "(") != 0 || strcmp (tok (f, a->last)->text, ")") != 0)
        {
          known_as_acronym (f, from, a);
          continue;
        }
      for (guint k = from; k < f->out->len; k++)
        {
          NkgMention *d = g_ptr_array_index (f->out, k);
          if (d->kind == NKG_MENTION_DESCRIPTION && d->last == a->first - 1)
            {
              a->alias_of = k;
              a->klass = d->klass;
            }
        }
    }
}

/* A capitalised name the text signs whose head word names a pact only
 * then ("signed the Andean Trade Partnership", "the signing of the Free
 * Trade Area", "the Solar Grid Alliance (SGA) was signed"): an agreement
 * (lists signcue, signedhead, signedaux of patterns.txt). Names inside it
 * are part of it, and an acronym in brackets after it is its. */
static void
signed_names (Finder *f, guint from)
{
  const NkgWordList *signcue = NKG_WORD_LIST ("signcue");
  for (guint i = f->s_first; i < f->s_last; i++)
    {
      /* the name's first token: after "signed (up to) the", "signing of the" */
      guint a = 0;
      if (nkg_patterns_word_list_tok_has (signcue, tok (f, i)))
        {
          guint k = i + 1;
          if (k < f->s_last && (strcmp (tok (f, k)->lower, "of") == 0 || strcmp (tok (f, k)->lower, "onto") == 0))
            k++;
          else if (k + 1 < f->s_last && (strcmp (tok (f, k)->lower, "up") == 0 || strcmp (tok (f, k)->lower, "on") == 0)
                   && strcmp (tok (f, k + 1)->lower, "to") == 0)
            k += 2;
          if (k < f->s_last && strcmp (tok (f, k)->lower, "the") == 0)
            k++;
          if (k < f->s_last && is_capital (tok (f, k)))
            a = k;
        }
      else if (strcmp (tok (f, i)->lower, "the") == 0 && i + 1 < f->s_last && is_capital (tok (f, i + 1)))
        a = i + 1;
      if (!a)
        continue;
      /* the run of capitalised words, hyphens and inner "of", "for", "and" */
      guint b = a, k = a;
      while (k < f->s_last)
        {
          const NkgToken *t = tok (f, k);
          if (is_capital (t))
            b = ++k;
          else if (((t->flags & NKG_TOK_DASH) && !(t->flags & NKG_TOK_SPACE))
                   || ((strcmp (t->lower, "of") == 0 || strcmp (t->lower, "for") == 0 || strcmp (t->lower, "and") == 0)
                       && k + 1 < f->s_last && is_capital (tok (f, k + 1))))
            k++;
          else
            break;
        }
      if (b <= a)
        continue;
      /* … or with its complement after the head: "the Australia-Kiribati
       * Partnership for Climate and Security" (patterns.txt capcomplement) */
      gboolean headed = NKG_TOK_IN_LIST ("signedhead", tok (f, b - 1));
      for (guint h = b - 2; !headed && h > a && h + 1 < b; h--)
        if (NKG_TOK_IN_LIST ("capcomplement", tok (f, h)))
          headed = NKG_TOK_IN_LIST ("signedhead", tok (f, h - 1));
      if (!headed)
        continue;
      /* after "the": signed after it ("was signed", "signed today by") */
      guint after = b;
      gint acronym = -1;
      if (after + 2 < f->s_last && strcmp (tok (f, after)->text, "(") == 0 && strcmp (tok (f, after + 2)->text, ")") == 0)
        after += 3;
      if (!NKG_TOK_IN_LIST ("signcue", tok (f, i)))
        {
          /* "The X Partnership, signed on Monday by …" */
          if (after + 1 < f->s_last && strcmp (tok (f, after)->text, ",") == 0 && strcmp (tok (f, after + 1)->lower, "signed") == 0)
            after++;
          guint q = after;
          while (q < f->s_last && q < after + 3 && NKG_TOK_IN_LIST ("signedaux", tok (f, q)))
            q++;
          if (!(q < f->s_last && q > after && NKG_TOK_IN_LIST ("signcue", tok (f, q)))
              && !(q == after && q + 1 < f->s_last && strcmp (tok (f, q)->lower, "signed") == 0
                   && (strcmp (tok (f, q + 1)->lower, "by") == 0 || strcmp (tok (f, q + 1)->lower, "today") == 0
                       || strcmp (tok (f, q + 1)->lower, "in") == 0 || strcmp (tok (f, q + 1)->lower, "on") == 0)))
            continue;
        }
      NkgMention *own = NULL;
      for (guint x = from; x < f->out->len; x++)
        {
          NkgMention *m = g_ptr_array_index (f->out, x);
          if (m->first == a && m->last == b && !m->nested)
            own = m;
          else if (m->first >= a && m->last <= b)
            m->nested = TRUE;
          else if (after == b + 3 && m->first == b + 1 && m->last == b + 2)
            acronym = (gint) x;
        }
      if (own && own->klass == NKG_CLASS_AGREEMENT)
        {
          i = b - 1;
          continue;
        }
      if (own && (own->klass == NKG_CLASS_PERSON || nkg_class_coarse (own->klass) == NKG_CLASS_PLACE))
        continue;
      if (own)
        own->klass = NKG_CLASS_AGREEMENT;
      else
        own = add_mention (f, a, b, NKG_CLASS_AGREEMENT, NKG_MENTION_NAME);
      guint own_index = 0;
      for (guint x = from; x < f->out->len; x++)
        if (g_ptr_array_index (f->out, x) == own)
          own_index = x;
      if (acronym >= 0)
        {
          NkgMention *ac = g_ptr_array_index (f->out, acronym);
          ac->alias_of = own_index;
          ac->klass = NKG_CLASS_AGREEMENT;
        }
      i = b - 1;
    }
}

/* "the State Visit of President X to Japan", "the Official Visit to Peru
 * by Prime Minister Y" (not "paid a State Visit to Peru"): a visit's name (patterns.txt visitname, after up
 * to two of visitmod) holds its visitor and host, each a name of its own
 * — whose "to" would otherwise join a title to a place ("X to Japan").
 * Adds the event and the names in it (and any name before it in the
 * chunk); FALSE when [a, b) names no visit. */
static gboolean
visit_chunk (Finder *f, guint a, guint b)
{
  for (guint v = a; v + 2 < b; v++)
    {
      const NkgToken *t = tok (f, v);
      const char *n = tok (f, v + 1)->lower;
      if (!(t->flags & NKG_TOK_CAP) || (strcmp (n, "of") != 0 && strcmp (n, "to") != 0 && strcmp (n, "by") != 0)
          || !NKG_TOK_IN_LIST ("visitname", t)
          || (!is_capital (tok (f, v + 2)) && strcmp (tok (f, v + 2)->lower, "the") != 0))
        continue;
      guint start = v;
      while (start > a && start + 2 > v && (tok (f, start - 1)->flags & NKG_TOK_CAP)
             && NKG_TOK_IN_LIST ("visitmod", tok (f, start - 1)))
        start--;
      /* (a Title Case headline: only a line that opens with the visit;
       * elsewhere only "the" visit is named: "paid a State Visit to
       * India" names none) */
      if (f->headline ? start > a : !(start > f->s_first && strcmp (tok (f, start - 1)->lower, "the") == 0))
        return FALSE;
      /* "Joint Statement on the Official Visit of …": what comes before */
      guint pre = start;
      while (pre > a && !is_capital (tok (f, pre - 1)))
        pre--;
      if (pre > a)
        process_chunk (f, a, pre);
      add_mention (f, start, b, NKG_CLASS_EVENT, NKG_MENTION_NAME);
      for (guint x = v + 2, y = v + 2; y <= b; y++)
        if (y == b || strcmp (tok (f, y)->text, "to") == 0 || strcmp (tok (f, y)->text, "by") == 0)
          {
            if (x < y && strcmp (tok (f, x)->lower, "the") == 0)
              x++;
            if (x < y)
              process_chunk (f, x, y);
            x = y + 1;
          }
      return TRUE;
    }
  return FALSE;
}

/* "the joint exercise Sea Guardian", "drills, codenamed Balikatan": a
 * name right after a lower-case word for a military exercise
 * (patterns.txt exerciseword), or after a word that names it
 * (namingword) with such a word just before, is the exercise's — no
 * place, date or person. */
static gboolean
exercise_named_before (const Finder *f, guint a, guint b)
{
  if (a <= f->s_first)
    return FALSE;
  /* the cue first: most names have none */
  guint k = a - 1;
  gboolean cue = FALSE;
  /* … before the name's opening quote: the joint exercise "Sea Guardian" */
  if (k > f->s_first && (tok (f, k)->flags & NKG_TOK_OPEN) && !is_word (tok (f, k)))
    k--;
  if (NKG_TOK_IN_LIST ("namingword", tok (f, k)) && k > f->s_first)
    {
      for (guint x = k; x-- > f->s_first && x + 4 >= k && !cue;)
        cue = is_word (tok (f, x)) && !(tok (f, x)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
              && NKG_TOK_IN_LIST ("exerciseword", tok (f, x));
    }
  else
    cue = is_word (tok (f, k)) && !(tok (f, k)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
          && NKG_TOK_IN_LIST ("exerciseword", tok (f, k));
  return cue && !((tok (f, a)->flags & NKG_TOK_UPPER) && b == a + 1) && !place_of (f, a, b, NULL)
         && !nkg_date_weekday (tok (f, a)->text) && !nkg_date_month (tok (f, a)->text)
         && !(roles (f, tok (f, a)) & (NKG_W_TITLE | NKG_W_HONORIFIC | NKG_W_STOPCAP));
}

/* A headline that is only a meeting's name, as official releases title
 * them ("Japan-Philippines Foreign Ministers' Meeting", "ASEAN-Japan
 * Summit"): the chunk [a, b) is the whole line, opens with a place or a
 * listed body (a pair of them joined by a hyphen), ends on an event head,
 * and has no other words than places, nationalities, title and remit
 * words, event heads, ordinals and patterns.txt's eventmod — no verb of a headline ("Trump Skips
 * G20 Summit"). */
static gboolean
headline_event (const Finder *f, guint a, guint b)
{
  if (a != f->s_first || b != f->s_last || b < a + 3 || !(roles (f, tok (f, b - 1)) & NKG_W_EVENT))
    return FALSE;
  guint e = a + 1;
  while (e < b && !(tok (f, e)->flags & NKG_TOK_DASH) && is_capital (tok (f, e)))
    e++;
  char buf[128];
  g_autofree char *heap = NULL;
  if (!place_of (f, a, e, NULL) && !nkg_lexicon_body (f->lex, nkg_segments_span_buf (f->seg, a, e, buf, sizeof buf, &heap)))
    return FALSE;
  for (guint i = e; i < b; i++)
    {
      const NkgToken *t = tok (f, i);
      if (!is_word (t) || (t->flags & NKG_TOK_NUM) || place_of (f, i, i + 1, NULL)
          || nkg_lexicon_demonym (f->lex, t->text) || nkg_lexicon_body (f->lex, t->text)
          || (roles (f, t) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO | NKG_W_EVENT | NKG_W_ORDINAL))
          || NKG_IN_LIST ("eventmod", t->lower))
        continue;
      return FALSE;
    }
  return head_class (f, a, b) == NKG_CLASS_EVENT;
}

/* A Title Case line (headline, section heading): most long words capitalised. */
static gboolean
is_headline_sentence (const Finder *f)
{
  guint words = 0, caps = 0;
  const NkgToken *last = tok (f, f->s_last - 1);
  const NkgToken *first = tok (f, f->s_first);
  /* Credit lines ("Reporting by A; Editing by B") name people. A line
   * that ends on a name's abbreviation ("… Gilberto Teodoro Jr.") has
   * its closing stop inside that word. */
  if (strcmp (last->text, ".") == 0 || (first->flags & NKG_TOK_DASH)
      || ((last->flags & NKG_TOK_ABBREV) && f->s_last - f->s_first > 6 && g_str_has_suffix (last->text, ".")) || !(first->flags & NKG_TOK_LINE)
      || strcmp (first->text, "(") == 0 || strcmp (first->lower, "reporting") == 0
      || strcmp (first->lower, "editing") == 0 || strcmp (first->lower, "writing") == 0
      || strcmp (first->lower, "by") == 0)
    return FALSE;
  for (guint i = f->s_first; i < f->s_last; i++)
    {
      const NkgToken *t = tok (f, i);
      if (!is_word (t) || (t->flags & NKG_TOK_NUM) || NKG_TOK_IN_LIST ("titlecasesmall", t))
        continue;
      words++;
      caps += (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) != 0;
    }
  /* "Foreign Minister X said:", "Quotes attributable to Minister Y:": a
   * line that leads into the quotation or list below it, with a word in
   * lower case, is a sentence, not a heading ("Key Outcomes:"). */
  if (caps < words && strcmp (last->text, ":") == 0)
    return FALSE;
  if (words < 3 || caps * 5 < words * 4)
    return FALSE;
  /* "In Manila: Maria Reyes, +63 2 …": a contact line, no heading (looked
   * for only in a line that would be one) */
  for (guint i = f->s_first; i + 1 < f->s_last; i++)
    {
      const char *x = tok (f, i)->text;
      if (x[0] == '+' && (g_ascii_isdigit (x[1]) || (!x[1] && (tok (f, i + 1)->flags & NKG_TOK_NUM))))
        return FALSE;
    }
  return TRUE;
}

static gint
by_position (gconstpointer a, gconstpointer b)
{
  const NkgMention *x = *(NkgMention *const *) a, *y = *(NkgMention *const *) b;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->last > y->last ? -1 : x->last < y->last;
}

/* "12th", "Fifth": an ordinal number or word. */
static gboolean
ordinal_token (const Finder *f, const NkgToken *o)
{
  return nkg_text_digit_ordinal (o->lower) || (roles (f, o) & NKG_W_ORDINAL) != 0;
}

/* "the 12th World Water Congress", "the Fifth Global Forum", "the 2024
 * Coral Islands Forum": a body's name after an ordinal or a year is one
 * session of it, a meeting. */
static void
numbered_meeting (Finder *f, NkgMention *m)
{
  if ((m->klass != NKG_CLASS_GOV_ORG && m->klass != NKG_CLASS_ORG) || m->kind != NKG_MENTION_NAME
      || m->first <= f->s_first)
    return;
  const char *head = tok (f, m->last - 1)->lower;
  /* "the 83rd United Nations General Assembly", "the 78th World Health
   * Assembly": a yearly assembly (patterns.txt sessionassembly), not a
   * legislature's term ("the 15th National Assembly") */
  gboolean session = strcmp (head, "assembly") == 0 && m->last >= m->first + 2
                     && NKG_TOK_IN_LIST ("sessionassembly", tok (f, m->last - 2));
  if (strcmp (head, "congress") != 0 && strcmp (head, "forum") != 0 && !session)
    return;
  const NkgToken *o = tok (f, m->first - 1);
  gboolean ordinal = ordinal_token (f, o);
  /* "the 2024 Pacific Islands Forum": a year before it, after "the",
   * names that year's session the same way */
  if (!ordinal && is_year (f, m->first - 1) && m->first - 1 > f->s_first
      && strcmp (tok (f, m->first - 2)->lower, "the") == 0)
    ordinal = TRUE;
  if (!ordinal)
    return;
  m->first--;
  m->klass = NKG_CLASS_EVENT;
  /* the session is named as written, not by the body's lexicon name */
  if (session)
    m->canonical = NULL;
  g_autofree char *raw = nkg_segments_span (f->seg, m->first, m->last);
  g_free (m->surface);
  m->surface = nkg_text_squeeze (raw);
}

/* "the 44th and 45th ASEAN Summits": a plural event head after two
 * ordinals joined by "and" names the editions held together, and those
 * ordinals are the name's (one edition's ordinal stays out of it). */
static void
coordinated_editions (Finder *f, NkgMention *m)
{
  const NkgToken *head = tok (f, m->last - 1);
  gsize n = strlen (head->lower);
  if (m->klass != NKG_CLASS_EVENT || m->kind != NKG_MENTION_NAME || m->first < f->s_first + 3 || n < 2
      || head->lower[n - 1] != 's' || !(roles (f, head) & NKG_W_EVENT) || !ordinal_token (f, tok (f, m->first - 1))
      || strcmp (tok (f, m->first - 2)->lower, "and") != 0 || !ordinal_token (f, tok (f, m->first - 3)))
    return;
  m->first -= 3;
  g_autofree char *raw = nkg_segments_span (f->seg, m->first, m->last);
  g_free (m->surface);
  m->surface = nkg_text_squeeze (raw);
}

/* "the 24th meeting of the Council of Heads of Government (Prime
 * Ministers) of the Member States of the X Organization": a body named
 * with a gloss in brackets of capitalised words (not an acronym alone),
 * then "of" and more of its name, names the session to that name's end.
 * Returns where the session's name ends: `last` when nothing follows so. */
static guint
session_gloss_end (const Finder *f, guint last)
{
  if (last + 4 >= f->s_last || strcmp (tok (f, last)->text, "(") != 0)
    return last;
  guint close = last + 1;
  while (close < f->s_last && close < last + 5 && is_word (tok (f, close)) && (tok (f, close)->flags & NKG_TOK_CAP))
    close++;
  if (close == last + 1 || close >= f->s_last || strcmp (tok (f, close)->text, ")") != 0
      || (close == last + 2 && (tok (f, last + 1)->flags & NKG_TOK_UPPER)) || strcmp (tok (f, close + 1)->lower, "of") != 0)
    return last;
  guint end = last, k = close + 1;
  while (k < f->s_last && is_word (tok (f, k))
         && ((tok (f, k)->flags & NKG_TOK_CAP) || strcmp (tok (f, k)->lower, "of") == 0 || strcmp (tok (f, k)->lower, "the") == 0))
    {
      if (tok (f, k)->flags & NKG_TOK_CAP)
        end = k + 1;
      k++;
    }
  return end > close + 1 ? end : last;
}

/* "the foreign ministers' meeting": where the lower-case title's plural
 * (with the remit words before it) that says who meets starts, for the
 * meeting's head word at `noun`; 0 when no such words come before it. */
static guint
who_meets (const Finder *f, guint noun)
{
  guint k = noun;
  if (k > f->s_first && (tok (f, k - 1)->flags & NKG_TOK_POSS) && !is_word (tok (f, k - 1)))
    k--;
  if (k <= f->s_first + 1)
    return 0;
  const NkgToken *t = tok (f, k - 1);
  const char *one = nkg_lexicon_title_singular (f->lex, t->lower);
  if (!is_word (t) || is_capital (t) || !(roles (f, t) & NKG_W_TITLE) || !one || strcmp (one, t->lower) == 0)
    return 0;
  k--;
  /* ("the" is a remit's word too: "Minister of the Interior") */
  while (k > f->s_first + 1 && is_word (tok (f, k - 1)) && !is_capital (tok (f, k - 1))
         && (roles (f, tok (f, k - 1)) & NKG_W_PORTFOLIO) && strcmp (tok (f, k - 1)->lower, "the") != 0)
    k--;
  return k;
}

/* "the 79th session of the United Nations General Assembly", "the fifth
 * meeting of the Andean Council": an ordinal, a meeting's head word (list
 * sessionnoun) and "of" before a body's name make one session of it, an
 * event; the body stays a name of its own. */
static void
numbered_session (Finder *f, const NkgMention *m)
{
  if (m->first < f->s_first + 3)
    return;
  /* "the 81st session of the Commission": a body's head alone, not yet typed */
  NkgClass k = m->klass == NKG_CLASS_NONE && m->kind == NKG_MENTION_NAME ? head_class (f, m->first, m->last) : m->klass;
  if (k != NKG_CLASS_GOV_ORG && k != NKG_CLASS_ORG)
    return;
  guint of = m->first - 1;
  if (strcmp (tok (f, of)->lower, "the") == 0)
    of--;
  if (of < f->s_first + 2 || strcmp (tok (f, of)->lower, "of") != 0 || !NKG_TOK_IN_LIST ("sessionnoun", tok (f, of - 1)))
    return;
  guint first = of - 2;
  /* "the annual ministerial meeting of the X Committee": a kind of
   * meeting between (list sessionkind) */
  if (first > f->s_first && NKG_TOK_IN_LIST ("sessionkind", tok (f, first)))
    first--;
  const NkgToken *o = tok (f, first);
  /* "the annual meeting of the X Council" names one session too */
  gboolean ordinal = ordinal_token (f, o) || NKG_TOK_IN_LIST ("sessionmod", o);
  /* … and so does "the foreign ministers' meeting of the X Organisation":
   * who meets, a title's plural, is the session's kind */
  guint who = who_meets (f, first + 1);
  if (!ordinal && who > f->s_first && strcmp (tok (f, who - 1)->lower, "the") == 0)
    {
      first = who;
      ordinal = TRUE;
    }
  /* … and so does "a special session of the X Council" */
  if (!ordinal && first + 3 == of && NKG_TOK_IN_LIST ("sessionmod", tok (f, first + 1)))
    {
      first++;
      ordinal = TRUE;
    }
  if (ordinal)
    add_mention (f, first, session_gloss_end (f, m->last), NKG_CLASS_EVENT, NKG_MENTION_NAME);
}

/* "ESCAP opened its 80th session", "the UN General Assembly's 79th
 * session": a body's numbered session named by "its" or "their" after
 * it, or by its possessive, is that body's, an event named "80th session
 * of ESCAP". */
static void
own_session (Finder *f, guint from)
{
  for (guint i = f->s_first + 1; i + 2 < f->s_last; i++)
    {
      gboolean poss = (tok (f, i)->flags & NKG_TOK_POSS) && !is_word (tok (f, i));
      /* "ADB's annual meeting", "the bank held its annual meeting": the
       * body's yearly session, named "ADB annual meeting" */
      gboolean yearly = NKG_TOK_IN_LIST ("sessionmod", tok (f, i + 1));
      if ((strcmp (tok (f, i)->lower, "its") != 0 && strcmp (tok (f, i)->lower, "their") != 0 && !poss)
          || !(ordinal_token (f, tok (f, i + 1)) || yearly) || !NKG_TOK_IN_LIST ("sessionnoun", tok (f, i + 2)))
        continue;
      const NkgMention *body = NULL;
      for (guint k = from; k < f->out->len; k++)
        {
          const NkgMention *m = g_ptr_array_index (f->out, k);
          if ((m->klass == NKG_CLASS_GOV_ORG || m->klass == NKG_CLASS_ORG) && (poss ? m->last == i : m->last <= i) && !m->nested
              && m->surface)
            body = m;
        }
      /* "X held its annual meeting": the body right before its verb */
      if (!body || (yearly && !poss && body->last + 2 < i))
        continue;
      NkgMention *ev = add_mention (f, i + 1, i + 3, NKG_CLASS_EVENT, NKG_MENTION_NAME);
      g_autofree char *span = nkg_segments_span (f->seg, i + 1, i + 3);
      g_free (ev->surface);
      ev->surface = yearly ? g_strdup_printf ("%s %s", body->surface, span) : g_strdup_printf ("%s of %s", span, body->surface);
    }
}

/* "a meeting of the East Sea Gas Forum", "members of the X Forum", "the X
 * Forum (XF), a regional body": a forum or conference that meets, has
 * members or is called a body is a standing body, not one meeting
 * (words.tsv: bodyevent heads, bodynoun appositions). */
static gboolean
event_is_body (Finder *f, NkgMention *m, guint *meeting)
{
  *meeting = G_MAXUINT;
  if (m->klass != NKG_CLASS_EVENT || m->kind != NKG_MENTION_NAME || !any_head (f, m->first, m->last, NKG_W_BODYEVENT))
    return FALSE;
  guint k = m->first;
  if (k > f->s_first && strcmp (tok (f, k - 1)->lower, "the") == 0)
    k--;
  if (k >= f->s_first + 2 && strcmp (tok (f, k - 1)->lower, "of") == 0)
    {
      const NkgToken *w = tok (f, k - 2);
      if ((!(w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || k - 2 == f->s_first)
          && (roles (f, w) & (NKG_W_MEET | NKG_W_BODYNOUN))
          && !(roles (f, w) & NKG_W_STOPCAP))
        {
          if (roles (f, w) & NKG_W_EVENT)
            *meeting = k - 2;
          return TRUE;
        }
    }
  /* an apposition, after an acronym in brackets */
  guint e = past_bracket (f, m->last, 2);
  if (e + 2 >= f->s_last || strcmp (tok (f, e)->text, ",") != 0
      || (strcmp (tok (f, e + 1)->lower, "a") != 0 && strcmp (tok (f, e + 1)->lower, "an") != 0))
    return FALSE;
  for (guint x = e + 2; x < f->s_last && x < e + 6; x++)
    {
      const NkgToken *w = tok (f, x);
      if (!is_word (w))
        return FALSE;
      if (roles (f, w) & NKG_W_BODYNOUN)
        return TRUE;
    }
  return FALSE;
}

/* Makes a body of every mention named as an event_is_body one, and of
 * their acronyms. */
static void
events_that_are_bodies (Finder *f)
{
  g_autoptr (GHashTable) bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = f->out->len; /* not the meetings added below */
  for (guint i = 0; i < n; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass == NKG_CLASS_EVENT && m->kind == NKG_MENTION_NAME)
        {
          f->s_first = g_array_index (f->seg->sentences, NkgSentence, m->sentence).first;
          f->s_last = g_array_index (f->seg->sentences, NkgSentence, m->sentence).last;
          guint meeting;
          if (!event_is_body (f, m, &meeting))
            continue;
          g_hash_table_add (bodies, nkg_text_key (m->surface));
          /* "a meeting of the X Forum" names that meeting too: "X Forum meeting" */
          if (meeting != G_MAXUINT)
            {
              f->sentence = m->sentence;
              NkgMention *ev = add_mention (f, meeting, m->last, NKG_CLASS_EVENT, NKG_MENTION_NAME);
              g_free (ev->surface);
              ev->surface = g_strconcat (m->surface, " ", tok (f, meeting)->lower, NULL);
            }
        }
    }
  if (!g_hash_table_size (bodies))
    return;
  for (guint i = 0; i < f->out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (f->out, i);
      if (m->klass != NKG_CLASS_EVENT)
        continue;
      NkgMention *named = m->alias_of >= 0 ? g_ptr_array_index (f->out, m->alias_of) : m;
      g_autofree char *key = nkg_text_key (named->surface);
      if (g_hash_table_contains (bodies, key))
        m->klass = NKG_CLASS_ORG;
    }
}


/* The start of up to three capitalised name words that end at `end`
 * ("Koshi", "North Central": compass words of patterns.txt side too);
 * `end` when none. */
static guint
name_words_before (const Finder *f, guint end)
{
  guint a = end;
  while (a > f->s_first && end - a < 3 && is_capital (tok (f, a - 1))
         && (looks_like_name_token (f, tok (f, a - 1)) || NKG_TOK_IN_LIST ("side", tok (f, a - 1))))
    a--;
  return a;
}

/* "Koshi and Madhesh provinces", "the North Central and Uva provinces":
 * each name before a plural head of regions (patterns.txt regionplural)
 * is a place named with the singular head ("Koshi Province"). */
static void
coordinated_regions (Finder *f, guint before)
{
  for (guint k = f->s_first + 3; k < f->s_last; k++)
    {
      const NkgToken *h = tok (f, k);
      if ((h->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) || !NKG_TOK_IN_LIST ("regionplural", h))
        continue;
      /* B: capitalised words right before the head; A: those before "and" */
      guint b0 = name_words_before (f, k);
      if (b0 == k || b0 < f->s_first + 2 || strcmp (tok (f, b0 - 1)->lower, "and") != 0)
        continue;
      guint a1 = b0 - 1, a0 = name_words_before (f, a1);
      if (a0 == a1 || (a0 == f->s_first && f->headline))
        continue;
      /* not words another mention of the sentence has typed; an untyped
       * name ("Koshi") on exactly one of the two spans is that place */
      guint spans[2][2] = { { a0, a1 }, { b0, k } };
      NkgMention *own[2] = { NULL, NULL };
      gboolean taken = FALSE;
      for (guint i = before; i < f->out->len && !taken; i++)
        {
          NkgMention *m = g_ptr_array_index (f->out, i);
          if (m->first > k || m->last <= a0)
            continue;
          guint s = m->first == a0 && m->last == a1 ? 0 : m->first == b0 && m->last == k ? 1 : 2;
          if (s == 2 || m->klass != NKG_CLASS_NONE || own[s])
            taken = TRUE;
          else
            own[s] = m;
        }
      if (taken)
        continue;
      gsize n = strlen (h->lower);
      g_autofree char *one = g_str_has_suffix (h->lower, "ies") ? g_strdup_printf ("%.*sy", (int) (n - 3), h->lower)
                                                                : g_strndup (h->lower, n - 1);
      one[0] = g_ascii_toupper (one[0]);
      for (guint s = 0; s < 2; s++)
        {
          NkgMention *m = own[s] ? own[s] : add_mention (f, spans[s][0], spans[s][1], NKG_CLASS_PLACE, NKG_MENTION_NAME);
          m->klass = NKG_CLASS_PLACE;
          char *named = g_strconcat (m->surface, " ", one, NULL);
          g_free (m->surface);
          m->surface = named;
        }
    }
}

/* "the Agreement between Japan and the Kingdom of Cambodia concerning
 * Reciprocal Access": the formal title of a treaty, a capitalised head
 * after "the" or "an", "between" and its parties (capitalised words, "and",
 * "the", "of", commas), then patterns.txt's capcomplement and a
 * capitalised subject (no place or date: "on Monday"), is one
 * agreement's name from the head to the end of its subject. */
static void
find_between_titles (Finder *f)
{
  for (guint h = f->s_first + 1; h + 4 < f->s_last; h++)
    {
      const NkgToken *t = tok (f, h);
      if (!(t->flags & NKG_TOK_CAP) || (t->flags & NKG_TOK_UPPER) || strcmp (tok (f, h + 1)->lower, "between") != 0
          || !(roles (f, t) & NKG_W_AGREEMENT)
          || !(NKG_TOK_IN_LIST ("definite", tok (f, h - 1)) || NKG_TOK_IN_LIST ("indefinite", tok (f, h - 1))))
        continue;
      guint c = h + 2;
      while (c < f->s_last && c < h + 24
             && (is_capital (tok (f, c)) || strcmp (tok (f, c)->lower, "and") == 0 || strcmp (tok (f, c)->lower, "the") == 0
                 || strcmp (tok (f, c)->lower, "of") == 0 || strcmp (tok (f, c)->text, ",") == 0))
        c++;
      if (c == h + 2 || c + 1 >= f->s_last || !is_capital (tok (f, c - 1)) || !NKG_TOK_IN_LIST ("capcomplement", tok (f, c)))
        continue;
      guint e = c + 1;
      if (strcmp (tok (f, e)->lower, "the") == 0)
        e++;
      guint end = e;
      while (end < f->s_last && (is_capital (tok (f, end))
                                 || ((strcmp (tok (f, end)->lower, "of") == 0 || strcmp (tok (f, end)->lower, "and") == 0
                                      || strcmp (tok (f, end)->lower, "on") == 0)
                                     && end + 1 < f->s_last && is_capital (tok (f, end + 1)))))
        end++;
      gboolean date = FALSE;
      for (guint i = e; i < end && !date; i++)
        date = nkg_date_weekday (tok (f, i)->text) || nkg_date_month (tok (f, i)->text);
      if (end == e || date || place_of (f, e, end, NULL))
        continue;
      add_mention (f, h, end, NKG_CLASS_AGREEMENT, NKG_MENTION_NAME);
      h = end;
    }
}

/* "the 2+2 dialogue of foreign and defence ministers", "their 2+2
 * talks": the format of a meeting of two ministers from each side, in
 * lower case, is an event — the "2+2", meeting modifiers (patterns.txt
 * eventmod), an event head and, after "of", the ministers who meet
 * (title and remit words ending on a title). */
static void
find_two_plus_two (Finder *f)
{
  for (guint i = f->s_first; i + 3 < f->s_last; i++)
    {
      const NkgToken *t = tok (f, i);
      if (!(t->flags & NKG_TOK_NUM) || strcmp (t->text, "2") != 0 || strcmp (tok (f, i + 1)->text, "+") != 0
          || strcmp (tok (f, i + 2)->text, "2") != 0 || (tok (f, i + 1)->flags & NKG_TOK_SPACE)
          || (tok (f, i + 2)->flags & NKG_TOK_SPACE))
        continue;
      guint h = i + 3;
      /* "the India-Japan 2+2 Ministerial Dialogue": the capitalised
       * event name right after it takes the format in */
      NkgMention *named = NULL;
      for (guint m = f->sentence_out; m < f->out->len && is_capital (tok (f, h)); m++)
        {
          NkgMention *o = g_ptr_array_index (f->out, m);
          if (o->first == h && o->klass == NKG_CLASS_EVENT && o->kind == NKG_MENTION_NAME)
            named = o;
        }
      if (named)
        {
          /* … and "India-Japan" before it: its places stay, nested */
          guint a = i;
          if (a >= f->s_first + 3 && is_capital (tok (f, a - 1)) && is_capital (tok (f, a - 3))
              && (tok (f, a - 2)->flags & NKG_TOK_DASH) && !(tok (f, a - 2)->flags & NKG_TOK_SPACE)
              && !(tok (f, a - 1)->flags & NKG_TOK_SPACE))
            a -= 3;
          for (guint m = f->sentence_out; m < f->out->len; m++)
            {
              NkgMention *o = g_ptr_array_index (f->out, m);
              if (o != named && o->first >= a && o->last <= i)
                o->nested = TRUE;
            }
          named->first = named->cue_first = a;
          named->canonical = NULL;
          extend_mention (f, named, named->last);
          i = named->last;
          continue;
        }
      /* "the Australia-Japan 2+2 Dialogue": one capitalised event head
       * alone after it, no name of its own, names the meeting with the
       * format (and "Australia-Japan" before it, its places nested) */
      if (is_capital (tok (f, h)) && is_word (tok (f, h)) && (roles (f, tok (f, h)) & NKG_W_EVENT)
          && (h + 1 >= f->s_last || !is_capital (tok (f, h + 1))))
        {
          guint a = i;
          if (a >= f->s_first + 3 && is_capital (tok (f, a - 1)) && is_capital (tok (f, a - 3))
              && (tok (f, a - 2)->flags & NKG_TOK_DASH) && !(tok (f, a - 2)->flags & NKG_TOK_SPACE)
              && !(tok (f, a - 1)->flags & NKG_TOK_SPACE))
            a -= 3;
          gboolean taken = FALSE;
          for (guint m = f->sentence_out; m < f->out->len; m++)
            {
              NkgMention *o = g_ptr_array_index (f->out, m);
              if (o->first >= a && o->last <= i)
                o->nested = TRUE;
              else if (o->first <= h && h < o->last)
                taken = TRUE;
            }
          if (!taken)
            add_mention (f, a, h + 1, NKG_CLASS_EVENT, NKG_MENTION_NAME);
          i = h;
          continue;
        }
      while (h < f->s_last && is_word (tok (f, h)) && !is_capital (tok (f, h)) && NKG_IN_LIST ("eventmod", tok (f, h)->lower))
        h++;
      if (h >= f->s_last || is_capital (tok (f, h)) || !is_word (tok (f, h)) || !(roles (f, tok (f, h)) & NKG_W_EVENT))
        continue;
      guint end = h + 1;
      if (end + 1 < f->s_last && strcmp (tok (f, end)->lower, "of") == 0)
        {
          guint k = end + 1;
          while (k < f->s_last && k < end + 8 && is_word (tok (f, k)) && !is_capital (tok (f, k))
                 && ((roles (f, tok (f, k)) & (NKG_W_TITLEMOD | NKG_W_PORTFOLIO)) || strcmp (tok (f, k)->lower, "and") == 0))
            k++;
          if (k < f->s_last && k > end + 1 && is_word (tok (f, k)) && !is_capital (tok (f, k)) && (roles (f, tok (f, k)) & NKG_W_TITLE))
            end = k + 1;
        }
      gboolean covered = FALSE;
      for (guint m = f->sentence_out; m < f->out->len && !covered; m++)
        {
          const NkgMention *o = g_ptr_array_index (f->out, m);
          covered = o->first <= h && h < o->last && o->klass == NKG_CLASS_EVENT;
        }
      if (!covered)
        add_mention (f, i, end, NKG_CLASS_EVENT, NKG_MENTION_NAME);
      i = end;
    }
}

/* Tokens [a, b) name an event, unless another mention overlaps them: the
 * mention of the one word `word` alone ("Expo", "AMEM"), if any, becomes
 * that name, else a new one does. Returns whether it named them. */
static gboolean
name_event_span (Finder *f, guint a, guint b, guint word)
{
  NkgMention *own = NULL;
  for (guint k = f->sentence_out; k < f->out->len; k++)
    {
      NkgMention *o = g_ptr_array_index (f->out, k);
      if (o->first == word && o->last == word + 1)
        own = o;
      else if (o->first < b && a < o->last)
        return FALSE;
    }
  if (!own)
    own = add_mention (f, a, b, NKG_CLASS_EVENT, NKG_MENTION_NAME);
  own->first = own->cue_first = a;
  own->last = b;
  own->klass = NKG_CLASS_EVENT;
  own->kind = NKG_MENTION_NAME;
  own->canonical = NULL;
  own->alias_of = -1;
  g_autofree char *raw = nkg_segments_span (f->seg, a, b);
  g_free (own->surface);
  own->surface = nkg_text_squeeze (raw);
  return TRUE;
}

/* "at Expo 2031 in Quito": an event's head word standing alone with a
 * capital, then a year (token j), is that year's edition, an event named
 * so (a name before the head is already the event's: "the World Expo"). */
static gboolean
year_edition (Finder *f, guint j)
{
  const NkgToken *y = tok (f, j), *t = tok (f, j - 1);
  return (y->text[0] == '1' || y->text[0] == '2') && g_ascii_isdigit (y->text[1]) && g_ascii_isdigit (y->text[2])
         && g_ascii_isdigit (y->text[3]) && y->text[4] == '\0' && is_capital (t) && (roles (f, t) & NKG_W_EVENT)
         && (j - 1 == f->s_first || !is_capital (tok (f, j - 2))) && name_event_span (f, j - 1, j + 1, j - 1);
}

/* "the 22nd AMEM+3": a numbered meeting's acronym with the partners it
 * adds ("+3", written close, the number at token j) is that meeting with
 * them, one session, an event named so. */
static gboolean
plus_session (Finder *f, guint j)
{
  const NkgToken *n = tok (f, j), *plus = tok (f, j - 1), *a = tok (f, j - 2);
  return plus->text[0] == '+' && plus->text[1] == '\0' && !(plus->flags & NKG_TOK_SPACE) && !(n->flags & NKG_TOK_SPACE)
         && is_word (a) && (a->flags & NKG_TOK_UPPER) && ordinal_token (f, tok (f, j - 3))
         && name_event_span (f, j - 3, j + 1, j - 2);
}

/* Names that end on a number (year_edition, plus_session): one look at
 * each token's flags finds the few numbers. */
static void
find_numbered_names (Finder *f)
{
  for (guint j = f->s_first + 1; j < f->s_last; j++)
    if ((tok (f, j)->flags & NKG_TOK_NUM) && !year_edition (f, j) && j >= f->s_first + 3)
      plus_session (f, j);
}

GPtrArray *
nkg_mentions_find (const NkgLexicon *lexicon, const NkgSegments *seg)
{
  /* (the tables' keys and values are in the arena: 80,000 of them per
   * 2,304 real articles, no malloc and free each) */
  g_autoptr (NkgArena) memo = nkg_arena_new ();
  NkgStrMemo *places = places_take ();
  g_autoptr (GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  guint32 article;
  SpanSlot *span_memo = span_memo_take ((gsize) seg->tokens->len * SPAN_MEMO, &article);
  Finder f = { lexicon, seg, g_ptr_array_new_with_free_func (mention_free), 0, 0, 0, FALSE, FALSE, 0, places, named, 0, span_memo, article, NULL, memo };
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
      f.sentence = s;
      f.s_first = sent->first;
      f.s_last = sent->last;
      f.headline = is_headline_sentence (&f);
      guint before = f.out->len;
      f.sentence_out = before;
      find_chunks (&f);
      find_between_titles (&f);
      find_two_plus_two (&f);
      find_numbered_names (&f);
      find_descriptions (&f);
      agreement_year_tails (&f, before);
      agreement_works_tails (&f, before);
      agreement_possessive_tails (&f, before);
      agreement_version_heads (&f, before);
      agreement_signed_for_tails (&f, before);
      agreement_years_tails (&f, before);
      coordinated_regions (&f, before);
      signed_names (&f, before);
      bind_acronyms_to_descriptions (&f, before);
      organ_after_acronym (&f, before);
      styled_aliases (&f, before);
      for (guint i = before; i < f.out->len; i++)
        {
          numbered_meeting (&f, g_ptr_array_index (f.out, i));
          coordinated_editions (&f, g_ptr_array_index (f.out, i));
        }
      for (guint i = before, n = f.out->len; i < n; i++)
        numbered_session (&f, g_ptr_array_index (f.out, i));
      own_session (&f, before);
    }
  events_that_are_bodies (&f);
  g_clear_pointer (&f.pending, g_ptr_array_unref);
  /* Mentions are appended in order of chunk start, but a chunk's pieces can
   * come out of order; a stable global sort fixes that. alias_of indices
   * are remapped through the permutation. */
  GPtrArray *out = f.out;
  g_autofree guint *old_index = g_new (guint, out->len);
  for (guint i = 0; i < out->len; i++)
    ((NkgMention *) g_ptr_array_index (out, i))->cluster = i;
  g_ptr_array_sort (out, by_position);
  for (guint i = 0; i < out->len; i++)
    old_index[((NkgMention *) g_ptr_array_index (out, i))->cluster] = i;
  for (guint i = 0; i < out->len; i++)
    {
      NkgMention *m = g_ptr_array_index (out, i);
      m->cluster = -1;
      if (m->alias_of >= 0)
        m->alias_of = old_index[m->alias_of];
      if (m->title_org >= 0)
        m->title_org = old_index[m->title_org];
    }
  return out;
}
