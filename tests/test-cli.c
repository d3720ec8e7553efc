/* test-cli.c — the inspection commands, run as a user runs them.
 *
 * Golden tests: each case runs `newskg ARGS` in tests/data (on the
 * hand-written mini.ttl, which does not move when the extractor improves)
 * and compares stdout, stderr and the exit status with
 * tests/golden/NAME.out. NKG_UPDATE_GOLDEN=1 rewrites the files instead
 * (review the diff before committing).
 *
 * Shape tests: the JSON of every command has exactly the documented keys.
 * Error tests: missing and malformed graphs, bad options, one-line errors.
 * Smoke test: a corpus built from examples/ answers every command.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-evidence-text.h"
#include "test-spawn.h"

/* The loops over every entity take one entity in NKG_TEST_STRIDE
 * (default 1, every one): sanitizer builds, where each of the hundreds of
 * runs costs ten times as much, check every fourth; the code paths are
 * the same for each entity. */
static guint
entity_stride (void)
{
  const char *s = g_getenv ("NKG_TEST_STRIDE");
  guint64 n = s ? g_ascii_strtoull (s, NULL, 10) : 1;
  return n >= 1 && n <= 100 ? (guint) n : 1;
}

static const char *newskg;
static char *data_dir;
static char *golden_dir;

typedef struct {
  char *out, *err;
  int status;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs newskg with `args` (shell syntax) in `cwd`, with `extra_env`
 * ("NAME=value" or "NAME" to unset) applied to a clean environment. */
static Run
run_in (const char *cwd, const char *args, const char *const *extra_env)
{
  g_auto (GStrv) argv_tail = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_shell_parse_argv (args, NULL, &argv_tail, &error));
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) newskg);
  for (char **a = argv_tail; *a; a++)
    g_ptr_array_add (argv, *a);
  g_ptr_array_add (argv, NULL);

  g_auto (GStrv) env = g_get_environ ();
  env = g_environ_unsetenv (env, "NO_COLOR");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  for (; extra_env && *extra_env; extra_env++)
    {
      const char *eq = strchr (*extra_env, '=');
      if (eq)
        {
          g_autofree char *name = g_strndup (*extra_env, eq - *extra_env);
          env = g_environ_setenv (env, name, eq + 1, TRUE);
        }
      else
        env = g_environ_unsetenv (env, *extra_env);
    }

  Run r = { 0 };
  int wait_status;
  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static Run
run (const char *args)
{
  return run_in (data_dir, args, NULL);
}

/* ---------------------------------------------------------------- golden */

typedef struct {
  const char *name;
  const char *args;
  int status;
} Golden;

static const Golden goldens[] = {
  { "show", "show \"Rajnath Singh\" -g mini.ttl", 0 },
  { "show-unquoted", "show Pete Hegseth -g mini.ttl", 0 },
  { "show-evidence", "show \"Pete Hegseth\" --evidence -g mini.ttl", 0 },
  { "show-json", "show \"Rajnath Singh\" --json -g mini.ttl", 0 },
  { "show-iri", "show person/pete-hegseth -g mini.ttl", 0 },
  { "show-full-iri", "show https://w3id.org/newskg/id/city/kuala-lumpur -g mini.ttl", 0 },
  { "show-accent", "show 'jose ramos horta' -g mini.ttl", 0 },
  { "show-alias", "show US -g mini.ttl", 0 },
  { "show-prefix", "show framework -g mini.ttl", 0 },
  { "show-limit", "show India --limit 1 -g mini.ttl", 0 },
  { "show-ambiguous", "show singh -g mini.ttl", 1 },
  { "show-ambiguous-json", "show singh --json -g mini.ttl", 1 },
  { "show-ambiguous-prefix", "show def -g mini.ttl", 1 },
  { "show-unknown", "show rajnth -g mini.ttl", 1 },
  { "show-unknown-json", "show rajnth --json -g mini.ttl", 1 },
  { "show-unknown-nothing", "show zzzzzz -g mini.ttl", 1 },
  { "show-type", "show kuala --type country -g mini.ttl", 1 },
  { "list", "list -g mini.ttl", 0 },
  { "list-type-degree", "list --type place --sort degree -g mini.ttl", 0 },
  { "list-name-limit", "list --sort name --limit 3 -g mini.ttl", 0 },
  { "list-json", "list --type person --json -g mini.ttl", 0 },
  { "list-names", "list --names -g mini.ttl", 0 },
  { "search-fuzzy", "search hegset -g mini.ttl", 0 },
  { "search-ranked", "search defence -g mini.ttl", 0 },
  { "search-json", "search singh --json -g mini.ttl", 0 },
  { "search-none", "search zzzzzz -g mini.ttl", 1 },
  { "facts", "facts -g mini.ttl", 0 },
  { "facts-about", "facts --about Hegseth -g mini.ttl", 0 },
  { "facts-property", "facts --property signed --min-support 2 --evidence -g mini.ttl", 0 },
  { "facts-json", "facts --about 'Kuala Lumpur' --json -g mini.ttl", 0 },
  { "facts-none", "facts --min-support 9 -g mini.ttl", 1 },
  { "facts-none-json", "facts --min-support 9 --json -g mini.ttl", 1 },
  { "path", "path 'José Ramos-Horta' Malaysia -g mini.ttl", 0 },
  { "path-unquoted", "path Rajnath Singh Malaysia --evidence -g mini.ttl", 0 },
  { "path-json", "path hegseth india --json -g mini.ttl", 0 },
  { "path-same", "path India India -g mini.ttl", 0 },
  { "path-none", "path Malaysia Indo-Pacific -g mini.ttl", 1 },
  { "path-max", "path 'José Ramos-Horta' Malaysia --max 2 -g mini.ttl", 1 },
  { "stats", "stats -g mini.ttl", 0 },
  { "stats-json", "stats --limit 3 --json -g mini.ttl", 0 },
  { "err-missing-graph", "show India -g nope.ttl", 2 },
  { "err-default-graph", "show India", 2 },
  { "err-directory", "show India -g .", 2 },
  { "err-malformed", "show India -g malformed.ttl", 2 },
  { "err-bad-option", "list --frobnicate -g mini.ttl", 2 },
  { "err-bad-type", "list --type animal -g mini.ttl", 2 },
  { "err-bad-sort", "list --sort size -g mini.ttl", 2 },
  { "err-bad-color", "list --color=sometimes -g mini.ttl", 2 },
  { "err-bad-property", "facts --property likes -g mini.ttl", 2 },
  { "err-no-name", "show -g mini.ttl", 2 },
  { "err-path-one-name", "path India -g mini.ttl", 2 },
  { "err-path-split", "path a b c -g mini.ttl", 2 },
  { "err-negative-limit", "list --limit -1 -g mini.ttl", 2 },
  { "err-extra-arg", "stats extra -g mini.ttl", 2 },
  { "facts-conflicts", "facts --conflicts -g mini.ttl", 0 },
  { "facts-conflicts-json", "facts --conflicts --json -g mini.ttl", 0 },
  { "facts-conflicts-none", "facts --conflicts --about 'Pete Hegseth' -g mini.ttl", 1 },
  { "text-file", "text articles/regional.txt", 0 },
  { "text-doc", "text -g mini.ttl doc/f0144a30533fc1ce --start 319 --end 392", 0 },
  { "text-sha-json", "text -g mini.ttl 62b2fff2 --start 45 --end 147 --json", 0 },
  { "text-source", "text -g mini.ttl articles/sidelines.txt --end 52", 0 },
  { "text-unknown", "text -g mini.ttl 0000000000", 1 },
  { "text-range", "text articles/regional.txt --start 5 --end 5000", 2 },
  { "text-no-doc", "text", 2 },
};

