/* relations.c — facts from patterns over mentions (see relations.h).
 *
 * The patterns are rows of data/patterns.txt, run in its order: chunk
 * patterns by relations-match.c, the others by the C functions of the
 * section files (relations-titles.c, -signing.c, -meetings.c, -events.c,
 * -agreements.c, -places.c, -document.c), each with the confidence of
 * its row. Confidence says how often
 * the pattern is right in news text: an explicit apposition ("Defence
 * Minister X") is near certain, a signer inherited from the sentence before
 * less so, a country assumed for an unqualified official least.
 */
#include "relations.h"

#include <string.h>

#include "docindex.h"
#include "relations-private.h"

NkgClass
nkg_rel_eclass (const Ctx *c, gint e)
{
  return e < 0 ? NKG_CLASS_NONE : ((NkgLocalEntity *) g_ptr_array_index (c->facts->entities, e))->klass;
}

guint
nkg_rel_list_next (const Ctx *c, guint q)
{
  guint n = q;
  if (n < c->last && strcmp (nkg_rel_tok (c, n)->text, ",") == 0)
    n++;
  if (nkg_rel_is (c, n, "and"))
    n++;
  if (n == q)
    return 0;
  if (nkg_rel_is (c, n, "the"))
    n++;
  return n;
}

void
nkg_rel_fact (Ctx *c, gint s, NkgProp p, gint o, const char *literal, double conf)
{
  /* (NKG_PROP_NONE: a fact a rule decided not to state) */
  if (p == NKG_PROP_NONE || s < 0 || (o < 0 && !literal) || (o >= 0 && o == s))
    return;
  /* graph/ asserts the reverse of `met`; one direction is the contract. */
  if (p == NKG_PROP_MET && o >= 0 && nkg_doc_facts_find_fact (c->facts, o, p, s, NULL) >= 0)
    {
      nkg_doc_facts_add_fact_by (c->facts, o, p, s, NULL, c->evidence, conf, c->pattern);
      return;
    }
  g_autofree char *posted = p == NKG_PROP_JOB_TITLE && literal ? nkg_rel_posted_title (c, literal) : NULL;
  if (posted)
    literal = posted;
  nkg_doc_facts_add_fact_by (c->facts, s, p, literal ? -1 : o, literal, c->evidence, conf, c->pattern);
}

/* Entity index of the country with this canonical name, or -1. */
gint
nkg_rel_country_entity (const Ctx *c, const char *name)
{
  if (!name)
    return -1;
  return nkg_doc_facts_find_entity (c->facts, NKG_CLASS_COUNTRY, name);
}

const char *
nkg_rel_demonym_before (const Ctx *c, guint k, guint *len)
{
  for (guint n = 3; n >= 1; n--)
    {
      if (k < c->first + n)
        continue;
      char buf[128];
      g_autofree char *heap = NULL;
      const char *span = nkg_segments_span_buf (c->in->seg, k - n, k, buf, sizeof buf, &heap);
      const char *country = nkg_lexicon_demonym (c->in->lexicon, span);
      if (country)
        {
          *len = n;
          return country;
        }
    }
  *len = 0;
  return NULL;
}

guint
nkg_rel_past_bracket (const Ctx *c, guint k, guint end, guint inside)
{
  if (k + 2 < end && strcmp (nkg_rel_tok (c, k)->text, "(") == 0)
    for (guint x = k + 1; x < end && x <= k + inside + 1; x++)
      if (strcmp (nkg_rel_tok (c, x)->text, ")") == 0)
        return x + 1;
  return k;
}

/* The nkg_rel_mention (in this sentence) that ends right before token i, skipping
 * nothing; or -1. */
gint
nkg_rel_mention_ending_at (const Ctx *c, guint i)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->last == i && !m->nested && m->cluster >= 0)
        return g_array_index (c->here, guint, k);
    }
  return -1;
}

gint
nkg_rel_person_named_after (const Ctx *c, guint t, guint within)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first <= t || m->nested)
        continue;
      if (m->first > t + within)
        return -1;
      for (guint x = t + 1; x < m->first; x++)
        if (nkg_tag_at (c->in->tags, x)->pos == NKG_POS_VERB)
          return -1;
      gint e = nkg_rel_entity (c, m);
      if (nkg_rel_eclass (c, e) == NKG_CLASS_PERSON)
        return e;
    }
  return -1;
}

gint
nkg_rel_mention_starting_at (const Ctx *c, guint i)
{
  for (guint k = 0; k < c->here->len; k++)
    {
      NkgMention *m = nkg_rel_mention (c, g_array_index (c->here, guint, k));
      if (m->first == i && !m->nested && m->cluster >= 0)
        return g_array_index (c->here, guint, k);
    }
  return -1;
}

/* ---------------------------------------------------------------- the table */

/* The patterns written in C, by the name data/patterns.txt gives them. */
typedef void (*PatternFn) (Ctx *c, double conf);

