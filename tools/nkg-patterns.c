/* nkg-patterns — the facts each pattern of extract/data/patterns.txt
 * gives, for measuring patterns against gold annotations
 * (tools/pattern-precision.py reads this output; see README.md).
 *
 * usage: nkg-patterns FILE|FOLDER...
 * prints one tab-separated line per fact:
 *   document  pattern  predicate  subject-names  object-names-or-literal  confidence
 * where names are the entity's name and aliases joined by " | ".
 * With --list, prints the table: id, what it states, confidence, and
 * whether that confidence was measured.
 */
#include <stdio.h>
#include <string.h>

#include "extract/extract.h"
#include "extract/patterns.h"

static char *
names (const NkgDocFacts *f, gint e)
{
  const NkgLocalEntity *x = g_ptr_array_index (f->entities, e);
  GString *s = g_string_new (x->name);
  for (guint i = 0; i < x->aliases->len; i++)
    g_string_append_printf (s, " | %s", (const char *) g_ptr_array_index (x->aliases, i));
  return g_string_free (s, FALSE);
}

static int
one (const NkgLexicon *lex, const char *path)
{
  g_autofree char *bytes = NULL;
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (path, &bytes, &len, &error))
    {
      fprintf (stderr, "nkg-patterns: %s\n", error->message);
      return 2;
    }
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (NkgDocFacts) f = nkg_extract_document (lex, base, bytes, len, &error);
  if (!f)
    {
      fprintf (stderr, "nkg-patterns: %s: %s\n", path, error->message);
      return 2;
    }
  for (guint i = 0; i < f->facts->len; i++)
    {
      const NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      g_autofree char *s = names (f, x->subject);
      g_autofree char *o = x->literal ? g_strdup (x->literal) : names (f, x->object);
      printf ("%s\t%s\t%s\t%s\t%s\t%.3f\n", base, x->pattern ? x->pattern : "-", nkg_prop_info (x->prop)->key, s, o,
              x->confidence);
    }
  return 0;
}

static gint
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  if (argc > 1 && strcmp (argv[1], "--list") == 0)
    {
      const GPtrArray *table = nkg_patterns (&error);
      if (!table)
        {
          fprintf (stderr, "nkg-patterns: %s\n", error->message);
          return 2;
        }
      for (guint i = 0; i < table->len; i++)
        {
          const NkgPattern *p = g_ptr_array_index (table, i);
          printf ("%s\t%s\t%.3f\t%s\n", p->id, p->states ? p->states : "", p->confidence,
                  p->measured ? "measured" : "set");
        }
      return 0;
    }
  g_autoptr (NkgLexicon) lex = nkg_lexicon_new (&error);
  if (!lex)
    {
      fprintf (stderr, "nkg-patterns: %s\n", error->message);
      return 2;
    }
  int rc = 0;
  for (int a = 1; a < argc; a++)
    {
      if (g_file_test (argv[a], G_FILE_TEST_IS_DIR))
        {
          g_autoptr (GDir) dir = g_dir_open (argv[a], 0, &error);
          if (!dir)
            return 2;
          g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
          const char *name;
          while ((name = g_dir_read_name (dir)))
            if (g_str_has_suffix (name, ".txt"))
              g_ptr_array_add (files, g_build_filename (argv[a], name, NULL));
          g_ptr_array_sort (files, cmp_str);
          for (guint i = 0; i < files->len; i++)
            rc |= one (lex, g_ptr_array_index (files, i));
        }
      else
        rc |= one (lex, argv[a]);
    }
  return rc;
}
