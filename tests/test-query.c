/* test-query.c — graph/query.h on a graph built by hand: resolution with
 * ambiguity, ranked search, degree, shortest paths, listing order. */
#include <glib.h>

#include "graph/graph.h"
#include "graph/query.h"

/* Two documents:
 *   A: Rajnath Singh (alias Singh) signed the Framework, met Pete Hegseth,
 *      represents India; Kuala Lumpur is in Malaysia; Framework signedIn KL.
 *   B: Manmohan Singh (alias Singh) represents India; José Ramos-Horta;
 *      Indo-Pacific (isolated).                                           */
static NkgGraph *
build (void)
{
  NkgGraph *g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) a = nkg_doc_facts_new ("a.txt");
  guint rs = nkg_doc_facts_add_entity (a, NKG_CLASS_PERSON, "Rajnath Singh", 5);
  nkg_doc_facts_add_alias (a, rs, "Singh");
  guint ph = nkg_doc_facts_add_entity (a, NKG_CLASS_PERSON, "Pete Hegseth", 4);
  guint in = nkg_doc_facts_add_entity (a, NKG_CLASS_COUNTRY, "India", 6);
  guint fw = nkg_doc_facts_add_entity (a, NKG_CLASS_AGREEMENT, "Defence Framework", 2);
  guint kl = nkg_doc_facts_add_entity (a, NKG_CLASS_CITY, "Kuala Lumpur", 2);
  guint my = nkg_doc_facts_add_entity (a, NKG_CLASS_COUNTRY, "Malaysia", 1);
  nkg_doc_facts_add_fact_text (a, rs, NKG_PROP_SIGNED, (gint) fw, NULL, "s1", 0.9);
  nkg_doc_facts_add_fact_text (a, ph, NKG_PROP_SIGNED, (gint) fw, NULL, "s1", 0.9);
  nkg_doc_facts_add_fact_text (a, rs, NKG_PROP_MET, (gint) ph, NULL, "s2", 0.8);
  nkg_doc_facts_add_fact_text (a, ph, NKG_PROP_MET, (gint) rs, NULL, "s2", 0.8);
  nkg_doc_facts_add_fact_text (a, rs, NKG_PROP_REPRESENTS, (gint) in, NULL, "s3", 0.8);
  nkg_doc_facts_add_fact_text (a, rs, NKG_PROP_JOB_TITLE, -1, "Defence Minister", "s3", 0.9);
  nkg_doc_facts_add_fact_text (a, fw, NKG_PROP_SIGNED_IN, (gint) kl, NULL, "s4", 0.9);
  nkg_doc_facts_add_fact_text (a, kl, NKG_PROP_CONTAINED_IN, (gint) my, NULL, "s5", 0.9);
  nkg_graph_add_doc (g, a);

  g_autoptr (NkgDocFacts) b = nkg_doc_facts_new ("b.txt");
  guint ms = nkg_doc_facts_add_entity (b, NKG_CLASS_PERSON, "Manmohan Singh", 1);
  nkg_doc_facts_add_alias (b, ms, "Singh");
  guint in2 = nkg_doc_facts_add_entity (b, NKG_CLASS_COUNTRY, "India", 1);
  nkg_doc_facts_add_entity (b, NKG_CLASS_PERSON, "José Ramos-Horta", 1);
  nkg_doc_facts_add_entity (b, NKG_CLASS_PLACE, "Indo-Pacific", 1);
  nkg_doc_facts_add_fact_text (b, ms, NKG_PROP_REPRESENTS, (gint) in2, NULL, "s6", 0.5);
  nkg_graph_add_doc (g, b);
  nkg_graph_finish (g);
  return g;
}

static NkgEntity *
must (NkgGraph *g, const char *q)
{
  NkgEntity *e = NULL;
  g_autoptr (GPtrArray) c = NULL;
  NkgResolve r = nkg_query_resolve (g, q, NKG_CLASS_NONE, &e, &c);
  if (r != NKG_RESOLVE_FOUND)
    g_error ("'%s' did not resolve (%d)", q, r);
  return e;
}

