/* test-dot.c — diagrams: they parse back, respect filters and the cap,
 * carry the legend, escape hostile names, and refuse huge views fast. */
#include <glib.h>
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <string.h>

#include "export/dot.h"
#include "graph/graph.h"

#define TRICKY "Ann \"Q\" <b> & O'Brien \\N Łódź"
#define TRAILING "Back\\"

/* Two articles about the Kuala Lumpur signing, the second repeating the
 * signing and the title so those facts have support 2. The third brings a
 * lone organisation with no relations, and a person with a hostile name. */
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
      guint fw = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT,
                                           "Framework for the U.S.-India Major Defense Partnership", 2);
      guint kl = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Kuala Lumpur", 1);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_SIGNED, (gint) fw, NULL,
                              "Singh and Hegseth signed the framework in Kuala Lumpur.", 0.9);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_JOB_TITLE, -1, "Defence Minister",
                              "Defence Minister Rajnath Singh.", 0.9);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_REPRESENTS, (gint) in, NULL,
                              "Indian Defence Minister Rajnath Singh.", 0.9);
      nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_SIGNED_IN, (gint) kl, NULL,
                              "signed in Kuala Lumpur", 0.8);
      nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_SIGNED_ON, -1, "2025-10-31", "on Friday", 0.8);
      nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_DURATION, -1, "P10Y", "a 10-year framework", 0.8);
      if (d == 0)
        {
          guint us = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "United States", 1);
          guint ev = nkg_doc_facts_add_entity (f, NKG_CLASS_EVENT, "ADMM-Plus", 1);
          guint my = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "Malaysia", 1);
          nkg_doc_facts_add_fact_text (f, ph, NKG_PROP_SIGNED, (gint) fw, NULL,
                                  "Singh and Hegseth signed the framework.", 0.9);
          nkg_doc_facts_add_fact_text (f, ph, NKG_PROP_REPRESENTS, (gint) us, NULL,
                                  "US Secretary of War Pete Hegseth.", 0.9);
          nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_MET, (gint) ph, NULL, "Singh met Hegseth.", 0.8);
          nkg_doc_facts_add_fact_text (f, ph, NKG_PROP_MET, (gint) rs, NULL, "Singh met Hegseth.", 0.8);
          nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_ATTENDED, (gint) ev, NULL,
                                  "on the sidelines of the ADMM-Plus", 0.4);
          nkg_doc_facts_add_fact_text (f, kl, NKG_PROP_CONTAINED_IN, (gint) my, NULL,
                                  "Kuala Lumpur, Malaysia", 0.9);
        }
      nkg_graph_add_doc (g, f);
    }
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("b.txt");
  guint odd = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, TRICKY, 1);
  guint back = nkg_doc_facts_add_entity (f, NKG_CLASS_GOV_ORG, TRAILING, 1);
  nkg_doc_facts_add_entity (f, NKG_CLASS_ORG, "Lonely Org", 1);
  guint pl = nkg_doc_facts_add_entity (f, NKG_CLASS_PLACE, "Indo-Pacific", 1);
  nkg_doc_facts_add_fact_text (f, odd, NKG_PROP_WORKS_FOR, (gint) back, NULL,
                          "She said \"<hi>\" \\ and left\\", 0.7);
  nkg_doc_facts_add_fact_text (f, odd, NKG_PROP_ATTENDED, (gint) pl, NULL, "x", 0.7);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  return g;
}

/* Writes the view through nkg_dot_write and reads it back with cgraph. */
static char *
dot_text (NkgGraph *g, const NkgDotOptions *o)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nkg-dot-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "g.dot", NULL);
  g_assert_true (nkg_dot_write (g, o, path, &error));
  g_assert_no_error (error);
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return text;
}

static Agraph_t *
parse (const char *text)
{
  Agraph_t *ag = agmemread (text);
  g_assert_nonnull (ag);
  return ag;
}

static guint
entity_nodes (Agraph_t *ag)
{
  guint n = 0;
  for (Agnode_t *v = agfstnode (ag); v; v = agnxtnode (ag, v))
    n += !g_str_has_prefix (agnameof (v), "legend_");
  return n;
}

