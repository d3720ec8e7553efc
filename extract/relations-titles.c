/* relations-titles.c — job titles, whom officials represent and work for, the home country
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "tagger.h"
#include "textutil.h"

/* ---------------------------------------------------------------- titles */

gint
nkg_rel_represents_of (Ctx *c, gint person)
{
  gint f = person < 0 ? -1 : nkg_doc_facts_first (c->facts, person, NKG_PROP_REPRESENTS);
  return f < 0 ? -1 : ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, f))->object;
}

gboolean
nkg_rel_has_title (Ctx *c, gint person)
{
  const GArray *about = person < 0 ? NULL : nkg_doc_facts_of_subject (c->facts, person);
  for (guint i = 0; about && i < about->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, i));
      if (f->prop == NKG_PROP_JOB_TITLE || f->prop == NKG_PROP_REPRESENTS)
        return TRUE;
    }
  return FALSE;
}

/* Whether words.tsv has "<word x><sep><word y>" as a title phrase. */
static gboolean
title_phrase (const Ctx *c, guint x, const char *sep, guint y)
{
  g_autofree char *phrase = g_strconcat (nkg_rel_tok (c, x)->lower, sep, nkg_rel_tok (c, y)->lower, NULL);
  return (nkg_lexicon_word (c->in->lexicon, phrase) & NKG_W_TITLE) != 0;
}

/* A title phrase ending right before token `end`: lower- or upper-case
 * title words with a head among them. Returns its first token, or `end`. */
static guint
title_before (const Ctx *c, guint end)
{
  guint a = end;
  gboolean head = FALSE;
  while (a > c->first)
    {
      guint r = nkg_rel_roles (c, a - 1);
      /* "Ministry of Commerce spokesman X": a word that ends a body's
       * name of several words is the body's, not the title's */
      gint body = (r & NKG_W_TITLEMOD) && !(r & NKG_W_TITLE) ? nkg_rel_mention_ending_at (c, a) : -1;
      if (body >= 0 && nkg_rel_mention (c, body)->first + 1 < a
          && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, body)))) == NKG_CLASS_ORG)
        break;
      if (r & (NKG_W_TITLE | NKG_W_TITLEMOD))
        {
          head |= (r & NKG_W_TITLE) != 0;
          a--;
        }
      else if (nkg_rel_is (c, a - 1, "and") && a - 1 > c->first && (nkg_rel_roles (c, a - 2) & NKG_W_TITLEMOD))
        a--;
      /* "High Representative", "Under-Secretary": a word that is part of
       * a title only in a phrase of words.tsv */
      else if (head && a < end && (nkg_rel_tok (c, a - 1)->flags & NKG_TOK_WORD)
               && title_phrase (c, a - 1, " ", a))
        a--;
      else if (head && a < end && a - 1 > c->first && (nkg_rel_tok (c, a - 1)->flags & NKG_TOK_DASH)
               && !(nkg_rel_tok (c, a - 1)->flags & NKG_TOK_SPACE) && !(nkg_rel_tok (c, a)->flags & NKG_TOK_SPACE)
               && (nkg_rel_tok (c, a - 2)->flags & NKG_TOK_WORD) && title_phrase (c, a - 2, "-", a))
        a -= 2;
      /* "director-general" */
      else if ((nkg_rel_tok (c, a - 1)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, a - 1)->flags & NKG_TOK_SPACE)
               && a - 1 > c->first && (nkg_rel_roles (c, a - 2) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
        a--;
      else
        break;
    }
  /* A country or demonym word inside ("Union", "State") stays; a demonym
   * was not taken since it has no title role. */
  return head ? a : end;
}

static gboolean title_phrase (const Ctx *c, guint x, const char *sep, guint y);

/* The word that joins two titles one person holds: "and", "cum"
 * ("Deputy Prime Minister cum Minister of Foreign Affairs"; patterns.txt
 * titlejoin). */
static gboolean
title_joiner (const Ctx *c, guint i)
{
  return NKG_TOK_IN_LIST ("titlejoin", nkg_rel_tok (c, i));
}

/* A second title joined by "and" before the title that starts at `ts`
 * ("the Council's Secretary-General and chief negotiator, X"): states it as
 * another jobTitle of person `p` and returns where it starts, so that the
 * body or country is looked for before both; else returns `ts`. */
static guint
also_title_before (Ctx *c, gint p, guint ts, double conf)
{
  if (ts <= c->first + 1 || !title_joiner (c, ts - 1))
    return ts;
  guint t1 = title_before (c, ts - 1);
  if (t1 >= ts - 1)
    return ts;
  g_autofree char *first = nkg_mentions_title_text (c->in->lexicon, c->in->seg, t1, ts - 1);
  nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, first, conf);
  return t1;
}

/* A title phrase starting at `a` ("chief executive officer", "co-founder",
 * "director-general"): its end when it has a head word, else `a`. */
static guint
title_run (const Ctx *c, guint a)
{
  guint e = a;
  gboolean head = FALSE;
  /* "Crown Prince": a title only as a phrase of words.tsv */
  if (e + 1 < c->last && !(nkg_rel_roles (c, e) & (NKG_W_TITLE | NKG_W_TITLEMOD)) && (nkg_rel_tok (c, e)->flags & NKG_TOK_WORD)
      && title_phrase (c, e, " ", e + 1))
    {
      e += 2;
      head = TRUE;
    }
  while (e < c->last
         && ((nkg_rel_roles (c, e) & (NKG_W_TITLE | NKG_W_TITLEMOD))
             /* "co-founder", "ex-chairman": a prefix joined to a title */
             || (e == a && e + 2 < c->last && (nkg_rel_tok (c, e + 1)->flags & NKG_TOK_DASH)
                 && !(nkg_rel_tok (c, e + 1)->flags & NKG_TOK_SPACE) && !(nkg_rel_tok (c, e + 2)->flags & NKG_TOK_SPACE)
                 && (nkg_rel_roles (c, e + 2) & NKG_W_TITLE))
             /* "director-general" */
             || ((nkg_rel_tok (c, e)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, e)->flags & NKG_TOK_SPACE) && e > a
                 && e + 1 < c->last && (nkg_rel_roles (c, e + 1) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
             /* "Ambassador Extraordinary and Plenipotentiary": two
              * modifiers, no title, joined */
             || (nkg_rel_is (c, e, "and") && e > a && e + 1 < c->last
                 && (nkg_rel_roles (c, e - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD)) == NKG_W_TITLEMOD
                 && (nkg_rel_roles (c, e + 1) & (NKG_W_TITLE | NKG_W_TITLEMOD)) == NKG_W_TITLEMOD
                 && (nkg_rel_tok (c, e - 1)->flags & NKG_TOK_CAP) && (nkg_rel_tok (c, e + 1)->flags & NKG_TOK_CAP))))
    head |= (nkg_rel_roles (c, e++) & NKG_W_TITLE) != 0;
  /* "Acting Country Director": modifiers, then a title of two words that
   * words.tsv lists whole */
  if (e > a && e + 1 < c->last && (nkg_rel_roles (c, e - 1) & NKG_W_TITLEMOD)
      && !(nkg_rel_roles (c, e) & (NKG_W_TITLE | NKG_W_TITLEMOD)) && (nkg_rel_tok (c, e)->flags & NKG_TOK_WORD)
      && title_phrase (c, e, " ", e + 1))
    {
      e += 2;
      head = TRUE;
    }
  /* "chief of staff": a title phrase of words.tsv with "of" inside */
  if (head && e + 1 < c->last && nkg_rel_is (c, e, "of") && title_phrase (c, e - 1, " of ", e + 1))
    e += 2;
  return head ? e : a;
}

/* A capitalised common word (WordNet) in a remit that is no portfolio
 * word, no known name and no nationality: "Minister for Sustainability
 * and the Environment", "Special Envoy for Pacific Affairs". */
static gboolean
remit_common_word (const Ctx *c, guint i)
{
  const NkgToken *t = nkg_rel_tok (c, i);
  return (t->flags & NKG_TOK_CAP) && !(nkg_rel_roles (c, i) & (NKG_W_TITLE | NKG_W_HONORIFIC | NKG_W_STOPCAP))
         && nkg_wordnet_word_or_singular (t->lower) && !nkg_lexicon_is_name_part (c->in->lexicon, t->text)
         && !nkg_lexicon_demonym (c->in->lexicon, t->text) && nkg_rel_mention_starting_at (c, i) < 0;
}

/* The end of a title's remit starting at `e` ("of Foreign Affairs and
 * Cooperation", "for Trade, Industry and Energy"): "of" or "for", then
 * capitalised portfolio words joined by "and", commas or "the", ending on
 * a portfolio word; `e` when none follows. */
static guint
remit_after (const Ctx *c, guint e)
{
  if (!(nkg_rel_is (c, e, "of") || nkg_rel_is (c, e, "for")))
    return e;
  /* "X, Sierra Leone's minister of foreign affairs": a title written in
   * lower case takes its remit in lower case */
  gboolean lower = e > c->first && !(nkg_rel_tok (c, e - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER));
  guint end = e;
  for (guint i = e + 1; i < c->last && i < e + 12; i++)
    {
      const NkgToken *t = nkg_rel_tok (c, i);
      gboolean joiner = nkg_rel_is (c, i, "and") || nkg_rel_is (c, i, "the") || strcmp (t->text, ",") == 0;
      if (!joiner && !(((t->flags & NKG_TOK_CAP) || (lower && !(t->flags & NKG_TOK_UPPER))) && (nkg_rel_roles (c, i) & NKG_W_PORTFOLIO))
          && !remit_common_word (c, i))
        break;
      /* "Director-General of the Fisheries Agency": a body's name, which
       * employs, not a portfolio */
      gint om = joiner ? -1 : nkg_rel_mention_starting_at (c, i);
      const NkgMention *body = om >= 0 ? nkg_rel_mention (c, om) : NULL;
      /* (whose name ends there: not "the National Assembly (NA) Standing
       * Committee") */
      gboolean named = body && body->last > i + 1
                       && (body->last >= c->last
                           || ((nkg_rel_tok (c, body->last)->flags & NKG_TOK_PUNCT) && strcmp (nkg_rel_tok (c, body->last)->text, "(") != 0));
      if (named && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, body))) == NKG_CLASS_ORG)
        return end;
      if (!joiner)
        end = i + 1;
      /* a comma before a name is the apposition's end, not a list */
      else if (strcmp (t->text, ",") == 0 && i + 1 < c->last && !(nkg_rel_roles (c, i + 1) & NKG_W_PORTFOLIO))
        break;
    }
  return end;
}

/* The end of a run of up to four capitalised words (joined by hyphens
 * too) from `a` that "of" and a country follow, or `a`. */
static guint
style_before_country (const Ctx *c, guint a)
{
  guint e = a;
  while (e < c->last && e < a + 6
         && ((nkg_rel_tok (c, e)->flags & NKG_TOK_CAP)
             || (e > a && (nkg_rel_tok (c, e)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, e)->flags & NKG_TOK_SPACE))
             || (e > a && (nkg_rel_tok (c, e - 1)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, e)->flags & NKG_TOK_SPACE))))
    {
      if (nkg_rel_mention_starting_at (c, e) >= 0)
        return a; /* a name, not a style */
      e++;
    }
  guint o = e + 1;
  if (e == a || !nkg_rel_is (c, e, "of"))
    return a;
  if (nkg_rel_is (c, o, "the"))
    o++;
  gint om = nkg_rel_mention_starting_at (c, o);
  return om >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, om))) == NKG_CLASS_COUNTRY ? e : a;
}

/* Whether mention m names a legislature's chamber (list chamber):
 * "the Senate", "the National Assembly". */
static gboolean
is_chamber (const Ctx *c, const NkgMention *m)
{
  g_autofree char *text = nkg_segments_span (c->in->seg, m->first, m->last);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  return NKG_IN_LIST ("chamber", lower);
}

