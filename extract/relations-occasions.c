/* relations-occasions.c — the article's signing occasions: where and when its agreements were signed
 * (a section of the relation patterns: see relations.c and data/patterns.txt).
 *
 * News of a state visit or a summit reports one signing occasion and the
 * several agreements signed or exchanged at it, but states the place and
 * the day once, for the set ("signed four agreements at the palace on
 * Tuesday") or for one of them. The register gathers, after the sentence
 * patterns, each occasion (a day, the places said for it) and the
 * agreements signed at it, then gives every agreement signed there the
 * place and day the text states for the occasion. An agreement told as an
 * earlier one ("the 2019 accord", "the pact signed last year") is no part
 * of today's occasion; one only planned is none either. */
#include <stdlib.h>
#include <string.h>

#include "docindex.h"
#include "relations-private.h"
#include "tagger.h"

typedef struct {
  char date[11];     /* "" when its agreements' sentences name no day */
  GArray *places;    /* gint: cities, countries and venues said for it */
  guint evidence;    /* a sentence that states it */
  gboolean several;  /* its day stated for a set of agreements ("signed four agreements") */
} Occasion;

/* Whether sentence s names agreement a as a set ("signed four agreements"). */
static gboolean
named_as_set (Ctx *c, gint a, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  guint lo = 0, hi = 0, saved_first = c->first, saved_last = c->last;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  c->first = x->first;
  c->last = x->last;
  gboolean set = FALSE;
  for (guint k = lo; k < hi && !set; k++)
    set = nkg_rel_entity (c, nkg_rel_mention (c, k)) == a && nkg_rel_names_several (c, nkg_rel_mention (c, k));
  c->first = saved_first;
  c->last = saved_last;
  return set;
}

/* What the text says of each agreement's signing, by entity: told done
 * in a sentence (the first that names it after a signing word, or -1),
 * signed by someone, or told as earlier. */
typedef struct {
  gint told_at;
  gboolean signed_by; /* a pattern read its signers, place or day */
  gboolean earlier;
  gboolean several; /* its mentions name a set of them: "four agreements" */
} Told;

typedef struct {
  GArray *signed_here; /* gint: agreements signed at this article's occasions */
  GArray *occasions;   /* Occasion */
  int year;            /* the reference year: the article's, else an occasion's; 0 */
  Told *told;          /* by agreement */
} Register;

static gboolean fits_meeting (Ctx *c, gint a, const GArray *places, const char *date);

static void
occasion_clear (gpointer p)
{
  Occasion *o = p;
  g_array_unref (o->places);
}

/* Whether token i of sentence x is a word that tells a signing done: a
 * verb of the list "occasion" as written ("signed", "exchanged",
 * "adopted"), or a noun of "occasionnoun" before "of" ("the signing of"),
 * with no modal or negation before it in the sentence ("will not compel
 * urgency in inking a deal") and not after "to". */
static gboolean
signing_word (const Ctx *c, const NkgSentence *x, guint i, const NkgWordList *verbs, const NkgWordList *nouns)
{
  const NkgToken *t = nkg_tok (c->in->seg, i);
  gboolean noun = i + 1 < x->last && nkg_patterns_word_list_tok_has (nouns, t)
                  && strcmp (nkg_tok (c->in->seg, i + 1)->lower, "of") == 0;
  if (!noun && !nkg_patterns_word_list_tok_has (verbs, t))
    return FALSE;
  for (guint k = x->first; k < i && c->in->tags; k++)
    {
      NkgPos pos = nkg_tag_at (c->in->tags, k)->pos;
      /* (a capitalised "May" is the month of a dateline) */
      gboolean modal = pos == NKG_POS_MODAL && !(nkg_tok (c->in->seg, k)->flags & NKG_TOK_CAP);
      if (modal || pos == NKG_POS_NEG || (k + 1 == i && pos == NKG_POS_TO))
        return FALSE;
    }
  return TRUE;
}

/* Whether a word that tells a signing comes shortly before token `at` of
 * sentence s with no other verb between ("witnessed the signing of five
 * agreements, including X", "adopted X"; not "signed Y …, and the talks
 * were X"). */
