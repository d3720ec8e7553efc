/* chunks.c — noun phrases, verb groups and clauses (see chunks.h). */
#include "chunks.h"

#include <string.h>

#include "mentions.h"
#include "patterns.h"
#include "lexicon.h"
#include "words.h"

typedef struct {
  const NkgSegments *seg;
  const NkgTags *tags;
  GArray *mention_end; /* guint: token → end of the longest mention starting there, or 0 */
  GArray *mention_cue; /* guint: token → first token of that mention's title cue ("Foreign Minister X") */
  NkgChunks *out;
  guint clause;
} Chunker;

static NkgPos
pos (const Chunker *k, guint i)
{
  return nkg_tag_at (k->tags, i)->pos;
}

static const NkgTag *
tag (const Chunker *k, guint i)
{
  return nkg_tag_at (k->tags, i);
}

static const NkgToken *
tok (const Chunker *k, guint i)
{
  return nkg_tok (k->seg, i);
}

static gboolean
nominal (NkgPos p)
{
  return p == NKG_POS_NOUN || p == NKG_POS_PROPN || p == NKG_POS_NUM;
}

/* "$50 million", "€2bn": a currency sign (patterns.txt list currencysign)
 * with its amount right after it belongs to the amount's phrase ("a $50
 * million loan agreement" is one noun phrase). */
static gboolean
currency_sign (const Chunker *k, guint i, guint end)
{
  return i + 1 < end && pos (k, i + 1) == NKG_POS_NUM && !(tok (k, i + 1)->flags & NKG_TOK_SPACE)
         && NKG_TOK_IN_LIST ("currencysign", tok (k, i));
}

/* A word that can sit inside a noun phrase before its head. */
static gboolean
np_inner (const Chunker *k, guint i, guint end)
{
  NkgPos p = pos (k, i);
  if (nominal (p) || p == NKG_POS_ADJ)
    return TRUE;
  if (currency_sign (k, i, end))
    return TRUE;
  /* "the signed accord", "a signing ceremony": a participle before a noun,
   * right after a determiner or modifier (after a name, "X flew home" is
   * a verb) */
  if (p == NKG_POS_VERB && i + 1 < end && nominal (pos (k, i + 1)) && i > 0
      && (pos (k, i - 1) == NKG_POS_DET || pos (k, i - 1) == NKG_POS_POSS || pos (k, i - 1) == NKG_POS_ADJ
          || pos (k, i - 1) == NKG_POS_NUM)
      && (tag (k, i)->form == NKG_FORM_PAST || tag (k, i)->form == NKG_FORM_GER))
    return TRUE;
  /* "US-India", "10-year": a dash joining words without spaces */
  if ((tok (k, i)->flags & NKG_TOK_DASH) && !(tok (k, i)->flags & NKG_TOK_SPACE) && i + 1 < end
      && !(tok (k, i + 1)->flags & NKG_TOK_SPACE) && (tok (k, i + 1)->flags & NKG_TOK_WORD))
    return TRUE;
  return FALSE;
}

static void
push (Chunker *k, guint first, guint last, NkgChunkKind kind, guint sentence)
{
  NkgChunk c = { 0 };
  c.first = first;
  c.last = last;
  c.kind = kind;
  c.sentence = sentence;
  c.clause = k->clause;
  c.group = k->out->chunks->len;
  c.head = last - 1;
  if (kind == NKG_CHUNK_NP)
    {
      /* The head: the last nominal before a possessive's owned part ends
       * the phrase ("Kenya’s capital" → capital), else the last word. */
      for (guint i = last; i-- > first;)
        if (nominal (pos (k, i)) || pos (k, i) == NKG_POS_PRON)
          {
            c.head = i;
            break;
          }
    }
  if (kind == NKG_CHUNK_VG)
    {
      gboolean be = FALSE, verb = FALSE;
      for (guint i = first; i < last; i++)
        {
          const NkgTag *t = tag (k, i);
          if (t->pos == NKG_POS_VERB)
            {
              c.head = i;
              verb = TRUE;
            }
          else if (!verb && (t->pos == NKG_POS_AUX || t->pos == NKG_POS_MODAL))
            c.head = i;
          if (t->pos == NKG_POS_AUX && t->lemma && strcmp (t->lemma, "be") == 0)
            be = TRUE;
          if (t->pos == NKG_POS_MODAL || t->pos == NKG_POS_TO)
            c.planned = TRUE;
          if (t->pos == NKG_POS_NEG)
            c.negated = TRUE;
        }
      const NkgTag *h = tag (k, c.head);
      if (verb && h->form == NKG_FORM_PAST && be)
        c.passive = TRUE;
      /* "the pact, signed by A and B": a participle with its agent */
      if (verb && h->form == NKG_FORM_PAST && c.head == first && last < k->seg->tokens->len
          && strcmp (tok (k, last)->lower, "by") == 0 && (first == 0 || pos (k, first - 1) != NKG_POS_PRON))
        c.passive = TRUE;
      if (verb && h->form == NKG_FORM_GER && !be)
        c.gerund = TRUE;
    }
  c.lemma = tag (k, c.head)->lemma;
  /* Written into the room nkg_chunks_new made, a chunk a token (an
   * append call a chunk was a third of pushing one); past it (never, as
   * chunks do not overlap) appended. */
  GArray *chunks = k->out->chunks;
  if (chunks->len < k->seg->tokens->len)
    ((NkgChunk *) (void *) chunks->data)[chunks->len++] = c;
  else
    g_array_append_val (chunks, c);
}

