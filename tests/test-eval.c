/* test-eval.c — quality floors against ../shared/eval.
 *
 * Builds the seed and dev corpora with the real binary, scores them with
 * score.py and runs the competency questions with ask.py (rdflib and
 * roqet). Fails when a figure drops more than 0.02 below what the
 * extractor reached when the floor was last raised (floors below). Skips,
 * saying so, when ../shared or its Python tools are absent.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <errno.h>
#include <unistd.h>

#include "test-spawn.h"

static const char *newskg, *shared;
static char *python;

/* Figures reached, minus 0.02. Raise them when the extractor improves. */
typedef struct {
  const char *set;
  double entity, relation, quote;
  gboolean in_repo; /* tests/<set>/ rather than ../shared/eval/<set>/ */
  const char *only; /* first letters of the articles scored (dev2 "ab"), or NULL for all */
  const char *name; /* what the figures are called, when not the set's name */
} Floors;

static const Floors floors[] = {
  { "seeds", 0.98, 0.92, 0.98, FALSE, NULL, NULL },
  { "dev", 0.94, 0.89, 0.98, FALSE, NULL, NULL },
  /* Articles written for the project and annotated by GOLD.md, kept as a
   * check of generalisation (tests/holdout/README.md). */
  { "holdout", 0.94, 0.88, 0.98, TRUE, NULL, NULL },
  /* The second development set's a* and b* articles; its c* articles are
   * the team's blind check set and are not scored here. */
  { "dev2", 0.93, 0.86, 0.94, FALSE, "ab", "dev2ab" },
  /* The open set of news from Asia, the Pacific and multilateral bodies
   * written for the project (tests/devasia/README.md). */
  { "devasia", 0.95, 0.91, 0.98, TRUE, NULL, NULL },
  /* A small set written blind by two engineers, gold before any run
   * (tests/devasia2/README.md); open since its first figures. (The next
   * blind set, tests/devasia3, stays blind: scored by hand, not here.) */
  { "devasia2", 0.94, 0.86, 0.98, TRUE, NULL, NULL },
  /* Fourteen articles in house styles the other sets lack, scored blind
   * before any rule (tests/devasia4/README.md); open since. */
  { "devasia4", 0.91, 0.85, 0.88, TRUE, NULL, NULL },
  /* Fourteen real events of Asia, the Pacific and multilateral bodies in
   * the team's own words (tests/devasia5/README.md). BLIND: only its
   * summary figures are printed here; never read its docs, gold or misses
   * to write a rule. */
  { "devasia5", 0.84, 0.73, 0.98, TRUE, NULL, NULL },
};

/* A folder of symbolic links to the files of `from` whose names start
 * with one of the letters of `only`. */
