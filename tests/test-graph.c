/* test-graph.c — cross-document identity, support and IRIs. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "export/export.h"
#include "graph/graph.h"
#include "graph/names.h"

static NkgEntity *
only (NkgGraph *g, const char *name)
{
  g_autoptr (GPtrArray) hits = nkg_graph_find (g, name);
  g_assert_cmpuint (hits->len, ==, 1);
  return g_ptr_array_index (hits, 0);
}

static guint
count_class (NkgGraph *g, NkgClass c)
{
  guint n = 0;
  for (guint i = 0; i < g->entities->len; i++)
    n += ((NkgEntity *) g_ptr_array_index (g->entities, i))->klass == c;
  return n;
}

static void
test_names (void)
{
  g_autofree char *a = nkg_name_key ("S. Jaishankar");
  g_autofree char *b = nkg_name_key ("ASEAN Defence Ministers’ Meeting–Plus");
  g_autofree char *c = nkg_name_key ("São Tomé");
  g_autofree char *s = nkg_name_slug ("Rajnath Singh");
  g_autofree char *e = nkg_name_slug ("!!!");
  g_assert_cmpstr (a, ==, "s jaishankar");
  g_assert_cmpstr (b, ==, "asean defence ministers meeting plus");
  g_assert_cmpstr (c, ==, "sao tome");
  g_assert_cmpstr (s, ==, "rajnath-singh");
  g_assert_cmpstr (e, ==, "unnamed");
  g_assert_cmpuint (nkg_name_distance ("hegseth", "hegset", 3), ==, 1);
  g_assert_cmpuint (nkg_name_distance ("abc", "xyzxyz", 2), ==, 3);
}

/* Two articles name the same people and agreement: one node each, support 2. */
static void
test_merge_support (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (int d = 0; d < 2; d++)
    {
      g_autofree char *src = g_strdup_printf ("a%d.txt", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint rs = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 2);
      nkg_doc_facts_add_alias (f, rs, "Singh");
      guint ph = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, d ? "Peter Hegseth" : "Pete Hegseth", 1);
      guint in = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, d ? "India" : "India", 1);
      guint fw = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "10-year defence framework", 1);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_SIGNED, (gint) fw, NULL, "Singh signed it.", 0.5);
      nkg_doc_facts_add_fact_text (f, fw, NKG_PROP_DURATION, -1, "P10Y", "a 10-year framework", 0.9);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_REPRESENTS, (gint) in, NULL, "Indian minister.", 0.9);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_MET, (gint) ph, NULL, "They met.", 0.8);
      nkg_doc_facts_add_fact_text (f, rs, NKG_PROP_JOB_TITLE, -1, "Defence Minister", "Defence Minister Rajnath Singh.", 0.9);
      nkg_doc_facts_add_quote (f, rs, "a new era");
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  NkgEntity *rs = only (g, "rajnath singh");
  g_assert_cmpstr (rs->iri, ==, NKG_DEFAULT_BASE "person/rajnath-singh");
  g_assert_cmpuint (rs->docs->len, ==, 2);
  g_assert_cmpuint (rs->mention_count, ==, 4);
  g_assert_cmpuint (rs->aliases->len, ==, 1);
  /* Pete and Peter are two spellings the extractor did not link: two nodes
   * (linking nicknames is extraction's job, not a merge-by-guess). */
  g_assert_cmpuint (count_class (g, NKG_CLASS_PERSON), ==, 3);
  NkgEntity *in = only (g, "INDIA");
  g_assert_cmpstr (in->iri, ==, NKG_DEFAULT_BASE "country/india");

  NkgFact *signed_ = NULL;
  guint met = 0;
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (f->prop == NKG_PROP_SIGNED)
        signed_ = f;
      met += f->prop == NKG_PROP_MET;
    }
  g_assert_nonnull (signed_);
  g_assert_cmpuint (signed_->docs->len, ==, 2);
  /* the same words in two articles are two sentences, one per document */
  g_assert_cmpuint (signed_->evidence->len, ==, 2);
  g_assert_true (((NkgEvidence *) g_ptr_array_index (signed_->evidence, 0))->doc
                 != ((NkgEvidence *) g_ptr_array_index (signed_->evidence, 1))->doc);
  g_assert_cmpfloat_with_epsilon (signed_->confidence, 0.75, 1e-9);
  /* met: both directions, each direction per Hegseth spelling */
  g_assert_cmpuint (met, ==, 4);
  g_assert_cmpuint (g->quotes->len, ==, 1);
  g_assert_cmpuint (((NkgQuote *) g_ptr_array_index (g->quotes, 0))->docs->len, ==, 2);
}

