/* shard.c — the shard file; see shard.h and doc/shard-format.md. */
#include "shard.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>

#include "extract/lexicon.h"
#include "extractor-id.h"
#include "graph/vocab.h"
#include "input/digest.h"

G_DEFINE_QUARK (nkg-shard-error-quark, nkg_shard_error)

/* "\x89NKG\r\n\x1a\n": a byte above 127 and both kinds of line end, so
 * that a transfer in text mode damages the magic and is caught at once. */
static const guchar MAGIC[8] = { 0x89, 'N', 'K', 'G', '\r', '\n', 0x1a, '\n' };
#define HEADER_SIZE 64
#define COMPRESSION_NONE 0
#define COMPRESSION_ZLIB 1
/* Frames are 8-aligned in the payload so that GVariant reads them in place. */
#define FRAME_HEAD 8

#define INFO_TYPE "(sssasasu)"
#define ENTITY_TYPE "(ysubas)"
#define FACT_TYPE "(uyimsidb)"
#define DOC_TYPE "(sssmsmsmsmsmsmsa" ENTITY_TYPE "a" FACT_TYPE "a(us)a(uus)as)"
#define FORMAT_NAME "newskg-shard"

/* ------------------------------------------------------------ identity */

const char *
nkg_extractor_id (GError **error)
{
  static char *id;
  static GMutex lock;
  g_mutex_lock (&lock);
  if (!id)
    {
      g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      const char *head = "newskg " NKG_VERSION "\n" NKG_EXTRACTOR_SOURCE_ID "\n";
      g_checksum_update (sum, (const guchar *) head, strlen (head));
      if (nkg_lexicon_hash_system_data (sum, error))
        id = g_strdup (g_checksum_get_string (sum));
    }
  g_mutex_unlock (&lock);
  return id;
}

static void
key_field (NkgSha256 *sum, const char *s)
{
  /* NULL and "" differ: a title the source did not give is not an empty one */
  guchar tag = s ? 1 : 0;
  nkg_sha256_update (sum, &tag, 1);
  if (s)
    nkg_sha256_update (sum, s, strlen (s) + 1);
}

char *
nkg_shard_input_key (const NkgArticle *a)
{
  NkgSha256 sum;
  nkg_sha256_init (&sum);
  g_autofree char *sha = nkg_article_sha256 (a);
  key_field (&sum, sha);
  key_field (&sum, a->source);
  key_field (&sum, a->title);
  key_field (&sum, a->date);
  key_field (&sum, a->url);
  key_field (&sum, a->format);
  key_field (&sum, a->language);
  return nkg_sha256_hex_finish (&sum);
}

/* ------------------------------------------------------------ little-endian */

static void
put_u32 (guchar *p, guint32 v)
{
  v = GUINT32_TO_LE (v);
  memcpy (p, &v, 4);
}

static void
put_u64 (guchar *p, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (p, &v, 8);
}

static guint32
get_u32 (const guchar *p)
{
  guint32 v;
  memcpy (&v, p, 4);
  return GUINT32_FROM_LE (v);
}

static guint64
get_u64 (const guchar *p)
{
  guint64 v;
  memcpy (&v, p, 8);
  return GUINT64_FROM_LE (v);
}

/* A GVariant's bytes in normal form, little-endian whatever the machine. */
static GBytes *
variant_le_bytes (GVariant *v)
{
  g_autoptr (GVariant) sunk = g_variant_ref_sink (v);
  g_autoptr (GVariant) normal = g_variant_get_normal_form (sunk);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      g_autoptr (GVariant) swapped = g_variant_byteswap (normal);
      return g_variant_get_data_as_bytes (swapped);
    }
  return g_variant_get_data_as_bytes (normal);
}

static GVariant *
variant_from_le (const GVariantType *type, GBytes *bytes)
{
  GVariant *v = g_variant_new_from_bytes (type, bytes, FALSE);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (v);
      g_variant_unref (v);
      v = swapped;
    }
  return v;
}

/* ------------------------------------------------------------ compression */

/* Runs all of `in` through a zlib converter, appending to `out`. */
static gboolean
convert_all (GConverter *conv, const guchar *in, gsize len, GByteArray *out, gsize max_out,
             GError **error)
{
  gsize chunk = 256 * 1024;
  for (;;)
    {
      gsize at = out->len, read = 0, written = 0;
      g_byte_array_set_size (out, at + chunk);
      GConverterResult r = g_converter_convert (conv, in, len, out->data + at, chunk,
                                                G_CONVERTER_INPUT_AT_END, &read, &written, error);
      g_byte_array_set_size (out, at + written);
      if (r == G_CONVERTER_ERROR)
        return FALSE;
      in += read;
      len -= read;
      if (out->len > max_out)
        {
          g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_CORRUPT,
                       "the payload is larger than its header says");
          return FALSE;
        }
      if (r == G_CONVERTER_FINISHED)
        return TRUE;
    }
}

/* ------------------------------------------------------------ records */

/* Valid UTF-8 for a GVariant string: extract/ gives valid text, but a
 * document built by hand need not. */
static GVariant *
string (const char *s)
{
  if (!s)
    return g_variant_new_string ("");
  if (g_utf8_validate (s, -1, NULL))
    return g_variant_new_string (s);
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  return g_variant_new_string (valid);
}

