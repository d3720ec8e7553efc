/* relations.c — facts from patterns over mentions (see relations.h).
 *
 * Each pattern is a function over one sentence; the table near the end
 * lists them with the confidence their facts get. Confidence says how often
 * the pattern is right in news text: an explicit apposition ("Defence
 * Minister X") is near certain, a signer inherited from the sentence before
 * less so, a country assumed for an unqualified official least.
 */
#include "relations.h"
#include "relations-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coref.h"
#include "dates.h"
#include "docindex.h"
#include "mentions.h"
#include "textutil.h"



static const NkgToken *
tok (const Ctx *c, guint i)
{
  return nkg_tok (c->in->seg, i);
}

static NkgMention *
mention (const Ctx *c, guint i)
{
  return g_ptr_array_index (c->in->mentions, i);
}

static gint
entity (const Ctx *c, const NkgMention *m)
{
  if (!m || m->cluster < 0)
    return -1;
  return g_array_index (c->in->entity_of, gint, m->cluster);
}

static NkgClass
eclass (const Ctx *c, gint e)
{
  return e < 0 ? NKG_CLASS_NONE : ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, e))->klass;
}

static guint
roles (const Ctx *c, guint i)
{
  return nkg_lexicon_word (c->in->lexicon, tok (c, i)->lower);
}

static gboolean
is (const Ctx *c, guint i, const char *lower)
{
  return i < c->last && strcmp (tok (c, i)->lower, lower) == 0;
}

static void
fact (Ctx *c, gint s, NkgProp p, gint o, const char *literal, double conf)
{
  if (s < 0 || (o < 0 && !literal) || (o >= 0 && o == s))
    return;
  /* graph/ asserts the reverse of `met`; one direction is the contract. */
  if (p == NKG_PROP_MET && o >= 0 && nkg_doc_facts_find_fact (c->facts, o, p, s, NULL) >= 0)
    {
      nkg_doc_facts_add_fact_by (c->facts, o, p, s, NULL, c->evidence, conf, c->pattern);
      return;
    }
  nkg_doc_facts_add_fact_by (c->facts, s, p, literal ? -1 : o, literal, c->evidence, conf, c->pattern);
}

/* Entity index of the country with this canonical name, or -1. */
static gint
country_entity (const Ctx *c, const char *name)
{
  if (!name)
    return -1;
  return nkg_doc_facts_find_entity (c->facts, NKG_CLASS_COUNTRY, name);
}

/* The mention (in this sentence) that ends right before token i, skipping
 * nothing; or -1. */
static gint
mention_ending_at (const Ctx *c, guint i)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      if (m->last == i && !m->nested && m->cluster >= 0)
        return g_array_index (c->here, guint, k);
    }
  return -1;
}

static gint
mention_starting_at (const Ctx *c, guint i)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      if (m->first == i && !m->nested && m->cluster >= 0)
        return g_array_index (c->here, guint, k);
    }
  return -1;
}

/* ---------------------------------------------------------------- titles */

static gint
represents_of (Ctx *c, gint person)
{
  gint f = person < 0 ? -1 : nkg_doc_facts_first (c->facts, person, NKG_PROP_REPRESENTS);
  return f < 0 ? -1 : ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, f))->object;
}

static gboolean
has_title (Ctx *c, gint person)
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

/* A title phrase ending right before token `end`: lower- or upper-case
 * title words with a head among them. Returns its first token, or `end`. */
static guint
title_before (const Ctx *c, guint end)
{
  guint a = end;
  gboolean head = FALSE;
  while (a > c->first)
    {
      guint r = roles (c, a - 1);
      if (r & (NKG_W_TITLE | NKG_W_TITLEMOD))
        {
          head |= (r & NKG_W_TITLE) != 0;
          a--;
        }
      else if (is (c, a - 1, "and") && a - 1 > c->first && (roles (c, a - 2) & NKG_W_TITLEMOD))
        a--;
      /* "director-general" */
      else if ((tok (c, a - 1)->flags & NKG_TOK_DASH) && !(tok (c, a - 1)->flags & NKG_TOK_SPACE)
               && a - 1 > c->first && (roles (c, a - 2) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
        a--;
      else
        break;
    }
  /* A country or demonym word inside ("Union", "State") stays; a demonym
   * was not taken since it has no title role. */
  return head ? a : end;
}

/* A title with its remit before a comma and the name: "The Minister for
 * Finance, X", "the Ambassador of Japan to Ghana, X". `end` is the comma.
 * Sets the title's tokens [*ts, *cut) — the remit stays when it is no
 * country ("Minister for Finance"), and goes with the country that
 * follows "of" ("Ambassador" of Japan) — and that country, or -1. */
static gboolean
title_with_remit (Ctx *c, guint end, guint *ts, guint *cut, gint *country)
{
  guint k = end;
  while (k > c->first && end - k < 10 && !(roles (c, k - 1) & NKG_W_TITLE))
    {
      gint mi = mention_ending_at (c, k);
      if (mi >= 0 && nkg_class_coarse (eclass (c, entity (c, mention (c, mi)))) == NKG_CLASS_PLACE)
        k = mention (c, mi)->first;
      else if (is (c, k - 1, "of") || is (c, k - 1, "for") || is (c, k - 1, "to") || is (c, k - 1, "the")
               || is (c, k - 1, "and")
               || (roles (c, k - 1) & NKG_W_PORTFOLIO))
        k--;
      else
        return FALSE;
    }
  if (k <= c->first || k == end || !(roles (c, k - 1) & NKG_W_TITLE))
    return FALSE;
  *ts = title_before (c, k);
  *cut = end;
  *country = -1;
  for (guint i = k; i < end; i++)
    if (is (c, i, "of") || is (c, i, "for") || is (c, i, "to"))
      {
        guint o = i + 1;
        if (is (c, o, "the"))
          o++;
        gint mi = mention_starting_at (c, o);
        gint e = mi >= 0 ? entity (c, mention (c, mi)) : -1;
        if (eclass (c, e) != NKG_CLASS_COUNTRY)
          continue;
        if (*cut == end)
          *cut = i;
        if (*country < 0 && !is (c, i, "to"))
          *country = e;
      }
  return *cut > *ts;
}

/* Country before a title at `a`: "India’s", "Indian", "US", "Japan". */
static gint
country_before (Ctx *c, guint a)
{
  if (a <= c->first)
    return -1;
  guint p = a;
  /* "South Korea’s newly elected President": past the title's adjectives. */
  static const char *adjectives[] = { "newly", "elected", "former", "new", "incoming", "outgoing",
                                      "acting", "interim", "current", "then", "" };
  for (guint n = 0; n < 3 && p > c->first; n++)
    {
      gboolean adj = FALSE;
      for (guint k = 0; *adjectives[k]; k++)
        adj |= is (c, p - 1, adjectives[k]);
      if (!adj)
        break;
      p--;
    }
  if (tok (c, p - 1)->flags & NKG_TOK_POSS)
    p--;
  gint mi = mention_ending_at (c, p);
  if (mi >= 0)
    {
      gint e = entity (c, mention (c, mi));
      if (eclass (c, e) == NKG_CLASS_COUNTRY)
        return e;
      return -1;
    }
  /* Demonyms are not mentions: look the word(s) up. */
  for (guint k = 1; k <= 2 && p >= c->first + k; k++)
    {
      g_autofree char *s = nkg_segments_span (c->in->seg, p - k, p);
      const char *country = nkg_lexicon_demonym (c->in->lexicon, s);
      if (country)
        return country_entity (c, country);
    }
  return -1;
}

/* Organisation before a title at `a`: "Novagaz CEO", "MFA spokesperson",
 * "Ministry of External Affairs (MEA) spokesperson". */
static gint
org_before (Ctx *c, guint a, gint *country)
{
  guint p = a;
  if (p > c->first + 2 && strcmp (tok (c, p - 1)->text, ")") == 0)
    {
      gint acr = mention_ending_at (c, p - 1);
      if (acr >= 0)
        p = mention (c, acr)->first - 1;
    }
  gint mi = mention_ending_at (c, p);
  if (mi < 0)
    return -1;
  NkgMention *m = mention (c, mi);
  gint e = entity (c, m);
  if (nkg_class_coarse (eclass (c, e)) != NKG_CLASS_ORG)
    return -1;
  if (m->title_country)
    *country = country_entity (c, m->title_country);
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
  if (is (c, i, "from") || (is (c, i, "on") && is (c, i + 1, "behalf") && is (c, i + 2, "of")))
    {
      i += is (c, i, "from") ? 1 : 3;
      if (is (c, i, "the"))
        i++;
      gint mi = mention_starting_at (c, i);
      if (mi < 0)
        return -1;
      NkgMention *m = mention (c, mi);
      guint after = m->last;
      if (after < c->last && (tok (c, after)->flags & NKG_TOK_POSS))
        after++;
      if (is (c, after, "side") || (after < c->last && strcmp (tok (c, after)->text, ",") == 0))
        {
          gint e = entity (c, m);
          return eclass (c, e) == NKG_CLASS_COUNTRY ? e : -1;
        }
    }
  return -1;
}

/* "X and Y, on behalf of the governments of A and B respectively": X
 * represents A and Y represents B. */
static void
respectively (Ctx *c, double conf)
{
  guint r = c->last;
  for (guint i = c->first; i < c->last; i++)
    if (is (c, i, "respectively"))
      r = i;
  if (r == c->last)
    return;
  guint of = r;
  while (of > c->first && !is (c, of - 1, "of"))
    of--;
  if (of <= c->first)
    return;
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) countries = g_array_new (FALSE, FALSE, sizeof (gint));
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint e = entity (c, m);
      if (m->nested)
        continue;
      if (eclass (c, e) == NKG_CLASS_PERSON && m->last < of)
        g_array_append_val (people, e);
      else if (eclass (c, e) == NKG_CLASS_COUNTRY && m->first >= of && m->last <= r)
        g_array_append_val (countries, e);
    }
  /* The people are the last ones named before the list of countries. */
  if (countries->len < 2 || people->len < countries->len)
    return;
  guint skip = people->len - countries->len;
  for (guint i = 0; i < countries->len; i++)
    fact (c, g_array_index (people, gint, skip + i), NKG_PROP_REPRESENTS, g_array_index (countries, gint, i),
          NULL, conf * 0.9);
}

static gint pronoun_subject (const Ctx *c, guint v);

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
      NkgMention *o = mention (c, g_array_index (c->here, guint, k));
      gint e = entity (c, o);
      if (o->last > m->first || e == p || eclass (c, e) != NKG_CLASS_PERSON)
        continue;
      return title_of (c, e);
    }
  /* "He met his Japanese counterpart X": the pronoun's official. */
  gint he = pronoun_subject (c, c->first + 1);
  return he >= 0 && he != p && he != entity (c, m) ? title_of (c, he) : NULL;
}

