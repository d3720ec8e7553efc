/* test-input-cli.c — `newskg build` on every input format, through the
 * real binary: each sample's graph has the plain-text article's entities
 * and relations, no literal of it holds page furniture, its document has
 * the metadata's title and date; the same article read five ways is one
 * document with support 1; Latin-1 and UTF-16 give the UTF-8 graph; a
 * FIFO in a folder is one line, not a hang; a progress line on a
 * terminal, cleared before the summary, and none off a terminal or with
 * -q; a run that reads no article writes nothing; the summary's
 * counts (read, duplicates, other language, unusable, unreadable) are
 * the same in any argument order and thread count, in --json and in the
 * human line. */
#include <fcntl.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <raptor2.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-spawn.h"

static const char *newskg;
static char *inputs;
static char *tmp;

#define NS_ID "https://w3id.org/newskg/id/"
#define HEADLINE "Norway and Chile sign fisheries accord in Oslo"
#define URL "https://courier.example/world/2025/03/04/norway-chile-fisheries-accord"

static const char *const furniture[] = {
  "Bartholomew Quill", "Ingrid Solvang", "Gunnar Halvorsen", "Harald Fjell", "Einar Lunde",
  "Sunniva Brekke",    "Harbour Courier", "Subscribe",        "Advertisement", "Related stories",
  "Share on",          "Most read",       "Tomasz Rell",      "Content-Type",  "HTTP",
  "WARC",              "maintext",        "date_publish",     "appeared first", "{",
  "<",
};

typedef struct {
  GHashTable *links;    /* "s p o" between entities (not documents or statements) */
  GHashTable *literals; /* every literal but dcterms:source */
  GPtrArray *docs;      /* document IRIs */
  GHashTable *titles, *dates, *urls, *formats, *languages, *sources; /* document IRI → value */
  GPtrArray *support;   /* nkg:supportCount values */
} Graph;

static char *
term_str (raptor_term *t)
{
  if (t->type == RAPTOR_TERM_TYPE_URI)
    return g_strdup ((const char *) raptor_uri_as_string (t->value.uri));
  if (t->type == RAPTOR_TERM_TYPE_LITERAL)
    return g_strdup ((const char *) t->value.literal.string);
  return g_strdup ((const char *) t->value.blank.string);
}

static gboolean
is_entity (const char *iri)
{
  return g_str_has_prefix (iri, NS_ID) && !g_str_has_prefix (iri, NS_ID "doc/")
         && !g_str_has_prefix (iri, NS_ID "statement/") && !g_str_has_prefix (iri, NS_ID "evidence/")
         && !g_str_has_prefix (iri, NS_ID "quote/");
}

static void
on_triple (void *data, raptor_statement *st)
{
  Graph *g = data;
  g_autofree char *s = term_str (st->subject), *p = term_str (st->predicate), *o = term_str (st->object);
  if (st->object->type == RAPTOR_TERM_TYPE_LITERAL && !g_str_has_suffix (p, "/terms/source"))
    g_hash_table_add (g->literals, g_strdup (o));
  if (is_entity (s) && st->object->type == RAPTOR_TERM_TYPE_URI && is_entity (o))
    g_hash_table_add (g->links, g_strdup_printf ("%s %s %s", s, p, o));
  if (is_entity (s) && g_str_has_suffix (p, "schema.org/name"))
    g_hash_table_add (g->links, g_strdup_printf ("%s name %s", s, o));
  if (g_str_has_suffix (p, "#type") && g_str_has_suffix (o, "newskg#Document"))
    g_ptr_array_add (g->docs, g_strdup (s));
  if (g_str_has_suffix (p, "/terms/title"))
    g_hash_table_replace (g->titles, g_strdup (s), g_strdup (o));
  if (g_str_has_suffix (p, "/terms/date"))
    g_hash_table_replace (g->dates, g_strdup (s), g_strdup (o));
  if (strcmp (p, "http://schema.org/url") == 0)
    g_hash_table_replace (g->urls, g_strdup (s), g_strdup (o));
  if (g_str_has_suffix (p, "newskg#format"))
    g_hash_table_replace (g->formats, g_strdup (s), g_strdup (o));
  if (g_str_has_suffix (p, "/terms/language"))
    g_hash_table_replace (g->languages, g_strdup (s), g_strdup (o));
  if (g_str_has_suffix (p, "/terms/source"))
    g_hash_table_replace (g->sources, g_strdup (s), g_strdup (o));
  if (g_str_has_suffix (p, "#supportCount"))
    g_ptr_array_add (g->support, g_strdup (o));
}