static GVariant *
maybe_string (const char *s)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, s ? string (s) : NULL);
}

static GVariant *
doc_to_variant (const NkgDocFacts *f, const char *input_key)
{
  GVariantBuilder ents, facts, quotes, evidence, warnings;
  g_variant_builder_init (&ents, G_VARIANT_TYPE ("a" ENTITY_TYPE));
  for (guint i = 0; i < f->entities->len; i++)
    {
      const NkgLocalEntity *e = g_ptr_array_index (f->entities, i);
      GVariantBuilder aliases;
      g_variant_builder_init (&aliases, G_VARIANT_TYPE_STRING_ARRAY);
      for (guint j = 0; j < e->aliases->len; j++)
        g_variant_builder_add_value (&aliases, string (g_ptr_array_index (e->aliases, j)));
      g_variant_builder_add (&ents, "(y@subas)", (guchar) e->klass, string (e->name),
                             (guint32) e->mentions, (gboolean) !!e->linkable, &aliases);
    }
  g_variant_builder_init (&facts, G_VARIANT_TYPE ("a" FACT_TYPE));
  for (guint i = 0; i < f->facts->len; i++)
    {
      const NkgLocalFact *x = g_ptr_array_index (f->facts, i);
      g_variant_builder_add (&facts, "(uyi@msidb)", (guint32) x->subject, (guchar) x->prop,
                             (gint32) x->object, maybe_string (x->literal), (gint32) x->evidence,
                             x->confidence, (gboolean) !!x->gazetteer);
    }
  g_variant_builder_init (&quotes, G_VARIANT_TYPE ("a(us)"));
  for (guint i = 0; i < f->quotes->len; i++)
    {
      const NkgLocalQuote *q = g_ptr_array_index (f->quotes, i);
      g_variant_builder_add (&quotes, "(u@s)", (guint32) q->speaker, string (q->text));
    }
  g_variant_builder_init (&evidence, G_VARIANT_TYPE ("a(uus)"));
  for (guint i = 0; i < f->evidence->len; i++)
    {
      const NkgLocalEvidence *e = g_ptr_array_index (f->evidence, i);
      g_variant_builder_add (&evidence, "(uu@s)", (guint32) e->start, (guint32) e->end,
                             string (e->text));
    }
  g_variant_builder_init (&warnings, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < f->warnings->len; i++)
    g_variant_builder_add_value (&warnings, string (g_ptr_array_index (f->warnings, i)));
  return g_variant_new ("(@s@s@s@ms@ms@ms@ms@ms@msa" ENTITY_TYPE "a" FACT_TYPE "a(us)a(uus)as)",
                        string (input_key), string (f->source), string (f->sha256),
                        maybe_string (f->content_key), maybe_string (f->title),
                        maybe_string (f->date), maybe_string (f->url), maybe_string (f->format),
                        maybe_string (f->language), &ents, &facts, &quotes, &evidence, &warnings);
}

/* ------------------------------------------------------------ writing */

/* The records are kept as they are given (a reused one is a slice of the
 * shard it was read from, not copied) and framed once, at the end: a
 * build state that keeps 15,000 records and then writes only the new ones
 * (cli/cmd_build.c) copied every record for nothing. */
struct _NkgShardWriter {
  GPtrArray *records; /* GBytes*: the documents, in order */
  gsize size;         /* of their frames */
  gboolean stored;    /* payload written as it is, not compressed */
};

NkgShardWriter *
nkg_shard_writer_new (void)
{
  NkgShardWriter *w = g_new0 (NkgShardWriter, 1);
  w->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  return w;
}

void
nkg_shard_writer_free (NkgShardWriter *w)
{
  if (!w)
    return;
  g_ptr_array_unref (w->records);
  g_free (w);
}

static void
append_frame (GByteArray *out, const void *data, gsize len)
{
  guchar head[FRAME_HEAD] = { 0 };
  put_u32 (head, (guint32) len);
  g_byte_array_append (out, head, FRAME_HEAD);
  g_byte_array_append (out, data, (guint) len);
  static const guchar zeros[8] = { 0 };
  if (len % 8)
    g_byte_array_append (out, zeros, (guint) (8 - len % 8));
}

void
nkg_shard_writer_add_record (NkgShardWriter *w, GBytes *record)
{
  gsize len = g_bytes_get_size (record);
  g_ptr_array_add (w->records, g_bytes_ref (record));
  w->size += FRAME_HEAD + len + (8 - len % 8) % 8;
}

void
nkg_shard_writer_add (NkgShardWriter *w, const NkgDocFacts *facts, const char *input_key)
{
  g_autoptr (GBytes) b = variant_le_bytes (doc_to_variant (facts, input_key));
  nkg_shard_writer_add_record (w, b);
}

void
nkg_shard_writer_set_stored (NkgShardWriter *w, gboolean stored)
{
  w->stored = stored;
}

guint
nkg_shard_writer_n_docs (const NkgShardWriter *w)
{
  return w->records->len;
}