static gboolean
tells_signing (const Ctx *c, guint s, guint at)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  /* (the words of names are no signing: "the Programme for Cultural
   * Exchange") */
  guint lo = 0, hi = 0, next = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  next = lo;
  gboolean told = FALSE;
  const NkgWordList *verbs = NKG_WORD_LIST ("occasion"), *nouns = NKG_WORD_LIST ("occasionnoun"),
                    *include = NKG_WORD_LIST ("include");
  for (guint i = at > x->first + 15 ? at - 15 : x->first; i < at; i++)
    {
      while (next < hi && nkg_rel_mention (c, next)->last <= i)
        next++;
      gboolean named = FALSE;
      for (guint k = next; k < hi && !named && nkg_rel_mention (c, k)->first <= i; k++)
        named = nkg_rel_mention (c, k)->last > i;
      const NkgToken *t = nkg_tok (c->in->seg, i);
      if (named || (t->flags & NKG_TOK_INQUOTE))
        continue;
      const NkgTag *tag = c->in->tags ? nkg_tag_at (c->in->tags, i) : NULL;
      if (signing_word (c, x, i, verbs, nouns))
        told = TRUE;
      else if (tag && (tag->pos == NKG_POS_VERB || tag->pos == NKG_POS_AUX) && !nkg_patterns_word_list_has (include, tag->lemma))
        told = FALSE;
    }
  return told;
}

/* The year a four-digit number token gives, or 0. */
static int
token_year (const NkgToken *t)
{
  if (!(t->flags & NKG_TOK_NUM) || strlen (t->text) != 4)
    return 0;
  int y = atoi (t->text);
  return y >= 1900 && y <= 2200 ? y : 0;
}

/* Whether tokens [a, b) tell of an earlier time than the reference year:
 * a word of the list "earliercue" ("last year", "a decade ago") or a year
 * before it ("in 2019", "the 2019 agreement"). */
static gboolean
tells_earlier (const Ctx *c, guint a, guint b, int year)
{
  const NkgWordList *cue = NKG_WORD_LIST ("earliercue");
  for (guint i = a; i < b; i++)
    {
      const NkgToken *t = nkg_tok (c->in->seg, i);
      int y = token_year (t);
      if (nkg_patterns_word_list_tok_has (cue, t) || (y && (!year || y < year)))
        return TRUE;
    }
  return FALSE;
}


typedef struct {
  gint agreement;
  guint sentence;
} Reading;

/* What the patterns read of each signing: the agreement and the sentence
 * of every signer, place or day of it ("Also signed during the summit
 * were X and Y" has a place and no signer). */
static GArray *
signing_readings (const Ctx *c)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Reading));
  static const NkgProp read[] = { NKG_PROP_SIGNED, NKG_PROP_SIGNED_IN, NKG_PROP_SIGNED_ON };
  for (guint p = 0; p < G_N_ELEMENTS (read); p++)
    {
      const GArray *facts = nkg_doc_facts_with_prop (c->facts, read[p]);
      for (guint k = 0; facts && k < facts->len; k++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (facts, guint, k));
          gint a = read[p] == NKG_PROP_SIGNED ? f->object : (gint) f->subject;
          if (a >= 0 && nkg_rel_eclass (c, a) == NKG_CLASS_AGREEMENT)
            g_array_append_val (out, ((Reading){ a, f->sentence }));
        }
    }
  return out;
}

/* Whether sentence s tells of an earlier time (tells_earlier), asked once
 * per sentence: memo holds 0 (not asked), 1 (no) or 2 (yes). */
static gboolean
sentence_earlier (const Ctx *c, guint s, int year, guint8 *memo)
{
  if (!memo[s])
    {
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      memo[s] = tells_earlier (c, x->first, x->last, year) ? 2 : 1;
    }
  return memo[s] == 2;
}

/* What read_told reads of the mentions, which the document's rules
 * (adding facts) leave as it is: read once per article and reference
 * year, not by each of the four rules that ask. */
struct NkgToldMemo {
  int year;
  guint n;         /* the entities when read */
  Told *told;      /* by agreement (n + 1): what its mentions tell */
  guint8 *earlier; /* by sentence: see sentence_earlier */
  guint8 *signing; /* by mention: tells_signing at its first token; 0 not asked, 1 no, 2 yes */
};

void
nkg_rel_told_memo_free (struct NkgToldMemo *memo)
{
  g_free (memo->told);
  g_free (memo->earlier);
  g_free (memo->signing);
  g_free (memo);
}

static struct NkgToldMemo *
told_memo (Ctx *c)
{
  if (!c->told_memo)
    {
      c->told_memo = g_new0 (struct NkgToldMemo, 1);
      c->told_memo->signing = g_new0 (guint8, c->in->mentions->len + 1);
    }
  return c->told_memo;
}

