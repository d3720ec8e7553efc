/* test-shard.c — the shard format (graph/shard.h, doc/shard-format.md).
 *
 * Documents survive a shard unchanged (the graph of the read-back
 * documents is the graph of the originals, byte for byte); the same
 * documents give the same bytes; and every kind of damage is refused with
 * the error that names it: not a shard, another format version, truncated,
 * a checksum that does not match, a record pointing outside itself.
 */
#include <gio/gio.h>
#include <string.h>

#include "export/export.h"
#include "extract/extract.h"
#include "graph/graph.h"
#include "graph/shard.h"

static NkgLexicon *lexicon;

static GPtrArray *
example_docs (void)
{
  const char *root = g_getenv ("NKG_SOURCE_ROOT");
  g_autofree char *dir = g_build_filename (root ? root : ".", "examples", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_doc_facts_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *text = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      g_autoptr (GError) error = NULL;
      NkgDocFacts *f = nkg_extract_document (lexicon, g_ptr_array_index (names, i), text, len,
                                             &error);
      g_assert_no_error (error);
      g_ptr_array_add (docs, f);
    }
  return docs;
}

static GBytes *
shard_of (GPtrArray *docs)
{
  g_autoptr (NkgShardWriter) w = nkg_shard_writer_new ();
  for (guint i = 0; i < docs->len; i++)
    nkg_shard_writer_add (w, g_ptr_array_index (docs, i), i % 2 ? "k" : NULL);
  g_autoptr (GError) error = NULL;
  GBytes *b = nkg_shard_writer_finish (w, &error);
  g_assert_no_error (error);
  return b;
}

static GBytes *
stored_shard_of (GPtrArray *docs)
{
  g_autoptr (NkgShardWriter) w = nkg_shard_writer_new ();
  nkg_shard_writer_set_stored (w, TRUE);
  for (guint i = 0; i < docs->len; i++)
    nkg_shard_writer_add (w, g_ptr_array_index (docs, i), NULL);
  g_autoptr (GError) error = NULL;
  GBytes *b = nkg_shard_writer_finish (w, &error);
  g_assert_no_error (error);
  return b;
}

static GBytes *
turtle_of (GPtrArray *docs)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  for (guint i = 0; i < docs->len; i++)
    nkg_graph_add_doc (g, g_ptr_array_index (docs, i));
  nkg_graph_finish (g);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_assert_true (nkg_export_write (nkg_exporter_by_name ("turtle"), g, NULL, out, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GPtrArray *
read_all (GBytes *shard, GError **error)
{
  g_autoptr (NkgShardReader) r = nkg_shard_reader_new (shard, "test.nkgx", error);
  if (!r)
    return NULL;
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_doc_facts_free);
  NkgDocFacts *f;
  while ((f = nkg_shard_reader_next (r, NULL, NULL, error)))
    g_ptr_array_add (docs, f);
  if (error && *error)
    return NULL;
  g_assert_cmpuint (docs->len, ==, nkg_shard_reader_n_docs (r));
  return g_steal_pointer (&docs);
}

static void
assert_same_doc (const NkgDocFacts *a, const NkgDocFacts *b)
{
  g_assert_cmpstr (a->source, ==, b->source);
  g_assert_cmpstr (a->sha256, ==, b->sha256);
  g_assert_cmpstr (a->content_key, ==, b->content_key);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->date, ==, b->date);
  g_assert_cmpstr (a->url, ==, b->url);
  g_assert_cmpstr (a->format, ==, b->format);
  g_assert_cmpstr (a->language, ==, b->language);
  g_assert_cmpuint (a->entities->len, ==, b->entities->len);
  for (guint i = 0; i < a->entities->len; i++)
    {
      const NkgLocalEntity *x = g_ptr_array_index (a->entities, i), *y = g_ptr_array_index (b->entities, i);
      g_assert_cmpint (x->klass, ==, y->klass);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpuint (x->mentions, ==, y->mentions);
      g_assert_cmpint (x->linkable, ==, y->linkable);
      g_assert_cmpuint (x->aliases->len, ==, y->aliases->len);
      for (guint j = 0; j < x->aliases->len; j++)
        g_assert_cmpstr (g_ptr_array_index (x->aliases, j), ==, g_ptr_array_index (y->aliases, j));
    }
  g_assert_cmpuint (a->facts->len, ==, b->facts->len);
  for (guint i = 0; i < a->facts->len; i++)
    {
      const NkgLocalFact *x = g_ptr_array_index (a->facts, i), *y = g_ptr_array_index (b->facts, i);
      g_assert_cmpuint (x->subject, ==, y->subject);
      g_assert_cmpint (x->prop, ==, y->prop);
      g_assert_cmpint (x->object, ==, y->object);
      g_assert_cmpstr (x->literal, ==, y->literal);
      g_assert_cmpint (x->evidence, ==, y->evidence);
      g_assert_true (x->confidence == y->confidence); /* bit for bit */
      g_assert_cmpint (x->gazetteer, ==, y->gazetteer);
    }
  g_assert_cmpuint (a->evidence->len, ==, b->evidence->len);
  for (guint i = 0; i < a->evidence->len; i++)
    {
      const NkgLocalEvidence *x = g_ptr_array_index (a->evidence, i), *y = g_ptr_array_index (b->evidence, i);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->end, ==, y->end);
      g_assert_cmpstr (x->text, ==, y->text);
    }
  g_assert_cmpuint (a->quotes->len, ==, b->quotes->len);
  for (guint i = 0; i < a->quotes->len; i++)
    {
      const NkgLocalQuote *x = g_ptr_array_index (a->quotes, i), *y = g_ptr_array_index (b->quotes, i);
      g_assert_cmpuint (x->speaker, ==, y->speaker);
      g_assert_cmpstr (x->text, ==, y->text);
    }
  g_assert_cmpuint (a->warnings->len, ==, b->warnings->len);
}

