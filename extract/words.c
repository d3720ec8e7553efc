/* words.c — one look-up per token for everything the tables know of its word. */
#include "words.h"

#include "textutil.h"

/* The tables a word's entry is made of (each read once, by its module). */
GHashTable *nkg_lexicon_word_roles (void);
GHashTable *nkg_patterns_word_bits (const guint64 **none);
GHashTable *nkg_tagger_closed_words (void);

typedef struct {
  NkgWordIndex *index;   /* word → NkgWordEntry* */
  NkgWordEntry *entries;
  guint n;               /* how many */
  const guint64 *no_lists; /* the lists' bits of a word in none; NULL when the lists are not indexed */
} Words;

static const NkgWordEntry no_entry = { .number = G_MAXUINT };

/* Gives `word` an entry in `of` (word → index into the entries). */
static guint
entry_of (GHashTable *of, gpointer word)
{
  gpointer at;
  if (g_hash_table_lookup_extended (of, word, NULL, &at))
    return GPOINTER_TO_UINT (at);
  guint n = g_hash_table_size (of);
  g_hash_table_insert (of, word, GUINT_TO_POINTER (n));
  return n;
}

/* Sets no_phrase on the entries (`of`: word → NkgWordEntry*) of ASCII
 * words that are no proper prefix of any key of the lexicon's roles
 * (`prefixes`: the entry numbers of every such prefix, add_phrase_prefixes):
 * a multi-token span's lower case starts with its first token's and is
 * longer, so it is no key when that token's word is none's proper prefix. */
static void
mark_no_phrase (GHashTable *of, NkgWordEntry *entries, GArray *prefixes)
{
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, of);
  while (g_hash_table_iter_next (&it, &key, &value))
    ((NkgWordEntry *) value)->no_phrase = nkg_text_is_ascii (key, -1);
  for (guint i = 0; i < prefixes->len; i++)
    entries[g_array_index (prefixes, guint, i)].no_phrase = FALSE;
}

/* Gives every proper prefix of a key of `roles` that no table knows an
 * entry of its own (all empty: no roles, lists or closed class), so that
 * a word with no entry is no proper prefix of any key either and a span
 * starting with it (ASCII) need not be looked up (nkg_lexicon_tok_starts_phrase),
 * and adds the entry number of every proper prefix to `numbers`
 * (mark_no_phrase). The prefixes are kept for the life of the process, as
 * the index borrows its keys. */
static void
add_phrase_prefixes (GHashTable *roles, GHashTable *of, GArray *numbers)
{
  static GStringChunk *prefixes;
  if (!roles)
    return;
  prefixes = g_string_chunk_new (4096);
  GHashTableIter it;
  gpointer key;
  char buf[128];
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      const char *k = key;
      gsize n = strlen (k);
      g_autofree char *heap = NULL;
      char *prefix = buf;
      if (n < sizeof buf)
        memcpy (buf, k, n);
      else
        prefix = heap = g_strndup (k, n);
      prefix[n] = '\0';
      for (gsize p = n; p-- > 1;)
        {
          prefix[p] = '\0';
          gpointer at;
          guint number;
          if (g_hash_table_lookup_extended (of, prefix, NULL, &at))
            number = GPOINTER_TO_UINT (at);
          else
            number = entry_of (of, g_string_chunk_insert (prefixes, prefix));
          g_array_append_val (numbers, number);
        }
    }
}

/* Gives every tail of a key of `roles` (nkg_text_word_tail) an entry (an empty one
 * when no table knows it), kept for the life of the process as the index
 * borrows its keys; their roles are filled by fill_tail_roles. */
static void
add_tails (GHashTable *roles, GHashTable *of)
{
  static GStringChunk *tails;
  if (!roles)
    return;
  tails = g_string_chunk_new (4096);
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      const char *tail = nkg_text_word_tail (key);
      if (*tail && !g_hash_table_contains (of, tail))
        entry_of (of, g_string_chunk_insert (tails, tail));
    }
}

/* Each entry's tail_roles: the roles of the keys of `roles` ending in it,
 * as the lexicon's tails table has them (`of`: word → index). */
static void
fill_tail_roles (GHashTable *roles, GHashTable *of, NkgWordEntry *entries)
{
  if (!roles)
    return;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const char *tail = nkg_text_word_tail (key);
      gpointer at;
      if (*tail && g_hash_table_lookup_extended (of, tail, NULL, &at))
        entries[GPOINTER_TO_UINT (at)].tail_roles |= GPOINTER_TO_UINT (value);
    }
}

static gpointer
load (gpointer unused)
{
  (void) unused;
  Words *w = g_new0 (Words, 1);
  GHashTable *roles = nkg_lexicon_word_roles ();
  GHashTable *lists = nkg_patterns_word_bits (&w->no_lists);
  GHashTable *closed = nkg_tagger_closed_words ();
  GHashTable *sources[] = { roles, lists, closed };
  /* number every word of the three tables, then fill its entry */
  g_autoptr (GHashTable) of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      GHashTableIter it;
      gpointer key;
      if (!sources[s])
        continue;
      g_hash_table_iter_init (&it, sources[s]);
      while (g_hash_table_iter_next (&it, &key, NULL))
        entry_of (of, key);
    }
  g_autoptr (GArray) prefix_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  add_phrase_prefixes (roles, of, prefix_numbers);
  add_tails (roles, of);
  w->n = g_hash_table_size (of);
  w->entries = g_new0 (NkgWordEntry, MAX (1, w->n));
  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      GHashTableIter it;
      gpointer key, value;
      if (!sources[s])
        continue;
      g_hash_table_iter_init (&it, sources[s]);
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          NkgWordEntry *e = &w->entries[entry_of (of, key)];
          if (sources[s] == roles)
            e->roles = GPOINTER_TO_UINT (value);
          else if (sources[s] == lists)
            e->lists = value;
          else
            e->closed = value;
        }
    }
  fill_tail_roles (roles, of, w->entries);
  for (guint i = 0; i < w->n; i++)
    w->entries[i].number = i;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, of);
  while (g_hash_table_iter_next (&it, &key, &value))
    g_hash_table_iter_replace (&it, &w->entries[GPOINTER_TO_UINT (value)]);
  mark_no_phrase (of, w->entries, prefix_numbers);
  /* the index borrows the keys, which the three tables keep for the life
   * of the process */
  w->index = nkg_word_index_new (of);
  return w;
}

static const Words *
words (void)
{
  static GOnce once = G_ONCE_INIT;
  return g_once (&once, load, NULL);
}

const NkgWordEntry *
nkg_word_entry_find (const NkgToken *t)
{
  if (!(t->flags & NKG_TOK_ENTRY))
    {
      const Words *w = words ();
      NkgToken *memo = (NkgToken *) t;
      const NkgWordEntry *e = nkg_word_index_lookup (w->index, t->lower, t->hash);
      memo->entry = e ? e : &no_entry;
      memo->roles = memo->entry->roles;
      memo->flags |= NKG_TOK_ENTRY | NKG_TOK_ROLES;
      /* (a lower case starting with a capital, which a token's never
       * is, is left to nkg_patterns_word_list_has, as it always was) */
      if (w->no_lists && (guchar) (*t->lower - 'A') >= 26)
        {
          memo->lists = memo->entry->lists ? memo->entry->lists : w->no_lists;
          memo->flags |= NKG_TOK_LISTS;
        }
    }
  return t->entry;
}

guint
nkg_word_count (void)
{
  return words ()->n;
}

const NkgWordEntry *
nkg_word_lookup (const char *lower)
{
  return nkg_word_index_lookup (words ()->index, lower, g_str_hash (lower));
}
