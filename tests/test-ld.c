/* test-ld.c — the linked data as users get it from `newskg build`:
 * sources that disagree are linked and listed, IRIs survive renaming,
 * reordering and adding articles, every output is replaced atomically (a
 * run that reads nothing, a kill, a full disk leave the old file), --base
 * is checked, -o and --format choose the syntax, and a file name that is
 * not UTF-8 costs a warning, not data.
 *
 * The articles are our own words about invented people.
 */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "graph/load.h"
#include "test-spawn.h"

static const char *newskg;

static const char article_a[] =
  "Chile and Norway sign fisheries accord\n\nMarch 16, 2024\n\n"
  "Chile and Norway signed the Humboldt Current Fisheries Accord in Valparaiso on March 14, "
  "2024. Chilean Fisheries Minister Tamsin Orrel and Norwegian Trade Minister Bram Kettle "
  "signed the accord for their countries.\n";

/* the same accord, another day */
static const char article_b[] =
  "Fisheries accord opens southern waters to both fleets\n\nMarch 18, 2024\n\n"
  "Chile and Norway signed the Humboldt Current Fisheries Accord in Valparaiso on March 15, "
  "2024, Norwegian Trade Minister Bram Kettle told reporters. The accord runs for five years.\n";

/* the same accord, a third day */
static const char article_b2[] =
  "Southern fleets prepare for the new fisheries season\n\nMarch 20, 2024\n\n"
  "Chile and Norway signed the Humboldt Current Fisheries Accord in Valparaiso on March 13, "
  "2024, Chilean Fisheries Minister Tamsin Orrel said on Wednesday.\n";

static const char article_c[] =
  "Peru and Canada agree copper partnership\n\nApril 3, 2024\n\n"
  "Peruvian Mining Minister Lucia Farrand met Canadian Energy Minister Owen Tallis in Lima on "
  "Tuesday. The two ministers signed the Andes Copper Partnership in Lima on April 2, 2024.\n";

static char *
put (const char *dir, const char *name, const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static char *
slurp (const char *path)
{
  char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
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

static guint
count_temporaries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  const char *name;
  while (d && (name = g_dir_read_name (d)))
    n += strstr (name, ".newskg-") != NULL;
  return n;
}

/* ---------------------------------------------------------------- conflicts */

/* Two articles give two signing dates for one accord: the statements are
 * linked both ways, and `facts --conflicts` shows both sides. */
/* One triple reified under two statement nodes (found by fuzzing the
 * loader: the second node freed the name the first was filed under). Both
 * nodes' documents join the one fact, once each, and it keeps the least
 * statement IRI. */
static void
test_statement_twice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *ttl = put (dir, "twice.ttl",
    "@prefix nkg: <https://w3id.org/newskg#> .\n"
    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
    "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
    "@prefix schema: <http://schema.org/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "<urn:e:a> a schema:Person ; rdfs:label \"Ann Orrel\" ; nkg:met <urn:e:b> .\n"
    "<urn:e:b> a schema:Person ; rdfs:label \"Bo Kettle\" .\n"
    "<urn:d:1> a nkg:Document ; schema:headline \"One\" .\n"
    "<urn:d:2> a nkg:Document ; schema:headline \"Two\" .\n"
    "<urn:s:z> a rdf:Statement ; rdf:subject <urn:e:a> ; rdf:predicate nkg:met ;\n"
    "  rdf:object <urn:e:b> ; prov:wasDerivedFrom <urn:d:2>, <urn:d:1> ; nkg:conflictsWith <urn:s:a> .\n"
    "<urn:s:a> a rdf:Statement ; rdf:subject <urn:e:a> ; rdf:predicate nkg:met ;\n"
    "  rdf:object <urn:e:b> ; prov:wasDerivedFrom <urn:d:1> ; nkg:conflictsWith <urn:s:z> .\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (ttl, &error);
  g_assert_no_error (error);
  NkgFact *meets = NULL;
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (f->prop == NKG_PROP_MET)
        {
          g_assert_null (meets);
          meets = f;
        }
    }
  g_assert_nonnull (meets);
  g_assert_cmpstr (meets->iri, ==, "urn:s:a");
  g_assert_cmpuint (meets->docs->len, ==, 2);
  g_assert_cmpuint (meets->conflicts->len, ==, 0); /* not with itself */
  remove_tree (dir);
}