/* Descriptions of one agreement in different words are joined by what the
 * articles say about it; contradictions and co-mention keep them apart. */
static guint
add_agreement (NkgDocFacts *f, const char *name, guint signer, const char *duration,
               const char *date)
{
  guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, name, 1);
  nkg_doc_facts_add_fact_text (f, signer, NKG_PROP_SIGNED, (gint) a, NULL, "signed", 0.8);
  if (duration)
    nkg_doc_facts_add_fact_text (f, a, NKG_PROP_DURATION, -1, duration, "term", 0.8);
  if (date)
    nkg_doc_facts_add_fact_text (f, a, NKG_PROP_SIGNED_ON, -1, date, "date", 0.8);
  return a;
}

static void
test_cluster_descriptions (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) a = nkg_doc_facts_new ("a.txt");
  guint sa = nkg_doc_facts_add_entity (a, NKG_CLASS_PERSON, "Rajnath Singh", 1);
  add_agreement (a, "Framework for the India-US Major Defence Partnership", sa, "P10Y", "2025-10-31");
  /* the same day, same signer, another text: one article keeps them apart */
  add_agreement (a, "Letter of Arrangement", sa, NULL, "2025-10-31");
  g_autoptr (NkgDocFacts) b = nkg_doc_facts_new ("b.txt");
  guint sb = nkg_doc_facts_add_entity (b, NKG_CLASS_PERSON, "Rajnath Singh", 1);
  add_agreement (b, "10-year defence framework", sb, "P10Y", NULL);
  g_autoptr (NkgDocFacts) c = nkg_doc_facts_new ("c.txt");
  guint sc = nkg_doc_facts_add_entity (c, NKG_CLASS_PERSON, "Rajnath Singh", 1);
  add_agreement (c, "defence pact", sc, "P5Y", "2024-01-09"); /* another term and day */
  nkg_graph_add_doc (g, a);
  nkg_graph_add_doc (g, b);
  nkg_graph_add_doc (g, c);
  nkg_graph_finish (g);
  g_assert_cmpuint (count_class (g, NKG_CLASS_AGREEMENT), ==, 3);
  NkgEntity *fw = only (g, "10-year defence framework");
  g_assert_cmpstr (fw->name, ==, "Framework for the India-US Major Defence Partnership");
  g_assert_cmpuint (fw->docs->len, ==, 2);
  for (guint i = 0; i < fw->in->len; i++)
    {
      NkgFact *f = g_ptr_array_index (fw->in, i);
      g_assert_cmpint (f->prop, ==, NKG_PROP_SIGNED);
      g_assert_cmpuint (f->docs->len, ==, 2);
    }
  g_assert_cmpuint (only (g, "Letter of Arrangement")->docs->len, ==, 1);
  g_assert_cmpuint (only (g, "defence pact")->docs->len, ==, 1);
}

/* A widely reported agreement: hundreds of articles describing it in
 * their own words still make one node (blocks larger than the comparison
 * window chain through their neighbours). */
