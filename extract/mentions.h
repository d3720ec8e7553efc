/* mentions.h — tokens to typed mention spans.
 *
 * Capitalised spans are chunked (with "of", "and", "the", hyphens and
 * possessive marks inside names where a head word licenses them), then
 * typed: gazetteer (countries, cities, regions), head words ("Ministry",
 * "Agreement", "Summit"), title cues ("Defence Minister X" → person X,
 * whose title is never part of the name), acronyms. Lower-case
 * descriptions of agreements ("the 10-year framework") are mentions too,
 * marked as descriptions. Titles seen with a person are recorded on the
 * mention for the relation stage.
 */
#pragma once

#include <glib.h>

#include "lexicon.h"
#include "segment.h"

G_BEGIN_DECLS

typedef enum {
  NKG_MENTION_NAME,        /* a proper name */
  NKG_MENTION_ACRONYM,     /* "MEA", "ADMM-Plus" */
  NKG_MENTION_DESCRIPTION, /* "the framework", "two MoUs" */
  NKG_MENTION_HANDLE,      /* "@GWalton" */
} NkgMentionKind;

typedef struct {
  guint first, last; /* tokens of the name proper [first, last) */
  guint sentence;
  NkgClass klass;    /* NKG_CLASS_NONE while untyped */
  NkgMentionKind kind;
  char *surface;     /* as written */
  const char *canonical; /* lexicon's name for places, else NULL */
  const char *country;   /* lexicon: the country a city lies in */
  gboolean in_quote;
  gboolean definite;  /* description with the/this/its: refers back */
  gboolean distinct;  /* description that sets itself apart: "earlier", "2015" */
  gboolean generic;   /* "any agreement": no entity */
  gboolean nested;    /* a place inside a longer name ("US-India Framework") */
  gboolean dateline;  /* in a dateline ("BOGOTA (Reuters) –"): no participant */
  gboolean shape_only; /* a person only by its shape (capitalised words, no title,
                        * no head word): coref asks the context for evidence */
  /* what the text says with it */
  GPtrArray *titles;  /* char*: job titles in base form; NULL until the first
                       * (most mentions have none): nkg_mention_n_titles */
  const char *title_country; /* canonical country of the title cue */
  gint title_org;     /* mention index of the employer in the cue, or -1 */
  guint cue_first;    /* first token of the cue before the name */
  gint alias_of;      /* "(MEA)" after a name: index of that mention, or -1 */
  NkgClass fallback;  /* class to take when coref finds no better: "Pentagon" */
  gint cluster;       /* set by coref */
  gboolean listed;    /* "KIND between A and B on TOPIC", named "KIND on TOPIC" (listed.c) */
  char *written;      /* such a listed agreement's words as written, "KIND between A and B
                       * on TOPIC": an alias of its entity; else NULL */
} NkgMention;

/* How many job titles the text gives mention m. */
static inline guint
nkg_mention_n_titles (const NkgMention *m)
{
  return m->titles ? m->titles->len : 0;
}

/* Adds a job title to mention m, which takes it. */
void nkg_mention_add_title (NkgMention *m, char *title);

/* All mentions of the document, ordered by position. */
GPtrArray *nkg_mentions_find (const NkgLexicon *lexicon, const NkgSegments *seg);

/* Builds a job title's base form from tokens [a, b): plural heads become
 * singular, articles go. */
char *nkg_mentions_title_text (const NkgLexicon *lexicon, const NkgSegments *seg, guint a, guint b);

/* Whether token i can be part of a job title (head, modifier, portfolio). */
gboolean nkg_mentions_is_title_word (const NkgLexicon *lexicon, const NkgToken *t);

G_END_DECLS
