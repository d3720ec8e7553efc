/* relations-document.c — rules over the whole document, run once after the sentence patterns
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "textutil.h"

/* ------------------------------------------------- document-wide rules */

/* Handles written after a name ("Greg Walton (@GWalton)"). */
void
nkg_rel_doc_handles (Ctx *c, double conf)
{
  for (guint i = 0; i < c->in->clusters->len; i++)
    {
      NkgCluster *cl = g_ptr_array_index (c->in->clusters, i);
      gint e = g_array_index (c->in->entity_of, gint, i);
      if (e >= 0 && cl->handle && *cl->handle)
        nkg_rel_fact (c, e, NKG_PROP_HANDLE, -1, cl->handle, conf);
    }
}

/* Fact `i` of the document if it is a signing place of class `klass`. */
static NkgLocalFact *
signed_in_fact (Ctx *c, guint i, NkgClass klass)
{
  NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
  return f->prop == NKG_PROP_SIGNED_IN && nkg_rel_eclass (c, f->object) == klass ? f : NULL;
}

/* The country of a city named as a signing place, when the text names
 * that country too. */
void
nkg_rel_doc_signing_city (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = signed_in_fact (c, i, NKG_CLASS_CITY);
      if (!f)
        continue;
      const GArray *its = nkg_mention_index_of_entity (c->in->index, f->object);
      for (guint k = 0; its && k < its->len; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k));
          if (nkg_rel_entity (c, m) == f->object && m->country)
            {
              gint ce = nkg_rel_country_entity (c, m->country);
              if (ce >= 0)
                {
                  c->evidence = f->sentence;
                  guint had = c->facts->facts->len;
                  nkg_rel_fact (c, f->object, NKG_PROP_CONTAINED_IN, ce, NULL, conf);
                  /* The country comes from the city lexicon, not from a
                   * sentence; a fact some sentence already gave stays so. */
                  if (c->facts->facts->len > had)
                    ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, had))->gazetteer = TRUE;
                }
              break;
            }
        }
    }
}

/* Whether mention `m` of a city uses it as a place: a dateline, or a
 * place word or locative preposition before it ("in Arequipa", "the
 * port of Arequipa", "in Lima and Arequipa"), not a capital standing for
 * its government ("Lima and Quito signed", "Lima's support"). */
static gboolean
city_placed (const Ctx *c, const NkgMention *m)
{
  if (m->dateline)
    return TRUE;
  const NkgSegments *seg = c->in->seg;
  const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, m->sentence);
  /* back over the names, commas and "and" of a coordination, a few words */
  for (guint t = m->first, n = 0; t > sent->first && n < 8; t--, n++)
    {
      const NkgToken *w = nkg_tok (seg, t - 1);
      if (NKG_TOK_IN_LIST ("locative", w) || NKG_TOK_IN_LIST ("placeword", w))
        return TRUE;
      if (strcmp (w->lower, "of") == 0)
        return t - 1 > sent->first
               && (NKG_TOK_IN_LIST ("placeword", nkg_tok (seg, t - 2)) || NKG_TOK_IN_LIST ("subdivisionof", nkg_tok (seg, t - 2)));
      if (!(w->flags & NKG_TOK_CAP) && strcmp (w->text, ",") != 0 && strcmp (w->lower, "and") != 0
          && strcmp (w->lower, "the") != 0)
        return FALSE;
    }
  return FALSE;
}

/* The country of a province, state or region (its name, or its name
 * less a head word of the list "regionhead": "Koshi Province") that the
 * lexicon holds as one of a country's subdivisions; NULL if none. */
static const char *
region_country (const Ctx *c, const char *name)
{
  NkgPlace p;
  if (nkg_lexicon_place (c->in->lexicon, name, &p) && p.klass == NKG_CLASS_PLACE && p.country)
    return p.country;
  const char *space = strrchr (name, ' ');
  if (!space || !NKG_IN_LIST ("regionhead", space + 1))
    return NULL;
  g_autofree char *less = g_strndup (name, space - name);
  if (nkg_lexicon_place (c->in->lexicon, less, &p) && p.klass == NKG_CLASS_PLACE && p.country)
    return p.country;
  /* "Tacna Province": the province, though a city has its name. Not
   * "Tacna province": with the head in lower case the name is
   * a description's, which sources name either way, "Tacna" or "Tacna
   * province" (measured: a spurious fact on devasia4) */
  if (g_ascii_isupper (space[1]) && nkg_lexicon_region (c->in->lexicon, less, &p) && p.country)
    return p.country;
  return NULL;
}

const char *
nkg_rel_region_country (const Ctx *c, const char *name)
{
  return region_country (c, name);
}

/* Whether mention `m` follows its country's possessive: "Myanmar's
 * Rakhine State". */
static gboolean
country_owned (const Ctx *c, const NkgMention *m, const char *country)
{
  const NkgSegments *seg = c->in->seg;
  const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, m->sentence);
  if (m->first < sent->first + 2 || !(nkg_tok (seg, m->first - 1)->flags & NKG_TOK_POSS))
    return FALSE;
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, m->sentence, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *o = nkg_rel_mention (c, k);
      gint ce = o->cluster >= 0 && o->last == m->first - 1 ? nkg_rel_entity (c, o) : -1;
      if (nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY
          && strcmp (((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ce))->name, country) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The country of a city the article places somewhere ("in Arequipa"),
 * or of a province or state ("in Koshi and Madhesh provinces", "Myanmar's
 * Rakhine State"), when the article names that country too. */
void
nkg_rel_doc_city_country (Ctx *c, double conf)
{
  for (guint e = 0; e < c->facts->entities->len; e++)
    {
      NkgClass klass = nkg_rel_eclass (c, (gint) e);
      if (klass != NKG_CLASS_CITY && klass != NKG_CLASS_PLACE)
        continue;
      const char *region = klass == NKG_CLASS_PLACE
                               ? region_country (c, ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, e))->name)
                               : NULL;
      if (klass == NKG_CLASS_PLACE && !region)
        continue;
      const GArray *its = nkg_mention_index_of_entity (c->in->index, (gint) e);
      for (guint k = 0; its && k < its->len; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k));
          const char *country = region ? region : m->country;
          if (nkg_rel_entity (c, m) != (gint) e || !country
              || !(city_placed (c, m) || (region && country_owned (c, m, country))))
            continue;
          gint ce = nkg_rel_country_entity (c, country);
          if (ce >= 0)
            {
              c->evidence = m->sentence;
              guint had = c->facts->facts->len;
              nkg_rel_fact (c, (gint) e, NKG_PROP_CONTAINED_IN, ce, NULL, conf);
              /* a city's country comes from the lexicon, not from a
               * sentence (ONTOLOGY: nkg:source nkg:Gazetteer), as in
               * signing-city; a fact a sentence already gave stays so */
              if (c->facts->facts->len > had)
                ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, had))->gazetteer = TRUE;
            }
          break;
        }
    }
}

/* "the Andean Trade Bank Peru Office": a body's office in a country,
 * whose head stands for the body, not for the office (a name whose last
 * word is in the list branchoffice) */
static gboolean
branch_office (const char *lower)
{
  const char *last = strrchr (lower, ' ');
  return last && NKG_IN_LIST ("branchoffice", last + 1);
}

/* "EU President Ana Costa", "the rebels' leader Omar Kell": the head of a
 * body who works for it speaks and acts for it. A company's chief
 * ("Novagaz CEO Ivan Sokolov") only when he signs for it. */
