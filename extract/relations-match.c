/* relations-match.c — runs the chunk patterns of data/patterns.txt.
 *
 * A pattern is a row of elements (patterns.h); it matches a sentence
 * where its elements match consecutive chunks (a gap "..." takes up to
 * eight). Noun phrases bind roles to the entities named in them, verb
 * groups test their lemma, voice and modality, and a match states the
 * row's facts over the roles.
 */
#include <string.h>

#include "docindex.h"
#include "tagger.h"
#include "relations-private.h"
#include "textutil.h"
#include "words.h"

#define MAX_ROLES 8
#define MAX_GAP 8

typedef struct {
  const char *role;
  gint chunk;   /* first NP of the binding */
  GArray *entities; /* gint */
  GArray *members;  /* guint: its noun phrases, when signers are resolved after the match */
} Binding;

typedef struct {
  Binding b[MAX_ROLES];
  guint n;
  gint verb;    /* main verb token of the last verb group matched, or -1 */
} Match;

static const NkgChunk *
chunk (const Ctx *c, guint i)
{
  return nkg_chunk (c->in->chunks, i);
}

static gboolean
class_wanted (NkgClass k, guint want)
{
  if (!want)
    return TRUE;
  if ((want & NKG_WANT_PERSON) && k == NKG_CLASS_PERSON)
    return TRUE;
  if ((want & NKG_WANT_COUNTRY) && k == NKG_CLASS_COUNTRY)
    return TRUE;
  if ((want & NKG_WANT_ORG) && k == NKG_CLASS_ORG)
    return TRUE;
  if ((want & NKG_WANT_GOV) && k == NKG_CLASS_GOV_ORG)
    return TRUE;
  if ((want & NKG_WANT_CITY) && k == NKG_CLASS_CITY)
    return TRUE;
  if ((want & NKG_WANT_PLACE) && nkg_class_coarse (k) == NKG_CLASS_PLACE)
    return TRUE;
  if ((want & NKG_WANT_EVENT) && k == NKG_CLASS_EVENT)
    return TRUE;
  if ((want & NKG_WANT_AGREEMENT) && k == NKG_CLASS_AGREEMENT)
    return TRUE;
  return FALSE;
}

/* The two agreements named last before the sentence, outside quotation
 * marks, whose names hold the phrase's head (`head`, a lemma): "… adopted
 * the X Declaration and the Y Declaration, and signed a Z statement.
 * Nepal endorsed both declarations"; they replace `ents`, which is left
 * empty when fewer than two were named. */
static void
latest_two_agreements (const Ctx *c, const char *head, GArray *ents)
{
  gint found[2] = { -1, -1 };
  guint n = 0;
  for (guint i = c->in->mentions->len; i-- > 0 && n < 2;)
    {
      NkgMention *m = nkg_rel_mention (c, i);
      if (m->last > c->first || m->in_quote || m->nested)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (e < 0 || nkg_rel_eclass (c, e) != NKG_CLASS_AGREEMENT || e == found[0]
          || NKG_TOK_IN_LIST ("bothagreements", nkg_rel_tok (c, m->first)))
        continue;
      gboolean named = FALSE;
      for (guint k = m->first; k < m->last && !named; k++)
        named = head && g_ascii_strcasecmp (nkg_tag_at (c->in->tags, k)->lemma, head) == 0;
      if (named)
        found[n++] = e;
    }
  g_array_set_size (ents, 0);
  if (n == 2)
    g_array_append_vals (ents, found, 2);
}

/* Entities named in noun phrase `ci` that an element wants. */
static void
np_entities (const Ctx *c, guint ci, guint want, GArray *out)
{
  const NkgChunk *x = chunk (c, ci);
  /* Signers are resolved once the whole pattern matched (state): reading
   * "Lima" as Peru's government adds Peru to the document. Here only
   * whether there could be one. */
  if (want & NKG_WANT_SIGNER)
    {
      want = NKG_WANT_PERSON | NKG_WANT_COUNTRY | NKG_WANT_ORG | NKG_WANT_GOV | NKG_WANT_CITY;
      /* "the Lao government" */
      nkg_rel_demonym_sides (c, x->first, x->last, out);
    }
  /* "signed on behalf of the Nepali government": the country, when the
   * article names it */
  else if (want & (NKG_WANT_COUNTRY | NKG_WANT_GOV))
    nkg_rel_demonym_sides (c, x->first, x->last, out);
  guint from = nkg_mention_index_from_token (c->in->index, x->first);
  /* A name that the chunker cut at "of" ("a memorandum of understanding",
   * "the Treaty of Friendship") belongs to the phrase it ends in. */
  for (guint k = from; k-- > 0 && from - k <= 4;)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->sentence != c->sentence)
        break;
      if (m->last != x->last || m->nested)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (e >= 0 && class_wanted (nkg_rel_eclass (c, e), want))
        g_array_append_val (out, e);
      break;
    }
  for (guint k = from; k < c->in->mentions->len; k++)
    {
      NkgMention *m = g_ptr_array_index (c->in->mentions, k);
      if (m->first >= x->last)
        break;
      if (m->last > x->last || m->nested)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (e < 0 || !class_wanted (nkg_rel_eclass (c, e), want))
        continue;
      gboolean dup = FALSE;
      for (guint j = 0; j < out->len && !dup; j++)
        dup = g_array_index (out, gint, j) == e;
      if (!dup)
        g_array_append_val (out, e);
    }
}

static gboolean
one_word (const Ctx *c, guint ci, const char *w)
{
  const NkgChunk *x = chunk (c, ci);
  if (x->last != x->first + 1)
    return FALSE;
  const char *lower = nkg_tok (c->in->seg, x->first)->lower;
  return lower[0] == w[0] && strcmp (lower, w) == 0;
}

/* Whether noun phrase x counts what it names: "three documents", "the
 * 15 agreements". */
static gboolean
counted (const Ctx *c, const NkgChunk *x)
{
  guint i = x->first;
  if (i + 1 < x->last && nkg_tag_at (c->in->tags, i)->pos == NKG_POS_DET)
    i++;
  const NkgToken *t = nkg_tok (c->in->seg, i);
  return i + 1 < x->last && ((t->flags & NKG_TOK_NUM) || nkg_rel_number_word (t->lower) >= 2);
}

