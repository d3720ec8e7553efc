/* listed.c — agreements listed as "KIND between A and B on TOPIC".
 *
 * Governments publish the outcomes of a visit as a list, one agreement a
 * line: "Memorandum of Cooperation between the Ministry of X of Kenya and
 * the Ministry of Y of Chad on fish farming." Each line is an agreement of
 * its own, told apart by its topic; it is named as an unnamed agreement is
 * ("MoU on fish farming", eval/GOLD.md), and set apart (`distinct`) so that
 * coref never joins it to the article's main agreement or to the next
 * line's. The words are data/patterns.txt lists: `agreementside` (the
 * word before the parties), `topicprep` (the word before the topic),
 * `topicnow` (topic words that may follow the head at once: "Exchange of
 * Notes concerning …"), `topicend` (words that end the topic), `partyjoin` (lower-case words
 * that may stand between the parties besides names). */
#include "listed.h"

#include <string.h>

#include "dates.h"
#include "mentions.h"
#include "patterns.h"
#include "textutil.h"

/* Whether token i lies inside a mention (sorted by first token), after
 * its first token, or (`from_first`) anywhere in it. */
static gboolean
in_mention (const GPtrArray *mentions, guint i, gboolean from_first)
{
  guint lo = 0, hi = mentions->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (((NkgMention *) g_ptr_array_index (mentions, mid))->first <= i)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* mentions [0, lo) start at or before i; names are short */
  for (guint k = lo, n = 0; k-- > 0 && n < 16; n++)
    {
      const NkgMention *m = g_ptr_array_index (mentions, k);
      if ((m->first < i || (from_first && m->first == i)) && i < m->last)
        return TRUE;
    }
  return FALSE;
}

/* "on cooperation in ocean research", "… in the field of youth affairs":
 * the "in" at k goes on with the topic when a lower-case word follows it
 * other than "the", or "the" and a word of the list topicfield; "in Lima",
 * "in the presence of" end it. */
static gboolean
in_field (const NkgSegments *seg, guint k, guint s_last)
{
  if (strcmp (nkg_tok (seg, k)->lower, "in") != 0 || k + 2 >= s_last)
    return FALSE;
  const NkgToken *n = nkg_tok (seg, k + 1);
  if (!(n->flags & NKG_TOK_WORD) || (n->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM)))
    return FALSE;
  if (strcmp (n->lower, "the") != 0)
    return TRUE;
  return NKG_TOK_IN_LIST ("topicfield", nkg_tok (seg, k + 2));
}

