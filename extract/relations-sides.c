/* relations-sides.c — whose side a person is on when the phrase that names
 * them does not say it, but a phrase of the same sentence does: "on behalf
 * of the Government of Peru", "Peruvian side: X", "Peru's delegation was
 * led by X", "X was accompanied by Y" (a section of the relation patterns:
 * see relations.c and data/patterns.txt, rows side-*). Each gives
 * `represents` only to a person who represents no one yet, so a title that
 * names the country ("Minister of Mines of Chile") keeps the last word. */
#include "relations-private.h"
#include "docindex.h"
#include "tagger.h"

/* Whether the words from token i on spell an entry of list `l` (phrases
 * of up to four words: "on behalf of"); their count in *len. Asked at
 * every token of every sentence: the words go into a buffer on the
 * stack, and a word no entry starts with (by its first letter) or a
 * phrase longer than every entry that does is turned away at once. */
static gboolean
phrase_at (const Ctx *c, guint i, const NkgWordList *l, guint *len)
{
  char words[128];
  gsize n = 0, longest = nkg_patterns_word_list_longest (l, *nkg_rel_tok (c, i)->lower);
  if (!longest)
    return FALSE;
  for (guint k = 1; k <= 4 && i + k <= c->last; k++)
    {
      const char *w = nkg_rel_tok (c, i + k - 1)->lower;
      gsize wl = strlen (w);
      if (n + wl + 2 > sizeof words || n + wl + (k > 1) > longest)
        return FALSE;
      if (k > 1)
        words[n++] = ' ';
      memcpy (words + n, w, wl + 1);
      n += wl;
      if (nkg_patterns_word_list_has (l, words))
        {
          *len = k;
          return TRUE;
        }
    }
  return FALSE;
}

static void represents_as_leader (Ctx *c, gint person, gint country, double conf);
static gint owner_of (const Ctx *c, guint i);

static gboolean
is_person (const Ctx *c, gint e)
{
  return e >= 0 && nkg_rel_eclass (c, e) == NKG_CLASS_PERSON;
}

/* Gives `represents country` to `person` when no one holds it yet. */
static void
represents_if_free (Ctx *c, gint person, gint country, double conf)
{
  if (!is_person (c, person) || country < 0 || nkg_rel_represents_of (c, person) >= 0)
    return;
  nkg_rel_fact (c, person, NKG_PROP_REPRESENTS, country, NULL, conf);
}

/* The country of a mention starting in tokens [a, a + span] of the
 * sentence, before any person ("the Government of India": nested
 * mentions count), or -1. */
static gint
country_from (const Ctx *c, guint a, guint span)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first < a)
        continue;
      if (m->first > a + span)
        break;
      gint e = nkg_rel_entity (c, m);
      if (is_person (c, e))
        return -1;
      if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY)
        return e;
    }
  return -1;
}

/* The last person named (outside longer names) before token i in the
 * sentence with no verb between (an apposition may stand between: "X,
 * Minister of Mines, on behalf of …"), or -1. */
static gint
person_before (const Ctx *c, guint i)
{
  gint found = -1;
  guint end = 0;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->last > i)
        break;
      gint e = nkg_rel_entity (c, m);
      if (!m->nested && is_person (c, e))
        found = e, end = m->last;
    }
  for (guint t = end; found >= 0 && t < i; t++)
    if (nkg_tag_at (c->in->tags, t)->pos == NKG_POS_VERB)
      return -1;
  return found;
}

/* "signed on behalf of Peru by Minister X and on behalf of Chile by
 * Ambassador Y": the person of a "by" phrase right after the country the
 * phrase at token a (span as country_from's) names, before any verb;
 * or -1. */
static gint
person_by_after (const Ctx *c, guint a, guint span)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first < a || m->nested)
        continue;
      if (m->first > a + span || nkg_rel_eclass (c, nkg_rel_entity (c, m)) != NKG_CLASS_COUNTRY || m->last + 1 >= c->last
          || !nkg_rel_is (c, m->last, "by"))
        return -1;
      return nkg_rel_person_named_after (c, m->last, 6);
    }
  return -1;
}

/* "X, Minister of Agriculture, on behalf of the Government of Peru, and
 * Y, …": the person named last before the phrase (list behalfcue), with
 * only an apposition between, represents the country it names (the
 * chunk rows take "X on behalf of" and "signed by X on behalf of"; "X
 * spoke on behalf of" is left alone as they leave it). */
