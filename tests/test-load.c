/* test-load.c — the Turtle loader reads through serd, else through Raptor
 * (graph/load.c); both must give the very graph Raptor alone gives.
 *
 * Each graph is loaded three ways: AUTO (what newskg does), RAPTOR (the
 * reference), SERD (serd alone, which refuses whatever it hands to
 * Raptor). AUTO's snapshot bytes must equal RAPTOR's, or both must fail
 * with the same message; and each case says whether serd alone reads it,
 * so a serd path that gave up on everything would fail here. Graphs:
 * tests/data/ (mini.ttl, malformed.ttl), graphs built from examples/ and from the seeds and dev
 * articles of ../shared/eval, and hand-written Turtle below (our own
 * invented names) for what serd and Raptor read differently.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "graph/load.h"
#include "graph/snapshot.h"
#include "test-spawn.h"

static char *tmp_dir;

/* The snapshot bytes of what `reader` loads from `path`, or the error. */
static GBytes *
load_bytes (const char *path, NkgLoadReader reader, char **message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle_with (path, reader, &error);
  *message = g ? NULL : g_strdup (error->message);
  return g ? nkg_snapshot_bytes (g, NULL) : NULL;
}

/* The fast reader (NKG_LOAD_FAST, and on two halves) reads `path` when
 * `fast_reads` is 1, refuses when -1, may or may not when 0; whatever it
 * reads is the graph of `expected`'s snapshot; 2: it reads it in two
 * halves too. */
static void
check_fast (const char *path, GBytes *expected, int fast_reads)
{
  g_autofree char *m_fast = NULL, *m_fast_split = NULL;
  g_autoptr (GBytes) b_fast = load_bytes (path, NKG_LOAD_FAST, &m_fast);
  g_autoptr (GBytes) b_fast_split = load_bytes (path, NKG_LOAD_FAST_SPLIT, &m_fast_split);
  if (g_test_verbose ())
    g_printerr ("  fast %s, fast split %s\n", m_fast ? m_fast : "ok",
                m_fast_split ? m_fast_split : "ok");
  if (fast_reads > 0)
    g_assert_nonnull (b_fast);
  if (fast_reads > 1)
    g_assert_nonnull (b_fast_split);
  if (fast_reads < 0)
    g_assert_null (b_fast);
  if (b_fast)
    g_assert_true (expected && g_bytes_equal (b_fast, expected));
  /* two halves read only what one piece reads, and the same */
  if (!b_fast)
    g_assert_null (b_fast_split);
  if (b_fast_split)
    g_assert_true (g_bytes_equal (b_fast_split, expected));
}

/* AUTO = RAPTOR on `path`; serd alone reads it iff `serd_reads`; serd on
 * two halves reads it too when `split_reads` is 1, refuses when -1 (and
 * may or may not when 0: a small file may have no place to split), and
 * gives the same graph when it reads it; the fast reader as check_fast
 * says with `fast_reads`. */
static void
check_file_fast (const char *path, gboolean serd_reads, int split_reads, int fast_reads)
{
  g_autofree char *m_auto = NULL, *m_raptor = NULL, *m_serd = NULL;
  g_autoptr (GBytes) b_auto = load_bytes (path, NKG_LOAD_AUTO, &m_auto);
  g_autoptr (GBytes) b_raptor = load_bytes (path, NKG_LOAD_RAPTOR, &m_raptor);
  g_autoptr (GBytes) b_serd = load_bytes (path, NKG_LOAD_SERD, &m_serd);
  if (g_test_verbose ())
    g_printerr ("%s: auto %s, serd %s\n", path, m_auto ? m_auto : "ok", m_serd ? m_serd : "ok");
  g_assert_cmpstr (m_auto, ==, m_raptor);
  g_assert_true ((b_auto == NULL) == (b_raptor == NULL));
  if (b_auto)
    g_assert_true (g_bytes_equal (b_auto, b_raptor));
  g_assert_cmpint (b_serd != NULL, ==, serd_reads);
  if (b_serd)
    g_assert_true (g_bytes_equal (b_serd, b_raptor));
  g_autofree char *m_split = NULL;
  g_autoptr (GBytes) b_split = load_bytes (path, NKG_LOAD_SERD_SPLIT, &m_split);
  if (g_test_verbose ())
    g_printerr ("  split %s\n", m_split ? m_split : "ok");
  if (split_reads > 0)
    g_assert_nonnull (b_split);
  if (split_reads < 0)
    g_assert_null (b_split);
  if (b_split)
    g_assert_true (g_bytes_equal (b_split, b_raptor));
  if (!serd_reads)
    g_assert_null (b_split);
  check_fast (path, b_raptor, fast_reads);
}