/* Whether lower-case word w is one of a pattern's 'of|to'. */
static gboolean
word_is_one_of (const char *w, const char *alternatives)
{
  size_t n = strlen (w);
  /* (the first byte before the call: most alternatives differ there) */
  for (const char *a = alternatives; a;)
    {
      if ((n == 0 || a[0] == w[0]) && strncmp (a, w, n) == 0 && (a[n] == '\0' || a[n] == '|'))
        return TRUE;
      const char *bar = strchr (a, '|');
      a = bar ? bar + 1 : NULL;
    }
  return FALSE;
}

/* Whether chunk ci is one of the words of a pattern's 'of|to'. */
static gboolean
one_of_words (const Ctx *c, guint ci, const char *alternatives)
{
  const NkgChunk *x = chunk (c, ci);
  if (x->last != x->first + 1)
    return FALSE;
  return word_is_one_of (nkg_tok (c->in->seg, x->first)->lower, alternatives);
}

/* one_of_words for a WORD element: by the token's word number when the
 * match index gave the element its alternatives' numbers. A token whose
 * lower case is an alternative the tables know has that word's entry,
 * and one of no entry can only be an alternative no table knows. */
static gboolean
elem_word_fits (const Ctx *c, guint ci, const NkgElem *el)
{
  if (!el->word_numbers)
    return one_of_words (c, ci, el->word);
  const NkgChunk *x = chunk (c, ci);
  if (x->last != x->first + 1)
    return FALSE;
  const NkgToken *t = nkg_tok (c->in->seg, x->first);
  guint w = nkg_word_entry (t)->number;
  if (w == G_MAXUINT)
    return el->word_numbers_unknown && word_is_one_of (t->lower, el->word);
  for (guint i = 0; i < el->n_word_numbers; i++)
    if (el->word_numbers[i] == w)
      return TRUE;
  return FALSE;
}

/* Past "of Latvia", "(Kenya)" after a group member: they qualify it. */
static guint
past_qualifiers (const Ctx *c, guint i, guint end)
{
  if (i + 1 < end && one_word (c, i, "of") && chunk (c, i + 1)->kind == NKG_CHUNK_NP)
    return i + 2;
  if (i + 2 < end && one_word (c, i, "(") && chunk (c, i + 1)->kind == NKG_CHUNK_NP && one_word (c, i + 2, ")"))
    return i + 3;
  return i;
}

/* Past what may stand between a subject and its verb: "on Monday",
 * "yesterday", "also", an apposition ", Prime Minister of Pakistan(,)". */
static guint
past_adverbials (const Ctx *c, guint i, guint end)
{
  for (guint n = 0; n < 3 && i < end; n++)
    {
      const NkgChunk *x = chunk (c, i);
      if (n == 0 && one_word (c, i, ",") && i + 1 < end && chunk (c, i + 1)->kind == NKG_CHUNK_NP)
        {
          guint j = past_qualifiers (c, i + 2, end);
          while (j < end && j + 1 < end && one_word (c, j, "of") && chunk (c, j + 1)->kind == NKG_CHUNK_NP)
            j += 2;
          if (j < end && one_word (c, j, ","))
            j++;
          if (j < end && chunk (c, j)->kind == NKG_CHUNK_VG)
            {
              i = j;
              continue;
            }
        }
      if (x->kind == NKG_CHUNK_ADV)
        i++;
      /* "Leaders of the Andean Council (AC) yesterday adopted …": a time
       * word chunked as a noun phrase of its own */
      else if (x->kind == NKG_CHUNK_NP && x->last == x->first + 1 && i + 1 < end && chunk (c, i + 1)->kind == NKG_CHUNK_VG
               && NKG_TOK_IN_LIST ("timenoun", nkg_rel_tok (c, x->first)))
        i++;
      else if (x->kind == NKG_CHUNK_PREP && i + 1 < end && one_word (c, i, "on") && chunk (c, i + 1)->kind == NKG_CHUNK_NP)
        i += 2;
      else
        break;
    }
  return i;
}

static gboolean match_from (Ctx *c, const NkgPattern *p, guint e, guint ci, guint from, guint end, Match *m);

/* A binding's entity array: most tries fail (no entity the element
 * wants), so the array of a failed one is kept for the next try instead
 * of freed and made again (35,000 times per 300 articles). */
static GArray *
entities_new (Ctx *c)
{
  GArray *a = g_steal_pointer (&c->spare_entities);
  return a ? a : g_array_new (FALSE, FALSE, sizeof (gint));
}

static void
entities_drop (Ctx *c, GArray *a)
{
  if (!a)
    return;
  if (c->spare_entities)
    g_array_unref (a);
  else
    {
      g_array_set_size (a, 0);
      c->spare_entities = a;
    }
}

static void
bindings_drop (Ctx *c, Match *m, guint from)
{
  for (guint k = from; k < m->n; k++)
    {
      entities_drop (c, m->b[k].entities);
      g_clear_pointer (&m->b[k].members, g_array_unref);
    }
  m->n = from;
}

/* "… signed the pact on Monday, and Ecuador joined it on Tuesday": the
 * chunker coordinates "Monday" and "Ecuador"; a member after ", and" and
 * a member that names nothing the element wants, right before a verb
 * group, opens a clause of its own (not "Peru, and Bolivia signed"). */
static gboolean
new_clause_subject (const Ctx *c, const NkgElem *el, guint ci, guint end)
{
  if (!el->want || ci < 3 || ci + 1 >= end || chunk (c, ci + 1)->kind != NKG_CHUNK_VG || !one_word (c, ci - 1, "and")
      || !one_word (c, ci - 2, ",") || chunk (c, ci - 3)->kind != NKG_CHUNK_NP)
    return FALSE;
  g_autoptr (NkgIntArray) before = nkg_int_array_new ();
  np_entities (c, ci - 3, el->want, before);
  return before->len == 0;
}

