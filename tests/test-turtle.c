/* test-turtle.c — Raptor writes what the contract says, and reads it back
 * into the same graph (write → load → write gives the same bytes). */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "export/export.h"
#include "graph/load.h"

static NkgGraph *
sample (void)
{
  NkgGraph *g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("news/a.txt");
  f->sha256 = g_strdup ("00ff");
  f->title = g_strdup ("India, US sign \"historic\" pact");
  f->date = g_strdup ("2025-10-31");
  guint rs = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 3);
  nkg_doc_facts_add_alias (f, rs, "Singh");
  guint ph = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Pete Hegseth", 2);
  nkg_doc_facts_add_alias (f, ph, "@SecWar");
  guint in = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "India", 1);
  guint mea = nkg_doc_facts_add_entity (f, NKG_CLASS_GOV_ORG, "Ministry of External Affairs", 1);
  guint kl = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Kuala Lumpur", 1);
  guint fw = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "Framework for the India-US Major Defence Partnership", 1);
  (void) mea;
  nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_JOB_TITLE, -1, "Defence Minister", "Defence Minister Rajnath Singh said \"yes\".", 0.9);
  nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_REPRESENTS, (gint) in, NULL, "Indian Defence Minister Rajnath Singh", 0.9);
  nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_SIGNED, (gint) fw, NULL, "They signed it.", 0.8);
  nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_MET, (gint) ph, NULL, "They met.", 0.8);
  nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_SIGNED_IN, (gint) kl, NULL, "in Kuala Lumpur", 0.7);
  nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_SIGNED_ON, -1, "2025-10-31", "on Friday", 0.7);
  nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_DURATION, -1, "P10Y", "10-year", 0.9);
  nkg_doc_facts_add_fact_text (f, ph, NKG_PROP_HANDLE, -1, "@SecWar", "— Pete Hegseth (@SecWar)", 0.9);
  nkg_doc_facts_add_quote (f, ph, "Our defence ties have never been stronger");
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  return g;
}

static void
test_round_trip (void)
{
  g_autoptr (NkgGraph) g = sample ();
  g_autofree char *dir = g_dir_make_tmp ("nkg-turtle-XXXXXX", NULL);
  g_autofree char *p1 = g_build_filename (dir, "one.ttl", NULL);
  g_autofree char *p2 = g_build_filename (dir, "two.ttl", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (nkg_export_to_path (nkg_exporter_by_name ("turtle"), g, NULL, p1, &error));
  g_assert_no_error (error);

  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (p1, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "@prefix nkg: <https://w3id.org/newskg#>"));
  g_assert_nonnull (strstr (text, "@prefix schema: <http://schema.org/>"));
  g_assert_nonnull (strstr (text, "nkg:Agreement"));
  g_assert_nonnull (strstr (text, "\"P10Y\"^^xsd:duration"));
  g_assert_nonnull (strstr (text, "\"2025-10-31\"^^xsd:date"));

  g_autoptr (NkgGraph) back = nkg_graph_load_turtle (p1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->entities->len, ==, g->entities->len);
  g_assert_cmpuint (back->facts->len, ==, g->facts->len);
  g_assert_cmpuint (back->quotes->len, ==, 1);
  g_assert_cmpuint (back->docs->len, ==, 1);
  NkgDoc *d = g_ptr_array_index (back->docs, 0);
  g_assert_cmpstr (d->title, ==, "India, US sign \"historic\" pact");
  g_assert_cmpstr (d->date, ==, "2025-10-31");
  g_autoptr (GPtrArray) hits = nkg_graph_find (back, "@secwar");
  g_assert_cmpuint (hits->len, ==, 1);
  NkgEntity *ph = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (ph->name, ==, "Pete Hegseth");
  g_assert_cmpuint (ph->quotes->len, ==, 1);
  g_autoptr (GPtrArray) mea = nkg_graph_find (back, "Ministry of External Affairs");
  g_assert_cmpint (((NkgEntity *) g_ptr_array_index (mea, 0))->klass, ==, NKG_CLASS_GOV_ORG);

  g_assert_true (nkg_export_to_path (nkg_exporter_by_name ("turtle"), back, NULL, p2, &error));
  g_autofree char *again = NULL;
  g_assert_true (g_file_get_contents (p2, &again, NULL, NULL));
  g_assert_cmpstr (text, ==, again);
  g_unlink (p1);
  g_unlink (p2);
  g_rmdir (dir);
}

static void
test_load_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_null (nkg_graph_load_turtle ("/nonexistent/corpus.ttl", &error));
  g_assert_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_autofree char *dir = g_dir_make_tmp ("nkg-bad-XXXXXX", NULL);
  g_autofree char *p = g_build_filename (dir, "bad.ttl", NULL);
  g_file_set_contents (p, "@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b \"open\n.\n", -1, NULL);
  g_assert_null (nkg_graph_load_turtle (p, &error));
  g_assert_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "bad.ttl:"));
  g_clear_error (&error);
  /* a binary file is an error, not an empty graph */
  g_file_set_contents (p, "\x7f" "ELF\0\0\0binary", 12, NULL);
  g_assert_null (nkg_graph_load_turtle (p, &error));
  g_assert_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX);
  g_unlink (p);
  g_rmdir (dir);
}

static void
test_write_error (void)
{
  g_autoptr (NkgGraph) g = sample ();
  g_autoptr (GError) error = NULL;
  g_assert_false (nkg_export_to_path (nkg_exporter_by_name ("turtle"), g, NULL, "/nonexistent/dir/x.ttl", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/turtle/round-trip", test_round_trip);
  g_test_add_func ("/turtle/load-errors", test_load_errors);
  g_test_add_func ("/turtle/write-error", test_write_error);
  return g_test_run ();
}