static void
check_file_split (const char *path, gboolean serd_reads, int split_reads)
{
  check_file_fast (path, serd_reads, split_reads, 0);
}

static void
check_file (const char *path, gboolean serd_reads)
{
  check_file_split (path, serd_reads, 0);
}

static void
check_text_fast (const char *turtle, gboolean serd_reads, int fast_reads)
{
  g_autofree char *path = g_build_filename (tmp_dir, "case.ttl", NULL);
  g_assert_true (g_file_set_contents (path, turtle, -1, NULL));
  check_file_fast (path, serd_reads, 0, fast_reads);
}

static void
check_text (const char *turtle, gboolean serd_reads)
{
  check_text_fast (turtle, serd_reads, 0);
}

#define PREFIXES                                                                                   \
  "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"                                 \
  "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"                                           \
  "@prefix schema: <http://schema.org/> .\n"                                                       \
  "@prefix prov: <http://www.w3.org/ns/prov#> .\n"                                                 \
  "@prefix dcterms: <http://purl.org/dc/terms/> .\n"                                               \
  "@prefix nkg: <https://w3id.org/newskg#> .\n"                                                    \
  "@prefix doc: <https://w3id.org/newskg/id/doc/> .\n"                                             \
  "@prefix person: <https://w3id.org/newskg/id/person/> .\n"                                       \
  "@prefix org: <https://w3id.org/newskg/id/org/> .\n"                                             \
  "@prefix statement: <https://w3id.org/newskg/id/statement/> .\n"                                 \
  "@prefix evidence: <https://w3id.org/newskg/id/evidence/> .\n"                                   \
  "@prefix quote: <https://w3id.org/newskg/id/quote/> .\n"

/* A small graph in the contract's shape: a document, two people, a fact
 * reified with evidence, a quote. */
#define BODY                                                                                       \
  "doc:aa a nkg:Document ; dcterms:source \"one.txt\" ; dcterms:title \"Port talks\" .\n"       \
  "person:mira-tosk a schema:Person ; schema:name \"Mira Tosk\" ;\n"                            \
  "  schema:alternateName \"Tosk\", \"M. Tosk\" ; nkg:mentionCount 3 ;\n"                           \
  "  nkg:mentionedIn doc:aa ; schema:worksFor org:harbour-board .\n"                         \
  "org:harbour-board a schema:Organization ; schema:name \"Harbour Board\" .\n"                  \
  "statement:s1 a rdf:Statement ; rdf:subject person:mira-tosk ;\n"                          \
  "  rdf:predicate schema:worksFor ; rdf:object org:harbour-board ;\n"                          \
  "  prov:wasDerivedFrom doc:aa ; nkg:evidence evidence:e1 ; nkg:confidence 0.75 .\n"        \
  "evidence:e1 a nkg:Evidence ; nkg:text \"Mira Tosk of the Harbour Board spoke.\" ;\n"         \
  "  prov:wasDerivedFrom doc:aa ; nkg:start 0 ; nkg:end 37 .\n"                                 \
  "quote:q1 a nkg:Quote ; nkg:speaker person:mira-tosk ;\n"                                  \
  "  schema:text \"We sail at dawn.\" ; prov:wasDerivedFrom doc:aa .\n"

