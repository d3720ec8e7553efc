/* inspect-cache.c — a binary snapshot of a loaded corpus.ttl, so the
 * inspection commands answer instantly on large corpora.
 *
 * Parsing Turtle is the slow part of every inspection command: Raptor
 * alone needs about 2.5 s for a corpus of 10,000 articles (1.6 million
 * triples). The first command on a large graph file therefore writes a
 * snapshot of the loaded graph as one GVariant under
 * $XDG_CACHE_HOME/newskg/; later commands map it and rebuild the graph
 * without parsing. The snapshot is keyed by the Turtle file's canonical
 * path and records its size, modification time and inode, so any change to
 * the file (a rebuild) makes it stale, and it is simply rewritten. The
 * Turtle stays the only source of truth: the snapshot holds exactly what
 * was read from it, and a damaged or foreign snapshot is ignored.
 *
 * Files under NEWSKG_CACHE_MIN_BYTES (default 4 MiB) parse fast enough and
 * are never cached; NEWSKG_CACHE=0 turns the cache off.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "export/atomic.h"
#include "graph/load.h"

/* Bumped whenever the layout below or NkgGraph's meaning changes. */
#define SNAPSHOT_MAGIC "newskg-snapshot-4"

/* The layout is columnar: every column is a fixed-width array or one byte
 * string of NUL-terminated texts, so reading is a few pointer walks with no
 * GVariant per element (per-element access made the first version 5×
 * slower). Each text is stored as a marker ('+' present, '-' absent) then
 * the text and a NUL. Lists (aliases, documents, evidence, conflicts) are a
 * count per owner plus one flat column of indices.
 *
 *   magic s, Turtle size t, mtime µs x, inode t,
 *   graph:    texts (base version)
 *   docs:     texts (iri source title date sha256 url format language)
 *   evidence: texts (iri text), doc+1 au, start au, end au
 *   entities: texts (iri name), class ai, mentions au,
 *             alias counts au, alias texts, doc counts au, doc indices au
 *   facts:    texts (iri literal), subject au, property ai, object+1 au,
 *             confidence ad, flags au (1: gazetteer), doc counts au,
 *             doc indices au, evidence counts au, evidence indices au,
 *             conflict counts au, conflict (fact) indices au
 *   quotes:   texts (iri text), speaker au, doc counts au, doc indices au */
#define SNAPSHOT_T "(stxt" "ay" "ay" "ayauauau" "ayaiauauayauau" "ayauaiauadauauauauauauau" "ayauauau)"

enum {
  C_MAGIC, C_SIZE, C_MTIME, C_INO,
  C_GRAPH_TEXT,
  C_DOC_TEXT,
  C_EV_TEXT, C_EV_DOC, C_EV_START, C_EV_END,
  C_ENT_TEXT, C_ENT_CLASS, C_ENT_MENTIONS, C_ENT_NALIAS, C_ENT_ALIAS, C_ENT_NDOC, C_ENT_DOC,
  C_FACT_TEXT, C_FACT_SUBJ, C_FACT_PROP, C_FACT_OBJ, C_FACT_CONF, C_FACT_FLAGS, C_FACT_NDOC,
  C_FACT_DOC, C_FACT_NEV, C_FACT_EV, C_FACT_NCF, C_FACT_CF,
  C_QUOTE_TEXT, C_QUOTE_SPEAKER, C_QUOTE_NDOC, C_QUOTE_DOC,
  C_N
};

static guint64
env_min_bytes (void)
{
  const char *v = g_getenv ("NEWSKG_CACHE_MIN_BYTES");
  return v ? g_ascii_strtoull (v, NULL, 10) : 4 * 1024 * 1024;
}

static char *
snapshot_path (const char *turtle)
{
  g_autofree char *abs = g_canonicalize_filename (turtle, NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, abs, -1);
  sum[32] = '\0';
  g_autofree char *name = g_strconcat (sum, ".gvariant", NULL);
  return g_build_filename (g_get_user_cache_dir (), "newskg", name, NULL);
}