void
nkg_rel_doc_body_heads (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_WORKS_FOR || f->object < 0 || nkg_rel_represents_of (c, f->subject) >= 0)
        continue;
      gboolean head = FALSE;
      const GArray *about = nkg_doc_facts_of_subject (c->facts, f->subject);
      for (guint k = 0; about && k < about->len && !head; k++)
        {
          NkgLocalFact *t = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
          if (t->subject != f->subject)
            continue;
          if (t->prop == NKG_PROP_JOB_TITLE && t->literal)
            head = nkg_patterns_title_ends_in (t->literal, "leads")
                   || (nkg_patterns_title_ends_in (t->literal, "runs") && nkg_doc_facts_first (c->facts, f->subject, NKG_PROP_SIGNED) >= 0);
        }
      /* a legislature's officer stands for the state (home-officials) */
      const NkgLocalEntity *body = g_ptr_array_index (c->facts->entities, f->object);
      g_autofree char *lower = body->name ? g_utf8_strdown (body->name, -1) : NULL;
      if (!head || (lower && NKG_IN_LIST ("chamber", lower)) || (lower && branch_office (lower)))
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_REPRESENTS, f->object, NULL, conf);
    }
}

/* The office a plural noun of officials names ("foreign ministers" →
 * "minister"), or NULL; "leaders" and "heads" name the heads of state
 * or government (an empty string). */
static const char *
officials_noun (const char *lower)
{
  static const char *const nouns[][2] = { { "ministers", "minister" }, { "presidents", "president" },
                                          { "leaders", "" },           { "heads", "" },
                                          { "premiers", "premier" },   { "chancellors", "chancellor" } };
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (strcmp (lower, nouns[i][0]) == 0)
      return nouns[i][1];
  return NULL;
}

static gboolean
title_fits (const char *title, const char *office)
{
  g_autofree char *t = g_ascii_strdown (title, -1);
  /* "the trade ministers of A, B and C" are not their prime ministers */
  if (*office)
    return g_str_has_suffix (t, office) && !(strcmp (office, "minister") == 0 && g_str_has_suffix (t, "prime minister"));
  return g_str_has_suffix (t, "president") || strcmp (t, "prime minister") == 0 || g_str_has_suffix (t, "chancellor")
         || g_str_has_suffix (t, "king") || g_str_has_suffix (t, "emir") || g_str_has_suffix (t, "premier");
}

/* The office named right before mention `m`: "ministers of|from" and
 * then only names, commas and "and" up to it; NULL when none. */
static const char *
mention_office (const Ctx *c, const NkgMention *m)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, m->sentence);
  for (guint t = m->first; t > sent->first + 1; t--)
    {
      const NkgToken *w = nkg_tok (c->in->seg, t - 1);
      if (strcmp (w->lower, "of") == 0 || strcmp (w->lower, "from") == 0)
        return officials_noun (nkg_tok (c->in->seg, t - 2)->lower);
      if (!(w->flags & NKG_TOK_CAP) && strcmp (w->text, ",") != 0 && strcmp (w->lower, "and") != 0)
        return NULL;
    }
  return NULL;
}

typedef struct {
  guint mention;
  const char *office;
} Offered;

/* "Foreign ministers from Chile and Peru signed X" and, elsewhere, the
 * Chilean and Peruvian foreign ministers are named: they signed X. One
 * official of the office per country, or none. */
void
nkg_rel_doc_officials_sign (Ctx *c, double conf)
{
  g_autoptr (GHashTable) titles = NULL;
  g_autoptr (GHashTable) offices = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr (GHashTable) sentences = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED || f->object < 0 || nkg_rel_eclass (c, f->subject) != NKG_CLASS_COUNTRY)
        continue;
      /* the office: "ministers of|from" before a mention of the country,
       * with only names, commas and "and" between, in a sentence that
       * names the agreement; the first such mention in mention order.
       * Each country's mentions with an office are found once, and each
       * agreement's sentences listed once: linear in the document. */
      const char *office = NULL;
      GArray *offered = g_hash_table_lookup (offices, GUINT_TO_POINTER (f->subject + 1));
      if (!offered)
        {
          offered = g_array_new (FALSE, FALSE, sizeof (Offered));
          g_hash_table_insert (offices, GUINT_TO_POINTER (f->subject + 1), offered);
          const GArray *its = nkg_mention_index_of_entity (c->in->index, f->subject);
          for (guint k = 0; its && k < its->len; k++)
            {
              guint mi = g_array_index (its, guint, k);
              const char *o = mention_office (c, g_ptr_array_index (c->in->mentions, mi));
              if (o)
                g_array_append_val (offered, ((Offered){ mi, o }));
            }
        }
      if (!offered->len)
        continue;
      GHashTable *named = g_hash_table_lookup (sentences, GINT_TO_POINTER (f->object + 1));
      if (!named)
        {
          named = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (sentences, GINT_TO_POINTER (f->object + 1), named);
          const GArray *xs = nkg_mention_index_of_entity (c->in->index, f->object);
          for (guint j = 0; xs && j < xs->len; j++)
            g_hash_table_add (named, GUINT_TO_POINTER (
                ((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (xs, guint, j)))->sentence + 1));
        }
      for (guint k = 0; k < offered->len && !office; k++)
        {
          const Offered *o = &g_array_index (offered, Offered, k);
          NkgMention *m = g_ptr_array_index (c->in->mentions, o->mention);
          if (g_hash_table_contains (named, GUINT_TO_POINTER (m->sentence + 1)))
            office = o->office;
        }
      if (!office)
        continue;
      /* job titles of the officials of each country, in fact order, made
       * once: this loop adds only `signed` facts, so they stay as found */
      if (!titles)
        {
          titles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
          for (guint k = 0; k < c->facts->facts->len; k++)
            {
              NkgLocalFact *g = g_ptr_array_index (c->facts->facts, k);
              gint side = g->prop == NKG_PROP_JOB_TITLE && g->literal ? nkg_rel_represents_of (c, g->subject) : -1;
              if (side < 0)
                continue;
              GArray *l = g_hash_table_lookup (titles, GINT_TO_POINTER (side + 1));
              if (!l)
                g_hash_table_insert (titles, GINT_TO_POINTER (side + 1), l = g_array_new (FALSE, FALSE, sizeof (guint)));
              g_array_append_val (l, k);
            }
        }
      const GArray *theirs = g_hash_table_lookup (titles, GINT_TO_POINTER ((gint) f->subject + 1));
      gint who = -1, count = 0;
      for (guint k = 0; theirs && k < theirs->len; k++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (theirs, guint, k));
          if (!title_fits (g->literal, office) || (gint) g->subject == who)
            continue;
          who = g->subject;
          count++;
        }
      if (count == 1)
        {
          c->evidence = f->sentence;
          nkg_rel_fact (c, who, NKG_PROP_SIGNED, f->object, NULL, conf);
        }
    }
}

/* The city the article names whose name is the first one to three words
 * of `name` (with more words after it): "Lima" of "Lima Ocean Summit",
 * "Kuala Lumpur" of "Kuala Lumpur Convention Centre"; else -1. */
static gint
city_opening_name (const Ctx *c, const char *name)
{
  g_auto (GStrv) words = g_strsplit (name, " ", 4);
  gint city = -1;
  for (guint n = 3; n >= 1 && city < 0; n--)
    {
      if (g_strv_length (words) <= n)
        continue;
      g_autofree char *head = g_strjoinv (" ", (char *[]){ words[0], n > 1 ? words[1] : NULL, n > 2 ? words[2] : NULL, NULL });
      NkgPlace p;
      if (nkg_lexicon_place (c->in->lexicon, head, &p) && p.klass == NKG_CLASS_CITY)
        city = nkg_doc_facts_find_entity (c->facts, NKG_CLASS_CITY, p.name);
    }
  return city;
}

/* "the Arusha talks", "the Lima Ocean Summit": an event named after a
 * city the article names took place there. */
void
nkg_rel_doc_event_city (Ctx *c, double conf)
{
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      NkgLocalEntity *x = g_ptr_array_index (c->facts->entities, i);
      if (x->klass != NKG_CLASS_EVENT || nkg_doc_facts_first (c->facts, i, NKG_PROP_LOCATION) >= 0)
        continue;
      gint city = city_opening_name (c, x->name);
      if (city < 0)
        continue;
      const GArray *its = nkg_mention_index_of_entity (c->in->index, (gint) i);
      c->evidence = its && its->len ? ((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (its, guint, 0)))->sentence : 0;
      nkg_rel_fact (c, (gint) i, NKG_PROP_LOCATION, city, NULL, conf);
    }
}