static void
test_conflict (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *a = put (dir, "a.txt", article_a);
  g_autofree char *b = put (dir, "b.txt", article_b);
  g_autofree char *ttl = g_build_filename (dir, "corpus.ttl", NULL);
  const char *build[] = { newskg, "build", "-q", a, b, "-o", ttl, NULL };
  g_assert_cmpint (nkg_test_run (build, NULL, NULL), ==, 0);

  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (ttl, &error);
  g_assert_no_error (error);
  NkgFact *d14 = NULL, *d15 = NULL;
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (f->prop == NKG_PROP_SIGNED_ON && g_strcmp0 (f->literal, "2024-03-14") == 0)
        d14 = f;
      if (f->prop == NKG_PROP_SIGNED_ON && g_strcmp0 (f->literal, "2024-03-15") == 0)
        d15 = f;
    }
  g_assert_nonnull (d14);
  g_assert_nonnull (d15);
  g_assert_true (d14->subject == d15->subject); /* one accord */
  g_assert_cmpuint (d14->conflicts->len, ==, 1);
  g_assert_cmpuint (d15->conflicts->len, ==, 1);
  g_assert_true (g_ptr_array_index (d14->conflicts, 0) == d15);
  g_assert_true (g_ptr_array_index (d15->conflicts, 0) == d14);
  /* in the file itself, both ways */
  g_autofree char *text = slurp (ttl);
  g_autofree char *way1 = g_strdup_printf ("<%s>", d15->iri);
  g_assert_nonnull (strstr (text, "nkg:conflictsWith"));
  g_assert_nonnull (strstr (text, way1));

  const char *facts[] = { newskg, "facts", "--conflicts", "-g", ttl, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (nkg_test_run (facts, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Humboldt Current Fisheries Accord  signedOn"));
  g_assert_nonnull (strstr (out, "\"2024-03-14\""));
  g_assert_nonnull (strstr (out, "\"2024-03-15\""));
  g_assert_nonnull (strstr (out, "a.txt ["));
  g_assert_nonnull (strstr (out, "b.txt ["));
  g_assert_nonnull (strstr (out, "on March 14, 2024"));
  g_assert_nonnull (strstr (out, "on March 15, 2024"));

  /* show marks the disputed value on the accord's card */
  g_clear_pointer (&out, g_free);
  const char *show[] = { newskg, "show", "Humboldt Current Fisheries Accord", "-g", ttl, NULL };
  g_assert_cmpint (nkg_test_run (show, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "! conflicts with \"2024-03-15\""));
  remove_tree (dir);
}

/* A value disputed by many reports stays one line on `show`: the first
 * --limit other values, then how many more (--limit 0: all). */
static void
test_conflict_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "in", NULL);
  g_assert_cmpint (g_mkdir (in, 0700), ==, 0);
  /* three reports of one accord, each with its own date */
  const char *reports[] = { article_a, article_b, article_b2 };
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.txt", 'a' + i);
      g_free (put (in, name, reports[i]));
    }
  g_autofree char *ttl = g_build_filename (dir, "corpus.ttl", NULL);
  const char *build[] = { newskg, "build", "-q", in, "-o", ttl, NULL };
  g_assert_cmpint (nkg_test_run (build, NULL, NULL), ==, 0);

  g_autofree char *out = NULL;
  const char *show[] = { newskg, "show", "Humboldt Current Fisheries Accord", "--limit", "1",
                         "-g", ttl, NULL };
  g_assert_cmpint (nkg_test_run (show, &out, NULL), ==, 0);
  /* each of the three dates conflicts with the two others: one shown */
  const char *at = strstr (out, "signedOn -> \"");
  g_assert_nonnull (at);
  g_autofree char *line = g_strndup (at, strcspn (at, "\n"));
  g_assert_nonnull (strstr (line, "\" … and 1 more"));
  /* its own date and one other */
  guint dates = 0;
  for (const char *d = line; (d = strstr (d, "\"2024-03-1")); d++)
    dates++;
  g_assert_cmpuint (dates, ==, 2);

  g_clear_pointer (&out, g_free);
  const char *all[] = { newskg, "show", "Humboldt Current Fisheries Accord", "--limit", "0",
                        "-g", ttl, NULL };
  g_assert_cmpint (nkg_test_run (all, &out, NULL), ==, 0);
  at = strstr (out, "signedOn -> \"");
  g_assert_nonnull (at);
  g_clear_pointer (&line, g_free);
  line = g_strndup (at, strcspn (at, "\n"));
  g_assert_nonnull (strstr (line, "! conflicts with \"2024-03-1"));
  g_assert_null (strstr (out, "more"));
  dates = 0;
  for (const char *d = line; (d = strstr (d, "\"2024-03-1")); d++)
    dates++;
  g_assert_cmpuint (dates, ==, 3);
  remove_tree (dir);
}