static GVariant *
info_variant (const char *extractor, guint n_docs)
{
  GVariantBuilder classes, props;
  g_variant_builder_init (&classes, G_VARIANT_TYPE_STRING_ARRAY);
  for (int c = 0; c < NKG_CLASS_N; c++)
    g_variant_builder_add (&classes, "s", nkg_class_info ((NkgClass) c)->key);
  g_variant_builder_init (&props, G_VARIANT_TYPE_STRING_ARRAY);
  for (int p = 0; p < NKG_PROP_N; p++)
    g_variant_builder_add (&props, "s", nkg_prop_info ((NkgProp) p)->key);
  return g_variant_new (INFO_TYPE, FORMAT_NAME, "newskg " NKG_VERSION, extractor, &classes,
                        &props, (guint32) n_docs);
}

GBytes *
nkg_shard_writer_finish (NkgShardWriter *w, GError **error)
{
  const char *extractor = nkg_extractor_id (error);
  if (!extractor)
    return NULL;
  g_autoptr (GBytes) info = variant_le_bytes (info_variant (extractor, w->records->len));
  gsize info_len;
  const void *info_data = g_bytes_get_data (info, &info_len);
  g_autoptr (GByteArray) payload = g_byte_array_sized_new (w->size + info_len + 2 * FRAME_HEAD);
  append_frame (payload, info_data, info_len);
  for (guint i = 0; i < w->records->len; i++)
    {
      gsize len;
      const void *data = g_bytes_get_data (g_ptr_array_index (w->records, i), &len);
      append_frame (payload, data, len);
    }

  g_autoptr (GByteArray) file
      = g_byte_array_sized_new (HEADER_SIZE + (w->stored ? payload->len : payload->len / 3));
  g_byte_array_set_size (file, HEADER_SIZE);
  /* zlib's deflate at its default level: a shard is mostly sentences and
   * names, which it makes three to four times smaller; and zlib (RFC 1950),
   * unlike gzip, writes no time stamp or operating system byte. */
  g_autoptr (GZlibCompressor) z
      = w->stored ? NULL : g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  guint32 compression = COMPRESSION_ZLIB;
  if (!w->stored
      && !convert_all (G_CONVERTER (z), payload->data, payload->len, file, G_MAXSIZE, error))
    return NULL;
  if (w->stored || file->len - HEADER_SIZE >= payload->len)
    {
      /* incompressible: stored as it is */
      g_byte_array_set_size (file, HEADER_SIZE);
      g_byte_array_append (file, payload->data, payload->len);
      compression = COMPRESSION_NONE;
    }
  guchar *h = file->data;
  memset (h, 0, HEADER_SIZE);
  memcpy (h, MAGIC, sizeof MAGIC);
  put_u32 (h + 8, NKG_SHARD_FORMAT_VERSION);
  put_u32 (h + 12, compression);
  put_u64 (h + 16, payload->len);
  put_u64 (h + 24, file->len - HEADER_SIZE);
  NkgSha256 sum;
  nkg_sha256_init (&sum);
  nkg_sha256_update (&sum, payload->data, payload->len);
  nkg_sha256_digest (&sum, h + 32);
  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

/* A frame's head and padding, as append_frame writes them around its data */
static void
frame_parts (gsize len, guchar head[FRAME_HEAD], gsize *pad)
{
  memset (head, 0, FRAME_HEAD);
  put_u32 (head, (guint32) len);
  *pad = (8 - len % 8) % 8;
}

static const guchar frame_zeros[8] = { 0 };

static void
frame_sum (NkgSha256 *sum, const void *data, gsize len)
{
  guchar head[FRAME_HEAD];
  gsize pad;
  frame_parts (len, head, &pad);
  nkg_sha256_update (sum, head, FRAME_HEAD);
  nkg_sha256_update (sum, data, len);
  nkg_sha256_update (sum, frame_zeros, pad);
}

static gboolean
frame_write (GOutputStream *out, const void *data, gsize len, GError **error)
{
  guchar head[FRAME_HEAD];
  gsize pad;
  frame_parts (len, head, &pad);
  return g_output_stream_write_all (out, head, FRAME_HEAD, NULL, NULL, error)
         && g_output_stream_write_all (out, data, len, NULL, NULL, error)
         && g_output_stream_write_all (out, frame_zeros, pad, NULL, NULL, error);
}

gboolean
nkg_shard_writer_write (NkgShardWriter *w, GOutputStream *out, GError **error)
{
  if (!w->stored)
    {
      g_autoptr (GBytes) file = nkg_shard_writer_finish (w, error);
      gsize len;
      const void *data = file ? g_bytes_get_data (file, &len) : NULL;
      return file && g_output_stream_write_all (out, data, len, NULL, NULL, error);
    }
  /* nkg_shard_writer_finish's stored file, frame by frame: the checksum
   * over the frames first (the header holds it), then the header and
   * the frames, with no copy of the payload (that and the file, each as
   * large as the payload, cost a run rewriting a 32 MB state 0.2 CPU s
   * in copies and fresh pages; doc/incremental.md, stop incr24). */
  const char *extractor = nkg_extractor_id (error);
  if (!extractor)
    return FALSE;
  g_autoptr (GBytes) info = variant_le_bytes (info_variant (extractor, w->records->len));
  gsize info_len;
  const void *info_data = g_bytes_get_data (info, &info_len);
  guint64 payload_len = FRAME_HEAD + info_len + (8 - info_len % 8) % 8 + w->size;
  NkgSha256 sum;
  nkg_sha256_init (&sum);
  frame_sum (&sum, info_data, info_len);
  for (guint i = 0; i < w->records->len; i++)
    {
      gsize len;
      const void *data = g_bytes_get_data (g_ptr_array_index (w->records, i), &len);
      frame_sum (&sum, data, len);
    }
  guchar h[HEADER_SIZE] = { 0 };
  memcpy (h, MAGIC, sizeof MAGIC);
  put_u32 (h + 8, NKG_SHARD_FORMAT_VERSION);
  put_u32 (h + 12, COMPRESSION_NONE);
  put_u64 (h + 16, payload_len);
  put_u64 (h + 24, payload_len);
  nkg_sha256_digest (&sum, h + 32);
  if (!g_output_stream_write_all (out, h, HEADER_SIZE, NULL, NULL, error)
      || !frame_write (out, info_data, info_len, error))
    return FALSE;
  for (guint i = 0; i < w->records->len; i++)
    {
      gsize len;
      const void *data = g_bytes_get_data (g_ptr_array_index (w->records, i), &len);
      if (!frame_write (out, data, len, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ reading */

struct _NkgShardReader {
  char *name;
  GBytes *payload;
  gsize at;            /* offset of the next frame */
  char *producer, *extractor;
  guint n_docs, read;
  NkgClass *classes;   /* the shard's class numbers → ours */
  NkgProp *props;
  guint n_classes, n_props;
};

void
nkg_shard_reader_free (NkgShardReader *r)
{
  if (!r)
    return;
  g_free (r->name);
  g_clear_pointer (&r->payload, g_bytes_unref);
  g_free (r->producer);
  g_free (r->extractor);
  g_free (r->classes);
  g_free (r->props);
  g_free (r);
}

static gboolean
corrupt (GError **error, const NkgShardReader *r, const char *what)
{
  g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_CORRUPT, "%s: damaged shard: %s", r->name,
               what);
  return FALSE;
}

/* The next frame's bytes (a slice of the payload, 8-aligned), or NULL at
 * the end; FALSE when the framing is broken. */
static gboolean
next_frame (NkgShardReader *r, GBytes **frame, GError **error)
{
  gsize size;
  const guchar *p = g_bytes_get_data (r->payload, &size);
  *frame = NULL;
  if (r->at == size)
    return TRUE;
  if (size - r->at < FRAME_HEAD)
    return corrupt (error, r, "a frame is cut short");
  guint32 len = get_u32 (p + r->at);
  if (get_u32 (p + r->at + 4) != 0 || len > size - r->at - FRAME_HEAD)
    return corrupt (error, r, "a frame is cut short");
  *frame = g_bytes_new_from_bytes (r->payload, r->at + FRAME_HEAD, len);
  gsize padded = ((gsize) len + 7) / 8 * 8;
  r->at = MIN (size, r->at + FRAME_HEAD + padded);
  return TRUE;
}

static gboolean
read_info (NkgShardReader *r, GError **error)
{
  g_autoptr (GBytes) frame = NULL;
  if (!next_frame (r, &frame, error))
    return FALSE;
  if (!frame)
    return corrupt (error, r, "no description frame");
  g_autoptr (GVariant) info = variant_from_le (G_VARIANT_TYPE (INFO_TYPE), frame);
  if (!g_variant_is_normal_form (info))
    return corrupt (error, r, "the description frame cannot be read");
  const char *format;
  g_autofree const char **classes = NULL, **props = NULL;
  guint32 n;
  g_variant_get (info, "(&s&s&s^a&s^a&su)", &format, NULL, NULL, &classes, &props, &n);
  if (strcmp (format, FORMAT_NAME) != 0)
    return corrupt (error, r, "the description frame is not a shard's");
  g_variant_get_child (info, 1, "s", &r->producer);
  g_variant_get_child (info, 2, "s", &r->extractor);
  r->n_docs = n;
  /* Class and property names map the shard's numbers to ours, so that a
   * record never means another class than the one it was written with. */
  r->n_classes = g_strv_length ((char **) classes);
  r->classes = g_new (NkgClass, MAX (r->n_classes, 1));
  for (guint i = 0; i < r->n_classes; i++)
    if ((r->classes[i] = nkg_class_from_key (classes[i])) == NKG_CLASS_NONE)
      {
        g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_VERSION,
                     "%s: written by %s with a class this newskg does not know (%s)", r->name,
                     r->producer, classes[i]);
        return FALSE;
      }
  r->n_props = g_strv_length ((char **) props);
  r->props = g_new (NkgProp, MAX (r->n_props, 1));
  for (guint i = 0; i < r->n_props; i++)
    if ((r->props[i] = nkg_prop_from_key (props[i])) == NKG_PROP_NONE)
      {
        g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_VERSION,
                     "%s: written by %s with a property this newskg does not know (%s)", r->name,
                     r->producer, props[i]);
        return FALSE;
      }
  return TRUE;
}

static NkgShardReader *
reader_new (GBytes *file, const char *name, gboolean verify, GError **error)
{
  g_autoptr (NkgShardReader) r = g_new0 (NkgShardReader, 1);
  r->name = g_strdup (name ? name : "shard");
  gsize size;
  const guchar *h = g_bytes_get_data (file, &size);
  if (size < sizeof MAGIC || memcmp (h, MAGIC, sizeof MAGIC) != 0)
    {
      g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_NOT_SHARD,
                   "%s: not a newskg shard (no shard header)", r->name);
      return NULL;
    }
  if (size < HEADER_SIZE)
    {
      corrupt (error, r, "the header is cut short");
      return NULL;
    }
  guint32 version = get_u32 (h + 8);
  if (version != NKG_SHARD_FORMAT_VERSION)
    {
      g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_VERSION,
                   "%s: a shard of format version %u; this newskg reads version %u only "
                   "(extract the articles again with this newskg)",
                   r->name, version, NKG_SHARD_FORMAT_VERSION);
      return NULL;
    }
  guint32 compression = get_u32 (h + 12);
  guint64 payload_len = get_u64 (h + 16), stored_len = get_u64 (h + 24);
  if (stored_len != size - HEADER_SIZE)
    {
      g_autofree char *what = g_strdup_printf ("%s (its header says %" G_GUINT64_FORMAT
                                               " bytes follow it, the file has %" G_GSIZE_FORMAT ")",
                                               stored_len > size - HEADER_SIZE ? "truncated"
                                                                                : "bytes after its end",
                                               stored_len, size - HEADER_SIZE);
      corrupt (error, r, what);
      return NULL;
    }
  if (compression == COMPRESSION_NONE)
    {
      if (payload_len != stored_len)
        {
          corrupt (error, r, "sizes in the header disagree");
          return NULL;
        }
      r->payload = g_bytes_new_from_bytes (file, HEADER_SIZE, stored_len);
    }
  else if (compression == COMPRESSION_ZLIB)
    {
      if (payload_len > G_MAXSIZE / 2)
        {
          corrupt (error, r, "the payload is too large");
          return NULL;
        }
      g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
      g_autoptr (GByteArray) out = g_byte_array_new ();
      g_autoptr (GError) zerr = NULL;
      if (!convert_all (G_CONVERTER (z), h + HEADER_SIZE, stored_len, out, payload_len, &zerr))
        {
          corrupt (error, r, zerr->message);
          return NULL;
        }
      if (out->len != payload_len)
        {
          corrupt (error, r, "the payload is shorter than its header says");
          return NULL;
        }
      r->payload = g_byte_array_free_to_bytes (g_steal_pointer (&out));
    }
  else
    {
      g_set_error (error, NKG_SHARD_ERROR, NKG_SHARD_ERROR_VERSION,
                   "%s: compressed in a way this newskg does not know (%u)", r->name, compression);
      return NULL;
    }

  if (verify)
    {
      gsize plen;
      const guchar *payload = g_bytes_get_data (r->payload, &plen);
      guchar digest[32];
      NkgSha256 sum;
      nkg_sha256_init (&sum);
      nkg_sha256_update (&sum, payload, plen);
      nkg_sha256_digest (&sum, digest);
      if (memcmp (digest, h + 32, sizeof digest) != 0)
        {
          corrupt (error, r, "its checksum does not match (SHA-256 of the payload)");
          return NULL;
        }
    }
  if (!read_info (r, error))
    return NULL;
  return g_steal_pointer (&r);
}

