/* cmd_text.c — `newskg text DOC`: the article text evidence offsets count
 * into.
 *
 * Every nkg:Evidence says "characters [start, end) of this document's text
 * are this sentence". This command prints that text, read exactly as build
 * read it, so anyone can check a span: from a file, or from a corpus, where
 * DOC is a document IRI, a prefix of its sha256 or its dcterms:source, and
 * the file is found under --root (default: the current folder, then the
 * corpus's folder) and checked against nkg:sha256.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "common.h"
#include "input/article.h"

/* Is `s` a prefix of a sha256 (hex digits only, at least 6 of them)? */
static gboolean
is_hash_prefix (const char *s)
{
  gsize n = 0;
  for (; s[n]; n++)
    if (!g_ascii_isxdigit (s[n]))
      return FALSE;
  return n >= 6 && n <= 64;
}

/* The documents `query` names: by IRI (full, or after the base), by
 * dcterms:source, or by a sha256 prefix. */
static GPtrArray *
find_docs (NkgGraph *g, const char *query)
{
  GPtrArray *hits = g_ptr_array_new ();
  gboolean hash = is_hash_prefix (query);
  for (guint i = 0; i < g->docs->len; i++)
    {
      NkgDoc *d = g_ptr_array_index (g->docs, i);
      const char *rel = g_str_has_prefix (d->iri, g->base) ? d->iri + strlen (g->base) : NULL;
      if (strcmp (d->iri, query) == 0 || g_strcmp0 (rel, query) == 0
          || g_strcmp0 (d->source, query) == 0
          || (hash && d->sha256 && g_ascii_strncasecmp (d->sha256, query, strlen (query)) == 0))
        g_ptr_array_add (hits, d);
    }
  return hits;
}

/* Where to look for a document's file: --root, or the current folder and
 * then the corpus's own folder (build is usually run beside its output). */
static GPtrArray *
search_roots (const char *root, const char *graph_path)
{
  GPtrArray *roots = g_ptr_array_new_with_free_func (g_free);
  if (root)
    {
      g_ptr_array_add (roots, g_strdup (root));
      return roots;
    }
  g_ptr_array_add (roots, g_strdup ("."));
  g_autofree char *dir = g_path_get_dirname (graph_path);
  if (strcmp (dir, ".") != 0)
    g_ptr_array_add (roots, g_steal_pointer (&dir));
  return roots;
}

/* The article of a corpus document, found under `roots` and checked
 * against its sha256. NULL after printing why not. */
static NkgArticle *
read_doc (NkgCli *cli, const NkgDoc *d, GPtrArray *roots)
{
  if (!d->source || strcmp (d->source, "-") == 0 || g_str_has_prefix (d->source, "-#"))
    {
      nkg_cli_error (cli, "%s was read from standard input; its text is not in a file", d->iri);
      return NULL;
    }
  /* "dump.warc.gz#record-3": the file, then the record in it */
  g_autofree char *file = g_strdup (d->source);
  char *hash = strchr (file, '#');
  const char *fragment = NULL;
  if (hash && !g_file_test (file, G_FILE_TEST_EXISTS))
    {
      *hash = '\0';
      fragment = hash + 1;
    }
  g_autofree char *path = NULL;
  for (guint i = 0; i < roots->len && !path; i++)
    {
      const char *root = g_ptr_array_index (roots, i);
      g_autofree char *p = g_path_is_absolute (file) ? g_strdup (file)
                                                     : g_build_filename (root, file, NULL);
      if (g_file_test (p, G_FILE_TEST_IS_REGULAR))
        path = g_steal_pointer (&p);
    }
  if (!path)
    {
      g_autoptr (GString) where_s = g_string_new (NULL);
      for (guint i = 0; i < roots->len; i++)
        g_string_append_printf (where_s, "%s%s", i ? ", " : "",
                                (const char *) g_ptr_array_index (roots, i));
      const char *where = where_s->str;
      nkg_cli_error (cli, "cannot find '%s' (looked under: %s); pass --root DIR, the folder "
                          "build was given",
                     file, where);
      return NULL;
    }
  g_autoptr (GError) error = NULL;
  NkgArticle *a = nkg_cli_read_article (path, fragment, &error);
  if (!a)
    {
      nkg_cli_error (cli, "%s", error->message);
      return NULL;
    }
  g_autofree char *sum = nkg_article_sha256 (a);
  if (d->sha256 && g_ascii_strcasecmp (sum, d->sha256) != 0)
    {
      nkg_cli_error (cli, "%s does not hold the text %s was built from: its SHA-256 is %.16s…, "
                          "the corpus says %.16s… (the file changed since the build, or another "
                          "file has its name)",
                     path, d->iri, sum, d->sha256);
      nkg_article_free (a);
      return NULL;
    }
  return a;
}

