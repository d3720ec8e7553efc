/* relations-groups.c — a whole group as the signer: "the heads of
 * delegation signed a joint communique", "the participating countries
 * signed the charter", resolved to the people the article names as
 * attending the meeting, or to the countries they represent (a section
 * of the relation patterns: see relations.c and data/patterns.txt, row
 * group-signers). Groups of two ("the two sides") are relations-sides.c's;
 * this reads the group noun once and decides: a group of three or more
 * states or of no stated size is the state officials who attended
 * (when three or more countries), else "the heads of delegation" are the
 * people who took part in the meeting told before (when two or more);
 * nothing when the article's set is not clear. */
#include "relations-private.h"

#include <stdlib.h>

/* The words of tokens [a, b) in lower case, one space between. */
static void
phrase_of (const Ctx *c, guint a, guint b, GString *out)
{
  g_string_truncate (out, 0);
  for (guint i = a; i < b; i++)
    {
      if (i > a)
        g_string_append_c (out, ' ');
      g_string_append (out, nkg_rel_tok (c, i)->lower);
    }
}

/* What the group subject of a signing verb stands for. */
typedef enum {
  GROUP_NONE,
  GROUP_PEOPLE,   /* list groupsigners: "the heads of delegation", "all ten leaders" */
  GROUP_STATES,   /* groupstates: "the participating countries" */
  GROUP_MINISTERS /* groupministers: "the ministers", "the energy ministers" */
} GroupKind;

typedef struct {
  GroupKind kind;  /* by the phrase, at the clause's start; GROUP_NONE when not */
  guint count;     /* a number before it ("the nine leaders"), else 0 */
  guint portfolio; /* GROUP_MINISTERS: the token of the remit word ("energy"), else 0 */
  gboolean heads;  /* "the heads of (the) delegation(s)", "the delegation heads"
                    * right before the verb (lists delegationhead,
                    * delegationnoun): every side's first person */
} GroupNoun;

/* Whether the words just before token e are "the heads of (the)
 * delegation(s)" or "the delegation heads", after "the" or "all" (not
 * "Chile's heads of delegation"). */
static gboolean
delegation_heads_before (const Ctx *c, guint e)
{
  if (e < c->first + 3)
    return FALSE;
  guint h;
  if (NKG_TOK_IN_LIST ("delegationhead", nkg_rel_tok (c, e - 1))
      && NKG_TOK_IN_LIST ("delegationnoun", nkg_rel_tok (c, e - 2)))
    h = e - 2; /* "the delegation heads" */
  else if (NKG_TOK_IN_LIST ("delegationnoun", nkg_rel_tok (c, e - 1)))
    {
      guint q = e - 1;
      if (q > c->first && nkg_rel_is (c, q - 1, "the"))
        q--;
      if (q < c->first + 3 || !nkg_rel_is (c, q - 1, "of") || !NKG_TOK_IN_LIST ("delegationhead", nkg_rel_tok (c, q - 2)))
        return FALSE;
      h = q - 2; /* "the heads of (the) delegation(s)" */
    }
  else
    return FALSE;
  return h > c->first && (nkg_rel_is (c, h - 1, "the") || nkg_rel_is (c, h - 1, "all"));
}

/* The group subject of the signing verb at v, the one reading of it: a
 * group of people, states or ministers the article names elsewhere
 * ("[Following the meeting,] the heads of delegation [also] signed",
 * "All ten members signed"), and whether it is the heads of delegation. */
