/* nkg-tableindex.c — build-time tool: the index of a table the lexicon
 * searches in place, in the form extract/tableindex.h describes, so that
 * start-up does no work per row.
 *
 * usage: nkg-tableindex gazetteer GAZETTEER.tsv OUT.idx
 *        nkg-tableindex names NAMES.txt OUT.idx
 *        nkg-tableindex lines TABLE.tsv OUT.idx
 *
 * gazetteer: GAZETTEER.tsv is nkg-keysort's output; the index holds the
 * offset of every record, the records by their keys' first two bytes and a
 * Bloom filter of the keys. names: the non-comment lines of NAMES.txt,
 * stripped, sorted and without repeats, each ending in NUL, with their
 * offsets and buckets. lines: the offset of every line of a table sorted
 * by its first field (the tagger's wordnet.tsv) and the lines by that
 * field's first two bytes.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "extract/tableindex.h"

static void
append_section (GString *out, gconstpointer data, gsize n, gsize size)
{
  gsize len = nkg_table_index_section (n, size);
  g_string_append_len (out, data, (gssize) (n * size));
  while (out->len % 8)
    g_string_append_c (out, '\0');
  g_assert (len == n * size + (len - n * size));
}

static guint
offset_bucket_of (gconstpointer data, guint32 i)
{
  const char *const *keys = data;
  return nkg_prefix_bucket (keys[i]);
}

/* Header, offsets, buckets when the keys are in order. */
static void
append_offsets (GString *out, NkgTableIndexHeader *h, const char *base, GPtrArray *keys)
{
  g_autofree guint32 *offsets = g_new (guint32, MAX (keys->len, 1));
  for (guint i = 0; i < keys->len; i++)
    offsets[i] = (guint32) ((const char *) g_ptr_array_index (keys, i) - base);
  g_autofree guint32 *buckets = g_new (guint32, NKG_PREFIX_BUCKETS + 1);
  h->n = keys->len;
  h->has_buckets = nkg_prefix_index (buckets, keys->len, offset_bucket_of, keys->pdata);
  g_string_append_len (out, (const char *) h, sizeof *h);
  append_section (out, offsets, keys->len, sizeof (guint32));
  if (h->has_buckets)
    append_section (out, buckets, NKG_PREFIX_BUCKETS + 1, sizeof (guint32));
}

static void
header_init (NkgTableIndexHeader *h, gsize source_len)
{
  memset (h, 0, sizeof *h);
  memcpy (h->magic, NKG_TABLE_INDEX_MAGIC, sizeof NKG_TABLE_INDEX_MAGIC);
  h->byte_order = NKG_TABLE_INDEX_BYTE_ORDER;
  h->source_len = (guint32) source_len;
}

static void
index_gazetteer (GString *out, char *text, gsize len)
{
  NkgTableIndexHeader h;
  header_init (&h, len);
  const char *p = text, *end = text + len;
  while (p < end && *p == '#')
    {
      const char *nl = memchr (p, '\n', end - p);
      if (!nl)
        break;
      if (g_str_has_prefix (p, "# max-words\t"))
        h.max_words = MAX (h.max_words, (guint) g_ascii_strtoull (p + 12, NULL, 10));
      p = nl + 1;
    }
  h.first = (guint32) (p - text);
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  while (p < end)
    {
      g_ptr_array_add (keys, (gpointer) p);
      const char *nl = memchr (p, '\n', end - p);
      p = nl ? nl + 1 : end;
    }
  append_offsets (out, &h, text, keys);
  g_autofree guint64 *bloom = g_new0 (guint64, NKG_GAZ_BLOOM_BITS / 64);
  for (guint i = 0; i < keys->len; i++)
    nkg_gaz_bloom_add (bloom, g_ptr_array_index (keys, i));
  append_section (out, bloom, NKG_GAZ_BLOOM_BITS / 64, sizeof (guint64));
}

static gint
by_string (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
index_names (GString *out, char *text, gsize len)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  for (char *line = text; line;)
    {
      char *next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      g_strstrip (line);
      if (*line && *line != '#')
        g_ptr_array_add (lines, line);
      line = next;
    }
  g_ptr_array_sort (lines, by_string);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint i = 0; i < lines->len; i++)
    {
      const char *s = g_ptr_array_index (lines, i);
      if (i && strcmp (s, g_ptr_array_index (lines, i - 1)) == 0)
        continue;
      g_array_append_val (starts, names->len);
      g_string_append_len (names, s, (gssize) strlen (s) + 1);
    }
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  for (guint i = 0; i < starts->len; i++)
    g_ptr_array_add (keys, names->str + g_array_index (starts, gsize, i));
  NkgTableIndexHeader h;
  header_init (&h, len);
  h.text_len = (guint32) names->len;
  append_offsets (out, &h, names->str, keys);
  append_section (out, names->str, names->len, 1);
}

/* A line's first field as nkg_prefix_bucket sees it: the tab ends it. */
static guint
line_bucket_of (gconstpointer data, guint32 i)
{
  const char *const *lines = data;
  const char *p = lines[i];
  char key[3] = { 0, 0, 0 };
  for (guint k = 0; k < 2 && p[k] && p[k] != '\t' && p[k] != '\n'; k++)
    key[k] = p[k];
  return nkg_prefix_bucket (key);
}

static void
index_lines (GString *out, char *text, gsize len)
{
  NkgTableIndexHeader h;
  header_init (&h, len);
  g_autoptr (GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GPtrArray) lines = g_ptr_array_new ();
  for (const char *p = text, *end = text + len; p < end;)
    {
      guint32 off = (guint32) (p - text);
      g_array_append_val (offsets, off);
      g_ptr_array_add (lines, (gpointer) p);
      const char *nl = memchr (p, '\n', end - p);
      p = nl ? nl + 1 : end;
    }
  g_autofree guint32 *buckets = g_new (guint32, NKG_PREFIX_BUCKETS + 1);
  h.n = offsets->len;
  h.has_buckets = nkg_prefix_index (buckets, offsets->len, line_bucket_of, lines->pdata);
  g_string_append_len (out, (const char *) &h, sizeof h);
  append_section (out, offsets->data, offsets->len, sizeof (guint32));
  if (h.has_buckets)
    append_section (out, buckets, NKG_PREFIX_BUCKETS + 1, sizeof (guint32));
}

int
main (int argc, char **argv)
{
  if (argc != 4
      || (strcmp (argv[1], "gazetteer") != 0 && strcmp (argv[1], "names") != 0 && strcmp (argv[1], "lines") != 0))
    {
      fprintf (stderr, "usage: nkg-tableindex gazetteer|names|lines IN OUT\n");
      return 2;
    }
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (argv[2], &text, &len, &error))
    {
      fprintf (stderr, "nkg-tableindex: %s\n", error->message);
      return 1;
    }
  if (len > G_MAXUINT32)
    {
      fprintf (stderr, "nkg-tableindex: %s: too large\n", argv[2]);
      return 1;
    }
  g_autoptr (GString) out = g_string_new (NULL);
  if (strcmp (argv[1], "gazetteer") == 0)
    index_gazetteer (out, text, len);
  else if (strcmp (argv[1], "names") == 0)
    index_names (out, text, len);
  else
    index_lines (out, text, len);
  if (!g_file_set_contents (argv[3], out->str, (gssize) out->len, &error))
    {
      fprintf (stderr, "nkg-tableindex: %s\n", error->message);
      return 1;
    }
  return 0;
}