NkgShardReader *
nkg_shard_reader_new (GBytes *file, const char *name, GError **error)
{
  return reader_new (file, name, TRUE, error);
}

/* One line naming the file, in our words rather than GLib's. */
NkgShardReader *
nkg_shard_reader_open (const char *path, GError **error)
{
  return nkg_shard_reader_open_stamped (path, NULL, NULL, NULL, error);
}

NkgShardReader *
nkg_shard_reader_open_stamped (const char *path, const NkgShardStamp *known, NkgShardStamp *stamp,
                               gboolean *summed, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int e = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e), "%s: cannot open it (%s)",
                   path, g_strerror (e));
      return NULL;
    }
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a regular file", path);
      return NULL;
    }
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) map = g_mapped_file_new_from_fd (fd, FALSE, &local);
  g_close (fd, NULL);
  if (!map)
    {
      g_set_error (error, G_FILE_ERROR, local->code, "%s: cannot read it", path);
      return NULL;
    }
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (map);
  const NkgShardStamp now = {
    (guint64) st.st_dev, (guint64) st.st_ino, (guint64) st.st_size,
    (guint64) st.st_mtim.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) st.st_mtim.tv_nsec,
    (guint64) st.st_ctim.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) st.st_ctim.tv_nsec
  };
  gboolean verify = !known || memcmp (known, &now, sizeof now) != 0;
  if (stamp)
    *stamp = now;
  if (summed)
    *summed = verify;
  return reader_new (bytes, path, verify, error);
}

