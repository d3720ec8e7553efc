/* patterns.h — the relation patterns as data.
 *
 * data/patterns.txt lists every relation pattern in the order it runs:
 * an id, what it states, either a pattern over chunks (chunks.h) or the
 * name of a pattern written in C, a confidence, and example sentences with
 * the facts each must and must not give (tests/test-patterns.c runs them
 * all). The confidence used is the pattern's measured precision from
 * data/pattern-confidence.tsv (made by tools/pattern-precision.py) when it
 * has one, else the file's own.
 */
#pragma once

#include <glib.h>

#include "segment.h"

G_BEGIN_DECLS

typedef enum {
  NKG_ELEM_START, /* ^ */
  NKG_ELEM_NP,
  NKG_ELEM_VG,
  NKG_ELEM_WORD,  /* 'by' */
  NKG_ELEM_GAP,   /* ... */
  NKG_ELEM_END    /* $: nothing but punctuation left in the sentence */
} NkgElemKind;

/* Class constraints of a noun phrase (bits). */
enum {
  NKG_WANT_PERSON = 1 << 0,
  NKG_WANT_COUNTRY = 1 << 1,
  NKG_WANT_ORG = 1 << 2,
  NKG_WANT_GOV = 1 << 3,
  NKG_WANT_CITY = 1 << 4,
  NKG_WANT_PLACE = 1 << 5,
  NKG_WANT_EVENT = 1 << 6,
  NKG_WANT_AGREEMENT = 1 << 7,
  NKG_WANT_SIGNER = 1 << 8
};

typedef struct {
  NkgElemKind kind;
  gboolean group;     /* NP+ */
  char *role;         /* NP: the role it binds, or NULL */
  guint want;         /* NP: NKG_WANT_* bits (0: any) */
  char *list;         /* NP head or VG verb: a word list's name, or NULL */
  char *anylist;      /* NP: a word list one of its words must be in ("the 15
                       * signatory countries" has "signatory"), or NULL */
  char *word;         /* WORD, or NP with 'w': the word */
  gboolean passive, active, gerund, planned; /* VG */
  gboolean no_verb;   /* GAP written "...-VG": it spans no verb group */
  /* WORD: the numbers (words.h) of the alternatives of `word` the tables
   * know, given by the match index (relations-match.c) so that a token
   * is compared by its word's number; NULL until then (compared as
   * text). `unknown`: some alternative is no table's word. */
  const guint *word_numbers;
  guint n_word_numbers;
  gboolean word_numbers_unknown;
} NkgElem;

typedef struct {
  char *subject;   /* a role */
  char *prop;      /* contract predicate's local name: "signed" */
  char *object;    /* a role, "@place", "@date" or "@agreement" (subjects too:
                    * the sentence's first agreement, else the article's) */
  guint object_want; /* NKG_WANT_* filter on the object's entities (0: all) */
} NkgFactSpec;

typedef struct {
  char *sentence;
  GPtrArray *must;     /* char*: "subject | predicate | object" */
  GPtrArray *must_not; /* char*: the same */
} NkgPatternExample;

typedef struct {
  char *id;
  char *states;
  char *code;         /* a C pattern's name, or NULL */
  char *match;        /* the chunk pattern as written, or NULL */
  GPtrArray *elements; /* NkgElem*, parsed `match` */
  GPtrArray *facts;    /* NkgFactSpec* */
  double confidence;   /* measured or, failing that, the file's */
  gboolean measured;   /* the confidence comes from pattern-confidence.tsv */
  gboolean document;   /* scope=document: runs once over the whole document, after
                        * the sentence patterns */
  GPtrArray *examples; /* NkgPatternExample* */
} NkgPattern;

/* All patterns, in order (loaded once, read-only). NULL with `error` set
 * when the table cannot be read or parsed. */
const GPtrArray *nkg_patterns (GError **error);

/* Whether `lemma` is in the named word list of the table. */
gboolean nkg_patterns_in_list (const char *list, const char *lemma);
/* Whether job title `title` (any case) ends in a word, or two words, of
 * the named list ("Foreign Minister" in "minister", "Prime Minister" in
 * "prime minister"). */
