/* relations-agreements.c — what an agreement replaces and how long it runs
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "textutil.h"

/* ---------------------------------------------------------------- agreements */

void
nkg_rel_pattern_replaces (Ctx *c, double conf)
{
  /* (what replaces and what is replaced are agreements: an article
   * without one has none) */
  if (!nkg_rel_article_has (c, NKG_CLASS_AGREEMENT))
    return;
  for (guint v = c->first; v < c->last; v++)
    {
      const char *w = nkg_rel_tok (c, v)->lower;
      if ((w[0] != 'r' && w[0] != 's') || (strcmp (w, "replaces") != 0 && strcmp (w, "replaced") != 0 && strcmp (w, "supersedes") != 0
          && strcmp (w, "replacing") != 0 && strcmp (w, "superseded") != 0))
        continue;
      gint before = -1, after = -1;
      for (guint k = 0; k < c->here->len; k++)
        {
          NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          gint e = nkg_rel_entity (c, m);
          if (nkg_rel_eclass (c, e) != NKG_CLASS_AGREEMENT)
            continue;
          if (m->last <= v)
            before = e;
          else if (after < 0)
            after = e;
        }
      /* "It replaces a 2015 memorandum": the agreement of the sentence before. */
      if (before < 0 && (nkg_rel_is (c, c->first, "it") || nkg_rel_is (c, c->first, "this")) && v <= c->first + 2)
        before = nkg_rel_previous_agreement (c);
      if (before >= 0 && after >= 0 && before != after)
        nkg_rel_fact (c, before, NKG_PROP_REPLACES, after, NULL, conf);
    }
}

/* The mention starting at token i, or NULL. */
static NkgMention *
mention_starting_at_ptr (const Ctx *c, guint i)
{
  gint mi = nkg_rel_mention_starting_at (c, i);
  return mi >= 0 ? nkg_rel_mention (c, mi) : NULL;
}