static void
graph_clear (Graph *g)
{
  g_hash_table_unref (g->links);
  g_hash_table_unref (g->literals);
  g_ptr_array_unref (g->docs);
  g_hash_table_unref (g->titles);
  g_hash_table_unref (g->dates);
  g_hash_table_unref (g->urls);
  g_hash_table_unref (g->formats);
  g_hash_table_unref (g->languages);
  g_hash_table_unref (g->sources);
  g_ptr_array_unref (g->support);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Graph, graph_clear)

static Graph
load (const char *ttl)
{
  Graph g = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
              g_ptr_array_new_with_free_func (g_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
              g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
              g_ptr_array_new_with_free_func (g_free) };
  raptor_world *world = raptor_new_world ();
  raptor_parser *parser = raptor_new_parser (world, "turtle");
  raptor_parser_set_statement_handler (parser, &g, on_triple);
  g_autofree char *uri_s = g_filename_to_uri (ttl, NULL, NULL);
  raptor_uri *uri = raptor_new_uri (world, (const unsigned char *) uri_s);
  g_assert_cmpint (raptor_parser_parse_file (parser, uri, NULL), ==, 0);
  raptor_free_uri (uri);
  raptor_free_parser (parser);
  raptor_free_world (world);
  return g;
}

/* Runs `newskg build ARGS… -o OUT -v` with `stdin_text` on standard input
 * (or none); returns the exit status, stderr in *err. */
static int
build (const char *out, const char *stdin_text, char **err, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) newskg);
  g_ptr_array_add (argv, "build");
  va_list ap;
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (gpointer) out);
  g_ptr_array_add (argv, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) p = g_subprocess_newv ((const char *const *) argv->pdata,
                                                 G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                                 &error);
  g_assert_no_error (error);
  g_autofree char *out_s = NULL;
  g_assert_true (g_subprocess_communicate_utf8 (p, stdin_text ? stdin_text : "", NULL, &out_s, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  return g_subprocess_get_exit_status (p);
}

static char *
sample (const char *name)
{
  return g_build_filename (inputs, name, NULL);
}

static char *
out_path (const char *name)
{
  return g_build_filename (tmp, name, NULL);
}

/* The first run's Turtle kept in *first; every later one must be its bytes.
 * The file is removed. */
static void
same_as_first (char **first, const char *ttl)
{
  g_autofree char *got = NULL;
  g_assert_true (g_file_get_contents (ttl, &got, NULL, NULL));
  if (!*first)
    *first = g_steal_pointer (&got);
  else
    g_assert_cmpstr (got, ==, *first);
  g_unlink (ttl);
}

static void
check_no_furniture (const Graph *g, const char *what)
{
  GHashTableIter it;
  gpointer lit;
  g_hash_table_iter_init (&it, g->literals);
  while (g_hash_table_iter_next (&it, &lit, NULL))
    for (gsize i = 0; i < G_N_ELEMENTS (furniture); i++)
      if (strstr (lit, furniture[i]))
        g_error ("%s: furniture '%s' in the literal \"%s\"", what, furniture[i], (const char *) lit);
}

/* Entity names and entity-to-entity relations of `got` are those of
 * `want` (dates and titles are the metadata's business, checked apart). */
static void
check_same_links (const Graph *want, const Graph *got, const char *what)
{
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, want->links);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (!g_hash_table_contains (got->links, k))
      g_error ("%s lacks: %s", what, (const char *) k);
  g_hash_table_iter_init (&it, got->links);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (!g_hash_table_contains (want->links, k))
      g_error ("%s has more: %s", what, (const char *) k);
  g_assert_cmpuint (g_hash_table_size (got->links), >=, 12);
}

