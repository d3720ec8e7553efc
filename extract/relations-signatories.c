/* relations-signatories.c — "The signatories to the X were Mr. A, Title,
 * Ministry, for the Government of B, and C, Title of D's mission, for D":
 * a list of titled signers, each with its apposition and the body it
 * signed for, longer than a chunk pattern's "..." reaches (a section of
 * the relation patterns: see relations.c and data/patterns.txt, row
 * signatories-were). */
#include "relations-private.h"

/* The first token of "were" / "are" / "was" (list be, as written) after
 * the signatory noun at s, within the subject's few words; 0 if none. */
static guint
copula_after (const Ctx *c, guint s)
{
  for (guint i = s + 1; i < c->last && i < s + 16; i++)
    {
      const char *w = nkg_rel_tok (c, i)->lower;
      if (strcmp (w, "were") == 0 || strcmp (w, "are") == 0 || strcmp (w, "was") == 0 || strcmp (w, "is") == 0)
        return i;
      if (!g_ascii_isalnum (*w) && strcmp (w, "'s") != 0 && strcmp (w, "-") != 0 && strcmp (w, ",") != 0)
        return 0;
    }
  return 0;
}

void
nkg_rel_pattern_signatories_were (Ctx *c, double conf)
{
  /* the subject opens the sentence: "The signatories to …", "Signatories of …" */
  guint s = c->first;
  if (s < c->last && nkg_rel_is (c, s, "the"))
    s++;
  if (s >= c->last || !NKG_TOK_IN_LIST ("signatory", nkg_rel_tok (c, s)))
    return;
  guint v = copula_after (c, s);
  /* "were not …", "are expected to be …": no list of who signed */
  if (!v || v + 1 >= c->last || nkg_rel_is (c, v + 1, "not") || nkg_rel_is_planned (c, v))
    return;
  gint agreement = -1;
  if (nkg_rel_is (c, s + 1, "to") || nkg_rel_is (c, s + 1, "of"))
    {
      guint a = s + 2;
      if (nkg_rel_is (c, a, "the"))
        a++;
      gint m = nkg_rel_mention_starting_at (c, a);
      if (m < 0 && a > s + 2)
        m = nkg_rel_mention_starting_at (c, s + 2);
      gint e = m >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, m)) : -1;
      if (nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        agreement = e;
    }
  if (agreement < 0)
    agreement = nkg_rel_previous_agreement (c);
  if (agreement < 0)
    return;
  /* the list begins right after the verb ("Mr." may stand alone first) */
  gint first = nkg_rel_mention_starting_at (c, v + 1);
  if (first < 0 && v + 2 < c->last)
    first = nkg_rel_mention_starting_at (c, v + 2);
  if (first < 0 || nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, first))) != NKG_CLASS_PERSON)
    return;
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  nkg_rel_collect (c, v + 1, c->last, people, nkg_rel_want_person);
  for (guint i = 0; i < people->len; i++)
    nkg_rel_fact (c, g_array_index (people, gint, i), NKG_PROP_SIGNED, agreement, NULL, conf);
  /* "…, for the Government of B, and …, for D": the bodies signed for */
  for (guint i = v + 2; i + 1 < c->last; i++)
    {
      if (!nkg_rel_is (c, i, "for") || strcmp (nkg_rel_tok (c, i - 1)->text, ",") != 0)
        continue;
      guint a = nkg_rel_is (c, i + 1, "the") ? i + 2 : i + 1;
      gint m = nkg_rel_mention_starting_at (c, a);
      gint e = m >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, m)) : -1;
      NkgClass k = nkg_rel_eclass (c, e);
      if (k == NKG_CLASS_COUNTRY || nkg_class_coarse (k) == NKG_CLASS_ORG)
        {
          nkg_rel_fact (c, e, NKG_PROP_SIGNED, agreement, NULL, conf);
          nkg_rel_fact (c, agreement, NKG_PROP_PARTY, e, NULL, conf);
        }
    }
}