const char *
nkg_shard_reader_extractor (const NkgShardReader *r)
{
  return r->extractor;
}

const char *
nkg_shard_reader_producer (const NkgShardReader *r)
{
  return r->producer;
}

guint
nkg_shard_reader_n_docs (const NkgShardReader *r)
{
  return r->n_docs;
}

static const char *record_key (GBytes *record);

gboolean
nkg_shard_reader_next_key (NkgShardReader *r, char **input_key, GBytes **record, GError **error)
{
  g_autoptr (GBytes) frame = NULL;
  if (!next_frame (r, &frame, error))
    return FALSE;
  if (!frame)
    {
      if (r->read != r->n_docs)
        return corrupt (error, r, "fewer documents than its description says");
      return FALSE;
    }
  if (++r->read > r->n_docs)
    return corrupt (error, r, "more documents than its description says");
  if (input_key)
    {
      const char *key = record_key (frame);
      if (!key)
        return corrupt (error, r, "a document record cannot be read");
      *input_key = g_strdup (key);
    }
  if (record)
    *record = g_steal_pointer (&frame);
  return TRUE;
}

/* ------------------------------------------------------------ records, in place
 *
 * A record is a GVariant of DOC_TYPE in normal form, little-endian.
 * Reading it through GVariant's accessors made a child object per field
 * and checked the normal form first, which cost more than merging the
 * document; this reads the serialised bytes where they lie, following the
 * GVariant specification's framing (members and elements at their
 * alignment, end offsets of variable-size members and elements at the end
 * of their container, each as wide as the container's size needs), and
 * checks every offset, string and boolean on the way. */

