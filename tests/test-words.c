/* Unit tests for words.c: a token's one look-up (its NkgWordEntry) must
 * answer what each table answers by the word's string — the lexicon's
 * roles, every pattern word list, the tagger's closed classes — for
 * every word those tables hold and for words none holds. */
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon.h"
#include "extract/patterns.h"
#include "extract/tableindex.h"
#include "extract/tagger.h"
#include "extract/textutil.h"
#include "extract/words.h"

GResource *nkg_data_get_resource (void);
GResource *nkg_syntax_get_resource (void);

/* The first field of every row of a TSV resource. */
static void
add_first_fields (GPtrArray *words, GResource *res, const char *path)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (res, path, 0, NULL);
  g_assert_nonnull (bytes);
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);
  g_autofree char *text = g_strndup (data, n);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (!*lines[i] || lines[i][0] == '#')
        continue;
      char *tab = strchr (lines[i], '\t');
      if (tab)
        *tab = '\0';
      g_ptr_array_add (words, g_strdup (lines[i]));
    }
}

/* The word lists the patterns name. */
static GPtrArray *
pattern_lists (void)
{
  GPtrArray *names = g_ptr_array_new ();
  const GPtrArray *table = nkg_patterns (NULL);
  g_assert_nonnull (table);
  for (guint p = 0; p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      for (guint e = 0; row->elements && e < row->elements->len; e++)
        {
          const NkgElem *el = g_ptr_array_index (row->elements, e);
          const char *both[] = { el->list, el->anylist };
          for (guint k = 0; k < 2; k++)
            if (both[k] && !g_ptr_array_find_with_equal_func (names, both[k], g_str_equal, NULL))
              g_ptr_array_add (names, (gpointer) both[k]);
        }
    }
  return names;
}

static void
test_entry_answers_as_tables (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLexicon) lex = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  add_first_fields (words, nkg_data_get_resource (), "/org/newskg/data/words.tsv");
  guint lexicon_words = words->len;
  add_first_fields (words, nkg_syntax_get_resource (), "/org/newskg/syntax/closed-class.tsv");
  guint closed_from = lexicon_words, closed_to = words->len;
  g_autoptr (GPtrArray) lists = pattern_lists ();
  g_assert_cmpuint (lists->len, >, 10);
  for (guint l = 0; l < lists->len; l++)
    {
      GHashTable *set = nkg_patterns_list (g_ptr_array_index (lists, l));
      GHashTableIter it;
      gpointer w;
      g_hash_table_iter_init (&it, set);
      while (set && g_hash_table_iter_next (&it, &w, NULL))
        g_ptr_array_add (words, g_strdup (w));
    }
  /* and words no table holds (invented) */
  const char *none[] = { "zorvellian", "quibblestad", "x", "" };
  for (guint i = 0; i < G_N_ELEMENTS (none); i++)
    g_ptr_array_add (words, g_strdup (none[i]));

  guint known = 0;
  g_autoptr (GHashTable) numbers = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      /* a token as nkg_segment makes one, asked about for the first time */
      NkgToken t = { 0 };
      t.text = t.lower = (char *) w;
      t.hash = g_str_hash (w);
      t.flags = NKG_TOK_WORD;
      const NkgWordEntry *e = nkg_word_entry (&t);
      g_assert_true (e == nkg_word_entry (&t));
      g_assert_cmpuint (nkg_lexicon_tok_roles (lex, &t), ==, nkg_lexicon_word (lex, w));
      g_assert_cmpuint (e->roles, ==, nkg_lexicon_word (lex, w));
      for (guint l = 0; l < lists->len; l++)
        {
          const char *list = g_ptr_array_index (lists, l);
          if (nkg_patterns_tok_in_list (list, &t) != nkg_patterns_in_list (list, w))
            g_error ("\"%s\" in list %s: %d by its token, %d by its string", w, list,
                     nkg_patterns_tok_in_list (list, &t), nkg_patterns_in_list (list, w));
        }
      if (i >= closed_from && i < closed_to)
        g_assert_nonnull (e->closed);
      /* one entry, one number, for a known word; the same entry by its string */
      if (e->number != G_MAXUINT)
        {
          known++;
          g_assert_cmpuint (e->number, <, nkg_word_count ());
          g_assert_true (nkg_word_lookup (w) == e);
          gpointer had = g_hash_table_lookup (numbers, GUINT_TO_POINTER (e->number + 1));
          g_assert_true (!had || strcmp (had, w) == 0);
          g_hash_table_insert (numbers, GUINT_TO_POINTER (e->number + 1), (gpointer) w);
        }
      else
        g_assert_null (nkg_word_lookup (w));
    }
  /* (lists only the C code names are not sampled: not every word is) */
  g_assert_cmpuint (known, >, 0);
  g_assert_cmpuint (g_hash_table_size (numbers), <=, nkg_word_count ());
  /* an invented word is in no table */
  NkgToken t = { 0 };
  t.text = t.lower = (char *) "zorvellian";
  t.hash = g_str_hash (t.lower);
  g_assert_cmpuint (nkg_word_entry (&t)->number, ==, G_MAXUINT);
  g_assert_null (nkg_word_entry (&t)->closed);
  /* "minister" is a lexicon word (a title) and no closed-class word;
   * "the" is a closed-class word */
  t = (NkgToken) { .text = (char *) "minister", .lower = (char *) "minister", .hash = g_str_hash ("minister") };
  g_assert_cmpuint (nkg_word_entry (&t)->roles, !=, 0);
  g_assert_null (nkg_word_entry (&t)->closed);
  t = (NkgToken) { .text = (char *) "the", .lower = (char *) "the", .hash = g_str_hash ("the") };
  g_assert_nonnull (nkg_word_entry (&t)->closed);
}

