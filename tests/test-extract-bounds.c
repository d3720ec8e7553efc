/* test-extract-bounds.c — short and odd texts that once made a scanner in
 * extract/ read past the end of a string or an array.
 *
 * Each case is the smallest text that reproduced one bound error (most
 * were found by the fuzzers in fuzz/). Run plainly they check that the
 * extractor copes and what it keeps; the sanitizer build (ASan + UBSan,
 * see .ci/run) turns any out-of-bounds read back into a failure.
 */
#include <string.h>

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  test_lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  g_test_add_func ("/extract/bounds/short-pipe-fields", test_short_pipe_fields);
  int rc = g_test_run ();
  nkg_lexicon_free (test_lexicon);
  return rc;
}
