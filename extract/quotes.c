/* quotes.c — attributed direct quotations (see quotes.h). */
#include "quotes.h"

#include <string.h>

#include "coref.h"
#include "docindex.h"
#include "patterns.h"
#include "tagger.h"
#include "mentions.h"
#include "textutil.h"

#define MIN_QUOTE_WORDS 4
#define MAX_TWEET_CHARS 320

typedef struct {
  const NkgRelationInput *in;
  NkgDocFacts *facts;
  gint last_speaker;   /* who spoke the last attributed quote, or -1 */
  guint last_sentence; /* the sentence it ended in */
  guint last_line;     /* and that sentence's paragraph */
  gint lead_speaker;   /* who a lead-in line ("Quotes attributable to X:") */
  guint lead_line;     /* gave the quotation paragraph on this line, or -1 */
  /* Answers that depend only on the facts, which do not change while
   * quotes are read: asked once per key, not once per quotation. */
  GHashTable *by_title;    /* title head → person + 2 (1 = none) */
  GHashTable *by_country;  /* "L|country" or "-|country" → person + 2 */
  GHashTable *by_employer; /* organisation entity → person + 2 */
} Q;

static gint
memo_get (GHashTable *t, gconstpointer key, gboolean *have)
{
  gpointer v = g_hash_table_lookup (t, key);
  *have = v != NULL;
  return (gint) GPOINTER_TO_INT (v) - 2;
}

static gint
memo_put (GHashTable *t, gpointer key, gint who)
{
  g_hash_table_insert (t, key, GINT_TO_POINTER (who + 2));
  return who;
}

static const NkgToken *
tok (const Q *q, guint i)
{
  return nkg_tok (q->in->seg, i);
}

static gint
entity_of_mention (const Q *q, const NkgMention *m)
{
  if (m->cluster < 0)
    return -1;
  gint e = g_array_index (q->in->entity_of, gint, m->cluster);
  if (e < 0)
    return -1;
  NkgLocalEntity *ent = g_ptr_array_index (q->facts->entities, e);
  return ent->klass == NKG_CLASS_PERSON ? e : -1;
}

/* A body that speaks: "the Security Council declared", "Acme said". */
static gint
org_of_mention (const Q *q, const NkgMention *m)
{
  if (m->cluster < 0 || m->nested)
    return -1;
  gint e = g_array_index (q->in->entity_of, gint, m->cluster);
  if (e < 0)
    return -1;
  NkgLocalEntity *ent = g_ptr_array_index (q->facts->entities, e);
  return nkg_class_coarse (ent->klass) == NKG_CLASS_ORG ? e : -1;
}

/* A reporting verb at token i: the lexicon's, or a lemma in the table's
 * `report` list ("quoted"). */
static gboolean
reports (const Q *q, guint i)
{
  if (nkg_lexicon_tok_roles (q->in->lexicon, tok (q, i)) & NKG_W_REPORT)
    return TRUE;
  const NkgTag *t = q->in->tags ? nkg_tag_at (q->in->tags, i) : NULL;
  return t && t->pos == NKG_POS_VERB && NKG_IN_LIST ("report", t->lemma);
}

/* The person whose mention ends at token `end` (exclusive), or -1. */
static gint
person_ending_at (const Q *q, guint end)
{
  const GArray *ending = nkg_mention_index_ending_at (q->in->index, end);
  for (guint k = 0; ending && k < ending->len; k++)
    {
      NkgMention *m = g_ptr_array_index (q->in->mentions, g_array_index (ending, guint, k));
      if (!m->nested)
        {
          gint e = entity_of_mention (q, m);
          if (e >= 0)
            return e;
        }
    }
  return -1;
}

/* The first person mentioned in tokens [a, b) outside quotations. */
static gint
person_in (const Q *q, guint a, guint b)
{
  for (guint i = nkg_mention_index_from_token (q->in->index, a); i < q->in->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (q->in->mentions, i);
      if (m->first >= b)
        break;
      if (m->first >= a && m->last <= b && !m->in_quote)
        {
          gint e = entity_of_mention (q, m);
          if (e >= 0)
            return e;
        }
    }
  return -1;
}