/* Whether a verb follows from token i, past adverbs and negation. */
static gboolean
to_verb (const Chunker *k, guint i, guint end)
{
  while (i < end && (pos (k, i) == NKG_POS_ADV || pos (k, i) == NKG_POS_NEG))
    i++;
  return i < end && (pos (k, i) == NKG_POS_VERB || pos (k, i) == NKG_POS_AUX);
}

static gboolean
opens_clause (const Chunker *k, guint i)
{
  NkgPos p = pos (k, i);
  if (p == NKG_POS_SCONJ || p == NKG_POS_WH)
    return TRUE;
  const NkgToken *t = tok (k, i);
  if ((t->flags & NKG_TOK_QUOTE) || strcmp (t->text, ";") == 0 || strcmp (t->text, ":") == 0)
    return TRUE;
  /* a spaced dash: "— the two leaders …" */
  return (t->flags & NKG_TOK_DASH) && (t->flags & NKG_TOK_SPACE) && !(t->flags & NKG_TOK_WORD);
}

/* "Malaysian foreign minister Rosli Kamal", "Bangladesh's energy adviser
 * X": a title in lower case (the mention finder reads capitalised ones
 * only) right before a person's name is in the name's phrase, so that
 * "A and B signed" coordinates both officials. */
static gboolean
lower_title_before (const NkgSegments *seg, const NkgMention *x)
{
  if (x->klass != NKG_CLASS_PERSON || x->first == 0)
    return FALSE;
  const NkgToken *t = nkg_tok (seg, x->first - 1);
  return g_ascii_islower (*t->text) && (nkg_word_entry (t)->roles & NKG_W_TITLE);
}