static void
pattern_titles (Ctx *c, double conf)
{
  gint side = side_of_sentence (c);
  respectively (c, conf);
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint p = entity (c, m);
      if (eclass (c, p) != NKG_CLASS_PERSON)
        continue;
      /* Titles found inside the name's chunk. */
      for (guint t = 0; t < m->titles->len; t++)
        fact (c, p, NKG_PROP_JOB_TITLE, -1, g_ptr_array_index (m->titles, t), conf);
      gint country = country_entity (c, m->title_country);
      if (m->title_org >= 0)
        {
          NkgMention *o = mention (c, m->title_org);
          fact (c, p, NKG_PROP_WORKS_FOR, entity (c, o), NULL, conf);
          if (country < 0 && o->title_country)
            country = country_entity (c, o->title_country);
        }
      if (country < 0 && m->titles->len)
        country = country_before (c, m->cue_first);
      if (country < 0 && side >= 0 && !m->in_quote)
        country = side;
      if (country >= 0)
        fact (c, p, NKG_PROP_REPRESENTS, country, NULL, conf);
      /* Lower-case or comma-separated titles before the name:
       * "Japan foreign minister Hana Sato", "Ghana’s Foreign Minister,
       * Mrs. Ama Serwaa Boateng". */
      guint start = m->cue_first;
      while (start > c->first && (roles (c, start - 1) & NKG_W_HONORIFIC))
        start--;
      if (start > c->first && strcmp (tok (c, start - 1)->text, ",") == 0 && !m->titles->len)
        start--;
      /* "Pakistan's army chief, Field Marshal Asim Munir": a second title
       * before the comma, and the country it gives. */
      if (m->titles->len && start > c->first + 1 && strcmp (tok (c, start - 1)->text, ",") == 0)
        {
          guint ts2 = title_before (c, start - 1);
          if (ts2 < start - 1)
            {
              g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts2, start - 1);
              fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
              gint ce = country_before (c, ts2);
              if (ce >= 0)
                fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
            }
        }
      guint ts = title_before (c, start);
      guint rts, rcut;
      gint rcountry;
      if (ts == start && !m->titles->len && start > c->first && strcmp (tok (c, start)->text, ",") == 0
          && title_with_remit (c, start, &rts, &rcut, &rcountry))
        {
          g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, rts, rcut);
          fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
          if (rcountry < 0)
            rcountry = country_before (c, rts);
          if (rcountry >= 0)
            fact (c, p, NKG_PROP_REPRESENTS, rcountry, NULL, conf * 0.9);
        }
      else if (ts < start && !m->titles->len)
        {
          guint te = start;
          if (strcmp (tok (c, te - 1)->text, ",") == 0)
            te--;
          g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts, te);
          fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.95);
          gint oc = -1;
          gint ce = country_before (c, ts);
          gint org = ce < 0 ? org_before (c, ts, &oc) : -1;
          if (org >= 0)
            fact (c, p, NKG_PROP_WORKS_FOR, org, NULL, conf * 0.9);
          if (ce < 0)
            ce = oc;
          if (ce >= 0)
            fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
        }
      /* "his US counterpart, Greg Walton" */
      guint q = start;
      if (q > c->first && strcmp (tok (c, q - 1)->text, ",") == 0)
        q--;
      if (q > c->first && (roles (c, q - 1) & NKG_W_COUNTERPART))
        {
          gint ce = country_before (c, q - 1);
          if (ce >= 0)
            fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
          /* "Prime Minister X met his Japanese counterpart Y": Y holds the
           * same office, the one of the nearest titled official before. */
          if (!m->titles->len && ts == start)
            {
              const char *same = counterpart_title (c, m, p);
              /* Washington and London style their ministers Secretaries
               * ("his US counterpart" of a Defence Minister is Secretary
               * of Defense): only heads of state and government carry over. */
              gint rc = represents_of (c, p);
              const char *rn = rc >= 0 ? ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, rc))->name : "";
              if (same && strstr (same, "inister") && !strstr (same, "Prime")
                  && (strcmp (rn, "United States") == 0 || strcmp (rn, "United Kingdom") == 0))
                same = NULL;
              if (same)
                {
                  g_autofree char *copy = g_strdup (same);
                  fact (c, p, NKG_PROP_JOB_TITLE, -1, copy, conf * 0.85);
                }
            }
        }
      /* Apposition after the name: "Rodrigo Salas, Chile's defence
       * minister", "Daniel Whitford, Defence Secretary of Canada". */
      guint a = m->last;
      if (a < c->last && strcmp (tok (c, a)->text, ",") == 0)
        {
          a++;
          if (is (c, a, "the"))
            a++;
          gint ce = -1;
          gint cm = mention_starting_at (c, a);
          if (cm >= 0 && eclass (c, entity (c, mention (c, cm))) == NKG_CLASS_COUNTRY)
            {
              ce = entity (c, mention (c, cm));
              a = mention (c, cm)->last;
              if (a < c->last && (tok (c, a)->flags & NKG_TOK_POSS))
                a++;
            }
          else if (a < c->last)
            {
              const char *d = nkg_lexicon_demonym (c->in->lexicon, tok (c, a)->text);
              if (d)
                {
                  ce = country_entity (c, d);
                  a++;
                }
            }
          guint e = a;
          gboolean head = FALSE;
          /* "group chief executive" */
          if (is (c, e, "group") && e + 1 < c->last && (roles (c, e + 1) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
            a = ++e;
          while (e < c->last && ((roles (c, e) & (NKG_W_TITLE | NKG_W_TITLEMOD))
                                 /* "director-general" */
                                 || ((tok (c, e)->flags & NKG_TOK_DASH) && !(tok (c, e)->flags & NKG_TOK_SPACE) && e > a
                                     && e + 1 < c->last && (roles (c, e + 1) & (NKG_W_TITLE | NKG_W_TITLEMOD)))))
            head |= (roles (c, e++) & NKG_W_TITLE) != 0;
          /* "Tomas Reyes, Peruvian President Julio Paredes": that title
           * is the next person's. */
          gint next = mention_starting_at (c, e);
          if (next >= 0 && eclass (c, entity (c, mention (c, next))) == NKG_CLASS_PERSON)
            head = FALSE;
          for (guint k2 = 0; k2 < c->here->len && head; k2++)
            {
              NkgMention *o = mention (c, g_array_index (c->here, guint, k2));
              if (o != m && o->cue_first == a && eclass (c, entity (c, o)) == NKG_CLASS_PERSON)
                head = FALSE;
            }
          if (head)
            {
              g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, a, e);
              /* "… of the United States", "… of the Mongolian Ministry of
               * Foreign Affairs" */
              guint o = e;
              if (is (c, o, "of"))
                {
                  o++;
                  if (is (c, o, "the"))
                    o++;
                  const char *d = o < c->last ? nkg_lexicon_demonym (c->in->lexicon, tok (c, o)->text) : NULL;
                  gint om = mention_starting_at (c, o);
                  if (om < 0 && d)
                    om = mention_starting_at (c, o + 1);
                  gint oe = om >= 0 ? entity (c, mention (c, om)) : -1;
                  if (eclass (c, oe) == NKG_CLASS_COUNTRY)
                    ce = oe;
                  else if (nkg_class_coarse (eclass (c, oe)) == NKG_CLASS_ORG)
                    {
                      fact (c, p, NKG_PROP_WORKS_FOR, oe, NULL, conf * 0.9);
                      if (ce < 0 && d)
                        ce = country_entity (c, d);
                    }
                }
              fact (c, p, NKG_PROP_JOB_TITLE, -1, title, conf * 0.9);
              if (ce >= 0)
                fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.9);
            }
        }
      /* "Japan's Maria Kihara": a country's possessive names whom she acts for. */
      if (m->cue_first == m->first && m->first >= c->first + 2 && (tok (c, m->first - 1)->flags & NKG_TOK_POSS))
        {
          gint cm = mention_ending_at (c, m->first - 1);
          gint ce = cm >= 0 ? entity (c, mention (c, cm)) : -1;
          if (eclass (c, ce) == NKG_CLASS_COUNTRY)
            fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.85);
        }
      /* "the presidents of Chile (Gabriel Ortega), Peru (Luis Herrera)" */
      if (m->first >= c->first + 2 && strcmp (tok (c, m->first - 1)->text, "(") == 0)
        {
          gint cm = mention_ending_at (c, m->first - 1);
          gint ce = cm >= 0 ? entity (c, mention (c, cm)) : -1;
          if (eclass (c, ce) == NKG_CLASS_COUNTRY)
            {
              fact (c, p, NKG_PROP_REPRESENTS, ce, NULL, conf * 0.85);
              for (guint x = c->first; x < m->first; x++)
                {
                  const char *sing = nkg_lexicon_title_singular (c->in->lexicon, tok (c, x)->lower);
                  if (sing && is (c, x + 1, "of"))
                    {
                      g_autofree char *t = nkg_mentions_title_text (c->in->lexicon, c->in->seg, x, x + 1);
                      fact (c, p, NKG_PROP_JOB_TITLE, -1, t, conf * 0.85);
                    }
                }
            }
        }
    }
}

/* ---------------------------------------------------------------- signing */

/* "will sign", "set to sign", "plans to sign", "not sign": not a signing. */
static gboolean
is_planned (const Ctx *c, guint v)
{
  for (guint k = v; k > c->first && v - k < 3; k--)
    {
      guint r = roles (c, k - 1);
      if (r & NKG_W_FUTURE)
        return TRUE;
      if (!(tok (c, k - 1)->flags & NKG_TOK_WORD))
        break;
    }
  return FALSE;
}

static gboolean
is_passive (const Ctx *c, guint v)
{
  for (guint k = v; k > c->first && v - k < 3; k--)
    {
      const char *w = tok (c, k - 1)->lower;
      if (strcmp (w, "was") == 0 || strcmp (w, "were") == 0 || strcmp (w, "been") == 0
          || strcmp (w, "be") == 0 || strcmp (w, "is") == 0 || strcmp (w, "are") == 0)
        return TRUE;
    }
  return FALSE;
}

/* A date starting at token i: "October 27", "27 October", with its own
 * year when it gives one, else the article's. */
static gboolean
day_month_at (const Ctx *c, guint i, char out[11])
{
  if (i + 1 >= c->last)
    return FALSE;
  const NkgToken *t = tok (c, i), *n = tok (c, i + 1);
  guint mo = 0, day = 0;
  if ((t->flags & NKG_TOK_CAP) && (n->flags & NKG_TOK_NUM))
    {
      mo = nkg_date_month (t->text);
      day = atoi (n->text);
    }
  else if ((t->flags & NKG_TOK_NUM) && strlen (t->text) <= 2 && (n->flags & NKG_TOK_CAP))
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

/* Resolves a weekday, "today" or "Month D" in the sentence to a date. */
static gboolean
sentence_date (const Ctx *c, char out[11])
{
  for (guint i = c->first; i < c->last; i++)
    {
      const NkgToken *t = tok (c, i);
      if (t->flags & NKG_TOK_INQUOTE)
        continue;
      guint wd = nkg_date_weekday (t->text);
      if (wd && (t->flags & NKG_TOK_CAP) && nkg_date_weekday_before (c->in->date, wd, out))
        return TRUE;
      if (strcmp (t->lower, "today") == 0 && c->in->date)
        {
          g_strlcpy (out, c->in->date, 11);
          return TRUE;
        }
      if (day_month_at (c, i, out))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_signer_class (NkgClass k)
{
  return k == NKG_CLASS_PERSON || k == NKG_CLASS_COUNTRY || nkg_class_coarse (k) == NKG_CLASS_ORG;
}

/* "Ankara, Stockholm and Helsinki signed": a capital named as an actor
 * stands for its country's government. Returns the country's entity (added
 * when the text names only the capital), or e itself. */
static gint
government_of (const Ctx *c, const NkgMention *m, gint e)
{
  if (eclass (c, e) != NKG_CLASS_CITY || !m->country)
    return e;
  const char *capital = nkg_lexicon_capital (c->in->lexicon, m->country);
  NkgLocalEntity *city = g_ptr_array_index (c->facts->entities, e);
  if (!capital || strcmp (capital, city->name) != 0)
    return e;
  gint ce = country_entity (c, m->country);
  return ce >= 0 ? ce : (gint) nkg_doc_facts_add_entity (c->facts, NKG_CLASS_COUNTRY, m->country, 1);
}

static gboolean want_signer (NkgClass k);

/* Whether the country mention m qualifies the person or body named right
 * after it ("India's Defence Minister X", "US Secretary of War X"). */
static gboolean
country_qualifies_next (const Ctx *c, const NkgMention *m)
{
  guint p = m->last;
  if (p < c->last && (tok (c, p)->flags & NKG_TOK_POSS))
    p++;
  while (p < c->last && mention_starting_at (c, p) < 0
         && ((roles (c, p) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO))
             || ((is (c, p, "of") || is (c, p, "for")) && p + 1 < c->last && (roles (c, p + 1) & NKG_W_PORTFOLIO))))
    p++;
  gint next = mention_starting_at (c, p);
  if (next < 0)
    return FALSE;
  NkgClass k = eclass (c, entity (c, mention (c, next)));
  return k == NKG_CLASS_PERSON || nkg_class_coarse (k) == NKG_CLASS_ORG;
}

/* Signers: the entities of mentions in [a, b), outside quotes and names. */
static void
collect (const Ctx *c, guint a, guint b, GArray *out, gboolean (*want) (NkgClass))
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      if (m->first < a || m->last > b || m->dateline)
        continue;
      /* "According to Morning Herald": a source, not a participant. */
      if (m->first >= c->first + 2 && is (c, m->first - 1, "to") && is (c, m->first - 2, "according"))
        continue;
      gint e = entity (c, m);
      if (want == want_signer)
        e = government_of (c, m, e);
      if (e < 0 || !want (eclass (c, e)))
        continue;
      /* "US Secretary of War X", "Libya's Government of National Accord":
       * a country that qualifies the next signer is no signer itself. */
      if (eclass (c, e) == NKG_CLASS_COUNTRY && want == want_signer && country_qualifies_next (c, m))
        continue;
      /* A country inside a longer name is not a participant by itself. */
      gboolean inside = FALSE;
      for (guint j = 0; j < c->here->len && !inside; j++)
        {
          NkgMention *o = mention (c, g_array_index (c->here, guint, j));
          inside = o != m && o->first <= m->first && m->last <= o->last && o->last - o->first > m->last - m->first
                   && eclass (c, entity (c, o)) != NKG_CLASS_PERSON;
        }
      if (inside)
        continue;
      gboolean dup = FALSE;
      for (guint j = 0; j < out->len; j++)
        dup |= g_array_index (out, gint, j) == e;
      if (!dup)
        g_array_append_val (out, e);
    }
}