typedef struct {
  const guchar *p;
  gsize n;
} Span;

typedef struct {
  guint8 size;  /* fixed size, 0 when variable */
  guint8 align;
} Member;

static guint
offset_size (gsize n)
{
  return n > G_MAXUINT32 ? 8 : n > G_MAXUINT16 ? 4 : n > G_MAXUINT8 ? 2 : n > 0 ? 1 : 0;
}

static gsize
read_offset (const guchar *p, guint osz)
{
  switch (osz)
    {
    case 0:
      return 0;
    case 1:
      return p[0];
    case 2:
      return (gsize) p[0] | (gsize) p[1] << 8;
    case 4:
      return get_u32 (p);
    default:
      return (gsize) get_u64 (p);
    }
}

static gsize
align_up (gsize x, gsize a)
{
  return (x + a - 1) & ~(a - 1);
}

/* A tuple's members (GVariant framing). */
static gboolean
split_tuple (Span s, const Member *m, guint n, Span *out)
{
  guint osz = offset_size (s.n), n_offsets = 0;
  for (guint i = 0; i + 1 < n; i++)
    n_offsets += m[i].size == 0;
  if ((gsize) n_offsets * osz > s.n)
    return FALSE;
  gsize limit = s.n - (gsize) n_offsets * osz, pos = 0;
  guint k = 0;
  for (guint i = 0; i < n; i++)
    {
      pos = align_up (pos, m[i].align);
      gsize end;
      if (m[i].size)
        end = pos + m[i].size;
      else if (i + 1 == n)
        end = limit;
      else
        end = read_offset (s.p + s.n - (gsize) ++k * osz, osz);
      if (pos > end || end > limit)
        return FALSE;
      out[i] = (Span) { s.p + pos, end - pos };
      pos = end;
    }
  return TRUE;
}

/* An array of variable-size elements. */
typedef struct {
  Span s;
  guint osz;
  gsize n, table;
} Elements;

static gboolean
open_elements (Span s, Elements *a)
{
  a->s = s;
  a->osz = offset_size (s.n);
  a->n = a->table = 0;
  if (s.n == 0)
    return TRUE;
  gsize last = read_offset (s.p + s.n - a->osz, a->osz);
  if (last > s.n - a->osz || (s.n - last) % a->osz != 0)
    return FALSE;
  a->table = last;
  a->n = (s.n - last) / a->osz;
  return TRUE;
}

static gboolean
element (const Elements *a, gsize i, gsize align, Span *out)
{
  gsize start = i == 0 ? 0 : align_up (read_offset (a->s.p + a->table + (i - 1) * a->osz, a->osz), align);
  gsize end = read_offset (a->s.p + a->table + i * a->osz, a->osz);
  if (start > end || end > a->table)
    return FALSE;
  *out = (Span) { a->s.p + start, end - start };
  return TRUE;
}

/* A string: NUL-terminated, no NUL inside, valid UTF-8. */
static gboolean
span_string (Span s, const char **out)
{
  if (s.n == 0 || s.p[s.n - 1] != 0 || !g_utf8_validate ((const char *) s.p, (gssize) s.n - 1, NULL))
    return FALSE;
  *out = (const char *) s.p;
  return TRUE;
}

/* A maybe string: empty is nothing (NULL), else the string and a 0. */
static gboolean
span_maybe_string (Span s, const char **out)
{
  *out = NULL;
  if (s.n == 0)
    return TRUE;
  return s.p[s.n - 1] == 0 && span_string ((Span) { s.p, s.n - 1 }, out);
}

static gboolean
span_bool (Span s, gboolean *out)
{
  if (s.p[0] > 1)
    return FALSE;
  *out = s.p[0];
  return TRUE;
}

static char *
maybe_dup (const char *s)
{
  return s ? g_strdup (s) : NULL;
}

