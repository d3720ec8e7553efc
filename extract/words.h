/* words.h — one look-up per token for everything the tables know of its word.
 *
 * The lexicon's roles (nkg_lexicon_tok_roles), the pattern word lists
 * (NKG_TOK_IN_LIST) and the tagger's closed classes each used to find a
 * token's lower case in a table of their own: three hashes of the same
 * word and three string compares a token. Here every word any of those
 * tables holds is put once, at load time, in one frozen table whose entry
 * holds all they say of it; a token finds its entry once (nkg_word_entry)
 * and the three APIs read it from there. The tables keep their own
 * look-ups by string for callers that have no token.
 */
#pragma once

#include <glib.h>

#include "segment.h"

G_BEGIN_DECLS

typedef struct NkgWordEntry {
  guint number;          /* the word's number, below nkg_word_count (); G_MAXUINT
                          * for the empty entry of a word no table knows
                          * (nor is a proper prefix of a lexicon key) */
  guint roles;           /* the lexicon's roles (words.tsv), 0 when none */
  guint tail_roles;      /* the roles of the lexicon's words and phrases whose
                          * last letters and digits are this word
                          * (nkg_lexicon_tail_roles), 0 when none */
  const guint64 *lists;  /* the pattern word lists' bits, NULL when in none */
  gconstpointer closed;  /* the tagger's closed-class entry, NULL when none */
  gboolean no_phrase;    /* the word (ASCII) is no proper prefix of any word or
                          * phrase of the lexicon's roles: a span of tokens
                          * starting with it cannot be one (FALSE when unsure) */
} NkgWordEntry;

/* Finds the entry of token t's lower case (an all-empty one for a word no
 * table knows) and keeps it in the token (the token is its document's,
 * read by one thread); also fills the token's `roles` and `lists` memos.
 * Callers use nkg_word_entry. */
const NkgWordEntry *nkg_word_entry_find (const NkgToken *t);

/* The entry of token t's lower case, looked up the first time the token
 * is asked about (answered here, without a call, after that). */
static inline const NkgWordEntry *
nkg_word_entry (const NkgToken *t)
{
  return (t->flags & NKG_TOK_ENTRY) ? t->entry : nkg_word_entry_find (t);
}

/* How many words the table holds, for a caller keeping something per
 * word in an array (by NkgWordEntry.number). */
guint nkg_word_count (void);

/* The entry of a word (lower case) given as a string, NULL when no table
 * knows it (an all-empty one for a proper prefix of a lexicon key). */
const NkgWordEntry *nkg_word_lookup (const char *lower);

G_END_DECLS