/* ---------------------------------------------------------------- stable IRIs */

static GHashTable *
subjects (const char *ttl)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (ttl, &error);
  g_assert_no_error (error);
  GHashTable *iris = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *lists[] = { g->docs, g->entities, g->facts, g->evidence, g->quotes };
  for (gsize l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        /* every list's items start with their IRI */
        const char *iri = *(char **) g_ptr_array_index (lists[l], i);
        g_hash_table_add (iris, g_strdup (iri));
      }
  return iris;
}

/* Renaming, reordering and adding input files renames nothing. */
static void
test_stable_iris (void)
{
  g_autofree char *dir1 = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *dir2 = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_free (put (dir1, "a.txt", article_a));
  g_free (put (dir1, "c.txt", article_c));
  g_autofree char *ttl1 = g_build_filename (dir1, "corpus.ttl", NULL);
  const char *b1[] = { newskg, "build", "-q", dir1, "-o", ttl1, NULL };
  g_assert_cmpint (nkg_test_run (b1, NULL, NULL), ==, 0);

  /* the same two under other names, in the other order, and one more */
  g_autofree char *c2 = put (dir2, "aa-copper.txt", article_c);
  g_autofree char *a2 = put (dir2, "zz-fisheries.txt", article_a);
  g_autofree char *b2 = put (dir2, "mm-second-view.txt", article_b);
  g_autofree char *ttl2 = g_build_filename (dir2, "corpus.ttl", NULL);
  const char *b2argv[] = { newskg, "build", "-q", b2, a2, c2, "-o", ttl2, NULL };
  g_assert_cmpint (nkg_test_run (b2argv, NULL, NULL), ==, 0);

  g_autoptr (GHashTable) s1 = subjects (ttl1);
  g_autoptr (GHashTable) s2 = subjects (ttl2);
  g_assert_cmpuint (g_hash_table_size (s1), >, 20);
  g_assert_cmpuint (g_hash_table_size (s2), >, g_hash_table_size (s1));
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init (&it, s1);
  while (g_hash_table_iter_next (&it, &k, NULL))
    if (!g_hash_table_contains (s2, k))
      g_error ("<%s> is gone after renaming, reordering and adding articles", (char *) k);

  /* the order on the command line changes no byte */
  g_autofree char *ttl3 = g_build_filename (dir2, "again.ttl", NULL);
  const char *b3[] = { newskg, "build", "-q", c2, b2, a2, "-o", ttl3, NULL };
  g_assert_cmpint (nkg_test_run (b3, NULL, NULL), ==, 0);
  g_autofree char *t2 = slurp (ttl2);
  g_autofree char *t3 = slurp (ttl3);
  g_assert_cmpstr (t2, ==, t3);

  /* the same text under two names is one document */
  g_free (put (dir1, "c-copy.txt", article_c));
  const char *b4[] = { newskg, "build", "-q", dir1, "-o", ttl1, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (nkg_test_run (b4, NULL, &err), ==, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (ttl1, &error);
  g_assert_cmpuint (g->docs->len, ==, 2);
  remove_tree (dir1);
  remove_tree (dir2);
}

/* ---------------------------------------------------------------- outputs */

/* A run that reads no article writes nothing: the old graph and diagram
 * stay as they were. */
static void
test_nothing_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *ttl = put (dir, "corpus.ttl", "the old graph\n");
  g_autofree char *dot = put (dir, "graph.dot", "the old diagram\n");
  g_autofree char *bad = g_build_filename (dir, "binary.txt", NULL);
  g_assert_true (g_file_set_contents (bad, "not\0text", 8, NULL));
  const char *argv[] = { newskg, "build", bad, "-o", ttl, "--dot", dot, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, NULL, &err), ==, 1); /* nothing to do */
  g_assert_nonnull (strstr (err, "nothing written"));
  g_autofree char *t = slurp (ttl), *d = slurp (dot);
  g_assert_cmpstr (t, ==, "the old graph\n");
  g_assert_cmpstr (d, ==, "the old diagram\n");
  g_assert_cmpuint (count_temporaries (dir), ==, 0);
  remove_tree (dir);
}

