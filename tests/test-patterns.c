/* Every example of every pattern in extract/data/patterns.txt: the facts
 * it must give are there, the ones marked '*' are not. Also the table's
 * own syntax errors are reported, not ignored. */
#include "extract/patterns.h"
#include "extract/relations-private.h"
#include "test-extract-helpers.h"

static void
run_pattern (gconstpointer data)
{
  const NkgPattern *p = data;
  g_assert_cmpuint (p->examples->len, >, 0);
  for (guint i = 0; i < p->examples->len; i++)
    {
      const NkgPatternExample *x = g_ptr_array_index (p->examples, i);
      g_autoptr (NkgDocFacts) f = extract_string (x->sentence);
      for (guint k = 0; k < x->must->len; k++)
        if (!has_fact_text (f, g_ptr_array_index (x->must, k)))
          g_error ("pattern %s, example %u (%s): missing %s", p->id, i + 1, x->sentence,
                   (const char *) g_ptr_array_index (x->must, k));
      for (guint k = 0; k < x->must_not->len; k++)
        if (has_fact_text (f, g_ptr_array_index (x->must_not, k)))
          g_error ("pattern %s, example %u (%s): must not give %s", p->id, i + 1, x->sentence,
                   (const char *) g_ptr_array_index (x->must_not, k));
    }
}

static void
test_syntax_errors (void)
{
  static const char *const bad[] = {
    "[x]\nmatch=NP:a FOO\nfacts=a signed a\n",
    "[x]\nmatch=NP:a{nonsense}\nfacts=\n",
    "[x]\nmatch=NP:a VG\nfacts=a signed\n",
    "[x]\nstates=signed\n",
    "[x]\ncode=titles\nmatch=NP\n",
    "[x]\ncode=titles\nexample1=Chile signed.\nexample1=Peru signed.\n",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      GPtrArray *t = nkg_patterns_parse (bad[i], NULL, &error);
      g_assert_null (t);
      g_assert_nonnull (error);
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ok = nkg_patterns_parse ("[x]\nmatch=^ NP+:a{signer} VG{@sign,active} NP:b{agreement}\n"
                                                 "facts=a signed b; b party a{country}\nconfidence=0.7\n",
                                                 "x\t0.61\t11\t18\n", &error);
  g_assert_no_error (error);
  const NkgPattern *p = g_ptr_array_index (ok, 0);
  g_assert_cmpuint (p->elements->len, ==, 4);
  g_assert_cmpuint (p->facts->len, ==, 2);
  g_assert_true (p->measured);
  g_assert_cmpfloat (p->confidence, ==, 0.61);
}

/* The word lists coref.c asks about are in the table (a list it names but
 * the table lacks would read as empty, silently), and each plural form of
 * an agreement's head belongs to one kind. */
static void
test_coref_lists (void)
{
  static const char *const kinds[] = { "kindagreement", "kindmou", "kindletter", "kindcommunique",
                                       "kindprotocol", "kindcharter", "kinddeclaration", "kindprogram" };
  static const char *const others[] = { "surnameparticle", "personparticle", "namerunparticle",
                                        "agreementnoncontent", "legalform", "namearticle", "orgnoun",
                                        "orgpossessed", "personverb", "personpronoun", "personnoun",
                                        "orgplural", "personplural", "dashpeople", "orgmadeby", "kindplural",
                                        "currencysign", "currencyprefix", "anothersigning", "termunit" };
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      GHashTable *set = nkg_patterns_list (others[i]);
      g_assert_nonnull (set);
      g_assert_cmpuint (g_hash_table_size (set), >, 0);
    }
  GHashTableIter it;
  gpointer w;
  g_hash_table_iter_init (&it, nkg_patterns_list ("kindplural"));
  while (g_hash_table_iter_next (&it, &w, NULL))
    {
      guint in = 0;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          GHashTable *set = nkg_patterns_list (kinds[k]);
          g_assert_nonnull (set);
          in += g_hash_table_contains (set, w);
        }
      if (in != 1)
        g_error ("kindplural %s is a head of %u kinds, not one", (const char *) w, in);
    }
  /* a sign, not a word, before an amount: "a $50 million loan agreement" */
  g_assert_true (nkg_patterns_in_list ("currencysign", "$"));
  /* case counts in namearticle: "The" opens a name, "Its" does not */
  g_assert_true (nkg_patterns_in_list ("namearticle", "The"));
  g_assert_false (g_hash_table_contains (nkg_patterns_list ("namearticle"), "Its"));
}

