/* relations-meetings.c — who met whom
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "textutil.h"

/* ---------------------------------------------------------------- meetings */

/* When the sentence's subject before token v is "He" or "She": the person
 * it stands for, the first one named in the nearest earlier sentence that
 * names one (news keeps its subject in focus); else -1. */
gint
nkg_rel_pronoun_subject (const Ctx *c, guint v)
{
  guint k = c->first;
  if (k >= v || !(nkg_rel_is (c, k, "he") || nkg_rel_is (c, k, "she")))
    return -1;
  /* The meeting verb follows the pronoun: "He also met", "She later
   * called on" — not "He said X met Y". */
  for (guint k2 = k + 1; k2 < v; k2++)
    if (!nkg_rel_is_verb_filler (c, k2) && !nkg_rel_is (c, k2, "later"))
      return -1;
  /* The first person of the latest sentence before this one that names
   * one; a pronoun's person is never a hundred sentences away. */
  for (guint s = c->sentence, n = 0; s-- > 0 && n < 100; n++)
    {
      guint lo, hi;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      for (guint i = lo; i < hi; i++)
        {
          NkgMention *m = nkg_rel_mention (c, i);
          if (m->in_quote || m->nested)
            continue;
          gint e = nkg_rel_entity (c, m);
          if (nkg_rel_eclass (c, e) == NKG_CLASS_PERSON)
            return e;
        }
    }
  return -1;
}

/* Removes from `people` every entity of `gone`. */
static void
drop_people (GArray *people, const GArray *gone)
{
  for (guint k = 0; k < gone->len; k++)
    for (guint j = people->len; j-- > 0;)
      if (g_array_index (people, gint, j) == g_array_index (gone, gint, k))
        g_array_remove_index (people, j);
}

void
nkg_rel_drop_represented (const Ctx *c, GArray *people)
{
  /* found once, asked of every word */
  const NkgWordList *standin = NKG_WORD_LIST ("standin");
  for (guint i = c->first; i + 2 < c->last; i++)
    {
      /* "A, representing Prime Minister B, attended": B was not there */
      guint after = nkg_rel_is (c, i, "representing") && i > c->first && strcmp (nkg_rel_tok (c, i - 1)->text, ",") == 0 ? i + 1 : 0;
      if (!after && nkg_rel_is (c, i, "on") && nkg_rel_is (c, i + 1, "behalf") && nkg_rel_is (c, i + 2, "of"))
        after = i + 3;
      /* "A stood in for President B", "A, filling in for B, …" (list
       * standinfor): B was not there */
      /* (the words of standinfor start with an "s" or an "f") */
      const char w0 = nkg_rel_tok (c, i)->lower[0];
      if (!after && (w0 == 's' || w0 == 'f') && i + 3 < c->last && nkg_rel_is (c, i + 1, "in") && nkg_rel_is (c, i + 2, "for")
          && NKG_TOK_IN_LIST ("standinfor", nkg_rel_tok (c, i)))
        after = i + 3;
      /* "A represented President B at the summit": B was not there; "B was
       * represented by A": nor was B (list standin) */
      if (!after && nkg_patterns_word_list_tok_has (standin, nkg_rel_tok (c, i)) && i > c->first)
        {
          gboolean passive = nkg_rel_is (c, i - 1, "was") || nkg_rel_is (c, i - 1, "were") || nkg_rel_is (c, i - 1, "is");
          if (passive && nkg_rel_is (c, i + 1, "by"))
            {
              g_autoptr (NkgIntArray) absent = nkg_int_array_new ();
              nkg_rel_collect (c, c->first, i - 1, absent, nkg_rel_want_person);
              drop_people (people, absent);
            }
          else if (!passive)
            after = i + 1;
        }
      if (!after)
        continue;
      g_autoptr (NkgIntArray) absent = nkg_int_array_new ();
      nkg_rel_collect_to (c, after, ",", absent, nkg_rel_want_person);
      drop_people (people, absent);
    }
}

/* "X met Y, the daughter of former prime minister Z": a relative's
 * kin (list kinnoun) named in apposition was not at the meeting. */
static void
drop_kin (const Ctx *c, guint from, guint end, GArray *people)
{
  for (guint i = from; i + 2 < end; i++)
    {
      if (!nkg_rel_is (c, i + 1, "of") || !NKG_TOK_IN_LIST ("kinnoun", nkg_rel_tok (c, i)))
        continue;
      guint stop = i + 2;
      while (stop < end && strcmp (nkg_rel_tok (c, stop)->text, ",") != 0)
        stop++;
      g_autoptr (NkgIntArray) kin = nkg_int_array_new ();
      nkg_rel_collect (c, i + 2, stop, kin, nkg_rel_want_person);
      drop_people (people, kin);
    }
}

/* "X received Y", "X welcomed Y to Delhi": a host meets the visitor named
 * right after the verb (not "welcomed the remarks of Y"). */