/* A loaded graph's entities in byte order of their IRIs, whatever the
 * file's order (nkg_graph_sort_by_iri orders them by a key of eight bytes
 * past their shared prefix): names equal for those eight bytes, a few
 * (sorted by insertion) and many, one IRI a prefix of another. */
static void
test_iri_order (void)
{
  g_autoptr (GString) t = g_string_new (PREFIXES);
  static const char *const names[] = { "ab", "abcdefghij-b", "abcdefghij", "abcdefghij-a",
                                       "abcdefgh", "z", "el", "abcdefghi", "a" };
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      g_string_append_printf (t, "person:%s%s a schema:Person ; schema:name \"N%u\" .\n",
                              names[(i * 5 + round) % G_N_ELEMENTS (names)],
                              round ? (round == 1 ? "-9" : "-10") : "", i);
  static const char *const few[] = { "klmnopqr-d", "klmnopqr-b", "klmnopqr", "klmnopqr-c" };
  for (guint i = 0; i < G_N_ELEMENTS (few); i++)
    g_string_append_printf (t, "person:%s a schema:Person ; schema:name \"F%u\" .\n", few[i], i);
  for (guint i = 30; i > 0; i--)
    g_string_append_printf (t, "person:abcdefghij-same-%u a schema:Person ; schema:name \"S%u\" .\n",
                            i * 7 % 31, i);
  g_autofree char *path = g_build_filename (tmp_dir, "order.ttl", NULL);
  g_assert_true (g_file_set_contents (path, t->str, -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle_with (path, NKG_LOAD_AUTO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->entities->len, ==, 3 * G_N_ELEMENTS (names) + G_N_ELEMENTS (few) + 30);
  for (guint i = 1; i < g->entities->len; i++)
    g_assert_cmpint (strcmp (((NkgEntity *) g_ptr_array_index (g->entities, i - 1))->iri,
                             ((NkgEntity *) g_ptr_array_index (g->entities, i))->iri), <, 0);
}

static void
test_hand_written (void)
{
  /* what newskg writes: serd reads it, and the fast reader */
  check_text_fast (PREFIXES BODY, TRUE, 1);
  /* CRLF ends, comments, prefixes redefined half way: the same subject
   * text, then the same predicate text, names another IRI */
  check_text ("# a comment\r\n" PREFIXES "@prefix sx: <https://example.org/nothing/> .\r\n"
              "person:a-b a schema:Person ; schema:name \"A B\" ; sx:alternateName \"X\" .\r\n"
              "@prefix sx: <http://schema.org/> .\r\n"
              "person:a-b sx:alternateName \"Y\" .\r\n"
              "@prefix person: <https://example.org/other/> .\r\n"
              "person:a-b schema:alternateName \"Z\" . # end\r\n",
              TRUE);
  /* two names, two classes: the first name, the finer class, as Raptor's order gives */
  check_text (PREFIXES "person:x-y a schema:Person, nkg:Agreement, schema:Organization ;\n"
                       "  schema:name \"Second\" ; schema:name \"First\" ; nkg:mentionCount 2, 7 .\n",
              TRUE);
  /* literal forms and escapes */
  check_text (PREFIXES "person:e-f a schema:Person ; schema:name \"\\u00c9l\\u00e9a \\U0001F600\" ;\n"
                       "  schema:alternateName 'single', \"\"\"long\nline \"quoted\" \"\"\", \"t\\tb\\\\\" ;\n"
                       "  nkg:mentionCount \"12\"^^xsd:integer ; dcterms:description \"x\"@en-GB .\n",
              TRUE);
  /* a NUL escape: both keep the text before it */
  check_text (PREFIXES "person:g-h a schema:Person ; schema:name \"Gil\\u0000Hart\" .\n", TRUE);
  /* version 1 evidence (a bare string) and a triple reified twice */
  check_text (PREFIXES BODY "statement:s0 a rdf:Statement ; rdf:subject person:mira-tosk ;\n"
                            "  rdf:predicate schema:worksFor ; rdf:object org:harbour-board ;\n"
                            "  nkg:evidence \"Tosk works for the board.\" ; nkg:confidence 0.9 ;\n"
                            "  nkg:conflictsWith statement:s1 .\n",
              TRUE);
  /* @base with absolute IRIs only */
  check_text ("@base <https://example.org/base/> .\n" PREFIXES BODY, TRUE);

  /* Raptor's alone: blank nodes (it names them genidN), relative IRIs,
   * relative namespaces, dot segments (it removes them) */
  check_text (PREFIXES "_:p1 a schema:Person ; schema:name \"Blank One\" ; schema:knows [ a "
                       "schema:Person ; schema:name \"Blank Two\" ] .\n",
              FALSE);
  check_text (PREFIXES BODY "[] a rdf:Statement ; rdf:subject person:mira-tosk ;\n"
                            "  rdf:predicate schema:worksFor ; rdf:object org:harbour-board ;\n"
                            "  nkg:evidence ( \"a\" \"b\" ) .\n",
              FALSE);
  check_text (PREFIXES "<person/rel-ative> a schema:Person ; schema:name \"Rel Ative\" .\n", FALSE);
  check_text ("@base <https://example.org/a/> .\n" PREFIXES
              "<../person/up> a schema:Person ; schema:name \"Up\" .\n",
              FALSE);
  check_text ("@prefix p: <person/> .\n" PREFIXES "p:rel a schema:Person ; schema:name \"R\" .\n",
              FALSE);
  check_text (PREFIXES "<https://w3id.org/newskg/id/x/../person/dot> a schema:Person ;\n"
                       "  schema:name \"Dot\" .\n",
              FALSE);
  /* ... also where the path starts with one, right after the scheme (a
   * fuzzer's find: Raptor reads <https:./x> as <https:x>) */
  check_text (PREFIXES "<https:./w3id.org/newskg/id/person/dot> a schema:Person ;\n"
                       "  schema:name \"Dot\" .\n",
              FALSE);
  /* bytes that are not UTF-8: serd (strict) refuses, Raptor repairs */
  check_text (PREFIXES "person:i-j a schema:Person ; schema:name \"Bad \xff\xfe byte\" .\n", FALSE);

  /* errors: Raptor's message, line number and all */
  check_text (PREFIXES "person:k-l a schema:Person ;\n  schema:name \"Open .\n", FALSE);
  check_text (PREFIXES BODY "person:m-n schema:name .\n", FALSE);
  check_text (PREFIXES BODY "person:o-p a undeclared:Thing .\n", FALSE);
  /* an undeclared prefix in a literal's datatype (found by fuzz-turtle) */
  check_text (PREFIXES BODY "person:q-r schema:birthDate \"2001-02-03\"^^xsdd:date .\n", FALSE);
  check_text ("this is not turtle at all\n", FALSE);
}

/* Where a split must be refused: the first ".\n" past the middle inside a
 * long string; a prefix redefined in the first half. */
static void
test_split (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "case.ttl", NULL);
  g_autoptr (GString) t = g_string_new (PREFIXES "person:a-b a schema:Person ; schema:name \"\"\"");
  for (int i = 0; i < 300; i++)
    g_string_append (t, "Ana Bel ");
  g_string_append (t, "went home.\nperson:c-d a schema:Person .\n\"\"\" .\n"
                      "person:e-f a schema:Person ; schema:name \"E F\" .\n");
  g_assert_true (g_file_set_contents (path, t->str, -1, NULL));
  check_file_split (path, TRUE, -1);

  g_string_assign (t, PREFIXES "person:a-b a schema:Person ; schema:name \"A B\" .\n"
                               "@prefix person: <https://example.org/elsewhere/> .\n");
  for (int i = 0; i < 60; i++)
    g_string_append (t, "person:a-b schema:alternateName \"Other A B\" .\n");
  g_assert_true (g_file_set_contents (path, t->str, -1, NULL));
  check_file_split (path, TRUE, -1);

  /* the same without the redefinition splits, and gives the same graph */
  g_string_assign (t, PREFIXES "person:a-b a schema:Person ; schema:name \"A B\" .\n");
  for (int i = 0; i < 60; i++)
    g_string_append_printf (t, "person:a-b schema:alternateName \"A B %d\" .\n", i);
  g_assert_true (g_file_set_contents (path, t->str, -1, NULL));
  check_file_split (path, TRUE, 1);
}

static void
test_data_files (void)
{
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  g_autofree char *mini = g_build_filename (root, "tests", "data", "mini.ttl", NULL);
  g_autofree char *malformed = g_build_filename (root, "tests", "data", "malformed.ttl", NULL);
  check_file_fast (mini, TRUE, 1, 2);
  check_file (malformed, FALSE);
}

/* `newskg build DIRS... -o OUT` */
static void
build_graph (const char *out, const char *const *dirs)
{
  GPtrArray *argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) g_getenv ("NEWSKG"));
  g_ptr_array_add (argv, "build");
  for (guint i = 0; dirs[i]; i++)
    g_ptr_array_add (argv, (gpointer) dirs[i]);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (gpointer) out);
  g_ptr_array_add (argv, "--no-cache");
  g_ptr_array_add (argv, NULL);
  g_autofree char *err = NULL;
  int rc = nkg_test_run ((const char *const *) argv->pdata, NULL, &err);
  if (rc != 0)
    g_printerr ("%s", err);
  g_assert_cmpint (rc, ==, 0);
  g_ptr_array_unref (argv);
}

