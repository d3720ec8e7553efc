/* Extraction on long and repetitive documents: the caps that keep its
 * cost linear say so in the document's warnings, and the hashed lookups
 * of NkgDocFacts behave as the linear searches they replaced. */
#include "test-extract-helpers.h"

/* A paragraph of many clauses and no full stop is cut into pieces that
 * the rules can afford, and the cut is reported. */
static void
test_long_sentence_cut (void)
{
  g_autoptr (GString) text = g_string_new ("Foreign Minister Lena Vorst met Trade Minister Omar Kell in Lisbon");
  for (guint i = 0; i < 300; i++)
    g_string_append (text, ", and the talks went on");
  g_autoptr (NkgDocFacts) f = extract_string (text->str);
  g_assert_cmpuint (f->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "cut into pieces"));
  /* What the first piece says is still read. */
  g_assert_true (has_fact (f, "Lena Vorst", NKG_PROP_MET, "Omar Kell")
                 || has_fact (f, "Omar Kell", NKG_PROP_MET, "Lena Vorst"));
}

/* A normal article gives no warning. */
static void
test_no_warning (void)
{
  g_autoptr (NkgDocFacts) f = extract_string ("Defence Minister Arjun Mehra met his counterpart Greg Walton in "
                                              "Oslo on Monday. They signed a maritime accord.");
  g_assert_cmpuint (f->warnings->len, ==, 0);
}

/* Hundreds of people who share a surname: each is compared with the
 * latest few hundred only, and the document says so. */
static void
test_common_surname_capped (void)
{
  static const char *const given[] = { "Ana", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Gina", "Hugo",
                                       "Ines", "Jorge", "Karla", "Luis", "Marta", "Nuno", "Olga", "Pedro",
                                       "Rita", "Sergio", "Tania", "Ugo" };
  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "Deputy Minister %s%u Quarrel spoke in Lima.\n\n", given[i % G_N_ELEMENTS (given)],
                            i);
  g_autoptr (NkgDocFacts) f = extract_string (text->str);
  gboolean capped = FALSE;
  for (guint i = 0; i < f->warnings->len; i++)
    capped |= strstr (g_ptr_array_index (f->warnings, i), "shared by more than") != NULL;
  g_assert_true (capped);
}

/* Adding an entity, fact, quote or evidence twice gives the first one
 * back, also after facts were removed or arrays changed directly. */
static void
test_docfacts_lookups (void)
{
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("x.txt");
  guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Lena Vorst", 1);
  guint b = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "Portugal", 1);
  g_assert_cmpuint (nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Lena Vorst", 2), ==, a);
  g_assert_cmpuint (((NkgLocalEntity *) g_ptr_array_index (f->entities, a))->mentions, ==, 3);
  g_assert_cmpint (nkg_doc_facts_find_entity (f, NKG_CLASS_CITY, "Portugal"), ==, -1);
  nkg_doc_facts_add_fact (f, a, NKG_PROP_REPRESENTS, b, NULL, 0, 0.5);
  nkg_doc_facts_add_fact (f, a, NKG_PROP_JOB_TITLE, -1, "Foreign Minister", 1, 0.9);
  nkg_doc_facts_add_fact (f, a, NKG_PROP_REPRESENTS, b, NULL, 2, 0.8);
  g_assert_cmpuint (f->facts->len, ==, 2);
  NkgLocalFact *rep = g_ptr_array_index (f->facts, 0);
  g_assert_cmpfloat (rep->confidence, ==, 0.8);
  g_assert_cmpuint (rep->sentence, ==, 2);
  g_assert_cmpint (nkg_doc_facts_first (f, a, NKG_PROP_JOB_TITLE), ==, 1);
  g_assert_cmpuint (nkg_doc_facts_with_prop (f, NKG_PROP_REPRESENTS)->len, ==, 1);
  /* Removing the first fact moves the title to index 0. */
  gboolean drop[] = { TRUE, FALSE };
  nkg_doc_facts_remove_facts (f, drop);
  g_assert_cmpuint (f->facts->len, ==, 1);
  g_assert_cmpint (nkg_doc_facts_find_fact (f, a, NKG_PROP_JOB_TITLE, -1, "Foreign Minister"), ==, 0);
  g_assert_cmpint (nkg_doc_facts_find_fact (f, a, NKG_PROP_REPRESENTS, b, NULL), ==, -1);
  g_assert_cmpint (nkg_doc_facts_first (f, a, NKG_PROP_REPRESENTS), ==, -1);
  /* A fact pushed in directly is seen, not added twice. */
  NkgLocalFact *direct = g_new0 (NkgLocalFact, 1);
  direct->subject = b;
  direct->prop = NKG_PROP_HANDLE;
  direct->object = -1;
  direct->literal = g_strdup ("@portugal");
  g_ptr_array_add (f->facts, direct);
  nkg_doc_facts_add_fact (f, b, NKG_PROP_HANDLE, -1, "@portugal", 0, 0.9);
  g_assert_cmpuint (f->facts->len, ==, 2);
  /* Aliases stay unique past the size where a set takes over. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 40; i++)
      {
        g_autofree char *alias = g_strdup_printf ("Vorst %u", i);
        nkg_doc_facts_add_alias (f, a, alias);
      }
  g_assert_cmpuint (((NkgLocalEntity *) g_ptr_array_index (f->entities, a))->aliases->len, ==, 40);
  g_assert_cmpuint (nkg_doc_facts_add_evidence (f, 3, 9, "abcdef"), ==, 0);
  g_assert_cmpuint (nkg_doc_facts_add_evidence (f, 10, 12, "gh"), ==, 1);
  g_assert_cmpuint (nkg_doc_facts_add_evidence (f, 3, 9, "abcdef"), ==, 0);
  nkg_doc_facts_add_quote (f, a, "we will keep talking");
  nkg_doc_facts_add_quote (f, a, "we will keep talking");
  g_assert_cmpuint (f->quotes->len, ==, 1);
  nkg_doc_facts_warn (f, "%d things", 3);
  g_assert_cmpstr (g_ptr_array_index (f->warnings, 0), ==, "3 things");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  test_lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  g_test_add_func ("/extract/limits/long-sentence", test_long_sentence_cut);
  g_test_add_func ("/extract/limits/no-warning", test_no_warning);
  g_test_add_func ("/extract/limits/common-surname", test_common_surname_capped);
  g_test_add_func ("/extract/limits/docfacts-lookups", test_docfacts_lookups);
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
