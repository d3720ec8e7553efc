/* snapshot.c — a graph in binary; see snapshot.h.
 *
 * Parsing Turtle is the slow part of every inspection command (Raptor
 * alone needs seconds for a corpus of thousands of articles); a snapshot
 * is mapped and rebuilt without parsing.
 *
 * The payload is columnar: every column is a fixed-width array or one byte
 * string of NUL-terminated texts, so reading is a few pointer walks with no
 * GVariant per element (per-element access made the first version 5×
 * slower). Each text is stored as a marker ('+' present, '-' absent) then
 * the text and a NUL. Lists (aliases, documents, evidence, conflicts) are a
 * count per owner plus one flat column of indices. Items are stored in the
 * graph's order, which is sorted by IRI.
 *
 *   graph:    texts (base version)
 *   docs:     texts (iri source title date sha256 url format language)
 *   evidence: texts (iri text), doc+1 au, start au, end au
 *   entities: texts (iri name), class ai, mentions au,
 *             alias counts au, alias texts, doc counts au, doc indices au
 *   facts:    texts (iri literal), subject au, property ai, object+1 au,
 *             confidence ad, flags au (1: gazetteer), doc counts au,
 *             doc indices au, evidence counts au, evidence indices au,
 *             conflict counts au, conflict (fact) indices au
 *   quotes:   texts (iri text), speaker au, doc counts au, doc indices au
 *
 * The header (little-endian, 128 bytes, so the payload after it stays
 * 8-byte aligned in a mapped file and GVariant reads it where it lies):
 *
 *   0   magic "newskg-snap-5\0\0\0"    16  payload length
 *   24  XXH3-128 (high, low) of every byte from 40 on
 *   40  Turtle size
 *   48  Turtle mtime ns                56  Turtle ctime ns
 *   64  Turtle inode                   72  Turtle device
 *   80  Turtle XXH3-128 (high, low)    96  zero
 */
#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

/* Bumped whenever the layout or NkgGraph's meaning changes. */
#define MAGIC "newskg-snap-5\0\0"
#define MAGIC_LEN 16
#define HEADER_LEN 128
/* The checksum covers the source fields too: a flipped byte anywhere is
 * caught, not only in the payload. */
#define SUMMED_FROM 40

#define PAYLOAD_T "(ay" "ay" "ayauauau" "ayaiauauayauau" "ayauaiauadauauauauauauau" "ayauauau)"

enum {
  C_GRAPH_TEXT,
  C_DOC_TEXT,
  C_EV_TEXT, C_EV_DOC, C_EV_START, C_EV_END,
  C_ENT_TEXT, C_ENT_CLASS, C_ENT_MENTIONS, C_ENT_NALIAS, C_ENT_ALIAS, C_ENT_NDOC, C_ENT_DOC,
  C_FACT_TEXT, C_FACT_SUBJ, C_FACT_PROP, C_FACT_OBJ, C_FACT_CONF, C_FACT_FLAGS, C_FACT_NDOC,
  C_FACT_DOC, C_FACT_NEV, C_FACT_EV, C_FACT_NCF, C_FACT_CF,
  C_QUOTE_TEXT, C_QUOTE_SPEAKER, C_QUOTE_NDOC, C_QUOTE_DOC,
  C_N
};

/* ---------------------------------------------------------------- source */

static guint64
ns_of (const struct timespec *t)
{
  return (guint64) t->tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) t->tv_nsec;
}

static void
stamp_of (const struct stat *st, NkgSnapshotSource *out)
{
  out->size = (guint64) st->st_size;
  out->mtime_ns = ns_of (&st->st_mtim);
  out->ctime_ns = ns_of (&st->st_ctim);
  out->ino = (guint64) st->st_ino;
  out->dev = (guint64) st->st_dev;
}

static gboolean
same_stamp (const NkgSnapshotSource *a, const NkgSnapshotSource *b)
{
  return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns
         && a->ino == b->ino && a->dev == b->dev;
}