static void
test_cluster_many (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (int d = 0; d < 300; d++)
    {
      g_autofree char *src = g_strdup_printf ("m%03d.txt", d);
      g_autofree char *name = g_strdup_printf ("defence pact no%d", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint s = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 1);
      add_agreement (f, name, s, "P10Y", NULL);
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  g_assert_cmpuint (count_class (g, NKG_CLASS_AGREEMENT), ==, 1);
}

/* A large cluster checks a newcomer through the counts of its members'
 * values (from 16 constrained members on), a small one member by member:
 * both must give the same answer. Here a description with another term
 * pairs only with the one member that has no term (the same signers, the
 * same people), and is still kept out by the others' term; a description
 * with two terms, one of them everyone's, joins. */
static void
cluster_sized (int n)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (int d = 0; d < n + 3; d++)
    {
      g_autofree char *src = g_strdup_printf ("c%03d.txt", d);
      g_autofree char *name = g_strdup_printf ("defence pact no%d", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint s = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 1);
      guint t = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Pete Hegseth", 1);
      guint a;
      if (d == n + 1)
        a = add_agreement (f, "defence pact alpha", s, "P5Y", NULL);
      else
        a = add_agreement (f, name, s, d == n ? NULL : "P10Y", d == n + 1 ? NULL : "2025-10-31");
      nkg_doc_facts_add_fact_text (f, t, NKG_PROP_SIGNED, (gint) a, NULL, "signed", 0.8);
      if (d == n + 2)
        nkg_doc_facts_add_fact_text (f, a, NKG_PROP_DURATION, -1, "P20Y", "term", 0.8);
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  g_assert_cmpuint (count_class (g, NKG_CLASS_AGREEMENT), ==, 2);
  g_assert_cmpuint (only (g, "defence pact alpha")->docs->len, ==, 1);
  g_autofree char *last = g_strdup_printf ("defence pact no%d", n + 2);
  g_assert_cmpuint (only (g, last)->docs->len, ==, (guint) n + 2);
}

static void
test_cluster_counted (void)
{
  cluster_sized (5);
  cluster_sized (40);
}

/* Articles naming the same people report one story: there one agreeing
 * fact (the place) joins a description, unless both have proper names
 * with nothing in common. */
static void
test_cluster_story (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  const char *names[] = { "Framework for the India-US Major Defence Partnership",
                          "fresh defence accord", "Reciprocal Access Agreement" };
  for (gsize d = 0; d < G_N_ELEMENTS (names); d++)
    {
      g_autofree char *src = g_strdup_printf ("s%zu.txt", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 1);
      nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Pete Hegseth", 1);
      guint kl = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Kuala Lumpur", 1);
      guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, names[d], 1);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_SIGNED_IN, (gint) kl, NULL, "in KL", 0.8);
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  /* The description fits either proper name equally well; it joins one
   * (which one is a tie the canonical order breaks), the two proper names
   * never join each other. */
  g_assert_cmpuint (count_class (g, NKG_CLASS_AGREEMENT), ==, 2);
  NkgEntity *fresh = only (g, "fresh defence accord");
  NkgEntity *fw = only (g, "Framework for the India-US Major Defence Partnership");
  NkgEntity *raa = only (g, "Reciprocal Access Agreement");
  g_assert_true (fw != raa);
  g_assert_true (fresh == fw || fresh == raa);
  g_assert_cmpuint (fresh->docs->len, ==, 2);
}

/* Different people who share a surname stay apart; a lone surname joins
 * the one person it can only mean, never one of two. */