static gboolean
bind_np (Ctx *c, const NkgPattern *p, const NkgElem *el, guint e, guint ci, guint from, guint end, Match *m)
{
  const NkgChunk *x = chunk (c, ci);
  if (x->kind != NKG_CHUNK_NP)
    return FALSE;
  /* A pattern's first noun phrase is a subject, never the object of a
   * preposition ("negotiators from Peru and Chile initialled …") —
   * except an agreement a participle qualifies ("under the accord signed
   * by …"). */
  if (el->want != NKG_WANT_AGREEMENT && (e == 0 || ((const NkgElem *) g_ptr_array_index (p->elements, e - 1))->kind == NKG_ELEM_START)
      && e + 1 < p->elements->len && ((const NkgElem *) g_ptr_array_index (p->elements, e + 1))->kind == NKG_ELEM_VG
      && ci > from && chunk (c, ci - 1)->kind == NKG_CHUNK_PREP)
    return FALSE;
  if (el->list && !nkg_patterns_in_list (el->list, x->lemma))
    return FALSE;
  if (el->word && g_strcmp0 (x->lemma, el->word) != 0)
    return FALSE;
  if (el->anylist)
    {
      gboolean any = FALSE;
      for (guint i = x->first; i < x->last && !any; i++)
        any = nkg_patterns_in_list (el->anylist, nkg_tag_at (c->in->tags, i)->lemma);
      if (!any)
        return FALSE;
    }
  g_autoptr (GArray) members = el->group ? nkg_chunks_group (c->in->chunks, ci) : NULL;
  if (members && g_array_index (members, guint, 0) != ci && new_clause_subject (c, el, ci, end))
    {
      guint k = 0;
      while (k < members->len && g_array_index (members, guint, k) != ci)
        k++;
      g_array_remove_range (members, 0, k);
    }
  if (members && g_array_index (members, guint, 0) != ci)
    {
      /* "after signing X in Lima on Monday, Chile and Peru …": the
       * pattern's comma ends a fronted phrase that the chunker took for
       * the group's first member; the group is what follows it */
      const NkgElem *prev = e > 0 ? g_ptr_array_index (p->elements, e - 1) : NULL;
      if (!prev || prev->kind != NKG_ELEM_WORD || strcmp (prev->word, ",") != 0)
        return FALSE;
      guint k = 0;
      while (k < members->len && g_array_index (members, guint, k) != ci)
        k++;
      if (k == members->len || k + 1 >= members->len)
        return FALSE;
      g_array_remove_range (members, 0, k);
    }
  /* "by Secretary of State Ana Costa and Minister Omar Kell", chunked as
   * "Secretary", "of", then the group "State Ana Costa and Minister Omar
   * Kell": a title naming no person before "of" heads that group */
  if (members && members->len == 1 && ci + 2 < end && one_word (c, ci + 1, "of") && chunk (c, ci + 2)->kind == NKG_CHUNK_NP
      && nkg_chunk (c->in->chunks, ci + 2)->group == (gint) (ci + 2)
      && (el->want & (NKG_WANT_SIGNER | NKG_WANT_PERSON)))
    {
      g_autoptr (NkgIntArray) none = nkg_int_array_new ();
      np_entities (c, ci, NKG_WANT_PERSON, none);
      if (!none->len)
        {
          g_autoptr (GArray) after = nkg_chunks_group (c->in->chunks, ci + 2);
          if (after->len > 1)
            {
              g_array_set_size (members, 1);
              g_array_append_vals (members, after->data, after->len);
            }
        }
    }
  /* "the Protocol on Free Transit of Goods and the Lima Declaration",
   * chunked as "the Protocol on Free Transit", "of", then the group
   * "Goods and the Lima Declaration": the name's complement heads that
   * group, and what it coordinates are agreements too */
  if (members && members->len == 1 && el->want == NKG_WANT_AGREEMENT && ci + 2 < end && one_word (c, ci + 1, "of")
      && chunk (c, ci + 2)->kind == NKG_CHUNK_NP && nkg_chunk (c->in->chunks, ci + 2)->group == (gint) (ci + 2))
    {
      g_autoptr (NkgIntArray) mine = nkg_int_array_new ();
      g_autoptr (NkgIntArray) complement = nkg_int_array_new ();
      np_entities (c, ci, NKG_WANT_AGREEMENT, mine);
      np_entities (c, ci + 2, NKG_WANT_AGREEMENT, complement);
      g_autoptr (GArray) after = nkg_chunks_group (c->in->chunks, ci + 2);
      gboolean same = mine->len == 1 && (complement->len == 0 || (complement->len == 1
                                                                  && g_array_index (complement, gint, 0) == g_array_index (mine, gint, 0)));
      if (same && after->len > 1)
        g_array_append_vals (members, (guint *) after->data + 1, after->len - 1);
    }
  GArray *ents = entities_new (c);
  guint next = ci + 1;
  if (members)
    {
      for (guint k = 0; k < members->len; k++)
        np_entities (c, g_array_index (members, guint, k), el->want, ents);
      next = g_array_index (members, guint, members->len - 1) + 1;
      next = past_qualifiers (c, next, end);
      /* "the Norwegian and Russian Foreign Ministers A and B", chunked as
       * "the Norwegian" and "Russian Foreign Ministers A", then "and B":
       * a first member that names nothing was an adjective, and B is the
       * second name */
      if ((el->want & (NKG_WANT_SIGNER | NKG_WANT_PERSON)) && members->len == 2 && next + 1 < end
          && one_word (c, next, "and") && chunk (c, next + 1)->kind == NKG_CHUNK_NP)
        {
          g_autoptr (NkgIntArray) first = nkg_int_array_new ();
          g_autoptr (NkgIntArray) last = nkg_int_array_new ();
          g_autoptr (NkgIntArray) after = nkg_int_array_new ();
          np_entities (c, g_array_index (members, guint, 0), NKG_WANT_SIGNER, first);
          np_entities (c, g_array_index (members, guint, 1), NKG_WANT_PERSON, last);
          np_entities (c, next + 1, NKG_WANT_PERSON, after);
          if (!first->len && last->len && after->len)
            {
              guint b = next + 1;
              g_array_append_val (members, b);
              np_entities (c, b, el->want, ents);
              next = b + 1;
            }
        }
      /* "the Norwegian and Russian foreign ministers(,) A and B": names
       * in apposition to a group of titles are its members too */
      guint n = next < end && one_word (c, next, ",") ? next + 1 : next;
      if ((el->want & (NKG_WANT_SIGNER | NKG_WANT_PERSON)) && n < end && chunk (c, n)->kind == NKG_CHUNK_NP
          && nkg_chunk (c->in->chunks, n)->group == (gint) n)
        {
          g_autoptr (GArray) names = nkg_chunks_group (c->in->chunks, n);
          g_autoptr (NkgIntArray) people = nkg_int_array_new ();
          for (guint k = 0; k < names->len; k++)
            np_entities (c, g_array_index (names, guint, k), NKG_WANT_PERSON, people);
          if (names->len > 1 && people->len == names->len)
            {
              g_array_append_vals (members, names->data, names->len);
              for (guint k = 0; k < names->len; k++)
                np_entities (c, g_array_index (names, guint, k), el->want, ents);
              next = g_array_index (names, guint, names->len - 1) + 1;
            }
        }
      /* "A and his Peruvian counterpart B": a last member that names no
       * one is the title of the name right after it */
      if ((el->want & (NKG_WANT_SIGNER | NKG_WANT_PERSON)) && members->len >= 2 && next < end
          && chunk (c, next)->kind == NKG_CHUNK_NP)
        {
          g_autoptr (NkgIntArray) named = nkg_int_array_new ();
          g_autoptr (NkgIntArray) person = nkg_int_array_new ();
          np_entities (c, g_array_index (members, guint, members->len - 1), NKG_WANT_SIGNER, named);
          np_entities (c, next, NKG_WANT_PERSON, person);
          if (!named->len && person->len == 1)
            {
              g_array_append_val (members, next);
              np_entities (c, next, el->want, ents);
              next++;
            }
        }
    }
  else
    np_entities (c, ci, el->want, ents);
  /* "adopted three documents: the Lima Declaration, a joint statement and
   * …", "signed two accords, a X and a Y": the counted phrase stands for
   * the agreements it lists, when it lists any */
  if (el->want == NKG_WANT_AGREEMENT && ents->len && (!members || members->len == 1) && counted (c, x) && ci + 2 < end
      && (one_word (c, ci + 1, ":") || one_word (c, ci + 1, ",")))
    {
      guint had = ents->len;
      for (guint k = ci + 2; k < end && chunk (c, k)->kind != NKG_CHUNK_VG && !one_word (c, k, ";") && !one_word (c, k, "which"); k++)
        if (chunk (c, k)->kind == NKG_CHUNK_NP)
          np_entities (c, k, NKG_WANT_AGREEMENT, ents);
      if (ents->len > had)
        g_array_remove_range (ents, 0, had);
    }
  /* "endorsed both declarations": the two agreements named last before
   * the sentence, not a new one */
  if (el->want == NKG_WANT_AGREEMENT && ents->len && NKG_TOK_IN_LIST ("bothagreements", nkg_rel_tok (c, x->first)))
    latest_two_agreements (c, x->lemma, ents);
  /* "the leaders", "they": the countries of "the leaders of A, B and C"
   * just before (signers are resolved from the phrase itself instead) */
  gboolean anaphoric = !ents->len && (el->want & (NKG_WANT_COUNTRY | NKG_WANT_SIGNER)) && !el->list && !el->word
                       && nkg_rel_group_anaphor (c, x->first, x->last, ents);
  if ((el->want && !ents->len) || m->n >= MAX_ROLES)
    {
      entities_drop (c, ents);
      return FALSE;
    }
  guint saved = m->n;
  if (el->role)
    {
      m->b[m->n].role = el->role;
      m->b[m->n].chunk = ci;
      m->b[m->n].entities = ents;
      m->b[m->n].members = NULL;
      if ((el->want & NKG_WANT_SIGNER) && !anaphoric)
        {
          m->b[m->n].members = members ? g_array_ref (members) : g_array_new (FALSE, FALSE, sizeof (guint));
          if (!members)
            g_array_append_val (m->b[m->n].members, ci);
        }
      m->n++;
    }
  else
    entities_drop (c, ents);
  if (match_from (c, p, e + 1, next, from, end, m))
    return TRUE;
  bindings_drop (c, m, saved);
  return FALSE;
}

