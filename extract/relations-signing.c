/* relations-signing.c — who signed what, where and when
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "textutil.h"

/* ---------------------------------------------------------------- signing */

/* "will sign", "set to sign", "plans to sign", "not sign": not a signing. */
gboolean
nkg_rel_is_planned (const Ctx *c, guint v)
{
  for (guint k = v; k > c->first && v - k < 3; k--)
    {
      guint r = nkg_rel_roles (c, k - 1);
      if (r & NKG_W_FUTURE)
        return TRUE;
      if (!(nkg_rel_tok (c, k - 1)->flags & NKG_TOK_WORD))
        break;
    }
  return FALSE;
}

gboolean
nkg_rel_is_passive (const Ctx *c, guint v)
{
  for (guint k = v; k > c->first && v - k < 3; k--)
    {
      const char *w = nkg_rel_tok (c, k - 1)->lower;
      if (strcmp (w, "was") == 0 || strcmp (w, "were") == 0 || strcmp (w, "been") == 0
          || strcmp (w, "be") == 0 || strcmp (w, "is") == 0 || strcmp (w, "are") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a number token is a day of the month as written before its
 * month: "27", "9th", "1st", "22nd", "3rd". */
static gboolean
day_or_ordinal (const char *w)
{
  gsize digits = 0;
  while (g_ascii_isdigit (w[digits]))
    digits++;
  if (digits < 1 || digits > 2)
    return FALSE;
  const char *rest = w + digits;
  return !*rest || strcmp (rest, "st") == 0 || strcmp (rest, "nd") == 0 || strcmp (rest, "rd") == 0
         || strcmp (rest, "th") == 0;
}

/* A date starting at token i: "October 27", "27 October", with its own
 * year when it gives one, else the article's. */
gboolean
nkg_rel_day_month_at (const Ctx *c, guint i, char out[11])
{
  if (i + 1 >= c->last)
    return FALSE;
  const NkgToken *t = nkg_rel_tok (c, i), *n = nkg_rel_tok (c, i + 1);
  guint mo = 0, day = 0;
  if ((t->flags & NKG_TOK_CAP) && (n->flags & NKG_TOK_NUM))
    {
      mo = nkg_date_month (t->text);
      day = atoi (n->text);
    }
  else if ((t->flags & NKG_TOK_NUM) && (n->flags & NKG_TOK_CAP) && day_or_ordinal (t->text))
    {
      mo = nkg_date_month (n->text);
      day = atoi (t->text);
    }
  if (!mo || day < 1 || day > 31)
    return FALSE;
  /* An explicit year wins over the article's. */
  g_autofree char *rest = nkg_segments_span (c->in->seg, i, MIN (c->last, i + 4));
  gsize s, e;
  if (nkg_date_find (rest, out, &s, &e) && s == 0)
    return TRUE;
  return nkg_date_month_day (c->in->date, mo, day, out);
}

/* The first token of the sentence's own words (after a dateline's dash)
 * and the day weekdays count back from (the dateline's, else the
 * article's). */
static const char *
sentence_date_start (const Ctx *c, guint *from, char filed[11])
{
  /* "PUERTO LA CRUZ, Venezuela (June 30, 2005) — … on Wednesday": the
   * dateline's date is the article's, not the event's; start after its
   * dash. */
  *from = c->first;
  filed[0] = 0;
  for (guint k = 0; k < c->here->len; k++)
    if (nkg_rel_mention (c, g_array_index (c->here, guint, k))->dateline)
      {
        for (guint i = c->first; i < c->last && i < c->first + 16; i++)
          if ((nkg_rel_tok (c, i)->flags & NKG_TOK_DASH) && (nkg_rel_tok (c, i)->flags & NKG_TOK_SPACE))
            {
              *from = i + 1;
              break;
            }
        /* the day it was filed: weekdays count back from it */
        g_autofree char *head = *from > c->first ? nkg_segments_span (c->in->seg, c->first, *from) : NULL;
        gsize s0, e0;
        if (head && !nkg_date_find (head, filed, &s0, &e0))
          filed[0] = 0;
        break;
      }
  return *filed ? filed : c->in->date;
}

/* The first weekday, "today" or "Month D" from token `from` on, up to the
 * sentence's end or, with `clause`, its next comma or semicolon. */
static gboolean
date_from (const Ctx *c, guint from, const char *ref, gboolean clause, char out[11])
{
  for (guint i = from; i < c->last; i++)
    {
      const NkgToken *t = nkg_rel_tok (c, i);
      if (clause && (strcmp (t->text, ",") == 0 || strcmp (t->text, ";") == 0))
        break;
      if (t->flags & NKG_TOK_INQUOTE)
        continue;
      /* (a weekday counts capitalised only: the others are not asked) */
      guint wd = (t->flags & NKG_TOK_CAP) ? nkg_date_weekday (t->text) : 0;
      if (wd && nkg_date_weekday_before (ref, wd, out))
        return TRUE;
      /* "today", "this afternoon" */
      if (ref && (strcmp (t->lower, "today") == 0
                  || (strcmp (t->lower, "this") == 0 && i + 1 < c->last && NKG_TOK_IN_LIST ("thisdaypart", nkg_rel_tok (c, i + 1)))))
        {
          g_strlcpy (out, ref, 11);
          return TRUE;
        }
      if (nkg_rel_day_month_at (c, i, out))
        return TRUE;
    }
  return FALSE;
}

/* Resolves a weekday, "today" or "Month D" in the sentence to a date. */
gboolean
nkg_rel_sentence_date (const Ctx *c, char out[11])
{
  guint from;
  char filed[11];
  const char *ref = sentence_date_start (c, &from, filed);
  return date_from (c, from, ref, FALSE, out);
}

/* The day of the clause a verb at token v heads: "the accord, signed in
 * Lima on March 3, …" is March 3 even when the sentence said "on Monday"
 * before it; else the sentence's day. */
gboolean
nkg_rel_clause_date (const Ctx *c, guint v, char out[11])
{
  guint from;
  char filed[11];
  const char *ref = sentence_date_start (c, &from, filed);
  if (v + 1 > from && date_from (c, v + 1, ref, TRUE, out))
    return TRUE;
  return date_from (c, from, ref, FALSE, out);
}

static gboolean
is_signer_class (NkgClass k)
{
  return k == NKG_CLASS_PERSON || k == NKG_CLASS_COUNTRY || nkg_class_coarse (k) == NKG_CLASS_ORG;
}

/* "Ankara, Stockholm and Helsinki signed": a capital named as an actor
 * stands for its country's government. Returns the country's nkg_rel_entity (added
 * when the text names only the capital), or e itself. */
static gint
government_of (const Ctx *c, const NkgMention *m, gint e)
{
  if (nkg_rel_eclass (c, e) != NKG_CLASS_CITY || !m->country)
    return e;
  const char *capital = nkg_lexicon_capital (c->in->lexicon, m->country);
  NkgLocalEntity *city = g_ptr_array_index (c->facts->entities, e);
  if (!capital || strcmp (capital, city->name) != 0)
    return e;
  gint ce = nkg_rel_country_entity (c, m->country);
  return ce >= 0 ? ce : (gint) nkg_doc_facts_add_entity (c->facts, NKG_CLASS_COUNTRY, m->country, 1);
}


/* Whether the country mention m qualifies the person or body named right
 * after it ("India's Defence Minister X", "US Secretary of War X"). */
static gboolean
country_qualifies_next (const Ctx *c, const NkgMention *m)
{
  guint p = m->last;
  if (p < c->last && (nkg_rel_tok (c, p)->flags & NKG_TOK_POSS))
    p++;
  while (p < c->last && nkg_rel_mention_starting_at (c, p) < 0
         && ((nkg_rel_roles (c, p) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO))
             || ((nkg_rel_is (c, p, "of") || nkg_rel_is (c, p, "for")) && p + 1 < c->last && (nkg_rel_roles (c, p + 1) & NKG_W_PORTFOLIO))))
    p++;
  gint next = nkg_rel_mention_starting_at (c, p);
  if (next < 0)
    return FALSE;
  NkgClass k = nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, next)));
  return k == NKG_CLASS_PERSON || nkg_class_coarse (k) == NKG_CLASS_ORG;
}

/* "X, Country Director for Chile and Peru, signed": a country in the
 * remit of a title before it ("for" after a title word, then only other
 * names and "and" or commas up to the country) is where the office
 * serves, no signer. */
static gboolean
country_in_remit (const Ctx *c, const NkgMention *m)
{
  for (guint k = m->first; k > c->first + 1 && m->first - k < 8; k--)
    {
      const NkgToken *t = nkg_rel_tok (c, k - 1);
      if (nkg_rel_is (c, k - 1, "for"))
        return (nkg_rel_roles (c, k - 2) & NKG_W_TITLE) != 0;
      if (!(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && !nkg_rel_is (c, k - 1, "and") && strcmp (t->text, ",") != 0)
        return FALSE;
    }
  return FALSE;
}

/* Signers: the entities of mentions in [a, b), outside quotes and names. */
void
nkg_rel_collect (const Ctx *c, guint a, guint b, GArray *out, gboolean (*want) (NkgClass))
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first < a || m->last > b || m->dateline)
        continue;
      /* "According to Morning Herald": a source, not a participant. */
      if (m->first >= c->first + 2 && nkg_rel_is (c, m->first - 1, "to") && nkg_rel_is (c, m->first - 2, "according"))
        continue;
      gint e = nkg_rel_entity (c, m);
      if (want == nkg_rel_want_signer)
        e = government_of (c, m, e);
      if (e < 0 || !want (nkg_rel_eclass (c, e)))
        continue;
      /* "US Secretary of War X", "Libya's Government of National Accord":
       * a country that qualifies the next signer is no signer itself. */
      if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY && want == nkg_rel_want_signer && country_qualifies_next (c, m))
        continue;
      if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY && country_in_remit (c, m))
        continue;
      /* A country inside a longer name is not a participant by itself. */
      gboolean inside = FALSE;
      for (guint j = 0; j < c->here->len && !inside; j++)
        {
          NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, j));
          inside = o != m && o->first <= m->first && m->last <= o->last && o->last - o->first > m->last - m->first
                   && nkg_rel_eclass (c, nkg_rel_entity (c, o)) != NKG_CLASS_PERSON;
        }
      if (inside)
        continue;
      gboolean dup = FALSE;
      for (guint j = 0; j < out->len; j++)
        dup |= g_array_index (out, gint, j) == e;
      if (!dup)
        g_array_append_val (out, e);
    }
  if (want == nkg_rel_want_signer)
    nkg_rel_demonym_sides (c, a, b, out);
}

/* nkg_rel_collect from a up to the first `punct` token (or the sentence's
 * end): "on behalf of A and B, …", "signed by C and D; …". */
void
nkg_rel_collect_to (const Ctx *c, guint a, const char *punct, GArray *out, gboolean (*want) (NkgClass))
{
  guint stop = a;
  while (stop < c->last && strcmp (nkg_rel_tok (c, stop)->text, punct) != 0)
    stop++;
  nkg_rel_collect (c, a, stop, out, want);
}

/* "The Lao government and the bank signed", "signed with the Indian
 * side": the country of a nationality adjective before a word for a
 * state's side (patterns.txt ownerside) in tokens [a, b), when the
 * article names that country, added to out. */
void
nkg_rel_demonym_sides (const Ctx *c, guint a, guint b, GArray *out)
{
  for (guint s = a + 1; s < b; s++)
    {
      const NkgToken *t = nkg_rel_tok (c, s);
      if (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER) || !NKG_TOK_IN_LIST ("ownerside", t))
        continue;
      /* "the Indian government official X": X, not India */
      if (s + 1 < c->last && (nkg_rel_roles (c, s + 1) & NKG_W_TITLE))
        continue;
      guint len;
      const char *country = nkg_rel_demonym_before (c, s, &len);
      if (!country || s < a + len)
        continue;
      gint ce = nkg_rel_country_entity (c, country);
      if (ce >= 0)
        nkg_rel_add_unique (out, ce);
    }
}

/* The agreement mention nearest to token v, after it first when `after`. */
gint
nkg_rel_agreement_near (const Ctx *c, guint v, gboolean after)
{
  gint best = -1;
  guint dist = G_MAXUINT;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, e) != NKG_CLASS_AGREEMENT)
        continue;
      guint d = m->first >= v ? m->first - v : (v - m->last) + (after ? 50 : 0);
      if (m->first < v && !after)
        d = v - m->last;
      else if (m->first >= v && !after)
        d = m->first - v + 50;
      if (d < dist)
        {
          dist = d;
          best = e;
        }
    }
  return best;
}

/* Whether a city mention starts at token i. */
static gboolean
place_starts (const Ctx *c, guint i)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first == i)
        return nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_CITY;
    }
  return FALSE;
}

/* "in Kazakhstan's capital, Astana", "at Peru's port city of Arequipa":
 * the first token of the country whose possessive ends just before the
 * place words starting at x, or x when none does. */
static guint
past_possessive_country (const Ctx *c, guint x)
{
  if (x < c->first + 2 || !(nkg_rel_tok (c, x - 1)->flags & NKG_TOK_POSS))
    return x;
  gint bm = nkg_rel_mention_ending_at (c, x - 1);
  if (bm < 0 || nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, bm))) != NKG_CLASS_COUNTRY)
    return x;
  return nkg_rel_mention (c, bm)->first;
}

/* Whether the clause "while" opens at token i tells the other side's
 * signing of the same thing ("A signed for Nepal, while B signed for the
 * bank at the Ministry of Finance in Singha Durbar"): its place is the
 * signing's. */
static gboolean
other_side_signs (const Ctx *c, guint i)
{
  if (!nkg_rel_is (c, i, "while"))
    return FALSE;
  for (guint k = i + 1; k < c->last && k < i + 12; k++)
    if (nkg_rel_roles (c, k) & NKG_W_SIGN)
      return TRUE;
  return FALSE;
}

/* Whether token i opens a clause of purpose after the signing verb at v
 * has had its day ("… signed an agreement on Tuesday to jointly develop
 * an energy hub in the port of X"): "to" and a verb that is no signing's,
 * after an adverb or none, with a weekday, "today" or a month between v
 * and it. Its place is where that is done, not where anything was
 * signed. */
static gboolean
purpose_clause (const Ctx *c, guint v, guint i)
{
  if (!c->in->tags || i + 1 >= c->last || !nkg_rel_is (c, i, "to"))
    return FALSE;
  guint w = i + 1;
  if (nkg_tag_at (c->in->tags, w)->pos == NKG_POS_ADV && w + 1 < c->last)
    w++;
  if (nkg_tag_at (c->in->tags, w)->pos != NKG_POS_VERB || (nkg_rel_roles (c, w) & NKG_W_SIGN))
    return FALSE;
  for (guint k = v + 1; k < i; k++)
    {
      const NkgToken *t = nkg_rel_tok (c, k);
      if (((t->flags & NKG_TOK_CAP) && (nkg_date_weekday (t->text) || nkg_date_month (t->text))) || strcmp (t->lower, "today") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether the clause "after" or "following" opens at token i is the
 * talks the signing closed, at the venue named next: "witnessed the
 * signing after their talks at the Jade Palace", "following a bilateral
 * meeting at Y", "after their summit talks at Y" — not "two days after
 * talks at Y" (list talkslater), nor
 * "after a meeting of fishermen in Y". */
static gboolean
talks_there (const Ctx *c, guint i)
{
  if (!nkg_rel_is (c, i, "after") && !nkg_rel_is (c, i, "following"))
    return FALSE;
  if (i > c->first && NKG_TOK_IN_LIST ("talkslater", nkg_rel_tok (c, i - 1)))
    return FALSE;
  for (guint k = i + 1; k < c->last && k < i + 6; k++)
    {
      const NkgToken *t = nkg_rel_tok (c, k);
      /* "after their summit talks at the X Palace": past a first talks
       * word that names the second's kind */
      if (NKG_TOK_IN_LIST ("talksvenue", t) && k + 1 < c->last && NKG_TOK_IN_LIST ("talksvenue", nkg_rel_tok (c, k + 1)))
        continue;
      if (NKG_TOK_IN_LIST ("talksvenue", t))
        return k + 1 < c->last && (nkg_rel_is (c, k + 1, "at") || nkg_rel_is (c, k + 1, "in"));
      if (!(t->flags & NKG_TOK_WORD) || (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
        return FALSE;
    }
  return FALSE;
}

/* Where: a place after "in" or "at" in the sentence; a city beats a
 * venue beats a country ("in Quito, Ecuador" → Quito). */
/* The city named last before the sentence, when it is the capital of a
 * country the article names; else -1. */
static gint
capital_named_before (const Ctx *c)
{
  for (guint k = nkg_mention_index_from_token (c->in->index, c->first); k-- > 0;)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      gint e = m->nested ? -1 : nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, e) != NKG_CLASS_CITY)
        continue;
      const char *city = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, e))->name;
      for (guint j = 0; j < c->facts->entities->len; j++)
        {
          NkgLocalEntity *ce = g_ptr_array_index (c->facts->entities, j);
          const char *cap = ce->klass == NKG_CLASS_COUNTRY && ce->mentions > 0 ? nkg_lexicon_capital (c->in->lexicon, ce->name) : NULL;
          if (cap && strcmp (cap, city) == 0)
            return e;
        }
      return -1;
    }
  return -1;
}

