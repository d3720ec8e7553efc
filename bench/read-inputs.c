/* read-inputs.c — the input layer alone, no extraction: reads every
 * INPUT the way `newskg build` does (sniffing, decoding, main text,
 * language, duplicates) and prints the articles and bytes of text read.
 * For bench/input-formats.sh, to time reading apart from extracting. */
#include <stdio.h>

#include "input/input.h"

static gboolean
count (NkgArticle *a, gpointer data)
{
  guint64 *totals = data;
  totals[0]++;
  totals[1] += a->len;
  nkg_article_free (a);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (NkgInput) in = nkg_input_new ();
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      if (!nkg_input_add (in, argv[i], &error))
        {
          fprintf (stderr, "read-inputs: %s\n", error->message);
          return 2;
        }
    }
  guint64 totals[2] = { 0, 0 };
  nkg_input_run (in, count, totals, NULL);
  printf ("%" G_GUINT64_FORMAT " articles, %" G_GUINT64_FORMAT " bytes of text\n", totals[0], totals[1]);
  return 0;
}
