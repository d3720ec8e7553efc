/* relations-private.h — what the relation patterns share: the context of
 * the sentence being read and the helpers that chunk patterns
 * (relations-match.c) borrow from the C patterns (relations.c).
 */
#pragma once

#include <string.h>

#include "chunks.h"
#include "coref.h"
#include "docfacts.h"
#include "mentions.h"
#include "patterns.h"
#include "relations.h"
#include "scratch.h"

G_BEGIN_DECLS

typedef struct {
  const NkgRelationInput *in;
  NkgDocFacts *facts;
  guint sentence;
  guint first, last; /* the sentence's tokens */
  guint evidence; /* the sentence facts are credited to */
  GArray *here; /* guint: mention indices in this sentence, by position */
  GArray *last_signers; /* gint: who signed in the latest signing sentence */
  guint last_signing;   /* that sentence */
  GArray *last_sides;   /* gint: the latest pair (or more) of signing countries or bodies */
  GArray *last_leaders; /* gint: the latest pair (or more) of signing people */
  gint last_place;       /* where the latest signing was, or -1 */
  char last_date[11];    /* when, or "" */
  GHashTable *events_by_head; /* see event_by_head */
  gint salient;          /* see salient_agreement; -2 until asked */
  const char *pattern;   /* id of the pattern running: facts carry it */
  GArray *spare_entities; /* gint: an empty array a failed binding left (relations-match.c) */
  gint list_place;       /* where "the following documents were signed …" says a list's agreements were, or -1 */
  char list_date[11];    /* when, or "" */
  struct NkgToldMemo *told_memo; /* the signing rules' readings of the article's mentions (relations-occasions.c) */
  guint classes;         /* nkg_rel_classes_of the article's facts, or 0 until asked (nkg_rel_article_has) */
  const guint *roles_of; /* per sentence, the union of its tokens' lexicon roles (nkg_rel_sentence_roles) */
} Ctx;

/* Asked millions of times per 300 articles: inline. */
static inline const NkgToken *
nkg_rel_tok (const Ctx *c, guint i)
{
  return nkg_tok (c->in->seg, i);
}

static inline NkgMention *
nkg_rel_mention (const Ctx *c, guint i)
{
  return g_ptr_array_index (c->in->mentions, i);
}

static inline gint
nkg_rel_entity (const Ctx *c, const NkgMention *m)
{
  if (!m || m->cluster < 0)
    return -1;
  return g_array_index (c->in->entity_of, gint, m->cluster);
}

static inline guint
nkg_rel_roles (const Ctx *c, guint i)
{
  return nkg_lexicon_tok_roles (c->in->lexicon, nkg_rel_tok (c, i));
}

/* The roles (NKG_W_*) of any token of sentence c->sentence, for a rule
 * to pass over a sentence without a role it needs; all roles when not
 * known. */
static inline guint
nkg_rel_sentence_roles (const Ctx *c)
{
  return c->roles_of ? c->roles_of[c->sentence] : G_MAXUINT;
}

/* The classes of the entities in `facts`, a bit 1 << class each, and
 * bit 31 (that they are known): a rule whose every fact is about an
 * event, say, has nothing in an article without one (rules add only
 * cities and countries, so this holds for all of the article's rules). */
guint nkg_rel_classes_of (const NkgDocFacts *facts);

/* Whether the article has an entity of class k (nkg_rel_classes_of,
 * found once per article). */
static inline gboolean
nkg_rel_article_has (Ctx *c, NkgClass k)
{
  if (!c->classes)
    c->classes = nkg_rel_classes_of (c->facts);
  return (c->classes & (1u << k)) != 0;
}

/* Whether token i, in the sentence, is the word `lower` (lower case).
 * Most words differ from the one asked for in their first letter: no
 * call to strcmp then. */
static inline gboolean
nkg_rel_is (const Ctx *c, guint i, const char *lower)
{
  if (i >= c->last)
    return FALSE;
  const char *w = nkg_rel_tok (c, i)->lower;
  return w[0] == lower[0] && strcmp (w, lower) == 0;
}