gint
nkg_rel_sentence_place (const Ctx *c, guint from, guint v)
{
  gint best = -1, rank = 0;
  /* "… concluded a day after talks in Peru": the place of the later
   * clause is the meeting's. */
  guint stop = c->last, skip_from = c->last, skip_to = c->last;
  const NkgWordList *laterclause = NKG_WORD_LIST ("laterclause");
  for (guint i = v + 1; i < c->last; i++)
    if ((nkg_patterns_word_list_tok_has (laterclause, nkg_rel_tok (c, i)) && !other_side_signs (c, i) && !talks_there (c, i))
        || purpose_clause (c, v, i))
      {
        /* "signed the accord, which lets boats fish in Peruvian waters,
         * in Lima": a relative clause between commas, then "in" or "at",
         * is left out, and the place after it is the signing's. */
        guint j = i;
        gint before = i > c->first + 1 ? nkg_rel_mention_ending_at (c, i - 1) : -1;
        if (skip_from == c->last && before >= 0 && strcmp (nkg_rel_tok (c, i - 1)->text, ",") == 0
            && nkg_rel_is (c, i, "which")
            && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, before))) == NKG_CLASS_AGREEMENT)
          while (j < c->last && j < i + 20 && strcmp (nkg_rel_tok (c, j)->text, ",") != 0)
            j++;
        if (j > i && j + 1 < c->last && j < i + 20 && strcmp (nkg_rel_tok (c, j)->text, ",") == 0
            && (nkg_rel_is (c, j + 1, "in") || nkg_rel_is (c, j + 1, "at")))
          {
            skip_from = i;
            skip_to = j;
            i = j;
            continue;
          }
        stop = i;
        break;
      }
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      NkgClass kl = nkg_rel_eclass (c, e);
      if (m->first < from || m->first >= stop || m->in_quote || nkg_class_coarse (kl) != NKG_CLASS_PLACE
          || m->first == 0 || (m->first >= skip_from && m->first <= skip_to))
        continue;
      /* "investing in Ukraine's infrastructure" */
      if (m->last < c->last && (nkg_rel_tok (c, m->last)->flags & NKG_TOK_POSS))
        continue;
      /* "opened branches in Kericho and Nakuru": one signing has one
       * place, so cities listed together are where other things happen. */
      if (kl == NKG_CLASS_CITY && m->last + 1 < c->last && nkg_rel_is (c, m->last, "and")
          && place_starts (c, m->last + 1))
        continue;
      /* Regions ("amid tensions in the Indo-Pacific") are no signing place;
       * venues named by a head word ("the Presidential Palace") are. */
      if (kl == NKG_CLASS_PLACE && m->canonical)
        continue;
      guint p = m->first - 1;
      /* "at Bangkok's Government House": back over the city that owns
       * the venue to the preposition */
      if (kl == NKG_CLASS_PLACE && nkg_rel_city_owner (c, m) >= 0)
        {
          gint om = nkg_rel_mention_ending_at (c, m->first - 1);
          if (nkg_rel_mention (c, om)->first > c->first)
            p = nkg_rel_mention (c, om)->first - 1;
        }
      /* "in the Zambian capital of Lusaka", "in the Sudanese capital
       * Khartoum", "at the port city of Aden": back over the place word
       * and its modifiers to the preposition */
      {
        guint q = p;
        if (nkg_rel_is (c, q, "of") && q > c->first)
          q--;
        /* "in the Lao capital, Vientiane," */
        else if (q > c->first && strcmp (nkg_rel_tok (c, q)->text, ",") == 0
                 && NKG_TOK_IN_LIST ("placeword", nkg_rel_tok (c, q - 1)))
          q--;
        if (q < m->first && NKG_TOK_IN_LIST ("placeword", nkg_rel_tok (c, q)))
          {
            guint x = q;
            while (x > c->first && q - x < 3
                   && ((nkg_rel_tok (c, x - 1)->flags & NKG_TOK_CAP) || NKG_TOK_IN_LIST ("placeword", nkg_rel_tok (c, x - 1))
                       || nkg_tag_at (c->in->tags, x - 1)->pos == NKG_POS_ADJ
                       /* "in the border city of Ipiales" */
                       || nkg_tag_at (c->in->tags, x - 1)->pos == NKG_POS_NOUN))
              x--;
            guint y = past_possessive_country (c, x);
            if (y < x && y > c->first)
              p = y - 1;
            else if (x > c->first && nkg_rel_is (c, x - 1, "the"))
              p = x - 1;
          }
      }
      /* "in the ornate House of Friendship": past an adjective or two */
      for (guint n = 0; n < 2 && p > c->first && !nkg_rel_is (c, p, "the") && nkg_tag_at (c->in->tags, p)->pos == NKG_POS_ADJ
                        && !(nkg_rel_tok (c, p)->flags & NKG_TOK_CAP);
           n++)
        p--;
      if (nkg_rel_is (c, p, "the") && p > 0)
        p--;
      /* "in Quito", "at the Presidential Palace", "visit to Kazakhstan" */
      gboolean visit = FALSE;
      /* "during a visit by Malaysian Prime Minister Anwar Ibrahim to Hanoi" */
      for (guint x = p; nkg_rel_is (c, p, "to") && x > c->first && p - x < 10 && !visit; x--)
        visit = nkg_rel_is (c, x - 1, "visit") || nkg_rel_is (c, x - 1, "trip");
      if (!(nkg_rel_is (c, p, "in") || nkg_rel_is (c, p, "at") || visit))
        continue;
      /* "protection of migrant workers in Malaysia", "a plant for
       * vaccines in Rwanda", "their economic zones in the Timor Sea": a
       * country or area after people, things or places is where they are,
       * not where anything was signed (WordNet's most frequent sense of the
       * noun before "in"). */
      if (kl != NKG_CLASS_CITY && p > c->first && nkg_rel_is (c, p, "in"))
        {
          const NkgTag *before = nkg_tag_at (c->in->tags, p - 1);
          NkgNounClass nc = NKG_NOUN_NONE;
          guint counts[4];
          if (before->pos == NKG_POS_NOUN && !(nkg_rel_tok (c, p - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
              && nkg_wordnet_word (before->lemma, counts, &nc)
              && (nc == NKG_NOUN_PERSON || nc == NKG_NOUN_ARTIFACT || nc == NKG_NOUN_LOCATION))
            continue;
        }
      gint r = kl == NKG_CLASS_CITY ? 3 : kl == NKG_CLASS_PLACE ? 2 : 1;
      if (r > rank)
        {
          rank = r;
          best = e;
        }
    }
  /* "in the Chinese capital" with no city named: the country's capital,
   * when the lexicon knows it */
  for (guint i = MAX (from, c->first); best < 0 && i + 3 < stop; i++)
    {
      if (!(nkg_rel_is (c, i, "in") || nkg_rel_is (c, i, "at")) || !nkg_rel_is (c, i + 1, "the") || !nkg_rel_is (c, i + 3, "capital"))
        continue;
      /* "the Chinese capital, Beijing" names it: a place mention, above */
      if (i + 4 < c->last && (strcmp (nkg_rel_tok (c, i + 4)->text, ",") == 0 || nkg_rel_mention_starting_at (c, i + 4) >= 0
                              || nkg_rel_is (c, i + 4, "of")))
        continue;
      const char *country = nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i + 2)->text);
      const char *city = country ? nkg_lexicon_capital (c->in->lexicon, country) : NULL;
      if (city)
        best = (gint) nkg_doc_facts_add_entity (c->facts, NKG_CLASS_CITY, city, 1);
    }
  /* "at a ceremony in the capital" with no country word: the city named
   * last before the sentence, when it is the capital of a country the
   * article names */
  for (guint i = MAX (from, c->first); best < 0 && i + 2 < stop; i++)
    {
      if (!(nkg_rel_is (c, i, "in") || nkg_rel_is (c, i, "at")) || !nkg_rel_is (c, i + 1, "the") || !nkg_rel_is (c, i + 2, "capital"))
        continue;
      if (i + 3 < c->last && (strcmp (nkg_rel_tok (c, i + 3)->text, ",") == 0 || nkg_rel_mention_starting_at (c, i + 3) >= 0
                              || nkg_rel_is (c, i + 3, "of")))
        continue;
      best = capital_named_before (c);
      break;
    }
  return best;
}

gboolean
nkg_rel_want_signer (NkgClass k)
{
  return is_signer_class (k);
}

gboolean
nkg_rel_want_person (NkgClass k)
{
  return k == NKG_CLASS_PERSON;
}

/* Pairwise `met` among persons acting together, but not among officials
 * of one side (a delegation signing together did not "meet"). */
void
nkg_rel_met_pairs (Ctx *c, GArray *people, double conf)
{
  if (people->len < 2 || people->len > 6)
    return;
  /* "signed … at a virtual ceremony", "joined the summit by video link":
   * those who took part from afar did not meet (list remote). */
  const NkgWordList *remote = NKG_WORD_LIST ("remote");
  for (guint i = c->first; i < c->last; i++)
    if (!(nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE) && nkg_patterns_word_list_tok_has (remote, nkg_rel_tok (c, i)))
      return;
  for (guint i = 0; i < people->len; i++)
    for (guint j = i + 1; j < people->len; j++)
      {
        gint a = g_array_index (people, gint, i), b = g_array_index (people, gint, j);
        if (nkg_rel_eclass (c, a) != NKG_CLASS_PERSON || nkg_rel_eclass (c, b) != NKG_CLASS_PERSON)
          continue;
        gint ra = nkg_rel_represents_of (c, a), rb = nkg_rel_represents_of (c, b);
        if (ra >= 0 && ra == rb)
          continue;
        /* Officials meet; a name with no title here is often no person
         * at all (a company typed by its shape). */
        if (!nkg_rel_has_title (c, a) || !nkg_rel_has_title (c, b))
          continue;
        nkg_rel_fact (c, a, NKG_PROP_MET, b, NULL, conf);
      }
}

/* Whether an agreement other than `agreement` ends right before token k:
 * "… and a Letter of Arrangement between X and Y" is about that one. */
static gboolean
ends_other_agreement (const Ctx *c, guint k, gint agreement)
{
  for (guint j = 0; j < c->here->len; j++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, j));
      gint e = nkg_rel_entity (c, m);
      if (m->last == k && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT && e != agreement)
        return TRUE;
    }
  return FALSE;
}

/* Whether an agreement other than `agreement` begins in tokens [a, b):
 * "… were exchanged: a MoU on mining between X and Y; …" — a
 * between-phrase after it is that one's, not the signing's. */
static gboolean
other_agreement_within (const Ctx *c, guint a, guint b, gint agreement)
{
  for (guint j = 0; j < c->here->len; j++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, j));
      gint e = nkg_rel_entity (c, m);
      if (m->first >= a && m->first < b && e != agreement && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        return TRUE;
    }
  return FALSE;
}

/* Keeps the latest two-sided signing's countries or bodies, and people. */
static void
remember_sides (Ctx *c, GArray *signers)
{
  g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  for (guint i = 0; i < signers->len; i++)
    {
      gint e = g_array_index (signers, gint, i);
      g_array_append_val (nkg_rel_eclass (c, e) == NKG_CLASS_PERSON ? people : sides, e);
    }
  if (sides->len >= 2)
    {
      g_array_set_size (c->last_sides, 0);
      g_array_append_vals (c->last_sides, sides->data, sides->len);
    }
  if (people->len >= 2)
    {
      g_array_set_size (c->last_leaders, 0);
      g_array_append_vals (c->last_leaders, people->data, people->len);
    }
}

static gint plural_anaphor (const Ctx *c, guint v);

/* The first of at most two title modifiers ("prime", "foreign",
 * "defence") right before the plural title at h: "the two prime
 * ministers", "the Latvian and Estonian foreign ministers"; h itself when
 * none stands there. */
static guint
titlemods_before (const Ctx *c, guint h)
{
  guint q = h;
  while (q > c->first && h - q < 2 && (nkg_rel_roles (c, q - 1) & NKG_W_TITLEMOD))
    q--;
  return q;
}

/* Whether the subject before the verb at v is "the two sides", "both
 * countries" (plural_anaphor's sides), not "they". */
static gboolean
sides_anaphor (const Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  return plural_anaphor (c, v) == 1 && k > c->first && !nkg_rel_is (c, k - 1, "they");
}

/* Whether the subject before the verb at v is "the two sides", "both
 * (the) countries", "they" (1: the sides), or "the two leaders" (2: the
 * people); 0 when it is none of these. */
static gint
plural_anaphor (const Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  if (k == c->first)
    return 0;
  if (nkg_rel_is (c, k - 1, "they"))
    return 1;
  const char *w = nkg_rel_tok (c, k - 1)->lower;
  gint kind = NKG_IN_LIST ("pluralpeople", w) ? 2 : NKG_IN_LIST ("pluralsides", w) ? 1 : 0;
  if (!kind || k < c->first + 2)
    return 0;
  /* "the sides signed": only "sides" says two parties without a number */
  if (kind == 1 && nkg_rel_is (c, k - 1, "sides") && nkg_rel_is (c, k - 2, "the"))
    return kind;
  /* "the two prime ministers", "both foreign ministers" */
  if (kind == 2)
    k = titlemods_before (c, k - 1) + 1;
  if (k < c->first + 2)
    return 0;
  if (nkg_rel_is (c, k - 2, "two") || nkg_rel_is (c, k - 2, "both")
      || (nkg_rel_is (c, k - 2, "the") && k >= c->first + 3 && nkg_rel_is (c, k - 3, "both")))
    return kind;
  return 0;
}

/* Whether the plural that stands for the parties before the verb at v,
 * or in its by-phrase, names states (patterns.txt pluralstates: "the two
 * governments", "signed by both countries"), not "the two sides". */
static gboolean
anaphor_names_states (const Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  if (k > c->first && NKG_TOK_IN_LIST ("pluralstates", nkg_rel_tok (c, k - 1)))
    return TRUE;
  for (guint b = v + 1; b + 2 < c->last && b <= v + 8; b++)
    if (nkg_rel_is (c, b, "by"))
      {
        for (guint e = b + 2; e < c->last && e <= b + 5; e++)
          if (NKG_TOK_IN_LIST ("pluralstates", nkg_rel_tok (c, e)))
            return TRUE;
        return FALSE;
      }
  return FALSE;
}

/* Whether every entity of `group` is a country. */
static gboolean
all_countries (const Ctx *c, const GArray *group)
{
  for (guint i = 0; i < group->len; i++)
    if (nkg_rel_eclass (c, g_array_index (group, gint, i)) != NKG_CLASS_COUNTRY)
      return FALSE;
  return TRUE;
}

/* "was signed (in Lima) by the two ministers", "the signing of X by both
 * countries": plural_anaphor of the by-phrase after the verb at v. */
static gint
by_anaphor (const Ctx *c, guint v)
{
  for (guint k = v + 1; k + 2 < c->last && k <= v + 8; k++)
    if (nkg_rel_is (c, k, "by"))
      {
        for (guint e = k + 2; e < c->last && e <= k + 5; e++)
          if (NKG_TOK_IN_LIST ("pluralpeople", nkg_rel_tok (c, e)) || NKG_TOK_IN_LIST ("pluralsides", nkg_rel_tok (c, e)))
            return plural_anaphor (c, e + 1);
        return 0;
      }
  return 0;
}