/* XXH3-128 of what is left to read from `fd`. Large reads into one
 * buffer: cheaper than mapping, which pays a page fault per 4 KiB. */
static gboolean
checksum_fd (int fd, guint64 sum[2])
{
  enum { BLOCK = 1 << 20 };
  g_autofree char *buf = g_malloc (BLOCK);
  XXH3_state_t *state = XXH3_createState ();
  XXH3_128bits_reset (state);
  gboolean ok = TRUE;
  for (;;)
    {
      ssize_t n = read (fd, buf, BLOCK);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ok = n == 0;
          break;
        }
      XXH3_128bits_update (state, buf, (size_t) n);
    }
  XXH128_hash_t h = XXH3_128bits_digest (state);
  XXH3_freeState (state);
  sum[0] = h.high64;
  sum[1] = h.low64;
  return ok;
}

gboolean
nkg_snapshot_source_of (const char *path, gboolean checksum, NkgSnapshotSource *out,
                        GError **error)
{
  memset (out, 0, sizeof *out);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "cannot read %s: %s",
                   path, g_strerror (saved));
      return FALSE;
    }
  struct stat st;
  gboolean ok = fstat (fd, &st) == 0 && S_ISREG (st.st_mode);
  if (ok)
    stamp_of (&st, out);
  if (ok && checksum)
    ok = checksum_fd (fd, out->sum);
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot read %s as a regular file",
                 path);
  close (fd);
  return ok;
}

/* ---------------------------------------------------------------- header */

static void
put64 (guint8 *at, guint64 v)
{
  v = GUINT64_TO_LE (v);
  memcpy (at, &v, 8);
}

static guint64
get64 (const guint8 *at)
{
  guint64 v;
  memcpy (&v, at, 8);
  return GUINT64_FROM_LE (v);
}

GBytes *
nkg_snapshot_seal (GBytes *payload, const NkgSnapshotSource *source)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (payload, &len);
  guint8 *out = g_malloc0 (HEADER_LEN + len);
  memcpy (out, MAGIC, MAGIC_LEN);
  put64 (out + 16, len);
  if (source)
    {
      const guint64 v[] = { source->size, source->mtime_ns, source->ctime_ns, source->ino,
                            source->dev, source->sum[0], source->sum[1] };
      for (gsize i = 0; i < G_N_ELEMENTS (v); i++)
        put64 (out + 40 + 8 * i, v[i]);
    }
  if (len)
    memcpy (out + HEADER_LEN, data, len);
  XXH128_hash_t h = XXH3_128bits (out + SUMMED_FROM, HEADER_LEN - SUMMED_FROM + len);
  put64 (out + 24, h.high64);
  put64 (out + 32, h.low64);
  return g_bytes_new_take (out, HEADER_LEN + len);
}

/* The payload of `bytes` (sharing its memory), and the source the header
 * names; NULL when the header or the payload's checksum is wrong. */
static GBytes *
open_sealed (GBytes *bytes, NkgSnapshotSource *source)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  if (len < HEADER_LEN || memcmp (data, MAGIC, MAGIC_LEN) != 0
      || get64 (data + 16) != len - HEADER_LEN)
    return NULL;
  for (gsize i = 96; i < HEADER_LEN; i++)
    if (data[i])
      return NULL;
  XXH128_hash_t h = XXH3_128bits (data + SUMMED_FROM, len - SUMMED_FROM);
  if (h.high64 != get64 (data + 24) || h.low64 != get64 (data + 32))
    return NULL;
  if (source)
    {
      source->size = get64 (data + 40);
      source->mtime_ns = get64 (data + 48);
      source->ctime_ns = get64 (data + 56);
      source->ino = get64 (data + 64);
      source->dev = get64 (data + 72);
      source->sum[0] = get64 (data + 80);
      source->sum[1] = get64 (data + 88);
    }
  return g_bytes_new_from_bytes (bytes, HEADER_LEN, len - HEADER_LEN);
}

/* ---------------------------------------------------------------- writing */