static void
test_formats (void)
{
  g_autofree char *txt = sample ("article.txt");
  g_autofree char *plain_ttl = out_path ("plain.ttl");
  g_assert_cmpint (build (plain_ttl, NULL, NULL, txt, NULL), ==, 0);
  g_auto (Graph) plain = load (plain_ttl);
  g_autoptr (GHashTable) refs
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  struct {
    const char *file;
    guint docs;
    const char *format; /* nkg:format of the Oslo article */
    int status;         /* 0 also when a record could not be read: a warning */
  } cases[] = { { "article.html", 1, "html", 0 },    { "feed.rss", 2, "rss", 0 },
                { "feed.atom", 2, "atom", 0 },       { "article.jsonl", 2, "json", 0 },
                { "api.json", 1, "json", 0 },        { "article.warc.gz", 1, "warc", 0 },
                { "article.txt.gz", 1, "text", 0 },  { "articles.tar.gz", 2, "html", 0 },
                { "articles.zip", 2, "html", 0 } };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *in = sample (cases[i].file);
      g_autofree char *ttl = out_path ("format.ttl");
      g_autofree char *err = NULL;
      g_assert_cmpint (build (ttl, NULL, &err, in, NULL), ==, cases[i].status);
      g_auto (Graph) g = load (ttl);
      g_assert_cmpuint (g.docs->len, ==, cases[i].docs);
      check_no_furniture (&g, cases[i].file);
      /* The Oslo article: its document and its relations. */
      const char *oslo = NULL;
      for (guint d = 0; d < g.docs->len; d++)
        if (g_strcmp0 (g_hash_table_lookup (g.titles, g_ptr_array_index (g.docs, d)), HEADLINE) == 0)
          oslo = g_ptr_array_index (g.docs, d);
      if (!oslo)
        g_error ("%s: no document titled '%s'", cases[i].file, HEADLINE);
      g_assert_cmpstr (g_hash_table_lookup (g.formats, oslo), ==, cases[i].format);
      g_assert_cmpstr (g_hash_table_lookup (g.languages, oslo), ==, "en");
      if (strcmp (cases[i].file, "article.txt.gz") != 0)
        {
          /* From the metadata: the text has no year and no address. */
          g_assert_cmpstr (g_hash_table_lookup (g.dates, oslo), ==, "2025-03-04");
          g_assert_cmpstr (g_hash_table_lookup (g.urls, oslo), ==, URL);
        }
      if (cases[i].docs == 1)
        check_same_links (&plain, &g, cases[i].file);
      else
        {
          /* The other article as the text `newskg text` gives for it, and
           * the Oslo article as plain text: the same graph. */
          const char *other = NULL;
          for (guint d = 0; d < g.docs->len; d++)
            if (g_ptr_array_index (g.docs, d) != oslo)
              other = g_hash_table_lookup (g.sources, g_ptr_array_index (g.docs, d));
          g_assert_nonnull (other);
          const char *argv[] = { newskg, "text", "-g", ttl, "--root", inputs, other, NULL };
          g_autofree char *other_text = NULL, *text_err = NULL;
          g_assert_cmpint (nkg_test_run (argv, &other_text, &text_err), ==, 0);
          /* Several samples hold the same second article: one build each. */
          GHashTable *ref = g_hash_table_lookup (refs, other_text);
          if (!ref)
            {
              g_autofree char *other_txt = out_path ("other.txt"), *ref_ttl = out_path ("ref.ttl");
              g_assert_true (g_file_set_contents (other_txt, other_text, -1, NULL));
              g_assert_cmpint (build (ref_ttl, NULL, NULL, txt, other_txt, NULL), ==, 0);
              g_auto (Graph) r = load (ref_ttl);
              ref = g_hash_table_ref (r.links);
              g_hash_table_insert (refs, g_strdup (other_text), ref);
              g_unlink (ref_ttl);
              g_unlink (other_txt);
            }
          Graph want = { .links = ref };
          check_same_links (&want, &g, cases[i].file);
        }
      g_unlink (ttl);
    }
  g_unlink (plain_ttl);
}

/* .txt, .html, a .jsonl line, a .warc.gz record and standard input: one
 * document, every fact supported once. */
static void
test_one_document (void)
{
  g_autofree char *txt = sample ("article.txt"), *html = sample ("article.html");
  g_autofree char *jsonl = sample ("article.jsonl"), *warc = sample ("article.warc.gz");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_autofree char *ttl = out_path ("five.ttl");
  g_autofree char *err = NULL;
  /* 0: written; article.jsonl's line without text is a warning */
  g_assert_cmpint (build (ttl, text, &err, txt, html, jsonl, warc, "-", "-v", NULL), ==, 0);
  g_auto (Graph) g = load (ttl);
  guint oslo = 0;
  for (guint d = 0; d < g.docs->len; d++)
    oslo += g_strcmp0 (g_hash_table_lookup (g.titles, g_ptr_array_index (g.docs, d)), HEADLINE) == 0;
  g_assert_cmpuint (oslo, ==, 1);
  g_assert_cmpuint (g.docs->len, ==, 2); /* and the JSON Lines' second article */
  /* Support 1 for what the article says; 0 for what the gazetteer adds
   * (a city's country), which no article supports. */
  guint ones = 0;
  for (guint i = 0; i < g.support->len; i++)
    {
      const char *n = g_ptr_array_index (g.support, i);
      g_assert_true (strcmp (n, "1") == 0 || strcmp (n, "0") == 0);
      ones += strcmp (n, "1") == 0;
    }
  g_assert_cmpuint (ones, >, 10);
  /* Standard input sorts first ("-"), so the others are its copies. */
  g_assert_nonnull (strstr (err, "skipping article.html (duplicate: same text as -)"));
  g_assert_nonnull (strstr (err, "skipping article.warc.gz#record-3 (duplicate"));
  g_assert_nonnull (strstr (err, "4 duplicates"));
  g_assert_nonnull (strstr (err, "skipping article.jsonl#line-3 (written in 'fr'"));
  g_unlink (ttl);
}