/* The city venue v stands in, for an event placed there in sentence s:
 * the one the article puts it in ("at the Palacio Hall in Arica"), else
 * the dateline's when s is the dateline's own sentence and names no other
 * city ("QUITO — … held the retreat at the Carondelet Palace"); or -1. */
static gint
venue_own_city (const Ctx *c, gint v, guint s)
{
  const GArray *within = nkg_doc_facts_with_prop (c->facts, NKG_PROP_CONTAINED_IN);
  for (guint k = 0; within && k < within->len; k++)
    {
      NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (within, guint, k));
      if (g->subject == (guint) v && nkg_rel_eclass (c, g->object) == NKG_CLASS_CITY)
        return g->object;
    }
  guint ds = 0;
  gint city = nkg_rel_dateline_city (c, &ds);
  if (city < 0 || s != ds || nkg_rel_in_other_city (c, s, city))
    return -1;
  /* "at Maraya Hall in AlUla": a place the text gives it, even one the
   * lexicon does not know, is not the dateline's */
  const GArray *its = nkg_mention_index_of_entity (c->in->index, v);
  for (guint k = 0; its && k < its->len; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k));
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, m->sentence);
      guint a = m->last;
      if (a < x->last && (strcmp (nkg_tok (c->in->seg, a)->lower, "in") == 0 || strcmp (nkg_tok (c->in->seg, a)->text, ",") == 0)
          && a + 1 < x->last && (nkg_tok (c->in->seg, a + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
        return -1;
    }
  return city;
}

/* An event held at a venue named after a city the article names ("at
 * the Kuala Lumpur Convention Centre", "at the Bogor Presidential
 * Palace"), or one that city holds, took place in that city, when
 * nothing else puts it in one. */
void
nkg_rel_doc_event_venue_city (Ctx *c, double conf)
{
  const GArray *located = nkg_doc_facts_with_prop (c->facts, NKG_PROP_LOCATION);
  if (!located)
    return;
  /* events a city already places, and the venue facts (by index: adding
   * facts may move the lists) */
  g_autoptr (GHashTable) in_city = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) venues = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint k = 0; k < located->len; k++)
    {
      guint at = g_array_index (located, guint, k);
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, at);
      NkgClass klass = nkg_rel_eclass (c, f->object);
      if (klass == NKG_CLASS_CITY)
        g_hash_table_add (in_city, GUINT_TO_POINTER (f->subject + 1));
      else if (klass == NKG_CLASS_PLACE)
        g_array_append_val (venues, at);
    }
  for (guint k = 0; k < venues->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (venues, guint, k));
      if (g_hash_table_contains (in_city, GUINT_TO_POINTER (f->subject + 1)))
        continue;
      gint city = city_opening_name (c, ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, f->object))->name);
      if (city < 0)
        city = venue_own_city (c, f->object, f->sentence);
      if (city < 0)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_LOCATION, city, NULL, conf);
      g_hash_table_add (in_city, GUINT_TO_POINTER (f->subject + 1));
    }
}

/* Signed "in Accra" and "during a visit to Ghana": the city says more. */
void
nkg_rel_doc_finer_place (Ctx *c, double conf)
{
  (void) conf;
  g_autoptr (GHashTable) finer = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < c->facts->facts->len; k++)
    {
      NkgLocalFact *g = g_ptr_array_index (c->facts->facts, k);
      if (g->prop == NKG_PROP_SIGNED_IN && nkg_rel_eclass (c, g->object) != NKG_CLASS_COUNTRY)
        g_hash_table_add (finer, GUINT_TO_POINTER (g->subject + 1));
    }
  g_autofree gboolean *drop = g_new0 (gboolean, c->facts->facts->len + 1);
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      drop[i] = f->prop == NKG_PROP_SIGNED_IN && nkg_rel_eclass (c, f->object) == NKG_CLASS_COUNTRY
                && g_hash_table_contains (finer, GUINT_TO_POINTER (f->subject + 1));
    }
  nkg_doc_facts_remove_facts (c->facts, drop);
}

/* The city of the dateline ("ARUSHA, Tanzania —"), when the article has
 * exactly one, or -1; `sentence` gets the dateline's sentence. */
gint
nkg_rel_dateline_city (const Ctx *c, guint *sentence)
{
  gint city = -1;
  for (guint i = 0; i < c->in->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, i);
      gint e = m->dateline ? nkg_rel_entity (c, m) : -1;
      if (e < 0 || nkg_rel_eclass (c, e) != NKG_CLASS_CITY)
        continue;
      if (city >= 0 && city != e)
        return -1;
      city = e;
      *sentence = m->sentence;
    }
  return city;
}

/* "at Hyderabad House here", "at the Perdana Putra building here": a
 * venue (a place not in the lexicon) that "here" follows, past one
 * lower-case word, lies in the dateline's city. */
void
nkg_rel_doc_venue_here (Ctx *c, double conf)
{
  /* the dateline's city, looked for at the first venue "here" */
  gint city = -2;
  for (guint i = 0; i < c->in->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, i);
      gint e = m->cluster >= 0 && !m->canonical && !m->nested && !m->in_quote ? nkg_rel_entity (c, m) : -1;
      if (nkg_rel_eclass (c, e) != NKG_CLASS_PLACE)
        continue;
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, m->sentence);
      guint k = m->last;
      if (k + 1 < sent->last && !(nkg_tok (c->in->seg, k)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
          && nkg_tag_at (c->in->tags, k)->pos == NKG_POS_NOUN)
        k++;
      if (k >= sent->last || strcmp (nkg_tok (c->in->seg, k)->lower, "here") != 0)
        continue;
      guint at = 0;
      if (city == -2)
        city = nkg_rel_dateline_city (c, &at);
      if (city < 0)
        return;
      c->evidence = m->sentence;
      nkg_rel_fact (c, e, NKG_PROP_CONTAINED_IN, city, NULL, conf);
    }
}

/* "SINGAPORE, May 31 (Kyodo) -": a dateline that names a country with a
 * town of the very same name in it names the city-state; its entity, or
 * -1. */
static gint
dateline_city_state (const Ctx *c, guint *sentence)
{
  for (guint i = 0; i < c->in->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, i);
      gint e = m->dateline ? nkg_rel_entity (c, m) : -1;
      if (e < 0 || nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY)
        continue;
      const char *name = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, e))->name;
      NkgPlace town;
      if (!nkg_lexicon_town (c->in->lexicon, name, name, &town) || strcmp (town.name, name) != 0)
        return -1;
      *sentence = m->sentence;
      return e;
    }
  return -1;
}

/* Whether sentence s says on which day, even one the article's date does
 * not resolve ("on Friday", "today", "on May 3"), other than when
 * something was said ("officials said on Monday"). */