/* A lower-case word at i: "conglomerate" in "of the British conglomerate X". */
static gboolean
is_lower_word (const Ctx *c, guint i)
{
  const NkgToken *t = nkg_rel_tok (c, i);
  return (t->flags & NKG_TOK_WORD) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_NUM));
}

/* The organisation of "Secretary, Ministry of Earth Sciences;" after a
 * title that ends at `o` (a bracket after it passed over): a comma, then a
 * body's name, perhaps "in" a place, that ends the item (a semicolon, a
 * comma, the sentence's end); -1 if none. */
static gint
employer_after_comma (const Ctx *c, guint o)
{
  o = nkg_rel_past_bracket (c, o, c->last, 3);
  if (o + 1 >= c->last || strcmp (nkg_rel_tok (c, o)->text, ",") != 0)
    return -1;
  gint om = nkg_rel_mention_starting_at (c, o + 1);
  gint oe = om >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, om)) : -1;
  if (nkg_class_coarse (nkg_rel_eclass (c, oe)) != NKG_CLASS_ORG)
    return -1;
  guint end = nkg_rel_mention (c, om)->last;
  /* "Chief Representative, JICA in New Delhi,": where the office is */
  if (end + 1 < c->last && nkg_rel_is (c, end, "in"))
    {
      gint pm = nkg_rel_mention_starting_at (c, end + 1);
      if (pm >= 0 && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, pm)))) == NKG_CLASS_PLACE)
        end = nkg_rel_mention (c, pm)->last;
    }
  if (end < c->last && strcmp (nkg_rel_tok (c, end)->text, ";") != 0 && strcmp (nkg_rel_tok (c, end)->text, ",") != 0
      && strcmp (nkg_rel_tok (c, end)->text, ".") != 0)
    return -1;
  return oe;
}

/* Whether tokens i, i + 1 are a style of two words (words.tsv: "Datuk
 * Wira", "Dato Sri"). */
static gboolean
honorific_pair (const Ctx *c, guint i)
{
  char buf[64];
  int n = g_snprintf (buf, sizeof buf, "%s %s", nkg_rel_tok (c, i)->lower, nkg_rel_tok (c, i + 1)->lower);
  return n > 0 && (gsize) n < sizeof buf && (nkg_lexicon_word (c->in->lexicon, buf) & NKG_W_HONORIFIC);
}

/* The "at" of "of sea transport at" after a title that ends at `o`: "of"
 * or "for", one to three lower-case words of no title, then "at"; else
 * `o`. */
static guint
lower_remit_then_at (const Ctx *c, guint o)
{
  if (!(nkg_rel_is (c, o, "of") || nkg_rel_is (c, o, "for")))
    return o;
  guint k = o + 1;
  while (k < c->last && k < o + 4 && is_lower_word (c, k) && !nkg_rel_is (c, k, "at")
         && !(nkg_rel_roles (c, k) & (NKG_W_TITLE | NKG_W_STOPCAP)))
    k++;
  return k > o + 1 && k < c->last && nkg_rel_is (c, k, "at") ? k : o;
}

/* "Japan's top diplomat, X", "China's chief negotiator X": the country
 * whose official (list officialnoun, after at most two lower-case words)
 * stands right before the name at `a`; -1 if none. */
static gint
official_of_country_before (Ctx *c, guint a)
{
  guint k = a;
  if (k > c->first && strcmp (nkg_rel_tok (c, k - 1)->text, ",") == 0)
    k--;
  if (k <= c->first || !NKG_TOK_IN_LIST ("officialnoun", nkg_rel_tok (c, k - 1)))
    return -1;
  k--;
  for (guint n = 0; n < 2 && k > c->first && is_lower_word (c, k - 1); n++)
    k--;
  if (k <= c->first + 1 || !(nkg_rel_tok (c, k - 1)->flags & NKG_TOK_POSS))
    return -1;
  gint cm = nkg_rel_mention_ending_at (c, k - 1);
  gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
  return nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY ? ce : -1;
}

/* A title with its remit before a comma and the name: "The Minister for
 * Finance, X", "the Ambassador of Japan to Ghana, X". `end` is the comma.
 * Sets the title's tokens [*ts, *cut) — the remit stays when it is no
 * country ("Minister for Finance"), and goes with the country that
 * follows "of" ("Ambassador" of Japan) — and that country, or -1. */
static gboolean
title_with_remit (Ctx *c, guint end, guint *ts, guint *cut, gint *country)
{
  guint k = end, at = end;
  /* "ADB's vice-president for knowledge management, X": a remit in lower
   * case after "for" or "of", right before the comma */
  {
    guint l = end;
    while (l > c->first && end - l < 3 && is_lower_word (c, l - 1) && !nkg_rel_is (c, l - 1, "for")
           && !nkg_rel_is (c, l - 1, "of") && !(nkg_rel_roles (c, l - 1) & (NKG_W_TITLE | NKG_W_STOPCAP)))
      l--;
    if (l < end && l >= c->first + 2 && (nkg_rel_is (c, l - 1, "for") || nkg_rel_is (c, l - 1, "of"))
        && (nkg_rel_roles (c, l - 2) & NKG_W_TITLE))
      k = l;
  }
  while (k > c->first && end - k < 10 && !(nkg_rel_roles (c, k - 1) & NKG_W_TITLE))
    {
      gint mi = nkg_rel_mention_ending_at (c, k);
      if (mi >= 0 && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, mi)))) == NKG_CLASS_PLACE)
        {
          k = nkg_rel_mention (c, mi)->first;
          /* "the FAO Representative in Sri Lanka, X": where the post is,
           * no part of its name nor the country represented */
          if (at == end && nkg_rel_mention (c, mi)->last == end && k > c->first + 1 && nkg_rel_is (c, k - 1, "in")
              && (nkg_rel_roles (c, k - 2) & NKG_W_TITLE))
            k = at = k - 1;
        }
      /* "chief negotiator at the Lima talks, X": the event is where he
       * holds the post, not part of its name */
      else if (mi >= 0 && at == end && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, mi))) == NKG_CLASS_EVENT)
        {
          guint f = nkg_rel_mention (c, mi)->first;
          if (f > c->first && nkg_rel_is (c, f - 1, "the"))
            f--;
          if (f <= c->first || !nkg_rel_is (c, f - 1, "at"))
            return FALSE;
          k = at = f - 1;
        }
      else if (nkg_rel_is (c, k - 1, "of") || nkg_rel_is (c, k - 1, "for") || nkg_rel_is (c, k - 1, "to") || nkg_rel_is (c, k - 1, "the")
               || nkg_rel_is (c, k - 1, "and") || nkg_rel_is (c, k - 1, "on")
               || (nkg_rel_roles (c, k - 1) & NKG_W_PORTFOLIO)
               /* not a body's name: "the co-founder of the Coastal Fishers
                * Network, X" */
               || (mi < 0 && remit_common_word (c, k - 1)))
        k--;
      else
        return FALSE;
    }
  if (k <= c->first || k == end || !(nkg_rel_roles (c, k - 1) & NKG_W_TITLE))
    return FALSE;
  *ts = title_before (c, k);
  /* "Adviser to the President on Trade, X": the post is the adviser's */
  if (*ts >= c->first + 3 && nkg_rel_is (c, *ts - 1, "the") && nkg_rel_is (c, *ts - 2, "to")
      && (nkg_rel_roles (c, *ts - 3) & NKG_W_TITLE))
    *ts = title_before (c, *ts - 2);
  *cut = at;
  *country = -1;
  for (guint i = k; i < at; i++)
    if (nkg_rel_is (c, i, "of") || nkg_rel_is (c, i, "for") || nkg_rel_is (c, i, "to"))
      {
        guint o = i + 1;
        if (nkg_rel_is (c, o, "the"))
          o++;
        gint mi = nkg_rel_mention_starting_at (c, o);
        gint e = mi >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, mi)) : -1;
        /* "Special Envoy for Myanmar": the remit, sent to it, not by it */
        if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY || nkg_rel_is (c, i, "for"))
          continue;
        if (*cut == at)
          *cut = i;
        if (*country < 0 && !nkg_rel_is (c, i, "to"))
          *country = e;
      }
  return *cut > *ts;
}

/* A title and the body it is held in before a comma and the name: "the
 * Secretary-General of ASEAN, X", "Chairman of the Andean Council, Y",
 * "Secretary to the Ministry of Agriculture, Z".
 * `end` is the comma. Sets the title's tokens [*ts, *cut) and the body. */
static gboolean
title_of_body (Ctx *c, guint end, guint *ts, guint *cut, gint *body)
{
  gint mi = nkg_rel_mention_ending_at (c, end);
  gint e = mi >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, mi)) : -1;
  if (nkg_class_coarse (nkg_rel_eclass (c, e)) != NKG_CLASS_ORG)
    return FALSE;
  guint k = nkg_rel_mention (c, mi)->first;
  if (k > c->first && nkg_rel_is (c, k - 1, "the"))
    k--;
  /* "Secretary to the Ministry of Agriculture, X": a ministry's (list
   * ministryhead; not "Ambassador to the Andean Organization, X", sent
   * to it) */
  gboolean to = k > c->first + 1 && nkg_rel_is (c, k - 1, "to") && NKG_TOK_IN_LIST ("ministryhead", nkg_rel_tok (c, nkg_rel_mention (c, mi)->first));
  if (k <= c->first + 1 || !(nkg_rel_is (c, k - 1, "of") || nkg_rel_is (c, k - 1, "at") || to))
    return FALSE;
  *cut = k - 1;
  *ts = title_before (c, *cut);
  *body = e;
  return *ts < *cut;
}

/* A title sent to a body before a comma and a titled name: "Chile's
 * Permanent Representative to the United Nations, Ambassador X". `end`
 * is the comma. Returns the end of the title ("to"), with its first token
 * in *ts; or `end`, with *ts = end. The body is where the post serves,
 * not its employer. */
static guint
title_sent_to_body (Ctx *c, guint end, guint *ts)
{
  *ts = end;
  guint k = end;
  gint mi = nkg_rel_mention_ending_at (c, end);
  gint e = mi >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, mi)) : -1;
  if (mi >= 0 && nkg_class_coarse (nkg_rel_eclass (c, e)) != NKG_CLASS_ORG)
    return end;
  if (mi >= 0)
    {
      k = nkg_rel_mention (c, mi)->first;
      /* "Permanent Representative to the Andean Trade Organization" taken
       * whole for a body: the body starts after the title's "to" */
      for (guint x = k + 1; x + 1 < end && x < k + 5; x++)
        if (nkg_rel_is (c, x, "to"))
          {
            if (title_before (c, x) == k)
              {
                k = nkg_rel_is (c, x + 1, "the") ? x + 2 : x + 1;
              }
            break;
          }
    }
  else
    /* a body's name that the title took into its piece: capitalised
     * words, "of", "and" */
    while (k > c->first + 1 && k + 8 > end
           && ((nkg_rel_tok (c, k - 1)->flags & NKG_TOK_CAP) || nkg_rel_is (c, k - 1, "of") || nkg_rel_is (c, k - 1, "and"))
           && !(nkg_rel_roles (c, k - 1) & NKG_W_TITLE))
      k--;
  if (k == end || !(nkg_rel_tok (c, k)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
    return end;
  if (k > c->first && nkg_rel_is (c, k - 1, "the"))
    k--;
  if (k <= c->first + 1 || !nkg_rel_is (c, k - 1, "to"))
    return end;
  guint t = title_before (c, k - 1);
  if (t >= k - 1)
    return end;
  *ts = t;
  return k - 1;
}

/* Whether token k is an honorific, or the "His"/"Her" of one ("Mr.",
 * "His Excellency"). */
static gboolean
honorific_at (Ctx *c, guint k)
{
  if (nkg_rel_roles (c, k) & NKG_W_HONORIFIC)
    return TRUE;
  return (nkg_rel_is (c, k, "his") || nkg_rel_is (c, k, "her")) && k + 1 < c->last
         && (nkg_rel_roles (c, k + 1) & NKG_W_HONORIFIC);
}

/* Whether a title's remit from `e` ("of Fisheries and Coastal Affairs")
 * ends at a comma with a person's name after it (honorifics aside). */
static gboolean
next_named_after_remit (Ctx *c, guint e)
{
  guint i = e;
  while (i < c->last && i < e + 8
         && (nkg_rel_is (c, i, "of") || nkg_rel_is (c, i, "for") || nkg_rel_is (c, i, "and") || nkg_rel_is (c, i, "the")
             || (nkg_rel_roles (c, i) & NKG_W_PORTFOLIO) || (nkg_rel_tok (c, i)->flags & NKG_TOK_CAP)))
    i++;
  if (i >= c->last || strcmp (nkg_rel_tok (c, i)->text, ",") != 0)
    return FALSE;
  i++;
  guint n = i;
  while (n < c->last && honorific_at (c, n))
    n++;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if ((o->first == n || o->cue_first == i) && nkg_rel_eclass (c, nkg_rel_entity (c, o)) == NKG_CLASS_PERSON)
        return TRUE;
    }
  return FALSE;
}

