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

/* The agreement a counted group signed (or adopted, endorsed …: list
 * bind, then *bound) in one of the two sentences before this one: a
 * sentence with such a verb, an agreement and,
 * when count is not 0, that number (any of three or more when it is
 * G_MAXUINT, in *found) right before a plural of states ("Fifteen
 * countries signed X", "X was signed among its 15 participating
 * countries"); -1 when none. */
static gint
counted_signing (const Ctx *c, guint count, guint *found, gboolean *bound)
{
  *found = 0;
  *bound = FALSE;
  for (guint s = c->sentence; s-- > 0 && s + 2 >= c->sentence;)
    {
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      gboolean sign = FALSE, bind = FALSE, counted = count == 0;
      for (guint i = x->first; i < x->last; i++)
        {
          gboolean verb = nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB;
          gboolean binds = verb && !(nkg_rel_roles (c, i) & NKG_W_SIGN) && NKG_IN_LIST ("bind", nkg_tag_at (c->in->tags, i)->lemma);
          if (verb && ((nkg_rel_roles (c, i) & NKG_W_SIGN) || binds))
            {
              /* "will sign", "did not sign": no signing done */
              for (guint k = i; k > x->first && k + 3 > i; k--)
                if ((nkg_rel_roles (c, k - 1) & NKG_W_FUTURE) || nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_NEG)
                  return -1;
              sign |= !binds;
              bind |= binds;
            }
          guint n = counted ? 0 : count_at (c, i);
          if (n && (n == count || (count == G_MAXUINT && n >= 3 && n <= 60)))
            for (guint k = i + 1; k < x->last && k <= i + 3 && !counted; k++)
              if ((counted = NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, k)->lemma)))
                *found = n;
        }
      if ((!sign && !bind) || !counted)
        continue;
      /* "Fifteen countries adopted X": bound, not signed */
      *bound = !sign;
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
/* The states listed after "including" or "among them" that follow the
 * signing verb of a counted group: "Fifteen countries signed X on
 * Sunday, including A, B and C". */
static void
trailing_members (Ctx *c, double conf)
{
  /* asked of every sentence: the list's cue (", including", ", among
   * them") first, then the signing verb before it, then the count */
  guint from = 0, cue = 0;
  for (guint i = c->first + 2; i + 1 < c->last && !from; i++)
    {
      const char *w = nkg_rel_tok (c, i)->lower;
      if ((w[0] == 'i' && strcmp (w, "including") == 0) || (w[0] == 'a' && strcmp (w, "among") == 0 && nkg_rel_is (c, i + 1, "them")))
        if (strcmp (nkg_rel_tok (c, i - 1)->text, ",") == 0)
          {
            cue = i - 1;
            from = w[0] == 'i' ? i + 1 : i + 2;
          }
    }
  if (!from)
    return;
  guint v = c->first;
  while (v < cue && !(nkg_rel_roles (c, v) & NKG_W_SIGN))
    v++;
  if (v >= cue || nkg_tag_at (c->in->tags, v)->pos != NKG_POS_VERB || nkg_rel_is_planned (c, v) || nkg_rel_is_passive (c, v))
    return;
  gboolean counted = FALSE;
  for (guint i = c->first; i + 1 < v && !counted; i++)
    {
      guint k = count_at (c, i);
      counted = k >= 3 && k <= 60 && NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, i + 1)->lemma);
    }
  if (!counted)
    return;
  gint agreement = nkg_rel_agreement_near (c, v, TRUE);
  if (agreement < 0 || nkg_rel_eclass (c, agreement) != NKG_CLASS_AGREEMENT)
    return;
  g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
  nkg_rel_collect (c, from, c->last, sides, want_country);
  if (sides->len < 2)
    return;
  for (guint k = 0; k < sides->len; k++)
    {
      gint e = g_array_index (sides, gint, k);
      nkg_rel_fact (c, e, NKG_PROP_SIGNED, agreement, NULL, conf);
      nkg_rel_fact (c, agreement, NKG_PROP_PARTY, e, NULL, conf);
    }
}

/* "Fifteen countries signed X. The 15 countries include A, B and C";
 * "X was signed among its 15 participating countries. Participating
 * countries include A, B and C"; after a counted signing, "Among them
 * were A and B", "They include A and B", "The pact brings together A and
 * B": the states of the counted or signing group named after the
 * signing signed it and are bound by it, however many of them the list
 * names (a section of the relation patterns: row counted-sides-include). */
void
nkg_rel_pattern_counted_sides_include (Ctx *c, double conf)
{
  trailing_members (c, conf);
  guint i = c->first;
  guint count = 0;
  gint subject = -1; /* "The pact brings together …": that agreement */
  if (nkg_rel_is (c, i, "among") && nkg_rel_is (c, i + 1, "them"))
    {
      /* "Among them were A and B" */
      count = G_MAXUINT;
      i += 1;
    }
  else if (nkg_rel_is (c, i, "they"))
    count = G_MAXUINT;
  else
    {
      gint m = nkg_rel_mention_starting_at (c, i + nkg_rel_is (c, i, "the"));
      gint e = m >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, m)) : -1;
      if (nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        {
          subject = e;
          count = G_MAXUINT;
          i = nkg_rel_mention (c, m)->last - 1;
        }
    }
  if (!count)
    {
      if (nkg_rel_is (c, i, "the") || nkg_rel_is (c, i, "these") || nkg_rel_is (c, i, "its") || nkg_rel_is (c, i, "their"))
        i++;
      if (i >= c->last)
        return;
      count = count_at (c, i);
      if (count)
        i++;
      gboolean group = FALSE;
      for (; i < c->last && NKG_TOK_IN_LIST ("signinggroup", nkg_rel_tok (c, i)); i++)
        group = TRUE;
      /* "the 15 countries", "participating countries"; not "the countries" */
      if (i + 2 >= c->last || (count < 3 && !group) || !NKG_IN_LIST ("sides", nkg_tag_at (c->in->tags, i)->lemma))
        return;
    }
  guint v = i + 1;
  if (v + 1 >= c->last)
    return;
  const char *lemma = nkg_tag_at (c->in->tags, v)->lemma;
  /* "… include A", "… are A"; an agreement "groups", "brings together" */
  gboolean verb = subject >= 0 ? NKG_IN_LIST ("membership", lemma) : NKG_IN_LIST ("include", lemma) || NKG_IN_LIST ("be", lemma);
  if (!verb)
    return;
  /* "… do not include A", "… will include A" */
  if (nkg_rel_is_planned (c, v) || nkg_tag_at (c->in->tags, v + 1)->pos == NKG_POS_NEG
      || (v > c->first && nkg_tag_at (c->in->tags, v - 1)->pos == NKG_POS_NEG))
    return;
  g_autoptr (NkgIntArray) sides = nkg_int_array_new ();
  nkg_rel_collect (c, v + 1, c->last, sides, want_country);
  if (sides->len < 2)
    return;
  guint found;
  gboolean bound;
  gint agreement = counted_signing (c, count, &found, &bound);
  /* more states than were counted: not the counted group ("Four
   * countries signed X. X groups A, B and C with D and E") */
  if (agreement < 0 || (subject >= 0 && agreement != subject) || (found && sides->len > found))
    return;
  for (guint k = 0; k < sides->len; k++)
    {
      gint e = g_array_index (sides, gint, k);
      if (!bound)
        nkg_rel_fact (c, e, NKG_PROP_SIGNED, agreement, NULL, conf);
      nkg_rel_fact (c, agreement, NKG_PROP_PARTY, e, NULL, conf);
    }
}