/* The agreement mention nearest to token v, after it first when `after`. */
static gint
agreement_near (const Ctx *c, guint v, gboolean after)
{
  gint best = -1;
  guint dist = G_MAXUINT;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint e = entity (c, m);
      if (eclass (c, e) != NKG_CLASS_AGREEMENT)
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

/* Where: a place after "in" or "at" in the sentence; a city beats a
 * venue beats a country ("in Quito, Ecuador" → Quito). */
static gint
sentence_place (const Ctx *c, guint from, guint v)
{
  gint best = -1, rank = 0;
  /* "… concluded a day after talks in Peru": the place of the later
   * clause is the meeting's. */
  guint stop = c->last;
  for (guint i = v + 1; i < c->last; i++)
    if (is (c, i, "after") || is (c, i, "before") || is (c, i, "when") || is (c, i, "while")
        || is (c, i, "following") || is (c, i, "which") || is (c, i, "who"))
      {
        stop = i;
        break;
      }
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint e = entity (c, m);
      NkgClass kl = eclass (c, e);
      if (m->first < from || m->first >= stop || m->in_quote || nkg_class_coarse (kl) != NKG_CLASS_PLACE
          || m->first == 0)
        continue;
      /* "investing in Ukraine's infrastructure" */
      if (m->last < c->last && (tok (c, m->last)->flags & NKG_TOK_POSS))
        continue;
      /* Regions ("amid tensions in the Indo-Pacific") are no signing place;
       * venues named by a head word ("the Presidential Palace") are. */
      if (kl == NKG_CLASS_PLACE && m->canonical)
        continue;
      guint p = m->first - 1;
      if (is (c, p, "the") && p > 0)
        p--;
      /* "in Quito", "at the Presidential Palace", "visit to Kazakhstan" */
      gboolean visit = FALSE;
      /* "during a visit by Malaysian Prime Minister Anwar Ibrahim to Hanoi" */
      for (guint x = p; is (c, p, "to") && x > c->first && p - x < 10 && !visit; x--)
        visit = is (c, x - 1, "visit") || is (c, x - 1, "trip");
      if (!(is (c, p, "in") || is (c, p, "at") || visit))
        continue;
      gint r = kl == NKG_CLASS_CITY ? 3 : kl == NKG_CLASS_PLACE ? 2 : 1;
      if (r > rank)
        {
          rank = r;
          best = e;
        }
    }
  return best;
}

static gboolean
want_signer (NkgClass k)
{
  return is_signer_class (k);
}

static gboolean
want_person (NkgClass k)
{
  return k == NKG_CLASS_PERSON;
}

/* Pairwise `met` among persons acting together, but not among officials
 * of one side (a delegation signing together did not "meet"). */
static void
met_pairs (Ctx *c, GArray *people, double conf)
{
  if (people->len < 2 || people->len > 6)
    return;
  for (guint i = 0; i < people->len; i++)
    for (guint j = i + 1; j < people->len; j++)
      {
        gint a = g_array_index (people, gint, i), b = g_array_index (people, gint, j);
        if (eclass (c, a) != NKG_CLASS_PERSON || eclass (c, b) != NKG_CLASS_PERSON)
          continue;
        gint ra = represents_of (c, a), rb = represents_of (c, b);
        if (ra >= 0 && ra == rb)
          continue;
        /* Officials meet; a name with no title here is often no person
         * at all (a company typed by its shape). */
        if (!has_title (c, a) || !has_title (c, b))
          continue;
        fact (c, a, NKG_PROP_MET, b, NULL, conf);
      }
}

/* Whether an agreement other than `agreement` ends right before token k:
 * "… and a Letter of Arrangement between X and Y" is about that one. */
static gboolean
ends_other_agreement (const Ctx *c, guint k, gint agreement)
{
  for (guint j = 0; j < c->here->len; j++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, j));
      gint e = entity (c, m);
      if (m->last == k && eclass (c, e) == NKG_CLASS_AGREEMENT && e != agreement)
        return TRUE;
    }
  return FALSE;
}

static gboolean is_verb_filler (const Ctx *c, guint i);

/* Keeps the latest two-sided signing's countries or bodies, and people. */
static void
remember_sides (Ctx *c, GArray *signers)
{
  g_autoptr (GArray) sides = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  for (guint i = 0; i < signers->len; i++)
    {
      gint e = g_array_index (signers, gint, i);
      g_array_append_val (eclass (c, e) == NKG_CLASS_PERSON ? people : sides, e);
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

/* Whether the subject before the verb at v is "the two sides", "both
 * (the) countries", "they" (1: the sides), or "the two leaders" (2: the
 * people); 0 when it is none of these. */
static gint
plural_anaphor (const Ctx *c, guint v)
{
  static const char *sides[] = { "sides", "countries", "nations", "governments", "parties", "" };
  static const char *people[] = { "leaders", "ministers", "presidents", "" };
  guint k = v;
  while (k > c->first && is_verb_filler (c, k - 1))
    k--;
  if (k == c->first)
    return 0;
  if (is (c, k - 1, "they"))
    return 1;
  gint kind = 0;
  for (guint i = 0; *sides[i]; i++)
    kind = is (c, k - 1, sides[i]) ? 1 : kind;
  for (guint i = 0; *people[i]; i++)
    kind = is (c, k - 1, people[i]) ? 2 : kind;
  if (!kind || k < c->first + 2)
    return 0;
  if (is (c, k - 2, "two") || is (c, k - 2, "both")
      || (is (c, k - 2, "the") && k >= c->first + 3 && is (c, k - 3, "both")))
    return kind;
  return 0;
}

/* The agreement of the document with the most mentions, or -1. */
static gint
salient_agreement (const Ctx *c)
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
static gboolean
is_verb_filler (const Ctx *c, guint i)
{
  static const char *w[] = { "have", "has", "had", "officially", "also", "jointly", "formally",
                             "finally", "today", "yesterday", "on", "recently", "reportedly",
                             "then", "already", "just", "" };
  const NkgToken *t = tok (c, i);
  for (guint k = 0; *w[k]; k++)
    if (strcmp (t->lower, w[k]) == 0)
      return TRUE;
  return nkg_date_weekday (t->text) != 0;
}

static gint
mention_ending_at_any (const Ctx *c, guint i)
{
  gint best = -1;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      if (m->last == i && m->cluster >= 0 && !m->nested)
        {
          /* The longest: "Defence Secretary Greg Walton", not "Walton". */
          if (best < 0 || m->first < mention (c, best)->first)
            best = g_array_index (c->here, guint, k);
        }
    }
  return best;
}

/* The coordinated subject right before the verb at v: "Kazakhstan and
 * Uzbekistan signed", "Defence Minister Arjun Mehra and his US
 * counterpart Defence Secretary Greg Walton sealed". */
static void
subject_group (const Ctx *c, guint v, GArray *out)
{
  guint k = v;
  while (k > c->first && is_verb_filler (c, k - 1))
    k--;
  /* "the United Arab Emirates (UAE) will sign": past the bracket. */
  if (k > c->first + 2 && strcmp (tok (c, k - 1)->text, ")") == 0)
    for (guint x = k - 1; x > c->first && k - x < 6; x--)
      if (strcmp (tok (c, x - 1)->text, "(") == 0)
        {
          k = x - 1;
          break;
        }
  /* "X and Y, on behalf of their governments respectively, officially
   * signed": step over the aside between commas. */
  if (k > c->first && strcmp (tok (c, k - 1)->text, ",") == 0 && mention_ending_at_any (c, k - 1) < 0)
    for (guint x = k - 1; x > c->first && k - x < 20; x--)
      if (strcmp (tok (c, x - 1)->text, ",") == 0)
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
      NkgMention *m = mention (c, mi);
      gint e = government_of (c, m, entity (c, m));
      if (!is_signer_class (eclass (c, e)))
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
          const NkgToken *t = tok (c, k - 1);
          /* "Saudi Arabia and nuclear-armed Pakistan": a compound adjective */
          if (k >= c->first + 3 && (tok (c, k - 2)->flags & NKG_TOK_DASH) && !(tok (c, k - 2)->flags & NKG_TOK_SPACE)
              && (t->flags & NKG_TOK_WORD) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
              && (tok (c, k - 3)->flags & NKG_TOK_WORD) && !(tok (c, k - 3)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
            k -= 3;
          else if (strcmp (t->text, ",") == 0 || is (c, k - 1, "and") || is (c, k - 1, "the")
              || is (c, k - 1, "his") || is (c, k - 1, "her") || is (c, k - 1, "their")
              || (roles (c, k - 1) & (NKG_W_COUNTERPART | NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC))
              || nkg_lexicon_demonym (c->in->lexicon, t->text))
            k--;
          else if (mention_ending_at_any (c, k) >= 0 && is (c, k, "counterpart"))
            break;
          /* "Japan's Minoru Kihara": the country qualifies the signer. */
          else if ((t->flags & NKG_TOK_POSS) && k - 1 > c->first && mention_ending_at_any (c, k - 1) >= 0
                   && eclass (c, entity (c, mention (c, mention_ending_at_any (c, k - 1)))) == NKG_CLASS_COUNTRY)
            k = mention (c, mention_ending_at_any (c, k - 1))->first;
          else
            {
              /* "his US counterpart": a country before "counterpart" is a cue. */
              gint cm = mention_ending_at_any (c, k);
              if (cm >= 0 && k < before && (roles (c, k) & NKG_W_COUNTERPART))
                k = mention (c, cm)->first;
              else
                break;
            }
        }
      if (k == before)
        return;
    }
}

/* Adds e to the set unless it is there. */
static void
add_unique (GArray *out, gint e)
{
  for (guint j = 0; j < out->len; j++)
    if (g_array_index (out, gint, j) == e)
      return;
  g_array_append_val (out, e);
}

/* "… signed a large grain supply deal with Norway", "… signed the deal
 * with Acme chief executive Lars Berg", "the framework she signed with
 * Brazil's Defence Minister Paulo Mendes": the other side signed too. A
 * person named after a country and a title is that country's signer (the
 * country itself signed only if the text says so); a company before its
 * officer's title is a side of its own. */
static void
with_group (const Ctx *c, guint v, GArray *out)
{
  for (guint k = v + 1; k + 1 < c->last && k < v + 12; k++)
    {
      if (!is (c, k, "with"))
        continue;
      guint a = k + 1;
      if (is (c, a, "the"))
        a++;
      /* ", with President X witnessing": an onlooker, not a side. */
      gboolean aside = strcmp (tok (c, k - 1)->text, ",") == 0;
      gint mi = mention_starting_at (c, a);
      if (mi < 0 && aside)
        return;
      if (mi < 0)
        {
          /* "with Norwegian Defence Minister X", "with his counterpart X" */
          guint p = a;
          while (p < c->last
                 && ((roles (c, p) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_COUNTERPART))
                     || nkg_lexicon_demonym (c->in->lexicon, tok (c, p)->text) || is (c, p, "his")
                     || is (c, p, "her") || is (c, p, "their") || strcmp (tok (c, p)->text, ",") == 0))
            p++;
          gint pm = p > a ? mention_starting_at (c, p) : -1;
          gint pe = pm >= 0 ? entity (c, mention (c, pm)) : -1;
          if (eclass (c, pe) == NKG_CLASS_PERSON)
            add_unique (out, pe);
          return;
        }
      NkgMention *m = mention (c, mi);
      gint e = entity (c, m);
      NkgClass kl = eclass (c, e);
      if (kl == NKG_CLASS_PERSON)
        {
          if (!aside)
            add_unique (out, e);
          return;
        }
      if (kl != NKG_CLASS_COUNTRY && nkg_class_coarse (kl) != NKG_CLASS_ORG)
        return;
      /* Past the possessive and the title to the person they qualify. */
      guint p = m->last;
      if (p < c->last && (tok (c, p)->flags & NKG_TOK_POSS))
        p++;
      guint title_start = p;
      while (p < c->last
             && ((roles (c, p) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_PORTFOLIO))
                 || ((is (c, p, "of") || is (c, p, "for")) && p > title_start && p + 1 < c->last
                     && (roles (c, p + 1) & NKG_W_PORTFOLIO))))
        p++;
      gint pm = p > title_start ? mention_starting_at (c, p) : -1;
      gint pe = pm >= 0 ? entity (c, mention (c, pm)) : -1;
      if (eclass (c, pe) == NKG_CLASS_PERSON && !aside)
        {
          add_unique (out, pe);
          if (kl == NKG_CLASS_COUNTRY)
            return;
        }
      add_unique (out, e);
      return;
    }
}

/* "Israel and the UAE will sign an agreement": not signed yet, but the
 * countries are its parties. */
static void
planned_parties (Ctx *c, guint v, double conf)
{
  gint agreement = agreement_near (c, v, TRUE);
  if (agreement < 0)
    return;
  g_autoptr (GArray) group = g_array_new (FALSE, FALSE, sizeof (gint));
  guint k = v;
  while (k > c->first && (roles (c, k - 1) & NKG_W_FUTURE))
    k--;
  subject_group (c, k, group);
  for (guint i = 0; i < group->len; i++)
    {
      gint s = g_array_index (group, gint, i);
      if (eclass (c, s) == NKG_CLASS_COUNTRY || nkg_class_coarse (eclass (c, s)) == NKG_CLASS_ORG)
        fact (c, agreement, NKG_PROP_PARTY, s, NULL, conf);
    }
}

/* "put their names to": an idiom for signing, at the verb "put". */
static gboolean
put_names_to (const Ctx *c, guint v)
{
  guint k = v + 1;
  if (is (c, k, "their") || is (c, k, "his") || is (c, k, "her"))
    k++;
  /* "put pen to paper on" */
  if (is (c, v, "put") && is (c, v + 1, "pen") && is (c, v + 2, "to") && is (c, v + 3, "paper"))
    return TRUE;
  return is (c, v, "put") && (is (c, k, "names") || is (c, k, "signatures") || is (c, k, "name"))
         && (is (c, k + 1, "to") || is (c, k + 1, "on"));
}

/* "concluded negotiations", "finalised the talks": the talks ended, no
 * document was signed. */
static gboolean
ends_talks (const Ctx *c, guint v)
{
  guint k = v + 1;
  if (is (c, k, "the") || is (c, k, "their") || is (c, k, "its"))
    k++;
  return is (c, k, "negotiations") || is (c, k, "talks") || is (c, k, "discussions");
}

/* The agreement named last before this sentence: what "It was signed by
 * …" speaks of. */