static void
test_resolve (void)
{
  g_autoptr (NkgGraph) g = build ();
  NkgEntity *e;
  g_autoptr (GPtrArray) c = NULL;

  g_assert_cmpstr (must (g, "rajnath SINGH")->name, ==, "Rajnath Singh");
  g_assert_cmpstr (must (g, "jose ramos horta")->name, ==, "José Ramos-Horta");
  g_assert_cmpstr (must (g, NKG_DEFAULT_BASE "country/india")->name, ==, "India");
  g_assert_cmpstr (must (g, "country/malaysia")->name, ==, "Malaysia");
  /* a unique word prefix */
  g_assert_cmpstr (must (g, "framew")->name, ==, "Defence Framework");

  /* "Singh" is an alias of two people, the name of neither. */
  g_assert_cmpint (nkg_query_resolve (g, "Singh", NKG_CLASS_NONE, &e, &c), ==,
                   NKG_RESOLVE_AMBIGUOUS);
  g_assert_null (e);
  g_assert_cmpuint (c->len, ==, 2);
  /* most mentioned first */
  g_assert_cmpstr (((NkgEntity *) g_ptr_array_index (c, 0))->name, ==, "Rajnath Singh");
  g_clear_pointer (&c, g_ptr_array_unref);

  /* Unknown, with a suggestion. */
  g_assert_cmpint (nkg_query_resolve (g, "Hegset", NKG_CLASS_NONE, &e, &c), ==,
                   NKG_RESOLVE_FOUND); /* word prefix of "Hegseth" */
  g_clear_pointer (&c, g_ptr_array_unref);
  g_assert_cmpint (nkg_query_resolve (g, "Malaysai", NKG_CLASS_NONE, &e, &c), ==,
                   NKG_RESOLVE_UNKNOWN);
  g_assert_cmpuint (c->len, >=, 1);
  g_assert_cmpstr (((NkgEntity *) g_ptr_array_index (c, 0))->name, ==, "Malaysia");
  g_clear_pointer (&c, g_ptr_array_unref);

  /* A class narrows: India is no person. */
  g_assert_cmpint (nkg_query_resolve (g, "India", NKG_CLASS_PERSON, &e, &c), ==,
                   NKG_RESOLVE_UNKNOWN);
  g_clear_pointer (&c, g_ptr_array_unref);
  /* Coarse classes cover fine ones. */
  g_assert_cmpint (nkg_query_resolve (g, "India", NKG_CLASS_PLACE, &e, &c), ==, NKG_RESOLVE_FOUND);
  g_clear_pointer (&c, g_ptr_array_unref);
  /* Empty and punctuation-only queries find nothing and do not crash. */
  g_assert_cmpint (nkg_query_resolve (g, "", NKG_CLASS_NONE, &e, &c), ==, NKG_RESOLVE_UNKNOWN);
  g_clear_pointer (&c, g_ptr_array_unref);
  g_assert_cmpint (nkg_query_resolve (g, "...", NKG_CLASS_NONE, &e, &c), ==, NKG_RESOLVE_UNKNOWN);
  g_clear_pointer (&c, g_ptr_array_unref);
}