/* Country before a title at `a`: "India’s", "Indian", "US", "Japan". */
static gint
country_before (Ctx *c, guint a)
{
  if (a <= c->first)
    return -1;
  guint p = a;
  /* "South Korea’s newly elected President": past the title's adjectives. */
  for (guint n = 0; n < 3 && p > c->first; n++)
    {
      if (p - 1 >= c->last || !NKG_TOK_IN_LIST ("titleadj", nkg_rel_tok (c, p - 1)))
        break;
      p--;
    }
  /* The adjectives may reach the sentence's first token, and before the
   * document's first sentence there is no token at all. */
  if (p > c->first && (nkg_rel_tok (c, p - 1)->flags & NKG_TOK_POSS))
    p--;
  gint mi = nkg_rel_mention_ending_at (c, p);
  if (mi >= 0)
    {
      gint e = nkg_rel_entity (c, nkg_rel_mention (c, mi));
      if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY)
        return e;
      /* "Sri Lankan" may be read as a name of no country */
      if (nkg_rel_mention (c, mi)->first + 3 < p)
        return -1;
    }
  /* Demonyms are not mentions: look the word(s) up ("Papua New Guinean"). */
  guint n;
  const char *country = nkg_rel_demonym_before (c, p, &n);
  return country ? nkg_rel_country_entity (c, country) : -1;
}

/* "X, who is also the Y Minister, …", "X, who also serves as Y", "X,
 * who also holds the office of Y": past the words before a second title
 * held with the one before the name (list alsoholds: the verbs, as
 * written; alsopost: the nouns of "the post of"); else a itself. */
static guint
also_holds (const Ctx *c, guint a)
{
  if (!nkg_rel_is (c, a, "who") || a + 3 >= c->last)
    return a;
  guint k = a + 1;
  if ((nkg_rel_is (c, k, "is") || nkg_rel_is (c, k, "was")) && nkg_rel_is (c, k + 1, "also"))
    return k + 2;
  if (!nkg_rel_is (c, k, "also") || !NKG_TOK_IN_LIST ("alsoholds", nkg_rel_tok (c, k + 1)))
    return a;
  k += 2;
  if (nkg_rel_is (c, k, "as"))
    return k + 1;
  if (k + 2 < c->last && nkg_rel_is (c, k, "the") && NKG_TOK_IN_LIST ("alsopost", nkg_rel_tok (c, k + 1)) && nkg_rel_is (c, k + 2, "of"))
    return k + 3;
  return k;
}

/* "the Norwegian Government was present with its Minister of
 * Fisheries, X": a title after "its" or "their" (or in a list of titles
 * and names after it) is the country's whose
 * government, delegation or side (list ownerside) the clause names
 * before it. */
static gint
owner_before (Ctx *c, guint a)
{
  /* back over the list of titles and names before this one: "its
   * Minister of Fisheries, Mrs. A, Minister of Environment, Mr. B" */
  while (a > c->first && !(nkg_rel_is (c, a - 1, "its") || nkg_rel_is (c, a - 1, "their")))
    {
      const NkgToken *t = nkg_rel_tok (c, a - 1);
      if (!(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_DASH)) && strcmp (t->text, ",") != 0 && strcmp (t->text, ".") != 0
          && !nkg_rel_is (c, a - 1, "and") && !nkg_rel_is (c, a - 1, "of") && !nkg_rel_is (c, a - 1, "for")
          && !nkg_rel_is (c, a - 1, "the") && !nkg_rel_is (c, a - 1, "at") && !(nkg_rel_roles (c, a - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO)))
        return -1;
      a--;
    }
  if (a <= c->first)
    return -1;
  for (guint j = a - 1; j > c->first + 1; j--)
    {
      if (strcmp (nkg_rel_tok (c, j - 1)->text, ";") == 0)
        break;
      if (!NKG_TOK_IN_LIST ("ownerside", nkg_rel_tok (c, j - 1)))
        continue;
      gint ce = country_before (c, j - 1);
      if (ce >= 0)
        return ce;
      break;
    }
  return -1;
}

/* The person or country mention ending at token i and, for a person,
 * a country's possessive before it ("Peru's Ana Costa"): its first token,
 * or i when there is none. */
static guint
list_item_before (Ctx *c, guint i)
{
  gint mi = nkg_rel_mention_ending_at (c, i);
  /* "Ana Costa of Chile" */
  if (mi >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, mi))) == NKG_CLASS_COUNTRY)
    {
      guint f = nkg_rel_mention (c, mi)->first;
      mi = f > c->first + 1 && nkg_rel_is (c, f - 1, "of") ? nkg_rel_mention_ending_at (c, f - 1) : -1;
    }
  if (mi < 0 || nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, mi))) != NKG_CLASS_PERSON)
    return i;
  guint a = nkg_rel_mention (c, mi)->first;
  if (a > c->first + 1 && (nkg_rel_tok (c, a - 1)->flags & NKG_TOK_POSS))
    {
      gint cm = nkg_rel_mention_ending_at (c, a - 1);
      if (cm >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, cm))) == NKG_CLASS_COUNTRY)
        a = nkg_rel_mention (c, cm)->first;
    }
  return a;
}

/* "the two foreign ministers, Peru's Ana Costa and Chile's Luis
 * Vargas": a plural title before a comma and a list of names gives each
 * name the title. `a` is where this name's item starts. Returns the
 * title (singular), or NULL. */
static char *
plural_title_of_list (Ctx *c, guint a)
{
  guint i = a;
  for (guint items = 0; items < 6 && i > c->first + 1; items++)
    {
      const char *w = nkg_rel_tok (c, i - 1)->text;
      /* "foreign ministers A of Chile and B of Peru": lower-case, right
       * before the first name */
      if (nkg_rel_roles (c, i - 1) & NKG_W_TITLE && is_lower_word (c, i - 1))
        {
          const char *one = nkg_lexicon_title_singular (c->in->lexicon, nkg_rel_tok (c, i - 1)->lower);
          guint ts = i - 1;
          /* "Foreign ministers A of X, B of Y": the sentence's first word
           * is capitalised by its place only */
          while (ts > c->first && (nkg_rel_roles (c, ts - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO))
                 && (is_lower_word (c, ts - 1) || ts - 1 == c->first))
            ts--;
          if (one && strcmp (one, nkg_rel_tok (c, i - 1)->lower) != 0)
            return nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts, i);
          return NULL;
        }
      if (strcmp (w, ",") == 0)
        {
          /* the title before the comma */
          guint e = i - 1, ts = e;
          while (ts > c->first && (nkg_rel_roles (c, ts - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO)))
            ts--;
          if (ts < e)
            {
              const char *last = nkg_rel_tok (c, e - 1)->lower;
              const char *one = nkg_lexicon_title_singular (c->in->lexicon, last);
              guint d = ts;
              if (d > c->first && (nkg_rel_tok (c, d - 1)->flags & NKG_TOK_NUM
                                   || NKG_TOK_IN_LIST ("countword", nkg_rel_tok (c, d - 1))))
                d--;
              if (one && strcmp (one, last) != 0 && d > c->first && nkg_rel_is (c, d - 1, "the"))
                return nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts, e);
            }
          i--;
        }
      else if (nkg_rel_is (c, i - 1, "and"))
        i--;
      else
        return NULL;
      if (i > c->first && strcmp (nkg_rel_tok (c, i - 1)->text, ",") == 0 && nkg_rel_is (c, i, "and"))
        i--;
      /* the item before: a name, perhaps with its country's possessive */
      if (strcmp (nkg_rel_tok (c, i - 1)->text, ",") == 0)
        continue;
      guint b = list_item_before (c, i);
      if (b == i)
        return NULL;
      i = b;
    }
  return NULL;
}

/* "Peru, whose President, Luis Vargas, …", "Peru, whose Foreign
 * Minister Luis Vargas": the country before "whose" at token w. */
static gint
whose_country (Ctx *c, guint w)
{
  if (w <= c->first + 1 || !nkg_rel_is (c, w, "whose") || strcmp (nkg_rel_tok (c, w - 1)->text, ",") != 0)
    return -1;
  gint cm = nkg_rel_mention_ending_at (c, w - 1);
  gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
  return nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY ? ce : -1;
}

/* "Chilean Deputy Prime Minister and Foreign Minister Ana Costa": the
 * country before the first of two titles joined by "and", when the
 * title at `a` is the second. */
static gint
country_before_titles (Ctx *c, guint a)
{
  if (a <= c->first + 1 || !title_joiner (c, a - 1))
    return -1;
  guint t1 = title_before (c, a - 1);
  return t1 < a - 1 ? country_before (c, t1) : -1;
}

/* "the bloc's chief", "the bank's president": the organisation named
 * before token i (a lower-case noun, in the sentence or the five before
 * it) that the noun calls back. A noun of list bodyanaphor ("bloc",
 * "grouping") calls back the latest organisation; another organisation
 * noun ("bank", "commission") the latest whose name has that word.
 * Returns the entity, or -1. */
