/* relations-events.c — who attended which event, where and when it took place
 * (a section of the relation patterns: see relations.c and data/patterns.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "docindex.h"
#include "relations-private.h"
#include "textutil.h"

/* ------------------------------------------------- events: attended, where, when */


static gboolean
is_ordinal (Ctx *c, const NkgToken *t)
{
  /* "16th", "41st", "2nd" as well as "fifth", "annual" (the token's
   * roles and lists, looked up once per token) */
  return nkg_text_digit_ordinal (t->lower) || (nkg_lexicon_tok_roles (c->in->lexicon, t) & NKG_W_ORDINAL)
         || NKG_TOK_IN_LIST ("edition", t);
}

/* The named event a bare "the summit" or "the talks" refers to: the most
 * mentioned event of the document whose name ends on that head word. */
static gint
event_by_head (Ctx *c, const char *head, gboolean sole)
{
  /* The most mentioned event whose name ends in the head word (the first
   * on a tie), for every head word at once: entities do not change while
   * relations are read. */
  if (!c->events_by_head)
    {
      c->events_by_head = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      /* the article's only named event, under " " (no head word) */
      gint sole = -1;
      for (guint i = 0; i < c->facts->entities->len; i++)
        {
          NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, i);
          if (e->klass != NKG_CLASS_EVENT)
            continue;
          if (e->mentions > 0)
            sole = sole == -1 ? (gint) i : -2;
          g_autofree char *lower = g_utf8_strdown (e->name, -1);
          /* "the 80th session of the X Council": its head is "session" */
          char *of = strstr (lower, " of ");
          for (int round = 0; round < (of ? 2 : 1); round++)
            {
              if (round == 1)
                *of = '\0';
              const char *space = strrchr (lower, ' ');
              const char *last = space ? space + 1 : lower;
              gpointer have;
              if (g_hash_table_lookup_extended (c->events_by_head, last, NULL, &have)
                  && ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, GPOINTER_TO_UINT (have)))->mentions
                         >= e->mentions)
                continue;
              g_hash_table_insert (c->events_by_head, g_strdup (last), GUINT_TO_POINTER (i));
            }
        }
      if (sole >= 0)
        g_hash_table_insert (c->events_by_head, g_strdup (" "), GUINT_TO_POINTER (sole));
    }
  gpointer found;
  if (!strchr (head, ' ') && g_hash_table_lookup_extended (c->events_by_head, head, NULL, &found)
      && ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, GPOINTER_TO_UINT (found)))->mentions > 0)
    return GPOINTER_TO_UINT (found);
  /* "their annual summit" in an article that names one event only, a
   * "… Leaders Meeting": that event, when the head is a gathering's. */
  if (sole && NKG_IN_LIST ("gathering", head) && g_hash_table_lookup_extended (c->events_by_head, " ", NULL, &found))
    return GPOINTER_TO_UINT (found);
  return -1;
}

/* The country named from token i when "capital" follows its name: "the
 * Solomon Islands capital", "the Fiji capital"; sets *end past "capital". */
static const char *
country_before_capital (Ctx *c, guint i, guint *end)
{
  gint cm = nkg_rel_mention_starting_at (c, i);
  if (cm < 0)
    return NULL;
  NkgMention *m = nkg_rel_mention (c, cm);
  gint ce = nkg_rel_entity (c, m);
  if (nkg_rel_eclass (c, ce) != NKG_CLASS_COUNTRY || m->last >= c->last || !nkg_rel_is (c, m->last, "capital"))
    return NULL;
  *end = m->last + 1;
  return ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ce))->name;
}

/* "the Uruguayan capital", "the capital of Uruguay" starting at token i:
 * the country's capital city when the lexicon knows it (added as an
 * entity of its own), else the country. Sets *end past the phrase. */
static gint
capital_phrase (Ctx *c, guint i, guint *end)
{
  if (nkg_rel_is (c, i, "the"))
    i++;
  const char *country = NULL;
  if (i + 1 < c->last && nkg_rel_is (c, i + 1, "capital"))
    {
      country = nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i)->text);
      *end = i + 2;
    }
  /* "the Solomon Islands capital": a country's name as the modifier */
  if (!country)
    country = country_before_capital (c, i, end);
  /* "Ecuador's capital" */
  if (!country && i + 2 < c->last && (nkg_rel_tok (c, i + 1)->flags & NKG_TOK_POSS) && nkg_rel_is (c, i + 2, "capital"))
    {
      gint cm = nkg_rel_mention_starting_at (c, i);
      gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
      if (nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY && nkg_rel_mention (c, cm)->last == i + 1)
        {
          country = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ce))->name;
          *end = i + 3;
        }
    }
  else if (!country && nkg_rel_is (c, i, "capital") && nkg_rel_is (c, i + 1, "of"))
    {
      gint cm = nkg_rel_mention_starting_at (c, i + 2 + nkg_rel_is (c, i + 2, "the"));
      gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
      if (nkg_rel_eclass (c, ce) == NKG_CLASS_COUNTRY)
        {
          country = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ce))->name;
          *end = nkg_rel_mention (c, cm)->last;
        }
    }
  if (!country)
    return -1;
  /* "the Ecuadorian capital, Quito", "Ecuador's capital Quito": the
   * city the text names */
  guint k = *end + (*end < c->last && strcmp (nkg_rel_tok (c, *end)->text, ",") == 0);
  gint am = nkg_rel_mention_starting_at (c, k);
  if (am >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, am))) == NKG_CLASS_CITY)
    {
      *end = nkg_rel_mention (c, am)->last;
      return nkg_rel_entity (c, nkg_rel_mention (c, am));
    }
  const char *city = nkg_lexicon_capital (c->in->lexicon, country);
  if (city)
    return nkg_doc_facts_add_entity (c->facts, NKG_CLASS_CITY, city, 1);
  gint ce = nkg_rel_country_entity (c, country);
  return ce >= 0 ? ce : (gint) nkg_doc_facts_add_entity (c->facts, NKG_CLASS_COUNTRY, country, 1);
}

/* "the Peruvian city of Cusco", "the town of Arica" starting at token i:
 * the place named after "of" (a place word of the list "placeword" before
 * it); sets *end past it; else -1. */
static gint
city_of_phrase (Ctx *c, guint i, guint *end)
{
  if (nkg_rel_is (c, i, "the"))
    i++;
  if (i < c->last && nkg_lexicon_demonym (c->in->lexicon, nkg_rel_tok (c, i)->text))
    i++;
  if (i + 2 >= c->last || !NKG_TOK_IN_LIST ("placeword", nkg_rel_tok (c, i)) || nkg_rel_is (c, i, "capital")
      || !nkg_rel_is (c, i + 1, "of"))
    return -1;
  gint pm = nkg_rel_mention_starting_at (c, i + 2);
  gint pe = pm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, pm)) : -1;
  if (nkg_class_coarse (nkg_rel_eclass (c, pe)) != NKG_CLASS_PLACE || nkg_rel_eclass (c, pe) == NKG_CLASS_COUNTRY)
    return -1;
  *end = nkg_rel_mention (c, pm)->last;
  return pe;
}

/* Past a when-phrase from token i: "on Monday", "today", "Wednesday",
 * "on 10-11 October", "from Oct. 5 to 7", "on March 3 and 4" (words of
 * `eventwhen`, numbers, dashes, months and weekdays); returns i when
 * there is none, or when no date word is in it ("to 7" alone). */
static guint
skip_when (Ctx *c, guint i)
{
  guint k = i;
  gboolean date = FALSE;
  while (k < c->last && k < i + 10)
    {
      const NkgToken *t = nkg_rel_tok (c, k);
      gboolean day = (t->flags & NKG_TOK_CAP) && (nkg_date_weekday (t->text) || nkg_date_month (t->text));
      if (day || nkg_rel_is (c, k, "today") || nkg_rel_is (c, k, "yesterday") || nkg_rel_is (c, k, "tomorrow"))
        date = TRUE;
      else if (!(t->flags & (NKG_TOK_NUM | NKG_TOK_DASH)) && !NKG_TOK_IN_LIST ("eventwhen", t))
        break;
      k++;
    }
  return date ? k : i;
}

/* Past a how-phrase from token i: "virtually", "via videoconference",
 * "both in person and online", "in a hybrid format" (lists eventmanner,
 * eventmannerglue); returns i when there is none. A phrase ends before
 * "in" or "at" that a word of eventmanner does not follow. */
static guint
skip_manner (Ctx *c, guint i)
{
  guint k = i, last = i;
  gboolean seen = FALSE;
  while (k < c->last && k < i + 8)
    {
      const NkgToken *t = nkg_rel_tok (c, k);
      if (NKG_TOK_IN_LIST ("eventmanner", t))
        seen = TRUE;
      else if (!NKG_TOK_IN_LIST ("eventmannerglue", t)
               || (nkg_rel_is (c, k, "in") && k + 1 < c->last && !NKG_TOK_IN_LIST ("eventmanner", nkg_rel_tok (c, k + 1))
                   && !nkg_rel_is (c, k + 1, "a")))
        break;
      /* a phrase ends on a word of its own ("format", "link"), not on a
       * joining word ("in", "and", "via") */
      if (seen && !(t->flags & NKG_TOK_CAP) && nkg_tag_at (c->in->tags, k)->pos != NKG_POS_PREP && nkg_tag_at (c->in->tags, k)->pos != NKG_POS_DET
          && !nkg_rel_is (c, k, "and") && !nkg_rel_is (c, k, "or") && !nkg_rel_is (c, k, "both"))
        last = k + 1;
      k++;
    }
  return last;
}

/* Back from token i past a when-phrase and a country after a comma:
 * "in Suva, Fiji, on Monday for the summit" from "for" gives the token
 * after "Suva" (the words skip_when passes, and a country's name);
 * returns i when there is none. */
static guint
skip_when_back (Ctx *c, guint i)
{
  guint k = i;
  while (k > c->first + 1 && i - k < 12)
    {
      const NkgToken *t = nkg_rel_tok (c, k - 1);
      gboolean day = (t->flags & NKG_TOK_CAP) && (nkg_date_weekday (t->text) || nkg_date_month (t->text));
      if (day || (t->flags & (NKG_TOK_NUM | NKG_TOK_DASH)) || strcmp (t->text, ",") == 0 || NKG_TOK_IN_LIST ("eventwhen", t)
          || strcmp (t->lower, "today") == 0 || strcmp (t->lower, "yesterday") == 0)
        {
          k--;
          continue;
        }
      gint cm = nkg_rel_mention_ending_at (c, k);
      if (cm < 0 || nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, cm))) != NKG_CLASS_COUNTRY
          || nkg_rel_mention (c, cm)->first < c->first + 1 || strcmp (nkg_rel_tok (c, nkg_rel_mention (c, cm)->first - 1)->text, ",") != 0)
        break;
      k = nkg_rel_mention (c, cm)->first;
    }
  return k;
}

static gint dateline_place (const Ctx *c, guint *sentence);

/* "the capital" alone, at token i: the article's dateline city when it is
 * the capital of a country the article names ("QUITO — … opened in the
 * capital"); sets *end past "capital"; else -1. */
static gint
bare_capital (Ctx *c, guint i, guint *end)
{
  if (!nkg_rel_is (c, i, "the") || i + 1 >= c->last || !nkg_rel_is (c, i + 1, "capital")
      || (i + 2 < c->last && nkg_rel_is (c, i + 2, "of")))
    return -1;
  guint ds;
  gint dp = dateline_place (c, &ds);
  if (nkg_rel_eclass (c, dp) != NKG_CLASS_CITY)
    return -1;
  const char *city = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, dp))->name;
  for (guint k = 0; k < c->facts->entities->len; k++)
    {
      NkgLocalEntity *e = g_ptr_array_index (c->facts->entities, k);
      const char *cap = e->klass == NKG_CLASS_COUNTRY && e->mentions > 0 ? nkg_lexicon_capital (c->in->lexicon, e->name) : NULL;
      if (cap && strcmp (cap, city) == 0)
        {
          *end = i + 2;
          return dp;
        }
    }
  return -1;
}

/* Where an event was, from token a right after its name: "in Berlin",
 * "at the Federal Chancellery in Berlin", ", held in Jakarta", "in the
 * Uruguayan capital". Adds the location facts; returns whether any. */