static void
host_received (Ctx *c, double conf)
{
  for (guint v = c->first + 1; v + 1 < c->last; v++)
    {
      if (!(nkg_rel_is (c, v, "received") || nkg_rel_is (c, v, "welcomed") || nkg_rel_is (c, v, "greeted") || nkg_rel_is (c, v, "hosted"))
          || (nkg_rel_tok (c, v)->flags & NKG_TOK_INQUOTE))
        continue;
      /* "X was received by Y at the airport": the same meeting, passive. */
      gboolean passive = nkg_rel_is_passive (c, v);
      /* "… was received at the airport by Y": a short place phrase
       * before "by" */
      guint by = v + 1;
      while (passive && !nkg_rel_is (c, by, "by") && by < v + 5 && by + 1 < c->last && !(nkg_rel_tok (c, by)->flags & NKG_TOK_CAP)
             && (nkg_tag_at (c->in->tags, by)->pos == NKG_POS_PREP || nkg_tag_at (c->in->tags, by)->pos == NKG_POS_DET
                 || nkg_tag_at (c->in->tags, by)->pos == NKG_POS_NOUN))
        by++;
      if (passive && !nkg_rel_is (c, by, "by"))
        continue;
      guint start = passive ? by + 1 : v + 1, k = start;
      while (k < c->last
             && ((nkg_rel_roles (c, k) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_COUNTERPART))
                 || nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, k)->text) || nkg_rel_is (c, k, "his") || nkg_rel_is (c, k, "her")
                 || (nkg_rel_tok (c, k)->flags & NKG_TOK_POSS)
                 /* "Deputy Prime Minister and Minister of Foreign Affairs
                  * and International Cooperation X": titles and remits */
                 || ((nkg_rel_roles (c, k) & NKG_W_PORTFOLIO) && k > v + 1)
                 || ((nkg_rel_is (c, k, "of") || nkg_rel_is (c, k, "for")) && k > v + 1 && k + 1 < c->last
                     && (nkg_rel_roles (c, k + 1) & (NKG_W_PORTFOLIO | NKG_W_TITLE)))))
        k++;
      gint om = -1;
      for (guint x = 0; x < c->here->len && om < 0; x++)
        {
          NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, x));
          if (!o->nested && (o->first == k || (o->cue_first == start && o->first >= k))
              && nkg_rel_eclass (c, nkg_rel_entity (c, o)) == NKG_CLASS_PERSON)
            om = g_array_index (c->here, guint, x);
        }
      /* "his Japanese counterpart Yuki Mori": a country mention first. */
      if (om < 0)
        {
          gint cm = nkg_rel_mention_starting_at (c, k);
          if (cm >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, cm))) == NKG_CLASS_COUNTRY)
            {
              guint k2 = nkg_rel_mention (c, cm)->last;
              while (k2 < c->last && ((nkg_rel_roles (c, k2) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_COUNTERPART))
                                      || (nkg_rel_tok (c, k2)->flags & NKG_TOK_POSS)))
                k2++;
              gint pm = nkg_rel_mention_starting_at (c, k2);
              if (pm >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, pm))) == NKG_CLASS_PERSON)
                om = pm;
            }
        }
      if (om < 0)
        continue;
      g_autoptr (NkgIntArray) people = nkg_int_array_new ();
      nkg_rel_collect (c, c->first, v, people, nkg_rel_want_person);
      if (!people->len && passive)
        {
          gint he = nkg_rel_pronoun_subject (c, c->first + 1);
          if (he >= 0)
            g_array_append_val (people, he);
        }
      if (people->len != 1)
        continue;
      nkg_rel_add_unique (people, nkg_rel_entity (c, nkg_rel_mention (c, om)));
      nkg_rel_met_pairs (c, people, conf * 0.9);
    }
}

/* Whether the meeting word at token i names a gathering the sentence's
 * people only attended or hosted: "A, B and C attended the ministers'
 * meeting", "took part in the X Talks", "X hosted the summit" — its
 * participants did not thereby meet one another. */
static gboolean
gathering_attended (const Ctx *c, guint i)
{
  /* "hosted the summit", "chaired the X Meeting": an event, not a guest. */
  if (NKG_TOK_IN_LIST ("hostverb", nkg_rel_tok (c, i)))
    {
      guint k = i + 1;
      while (k < c->last && (nkg_tag_at (c->in->tags, k)->pos == NKG_POS_DET || nkg_tag_at (c->in->tags, k)->pos == NKG_POS_NUM
                             || (nkg_rel_roles (c, k) & NKG_W_ORDINAL)))
        k++;
      gint m = nkg_rel_mention_starting_at (c, k);
      if (m >= 0)
        return nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, m))) == NKG_CLASS_EVENT;
      for (guint h = k; h < c->last && h < k + 4; h++)
        if (nkg_rel_roles (c, h) & NKG_W_EVENT)
          return TRUE;
      return FALSE;
    }
  if (!(nkg_rel_roles (c, i) & NKG_W_EVENT))
    return FALSE;
  /* Back over the noun phrase the word ends: "the annual Andean leaders'" */
  for (guint k = i; k > c->first && k + 8 > i; k--)
    {
      const NkgToken *t = nkg_rel_tok (c, k - 1);
      guint8 pos = nkg_tag_at (c->in->tags, k - 1)->pos;
      if (NKG_TOK_IN_LIST ("attendverb", t))
        return TRUE;
      /* "X chaired the meeting, taking over from Y": its one chair ran
       * it (not "A and B co-chaired the meeting": the two met; not "X
       * chaired talks with Y"). */
      if (NKG_TOK_IN_LIST ("chairverb", t) && !(k >= c->first + 3 && nkg_rel_is (c, k - 3, "co"))
          && !nkg_rel_is (c, i + 1, "with"))
        return TRUE;
      if (nkg_rel_is (c, k - 1, "in") && k >= c->first + 2 && NKG_TOK_IN_LIST ("partake", nkg_rel_tok (c, k - 2)))
        return TRUE;
      if (!(pos == NKG_POS_DET || pos == NKG_POS_ADJ || pos == NKG_POS_NOUN || pos == NKG_POS_PROPN || pos == NKG_POS_NUM
            || pos == NKG_POS_POSSMARK || (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_POSS | NKG_TOK_DASH))))
        return FALSE;
    }
  return FALSE;
}

static gboolean
in_array (const GArray *a, gint e)
{
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, gint, i) == e)
      return TRUE;
  return FALSE;
}

