/* test-export.c — the exporter table: Raptor and json-glib write what the
 * contract says, every format reads back (with rapper, and with rdflib for
 * JSON-LD) to the same triples as the Turtle, the same graph always gives
 * the same bytes, the Turtle loads back into the same graph, every nkg:
 * term written is defined in vocab/newskg.ttl, and a literal that is not
 * UTF-8 is repaired with a warning instead of costing its subject. */
#include <glib.h>
#include <glib/gstdio.h>
#include <raptor2.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "export/atomic.h"
#include "export/export.h"
#include "export/triples.h"
#include "graph/load.h"
#include "test-spawn.h"

static char *source_root;
static char *workdir;
static char *rapper; /* full path, or NULL when raptor2-utils is missing */

/* Two articles of our own: people, a title, a signing with a city whose
 * country comes from the gazetteer in the second, two dates for one
 * agreement (a conflict), a quote, a URL, and characters beyond ASCII. */
static NkgGraph *
sample (void)
{
  NkgGraph *g = nkg_graph_new (NULL);
  for (int d = 0; d < 2; d++)
    {
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (d ? "news/b.txt" : "news/a.txt");
      f->sha256 = g_strdup (d ? "bbbbbbbbbbbbbbbb0000000000000000000000000000000000000000000000ff"
                              : "aaaaaaaaaaaaaaaa0000000000000000000000000000000000000000000000ff");
      f->title = g_strdup (d ? "Tarn pact: a second view" : "Ostrava and Tarn sign \"historic\" pact");
      f->date = g_strdup ("2025-03-14");
      f->format = g_strdup ("text");
      f->language = g_strdup ("en");
      if (!d)
        f->url = g_strdup ("https://news.example.org/2025/03/pact?id=1&lang=en");
      guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Mira Solenko", 3);
      nkg_doc_facts_add_alias (f, a, "Solenko");
      guint b = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Jonas Veldt", 2);
      nkg_doc_facts_add_alias (f, b, "@JVeldt");
      guint cz = nkg_doc_facts_add_entity (f, NKG_CLASS_COUNTRY, "Czechia", 1);
      guint min = nkg_doc_facts_add_entity (f, NKG_CLASS_GOV_ORG, "Ministry of Rivers", 1);
      guint city = nkg_doc_facts_add_entity (f, NKG_CLASS_CITY, "Ostrava", 1);
      guint ev = nkg_doc_facts_add_entity (f, NKG_CLASS_EVENT, "Oder Basin Summit", 1);
      guint pact = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "Oder Basin Water Pact", 1);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_JOB_TITLE, -1, "Water Minister",
                                   "Water Minister Mira Solenko said “yes”.", 0.9);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_REPRESENTS, (gint) cz, NULL,
                                   "Czech Water Minister Mira Solenko spoke.", 0.9);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_WORKS_FOR, (gint) min, NULL,
                                   "Solenko of the Ministry of Rivers spoke.", 0.6);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_SIGNED, (gint) pact, NULL, "They signed it.", 0.8);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_MET, (gint) b, NULL, "They met.", 0.8);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_ATTENDED, (gint) ev, NULL, "At the summit.", 0.7);
      nkg_doc_facts_add_fact_text (f, pact, NKG_PROP_PARTY, (gint) cz, NULL, "Czechia joined.", 0.7);
      nkg_doc_facts_add_fact_text (f, pact, NKG_PROP_SIGNED_IN, (gint) city, NULL, "in Ostrava", 0.7);
      nkg_doc_facts_add_fact_text (f, pact, NKG_PROP_SIGNED_ON, -1, d ? "2025-03-13" : "2025-03-14",
                                   d ? "on Thursday" : "on Friday", 0.7);
      nkg_doc_facts_add_fact_text (f, pact, NKG_PROP_DURATION, -1, "P10Y", "10-year", 0.9);
      nkg_doc_facts_add_fact_text (f, ev, NKG_PROP_LOCATION, (gint) city, NULL, "in Ostrava", 0.7);
      nkg_doc_facts_add_fact_text (f, ev, NKG_PROP_START_DATE, -1, "2025-03-13", "began Thursday", 0.7);
      nkg_doc_facts_add_fact_text (f, b, NKG_PROP_HANDLE, -1, "@JVeldt", "— Jonas Veldt (@JVeldt)", 0.9);
      nkg_doc_facts_add_quote (f, b, "Rivers do not stop at borders");
      if (d)
        {
          /* the city's country, looked up rather than read */
          nkg_doc_facts_add_fact (f, city, NKG_PROP_CONTAINED_IN, (gint) cz, NULL, 0, 0.6);
          NkgLocalFact *gz = g_ptr_array_index (f->facts, f->facts->len - 1);
          gz->gazetteer = TRUE;
          guint older = nkg_doc_facts_add_entity (f, NKG_CLASS_AGREEMENT, "Oder Accord of 1996", 1);
          nkg_doc_facts_add_fact_text (f, pact, NKG_PROP_REPLACES, (gint) older, NULL,
                                       "It replaces the Oder Accord of 1996.", 0.8);
          guint sub = nkg_doc_facts_add_entity (f, NKG_CLASS_GOV_ORG, "Flood Office", 1);
          nkg_doc_facts_add_fact_text (f, min, NKG_PROP_SUB_ORG, (gint) sub, NULL,
                                       "The ministry's Flood Office.", 0.7);
        }
      g_assert_true (nkg_graph_add_doc (g, f));
    }
  nkg_graph_finish (g);
  return g;
}