static void
test_surnames (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  const char *docs[][2] = {
    { "Rajnath Singh", "Singh" },
    { "Manmohan Singh", "Singh" },
    { "S. Jaishankar", "Jaishankar" },
    { "Jaishankar", NULL },
    { "Singh", NULL },
    { "S Jaishankar", NULL },
  };
  for (gsize d = 0; d < G_N_ELEMENTS (docs); d++)
    {
      g_autofree char *src = g_strdup_printf ("d%zu.txt", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, docs[d][0], 1);
      if (docs[d][1])
        nkg_doc_facts_add_alias (f, e, docs[d][1]);
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  /* Rajnath, Manmohan, Jaishankar (3 spellings), a lone ambiguous Singh */
  g_assert_cmpuint (g->entities->len, ==, 4);
  NkgEntity *j = only (g, "S. Jaishankar");
  g_assert_cmpstr (j->name, ==, "S. Jaishankar");
  g_assert_cmpuint (j->docs->len, ==, 3);
  g_autoptr (GPtrArray) singhs = nkg_graph_find (g, "Singh");
  g_assert_cmpuint (singhs->len, ==, 3);
}

/* Georgia the country and Georgia the state are two entities; a city and
 * a place of the same name are one. */
static void
test_country_vs_place (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new ("http://example.org/");
  g_autoptr (NkgDocFacts) a = nkg_doc_facts_new ("a.txt");
  nkg_doc_facts_add_entity (a, NKG_CLASS_COUNTRY, "Georgia", 1);
  nkg_doc_facts_add_entity (a, NKG_CLASS_CITY, "Kuala Lumpur", 1);
  g_autoptr (NkgDocFacts) b = nkg_doc_facts_new ("b.txt");
  nkg_doc_facts_add_entity (b, NKG_CLASS_PLACE, "Georgia", 1);
  nkg_doc_facts_add_entity (b, NKG_CLASS_CITY, "Kuala Lumpur", 1);
  g_autoptr (NkgDocFacts) c = nkg_doc_facts_new ("c.txt");
  nkg_doc_facts_add_entity (c, NKG_CLASS_PLACE, "Kuala Lumpur", 1);
  nkg_graph_add_doc (g, a);
  nkg_graph_add_doc (g, b);
  nkg_graph_add_doc (g, c);
  nkg_graph_finish (g);
  g_assert_cmpuint (g->entities->len, ==, 3);
  NkgEntity *kl = only (g, "Kuala Lumpur");
  g_assert_cmpint (kl->klass, ==, NKG_CLASS_CITY); /* majority vote */
  g_assert_cmpstr (kl->iri, ==, "http://example.org/city/kuala-lumpur");
  g_autoptr (GPtrArray) ge = nkg_graph_find (g, "georgia");
  g_assert_cmpuint (ge->len, ==, 2);
}

/* Two places given as where one thing is conflict unless one lies in the
 * other, through any chain of containedInPlace facts from any article
 * (Ossel → Kessel Province → Estravia); a city and a country conflict only
 * when the graph knows the city's country. */
static guint
location_conflicts (NkgGraph *g, const char *place)
{
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (f->prop == NKG_PROP_LOCATION && f->object && strcmp (f->object->name, place) == 0)
        return f->conflicts->len;
    }
  g_assert_not_reached ();
}

static void
test_place_conflicts (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new ("http://example.org/");
  const struct {
    const char *source, *place;
    NkgClass klass;
  } seats[] = {
    { "a.txt", "Varnholm", NKG_CLASS_CITY },    { "b.txt", "Estravia", NKG_CLASS_COUNTRY },
    { "d.txt", "Tirsk", NKG_CLASS_CITY },       { "e.txt", "Ossel", NKG_CLASS_CITY },
    { "f.txt", "Brenmark", NKG_CLASS_COUNTRY },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (seats); i++)
    {
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (seats[i].source);
      guint council = nkg_doc_facts_add_entity (f, NKG_CLASS_ORG, "Lumen Council", 1);
      guint place = nkg_doc_facts_add_entity (f, seats[i].klass, seats[i].place, 1);
      nkg_doc_facts_add_fact_text (f, council, NKG_PROP_LOCATION, (gint) place, NULL, "met there",
                                   0.7);
      if (strcmp (seats[i].place, "Ossel") == 0)
        {
          guint country = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "Dravonia", 1);
          nkg_doc_facts_add_fact_text (f, place, NKG_PROP_CONTAINED_IN, (gint) country, NULL,
                                       "Ossel, Dravonia", 0.7);
        }
      g_assert_true (nkg_graph_add_doc (g, f));
    }
  g_autoptr (NkgDocFacts) c = nkg_doc_facts_new ("c.txt");
  guint city = nkg_doc_facts_add_entity (c, NKG_CLASS_CITY, "Ossel", 1);
  guint region = nkg_doc_facts_add_entity (c, NKG_CLASS_PLACE, "Kessel Province", 1);
  guint country = nkg_doc_facts_add_entity (c, NKG_CLASS_COUNTRY, "Estravia", 1);
  nkg_doc_facts_add_fact_text (c, city, NKG_PROP_CONTAINED_IN, (gint) region, NULL,
                               "Ossel, in Kessel Province", 0.7);
  nkg_doc_facts_add_fact_text (c, region, NKG_PROP_CONTAINED_IN, (gint) country, NULL,
                               "Kessel Province of Estravia", 0.7);
  g_assert_true (nkg_graph_add_doc (g, c));
  nkg_graph_finish (g);
  /* Varnholm (country unknown): the other cities, Tirsk and Ossel */
  g_assert_cmpuint (location_conflicts (g, "Varnholm"), ==, 2);
  /* Estravia: Brenmark, not Ossel, which lies in it two steps up */
  g_assert_cmpuint (location_conflicts (g, "Estravia"), ==, 1);
  g_assert_cmpuint (location_conflicts (g, "Tirsk"), ==, 2);
  /* Ossel: Varnholm, Tirsk, and Brenmark (it lies in Dravonia) */
  g_assert_cmpuint (location_conflicts (g, "Ossel"), ==, 3);
  g_assert_cmpuint (location_conflicts (g, "Brenmark"), ==, 2);
}