static const struct {
  const char *name;
  PatternFn fn;
} c_patterns[] = {
  { "titles", nkg_rel_pattern_titles },         { "signing", nkg_rel_pattern_signing },   { "meeting", nkg_rel_pattern_meeting },
  { "events", nkg_rel_pattern_events },         { "replaces", nkg_rel_pattern_replaces }, { "duration", nkg_rel_pattern_duration },
  { "containment", nkg_rel_pattern_containment },
  { "body-officials", nkg_rel_doc_body_officials }, { "home-officials", nkg_rel_doc_home_officials },
  { "handles", nkg_rel_doc_handles },               { "signing-city", nkg_rel_doc_signing_city },
  { "city-country", nkg_rel_doc_city_country }, { "body-heads", nkg_rel_doc_body_heads },
  { "finer-place", nkg_rel_doc_finer_place },   { "event-city", nkg_rel_doc_event_city },   { "event-venue-city", nkg_rel_doc_event_venue_city },   { "officials-sign", nkg_rel_doc_officials_sign },
  { "signer-binds", nkg_rel_doc_signer_binds },     { "party-signs", nkg_rel_doc_party_signs },
  { "described-officials", nkg_rel_doc_described_officials }, { "dateline-signing", nkg_rel_doc_dateline_signing },
  { "country-city", nkg_rel_doc_country_city },     { "signing-occasions", nkg_rel_doc_signing_occasions },
  { "signing-told", nkg_rel_doc_signing_told },     { "signed-after-talks", nkg_rel_doc_signed_after_talks },
  { "signed-here", nkg_rel_doc_signed_here },
  { "event-signing", nkg_rel_doc_event_signing }, { "event-signers", nkg_rel_doc_event_signers }, { "venue-here", nkg_rel_doc_venue_here }, { "venue-city", nkg_rel_doc_venue_city },
  { "city-venue", nkg_rel_doc_city_venue },         { "list-lines-where", nkg_rel_doc_list_lines_where },
  { "dateline-host", nkg_rel_doc_dateline_host }, { "dateline-event", nkg_rel_doc_dateline_event },
  { "sideline-meetings", nkg_rel_doc_sideline_meetings }, { "title-short-form", nkg_rel_doc_title_short_form },
  { "listed-parties", nkg_rel_pattern_listed_parties }, { "signed-by-line", nkg_rel_pattern_signed_by_line },
  { "package-members", nkg_rel_pattern_package_members },
  { "signatories-were", nkg_rel_pattern_signatories_were },
  { "counted-sides-include", nkg_rel_pattern_counted_sides_include },
  { "side-behalf", nkg_rel_pattern_side_behalf },   { "side-label", nkg_rel_pattern_side_label },
  { "side-delegation", nkg_rel_pattern_side_delegation }, { "side-counterpart-of", nkg_rel_pattern_side_counterpart_of },
  { "side-respective", nkg_rel_pattern_side_respective }, { "side-company", nkg_rel_doc_side_company },
  { "side-counterpart", nkg_rel_doc_side_counterpart },
  { "group-signers", nkg_rel_doc_group_signers },
};

static PatternFn
c_pattern (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (c_patterns); i++)
    if (strcmp (c_patterns[i].name, name) == 0)
      return c_patterns[i].fn;
  return NULL;
}

/* What is worked out once per row of the table (nkg_patterns is read
 * once) instead of per row per article or per sentence: its function,
 * by its code name; and for the chunk patterns, the index of the words
 * each needs (relations-private.h). */
typedef struct {
  PatternFn fn;
} Row;

typedef struct {
  Row *rows;
  NkgMatchIndex *index;
} Rows;

static gpointer
rows_new (gpointer table)
{
  const GPtrArray *t = table;
  Rows *r = g_new0 (Rows, 1);
  r->rows = g_new0 (Row, t->len + 1);
  for (guint p = 0; p < t->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (t, p);
      r->rows[p].fn = row->code ? c_pattern (row->code) : NULL;
    }
  r->index = nkg_rel_match_index_new (t);
  return r;
}

static const Rows *
rows_of (const GPtrArray *table)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, rows_new, (gpointer) table);
}

/* The helpers chunk patterns borrow (relations-private.h). */



void
nkg_rel_collect_signers (const Ctx *c, guint a, guint b, GArray *out)
{
  nkg_rel_collect (c, a, b, out, nkg_rel_want_signer);
}



static void
sentence_context (Ctx *c, const NkgRelationInput *in, GPtrArray *heres, guint s)
{
  const NkgSentence *sent = &g_array_index (in->seg->sentences, NkgSentence, s);
  c->sentence = s;
  c->first = sent->first;
  c->last = sent->last;
  c->here = g_ptr_array_index (heres, s);
  c->evidence = s;
}