static char *
render (const Run *r)
{
  return g_strdup_printf ("%s--- stderr\n%s--- exit %d\n", r->out, r->err, r->status);
}

static void
test_golden (gconstpointer data)
{
  const Golden *g = data;
  Run r = run (g->args);
  g_autofree char *got = render (&r);
  g_autofree char *name = g_strconcat (g->name, ".out", NULL);
  g_autofree char *path = g_build_filename (golden_dir, name, NULL);

  if (g_getenv ("NKG_UPDATE_GOLDEN"))
    {
      g_autoptr (GError) error = NULL;
      g_assert_true (g_file_set_contents (path, got, -1, &error));
    }
  else
    {
      g_autofree char *want = NULL;
      g_autoptr (GError) error = NULL;
      if (!g_file_get_contents (path, &want, NULL, &error))
        {
          g_test_message ("%s missing; run with NKG_UPDATE_GOLDEN=1 to create it. Output:\n%s",
                          path, got);
          g_test_fail ();
        }
      else if (strcmp (want, got) != 0)
        {
          g_test_message ("newskg %s\n--- expected (%s)\n%s--- got\n%s", g->args, path, want, got);
          g_test_fail ();
        }
    }
  g_assert_cmpint (r.status, ==, g->status);
  /* Errors are one line, prefixed. */
  if (*r.err)
    {
      g_assert_true (g_str_has_prefix (r.err, "newskg: "));
      g_assert_cmpint (strlen (r.err), ==, (strchr (r.err, '\n') - r.err) + 1);
    }
  run_clear (&r);
}

/* ---------------------------------------------------------------- JSON shape */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) p = json_parser_new ();
  g_autoptr (GError) error = NULL;
  if (!json_parser_load_from_data (p, text, -1, &error))
    g_error ("not JSON (%s):\n%s", error->message, text);
  return json_node_copy (json_parser_get_root (p));
}

static gint
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Asserts that `obj` has exactly the keys in `keys` (space-separated). */
static void
assert_keys (JsonObject *obj, const char *keys)
{
  g_autoptr (GList) members = json_object_get_members (obj);
  g_autoptr (GPtrArray) got = g_ptr_array_new ();
  for (GList *l = members; l; l = l->next)
    g_ptr_array_add (got, l->data);
  g_ptr_array_sort (got, cmp_str);
  g_auto (GStrv) want = g_strsplit (keys, " ", -1);
  qsort (want, g_strv_length (want), sizeof (char *), (int (*) (const void *, const void *)) cmp_str);
  g_autoptr (GString) gs = g_string_new (NULL);
  for (guint i = 0; i < got->len; i++)
    g_string_append_printf (gs, "%s%s", i ? " " : "", (char *) got->pdata[i]);
  g_autofree char *ws = g_strjoinv (" ", want);
  g_assert_cmpstr (gs->str, ==, ws);
}

#define ENTITY_REF "iri name class"
#define DOC_KEYS "iri source title date url format language"
#define FACT_KEYS                                                                                  \
  "iri subject property object value support confidence documents evidence gazetteer conflicts"
#define EVIDENCE_KEYS "iri document source start end text"