static gboolean
event_place (Ctx *c, gint ev, guint a, double conf)
{
  /* "the X Dialogue 2025 in Apia": past the edition's year */
  if (a + 1 < c->last && (nkg_rel_tok (c, a)->flags & NKG_TOK_NUM) && strlen (nkg_rel_tok (c, a)->text) == 4
      && (g_str_has_prefix (nkg_rel_tok (c, a)->text, "19") || g_str_has_prefix (nkg_rel_tok (c, a)->text, "20")))
    a++;
  guint i = a;
  /* "the X Summit and related meetings in Vientiane", "… and Related
   * Summits, held in Y": the series is where its main event is (list
   * relatedevent; a word or two before the meetings' head: "and related
   * high-level meetings") */
  if (i + 2 < c->last && nkg_rel_is (c, i, "and") && NKG_TOK_IN_LIST ("relatedevent", nkg_rel_tok (c, i + 1)))
    for (guint k = i + 2; k < c->last && k < i + 5; k++)
      if (nkg_rel_roles (c, k) & NKG_W_EVENT)
        {
          a = i = k + 1;
          break;
        }
  if (i < c->last && strcmp (nkg_rel_tok (c, i)->text, ",") == 0)
    i++;
  /* "which was held", "held", "took place", "taking place" */
  if (nkg_rel_is (c, i, "which") || nkg_rel_is (c, i, "that"))
    i++;
  if (nkg_rel_is (c, i, "was") || nkg_rel_is (c, i, "is") || nkg_rel_is (c, i, "will") || nkg_rel_is (c, i, "were") || nkg_rel_is (c, i, "are"))
    i++;
  /* "will be held", "is being held" */
  if (nkg_rel_is (c, i, "be") || nkg_rel_is (c, i, "being"))
    i++;
  if (i < c->last && NKG_TOK_IN_LIST ("eventplaceverb", nkg_rel_tok (c, i)))
    i++;
  else if ((nkg_rel_is (c, i, "kicked") || nkg_rel_is (c, i, "kicks")) && nkg_rel_is (c, i + 1, "off"))
    i += 2;
  /* "wrapped up in Quito on Friday" */
  else if ((nkg_rel_is (c, i, "wrapped") || nkg_rel_is (c, i, "wraps")) && nkg_rel_is (c, i + 1, "up"))
    i += 2;
  /* "The X Summit, in Arica, ended …": a place set off by commas */
  else if (i == a + 1 && strcmp (nkg_rel_tok (c, a)->text, ",") == 0 && nkg_rel_is (c, i, "in"))
    {
      gint pm = nkg_rel_mention_starting_at (c, i + 1);
      guint e = pm >= 0 ? nkg_rel_mention (c, pm)->last : 0;
      if (!e || e >= c->last || strcmp (nkg_rel_tok (c, e)->text, ",") != 0)
        return FALSE;
    }
  /* "got under way in Cusco" */
  else if ((nkg_rel_is (c, i, "got") || nkg_rel_is (c, i, "gets") || nkg_rel_is (c, i, "get")) && nkg_rel_is (c, i + 1, "under")
           && nkg_rel_is (c, i + 2, "way"))
    i += 3;
  else if ((nkg_rel_is (c, i, "got") || nkg_rel_is (c, i, "gets")) && nkg_rel_is (c, i + 1, "underway"))
    i += 2;
  else if ((nkg_rel_is (c, i, "took") || nkg_rel_is (c, i, "taking") || nkg_rel_is (c, i, "takes") || nkg_rel_is (c, i, "take"))
           && nkg_rel_is (c, i + 1, "place"))
    i += 2;
  else if (i != a)
    return FALSE;
  /* "opened on Monday in Rio", "began today in Kazan", "was held on
   * 10-11 October in Cusco", "takes place from Oct. 5 to 7 in Quito":
   * past the when. */
  if (i > a)
    {
      i = skip_when (c, i);
      /* "took place virtually on Monday in Quito" */
      guint m = skip_manner (c, i);
      if (m > i)
        i = skip_when (c, m);
    }
  gboolean found = FALSE;
  /* "the summit, hosted by Brazil": the host country or city is the place. */
  if (nkg_rel_is (c, i - 1, "hosted") && nkg_rel_is (c, i, "by"))
    {
      gint hm = nkg_rel_mention_starting_at (c, i + 1);
      gint he = hm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, hm)) : -1;
      if (nkg_rel_eclass (c, he) == NKG_CLASS_COUNTRY || nkg_rel_eclass (c, he) == NKG_CLASS_CITY)
        {
          /* "hosted by Peru in Cusco": the city says more */
          guint e = nkg_rel_mention (c, hm)->last;
          gint cm = nkg_rel_is (c, e, "in") ? nkg_rel_mention_starting_at (c, e + 1) : -1;
          gint ce = cm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, cm)) : -1;
          /* "hosted by Peru, opened in the capital on Monday": where the
           * event's own verb puts it, when it does */
          if (nkg_rel_eclass (c, ce) != NKG_CLASS_CITY && e + 2 < c->last && strcmp (nkg_rel_tok (c, e)->text, ",") == 0
              && NKG_TOK_IN_LIST ("eventplaceverb", nkg_rel_tok (c, e + 1)) && event_place (c, ev, e + 1, conf))
            return TRUE;
          nkg_rel_fact (c, ev, NKG_PROP_LOCATION, nkg_rel_eclass (c, ce) == NKG_CLASS_CITY ? ce : he, NULL, conf * 0.9);
          return TRUE;
        }
    }
  /* Up to two places: a venue and the city it stands in. */
  for (guint n = 0; n < 2 && (nkg_rel_is (c, i, "in") || nkg_rel_is (c, i, "at")); n++)
    {
      guint end = i;
      gint pe = capital_phrase (c, i + 1, &end);
      if (pe < 0)
        pe = city_of_phrase (c, i + 1, &end);
      if (pe < 0 && nkg_rel_is (c, i, "in"))
        pe = bare_capital (c, i + 1, &end);
      if (pe < 0)
        {
          gint pm = nkg_rel_mention_starting_at (c, i + 1 + nkg_rel_is (c, i + 1, "the"));
          pe = pm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, pm)) : -1;
          /* "at Orchid Hall in Mombasa": past a venue that is no place. */
          if (nkg_class_coarse (nkg_rel_eclass (c, pe)) != NKG_CLASS_PLACE && pm >= 0 && nkg_rel_is (c, i, "at")
              && nkg_rel_is (c, nkg_rel_mention (c, pm)->last, "in"))
            {
              i = nkg_rel_mention (c, pm)->last;
              n--;
              continue;
            }
          if (nkg_class_coarse (nkg_rel_eclass (c, pe)) != NKG_CLASS_PLACE)
            break;
          end = nkg_rel_mention (c, pm)->last;
        }
      nkg_rel_fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf);
      found = TRUE;
      i = end;
    }
  return found;
}

/* Whether the attending word at token i is a plan: "will attend", "is
 * expected to attend", "plans to attend" (a future word other than a
 * bare "to" within three words before it: "arrived to attend" is there). */
static gboolean
attend_planned (const Ctx *c, guint i)
{
  /* "will lead the Peruvian delegation": counted from the verb before
   * the noun and its modifiers */
  if (nkg_tag_at (c->in->tags, i)->pos == NKG_POS_NOUN)
    while (i > c->first + 1
           && (nkg_tag_at (c->in->tags, i - 1)->pos == NKG_POS_DET || nkg_tag_at (c->in->tags, i - 1)->pos == NKG_POS_ADJ
               || nkg_tag_at (c->in->tags, i - 1)->pos == NKG_POS_POSS || nkg_tag_at (c->in->tags, i - 1)->pos == NKG_POS_POSSMARK
               || nkg_tag_at (c->in->tags, i - 1)->pos == NKG_POS_PROPN))
      i--;
  for (guint k = i; k > c->first && i - k < 3; k--)
    {
      /* "declined to attend", "was invited to attend", "is scheduled to
       * address": not (yet) there */
      if (((nkg_rel_roles (c, k - 1) & NKG_W_FUTURE) && !nkg_rel_is (c, k - 1, "to"))
          || NKG_TOK_IN_LIST ("attendnotyet", nkg_rel_tok (c, k - 1)))
        return TRUE;
      if (!(nkg_rel_tok (c, k - 1)->flags & NKG_TOK_WORD))
        break;
    }
  return FALSE;
}

/* A range of days in one month starting at token i: "10-11 October",
 * "8 to 11 October 2024", "12 and 13 March" (words between in the list
 * dayrange). Writes its first day, in the year it gives, else the
 * article's. */
static gboolean
range_first_day (const Ctx *c, guint i, char out[11])
{
  const NkgToken *t = nkg_rel_tok (c, i);
  if (!(t->flags & NKG_TOK_NUM) || strlen (t->text) > 2 || atoi (t->text) < 1 || atoi (t->text) > 31 || i + 3 >= c->last)
    return FALSE;
  if (!(nkg_rel_tok (c, i + 1)->flags & NKG_TOK_DASH) && !NKG_TOK_IN_LIST ("dayrange", nkg_rel_tok (c, i + 1)))
    return FALSE;
  const NkgToken *m = nkg_rel_tok (c, i + 3);
  guint month = (m->flags & NKG_TOK_CAP) ? nkg_date_month (m->text) : 0;
  if (!(nkg_rel_tok (c, i + 2)->flags & NKG_TOK_NUM) || !month)
    return FALSE;
  guint k = i + 4 + (i + 4 < c->last && strcmp (nkg_rel_tok (c, i + 4)->text, ",") == 0);
  if (k < c->last && strlen (nkg_rel_tok (c, k)->text) == 4 && (nkg_rel_tok (c, k)->flags & NKG_TOK_NUM))
    {
      int year = atoi (nkg_rel_tok (c, k)->text);
      if (year < 1900 || year > 2999)
        return FALSE;
      g_snprintf (out, 11, "%04d-%02u-%02d", year, month, atoi (t->text));
      return TRUE;
    }
  return nkg_date_month_day (c->in->date, month, atoi (t->text), out);
}

/* Whether the clause before token i speaks of what is to come: a modal of
 * the list "willmodal" ("will", "shall") since the sentence's start. */
static gboolean
will_before (Ctx *c, guint i)
{
  for (guint k = c->first; k < i; k++)
    if (nkg_tag_at (c->in->tags, k)->pos == NKG_POS_MODAL && NKG_TOK_IN_LIST ("willmodal", nkg_rel_tok (c, k))
        && !(nkg_rel_tok (c, k)->flags & NKG_TOK_INQUOTE))
      return TRUE;
  return FALSE;
}

/* When an event was, from tokens right after its name: "on November 1",
 * "scheduled for November 1", "held in Jakarta on Friday". */
/* "X, which brought together delegations from six countries to discuss
 * A, B and C, was held from …": the comma that closes a relative clause
 * (POS_WH) opening at the comma at token a, the last comma before a verb
 * within 40 tokens of the sentence; else 0. */
static guint
relative_clause_end (const Ctx *c, guint a)
{
  if (a + 2 >= c->last || strcmp (nkg_rel_tok (c, a)->text, ",") != 0
      || nkg_tag_at (c->in->tags, a + 1)->pos != NKG_POS_WH)
    return 0;
  guint end = 0;
  for (guint k = a + 2; k + 1 < c->last && k < a + 40; k++)
    {
      if (strcmp (nkg_rel_tok (c, k)->text, ".") == 0 || strcmp (nkg_rel_tok (c, k)->text, ";") == 0)
        break;
      NkgPos next = nkg_tag_at (c->in->tags, k + 1)->pos;
      if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0
          && (next == NKG_POS_VERB || next == NKG_POS_AUX || next == NKG_POS_MODAL))
        end = k;
    }
  return end;
}

static gboolean
event_date_from (Ctx *c, gint ev, guint a, double conf)
{
  for (guint i = a, lim = a + 14; i < c->last && i < lim; i++)
    {
      const NkgToken *t = nkg_rel_tok (c, i);
      /* "took place both in person and online in Quito on …": a
       * how-phrase does not count against the reach */
      guint m = skip_manner (c, i);
      if (m > i)
        {
          lim += m - i;
          i = m - 1;
          continue;
        }
      /* "…, X said on Monday": the day of the saying; "… ended on
       * Tuesday": its last */
      if (strcmp (t->text, ".") == 0 || strcmp (t->text, ";") == 0 || nkg_rel_is (c, i, "after")
          || nkg_rel_is (c, i, "before") || nkg_rel_is (c, i, "when") || nkg_rel_is (c, i, "while")
          || NKG_TOK_IN_LIST ("saidverb", t) || NKG_TOK_IN_LIST ("eventend", t))
        return FALSE;
      /* "The summit opened today in Kazan" */
      if (nkg_rel_is (c, i, "today") && i > a && c->in->date
          && (nkg_rel_is (c, i - 1, "opened") || nkg_rel_is (c, i - 1, "opens") || nkg_rel_is (c, i - 1, "began") || nkg_rel_is (c, i - 1, "begins")
              || nkg_rel_is (c, i - 1, "started") || nkg_rel_is (c, i - 1, "starts") || nkg_rel_is (c, i - 1, "held")))
        {
          nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, c->in->date, conf * 0.85);
          return TRUE;
        }
      /* "from June 2 to June 4": the first day is the start; "opened
       * Wednesday", "kicks off Monday": a day right after its start. */
      if (!(nkg_rel_is (c, i - 1, "for") || nkg_rel_is (c, i - 1, "on") || nkg_rel_is (c, i - 1, "from")
            || NKG_TOK_IN_LIST ("eventstart", nkg_rel_tok (c, i - 1))))
        continue;
      char date[11];
      guint wd = (t->flags & NKG_TOK_CAP) ? nkg_date_weekday (t->text) : 0;
      if (nkg_rel_day_month_at (c, i, date))
        nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.9);
      /* "on Thursday, October 10, 2024": the date after the weekday */
      else if (wd && i + 2 < c->last && strcmp (nkg_rel_tok (c, i + 1)->text, ",") == 0 && nkg_rel_day_month_at (c, i + 2, date))
        nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.9);
      /* "on 10-11 October", "from 8 to 11 October 2024", "on 12 and 13
       * March": the range's first day */
      else if (range_first_day (c, i, date))
        nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.9);
      /* "X will be followed by the Y summit on Tuesday": a day ahead */
      else if (wd && (will_before (c, i) ? nkg_date_weekday_after : nkg_date_weekday_before) (c->in->date, wd, date))
        nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
      else
        continue;
      return TRUE;
    }
  return FALSE;
}

/* When an event was, from tokens right after its name; when they say
 * nothing, past a relative clause between commas ("X, which brought
 * together delegations from six countries to discuss A, B and C, was
 * held from …"). */
static void
event_date (Ctx *c, gint ev, guint a, double conf)
{
  if (event_date_from (c, ev, a, conf))
    return;
  guint skip = relative_clause_end (c, a);
  if (skip)
    event_date_from (c, ev, skip + 1, conf);
}

/* "The two ministers co-chaired X", "Both leaders attended X": the
 * subject is the pair who met in one of the three sentences before (its
 * count word in the list "pairword", its noun's lemma in "people"); they
 * go to `people`. */
/* Whether the article's facts so far give person e the title of a head
 * of state or government (list stateheads). */
static gboolean
is_state_head (const Ctx *c, guint e)
{
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_JOB_TITLE && f->subject == e && f->literal && nkg_patterns_title_ends_in (f->literal, "stateheads"))
        return TRUE;
    }
  return FALSE;
}

static void
pair_before (Ctx *c, GArray *people)
{
  guint i = c->first;
  /* "Earlier, the two leaders …": past a fronted adverb */
  if (i + 2 < c->last && (nkg_tag_at (c->in->tags, i)->pos == NKG_POS_ADV || nkg_tag_at (c->in->tags, i)->pos == NKG_POS_ADJ)
      && strcmp (nkg_rel_tok (c, i + 1)->text, ",") == 0)
    i += 2;
  if (nkg_rel_is (c, i, "the"))
    i++;
  if (i >= c->last || !NKG_TOK_IN_LIST ("pairword", nkg_rel_tok (c, i)))
    return;
  gboolean group = FALSE;
  for (guint j = i + 1; j < i + 4 && j < c->last && !group; j++)
    group = !(nkg_rel_tok (c, j)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))
            && NKG_IN_LIST ("people", nkg_tag_at (c->in->tags, j)->lemma);
  const NkgLocalFact *pair = NULL;
  for (guint f = 0; group && f < c->facts->facts->len; f++)
    {
      const NkgLocalFact *x = g_ptr_array_index (c->facts->facts, f);
      if (x->prop == NKG_PROP_MET && x->sentence < c->sentence && x->sentence + 3 >= c->sentence
          && (!pair || x->sentence >= pair->sentence))
        pair = x;
    }
  /* "The two leaders …" further on: the latest pair before who both
   * head a state or government */
  const NkgLocalFact *heads = NULL;
  for (guint f = 0; group && !pair && nkg_rel_is (c, i + 1, "leaders") && f < c->facts->facts->len; f++)
    {
      const NkgLocalFact *x = g_ptr_array_index (c->facts->facts, f);
      if (x->prop == NKG_PROP_MET && x->sentence < c->sentence && x->object >= 0 && (!heads || x->sentence >= heads->sentence)
          && is_state_head (c, x->subject) && is_state_head (c, (guint) x->object))
        heads = x;
    }
  if (!pair)
    pair = heads;
  if (pair && nkg_rel_eclass (c, (gint) pair->subject) == NKG_CLASS_PERSON && nkg_rel_eclass (c, pair->object) == NKG_CLASS_PERSON)
    {
      nkg_rel_add_unique (people, (gint) pair->subject);
      nkg_rel_add_unique (people, pair->object);
    }
}

/* "X chaired the meeting, taking over from Y": the comma between tokens
 * from and last that opens a clause of handing over (list handover), whose
 * people are not said to be there; else last. */
static guint
handover_at (const Ctx *c, guint from, guint last)
{
  for (guint i = from; i + 1 < last; i++)
    if (NKG_TOK_IN_LIST ("handover", nkg_tok (c->in->seg, i + 1)) && strcmp (nkg_tok (c->in->seg, i)->text, ",") == 0)
      return i;
  return last;
}

/* Who attended an event named from token `first` on: "on the sidelines
 * of EVENT", "attended EVENT", "co-chaired EVENT", "At EVENT, X …" give
 * the sentence's persons (or the pronoun's, the talks', the signers'). */