GHashTable *nkg_lexicon_word_roles (void);

/* A word marked as starting no phrase is no proper prefix of any word or
 * phrase of the lexicon (else a span look-up would be skipped wrongly),
 * and the mark is set on some words (else nothing is spared). */
static void
test_no_phrase_mark (void)
{
  GHashTable *roles = nkg_lexicon_word_roles ();
  g_assert_nonnull (roles);
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, NULL))
    for (gsize p = 1; p < strlen (key); p++)
      {
        g_autofree char *prefix = g_strndup (key, p);
        const NkgWordEntry *e = nkg_word_lookup (prefix);
        /* (a prefix with no entry would be taken for a word starting none) */
        if (!e)
          g_error ("\"%s\" starts \"%s\" but has no entry", prefix, (const char *) key);
        if (e->no_phrase)
          g_error ("\"%s\" marked as starting no phrase, but starts \"%s\"", prefix, (const char *) key);
      }
  /* "prime minister" is a title: "prime" may start a phrase */
  g_assert_true (g_hash_table_contains (roles, "prime minister"));
  g_assert_false (nkg_word_lookup ("prime")->no_phrase);
  guint marked = 0;
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, NULL))
    marked += nkg_word_lookup (key)->no_phrase;
  g_assert_cmpuint (marked, >, 0);
}

/* Every proper prefix of a word or phrase of the lexicon has an entry
 * (one of its own when no table knows it: test_no_phrase_mark), so a
 * token whose ASCII word has no entry starts no phrase and its spans are
 * not looked up; a non-ASCII word with none is left unsure. */
static void
test_unknown_word_starts_no_phrase (void)
{
  char unknown[] = "qorvelant", accented[] = "qorvélant", prefix[] = "pri";
  char *words[] = { unknown, accented, prefix };
  gboolean starts[] = { FALSE, TRUE, TRUE };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      NkgToken t = { .lower = words[i], .hash = g_str_hash (words[i]) };
      g_assert_cmpint (nkg_lexicon_tok_starts_phrase (NULL, &t), ==, starts[i]);
    }
  g_assert_null (nkg_word_lookup (unknown));
  g_assert_cmpuint (nkg_word_lookup (prefix)->roles, ==, 0);
}

