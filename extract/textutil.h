/* textutil.h — small string helpers shared by the extraction stages.
 *
 * Keys for lexicon lookups fold away what news spells inconsistently
 * (accents, curly apostrophes, en dashes) so "Bogotá" finds "Bogota".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lookup key: ASCII transliteration, straight apostrophes, '-' for dashes,
 * single spaces. Case is kept: "US" and "us" differ. */
char *nkg_text_key (const char *s);

/* nkg_text_key (s) made in `buf` (of `size` bytes) when s is ASCII and
 * shorter than `size`, without allocating; else a new string left in
 * *heap for the caller to free. */
const char *nkg_text_key_buf (const char *s, char *buf, gsize size, char **heap);

/* Lower case, as g_utf8_strdown, fast on ASCII. */
char *nkg_text_lower (const char *s);

/* Whether the first `len` bytes of `s` (-1: up to its NUL) are ASCII
 * without NUL. */
gboolean nkg_text_is_ascii (const char *s, gssize len);
/* The ASCII letters and digits that end s ("intent" of "letter of
 * intent"; "" when s ends otherwise): the lexicon's tails are keyed by it. */
const char *nkg_text_word_tail (const char *s);
/* Whether the lower-case word w is an ordinal in digits: "16th", "41st", "2nd". */
gboolean nkg_text_digit_ordinal (const char *w);

/* TRUE when the `len` bytes of `s` are valid UTF-8 without NUL whose
 * characters are all of a set that g_utf8_normalize (NFC) leaves as it is,
 * so normalising can be skipped; FALSE says nothing. */
gboolean nkg_text_nfc_stable (const char *s, gsize len);

/* g_utf8_normalize (s, len, G_NORMALIZE_NFC) in linear time: GLib's
 * composition step moves the rest of the buffer for every character it
 * composes, so one long text with accents costs length × accents (a
 * 10 MB article: half a minute). The text is normalised in pieces of a
 * few KB cut just before an ASCII byte — ASCII has no combining class and
 * never composes with what precedes it, so the pieces' NFC joined is the
 * whole text's NFC. NULL where GLib gives NULL (not valid UTF-8). */
char *nkg_text_nfc (const char *s, gssize len);

/* Number of space-separated words. */
guint nkg_text_count_words (const char *s);

/* nkg_text_count_words (s) > n, reading no further than the word that
 * makes it so (a paragraph need not be counted to know it is no byline). */
gboolean nkg_text_words_over (const char *s, guint n);

/* TRUE when `s` has letters and none is lower case. */
gboolean nkg_text_is_upper (const char *s);

/* "ISTANBUL" → "Istanbul", "NEW DELHI" → "New Delhi". */
char *nkg_text_titlecase (const char *s);

/* Collapses runs of white space to one space and trims. */
char *nkg_text_squeeze (const char *s);

/* Whether the n bytes of s are ASCII that nkg_text_squeeze and
 * nkg_text_key leave as they are: no control byte (so no white space but
 * ' ', and no NUL), no space first or last, no two spaces in a row. */
gboolean nkg_text_ascii_squeezed (const char *s, gsize n);

/* g_ascii_tolower without a call: a letter of every token of every
 * article goes through it. */
static inline char
nkg_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

/* Where the keys of a sorted table start, by their first two bytes: a
 * binary search over a table of hundreds of thousands of keys mostly
 * misses the cache; within one bucket it is a few steps. Keys sort as
 * strcmp does; `buckets[b] .. buckets[b + 1]` are the indexes of the keys
 * whose first two bytes are b (nkg_prefix_bucket). */
#define NKG_PREFIX_BUCKETS 65536

static inline guint
nkg_prefix_bucket (const char *key)
{
  guchar a = (guchar) key[0];
  return a ? (guint) a << 8 | (guchar) key[1] : 0;
}

/* Fills buckets (NKG_PREFIX_BUCKETS + 1 entries) from the buckets of n
 * keys in order (bucket_of (data, i) of key i); FALSE when they are not
 * in order, and then the index is not to be used. */
gboolean nkg_prefix_index (guint32 *buckets, guint32 n, guint (*bucket_of) (gconstpointer data, guint32 i),
                           gconstpointer data);

/* One step of g_str_hash over a string's next byte: a string's hash can
 * be made while reading it for something else. */
/* An initializer of 256 entries, F (c) for each byte value c: tables of
 * byte classes made at compile time, for loops that read every byte of a
 * text (one look-up where tests compiled to a dozen instructions). */
#define NKG_BYTE_TABLE_4(F, c) F (c), F ((c) + 1), F ((c) + 2), F ((c) + 3)
#define NKG_BYTE_TABLE_16(F, c) \
  NKG_BYTE_TABLE_4 (F, c), NKG_BYTE_TABLE_4 (F, (c) + 4), NKG_BYTE_TABLE_4 (F, (c) + 8), NKG_BYTE_TABLE_4 (F, (c) + 12)
#define NKG_BYTE_TABLE_64(F, c) \
  NKG_BYTE_TABLE_16 (F, c), NKG_BYTE_TABLE_16 (F, (c) + 16), NKG_BYTE_TABLE_16 (F, (c) + 32), NKG_BYTE_TABLE_16 (F, (c) + 48)
#define NKG_BYTE_TABLE(F) \
  { NKG_BYTE_TABLE_64 (F, 0), NKG_BYTE_TABLE_64 (F, 64), NKG_BYTE_TABLE_64 (F, 128), NKG_BYTE_TABLE_64 (F, 192) }

#define NKG_STR_HASH_SEED 5381u
static inline guint
nkg_str_hash_step (guint h, char c)
{
  return (h << 5) + h + (guint) (signed char) c;
}

/* A read-only copy of a table whose keys are strings, looked up with the
 * key's g_str_hash already made (a token's, NkgToken.hash): each token's
 * word is hashed once however many tables ask about it. Borrows the
 * table's keys and values. */
typedef struct NkgWordIndex NkgWordIndex;
NkgWordIndex *nkg_word_index_new (GHashTable *table);
void nkg_word_index_free (NkgWordIndex *ix);
gpointer nkg_word_index_lookup (const NkgWordIndex *ix, const char *key, guint hash);

/* A table from strings (their g_str_hash given) to values, meant to be
 * kept by a thread and emptied per document: emptying costs nothing (the
 * slots carry the round they were filled in, and a slot of an earlier
 * round reads as empty) and the slots, once grown, stay for the next
 * document — no malloc per document, nor per growth once big enough.
 * Borrows its keys, which must live until the next clear. */
typedef struct NkgStrMemo NkgStrMemo;
NkgStrMemo *nkg_str_memo_new (void);
void nkg_str_memo_free (NkgStrMemo *m);
void nkg_str_memo_clear (NkgStrMemo *m);
gpointer nkg_str_memo_lookup (const NkgStrMemo *m, const char *key, guint hash);
/* Adds key (not already in it) with its value, not NULL. */
void nkg_str_memo_insert (NkgStrMemo *m, const char *key, guint hash, gpointer value);

G_END_DECLS