static gint
previous_agreement (const Ctx *c)
{
  for (guint k = nkg_mention_index_from_token (c->in->index, c->first); k-- > 0;)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      /* Further back, any agreement is too far to be "it". */
      if (m->sentence + 2 < c->sentence)
        return -1;
      if (m->last > c->first || m->cluster < 0)
        continue;
      gint e = entity (c, m);
      if (eclass (c, e) == NKG_CLASS_AGREEMENT)
        return m->sentence + 2 >= c->sentence ? e : -1;
    }
  return -1;
}

/* The countries named in the three sentences before this one, directly
 * or as what their titled officials represent. */
static void
recent_sides (const Ctx *c, GArray *out)
{
  guint from = c->sentence >= 3 ? c->sentence - 3 : 0;
  guint lo, hi, unused;
  nkg_mention_index_sentence (c->in->index, from, &lo, &unused);
  nkg_mention_index_sentence (c->in->index, c->sentence, &hi, &unused);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence < from || m->sentence >= c->sentence || m->nested || m->cluster < 0 || m->in_quote
          || m->dateline)
        continue;
      gint e = entity (c, m);
      if (eclass (c, e) == NKG_CLASS_PERSON)
        e = represents_of ((Ctx *) c, e);
      if (eclass (c, e) == NKG_CLASS_COUNTRY)
        add_unique (out, e);
    }
}

/* "A signed on behalf of X, while B signed for his country": the person
 * of the later clause signed the same agreement. */
static void
second_signer (Ctx *c, guint v, gint agreement, double conf)
{
  for (guint w = v + 2; w + 2 < c->last; w++)
    {
      if (!(roles (c, w) & NKG_W_SIGN) || is_planned (c, w))
        continue;
      gboolean on_behalf = (is (c, w + 1, "on") && is (c, w + 2, "behalf"))
                           || (is (c, w + 1, "for") && (is (c, w + 2, "his") || is (c, w + 2, "her")
                                                        || is (c, w + 2, "their") || is (c, w + 2, "the")));
      if (!on_behalf)
        continue;
      guint from = w;
      while (from > v + 1 && !is (c, from - 1, "while") && !is (c, from - 1, "whereas")
             && strcmp (tok (c, from - 1)->text, ";") != 0)
        from--;
      if (from <= v + 1)
        return;
      g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
      collect (c, from, w, people, want_person);
      for (guint i = 0; i < people->len; i++)
        fact (c, g_array_index (people, gint, i), NKG_PROP_SIGNED, agreement, NULL, conf * 0.9);
      return;
    }
}

/* Where and when the sentence before this one says something happened
 * ("… held a meeting with X in London on Tuesday"); -1 and "" when not. */
static gint
previous_where_when (Ctx *c, char date[11])
{
  const NkgSentence *prev = &g_array_index (c->in->seg->sentences, NkgSentence, c->sentence - 1);
  guint first = c->first, last = c->last;
  g_autoptr (GArray) here = c->here;
  c->here = g_array_new (FALSE, FALSE, sizeof (guint));
  guint lo, hi;
  nkg_mention_index_sentence (c->in->index, c->sentence - 1, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence == c->sentence - 1 && m->cluster >= 0)
        g_array_append_val (c->here, k);
    }
  c->first = prev->first;
  c->last = prev->last;
  gint place = sentence_place (c, c->first, c->first);
  if (!sentence_date (c, date))
    date[0] = '\0';
  g_array_unref (c->here);
  c->here = g_steal_pointer (&here);
  c->first = first;
  c->last = last;
  return place;
}

static void
pattern_signing (Ctx *c, double conf)
{
  for (guint v = c->first; v < c->last; v++)
    {
      const NkgToken *t = tok (c, v);
      if (!(roles (c, v) & NKG_W_SIGN) && !put_names_to (c, v))
        continue;
      if (is_planned (c, v))
        {
          planned_parties (c, v, conf * 0.7);
          continue;
        }
      /* "signed off on the budget" approves; "concluded negotiations" ends talks. */
      if (ends_talks (c, v) || is (c, v + 1, "off"))
        continue;
      /* "exchange" and "sign" in the present are too often plans or nouns. */
      if (strcmp (t->lower, "exchange") == 0 || strcmp (t->lower, "sign") == 0
          || strcmp (t->lower, "seal") == 0 || strcmp (t->lower, "ink") == 0)
        continue;
      gboolean noun = strcmp (t->lower, "signing") == 0;
      gboolean passive = !noun && is_passive (c, v);
      /* "a 2019 memorandum signed by Turkey and Libya": a participle right
       * after the agreement is passive without its "was". */
      if (!noun && !passive && v + 1 < c->last && is (c, v + 1, "by"))
        {
          /* "The pact, signed by A and B on Friday, …" */
          gint before = mention_ending_at (c, v > c->first && strcmp (tok (c, v - 1)->text, ",") == 0 ? v - 1 : v);
          passive = before >= 0 && eclass (c, entity (c, mention (c, before))) == NKG_CLASS_AGREEMENT;
        }
      gint agreement = agreement_near (c, v, !passive);
      /* "It was signed by …": the agreement of the sentence before. */
      if (agreement < 0 && passive && v >= c->first + 2
          && (is (c, c->first, "it") || is (c, c->first, "this")) && c->first + 3 >= v)
        agreement = previous_agreement (c);
      /* "attended the signing ceremony between …": the article's deal. */
      /* "X signed on behalf of Ghana", "Y signed for his country": the
       * article's agreement, signed by whoever is named before. */
      gboolean on_behalf = !passive && !noun
                           && ((is (c, v + 1, "on") && is (c, v + 2, "behalf"))
                               || (is (c, v + 1, "for") && (is (c, v + 2, "his") || is (c, v + 2, "her")
                                                            || is (c, v + 2, "their") || is (c, v + 2, "the"))));
      if (agreement < 0 && (noun || on_behalf))
        agreement = salient_agreement (c);
      if (agreement < 0)
        continue;
      g_autoptr (GArray) signers = g_array_new (FALSE, FALSE, sizeof (gint));
      /* "… by X and Y"; "between X and Y" right after the verb or the
       * agreement ("the signing ceremony between …", "the deal between
       * … was sealed"), not in a later clause. */
      guint agreement_end = 0;
      for (guint k = 0; k < c->here->len; k++)
        {
          NkgMention *m = mention (c, g_array_index (c->here, guint, k));
          if (entity (c, m) == agreement && m->last > agreement_end && (m->last <= v || m->first > v))
            agreement_end = m->last;
        }
      if (agreement_end && is (c, agreement_end, "between") && agreement_end < v)
        {
          guint end = agreement_end + 1;
          while (end < v && !is (c, end, "was") && !is (c, end, "were") && !is (c, end, "is"))
            end++;
          collect (c, agreement_end + 1, end, signers, want_signer);
        }
      /* A subordinate clause ("… one day after a meeting between …") is
       * about something else. */
      guint clause_end = c->last;
      for (guint k = v + 1; k < c->last; k++)
        if (is (c, k, "after") || is (c, k, "before") || is (c, k, "which") || is (c, k, "when"))
          {
            clause_end = k;
            break;
          }
      for (guint k = v + 1; k < clause_end && !signers->len; k++)
        /* "the signing of the accord by A and B" */
        if (((passive || (noun && k == agreement_end)) && is (c, k, "by"))
            || (is (c, k, "between") && (k <= v + 3 || k == agreement_end || passive)
                && !ends_other_agreement (c, k, agreement)))
          {
            guint end = k + 1;
            while (end < c->last && !is (c, end, "in") && !is (c, end, "on") && !is (c, end, "which")
                   && !is (c, end, "at") && !is (c, end, "to") && strcmp (tok (c, end)->text, ";") != 0
                   && !(strcmp (tok (c, end)->text, ",") == 0 && end + 1 < c->last && is (c, end + 1, "in")))
              end++;
            collect (c, k + 1, end, signers, want_signer);
            break;
          }
      if (!passive && !noun && !signers->len)
        subject_group (c, v, signers);
      if (!passive && !noun && !signers->len)
        {
          /* The subject: from the sentence start, past a leading
           * "During …," or "Following …," clause. */
          guint a = c->first;
          guint r = roles (c, a);
          if ((r & NKG_W_STOPCAP) && !is (c, a, "the") && !is (c, a, "both"))
            for (guint k = a; k < v; k++)
              if (strcmp (tok (c, k)->text, ",") == 0)
                {
                  a = k + 1;
                  break;
                }
          /* A capital this far from the verb is a place, not its
           * government ("Officials from Paris said the treaty signed …"). */
          collect (c, a, v, signers, is_signer_class);
        }
      /* "… signed a deal with Poland": the other side signed too. */
      if (!passive && !noun)
        with_group (c, v, signers);
      /* "… the signing of two accords between Brazil and Canada. A MoU was
       * signed on …": the next sentence goes on about the same signing. */
      gboolean inherited = FALSE;
      /* "The two sides also signed …", "Both the countries signed …",
       * "They signed …": the parties of the last signing. */
      gint anaphor = !passive && !noun && !signers->len ? plural_anaphor (c, v) : 0;
      GArray *antecedent = anaphor == 1 ? c->last_sides : c->last_leaders;
      /* "The two sides" after two leaders signed: the countries they represent. */
      g_autoptr (GArray) their = g_array_new (FALSE, FALSE, sizeof (gint));
      if (anaphor == 1 && !antecedent->len)
        {
          for (guint i = 0; i < c->last_leaders->len; i++)
            {
              gint r = represents_of (c, g_array_index (c->last_leaders, gint, i));
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
      g_autoptr (GArray) recent = g_array_new (FALSE, FALSE, sizeof (gint));
      if (anaphor == 1 && !antecedent->len)
        {
          recent_sides (c, recent);
          if (recent->len == 2)
            antecedent = recent;
        }
      /* "The two leaders signed …" with no signing before: the two
       * officials the sentence before names. */
      g_autoptr (GArray) met = g_array_new (FALSE, FALSE, sizeof (gint));
      if (anaphor == 2 && !antecedent->len && c->sentence > 0)
        {
          guint lo, hi;
          nkg_mention_index_sentence (c->in->index, c->sentence - 1, &lo, &hi);
          for (guint i = lo; i < hi; i++)
            {
              NkgMention *m = mention (c, i);
              gint e = entity (c, m);
              if (m->sentence + 1 == c->sentence && !m->in_quote && !m->nested
                  && eclass (c, e) == NKG_CLASS_PERSON && has_title (c, e))
                add_unique (met, e);
            }
          gint r0 = met->len == 2 ? represents_of (c, g_array_index (met, gint, 0)) : -1;
          gint r1 = met->len == 2 ? represents_of (c, g_array_index (met, gint, 1)) : -1;
          /* not two officials of one side */
          if (met->len == 2 && (r0 != r1 || r0 < 0))
            antecedent = met;
        }
      if (anaphor && antecedent->len)
        {
          g_array_append_vals (signers, antecedent->data, antecedent->len);
          inherited = TRUE;
        }
      else if (passive && !signers->len && c->last_signing != G_MAXUINT && c->sentence <= c->last_signing + 2)
        {
          g_array_append_vals (signers, c->last_signers->data, c->last_signers->len);
          inherited = TRUE;
        }
      else if (signers->len)
        {
          g_array_set_size (c->last_signers, 0);
          g_array_append_vals (c->last_signers, signers->data, signers->len);
          c->last_signing = c->sentence;
          remember_sides (c, signers);
        }
      if (!signers->len && !noun && !passive)
        continue;
      double sconf = inherited ? conf * 0.7 : conf;
      for (guint i = 0; i < signers->len; i++)
        {
          gint s = g_array_index (signers, gint, i);
          NkgClass k = eclass (c, s);
          fact (c, s, NKG_PROP_SIGNED, agreement, NULL, sconf);
          if (k != NKG_CLASS_PERSON)
            fact (c, agreement, NKG_PROP_PARTY, s, NULL, sconf);
        }
      if (!inherited)
        met_pairs (c, signers, conf * 0.85);
      /* "signed a Joint Commission Agreement and a joint communique",
       * "A MoU was signed … and a Letter of Arrangement …" */
      g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (gint));
      if (!noun)
        for (guint k = 0; k < c->here->len; k++)
          {
            NkgMention *m = mention (c, g_array_index (c->here, guint, k));
            gint other = entity (c, m);
            if (m->first <= v || eclass (c, other) != NKG_CLASS_AGREEMENT || other == agreement
                || m->first < 2 || !(is (c, m->first - 1, "and") || is (c, m->first - 2, "and")))
              continue;
            add_unique (others, other);
            for (guint i = 0; i < signers->len; i++)
              {
                gint sg = g_array_index (signers, gint, i);
                fact (c, sg, NKG_PROP_SIGNED, other, NULL, sconf * 0.9);
                if (eclass (c, sg) != NKG_CLASS_PERSON)
                  fact (c, other, NKG_PROP_PARTY, sg, NULL, sconf * 0.9);
              }
            /* "a Letter of Arrangement between DRDO and DSTL" */
            if (m->last < c->last && is (c, m->last, "between"))
              {
                g_autoptr (GArray) own = g_array_new (FALSE, FALSE, sizeof (gint));
                guint end = m->last + 1;
                while (end < c->last && !is (c, end, "on") && !is (c, end, "in") && strcmp (tok (c, end)->text, ",") != 0)
                  end++;
                collect (c, m->last + 1, end, own, want_signer);
                for (guint i = 0; i < own->len; i++)
                  {
                    gint sg = g_array_index (own, gint, i);
                    fact (c, sg, NKG_PROP_SIGNED, other, NULL, conf * 0.8);
                    if (eclass (c, sg) != NKG_CLASS_PERSON)
                      fact (c, other, NKG_PROP_PARTY, sg, NULL, conf * 0.8);
                  }
              }
          }
      /* "the signing ceremony in Shanghai": a noun takes only what is
       * attached to it, not "a new chapter in India-US relations". */
      guint from = noun ? v : c->first;
      guint saved_last = c->last;
      /* … unless the sentence is about the signing: "The signing took
       * place on the sidelines of X in Quito". */
      gboolean about = noun && (is (c, v + 1, "took") || is (c, v + 1, "was") || is (c, v + 1, "ceremony"));
      /* "The signing of the accord by A and B took place in Kampala" */
      for (guint k = v + 1; noun && !about && k + 1 < c->last; k++)
        about = (is (c, k, "took") && is (c, k + 1, "place")) || (is (c, k, "was") && is (c, k + 1, "held"));
      if (noun && !about)
        c->last = MIN (c->last, v + 5);
      gint place = sentence_place (c, from, v);
      char date[11] = "";
      if ((!noun || about) && !sentence_date (c, date))
        date[0] = '\0';
      c->last = saved_last;
      /* "The talks were followed by the signing of two accords": the
       * meeting's place and day, from the sentence before. */
      if (noun && c->sentence > 0 && (place < 0 || !date[0]))
        {
          gboolean meeting = FALSE, after = FALSE;
          for (guint k = c->first; k < c->last; k++)
            {
              meeting |= is (c, k, "meeting") || is (c, k, "talks");
              after |= is (c, k, "followed") || is (c, k, "after");
            }
          if (meeting && after)
            {
              char pdate[11] = "";
              gint pplace = previous_where_when (c, pdate);
              if (place < 0)
                place = pplace;
              if (!date[0])
                g_strlcpy (date, pdate, sizeof date);
            }
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
          if (place >= 0 && (!k || eclass (c, place) != NKG_CLASS_COUNTRY))
            fact (c, a, NKG_PROP_SIGNED_IN, place, NULL, conf * f);
          if (date[0])
            fact (c, a, NKG_PROP_SIGNED_ON, -1, date, conf * 0.9 * f);
        }
      c->last_place = place;
      g_strlcpy (c->last_date, date, sizeof c->last_date);
      second_signer (c, v, agreement, conf);
      return;
    }
}

/* ---------------------------------------------------------------- meetings */

/* When the sentence's subject before token v is "He" or "She": the person
 * it stands for, the first one named in the nearest earlier sentence that
 * names one (news keeps its subject in focus); else -1. */
static gint
pronoun_subject (const Ctx *c, guint v)
{
  guint k = c->first;
  if (k >= v || !(is (c, k, "he") || is (c, k, "she")))
    return -1;
  /* The meeting verb follows the pronoun: "He also met", "She later
   * called on" — not "He said X met Y". */
  for (guint k2 = k + 1; k2 < v; k2++)
    if (!is_verb_filler (c, k2) && !is (c, k2, "later"))
      return -1;
  /* The first person of the latest sentence before this one that names
   * one; a pronoun's person is never a hundred sentences away. */
  for (guint s = c->sentence, n = 0; s-- > 0 && n < 100; n++)
    {
      guint lo, hi;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      for (guint i = lo; i < hi; i++)
        {
          NkgMention *m = mention (c, i);
          if (m->in_quote || m->nested)
            continue;
          gint e = entity (c, m);
          if (eclass (c, e) == NKG_CLASS_PERSON)
            return e;
        }
    }
  return -1;
}

/* "X received Y", "X welcomed Y to Delhi": a host meets the visitor named
 * right after the verb (not "welcomed the remarks of Y"). */
static void
host_received (Ctx *c, double conf)
{
  for (guint v = c->first + 1; v + 1 < c->last; v++)
    {
      if (!(is (c, v, "received") || is (c, v, "welcomed") || is (c, v, "greeted") || is (c, v, "hosted"))
          || (tok (c, v)->flags & NKG_TOK_INQUOTE))
        continue;
      /* "X was received by Y at the airport": the same meeting, passive. */
      gboolean passive = is_passive (c, v);
      if (passive && !is (c, v + 1, "by"))
        continue;
      guint k = v + 1 + passive;
      while (k < c->last
             && ((roles (c, k) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_COUNTERPART))
                 || nkg_lexicon_demonym (c->in->lexicon, tok (c, k)->text) || is (c, k, "his") || is (c, k, "her")
                 || (tok (c, k)->flags & NKG_TOK_POSS)))
        k++;
      gint om = -1;
      for (guint x = 0; x < c->here->len && om < 0; x++)
        {
          NkgMention *o = mention (c, g_array_index (c->here, guint, x));
          if (!o->nested && (o->first == k || (o->cue_first == v + 1 && o->first >= k))
              && eclass (c, entity (c, o)) == NKG_CLASS_PERSON)
            om = g_array_index (c->here, guint, x);
        }
      /* "his Japanese counterpart Yuki Mori": a country mention first. */
      if (om < 0)
        {
          gint cm = mention_starting_at (c, k);
          if (cm >= 0 && eclass (c, entity (c, mention (c, cm))) == NKG_CLASS_COUNTRY)
            {
              guint k2 = mention (c, cm)->last;
              while (k2 < c->last && ((roles (c, k2) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_COUNTERPART))
                                      || (tok (c, k2)->flags & NKG_TOK_POSS)))
                k2++;
              gint pm = mention_starting_at (c, k2);
              if (pm >= 0 && eclass (c, entity (c, mention (c, pm))) == NKG_CLASS_PERSON)
                om = pm;
            }
        }
      if (om < 0)
        continue;
      g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
      collect (c, c->first, v, people, want_person);
      if (!people->len && passive)
        {
          gint he = pronoun_subject (c, c->first + 1);
          if (he >= 0)
            g_array_append_val (people, he);
        }
      if (people->len != 1)
        continue;
      add_unique (people, entity (c, mention (c, om)));
      met_pairs (c, people, conf * 0.9);
    }
}

