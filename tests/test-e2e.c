/* test-e2e.c — `newskg build` on examples/, through the real binary:
 * the Turtle parses with Raptor and has the contract's classes, the DOT
 * renders with `dot`, two builds give identical bytes, and bad input fails
 * with a clear message and exit status 2. */
#include <glib.h>
#include <glib/gstdio.h>
#include <raptor2.h>
#include <sys/wait.h>

#include "test-spawn.h"
#include <unistd.h>
#include <string.h>

static const char *newskg;
static char *examples;

typedef struct {
  guint triples;
  GHashTable *types; /* IRIs of rdf:type objects */
} Count;

static void
count_statement (void *data, raptor_statement *st)
{
  Count *c = data;
  c->triples++;
  if (st->predicate->type == RAPTOR_TERM_TYPE_URI && st->object->type == RAPTOR_TERM_TYPE_URI
      && strcmp ((const char *) raptor_uri_as_string (st->predicate->value.uri),
                 "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == 0)
    g_hash_table_add (c->types,
                      g_strdup ((const char *) raptor_uri_as_string (st->object->value.uri)));
}


static void
test_build_examples (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-e2e-XXXXXX", NULL);
  g_autofree char *ttl = g_build_filename (dir, "corpus.ttl", NULL);
  g_autofree char *ttl2 = g_build_filename (dir, "corpus2.ttl", NULL);
  g_autofree char *dot = g_build_filename (dir, "graph.dot", NULL);
  g_autofree char *svg = g_build_filename (dir, "graph.svg", NULL);
  const char *argv[] = { newskg, "build", examples, "-o", ttl, "--dot", dot, "--svg", svg, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, NULL, &err), ==, 0);

  /* Raptor reads it back, with the contract's classes. */
  raptor_world *world = raptor_new_world ();
  raptor_parser *parser = raptor_new_parser (world, "turtle");
  Count c = { 0, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  raptor_parser_set_statement_handler (parser, &c, count_statement);
  g_autofree char *uri_s = g_filename_to_uri (ttl, NULL, NULL);
  raptor_uri *uri = raptor_new_uri (world, (const unsigned char *) uri_s);
  g_assert_cmpint (raptor_parser_parse_file (parser, uri, NULL), ==, 0);
  raptor_free_uri (uri);
  raptor_free_parser (parser);
  raptor_free_world (world);
  g_assert_cmpuint (c.triples, >, 100);
  const char *need[] = { "https://w3id.org/newskg#Document", "http://schema.org/NewsArticle",
                         "http://schema.org/Person", "http://schema.org/Country",
                         "http://schema.org/Place", "http://schema.org/City",
                         "https://w3id.org/newskg#Agreement",
                         "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement" };
  for (gsize i = 0; i < G_N_ELEMENTS (need); i++)
    if (!g_hash_table_contains (c.types, need[i]))
      g_error ("no resource of class %s in %s", need[i], ttl);
  g_hash_table_unref (c.types);

  /* The SVG was rendered in-process; the DOT renders with dot(1) too. */
  g_autofree char *svg_text = NULL;
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_autofree char *dot_prog = g_find_program_in_path ("dot");
  if (dot_prog)
    {
      const char *dargv[] = { dot_prog, "-Tsvg", dot, NULL };
      g_autofree char *out = NULL;
      g_assert_cmpint (nkg_test_run (dargv, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, "<svg"));
    }
  else
    g_test_message ("dot(1) not installed: DOT rendering not checked");

  /* Deterministic: a second build gives the same bytes. */
  const char *argv2[] = { newskg, "build", "-q", examples, "-o", ttl2, NULL };
  g_assert_cmpint (nkg_test_run (argv2, NULL, NULL), ==, 0);
  g_autofree char *a = NULL, *b = NULL;
  g_assert_true (g_file_get_contents (ttl, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (ttl2, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  g_unlink (ttl);
  g_unlink (ttl2);
  g_unlink (dot);
  g_unlink (svg);
  g_rmdir (dir);
}

static void
test_build_errors (void)
{
  g_autofree char *err = NULL;
  const char *missing[] = { newskg, "build", "/nonexistent/articles", "-o", "/dev/null", NULL };
  g_assert_cmpint (nkg_test_run (missing, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "/nonexistent/articles"));
  g_assert_null (strchr (strchr (err, '\n') + 1, '\n')); /* one line */
  g_clear_pointer (&err, g_free);

  const char *none[] = { newskg, "build", NULL };
  g_assert_cmpint (nkg_test_run (none, NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);

  /* A folder with a non-article file: it is named on stderr, not lost silently. */
  g_autofree char *dir = g_dir_make_tmp ("nkg-e2e-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "b.pdf", NULL);
  g_autofree char *ttl = g_build_filename (dir, "out.ttl", NULL);
  g_file_set_contents (txt, "Prime Minister Narendra Modi visited Tokyo on Monday.\n", -1, NULL);
  g_file_set_contents (pdf, "%PDF-1.4", -1, NULL);
  const char *skip[] = { newskg, "build", dir, "-o", ttl, NULL };
  g_assert_cmpint (nkg_test_run (skip, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "b.pdf"));
  g_assert_true (g_file_test (ttl, G_FILE_TEST_EXISTS));
  g_unlink (txt);
  g_unlink (pdf);
  g_unlink (ttl);
  g_rmdir (dir);

  /* Output through a symlink writes the target and keeps the link (an
   * atomic rename would replace the link, or a device like /dev/null). */
  g_autofree char *ldir = g_dir_make_tmp ("nkg-e2e-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (ldir, "target.svg", NULL);
  g_autofree char *link = g_build_filename (ldir, "link.svg", NULL);
  g_autofree char *lttl = g_build_filename (ldir, "c.ttl", NULL);
  g_file_set_contents (target, "", -1, NULL);
  g_assert_cmpint (symlink (target, link), ==, 0);
  const char *viasym[] = { newskg, "build", "-q", examples, "-o", lttl, "--svg", link, "--dot", "/dev/null", NULL };
  g_assert_cmpint (nkg_test_run (viasym, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_autofree char *svgt = NULL;
  g_assert_true (g_file_get_contents (target, &svgt, NULL, NULL));
  g_assert_nonnull (strstr (svgt, "<svg"));
  g_assert_false (g_file_test ("/dev/null", G_FILE_TEST_IS_REGULAR));
  g_unlink (link);
  g_unlink (target);
  g_unlink (lttl);
  g_rmdir (ldir);

  const char *help[] = { newskg, "build", "--help", NULL };
  g_autofree char *out = NULL;
  g_assert_cmpint (nkg_test_run (help, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "example"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  newskg = g_getenv ("NEWSKG");
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  if (!newskg || !root)
    {
      g_printerr ("NEWSKG and NKG_SOURCE_ROOT must be set (run through meson test)\n");
      return 1;
    }
  examples = g_build_filename (root, "examples", NULL);
  g_test_add_func ("/e2e/build-examples", test_build_examples);
  g_test_add_func ("/e2e/build-errors", test_build_errors);
  int rc = g_test_run ();
  g_free (examples);
  return rc;
}