static gboolean
vg_fits (const NkgElem *el, const NkgChunk *x)
{
  if (x->kind != NKG_CHUNK_VG || x->negated)
    return FALSE;
  if (x->planned && !el->planned)
    return FALSE;
  if (el->passive && !x->passive)
    return FALSE;
  if (el->active && (x->passive || x->gerund))
    return FALSE;
  if (el->gerund && !x->gerund)
    return FALSE;
  /* (the list, found by its name, last) */
  return !el->list || nkg_patterns_in_list (el->list, x->lemma);
}

static gboolean
match_from (Ctx *c, const NkgPattern *p, guint e, guint ci, guint from, guint end, Match *m)
{
  if (e >= p->elements->len)
    return TRUE;
  const NkgElem *el = g_ptr_array_index (p->elements, e);
  switch (el->kind)
    {
    case NKG_ELEM_START:
      return ci == from && match_from (c, p, e + 1, ci, from, end, m);
    case NKG_ELEM_GAP:
      for (guint k = 0; k <= MAX_GAP && ci + k <= end; k++)
        {
          /* "...-VG": "the signing of X was witnessed by Y" is no
           * "the signing of X in Lima by Y" */
          if (el->no_verb && k > 0 && chunk (c, ci + k - 1)->kind == NKG_CHUNK_VG)
            return FALSE;
          if (match_from (c, p, e + 1, ci + k, from, end, m))
            return TRUE;
        }
      return FALSE;
    case NKG_ELEM_END:
      /* "Ghana also signed.": no object after the verb */
      for (guint k = ci; k < end; k++)
        if (chunk (c, k)->kind != NKG_CHUNK_PUNCT)
          return FALSE;
      return match_from (c, p, e + 1, end, from, end, m);
    case NKG_ELEM_WORD:
      return ci < end && elem_word_fits (c, ci, el) && match_from (c, p, e + 1, ci + 1, from, end, m);
    case NKG_ELEM_NP:
      if (ci < end && bind_np (c, p, el, e, ci, from, end, m))
        return TRUE;
      /* "signed the “Defence Pact”": a name in quotation marks after its
       * article */
      {
        guint q = ci;
        if (q < end && chunk (c, q)->kind == NKG_CHUNK_NP && chunk (c, q)->last == chunk (c, q)->first + 1
            && nkg_tag_at (c->in->tags, chunk (c, q)->first)->pos == NKG_POS_DET)
          q++;
        if (q < end && (nkg_tok (c->in->seg, chunk (c, q)->first)->flags & NKG_TOK_QUOTE))
          return q + 1 < end && bind_np (c, p, el, e, q + 1, from, end, m);
      }
      return FALSE;
    case NKG_ELEM_VG:
      {
        /* a subject's verb may follow an adverbial */
        guint v = e > 0 && ((const NkgElem *) g_ptr_array_index (p->elements, e - 1))->kind == NKG_ELEM_NP
                      ? past_adverbials (c, ci, end)
                      : ci;
        if (v >= end || !vg_fits (el, chunk (c, v)))
          return FALSE;
        gint saved = m->verb;
        m->verb = chunk (c, v)->head;
        if (match_from (c, p, e + 1, v + 1, from, end, m))
          return TRUE;
        m->verb = saved;
        return FALSE;
      }
    }
  return FALSE;
}