guint
nkg_rel_number_word (const char *w)
{
  static const char *n[] = { "one", "two", "three", "four", "five", "six", "seven", "eight",
                             "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                             "sixteen", "seventeen", "eighteen", "nineteen", "twenty" };
  /* most words start with a letter no number word starts with */
  switch (w[0])
    {
    case 'o': case 't': case 'f': case 's': case 'e': case 'n':
      break;
    case 'h':
      /* "Fifty Year Partnership" */
      return strcmp (w, "hundred") == 0 ? 100 : 0;
    default:
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    if (w[0] == n[i][0] && strcmp (w, n[i]) == 0)
      return i + 1;
  return 0;
}

/* Whether a list of sides goes on at token i, after a comma: "between
 * Chile, Peru and Bolivia", not "between Chile and Peru, which …". */
static gboolean
list_goes_on (const Ctx *c, guint i)
{
  if (nkg_rel_is (c, i, "and"))
    i++;
  if (nkg_rel_is (c, i, "the"))
    i++;
  NkgMention *x = mention_starting_at_ptr (c, i);
  NkgClass k = x ? nkg_rel_eclass (c, nkg_rel_entity (c, x)) : NKG_CLASS_NONE;
  return k == NKG_CLASS_COUNTRY || nkg_class_coarse (k) == NKG_CLASS_ORG;
}

/* The country the article names most other than `other`, or -1 on a tie. */
static gint
main_country_besides (const Ctx *c, gint other)
{
  gint best = -1;
  guint most = 0;
  gboolean tie = FALSE;
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
      if (e->klass != NKG_CLASS_COUNTRY || (gint) i == other)
        continue;
      if (e->mentions > most)
        {
          best = i;
          most = e->mentions;
          tie = FALSE;
        }
      else if (e->mentions == most)
        tie = TRUE;
    }
  return tie ? -1 : best;
}

/* Agreement a, mentioned by m, "with" a country or body: its parties. */
static void
deal_with (Ctx *c, const NkgMention *m, gint a, double conf)
{
  guint k = m->last + 1;
  if (nkg_rel_is (c, k, "the"))
    k++;
  NkgMention *o = mention_starting_at_ptr (c, k);
  gint other = o ? nkg_rel_entity (c, o) : -1;
  NkgClass kl = nkg_rel_eclass (c, other);
  if (kl != NKG_CLASS_COUNTRY && nkg_class_coarse (kl) != NKG_CLASS_ORG)
    return;
  /* "… with Thailand's Commerce Ministry": the ministry, not Thailand */
  if (o->last < c->last && (nkg_rel_tok (c, o->last)->flags & NKG_TOK_POSS))
    return;
  gint owner = -1;
  /* "Vietnam's deal with …" */
  if (m->first >= c->first + 2 && (nkg_rel_tok (c, m->first - 1)->flags & NKG_TOK_POSS))
    {
      NkgMention *p = NULL;
      for (guint j = 0; j < c->here->len && !p; j++)
        {
          NkgMention *x = nkg_rel_mention (c, g_array_index (c->here, guint, j));
          if (x->last == m->first - 1 && !x->nested)
            p = x;
        }
      if (p && nkg_rel_eclass (c, nkg_rel_entity (c, p)) == NKG_CLASS_COUNTRY)
        owner = nkg_rel_entity (c, p);
    }
  gboolean bilateral = FALSE;
  for (guint i = m->first; i < m->last && !bilateral; i++)
    bilateral = NKG_TOK_IN_LIST ("bilateral", nkg_rel_tok (c, i));
  if (owner < 0 && bilateral && kl == NKG_CLASS_COUNTRY)
    owner = main_country_besides (c, other);
  nkg_rel_fact (c, a, NKG_PROP_PARTY, other, NULL, conf);
  /* "… with Thailand, Laos and Cambodia": every country of the list */
  for (guint q = o->last; kl == NKG_CLASS_COUNTRY && q + 1 < c->last;)
    {
      guint n = nkg_rel_list_next (c, q);
      if (!n)
        break;
      NkgMention *x = mention_starting_at_ptr (c, n);
      gint xe = x ? nkg_rel_entity (c, x) : -1;
      if (nkg_rel_eclass (c, xe) != NKG_CLASS_COUNTRY || (x->last < c->last && (nkg_rel_tok (c, x->last)->flags & NKG_TOK_POSS)))
        break;
      nkg_rel_fact (c, a, NKG_PROP_PARTY, xe, NULL, conf);
      q = x->last;
    }
  if (owner >= 0 && owner != other)
    nkg_rel_fact (c, a, NKG_PROP_PARTY, owner, NULL, conf);
}

/* "10-year framework", "100 Year Partnership", "for 30 years". */
void
nkg_rel_pattern_duration (Ctx *c, double conf)
{
  /* Every fact is about an agreement mention of the sentence: an article
   * without an agreement entity has none to read. */
  if (!nkg_rel_article_has (c, NKG_CLASS_AGREEMENT))
    return;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint a = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, a) != NKG_CLASS_AGREEMENT || m->in_quote)
        continue;
      guint from = m->first > c->first + 3 ? m->first - 3 : c->first;
      guint years = 0;
      for (guint i = from; i + 1 < m->last && !years; i++)
        {
          /* "year" after it first: most words have none, and are not
           * read as a number */
          guint j = i + 1;
          if (nkg_rel_tok (c, j)->flags & NKG_TOK_DASH)
            j++;
          if (!(j < c->last && (nkg_rel_is (c, j, "year") || nkg_rel_is (c, j, "years")) && j >= m->first - 1))
            continue;
          const NkgToken *t = nkg_rel_tok (c, i);
          years = (t->flags & NKG_TOK_NUM) ? (guint) atoi (t->text) : nkg_rel_number_word (t->lower);
        }
      /* "… runs for three years", "valid for five years", "for a period
       * of 12 years", "for the next 10 years": in the agreement's own
       * clause, before any other agreement is named. */
      guint months = 0;
      for (guint i = m->last; i + 2 < c->last && i < m->last + 25 && !years && !months; i++)
        {
          if (strcmp (nkg_rel_tok (c, i)->text, ";") == 0 || nkg_rel_is (c, i, "after")
              || (i > m->last && nkg_rel_eclass (c, nkg_rel_entity (c, mention_starting_at_ptr (c, i))) == NKG_CLASS_AGREEMENT))
            break;
          if (!(nkg_rel_is (c, i, "for") || nkg_rel_is (c, i, "next")))
            continue;
          guint j = i + 1;
          if ((nkg_rel_is (c, j, "a") || nkg_rel_is (c, j, "an")) && nkg_rel_is (c, j + 1, "period") && nkg_rel_is (c, j + 2, "of"))
            j += 3;
          else if ((nkg_rel_is (c, j, "an") || nkg_rel_is (c, j, "the")) && nkg_rel_is (c, j + 1, "initial") && nkg_rel_is (c, j + 2, "period")
                   && nkg_rel_is (c, j + 3, "of"))
            j += 4;
          if (nkg_rel_is (c, j, "the") || nkg_rel_is (c, j, "next") || nkg_rel_is (c, j, "another"))
            j++;
          if (nkg_rel_is (c, j, "next"))
            j++;
          if (j + 1 >= c->last)
            continue;
          guint n = (nkg_rel_tok (c, j)->flags & NKG_TOK_NUM) ? (guint) atoi (nkg_rel_tok (c, j)->text) : nkg_rel_number_word (nkg_rel_tok (c, j)->lower);
          if (n && n != 100 && (nkg_rel_is (c, j + 1, "years") || (n == 1 && nkg_rel_is (c, j + 1, "year"))))
            years = n;
          else if (n && n != 100 && (nkg_rel_is (c, j + 1, "months") || (n == 1 && nkg_rel_is (c, j + 1, "month"))))
            months = n;
        }
      if ((years && years <= 1000) || (months && months <= 600))
        {
          char dur[16];
          g_snprintf (dur, sizeof dur, years ? "P%uY" : "P%uM", years ? years : months);
          nkg_rel_fact (c, a, NKG_PROP_DURATION, -1, dur, conf);
        }
      /* Countries named in it are its parties: "US-India Defence Framework"
       * (a pair; "US-brokered" names a broker, not a party). */
      g_autoptr (NkgIntArray) named = nkg_int_array_new ();
      for (guint j = 0; j < c->here->len; j++)
        {
          NkgMention *n = nkg_rel_mention (c, g_array_index (c->here, guint, j));
          gint ce = nkg_rel_entity (c, n);
          if (n != m && n->first >= m->first && n->last <= m->last && nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY)
            g_array_append_val (named, ce);
        }
      /* … or by adjectives joined by dashes: "the Kenyan-Ghanaian accord",
       * "a Chilean–Peruvian–Bolivian pact" (the countries named in the
       * article) */
      for (guint i = m->first; i < m->last; i++)
        {
          gboolean dashed = (i + 1 < m->last && (nkg_rel_tok (c, i + 1)->flags & NKG_TOK_DASH))
                            || (i > m->first && (nkg_rel_tok (c, i - 1)->flags & NKG_TOK_DASH));
          gint ce = dashed ? nkg_rel_country_entity (c, nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i)->text)) : -1;
          gboolean seen = ce < 0;
          for (guint j = 0; j < named->len && !seen; j++)
            seen = g_array_index (named, gint, j) == ce;
          if (!seen)
            g_array_append_val (named, ce);
        }
      for (guint j = 0; named->len >= 2 && j < named->len; j++)
        nkg_rel_fact (c, a, NKG_PROP_PARTY, g_array_index (named, gint, j), NULL, conf * 0.8);
      /* "the pact between India and Japan": signed or not, they are its
       * sides. */
      /* … not one still to be had: "talks leading to a trade pact between
       * Kenya and the US", "would sign a deal between …". */
      gboolean hoped = FALSE;
      for (guint x = c->first; x < m->first && !hoped; x++)
        hoped = (nkg_rel_roles (c, x) & NKG_W_FUTURE) || NKG_TOK_IN_LIST ("stillhoped", nkg_rel_tok (c, x));
      /* "Vietnam's trade deal with Thailand", "the bilateral deal with
       * Thailand": Thailand, and the country that owns it or, for a
       * bilateral one, the article's other country */
      if (!hoped && m->last + 1 < c->last && nkg_rel_is (c, m->last, "with"))
        deal_with (c, m, a, conf * 0.8);
      /* (a listed agreement's sides: relations-listed.c) */
      if (!hoped && !m->listed && m->last < c->last && (nkg_rel_is (c, m->last, "between") || nkg_rel_is (c, m->last, "among")))
        {
          guint end = m->last + 1;
          while (end < c->last && !nkg_rel_is (c, end, "in") && !nkg_rel_is (c, end, "on") && !nkg_rel_is (c, end, "was")
                 && !nkg_rel_is (c, end, "is") && !nkg_rel_is (c, end, "which") && !nkg_rel_is (c, end, "that") && !nkg_rel_is (c, end, "will")
                 && (strcmp (nkg_rel_tok (c, end)->text, ",") != 0 || list_goes_on (c, end + 1)))
            end++;
          g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
          nkg_rel_collect (c, m->last + 1, end, sides, nkg_rel_want_signer);
          nkg_rel_governments_as_countries (c, sides);
          for (guint j = 0; sides->len >= 2 && j < sides->len; j++)
            if (nkg_rel_eclass (c, g_array_index (sides, gint, j)) != NKG_CLASS_PERSON)
              nkg_rel_fact (c, a, NKG_PROP_PARTY, g_array_index (sides, gint, j), NULL, conf * 0.8);
        }
    }
}