static void
test_examples (void)
{
  g_autofree char *ex = g_build_filename (g_getenv ("NKG_SOURCE_ROOT"), "examples", NULL);
  g_autofree char *out = g_build_filename (tmp_dir, "examples.ttl", NULL);
  const char *dirs[] = { ex, NULL };
  build_graph (out, dirs);
  check_file_fast (out, TRUE, 1, 2);
}

static void
test_eval (void)
{
  const char *shared = g_getenv ("NKG_SHARED_DIR");
  g_autofree char *seeds = g_build_filename (shared ? shared : "", "eval", "seeds", "docs", NULL);
  g_autofree char *dev = g_build_filename (shared ? shared : "", "eval", "dev", "docs", NULL);
  if (!shared || !g_file_test (seeds, G_FILE_TEST_IS_DIR) || !g_file_test (dev, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/eval is absent");
      return;
    }
  g_autofree char *out = g_build_filename (tmp_dir, "eval.ttl", NULL);
  const char *both[] = { seeds, dev, NULL };
  build_graph (out, both);
  check_file_fast (out, TRUE, 1, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!g_getenv ("NEWSKG") || !g_getenv ("NKG_SOURCE_ROOT"))
    {
      g_printerr ("NEWSKG and NKG_SOURCE_ROOT must be set (run through meson test)\n");
      return 1;
    }
  tmp_dir = g_dir_make_tmp ("nkg-load-XXXXXX", NULL);
  g_test_add_func ("/load/hand-written", test_hand_written);
  g_test_add_func ("/load/iri-order", test_iri_order);
  g_test_add_func ("/load/split", test_split);
  g_test_add_func ("/load/data-files", test_data_files);
  g_test_add_func ("/load/examples", test_examples);
  g_test_add_func ("/load/eval", test_eval);
  int rc = g_test_run ();
  const char *made[] = { "case.ttl", "examples.ttl", "eval.ttl" };
  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autofree char *p = g_build_filename (tmp_dir, made[i], NULL);
      g_unlink (p);
    }
  g_rmdir (tmp_dir);
  return rc;
}