/* tells_signing (c, m->sentence, m->first) of mention k, asked once. */
static gboolean
mention_tells_signing (Ctx *c, guint k)
{
  guint8 *memo = told_memo (c)->signing;
  if (!memo[k])
    {
      const NkgMention *m = nkg_rel_mention (c, k);
      memo[k] = tells_signing (c, m->sentence, m->first) ? 2 : 1;
    }
  return memo[k] == 2;
}

/* The mentions' part of read_told, into the memo. */
static void
read_mentions (Ctx *c, struct NkgToldMemo *memo, int year, guint n)
{
  g_free (memo->told);
  g_free (memo->earlier);
  memo->year = year;
  memo->n = n;
  Told *told = memo->told = g_new (Told, n + 1);
  guint8 *earlier = memo->earlier = g_new0 (guint8, c->in->seg->sentences->len + 1);
  g_autofree gboolean *single = g_new0 (gboolean, n + 1);
  for (guint a = 0; a < n; a++)
    told[a] = (Told){ -1, FALSE, FALSE, FALSE };
  for (guint k = 0; k < c->in->mentions->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      gint a = nkg_rel_entity (c, m);
      if (a < 0 || m->in_quote || nkg_rel_eclass (c, a) != NKG_CLASS_AGREEMENT || told[a].earlier)
        continue;
      if (!single[a])
        {
          if (named_as_set (c, a, m->sentence))
            told[a].several = TRUE;
          else
            single[a] = TRUE;
        }
      if (tells_earlier (c, m->first, m->last, year))
        told[a].earlier = TRUE;
      else if (mention_tells_signing (c, k))
        {
          told[a].earlier = sentence_earlier (c, m->sentence, year, earlier);
          if (told[a].told_at < 0)
            told[a].told_at = (gint) m->sentence;
        }
    }
  /* a set only when every mention names one: "four agreements", not "the
   * MoU on health" that coreference joined to "four MoUs on health" */
  for (guint a = 0; a < n; a++)
    told[a].several &= !single[a];
}

/* Reads, for every agreement, whether it was signed at this article's
 * occasion: a signing fact, or a sentence naming it after a word that
 * tells a signing ("witnessed the signing of five agreements, including
 * X"); and whether one of the sentences that tell its signing, or its
 * own name, places it earlier. One pass over the mentions (once per
 * article and year: read_mentions) and one over the signing facts. */
static Told *
read_told (Ctx *c, int year)
{
  guint n = c->facts->entities->len;
  struct NkgToldMemo *memo = told_memo (c);
  if (!memo->told || memo->year != year || memo->n != n)
    read_mentions (c, memo, year, n);
  Told *told = g_new (Told, n + 1);
  memcpy (told, memo->told, sizeof (Told) * (n + 1));
  /* what the patterns read: signers, or a place or day of the signing */
  g_autoptr (GArray) readings = signing_readings (c);
  for (guint k = 0; k < readings->len; k++)
    {
      const Reading *r = &g_array_index (readings, Reading, k);
      if (told[r->agreement].earlier)
        continue;
      told[r->agreement].earlier = sentence_earlier (c, r->sentence, year, memo->earlier);
      told[r->agreement].signed_by = TRUE;
    }
  return told;
}

/* The occasion of day `date` ("" for the one whose day is not said),
 * made when new. */
static Occasion *
occasion_of (Register *r, const char *date, guint evidence)
{
  for (guint i = 0; i < r->occasions->len; i++)
    {
      Occasion *o = &g_array_index (r->occasions, Occasion, i);
      if (strcmp (o->date, date) == 0)
        return o;
    }
  Occasion o = { .places = g_array_new (FALSE, FALSE, sizeof (gint)), .evidence = evidence };
  g_strlcpy (o.date, date, sizeof o.date);
  g_array_append_val (r->occasions, o);
  return &g_array_index (r->occasions, Occasion, r->occasions->len - 1);
}

/* The day fact list `about` gives agreement a, "" when none, NULL when
 * it gives several. */
static const char *
agreement_date (const Ctx *c, const GArray *about, gint a, guint *sentence)
{
  const char *date = "";
  for (guint k = 0; about && k < about->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
      if ((gint) f->subject != a || f->prop != NKG_PROP_SIGNED_ON || !f->literal)
        continue;
      if (*date && strcmp (date, f->literal) != 0)
        return NULL;
      date = f->literal;
      *sentence = f->sentence;
    }
  return date;
}

/* The year signings are told against: the article's, else that of the
 * first signing day found; 0 when neither. */