/* The sentence's first token past its dateline, if it opens with one
 * ("QUITO, March 3 (APN) - At the summit, …": "At"), else its first. */
static guint
past_dateline (const Ctx *c)
{
  guint end = 0;
  for (guint k = 0; k < c->here->len; k++)
    {
      const NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->dateline && m->first == c->first)
        end = m->last;
    }
  for (guint i = end; end && i < c->last && i < end + 14; i++)
    if (strcmp (nkg_rel_tok (c, i)->text, "-") == 0 || strcmp (nkg_rel_tok (c, i)->text, "\u2013") == 0
        || strcmp (nkg_rel_tok (c, i)->text, "\u2014") == 0)
      return i + 1;
  return c->first;
}

/* The persons of a by-phrase of being at event ev ("chaired by A and
 * B"), from token `from` to the clause's next verb, attended it; returns
 * where the phrase ends. */
static guint
by_phrase_attendees (Ctx *c, gint ev, guint from, double conf)
{
  guint end = from;
  for (; end < c->last; end++)
    {
      guint8 pos = nkg_tag_at (c->in->tags, end)->pos;
      if ((pos == NKG_POS_VERB || pos == NKG_POS_AUX) && !(nkg_rel_tok (c, end)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
        break;
    }
  g_autoptr (NkgIntArray) named = nkg_int_array_new ();
  nkg_rel_collect (c, from, end, named, nkg_rel_want_person);
  for (guint i = 0; i < named->len; i++)
    nkg_rel_fact (c, g_array_index (named, gint, i), NKG_PROP_ATTENDED, ev, NULL, conf);
  return end;
}

/* "EVENT was held in Quito on Monday and attended by A and B", "EVENT,
 * hosted by X, took place in Lima and was chaired by Y": a passive of
 * being at it (list byattend) coordinated after the event's own verb,
 * when the event (from token p, its name ending at from) is the
 * sentence's subject — its first words, or the first after a dateline's
 * dash. Those in that by-phrase attended; returns where it ends, or 0. */
static guint
and_attended_by (Ctx *c, gint ev, guint p, guint from, double conf)
{
  if (p > c->first && strcmp (nkg_rel_tok (c, p - 1)->text, "-") != 0 && strcmp (nkg_rel_tok (c, p - 1)->text, "—") != 0
      && strcmp (nkg_rel_tok (c, p - 1)->text, "–") != 0)
    return 0;
  gboolean passive = FALSE;
  for (guint k = from; k + 2 < c->last; k++)
    {
      passive |= nkg_rel_is (c, k, "was") || nkg_rel_is (c, k, "were") || nkg_rel_is (c, k, "took");
      if (!passive || !nkg_rel_is (c, k, "and"))
        continue;
      guint b = k + 1;
      if (nkg_rel_is (c, b, "was") || nkg_rel_is (c, b, "were"))
        b++;
      if (nkg_rel_is (c, b, "also"))
        b++;
      if (b + 1 >= c->last || !NKG_TOK_IN_LIST ("byattend", nkg_rel_tok (c, b)) || !nkg_rel_is (c, b + 1, "by"))
        continue;
      return by_phrase_attendees (c, ev, b + 2, conf);
    }
  return 0;
}

/* Whether a word of not being somewhere (list absent, or a negation)
 * comes in the three words before token i: "skipped the", "did not
 * attend". */
static gboolean
absent_before (const Ctx *c, guint i)
{
  for (guint k = i; k > c->first && i - k < 4; k--)
    if (nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_NEG || NKG_TOK_IN_LIST ("absent", nkg_rel_tok (c, k - 1)))
      return TRUE;
  return FALSE;
}

/* Whether token t is a dash that sets off an aside: "—", "–". */
static gboolean
aside_dash (const NkgToken *t)
{
  return strcmp (t->text, "\u2014") == 0 || strcmp (t->text, "\u2013") == 0;
}

static void
event_attendees (Ctx *c, gint ev, guint first, double conf)
{
  /* "on the sidelines of EVENT", "attended EVENT", "co-chaired EVENT",
   * "At EVENT, X …": the sentence's persons. */
  gboolean attend = FALSE;
  for (guint i = c->first; i < first; i++)
    attend |= (NKG_TOK_IN_LIST ("attendcue", nkg_rel_tok (c, i)) && !attend_planned (c, i))
              || (nkg_rel_is (c, i, "took") && nkg_rel_is (c, i + 1, "part"))
              || (nkg_rel_is (c, i, "told") && i + 3 >= first);
  /* "at the G20 summit", "At a Mercosur summit": a venue of people,
   * unless the sentence is about something else taking place there. */
  guint p = first;
  while (p > c->first && (nkg_rel_is (c, p - 1, "the") || nkg_rel_is (c, p - 1, "a") || nkg_rel_is (c, p - 1, "an")
                          || (nkg_rel_tok (c, p - 1)->flags & NKG_TOK_NUM) || is_ordinal (c, nkg_rel_tok (c, p - 1))))
    p--;
  /* "at the end of the summit", "at the opening of the forum", "at the
   * opening session of the summit": at it. */
  guint part = p > c->first + 3 && nkg_rel_is (c, p - 1, "of")
                       && (NKG_TOK_IN_LIST ("sessionnoun", nkg_rel_tok (c, p - 2)) || NKG_TOK_IN_LIST ("partsession", nkg_rel_tok (c, p - 2)))
                   ? 1
                   : 0;
  if (p > c->first + 3 + part && nkg_rel_is (c, p - 1, "of") && NKG_TOK_IN_LIST ("eventpart", nkg_rel_tok (c, p - 2 - part)))
    {
      guint q = p - 2 - part;
      if (nkg_rel_is (c, q - 1, "the"))
        q--;
      if (nkg_rel_is (c, q - 1, "at"))
        p = q;
    }
  /* "X did not attend the summit", "Y skipped the forum", "Z was absent
   * from the talks": not there. */
  if (absent_before (c, p))
    return;
  /* "X, who attended the signing, flew home before the summit", "… ahead
   * of the summit": a time before it, not at it */
  if (p > c->first + 1 && (nkg_rel_is (c, p - 1, "before") || (nkg_rel_is (c, p - 1, "of") && nkg_rel_is (c, p - 2, "ahead"))))
    {
      /* … but "arrived in Quito ahead of the summit": there for it (list
       * arrival), not negated or planned */
      gboolean arrived = FALSE;
      for (guint i = c->first; i + 2 < p && nkg_rel_is (c, p - 2, "ahead"); i++)
        {
          guint8 pos = nkg_tag_at (c->in->tags, i)->pos;
          if (pos == NKG_POS_NEG || pos == NKG_POS_MODAL || (strcmp (nkg_rel_tok (c, i)->text, ",") == 0 && i + 3 != p))
            {
              arrived = FALSE;
              break;
            }
          arrived |= NKG_TOK_IN_LIST ("arrival", nkg_rel_tok (c, i));
        }
      if (!arrived)
        return;
      attend = TRUE;
    }
  gboolean at = p > c->first && nkg_rel_is (c, p - 1, "at");
  /* "held a bilateral meeting as part of the X": within it */
  attend |= p > c->first + 3 && nkg_rel_is (c, p - 1, "of") && nkg_rel_is (c, p - 2, "part") && nkg_rel_is (c, p - 3, "as");
  /* "X closed the summit", "brought to a close the summit": its verb. */
  attend |= p > c->first && NKG_TOK_IN_LIST ("eventverb", nkg_rel_tok (c, p - 1))
            && (!nkg_rel_is (c, p - 1, "close") || (p > c->first + 2 && nkg_rel_is (c, p - 3, "to")))
            && (!nkg_rel_is (c, p - 1, "conclusion") || (p > c->first + 2 && nkg_rel_is (c, p - 3, "to")))
            && (!nkg_rel_is (c, p - 1, "end") || (p > c->first + 2 && nkg_rel_is (c, p - 3, "to")));
  /* "X welcomed the delegates to the summit": its host (list
   * welcomeverb; a word of attendhead or "leaders" right before "to") */
  if (!attend && p > c->first + 3 && nkg_rel_is (c, p - 1, "to")
      && (NKG_TOK_IN_LIST ("attendhead", nkg_rel_tok (c, p - 2)) || nkg_rel_is (c, p - 2, "leaders")))
    for (guint i = p - 3; i > c->first && i + 6 > p && !attend; i--)
      attend = NKG_TOK_IN_LIST ("welcomeverb", nkg_rel_tok (c, i)) && !attend_planned (c, i);
  /* "X welcomed A, B and C to the summit": host and guests were there
   * (list welcomeverb; no verb between it and "to": not "welcomed the
   * decision to hold the summit") */
  for (guint i = p - 2; !attend && p > c->first + 3 && nkg_rel_is (c, p - 1, "to") && i > c->first && i + 40 > p; i--)
    {
      guint8 pos = nkg_tag_at (c->in->tags, i)->pos;
      if (NKG_TOK_IN_LIST ("welcomeverb", nkg_rel_tok (c, i)))
        {
          attend = !attend_planned (c, i);
          break;
        }
      if (pos == NKG_POS_VERB || pos == NKG_POS_AUX || pos == NKG_POS_MODAL || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
        break;
    }
  /* "X was the host of the summit", "Y, chair of the forum": its role
   * (list eventrole), not a planned one ("will be the host of") */
  if (!attend && p > c->first + 1 && nkg_rel_is (c, p - 1, "of") && NKG_TOK_IN_LIST ("eventrole", nkg_rel_tok (c, p - 2)))
    {
      attend = TRUE;
      for (guint i = c->first; i + 2 < p && attend; i++)
        attend = nkg_tag_at (c->in->tags, i)->pos != NKG_POS_MODAL && nkg_tag_at (c->in->tags, i)->pos != NKG_POS_NEG;
    }
  /* "Biden said at the summit that Putin …": only the subject was there. */
  /* "Speaking at the summit, X said": the fronted clause is X's. */
  guint c0 = past_dateline (c);
  gboolean fronted = at && p == c0 + 2 && nkg_tag_at (c->in->tags, c0)->form == NKG_FORM_GER;
  /* "In his statement at the summit, X said", "In her opening remarks
   * at the forum, Y …": a fronted speech (list speechnoun) of the
   * subject's own */
  gboolean speech = FALSE;
  for (guint k = c0 + 2; at && !fronted && k < c0 + 4 && k + 1 < p; k++)
    fronted = speech = nkg_rel_is (c, c0, "in")
              && (nkg_rel_is (c, c0 + 1, "his") || nkg_rel_is (c, c0 + 1, "her") || nkg_rel_is (c, c0 + 1, "their"))
              && NKG_TOK_IN_LIST ("speechnoun", nkg_rel_tok (c, k)) && p == k + 2;
  /* "Delegates at the summit included A and B", "Participants at the
   * forum were C and D": those it lists were there (lists attendhead,
   * attendtail) */
  /* … and "Leaders at the summit were A, B and C", "Ministers at the
   * meeting included D" (list groupnoun) */
  if (at && !attend && p > c->first + 1
      && (NKG_TOK_IN_LIST ("attendhead", nkg_rel_tok (c, p - 2)) || NKG_TOK_IN_LIST ("groupnoun", nkg_rel_tok (c, p - 2))))
    {
      /* (past "in Apia", "also" to its verb) */
      gint em = nkg_rel_mention_starting_at (c, first);
      for (guint k = em >= 0 ? nkg_rel_mention (c, em)->last : first; k < c->last && !attend; k++)
        {
          /* (not "were told by A that B …": a passive) */
          attend = NKG_TOK_IN_LIST ("attendtail", nkg_rel_tok (c, k))
                   || (nkg_rel_is (c, k, "were") && (k + 1 >= c->last || nkg_tag_at (c->in->tags, k + 1)->pos != NKG_POS_VERB));
          guint8 pos = nkg_tag_at (c->in->tags, k)->pos;
          if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0 || pos == NKG_POS_VERB || pos == NKG_POS_AUX)
            break;
        }
    }
  gboolean only_at = !attend && at && p > c0 + 1 && !fronted;
  attend |= at;
  /* "… with A and B in attendance", "with A attending", "with A among
   * the speakers" */
  for (guint i = first, with = 0; i + 1 < c->last && !attend; i++)
    {
      with = nkg_rel_is (c, i, "with") ? i : with;
      attend = (nkg_rel_is (c, i, "in") && nkg_rel_is (c, i + 1, "attendance"))
               /* "… with the participation of A" (list attendof) */
               || (with && i < with + 3 && NKG_TOK_IN_LIST ("attendof", nkg_rel_tok (c, i)) && nkg_rel_is (c, i + 1, "of"))
               || (with && i < with + 12
                   && ((nkg_rel_is (c, i, "attending") && (i + 1 == c->last || !(nkg_rel_tok (c, i + 1)->flags & NKG_TOK_WORD)))
                       || (nkg_rel_is (c, i, "among") && nkg_rel_is (c, i + 1, "the") && i + 2 < c->last
                           && NKG_TOK_IN_LIST ("attendhead", nkg_rel_tok (c, i + 2)))));
    }
  /* "on the margins of", "on the fringes of" say what "sidelines" says. */
  for (guint i = c->first; i + 1 < first && !attend; i++)
    attend = (nkg_rel_is (c, i, "margins") || nkg_rel_is (c, i, "fringes") || nkg_rel_is (c, i, "margin") || nkg_rel_is (c, i, "fringe"))
             && nkg_rel_is (c, i + 1, "of");
  /* "EVENT was attended by X", "EVENT drew X", "EVENT brought together
   * X, Y and Z" */
  /* (from the name's end: "the 47th meeting of the X Committee in Hanoi,
   * co-chaired by A and B") */
  gint em0 = nkg_rel_mention_starting_at (c, first);
  guint from = em0 >= 0 ? nkg_rel_mention (c, em0)->last : first;
  guint after = from;
  while (after < c->last && !nkg_rel_is (c, after, "was") && !nkg_rel_is (c, after, "were") && !nkg_rel_is (c, after, "drew")
         && !nkg_rel_is (c, after, "brought") && !nkg_rel_is (c, after, "brings") && after < from + 8
         && strcmp (nkg_rel_tok (c, after)->text, ",") != 0 && !aside_dash (nkg_rel_tok (c, after)))
    after++;
  /* "EVENT, held in Quito, was attended by X": past the aside */
  if (after + 2 < c->last && strcmp (nkg_rel_tok (c, after)->text, ",") == 0
      && NKG_TOK_IN_LIST ("eventverb", nkg_rel_tok (c, after + 1)) && !nkg_rel_is (c, after + 2, "by"))
    {
      guint k = after + 2;
      while (k < c->last && k < after + 10 && strcmp (nkg_rel_tok (c, k)->text, ",") != 0)
        k++;
      if (k < c->last && strcmp (nkg_rel_tok (c, k)->text, ",") == 0 && (nkg_rel_is (c, k + 1, "was") || nkg_rel_is (c, k + 1, "were")))
        after = k + 1;
    }
  /* "EVENT, attended by X", "EVENT, which was hosted by X" */
  guint by = after;
  /* (or set off by dashes: "EVENT — co-chaired by A and B — brought …") */
  if (by < c->last && (strcmp (nkg_rel_tok (c, by)->text, ",") == 0 || aside_dash (nkg_rel_tok (c, by))))
    by++;
  if (nkg_rel_is (c, by, "which") || nkg_rel_is (c, by, "that"))
    by++;
  if (nkg_rel_is (c, by, "was") || nkg_rel_is (c, by, "were") || nkg_rel_is (c, by, "is"))
    by++;
  /* "was also attended by" */
  if (by > after && by + 1 < c->last && nkg_rel_is_verb_filler (c, by) && NKG_TOK_IN_LIST ("eventverb", nkg_rel_tok (c, by + 1)))
    by++;
  /* "co-chaired by", "co-hosted by": the tokens "co", "-", "chaired" */
  if (nkg_rel_is (c, by, "co") && nkg_rel_is (c, by + 1, "-"))
    by += 2;
  /* … those named in the by-phrase only, up to the clause's next verb */
  guint by_end = 0;
  /* "was chaired by A and attended by B, C and D": each by-phrase of the
   * coordination in turn */
  for (guint b = by; b > after && b + 1 < c->last && NKG_TOK_IN_LIST ("eventverb", nkg_rel_tok (c, b))
                     && nkg_rel_is (c, b + 1, "by");)
    {
      by_end = by_phrase_attendees (c, ev, b + 2, conf * 0.9);
      b = by_end < c->last && nkg_rel_is (c, by_end - 1, "and") ? by_end : 0;
    }
  by_end = MAX (by_end, and_attended_by (c, ev, p, from, conf * 0.9));
  /* "EVENT was opened on Monday in Quito by A": the by-phrase past the
   * day and place, no comma or verb between */
  if (!by_end && by > after && by + 2 < c->last && nkg_rel_is (c, by - 1, "was")
      && NKG_TOK_IN_LIST ("byattend", nkg_rel_tok (c, by)) && !nkg_rel_is (c, by + 1, "by"))
    for (guint k = by + 1; k < c->last && k < by + 10; k++)
      {
        guint8 pos = nkg_tag_at (c->in->tags, k)->pos;
        if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0 || pos == NKG_POS_VERB || pos == NKG_POS_AUX)
          break;
        if (nkg_rel_is (c, k, "by"))
          {
            by_end = by_phrase_attendees (c, ev, k + 1, conf * 0.9);
            break;
          }
      }
  if (by_end)
    {
      /* "X spoke at the summit, hosted by Y": X was there as well */
      if (!attend)
        return;
    }
  attend |= (nkg_rel_is (c, after, "was") && nkg_rel_is (c, after + 1, "attended")) || nkg_rel_is (c, after, "drew")
            || ((nkg_rel_is (c, after, "brought") || nkg_rel_is (c, after, "brings")) && nkg_rel_is (c, after + 1, "together"));
  /* "travelled to Brazil for the G20 summit", "was in New Delhi for the
   * Raisina Dialogue": the trip's purpose. */
  if (!attend && p > c->first && nkg_rel_is (c, p - 1, "for"))
    for (guint i = c->first; i + 1 < p && !attend; i++)
      attend = NKG_TOK_IN_LIST ("trip", nkg_rel_tok (c, i))
               || ((nkg_rel_is (c, i, "was") || nkg_rel_is (c, i, "is") || nkg_rel_is (c, i, "were") || nkg_rel_is (c, i, "are"))
                   && (nkg_rel_is (c, i + 1, "in")
                       /* "are also in Honiara for the X" */
                       || (i + 2 < p && nkg_rel_is_verb_filler (c, i + 1) && nkg_rel_is (c, i + 2, "in"))));
  /* "X's visit to Lima for the summit", "Y's participation in the
   * forum": that person only. */
  for (guint k = 0; !attend && k < c->here->len; k++)
    {
      NkgMention *pm = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      guint e = pm->last;
      if (e + 1 >= first || pm->nested || nkg_rel_eclass (c, nkg_rel_entity (c, pm)) != NKG_CLASS_PERSON
          || !(nkg_rel_tok (c, e)->flags & NKG_TOK_POSS))
        continue;
      if (!NKG_TOK_IN_LIST ("attendnoun", nkg_rel_tok (c, e + 1)))
        continue;
      /* nothing but the trip's own words between: "to Lima for", "in";
       * not "X's visit to Lima ahead of the summit" */
      gboolean near = e + 10 > first
                      && (nkg_rel_is (c, p - 1, "at") || nkg_rel_is (c, p - 1, "for") || nkg_rel_is (c, p - 1, "in")
                          || nkg_rel_is (c, p - 1, "to"));
      for (guint i = e + 2; i < first && near; i++)
        near = strcmp (nkg_rel_tok (c, i)->text, ",") != 0 && nkg_tag_at (c->in->tags, i)->pos != NKG_POS_VERB
               && nkg_tag_at (c->in->tags, i)->pos != NKG_POS_AUX;
      if (near)
        nkg_rel_fact (c, nkg_rel_entity (c, pm), NKG_PROP_ATTENDED, ev, NULL, conf * 0.9);
    }
  if (!attend)
    return;
  guint stop = handover_at (c, first, c->last);
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, c->first, only_at ? first : stop, people, nkg_rel_want_person);
  /* the speech's owner only: the subject after it */
  if (speech && people->len > 1)
    g_array_set_size (people, 1);
  /* "X unveiled the deal at the summit, standing alongside A and B": those
   * beside the one who was there were there too. */
  for (guint i = first; only_at && i < c->last; i++)
    if (NKG_TOK_IN_LIST ("alongside", nkg_rel_tok (c, i)))
      {
        nkg_rel_collect (c, i + 1, c->last, people, nkg_rel_want_person);
        break;
      }
  /* "Peru was represented at the summit in Quito by A": the by-phrase's
   * people (list standin), up to a comma or verb */
  if (only_at && p > c->first + 2 && NKG_TOK_IN_LIST ("standin", nkg_rel_tok (c, p - 2)))
    for (guint i = first; i + 1 < c->last; i++)
      {
        guint8 pos = nkg_tag_at (c->in->tags, i)->pos;
        if (strcmp (nkg_rel_tok (c, i)->text, ",") == 0 || pos == NKG_POS_VERB || pos == NKG_POS_AUX)
          break;
        if (nkg_rel_is (c, i, "by"))
          {
            guint end = i + 1;
            while (end < c->last && strcmp (nkg_rel_tok (c, end)->text, ",") != 0
                   && !(nkg_tag_at (c->in->tags, end)->pos == NKG_POS_VERB && !(nkg_rel_tok (c, end)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))))
              end++;
            nkg_rel_collect (c, i + 1, end, people, nkg_rel_want_person);
            break;
          }
      }
  nkg_rel_drop_represented (c, people);
  /* "He addressed the summit", "She spoke at the forum": the person
   * the pronoun stands for. */
  if (!people->len && c->first + 1 < first)
    {
      gint he = nkg_rel_pronoun_subject (c, c->first + 1);
      if (he >= 0)
        g_array_append_val (people, he);
    }
  /* "The two ministers co-chaired X": the pair who met before. */
  if (!people->len && !only_at)
    pair_before (c, people);
  /* "Ministers from Egypt and Israel met on the sidelines of X. Egypt's
   * A and Israel's B …": the unnamed people are named in the next
   * sentence. */
  if (!people->len && !only_at)
    {
      gboolean unnamed = FALSE;
      /* A common noun, not part of a name ("Defence Ministers' Meeting"). */
      for (guint i = c->first; i < first && !unnamed; i++)
        unnamed = (i == c->first || !(nkg_rel_tok (c, i)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))
                  && (nkg_rel_is (c, i, "ministers") || nkg_rel_is (c, i, "leaders") || nkg_rel_is (c, i, "officials")
                      || nkg_rel_is (c, i, "presidents") || nkg_rel_is (c, i, "delegations"));
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, c->sentence + 1, &lo, &hi);
      const NkgSentence *next = c->sentence + 1 < c->in->seg->sentences->len
                                  ? &g_array_index (c->in->seg->sentences, NkgSentence, c->sentence + 1)
                                  : NULL;
      guint next_stop = next ? handover_at (c, next->first, next->last) : 0;
      for (guint k = lo; unnamed && k < hi; k++)
        {
          NkgMention *m = g_ptr_array_index (c->in->mentions, k);
          gint e = nkg_rel_entity (c, m);
          if (m->sentence == c->sentence + 1 && !m->in_quote && !m->dateline && m->first < next_stop
              && nkg_rel_eclass (c, e) == NKG_CLASS_PERSON)
            nkg_rel_add_unique (people, e);
        }
      if (people->len > 6)
        g_array_set_size (people, 0);
    }
  /* "The talks continued at the first X meeting": those who met. */
  /* "At the summit the leaders adopted …": the leaders who met before. */
  guint subj = c->first;
  if (at && p == c0 + 1)
    {
      gint em = nkg_rel_mention_starting_at (c, first);
      subj = em >= 0 ? nkg_rel_mention (c, em)->last : first;
      if (subj < c->last && strcmp (nkg_rel_tok (c, subj)->text, ",") == 0)
        subj++;
    }
  if (!people->len && at && nkg_rel_is (c, subj, "the")
      && (nkg_rel_is (c, subj + 1, "talks") || nkg_rel_is (c, subj + 1, "meeting")
          || nkg_rel_is (c, subj + 1, "negotiations") || nkg_rel_is (c, subj + 1, "leaders")))
    for (guint i = 0; i < c->facts->facts->len; i++)
      {
        NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
        if (f->prop == NKG_PROP_MET)
          {
            nkg_rel_add_unique (people, f->subject);
            nkg_rel_add_unique (people, f->object);
          }
      }
  /* "The accord got inked on the margins of X": its signers were there. */
  if (!people->len)
    {
      gint agreement = nkg_rel_agreement_near (c, first, FALSE);
      gboolean signing = FALSE;
      for (guint i = c->first; i < first; i++)
        signing |= nkg_rel_is (c, i, "signing");
      if (agreement < 0 && signing)
        agreement = nkg_rel_salient_agreement (c);
      for (guint i = 0; agreement >= 0 && i < c->facts->facts->len; i++)
        {
          NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
          if (f->prop == NKG_PROP_SIGNED && f->object == agreement && nkg_rel_eclass (c, f->subject) == NKG_CLASS_PERSON)
            g_array_append_val (people, f->subject);
        }
    }
  for (guint i = 0; i < people->len; i++)
    nkg_rel_fact (c, g_array_index (people, gint, i), NKG_PROP_ATTENDED, ev, NULL, conf * 0.9);
  /* "At the summit, A, B and C agreed …": the leaders there met; not
   * "At the summit, A said B and C had agreed …": those the speaker
   * reports on are not thereby in a meeting with him. */
  if (at && p == c0 + 1)
    {
      const NkgWordList *saidverb = NKG_WORD_LIST ("saidverb");
      for (guint i = first; i < c->last; i++)
        if (!(nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE) && nkg_patterns_word_list_has (saidverb, nkg_rel_tok (c, i)->lower))
          return;
      nkg_rel_met_pairs (c, people, conf * 0.9);
    }
}