/* Descriptions ("the deal") never merge across documents. */
static void
test_unlinkable (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (int d = 0; d < 2; d++)
    {
      g_autofree char *src = g_strdup_printf ("x%d.txt", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "deal", 1);
      ((NkgLocalEntity *) g_ptr_array_index (f->entities, e))->linkable = FALSE;
      nkg_graph_add_doc (g, f);
    }
  nkg_graph_finish (g);
  g_assert_cmpuint (g->entities->len, ==, 2);
  NkgEntity *a = g_ptr_array_index (g->entities, 0), *b = g_ptr_array_index (g->entities, 1);
  g_assert_cmpstr (a->iri, !=, b->iri);
}

static void
test_suggest (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("a.txt");
  nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Pete Hegseth", 3);
  nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Rajnath Singh", 3);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  g_autoptr (GPtrArray) s = nkg_graph_suggest (g, "Pete Hegset", 5);
  g_assert_cmpuint (s->len, ==, 1);
  g_assert_cmpstr (((NkgEntity *) g_ptr_array_index (s, 0))->name, ==, "Pete Hegseth");
  g_autoptr (GPtrArray) none = nkg_graph_find (g, "Hegset");
  g_assert_cmpuint (none->len, ==, 0);
}

/* A graph of a few thousand entities and facts, with descriptions to
 * cluster, conflicting dates and places, aliases and quotes, finished on
 * 1 and on 3 threads: the same graph, byte for byte. */
static void
note_step (const char *step, gint64 thread_cpu_us, gpointer data)
{
  /* a pass on its own thread has measured its CPU; a step has none */
  g_string_append_printf (data, "%s%s;", step,
                          thread_cpu_us >= 0 ? "(thread)" : thread_cpu_us == -1 ? "" : "(?)");
}