/* Shared by the pattern files (relations-*.c); each is defined in the
 * section file that owns it. Tokens, mentions and entities of the
 * sentence being read: */
gint nkg_rel_country_entity (const Ctx *c, const char *name);
/* The country of the nationality adjective of up to three words that
 * ends before token k, the longest ("Papua New Guinean", not "Guinean"),
 * its words in *len; NULL when none. */
const char *nkg_rel_demonym_before (const Ctx *c, guint k, guint *len);
NkgClass nkg_rel_eclass (const Ctx *c, gint e);
void nkg_rel_fact (Ctx *c, gint s, NkgProp p, gint o, const char *literal, double conf);
/* "Country Director for Nepal" → "Country Director": a body's post
 * held in a country, without the country (list postedtitle); NULL when
 * the title is no such post. */
char *nkg_rel_posted_title (const Ctx *c, const char *title);
gint nkg_rel_mention_ending_at (const Ctx *c, guint i);
/* The token after a bracket opened at token k that closes on at most
 * `inside` tokens before `end` ("(SCO)" after a name), or k when none
 * does. */
guint nkg_rel_past_bracket (const Ctx *c, guint k, guint end, guint inside);
gint nkg_rel_mention_starting_at (const Ctx *c, guint i);
/* The first person named after token t (within `within` tokens), with
 * no verb between ("with her counterpart, the Minister …, X", "on behalf
 * of Peru by Minister X"), or -1. */
gint nkg_rel_person_named_after (const Ctx *c, guint t, guint within);
void nkg_rel_body_officials (Ctx *c, double conf);
gboolean nkg_rel_has_title (Ctx *c, gint person);
void nkg_rel_home_officials (Ctx *c, double conf);
void nkg_rel_pattern_titles (Ctx *c, double conf);
gint nkg_rel_represents_of (Ctx *c, gint person);
void nkg_rel_respectively (Ctx *c, double conf);
void nkg_rel_add_unique (GArray *out, gint e);
gint nkg_rel_agreement_near (const Ctx *c, guint v, gboolean after);
void nkg_rel_collect (const Ctx *c, guint a, guint b, GArray *out, gboolean (*want) (NkgClass));
void nkg_rel_collect_to (const Ctx *c, guint a, const char *punct, GArray *out, gboolean (*want) (NkgClass));
gboolean nkg_rel_day_month_at (const Ctx *c, guint i, char out[11]);
gboolean nkg_rel_is_passive (const Ctx *c, guint v);
gboolean nkg_rel_is_planned (const Ctx *c, guint v);
gboolean nkg_rel_is_verb_filler (const Ctx *c, guint i);
void nkg_rel_met_pairs (Ctx *c, GArray *people, double conf);
void nkg_rel_pattern_signing (Ctx *c, double conf);
/* Whether the sentence has a word nkg_rel_pattern_signing starts from:
 * one of role sign, or of list putsignature ("put their names to"). */
gboolean nkg_rel_signing_cue (const Ctx *c);
gint nkg_rel_previous_agreement (const Ctx *c);
gint nkg_rel_salient_agreement (const Ctx *c);
gboolean nkg_rel_sentence_date (const Ctx *c, char out[11]);
gboolean nkg_rel_clause_date (const Ctx *c, guint v, char out[11]);
gint nkg_rel_sentence_place (const Ctx *c, guint from, guint v);
gboolean nkg_rel_want_person (NkgClass k);
gboolean nkg_rel_want_signer (NkgClass k);
void nkg_rel_pattern_meeting (Ctx *c, double conf);
/* Whether the sentence has a word a meeting needs besides its roles
 * ("counterpart", "called", "courtesy", "co", a meal noun before "with"). */
gboolean nkg_rel_meeting_words (const Ctx *c);
gint nkg_rel_pronoun_subject (const Ctx *c, guint v);
/* Drops from `people` the persons named in an "on behalf of X" or ",
 * representing X," phrase of the sentence: X was represented, not there. */
