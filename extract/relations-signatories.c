/* relations-signatories.c — "The signatories to the X were Mr. A, Title,
 * Ministry, for the Government of B, and C, Title of D's mission, for D":
 * a list of titled signers, each with its apposition and the body it
 * signed for, longer than a chunk pattern's "..." reaches (a section of
 * the relation patterns: see relations.c and data/patterns.txt, row
 * signatories-were); and the states a counted group that signed is
 * made of, named after it (row counted-sides-include). */
#include "docindex.h"
#include "relations-private.h"

#include <stdlib.h>

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

/* A number in token t, as digits or a word ("15", "fifteen"), else 0. */
static guint
count_at (const Ctx *c, guint t)
{
  const NkgToken *w = nkg_rel_tok (c, t);
  return (w->flags & NKG_TOK_NUM) ? (guint) atoi (w->text) : nkg_rel_number_word (w->lower);
}

/* The agreement a counted group signed in one of the two sentences
 * before this one: a sentence with a signing verb, an agreement and,
 * when count is not 0, that number right before a plural of states
 * ("Fifteen countries signed X", "X was signed among its 15
 * participating countries"); -1 when none. */
static gint
counted_signing (const Ctx *c, guint count)
{
  for (guint s = c->sentence; s-- > 0 && s + 2 >= c->sentence;)
    {
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      gboolean sign = FALSE, counted = count == 0;
      for (guint i = x->first; i < x->last; i++)
        {
          if ((nkg_rel_roles (c, i) & NKG_W_SIGN) && nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB)
            {
              /* "will sign", "did not sign": no signing done */
              for (guint k = i; k > x->first && k + 3 > i; k--)
                if ((nkg_rel_roles (c, k - 1) & NKG_W_FUTURE) || nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_NEG)
                  return -1;
              sign = TRUE;
            }
          if (!counted && count_at (c, i) == count)
            for (guint k = i + 1; k < x->last && k <= i + 3 && !counted; k++)
              counted = NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, k)->lemma);
        }
      if (!sign || !counted)
        continue;
      guint lo, unused;
      nkg_mention_index_sentence (c->in->index, s, &lo, &unused);
      for (guint k = lo; k < c->in->mentions->len; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          if (m->sentence != s)
            break;
          gint e = nkg_rel_entity (c, m);
          if (!m->in_quote && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
            return e;
        }
      return -1;
    }
  return -1;
}

static gboolean
want_country (NkgClass k)
{
  return k == NKG_CLASS_COUNTRY;
}

/* "Fifteen countries signed X. The 15 countries include A, B and C";
 * "X was signed among its 15 participating countries. Participating
 * countries include A, B and C": the states of the counted or signing
 * group named after the signing signed it and are bound by it, however
 * many of them the list names (a section of the relation patterns: row
 * counted-sides-include). */
void
nkg_rel_pattern_counted_sides_include (Ctx *c, double conf)
{
  guint i = c->first;
  if (nkg_rel_is (c, i, "the") || nkg_rel_is (c, i, "these") || nkg_rel_is (c, i, "its") || nkg_rel_is (c, i, "their"))
    i++;
  if (i >= c->last)
    return;
  guint count = count_at (c, i);
  if (count)
    i++;
  gboolean group = FALSE;
  for (; i < c->last && NKG_TOK_IN_LIST ("signinggroup", nkg_rel_tok (c, i)); i++)
    group = TRUE;
  /* "the 15 countries", "participating countries"; not "the countries" */
  if (i + 2 >= c->last || (count < 3 && !group) || !NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, i)->lemma))
    return;
  guint v = i + 1;
  const char *lemma = nkg_tag_at (c->in->tags, v)->lemma;
  if (!NKG_IN_LIST ("include", lemma) && !NKG_IN_LIST ("be", lemma))
    return;
  /* "… do not include A", "… will include A" */
  if (nkg_rel_is_planned (c, v) || nkg_tag_at (c->in->tags, v + 1)->pos == NKG_POS_NEG
      || (v > c->first && nkg_tag_at (c->in->tags, v - 1)->pos == NKG_POS_NEG))
    return;
  g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
  nkg_rel_collect (c, v + 1, c->last, sides, want_country);
  if (sides->len < 2)
    return;
  gint agreement = counted_signing (c, count);
  if (agreement < 0)
    return;
  for (guint k = 0; k < sides->len; k++)
    {
      gint e = g_array_index (sides, gint, k);
      nkg_rel_fact (c, e, NKG_PROP_SIGNED, agreement, NULL, conf);
      nkg_rel_fact (c, agreement, NKG_PROP_PARTY, e, NULL, conf);
    }
}
