/* test-cli-robust.c — the real binary on output it cannot write, graphs it
 * should not trust, and option spellings GOption alone refuses.
 *
 * Table-driven: each case is one command line (shell words, with {mini},
 * {empty}, {nan}, {examples} and {tmp} standing for files the test makes
 * or the repository has), where its standard output goes, and what the
 * exit status, standard error and standard output must be.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cli/common.h"
#include "test-spawn.h"

static const char *newskg;
static char *tmp_dir;
static char *mini_path, *empty_path, *nan_path, *examples_dir;

typedef struct {
  const char *name;
  const char *args;
  const char *stdout_to; /* a file path, or NULL to capture it */
  int status;
  const char *err_has;   /* stderr contains it, or NULL */
  const char *out_has;   /* captured stdout contains it, or NULL */
  const char *out_lacks; /* captured stdout does not contain it, or NULL */
} Case;

static const Case cases[] = {
  /* A write error on standard output is an error, exit 2. */
  { "list-dev-full", "list -g {mini}", "/dev/full", 2, "cannot write to standard output", NULL, NULL },
  { "show-json-dev-full", "show 'Rajnath Singh' --json -g {mini}", "/dev/full", 2,
    "cannot write to standard output", NULL, NULL },
  { "facts-dev-full", "facts --evidence -g {mini}", "/dev/full", 2, "cannot write to standard output",
    NULL, NULL },
  { "help-dev-full", "--help", "/dev/full", 2, "cannot write to standard output", NULL, NULL },
  { "build-help-dev-full", "build --help", "/dev/full", 2, "cannot write to standard output", NULL, NULL },
  /* dot reports its own write error: still one line. */
  { "dot-dev-full", "dot -g {mini}", "/dev/full", 2, "cannot write to standard output", NULL, NULL },
  /* Nothing printed, nothing lost: the command's own status stands. */
  { "unknown-dev-full", "show Zzyzx -g {mini}", "/dev/full", 1, "no entity named", NULL, NULL },
  { "list-ok", "list -g {mini}", NULL, 0, NULL, "Rajnath Singh", NULL },

  /* A corpus.ttl of 0 bytes is no graph: a clear error, not an empty list. */
  { "empty-list", "list -g {empty}", NULL, 2, "empty (0 bytes)", NULL, "mentions" },
  { "empty-stats-json", "stats --json -g {empty}", NULL, 2, "empty (0 bytes)", NULL, "documents" },
  { "empty-dot", "dot -g {empty} -o {tmp}/empty.dot", NULL, 2, "empty (0 bytes)", NULL, NULL },

  /* "NaN"^^xsd:double is valid Turtle; no output may say nan. */
  { "nan-facts-json", "facts --json -g {nan}", NULL, 0, NULL, "\"confidence\" : 0,", "nan" },
  { "nan-facts-text", "facts -g {nan}", NULL, 0, NULL, NULL, "nan" },
  { "nan-show-json", "show 'Rajnath Singh' --json -g {nan}", NULL, 0, NULL, NULL, "nan" },

  /* A value glued to a short option, as getopt reads it. */
  { "build-j1", "build -q -j1 {examples} -o {tmp}/j1.ttl", NULL, 0, NULL, NULL, NULL },
  { "build-j-1", "build -q -j 1 {examples} -o {tmp}/j-1.ttl", NULL, 0, NULL, NULL, NULL },
  { "build-jobs", "build -q --jobs=1 {examples} -o{tmp}/jobs.ttl", NULL, 0, NULL, NULL, NULL },
  { "build-j-bad", "build -q -jx {examples} -o {tmp}/bad.ttl", NULL, 2, "Cannot parse integer", NULL, NULL },
  { "list-n1", "list -n1 -g{mini}", NULL, 0, NULL, "shown", NULL },
};

/* `s` with every `from` replaced by `to` (GLib 2.66 has no
 * g_string_replace). */
static char *
replace (const char *s, const char *from, const char *to)
{
  g_auto (GStrv) parts = g_strsplit (s, from, -1);
  return g_strjoinv (to, parts);
}