static void
assert_fact (JsonObject *f)
{
  assert_keys (f, FACT_KEYS);
  assert_keys (json_object_get_object_member (f, "subject"), ENTITY_REF);
  JsonNode *o = json_object_get_member (f, "object");
  JsonNode *v = json_object_get_member (f, "value");
  g_assert_true (JSON_NODE_HOLDS_NULL (o) != JSON_NODE_HOLDS_NULL (v));
  if (!JSON_NODE_HOLDS_NULL (o))
    assert_keys (json_node_get_object (o), ENTITY_REF);
  g_assert_cmpint (json_object_get_int_member (f, "support"), ==,
                   json_array_get_length (json_object_get_array_member (f, "documents")));
  double c = json_object_get_double_member (f, "confidence");
  g_assert_true (c >= 0 && c <= 1);
  JsonArray *docs = json_object_get_array_member (f, "documents");
  for (guint i = 0; i < json_array_get_length (docs); i++)
    assert_keys (json_array_get_object_element (docs, i), DOC_KEYS);
  /* every sentence is in one of the fact's documents, at its offsets */
  JsonArray *evidence = json_object_get_array_member (f, "evidence");
  for (guint i = 0; i < json_array_get_length (evidence); i++)
    {
      JsonObject *ev = json_array_get_object_element (evidence, i);
      assert_keys (ev, EVIDENCE_KEYS);
      const char *doc = json_object_get_string_member (ev, "document");
      gboolean listed = FALSE;
      for (guint k = 0; k < json_array_get_length (docs); k++)
        listed |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (docs, k),
                                                            "iri"),
                             doc)
                  == 0;
      g_assert_true (listed);
      g_assert_cmpint (json_object_get_int_member (ev, "end") - json_object_get_int_member (ev, "start"),
                       ==, g_utf8_strlen (json_object_get_string_member (ev, "text"), -1));
    }
}

static void
test_json_show (void)
{
  Run r = run ("show 'Pete Hegseth' --json -g mini.ttl");
  g_assert_cmpint (r.status, ==, 0);
  g_autoptr (JsonNode) root = parse_json (r.out);
  JsonObject *o = json_node_get_object (root);
  assert_keys (o, "iri name class classes aliases mentions degree titles represents outgoing "
                  "incoming quotes documents");
  g_assert_cmpstr (json_object_get_string_member (o, "class"), ==, "person");
  g_assert_cmpint (json_object_get_int_member (o, "mentions"), ==, 8);
  JsonArray *out = json_object_get_array_member (o, "outgoing");
  g_assert_cmpuint (json_array_get_length (out), >, 0);
  for (guint i = 0; i < json_array_get_length (out); i++)
    assert_fact (json_array_get_object_element (out, i));
  JsonArray *in = json_object_get_array_member (o, "incoming");
  for (guint i = 0; i < json_array_get_length (in); i++)
    assert_fact (json_array_get_object_element (in, i));
  JsonArray *quotes = json_object_get_array_member (o, "quotes");
  g_assert_cmpuint (json_array_get_length (quotes), ==, 1);
  assert_keys (json_array_get_object_element (quotes, 0), "iri text documents");
  JsonArray *docs = json_object_get_array_member (o, "documents");
  g_assert_cmpuint (json_array_get_length (docs), ==, 3);
  assert_keys (json_array_get_object_element (docs, 0), DOC_KEYS);
  assert_keys (json_array_get_object_element (json_object_get_array_member (o, "represents"), 0),
               ENTITY_REF);
  run_clear (&r);
}

static void
test_json_list_search (void)
{
  Run r = run ("list --json -g mini.ttl");
  g_autoptr (JsonNode) root = parse_json (r.out);
  JsonObject *o = json_node_get_object (root);
  assert_keys (o, "total entities");
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 13);
  JsonArray *es = json_object_get_array_member (o, "entities");
  for (guint i = 0; i < json_array_get_length (es); i++)
    assert_keys (json_array_get_object_element (es, i),
                 "iri name class mentions documents degree aliases");
  run_clear (&r);

  r = run ("search hegset --json -g mini.ttl");
  g_autoptr (JsonNode) sroot = parse_json (r.out);
  o = json_node_get_object (sroot);
  assert_keys (o, "query results");
  JsonArray *res = json_object_get_array_member (o, "results");
  g_assert_cmpuint (json_array_get_length (res), >=, 1);
  JsonObject *first = json_array_get_object_element (res, 0);
  assert_keys (first, "entity match form distance mentions");
  assert_keys (json_object_get_object_member (first, "entity"), ENTITY_REF);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "entity"),
                                                  "name"),
                   ==, "Pete Hegseth");
  run_clear (&r);
}

static void
test_json_facts_path_stats (void)
{
  Run r = run ("facts --json -g mini.ttl");
  g_autoptr (JsonNode) froot = parse_json (r.out);
  JsonObject *o = json_node_get_object (froot);
  assert_keys (o, "total facts");
  JsonArray *facts = json_object_get_array_member (o, "facts");
  g_assert_cmpuint (json_array_get_length (facts), ==, 25);
  for (guint i = 0; i < json_array_get_length (facts); i++)
    assert_fact (json_array_get_object_element (facts, i));
  run_clear (&r);

  r = run ("path 'José Ramos-Horta' Malaysia --json -g mini.ttl");
  g_autoptr (JsonNode) proot = parse_json (r.out);
  o = json_node_get_object (proot);
  assert_keys (o, "from to found length steps");
  JsonArray *steps = json_object_get_array_member (o, "steps");
  g_assert_cmpint (json_object_get_int_member (o, "length"), ==, json_array_get_length (steps));
  g_assert_cmpint (json_array_get_length (steps), ==, 3);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *s = json_array_get_object_element (steps, i);
      assert_keys (s, "from property direction to fact");
      assert_fact (json_object_get_object_member (s, "fact"));
    }
  run_clear (&r);

  r = run ("path Malaysia Indo-Pacific --json -g mini.ttl");
  g_assert_cmpint (r.status, ==, 1);
  g_autoptr (JsonNode) nroot = parse_json (r.out);
  o = json_node_get_object (nroot);
  g_assert_false (json_object_get_boolean_member (o, "found"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "length")));
  run_clear (&r);

  r = run ("stats --json -g mini.ttl");
  g_autoptr (JsonNode) sroot = parse_json (r.out);
  o = json_node_get_object (sroot);
  assert_keys (o, "documents first_date last_date entities classes facts properties quotes "
                  "most_connected");
  assert_keys (json_object_get_object_member (o, "classes"),
               "person government organization country city place event agreement");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (o, "properties")), ==,
                    16);
  run_clear (&r);
}