void nkg_rel_drop_represented (const Ctx *c, GArray *people);
void nkg_rel_pattern_events (Ctx *c, double conf);
/* The event sentence s places a signing at ("signed at the summit",
 * "on the sidelines of X"): its locations in places, its first day in
 * date ("" if none); the event, or -1 (relations-events.c). */
gint nkg_rel_signing_event (Ctx *c, guint s, GArray *places, char date[11]);
gboolean nkg_rel_in_other_city (const Ctx *c, guint s, gint city);
void nkg_rel_doc_event_signing (Ctx *c, double conf);
void nkg_rel_doc_event_signers (Ctx *c, double conf);
void nkg_rel_doc_venue_here (Ctx *c, double conf);
void nkg_rel_doc_venue_city (Ctx *c, double conf);
void nkg_rel_doc_city_venue (Ctx *c, double conf);
void nkg_rel_doc_dateline_host (Ctx *c, double conf);
void nkg_rel_doc_dateline_event (Ctx *c, double conf);
void nkg_rel_doc_sideline_meetings (Ctx *c, double conf);
void nkg_rel_doc_title_short_form (Ctx *c, double conf);
guint nkg_rel_number_word (const char *w);
void nkg_rel_pattern_duration (Ctx *c, double conf);
void nkg_rel_pattern_package_members (Ctx *c, double conf);
gboolean nkg_rel_names_several (const Ctx *c, const NkgMention *m);
void nkg_rel_pattern_replaces (Ctx *c, double conf);
void nkg_rel_pattern_containment (Ctx *c, double conf);
void nkg_rel_doc_body_officials (Ctx *c, double conf);
void nkg_rel_doc_finer_place (Ctx *c, double conf);
void nkg_rel_doc_dateline_signing (Ctx *c, double conf);
/* The article's signing occasions: each agreement signed at one gets the
 * place and day stated for it (relations-occasions.c). */
void nkg_rel_doc_signing_occasions (Ctx *c, double conf);
void nkg_rel_doc_signing_told (Ctx *c, double conf);
void nkg_rel_doc_signed_after_talks (Ctx *c, double conf);
void nkg_rel_doc_signed_here (Ctx *c, double conf);
void nkg_rel_told_memo_free (struct NkgToldMemo *memo);
/* Sets c to read sentence s, its clustered mentions gathered in `here`
 * (relations-occasions.c): for a rule over the document that asks what
 * one sentence says. */
void nkg_rel_enter_sentence (Ctx *c, guint s, GArray *here);
/* The city of the dateline ("ARUSHA, Tanzania —"), when the article has
 * exactly one, or -1; `sentence` gets the dateline's sentence. */
gint nkg_rel_dateline_city (const Ctx *c, guint *sentence);
void nkg_rel_doc_country_city (Ctx *c, double conf);
void nkg_rel_doc_handles (Ctx *c, double conf);
void nkg_rel_doc_home_officials (Ctx *c, double conf);
void nkg_rel_doc_party_signs (Ctx *c, double conf);
void nkg_rel_doc_signer_binds (Ctx *c, double conf);
void nkg_rel_doc_signing_city (Ctx *c, double conf);
void nkg_rel_doc_city_country (Ctx *c, double conf);
void nkg_rel_doc_list_lines_where (Ctx *c, double conf);
/* The country of a province, state or region named `name` ("Koshi
 * Province", "Pampanga province", "West Java") by the lexicon; NULL if none. */
const char *nkg_rel_region_country (const Ctx *c, const char *name);
/* The city entity whose possessive ends right before place mention m
 * ("Bangkok's Government House"), or -1. */
gint nkg_rel_city_owner (const Ctx *c, const NkgMention *m);
void nkg_rel_doc_body_heads (Ctx *c, double conf);
void nkg_rel_doc_event_city (Ctx *c, double conf);
void nkg_rel_doc_event_venue_city (Ctx *c, double conf);
void nkg_rel_doc_officials_sign (Ctx *c, double conf);
/* "the heads of delegation signed X", "the participating countries
 * signed X": the meeting's attendees, or their countries, signed it
 * (relations-groups.c). */