static const Binding *
role (const Match *m, const char *name)
{
  for (guint i = 0; i < m->n; i++)
    if (strcmp (m->b[i].role, name) == 0)
      return &m->b[i];
  return NULL;
}

/* The agreement a fact's "@agreement" stands for: the first one the
 * sentence names outside quotation marks, else the article's ("The 15
 * signatory countries include …"); -1 when there is none. */
static gint
sentence_or_article_agreement (const Ctx *c)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      if (!m->in_quote && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        return e;
    }
  return nkg_rel_salient_agreement (c);
}

/* What "@recent" stands for: the first agreement the sentence names, else
 * the latest one named before it ("Chad signed the pact. Ghana also
 * signed."), else the article's; -1 when there is none. */
static gint
sentence_or_latest_agreement (const Ctx *c)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      if (!m->in_quote && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        return e;
    }
  for (guint i = c->in->mentions->len; i-- > 0;)
    {
      NkgMention *m = nkg_rel_mention (c, i);
      if (m->last > c->first)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (!m->in_quote && nkg_rel_eclass (c, e) == NKG_CLASS_AGREEMENT)
        return e;
    }
  return nkg_rel_salient_agreement (c);
}

/* What "@signed" stands for: the latest agreement named before the
 * sentence that someone signed ("… signed the X and the Y of 1995. The
 * document was also signed by Z": X, not the Y its name contains), else
 * what "@recent" stands for. */
static gint
latest_signed_agreement (Ctx *c)
{
  for (guint i = c->in->mentions->len; i-- > 0;)
    {
      NkgMention *m = nkg_rel_mention (c, i);
      if (m->last > c->first)
        continue;
      gint e = nkg_rel_entity (c, m);
      if (m->in_quote || nkg_rel_eclass (c, e) != NKG_CLASS_AGREEMENT)
        continue;
      const GArray *signed_ = nkg_doc_facts_with_prop (c->facts, NKG_PROP_SIGNED);
      for (guint k = 0; signed_ && k < signed_->len; k++)
        {
          const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (signed_, guint, k));
          if (f->object == e)
            return e;
        }
    }
  return sentence_or_latest_agreement (c);
}

static void
state (Ctx *c, const NkgPattern *p, Match *m)
{
  for (guint f = 0; f < p->facts->len && m->n < MAX_ROLES && !role (m, "@agreement") && !role (m, "@recent") && !role (m, "@signed");
       f++)
    {
      const NkgFactSpec *spec = g_ptr_array_index (p->facts, f);
      const char *ref = strcmp (spec->subject, "@agreement") == 0 || strcmp (spec->object, "@agreement") == 0 ? "@agreement"
                        : strcmp (spec->subject, "@recent") == 0 || strcmp (spec->object, "@recent") == 0  ? "@recent"
                        : strcmp (spec->subject, "@signed") == 0 || strcmp (spec->object, "@signed") == 0  ? "@signed"
                                                                                                             : NULL;
      if (!ref)
        continue;
      gint a = ref[1] == 'a' ? sentence_or_article_agreement (c) : ref[1] == 'r' ? sentence_or_latest_agreement (c) : latest_signed_agreement (c);
      if (a < 0)
        break;
      m->b[m->n].role = ref;
      m->b[m->n].chunk = -1;
      m->b[m->n].entities = g_array_new (FALSE, FALSE, sizeof (gint));
      m->b[m->n].members = NULL;
      g_array_append_val (m->b[m->n].entities, a);
      m->n++;
    }
  for (guint i = 0; i < m->n; i++)
    if (m->b[i].members)
      {
        g_array_set_size (m->b[i].entities, 0);
        for (guint k = 0; k < m->b[i].members->len; k++)
          {
            const NkgChunk *x = chunk (c, g_array_index (m->b[i].members, guint, k));
            nkg_rel_collect_signers (c, x->first, x->last, m->b[i].entities);
          }
      }
  for (guint f = 0; f < p->facts->len; f++)
    {
      const NkgFactSpec *spec = g_ptr_array_index (p->facts, f);
      NkgProp prop = nkg_prop_from_key (spec->prop);
      const Binding *s = role (m, spec->subject);
      if (prop == NKG_PROP_NONE || !s)
        continue;
      g_autoptr (NkgIntArray) places = nkg_int_array_new ();
      char date[11] = "";
      const Binding *o = NULL;
      /* A sentence with no place or day of its own ("signed at the
       * summit") takes the event's, when the article gives them. */
      char event_date[11];
      if (strcmp (spec->object, "@place") == 0)
        {
          gint place = nkg_rel_sentence_place (c, c->first, m->verb >= 0 ? (guint) m->verb : c->first);
          if (place >= 0)
            g_array_append_val (places, place);
          else
            nkg_rel_signing_event (c, c->sentence, places, event_date);
          if (places->len == 0)
            continue;
        }
      else if (strcmp (spec->object, "@date") == 0)
        {
          if (!(m->verb >= 0 ? nkg_rel_clause_date (c, (guint) m->verb, date) : nkg_rel_sentence_date (c, date)))
            {
              g_autoptr (NkgIntArray) none = nkg_int_array_new ();
              if (nkg_rel_signing_event (c, c->sentence, none, event_date) < 0 || !*event_date)
                continue;
              g_strlcpy (date, event_date, sizeof date);
            }
        }
      else if (!(o = role (m, spec->object)))
        continue;
      for (guint i = 0; i < s->entities->len; i++)
        {
          gint se = g_array_index (s->entities, gint, i);
          if (*date)
            nkg_rel_fact (c, se, prop, -1, date, p->confidence);
          else if (places->len)
            for (guint j = 0; j < places->len; j++)
              nkg_rel_fact (c, se, prop, g_array_index (places, gint, j), NULL, p->confidence);
          else
            for (guint j = 0; j < o->entities->len; j++)
              {
                gint oe = g_array_index (o->entities, gint, j);
                if (class_wanted (nkg_rel_eclass (c, oe), spec->object_want))
                  nkg_rel_fact (c, se, prop, oe, NULL, p->confidence);
              }
        }
    }
}