/* The persons of an "including" list after a group's noun (list
 * groupnoun: "leaders of nine nations, including A and B") between
 * tokens from and end, in a sentence that names an event: to `listed`. */
/* "In the presence of A and B, the two sides signed X, signed by C and
 * D": a fronted onlooker phrase, which ends at the comma after which no
 * person (nor "and") follows. Returns the token after that comma — where
 * those acting begin; C and D signed, they did not watch with A and B —
 * or c->first when the sentence does not open so. */
static guint
fronted_presence_close (const Ctx *c)
{
  if (c->first + 3 >= c->last || !nkg_rel_is (c, c->first, "in") || !nkg_rel_is (c, c->first + 1, "the")
      || !NKG_TOK_IN_LIST ("onlooknoun", nkg_rel_tok (c, c->first + 2)) || !nkg_rel_is (c, c->first + 3, "of"))
    return c->first;
  for (guint i = c->first + 4; i + 1 < c->last; i++)
    if (strcmp (nkg_rel_tok (c, i)->text, ",") == 0 && !nkg_rel_is (c, i + 1, "and") && nkg_rel_mention_starting_at (c, i + 1) < 0)
      return i + 1;
  return c->first;
}

static void
included_list (const Ctx *c, guint from, guint end, GArray *listed)
{
  gboolean event = FALSE;
  for (guint k = 0; k < c->here->len && !event; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      event = !m->in_quote && nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_EVENT;
    }
  for (guint i = from; event && i < end; i++)
    {
      /* "including A and B", "among them A and B" */
      if (!(nkg_rel_is (c, i, "including") || (nkg_rel_is (c, i, "among") && (nkg_rel_is (c, i + 1, "them") || nkg_rel_is (c, i + 1, "whom"))))
          || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
        continue;
      gboolean group = FALSE;
      /* back over "of Chile, Peru and Bolivia", not past a verb */
      for (guint k = i; k > from && i - k < 16 && !group; k--)
        {
          guint8 pos = nkg_tag_at (c->in->tags, k - 1)->pos;
          if (pos == NKG_POS_VERB || pos == NKG_POS_AUX)
            break;
          group = NKG_TOK_IN_LIST ("groupnoun", nkg_rel_tok (c, k - 1));
        }
      if (!group)
        continue;
      /* the list runs to the clause's next verb or a closing comma */
      guint stop = i + 1;
      while (stop < end && nkg_tag_at (c->in->tags, stop)->pos != NKG_POS_VERB && nkg_tag_at (c->in->tags, stop)->pos != NKG_POS_AUX)
        stop++;
      nkg_rel_collect (c, i + 1, stop, listed, nkg_rel_want_person);
      return;
    }
}

/* Whether the meeting word at token i is a word of a named event's name
 * ("the ASEAN Foreign Ministers' Meeting", "the Coral Reef Ministers
 * Meeting") of many sides: those the sentence names at it attended it and
 * did not thereby meet one another. */
static gboolean
named_gathering (const Ctx *c, guint i)
{
  if (!(nkg_rel_tok (c, i)->flags & NKG_TOK_CAP))
    return FALSE;
  for (guint x = 0; x < c->here->len; x++)
    {
      const NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, x));
      if (m->first > i)
        break;
      if (m->last <= i || nkg_rel_eclass (c, nkg_rel_entity (c, m)) != NKG_CLASS_EVENT)
        continue;
      /* "the Japan-Philippines Foreign Ministers' Meeting", "the Meeting
       * of the Joint Commission": two sides, who met (list twosided) */
      for (guint k = m->first; k < m->last; k++)
        if ((nkg_rel_tok (c, k)->flags & NKG_TOK_DASH) || NKG_TOK_IN_LIST ("twosided", nkg_rel_tok (c, k)))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Whether the meeting noun at token i is the object of a verb of a plan:
 * "were due to hold their final meeting", "agreed to hold talks". */
static gboolean
meeting_noun_planned (const Ctx *c, guint i)
{
  if (nkg_tag_at (c->in->tags, i)->pos != NKG_POS_NOUN || (nkg_rel_tok (c, i)->flags & NKG_TOK_CAP))
    return FALSE;
  guint k = i;
  while (k > c->first && i - k < 4)
    {
      guint8 pos = nkg_tag_at (c->in->tags, k - 1)->pos;
      if (pos != NKG_POS_DET && pos != NKG_POS_POSS && pos != NKG_POS_ADJ && pos != NKG_POS_NUM)
        break;
      k--;
    }
  return k > c->first + 1 && nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_VERB && nkg_rel_is_planned (c, k - 1);
}

/* The verb of the meeting the trigger at v tells, where its subject
 * ends: "paid a courtesy call", "held bilateral talks": the verb whose
 * object the meeting noun is; "At the meeting, A met B and C", "On the
 * sidelines of the meeting, A held talks with B": past the fronted
 * phrase, to the first meeting word after its comma; else v itself. */
static guint
meeting_verb (const Ctx *c, guint v, guint end)
{
  guint t = v;
  guint8 open = nkg_tag_at (c->in->tags, c->first)->pos;
  if (open == NKG_POS_PREP || (open == NKG_POS_SCONJ && c->first + 1 < end && nkg_tag_at (c->in->tags, c->first + 1)->pos == NKG_POS_DET))
    {
      guint comma = c->first;
      while (comma < end && strcmp (nkg_rel_tok (c, comma)->text, ",") != 0)
        comma++;
      for (guint k = comma + 1; v < comma && k < end; k++)
        if ((nkg_rel_roles (c, k) & NKG_W_MEET) && !(nkg_rel_tok (c, k)->flags & NKG_TOK_INQUOTE))
          {
            t = k;
            break;
          }
    }
  /* (a tagger may read "talks" as a verb: the verb before it wins) */
  guint8 pos;
  guint k = t;
  while (k > c->first
         && ((pos = nkg_tag_at (c->in->tags, k - 1)->pos) == NKG_POS_DET || pos == NKG_POS_ADJ || pos == NKG_POS_NUM))
    k--;
  return k > c->first && nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_VERB ? k - 1 : t;
}

/* Whether the meeting noun at i is the object of a verb of holding
 * (list meetwithverb): "had bilateral meetings with", not "during his
 * meetings with". */
static gboolean
held_noun (const Ctx *c, guint i)
{
  guint k = i;
  while (k > c->first && (nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_ADJ || nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_NUM))
    k--;
  return k > c->first && NKG_TOK_IN_LIST ("meetwithverb", nkg_rel_tok (c, k - 1));
}

/* Whether the meal noun at i is the object of a verb of holding (list
 * meetwithverb, or "hosted"), past an article and modifiers: "had dinner
 * with", "held a working lunch with" — not "during the dinner with". */
static gboolean
held_meal (const Ctx *c, guint i)
{
  guint k = i;
  guint8 pos;
  while (k > c->first && i - k < 3
         && ((pos = nkg_tag_at (c->in->tags, k - 1)->pos) == NKG_POS_ADJ || pos == NKG_POS_DET || pos == NKG_POS_NUM
             || nkg_rel_is (c, k - 1, "working")))
    k--;
  return k > c->first && (NKG_TOK_IN_LIST ("meetwithverb", nkg_rel_tok (c, k - 1)) || nkg_rel_is (c, k - 1, "hosted"))
         && !nkg_rel_is_planned (c, k - 1);
}

/* Whether the event word at i heads a joint appearance before
 * reporters: "a joint press conference", "a joint news conference" (lists
 * jointpress, jointbriefing), not one planned ("will hold a joint press conference"),
 * refused ("did not hold") or only talked of ("on holding a …"). */
static gboolean
joint_press (const Ctx *c, guint i)
{
  if (i < c->first + 2 || !nkg_rel_is (c, i - 2, "joint") || !NKG_TOK_IN_LIST ("jointbriefing", nkg_rel_tok (c, i))
      || !NKG_TOK_IN_LIST ("jointpress", nkg_rel_tok (c, i - 1)))
    return FALSE;
  guint k = i - 2;
  while (k > c->first && i - k < 6 && nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_DET)
    k--;
  if (k <= c->first || nkg_tag_at (c->in->tags, k - 1)->pos != NKG_POS_VERB)
    return TRUE;
  /* "no agreement on holding a joint press conference" */
  return !nkg_rel_is_planned (c, k - 1) && !g_str_has_suffix (nkg_rel_tok (c, k - 1)->lower, "ing");
}

/* Whether a meeting word (not a plan) is among tokens [from, end). */
static gboolean
meeting_word_in (const Ctx *c, guint from, guint end)
{
  for (guint k = from; k < end; k++)
    if ((nkg_rel_roles (c, k) & (NKG_W_MEET | NKG_W_SIGN)) && !(nkg_rel_tok (c, k)->flags & NKG_TOK_INQUOTE)
        && !nkg_rel_is_planned (c, k))
      return TRUE;
  return FALSE;
}

/* The separator of a clause ", and C met D" or "; C met D" after the
 * meeting word at v and before end — a person right after it with a
 * meeting word of its own within ten tokens — and in *second the
 * clause's first token; else end. */
static guint
next_meeting_clause (const Ctx *c, guint v, guint end, guint *second)
{
  for (guint i = v + 1; i + 2 < end; i++)
    {
      const char *x = nkg_rel_tok (c, i)->text;
      guint p = x[0] == ';' && !x[1] ? i + 1 : x[0] == ',' && !x[1] && nkg_rel_is (c, i + 1, "and") ? i + 2 : 0;
      for (guint k = 0; p && k < c->here->len; k++)
        {
          NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          if ((o->first == p || o->cue_first == p) && !o->nested && nkg_rel_eclass (c, nkg_rel_entity (c, o)) == NKG_CLASS_PERSON
              && o->last < end && meeting_word_in (c, o->last, MIN (end, o->last + 10)))
            {
              *second = p;
              return i;
            }
        }
    }
  return end;
}

/* "SEOUL, Aug 12 — Philippine Foreign Secretary A met B and also called
 * on C": the first person of the sentence, before the trigger at token v,
 * when only a dateline, a demonym and titles come before the name and no
 * list goes on after it; or NULL. */
static NkgMention *
lead_subject (const Ctx *c, guint v)
{
  NkgMention *o = NULL, *dateline = NULL;
  for (guint k = 0; k < c->here->len && !o; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->last > v)
        break;
      if (m->dateline)
        dateline = m;
      else if (!m->nested && nkg_rel_eclass (c, nkg_rel_entity (c, m)) == NKG_CLASS_PERSON)
        o = m;
    }
  /* "A, B's C and D held talks": a list of subjects, none alone */
  if (!o || nkg_rel_is (c, o->last, "and") || strcmp (nkg_rel_tok (c, o->last)->text, ",") == 0)
    return NULL;
  guint start = MIN (o->first, o->cue_first);
  for (;;)
    {
      guint n;
      if (start > c->first && (nkg_rel_roles (c, start - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_PORTFOLIO)))
        start--;
      else if (nkg_rel_demonym_before (c, start, &n))
        start -= n;
      else
        break;
    }
  if (start == c->first)
    return o;
  /* "SEOUL, Aug 12 —" or "SEOUL (Kyodo) -": the dateline's dash */
  const char *t = nkg_rel_tok (c, start - 1)->text;
  if (dateline && (strcmp (t, "—") == 0 || strcmp (t, "–") == 0 || strcmp (t, "-") == 0 || strcmp (t, "--") == 0))
    return o;
  return NULL;
}