static void
text_add (GByteArray *b, const char *s)
{
  guint8 marker = s ? '+' : '-';
  g_byte_array_append (b, &marker, 1);
  if (s)
    g_byte_array_append (b, (const guint8 *) s, strlen (s));
  g_byte_array_append (b, (const guint8 *) "", 1);
}

static GVariant *
bytes_column (GByteArray *b)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, b->data, b->len, 1);
}

static GVariant *
u32_column (GArray *a)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, a->data, a->len, sizeof (guint32));
}

static GVariant *
i32_column (GArray *a)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, a->data, a->len, sizeof (gint32));
}

static void
u32_add (GArray *a, guint32 v)
{
  g_array_append_val (a, v);
}

static guint32
index_of (GHashTable *ix, gconstpointer p)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ix, p)) - 1;
}

/* Appends the indices (in `ix`) of the `items` to `flat`, their count to
 * `counts`. */
static void
add_index_list (GArray *counts, GArray *flat, GPtrArray *items, GHashTable *ix)
{
  u32_add (counts, items ? items->len : 0);
  for (guint i = 0; items && i < items->len; i++)
    u32_add (flat, index_of (ix, items->pdata[i]));
}

static GHashTable *
index_table (GPtrArray *items)
{
  GHashTable *ix = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (ix, items->pdata[i], GUINT_TO_POINTER (i + 1));
  return ix;
}

#define N_ARRAYS 12