void
nkg_rel_pattern_side_behalf (Ctx *c, double conf)
{
  const NkgWordList *cue = NKG_WORD_LIST ("behalfcue");
  for (guint i = c->first + 1; i < c->last; i++)
    {
      guint len;
      if (!phrase_at (c, i, cue, &len))
        continue;
      gint country = country_from (c, i + len, 3);
      /* "on behalf of the Nepali government": a demonym and a word for
       * the state's side (patterns.txt ownerside) */
      guint w = i + len + (i + len < c->last && nkg_rel_is (c, i + len, "the"));
      for (guint k = w + 1; country < 0 && k < c->last && k <= w + 3; k++)
        if (NKG_TOK_IN_LIST ("ownerside", nkg_rel_tok (c, k)))
          {
            guint dn;
            if (nkg_rel_demonym_before (c, k, &dn) && k - dn == w)
              country = owner_of (c, k);
            break;
          }
      gint after = country >= 0 ? person_by_after (c, i + len, 3) : -1;
      if (country >= 0)
        represents_if_free (c, after >= 0 ? after : person_before (c, i), country, conf);
      i += len - 1;
    }
}

/* The country a word for a state's party at token i belongs to: "Peruvian
 * side", "Peru's delegation", "the delegation of Peru", "a delegation
 * from Peru"; or -1. */
static gint
owner_of (const Ctx *c, guint i)
{
  guint len;
  const char *country = nkg_rel_demonym_before (c, i, &len);
  if (country)
    return nkg_rel_country_entity (c, country);
  if (i >= c->first + 2 && nkg_tag_at (c->in->tags, i - 1)->pos == NKG_POS_POSSMARK)
    {
      gint m = nkg_rel_mention_ending_at (c, i - 1);
      gint e = m >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, m)) : -1;
      if (nkg_rel_eclass (c, e) == NKG_CLASS_COUNTRY)
        return e;
    }
  if (i + 1 < c->last && NKG_TOK_IN_LIST ("sideof", nkg_rel_tok (c, i + 1)))
    return country_from (c, i + 2, 1);
  return -1;
}

/* "Signed by: Peruvian side: Smt. Rosa Quispe, Secretary; Chilean side:
 * H.E. Tomas Vidal": the person named right after a label (a word of list
 * sidelabel, a colon) is of the label's country. The label's person may
 * stand in the next sentence, where a title's full stop ("H.E.") cut it. */
void
nkg_rel_pattern_side_label (Ctx *c, double conf)
{
  const NkgMentionIndex *ix = c->in->index;
  guint n_tok = c->in->seg->tokens->len;
  for (guint i = c->first + 1; i + 1 < c->last; i++)
    {
      /* (the colon first: few tokens come before one) */
      if (strcmp (nkg_rel_tok (c, i + 1)->text, ":") != 0 || !NKG_TOK_IN_LIST ("sidelabel", nkg_rel_tok (c, i)))
        continue;
      gint country = owner_of (c, i);
      if (country < 0)
        continue;
      /* a title of a few words may come first ("H.E. Mr.") */
      for (guint k = nkg_mention_index_from_token (ix, i + 2); k < c->in->mentions->len; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          if (m->first > i + 8 || m->first >= n_tok)
            break;
          gint e = nkg_rel_entity (c, m);
          if (m->nested || e < 0)
            continue;
          if (is_person (c, e))
            represents_if_free (c, e, country, conf);
          break;
        }
    }
}

/* The country of a party word (list sideparty or sidelabel: "side") at
 * token i, or -1. */
static gint
party_at (const Ctx *c, guint i)
{
  if (i >= c->last || !(NKG_TOK_IN_LIST ("sideparty", nkg_rel_tok (c, i)) || NKG_TOK_IN_LIST ("sidelabel", nkg_rel_tok (c, i))))
    return -1;
  return owner_of (c, i);
}

/* Whether tokens [a, b) are all capitalised words, a few of them (a
 * body and a title before a name: "Railway Board Chairman"). */
