/* placecue.c — small towns admitted by a cue (see placecue.h). */
#include "placecue.h"

#include <string.h>

#include "dates.h"
#include "patterns.h"

typedef struct {
  const NkgLexicon *lex;
  const NkgSegments *seg;
  guint s_first, s_last;
} Cue;

static const NkgToken *
tok (const Cue *c, guint i)
{
  return nkg_tok (c->seg, i);
}

static gboolean
is (const Cue *c, guint i, const char *lower)
{
  return i >= c->s_first && i < c->s_last && strcmp (tok (c, i)->lower, lower) == 0;
}

static gboolean
settlement (const Cue *c, guint i)
{
  return i >= c->s_first && i < c->s_last
         && (nkg_lexicon_tok_roles (c->lex, tok (c, i)) & NKG_W_SETTLEMENT);
}

/* The country tokens [a, b) name: a country, or a demonym ("Kenyan"). */
static const char *
country_at (const Cue *c, guint a, guint b)
{
  char s_buf[128];
  g_autofree char *s_heap = NULL;
  const char *s = nkg_segments_span_buf (c->seg, a, b, s_buf, sizeof s_buf, &s_heap);
  NkgPlace p;
  if (nkg_lexicon_place (c->lex, s, &p) && p.klass == NKG_CLASS_COUNTRY)
    return p.name;
  return nkg_lexicon_demonym (c->lex, s);
}

/* A country starting at token i (up to four words), not a possessive
 * ("X, Kenya's president") nor the first of a longer name; *end is set
 * past it. */
static const char *
country_from (const Cue *c, guint i, guint *end)
{
  for (guint k = MIN (c->s_last, i + 4); k > i; k--)
    {
      if (!(tok (c, k - 1)->flags & NKG_TOK_WORD))
        continue;
      const char *name = country_at (c, i, k);
      if (!name)
        continue;
      if (k < c->s_last && ((tok (c, k)->flags & NKG_TOK_POSS)
                            || ((tok (c, k)->flags & NKG_TOK_CAP) && (tok (c, k)->flags & NKG_TOK_SPACE))))
        return NULL;
      *end = k;
      return name;
    }
  return NULL;
}

/* A country named among the few words before a settlement noun at n:
 * "the Kenyan town", "Kenya's lakeside town", "the northern Kenyan town". */