static gint
org_described (const Ctx *c, guint i)
{
  if (i >= c->last || i <= c->first || !nkg_rel_is (c, i - 1, "the"))
    return -1;
  const NkgToken *t = nkg_rel_tok (c, i);
  if (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
    return -1;
  gboolean any = NKG_TOK_IN_LIST ("bodyanaphor", t);
  if (!any && !(nkg_rel_roles (c, i) & (NKG_W_ORG | NKG_W_BODYNOUN)))
    return -1;
  const GPtrArray *ms = c->in->mentions;
  for (guint k = ms->len; k-- > 0;)
    {
      const NkgMention *m = g_ptr_array_index (ms, k);
      if (m->last > i || m->nested || m->cluster < 0)
        continue;
      if (m->sentence + 5 < c->sentence)
        break;
      gint e = nkg_rel_entity (c, m);
      if (nkg_class_coarse (nkg_rel_eclass (c, e)) != NKG_CLASS_ORG)
        continue;
      if (any)
        return e;
      const NkgLocalEntity *le = g_ptr_array_index (c->facts->entities, e);
      g_auto (GStrv) words = g_strsplit (le->name, " ", -1);
      for (guint w = 0; words[w]; w++)
        if (g_ascii_strcasecmp (words[w], t->lower) == 0)
          return e;
    }
  return -1;
}

/* Organisation before a title at `a`: "Novagaz CEO", "MFA spokesperson",
 * "Ministry of External Affairs (MEA) spokesperson". */
static gint
org_before (Ctx *c, guint a, gint *country)
{
  guint p = a;
  if (p > c->first + 2 && strcmp (nkg_rel_tok (c, p - 1)->text, ")") == 0)
    {
      gint acr = nkg_rel_mention_ending_at (c, p - 1);
      if (acr >= 0)
        p = nkg_rel_mention (c, acr)->first - 1;
    }
  gint mi = nkg_rel_mention_ending_at (c, p);
  if (mi < 0)
    return -1;
  NkgMention *m = nkg_rel_mention (c, mi);
  gint e = nkg_rel_entity (c, m);
  if (nkg_class_coarse (nkg_rel_eclass (c, e)) != NKG_CLASS_ORG)
    return -1;
  if (m->title_country)
    *country = nkg_rel_country_entity (c, m->title_country);
  else
    {
      /* "Chinese Foreign Ministry": the demonym before the name. */
      gint ce = country_before (c, m->first);
      if (ce >= 0)
        *country = ce;
    }
  return e;
}

/* "From Pakistan side, …", "On behalf of Ghana, …": the sentence's
 * officials act for that country. */
static gint
side_of_sentence (Ctx *c)
{
  guint i = c->first;
  if (nkg_rel_is (c, i, "from") || (nkg_rel_is (c, i, "on") && nkg_rel_is (c, i + 1, "behalf") && nkg_rel_is (c, i + 2, "of")))
    {
      i += nkg_rel_is (c, i, "from") ? 1 : 3;
      if (nkg_rel_is (c, i, "the"))
        i++;
      gint mi = nkg_rel_mention_starting_at (c, i);
      if (mi < 0)
        return -1;
      NkgMention *m = nkg_rel_mention (c, mi);
      guint after = m->last;
      if (after < c->last && (nkg_rel_tok (c, after)->flags & NKG_TOK_POSS))
        after++;
      if (nkg_rel_is (c, after, "side") || (after < c->last && strcmp (nkg_rel_tok (c, after)->text, ",") == 0))
        {
          gint e = nkg_rel_entity (c, m);
          return nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY ? e : -1;
        }
    }
  return -1;
}

/* "X and Y, on behalf of the governments of A and B respectively": X
 * represents A and Y represents B. */
void
nkg_rel_respectively (Ctx *c, double conf)
{
  guint r = c->last;
  for (guint i = c->first; i < c->last; i++)
    if (nkg_rel_is (c, i, "respectively"))
      r = i;
  if (r == c->last)
    return;
  guint of = r;
  while (of > c->first && !nkg_rel_is (c, of - 1, "of"))
    of--;
  if (of <= c->first)
    return;
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  g_autoptr (NkgIntArray) countries = nkg_int_array_new ();
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      if (m->nested)
        continue;
      if (nkg_rel_eclass (c, e) == NKG_CLASS_PERSON && m->last < of)
        g_array_append_val (people, e);
      else if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY && m->first >= of && m->last <= r)
        g_array_append_val (countries, e);
    }
  /* The people are the last ones named before the list of countries. */
  if (countries->len < 2 || people->len < countries->len)
    return;
  guint skip = people->len - countries->len;
  for (guint i = 0; i < countries->len; i++)
    nkg_rel_fact (c, g_array_index (people, gint, skip + i), NKG_PROP_REPRESENTS, g_array_index (countries, gint, i),
          NULL, conf * 0.9);
}


/* The first job title found for person e, or NULL. */
static const char *
title_of (const Ctx *c, gint e)
{
  const GArray *about = e < 0 ? NULL : nkg_doc_facts_of_subject (c->facts, e);
  for (guint i = 0; about && i < about->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, i));
      if (f->prop == NKG_PROP_JOB_TITLE && f->literal)
        return f->literal;
    }
  return NULL;
}

/* The job title of the nearest person named before mention m in this
 * sentence (other than p) who has one, or NULL. */
static const char *
counterpart_title (const Ctx *c, const NkgMention *m, gint p)
{
  for (guint k = c->here->len; k-- > 0;)
    {
      NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, o);
      if (o->last > m->first || e == p || nkg_rel_eclass (c, e) != NKG_CLASS_PERSON)
        continue;
      return title_of (c, e);
    }
  /* "He met his Japanese counterpart X": the pronoun's official. */
  gint he = nkg_rel_pronoun_subject (c, c->first + 1);
  return he >= 0 && he != p && he != nkg_rel_entity (c, m) ? title_of (c, he) : NULL;
}

/* p, a counterpart, holds the office of the nearest titled official
 * before (counterpart_title). Washington and London style their
 * ministers Secretaries ("his US counterpart" of a Defence Minister is
 * Secretary of Defense): for them only heads of state and government
 * carry over. */
static void
counterpart_same_office (Ctx *c, const NkgMention *m, gint p, double conf)
{
  const char *same = counterpart_title (c, m, p);
  gint rc = nkg_rel_represents_of (c, p);
  const char *rn = rc >= 0 ? ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, rc))->name : "";
  if (same && strstr (same, "inister") && !strstr (same, "Prime")
      && (strcmp (rn, "United States") == 0 || strcmp (rn, "United Kingdom") == 0))
    same = NULL;
  if (same)
    {
      g_autofree char *copy = g_strdup (same);
      nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, copy, conf);
    }
}

/* Where the list of "counterparts" that the item at q continues starts
 * ("his counterparts A of Peru, B of Chile and C", "… Peru's A and
 * Chile's B"): the first item's first token, after the plural word; q
 * when the item at q is no later item of such a list. */
static guint
counterparts_list_start (Ctx *c, guint q)
{
  guint x = q;
  for (guint n = 0; n < 6 && x > c->first + 1; n++)
    {
      guint y = x - 1;
      if (!nkg_rel_is (c, y, "and") && strcmp (nkg_rel_tok (c, y)->text, ",") != 0)
        return q;
      if (y > c->first && nkg_rel_is (c, y, "and") && strcmp (nkg_rel_tok (c, y - 1)->text, ",") == 0)
        y--;
      guint a = list_item_before (c, y);
      if (a == y)
        return q;
      x = a;
      if (x > c->first && nkg_rel_is (c, x - 1, "counterparts"))
        return x;
      /* "his counterparts, A of Peru, …" */
      if (x > c->first + 1 && strcmp (nkg_rel_tok (c, x - 1)->text, ",") == 0 && nkg_rel_is (c, x - 2, "counterparts"))
        return x;
    }
  return q;
}

/* "the Chilean and Peruvian Foreign Ministers A and B": two demonyms
 * joined by "and", a plural title, and two people joined by "and" — each
 * stands for the country of the demonym in the same place. */
static void
paired_demonyms (Ctx *c, double conf, GArray *paired)
{
  for (guint i = c->first; i + 4 < c->last; i++)
    {
      /* "and" first: a cheaper test than looking every word up */
      if (!nkg_rel_is (c, i + 1, "and"))
        continue;
      const char *d1 = nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i)->text);
      const char *d2 = d1 ? nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i + 2)->text) : NULL;
      if (!d2)
        continue;
      gint c1 = nkg_rel_country_entity (c, d1), c2 = nkg_rel_country_entity (c, d2);
      if (c1 < 0 || c2 < 0 || c1 == c2)
        continue;
      /* the plural title: "Foreign Ministers", "presidents", "leaders" */
      guint k = i + 3;
      gboolean plural = FALSE;
      while (k < c->last && k < i + 8 && nkg_rel_mention_starting_at (c, k) < 0)
        {
          const char *w = nkg_rel_tok (c, k)->lower;
          if (!(nkg_rel_roles (c, k) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO)) && !NKG_IN_LIST ("people", w)
              && !g_str_has_suffix (w, "s"))
            break;
          plural |= g_str_has_suffix (w, "s");
          k++;
        }
      /* "the Kazakh and Uzbek foreign ministers, A and B" */
      guint title_end = k;
      if (plural && k + 1 < c->last && strcmp (nkg_rel_tok (c, k)->text, ",") == 0)
        k++;
      gint m1 = k < c->last ? nkg_rel_mention_starting_at (c, k) : -1;
      if (!plural || m1 < 0)
        continue;
      NkgMention *a = nkg_rel_mention (c, m1);
      guint after = a->last;
      if (!(after + 1 < c->last && nkg_rel_is (c, after, "and")))
        continue;
      gint m2 = -1;
      for (guint x = 0; x < c->here->len && m2 < 0; x++)
        {
          NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, x));
          if ((o->first == after + 1 || o->cue_first == after + 1) && !o->nested)
            m2 = g_array_index (c->here, guint, x);
        }
      gint p1 = nkg_rel_entity (c, a), p2 = m2 >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, m2)) : -1;
      if (p2 < 0 || nkg_rel_eclass (c, p1) != NKG_CLASS_PERSON || nkg_rel_eclass (c, p2) != NKG_CLASS_PERSON)
        continue;
      nkg_rel_fact (c, p1, NKG_PROP_REPRESENTS, c1, NULL, conf * 0.9);
      nkg_rel_fact (c, p2, NKG_PROP_REPRESENTS, c2, NULL, conf * 0.9);
      /* each holds the office the plural names */
      if (title_end > i + 3 && (nkg_rel_roles (c, title_end - 1) & NKG_W_TITLE))
        {
          g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, i + 3, title_end);
          nkg_rel_fact (c, p1, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
          nkg_rel_fact (c, p2, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
        }
      nkg_rel_add_unique (paired, p1);
      nkg_rel_add_unique (paired, p2);
    }
}