static GVariant *
payload_of (NkgGraph *g)
{
  g_autoptr (GHashTable) doc_ix = index_table (g->docs);
  g_autoptr (GHashTable) ev_ix = index_table (g->evidence);
  g_autoptr (GHashTable) ent_ix = index_table (g->entities);
  g_autoptr (GHashTable) fact_ix = index_table (g->facts);
  GVariant *col[C_N];
  GByteArray *b, *b2;
  GArray *a[N_ARRAYS];
  for (int i = 0; i < N_ARRAYS; i++)
    a[i] = g_array_new (FALSE, FALSE, sizeof (guint32));
#define RESET_ARRAYS()                                                                             \
  for (int i = 0; i < N_ARRAYS; i++)                                                               \
  g_array_set_size (a[i], 0)

  b = g_byte_array_new ();
  text_add (b, g->base);
  text_add (b, g->version);
  col[C_GRAPH_TEXT] = bytes_column (b);
  g_byte_array_unref (b);

  b = g_byte_array_new ();
  for (guint i = 0; i < g->docs->len; i++)
    {
      NkgDoc *d = g->docs->pdata[i];
      const char *texts[] = { d->iri, d->source, d->title, d->date, d->sha256,
                              d->url, d->format, d->language };
      for (gsize k = 0; k < G_N_ELEMENTS (texts); k++)
        text_add (b, texts[k]);
    }
  col[C_DOC_TEXT] = bytes_column (b);
  g_byte_array_unref (b);

  b = g_byte_array_new ();
  for (guint i = 0; i < g->evidence->len; i++)
    {
      NkgEvidence *ev = g->evidence->pdata[i];
      text_add (b, ev->iri);
      text_add (b, ev->text);
      u32_add (a[0], ev->doc ? index_of (doc_ix, ev->doc) + 1 : 0);
      u32_add (a[1], ev->start);
      u32_add (a[2], ev->end);
    }
  col[C_EV_TEXT] = bytes_column (b);
  col[C_EV_DOC] = u32_column (a[0]);
  col[C_EV_START] = u32_column (a[1]);
  col[C_EV_END] = u32_column (a[2]);
  g_byte_array_unref (b);
  RESET_ARRAYS ();

  b = g_byte_array_new ();
  b2 = g_byte_array_new ();
  for (guint i = 0; i < g->entities->len; i++)
    {
      NkgEntity *e = g->entities->pdata[i];
      text_add (b, e->iri);
      text_add (b, e->name);
      gint32 k = e->klass;
      g_array_append_val (a[0], k);
      u32_add (a[1], e->mention_count);
      u32_add (a[2], e->aliases->len);
      for (guint j = 0; j < e->aliases->len; j++)
        text_add (b2, e->aliases->pdata[j]);
      add_index_list (a[3], a[4], e->docs, doc_ix);
    }
  col[C_ENT_TEXT] = bytes_column (b);
  col[C_ENT_CLASS] = i32_column (a[0]);
  col[C_ENT_MENTIONS] = u32_column (a[1]);
  col[C_ENT_NALIAS] = u32_column (a[2]);
  col[C_ENT_ALIAS] = bytes_column (b2);
  col[C_ENT_NDOC] = u32_column (a[3]);
  col[C_ENT_DOC] = u32_column (a[4]);
  g_byte_array_unref (b);
  g_byte_array_unref (b2);
  RESET_ARRAYS ();

  b = g_byte_array_new ();
  GArray *conf = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < g->facts->len; i++)
    {
      NkgFact *f = g->facts->pdata[i];
      text_add (b, f->iri);
      text_add (b, f->object ? NULL : f->literal);
      u32_add (a[0], index_of (ent_ix, f->subject));
      gint32 p = f->prop;
      g_array_append_val (a[1], p);
      u32_add (a[2], f->object ? index_of (ent_ix, f->object) + 1 : 0);
      g_array_append_val (conf, f->confidence);
      u32_add (a[3], f->gazetteer ? 1 : 0);
      add_index_list (a[4], a[5], f->docs, doc_ix);
      add_index_list (a[6], a[7], f->evidence, ev_ix);
      add_index_list (a[8], a[9], f->conflicts, fact_ix);
    }
  col[C_FACT_TEXT] = bytes_column (b);
  col[C_FACT_SUBJ] = u32_column (a[0]);
  col[C_FACT_PROP] = i32_column (a[1]);
  col[C_FACT_OBJ] = u32_column (a[2]);
  col[C_FACT_CONF] = g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, conf->data, conf->len,
                                                sizeof (double));
  col[C_FACT_FLAGS] = u32_column (a[3]);
  col[C_FACT_NDOC] = u32_column (a[4]);
  col[C_FACT_DOC] = u32_column (a[5]);
  col[C_FACT_NEV] = u32_column (a[6]);
  col[C_FACT_EV] = u32_column (a[7]);
  col[C_FACT_NCF] = u32_column (a[8]);
  col[C_FACT_CF] = u32_column (a[9]);
  g_byte_array_unref (b);
  g_array_unref (conf);
  RESET_ARRAYS ();

  b = g_byte_array_new ();
  for (guint i = 0; i < g->quotes->len; i++)
    {
      NkgQuote *q = g->quotes->pdata[i];
      text_add (b, q->iri);
      text_add (b, q->text);
      u32_add (a[0], index_of (ent_ix, q->speaker));
      add_index_list (a[1], a[2], q->docs, doc_ix);
    }
  col[C_QUOTE_TEXT] = bytes_column (b);
  col[C_QUOTE_SPEAKER] = u32_column (a[0]);
  col[C_QUOTE_NDOC] = u32_column (a[1]);
  col[C_QUOTE_DOC] = u32_column (a[2]);
  g_byte_array_unref (b);
  for (int i = 0; i < N_ARRAYS; i++)
    g_array_unref (a[i]);
#undef RESET_ARRAYS

  return g_variant_ref_sink (g_variant_new_tuple (col, C_N));
}

/* ---------------------------------------------------------------- reading */

/* A walk over one text column; a damaged column stops the walk. */
typedef struct {
  const char *p, *end;
  gboolean bad;
} Cursor;

static Cursor
cursor_of (GVariant *snap, int column)
{
  g_autoptr (GVariant) v = g_variant_get_child_value (snap, column);
  gsize n;
  const char *data = g_variant_get_fixed_array (v, &n, 1);
  /* an empty column may have no data pointer at all: no arithmetic on it */
  if (n == 0 || !data)
    return (Cursor){ NULL, NULL, FALSE };
  /* the snapshot's buffer outlives `v`: children share its memory */
  return (Cursor){ data, data + n, data[n - 1] != '\0' };
}