static void
pattern_meeting (Ctx *c, double conf)
{
  host_received (c, conf);
  gboolean trigger = FALSE;
  guint v = c->last;
  for (guint i = c->first; i < c->last; i++)
    {
      if (tok (c, i)->flags & NKG_TOK_INQUOTE)
        continue;
      guint r = roles (c, i);
      const char *w = tok (c, i)->lower;
      /* "has sought talks with", "agreed to meet": not yet a meeting */
      if ((r & NKG_W_MEET) && is_planned (c, i))
        continue;
      if ((r & NKG_W_MEET) || strcmp (w, "attendance") == 0 || strcmp (w, "attended") == 0
          || ((r & NKG_W_SIGN) && !is_planned (c, i)) || strcmp (w, "counterpart") == 0
          /* "called on the Prime Minister": a courtesy meeting */
          || (strcmp (w, "called") == 0 && is (c, i + 1, "on") && i + 2 < c->last
              && !nkg_date_weekday (tok (c, i + 2)->text)))
        {
          trigger = TRUE;
          v = MIN (v, i);
        }
    }
  if (!trigger)
    return;
  /* Persons acting together, but not the ones who only watched. */
  guint end = c->last, watch = c->last;
  for (guint i = c->first; i < c->last; i++)
    if (is (c, i, "witnessed") || is (c, i, "witnessing") || is (c, i, "looks") || is (c, i, "looking")
        /* "… signed by A and B in the presence of C and D" */
        || (is (c, i, "presence") && i >= c->first + 2 && is (c, i - 1, "the") && is (c, i - 2, "in"))
        || is (c, i, "watches") || is (c, i, "watched") || is (c, i, "watching"))
      {
        end = i;
        watch = i;
        /* "… exchange pens as Chilean President Reyes watches" */
        for (guint k = i; k > c->first && i - k < 8; k--)
          if (is (c, k - 1, "as") || is (c, k - 1, "while") || is (c, k - 1, "with"))
            {
              end = k - 1;
              break;
            }
        break;
      }
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  collect (c, c->first, end, people, want_person);
  /* "He also called on Prime Minister X and met Chairman Y": the one
   * before met each of them; they did not meet one another. */
  gint he = pronoun_subject (c, v);
  if (he >= 0)
    {
      for (guint i = 0; i < people->len; i++)
        {
          gint pair[2] = { he, g_array_index (people, gint, i) };
          g_autoptr (GArray) two = g_array_new (FALSE, FALSE, sizeof (gint));
          g_array_append_vals (two, pair, 2);
          met_pairs (c, two, conf * 0.9);
        }
      return;
    }
  /* "X hosted the two leaders": the pair who signed last. */
  for (guint i = c->first; i + 2 < end; i++)
    if ((is (c, i, "two") || is (c, i, "both")) && is (c, i + 1, "leaders") && c->last_leaders->len == 2)
      {
        g_autoptr (GArray) all = g_array_copy (people);
        for (guint k = 0; k < c->last_leaders->len; k++)
          add_unique (all, g_array_index (c->last_leaders, gint, k));
        met_pairs (c, all, conf * 0.8);
        break;
      }
  /* "Lula, who met Fernandez, later flew on for talks with Lacalle Pou":
   * a lone subject met each of the others, who did not meet each other. */
  gint subject = -1;
  if (people->len >= 3)
    {
      NkgMention *fm = NULL;
      for (guint k = 0; k < c->here->len && !fm; k++)
        {
          NkgMention *o = mention (c, g_array_index (c->here, guint, k));
          if ((o->first == c->first || o->cue_first == c->first) && !o->nested
              && eclass (c, entity (c, o)) == NKG_CLASS_PERSON)
            fm = o;
        }
      if (fm)
        {
          guint after = fm->last;
          gboolean coordinated = is (c, after, "and")
                                 || (after < c->last && strcmp (tok (c, after)->text, ",") == 0
                                     && after + 1 < c->last && mention_starting_at (c, after + 1) >= 0
                                     && eclass (c, entity (c, mention (c, mention_starting_at (c, after + 1))))
                                          == NKG_CLASS_PERSON);
          if (!coordinated)
            subject = entity (c, fm);
        }
    }
  if (subject >= 0)
    {
      for (guint i = 0; i < people->len; i++)
        {
          gint pair[2] = { subject, g_array_index (people, gint, i) };
          g_autoptr (GArray) two = g_array_new (FALSE, FALSE, sizeof (gint));
          g_array_append_vals (two, pair, 2);
          met_pairs (c, two, conf);
        }
    }
  else
    met_pairs (c, people, conf);
  /* "… was witnessed by Prime Minister X and Premier Y as …": those who
   * watched together were together. */
  if (watch < c->last && (is (c, watch, "witnessed") || is (c, watch, "presence")))
    {
      guint stop = watch + 1;
      while (stop < c->last && !is (c, stop, "as") && !is (c, stop, "while") && !is (c, stop, "when")
             && !is (c, stop, "after"))
        stop++;
      g_autoptr (GArray) watchers = g_array_new (FALSE, FALSE, sizeof (gint));
      collect (c, watch + 1, stop, watchers, want_person);
      met_pairs (c, watchers, conf * 0.8);
    }
}

/* ------------------------------------------------- events: attended, where, when */

static guint number_word (const char *w);

static gboolean
is_ordinal (const char *w)
{
  static const char *o[] = { "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                             "eighth", "ninth", "tenth", "eleventh", "twelfth", "annual", "inaugural",
                             "latest", "" };
  for (guint i = 0; *o[i]; i++)
    if (strcmp (w, o[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The named event a bare "the summit" or "the talks" refers to: the most
 * mentioned event of the document whose name ends on that head word. */
static gint
event_by_head (Ctx *c, const char *head)
{
  /* The most mentioned event whose name ends in the head word (the first
   * on a tie), for every head word at once: entities do not change while
   * relations are read. */
  if (!c->events_by_head)
    {
      c->events_by_head = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < c->facts->entities->len; i++)
        {
          NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
          if (e->klass != NKG_CLASS_EVENT)
            continue;
          g_autofree char *lower = g_utf8_strdown (e->name, -1);
          const char *space = strrchr (lower, ' ');
          const char *last = space ? space + 1 : lower;
          gpointer have;
          if (g_hash_table_lookup_extended (c->events_by_head, last, NULL, &have)
              && ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, GPOINTER_TO_UINT (have)))->mentions
                     >= e->mentions)
            continue;
          g_hash_table_insert (c->events_by_head, g_strdup (last), GUINT_TO_POINTER (i));
        }
    }
  gpointer found;
  if (!strchr (head, ' ') && g_hash_table_lookup_extended (c->events_by_head, head, NULL, &found)
      && ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, GPOINTER_TO_UINT (found)))->mentions > 0)
    return GPOINTER_TO_UINT (found);
  return -1;
}

/* "the Uruguayan capital", "the capital of Uruguay" starting at token i:
 * the country's capital city when the lexicon knows it (added as an
 * entity of its own), else the country. Sets *end past the phrase. */