static gboolean
names_a_day (const Ctx *c, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  for (guint i = x->first; i < x->last; i++)
    {
      const NkgToken *t = nkg_tok (c->in->seg, i);
      gboolean on = i > x->first && strcmp (nkg_tok (c->in->seg, i - 1)->lower, "on") == 0;
      gboolean day = nkg_date_weekday (t->text) || strcmp (t->lower, "today") == 0 || strcmp (t->lower, "yesterday") == 0
                     || (on && nkg_date_month (t->text) && i + 1 < x->last && (nkg_tok (c->in->seg, i + 1)->flags & NKG_TOK_NUM));
      if (!day)
        continue;
      guint b = on ? i - 1 : i;
      if (b > x->first && (nkg_lexicon_tok_roles (c->in->lexicon, nkg_tok (c->in->seg, b - 1)) & NKG_W_REPORT))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* An agreement the dateline's own sentence reports signed on a day ("ARUSHA,
 * Tanzania — Burundi's parties signed an accord on Monday"), with no place
 * of its own, was signed where the dateline places the reporter. A lead
 * with no day ("X has signed", "said on Monday that X had signed") may
 * report from a bureau away from the signing. */
void
nkg_rel_doc_dateline_signing (Ctx *c, double conf)
{
  guint at = 0;
  gint city = nkg_rel_dateline_city (c, &at);
  if (city < 0)
    return;
  /* "New Delhi, Jan 23, 2025 (PTI)" on a line of its own: the lead
   * sentence after it is the dateline's */
  guint lead = at;
  if (at + 1 < c->in->seg->sentences->len && c->in->tags)
    {
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, at);
      gboolean verb = FALSE;
      for (guint i = x->first; i < x->last && !verb; i++)
        verb = nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB;
      if (!verb)
        lead = at + 1;
    }
  guint n = c->facts->facts->len;
  g_autofree gboolean *dated = g_new0 (gboolean, c->facts->entities->len + 1);
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_SIGNED_ON && (f->sentence == at || f->sentence == lead))
        dated[f->subject] = TRUE;
    }
  /* "on Friday" in an article without a date of its own */
  gboolean day_at = names_a_day (c, at), day_lead = lead != at && names_a_day (c, lead);
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      /* signed there and then, by signers named or not ("Fifteen
       * countries on Sunday signed X"), or adopted ("Leaders of the
       * Forum yesterday adopted the X Declaration": a party fact) */
      gint a = f->prop == NKG_PROP_SIGNED                                 ? (gint) f->object
               : f->prop == NKG_PROP_SIGNED_ON || f->prop == NKG_PROP_PARTY ? (gint) f->subject
                                                                          : -1;
      gboolean day = f->sentence == at ? day_at : day_lead;
      if (a < 0 || (f->sentence != at && f->sentence != lead) || !(dated[a] || day))
        continue;
      /* (a day the article's date does not resolve: only for an
       * agreement with no place at all) */
      if (!dated[a] && nkg_doc_facts_first (c->facts, a, NKG_PROP_SIGNED_IN) >= 0)
        continue;
      /* a place of its own, unless only a venue ("at the White House"),
       * which is in the dateline's city */
      gboolean placed = FALSE;
      const GArray *about = nkg_doc_facts_of_subject (c->facts, a);
      for (guint k = 0; about && k < about->len && !placed; k++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
          placed = g->prop == NKG_PROP_SIGNED_IN && nkg_rel_eclass (c, g->object) != NKG_CLASS_PLACE;
        }
      if (placed)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, a, NKG_PROP_SIGNED_IN, city, NULL, conf);
    }
}

/* One sentence that signs the article's main agreement, for dateline_host:
 * FALSE if it names a year not the article's ("In 2010 Chile and Peru
 * signed …": an earlier signing, anywhere); else sets *told to it when a
 * visit word comes before it and none did yet. */
static gboolean
host_signing_sentence (Ctx *c, guint sentence, gint *told)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, sentence);
  for (guint i = sent->first; i < sent->last; i++)
    {
      const NkgToken *t = nkg_tok (c->in->seg, i);
      long y = (t->flags & NKG_TOK_NUM) ? strtol (t->text, NULL, 10) : 0;
      if (y >= 1800 && y <= 2200 && !(c->in->date && strtol (c->in->date, NULL, 10) == y))
        return FALSE;
    }
  for (guint i = 0; i < sent->first && *told < 0; i++)
    if (NKG_TOK_IN_LIST ("hostcue", nkg_tok (c->in->seg, i)))
      *told = (gint) sentence;
  return TRUE;
}

/* The article's main agreement, signed with no place given, by the
 * dateline's own country ("RIYADH — … received the Prime Minister of
 * Pakistan … The two leaders signed the X"): signed at home, where the
 * article is filed from. */
void
nkg_rel_doc_dateline_host (Ctx *c, double conf)
{
  guint at = 0;
  gint city = nkg_rel_dateline_city (c, &at);
  if (city < 0)
    return;
  const char *home = NULL;
  const GArray *its = nkg_mention_index_of_entity (c->in->index, city);
  for (guint k = 0; its && k < its->len && !home; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k));
      if (m->dateline)
        home = m->country;
    }
  gint host = nkg_rel_country_entity (c, home);
  gint main = host >= 0 ? nkg_rel_salient_agreement (c) : -1;
  if (main < 0 || nkg_doc_facts_first (c->facts, main, NKG_PROP_SIGNED_IN) >= 0
      || nkg_doc_facts_find_fact (c->facts, host, NKG_PROP_SIGNED, main, NULL) < 0)
    return;
  /* Each sentence that signs it: "In 2010 Chile and Peru signed …" is an
   * earlier signing, anywhere; and one must be told after a visit the
   * article reports (a lead that only reports the signing may come from a
   * bureau far from it). */
  gint told = -1;
  const GArray *signings = nkg_doc_facts_with_prop (c->facts, NKG_PROP_SIGNED);
  for (guint k = 0; signings && k < signings->len; k++)
    {
      NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (signings, guint, k));
      if (g->object == main && !host_signing_sentence (c, g->sentence, &told))
        return;
    }
  /* and each sentence that names it with a signing verb: a signer fact
   * found in two sentences keeps only one of them (the headline "A, B
   * sign X" as well as "… received B … They signed X") */
  const GArray *named = nkg_mention_index_of_entity (c->in->index, main);
  for (guint k = 0; named && k < named->len; k++)
    {
      const NkgMention *m = g_ptr_array_index (c->in->mentions, g_array_index (named, guint, k));
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, m->sentence);
      gboolean signs = FALSE;
      for (guint i = sent->first; i < sent->last && !signs; i++)
        signs = (nkg_rel_roles (c, i) & NKG_W_SIGN) != 0;
      if (signs && !host_signing_sentence (c, m->sentence, &told))
        return;
    }
  if (told < 0)
    return;
  c->evidence = (guint) told;
  nkg_rel_fact (c, main, NKG_PROP_SIGNED_IN, city, NULL, conf);
}

/* Signed "in Tanzania", and the article places one city in Tanzania
 * ("talks in Arusha, Tanzania"): the signing was there too. */
void
nkg_rel_doc_country_city (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED_IN || nkg_rel_eclass (c, f->object) != NKG_CLASS_COUNTRY)
        continue;
      gboolean finer = FALSE;
      for (guint k = 0; k < n && !finer; k++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, k);
          finer = g->prop == NKG_PROP_SIGNED_IN && g->subject == f->subject && nkg_rel_eclass (c, g->object) != NKG_CLASS_COUNTRY;
        }
      if (finer)
        continue;
      gint city = -1;
      gboolean several = FALSE;
      for (guint k = 0; k < n; k++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, k);
          if (g->prop != NKG_PROP_CONTAINED_IN || g->object != f->object || nkg_rel_eclass (c, g->subject) != NKG_CLASS_CITY)
            continue;
          several |= city >= 0 && city != (gint) g->subject;
          city = (gint) g->subject;
        }
      if (city < 0 || several)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_SIGNED_IN, city, NULL, conf);
    }
}

/* Whether a signer's job title makes him a go-between, whose signature
 * binds no one he represents ("UN mediator X also signed the accord"):
 * its last word is one of list neutralsigner. */
static gboolean
neutral_signer (const Ctx *c, guint person)
{
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->subject != person || f->prop != NKG_PROP_JOB_TITLE || !f->literal)
        continue;
      const char *last = strrchr (f->literal, ' ');
      g_autofree char *word = g_ascii_strdown (last ? last + 1 : f->literal, -1);
      if (NKG_IN_LIST ("neutralsigner", word))
        return TRUE;
    }
  return FALSE;
}