static guint
edges_with_label (Agraph_t *ag, const char *label)
{
  guint n = 0;
  for (Agnode_t *v = agfstnode (ag); v; v = agnxtnode (ag, v))
    for (Agedge_t *e = agfstout (ag, v); e; e = agnxtout (ag, e))
      n += g_strcmp0 (agget (e, "label"), label) == 0;
  return n;
}

static guint
visible_edges (Agraph_t *ag)
{
  guint n = 0;
  for (Agnode_t *v = agfstnode (ag); v; v = agnxtnode (ag, v))
    for (Agedge_t *e = agfstout (ag, v); e; e = agnxtout (ag, e))
      n += g_strcmp0 (agget (e, "style"), "invis") != 0;
  return n;
}

static Agnode_t *
node_named (Agraph_t *ag, NkgGraph *g, const char *name)
{
  g_autoptr (GPtrArray) hits = nkg_graph_find (g, name);
  g_assert_cmpuint (hits->len, ==, 1);
  const char *iri = ((NkgEntity *) g_ptr_array_index (hits, 0))->iri;
  return agnode (ag, (char *) iri + strlen (g->base), FALSE);
}

static void
test_parse_back (void)
{
  g_autoptr (NkgGraph) g = sample_graph ();
  g_autofree char *text = dot_text (g, NULL);
  Agraph_t *ag = parse (text);
  g_assert_true (agisdirected (ag));
  /* everything but the lone organisation, which the caption names */
  g_assert_cmpuint (entity_nodes (ag), ==, g->entities->len - 1);
  g_assert_cmpuint (agnnodes (ag), ==, g->entities->len - 1 + NKG_CLASS_N);
  g_assert_null (agnode (ag, "organization/lonely-org", FALSE));
  g_assert_nonnull (strstr (agget (ag, "label"), "1 entity without relations"));
  g_assert_nonnull (strstr (agget (ag, "label"), "Lonely Org"));
  /* met drawn once, undirected; signed twice; represents twice */
  g_assert_cmpuint (edges_with_label (ag, "met"), ==, 1);
  g_assert_cmpuint (edges_with_label (ag, "signed"), ==, 2);
  g_assert_cmpuint (edges_with_label (ag, "represents"), ==, 2);
  g_assert_cmpuint (visible_edges (ag), ==, 10);

  Agnode_t *rs = node_named (ag, g, "Rajnath Singh");
  g_assert_nonnull (rs);
  char *label = agget (rs, "label");
  g_assert_true (aghtmlstr (label));
  g_assert_nonnull (strstr (label, "Rajnath Singh"));
  g_assert_nonnull (strstr (label, "Defence Minister · India"));
  g_assert_cmpstr (agget (rs, "shape"), ==, "ellipse");
  g_assert_cmpstr (agget (rs, "URL"), ==, NKG_DEFAULT_BASE "person/rajnath-singh");
  g_assert_nonnull (strstr (agget (rs, "tooltip"), "mentions in 2 articles"));

  Agnode_t *fw = node_named (ag, g, "Framework for the U.S.-India Major Defense Partnership");
  label = agget (fw, "label");
  g_assert_nonnull (strstr (label, "signed 2025-10-31 · Kuala Lumpur · 10 years"));
  g_assert_nonnull (strstr (label, "<BR/>")); /* long name wrapped */
  g_assert_cmpstr (agget (fw, "shape"), ==, "note");

  /* Heavier with support; evidence and support in the tooltip. */
  Agnode_t *ph = node_named (ag, g, "Pete Hegseth");
  Agedge_t *strong = NULL, *weak = NULL;
  for (Agedge_t *e = agfstin (ag, fw); e; e = agnxtin (ag, e))
    if (g_strcmp0 (agget (e, "label"), "signed") == 0)
      *(aghead (e) == fw && agtail (e) == ph ? &weak : &strong) = e;
  g_assert_nonnull (strong);
  g_assert_nonnull (weak);
  g_assert_cmpfloat (g_ascii_strtod (agget (strong, "penwidth"), NULL), >,
                     g_ascii_strtod (agget (weak, "penwidth"), NULL));
  g_assert_nonnull (strstr (agget (strong, "tooltip"), "support: 2 articles"));
  g_assert_nonnull (strstr (agget (strong, "tooltip"), "signed the framework in Kuala Lumpur"));

  /* Low confidence is dashed; the caption is there. */
  g_assert_cmpuint (edges_with_label (ag, "attended"), ==, 2);
  g_assert_nonnull (strstr (agget (ag, "label"), "showing 11 of 12 entities, 10 of 10 relations"));
  agclose (ag);

  NkgDotOptions o;
  nkg_dot_options_init (&o);
  o.isolated = TRUE;
  g_autofree char *all = dot_text (g, &o);
  ag = parse (all);
  g_assert_cmpuint (entity_nodes (ag), ==, g->entities->len);
  g_assert_nonnull (strstr (agget (ag, "label"), "12 entities, 10 relations"));
  agclose (ag);
}