static gint
capital_phrase (Ctx *c, guint i, guint *end)
{
  if (is (c, i, "the"))
    i++;
  const char *country = NULL;
  if (i + 1 < c->last && is (c, i + 1, "capital"))
    {
      country = nkg_lexicon_demonym (c->in->lexicon, tok (c, i)->text);
      *end = i + 2;
    }
  else if (is (c, i, "capital") && is (c, i + 1, "of"))
    {
      gint cm = mention_starting_at (c, i + 2 + is (c, i + 2, "the"));
      gint ce = cm >= 0 ? entity (c, mention (c, cm)) : -1;
      if (eclass (c, ce) == NKG_CLASS_COUNTRY)
        {
          country = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ce))->name;
          *end = mention (c, cm)->last;
        }
    }
  if (!country)
    return -1;
  const char *city = nkg_lexicon_capital (c->in->lexicon, country);
  if (city)
    return nkg_doc_facts_add_entity (c->facts, NKG_CLASS_CITY, city, 1);
  gint ce = country_entity (c, country);
  return ce >= 0 ? ce : (gint) nkg_doc_facts_add_entity (c->facts, NKG_CLASS_COUNTRY, country, 1);
}

/* Where an event was, from token a right after its name: "in Berlin",
 * "at the Federal Chancellery in Berlin", ", held in Jakarta", "in the
 * Uruguayan capital". Adds the location facts; returns whether any. */
static gboolean
event_place (Ctx *c, gint ev, guint a, double conf)
{
  guint i = a;
  if (i < c->last && strcmp (tok (c, i)->text, ",") == 0)
    i++;
  /* "which was held", "held", "took place", "taking place" */
  if (is (c, i, "which"))
    i++;
  if (is (c, i, "was") || is (c, i, "is") || is (c, i, "will") || is (c, i, "were") || is (c, i, "are"))
    i++;
  if (is (c, i, "be"))
    i++;
  if (is (c, i, "held") || is (c, i, "hosted") || is (c, i, "convened") || is (c, i, "opened")
      || is (c, i, "opens") || is (c, i, "began") || is (c, i, "begins") || is (c, i, "started")
      || is (c, i, "starts") || is (c, i, "met") || is (c, i, "meets"))
    i++;
  else if (is (c, i, "kicked") && is (c, i + 1, "off"))
    i += 2;
  else if ((is (c, i, "took") || is (c, i, "taking") || is (c, i, "takes")) && is (c, i + 1, "place"))
    i += 2;
  else if (i != a)
    return FALSE;
  /* "opened on Monday in Rio", "began today in Kazan": past the when. */
  if (i > a && (is (c, i, "today") || is (c, i, "yesterday")))
    i++;
  else if (i > a && is (c, i, "on") && i + 1 < c->last && (tok (c, i + 1)->flags & NKG_TOK_CAP))
    {
      if (nkg_date_weekday (tok (c, i + 1)->text))
        i += 2;
      else if (nkg_date_month (tok (c, i + 1)->text) && i + 2 < c->last && (tok (c, i + 2)->flags & NKG_TOK_NUM))
        i += 3;
    }
  gboolean found = FALSE;
  /* "the summit, hosted by Brazil": the host country or city is the place. */
  if (is (c, i - 1, "hosted") && is (c, i, "by"))
    {
      gint hm = mention_starting_at (c, i + 1);
      gint he = hm >= 0 ? entity (c, mention (c, hm)) : -1;
      if (eclass (c, he) == NKG_CLASS_COUNTRY || eclass (c, he) == NKG_CLASS_CITY)
        {
          fact (c, ev, NKG_PROP_LOCATION, he, NULL, conf * 0.9);
          return TRUE;
        }
    }
  /* Up to two places: a venue and the city it stands in. */
  for (guint n = 0; n < 2 && (is (c, i, "in") || is (c, i, "at")); n++)
    {
      guint end = i;
      gint pe = capital_phrase (c, i + 1, &end);
      if (pe < 0)
        {
          gint pm = mention_starting_at (c, i + 1 + is (c, i + 1, "the"));
          pe = pm >= 0 ? entity (c, mention (c, pm)) : -1;
          if (nkg_class_coarse (eclass (c, pe)) != NKG_CLASS_PLACE)
            break;
          end = mention (c, pm)->last;
        }
      fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf);
      found = TRUE;
      i = end;
    }
  return found;
}

/* When an event was, from tokens right after its name: "on November 1",
 * "scheduled for November 1", "held in Jakarta on Friday". */
static void
event_date (Ctx *c, gint ev, guint a, double conf)
{
  for (guint i = a; i < c->last && i < a + 10; i++)
    {
      const NkgToken *t = tok (c, i);
      if (strcmp (t->text, ".") == 0 || strcmp (t->text, ";") == 0 || is (c, i, "after")
          || is (c, i, "before") || is (c, i, "when") || is (c, i, "while"))
        return;
      /* "The summit opened today in Kazan" */
      if (is (c, i, "today") && i > a && c->in->date
          && (is (c, i - 1, "opened") || is (c, i - 1, "opens") || is (c, i - 1, "began") || is (c, i - 1, "begins")
              || is (c, i - 1, "started") || is (c, i - 1, "starts") || is (c, i - 1, "held")))
        {
          fact (c, ev, NKG_PROP_START_DATE, -1, c->in->date, conf * 0.85);
          return;
        }
      /* "from June 2 to June 4": the first day is the start. */
      if (!(is (c, i - 1, "for") || is (c, i - 1, "on") || is (c, i - 1, "from")))
        continue;
      char date[11];
      guint wd = (t->flags & NKG_TOK_CAP) ? nkg_date_weekday (t->text) : 0;
      if (day_month_at (c, i, date))
        fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.9);
      else if (wd && nkg_date_weekday_before (c->in->date, wd, date))
        fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
      else
        continue;
      return;
    }
}

/* Who attended an event named from token `first` on: "on the sidelines
 * of EVENT", "attended EVENT", "co-chaired EVENT", "At EVENT, X …" give
 * the sentence's persons (or the pronoun's, the talks', the signers'). */
static void
event_attendees (Ctx *c, gint ev, guint first, double conf)
{
  /* "on the sidelines of EVENT", "attended EVENT", "co-chaired EVENT",
   * "At EVENT, X …": the sentence's persons. */
  gboolean attend = FALSE;
  for (guint i = c->first; i < first; i++)
    attend |= is (c, i, "sidelines") || is (c, i, "attended") || is (c, i, "attend")
              || is (c, i, "attending") || is (c, i, "during") || is (c, i, "addressed")
              || is (c, i, "chaired") || is (c, i, "hosted") || is (c, i, "participated")
              || (is (c, i, "took") && is (c, i + 1, "part"))
              || (is (c, i, "told") && i + 3 >= first);
  /* "at the G20 summit", "At a Mercosur summit": a venue of people,
   * unless the sentence is about something else taking place there. */
  guint p = first;
  while (p > c->first && (is (c, p - 1, "the") || is (c, p - 1, "a") || is (c, p - 1, "an")
                          || (tok (c, p - 1)->flags & NKG_TOK_NUM) || is_ordinal (tok (c, p - 1)->lower)))
    p--;
  gboolean at = p > c->first && is (c, p - 1, "at");
  /* "Biden said at the summit that Putin …": only the subject was there. */
  gboolean only_at = !attend && at && p > c->first + 1;
  attend |= at;
  /* "on the margins of", "on the fringes of" say what "sidelines" says. */
  for (guint i = c->first; i + 1 < first && !attend; i++)
    attend = (is (c, i, "margins") || is (c, i, "fringes") || is (c, i, "margin") || is (c, i, "fringe"))
             && is (c, i + 1, "of");
  /* "EVENT was attended by X", "EVENT drew X", "EVENT brought together
   * X, Y and Z" */
  guint after = first;
  while (after < c->last && !is (c, after, "was") && !is (c, after, "were") && !is (c, after, "drew")
         && !is (c, after, "brought") && !is (c, after, "brings") && after < first + 8
         && strcmp (tok (c, after)->text, ",") != 0)
    after++;
  attend |= (is (c, after, "was") && is (c, after + 1, "attended")) || is (c, after, "drew")
            || ((is (c, after, "brought") || is (c, after, "brings")) && is (c, after + 1, "together"));
  /* "travelled to Brazil for the G20 summit", "was in New Delhi for the
   * Raisina Dialogue": the trip's purpose. */
  if (!attend && p > c->first && is (c, p - 1, "for"))
    for (guint i = c->first; i + 1 < p && !attend; i++)
      attend = is (c, i, "arrived") || is (c, i, "travelled") || is (c, i, "traveled") || is (c, i, "flew")
               || is (c, i, "gathered") || is (c, i, "headed") || is (c, i, "landed")
               || ((is (c, i, "was") || is (c, i, "is") || is (c, i, "were") || is (c, i, "are"))
                   && is (c, i + 1, "in"));
  if (!attend)
    return;
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  collect (c, c->first, only_at ? first : c->last, people, want_person);
  /* "He addressed the summit", "She spoke at the forum": the person
   * the pronoun stands for. */
  if (!people->len && c->first + 1 < first)
    {
      gint he = pronoun_subject (c, c->first + 1);
      if (he >= 0)
        g_array_append_val (people, he);
    }
  /* "Ministers from Egypt and Israel met on the sidelines of X. Egypt's
   * A and Israel's B …": the unnamed people are named in the next
   * sentence. */
  if (!people->len && !only_at)
    {
      gboolean unnamed = FALSE;
      /* A common noun, not part of a name ("Defence Ministers' Meeting"). */
      for (guint i = c->first; i < first && !unnamed; i++)
        unnamed = (i == c->first || !(tok (c, i)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
                  && (is (c, i, "ministers") || is (c, i, "leaders") || is (c, i, "officials")
                      || is (c, i, "presidents") || is (c, i, "delegations"));
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, c->sentence + 1, &lo, &hi);
      for (guint k = lo; unnamed && k < hi; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, k);
          gint e = entity (c, m);
          if (m->sentence == c->sentence + 1 && !m->in_quote && !m->dateline && eclass (c, e) == NKG_CLASS_PERSON)
            add_unique (people, e);
        }
      if (people->len > 6)
        g_array_set_size (people, 0);
    }
  /* "The talks continued at the first X meeting": those who met. */
  if (!people->len && at && is (c, c->first, "the")
      && (is (c, c->first + 1, "talks") || is (c, c->first + 1, "meeting")
          || is (c, c->first + 1, "negotiations") || is (c, c->first + 1, "leaders")))
    for (guint i = 0; i < c->facts->facts->len; i++)
      {
        NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
        if (f->prop == NKG_PROP_MET)
          {
            add_unique (people, f->subject);
            add_unique (people, f->object);
          }
      }
  /* "The accord got inked on the margins of X": its signers were there. */
  if (!people->len)
    {
      gint agreement = agreement_near (c, first, FALSE);
      gboolean signing = FALSE;
      for (guint i = c->first; i < first; i++)
        signing |= is (c, i, "signing");
      if (agreement < 0 && signing)
        agreement = salient_agreement (c);
      for (guint i = 0; agreement >= 0 && i < c->facts->facts->len; i++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
          if (f->prop == NKG_PROP_SIGNED && f->object == agreement && eclass (c, f->subject) == NKG_CLASS_PERSON)
            g_array_append_val (people, f->subject);
        }
    }
  for (guint i = 0; i < people->len; i++)
    fact (c, g_array_index (people, gint, i), NKG_PROP_ATTENDED, ev, NULL, conf * 0.9);
  /* "At the summit, A, B and C agreed …": the leaders there met. */
  if (at && p == c->first + 1)
    met_pairs (c, people, conf * 0.9);
}

/* "The summit, held in Jakarta on Friday": a bare head word standing for
 * the article's named event of that kind. */
static void
bare_event (Ctx *c, double conf)
{
  for (guint i = c->first; i + 2 < c->last; i++)
    {
      if (!is (c, i, "the"))
        continue;
      /* "the two-day summit", "the annual summit" */
      guint h = i + 1;
      while (h + 1 < c->last && h < i + 5 && !(roles (c, h) & NKG_W_EVENT)
             && ((tok (c, h)->flags & (NKG_TOK_NUM | NKG_TOK_DASH)) || number_word (tok (c, h)->lower)
                 || is_ordinal (tok (c, h)->lower) || is (c, h, "day")))
        h++;
      if (!(roles (c, h) & NKG_W_EVENT) || (tok (c, h)->flags & NKG_TOK_CAP) || mention_starting_at (c, i + 1) >= 0
          || h + 1 >= c->last)
        continue;
      gint ev = event_by_head (c, tok (c, h)->lower);
      if (ev < 0)
        continue;
      /* "…, which began on Tuesday": a date only with a verb of taking place. */
      gboolean when = event_place (c, ev, h + 1, conf * 0.9);
      for (guint k = h + 1; k < c->last && k < h + 4 && !when; k++)
        when = is (c, k, "began") || is (c, k, "begins") || is (c, k, "opened") || is (c, k, "opens")
               || is (c, k, "started") || is (c, k, "starts") || is (c, k, "held");
      if (when)
        event_date (c, ev, h + 1, conf);
      event_attendees (c, ev, i, conf * 0.9);
    }
}