static gint dateline_place (const Ctx *c, guint *sentence);

/* "… gathered here today for X", "met in Quito on Monday for X": when a
 * verb of coming together (list gatherday) at token v has a when-phrase
 * (`dated`), the day they came together is the event's first. */
static void
gather_day (Ctx *c, gint ev, guint v, gboolean dated, double conf)
{
  char date[11];
  if (dated && NKG_TOK_IN_LIST ("gatherday", nkg_rel_tok (c, v)) && nkg_rel_sentence_date (c, date))
    nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.8);
}

/* "arrived in Kazan to attend the BRICS summit", "gathered in the Fijian
 * capital for the four-day meeting": the trip's city is the event's
 * (`first` is the event's first token). Returns whether it placed it. */
static gboolean
event_trip_place (Ctx *c, gint ev, guint first, double conf)
{
  guint q = first;
  /* "for the two-day X", "for the annual X" */
  while (q > c->first
         && (nkg_rel_is (c, q - 1, "the") || nkg_rel_is (c, q - 1, "a") || is_ordinal (c, nkg_rel_tok (c, q - 1))
             || (nkg_rel_tok (c, q - 1)->flags & (NKG_TOK_NUM | NKG_TOK_DASH)) || nkg_rel_number_word (nkg_rel_tok (c, q - 1)->lower)
             || nkg_rel_is (c, q - 1, "day")
             || (nkg_tag_at (c->in->tags, q - 1)->pos == NKG_POS_ADJ && !(nkg_rel_tok (c, q - 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)))))
    q--;
  guint before_place = q > c->first + 2 && nkg_rel_is (c, q - 1, "for") ? q - 1
                       : q > c->first + 3 && nkg_rel_is (c, q - 1, "attend") && nkg_rel_is (c, q - 2, "to") ? q - 2 : 0;
  if (!before_place)
    return FALSE;
  /* "gathered here today for the summit": "here" is the dateline's place */
  guint h = skip_when_back (c, before_place);
  if (h > c->first + 1 && nkg_rel_is (c, h - 1, "here") && NKG_TOK_IN_LIST ("trip", nkg_rel_tok (c, h - 2)))
    {
      guint ds = 0;
      gint dp = dateline_place (c, &ds);
      if (dp < 0)
        return FALSE;
      nkg_rel_fact (c, ev, NKG_PROP_LOCATION, dp, NULL, conf * 0.8);
      gather_day (c, ev, h - 2, h < before_place, conf);
      return TRUE;
    }
  gint pm = nkg_rel_mention_ending_at (c, before_place);
  /* "gathered in Suva, Fiji, on Monday for the summit" */
  if (pm < 0)
    pm = nkg_rel_mention_ending_at (c, skip_when_back (c, before_place));
  gint pe = pm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, pm)) : -1;
  NkgMention *pmm = pm >= 0 ? nkg_rel_mention (c, pm) : NULL;
  if (pmm && (nkg_rel_eclass (c, pe) == NKG_CLASS_CITY || (nkg_rel_eclass (c, pe) == NKG_CLASS_PLACE && !pmm->canonical))
      && pmm->first > c->first
      && (nkg_rel_is (c, pmm->first - 1, "in")
          /* "flew to Vientiane on Tuesday to attend the summit" */
          || (pmm->first > c->first + 1 && nkg_rel_is (c, pmm->first - 1, "to")
              && (NKG_TOK_IN_LIST ("trip", nkg_rel_tok (c, pmm->first - 2))
                  /* "will travel to Quito next week for the X": a plan
                   * gives the place, not attendance */
                  || NKG_TOK_IN_LIST ("tripplace", nkg_rel_tok (c, pmm->first - 2))))
          /* "left for Apia on Sunday to attend the summit" (list tripfor) */
          || (pmm->first > c->first + 1 && nkg_rel_is (c, pmm->first - 1, "for")
              && NKG_TOK_IN_LIST ("tripfor", nkg_rel_tok (c, pmm->first - 2)))))
    {
      nkg_rel_fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf * 0.8);
      /* "met in Quito on Monday for the X Meeting" */
      if (nkg_rel_is (c, pmm->first - 1, "in") && pmm->first > c->first + 1)
        gather_day (c, ev, pmm->first - 2, pmm->last < before_place, conf);
      return TRUE;
    }
  /* "in the Fijian capital for the summit" */
  guint end = 0;
  gint ce = before_place >= c->first + 4 && nkg_rel_is (c, before_place - 1, "capital") && nkg_rel_is (c, before_place - 4, "in")
              ? capital_phrase (c, before_place - 3, &end)
              : -1;
  if (ce >= 0 && end == before_place)
    {
      nkg_rel_fact (c, ev, NKG_PROP_LOCATION, ce, NULL, conf * 0.8);
      return TRUE;
    }
  return FALSE;
}

