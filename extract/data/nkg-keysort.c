/* nkg-keysort.c — build-time tool: a TSV table to the sorted form the
 * lexicon searches in place (lexicon.c, "gazetteer").
 *
 * usage: nkg-keysort IN.tsv OUT
 *
 * Each row "surface<TAB>name<TAB>rest…" becomes
 *     key NUL name NUL rest… NUL LF
 * where key is nkg_text_key (surface), the very function the lexicon applies
 * to the text it looks up, so both sides agree on accents, dashes and
 * apostrophes; name is left empty when it equals the key. Fields end in NUL
 * so the lexicon hands out pointers into the table as C strings. Rows are
 * sorted by key (strcmp order), stably: among rows of one key the input's
 * order (best first) is kept. Comment lines ('#') come first, as they are.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "extract/textutil.h"

typedef struct {
  char *key;
  char *line; /* the input row, tabs and all */
} Row;

static void
row_free (gpointer p)
{
  Row *r = p;
  g_free (r->key);
  g_free (r->line);
  g_free (r);
}

static gint
by_key (gconstpointer a, gconstpointer b)
{
  const Row *x = *(Row *const *) a, *y = *(Row *const *) b;
  return strcmp (x->key, y->key);
}

static void
write_row (GString *out, const Row *r)
{
  g_auto (GStrv) f = g_strsplit (r->line, "\t", -1);
  g_string_append (out, r->key);
  g_string_append_c (out, '\0');
  if (f[1] && strcmp (f[1], r->key) != 0)
    g_string_append (out, f[1]);
  g_string_append_c (out, '\0');
  for (guint i = 2; f[1] && f[i]; i++)
    {
      g_string_append (out, f[i]);
      g_string_append_c (out, '\0');
    }
  g_string_append_c (out, '\n');
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: nkg-keysort IN.tsv OUT\n");
      return 2;
    }
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      fprintf (stderr, "nkg-keysort: %s\n", error->message);
      return 1;
    }
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  /* Lines cut in place, not with g_strsplit: its strstr per line makes
   * AddressSanitizer measure the rest of the file each time, and the
   * sanitized build spent most of an hour in this one step. */
  g_autoptr (GPtrArray) split = g_ptr_array_new ();
  for (char *p = text; p;)
    {
      char *nl = strchr (p, '\n');
      if (nl)
        *nl = '\0';
      g_ptr_array_add (split, p);
      p = nl ? nl + 1 : NULL;
    }
  g_ptr_array_add (split, NULL);
  char **lines = (char **) split->pdata;
  for (guint i = 0; lines[i]; i++)
    {
      if (!*lines[i])
        continue;
      if (lines[i][0] == '#')
        {
          g_string_append (out, lines[i]);
          g_string_append_c (out, '\n');
          continue;
        }
      const char *tab = strchr (lines[i], '\t');
      g_autofree char *surface = g_strndup (lines[i], tab ? (gsize) (tab - lines[i]) : strlen (lines[i]));
      Row *r = g_new0 (Row, 1);
      r->key = nkg_text_key (surface);
      r->line = g_strdup (lines[i]);
      if (!*r->key || strchr (r->key, '\n'))
        {
          row_free (r);
          continue;
        }
      g_ptr_array_add (rows, r);
    }
  g_ptr_array_sort (rows, by_key); /* stable since GLib 2.32 */
  for (guint i = 0; i < rows->len; i++)
    write_row (out, g_ptr_array_index (rows, i));
  if (!g_file_set_contents (argv[2], out->str, out->len, &error))
    {
      fprintf (stderr, "nkg-keysort: %s\n", error->message);
      return 1;
    }
  return 0;
}
