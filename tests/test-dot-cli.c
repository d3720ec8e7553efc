/* test-dot-cli.c — `newskg dot` as users run it: on a corpus.ttl written
 * by the Turtle exporter, with its exit statuses and one-line errors. */
#include <glib.h>
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "export/dot.h"
#include "export/export.h"
#include "graph/graph.h"
#include "graph/load.h"

static const char *newskg;
static char *workdir;
static char *ttl;
static char **child_env;

/* Graphviz 2.43 and fontconfig never free some allocations; a sanitised
 * newskg rendering SVG would fail LeakSanitizer on them. The child gets
 * suppressions for those libraries only (and the slow unwinder, which
 * sees their frames below glib's); nothing changes without ASan. */
static const char lsan_suppressions[] =
  "leak:libgvc.so\nleak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\n";

static void
setup_child_env (void)
{
  g_autofree char *supp = g_build_filename (workdir, "lsan.supp", NULL);
  g_assert_true (g_file_set_contents (supp, lsan_suppressions, -1, NULL));
  child_env = g_get_environ ();
  g_autofree char *lsan = g_strdup_printf ("suppressions=%s", supp);
  child_env = g_environ_setenv (child_env, "LSAN_OPTIONS", lsan, FALSE);
  const char *asan = g_environ_getenv (child_env, "ASAN_OPTIONS");
  g_autofree char *asan2 = g_strdup_printf ("%s%sfast_unwind_on_malloc=0", asan ? asan : "",
                                            asan && *asan ? ":" : "");
  child_env = g_environ_setenv (child_env, "ASAN_OPTIONS", asan2, TRUE);
}

static NkgGraph *
sample_graph (void)
{
  NkgGraph *g = nkg_graph_new (NULL);
  for (int d = 0; d < 2; d++)
    {
      g_autofree char *src = g_strdup_printf ("a%d.txt", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint rs = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 3);
      guint ph = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Pete Hegseth", 2);
      guint in = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "India", 2);
      guint us = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "United States", 1);
      guint fw = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "Defence Framework", 2);
      guint kl = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Kuala Lumpur", 1);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_SIGNED, (gint) fw, NULL, "Singh signed it.", 0.9);
      nkg_doc_facts_add_fact_text (f, ph, NKG_PROP_SIGNED, (gint) fw, NULL, "Hegseth signed it.", 0.9);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_JOB_TITLE, -1, "Defence Minister",
                              "Defence Minister Rajnath Singh.", 0.9);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_REPRESENTS, (gint) in, NULL, "Indian minister.", 0.9);
      nkg_doc_facts_add_fact_text (f, ph, NKG_PROP_REPRESENTS, (gint) us, NULL, "US secretary.", 0.9);
      nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_SIGNED_IN, (gint) kl, NULL, "in Kuala Lumpur", 0.8);
      nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_SIGNED_ON, -1, "2025-10-31", "on Friday", 0.8);
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  return g;
}

/* Runs newskg with `args`; returns the exit status. */
static int
run (char **out, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (char *) newskg);
  g_ptr_array_add (argv, "dot");
  va_list ap;
  va_start (ap, err);
  for (const char *a = va_arg (ap, const char *); a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  int status = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (workdir, (char **) argv->pdata, child_env, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static guint
entity_nodes (Agraph_t *ag)
{
  guint n = 0;
  for (Agnode_t *v = agfstnode (ag); v; v = agnxtnode (ag, v))
    n += !g_str_has_prefix (agnameof (v), "legend_");
  return n;
}

static void
test_stdout (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run (&out, &err, "-g", ttl, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  Agraph_t *ag = agmemread (out);
  g_assert_nonnull (ag);
  g_assert_cmpuint (entity_nodes (ag), ==, 6);
  agclose (ag);

  /* The graph read back from Turtle draws like the one it was written from. */
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) loaded = nkg_graph_load_turtle (ttl, &error);
  g_assert_no_error (error);
  g_autoptr (NkgGraph) built = sample_graph ();
  Agraph_t *a = nkg_dot_build (loaded, NULL, &error);
  Agraph_t *b = nkg_dot_build (built, NULL, &error);
  g_assert_cmpint (agnnodes (a), ==, agnnodes (b));
  g_assert_cmpint (agnedges (a), ==, agnedges (b));
  g_assert_cmpstr (agget (a, "label"), ==, agget (b, "label"));
  agclose (a);
  agclose (b);
}

static void
test_files (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run (&out, &err, "-g", ttl, "--focus", "pete hegseth", "--hops", "1", "-o",
                        "ego.dot", "--svg", "ego.svg", NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_autofree char *dot_path = g_build_filename (workdir, "ego.dot", NULL);
  g_autofree char *svg_path = g_build_filename (workdir, "ego.svg", NULL);
  g_autofree char *dot = NULL, *svg = NULL;
  g_assert_true (g_file_get_contents (dot_path, &dot, NULL, NULL));
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  Agraph_t *ag = agmemread (dot);
  g_assert_cmpuint (entity_nodes (ag), ==, 3); /* Hegseth, framework, US */
  agclose (ag);
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "Pete Hegseth"));

  /* --svg alone writes no DOT to stdout */
  g_free (out);
  g_free (err);
  g_assert_cmpint (run (&out, &err, "-g", ttl, "--svg", "-", "--types", "person,country", NULL),
                   ==, 0);
  g_assert_true (g_str_has_prefix (out, "<?xml"));
  g_assert_null (strstr (out, "digraph"));
}

static void
test_errors (void)
{
  g_autofree char *out = NULL, *err = NULL;
  /* unknown focus: status 1, one line, a suggestion */
  g_assert_cmpint (run (&out, &err, "-g", ttl, "--focus", "Rajnath Sing", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "newskg: dot: "));
  g_assert_nonnull (strstr (err, "did you mean 'Rajnath Singh'"));
  g_assert_cmpint ((int) (strchr (err, '\n') - err), ==, (int) strlen (err) - 1);
  g_assert_cmpstr (out, ==, "");

  const char *bad[][4] = {
    { "--types", "person,unicorn", NULL },
    { "--max-nodes", "-1", NULL },
    { "--hops", "many", NULL },
    { "stray-argument", NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (&out, &err, "-g", ttl, bad[i][0], bad[i][1], NULL), ==, 2);
      g_assert_true (g_str_has_prefix (err, "newskg: dot: "));
      g_assert_cmpstr (out, ==, "");
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "-g", "no-such-corpus.ttl", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "newskg: dot: "));
}