static char *
work_path (const char *name)
{
  return g_build_filename (workdir, name, NULL);
}

static char *
export_file (NkgGraph *g, const char *format, const char *name)
{
  char *path = work_path (name);
  g_autoptr (GError) error = NULL;
  const NkgExporter *ex = nkg_exporter_by_name (format);
  g_assert_nonnull (ex);
  g_assert_true (nkg_export_to_path (ex, g, NULL, path, &error));
  g_assert_no_error (error);
  return path;
}

/* ---------------------------------------------------------------- Turtle */

static void
test_round_trip (void)
{
  g_autoptr (NkgGraph) g = sample ();
  g_autofree char *p1 = export_file (g, "turtle", "one.ttl");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (p1, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "@prefix nkg: <https://w3id.org/newskg#>"));
  g_assert_nonnull (strstr (text, "@prefix schema: <http://schema.org/>"));
  g_assert_nonnull (strstr (text, "\"P10Y\"^^xsd:duration"));
  g_assert_nonnull (strstr (text, "\"2025-03-14\"^^xsd:date"));
  g_assert_nonnull (strstr (text, "nkg:source nkg:Gazetteer"));
  g_assert_nonnull (strstr (text, "nkg:conflictsWith"));
  g_assert_nonnull (strstr (text, "schema:softwareVersion \"" NKG_VERSION "\""));
  /* the URL as an IRI, its & intact */
  g_assert_nonnull (strstr (text, "<https://news.example.org/2025/03/pact?id=1&lang=en>"));

  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) back = nkg_graph_load_turtle (p1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->entities->len, ==, g->entities->len);
  g_assert_cmpuint (back->facts->len, ==, g->facts->len);
  g_assert_cmpuint (back->evidence->len, ==, g->evidence->len);
  g_assert_cmpuint (back->quotes->len, ==, 1);
  g_assert_cmpuint (back->docs->len, ==, 2);
  g_assert_cmpstr (back->version, ==, NKG_VERSION);
  g_assert_cmpstr (back->base, ==, NKG_DEFAULT_BASE);
  NkgDoc *d = g_ptr_array_index (back->docs, 0);
  g_assert_cmpstr (d->title, ==, "Ostrava and Tarn sign \"historic\" pact");
  g_assert_cmpstr (d->url, ==, "https://news.example.org/2025/03/pact?id=1&lang=en");
  g_assert_cmpstr (d->format, ==, "text");
  g_assert_cmpstr (d->language, ==, "en");
  g_autoptr (GPtrArray) hits = nkg_graph_find (back, "@jveldt");
  g_assert_cmpuint (hits->len, ==, 1);
  NkgEntity *jv = g_ptr_array_index (hits, 0);
  g_assert_cmpuint (jv->quotes->len, ==, 1);
  guint conflicts = 0, gazetteer = 0;
  for (guint i = 0; i < back->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (back->facts, i);
      conflicts += f->conflicts->len;
      gazetteer += f->gazetteer;
      for (guint k = 0; k < f->evidence->len; k++)
        {
          NkgEvidence *ev = g_ptr_array_index (f->evidence, k);
          g_assert_nonnull (ev->doc);
          g_assert_true (g_ptr_array_find (f->docs, ev->doc, NULL));
          g_assert_cmpuint (ev->end - ev->start, ==, g_utf8_strlen (ev->text, -1));
        }
    }
  g_assert_cmpuint (conflicts, ==, 2); /* one pair, both ways */
  g_assert_cmpuint (gazetteer, ==, 1);

  /* what was read writes the same bytes */
  g_autofree char *p2 = export_file (back, "turtle", "two.ttl");
  g_autofree char *again = NULL;
  g_assert_true (g_file_get_contents (p2, &again, NULL, NULL));
  g_assert_cmpstr (text, ==, again);
}

/* A base ending in '#' is read back from the build node too. */
static void
test_hash_base (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new ("https://example.org/kg#");
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("a.txt");
  guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Ada Quill", 1);
  nkg_doc_facts_add_fact_text (f, a, NKG_PROP_JOB_TITLE, -1, "Envoy", "Envoy Ada Quill.", 0.9);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  g_autofree char *p = export_file (g, "turtle", "hash.ttl");
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) back = nkg_graph_load_turtle (p, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->base, ==, "https://example.org/kg#");
  g_assert_cmpstr (((NkgEntity *) g_ptr_array_index (back->entities, 0))->iri, ==,
                   "https://example.org/kg#person/ada-quill");
}

