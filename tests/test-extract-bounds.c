/* test-extract-bounds.c — short and odd texts that once made a scanner in
 * extract/ read past the end of a string or an array.
 *
 * Each case is the smallest text that reproduced one bound error (most
 * were found by the fuzzers in fuzz/). Run plainly they check that the
 * extractor copes and what it keeps; the sanitizer build (ASan + UBSan,
 * see .ci/run) turns any out-of-bounds read back into a failure.
 */
#include <string.h>

#include "extract/dates.h"
#include "extract/document.h"
#include "test-extract-helpers.h"

/* A document of `len` bytes from `copy`, an exact-size heap buffer the
 * caller keeps alive (the document points into it), so that ASan sees a
 * read one byte past the end. */
static NkgDocument *
doc_of_copy (const char *copy, gsize len)
{
  g_autoptr (GError) error = NULL;
  NkgDocument *d = nkg_document_new (copy, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

/* Extracts `text` from an exact-size heap copy. */
static NkgDocFacts *
extract_bytes (const char *text, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_memdup2 (text, len);
  NkgDocFacts *f = nkg_extract_document (test_lexicon, "bounds.txt", copy, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f);
  return f;
}

/* "a|b": is_byline looked for "By " three bytes into a one-byte field. */
static void
test_short_pipe_fields (void)
{
  g_autofree char *a = g_memdup2 ("a|b", 3);
  g_autoptr (NkgDocument) d = doc_of_copy (a, 3);
  g_assert_cmpstr (d->text, ==, "a | b");
  g_autofree char *b = g_memdup2 ("Rivers | By | Tomas Lind", 24);
  g_autoptr (NkgDocument) e = doc_of_copy (b, 24);
  g_assert_cmpstr (e->text, ==, "Rivers | By | Tomas Lind");
  g_autoptr (NkgDocFacts) f = extract_bytes ("x|y\nQ|R|S\nBy|", 13);
  g_assert_cmpuint (f->entities->len, ==, 0);
  /* The same line in a story still reads. */
  g_autoptr (NkgDocFacts) g = extract_string ("Report | By Ana Keller\n"
                                              "Chilean Foreign Minister Marta Soto met Ana Keller in Lima.\n");
  g_assert_cmpint (entity_named (g, "Marta Soto"), >=, 0);
}

/* "Former President X" opening the document: country_before stepped back
 * over the adjective to token 0 and then read the token before it. */
static void
test_title_adjective_first (void)
{
  const char *text = "Former President Ana Ruiz visited Lima on Monday.\n";
  g_autoptr (NkgDocFacts) f = extract_bytes (text, strlen (text));
  /* "former" belongs to the title (data/words.tsv) */
  g_assert_true (has_fact (f, "Ana Ruiz", NKG_PROP_JOB_TITLE, "Former President"));
}

/* Two people named in Cyrillic: their name keys are empty (ASCII only),
 * and is_surname_of read the word before an empty list. */
static void
test_names_without_ascii (void)
{
  const char *text = "Defence Minister \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 met "
                     "\u041e\u043b\u0435\u0433 \u0421\u0438\u0434\u043e\u0440\u043e\u0432 in Kyiv on Monday.\n";
  g_autoptr (NkgDocFacts) f = extract_bytes (text, strlen (text));
  g_assert_cmpint (entity_named (f, "Kyiv"), >=, 0);
}

/* An article dated on the first day GDate knows: "the Sunday before"
 * stepped back past it (a GLib critical, fatal in the tests). */
static void
test_weekday_before_year_one (void)
{
  char out[11];
  g_assert_false (nkg_date_weekday_before ("0001-01-01", nkg_date_weekday ("Sunday"), out));
  g_assert_false (nkg_date_month_day ("0001-01-01", 3, 4, out));
  g_assert_true (nkg_date_weekday_before ("2025-11-02", nkg_date_weekday ("Sunday"), out));
  g_assert_cmpstr (out, ==, "2025-11-02");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  test_lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  g_test_add_func ("/extract/bounds/short-pipe-fields", test_short_pipe_fields);
  g_test_add_func ("/extract/bounds/title-adjective-first", test_title_adjective_first);
  g_test_add_func ("/extract/bounds/names-without-ascii", test_names_without_ascii);
  g_test_add_func ("/extract/bounds/weekday-before-year-one", test_weekday_before_year_one);
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