/* Whether mention m, of the sentence c reads, names several agreements
 * at once: a plural head ("five agreements", "the MoUs", "eight
 * cooperation documents"). */
gboolean
nkg_rel_names_several (const Ctx *c, const NkgMention *m)
{
  for (guint k = m->first; k < m->last; k++)
    {
      const NkgToken *t = nkg_rel_tok (c, k);
      const char *lemma = c->in->tags ? nkg_tag_at (c->in->tags, k)->lemma : NULL;
      if (nkg_rel_is (c, k, "of") || nkg_rel_is (c, k, "on") || nkg_rel_is (c, k, "between"))
        break;
      /* (a name's lemma is as written: "MOU" is one) */
      if (NKG_TOK_IN_LIST ("pluralagreement", t)
          || (lemma && g_ascii_strcasecmp (lemma, t->lower) != 0 && NKG_IN_LIST ("agreement", lemma)))
        return TRUE;
    }
  return FALSE;
}

/* The agreement mention starting at token i (past "a", "an", "the" and a
 * count), or NULL. */
static NkgMention *
agreement_item_at (const Ctx *c, guint i)
{
  for (;;)
    {
      NkgMention *x = i < c->last ? mention_starting_at_ptr (c, i) : NULL;
      if (x && nkg_rel_eclass (c, nkg_rel_entity (c, x)) == NKG_CLASS_AGREEMENT)
        return x;
      /* (a name may hold its article: "an MoU on X") */
      if (!(nkg_rel_is (c, i, "a") || nkg_rel_is (c, i, "an") || nkg_rel_is (c, i, "the")))
        return NULL;
      i++;
    }
}