static void
group_noun (const Ctx *c, guint v, GroupNoun *g)
{
  *g = (GroupNoun){ GROUP_NONE, 0, 0, FALSE };
  guint e = v;
  while (e > c->first && nkg_rel_is_verb_filler (c, e - 1))
    e--;
  g->heads = delegation_heads_before (c, e);
  /* "the member states of [the] Andean Forum", "the leaders of ASEAN":
   * the group is the words before "of" the body's name */
  gint body = nkg_rel_mention_ending_at (c, e);
  if (body >= 0 && nkg_class_coarse (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, (guint) body)))) == NKG_CLASS_ORG)
    {
      guint o = nkg_rel_mention (c, (guint) body)->first;
      if (o > c->first && nkg_rel_is (c, o - 1, "the"))
        o--;
      if (o > c->first + 1 && nkg_rel_is (c, o - 1, "of"))
        e = o - 1;
    }
  /* the phrase: words back to "the", "all", a number, a comma or the start */
  guint a = e;
  while (a > c->first && a + 6 > e)
    {
      const NkgToken *t = nkg_rel_tok (c, a - 1);
      if (!(t->flags & NKG_TOK_WORD) || (t->flags & NKG_TOK_NUM) || strcmp (t->lower, "the") == 0
          || strcmp (t->lower, "all") == 0 || nkg_rel_number_word (t->lower))
        break;
      a--;
    }
  if (a == e)
    return;
  g_autoptr (GString) phrase = g_string_new (NULL);
  phrase_of (c, a, e, phrase);
  GroupKind kind = NKG_IN_LIST ("groupsigners", phrase->str)  ? GROUP_PEOPLE
                   : NKG_IN_LIST ("groupstates", phrase->str) ? GROUP_STATES
                                                               : GROUP_NONE;
  guint portfolio = 0;
  /* "the ministers", "the energy ministers": officials whose title
   * names the office (and the remit word, when one is given) */
  if (!kind && NKG_TOK_IN_LIST ("groupministers", nkg_rel_tok (c, e - 1)) && e - a <= 2)
    {
      kind = GROUP_MINISTERS;
      portfolio = e - a == 2 ? a : 0;
      if (portfolio && (nkg_rel_tok (c, a)->flags & NKG_TOK_NUM))
        return;
    }
  if (!kind)
    return;
  guint count = 0;
  guint p = a;
  if (p > c->first)
    {
      const NkgToken *t = nkg_rel_tok (c, p - 1);
      guint x = (t->flags & NKG_TOK_NUM) ? (guint) atoi (t->text) : nkg_rel_number_word (t->lower);
      if (x)
        {
          count = x;
          p--;
        }
    }
  gboolean determined = FALSE;
  if (p > c->first && (nkg_rel_is (c, p - 1, "the") || nkg_rel_is (c, p - 1, "all")))
    {
      determined = TRUE;
      p--;
      if (p > c->first && nkg_rel_is (c, p - 1, "all"))
        p--;
    }
  /* a bare plural ("ministers signed") is no group named before */
  if (!determined && !count)
    return;
  /* "the" opens the sentence or follows its opening phrase's comma */
  if (p > c->first && strcmp (nkg_rel_tok (c, p - 1)->text, ",") != 0)
    return;
  if (count && count < 3)
    return;
  g->kind = kind;
  g->count = count;
  g->portfolio = portfolio;
}

/* The first agreement the sentence names after token v, or -1. */
static gint
agreement_after (const Ctx *c, guint v)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first <= v || m->in_quote || m->nested)
        continue;
      gint a = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, a) == NKG_CLASS_AGREEMENT)
        return a;
    }
  return -1;
}

/* Whether a person or country is already said to have signed agreement a. */
static gboolean
has_signer (Ctx *c, gint a, NkgClass klass)
{
  const GArray *fs = nkg_doc_facts_with_prop (c->facts, NKG_PROP_SIGNED);
  for (guint i = 0; fs && i < fs->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (fs, guint, i));
      if (f->object == a && nkg_rel_eclass (c, f->subject) == klass)
        return TRUE;
    }
  return FALSE;
}

/* Whether a person serves a state: represents a country, or works for
 * a government body ("Chairman of the Cabinet of Ministers"), not for a
 * bloc's secretariat or another organisation. */
static gboolean
state_official (Ctx *c, gint person)
{
  if (nkg_rel_eclass (c, person) != NKG_CLASS_PERSON)
    return FALSE;
  gint side = nkg_rel_represents_of (c, person);
  if (side >= 0)
    return nkg_rel_eclass (c, side) == NKG_CLASS_COUNTRY;
  const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) person);
  gboolean gov = FALSE;
  for (guint i = 0; about && i < about->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, i));
      if (f->prop != NKG_PROP_WORKS_FOR)
        continue;
      if (nkg_rel_eclass (c, f->object) != NKG_CLASS_GOV_ORG)
        return FALSE;
      gov = TRUE;
    }
  return gov;
}

/* Whether a person holds a minister's post ("Minister of Foreign
 * Affairs", not "Prime Minister") whose title has the word `remit`
 * ("foreign"), when one is asked for. */
static gboolean
minister_of (Ctx *c, gint person, const char *remit)
{
  const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) person);
  for (guint i = 0; about && i < about->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, i));
      if (f->prop != NKG_PROP_JOB_TITLE || !f->literal)
        continue;
      g_autofree char *t = g_ascii_strdown (f->literal, -1);
      if (strstr (t, "minister") && !strstr (t, "prime minister") && (!remit || strstr (t, remit)))
        return TRUE;
    }
  return FALSE;
}

/* The attendees of event ev (or, when ev < 0, of the article's one event
 * with the most of them) that serve a state, in `people`, with the
 * countries they represent in `states`; FALSE unless three or more
 * countries. */
static gboolean
attendees_of (Ctx *c, gint ev, GArray *people, GArray *states)
{
  const GArray *fs = nkg_doc_facts_with_prop (c->facts, NKG_PROP_ATTENDED);
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  gint best = ev;
  if (best < 0)
    {
      guint most = 0;
      gboolean tie = FALSE;
      for (guint i = 0; fs && i < fs->len; i++)
        {
          const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (fs, guint, i));
          if (!state_official (c, f->subject))
            continue;
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (f->object + 1))) + 1;
          g_hash_table_insert (counts, GINT_TO_POINTER (f->object + 1), GUINT_TO_POINTER (n));
          if (n > most)
            {
              most = n;
              best = f->object;
              tie = FALSE;
            }
          else if (n == most && f->object != best)
            tie = TRUE;
        }
      if (tie)
        return FALSE;
    }
  for (guint i = 0; fs && best >= 0 && i < fs->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (fs, guint, i));
      if (f->object != best || !state_official (c, f->subject))
        continue;
      nkg_rel_add_unique (people, f->subject);
      gint state = nkg_rel_represents_of (c, f->subject);
      if (state >= 0 && nkg_rel_eclass (c, state) == NKG_CLASS_COUNTRY)
        nkg_rel_add_unique (states, state);
    }
  return states->len >= 3;
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