static int
reference_year (Ctx *c)
{
  if (c->in->date)
    return atoi (c->in->date);
  const GArray *days = nkg_doc_facts_with_prop (c->facts, NKG_PROP_SIGNED_ON);
  for (guint k = 0; days && k < days->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (days, guint, k));
      if (f->literal)
        return atoi (f->literal);
    }
  return 0;
}

/* The venue sentence s names right before "in" and city `city` ("were
 * signed at Hyderabad House in New Delhi"), or -1. */
static gint
venue_in (const Ctx *c, guint s, gint city)
{
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *v = nkg_rel_mention (c, k);
      gint e = nkg_rel_entity (c, v);
      if (v->nested || v->canonical || v->in_quote || nkg_rel_eclass (c, e) != NKG_CLASS_PLACE
          || strcmp (nkg_tok (c->in->seg, v->last)->lower, "in") != 0)
        continue;
      for (guint j = k + 1; j < hi; j++)
        {
          NkgMention *m = nkg_rel_mention (c, j);
          if (m->first == v->last + 1 && !m->nested && nkg_rel_entity (c, m) == city)
            return e;
        }
    }
  return -1;
}

/* Fills the register: the agreements signed here and, from their facts,
 * each occasion's day and places. */
static void
register_fill (Ctx *c, Register *r)
{
  r->year = reference_year (c);
  Told *told = r->told = read_told (c, r->year);
  for (guint a = 0; a < c->facts->entities->len; a++)
    if ((told[a].signed_by || told[a].told_at >= 0) && !told[a].earlier)
      g_array_append_val (r->signed_here, a);
  for (guint i = 0; i < r->signed_here->len; i++)
    {
      gint a = g_array_index (r->signed_here, gint, i);
      const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) a);
      guint at = 0;
      const char *date = agreement_date (c, about, a, &at);
      if (!date)
        continue;
      Occasion *o = NULL;
      for (guint k = 0; about && k < about->len; k++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
          if ((gint) f->subject != a || f->prop != NKG_PROP_SIGNED_IN || f->object < 0)
            continue;
          if (!o)
            o = occasion_of (r, date, f->sentence);
          nkg_rel_add_unique (o->places, f->object);
          /* "at VENUE in CITY": the venue is the occasion's too */
          gint venue = nkg_rel_eclass (c, f->object) == NKG_CLASS_CITY ? venue_in (c, f->sentence, f->object) : -1;
          if (venue >= 0)
            nkg_rel_add_unique (o->places, venue);
        }
      if (!o && *date)
        o = occasion_of (r, date, at);
      /* (the sentence that gives the day names a set) */
      if (o && *date)
        o->several |= named_as_set (c, a, at);
    }
}

/* Whether the occasion's places name one signing place: at most one city
 * and at most one venue (a country with them is the same place). */
static gboolean
one_place (const Ctx *c, const Occasion *o)
{
  guint cities = 0, venues = 0, countries = 0;
  for (guint i = 0; i < o->places->len; i++)
    {
      NkgClass k = nkg_rel_eclass (c, g_array_index (o->places, gint, i));
      cities += k == NKG_CLASS_CITY;
      venues += k == NKG_CLASS_PLACE;
      countries += k == NKG_CLASS_COUNTRY;
    }
  return o->places->len && cities <= 1 && venues <= 1 && (countries <= 1 || cities + venues == 0);
}

/* Whether agreement a was signed at one of `places`. */
static gboolean
signed_at_one_of (Ctx *c, gint a, const GArray *places)
{
  const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) a);
  for (guint k = 0; about && k < about->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
      for (guint j = 0; (gint) f->subject == a && f->prop == NKG_PROP_SIGNED_IN && j < places->len; j++)
        if (g_array_index (places, gint, j) == f->object)
          return TRUE;
    }
  return FALSE;
}

/* Gives each agreement signed at the article's one occasion the place and
 * day the text states for it, where it states none of its own. Several
 * days, or none, and nothing is given; places that disagree, and no place. */