static void
test_json_errors (void)
{
  Run r = run ("show singh --json -g mini.ttl");
  g_assert_cmpint (r.status, ==, 1);
  g_autoptr (JsonNode) aroot = parse_json (r.out);
  JsonObject *o = json_node_get_object (aroot);
  assert_keys (o, "error query candidates");
  g_assert_cmpstr (json_object_get_string_member (o, "error"), ==, "ambiguous");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "candidates")), ==, 2);
  run_clear (&r);

  r = run ("show rajnth --json -g mini.ttl");
  g_autoptr (JsonNode) uroot = parse_json (r.out);
  o = json_node_get_object (uroot);
  assert_keys (o, "error query suggestions");
  g_assert_cmpstr (json_object_get_string_member (o, "error"), ==, "unknown");
  run_clear (&r);

  /* Input errors print no JSON at all: stdout stays empty. */
  r = run ("show India --json -g malformed.ttl");
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, "malformed.ttl:9:"));
  run_clear (&r);
}

/* ---------------------------------------------------------------- help, colour */

static void
test_help (void)
{
  const char *cmds[] = { "show", "list", "search", "facts", "path", "stats", "shell" };
  for (gsize i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      g_autofree char *args = g_strdup_printf ("%s --help", cmds[i]);
      Run r = run (args);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, "Example:"));
      g_assert_nonnull (strstr (r.out, "newskg "));
      g_assert_nonnull (strstr (r.out, "Exit status"));
      g_assert_nonnull (strstr (r.out, "--graph"));
      g_assert_cmpstr (r.err, ==, "");
      run_clear (&r);
    }
}

static void
test_color (void)
{
  /* Not a terminal: no colour unless asked. */
  Run r = run ("show India -g mini.ttl");
  g_assert_null (strchr (r.out, '\033'));
  run_clear (&r);
  r = run ("show India --color=always -g mini.ttl");
  g_assert_nonnull (strchr (r.out, '\033'));
  run_clear (&r);
  /* NO_COLOR wins over everything. */
  const char *no_color[] = { "NO_COLOR=1", NULL };
  r = run_in (data_dir, "show India --color=always -g mini.ttl", no_color);
  g_assert_null (strchr (r.out, '\033'));
  run_clear (&r);
  r = run_in (data_dir, "list --color=always -g mini.ttl", no_color);
  g_assert_null (strchr (r.out, '\033'));
  run_clear (&r);
}