/* Turtle with the document's name in dcterms:source and its IRI blanked:
 * what must not differ between encodings of one article. */
static char *
normalised (const char *ttl)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (ttl, &text, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  g_autoptr (GRegex) doc = g_regex_new ("/id/doc/[^>]*>", 0, 0, NULL);
  for (guint i = 0; lines[i]; i++)
    {
      if (strstr (lines[i], "dcterms:source"))
        continue;
      g_autofree char *l = g_regex_replace_literal (doc, lines[i], -1, 0, "/id/doc/X>", 0, NULL);
      g_string_append_printf (out, "%s\n", l);
    }
  return g_string_free (out, FALSE);
}

static void
test_encodings (void)
{
  g_autofree char *txt = sample ("article.txt");
  g_autofree char *ref_ttl = out_path ("utf8.ttl");
  g_assert_cmpint (build (ref_ttl, NULL, NULL, txt, NULL), ==, 0);
  g_autofree char *want = normalised (ref_ttl);
  struct {
    const char *file, *encoding;
  } cases[] = { { "article-latin1.txt", "WINDOWS-1252" },
                { "article-utf16.txt", "UTF-16LE" },
                { "article-utf16be.txt", "UTF-16BE" } };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *in = sample (cases[i].file);
      g_autofree char *ttl = out_path ("enc.ttl");
      g_autofree char *err = NULL;
      g_assert_cmpint (build (ttl, NULL, &err, in, "-v", NULL), ==, 0);
      g_autofree char *shown = g_strdup_printf ("read %s (text, %s, en)", cases[i].file, cases[i].encoding);
      g_assert_nonnull (strstr (err, shown));
      g_autofree char *got = normalised (ttl);
      g_assert_cmpstr (got, ==, want);
      g_unlink (ttl);
    }
  g_unlink (ref_ttl);
}

/* Standard input is sniffed like a file: a page piped in is a page. */
static void
test_stdin (void)
{
  g_autofree char *html = sample ("article.html");
  g_autofree char *page = NULL;
  g_assert_true (g_file_get_contents (html, &page, NULL, NULL));
  g_autofree char *ttl = out_path ("stdin.ttl");
  g_autofree char *err = NULL;
  g_assert_cmpint (build (ttl, page, &err, "-", "-v", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "read - (html, UTF-8, en)"));
  /* No progress line when stderr is no terminal. */
  g_assert_null (strchr (err, '\r'));
  g_auto (Graph) g = load (ttl);
  g_assert_cmpuint (g.docs->len, ==, 1);
  check_no_furniture (&g, "stdin");
  g_unlink (ttl);

  /* Nothing to read: nothing written, and a clear line. */
  g_autofree char *none = out_path ("none.ttl");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (build (none, "", &err, "-", NULL), ==, 1);
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (err, "no article"));
}

/* A FIFO inside a folder is skipped with one line (reading it would
 * block); a link back into the tree is not followed twice. */
static void
test_special_files (void)
{
  g_autofree char *dir = g_build_filename (tmp, "special", NULL);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_autofree char *txt = sample ("article.txt");
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (txt, &text, NULL, NULL));
  g_autofree char *copy = g_build_filename (dir, "a.txt", NULL);
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_autofree char *loop = g_build_filename (dir, "again", NULL);
  g_assert_cmpint (symlink (dir, loop), ==, 0);
  g_autofree char *ttl = out_path ("special.ttl");
  g_autofree char *err = NULL;
  g_assert_cmpint (build (ttl, NULL, &err, dir, NULL), ==, 0);
  g_autofree char *fifo_line = g_strdup_printf ("newskg: skipping %s (a FIFO)\n", fifo);
  g_assert_nonnull (strstr (err, fifo_line));
  g_autofree char *loop_line = g_strdup_printf ("newskg: skipping %s (a link to a folder already read)\n", loop);
  g_assert_nonnull (strstr (err, loop_line));
  g_assert_nonnull (strstr (err, "newskg: 1 article →"));
  g_auto (Graph) g = load (ttl);
  g_assert_cmpuint (g.docs->len, ==, 1);
  g_unlink (ttl);
  g_unlink (loop);
  g_unlink (fifo);
  g_unlink (copy);
  g_rmdir (dir);
}