static void
register_apply (Ctx *c, const Register *r, double conf)
{
  /* the occasion of no stated day joins the one dated occasion */
  const Occasion *dated = NULL, *undated = NULL;
  for (guint i = 0; i < r->occasions->len; i++)
    {
      const Occasion *o = &g_array_index (r->occasions, Occasion, i);
      if (!*o->date)
        undated = o;
      else if (dated)
        return;
      else
        dated = o;
    }
  /* a place alone may be one of several signings told at different
   * times: an occasion is a day and its place */
  if (!dated)
    return;
  /* its places with the undated one's, when together they still name
   * one place */
  Occasion where = { .places = g_array_new (FALSE, FALSE, sizeof (gint)), .evidence = 0 };
  for (guint n = 0; n < 2; n++)
    {
      const Occasion *o = n ? undated : dated;
      for (guint k = 0; o && k < o->places->len; k++)
        {
          if (!where.places->len)
            where.evidence = o->evidence;
          nkg_rel_add_unique (where.places, g_array_index (o->places, gint, k));
        }
    }
  gboolean placed = one_place (c, &where);
  for (guint i = 0; i < r->signed_here->len; i++)
    {
      gint a = g_array_index (r->signed_here, gint, i);
      /* (a set has what it was told; its members tell of themselves) */
      if (r->told[a].several)
        continue;
      /* The occasion is told for a set, as news of several agreements
       * signed together tells it; one told for one agreement (which may
       * be another named in several ways) reaches only those signed at
       * its place ("Also signed in Kigali were …"). */
      if (!dated->several && !signed_at_one_of (c, a, dated->places))
        continue;
      /* One placed or dated elsewhere was signed at another occasion;
       * one placed at some of the occasion's places on its day, or none,
       * takes the others (the venue of the city). */
      if (!fits_meeting (c, a, placed ? where.places : dated->places, dated->date))
        continue;
      if (placed)
        {
          c->evidence = where.evidence;
          for (guint k = 0; k < where.places->len; k++)
            nkg_rel_fact (c, a, NKG_PROP_SIGNED_IN, g_array_index (where.places, gint, k), NULL, conf);
        }
      if (nkg_doc_facts_first (c->facts, (guint) a, NKG_PROP_SIGNED_ON) < 0)
        {
          c->evidence = dated->evidence;
          nkg_rel_fact (c, a, NKG_PROP_SIGNED_ON, -1, dated->date, conf);
        }
    }
  g_array_unref (where.places);
}

void
nkg_rel_doc_signing_occasions (Ctx *c, double conf)
{
  Register r = { .signed_here = g_array_new (FALSE, FALSE, sizeof (gint)),
                 .occasions = g_array_new (FALSE, FALSE, sizeof (Occasion)) };
  g_array_set_clear_func (r.occasions, occasion_clear);
  register_fill (c, &r);
  register_apply (c, &r, conf);
  g_array_unref (r.signed_here);
  g_array_unref (r.occasions);
  g_free (r.told);
}

void
nkg_rel_enter_sentence (Ctx *c, guint s, GArray *here)
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  g_array_set_size (here, 0);
  for (guint k = lo; k < hi; k++)
    if (nkg_rel_mention (c, k)->cluster >= 0)
      g_array_append_val (here, k);
  c->here = here;
  c->first = sent->first;
  c->last = sent->last;
  c->sentence = s;
}

/* Whether the sentence c reads names a pair of people by count ("the two
 * leaders", "both presidents", "the two prime ministers": lists pairword,
 * people), not in a name. */
static gboolean
names_pair (const Ctx *c)
{
  for (guint i = c->first; i + 1 < c->last; i++)
    {
      if (!NKG_TOK_IN_LIST ("pairword", nkg_rel_tok (c, i)) || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
        continue;
      /* "the two prime ministers" */
      for (guint j = i + 1; j < c->last && j < i + 3; j++)
        if (!(nkg_rel_tok (c, j)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, j)->lemma))
          return TRUE;
    }
  return FALSE;
}

/* Whether the sentence c reads tells a meeting: a meeting fact in it, or
 * a lower-case word of the list "meeting" ("held talks at X"). */
static gboolean
tells_meeting (const Ctx *c)
{
  const GArray *met = nkg_doc_facts_with_prop (c->facts, NKG_PROP_MET);
  for (guint k = 0; met && k < met->len; k++)
    if (((NkgLocalFact *) g_ptr_array_index (c->facts->facts, g_array_index (met, guint, k)))->sentence == c->sentence)
      return TRUE;
  for (guint i = c->first; i < c->last; i++)
    if (!(nkg_rel_tok (c, i)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER | NKG_TOK_INQUOTE)) && NKG_TOK_IN_LIST ("meeting", nkg_rel_tok (c, i)))
      return TRUE;
  return FALSE;
}

/* "X received Y at the Peace Palace in Z on Monday. The two leaders
 * witnessed the signing of W": a signing told of the pair, with no place
 * or day in its sentence s, right after the sentence that tells the pair's
 * meeting, was where and when that meeting was — its place (the one
 * nkg_rel_sentence_place picks) to `places`, its day to `date`. */