static gboolean
cursor_more (const Cursor *c)
{
  return !c->bad && c->p && c->p < c->end;
}

/* The next text (NULL when absent), duplicated. */
static char *
next_text (Cursor *c)
{
  if (!cursor_more (c) || (*c->p != '+' && *c->p != '-'))
    {
      c->bad = TRUE;
      return NULL;
    }
  gboolean present = *c->p == '+';
  const char *s = c->p + 1;
  gsize len = strnlen (s, c->end - s);
  c->p = s + len + 1;
  return present ? g_strndup (s, len) : NULL;
}

typedef struct {
  const guint32 *v;
  gsize n, at;
} U32s;

static U32s
u32s_of (GVariant *snap, int column)
{
  g_autoptr (GVariant) v = g_variant_get_child_value (snap, column);
  U32s u = { 0 };
  u.v = g_variant_get_fixed_array (v, &u.n, sizeof (guint32));
  return u;
}

/* Appends the next `count` indices of `flat` as items of `items` (`n` of
 * them) to `out`. */
static gboolean
take_items (U32s *flat, guint32 count, gpointer *items, gsize n, GPtrArray *out)
{
  if (count > flat->n - flat->at)
    return FALSE;
  for (guint32 i = 0; i < count; i++)
    {
      guint32 k = flat->v[flat->at++];
      if (k >= n)
        return FALSE;
      g_ptr_array_add (out, items[k]);
    }
  return TRUE;
}

/* Rebuilds the graph; NULL when a column is inconsistent (a damaged file
 * that still passed GVariant's checks). */
