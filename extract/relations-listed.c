/* relations-listed.c — the sides and signers of agreements listed as
 * "KIND between A and B on TOPIC" (listed.c names them), and a list's
 * "Signed by A, TITLE, and B, TITLE." line (a section of the relation
 * patterns: see relations.c and data/patterns.txt). */
#include <string.h>

#include "docindex.h"
#include "listed.h"
#include "patterns.h"
#include "relations-private.h"

/* "the Government of Chile": Chile, added when the text names it only
 * there; else e itself. */
static gint
country_of_government (Ctx *c, gint e)
{
  if (nkg_class_coarse (nkg_rel_eclass (c, e)) != NKG_CLASS_ORG)
    return e;
  const char *name = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, e))->name;
  const char *of = strstr (name, " of ");
  if (!of)
    return e;
  g_autofree char *head = g_ascii_strdown (name, of - name);
  NkgPlace place;
  /* "the Government of the Republic of Uzbekistan" */
  const char *state = g_str_has_prefix (of + 4, "the ") ? of + 8 : of + 4;
  if (!NKG_IN_LIST ("government", head) || !nkg_lexicon_place (c->in->lexicon, state, &place)
      || place.klass != NKG_CLASS_COUNTRY)
    return e;
  gint ce = nkg_rel_country_entity (c, place.name);
  return ce >= 0 ? ce : (gint) nkg_doc_facts_add_entity (c->facts, NKG_CLASS_COUNTRY, place.name, 1);
}

/* "between the Government of Chile and the Government of Peru": when
 * every side named is a country's government (two states, not a
 * government and a rebel movement or a bank), the states are the sides. */
void
nkg_rel_governments_as_countries (Ctx *c, GArray *sides)
{
  if (sides->len < 2)
    return;
  for (guint j = 0; j < sides->len; j++)
    {
      gint e = g_array_index (sides, gint, j);
      if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY && country_of_government (c, e) == e)
        return;
    }
  for (guint j = 0; j < sides->len; j++)
    g_array_index (sides, gint, j) = country_of_government (c, g_array_index (sides, gint, j));
}

/* A listed agreement was signed where and when the list's opening
 * sentence says ("The following MoUs were signed at X", Ctx list_place). */
static void
list_where_when (Ctx *c, gint a, double conf)
{
  if (c->list_place >= 0)
    nkg_rel_fact (c, a, NKG_PROP_SIGNED_IN, c->list_place, NULL, conf * 0.9);
  if (c->list_date[0])
    nkg_rel_fact (c, a, NKG_PROP_SIGNED_ON, -1, c->list_date, conf * 0.9);
}

/* "- Agreement between A and B on TOPIC, signed by Minister C and
 * Minister D;": the people after the topic signed that item. */
static void
listed_signed_by (Ctx *c, gint a, guint end, double conf)
{
  guint k = end;
  if (k < c->last && strcmp (nkg_rel_tok (c, k)->text, ",") == 0)
    k++;
  if (k + 2 >= c->last || !(nkg_rel_roles (c, k) & NKG_W_SIGN) || !nkg_rel_is (c, k + 1, "by"))
    return;
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  nkg_rel_collect_to (c, k + 2, ";", people, nkg_rel_want_person);
  for (guint j = 0; j < people->len; j++)
    nkg_rel_fact (c, g_array_index (people, gint, j), NKG_PROP_SIGNED, a, NULL, conf);
}

/* "… between the Ministry of X of Peru and the Government of Chile on …":
 * the bodies between "between" and the topic, a government as its
 * country. */
void
nkg_rel_pattern_listed_parties (Ctx *c, double conf)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint a = nkg_rel_entity (c, m);
      guint prep, end;
      if (!m->listed || nkg_rel_eclass (c, a) != NKG_CLASS_AGREEMENT
          || !nkg_listed_topic (c->in->seg, c->in->mentions, m->last, c->last, FALSE, &prep, &end) || prep <= m->last)
        continue;
      list_where_when (c, a, conf);
      listed_signed_by (c, a, end, conf);
      g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
      nkg_rel_collect (c, m->last + 1, prep, sides, nkg_rel_want_signer);
      for (guint j = 0; sides->len >= 2 && j < sides->len; j++)
        {
          gint e = country_of_government (c, g_array_index (sides, gint, j));
          if (e != a && nkg_rel_eclass (c, e) != NKG_CLASS_PERSON)
            nkg_rel_fact (c, a, NKG_PROP_PARTY, e, NULL, conf);
        }
    }
}

/* "Signed by A, Secretary, Ministry of X, and B, Ambassador of Y to Z."
 * opening a sentence with no agreement of its own: the people named signed
 * the agreement of the line before. */
void
nkg_rel_pattern_signed_by_line (Ctx *c, double conf)
{
  if (c->first + 2 >= c->last || !nkg_rel_is (c, c->first + 1, "by")
      || !(nkg_rel_roles (c, c->first) & NKG_W_SIGN) || !(nkg_rel_tok (c, c->first)->flags & NKG_TOK_CAP))
    return;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_AGREEMENT)
        return;
    }
  gint a = nkg_rel_previous_agreement (c);
  if (a < 0)
    return;
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, c->first + 2, c->last, people, nkg_rel_want_person);
  for (guint j = 0; j < people->len; j++)
    nkg_rel_fact (c, g_array_index (people, gint, j), NKG_PROP_SIGNED, a, NULL, conf);
  list_where_when (c, a, conf);
  /* "Signed by: Indian side: Shri A, …; Omani side: H.E. B, …": the
   * countries of the sides signed too (patterns.txt ownerside) */
  g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
  nkg_rel_demonym_sides (c, c->first + 2, c->last, sides);
  for (guint j = 0; sides->len >= 2 && j < sides->len; j++)
    {
      nkg_rel_fact (c, g_array_index (sides, gint, j), NKG_PROP_SIGNED, a, NULL, conf);
      nkg_rel_fact (c, a, NKG_PROP_PARTY, g_array_index (sides, gint, j), NULL, conf);
    }
}