/* A person who signed for a country binds it. */
void
nkg_rel_doc_signer_binds (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED || nkg_rel_eclass (c, f->subject) != NKG_CLASS_PERSON)
        continue;
      gint country = nkg_rel_represents_of (c, f->subject);
      if (country >= 0 && !neutral_signer (c, f->subject))
        {
          c->evidence = f->sentence;
          nkg_rel_fact (c, f->object, NKG_PROP_PARTY, country, NULL, conf);
        }
    }
}

/* A country or body bound by an agreement its official signed signs it
 * through that official ("Chile's minister signed" → Chile signed). */
void
nkg_rel_doc_party_signs (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_SIGNED || f->object < 0 || nkg_rel_eclass (c, f->subject) != NKG_CLASS_PERSON)
        continue;
      gint side = nkg_rel_represents_of (c, f->subject);
      NkgClass k = nkg_rel_eclass (c, side);
      if (side < 0 || (k != NKG_CLASS_COUNTRY && nkg_class_coarse (k) != NKG_CLASS_ORG) || neutral_signer (c, f->subject))
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, side, NKG_PROP_SIGNED, f->object, NULL, conf);
    }
}

void
nkg_rel_doc_body_officials (Ctx *c, double conf)
{
  nkg_rel_body_officials (c, conf);
}

void
nkg_rel_doc_home_officials (Ctx *c, double conf)
{
  nkg_rel_home_officials (c, conf);
}

/* Whether job title `title` is the office "the Chilean defence minister"
 * or "the Kenyan leader" names: it holds the words of `office` (lower
 * case: "defence minister", "minister"); "leader" is any head of state or
 * government. */
static gboolean
office_fits (const char *title, const char *office)
{
  if (strcmp (office, "leader") == 0)
    return title_fits (title, "");
  g_autofree char *lower = g_utf8_strdown (title, -1);
  return strstr (lower, office) != NULL;
}

/* The one person a description "the Chilean [defence] minister" stands
 * for (`office` its words after the adjective, lower case; `country` the
 * adjective's country entity): the person who holds that office for that
 * country, else the one titled person holding it with no country or
 * employer of their own — when no one holding it already represents the
 * country; -1 when none or several fit. `unplaced` is set when the person
 * does not yet represent the country. */
gint
nkg_rel_described_official (Ctx *c, const char *office, gint country, gboolean *unplaced)
{
  gint who = -1, holder = -1;
  gboolean ambiguous = FALSE;
  for (guint k = 0; k < c->facts->facts->len && !ambiguous; k++)
    {
      NkgLocalFact *g = g_ptr_array_index (c->facts->facts, k);
      if (g->prop != NKG_PROP_JOB_TITLE || !g->literal || (gint) g->subject == who || (gint) g->subject == holder
          || !office_fits (g->literal, office))
        continue;
      gint r = nkg_rel_represents_of (c, g->subject);
      if (r == country)
        {
          /* someone already holds it for that country: they alone */
          ambiguous = holder >= 0;
          holder = g->subject;
        }
      else if (r >= 0 || nkg_doc_facts_first (c->facts, g->subject, NKG_PROP_WORKS_FOR) >= 0)
        continue;
      else if (who >= 0)
        who = -2;
      else if (who == -1)
        who = g->subject;
    }
  if (ambiguous)
    return -1;
  *unplaced = holder < 0;
  return holder >= 0 ? holder : MAX (who, -1);
}

/* "The Chilean minister said …" after "Foreign Minister Ana Costa" with no
 * country: the one titled person holding a title with that head (and the
 * modifiers before it: "the Chilean defence minister") and no country of
 * their own represents the country the adjective names — when no one
 * holding such a title already represents it; "the Kenyan leader" is a
 * head of state or government. */
void
nkg_rel_doc_described_officials (Ctx *c, double conf)
{
  const NkgSegments *seg = c->in->seg;
  guint n = seg->tokens->len;
  g_autoptr (GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i + 2 < n; i++)
    {
      const NkgToken *the = nkg_tok (seg, i), *adj = nkg_tok (seg, i + 1);
      if (strcmp (the->lower, "the") != 0 || !(adj->flags & NKG_TOK_CAP))
        continue;
      guint h = i + 2;
      while (h + 1 < n && h < i + 4 && (nkg_lexicon_tok_roles (c->in->lexicon, nkg_tok (seg, h)) & NKG_W_TITLEMOD)
             && !(nkg_tok (seg, h)->flags & NKG_TOK_CAP))
        h++;
      const NkgToken *head = nkg_tok (seg, h);
      if (!(nkg_lexicon_tok_roles (c->in->lexicon, head) & NKG_W_TITLE) || (head->flags & NKG_TOK_CAP))
        continue;
      /* "the Chilean minister Ana Costa": a name follows, the titles pattern's */
      if (h + 1 < n && (nkg_tok (seg, h + 1)->flags & NKG_TOK_CAP))
        continue;
      const char *country = nkg_lexicon_demonym (c->in->lexicon, adj->text);
      gint ce = nkg_rel_country_entity (c, country);
      if (ce < 0)
        continue;
      g_autofree char *office = g_utf8_strdown (seg->text + nkg_tok (seg, i + 2)->start, head->end - nkg_tok (seg, i + 2)->start);
      g_autofree char *key = g_strdup_printf ("%d|%s", ce, office);
      if (g_hash_table_contains (done, key))
        continue;
      g_hash_table_add (done, g_steal_pointer (&key));
      gboolean unplaced = FALSE;
      gint who = nkg_rel_described_official (c, office, ce, &unplaced);
      if (who < 0 || !unplaced)
        continue;
      guint s = 0;
      while (s + 1 < seg->sentences->len && g_array_index (seg->sentences, NkgSentence, s + 1).first <= i)
        s++;
      c->evidence = s;
      nkg_rel_fact (c, who, NKG_PROP_REPRESENTS, ce, NULL, conf);
    }
}

/* An agreement signed in a sentence with no place or day of its own but
 * at an event ("signed on the sidelines of the Ocean Summit", "At the
 * summit the leaders signed …") was signed where and when the article
 * says the event was. */
void
nkg_rel_doc_event_signing (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  g_autoptr (NkgIntArray) places = nkg_int_array_new ();
  g_autoptr (NkgIntArray) here = nkg_int_array_new ();
  GArray *saved_here = c->here;
  guint saved_first = c->first, saved_last = c->last, saved_sentence = c->sentence;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      gint a = f->prop == NKG_PROP_SIGNED ? f->object : -1;
      if (a < 0 || nkg_rel_eclass (c, a) != NKG_CLASS_AGREEMENT)
        continue;
      gboolean need_place = nkg_doc_facts_first (c->facts, a, NKG_PROP_SIGNED_IN) < 0;
      gboolean need_date = nkg_doc_facts_first (c->facts, a, NKG_PROP_SIGNED_ON) < 0;
      if (!need_place && !need_date)
        continue;
      char date[11];
      g_array_set_size (places, 0);
      if (nkg_rel_signing_event (c, f->sentence, places, date) < 0)
        continue;
      /* the sentence's own place wins */
      nkg_rel_enter_sentence (c, f->sentence, here);
      gboolean own_place = nkg_rel_sentence_place (c, c->first, c->first) >= 0;
      char own_date[11];
      gboolean own_date_found = nkg_rel_sentence_date (c, own_date);
      c->here = saved_here;
      c->first = saved_first;
      c->last = saved_last;
      c->sentence = saved_sentence;
      c->evidence = f->sentence;
      for (guint k = 0; need_place && !own_place && k < places->len; k++)
        nkg_rel_fact (c, a, NKG_PROP_SIGNED_IN, g_array_index (places, gint, k), NULL, conf);
      if (need_date && !own_date_found && *date)
        nkg_rel_fact (c, a, NKG_PROP_SIGNED_ON, -1, date, conf);
    }
}

/* Whether sentence `s` tells of a signing that took place: a verb of the
 * list "sign" and no modal ("will be signed at the summit") or negation. */
