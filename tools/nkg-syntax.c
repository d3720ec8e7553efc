/* nkg-syntax — prints what the shallow syntactic layer sees in a text:
 * each sentence's tokens with part of speech and lemma, then its chunks.
 * A development aid for writing patterns (extract/data/patterns.txt).
 *
 * usage: nkg-syntax [FILE]   (standard input without FILE)
 */
#include <stdio.h>

#include "extract/chunks.h"
#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/segment.h"
#include "extract/tagger.h"

int
main (int argc, char **argv)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  if (argc > 1)
    {
      if (!g_file_get_contents (argv[1], &text, &len, &error))
        {
          fprintf (stderr, "nkg-syntax: %s\n", error->message);
          return 2;
        }
    }
  else
    {
      g_autoptr (GString) in = g_string_new (NULL);
      char buf[4096];
      size_t n;
      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (in, buf, n);
      text = g_string_free (g_steal_pointer (&in), FALSE);
    }
  g_autoptr (NkgLexicon) lexicon = nkg_lexicon_new (&error);
  if (!lexicon)
    {
      fprintf (stderr, "nkg-syntax: %s\n", error->message);
      return 2;
    }
  /* As extraction sees it: names found first keep noun phrases whole. */
  g_autoptr (NkgSegments) seg = nkg_segment (text);
  g_autoptr (GPtrArray) mentions = nkg_mentions_find (lexicon, seg);
  g_autoptr (NkgTags) tags = nkg_tags_new (seg);
  g_autoptr (NkgChunks) chunks = nkg_chunks_new (seg, tags, mentions);
  for (guint s = 0; s < seg->sentences->len; s++)
    {
      const NkgSentence *sent = &g_array_index (seg->sentences, NkgSentence, s);
      for (guint i = sent->first; i < sent->last; i++)
        {
          const NkgTag *t = nkg_tag_at (tags, i);
          printf ("%s/%s%s%s ", nkg_tok (seg, i)->text, nkg_pos_name (t->pos),
                  t->lemma && g_strcmp0 (t->lemma, nkg_tok (seg, i)->lower) != 0 ? ":" : "",
                  t->lemma && g_strcmp0 (t->lemma, nkg_tok (seg, i)->lower) != 0 ? t->lemma : "");
        }
      printf ("\n");
      g_autofree char *shown = nkg_chunks_describe (chunks, seg, s);
      printf ("  %s\n", shown);
    }
  return 0;
}