static gint described_person (const Q *q, guint s_first, guint b);

/* What "he" refers to: the subject (first person named) of the nearest
 * earlier sentence that names one; news keeps its subject in focus. */
static gint
previous_subject (const Q *q, guint before)
{
  const NkgSegments *seg = q->in->seg;
  /* The last sentence that starts before `before`, then back from it; a
   * pronoun's person is never a hundred sentences away. */
  guint lo = 0, hi = seg->sentences->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (seg->sentences, NkgSentence, mid).first < before)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint s = lo, n = 0; s-- > 0 && n < 100; n++)
    {
      const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
      /* "The Indonesian minister said … . “…,” she told reporters": a
       * description that stands for one person, as the sentence's subject */
      if (sent->first + 2 < MIN (sent->last, before) && strcmp (tok (q, sent->first)->lower, "the") == 0)
        for (guint b = sent->first + 3; b <= MIN (sent->last, before) && b <= sent->first + 5; b++)
          {
            const NkgTag *vt = q->in->tags && b < sent->last ? nkg_tag_at (q->in->tags, b) : NULL;
            if (!vt || (vt->pos != NKG_POS_VERB && vt->pos != NKG_POS_AUX))
              continue;
            gint d = described_person (q, sent->first, b);
            if (d >= 0)
              return d;
            break;
          }
      gint e = person_in (q, sent->first, MIN (sent->last, before));
      if (e >= 0)
        return e;
    }
  return -1;
}

/* "the US Defence Secretary added": the one person holding that title. */
static gint
person_by_title (const Q *q, const char *head)
{
  gboolean have;
  gint who = memo_get (q->by_title, head, &have);
  if (have)
    return who;
  who = -1;
  const GArray *titles = nkg_doc_facts_with_prop (q->facts, NKG_PROP_JOB_TITLE);
  for (guint k = 0; titles && k < titles->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (q->facts->facts, g_array_index (titles, guint, k));
      if (!f->literal)
        continue;
      g_autofree char *lower = g_utf8_strdown (f->literal, -1);
      if (!g_str_has_suffix (lower, head) && !strstr (lower, head))
        continue;
      if (who >= 0 && who != (gint) f->subject)
        return memo_put (q->by_title, g_strdup (head), -1);
      who = f->subject;
    }
  return memo_put (q->by_title, g_strdup (head), who);
}

/* "the council said": the one organisation of the article whose name has
 * that head word ("the Andean Fisheries Council", "the Commission of
 * Inquiry"), or -1. */
static gint
org_by_head (const Q *q, const char *head)
{
  g_autofree char *key = g_strconcat ("org|", head, NULL);
  gboolean have;
  gint who = memo_get (q->by_title, key, &have);
  if (have)
    return who;
  who = -1;
  for (guint e = 0; e < q->facts->entities->len; e++)
    {
      NkgLocalEntity *ent = g_ptr_array_index (q->facts->entities, e);
      if (nkg_class_coarse (ent->klass) != NKG_CLASS_ORG || !ent->name)
        continue;
      g_auto (GStrv) words = g_strsplit (ent->name, " ", -1);
      guint nw = g_strv_length (words);
      if (nw < 2)
        continue;
      guint h = nw - 1;
      for (guint k = 1; k < nw; k++)
        if (strcmp (words[k], "of") == 0 || strcmp (words[k], "for") == 0)
          {
            h = k - 1;
            break;
          }
      if (g_ascii_strcasecmp (words[h], head) != 0)
        continue;
      if (who >= 0 && who != (gint) e)
        return memo_put (q->by_title, g_steal_pointer (&key), -1);
      who = (gint) e;
    }
  return memo_put (q->by_title, g_steal_pointer (&key), who);
}

/* Whether the person is stated to work for a body: a spokesman of the
 * Kremlin speaks for Russia but is not its leader. */
static gboolean
has_employer (const Q *q, guint person)
{
  return nkg_doc_facts_first (q->facts, person, NKG_PROP_WORKS_FOR) >= 0;
}