/* A token's tail roles (its entry's, when it is letters and digits alone,
 * NKG_TOK_ALNUM) are what the lexicon's tails table says of its lower
 * case: for the tail of every word and phrase of the lexicon, the words
 * themselves, and words no table knows, as nkg_segment makes them. */
static void
test_tail_roles_answer_as_lexicon (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLexicon) lex = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  GHashTable *roles = nkg_lexicon_word_roles ();
  g_assert_nonnull (roles);
  g_autoptr (GString) text = g_string_new ("Zorvellian co-operation, memoranda 2024 MoU x9 r\u00e9gime.");
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_string_append_printf (text, " %s.", (const char *) key);
  g_autoptr (NkgSegments) seg = nkg_segment (text->str);
  guint alnum = 0, agreement = 0;
  for (guint i = 0; i < seg->tokens->len; i++)
    {
      const NkgToken *t = nkg_tok (seg, i);
      gboolean plain = *t->lower != '\0';
      for (const char *p = t->lower; *p; p++)
        plain &= g_ascii_isalnum (*p);
      if (!!(t->flags & NKG_TOK_ALNUM) != plain)
        g_error ("\"%s\": NKG_TOK_ALNUM %s", t->text, plain ? "not set" : "set");
      gboolean by_string = nkg_lexicon_tail_agreement (lex, t->lower);
      if (nkg_lexicon_tok_tail_agreement (lex, t) != by_string)
        g_error ("\"%s\": an agreement's tail %d by its token, %d by its string", t->lower, !by_string, by_string);
      if (t->flags & NKG_TOK_ALNUM)
        {
          alnum++;
          g_assert_cmpuint (nkg_word_entry (t)->tail_roles, ==, nkg_lexicon_tail_roles (lex, t->lower));
        }
      agreement += by_string;
    }
  /* (not vacuous: the fast answer is given, and sometimes yes) */
  g_assert_cmpuint (alnum, >, 100);
  g_assert_cmpuint (agreement, >, 10);
}

/* A span of tokens whose lower case is a word or phrase of the lexicon
 * with roles ends with a token that may end one (else its look-up would
 * be skipped wrongly): every word and phrase, as nkg_segment makes them,
 * the spans as written and a pair's words one space apart; and some
 * tokens are told to end none (else nothing is spared). */
static void
test_ends_phrase (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLexicon) lex = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  GHashTable *roles = nkg_lexicon_word_roles ();
  g_assert_nonnull (roles);
  g_autoptr (GString) text = g_string_new ("Zorvellian co-operation, memoranda 2024 MoU x9 r\u00e9gime in the talks.");
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, roles);
  while (g_hash_table_iter_next (&it, &key, NULL))
    g_string_append_printf (text, " The %s met.", (const char *) key);
  g_autoptr (NkgSegments) seg = nkg_segment (text->str);
  guint ends_none = 0, keys = 0;
  for (guint b = 1; b <= seg->tokens->len; b++)
    {
      gboolean ends = nkg_lexicon_tok_ends_phrase (lex, seg, b - 1);
      ends_none += !ends;
      for (guint a = b > 8 ? b - 8 : 0; a < b; a++)
        {
          g_autofree char *span = nkg_segments_span (seg, a, b);
          g_autofree char *lower = nkg_text_lower (span);
          if (nkg_lexicon_word (lex, lower) == 0)
            continue;
          keys++;
          if (!ends)
            g_error ("\"%s\" is a phrase of the lexicon, but its last token is said to end none", lower);
        }
      if (b >= 2)
        {
          g_autofree char *pair = g_strconcat (nkg_tok (seg, b - 2)->lower, " ", nkg_tok (seg, b - 1)->lower, NULL);
          if (nkg_lexicon_word (lex, pair) != 0 && !ends)
            g_error ("\"%s\" is a phrase of the lexicon, but its last token is said to end none", pair);
        }
    }
  g_assert_cmpuint (keys, >, g_hash_table_size (roles) / 2);
  g_assert_cmpuint (ends_none, >, 0);
}