void
nkg_rel_pattern_titles (Ctx *c, double conf)
{
  gint side = side_of_sentence (c);
  nkg_rel_respectively (c, conf);
  g_autoptr (NkgIntArray) paired = nkg_int_array_new ();
  paired_demonyms (c, conf, paired);
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint p = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, p) != NKG_CLASS_PERSON)
        continue;
      /* Titles found inside the name's chunk. */
      for (guint t = 0; t < nkg_mention_n_titles (m); t++)
        nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, g_ptr_array_index (m->titles, t), conf);
      gint country = nkg_rel_country_entity (c, m->title_country);
      if (m->title_org >= 0)
        {
          NkgMention *o = nkg_rel_mention (c, m->title_org);
          nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, nkg_rel_entity (c, o), NULL, conf);
          if (country < 0 && o->title_country)
            country = nkg_rel_country_entity (c, o->title_country);
        }
      /* "State Bank of Peru (SBP) Chairman X": the body before its
       * acronym in brackets before the title */
      if (m->title_org < 0 && nkg_mention_n_titles (m) && m->cue_first >= c->first + 4
          && strcmp (nkg_rel_tok (c, m->cue_first - 1)->text, ")") == 0
          && strcmp (nkg_rel_tok (c, m->cue_first - 3)->text, "(") == 0)
        {
          gint om = nkg_rel_mention_ending_at (c, m->cue_first - 3);
          gint oe = om >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, om)) : -1;
          if (nkg_class_coarse (nkg_rel_eclass (c, oe)) == NKG_CLASS_ORG)
            nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, oe, NULL, conf * 0.9);
        }
      /* "USAID's Mission Director X", "the bank's Country Director Y": the
       * body whose possessive opens the title */
      if (m->title_org < 0 && nkg_mention_n_titles (m) && m->cue_first > c->first + 1)
        {
          guint k = m->cue_first;
          gboolean own_mark = (nkg_rel_tok (c, k - 1)->flags & NKG_TOK_POSS) && !(nkg_rel_tok (c, k - 1)->flags & NKG_TOK_WORD);
          gint om = nkg_rel_mention_ending_at (c, own_mark ? k - 1 : k);
          const NkgMention *o = om >= 0 ? nkg_rel_mention (c, om) : NULL;
          gint oe = o && (own_mark || (nkg_rel_tok (c, o->last - 1)->flags & NKG_TOK_POSS)) ? nkg_rel_entity (c, o) : -1;
          /* "the bank's Vice-President Z": the body the noun calls back */
          if (!o && own_mark && k >= c->first + 3)
            oe = org_described (c, k - 2);
          if (nkg_class_coarse (nkg_rel_eclass (c, oe)) == NKG_CLASS_ORG)
            nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, oe, NULL, conf * 0.9);
        }
      /* "the Nordavia Aid Agency (NAA, President X)": the body whose
       * acronym opens the bracket the title and name close */
      if (m->title_org < 0 && nkg_mention_n_titles (m) && m->cue_first >= c->first + 3
          && strcmp (nkg_rel_tok (c, m->cue_first - 1)->text, ",") == 0
          && strcmp (nkg_rel_tok (c, m->cue_first - 3)->text, "(") == 0 && m->last < c->last
          && strcmp (nkg_rel_tok (c, m->last)->text, ")") == 0)
        {
          gint om = nkg_rel_mention_ending_at (c, m->cue_first - 1);
          gint oe = om >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, om)) : -1;
          if (nkg_class_coarse (nkg_rel_eclass (c, oe)) == NKG_CLASS_ORG)
            nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, oe, NULL, conf * 0.9);
        }
      /* "Vice Minister Ling Hao of the Ministry of Commerce": the body
       * after the titled name */
      if (m->title_org < 0 && nkg_mention_n_titles (m) && m->last + 1 < c->last && nkg_rel_is (c, m->last, "of"))
        {
          guint o = m->last + 1;
          if (nkg_rel_is (c, o, "the"))
            o++;
          gint om = nkg_rel_mention_starting_at (c, o);
          gint oe = om >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, om)) : -1;
          if (nkg_class_coarse (nkg_rel_eclass (c, oe)) == NKG_CLASS_ORG)
            nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, oe, NULL, conf * 0.9);
        }
      if (country < 0 && nkg_mention_n_titles (m))
        country = country_before (c, m->cue_first);
      if (country < 0 && nkg_mention_n_titles (m))
        country = country_before_titles (c, m->cue_first);
      if (country < 0 && nkg_mention_n_titles (m))
        country = owner_before (c, m->cue_first);
      if (country < 0 && nkg_mention_n_titles (m) && m->cue_first > c->first)
        country = whose_country (c, m->cue_first - 1);
      if (country < 0 && side >= 0 && !m->in_quote)
        country = side;
      /* "the Chilean and Peruvian Foreign Ministers A and B": the pairing
       * (paired_demonyms) said whom each stands for; the demonym nearest
       * the plural title is only the last one's. */
      gboolean was_paired = FALSE;
      for (guint x = 0; x < paired->len && !was_paired; x++)
        was_paired = g_array_index (paired, gint, x) == p;
      if (country >= 0 && !was_paired)
        nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, country, NULL, conf);
      /* Lower-case or comma-separated titles before the name:
       * "Japan foreign minister Hana Sato", "Ghana’s Foreign Minister,
       * Mrs. Ama Serwaa Boateng". */
      guint start = m->cue_first;
      for (;;)
        {
          if (start > c->first && honorific_at (c, start - 1))
            start--;
          /* "chief executive officer Datuk Wira X": a style of two words */
          else if (start > c->first + 1 && honorific_pair (c, start - 2))
            start -= 2;
          else
            break;
        }
      if (start > c->first && strcmp (nkg_rel_tok (c, start - 1)->text, ",") == 0 && !nkg_mention_n_titles (m))
        start--;
      /* "Pakistan's army chief, Field Marshal Tariq Aslam": a second title
       * before the comma, and the country it gives. */
      if (nkg_mention_n_titles (m) && start > c->first + 1 && strcmp (nkg_rel_tok (c, start - 1)->text, ",") == 0)
        {
          guint ts2 = title_before (c, start - 1);
          guint te2 = start - 1;
          if (ts2 == te2)
            te2 = title_sent_to_body (c, start - 1, &ts2);
          if (ts2 < te2)
            {
              g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts2, te2);
              nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
              gint ce = country_before (c, ts2);
              if (ce >= 0)
                nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
            }
        }
      guint ts = title_before (c, start);
      /* "Adviser to the President, X", "Chief of Staff at the Office of
       * the Prime Minister, X": a title after "of the" or "to the" is the
       * complement of X's own post, not X's; X's is the title before the
       * preposition, if any. */
      guint own_end = start;
      if (ts < start && ts >= c->first + 2 && nkg_rel_is (c, ts - 1, "the")
          && (nkg_rel_is (c, ts - 2, "of") || nkg_rel_is (c, ts - 2, "to")))
        {
          /* back over the complement ("at the Office of the ...") to its
           * preposition: the person's own title ends there */
          own_end = ts - 2;
          for (guint n = 0; own_end > c->first + 1 && n < 6; n++)
            {
              const NkgToken *w = nkg_rel_tok (c, own_end - 1);
              if (nkg_rel_is (c, own_end - 1, "at") || nkg_rel_is (c, own_end - 1, "of") || nkg_rel_is (c, own_end - 1, "to"))
                {
                  own_end--;
                  break;
                }
              if (!nkg_rel_is (c, own_end - 1, "the") && !((w->flags & NKG_TOK_CAP) && (w->flags & NKG_TOK_WORD)
                                                         && !(nkg_rel_roles (c, own_end - 1) & NKG_W_TITLE)))
                break;
              own_end--;
            }
          guint rts0, rcut0;
          gint rc0;
          if (title_with_remit (c, own_end, &rts0, &rcut0, &rc0) && rcut0 == own_end)
            {
              ts = rts0;
              if (ts == own_end)
                ts = start;
            }
          else
            {
              ts = title_before (c, own_end);
              if (ts == own_end)
                ts = start;
            }
        }
      guint rts, rcut;
      gint rcountry;
      /* "Minister of Fisheries, Mrs. A, Minister of Environment, Mr. B":
       * a list that puts each title before its name. */
      gboolean title_first = FALSE;
      if (ts == start && !nkg_mention_n_titles (m) && start > c->first && strcmp (nkg_rel_tok (c, start)->text, ",") == 0
          && title_with_remit (c, start, &rts, &rcut, &rcountry))
        {
          title_first = TRUE;
          g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, rts, rcut);
          nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
          /* "the Andean Council's Secretary-General and chief negotiator
           * at the Lima talks, X" */
          rts = also_title_before (c, p, rts, conf * 0.85);
          if (rcountry < 0)
            rcountry = country_before (c, rts);
          if (rcountry < 0)
            rcountry = owner_before (c, rts);
          if (rcountry < 0 && rts > c->first)
            rcountry = whose_country (c, rts - 1);
          /* "the EU's High Representative for Foreign Affairs, X" */
          if (rcountry < 0)
            {
              guint ob = rts;
              if (ob > c->first && (nkg_rel_tok (c, ob - 1)->flags & NKG_TOK_POSS))
                ob--;
              gint oc = -1;
              gint org = org_before (c, ob, &oc);
              if (org >= 0)
                nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, org, NULL, conf * 0.9);
              rcountry = oc;
            }
          if (rcountry >= 0)
            nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, rcountry, NULL, conf * 0.9);
        }
      /* "the Secretary-General of ASEAN, X": the title, and the body X
       * works for (whom X acts for when the title is a body's) */
      else if (ts == start && !nkg_mention_n_titles (m) && start > c->first && strcmp (nkg_rel_tok (c, start)->text, ",") == 0
               && title_of_body (c, start, &rts, &rcut, &rcountry))
        {
          title_first = TRUE;
          g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, rts, rcut);
          nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
          nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, rcountry, NULL, conf * 0.9);
        }
      else if (ts < start && !nkg_mention_n_titles (m))
        {
          guint te = own_end;
          if (te == start && strcmp (nkg_rel_tok (c, te - 1)->text, ",") == 0)
            te--;
          title_first = te < start;
          g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts, te);
          nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.95);
          /* "the Andean Council's Secretary-General and chief negotiator,
           * X": two titles, the body before the first */
          ts = also_title_before (c, p, ts, conf * 0.9);
          gint oc = -1;
          gint ce = country_before (c, ts);
          if (ce < 0)
            ce = owner_before (c, ts);
          if (ce < 0 && ts > c->first)
            ce = whose_country (c, ts - 1);
          guint ob = ts;
          if (ob > c->first && (nkg_rel_tok (c, ob - 1)->flags & NKG_TOK_POSS))
            ob--;
          gint org = ce < 0 ? org_before (c, ob, &oc) : -1;
          if (org >= 0)
            nkg_rel_fact (c, p, NKG_PROP_WORKS_FOR, org, NULL, conf * 0.9);
          if (ce < 0)
            ce = oc;
          if (ce >= 0 && !was_paired)
            nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
        }
      /* "his US counterpart, Greg Walton" */
      guint q = start;
      if (q > c->first && strcmp (nkg_rel_tok (c, q - 1)->text, ",") == 0)
        q--;
      /* "his counterparts A of Peru, B of Chile and C": a later item of
       * the list holds the same office as the first */
      if (counterparts_list_start (c, m->first) < m->first && !nkg_mention_n_titles (m) && ts == start)
        counterpart_same_office (c, m, p, conf * 0.8);
      if (q > c->first && (nkg_rel_roles (c, q - 1) & NKG_W_COUNTERPART))
        {
          gint ce = country_before (c, q - 1);
          if (ce >= 0)
            nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
          /* "Prime Minister X met his Japanese counterpart Y": Y holds the
           * same office, the one of the nearest titled official before. */
          if (!nkg_mention_n_titles (m) && ts == start)
            counterpart_same_office (c, m, p, conf * 0.85);
        }
      /* Apposition after the name: "Rodrigo Salas, Chile's defence
       * minister", "Daniel Whitford, Defence Secretary of Canada". */
      guint a = m->last;
      if (a < c->last && strcmp (nkg_rel_tok (c, a)->text, ",") == 0)
        {
          a++;
          /* "Wang, also chairman of the X Committee, said" */
          if (nkg_rel_is (c, a, "also"))
            a++;
          else
            a = also_holds (c, a);
          gboolean the = nkg_rel_is (c, a, "the");
          if (the || nkg_rel_is (c, a, "a") || nkg_rel_is (c, a, "an"))
            a++;
          gint ce = -1, body = -1;
          gint cm = nkg_rel_mention_starting_at (c, a);
          if (cm >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, cm))) == NKG_CLASS_COUNTRY)
            {
              ce = nkg_rel_entity (c, nkg_rel_mention (c, cm));
              a = nkg_rel_mention (c, cm)->last;
              if (a < c->last && (nkg_rel_tok (c, a)->flags & NKG_TOK_POSS))
                a++;
            }
          /* "Kao Lin, ASEAN's deputy secretary-general", "Mia Ueda, the
           * UN special envoy", "Li Wen, the bank's president": the body
           * she works for, before her title. */
          else if (cm >= 0 && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, cm)))) == NKG_CLASS_ORG)
            {
              guint after = nkg_rel_mention (c, cm)->last;
              if (after < c->last && (nkg_rel_tok (c, after)->flags & NKG_TOK_POSS))
                after++;
              if (title_run (c, after) > after)
                {
                  body = nkg_rel_entity (c, nkg_rel_mention (c, cm));
                  a = after;
                }
            }
          else if (a + 1 < c->last && (nkg_rel_tok (c, a + 1)->flags & NKG_TOK_POSS) && (body = org_described (c, a)) >= 0)
            a += 2;
          else if (a < c->last)
            {
              const char *d = nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, a)->text);
              if (d)
                {
                  ce = nkg_rel_country_entity (c, d);
                  a++;
                }
            }
          guint e = a;
          gboolean head = FALSE;
          /* "group chief executive" */
          if (nkg_rel_is (c, e, "group") && e + 1 < c->last && (nkg_rel_roles (c, e + 1) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
            a = ++e;
          e = title_run (c, a);
          head = e > a;
          /* "X, Minister for Foreign Affairs of Japan", "Y, Minister of
           * Trade, Industry and Energy": the remit is part of the title;
           * "of Japan" after it stays the country. */
          if (head)
            e = remit_after (c, e);
          /* "Tomas Reyes, Peruvian President Julio Paredes": that title
           * is the next person's. */
          gint next = nkg_rel_mention_starting_at (c, e);
          if (next >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, next))) == NKG_CLASS_PERSON)
            head = FALSE;
          /* "A, Australian Deputy Prime Minister and Defence Minister B":
           * two titles of the next person's, joined by "and" */
          if (head && e + 1 < c->last && nkg_rel_is (c, e, "and"))
            {
              guint e2 = title_run (c, e + 1);
              gint n2 = e2 > e + 1 ? nkg_rel_mention_starting_at (c, e2) : -1;
              if (n2 >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, n2))) == NKG_CLASS_PERSON)
                head = FALSE;
            }
          /* In a list of "TITLE, NAME" the title after this name and its
           * remit is the next name's. */
          if (head && title_first && next_named_after_remit (c, e))
            head = FALSE;
          /* "At the invitation of X, the President of Mongolia, Y, …":
           * "the" title of a country followed by a name is that name's */
          if (head && the && ce < 0 && next_named_after_remit (c, e))
            head = FALSE;
          for (guint k2 = 0; k2 < c->here->len && head; k2++)
            {
              NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, k2));
              if (o != m && o->cue_first == a && nkg_rel_eclass (c, nkg_rel_entity (c, o)) == NKG_CLASS_PERSON)
                head = FALSE;
            }
          if (head)
            {
              g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, a, e);
              /* "X, a former chairman of Novagaz": a post held once says
               * neither whom X works for now nor whom X acts for */
              gboolean former = nkg_rel_is (c, a, "former") || nkg_rel_is (c, a, "ex");
              const NkgProp works_for = former ? NKG_PROP_NONE : NKG_PROP_WORKS_FOR;
              const NkgProp represents = former ? NKG_PROP_NONE : NKG_PROP_REPRESENTS;
              /* "chairman and chief executive officer of Norvex", "CEO and
               * co-founder of Veltrona": a second title, then the body. */
              guint o = e;
              if (nkg_rel_is (c, o, "and") && o + 1 < c->last)
                {
                  guint a2 = o + 1, e2 = title_run (c, a2);
                  /* "the Sultan and Yang Di-Pertuan of Brunei", "President
                   * and Commander-in-Chief of Peru": a style the lexicon
                   * lacks, capitalised, before "of" and a country */
                  gboolean styled = e2 == a2;
                  if (styled)
                    e2 = style_before_country (c, a2);
                  gint after = nkg_rel_mention_starting_at (c, e2);
                  if (e2 > a2 && (nkg_rel_is (c, e2, "of") || nkg_rel_is (c, e2, "at") || nkg_rel_is (c, e2, ","))
                      && !(after >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, after))) == NKG_CLASS_PERSON))
                    {
                      /* (a style is passed over, not stated as a title) */
                      g_autofree char *second = styled ? NULL : nkg_mentions_title_text (c->in->lexicon, c->in->seg, a2, e2);
                      if (second)
                        nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, second, conf * 0.85);
                      o = e2;
                    }
                }
              /* "director general of sea transport at the Ministry of
               * Transport": a remit in lower case, then where the post is */
              o = lower_remit_then_at (c, o);
              /* "X, Secretary, Ministry of Earth Sciences;", "Y, Joint
               * Secretary (Gulf), Ministry of External Affairs": the
               * employer of a signatories' list, after a comma */
              gint listed_org = employer_after_comma (c, o);
              if (listed_org >= 0)
                nkg_rel_fact (c, p, works_for, listed_org, NULL, conf * 0.85);
              /* "spokesman for Novagaz", "an analyst at the Gulf Institute" */
              gboolean of = nkg_rel_is (c, o, "of");
              /* "Secretary to the Ministry of X": the body served */
              gboolean to_body = nkg_rel_is (c, o, "to") && nkg_rel_is (c, o + 1, "the");
              if (of || nkg_rel_is (c, o, "for") || nkg_rel_is (c, o, "at") || to_body)
                {
                  o++;
                  if (nkg_rel_is (c, o, "the"))
                    o++;
                  const char *d = o < c->last ? nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, o)->text) : NULL;
                  gint om = nkg_rel_mention_starting_at (c, o);
                  if (om < 0 && d)
                    om = nkg_rel_mention_starting_at (c, o + 1);
                  /* "of the British conglomerate Tarvex": a noun before the name */
                  if (om < 0 && o + 1 < c->last && !(nkg_rel_tok (c, o + 1)->flags & NKG_TOK_CAP) && d)
                    om = nkg_rel_mention_starting_at (c, o + 2);
                  if (om < 0 && o + 1 < c->last && !d && is_lower_word (c, o))
                    om = nkg_rel_mention_starting_at (c, o + 1);
                  gint oe = om >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, om)) : -1;
                  /* "secretary of Iran's Supreme Security Council": the
                   * country's body is the employer, the country whom he
                   * acts for */
                  if (nkg_rel_eclass (c, oe) == NKG_CLASS_COUNTRY && nkg_rel_mention (c, om)->last < c->last
                      && (nkg_rel_tok (c, nkg_rel_mention (c, om)->last)->flags & NKG_TOK_POSS))
                    {
                      gint bm = nkg_rel_mention_starting_at (c, nkg_rel_mention (c, om)->last + 1);
                      gint be = bm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, bm)) : -1;
                      if (nkg_class_coarse (nkg_rel_eclass (c, be)) == NKG_CLASS_ORG)
                        {
                          ce = oe;
                          oe = be;
                        }
                    }
                  if (nkg_rel_eclass (c, oe) == NKG_CLASS_COUNTRY)
                    ce = of ? oe : ce;
                  else if (of && nkg_class_coarse (nkg_rel_eclass (c, oe)) == NKG_CLASS_ORG
                           && is_chamber (c, nkg_rel_mention (c, om)))
                    {
                      /* "X, President of the Senate": a chamber (list chamber)
                       * is part of its officer's title, as before the title
                       * (mentions.c split_title); he works for it */
                      g_free (title);
                      title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, a, nkg_rel_mention (c, om)->last);
                      nkg_rel_fact (c, p, works_for, oe, NULL, conf * 0.9);
                    }
                  else if (nkg_class_coarse (nkg_rel_eclass (c, oe)) == NKG_CLASS_ORG)
                    {
                      nkg_rel_fact (c, p, works_for, oe, NULL, conf * 0.9);
                      if (ce < 0 && d)
                        ce = nkg_rel_country_entity (c, d);
                    }
                }
              nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
              if (body >= 0)
                nkg_rel_fact (c, p, works_for, body, NULL, conf * 0.9);
              if (ce >= 0)
                nkg_rel_fact (c, p, represents, ce, NULL, conf * 0.9);
            }
          /* "Wang Lei, China's top diplomat": no title, but an official
           * (list officialnoun) of that country. */
          else if (ce >= 0 && next < 0)
            {
              guint n = a;
              while (n < a + 2 && n + 1 < c->last && is_lower_word (c, n)
                     && !NKG_TOK_IN_LIST ("officialnoun", nkg_rel_tok (c, n)))
                n++;
              if (n < c->last && NKG_TOK_IN_LIST ("officialnoun", nkg_rel_tok (c, n))
                  && nkg_rel_mention_starting_at (c, n + 1) < 0)
                nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.85);
            }
        }
      /* "Japan's Maria Kihara": a country's possessive names whom she acts for. */
      if (m->cue_first == m->first && m->first >= c->first + 2 && (nkg_rel_tok (c, m->first - 1)->flags & NKG_TOK_POSS))
        {
          gint cm = nkg_rel_mention_ending_at (c, m->first - 1);
          gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
          if (nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY)
            nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.85);
        }
      /* "Japan's top diplomat, Maria Kihara", "China's chief negotiator Li
       * Wen": an official (list officialnoun) of the country before. */
      if (!nkg_mention_n_titles (m) && ts == start)
        {
          gint ce = official_of_country_before (c, m->cue_first);
          if (ce >= 0)
            nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.85);
        }
      /* "the two foreign ministers, Peru's Ana Costa and Chile's Luis Vargas" */
      if (!nkg_mention_n_titles (m) && ts == start)
        {
          g_autofree char *pl = plural_title_of_list (c, list_item_before (c, m->last));
          if (pl)
            nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, pl, conf * 0.85);
        }
      /* "the presidents of Chile (Gabriel Ortega), Peru (Luis Herrera)" */
      if (m->first >= c->first + 2 && strcmp (nkg_rel_tok (c, m->first - 1)->text, "(") == 0)
        {
          gint cm = nkg_rel_mention_ending_at (c, m->first - 1);
          gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
          if (nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY)
            {
              nkg_rel_fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.85);
              for (guint x = c->first; x < m->first; x++)
                {
                  const char *sing = nkg_lexicon_title_singular (c->in->lexicon, nkg_rel_tok (c, x)->lower);
                  if (sing && nkg_rel_is (c, x + 1, "of"))
                    {
                      g_autofree char *t = nkg_mentions_title_text (c->in->lexicon, c->in->seg, x, x + 1);
                      nkg_rel_fact (c, p, NKG_PROP_JOB_TITLE, -1, t, conf * 0.85);
                    }
                }
            }
        }
    }
}