static void
test_legend (void)
{
  g_autoptr (NkgGraph) g = sample_graph ();
  NkgDotOptions o;
  nkg_dot_options_init (&o);
  o.types = 1u << NKG_CLASS_PERSON; /* the key lists every class regardless */
  g_autofree char *text = dot_text (g, &o);
  Agraph_t *ag = parse (text);
  Agraph_t *legend = agsubg (ag, "cluster_legend", FALSE);
  g_assert_nonnull (legend);
  g_assert_cmpint (agnnodes (legend), ==, NKG_CLASS_N);
  for (int k = 0; k < NKG_CLASS_N; k++)
    {
      const NkgClassInfo *info = nkg_class_info ((NkgClass) k);
      g_autofree char *id = g_strconcat ("legend_", info->key, NULL);
      Agnode_t *n = agnode (legend, id, FALSE);
      g_assert_nonnull (n);
      g_assert_cmpstr (agget (n, "label"), ==, info->label);
      /* drawn like the entities of that class */
      for (guint i = 0; i < g->entities->len; i++)
        {
          NkgEntity *e = g_ptr_array_index (g->entities, i);
          Agnode_t *m = agnode (ag, e->iri + strlen (g->base), FALSE);
          if (m && e->klass == (NkgClass) k)
            {
              g_assert_cmpstr (agget (m, "shape"), ==, agget (n, "shape"));
              g_assert_cmpstr (agget (m, "fillcolor"), ==, agget (n, "fillcolor"));
            }
        }
    }
  agclose (ag);

  o.legend = FALSE;
  g_autofree char *bare = dot_text (g, &o);
  ag = parse (bare);
  g_assert_null (agsubg (ag, "cluster_legend", FALSE));
  agclose (ag);
}