static const Member DOC_MEMBERS[14] = {
  { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 },
  { 0, 1 }, { 0, 1 }, { 0, 4 }, { 0, 8 }, { 0, 4 }, { 0, 4 }, { 0, 1 },
};
static const Member ENTITY_MEMBERS[5] = { { 1, 1 }, { 0, 1 }, { 4, 4 }, { 1, 1 }, { 0, 1 } };
static const Member FACT_MEMBERS[7] = {
  { 4, 4 }, { 1, 1 }, { 4, 4 }, { 0, 1 }, { 4, 4 }, { 8, 8 }, { 1, 1 },
};
static const Member QUOTE_MEMBERS[2] = { { 4, 4 }, { 0, 1 } };
static const Member EVIDENCE_MEMBERS[3] = { { 4, 4 }, { 4, 4 }, { 0, 1 } };

/* The record's input key, or NULL when the record cannot be read. */
static const char *
record_key (GBytes *record)
{
  gsize n;
  const guchar *p = g_bytes_get_data (record, &n);
  Span m[14];
  const char *key;
  if (!split_tuple ((Span) { p, n }, DOC_MEMBERS, 14, m) || !span_string (m[0], &key))
    return NULL;
  return key;
}

/* A string of the record for the document: a copy, or when the document
 * borrows from the record (nkg_shard_reader_decode_borrowed) the record's
 * own bytes. */
static char *
take (const char *s, gboolean borrow)
{
  return borrow || !s ? (char *) s : g_strdup (s);
}

/* A borrowed document's entity: its aliases point into the record. */
static void
borrowed_entity_free (gpointer p)
{
  NkgLocalEntity *e = p;
  g_ptr_array_unref (e->aliases);
  g_free (e);
}

static gboolean
decode_entities (NkgShardReader *r, NkgDocFacts *f, Span s, gboolean borrow)
{
  Elements a;
  if (!open_elements (s, &a))
    return FALSE;
  for (gsize i = 0; i < a.n; i++)
    {
      Span e, m[5];
      const char *name;
      gboolean linkable;
      Elements aliases;
      if (!element (&a, i, 4, &e) || !split_tuple (e, ENTITY_MEMBERS, 5, m)
          || m[0].p[0] >= r->n_classes || !span_string (m[1], &name)
          || !span_bool (m[3], &linkable) || !open_elements (m[4], &aliases))
        return FALSE;
      NkgLocalEntity *x = g_new0 (NkgLocalEntity, 1);
      x->klass = r->classes[m[0].p[0]];
      x->name = take (name, borrow);
      x->mentions = get_u32 (m[2].p);
      x->linkable = linkable;
      x->aliases = g_ptr_array_new_full ((guint) aliases.n, borrow ? NULL : g_free);
      g_ptr_array_add (f->entities, x);
      for (gsize j = 0; j < aliases.n; j++)
        {
          Span as;
          const char *alias;
          if (!element (&aliases, j, 1, &as) || !span_string (as, &alias))
            return FALSE;
          g_ptr_array_add (x->aliases, take (alias, borrow));
        }
    }
  return TRUE;
}

static gboolean
decode_evidence (NkgDocFacts *f, Span s, gboolean borrow)
{
  Elements a;
  if (!open_elements (s, &a))
    return FALSE;
  for (gsize i = 0; i < a.n; i++)
    {
      Span e, m[3];
      const char *text;
      if (!element (&a, i, 4, &e) || !split_tuple (e, EVIDENCE_MEMBERS, 3, m)
          || !span_string (m[2], &text))
        return FALSE;
      NkgLocalEvidence *x = g_new0 (NkgLocalEvidence, 1);
      x->start = get_u32 (m[0].p);
      x->end = get_u32 (m[1].p);
      x->text = take (text, borrow);
      g_ptr_array_add (f->evidence, x);
    }
  return TRUE;
}

static gboolean
decode_facts (NkgShardReader *r, NkgDocFacts *f, Span s, gboolean borrow)
{
  Elements a;
  if (!open_elements (s, &a))
    return FALSE;
  gint64 n_ents = f->entities->len, n_ev = f->evidence->len;
  for (gsize i = 0; i < a.n; i++)
    {
      Span e, m[7];
      const char *lit;
      gboolean gazetteer;
      if (!element (&a, i, 8, &e) || !split_tuple (e, FACT_MEMBERS, 7, m)
          || !span_maybe_string (m[3], &lit) || !span_bool (m[6], &gazetteer))
        return FALSE;
      guint32 subject = get_u32 (m[0].p);
      guchar prop = m[1].p[0];
      gint32 object = (gint32) get_u32 (m[2].p), ev = (gint32) get_u32 (m[4].p);
      if (subject >= n_ents || prop >= r->n_props || object < -1 || object >= n_ents
          || (object < 0) != (lit != NULL) || ev < -1 || ev >= n_ev)
        return FALSE;
      guint64 bits = get_u64 (m[5].p);
      double confidence;
      memcpy (&confidence, &bits, sizeof confidence);
      NkgLocalFact *x = g_new0 (NkgLocalFact, 1);
      x->subject = subject;
      x->prop = r->props[prop];
      x->object = object;
      x->literal = take (lit, borrow);
      x->evidence = ev;
      x->confidence = confidence;
      x->gazetteer = gazetteer;
      g_ptr_array_add (f->facts, x);
    }
  return TRUE;
}