/* The country the article is written from. Reporters qualify foreign
 * officials ("US Secretary of War") and not their own, so it is the
 * country qualifying the fewest officials, then the one named most; -1 on
 * a tie. */
static gint
home_country (Ctx *c)
{
  gint best = -1;
  guint best_q = G_MAXUINT, first = 0, most_q = 0;
  gboolean tie = FALSE;
  /* How many officials the text qualifies by each country. */
  g_autofree guint *qualified = g_new0 (guint, c->facts->entities->len + 1);
  const GArray *reps = nkg_doc_facts_with_prop (c->facts, NKG_PROP_REPRESENTS);
  for (guint k = 0; reps && k < reps->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (reps, guint, k));
      /* (a side worked out from the sentence around, not a qualifier) */
      if (f->pattern && NKG_IN_LIST ("sidepatterns", f->pattern))
        continue;
      if (f->object >= 0 && (guint) f->object < c->facts->entities->len)
        qualified[f->object]++;
    }
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
      if (e->klass != NKG_CLASS_COUNTRY || e->mentions < 2)
        continue;
      guint q = qualified[i];
      most_q = MAX (most_q, q);
      if (q < best_q || (q == best_q && e->mentions > first))
        {
          tie = FALSE;
          best = i;
          best_q = q;
          first = e->mentions;
        }
      else if (q == best_q && e->mentions == first)
        tie = TRUE;
    }
  /* A lone country that qualifies someone is theirs, not the reporter's. */
  if (best_q > 0 && best_q == most_q)
    return -1;
  return tie ? -1 : best;
}

/* Whether `name`, in lower case, is in the table's list `list`. */
static gboolean
in_list_lower (const char *list, const char *name)
{
  g_autofree char *lower = name ? g_utf8_strdown (name, -1) : NULL;
  return lower && nkg_patterns_in_list (list, lower);
}

/* Whether job title `title` (any case) has a word, or two words, of the
 * table's list `list`, also after a hyphen ("Under-Secretary-General"). */