/* A stored shard (what a build state writes): compression 0, the payload
 * as it is (the bytes of the compressed shard's payload), and the same
 * documents read back, from where the bytes are, and a damaged byte
 * refused as in a compressed one. */
static void
test_stored (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  g_autoptr (GBytes) stored = stored_shard_of (docs);
  gsize len;
  const guchar *h = g_bytes_get_data (stored, &len);
  g_assert_cmpuint (h[12], ==, 0);
  guint64 payload_len = 0, stored_len = 0;
  for (int i = 7; i >= 0; i--)
    {
      payload_len = payload_len << 8 | h[16 + i];
      stored_len = stored_len << 8 | h[24 + i];
    }
  g_assert_cmpuint (payload_len, ==, stored_len);
  g_assert_cmpuint (len, ==, 64 + stored_len);

  /* the same payload, and the same checksum of it, as compressed */
  g_autoptr (NkgShardWriter) w = nkg_shard_writer_new ();
  for (guint i = 0; i < docs->len; i++)
    nkg_shard_writer_add (w, g_ptr_array_index (docs, i), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) zipped = nkg_shard_writer_finish (w, &error);
  g_assert_no_error (error);
  const guchar *z = g_bytes_get_data (zipped, NULL);
  g_assert_cmpuint (z[12], ==, 1);
  g_assert_cmpmem (z + 16, 8, h + 16, 8);
  g_assert_cmpmem (z + 32, 32, h + 32, 32);

  g_autoptr (GPtrArray) back = read_all (stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, docs->len);
  for (guint i = 0; i < docs->len; i++)
    assert_same_doc (g_ptr_array_index (docs, i), g_ptr_array_index (back, i));

  g_autofree guchar *bad = g_memdup2 (h, len);
  bad[len - 9] ^= 0x20;
  g_autoptr (GBytes) damaged = g_bytes_new_take (g_steal_pointer (&bad), len);
  g_autoptr (GPtrArray) none = read_all (damaged, &error);
  g_assert_null (none);
  g_assert_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_CORRUPT);
}

static void
test_round_trip (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  ((NkgDocFacts *) g_ptr_array_index (docs, 0))->url = g_strdup ("https://example.org/a");
  nkg_doc_facts_warn (g_ptr_array_index (docs, 1), "a warning that travels");
  g_autoptr (GBytes) shard = shard_of (docs);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) back = read_all (shard, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, docs->len);
  for (guint i = 0; i < docs->len; i++)
    assert_same_doc (g_ptr_array_index (docs, i), g_ptr_array_index (back, i));
  g_autoptr (GBytes) want = turtle_of (docs);
  g_autoptr (GBytes) got = turtle_of (back);
  g_assert_true (g_bytes_equal (want, got));

  /* the input keys travel, "" where none was given */
  g_autoptr (NkgShardReader) r = nkg_shard_reader_new (shard, "test.nkgx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nkg_shard_reader_producer (r), ==, "newskg " NKG_VERSION);
  g_assert_cmpstr (nkg_shard_reader_extractor (r), ==, nkg_extractor_id (NULL));
  g_autofree char *k0 = NULL, *k1 = NULL;
  g_autoptr (GBytes) rec0 = NULL;
  g_assert_true (nkg_shard_reader_next_key (r, &k0, &rec0, &error));
  g_assert_true (nkg_shard_reader_next_key (r, &k1, NULL, &error));
  g_assert_cmpstr (k0, ==, "");
  g_assert_cmpstr (k1, ==, "k");
  /* a record copied as it is reads back as the same document */
  g_autoptr (NkgShardWriter) w = nkg_shard_writer_new ();
  nkg_shard_writer_add_record (w, rec0);
  g_autoptr (GBytes) copy = nkg_shard_writer_finish (w, &error);
  g_assert_no_error (error);
  g_autoptr (GPtrArray) one = read_all (copy, &error);
  g_assert_no_error (error);
  assert_same_doc (g_ptr_array_index (docs, 0), g_ptr_array_index (one, 0));
}