static void
chunk_sentence (Chunker *k, guint s)
{
  const NkgSentence *sent = &g_array_index (k->seg->sentences, NkgSentence, s);
  guint end = sent->last;
  k->clause++;
  for (guint i = sent->first; i < end;)
    {
      guint mend = g_array_index (k->mention_end, guint, i);
      NkgPos p = pos (k, i);
      if (opens_clause (k, i))
        k->clause++;
      /* Noun phrase: determiners, modifiers, a head; a mention inside is whole. */
      if (mend || p == NKG_POS_DET || p == NKG_POS_POSS || nominal (p) || p == NKG_POS_ADJ || p == NKG_POS_PRON
          || (p == NKG_POS_VERB && np_inner (k, i, end)) || currency_sign (k, i, end))
        {
          guint j = i + 1;
          guint reach = MAX (mend, i + 1);
          if (p == NKG_POS_PRON)
            {
              push (k, i, j, NKG_CHUNK_NP, s);
              i = j;
              continue;
            }
          for (;;)
            {
              if (j < reach)
                {
                  j++;
                  continue;
                }
              if (j >= end)
                break;
              guint me = g_array_index (k->mention_end, guint, j);
              /* A time after a name is an adverbial: "in Lima Tuesday". */
              if (tag (k, j)->noun_class == NKG_NOUN_TIME && pos (k, j) == NKG_POS_PROPN && j > i
                  && pos (k, j - 1) == NKG_POS_PROPN)
                break;
              if (me)
                {
                  /* A name right after a determiner or modifiers continues the
                   * phrase ("the Portuguese Space Agency"); after a full noun
                   * it starts a new one ("Chile Monday"), unless it is owned. */
                  /* A person's title cue anywhere in the phrase so far
                   * ("Kenyan Prime Minister Ana Rutto") joins it too. */
                  if (!nominal (pos (k, j - 1)) || pos (k, j - 1) == NKG_POS_POSSMARK
                      || g_array_index (k->mention_cue, guint, j) < j)
                    {
                      reach = me;
                      continue;
                    }
                  break;
                }
              if (pos (k, j) == NKG_POS_POSSMARK)
                {
                  j++;
                  continue;
                }
              if (np_inner (k, j, end) || (pos (k, j - 1) == NKG_POS_POSSMARK && (pos (k, j) == NKG_POS_DET)))
                {
                  j++;
                  continue;
                }
              break;
            }
          push (k, i, j, NKG_CHUNK_NP, s);
          i = j;
          continue;
        }
      /* Verb group: auxiliaries, modals, negation and adverbs around verbs. */
      if (p == NKG_POS_VERB || p == NKG_POS_AUX || p == NKG_POS_MODAL
          || (p == NKG_POS_TO && i + 1 < end && pos (k, i + 1) == NKG_POS_VERB))
        {
          guint j = i + 1;
          while (j < end)
            {
              NkgPos q = pos (k, j);
              if (q == NKG_POS_AUX || q == NKG_POS_MODAL || q == NKG_POS_NEG)
                j++;
              /* "to" only before its verb ("to sign", "to not sign", "to
               * formally sign"): "spoke to reporters" plans nothing */
              else if (q == NKG_POS_TO && to_verb (k, j + 1, end))
                j++;
              else if (q == NKG_POS_VERB && !(tag (k, j)->form == NKG_FORM_BASE && pos (k, j - 1) == NKG_POS_VERB))
                j++;
              /* "have officially signed": an adverb between verbal words */
              else if (q == NKG_POS_ADV && j + 1 < end
                       && (pos (k, j + 1) == NKG_POS_VERB || pos (k, j + 1) == NKG_POS_AUX))
                j++;
              else
                break;
            }
          push (k, i, j, NKG_CHUNK_VG, s);
          i = j;
          continue;
        }
      NkgChunkKind kind = NKG_CHUNK_OTHER;
      switch (p)
        {
        case NKG_POS_PREP:
        case NKG_POS_TO:
          kind = NKG_CHUNK_PREP;
          break;
        case NKG_POS_CONJ:
          kind = NKG_CHUNK_CONJ;
          break;
        case NKG_POS_SCONJ:
        case NKG_POS_WH:
          kind = NKG_CHUNK_CLAUSE;
          break;
        case NKG_POS_PUNCT:
        case NKG_POS_POSSMARK:
          kind = NKG_CHUNK_PUNCT;
          break;
        case NKG_POS_ADV:
        case NKG_POS_NEG:
          kind = NKG_CHUNK_ADV;
          break;
        default:
          break;
        }
      push (k, i, i + 1, kind, s);
      i++;
    }
}

static gboolean
chunk_is (const NkgChunks *c, const NkgSegments *seg, guint i, const char *lower)
{
  if (i >= c->chunks->len)
    return FALSE;
  const NkgChunk *x = nkg_chunk (c, i);
  if (x->last != x->first + 1)
    return FALSE;
  /* (the first byte first: most one-word chunks are not the word asked) */
  const char *w = nkg_tok (seg, x->first)->lower;
  return w[0] == lower[0] && strcmp (w, lower) == 0;
}

/* The chunk after "of NP" or "(NP)" at j, or j when there is none. */
static guint
qualifier (const NkgChunks *c, const NkgSegments *seg, guint j)
{
  if (j + 1 < c->chunks->len && chunk_is (c, seg, j, "of") && nkg_chunk (c, j + 1)->kind == NKG_CHUNK_NP)
    return j + 2;
  if (j + 2 < c->chunks->len && chunk_is (c, seg, j, "(") && nkg_chunk (c, j + 1)->kind == NKG_CHUNK_NP
      && chunk_is (c, seg, j + 2, ")"))
    return j + 3;
  return j;
}

