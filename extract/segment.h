/* segment.h — clean text to sentences and tokens.
 *
 * Abbreviation-aware: "K. Raghavan", "U.S.", "Mr.", "Sept. 6" do not end
 * sentences; a sentence never ends inside a double quotation, so a quote
 * of several sentences stays with its "he said". Every token keeps its
 * byte offsets into the text, so any span can be cut out as written.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NKG_TOK_WORD = 1 << 0,    /* letters or digits */
  NKG_TOK_CAP = 1 << 1,     /* starts with an upper-case letter */
  NKG_TOK_UPPER = 1 << 2,   /* two or more letters, all upper case: "MEA", "U.S." */
  NKG_TOK_NUM = 1 << 3,     /* starts with a digit */
  NKG_TOK_PUNCT = 1 << 4,
  NKG_TOK_QUOTE = 1 << 5,   /* a quotation mark */
  NKG_TOK_OPEN = 1 << 6,    /* opening quotation mark */
  NKG_TOK_CLOSE = 1 << 7,   /* closing quotation mark */
  NKG_TOK_SPACE = 1 << 8,   /* white space before it */
  NKG_TOK_LINE = 1 << 9,    /* first token of a paragraph */
  NKG_TOK_ABBREV = 1 << 10, /* ends in an abbreviation's full stop: "Mr.", "S." */
  NKG_TOK_HANDLE = 1 << 11, /* "@GWalton" */
  NKG_TOK_DASH = 1 << 12,   /* hyphen, en or em dash */
  NKG_TOK_INQUOTE = 1 << 13, /* inside a double quotation */
  NKG_TOK_POSS = 1 << 14,    /* possessive "’s" or the "’" of "Ministers’" */
  NKG_TOK_ROLES = 1 << 15,   /* `roles` holds the lexicon's roles of `lower` */
  NKG_TOK_LISTS = 1 << 16,   /* `lists` holds the pattern word lists `lower` is in */
  NKG_TOK_ENTRY = 1 << 17,   /* `entry` holds what the tables know of `lower` (words.h) */
  NKG_TOK_ALNUM = 1 << 18    /* ASCII letters and digits only: its lower case is its own
                              * tail (nkg_lexicon_tok_tail_agreement) */
} NkgTokenFlags;

typedef struct {
  guint start, end; /* byte range in the text */
  guint flags;
  guint hash;  /* g_str_hash (lower) */
  char *text;  /* as written */
  char *lower; /* lower case */
  guint roles; /* nkg_lexicon_tok_roles() keeps its answer here */
  const guint64 *lists; /* nkg_patterns_tok_in_list() keeps here a bit per word list */
  const struct NkgWordEntry *entry; /* nkg_word_entry() keeps its answer here */
} NkgToken;

typedef struct {
  guint first, last; /* token range [first, last) */
  guint start, end;  /* byte range in the text */
  guint line;        /* paragraph number */
} NkgSentence;

typedef struct {
  NkgToken *tok;    /* tokens->data, which nkg_tok reads with one load (the array
                     * never changes after nkg_segment) */
  const char *text; /* not owned */
  GArray *tokens;   /* NkgToken */
  GArray *sentences; /* NkgSentence */
  guint cut_sentences; /* sentences too long for the rules, cut into pieces */
  GStringChunk *strings; /* the tokens' text and lower case that text_block had no room for */
  char *text_block;      /* the tokens' text and lower case, mostly */
  gsize text_block_size;
} NkgSegments;

NkgSegments *nkg_segment (const char *text);
void nkg_segments_free (NkgSegments *seg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NkgSegments, nkg_segments_free)

static inline NkgToken *
nkg_tok (const NkgSegments *seg, guint i)
{
  return &seg->tok[i];
}

/* The text between two tokens' outer edges, as written: tokens [a, b). */
char *nkg_segments_span (const NkgSegments *seg, guint a, guint b);

/* The same made in `buf` (of `size` bytes) when it fits, without
 * allocating; else a new string left in *heap for the caller to free. */
const char *nkg_segments_span_buf (const NkgSegments *seg, guint a, guint b, char *buf, gsize size, char **heap);

G_END_DECLS