static void
test_search (void)
{
  g_autoptr (NkgGraph) g = build ();
  g_autoptr (GArray) hits = nkg_query_search (g, "singh", NKG_CLASS_NONE, 0);
  g_assert_cmpuint (hits->len, ==, 2);
  NkgSearchHit *h = &g_array_index (hits, NkgSearchHit, 0);
  g_assert_cmpint (h->match, ==, NKG_MATCH_ALIAS);
  g_assert_cmpstr (h->entity->name, ==, "Rajnath Singh");

  g_autoptr (GArray) fuzzy = nkg_query_search (g, "hegsth", NKG_CLASS_NONE, 0);
  g_assert_cmpuint (fuzzy->len, ==, 1);
  g_assert_cmpint (g_array_index (fuzzy, NkgSearchHit, 0).match, ==, NKG_MATCH_FUZZY);
  g_assert_cmpuint (g_array_index (fuzzy, NkgSearchHit, 0).distance, ==, 1);

  /* exact before prefix before substring */
  g_autoptr (GArray) ind = nkg_query_search (g, "ind", NKG_CLASS_NONE, 0);
  g_assert_cmpuint (ind->len, ==, 2);
  g_assert_cmpint (g_array_index (ind, NkgSearchHit, 0).match, ==, NKG_MATCH_PREFIX);

  g_autoptr (GArray) limited = nkg_query_search (g, "a", NKG_CLASS_NONE, 2);
  g_assert_cmpuint (limited->len, ==, 2);
  g_autoptr (GArray) none = nkg_query_search (g, "zzzz", NKG_CLASS_NONE, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_degree_and_list (void)
{
  g_autoptr (NkgGraph) g = build ();
  /* met both ways counts once; the title is no link */
  g_assert_cmpuint (nkg_query_degree (must (g, "Rajnath Singh")), ==, 3);
  g_assert_cmpuint (nkg_query_degree (must (g, "Indo-Pacific")), ==, 0);
  g_assert_cmpuint (nkg_query_degree (must (g, "India")), ==, 2);

  g_autoptr (GPtrArray) by_degree = nkg_query_entities (g, NKG_CLASS_NONE, NKG_SORT_DEGREE);
  g_assert_cmpuint (by_degree->len, ==, g->entities->len);
  for (guint i = 1; i < by_degree->len; i++)
    g_assert_cmpuint (nkg_query_degree (g_ptr_array_index (by_degree, i - 1)), >=,
                      nkg_query_degree (g_ptr_array_index (by_degree, i)));
  g_autoptr (GPtrArray) people = nkg_query_entities (g, NKG_CLASS_PERSON, NKG_SORT_NAME);
  g_assert_cmpuint (people->len, ==, 4);
  g_assert_cmpstr (((NkgEntity *) g_ptr_array_index (people, 0))->name, ==, "José Ramos-Horta");
  g_autoptr (GPtrArray) places = nkg_query_entities (g, NKG_CLASS_PLACE, NKG_SORT_MENTIONS);
  g_assert_cmpuint (places->len, ==, 4); /* India, KL, Malaysia, Indo-Pacific */
  g_assert_cmpstr (((NkgEntity *) g_ptr_array_index (places, 0))->name, ==, "India");
}

static void
test_path (void)
{
  g_autoptr (NkgGraph) g = build ();
  NkgEntity *ph = must (g, "Pete Hegseth"), *my = must (g, "Malaysia"), *ms = must (g, "Manmohan Singh");
  g_autoptr (GArray) p = nkg_query_path (g, ph, my, 0);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->len, ==, 3); /* signed → signedIn → containedInPlace */
  NkgPathStep *s0 = &g_array_index (p, NkgPathStep, 0);
  g_assert_true (s0->forward);
  g_assert_cmpint (s0->fact->prop, ==, NKG_PROP_SIGNED);
  g_assert_true (s0->fact->subject == ph);
  NkgPathStep *s2 = &g_array_index (p, NkgPathStep, 2);
  g_assert_true (s2->fact->object == my);

  /* backwards links are followed: Manmohan → India ← Rajnath → … */
  g_autoptr (GArray) back = nkg_query_path (g, ms, ph, 0);
  g_assert_nonnull (back);
  g_assert_cmpuint (back->len, ==, 3);
  g_assert_false (g_array_index (back, NkgPathStep, 1).forward);

  g_autoptr (GArray) capped = nkg_query_path (g, ph, my, 2);
  g_assert_null (capped);
  g_autoptr (GArray) none = nkg_query_path (g, ph, must (g, "Indo-Pacific"), 0);
  g_assert_null (none);
  g_autoptr (GArray) same = nkg_query_path (g, ph, ph, 0);
  g_assert_cmpuint (same->len, ==, 0);

  /* Stable: the same answer every time. */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr (GArray) again = nkg_query_path (g, ph, my, 0);
      for (guint k = 0; k < p->len; k++)
        g_assert_true (g_array_index (again, NkgPathStep, k).fact
                       == g_array_index (p, NkgPathStep, k).fact);
    }
}

/* Two chains of two links from X to W: through Y on one document, through
 * the agreement Z on two. The better supported one wins. */
static void
test_path_widest (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (int d = 0; d < 2; d++)
    {
      g_autofree char *src = g_strdup_printf ("%c.txt", 'a' + d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint x = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Xavier Xu", 1);
      guint z = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "Zeta Accord", 1);
      guint w = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Wellington", 1);
      nkg_doc_facts_add_fact_text (f, x, NKG_PROP_SIGNED, (gint) z, NULL, "x signed z", 0.9);
      nkg_doc_facts_add_fact_text (f, z, NKG_PROP_SIGNED_IN, (gint) w, NULL, "z in w", 0.9);
      if (d == 0)
        {
          guint y = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Yara Yi", 1);
          guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_EVENT, "Wellington Summit", 1);
          nkg_doc_facts_add_fact_text (f, x, NKG_PROP_MET, (gint) y, NULL, "x met y", 0.9);
          nkg_doc_facts_add_fact_text (f, y, NKG_PROP_ATTENDED, (gint) e, NULL, "y at e", 0.9);
          nkg_doc_facts_add_fact_text (f, e, NKG_PROP_LOCATION, (gint) w, NULL, "e in w", 0.9);
          nkg_doc_facts_add_fact_text (f, x, NKG_PROP_ATTENDED, (gint) e, NULL, "x at e", 0.9);
        }
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  g_autoptr (GArray) p = nkg_query_path (g, must (g, "Xavier Xu"), must (g, "Wellington"), 0);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->len, ==, 2);
  g_assert_cmpint (g_array_index (p, NkgPathStep, 0).fact->prop, ==, NKG_PROP_SIGNED);
  g_assert_cmpint (g_array_index (p, NkgPathStep, 1).fact->prop, ==, NKG_PROP_SIGNED_IN);
  g_assert_cmpuint (g_array_index (p, NkgPathStep, 0).fact->docs->len, ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/query/resolve", test_resolve);
  g_test_add_func ("/query/search", test_search);
  g_test_add_func ("/query/degree-list", test_degree_and_list);
  g_test_add_func ("/query/path", test_path);
  g_test_add_func ("/query/path-widest", test_path_widest);
  return g_test_run ();
}