/* The tagger's index of wordnet.tsv (line offsets and buckets, made at
 * build time by data/nkg-tableindex) finds every word of the table as a
 * walk of its lines would: each word with a counts line is known with the
 * counts of its last such line, a word with only irregular-form lines is
 * not, and a word with a letter more is known only when the table has it
 * as a word. The index is one of this table (its header's length). */
static void
test_wordnet_index_finds_every_word (void)
{
  g_autoptr (GBytes) bytes = g_resource_lookup_data (nkg_syntax_get_resource (), "/org/newskg/syntax/wordnet.tsv", 0, NULL);
  g_autoptr (GBytes) index = g_resource_lookup_data (nkg_syntax_get_resource (), "/org/newskg/syntax/wordnet.idx", 0, NULL);
  g_assert_nonnull (bytes);
  g_assert_nonnull (index);
  gsize len, index_len;
  const char *data = g_bytes_get_data (bytes, &len), *end = data + len;
  const char *index_data = g_bytes_get_data (index, &index_len);
  g_autofree char *index_copy = g_memdup2 (index_data, index_len);
  g_assert_nonnull (nkg_table_index_header (index_copy, index_len, len));
  /* word → its last counts line's four counts (NULL: irregular forms only) */
  g_autoptr (GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (const char *p = data; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      g_autofree char *line = g_strndup (p, line_end - p);
      g_auto (GStrv) f = g_strsplit (line, "\t", 3);
      g_assert_nonnull (f[0]);
      g_assert_nonnull (f[1]);
      guint *counts = NULL;
      if (strcmp (f[1], "=") != 0)
        {
          counts = g_new (guint, 4);
          char *num = f[1];
          for (guint i = 0; i < 4; i++)
            counts[i] = (guint) strtoul (num, &num, 10);
        }
      if (counts || !g_hash_table_contains (words, f[0]))
        g_hash_table_insert (words, g_strdup (f[0]), counts);
      p = nl ? nl + 1 : end;
    }
  g_assert_cmpuint (g_hash_table_size (words), >, 50000);
  guint wrong = 0;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, words);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      const guint *want = value;
      guint counts[4];
      gboolean found = nkg_wordnet_word (key, counts, NULL);
      if (found != (want != NULL) || (want && memcmp (counts, want, sizeof counts) != 0))
        {
          if (wrong++ < 5)
            g_printerr ("\"%s\": WordNet says %s, its table %s\n", (const char *) key, found ? "known" : "unknown",
                        want ? "a word" : "irregular forms only");
        }
      g_autofree char *more = g_strconcat (key, "q", NULL);
      if (nkg_wordnet_word (more, NULL, NULL) != (g_hash_table_lookup (words, more) != NULL))
        {
          if (wrong++ < 5)
            g_printerr ("\"%s\": known or not, not as its table says\n", more);
        }
    }
  g_assert_cmpuint (wrong, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/words/entry-answers-as-tables", test_entry_answers_as_tables);
  g_test_add_func ("/words/no-phrase-mark", test_no_phrase_mark);
  g_test_add_func ("/words/unknown-word-starts-no-phrase", test_unknown_word_starts_no_phrase);
  g_test_add_func ("/words/tail-roles-answer-as-lexicon", test_tail_roles_answer_as_lexicon);
  g_test_add_func ("/words/ends-phrase", test_ends_phrase);
  g_test_add_func ("/words/wordnet-index-finds-every-word", test_wordnet_index_finds_every_word);
  return g_test_run ();
}