/* The plural title of a by-phrase's "the two presidents" after the verb
 * at v (patterns.txt pluralpeople): its token, or 0. */
static guint
by_plural_title (const Ctx *c, guint v)
{
  for (guint k = v + 1; k + 2 < c->last && k <= v + 8; k++)
    if (nkg_rel_is (c, k, "by"))
      {
        for (guint e = k + 2; e < c->last && e <= k + 5; e++)
          if (NKG_TOK_IN_LIST ("pluralpeople", nkg_rel_tok (c, e)))
            return plural_anaphor (c, e + 1) == 2 ? e : 0;
        return 0;
      }
  return 0;
}

/* The titled people the sentence before this one names (not in a quote,
 * not nested in another name), appended to out once each; this sentence
 * is not the first. */
static void
titled_people_before (Ctx *c, NkgIntArray *out)
{
  guint lo, hi;
  nkg_mention_index_sentence (c->in->index, c->sentence - 1, &lo, &hi);
  for (guint i = lo; i < hi; i++)
    {
      NkgMention *m = nkg_rel_mention (c, i);
      gint e = nkg_rel_entity (c, m);
      if (m->sentence + 1 == c->sentence && !m->in_quote && !m->nested
          && nkg_rel_eclass (c, e) == NKG_CLASS_PERSON && nkg_rel_has_title (c, e))
        nkg_rel_add_unique (out, e);
    }
}

/* "- Treaty on X, signed by the two Presidents;" (the plural at token
 * p): the two people whose title has that title in the singular, with
 * its modifiers ("the two foreign ministers"), and no lesser rank
 * before it (patterns.txt lesserrank: not "Vice President"), the nearest
 * the article named before this sentence, however far back, when they
 * do not represent one side. Returns whether two were found. */
/* The plural title at token p in the singular, with its modifiers
 * ("the two foreign ministers" → "foreign minister"), or NULL. */
static char *
singular_title_at (Ctx *c, guint p)
{
  const char *plural = nkg_rel_tok (c, p)->lower;
  gsize n = strlen (plural);
  if (n < 4 || plural[n - 1] != 's')
    return NULL;
  GString *want = g_string_new (NULL);
  for (guint k = titlemods_before (c, p); k < p; k++)
    g_string_append_printf (want, "%s ", nkg_rel_tok (c, k)->lower);
  g_string_append_len (want, plural, (gssize) n - 1);
  return g_string_free (want, FALSE);
}

/* Whether fact f, stated before this sentence, gives a person a title
 * that holds `one` (singular_title_at) as whole words, with no lesser
 * rank before it (patterns.txt lesserrank: not "Vice President"). */
static gboolean
titled_as (Ctx *c, const NkgLocalFact *f, const char *one)
{
  if (f->prop != NKG_PROP_JOB_TITLE || !f->literal || f->sentence >= c->sentence
      || nkg_rel_eclass (c, (gint) f->subject) != NKG_CLASS_PERSON)
    return FALSE;
  gsize len = strlen (one);
  g_autofree char *title = g_ascii_strdown (f->literal, -1);
  const char *at = strstr (title, one);
  /* the words themselves, not "presidential" or "vice-president" */
  if (!at || !(at == title || at[-1] == ' ') || !(at[len] == '\0' || at[len] == ' '))
    return FALSE;
  if (at > title)
    {
      const char *w = at - 1;
      while (w > title && w[-1] != ' ')
        w--;
      g_autofree char *before = g_strndup (w, (gsize) (at - 1 - w));
      if (NKG_IN_LIST ("lesserrank", before))
        return FALSE;
    }
  return TRUE;
}

static gboolean
titled_pair_before (Ctx *c, guint p, GArray *out)
{
  g_autofree char *one = singular_title_at (c, p);
  if (!one)
    return FALSE;
  for (guint i = c->facts->facts->len; i-- > 0 && out->len < 2;)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (titled_as (c, f, one))
        nkg_rel_add_unique (out, (gint) f->subject);
    }
  if (out->len != 2)
    return FALSE;
  gint r0 = nkg_rel_represents_of (c, g_array_index (out, gint, 0));
  gint r1 = nkg_rel_represents_of (c, g_array_index (out, gint, 1));
  return r0 != r1 || r0 < 0;
}

/* "Ministers A, B and C met in Lima. The three ministers signed …",
 * "The ministers also signed …": the people so titled (the plural at
 * token p in the singular, with its modifiers, as titled_pair_before)
 * the three sentences before this one name, `count` of them when a
 * number says how many, else two or more, not all of one side.
 * Returns whether they were found (appended to out). */
static gboolean
titled_group_before (Ctx *c, guint p, guint count, GArray *out)
{
  if (c->sentence == 0)
    return FALSE;
  g_autofree char *one = singular_title_at (c, p);
  if (!one)
    return FALSE;
  guint from = c->sentence >= 3 ? c->sentence - 3 : 0;
  g_autoptr (NkgIntArray) found = nkg_int_array_new ();
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->sentence >= from && titled_as (c, f, one))
        nkg_rel_add_unique (found, (gint) f->subject);
    }
  if (found->len < 2 || (count && found->len != count))
    return FALSE;
  gint r0 = nkg_rel_represents_of (c, g_array_index (found, gint, 0));
  gboolean one_side = r0 >= 0;
  for (guint i = 1; i < found->len && one_side; i++)
    one_side = nkg_rel_represents_of (c, g_array_index (found, gint, i)) == r0;
  if (one_side)
    return FALSE;
  g_array_append_vals (out, found->data, found->len);
  return TRUE;
}

/* "the four nations", "all 15 countries" right before the verb at v: how
 * many (three or more; the two are plural_anaphor's), else 0. */
static guint
numbered_sides (const Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  if (k < c->first + 2 || !NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, k - 1)->lemma))
    return 0;
  const NkgToken *n = nkg_rel_tok (c, k - 2);
  guint count = (n->flags & NKG_TOK_NUM) ? (guint) atoi (n->text) : nkg_rel_number_word (n->lower);
  /* "the four nations", "all four nations", "The 15 countries" opening the
   * sentence: not "15 countries signed", which counts new signers */
  if (count < 3 || count > 60 || k - 2 == c->first
      || !(nkg_rel_is (c, k - 3, "the") || nkg_rel_is (c, k - 3, "all") || nkg_rel_is (c, k - 3, "these")))
    return 0;
  return count;
}

/* "Fifteen Asia-Pacific countries (on Sunday) signed": a counted plural
 * of parties right before the verb at v. */
static gboolean
counted_subject (const Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  if (k < c->first + 2 || !NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, k - 1)->lemma))
    return FALSE;
  for (guint i = k - 1; i-- > c->first && i + 6 >= k;)
    {
      const NkgToken *t = nkg_rel_tok (c, i);
      if ((t->flags & NKG_TOK_NUM) || nkg_rel_number_word (t->lower))
        return TRUE;
    }
  return FALSE;
}

static void recent_sides (const Ctx *c, GArray *out);

/* "Fifteen countries signed X" (counted, not "the fifteen"): how many,
 * when a number of three or more stands in the subject right before the
 * verb at v, else 0. */
static guint
counted_number (const Ctx *c, guint v)
{
  if (!counted_subject (c, v))
    return 0;
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  for (guint i = k - 1; i-- > c->first && i + 6 >= k;)
    {
      const NkgToken *t = nkg_rel_tok (c, i);
      guint n = (t->flags & NKG_TOK_NUM) ? (guint) atoi (t->text) : nkg_rel_number_word (t->lower);
      if (n)
        return n >= 3 && n <= 60 ? n : 0;
    }
  return 0;
}

/* Whether sentence s says who a body's members are: "the bloc, made up
 * of A, B and C", "A, B and C are members of X" (patterns.txt membership,
 * or the word "members"). */
static gboolean
states_membership (const Ctx *c, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  for (guint i = x->first; i < x->last; i++)
    {
      const char *w = nkg_tok (c->in->seg, i)->lower;
      if (strcmp (w, "members") == 0 || strcmp (w, "member") == 0
          /* (any part of speech: "The bloc groups A, B and C" may be
           * tagged a noun) */
          || NKG_IN_LIST ("membership", nkg_tag_at (c->in->tags, i)->lemma))
        return TRUE;
    }
  return FALSE;
}

/* "The bloc's member states signed", "the members of the Andean
 * Council signed", "its ten members signed": the subject right before the
 * verb at v ends in "members" or "member states" (countries, nations). */
static gboolean
members_subject (const Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  /* "the members of the Andean Council": back over "of" and the body */
  guint h = k;
  for (guint i = k; i-- > c->first && i + 6 >= k;)
    if (nkg_rel_is (c, i, "of"))
      {
        h = i;
        break;
      }
  if (h < c->first + 1)
    return FALSE;
  if (nkg_rel_is (c, h - 1, "members"))
    return TRUE;
  return h >= c->first + 2 && nkg_rel_is (c, h - 2, "member")
         && (nkg_rel_is (c, h - 1, "states") || nkg_rel_is (c, h - 1, "countries") || nkg_rel_is (c, h - 1, "nations"));
}

/* The one list of exactly n countries ("A, B, C and D"; of two or more
 * when n is 0) that the article names outside quotes and datelines, in
 * any sentence (one that states_membership, when members): who "the n
 * nations", "n countries" or "the bloc's members" are. FALSE when no
 * list, or more than one different list, fits. */
static gboolean
article_list_of (const Ctx *c, guint n, gboolean members, GArray *out)
{
  g_autoptr (NkgIntArray) group = nkg_int_array_new ();
  g_autoptr (NkgIntArray) joined = nkg_int_array_new ();
  g_autoptr (NkgIntArray) found = nkg_int_array_new ();
  guint lists = 0;
  guint end = 0, sentence = G_MAXUINT;
  for (guint k = 0; k <= c->in->mentions->len; k++)
    {
      NkgMention *m = k < c->in->mentions->len ? nkg_rel_mention (c, k) : NULL;
      gint e = m && !m->nested && m->cluster >= 0 && !m->in_quote && !m->dateline ? nkg_rel_entity (c, m) : -1;
      if (m && nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY)
        continue;
      guint a = m && m->first > 0 && nkg_tok (c->in->seg, m->first - 1)->lower[0] == 't'
                        && strcmp (nkg_tok (c->in->seg, m->first - 1)->lower, "the") == 0
                    ? m->first - 1
                    : (m ? m->first : 0);
      const NkgToken *t0 = m && group->len && a == end + 1 ? nkg_tok (c->in->seg, end) : NULL;
      const NkgToken *t1 = m && group->len && a == end + 2 ? nkg_tok (c->in->seg, end + 1) : NULL;
      gboolean next = m && m->sentence == sentence
                      && ((t0 && (strcmp (t0->lower, "and") == 0 || strcmp (t0->text, ",") == 0))
                          || (t1 && strcmp (nkg_tok (c->in->seg, end)->text, ",") == 0 && strcmp (t1->lower, "and") == 0));
      /* a counted list may go on past a dash or "with": "the ten
       * members of the bloc – A, B … J – with K, L and M" */
      gboolean near = next;
      if (!near && n && m && m->sentence == sentence && joined->len && a > end && a <= end + 3)
        {
          near = TRUE;
          for (guint i = end; i < a && near; i++)
            near = NKG_TOK_IN_LIST ("listjoin", nkg_tok (c->in->seg, i));
        }
      for (guint pass = 0; pass < 2; pass++)
        {
          GArray *cand = pass ? joined : group;
          if (pass ? near : next)
            continue;
          if (n ? cand->len == n : cand->len >= 2 && (!members || states_membership (c, sentence)))
            {
              gboolean same = found->len == cand->len;
              for (guint i = 0; same && i < cand->len; i++)
                same = g_array_index (found, gint, i) == g_array_index (cand, gint, i);
              if (!same)
                {
                  lists++;
                  g_array_set_size (found, 0);
                  g_array_append_vals (found, cand->data, cand->len);
                }
            }
          g_array_set_size (cand, 0);
        }
      if (!m)
        break;
      if (!next)
        sentence = m->sentence;
      nkg_rel_add_unique (group, e);
      nkg_rel_add_unique (joined, e);
      end = m->last;
    }
  if (lists != 1)
    return FALSE;
  g_array_append_vals (out, found->data, found->len);
  return TRUE;
}

/* The countries of the last "the leaders of A, B and C", "ministers
 * from A, B and C" (two or more) in the three sentences before this one. */
static void
leaders_of_group (const Ctx *c, GArray *out)
{
  guint from = c->sentence >= 3 ? c->sentence - 3 : 0;
  guint lo, hi, unused;
  nkg_mention_index_sentence (c->in->index, from, &lo, &unused);
  nkg_mention_index_sentence (c->in->index, c->sentence, &hi, &unused);
  g_autoptr (NkgIntArray) group = nkg_int_array_new ();
  guint end = 0; /* the token after the group's last member */
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence < from || m->sentence >= c->sentence || m->nested || m->cluster < 0 || m->in_quote || m->dateline)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY)
        continue;
      guint a = m->first > 0 && nkg_rel_is (c, m->first - 1, "the") ? m->first - 1 : m->first;
      gboolean next = group->len && a > end
                      && ((a == end + 1 && (nkg_rel_is (c, end, "and") || strcmp (nkg_rel_tok (c, end)->text, ",") == 0))
                          || (a == end + 2 && strcmp (nkg_rel_tok (c, end)->text, ",") == 0 && nkg_rel_is (c, end + 1, "and")));
      if (!next && group->len >= 2)
        {
          g_array_set_size (out, 0);
          g_array_append_vals (out, group->data, group->len);
        }
      if (!next)
        g_array_set_size (group, 0);
      if (!next && a >= 2 && (nkg_rel_is (c, a - 1, "of") || nkg_rel_is (c, a - 1, "from"))
          && NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, a - 2)->lemma))
        next = TRUE;
      if (next)
        {
          nkg_rel_add_unique (group, e);
          end = m->last;
        }
    }
  if (group->len >= 2)
    {
      g_array_set_size (out, 0);
      g_array_append_vals (out, group->data, group->len);
    }
}

/* The body of the last "Leaders of the Andean Council", "ministers from
 * ASEAN", "ASEAN leaders" in the three sentences before this one, else -1. */
static gint
leaders_of_body (const Ctx *c)
{
  guint from = c->sentence >= 3 ? c->sentence - 3 : 0;
  guint lo, hi, unused;
  nkg_mention_index_sentence (c->in->index, from, &lo, &unused);
  nkg_mention_index_sentence (c->in->index, c->sentence, &hi, &unused);
  gint body = -1;
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence < from || m->sentence >= c->sentence || m->nested || m->cluster < 0 || m->in_quote || m->dateline)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (nkg_class_coarse (nkg_rel_eclass (c, e)) != NKG_CLASS_ORG)
        continue;
      guint a = m->first > 0 && nkg_rel_is (c, m->first - 1, "the") ? m->first - 1 : m->first;
      if ((a >= 2 && (nkg_rel_is (c, a - 1, "of") || nkg_rel_is (c, a - 1, "from"))
           && NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, a - 2)->lemma))
          || (m->last < c->in->seg->tokens->len && NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, m->last)->lemma)))
        body = e;
    }
  return body;
}