static void
pair_meeting_place (Ctx *c, guint s, GArray *here, GArray *places, char date[11])
{
  nkg_rel_enter_sentence (c, s, here);
  if (s == 0 || !names_pair (c))
    return;
  nkg_rel_enter_sentence (c, s - 1, here);
  if (!tells_meeting (c))
    return;
  gint place = nkg_rel_sentence_place (c, c->first, c->first);
  if (place >= 0)
    g_array_append_val (places, place);
  if (!nkg_rel_sentence_date (c, date))
    date[0] = 0;
}

/* Whether agreement a is a counted set ("five agreements and memoranda"),
 * whose members the occasion register places one by one. */
static gboolean
counted_set (const Ctx *c, guint a)
{
  const char *name = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, a))->name;
  const char *space = strchr (name, ' ');
  if (!space)
    return FALSE;
  g_autofree char *first = g_ascii_strdown (name, space - name);
  return g_ascii_isdigit (first[0]) || nkg_rel_number_word (first);
}

/* An agreement told signed in a sentence no pattern read a signer in
 * ("Leaders on Wednesday adopted the X Declaration at the summit in Y",
 * "witnessed the signing of five agreements, including X"), with no place
 * or day of its own, was signed where and when that sentence says, or
 * where the pair it names met (pair_meeting_place). */
void
nkg_rel_doc_signing_told (Ctx *c, double conf)
{
  g_autoptr (GArray) places = g_array_new (FALSE, FALSE, sizeof (gint));
  int year = reference_year (c);
  g_autofree Told *told = read_told (c, year);
  g_autoptr (NkgIntArray) here = nkg_int_array_new ();
  guint n = c->facts->entities->len;
  for (guint a = 0; a < n; a++)
    {
      if (told[a].told_at < 0 || told[a].earlier || nkg_doc_facts_first (c->facts, a, NKG_PROP_SIGNED_IN) >= 0
          || nkg_doc_facts_first (c->facts, a, NKG_PROP_SIGNED_ON) >= 0)
        continue;
      Ctx saved = *c;
      nkg_rel_enter_sentence (c, (guint) told[a].told_at, here);
      /* (a pattern's signing: only "the two leaders" have more to say) */
      if (told[a].signed_by && !names_pair (c))
        {
          *c = saved;
          continue;
        }
      gint place = nkg_rel_sentence_place (c, c->first, c->first);
      char date[11] = "";
      if (!nkg_rel_sentence_date (c, date))
        date[0] = 0;
      g_array_set_size (places, 0);
      /* (a sentence some pattern read a signer in has given what it
       * could: only the pair's meeting before is left) */
      if (place >= 0 && !told[a].signed_by)
        g_array_append_val (places, place);
      else if (place < 0 && !*date && !counted_set (c, a))
        pair_meeting_place (c, (guint) told[a].told_at, here, places, date);
      else if (told[a].signed_by)
        date[0] = 0;
      *c = saved;
      c->evidence = (guint) told[a].told_at;
      for (guint k = 0; k < places->len; k++)
        nkg_rel_fact (c, (gint) a, NKG_PROP_SIGNED_IN, g_array_index (places, gint, k), NULL, conf);
      if (*date)
        nkg_rel_fact (c, (gint) a, NKG_PROP_SIGNED_ON, -1, date, conf);
    }
}

/* The meeting word sentence s tells a signing after ("After the talks,
 * the two sides signed …", "following their meeting"): the lower-case
 * word of the list "meeting" after a word of "talksback" and at most one
 * determiner, or NULL. */
static const char *
signed_after (const Ctx *c, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  const NkgWordList *back = NKG_WORD_LIST ("talksback");
  for (guint i = x->first; i + 1 < x->last; i++)
    {
      if (!nkg_patterns_word_list_tok_has (back, nkg_tok (c->in->seg, i)))
        continue;
      guint j = i + 1;
      if (j + 1 < x->last && c->in->tags
          && (nkg_tag_at (c->in->tags, j)->pos == NKG_POS_DET || nkg_tag_at (c->in->tags, j)->pos == NKG_POS_POSS))
        j++;
      const NkgToken *t = nkg_tok (c->in->seg, j);
      if (!(t->flags & NKG_TOK_CAP) && NKG_TOK_IN_LIST ("meeting", t))
        return t->lower;
    }
  return NULL;
}

/* For each agreement, the first sentence that tells its signing (a
 * mention after a signing word, or a pattern's signer, place or day of
 * it) and of which `pick` holds, or -1; found before adding facts, which
 * may move the lists. */