/* What extraction cut short is said once per document, however the
 * pipeline hands documents to the merge. */
static void
test_warning_once (void)
{
  g_autoptr (GString) text = g_string_new ("Foreign Minister Lena Vorst met Trade Minister Omar Kell in Lisbon");
  for (guint i = 0; i < 300; i++)
    g_string_append (text, ", and the talks went on");
  g_string_append (text, ".\n");
  g_autofree char *txt = out_path ("long-sentence.txt");
  g_assert_true (g_file_set_contents (txt, text->str, -1, NULL));
  g_autofree char *ttl = out_path ("long-sentence.ttl");
  g_autofree char *err = NULL;
  g_assert_cmpint (build (ttl, NULL, &err, txt, "-q", NULL), ==, 0);
  const char *first = strstr (err, "cut into pieces");
  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "cut into pieces"));
  g_unlink (ttl);
  g_unlink (txt);
}

/* `newskg text` reads through the same readers: a page's main text, and
 * a record of a container named by its source, checked against the
 * corpus's sha256; evidence offsets count into exactly that text. */
static void
test_text (void)
{
  g_autofree char *html = sample ("article.html"), *txt = sample ("article.txt");
  const char *argv[] = { newskg, "text", html, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, &out, &err), ==, 0);
  g_autofree char *plain = NULL;
  g_assert_true (g_file_get_contents (txt, &plain, NULL, NULL));
  g_assert_true (g_str_has_prefix (out, HEADLINE "\n\nNorwegian Foreign Minister Aldric Venn"));
  g_assert_null (strstr (out, "Bartholomew"));

  g_autofree char *warc = sample ("article.warc.gz");
  g_autofree char *ttl = out_path ("text.ttl");
  g_assert_cmpint (build (ttl, NULL, NULL, warc, "-q", NULL), ==, 0);
  const char *rec[] = { newskg, "text", "-g", ttl, "--root", inputs, "article.warc.gz#record-3",
                        "--start", "48", "--end", "86", NULL };
  g_autofree char *span = NULL;
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (nkg_test_run (rec, &span, &err), ==, 0);
  g_assert_cmpstr (span, ==, "Norwegian Foreign Minister Aldric Venn");
  g_unlink (ttl);
}

/* Runs `newskg build INPUTS… -o OUT --json -jJOBS` and returns the JSON
 * summary's members; the exit status in *rc. */
static JsonObject *
build_json (const char *out, const char *jobs, const char *const *inputs, int *rc)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) newskg);
  g_ptr_array_add (argv, "build");
  for (guint i = 0; inputs[i]; i++)
    g_ptr_array_add (argv, (gpointer) inputs[i]);
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (gpointer) out);
  g_ptr_array_add (argv, "--json");
  g_ptr_array_add (argv, "-j");
  g_ptr_array_add (argv, (gpointer) jobs);
  g_ptr_array_add (argv, NULL);
  g_autofree char *json = NULL, *err = NULL;
  *rc = nkg_test_run ((const char *const *) argv->pdata, &json, &err);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The summary after the order-independent merge: articles, duplicates,
 * other languages, unusable records and unreadable inputs counted once
 * each, the same whatever the argument order and thread count, the same
 * in the human line as in --json; an extraction warning printed once. */