static int
cmd_text (NkgCli *cli, int argc, char **argv)
{
  g_autofree char *root = NULL;
  int start = -1, end = -1;
  const GOptionEntry entries[] = {
    { "root", 'r', 0, G_OPTION_ARG_FILENAME, &root,
      "Find the corpus's files under DIR (default: the current folder, then the corpus's)",
      "DIR" },
    { "start", 0, 0, G_OPTION_ARG_INT, &start, "Print from character N (counted from 0)", "N" },
    { "end", 0, 0, G_OPTION_ARG_INT, &end, "Print up to character N, exclusive", "N" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  int st = nkg_cli_parse (
      cli, entries, "DOC",
      "Print the text of an article exactly as build read it: the text every\n"
      "evidence offset (nkg:start, nkg:end, in characters) counts into. DOC is a\n"
      "file, or a document of the corpus: its IRI, a prefix of its sha256 or its\n"
      "dcterms:source; its file is then checked against the corpus's nkg:sha256.",
      "  newskg text examples/01-framework-signed.txt\n"
      "  newskg text -g corpus.ttl doc/5d40956c86ea8550 --start 120 --end 245",
      &argc, &argv);
  if (st >= 0)
    return st;
  if (argc != 2)
    return nkg_cli_usage_error (cli, argc < 2 ? "text takes one DOC" : "text takes one DOC, not %d",
                                argc - 1);
  if (start < -1 || end < -1)
    return nkg_cli_usage_error (cli, "--start and --end must be 0 or more");
  const char *query = argv[1];

  g_autoptr (NkgArticle) article = NULL;
  const NkgDoc *doc = NULL;
  if (!cli->graph_path && !cli->shell_graph && g_file_test (query, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr (GError) error = NULL;
      article = nkg_cli_read_article (query, NULL, &error);
      if (!article)
        {
          nkg_cli_error (cli, "%s", error->message);
          return NKG_EXIT_USAGE;
        }
    }
  else
    {
      NkgGraph *graph = nkg_cli_graph (cli);
      if (!graph)
        return NKG_EXIT_USAGE;
      g_autoptr (GPtrArray) hits = find_docs (graph, query);
      if (hits->len != 1)
        {
          if (hits->len == 0)
            nkg_cli_error (cli, "no document '%s' in the corpus (give its IRI, a sha256 prefix "
                                "or its source, as `newskg show --json` lists them)",
                           query);
          else
            nkg_cli_error (cli, "'%s' names %u documents; give more of the sha256 or the IRI",
                           query, hits->len);
          return NKG_EXIT_NOT_FOUND;
        }
      doc = g_ptr_array_index (hits, 0);
      const char *graph_path = cli->graph_path ? cli->graph_path
                               : cli->shell_path ? cli->shell_path
                                                 : NKG_DEFAULT_GRAPH;
      g_autoptr (GPtrArray) roots = search_roots (root, graph_path);
      article = read_doc (cli, doc, roots);
      if (!article)
        return NKG_EXIT_USAGE;
    }

  glong len = g_utf8_strlen (article->text, (gssize) article->len);
  glong from = start < 0 ? 0 : start, to = end < 0 ? len : end;
  if (from > len || to > len || from > to)
    return nkg_cli_usage_error (cli, "the text has %ld characters: --start %ld --end %ld is "
                                     "outside it",
                                len, from, to);
  const char *p = g_utf8_offset_to_pointer (article->text, from);
  const char *q = g_utf8_offset_to_pointer (article->text, to);
  if (cli->json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autofree char *sum = nkg_article_sha256 (article);
      g_autofree char *slice = g_strndup (p, q - p);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "document");
      doc ? json_builder_add_string_value (b, doc->iri) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, doc && doc->source ? doc->source : article->source);
      json_builder_set_member_name (b, "sha256");
      json_builder_add_string_value (b, sum);
      json_builder_set_member_name (b, "length");
      json_builder_add_int_value (b, len);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, from);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, to);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, slice);
      json_builder_end_object (b);
      g_autoptr (JsonNode) node = json_builder_get_root (b);
      nkg_cli_print_json (node);
    }
  else
    fwrite (p, 1, q - p, stdout);
  return NKG_EXIT_OK;
}

int
nkg_cmd_text (int argc, char **argv)
{
  NkgCli cli = { 0 };
  cli.exiting = TRUE;
  int st = cmd_text (&cli, argc, argv);
  fflush (stdout);
  nkg_cli_clear (&cli);
  return st;
}
