/* fuzz-extract.c — one or two articles through the whole pipeline:
 * extract → graph → Turtle → read back.
 *
 * The input is split at its first NUL byte into two articles (a NUL can
 * never be part of an article's text, so the split costs the fuzzer
 * nothing it could otherwise reach; a second NUL makes the second article
 * one the reader refuses). Two articles exercise the merge across
 * documents: entity resolution, fact identity, support.
 *
 * Findings beyond crashes: the Turtle we wrote must read back, with the
 * same number of documents, entities, facts and quotes.
 */
#include "fuzz-common.h"

#include "export/export.h"
#include "extract/extract.h"
#include "graph/load.h"

static NkgLexicon *lexicon;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
free_lexicon (void)
{
  g_clear_pointer (&lexicon, nkg_lexicon_free);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  fuzz_init ();
  g_autoptr (GError) error = NULL;
  lexicon = nkg_lexicon_new (&error);
  if (!lexicon)
    abort ();
  atexit (free_lexicon);
  return 0;
}

static void
check (gboolean ok, const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "fuzz-extract: %s\n", what);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  const char *bytes = (const char *) data;
  const char *nul = memchr (bytes, '\0', size);
  gsize first_len = nul ? (gsize) (nul - bytes) : size;
  struct {
    const char *source, *bytes;
    gsize len;
  } parts[2] = {
    { "first.txt", bytes, first_len },
    { "second.txt", nul ? nul + 1 : NULL, nul ? size - first_len - 1 : 0 },
  };

  g_autoptr (NkgGraph) graph = nkg_graph_new (NULL);
  guint added = 0;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!parts[i].bytes)
        continue;
      /* Exact-size heap copies: ASan sees any read past the end. */
      g_autofree char *copy = g_memdup2 (parts[i].bytes, parts[i].len);
      g_autoptr (GError) error = NULL;
      g_autoptr (NkgDocFacts) facts
          = nkg_extract_document (lexicon, parts[i].source, copy, parts[i].len, &error);
      check ((facts != NULL) != (error != NULL), "extract must give facts or an error");
      if (!facts)
        continue;
      nkg_graph_add_doc (graph, facts);
      added++;
    }
  nkg_graph_finish (graph);
  if (!added)
    return 0;

  g_autofree char *path = fuzz_path ("graph.ttl");
  g_autoptr (GError) error = NULL;
  check (nkg_export_to_path (nkg_exporter_by_name ("turtle"), graph, NULL, path, &error),
         "the Turtle writer failed");
  g_autoptr (NkgGraph) back = nkg_graph_load_turtle (path, &error);
  if (!back)
    {
      fprintf (stderr, "fuzz-extract: the Turtle we wrote does not read back: %s\n", error->message);
      abort ();
    }
  check (back->docs->len == graph->docs->len, "documents differ after reading back");
  check (back->entities->len == graph->entities->len, "entities differ after reading back");
  check (back->facts->len == graph->facts->len, "facts differ after reading back");
  check (back->quotes->len == graph->quotes->len, "quotes differ after reading back");
  return 0;
}