static gboolean
signing_told (const Ctx *c, guint s)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  gboolean signing = FALSE;
  for (guint i = sent->first; i < sent->last; i++)
    {
      const NkgTag *t = nkg_tag_at (c->in->tags, i);
      if (t->pos == NKG_POS_MODAL || t->pos == NKG_POS_NEG)
        return FALSE;
      signing |= t->pos == NKG_POS_VERB && t->lemma && NKG_IN_LIST ("sign", t->lemma)
                 && !(nkg_tok (c->in->seg, i)->flags & NKG_TOK_INQUOTE);
    }
  return signing;
}

/* "The protocol was signed on the sidelines of the X Summit. … A signed
 * for Chile": whoever signed an agreement that a sentence says was signed
 * at an event attended that event, wherever the text names the signer. */
void
nkg_rel_doc_event_signers (Ctx *c, double conf)
{
  /* (each reading needs a named agreement: an article without one has
   * none) */
  if (!nkg_rel_article_has (c, NKG_CLASS_AGREEMENT))
    return;
  g_autoptr (NkgIntArray) places = nkg_int_array_new ();
  guint n = c->facts->facts->len;
  for (guint s = 0; s < c->in->seg->sentences->len; s++)
    {
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      gboolean named = FALSE;
      for (guint k = lo; k < hi && !named; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          named = m->sentence == s && m->cluster >= 0 && !m->in_quote
                  && nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_AGREEMENT;
        }
      if (!named || !signing_told (c, s))
        continue;
      char date[11];
      g_array_set_size (places, 0);
      gint ev = nkg_rel_signing_event (c, s, places, date);
      if (ev < 0)
        continue;
      for (guint k = lo; k < hi; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          gint a = m->sentence == s && m->cluster >= 0 && !m->in_quote ? nkg_rel_entity (c, m) : -1;
          if (nkg_rel_eclass (c, a) != NKG_CLASS_AGREEMENT)
            continue;
          for (guint i = 0; i < n; i++)
            {
              NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
              if (f->prop != NKG_PROP_SIGNED || f->object != a || nkg_rel_eclass (c, f->subject) != NKG_CLASS_PERSON)
                continue;
              c->evidence = s;
              nkg_rel_fact (c, f->subject, NKG_PROP_ATTENDED, ev, NULL, conf);
            }
        }
    }
}

/* The city a sentence of the article places venue `venue` in ("the
 * Palace of Justice in Arequipa"), not the gazetteer; -1 when none or
 * more than one. */
static gint
venue_city_read (const Ctx *c, gint venue)
{
  gint city = -1;
  const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) venue);
  for (guint k = 0; about && k < about->len; k++)
    {
      const NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
      if (g->prop != NKG_PROP_CONTAINED_IN || g->gazetteer || nkg_rel_eclass (c, g->object) != NKG_CLASS_CITY)
        continue;
      if (city >= 0 && city != g->object)
        return -1;
      city = g->object;
    }
  return city;
}

/* Signed at a venue "in" a city ("in the old Assembly Hall in the
 * capital of Arequipa"): in the city too, and the venue is in it. */
void
nkg_rel_doc_venue_city (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = signed_in_fact (c, i, NKG_CLASS_PLACE);
      if (!f)
        continue;
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, f->sentence);
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, f->sentence, &lo, &hi);
      gint city = -1;
      for (guint k = lo; k < hi && city < 0; k++)
        {
          NkgMention *v = nkg_rel_mention (c, k);
          if (nkg_rel_entity (c, v) != f->object || v->in_quote || v->nested)
            continue;
          /* "VENUE in [the mountain-ringed capital of] CITY" */
          guint p = v->last;
          if (p >= sent->last || strcmp (nkg_tok (c->in->seg, p)->lower, "in") != 0)
            continue;
          guint q = p + 1;
          for (guint w = 0; q < sent->last && w < 8; w++, q++)
            {
              const NkgToken *t = nkg_tok (c->in->seg, q);
              if (!(strcmp (t->lower, "the") == 0 || strcmp (t->lower, "of") == 0 || (t->flags & NKG_TOK_DASH)
                    || NKG_TOK_IN_LIST ("placeword", t)
                    || (!(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && (t->flags & NKG_TOK_WORD)
                        && q + 1 < sent->last && (nkg_tok (c->in->seg, q + 1)->flags & NKG_TOK_DASH))
                    || (!(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && q > p + 1
                        && (nkg_tok (c->in->seg, q - 1)->flags & NKG_TOK_DASH))
                    || (!(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && nkg_tag_at (c->in->tags, q)->pos == NKG_POS_ADJ)))
                break;
            }
          for (guint j = lo; j < hi && city < 0; j++)
            {
              NkgMention *m = nkg_rel_mention (c, j);
              gint e = nkg_rel_entity (c, m);
              if (m->first == q && !m->nested && nkg_rel_eclass (c, e) == NKG_CLASS_CITY)
                city = e;
            }
        }
      c->evidence = f->sentence;
      if (city < 0)
        {
          /* "The following MoUs were signed at Hyderabad House in New
           * Delhi: …" then an item signed at the venue: the city a
           * sentence of the article put that venue in */
          city = venue_city_read (c, f->object);
          if (city >= 0)
            nkg_rel_fact (c, f->subject, NKG_PROP_SIGNED_IN, city, NULL, conf * 0.9);
          continue;
        }
      nkg_rel_fact (c, f->subject, NKG_PROP_SIGNED_IN, city, NULL, conf);
      nkg_rel_fact (c, f->object, NKG_PROP_CONTAINED_IN, city, NULL, conf);
    }
}

/* The venue named "at [the] VENUE in CITY" in sentence `si`, CITY
 * being entity `city`; -1 when none, or when the sentence opens a list
 * ("The following MoUs were signed at X in Y:" — the list's own
 * agreements were signed there, relations-listed.c, not its heading's
 * plural). */
static gint
venue_before_city (Ctx *c, guint si, gint city)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, si);
  for (guint t = sent->first; t < sent->last; t++)
    if (NKG_TOK_IN_LIST ("listintro", nkg_tok (c->in->seg, t)))
      return -1;
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, si, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      if (nkg_rel_entity (c, m) != city || m->in_quote || m->nested || m->first < sent->first + 3
          || strcmp (nkg_tok (c->in->seg, m->first - 1)->lower, "in") != 0)
        continue;
      for (guint j = lo; j < hi; j++)
        {
          NkgMention *v = nkg_rel_mention (c, j);
          gint e = nkg_rel_entity (c, v);
          if (v->last + 1 != m->first || v->nested || v->in_quote || v->canonical || nkg_rel_eclass (c, e) != NKG_CLASS_PLACE
              || v->first < sent->first + 2)
            continue;
          guint p = v->first - 1;
          if (strcmp (nkg_tok (c->in->seg, p)->lower, "the") == 0)
            p--;
          if (strcmp (nkg_tok (c->in->seg, p)->lower, "at") == 0)
            return e;
        }
    }
  return -1;
}

/* Signed "at the VENUE in CITY" ("signed the pact at the Presidential
 * Palace in Lima"): the signing place found is the city; the venue right
 * before it is where it was signed too. */
void
nkg_rel_doc_city_venue (Ctx *c, double conf)
{
  for (guint i = 0, n = c->facts->facts->len; i < n; i++)
    {
      NkgLocalFact *f = signed_in_fact (c, i, NKG_CLASS_CITY);
      gint venue = f ? venue_before_city (c, f->sentence, f->object) : -1;
      if (venue < 0)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_SIGNED_IN, venue, NULL, conf);
    }
}

/* The article's only named event, else -1. */

static gint
sole_event (const Ctx *c)
{
  gint ev = -1;
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      NkgLocalEntity *x = g_ptr_array_index (c->facts->entities, i);
      if (x->klass != NKG_CLASS_EVENT || x->mentions == 0)
        continue;
      if (ev >= 0)
        return -1;
      ev = (gint) i;
    }
  return ev;
}