/* "A, Foreign Minister of Thailand, and B": whether the noun phrase at n
 * is a title in apposition — capitalised words ending on a title, no
 * determiner — with "of NP" after it and then ", and"; the chunk after
 * its qualifier in *past. */
static gboolean
title_apposition (const NkgChunks *c, const NkgSegments *seg, guint n, guint *past)
{
  const NkgChunk *x = nkg_chunk (c, n);
  if (x->kind != NKG_CHUNK_NP || !(nkg_word_entry (nkg_tok (seg, x->last - 1))->roles & NKG_W_TITLE))
    return FALSE;
  for (guint t = x->first; t < x->last; t++)
    if (!(nkg_tok (seg, t)->flags & NKG_TOK_CAP))
      return FALSE;
  guint q = qualifier (c, seg, n + 1);
  if (q == n + 1 || q + 1 >= c->chunks->len || !chunk_is (c, seg, q, ",") || nkg_chunk (c, q + 1)->kind != NKG_CHUNK_CONJ)
    return FALSE;
  *past = q;
  return TRUE;
}

/* "A, B and C", "A and B", "A or B": one group, within a sentence. */
static void
coordinate (NkgChunks *c, const NkgSegments *seg)
{
  /* one array for every noun phrase's try (200,000 per 2,300 articles);
   * a group's members are chunks, each at most once */
  g_autofree guint *members = g_new (guint, MAX (c->chunks->len, 1));
  guint n_members = 0;
  for (guint i = 0; i < c->chunks->len; i++)
    {
      NkgChunk *x = &g_array_index (c->chunks, NkgChunk, i);
      if (x->kind != NKG_CHUNK_NP)
        continue;
      /* "On 12 December in Madrid, Chile and Peru signed …": the last
       * noun of a fronted adverbial, before its comma, is no member of
       * the subject that follows. */
      if (i > 0 && nkg_chunk (c, i - 1)->kind == NKG_CHUNK_PREP && i + 1 < c->chunks->len && chunk_is (c, seg, i + 1, ","))
        {
          /* from the sentence's first chunk, a preposition, on: only
           * prepositions and their nouns */
          gboolean fronted = TRUE;
          guint k = i;
          for (; k > 0 && nkg_chunk (c, k - 1)->sentence == x->sentence && fronted; k--)
            fronted = nkg_chunk (c, k - 1)->kind == NKG_CHUNK_PREP || nkg_chunk (c, k - 1)->kind == NKG_CHUNK_NP;
          fronted = fronted && nkg_chunk (c, k)->kind == NKG_CHUNK_PREP;
          if (fronted)
            continue;
        }
      /* Look for ", NP" repeated, then "(,) and|or NP". */
      guint j = i + 1;
      n_members = 0;
      members[n_members++] = i;
      gboolean closed = FALSE;
      while (j + 1 < c->chunks->len && nkg_chunk (c, j)->sentence == x->sentence)
        {
          /* "A of Latvia and B of Estonia", "A (Kenya) and B (Ghana)": a
           * member's qualifier is not a member — when the next member has
           * one too; "the ministers of Chile and Peru" coordinates inside. */
          guint q = qualifier (c, seg, j);
          /* "The Asian Bank (AB) and Chile": an acronym in brackets is
           * the member's other name */
          if (q == j + 3 && chunk_is (c, seg, j, "(") && nkg_chunk (c, j + 1)->last == nkg_chunk (c, j + 1)->first + 1
              && (nkg_tok (seg, nkg_chunk (c, j + 1)->first)->flags & NKG_TOK_UPPER) && q < c->chunks->len
              && nkg_chunk (c, q)->sentence == x->sentence)
            j = q;
          else if (q > j && q < c->chunks->len)
            {
              guint cm = q + chunk_is (c, seg, q, ",");
              guint nx = cm + (cm < c->chunks->len && nkg_chunk (c, cm)->kind == NKG_CHUNK_CONJ);
              if (nx > q && nx < c->chunks->len && nkg_chunk (c, nx)->kind == NKG_CHUNK_NP
                  && qualifier (c, seg, nx + 1) > nx + 1)
                j = q;
            }
          if (j + 1 >= c->chunks->len || nkg_chunk (c, j)->sentence != x->sentence)
            break;
          gboolean comma = chunk_is (c, seg, j, ",");
          guint k = j + comma;
          gboolean conj = k < c->chunks->len && nkg_chunk (c, k)->kind == NKG_CHUNK_CONJ
                          && (chunk_is (c, seg, k, "and") || chunk_is (c, seg, k, "or"));
          guint n = k + conj;
          if ((!comma && !conj) || n >= c->chunks->len || nkg_chunk (c, n)->kind != NKG_CHUNK_NP
              || nkg_chunk (c, n)->sentence != x->sentence)
            break;
          /* the first member's title is no member: "A, Foreign Minister
           * of Thailand, and B" */
          guint past;
          if (comma && !conj && n_members == 1 && title_apposition (c, seg, n, &past))
            {
              j = past;
              continue;
            }
          members[n_members++] = n;
          j = n + 1;
          if (conj)
            {
              closed = TRUE;
              break;
            }
        }
      /* Commas alone list appositions as often as members: only a list
       * closed by "and"/"or" is a group. */
      if (closed)
        for (guint m = 0; m < n_members; m++)
          g_array_index (c->chunks, NkgChunk, members[m]).group = i;
      if (closed)
        i = members[n_members - 1];
    }
}

