/* relations-places.c — places within places ("Quito, Ecuador")
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "textutil.h"

/* ---------------------------------------------------------------- places */

/* The country a country's subdivision named by a sentence lies in, by
 * its structure: "Japan's Fukuoka Prefecture", "the Turkestan region of
 * Kazakhstan" (a place whose last word is in the list regionhead, after a
 * country's possessive or before "of" and a country); -1 when none. */
static gint
subdivision_country (Ctx *c, const NkgMention *m)
{
  if (m->last <= m->first + 1 || !NKG_TOK_IN_LIST ("regionhead", nkg_rel_tok (c, m->last - 1)))
    return -1;
  gint bm = -1;
  if (m->first > c->first + 1 && (nkg_rel_tok (c, m->first - 1)->flags & NKG_TOK_POSS))
    bm = nkg_rel_mention_ending_at (c, m->first - 1);
  else if (m->last + 1 < c->last && nkg_rel_is (c, m->last, "of"))
    bm = nkg_rel_mention_starting_at (c, m->last + 1 + (nkg_rel_is (c, m->last + 1, "the") ? 1 : 0));
  gint b = bm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, bm)) : -1;
  return nkg_rel_eclass (c, b) == NKG_CLASS_COUNTRY ? b : -1;
}

/* "the Presidential Palace, Arequipa Province": a venue (list venuehead)
 * and a province or state of the lexicon, not two regions listed
 * ("Tacna Province, Arequipa Province"). */
static gboolean
venue_in_region (Ctx *c, const NkgMention *m, gint b)
{
  if (m->last <= m->first || !NKG_TOK_IN_LIST ("venuehead", nkg_rel_tok (c, m->last - 1))
      || nkg_rel_region_country (c, ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, nkg_rel_entity (c, m)))->name))
    return FALSE;
  return nkg_rel_region_country (c, ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, b))->name) != NULL;
}

/* The city whose possessive a place follows: "Bangkok's Government
 * House", "Lima's Palace of Justice" (GOLD.md: "Y's Z Palace"); -1 when
 * none. */
gint
nkg_rel_city_owner (const Ctx *c, const NkgMention *m)
{
  if (m->first < c->first + 2 || !(nkg_rel_tok (c, m->first - 1)->flags & NKG_TOK_POSS))
    return -1;
  gint bm = nkg_rel_mention_ending_at (c, m->first - 1);
  gint b = bm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, bm)) : -1;
  return nkg_rel_eclass (c, b) == NKG_CLASS_CITY ? b : -1;
}

/* Whether place entity b is, by the lexicon, a province or state of the
 * country the gazetteer puts city mention m in: "Bogor, West Java",
 * "Austin, Texas", "Candaba, Pampanga province". */
static gboolean
region_of_city (Ctx *c, const NkgMention *m, gint b)
{
  const char *country = m->country ? nkg_rel_region_country (c, ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, b))->name) : NULL;
  return country && strcmp (country, m->country) == 0;
}

/* "Nanning, capital of south China's Guangxi Zhuang Autonomous Region",
 * "Pokhara, the capital of Gandaki": past a place word, "of", a compass
 * word and a country's possessive (its entity to *owner) from token i to
 * the place named; i itself when no place word and "of" start there. */
static guint
past_capital_of (Ctx *c, guint i, gint *owner)
{
  if (i + 2 >= c->last || !NKG_TOK_IN_LIST ("placeword", nkg_rel_tok (c, i)) || !nkg_rel_is (c, i + 1, "of"))
    return i;
  guint j = i + 2;
  if (nkg_rel_is (c, j, "the"))
    j++;
  if (j < c->last && NKG_TOK_IN_LIST ("side", nkg_rel_tok (c, j)))
    j++;
  gint pm = nkg_rel_mention_starting_at (c, j);
  if (pm >= 0)
    {
      const NkgMention *p = nkg_rel_mention (c, pm);
      if (p->last + 1 < c->last && (nkg_rel_tok (c, p->last)->flags & NKG_TOK_POSS)
          && nkg_rel_eclass (c, nkg_rel_entity (c, p)) == NKG_CLASS_COUNTRY)
        {
          *owner = nkg_rel_entity (c, p);
          j = p->last + 1;
        }
    }
  return j;
}