/* Pure: the same documents give the same bytes; an empty shard is valid. */
static void
test_deterministic (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  g_autoptr (GBytes) a = shard_of (docs);
  g_autoptr (GBytes) b = shard_of (docs);
  g_assert_true (g_bytes_equal (a, b));
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (GBytes) empty = shard_of (none);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) back = read_all (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 0);
}

static GBytes *
patched (GBytes *b, gsize at, guchar value)
{
  gsize len;
  const guchar *data = g_bytes_get_data (b, &len);
  guchar *copy = g_memdup2 (data, len);
  g_assert_cmpuint (at, <, len);
  copy[at] = value;
  return g_bytes_new_take (copy, len);
}

static void
expect_error (GBytes *b, int code, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = read_all (b, &error);
  g_assert_null (docs);
  g_assert_error (error, NKG_SHARD_ERROR, code);
  if (!strstr (error->message, words))
    g_error ("'%s' does not say '%s'", error->message, words);
}

/* The payload of a shard, decompressed, for building shards by hand from
 * the format's description. */
static GBytes *
payload_of (GBytes *shard)
{
  gsize len;
  const guchar *h = g_bytes_get_data (shard, &len);
  guint32 compression = GUINT32_FROM_LE (*(const guint32 *) (h + 12));
  if (compression == 0)
    return g_bytes_new (h + 64, len - 64);
  g_assert_cmpuint (compression, ==, 1);
  g_autoptr (GInputStream) raw = g_memory_input_stream_new_from_data (h + 64, len - 64, NULL);
  g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr (GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (z));
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_assert_cmpint (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL), >=, 0);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* A stored (uncompressed) shard made from the format's description:
 * magic, version 1, compression 0, both sizes, SHA-256 of the payload. */
static GBytes *
stored_shard (GBytes *payload)
{
  gsize len;
  const guchar *p = g_bytes_get_data (payload, &len);
  guchar *file = g_malloc0 (64 + len);
  memcpy (file, "\x89NKG\r\n\x1a\n", 8);
  guint32 v = GUINT32_TO_LE (1);
  memcpy (file + 8, &v, 4);
  guint64 n = GUINT64_TO_LE ((guint64) len);
  memcpy (file + 16, &n, 8);
  memcpy (file + 24, &n, 8);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, p, len);
  gsize dl = 32;
  g_checksum_get_digest (sum, file + 32, &dl);
  memcpy (file + 64, p, len);
  return g_bytes_new_take (file, 64 + len);
}

static void
test_damage (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  g_autoptr (GBytes) good = shard_of (docs);
  gsize len = g_bytes_get_size (good);

  g_autoptr (GBytes) text = g_bytes_new_static ("@prefix x: <y> .\n", 17);
  expect_error (text, NKG_SHARD_ERROR_NOT_SHARD, "not a newskg shard");
  g_autoptr (GBytes) v2 = patched (good, 8, 2);
  expect_error (v2, NKG_SHARD_ERROR_VERSION, "format version 2");
  g_autoptr (GBytes) sum = patched (good, 40, ((const guchar *) g_bytes_get_data (good, NULL))[40] ^ 1);
  expect_error (sum, NKG_SHARD_ERROR_CORRUPT, "checksum");
  g_autoptr (GBytes) cut = g_bytes_new_from_bytes (good, 0, len - 100);
  expect_error (cut, NKG_SHARD_ERROR_CORRUPT, "truncated");
  g_autoptr (GBytes) head = g_bytes_new_from_bytes (good, 0, 40);
  expect_error (head, NKG_SHARD_ERROR_CORRUPT, "header");
  g_autoptr (GBytes) flip = patched (good, len - 50, ((const guchar *) g_bytes_get_data (good, NULL))[len - 50] ^ 0x10);
  expect_error (flip, NKG_SHARD_ERROR_CORRUPT, "damaged shard");

  /* a stored shard built from the description reads; one byte of its
   * payload changed is caught by the checksum */
  g_autoptr (GBytes) payload = payload_of (good);
  g_autoptr (GBytes) stored = stored_shard (payload);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) back = read_all (stored, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, docs->len);
  gsize slen = g_bytes_get_size (stored);
  g_autoptr (GBytes) bad = patched (stored, slen - 20, ((const guchar *) g_bytes_get_data (stored, NULL))[slen - 20] ^ 0x20);
  expect_error (bad, NKG_SHARD_ERROR_CORRUPT, "checksum");
}