void nkg_rel_doc_group_signers (Ctx *c, double conf);
void nkg_rel_doc_described_officials (Ctx *c, double conf);
gint nkg_rel_described_official (Ctx *c, const char *office, gint country, gboolean *unplaced);

/* Signers (people, countries, bodies: "US Secretary of War X" gives X
 * only) named in tokens [a, b) of the sentence. */
void nkg_rel_collect_signers (const Ctx *c, guint a, guint b, GArray *out);
/* Countries of "the Lao government", "the Indian side" in tokens [a, b)
 * (relations-signing.c). */
void nkg_rel_demonym_sides (const Ctx *c, guint a, guint b, GArray *out);

/* In a list "A, B and the C" whose item ends before token q: where the
 * next item starts (past ",", "and", "the"), or 0 when none follows. */
guint nkg_rel_list_next (const Ctx *c, guint q);

/* Whether tokens [a, b) are a plural that stands for a group named
 * before — "they", "the leaders", "the three ministers", "all four
 * nations" — with the countries of the last "the leaders of A, B and C"
 * of the three sentences before (as many as a number says) in out. */
gboolean nkg_rel_group_anaphor (const Ctx *c, guint a, guint b, GArray *out);

/* Agreements listed as "KIND between A and B on TOPIC" (relations-listed.c). */
void nkg_rel_pattern_listed_parties (Ctx *c, double conf);
void nkg_rel_governments_as_countries (Ctx *c, GArray *sides);
void nkg_rel_pattern_signed_by_line (Ctx *c, double conf);
/* relations-signatories.c */
void nkg_rel_pattern_signatories_were (Ctx *c, double conf);
/* "Fifteen countries signed X. The 15 countries include A and B" (relations-signatories.c). */
void nkg_rel_pattern_counted_sides_include (Ctx *c, double conf);
/* relations-sides.c */
void nkg_rel_pattern_side_behalf (Ctx *c, double conf);
void nkg_rel_pattern_side_label (Ctx *c, double conf);
void nkg_rel_pattern_side_delegation (Ctx *c, double conf);
void nkg_rel_pattern_side_counterpart_of (Ctx *c, double conf);
void nkg_rel_pattern_side_respective (Ctx *c, double conf);
void nkg_rel_doc_side_company (Ctx *c, double conf);
void nkg_rel_doc_side_counterpart (Ctx *c, double conf);

/* Runs chunk pattern p over the sentence in c. */
void nkg_rel_match (Ctx *c, const NkgPattern *p);

/* Which chunk-pattern rows a sentence could match: an index, made once
 * for the table, from the words, verbs and lemmas a row cannot match
 * without to the rows that need them. A sentence's set of bits
 * (nkg_rel_match_index_width guint64s) tells which rows to try. */
typedef struct NkgMatchIndex NkgMatchIndex;
NkgMatchIndex *nkg_rel_match_index_new (const GPtrArray *table);
guint nkg_rel_match_index_width (const NkgMatchIndex *ix);
void nkg_rel_match_index_sentence (const NkgMatchIndex *ix, const NkgRelationInput *in, guint s, guint64 *have);
/* The bits row `row` needs (nkg_rel_match_index_width guint64s): the row
 * could match a sentence whose bits hold them all. */
const guint64 *nkg_rel_match_index_need (const NkgMatchIndex *ix, guint row);
/* Whether row `row` needs no bit: it could match any sentence. */
gboolean nkg_rel_match_index_needs_nothing (const NkgMatchIndex *ix, guint row);
/* For every row that needs some bit, the sentences (of n_sent, whose
 * bits are `have`, nkg_rel_match_index_width guint64s each) that hold
 * them all: row p's are fit[fit_at[p] .. fit_at[p + 1]), in order
 * (fit_at: a guint per row of the table and one more). The same as
 * testing every row against every sentence, found from the sentences'
 * bits. */
void nkg_rel_match_index_fits (const NkgMatchIndex *ix, const guint64 *have, guint n_sent, guint *fit_at, GArray *fit);

G_END_DECLS