/* The shell reads plain lines when input is not a terminal. */
static void
test_shell_batch (void)
{
  g_autofree char *script = g_build_filename (g_get_tmp_dir (), "nkg-shell-XXXXXX", NULL);
  int fd = g_mkstemp (script);
  g_assert_cmpint (fd, >=, 0);
  const char *lines = "# a comment\nshow Hegseth --limit 1\nfacts --about Hegseth --property "
                      "signed\nnosuch\npath India Malaysia\nquit\nstats\n";
  g_assert_cmpint (write (fd, lines, strlen (lines)), ==, (gssize) strlen (lines));
  close (fd);
  g_autofree char *args = g_strdup_printf ("sh -c '\"$0\" shell -g mini.ttl < \"$1\"' %s %s",
                                           newskg, script);
  g_auto (GStrv) argv = NULL;
  g_assert_true (g_shell_parse_argv (args, NULL, &argv, NULL));
  g_autofree char *out = NULL, *err = NULL;
  int status;
  g_assert_true (g_spawn_sync (data_dir, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Pete Hegseth  person"));
  g_assert_nonnull (strstr (out, "signed"));
  g_assert_nonnull (strstr (out, "--containedInPlace--> Malaysia"));
  g_assert_null (strstr (out, "documents  4")); /* stats came after quit */
  g_assert_nonnull (strstr (err, "unknown command 'nosuch'"));
  g_unlink (script);
}

/* ---------------------------------------------------------------- snapshot cache */

static char *
only_file_in (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  const char *name = g_dir_read_name (d);
  g_assert_nonnull (name);
  char *path = g_build_filename (dir, name, NULL);
  g_assert_null (g_dir_read_name (d));
  return path;
}

/* Two snapshot files hold the same snapshot: the same bytes but for the
 * moment the Turtle was summed (header bytes 96–103, graph/snapshot.c)
 * and the header checksum that covers it (24–39). */
static void
assert_same_snapshot (const char *a, gsize a_len, const char *b, gsize b_len)
{
  g_assert_cmpuint (a_len, ==, b_len);
  g_assert_cmpuint (a_len, >=, 128);
  g_assert_cmpmem (a, 24, b, 24);
  g_assert_cmpmem (a + 40, 56, b + 40, 56);
  g_assert_cmpmem (a + 104, a_len - 104, b + 104, b_len - 104);
}

/* Large graphs are read from a snapshot; here the threshold is 0 so the
 * small fixture goes through it: same answers, damaged or stale snapshots
 * ignored. */
static void
test_cache (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("nkg-cache-XXXXXX", NULL);
  g_autofree char *ttl = g_build_filename (tmp, "c.ttl", NULL);
  g_autofree char *mini = g_build_filename (data_dir, "mini.ttl", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (mini, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (ttl, text, -1, NULL));
  g_autofree char *cache_env = g_strdup_printf ("XDG_CACHE_HOME=%s/cache", tmp);
  g_autofree char *snap_dir = g_build_filename (tmp, "cache", "newskg", NULL);
  const char *on[] = { "NEWSKG_CACHE_MIN_BYTES=0", cache_env, NULL };
  const char *off[] = { "NEWSKG_CACHE=0", cache_env, NULL };
  const char *cmds[] = { "show 'Pete Hegseth' --evidence -g c.ttl", "show singh --json -g c.ttl",
                         "facts --json -g c.ttl", "stats --json -g c.ttl",
                         "path jose malaysia --json -g c.ttl", "list --names -g c.ttl",
                         "dot -g c.ttl" };

  for (gsize i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      Run plain = run_in (tmp, cmds[i], off);
      Run first = run_in (tmp, cmds[i], on);  /* parses, writes the snapshot */
      Run again = run_in (tmp, cmds[i], on);  /* reads the snapshot */
      g_assert_cmpstr (first.out, ==, plain.out);
      g_assert_cmpstr (again.out, ==, plain.out);
      g_assert_cmpint (again.status, ==, plain.status);
      run_clear (&plain);
      run_clear (&first);
      run_clear (&again);
    }
  g_autofree char *snap = only_file_in (snap_dir);

  /* A damaged snapshot is ignored and rewritten. */
  Run want = run_in (tmp, cmds[0], off);
  const char *damage[] = { "garbage", "", "newskg-snapshot-3" };
  for (gsize i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_assert_true (g_file_set_contents (snap, damage[i], -1, NULL));
      Run r = run_in (tmp, cmds[0], on);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.out, ==, want.out);
      run_clear (&r);
    }
  /* Truncated in the middle. */
  g_autofree char *bytes = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (snap, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 200);
  g_assert_true (g_file_set_contents (snap, bytes, len / 2, NULL));
  Run r = run_in (tmp, cmds[0], on);
  g_assert_cmpstr (r.out, ==, want.out);
  run_clear (&r);
  /* One flipped byte in a name of the payload: once answers went wrong
   * from it, run after run; now the checksum refuses it, the answer comes
   * from the Turtle, and the snapshot is written again. */
  g_autofree char *good = NULL;
  gsize good_len;
  g_assert_true (g_file_get_contents (snap, &good, &good_len, NULL));
  char *name = memmem (good, good_len, "Pete Hegseth", 12);
  g_assert_nonnull (name);
  g_autofree char *flipped = g_memdup2 (good, good_len);
  flipped[name - good] = 'Q';
  g_assert_true (g_file_set_contents (snap, flipped, good_len, NULL));
  r = run_in (tmp, cmds[0], on);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, want.out);
  run_clear (&r);
  g_autofree char *rewritten = NULL;
  gsize rewritten_len;
  g_assert_true (g_file_get_contents (snap, &rewritten, &rewritten_len, NULL));
  assert_same_snapshot (rewritten, rewritten_len, good, good_len);
  run_clear (&want);

  /* A changed Turtle file makes the snapshot stale. */
  g_auto (GStrv) parts = g_strsplit (text, "schema:name \"Pete Hegseth\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_autofree char *changed = g_strjoinv ("schema:name \"Pete B. Hegseth\"", parts);
  g_assert_true (g_file_set_contents (ttl, changed, -1, NULL));
  r = run_in (tmp, "show person/pete-hegseth -g c.ttl", on);
  g_assert_nonnull (strstr (r.out, "Pete B. Hegseth  person"));
  run_clear (&r);

  g_unlink (snap);
  g_rmdir (snap_dir);
  g_autofree char *cache_dir = g_build_filename (tmp, "cache", NULL);
  g_rmdir (cache_dir);
  g_unlink (ttl);
  g_rmdir (tmp);
}

static char *
file_text (const char *path, gsize *len)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, len, NULL));
  return text;
}

/* `build` and `merge` leave the snapshot of the Turtle file they wrote
 * where the inspection commands look for it: byte for byte the snapshot
 * the first inspection would have written after parsing the file (the
 * graph in memory is the graph of its Turtle, confidences rounded as
 * written); answers from it are the Turtle's. --no-cache writes none. */