/* Enough articles of our own that writing the graph takes a while. */
static char *
many_articles (guint n)
{
  static const char *first[] = { "Arin", "Bela", "Cato", "Dara", "Emil", "Fenna", "Goran", "Hedda",
                                  "Ivo", "Jorun", "Kasia", "Leif", "Mirela", "Nils", "Oona",
                                  "Pavo", "Runa", "Sten", "Tilde", "Ugo" };
  static const char *last[] = { "Vantheim", "Orlov", "Castell", "Dunmore", "Eskeland", "Fairholm",
                                "Grisward", "Holloway", "Ingram", "Jessup", "Kallio", "Lindqvist",
                                "Marrow", "Norcott", "Osgood", "Pellham", "Quarry", "Rowntree",
                                "Sallow", "Thorne" };
  static const char *countries[] = { "Norway", "Chile", "Peru", "Canada", "Kenya", "Ghana",
                                     "Japan", "Brazil", "Poland", "Egypt" };
  char *dir = g_dir_make_tmp ("nkg-ld-many-XXXXXX", NULL);
  for (guint i = 0; i < n; i++)
    {
      const char *p1f = first[i % 20], *p1l = last[(i / 20) % 20];
      const char *p2f = first[(i + 7) % 20], *p2l = last[(i / 20 + 3) % 20];
      const char *c1 = countries[i % 10], *c2 = countries[(i + 3) % 10];
      g_autofree char *text = g_strdup_printf (
          "Ministers meet on river trade\n\nMay %u, 2024\n\n"
          "Foreign Minister %s %s of %s met Trade Minister %s %s of %s on Monday. "
          "The two ministers signed the River Trade Agreement number %u on May %u, 2024. "
          "\"We will keep talking about the rivers,\" %s said. %s %s added that the talks "
          "would go on.\n",
          i % 28 + 1, p1f, p1l, c1, p2f, p2l, c2, i, i % 28 + 1, p1l, p2f, p2l);
      g_autofree char *name = g_strdup_printf ("a%04u.txt", i);
      g_free (put (dir, name, text));
    }
  return dir;
}

/* SIGTERM or SIGINT while the graph is written: the old file stays and the
 * temporary is removed; SIGKILL: the old file stays. */
static void
kill_during_write (const char *docs, int sig)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *ttl = put (dir, "corpus.ttl", "the old graph\n");
  const char *argv[] = { newskg, "build", "-q", "-j", "2", docs, "-o", ttl, NULL };
  GPid pid;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, &error));
  /* the temporary appears when writing starts */
  gboolean seen = FALSE;
  for (int i = 0; i < 60000 && !seen; i++)
    {
      if (count_temporaries (dir) > 0)
        seen = TRUE;
      else if (waitpid (pid, NULL, WNOHANG) == pid)
        break;
      else
        g_usleep (500);
    }
  if (!seen)
    {
      g_test_incomplete ("the graph was written before the test saw it being written");
      remove_tree (dir);
      return;
    }
  kill (pid, sig);
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, sig);
  g_autofree char *t = slurp (ttl);
  g_assert_cmpstr (t, ==, "the old graph\n");
  if (sig != SIGKILL)
    g_assert_cmpuint (count_temporaries (dir), ==, 0);
  remove_tree (dir);
}

static void
test_kill (void)
{
  /* Under ASan everything, the write included, is several times slower:
   * fewer articles still give a write long enough to catch. */
#ifdef __SANITIZE_ADDRESS__
  g_autofree char *docs = many_articles (150);
#else
  g_autofree char *docs = many_articles (600);
#endif
  kill_during_write (docs, SIGTERM);
  kill_during_write (docs, SIGINT);
  kill_during_write (docs, SIGKILL);
  remove_tree (docs);
}

/* A full disk: the write fails with a clear error, the old graph stays and
 * no temporary is left. Needs root, for a small tmpfs. */