/* --json: what was written, on stdout; refused when the DOT would go there. */
static void
test_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run (&out, &err, "-g", ttl, "-o", "j.dot", "--svg", "j.svg", "--json", NULL), ==, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) p = json_parser_new ();
  g_assert_true (json_parser_load_from_data (p, out, -1, &error));
  JsonObject *o = json_node_get_object (json_parser_get_root (p));
  g_assert_cmpint (json_object_get_int_member (o, "entities"), ==, 6);
  JsonArray *files = json_object_get_array_member (o, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 1), "media_type"),
                   ==, "image/svg+xml");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "-g", ttl, "--json", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "--json"));
}

/* SVG links only to web IRIs: a graph whose base is not http(s) draws
 * its nodes as text, never as javascript: or file: links. */
static void
test_links (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new ("javascript:alert(1)//");
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("a.txt");
  guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Ada Quill", 1);
  guint b = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Bo Venn", 1);
  nkg_doc_facts_add_fact_text (f, a, NKG_PROP_MET, (gint) b, NULL, "Quill met Venn.", 0.9);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  g_autofree char *svg = g_build_filename (workdir, "links.svg", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (nkg_svg_write (g, NULL, svg, &error));
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Ada Quill"));
  g_assert_null (strstr (text, "href=\"javascript"));
  g_assert_null (strstr (text, "xlink:href=\"javascript"));

  /* with a web base, the same nodes link to their IRIs */
  g_autoptr (NkgGraph) w = nkg_graph_new ("https://example.org/id/");
  g_autoptr (NkgDocFacts) f2 = nkg_doc_facts_new ("a.txt");
  nkg_doc_facts_add_entity (f2, NKG_CLASS_PERSON, "Ada Quill", 1);
  nkg_graph_add_doc (w, f2);
  nkg_graph_finish (w);
  NkgDotOptions opt;
  nkg_dot_options_init (&opt);
  opt.isolated = TRUE;
  g_assert_true (nkg_svg_write (w, &opt, svg, &error));
  g_free (text);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "href=\"https://example.org/id/person/ada-quill\""));
  g_unlink (svg);
}

static void
test_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--focus"));
  g_assert_nonnull (strstr (out, "newskg dot -g corpus.ttl"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  newskg = g_getenv ("NEWSKG");
  if (!newskg)
    {
      g_printerr ("NEWSKG must be set (run through meson test)\n");
      return 77;
    }
  g_autoptr (GError) error = NULL;
  workdir = g_dir_make_tmp ("nkg-dot-cli-XXXXXX", &error);
  g_assert_no_error (error);
  ttl = g_build_filename (workdir, "corpus.ttl", NULL);
  setup_child_env ();
  g_autoptr (NkgGraph) g = sample_graph ();
  g_assert_true (nkg_export_to_path (nkg_exporter_by_name ("turtle"), g, NULL, ttl, &error));
  g_assert_no_error (error);

  g_test_add_func ("/dot-cli/stdout", test_stdout);
  g_test_add_func ("/dot-cli/files", test_files);
  g_test_add_func ("/dot-cli/errors", test_errors);
  g_test_add_func ("/dot-cli/help", test_help);
  g_test_add_func ("/dot-cli/json", test_json);
  g_test_add_func ("/dot-cli/links", test_links);
  int status = g_test_run ();

  const char *names[] = { "corpus.ttl", "ego.dot", "ego.svg", "lsan.supp" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (workdir, names[i], NULL);
      g_unlink (p);
    }
  g_rmdir (workdir);
  g_free (ttl);
  g_free (workdir);
  g_strfreev (child_env);
  return status;
}