/* ---------------------------------------------------------------- streaming Turtle */

static GBytes *
write_with (NkgGraph *g, gboolean raptor)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  gboolean ok = raptor ? nkg_raptor_write ("turtle", g, NULL, out, &error)
                       : nkg_turtle_write (g, NULL, out, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_as_raptor (NkgGraph *g)
{
  g_autoptr (GBytes) mine = write_with (g, FALSE);
  g_autoptr (GBytes) raptor = write_with (g, TRUE);
  if (!g_bytes_equal (mine, raptor))
    {
      g_autofree char *a = work_path ("stream.ttl"), *b = work_path ("raptor.ttl");
      g_file_set_contents (a, g_bytes_get_data (mine, NULL), g_bytes_get_size (mine), NULL);
      g_file_set_contents (b, g_bytes_get_data (raptor, NULL), g_bytes_get_size (raptor), NULL);
      g_error ("the streamed Turtle differs from Raptor's: diff %s %s", a, b);
    }
}

/* tests/data/mini.ttl, loaded. */
static NkgGraph *
load_mini (void)
{
  g_autofree char *mini = g_build_filename (source_root, "tests", "data", "mini.ttl", NULL);
  g_autoptr (GError) error = NULL;
  NkgGraph *g = nkg_graph_load_turtle (mini, &error);
  g_assert_no_error (error);
  return g;
}

/* The streaming writer writes the bytes Raptor's serializer wrote before
 * it: on the sample, under a '#' base (subjects that are QNames), on a
 * graph read back from a file, and on texts that need every escape. */
static void
test_turtle_as_raptor (void)
{
  g_autoptr (NkgGraph) g = sample ();
  assert_as_raptor (g);

  g_autoptr (NkgGraph) h = nkg_graph_new ("https://w3id.org/newskg#");
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("dir/odd \"name\\ <1>.txt");
  f->title = g_strdup ("Line one\nline \"two\"\twith a tab, a \\ and ünïcödé ✓");
  f->url = g_strdup ("https://example.org/a b/{c}|^`?q=\"x\"");
  guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Ada \"Q\" Quill", 2);
  nkg_doc_facts_add_alias (f, a, "A. Quill\\");
  nkg_doc_facts_add_alias (f, a, "Quill");
  nkg_doc_facts_add_fact_text (f, a, NKG_PROP_JOB_TITLE, -1, "Envoy \"extraordinary\"",
                               "Envoy Ada Quill said:\n\"we \\ agree\".", 0.9);
  nkg_doc_facts_add_quote (f, a, "Ends in a quote\"");
  nkg_graph_add_doc (h, f);
  nkg_graph_finish (h);
  assert_as_raptor (h);

  g_autoptr (NkgGraph) back = load_mini ();
  assert_as_raptor (back);
}

/* Turtle written on several threads, the subjects cut into ranges, is
 * the one walk's bytes and warnings, in order, however it is cut; and a
 * stream that fills up stops it with the stream's error. */