/* A token's lists, looked up once and kept in the token, answer as the
 * lists asked by name do: for every word of the lists the table's rows
 * and some of the C code name, in lower case and capitalised, and for
 * words in no list, asked twice (the second time from the token). */
static void
test_token_lists (void)
{
  const GPtrArray *table = nkg_patterns (NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  static const char *const more[] = { "acronymhead", "accompany", "signcue", "definite", "indefinite",
                                      "descstop", "eventmod", "sentencestart", "otherevent", "attendcue" };
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    g_ptr_array_add (names, (gpointer) more[i]);
  for (guint p = 0; p < table->len; p++)
    {
      const NkgPattern *row = g_ptr_array_index (table, p);
      for (guint e = 0; row->elements && e < row->elements->len; e++)
        {
          const NkgElem *el = g_ptr_array_index (row->elements, e);
          if (el->list)
            g_ptr_array_add (names, el->list);
          if (el->anylist)
            g_ptr_array_add (names, el->anylist);
        }
    }
  g_autoptr (GString) text = g_string_new ("Zorbly quints flanged the Vantree. ");
  for (guint i = 0; i < names->len; i++)
    {
      GHashTable *set = nkg_patterns_list (g_ptr_array_index (names, i));
      g_assert_nonnull (set);
      GHashTableIter it;
      gpointer w;
      g_hash_table_iter_init (&it, set);
      while (g_hash_table_iter_next (&it, &w, NULL))
        {
          g_autofree char *cap = g_strdup (w);
          cap[0] = g_ascii_toupper (cap[0]);
          g_string_append_printf (text, "%s %s , ", (const char *) w, cap);
        }
    }
  g_autoptr (NkgSegments) seg = nkg_segment (text->str);
  guint in = 0;
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < seg->tokens->len; k++)
      {
        const NkgToken *t = nkg_tok (seg, k);
        for (guint i = 0; i < names->len; i++)
          {
            const char *name = g_ptr_array_index (names, i);
            gboolean want = nkg_patterns_in_list (name, t->lower);
            if (nkg_patterns_tok_in_list (name, t) != want
                || nkg_patterns_word_list_tok_has (nkg_patterns_word_list (name), t) != want)
              g_error ("token %s, list %s: %s by name, not by token", t->text, name, want ? "in" : "not in");
            in += want;
          }
      }
  g_assert_cmpuint (in, >, 2 * names->len);
  g_assert_false (nkg_patterns_tok_in_list ("no such list", nkg_tok (seg, 0)));
  /* the call-site form, its list found on the first call and kept */
  guint definite = 0;
  for (guint round = 0; round < 2; round++)
    for (guint k = 0; k < seg->tokens->len; k++)
      {
        const NkgToken *t = nkg_tok (seg, k);
        gboolean want = nkg_patterns_in_list ("definite", t->lower);
        g_assert_cmpint (NKG_TOK_IN_LIST ("definite", t), ==, want);
        g_assert_false (NKG_TOK_IN_LIST ("no such list", t));
        definite += want;
      }
  g_assert_cmpuint (definite, >, 0);
}

/* nkg_patterns_word_list_longest: for every list and every first byte,
 * the length of the longest entry starting with it (0 when none does),
 * as counted from the entries themselves. */
static void
test_list_longest (void)
{
  /* lists with phrases of several words and lists of single words */
  static const char *const names[] = { "behalfcue", "bodytitle", "euinstitution", "chamber", "definite", "sidelead" };
  guint phrases = 0;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *name = names[i];
      gsize want[256] = { 0 };
      GHashTableIter it;
      gpointer w;
      g_hash_table_iter_init (&it, nkg_patterns_list (name));
      while (g_hash_table_iter_next (&it, &w, NULL))
        {
          gsize n = strlen (w);
          want[(guchar) * (const char *) w] = MAX (want[(guchar) * (const char *) w], n >= 63 ? G_MAXSIZE : n);
          phrases += strchr (w, ' ') != NULL;
        }
      for (guint b = 1; b < 256; b++)
        if (nkg_patterns_word_list_longest (nkg_patterns_word_list (name), (char) b) != want[b])
          g_error ("list %s, first byte %u: longest %zu, not %zu", name, b,
                   nkg_patterns_word_list_longest (nkg_patterns_word_list (name), (char) b), want[b]);
    }
  g_assert_cmpuint (phrases, >, 0);
  g_assert_cmpuint (nkg_patterns_word_list_longest (NULL, 'o'), ==, 0);
}