/* "In Quito, the X Summit opened on Monday": a city fronted by "in" and
 * a comma, then the event (past "the", an ordinal or number) as the
 * subject of a verb of taking place (list eventplaceverb, or "was held"):
 * the city is the event's. */
static gboolean
event_fronted_place (Ctx *c, gint ev, guint first, guint a, double conf)
{
  guint c0 = past_dateline (c);
  if (first < c0 + 4 || !nkg_rel_is (c, c0, "in") || a >= c->last)
    return FALSE;
  guint p = first;
  while (p > c0 && (nkg_rel_is (c, p - 1, "the") || (nkg_rel_tok (c, p - 1)->flags & NKG_TOK_NUM) || is_ordinal (c, nkg_rel_tok (c, p - 1))))
    p--;
  if (strcmp (nkg_rel_tok (c, p - 1)->text, ",") != 0)
    return FALSE;
  gint pm = nkg_rel_mention_starting_at (c, c0 + 1);
  if (pm < 0 || nkg_rel_mention (c, pm)->last != p - 1)
    return FALSE;
  gint pe = nkg_rel_entity (c, nkg_rel_mention (c, pm));
  if (nkg_rel_eclass (c, pe) != NKG_CLASS_CITY)
    return FALSE;
  guint v = a;
  if (nkg_rel_is (c, v, "was") || nkg_rel_is (c, v, "is") || nkg_rel_is (c, v, "were"))
    v++;
  if (!NKG_TOK_IN_LIST ("eventplaceverb", nkg_rel_tok (c, v)))
    return FALSE;
  nkg_rel_fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf * 0.9);
  return TRUE;
}

/* "in Honiara at the X meeting", "in Suva on Monday at the X Summit": a
 * city after "in" right before "at" the event named from token `first`
 * (past a when-phrase) is where it was. Returns whether it placed it. */
static gboolean
event_at_city (Ctx *c, gint ev, guint first, double conf)
{
  guint q = first;
  while (q > c->first && (nkg_rel_is (c, q - 1, "the") || is_ordinal (c, nkg_rel_tok (c, q - 1))))
    q--;
  if (q < c->first + 3 || !nkg_rel_is (c, q - 1, "at"))
    return FALSE;
  gint pm = nkg_rel_mention_ending_at (c, skip_when_back (c, q - 1));
  NkgMention *pmm = pm >= 0 ? nkg_rel_mention (c, pm) : NULL;
  if (!pmm || pmm->first <= c->first || !nkg_rel_is (c, pmm->first - 1, "in")
      || nkg_rel_eclass (c, nkg_rel_entity (c, pmm)) != NKG_CLASS_CITY)
    return FALSE;
  nkg_rel_fact (c, ev, NKG_PROP_LOCATION, nkg_rel_entity (c, pmm), NULL, conf * 0.8);
  return TRUE;
}

/* "the March 10-11 X", "the 10-11 March X", "the Oct. 26 X": a date
 * before the event's name (token `first`) is its first day. */
/* "the State Visit of President A to Peru" (its head in list visitname,
 * "of" after it): the visit was in the place its name ends with, and the
 * person its name holds made it. Returns whether it placed the visit. */
static gboolean
visit_named (Ctx *c, gint ev, const NkgMention *m, double conf)
{
  guint v = m->first;
  while (v + 1 < m->last && !NKG_TOK_IN_LIST ("visitname", nkg_rel_tok (c, v)))
    v++;
  if (v + 1 >= m->last || !nkg_rel_is (c, v + 1, "of"))
    return FALSE;
  gboolean placed = FALSE;
  for (guint k = 0; k < c->here->len; k++)
    {
      const NkgMention *x = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (x == m || x->first <= v + 1 || x->last > m->last)
        continue;
      gint e = nkg_rel_entity (c, x);
      NkgClass cl = nkg_rel_eclass (c, e);
      if (cl == NKG_CLASS_PERSON && x->last < m->last)
        nkg_rel_fact (c, e, NKG_PROP_ATTENDED, ev, NULL, conf * 0.9);
      else if ((cl == NKG_CLASS_COUNTRY || cl == NKG_CLASS_CITY) && x->last == m->last && nkg_rel_is (c, x->first - 1, "to"))
        {
          nkg_rel_fact (c, ev, NKG_PROP_LOCATION, e, NULL, conf * 0.9);
          placed = TRUE;
        }
    }
  return placed;
}

/* Whether the article's facts so far give event ev a start date. */
static gboolean
has_start_date (const Ctx *c, gint ev)
{
  for (guint i = 0; i < c->facts->facts->len; i++)
    {
      const NkgLocalFact *f = g_ptr_array_index (c->facts->facts, i);
      if (f->prop == NKG_PROP_START_DATE && (gint) f->subject == ev)
        return TRUE;
    }
  return FALSE;
}

/* "Vietnam and Laos signed 15 documents on Saturday (January 11, 2025)
 * at the 47th meeting of X", "Ministers today signed the accord at the
 * 43rd X Meeting": what was done on a day at the event (named from token
 * first, "at" right before it) dates the event, when nothing else has —
 * the date or "today" nearest before it in its clause, which has a verb
 * and no modal ("will sign … at the summit"). */
static void
event_date_done_at (Ctx *c, gint ev, guint first, double conf)
{
  guint p = first;
  while (p > c->first && (nkg_rel_is (c, p - 1, "the") || nkg_rel_is (c, p - 1, "a") || is_ordinal (c, nkg_rel_tok (c, p - 1))
                          || (nkg_rel_tok (c, p - 1)->flags & NKG_TOK_NUM)))
    p--;
  if (p < c->first + 3 || !nkg_rel_is (c, p - 1, "at") || has_start_date (c, ev))
    return;
  /* the clause before "at": back to a full stop, a modal, a clause of
   * another time or another event */
  guint from = p - 1;
  while (from > c->first && from + 20 > p)
    {
      guint i = from - 1;
      const NkgToken *t = nkg_rel_tok (c, i);
      guint8 pos = nkg_tag_at (c->in->tags, i)->pos;
      gint other = nkg_rel_mention_starting_at (c, i);
      if (strcmp (t->text, ".") == 0 || strcmp (t->text, ";") == 0 || pos == NKG_POS_MODAL || nkg_rel_is (c, i, "after")
          || nkg_rel_is (c, i, "before") || nkg_rel_is (c, i, "when") || nkg_rel_is (c, i, "while") || NKG_TOK_IN_LIST ("saidverb", t)
          || (other >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, other))) == NKG_CLASS_EVENT))
        return;
      from = i;
    }
  gboolean verb = FALSE;
  for (guint i = from; i < p && !verb; i++)
    verb = nkg_tag_at (c->in->tags, i)->pos == NKG_POS_VERB && nkg_tag_at (c->in->tags, i)->form != NKG_FORM_GER;
  if (!verb)
    return;
  /* the day nearest before the event */
  for (guint i = p - 1; i-- > from;)
    {
      const NkgToken *t = nkg_rel_tok (c, i);
      char date[11];
      if (nkg_rel_is (c, i, "today") && c->in->date)
        {
          nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, c->in->date, conf * 0.8);
          return;
        }
      if (i == from || !nkg_rel_is (c, i - 1, "on"))
        continue;
      guint wd = (t->flags & NKG_TOK_CAP) ? nkg_date_weekday (t->text) : 0;
      /* "on Saturday (January 11, 2025)", "on Thursday, October 10" */
      if (wd && i + 2 < p && (strcmp (nkg_rel_tok (c, i + 1)->text, "(") == 0 || strcmp (nkg_rel_tok (c, i + 1)->text, ",") == 0)
          && nkg_rel_day_month_at (c, i + 2, date))
        nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.8);
      else if (nkg_rel_day_month_at (c, i, date))
        nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.8);
      /* not a bare weekday: "signed on Wednesday at the annual meeting"
       * may be its third day */
      else
        continue;
      return;
    }
}

static void
event_date_before (Ctx *c, gint ev, guint first, double conf)
{
  guint q = first, mo = 0, day = 0;
  const NkgToken *t1 = q >= c->first + 2 ? nkg_rel_tok (c, q - 1) : NULL;
  if (!t1)
    return;
  if ((t1->flags & NKG_TOK_NUM) && strlen (t1->text) <= 2)
    {
      /* "March 10-11", "March 10" */
      guint d = q - 1;
      if (d >= c->first + 3 && (nkg_rel_tok (c, d - 1)->flags & NKG_TOK_DASH) && (nkg_rel_tok (c, d - 2)->flags & NKG_TOK_NUM))
        d -= 2;
      if (d >= c->first + 2 && (nkg_rel_tok (c, d - 1)->flags & NKG_TOK_CAP))
        {
          mo = nkg_date_month (nkg_rel_tok (c, d - 1)->text);
          day = atoi (nkg_rel_tok (c, d)->text);
          q = d - 1;
        }
    }
  else if ((t1->flags & NKG_TOK_CAP) && nkg_date_month (t1->text) && q >= c->first + 3
           && (nkg_rel_tok (c, q - 2)->flags & NKG_TOK_NUM) && strlen (nkg_rel_tok (c, q - 2)->text) <= 2)
    {
      /* "10-11 March", "10 March" */
      guint d = q - 2;
      if (d >= c->first + 3 && (nkg_rel_tok (c, d - 1)->flags & NKG_TOK_DASH) && (nkg_rel_tok (c, d - 2)->flags & NKG_TOK_NUM))
        d -= 2;
      mo = nkg_date_month (t1->text);
      day = atoi (nkg_rel_tok (c, d)->text);
      q = d;
    }
  char date[11];
  if (mo && day >= 1 && day <= 31 && q > c->first && nkg_rel_is (c, q - 1, "the")
      && nkg_date_month_day (c->in->date, mo, day, date))
    nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.9);
}

/* "adopted … on Wednesday at the opening of the 44th X": the sentence's
 * day is the first of the event named from token `first` (the part's word
 * in the list "eventopen"). */
static void
event_opening_day (Ctx *c, gint ev, guint first, double conf)
{
  guint q = first;
  while (q > c->first && (nkg_rel_is (c, q - 1, "the") || is_ordinal (c, nkg_rel_tok (c, q - 1))
                          || (nkg_rel_tok (c, q - 1)->flags & NKG_TOK_NUM)))
    q--;
  if (q < c->first + 2 || !nkg_rel_is (c, q - 1, "of") || !NKG_TOK_IN_LIST ("eventopen", nkg_rel_tok (c, q - 2)))
    return;
  char date[11];
  if (nkg_rel_sentence_date (c, date))
    nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
}

/* "… hosted the talks on Friday, the first summit between …": an event
 * in apposition to a day is that day's (`i` is the event's first token). */
static void
event_apposed_day (Ctx *c, gint ev, guint i, double conf)
{
  if (nkg_rel_is (c, i, "the") || nkg_rel_is (c, i, "a"))
    ;
  else if (i > c->first && (nkg_rel_is (c, i - 1, "the") || nkg_rel_is (c, i - 1, "a")))
    i--;
  if (i < c->first + 3 || strcmp (nkg_rel_tok (c, i - 1)->text, ",") != 0 || !nkg_rel_is (c, i - 3, "on"))
    return;
  guint wd = nkg_date_weekday (nkg_rel_tok (c, i - 2)->text);
  char date[11];
  if (wd && nkg_date_weekday_before (c->in->date, wd, date))
    nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
}

/* The place of the article's dateline ("CAMP DAVID, Maryland —"): a
 * city or named place of the first sentences; its sentence in *sentence. */
static gint
dateline_place (const Ctx *c, guint *sentence)
{
  for (guint s = 0; s < 3; s++)
    {
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      for (guint k = lo; k < hi; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          gint e = nkg_rel_entity (c, m);
          if (m->dateline && (nkg_rel_eclass (c, e) == NKG_CLASS_CITY || nkg_rel_eclass (c, e) == NKG_CLASS_PLACE))
            {
              *sentence = m->sentence;
              return e;
            }
        }
    }
  return -1;
}

/* An event the article reports from its dateline place: named after it
 * ("CAMP DAVID — … At the Camp David summit"), or said in the dateline's
 * own sentence to take place ("GENEVA — Leaders at the Ocean Forum …"). */
static void
event_dateline_place (Ctx *c, gint ev, guint sentence, guint first, double conf)
{
  guint ds = 0;
  gint dp = dateline_place (c, &ds);
  if (dp < 0)
    return;
  const char *place = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, dp))->name;
  const char *name = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, ev))->name;
  gsize n = strlen (place);
  gboolean named = g_ascii_strncasecmp (name, place, n) == 0 && name[n] == ' ';
  gboolean there = FALSE;
  /* "… co-hosted X with Y in Quito": a city the sentence names */
  if (!named && sentence == ds && nkg_rel_in_other_city (c, sentence, dp))
    return;
  if (!named && sentence == ds)
    for (guint i = c->first; i < first && !there; i++)
      there = NKG_TOK_IN_LIST ("attendcue", nkg_rel_tok (c, i)) || (nkg_rel_is (c, i, "at") && i + 3 >= first);
  if (named || there)
    nkg_rel_fact (c, ev, NKG_PROP_LOCATION, dp, NULL, conf * 0.8);
}

/* Whether the clause from token i puts a bare "their meeting" in a time
 * to come ("… in Suva next month"): another session, not the article's
 * (a word of the list "nextunit" after "next"). */
static gboolean
next_session (Ctx *c, guint i)
{
  for (guint k = i; k + 1 < c->last && k < i + 8; k++)
    {
      if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0 || strcmp (nkg_rel_tok (c, k)->text, ";") == 0)
        return FALSE;
      if (nkg_rel_is (c, k, "next") && NKG_TOK_IN_LIST ("nextunit", nkg_rel_tok (c, k + 1)))
        return TRUE;
    }
  return FALSE;
}

/* Whether token k is a verb of an event taking place: "began", "opened",
 * "held". */
static gboolean
took_place_word (Ctx *c, guint k)
{
  return nkg_rel_is (c, k, "began") || nkg_rel_is (c, k, "begins") || nkg_rel_is (c, k, "opened") || nkg_rel_is (c, k, "opens")
         || nkg_rel_is (c, k, "started") || nkg_rel_is (c, k, "starts") || nkg_rel_is (c, k, "held");
}

/* "The forum opened with a keynote speech by A": the speaker of an
 * address (its noun in the list "speechnoun") that the event, named
 * before token a, opened or closed with (lists eventstart, eventend)
 * was at it. */