static GBytes *
write_ranges (NkgGraph *g, guint threads, gsize triples, GPtrArray *warnings)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  NkgExportOptions opt = { NULL, warnings };
  g_assert_true (nkg_turtle_write_ranges (g, &opt, out, threads, triples, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_ranges_same (NkgGraph *g)
{
  g_autoptr (GPtrArray) w1 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) one = write_ranges (g, 1, 1, w1);
  for (guint threads = 2; threads <= 3; threads++)
    for (gsize triples = 1; triples <= 64; triples *= 8)
      {
        g_autoptr (GPtrArray) wn = g_ptr_array_new_with_free_func (g_free);
        g_autoptr (GBytes) more = write_ranges (g, threads, triples, wn);
        g_assert_true (g_bytes_equal (one, more));
        g_assert_cmpuint (wn->len, ==, w1->len);
        for (guint i = 0; i < w1->len; i++)
          g_assert_cmpstr (g_ptr_array_index (wn, i), ==, g_ptr_array_index (w1, i));
      }
}

static void
test_turtle_ranges (void)
{
  g_autoptr (NkgGraph) g = sample ();
  assert_ranges_same (g);

  /* sources that are not UTF-8, in documents and entities spread over
   * many ranges: each warning once, in the walk's order */
  g_autoptr (NkgGraph) h = nkg_graph_new (NULL);
  for (int d = 0; d < 9; d++)
    {
      g_autofree char *src = g_strdup_printf ("d%d/caf\xe9.txt", d);
      g_autoptr (NkgDocFacts) f = nkg_doc_facts_new (src);
      f->title = g_strdup_printf ("Title %d", d);
      guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, d % 2 ? "Ilse Marr" : "Oren Tavi", 1);
      g_autofree char *name = g_strdup_printf ("Aldo Brin%c", 'a' + d);
      guint b = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, name, 1);
      nkg_doc_facts_add_fact_text (f, a, NKG_PROP_MET, (gint) b, NULL, "They met.", 0.8);
      g_autofree char *title = g_strdup_printf ("Envoy %d \xff", d);
      nkg_doc_facts_add_fact_text (f, b, NKG_PROP_JOB_TITLE, -1, title, "Envoy Aldo Brin.", 0.9);
      nkg_graph_add_doc (h, f);
    }
  nkg_graph_finish (h);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) once = write_ranges (h, 1, 1, warnings);
  g_assert_cmpuint (warnings->len, >=, 9);
  assert_ranges_same (h);

  g_autoptr (NkgGraph) back = load_mini ();
  assert_ranges_same (back);

  g_autoptr (GError) error = NULL;

  /* room for the prefixes and a few subjects only */
  gsize room = g_bytes_get_size (once) / 3;
  g_autofree char *buf = g_malloc (room);
  g_autoptr (GOutputStream) full = g_memory_output_stream_new (buf, room, NULL, NULL);
  g_assert_false (nkg_turtle_write_ranges (h, NULL, full, 2, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* A carriage return inside a one-line string is written as \r (Raptor
 * wrote it raw, which a Turtle parser must refuse), and reads back. */
static void
test_turtle_carriage_return (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("a.txt");
  f->title = g_strdup ("one\rtwo");
  nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Ada Quill", 1);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  g_autoptr (GBytes) mine = write_with (g, FALSE);
  g_autofree char *text = g_strndup (g_bytes_get_data (mine, NULL), g_bytes_get_size (mine));
  g_assert_nonnull (strstr (text, "\"one\\rtwo\""));
  g_autofree char *p = export_file (g, "turtle", "cr.ttl");
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) back = nkg_graph_load_turtle (p, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((NkgDoc *) g_ptr_array_index (back->docs, 0))->title, ==, "one\rtwo");
}

/* ---------------------------------------------------------------- formats */

static gint
cmp_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Sorted N-Triples of `path` as rapper reads it; N-Quads' graph name is
 * dropped so that the triples compare. */
static char *
sorted_ntriples (const char *syntax, const char *path)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { rapper, "-q", "-i", syntax, "-o", "ntriples", path, NULL };
  int st = nkg_test_run (argv, &out, &err);
  if (st != 0)
    g_error ("rapper -i %s %s: exit %d\n%s", syntax, path, st, err);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();
  for (char **l = lines; *l; l++)
    {
      if (!**l)
        continue;
      char *graph = strstr (*l, " <" NKG_DEFAULT_BASE "graph> .");
      if (graph)
        strcpy (graph, " .");
      g_ptr_array_add (kept, *l);
    }
  g_ptr_array_sort (kept, cmp_lines);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("\n", (char **) kept->pdata);
}

/* Every RDF format, written twice: the same bytes each time, and the same
 * triples as the Turtle (rapper for Raptor's syntaxes, rdflib for JSON-LD). */
static void
test_formats (void)
{
  if (!rapper)
    {
      g_test_skip ("rapper (raptor2-utils) is not installed");
      return;
    }
  g_autoptr (NkgGraph) g = sample ();
  g_autofree char *ttl = export_file (g, "turtle", "f.ttl");
  g_autofree char *want = sorted_ntriples ("turtle", ttl);
  g_assert_cmpuint (strlen (want), >, 1000);
  const struct {
    const char *format, *syntax, *ext;
  } formats[] = {
    { "turtle", "turtle", "ttl" },  { "ntriples", "ntriples", "nt" },
    { "nquads", "nquads", "nq" },   { "rdfxml", "rdfxml", "rdf" },
    { "jsonld", NULL, "jsonld" },
  };
  guint n;
  const NkgExporter *table = nkg_exporters (&n);
  guint rdf = 0;
  for (guint i = 0; i < n; i++)
    rdf += table[i].rdf;
  g_assert_cmpuint (rdf, ==, G_N_ELEMENTS (formats)); /* every RDF exporter is tested */
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *n1 = g_strdup_printf ("f1.%s", formats[i].ext);
      g_autofree char *n2 = g_strdup_printf ("f2.%s", formats[i].ext);
      g_autofree char *p1 = export_file (g, formats[i].format, n1);
      g_autofree char *p2 = export_file (g, formats[i].format, n2);
      g_autofree char *a = NULL, *b = NULL;
      g_assert_true (g_file_get_contents (p1, &a, NULL, NULL));
      g_assert_true (g_file_get_contents (p2, &b, NULL, NULL));
      g_assert_cmpstr (a, ==, b);
      /* -o picks the same exporter by the extension */
      g_assert_true (nkg_exporter_by_path (n1) == nkg_exporter_by_name (formats[i].format));
      if (!formats[i].syntax)
        continue;
      g_autofree char *got = sorted_ntriples (formats[i].syntax, p1);
      if (strcmp (got, want) != 0)
        g_error ("%s does not read back to the Turtle's triples:\n%s\n---- Turtle:\n%s",
                 formats[i].format, got, want);
    }
  /* JSON-LD: rdflib expands it (with the shipped context) to the same
   * graph; every key of a node is one of the context's short terms. */
  g_autofree char *jsonld = work_path ("f1.jsonld");
  const char *script =
    "import json, sys, rdflib\n"
    "from rdflib.compare import isomorphic\n"
    "j = rdflib.Graph(); j.parse(sys.argv[1], format='json-ld')\n"
    "t = rdflib.Graph(); t.parse(sys.argv[2], format='turtle')\n"
    "if set(j) != set(t):\n"
    "    for x in sorted(set(j) ^ set(t))[:10]: print('differs:', x)\n"
    "    sys.exit(1)\n"
    "doc = json.load(open(sys.argv[1]))\n"
    "long = [k for n in doc['@graph'] for k in n if ':' in k or '/' in k]\n"
    "if long: print('keys without a term:', sorted(set(long))); sys.exit(1)\n"
    "print(len(j))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, jsonld, ttl, NULL };
  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("no /usr/bin/python3: JSON-LD not read back");
      return;
    }
  g_autofree char *out = NULL, *err = NULL;
  int st = nkg_test_run (argv, &out, &err);
  if (st != 0)
    g_error ("JSON-LD does not read back to the Turtle's triples (rdflib):\n%s%s", out, err);
  g_auto (GStrv) lines = g_strsplit (want, "\n", -1);
  g_assert_cmpuint (g_ascii_strtoull (out, NULL, 10), ==, (guint64) g_strv_length (lines));
}