NkgChunks *
nkg_chunks_new (const NkgSegments *seg, const NkgTags *tags, GPtrArray *mentions)
{
  Chunker k = { seg, tags, g_array_sized_new (FALSE, TRUE, sizeof (guint), seg->tokens->len),
                g_array_sized_new (FALSE, TRUE, sizeof (guint), seg->tokens->len), NULL, 0 };
  g_array_set_size (k.mention_end, seg->tokens->len);
  g_array_set_size (k.mention_cue, seg->tokens->len);
  for (guint t = 0; t < seg->tokens->len; t++)
    g_array_index (k.mention_cue, guint, t) = t;
  for (guint m = 0; mentions && m < mentions->len; m++)
    {
      NkgMention *x = g_ptr_array_index (mentions, m);
      /* a capitalised word that is no name ("Signed" opening a sentence) */
      if (x->nested || x->first >= seg->tokens->len || x->last > seg->tokens->len
          || (x->klass == NKG_CLASS_NONE && x->cluster < 0))
        continue;
      guint *e = &g_array_index (k.mention_end, guint, x->first);
      *e = MAX (*e, x->last);
      /* the title before a person is in the person's phrase */
      if (nkg_mention_n_titles (x) && x->cue_first < x->first)
        {
          guint *q = &g_array_index (k.mention_cue, guint, x->first);
          *q = MIN (*q, x->cue_first);
        }
      else if (lower_title_before (seg, x))
        {
          guint *q = &g_array_index (k.mention_cue, guint, x->first);
          *q = MIN (*q, x->first - 1);
        }
    }
  k.out = g_new0 (NkgChunks, 1);
  /* (room for a chunk a token, the most there can be: a chunk holds a
   * token or more, and chunks do not overlap) */
  k.out->chunks = g_array_sized_new (FALSE, FALSE, sizeof (NkgChunk), seg->tokens->len);
  k.out->sent_first = g_array_sized_new (FALSE, FALSE, sizeof (guint), seg->sentences->len + 1);
  k.out->of_token = g_array_sized_new (FALSE, TRUE, sizeof (guint), seg->tokens->len);
  g_array_set_size (k.out->of_token, seg->tokens->len);
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      guint n = k.out->chunks->len;
      g_array_append_val (k.out->sent_first, n);
      chunk_sentence (&k, s);
    }
  guint n = k.out->chunks->len;
  g_array_append_val (k.out->sent_first, n);
  for (guint i = 0; i < k.out->chunks->len; i++)
    {
      const NkgChunk *c = nkg_chunk (k.out, i);
      for (guint t = c->first; t < c->last; t++)
        g_array_index (k.out->of_token, guint, t) = i;
    }
  coordinate (k.out, seg);
  g_array_unref (k.mention_end);
  g_array_unref (k.mention_cue);
  return k.out;
}

void
nkg_chunks_free (NkgChunks *c)
{
  if (!c)
    return;
  g_array_unref (c->chunks);
  g_array_unref (c->sent_first);
  g_array_unref (c->of_token);
  g_free (c);
}