static void
speech_attendees (Ctx *c, gint ev, guint a, double conf)
{
  /* "opened Friday evening with", past an aside: "The forum, organized
   * by X, opened with" */
  guint w = 0;
  for (guint k = a; k < c->last && k < a + 24 && !w; k++)
    if (NKG_TOK_IN_LIST ("eventstart", nkg_rel_tok (c, k)) || NKG_TOK_IN_LIST ("eventend", nkg_rel_tok (c, k)))
      for (guint j = k + 1; j < c->last && j < k + 7 && !w; j++)
        w = nkg_rel_is (c, j, "with") ? j : 0;
  if (!w)
    return;
  guint by = w + 1;
  while (by < c->last && by < w + 5 && !nkg_rel_is (c, by, "by"))
    by++;
  if (by >= c->last || !nkg_rel_is (c, by, "by") || !NKG_TOK_IN_LIST ("speechnoun", nkg_rel_tok (c, by - 1)))
    return;
  guint end = by + 1;
  while (end < c->last && strcmp (nkg_rel_tok (c, end)->text, ",") != 0
         && !(nkg_tag_at (c->in->tags, end)->pos == NKG_POS_VERB && !(nkg_rel_tok (c, end)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))))
    end++;
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint));
  nkg_rel_collect (c, by + 1, end, people, nkg_rel_want_person);
  for (guint k = 0; k < people->len; k++)
    nkg_rel_fact (c, g_array_index (people, gint, k), NKG_PROP_ATTENDED, ev, NULL, conf * 0.85);
}

/* "The summit, held in Jakarta on Friday": a bare head word standing for
 * the article's named event of that kind. */
static void
bare_event (Ctx *c, double conf)
{
  /* (each fact needs its head word, of role event) */
  if (!(nkg_rel_sentence_roles (c) & NKG_W_EVENT))
    return;
  for (guint i = c->first; i + 2 < c->last; i++)
    {
      /* "their annual summit": the gatherers' own */
      gboolean own = nkg_rel_is (c, i, "their") || nkg_rel_is (c, i, "its");
      if (!nkg_rel_is (c, i, "the") && !own)
        continue;
      /* "the two-day summit", "the annual summit" */
      guint h = i + 1, described = 0;
      while (h + 1 < c->last && h < i + 5 && !(nkg_rel_roles (c, h) & NKG_W_EVENT))
        {
          const NkgToken *t = nkg_rel_tok (c, h);
          if ((t->flags & (NKG_TOK_NUM | NKG_TOK_DASH)) || nkg_rel_number_word (t->lower) || is_ordinal (c, t)
              || nkg_rel_is (c, h, "day")
              /* the second half of "stand-alone", "high-level" */
              || (h > i + 1 && (nkg_rel_tok (c, h - 1)->flags & NKG_TOK_DASH) && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))))
            h++;
          /* "the landmark summit", "the special summit" — not "the next
           * summit", another session */
          else if (!described++ && !(t->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) && !NKG_TOK_IN_LIST ("otherevent", t)
                   && (nkg_tag_at (c->in->tags, h)->pos == NKG_POS_ADJ || nkg_tag_at (c->in->tags, h)->pos == NKG_POS_NOUN))
            h++;
          else
            break;
        }
      /* "The Meeting was attended by …": communiqués capitalise the head
       * word alone that stands for their own meeting */
      gboolean formal = h == i + 1 && !own && h + 1 < c->last
                        && !(nkg_rel_tok (c, h + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER));
      if (!(nkg_rel_roles (c, h) & NKG_W_EVENT) || ((nkg_rel_tok (c, h)->flags & NKG_TOK_CAP) && !formal)
          || nkg_rel_mention_starting_at (c, i + 1) >= 0 || h + 1 >= c->last)
        continue;
      /* the article's only event by another head ("their annual summit"
       * for its "… Leaders Meeting") places and dates it, but who is
       * named beside it may be at another gathering */
      /* "the opening session of the X Summit": X's own part, which the
       * named event's rules read */
      if (next_session (c, h + 1) || nkg_rel_is (c, h + 1, "of"))
        continue;
      gint ev = event_by_head (c, nkg_rel_tok (c, h)->lower, FALSE);
      gboolean sole = ev < 0;
      if (sole)
        ev = event_by_head (c, nkg_rel_tok (c, h)->lower, TRUE);
      if (ev < 0)
        continue;
      /* "…, which began on Tuesday": a date only with a verb of taking place. */
      gboolean located = event_place (c, ev, h + 1, conf * 0.9), when = located;
      /* "gathered in Suva for the four-day meeting"; "SUVA — Leaders
       * opened their annual summit on Tuesday" */
      if (!located)
        located = event_trip_place (c, ev, i, conf * 0.9);
      if (!located)
        event_dateline_place (c, ev, c->sentence, i, conf * 0.9);
      guint v = h + 1;
      for (guint k = v; k < c->last && k < v + 3 && !when; k++)
        when = took_place_word (c, k);
      /* "The three-day forum, organized by X, opened Friday": past the
       * aside, when nothing before it said so */
      if (!when && v < c->last && strcmp (nkg_rel_tok (c, v)->text, ",") == 0)
        for (guint k = v + 1; k < c->last && k < v + 20; k++)
          if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0)
            {
              for (guint j = k + 1; j < c->last && j < k + 4 && !when; j++)
                when = took_place_word (c, j);
              v = when ? k + 1 : v;
              break;
            }
      /* "Leaders opened the summit on Tuesday" */
      when |= i > c->first && NKG_TOK_IN_LIST ("eventstart", nkg_rel_tok (c, i - 1));
      if (when)
        event_date (c, ev, v, conf);
      event_apposed_day (c, ev, i, conf);
      speech_attendees (c, ev, v, conf);
      if (!sole)
        event_attendees (c, ev, i, conf * 0.9);
    }
}

/* Whether sentence s (before the current one) opens with an event as
 * its subject: "The meeting was chaired by A"; "The 24th meeting of X
 * (ABBR) was held …", after the dateline if any — its first named thing
 * but the dateline's, with a verb right after it. */
static gboolean
event_opens (const Ctx *c, guint s)
{
  const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  guint f = x->first;
  if (f + 1 < x->last && nkg_rel_is (c, f, "the") && NKG_TOK_IN_LIST ("eventword", nkg_rel_tok (c, f + 1)))
    return TRUE;
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  const NkgMention *first = NULL;
  for (guint k = lo; k < hi; k++)
    {
      const NkgMention *m = nkg_rel_mention (c, k);
      if (m->sentence == s && !m->nested && !m->dateline && m->cluster >= 0 && (!first || m->first < first->first))
        first = m;
    }
  if (!first || nkg_rel_eclass (c, nkg_rel_entity (c, first)) != NKG_CLASS_EVENT)
    return FALSE;
  /* past "(SCO)" */
  guint v = nkg_rel_past_bracket (c, first->last, x->last, 3);
  if (v >= x->last)
    return FALSE;
  guint8 pos = nkg_tag_at (c->in->tags, v)->pos;
  return pos == NKG_POS_VERB || pos == NKG_POS_AUX;
}

/* Whether the sentence says its persons were at an event it does not
 * name: "A, B and C were in attendance." (nothing after); "The meeting
 * was chaired by A", "The event, chaired by A, …" — a passive of being
 * at it (list byattend) whose subject is the sentence's first words,
 * "the" and a word of list eventword; "It was attended by A" only right
 * after a sentence that opens with the event ("it" may otherwise be a
 * dinner or a ceremony). */
static gboolean
bare_attendance (const Ctx *c)
{
  for (guint i = c->first; i + 1 < c->last; i++)
    if (nkg_rel_is (c, i, "in") && nkg_rel_is (c, i + 1, "attendance") && !(nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE)
        && (i + 2 >= c->last || strcmp (nkg_rel_tok (c, i + 2)->text, ".") == 0 || strcmp (nkg_rel_tok (c, i + 2)->text, ",") == 0))
      return TRUE;
  guint s = c->first;
  if (nkg_rel_is (c, s, "it") && s + 1 < c->last && c->sentence > 0 && event_opens (c, c->sentence - 1))
    s += 1;
  else if (!nkg_rel_is (c, s, "the") || s + 2 >= c->last || !NKG_TOK_IN_LIST ("eventword", nkg_rel_tok (c, s + 1)))
    return FALSE;
  else
    s += 2;
  /* "was chaired by", ", chaired by", "was also attended by" */
  while (s < c->last && (nkg_rel_is (c, s, "was") || nkg_rel_is (c, s, "is") || nkg_rel_is (c, s, "also") || nkg_rel_is (c, s, "jointly")
                         || strcmp (nkg_rel_tok (c, s)->text, ",") == 0))
    s++;
  /* "co-chaired by": the tokens "co", "-", "chaired" */
  if (nkg_rel_is (c, s, "co") && s + 1 < c->last && strcmp (nkg_rel_tok (c, s + 1)->text, "-") == 0)
    s += 2;
  /* "was presided over by" */
  guint by = s + 1 < c->last && nkg_rel_is (c, s + 1, "over") ? s + 2 : s + 1;
  return nkg_rel_is (c, by, "by") && NKG_TOK_IN_LIST ("byattend", nkg_rel_tok (c, s));
}

/* "Present at the summit were A and B", "Participating in the meeting
 * were C and D", "Taking part were E and F", "Also attending was G": a
 * word of being there (list attendfront) opening the sentence (after at
 * most one word, not a negation), a short phrase with no verb or comma,
 * then "were" or "was" and a name. */
static gboolean
listed_attendance (const Ctx *c)
{
  guint i = c->first;
  if (i + 2 < c->last && !NKG_TOK_IN_LIST ("attendfront", nkg_rel_tok (c, i)) && nkg_tag_at (c->in->tags, i)->pos != NKG_POS_NEG)
    i++;
  if (i + 2 >= c->last || !NKG_TOK_IN_LIST ("attendfront", nkg_rel_tok (c, i)) || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
    return FALSE;
  for (guint k = i + 1; k + 1 < c->last && k < i + 8; k++)
    {
      if (nkg_rel_is (c, k, "were") || nkg_rel_is (c, k, "was"))
        return (nkg_rel_tok (c, k + 1)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER)) != 0;
      guint8 pos = nkg_tag_at (c->in->tags, k)->pos;
      if (strcmp (nkg_rel_tok (c, k)->text, ",") == 0 || pos == NKG_POS_VERB || pos == NKG_POS_AUX)
        return FALSE;
    }
  return FALSE;
}

/* "… were among the leaders who attended", "Those attending included A
 * and B": attendance with no event named, in the sentence after the one
 * that names it; the sentence's persons attended that event. */
static void
attended_event_before (Ctx *c, double conf)
{
  if (c->sentence == 0)
    return;
  /* (the tests of mentions first, the words' after: an article's
   * sentences mostly have no event just before) */
  for (guint k = 0; k < c->here->len; k++)
    if (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, g_array_index (c->here, guint, k)))) == NKG_CLASS_EVENT)
      return;
  /* the nearest of the three sentences before that names an event (not
   * counting a paragraph's number, "2.", as one) */
  gint ev = -1;
  for (guint s = c->sentence, n = 0; s-- > 0 && n < 3 && ev < 0;)
    {
      const NkgSentence *x = &g_array_index (c->in->seg->sentences, NkgSentence, s);
      n += x->last > x->first + 2;
      guint lo = 0, hi = 0;
      nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
      for (guint k = lo; k < hi; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          gint e = nkg_rel_entity (c, m);
          if (m->sentence != s || m->in_quote || nkg_rel_eclass (c, e) != NKG_CLASS_EVENT)
            continue;
          if (ev >= 0 && ev != e)
            return; /* two events before: which one is not said */
          ev = e;
        }
    }
  if (ev < 0)
    return;
  gboolean cue = FALSE;
  /* found once, asked of every word */
  const NkgWordList *attendhead = NKG_WORD_LIST ("attendhead");
  const NkgWordList *standin = NKG_WORD_LIST ("standin");
  for (guint i = c->first; i < c->last && !cue; i++)
    {
      if (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE)
        continue;
      const char *next = i + 1 < c->last ? nkg_rel_tok (c, i + 1)->text : ".";
      /* (both words start with an "a": one test for the two) */
      gboolean a = nkg_rel_tok (c, i)->lower[0] == 'a';
      /* "who attended." "who attended, …": no object */
      cue = (a && nkg_rel_is (c, i, "attended") && (strcmp (next, ".") == 0 || strcmp (next, ",") == 0) && i > c->first
             && (nkg_rel_is (c, i - 1, "who") || nkg_rel_is (c, i - 1, "also")))
            /* "… handed over the chair to B at the opening ceremony.": a
             * part of the event (lists eventopen, closingpart; partsession,
             * sessionnoun) not said to be another's ("of X") */
            || (a && nkg_rel_is (c, i, "at") && nkg_rel_is (c, i + 1, "the") && i + 3 < c->last
                && (NKG_TOK_IN_LIST ("eventopen", nkg_rel_tok (c, i + 2)) || NKG_TOK_IN_LIST ("closingpart", nkg_rel_tok (c, i + 2)))
                && (NKG_TOK_IN_LIST ("partsession", nkg_rel_tok (c, i + 3)) || NKG_TOK_IN_LIST ("sessionnoun", nkg_rel_tok (c, i + 3)))
                && !nkg_rel_is (c, i + 4, "of") && !absent_before (c, i))
            /* "those attending included", "attendees included", "also
             * present was", "the Chilean delegation included", "Peru's
             * delegation was led by" (lists attendhead, attendtail) */
            || (nkg_patterns_word_list_tok_has (attendhead, nkg_rel_tok (c, i))
                && (NKG_TOK_IN_LIST ("attendtail", nkg_rel_tok (c, i + 1))
                    || ((nkg_rel_is (c, i + 1, "was") || nkg_rel_is (c, i + 1, "were"))
                        && (NKG_TOK_IN_LIST ("attendtail", nkg_rel_tok (c, i + 2))
                            || NKG_TOK_IN_LIST ("attendwere", nkg_rel_tok (c, i))))))
            /* "Timor-Leste was represented by Prime Minister X" (list
             * standin): X was there */
            || (i > c->first && nkg_rel_is (c, i + 1, "by") && (nkg_rel_is (c, i - 1, "was") || nkg_rel_is (c, i - 1, "were"))
                && nkg_patterns_word_list_tok_has (standin, nkg_rel_tok (c, i)))
            /* "A and B were among the participants.": at the sentence's
             * end (list attendwere) */
            /* … or "were among the leaders present.": one noun between */
            || (a && nkg_rel_is (c, i, "among") && nkg_rel_is (c, i + 1, "the") && i + 2 < c->last
                && ((NKG_TOK_IN_LIST ("attendwere", nkg_rel_tok (c, i + 2))
                     && (i + 3 == c->last || strcmp (nkg_rel_tok (c, i + 3)->text, ".") == 0))
                    || (i + 3 < c->last && NKG_TOK_IN_LIST ("attendwere", nkg_rel_tok (c, i + 3))
                        && (i + 4 == c->last || strcmp (nkg_rel_tok (c, i + 4)->text, ".") == 0))))
            /* "We welcomed the participation of X" (list attendof) */
            || (NKG_TOK_IN_LIST ("attendof", nkg_rel_tok (c, i)) && i > c->first + 1 && nkg_rel_is (c, i + 1, "of")
                && nkg_rel_is (c, i - 1, "the") && NKG_TOK_IN_LIST ("attendofverb", nkg_rel_tok (c, i - 2)));
    }
  /* "In his closing remarks, X thanked …": a fronted speech (lists
   * eventopen, closingpart, speechnoun) of the subject's own, the one
   * person taken */
  guint f0 = c->first;
  gboolean speech = !cue && f0 + 4 < c->last && nkg_rel_is (c, f0, "in")
                    && (nkg_rel_is (c, f0 + 1, "his") || nkg_rel_is (c, f0 + 1, "her"))
                    && (NKG_TOK_IN_LIST ("eventopen", nkg_rel_tok (c, f0 + 2)) || NKG_TOK_IN_LIST ("closingpart", nkg_rel_tok (c, f0 + 2))
                        || NKG_TOK_IN_LIST ("speechnoun", nkg_rel_tok (c, f0 + 2)))
                    && NKG_TOK_IN_LIST ("speechnoun", nkg_rel_tok (c, f0 + 3)) && strcmp (nkg_rel_tok (c, f0 + 4)->text, ",") == 0;
  /* (a speech of the article's one event only: "the action plan of the
   * X Meeting" named before is no event spoken at) */
  for (guint e = 0, events = 0; speech && e < c->facts->entities->len; e++)
    {
      NkgLocalEntity *x = g_ptr_array_index (c->facts->entities, e);
      events += x->klass == NKG_CLASS_EVENT && x->mentions > 0;
      speech = events < 2;
    }
  cue |= speech;
  if (!cue && !bare_attendance (c) && !listed_attendance (c))
    return;
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, c->first, c->last, people, nkg_rel_want_person);
  nkg_rel_drop_represented (c, people);
  if (speech && people->len > 1)
    g_array_set_size (people, 1);
  for (guint i = 0; i < people->len; i++)
    nkg_rel_fact (c, g_array_index (people, gint, i), NKG_PROP_ATTENDED, ev, NULL, conf * 0.8);
}