static void
test_escaping (void)
{
  g_autoptr (NkgGraph) g = sample_graph ();
  g_autofree char *text = dot_text (g, NULL);
  Agraph_t *ag = parse (text);
  Agnode_t *odd = node_named (ag, g, TRICKY);
  g_assert_nonnull (odd);
  char *label = agget (odd, "label");
  g_assert_true (aghtmlstr (label));
  g_assert_nonnull (strstr (label, "Ann &quot;Q&quot; &lt;b&gt; &amp; O&#39;Brien \\\\N<BR/>Łódź"));
  /* Backslashes are doubled where graphviz expands escapes, and quadrupled
   * in node tooltips, which 2.43 expands twice; quotes survive agwrite. */
  g_assert_nonnull (strstr (agget (odd, "tooltip"), "Ann \"Q\" <b> & O'Brien \\\\\\\\N Łódź"));
  Agnode_t *back = node_named (ag, g, TRAILING);
  g_assert_nonnull (back);
  g_assert_nonnull (strstr (agget (back, "label"), "Back\\\\"));
  Agedge_t *e = agfstout (ag, odd);
  for (; e && aghead (e) != back; e = agnxtout (ag, e))
    ;
  g_assert_nonnull (e);
  g_assert_nonnull (strstr (agget (e, "tooltip"), "She said \"<hi>\" \\\\ and left\\\\"));
  agclose (ag);

  /* The SVG is well-formed XML and shows the name as written. */
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nkg-svg-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "g.svg", NULL);
  g_assert_true (nkg_svg_write (g, NULL, path, &error));
  g_assert_no_error (error);
  g_autofree char *svg = NULL;
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  /* What a reader sees: each name exactly as written. */
  g_assert_nonnull (strstr (svg, ">Ann &quot;Q&quot; &lt;b&gt; &amp; O&#39;Brien \\N</text>"));
  g_assert_nonnull (strstr (svg, ">Łódź</text>"));
  g_assert_nonnull (strstr (svg, ">Back\\</text>"));
  g_assert_nonnull (strstr (svg, "xlink:title=\"Ann &quot;Q&quot; &lt;b&gt; &amp; O&#39;Brien \\N Łódź — Person"));
  /* on the edge and on its label */
  const char *said = strstr (svg, "She said &quot;&lt;hi&gt;&quot; \\ and left\\”");
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said + 1, "She said &quot;&lt;hi&gt;&quot; \\ and left\\”"));
  g_assert_nonnull (strstr (svg, "xlink:href=\"" NKG_DEFAULT_BASE "person/rajnath-singh\""));
  g_assert_nonnull (strstr (svg, "support: 2 articles"));
  /* Every edge keeps its label in the rendering: a view of several
   * components once lost most of them to graphviz's packing. */
  guint labels = 0;
  for (const char *p = svg; (p = strstr (p, "fill=\"#444444\">")); p++)
    labels++;
  g_assert_cmpuint (labels, ==, 10);
  GMarkupParser none = { 0 };
  g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (&none, 0, NULL, NULL);
  const char *body = strstr (svg, "<svg");
  g_assert_nonnull (body);
  g_assert_true (g_markup_parse_context_parse (ctx, body, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (ctx, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_filters (void)
{
  g_autoptr (NkgGraph) g = sample_graph ();
  NkgDotOptions o;

  /* types: only people, and only the relations among them */
  nkg_dot_options_init (&o);
  g_assert_true (nkg_dot_parse_types (" people", &o.types, NULL));
  g_autofree char *people = dot_text (g, &o);
  Agraph_t *ag = parse (people);
  /* Singh and Hegseth; Ann's relations are all to other classes */
  g_assert_cmpuint (entity_nodes (ag), ==, 2);
  g_assert_cmpuint (visible_edges (ag), ==, 1); /* met */
  g_assert_nonnull (strstr (agget (ag, "label"), "types person"));
  g_assert_nonnull (strstr (agget (ag, "label"), "without relations (--isolated draws them): Ann"));
  agclose (ag);

  /* min-support 2: what both articles say */
  nkg_dot_options_init (&o);
  o.min_support = 2;
  g_autofree char *strong = dot_text (g, &o);
  ag = parse (strong);
  /* Singh, India, framework, KL; Hegseth is in both articles but none of
   * his relations is */
  g_assert_cmpuint (entity_nodes (ag), ==, 4);
  g_assert_cmpuint (visible_edges (ag), ==, 3); /* signed, represents, signed in */
  agclose (ag);

  /* focus, one hop and two */
  nkg_dot_options_init (&o);
  o.focus = "pete hegseth";
  g_autofree char *ego = dot_text (g, &o);
  ag = parse (ego);
  /* Hegseth, Singh, the framework, the United States */
  g_assert_cmpuint (entity_nodes (ag), ==, 4);
  g_assert_cmpstr (agget (node_named (ag, g, "Pete Hegseth"), "fontsize"), ==, "14");
  g_assert_nonnull (strstr (agget (ag, "label"), "around Pete Hegseth (1 hop)"));
  agclose (ag);
  o.hops = 2; /* + India, ADMM-Plus, Kuala Lumpur */
  g_autofree char *ego2 = dot_text (g, &o);
  ag = parse (ego2);
  g_assert_cmpuint (entity_nodes (ag), ==, 7);
  agclose (ag);
  o.hops = 0;
  g_autofree char *ego0 = dot_text (g, &o);
  ag = parse (ego0);
  g_assert_cmpuint (entity_nodes (ag), ==, 1);
  agclose (ag);

  /* the cap keeps the most important and says so; the lone org goes first */
  nkg_dot_options_init (&o);
  o.isolated = TRUE;
  o.max_nodes = g->entities->len - 1;
  g_autofree char *capped = dot_text (g, &o);
  ag = parse (capped);
  g_assert_cmpuint (entity_nodes (ag), ==, g->entities->len - 1);
  g_assert_null (agnode (ag, "organization/lonely-org", FALSE));
  g_assert_nonnull (strstr (agget (ag, "label"), "1 entity beyond the cap of"));
  agclose (ag);
  o.max_nodes = 3;
  g_autofree char *three = dot_text (g, &o);
  ag = parse (three);
  g_assert_cmpuint (entity_nodes (ag), ==, 3);
  g_assert_nonnull (node_named (ag, g, "Rajnath Singh"));
  agclose (ag);

  /* unknown focus */
  nkg_dot_options_init (&o);
  o.focus = "Nobody At All";
  g_autoptr (GError) error = NULL;
  g_assert_null (nkg_dot_build (g, &o, &error));
  g_assert_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_NOT_FOUND);
}

static void
test_parse_types (void)
{
  guint mask = 0;
  g_assert_true (nkg_dot_parse_types ("person,agreement", &mask, NULL));
  g_assert_cmpuint (mask, ==, (1u << NKG_CLASS_PERSON) | (1u << NKG_CLASS_AGREEMENT));
  g_assert_true (nkg_dot_parse_types ("Countries, gov", &mask, NULL));
  g_assert_cmpuint (mask, ==, (1u << NKG_CLASS_COUNTRY) | (1u << NKG_CLASS_GOV_ORG));
  g_autoptr (GError) error = NULL;
  g_assert_false (nkg_dot_parse_types ("person,unicorn", &mask, &error));
  g_assert_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "unicorn"));
  g_clear_error (&error);
  g_assert_false (nkg_dot_parse_types (",", &mask, &error));
  g_assert_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_INVALID);
}