gboolean nkg_patterns_title_ends_in (const char *title, const char *list);

/* A word list found once, for a caller asking about every token of a
 * sentence: nkg_patterns_word_list_has (nkg_patterns_word_list (list),
 * lemma) is nkg_patterns_in_list (list, lemma). NULL when there is no
 * such list (then no lemma is in it). */
typedef struct NkgWordList NkgWordList;
const NkgWordList *nkg_patterns_word_list (const char *list);
gboolean nkg_patterns_word_list_has (const NkgWordList *list, const char *lemma);
/* The length in bytes of the longest entry of the list that starts with
 * byte `first`, 0 when none does: a caller matching phrases of several
 * words stops there. */
gsize nkg_patterns_word_list_longest (const NkgWordList *list, char first);

/* Whether token t's lower case is in the list: nkg_patterns_in_list (list,
 * t->lower) and nkg_patterns_word_list_has (list, t->lower), answered from
 * the lists the token's word is in, looked up once per token (and kept
 * in the token) rather than once per list asked about. */
gboolean nkg_patterns_tok_in_list (const char *list, const NkgToken *t);
gboolean nkg_patterns_word_list_tok_lookup (const NkgWordList *list, const NkgToken *t);

/* The start of every NkgWordList: the list's bit in a token's `lists`
 * (bit -1: none, a list read after they were indexed), so that a token
 * whose lists were looked up is answered here, without a call (the
 * code asks some lists about every token of a text). */
typedef struct {
  gint bit;
  guint word;    /* the guint64 of the bits that holds it */
  guint64 mask;  /* and its bit there */
} NkgWordListBit;

static inline gboolean
nkg_patterns_word_list_tok_has (const NkgWordList *list, const NkgToken *t)
{
  const NkgWordListBit *in = (const NkgWordListBit *) list;
  if (in && t && (t->flags & NKG_TOK_LISTS) && in->bit >= 0)
    return (t->lists[in->word] & in->mask) != 0;
  return nkg_patterns_word_list_tok_lookup (list, t);
}

/* nkg_patterns_word_list for a list named by a string literal, the list
 * found once per call site (the lists are read once and never change)
 * rather than by its name at every call: the code asks about a list per
 * token of a sentence, a million times a corpus, and finding a list by
 * its name costs more than the answer. */
#if defined(__GNUC__)
#define NKG_WORD_LIST(literal)                                                                     \
  G_GNUC_EXTENSION ({                                                                              \
    static const NkgWordList *nkg_list_at_;                                                        \
    const NkgWordList *nkg_list_ = g_atomic_pointer_get (&nkg_list_at_);                           \
    if (G_UNLIKELY (!nkg_list_))                                                                   \
      {                                                                                            \
        nkg_list_ = nkg_patterns_word_list ("" literal "");                                        \
        g_atomic_pointer_set (&nkg_list_at_, nkg_list_);                                           \
      }                                                                                            \
    nkg_list_;                                                                                     \
  })
#else
#define NKG_WORD_LIST(literal) nkg_patterns_word_list ("" literal "")
#endif

/* nkg_patterns_tok_in_list and nkg_patterns_in_list for a list named by
 * a string literal (NKG_WORD_LIST). */
#define NKG_TOK_IN_LIST(literal, t) nkg_patterns_word_list_tok_has (NKG_WORD_LIST (literal), (t))
#define NKG_IN_LIST(literal, lemma) nkg_patterns_word_list_has (NKG_WORD_LIST (literal), (lemma))

/* The set of a list's lemmas (NULL when there is no such list), for a
 * caller asking about many lemmas: nkg_patterns_in_list (list, lemma) is
 * set && lemma && g_hash_table_contains (set, lemma). */
GHashTable *nkg_patterns_list (const char *list);

/* Parses a table from text (tests). */
GPtrArray *nkg_patterns_parse (const char *text, const char *confidences, GError **error);

G_END_DECLS
