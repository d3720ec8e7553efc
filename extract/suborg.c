/* suborg.c — organisations inside organisations; see suborg.h. */
#include "suborg.h"

#include <string.h>

#include "coref.h"
#include "mentions.h"
#include "patterns.h"


/* Confidence of these patterns: an apposition with a part noun or "part
 * of" says it outright; "under" and the possessive more often mean
 * oversight or ownership of another kind. */
#define CONF_APPOSITION 0.85
#define CONF_UNDER 0.7
#define CONF_POSSESSIVE 0.65
/* "X said its battery unit, Y": the pronoun's body is nearly always the
 * parent */
#define CONF_ITS 0.7
/* "the Committee of the Council of Europe": the name says it */
#define CONF_NAME 0.8

static gboolean
is_org (NkgClass k)
{
  return k == NKG_CLASS_ORG || k == NKG_CLASS_GOV_ORG;
}

/* "X, a NOUN of Y": a noun of the table's list partnoun (an arm, a unit)
 * makes the apposition a part-of statement. */
static gboolean
part_noun (const char *w)
{
  return NKG_IN_LIST ("partnoun", w);
}

static gint
entity_of_mention (const NkgRelationInput *in, const NkgMention *m)
{
  if (m->cluster < 0 || (guint) m->cluster >= in->entity_of->len)
    return -1;
  return g_array_index (in->entity_of, gint, m->cluster);
}

static const char *
lower (const NkgRelationInput *in, guint i)
{
  return nkg_tok (in->seg, i)->lower;
}

/* Tokens [a, b) read, after skipping articles, as a part-of link:
 * ", a unit of", ", which is part of", "under", "which comes under".
 * Returns the confidence, or 0. */
static double
link_between (const NkgRelationInput *in, guint a, guint b)
{
  guint i = a;
  gboolean comma = i < b && strcmp (lower (in, i), ",") == 0;
  if (comma)
    i++;
  /* "which is", "that is", "which comes" */
  if (i < b && (strcmp (lower (in, i), "which") == 0 || strcmp (lower (in, i), "that") == 0))
    {
      i++;
      if (i < b && (strcmp (lower (in, i), "is") == 0 || strcmp (lower (in, i), "comes") == 0
                    || strcmp (lower (in, i), "falls") == 0))
        i++;
    }
  if (i < b && strcmp (lower (in, i), "under") == 0 && i + 1 == b)
    return CONF_UNDER;
  if (i < b && (strcmp (lower (in, i), "a") == 0 || strcmp (lower (in, i), "an") == 0
                || strcmp (lower (in, i), "the") == 0))
    i++;
  /* an optional modifier: "a research agency of", "the investment arm of" */
  if (i + 2 < b && !part_noun (lower (in, i)))
    i++;
  if (i + 2 == b && part_noun (lower (in, i)) && strcmp (lower (in, i + 1), "of") == 0)
    return comma ? CONF_APPOSITION : 0;
  return 0;
}

/* "Hanbit Motors said its battery unit, Hanbit Energy Solutions, …", "X
 * and its subsidiary Y": a part noun after "its" (at most two words between)
 * before Y; the parent is the latest body named before "its" in the
 * sentence. */