/* The one person who represents the country with this name, or -1; for
 * "the Russian leader", only those who work for no body. */
static gint
person_representing (const Q *q, const char *country, gboolean leader)
{
  g_autofree char *key = g_strdup_printf ("%c|%s", leader ? 'L' : '-', country);
  gboolean have;
  gint who = memo_get (q->by_country, key, &have);
  if (have)
    return who;
  who = -1;
  const GArray *reps = nkg_doc_facts_with_prop (q->facts, NKG_PROP_REPRESENTS);
  for (guint k = 0; reps && k < reps->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (q->facts->facts, g_array_index (reps, guint, k));
      if (f->object < 0 || (leader && has_employer (q, f->subject)))
        continue;
      NkgLocalEntity *c = g_ptr_array_index (q->facts->entities, f->object);
      if (strcmp (c->name, country) != 0)
        continue;
      if (who >= 0 && who != (gint) f->subject)
        return memo_put (q->by_country, g_steal_pointer (&key), -1);
      who = f->subject;
    }
  /* A country the text names only by its adjective ("Peruvian Foreign
   * Minister X") is no entity to represent, but the title still says
   * whose official X is. */
  for (guint i = 0; who < 0 && i < q->in->mentions->len; i++)
    {
      NkgMention *m = g_ptr_array_index (q->in->mentions, i);
      gint e = entity_of_mention (q, m);
      if (e < 0 || !m->title_country || strcmp (m->title_country, country) != 0
          || (leader && has_employer (q, e)))
        continue;
      for (guint k = i + 1; k < q->in->mentions->len; k++)
        {
          NkgMention *o = g_ptr_array_index (q->in->mentions, k);
          gint oe = entity_of_mention (q, o);
          if (oe >= 0 && oe != e && o->title_country && strcmp (o->title_country, country) == 0)
            return memo_put (q->by_country, g_steal_pointer (&key), -1);
        }
      who = e;
    }
  return memo_put (q->by_country, g_steal_pointer (&key), who);
}

/* Whether job title `title` is what "the Indonesian `head`" names: a
 * title ending in that word ("minister"), or for "leader" one that heads
 * a state or government (list `stateheads`). */
static gboolean
title_is (const char *title, const char *head)
{
  if (strcmp (head, "leader") == 0)
    return nkg_patterns_title_ends_in (title, "stateheads");
  g_autofree char *lower = g_utf8_strdown (title, -1);
  gsize n = strlen (lower), h = strlen (head);
  return n >= h && strcmp (lower + n - h, head) == 0 && (n == h || lower[n - h - 1] == ' ');
}

/* "the Indonesian leader", "the Ghanaian minister" where the article
 * names several officials of that country: the one of them whose title
 * the head word names, or -1. */
static gint
person_titled_for (const Q *q, const char *country, const char *head)
{
  gint who = -1;
  const GArray *reps = nkg_doc_facts_with_prop (q->facts, NKG_PROP_REPRESENTS);
  const GArray *titles = nkg_doc_facts_with_prop (q->facts, NKG_PROP_JOB_TITLE);
  for (guint k = 0; reps && k < reps->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (q->facts->facts, g_array_index (reps, guint, k));
      if (f->object < 0 || (gint) f->subject == who
          || strcmp (((NkgLocalEntity *) g_ptr_array_index (q->facts->entities, f->object))->name, country) != 0)
        continue;
      gboolean fits = FALSE;
      for (guint t = 0; titles && t < titles->len && !fits; t++)
        {
          NkgLocalFact *g = g_ptr_array_index (q->facts->facts, g_array_index (titles, guint, t));
          fits = g->subject == f->subject && g->literal && title_is (g->literal, head);
        }
      if (!fits)
        continue;
      if (who >= 0)
        return -1;
      who = f->subject;
    }
  return who;
}