static gboolean
name_runs_on (const Ctx *c, guint a, guint b)
{
  if (b > a + 6 || b > c->last)
    return FALSE;
  for (guint t = a; t < b; t++)
    if (!g_unichar_isupper (g_utf8_get_char (nkg_rel_tok (c, t)->text)))
      return FALSE;
  return TRUE;
}

/* "A led the Pakistani delegation while the Chinese side was led by B":
 * each verb of leading (list sidelead) with its own party and leader, the
 * person right before an active verb ("A headed the Peruvian
 * delegation") or right after a passive one's "by" ("Peru's delegation
 * was led by B"). Whether any pair was found. */
static gboolean
lead_clauses (Ctx *c, double conf)
{
  const NkgWordList *lead = NKG_WORD_LIST ("sidelead");
  gboolean found = FALSE;
  for (guint i = c->first + 1; i + 1 < c->last; i++)
    {
      if (nkg_tag_at (c->in->tags, i)->pos != NKG_POS_VERB || !nkg_patterns_word_list_has (lead, nkg_tag_at (c->in->tags, i)->lemma))
        continue;
      gint country = -1, who = -1;
      if (nkg_rel_is (c, i + 1, "by") && (nkg_rel_is (c, i - 1, "was") || nkg_rel_is (c, i - 1, "were")))
        {
          /* "the Chinese side was led by State Councillor B" */
          for (guint p = i - 1; p > c->first && p + 4 > i && country < 0; p--)
            country = party_at (c, p - 1);
          for (guint k = 0; k < c->here->len && country >= 0; k++)
            {
              NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
              if (m->first < i + 2 || m->nested)
                continue;
              /* (a body may name the post first: "by Railway Board
               * Chairman X") */
              if (!is_person (c, nkg_rel_entity (c, m)) && name_runs_on (c, i + 2, m->last))
                continue;
              if (MIN (m->first, m->cue_first) == i + 2 || name_runs_on (c, i + 2, m->first))
                who = nkg_rel_entity (c, m);
              break;
            }
        }
      else
        {
          /* "A led the Pakistani delegation" */
          guint p = i + 1 + nkg_rel_is (c, i + 1, "the");
          for (guint k = p; k < c->last && k < p + 4 && country < 0; k++)
            country = party_at (c, k);
          gint mi = country >= 0 ? nkg_rel_mention_ending_at (c, i) : -1;
          /* "A, who led the Chilean delegation, …" */
          if (mi < 0 && country >= 0 && i >= c->first + 3 && nkg_rel_is (c, i - 1, "who")
              && strcmp (nkg_rel_tok (c, i - 2)->text, ",") == 0)
            mi = nkg_rel_mention_ending_at (c, i - 2);
          if (mi >= 0 && !nkg_rel_mention (c, mi)->nested)
            who = nkg_rel_entity (c, nkg_rel_mention (c, mi));
        }
      if (country >= 0 && is_person (c, who))
        {
          represents_as_leader (c, who, country, conf);
          found = TRUE;
        }
    }
  return found;
}

/* "Peru's delegation was led by X", "X headed the Peruvian delegation":
 * with a verb of leading (list sidelead) in the sentence, the one person
 * of the sentence who represents no one is the delegation's. */
void
nkg_rel_pattern_side_delegation (Ctx *c, double conf)
{
  const NkgWordList *lead = NKG_WORD_LIST ("sidelead");
  /* (a verb of leading first: most sentences have none) */
  gboolean leads = FALSE;
  for (guint i = c->first; i < c->last && !leads; i++)
    leads = nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB
            && nkg_patterns_word_list_has (lead, nkg_tag_at (c->in->tags, i)->lemma);
  if (!leads)
    return;
  if (lead_clauses (c, conf))
    return;
  /* the first word for a party that is no verb of leading */
  gint country = -1;
  for (guint i = c->first; i < c->last && country < 0; i++)
    if (!(nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB
          && nkg_patterns_word_list_has (lead, nkg_tag_at (c->in->tags, i)->lemma))
        && NKG_TOK_IN_LIST ("sideparty", nkg_rel_tok (c, i)))
      country = owner_of (c, i);
  if (country < 0)
    return;
  gint who = -1;
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      if (m->nested || !is_person (c, e) || e == who || nkg_rel_represents_of (c, e) >= 0)
        continue;
      if (who >= 0)
        return; /* two people: which one leads is not for this rule */
      who = e;
    }
  represents_if_free (c, who, country, conf);
}