static gboolean
title_has (const char *title, const char *list)
{
  const NkgWordList *l = nkg_patterns_word_list (list);
  g_autofree char *lower = l ? nkg_text_lower (title) : NULL;
  if (!lower || !*lower)
    return FALSE;
  /* The words between spaces, each alone and with the next one (the
   * string up to the end of that one), from its start and after each
   * hyphen: cut in place, not split into copies (asked for every job
   * title of every article). */
  for (char *p = lower;;)
    {
      char *q = strchr (p, ' '); /* the word's end, NULL for the last */
      char *r = q ? q + 1 + strcspn (q + 1, " ") : NULL; /* the next one's */
      for (char *w = p; w;)
        {
          if (q)
            *q = '\0';
          gboolean has = nkg_patterns_word_list_has (l, w);
          char *h = strchr (w, '-');
          if (q)
            *q = ' ';
          if (has)
            return TRUE;
          if (q)
            {
              char end = *r;
              *r = '\0';
              has = nkg_patterns_word_list_has (l, w);
              *r = end;
              if (has)
                return TRUE;
            }
          w = h ? h + 1 : NULL;
        }
      if (!q)
        return FALSE;
      p = q + 1;
    }
}

/* Whether a word of job title `title` (any case), or a part of one
 * between hyphens, begins or ends with a word of the table's list `list`:
 * "Undersecretary", "Vice-President", "Ministers". */
static gboolean
title_has_part (const char *title, const char *list)
{
  const NkgWordList *l = nkg_patterns_word_list (list);
  g_autofree char *lower = l ? nkg_text_lower (title) : NULL;
  if (!lower)
    return FALSE;
  /* the words cut in place at spaces and hyphens, each head cut by
   * ending it in place too: no copies */
  gsize total = strlen (lower);
  for (gsize i = 0; i < total; i++)
    if (lower[i] == ' ' || lower[i] == '-')
      lower[i] = '\0';
  for (char *p = lower; p <= lower + total; p += strlen (p) + 1)
    {
      gsize len = strlen (p);
      for (gsize n = len; n >= 2; n--)
        {
          char end = p[n];
          p[n] = '\0';
          gboolean has = nkg_patterns_word_list_has (l, p);
          p[n] = end;
          if (has || nkg_patterns_word_list_has (l, p + len - n))
            return TRUE;
        }
    }
  return FALSE;
}

/* News names its own country's officials by title alone ("Defence
 * Minister Arjun Mehra") and qualifies foreign ones ("US Secretary of
 * War"): a minister, secretary, spokesperson or head of state or
 * government with a title but no country, and no employer that could say
 * otherwise, represents the home country. */
/* Whether a country mention qualifies an official's title — before the
 * name ("US Secretary of State X") or in an apposition after it ("X, the
 * US Secretary of State", "his US counterpart"): then it is that
 * official's country and says nothing of anyone else. */
static gboolean
qualifies_other_official (Ctx *c, const NkgMention *o)
{
  guint lo, hi;
  nkg_mention_index_sentence (c->in->index, o->sentence, &lo, &hi);
  for (guint x = lo; x < hi; x++)
    {
      NkgMention *p = g_ptr_array_index (c->in->mentions, x);
      if (p->sentence == o->sentence && p->klass == NKG_CLASS_PERSON && p->cue_first <= o->first
          && o->last <= p->first)
        return TRUE;
    }
  return o->last < c->in->seg->tokens->len
         && (nkg_lexicon_tok_roles (c->in->lexicon, nkg_rel_tok (c, o->last))
             & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_COUNTERPART));
}

/* "Commerce Minister Anand Mehta said India will not …": the one
 * country a titled person's sentence names, when no other official there
 * is qualified by it. */
static gint
sentence_country (Ctx *c, gint person)
{
  const NkgSegments *seg = c->in->seg;
  gint found = -1;
  const GArray *his = nkg_mention_index_of_entity (c->in->index, person);
  for (guint x = 0; his && x < his->len; x++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (his, guint, x));
      if (nkg_rel_entity (c, m) != person)
        continue;
      const NkgSentence *s = &g_array_index (seg->sentences, NkgSentence, m->sentence);
      /* Only what the official says of a country: "X said India will …". */
      guint said = s->last;
      for (guint i = m->last; i < s->last && i < m->last + 4; i++)
        if (nkg_lexicon_tok_roles (c->in->lexicon, nkg_rel_tok (c, i)) & NKG_W_REPORT)
          {
            said = i;
            break;
          }
      guint lo, hi;
      nkg_mention_index_sentence (c->in->index, m->sentence, &lo, &hi);
      for (guint j = lo; j < hi; j++)
        {
          NkgMention *o = g_ptr_array_index (c->in->mentions, j);
          gint e = nkg_rel_entity (c, o);
          if (o->sentence != m->sentence || nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY || o->nested
              || o->first < s->first || o->last > s->last || o->first <= said)
            continue;
          /* … its subject, not a country further on ("said the decision
           * would help in the face of Chad's threats") */
          if (said < s->last && o->first > said + 3)
            continue;
          /* "US–India ties" speaks of two sides. */
          if ((o->last < s->last && (nkg_rel_tok (c, o->last)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, o->last)->flags & NKG_TOK_SPACE))
              || (o->first > s->first && (nkg_rel_tok (c, o->first - 1)->flags & NKG_TOK_DASH)
                  && !(nkg_rel_tok (c, o->first)->flags & NKG_TOK_SPACE)))
            continue;
          /* A country that qualifies someone ("US Secretary …") is theirs. */
          if (qualifies_other_official (c, o))
            continue;
          if (found >= 0 && found != e)
            return -1;
          found = e;
        }
      if (found >= 0)
        return found;
    }
  return found;
}

/* The country an unqualified official's surroundings speak of: the
 * countries named in the sentence of the official's first mention and the
 * one before it ("Japan's colonial occupation … Prime Minister Yuki
 * Mori's move"). Places someone goes to or comes from ("arrived in
 * Ecuador", "allies of the US") and countries that qualify another
 * official are not about this one. Returns the one such country; -2 when
 * several are named and the home country is not among them (the text
 * points abroad but not at one country); -1 when none or the home country
 * is named. */
static gint
nearby_country (Ctx *c, gint person, gint home)
{
  guint sent = G_MAXUINT;
  const GArray *his = nkg_mention_index_of_entity (c->in->index, person);
  if (his && his->len)
    sent = ((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (his, guint, 0)))->sentence;
  if (sent == G_MAXUINT)
    return -1;
  gint found = -1;
  gboolean several = FALSE;
  guint lo, hi, unused;
  nkg_mention_index_sentence (c->in->index, sent > 0 ? sent - 1 : 0, &lo, &unused);
  nkg_mention_index_sentence (c->in->index, sent, &unused, &hi);
  for (guint j = lo; j < hi; j++)
    {
      NkgMention *o = g_ptr_array_index (c->in->mentions, j);
      gint e = nkg_rel_entity (c, o);
      if ((o->sentence != sent && o->sentence + 1 != sent) || nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY || o->nested
          || o->dateline)
        continue;
      if (e == home)
        return -1;
      if (qualifies_other_official (c, o))
        continue;
      /* "Quito, Ecuador": where a city lies, not whose anyone is. */
      if (o->first >= 2 && strcmp (nkg_rel_tok (c, o->first - 1)->text, ",") == 0)
        {
          gint pm = -1;
          guint plo, phi;
          nkg_mention_index_sentence (c->in->index, o->sentence, &plo, &phi);
          for (guint x = plo; x < phi && pm < 0; x++)
            {
              NkgMention *q = g_ptr_array_index (c->in->mentions, x);
              if (q->sentence == o->sentence && q->last + 1 == o->first)
                pm = nkg_rel_entity (c, q);
            }
          if (pm >= 0 && nkg_class_coarse (nkg_rel_eclass (c, pm)) == NKG_CLASS_PLACE)
            continue;
        }
      /* "in the Philippines": look past "the" for the word that places it. */
      guint i = o->first;
      gboolean placed = FALSE;
      while (i > 0)
        {
          const char *w = nkg_rel_tok (c, i - 1)->lower;
          if (strcmp (w, "the") == 0)
            {
              i--;
              continue;
            }
          placed = NKG_IN_LIST ("abroadcue", w);
          break;
        }
      /* A country reached through a dash ("US–India ties") names two sides. */
      if (placed || (o->first > 0 && (nkg_rel_tok (c, o->first - 1)->flags & NKG_TOK_DASH))
          || (o->last < c->in->seg->tokens->len && (nkg_rel_tok (c, o->last)->flags & NKG_TOK_DASH)))
        continue;
      if (found >= 0 && found != e)
        several = TRUE;
      found = e;
    }
  return several ? -2 : found;
}

/* The sentence of the person's first mention, or G_MAXUINT. */
static guint
first_sentence (const Ctx *c, gint person)
{
  const GArray *his = nkg_mention_index_of_entity (c->in->index, person);
  return his && his->len ? ((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (his, guint, 0)))->sentence
                         : G_MAXUINT;
}

/* Whether sentence s has a verb of list twosides ("A and B signed",
 * "met"): people it joins are of different sides. */
static gboolean
two_sided (const Ctx *c, guint s)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  for (guint i = sent->first; i < sent->last; i++)
    if (nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB && NKG_IN_LIST ("twosides", nkg_tag_at (c->in->tags, i)->lemma))
      return TRUE;
  return FALSE;
}

/* Whether person e, named in sentence s, represents `country` by the
 * text's word, or by a guess of this rule's (list sideguess) where the
 * sentence joins two sides: officials listed together with no country of
 * their own ("A, B and C took part") are of one side. s is G_MAXUINT for
 * onlookers, whom no verb joins as sides: the text's word only. */
static gboolean
stated_side (Ctx *c, gint e, gint country, guint s)
{
  gint f = nkg_doc_facts_first (c->facts, e, NKG_PROP_REPRESENTS);
  const NkgLocalFact *x = f >= 0 ? g_ptr_array_index (c->facts->facts, f) : NULL;
  return x && x->object == country && (!(x->pattern && NKG_IN_LIST ("sideguess", x->pattern)) || (s != G_MAXUINT && two_sided (c, s)));
}

/* The first token of the onlookers' part of sentence `sent` that holds
 * the person's first mention `m`: "A and B signed X, witnessed by C",
 * "in the presence of C", "with C looking on" (lists onlookcue and
 * onlookverb); the sentence's first token when m is not an onlooker.
 * Onlookers are not beside the signers: one of the home country may look
 * on while its minister signs. */
static guint
onlookers_from (Ctx *c, const NkgMention *m, guint first, guint last)
{
  guint cut = first;
  for (guint i = first; i < m->first; i++)
    if (NKG_IN_LIST ("onlookcue", nkg_tag_at (c->in->tags, i)->lemma))
      cut = i;
  /* ", with C looking on": "with" before C, a verb of looking after */
  guint a = m->first;
  while (a > first && (nkg_rel_roles (c, a - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC)))
    a--;
  if (a >= first + 2 && nkg_rel_is (c, a - 1, "with") && nkg_rel_is (c, a - 2, ",") && m->last < last
      && NKG_IN_LIST ("onlookverb", nkg_tag_at (c->in->tags, m->last)->lemma))
    cut = a - 1;
  return cut;
}

/* Whether another person named in that sentence represents `country`;
 * unless `whole`, only one in the onlookers' part the person is in, if
 * he is an onlooker, and then by the text's word: no verb joins
 * onlookers as two sides. */