static void
pattern_events (Ctx *c, double conf)
{
  bare_event (c, conf);
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint ev = entity (c, m);
      if (eclass (c, ev) != NKG_CLASS_EVENT || m->in_quote || m->nested)
        continue;
      /* "EVENT in PLACE", past an acronym in brackets. */
      guint a = m->last;
      if (a < c->last && strcmp (tok (c, a)->text, "(") == 0)
        while (a < c->last && strcmp (tok (c, a)->text, ")") != 0)
          a++;
      if (a < c->last && strcmp (tok (c, a)->text, ")") == 0)
        a++;
      gboolean located = event_place (c, ev, a, conf);
      /* "signed … in Quito on the sidelines of X": X was there too. */
      gboolean sidelines = m->first >= c->first + 2 && is (c, m->first - 2, "of")
                           && (is (c, m->first - 3, "sidelines") || is (c, m->first - 2, "sidelines"));
      for (guint i = c->first; i + 2 < m->first && !sidelines; i++)
        sidelines = is (c, i, "sidelines") && is (c, i + 1, "of") && m->first <= i + 4;
      if (!located && sidelines)
        {
          gint pe = sentence_place (c, c->first, c->first);
          if (pe >= 0 && eclass (c, pe) != NKG_CLASS_COUNTRY)
            fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf * 0.8);
        }
      /* "… scheduled for November 1", "… on November 1", "…, held in
       * Jakarta on Friday" */
      event_date (c, ev, a, conf);
      /* "arrived in Kazan to attend the BRICS summit", "was in New Delhi
       * for the Raisina Dialogue": the trip's city is the event's. */
      guint q = m->first;
      while (q > c->first && (is (c, q - 1, "the") || is (c, q - 1, "a") || is_ordinal (tok (c, q - 1)->lower)))
        q--;
      guint before_place = q > c->first + 2 && is (c, q - 1, "for") ? q - 1
                           : q > c->first + 3 && is (c, q - 1, "attend") && is (c, q - 2, "to") ? q - 2 : 0;
      if (!located && before_place)
        {
          gint pm = mention_ending_at (c, before_place);
          gint pe = pm >= 0 ? entity (c, mention (c, pm)) : -1;
          NkgMention *pmm = pm >= 0 ? mention (c, pm) : NULL;
          if (pmm && (eclass (c, pe) == NKG_CLASS_CITY || (eclass (c, pe) == NKG_CLASS_PLACE && !pmm->canonical))
              && pmm->first > c->first && is (c, pmm->first - 1, "in"))
            {
              fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf * 0.8);
              located = TRUE;
            }
        }
      /* "Friday's G20 summit": the day it was held. */
      if (m->first >= c->first + 2 && (tok (c, m->first - 1)->flags & NKG_TOK_POSS))
        {
          guint wd = nkg_date_weekday (tok (c, m->first - 2)->text);
          char date[11];
          if (wd && nkg_date_weekday_before (c->in->date, wd, date))
            fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
        }
      /* "Brazil hosted the G20 summit": a host place is where it was. */
      guint p = m->first;
      while (p > c->first && (is (c, p - 1, "the") || is (c, p - 1, "a") || is_ordinal (tok (c, p - 1)->lower)
                              || (tok (c, p - 1)->flags & NKG_TOK_NUM)))
        p--;
      if (!located && p > c->first + 1 && (is (c, p - 1, "hosted") || is (c, p - 1, "hosts")))
        {
          guint k = p - 1;
          while (k > c->first && is_verb_filler (c, k - 1))
            k--;
          gint hm = mention_ending_at (c, k);
          gint he = hm >= 0 ? entity (c, mention (c, hm)) : -1;
          if (eclass (c, he) == NKG_CLASS_COUNTRY || eclass (c, he) == NKG_CLASS_CITY)
            fact (c, ev, NKG_PROP_LOCATION, he, NULL, conf * 0.9);
        }
      event_attendees (c, ev, m->first, conf);
    }
}

/* ---------------------------------------------------------------- agreements */

static void
pattern_replaces (Ctx *c, double conf)
{
  for (guint v = c->first; v < c->last; v++)
    {
      const char *w = tok (c, v)->lower;
      if (strcmp (w, "replaces") != 0 && strcmp (w, "replaced") != 0 && strcmp (w, "supersedes") != 0
          && strcmp (w, "replacing") != 0 && strcmp (w, "superseded") != 0)
        continue;
      gint before = -1, after = -1;
      for (guint k = 0; k < c->here->len; k++)
        {
          NkgMention *m = mention (c, g_array_index (c->here, guint, k));
          gint e = entity (c, m);
          if (eclass (c, e) != NKG_CLASS_AGREEMENT)
            continue;
          if (m->last <= v)
            before = e;
          else if (after < 0)
            after = e;
        }
      /* "It replaces a 2015 memorandum": the agreement of the sentence before. */
      if (before < 0 && (is (c, c->first, "it") || is (c, c->first, "this")) && v <= c->first + 2)
        before = previous_agreement (c);
      if (before >= 0 && after >= 0 && before != after)
        fact (c, before, NKG_PROP_REPLACES, after, NULL, conf);
    }
}

/* The mention starting at token i, or NULL. */
static NkgMention *
mention_starting_at_ptr (const Ctx *c, guint i)
{
  gint mi = mention_starting_at (c, i);
  return mi >= 0 ? mention (c, mi) : NULL;
}

static guint
number_word (const char *w)
{
  static const char *n[] = { "one", "two", "three", "four", "five", "six", "seven", "eight",
                             "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                             "sixteen", "seventeen", "eighteen", "nineteen", "twenty" };
  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    if (strcmp (w, n[i]) == 0)
      return i + 1;
  /* "Fifty Year Partnership" */
  return strcmp (w, "hundred") == 0 ? 100 : 0;
}

/* "10-year framework", "100 Year Partnership", "for 30 years". */
static void
pattern_duration (Ctx *c, double conf)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint a = entity (c, m);
      if (eclass (c, a) != NKG_CLASS_AGREEMENT || m->in_quote)
        continue;
      guint from = m->first > c->first + 3 ? m->first - 3 : c->first;
      guint years = 0;
      for (guint i = from; i + 1 < m->last && !years; i++)
        {
          const NkgToken *t = tok (c, i);
          guint n = (t->flags & NKG_TOK_NUM) ? (guint) atoi (t->text) : number_word (t->lower);
          if (!n)
            continue;
          guint j = i + 1;
          if (tok (c, j)->flags & NKG_TOK_DASH)
            j++;
          if (j < c->last && (is (c, j, "year") || is (c, j, "years")) && j >= m->first - 1)
            years = n;
        }
      /* "… runs for three years", "valid for five years", "for a period
       * of 12 years", "for the next 10 years": in the agreement's own
       * clause, before any other agreement is named. */
      guint months = 0;
      for (guint i = m->last; i + 2 < c->last && i < m->last + 25 && !years && !months; i++)
        {
          if (strcmp (tok (c, i)->text, ";") == 0 || is (c, i, "after")
              || (i > m->last && eclass (c, entity (c, mention_starting_at_ptr (c, i))) == NKG_CLASS_AGREEMENT))
            break;
          if (!(is (c, i, "for") || is (c, i, "next")))
            continue;
          guint j = i + 1;
          if ((is (c, j, "a") || is (c, j, "an")) && is (c, j + 1, "period") && is (c, j + 2, "of"))
            j += 3;
          else if ((is (c, j, "an") || is (c, j, "the")) && is (c, j + 1, "initial") && is (c, j + 2, "period")
                   && is (c, j + 3, "of"))
            j += 4;
          if (is (c, j, "the") || is (c, j, "next") || is (c, j, "another"))
            j++;
          if (is (c, j, "next"))
            j++;
          if (j + 1 >= c->last)
            continue;
          guint n = (tok (c, j)->flags & NKG_TOK_NUM) ? (guint) atoi (tok (c, j)->text) : number_word (tok (c, j)->lower);
          if (n && n != 100 && (is (c, j + 1, "years") || (n == 1 && is (c, j + 1, "year"))))
            years = n;
          else if (n && n != 100 && (is (c, j + 1, "months") || (n == 1 && is (c, j + 1, "month"))))
            months = n;
        }
      if ((years && years <= 1000) || (months && months <= 600))
        {
          char dur[16];
          g_snprintf (dur, sizeof dur, years ? "P%uY" : "P%uM", years ? years : months);
          fact (c, a, NKG_PROP_DURATION, -1, dur, conf);
        }
      /* Countries named in it are its parties: "US-India Defence Framework"
       * (a pair; "US-brokered" names a broker, not a party). */
      g_autoptr (GArray) named = g_array_new (FALSE, FALSE, sizeof (gint));
      for (guint j = 0; j < c->here->len; j++)
        {
          NkgMention *n = mention (c, g_array_index (c->here, guint, j));
          gint ce = entity (c, n);
          if (n != m && n->first >= m->first && n->last <= m->last && eclass (c, ce) == NKG_CLASS_COUNTRY)
            g_array_append_val (named, ce);
        }
      for (guint j = 0; named->len >= 2 && j < named->len; j++)
        fact (c, a, NKG_PROP_PARTY, g_array_index (named, gint, j), NULL, conf * 0.8);
      /* "the pact between India and Japan": signed or not, they are its
       * sides. */
      /* … not one still to be had: "talks leading to a trade pact between
       * Kenya and the US", "would sign a deal between …". */
      gboolean hoped = FALSE;
      for (guint x = c->first; x < m->first && !hoped; x++)
        hoped = (roles (c, x) & NKG_W_FUTURE) || is (c, x, "talks") || is (c, x, "negotiations")
                || is (c, x, "towards") || is (c, x, "toward");
      if (!hoped && m->last < c->last && is (c, m->last, "between"))
        {
          guint end = m->last + 1;
          while (end < c->last && !is (c, end, "in") && !is (c, end, "on") && !is (c, end, "was")
                 && !is (c, end, "is") && !is (c, end, "which") && !is (c, end, "that") && !is (c, end, "will")
                 && strcmp (tok (c, end)->text, ",") != 0)
            end++;
          g_autoptr (GArray) sides = g_array_new (FALSE, FALSE, sizeof (gint));
          collect (c, m->last + 1, end, sides, want_signer);
          for (guint j = 0; sides->len >= 2 && j < sides->len; j++)
            if (eclass (c, g_array_index (sides, gint, j)) != NKG_CLASS_PERSON)
              fact (c, a, NKG_PROP_PARTY, g_array_index (sides, gint, j), NULL, conf * 0.8);
        }
    }
}

/* ---------------------------------------------------------------- places */

/* "Quito, Ecuador", "Porto in northern Portugal", "Lima
 * Exhibition Center" (a venue named after its city). */