/* Whether the document states that person `who` represents `country`. */
static gboolean
represents_country (const Q *q, guint who, const char *country)
{
  const GArray *reps = nkg_doc_facts_with_prop (q->facts, NKG_PROP_REPRESENTS);
  for (guint k = 0; reps && k < reps->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (q->facts->facts, g_array_index (reps, guint, k));
      if (f->subject == who && f->object >= 0
          && strcmp (((NkgLocalEntity *) g_ptr_array_index (q->facts->entities, f->object))->name, country) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "the Chilean Prime Minister said" where two Chileans and two
 * ministers are named: the one person whose job title is that whole
 * title (lower case, "prime minister") and, when a country is given, who
 * represents it; or -1. */
static gint
person_by_full_title (const Q *q, const char *title, const char *country)
{
  gint who = -1;
  const GArray *titles = nkg_doc_facts_with_prop (q->facts, NKG_PROP_JOB_TITLE);
  for (guint k = 0; titles && k < titles->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (q->facts->facts, g_array_index (titles, guint, k));
      if (!f->literal || (gint) f->subject == who)
        continue;
      g_autofree char *lower = g_utf8_strdown (f->literal, -1);
      if (strcmp (lower, title) != 0 || (country && !represents_country (q, f->subject, country)))
        continue;
      if (who >= 0)
        return -1;
      who = f->subject;
    }
  return who;
}

/* The one person who works for the organisation named right before the
 * title at token t, or -1. */
static gint
person_by_employer (const Q *q, guint t)
{
  gint org = -1;
  const GArray *ending = nkg_mention_index_ending_at (q->in->index, t);
  for (guint k = 0; ending && k < ending->len && org < 0; k++)
    {
      NkgMention *m = g_ptr_array_index (q->in->mentions, g_array_index (ending, guint, k));
      if (m->cluster >= 0)
        org = g_array_index (q->in->entity_of, gint, m->cluster);
    }
  if (org < 0)
    return -1;
  gboolean have;
  gint who = memo_get (q->by_employer, GINT_TO_POINTER (org), &have);
  if (have)
    return who;
  who = -1;
  const GArray *works = nkg_doc_facts_with_prop (q->facts, NKG_PROP_WORKS_FOR);
  for (guint k = 0; works && k < works->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (q->facts->facts, g_array_index (works, guint, k));
      if (f->object != org)
        continue;
      if (who >= 0 && who != (gint) f->subject)
        return memo_put (q->by_employer, GINT_TO_POINTER (org), -1);
      who = f->subject;
    }
  return memo_put (q->by_employer, GINT_TO_POINTER (org), who);
}

/* "the Russian leader", "the Kenyan diplomat", "the Chilean Prime
 * Minister", ending before b: the one person representing that country
 * (any noun WordNet knows as a person's: diplomat, envoy, negotiator), or
 * holding that title for it; -1 if none. */
static gint
described_person (const Q *q, guint s_first, guint b)
{
  if (b <= s_first)
    return -1;
  const NkgToken *p = tok (q, b - 1);
  const NkgTag *pt = q->in->tags ? nkg_tag_at (q->in->tags, b - 1) : NULL;
  gboolean person_noun = pt && pt->pos == NKG_POS_NOUN && !pt->plural
                         && nkg_wordnet_noun_can_be (pt->lemma, NKG_NOUN_PERSON);
  /* The demonym comes before the whole title: "the Chilean Prime
   * Minister said", "the Kenyan trade minister said". */
  guint t0 = b - 1;
  while (t0 > s_first && (nkg_lexicon_tok_roles (q->in->lexicon, tok (q, t0 - 1)) & (NKG_W_TITLE | NKG_W_TITLEMOD)))
    t0--;
  if (!(strcmp (p->lower, "leader") == 0 || person_noun || (nkg_lexicon_tok_roles (q->in->lexicon, p) & NKG_W_TITLE))
      || t0 <= s_first)
    return -1;
  const char *country = nkg_lexicon_demonym (q->in->lexicon, tok (q, t0 - 1)->text);
  if (!country)
    return -1;
  gint e = person_representing (q, country, strcmp (p->lower, "leader") == 0);
  if (e < 0 && t0 + 1 == b)
    e = person_titled_for (q, country, p->lower);
  if (e >= 0 || t0 + 1 >= b)
    return e;
  g_autofree char *span = nkg_segments_span (q->in->seg, t0, b);
  g_autofree char *title = g_utf8_strdown (span, -1);
  return person_by_full_title (q, title, country);
}

static gboolean
skippable_before_verb (const NkgToken *t)
{
  return NKG_TOK_IN_LIST ("preverb", t);
}

/* Who a reporting verb at v is said by: the name or pronoun before it,
 * a title standing for its holder, or the name after it ("said X"). */
static gint
speaker_of_verb (const Q *q, guint v, guint s_first, guint s_last)
{
  /* "…, calling the partnership “…”": the clause's subject speaks. */
  if (g_str_has_suffix (tok (q, v)->lower, "ing"))
    return person_in (q, s_first, v);
  guint b = v;
  while (b > s_first && skippable_before_verb (tok (q, b - 1)))
    b--;
  /* "X was quoted as saying", "X is quoted by Y" */
  while (b > s_first + 1
         && (strcmp (tok (q, b - 1)->lower, "was") == 0 || strcmp (tok (q, b - 1)->lower, "is") == 0
             || strcmp (tok (q, b - 1)->lower, "were") == 0))
    b--;
  gint e = person_ending_at (q, b);
  if (e >= 0)
    return e;
  /* "the Council declared": a body named right before the verb */
  const GArray *ending = nkg_mention_index_ending_at (q->in->index, b);
  for (guint k = 0; ending && k < ending->len; k++)
    {
      e = org_of_mention (q, g_ptr_array_index (q->in->mentions, g_array_index (ending, guint, k)));
      if (e >= 0)
        return e;
    }
  if (b > s_first)
    {
      const NkgToken *p = tok (q, b - 1);
      if (strcmp (p->lower, "he") == 0 || strcmp (p->lower, "she") == 0)
        return previous_subject (q, b - 1);
      e = described_person (q, s_first, b);
      if (e >= 0)
        return e;
      if (nkg_lexicon_tok_roles (q->in->lexicon, p) & NKG_W_TITLE)
        {
          /* "The Chinese MFA spokesman said": the MFA's spokesperson. */
          e = person_by_employer (q, b - 1);
          if (e >= 0)
            return e;
          e = person_by_title (q, p->lower);
          if (e >= 0)
            return e;
          return -2; /* "the ministry said": a speaker, but not a person */
        }
      /* "the council said": the one body of the article with that head.
       * Not a government's department: news gives "the ministry said"
       * for its press office, and annotators do not count it a speaker. */
      guint head_roles = nkg_lexicon_tok_roles (q->in->lexicon, p);
      if (b >= s_first + 2 && strcmp (tok (q, b - 2)->lower, "the") == 0 && (head_roles & NKG_W_ORG)
          && !(head_roles & NKG_W_GOVORG))
        {
          e = org_by_head (q, p->lower);
          if (e >= 0)
            return e;
        }
      if ((p->flags & NKG_TOK_WORD) && !(p->flags & NKG_TOK_CAP) && strcmp (p->lower, "and") != 0)
        {
          /* "a senior White House official said": someone unnamed. */
          if (!(nkg_lexicon_tok_roles (q->in->lexicon, p) & NKG_W_STOPCAP))
            return -2;
        }
    }
  /* "said Chile trade minister Ana Lucia Ferreira" */
  guint end = v + 1;
  while (end < s_last && end < v + 10 && !(tok (q, end)->flags & (NKG_TOK_QUOTE))
         && strcmp (tok (q, end)->text, ".") != 0 && strcmp (tok (q, end)->text, ",") != 0)
    end++;
  e = person_in (q, v + 1, end);
  /* "Daniel Whitford, Defence Secretary of Canada praised …": the
   * clause's subject, past its apposition. */
  if (e < 0)
    e = person_in (q, s_first, v);
  /* "He also said that … and added that …, “…”": a pronoun subject at
   * the start of the sentence, the one the text spoke of last. */
  if (e < 0 && v > s_first + 1
      && (strcmp (tok (q, s_first)->lower, "he") == 0 || strcmp (tok (q, s_first)->lower, "she") == 0))
    e = previous_subject (q, s_first);
  return e;
}

static guint
count_words (const char *s)
{
  return nkg_text_count_words (s);
}

static void
add_quote (Q *q, gint speaker, const char *raw)
{
  g_autofree char *text = nkg_text_squeeze (raw);
  /* "… our two militaries," he said: the comma belongs to the sentence
   * around the quote, not to the words quoted. A full stop, "?" or "!"
   * is the speaker's and stays. */
  gsize n = strlen (text);
  while (n > 0 && strchr (",;: ", text[n - 1]))
    text[--n] = '\0';
  if (speaker < 0 || count_words (text) < MIN_QUOTE_WORDS)
    return;
  nkg_doc_facts_add_quote (q->facts, speaker, text);
}

static void
sentence_quotes (Q *q, const NkgSentence *s)
{
  const NkgSegments *seg = q->in->seg;
  for (guint i = s->first; i < s->last; i++)
    {
      const NkgToken *open = tok (q, i);
      if (!(open->flags & NKG_TOK_OPEN) || !(tok (q, MIN (i + 1, s->last - 1))->flags & NKG_TOK_INQUOTE))
        continue;
      guint j = i + 1;
      while (j < s->last && (tok (q, j)->flags & NKG_TOK_INQUOTE))
        j++;
      guint text_end = j < s->last ? tok (q, j)->start : tok (q, j - 1)->end;
      g_autofree char *raw = g_strndup (seg->text + open->end, text_end - open->end);
      /* The nearest reporting verb outside quotes: after first, then before. */
      gint speaker = -1;
      for (guint v = j + 1; v < s->last && speaker == -1; v++)
        {
          if (tok (q, v)->flags & (NKG_TOK_INQUOTE | NKG_TOK_OPEN))
            break;
          if (reports (q, v))
            speaker = speaker_of_verb (q, v, j + 1, s->last);
        }
      for (guint v = i; v > s->first && speaker == -1; v--)
        {
          const NkgToken *t = tok (q, v - 1);
          if (t->flags & NKG_TOK_INQUOTE)
            continue;
          if (reports (q, v - 1))
            {
              speaker = speaker_of_verb (q, v - 1, s->first, i);
              /* "Declaring that ‘…,’ President X joined …": a participle
               * opening the sentence; its subject comes after the quote. */
              if (speaker == -1 && v - 1 == s->first && g_str_has_suffix (t->lower, "ing") && j + 1 < s->last)
                speaker = person_in (q, j + 1, MIN (s->last, j + 10));
            }
        }
      /* "According to Foreign Minister X, “…”": the source named before
       * the quotation speaks it. */
      for (guint k = s->first; speaker == -1 && k + 2 < i; k++)
        if (!(tok (q, k)->flags & NKG_TOK_INQUOTE) && strcmp (tok (q, k)->lower, "according") == 0
            && strcmp (tok (q, k + 1)->lower, "to") == 0)
          speaker = person_in (q, k + 2, i);
      /* "X addressed the concerns: “…”": after a colon with no verb of
       * saying, the clause's subject speaks. */
      if (speaker == -1 && i > s->first && strcmp (tok (q, i - 1)->text, ":") == 0)
        speaker = person_in (q, s->first, i - 1);
      /* "“A,” Starmer said. “B.”": a quotation that is a whole sentence
       * of its own, right after an attributed one, goes on with the same
       * speaker. */
      guint sentence = (guint) (s - &g_array_index (seg->sentences, NkgSentence, 0));
      if (speaker == -1 && i == s->first && j + 1 >= s->last && q->last_speaker >= 0
          && sentence == q->last_sentence + 1 && s->line == q->last_line)
        speaker = q->last_speaker;
      /* "Quotes attributable to Minister X:" or "Minister X said:" on a
       * line of its own, then paragraphs that are each one quotation:
       * the person of the lead-in speaks them all, until a paragraph of
       * other words. */
      if (speaker == -1 && i == s->first && j + 1 >= s->last && sentence > 0)
        {
          const NkgSentence *p = &g_array_index (seg->sentences, NkgSentence, sentence - 1);
          if (p->line + 1 == s->line && p->last > p->first + 1 && strcmp (tok (q, p->last - 1)->text, ":") == 0)
            speaker = person_in (q, p->first, p->last - 1);
          else if (q->lead_speaker >= 0 && q->lead_line + 1 == s->line && p->line == q->lead_line)
            speaker = q->lead_speaker;
          if (speaker >= 0)
            {
              q->lead_speaker = speaker;
              q->lead_line = s->line;
            }
        }
      /* "President X stated that this was a memorable day." and then
       * "“Today's …”" opening the next sentence or paragraph with no
       * speaker of its own: whoever the sentence before reported on. */
      if (speaker == -1 && i == s->first && sentence > 0)
        {
          const NkgSentence *p = &g_array_index (seg->sentences, NkgSentence, sentence - 1);
          for (guint v = p->first; v < p->last && speaker == -1 && p->line + 1 >= s->line; v++)
            if (!(tok (q, v)->flags & (NKG_TOK_INQUOTE | NKG_TOK_OPEN)) && reports (q, v))
              {
                /* "Calling the signing a step, X said …": a verb whose
                 * speaker is not found gives way to the next one. */
                gint who = speaker_of_verb (q, v, p->first, p->last);
                if (who >= 0)
                  speaker = who;
              }
          /* A caption: a paragraph that only names someone ("The
           * Council's Ana Rojas in Lima"), then one that is only a
           * quotation: theirs. */
          gboolean verbless = p->line + 1 == s->line && p->last - p->first <= 12 && q->in->tags;
          for (guint v = p->first; verbless && v < p->last; v++)
            {
              NkgPos pos = nkg_tag_at (q->in->tags, v)->pos;
              verbless = pos != NKG_POS_VERB && pos != NKG_POS_AUX && pos != NKG_POS_MODAL
                         && !(tok (q, v)->flags & (NKG_TOK_QUOTE | NKG_TOK_INQUOTE));
            }
          if (speaker == -1 && verbless && j + 1 >= s->last && sentence + 1 < seg->sentences->len
              && g_array_index (seg->sentences, NkgSentence, sentence + 1).line != s->line)
            speaker = person_in (q, p->first, p->last);
        }
      add_quote (q, speaker, raw);
      if (speaker >= 0)
        {
          q->last_speaker = speaker;
          q->last_sentence = sentence;
          q->last_line = s->line;
        }
      i = j;
    }
}

/* Quotations a dash introduces (Scandinavian and Slavic style): a
 * paragraph opening "– The accord is fair, she said." or "…, said
 * President X.", and "X said: – I am glad …" running to the paragraph's
 * end. Only a dash with a speaker of its own counts: a list item
 * ("- more boats") has none. */
static void
dash_quotes (Q *q)
{
  const NkgSegments *seg = q->in->seg;
  guint n = seg->tokens->len;
  for (guint i = 0; i + 1 < n; i++)
    {
      const NkgToken *d = tok (q, i);
      if (!(d->flags & NKG_TOK_DASH) || (d->flags & NKG_TOK_INQUOTE) || !(tok (q, i + 1)->flags & NKG_TOK_SPACE))
        continue;
      /* "said: – …": the verb before the colon speaks what follows. */
      gint colon_verb = -1;
      if (i >= 2 && !(d->flags & NKG_TOK_LINE) && strcmp (tok (q, i - 1)->text, ":") == 0 && reports (q, i - 2))
        colon_verb = (gint) i - 2;
      if (!(d->flags & NKG_TOK_LINE) && colon_verb < 0)
        continue;
      if (i + 1 < n && (tok (q, i + 1)->flags & NKG_TOK_HANDLE))
        continue;
      /* The paragraph's end, and no quotation marks of its own. */
      guint end = i + 1;
      gboolean marked = FALSE;
      while (end < n && !(tok (q, end)->flags & NKG_TOK_LINE))
        {
          marked |= (tok (q, end)->flags & (NKG_TOK_QUOTE | NKG_TOK_INQUOTE)) != 0;
          end++;
        }
      if (marked)
        continue;
      /* ", she said", ", said President X": a comma, then a reporting
       * verb within three words. */
      guint stop = end;
      gint speaker = -1;
      for (guint c = i + 2; c < end && speaker == -1; c++)
        {
          if (strcmp (tok (q, c)->text, ",") != 0)
            continue;
          for (guint v = c + 1; v < end && v <= c + 4; v++)
            {
              const NkgToken *t = tok (q, v);
              if ((t->flags & NKG_TOK_PUNCT) && !(t->flags & NKG_TOK_ABBREV))
                break;
              if (reports (q, v))
                {
                  guint last = v + 1;
                  while (last < end && strcmp (tok (q, last)->text, ".") != 0)
                    last++;
                  speaker = speaker_of_verb (q, v, c + 1, last);
                  stop = c;
                  break;
                }
            }
          if (speaker == -2)
            speaker = -1;
        }
      if (speaker < 0 && colon_verb >= 0)
        {
          guint first = (guint) colon_verb;
          while (first > 0 && !(tok (q, first)->flags & NKG_TOK_LINE) && strcmp (tok (q, first - 1)->text, ".") != 0)
            first--;
          speaker = speaker_of_verb (q, (guint) colon_verb, first, (guint) colon_verb);
          stop = end;
        }
      if (speaker < 0 || stop <= i + 1)
        continue;
      guint text_end = stop < n ? tok (q, stop)->start : tok (q, n - 1)->end;
      g_autofree char *raw = g_strndup (seg->text + d->end, text_end - d->end);
      add_quote (q, speaker, raw);
      i = stop;
    }
}

/* "— Secretary of Commerce Jane Holloway (@CommerceSec) March 14, 2025" closes an
 * embedded post: the paragraphs just above it are its words. */
static void
tweets (Q *q)
{
  const NkgSegments *seg = q->in->seg;
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
      const NkgToken *first = nkg_tok (seg, sent->first);
      if (!(first->flags & NKG_TOK_DASH) || !(first->flags & NKG_TOK_LINE))
        continue;
      gboolean handle = FALSE;
      for (guint i = sent->first; i < sent->last; i++)
        handle |= (nkg_tok (seg, i)->flags & NKG_TOK_HANDLE) != 0;
      gint author = handle ? person_in (q, sent->first, sent->last) : -1;
      if (author < 0)
        continue;
      /* Walk back over whole paragraphs while they fit in one post. */
      guint end = first->start;
      while (end > 0 && seg->text[end - 1] == '\n')
        end--;
      guint start = end;
      while (start > 0)
        {
          guint p = start;
          if (p > 0 && seg->text[p - 1] == '\n')
            p--;
          guint line_start = p;
          while (line_start > 0 && seg->text[line_start - 1] != '\n')
            line_start--;
          if (end - line_start > MAX_TWEET_CHARS || line_start == start)
            break;
          start = line_start;
        }
      if (start >= end)
        continue;
      g_autofree char *body = g_strndup (seg->text + start, end - start);
      for (char *p = body; *p; p++)
        if (*p == '\n')
          *p = ' ';
      /* A post cut short ends in "…": keep the words, not the mark. */
      if (g_str_has_suffix (body, "\u2026"))
        body[strlen (body) - strlen ("\u2026")] = '\0';
      add_quote (q, author, body);
    }
}

void
nkg_quotes_extract (const NkgRelationInput *in, NkgDocFacts *facts)
{
  Q q = { in, facts, -1, 0, 0, -1, 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), g_hash_table_new (NULL, NULL) };
  for (guint s = 0; s < in->seg->sentences->len; s++)
    sentence_quotes (&q, &g_array_index (in->seg->sentences, NkgSentence, s));
  tweets (&q);
  dash_quotes (&q);
  g_hash_table_unref (q.by_title);
  g_hash_table_unref (q.by_country);
  g_hash_table_unref (q.by_employer);
}