static void
test_summary (void)
{
  g_autofree char *txt = sample ("article.txt"), *html = sample ("article.html");
  g_autofree char *jsonl = sample ("article.jsonl"), *warc = sample ("article.warc.gz");
  g_autofree char *junk = out_path ("junk.bin");
  const char bytes[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0 };
  g_assert_true (g_file_set_contents (junk, bytes, sizeof bytes, NULL));
  /* The article four times (text, page, JSON line, WARC record), one
   * more English article and a French one in the JSON Lines, a line
   * without text, and a file that is no article. */
  const char *const forward[] = { txt, html, jsonl, warc, junk, NULL };
  const char *const backward[] = { junk, warc, jsonl, html, txt, NULL };
  struct {
    const char *const *inputs;
    const char *jobs;
  } runs[] = { { forward, "1" }, { backward, "2" }, { backward, "1" } };
  g_autofree char *first_ttl = NULL;
  for (gsize r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autofree char *ttl = out_path ("summary.ttl");
      int rc;
      g_autoptr (JsonObject) o = build_json (ttl, runs[r].jobs, runs[r].inputs, &rc);
      g_assert_cmpint (rc, ==, 0); /* written; junk.bin could not be read: a warning */
      g_assert_cmpint (json_object_get_int_member (o, "articles"), ==, 2);
      g_assert_cmpint (json_object_get_int_member (o, "duplicates"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (o, "other_language"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (o, "unusable_records"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (o, "skipped"), ==, 1);
      /* junk.bin and the line without text */
      g_assert_cmpint (json_object_get_int_member (o, "not_read"), ==, 2);
      g_auto (Graph) g = load (ttl);
      g_assert_cmpuint (g.docs->len, ==, 2);
      same_as_first (&first_ttl, ttl);
    }

  /* The human line counts the same. */
  g_autofree char *ttl = out_path ("summary.ttl");
  g_autofree char *err = NULL;
  g_assert_cmpint (build (ttl, NULL, &err, txt, html, jsonl, warc, junk, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "newskg: 2 articles → "));
  g_assert_nonnull (strstr (err, ", 3 duplicates, 1 in another language and 1 unusable record skipped; "
                                 "2 inputs not read, see above\n"));
  g_unlink (ttl);
  g_unlink (junk);

  /* A sentence too long for the rules: one warning line, not two. */
  g_autoptr (GString) text = g_string_new ("Foreign Minister Lena Vorst met Trade Minister Omar Kell in Lisbon");
  for (guint i = 0; i < 300; i++)
    g_string_append (text, ", and the talks went on");
  g_string_append (text, ".\n");
  g_autofree char *long_txt = out_path ("long.txt");
  g_assert_true (g_file_set_contents (long_txt, text->str, -1, NULL));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (build (ttl, NULL, &err, long_txt, NULL), ==, 0);
  const char *warning = "newskg build: long.txt: warning: 1 sentence longer than the rules read were cut into pieces\n";
  const char *at = strstr (err, warning);
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, warning));
  g_unlink (ttl);
  g_unlink (long_txt);
}

/* With -j 2 the input is read while the lexicon loads, further ahead of
 * the workers than the window they keep once they can extract
 * (build-input.c): many short articles give the graph -j 1 gives, with
 * every one of them in it. */
static void
test_read_ahead (void)
{
  g_autoptr (GString) lines = g_string_new (NULL);
  const guint n = 1500;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (lines,
                            "{\"title\": \"Port talks, day %u\", \"text\": \"Trade Minister Ilse "
                            "Varga met the harbour board in Tallinn on the %u day of the talks. She "
                            "said the new quay would open before the winter.\"}\n",
                            i + 1, i + 1);
  g_autofree char *jsonl = out_path ("many.jsonl");
  g_assert_true (g_file_set_contents (jsonl, lines->str, -1, NULL));
  const char *const inputs[] = { jsonl, NULL };
  g_autofree char *first = NULL;
  for (guint jobs = 1; jobs <= 2; jobs++)
    {
      g_autofree char *ttl = out_path ("many.ttl");
      g_autofree char *j = g_strdup_printf ("%u", jobs);
      int rc;
      g_autoptr (JsonObject) o = build_json (ttl, j, inputs, &rc);
      g_assert_cmpint (rc, ==, 0);
      g_assert_cmpint (json_object_get_int_member (o, "articles"), ==, n);
      same_as_first (&first, ttl);
    }
  g_unlink (jsonl);
}

/* A build of a little text keeps the memory it frees after reading for
 * its own reuse (cmd_build.c, keep_freed_memory): NEWSKG_TIMES says so,
 * with the text it counted, and -j 1 and -j 2 still write the same graph. */
static void
test_keep_freed (void)
{
  const char *texts[] = { "Trade Minister Ilse Varga met the harbour board in Tallinn on Monday.",
                          "The board said the new quay would open before the winter." };
  g_autoptr (GString) lines = g_string_new (NULL);
  gsize text_len = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_string_append_printf (lines, "{\"title\": \"Port talks %zu\", \"text\": \"%s\"}\n", i + 1,
                              texts[i]);
      text_len += strlen (texts[i]);
    }
  g_autofree char *jsonl = out_path ("keep.jsonl");
  g_assert_true (g_file_set_contents (jsonl, lines->str, -1, NULL));
  g_autofree char *first = NULL;
  g_setenv ("NEWSKG_TIMES", "1", TRUE);
  for (guint jobs = 1; jobs <= 2; jobs++)
    {
      g_autofree char *ttl = out_path ("keep.ttl");
      g_autofree char *j = g_strdup_printf ("%u", jobs);
      const char *argv[] = { newskg, "build", "-q", "-j", j, jsonl, "-o", ttl, NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_assert_cmpint (nkg_test_run (argv, &out, &err), ==, 0);
      const char *line = strstr (err, "newskg: time memory: ");
      g_assert_nonnull (line);
      guint64 bytes = g_ascii_strtoull (line + strlen ("newskg: time memory: "), NULL, 10);
      /* the texts, and the titles the articles begin with */
      g_assert_cmpuint (bytes, >=, text_len);
      g_assert_cmpuint (bytes, <, text_len + 64);
      g_assert_nonnull (strstr (line, " bytes of text, freed spans kept\n"));
      same_as_first (&first, ttl);
    }
  g_unsetenv ("NEWSKG_TIMES");
  g_unlink (jsonl);
}

/* Whether this kernel gives transparent huge pages to memory advised
 * for them (THP in `always` or `madvise` mode). */
static gboolean
thp_on (void)
{
  g_autofree char *mode = NULL;
  return g_file_get_contents ("/sys/kernel/mm/transparent_hugepage/enabled", &mode, NULL, NULL)
         && !strstr (mode, "[never]");
}

/* NEWSKG_TIMES's heap line of a run of `cmd` over `dir`: the kB advised
 * for huge pages, and whether freed spans were kept while reading. */
static guint64
heap_line (const char *cmd, const char *dir, const char *jobs, gboolean *kept)
{
  g_autofree char *out_file = out_path ("heap.out");
  const char *argv[] = { newskg, cmd, "-q", "-j", jobs, dir, "-o", out_file, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, &out, &err), ==, 0);
  const char *line = strstr (err, "newskg: time heap: ");
  g_assert_nonnull (line);
  guint64 advised = g_ascii_strtoull (line + strlen ("newskg: time heap: "), NULL, 10);
  const char *end = strchr (line, '\n');
  g_assert_nonnull (end);
  g_autofree char *tail = g_strndup (line, (gsize) (end - line));
  *kept = g_str_has_suffix (tail, "; freed spans kept");
  g_assert_true (*kept || g_str_has_suffix (tail, "; freed spans over 16 MiB given back"));
  g_unlink (out_file);
  return advised;
}