static void
test_full_disk (void)
{
  if (geteuid () != 0)
    {
      g_test_skip ("not root: cannot mount a small tmpfs to fill (full-disk case not run)");
      return;
    }
  g_autofree char *mnt = g_dir_make_tmp ("nkg-ld-full-XXXXXX", NULL);
  if (mount ("tmpfs", mnt, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a tmpfs (%s): full-disk case not run",
                                              g_strerror (errno));
      g_test_skip (why);
      g_rmdir (mnt);
      return;
    }
  g_autofree char *docs = many_articles (60);
  g_autofree char *ttl = put (mnt, "corpus.ttl", "the old graph\n");
  const char *argv[] = { newskg, "build", "-q", docs, "-o", ttl, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "cannot write"));
  g_assert_nonnull (strstr (err, "corpus.ttl"));
  g_autofree char *t = slurp (ttl);
  g_assert_cmpstr (t, ==, "the old graph\n");
  g_assert_cmpuint (count_temporaries (mnt), ==, 0);
  umount (mnt);
  g_rmdir (mnt);
  remove_tree (docs);
}

/* "-", devices, FIFOs and symlinks keep working. */
static void
test_special_outputs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *a = put (dir, "a.txt", article_a);
  g_autofree char *out = NULL, *err = NULL;

  const char *to_stdout[] = { newskg, "build", "-q", a, "-o", "-", NULL };
  g_assert_cmpint (nkg_test_run (to_stdout, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "@prefix nkg: <https://w3id.org/newskg#>"));

  /* /dev/stdout is the pipe the caller gave, not a file to replace */
  g_clear_pointer (&out, g_free);
  const char *to_dev_stdout[] = { newskg, "build", "-q", a, "-o", "/dev/stdout", NULL };
  g_assert_cmpint (nkg_test_run (to_dev_stdout, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "@prefix nkg: <https://w3id.org/newskg#>"));

  const char *to_null[] = { newskg, "build", "-q", a, "-o", "/dev/null", NULL };
  g_assert_cmpint (nkg_test_run (to_null, NULL, NULL), ==, 0);
  g_assert_false (g_file_test ("/dev/null", G_FILE_TEST_IS_REGULAR));

  /* a symlink: its target gets the graph, the link stays a link */
  g_autofree char *target = put (dir, "target.ttl", "old\n");
  g_autofree char *link = g_build_filename (dir, "link.ttl", NULL);
  g_assert_cmpint (symlink ("target.ttl", link), ==, 0);
  const char *via_link[] = { newskg, "build", "-q", a, "-o", link, NULL };
  g_assert_cmpint (nkg_test_run (via_link, NULL, NULL), ==, 0);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_autofree char *t = slurp (target);
  g_assert_nonnull (strstr (t, "nkg:Document"));

  /* a FIFO is written in place, to whoever reads it */
  g_autofree char *fifo = g_build_filename (dir, "pipe.ttl", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_autofree char *cat = g_find_program_in_path ("cat");
  const char *reader[] = { cat, fifo, NULL };
  GPid pid;
  int out_fd;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) reader, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
  const char *to_fifo[] = { newskg, "build", "-q", a, "-o", fifo, "--format", "ntriples", NULL };
  g_assert_cmpint (nkg_test_run (to_fifo, NULL, NULL), ==, 0);
  g_autoptr (GIOChannel) ch = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (ch, TRUE);
  g_autofree char *piped = NULL;
  gsize len = 0;
  g_io_channel_read_to_end (ch, &piped, &len, NULL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  g_assert_true (g_str_has_prefix (piped, "<https://w3id.org/newskg/id/"));
  g_assert_false (g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  remove_tree (dir);
}

/* -o chooses the syntax by extension, --format by name; --json reports. */
static void
test_formats_and_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *a = put (dir, "a.txt", article_a);
  g_autofree char *nt = g_build_filename (dir, "corpus.nt", NULL);
  g_autofree char *odd = g_build_filename (dir, "corpus.out", NULL);
  g_autofree char *out = NULL;
  const char *by_ext[] = { newskg, "build", "-q", a, "-o", nt, NULL };
  g_assert_cmpint (nkg_test_run (by_ext, NULL, NULL), ==, 0);
  g_autofree char *t = slurp (nt);
  g_assert_true (g_str_has_prefix (t, "<https://w3id.org/newskg/id/"));

  const char *by_name[] = { newskg, "build", a, "-o", odd, "--format", "jsonld", "--json", NULL };
  g_assert_cmpint (nkg_test_run (by_name, &out, NULL), ==, 0);
  g_autofree char *j = slurp (odd);
  g_assert_nonnull (strstr (j, "\"@context\""));
  g_autoptr (JsonParser) p = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_assert_true (json_parser_load_from_data (p, out, -1, &error));
  JsonObject *o = json_node_get_object (json_parser_get_root (p));
  g_assert_cmpint (json_object_get_int_member (o, "articles"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "conflicts"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "evidence"), >, 0);
  JsonObject *f = json_array_get_object_element (json_object_get_array_member (o, "files"), 0);
  g_assert_cmpstr (json_object_get_string_member (f, "format"), ==, "jsonld");
  g_assert_cmpstr (json_object_get_string_member (f, "media_type"), ==, "application/ld+json");

  /* without -o, the file is named after the format */
  const char *no_o[] = { newskg, "build", "-q", a, "--format", "nquads", NULL };
  int status = -1;
  g_assert_true (g_spawn_sync (dir, (char **) no_o, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_autofree char *nq = g_build_filename (dir, "corpus.nq", NULL);
  g_assert_true (g_file_test (nq, G_FILE_TEST_IS_REGULAR));

  g_autofree char *err = NULL;
  const char *unknown[] = { newskg, "build", a, "-o", odd, "--format", "yaml", NULL };
  g_assert_cmpint (nkg_test_run (unknown, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "turtle, ntriples, nquads, rdfxml, jsonld"));
  remove_tree (dir);
}

/* --base must be an absolute IRI every syntax can carry. */
static void
test_base (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_autofree char *a = put (dir, "a.txt", article_a);
  g_autofree char *ttl = put (dir, "corpus.ttl", "the old graph\n");
  const char *bad[] = { "http://a b/", "example.org/kg/", "https://example.org/<kg>/", "" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *argv[] = { newskg, "build", a, "-o", ttl, "--base", bad[i], NULL };
      g_autofree char *err = NULL;
      g_assert_cmpint (nkg_test_run (argv, NULL, &err), ==, 2);
      g_assert_true (g_str_has_prefix (err, "newskg build: --base"));
      g_assert_null (strchr (strchr (err, '\n') + 1, '\n')); /* one line */
    }
  g_autofree char *t = slurp (ttl);
  g_assert_cmpstr (t, ==, "the old graph\n");
  const char *good[] = { newskg, "build", "-q", a, "-o", ttl, "--base", "https://example.org/kg/", NULL };
  g_assert_cmpint (nkg_test_run (good, NULL, NULL), ==, 0);
  g_free (t);
  t = slurp (ttl);
  g_assert_nonnull (strstr (t, "<https://example.org/kg/build>"));
  g_assert_nonnull (strstr (t, "<https://example.org/kg/person/tamsin-orrel>"));
  remove_tree (dir);
}

/* A file name in another encoding: a warning, and the document whole. */
static void
test_file_name_not_utf8 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nkg-ld-XXXXXX", NULL);
  g_free (put (dir, "caf\xe9.txt", article_c));
  g_autofree char *ttl = g_build_filename (dir, "corpus.ttl", NULL);
  const char *argv[] = { newskg, "build", dir, "-o", ttl, NULL };
  g_autofree char *err = NULL;
  g_assert_cmpint (nkg_test_run (argv, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "warning: source of <"));
  g_assert_nonnull (strstr (err, "U+FFFD"));
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgGraph) g = nkg_graph_load_turtle (ttl, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g->docs->len, ==, 1);
  NkgDoc *d = g_ptr_array_index (g->docs, 0);
  g_assert_nonnull (d->sha256);
  g_assert_nonnull (d->title);
  g_assert_nonnull (strstr (d->source, "caf\xef\xbf\xbd.txt"));
  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  newskg = g_getenv ("NEWSKG");
  if (!newskg)
    {
      g_printerr ("NEWSKG must be set (run through meson test)\n");
      return 77;
    }
  g_test_add_func ("/ld/conflict", test_conflict);
  g_test_add_func ("/ld/conflict-limit", test_conflict_limit);
  g_test_add_func ("/ld/statement-twice", test_statement_twice);
  g_test_add_func ("/ld/stable-iris", test_stable_iris);
  g_test_add_func ("/ld/output/nothing-read", test_nothing_read);
  g_test_add_func ("/ld/output/kill", test_kill);
  g_test_add_func ("/ld/output/full-disk", test_full_disk);
  g_test_add_func ("/ld/output/special", test_special_outputs);
  g_test_add_func ("/ld/output/formats-json", test_formats_and_json);
  g_test_add_func ("/ld/base", test_base);
  g_test_add_func ("/ld/file-name-not-utf8", test_file_name_not_utf8);
  return g_test_run ();
}
