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
  for (guint v = c->first; v < c->last; v++)
    {
      const char *w = nkg_rel_tok (c, v)->lower;
      if (strcmp (w, "replaces") != 0 && strcmp (w, "replaced") != 0 && strcmp (w, "supersedes") != 0
          && strcmp (w, "replacing") != 0 && strcmp (w, "superseded") != 0)
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
  for (guint i = 0; i < G_N_ELEMENTS (n); i++)
    if (strcmp (w, n[i]) == 0)
      return i + 1;
  /* "Fifty Year Partnership" */
  return strcmp (w, "hundred") == 0 ? 100 : 0;
}

/* "10-year framework", "100 Year Partnership", "for 30 years". */
void
nkg_rel_pattern_duration (Ctx *c, double conf)
{
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
          const NkgToken *t = nkg_rel_tok (c, i);
          guint n = (t->flags & NKG_TOK_NUM) ? (guint) atoi (t->text) : nkg_rel_number_word (t->lower);
          if (!n)
            continue;
          guint j = i + 1;
          if (nkg_rel_tok (c, j)->flags & NKG_TOK_DASH)
            j++;
          if (j < c->last && (nkg_rel_is (c, j, "year") || nkg_rel_is (c, j, "years")) && j >= m->first - 1)
            years = n;
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
      g_autoptr (GArray) named = g_array_new (FALSE, FALSE, sizeof (gint));
      for (guint j = 0; j < c->here->len; j++)
        {
          NkgMention *n = nkg_rel_mention (c, g_array_index (c->here, guint, j));
          gint ce = nkg_rel_entity (c, n);
          if (n != m && n->first >= m->first && n->last <= m->last && nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY)
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
        hoped = (nkg_rel_roles (c, x) & NKG_W_FUTURE) || nkg_rel_is (c, x, "talks") || nkg_rel_is (c, x, "negotiations")
                || nkg_rel_is (c, x, "towards") || nkg_rel_is (c, x, "toward");
      /* (a listed agreement's sides: relations-listed.c) */
      if (!hoped && !m->listed && m->last < c->last && nkg_rel_is (c, m->last, "between"))
        {
          guint end = m->last + 1;
          while (end < c->last && !nkg_rel_is (c, end, "in") && !nkg_rel_is (c, end, "on") && !nkg_rel_is (c, end, "was")
                 && !nkg_rel_is (c, end, "is") && !nkg_rel_is (c, end, "which") && !nkg_rel_is (c, end, "that") && !nkg_rel_is (c, end, "will")
                 && strcmp (nkg_rel_tok (c, end)->text, ",") != 0)
            end++;
          g_autoptr (GArray) sides = g_array_new (FALSE, FALSE, sizeof (gint));
          nkg_rel_collect (c, m->last + 1, end, sides, nkg_rel_want_signer);
          for (guint j = 0; sides->len >= 2 && j < sides->len; j++)
            if (nkg_rel_eclass (c, g_array_index (sides, gint, j)) != NKG_CLASS_PERSON)
              nkg_rel_fact (c, a, NKG_PROP_PARTY, g_array_index (sides, gint, j), NULL, conf * 0.8);
        }
    }
}