/* Whether token i is "chaired" of "co-chaired" (list chairverb), held,
 * with its co-chairs right before it or after "by". */
static gboolean
co_chairs (const Ctx *c, guint i)
{
  if (i < c->first + 2 || !nkg_rel_is (c, i - 2, "co") || strcmp (nkg_rel_tok (c, i - 1)->text, "-") != 0
      || !NKG_TOK_IN_LIST ("chairverb", nkg_rel_tok (c, i)) || nkg_rel_is_planned (c, i))
    return FALSE;
  if (nkg_rel_is (c, i + 1, "by"))
    return TRUE;
  gint m = nkg_rel_mention_ending_at (c, i - 2);
  return m >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, m))) == NKG_CLASS_PERSON;
}

/* "A spoke by phone with his counterpart B", "A and B held a video
 * call": talk at a distance (patterns.txt remotecue) is no meeting. */
static gboolean
spoke_at_a_distance (const Ctx *c)
{
  for (guint i = c->first; i < c->last; i++)
    if (!(nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE)
        && (NKG_TOK_IN_LIST ("remotecue", nkg_rel_tok (c, i)) || (nkg_rel_is (c, i, "video") && nkg_rel_is (c, i + 1, "call"))))
      return TRUE;
  return FALSE;
}

/* "A met B last year", "… met B in 2019", "… two years ago": a past
 * meeting told as background, not the one the article reports (the
 * meeting's own phrase, up to a comma after its trigger `v`). */