gboolean
nkg_rel_group_anaphor (const Ctx *c, guint a, guint b, GArray *out)
{
  gboolean people = FALSE;
  if (b <= a)
    return FALSE;
  guint count = 0;
  if (b == a + 1 && nkg_rel_is (c, a, "they"))
    ;
  else
    {
      if (nkg_rel_is (c, a, "all") || nkg_rel_is (c, a, "both"))
        count = nkg_rel_is (c, a++, "both") ? 2 : 0;
      if (nkg_rel_is (c, a, "the"))
        a++;
      const NkgToken *n = a < b ? nkg_rel_tok (c, a) : NULL;
      guint x = n ? ((n->flags & NKG_TOK_NUM) ? (guint) atoi (n->text) : nkg_rel_number_word (n->lower)) : 0;
      if (x)
        {
          count = x;
          a++;
        }
      /* "the leaders", "the foreign ministers" */
      if (a + 1 < b && !(nkg_rel_tok (c, a)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && (nkg_rel_tok (c, a)->flags & NKG_TOK_WORD))
        a++;
      if (a + 1 != b
          || !(NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, a)->lemma)
               || NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, a)->lemma))
          || !g_str_has_suffix (nkg_rel_tok (c, a)->lower, "s"))
        return FALSE;
      /* "the sides agreed X": two sides, uncounted */
      if (!count && a > c->first && nkg_rel_is (c, a - 1, "the") && nkg_rel_is (c, a, "sides"))
        count = 2;
      people = NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, a)->lemma);
    }
  g_autoptr (NkgIntArray) group = nkg_int_array_new ();
  leaders_of_group (c, group);
  /* "Chile and Peru held talks … the two countries": the countries the
   * last sentences name, when a number says how many */
  if (group->len < 2 && count >= 2)
    {
      g_array_set_size (group, 0);
      recent_sides (c, group);
    }
  /* "… by A, B, C, D and E, with F expected to join. … officials of the
   * five countries": the one list of that many the article names */
  if (count >= 3 && group->len != count)
    {
      g_array_set_size (group, 0);
      article_list_of (c, count, FALSE, group);
    }
  /* "Leaders of the Andean Council met in Lima. The leaders adopted X":
   * the bloc whose leaders the last sentences name, when they name no
   * countries' */
  if (group->len < 2 && !count && people)
    {
      gint body = leaders_of_body (c);
      if (body >= 0)
        {
          g_array_append_val (out, body);
          return TRUE;
        }
    }
  if (group->len < 2 || (count && group->len != count))
    return FALSE;
  g_array_append_vals (out, group->data, group->len);
  return TRUE;
}

/* Whether the article already says who signed agreement a: "The accord
 * was signed in Hanoi" then speaks of that signing, not of the last one. */
static gboolean
has_signers (const Ctx *c, gint a)
{
  const GArray *signed_facts = nkg_doc_facts_with_prop (c->facts, NKG_PROP_SIGNED);
  for (guint i = 0; signed_facts && i < signed_facts->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (signed_facts, guint, i));
      if (f->object == a)
        return TRUE;
    }
  return FALSE;
}

/* The agreement of the document with the most mentions, or -1. */
gint
nkg_rel_salient_agreement (const Ctx *c)
{
  /* Agreements are all known before relations are read: find it once. */
  if (c->salient == -2)
    {
      gint best = -1;
      guint most = 0;
      for (guint i = 0; i < c->facts->entities->len; i++)
        {
          NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
          if (e->klass == NKG_CLASS_AGREEMENT && e->mentions > most)
            {
              most = e->mentions;
              best = i;
            }
        }
      ((Ctx *) c)->salient = best;
    }
  return c->salient;
}

/* Words between a subject and its verb: "India and the US have officially
 * signed", "South Korea on Friday signed". */
gboolean
nkg_rel_is_verb_filler (const Ctx *c, guint i)
{
  const NkgToken *t = nkg_rel_tok (c, i);
  if (NKG_TOK_IN_LIST ("verbfiller", t))
    return TRUE;
  return nkg_date_weekday (t->text) != 0;
}

static gint
mention_ending_at_any (const Ctx *c, guint i)
{
  gint best = -1;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->last == i && m->cluster >= 0 && !m->nested)
        {
          /* The longest: "Defence Secretary Greg Walton", not "Walton". */
          if (best < 0 || m->first < nkg_rel_mention (c, best)->first)
            best = g_array_index (c->here, guint, k);
        }
    }
  return best;
}

/* The coordinated subject right before the verb at v: "Kazakhstan and
 * Uzbekistan signed", "Defence Minister Arjun Mehra and his US
 * counterpart Defence Secretary Greg Walton sealed". */
/* "A, Ambassador of Japan to Laos, and B, …, signed": when the mention
 * ending at token end lies in a title set off by a comma right after a
 * person's name, the comma's token (where that name ends); else 0. */
static guint
apposition_comma (const Ctx *c, guint end)
{
  for (guint x = end; x > c->first + 1 && end - x < 12; x--)
    {
      if (nkg_tag_at (c->in->tags, x - 1)->pos == NKG_POS_VERB)
        return 0;
      if (strcmp (nkg_rel_tok (c, x - 1)->text, ",") != 0)
        continue;
      gint pm = mention_ending_at_any (c, x - 1);
      return pm >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, pm))) == NKG_CLASS_PERSON
                     && (nkg_rel_roles (c, x) & (NKG_W_TITLE | NKG_W_TITLEMOD))
                 ? x - 1
                 : 0;
    }
  return 0;
}

static void
subject_group (const Ctx *c, guint v, GArray *out)
{
  guint k = v, dn;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  /* "the United Arab Emirates (UAE) will sign": past the bracket. */
  if (k > c->first + 2 && strcmp (nkg_rel_tok (c, k - 1)->text, ")") == 0)
    for (guint x = k - 1; x > c->first && k - x < 6; x--)
      if (strcmp (nkg_rel_tok (c, x - 1)->text, "(") == 0)
        {
          k = x - 1;
          break;
        }
  /* "X and Y, on behalf of their governments respectively, officially
   * signed": step over the aside between commas. */
  if (k > c->first && strcmp (nkg_rel_tok (c, k - 1)->text, ",") == 0 && mention_ending_at_any (c, k - 1) < 0)
    for (guint x = k - 1; x > c->first && k - x < 20; x--)
      if (strcmp (nkg_rel_tok (c, x - 1)->text, ",") == 0)
        {
          if (mention_ending_at_any (c, x - 1) >= 0)
            k = x - 1;
          break;
        }
  while (k > c->first)
    {
      gint mi = mention_ending_at_any (c, k);
      if (mi < 0)
        return;
      NkgMention *m = nkg_rel_mention (c, mi);
      /* "A, Ambassador of Japan to Laos, and B signed": A's title, not a
       * signer; A is */
      guint comma = out->len ? apposition_comma (c, m->last) : 0;
      if (comma)
        {
          k = comma;
          continue;
        }
      /* "On 12 December in Lima, Chile and Peru signed": the object of a
       * preposition before a comma is a fronted adverbial, no signer */
      if (out->len && m->first > c->first && m->last < c->last && strcmp (nkg_rel_tok (c, m->last)->text, ",") == 0
          && nkg_tag_at (c->in->tags, m->first - 1)->pos == NKG_POS_PREP
          && nkg_tag_at (c->in->tags, c->first)->pos == NKG_POS_PREP)
        return;
      gint e = government_of (c, m, nkg_rel_entity (c, m));
      if (!is_signer_class (nkg_rel_eclass (c, e)))
        return;
      gboolean dup = FALSE;
      for (guint j = 0; j < out->len; j++)
        dup |= g_array_index (out, gint, j) == e;
      if (!dup)
        g_array_append_val (out, e);
      k = m->cue_first < m->first ? m->cue_first : m->first;
      /* Back over "and", ",", "his US counterpart", "the". */
      guint before = k;
      while (k > c->first)
        {
          const NkgToken *t = nkg_rel_tok (c, k - 1);
          /* "Saudi Arabia and nuclear-armed Pakistan": a compound adjective */
          if (k >= c->first + 3 && (nkg_rel_tok (c, k - 2)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, k - 2)->flags & NKG_TOK_SPACE)
              && (t->flags & NKG_TOK_WORD) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
              && (nkg_rel_tok (c, k - 3)->flags & NKG_TOK_WORD) && !(nkg_rel_tok (c, k - 3)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
            k -= 3;
          else if (strcmp (t->text, ",") == 0 || nkg_rel_is (c, k - 1, "and") || nkg_rel_is (c, k - 1, "the")
              || nkg_rel_is (c, k - 1, "his") || nkg_rel_is (c, k - 1, "her") || nkg_rel_is (c, k - 1, "their")
              || (nkg_rel_roles (c, k - 1) & (NKG_W_COUNTERPART | NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC)))
            k--;
          else if (nkg_rel_demonym_before (c, k, &dn))
            k -= dn;
          else if (mention_ending_at_any (c, k) >= 0 && nkg_rel_is (c, k, "counterpart"))
            break;
          /* "Japan's Minoru Kihara": the country qualifies the signer. */
          else if ((t->flags & NKG_TOK_POSS) && k - 1 > c->first && mention_ending_at_any (c, k - 1) >= 0
                   && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, mention_ending_at_any (c, k - 1)))) == NKG_CLASS_COUNTRY)
            k = nkg_rel_mention (c, mention_ending_at_any (c, k - 1))->first;
          else
            {
              /* "his US counterpart": a country before "counterpart" is a cue. */
              gint cm = mention_ending_at_any (c, k);
              if (cm >= 0 && k < before && (nkg_rel_roles (c, k) & NKG_W_COUNTERPART))
                k = nkg_rel_mention (c, cm)->first;
              else
                break;
            }
        }
      if (k == before)
        return;
    }
}

/* Adds e to the set unless it is there. */
void
nkg_rel_add_unique (GArray *out, gint e)
{
  for (guint j = 0; j < out->len; j++)
    if (g_array_index (out, gint, j) == e)
      return;
  g_array_append_val (out, e);
}

/* "the Andean Bloc – made up of Colombia, Peru and Chile –", "ASEAN,
 * which groups A, B and C", "the forum, whose members include A and B":
 * the countries of a body named right before token i (appended to out). */
static gboolean
members_after (const Ctx *c, guint i, GArray *out)
{
  guint k = i;
  while (k < c->last && k < i + 6
         && ((nkg_rel_tok (c, k)->flags & NKG_TOK_DASH) || strcmp (nkg_rel_tok (c, k)->text, ",") == 0
             || strcmp (nkg_rel_tok (c, k)->text, "(") == 0
             || NKG_IN_LIST ("memberfill", nkg_tag_at (c->in->tags, k)->lemma)))
    k++;
  if (k >= c->last || k == i || !NKG_IN_LIST ("membership", nkg_tag_at (c->in->tags, k)->lemma))
    return FALSE;
  k++;
  while (k < c->last && (nkg_rel_is (c, k, "up") || nkg_rel_is (c, k, "of") || nkg_rel_is (c, k, "together")))
    k++;
  g_autoptr (NkgIntArray) found = nkg_int_array_new ();
  while (k < c->last)
    {
      if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0 || nkg_rel_is (c, k, "and") || nkg_rel_is (c, k, "the"))
        {
          k++;
          continue;
        }
      gint mi = nkg_rel_mention_starting_at (c, k);
      gint e = mi >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, mi)) : -1;
      if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY)
        break;
      nkg_rel_add_unique (found, e);
      k = nkg_rel_mention (c, mi)->last;
    }
  if (found->len < 2)
    return FALSE;
  for (guint j = 0; j < found->len; j++)
    nkg_rel_add_unique (out, g_array_index (found, gint, j));
  return TRUE;
}

/* Whether the names listed from q on ("Ecuador and Peru") are followed
 * by a participle or gerund ("attending", "expected"), the verb of an
 * absolute clause. */
static gboolean
absolute_clause (const Ctx *c, guint q)
{
  for (guint n; q < c->last && (n = nkg_rel_list_next (c, q)) && nkg_rel_mention_starting_at (c, n) >= 0;)
    q = nkg_rel_mention (c, nkg_rel_mention_starting_at (c, n))->last;
  if (q >= c->last)
    return FALSE;
  const NkgTag *t = nkg_tag_at (c->in->tags, q);
  return t->pos == NKG_POS_VERB && (t->form == NKG_FORM_GER || t->form == NKG_FORM_PAST || t->form == NKG_FORM_PART);
}

/* "… signed a large grain supply deal with Norway", "… signed the deal
 * with Acme chief executive Lars Berg", "the framework she signed with
 * Brazil's Defence Minister Paulo Mendes": the other side signed too. A
 * person named after a country and a title is that country's signer (the
 * country itself signed only if the text says so); a company before its
 * officer's title is a side of its own. */
/* "with her counterpart, the Minister for Foreign Affairs of Tonga, X",
 * "with my friend and counterpart, Tonga's Foreign Minister X": past a
 * counterpart word in the first words from a, the first person named
 * before any verb, or -1. */
static gint
counterpart_named_after (const Ctx *c, guint a)
{
  guint t = a;
  while (t < c->last && t < a + 4 && !(nkg_rel_roles (c, t) & NKG_W_COUNTERPART))
    t++;
  if (t >= c->last || t >= a + 4)
    return -1;
  return nkg_rel_person_named_after (c, t, 14);
}

static void
with_group (const Ctx *c, guint v, GArray *out)
{
  for (guint k = v + 1; k + 1 < c->last && k < v + 12; k++)
    {
      if (!nkg_rel_is (c, k, "with"))
        continue;
      guint a = k + 1;
      if (nkg_rel_is (c, a, "the"))
        a++;
      /* ", with President X witnessing": an onlooker, not a side. */
      gboolean aside = strcmp (nkg_rel_tok (c, k - 1)->text, ",") == 0;
      gint mi = nkg_rel_mention_starting_at (c, a);
      if (mi < 0 && aside)
        return;
      /* "with the Nepali government": its country, when the article
       * names it */
      guint had = out->len;
      if (mi < 0)
        nkg_rel_demonym_sides (c, a, MIN (a + 3, c->last), out);
      if (out->len > had)
        return;
      if (mi < 0)
        {
          /* "with Norwegian Defence Minister X", "with his counterpart X" */
          guint p = a;
          while (p < c->last
                 && ((nkg_rel_roles (c, p) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_COUNTERPART))
                     || nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, p)->text) || nkg_rel_is (c, p, "his")
                     || nkg_rel_is (c, p, "her") || nkg_rel_is (c, p, "their") || strcmp (nkg_rel_tok (c, p)->text, ",") == 0))
            p++;
          gint pm = p > a ? nkg_rel_mention_starting_at (c, p) : -1;
          gint pe = pm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, pm)) : -1;
          if (nkg_rel_eclass (c, pe) != NKG_CLASS_PERSON)
            pe = counterpart_named_after (c, a);
          if (nkg_rel_eclass (c, pe) == NKG_CLASS_PERSON)
            nkg_rel_add_unique (out, pe);
          return;
        }
      NkgMention *m = nkg_rel_mention (c, mi);
      /* ", with Ecuador (and Peru) attending as observers", ", with Tonga
       * expected to join": an absolute clause, whose verb follows the
       * names, says what they do instead of signing. */
      if (aside && absolute_clause (c, m->last))
        return;
      gint e = nkg_rel_entity (c, m);
      NkgClass kl = nkg_rel_eclass (c, e);
      if (kl == NKG_CLASS_PERSON)
        {
          if (!aside)
            nkg_rel_add_unique (out, e);
          return;
        }
      if (kl != NKG_CLASS_COUNTRY && nkg_class_coarse (kl) != NKG_CLASS_ORG)
        return;
      /* Past the possessive and the title to the person they qualify. */
      guint p = m->last;
      if (p < c->last && (nkg_rel_tok (c, p)->flags & NKG_TOK_POSS))
        {
          p++;
          /* "with Chad's Ministry of Fisheries": the body signs */
          gint bm = kl == NKG_CLASS_COUNTRY ? nkg_rel_mention_starting_at (c, p) : -1;
          gint be = bm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, bm)) : -1;
          if (be >= 0 && nkg_class_coarse (nkg_rel_eclass (c, be)) == NKG_CLASS_ORG)
            {
              nkg_rel_add_unique (out, be);
              return;
            }
        }
      guint title_start = p;
      while (p < c->last
             && ((nkg_rel_roles (c, p) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_PORTFOLIO))
                 || ((nkg_rel_is (c, p, "of") || nkg_rel_is (c, p, "for")) && p > title_start && p + 1 < c->last
                     && (nkg_rel_roles (c, p + 1) & NKG_W_PORTFOLIO))))
        p++;
      gint pm = p > title_start ? nkg_rel_mention_starting_at (c, p) : -1;
      gint pe = pm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, pm)) : -1;
      if (nkg_rel_eclass (c, pe) == NKG_CLASS_PERSON && !aside)
        {
          nkg_rel_add_unique (out, pe);
          if (kl == NKG_CLASS_COUNTRY)
            return;
        }
      nkg_rel_add_unique (out, e);
      if (kl != NKG_CLASS_COUNTRY && members_after (c, m->last, out))
        return;
      /* "… a pact with Cuba, Haiti and Jamaica": every country or body of
       * the list signed, not only the first. */
      for (guint q = m->last; q + 1 < c->last;)
        {
          guint n = nkg_rel_list_next (c, q);
          if (!n)
            break;
          gint ni = nkg_rel_mention_starting_at (c, n);
          if (ni < 0)
            break;
          NkgMention *nm = nkg_rel_mention (c, ni);
          gint ne = nkg_rel_entity (c, nm);
          NkgClass nk = nkg_rel_eclass (c, ne);
          /* ", Venezuela's ally" or ", President X": no longer the list */
          if ((nk != NKG_CLASS_COUNTRY && nkg_class_coarse (nk) != NKG_CLASS_ORG)
              || (nm->last < c->last && (nkg_rel_tok (c, nm->last)->flags & NKG_TOK_POSS)))
            break;
          nkg_rel_add_unique (out, ne);
          q = nm->last;
        }
      return;
    }
}