/* The sentence index (relations-private.h). Each literal a row cannot
 * match without is one bit: a word of 'w1|w2' (a one-word chunk), a verb
 * list (a verb group's lemma), a noun phrase's head word or head list (its
 * head's lemma) or its word list (any of its lemmas); the same literal in
 * several rows is one bit. Each word a literal allows maps to the bits it
 * gives, so a sentence's bits take one look-up per chunk and noun phrase
 * word, and a row is tried only where all its bits are set. */
typedef struct {
  GHashTable *bits;   /* word → guint64 bits */
  guint64 shape[256]; /* by first byte: bit n when a word of n bytes (63: of 63 or
                       * more) starts with it; most words are no key and
                       * are passed over without hashing */
  const guint64 **by_word; /* the same by word number (words.h): a token's
                            * lemma that is its lower case is answered from
                            * its entry, unhashed */
  gboolean unknown;        /* some key is a word no table knows: a token of
                            * no entry may still be one (looked up) */
} Keys;

struct NkgMatchIndex {
  guint width; /* guint64 per set of bits */
  Keys words;  /* one-word chunk's lower case */
  Keys verbs;  /* verb group's lemma */
  Keys heads;  /* noun phrase head's lemma, as the lists compare it */
  Keys anys;   /* any lemma in a noun phrase, the same */
  guint64 *need; /* per row: the bits it needs */
  guint n_rows;
  /* Each row that needs some bit is looked for by one of them, its key:
   * the rows keyed by bit b are key_rows[key_at[b] .. key_at[b + 1]), in
   * the table's order, and keyed has the bits that key some row. A
   * sentence is then tried against the rows its own bits key, not against
   * every row of the table. */
  guint *key_at, *key_rows;
  guint64 *keyed;
};

static guint64
shape_bit (size_t n)
{
  return G_GUINT64_CONSTANT (1) << MIN (n, 63);
}

/* The bits of word w of n bytes, or NULL. */
static const guint64 *
keys_lookup (const Keys *k, const char *w, size_t n)
{
  if (!(k->shape[(guchar) w[0]] & shape_bit (n)))
    return NULL;
  return g_hash_table_lookup (k->bits, w);
}

static void
or_bits (guint64 *have, const guint64 *bits, guint width)
{
  for (guint i = 0; bits && i < width; i++)
    have[i] |= bits[i];
}

/* Fills k->by_word with the keys of k the tables know (words.h), and
 * k->unknown when some key is a word they do not. */
static void
keys_by_word (Keys *k)
{
  guint n = nkg_word_count ();
  g_autofree const guint64 **by = g_new0 (const guint64 *, MAX (1, n));
  GHashTableIter it;
  gpointer word, bits;
  g_hash_table_iter_init (&it, k->bits);
  while (g_hash_table_iter_next (&it, &word, &bits))
    {
      const NkgWordEntry *e = nkg_word_lookup (word);
      guint w = e ? e->number : G_MAXUINT;
      if (w >= n)
        k->unknown = TRUE;
      else
        by[w] = bits;
    }
  k->by_word = g_steal_pointer (&by);
}

/* or_lemma (ix, t, lemma, have) for token `tok`'s lemma: a lemma that is
 * the token's lower case is found from the token's entry (a word of no
 * entry is a key only when some key is no table's word). */
static void or_lemma (const NkgMatchIndex *ix, const Keys *t, const char *lemma, guint64 *have);
/* A lemma the tagger found the word of (tag's, NkgTag.lemma_word: not
 * capitalised) is answered from that word's number the same way. */
static void
or_tok_lemma (const NkgMatchIndex *ix, const Keys *t, const NkgToken *tok, const NkgTag *tag, const char *lemma,
              guint64 *have)
{
  if (t->by_word && lemma && lemma == tok->lower)
    {
      guint w = nkg_word_entry (tok)->number;
      if (w != G_MAXUINT)
        or_bits (have, t->by_word[w], ix->width);
      else if (t->unknown)
        or_lemma (ix, t, lemma, have);
      return;
    }
  if (t->by_word && lemma && tag && lemma == tag->lemma && tag->lemma_word)
    {
      if (tag->lemma_word != G_MAXUINT)
        or_bits (have, t->by_word[tag->lemma_word - 1], ix->width);
      else if (t->unknown)
        or_lemma (ix, t, lemma, have);
      return;
    }
  or_lemma (ix, t, lemma, have);
}

/* A literal's bit, numbered by its name ("w:of|to"), and each word it
 * allows put in `table` with it. */