/* Gives `represents country` to a companion `person`, in place of a
 * guess (a fact of a row of list sideguess) that says another country:
 * the person they go with tells more than the count home-officials
 * guesses from. */
static void
represents_as_leader (Ctx *c, gint person, gint country, double conf)
{
  if (!is_person (c, person) || country < 0)
    return;
  gint had = nkg_doc_facts_first (c->facts, person, NKG_PROP_REPRESENTS);
  if (had >= 0)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, had);
      if (f->object == country || !f->pattern || !NKG_IN_LIST ("sideguess", f->pattern)
          || nkg_doc_facts_first (c->facts, person, NKG_PROP_REPRESENTS) != had)
        return;
      g_autofree gboolean *drop = g_new0 (gboolean, c->facts->facts->len);
      drop[had] = TRUE;
      nkg_doc_facts_remove_facts (c->facts, drop);
    }
  nkg_rel_fact (c, person, NKG_PROP_REPRESENTS, country, NULL, conf);
}

/* "President X was accompanied by Defence Minister Y and Foreign Minister
 * Z" (a verb of list sidecompany) in sentence s: those who go with
 * someone are of his country. After "by", the companions run to the next
 * verb; the led are the people before the verb. */
static void
company_in (Ctx *c, guint s, double conf)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  for (guint v = sent->first + 1; v + 1 < sent->last; v++)
    {
      const NkgTag *t = nkg_tag_at (c->in->tags, v);
      if (t->pos != NKG_POS_VERB || strcmp (nkg_rel_tok (c, v + 1)->lower, "by") != 0
          || !NKG_IN_LIST ("sidecompany", t->lemma))
        continue;
      guint lo, hi;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      gint country = -1;
      for (guint k = lo; k < hi; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          gint e = nkg_rel_entity (c, m), r = is_person (c, e) && !m->nested && m->last <= v ? nkg_rel_represents_of (c, e) : -1;
          if (r < 0 || nkg_rel_eclass (c, r) != NKG_CLASS_COUNTRY)
            continue;
          if (country >= 0 && country != r)
            return; /* people of two countries go together */
          country = r;
        }
      if (country < 0)
        continue;
      guint end = v + 2;
      while (end < sent->last && nkg_tag_at (c->in->tags, end)->pos != NKG_POS_VERB)
        end++;
      c->evidence = s;
      for (guint k = lo; k < hi; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          if (m->first > v + 1 && m->last <= end && !m->nested)
            represents_as_leader (c, nkg_rel_entity (c, m), country, conf);
        }
    }
}

/* Over the document, after home-officials: the one who is accompanied
 * may have his country from that rule only. */
void
nkg_rel_doc_side_company (Ctx *c, double conf)
{
  for (guint s = 0; s < c->in->seg->sentences->len; s++)
    company_in (c, s, conf);
}

/* The country the article names most other than `not`, when one is named
 * more than every other; or -1. */
static gint
other_country (const Ctx *c, gint not)
{
  gint best = -1;
  guint most = 0, next = 0;
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      const NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
      if (e->klass != NKG_CLASS_COUNTRY || (gint) i == not)
        continue;
      if (e->mentions > most)
        next = most, most = e->mentions, best = i;
      else if (e->mentions > next)
        next = e->mentions;
    }
  return most > next ? best : -1;
}

/* The country after a counterpart word at i ("his counterpart from
 * Ecuador", "of Ecuador"), the token after it in *after; or -1. */
static gint
counterpart_country_after (const Ctx *c, guint i, guint *after)
{
  if (i + 2 >= c->last || !NKG_TOK_IN_LIST ("sideof", nkg_rel_tok (c, i + 1)))
    return -1;
  guint a = i + 2 + nkg_rel_is (c, i + 2, "the");
  gint m = nkg_rel_mention_starting_at (c, a);
  if (m < 0)
    return -1;
  const NkgMention *cm = nkg_rel_mention (c, m);
  gint e = nkg_rel_entity (c, cm);
  if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY)
    return -1;
  *after = cm->last;
  return e;
}

/* "X met his counterpart from Ecuador, Y", "his counterpart of Ecuador
 * Y": the person named right after the counterpart's country (a comma
 * between) is of that country. Before home-officials, which would take
 * the only country of the sentence for X. */