static NkgGraph *
graph_of (GVariant *snap)
{
  g_autoptr (NkgGraph) g = nkg_graph_new (NULL);
  gsize n;

  Cursor c = cursor_of (snap, C_GRAPH_TEXT);
  g_autofree char *base = next_text (&c);
  g_autofree char *version = next_text (&c);
  if (c.bad || !base || !version)
    return NULL;
  g_free (g->base);
  g->base = g_steal_pointer (&base);
  g_free (g->version);
  g->version = g_steal_pointer (&version);

  /* documents: eight texts each */
  c = cursor_of (snap, C_DOC_TEXT);
  g_autoptr (GPtrArray) docs = g_ptr_array_new ();
  while (cursor_more (&c))
    {
      char *t[8];
      for (int k = 0; k < 8; k++)
        t[k] = next_text (&c);
      if (c.bad || !t[0] || g_hash_table_contains (g->doc_index, t[0]))
        {
          for (int k = 0; k < 8; k++)
            g_free (t[k]);
          return NULL;
        }
      NkgDoc *d = nkg_graph_intern_doc (g, t[0]);
      g_free (t[0]);
      d->source = t[1];
      d->title = t[2];
      d->date = t[3];
      d->sha256 = t[4];
      d->url = t[5];
      d->format = t[6];
      d->language = t[7];
      g_ptr_array_add (docs, d);
    }

  /* evidence */
  c = cursor_of (snap, C_EV_TEXT);
  U32s evdoc = u32s_of (snap, C_EV_DOC), evstart = u32s_of (snap, C_EV_START),
       evend = u32s_of (snap, C_EV_END);
  if (evstart.n != evdoc.n || evend.n != evdoc.n)
    return NULL;
  g_autoptr (GPtrArray) evs = g_ptr_array_sized_new (evdoc.n);
  for (gsize i = 0; i < evdoc.n; i++)
    {
      g_autofree char *iri = next_text (&c);
      g_autofree char *text = next_text (&c);
      if (c.bad || !iri || evdoc.v[i] > docs->len
          || g_hash_table_contains (g->evidence_index, iri))
        return NULL;
      NkgDoc *d = evdoc.v[i] ? g_ptr_array_index (docs, evdoc.v[i] - 1) : NULL;
      g_ptr_array_add (evs, nkg_graph_add_evidence (g, iri, d, evstart.v[i], evend.v[i], text));
    }

  /* entities */
  c = cursor_of (snap, C_ENT_TEXT);
  Cursor alias = cursor_of (snap, C_ENT_ALIAS);
  g_autoptr (GVariant) vclass = g_variant_get_child_value (snap, C_ENT_CLASS);
  const gint32 *klass = g_variant_get_fixed_array (vclass, &n, sizeof (gint32));
  U32s mentions = u32s_of (snap, C_ENT_MENTIONS), nalias = u32s_of (snap, C_ENT_NALIAS),
       ndoc = u32s_of (snap, C_ENT_NDOC), edocs = u32s_of (snap, C_ENT_DOC);
  if (mentions.n != n || nalias.n != n || ndoc.n != n)
    return NULL;
  g_autoptr (GPtrArray) ents = g_ptr_array_sized_new (n);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *iri = next_text (&c);
      char *name = next_text (&c);
      if (c.bad || !iri || nkg_graph_entity_by_iri (g, iri))
        {
          g_free (name);
          return NULL;
        }
      NkgEntity *e = nkg_graph_intern_entity (g, iri);
      e->name = name;
      e->klass = klass[i] >= 0 && klass[i] < NKG_CLASS_N ? (NkgClass) klass[i] : NKG_CLASS_PLACE;
      e->mention_count = mentions.v[i];
      for (guint32 k = 0; k < nalias.v[i]; k++)
        {
          char *a = next_text (&alias);
          if (alias.bad || !a)
            return NULL;
          g_ptr_array_add (e->aliases, a);
        }
      if (!take_items (&edocs, ndoc.v[i], docs->pdata, docs->len, e->docs))
        return NULL;
      g_ptr_array_add (ents, e);
    }
  NkgEntity **ev = (NkgEntity **) ents->pdata;
  gsize nents = ents->len;

  /* facts: created first, their conflicts linked once all exist */
  c = cursor_of (snap, C_FACT_TEXT);
  U32s subj = u32s_of (snap, C_FACT_SUBJ), obj = u32s_of (snap, C_FACT_OBJ),
       flags = u32s_of (snap, C_FACT_FLAGS), fndoc = u32s_of (snap, C_FACT_NDOC),
       fdocs = u32s_of (snap, C_FACT_DOC), nev = u32s_of (snap, C_FACT_NEV),
       fev = u32s_of (snap, C_FACT_EV), ncf = u32s_of (snap, C_FACT_NCF),
       fcf = u32s_of (snap, C_FACT_CF);
  g_autoptr (GVariant) vprop = g_variant_get_child_value (snap, C_FACT_PROP);
  g_autoptr (GVariant) vconf = g_variant_get_child_value (snap, C_FACT_CONF);
  gsize nprop, nconf;
  const gint32 *prop = g_variant_get_fixed_array (vprop, &nprop, sizeof (gint32));
  const double *conf = g_variant_get_fixed_array (vconf, &nconf, sizeof (double));
  n = subj.n;
  if (obj.n != n || flags.n != n || fndoc.n != n || nev.n != n || ncf.n != n || nprop != n
      || nconf != n)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *iri = next_text (&c);
      g_autofree char *literal = next_text (&c);
      if (c.bad || !iri || subj.v[i] >= nents || obj.v[i] > nents || prop[i] < 0
          || prop[i] >= NKG_PROP_N || (obj.v[i] != 0) == (literal != NULL))
        return NULL;
      NkgFact *f = nkg_graph_new_fact (g, ev[subj.v[i]], (NkgProp) prop[i],
                                       obj.v[i] ? ev[obj.v[i] - 1] : NULL, literal);
      f->iri = g_steal_pointer (&iri);
      f->confidence = conf[i];
      f->gazetteer = (flags.v[i] & 1) != 0;
      if (!take_items (&fdocs, fndoc.v[i], docs->pdata, docs->len, f->docs)
          || !take_items (&fev, nev.v[i], evs->pdata, evs->len, f->evidence))
        return NULL;
    }
  for (gsize i = 0; i < n; i++)
    {
      NkgFact *f = g_ptr_array_index (g->facts, i);
      if (!take_items (&fcf, ncf.v[i], g->facts->pdata, g->facts->len, f->conflicts))
        return NULL;
    }

  /* quotes */
  c = cursor_of (snap, C_QUOTE_TEXT);
  U32s speaker = u32s_of (snap, C_QUOTE_SPEAKER), qndoc = u32s_of (snap, C_QUOTE_NDOC),
       qdocs = u32s_of (snap, C_QUOTE_DOC);
  if (qndoc.n != speaker.n)
    return NULL;
  for (gsize i = 0; i < speaker.n; i++)
    {
      g_autofree char *iri = next_text (&c);
      g_autofree char *text = next_text (&c);
      if (c.bad || !iri || !text || speaker.v[i] >= nents)
        return NULL;
      NkgQuote *q = g_new0 (NkgQuote, 1);
      q->iri = g_steal_pointer (&iri);
      q->speaker = ev[speaker.v[i]];
      q->text = g_steal_pointer (&text);
      q->docs = g_ptr_array_new ();
      g_ptr_array_add (g->quotes, q);
      if (!take_items (&qdocs, qndoc.v[i], docs->pdata, docs->len, q->docs))
        return NULL;
    }
  nkg_graph_index_finished (g);
  return g_steal_pointer (&g);
}


