/* extract-time.c — times extraction alone (no graph, no Turtle) on each
 * file named: bench/long-documents.sh uses it to show that the cost of
 * one document grows linearly with its length.
 *
 * usage: extract-time FILE...   prints: bytes, seconds, entities, facts,
 * quotes, and each warning the extractor gave.
 */
#include <stdio.h>

#include "extract/extract.h"

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgLexicon) lexicon = nkg_lexicon_new (&error);
  if (!lexicon)
    {
      fprintf (stderr, "extract-time: %s\n", error->message);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *bytes = NULL;
      gsize len = 0;
      if (!g_file_get_contents (argv[i], &bytes, &len, &error))
        {
          fprintf (stderr, "extract-time: %s\n", error->message);
          return 2;
        }
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (NkgDocFacts) facts = nkg_extract_document (lexicon, argv[i], bytes, len, &error);
      gint64 t1 = g_get_monotonic_time ();
      if (!facts)
        {
          fprintf (stderr, "extract-time: %s: %s\n", argv[i], error->message);
          return 2;
        }
      printf ("%s: %" G_GSIZE_FORMAT " bytes in %.2f s: %u entities, %u facts, %u quotes\n", argv[i], len,
              (t1 - t0) / 1e6, facts->entities->len, facts->facts->len, facts->quotes->len);
      for (guint w = 0; w < facts->warnings->len; w++)
        printf ("  warning: %s\n", (const char *) g_ptr_array_index (facts->warnings, w));
    }
  return 0;
}