static gboolean
decode_quotes (NkgDocFacts *f, Span s, gboolean borrow)
{
  Elements a;
  if (!open_elements (s, &a))
    return FALSE;
  for (gsize i = 0; i < a.n; i++)
    {
      Span e, m[2];
      const char *text;
      if (!element (&a, i, 4, &e) || !split_tuple (e, QUOTE_MEMBERS, 2, m)
          || !span_string (m[1], &text) || get_u32 (m[0].p) >= f->entities->len)
        return FALSE;
      /* as written: nkg_doc_facts_add_quote would merge equal quotes */
      NkgLocalQuote *q = g_new0 (NkgLocalQuote, 1);
      q->speaker = get_u32 (m[0].p);
      q->text = take (text, borrow);
      g_ptr_array_add (f->quotes, q);
    }
  return TRUE;
}

static gboolean
decode_warnings (NkgDocFacts *f, Span s)
{
  Elements a;
  if (!open_elements (s, &a))
    return FALSE;
  for (gsize i = 0; i < a.n; i++)
    {
      Span e;
      const char *w;
      if (!element (&a, i, 1, &e) || !span_string (e, &w))
        return FALSE;
      g_ptr_array_add (f->warnings, g_strdup (w));
    }
  return TRUE;
}

/* A document to decode a record into: as nkg_doc_facts_new makes it, or
 * one that borrows the record's strings, with arrays sized for the
 * record's elements and without the index only extraction uses. */
static NkgDocFacts *
doc_facts_for (const char *source, const Span *m, gboolean borrow)
{
  if (!borrow)
    return nkg_doc_facts_new (source);
  Elements e[4];
  const int at[4] = { 9, 10, 11, 12 };
  for (guint i = 0; i < 4; i++)
    if (!open_elements (m[at[i]], &e[i]))
      e[i].n = 0; /* reported by the decoding that follows */
  NkgDocFacts *f = g_new0 (NkgDocFacts, 1);
  f->source = g_strdup (source);
  f->entities = g_ptr_array_new_full ((guint) e[0].n, borrowed_entity_free);
  f->facts = g_ptr_array_new_full ((guint) e[1].n, g_free);
  f->quotes = g_ptr_array_new_full ((guint) e[2].n, g_free);
  f->evidence = g_ptr_array_new_full ((guint) e[3].n, g_free);
  f->warnings = g_ptr_array_new_with_free_func (g_free);
  return f;
}

static NkgDocFacts *
decode (NkgShardReader *r, GBytes *record, gboolean borrow, GError **error)
{
  gsize n;
  const guchar *p = g_bytes_get_data (record, &n);
  Span m[14];
  const char *str[9];
  gboolean ok = split_tuple ((Span) { p, n }, DOC_MEMBERS, 14, m);
  for (guint i = 0; i < 9 && ok; i++)
    ok = i < 3 ? span_string (m[i], &str[i]) : span_maybe_string (m[i], &str[i]);
  if (!ok)
    {
      corrupt (error, r, "a document record cannot be read");
      return NULL;
    }
  g_autoptr (NkgDocFacts) f = doc_facts_for (str[1], m, borrow);
  f->sha256 = g_strdup (str[2]);
  f->content_key = maybe_dup (str[3]);
  f->title = maybe_dup (str[4]);
  f->date = maybe_dup (str[5]);
  f->url = maybe_dup (str[6]);
  f->format = maybe_dup (str[7]);
  f->language = maybe_dup (str[8]);
  if (!decode_entities (r, f, m[9], borrow))
    {
      corrupt (error, r, "an entity cannot be read (or is of no class)");
      return NULL;
    }
  if (!decode_evidence (f, m[12], borrow))
    {
      corrupt (error, r, "a piece of evidence cannot be read");
      return NULL;
    }
  if (!decode_facts (r, f, m[10], borrow))
    {
      corrupt (error, r, "a fact points outside its document (or cannot be read)");
      return NULL;
    }
  if (!decode_quotes (f, m[11], borrow))
    {
      corrupt (error, r, "a quote of no speaker (or that cannot be read)");
      return NULL;
    }
  if (!decode_warnings (f, m[13]))
    {
      corrupt (error, r, "a warning cannot be read");
      return NULL;
    }
  return g_steal_pointer (&f);
}

NkgDocFacts *
nkg_shard_reader_decode (NkgShardReader *r, GBytes *record, GError **error)
{
  return decode (r, record, FALSE, error);
}

NkgDocFacts *
nkg_shard_reader_decode_borrowed (NkgShardReader *r, GBytes *record, GError **error)
{
  return decode (r, record, TRUE, error);
}

NkgDocFacts *
nkg_shard_reader_next (NkgShardReader *r, char **input_key, GBytes **record, GError **error)
{
  g_autoptr (GBytes) frame = NULL;
  if (!nkg_shard_reader_next_key (r, input_key, &frame, error))
    return NULL;
  NkgDocFacts *f = nkg_shard_reader_decode (r, frame, error);
  if (!f && input_key)
    g_clear_pointer (input_key, g_free);
  if (f && record)
    *record = g_steal_pointer (&frame);
  return f;
}
