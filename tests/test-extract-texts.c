/* The invented texts of tests/data/<FOLDER> (the test's argument):
 * people — titles in apposition and with complements, affiliations,
 * bylines and credit lines; agreements — multi-agreement articles whose
 * agreements stay apart (coref.c's agreement register), each with its own
 * signers, parties, place and date; bodies — names of bodies kept whole
 * (possessives, nationalities, company forms, lists of companies); names —
 * forms of people's names and styles in news from Asia, the Pacific, the
 * Middle East and Africa (initials, particles, honorifics, ranks, family
 * names in capitals, okinas, diacritics); signing — the ways news phrases
 * who signed what and which countries are its parties; event-names — names
 * of meetings (a release's headline that is one). Every file is a text, a line
 * "==== facts", then what it must give ("subject | predicate | object",
 * "Name | a | class", "Name | says | fragment") and, marked '*', what it
 * must not give. A line marked '?' is a known gap: a fact it should give
 * but does not yet, reported and not failed (signing keeps its table of
 * forms whole that way). Every failing line is reported before the test
 * fails. */
#include "test-extract-helpers.h"

static gboolean
holds (NkgDocFacts *f, const char *line)
{
  g_auto (GStrv) part = g_strsplit (line, "|", 3);
  g_assert_cmpuint (g_strv_length (part), ==, 3);
  const char *s = g_strstrip (part[0]), *p = g_strstrip (part[1]), *o = g_strstrip (part[2]);
  if (strcmp (p, "a") == 0)
    {
      if (strcmp (o, "*") == 0)
        return entity_named (f, s) >= 0;
      NkgClass k = nkg_class_from_key (o);
      g_assert_cmpint (k, !=, NKG_CLASS_NONE);
      return entity_named (f, s) >= 0 && class_of (f, s) == k;
    }
  if (strcmp (p, "says") == 0)
    return has_quote (f, s, o);
  /* "A | same | B": two names (or aliases) of one entity */
  if (strcmp (p, "same") == 0)
    return entity_named (f, s) >= 0 && entity_named (f, s) == entity_named (f, o);
  return has_fact_text (f, line);
}

static void
run_text (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  char *sep = strstr (contents, "\n==== facts\n");
  g_assert_nonnull (sep);
  *sep = '\0';
  g_autoptr (NkgDocFacts) f = extract_string (contents);
  g_auto (GStrv) lines = g_strsplit (sep + strlen ("\n==== facts\n"), "\n", -1);
  guint checked = 0, failed = 0;
  for (guint i = 0; lines[i]; i++)
    {
      const char *line = g_strstrip (lines[i]);
      if (!*line)
        continue;
      if (line[0] == '?')
        {
          g_printerr ("%s: %s %s\n", path, holds (f, line + 1) ? "known gap now holds:" : "known gap:", line + 1);
          checked++;
          continue;
        }
      gboolean must_not = line[0] == '*';
      if (holds (f, must_not ? line + 1 : line) == must_not)
        {
          g_printerr ("%s: %s %s\n", path, must_not ? "must not give" : "missing", must_not ? line + 1 : line);
          failed++;
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
  g_assert_cmpuint (failed, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    g_error ("usage: test-extract-texts FOLDER (of tests/data)");
  const char *folder = argv[1];
  setup_lexicon ();
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  g_assert_nonnull (root);
  g_autofree char *dir = g_build_filename (root, "tests", "data", folder, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *p = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (p);
      g_autofree char *test = g_strdup_printf ("/%s/%s", folder, base);
      g_test_add_data_func (test, p, run_text);
    }
  return g_test_run ();
}