/* A chain of `n` people, each meeting the next. */
static NkgGraph *
chain_graph (guint n)
{
  NkgGraph *g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("chain.txt");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person Number%u", i);
      guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, name, 1 + i % 7);
      if (i)
        nkg_doc_facts_add_fact_text (f, e - 1, NKG_PROP_MET, (gint) e, NULL, "They met.", 0.9);
    }
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  return g;
}

static void
test_oversized (void)
{
  g_autoptr (NkgGraph) g = chain_graph (2600);
  NkgDotOptions o;
  nkg_dot_options_init (&o);
  o.max_nodes = 0;
  g_autoptr (GError) error = NULL;
  g_assert_false (nkg_svg_write (g, &o, "never-written.svg", &error));
  g_assert_error (error, NKG_DOT_ERROR, NKG_DOT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "--max-nodes"));
  g_assert_false (g_file_test ("never-written.svg", G_FILE_TEST_EXISTS));

  /* Medium views switch to sfdp without trying dot. */
  o.max_nodes = 400;
  Agraph_t *ag = nkg_dot_build (g, &o, NULL);
  g_assert_nonnull (ag);
  g_assert_cmpstr (agget (ag, "layout"), ==, "sfdp");
  g_assert_cmpint (agnnodes (ag), ==, 400 + NKG_CLASS_N);
  agclose (ag);
  ag = nkg_dot_build (g, NULL, NULL);
  g_assert_cmpint (agnnodes (ag), ==, NKG_DOT_DEFAULT_MAX_NODES + NKG_CLASS_N);
  g_assert_nonnull (strstr (agget (ag, "label"), "2500 entities beyond the cap of 100"));
  agclose (ag);
}

/* One hub and its many neighbours: `dot` would draw a single rank metres
 * wide, so the view goes to sfdp; a small story stays with dot. Either
 * way the trial layout leaves nothing behind in the DOT. */
static void
test_strip_to_sfdp (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("hub.txt");
  guint hub = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "Hubland", 50);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("Envoy Number%u", i);
      guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, name, 1);
      nkg_doc_facts_add_fact_text (f, e, NKG_PROP_REPRESENTS, (gint) hub, NULL, "x", 0.9);
    }
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  Agraph_t *ag = nkg_dot_build (g, NULL, NULL);
  g_assert_cmpstr (agget (ag, "layout"), ==, "sfdp");
  g_assert_cmpstr (agget (ag, "bb"), ==, "");
  agclose (ag);
  g_autofree char *text = dot_text (g, NULL);
  g_assert_null (strstr (text, "bb="));
  g_assert_null (strstr (text, "pos="));

  g_autoptr (NkgGraph) small = sample_graph ();
  ag = nkg_dot_build (small, NULL, NULL);
  g_assert_cmpstr (agget (ag, "layout"), ==, "dot");
  agclose (ag);
  g_autofree char *small_text = dot_text (small, NULL);
  g_assert_null (strstr (small_text, "bb="));
}