static void
index_literal (GHashTable *bit_of, GPtrArray *pending, Keys *table, const char *name, char **words, guint64 *need,
               guint width)
{
  gpointer v;
  guint bit;
  if (g_hash_table_lookup_extended (bit_of, name, NULL, &v))
    bit = GPOINTER_TO_UINT (v);
  else
    {
      bit = g_hash_table_size (bit_of);
      g_hash_table_insert (bit_of, g_strdup (name), GUINT_TO_POINTER (bit));
      /* first sight: its words, given their bit once all are counted */
      for (guint i = 0; words && words[i]; i++)
        {
          g_ptr_array_add (pending, table);
          g_ptr_array_add (pending, g_strdup (words[i]));
          g_ptr_array_add (pending, GUINT_TO_POINTER (bit + 1));
        }
    }
  if (need && bit / 64 < width)
    need[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}


/* Each row's literals: called once to count the bits (need NULL), then
 * to fill them. */
static void
index_rows (const GPtrArray *table, NkgMatchIndex *ix, GHashTable *bit_of, GPtrArray *pending)
{
  for (guint p = 0; p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      guint64 *need = ix->need ? ix->need + (gsize) p * ix->width : NULL;
      for (guint e = 0; row->elements && e < row->elements->len; e++)
        {
          const NkgElem *el = g_ptr_array_index (row->elements, e);
          if (el->kind == NKG_ELEM_WORD)
            {
              g_autofree char *name = g_strconcat ("w:", el->word, NULL);
              g_auto (GStrv) alt = g_strsplit (el->word, "|", -1);
              index_literal (bit_of, pending, &ix->words, name, alt, need, ix->width);
            }
          if (el->kind != NKG_ELEM_VG && el->kind != NKG_ELEM_NP)
            continue;
          /* a verb list, a head list, a word list: its lemmas (an unknown
           * list has none, and a row needing it is never tried, as no
           * chunk could match it) */
          const char *lists[2] = { el->list, el->kind == NKG_ELEM_NP ? el->anylist : NULL };
          for (guint k = 0; k < 2; k++)
            {
              if (!lists[k])
                continue;
              GHashTable *set = nkg_patterns_list (lists[k]);
              g_autofree gpointer *keys = set ? g_hash_table_get_keys_as_array (set, NULL) : NULL;
              g_autofree char *name = g_strconcat (el->kind == NKG_ELEM_VG ? "v:" : k == 0 ? "h:" : "a:", lists[k], NULL);
              Keys *t = el->kind == NKG_ELEM_VG ? &ix->verbs : k == 0 ? &ix->heads : &ix->anys;
              index_literal (bit_of, pending, t, name, (char **) keys, need, ix->width);
            }
          if (el->kind == NKG_ELEM_NP && el->word)
            {
              /* a head word is compared as it is: looking it up as the
               * lists do finds more, never less */
              g_autofree char *name = g_strconcat ("h'", el->word, NULL);
              char *one[] = { el->word, NULL };
              index_literal (bit_of, pending, &ix->heads, name, one, need, ix->width);
            }
        }
    }
}

/* Gives each row that needs some bit its key: of its bits, the one
 * fewest rows need (the first such), so that the rows keyed by any one
 * bit are few. Any of its bits would do: a row is tried only where the
 * sentence has all of them. */
static void
key_rows (NkgMatchIndex *ix, guint n_rows)
{
  guint nbits = ix->width * 64;
  g_autofree guint *uses = g_new0 (guint, nbits);
  g_autofree guint *key = g_new (guint, MAX (1, n_rows));
  for (guint p = 0; p < n_rows; p++)
    for (guint b = 0; b < nbits; b++)
      uses[b] += (ix->need[(gsize) p * ix->width + b / 64] >> (b % 64)) & 1;
  ix->n_rows = n_rows;
  ix->key_at = g_new0 (guint, nbits + 1);
  ix->keyed = g_new0 (guint64, ix->width);
  for (guint p = 0; p < n_rows; p++)
    {
      key[p] = G_MAXUINT;
      for (guint b = 0; b < nbits; b++)
        if (((ix->need[(gsize) p * ix->width + b / 64] >> (b % 64)) & 1) && (key[p] == G_MAXUINT || uses[b] < uses[key[p]]))
          key[p] = b;
      if (key[p] == G_MAXUINT)
        continue;
      ix->key_at[key[p] + 1]++;
      ix->keyed[key[p] / 64] |= G_GUINT64_CONSTANT (1) << (key[p] % 64);
    }
  for (guint b = 0; b < nbits; b++)
    ix->key_at[b + 1] += ix->key_at[b];
  ix->key_rows = g_new (guint, MAX (1, ix->key_at[nbits]));
  g_autofree guint *fill = g_memdup2 (ix->key_at, nbits * sizeof *fill);
  for (guint p = 0; p < n_rows; p++)
    if (key[p] != G_MAXUINT)
      ix->key_rows[fill[key[p]]++] = p;
}

/* Gives each WORD element of the table its alternatives' word numbers
 * (elem_word_fits). The table and the numbers live as long as the
 * process. */
static void
number_words (const GPtrArray *table)
{
  for (guint p = 0; p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      for (guint e = 0; row->elements && e < row->elements->len; e++)
        {
          NkgElem *el = g_ptr_array_index (row->elements, e);
          if (el->kind != NKG_ELEM_WORD || !el->word || el->word_numbers)
            continue;
          g_auto (GStrv) alt = g_strsplit (el->word, "|", -1);
          guint *numbers = g_new (guint, MAX (1, g_strv_length (alt)));
          guint n = 0;
          gboolean unknown = FALSE;
          for (guint i = 0; alt[i]; i++)
            {
              const NkgWordEntry *we = *alt[i] ? nkg_word_lookup (alt[i]) : NULL;
              if (we && we->number != G_MAXUINT)
                numbers[n++] = we->number;
              else
                unknown = TRUE;
            }
          el->n_word_numbers = n;
          el->word_numbers_unknown = unknown;
          el->word_numbers = numbers;
        }
    }
}

NkgMatchIndex *
nkg_rel_match_index_new (const GPtrArray *table)
{
  NkgMatchIndex *ix = g_new0 (NkgMatchIndex, 1);
  Keys *all[] = { &ix->words, &ix->verbs, &ix->heads, &ix->anys };
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    all[i]->bits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) bit_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) pending = g_ptr_array_new ();
  index_rows (table, ix, bit_of, pending);
  ix->width = MAX (1, (g_hash_table_size (bit_of) + 63) / 64);
  ix->need = g_new0 (guint64, (gsize) table->len * ix->width);
  index_rows (table, ix, bit_of, pending);
  for (guint i = 0; i < pending->len; i += 3)
    {
      Keys *t = g_ptr_array_index (pending, i);
      char *word = g_ptr_array_index (pending, i + 1);
      guint bit = GPOINTER_TO_UINT (g_ptr_array_index (pending, i + 2)) - 1;
      guint64 *bits = g_hash_table_lookup (t->bits, word);
      if (!bits)
        {
          bits = g_new0 (guint64, ix->width);
          t->shape[(guchar) word[0]] |= shape_bit (strlen (word));
          g_hash_table_insert (t->bits, word, bits);
        }
      else
        g_free (word);
      bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
  number_words (table);
  keys_by_word (&ix->words);
  keys_by_word (&ix->heads);
  keys_by_word (&ix->anys);
  key_rows (ix, table->len);
  return ix;
}

guint
nkg_rel_match_index_width (const NkgMatchIndex *ix)
{
  return ix->width;
}


/* The bits of a lemma in `t`, looked up as nkg_patterns_in_list compares
 * it: as it is, and in lower case, with and without a plural "s", when it
 * starts with a capital. */
static void
or_lemma (const NkgMatchIndex *ix, const Keys *t, const char *lemma, guint64 *have)
{
  if (!lemma)
    return;
  size_t n = strlen (lemma);
  or_bits (have, keys_lookup (t, lemma, n), ix->width);
  if (!g_ascii_isupper (*lemma))
    return;
  char low[64];
  guchar first = (guchar) nkg_ascii_lower (*lemma);
  if (n >= sizeof low || !(t->shape[first] & (shape_bit (n) | shape_bit (n - 1))))
    return;
  for (size_t i = 0; i <= n; i++)
    low[i] = nkg_ascii_lower (lemma[i]);
  or_bits (have, keys_lookup (t, low, n), ix->width);
  if (n > 3 && low[n - 1] == 's')
    {
      low[n - 1] = '\0';
      or_bits (have, keys_lookup (t, low, n - 1), ix->width);
    }
}