static gboolean
taken_beside (Ctx *c, gint person, gint country, gboolean whole)
{
  guint sent = first_sentence (c, person), lo, hi;
  if (sent == G_MAXUINT)
    return FALSE;
  const NkgSentence *s = &g_array_index (c->in->seg->sentences, NkgSentence, sent);
  const GArray *his = nkg_mention_index_of_entity (c->in->index, person);
  guint cut = whole ? s->first
                    : onlookers_from (c, g_ptr_array_index (c->in->mentions, g_array_index (his, guint, 0)), s->first, s->last);
  nkg_mention_index_sentence (c->in->index, sent, &lo, &hi);
  for (guint j = lo; j < hi; j++)
    {
      NkgMention *o = g_ptr_array_index (c->in->mentions, j);
      gint e = nkg_rel_entity (c, o);
      if (o->sentence != sent || o->first < cut || e == person || nkg_rel_eclass (c, e) != NKG_CLASS_PERSON)
        continue;
      if (stated_side (c, e, country, cut > s->first ? G_MAXUINT : sent))
        return TRUE;
    }
  return FALSE;
}

/* Whether a sentence naming `person` says they met their "counterparts
 * from A, B and C" (or "of"), `country` among them: the text puts the
 * person on another side than those. */
static gboolean
counterparts_from (const Ctx *c, gint person, gint country)
{
  const GArray *his = nkg_mention_index_of_entity (c->in->index, person);
  for (guint k = 0; his && k < his->len; k++)
    {
      const NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (his, guint, k));
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, m->sentence);
      for (guint i = m->last; i + 2 < sent->last && i < m->last + 8; i++)
        {
          const NkgToken *t = nkg_tok (c->in->seg, i), *n = nkg_tok (c->in->seg, i + 1);
          if (strncmp (t->lower, "counterpart", 11) != 0 || (strcmp (n->lower, "from") != 0 && strcmp (n->lower, "of") != 0))
            continue;
          guint lo, hi;
          nkg_mention_index_sentence (c->in->index, m->sentence, &lo, &hi);
          for (guint j = lo; j < hi; j++)
            {
              const NkgMention *o = g_ptr_array_index (c->in->mentions, j);
              if (o->first > i + 1 && o->first < i + 16 && nkg_rel_entity (c, o) == country)
                return TRUE;
            }
          break;
        }
    }
  return FALSE;
}

/* The one country named in the person's sentence or the two before that
 * no person of that sentence represents, or -1. */
static gint
left_over (Ctx *c, gint person)
{
  guint sent = first_sentence (c, person), lo, hi, unused;
  if (sent == G_MAXUINT)
    return -1;
  nkg_mention_index_sentence (c->in->index, sent >= 2 ? sent - 2 : 0, &lo, &unused);
  nkg_mention_index_sentence (c->in->index, sent, &unused, &hi);
  gint found = -1;
  for (guint j = lo; j < hi; j++)
    {
      NkgMention *o = g_ptr_array_index (c->in->mentions, j);
      gint e = nkg_rel_entity (c, o);
      if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY || o->nested || o->dateline || e == found
          || taken_beside (c, person, e, TRUE))
        continue;
      if (found >= 0)
        return -1;
      found = e;
    }
  return found;
}

/* Whether mentions [lo, hi) name someone other than `person` in tokens
 * [a, b): "At the invitation of X, President Y paid a visit to Peru" is
 * Y's visit. */
static gboolean
person_between (Ctx *c, gint person, guint lo, guint hi, guint a, guint b)
{
  for (guint j = lo; j < hi; j++)
    {
      const NkgMention *o = g_ptr_array_index (c->in->mentions, j);
      gint e = nkg_rel_entity (c, o);
      if (o->first >= a && o->last <= b && e != person && nkg_rel_eclass (c, e) == NKG_CLASS_PERSON)
        return TRUE;
    }
  return FALSE;
}

/* Whether mention m (of a person, a title before it) follows "the visit
 * of": "during the visit of Prime Minister X to Peru". */
static gboolean
visit_of (Ctx *c, const NkgMention *m)
{
  guint a = m->first;
  while (a > 0 && a + 4 > m->first && (nkg_rel_roles (c, a - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC)))
    a--;
  return a >= 2 && nkg_rel_is (c, a - 1, "of") && NKG_IN_LIST ("visitcue", nkg_tag_at (c->in->tags, a - 2)->lemma);
}

/* Whether a sentence naming `person` has them go to `country`: after a
 * mention of theirs, a word of going (list visitcue: "on a visit to
 * Peru", "arrived in Peru", "visiting Peru") a few words before the
 * country, or "the visit of X to Peru". A visitor is not of the country
 * visited. */
static gboolean
visits (Ctx *c, gint person, gint country)
{
  const GArray *his = nkg_mention_index_of_entity (c->in->index, person);
  for (guint k = 0; his && k < his->len; k++)
    {
      const NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (his, guint, k));
      guint lo, hi;
      nkg_mention_index_sentence (c->in->index, m->sentence, &lo, &hi);
      for (guint j = lo; j < hi; j++)
        {
          const NkgMention *o = g_ptr_array_index (c->in->mentions, j);
          if (o->first <= m->last || nkg_rel_entity (c, o) != country)
            continue;
          if (o->first == m->last + 1 && nkg_rel_is (c, m->last, "to") && visit_of (c, m))
            return TRUE;
          for (guint t = o->first > 4 ? o->first - 4 : 0; t < o->first; t++)
            if (t >= m->last && NKG_IN_LIST ("visitcue", nkg_tag_at (c->in->tags, t)->lemma)
                && !person_between (c, person, lo, hi, m->last, t))
              return TRUE;
        }
    }
  return FALSE;
}

void
nkg_rel_home_officials (Ctx *c, double conf)
{
  gint home = home_country (c);
  /* A dateline city in another country: the reporter writes from there,
   * so the count of qualified officials says nothing of whose an
   * unqualified one is. When the count decides nothing ("Cambodian
   * Minister A" and "Vietnamese Minister B" in a report from Hanoi), the
   * dateline's country, when the text names it, is the home one. */
  gboolean counted = home >= 0;
  for (guint k = 0; k < c->in->mentions->len; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (!m->dateline || !m->country)
        continue;
      if (!counted)
        {
          home = home < 0 ? nkg_rel_country_entity (c, m->country) : home;
          continue;
        }
      if (home < 0)
        continue;
      /* The dateline's country need not be named again in the text. */
      NkgLocalEntity *he = g_ptr_array_index (c->facts->entities, home);
      if (strcmp (he->name, m->country) != 0)
        home = -1;
    }
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_JOB_TITLE || !f->literal)
        continue;
      /* a state's officials (list homeofficial), not a multilateral
       * body's ("Secretary-General X" serves the body: bodytitle) */
      /* (the officers of a legislature's chamber, list chamber: "President
       * of the Senate", stand for the state too) */
      /* (the tests that turn a title away, cheapest first: each alone
       * decides) */
      /* "Uruguayan President X" in an article that never names Uruguay:
       * the text says he is foreign, so he is not the home country's. */
      gboolean known = nkg_doc_facts_first (c->facts, f->subject, NKG_PROP_REPRESENTS) >= 0;
      const GArray *his = nkg_mention_index_of_entity (c->in->index, f->subject);
      for (guint k = 0; his && k < his->len && !known; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (his, guint, k));
          known = nkg_rel_entity (c, m) == (gint) f->subject && m->title_country != NULL;
        }
      if (known)
        continue;
      gint works = nkg_doc_facts_first (c->facts, f->subject, NKG_PROP_WORKS_FOR);
      gint body = works >= 0 ? ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, works))->object : -1;
      gboolean chamber = body >= 0 && in_list_lower ("chamber", ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, body))->name);
      /* (working for a state's own body, "Secretary of the Department of
       * Energy", leaves the state to be found) */
      if (works >= 0 && nkg_rel_eclass (c, body) != NKG_CLASS_GOV_ORG && !chamber)
        continue;
      if (!chamber && (!title_has_part (f->literal, "homeofficial") || title_has (f->literal, "bodytitle")))
        continue;
      /* "former prime minister X" holds no post now: no side */
      g_auto (GStrv) first_word = g_strsplit (f->literal, " ", 2);
      if (in_list_lower ("pasttitle", first_word[0]))
        continue;
      gint country = sentence_country (c, f->subject);
      if (country < 0)
        {
          gint near = nearby_country (c, f->subject, home);
          if (near == -2)
            continue;
          country = near >= 0 ? near : home;
        }
      if (country < 0)
        continue;
      /* "President X, Sudanese President Y and Ethiopian Prime Minister
       * Z" after "the leaders of Egypt, Ethiopia and Sudan": a country
       * the officials beside him stand for is not his; the one country
       * left of those just named is. */
      if (taken_beside (c, f->subject, country, FALSE))
        {
          gint taken = country;
          country = left_over (c, f->subject);
          /* "President X received Singapore's Prime Minister Y": with no
           * other country named beside them, the host is the home
           * country's */
          if (country < 0 && home >= 0 && home != taken && !taken_beside (c, f->subject, home, FALSE))
            country = home;
        }
      if (country < 0 || visits (c, f->subject, country) || counterparts_from (c, f->subject, country))
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_REPRESENTS, country, NULL, conf);
    }
}

/* The entity named `name` (canonical or alias) of class Organization, or -1. */
static gint
org_named (const Ctx *c, const char *name)
{
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
      if (nkg_class_coarse (e->klass) != NKG_CLASS_ORG)
        continue;
      if (g_ascii_strcasecmp (e->name, name) == 0)
        return i;
      for (guint k = 0; k < e->aliases->len; k++)
        if (g_ascii_strcasecmp (g_ptr_array_index (e->aliases, k), name) == 0)
          return i;
    }
  return -1;
}

/* Officials of international bodies act for the body, not for a state:
 * "NATO Secretary General X", "EU Energy Commissioner Y", "UN mediator Z"
 * (titles of the table's list bodytitle) represent NATO
 * and the EU; "European Commission President Z" represents the Union
 * whose institution she heads, when the text names the Union. Company
 * chiefs who sign for their company: nkg_rel_doc_body_heads. */
void
nkg_rel_body_officials (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_WORKS_FOR || f->object < 0 || nkg_rel_represents_of (c, f->subject) >= 0)
        continue;
      NkgLocalEntity *org = g_ptr_array_index (c->facts->entities, f->object);
      gint body = -1;
      g_autofree char *lower = org->name ? g_ascii_strdown (org->name, -1) : NULL;
      if (NKG_IN_LIST ("euinstitution", lower))
        {
          body = org_named (c, "European Union");
          if (body < 0)
            body = org_named (c, "EU");
        }
      if (body < 0 && org->klass == NKG_CLASS_ORG)
        {
          gboolean titled = FALSE;
          const GArray *about = nkg_doc_facts_of_subject (c->facts, f->subject);
          for (guint k = 0; about && k < about->len && !titled; k++)
            {
              NkgLocalFact *t = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
              if (t->prop != NKG_PROP_JOB_TITLE || t->subject != f->subject || !t->literal)
                continue;
              titled = title_has (t->literal, "bodytitle");
            }
          if (titled)
            body = f->object;
        }
      if (body < 0)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_REPRESENTS, body, NULL, conf);
    }
}

/* "Country Director for Nepal", "Representative for Fiji": a body's post
 * in a country (a title whose word before "for" is in the list
 * postedtitle, and whose words after it name a country) names where it
 * is held, not a portfolio: the open gold writes the title without it,
 * and the post holder does not stand for that country. */
char *
nkg_rel_posted_title (const Ctx *c, const char *title)
{
  const char *f = strstr (title, " for ");
  if (!f || f == title)
    return NULL;
  const char *w = f;
  while (w > title && w[-1] != ' ')
    w--;
  g_autofree char *word = g_ascii_strdown (w, f - w);
  if (!NKG_IN_LIST ("postedtitle", word))
    return NULL;
  const char *rest = f + 5;
  if (g_str_has_prefix (rest, "the "))
    rest += 4;
  NkgPlace place;
  if (!nkg_lexicon_place_maybe (c->in->lexicon, rest) || !nkg_lexicon_place (c->in->lexicon, rest, &place)
      || place.klass != NKG_CLASS_COUNTRY)
    return NULL;
  return g_strndup (title, f - title);
}