gboolean
nkg_listed_topic (const NkgSegments *seg, const GPtrArray *mentions, guint after, guint s_last, gboolean item,
                  guint *prep, guint *end)
{
  if (after >= s_last)
    return FALSE;
  const NkgToken *t = nkg_tok (seg, after);
  guint p = 0;
  if (NKG_TOK_IN_LIST ("topicnow", t) || (item && NKG_TOK_IN_LIST ("topicprep", t)))
    p = after;
  else if (NKG_TOK_IN_LIST ("agreementside", t))
    {
      /* the parties, then the word before the topic */
      guint plain = 0; /* lower-case words among them */
      gboolean named = FALSE, plain_after_name = FALSE;
      for (guint j = after + 2; j < s_last && j < after + 40 && !p; j++)
        {
          const NkgToken *w = nkg_tok (seg, j);
          /* only names and the words that join them stand before "on"
           * or "for": "between China and Fiji and said it leaves the
           * door open for …" has no topic; "concerning" may follow any
           * few words ("between the coast guards of both countries
           * concerning …"); lower-case words that only describe the
           * names that follow ("between the national railway companies
           * A and B on …") leave the names the parties */
          if (NKG_TOK_IN_LIST ("topicprep", w) && !in_mention (mentions, j, FALSE)
              && (!plain || NKG_TOK_IN_LIST ("topicnow", w)
                  || (!plain_after_name && (nkg_tok (seg, j - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))))
            p = j;
          else if (!(w->flags & NKG_TOK_WORD)
                   && !(strcmp (w->text, ",") == 0 || strcmp (w->text, "(") == 0 || strcmp (w->text, ")") == 0
                        || (w->flags & NKG_TOK_DASH)))
            return FALSE;
          else if ((w->flags & NKG_TOK_WORD) && !(w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
                   && !NKG_TOK_IN_LIST ("partyjoin", w) && !in_mention (mentions, j, TRUE))
            {
              plain_after_name |= named;
              if (++plain > 6)
                return FALSE;
            }
          else if (w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
            named = TRUE;
        }
    }
  if (!p || p + 1 >= s_last)
    return FALSE;
  /* "between A and B on Monday", "on 3 March": when, not what */
  const NkgToken *first = nkg_tok (seg, p + 1);
  if ((first->flags & NKG_TOK_NUM) || nkg_date_weekday (first->text) || nkg_date_month (first->text)
      || !(first->flags & NKG_TOK_WORD))
    return FALSE;
  guint k = p + 1;
  while (k < s_last && k < p + 15)
    {
      const NkgToken *w = nkg_tok (seg, k);
      gboolean joined_dash = (w->flags & NKG_TOK_DASH) && !(w->flags & NKG_TOK_SPACE);
      if (!(w->flags & NKG_TOK_WORD) && !joined_dash)
        break;
      if (k > p + 1 && (NKG_TOK_IN_LIST ("topicend", w) || nkg_date_weekday (w->text))
          && !in_field (seg, k, s_last))
        break;
      k++;
    }
  if (k <= p + 1)
    return FALSE;
  *prep = p;
  *end = k;
  return TRUE;
}

/* Puts `order` (len `total`: the kept and new mentions, by position, then
 * the ones that go) into `mentions`, whose own free function frees the
 * `total - keep` that go. Indices kept on mentions must be remapped
 * already. One pass, however many mentions come or go. */
static void
reorder (GPtrArray *mentions, gpointer *order, guint total, guint keep)
{
  if (mentions->len < total)
    g_ptr_array_set_size (mentions, total);
  memcpy (mentions->pdata, order, total * sizeof (gpointer));
  g_ptr_array_set_size (mentions, keep);
}

/* "Agreement between …" opening its line: a bare capitalised head that no
 * mention covers (`next`: the sentence's first mention). Returns a new
 * mention, not yet in `mentions`, or NULL. */
static NkgMention *
bare_head (const NkgLexicon *lex, const NkgSegments *seg, const GPtrArray *mentions, guint s, guint next)
{
  const NkgSentence *x = &g_array_index (seg->sentences, NkgSentence, s);
  /* after a bullet or a number: "- Agreement between …", "(ii) MoU …" */
  guint h = x->first;
  while (h < x->last && h < x->first + 3 && !(nkg_tok (seg, h)->flags & NKG_TOK_CAP)
         && (!(nkg_tok (seg, h)->flags & NKG_TOK_WORD) || (nkg_tok (seg, h)->flags & NKG_TOK_NUM)))
    h++;
  const NkgToken *t = nkg_tok (seg, h);
  if (h + 2 >= x->last || !(t->flags & NKG_TOK_CAP)
      || !(nkg_lexicon_word (lex, t->lower) & NKG_W_AGREEMENT) || g_str_has_suffix (t->lower, "s")
      || !NKG_TOK_IN_LIST ("agreementside", nkg_tok (seg, h + 1)))
    return NULL;
  guint at = next;
  while (at < mentions->len && ((NkgMention *) g_ptr_array_index (mentions, at))->first < h)
    at++;
  if (at < mentions->len && ((NkgMention *) g_ptr_array_index (mentions, at))->first == h)
    return NULL;
  NkgMention *m = g_new0 (NkgMention, 1);
  m->first = h;
  m->last = h + 1;
  m->sentence = s;
  m->klass = NKG_CLASS_AGREEMENT;
  m->kind = NKG_MENTION_DESCRIPTION;
  m->surface = g_strdup (t->text);
  m->title_org = -1;
  m->cue_first = h;
  m->cluster = -1;
  m->alias_of = -1;
  m->fallback = NKG_CLASS_NONE;
  m->in_quote = (t->flags & NKG_TOK_INQUOTE) != 0;
  return m;
}

/* Adds the bare heads of every sentence, merged by position. */
static void
add_bare_heads (const NkgLexicon *lex, const NkgSegments *seg, GPtrArray *mentions)
{
  g_autoptr (GPtrArray) added = g_ptr_array_new ();
  guint next = 0;
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      const NkgSentence *x = &g_array_index (seg->sentences, NkgSentence, s);
      while (next < mentions->len && ((NkgMention *) g_ptr_array_index (mentions, next))->first < x->first)
        next++;
      NkgMention *m = bare_head (lex, seg, mentions, s, next);
      if (m)
        g_ptr_array_add (added, m);
    }
  if (!added->len)
    return;
  guint n = mentions->len, total = n + added->len;
  g_autofree gpointer *order = g_new (gpointer, total);
  g_autofree gint *to = g_new (gint, n);
  for (guint i = 0, j = 0, k = 0; k < total; k++)
    {
      gboolean take_new = j < added->len
                          && (i >= n || ((NkgMention *) g_ptr_array_index (added, j))->first
                                            < ((NkgMention *) g_ptr_array_index (mentions, i))->first);
      if (take_new)
        order[k] = g_ptr_array_index (added, j++);
      else
        {
          to[i] = (gint) k;
          order[k] = g_ptr_array_index (mentions, i++);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      NkgMention *o = g_ptr_array_index (mentions, i);
      if (o->alias_of >= 0)
        o->alias_of = to[o->alias_of];
      if (o->title_org >= 0)
        o->title_org = to[o->title_org];
    }
  reorder (mentions, order, total, total);
}

/* Words [a, b) of a portfolio in a list: one to three capitalised words
 * that are no place, nationality or title. */
static gboolean
portfolio_words (const NkgLexicon *lex, const NkgSegments *seg, guint a, guint b)
{
  if (a >= b || b - a > 3)
    return FALSE;
  for (guint i = a; i < b; i++)
    {
      const NkgToken *t = nkg_tok (seg, i);
      if (!(t->flags & NKG_TOK_WORD) || !(t->flags & NKG_TOK_CAP) || nkg_lexicon_place (lex, t->text, NULL)
          || nkg_lexicon_demonym (lex, t->text) || (nkg_lexicon_word (lex, t->lower) & (NKG_W_TITLE | NKG_W_SIGN | NKG_W_GOVORG | NKG_W_ORG))
          || NKG_TOK_IN_LIST ("partyjoin", t))
        return FALSE;
    }
  return TRUE;
}

/* "the Ministry of Land, Infrastructure and Transport (of Japan)": a
 * body's name that lists its portfolios is cut at the first comma by the
 * mention finder; the list, and a country after it, belong to the name.
 * Returns the token after the name, or 0. */
static guint
portfolio_list_end (const NkgLexicon *lex, const NkgSegments *seg, const NkgMention *m, guint s_last)
{
  if (m->first + 3 > m->last || m->last + 3 >= s_last || strcmp (nkg_tok (seg, m->last)->text, ",") != 0)
    return 0;
  const char *of = nkg_tok (seg, m->last - 2)->lower;
  if (!(nkg_lexicon_word (lex, nkg_tok (seg, m->first)->lower) & (NKG_W_GOVORG | NKG_W_ORG))
      || (strcmp (of, "of") != 0 && strcmp (of, "for") != 0))
    return 0;
  guint i = m->last;
  while (i < s_last && strcmp (nkg_tok (seg, i)->text, ",") == 0)
    {
      guint w = i + 1;
      /* ", and" ends a list; right after the name it is another item
       * of a list the name is in ("Ministry of X, and Y Z, Ambassador") */
      if (w < s_last && strcmp (nkg_tok (seg, w)->lower, "and") == 0)
        {
          if (i == m->last)
            return 0;
          i = w;
          break;
        }
      guint e = w;
      while (e < s_last && e < w + 3 && (nkg_tok (seg, e)->flags & NKG_TOK_CAP))
        e++;
      if (!portfolio_words (lex, seg, w, e))
        return 0;
      i = e;
    }
  if (i >= s_last || strcmp (nkg_tok (seg, i)->lower, "and") != 0)
    return 0;
  guint w = i + 1, e = w;
  while (e < s_last && e < w + 3 && (nkg_tok (seg, e)->flags & NKG_TOK_CAP))
    e++;
  if (!portfolio_words (lex, seg, w, e) || (e < s_last && (nkg_tok (seg, e)->flags & NKG_TOK_CAP)))
    return 0;
  /* "… of Japan" */
  NkgPlace place;
  if (e + 1 < s_last && strcmp (nkg_tok (seg, e)->lower, "of") == 0 && nkg_lexicon_place (lex, nkg_tok (seg, e + 1)->text, &place)
      && place.klass == NKG_CLASS_COUNTRY)
    e += 2;
  return e;
}

/* Joins such a list to its body's name; the mentions inside go. */
static void
join_portfolio_lists (const NkgLexicon *lex, const NkgSegments *seg, GPtrArray *mentions)
{
  guint n = mentions->len, gone_n = 0;
  g_autofree gint *owner = g_new (gint, n); /* -1: kept; else the name it went into */
  for (guint k = 0; k < n; k++)
    owner[k] = -1;
  for (guint k = 0; k < n; k++)
    {
      NkgMention *m = g_ptr_array_index (mentions, k);
      const NkgSentence *x = &g_array_index (seg->sentences, NkgSentence, m->sentence);
      if (owner[k] >= 0 || m->kind != NKG_MENTION_NAME || m->in_quote)
        continue;
      guint end = portfolio_list_end (lex, seg, m, x->last);
      if (!end)
        continue;
      guint gone = 0;
      while (k + 1 + gone < n && ((NkgMention *) g_ptr_array_index (mentions, k + 1 + gone))->first < end)
        gone++;
      /* nothing inside reaches past the new end */
      if (gone && ((NkgMention *) g_ptr_array_index (mentions, k + gone))->last > end)
        continue;
      for (guint g = 1; g <= gone; g++)
        owner[k + g] = (gint) k;
      gone_n += gone;
      m->last = end;
      g_autofree char *raw = nkg_segments_span (seg, m->first, end);
      g_free (m->surface);
      m->surface = nkg_text_squeeze (raw);
      k += gone;
    }
  if (!gone_n)
    return;
  g_autofree gint *to = g_new (gint, n);
  g_autofree gpointer *order = g_new (gpointer, n);
  guint keep = 0, tail = n - gone_n;
  for (guint i = 0; i < n; i++)
    {
      to[i] = owner[i] >= 0 ? -1 : (gint) keep;
      if (owner[i] >= 0)
        order[tail++] = g_ptr_array_index (mentions, i);
      else
        order[keep++] = g_ptr_array_index (mentions, i);
    }
  for (guint i = 0; i < n; i++)
    {
      NkgMention *o = g_ptr_array_index (mentions, i);
      if (owner[i] >= 0)
        continue;
      if (o->alias_of >= 0)
        o->alias_of = to[o->alias_of];
      /* "Minister of X, Y and Z": the employer is the whole name */
      if (o->title_org >= 0)
        o->title_org = owner[o->title_org] >= 0 ? to[owner[o->title_org]] : to[o->title_org];
    }
  reorder (mentions, order, n, keep);
}

/* Whether tokens [a, b) are only a number or a bullet: "1.", "(ii)", "-". */
static gboolean
bullet_only (const NkgSegments *seg, guint a, guint b)
{
  if (a >= b || b > a + 3)
    return FALSE;
  for (guint h = a; h < b; h++)
    {
      const NkgToken *t = nkg_tok (seg, h);
      if ((t->flags & NKG_TOK_WORD) && !(t->flags & NKG_TOK_NUM))
        return FALSE;
    }
  return TRUE;
}

/* Whether mention m opens a numbered or bulleted line, sentence s:
 * "1. Memorandum of Understanding on …", "- Agreement on …" (the number
 * may stand as a sentence of its own). */
static gboolean
opens_item (const NkgSegments *seg, guint s, const NkgMention *m)
{
  const NkgSentence *x = &g_array_index (seg->sentences, NkgSentence, s);
  if (m->kind != NKG_MENTION_NAME)
    return FALSE;
  if (m->first > x->first)
    return bullet_only (seg, x->first, m->first);
  const NkgSentence *w = s > 0 ? &g_array_index (seg->sentences, NkgSentence, s - 1) : NULL;
  return m->first == x->first && w && w->last == x->first && bullet_only (seg, w->first, w->last);
}

void
nkg_listed_agreements (const NkgLexicon *lexicon, const NkgSegments *seg, GPtrArray *mentions)
{
  join_portfolio_lists (lexicon, seg, mentions);
  add_bare_heads (lexicon, seg, mentions);
  guint next = 0; /* first mention of the sentence */
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      const NkgSentence *x = &g_array_index (seg->sentences, NkgSentence, s);
      while (next < mentions->len && ((NkgMention *) g_ptr_array_index (mentions, next))->first < x->first)
        next++;
      for (guint k = next; k < mentions->len; k++)
        {
          NkgMention *m = g_ptr_array_index (mentions, k);
          if (m->first >= x->last)
            break;
          guint prep, end;
          if (m->klass != NKG_CLASS_AGREEMENT || m->nested || m->generic || m->in_quote
              || (m->kind == NKG_MENTION_DESCRIPTION && g_str_has_suffix (m->surface, "s")) || strstr (m->surface, " on ")
              || !nkg_listed_topic (seg, mentions, m->last, x->last, opens_item (seg, s, m), &prep, &end))
            continue;
          /* "an MoU between …": the article is no part of the name */
          g_autofree char *head = g_strdup (m->surface);
          if (g_str_has_prefix (head, "an ") || g_str_has_prefix (head, "An "))
            memmove (head, head + 3, strlen (head + 3) + 1);
          else if (g_str_has_prefix (head, "a ") || g_str_has_prefix (head, "A "))
            memmove (head, head + 2, strlen (head + 2) + 1);
          g_autofree char *raw = nkg_segments_span (seg, prep + 1, end);
          g_autofree char *topic = nkg_text_squeeze (raw);
          g_autofree char *whole = nkg_segments_span (seg, m->last, end);
          g_autofree char *joined = g_strconcat (head, " ", whole, NULL);
          g_free (m->written);
          m->written = nkg_text_squeeze (joined);
          g_free (m->surface);
          m->surface = g_strconcat (head, " on ", topic, NULL);
          m->distinct = TRUE;
          m->listed = TRUE;
        }
    }
}