/* The case's words with the placeholders filled in. */
static char *
expand (const char *args)
{
  const char *names[] = { "{mini}", "{empty}", "{nan}", "{examples}", "{tmp}" };
  const char *values[] = { mini_path, empty_path, nan_path, examples_dir, tmp_dir };
  char *s = g_strdup (args);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (!values[i])
        continue;
      g_autofree char *quoted = g_shell_quote (values[i]);
      g_autofree char *was = s;
      s = replace (was, names[i], quoted);
    }
  return s;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *args = expand (c->args);
  g_auto (GStrv) words = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_shell_parse_argv (args, NULL, &words, &error));
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) newskg);
  for (char **w = words; *w; w++)
    g_ptr_array_add (argv, *w);
  g_ptr_array_add (argv, NULL);

  g_autoptr (GSubprocessLauncher) l = g_subprocess_launcher_new (
      G_SUBPROCESS_FLAGS_STDERR_PIPE | (c->stdout_to ? 0 : G_SUBPROCESS_FLAGS_STDOUT_PIPE));
  g_subprocess_launcher_unsetenv (l, "NO_COLOR");
  g_subprocess_launcher_setenv (l, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (l, "NEWSKG_CACHE", "0", TRUE);
  if (c->stdout_to)
    g_subprocess_launcher_set_stdout_file_path (l, c->stdout_to);
  g_autoptr (GSubprocess) p
      = g_subprocess_launcher_spawnv (l, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_autofree char *out = NULL, *err = NULL;
  g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  int status = g_subprocess_get_exit_status (p);
  if (status != c->status)
    g_test_message ("%s: stderr: %s", c->name, err);
  g_assert_cmpint (status, ==, c->status);
  if (c->err_has)
    g_assert_nonnull (strstr (err, c->err_has));
  /* Every error is one line. */
  if (err && *err)
    g_assert_cmpint (strchr (err, '\n') - err + 1, ==, (int) strlen (err));
  if (c->out_has)
    g_assert_nonnull (strstr (out, c->out_has));
  if (c->out_lacks)
    g_assert_null (strstr (out, c->out_lacks));
}

/* -j1 and -j 1 build the same graph as the default. */
static void
test_jobs_same_graph (void)
{
  g_autofree char *a = g_build_filename (tmp_dir, "j1.ttl", NULL);
  g_autofree char *b = g_build_filename (tmp_dir, "j-1.ttl", NULL);
  g_autofree char *ta = NULL, *tb = NULL;
  g_assert_true (g_file_get_contents (a, &ta, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &tb, NULL, NULL));
  g_assert_cmpstr (ta, ==, tb);
}

/* The JSON writer itself refuses non-finite numbers, whatever the graph. */
static void
test_json_non_finite (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "nan");
      json_builder_add_double_value (b, NAN);
      json_builder_set_member_name (b, "inf");
      json_builder_add_double_value (b, -INFINITY);
      json_builder_set_member_name (b, "half");
      json_builder_add_double_value (b, 0.5);
      json_builder_end_object (b);
      g_autoptr (JsonNode) root = json_builder_get_root (b);
      nkg_cli_print_json (root);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*\"nan\" : null,*\"inf\" : null,*\"half\" : 0.5*");
  g_test_trap_assert_stdout_unmatched ("*nan,*");
}

static char *
make_nan_graph (void)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (mini_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "nkg:confidence 0.97"));
  g_autofree char *nan = replace (text, "nkg:confidence 0.97", "nkg:confidence \"NaN\"^^xsd:double");
  char *path = g_build_filename (tmp_dir, "nan.ttl", NULL);
  g_assert_true (g_file_set_contents (path, nan, -1, NULL));
  return path;
}

static void
remove_tmp (void)
{
  g_autoptr (GDir) d = g_dir_open (tmp_dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (tmp_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *root;
  if (!nkg_test_env (&newskg, &root))
    return 77;
  tmp_dir = g_dir_make_tmp ("nkg-robust-XXXXXX", NULL);
  mini_path = g_build_filename (root, "tests", "data", "mini.ttl", NULL);
  examples_dir = g_build_filename (root, "examples", NULL);
  empty_path = g_build_filename (tmp_dir, "empty.ttl", NULL);
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  nan_path = make_nan_graph ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli-robust/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  /* after build-j1 and build-j-1 */
  g_test_add_func ("/cli-robust/jobs-same-graph", test_jobs_same_graph);
  g_test_add_func ("/cli-robust/json-non-finite", test_json_non_finite);
  int rc = g_test_run ();
  if (!g_test_subprocess ())
    remove_tmp ();
  return rc;
}