/* The one event the article names as a session of body b ("a special
 * session of the General Council" for "the General Council"), or -1. */
static gint
session_of_body (const Ctx *c, gint b)
{
  const char *body = ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, b))->name;
  gsize n = strlen (body);
  gint ev = -1;
  for (guint i = 0; i < c->facts->entities->len; i++)
    {
      NkgLocalEntity *x = g_ptr_array_index (c->facts->entities, i);
      gsize m = x->klass == NKG_CLASS_EVENT ? strlen (x->name) : 0;
      if (m < n + 4 || strcmp (x->name + m - n, body) != 0)
        continue;
      /* "… of BODY", "… of the BODY" */
      const char *tail = x->name + m - n;
      gboolean of = (m >= n + 4 && strncmp (tail - 4, " of ", 4) == 0) || (m >= n + 8 && strncmp (tail - 8, " of the ", 8) == 0);
      if (!of)
        continue;
      if (ev >= 0)
        return -1;
      ev = (gint) i;
    }
  return ev;
}

/* "X told the General Council that …", "'…,' he told the Assembly": one
 * who spoke to a body (list bodyaddress) at the session of it the article
 * names was at that session. */
static void
told_body (Ctx *c, double conf)
{
  /* from the sentence's bodies, fewer than its words: "the BODY" after
   * a verb of the list */
  for (guint h = 0; h < c->here->len; h++)
    {
      NkgMention *bmm = nkg_rel_mention (c, g_array_index (c->here, guint, h));
      guint i = bmm->first - 2;
      if (bmm->first < c->first + 3 || bmm->nested || bmm->in_quote || !nkg_rel_is (c, i + 1, "the"))
        continue;
      gint b = nkg_rel_entity (c, bmm);
      NkgClass bk = nkg_rel_eclass (c, b);
      if ((bk != NKG_CLASS_GOV_ORG && bk != NKG_CLASS_ORG) || !NKG_TOK_IN_LIST ("bodyaddress", nkg_rel_tok (c, i))
          || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
        continue;
      gint ev = session_of_body (c, b);
      if (ev < 0)
        continue;
      /* the speaker: the person right before the verb, or the one a
       * pronoun there stands for — the latest named outside quotes */
      gint who = -1;
      gboolean pronoun = nkg_rel_is (c, i - 1, "he") || nkg_rel_is (c, i - 1, "she");
      if (!pronoun)
        {
          gint pm = nkg_rel_mention_ending_at (c, i);
          who = pm >= 0 && !nkg_rel_mention (c, pm)->in_quote ? nkg_rel_entity (c, nkg_rel_mention (c, pm)) : -1;
        }
      for (guint s = c->sentence + 1, n = 0; pronoun && who < 0 && s-- > 0 && n < 3; n++)
        {
          guint lo = 0, hi = 0;
          nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
          for (guint k = lo; k < hi; k++)
            {
              NkgMention *m = nkg_rel_mention (c, k);
              gint e = nkg_rel_entity (c, m);
              if (m->sentence == s && !m->in_quote && !m->nested && (s < c->sentence || m->last < i)
                  && nkg_rel_eclass (c, e) == NKG_CLASS_PERSON)
                who = e;
            }
        }
      if (nkg_rel_eclass (c, who) == NKG_CLASS_PERSON)
        nkg_rel_fact (c, who, NKG_PROP_ATTENDED, ev, NULL, conf * 0.85);
    }
}

/* "X was accompanied by A and B", "X, accompanied by A, …": those in
 * the by-phrase were at every event X was found at before (its verbs in
 * the list "accompany"). */
static void
companions (Ctx *c, double conf)
{
  for (guint i = c->first + 1; i + 2 < c->last; i++)
    {
      /* (the word "by" first: it rules out most tokens without a list) */
      if (!nkg_rel_is (c, i + 1, "by") || !NKG_TOK_IN_LIST ("accompany", nkg_rel_tok (c, i))
          || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
        continue;
      guint k = i;
      while (k > c->first && nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_AUX)
        k--;
      if (k == i && strcmp (nkg_rel_tok (c, k - 1)->text, ",") == 0)
        k--;
      gint hm = nkg_rel_mention_ending_at (c, k);
      gint host = hm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, hm)) : nkg_rel_pronoun_subject (c, k);
      if (nkg_rel_eclass (c, host) != NKG_CLASS_PERSON)
        return;
      /* the by-phrase, up to the clause's next verb */
      guint end = i + 2;
      while (end < c->last && !((nkg_tag_at (c->in->tags, end)->pos == NKG_POS_VERB || nkg_tag_at (c->in->tags, end)->pos == NKG_POS_AUX)
                                && !(nkg_rel_tok (c, end)->flags & (NKG_TOK_CAP | NKG_TOK_UPPER))))
        end++;
      g_autoptr (NkgIntArray) people = nkg_int_array_new ();
      nkg_rel_collect (c, i + 2, end, people, nkg_rel_want_person);
      guint n = c->facts->facts->len;
      for (guint f = 0; f < n; f++)
        {
          NkgLocalFact *fact = g_ptr_array_index (c->facts->facts, f);
          if (fact->prop != NKG_PROP_ATTENDED || (gint) fact->subject != host || fact->sentence >= c->sentence)
            continue;
          for (guint j = 0; j < people->len; j++)
            if (g_array_index (people, gint, j) != host)
              nkg_rel_fact (c, g_array_index (people, gint, j), NKG_PROP_ATTENDED, fact->object, NULL, conf * 0.85);
        }
      return;
    }
}

/* Whether event e is named in a sentence before the current one. */
static gboolean
named_before (const Ctx *c, guint e)
{
  const GArray *its = nkg_mention_index_of_entity (c->in->index, (gint) e);
  for (guint k = 0; its && k < its->len; k++)
    if (((NkgMention *) g_ptr_array_index (c->in->mentions, g_array_index (its, guint, k)))->sentence < c->sentence)
      return TRUE;
  return FALSE;
}

/* "A met B on the sidelines to discuss …": the sidelines, of nothing
 * named, are those of the article's most mentioned event named before
 * (when one is mentioned more than any other, or as often and alone
 * placed); the sentence's people were at it. */
static void
bare_sidelines (Ctx *c, double conf)
{
  guint i = c->first + 1;
  while (i + 2 < c->last && !(NKG_TOK_IN_LIST ("sidelines", nkg_rel_tok (c, i)) && nkg_rel_is (c, i - 1, "the")))
    i++;
  if (i + 2 >= c->last || nkg_rel_is (c, i + 1, "of") || nkg_rel_is (c, i + 1, "'s") || (nkg_rel_tok (c, i)->flags & NKG_TOK_INQUOTE))
    return;
  for (guint k = 0; k < c->here->len; k++)
    if (nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, g_array_index (c->here, guint, k)))) == NKG_CLASS_EVENT)
      return;
  gint ev = -1;
  guint most = 0;
  gboolean tie = FALSE;
  for (guint e = 0; e < c->facts->entities->len; e++)
    {
      NkgLocalEntity *x = g_ptr_array_index (c->facts->entities, e);
      /* (of two named as often, the one the text places) */
      guint weight = 2 * x->mentions + (nkg_doc_facts_first (c->facts, e, NKG_PROP_LOCATION) >= 0);
      if (x->klass != NKG_CLASS_EVENT || x->mentions == 0 || weight < most || !named_before (c, e))
        continue;
      tie = weight == most;
      most = weight;
      ev = (gint) e;
    }
  if (ev < 0 || tie)
    return;
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, c->first, i, people, nkg_rel_want_person);
  nkg_rel_drop_represented (c, people);
  for (guint k = 0; k < people->len; k++)
    nkg_rel_fact (c, g_array_index (people, gint, k), NKG_PROP_ATTENDED, ev, NULL, conf * 0.85);
}

/* "The X Summit, which President A attended, …", "the forum that B
 * chaired": the people of a relative clause right after the event's name
 * (from token a) whose verb (list "relattend") has the event as object,
 * not negated. */
/* The "which" or "that" opening a relative clause right after an
 * event's name (from token a, past one comma), or -1. */
static gint
relative_opening (const Ctx *c, guint a)
{
  guint i = a + (a < c->last && strcmp (nkg_rel_tok (c, a)->text, ",") == 0);
  return nkg_rel_is (c, i, "which") || nkg_rel_is (c, i, "that") ? (gint) i : -1;
}

static void
relative_attendees (Ctx *c, gint ev, guint a, double conf)
{
  gint r = relative_opening (c, a);
  if (r < 0)
    return;
  guint i = (guint) r;
  guint v = i + 1;
  while (v < c->last && v < i + 12 && nkg_tag_at (c->in->tags, v)->pos != NKG_POS_VERB)
    {
      if (nkg_tag_at (c->in->tags, v)->pos == NKG_POS_NEG)
        return;
      v++;
    }
  if (v >= c->last || v == i + 1 || !NKG_TOK_IN_LIST ("relattend", nkg_rel_tok (c, v)))
    return;
  g_autoptr (NkgIntArray) people = nkg_int_array_new ();
  nkg_rel_collect (c, i + 1, v, people, nkg_rel_want_person);
  for (guint k = 0; k < people->len; k++)
    nkg_rel_fact (c, g_array_index (people, gint, k), NKG_PROP_ATTENDED, ev, NULL, conf * 0.85);
}

/* "the X Summit, which Samoa will host in October", "the forum that
 * Lima hosted": the country or city of a relative clause right after the
 * event's name (from token a) whose verb is "host" is where it was. */
static gboolean
relative_host (Ctx *c, gint ev, guint a, double conf)
{
  gint r = relative_opening (c, a);
  if (r < 0)
    return FALSE;
  guint i = (guint) r;
  gint hm = nkg_rel_mention_starting_at (c, i + 1);
  gint he = hm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, hm)) : -1;
  if (nkg_rel_eclass (c, he) != NKG_CLASS_COUNTRY && nkg_rel_eclass (c, he) != NKG_CLASS_CITY)
    return FALSE;
  guint v = nkg_rel_mention (c, hm)->last;
  while (v < c->last && v < i + 12
         && (nkg_tag_at (c->in->tags, v)->pos == NKG_POS_AUX || nkg_tag_at (c->in->tags, v)->pos == NKG_POS_MODAL
             || nkg_tag_at (c->in->tags, v)->pos == NKG_POS_TO || nkg_rel_is_verb_filler (c, v) || nkg_rel_is (c, v, "set")
             || nkg_rel_is (c, v, "due") || nkg_rel_is (c, v, "scheduled")))
    v++;
  if (v >= c->last || !(nkg_rel_is (c, v, "host") || nkg_rel_is (c, v, "hosts") || nkg_rel_is (c, v, "hosted") || nkg_rel_is (c, v, "hosting")))
    return FALSE;
  /* "the summit, which Peru is hosting, opened in Lima": a host country,
   * then where the event's own verb puts it, as with "hosted by Peru, opened
   * in the capital" */
  if (nkg_rel_eclass (c, he) == NKG_CLASS_COUNTRY && v + 3 < c->last && strcmp (nkg_rel_tok (c, v + 1)->text, ",") == 0
      && NKG_TOK_IN_LIST ("eventplaceverb", nkg_rel_tok (c, v + 2)) && event_place (c, ev, v + 2, conf))
    return TRUE;
  nkg_rel_fact (c, ev, NKG_PROP_LOCATION, he, NULL, conf * 0.9);
  return TRUE;
}

/* "held the X with Prime Minister B at the Y Hall on Tuesday": past a
 * with-phrase of people right after the event's name (from token a; no
 * comma, verb or other preposition in it), where the event was. */
static gboolean
event_place_past_with (Ctx *c, gint ev, guint first, guint a, double conf)
{
  if (!nkg_rel_is (c, a, "with"))
    return FALSE;
  /* only for an event the clause holds: "held the annual X with B" */
  guint q = first;
  while (q > c->first
         && (nkg_rel_is (c, q - 1, "the") || nkg_rel_is (c, q - 1, "a") || is_ordinal (c, nkg_rel_tok (c, q - 1))
             || (nkg_tag_at (c->in->tags, q - 1)->pos == NKG_POS_ADJ && !(nkg_rel_tok (c, q - 1)->flags & NKG_TOK_CAP))))
    q--;
  if (q <= c->first || !NKG_TOK_IN_LIST ("eventholdverb", nkg_rel_tok (c, q - 1)))
    return FALSE;
  gboolean person = FALSE;
  for (guint k = a + 1; k < c->last && k < a + 12; k++)
    {
      if (nkg_rel_is (c, k, "in") || nkg_rel_is (c, k, "at"))
        return person && event_place (c, ev, k, conf * 0.9);
      gint pm = nkg_rel_mention_starting_at (c, k);
      if (pm >= 0 && nkg_rel_eclass (c, nkg_rel_entity (c, nkg_rel_mention (c, pm))) == NKG_CLASS_PERSON)
        {
          person = TRUE;
          k = nkg_rel_mention (c, pm)->last - 1;
          continue;
        }
      NkgPos pos = nkg_tag_at (c->in->tags, k)->pos;
      if (pos != NKG_POS_DET && pos != NKG_POS_POSS && pos != NKG_POS_POSSMARK && pos != NKG_POS_ADJ && pos != NKG_POS_CONJ
          && pos != NKG_POS_PROPN && pos != NKG_POS_NOUN)
        return FALSE;
    }
  return FALSE;
}

/* "On March 8, A held the X with B", "On Monday, A and B co-chaired the
 * X": a fronted day, set off by a comma, is the first of the event that
 * the clause's verb (list eventholdverb, right before its name) holds,
 * unless the clause looks ahead ("will host"). */