/* "India and Chad signed five agreements. The agreements signed include a
 * treaty on X and an MoU on Y", "Among the pacts signed is a memorandum on
 * Z": the agreements a set that was signed is said to include were signed
 * by its signers, bind its parties, and were signed where and when it was. */
void
nkg_rel_pattern_package_members (Ctx *c, double conf)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint set = nkg_rel_entity (c, m);
      if (m->in_quote || m->nested || nkg_rel_eclass (c, set) != NKG_CLASS_AGREEMENT || !nkg_rel_names_several (c, m))
        continue;
      /* the word that opens the list: "include", "are", ":" after the set
       * ("The agreements signed on Monday include"), or "is", "were"
       * after "among the …" */
      gboolean among = (m->first > c->first && nkg_rel_is (c, m->first - 1, "among"))
                       || (m->first > c->first + 1 && nkg_rel_is (c, m->first - 2, "among"));
      guint q = 0;
      for (guint t = m->last; t < c->last && t < m->last + 6 && !q; t++)
        {
          const char *w = nkg_rel_tok (c, t)->lower;
          if (among ? NKG_IN_LIST ("amongcue", w) : NKG_IN_LIST ("includecue", w))
            q = t;
          else if (agreement_item_at (c, t))
            break;
        }
      if (!q)
        continue;
      g_autoptr (NkgIntArray) items = nkg_int_array_new ();
      /* "The agreements are: …" */
      if (q + 1 < c->last && strcmp (nkg_rel_tok (c, q + 1)->text, ":") == 0)
        q++;
      for (NkgMention *x = agreement_item_at (c, q + 1); x;)
        {
          gint xe = nkg_rel_entity (c, x);
          if (xe == set || nkg_rel_names_several (c, x))
            break;
          nkg_rel_add_unique (items, xe);
          guint n = nkg_rel_list_next (c, x->last);
          x = n ? agreement_item_at (c, n) : NULL;
        }
      if (!items->len)
        continue;
      /* what the set has: read first, as adding facts moves them */
      g_autoptr (NkgIntArray) take = nkg_int_array_new ();
      for (guint f = 0; f < c->facts->facts->len; f++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, f);
          if ((g->prop == NKG_PROP_SIGNED && g->object == set)
              || ((gint) g->subject == set
                  && (g->prop == NKG_PROP_PARTY || g->prop == NKG_PROP_SIGNED_IN || g->prop == NKG_PROP_SIGNED_ON)))
            g_array_append_val (take, f);
        }
      for (guint i = 0; i < take->len; i++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (take, guint, i));
          g_autofree char *literal = g_strdup (g->literal);
          guint subject = g->subject;
          NkgProp prop = g->prop;
          gint object = g->object;
          for (guint j = 0; j < items->len; j++)
            {
              gint x = g_array_index (items, gint, j);
              if (prop == NKG_PROP_SIGNED)
                nkg_rel_fact (c, subject, prop, x, NULL, conf);
              else
                nkg_rel_fact (c, x, prop, object, literal, conf);
            }
        }
    }
}