static char *
subset_dir (const char *from, const char *only, const char *tmp, const char *part)
{
  char *dir = g_build_filename (tmp, part, NULL);
  g_mkdir (dir, 0700);
  g_autoptr (GDir) d = g_dir_open (from, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    if (strchr (only, name[0]))
      {
        g_autofree char *target = g_build_filename (from, name, NULL);
        g_autofree char *link = g_build_filename (dir, name, NULL);
        if (symlink (target, link) != 0)
          g_error ("cannot link %s: %s", link, g_strerror (errno));
      }
  return dir;
}

/* Competency questions (eval/queries) that may fail, per engine: none
 * with rdflib; with roqet the one that Rasqal 0.9.33 (Debian 12) cannot
 * parse at all (12-evidence-in-document.rq uses FILTER NOT EXISTS, which
 * its SPARQL grammar lacks; the same question written with OPTIONAL and
 * !BOUND passes with roqet). */
#define ASK_MISSES_RDFLIB 0
#define ASK_MISSES_ROQET 1


static gboolean
have_tools (void)
{
  if (!shared || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared is absent: evaluation not run");
      return FALSE;
    }
  if (!python)
    {
      g_test_skip ("python3 with rdflib (Debian python3-rdflib) is absent: evaluation not run");
      return FALSE;
    }
  return TRUE;
}

static char *
set_dir (const char *set, gboolean in_repo, const char *part)
{
  if (in_repo)
    return g_build_filename (g_getenv ("NKG_SOURCE_ROOT"), "tests", set, part, NULL);
  return g_build_filename (shared, "eval", set, part, NULL);
}

/* Builds SET's docs into a temporary corpus; returns its path. */
static char *
build_corpus (const char *set, gboolean in_repo, const char *only, char **dir_out)
{
  g_autofree char *docs = set_dir (set, in_repo, "docs");
  char *dir = g_dir_make_tmp ("nkg-eval-XXXXXX", NULL);
  if (only)
    {
      g_autofree char *all = g_steal_pointer (&docs);
      docs = subset_dir (all, only, dir, "docs");
    }
  char *ttl = g_build_filename (dir, "corpus.ttl", NULL);
  const char *argv[] = { newskg, "build", "-q", docs, "-o", ttl, NULL };
  g_autofree char *err = NULL;
  int rc = nkg_test_run (argv, NULL, &err);
  if (rc != 0)
    g_error ("newskg build %s failed (%d): %s", docs, rc, err);
  *dir_out = dir;
  return ttl;
}

/* Removes a folder of links (or plain files) and the folder. */
static void
remove_links (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
remove_corpus (char *ttl, char *dir)
{
  g_unlink (ttl);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sub = g_build_filename (dir, i ? "gold" : "docs", NULL);
      if (g_file_test (sub, G_FILE_TEST_IS_DIR))
        remove_links (sub);
    }
  g_rmdir (dir);
  g_free (ttl);
  g_free (dir);
}

/* score.py's summary: {"summary": {"entity_f1": …, "relation_f1": …, "quote_f1": …}} */
static double
figure (JsonObject *root, const char *name)
{
  g_assert_true (json_object_has_member (root, "summary"));
  JsonObject *summary = json_object_get_object_member (root, "summary");
  g_assert_true (json_object_has_member (summary, name));
  return json_object_get_double_member (summary, name);
}

static void
test_score (gconstpointer data)
{
  const Floors *fl = data;
  if (!have_tools ())
    return;
  g_autofree char *dir = NULL;
  char *ttl = build_corpus (fl->set, fl->in_repo, fl->only, &dir);
  g_autofree char *score = g_build_filename (shared, "eval", "score.py", NULL);
  g_autofree char *gold = set_dir (fl->set, fl->in_repo, "gold");
  if (fl->only)
    {
      g_autofree char *all = g_steal_pointer (&gold);
      gold = subset_dir (all, fl->only, dir, "gold");
    }
  const char *name = fl->name ? fl->name : fl->set;
  const char *argv[] = { python, score, ttl, gold, "--json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, &out, &err), ==, 0);
  char *nl = strchr (out, '\n');
  if (nl)
    *nl = '\0';
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  double ent = figure (root, "entity_f1"), rel = figure (root, "relation_f1"),
         quo = figure (root, "quote_f1");
  g_test_message ("%s: entity_f1=%.3f relation_f1=%.3f quote_f1=%.3f", name, ent, rel, quo);
  g_printerr ("# %s: entity_f1=%.3f relation_f1=%.3f quote_f1=%.3f\n", name, ent, rel, quo);
  if (ent < fl->entity || rel < fl->relation || quo < fl->quote)
    g_error ("%s: below the floor (entity %.3f < %.3f, relation %.3f < %.3f or quote %.3f < %.3f)",
             name, ent, fl->entity, rel, fl->relation, quo, fl->quote);
  remove_corpus (ttl, g_steal_pointer (&dir));
}

static void
test_ask (gconstpointer data)
{
  const char *engine = data;
  if (!have_tools ())
    return;
  g_autofree char *roqet = g_find_program_in_path ("roqet");
  if (strcmp (engine, "roqet") == 0 && !roqet)
    {
      g_test_skip ("roqet (Debian rasqal-utils) is absent: not run with roqet");
      return;
    }
  g_autofree char *dir = NULL;
  char *ttl = build_corpus ("seeds", FALSE, NULL, &dir);
  g_autofree char *ask = g_build_filename (shared, "eval", "ask.py", NULL);
  g_autofree char *queries = g_build_filename (shared, "eval", "queries", NULL);
  const char *argv[] = { python, ask, ttl, queries, "--engine", engine, NULL };
  g_autofree char *out = NULL, *err = NULL;
  nkg_test_run (argv, &out, &err);
  g_printerr ("%s", out);
  /* ask.py's last line: "N passed, M failed" */
  const char *last = g_strrstr (out, " passed, ");
  g_assert_nonnull (last);
  while (last > out && last[-1] != '\n')
    last--;
  guint passed = 0, failed = 0;
  g_assert_cmpint (sscanf (last, "%u passed, %u failed", &passed, &failed), ==, 2);
  g_printerr ("# %s: %u of %u competency questions pass\n", engine, passed, passed + failed);
  guint misses = strcmp (engine, "roqet") == 0 ? ASK_MISSES_ROQET : ASK_MISSES_RDFLIB;
  if (failed > misses)
    g_error ("%u of %u competency questions fail with %s (at most %u may):\n%s%s", failed,
             passed + failed, engine, misses, out, err);
  remove_corpus (ttl, g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  newskg = g_getenv ("NEWSKG");
  shared = g_getenv ("NKG_SHARED_DIR");
  /* score.py needs rdflib; Debian's python3 has it when python3-rdflib is in. */
  const char *candidates[] = { "/usr/bin/python3", "python3" };
  for (gsize i = 0; i < G_N_ELEMENTS (candidates) && !python; i++)
    {
      g_autofree char *p = g_find_program_in_path (candidates[i]);
      if (!p)
        continue;
      const char *check[] = { p, "-c", "import rdflib", NULL };
      int status = -1;
      if (g_spawn_sync (NULL, (char **) check, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                        NULL, &status, NULL)
          && WIFEXITED (status) && WEXITSTATUS (status) == 0)
        python = g_steal_pointer (&p);
    }
  /* Every case here needs ../shared (score.py, ask.py and most sets) and
   * rdflib. Without them each case would skip, and a GTest program whose
   * cases all skip exits 0, which meson shows as OK: exit 77 instead, so
   * the run shows SKIP and says why. */
  const char *absent = NULL;
  if (!shared || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    absent = "../shared is absent (the evaluation data lives outside the repository)";
  else if (!python)
    absent = "python3 with rdflib (Debian python3-rdflib) is absent";
  if (absent)
    {
      g_print ("skipped: %s: evaluation not run\n", absent);
      return 77;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (floors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/eval/score/%s", floors[i].name ? floors[i].name : floors[i].set);
      g_test_add_data_func (path, &floors[i], test_score);
    }
  g_test_add_data_func ("/eval/ask/rdflib", "rdflib", test_ask);
  g_test_add_data_func ("/eval/ask/roqet", "roqet", test_ask);
  int rc = g_test_run ();
  g_free (python);
  return rc;
}