/* ---------------------------------------------------------------- vocabulary */

typedef struct {
  GHashTable *used;    /* nkg: IRIs the exporter writes, → "property" / "class" / "value" */
} Used;

static gboolean
collect_nkg (const char *s, const char *p, const NkgTerm *o, gpointer data, GError **error)
{
  (void) s;
  (void) error;
  Used *u = data;
  if (g_str_has_prefix (p, NKG_NS_NKG))
    g_hash_table_insert (u->used, g_strdup (p), "property");
  if (!o->literal && g_str_has_prefix (o->value, NKG_NS_NKG))
    g_hash_table_insert (u->used, g_strdup (o->value),
                         strcmp (p, NKG_NS_RDF "type") == 0 ? "class" : "value");
  return TRUE;
}

typedef struct {
  GHashTable *facts; /* "s p" → GPtrArray of objects */
} Vocab;

static void
vocab_statement (void *data, raptor_statement *st)
{
  Vocab *v = data;
  if (st->subject->type != RAPTOR_TERM_TYPE_URI || st->predicate->type != RAPTOR_TERM_TYPE_URI)
    return;
  g_autofree char *key = g_strdup_printf ("%s %s", raptor_uri_as_string (st->subject->value.uri),
                                          raptor_uri_as_string (st->predicate->value.uri));
  GPtrArray *objs = g_hash_table_lookup (v->facts, key);
  if (!objs)
    {
      objs = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (v->facts, g_steal_pointer (&key), objs);
    }
  const char *o = st->object->type == RAPTOR_TERM_TYPE_URI
                      ? (const char *) raptor_uri_as_string (st->object->value.uri)
                  : st->object->type == RAPTOR_TERM_TYPE_LITERAL
                      ? (const char *) st->object->value.literal.string
                      : "_:blank";
  g_ptr_array_add (objs, g_strdup (o));
}

static GPtrArray *
vocab_get (Vocab *v, const char *s, const char *p)
{
  g_autofree char *key = g_strdup_printf ("%s %s", s, p);
  return g_hash_table_lookup (v->facts, key);
}

static gboolean
vocab_has (Vocab *v, const char *s, const char *p, const char *o)
{
  GPtrArray *objs = vocab_get (v, s, p);
  for (guint i = 0; objs && i < objs->len; i++)
    if (strcmp (g_ptr_array_index (objs, i), o) == 0)
      return TRUE;
  return FALSE;
}

#define OWL "http://www.w3.org/2002/07/owl#"

/* vocab/newskg.ttl parses, and defines every nkg: term the exporter
 * writes: a label and a comment each, a domain and a range for each
 * property, nkg:met symmetric, and the version of this build. */
