/* docfacts.h — what extraction found in one document.
 *
 * The only thing extract/ hands to graph/. Entities here are *local*: one
 * per real-world entity within this document (extract has already clustered
 * the mentions), referred to by index. Facts and quotes point at them by
 * index. Nothing here knows about other documents or IRIs.
 */
#pragma once

#include <glib.h>

#include "graph/vocab.h"

G_BEGIN_DECLS

typedef struct {
  NkgClass klass;
  char *name;         /* canonical (fullest proper) form in this document */
  GPtrArray *aliases; /* char*: other surface forms resolved to it, unique, no `name` */
  guint mentions;     /* number of mentions in the document */
  gboolean linkable;  /* FALSE for descriptions ("the framework") that must not be
                       * merged across documents by name alone */
} NkgLocalEntity;

/* One evidence sentence: characters [start, end) of the article text (as
 * the input layer read it, counted in Unicode code points) are `text`. */
typedef struct {
  guint start, end;
  char *text;
} NkgLocalEvidence;

typedef struct {
  guint subject; /* index into entities */
  NkgProp prop;
  gint object;   /* index into entities, or -1 when `literal` is set */
  char *literal; /* title, handle, ISO date, ISO duration */
  guint sentence; /* extract/-internal: the segmenter's sentence it came from */
  gint evidence;  /* index into evidence (set once extraction is done), or -1 */
  double confidence; /* in [0,1]: how sure the pattern that found it is */
  const char *pattern; /* id of the pattern that found it with that confidence (static), or NULL */
  gboolean gazetteer; /* derived from lexicon data (a city's country), not
                       * read in a sentence: graph/ gives it no evidence */
} NkgLocalFact;

typedef struct {
  guint speaker; /* index into entities (a person) */
  char *text;    /* quoted words, without the marks */
} NkgLocalQuote;

typedef struct {
  char *source;   /* where the article was read from (NkgArticle.source) */
  char *sha256;   /* of the article text, lower-case hex */
  char *content_key; /* NkgArticle.content_key: a shard merge skips a document
                      * whose key an earlier one had (PLAN D5) */
  char *title;    /* headline, or NULL */
  char *date;     /* article date as YYYY-MM-DD, or NULL */
  char *url;      /* the article's own URL, or NULL */
  char *format;   /* "text", "html", … (NkgArticle.format) */
  char *language; /* "en", or NULL when not known */
  GPtrArray *entities; /* NkgLocalEntity* */
  GPtrArray *facts;    /* NkgLocalFact* */
  GPtrArray *quotes;   /* NkgLocalQuote* */
  GPtrArray *evidence; /* NkgLocalEvidence*, one per sentence that supports a fact */
  GPtrArray *warnings; /* char*: what extraction cut short in this document (a sentence
                        * too long, a name too common), for the caller to report */
  /* private: lookups that keep the add functions constant-time, rebuilt
   * when the arrays above were changed behind their back */
  struct NkgDocFactsIndex *index;
} NkgDocFacts;

NkgDocFacts *nkg_doc_facts_new (const char *source);
void nkg_doc_facts_free (NkgDocFacts *facts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgDocFacts, nkg_doc_facts_free)

/* Adds an entity, or returns the index of the one with the same class and
 * name, adding `mentions` to it. */
guint nkg_doc_facts_add_entity (NkgDocFacts *facts, NkgClass klass, const char *name,
                                guint mentions);
/* The index of the entity with this class and name, or -1. */
gint nkg_doc_facts_find_entity (NkgDocFacts *facts, NkgClass klass, const char *name);
void nkg_doc_facts_add_alias (NkgDocFacts *facts, guint entity, const char *alias);

/* Adds a fact found in the segmenter's sentence `sentence`, unless an
 * identical one (subject, prop, object/literal) is there; then keeps the
 * higher confidence and its sentence. */
void nkg_doc_facts_add_fact (NkgDocFacts *facts, guint subject, NkgProp prop, gint object,
                             const char *literal, guint sentence, double confidence);

/* The same, recording the id of the pattern that found it (a string that
 * outlives the facts: the pattern table's). */
void nkg_doc_facts_add_fact_by (NkgDocFacts *facts, guint subject, NkgProp prop, gint object,
                                const char *literal, guint sentence, double confidence, const char *pattern);

/* The index of the fact (subject, prop, object/literal), or -1. */
gint nkg_doc_facts_find_fact (NkgDocFacts *facts, guint subject, NkgProp prop, gint object,
                              const char *literal);

/* Indices (ascending) of the facts about `subject`, or with property
 * `prop`; NULL when none. Valid until the facts next change: a loop that
 * adds facts reads the length again each round. */
const GArray *nkg_doc_facts_of_subject (NkgDocFacts *facts, guint subject);
const GArray *nkg_doc_facts_with_prop (NkgDocFacts *facts, NkgProp prop);

/* The first fact (index) about `subject` with property `prop`, or -1. */
gint nkg_doc_facts_first (NkgDocFacts *facts, guint subject, NkgProp prop);

/* Removes the facts whose `drop` entry is TRUE (one gboolean per fact),
 * keeping the others in order. */
void nkg_doc_facts_remove_facts (NkgDocFacts *facts, const gboolean *drop);

/* Removes the entities whose `drop` entry is TRUE (one gboolean per
 * entity), none of which a fact or quote may refer to; the others keep
 * their order, and facts and quotes follow their new indices. */
void nkg_doc_facts_remove_entities (NkgDocFacts *facts, const gboolean *drop);

/* Adds a line to the document's warnings (printf-style). */
void nkg_doc_facts_warn (NkgDocFacts *facts, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* For documents built by hand (tests, tools) rather than by extract/: a
 * fact whose evidence sentence is given as text. The sentence is placed
 * as if the document's evidence sentences followed one another. */
void nkg_doc_facts_add_fact_text (NkgDocFacts *facts, guint subject, NkgProp prop, gint object,
                                  const char *literal, const char *sentence, double confidence);

/* Adds an evidence sentence, or returns the index of the one with the same
 * offsets. */
guint nkg_doc_facts_add_evidence (NkgDocFacts *facts, guint start, guint end, const char *text);
void nkg_doc_facts_add_quote (NkgDocFacts *facts, guint speaker, const char *text);

G_END_DECLS