static void
pattern_containment (Ctx *c, double conf)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = mention (c, g_array_index (c->here, guint, k));
      gint a = entity (c, m);
      NkgClass ka = eclass (c, a);
      if ((ka != NKG_CLASS_CITY && ka != NKG_CLASS_PLACE) || m->in_quote)
        continue;
      guint i = m->last;
      if (i < c->last && (strcmp (tok (c, i)->text, ",") == 0 || is (c, i, "in")))
        {
          gboolean in = is (c, i, "in");
          i++;
          static const char *sides[] = { "southern", "northern", "eastern", "western", "central",
                                         "south", "north", "east", "west", "" };
          for (guint x = 0; in && *sides[x]; x++)
            if (is (c, i, sides[x]))
              {
                i++; /* "Porto in northern Portugal" */
                break;
              }
          if (is (c, i, "the"))
            i++;
          gint bm = mention_starting_at (c, i);
          gint b = bm >= 0 ? entity (c, mention (c, bm)) : -1;
          NkgClass kb = eclass (c, b);
          if (kb == NKG_CLASS_COUNTRY || (ka == NKG_CLASS_PLACE && kb == NKG_CLASS_CITY))
            fact (c, a, NKG_PROP_CONTAINED_IN, b, NULL, conf);
        }
      if (ka == NKG_CLASS_PLACE && !m->nested)
        for (guint j = 0; j < c->here->len; j++)
          {
            NkgMention *n = mention (c, g_array_index (c->here, guint, j));
            gint b = entity (c, n);
            if (n != m && n->first == m->first && n->last < m->last && eclass (c, b) == NKG_CLASS_CITY)
              fact (c, a, NKG_PROP_CONTAINED_IN, b, NULL, conf * 0.9);
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
         && (nkg_lexicon_word (c->in->lexicon, tok (c, o->last)->lower)
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
      if (entity (c, m) != person)
        continue;
      const NkgSentence *s = &g_array_index (seg->sentences, NkgSentence, m->sentence);
      /* Only what the official says of a country: "X said India will …". */
      guint said = s->last;
      for (guint i = m->last; i < s->last && i < m->last + 4; i++)
        if (nkg_lexicon_word (c->in->lexicon, tok (c, i)->lower) & NKG_W_REPORT)
          {
            said = i;
            break;
          }
      guint lo, hi;
      nkg_mention_index_sentence (c->in->index, m->sentence, &lo, &hi);
      for (guint j = lo; j < hi; j++)
        {
          NkgMention *o = g_ptr_array_index (c->in->mentions, j);
          gint e = entity (c, o);
          if (o->sentence != m->sentence || eclass (c, e) != NKG_CLASS_COUNTRY || o->nested
              || o->first < s->first || o->last > s->last || o->first <= said)
            continue;
          /* "US–India ties" speaks of two sides. */
          if ((o->last < s->last && (tok (c, o->last)->flags & NKG_TOK_DASH) && !(tok (c, o->last)->flags & NKG_TOK_SPACE))
              || (o->first > s->first && (tok (c, o->first - 1)->flags & NKG_TOK_DASH)
                  && !(tok (c, o->first)->flags & NKG_TOK_SPACE)))
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
  static const char *const away[] = { "in", "to", "at", "from", "into", "of", "with", "visit", "visited",
                                      "visiting", "toward", "towards", "across", "against", "by" };
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
      gint e = entity (c, o);
      if ((o->sentence != sent && o->sentence + 1 != sent) || eclass (c, e) != NKG_CLASS_COUNTRY || o->nested
          || o->dateline)
        continue;
      if (e == home)
        return -1;
      if (qualifies_other_official (c, o))
        continue;
      /* "Quito, Ecuador": where a city lies, not whose anyone is. */
      if (o->first >= 2 && strcmp (tok (c, o->first - 1)->text, ",") == 0)
        {
          gint pm = -1;
          guint plo, phi;
          nkg_mention_index_sentence (c->in->index, o->sentence, &plo, &phi);
          for (guint x = plo; x < phi && pm < 0; x++)
            {
              NkgMention *q = g_ptr_array_index (c->in->mentions, x);
              if (q->sentence == o->sentence && q->last + 1 == o->first)
                pm = entity (c, q);
            }
          if (pm >= 0 && nkg_class_coarse (eclass (c, pm)) == NKG_CLASS_PLACE)
            continue;
        }
      /* "in the Philippines": look past "the" for the word that places it. */
      guint i = o->first;
      gboolean placed = FALSE;
      while (i > 0)
        {
          const char *w = tok (c, i - 1)->lower;
          if (strcmp (w, "the") == 0)
            {
              i--;
              continue;
            }
          for (guint a = 0; a < G_N_ELEMENTS (away) && !placed; a++)
            placed = strcmp (w, away[a]) == 0;
          break;
        }
      /* A country reached through a dash ("US–India ties") names two sides. */
      if (placed || (o->first > 0 && (tok (c, o->first - 1)->flags & NKG_TOK_DASH))
          || (o->last < c->in->seg->tokens->len && (tok (c, o->last)->flags & NKG_TOK_DASH)))
        continue;
      if (found >= 0 && found != e)
        several = TRUE;
      found = e;
    }
  return several ? -2 : found;
}

static void
home_officials (Ctx *c)
{
  gint home = home_country (c);
  /* A dateline city in another country: the reporter writes from there,
   * so the count of qualified officials says nothing of whose an
   * unqualified one is. */
  for (guint k = 0; k < c->in->mentions->len && home >= 0; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (!m->dateline || !m->country)
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
      g_autofree char *lower = g_utf8_strdown (f->literal, -1);
      if (!strstr (lower, "minister") && !strstr (lower, "secretary") && !strstr (lower, "spokesperson")
          && !strstr (lower, "president") && !strstr (lower, "premier") && !strstr (lower, "chancellor"))
        continue;
      gboolean known = nkg_doc_facts_first (c->facts, f->subject, NKG_PROP_REPRESENTS) >= 0
                       || nkg_doc_facts_first (c->facts, f->subject, NKG_PROP_WORKS_FOR) >= 0;
      /* "Uruguayan President X" in an article that never names Uruguay:
       * the text says he is foreign, so he is not the home country's. */
      const GArray *his = nkg_mention_index_of_entity (c->in->index, f->subject);
      for (guint k = 0; his && k < his->len && !known; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (his, guint, k));
          known = entity (c, m) == (gint) f->subject && m->title_country != NULL;
        }
      if (known)
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
      c->evidence = f->sentence;
      fact (c, f->subject, NKG_PROP_REPRESENTS, country, NULL, 0.5);
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
 * "NATO Secretary General X", "EU Energy Commissioner Y" represent NATO
 * and the EU; "European Commission President Z" represents the Union
 * whose institution she heads, when the text names the Union. Company
 * chiefs are left alone: only the titles of such bodies count. */
static void
body_officials (Ctx *c)
{
  static const char *const body_titles[] = { "secretary general", "secretary-general", "commissioner",
                                             "high representative", "director general", "director-general" };
  static const char *const eu_institutions[] = { "european commission", "european council",
                                                 "council of the european union", "european parliament" };
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_WORKS_FOR || f->object < 0 || represents_of (c, f->subject) >= 0)
        continue;
      NkgLocalEntity *org = g_ptr_array_index (c->facts->entities, f->object);
      gint body = -1;
      for (guint k = 0; k < G_N_ELEMENTS (eu_institutions) && body < 0; k++)
        if (g_ascii_strcasecmp (org->name, eu_institutions[k]) == 0)
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
              g_autofree char *lower = g_utf8_strdown (t->literal, -1);
              for (guint b = 0; b < G_N_ELEMENTS (body_titles) && !titled; b++)
                titled = strstr (lower, body_titles[b]) != NULL;
            }
          if (titled)
            body = f->object;
        }
      if (body < 0)
        continue;
      c->evidence = f->sentence;
      fact (c, f->subject, NKG_PROP_REPRESENTS, body, NULL, 0.8);
    }
}

/* ------------------------------------------------- document-wide rules */

/* Handles written after a name ("Greg Walton (@GWalton)"). */
static void
doc_handles (Ctx *c, double conf)
{
  for (guint i = 0; i < c->in->clusters->len; i++)
    {
      NkgCluster *cl = g_ptr_array_index (c->in->clusters, i);
      gint e = g_array_index (c->in->entity_of, gint, i);
      if (e >= 0 && cl->handle && *cl->handle)
        fact (c, e, NKG_PROP_HANDLE, -1, cl->handle, conf);
    }
}

/* The country of a city named as a signing place, when the text names
 * that country too. */
static void
doc_signing_city (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED_IN || eclass (c, f->object) != NKG_CLASS_CITY)
        continue;
      const GArray *its = nkg_mention_index_of_entity (c->in->index, f->object);
      for (guint k = 0; its && k < its->len; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k));
          if (entity (c, m) == f->object && m->country)
            {
              gint ce = country_entity (c, m->country);
              if (ce >= 0)
                {
                  c->evidence = f->sentence;
                  fact (c, f->object, NKG_PROP_CONTAINED_IN, ce, NULL, conf);
                }
              break;
            }
        }
    }
}

/* Signed "in Accra" and "during a visit to Ghana": the city says more. */
static void
doc_finer_place (Ctx *c, double conf)
{
  (void) conf;
  g_autoptr (GHashTable) finer = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < c->facts->facts->len; k++)
    {
      NkgLocalFact *g = g_ptr_array_index (c->facts->facts, k);
      if (g->prop == NKG_PROP_SIGNED_IN && eclass (c, g->object) != NKG_CLASS_COUNTRY)
        g_hash_table_add (finer, GUINT_TO_POINTER (g->subject + 1));
    }
  g_autofree gboolean *drop = g_new0 (gboolean, c->facts->facts->len + 1);
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      drop[i] = f->prop == NKG_PROP_SIGNED_IN && eclass (c, f->object) == NKG_CLASS_COUNTRY
                && g_hash_table_contains (finer, GUINT_TO_POINTER (f->subject + 1));
    }
  nkg_doc_facts_remove_facts (c->facts, drop);
}

/* A person who signed for a country binds it. */
static void
doc_signer_binds (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED || eclass (c, f->subject) != NKG_CLASS_PERSON)
        continue;
      gint country = represents_of (c, f->subject);
      if (country >= 0)
        {
          c->evidence = f->sentence;
          fact (c, f->object, NKG_PROP_PARTY, country, NULL, conf);
        }
    }
}

/* A country or body bound by an agreement its official signed signs it
 * through that official ("Chile's minister signed" → Chile signed). */
static void
doc_party_signs (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED || f->object < 0 || eclass (c, f->subject) != NKG_CLASS_PERSON)
        continue;
      gint side = represents_of (c, f->subject);
      NkgClass k = eclass (c, side);
      if (side < 0 || (k != NKG_CLASS_COUNTRY && nkg_class_coarse (k) != NKG_CLASS_ORG))
        continue;
      c->evidence = f->sentence;
      fact (c, side, NKG_PROP_SIGNED, f->object, NULL, conf);
    }
}

/* A signing whose sentence names no place happened where the dateline
 * says the report comes from ("KIGALI — … signed an accord"). */
static void
doc_dateline_place (Ctx *c, double conf)
{
  gint city = -1;
  for (guint k = 0; k < c->in->mentions->len && k < 64; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->dateline && eclass (c, entity (c, m)) == NKG_CLASS_CITY)
        {
          city = entity (c, m);
          break;
        }
    }
  if (city < 0)
    return;
  g_autoptr (GHashTable) placed = g_hash_table_new (NULL, NULL);
  const GArray *ins = nkg_doc_facts_with_prop (c->facts, NKG_PROP_SIGNED_IN);
  for (guint k = 0; ins && k < ins->len; k++)
    g_hash_table_add (placed, GUINT_TO_POINTER (((NkgLocalFact *) g_ptr_array_index (c->facts->facts,
                                                                                     g_array_index (ins, guint, k)))->subject + 1));
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED || f->object < 0 || g_hash_table_contains (placed, GUINT_TO_POINTER (f->object + 1)))
        continue;
      g_hash_table_add (placed, GUINT_TO_POINTER (f->object + 1));
      c->evidence = f->sentence;
      fact (c, f->object, NKG_PROP_SIGNED_IN, city, NULL, conf);
    }
}

static void
doc_body_officials (Ctx *c, double conf)
{
  (void) conf;
  body_officials (c);
}

static void
doc_home_officials (Ctx *c, double conf)
{
  (void) conf;
  home_officials (c);
}

/* ---------------------------------------------------------------- the table */

/* The patterns written in C, by the name data/patterns.txt gives them. */
typedef void (*PatternFn) (Ctx *c, double conf);

static const struct {
  const char *name;
  PatternFn fn;
} c_patterns[] = {
  { "titles", pattern_titles },         { "signing", pattern_signing },   { "meeting", pattern_meeting },
  { "events", pattern_events },         { "replaces", pattern_replaces }, { "duration", pattern_duration },
  { "containment", pattern_containment },
  { "body-officials", doc_body_officials }, { "home-officials", doc_home_officials },
  { "handles", doc_handles },               { "signing-city", doc_signing_city },
  { "finer-place", doc_finer_place },
  { "signer-binds", doc_signer_binds },     { "party-signs", doc_party_signs },
  { "dateline-place", doc_dateline_place },
};

static PatternFn
c_pattern (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (c_patterns); i++)
    if (strcmp (c_patterns[i].name, name) == 0)
      return c_patterns[i].fn;
  return NULL;
}

/* The helpers chunk patterns borrow (relations-private.h). */
void
nkg_rel_fact (Ctx *c, gint s, NkgProp p, gint o, const char *literal, double conf)
{
  fact (c, s, p, o, literal, conf);
}

gint
nkg_rel_entity (const Ctx *c, const NkgMention *m)
{
  return entity (c, m);
}

NkgClass
nkg_rel_eclass (const Ctx *c, gint e)
{
  return eclass (c, e);
}

void
nkg_rel_collect_signers (const Ctx *c, guint a, guint b, GArray *out)
{
  collect (c, a, b, out, want_signer);
}

gint
nkg_rel_sentence_place (const Ctx *c, guint from, guint v)
{
  return sentence_place (c, from, v);
}

gboolean
nkg_rel_sentence_date (const Ctx *c, char out[11])
{
  return sentence_date (c, out);
}

void
nkg_relations_extract (const NkgRelationInput *in, NkgDocFacts *facts)
{
  Ctx c = { in, facts, 0, 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (guint)),
            g_array_new (FALSE, FALSE, sizeof (gint)), G_MAXUINT,
            g_array_new (FALSE, FALSE, sizeof (gint)), g_array_new (FALSE, FALSE, sizeof (gint)), -1, "", NULL, -2, NULL };
  /* In the table's order; titles first, everywhere: later patterns ask
   * who represents whom. */
  g_autoptr (GError) error = NULL;
  const GPtrArray *table = nkg_patterns (&error);
  for (guint p = 0; table && p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      PatternFn fn = row->code ? c_pattern (row->code) : NULL;
      if ((row->code && !fn) || row->document)
        continue;
      c.pattern = row->id;
      guint mi = 0;
      for (guint s = 0; s < in->seg->sentences->len; s++)
        {
          const NkgSentence *sent = &g_array_index (in->seg->sentences, NkgSentence, s);
          c.sentence = s;
          c.first = sent->first;
          c.last = sent->last;
          g_array_set_size (c.here, 0);
          while (mi < in->mentions->len && ((NkgMention *) g_ptr_array_index (in->mentions, mi))->sentence < s)
            mi++;
          for (guint k = mi; k < in->mentions->len; k++)
            {
              NkgMention *m = g_ptr_array_index (in->mentions, k);
              if (m->sentence != s)
                break;
              if (m->cluster >= 0)
                g_array_append_val (c.here, k);
            }
          c.evidence = s;
          if (fn)
            fn (&c, row->confidence);
          else
            nkg_rel_match (&c, row);
        }
    }
  /* Then the rules over the whole document, in the table's order. */
  for (guint p = 0; table && p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      PatternFn fn = row->code ? c_pattern (row->code) : NULL;
      if (!row->document || !fn)
        continue;
      c.pattern = row->id;
      c.evidence = 0;
      fn (&c, row->confidence);
    }
  g_array_unref (c.here);
  g_array_unref (c.last_signers);
  g_array_unref (c.last_sides);
  g_array_unref (c.last_leaders);
  g_clear_pointer (&c.events_by_head, g_hash_table_unref);
}