/* `steps`: if not NULL, the finish's steps noted in it (note_step). */
static GBytes *
finished_on (guint threads, GString *steps)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  nkg_graph_set_threads (g, threads);
  if (steps)
    nkg_graph_set_finish_steps (g, note_step, steps);
  static const char *const cities[] = { "Ostrava", "Brno", "Tarn", "Velden" };
  for (int d = 0; d < 1600; d++)
    {
      g_autofree char *src = g_strdup_printf ("t%04d.txt", d);
      g_autofree char *person
          = g_strdup_printf ("Ilan Vesk%c%c%c", 'a' + d % 26, 'a' + d / 26 % 26, 'a' + d / 676);
      g_autofree char *office
          = g_strdup_printf ("Basin Office %c%c%c", 'A' + d % 26, 'A' + d / 26 % 26, 'A' + d / 676);
      g_autofree char *other = g_strdup_printf ("Mara Tolle%c", 'a' + d % 7);
      g_autofree char *pact = g_strdup_printf ("Water Pact %d", d % 800);
      g_autofree char *desc = g_strdup_printf ("river pact no%d", d % 300);
      g_autofree char *date = g_strdup_printf ("2025-03-%02d", 1 + d % 3);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, person, 2);
      guint b = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, other, 1);
      guint city = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, cities[d % 4], 1);
      guint p = add_agreement (f, pact, a, d % 5 ? "P10Y" : "P5Y", date);
      nkg_doc_facts_add_fact_text (f, p, NKG_PROP_SIGNED_IN, (gint) city, NULL, "in the city", 0.7);
      add_agreement (f, desc, b, NULL, date);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_MET, (gint) b, NULL, "They met.", 0.8);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_JOB_TITLE, -1, "Water Minister", "the minister", 0.9);
      guint o = nkg_doc_facts_add_entity (f, NKG_CLASS_GOV_ORG, office, 1);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_WORKS_FOR, (gint) o, NULL, "of the office", 0.6);
      /* aliases, names and quotes are merged beside the facts on a
       * second thread */
      g_autofree char *acronym = g_strdup_printf ("BO%c%c%c", 'A' + d % 26, 'A' + d / 26 % 26, 'A' + d / 676);
      nkg_doc_facts_add_alias (f, o, acronym);
      nkg_doc_facts_add_quote (f, b, d % 3 ? "Rivers do not stop" : "We will sign");
      g_assert_true (nkg_graph_add_doc (g, f));
    }
  nkg_graph_finish (g);
  g_assert_cmpuint (g->entities->len, >=, 3072);
  g_assert_cmpuint (g->facts->len, >=, 3072);
  guint conflicted = 0;
  for (guint i = 0; i < g->facts->len; i++)
    conflicted += ((NkgFact *) g_ptr_array_index (g->facts, i))->conflicts->len > 0;
  g_assert_cmpuint (conflicted, >, 0);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_assert_true (nkg_turtle_write_ranges (g, NULL, out, 1, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_finish_threads (void)
{
  g_autoptr (GBytes) one = finished_on (1, NULL);
  g_autoptr (GBytes) three = finished_on (3, NULL);
  g_assert_true (g_bytes_equal (one, three));
}

/* The finish tells a caller's hook (NEWSKG_TIMES) each of its steps in
 * order, and each pass of the merge with its own thread's CPU, on one
 * thread or several; the hook does not change the graph. */
static void
test_finish_steps (void)
{
  const char *want = "linking;merge: the facts pass(thread);"
                     "merge: the entity and quote pass(thread);merge;clustering;remap;"
                     "names+IRIs;statements;index;conflicts;";
  g_autoptr (GBytes) plain = finished_on (1, NULL);
  for (guint threads = 1; threads <= 2; threads++)
    {
      g_autoptr (GString) steps = g_string_new (NULL);
      g_autoptr (GBytes) timed = finished_on (threads, steps);
      g_assert_cmpstr (steps->str, ==, want);
      g_assert_true (g_bytes_equal (plain, timed));
    }
}

/* A fact's confidence combines each document's best confidence for it:
 * with up to two documents they are kept in the fact's build state, with
 * more on the heap, and both must give every document's own value. */
static void
test_confidence_per_doc (void)
{
  for (guint n = 1; n <= 9; n++)
    {
      g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
      double best[9];
      for (guint d = 0; d < n; d++)
        {
          g_autofree char *src = g_strdup_printf ("c%u.txt", d);
          g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
          guint p = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Ines Vale", 1);
          guint c = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "Chile", 1);
          /* each document says it twice, the second time more surely */
          best[d] = 0.30 + 0.07 * d;
          nkg_doc_facts_add_fact_text (f, p, NKG_PROP_REPRESENTS, (gint) c, NULL, "Vale of Chile.", best[d] - 0.2);
          nkg_doc_facts_add_fact_text (f, p, NKG_PROP_REPRESENTS, (gint) c, NULL, "Chile's Vale.", best[d]);
          nkg_graph_add_doc (g, f);
        }
      nkg_graph_finish (g);
      g_assert_cmpuint (g->facts->len, ==, 1);
      NkgFact *fact = g_ptr_array_index (g->facts, 0);
      g_assert_cmpuint (fact->docs->len, ==, n);
      g_assert_cmpfloat_with_epsilon (fact->confidence, nkg_confidence_combine (best, n), 1e-9);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/graph/names", test_names);
  g_test_add_func ("/graph/merge-support", test_merge_support);
  g_test_add_func ("/graph/confidence-per-doc", test_confidence_per_doc);
  g_test_add_func ("/graph/surnames", test_surnames);
  g_test_add_func ("/graph/cluster-descriptions", test_cluster_descriptions);
  g_test_add_func ("/graph/cluster-story", test_cluster_story);
  g_test_add_func ("/graph/cluster-many", test_cluster_many);
  g_test_add_func ("/graph/cluster-counted", test_cluster_counted);
  g_test_add_func ("/graph/country-vs-place", test_country_vs_place);
  g_test_add_func ("/graph/place-conflicts", test_place_conflicts);
  g_test_add_func ("/graph/unlinkable", test_unlinkable);
  g_test_add_func ("/graph/suggest", test_suggest);
  g_test_add_func ("/graph/finish-threads", test_finish_threads);
  g_test_add_func ("/graph/finish-steps", test_finish_steps);
  return g_test_run ();
}