/* The article's only named event when it is a many-sided gathering (its
 * name's last word in the list "gathering": "… Summit", "… Expo"), else
 * -1 (none, several, or a meeting or talks). */
static gint
sole_gathering (const Ctx *c)
{
  gint ev = sole_event (c);
  if (ev < 0)
    return -1;
  g_autofree char *lower = g_utf8_strdown (((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ev))->name, -1);
  const char *space = strrchr (lower, ' ');
  return NKG_IN_LIST ("gathering", space ? space + 1 : lower) ? ev : -1;
}

/* Whether the body (not the dateline) puts something "in" the dateline's
 * city ("received X in Hanoi on June 12") and "in" no other city. */
static gboolean
only_city_told (const Ctx *c, gint city)
{
  gboolean told = FALSE;
  for (guint i = 0; i < c->in->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, i);
      gint e = m->cluster >= 0 && !m->dateline && !m->in_quote ? nkg_rel_entity (c, m) : -1;
      if (nkg_rel_eclass (c, e) != NKG_CLASS_CITY || m->first == 0 || strcmp (nkg_tok (c->in->seg, m->first - 1)->lower, "in") != 0)
        continue;
      if (e != city)
        return FALSE;
      told = TRUE;
    }
  return told;
}

/* The article's one event that someone attended and the text places
 * nowhere took place where the dateline places the reporter ("ARICA,
 * Chile – … toured the Andean Mining Expo"): news of a
 * gathering is filed from it. Not with several events, nor with none
 * attended (a gathering only planned or spoken of), nor for a meeting
 * or talks (a visit's, whose country may be all the text says). */
void
nkg_rel_doc_dateline_event (Ctx *c, double conf)
{
  guint at = 0;
  gint city = nkg_rel_dateline_city (c, &at);
  if (city < 0)
    city = dateline_city_state (c, &at);
  if (city < 0)
    return;
  /* a many-sided gathering the press travels to ("… Summit", "… Expo"),
   * not a meeting or talks held during a visit — unless the text itself
   * puts the visit in the dateline's city and in no other */
  gint ev = sole_gathering (c);
  if (ev < 0 && only_city_told (c, city))
    {
      /* (not the visit itself, "State Visit of X to India": its
       * country is what news gives for it) */
      ev = sole_event (c);
      const char *name = ev >= 0 ? ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ev))->name : "";
      const char *space = strrchr (name, ' ');
      if (g_ascii_strcasecmp (space ? space + 1 : name, "visit") == 0)
        ev = -1;
    }
  if (ev < 0 || nkg_doc_facts_first (c->facts, ev, NKG_PROP_LOCATION) >= 0)
    return;
  gint attended = -1;
  for (guint i = 0; i < c->facts->facts->len && attended < 0; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_ATTENDED && f->object == ev)
        attended = (gint) f->sentence;
    }
  /* "X attended the Expo with Y in Quito": the text places it after all */
  if (attended < 0 || nkg_rel_in_other_city (c, (guint) attended, city))
    return;
  c->evidence = at;
  nkg_rel_fact (c, ev, NKG_PROP_LOCATION, city, NULL, conf);
}

/* "A met B in Lima. The meeting took place on the sidelines of the X
 * Summit": a sentence opening with "the" or "their" and a word for the
 * meeting or signing told before it (list meetingtold), then its verb of
 * taking place (list tookplace: not "will take place"), naming no person
 * and placing it at an event: the people who met or signed in the nearest
 * sentence before that tells of a meeting or signing attended the event. */
static void
meeting_placed_after (Ctx *c, double conf)
{
  guint n = c->facts->facts->len;
  gboolean told = FALSE;
  for (guint i = 0; i < n && !told; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      told = f->prop == NKG_PROP_MET || f->prop == NKG_PROP_SIGNED;
    }
  if (!told)
    return;
  g_autoptr (NkgIntArray) places = nkg_int_array_new ();
  for (guint s = 1; s < c->in->seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      guint i = sent->first;
      if (i + 3 >= sent->last || !(strcmp (nkg_tok (c->in->seg, i)->lower, "the") == 0 || strcmp (nkg_tok (c->in->seg, i)->lower, "their") == 0)
          || !NKG_TOK_IN_LIST ("meetingtold", nkg_tok (c->in->seg, i + 1)) || !NKG_TOK_IN_LIST ("tookplace", nkg_tok (c->in->seg, i + 2))
          || (nkg_tok (c->in->seg, i)->flags & NKG_TOK_INQUOTE))
        continue;
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      gboolean person = FALSE;
      for (guint k = lo; k < hi && !person; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          person = m->sentence == s && m->cluster >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_PERSON;
        }
      char date[11];
      g_array_set_size (places, 0);
      gint ev = person ? -1 : nkg_rel_signing_event (c, s, places, date);
      if (ev < 0)
        continue;
      /* the nearest sentence before that tells of a meeting or of people signing */
      gint near = -1;
      for (guint k = 0; k < n; k++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, k);
          if ((f->prop == NKG_PROP_MET || (f->prop == NKG_PROP_SIGNED && nkg_rel_eclass (c, f->subject) == NKG_CLASS_PERSON))
              && f->sentence < s && (gint) f->sentence > near)
            near = (gint) f->sentence;
        }
      for (guint k = 0; near >= 0 && k < n; k++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, k);
          if ((gint) f->sentence != near)
            continue;
          c->evidence = s;
          if (f->prop == NKG_PROP_MET)
            {
              nkg_rel_fact (c, f->subject, NKG_PROP_ATTENDED, ev, NULL, conf);
              nkg_rel_fact (c, f->object, NKG_PROP_ATTENDED, ev, NULL, conf);
            }
          else if (f->prop == NKG_PROP_SIGNED && nkg_rel_eclass (c, f->subject) == NKG_CLASS_PERSON)
            nkg_rel_fact (c, f->subject, NKG_PROP_ATTENDED, ev, NULL, conf);
        }
    }
}

/* "Chile-Peru Foreign Ministers' Meeting. … On March 8, A held a meeting
 * with B": an article whose one event is a meeting (its name's last word
 * in the list "namedmeeting"), named in its first sentence, a headline
 * (no full stop): the first meeting it tells of is that event, and those who
 * met there attended it. */
static void
headline_meeting (Ctx *c, double conf)
{
  gint ev = sole_event (c);
  if (ev < 0)
    return;
  g_autofree char *lower = g_utf8_strdown (((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ev))->name, -1);
  const char *space = strrchr (lower, ' ');
  if (!NKG_IN_LIST ("namedmeeting", space ? space + 1 : lower))
    return;
  const GArray *its = nkg_mention_index_of_entity (c->in->index, ev);
  gboolean headline = FALSE;
  for (guint k = 0; its && k < its->len && !headline; k++)
    headline = ((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k)))->sentence == 0;
  /* (a headline: no sentence's end) */
  const NkgSentence *s0 = &g_array_index (c->in->seg->sentences, NkgSentence, 0);
  const char *end = s0->last > s0->first ? nkg_tok (c->in->seg, s0->last - 1)->text : ".";
  if (!headline || strcmp (end, ".") == 0 || strcmp (end, "?") == 0 || strcmp (end, "!") == 0)
    return;
  guint n = c->facts->facts->len;
  guint first = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_MET && f->sentence > 0)
        first = MIN (first, f->sentence);
    }
  if (first == G_MAXUINT)
    return;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_MET || f->sentence != first)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_ATTENDED, ev, NULL, conf);
      nkg_rel_fact (c, f->object, NKG_PROP_ATTENDED, ev, NULL, conf);
    }
}

/* "Leaders of the 21 economies gathered in Lima for the X summit. …
 * A held talks with B on Friday.": in an article about one many-sided
 * gathering that someone is said to have attended or that is placed,
 * two people who met after it is first named, in a sentence that names
 * no other city or place, met there: both attended it. */
