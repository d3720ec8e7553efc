/* relations-heads.c — "Following the meeting, the heads of delegation
 * signed a joint communique": a group named by its role in the meeting
 * told before stands for the people who took part in it (a section of the
 * relation patterns: see relations.c and data/patterns.txt, row
 * delegation-heads). */
#include "relations-private.h"
#include "docindex.h"
#include "tagger.h"

/* Whether the words just before token k are "the heads of (the)
 * delegation(s)" or "the delegation heads" (patterns.txt delegationhead,
 * delegationnoun): a group of every side's first person. */
static gboolean
heads_subject_before (const Ctx *c, guint k)
{
  if (k < c->first + 3)
    return FALSE;
  guint h;
  if (NKG_TOK_IN_LIST ("delegationhead", nkg_rel_tok (c, k - 1))
      && NKG_TOK_IN_LIST ("delegationnoun", nkg_rel_tok (c, k - 2)))
    h = k - 2; /* "the delegation heads" */
  else if (NKG_TOK_IN_LIST ("delegationnoun", nkg_rel_tok (c, k - 1)))
    {
      guint q = k - 1;
      if (q > c->first && nkg_rel_is (c, q - 1, "the"))
        q--;
      if (q < c->first + 3 || !nkg_rel_is (c, q - 1, "of") || !NKG_TOK_IN_LIST ("delegationhead", nkg_rel_tok (c, q - 2)))
        return FALSE;
      h = q - 2; /* "the heads of (the) delegation(s)" */
    }
  else
    return FALSE;
  /* "the heads …", "all heads …": not "Chile's heads of delegation" */
  return h > c->first && (nkg_rel_is (c, h - 1, "the") || nkg_rel_is (c, h - 1, "all"));
}

/* Whether the article names entity e before sentence s (an attendance
 * told again later keeps its later sentence). */
static gboolean
named_before (const Ctx *c, gint e, guint s)
{
  for (guint k = 0; k < c->in->mentions->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      if (m->sentence < s && m->cluster >= 0 && nkg_rel_entity (c, m) == e)
        return TRUE;
    }
  return FALSE;
}

/* The people who took part in the event whose attendance the article
 * told last before sentence s (appended to out). */
static void
last_event_attendees (const Ctx *c, guint s, GArray *out)
{
  gint ev = -1;
  guint at = 0;
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_ATTENDED && f->sentence < s && (ev < 0 || f->sentence >= at))
        {
          ev = f->object;
          at = f->sentence;
        }
    }
  for (guint i = 0; ev >= 0 && i < c->facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_ATTENDED && f->object == ev && nkg_rel_eclass (c, f->subject) == NKG_CLASS_PERSON
          && named_before (c, f->subject, s))
        nkg_rel_add_unique (out, f->subject);
    }
}

/* "the heads of delegation signed X" (a sign verb told as done, not
 * planned, not passive): each person who took part in the meeting told
 * before signed X, when the article names two or more. */
void
nkg_rel_doc_delegation_heads (Ctx *c, double conf)
{
  g_autoptr (NkgIntArray) here = nkg_int_array_new ();
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  GArray *saved_here = c->here;
  guint saved_first = c->first, saved_last = c->last, saved_sentence = c->sentence;
  for (guint s = 1; s < c->in->seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      /* most sentences name no agreement: the cheap test first */
      guint lo = 0, hi = 0;
      gboolean named = FALSE;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      for (guint k = lo; k < hi && !named; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          named = m->sentence == s && m->cluster >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_AGREEMENT;
        }
      if (!named)
        continue;
      guint v = sent->first;
      for (; v < sent->last; v++)
        {
          const NkgTag *t = nkg_tag_at (c->in->tags, v);
          if (t->pos == NKG_POS_VERB && t->lemma && NKG_IN_LIST ("sign", t->lemma)
              && !(nkg_tok (c->in->seg, v)->flags & NKG_TOK_INQUOTE))
            break;
        }
      if (v >= sent->last)
        continue;
      nkg_rel_enter_sentence (c, s, here);
      guint k = v;
      while (k > c->first && nkg_rel_is_verb_filler (c, k - 1))
        k--;
      gint agreement = -1;
      if (heads_subject_before (c, k) && !nkg_rel_is_passive (c, v) && !nkg_rel_is_planned (c, v))
        agreement = nkg_rel_agreement_near (c, v, TRUE);
      c->here = saved_here;
      c->first = saved_first;
      c->last = saved_last;
      c->sentence = saved_sentence;
      if (agreement < 0)
        continue;
      g_array_set_size (people, 0);
      last_event_attendees (c, s, people);
      if (people->len < 2)
        continue;
      c->evidence = s;
      for (guint i = 0; i < people->len; i++)
        nkg_rel_fact (c, g_array_index (people, gint, i), NKG_PROP_SIGNED, agreement, NULL, conf);
    }
}