/* The commands that read articles take a heap of 32 MiB advised for
 * huge pages (cli/main.c, nkg_cli_reserve_heap; with tcmalloc, where THP
 * is on) and keep what they free while reading a small input; 32 MiB of
 * input files or more (a sparse file, skipped as no article format)
 * keep at most 32 MiB of it from the start (build-input.c). */
static void
test_heap (void)
{
  g_autofree char *dir = out_path ("heap");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_autofree char *article = g_build_filename (dir, "quay.txt", NULL);
  g_assert_true (g_file_set_contents (
      article, "Trade Minister Ilse Varga met the harbour board in Tallinn on Monday.\n", -1, NULL));
  gboolean huge = g_strcmp0 (g_getenv ("NKG_ALLOCATOR"), "tcmalloc") == 0 && thp_on ();
  const char *const runs[][2] = { { "build", "1" }, { "build", "2" }, { "extract", "1" } };
  g_setenv ("NEWSKG_TIMES", "1", TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      gboolean kept;
      guint64 advised = heap_line (runs[i][0], dir, runs[i][1], &kept);
      g_assert_true (kept);
      if (huge)
        g_assert_cmpuint (advised, >=, 32 << 10);
    }
  g_autofree char *big = g_build_filename (dir, "zeros.txt", NULL);
  int fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 33 << 20), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      gboolean kept;
      heap_line (runs[i][0], dir, runs[i][1], &kept);
      g_assert_false (kept);
    }
  g_unsetenv ("NEWSKG_TIMES");
  g_unlink (big);
  g_unlink (article);
  g_rmdir (dir);
}

typedef struct {
  int fd;
  GString *out;
} Drain;

static gpointer
drain_terminal (gpointer data)
{
  Drain *d = data;
  char buf[4096];
  gssize n;
  while ((n = read (d->fd, buf, sizeof buf)) > 0)
    g_string_append_len (d->out, buf, n);
  return NULL;
}

/* Feeds JSON Lines to `newskg build - [EXTRA]` on standard input, its
 * stderr a terminal, one line every 50 ms until `until` appears on the
 * terminal or `max_ms` pass; returns what the terminal showed. */