static void
test_vocabulary (void)
{
  g_autofree char *path = g_build_filename (source_root, "vocab", "newskg.ttl", NULL);
  Vocab v = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_ptr_array_unref) };
  raptor_world *world = raptor_new_world ();
  raptor_parser *parser = raptor_new_parser (world, "turtle");
  raptor_parser_set_statement_handler (parser, &v, vocab_statement);
  g_autofree char *uri_s = g_filename_to_uri (path, NULL, NULL);
  raptor_uri *uri = raptor_new_uri (world, (const unsigned char *) uri_s);
  g_assert_cmpint (raptor_parser_parse_file (parser, uri, NULL), ==, 0);
  raptor_free_uri (uri);
  raptor_free_parser (parser);
  raptor_free_world (world);
  g_assert_cmpuint (g_hash_table_size (v.facts), >, 50);

  g_autoptr (NkgGraph) g = sample ();
  Used u = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  g_assert_true (nkg_graph_walk_triples (g, collect_nkg, &u, NULL, NULL));
  /* the contract's own tables too, whether the sample uses them or not */
  for (int p = 0; p < NKG_PROP_N; p++)
    if (g_str_has_prefix (nkg_prop_info (p)->iri, NKG_NS_NKG))
      g_hash_table_insert (u.used, g_strdup (nkg_prop_info (p)->iri), "property");
  for (int c = 0; c < NKG_CLASS_N; c++)
    if (g_str_has_prefix (nkg_class_info (c)->iri, NKG_NS_NKG))
      g_hash_table_insert (u.used, g_strdup (nkg_class_info (c)->iri), "class");
  g_assert_cmpuint (g_hash_table_size (u.used), >=, 25);

  GHashTableIter it;
  gpointer k, val;
  g_hash_table_iter_init (&it, u.used);
  while (g_hash_table_iter_next (&it, &k, &val))
    {
      const char *term = k, *kind = val;
      if (!vocab_get (&v, term, NKG_NS_RDFS "label") || !vocab_get (&v, term, NKG_NS_RDFS "comment"))
        g_error ("%s (written by the exporter) has no rdfs:label or rdfs:comment in %s", term, path);
      if (strcmp (kind, "property") == 0)
        {
          if (!vocab_get (&v, term, NKG_NS_RDFS "domain") || !vocab_get (&v, term, NKG_NS_RDFS "range"))
            g_error ("property %s has no rdfs:domain or rdfs:range in %s", term, path);
          g_assert_true (vocab_has (&v, term, NKG_NS_RDF "type", NKG_NS_RDF "Property"));
        }
      else if (strcmp (kind, "class") == 0)
        g_assert_true (vocab_has (&v, term, NKG_NS_RDF "type", OWL "Class"));
    }
  g_assert_true (vocab_has (&v, NKG_NS_NKG "met", NKG_NS_RDF "type", OWL "SymmetricProperty"));
  g_assert_true (vocab_has (&v, NKG_NS_NKG "conflictsWith", NKG_NS_RDF "type", OWL "SymmetricProperty"));
  g_assert_true (vocab_has (&v, "https://w3id.org/newskg", OWL "versionInfo", NKG_VERSION));
  g_hash_table_unref (u.used);
  g_hash_table_unref (v.facts);
}

/* ---------------------------------------------------------------- UTF-8 */

/* A source name in another encoding (Latin-1 "café") reaches the writer:
 * it is repaired, the caller hears of it, and the document keeps every
 * one of its triples in every syntax. */
static void
test_invalid_utf8 (void)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("caf\xe9/r\xe9sum\xe9.txt");
  f->sha256 = g_strdup ("cccccccccccccccc0000000000000000000000000000000000000000000000ff");
  f->title = g_strdup ("A title after the bad source");
  f->date = g_strdup ("2025-01-02");
  guint a = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Ilse Marr", 1);
  nkg_doc_facts_add_fact_text (f, a, NKG_PROP_JOB_TITLE, -1, "Envoy", "Envoy Ilse Marr spoke.", 0.9);
  nkg_graph_add_doc (g, f);
  nkg_graph_finish (g);
  const char *formats[] = { "turtle", "ntriples", "nquads", "rdfxml", "jsonld" };
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      NkgExportOptions opt = { NULL, warnings };
      g_autofree char *path = work_path ("bad-utf8.out");
      g_autoptr (GError) error = NULL;
      g_assert_true (nkg_export_to_path (nkg_exporter_by_name (formats[i]), g, &opt, path, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (warnings->len, ==, 1);
      const char *w = g_ptr_array_index (warnings, 0);
      g_assert_nonnull (strstr (w, "source"));
      g_assert_nonnull (strstr (w, "U+FFFD"));
      g_assert_true (g_utf8_validate (w, -1, NULL));
      g_autofree char *text = NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_nonnull (strstr (text, "A title after the bad source"));
      /* raw in Turtle, RDF/XML and JSON-LD; N-Triples and N-Quads escape it */
      g_assert_true (strstr (text, "caf\xef\xbf\xbd/r\xef\xbf\xbdsum\xef\xbf\xbd.txt")
                     || strstr (text, "caf\\uFFFD/r\\uFFFDsum\\uFFFD.txt"));
      if (i < 4 && rapper)
        {
          /* the document keeps its types, sha256 and date: nothing dropped */
          g_autofree char *nt = sorted_ntriples (i == 3 ? "rdfxml" : formats[i], path);
          const char *doc = "<" NKG_DEFAULT_BASE "doc/cccccccccccccccc> ";
          g_autofree char *sha = g_strconcat (doc, "<" NKG_NS_NKG "sha256> ", NULL);
          g_autofree char *date = g_strconcat (doc, "<" NKG_NS_DCTERMS "date> ", NULL);
          g_autofree char *type = g_strconcat (doc, "<" NKG_NS_RDF "type> <" NKG_NS_NKG "Document>", NULL);
          g_assert_nonnull (strstr (nt, sha));
          g_assert_nonnull (strstr (nt, date));
          g_assert_nonnull (strstr (nt, type));
          g_assert_nonnull (strstr (nt, "caf\\uFFFD/r\\uFFFDsum\\uFFFD.txt"));
        }
    }
}

