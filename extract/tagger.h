/* tagger.h — part of speech and lemma for every token.
 *
 * The shallow syntactic layer's first step (chunks.h builds on it). Open
 * class words (nouns, verbs, adjectives, adverbs) and their lemmas come from
 * WordNet, converted at build time (data/make-wordnet.py: parts of speech
 * with corpus frequencies, irregular forms, each noun's lexicographer
 * class); closed-class words from data/closed-class.tsv. A word WordNet
 * allows in several parts of speech takes the one its neighbours favour
 * ("the signing" noun, "to sign" verb, "was signed" participle), else its
 * most frequent. Capitalised words inside a sentence are proper nouns.
 * No model, no training: a handful of context rules over a lexicon, fast
 * enough for every sentence of every article.
 */
#pragma once

#include <glib.h>

#include "segment.h"

G_BEGIN_DECLS

typedef enum {
  NKG_POS_OTHER = 0,
  NKG_POS_PUNCT,
  NKG_POS_DET,   /* the, a, this, every */
  NKG_POS_PRON,  /* he, they, it */
  NKG_POS_POSS,  /* his, their, its */
  NKG_POS_PREP,  /* of, in, by, after */
  NKG_POS_CONJ,  /* and, or, but */
  NKG_POS_SCONJ, /* that, because, while */
  NKG_POS_WH,    /* who, which, where */
  NKG_POS_AUX,   /* be, have, do in any form */
  NKG_POS_MODAL, /* will, would, can */
  NKG_POS_TO,    /* to before a verb or a noun */
  NKG_POS_NEG,   /* not, never */
  NKG_POS_NUM,   /* 12, two, million */
  NKG_POS_ADJ,
  NKG_POS_ADV,
  NKG_POS_NOUN,
  NKG_POS_PROPN, /* capitalised inside a sentence, acronyms */
  NKG_POS_VERB,
  NKG_POS_POSSMARK /* the ’s of "Kenya’s" */
} NkgPos;

typedef enum {
  NKG_FORM_NONE = 0,
  NKG_FORM_BASE,     /* sign */
  NKG_FORM_3SG,      /* signs */
  NKG_FORM_PAST,     /* signed: past tense or participle, which only context tells */
  NKG_FORM_PART,     /* been: certainly a participle */
  NKG_FORM_GER,      /* signing */
} NkgForm;

/* WordNet's lexicographer classes of nouns that rules ask about. */
typedef enum {
  NKG_NOUN_NONE = 0,
  NKG_NOUN_PERSON,
  NKG_NOUN_GROUP,
  NKG_NOUN_LOCATION,
  NKG_NOUN_ACT,
  NKG_NOUN_COMMUNICATION,
  NKG_NOUN_EVENT,
  NKG_NOUN_ARTIFACT,
  NKG_NOUN_TIME,
  NKG_NOUN_OTHER
} NkgNounClass;

typedef struct {
  guint8 pos;        /* NkgPos */
  guint8 form;       /* NkgForm, for verbs and auxiliaries */
  guint8 plural;     /* nouns: plural form */
  guint8 noun_class; /* NkgNounClass of the lemma's most frequent noun sense */
  guint lemma_word;  /* a lemma other than the token's lower case, and not
                      * capitalised: its word's number (words.h) + 1, or
                      * G_MAXUINT when no table knows it, found once per
                      * word the tagger reads; 0: not given (look the
                      * lemma up by its text) */
  const char *lemma; /* lower case (a name's as written); valid while the NkgTags and
                      * the segments it was made from live */
} NkgTag;

typedef struct NkgTags {
  GArray *tags;          /* NkgTag, one per token */
  GStringChunk *strings; /* lemmas */
} NkgTags;

/* Tags every token of the segments. */
NkgTags *nkg_tags_new (const NkgSegments *seg);
void nkg_tags_free (NkgTags *tags);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgTags, nkg_tags_free)

static inline const NkgTag *
nkg_tag_at (const NkgTags *tags, guint i)
{
  return &g_array_index (tags->tags, NkgTag, i);
}

/* Frees the readings kept of the words seen so far (a cache of up to
 * 200,000 words, about 1.4 KB each), for a caller that extracts nothing
 * more for a while: `build` once every article is read, so that the graph
 * it finishes next does not sit beside them. Not while another thread tags. */
void nkg_tags_drop_cache (void);

/* Loads the tables the tagger reads (WordNet's words, the closed
 * classes) now rather than at the first word, for a caller with a thread
 * that would otherwise wait. Safe from any thread. */
void nkg_tagger_load (void);

/* What WordNet says of a word (lower case): how often it is a noun, verb,
 * adjective, adverb (0: never), and its most frequent noun class. FALSE
 * when WordNet does not know it. */
gboolean nkg_wordnet_word (const char *lower, guint counts[4], NkgNounClass *noun_class);

/* WordNet knows the word, or its singular by a dropped "s" ("Measures",
 * "Affairs"). */
gboolean nkg_wordnet_word_or_singular (const char *lower);

/* WordNet knows the word (lower case) as it stands or as an inflected
 * form of a word it knows ("designed", "agreements"). */
gboolean nkg_wordnet_form_known (const char *lower);

/* The noun class of a noun lemma, in any of its senses: whether "envoy"
 * can be a person (NKG_NOUN_PERSON), "delegation" a group. */
gboolean nkg_wordnet_noun_can_be (const char *lemma, NkgNounClass klass);

/* "NOUN", "VERB", … for tests and debugging output. */
const char *nkg_pos_name (NkgPos pos);

G_END_DECLS