/* A record whose fact points past its entities is refused, not trusted. */
static void
test_bad_record (void)
{
  g_autoptr (NkgDocFacts) f = nkg_doc_facts_new ("bad.txt");
  guint e = nkg_doc_facts_add_entity (f, NKG_CLASS_PERSON, "Orla Venn", 1);
  nkg_doc_facts_add_fact_text (f, e, NKG_PROP_JOB_TITLE, -1, "Harbour Master", "She is.", 0.9);
  ((NkgLocalFact *) g_ptr_array_index (f->facts, 0))->subject = 7;
  g_autoptr (GPtrArray) docs = g_ptr_array_new ();
  g_ptr_array_add (docs, f);
  g_autoptr (GBytes) shard = shard_of (docs);
  expect_error (shard, NKG_SHARD_ERROR_CORRUPT, "points outside");
}

/* Records are read in place (no GVariant accessors): a record with any
 * byte changed is either read (a changed letter) or refused as damaged,
 * never read outside itself (the sanitizer builds check that). */
static void
test_record_damage (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  g_autoptr (GBytes) shard = shard_of (docs);
  g_autoptr (GError) error = NULL;
  g_autoptr (NkgShardReader) r = nkg_shard_reader_new (shard, "test.nkgx", &error);
  g_assert_no_error (error);
  g_autoptr (GBytes) record = NULL;
  g_autofree char *key = NULL;
  g_autoptr (NkgDocFacts) first = nkg_shard_reader_next (r, &key, &record, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  gsize n;
  const guchar *p = g_bytes_get_data (record, &n);
  guint read = 0, refused = 0;
  for (gsize i = 0; i < n; i++)
    for (guint k = 0; k < 3; k++)
      {
        static const guchar flips[] = { 0x01, 0x80, 0xff };
        guchar *copy = g_memdup2 (p, n);
        copy[i] ^= flips[k];
        g_autoptr (GBytes) bad = g_bytes_new_take (copy, n);
        g_autoptr (GError) e = NULL;
        g_autoptr (NkgDocFacts) f = nkg_shard_reader_decode (r, bad, &e);
        /* the decoding that borrows the record's strings reads the same,
         * or refuses the same */
        g_autoptr (GError) eb = NULL;
        g_autoptr (NkgDocFacts) fb = nkg_shard_reader_decode_borrowed (r, bad, &eb);
        g_assert_true (!f == !fb);
        if (f)
          assert_same_doc (f, fb);
        if (f)
          {
            g_assert_no_error (e);
            read++;
          }
        else
          {
            g_assert_error (e, NKG_SHARD_ERROR, NKG_SHARD_ERROR_CORRUPT);
            refused++;
          }
      }
  /* both happen: letters change, offsets break */
  g_assert_cmpuint (read, >, 0);
  g_assert_cmpuint (refused, >, 0);
  /* cut short anywhere: refused */
  for (gsize len = 0; len < n; len += 1 + len / 64)
    {
      g_autoptr (GBytes) cut = g_bytes_new (p, len);
      g_autoptr (GError) e = NULL;
      g_autoptr (NkgDocFacts) f = nkg_shard_reader_decode (r, cut, &e);
      if (!f)
        g_assert_error (e, NKG_SHARD_ERROR, NKG_SHARD_ERROR_CORRUPT);
    }
}

/* A document decoded in place (nkg_shard_reader_decode_borrowed) is the
 * document written, its strings are the record's bytes, and its graph is
 * the graph of the originals: from a compressed shard and a stored one. */
static void
test_borrowed (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  g_autoptr (GBytes) want = turtle_of (docs);
  for (guint stored = 0; stored < 2; stored++)
    {
      g_autoptr (GBytes) shard = stored ? stored_shard_of (docs) : shard_of (docs);
      g_autoptr (GError) error = NULL;
      g_autoptr (NkgShardReader) r = nkg_shard_reader_new (shard, "test.nkgx", &error);
      g_assert_no_error (error);
      g_autoptr (GPtrArray) back
          = g_ptr_array_new_with_free_func ((GDestroyNotify) nkg_doc_facts_free);
      g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      GBytes *record;
      while (nkg_shard_reader_next_key (r, NULL, &record, &error))
        {
          g_ptr_array_add (records, record);
          NkgDocFacts *f = nkg_shard_reader_decode_borrowed (r, record, &error);
          g_assert_no_error (error);
          g_ptr_array_add (back, f);
          gsize n;
          const char *p = g_bytes_get_data (record, &n);
          for (guint i = 0; i < f->entities->len; i++)
            {
              const NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
              g_assert_true (e->name >= p && e->name < p + n);
            }
        }
      g_assert_no_error (error);
      g_assert_cmpuint (back->len, ==, docs->len);
      for (guint i = 0; i < docs->len; i++)
        assert_same_doc (g_ptr_array_index (docs, i), g_ptr_array_index (back, i));
      g_autoptr (GBytes) got = turtle_of (back);
      g_assert_true (g_bytes_equal (want, got));
    }
}

/* The input key changes with the text and with every field of metadata. */
static void
test_input_key (void)
{
  g_autoptr (NkgArticle) a = nkg_article_new_from_text ("a.txt", "Some words.", 11, NULL);
  g_autofree char *k1 = nkg_shard_input_key (a);
  a->title = g_strdup ("");
  g_autofree char *k2 = nkg_shard_input_key (a);
  g_free (a->title);
  a->title = NULL;
  g_free (a->source);
  a->source = g_strdup ("b.txt");
  g_autofree char *k3 = nkg_shard_input_key (a);
  g_assert_cmpuint (strlen (k1), ==, 64);
  g_assert_cmpstr (k1, !=, k2);
  g_assert_cmpstr (k1, !=, k3);
  g_free (a->source);
  a->source = g_strdup ("a.txt");
  g_autofree char *k4 = nkg_shard_input_key (a);
  g_assert_cmpstr (k1, ==, k4);
}

/* nkg_shard_writer_write gives nkg_shard_writer_finish's bytes, stored
 * (streamed frame by frame) and compressed, for records of every
 * padding and for no record at all. */
static GBytes *
written (NkgShardWriter *w)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_assert_true (nkg_shard_writer_write (w, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_write_stream (void)
{
  g_autoptr (GPtrArray) docs = example_docs ();
  for (int stored = 0; stored < 2; stored++)
    for (guint n = 0; n <= docs->len; n += docs->len)
      {
        g_autoptr (NkgShardWriter) w = nkg_shard_writer_new ();
        nkg_shard_writer_set_stored (w, stored);
        for (guint i = 0; i < n; i++)
          nkg_shard_writer_add (w, g_ptr_array_index (docs, i), i % 2 ? "k" : NULL);
        /* records of each length modulo 8, copied as a state copies them */
        for (guint pad = 1; pad <= 8 && n; pad++)
          {
            g_autoptr (GBytes) one = stored_shard_of (docs);
            gsize len;
            const guchar *data = g_bytes_get_data (one, &len);
            g_autoptr (GBytes) rec = g_bytes_new (data + 64 + 8, 64 + pad);
            nkg_shard_writer_add_record (w, rec);
          }
        g_autoptr (GError) error = NULL;
        g_autoptr (GBytes) whole = nkg_shard_writer_finish (w, &error);
        g_assert_no_error (error);
        g_autoptr (GBytes) streamed = written (w);
        gsize a, b;
        const void *x = g_bytes_get_data (whole, &a), *y = g_bytes_get_data (streamed, &b);
        g_assert_cmpmem (x, a, y, b);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  lexicon = nkg_lexicon_new (&error);
  g_assert_no_error (error);
  g_test_add_func ("/shard/round-trip", test_round_trip);
  g_test_add_func ("/shard/stored", test_stored);
  g_test_add_func ("/shard/write-stream", test_write_stream);
  g_test_add_func ("/shard/borrowed", test_borrowed);
  g_test_add_func ("/shard/record-damage", test_record_damage);
  g_test_add_func ("/shard/deterministic", test_deterministic);
  g_test_add_func ("/shard/damage", test_damage);
  g_test_add_func ("/shard/bad-record", test_bad_record);
  g_test_add_func ("/shard/input-key", test_input_key);
  int status = g_test_run ();
  nkg_lexicon_free (lexicon);
  return status;
}