static char *
build_on_terminal (const char *extra, const char *until, guint max_ms, guint *lines)
{
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  g_assert_cmpint (master, >=, 0);
  g_assert_cmpint (grantpt (master), ==, 0);
  g_assert_cmpint (unlockpt (master), ==, 0);
  int slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  g_assert_cmpint (slave, >=, 0);
  g_assert_true (g_unix_set_fd_nonblocking (master, TRUE, NULL));
  g_autofree char *ttl = out_path ("tty.ttl");
  g_autoptr (GSubprocessLauncher) l
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_take_stderr_fd (l, slave);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) p
      = g_subprocess_launcher_spawn (l, &error, newskg, "build", "-", "-o", ttl, "-j", "1", extra, NULL);
  g_assert_no_error (error);
  g_clear_object (&l); /* closes our copy of the terminal's far end */
  GOutputStream *in = g_subprocess_get_stdin_pipe (p);
  GString *seen = g_string_new (NULL);
  char buf[4096];
  gint64 start = g_get_monotonic_time ();
  *lines = 0;
  for (;;)
    {
      gssize n;
      while ((n = read (master, buf, sizeof buf)) > 0)
        g_string_append_len (seen, buf, n);
      if ((until && strstr (seen->str, until))
          || g_get_monotonic_time () - start > (gint64) max_ms * 1000)
        break;
      /* Standard input is sniffed from its first 64 KiB (or all of it):
       * 2 KiB lines, the first 40 at once, as from a pipe. */
      g_autofree char *line = g_strdup_printf (
          "{\"title\": \"Item %u\", \"text\": \"Trade Minister Lena Vorst met Finance Minister Omar "
          "Kell in Lisbon on Monday. The ministry filed the talks as item %u.\", \"padding\": \"%2000s\"}\n",
          *lines, *lines, "");
      g_assert_true (g_output_stream_write_all (in, line, strlen (line), NULL, NULL, &error));
      g_assert_no_error (error);
      if (++*lines > 40)
        g_usleep (50 * 1000);
    }
  g_assert_true (g_output_stream_close (in, NULL, &error));
  /* Read the terminal to its end (EIO on Linux once the far end is
   * closed) while the build finishes, which may write more than the
   * terminal holds. */
  g_assert_true (g_unix_set_fd_nonblocking (master, FALSE, NULL));
  Drain d = { master, seen };
  GThread *drain = g_thread_new ("drain", drain_terminal, &d);
  g_assert_true (g_subprocess_wait (p, NULL, &error));
  g_thread_join (drain);
  g_assert_true (g_subprocess_get_if_exited (p));
  g_assert_cmpint (g_subprocess_get_exit_status (p), ==, 0);
  close (master);
  g_unlink (ttl);
  return g_string_free (seen, FALSE);
}

/* On a terminal a long build shows "newskg: N articles, R/s" on one
 * line rewritten in place, cleared before the summary; -q shows nothing
 * (off a terminal: /input-cli/stdin). */
static void
test_progress (void)
{
  guint lines;
  g_autofree char *shown = build_on_terminal (NULL, "\r\033[Knewskg: ", 20000, &lines);
  g_autoptr (GRegex) progress = g_regex_new ("\r\033\\[Knewskg: [0-9]+ articles, [0-9]+/s", 0, 0, NULL);
  if (!g_regex_match (progress, shown, 0, NULL))
    g_error ("no progress line after %u articles in 20 s: %s", lines, shown);
  /* The line is cleared, then the summary is printed on its own. */
  g_autofree char *summary = g_strdup_printf ("\r\033[Knewskg: %u articles → ", lines);
  g_assert_nonnull (strstr (shown, summary));
  g_assert_true (g_str_has_suffix (shown, "(turtle)\r\n"));
  g_free (shown);

  /* -q: nothing at all, however long. */
  shown = build_on_terminal ("-q", NULL, 2000, &lines);
  g_assert_cmpuint (lines, >, 10);
  g_assert_cmpstr (shown, ==, "");
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
  inputs = g_build_filename (root, "tests", "data", "inputs", NULL);
  tmp = g_dir_make_tmp ("nkg-input-cli-XXXXXX", NULL);
  g_test_add_func ("/input-cli/formats", test_formats);
  g_test_add_func ("/input-cli/one-document", test_one_document);
  g_test_add_func ("/input-cli/encodings", test_encodings);
  g_test_add_func ("/input-cli/stdin", test_stdin);
  g_test_add_func ("/input-cli/special-files", test_special_files);
  g_test_add_func ("/input-cli/text", test_text);
  g_test_add_func ("/input-cli/warning-once", test_warning_once);
  g_test_add_func ("/input-cli/summary", test_summary);
  g_test_add_func ("/input-cli/read-ahead", test_read_ahead);
  g_test_add_func ("/input-cli/keep-freed", test_keep_freed);
  g_test_add_func ("/input-cli/heap", test_heap);
  g_test_add_func ("/input-cli/progress", test_progress);
  int rc = g_test_run ();
  g_rmdir (tmp);
  g_free (tmp);
  g_free (inputs);
  return rc;
}