static gint plural_anaphor (const Ctx *c, guint v);
static void recent_sides (const Ctx *c, GArray *out);
static void latest_pair (const Ctx *c, GArray *out);
static gboolean sides_anaphor (const Ctx *c, guint v);

/* The countries a mention of the agreement in this sentence names, two
 * or more ("the Japan-Palau Cable Accord"; not "the US-brokered deal"),
 * appended to out. */
static void
named_sides (const Ctx *c, gint agreement, GArray *out)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (nkg_rel_entity (c, m) != agreement || m->nested)
        continue;
      g_autoptr (NkgIntArray) named = nkg_int_array_new ();
      for (guint j = 0; j < c->here->len; j++)
        {
          NkgMention *n = nkg_rel_mention (c, g_array_index (c->here, guint, j));
          gint e = nkg_rel_entity (c, n);
          if (n != m && n->first >= m->first && n->last <= m->last && nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY)
            nkg_rel_add_unique (named, e);
        }
      if (named->len >= 2)
        {
          g_array_append_vals (out, named->data, named->len);
          return;
        }
    }
}

/* "the Kenyan and Ghanaian governments", "the Indian, Japanese and
 * Australian ministers" right before the verb at v: the countries, when
 * the article names them all (appended to out). */
static gboolean
demonym_pair (Ctx *c, guint v, GArray *out)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  if (k < c->first + 4 || !NKG_IN_LIST ("demonymsides", nkg_tag_at (c->in->tags, k - 1)->lemma))
    return FALSE;
  /* "the Latvian and Estonian foreign ministers" */
  guint last = titlemods_before (c, k - 1);
  if (last < c->first + 3 || !nkg_rel_is (c, last - 2, "and"))
    return FALSE;
  g_autoptr (NkgIntArray) found = nkg_int_array_new ();
  /* back from the last adjective over ", X", "and X" and ", and X" */
  for (guint i = last - 1;;)
    {
      gint e = nkg_rel_country_entity (c, nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i)->text));
      for (guint j = 0; j < found->len && e >= 0; j++)
        e = g_array_index (found, gint, j) == e ? -1 : e;
      if (e < 0)
        return FALSE;
      g_array_prepend_val (found, e);
      if (i < c->first + 2 || !(nkg_rel_is (c, i - 1, "and") || strcmp (nkg_rel_tok (c, i - 1)->text, ",") == 0))
        break;
      i -= nkg_rel_is (c, i - 1, "and") && i >= c->first + 3 && strcmp (nkg_rel_tok (c, i - 2)->text, ",") == 0 ? 3 : 2;
    }
  if (found->len < 2)
    return FALSE;
  g_array_append_vals (out, found->data, found->len);
  return TRUE;
}

/* "The Chilean [foreign] minister signed", "the Kenyan leader signed":
 * the one official named before whom the description stands for
 * (nkg_rel_described_official), else -1. */
static gint
described_signer (Ctx *c, guint v)
{
  guint k = v;
  while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
    k--;
  if (k < c->first + 3)
    return -1;
  const NkgToken *head = nkg_rel_tok (c, k - 1);
  if ((head->flags & NKG_TOK_CAP) || !(nkg_rel_roles (c, k - 1) & NKG_W_TITLE))
    return -1;
  guint first = titlemods_before (c, k - 1);
  if (first < c->first + 2 || !nkg_rel_is (c, first - 2, "the") || (nkg_rel_tok (c, first)->flags & NKG_TOK_CAP))
    return -1;
  gint country = nkg_rel_country_entity (c, nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, first - 1)->text));
  if (country < 0)
    return -1;
  const NkgSegments *seg = c->in->seg;
  g_autofree char *office = g_utf8_strdown (seg->text + nkg_rel_tok (c, first)->start, head->end - nkg_rel_tok (c, first)->start);
  gboolean unplaced;
  return nkg_rel_described_official (c, office, country, &unplaced);
}

/* The parties of a planned signing named indirectly before the verb at v:
 * "the Kenyan and Ghanaian governments will sign", "the two governments
 * will sign" (the sides of the last signing, else the two countries the
 * last sentences speak of). */
static void
planned_indirect_sides (Ctx *c, guint v, GArray *out)
{
  if (demonym_pair (c, v, out) || plural_anaphor (c, v) != 1)
    return;
  if (c->last_sides->len)
    {
      g_array_append_vals (out, c->last_sides->data, c->last_sides->len);
      return;
    }
  g_autoptr (NkgIntArray) recent = nkg_int_array_new ();
  recent_sides (c, recent);
  if (recent->len > 2 && sides_anaphor (c, v))
    {
      g_array_set_size (recent, 0);
      latest_pair (c, recent);
    }
  if (recent->len == 2)
    g_array_append_vals (out, recent->data, recent->len);
}

/* "Israel and the UAE will sign an agreement": not signed yet, but the
 * countries are its parties. */
static void
planned_parties (Ctx *c, guint v, double conf)
{
  gint agreement = nkg_rel_agreement_near (c, v, TRUE);
  if (agreement < 0)
    return;
  g_autoptr (NkgIntArray) group = nkg_int_array_new ();
  guint k = v;
  /* "are expected to sign", "agreed to sign", "is also set to sign": the
   * subject stands before the verbs of a plan and their auxiliaries
   * (patterns.txt planlead; not "refused to sign") */
  while (k > c->first
         && ((nkg_rel_roles (c, k - 1) & NKG_W_FUTURE) || NKG_TOK_IN_LIST ("planlead", nkg_rel_tok (c, k - 1))))
    k--;
  subject_group (c, k, group);
  if (!group->len)
    planned_indirect_sides (c, k, group);
  for (guint i = 0; i < group->len; i++)
    {
      gint s = g_array_index (group, gint, i);
      if (nkg_rel_eclass (c, s) == NKG_CLASS_COUNTRY || nkg_class_coarse (nkg_rel_eclass (c, s)) == NKG_CLASS_ORG)
        nkg_rel_fact (c, agreement, NKG_PROP_PARTY, s, NULL, conf);
    }
}

/* "have not signed", "never signed", "has not yet signed": a refusal, so
 * the subject is no party either (a plan, "will sign", names parties). */
static gboolean
negated_signing (const Ctx *c, guint v)
{
  for (guint k = v; k > c->first && v - k < 3; k--)
    {
      if (nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_NEG)
        return TRUE;
      if (!(nkg_rel_tok (c, k - 1)->flags & NKG_TOK_WORD))
        break;
    }
  return FALSE;
}

/* "put their names to", "gave their signatures to", "affixed their
 * signatures to": an idiom for signing, at its verb (list putsignature). */
static gboolean
put_names_to_at (const Ctx *c, guint v)
{
  /* put_names_to has checked the next word: a possessive, "pen",
   * "signatures" or "names" */
  guint k = v + 1;
  if (nkg_rel_is (c, k, "their") || nkg_rel_is (c, k, "his") || nkg_rel_is (c, k, "her"))
    k++;
  if (!NKG_TOK_IN_LIST ("putsignature", nkg_rel_tok (c, v)))
    return FALSE;
  gboolean put = nkg_rel_tok (c, v)->lower[0] == 'p';
  /* "put pen to paper on" */
  if (put && nkg_rel_is (c, v + 1, "pen") && nkg_rel_is (c, v + 2, "to") && nkg_rel_is (c, v + 3, "paper"))
    return TRUE;
  return (nkg_rel_is (c, k, "signatures") || nkg_rel_is (c, k, "signature")
          || (put && (nkg_rel_is (c, k, "names") || nkg_rel_is (c, k, "name"))))
         && (nkg_rel_is (c, k + 1, "to") || nkg_rel_is (c, k + 1, "on"));
}

/* Asked at every word of every sentence, so inline and by the first letter
 * of the next word: only "their", "his", "her", "pen", "signatures" and
 * "names" can follow the verb. */
static inline gboolean
put_names_to (const Ctx *c, guint v)
{
  if (v + 1 >= c->last)
    return FALSE;
  const char *w = nkg_rel_tok (c, v + 1)->lower;
  switch (w[0])
    {
    case 'h':
      return (strcmp (w, "his") == 0 || strcmp (w, "her") == 0) && put_names_to_at (c, v);
    case 'n':
      return strcmp (w, "names") == 0 && put_names_to_at (c, v);
    case 'p':
      return strcmp (w, "pen") == 0 && put_names_to_at (c, v);
    case 's':
      return strcmp (w, "signatures") == 0 && put_names_to_at (c, v);
    case 't':
      return strcmp (w, "their") == 0 && put_names_to_at (c, v);
    default:
      return FALSE;
    }
}

/* "concluded negotiations", "finalised the talks": the talks ended, no
 * document was signed. */
static gboolean
ends_talks (const Ctx *c, guint v)
{
  guint k = v + 1;
  if (nkg_rel_is (c, k, "the") || nkg_rel_is (c, k, "their") || nkg_rel_is (c, k, "its"))
    k++;
  return k < c->last && NKG_TOK_IN_LIST ("talksnoun", nkg_rel_tok (c, k));
}

/* The agreement named last before this sentence: what "It was signed by
 * …" speaks of. */
gint
nkg_rel_previous_agreement (const Ctx *c)
{
  for (guint k = nkg_mention_index_from_token (c->in->index, c->first); k-- > 0;)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      /* Further back, any agreement is too far to be "it". */
      if (m->sentence + 2 < c->sentence)
        return -1;
      if (m->last > c->first || m->cluster < 0)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        return m->sentence + 2 >= c->sentence ? e : -1;
    }
  return -1;
}

/* The countries named in sentences [from, to), directly or as what their
 * titled officials represent. */
static void
sides_in (const Ctx *c, guint from, guint to, GArray *out)
{
  guint lo, hi, unused;
  nkg_mention_index_sentence (c->in->index, from, &lo, &unused);
  nkg_mention_index_sentence (c->in->index, to, &hi, &unused);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence < from || m->sentence >= to || m->nested || m->cluster < 0 || m->in_quote || m->dateline)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, e) == NKG_CLASS_PERSON)
        e = nkg_rel_represents_of ((Ctx *) c, e);
      if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY)
        nkg_rel_add_unique (out, e);
    }
}

/* The countries named in the three sentences before this one. */
static void
recent_sides (const Ctx *c, GArray *out)
{
  sides_in (c, c->sentence >= 3 ? c->sentence - 3 : 0, c->sentence, out);
}

/* Whether sentence s names its countries as a pair: a meeting ("A's
 * president met B's", "held talks") or two countries joined by "and"
 * ("Mexico and Colombia"). */
static gboolean sentence_meets (const Ctx *c, guint s);

static gboolean
names_pair_in (const Ctx *c, guint s)
{
  if (sentence_meets (c, s))
    return TRUE;
  guint lo, hi;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  for (guint k = lo; k + 1 < hi; k++)
    {
      NkgMention *a = nkg_rel_mention (c, k), *b = nkg_rel_mention (c, k + 1);
      if (a->sentence == s && b->sentence == s && !a->nested && !b->nested && b->first == a->last + 1
          && strcmp (nkg_tok (c->in->seg, a->last)->lower, "and") == 0
          && nkg_rel_eclass (c, nkg_rel_entity (c, a)) == NKG_CLASS_COUNTRY
          && nkg_rel_eclass (c, nkg_rel_entity (c, b)) == NKG_CLASS_COUNTRY)
        return TRUE;
    }
  return FALSE;
}

/* "Mexico and Colombia opened talks. Brazil may join later. The two
 * countries signed …": when the three sentences before name more than
 * two countries, the pair the latest sentence naming two or more names
 * (themselves or through their officials; sentences naming one are
 * passed over) as a pair (names_pair_in), appended to out; nothing when
 * that sentence names three or more. */
static void
latest_pair (const Ctx *c, GArray *out)
{
  g_autoptr (NkgIntArray) named = nkg_int_array_new ();
  for (guint s = c->sentence; s > 0 && c->sentence - s < 3; s--)
    {
      g_array_set_size (named, 0);
      sides_in (c, s - 1, s, named);
      if (named->len < 2)
        continue;
      if (named->len == 2 && names_pair_in (c, s - 1))
        g_array_append_vals (out, named->data, named->len);
      return;
    }
}

/* "A and B held talks in X. Seven agreements were signed …": the two
 * countries the sentence before names (themselves or through their
 * titled officials), when it tells of a meeting. */
static gboolean
met_sides_before (const Ctx *c, GArray *out)
{
  if (c->sentence == 0)
    return FALSE;
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, c->sentence - 1);
  gboolean meet = FALSE;
  for (guint i = x->first; i < x->last && !meet; i++)
    meet = (nkg_rel_roles (c, i) & NKG_W_MEET) != 0;
  if (!meet)
    return FALSE;
  sides_in (c, c->sentence - 1, c->sentence, out);
  return out->len == 2;
}

/* Whether this sentence's mention of the agreement is an indefinite
 * description ("seven agreements", "a memorandum"), not a name or "the
 * deal". */
static gboolean
described_here (const Ctx *c, gint agreement)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (nkg_rel_entity (c, m) == agreement)
        return m->kind == NKG_MENTION_DESCRIPTION && !m->definite;
    }
  return FALSE;
}

/* Whether an agreement's name starts at v: "the Exchange of Notes
 * concerning the grant was signed by A and B" names the document, not
 * the act of exchanging. */
static gboolean
names_agreement_at (const Ctx *c, guint v)
{
  gint m = nkg_rel_mention_starting_at (c, v);
  return m >= 0 && (nkg_rel_tok (c, v)->flags & NKG_TOK_CAP)
         && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, (guint) m))) == NKG_CLASS_AGREEMENT;
}

/* Whether the signing verb at v goes on "on behalf of", "for his / her /
 * their / the …", after an adverb, an ordinal or neither ("signed first
 * on behalf of the host country", "signed later for his country"). */
static gboolean
signs_on_behalf (const Ctx *c, guint v)
{
  guint w = v + 1;
  if (w < c->last && (nkg_tag_at (c->in->tags, w)->pos == NKG_POS_ADV || (nkg_rel_roles (c, w) & NKG_W_ORDINAL)))
    w++;
  return (nkg_rel_is (c, w, "on") && nkg_rel_is (c, w + 1, "behalf"))
         || (nkg_rel_is (c, w, "for") && (nkg_rel_is (c, w + 1, "his") || nkg_rel_is (c, w + 1, "her")
                                          || nkg_rel_is (c, w + 1, "their") || nkg_rel_is (c, w + 1, "the")));
}

/* Whether a country after a title's "of" ends at `end`: "Ambassador of
 * Chile | to Peru Ana Costa". */
static gboolean
title_of_country_before (const Ctx *c, guint end)
{
  gint m = nkg_rel_mention_ending_at (c, end);
  if (m < 0)
    return FALSE;
  const NkgMention *cm = nkg_rel_mention (c, (guint) m);
  if (nkg_rel_eclass (c, nkg_rel_entity (c, cm)) != NKG_CLASS_COUNTRY || cm->first < c->first + 2
      || !nkg_rel_is (c, cm->first - 1, "of"))
    return FALSE;
  /* "Minister of Energy of", "Ambassador Extraordinary and Plenipotentiary of" */
  for (guint k = cm->first - 1; k-- > c->first && k + 5 >= cm->first;)
    if (nkg_rel_roles (c, k) & (NKG_W_TITLE | NKG_W_PORTFOLIO))
      return TRUE;
  return FALSE;
}