static const char *
country_before (const Cue *c, guint n)
{
  for (guint k = n; k > c->s_first && n - k < 4; k--)
    {
      const NkgToken *t = tok (c, k - 1);
      if (!(t->flags & NKG_TOK_WORD))
        {
          if (t->flags & NKG_TOK_POSS)
            continue;
          break;
        }
      if (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
        for (guint w = 1; w <= 3 && k >= c->s_first + w; w++)
          {
            const char *name = country_at (c, k - w, k);
            /* a country's name modifies the settlement only as a
             * possessive ("Kenya's lakeside town"); else it is a subject
             * ("Kenya owns the port of X") */
            if (name && (k >= n || !(tok (c, k)->flags & NKG_TOK_POSS)))
              {
                char s_buf[128];
                g_autofree char *s_heap = NULL;
                if (!nkg_lexicon_demonym (c->lex, nkg_segments_span_buf (c->seg, k - w, k, s_buf, sizeof s_buf, &s_heap)))
                  return NULL;
              }
            if (name)
              return name;
          }
    }
  return NULL;
}

/* Whether every word of [a, b) is capitalised (particles aside): a name. */
static gboolean
name_shape (const Cue *c, guint a, guint b)
{
  if (!(tok (c, a)->flags & NKG_TOK_CAP))
    return FALSE;
  for (guint i = a; i < b; i++)
    {
      const NkgToken *t = tok (c, i);
      if ((t->flags & NKG_TOK_WORD) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && strlen (t->lower) > 3)
        return FALSE;
    }
  return TRUE;
}

static gboolean
town (const Cue *c, guint a, guint b, const char *country, gboolean unknown_ok, NkgPlace *out)
{
  char surface_buf[128];
  g_autofree char *surface_heap = NULL;
  const char *surface = nkg_segments_span_buf (c->seg, a, b, surface_buf, sizeof surface_buf, &surface_heap);
  if (nkg_lexicon_town (c->lex, surface, country, out))
    return TRUE;
  if (!unknown_ok || !name_shape (c, a, b) || nkg_lexicon_demonym (c->lex, surface))
    return FALSE;
  out->klass = NKG_CLASS_CITY;
  out->name = NULL;
  out->country = country;
  return TRUE;
}

/* Whether the tokens [a, b) are a town of the gazetteer in a country
 * that has the state or province named at r: by its ISO 3166-2 code in
 * capitals ("Stephenville, NL", "Austin, TX") or by its name ("X,
 * Ontario"). */
static gboolean
town_of_region (const Cue *c, guint a, guint b, guint r, NkgPlace *out)
{
  if (r >= c->s_last || !(tok (c, r)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
    return FALSE;
  char surface_buf[128];
  g_autofree char *surface_heap = NULL;
  const char *surface = nkg_segments_span_buf (c->seg, a, b, surface_buf, sizeof surface_buf, &surface_heap);
  const NkgToken *t = tok (c, r);
  if ((t->flags & NKG_TOK_UPPER) && (t->flags & NKG_TOK_WORD) && strlen (t->text) <= 3)
    {
      const char *country;
      for (guint i = 0; (country = nkg_lexicon_subdivision_country (c->lex, t->text, i)); i++)
        if (nkg_lexicon_town (c->lex, surface, country, out))
          return TRUE;
      return FALSE;
    }
  for (guint e = MIN (c->s_last, r + 3); e > r; e--)
    {
      char name_buf[128];
      g_autofree char *name_heap = NULL;
      const char *name = nkg_segments_span_buf (c->seg, r, e, name_buf, sizeof name_buf, &name_heap);
      NkgPlace p;
      if (nkg_lexicon_place (c->lex, name, &p) && p.klass == NKG_CLASS_PLACE && p.country)
        return nkg_lexicon_town (c->lex, surface, p.country, out);
    }
  return FALSE;
}

/* Whether an event's head word ends the words before token i ("the
 * Ocean Summit in", "the summit in"), or a verb of its taking place
 * follows one ("the summit, held in", "the forum opened on Monday in"). */
static gboolean
event_before (const Cue *c, guint i)
{
  if (i <= c->s_first)
    return FALSE;
  if (nkg_lexicon_tok_roles (c->lex, tok (c, i - 1)) & NKG_W_EVENT)
    return TRUE;
  for (guint k = i; k > c->s_first && i - k < 8; k--)
    {
      const NkgToken *t = tok (c, k - 1);
      if (!NKG_TOK_IN_LIST ("eventstart", t))
        continue;
      for (guint h = k - 1; h > c->s_first && k - 1 - h < 3; h--)
        {
          const NkgToken *w = tok (c, h - 1);
          if ((nkg_lexicon_tok_roles (c->lex, w) & NKG_W_EVENT) && strcmp (w->lower, "talks") != 0
              && strcmp (w->lower, "visit") != 0)
            return TRUE;
          if (strcmp (w->text, ",") != 0 && !is (c, h - 1, "was") && !is (c, h - 1, "is") && !is (c, h - 1, "which"))
            break;
        }
      return FALSE;
    }
  return FALSE;
}

gboolean
nkg_place_cue_region_code (const NkgLexicon *lexicon, const NkgSegments *seg, guint s_first, guint s_last,
                           guint a, guint b)
{
  Cue c = { lexicon, seg, s_first, s_last };
  if (b != a + 1 || a < s_first + 2 || strcmp (tok (&c, a - 1)->text, ",") != 0
      || !(tok (&c, a)->flags & NKG_TOK_UPPER))
    return FALSE;
  /* the town is the capitalised words before the comma */
  guint t = a - 1;
  while (t > s_first && (tok (&c, t - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && a - 1 - t < 4)
    t--;
  NkgPlace p;
  for (guint x = t; x < a - 1; x++)
    if (town_of_region (&c, x, a - 1, a, &p))
      return TRUE;
  return FALSE;
}

gboolean
nkg_place_cue_town (const NkgLexicon *lexicon, const NkgSegments *seg, guint s_first, guint s_last,
                    guint a, guint b, NkgPlace *out)
{
  Cue c = { lexicon, seg, s_first, s_last };
  if (a >= b || b > s_last || a < s_first)
    return FALSE;
  /* "the town of X", "the Kenyan port city of X" */
  if (a >= s_first + 2 && is (&c, a - 1, "of") && settlement (&c, a - 2))
    return town (&c, a, b, country_before (&c, a - 2), TRUE, out);
  /* "the Pacific Leaders Retreat in X", "the summit, held in X": where a
   * gathering takes place is a place */
  if (a >= s_first + 2 && is (&c, a - 1, "in") && event_before (&c, a - 1) && !nkg_date_month (tok (&c, a)->text)
      && !nkg_date_weekday (tok (&c, a)->text) && !(b < s_last && (tok (&c, b)->flags & NKG_TOK_POSS)))
    {
      char surface_buf[128];
      g_autofree char *surface_heap = NULL;
      const char *surface = nkg_segments_span_buf (c.seg, a, b, surface_buf, sizeof surface_buf, &surface_heap);
      if (!nkg_lexicon_demonym (c.lex, surface) && town (&c, a, b, NULL, FALSE, out))
        return TRUE;
    }
  if (b + 1 >= s_last || strcmp (tok (&c, b)->text, ",") != 0)
    return FALSE;
  /* "X, Kenya", "in X, Kenya", "X, Kenya —" */
  guint end;
  const char *country = country_from (&c, b + 1, &end);
  if (country)
    return town (&c, a, b, country, FALSE, out);
  /* "X, NL", "X, Ontario": a town of a country with that state or province */
  if (town_of_region (&c, a, b, b + 1, out))
    return TRUE;
  /* "X, Malaysia's administrative capital", "X, Kenya's main port": a
   * country's possessive, a few words in lower case, and a settlement */
  guint i = b + 1;
  for (guint k = MIN (c.s_last, i + 4); k > i; k--)
    {
      if (k >= c.s_last || !(tok (&c, k)->flags & NKG_TOK_POSS))
        continue;
      const char *owner = country_at (&c, i, k);
      if (!owner)
        break;
      for (guint j = k + 1; j < c.s_last && j < k + 5; j++)
        {
          const NkgToken *t = tok (&c, j);
          if (settlement (&c, j) || strcmp (t->lower, "capital") == 0)
            return town (&c, a, b, owner, FALSE, out);
          if (!(t->flags & NKG_TOK_WORD) || (t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
            break;
        }
      break;
    }
  /* "X, a small town in Kenya", "X, a Kenyan town" */
  if (!is (&c, i, "a") && !is (&c, i, "the"))
    return FALSE;
  for (i++; i < s_last && i < b + 6 && !settlement (&c, i); i++)
    if (!(tok (&c, i)->flags & NKG_TOK_WORD))
      return FALSE;
  if (!settlement (&c, i))
    return FALSE;
  country = country_before (&c, i);
  if (!country && (is (&c, i + 1, "in") || is (&c, i + 1, "near")))
    country = country_from (&c, i + 2, &end);
  return town (&c, a, b, country, FALSE, out);
}