NkgGraph *
nkg_snapshot_graph (GBytes *bytes, NkgSnapshotSource *source)
{
  g_autoptr (GBytes) payload = open_sealed (bytes, source);
  if (!payload)
    return NULL;
  /* Untrusted even with a good checksum (anyone can write one): GVariant
   * checks the columns' framing, graph_of every count and index. */
  g_autoptr (GVariant) snap
    = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (PAYLOAD_T), payload, FALSE));
  return graph_of (snap);
}

GBytes *
nkg_snapshot_bytes (NkgGraph *graph, const NkgSnapshotSource *source)
{
  g_autoptr (GVariant) snap = payload_of (graph);
  g_autoptr (GBytes) payload = g_variant_get_data_as_bytes (snap);
  return nkg_snapshot_seal (payload, source);
}

/* The Turtle file's checksum, computed on a second thread while the
 * snapshot is read: the two cost about the same, and the wait is the
 * longer of them rather than their sum. */
typedef struct {
  char *path;
  NkgSnapshotSource now;
  gboolean ok;
} SumJob;

static gpointer
sum_thread (gpointer data)
{
  SumJob *j = data;
  j->ok = nkg_snapshot_source_of (j->path, TRUE, &j->now, NULL);
  return NULL;
}

NkgGraph *
nkg_snapshot_load (const char *snap_path, const char *turtle_path)
{
  NkgSnapshotSource quick;
  if (!nkg_snapshot_source_of (turtle_path, FALSE, &quick, NULL))
    return NULL;
  g_autoptr (GMappedFile) mf = g_mapped_file_new (snap_path, FALSE, NULL);
  if (!mf)
    return NULL;
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mf);
  /* The stamp first: a stale snapshot (the usual case after a rebuild)
   * costs nothing more. */
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  if (len < HEADER_LEN || memcmp (data, MAGIC, MAGIC_LEN) != 0)
    return NULL;
  NkgSnapshotSource stamped = { get64 (data + 40), get64 (data + 48), get64 (data + 56),
                                get64 (data + 64), get64 (data + 72), { 0, 0 } };
  if (!same_stamp (&stamped, &quick))
    return NULL;

  SumJob job = { g_strdup (turtle_path), { 0 }, FALSE };
  GThread *t = g_thread_try_new ("nkg-sum", sum_thread, &job, NULL);
  if (!t)
    sum_thread (&job);
  NkgSnapshotSource named;
  g_autoptr (NkgGraph) g = nkg_snapshot_graph (bytes, &named);
  if (t)
    g_thread_join (t);
  g_free (job.path);
  if (!g || !job.ok || !same_stamp (&named, &job.now) || named.sum[0] != job.now.sum[0]
      || named.sum[1] != job.now.sum[1])
    return NULL;
  return g_steal_pointer (&g);
}