/* ---------------------------------------------------------------- errors */

static void
test_write_error (void)
{
  g_autoptr (NkgGraph) g = sample ();
  g_autoptr (GError) error = NULL;
  g_assert_false (nkg_export_to_path (nkg_exporter_by_name ("turtle"), g, NULL,
                                      "/nonexistent/dir/x.ttl", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/x.ttl"));
  g_assert_null (nkg_exporter_by_name ("turtle2"));
  g_assert_null (nkg_exporter_by_path ("corpus.txt"));
  g_assert_null (nkg_exporter_by_path ("corpus"));
  g_assert_true (nkg_exporter_by_path ("x/CORPUS.NT") == nkg_exporter_by_name ("ntriples"));
}

static void
test_load_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_assert_null (nkg_graph_load_turtle ("/nonexistent/corpus.ttl", &error));
  g_assert_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_autofree char *p = work_path ("bad.ttl");
  g_file_set_contents (p, "@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b \"open\n.\n", -1, NULL);
  g_assert_null (nkg_graph_load_turtle (p, &error));
  g_assert_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "bad.ttl:"));
  g_clear_error (&error);
  /* a binary file is an error, not an empty graph */
  g_file_set_contents (p, "\x7f" "ELF\0\0\0binary", 12, NULL);
  g_assert_null (nkg_graph_load_turtle (p, &error));
  g_assert_error (error, NKG_LOAD_ERROR, NKG_LOAD_ERROR_SYNTAX);
  g_clear_error (&error);
  /* bytes that are not UTF-8 inside a literal: refused with a line, and
   * (under ASan) without leaking what Raptor had built */
  g_file_set_contents (p, "<http://x/a> <http://x/b> \"caf\xe9\" .\n", -1, NULL);
  NkgGraph *x = nkg_graph_load_turtle (p, &error);
  g_clear_pointer (&x, nkg_graph_free);
  g_clear_error (&error);
  g_unlink (p);
}

/* A version 1 graph (evidence as bare strings) still loads, and its
 * sentences are shown without a document. */
static void
test_load_version1 (void)
{
  g_autofree char *p = work_path ("v1.ttl");
  g_file_set_contents (p,
                       "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
                       "@prefix schema: <http://schema.org/> .\n"
                       "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
                       "@prefix nkg: <https://w3id.org/newskg#> .\n"
                       "<http://x/doc/a> a nkg:Document .\n"
                       "<http://x/p> a schema:Person ; schema:name \"Ada Quill\" ;\n"
                       "  schema:jobTitle \"Envoy\" .\n"
                       "<http://x/s> a rdf:Statement ; rdf:subject <http://x/p> ;\n"
                       "  rdf:predicate schema:jobTitle ; rdf:object \"Envoy\" ;\n"
                       "  prov:wasDerivedFrom <http://x/doc/a> ; nkg:evidence \"Envoy Ada Quill spoke.\" .\n",
                       -1, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->facts->len, ==, 1);
  NkgFact *f = g_ptr_array_index (g->facts, 0);
  g_assert_cmpuint (f->evidence->len, ==, 1);
  NkgEvidence *ev = g_ptr_array_index (f->evidence, 0);
  g_assert_null (ev->doc);
  g_assert_cmpstr (ev->text, ==, "Envoy Ada Quill spoke.");
  g_unlink (p);
}

/* ---------------------------------------------------------------- atomic */

static gboolean
write_then_fail (GOutputStream *out, gpointer data, GError **error)
{
  (void) data;
  for (int i = 0; i < 10000; i++)
    if (!g_output_stream_write_all (out, "half a graph\n", 13, NULL, NULL, error))
      return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the writer gave up");
  return FALSE;
}

static guint
count_temporaries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  const char *name;
  while ((name = g_dir_read_name (d)))
    n += strstr (name, ".newskg-") != NULL;
  return n;
}

/* A write that fails half way leaves the old file and no temporary; a
 * symlink keeps pointing at its (replaced) target; a file's mode stays. */
