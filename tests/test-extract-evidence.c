/* Evidence spans: every fact's sentence, cut from the article text at its
 * code-point offsets, is exactly the evidence text — on every example
 * article and on texts made to stress the clean-text → article mapping
 * (dropped furniture lines, stripped links, odd spaces, CRLF, accents). */
#include <string.h>

#include "extract/extract.h"

static const NkgLexicon *
lexicon (void)
{
  static NkgLexicon *lex;
  if (!lex)
    {
      g_autoptr (GError) error = NULL;
      lex = nkg_lexicon_new (&error);
      g_assert_no_error (error);
    }
  return lex;
}

/* Checks the invariant; returns how many evidence spans there were. */
static guint
check_spans (const char *source, const char *bytes, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgArticle) article = nkg_article_new_from_text (source, bytes, len, &error);
  g_assert_no_error (error);
  g_autoptr (NkgDocFacts) facts = nkg_extract_article (lexicon (), article, &error);
  g_assert_no_error (error);
  glong chars = g_utf8_strlen (article->text, (gssize) article->len);
  for (guint i = 0; i < facts->evidence->len; i++)
    {
      NkgLocalEvidence *e = g_ptr_array_index (facts->evidence, i);
      g_assert_cmpuint (e->start, <, e->end);
      g_assert_cmpint (e->end, <=, chars);
      g_autofree char *cut = g_utf8_substring (article->text, e->start, e->end);
      g_assert_cmpstr (cut, ==, e->text);
    }
  for (guint i = 0; i < facts->facts->len; i++)
    {
      NkgLocalFact *f = g_ptr_array_index (facts->facts, i);
      g_assert_cmpint (f->evidence, <, (gint) facts->evidence->len);
    }
  return facts->evidence->len;
}

static void
test_examples (void)
{
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  g_assert_nonnull (root);
  g_autofree char *dir = g_build_filename (root, "examples", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  guint total = 0;
  const char *name;
  while ((name = g_dir_read_name (d)))
    {
      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *bytes = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
      total += check_spans (name, bytes, len);
    }
  g_assert_cmpuint (total, >, 10);
}

static void
test_messy_text (void)
{
  const char *text
      = "\xEF\xBB\xBFLOADING...\r\n"
        "Share\r\n"
        "By Staff Reporter | Updated: March 4, 2024 18:15 IST\r\n"
        "Kenya and Ghana sign a fisheries pact in Nairobi\r\n"
        "\r\n"
        "NAIROBI, March 4 \xE2\x80\x94 Kenyan Foreign Minister Jane Wanjiru\xC2\xA0" "and Ghanaian Foreign "
        "Minister Kofi Mensah signed the Fisheries Cooperation Agreement in Nairobi on Monday. "
        "https://example.com/x The pact runs for five years.\r\n"
        "   \t Wanjiru met Mensah at the State House, said Jos\xC3\xA9 Mart\xC3\xADnez.  \r\n"
        "Related Stories\r\n"
        "Another story that must not count.\r\n";
  g_assert_cmpuint (check_spans ("messy.txt", text, strlen (text)), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extract/evidence/examples", test_examples);
  g_test_add_func ("/extract/evidence/messy-text", test_messy_text);
  return g_test_run ();
}