void
nkg_chunks_sentence (const NkgChunks *c, guint s, guint *from, guint *to)
{
  if (s + 1 >= c->sent_first->len)
    {
      *from = *to = c->chunks->len;
      return;
    }
  *from = g_array_index (c->sent_first, guint, s);
  *to = g_array_index (c->sent_first, guint, s + 1);
}

GArray *
nkg_chunks_group (const NkgChunks *c, guint np)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  gint g = nkg_chunk (c, np)->group;
  for (guint i = g; i < c->chunks->len && nkg_chunk (c, i)->sentence == nkg_chunk (c, np)->sentence; i++)
    if (nkg_chunk (c, i)->kind == NKG_CHUNK_NP && nkg_chunk (c, i)->group == g)
      g_array_append_val (out, i);
  if (!out->len)
    g_array_append_val (out, np);
  return out;
}

/* An adverbial before a verb: "on Monday", "in Lisbon on Friday",
 * "yesterday", "also" — returns its first chunk, or `at` when none. */
static guint
skip_adverbials_back (const NkgChunks *c, guint at, guint floor)
{
  guint i = at;
  while (i > floor)
    {
      const NkgChunk *p = nkg_chunk (c, i - 1);
      if (p->kind == NKG_CHUNK_ADV)
        {
          i--;
          continue;
        }
      /* PREP NP */
      if (p->kind == NKG_CHUNK_NP && i - 1 > floor && nkg_chunk (c, i - 2)->kind == NKG_CHUNK_PREP
          && nkg_chunk (c, i - 2)->clause == p->clause)
        {
          i -= 2;
          continue;
        }
      break;
    }
  return i;
}

gint
nkg_chunks_subject (const NkgChunks *c, guint vg)
{
  const NkgChunk *v = nkg_chunk (c, vg);
  guint from, to;
  nkg_chunks_sentence (c, v->sentence, &from, &to);
  guint i = skip_adverbials_back (c, vg, from);
  /* past ", X," (an apposition or aside) */
  if (i > from + 2 && nkg_chunk (c, i - 1)->kind == NKG_CHUNK_PUNCT)
    {
      guint j = i - 1;
      while (j > from && nkg_chunk (c, j - 1)->kind != NKG_CHUNK_PUNCT && j + 8 > i)
        j--;
      if (j > from + 1 && nkg_chunk (c, j - 1)->kind == NKG_CHUNK_PUNCT && nkg_chunk (c, j - 2)->kind == NKG_CHUNK_NP)
        i = j - 1;
    }
  if (i == from || nkg_chunk (c, i - 1)->kind != NKG_CHUNK_NP)
    return -1;
  if (nkg_chunk (c, i - 1)->clause != v->clause && nkg_chunk (c, i - 1)->clause + 1 != v->clause)
    return -1;
  return i - 1;
}

gint
nkg_chunks_object (const NkgChunks *c, guint vg)
{
  const NkgChunk *v = nkg_chunk (c, vg);
  guint i = vg + 1;
  while (i < c->chunks->len && nkg_chunk (c, i)->kind == NKG_CHUNK_ADV && nkg_chunk (c, i)->sentence == v->sentence)
    i++;
  if (i < c->chunks->len && nkg_chunk (c, i)->kind == NKG_CHUNK_NP && nkg_chunk (c, i)->sentence == v->sentence)
    return i;
  return -1;
}

char *
nkg_chunks_describe (const NkgChunks *c, const NkgSegments *seg, guint sentence)
{
  static const char *const names[] = { "NP", "VG", "P", "CC", "CL", "", "ADV", "O" };
  GString *out = g_string_new (NULL);
  guint from, to;
  nkg_chunks_sentence (c, sentence, &from, &to);
  for (guint i = from; i < to; i++)
    {
      const NkgChunk *x = nkg_chunk (c, i);
      g_autofree char *text = nkg_segments_span (seg, x->first, x->last);
      if (x->kind == NKG_CHUNK_PUNCT)
        g_string_append_printf (out, "%s ", text);
      else
        g_string_append_printf (out, "[%s%s%s%s %s]%s ", names[x->kind], x->passive ? ":pass" : "",
                                x->planned ? ":plan" : "", x->negated ? ":neg" : "", text,
                                x->kind == NKG_CHUNK_NP && x->group != (gint) i ? "+" : "");
    }
  if (out->len)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