static void
its_part (const NkgRelationInput *in, NkgDocFacts *facts, guint j)
{
  const NkgMention *y = g_ptr_array_index (in->mentions, j);
  guint k = y->first;
  if (k > 0 && strcmp (lower (in, k - 1), ",") == 0)
    k--;
  if (k < 2 || !part_noun (lower (in, k - 1)))
    return;
  k--;
  for (guint n = 0; n < 2 && k > 0 && strcmp (lower (in, k - 1), "its") != 0; n++)
    {
      const NkgToken *t = nkg_tok (in->seg, k - 1);
      if (!(t->flags & NKG_TOK_WORD) || (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
        return;
      k--;
    }
  if (k == 0 || strcmp (lower (in, k - 1), "its") != 0)
    return;
  gint ey = entity_of_mention (in, y);
  for (guint i = j; i-- > 0;)
    {
      const NkgMention *x = g_ptr_array_index (in->mentions, i);
      if (x->sentence != y->sentence)
        return;
      if (x->last >= k || !is_org (x->klass) || x->nested)
        continue;
      gint ex = entity_of_mention (in, x);
      if (ex >= 0 && ey >= 0 && ex != ey)
        nkg_doc_facts_add_fact (facts, (guint) ex, NKG_PROP_SUB_ORG, ey, NULL, y->sentence, CONF_ITS);
      return;
    }
}

/* The last word of name, lower case, into buf (NULL when too long). */
static const char *
last_word_lower (const char *name, char *buf, gsize size)
{
  const char *space = strrchr (name, ' ');
  const char *w = space ? space + 1 : name;
  gsize n = strlen (w);
  if (n + 1 > size)
    return NULL;
  for (gsize i = 0; i <= n; i++)
    buf[i] = g_ascii_tolower (w[i]);
  return buf;
}

/* The longest name or alias of another body that begins y's name as
 * whole words, leaving at least the head: its entity, or -1. */
static gint
body_naming (NkgDocFacts *facts, guint y)
{
  const NkgLocalEntity *ye = g_ptr_array_index (facts->entities, y);
  gsize yn = strlen (ye->name), best_n = 0;
  gint best = -1;
  for (guint x = 0; x < facts->entities->len; x++)
    {
      const NkgLocalEntity *xe = g_ptr_array_index (facts->entities, x);
      if (x == y || !is_org (xe->klass))
        continue;
      for (guint k = 0; k <= (xe->aliases ? xe->aliases->len : 0); k++)
        {
          const char *f = k == 0 ? xe->name : g_ptr_array_index (xe->aliases, k - 1);
          gsize n = strlen (f);
          if (n >= 2 && n + 2 < yn && ye->name[n] == ' ' && strncmp (ye->name, f, n) == 0 && n > best_n)
            {
              best = (gint) x;
              best_n = n;
            }
        }
    }
  return best;
}

/* "JICA Philippines Office": a body whose name is another body's name or
 * acronym and then words ending on the head of an office (list
 * officehead) is part of that body when the article names someone who
 * works for it, and those it names represent the body. */
static void
named_offices (const NkgRelationInput *in, NkgDocFacts *facts)
{
  guint n = facts->entities->len;
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  for (guint j = 0; j < in->mentions->len; j++)
    {
      const NkgMention *m = g_ptr_array_index (in->mentions, j);
      gint ey = entity_of_mention (in, m);
      if (ey < 0 || (guint) ey >= n || seen[ey] || !is_org (m->klass) || m->in_quote)
        continue;
      seen[ey] = TRUE;
      const NkgLocalEntity *ye = g_ptr_array_index (facts->entities, ey);
      char head[32];
      if (!is_org (ye->klass) || !last_word_lower (ye->name, head, sizeof head) || !NKG_IN_LIST ("officehead", head))
        continue;
      gint ex = body_naming (facts, (guint) ey);
      if (ex < 0)
        continue;
      /* the staff first, then their facts: adding facts moves the index */
      g_autoptr (GArray) staff = g_array_new (FALSE, FALSE, sizeof (guint));
      const GArray *works = nkg_doc_facts_with_prop (facts, NKG_PROP_WORKS_FOR);
      for (guint k = 0; works && k < works->len; k++)
        {
          guint f = g_array_index (works, guint, k);
          if (((const NkgLocalFact *) g_ptr_array_index (facts->facts, f))->object == ey)
            g_array_append_val (staff, f);
        }
      if (!staff->len)
        continue;
      nkg_doc_facts_add_fact (facts, (guint) ex, NKG_PROP_SUB_ORG, ey, NULL, m->sentence, CONF_NAME);
      for (guint k = 0; k < staff->len; k++)
        {
          const NkgLocalFact *w = g_ptr_array_index (facts->facts, g_array_index (staff, guint, k));
          guint who = w->subject, sentence = w->sentence;
          if (nkg_doc_facts_find_fact (facts, who, NKG_PROP_REPRESENTS, ex, NULL) < 0)
            nkg_doc_facts_add_fact (facts, who, NKG_PROP_REPRESENTS, ex, NULL, sentence, CONF_NAME);
        }
    }
}

void
nkg_suborg_extract (const NkgRelationInput *in, NkgDocFacts *facts)
{
  named_offices (in, facts);
  const NkgSegments *seg = in->seg;
  for (guint j = 1; j < in->mentions->len; j++)
    {
      const NkgMention *y = g_ptr_array_index (in->mentions, j);
      if (is_org (y->klass) && !y->in_quote && !y->nested)
        its_part (in, facts, j);
    }
  for (guint i = 0; i + 1 < in->mentions->len; i++)
    {
      const NkgMention *x = g_ptr_array_index (in->mentions, i);
      const NkgMention *y = g_ptr_array_index (in->mentions, i + 1);
      if (x->sentence != y->sentence || x->in_quote || !is_org (x->klass) || !is_org (y->klass))
        continue;
      gint ex = entity_of_mention (in, x), ey = entity_of_mention (in, y);
      if (ex < 0 || ey < 0 || ex == ey)
        continue;
      /* "the Committee of the Council of Europe": Y ends X's name after
       * "of the" (mentions.c add_parent_body) */
      if (y->first > x->first + 2 && y->last == x->last && strcmp (lower (in, y->first - 1), "the") == 0
          && strcmp (lower (in, y->first - 2), "of") == 0)
        {
          nkg_doc_facts_add_fact (facts, (guint) ey, NKG_PROP_SUB_ORG, ex, NULL, x->sentence, CONF_NAME);
          continue;
        }
      guint gap_a = x->last, gap_b = y->first;
      /* skip an acronym in brackets after the first name: "DRDO (…)" */
      if (gap_a < gap_b && strcmp (lower (in, gap_a), "(") == 0)
        while (gap_a < gap_b && strcmp (lower (in, gap_a), ")") != 0)
          gap_a++;
      if (gap_a < gap_b && strcmp (lower (in, gap_a), ")") == 0)
        gap_a++;
      /* "the" before the second name belongs to it */
      if (gap_b > gap_a && strcmp (lower (in, gap_b - 1), "the") == 0)
        gap_b--;
      guint sentence = x->sentence;

      /* "the Defence Ministry's DRDO": X possessive directly before Y (the
       * mark may close the name or be a token of its own). */
      gboolean poss_inside = gap_a == gap_b && (nkg_tok (seg, x->last - 1)->flags & NKG_TOK_POSS);
      gboolean poss_after = gap_a + 1 == gap_b && (nkg_tok (seg, gap_a)->flags & NKG_TOK_POSS);
      /* "the Andean Council's (AC) Fisheries Committee": X is the acronym
       * in brackets after the possessive */
      gboolean poss_acronym = gap_a == gap_b && gap_a > x->last && x->first >= 2
                              && strcmp (lower (in, x->first - 1), "(") == 0
                              && (nkg_tok (seg, x->first - 2)->flags & NKG_TOK_POSS);
      if (poss_inside || poss_after || poss_acronym)
        {
          nkg_doc_facts_add_fact (facts, (guint) ex, NKG_PROP_SUB_ORG, ey, NULL, sentence,
                                  CONF_POSSESSIVE);
          continue;
        }
      if (gap_a >= gap_b)
        continue;
      double conf = link_between (in, gap_a, gap_b);
      if (conf > 0)
        nkg_doc_facts_add_fact (facts, (guint) ey, NKG_PROP_SUB_ORG, ex, NULL, sentence, conf);
    }
}
