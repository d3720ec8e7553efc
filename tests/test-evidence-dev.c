/* test-evidence-dev.c — on the dev set of ../shared/eval: for every
 * nkg:Evidence of the built corpus, characters [start, end) of
 * `newskg text` of its document are its nkg:text.
 *
 * Real articles have what our own test sentences lack (curly quotes,
 * dashes, non-breaking spaces, accents, CRLF line ends), all of which an
 * offset in bytes instead of characters, or in a text other than the one
 * `text` prints, would get wrong. Exits 77 (SKIP) when ../shared is absent.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "test-evidence-text.h"

int
main (void)
{
  const char *newskg = g_getenv ("NEWSKG");
  const char *shared = g_getenv ("NKG_SHARED_DIR");
  if (!newskg)
    {
      fprintf (stderr, "set NEWSKG (meson test does)\n");
      return 1;
    }
  g_autofree char *docs = shared ? g_build_filename (shared, "eval", "dev", "docs", NULL) : NULL;
  if (!docs || !g_file_test (docs, G_FILE_TEST_IS_DIR))
    {
      printf ("skipped: ../shared/eval/dev/docs is absent (the evaluation data lives outside the "
              "repository)\n");
      return 77;
    }
  g_autofree char *dir = g_dir_make_tmp ("nkg-evdev-XXXXXX", NULL);
  g_autofree char *ttl = g_build_filename (dir, "corpus.ttl", NULL);
  const char *argv[] = { newskg, "build", "-q", docs, "-o", ttl, NULL };
  g_autofree char *err = NULL;
  int st = nkg_test_run (argv, NULL, &err);
  if (st != 0)
    {
      fprintf (stderr, "newskg build %s failed (%d): %s", docs, st, err);
      return 1;
    }
  /* --root is the folder build was given: dcterms:source is relative to it */
  guint n = nkg_test_check_evidence (newskg, ttl, docs);
  printf ("%u evidence spans match their documents' text\n", n);
  g_unlink (ttl);
  g_rmdir (dir);
  return n > 0 ? 0 : 1;
}