/* Whether a country's mention starts at i or, after "the", at i + 1. */
static gboolean
country_starts (const Ctx *c, guint i)
{
  if (i < c->last && nkg_rel_is (c, i, "the"))
    i++;
  gint m = nkg_rel_mention_starting_at (c, i);
  return m >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, (guint) m))) == NKG_CLASS_COUNTRY;
}

/* Whether "took place" or "was held" stands in [a, b): "The signing
 * ceremony took place at the Ministry of Finance between A and B". */
static gboolean
took_place_within (const Ctx *c, guint a, guint b)
{
  for (guint k = a; k + 1 < b; k++)
    if (((nkg_rel_is (c, k, "took") || nkg_rel_is (c, k, "takes")) && nkg_rel_is (c, k + 1, "place"))
        || (nkg_rel_is (c, k, "was") && nkg_rel_is (c, k + 1, "held")))
      return TRUE;
  return FALSE;
}

/* "A signed on behalf of X, while B signed for his country", "…, and B,
 * Country Director of the bank, signed on behalf of the bank": the person
 * of the later clause signed the same agreement. */
static void
second_signer (Ctx *c, guint v, gint agreement, double conf)
{
  for (guint w = v + 2; w + 2 < c->last; w++)
    {
      if (!(nkg_rel_roles (c, w) & NKG_W_SIGN) || nkg_rel_is_planned (c, w))
        continue;
      if (!signs_on_behalf (c, w))
        continue;
      guint from = w;
      while (from > v + 1 && !nkg_rel_is (c, from - 1, "while") && !nkg_rel_is (c, from - 1, "whereas")
             && strcmp (nkg_rel_tok (c, from - 1)->text, ";") != 0
             && !(nkg_rel_is (c, from - 1, "and") && strcmp (nkg_rel_tok (c, from - 2)->text, ",") == 0))
        from--;
      if (from <= v + 1)
        return;
      g_autoptr (NkgIntArray) people = nkg_int_array_new ();
      nkg_rel_collect (c, from, w, people, nkg_rel_want_person);
      for (guint i = 0; i < people->len; i++)
        nkg_rel_fact (c, g_array_index (people, gint, i), NKG_PROP_SIGNED, agreement, NULL, conf * 0.9);
      return;
    }
}

/* Where and when an earlier sentence `s` says something happened
 * ("… held a meeting with X in London on Tuesday"); -1 and "" when not. */
static gint
where_when_in (Ctx *c, guint s, char date[11])
{
  const NkgSentence *prev = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  guint first = c->first, last = c->last;
  g_autoptr (GArray) here = c->here;
  c->here = g_array_new (FALSE, FALSE, sizeof (guint));
  guint lo, hi;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence == s && m->cluster >= 0)
        g_array_append_val (c->here, k);
    }
  c->first = prev->first;
  c->last = prev->last;
  gint place = nkg_rel_sentence_place (c, c->first, c->first);
  if (!nkg_rel_sentence_date (c, date))
    date[0] = '\0';
  g_array_unref (c->here);
  c->here = g_steal_pointer (&here);
  c->first = first;
  c->last = last;
  return place;
}

/* Whether the sentence c reads says "the same day" or "that day" (a day
 * told before it). */
static gboolean
same_day (const Ctx *c)
{
  for (guint i = c->first + 1; i + 1 < c->last; i++)
    if (nkg_rel_is (c, i + 1, "day") && (nkg_rel_is (c, i, "same") || (nkg_rel_is (c, i, "that") && !nkg_rel_is (c, i - 1, "said"))))
      return TRUE;
  return FALSE;
}

/* Whether sentence s tells of a meeting (words.tsv meet role: "held
 * talks", "met"). */
static gboolean
sentence_meets (const Ctx *c, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  for (guint i = x->first; i < x->last; i++)
    if (nkg_rel_roles (c, i) & NKG_W_MEET)
      return TRUE;
  return FALSE;
}

/* Fills what a signing lacks, its place or its day, from the earlier
 * sentence s (where_when_in). */
static void
take_where_when (Ctx *c, guint s, gint *place, char date[11])
{
  char pdate[11] = "";
  gint pplace = where_when_in (c, s, pdate);
  if (*place < 0)
    *place = pplace;
  if (!date[0])
    g_strlcpy (date, pdate, 11);
}

/* The countries the onlookers in tokens [a, b) stand for, appended to
 * out: the officials named there, when they stand for two or more
 * countries (one onlooker may be a guest), or "the two leaders" when the
 * sentences before name two countries. */
static void
onlooker_sides (Ctx *c, guint a, guint b, GArray *out)
{
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, a, b, people, nkg_rel_want_person);
  g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
  for (guint i = 0; i < people->len; i++)
    {
      gint r = nkg_rel_represents_of (c, g_array_index (people, gint, i));
      if (nkg_rel_eclass (c, r) == NKG_CLASS_COUNTRY)
        nkg_rel_add_unique (sides, r);
    }
  /* "President A of Chile and President B of Peru", "the President of
   * Chile and the Prime Minister of Peru": the countries their posts are
   * of, which no represents says yet */
  guint posts = 0;
  for (guint k = a; k + 1 < b; k++)
    {
      gint mi = nkg_rel_is (c, k, "of") ? nkg_rel_mention_starting_at (c, k + 1) : -1;
      gint e = mi >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, mi)) : -1;
      if (e >= 0 && nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY)
        {
          nkg_rel_add_unique (sides, e);
          posts++;
        }
    }
  gboolean two = FALSE;
  for (guint k = a; k + 1 < b && !people->len && !two; k++)
    two = (nkg_rel_is (c, k, "two") || nkg_rel_is (c, k, "both"))
          && NKG_TOK_IN_LIST ("pluralpeople", nkg_rel_tok (c, k + 1));
  if (two)
    recent_sides (c, sides);
  if (sides->len < 2 || (!people->len && !posts && sides->len != 2))
    return;
  for (guint i = 0; i < sides->len; i++)
    nkg_rel_add_unique (out, g_array_index (sides, gint, i));
}

/* "A and B witnessed the signing of X", "After the talks, the two leaders
 * witnessed the signing of …": leaders look on (@witness) while their
 * officials sign, so the countries they stand for are the sides
 * (onlooker_sides). `signing` is the noun's token. */
static void
witnessing_sides (Ctx *c, guint signing, GArray *out)
{
  guint w = signing;
  while (w > c->first && signing - w < 3 && !(nkg_tag_at (c->in->tags, w - 1)->pos == NKG_POS_VERB))
    w--;
  if (w == c->first || nkg_tag_at (c->in->tags, w - 1)->pos != NKG_POS_VERB
      || !NKG_IN_LIST ("witness", nkg_tag_at (c->in->tags, w - 1)->lemma) || nkg_rel_is_planned (c, w - 1))
    return;
  guint v = w - 1;
  /* the subject, past a fronted "After the talks," */
  guint a = c->first;
  if ((nkg_rel_roles (c, a) & NKG_W_STOPCAP) || nkg_tag_at (c->in->tags, a)->pos == NKG_POS_PREP)
    for (guint k = a; k < v; k++)
      if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0)
        {
          a = k + 1;
          break;
        }
  onlooker_sides (c, a, v, out);
}

/* "The MoUs were exchanged in the presence of Prime Minister A and
 * President B", "In the presence of the two leaders, the following
 * documents were exchanged": the onlookers after "in the presence of"
 * (patterns.txt onlooknoun), up to a verb, as onlooker_sides counts
 * them. */
static void
presence_sides (Ctx *c, GArray *out)
{
  for (guint k = c->first; k + 4 < c->last; k++)
    if (nkg_rel_is (c, k, "in") && nkg_rel_is (c, k + 1, "the")
        && NKG_TOK_IN_LIST ("onlooknoun", nkg_rel_tok (c, k + 2)) && nkg_rel_is (c, k + 3, "of"))
      {
        guint b = k + 4;
        while (b < c->last && nkg_tag_at (c->in->tags, b)->pos != NKG_POS_VERB && nkg_tag_at (c->in->tags, b)->pos != NKG_POS_AUX)
          b++;
        onlooker_sides (c, k + 4, b, out);
        return;
      }
}

/* Whether a person's name ends in tokens [a, b) before any comma, "and"
 * or verb: "Fiji Wu Qingping" after "Ambassador to". */
static gboolean
person_within (const Ctx *c, guint a, guint b)
{
  for (guint k = a; k < b && k < c->last; k++)
    {
      if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0 || nkg_rel_is (c, k, "and")
          || nkg_tag_at (c->in->tags, k)->pos == NKG_POS_VERB)
        return FALSE;
      gint mi = nkg_rel_mention_ending_at (c, k + 1);
      if (mi >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, mi))) == NKG_CLASS_PERSON)
        return TRUE;
    }
  return FALSE;
}

/* "signed a petition against the accord", "signed an open letter
 * opposing the pact": the object of the active signing verb at v is a
 * thing people sign that is no agreement (patterns.txt signedthing), so
 * an agreement named after it is what the document is about, not what
 * was signed. The object's head is its first noun past determiners,
 * numbers and adjectives; one inside an agreement's name ("a Letter of
 * Intent") is that agreement. */
static gboolean
signs_other_thing (const Ctx *c, guint v)
{
  for (guint k = v + 1; k < c->last && k <= v + 5; k++)
    {
      const NkgTag *g = nkg_tag_at (c->in->tags, k);
      if (g->pos == NKG_POS_DET || g->pos == NKG_POS_NUM || g->pos == NKG_POS_ADJ || g->pos == NKG_POS_POSS
          || g->pos == NKG_POS_ADV || (k == v + 2 && nkg_rel_is (c, k, "open")))
        continue;
      if (g->pos != NKG_POS_NOUN || !NKG_IN_LIST ("signedthing", g->lemma))
        return FALSE;
      for (guint j = 0; j < c->here->len; j++)
        {
          NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, j));
          if (m->first <= k && k < m->last && nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_AGREEMENT)
            return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}

/* Whether token i opens an item of a list of agreements: ",", ";", ":"
 * or "including". */
static gboolean
list_item_after (const Ctx *c, guint i)
{
  const char *w = nkg_rel_tok (c, i)->text;
  return strcmp (w, ",") == 0 || strcmp (w, ";") == 0 || strcmp (w, ":") == 0 || nkg_rel_is (c, i, "including");
}

/* Whether an organisation is named after token v in the sentence. */
static gboolean
body_after (const Ctx *c, guint v)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first > v && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, m))) == NKG_CLASS_ORG)
        return TRUE;
    }
  return FALSE;
}

/* Where a short phrase of place before token `end` starts ("on the
 * border", "at the crossing"): a preposition of patterns.txt asideprep,
 * "the" and up to three lower-case words; else `end`. */
static guint
place_aside_start (const Ctx *c, guint end)
{
  for (guint p = end - 1; p > c->first && p + 5 >= end; p--)
    {
      const NkgToken *w = nkg_rel_tok (c, p);
      if (NKG_TOK_IN_LIST ("asideprep", w) && p + 2 < end && nkg_rel_is (c, p + 1, "the"))
        return p;
      if (!(w->flags & NKG_TOK_WORD) || (w->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM)))
        return end;
    }
  return end;
}

gboolean
nkg_rel_signing_cue (const Ctx *c)
{
  if (nkg_rel_sentence_roles (c) & NKG_W_SIGN)
    return TRUE;
  const NkgWordList *put = NKG_WORD_LIST ("putsignature");
  for (guint v = c->first; v < c->last; v++)
    if (nkg_patterns_word_list_tok_has (put, nkg_rel_tok (c, v)))
      return TRUE;
  return FALSE;
}

/* Whether the signing at token v is dated before the article's year: "in
 * 1995", "two decades ago", "last year" within its own phrase (up to a
 * comma, fourteen tokens on). */
static gboolean
signed_before_the_news (const Ctx *c, guint v)
{
  long year = c->in->date ? strtol (c->in->date, NULL, 10) : 0;
  for (guint i = v + 1; i + 1 < c->last && i < v + 14 && strcmp (nkg_rel_tok (c, i)->text, ",") != 0; i++)
    {
      const char *next = nkg_rel_tok (c, i + 1)->text;
      if ((nkg_rel_is (c, i, "last") && nkg_rel_is (c, i + 1, "year"))
          || ((nkg_rel_is (c, i, "years") || nkg_rel_is (c, i, "decades")) && nkg_rel_is (c, i + 1, "ago")))
        return TRUE;
      if (nkg_rel_is (c, i, "in") && year > 0 && strlen (next) == 4 && g_ascii_isdigit (next[0]) && strtol (next, NULL, 10) >= 1900
          && strtol (next, NULL, 10) < year && !(i + 2 < c->last && nkg_rel_is (c, i + 2, "-")))
        return TRUE;
    }
  return FALSE;
}