static gboolean
met_before_the_news (const Ctx *c, guint v)
{
  long year = c->in->date ? strtol (c->in->date, NULL, 10) : 0;
  for (guint i = v + 1; i + 1 < c->last && i < v + 12 && strcmp (nkg_rel_tok (c, i)->text, ",") != 0; i++)
    {
      const char *next = nkg_rel_tok (c, i + 1)->text;
      if ((nkg_rel_is (c, i, "last") && nkg_rel_is (c, i + 1, "year"))
          || ((nkg_rel_is (c, i, "year") || nkg_rel_is (c, i, "years")) && nkg_rel_is (c, i + 1, "ago")))
        return TRUE;
      if (nkg_rel_is (c, i, "in") && year > 0 && strlen (next) == 4 && g_ascii_isdigit (next[0]) && strtol (next, NULL, 10) >= 1900
          && strtol (next, NULL, 10) < year && !(i + 2 < c->last && nkg_rel_is (c, i + 2, "-")))
        return TRUE;
    }
  return FALSE;
}

/* "The Secretary-General met Prime Minister X", "the Defence Minister
 * also held talks with Y": a subject that is "the" and a title, with only
 * verb fillers before the meeting verb `verb`, stands for the one person
 * the article gives that title (its jobTitle facts: the titles pattern
 * runs first); -1 when no one or several hold it. */
static gint
described_subject (const Ctx *c, guint verb)
{
  guint k = c->first;
  if (k + 2 > verb || !nkg_rel_is (c, k, "the"))
    return -1;
  guint t0 = k + 1;
  /* "the UN Secretary-General": the body's acronym before the title */
  if ((nkg_rel_tok (c, t0)->flags & NKG_TOK_UPPER) && t0 + 1 < verb)
    t0++;
  guint t = t0;
  gboolean head = FALSE;
  while (t < verb)
    {
      guint r = nkg_rel_roles (c, t);
      if (r & (NKG_W_TITLE | NKG_W_TITLEMOD))
        head |= (r & NKG_W_TITLE) != 0;
      /* "Secretary-General" */
      else if (!((nkg_rel_tok (c, t)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, t)->flags & NKG_TOK_SPACE) && t > t0))
        break;
      t++;
    }
  if (!head)
    return -1;
  for (guint x = t; x < verb; x++)
    if (!nkg_rel_is_verb_filler (c, x) && !nkg_rel_is (c, x, "later"))
      return -1;
  const NkgSegments *seg = c->in->seg;
  g_autofree char *office = g_utf8_strdown (seg->text + nkg_tok (seg, t0)->start, nkg_tok (seg, t - 1)->end - nkg_tok (seg, t0)->start);
  gint who = -1;
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      NkgLocalFact *g = g_ptr_array_index (c->facts->facts, i);
      if (g->prop != NKG_PROP_JOB_TITLE || !g->literal || (gint) g->subject == who)
        continue;
      g_autofree char *lower = g_utf8_strdown (g->literal, -1);
      if (!strstr (lower, office))
        continue;
      if (who >= 0)
        return -1;
      who = g->subject;
    }
  return who;
}

gboolean
nkg_rel_meeting_words (const Ctx *c)
{
  for (guint i = c->first; i < c->last; i++)
    {
      const char *w = nkg_rel_tok (c, i)->lower;
      if ((w[0] == 'c'
           && (strcmp (w, "co") == 0 || strcmp (w, "counterpart") == 0 || strcmp (w, "called") == 0 || strcmp (w, "courtesy") == 0))
          || (w[0] == 'w' && i > c->first && strcmp (w, "with") == 0 && NKG_TOK_IN_LIST ("mealnoun", nkg_rel_tok (c, i - 1))))
        return TRUE;
    }
  return FALSE;
}