/* The sentences nkg_rel_match_index_fits gives each chunk row are those
 * where testing every row against every sentence finds all the row's
 * bits: on sentences holding a row's bits (and a few more), sentences
 * holding all of one row's but one, and sentences of random bits. */
static void
test_index_fits (void)
{
  g_autoptr (GError) error = NULL;
  const GPtrArray *table = nkg_patterns (&error);
  g_assert_no_error (error);
  NkgMatchIndex *ix = nkg_rel_match_index_new (table);
  guint w = nkg_rel_match_index_width (ix), n_rows = table->len, n_sent = 3 * n_rows + 64;
  g_autofree guint64 *have = g_new0 (guint64, (gsize) w * n_sent);
  GRand *rand = g_rand_new_with_seed (24);
  guint keyed = 0;
  for (guint s = 0; s < n_sent; s++)
    {
      guint64 *h = have + (gsize) w * s;
      guint p = s % n_rows;
      const guint64 *need = nkg_rel_match_index_need (ix, p);
      if (s < 2 * n_rows)
        for (guint i = 0; i < w; i++)
          h[i] = need[i];
      if (s >= n_rows && s < 2 * n_rows)
        {
          /* all of row p's bits but its lowest */
          for (guint i = 0; i < w; i++)
            if (h[i])
              {
                h[i] &= h[i] - 1;
                break;
              }
        }
      for (guint k = 0; k < (s < 2 * n_rows ? 2u : 24u); k++)
        {
          guint b = (guint) g_rand_int_range (rand, 0, (gint32) (64 * w));
          h[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
        }
    }
  g_rand_free (rand);
  g_autofree guint *fit_at = g_new (guint, n_rows + 1);
  g_autoptr (GArray) fit = g_array_new (FALSE, FALSE, sizeof (guint));
  nkg_rel_match_index_fits (ix, have, n_sent, fit_at, fit);
  for (guint p = 0; p < n_rows; p++)
    {
      if (nkg_rel_match_index_needs_nothing (ix, p))
        {
          g_assert_cmpuint (fit_at[p + 1], ==, fit_at[p]);
          continue;
        }
      keyed++;
      const guint64 *need = nkg_rel_match_index_need (ix, p);
      guint k = fit_at[p];
      for (guint s = 0; s < n_sent; s++)
        {
          gboolean all = TRUE;
          for (guint i = 0; i < w; i++)
            all &= !(need[i] & ~have[(gsize) w * s + i]);
          if (!all)
            continue;
          if (k >= fit_at[p + 1] || g_array_index (fit, guint, k) != s)
            g_error ("row %s: sentence %u holds its bits but is not among its fits",
                     ((const NkgPattern *) g_ptr_array_index (table, p))->id, s);
          k++;
        }
      g_assert_cmpuint (k, ==, fit_at[p + 1]);
    }
  g_assert_cmpuint (keyed, >, 10);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  setup_lexicon ();
  g_autoptr (GError) error = NULL;
  const GPtrArray *table = nkg_patterns (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < table->len; i++)
    {
      const NkgPattern *p = g_ptr_array_index (table, i);
      g_autofree char *path = g_strdup_printf ("/patterns/%s", p->id);
      g_test_add_data_func (path, p, run_pattern);
    }
  g_test_add_func ("/patterns/syntax-errors", test_syntax_errors);
  g_test_add_func ("/patterns/lists/coref", test_coref_lists);
  g_test_add_func ("/patterns/lists/tokens", test_token_lists);
  g_test_add_func ("/patterns/lists/longest", test_list_longest);
  g_test_add_func ("/patterns/index/fits", test_index_fits);
  return g_test_run ();
}