void
nkg_rel_pattern_side_counterpart_of (Ctx *c, double conf)
{
  for (guint i = c->first + 1; i + 3 < c->last; i++)
    {
      guint after;
      if (!NKG_TOK_IN_LIST ("sidecounterpart", nkg_rel_tok (c, i)))
        continue;
      gint country = counterpart_country_after (c, i, &after);
      if (country < 0)
        continue;
      after += after < c->last && strcmp (nkg_rel_tok (c, after)->text, ",") == 0;
      gint m = nkg_rel_mention_starting_at (c, after);
      const NkgMention *pm = m >= 0 ? nkg_rel_mention (c, m) : NULL;
      if (pm && !pm->nested)
        represents_if_free (c, nkg_rel_entity (c, pm), country, conf);
    }
}

/* "Prime Minister X and his Australian counterpart Y": a counterpart
 * (list sidecounterpart) of another country holds the same post for the
 * other side, so X is of the country the article names most besides
 * Australia. */
static void
counterpart_in (Ctx *c, double conf)
{
  for (guint i = c->first + 2; i < c->last; i++)
    {
      if (!NKG_TOK_IN_LIST ("sidecounterpart", nkg_rel_tok (c, i)))
        continue;
      guint len = 0, after;
      const char *theirs = nkg_rel_demonym_before (c, i, &len);
      /* "his counterpart from Ecuador" */
      gint their = theirs ? nkg_rel_country_entity (c, theirs) : counterpart_country_after (c, i, &after);
      if (!theirs)
        len = 0;
      if (their < 0 || i < c->first + len + 1 || nkg_tag_at (c->in->tags, i - len - 1)->pos != NKG_POS_POSS)
        continue;
      gint x = person_before (c, i - len - 1);
      if (x < 0 || nkg_rel_represents_of (c, x) >= 0)
        continue;
      gint country = other_country (c, their);
      represents_if_free (c, x, country, conf);
    }
}

/* Over the document, after home-officials, which asks who stands beside
 * whom for a country (X's side would take X's neighbours' from them). The
 * sentence context is set as for the sentence rows. */
void
nkg_rel_doc_side_counterpart (Ctx *c, double conf)
{
  GArray *saved = c->here;
  g_autoptr (NkgIntArray) here = nkg_int_array_new ();
  for (guint s = 0; s < c->in->seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      c->sentence = c->evidence = s;
      c->first = sent->first;
      c->last = sent->last;
      /* (the sentence's mentions gathered only where a counterpart is
       * said: few sentences) */
      gboolean cue = FALSE;
      for (guint i = c->first + 2; i < c->last && !cue; i++)
        cue = NKG_TOK_IN_LIST ("sidecounterpart", nkg_rel_tok (c, i));
      if (!cue)
        continue;
      nkg_rel_enter_sentence (c, s, here);
      counterpart_in (c, conf);
    }
  c->here = saved;
}

/* "the foreign ministers of A, B and C, X, Y and Z" (or "— X, Y and Z
 * —"): a plural title in lower case, "of" and the countries, then as many
 * people before the next verb; they pair up in order, and each holds the
 * title. `of` is the "of" after the title. */