void
nkg_rel_pattern_meeting (Ctx *c, double conf)
{
  host_received (c, conf);
  /* Every trigger below needs a word of role meet, sign or event, or
   * one of nkg_rel_meeting_words: a sentence with none has no meeting. */
  if (!(nkg_rel_sentence_roles (c) & (NKG_W_MEET | NKG_W_SIGN | NKG_W_EVENT)) && !nkg_rel_meeting_words (c))
    return;
  gboolean trigger = FALSE, plan = FALSE;
  guint v = c->last;
  /* "X will meet his counterpart Y": a meeting planned, not held. */
  for (guint i = c->first; i < c->last && !plan; i++)
    plan = !(nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE) && (nkg_rel_roles (c, i) & NKG_W_MEET)
           && (nkg_rel_tok (c, i)->flags & NKG_TOK_CAP) == 0 && nkg_rel_is_planned (c, i);
  for (guint i = c->first; i < c->last; i++)
    {
      if (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE)
        continue;
      guint r = nkg_rel_roles (c, i);
      const char *w = nkg_rel_tok (c, i)->lower;
      /* "A, B and C co-chaired the dialogue", "the talks, co-chaired by A
       * and B": the co-chairs met (not "A, who co-chaired X, said …") */
      if (i >= c->first + 2 && nkg_rel_is (c, i - 2, "co") && co_chairs (c, i))
        {
          trigger = TRUE;
          v = MIN (v, i);
          continue;
        }
      /* "has sought talks with", "agreed to meet": not yet a meeting */
      if ((r & NKG_W_MEET) && (nkg_rel_is_planned (c, i) || meeting_noun_planned (c, i) || gathering_attended (c, i) || named_gathering (c, i)))
        continue;
      /* Attending the same event is no meeting ("the summit was attended
       * by A, B and C"); the attendance is `attended`. */
      if ((r & NKG_W_MEET) || ((r & NKG_W_SIGN) && !nkg_rel_is_planned (c, i)) || (strcmp (w, "counterpart") == 0 && !plan)
          /* "called on the Prime Minister": a courtesy meeting */
          || (strcmp (w, "called") == 0 && nkg_rel_is (c, i + 1, "on") && i + 2 < c->last
              && !nkg_date_weekday (nkg_rel_tok (c, i + 2)->text))
          /* "had bilateral meetings with X", "held discussions with X" */
          /* (an event noun first: the test runs on every word) */
          || ((r & NKG_W_EVENT) && i + 1 < c->last && nkg_rel_is (c, i + 1, "with") && NKG_TOK_IN_LIST ("meetwith", nkg_rel_tok (c, i))
              && held_noun (c, i) && !meeting_noun_planned (c, i))
          /* "had dinner with X", "held a working lunch with X" (list
           * mealnoun; the next word's first letter first: the test runs
           * on every word) */
          || (i + 1 < c->last && nkg_rel_tok (c, i + 1)->lower[0] == 'w' && nkg_rel_is (c, i + 1, "with")
              && NKG_TOK_IN_LIST ("mealnoun", nkg_rel_tok (c, i)) && held_meal (c, i))
          /* "A and B … during a joint press conference" (an event word
           * first: the test runs on every word) */
          || ((r & NKG_W_EVENT) && joint_press (c, i))
          /* "paid a courtesy call on X", "received a courtesy call from X" */
          || (strcmp (w, "courtesy") == 0 && i + 1 < c->last && NKG_TOK_IN_LIST ("courtesy", nkg_rel_tok (c, i + 1))))
        {
          trigger = TRUE;
          v = MIN (v, i);
        }
    }
  if (!trigger || spoke_at_a_distance (c) || met_before_the_news (c, v))
    return;
  /* Persons acting together, but not the ones who only watched. */
  guint end = c->last, watch = c->last, fronted = fronted_presence_close (c);
  if (fronted > c->first)
    watch = c->first + 2;
  for (guint i = fronted; i < c->last; i++)
    if (nkg_rel_is (c, i, "witnessed") || nkg_rel_is (c, i, "witnessing") || nkg_rel_is (c, i, "looks") || nkg_rel_is (c, i, "looking")
        /* "… signed by A and B in the presence of C and D" */
        || (nkg_rel_is (c, i, "presence") && i >= c->first + 2 && nkg_rel_is (c, i - 1, "the") && nkg_rel_is (c, i - 2, "in"))
        || nkg_rel_is (c, i, "watches") || nkg_rel_is (c, i, "watched") || nkg_rel_is (c, i, "watching")
        /* "… in a ceremony attended by C and D": guests who were there
         * together, not a meeting among them (co-attendance is not met) */
        || (nkg_rel_is (c, i, "attended") && nkg_rel_is (c, i + 1, "by"))
        /* "…, with A and B as witnesses": onlookers named by their role */
        || (NKG_TOK_IN_LIST ("watchnoun", nkg_rel_tok (c, i)) && i > c->first && nkg_rel_is (c, i - 1, "as")))
      {
        end = i;
        watch = i;
        /* "…, with A, B and C as witnesses": back to the list's "with" */
        if (NKG_TOK_IN_LIST ("watchnoun", nkg_rel_tok (c, i)))
          {
            for (guint k = i - 1; k > c->first && i - k < 32; k--)
              if (nkg_rel_is (c, k - 1, "with"))
                {
                  end = k - 1;
                  break;
                }
            break;
          }
        /* "… exchange pens as Chilean President Reyes watches" */
        for (guint k = i; k > c->first && i - k < 8; k--)
          if (nkg_rel_is (c, k - 1, "as") || nkg_rel_is (c, k - 1, "while") || nkg_rel_is (c, k - 1, "with"))
            {
              end = k - 1;
              break;
            }
        break;
      }
  /* "A said B met C", "B met C, A told reporters": the one who reports
   * a meeting is not in it. */
  guint from = fronted;
  const NkgWordList *saidverb = NKG_WORD_LIST ("saidverb");
  for (guint i = c->first + 1; i < c->last; i++)
    {
      if ((nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE) || !nkg_patterns_word_list_tok_has (saidverb, nkg_rel_tok (c, i)))
        continue;
      /* "X told his counterpart Y": Y was told in person; "X told the
       * meeting that Y had …": Y is in what was told (not "X told the
       * meeting of leaders, including Y"). */
      if ((nkg_rel_is (c, i, "told") || nkg_rel_is (c, i, "tells")) && !nkg_rel_is (c, i + 1, "reporters")
          && !nkg_rel_is (c, i + 1, "journalists"))
        {
          if (i + 1 == v || (i + 2 == v && nkg_rel_is (c, i + 1, "the")))
            for (guint k = v + 1; k < c->last && k < v + 3; k++)
              if (nkg_rel_is (c, k, "that"))
                end = MIN (end, k);
          continue;
        }
      /* "A said after meeting B …" is A's own meeting: only a clause of
       * its own ("said that B", "said B met C") reports others'. */
      guint next = i + 1 + (nkg_rel_is (c, i + 1, "reporters") || nkg_rel_is (c, i + 1, "journalists"));
      if (i < v && !nkg_rel_is (c, next, "that") && nkg_rel_mention_starting_at (c, next) < 0
          && !(nkg_rel_tok (c, next)->flags & NKG_TOK_CAP))
        break;
      if (i < v)
        from = next + nkg_rel_is (c, next, "that");
      /* "During the meeting, A said B had proposed …": those A reports on
       * are not in the meeting with him (the trigger a noun). */
      else if (nkg_tag_at (c->in->tags, v)->pos == NKG_POS_NOUN && (nkg_rel_roles (c, v) & NKG_W_MEET)
               && (nkg_rel_is (c, next, "that") || nkg_rel_mention_starting_at (c, next) >= 0
                   || (nkg_rel_tok (c, next)->flags & NKG_TOK_CAP)))
        end = MIN (end, i);
      /* "…, A told reporters on Monday.": the report closes the sentence
       * (not "…, A noted that B's visit …"). */
      else if (c->last <= i + 5 && !nkg_rel_is (c, i + 1, "that"))
        for (guint k = i; k > v; k--)
          if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0)
            {
              end = MIN (end, k);
              break;
            }
      break;
    }
  /* "A met B on the sidelines, where C and D also spoke", "…, a day
   * after C visited Quito": a clause of its own after the meeting's is
   * another matter. */
  for (guint i = v + 1; i + 1 < end; i++)
    if (strcmp (nkg_rel_tok (c, i)->text, ",") == 0)
      {
        gboolean clause = FALSE;
        for (guint k = i + 1; k < end && k < i + 4 && !clause; k++)
          clause = NKG_TOK_IN_LIST ("clauseopen", nkg_rel_tok (c, k));
        if (clause)
          {
            end = i;
            break;
          }
      }
  /* "A, who met B in May, will host C": the meeting is the relative
   * clause's, when the main clause tells none */
  for (guint i = from; i + 1 < v; i++)
    if (nkg_rel_tok (c, i)->text[0] == ',' && nkg_rel_is (c, i + 1, "who"))
      {
        guint j = v + 1;
        while (j < end && strcmp (nkg_rel_tok (c, j)->text, ",") != 0)
          j++;
        if (j < end && !meeting_word_in (c, j + 1, end))
          end = j;
        break;
      }
  /* "A met B in Lima, and C met D in Quito": each clause its own meeting */
  guint second = end, sep = next_meeting_clause (c, v, end, &second);
  if (sep < end)
    {
      end = sep;
      guint first = c->first;
      c->first = second;
      nkg_rel_pattern_meeting (c, conf);
      c->first = first;
    }
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, from, end, people, nkg_rel_want_person);
  nkg_rel_drop_represented (c, people);
  drop_kin (c, from, end, people);
  /* "A, who arrived with B, met C": B is in a clause of its own; "A,
   * accompanied by B, met C": B came in A's party, not to meet A. */
  for (guint i = from; i + 2 < v; i++)
    if (strcmp (nkg_rel_tok (c, i)->text, ",") == 0
        && (nkg_rel_is (c, i + 1, "who") || nkg_rel_is (c, i + 1, "which")
            || (nkg_rel_is (c, i + 1, "accompanied") && nkg_rel_is (c, i + 2, "by"))))
      {
        guint j = i + 2;
        while (j < v && strcmp (nkg_rel_tok (c, j)->text, ",") != 0)
          j++;
        if (j >= v)
          break;
        g_autoptr (NkgIntArray) aside = nkg_int_array_new ();
        nkg_rel_collect (c, i + 2, j, aside, nkg_rel_want_person);
        drop_people (people, aside);
        i = j;
      }
  /* "He also called on Prime Minister X and met Chairman Y": the one
   * before met each of them; they did not meet one another. */
  /* (past "held" of "He held talks with": the verb of the trigger) */
  guint verb = meeting_verb (c, v, end);
  gint he = nkg_rel_pronoun_subject (c, verb);
  if (he < 0)
    he = described_subject (c, verb);
  if (he >= 0)
    {
      for (guint i = 0; i < people->len; i++)
        {
          gint pair[2] = { he, g_array_index (people, gint, i) };
          g_autoptr (NkgIntArray) two = nkg_int_array_new ();
          g_array_append_vals (two, pair, 2);
          nkg_rel_met_pairs (c, two, conf * 0.9);
        }
      return;
    }
  /* "The UNICEF chief met A and B", "the delegation held meetings with A
   * and B": a subject that names no person met
   * each of them; they did not meet one another, and who met them is
   * not known here. */
  if ((nkg_rel_is (c, v, "met") || nkg_rel_is (c, v, "meets") || NKG_TOK_IN_LIST ("meetwith", nkg_rel_tok (c, v))) && v > from
      && people->len >= 2)
    {
      g_autoptr (NkgIntArray) subjects = nkg_int_array_new ();
      nkg_rel_collect (c, from, v, subjects, nkg_rel_want_person);
      if (!subjects->len)
        return;
    }
  /* "X hosted the two leaders": the pair who signed last. */
  for (guint i = c->first; i + 2 < end; i++)
    if ((nkg_rel_is (c, i, "two") || nkg_rel_is (c, i, "both")) && nkg_rel_is (c, i + 1, "leaders") && c->last_leaders->len == 2)
      {
        g_autoptr (GArray) all = g_array_copy (people);
        for (guint k = 0; k < c->last_leaders->len; k++)
          nkg_rel_add_unique (all, g_array_index (c->last_leaders, gint, k));
        nkg_rel_met_pairs (c, all, conf * 0.8);
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
          NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          if ((o->first == from || o->cue_first == from) && !o->nested
              && nkg_rel_eclass (c, nkg_rel_entity (c, o)) == NKG_CLASS_PERSON)
            fm = o;
        }
      /* "On the sidelines of X, A met B and C": the subject right before
       * the verb, past a fronted phrase ("…, A also paid a courtesy call
       * on B and met C": the verb before the noun) */
      for (guint k = 0; k < c->here->len && !fm && from == c->first; k++)
        {
          NkgMention *o = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          guint e = o->last;
          while (e < verb && nkg_rel_is_verb_filler (c, e))
            e++;
          guint start = o->first;
          while (start > c->first && (nkg_rel_roles (c, start - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC)))
            start--;
          if (e == verb && !o->nested && start > c->first + 1 && strcmp (nkg_rel_tok (c, start - 1)->text, ",") == 0
              && nkg_rel_eclass (c, nkg_rel_entity (c, o)) == NKG_CLASS_PERSON)
            {
              /* the fronted phrase holds no person: "A, B and C met" is a list */
              g_autoptr (NkgIntArray) before = nkg_int_array_new ();
              nkg_rel_collect (c, c->first, start, before, nkg_rel_want_person);
              if (!before->len)
                fm = o;
            }
        }
      if (!fm && from == c->first)
        fm = lead_subject (c, v);
      if (fm)
        {
          guint after = fm->last;
          /* "A, Defence Minister B and Defence Secretary C held
           * trilateral talks": the titles and the nationality before the
           * next name of a list of subjects */
          guint next = after + 1, n;
          while (next < c->last
                 && ((nkg_rel_roles (c, next) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_PORTFOLIO))
                     || ((nkg_rel_tok (c, next)->flags & NKG_TOK_DASH) && !(nkg_rel_tok (c, next)->flags & NKG_TOK_SPACE))))
            next++;
          if (next < c->last && next == after + 1 && nkg_rel_demonym_before (c, next + 1, &n) && n == 1)
            next++;
          while (next < c->last && (nkg_rel_roles (c, next) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_HONORIFIC | NKG_W_PORTFOLIO)))
            next++;
          gboolean coordinated = nkg_rel_is (c, after, "and")
                                 || (after < c->last && strcmp (nkg_rel_tok (c, after)->text, ",") == 0
                                     && next < c->last && nkg_rel_mention_starting_at (c, next) >= 0
                                     && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, nkg_rel_mention_starting_at (c, next))))
                                          == NKG_CLASS_PERSON);
          if (!coordinated)
            subject = nkg_rel_entity (c, fm);
        }
    }
  if (subject >= 0)
    {
      for (guint i = 0; i < people->len; i++)
        {
          gint pair[2] = { subject, g_array_index (people, gint, i) };
          g_autoptr (NkgIntArray) two = nkg_int_array_new ();
          g_array_append_vals (two, pair, 2);
          nkg_rel_met_pairs (c, two, conf);
        }
    }
  else
    {
      /* "Leaders of nine nations, including A and B, met in Quito for the
       * X Summit": examples from a group at a named gathering, who met
       * none of the others by it; those outside the list still meet each. */
      g_autoptr (NkgIntArray) listed = nkg_int_array_new ();
      included_list (c, from, end, listed);
      if (listed->len < 2)
        nkg_rel_met_pairs (c, people, conf);
      else
        for (guint i = 0; i < people->len; i++)
          for (guint j = i + 1; j < people->len; j++)
            {
              gint pair[2] = { g_array_index (people, gint, i), g_array_index (people, gint, j) };
              if (in_array (listed, pair[0]) && in_array (listed, pair[1]))
                continue;
              g_autoptr (NkgIntArray) two = nkg_int_array_new ();
              g_array_append_vals (two, pair, 2);
              nkg_rel_met_pairs (c, two, conf);
            }
    }
  /* "… was witnessed by Prime Minister X and Premier Y as …": those who
   * watched together were together. */
  if (watch < c->last && (nkg_rel_is (c, watch, "witnessed") || nkg_rel_is (c, watch, "presence")))
    {
      guint stop = watch + 1;
      while (stop < c->last && !nkg_rel_is (c, stop, "as") && !nkg_rel_is (c, stop, "while") && !nkg_rel_is (c, stop, "when")
             && !nkg_rel_is (c, stop, "after") && (fronted == c->first || stop + 1 < fronted))
        stop++;
      g_autoptr (NkgIntArray) watchers = nkg_int_array_new ();
      nkg_rel_collect (c, watch + 1, stop, watchers, nkg_rel_want_person);
      nkg_rel_met_pairs (c, watchers, conf * 0.8);
    }
}