static void
test_cache_build (void)
{
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  g_autofree char *examples = g_build_filename (root, "examples", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("nkg-cache-build-XXXXXX", NULL);
  g_autofree char *cache_env = g_strdup_printf ("XDG_CACHE_HOME=%s/cache", tmp);
  g_autofree char *snap_dir = g_build_filename (tmp, "cache", "newskg", NULL);
  const char *on[] = { "NEWSKG_CACHE_MIN_BYTES=0", cache_env, NULL };
  const char *off[] = { "NEWSKG_CACHE=0", cache_env, NULL };

  g_autofree char *build = g_strdup_printf ("build '%s' -o b.ttl --quiet", examples);
  Run r = run_in (tmp, build, on);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_autofree char *snap = only_file_in (snap_dir);
  gsize built_len, parsed_len;
  g_autofree char *built = file_text (snap, &built_len);
  GStatBuf built_st;
  g_assert_cmpint (g_stat (snap, &built_st), ==, 0);

  /* Answers from the build's snapshot are the Turtle's. */
  const char *cmds[] = { "show India --evidence -g b.ttl", "show India --json -g b.ttl",
                         "facts --json -g b.ttl", "stats --json -g b.ttl", "list -g b.ttl",
                         "dot -g b.ttl",
                         /* list and stats read the snapshot in place: the
                          * same ranking, ties and limits as the graph's */
                         "stats -g b.ttl", "stats -n 3 -g b.ttl", "stats -n 0 --json -g b.ttl",
                         "list --json -g b.ttl", "list --sort degree --limit 5 -g b.ttl",
                         "list --sort degree --limit 7 --json -g b.ttl",
                         "list --sort name --limit 4 --json -g b.ttl",
                         "list --type person --limit 3 -g b.ttl",
                         "list --type place --sort degree -g b.ttl",
                         "list --type agreement --json -g b.ttl", "list --names -g b.ttl",
                         /* facts --about reads the entity's neighbourhood */
                         "facts --about India -g b.ttl", "facts --about India --json -g b.ttl",
                         "facts --about 'Rajnath Singh' --evidence --limit 3 -g b.ttl",
                         "facts --about country/united-states --property met -g b.ttl",
                         "facts --about India --conflicts -g b.ttl",
                         "facts --about India --min-support 2 -g b.ttl",
                         "facts --about Singh -g b.ttl", "facts --about nobody-at-all -g b.ttl",
                         /* search picks candidates by the snapshot's name index */
                         "search singh -g b.ttl", "search defence --type agreement --json -g b.ttl",
                         "search hegset -g b.ttl", "search 'rajnath singh' --json -g b.ttl",
                         "search ind --limit 2 -g b.ttl", "search malaysai --limit 0 -g b.ttl",
                         "search zzqqxx -g b.ttl" };
  for (gsize i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      Run plain = run_in (tmp, cmds[i], off);
      Run cached = run_in (tmp, cmds[i], on);
      g_assert_cmpint (cached.status, ==, plain.status);
      g_assert_cmpstr (cached.out, ==, plain.out);
      run_clear (&plain);
      run_clear (&cached);
    }
  /* Every entity's card, which `show` reads in place from the snapshot
   * when the name settles it, is the one the whole Turtle gives: by IRI,
   * by name, as JSON, with all evidence, and plain. */
  r = run_in (tmp, "list --json --limit 0 -g b.ttl", off);
  g_autoptr (JsonNode) listed = parse_json (r.out);
  run_clear (&r);
  JsonArray *all = json_object_get_array_member (json_node_get_object (listed), "entities");
  g_assert_cmpuint (json_array_get_length (all), >, 20);
  for (guint i = 0; i < json_array_get_length (all); i += entity_stride ())
    {
      JsonObject *o = json_array_get_object_element (all, i);
      g_autofree char *iri = g_shell_quote (json_object_get_string_member (o, "iri"));
      g_autofree char *name = g_shell_quote (json_object_get_string_member (o, "name"));
      g_autofree char *c1 = g_strdup_printf ("show %s -g b.ttl --json", iri);
      g_autofree char *c2 = g_strdup_printf ("show %s -g b.ttl --evidence --limit 0", name);
      /* the plain card, whose facts' documents are only counted */
      g_autofree char *c3 = g_strdup_printf ("show %s -g b.ttl --limit 2", iri);
      const char *each[] = { c1, c2, c3 };
      for (gsize k = 0; k < G_N_ELEMENTS (each); k++)
        {
          Run plain = run_in (tmp, each[k], off);
          Run cached = run_in (tmp, each[k], on);
          g_assert_cmpint (cached.status, ==, plain.status);
          g_assert_cmpstr (cached.out, ==, plain.out);
          g_assert_cmpstr (cached.err, ==, plain.err);
          run_clear (&plain);
          run_clear (&cached);
        }
    }

  /* It was used as it was, not refused and rewritten (a rewrite is a new
   * file; its header may have been refreshed in place). */
  g_autofree char *after = file_text (snap, &parsed_len);
  GStatBuf after_st;
  g_assert_cmpint (g_stat (snap, &after_st), ==, 0);
  g_assert_cmpuint (after_st.st_ino, ==, built_st.st_ino);
  assert_same_snapshot (after, parsed_len, built, built_len);

  /* The same bytes as the snapshot of the parsed Turtle. */
  g_assert_cmpint (g_unlink (snap), ==, 0);
  r = run_in (tmp, "stats -g b.ttl", on);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_autofree char *snap2 = only_file_in (snap_dir);
  g_assert_cmpstr (snap2, ==, snap);
  g_autofree char *parsed = file_text (snap, &parsed_len);
  assert_same_snapshot (parsed, parsed_len, built, built_len);

  /* --no-cache: none written (the old one is stale and left alone). */
  g_assert_cmpint (g_unlink (snap), ==, 0);
  g_autofree char *build_nc = g_strdup_printf ("build '%s' -o b.ttl --quiet --no-cache", examples);
  r = run_in (tmp, build_nc, on);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_false (g_file_test (snap, G_FILE_TEST_EXISTS));
  /* nor with the cache off, nor for another format */
  r = run_in (tmp, build, off);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_false (g_file_test (snap, G_FILE_TEST_EXISTS));
  g_autofree char *build_nt = g_strdup_printf ("build '%s' -o b.nt --quiet", examples);
  r = run_in (tmp, build_nt, on);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_assert_false (g_file_test (snap_dir, G_FILE_TEST_EXISTS) && g_rmdir (snap_dir) != 0);

  /* merge writes one as well, the same as its first inspection would. */
  g_autofree char *extract = g_strdup_printf ("extract '%s' -o b.nkgx --quiet", examples);
  r = run_in (tmp, extract, off);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  r = run_in (tmp, "merge b.nkgx -o m.ttl --quiet", on);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_autofree char *msnap = only_file_in (snap_dir);
  g_autofree char *merged = file_text (msnap, &built_len);
  g_assert_cmpint (g_unlink (msnap), ==, 0);
  r = run_in (tmp, "show India -g m.ttl", on);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_autofree char *reparsed = file_text (msnap, &parsed_len);
  assert_same_snapshot (reparsed, parsed_len, merged, built_len);

  g_unlink (msnap);
  g_rmdir (snap_dir);
  g_autofree char *cache_dir = g_build_filename (tmp, "cache", NULL);
  g_rmdir (cache_dir);
  const char *outs[] = { "b.ttl", "b.nt", "b.nkgx", "m.ttl" };
  for (gsize i = 0; i < G_N_ELEMENTS (outs); i++)
    {
      g_autofree char *p = g_build_filename (tmp, outs[i], NULL);
      g_unlink (p);
    }
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* ---------------------------------------------------------------- raptor */

/* Raptor is opened when first called (graph/raptor-lazy.c): a build that
 * writes Turtle never needs it, and N-Triples without it fails with the
 * reason, keeping the old file and leaving no temporary. The binary does
 * not list it among the libraries loaded at every start. */
static void
test_raptor_on_demand (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("nkg-raptor-XXXXXX", NULL);
  g_autofree char *article = g_build_filename (tmp, "harbour.txt", NULL);
  g_assert_true (g_file_set_contents (article,
      "Harbour Council Approves New Ferry Line\n\n"
      "The harbour council of Valmora approved a ferry line to Ostrel on Tuesday, "
      "council chair Ilka Brenner told reporters.\n", -1, NULL));
  const char *no_raptor[] = { "NEWSKG_RAPTOR_LIBRARY=/nonexistent/libraptor2.so.0", NULL };

  Run r = run_in (tmp, "build harbour.txt -o a.ttl --quiet --no-cache", no_raptor);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_autofree char *ttl = g_build_filename (tmp, "a.ttl", NULL);
  g_assert_true (g_file_test (ttl, G_FILE_TEST_IS_REGULAR));

  g_autofree char *nt = g_build_filename (tmp, "a.nt", NULL);
  r = run_in (tmp, "build harbour.txt -o a.nt --quiet --no-cache", NULL);
  g_assert_cmpint (r.status, ==, 0);
  run_clear (&r);
  g_autofree char *good = NULL;
  g_assert_true (g_file_get_contents (nt, &good, NULL, NULL));
  g_assert_true (g_str_has_prefix (good, "<"));

  r = run_in (tmp, "build harbour.txt -o a.nt --quiet --no-cache", no_raptor);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "cannot start Raptor"));
  g_assert_nonnull (strstr (r.err, "/nonexistent/libraptor2.so.0"));
  run_clear (&r);
  g_autofree char *after = NULL;
  g_assert_true (g_file_get_contents (nt, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, good);
  g_autoptr (GDir) d = g_dir_open (tmp, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (d)))
    g_assert_null (strstr (name, ".newskg-"));

  g_autofree char *readelf = g_find_program_in_path ("readelf");
  if (readelf)
    {
      const char *argv[] = { readelf, "-d", newskg, NULL };
      g_autofree char *out = NULL;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &out, NULL, NULL, NULL));
      g_assert_nonnull (strstr (out, "(NEEDED)"));
      g_assert_null (strstr (out, "libraptor2"));
    }

  g_unlink (ttl);
  g_unlink (nt);
  g_unlink (article);
  g_autofree char *cache_dir = g_build_filename (tmp, "cache", NULL);
  g_rmdir (cache_dir);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* ---------------------------------------------------------------- examples */