void
nkg_relations_extract (const NkgRelationInput *in, NkgDocFacts *facts)
{
  Ctx c = { in, facts, 0, 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (guint)),
            g_array_new (FALSE, FALSE, sizeof (gint)), G_MAXUINT,
            g_array_new (FALSE, FALSE, sizeof (gint)), g_array_new (FALSE, FALSE, sizeof (gint)), -1, "", NULL, -2, NULL, NULL,
            -1, "", NULL, 0, NULL };
  /* In the table's order; titles first, everywhere: later patterns ask
   * who represents whom. */
  g_autoptr (GError) error = NULL;
  const GPtrArray *table = nkg_patterns (&error);
  /* Each sentence's clustered mentions, found once for every row: those
   * of sentence s are here_all[here_at[s] .. here_at[s + 1]). */
  guint n_sent = in->seg->sentences->len;
  g_autoptr (NkgIntArray) here_all = nkg_int_array_new ();
  g_autofree guint *here_at = g_new (guint, n_sent + 1);
  for (guint s = 0, mi = 0; s < n_sent; s++)
    {
      here_at[s] = here_all->len;
      while (mi < in->mentions->len && ((NkgMention *) g_ptr_array_index (in->mentions, mi))->sentence < s)
        mi++;
      for (guint k = mi; k < in->mentions->len; k++)
        {
          NkgMention *m = g_ptr_array_index (in->mentions, k);
          if (m->sentence != s)
            break;
          if (m->cluster >= 0)
            g_array_append_val (here_all, k);
        }
    }
  here_at[n_sent] = here_all->len;
  /* c.here of each sentence, made once instead of for every row */
  g_autoptr (GPtrArray) heres = g_ptr_array_new_full (n_sent, (GDestroyNotify) nkg_int_array_release);
  for (guint s = 0; s < n_sent; s++)
    {
      GArray *h = nkg_int_array_new ();
      /* (an empty here_all has no data: no pointer into it) */
      if (here_at[s + 1] > here_at[s])
        g_array_append_vals (h, &g_array_index (here_all, guint, here_at[s]), here_at[s + 1] - here_at[s]);
      g_ptr_array_add (heres, h);
    }
  GArray *own_here = c.here;
  /* Each sentence's roles, for rules to pass over sentences without the
   * ones they need (nkg_rel_sentence_roles). */
  g_autofree guint *roles_of = g_new0 (guint, n_sent + 1);
  for (guint s = 0; s < n_sent; s++)
    {
      const NkgSentence *sent = &g_array_index (in->seg->sentences, NkgSentence, s);
      for (guint i = sent->first; i < sent->last; i++)
        roles_of[s] |= nkg_lexicon_tok_roles (in->lexicon, nkg_tok (in->seg, i));
    }
  c.roles_of = roles_of;
  /* Which chunk patterns each sentence could match, for them to pass
   * over most sentences without comparing strings. */
  const Rows *r = table ? rows_of (table) : NULL;
  const Row *rows = r ? r->rows : NULL;
  guint width = r ? nkg_rel_match_index_width (r->index) : 0;
  g_autofree guint64 *have = r && in->chunks ? g_new (guint64, (gsize) width * n_sent) : NULL;
  for (guint s = 0; have && s < n_sent; s++)
    nkg_rel_match_index_sentence (r->index, in, s, have + (gsize) width * s);
  /* and the sentences each chunk row could match, found from the
   * sentences' bits rather than by testing every row on every sentence */
  g_autofree guint *fit_at = have ? g_new (guint, table->len + 1) : NULL;
  g_autoptr (GArray) fit = g_array_new (FALSE, FALSE, sizeof (guint));
  if (have)
    nkg_rel_match_index_fits (r->index, have, n_sent, fit_at, fit);
  for (guint p = 0; table && p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      PatternFn fn = rows[p].fn;
      if ((row->code && !fn) || row->document)
        continue;
      c.pattern = row->id;
      if (fn || (have && nkg_rel_match_index_needs_nothing (r->index, p)))
        for (guint s = 0; s < n_sent; s++)
          {
            sentence_context (&c, in, heres, s);
            if (fn)
              fn (&c, row->confidence);
            else
              nkg_rel_match (&c, row);
          }
      else
        /* (most rows fit few sentences: only those are visited) */
        for (guint k = have ? fit_at[p] : 0; have && k < fit_at[p + 1]; k++)
          {
            sentence_context (&c, in, heres, g_array_index (fit, guint, k));
            nkg_rel_match (&c, row);
          }
      /* the context the document's rules start from: the last sentence,
       * as when every row set it for every sentence */
      if (n_sent)
        sentence_context (&c, in, heres, n_sent - 1);
    }
  /* Then the rules over the whole document, in the table's order. */
  for (guint p = 0; table && p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      PatternFn fn = rows[p].fn;
      if (!row->document || !fn)
        continue;
      c.pattern = row->id;
      c.evidence = 0;
      fn (&c, row->confidence);
    }
  g_array_unref (own_here);
  g_array_unref (c.last_signers);
  g_array_unref (c.last_sides);
  g_array_unref (c.last_leaders);
  g_clear_pointer (&c.events_by_head, g_hash_table_unref);
  g_clear_pointer (&c.spare_entities, g_array_unref);
  g_clear_pointer (&c.told_memo, nkg_rel_told_memo_free);
}