/* Whether country entity `owner` is the one the gazetteer puts city
 * mention m in. */
static gboolean
owned_by_its_country (Ctx *c, const NkgMention *m, gint owner)
{
  return owner >= 0 && m->country
         && strcmp (((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, owner))->name, m->country) == 0;
}

/* "Quito, Ecuador", "Porto in northern Portugal", "Lima
 * Exhibition Center" (a venue named after its city). */
void
nkg_rel_pattern_containment (Ctx *c, double conf)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint a = nkg_rel_entity (c, m);
      NkgClass ka = nkg_rel_eclass (c, a);
      if ((ka != NKG_CLASS_CITY && ka != NKG_CLASS_PLACE) || m->in_quote)
        continue;
      guint i = m->last;
      if (i < c->last && (strcmp (nkg_rel_tok (c, i)->text, ",") == 0 || nkg_rel_is (c, i, "in")))
        {
          gboolean in = nkg_rel_is (c, i, "in");
          i++;
          if (in && i < c->last && NKG_TOK_IN_LIST ("side", nkg_rel_tok (c, i)))
            i++; /* "Porto in northern Portugal" */
          if (nkg_rel_is (c, i, "the"))
            i++;
          gint owner = -1;
          if (!in && ka == NKG_CLASS_CITY)
            i = past_capital_of (c, i, &owner);
          gint bm = nkg_rel_mention_starting_at (c, i);
          gint b = bm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, bm)) : -1;
          NkgClass kb = nkg_rel_eclass (c, b);
          /* "in Lima, Chile and Peru signed …": a country coordinated
           * with another is a subject, not the city's country */
          /* "in Apia, New Zealand's Foreign Minister …": a country
           * with a possessive opens the next phrase */
          if (b >= 0 && !in)
            {
              guint after = nkg_rel_mention (c, bm)->last;
              if (after < c->last && (nkg_rel_is (c, after, "and") || nkg_rel_is (c, after, "or")
                                      || (nkg_rel_tok (c, after)->flags & NKG_TOK_POSS)))
                b = -1, kb = NKG_CLASS_NONE;
            }
          if (kb == NKG_CLASS_COUNTRY || (ka == NKG_CLASS_PLACE && kb == NKG_CLASS_CITY)
              || (ka == NKG_CLASS_PLACE && kb == NKG_CLASS_PLACE && venue_in_region (c, m, b))
              || (ka == NKG_CLASS_CITY && kb == NKG_CLASS_PLACE && (region_of_city (c, m, b) || owned_by_its_country (c, m, owner))))
            nkg_rel_fact (c, a, NKG_PROP_CONTAINED_IN, b, NULL, conf);
        }
      gint sc = ka == NKG_CLASS_PLACE ? subdivision_country (c, m) : -1;
      if (sc >= 0)
        nkg_rel_fact (c, a, NKG_PROP_CONTAINED_IN, sc, NULL, conf);
      gint oc = ka == NKG_CLASS_PLACE ? nkg_rel_city_owner (c, m) : -1;
      if (oc >= 0)
        nkg_rel_fact (c, a, NKG_PROP_CONTAINED_IN, oc, NULL, conf);
      if (ka == NKG_CLASS_PLACE && !m->nested)
        for (guint j = 0; j < c->here->len; j++)
          {
            NkgMention *n = nkg_rel_mention (c, g_array_index (c->here, guint, j));
            gint b = nkg_rel_entity (c, n);
            if (n != m && n->first == m->first && n->last < m->last && nkg_rel_eclass (c, b) == NKG_CLASS_CITY)
              nkg_rel_fact (c, a, NKG_PROP_CONTAINED_IN, b, NULL, conf * 0.9);
          }
    }
}