/* Every evidence node of mini.ttl points at its sentence in its article. */
static void
test_text_mini (void)
{
  g_autofree char *ttl = g_build_filename (data_dir, "mini.ttl", NULL);
  g_assert_cmpuint (nkg_test_check_evidence (newskg, ttl, data_dir), ==, 17);
}

/* A file that changed since the build is refused, with both hashes. */
static void
test_text_mismatch (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-text-XXXXXX", NULL);
  g_autofree char *articles = g_build_filename (dir, "articles", NULL);
  g_autofree char *file = g_build_filename (articles, "regional.txt", NULL);
  g_mkdir (articles, 0755);
  g_assert_true (g_file_set_contents (file, "Someone edited this article.\n", -1, NULL));
  g_autofree char *args = g_strdup_printf ("text -g mini.ttl --root %s doc/090649bf122d1114", dir);
  Run r = run (args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "does not hold the text"));
  g_assert_nonnull (strstr (r.err, "090649bf122d1114"));
  g_assert_cmpstr (r.out, ==, "");
  run_clear (&r);
  /* not there at all: says where it looked */
  g_unlink (file);
  r = run (args);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "cannot find 'articles/regional.txt'"));
  run_clear (&r);
  g_rmdir (articles);
  g_rmdir (dir);
}

static void
test_examples_smoke (void)
{
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  g_autofree char *examples = root ? g_build_filename (root, "examples", NULL) : NULL;
  if (!examples || !g_file_test (examples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no examples/");
      return;
    }
  g_autofree char *tmp = g_dir_make_tmp ("nkg-cli-XXXXXX", NULL);
  g_autofree char *ttl = g_build_filename (tmp, "corpus.ttl", NULL);
  g_autofree char *build = g_strdup_printf ("build '%s' -o '%s' --quiet", examples, ttl);
  Run r = run_in (tmp, build, NULL);
  if (r.status != 0)
    {
      g_test_message ("build failed: %s", r.err);
      g_test_fail ();
      run_clear (&r);
      return;
    }
  run_clear (&r);

  /* Default graph: ./corpus.ttl in the current folder. */
  r = run_in (tmp, "list --json --sort degree --limit 1", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_autoptr (JsonNode) root_node = parse_json (r.out);
  JsonArray *es = json_object_get_array_member (json_node_get_object (root_node), "entities");
  g_assert_cmpuint (json_array_get_length (es), ==, 1);
  const char *iri = json_object_get_string_member (json_array_get_object_element (es, 0), "iri");
  const char *name = json_object_get_string_member (json_array_get_object_element (es, 0), "name");
  g_autofree char *show = g_strdup_printf ("show '%s' --evidence", iri);
  g_autofree char *show_json = g_strdup_printf ("show '%s' --json", iri);
  g_autofree char *facts = g_strdup_printf ("facts --about '%s' --json", iri);
  g_autofree char *quoted_name = g_shell_quote (name);
  g_autofree char *search = g_strdup_printf ("search %s --json", quoted_name);
  const char *cmds[] = { show, show_json, facts, search, "list", "stats", "stats --json",
                         "facts --limit 5" };
  for (gsize i = 0; i < G_N_ELEMENTS (cmds); i++)
    {
      Run c = run_in (tmp, cmds[i], NULL);
      if (c.status != 0)
        g_test_message ("newskg %s → %d: %s", cmds[i], c.status, c.err);
      g_assert_cmpint (c.status, ==, 0);
      g_assert_cmpstr (c.err, ==, "");
      if (strstr (cmds[i], "--json"))
        {
          JsonNode *n = parse_json (c.out);
          json_node_unref (n);
        }
      run_clear (&c);
    }
  run_clear (&r);

  /* Invariants over every entity, robust to extractor changes: each can be
   * shown by its IRI and by its name (or is reported ambiguous), its card
   * and `facts --about` agree, search finds it, and a path from the most
   * connected entity either links up end to end or is reported missing. */
  r = run_in (tmp, "list --json", NULL);
  g_autoptr (JsonNode) all = parse_json (r.out);
  run_clear (&r);
  JsonArray *ents = json_object_get_array_member (json_node_get_object (all), "entities");
  g_assert_cmpuint (json_array_get_length (ents), >, 0);
  for (guint i = 0; i < json_array_get_length (ents); i += entity_stride ())
    {
      JsonObject *e = json_array_get_object_element (ents, i);
      const char *eiri = json_object_get_string_member (e, "iri");
      const char *ename = json_object_get_string_member (e, "name");
      g_autofree char *q_iri = g_shell_quote (eiri);
      g_autofree char *q_name = g_shell_quote (ename);

      g_autofree char *a1 = g_strdup_printf ("show %s --json", q_iri);
      Run s1 = run_in (tmp, a1, NULL);
      g_assert_cmpint (s1.status, ==, 0);
      g_autoptr (JsonNode) card = parse_json (s1.out);
      JsonObject *c = json_node_get_object (card);
      g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, ename);
      guint nout = json_array_get_length (json_object_get_array_member (c, "outgoing"));
      guint nin = json_array_get_length (json_object_get_array_member (c, "incoming"));
      run_clear (&s1);

      g_autofree char *a2 = g_strdup_printf ("show %s --json", q_name);
      Run s2 = run_in (tmp, a2, NULL);
      g_assert_true (s2.status == 0 || s2.status == 1);
      g_autoptr (JsonNode) by_name = parse_json (s2.out);
      if (s2.status == 0)
        g_assert_cmpstr (json_object_get_string_member (json_node_get_object (by_name), "name"),
                         ==, ename);
      else
        g_assert_cmpstr (json_object_get_string_member (json_node_get_object (by_name), "error"),
                         ==, "ambiguous");
      run_clear (&s2);

      g_autofree char *a3 = g_strdup_printf ("facts --about %s --json", q_iri);
      Run f = run_in (tmp, a3, NULL);
      g_autoptr (JsonNode) fj = parse_json (f.out);
      /* a fact about itself (x met x) is counted once here, twice there */
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (fj), "total"), <=,
                       nout + nin);
      g_assert_cmpint (f.status, ==, nout + nin ? 0 : 1);
      run_clear (&f);

      g_autofree char *a4 = g_strdup_printf ("search %s --json --limit 0", q_name);
      Run sr = run_in (tmp, a4, NULL);
      g_assert_cmpint (sr.status, ==, 0);
      g_assert_nonnull (strstr (sr.out, eiri));
      run_clear (&sr);

      g_autofree char *a5 = g_strdup_printf ("path '%s' %s --json", iri, q_iri);
      Run p = run_in (tmp, a5, NULL);
      g_assert_true (p.status == 0 || p.status == 1);
      g_autoptr (JsonNode) pj = parse_json (p.out);
      JsonObject *po = json_node_get_object (pj);
      g_assert_cmpint (json_object_get_boolean_member (po, "found"), ==, p.status == 0);
      JsonArray *steps = json_object_get_array_member (po, "steps");
      const char *at = iri;
      for (guint k = 0; k < json_array_get_length (steps); k++)
        {
          JsonObject *st = json_array_get_object_element (steps, k);
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (st, "from"),
                                                          "iri"),
                           ==, at);
          at = json_object_get_string_member (json_object_get_object_member (st, "to"), "iri");
        }
      if (p.status == 0)
        g_assert_cmpstr (at, ==, eiri);
      run_clear (&p);
    }
  g_unlink (ttl);
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *root;
  if (!nkg_test_env (&newskg, &root))
    return 77;
  data_dir = g_build_filename (root, "tests", "data", NULL);
  golden_dir = g_build_filename (root, "tests", "golden", NULL);
  g_mkdir_with_parents (golden_dir, 0755);

  for (gsize i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/golden/%s", goldens[i].name);
      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/cli/json/show", test_json_show);
  g_test_add_func ("/cli/json/list-search", test_json_list_search);
  g_test_add_func ("/cli/json/facts-path-stats", test_json_facts_path_stats);
  g_test_add_func ("/cli/json/errors", test_json_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/raptor-on-demand", test_raptor_on_demand);
  g_test_add_func ("/cli/color", test_color);
  g_test_add_func ("/cli/shell-batch", test_shell_batch);
  g_test_add_func ("/cli/cache", test_cache);
  g_test_add_func ("/cli/cache-build", test_cache_build);
  g_test_add_func ("/cli/examples-smoke", test_examples_smoke);
  g_test_add_func ("/cli/text/mini-evidence", test_text_mini);
  g_test_add_func ("/cli/text/mismatch", test_text_mismatch);
  return g_test_run ();
}