/* The group's signers of agreement a by the attendees of event ev (the
 * signing's, or -1): its state officials, or the countries they
 * represent (in `who`, *states set); FALSE unless three or more
 * countries, no one of that kind yet said to have signed a, the
 * ministers all of the remit, and the number, when given, the count. */
static gboolean
attendees_sign (Ctx *c, const GroupNoun *g, gint a, gint ev, GArray *people, GArray *states, gboolean *as_states)
{
  *as_states = g->kind == GROUP_STATES;
  if (has_signer (c, a, *as_states ? NKG_CLASS_COUNTRY : NKG_CLASS_PERSON))
    return FALSE;
  g_array_set_size (people, 0);
  g_array_set_size (states, 0);
  if (!attendees_of (c, ev, people, states))
    return FALSE;
  /* the ministers: every attendee a minister of that remit, or none */
  const char *remit = g->portfolio ? nkg_rel_tok (c, g->portfolio)->lower : NULL;
  for (guint k = 0; g->kind == GROUP_MINISTERS && k < people->len; k++)
    if (!minister_of (c, g_array_index (people, gint, k), remit))
      return FALSE;
  return !g->count || g->count == (*as_states ? states->len : people->len);
}

/* "The meeting was attended by A of X, B of Y and C of Z. … Following
 * the meeting, the heads of delegation signed a joint communique": A, B
 * and C signed it; "the participating countries signed X": X, Y and Z
 * signed it and are its parties (attendees_sign). Else, "the heads of
 * delegation signed X" (a sign verb told as done, not planned, not
 * passive): each person who took part in the meeting told before signed
 * X, when the article names two or more. */
void
nkg_rel_doc_group_signers (Ctx *c, double conf)
{
  if (!nkg_doc_facts_with_prop (c->facts, NKG_PROP_ATTENDED))
    return;
  g_autoptr (NkgIntArray) here = nkg_int_array_new ();
  g_autoptr (NkgIntArray) places = nkg_int_array_new ();
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  g_autoptr (NkgIntArray) states = nkg_int_array_new ();
  GArray *saved_here = c->here;
  guint saved_first = c->first, saved_last = c->last, saved_sentence = c->sentence;
  for (guint s = 0; s < c->in->seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      guint v = 0;
      for (guint i = sent->first + 1; i < sent->last && !v; i++)
        {
          const NkgTag *t = nkg_tag_at (c->in->tags, i);
          if (t->pos == NKG_POS_VERB && t->lemma && NKG_IN_LIST ("sign", t->lemma)
              && !(nkg_tok (c->in->seg, i)->flags & NKG_TOK_INQUOTE))
            v = i;
        }
      if (!v)
        continue;
      nkg_rel_enter_sentence (c, s, here);
      GroupNoun g = { GROUP_NONE, 0, 0, FALSE };
      if (!nkg_rel_is_passive (c, v) && !nkg_rel_is_planned (c, v))
        group_noun (c, v, &g);
      gint a = g.kind ? agreement_after (c, v) : -1;
      char date[11];
      g_array_set_size (places, 0);
      gint ev = a >= 0 ? nkg_rel_signing_event (c, s, places, date) : -1;
      /* the heads of delegation: the agreement nearest the verb */
      gint ha = g.heads ? nkg_rel_agreement_near (c, v, TRUE) : -1;
      c->here = saved_here;
      c->first = saved_first;
      c->last = saved_last;
      c->sentence = saved_sentence;
      gboolean as_states = FALSE;
      if (a >= 0 && attendees_sign (c, &g, a, ev, people, states, &as_states))
        {
          c->evidence = s;
          const GArray *who = as_states ? states : people;
          for (guint k = 0; k < who->len; k++)
            {
              gint e = g_array_index (who, gint, k);
              nkg_rel_fact (c, e, NKG_PROP_SIGNED, a, NULL, conf);
              if (as_states)
                nkg_rel_fact (c, a, NKG_PROP_PARTY, e, NULL, conf);
            }
          continue;
        }
      if (ha < 0)
        continue;
      g_array_set_size (people, 0);
      last_event_attendees (c, s, people);
      if (people->len < 2)
        continue;
      c->evidence = s;
      for (guint i = 0; i < people->len; i++)
        nkg_rel_fact (c, g_array_index (people, gint, i), NKG_PROP_SIGNED, ha, NULL, conf);
    }
}