static void
plural_title_of_countries (Ctx *c, guint of, double conf)
{
  const NkgToken *head = nkg_rel_tok (c, of - 1);
  const char *one = nkg_lexicon_title_singular (c->in->lexicon, head->lower);
  if (!one || strcmp (one, head->lower) == 0 || (head->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
    return;
  gint countries[6], people[6];
  guint n_c = 0, n_p = 0, at = of + 1, k = 0;
  if (nkg_rel_is (c, at, "the"))
    at++;
  /* the countries: right after "of (the)", joined by commas, "and" and
   * ", and" */
  for (; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->nested || m->first < at)
        continue;
      gint e = nkg_rel_entity (c, m);
      guint join = m->first - at;
      if (n_c > 0 && join == 2 && strcmp (nkg_rel_tok (c, at)->text, ",") == 0 && nkg_rel_is (c, at + 1, "and"))
        join = 1;
      if (join > 1 || nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY || n_c == G_N_ELEMENTS (countries)
          || (n_c > 0 && join != 1) || (n_c == 0 && join != 0)
          || (join == 1 && !nkg_rel_is (c, at, "and") && strcmp (nkg_rel_tok (c, at)->text, ",") != 0))
        break;
      countries[n_c++] = e;
      at = m->last;
    }
  /* then a comma or a dash, and the people */
  if (n_c < 2 || at >= c->last
      || !(strcmp (nkg_rel_tok (c, at)->text, ",") == 0 || (nkg_rel_tok (c, at)->flags & NKG_TOK_DASH)))
    return;
  for (; k < c->here->len && n_p < G_N_ELEMENTS (people); k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->nested || m->first <= at)
        continue;
      gboolean verb = FALSE;
      for (guint t = at + 1; t < m->first && !verb; t++)
        verb = nkg_tag_at (c->in->tags, t)->pos == NKG_POS_VERB;
      gint e = nkg_rel_entity (c, m);
      if (verb || !is_person (c, e))
        break;
      people[n_p++] = e;
    }
  if (n_c != n_p)
    return;
  guint ts = of - 1;
  while (ts > c->first && (nkg_rel_roles (c, ts - 1) & (NKG_W_TITLE | NKG_W_TITLEMOD | NKG_W_PORTFOLIO))
         && !(nkg_rel_tok (c, ts - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
    ts--;
  g_autofree char *title = nkg_mentions_title_text (c->in->lexicon, c->in->seg, ts, of);
  for (guint i = 0; i < n_p; i++)
    {
      /* (a person who holds a title or a side already keeps it) */
      if (title && !nkg_rel_has_title (c, people[i]))
        nkg_rel_fact (c, people[i], NKG_PROP_JOB_TITLE, -1, title, conf);
      represents_if_free (c, people[i], countries[i], conf);
    }
}

/* "Malaysia and Australia's respective foreign ministers A and B": the
 * countries coordinated right before "respective" (list respective) and
 * its possessive, and as many people named after it before the next verb,
 * pair up in order. */
void
nkg_rel_pattern_side_respective (Ctx *c, double conf)
{
  /* (a sentence without a title has no plural title of countries: most) */
  if (nkg_rel_sentence_roles (c) & NKG_W_TITLE)
    for (guint i = c->first + 1; i + 4 < c->last; i++)
      if (nkg_rel_is (c, i, "of") && (nkg_rel_roles (c, i - 1) & NKG_W_TITLE))
        plural_title_of_countries (c, i, conf);
  for (guint i = c->first + 3; i + 1 < c->last; i++)
    {
      /* (the possessive first: few tokens follow one) */
      if (nkg_tag_at (c->in->tags, i - 1)->pos != NKG_POS_POSSMARK
          || !NKG_TOK_IN_LIST ("respective", nkg_rel_tok (c, i)))
        continue;
      gint countries[4], people[4];
      guint n_c = 0, n_p = 0;
      gboolean broken = FALSE;
      /* the countries: back from the possessive over "A, B and C" */
      for (guint k = c->here->len; k-- > 0 && !broken;)
        {
          NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          if (m->nested || m->last >= i || m->first + 12 < i)
            continue;
          gint e = nkg_rel_entity (c, m);
          const char *after = nkg_rel_tok (c, m->last)->lower;
          if (nkg_rel_eclass (c, e) != NKG_CLASS_COUNTRY || n_c == G_N_ELEMENTS (countries)
              || !(m->last == i - 1 || strcmp (after, "and") == 0 || strcmp (after, ",") == 0 || strcmp (after, "'s") == 0))
            broken = TRUE;
          else
            countries[n_c++] = e;
        }
      /* the people: after "respective", to the next verb */
      for (guint k = 0; k < c->here->len && n_p < G_N_ELEMENTS (people); k++)
        {
          NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
          if (m->nested || m->first <= i)
            continue;
          gboolean verb = FALSE;
          for (guint t = i + 1; t < m->first && !verb; t++)
            verb = nkg_tag_at (c->in->tags, t)->pos == NKG_POS_VERB;
          if (verb)
            break;
          gint e = nkg_rel_entity (c, m);
          if (is_person (c, e))
            people[n_p++] = e;
        }
      if (n_c < 2 || n_c != n_p)
        continue;
      /* (the countries were gathered backwards) */
      for (guint k = 0; k < n_p; k++)
        represents_if_free (c, people[k], countries[n_c - 1 - k], conf);
    }
}