void
nkg_rel_match_index_sentence (const NkgMatchIndex *ix, const NkgRelationInput *in, guint s, guint64 *have)
{
  memset (have, 0, ix->width * sizeof *have);
  if (!in->chunks)
    return;
  gboolean heads = g_hash_table_size (ix->heads.bits) > 0, anys = g_hash_table_size (ix->anys.bits) > 0;
  guint from, end;
  nkg_chunks_sentence (in->chunks, s, &from, &end);
  for (guint i = from; i < end; i++)
    {
      const NkgChunk *x = nkg_chunk (in->chunks, i);
      if (x->last == x->first + 1)
        {
          const NkgToken *t = nkg_tok (in->seg, x->first);
          or_tok_lemma (ix, &ix->words, t, NULL, t->lower, have);
        }
      if (x->kind == NKG_CHUNK_VG && x->lemma)
        or_bits (have, keys_lookup (&ix->verbs, x->lemma, strlen (x->lemma)), ix->width);
      if (x->kind != NKG_CHUNK_NP)
        continue;
      if (heads)
        or_tok_lemma (ix, &ix->heads, nkg_tok (in->seg, x->head), nkg_tag_at (in->tags, x->head), x->lemma, have);
      for (guint k = x->first; anys && k < x->last; k++)
        {
          const NkgTag *tag = nkg_tag_at (in->tags, k);
          or_tok_lemma (ix, &ix->anys, nkg_tok (in->seg, k), tag, tag->lemma, have);
        }
    }
}

const guint64 *
nkg_rel_match_index_need (const NkgMatchIndex *ix, guint row)
{
  return ix->need + (gsize) row * ix->width;
}

gboolean
nkg_rel_match_index_needs_nothing (const NkgMatchIndex *ix, guint row)
{
  const guint64 *need = nkg_rel_match_index_need (ix, row);
  for (guint i = 0; i < ix->width; i++)
    if (need[i])
      return FALSE;
  return TRUE;
}

void
nkg_rel_match_index_fits (const NkgMatchIndex *ix, const guint64 *have, guint n_sent, guint *fit_at, GArray *fit)
{
  guint w = ix->width, n_rows = ix->n_rows;
  memset (fit_at, 0, (n_rows + 1) * sizeof *fit_at);
  /* the (row, sentence) pairs that fit, by sentence; then by row */
  guint stack[2 * 512], room = 512, n = 0;
  guint *pairs = stack;
  g_autofree guint *heap = NULL;
  for (guint s = 0; s < n_sent; s++)
    {
      const guint64 *h = have + (gsize) w * s;
      for (guint i = 0; i < w; i++)
        for (guint64 bits = h[i] & ix->keyed[i]; bits; bits &= bits - 1)
          {
            guint b = i * 64 + (guint) __builtin_ctzll (bits);
            for (guint k = ix->key_at[b]; k < ix->key_at[b + 1]; k++)
              {
                guint p = ix->key_rows[k];
                const guint64 *need = ix->need + (gsize) p * w;
                guint j = 0;
                while (j < w && !(need[j] & ~h[j]))
                  j++;
                if (j < w)
                  continue;
                if (n == room)
                  {
                    room *= 2;
                    guint *more = g_new (guint, 2 * (gsize) room);
                    memcpy (more, pairs, 2 * (gsize) n * sizeof *more);
                    g_free (heap);
                    pairs = heap = more;
                  }
                pairs[2 * n] = p;
                pairs[2 * n + 1] = s;
                n++;
                fit_at[p + 1]++;
              }
          }
    }
  for (guint p = 0; p < n_rows; p++)
    fit_at[p + 1] += fit_at[p];
  g_array_set_size (fit, n);
  /* each row's sentences go from its start on, in the pairs' order (by
   * sentence); fit_at[p] then ends row p, and is moved back one row */
  guint *out = (guint *) (void *) fit->data;
  for (guint k = 0; k < n; k++)
    out[fit_at[pairs[2 * k]]++] = pairs[2 * k + 1];
  memmove (fit_at + 1, fit_at, n_rows * sizeof *fit_at);
  fit_at[0] = 0;
}

/* Whether literal element el (a word or a verb group) fits chunk i, as
 * match_from would test it there. */
static gboolean
literal_fits (const Ctx *c, const NkgElem *el, guint i)
{
  return el->kind == NKG_ELEM_WORD ? elem_word_fits (c, i, el) : vg_fits (el, chunk (c, i));
}

/* The chunks a match may start at: [from, bound). In a row whose first
 * element takes a chunk (a noun phrase, a verb group, a word), each later
 * word or verb group takes a chunk after the start and after the one the
 * literal before it took; so, going back from the last literal, each must
 * fit some chunk before the last the next one fits, and a start at or
 * after the first literal's is tried (its noun phrases bound first) for
 * nothing. Each literal is tested at most once per chunk of the sentence
 * instead. */
static guint
start_bound (const Ctx *c, const NkgPattern *p, guint from, guint end)
{
  const NkgElem *first = g_ptr_array_index (p->elements, 0);
  if (first->kind != NKG_ELEM_NP && first->kind != NKG_ELEM_VG && first->kind != NKG_ELEM_WORD)
    return end;
  guint bound = end;
  for (guint e = p->elements->len; e-- > 1 && bound > from;)
    {
      const NkgElem *el = g_ptr_array_index (p->elements, e);
      if (el->kind != NKG_ELEM_WORD && el->kind != NKG_ELEM_VG)
        continue;
      guint last = from;
      for (guint i = bound; i-- > from + 1;)
        if (literal_fits (c, el, i))
          {
            last = i;
            break;
          }
      bound = last;
    }
  return bound;
}

void
nkg_rel_match (Ctx *c, const NkgPattern *p)
{
  if (!c->in->chunks || !p->elements->len)
    return;
  guint from, end;
  nkg_chunks_sentence (c->in->chunks, c->sentence, &from, &end);
  guint stop = start_bound (c, p, from, end);
  /* b[k] is written when the k-th role binds and read only below n:
   * only n and verb start fresh at each chunk (zeroing the whole
   * match each time was 4% of matching) */
  Match m;
  for (guint ci = from; ci < stop; ci++)
    {
      m.n = 0;
      m.verb = -1;
      if (match_from (c, p, 0, ci, from, end, &m))
        state (c, p, &m);
      bindings_drop (c, &m, 0);
    }
}