static gint *
signing_sentences (Ctx *c, gboolean (*pick) (const Ctx *c, guint s))
{
  guint n = c->facts->entities->len;
  gint *at = g_new (gint, n + 1);
  for (guint a = 0; a < n; a++)
    at[a] = -1;
  /* pick asked once per sentence: 0 not asked, 1 no, 2 yes */
  g_autofree guint8 *picked = g_new0 (guint8, c->in->seg->sentences->len + 1);
#define PICKED(s) (picked[s] ? picked[s] == 2 : (picked[s] = pick (c, s) ? 2 : 1) == 2)
  for (guint k = 0; k < c->in->mentions->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      gint a = nkg_rel_entity (c, m);
      if (a >= 0 && !m->in_quote && (at[a] < 0 || (gint) m->sentence < at[a]) && nkg_rel_eclass (c, a) == NKG_CLASS_AGREEMENT
          && mention_tells_signing (c, k) && PICKED (m->sentence))
        at[a] = (gint) m->sentence;
    }
  g_autoptr (GArray) readings = signing_readings (c);
  for (guint k = 0; k < readings->len; k++)
    {
      const Reading *r = &g_array_index (readings, Reading, k);
      if ((at[r->agreement] < 0 || (gint) r->sentence < at[r->agreement]) && PICKED (r->sentence))
        at[r->agreement] = (gint) r->sentence;
    }
#undef PICKED
  return at;
}

static gboolean
signs_after (const Ctx *c, guint s)
{
  return signed_after (c, s) != NULL;
}

/* The places sentence s (read by c) tells something happened at: the
 * one nkg_rel_sentence_place picks, and a venue after "at" ("at the Great
 * Hall of the People in Beijing"). */
static void
sentence_places (Ctx *c, GArray *places)
{
  gint best = nkg_rel_sentence_place (c, c->first, c->first);
  if (best >= 0)
    nkg_rel_add_unique (places, best);
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint e = nkg_rel_entity (c, m);
      if (m->in_quote || m->nested || m->canonical || nkg_rel_eclass (c, e) != NKG_CLASS_PLACE || m->first < c->first + 2)
        continue;
      guint p = m->first - 1;
      if (nkg_rel_is (c, p, "the"))
        p--;
      if (nkg_rel_is (c, p, "at"))
        nkg_rel_add_unique (places, e);
    }
}

/* Where and when the meeting called `word` was, by the first sentence
 * before `before` that names it (not in a quotation) with a place or a
 * day: its places into `places`, its day into `date` (""); whether found. */
static gboolean
meeting_told (Ctx *c, const char *word, guint before, GArray *places, char date[11])
{
  g_autoptr (NkgIntArray) here = nkg_int_array_new ();
  for (guint s = 0; s < before; s++)
    {
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      gboolean names = FALSE;
      for (guint i = x->first; i < x->last && !names; i++)
        {
          const NkgToken *t = nkg_tok (c->in->seg, i);
          names = !(t->flags & NKG_TOK_INQUOTE) && strcmp (t->lower, word) == 0;
        }
      if (!names)
        continue;
      Ctx saved = *c;
      nkg_rel_enter_sentence (c, s, here);
      g_array_set_size (places, 0);
      sentence_places (c, places);
      if (!nkg_rel_sentence_date (c, date))
        date[0] = 0;
      *c = saved;
      if (places->len || *date)
        return TRUE;
    }
  return FALSE;
}

/* Whether agreement a's signing places are all among `places`, and its
 * day, if any, is `date` (an occasion's or a meeting's). */
static gboolean
fits_meeting (Ctx *c, gint a, const GArray *places, const char *date)
{
  const GArray *about = nkg_doc_facts_of_subject (c->facts, (guint) a);
  for (guint k = 0; about && k < about->len; k++)
    {
      NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
      if ((gint) f->subject != a)
        continue;
      if (f->prop == NKG_PROP_SIGNED_ON && f->literal && strcmp (f->literal, date) != 0)
        return FALSE;
      gboolean among = FALSE;
      for (guint j = 0; f->prop == NKG_PROP_SIGNED_IN && j < places->len && !among; j++)
        among = g_array_index (places, gint, j) == f->object;
      if (f->prop == NKG_PROP_SIGNED_IN && !among)
        return FALSE;
    }
  return TRUE;
}

/* "X held talks with Y at the Great Hall in Beijing on Tuesday. … After
 * the talks, the two sides signed Z": Z was signed where and when the
 * talks were. */