void
nkg_rel_doc_sideline_meetings (Ctx *c, double conf)
{
  meeting_placed_after (c, conf);
  headline_meeting (c, conf);
  gint ev = sole_gathering (c);
  if (ev < 0)
    return;
  const GArray *its = nkg_mention_index_of_entity (c->in->index, ev);
  if (!its || !its->len)
    return;
  guint named = G_MAXUINT;
  for (guint k = 0; k < its->len; k++)
    named = MIN (named, ((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k)))->sentence);
  gboolean attended = FALSE;
  guint n = c->facts->facts->len;
  for (guint i = 0; i < n && !attended; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      attended = (f->prop == NKG_PROP_ATTENDED && f->object == ev) || (f->prop == NKG_PROP_LOCATION && (gint) f->subject == ev);
    }
  if (!attended)
    return;
  for (guint i = 0; i < n; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop != NKG_PROP_MET || f->sentence < named)
        continue;
      /* no other city or place in the meeting's sentence */
      gboolean elsewhere = FALSE;
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, f->sentence, &lo, &hi);
      for (guint k = lo; k < hi && !elsewhere; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, k);
          gint e = m->cluster >= 0 ? nkg_rel_entity (c, m) : -1;
          NkgClass klass = nkg_rel_eclass (c, e);
          if (m->sentence != f->sentence || (klass != NKG_CLASS_CITY && klass != NKG_CLASS_PLACE))
            continue;
          elsewhere = TRUE;
          for (guint j = 0; j < n && elsewhere; j++)
            {
              NkgLocalFact *g = g_ptr_array_index (c->facts->facts, j);
              elsewhere = !(g->prop == NKG_PROP_LOCATION && (gint) g->subject == ev && g->object == e);
            }
        }
      if (elsewhere)
        continue;
      c->evidence = f->sentence;
      nkg_rel_fact (c, f->subject, NKG_PROP_ATTENDED, ev, NULL, conf);
      nkg_rel_fact (c, f->object, NKG_PROP_ATTENDED, ev, NULL, conf);
    }
}

/* Whether title `full` (lower case) is `word` (lower case, one word) with
 * its remit after it: "minister for foreign affairs" of "minister" (not
 * "vice president" of "president", another office). */
static gboolean
title_extends (const char *full, const char *word)
{
  gsize n = strlen (word);
  return strlen (full) > n + 1 && strncmp (full, word, n) == 0 && full[n] == ' ';
}

/* "Ms. Kamikawa, Minister for Foreign Affairs, … Minister Kamikawa said":
 * a one-word title ("Minister") that a fuller title of the same person
 * extends says nothing more, and is dropped. */
void
nkg_rel_doc_title_short_form (Ctx *c, double conf)
{
  (void) conf;
  const GArray *titles = nkg_doc_facts_with_prop (c->facts, NKG_PROP_JOB_TITLE);
  if (!titles || titles->len < 2)
    return;
  g_autofree gboolean *drop = g_new0 (gboolean, c->facts->facts->len + 1);
  gboolean any = FALSE;
  for (guint i = 0; i < titles->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (titles, guint, i));
      if (!f->literal || strchr (f->literal, ' '))
        continue;
      g_autofree char *word = g_utf8_strdown (f->literal, -1);
      for (guint k = 0; k < titles->len && !drop[g_array_index (titles, guint, i)]; k++)
        {
          NkgLocalFact *g = g_ptr_array_index (c->facts->facts, g_array_index (titles, guint, k));
          if (g->subject != f->subject || !g->literal)
            continue;
          g_autofree char *full = g_utf8_strdown (g->literal, -1);
          if (title_extends (full, word))
            drop[g_array_index (titles, guint, i)] = any = TRUE;
        }
    }
  if (any)
    nkg_doc_facts_remove_facts (c->facts, drop);
}

/* The agreement of the first mention of sentence `s` (not nested, not
 * quoted) that starts at or before token `by` and ends after token
 * `past`; -1 when none. */
static gint
sentence_agreement (Ctx *c, guint s, guint by, guint past)
{
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      gint e = nkg_rel_entity (c, m);
      if (m->first <= by && m->last > past && !m->nested && !m->in_quote && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        return e;
    }
  return -1;
}

/* The agreement that sentence `s` opens a list of: "In the presence of
 * the two leaders, the following documents were signed:" (a word of the
 * list listintro before or in an agreement mention, the sentence ending
 * with a colon); -1 when none. */
static gint
list_opened (Ctx *c, guint s)
{
  const NkgSegments *seg = c->in->seg;
  const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
  if (sent->last < sent->first + 3 || strcmp (nkg_tok (seg, sent->last - 1)->text, ":") != 0)
    return -1;
  guint intro = sent->first;
  while (intro < sent->last && !NKG_TOK_IN_LIST ("listintro", nkg_tok (seg, intro)))
    intro++;
  return intro < sent->last ? sentence_agreement (c, s, intro + 1, intro) : -1;
}

/* The agreement a list line names first ("- Treaty on X between A and B,
 * signed by …;"): sentence `s` opens with a dash or bullet and an
 * agreement right after it; -1 when not. */
static gint
list_line_item (Ctx *c, guint s)
{
  const NkgSegments *seg = c->in->seg;
  const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
  const NkgToken *t = nkg_tok (seg, sent->first);
  if (sent->last < sent->first + 2 || !((t->flags & NKG_TOK_DASH) || strcmp (t->text, "•") == 0))
    return -1;
  return sentence_agreement (c, s, sent->first + 1, sent->first);
}

/* Whether agreement `a` has a fact of property `prop` already. */
static gboolean
has_prop (Ctx *c, gint a, NkgProp prop)
{
  const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) a);
  for (guint k = 0; about && k < about->len; k++)
    if (((NkgLocalFact *) g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k)))->prop == prop)
      return TRUE;
  return FALSE;
}

/* "In the presence of the heads of state, the following documents were
 * signed:" and a dashed line per document: each document was signed where
 * and when the set the opening sentence names was (from that sentence,
 * the dateline or the sentences before it), unless its line says its
 * own place or day. */
void
nkg_rel_doc_list_lines_where (Ctx *c, double conf)
{
  guint n_sent = c->in->seg->sentences->len;
  for (guint s = 0; s + 1 < n_sent; s++)
    {
      gint set = list_opened (c, s);
      if (set < 0)
        continue;
      /* the set's places and days: read first, as adding facts moves them */
      g_autoptr (NkgIntArray) take = nkg_int_array_new ();
      const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) set);
      for (guint k = 0; about && k < about->len; k++)
        {
          guint fi = g_array_index (about, guint, k);
          NkgProp p = ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, fi))->prop;
          if (p == NKG_PROP_SIGNED_IN || p == NKG_PROP_SIGNED_ON)
            g_array_append_val (take, fi);
        }
      g_autoptr (GPtrArray) literals = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (NkgIntArray) props = nkg_int_array_new ();
      g_autoptr (NkgIntArray) objects = nkg_int_array_new ();
      for (guint k = 0; k < take->len; k++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (take, guint, k));
          gint p = (gint) f->prop;
          g_array_append_val (props, p);
          g_array_append_val (objects, f->object);
          g_ptr_array_add (literals, g_strdup (f->literal));
        }
      for (guint s2 = s + 1; s2 < n_sent && take->len; s2++)
        {
          gint item = list_line_item (c, s2);
          if (item < 0)
            break;
          if (item == set)
            continue;
          gboolean own_in = has_prop (c, item, NKG_PROP_SIGNED_IN), own_on = has_prop (c, item, NKG_PROP_SIGNED_ON);
          c->evidence = s2;
          for (guint k = 0; k < props->len; k++)
            {
              NkgProp p = (NkgProp) g_array_index (props, gint, k);
              if ((p == NKG_PROP_SIGNED_IN && own_in) || (p == NKG_PROP_SIGNED_ON && own_on))
                continue;
              nkg_rel_fact (c, item, p, g_array_index (objects, gint, k), g_ptr_array_index (literals, k), conf);
            }
        }
    }
}