void
nkg_rel_pattern_signing (Ctx *c, double conf)
{
  /* Each word the rule reads is one of role sign or one put_names_to
   * takes, of list putsignature: a sentence with neither has nothing. */
  if (!nkg_rel_signing_cue (c))
    return;
  for (guint v = c->first; v < c->last; v++)
    {
      const NkgToken *t = nkg_rel_tok (c, v);
      if (!(nkg_rel_roles (c, v) & NKG_W_SIGN) && !put_names_to (c, v))
        continue;
      if (nkg_rel_is_planned (c, v))
        {
          if (!negated_signing (c, v))
            planned_parties (c, v, conf * 0.7);
          continue;
        }
      /* "signed off on the budget" approves; "concluded negotiations" ends talks. */
      if (ends_talks (c, v) || nkg_rel_is (c, v + 1, "off"))
        continue;
      /* "witnessed the signing of X", "… the exchange of X" (not of one
       * between bodies the sentence names after it: theirs, not the
       * onlookers' countries') */
      gboolean noun = strcmp (t->lower, "signing") == 0
                      || (strcmp (t->lower, "exchange") == 0 && v > c->first && nkg_rel_is (c, v - 1, "the")
                          && nkg_rel_is (c, v + 1, "of") && !body_after (c, v) && !names_agreement_at (c, v));
      /* "exchange" and "sign" in the present are too often plans or nouns. */
      if (!noun && NKG_TOK_IN_LIST ("presentplan", t))
        continue;
      gboolean passive = !noun && nkg_rel_is_passive (c, v);
      /* "a 2019 memorandum signed by Turkey and Libya": a participle right
       * after the agreement is passive without its "was". */
      if (!noun && !passive && v + 1 < c->last && nkg_rel_is (c, v + 1, "by"))
        {
          /* "The pact, signed by A and B on Friday, …" */
          guint comma = v > c->first && strcmp (nkg_rel_tok (c, v - 1)->text, ",") == 0 ? v - 1 : v;
          gint before = nkg_rel_mention_ending_at (c, comma);
          /* "- Agreement on X on the border, signed by A and B": where
           * it stands, between the agreement and its participle */
          if (before < 0 && comma < v)
            before = nkg_rel_mention_ending_at (c, place_aside_start (c, comma));
          passive = before >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, before))) == NKG_CLASS_AGREEMENT;
        }
      /* "The accord signed in Cusco on Monday lets …", "… signed at a
       * ceremony …": a participle right after the agreement, then where
       * it was signed, is passive too (not "the treaty signed in 1962",
       * "… in March": when, about an old one whose signers the sentence
       * may name elsewhere). */
      if (!noun && !passive && v + 2 < c->last && (nkg_rel_is (c, v + 1, "in") || nkg_rel_is (c, v + 1, "at"))
          && g_str_has_suffix (t->lower, "ed") && !(nkg_rel_tok (c, v + 2)->flags & NKG_TOK_NUM)
          && !nkg_date_month (nkg_rel_tok (c, v + 2)->text))
        {
          gint before = nkg_rel_mention_ending_at (c, v);
          passive = before >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, before))) == NKG_CLASS_AGREEMENT;
          /* (not when a place comes before it: "… met in Accra, under an
           * agreement signed in Cotonou" is an older one, told aside) */
          for (guint j = 0; j < c->here->len && passive; j++)
            {
              NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, j));
              passive = !(m->last <= v && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, m))) == NKG_CLASS_PLACE);
            }
        }
      /* "X said the accord, concluded after years of talks, would …": a
       * participle set off after an agreement that a report verb brings
       * in describes it; who reports did not sign it ("A and B are parties
       * to the treaty, signed in 2019" still did). */
      if (!noun && !passive && v > c->first + 1 && strcmp (nkg_rel_tok (c, v - 1)->text, ",") == 0
          && g_str_has_suffix (t->lower, "ed"))
        {
          gint before = nkg_rel_mention_ending_at (c, v - 1);
          if (before >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, before))) == NKG_CLASS_AGREEMENT)
            {
              guint q = nkg_rel_mention (c, before)->first;
              while (q > c->first && (nkg_rel_is (c, q - 1, "the") || nkg_rel_is (c, q - 1, "that")))
                q--;
              if (q > c->first && (nkg_rel_roles (c, q - 1) & NKG_W_REPORT))
                continue;
            }
        }
      if (!noun && !passive && signs_other_thing (c, v))
        continue;
      gint agreement = nkg_rel_agreement_near (c, v, !passive);
      /* "It was signed by …": the agreement of the sentence before. */
      if (agreement < 0 && passive && v >= c->first + 2
          && (nkg_rel_is (c, c->first, "it") || nkg_rel_is (c, c->first, "this")) && c->first + 3 >= v)
        agreement = nkg_rel_previous_agreement (c);
      /* "Vietnam, Laos and Cambodia signed it": the agreement just named. */
      if (agreement < 0 && !passive && !noun && nkg_rel_is (c, v + 1, "it"))
        agreement = nkg_rel_previous_agreement (c);
      /* "attended the signing ceremony between …": the article's deal. */
      /* "X signed on behalf of Ghana", "Y signed for his country": the
       * article's agreement, signed by whoever is named before. */
      gboolean on_behalf = !passive && !noun && signs_on_behalf (c, v);
      if (agreement < 0 && (noun || on_behalf))
        agreement = nkg_rel_salient_agreement (c);
      /* "… put their names to the document": the agreement just named */
      if (agreement < 0 && put_names_to (c, v))
        agreement = nkg_rel_previous_agreement (c);
      if (agreement < 0)
        continue;
      g_autoptr (NkgIntArray) signers = nkg_int_array_new ();
      /* "… by X and Y"; "between X and Y" right after the verb or the
       * agreement ("the signing ceremony between …", "the deal between
       * … was sealed"), not in a later clause. */
      guint agreement_end = 0;
      for (guint k = 0; k < c->here->len; k++)
        {
          NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          if (nkg_rel_entity (c, m) == agreement && m->last > agreement_end && (m->last <= v || m->first > v))
            agreement_end = m->last;
        }
      if (agreement_end && nkg_rel_is (c, agreement_end, "between") && agreement_end < v)
        {
          guint end = agreement_end + 1;
          while (end < v && !nkg_rel_is (c, end, "was") && !nkg_rel_is (c, end, "were") && !nkg_rel_is (c, end, "is"))
            end++;
          nkg_rel_collect (c, agreement_end + 1, end, signers, nkg_rel_want_signer);
          nkg_rel_governments_as_countries (c, signers);
        }
      /* "The Accord on Trade between Chile and Peru was signed by A and
       * B": the between-phrase names the sides, the by-phrase the
       * people who signed for them; both signed. */
      gboolean sides_between = signers->len > 0;
      /* A subordinate clause ("… one day after a meeting between …") is
       * about something else. */
      guint clause_end = c->last;
      for (guint k = v + 1; k < c->last; k++)
        if (nkg_rel_is (c, k, "after") || nkg_rel_is (c, k, "before") || nkg_rel_is (c, k, "which") || nkg_rel_is (c, k, "when"))
          {
            clause_end = k;
            break;
          }
      gboolean more_by = FALSE;
      for (guint k = v + 1; k < clause_end && (!signers->len || sides_between || more_by); k++)
        /* "the signing of the accord by A and B" */
        if (((passive || (noun && k == agreement_end)) && nkg_rel_is (c, k, "by"))
            || (!sides_between && nkg_rel_is (c, k, "between")
                && (k <= v + 3 || k == agreement_end || passive || (noun && took_place_within (c, v + 1, k)))
                && !ends_other_agreement (c, k, agreement) && !other_agreement_within (c, v + 1, k, agreement)))
          {
            guint end = k + 1;
            /* "… by A and B, witnessed by President C": who looks on is
             * no signer (@witness, of the pattern table's lists). */
            while (end < c->last && !nkg_rel_is (c, end, "which") && strcmp (nkg_rel_tok (c, end)->text, ";") != 0
                   && !(strcmp (nkg_rel_tok (c, end)->text, ",") == 0 && end + 1 < c->last
                        && (nkg_rel_is (c, end + 1, "in") || NKG_TOK_IN_LIST ("bylistend", nkg_rel_tok (c, end + 1))))
                   && !(end > k + 1 && nkg_tag_at (c->in->tags, end)->pos == NKG_POS_VERB
                        && NKG_IN_LIST ("witness", nkg_tag_at (c->in->tags, end)->lemma)))
              {
                if (nkg_rel_is (c, end, "in") || nkg_rel_is (c, end, "on") || nkg_rel_is (c, end, "at") || nkg_rel_is (c, end, "to"))
                  {
                    /* "by Chinese Ambassador to Fiji Wu Qingping": a
                     * title's "to" or "on" remit runs into the name */
                    if ((nkg_rel_is (c, end, "to") || nkg_rel_is (c, end, "on")) && (nkg_rel_roles (c, end - 1) & NKG_W_TITLE)
                        && person_within (c, end + 1, end + 6))
                      {
                        end++;
                        continue;
                      }
                    /* "by A, Ambassador of Japan to the Philippines, and
                     * B": a post's "to COUNTRY" after its country */
                    if (nkg_rel_is (c, end, "to") && title_of_country_before (c, end)
                        && (country_starts (c, end + 1) || person_within (c, end + 1, end + 6)))
                      {
                        end++;
                        continue;
                      }
                    /* "by the rebels' chief negotiator at the Lusaka
                     * talks, X": a title's remit, then the name */
                    guint comma = end + 1;
                    while (comma < c->last && comma < end + 8 && strcmp (nkg_rel_tok (c, comma)->text, ",") != 0)
                      comma++;
                    /* "between A, secretary at the Ministry of Finance, and
                     * B, …": the title's place, then the next signer */
                    guint next = comma + 1;
                    if (next + 1 < c->last && nkg_rel_is (c, next, "and"))
                      next++;
                    if (!(nkg_rel_roles (c, end - 1) & NKG_W_TITLE) || next >= c->last
                        || nkg_rel_mention_starting_at (c, next) < 0
                        || nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, nkg_rel_mention_starting_at (c, next))))
                             != NKG_CLASS_PERSON)
                      break;
                    end = next;
                    continue;
                  }
                end++;
              }
            /* "The signing ceremony took place at X between A, Country
             * Director of the bank, and B": the people, to the clause's end */
            gboolean held = noun && k > v + 3 && k != agreement_end && !passive && nkg_rel_is (c, k, "between");
            nkg_rel_collect (c, k + 1, held ? MIN (end, clause_end) : end, signers,
                             held ? nkg_rel_want_person : nkg_rel_want_signer);
            /* "signed on behalf of Peru by A and on behalf of Chile by B":
             * the next side's by-phrase too */
            more_by = FALSE;
            if (passive && end + 4 < clause_end && nkg_rel_is (c, end - 1, "and") && nkg_rel_is (c, end, "on")
                && nkg_rel_is (c, end + 1, "behalf") && nkg_rel_is (c, end + 2, "of"))
              for (guint j = end + 3; j < clause_end && j < end + 12 && !more_by; j++)
                if (nkg_rel_is (c, j, "by"))
                  {
                    more_by = TRUE;
                    k = j - 1;
                  }
            /* "signed by A on behalf of the Chilean government and by B on
             * behalf of …": past A's side to the next signer's by-phrase */
            if (passive && !more_by && end + 4 < clause_end && nkg_rel_is (c, end, "on") && nkg_rel_is (c, end + 1, "behalf")
                && nkg_rel_is (c, end + 2, "of"))
              for (guint j = end + 3; j + 1 < clause_end && j < end + 12; j++)
                {
                  if (nkg_rel_is (c, j, "by") || strcmp (nkg_rel_tok (c, j)->text, ";") == 0)
                    break;
                  if (nkg_rel_is (c, j, "and") && nkg_rel_is (c, j + 1, "by"))
                    {
                      more_by = TRUE;
                      k = j; /* the loop's step lands on the "by" */
                      break;
                    }
                }
            if (more_by)
              continue;
            break;
          }
      if (noun && !signers->len)
        witnessing_sides (c, v, signers);
      if (passive && !signers->len)
        presence_sides (c, signers);
      if (!passive && !noun && !signers->len)
        subject_group (c, v, signers);
      /* "A met B in Suva, and the two sides signed …": the subject is the
       * countries the anaphor stands for, resolved below; the people the
       * first clause names sign only when it stands for none ("… shaking
       * hands as they signed" is theirs). */
      g_autoptr (NkgIntArray) clause_signers = nkg_int_array_new ();
      if (!passive && !noun && !signers->len)
        {
          /* The subject: from the sentence start, past a leading
           * "During …," or "Following …," clause. */
          guint a = c->first;
          guint r = nkg_rel_roles (c, a);
          /* "On 12 December in Lima, …": a fronted prepositional phrase
           * (a comma after a dash lists inside it: "On Monday the ten
           * members and five partners — A, B … — signed") */
          if (((r & NKG_W_STOPCAP) || nkg_tag_at (c->in->tags, a)->pos == NKG_POS_PREP) && !nkg_rel_is (c, a, "the")
              && !nkg_rel_is (c, a, "both"))
            for (guint k = a; k < v; k++)
              {
                const NkgToken *t = nkg_rel_tok (c, k);
                if ((t->flags & NKG_TOK_DASH) && (t->flags & NKG_TOK_SPACE))
                  break;
                if (strcmp (t->text, ",") == 0)
                  {
                    a = k + 1;
                    break;
                  }
              }
          /* A capital this far from the verb is a place, not its
           * government ("Officials from Paris said the treaty signed …"). */
          nkg_rel_collect (c, a, v, signers, is_signer_class);
          if (sides_anaphor (c, v))
            {
              g_array_append_vals (clause_signers, signers->data, signers->len);
              g_array_set_size (signers, 0);
            }
        }
      /* "The Chilean minister signed …": the official named before */
      gint described = !passive && !noun && !signers->len ? described_signer (c, v) : -1;
      if (described >= 0)
        g_array_append_val (signers, described);
      /* "… signed a deal with Poland": the other side signed too (kept
       * apart too: "… and a rail deal with Chad" has its own). */
      g_autoptr (NkgIntArray) withs = nkg_int_array_new ();
      if (!passive && !noun)
        {
          with_group (c, v, withs);
          for (guint i = 0; i < withs->len; i++)
            nkg_rel_add_unique (signers, g_array_index (withs, gint, i));
        }
      /* "Officials from the two sides inked 12 agreements in the presence
       * of A and his counterpart B": a subject that names no signer, so
       * the onlookers' countries are the sides, as in the passive. */
      if (!passive && !noun && !signers->len)
        presence_sides (c, signers);
      /* "… the signing of two accords between Brazil and Canada. A MoU was
       * signed on …": the next sentence goes on about the same signing. */
      gboolean inherited = FALSE;
      /* "The two sides also signed …", "Both the countries signed …",
       * "They signed …": the parties of the last signing. */
      gint anaphor = signers->len ? 0 : !passive && !noun ? plural_anaphor (c, v) : by_anaphor (c, v);
      GArray *antecedent = anaphor == 1 ? c->last_sides : c->last_leaders;
      /* "the two governments signed" after a body and a ministry signed:
       * states, not the last signing's sides */
      g_autoptr (NkgIntArray) none = nkg_int_array_new ();
      if (anaphor == 1 && !all_countries (c, antecedent) && anaphor_names_states (c, v))
        antecedent = none;
      /* "The two sides" after two leaders signed: the countries they represent. */
      g_autoptr (NkgIntArray) their = nkg_int_array_new ();
      if (anaphor == 1 && !antecedent->len)
        {
          for (guint i = 0; i < c->last_leaders->len; i++)
            {
              gint r = nkg_rel_represents_of (c, g_array_index (c->last_leaders, gint, i));
              gboolean dup = r < 0;
              for (guint j = 0; j < their->len && !dup; j++)
                dup = g_array_index (their, gint, j) == r;
              if (!dup)
                g_array_append_val (their, r);
            }
          if (their->len >= 2)
            antecedent = their;
        }
      /* "The two sides inked …" with no signing before: the two countries
       * the last sentences speak of, themselves or through their officials. */
      g_autoptr (NkgIntArray) recent = nkg_int_array_new ();
      gboolean from_recent = FALSE;
      if (anaphor == 1 && !antecedent->len)
        {
          recent_sides (c, recent);
          /* (more than two: the pair named last, never for "they") */
          if (recent->len > 2 && (passive || noun || sides_anaphor (c, v)))
            {
              g_array_set_size (recent, 0);
              latest_pair (c, recent);
            }
          if (recent->len == 2)
            {
              antecedent = recent;
              from_recent = TRUE;
            }
        }
      /* "The two sides signed 12 agreements in Lima. Chile and Peru …"
       * with no country named before: the pair the next two sentences
       * name first, as a pair (names_pair_in). */
      if (anaphor == 1 && !antecedent->len && c->sentence + 1 < c->in->seg->sentences->len)
        {
          g_array_set_size (recent, 0);
          sides_in (c, 0, c->sentence + 1, recent);
          for (guint s = c->sentence + 1; !recent->len && s < c->sentence + 3 && s < c->in->seg->sentences->len; s++)
            {
              sides_in (c, s, s + 1, recent);
              if (recent->len == 2 && names_pair_in (c, s))
                antecedent = recent;
            }
        }
      /* "The foreign ministers of A, B, C and D met … The four nations
       * signed …": as many countries as the last sentences name. */
      guint numbered = !anaphor && !passive && !noun && !signers->len ? numbered_sides (c, v) : 0;
      if (numbered)
        {
          recent_sides (c, recent);
          /* (named in the sentences before: where and when they met) */
          gboolean near = recent->len == numbered;
          if (!near)
            {
              /* "The 12 nations signed …" and the article lists them
               * elsewhere */
              g_array_set_size (recent, 0);
              article_list_of (c, numbered, FALSE, recent);
            }
          if (recent->len == numbered)
            {
              antecedent = recent;
              from_recent = near;
              anaphor = 1;
            }
        }
      /* "The bloc's member states signed X": the countries the article
       * says are its members */
      if (!anaphor && !passive && !noun && !signers->len && !numbered && members_subject (c, v)
          && article_list_of (c, 0, TRUE, recent))
        {
          antecedent = recent;
          anaphor = 1;
        }
      /* "Fifteen countries signed X": the one list of fifteen countries
       * the article names */
      guint counted = !anaphor && !passive && !noun && !signers->len && !numbered ? counted_number (c, v) : 0;
      if (counted && article_list_of (c, counted, FALSE, recent))
        {
          antecedent = recent;
          anaphor = 1;
        }
      /* "the Kenyan and Ghanaian governments signed": the two countries,
       * when the article names them. */
      g_autoptr (NkgIntArray) adjectives = nkg_int_array_new ();
      if (!passive && !noun && !signers->len && !anaphor)
        {
          if (demonym_pair (c, v, adjectives))
            g_array_append_vals (signers, adjectives->data, adjectives->len);
        }
      /* "The two leaders signed …" with no signing before: the two
       * officials the sentence before names. */
      g_autoptr (NkgIntArray) met = nkg_int_array_new ();
      if (anaphor == 2 && !antecedent->len && c->sentence > 0)
        {
          titled_people_before (c, met);
          gint r0 = met->len == 2 ? nkg_rel_represents_of (c, g_array_index (met, gint, 0)) : -1;
          gint r1 = met->len == 2 ? nkg_rel_represents_of (c, g_array_index (met, gint, 1)) : -1;
          /* not two officials of one side */
          if (met->len == 2 && (r0 != r1 || r0 < 0))
            antecedent = met;
        }
      /* "A met her counterpart B in Lima. They signed …": the two
       * officials of the sides found, whom the sentence before names as
       * meeting, signed as well as their sides. */
      g_autoptr (NkgIntArray) they = nkg_int_array_new ();
      if (anaphor == 1 && antecedent->len >= 2 && !passive && !noun && c->sentence > 0
          && sentence_meets (c, c->sentence - 1))
        {
          guint k = v;
          while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
            k--;
          if (k == c->first + 1 && nkg_rel_is (c, c->first, "they"))
            {
              g_autoptr (NkgIntArray) people = nkg_int_array_new ();
              titled_people_before (c, people);
              gint r0 = people->len == 2 ? nkg_rel_represents_of (c, g_array_index (people, gint, 0)) : -1;
              gint r1 = people->len == 2 ? nkg_rel_represents_of (c, g_array_index (people, gint, 1)) : -1;
              gboolean in0 = FALSE, in1 = FALSE;
              for (guint i = 0; i < antecedent->len; i++)
                {
                  in0 |= g_array_index (antecedent, gint, i) == r0;
                  in1 |= g_array_index (antecedent, gint, i) == r1;
                }
              if (r0 >= 0 && r1 >= 0 && r0 != r1 && in0 && in1)
                {
                  g_array_append_vals (they, antecedent->data, antecedent->len);
                  g_array_append_vals (they, people->data, people->len);
                  antecedent = they;
                }
            }
        }
      /* "She met Foreign Minister B. The two foreign ministers signed
       * …": the two so titled the article named before (as for a
       * by-phrase's "the two Presidents", below) */
      g_autoptr (NkgIntArray) titled_subject = nkg_int_array_new ();
      if (anaphor == 2 && !antecedent->len && !passive && !noun)
        {
          guint k = v;
          while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
            k--;
          if (k > c->first && NKG_TOK_IN_LIST ("pluralpeople", nkg_rel_tok (c, k - 1))
              && titled_pair_before (c, k - 1, titled_subject))
            antecedent = titled_subject;
        }
      /* "… signed by the two Presidents" named sentences before: the
       * two so titled (with the sides a between-phrase names, too) */
      g_autoptr (NkgIntArray) titled = nkg_int_array_new ();
      guint plural = (passive || nkg_rel_is (c, v + 1, "by")) && (!signers->len || sides_between) && !(anaphor && antecedent->len)
                       ? by_plural_title (c, v) : 0;
      if (plural && titled_pair_before (c, plural, titled))
        {
          if (signers->len)
            g_array_append_vals (signers, titled->data, titled->len);
          else
            {
              antecedent = titled;
              anaphor = 2;
            }
        }
      /* "The Japan-Palau Cable Accord was signed in Tokyo": the countries
       * its name pairs signed it. */
      if (passive && !signers->len)
        named_sides (c, agreement, signers);
      /* "… a summit of the leaders of A, B and C. The leaders signed …" */
      g_autoptr (NkgIntArray) group = nkg_int_array_new ();
      if (!passive && !noun && !signers->len && !(anaphor && antecedent->len))
        {
          guint k = v;
          while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
            k--;
          guint a = k;
          while (a > c->first && k - a < 5 && (nkg_rel_tok (c, a - 1)->flags & NKG_TOK_WORD)
                 && !(nkg_rel_tok (c, a - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && !nkg_rel_is (c, a - 1, "and"))
            a--;
          /* "They", "The leaders" open the sentence */
          if (a == c->first + 1 && (nkg_rel_tok (c, c->first)->flags & NKG_TOK_CAP))
            a--;
          gboolean grouped = a == c->first && nkg_rel_group_anaphor (c, a, k, group);
          if (grouped)
            {
              antecedent = group;
              anaphor = anaphor ? anaphor : 1;
              from_recent = TRUE;
            }
          /* "The three ministers signed …", "The ministers also signed
           * …": the people so titled just named, as well as their sides */
          if (a == c->first && k > a && NKG_TOK_IN_LIST ("pluralpeople", nkg_rel_tok (c, k - 1)))
            {
              const NkgToken *n = nkg_rel_tok (c, a + (nkg_rel_is (c, a, "the") ? 1 : 0));
              guint count = (n->flags & NKG_TOK_NUM) ? (guint) atoi (n->text) : nkg_rel_number_word (n->lower);
              if (titled_group_before (c, k - 1, count, group))
                {
                  antecedent = group;
                  anaphor = anaphor ? anaphor : 2;
                  from_recent = TRUE;
                }
            }
        }
      if (!(anaphor && antecedent->len) && !signers->len)
        g_array_append_vals (signers, clause_signers->data, clause_signers->len);
      g_autoptr (NkgIntArray) talked = nkg_int_array_new ();
      if (anaphor && antecedent->len)
        {
          g_array_append_vals (signers, antecedent->data, antecedent->len);
          inherited = TRUE;
        }
      else if (passive && !signers->len && c->last_signing != G_MAXUINT && c->sentence <= c->last_signing + 2
               && !has_signers (c, agreement))
        {
          g_array_append_vals (signers, c->last_signers->data, c->last_signers->len);
          inherited = TRUE;
        }
      /* "India and Chad held talks … Seven agreements were signed": an
       * agreement the passive sentence first describes, the two sides
       * that just met */
      else if (passive && !signers->len && !has_signers (c, agreement) && agreement_end && agreement_end <= v
               && described_here (c, agreement) && met_sides_before (c, talked))
        {
          g_array_append_vals (signers, talked->data, talked->len);
          inherited = TRUE;
        }
      else if (signers->len)
        {
          g_array_set_size (c->last_signers, 0);
          g_array_append_vals (c->last_signers, signers->data, signers->len);
          c->last_signing = c->sentence;
          remember_sides (c, signers);
        }
      /* "Fifteen countries on Sunday signed X in Hanoi": no one named,
       * but the signing's place and day are stated. */
      if (!signers->len && !noun && !passive && !counted_subject (c, v))
        continue;
      /* "Foreign ministers from A, B and C gathered in Lima. D, E and F
       * signed X": as many people as the group just named, none of whose
       * side is told, signed for its countries. */
      g_autoptr (NkgIntArray) their_group = nkg_int_array_new ();
      if (!inherited && signers->len >= 2)
        {
          gboolean unsided = TRUE;
          for (guint i = 0; i < signers->len && unsided; i++)
            {
              gint s = g_array_index (signers, gint, i);
              unsided = nkg_rel_eclass (c, s) == NKG_CLASS_PERSON && nkg_rel_represents_of (c, s) < 0;
            }
          if (unsided)
            leaders_of_group (c, their_group);
          if (their_group->len != signers->len)
            g_array_set_size (their_group, 0);
        }
      double sconf = inherited ? conf * 0.7 : conf;
      for (guint i = 0; i < their_group->len; i++)
        {
          gint s = g_array_index (their_group, gint, i);
          nkg_rel_fact (c, s, NKG_PROP_SIGNED, agreement, NULL, sconf * 0.9);
          nkg_rel_fact (c, agreement, NKG_PROP_PARTY, s, NULL, sconf * 0.9);
        }
      for (guint i = 0; i < signers->len; i++)
        {
          gint s = g_array_index (signers, gint, i);
          NkgClass k = nkg_rel_eclass (c, s);
          nkg_rel_fact (c, s, NKG_PROP_SIGNED, agreement, NULL, sconf);
          if (k != NKG_CLASS_PERSON)
            nkg_rel_fact (c, agreement, NKG_PROP_PARTY, s, NULL, sconf);
        }
      /* "A and B signed the treaty in 1995", "… signed two decades
       * ago": a signing told as background, not a meeting of the news */
      if (!inherited && !signed_before_the_news (c, v))
        nkg_rel_met_pairs (c, signers, conf * 0.85);
      /* "signed a Joint Commission Agreement and a joint communique",
       * "A MoU was signed … and a Letter of Arrangement …" */
      g_autoptr (NkgIntArray) others = nkg_int_array_new ();
      if (!noun)
        for (guint k = 0; k < c->here->len; k++)
          {
            NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
            gint other = nkg_rel_entity (c, m);
            if (m->first <= v || nkg_rel_eclass (c, other) != NKG_CLASS_AGREEMENT || other == agreement || m->first < 2)
              continue;
            gboolean listed = nkg_rel_is (c, m->first - 1, "and") || nkg_rel_is (c, m->first - 2, "and");
            /* "signed three agreements: a fisheries accord, a memorandum
             * on tourism and …", "… 12 deals, including a …": the items
             * of a list the main agreement opens. */
            /* "the following documents were exchanged: a …; a …; and
             * a …": a passive verb opens the list itself. */
            guint list_from = agreement_end > v ? agreement_end : (passive && agreement_end ? v : 0);
            if (!listed && list_from && (list_item_after (c, m->first - 1) || list_item_after (c, m->first - 2)))
              for (guint t = list_from; t < m->first && !listed; t++)
                listed = strcmp (nkg_rel_tok (c, t)->text, ":") == 0 || nkg_rel_is (c, t, "including");
            if (!listed)
              continue;
            nkg_rel_add_unique (others, other);
            /* "signed a health deal with Ghana and a rail deal with
             * Uganda": the second's own partner, not the first's */
            g_autoptr (NkgIntArray) own_withs = nkg_int_array_new ();
            gboolean own_with = m->last < c->last && nkg_rel_is (c, m->last, "with");
            if (own_with)
              with_group (c, m->last - 1, own_withs);
            g_autoptr (NkgIntArray) its = nkg_int_array_new ();
            for (guint i = 0; i < signers->len; i++)
              {
                gint sg = g_array_index (signers, gint, i);
                gboolean theirs = FALSE;
                for (guint j = 0; own_with && j < withs->len && !theirs; j++)
                  theirs = g_array_index (withs, gint, j) == sg;
                if (!theirs)
                  nkg_rel_add_unique (its, sg);
              }
            for (guint i = 0; i < own_withs->len; i++)
              nkg_rel_add_unique (its, g_array_index (own_withs, gint, i));
            for (guint i = 0; i < its->len; i++)
              {
                gint sg = g_array_index (its, gint, i);
                nkg_rel_fact (c, sg, NKG_PROP_SIGNED, other, NULL, sconf * 0.9);
                if (nkg_rel_eclass (c, sg) != NKG_CLASS_PERSON)
                  nkg_rel_fact (c, other, NKG_PROP_PARTY, sg, NULL, sconf * 0.9);
              }
            /* "a Letter of Arrangement between DRDO and DSTL" */
            if (m->last < c->last && nkg_rel_is (c, m->last, "between"))
              {
                g_autoptr (NkgIntArray) own = nkg_int_array_new ();
                guint end = m->last + 1;
                while (end < c->last && !nkg_rel_is (c, end, "on") && !nkg_rel_is (c, end, "in") && strcmp (nkg_rel_tok (c, end)->text, ",") != 0)
                  end++;
                nkg_rel_collect (c, m->last + 1, end, own, nkg_rel_want_signer);
                for (guint i = 0; i < own->len; i++)
                  {
                    gint sg = g_array_index (own, gint, i);
                    nkg_rel_fact (c, sg, NKG_PROP_SIGNED, other, NULL, conf * 0.8);
                    if (nkg_rel_eclass (c, sg) != NKG_CLASS_PERSON)
                      nkg_rel_fact (c, other, NKG_PROP_PARTY, sg, NULL, conf * 0.8);
                  }
              }
          }
      /* "the signing ceremony in Shanghai": a noun takes only what is
       * attached to it, not "a new chapter in India-US relations". */
      guint from = noun ? v : c->first;
      guint saved_last = c->last;
      /* … unless the sentence is about the signing: "The signing took
       * place on the sidelines of X in Quito". */
      gboolean about = noun && (nkg_rel_is (c, v + 1, "took") || nkg_rel_is (c, v + 1, "was") || nkg_rel_is (c, v + 1, "ceremony"));
      /* "The signing of the accord by A and B took place in Kampala" */
      for (guint k = v + 1; noun && !about && k + 1 < c->last; k++)
        about = (nkg_rel_is (c, k, "took") && nkg_rel_is (c, k + 1, "place")) || (nkg_rel_is (c, k, "was") && nkg_rel_is (c, k + 1, "held"));
      if (noun && !about)
        c->last = MIN (c->last, v + 5);
      gint place = nkg_rel_sentence_place (c, from, v);
      char date[11] = "";
      if ((!noun || about) && !nkg_rel_sentence_date (c, date))
        date[0] = '\0';
      c->last = saved_last;
      /* "The talks were followed by the signing of two accords": the
       * meeting's place and day, from the sentence before. */
      if (noun && c->sentence > 0 && (place < 0 || !date[0]))
        {
          gboolean meeting = FALSE, after = FALSE;
          for (guint k = c->first; k < c->last; k++)
            {
              meeting |= nkg_rel_is (c, k, "meeting") || nkg_rel_is (c, k, "talks");
              after |= nkg_rel_is (c, k, "followed") || nkg_rel_is (c, k, "after");
            }
          if (meeting && after)
            {
              /* the talks themselves, up to three sentences back ("…
               * held talks in Beijing on Tuesday. Li said … After the
               * talks, the two leaders witnessed the signing of …") */
              guint talks = c->sentence - 1;
              for (guint b = c->sentence; b-- > 0 && b + 3 >= c->sentence;)
                if (sentence_meets (c, b))
                  {
                    talks = b;
                    break;
                  }
              take_where_when (c, talks, &place, date);
            }
        }
      /* "Chile and Peru held talks in Lima on Monday. The two sides signed
       * …": where and when the sentence before met (not "… carried out
       * 70 projects in Laos. In 2024, the two governments signed …"). */
      if (from_recent && c->sentence > 0 && (place < 0 || !date[0]) && sentence_meets (c, c->sentence - 1))
        {
          take_where_when (c, c->sentence - 1, &place, date);
        }
      /* "… signed it on the same day", "Earlier the same day, the notes
       * were signed": the day of the nearest sentence before that gives
       * one (of five: a numbered paragraph's number is one), and its
       * place when this one names none */
      if (c->sentence > 0 && !date[0] && same_day (c))
        for (guint b = c->sentence; b-- > 0 && b + 5 >= c->sentence;)
          {
            char bdate[11] = "";
            gint bplace = where_when_in (c, b, bdate);
            if (!bdate[0])
              continue;
            if (place < 0)
              place = bplace;
            g_strlcpy (date, bdate, sizeof date);
            break;
          }
      /* "A MoU was signed …" after that: the same signing's place and day. */
      if (inherited && place < 0)
        place = c->last_place;
      if (inherited && !date[0])
        g_strlcpy (date, c->last_date, sizeof date);
      /* The agreements signed with it were signed there and then too. */
      g_array_prepend_val (others, agreement);
      for (guint k = 0; k < others->len; k++)
        {
          gint a = g_array_index (others, gint, k);
          double f = (inherited ? 0.7 : 1.0) * (k ? 0.9 : 1.0);
          /* A country is the main agreement's place only until a city
           * is found (document_facts); the others keep just cities. */
          if (place >= 0 && (!k || nkg_rel_eclass (c, place) != NKG_CLASS_COUNTRY))
            nkg_rel_fact (c, a, NKG_PROP_SIGNED_IN, place, NULL, conf * f);
          if (date[0])
            nkg_rel_fact (c, a, NKG_PROP_SIGNED_ON, -1, date, conf * 0.9 * f);
        }
      c->last_place = place;
      g_strlcpy (c->last_date, date, sizeof c->last_date);
      /* "The following MoUs were signed and exchanged at X:" opens a
       * list whose agreements (relations-listed.c) were signed there, on
       * the day of the release unless it says another */
      for (guint k = c->first; k < v; k++)
        if (NKG_TOK_IN_LIST ("listintro", nkg_rel_tok (c, k)))
          {
            c->list_place = place;
            g_strlcpy (c->list_date, date[0] ? date : c->in->date ? c->in->date : "", sizeof c->list_date);
            break;
          }
      second_signer (c, v, agreement, conf);
      return;
    }
}