static void
test_atomic (void)
{
  g_autofree char *dir = work_path ("atomic");
  g_mkdir (dir, 0755);
  g_autofree char *path = g_build_filename (dir, "corpus.ttl", NULL);
  g_assert_true (g_file_set_contents (path, "the old graph\n", -1, NULL));
  g_chmod (path, 0640);
  g_autoptr (GError) error = NULL;
  g_assert_false (nkg_write_atomic (path, write_then_fail, NULL, &error));
  g_assert_nonnull (strstr (error->message, "the writer gave up"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "the old graph\n");
  g_assert_cmpuint (count_temporaries (dir), ==, 0);

  g_assert_true (nkg_write_atomic_bytes (path, "new\n", 4, &error));
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  g_autofree char *link = g_build_filename (dir, "link.ttl", NULL);
  g_assert_cmpint (symlink ("corpus.ttl", link), ==, 0);
  g_assert_true (nkg_write_atomic_bytes (link, "via the link\n", 13, &error));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_free (text);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "via the link\n");
  g_assert_cmpuint (count_temporaries (dir), ==, 0);

  /* a device is written in place, not replaced */
  g_assert_true (nkg_write_atomic_bytes ("/dev/null", "x", 1, &error));
  g_assert_false (g_file_test ("/dev/null", G_FILE_TEST_IS_REGULAR));
  /* a directory is an error */
  g_assert_false (nkg_write_atomic_bytes (dir, "x", 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_unlink (link);
  g_unlink (path);
  g_rmdir (dir);
}

/* Lines numbered 0 … 99999 (~2.1 MB), written in pieces smaller than
 * the write buffer. */
static gboolean
write_numbered (GOutputStream *out, gpointer data, GError **error)
{
  (void) data;
  for (int i = 0; i < 100000; i++)
    {
      char line[32];
      int n = g_snprintf (line, sizeof line, "line %d of the graph\n", i);
      if (!g_output_stream_write_all (out, line, n, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static GString *
numbered (void)
{
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 100000; i++)
    g_string_append_printf (s, "line %d of the graph\n", i);
  return s;
}

/* Replacing an existing file hands each written stretch to the kernel's
 * writeback before the fsync (atomic.c): the bytes stay exactly the
 * writer's, in order, and a write that fails on that path (here the
 * file-size limit, EFBIG, after the first stretch was handed over) still
 * fails the whole write, keeps the old file and leaves no temporary. */
static void
test_atomic_writeback (void)
{
  g_autofree char *dir = work_path ("writeback");
  g_mkdir (dir, 0755);
  g_autofree char *path = g_build_filename (dir, "corpus.ttl", NULL);
  g_autoptr (GString) want = numbered ();
  g_assert_cmpuint (want->len, >, 1 << 20);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_true (g_file_set_contents (path, "the old graph\n", -1, NULL));
  g_assert_true (nkg_write_atomic (path, write_numbered, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &len, NULL));
  g_assert_cmpuint (len, ==, want->len);
  g_assert_true (memcmp (text, want->str, len) == 0);
  g_clear_pointer (&text, g_free);

  g_assert_true (g_file_set_contents (path, "the old graph\n", -1, NULL));
  struct rlimit saved;
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  if (saved.rlim_cur != RLIM_INFINITY && saved.rlim_cur < want->len)
    {
      g_test_skip ("the file-size limit is already below the test's file");
      return;
    }
  struct rlimit small = saved;
  small.rlim_cur = (1 << 20) + (1 << 18);
  void (*old_handler) (int) = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  gboolean ok = nkg_write_atomic (path, write_numbered, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "the old graph\n");
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  if (!root)
    {
      g_printerr ("set NKG_SOURCE_ROOT (meson test does)\n");
      return 77;
    }
  source_root = g_strdup (root);
  workdir = g_dir_make_tmp ("nkg-export-XXXXXX", NULL);
  rapper = g_find_program_in_path ("rapper");
  g_test_add_func ("/export/turtle-round-trip", test_round_trip);
  g_test_add_func ("/export/turtle-as-raptor", test_turtle_as_raptor);
  g_test_add_func ("/export/turtle-carriage-return", test_turtle_carriage_return);
  g_test_add_func ("/export/turtle-ranges", test_turtle_ranges);
  g_test_add_func ("/export/formats", test_formats);
  g_test_add_func ("/export/hash-base", test_hash_base);
  g_test_add_func ("/export/vocabulary", test_vocabulary);
  g_test_add_func ("/export/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/export/write-error", test_write_error);
  g_test_add_func ("/export/load-errors", test_load_errors);
  g_test_add_func ("/export/load-version1", test_load_version1);
  g_test_add_func ("/export/atomic", test_atomic);
  g_test_add_func ("/export/atomic-writeback", test_atomic_writeback);
  int rc = g_test_run ();
  remove_tree (workdir);
  g_free (workdir);
  g_free (source_root);
  g_free (rapper);
  return rc;
}