static void
event_fronted_day (Ctx *c, gint ev, guint first, double conf)
{
  /* the holding verb first: most events have none, and the dateline's
   * end costs a pass over the sentence's mentions */
  guint q = first;
  while (q > c->first
         && (nkg_rel_is (c, q - 1, "the") || is_ordinal (c, nkg_rel_tok (c, q - 1)) || (nkg_rel_tok (c, q - 1)->flags & NKG_TOK_NUM)))
    q--;
  if (q <= c->first + 4 || !NKG_TOK_IN_LIST ("eventholdverb", nkg_rel_tok (c, q - 1)))
    return;
  guint c0 = past_dateline (c);
  if (q <= c0 + 4 || !nkg_rel_is (c, c0, "on") || will_before (c, q))
    return;
  gboolean comma = FALSE;
  for (guint k = c0 + 2; k < c0 + 7 && k < q && !comma; k++)
    comma = strcmp (nkg_rel_tok (c, k)->text, ",") == 0;
  if (!comma)
    return;
  char date[11];
  const NkgToken *t = nkg_rel_tok (c, c0 + 1);
  guint wd = (t->flags & NKG_TOK_CAP) ? nkg_date_weekday (t->text) : 0;
  if (wd ? nkg_date_weekday_before (c->in->date, wd, date) : nkg_rel_day_month_at (c, c0 + 1, date))
    nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
}

/* Whether the event named from token `first` is named as its closing
 * part's: "at the closing meeting of the 81st session", "the final day
 * of the summit" (list closingpart) — a day said there is its last, not
 * its first. */
static gboolean
closing_part (Ctx *c, guint first)
{
  guint p = first;
  while (p > c->first && (nkg_rel_is (c, p - 1, "the") || is_ordinal (c, nkg_rel_tok (c, p - 1))))
    p--;
  if (p < c->first + 3 || !nkg_rel_is (c, p - 1, "of"))
    return FALSE;
  const NkgToken *part = nkg_rel_tok (c, p - 2);
  if (!NKG_TOK_IN_LIST ("sessionnoun", part) && !NKG_TOK_IN_LIST ("partsession", part) && !nkg_rel_is (c, p - 2, "day"))
    return FALSE;
  return NKG_TOK_IN_LIST ("closingpart", nkg_rel_tok (c, p - 3));
}

guint
nkg_rel_classes_of (const NkgDocFacts *facts)
{
  G_STATIC_ASSERT (NKG_CLASS_N < 31);
  guint classes = 1u << 31;
  for (guint i = 0; i < facts->entities->len; i++)
    {
      NkgClass k = ((NkgLocalEntity *) g_ptr_array_index (facts->entities, i))->klass;
      if (k >= 0 && k < NKG_CLASS_N)
        classes |= 1u << k;
    }
  return classes;
}

void
nkg_rel_pattern_events (Ctx *c, double conf)
{
  /* Every fact but companions' is about an event entity (bare_event's,
   * bare_sidelines', attended_event_before's, told_body's session, the
   * sentence's named ones): an article with none skips the rest. */
  if (!nkg_rel_article_has (c, NKG_CLASS_EVENT))
    {
      companions (c, conf);
      return;
    }
  bare_event (c, conf);
  bare_sidelines (c, conf);
  attended_event_before (c, conf);
  companions (c, conf);
  told_body (c, conf);
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      gint ev = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, ev) != NKG_CLASS_EVENT || m->in_quote || m->nested)
        continue;
      /* "EVENT in PLACE", past an acronym in brackets. */
      guint a = m->last;
      if (a < c->last && strcmp (nkg_rel_tok (c, a)->text, "(") == 0)
        while (a < c->last && strcmp (nkg_rel_tok (c, a)->text, ")") != 0)
          a++;
      if (a < c->last && strcmp (nkg_rel_tok (c, a)->text, ")") == 0)
        a++;
      gboolean located = event_place (c, ev, a, conf);
      if (!located)
        located = event_place_past_with (c, ev, m->first, a, conf);
      if (!located)
        located = event_fronted_place (c, ev, m->first, a, conf);
      relative_attendees (c, ev, a, conf);
      speech_attendees (c, ev, a, conf);
      if (!located)
        located = relative_host (c, ev, a, conf);
      /* "signed … in Quito on the sidelines of X": X was there too. */
      gboolean sidelines = m->first >= c->first + 2 && nkg_rel_is (c, m->first - 2, "of")
                           && (nkg_rel_is (c, m->first - 3, "sidelines") || nkg_rel_is (c, m->first - 2, "sidelines"));
      for (guint i = c->first; i + 2 < m->first && !sidelines; i++)
        sidelines = (nkg_rel_is (c, i, "sidelines") || nkg_rel_is (c, i, "sideline")) && nkg_rel_is (c, i + 1, "of") && m->first <= i + 4;
      /* "signed in Honiara on Wednesday at the annual meeting of X": the
       * city right before "at" the event is the event's */
      if (!located)
        located = event_at_city (c, ev, m->first, conf);
      if (!located && sidelines)
        {
          gint pe = nkg_rel_sentence_place (c, c->first, c->first);
          if (pe >= 0 && nkg_rel_eclass (c, pe) != NKG_CLASS_COUNTRY)
            nkg_rel_fact (c, ev, NKG_PROP_LOCATION, pe, NULL, conf * 0.8);
        }
      /* "… scheduled for November 1", "… on November 1", "…, held in
       * Jakarta on Friday" */
      gboolean closing = closing_part (c, m->first);
      if (!closing)
        event_date (c, ev, a, conf);
      /* "arrived in Kazan to attend the BRICS summit", "was in New Delhi
       * for the Raisina Dialogue": the trip's city is the event's. */
      if (!located)
        located = event_trip_place (c, ev, m->first, conf);
      /* "In Vientiane, leaders at the X agreed …": a fronted city of
       * those at the event */
      if (!located && nkg_rel_is (c, c->first, "in") && m->first >= c->first + 4)
        {
          gint fm = nkg_rel_mention_starting_at (c, c->first + 1);
          NkgMention *fmm = fm >= 0 ? nkg_rel_mention (c, fm) : NULL;
          guint q = m->first;
          while (q > c->first && (nkg_rel_is (c, q - 1, "the") || is_ordinal (c, nkg_rel_tok (c, q - 1))))
            q--;
          if (fmm && fmm->last < c->last && strcmp (nkg_rel_tok (c, fmm->last)->text, ",") == 0
              && nkg_rel_eclass (c, nkg_rel_entity (c, fmm)) == NKG_CLASS_CITY && q > fmm->last && nkg_rel_is (c, q - 1, "at"))
            {
              nkg_rel_fact (c, ev, NKG_PROP_LOCATION, nkg_rel_entity (c, fmm), NULL, conf * 0.8);
              located = TRUE;
            }
        }
      event_apposed_day (c, ev, m->first, conf);
      event_date_before (c, ev, m->first, conf);
      event_opening_day (c, ev, m->first, conf);
      if (!closing)
        event_date_done_at (c, ev, m->first, conf);
      event_fronted_day (c, ev, m->first, conf);
      /* "Friday's G20 summit": the day it was held. */
      if (m->first >= c->first + 2 && (nkg_rel_tok (c, m->first - 1)->flags & NKG_TOK_POSS))
        {
          guint wd = nkg_date_weekday (nkg_rel_tok (c, m->first - 2)->text);
          char date[11];
          if (wd && nkg_date_weekday_before (c->in->date, wd, date))
            nkg_rel_fact (c, ev, NKG_PROP_START_DATE, -1, date, conf * 0.85);
        }
      /* "Brazil hosted the G20 summit": a host place is where it was. */
      guint p = m->first;
      while (p > c->first && (nkg_rel_is (c, p - 1, "the") || nkg_rel_is (c, p - 1, "a") || is_ordinal (c, nkg_rel_tok (c, p - 1))
                              || (nkg_rel_tok (c, p - 1)->flags & NKG_TOK_NUM)))
        p--;
      /* "Lima will host the X", "Chile is set to host the X": the same. */
      /* "Vientiane played host to the X" */
      gboolean host_to = p > c->first + 3 && nkg_rel_is (c, p - 1, "to") && nkg_rel_is (c, p - 2, "host")
                         && (nkg_rel_is (c, p - 3, "played") || nkg_rel_is (c, p - 3, "plays") || nkg_rel_is (c, p - 3, "playing"));
      if (!located && p > c->first + 1
          && (host_to || nkg_rel_is (c, p - 1, "hosted") || nkg_rel_is (c, p - 1, "hosts") || nkg_rel_is (c, p - 1, "hosting")
              || (nkg_rel_is (c, p - 1, "host") && (nkg_tag_at (c->in->tags, p - 2)->pos == NKG_POS_MODAL
                                                      || nkg_tag_at (c->in->tags, p - 2)->pos == NKG_POS_TO))))
        {
          guint k = host_to ? p - 3 : p - 1;
          /* "the Samoa-hosted meeting" */
          gboolean dashed = !host_to && k > c->first + 1 && (nkg_rel_tok (c, k - 1)->flags & NKG_TOK_DASH) && nkg_rel_is (c, k, "hosted");
          if (dashed)
            k--;
          while (k > c->first && (nkg_rel_is_verb_filler (c, k - 1) || nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_AUX
                                  || nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_MODAL || nkg_tag_at (c->in->tags, k - 1)->pos == NKG_POS_TO
                                  || nkg_rel_is (c, k - 1, "set") || nkg_rel_is (c, k - 1, "due") || nkg_rel_is (c, k - 1, "scheduled")))
            k--;
          /* "Tarija, which is hosting the X" */
          if (k > c->first + 2 && nkg_rel_is (c, k - 1, "which") && strcmp (nkg_rel_tok (c, k - 2)->text, ",") == 0)
            k -= 2;
          gint hm = nkg_rel_mention_ending_at (c, k);
          gint he = hm >= 0 ? nkg_rel_entity (c, nkg_rel_mention (c, hm)) : -1;
          if (nkg_rel_eclass (c, he) == NKG_CLASS_COUNTRY || nkg_rel_eclass (c, he) == NKG_CLASS_CITY)
            {
              nkg_rel_fact (c, ev, NKG_PROP_LOCATION, he, NULL, conf * 0.9);
              located = TRUE;
            }
        }
      if (!located)
        located = visit_named (c, ev, m, conf);
      /* the dateline last: "LIMA — Ecuador hosted the X" is in Ecuador */
      if (!located)
        event_dateline_place (c, ev, m->sentence, m->first, conf);
      event_attendees (c, ev, m->first, conf);
    }
}

/* Whether sentence `s` puts something "in" a city other than `city`
 * ("… with Y in Quito on Monday"), not counting the dateline. */
gboolean
nkg_rel_in_other_city (const Ctx *c, guint s, gint city)
{
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  for (guint k = lo; k < hi; k++)
    {
      NkgMention *m = nkg_rel_mention (c, k);
      gint e = m->sentence == s && m->cluster >= 0 && !m->dateline && !m->in_quote ? nkg_rel_entity (c, m) : -1;
      if (e >= 0 && e != city && nkg_rel_eclass (c, e) == NKG_CLASS_CITY && m->first > 0
          && strcmp (nkg_tok (c->in->seg, m->first - 1)->lower, "in") == 0)
        return TRUE;
    }
  return FALSE;
}

/* The event sentence `s` places a signing at: "signed at the summit",
 * "during the Andean Ocean Summit", "on the sidelines of X" — a named
 * event, or a bare head word standing for the article's named one, but
 * not another session ("the next summit"). Its locations (cities and
 * venues, else its country) go to `places`, its first day to `date` ("" if
 * none). Returns the event, or -1. */
gint
nkg_rel_signing_event (Ctx *c, guint s, GArray *places, char date[11])
{
  const NkgSentence *sent = &g_array_index (c->in->seg->sentences, NkgSentence, s);
  guint lo = 0, hi = 0;
  nkg_mention_index_sentence (c->in->index, s, &lo, &hi);
  gint ev = -1;
  date[0] = 0;
  for (guint i = sent->first; i + 1 < sent->last && ev < 0; i++)
    {
      const char *w = nkg_tok (c->in->seg, i)->lower;
      guint h = i + 1;
      if ((strcmp (w, "sidelines") == 0 || strcmp (w, "sideline") == 0 || strcmp (w, "margins") == 0
           || strcmp (w, "margin") == 0)
          && strcmp (nkg_tok (c->in->seg, i + 1)->lower, "of") == 0)
        h = i + 2;
      else if (strcmp (w, "at") != 0 && strcmp (w, "during") != 0)
        continue;
      /* "the 10th", "the annual", "this year's": words before the name */
      gboolean other = FALSE;
      for (guint n = 0; h < sent->last && n < 4; n++, h++)
        {
          const NkgToken *t = nkg_tok (c->in->seg, h);
          other |= NKG_TOK_IN_LIST ("otherevent", t);
          if (!(strcmp (t->lower, "the") == 0 || strcmp (t->lower, "this") == 0 || (t->flags & (NKG_TOK_NUM | NKG_TOK_DASH))
                || is_ordinal (c, t) || NKG_TOK_IN_LIST ("edition", t)
                || NKG_TOK_IN_LIST ("eventmod", t)))
            break;
        }
      if (other || h >= sent->last)
        continue;
      for (guint k = lo; k < hi && ev < 0; k++)
        {
          NkgMention *m = nkg_rel_mention (c, k);
          gint e = nkg_rel_entity (c, m);
          if (m->first == h && !m->nested && nkg_rel_eclass (c, e) == NKG_CLASS_EVENT)
            ev = e;
        }
      const char *head = nkg_tok (c->in->seg, h)->lower;
      if (ev < 0 && (nkg_lexicon_word (c->in->lexicon, head) & NKG_W_EVENT))
        ev = event_by_head (c, head, FALSE);
      /* "the Summit" for the one "Extraordinary Summit of the African
       * Union" of the article */
      for (guint e = 0; ev < 0 && e < c->facts->entities->len; e++)
        {
          NkgLocalEntity *x = g_ptr_array_index (c->facts->entities, e);
          if (x->klass != NKG_CLASS_EVENT || !(nkg_lexicon_word (c->in->lexicon, head) & NKG_W_EVENT))
            continue;
          g_autofree char *lower = g_utf8_strdown (x->name, -1);
          g_auto (GStrv) words = g_strsplit (lower, " ", -1);
          if (!g_strv_contains ((const char *const *) words, head))
            continue;
          for (guint f = e + 1; f < c->facts->entities->len && ev == -1; f++)
            {
              NkgLocalEntity *y = g_ptr_array_index (c->facts->entities, f);
              g_autofree char *ly = y->klass == NKG_CLASS_EVENT ? g_utf8_strdown (y->name, -1) : NULL;
              g_auto (GStrv) wy = ly ? g_strsplit (ly, " ", -1) : NULL;
              if (wy && g_strv_contains ((const char *const *) wy, head))
                ev = -2;
            }
          ev = ev == -2 ? -1 : (gint) e;
          break;
        }
    }
  if (ev < 0)
    return -1;
  const GArray *about = nkg_doc_facts_of_subject (c->facts, ev);
  for (int pass = 0; pass < 2 && places->len == 0; pass++)
    for (guint k = 0; about && k < about->len; k++)
      {
        NkgLocalFact *f = g_ptr_array_index (c->facts->facts, g_array_index (about, guint, k));
        if (f->prop == NKG_PROP_LOCATION && f->object >= 0
            && (pass == 1 || nkg_rel_eclass (c, f->object) != NKG_CLASS_COUNTRY))
          nkg_rel_add_unique (places, f->object);
      }
  gint d = nkg_doc_facts_first (c->facts, ev, NKG_PROP_START_DATE);
  if (d >= 0)
    g_strlcpy (date, ((NkgLocalFact *) g_ptr_array_index (c->facts->facts, d))->literal, 11);
  return ev;
}