/* Twenty people who all met each other: every pair is a relation. */
static NkgGraph *
clique_graph (guint n)
{
  NkgGraph *g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("summit.txt");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Delegate Number%u", i);
      nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, name, 1 + i);
    }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      nkg_doc_facts_add_fact_text (f, i, NKG_PROP_MET, (gint) j, NULL, "They met.", 0.5 + 0.01 * j);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  return g;
}

/* Hubs of a big corpus are densely linked; a capped view keeps a few
 * relations per entity, none cut loose, and says how many went. */
static void
test_edge_budget (void)
{
  g_autoptr (NkgGraph) g = clique_graph (20);
  NkgDotOptions o;
  nkg_dot_options_init (&o);
  o.max_nodes = 10;
  Agraph_t *ag = nkg_dot_build (g, &o, NULL);
  g_assert_nonnull (ag);
  g_assert_cmpuint (entity_nodes (ag), ==, 10);
  g_assert_cmpuint (visible_edges (ag), ==, 30); /* of the 45 pairs */
  for (Agnode_t *v = agfstnode (ag); v; v = agnxtnode (ag, v))
    if (!g_str_has_prefix (agnameof (v), "legend_"))
      g_assert_nonnull (agfstedge (ag, v));
  g_assert_nonnull (strstr (agget (ag, "label"), "15 weaker relations among the drawn entities"));
  g_assert_cmpstr (agget (ag, "layout"), ==, "dot");
  agclose (ag);

  /* around a focus, its own relations come first */
  o.focus = "Delegate Number0";
  ag = nkg_dot_build (g, &o, NULL);
  Agnode_t *focus = agnode (ag, "person/delegate-number0", FALSE);
  g_assert_nonnull (focus);
  guint degree = 0;
  for (Agedge_t *e = agfstedge (ag, focus); e; e = agnxtedge (ag, e, focus))
    degree++;
  g_assert_cmpuint (degree, ==, 9);
  agclose (ag);

  /* uncapped views are drawn whole (or refused); a smaller clique, as
   * dot's crossing minimisation on all 190 pairs would slow the test */
  g_autoptr (NkgGraph) small = clique_graph (11);
  o.focus = NULL;
  o.max_nodes = 0;
  ag = nkg_dot_build (small, &o, NULL);
  g_assert_cmpuint (visible_edges (ag), ==, 55);
  agclose (ag);
}

/* The default view of a capped corpus is laid out and rendered whole
 * (how fast is bench/'s business, not a unit test's). */
static void
test_default_render (void)
{
  g_autoptr (NkgGraph) g = chain_graph (600);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nkg-svg-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "chain.svg", NULL);
  g_assert_true (nkg_svg_write (g, NULL, path, &error));
  g_assert_no_error (error);
  g_autofree char *svg = NULL;
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "</svg>"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deterministic (void)
{
  g_autoptr (NkgGraph) a = sample_graph ();
  g_autoptr (NkgGraph) b = sample_graph ();
  g_autofree char *x = dot_text (a, NULL);
  g_autofree char *y = dot_text (b, NULL);
  g_assert_cmpstr (x, ==, y);
}

/* Under LeakSanitizer: graphviz 2.43 (HTML label parser, pango plugin)
 * and fontconfig keep allocations they never free; only ours must be
 * clean. LSan calls this hook when it is linked in; otherwise it is
 * unused. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libgvc.so\nleak:libgvplugin_\nleak:libfontconfig.so\nleak:libpango\n";
}

/* Glib is built without frame pointers, so the fast unwinder stops at
 * g_realloc and a graphviz-owned GString would look like ours; the slow
 * one sees the library frames the suppressions name. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dot/parse-back", test_parse_back);
  g_test_add_func ("/dot/legend", test_legend);
  g_test_add_func ("/dot/escaping", test_escaping);
  g_test_add_func ("/dot/filters", test_filters);
  g_test_add_func ("/dot/parse-types", test_parse_types);
  g_test_add_func ("/dot/oversized", test_oversized);
  g_test_add_func ("/dot/edge-budget", test_edge_budget);
  g_test_add_func ("/dot/strip-to-sfdp", test_strip_to_sfdp);
  g_test_add_func ("/dot/default-render", test_default_render);
  g_test_add_func ("/dot/deterministic", test_deterministic);
  return g_test_run ();
}