void
nkg_rel_doc_signed_after_talks (Ctx *c, double conf)
{
  int year = reference_year (c);
  guint n = c->facts->entities->len;
  g_autofree Told *told = read_told (c, year);
  /* each agreement at its first sentence that signs it after a meeting */
  g_autofree gint *after = signing_sentences (c, signs_after);
  g_autoptr (NkgIntArray) places = nkg_int_array_new ();
  for (guint a = 0; a < n; a++)
    {
      if (after[a] < 0 || told[a].earlier || nkg_rel_eclass (c, (gint) a) != NKG_CLASS_AGREEMENT)
        continue;
      char date[11] = "";
      if (!meeting_told (c, signed_after (c, (guint) after[a]), (guint) after[a], places, date)
          || !fits_meeting (c, (gint) a, places, date))
        continue;
      c->evidence = (guint) after[a];
      for (guint j = 0; j < places->len; j++)
        nkg_rel_fact (c, (gint) a, NKG_PROP_SIGNED_IN, g_array_index (places, gint, j), NULL, conf);
      if (*date && nkg_doc_facts_first (c->facts, a, NKG_PROP_SIGNED_ON) < 0)
        nkg_rel_fact (c, (gint) a, NKG_PROP_SIGNED_ON, -1, date, conf);
    }
}

/* Where "here" in sentence s sends the reader, the dateline's city
 * ("signed here on Tuesday", "at the Perdana Putra building here"): the
 * token of "here", or -1. Not in a quotation, and not "here is …". */
static gint
here_at (const Ctx *c, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  for (guint i = x->first + 1; i < x->last; i++)
    {
      const NkgToken *t = nkg_tok (c->in->seg, i);
      if (strcmp (t->lower, "here") != 0 || (t->flags & NKG_TOK_INQUOTE))
        continue;
      if (i + 1 < x->last && c->in->tags)
        {
          NkgPos next = nkg_tag_at (c->in->tags, i + 1)->pos;
          if (next == NKG_POS_AUX || next == NKG_POS_VERB || next == NKG_POS_TO)
            continue;
        }
      return (gint) i;
    }
  return -1;
}

/* The venue whose name ends right before token h of sentence s, or
 * before one lower-case noun there ("at Hyderabad House here", "at the
 * Perdana Putra building here"), or -1. */
static gint
venue_before (const Ctx *c, guint s, guint h)
{
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  gboolean noun = h > 0 && c->in->tags && nkg_tag_at (c->in->tags, h - 1)->pos == NKG_POS_NOUN
                  && !(nkg_tok (c->in->seg, h - 1)->flags & NKG_TOK_CAP);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      gint e = nkg_rel_entity (c, m);
      if ((m->last == h || (noun && m->last == h - 1)) && !m->nested && !m->canonical && !m->in_quote
          && nkg_rel_eclass (c, e) == NKG_CLASS_PLACE)
        return e;
    }
  return -1;
}

static gboolean
says_here (const Ctx *c, guint s)
{
  return here_at (c, s) >= 0;
}

/* An agreement signed "here" in a dated article was signed in the
 * dateline's city, and at the venue "here" ends ("at the X building
 * here"), when no other city or country is said for it. */
void
nkg_rel_doc_signed_here (Ctx *c, double conf)
{
  guint at = 0;
  gint city = nkg_rel_dateline_city (c, &at);
  if (city < 0)
    return;
  guint n = c->facts->entities->len;
  g_autofree Told *told = read_told (c, reference_year (c));
  /* each agreement's first sentence that signs it here */
  g_autofree gint *here = signing_sentences (c, says_here);
  for (guint a = 0; a < n; a++)
    {
      if (here[a] < 0 || told[a].earlier || nkg_rel_eclass (c, (gint) a) != NKG_CLASS_AGREEMENT)
        continue;
      gboolean elsewhere = FALSE;
      const GArray *about = nkg_doc_facts_of_subject (c->facts, a);
      for (guint k = 0; about && k < about->len && !elsewhere; k++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
          elsewhere = (gint) f->subject == (gint) a && f->prop == NKG_PROP_SIGNED_IN && f->object != city
                      && nkg_rel_eclass (c, f->object) != NKG_CLASS_PLACE;
        }
      if (elsewhere)
        continue;
      /* the venue that ends right before "here" */
      guint h = (guint) here_at (c, (guint) here[a]);
      gint venue = venue_before (c, (guint) here[a], h);
      c->evidence = (guint) here[a];
      nkg_rel_fact (c, (gint) a, NKG_PROP_SIGNED_IN, city, NULL, conf);
      if (venue >= 0)
        nkg_rel_fact (c, (gint) a, NKG_PROP_SIGNED_IN, venue, NULL, conf);
    }
}