static guint64
mtime_us (const struct stat *st)
{
  return (guint64) st->st_mtim.tv_sec * G_USEC_PER_SEC + (guint64) st->st_mtim.tv_nsec / 1000;
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
snapshot_of (NkgGraph *g, const struct stat *st)
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

  col[C_MAGIC] = g_variant_new_string (SNAPSHOT_MAGIC);
  col[C_SIZE] = g_variant_new_uint64 ((guint64) st->st_size);
  col[C_MTIME] = g_variant_new_int64 ((gint64) mtime_us (st));
  col[C_INO] = g_variant_new_uint64 ((guint64) st->st_ino);

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

GBytes *
nkg_cli_snapshot_bytes (NkgGraph *graph)
{
  struct stat none = { 0 };
  g_autoptr (GVariant) snap = snapshot_of (graph, &none);
  return g_variant_get_data_as_bytes (snap);
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

/* Snapshot bytes as the variant, or NULL when they are not a snapshot of
 * this version. */
static GVariant *
snapshot_open (GBytes *bytes)
{
  g_autoptr (GVariant) snap
    = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SNAPSHOT_T), bytes, FALSE));
  const char *magic;
  g_variant_get_child (snap, C_MAGIC, "&s", &magic);
  return strcmp (magic, SNAPSHOT_MAGIC) == 0 ? g_steal_pointer (&snap) : NULL;
}

NkgGraph *
nkg_cli_snapshot_graph (GBytes *bytes)
{
  g_autoptr (GVariant) snap = snapshot_open (bytes);
  return snap ? graph_of (snap) : NULL;
}

/* The snapshot's graph, or NULL when there is none or it is stale. */
static NkgGraph *
read_snapshot (const char *snap_path, const struct stat *st)
{
  g_autoptr (GMappedFile) mf = g_mapped_file_new (snap_path, FALSE, NULL);
  if (!mf)
    return NULL;
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mf);
  /* Untrusted: GVariant checks the few columns' framing, graph_of every
   * count and index, so a damaged file is treated as absent. */
  g_autoptr (GVariant) snap = snapshot_open (bytes);
  if (!snap)
    return NULL;
  guint64 size, ino;
  gint64 mtime;
  g_variant_get_child (snap, C_SIZE, "t", &size);
  g_variant_get_child (snap, C_MTIME, "x", &mtime);
  g_variant_get_child (snap, C_INO, "t", &ino);
  if (size != (guint64) st->st_size || (guint64) mtime != mtime_us (st) || ino != (guint64) st->st_ino)
    return NULL;
  return graph_of (snap);
}

static void
write_snapshot (const char *snap_path, NkgGraph *g, const struct stat *st)
{
  g_autofree char *dir = g_path_get_dirname (snap_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return;
  g_autoptr (GVariant) snap = snapshot_of (g, st);
  g_autoptr (GBytes) bytes = g_variant_get_data_as_bytes (snap);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* A cache that cannot be written only costs speed: no error. Written
   * atomically, so a reader never maps half a snapshot. */
  nkg_write_atomic_bytes (snap_path, data, len, NULL);
}

NkgGraph *
nkg_cli_load_graph (const char *path, GError **error)
{
  struct stat st;
  const char *flag = g_getenv ("NEWSKG_CACHE");
  gboolean use = !(flag && strcmp (flag, "0") == 0) && g_stat (path, &st) == 0
                 && S_ISREG (st.st_mode) && (guint64) st.st_size >= env_min_bytes ();
  if (!use)
    return nkg_graph_load_turtle (path, error);

  g_autofree char *snap_path = snapshot_path (path);
  NkgGraph *g = read_snapshot (snap_path, &st);
  if (g)
    return g;
  g = nkg_graph_load_turtle (path, error);
  if (g)
    write_snapshot (snap_path, g, &st);
  return g;
}
